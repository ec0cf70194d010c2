"""The third stage of the advice: the predecessor's accounts and what happens to each of them
(DESIGN readings 3, 10, 11, 12 and 16).

The session may name them (`predecessor.accounts`); where it does not, the rulebook's
`predecessor_accounts.assume` rules say what is assumed, and the documents say it is an
assumption. What happens to each (`actions`) is the first matching rule. An account of the post
that the new minister takes over beside the predecessor's own account on that platform (after a
hybrid predecessor) is archived like any account of the post that is taken over (reading 11).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from wizard.core import text
from wizard.core.accounts import (
    PREDECESSOR_KINDS,
    Entry,
    assumption,
    clean_handle,
    known_office_accounts,
    named_predecessor_accounts,
)
from wizard.core.advice import Predecessor, PredecessorAccount
from wizard.core.conditions import matches
from wizard.core.facts import Facts
from wizard.core.rulebook import Rulebook
from wizard.core.session import Session

NO_ACTION = {"action": "none", "rvd_request": False, "source": []}


def _action(rulebook: Rulebook, context: dict[str, Any]) -> dict[str, Any]:
    for rule in rulebook.data["predecessor_accounts"]["actions"]:
        if matches(rule.get("when"), context):
            return rule
    return NO_ACTION


def _taken_over(kind: str, handle: str, entry: Entry | None) -> bool:
    """Whether the new minister takes this very account of the post over."""
    return bool(
        kind == "office"
        and entry is not None
        and entry.kind == "office"
        and entry.account == "takeover"
        and (
            not handle
            or not entry.known_handle
            or handle.casefold() == entry.known_handle.casefold()
        )
    )


def _said_or_assumed(
    rulebook: Rulebook,
    context: dict[str, Any],
    given: dict[str, Any] | None,
    entry: Entry | None,
    known: str,
) -> tuple[str, str, bool, tuple[str, ...]] | None:
    """(kind, handle, assumed, source) of the predecessor's account on a platform, or None when
    there is none."""
    if given is not None and given.get("kind") in PREDECESSOR_KINDS:
        kind, handle = given["kind"], clean_handle(given.get("handle"))
        return (kind, handle, False, ()) if kind != "none" else None
    if entry is None and given is None:
        return None
    rule = assumption(rulebook, context)
    if rule is None or rule["kind"] == "none":
        return None
    handle = clean_handle((given or {}).get("handle"))
    if not handle and rule.get("handle") == "successor" and entry is not None:
        handle = entry.known_handle
    elif not handle and rule.get("handle") == "office_account":
        handle = known
    return rule["kind"], handle, True, tuple(rule.get("source", []))


def _account(
    rulebook: Rulebook,
    context: dict[str, Any],
    kind: str,
    handle: str,
    entry: Entry | None,
    assumed: bool,
    source: tuple[str, ...],
) -> PredecessorAccount:
    platform = rulebook.platforms[context["platform"]]
    taken_over = _taken_over(kind, handle, entry)
    # The same person goes on with an account when she uses it again (reading 12).
    continued = taken_over or (kind == "own" and entry is not None and entry.kind == "own")
    action = _action(rulebook, dict(context, kind=kind, continued=continued))
    return PredecessorAccount(
        platform=context["platform"],
        label=platform["label"],
        kind=kind,
        kind_label="",
        handle=handle,
        action=action["action"],
        action_text="",
        rvd_request=bool(action.get("rvd_request")),
        assumed=assumed,
        taken_over=taken_over,
        source=source + tuple(action.get("source", [])),
    )


def _accounts(
    session: Session, rulebook: Rulebook, base: dict[str, Any], used: dict[str, Entry]
) -> list[PredecessorAccount]:
    named = named_predecessor_accounts(session)
    known = known_office_accounts(session, rulebook)
    result = []
    for key, platform in rulebook.platforms.items():
        entry = used.get(key)
        successor = {
            "kind": entry.kind if entry else None,
            "account": entry.account if entry else None,
            "used": entry is not None,
        }
        context = dict(base, platform=key, meta=platform["meta"], successor=successor)
        found = _said_or_assumed(rulebook, context, named.get(key), entry, known.get(key, ""))
        accounts = []
        if found is not None:
            kind, handle, assumed, source = found
            accounts.append(_account(rulebook, context, kind, handle, entry, assumed, source))
        if (
            entry is not None
            and entry.kind == "office"
            and entry.account == "takeover"
            and not any(account.taken_over for account in accounts)
        ):
            # The account of the post that is taken over has posts of its own (reading 11).
            office = _account(rulebook, context, "office", entry.known_handle, entry, False, ())
            accounts.append(replace(office, beside_own=bool(accounts)))
        result.extend(accounts)
    return result


def _archive_name(
    session: Session, rulebook: Rulebook, account: PredecessorAccount, values: dict[str, str]
) -> str | None:
    """The name of the archive account of Meta's swap: as the advisor gives it, else the
    rulebook's proposal (reading 3)."""
    named = named_predecessor_accounts(session).get(account.platform) or {}
    given = clean_handle(named.get("archive_account")) or clean_handle(
        session.get(f"platforms.{account.platform}.archive_account")
    )
    if given:
        return given
    if not account.handle:
        return None
    platform = rulebook.platforms[account.platform]
    pattern = rulebook.data["patterns"]["meta_archive_account"]["value"]
    filled = text.transform_handle(text.fill(pattern, dict(values, handle=account.handle)), "lower")
    return text.keep_charset(filled, platform.get("handle_charset") or "a-z0-9._") or None


def _url(rulebook: Rulebook, platform: str, handle: str | None) -> str | None:
    pattern = rulebook.platforms[platform].get("url")
    return text.fill(pattern, {"handle": handle}) if handle and pattern else None


def _described(
    session: Session, rulebook: Rulebook, account: PredecessorAccount, values: dict[str, str]
) -> PredecessorAccount:
    """The account with its URLs, its archive account and its words."""
    words = rulebook.data["predecessor_accounts"]["words"]
    archive = (
        _archive_name(session, rulebook, account, values)
        if account.action == "meta_archive_swap"
        else None
    )
    archive_ref = f"@{archive}" if archive else values["unknown_handle"]
    return replace(
        account,
        kind_label=words["kinds"][account.kind],
        action_text=text.fill(
            words["actions"][account.action], dict(values, archive_ref=archive_ref)
        ),
        archive_account=archive,
        url=_url(rulebook, account.platform, account.handle),
        archive_url=_url(rulebook, account.platform, archive),
    )


def predecessor(
    session: Session, rulebook: Rulebook, facts: Facts, used: dict[str, Entry]
) -> Predecessor | None:
    """The predecessor and every one of their accounts, in the rulebook's platform order; None
    when there is no predecessor."""
    said = facts.context["predecessor"]
    if not said:
        return None
    accounts = [
        _described(session, rulebook, account, facts.values)
        for account in _accounts(session, rulebook, facts.context, used)
    ]
    variants = rulebook.data["variants"]
    arranged = (session.get("predecessor") or {}).get("archiving_arranged")
    return Predecessor(
        name=said["name"],
        variant=said["variant"],
        variant_label=(variants.get(said["variant"]) or {}).get("label", said["variant"]),
        archiving_arranged=arranged if isinstance(arranged, bool) else None,
        same_person=said["same_person"],
        accounts=tuple(accounts),
    )


def predecessor_values(
    advice: Predecessor | None, rulebook: Rulebook, values: dict[str, str], list_and: str
) -> dict[str, str]:
    """The predecessor's accounts in words, for the clauses."""
    words = rulebook.data["predecessor_accounts"]["words"]
    accounts = list(advice.accounts) if advice else []

    def joined(items: list[str]) -> str:
        items = list(dict.fromkeys(items))
        return ", ".join(items[:-1]) + list_and + items[-1] if len(items) > 1 else "".join(items)

    def platforms(action: str) -> str:
        return joined([item.label for item in accounts if item.action == action])

    assumed = [
        text.fill(
            words[item.kind],
            dict(
                values,
                platform_label=item.label,
                handle_ref=f"@{item.handle}" if item.handle else values["unknown_handle"],
            ),
        )
        for item in accounts
        if item.assumed
    ]
    return {
        "predecessor_delete_platforms": platforms("archive_and_delete"),
        "predecessor_swap_platforms": platforms("meta_archive_swap"),
        "predecessor_leave_platforms": platforms("leaves_with_predecessor"),
        "predecessor_continue_platforms": platforms("continues"),
        "predecessor_assumed": words["separator"].join(assumed),
    }


def summary(advice: Predecessor | None) -> dict[str, bool]:
    """Facts about the predecessor's accounts together that conditions look at."""
    accounts = advice.accounts if advice else ()
    actions = {account.action for account in accounts}
    return {
        "any": bool(actions - {"continues"}),
        "delete": "archive_and_delete" in actions,
        "swap": "meta_archive_swap" in actions,
        "archive": bool(actions & {"archive_and_delete", "meta_archive_swap"}),
        "leaves": "leaves_with_predecessor" in actions,
        "continues": "continues" in actions,
        "assumed": any(account.assumed for account in accounts),
    }


def account_context(
    account: PredecessorAccount, base: dict[str, Any], values: dict[str, str], rulebook: Rulebook
) -> dict[str, Any]:
    """The `when` context of one of the predecessor's accounts (findings, checklist)."""
    return dict(
        base,
        platform=account.platform,
        meta=rulebook.platforms[account.platform]["meta"],
        kind=account.kind,
        action=account.action,
        taken_over=account.taken_over,
        handle_known=bool(account.handle),
        rvd_request=account.rvd_request,
        values=dict(
            values,
            platform_label=account.label,
            handle=account.handle,
            handle_ref=f"@{account.handle}" if account.handle else values["unknown_handle"],
            archive_account=account.archive_account or "",
            old_url=account.url or "",
            archive_url=account.archive_url or "",
        ),
    )
