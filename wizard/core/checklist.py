"""The checklist: the rulebook's items that apply, one per task per account.

An item of the rulebook applies once for the conversation, once for every used platform
(`per: platform`, the new minister's accounts) or once for every account of the predecessor
(`per: predecessor_account`), whenever its `when` matches. The same text twice is kept once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from wizard.core import text
from wizard.core.conditions import matches
from wizard.core.rulebook import Rulebook

if TYPE_CHECKING:
    from wizard.core.engine import ChecklistItem, PlatformAdvice


def _per(entry: dict[str, Any]) -> str:
    if entry.get("per_platform"):
        return "platform"
    return entry.get("per", "conversation")


def _targets(
    entry: dict[str, Any],
    context: dict[str, Any],
    platforms: dict[str, PlatformAdvice],
    account_contexts: list[dict[str, Any]],
) -> list[tuple[str | None, dict[str, Any]]]:
    per = _per(entry)
    if per == "platform":
        return [(key, advice.context) for key, advice in platforms.items()]
    if per == "predecessor_account":
        return [(item["platform"], item) for item in account_contexts]
    return [(None, context)]


def checklist(
    rulebook: Rulebook,
    context: dict[str, Any],
    values: dict[str, str],
    platforms: dict[str, PlatformAdvice],
    account_contexts: list[dict[str, Any]],
) -> list[ChecklistItem]:
    from wizard.core.engine import ChecklistItem

    items = []
    seen = set()
    for entry in rulebook.data["checklist"]:
        for platform_key, target in _targets(entry, context, platforms, account_contexts):
            if not matches(entry.get("when"), target):
                continue
            filled = text.fill(entry["text"], target.get("values", values))
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
                    platform=platform_key,
                )
            )
    return items
