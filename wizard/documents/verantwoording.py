"""What the verantwoording shows: for the advisor and whoever checks the advice, the sources that
the agreement leaves out.

- the assumptions and proposals: what the rulebook fills in where the conversation says
  nothing (an account of the predecessor, a handle, a bio, a link), to check in the conversation;
- the answers that no longer apply (with why) and those a finding withholds;
- per arrangement of the agreement, in its order, and per item of the checklist: the rule as
  printed, with the numbers of the statements it rests on;
- the statements, each once, as a reader finds them: the document and its section, the
  statement quoted, and its number (never its id).

It is made from the agreement's own context (agreement.py keeps every printed item's `source`),
so it justifies exactly what the agreement prints. A statement is worded by
`wizard.core.rulebook.source_words`, as `check --sources` and the wizard's "Bron" word it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from wizard.core.advice import Advice
from wizard.core.rulebook import Source, source_words
from wizard.documents.chrome import fill

Entry = dict[str, Any]
Part = dict[str, Any]


class Cited:
    """The statements the verantwoording's rules rest on: each rule gets the numbers of its
    statements (`refs`), and `listed` gives every statement once, quoted under where a reader
    finds it, in the order of the numbered statements."""

    def __init__(self, advice: Advice, labels: dict[str, Any]) -> None:
        self.advice = advice
        self.labels = labels
        self.ids: list[str] = []

    def refs(self, ids: Iterable[str]) -> list[str]:
        """The numbers of the statements `ids`, in order, as the rule shows them."""
        described = sorted(self.advice.describe(ids), key=_order)
        self.ids.extend(source.id for source in described)
        return [_number(source) for source in described]

    def listed(self) -> list[dict[str, Any]]:
        """Every statement cited, once: grouped by where a reader finds it (document and
        section), each quoted with its number."""
        pattern = self.labels["verantwoording"]["number"]
        groups: dict[str, dict[str, Any]] = {}
        for source in sorted(self.advice.describe(self.ids), key=_order):
            where, quote = source_words(source)
            group = groups.setdefault(where, {"where": where, "quotes": []})
            if quote:
                label = fill(pattern, number=source.number)
                group["quotes"].append({"quote": quote, "number": source.number, "label": label})
        return list(groups.values())


def _order(source: Source) -> tuple[bool, int, str]:
    """The numbered statements in their order, then any other id."""
    return not source.known, source.number, source.id


def _number(source: Source) -> str:
    return str(source.number) if source.known else source.id


def _entry(cited: Cited, text: str, ids: Any, label: str = "") -> Entry:
    """A rule as printed (`items`: its label and its text) and the numbers of its statements."""
    return {"items": [{"label": label, "text": text}], "refs": cited.refs(ids or ())}


def _joined(entries: list[Entry]) -> list[Entry]:
    """The entries that rest on the same statements as one (an account's facts that one rule of
    the configuration decided), in the order of the first of them."""
    by_refs: dict[tuple[str, ...], Entry] = {}
    for entry in entries:
        key = tuple(entry["refs"])
        if key in by_refs:
            by_refs[key]["items"] += entry["items"]
        else:
            by_refs[key] = dict(entry, items=list(entry["items"]))
    return list(by_refs.values())


def _part(title: str, entries: list[Entry], parts: list[Part] | None = None) -> Part:
    return {"title": title, "entries": entries, "parts": parts or []}


# --- what the conversation does not say ------------------------------------------------------


def _assumptions(cited: Cited) -> list[Entry]:
    """The predecessor's accounts the rulebook assumes, and the handles, bios and links it
    proposes."""
    advice, labels = cited.advice, cited.labels
    words = labels["verantwoording"]["assumptions"]
    entries = []
    predecessor = advice.predecessor
    for item in predecessor.accounts if predecessor else ():
        if item.assumed:
            text = fill(
                words["predecessor"],
                platform=item.label,
                kind=item.kind_label,
                handle=f" @{item.handle}" if item.handle else "",
                predecessor=(predecessor.name if predecessor else "") or labels["not_filled"],
                action=item.action_text,
            )
            entries.append(_entry(cited, text, item.source))
    for account in advice.platforms.values():
        config = account.config
        if account.handle_is_suggestion and config.handle:
            text = fill(words["handle"], platform=account.label, handle=config.handle)
            entries.append(_entry(cited, text, account.handle_sources))
        if account.bio_is_draft and config.bio:
            text = fill(words["bio"], platform=account.label, bio=config.bio)
            entries.append(_entry(cited, text, account.bio_sources))
        if account.link_is_proposal and config.link:
            text = fill(words["link"], platform=account.label, link=config.link)
            entries.append(_entry(cited, text, account.link_sources))
    return entries


def answer_label(advice: Advice, labels: dict[str, Any], path: str) -> str:
    """What an answer is called, by its place in the conversation (documents.yaml
    `verantwoording.answers`); an answer not named there by its place."""
    names = labels["verantwoording"]["answers"]
    parts = path.split(".")
    if parts[0] == "platforms" and len(parts) == 3:
        account = advice.platforms.get(parts[1])
        name = names.get(f"platforms.{parts[2]}")
        platform = account.label if account else parts[1]
        return fill(name, platform=platform) if name else path
    return names.get(path, path)


def _inactive(cited: Cited) -> list[Entry]:
    """The answers given that do not apply to the choices of now, with why."""
    advice, labels = cited.advice, cited.labels
    return [
        _entry(cited, item.reason, item.source, answer_label(advice, labels, item.path))
        for item in advice.inactive
        if item.given
    ]


def _withheld(cited: Cited) -> list[Entry]:
    """The answers a finding withholds, with the finding."""
    advice, labels = cited.advice, cited.labels
    return [
        _entry(cited, finding.message, finding.source, answer_label(advice, labels, path))
        for path in advice.withheld
        for finding in advice.findings
        if finding.path == path
    ]


# --- the agreement, in its order -------------------------------------------------------------


def _choice(cited: Cited, agreement: dict[str, Any]) -> list[Entry]:
    entries = []
    for item in (agreement["variant"], agreement["personal_account"]):
        if item:
            text = " ".join([item["summary"], *item["meaning"]])
            entries.append(_entry(cited, text, item["source"], item["label"]))
    return entries


def _accounts(cited: Cited, agreement: dict[str, Any]) -> list[Part]:
    """Per account the rows of its table that rest on rules (those that rest on the same
    statements together); then the predecessor's accounts."""
    words = cited.labels["verantwoording"]["agreement"]
    parts = []
    for table in agreement["platforms"]:
        entries = _joined(
            [
                _entry(cited, row["value"], row["source"], row["label"])
                for row in table["rows"]
                if row["source"]
            ]
        )
        title = fill(words["account"], platform=table["label"], handle=table["handle_text"])
        parts.append(_part(title, entries))
    predecessor = [
        _entry(cited, "; ".join(row["predecessor"]), row["source"], row["platform"])
        for row in agreement["accounts"]
        if row["predecessor"]
    ]
    predecessor += _texts(cited, agreement["predecessor_summary"])
    if predecessor:
        parts.append(_part(words["predecessor"], predecessor))
    return parts


def _texts(cited: Cited, items: list[dict[str, Any]]) -> list[Entry]:
    return [_entry(cited, item["text"], item["source"]) for item in items]


def _agreement(cited: Cited, agreement: dict[str, Any]) -> list[Part]:
    """The parts of the agreement in its order: the signed part, then the annexes' clauses and
    the attention points."""
    labels = cited.labels
    words = labels["verantwoording"]["agreement"]
    parts = [
        _part(labels["variant"]["heading"], _choice(cited, agreement)),
        _part(words["accounts"], [], _accounts(cited, agreement)),
        _part(
            labels["consequences"]["heading"],
            _texts(cited, agreement["consequences"] + agreement["options"]),
        ),
        _part(
            labels["principles"]["heading"],
            [
                _entry(cited, item["short"], item["source"], item["title"])
                for item in agreement["principles"]
            ],
        ),
        _part(
            labels["roles"]["heading"],
            [
                _entry(cited, item["text"], item["source"], item["role"])
                for item in agreement["roles"]
            ],
        ),
        _part(labels["election"]["heading"], _texts(cited, agreement["election_points"])),
    ]
    for annex in agreement["annexes"]:
        for section in annex["sections"]:
            parts.append(_part(section["title"], _texts(cited, section["clauses"])))
        if annex["kind"] == "attention":
            entries = [
                _entry(cited, point["text"], point["source"], point["title"])
                for point in annex["points"]
            ]
            parts.append(_part(words["attention"], entries))
    return [part for part in parts if part["entries"] or part["parts"]]


def _checklist(cited: Cited, moments: list[dict[str, Any]]) -> list[Part]:
    """The checklist by moment, each item with who does it."""
    return [
        _part(
            moment["title"],
            [
                _entry(
                    cited,
                    item["text"],
                    item["source"],
                    " · ".join(filter(None, [item["owner"], item["platform"]])),
                )
                for item in moment["entries"]
            ],
        )
        for moment in moments
    ]


def context(advice: Advice, labels: dict[str, Any], agreement: dict[str, Any]) -> dict[str, Any]:
    """What the verantwoording's templates show, made from the advice and the agreement's
    context (`agreement`: the document context of the agreement)."""
    words = labels["verantwoording"]
    cited = Cited(advice, labels)
    minister = advice.minister.name or labels["not_filled"]
    made = {
        "parties": agreement["parties"],
        "intro": fill(words["intro"], name=minister, reference=agreement["reference"]),
        "rulebook_line": fill(
            words["rulebook"],
            title=advice.rulebook.title,
            version=advice.rulebook.version,
            date=agreement["rulebook"]["date"],
        ),
        "assumptions": _assumptions(cited),
        "inactive": _inactive(cited),
        "withheld": _withheld(cited),
        "agreement_parts": _agreement(cited, agreement),
        "checklist_parts": _checklist(cited, agreement["checklist_moments"]),
    }
    made["sources"] = cited.listed()
    return made
