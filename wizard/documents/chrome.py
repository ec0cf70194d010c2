"""The documents' own words (templates/documents.yaml, with a department overlay's own
documents.yaml merged over it): titles, headings, labels, and the one vocabulary of the
configuration's values (`values`: who owns an account, who posts, webcare, ...).

The wizard shows the configuration in these same words (a platform's page says what the
agreement will print), so they are read here, without Jinja: the wizard's process never loads
the templates.
"""

from __future__ import annotations

import copy
import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from wizard.core.errors import InputError
from wizard.core.rulebook import Rulebook, merge_overlay
from wizard.core.yamlio import load_own_yaml_file, load_yaml_file
from wizard.paths import templates_dir

if TYPE_CHECKING:
    from wizard.core.engine import PlatformAdvice

CHROME_FILE = "documents.yaml"


def fill(pattern: str, **values: Any) -> str:
    """Fill `{name}` placeholders of a chrome pattern; unknown names stay as they are."""
    return re.sub(r"\{(\w+)\}", lambda m: str(values.get(m.group(1), m.group(0))), pattern)


def overlay_dirs(rulebook: Rulebook) -> tuple[str, ...]:
    """The template folders of the rulebook's overlay, if it brings any."""
    return tuple(str(Path(folder)) for folder in rulebook.template_dirs)


@cache
def _builtin_chrome() -> dict[str, Any]:
    return load_own_yaml_file(templates_dir() / CHROME_FILE)


@cache
def _merged_chrome(folders: tuple[str, ...]) -> dict[str, Any]:
    merged = copy.deepcopy(_builtin_chrome())
    for folder in folders:
        path = Path(folder) / CHROME_FILE
        if path.is_file():
            extra = load_yaml_file(path)
            if not isinstance(extra, dict):
                raise InputError("dit moet een verzameling sleutels zijn", file=str(path))
            merged = merge_overlay(merged, extra)
    return merged


def chrome(rulebook: Rulebook) -> dict[str, Any]:
    """The labels of templates/documents.yaml, with an overlay's own documents.yaml over them."""
    return _merged_chrome(overlay_dirs(rulebook))


# --- the configuration's values in words ----------------------------------------------------


def value_label(labels: dict[str, Any], group: str, key: Any, **values: Any) -> str:
    """The words for one configuration value (documents.yaml `values`)."""
    table = labels["values"].get(group, {})
    name = str(key).lower() if isinstance(key, bool) else ("none" if key is None else str(key))
    text = table.get(name)
    return fill(text, **values) if text is not None else str(key)


def webcare_text(labels: dict[str, Any], webcare: dict[str, Any]) -> str:
    """Who answers questions and reactions, and when ('; '-separated extras: standby,
    proactive)."""
    text = value_label(
        labels, "webcare_scope", webcare.get("scope") or "none", hours=webcare.get("hours") or ""
    )
    extras = []
    if webcare.get("standby"):
        extras.append(labels["values"]["webcare_standby"])
    if webcare.get("proactive"):
        extras.append(labels["values"]["webcare_proactive"])
    return "; ".join([text, *extras])


def configuration_words(labels: dict[str, Any], platform: PlatformAdvice) -> dict[str, str]:
    """One account's configuration in words, as the agreement prints it and the wizard shows
    it: avatar, verification, owner, posting, party_content, paid_promotion, webcare,
    transfer."""
    config = platform.config
    party = config.get("party_content")
    if party == "marked" and not config.get("party_hashtag"):
        party = "marked_no_hashtag"
    verification = config.get("verification_by")
    if verification is None and config.get("civil_service_support") == "none":
        verification = "not_supported"
    transfer = (
        "ministry_account" if platform.kind == "ministry" else config.get("transfer_to_successor")
    )
    return {
        "avatar": value_label(labels, "avatar_rijkslogo", bool(config.get("avatar_rijkslogo"))),
        "verification": value_label(labels, "verification_by", verification),
        "owner": value_label(labels, "owner", config.get("owner")),
        "posting": value_label(
            labels, "civil_service_support", config.get("civil_service_support")
        ),
        "party_content": value_label(
            labels, "party_content", party, party_hashtag=config.get("party_hashtag") or ""
        ),
        "paid_promotion": value_label(labels, "paid_promotion", bool(config.get("paid_promotion"))),
        "webcare": webcare_text(labels, config.get("webcare") or {}),
        "transfer": value_label(labels, "transfer_to_successor", transfer),
    }
