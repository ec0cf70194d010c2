"""What the document templates get: the advice of the engine, put in reading order.

Everything policy-like (clauses, consequences, principles, roles, attention points, the
variant's meaning, checklist items with their owners and moments) comes from the rulebook through
the advice; the agreement's own order and its sources are in agreement.py. The Dutch words for
the configuration's values come from templates/documents.yaml. The context holds plain dicts,
lists and strings only, so a sandboxed overlay template can use it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from wizard import house_style
from wizard.constants import DOCUMENT_KINDS
from wizard.core.dates import format_date
from wizard.core.engine import Advice, PlatformAdvice, advise
from wizard.core.rulebook import Rulebook
from wizard.core.session import Session
from wizard.documents import agreement
from wizard.documents.agreement import Sources
from wizard.documents.chrome import chrome, configuration_words, fill, value_label
from wizard.documents.templating import css_font_stack
from wizard.paths import project_version


def document_date(advice: Advice, months: list[str]) -> str:
    """The date a document carries: the day of the conversation, else today."""
    return format_date(advice.conversation.get("date") or dt.date.today(), months)


def _minister(advice: Advice) -> dict[str, Any]:
    minister = advice.minister
    return {
        "name": minister["name"],
        "office": minister["office_label"],
        "title": minister["title"],
        "short_title": minister["short_title"],
        "ministry": minister["ministry_name"],
        "ministry_abbr": minister["ministry_abbr"],
        "ministry_given": minister["ministry_given"],
        "post": minister["post"],
        "party": minister["party"],
        "party_hashtag": minister["party_hashtag"],
    }


def _variant(rulebook: Rulebook, advice: Advice) -> dict[str, Any] | None:
    key = advice.variant
    entry = rulebook.data["variants"].get(key or "")
    if not entry:
        return None
    return {
        "key": key,
        "label": entry["label"],
        "summary": entry.get("summary", ""),
        "meaning": list(entry.get("meaning", [])),
        "advised": bool(entry.get("advised")),
        "requires_motivation": bool(entry.get("requires_motivation")),
    }


def _personal_account(rulebook: Rulebook, advice: Advice) -> dict[str, Any] | None:
    entry = rulebook.data.get("personal_account") or {}
    if not advice.personal_account:
        return None
    return {
        "label": entry.get("label", ""),
        "summary": entry.get("summary", ""),
        "meaning": list(entry.get("meaning", [])),
    }


def _account_text(rulebook: Rulebook, labels: dict[str, Any], platform: PlatformAdvice) -> str:
    """What the account is, addressed to the minister (documents.yaml `account_labels`), else
    the rulebook's label of the form or the account choice."""
    words = labels.get("account_labels") or {}
    forms = rulebook.platforms[platform.key].get("forms") or {}
    if platform.form and platform.form in forms:
        return (words.get("forms") or {}).get(platform.form) or forms[platform.form].get(
            "label", platform.form
        )
    for key in (f"{platform.kind}_{platform.account}", platform.kind):
        if words.get(key):
            return words[key]
    return rulebook.data.get("account_choices", {}).get(platform.account or "", "")


def _platform(
    rulebook: Rulebook, labels: dict[str, Any], platform: PlatformAdvice
) -> dict[str, Any]:
    config = platform.config
    fields = labels["platform_fields"]
    empty = labels["empty"]
    handle = f"@{config['handle']}" if config.get("handle") else labels["not_filled"]
    bio_note = (
        labels["platforms"]["draft_note"] if platform.bio_is_draft and config.get("bio") else ""
    )
    handle_note = labels["platforms"]["draft_note"] if platform.handle_is_suggestion else ""
    words = configuration_words(labels, platform)
    rows = [
        ("account", _account_text(rulebook, labels, platform) or empty, ""),
        ("handle", handle, " ".join(filter(None, [config.get("url"), handle_note]))),
        ("display_name", config.get("display_name") or labels["not_filled"], ""),
        ("avatar", words["avatar"], ""),
        ("bio", config.get("bio") or empty, bio_note),
        ("link", config.get("link") or empty, ""),
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
    archive = config.get("archive_predecessor")
    if archive and archive != "none":
        rows.append(
            (
                "predecessor",
                value_label(
                    labels,
                    "archive_predecessor",
                    archive,
                    archive_account=config.get("archive_account") or "",
                ),
                platform.archive_url or "",
            )
        )
    if platform.notes:
        rows.append(("notes", platform.notes, ""))
    # Only the rows that say something about this kind of account (templates/documents.yaml).
    shown = labels["platform_rows"].get(platform.kind)
    if shown is not None:
        rows = [row for row in rows if row[0] in shown]
    return {
        "key": platform.key,
        "label": platform.label,
        "handle": config.get("handle") or "",
        "url": config.get("url") or "",
        "rows": [
            {"key": key, "label": fields[key], "value": value, "note": note}
            for key, value, note in rows
        ],
    }


def _predecessor_rows(
    rulebook: Rulebook, advice: Advice, labels: dict[str, Any], sources: Sources
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
        rows.append(
            {
                "label": words["archiving"],
                "value": words["archiving_yes"]
                if predecessor.archiving_arranged
                else words["archiving_no"],
            }
        )
    names = rulebook.data["predecessor_accounts"]["words"]
    for account in predecessor.accounts.values():
        handle = f"@{account.handle}" if account.handle else labels["not_filled"]
        archive = f"@{account.archive_account}" if account.archive_account else labels["not_filled"]
        value = fill(
            words["account"],
            kind=names["kinds"][account.kind],
            handle=handle,
            action=fill(names["actions"][account.action], archive_ref=archive),
        )
        rows.append(
            sources.cite(
                {
                    "label": account.label,
                    "value": value,
                    "note": words["assumed"] if account.assumed else "",
                },
                account.source,
            )
        )
    return rows


def _access_rows(advice: Advice, labels: dict[str, Any]) -> list[dict[str, str]]:
    words = labels["access"]
    rows = []
    for key, label in (
        ("people", words["people"]),
        ("authenticator_handover", words["authenticator"]),
    ):
        if advice.access.get(key):
            rows.append({"label": label, "value": advice.access[key]})
    return rows


def _configuration_sources(rulebook: Rulebook, platform: PlatformAdvice) -> list[str]:
    """The statements behind an account's configuration: the rules the engine applied."""
    rules = {rule["id"]: rule for rule in rulebook.data["configuration"]["rules"]}
    return [
        statement
        for rule_id in platform.applied_rules
        for statement in rules.get(rule_id, {}).get("source", [])
    ]


def _checklist_moments(rulebook: Rulebook, advice: Advice) -> list[dict[str, Any]]:
    """The checklist by moment (before, at, after the swearing-in), the predecessor's accounts
    first within a moment, then the rulebook's order."""
    data = rulebook.data
    group_order = {key: index for index, key in enumerate(data["checklist_groups"])}
    moments = []
    for key, title in data["moments"].items():
        items = [item for item in advice.checklist if item.moment == key]
        items.sort(key=lambda item: group_order.get(item.group, len(group_order)))
        moments.append(
            {
                "key": key,
                "title": title,
                "entries": [
                    {
                        "id": item.id,
                        "text": item.text,
                        "owner": data["owners"].get(item.owner, item.owner),
                        "platform": rulebook.platforms.get(item.platform or "", {}).get(
                            "label", ""
                        ),
                    }
                    for item in items
                ],
            }
        )
    return [moment for moment in moments if moment["entries"]]


def _checklist_groups(rulebook: Rulebook, advice: Advice) -> list[dict[str, Any]]:
    """The checklist by group (the predecessor's accounts, the new accounts), as department
    templates written before the checklist was grouped by moment use it."""
    data = rulebook.data
    groups = []
    for key, title in data["checklist_groups"].items():
        entries = [
            {
                "id": item.id,
                "text": item.text,
                "owner": data["owners"].get(item.owner, item.owner),
                "moment": data["moments"].get(item.moment, item.moment),
                "platform": rulebook.platforms.get(item.platform or "", {}).get("label", ""),
            }
            for item in advice.checklist
            if item.group == key
        ]
        if entries:
            groups.append({"key": key, "title": title, "entries": entries})
    return groups


def _agreement(
    rulebook: Rulebook,
    advice: Advice,
    labels: dict[str, Any],
    conversation: dict[str, str],
    variant: dict[str, Any] | None,
) -> dict[str, Any]:
    """What only the agreement shows (see agreement.py for its order)."""
    sources = Sources(rulebook)
    ref = agreement.reference(advice, labels)
    summary = labels["predecessor_summary"]["section"]
    if variant:
        variant = sources.cite(variant, rulebook.data["variants"][variant["key"]]["source"])
    personal = _personal_account(rulebook, advice)
    if personal:
        personal = sources.cite(personal, rulebook.data["personal_account"]["source"])
    signed = {
        "parties": agreement.parties(advice, labels, conversation, ref),
        "reference": ref,
        "variant": variant,
        "personal_account": personal,
        "consequences": [sources.cite(item, item["source"]) for item in advice.consequences],
        "principles": [
            sources.cite(item, item["source"]) for item in rulebook.data.get("principles", [])
        ],
        "roles": agreement.roles(advice, sources),
        "election_points": agreement.election_points(advice, labels, sources),
        "predecessor_heading": rulebook.data["clause_sections"].get(summary, ""),
        "predecessor_summary": [
            sources.cite(clause, clause["source"]) for clause in advice.clauses.get(summary, [])
        ],
        "copies": agreement.copies(advice, rulebook),
    }
    platforms = [
        sources.cite(
            _platform(rulebook, labels, platform), _configuration_sources(rulebook, platform)
        )
        for platform in advice.platforms.values()
    ]
    content = {
        "platforms": platforms,
        "predecessor_rows": _predecessor_rows(rulebook, advice, labels, sources),
        "access_rows": _access_rows(advice, labels),
        # What a table's marks mean, under it: "(aangenomen)" where an account is assumed.
        "notes_of": {
            "predecessor": labels["predecessor"]["assumed_note"]
            if advice.predecessor and advice.predecessor.assumed
            else ""
        },
        "attention_points": [
            sources.cite(point, point["source"]) for point in advice.attention_points
        ],
        "notes": conversation["notes"],
    }
    annexes = agreement.annexes(rulebook, advice, labels, sources, content)
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
    session: Session,
    rulebook: Rulebook,
    advice: Advice | None = None,
    *,
    standalone: bool = False,
    font_families: list[str] | None = None,
) -> dict[str, Any]:
    """Everything the templates of `kind` show (afspraken.*.j2, checklist.*.j2). It is made
    from the engine's advice only: the session is not read again here."""
    if kind not in DOCUMENT_KINDS:
        raise ValueError(f"onbekend document '{kind}' (mogelijk: {', '.join(DOCUMENT_KINDS)})")
    advice = advice or advise(session, rulebook)
    labels = chrome(rulebook)
    months = labels["months"]
    variant = _variant(rulebook, advice)
    facts = advice.conversation
    conversation = {
        "date": format_date(facts["date"], months),
        "advisor": facts["advisor"],
        "director": facts["director"],
        "place": facts["place"],
        "notes": facts["notes"],
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
            "version": rulebook.version,
            "date": format_date(rulebook.date, months),
            "title": rulebook.data.get("title", ""),
        },
        "program_version": project_version(),
        "document_date": document_date(advice, months),
        "minister": _minister(advice),
        "conversation": conversation,
        "sworn_in": format_date(advice.minister["sworn_in"], months),
        "variant": variant,
        "motivation": advice.motivation or "",
        "show_motivation": bool(variant and variant["requires_motivation"]),
        "checklist_moments": _checklist_moments(rulebook, advice),
        # Kept for department templates made before the annexes and the moments: the
        # built-in templates do not use them.
        "checklist_groups": _checklist_groups(rulebook, advice),
        "platforms": [
            _platform(rulebook, labels, platform) for platform in advice.platforms.values()
        ],
        "attention_points": advice.attention_points,
    }
    if kind == "afspraken":
        context.update(_agreement(rulebook, advice, labels, conversation, variant))
    return context
