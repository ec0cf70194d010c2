"""The rulebook's fixed parts, typed: what the wizard offers to choose from and what it shows
whatever the answers are (variants, offices, ministries, platforms and their forms, the account
choices, the principles, the table "In één oogopslag", ...).

Pages and documents read the rulebook through `catalog(rulebook)`, never through
`rulebook.data[...]`: what depends on the answers is in `Advice`, the rest is here. Made once per
rulebook (a changed rulebook is a new Rulebook).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from wizard.core.advice import (
    ComparisonRow,
    Limit,
    PageNote,
    PersonalAccountInfo,
    PlatformFact,
    Principle,
    TalkingPoint,
    VariantInfo,
)
from wizard.core.rulebook import Rulebook


@dataclass(frozen=True)
class Form:
    key: str
    label: str
    kind: str | None  # office | own | ministry, or None when the account choice decides
    note: str


@dataclass(frozen=True)
class Platform:
    key: str
    label: str
    meta: bool
    handle_charset: str
    forms: dict[str, Form]
    handle_rules: tuple[PlatformFact, ...]
    limits: dict[str, Limit]


@dataclass(frozen=True)
class Ministry:
    key: str
    abbr: str
    name: str
    accounts: dict[str, str]  # the ministry's own account per platform, where known


@dataclass(frozen=True)
class Catalog:
    title: str
    version: str
    date: str
    variants: dict[str, VariantInfo]
    personal_account: PersonalAccountInfo
    offices: dict[str, str]
    ministries: dict[str, Ministry]
    platforms: dict[str, Platform]
    account_choices: dict[str, str]
    predecessor_kinds: dict[str, str]
    departure_accounts: dict[str, str]
    departure_two_factor: dict[str, str]
    principles: tuple[Principle, ...]
    talking_points: tuple[TalkingPoint, ...]
    comparison_title: str
    comparison: tuple[ComparisonRow, ...]
    page_notes: dict[str, PageNote]
    clause_titles: dict[str, str]
    owners: dict[str, str]
    moments: dict[str, str]
    checklist_groups: dict[str, str]
    webcare_hours: str
    webcare_source: tuple[str, ...]
    finding_titles: dict[str, str]
    refusing_findings: frozenset[str]  # codes that make `check` refuse the file
    list_and: str

    def page_note(self, key: str) -> str:
        return self.page_notes[key].text


def _ids(value: Any) -> tuple[str, ...]:
    return tuple(str(item) for item in (value or []))


def variant_info(key: str, entry: dict[str, Any]) -> VariantInfo:
    return VariantInfo(
        key=key,
        label=entry["label"],
        short=entry.get("short", key),
        summary=entry.get("summary", ""),
        meaning=tuple(entry.get("meaning", [])),
        advised=bool(entry.get("advised")),
        exception=bool(entry.get("exception")),
        requires_motivation=bool(entry.get("requires_motivation")),
        source=_ids(entry.get("source")),
    )


def limit(entry: dict[str, Any]) -> Limit:
    return Limit(
        max=int(entry["max"]),
        label=str(entry.get("label", "")),
        source=str(entry.get("source", "")),
        as_of=str(entry.get("as_of", "")),
        confirmed=bool(entry.get("confirmed", False)),
    )


def platform_fact(rule: dict[str, Any]) -> PlatformFact:
    return PlatformFact(
        message=str(rule.get("message", "")),
        source=str(rule.get("source", "")),
        as_of=str(rule.get("as_of", "")),
        confirmed=bool(rule.get("confirmed", False)),
    )


def _platform(key: str, entry: dict[str, Any]) -> Platform:
    forms = {
        form_key: Form(
            key=form_key,
            label=form.get("label", form_key),
            kind=form.get("kind"),
            note=form.get("note", ""),
        )
        for form_key, form in (entry.get("forms") or {}).items()
    }
    return Platform(
        key=key,
        label=entry["label"],
        meta=bool(entry.get("meta")),
        handle_charset=entry.get("handle_charset", ""),
        forms=forms,
        handle_rules=tuple(platform_fact(rule) for rule in entry.get("handle_rules", [])),
        limits={name: limit(item) for name, item in (entry.get("limits") or {}).items()},
    )


def _make(rulebook: Rulebook) -> Catalog:
    data = rulebook.data
    personal = data.get("personal_account") or {}
    comparison = data["comparison"]
    words = data["predecessor_accounts"]["words"]
    departure = data.get("departure_options") or {}
    return Catalog(
        title=str(data.get("title", "")),
        version=rulebook.version,
        date=rulebook.date,
        variants={key: variant_info(key, entry) for key, entry in data["variants"].items()},
        personal_account=PersonalAccountInfo(
            label=personal.get("label", ""),
            summary=personal.get("summary", ""),
            meaning=tuple(personal.get("meaning", [])),
            allowed_with=tuple(personal.get("allowed_with", [])),
            source=_ids(personal.get("source")),
        ),
        offices={key: entry["label"] for key, entry in data.get("offices", {}).items()},
        ministries={
            key: Ministry(
                key=key,
                abbr=entry.get("abbr", key),
                name=entry.get("name", ""),
                accounts={
                    name: str(value) for name, value in (entry.get("accounts") or {}).items()
                },
            )
            for key, entry in rulebook.ministries.items()
        },
        platforms={key: _platform(key, entry) for key, entry in rulebook.platforms.items()},
        account_choices=dict(data["account_choices"]),
        predecessor_kinds=dict(words["kinds"]),
        departure_accounts=dict(departure.get("account") or {}),
        departure_two_factor=dict(departure.get("two_factor") or {}),
        principles=tuple(
            Principle(
                id=item["id"],
                title=item["title"],
                short=item.get("short", ""),
                text=item["text"],
                source=_ids(item.get("source")),
            )
            for item in data.get("principles", [])
        ),
        talking_points=tuple(
            TalkingPoint(id=item["id"], text=item["text"], source=_ids(item.get("source")))
            for item in data.get("talking_points", [])
        ),
        comparison_title=comparison["title"],
        comparison=tuple(
            ComparisonRow(
                id=row["id"],
                label=row["label"],
                values={key: str(row.get(key, "")) for key in data["variants"]},
                source=_ids(row.get("source")),
            )
            for row in comparison["rows"]
        ),
        page_notes={
            key: PageNote(key=key, text=entry["text"], source=_ids(entry.get("source")))
            for key, entry in data.get("page_notes", {}).items()
        },
        clause_titles=dict(data["clause_sections"]),
        owners=dict(data["owners"]),
        moments=dict(data["moments"]),
        checklist_groups=dict(data["checklist_groups"]),
        webcare_hours=str(data["webcare"]["hours"]),
        webcare_source=_ids(data["webcare"].get("source")),
        finding_titles={code: entry.get("title", code) for code, entry in data["findings"].items()},
        refusing_findings=frozenset(
            code for code, entry in data["findings"].items() if entry.get("refuses_file")
        ),
        list_and=data["patterns"]["list_and"],
    )


def catalog(rulebook: Rulebook) -> Catalog:
    """The rulebook's fixed parts, typed (made once per rulebook)."""
    return rulebook.memo("catalog", lambda: _make(rulebook))
