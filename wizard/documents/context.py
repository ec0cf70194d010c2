"""What the document templates get: the advice, put in reading order.

Everything policy-like (clauses, consequences, options, principles, roles, attention points,
the variant's meaning, checklist items with their owners and moments) is the advice's; the
agreement's own order and its sources are in agreement.py. The Dutch words for the
configuration's values come from templates/documents.yaml (`HouseStyle.labels`). The context
holds plain dicts, lists and strings only, so a sandboxed overlay template can use it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from wizard import house_style
from wizard.constants import DOCUMENT_KINDS
from wizard.core.advice import Account, Advice
from wizard.core.dates import format_date
from wizard.documents import agreement
from wizard.documents.agreement import Sources
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
    }


def _personal_account(advice: Advice) -> dict[str, Any] | None:
    personal = advice.personal_account
    if personal is None:
        return None
    return {"label": personal.label, "summary": personal.summary, "meaning": list(personal.meaning)}


def _platform(labels: dict[str, Any], account: Account) -> dict[str, Any]:
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
    return {
        "key": account.key,
        "label": account.label,
        "handle": config.handle or "",
        "handle_text": handle_text(labels, account),
        "url": config.url or "",
        "rows": [
            {"key": key, "label": fields[key], "value": value, "note": note}
            for key, value, note in rows
        ],
    }


def _predecessor_rows(
    advice: Advice, labels: dict[str, Any], sources: Sources
) -> list[dict[str, Any]]:
    """The predecessor's table: who, how their accounts were managed, whether archiving is
    arranged, and every account with what happens to it ("(aangenomen)" for an assumption)."""
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
    for account in predecessor.accounts:
        handle = f"@{account.handle}" if account.handle else labels["not_filled"]
        value = fill(
            words["account"], kind=account.kind_label, handle=handle, action=account.action_text
        )
        note = words["assumed"] if account.assumed else ""
        rows.append(
            sources.cite({"label": account.label, "value": value, "note": note}, account.source)
        )
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


def _agreement(
    advice: Advice,
    labels: dict[str, Any],
    conversation: dict[str, str],
    variant: dict[str, Any] | None,
) -> dict[str, Any]:
    """What only the agreement shows (see agreement.py for its order)."""
    sources = Sources(advice)
    ref = agreement.reference(advice, labels)
    summary = labels["predecessor_summary"]["section"]
    if variant and advice.variant:
        variant = sources.cite(variant, advice.variant.source)
    personal = _personal_account(advice)
    if personal and advice.personal_account:
        personal = sources.cite(personal, advice.personal_account.source)
    signed = {
        "parties": agreement.parties(advice, labels, conversation, ref),
        "reference": ref,
        "variant": variant,
        "personal_account": personal,
        "accounts": agreement.accounts(advice, labels),
        "consequences": [
            sources.cite(
                {"id": item.id, "text": item.text, "acknowledged": item.acknowledged},
                item.source,
            )
            for item in advice.consequences
        ],
        "options": agreement.options(advice, sources),
        "principles": [
            sources.cite(
                {"id": item.id, "title": item.title, "short": item.short, "text": item.text},
                item.source,
            )
            for item in advice.principles
        ],
        "roles": agreement.roles(advice, sources),
        "election_points": agreement.election_points(advice, labels, sources),
        "predecessor_heading": advice.clause_titles.get(summary, ""),
        "predecessor_summary": [
            agreement.clause_item(clause, sources) for clause in advice.clauses.get(summary, [])
        ],
        "copies": agreement.copies(advice),
    }
    platforms = [
        sources.cite(_platform(labels, account), account.sources)
        for account in advice.platforms.values()
    ]
    content = {
        "platforms": platforms,
        "predecessor_rows": _predecessor_rows(advice, labels, sources),
        "access_rows": _access_rows(advice, labels),
        # What a table's marks mean, under it: "(aangenomen)" where an account is assumed.
        "notes_of": {
            "predecessor": labels["predecessor"]["assumed_note"]
            if advice.predecessor and advice.predecessor.assumed
            else ""
        },
        "attention_points": [
            sources.cite({"id": point.id, "title": point.title, "text": point.text}, point.source)
            for point in advice.attention_points
        ],
        "notes": conversation["notes"],
    }
    annexes = agreement.annexes(advice, labels, sources, content)
    groups = sources.finish()
    for annex in annexes:
        if annex["kind"] == "sources":
            annex["groups"] = groups
    details = agreement.annex_number(annexes, "predecessor")
    signed["predecessor_details"] = (
        fill(labels["predecessor_summary"]["details"], number=details) if details else ""
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
    """Everything the templates of `kind` show (afspraken.*.j2, checklist.*.j2), made from the
    advice and the house style only."""
    check_kind(kind)
    labels = style.labels
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
        "errors": [finding.message for finding in advice.errors],
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
        "platforms": [_platform(labels, account) for account in advice.platforms.values()],
        "attention_points": [
            {"id": point.id, "title": point.title, "text": point.text}
            for point in advice.attention_points
        ],
    }
    if kind == "afspraken":
        context.update(_agreement(advice, labels, conversation, variant))
    return context
