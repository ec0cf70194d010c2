"""The sixth stage of the advice: the rulebook's texts that apply, filled in.

Clauses of the agreement, consequences the minister is made aware of, options (reading 17),
attention points and who does what: each printed when its `when` matches the conversation's
complete context, its placeholders filled in.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from wizard.core import text
from wizard.core.advice import AttentionPoint, Clause, Consequence, Option, Role
from wizard.core.conditions import matches
from wizard.core.rulebook import Rulebook
from wizard.core.session import Session


@dataclass(frozen=True)
class Texts:
    clauses: dict[str, list[Clause]]
    consequences: list[Consequence]
    options: list[Option]
    roles: list[Role]
    attention_points: list[AttentionPoint]


def _ids(value: Any) -> tuple[str, ...]:
    return tuple(str(item) for item in (value or []))


def _applicable(entries: list[dict[str, Any]], context: dict[str, Any]) -> list[dict[str, Any]]:
    return [entry for entry in entries if matches(entry.get("when"), context)]


def _clauses(
    rulebook: Rulebook, context: dict[str, Any], values: dict[str, str]
) -> dict[str, list[Clause]]:
    clauses: dict[str, list[Clause]] = {}
    for entry in _applicable(rulebook.data["clauses"], context):
        clauses.setdefault(entry["section"], []).append(
            Clause(
                id=entry["id"],
                section=entry["section"],
                text=text.fill(entry["text"], values),
                source=_ids(entry["source"]),
            )
        )
    return clauses


def _roles(rulebook: Rulebook, context: dict[str, Any], values: dict[str, str]) -> list[Role]:
    """Who does what: for every role the first of its texts that applies."""
    roles: dict[str, Role] = {}
    for entry in rulebook.data["roles"]:
        if entry["role"] not in roles and matches(entry.get("when"), context):
            roles[entry["role"]] = Role(
                id=entry["id"],
                role=entry["role"],
                text=text.fill(entry["text"], values),
                source=_ids(entry["source"]),
                addressee=bool(entry.get("addressee")),
                copy=not entry.get("addressee") and entry.get("copy", True) is not False,
            )
    return list(roles.values())


def texts(
    session: Session, rulebook: Rulebook, context: dict[str, Any], values: dict[str, str]
) -> Texts:
    data = rulebook.data
    acknowledged = set(session.get("acknowledged") or [])
    agreed = set(session.get("agreed") or [])
    return Texts(
        clauses=_clauses(rulebook, context, values),
        consequences=[
            Consequence(
                id=entry["id"],
                text=text.fill(entry["text"], values),
                source=_ids(entry["source"]),
                acknowledged=entry["id"] in acknowledged,
            )
            for entry in _applicable(data["consequences"], context)
        ],
        options=[
            Option(
                id=entry["id"],
                label=text.fill(entry.get("label") or entry["agreed_text"], values),
                text=text.fill(entry["text"], values),
                agreed_text=text.fill(entry["agreed_text"], values),
                source=_ids(entry["source"]),
                agreed=entry["id"] in agreed,
            )
            for entry in _applicable(data.get("options", []), context)
        ],
        roles=_roles(rulebook, context, values),
        attention_points=[
            AttentionPoint(
                id=entry["id"],
                title=text.fill(entry["title"], values),
                text=text.fill(entry["text"], values),
                source=_ids(entry["source"]),
            )
            for entry in _applicable(data["attention_points"], context)
        ],
    )
