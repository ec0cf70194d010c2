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
    return {"key": key, "label": entry["label"], "summary": entry.get("summary", ""),
            "meaning": list(entry.get("meaning", [])), "advised": bool(entry.get("advised")),
            "requires_motivation": bool(entry.get("requires_motivation"))}


def _personal_account(rulebook: Rulebook, advice: Advice) -> dict[str, Any] | None:
    entry = rulebook.data.get("personal_account") or {}
    if not advice.personal_account:
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


def _platform(rulebook: Rulebook, labels: dict[str, Any], platform: PlatformAdvice) -> \
        dict[str, Any]:
    config = platform.config
    fields = labels["platform_fields"]
    empty = labels["empty"]
    handle = f"@{config['handle']}" if config.get("handle") else labels["not_filled"]
    party = config.get("party_content")
    if party == "marked" and not config.get("party_hashtag"):
        party = "marked_no_hashtag"
    bio_note = labels["platforms"]["draft_note"] if platform.bio_is_draft and config.get("bio") \
        else ""
    handle_note = labels["platforms"]["draft_note"] if platform.handle_is_suggestion else ""
    verification = config.get("verification_by")
    if verification is None and config.get("civil_service_support") == "none":
        verification = "not_supported"
    rows = [
        ("account", _account_text(rulebook, platform) or empty, ""),
        ("handle", handle, " ".join(filter(None, [config.get("url"), handle_note]))),
        ("display_name", config.get("display_name") or labels["not_filled"], ""),
        ("avatar", _value_label(labels, "avatar_rijkslogo", bool(config.get("avatar_rijkslogo"))),
         ""),
        ("bio", config.get("bio") or empty, bio_note),
        ("link", config.get("link") or empty, ""),
        ("verification", _value_label(labels, "verification_by", verification), ""),
        ("owner", _value_label(labels, "owner", config.get("owner")), ""),
        ("posting", _value_label(labels, "civil_service_support",
                                 config.get("civil_service_support")), ""),
        ("party_content", _value_label(labels, "party_content", party,
                                       party_hashtag=config.get("party_hashtag") or ""), ""),
        ("paid_promotion", _value_label(labels, "paid_promotion",
                                        bool(config.get("paid_promotion"))), ""),
        ("webcare", _webcare_text(labels, config.get("webcare") or {}), ""),
        ("transfer", _value_label(labels, "transfer_to_successor",
                                  "ministry_account" if platform.kind == "ministry"
                                  else config.get("transfer_to_successor")), ""),
    ]
    archive = config.get("archive_predecessor")
    if archive and archive != "none":
        rows.append(("predecessor", _value_label(labels, "archive_predecessor", archive,
                                                 archive_account=config.get("archive_account")
                                                 or ""), platform.archive_url or ""))
    if platform.notes:
        rows.append(("notes", platform.notes, ""))
    # Only the rows that say something about this kind of account (templates/documents.yaml).
    shown = labels["platform_rows"].get(platform.kind)
    if shown is not None:
        rows = [row for row in rows if row[0] in shown]
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


def _predecessor(rulebook: Rulebook, advice: Advice, labels: dict[str, Any]) -> \
        dict[str, Any] | None:
    predecessor = advice.predecessor
    if predecessor is None:
        return None
    words = labels["predecessor"]
    name = predecessor.name or labels["not_filled"]
    rows = [{"label": words["name"], "value": name},
            {"label": words["variant"],
             "value": _value_label(labels, "predecessor_variant", predecessor.variant)}]
    if predecessor.archiving_arranged is not None:
        rows.append({"label": words["archiving"], "value": words["archiving_yes"]
                     if predecessor.archiving_arranged else words["archiving_no"]})
    names = rulebook.data["predecessor_accounts"]["words"]
    for account in predecessor.accounts.values():
        handle = f"@{account.handle}" if account.handle else labels["not_filled"]
        archive = f"@{account.archive_account}" if account.archive_account \
            else labels["not_filled"]
        value = _fill(words["account"], kind=names["kinds"][account.kind], handle=handle,
                      action=_fill(names["actions"][account.action], archive_ref=archive))
        rows.append({"label": account.label, "value": value,
                     "note": words["assumed"] if account.assumed else ""})
    return {"name": name, "rows": rows}


def _access_rows(advice: Advice, labels: dict[str, Any]) -> list[dict[str, str]]:
    words = labels["access"]
    rows = []
    for key, label in (("people", words["people"]),
                       ("authenticator_handover", words["authenticator"])):
        if advice.access.get(key):
            rows.append({"label": label, "value": advice.access[key]})
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
    """Everything the templates `afspraken.html.j2` and `checklist.html.j2` show. It is made
    from the engine's advice only: the session is not read again here."""
    if kind not in KINDS:
        raise ValueError(f"onbekend document '{kind}' (mogelijk: {', '.join(KINDS)})")
    advice = advice or advise(session, rulebook)
    labels = chrome(rulebook)
    months = labels["months"]
    predecessor = _predecessor(rulebook, advice, labels)
    extras: dict[str, dict[str, Any]] = {}
    access_rows = _access_rows(advice, labels)
    if access_rows:
        extras["access"] = {"title": labels["access"]["people"], "rows": access_rows}
    if predecessor:
        extras["predecessor"] = {"title": labels["predecessor"]["heading_details"],
                                 "rows": predecessor["rows"]}
    variant = _variant(rulebook, advice)
    minister = _minister(advice)
    facts = advice.conversation
    conversation = {
        "date": format_date(facts["date"], months),
        "advisor": facts["advisor"],
        "director": facts["director"],
        "place": facts["place"],
        "notes": facts["notes"],
    }
    sworn_in = format_date(advice.minister["sworn_in"], months)
    motivation = advice.motivation or ""
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
        "document_date": document_date(advice, months),
        "minister": minister,
        "conversation": conversation,
        "sworn_in": sworn_in,
        "parties": _parties(minister, conversation, sworn_in, labels),
        "variant": variant,
        "personal_account": _personal_account(rulebook, advice),
        "motivation": motivation,
        "show_motivation": bool(variant and variant["requires_motivation"]),
        "comparison": {"title": rulebook.data["comparison"].get("title", ""),
                       "rows": [row for row in advice.comparison if row["value"]]},
        "consequences": advice.consequences,
        "platforms": [_platform(rulebook, labels, platform)
                      for platform in advice.platforms.values()],
        "sections": _sections(rulebook, advice, extras, labels),
        "attention_points": advice.attention_points,
        "checklist_groups": _checklist_groups(rulebook, advice),
    }
