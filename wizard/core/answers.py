"""Which answers apply: the answers that do not apply to the current choices (DESIGN principle
2: kept in the session, greyed in the wizard, printed nowhere), and the answers a finding
forbids (shown in the wizard with the finding, never printed as an arrangement).
"""

from __future__ import annotations

from typing import Any

from wizard.core import text
from wizard.core.advice import Finding, Inactive
from wizard.core.conditions import is_filled, matches
from wizard.core.rulebook import Rulebook
from wizard.core.session import Session
from wizard.core.situation import Situation


def inactive(session: Session, rulebook: Rulebook, situation: Situation) -> list[Inactive]:
    """The answers that do not apply, with why: given ones are kept but printed nowhere, empty
    ones are not asked (the wizard greys both)."""
    result = []
    for rule in rulebook.data["inactive_answers"]:
        source = tuple(rule.get("source") or [])
        if not rule.get("per_platform"):
            if matches(rule.get("when"), situation.context):
                given = is_filled(session.get(rule["path"]))
                result.append(Inactive(rule["path"], rule["reason"], given, source))
            continue
        for key, context in situation.platforms.items():
            path = text.fill(rule["path"], {"platform": key})
            if matches(rule.get("when"), dict(context, used=True)):
                result.append(Inactive(path, rule["reason"], is_filled(session.get(path)), source))
    return result


def applies(path: str, items: list[Inactive]) -> bool:
    return all(item.path != path for item in items)


def withheld(rulebook: Rulebook, findings: list[Finding]) -> list[str]:
    """The answers that findings of the catalogue's `withholds` kind forbid (a party worker
    with access to an account of the post, a party reference in a bio of the post)."""
    codes = {code for code, entry in rulebook.data["findings"].items() if entry.get("withholds")}
    return list(dict.fromkeys(item.path for item in findings if item.code in codes))


def answer(session: Session, path: str, items: list[Inactive], held: list[str]) -> Any:
    """The session's answer at `path` as the documents may print it: None where it does not
    apply or a finding forbids it."""
    if not applies(path, items) or path in held:
        return None
    return session.get(path)
