"""The fifth stage of the advice: the accounts together.

Conditions of clauses, roles, findings and checklist items look at facts about all accounts at
once (is any account an account of the post, does the ministry do webcare anywhere, is a
predecessor's account swapped, ...). This stage works them out from the accounts of the earlier
stages and makes the complete `when` contexts: one for the conversation, one per account of the
new minister and one per account of the predecessor. Each is a new dict.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from wizard.core import predecessor as predecessors
from wizard.core.advice import Account, Predecessor, PredecessorAccount
from wizard.core.facts import Facts
from wizard.core.platforms import PlatformFacts
from wizard.core.rulebook import Rulebook


@dataclass(frozen=True)
class Situation:
    context: dict[str, Any]  # the conversation's complete context, `values` included
    values: dict[str, str]
    platforms: dict[str, dict[str, Any]]  # per account of the new minister
    predecessor_accounts: list[tuple[PredecessorAccount, dict[str, Any]]]


def accounts_summary(platforms: dict[str, Account]) -> dict[str, bool]:
    """Facts about all accounts of the new minister together."""
    configs = [account.config for account in platforms.values()]
    kinds = {account.kind for account in platforms.values()}
    return {
        "office": "office" in kinds,
        "own": "own" in kinds,
        "ministry": "ministry" in kinds,
        "supported": any(config.civil_service_support != "none" for config in configs),
        "webcare": any(config.webcare.scope != "none" for config in configs),
        "by_agreement": any(config.transfer_to_successor == "by_agreement" for config in configs),
        "party_marked": any(config.party_content == "marked" for config in configs),
        "ministry_owned": any(config.owner == "ministry" for config in configs),
        "rijkslogo": any(config.avatar_rijkslogo for config in configs),
        "rvd_verification": any(config.verification_by == "rvd" for config in configs),
        "ministry_verification": any(config.verification_by == "ministry" for config in configs),
    }


def _verification_values(platforms: dict[str, Account], list_and: str) -> dict[str, str]:
    """The platforms on which the RVD, or the ministry, arranges the verification."""

    def labels(by: str) -> str:
        items = [
            account.label for account in platforms.values() if account.config.verification_by == by
        ]
        return ", ".join(items[:-1]) + list_and + items[-1] if len(items) > 1 else "".join(items)

    return {
        "verification_rvd_platforms": labels("rvd"),
        "verification_ministry_platforms": labels("ministry"),
    }


def situation(
    facts: Facts,
    rulebook: Rulebook,
    platforms: dict[str, Account],
    local: dict[str, PlatformFacts],
    predecessor: Predecessor | None,
) -> Situation:
    list_and = rulebook.data["patterns"]["list_and"]
    together = {
        "accounts": accounts_summary(platforms),
        "predecessor_accounts": predecessors.summary(predecessor),
    }
    values = {
        **facts.values,
        **predecessors.predecessor_values(predecessor, rulebook, facts.values, list_and),
        **_verification_values(platforms, list_and),
    }
    context = {**facts.context, **together, "values": values}
    per_platform = {
        key: {**local[key].context, **together, "values": {**values, **local[key].values}}
        for key in platforms
    }
    per_account = [
        (account, predecessors.account_context(account, context, values, rulebook))
        for account in (predecessor.accounts if predecessor else ())
    ]
    return Situation(
        context=context, values=values, platforms=per_platform, predecessor_accounts=per_account
    )
