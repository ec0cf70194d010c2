"""The fourth stage of the advice: the new minister's account on one used platform.

From the entry (`wizard.core.accounts`), the conversation's facts and what happens to the
predecessor's account there, the rulebook's configuration rules decide owner, support, webcare
and the rest; then the handle (as given, the account's own when taken over, or the rulebook's
proposal), the bio (as given, or the first draft that fits), the link and the display name.
Each account is built on its own, from copies of the conversation's context.
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from typing import Any

from wizard.core import handles, text
from wizard.core.accounts import Entry, clean_handle, platform_part
from wizard.core.advice import Account, AccountConfig, PredecessorAccount, Webcare
from wizard.core.catalog import limit, platform_fact
from wizard.core.conditions import matches
from wizard.core.facts import Facts, clean, line, office_key
from wizard.core.rulebook import Rulebook
from wizard.core.session import Session

# The contract's facts and the configuration rule keys that decide each of them.
FACT_KEYS = {
    "avatar_rijkslogo": ("avatar_rijkslogo",),
    "verified": ("verified", "verification_by"),
    "owner": ("owner",),
    "civil_service_support": ("civil_service_support",),
    "party_content": ("party_content", "uses_party_hashtag"),
    "webcare": ("webcare_scope",),
    "transfer_to_successor": ("transfer_to_successor",),
    "paid_promotion": ("paid_promotion",),
}


@dataclass(frozen=True)
class PlatformFacts:
    """One account's part of the `when` context (platform, form, kind, its configuration) and
    its text placeholders; the situation stage adds what concerns all accounts together."""

    context: dict[str, Any]
    values: dict[str, str]
    rules: tuple[dict[str, Any], ...]  # the platform's handle rules in the chosen form


# --- the configuration ----------------------------------------------------------------------


def _configure(context: dict[str, Any], rulebook: Rulebook) -> tuple[dict[str, Any], list[str]]:
    """The configuration rules' result, and the ids of the rules that applied."""
    configuration = rulebook.data["configuration"]
    result = dict(configuration["defaults"])
    applied = []
    for rule in configuration["rules"]:
        if matches(rule.get("when"), dict(context, config=result)):
            result = {**result, **rule["set"]}
            applied.append(rule["id"])
    return result, applied


def _rule_sources(rulebook: Rulebook, applied: list[str]) -> dict[str, tuple[str, ...]]:
    """Per fact of the contract: the sources of the last applied rule that set it (an earlier
    rule that set it was overruled); for webcare also the rulebook's webcare hours."""
    rules = {rule["id"]: rule for rule in rulebook.data["configuration"]["rules"]}
    chain = [rules[rule_id] for rule_id in applied if rule_id in rules]
    result = {}
    for fact, keys in FACT_KEYS.items():
        ids: list[str] = []
        for key in keys:
            deciding = [rule for rule in chain if key in (rule.get("set") or {})]
            if deciding:
                ids += deciding[-1].get("source") or []
        result[fact] = tuple(dict.fromkeys(ids))
    return result


# --- the handle -----------------------------------------------------------------------------


def _shape(pattern: str, values: dict[str, str], charset: str, transform: str) -> str:
    return text.keep_charset(text.transform_handle(text.fill(pattern, values), transform), charset)


def _shapes(
    session: Session, rulebook: Rulebook, used: list[str]
) -> list[tuple[list[dict[str, Any]], str, str]]:
    """(confirmed rules, charset, transform) of every used platform in its chosen form."""
    shapes = []
    for key in used:
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


def _suggest(
    kind: str,
    session: Session,
    rulebook: Rulebook,
    facts: Facts,
    rules: list[dict[str, Any]],
    charset: str,
    transform: str,
    existing: str,
) -> str | None:
    """For the minister's own account, the handle they have now (Huidige situatie) when it fits;
    else the first suggestion pattern that fits here and, where possible, on every other used
    platform too, so that the minister has the same handle everywhere."""
    values = facts.values
    suggestions = rulebook.data["handle_suggestions"]
    confirmed = [rule for rule in rules if rule.get("confirmed")]
    shapes = _shapes(session, rulebook, facts.used)

    def fits(candidate: str) -> bool:
        # Nothing the handle checks would flag (a party name, the wrong kind of name).
        return not text.handle_problems(candidate, confirmed) and handles.suggestion_fits(
            candidate, kind, session.data, rulebook
        )

    def fits_everywhere(pattern: str) -> bool:
        return all(
            not text.handle_problems(_shape(pattern, values, shape_charset, transform_), rules_)
            for rules_, shape_charset, transform_ in shapes
        )

    if kind == "office":
        patterns = suggestions["office"].get(office_key(session) or "", [])
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
    candidates = [_shape(pattern, values, charset, transform) for pattern in shared + patterns]
    if kind == "person" and existing:
        candidates.insert(0, existing)
    return text.first_fitting(candidates, fits)


def _handle(
    entry: Entry,
    config: dict[str, Any],
    session: Session,
    rulebook: Rulebook,
    facts: Facts,
    shape: tuple[list[dict[str, Any]], str, str],
    ministry_account: str,
) -> tuple[str, str | None, str]:
    """(handle, suggestion, where the handle comes from: given | existing | proposal |
    unknown). An account of the post that is taken over keeps its own handle: it is never
    invented."""
    if config["handle_kind"] == "ministry_account":
        return ministry_account, None, "existing" if ministry_account else "unknown"
    if entry.kind == "office" and entry.account == "takeover":
        if entry.handle_given:
            return entry.handle_given, None, "given"
        return entry.known_handle, None, "existing" if entry.known_handle else "unknown"
    existing = (
        clean_handle(session.get(f"platforms.{entry.key}.existing_handle"))
        if entry.kind == "own"
        else ""
    )
    rules, charset, transform = shape
    suggestion = _suggest(
        config["handle_kind"], session, rulebook, facts, rules, charset, transform, existing
    )
    if entry.handle_given:
        return entry.handle_given, suggestion, "given"
    if suggestion:
        return suggestion, suggestion, "proposal"
    return "", None, "unknown"


# --- the texts of the profile ---------------------------------------------------------------


def _placeholders(pattern: str) -> list[str]:
    try:
        return [name for _literal, name, _spec, _conv in string.Formatter().parse(pattern) if name]
    except ValueError:
        return []


def _bio_draft(
    kind: str, rulebook: Rulebook, values: dict[str, str], limit_: int | None
) -> str | None:
    """The first of the rulebook's drafts that has what it needs and fits the limit."""
    drafts = rulebook.data["bio_drafts"].get(kind)
    if not drafts:
        return None
    usable = [
        draft
        for draft in drafts["drafts"]
        if all(values.get(name) for name in _placeholders(draft) if name in drafts.get("needs", []))
    ]
    filled = [" ".join(text.fill(draft, values).split()) for draft in usable or drafts["drafts"]]
    fitting = text.first_fitting(filled, lambda bio: limit_ is None or len(bio) <= limit_)
    return fitting or min(filled, key=len)


def _link(
    config: dict[str, Any], answers: dict[str, Any], rulebook: Rulebook, values: dict[str, str]
) -> tuple[str | None, bool]:
    """The link in the profile and whether it is the rulebook's proposal."""
    if config["link_kind"] != "rijksoverheid_page":
        return None, False
    given = line(answers.get("link"))
    if given:
        return given, False
    if not values["slug"]:
        return None, False
    return text.fill(rulebook.data["patterns"]["rijksoverheid_page"]["value"], values), True


def _webcare(
    config: dict[str, Any], session: Session, rulebook: Rulebook, context: dict[str, Any]
) -> Webcare:
    scope = config["webcare_scope"]
    rules = rulebook.data["webcare"]
    return Webcare(
        scope=scope,
        hours=rules["hours"] if scope != "none" else None,
        standby=bool(session.get("webcare.standby"))
        and matches(rules.get("standby_possible_when"), dict(context, config=config)),
        proactive=bool(session.get("webcare.proactive"))
        and matches(rules.get("proactive_possible_when"), dict(context, config=config)),
    )


# --- one account ----------------------------------------------------------------------------


def taken_over(accounts: list[PredecessorAccount], key: str) -> PredecessorAccount | None:
    """The predecessor's account on this platform that the new minister takes over, else the
    predecessor's account there."""
    here = [account for account in accounts if account.platform == key]
    return next((account for account in here if account.taken_over), None) or next(iter(here), None)


def _local_context(
    entry: Entry, rulebook: Rulebook, facts: Facts, predecessor: PredecessorAccount | None
) -> dict[str, Any]:
    platform = rulebook.platforms[entry.key]
    return dict(
        facts.context,
        platform=entry.key,
        meta=platform["meta"],
        form=entry.form,
        account=entry.account,
        kind=entry.kind,
        platform_has_forms=bool(platform.get("forms")),
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


@dataclass(frozen=True)
class Profile:
    """What the profile shows: the handle and where it comes from, bio, link, display name."""

    handle: str
    suggestion: str | None
    origin: str
    bio: str | None
    draft: str | None
    bio_given: bool
    link: str | None
    link_is_proposal: bool
    display_name: str | None
    url: str | None


def _limits(platform: dict[str, Any], form: str | None) -> dict[str, Any]:
    form_limits = ((platform.get("forms") or {}).get(form or "") or {}).get("limits", {})
    return {**platform.get("limits", {}), **form_limits}


def _profile(
    entry: Entry,
    config: dict[str, Any],
    session: Session,
    rulebook: Rulebook,
    facts: Facts,
    values: dict[str, str],
) -> Profile:
    platform = rulebook.platforms[entry.key]
    answers = session.get(f"platforms.{entry.key}") or {}
    shape = (
        platform_part(platform, entry.form, "handle_rules") or [],
        platform_part(platform, entry.form, "handle_charset"),
        platform_part(platform, entry.form, "handle_transform") or "keep",
    )
    handle, suggestion, origin = _handle(
        entry, config, session, rulebook, facts, shape, values["ministry_account"]
    )
    draft = _bio_draft(
        config["bio_kind"],
        rulebook,
        dict(values, handle=handle),
        _limits(platform, entry.form).get("bio", {}).get("max"),
    )
    given_bio = (answers.get("bio") or "") if config["bio_kind"] != "none" else ""
    link, link_is_proposal = _link(config, answers, rulebook, facts.values)
    own_name = (
        facts.values["ministry_display_name"]
        if config["handle_kind"] == "ministry_account"
        else facts.values["name"]
    )
    url_pattern = platform_part(platform, entry.form, "url")
    return Profile(
        handle=handle,
        suggestion=suggestion,
        origin=origin,
        bio=(given_bio if given_bio.strip() else draft) or None,
        draft=draft,
        bio_given=bool(given_bio.strip()),
        link=link,
        link_is_proposal=link_is_proposal,
        display_name=line(answers.get("display_name")) or own_name or None,
        url=text.fill(url_pattern, {"handle": handle}) if handle and url_pattern else None,
    )


def _contract(
    entry: Entry,
    config: dict[str, Any],
    profile: Profile,
    webcare: Webcare,
    over: PredecessorAccount | None,
    party_hashtag: str,
) -> AccountConfig:
    """The account's entry of the configuration contract."""
    return AccountConfig(
        owner=config["owner"],
        account=entry.account,
        kind=entry.kind,
        form=entry.form,
        handle=profile.handle or None,
        url=profile.url,
        display_name=profile.display_name,
        bio=profile.bio,
        link=profile.link,
        avatar_rijkslogo=config["avatar_rijkslogo"],
        verified=config["verified"],
        verification_by=config["verification_by"] if config["verified"] else None,
        civil_service_support=config["civil_service_support"],
        party_content=config["party_content"],
        party_hashtag=(party_hashtag or None) if config["uses_party_hashtag"] else None,
        paid_promotion=config["paid_promotion"],
        webcare=webcare,
        transfer_to_successor=config["transfer_to_successor"],
        archive_predecessor=over.action if over else "none",
        archive_account=over.archive_account if over else None,
    )


def _values(
    entry: Entry, rulebook: Rulebook, facts: Facts, session: Session
) -> tuple[dict[str, str], str]:
    """The account's text placeholders (the ministry's own account on the platform included),
    and the rulebook's own ministry account there."""
    ministry = rulebook.ministries.get(facts.ministry_key or "", {})
    known = clean_handle((ministry.get("accounts") or {}).get(entry.key, ""))
    used = clean_handle(session.get(f"platforms.{entry.key}.ministry_account")) or known
    values = dict(
        facts.values,
        platform_label=rulebook.platforms[entry.key]["label"],
        ministry_account=used,
        ministry_account_ref=f"@{used}" if used else "",
    )
    values["ministry_ref"] = values["ministry_account_ref"] or facts.values["ministry_hashtag"]
    return values, known


def _ids(value: Any) -> tuple[str, ...]:
    return tuple(str(item) for item in (value or []))


def account(
    entry: Entry,
    session: Session,
    rulebook: Rulebook,
    facts: Facts,
    predecessor: PredecessorAccount | None,
) -> tuple[Account, PlatformFacts]:
    """The account on one used platform, and its part of the `when` context."""
    data = rulebook.data
    platform = rulebook.platforms[entry.key]
    form = (platform.get("forms") or {}).get(entry.form or "") or {}
    context = _local_context(entry, rulebook, facts, predecessor)
    config, applied = _configure(context, rulebook)
    values, known_ministry_account = _values(entry, rulebook, facts, session)
    profile = _profile(entry, config, session, rulebook, facts, values)
    over = predecessor if predecessor is not None and predecessor.taken_over else None
    webcare = _webcare(config, session, rulebook, context)
    fact_sources = _rule_sources(rulebook, applied)
    if webcare.scope != "none":
        webcare_ids = _ids(data["webcare"].get("source"))
        fact_sources["webcare"] = tuple(dict.fromkeys(fact_sources["webcare"] + webcare_ids))
    rule_sources = {rule["id"]: _ids(rule.get("source")) for rule in data["configuration"]["rules"]}
    rules = platform_part(platform, entry.form, "handle_rules") or []
    result = Account(
        key=entry.key,
        label=platform["label"],
        form=entry.form,
        form_label=form.get("label", ""),
        form_given=entry.form_given,
        form_note=form.get("note", ""),
        account=entry.account,
        account_label=data["account_choices"].get(entry.account or "", ""),
        account_given=entry.account_given,
        kind=entry.kind,
        handle_kind=config["handle_kind"],
        config=_contract(entry, config, profile, webcare, over, facts.values["party_hashtag"]),
        handle_origin=profile.origin,
        handle_suggestion=profile.suggestion,
        handle_sources=_ids(data["handle_suggestions"].get("source")),
        bio_draft=profile.draft,
        bio_is_draft=not profile.bio_given and bool(profile.bio),
        bio_sources=_ids((data["bio_drafts"].get(config["bio_kind"]) or {}).get("source")),
        link_is_proposal=profile.link_is_proposal,
        link_sources=_ids(data["patterns"]["rijksoverheid_page"].get("source")),
        ministry_account=values["ministry_account"],
        ministry_account_known=known_ministry_account,
        archive_url=over.archive_url if over else None,
        limits={name: limit(item) for name, item in _limits(platform, entry.form).items()},
        handle_rules=tuple(platform_fact(rule) for rule in rules),
        applied_rules=tuple(applied),
        fact_sources=fact_sources,
        sources=tuple(dict.fromkeys(s for rule in applied for s in rule_sources.get(rule, ()))),
        notes=clean(session.get(f"platforms.{entry.key}.notes")),
    )
    values = dict(
        values,
        handle=profile.handle,
        handle_ref=f"@{profile.handle}" if profile.handle else facts.values["unknown_handle"],
        archive_account=(over.archive_account if over else None) or "",
        old_url=profile.url or "",
        archive_url=(over.archive_url if over else None) or "",
    )
    local = dict(
        context,
        values=values,
        internal=config,
        config=dict(config, archive_predecessor=result.config.archive_predecessor),
    )
    return result, PlatformFacts(context=local, values=values, rules=tuple(rules))
