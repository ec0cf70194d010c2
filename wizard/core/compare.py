"""What another rulebook changes for a conversation already held.

Two `Advice` objects of the same session, one under the current rulebook and one under the other,
are compared in the three places that matter to the people who act on them:

- the platform configuration, field by field (`platforms.x.webcare.hours`,
  `predecessor_accounts.instagram.action`); a platform or account that only one side has is one
  change. The `rulebook` and `generator` stamps are left out: they say which rulebook made the
  configuration, not what it says.
- the findings, matched by code, path and platform: new, gone, another severity, another message.
- the checklist, matched by item id and platform: added, removed, or changed (text, owner, moment
  or group).

The session is never read here: only `Advice` is (DESIGN principle 2).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from wizard.core.advice import Advice, ChecklistItem, Finding
from wizard.core.engine import advise
from wizard.core.rulebook import Rulebook
from wizard.core.session import Session

# Keys of the configuration that describe where it came from, not what it says.
STAMPS = ("rulebook", "generator")
CHECKLIST_FIELDS = ("text", "owner", "moment", "group")
SEVERITY_WORDS = {"error": "fout", "warning": "waarschuwing", "info": "info"}


class _Missing:
    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()  # a key that one side does not have (unlike a value None)


@dataclass
class FieldChange:
    """One field of the configuration: `old` or `new` is MISSING when only one side has it."""

    path: str
    old: Any
    new: Any

    def to_dict(self) -> dict[str, Any]:
        result: dict[str, Any] = {"path": self.path}
        if self.old is not MISSING:
            result["old"] = self.old
        if self.new is not MISSING:
            result["new"] = self.new
        return result


@dataclass
class FindingChange:
    """`change`: new | gone | severity | message. `finding` is the new one, or for `gone` the
    old one; `old` is the old one of a finding that changed."""

    change: str
    finding: Finding
    old: Finding | None = None

    def to_dict(self) -> dict[str, Any]:
        result = {"change": self.change, **self.finding.to_dict()}
        if self.old is not None:
            result["old_severity"] = self.old.severity
            result["old_message"] = self.old.message
        return result


@dataclass
class ChecklistChange:
    """`change`: added | removed | changed. `item` is the new one, or for `removed` the old
    one; `old` is the old one of an item that changed."""

    change: str
    item: ChecklistItem
    old: ChecklistItem | None = None

    @property
    def fields(self) -> list[str]:
        """The fields that differ, for `changed`."""
        if self.old is None:
            return []
        return [
            name for name in CHECKLIST_FIELDS if getattr(self.old, name) != getattr(self.item, name)
        ]

    def to_dict(self) -> dict[str, Any]:
        result: dict[str, Any] = {
            "change": self.change,
            "id": self.item.id,
            "platform": self.item.platform,
            **{name: getattr(self.item, name) for name in CHECKLIST_FIELDS},
        }
        if self.old is not None:
            result["old"] = {name: getattr(self.old, name) for name in self.fields}
        return result


@dataclass
class Comparison:
    """What changes for one session between two rulebooks."""

    configuration: list[FieldChange] = field(default_factory=list)
    findings: list[FindingChange] = field(default_factory=list)
    checklist: list[ChecklistChange] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.configuration or self.findings or self.checklist)

    @property
    def count(self) -> int:
        return len(self.configuration) + len(self.findings) + len(self.checklist)

    def to_dict(self) -> dict[str, Any]:
        return {
            "changed": self.changed,
            "configuration": [change.to_dict() for change in self.configuration],
            "findings": [change.to_dict() for change in self.findings],
            "checklist": [change.to_dict() for change in self.checklist],
        }


# --- comparing ------------------------------------------------------------------------------


def compare_session(session: Session, current: Rulebook, other: Rulebook) -> Comparison:
    """What `other` changes for `session`, against `current`."""
    return compare_advice(advise(session, current), advise(session, other))


def compare_advice(old: Advice, new: Advice) -> Comparison:
    """What differs between two pieces of advice on the same session."""
    return Comparison(
        configuration=compare_configuration(old.configuration, new.configuration),
        findings=compare_findings(old.findings, new.findings),
        checklist=compare_checklist(old.checklist, new.checklist),
    )


def compare_configuration(old: dict[str, Any], new: dict[str, Any]) -> list[FieldChange]:
    old = {key: value for key, value in old.items() if key not in STAMPS}
    new = {key: value for key, value in new.items() if key not in STAMPS}
    return _field_changes(old, new, "")


def _field_changes(old: Any, new: Any, path: str) -> list[FieldChange]:
    """Field by field down the mappings both sides have; anything else is compared whole."""
    if not (isinstance(old, dict) and isinstance(new, dict)):
        return [] if old == new else [FieldChange(path, old, new)]
    changes = []
    for key in [*old, *(key for key in new if key not in old)]:
        changes += _field_changes(
            old.get(key, MISSING), new.get(key, MISSING), f"{path}.{key}" if path else str(key)
        )
    return changes


def _pairs(old: list[Any], new: list[Any], key: Any) -> tuple[list, list, list]:
    """(pairs with the same key, only in old, only in new); several with one key pair in order."""
    waiting: dict[Any, list[Any]] = {}
    for item in old:
        waiting.setdefault(key(item), []).append(item)
    pairs, added = [], []
    for item in new:
        queue = waiting.get(key(item))
        if queue:
            pairs.append((queue.pop(0), item))
        else:
            added.append(item)
    left = {id(item) for queue in waiting.values() for item in queue}
    return pairs, [item for item in old if id(item) in left], added


def compare_findings(old: list[Finding], new: list[Finding]) -> list[FindingChange]:
    pairs, gone, added = _pairs(old, new, lambda f: (f.code, f.path, f.platform))
    changes = [FindingChange("new", finding) for finding in added]
    changes += [FindingChange("gone", finding) for finding in gone]
    for before, after in pairs:
        if before.severity != after.severity:
            changes.append(FindingChange("severity", after, before))
        elif before.message != after.message:
            changes.append(FindingChange("message", after, before))
    return changes


def compare_checklist(old: list[ChecklistItem], new: list[ChecklistItem]) -> list[ChecklistChange]:
    pairs, removed, added = _pairs(old, new, lambda item: (item.id, item.platform))
    changes = [ChecklistChange("added", item) for item in added]
    changes += [ChecklistChange("removed", item) for item in removed]
    for before, after in pairs:
        change = ChecklistChange("changed", after, before)
        if change.fields:
            changes.append(change)
    return changes


# --- in words -------------------------------------------------------------------------------


def _value(value: Any) -> str:
    if value is MISSING:
        return "(niet aanwezig)"
    if value is None or value == "":
        return "(leeg)"
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, str):
        return f'"{value}"'
    return json.dumps(value, ensure_ascii=False, default=str)


def _field_line(change: FieldChange) -> str:
    if change.old is MISSING:
        return f"{change.path}: erbij, {_value(change.new)}"
    if change.new is MISSING:
        return f"{change.path}: vervalt (was {_value(change.old)})"
    return f"{change.path}: {_value(change.old)} wordt {_value(change.new)}"


def _finding_line(change: FindingChange) -> str:
    finding = change.finding
    where = f"{finding.code} {finding.path}"
    if change.change == "severity" and change.old is not None:
        return (
            f"andere ernst: {where}: {SEVERITY_WORDS[change.old.severity]} wordt "
            f"{SEVERITY_WORDS[finding.severity]}"
        )
    if change.change == "message" and change.old is not None:
        return (
            f"andere tekst: {where}: {_value(change.old.message)} wordt {_value(finding.message)}"
        )
    word = "nieuw" if change.change == "new" else "vervalt"
    return f"{word}: {SEVERITY_WORDS[finding.severity]} {where}: {finding.message}"


def _checklist_line(change: ChecklistChange) -> str:
    item = change.item
    where = f"[{item.id}{', ' + item.platform if item.platform else ''}]"
    if change.change == "changed" and change.old is not None:
        words = {"text": "tekst", "owner": "eigenaar", "moment": "moment", "group": "groep"}
        parts = [
            f"{words[name]}: {_value(getattr(change.old, name))} wordt "
            f"{_value(getattr(item, name))}"
            for name in change.fields
        ]
        return f"anders: {where} " + "; ".join(parts)
    word = "erbij" if change.change == "added" else "vervalt"
    return f"{word}: {where} {item.text}"


def comparison_lines(comparison: Comparison) -> list[str]:
    """The changes in plain Dutch, one per line, under a heading per part; nothing when
    nothing changes."""
    lines: list[str] = []
    for heading, changes, describe in (
        ("Platformconfiguratie", comparison.configuration, _field_line),
        ("Bevindingen", comparison.findings, _finding_line),
        ("Checklist", comparison.checklist, _checklist_line),
    ):
        if changes:
            lines.append(f"{heading}:")
            lines += [f"  {describe(change)}" for change in changes]
    return lines
