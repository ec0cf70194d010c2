"""What the document templates get: the advice of the engine, put in reading order.

Everything policy-like (clauses, consequences, attention points, the comparison column, the
variant's meaning, checklist items with their owners and moments) comes from the rulebook through
the advice. The Dutch words for the configuration's values come from templates/documents.yaml.
The context holds plain dicts, lists and strings only, so a sandboxed overlay template can use it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from wizard.core.engine import Advice, PlatformAdvice, advise
from wizard.core.rulebook import Rulebook
from wizard.core.session import Session
from wizard.documents.templating import _fill, chrome, css_font_stack
from wizard.paths import project_version

KINDS = ("afspraken", "checklist")


def format_date(value: Any, months: list[str]) -> str:
    """'2026-02-20' -> '20 februari 2026'; anything that is not a date stays as it is."""
    if isinstance(value, dt.date):
        day = value
    else:
        try:
            day = dt.date.fromisoformat(str(value or "").strip())
        except ValueError:
            return str(value or "")
    return f"{day.day} {months[day.month - 1]} {day.year}"


def document_date(session: Session, months: list[str]) -> str:
    """The date a document carries: the day of the conversation, else today."""
    return format_date(session.get("conversation.date") or dt.date.today(), months)


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _minister(session: Session, rulebook: Rulebook, advice: Advice) -> dict[str, Any]:
    office = session.get("minister.office") or ""
    office_label = (rulebook.data.get("offices", {}).get(office) or {}).get("label", "")
    return {
        "name": _text(session.get("minister.name")),
        "office": office_label,
        "title": advice.values.get("title", ""),
        "short_title": advice.values.get("short_title", ""),
        "ministry": advice.values.get("ministry_name", ""),
        "ministry_abbr": advice.values.get("ministry_abbr", ""),
        "ministry_given": _text(session.get("minister.ministry")),
        "post": _text(session.get("minister.post")),
        "party": _text(session.get("minister.party")),
        "party_hashtag": advice.values.get("party_hashtag", ""),
    }


def _variant(session: Session, rulebook: Rulebook, advice: Advice) -> dict[str, Any] | None:
    key = advice.variant
    entry = rulebook.data["variants"].get(key or "")
    if not entry:
        return None
    return {"key": key, "label": entry["label"], "summary": entry.get("summary", ""),
            "meaning": list(entry.get("meaning", [])), "advised": bool(entry.get("advised")),
            "requires_motivation": bool(entry.get("requires_motivation"))}


def _personal_account(session: Session, rulebook: Rulebook, advice: Advice) -> \
        dict[str, Any] | None:
    entry = rulebook.data.get("personal_account") or {}
    allowed = advice.variant in (entry.get("allowed_with") or [])
    if not session.get("personal_account") or not allowed:
        return None
    return {"label": entry.get("label", ""), "summary": entry.get("summary", ""),
            "meaning": list(entry.get("meaning", []))}


def _value_label(labels: dict[str, Any], group: str, key: Any, **values: Any) -> str:
    """The Dutch words for one configuration value (documents.yaml `values`)."""
    table = labels["values"].get(group, {})
    name = str(key).lower() if isinstance(key, bool) else ("none" if key is None else str(key))
    text = table.get(name)
    return _fill(text, **values) if text is not None else str(key)


def _webcare_text(labels: dict[str, Any], webcare: dict[str, Any]) -> str:
    text = _value_label(labels, "webcare_scope", webcare.get("scope") or "none",
                        hours=webcare.get("hours") or "")
    extras = []
    if webcare.get("standby"):
        extras.append(labels["values"]["webcare_standby"])
    if webcare.get("proactive"):
        extras.append(labels["values"]["webcare_proactive"])
    return "; ".join([text, *extras])


def _account_text(rulebook: Rulebook, platform: PlatformAdvice) -> str:
    parts = []
    forms = rulebook.platforms[platform.key].get("forms") or {}
    if platform.form and platform.form in forms:
        parts.append(forms[platform.form].get("label", platform.form))
    if platform.account and not platform.form:
        parts.append(rulebook.data.get("account_choices", {}).get(platform.account,
                                                                  platform.account))
    return "; ".join(parts)


def _platform(session: Session, rulebook: Rulebook, labels: dict[str, Any],
              platform: PlatformAdvice) -> dict[str, Any]:
    config = platform.config
    fields = labels["platform_fields"]
    empty = labels["empty"]
    handle = f"@{config['handle']}" if config.get("handle") else labels["not_filled"]
    party = config.get("party_content")
    if party == "marked" and not config.get("party_hashtag"):
        party = "marked_no_hashtag"
    bio_note = labels["platforms"]["draft_note"] if platform.bio_is_draft and config.get("bio") \
        else ""
    rows = [
        ("account", _account_text(rulebook, platform) or empty, ""),
        ("handle", handle, config.get("url") or ""),
        ("display_name", config.get("display_name") or labels["not_filled"], ""),
        ("avatar", _value_label(labels, "avatar_rijkslogo", bool(config.get("avatar_rijkslogo"))),
         ""),
        ("bio", config.get("bio") or empty, bio_note),
        ("link", config.get("link") or empty, ""),
        ("verification", _value_label(labels, "verification_by", config.get("verification_by")),
         ""),
        ("owner", _value_label(labels, "owner", config.get("owner")), ""),
        ("posting", _value_label(labels, "civil_service_support",
                                 config.get("civil_service_support")), ""),
        ("party_content", _value_label(labels, "party_content", party,
                                       party_hashtag=config.get("party_hashtag") or ""), ""),
        ("paid_promotion", _value_label(labels, "paid_promotion",
                                        bool(config.get("paid_promotion"))), ""),
        ("webcare", _webcare_text(labels, config.get("webcare") or {}), ""),
        ("transfer", _value_label(labels, "transfer_to_successor",
                                  config.get("transfer_to_successor")), ""),
    ]
    archive = config.get("archive_predecessor")
    if archive and archive != "none":
        rows.append(("predecessor", _value_label(labels, "archive_predecessor", archive,
                                                 archive_account=config.get("archive_account")
                                                 or ""), platform.archive_url or ""))
    notes = _text(session.get(f"platforms.{platform.key}.notes"))
    if notes:
        rows.append(("notes", notes, ""))
    return {
        "key": platform.key, "label": platform.label,
        "handle": config.get("handle") or "", "url": config.get("url") or "",
        "rows": [{"key": key, "label": fields[key], "value": value, "note": note}
                 for key, value, note in rows],
    }


def _parties(minister: dict[str, Any], conversation: dict[str, str], sworn_in: str,
             labels: dict[str, Any]) -> list[dict[str, str]]:
    """The rows of 'Partijen'; the post and the place only when there is one."""
    words, missing = labels["parties"], labels["not_filled"]
    rows = [
        (words["minister"], minister["name"] or missing),
        (words["title"], minister["title"] or minister["office"] or missing),
        (words["ministry"], minister["ministry"] or minister["ministry_given"] or missing),
        (words["post"], minister["post"]),
        (words["party"], minister["party"] or labels["empty"]),
        (words["sworn_in"], sworn_in or missing),
        (words["advisor"], conversation["advisor"] or missing),
        (words["date"], conversation["date"] or missing),
        (words["place"], conversation["place"]),
    ]
    return [{"label": label, "value": value} for label, value in rows if value]


def _predecessor(session: Session, labels: dict[str, Any]) -> dict[str, Any] | None:
    data = session.get("predecessor")
    if not isinstance(data, dict) or not any(value not in (None, "", False)
                                             for value in data.values()):
        return None
    words = labels["predecessor"]
    variant = data.get("variant") or "corporate"
    rows = [{"label": words["name"], "value": _text(data.get("name")) or labels["not_filled"]},
            {"label": words["variant"],
             "value": _value_label(labels, "predecessor_variant", variant)}]
    if data.get("archiving_arranged") is not None:
        rows.append({"label": words["archiving"], "value": words["archiving_yes"]
                     if data["archiving_arranged"] else words["archiving_no"]})
    return {"name": _text(data.get("name")) or labels["not_filled"], "rows": rows}


def _access_rows(session: Session, labels: dict[str, Any]) -> list[dict[str, str]]:
    words = labels["access"]
    rows = []
    for path, label in (("access.people", words["people"]),
                        ("access.authenticator_handover", words["authenticator"])):
        value = _text(session.get(path))
        if value:
            rows.append({"label": label, "value": value})
    return rows


def _sections(rulebook: Rulebook, advice: Advice, extras: dict[str, dict[str, Any]],
              labels: dict[str, Any]) -> list[dict[str, Any]]:
    """The clause sections in the rulebook's order, each with its extra table when it has one."""
    sections = []
    for key, title in rulebook.data["clause_sections"].items():
        clauses = advice.clauses.get(key, [])
        extra = extras.pop(key, None)
        if clauses or extra:
            sections.append({"key": key, "title": title, "clauses": clauses, "extra": extra})
    for key, extra in extras.items():   # a rulebook without such a section: add it at the end
        sections.append({"key": key, "title": extra["title"], "clauses": [], "extra": extra})
    return sections


def _checklist_groups(rulebook: Rulebook, advice: Advice) -> list[dict[str, Any]]:
    data = rulebook.data
    moment_order = {key: index for index, key in enumerate(data["moments"])}
    groups = []
    for key, title in data["checklist_groups"].items():
        items = [item for item in advice.checklist if item.group == key]
        items.sort(key=lambda item: moment_order.get(item.moment, len(moment_order)))
        if not items:
            continue
        groups.append({"key": key, "title": title, "entries": [
            {"id": item.id, "text": item.text,
             "owner": data["owners"].get(item.owner, item.owner),
             "moment": data["moments"].get(item.moment, item.moment),
             "platform": rulebook.platforms.get(item.platform or "", {}).get("label", "")}
            for item in items]})
    return groups


def document_context(kind: str, session: Session, rulebook: Rulebook,
                     advice: Advice | None = None, *, standalone: bool = False,
                     font_families: list[str] | None = None) -> dict[str, Any]:
    """Everything the templates `afspraken.html.j2` and `checklist.html.j2` show."""
    if kind not in KINDS:
        raise ValueError(f"onbekend document '{kind}' (mogelijk: {', '.join(KINDS)})")
    advice = advice or advise(session, rulebook)
    labels = chrome(rulebook)
    months = labels["months"]
    predecessor = _predecessor(session, labels)
    extras: dict[str, dict[str, Any]] = {}
    access_rows = _access_rows(session, labels)
    if access_rows:
        extras["access"] = {"title": labels["access"]["people"], "rows": access_rows}
    if predecessor:
        extras["predecessor"] = {"title": labels["predecessor"]["heading_details"],
                                 "rows": predecessor["rows"]}
    variant = _variant(session, rulebook, advice)
    motivation = _text(session.get("motivation"))
    minister = _minister(session, rulebook, advice)
    conversation = {
        "date": format_date(session.get("conversation.date"), months),
        "advisor": _text(session.get("conversation.advisor")),
        "place": _text(session.get("conversation.place")),
        "notes": _text(session.get("conversation.notes")),
    }
    sworn_in = format_date(session.get("minister.sworn_in"), months)
    return {
        "kind": kind,
        "standalone": standalone,
        "labels": labels,
        "title": labels["documents"][kind]["title"],
        "font_stack": css_font_stack(font_families or []),
        "concept": advice.is_concept,
        "errors": [finding.message for finding in advice.errors],
        "rulebook": {"version": rulebook.version,
                     "date": format_date(rulebook.date, months),
                     "title": rulebook.data.get("title", "")},
        "program_version": project_version(),
        "document_date": document_date(session, months),
        "minister": minister,
        "conversation": conversation,
        "sworn_in": sworn_in,
        "parties": _parties(minister, conversation, sworn_in, labels),
        "variant": variant,
        "personal_account": _personal_account(session, rulebook, advice),
        "motivation": motivation,
        "show_motivation": bool(motivation) or bool(variant and not variant["advised"]),
        "comparison": {"title": rulebook.data["comparison"].get("title", ""),
                       "rows": [row for row in advice.comparison if row["value"]]},
        "consequences": advice.consequences,
        "platforms": [_platform(session, rulebook, labels, platform)
                      for platform in advice.platforms.values()],
        "sections": _sections(rulebook, advice, extras, labels),
        "attention_points": advice.attention_points,
        "checklist_groups": _checklist_groups(rulebook, advice),
    }
