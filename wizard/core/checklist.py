"""The eighth stage of the advice: the checklist, the rulebook's items that apply, one per task
per account.

An item of the rulebook applies once for the conversation, once for every used platform
(`per: platform`, the new minister's accounts) or once for every account of the predecessor
(`per: predecessor_account`), whenever its `when` matches. The same text twice is kept once.
When the swearing-in lies before the conversation, the moments are named for an account that is
already in use (reading 19).
"""

from __future__ import annotations

from typing import Any

from wizard.core import text
from wizard.core.advice import ChecklistItem
from wizard.core.conditions import matches
from wizard.core.rulebook import Rulebook
from wizard.core.situation import Situation


def moments(rulebook: Rulebook, context: dict[str, Any]) -> dict[str, str]:
    """The checklist's moments by key, as they apply to this conversation."""
    if context["swearing_in"]["passed"]:
        return dict(rulebook.data["moments_after_swearing_in"])
    return dict(rulebook.data["moments"])


def _per(entry: dict[str, Any]) -> str:
    if entry.get("per_platform"):
        return "platform"
    return entry.get("per", "conversation")


def _targets(
    entry: dict[str, Any], situation: Situation
) -> list[tuple[str | None, dict[str, Any]]]:
    per = _per(entry)
    if per == "platform":
        return list(situation.platforms.items())
    if per == "predecessor_account":
        return [(account.platform, context) for account, context in situation.predecessor_accounts]
    return [(None, situation.context)]


def checklist(rulebook: Rulebook, situation: Situation) -> list[ChecklistItem]:
    data = rulebook.data
    moment_labels = moments(rulebook, situation.context)
    items = []
    seen = set()
    for entry in data["checklist"]:
        for platform, target in _targets(entry, situation):
            if not matches(entry.get("when"), target):
                continue
            filled = text.fill(entry["text"], target["values"])
            if filled in seen:
                continue
            seen.add(filled)
            items.append(
                ChecklistItem(
                    id=entry["id"],
                    group=entry["group"],
                    text=filled,
                    owner=entry["owner"],
                    moment=entry["moment"],
                    source=list(entry["source"]),
                    platform=platform,
                    owner_label=data["owners"].get(entry["owner"], entry["owner"]),
                    moment_label=moment_labels.get(entry["moment"], entry["moment"]),
                    platform_label=rulebook.platforms[platform]["label"] if platform else "",
                )
            )
    return items
