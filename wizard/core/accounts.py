"""The second stage of the advice: what each used platform of the session is, before any rule of
the configuration is applied.

A platform entry is one account. Its kind (office: an account of the post, always the ministry's;
own: the minister's own account; ministry: the ministry's own account) follows from the form or
the account choice through the rulebook's `account_kinds` and the forms' `kind`. Where the advisor
has not chosen, the rulebook's `default_account` rules say which account is advised; an account
of the post is taken over only where there is one to take over (reading 16).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from wizard.core.conditions import matches
from wizard.core.rulebook import Rulebook
from wizard.core.session import Session
from wizard.core.text import one_line

KINDS = ("office", "own", "ministry")
PREDECESSOR_KINDS = ("office", "own", "none")


@dataclass(frozen=True)
class Entry:
    """What the new minister's entry on one used platform is, before any rule is applied."""

    key: str
    form: str | None
    form_given: bool
    account: str | None  # takeover | new | own (the account choice, given or advised)
    account_given: bool
    kind: str  # office | own | ministry
    handle_given: str  # the handle the session gives, without "@", or ""
    known_handle: str  # for an account of the post that is taken over: its handle, or ""


def platform_part(platform: dict[str, Any], form: str | None, name: str) -> Any:
    """A platform setting, from the chosen form where the form has its own."""
    form_data = (platform.get("forms") or {}).get(form or "", {})
    return form_data.get(name, platform.get(name))


def clean_handle(value: Any) -> str:
    """A handle as the session gives it, on one line and without "@"."""
    return one_line(value or "").lstrip("@").strip()


def named_predecessor_accounts(session: Session) -> dict[str, dict[str, Any]]:
    """The predecessor's accounts as the session names them (`predecessor.accounts`)."""
    accounts = session.get("predecessor.accounts")
    if not isinstance(accounts, dict):
        return {}
    return {key: value for key, value in accounts.items() if isinstance(value, dict)}


def known_office_accounts(session: Session, rulebook: Rulebook) -> dict[str, str]:
    """The accounts of the post the rulebook knows (`office_accounts`), per platform."""
    office = session.get("minister.office") or ""
    known = (
        (rulebook.data.get("office_accounts") or {}).get(office, {})
        if isinstance(office, str)
        else {}
    )
    return {
        key: clean_handle(entry.get("handle"))
        for key, entry in known.items()
        if isinstance(entry, dict) and clean_handle(entry.get("handle"))
    }


def assumption(rulebook: Rulebook, context: dict[str, Any]) -> dict[str, Any] | None:
    """The first of the rulebook's `predecessor_accounts.assume` rules that matches."""
    for rule in rulebook.data["predecessor_accounts"]["assume"]:
        if matches(rule.get("when"), context):
            return rule
    return None


def _office_account_exists(
    session: Session, rulebook: Rulebook, base: dict[str, Any], key: str
) -> bool:
    """Whether the post has an account on this platform to take over (reading 16): the
    predecessor's account of the post, said or assumed before the new minister chose, or one
    the rulebook knows for the post."""
    if key in known_office_accounts(session, rulebook):
        return True
    if not base.get("predecessor"):
        return False
    said = named_predecessor_accounts(session).get(key) or {}
    if said.get("kind") in PREDECESSOR_KINDS:
        return said["kind"] == "office"
    platform = rulebook.platforms[key]
    undecided = {"kind": "office", "account": None, "used": True}
    rule = assumption(
        rulebook, dict(base, platform=key, meta=platform["meta"], successor=undecided)
    )
    return rule is not None and rule["kind"] == "office"


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


def _advised_account(rulebook: Rulebook, context: dict[str, Any]) -> str | None:
    for rule in rulebook.data["default_account"]:
        if matches(rule.get("when"), context):
            return rule["account"]
    return None


def _account(
    rulebook: Rulebook, answers: dict[str, Any], form_kind: str | None, context: dict[str, Any]
) -> tuple[str | None, bool]:
    choices = rulebook.data["account_choices"]
    kinds = rulebook.data["account_kinds"]
    given = answers.get("account")
    if given in choices and (
        form_kind is None or kinds.get(given) == form_kind or form_kind == "ministry"
    ):
        return given, True
    if form_kind == "ministry":
        return None, False
    if form_kind == "own":
        return "own", False
    advised = _advised_account(rulebook, context)
    if form_kind == "office" and kinds.get(advised or "") != "office":
        # The form is an account of the post whatever the variant: take it over or make it.
        advised = "takeover" if context["existing_office_account"] else "new"
    return advised, False


def entries(session: Session, rulebook: Rulebook, base: dict[str, Any]) -> dict[str, Entry]:
    """The new minister's account on every used platform."""
    variant = session.get("variant") or ""
    known = known_office_accounts(session, rulebook)
    named = named_predecessor_accounts(session)
    result = {}
    for key in base["used_platforms"]:
        platform = rulebook.platforms[key]
        answers = session.get(f"platforms.{key}") or {}
        form, form_given = _form(platform, answers, variant)
        form_kind = ((platform.get("forms") or {}).get(form or "") or {}).get("kind")
        context = dict(
            base,
            platform=key,
            meta=platform["meta"],
            existing_office_account=_office_account_exists(session, rulebook, base, key),
        )
        account, account_given = _account(rulebook, answers, form_kind, context)
        kind = _kind(rulebook, platform, form, account)
        handle = clean_handle(answers.get("handle"))
        known_handle = ""
        if kind == "office" and account == "takeover":
            said = named.get(key) or {}
            from_predecessor = (
                clean_handle(said.get("handle")) if said.get("kind") in (None, "office") else ""
            )
            known_handle = handle or from_predecessor or known.get(key, "")
        result[key] = Entry(
            key=key,
            form=form,
            form_given=form_given,
            account=account,
            account_given=account_given,
            kind=kind,
            handle_given=handle,
            known_handle=known_handle,
        )
    return result
