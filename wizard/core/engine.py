"""The advice engine: (session, rulebook) -> `Advice`, everything that follows from the answers.

A pure function of its two inputs, in stages, each building its part fresh from what the
earlier ones made:

1. `facts`: the session read once (the `when` context, the texts' placeholders);
2. `accounts`: what each used platform is (office, own or the ministry's account);
3. `predecessor`: the predecessor's accounts and what happens to them;
4. `platforms`: each account's configuration, handle, bio and link;
5. `situation`: the accounts together, and the complete `when` contexts;
6. `clauses`, `findings`, `checklist`, `answers` and `rvd`: the texts, findings, tasks, the
   answers that apply and the RVD's requests.

The engine holds no policy: it applies the rulebook's conditions, patterns, limits and texts.
It is the one reader of the session (DESIGN principle 2): outputs read `Advice`, never the
session or the rulebook's data.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from wizard.core import answers
from wizard.core import facts as conversation_facts
from wizard.core import platforms as platform_stage
from wizard.core.accounts import entries, known_office_accounts
from wizard.core.advice import (
    Access,
    Account,
    Advice,
    Departure,
    Inactive,
    RulebookInfo,
)
from wizard.core.catalog import catalog
from wizard.core.checklist import checklist, moments
from wizard.core.clauses import texts
from wizard.core.configuration import configuration
from wizard.core.facts import clean, line
from wizard.core.findings import all_findings
from wizard.core.predecessor import predecessor as predecessor_stage
from wizard.core.rulebook import Rulebook
from wizard.core.rvd import rvd_requests
from wizard.core.session import Session
from wizard.core.situation import situation as situation_stage


def _access(session: Session, inactive: list[Inactive], held: list[str]) -> Access:
    def given(path: str) -> Any:
        return answers.answer(session, path, inactive, held)

    return Access(
        people=line(given("access.people")),
        authenticator_handover=clean(given("access.authenticator_handover")),
        minister_access=bool(answers.answer(session, "access.minister_access", inactive, held)),
    )


def _departure(session: Session, by_agreement: bool, text: str) -> Departure | None:
    """What was agreed for the departure, when an account needs that agreement."""
    if not by_agreement:
        return None
    data = session.get("departure") or {}
    weeks = data.get("webcare_weeks")
    return Departure(
        account=data.get("account") or None,
        two_factor=data.get("two_factor") or None,
        webcare_weeks=weeks if isinstance(weeks, int) and not isinstance(weeks, bool) else None,
        text=text,
    )


def _without_withheld(platforms: dict[str, Account], held: list[str]) -> dict[str, Account]:
    """The accounts with the texts a finding forbids left out (the bio with a party reference
    on an account of the post): never printed or set up as an arrangement."""
    result = {}
    for key, account in platforms.items():
        if f"platforms.{key}.bio" in held:
            account = replace(account, config=replace(account.config, bio=None), bio_is_draft=False)
        result[key] = account
    return result


def _cited(*groups: object) -> list[str]:
    """Every statement id the advice's parts cite, in order."""
    ids: list[str] = []
    for group in groups:
        for item in group if isinstance(group, list | tuple) else [group]:
            for name in ("source", "sources", "handle_sources", "bio_sources", "link_sources"):
                ids.extend(str(value) for value in getattr(item, name, None) or ())
            for value in (getattr(item, "fact_sources", None) or {}).values():
                ids.extend(value)
    return list(dict.fromkeys(ids))


def advise(session: Session, rulebook: Rulebook) -> Advice:
    """Everything that follows from the answers: configuration, findings, checklist, texts."""
    fixed = catalog(rulebook)
    facts = conversation_facts.conversation_facts(session, rulebook)
    used = entries(session, rulebook, facts.context)
    predecessor = predecessor_stage(session, rulebook, facts, used)
    accounts = list(predecessor.accounts) if predecessor else []
    built = {
        key: platform_stage.account(
            entry, session, rulebook, facts, platform_stage.taken_over(accounts, key)
        )
        for key, entry in used.items()
    }
    platforms = {key: account for key, (account, _local) in built.items()}
    local = {key: part for key, (_account, part) in built.items()}
    situation = situation_stage(facts, rulebook, platforms, local, predecessor)
    context = situation.context
    inactive = answers.inactive(session, rulebook, situation)
    findings = all_findings(
        session, rulebook, situation, platforms, {key: part.rules for key, part in local.items()}
    )
    held = answers.withheld(rulebook, findings)
    platforms = _without_withheld(platforms, held)
    wording = texts(session, rulebook, context, situation.values)
    variant = fixed.variants.get(session.get("variant") or "")
    personal = bool(answers.answer(session, "personal_account", inactive, held))
    minister = conversation_facts.minister(
        session, rulebook, facts, any(item.config.party_hashtag for item in platforms.values())
    )
    checklist_items = checklist(rulebook, situation)
    requests = rvd_requests(platforms, predecessor)
    principles = list(fixed.principles)
    talking_points = list(fixed.talking_points)
    cited = _cited(
        [variant] if variant else [],
        [fixed.personal_account] if personal else [],
        list(platforms.values()),
        accounts,
        findings,
        checklist_items,
        [clause for section in wording.clauses.values() for clause in section],
        wording.consequences,
        wording.options,
        wording.roles,
        wording.attention_points,
        principles,
        talking_points,
        list(fixed.comparison),
        list(fixed.page_notes.values()),
        inactive,
    )
    return Advice(
        rulebook=RulebookInfo(version=rulebook.version, date=rulebook.date, title=fixed.title),
        minister=minister,
        conversation=conversation_facts.conversation(session, rulebook, facts),
        variant=variant,
        variants=dict(fixed.variants),
        personal_account=fixed.personal_account if personal else None,
        motivation=clean(answers.answer(session, "motivation", inactive, held)) or None,
        motivation_needed=bool(variant and variant.requires_motivation),
        platforms=platforms,
        predecessor=predecessor,
        rvd_requests=requests,
        access=_access(session, inactive, held),
        departure=_departure(
            session, context["accounts"]["by_agreement"], facts.values["departure_agreement"]
        ),
        findings=findings,
        checklist=checklist_items,
        moments=moments(rulebook, context),
        checklist_groups=dict(fixed.checklist_groups),
        clauses=wording.clauses,
        clause_titles=dict(fixed.clause_titles),
        consequences=wording.consequences,
        options=wording.options,
        roles=wording.roles,
        attention_points=wording.attention_points,
        principles=principles,
        talking_points=talking_points,
        comparison_title=fixed.comparison_title,
        comparison=list(fixed.comparison),
        page_notes=dict(fixed.page_notes),
        inactive=inactive,
        withheld=held,
        known_office_accounts=known_office_accounts(session, rulebook),
        configuration=configuration(
            minister, variant.key if variant else None, personal, rulebook, platforms, predecessor
        ),
        sources={source.id: source for source in rulebook.describe_source(cited)},
        list_and=fixed.list_and,
        finding_titles=dict(fixed.finding_titles),
    )
