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
from wizard.core.advice import Advice, RulebookInfo, RvdRequest
from wizard.core.dates import as_date, format_date
from wizard.documents.chrome import fill, handle_text
from wizard.documents.decoration import footer_line
from wizard.documents.html import clean_text
from wizard.documents.style import HouseStyle
from wizard.documents.templating import css_font_stack, font_candidates, render_template
from wizard.documents.typesetting import prepare_template, typeset_pdf
from wizard.paths import project_version

KIND = "kabinetsoverzicht"


@dataclass
class Member:
    """One conversation of the batch: the name of its file and its advice."""

    file: str
    advice: Advice


def _order(member: Member) -> tuple[Any, ...]:
    """By ministry, then office (minister-president, minister, state secretary), in the
    rulebook's order (`Minister.order`), then name; what is not known comes last."""
    minister = member.advice.minister
    return (*minister.order, minister.name.casefold(), member.file)


def _platforms(advice: Advice, labels: dict[str, Any]) -> list[str]:
    """Every account as "X @MinPres", a proposed handle marked as such."""
    return [
        f"{account.label} {handle_text(labels, account)}" for account in advice.platforms.values()
    ]


def _archiving(advice: Advice, words: dict[str, str]) -> str:
    predecessor = advice.predecessor
    if predecessor is None or not predecessor.needs_archiving:
        return words["not_needed"]
    if predecessor.archiving_arranged is None:
        return words["unknown"]
    return words["arranged"] if predecessor.archiving_arranged else words["not_arranged"]


def _rvd_line(request: RvdRequest, words: dict[str, Any]) -> str:
    """One request to the RVD: what, on which platform, for which handle ("(voorstel)" for the
    rulebook's proposal, "handle nog onbekend" when it is not known yet)."""
    handle = fill(words["handle"][request.handle_status], handle=request.handle)
    return fill(words[request.request], platform=request.platform_label, handle=handle)


def _variant(advice: Advice, labels: dict[str, Any]) -> str:
    if advice.variant is None:
        return labels["overview"]["no_variant"]
    if advice.personal_account:
        return advice.personal_account.label
    return advice.variant.label


def _row(member: Member, labels: dict[str, Any]) -> dict[str, Any]:
    advice, words = member.advice, labels["overview"]
    minister = advice.minister
    return {
        "file": member.file,
        "name": minister.name or labels["not_filled"],
        "office": minister.short_title or minister.office_label or labels["not_filled"],
        "ministry": minister.ministry_abbr or minister.ministry_given or labels["not_filled"],
        "variant": _variant(advice, labels),
        "platforms": _platforms(advice, labels),
        "errors": len(advice.errors),
        "warnings": len(advice.warnings),
        "concept": advice.is_concept,
        "findings": fill(
            words["findings"], errors=len(advice.errors), warnings=len(advice.warnings)
        ),
        "archiving": _archiving(advice, words["archiving"]),
        "rvd": [_rvd_line(request, words["rvd"]) for request in advice.rvd_requests],
    }


def _totals(members: list[Member], labels: dict[str, Any]) -> list[dict[str, Any]]:
    words = labels["overview"]["totals_rows"]
    advices = [member.advice for member in members]
    rows: list[tuple[str, int]] = [(words["members"], len(advices))]
    variants = advices[0].variants if advices else {}  # the rulebook's, in its order
    for variant in variants.values():
        count = sum(advice.variant_key == variant.key for advice in advices)
        rows.append((fill(words["variant"], label=variant.label), count))
    undecided = sum(advice.variant is None for advice in advices)
    if undecided:
        rows.append((words["no_variant"], undecided))
    archiving = labels["overview"]["archiving"]
    requests = [request.request for advice in advices for request in advice.rvd_requests]
    rows += [
        (words["concept"], sum(advice.is_concept for advice in advices)),
        (words["errors"], sum(len(advice.errors) for advice in advices)),
        (words["warnings"], sum(len(advice.warnings) for advice in advices)),
        (
            words["archiving_open"],
            sum(_archiving(advice, archiving) == archiving["not_arranged"] for advice in advices),
        ),
        (words["rvd_swaps"], requests.count("meta_archive_swap")),
        (words["rvd_verifications"], requests.count("verification")),
    ]
    return [{"label": label, "value": str(value)} for label, value in rows]


def _rulebook(members: list[Member]) -> RulebookInfo | None:
    """The rulebook the conversations were advised under (none without a conversation)."""
    return members[0].advice.rulebook if members else None


def latest_date(members: list[Member]) -> dt.date | None:
    """The day of the last conversation: the overview's date, the same for the same folder
    (the rulebook's date when no conversation has one; None without any conversation)."""
    days = [
        day
        for day in (as_date(member.advice.conversation.date) for member in members)
        if day is not None
    ]
    if days:
        return max(days)
    rulebook = _rulebook(members)
    return as_date(rulebook.date) if rulebook else None


def overview_context(
    members: list[Member],
    failed: list[tuple[str, str]],
    style: HouseStyle,
    *,
    standalone: bool = True,
) -> dict[str, Any]:
    """What kabinetsoverzicht.typ.j2 and kabinetsoverzicht.html.j2 show. `failed`: the files
    that could not be read, with why."""
    labels = style.labels
    months = labels["months"]
    members = sorted(members, key=_order)
    day = latest_date(members)
    date = format_date(day, months) if day else labels["empty"]
    words = labels["overview"]
    return {
        "kind": KIND,
        "standalone": standalone,
        "labels": labels,
        "title": labels["documents"][KIND]["title"],
        "font_stack": css_font_stack(font_candidates(style)),
        "style": house_style.as_data(),
        "program_version": project_version(),
        "minister": {"name": ""},
        "intro": fill(words["intro"], count=len(members), date=date),
        "totals": _totals(members, labels),
        "rows": [_row(member, labels) for member in members],
        "failed": [{"label": name, "value": message} for name, message in failed],
        "date": date,
    }


def page_values(context: dict[str, Any], rulebook: RulebookInfo | None) -> dict[str, str]:
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


def overview_pdf(members: list[Member], failed: list[tuple[str, str]], style: HouseStyle) -> bytes:
    context = overview_context(members, failed, style, standalone=False)
    context["page"] = page_values(context, _rulebook(members))
    day = latest_date(members)
    stamp = dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC) if day else None
    return typeset_pdf(prepare_template(KIND, context, style, stamp))


def overview_html(members: list[Member], failed: list[tuple[str, str]], style: HouseStyle) -> str:
    context = overview_context(members, failed, style)
    return clean_text(render_template(f"{KIND}.html.j2", context, style))
