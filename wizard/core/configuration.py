"""`platformconfiguratie.yaml`: the configuration contract of DESIGN.md, made from the advice's
accounts."""

from __future__ import annotations

from typing import Any

from wizard.core.advice import Account, Advice, Minister, Predecessor
from wizard.core.rulebook import Rulebook
from wizard.core.yamlio import dump_yaml
from wizard.paths import project_version

CONFIG_FORMAT = "platformconfiguratie/1"


def _predecessor_accounts(predecessor: Predecessor | None) -> dict[str, Any]:
    """Per platform the predecessor's account; an account of the post taken over beside the
    predecessor's own one on that platform (reading 11) under its `office_account`."""
    result: dict[str, Any] = {}
    for account in predecessor.accounts if predecessor else ():
        if account.beside_own:
            result[account.platform]["office_account"] = account.contract()
        else:
            result[account.platform] = account.contract()
    return result


def configuration(
    minister: Minister,
    variant: str | None,
    personal_account: bool,
    rulebook: Rulebook,
    platforms: dict[str, Account],
    predecessor: Predecessor | None,
) -> dict[str, Any]:
    return {
        "format": CONFIG_FORMAT,
        "rulebook": {"version": rulebook.version, "date": rulebook.date},
        "generator": f"Adviesgesprek {project_version()}",
        "minister": {
            "name": minister.name or None,
            "office": minister.office or None,
            "ministry": minister.ministry,
            "post": minister.post or None,
            "party": minister.party or None,
        },
        "variant": variant,
        "personal_account": personal_account,
        "platforms": {key: account.config.to_dict() for key, account in platforms.items()},
        "predecessor_accounts": _predecessor_accounts(predecessor),
    }


def configuration_yaml(advice: Advice) -> str:
    """`platformconfiguratie.yaml` of an advice, as YAML text."""
    return dump_yaml(advice.configuration)
