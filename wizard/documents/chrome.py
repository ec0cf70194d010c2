"""The documents' own words for the advice (templates/documents.yaml, `HouseStyle.labels`):
the one vocabulary of the configuration's values (`values`: who owns an account, who posts,
webcare, ...) and what an account is, addressed to the minister (`account_labels`).

The wizard shows the configuration in these same words (a platform's page says what the
agreement will print), so they are made here, without Jinja: the wizard's process never loads
the templates.
"""

from __future__ import annotations

import re
from typing import Any

from wizard.core.advice import Account, Webcare


def fill(pattern: str, **values: Any) -> str:
    """Fill `{name}` placeholders of a pattern; unknown names stay as they are."""
    return re.sub(r"\{(\w+)\}", lambda m: str(values.get(m.group(1), m.group(0))), pattern)


def value_label(labels: dict[str, Any], group: str, key: Any, **values: Any) -> str:
    """The words for one configuration value (documents.yaml `values`)."""
    table = labels["values"].get(group, {})
    name = str(key).lower() if isinstance(key, bool) else ("none" if key is None else str(key))
    text = table.get(name)
    return fill(text, **values) if text is not None else str(key)


def webcare_text(labels: dict[str, Any], webcare: Webcare) -> str:
    """Who answers questions and reactions, and when ('; '-separated extras: standby,
    proactive)."""
    text = value_label(labels, "webcare_scope", webcare.scope or "none", hours=webcare.hours or "")
    extras = []
    if webcare.standby:
        extras.append(labels["values"]["webcare_standby"])
    if webcare.proactive:
        extras.append(labels["values"]["webcare_proactive"])
    return "; ".join([text, *extras])


def configuration_words(labels: dict[str, Any], account: Account) -> dict[str, str]:
    """One account's configuration in words, as the agreement prints it and the wizard shows
    it: avatar, verification, owner, posting, party_content, paid_promotion, webcare,
    transfer."""
    config = account.config
    party = config.party_content
    if party == "marked" and not config.party_hashtag:
        party = "marked_no_hashtag"
    verification = config.verification_by
    if verification is None and config.civil_service_support == "none":
        verification = "not_supported"
    transfer = "ministry_account" if account.kind == "ministry" else config.transfer_to_successor
    return {
        "avatar": value_label(labels, "avatar_rijkslogo", config.avatar_rijkslogo),
        "verification": value_label(labels, "verification_by", verification),
        "owner": value_label(labels, "owner", config.owner),
        "posting": value_label(labels, "civil_service_support", config.civil_service_support),
        "party_content": value_label(
            labels, "party_content", party, party_hashtag=config.party_hashtag or ""
        ),
        "paid_promotion": value_label(labels, "paid_promotion", config.paid_promotion),
        "webcare": webcare_text(labels, config.webcare),
        "transfer": value_label(labels, "transfer_to_successor", transfer),
    }


def account_text(labels: dict[str, Any], account: Account) -> str:
    """What the account is, addressed to the minister (documents.yaml `account_labels`): by its
    form and the account choice, its form, its kind and the account choice, or its kind; else
    the rulebook's label of the form or the account choice."""
    words = labels.get("account_labels") or {}
    forms = words.get("forms") or {}
    if account.form:
        text = forms.get(f"{account.form}_{account.account}") or forms.get(account.form)
        return text or account.form_label
    for key in (f"{account.kind}_{account.account}", account.kind):
        if words.get(key):
            return words[key]
    return account.account_label


def handle_text(labels: dict[str, Any], account: Account) -> str:
    """The account's handle as the documents name it: "@MinPres", "@MinPres (voorstel)" for the
    rulebook's proposal, "(nog niet ingevuld)" when there is none yet."""
    if not account.handle:
        return labels["not_filled"]
    if account.handle_is_suggestion:
        return f"@{account.handle} {labels['platforms']['draft_note']}"
    return f"@{account.handle}"
