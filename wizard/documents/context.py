"""What the document templates get: the advice, put in reading order.

Everything policy-like (clauses, consequences, options, principles, roles, attention points,
the variant's meaning, checklist items with their owners and moments) is the advice's; the
agreement's own order is in agreement.py, the verantwoording's in verantwoording.py. Every item
carries the statement ids it rests on (`source`): only the verantwoording prints them, as the
statements a reader finds. The Dutch words for the configuration's values come from
templates/documents.yaml (`HouseStyle.labels`). The context holds plain dicts, lists, tuples and
strings only, so a sandboxed overlay template can use it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from wizard import house_style
from wizard.constants import DOCUMENT_KINDS
from wizard.core.advice import Account, Advice, Ids
from wizard.core.dates import format_date
from wizard.documents import agreement, verantwoording
from wizard.documents.chrome import (
    account_text,
    configuration_words,
    fill,
    handle_text,
    value_label,
)
from wizard.documents.style import HouseStyle
from wizard.documents.templating import css_font_stack
from wizard.paths import project_version


def check_kind(kind: str) -> None:
    if kind not in DOCUMENT_KINDS:
        raise ValueError(f"onbekend document '{kind}' (mogelijk: {', '.join(DOCUMENT_KINDS)})")


def document_date(advice: Advice, months: list[str]) -> str:
    """The date a document carries: the day of the conversation, else today."""
    return format_date(advice.conversation.date or dt.date.today(), months)


def _minister(advice: Advice) -> dict[str, Any]:
    minister = advice.minister
    return {
        "name": minister.name,
        "office": minister.office_label,
        "title": minister.title,
        "short_title": minister.short_title,
        "ministry": minister.ministry_name,
        "ministry_abbr": minister.ministry_abbr,
        "ministry_given": minister.ministry_given,
        "post": minister.post,
        "party": minister.party,
        "party_hashtag": minister.party_hashtag,
    }


def _variant(advice: Advice) -> dict[str, Any] | None:
    variant = advice.variant
    if variant is None:
        return None
    return {
        "key": variant.key,
        "label": variant.label,
        "summary": variant.summary,
        "meaning": list(variant.meaning),
        "advised": variant.advised,
        "requires_motivation": variant.requires_motivation,
        "source": variant.source,
    }


def _personal_account(advice: Advice) -> dict[str, Any] | None:
    personal = advice.personal_account
    if personal is None:
        return None
    return {
        "label": personal.label,
        "summary": personal.summary,
        "meaning": list(personal.meaning),
        "source": personal.source,
    }


# The rows of an account's table that show a fact of its configuration, and the fact (the
# key of `Account.fact_sources`) whose rules decided it.
_FACTS = {
    "avatar": "avatar_rijkslogo",
    "verification": "verified",
    "owner": "owner",
    "posting": "civil_service_support",
    "party_content": "party_content",
    "paid_promotion": "paid_promotion",
    "webcare": "webcare",
    "transfer": "transfer_to_successor",
}


def _row_sources(advice: Advice, account: Account) -> dict[str, Ids]:
    """Per row of an account's table, the statements it rests on: the rules that decided a
    fact of the configuration, the rulebook's proposal of a handle, bio or link, and what
    happens to the predecessor's account taken over."""
    sources = {row: account.fact_sources.get(fact, ()) for row, fact in _FACTS.items()}
    if account.handle_is_suggestion:
        sources["handle"] = account.handle_sources
    if account.bio_is_draft:
        sources["bio"] = account.bio_sources
    if account.link_is_proposal:
        sources["link"] = account.link_sources
    predecessor = agreement.taken_over(advice, account)
    if predecessor is not None:
        sources["predecessor"] = predecessor.source
    return sources


def _platform(advice: Advice, labels: dict[str, Any], account: Account) -> dict[str, Any]:
    config = account.config
    fields = labels["platform_fields"]
    empty = labels["empty"]
    draft = labels["platforms"]["draft_note"]
    handle = f"@{config.handle}" if config.handle else labels["not_filled"]
    bio_note = draft if account.bio_is_draft and config.bio else ""
    handle_note = draft if account.handle_is_suggestion else ""
    words = configuration_words(labels, account)
    rows = [
        ("account", account_text(labels, account) or empty, ""),
        ("handle", handle, " ".join(filter(None, [config.url, handle_note]))),
        ("display_name", config.display_name or labels["not_filled"], ""),
        ("avatar", words["avatar"], ""),
        ("bio", config.bio or empty, bio_note),
        ("link", config.link or empty, ""),
        *(
            (key, words[key], "")
            for key in (
                "verification",
                "owner",
                "posting",
                "party_content",
                "paid_promotion",
                "webcare",
                "transfer",
            )
        ),
    ]
    archive = config.archive_predecessor
    if archive and archive != "none":
        text = value_label(
            labels, "archive_predecessor", archive, archive_account=config.archive_account or ""
        )
        rows.append(("predecessor", text, account.archive_url or ""))
    if account.notes:
        rows.append(("notes", account.notes, ""))
    # Only the rows that say something about this kind of account (templates/documents.yaml).
    shown = labels["platform_rows"].get(account.kind)
    if shown is not None:
        rows = [row for row in rows if row[0] in shown]
    sources = _row_sources(advice, account)
    return {
        "key": account.key,
        "label": account.label,
        "handle": config.handle or "",
        "handle_text": handle_text(labels, account),
        "url": config.url or "",
        "rows": [
            {
                "key": key,
                "label": fields[key],
                "value": value,
                "note": note,
                "source": sources.get(key, ()),
            }
            for key, value, note in rows
        ],
    }


def _predecessor_rows(advice: Advice, labels: dict[str, Any]) -> list[dict[str, Any]]:
    """The predecessor's table: who, how their accounts were managed and whether archiving is
    arranged (what happens to each account is the table "Uw accounts" of the signed part)."""
    predecessor = advice.predecessor
    if predecessor is None:
        return []
    words = labels["predecessor"]
    rows = [
        {"label": words["name"], "value": predecessor.name or labels["not_filled"]},
        {
            "label": words["variant"],
            "value": value_label(labels, "predecessor_variant", predecessor.variant),
        },
    ]
    if predecessor.archiving_arranged is not None:
        arranged = (
            words["archiving_yes"] if predecessor.archiving_arranged else words["archiving_no"]
        )
        rows.append({"label": words["archiving"], "value": arranged})
    return rows


def _access_rows(advice: Advice, labels: dict[str, Any]) -> list[dict[str, str]]:
    words = labels["access"]
    given = (
        (words["people"], advice.access.people),
        (words["authenticator"], advice.access.authenticator_handover),
    )
    return [{"label": label, "value": value} for label, value in given if value]


def _entry(item: Any) -> dict[str, Any]:
    """A checklist item as the templates show it."""
    return {
        "id": item.id,
        "text": item.text,
        "owner": item.owner_label,
        "moment": item.moment_label,
        "platform": item.platform_label,
        "source": tuple(item.source),
    }


def _checklist_moments(advice: Advice) -> list[dict[str, Any]]:
    """The checklist by moment (before, at, after the swearing-in), in the advice's order of
    the moments; moments with the same words are one (after a swearing-in, "before" and "at"
    are both "Zo snel mogelijk"). Within a moment the moments' order, then the groups' (the
    predecessor's accounts first), then the advice's order."""
    titles: dict[str, list[str]] = {}
    for key, title in advice.moments.items():
        titles.setdefault(title, []).append(key)
    moment_order = {key: index for index, key in enumerate(advice.moments)}
    group_order = {key: index for index, key in enumerate(advice.checklist_groups)}
    result = []
    for title, keys in titles.items():
        items = [item for item in advice.checklist if item.moment in keys]
        items.sort(
            key=lambda item: (
                moment_order[item.moment],
                group_order.get(item.group, len(group_order)),
            )
        )
        if items:
            result.append({"key": keys[0], "title": title, "entries": [_entry(i) for i in items]})
    return result


def _checklist_groups(advice: Advice) -> list[dict[str, Any]]:
    """The checklist by group (the predecessor's accounts, the new accounts), as department
    templates written before the checklist was grouped by moment use it."""
    groups = []
    for key, title in advice.checklist_groups.items():
        entries = [_entry(item) for item in advice.checklist if item.group == key]
        if entries:
            groups.append({"key": key, "title": title, "entries": entries})
    return groups


def platforms(advice: Advice, labels: dict[str, Any]) -> list[dict[str, Any]]:
    """Every account's table, with the statements each row rests on."""
    return [_platform(advice, labels, account) for account in advice.platforms.values()]


def _agreement(
    advice: Advice,
    labels: dict[str, Any],
    conversation: dict[str, str],
    variant: dict[str, Any] | None,
    tables: list[dict[str, Any]],
) -> dict[str, Any]:
    """What only the agreement shows (see agreement.py for its order)."""
    ref = agreement.reference(advice, labels)
    signed = {
        "parties": agreement.parties(advice, labels, conversation, ref),
        "reference": ref,
        "variant": variant,
        "personal_account": _personal_account(advice),
        "accounts": agreement.accounts(advice, labels),
        "consequences": [
            {
                "id": item.id,
                "text": item.text,
                "acknowledged": item.acknowledged,
                "source": item.source,
            }
            for item in advice.consequences
        ],
        "options": agreement.options(advice),
        "principles": [
            {
                "id": item.id,
                "title": item.title,
                "short": item.short,
                "text": item.text,
                "source": item.source,
            }
            for item in advice.principles
        ],
        "roles": agreement.roles(advice),
        "election_points": agreement.election_points(advice, labels),
        "predecessor_heading": advice.clause_titles.get(
            labels["predecessor_summary"]["section"], ""
        ),
        "predecessor_summary": agreement.predecessor_summary(advice, labels),
        "copies": agreement.copies(advice),
        "sources_line": labels["sources_line"],
    }
    content = {
        "platforms": tables,
        "predecessor_rows": _predecessor_rows(advice, labels),
        "access_rows": _access_rows(advice, labels),
        "attention_points": [
            {"id": point.id, "title": point.title, "text": point.text, "source": point.source}
            for point in advice.attention_points
        ],
        "notes": conversation["notes"],
    }
    annexes = agreement.annexes(advice, labels, content)
    details = agreement.annex_number(annexes, "predecessor")
    signed["predecessor_details"] = (
        fill(labels["predecessor_summary"]["details"], number=details)
        if details and advice.predecessor
        else ""
    )
    return {**signed, "annexes": annexes}


def document_context(
    kind: str,
    advice: Advice,
    style: HouseStyle,
    *,
    standalone: bool = False,
    font_families: list[str] | None = None,
) -> dict[str, Any]:
    """Everything the templates of `kind` show (afspraken.*.j2, checklist.*.j2,
    verantwoording.*.j2), made from the
    advice and the house style only."""
    check_kind(kind)
    labels = style.labels
    tables = platforms(advice, labels)
    months = labels["months"]
    variant = _variant(advice)
    facts = advice.conversation
    conversation = {
        "date": format_date(facts.date, months),
        "advisor": facts.advisor,
        "director": facts.director,
        "place": facts.place,
        "notes": facts.notes,
    }
    context = {
        "kind": kind,
        "standalone": standalone,
        "labels": labels,
        "title": labels["documents"][kind]["title"],
        "font_stack": css_font_stack(font_families or []),
        "style": house_style.as_data(),
        "concept": advice.is_concept,
        # What keeps the documents a concept: the errors, the answers not given, the
        # consequences not discussed (`Advice.open_points`).
        "errors": [finding.message for finding in advice.open_points],
        "rulebook": {
            "version": advice.rulebook.version,
            "date": format_date(advice.rulebook.date, months),
            "title": advice.rulebook.title,
        },
        "program_version": project_version(),
        "document_date": document_date(advice, months),
        "minister": _minister(advice),
        "conversation": conversation,
        "sworn_in": format_date(advice.minister.sworn_in, months),
        "variant": variant,
        "motivation": advice.motivation or "",
        "show_motivation": bool(variant and variant["requires_motivation"]),
        "checklist_moments": _checklist_moments(advice),
        # Kept for department templates made before the annexes and the moments: the
        # built-in templates do not use them.
        "checklist_groups": _checklist_groups(advice),
        "platforms": tables,
        "attention_points": [
            {"id": point.id, "title": point.title, "text": point.text}
            for point in advice.attention_points
        ],
    }
    if kind == "afspraken":
        context.update(_agreement(advice, labels, conversation, variant, tables))
    elif kind == "verantwoording":
        agreed = _agreement(advice, labels, conversation, variant, tables)
        context.update(verantwoording.context(advice, labels, {**context, **agreed}))
    return context
