"""The advice engine: (session, rulebook) -> platform configuration, findings, checklist.

Everything here is a pure function of its two inputs. The engine holds no policy: it applies the
rulebook's conditions, patterns, limits and texts to the answers in the session. It is also the
one reader of the session (DESIGN principle 2): `Advice` carries every answer that applies, as
interpreted, so that documents, the wizard's overview and the command line never read the raw
session again. Answers that do not apply stay in the session and are listed in `Advice.inactive`.
"""

from __future__ import annotations

import copy
import string
from dataclasses import asdict, dataclass, field
from typing import Any

from wizard.constants import SEVERITY_ORDER
from wizard.core import handles, text
from wizard.core.accounts import (
    Entry,
    PredecessorAccount,
    clean_handle,
    entries,
    platform_part,
    predecessor_accounts,
    predecessor_given,
)
from wizard.core.conditions import is_filled, matches
from wizard.core.rulebook import Rulebook
from wizard.core.session import Session
from wizard.paths import project_version

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
    """One used platform, that is one account: its configuration (the contract) plus what the UI
    and the documents show."""

    key: str
    label: str
    form: str | None
    account: str | None
    kind: str  # office | own | ministry (see accounts.py)
    handle_kind: str  # office | person | ministry_account (from the rulebook's rules)
    config: dict[str, Any]
    limits: dict[str, dict[str, Any]]
    handle_rules: list[dict[str, Any]]
    handle_suggestion: str | None
    handle_is_suggestion: bool  # the handle is the rulebook's proposal, not an answer
    bio_draft: str | None
    bio_is_draft: bool
    url: str | None
    archive_url: str | None
    applied_rules: list[str]
    notes: str = ""
    context: dict[str, Any] = field(repr=False, default_factory=dict)


@dataclass
class PredecessorAdvice:
    """The predecessor and each of their accounts."""

    name: str
    variant: str
    archiving_arranged: bool | None
    accounts: dict[str, PredecessorAccount]

    @property
    def assumed(self) -> bool:
        return any(account.assumed for account in self.accounts.values())

    @property
    def needs_archiving(self) -> bool:
        """Whether anything of the predecessor's is to be archived: every action but "none"
        archives (RDDI, Meta's swap, or the policy content of an account that leaves)."""
        return any(account.action != "none" for account in self.accounts.values())


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
    # The answers that apply, as the engine reads them (documents and UI read these).
    minister: dict[str, Any] = field(default_factory=dict)
    conversation: dict[str, Any] = field(default_factory=dict)
    motivation: str | None = None
    personal_account: bool = False
    predecessor: PredecessorAdvice | None = None
    access: dict[str, Any] = field(default_factory=dict)
    departure: dict[str, Any] | None = None
    rvd_requests: list[dict[str, Any]] = field(default_factory=list)
    inactive: list[dict[str, Any]] = field(default_factory=list)
    roles: list[dict[str, Any]] = field(default_factory=list)

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

    def inactive_reason(self, path: str) -> str | None:
        """Why an answer in the session does not apply now, or None when it applies."""
        return next((item["reason"] for item in self.inactive if item["path"] == path), None)


# --- context --------------------------------------------------------------------------------


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _predecessor_context(session: Session) -> dict[str, Any] | None:
    if not predecessor_given(session):
        return None
    data = session.get("predecessor") or {}
    arranged = data.get("archiving_arranged")
    return {
        "name": _text(data.get("name")),
        "variant": data.get("variant") or "corporate",
        "archiving_arranged": bool(arranged),
        "archiving_known": isinstance(arranged, bool),
    }


def session_context(session: Session, rulebook: Rulebook) -> dict[str, Any]:
    """The values `when` conditions look at, with the defaults of DESIGN.md filled in."""
    context = copy.deepcopy(session.data)
    conversation = context.get("conversation") or {}
    if conversation.get("cabinet_change") is None:
        conversation["cabinet_change"] = True
    context["conversation"] = conversation
    context["predecessor"] = _predecessor_context(session)
    context["webcare"] = {
        "standby": bool(session.get("webcare.standby")),
        "proactive": bool(session.get("webcare.proactive")),
    }
    context["access"] = {
        **(session.get("access") or {}),
        "minister_access": bool(session.get("access.minister_access")),
    }
    context["election_period"] = bool(session.get("election_period"))
    used = used_platforms(session, rulebook)
    context["used_platforms"] = used
    context["meta_platforms_used"] = any(rulebook.platforms[key]["meta"] for key in used)
    return context


def used_platforms(session: Session, rulebook: Rulebook) -> list[str]:
    """The platforms the session uses that the rulebook knows, in the rulebook's order."""
    chosen = session.get("platforms") or {}
    return [
        key
        for key in rulebook.platforms
        if isinstance(chosen.get(key), dict) and chosen[key].get("use") is True
    ]


def _values(session: Session, rulebook: Rulebook, ministry_key: str | None) -> dict[str, str]:
    """The placeholders of the rulebook's texts, filled in from the session."""
    data = rulebook.data
    patterns = data["patterns"]
    name = _text(session.get("minister.name"))
    first, last = text.split_name(name)
    ministry = rulebook.ministries.get(ministry_key or "", {})
    post = _text(session.get("minister.post"))
    party = _text(session.get("minister.party"))
    predecessor = _predecessor_context(session) or {}
    values = {
        "name": name,
        "minister_name": name or patterns["nobody"]["minister"],
        "first": first,
        "last": last,
        "initial": first[:1].upper(),
        "last_camel": text.camel(last),
        "slug": text.slug(name),
        "last_main": text.camel(" ".join(text.words(last)[-1:])),
        "ministry_abbr": ministry.get("abbr", ""),
        "ministry_name": ministry.get("name", ""),
        "post": post,
        "post_camel": text.camel(post, patterns["handle_stopwords"]),
        "post_initials": text.initials(post, patterns["handle_stopwords"]),
        "party": party,
        "hours": data["webcare"]["hours"],
        "hours_short": data["webcare"]["hours_short"],
        "predecessor_name": predecessor.get("name") or patterns["nobody"]["predecessor"],
        "predecessor_surname": "".join(
            text.words(text.split_name(predecessor.get("name") or "")[1])
        ).lower(),
    }
    values["ministry_hashtag"] = (
        text.fill(patterns["ministry_hashtag"]["value"], values) if values["ministry_abbr"] else ""
    )
    values["ministry_display_name"] = (
        text.fill(patterns["ministry_display_name"]["value"], values)
        if values["ministry_name"]
        else ""
    )
    override = _text(session.get("minister.party_hashtag"))
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
    if office != "minister_president" and _text(session.get("minister.post")):
        return f"{office}_post"
    return office


def _departure_text(session: Session, rulebook: Rulebook) -> str:
    options = rulebook.data["departure_options"]
    parts = []
    account = session.get("departure.account")
    if account in options["account"]:
        parts.append(options["account"][account])
    weeks = session.get("departure.webcare_weeks")
    if isinstance(weeks, int) and not isinstance(weeks, bool):
        parts.append(text.fill(options["webcare_weeks"], {"weeks": weeks}))
    two_factor = session.get("departure.two_factor")
    if two_factor in options["two_factor"]:
        parts.append(options["two_factor"][two_factor])
    if not parts:
        return options["undecided"]
    sentence = "; ".join(parts)
    return sentence[0].upper() + sentence[1:] + "."


# --- per platform ---------------------------------------------------------------------------


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
        rules = platform_part(platform, form, "handle_rules") or []
        shapes.append(
            (
                [rule for rule in rules if rule.get("confirmed")],
                platform_part(platform, form, "handle_charset"),
                platform_part(platform, form, "handle_transform") or "keep",
            )
        )
    return shapes


def _shape_handle(pattern: str, values: dict[str, str], charset: str, transform: str) -> str:
    return text.keep_charset(text.transform_handle(text.fill(pattern, values), transform), charset)


def _suggest_handle(
    kind: str,
    session: Session,
    rulebook: Rulebook,
    values: dict[str, str],
    rules: list[dict[str, Any]],
    charset: str,
    transform: str,
    existing: str = "",
) -> str | None:
    """For the minister's own account, the handle they have now (Huidige situatie) when it fits;
    else the first suggestion pattern that fits here and, where possible, on every other used
    platform too, so that the minister has the same handle everywhere."""
    suggestions = rulebook.data["handle_suggestions"]
    confirmed = [rule for rule in rules if rule.get("confirmed")]
    shapes = _handle_shapes(session, rulebook)

    def fits(candidate: str) -> bool:
        # Nothing the handle checks would flag (a party name, the wrong kind of name).
        return not text.handle_problems(candidate, confirmed) and handles.suggestion_fits(
            candidate, kind, session.data, rulebook
        )

    def fits_everywhere(pattern: str) -> bool:
        return all(
            not text.handle_problems(
                _shape_handle(pattern, values, shape_charset, shape_transform), shape_rules
            )
            for shape_rules, shape_charset, shape_transform in shapes
        )

    if kind == "office":
        patterns = suggestions["office"].get(_office_key(session) or "", [])
    else:
        patterns = suggestions["person"]
    # None that the handle checks would flag before shaping either: lower-casing hides a short
    # party name (StasSP becomes stassp).
    patterns = [
        pattern
        for pattern in patterns
        if handles.suggestion_fits(text.fill(pattern, values), kind, session.data, rulebook)
    ]
    shared = [pattern for pattern in patterns if fits_everywhere(pattern)]
    candidates = [
        _shape_handle(pattern, values, charset, transform) for pattern in shared + list(patterns)
    ]
    if kind == "person" and existing:
        candidates.insert(0, existing)
    return text.first_fitting(candidates, fits)


def _bio_draft(
    kind: str, rulebook: Rulebook, values: dict[str, str], limit: int | None
) -> str | None:
    drafts = rulebook.data["bio_drafts"].get(kind)
    if not drafts:
        return None
    usable = [
        draft
        for draft in drafts["drafts"]
        if all(values.get(name) for name in _placeholders(draft) if name in drafts.get("needs", []))
    ]
    filled = [" ".join(text.fill(draft, values).split()) for draft in usable or drafts["drafts"]]
    fitting = text.first_fitting(filled, lambda bio: limit is None or len(bio) <= limit)
    return fitting or min(filled, key=len)


def _placeholders(pattern: str) -> list[str]:
    try:
        return [name for _literal, name, _spec, _conv in string.Formatter().parse(pattern) if name]
    except ValueError:
        return []


def _handle(
    entry: Entry,
    config: dict[str, Any],
    session: Session,
    rulebook: Rulebook,
    values: dict[str, str],
    rules: list,
    charset: str,
    transform: str,
    ministry_account: str,
) -> tuple[str, str | None, bool]:
    """(handle, suggestion, whether the handle is only the suggestion). An account of the post
    that is taken over keeps its own handle: it is never invented."""
    if config["handle_kind"] == "ministry_account":
        return ministry_account, None, False
    if entry.kind == "office" and entry.account == "takeover":
        return entry.known_handle, None, False
    existing = (
        clean_handle(session.get(f"platforms.{entry.key}.existing_handle"))
        if entry.kind == "own"
        else ""
    )
    suggestion = _suggest_handle(
        config["handle_kind"], session, rulebook, values, rules, charset, transform, existing
    )
    if entry.handle_given:
        return entry.handle_given, suggestion, False
    return suggestion or "", suggestion, bool(suggestion)


def _advise_platform(
    entry: Entry,
    session: Session,
    rulebook: Rulebook,
    base: dict[str, Any],
    values: dict[str, str],
    ministry_key: str | None,
    predecessor: PredecessorAccount | None,
) -> PlatformAdvice:
    key = entry.key
    platform = rulebook.platforms[key]
    answers = session.get(f"platforms.{key}") or {}
    forms = platform.get("forms") or {}
    form = entry.form
    context = dict(
        base,
        platform=key,
        meta=platform["meta"],
        form=form,
        account=entry.account,
        kind=entry.kind,
        platform_has_forms=bool(forms),
        form_given=entry.form_given,
        account_given=entry.account_given,
        handle_given=bool(entry.handle_given),
        takeover=entry.kind == "office" and entry.account == "takeover",
        predecessor_account={
            "kind": predecessor.kind,
            "action": predecessor.action,
            "taken_over": predecessor.taken_over,
        }
        if predecessor
        else None,
    )
    config, applied = _configure(context, rulebook)

    rules = platform_part(platform, form, "handle_rules") or []
    charset = platform_part(platform, form, "handle_charset")
    transform = platform_part(platform, form, "handle_transform") or "keep"
    limits = {**platform.get("limits", {}), **((forms.get(form or "") or {}).get("limits", {}))}
    url_pattern = platform_part(platform, form, "url")

    ministry = rulebook.ministries.get(ministry_key or "", {})
    ministry_account = clean_handle(answers.get("ministry_account")) or clean_handle(
        (ministry.get("accounts") or {}).get(key, "")
    )
    platform_values = dict(
        values,
        platform_label=platform["label"],
        ministry_account=ministry_account,
        ministry_account_ref=f"@{ministry_account}" if ministry_account else "",
    )
    platform_values["ministry_ref"] = (
        platform_values["ministry_account_ref"] or values["ministry_hashtag"]
    )

    handle, suggestion, is_suggestion = _handle(
        entry, config, session, rulebook, values, rules, charset, transform, ministry_account
    )
    platform_values["handle"] = handle
    platform_values["handle_ref"] = f"@{handle}" if handle else values["unknown_handle"]

    bio_limit = limits.get("bio", {}).get("max")
    draft = _bio_draft(config["bio_kind"], rulebook, platform_values, bio_limit)
    given_bio = answers.get("bio") or "" if config["bio_kind"] != "none" else ""
    bio = given_bio if given_bio.strip() else draft

    link = None
    if config["link_kind"] == "rijksoverheid_page":
        link = _text(answers.get("link")) or (
            text.fill(rulebook.data["patterns"]["rijksoverheid_page"]["value"], values)
            if values["slug"]
            else None
        )
    display_name = _text(answers.get("display_name")) or values["name"] or None
    if config["handle_kind"] == "ministry_account":
        display_name = _text(answers.get("display_name")) or values["ministry_display_name"] or None

    url = text.fill(url_pattern, {"handle": handle}) if handle and url_pattern else None
    archive_account, archive_url = None, None
    if predecessor is not None and predecessor.taken_over:
        archive_account, archive_url = predecessor.archive_account, predecessor.archive_url
    platform_values["archive_account"] = archive_account or ""
    platform_values["old_url"] = url or ""
    platform_values["archive_url"] = archive_url or ""

    scope = config["webcare_scope"]
    webcare = {
        "scope": scope,
        "hours": rulebook.data["webcare"]["hours"] if scope != "none" else None,
        "standby": bool(session.get("webcare.standby"))
        and matches(rulebook.data["webcare"].get("standby_possible_when"), context),
        "proactive": bool(session.get("webcare.proactive"))
        and matches(rulebook.data["webcare"].get("proactive_possible_when"), context),
    }
    archive_action = (
        predecessor.action if predecessor is not None and predecessor.taken_over else "none"
    )
    contract = {
        "owner": config["owner"],
        "account": entry.account,
        "kind": entry.kind,
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
        "archive_predecessor": archive_action,
        "archive_account": archive_account,
    }
    context["values"] = platform_values
    context["internal"] = config
    context["config"] = dict(config, archive_predecessor=archive_action)
    return PlatformAdvice(
        key=key,
        label=platform["label"],
        form=form,
        account=entry.account,
        kind=entry.kind,
        handle_kind=config["handle_kind"],
        config=contract,
        limits=limits,
        handle_rules=rules,
        handle_suggestion=suggestion,
        handle_is_suggestion=is_suggestion,
        bio_draft=draft,
        bio_is_draft=not given_bio.strip(),
        url=url,
        archive_url=archive_url,
        applied_rules=applied,
        notes=_text(answers.get("notes")),
        context=context,
    )


# --- the predecessor ------------------------------------------------------------------------


def _predecessor(
    session: Session,
    rulebook: Rulebook,
    base: dict[str, Any],
    used: dict[str, Entry],
    values: dict[str, str],
) -> PredecessorAdvice | None:
    facts = base.get("predecessor")
    if not facts:
        return None
    accounts = predecessor_accounts(session, rulebook, base, used)
    pattern = rulebook.data["patterns"]["meta_archive_account"]["value"]
    named = session.get("predecessor.accounts") or {}
    for key, account in accounts.items():
        platform = rulebook.platforms[key]
        url_pattern = platform.get("url")
        account.url = (
            text.fill(url_pattern, {"handle": account.handle})
            if account.handle and url_pattern
            else None
        )
        if account.action != "meta_archive_swap":
            continue
        given = clean_handle(
            (named.get(key) or {}).get("archive_account")
            if isinstance(named.get(key), dict)
            else ""
        ) or clean_handle(session.get(f"platforms.{key}.archive_account"))
        proposed = (
            _shape_handle(
                pattern,
                dict(values, handle=account.handle),
                platform.get("handle_charset") or "a-z0-9._",
                "lower",
            )
            if account.handle
            else ""
        )
        account.archive_account = given or proposed or None
        account.archive_url = (
            text.fill(url_pattern, {"handle": account.archive_account})
            if account.archive_account and url_pattern
            else None
        )
    arranged = (session.get("predecessor") or {}).get("archiving_arranged")
    return PredecessorAdvice(
        name=facts["name"],
        variant=facts["variant"],
        archiving_arranged=arranged if isinstance(arranged, bool) else None,
        accounts=accounts,
    )


def _joined(items: list[str], rulebook: Rulebook) -> str:
    """'X', 'X en LinkedIn', 'X, Instagram en LinkedIn'."""
    if len(items) < 2:
        return "".join(items)
    return ", ".join(items[:-1]) + rulebook.data["patterns"]["list_and"] + items[-1]


def _predecessor_values(
    predecessor: PredecessorAdvice | None, rulebook: Rulebook, values: dict[str, str]
) -> dict[str, str]:
    """The predecessor's accounts in words, for the clauses."""
    words = rulebook.data["predecessor_accounts"]["words"]
    accounts = list(predecessor.accounts.values()) if predecessor else []

    def platforms(action: str) -> str:
        return _joined([item.label for item in accounts if item.action == action], rulebook)

    assumed = [
        text.fill(
            words[item.kind],
            dict(
                values,
                platform_label=item.label,
                handle_ref=f"@{item.handle}" if item.handle else values["unknown_handle"],
            ),
        )
        for item in accounts
        if item.assumed
    ]
    return {
        "predecessor_delete_platforms": platforms("archive_and_delete"),
        "predecessor_swap_platforms": platforms("meta_archive_swap"),
        "predecessor_leave_platforms": platforms("leaves_with_predecessor"),
        "predecessor_assumed": words["separator"].join(assumed),
    }


def _verification_values(
    platforms: dict[str, PlatformAdvice], rulebook: Rulebook
) -> dict[str, str]:
    """The platforms on which the RVD, or the ministry, arranges the verification."""

    def labels(by: str) -> str:
        return _joined(
            [
                advice.label
                for advice in platforms.values()
                if advice.config["verification_by"] == by
            ],
            rulebook,
        )

    return {
        "verification_rvd_platforms": labels("rvd"),
        "verification_ministry_platforms": labels("ministry"),
    }


def _predecessor_account_context(
    account: PredecessorAccount, base: dict[str, Any], values: dict[str, str], rulebook: Rulebook
) -> dict[str, Any]:
    platform = rulebook.platforms[account.platform]
    return dict(
        base,
        platform=account.platform,
        meta=platform["meta"],
        kind=account.kind,
        action=account.action,
        taken_over=account.taken_over,
        handle_known=bool(account.handle),
        rvd_request=account.rvd_request,
        values=dict(
            values,
            platform_label=account.label,
            handle=account.handle,
            handle_ref=f"@{account.handle}" if account.handle else values["unknown_handle"],
            archive_account=account.archive_account or "",
            old_url=account.url or "",
            archive_url=account.archive_url or "",
        ),
    )


# --- the answers that apply -----------------------------------------------------------------


def _minister(
    session: Session,
    rulebook: Rulebook,
    ministry_key: str | None,
    values: dict[str, str],
    uses_hashtag: bool,
) -> dict[str, Any]:
    office = session.get("minister.office") or ""
    return {
        "name": values["name"],
        "office": office if office in rulebook.data.get("offices", {}) else "",
        "office_label": (rulebook.data.get("offices", {}).get(office) or {}).get("label", ""),
        "title": values["title"],
        "short_title": values["short_title"],
        "ministry": ministry_key,
        "ministry_name": values["ministry_name"],
        "ministry_abbr": values["ministry_abbr"],
        "ministry_given": _text(session.get("minister.ministry")),
        "post": values["post"],
        "party": values["party"],
        "party_hashtag": values["party_hashtag"] if uses_hashtag else "",
        "sworn_in": _text(session.get("minister.sworn_in")) or None,
    }


def _conversation(session: Session, rulebook: Rulebook, context: dict[str, Any]) -> dict[str, Any]:
    return {
        "date": _text(session.get("conversation.date")) or None,
        "advisor": _text(session.get("conversation.advisor")),
        "director": _text(session.get("conversation.director"))
        or _text((rulebook.data.get("department") or {}).get("director")),
        "place": _text(session.get("conversation.place")),
        "notes": _text(session.get("conversation.notes")),
        "cabinet_change": bool(context["conversation"]["cabinet_change"]),
        "election_period": context["election_period"],
    }


def _inactive(
    session: Session,
    rulebook: Rulebook,
    context: dict[str, Any],
    platforms: dict[str, PlatformAdvice],
    predecessor: PredecessorAdvice | None,
) -> list[dict[str, Any]]:
    """The answers that do not apply to the current choices, with why: given ones are kept but
    printed nowhere, empty ones are not asked (the wizard greys both)."""
    accounts = predecessor.accounts if predecessor else {}
    result = []
    for rule in rulebook.data["inactive_answers"]:
        if not rule.get("per_platform"):
            if matches(rule.get("when"), context):
                result.append(
                    {
                        "path": rule["path"],
                        "reason": rule["reason"],
                        "given": is_filled(session.get(rule["path"])),
                    }
                )
            continue
        for key in rulebook.platforms:
            path = text.fill(rule["path"], {"platform": key})
            advice = platforms.get(key)
            account = accounts.get(key)
            target = dict(
                advice.context if advice else context,
                platform=key,
                used=advice is not None,
                predecessor_account={"action": account.action} if account else None,
            )
            if advice is not None and matches(rule.get("when"), target):
                result.append(
                    {"path": path, "reason": rule["reason"], "given": is_filled(session.get(path))}
                )
    return result


def _applies(path: str, inactive: list[dict[str, Any]]) -> bool:
    return all(item["path"] != path for item in inactive)


def _departure(
    session: Session, values: dict[str, str], context: dict[str, Any]
) -> dict[str, Any] | None:
    """What was agreed for the departure, when an account needs that agreement."""
    if not context["accounts"]["by_agreement"]:
        return None
    data = session.get("departure") or {}
    return {
        "account": data.get("account") or None,
        "two_factor": data.get("two_factor") or None,
        "webcare_weeks": data.get("webcare_weeks"),
        "text": values["departure_agreement"],
    }


def _rvd_requests(
    platforms: dict[str, PlatformAdvice], predecessor: PredecessorAdvice | None
) -> list[dict[str, Any]]:
    """What the RVD is asked to do: Meta's archive swap of an account of the post, and the
    verifications it arranges. Only for accounts whose handle is known: nothing is invented."""
    requests = []
    for account in predecessor.accounts.values() if predecessor else []:
        if account.rvd_request and account.kind == "office" and account.handle:
            requests.append(
                {
                    "platform": account.platform,
                    "request": account.action,
                    "handle": account.handle,
                    "old_url": account.url or "",
                    "new_url": account.archive_url or "",
                }
            )
    for key, advice in platforms.items():
        config = advice.config
        if (
            config["verification_by"] == "rvd"
            and config["handle"]
            and not advice.handle_is_suggestion
        ):
            requests.append(
                {
                    "platform": key,
                    "request": "verification",
                    "handle": config["handle"],
                    "old_url": config["url"] or "",
                    "new_url": "",
                }
            )
    return requests


# --- texts ----------------------------------------------------------------------------------


def _applicable(entries_: list[dict[str, Any]], context: dict[str, Any]) -> list[dict[str, Any]]:
    return [entry for entry in entries_ if matches(entry.get("when"), context)]


def _filled(entries_: list[dict[str, Any]], values: dict[str, str]) -> list[dict[str, Any]]:
    return [
        dict(
            entry,
            text=text.fill(entry["text"], values),
            **({"title": text.fill(entry["title"], values)} if "title" in entry else {}),
        )
        for entry in entries_
    ]


def _roles(
    rulebook: Rulebook, context: dict[str, Any], values: dict[str, str]
) -> list[dict[str, Any]]:
    """Who does what: for every role the first of its texts that applies."""
    roles: dict[str, dict[str, Any]] = {}
    for entry in rulebook.data["roles"]:
        if entry["role"] not in roles and matches(entry.get("when"), context):
            roles[entry["role"]] = dict(entry, text=text.fill(entry["text"], values))
    return list(roles.values())


def _configuration(
    advice_minister: dict[str, Any],
    session: Session,
    rulebook: Rulebook,
    platforms: dict[str, PlatformAdvice],
    predecessor: PredecessorAdvice | None,
) -> dict[str, Any]:
    return {
        "format": CONFIG_FORMAT,
        "rulebook": {"version": rulebook.version, "date": rulebook.date},
        "generator": f"Adviesgesprek {project_version()}",
        "minister": {
            "name": advice_minister["name"] or None,
            "office": advice_minister["office"] or None,
            "ministry": advice_minister["ministry"],
            "post": advice_minister["post"] or None,
            "party": advice_minister["party"] or None,
        },
        "variant": session.get("variant") or None,
        "personal_account": bool(session.get("personal_account")),
        "platforms": {key: advice.config for key, advice in platforms.items()},
        "predecessor_accounts": {
            key: account.contract()
            for key, account in (predecessor.accounts.items() if predecessor else [])
        },
    }


def advise(session: Session, rulebook: Rulebook) -> Advice:
    """Everything that follows from the answers: configuration, findings, checklist, texts."""
    from wizard.core.checklist import checklist
    from wizard.core.findings import all_findings

    ministry_key = rulebook.ministry_key(session.get("minister.ministry") or "")
    context = session_context(session, rulebook)
    values = _values(session, rulebook, ministry_key)
    values["unknown_handle"] = rulebook.data["patterns"]["nobody"]["handle"]
    context["values"] = values
    used = entries(session, rulebook, context["used_platforms"])
    predecessor = _predecessor(session, rulebook, context, used, values)
    predecessor_accounts_ = predecessor.accounts if predecessor else {}
    platforms = {
        key: _advise_platform(
            entry, session, rulebook, context, values, ministry_key, predecessor_accounts_.get(key)
        )
        for key, entry in used.items()
    }
    _summarise_accounts(context, platforms, predecessor)
    values.update(_predecessor_values(predecessor, rulebook, values))
    values.update(_verification_values(platforms, rulebook))
    account_contexts = [
        _predecessor_account_context(account, context, values, rulebook)
        for account in predecessor_accounts_.values()
    ]
    inactive = _inactive(session, rulebook, context, platforms, predecessor)
    uses_hashtag = any(advice.config["party_hashtag"] for advice in platforms.values())
    minister = _minister(session, rulebook, ministry_key, values, uses_hashtag)
    findings = all_findings(session, rulebook, context, values, platforms, account_contexts)
    findings.sort(key=lambda finding: SEVERITY_ORDER[finding.severity])
    variant = session.get("variant") or None
    clauses: dict[str, list[dict[str, Any]]] = {}
    for clause in _filled(_applicable(rulebook.data["clauses"], context), values):
        clauses.setdefault(clause["section"], []).append(clause)
    acknowledged = set(session.get("acknowledged") or [])
    consequences = [
        dict(entry, acknowledged=entry["id"] in acknowledged)
        for entry in _filled(_applicable(rulebook.data["consequences"], context), values)
    ]
    comparison = [
        {
            "id": row["id"],
            "label": row["label"],
            "value": row.get(variant or "", ""),
            "source": row["source"],
        }
        for row in rulebook.data["comparison"]["rows"]
    ]
    access = {
        "people": _text(session.get("access.people"))
        if _applies("access.people", inactive)
        else "",
        "authenticator_handover": _text(session.get("access.authenticator_handover"))
        if _applies("access.authenticator_handover", inactive)
        else "",
        "minister_access": bool(session.get("access.minister_access"))
        and _applies("access.minister_access", inactive),
    }
    return Advice(
        configuration=_configuration(minister, session, rulebook, platforms, predecessor),
        platforms=platforms,
        findings=findings,
        checklist=checklist(rulebook, context, values, platforms, account_contexts),
        clauses=clauses,
        consequences=consequences,
        attention_points=_filled(_applicable(rulebook.data["attention_points"], context), values),
        comparison=comparison,
        values=values,
        variant=variant,
        minister=minister,
        conversation=_conversation(session, rulebook, context),
        motivation=_text(session.get("motivation")) if _applies("motivation", inactive) else None,
        personal_account=bool(session.get("personal_account"))
        and _applies("personal_account", inactive),
        predecessor=predecessor,
        access=access,
        departure=_departure(session, values, context),
        rvd_requests=_rvd_requests(platforms, predecessor),
        inactive=inactive,
        roles=_roles(rulebook, context, values),
    )


def _summarise_accounts(
    context: dict[str, Any],
    platforms: dict[str, PlatformAdvice],
    predecessor: PredecessorAdvice | None,
) -> None:
    """Facts about all accounts together that session-wide conditions look at."""
    configs = [advice.context["config"] for advice in platforms.values()]
    kinds = {advice.kind for advice in platforms.values()}
    context["accounts"] = {
        "office": "office" in kinds,
        "own": "own" in kinds,
        "ministry": "ministry" in kinds,
        "supported": any(config["civil_service_support"] != "none" for config in configs),
        "webcare": any(config["webcare_scope"] != "none" for config in configs),
        "by_agreement": any(
            config["transfer_to_successor"] == "by_agreement" for config in configs
        ),
        "party_marked": any(config["party_content"] == "marked" for config in configs),
        "ministry_owned": any(config["owner"] == "ministry" for config in configs),
        "rijkslogo": any(config["avatar_rijkslogo"] for config in configs),
        "rvd_verification": any(
            advice.config["verification_by"] == "rvd" for advice in platforms.values()
        ),
        "ministry_verification": any(
            advice.config["verification_by"] == "ministry" for advice in platforms.values()
        ),
    }
    accounts = predecessor.accounts.values() if predecessor else []
    actions = {account.action for account in accounts}
    context["predecessor_accounts"] = {
        "any": bool(actions),
        "delete": "archive_and_delete" in actions,
        "swap": "meta_archive_swap" in actions,
        "archive": bool(actions & {"archive_and_delete", "meta_archive_swap"}),
        "leaves": "leaves_with_predecessor" in actions,
        "assumed": any(account.assumed for account in accounts),
    }
    for advice in platforms.values():
        advice.context["accounts"] = context["accounts"]
        advice.context["predecessor_accounts"] = context["predecessor_accounts"]


def configuration_yaml(advice: Advice) -> str:
    """`platformconfiguratie.yaml`: the configuration contract of DESIGN.md as YAML text."""
    from wizard.core.yamlio import dump_yaml

    return dump_yaml(advice.configuration)
