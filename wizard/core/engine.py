"""The advice engine: (session, rulebook) -> platform configuration, findings, checklist.

Everything here is a pure function of its two inputs. The engine holds no policy: it applies the
rulebook's conditions, patterns, limits and texts to the answers in the session.
"""

from __future__ import annotations

import copy
from dataclasses import asdict, dataclass, field
from typing import Any

from wizard.core import text
from wizard.core.conditions import is_filled, matches
from wizard.core.rulebook import Rulebook
from wizard.core.secrets import secret_findings
from wizard.core.session import Session
from wizard.paths import project_version

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}
CONFIG_FORMAT = "platformconfiguratie/1"


@dataclass
class Finding:
    code: str
    severity: str
    path: str
    message: str
    source: list[str]
    platform: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class ChecklistItem:
    id: str
    group: str
    text: str
    owner: str
    moment: str
    source: list[str]
    platform: str | None = None


@dataclass
class PlatformAdvice:
    """One used platform: its configuration (the contract) plus what the UI and documents show."""

    key: str
    label: str
    form: str | None
    account: str | None
    handle_kind: str          # office | person | ministry_account (from the rulebook's rules)
    config: dict[str, Any]
    limits: dict[str, dict[str, Any]]
    handle_rules: list[dict[str, Any]]
    handle_suggestion: str | None
    bio_draft: str | None
    bio_is_draft: bool
    url: str | None
    archive_url: str | None
    applied_rules: list[str]
    context: dict[str, Any] = field(repr=False, default_factory=dict)


@dataclass
class Advice:
    configuration: dict[str, Any]
    platforms: dict[str, PlatformAdvice]
    findings: list[Finding]
    checklist: list[ChecklistItem]
    clauses: dict[str, list[dict[str, Any]]]
    consequences: list[dict[str, Any]]
    attention_points: list[dict[str, Any]]
    comparison: list[dict[str, Any]]
    values: dict[str, str]
    variant: str | None

    @property
    def errors(self) -> list[Finding]:
        return [finding for finding in self.findings if finding.severity == "error"]

    @property
    def warnings(self) -> list[Finding]:
        return [finding for finding in self.findings if finding.severity == "warning"]

    @property
    def is_concept(self) -> bool:
        """Documents from a session with errors carry a CONCEPT mark."""
        return bool(self.errors)

    def findings_for(self, prefix: str) -> list[Finding]:
        return [finding for finding in self.findings if finding.path.startswith(prefix)]


# --- context --------------------------------------------------------------------------------


def _predecessor(session: Session) -> dict[str, Any] | None:
    data = session.get("predecessor")
    if not isinstance(data, dict):
        return None
    # A predecessor exists once a name or the archiving answer is given; a default variant
    # alone does not make one.
    if not is_filled(data.get("name")) and data.get("archiving_arranged") is None:
        return None
    return {"name": data.get("name") or "", "variant": data.get("variant") or "corporate",
            "archiving_arranged": bool(data.get("archiving_arranged"))}


def session_context(session: Session, rulebook: Rulebook) -> dict[str, Any]:
    """The values `when` conditions look at, with the defaults of DESIGN.md filled in."""
    context = copy.deepcopy(session.data)
    conversation = context.get("conversation") or {}
    if conversation.get("cabinet_change") is None:
        conversation["cabinet_change"] = True
    context["conversation"] = conversation
    context["predecessor"] = _predecessor(session)
    context["webcare"] = {"standby": bool(session.get("webcare.standby")),
                          "proactive": bool(session.get("webcare.proactive"))}
    context["access"] = {**(session.get("access") or {}),
                         "minister_access": bool(session.get("access.minister_access"))}
    used = used_platforms(session, rulebook)
    context["used_platforms"] = used
    context["meta_platforms_used"] = any(rulebook.platforms[key]["meta"] for key in used)
    return context


def used_platforms(session: Session, rulebook: Rulebook) -> list[str]:
    """The platforms the session uses that the rulebook knows, in the rulebook's order."""
    chosen = session.get("platforms") or {}
    return [key for key in rulebook.platforms
            if isinstance(chosen.get(key), dict) and chosen[key].get("use") is True]


def _values(session: Session, rulebook: Rulebook, ministry_key: str | None) -> dict[str, str]:
    """The placeholders of the rulebook's texts, filled in from the session."""
    data = rulebook.data
    patterns = data["patterns"]
    name = (session.get("minister.name") or "").strip()
    first, last = text.split_name(name)
    ministry = rulebook.ministries.get(ministry_key or "", {})
    post = (session.get("minister.post") or "").strip()
    party = (session.get("minister.party") or "").strip()
    predecessor = _predecessor(session) or {}
    values = {
        "name": name, "minister_name": name or "de bewindspersoon", "first": first,
        "last": last,
        "initial": first[:1].upper(),
        "last_camel": text.camel(last), "slug": text.slug(name),
        "last_main": text.camel(" ".join(text.words(last)[-1:])),
        "ministry_abbr": ministry.get("abbr", ""), "ministry_name": ministry.get("name", ""),
        "post": post,
        "post_camel": text.camel(post, patterns["handle_stopwords"]),
        "post_initials": text.initials(post, patterns["handle_stopwords"]),
        "party": party,
        "hours": data["webcare"]["hours"], "hours_short": data["webcare"]["hours_short"],
        "predecessor_name": predecessor.get("name") or "de voorganger",
        "predecessor_surname": "".join(
            text.words(text.split_name(predecessor.get("name") or "")[1])).lower(),
    }
    values["ministry_hashtag"] = text.fill(patterns["ministry_hashtag"]["value"], values) \
        if values["ministry_abbr"] else ""
    override = (session.get("minister.party_hashtag") or "").strip()
    party_word = text.keep_charset(party, "A-Za-z0-9")
    derived = text.fill(patterns["party_hashtag"]["value"], {"party": party_word})
    values["party_hashtag"] = override or (derived if party_word else "")
    title_key = _office_key(session)
    titles = patterns["titles"].get(title_key) if title_key else None
    if titles and not values["ministry_name"]:
        # Without a ministry the long title would read "... van (post)": use the short one.
        titles = dict(titles, long=titles["short"])
    values["title"] = text.fill(titles["long"], values) if titles else ""
    values["short_title"] = text.fill(titles["short"], values) if titles else ""
    values["tiny_title"] = text.fill(titles.get("tiny", titles["short"]), values) if titles else ""
    values["departure_agreement"] = _departure_text(session, rulebook)
    return values


def _office_key(session: Session) -> str | None:
    office = session.get("minister.office")
    if office not in ("minister_president", "minister", "state_secretary"):
        return None
    if office != "minister_president" and (session.get("minister.post") or "").strip():
        return f"{office}_post"
    return office


def _departure_text(session: Session, rulebook: Rulebook) -> str:
    options = rulebook.data["departure_options"]
    parts = []
    account = session.get("departure.account")
    if account in options["account"]:
        parts.append(options["account"][account])
    weeks = session.get("departure.webcare_weeks")
    if isinstance(weeks, int):
        parts.append(text.fill(options["webcare_weeks"], {"weeks": weeks}))
    two_factor = session.get("departure.two_factor")
    if two_factor in options["two_factor"]:
        parts.append(options["two_factor"][two_factor])
    if not parts:
        return options["undecided"]
    sentence = "; ".join(parts)
    return sentence[0].upper() + sentence[1:] + "."


# --- per platform ---------------------------------------------------------------------------


def _platform_part(platform: dict[str, Any], form: str | None, name: str) -> Any:
    """A platform setting, from the chosen form where the form has its own."""
    form_data = (platform.get("forms") or {}).get(form or "", {})
    return form_data.get(name, platform.get(name))


def _configure(context: dict[str, Any], rulebook: Rulebook) -> tuple[dict[str, Any], list[str]]:
    configuration = rulebook.data["configuration"]
    result = dict(configuration["defaults"])
    applied = []
    for rule in configuration["rules"]:
        context["config"] = result
        if matches(rule.get("when"), context):
            result.update(rule["set"])
            applied.append(rule["id"])
    context["config"] = result
    return result, applied


def _handle_shapes(session: Session, rulebook: Rulebook) -> list[tuple[list, str, str]]:
    """(confirmed rules, charset, transform) of every used platform in its chosen form."""
    shapes = []
    for key in used_platforms(session, rulebook):
        platform = rulebook.platforms[key]
        form = session.get(f"platforms.{key}.form") or None
        rules = _platform_part(platform, form, "handle_rules") or []
        shapes.append(([rule for rule in rules if rule.get("confirmed")],
                       _platform_part(platform, form, "handle_charset"),
                       _platform_part(platform, form, "handle_transform") or "keep"))
    return shapes


def _shape_handle(pattern: str, values: dict[str, str], charset: str, transform: str) -> str:
    return text.keep_charset(text.transform_handle(text.fill(pattern, values), transform), charset)


def _suggest_handle(kind: str, session: Session, rulebook: Rulebook, values: dict[str, str],
                    rules: list[dict[str, Any]], charset: str, transform: str,
                    platform_key: str) -> str | None:
    """The first suggestion pattern that fits here and, where possible, on every other used
    platform too, so that the minister has the same handle everywhere."""
    suggestions = rulebook.data["handle_suggestions"]
    confirmed = [rule for rule in rules if rule.get("confirmed")]
    shapes = _handle_shapes(session, rulebook)

    def fits(candidate: str) -> bool:
        return not text.handle_problems(candidate, confirmed)

    def fits_everywhere(pattern: str) -> bool:
        return all(not text.handle_problems(_shape_handle(pattern, values, shape_charset,
                                                          shape_transform), shape_rules)
                   for shape_rules, shape_charset, shape_transform in shapes)

    if kind == "office":
        office = session.get("minister.office")
        existing = rulebook.data.get("office_accounts", {}).get(office, {}).get(platform_key)
        if existing:
            return existing["handle"]
        key = _office_key(session)
        patterns = suggestions["office"].get(key or "", [])
    else:
        patterns = suggestions["person"]
    shared = [pattern for pattern in patterns if fits_everywhere(pattern)]
    candidates = [_shape_handle(pattern, values, charset, transform)
                  for pattern in shared + list(patterns)]
    return text.first_fitting(candidates, fits)


def _bio_draft(kind: str, rulebook: Rulebook, values: dict[str, str], limit: int | None) -> \
        str | None:
    drafts = rulebook.data["bio_drafts"].get(kind)
    if not drafts:
        return None
    filled = [" ".join(text.fill(draft, values).split()) for draft in drafts["drafts"]]
    fitting = text.first_fitting(filled, lambda bio: limit is None or len(bio) <= limit)
    return fitting or min(filled, key=len)


def _advise_platform(key: str, session: Session, rulebook: Rulebook, base: dict[str, Any],
                     values: dict[str, str], ministry_key: str | None) -> PlatformAdvice:
    platform = rulebook.platforms[key]
    answers = session.get(f"platforms.{key}") or {}
    variant = base.get("variant") or "corporate"
    forms = platform.get("forms") or {}
    form = answers.get("form") or None
    if forms and form not in forms:
        form = (platform.get("default_form") or {}).get(variant) or next(iter(forms))
    account = answers.get("account") or rulebook.data["default_account"].get(variant)
    context = dict(base, platform=key, meta=platform["meta"], form=form, account=account,
                   platform_has_forms=bool(forms), form_given=answers.get("form") in forms)
    config, applied = _configure(context, rulebook)

    rules = _platform_part(platform, form, "handle_rules") or []
    charset = _platform_part(platform, form, "handle_charset")
    transform = _platform_part(platform, form, "handle_transform") or "keep"
    limits = {**platform.get("limits", {}), **((forms.get(form or "") or {}).get("limits", {}))}
    url_pattern = _platform_part(platform, form, "url")

    ministry = rulebook.ministries.get(ministry_key or "", {})
    ministry_account = (answers.get("ministry_account") or "").strip() or \
        (ministry.get("accounts") or {}).get(key, "")
    platform_values = dict(values, platform_label=platform["label"],
                           ministry_account=ministry_account,
                           ministry_account_ref=f"@{ministry_account}" if ministry_account else "")
    platform_values["ministry_ref"] = platform_values["ministry_account_ref"] or \
        values["ministry_hashtag"]

    suggestion = None
    given = (answers.get("handle") or "").strip().lstrip("@")
    if config["handle_kind"] == "ministry_account":
        handle = ministry_account
    else:
        suggestion = _suggest_handle(config["handle_kind"], session, rulebook, values, rules,
                                     charset, transform, key)
        handle = given or suggestion or ""
    platform_values["handle"] = handle

    bio_limit = limits.get("bio", {}).get("max")
    draft = _bio_draft(config["bio_kind"], rulebook, platform_values, bio_limit)
    given_bio = answers.get("bio") or ""
    bio = given_bio if given_bio.strip() else draft

    link = None
    if config["link_kind"] == "rijksoverheid_page":
        link = (answers.get("link") or "").strip() or (
            text.fill(rulebook.data["patterns"]["rijksoverheid_page"]["value"], values)
            if values["slug"] else None)
    display_name = (answers.get("display_name") or "").strip() or values["name"] or None
    if config["handle_kind"] == "ministry_account" and values["ministry_name"]:
        display_name = (answers.get("display_name") or "").strip() or \
            f"Ministerie van {values['ministry_name']}"

    archive_account = None
    if config["archive_predecessor"] == "meta_archive_swap":
        archive_account = (answers.get("archive_account") or "").strip().lstrip("@") or (
            _shape_handle(rulebook.data["patterns"]["meta_archive_account"]["value"],
                          dict(values, handle=handle), charset, "lower") if handle else None)
    platform_values["archive_account"] = archive_account or ""

    url = text.fill(url_pattern, {"handle": handle}) if handle and url_pattern else None
    archive_url = text.fill(url_pattern, {"handle": archive_account}) \
        if archive_account and url_pattern else None
    platform_values["old_url"] = url or ""
    platform_values["archive_url"] = archive_url or ""

    scope = config["webcare_scope"]
    webcare = {
        "scope": scope,
        "hours": rulebook.data["webcare"]["hours"] if scope != "none" else None,
        "standby": bool(session.get("webcare.standby")) and matches(
            rulebook.data["webcare"].get("standby_possible_when"), context),
        "proactive": bool(session.get("webcare.proactive")) and matches(
            rulebook.data["webcare"].get("proactive_possible_when"), context),
    }
    contract = {
        "owner": config["owner"],
        "account": account,
        "form": form,
        "handle": handle or None,
        "url": url,
        "display_name": display_name,
        "bio": bio or None,
        "link": link,
        "avatar_rijkslogo": config["avatar_rijkslogo"],
        "verified": config["verified"],
        "verification_by": config["verification_by"] if config["verified"] else None,
        "civil_service_support": config["civil_service_support"],
        "party_content": config["party_content"],
        "party_hashtag": values["party_hashtag"] or None if config["uses_party_hashtag"] else None,
        "paid_promotion": config["paid_promotion"],
        "webcare": webcare,
        "transfer_to_successor": config["transfer_to_successor"],
        "archive_predecessor": config["archive_predecessor"],
        "archive_account": archive_account,
    }
    context["values"] = platform_values
    context["internal"] = config
    return PlatformAdvice(
        key=key, label=platform["label"], form=form, account=account,
        handle_kind=config["handle_kind"], config=contract,
        limits=limits, handle_rules=rules, handle_suggestion=suggestion, bio_draft=draft,
        bio_is_draft=not given_bio.strip(), url=url, archive_url=archive_url,
        applied_rules=applied, context=context)


# --- findings -------------------------------------------------------------------------------


def _finding(rulebook: Rulebook, code: str, path: str, message: str,
             source: list[str] | None = None, severity: str | None = None,
             platform: str | None = None) -> Finding:
    entry = rulebook.finding(code)
    return Finding(code=code, severity=severity or entry["severity"], path=path,
                   message=message, source=list(source or entry["source"]), platform=platform)


def _session_findings(session: Session, rulebook: Rulebook, context: dict[str, Any],
                      values: dict[str, str]) -> list[Finding]:
    findings = []
    for field_rule in rulebook.data["required_fields"]:
        if matches(field_rule.get("when"), context) and not is_filled(
                session.get(field_rule["path"])):
            label = field_rule["label"]
            findings.append(_finding(rulebook, "missing-field", field_rule["path"],
                                     f"Nog niet ingevuld: {label}.",
                                     severity=field_rule["severity"]))
    ministry = session.get("minister.ministry")
    if is_filled(ministry) and rulebook.ministry_key(ministry) is None:
        known = ", ".join(rulebook.ministries)
        findings.append(_finding(rulebook, "unknown-ministry", "minister.ministry",
                                 f"Het ministerie '{text.close_bidi(str(ministry))}' staat "
                                 "niet in het regelboek "
                                 f"(bekend: {known})."))
    chosen = session.get("platforms") or {}
    for key in chosen:
        if key not in rulebook.platforms:
            known = ", ".join(rulebook.platforms)
            findings.append(_finding(rulebook, "unknown-platform", f"platforms.{key}",
                                     f"Het platform '{key}' staat niet in het regelboek "
                                     f"(bekend: {known})."))
    for requirement in rulebook.data["requirements"]:
        if requirement["scope"] == "session" and matches(requirement.get("when"), context):
            findings.append(_finding(rulebook, requirement["code"], requirement["path"],
                                     text.fill(requirement["message"], values),
                                     requirement["source"], requirement.get("severity")))
    applicable = {item["id"] for item in _applicable(rulebook.data["consequences"], context)}
    acknowledged = set(session.get("acknowledged") or [])
    missing = applicable - acknowledged
    if missing and session.get("variant"):
        findings.append(_finding(rulebook, "consequences-not-acknowledged", "acknowledged",
                                 f"Nog niet met de bewindspersoon besproken: {len(missing)} van "
                                 f"de {len(applicable)} gevolgen van de gekozen variant."))
    findings += secret_findings(session.secret_texts, rulebook, _finding)
    return findings


def _limit_finding(rulebook: Rulebook, advice: PlatformAdvice, field_name: str, code: str,
                   value: str | None, path: str) -> Finding | None:
    limit = advice.limits.get(field_name)
    if not limit or not value or len(value) <= limit["max"]:
        return None
    confirmed = limit.get("confirmed", False)
    note = "" if confirmed else " (deze limiet is niet bevestigd)"
    message = (f"De {limit['label']} op {advice.label} is {len(value)} tekens; hoogstens "
               f"{limit['max']} tekens{note}. Bron: {limit['source']}, {limit['as_of']}.")
    return _finding(rulebook, code, path, message,
                    severity=None if confirmed else "warning", platform=advice.key)


def _platform_findings(advice: PlatformAdvice, session: Session, rulebook: Rulebook) -> \
        list[Finding]:
    key, config, context = advice.key, advice.config, advice.context
    values = context["values"]
    prefix = f"platforms.{key}"
    findings = []
    for field_rule in rulebook.data["platform_required_fields"]:
        if matches(field_rule.get("when"), context) and not is_filled(
                session.get(f"{prefix}.{field_rule['field']}")):
            findings.append(_finding(rulebook, "missing-field", f"{prefix}.{field_rule['field']}",
                                     "Nog niet ingevuld: " + text.fill(field_rule["label"], values)
                                     + ".", severity=field_rule["severity"], platform=key))
    handle = config["handle"] or ""
    if handle and context["internal"]["handle_kind"] != "ministry_account":
        for problem in text.handle_problems(handle, advice.handle_rules):
            note = "" if problem.confirmed else " (deze regel is niet bevestigd)"
            findings.append(_finding(
                rulebook, "handle-invalid", f"{prefix}.handle",
                f"De handle '@{text.close_bidi(handle)}' op {advice.label}: "
                f"{problem.message}{note}. Bron: "
                f"{problem.source}, {problem.as_of}.",
                severity="error" if problem.confirmed else "warning", platform=key))
        if not is_filled(session.get(f"{prefix}.handle")) and advice.handle_suggestion:
            findings.append(_finding(rulebook, "handle-suggested", f"{prefix}.handle",
                                     f"Voorgestelde handle op {advice.label}: "
                                     f"@{advice.handle_suggestion}.", platform=key))
    if config["archive_account"]:
        for problem in text.handle_problems(config["archive_account"], advice.handle_rules):
            findings.append(_finding(
                rulebook, "archive-account-invalid", f"{prefix}.archive_account",
                f"De naam van het archiefaccount "
                f"'@{text.close_bidi(config['archive_account'])}' op {advice.label}: "
                f"{problem.message}.",
                severity="error" if problem.confirmed else "warning", platform=key))
    for field_name, code, path in (("bio", "bio-too-long", f"{prefix}.bio"),
                                   ("display_name", "name-too-long", f"{prefix}.display_name"),
                                   ("link", "link-too-long", f"{prefix}.link")):
        finding = _limit_finding(rulebook, advice, field_name, code, config[field_name], path)
        if finding:
            findings.append(finding)
    for requirement in rulebook.data["requirements"]:
        if requirement["scope"] == "platform" and matches(requirement.get("when"), context):
            findings.append(_finding(rulebook, requirement["code"],
                                     text.fill(requirement["path"], {"platform": key}),
                                     text.fill(requirement["message"], values),
                                     requirement["source"], requirement.get("severity"),
                                     platform=key))
    findings.extend(_text_findings(advice, rulebook))
    return findings


def _text_findings(advice: PlatformAdvice, rulebook: Rulebook) -> list[Finding]:
    context, values = advice.context, advice.context["values"]
    findings = []
    for check in rulebook.data["text_checks"]:
        if not matches(check.get("when"), context):
            continue
        subject = advice.config.get(check["field"]) or ""
        if not subject:
            continue
        whole_word = check.get("match", "substring") == "word"
        minimum = check.get("min_phrase_length", 1)
        phrases = [text.fill(phrase, values).strip()
                   for phrase in check.get("require_any", check.get("forbid_any", []))]
        phrases = [phrase for phrase in phrases if len(phrase) >= minimum]
        if not phrases:
            continue
        found = any(text.contains_phrase(subject, phrase, whole_word=whole_word)
                    for phrase in phrases)
        broken = not found if "require_any" in check else found
        if broken:
            findings.append(_finding(rulebook, check["code"],
                                     f"platforms.{advice.key}.{check['field']}",
                                     text.fill(check["message"], values), check["source"],
                                     platform=advice.key))
    return findings


# --- texts and checklist --------------------------------------------------------------------


def _applicable(entries: list[dict[str, Any]], context: dict[str, Any]) -> list[dict[str, Any]]:
    return [entry for entry in entries if matches(entry.get("when"), context)]


def _filled(entries: list[dict[str, Any]], values: dict[str, str]) -> list[dict[str, Any]]:
    return [dict(entry, text=text.fill(entry["text"], values)) for entry in entries]


def _checklist(rulebook: Rulebook, context: dict[str, Any], values: dict[str, str],
               platforms: dict[str, PlatformAdvice]) -> list[ChecklistItem]:
    items = []
    for entry in rulebook.data["checklist"]:
        targets: list[tuple[str | None, dict[str, Any], dict[str, str]]]
        if entry.get("per_platform"):
            targets = [(key, advice.context, advice.context["values"])
                       for key, advice in platforms.items()]
        else:
            targets = [(None, context, values)]
        for platform_key, target_context, target_values in targets:
            if matches(entry.get("when"), target_context):
                items.append(ChecklistItem(
                    id=entry["id"], group=entry["group"],
                    text=text.fill(entry["text"], target_values), owner=entry["owner"],
                    moment=entry["moment"], source=list(entry["source"]), platform=platform_key))
    return items


def _configuration(session: Session, rulebook: Rulebook, ministry_key: str | None,
                   platforms: dict[str, PlatformAdvice]) -> dict[str, Any]:
    return {
        "format": CONFIG_FORMAT,
        "rulebook": {"version": rulebook.version, "date": rulebook.date},
        "generator": f"Adviesgesprek {project_version()}",
        "minister": {
            "name": session.get("minister.name") or None,
            "office": session.get("minister.office") or None,
            "ministry": ministry_key,
            "post": session.get("minister.post") or None,
            "party": session.get("minister.party") or None,
        },
        "variant": session.get("variant") or None,
        "personal_account": bool(session.get("personal_account")),
        "platforms": {key: advice.config for key, advice in platforms.items()},
    }


def advise(session: Session, rulebook: Rulebook) -> Advice:
    """Everything that follows from the answers: configuration, findings, checklist, texts."""
    ministry_key = rulebook.ministry_key(session.get("minister.ministry") or "")
    context = session_context(session, rulebook)
    values = _values(session, rulebook, ministry_key)
    context["values"] = values
    platforms = {key: _advise_platform(key, session, rulebook, context, values, ministry_key)
                 for key in used_platforms(session, rulebook)}
    findings = _session_findings(session, rulebook, context, values)
    for advice in platforms.values():
        findings.extend(_platform_findings(advice, session, rulebook))
    findings = _deduplicate(findings)
    findings.sort(key=lambda finding: SEVERITY_ORDER[finding.severity])
    variant = session.get("variant") or None
    clauses: dict[str, list[dict[str, Any]]] = {}
    for clause in _filled(_applicable(rulebook.data["clauses"], context), values):
        clauses.setdefault(clause["section"], []).append(clause)
    acknowledged = set(session.get("acknowledged") or [])
    consequences = [dict(entry, acknowledged=entry["id"] in acknowledged)
                    for entry in _filled(_applicable(rulebook.data["consequences"], context),
                                         values)]
    comparison = [{"id": row["id"], "label": row["label"], "value": row.get(variant or "", ""),
                   "source": row["source"]} for row in rulebook.data["comparison"]["rows"]]
    return Advice(
        configuration=_configuration(session, rulebook, ministry_key, platforms),
        platforms=platforms, findings=findings,
        checklist=_checklist(rulebook, context, values, platforms), clauses=clauses,
        consequences=consequences,
        attention_points=_filled(_applicable(rulebook.data["attention_points"], context), values),
        comparison=comparison, values=values, variant=variant)


def _deduplicate(findings: list[Finding]) -> list[Finding]:
    seen = set()
    unique = []
    for finding in findings:
        key = (finding.code, finding.path, finding.message)
        if key not in seen:
            seen.add(key)
            unique.append(finding)
    return unique


def configuration_yaml(advice: Advice) -> str:
    """`platformconfiguratie.yaml`: the configuration contract of DESIGN.md as YAML text."""
    from wizard.core.yamlio import dump_yaml

    return dump_yaml(advice.configuration)
