"""Accounts as the unit of advice: what each platform entry of the session is, and what the
predecessor's accounts were.

A platform entry is one account. Its kind (office: an account of the post, always the ministry's;
own: the minister's own account; ministry: the ministry's own account) follows from the form or
the account choice through the rulebook's `account_kinds` and the forms' `kind`. The predecessor's
accounts are accounts too: the session may name them (`predecessor.accounts`); where it does not,
the rulebook's `predecessor_accounts.assume` rules say what is assumed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from wizard.core.conditions import is_filled, matches
from wizard.core.rulebook import Rulebook
from wizard.core.session import Session

KINDS = ("office", "own", "ministry")
PREDECESSOR_KINDS = ("office", "own", "none")


@dataclass
class Entry:
    """What the new minister's entry on one used platform is, before any rule is applied."""

    key: str
    form: str | None
    form_given: bool
    account: str | None  # takeover | new | own (the account choice, given or assumed)
    account_given: bool
    kind: str  # office | own | ministry
    handle_given: str  # the handle the session gives, without "@", or ""
    known_handle: str  # for an account of the post that is taken over: its handle, or ""


def platform_part(platform: dict[str, Any], form: str | None, name: str) -> Any:
    """A platform setting, from the chosen form where the form has its own."""
    form_data = (platform.get("forms") or {}).get(form or "", {})
    return form_data.get(name, platform.get(name))


def clean_handle(value: Any) -> str:
    return str(value or "").strip().lstrip("@").strip()


def _form(
    platform: dict[str, Any], answers: dict[str, Any], variant: str
) -> tuple[str | None, bool]:
    forms = platform.get("forms") or {}
    given = answers.get("form")
    if not forms:
        return None, False
    if given in forms:
        return given, True
    default = (platform.get("default_form") or {}).get(variant)
    return (default if default in forms else next(iter(forms))), False


def _kind(
    rulebook: Rulebook, platform: dict[str, Any], form: str | None, account: str | None
) -> str:
    form_kind = ((platform.get("forms") or {}).get(form or "") or {}).get("kind")
    if form_kind in KINDS:
        return form_kind
    return rulebook.data["account_kinds"].get(account or "", "own")


def _account(
    rulebook: Rulebook, answers: dict[str, Any], variant: str, form_kind: str | None
) -> tuple[str | None, bool]:
    choices = rulebook.data["account_choices"]
    given = answers.get("account")
    kinds = rulebook.data["account_kinds"]
    if given in choices and (
        form_kind is None or kinds.get(given) == form_kind or form_kind == "ministry"
    ):
        return given, True
    if form_kind == "own":
        return "own", False
    if form_kind == "ministry":
        return None, False
    if form_kind == "office":
        default = rulebook.data["default_account"].get(variant)
        return (default if kinds.get(default or "") == "office" else "takeover"), False
    return rulebook.data["default_account"].get(variant), False


def entries(session: Session, rulebook: Rulebook, used: list[str]) -> dict[str, Entry]:
    """The new minister's account on every used platform."""
    variant = session.get("variant") or ""
    office = session.get("minister.office") or ""
    known_accounts = (rulebook.data.get("office_accounts") or {}).get(office, {})
    named = _named_predecessor_accounts(session)
    result = {}
    for key in used:
        platform = rulebook.platforms[key]
        answers = session.get(f"platforms.{key}") or {}
        form, form_given = _form(platform, answers, variant)
        form_kind = ((platform.get("forms") or {}).get(form or "") or {}).get("kind")
        account, account_given = _account(rulebook, answers, variant, form_kind)
        kind = _kind(rulebook, platform, form, account)
        handle = clean_handle(answers.get("handle"))
        known = ""
        if kind == "office" and account == "takeover":
            predecessor = named.get(key) or {}
            from_predecessor = (
                clean_handle(predecessor.get("handle"))
                if predecessor.get("kind") in (None, "office")
                else ""
            )
            known = (
                handle
                or from_predecessor
                or clean_handle((known_accounts.get(key) or {}).get("handle"))
            )
        result[key] = Entry(
            key=key,
            form=form,
            form_given=form_given,
            account=account,
            account_given=account_given,
            kind=kind,
            handle_given=handle,
            known_handle=known,
        )
    return result


# --- the predecessor's accounts --------------------------------------------------------------


@dataclass
class PredecessorAccount:
    """One account of the predecessor and what happens to it."""

    platform: str
    label: str
    kind: str  # office | own
    handle: str  # "" when not known
    action: str  # see 42-predecessor.yaml `actions`
    rvd_request: bool
    assumed: bool  # not said in the session: an assumption of the rulebook
    taken_over: bool  # the new minister takes this very account over
    archive_account: str | None = None
    url: str | None = None
    archive_url: str | None = None
    source: tuple[str, ...] = ()

    def contract(self) -> dict[str, Any]:
        """The entry of `predecessor_accounts` in platformconfiguratie.yaml (DESIGN.md)."""
        return {
            "handle": self.handle or None,
            "kind": self.kind,
            "action": self.action,
            "archive_account": self.archive_account,
            "rvd_request": self.rvd_request,
        }


def _named_predecessor_accounts(session: Session) -> dict[str, dict[str, Any]]:
    accounts = session.get("predecessor.accounts")
    if not isinstance(accounts, dict):
        return {}
    return {key: value for key, value in accounts.items() if isinstance(value, dict)}


def _assumption(rulebook: Rulebook, context: dict[str, Any]) -> dict[str, Any] | None:
    for rule in rulebook.data["predecessor_accounts"]["assume"]:
        if matches(rule.get("when"), context):
            return rule
    return None


def _action(rulebook: Rulebook, context: dict[str, Any]) -> dict[str, Any]:
    for rule in rulebook.data["predecessor_accounts"]["actions"]:
        if matches(rule.get("when"), context):
            return rule
    return {"action": "none", "rvd_request": False, "source": []}


def predecessor_accounts(
    session: Session, rulebook: Rulebook, base: dict[str, Any], used: dict[str, Entry]
) -> dict[str, PredecessorAccount]:
    """Every account of the predecessor, said or assumed, in the rulebook's platform order.
    Empty when there is no predecessor."""
    if not base.get("predecessor"):
        return {}
    named = _named_predecessor_accounts(session)
    office = session.get("minister.office") or ""
    known_accounts = (rulebook.data.get("office_accounts") or {}).get(office, {})
    result = {}
    for key, platform in rulebook.platforms.items():
        entry = used.get(key)
        successor = {
            "kind": entry.kind if entry else None,
            "account": entry.account if entry else None,
            "used": entry is not None,
        }
        context = dict(base, platform=key, meta=platform["meta"], successor=successor)
        given = named.get(key)
        if given is not None and given.get("kind") in PREDECESSOR_KINDS:
            kind, assumed, source = given["kind"], False, ()
            handle = clean_handle(given.get("handle"))
        elif entry is not None or given is not None:
            rule = _assumption(rulebook, context)
            if rule is None:
                continue
            kind, assumed, source = rule["kind"], True, tuple(rule.get("source", []))
            handle = clean_handle((given or {}).get("handle"))
            if not handle and rule.get("handle") == "successor" and entry is not None:
                handle = entry.known_handle
            elif not handle and rule.get("handle") == "office_account":
                handle = clean_handle((known_accounts.get(key) or {}).get("handle"))
        else:
            continue
        if kind == "none":
            continue
        context.update(kind=kind)
        action = _action(rulebook, context)
        taken_over = bool(
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
        result[key] = PredecessorAccount(
            platform=key,
            label=platform["label"],
            kind=kind,
            handle=handle,
            action=action["action"],
            rvd_request=bool(action.get("rvd_request")),
            assumed=assumed,
            taken_over=taken_over,
            source=source + tuple(action.get("source", [])),
        )
    return result


def predecessor_given(session: Session) -> bool:
    """Whether there is a predecessor: the session has a `predecessor` section with something in
    it (DESIGN.md: "omit when there is none")."""
    data = session.get("predecessor")
    if not isinstance(data, dict):
        return False
    return any(is_filled(value) or value is False for value in data.values())
