"""The cabinet overview (kabinetsoverzicht.pdf and .html), which `batch` writes beside the
conversations: one row per bewindspersoon, sorted by ministry and office, with totals, for the
directors of Communications, the Voorlichtingsraad and the RVD at a change of cabinet.

Made from each conversation's Advice only (and the name of its file); the PDF by the same Typst
engine and page frame as the agreement (PDF/A-2a and PDF/UA-1), the HTML standalone and
accessible like the other HTML exports.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from wizard import house_style
from wizard.core.dates import as_date, format_date
from wizard.core.engine import Advice
from wizard.core.rulebook import Rulebook
from wizard.documents.chrome import chrome, fill
from wizard.documents.decoration import footer_line
from wizard.documents.html import clean_text
from wizard.documents.templating import (
    css_font_stack,
    font_candidates,
    render_template,
)
from wizard.documents.typesetting import prepare_template, typeset_pdf
from wizard.paths import project_version

KIND = "kabinetsoverzicht"


@dataclass
class Member:
    """One conversation of the batch: the name of its file and its advice."""

    file: str
    advice: Advice


def _order(rulebook: Rulebook, member: Member) -> tuple[int, int, str, str]:
    """By ministry (the rulebook's order), then office (minister-president, minister, state
    secretary), then name; what is not known comes last."""
    ministries = list(rulebook.ministries)
    offices = list(rulebook.data.get("offices", {}))
    minister = member.advice.minister
    ministry = (
        ministries.index(minister["ministry"])
        if minister["ministry"] in ministries
        else len(ministries)
    )
    office = offices.index(minister["office"]) if minister["office"] in offices else len(offices)
    return ministry, office, minister["name"].casefold(), member.file


def _platforms(advice: Advice, labels: dict[str, Any]) -> list[str]:
    """Every account as "X @MinPres", a proposed handle marked as such."""
    lines = []
    for platform in advice.platforms.values():
        handle = platform.config["handle"]
        shown = f"@{handle}" if handle else labels["not_filled"]
        if platform.handle_is_suggestion:
            shown += " " + labels["platforms"]["draft_note"]
        lines.append(f"{platform.label} {shown}")
    return lines


def _archiving(advice: Advice, words: dict[str, str]) -> str:
    predecessor = advice.predecessor
    if predecessor is None or not predecessor.needs_archiving:
        return words["not_needed"]
    if predecessor.archiving_arranged is None:
        return words["unknown"]
    return words["arranged"] if predecessor.archiving_arranged else words["not_arranged"]


def _rvd(advice: Advice, rulebook: Rulebook, words: dict[str, str]) -> list[str]:
    return [
        fill(words[request["request"]], platform=rulebook.platforms[request["platform"]]["label"])
        for request in advice.rvd_requests
        if request["request"] in words
    ]


def _variant(advice: Advice, rulebook: Rulebook, labels: dict[str, Any]) -> str:
    entry = rulebook.data["variants"].get(advice.variant or "")
    if not entry:
        return labels["overview"]["no_variant"]
    if advice.personal_account:
        return rulebook.data["personal_account"]["label"]
    return entry["label"]


def _row(member: Member, rulebook: Rulebook, labels: dict[str, Any]) -> dict[str, Any]:
    advice, words = member.advice, labels["overview"]
    minister = advice.minister
    return {
        "file": member.file,
        "name": minister["name"] or labels["not_filled"],
        "office": minister["short_title"] or minister["office_label"] or labels["not_filled"],
        "ministry": minister["ministry_abbr"] or minister["ministry_given"] or labels["not_filled"],
        "variant": _variant(advice, rulebook, labels),
        "platforms": _platforms(advice, labels),
        "errors": len(advice.errors),
        "warnings": len(advice.warnings),
        "concept": advice.is_concept,
        "findings": fill(
            words["findings"], errors=len(advice.errors), warnings=len(advice.warnings)
        ),
        "archiving": _archiving(advice, words["archiving"]),
        "rvd": _rvd(advice, rulebook, words["rvd"]),
    }


def _totals(
    members: list[Member], rulebook: Rulebook, labels: dict[str, Any]
) -> list[dict[str, Any]]:
    words = labels["overview"]["totals_rows"]
    advices = [member.advice for member in members]
    rows = [(words["members"], len(advices))]
    for key, variant in rulebook.data["variants"].items():
        rows.append(
            (
                fill(words["variant"], label=variant["label"]),
                sum(advice.variant == key for advice in advices),
            )
        )
    undecided = sum(advice.variant not in rulebook.data["variants"] for advice in advices)
    if undecided:
        rows.append((words["no_variant"], undecided))
    open_archiving = sum(
        _archiving(advice, labels["overview"]["archiving"])
        == labels["overview"]["archiving"]["not_arranged"]
        for advice in advices
    )
    rows += [
        (words["concept"], sum(advice.is_concept for advice in advices)),
        (words["errors"], sum(len(advice.errors) for advice in advices)),
        (words["warnings"], sum(len(advice.warnings) for advice in advices)),
        (words["archiving_open"], open_archiving),
        (
            words["rvd_swaps"],
            sum(
                request["request"] == "meta_archive_swap"
                for advice in advices
                for request in advice.rvd_requests
            ),
        ),
        (
            words["rvd_verifications"],
            sum(
                request["request"] == "verification"
                for advice in advices
                for request in advice.rvd_requests
            ),
        ),
    ]
    return [{"label": label, "value": str(value)} for label, value in rows]


def latest_date(members: list[Member], rulebook: Rulebook) -> dt.date:
    """The day of the last conversation: the overview's date, the same for the same folder
    (the rulebook's date when no conversation has one)."""
    days = [
        day
        for day in (as_date(member.advice.conversation["date"]) for member in members)
        if day is not None
    ]
    return max(days) if days else as_date(rulebook.date)


def overview_context(
    members: list[Member],
    failed: list[tuple[str, str]],
    rulebook: Rulebook,
    *,
    standalone: bool = True,
) -> dict[str, Any]:
    """What kabinetsoverzicht.typ.j2 and kabinetsoverzicht.html.j2 show. `failed`: the files
    that could not be read, with why."""
    labels = chrome(rulebook)
    months = labels["months"]
    members = sorted(members, key=lambda member: _order(rulebook, member))
    date = format_date(latest_date(members, rulebook), months)
    words = labels["overview"]
    return {
        "kind": KIND,
        "standalone": standalone,
        "labels": labels,
        "title": labels["documents"][KIND]["title"],
        "font_stack": css_font_stack(font_candidates(rulebook)),
        "style": house_style.as_data(),
        "program_version": project_version(),
        "minister": {"name": ""},
        "intro": fill(words["intro"], count=len(members), date=date),
        "totals": _totals(members, rulebook, labels),
        "rows": [_row(member, rulebook, labels) for member in members],
        "failed": [{"label": name, "value": message} for name, message in failed],
        "date": date,
    }


def page_values(context: dict[str, Any], rulebook: Rulebook) -> dict[str, str]:
    """The page frame of the overview's PDF: as the agreement's, with the number of members in
    the header where the agreement has the minister's name."""
    labels = context["labels"]
    page = labels["page"]
    footer = footer_line(labels, rulebook, context["date"])
    return {
        "pdf_title": context["title"],
        "author": "",
        "title": context["title"],
        "minister": fill(labels["overview"]["header_name"], count=len(context["rows"])),
        "footer": footer,
        "number": page["number"],
        "concept_label": page["concept"],
        "watermark": page["concept_watermark"],
    }


def overview_pdf(members: list[Member], failed: list[tuple[str, str]], rulebook: Rulebook) -> bytes:
    context = overview_context(members, failed, rulebook, standalone=False)
    context["page"] = page_values(context, rulebook)
    day = latest_date(members, rulebook)
    stamp = dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)
    return typeset_pdf(prepare_template(KIND, context, rulebook, stamp))


def overview_html(members: list[Member], failed: list[tuple[str, str]], rulebook: Rulebook) -> str:
    context = overview_context(members, failed, rulebook)
    return clean_text(render_template(f"{KIND}.html.j2", context, rulebook))
