"""What the agreement (afspraken) shows, in reading order: the signed part (who, the choice,
what the minister agrees to, the principles, who does what, the election points, the
predecessor's accounts in a sentence, the signature), then the annexes, the last of which lists
the sources (Bronnen) of every rule printed.

Everything comes from the advice; the document's own words and its layout (which clause section
goes into which annex) come from templates/documents.yaml (`HouseStyle.labels`).
"""

from __future__ import annotations

from typing import Any

from wizard.core import text
from wizard.core.advice import Advice, Clause
from wizard.core.dates import as_date
from wizard.documents.chrome import account_text, fill, handle_text

Item = dict[str, Any]


# --- the reference --------------------------------------------------------------------------


def reference(advice: Advice, labels: dict[str, Any]) -> str:
    """The agreement's kenmerk: the conversation's date, the ministry and the minister's
    initials in the pattern of documents.yaml, so the same conversation always gets the same
    reference."""
    words = labels["reference"]
    unknown = words["unknown"]
    day = as_date(advice.conversation.date)
    date = day.strftime("%Y%m%d") if day else unknown
    return fill(
        words["pattern"],
        date=date,
        ministry=advice.minister.ministry_abbr or unknown,
        initials=text.name_initials(advice.minister.name) or unknown,
    )


# --- the sources ----------------------------------------------------------------------------


class Sources:
    """The statements the printed rules rest on: each rule registers its `source` ids when it is
    printed; `number` then gives every statement its number in the Bronnen annex (in the order of
    the numbered statements, so that each document's statements follow each other)."""

    def __init__(self, advice: Advice) -> None:
        self.advice = advice
        self.used: list[str] = []
        self.items: list[tuple[Item, list[str]]] = []

    def cite(self, item: Item, ids: Any) -> Item:
        """`item` (a copy of it) with room for its references, filled in by `finish`."""
        ids = [str(statement) for statement in (ids or [])]
        item = dict(item, refs=[])
        self.items.append((item, ids))
        self.used.extend(ids)
        return item

    def finish(self) -> list[dict[str, Any]]:
        """Number the statements, give every cited item its references, and return the Bronnen
        annex: one group per document, in it one row per section with its statements. The
        numbers follow the annex's order (documents and statements in the order of the numbered
        statements, sections as they first come)."""
        described = self.advice.describe(self.used)
        # The numbered statements in their order, then any other id.
        ordered = sorted(described, key=lambda s: (not s.known, s.number, s.id))
        groups: dict[str, dict[str, list[dict[str, Any]]]] = {}
        for source in ordered:
            groups.setdefault(source.document, {}).setdefault(source.section, []).append(
                {"id": source.id, "known": source.known}
            )
        numbers: dict[str, int] = {}
        for sections in groups.values():
            for statements in sections.values():
                for statement in statements:
                    numbers[statement["id"]] = len(numbers) + 1
                    statement.update(
                        number=numbers[statement["id"]], anchor=f"bron-{numbers[statement['id']]}"
                    )
        for item, ids in self.items:
            item["refs"] = [
                {
                    "number": numbers[statement],
                    "id": statement,
                    "anchor": f"bron-{numbers[statement]}",
                }
                for statement in sorted(dict.fromkeys(ids), key=numbers.get)
            ]
        return [
            {
                "document": document,
                "rows": [
                    {
                        "section": section,
                        "statements": statements,
                        "lines": _lines(statements, len(numbers)),
                    }
                    for section, statements in sections.items()
                ],
            }
            for document, sections in groups.items()
        ]


def _lines(statements: list[dict[str, Any]], last: int) -> str:
    """A section's statements as one text, a line each: the number (right-aligned with figure
    spaces) and the id. One value for the whole cell keeps the PDF's table cheap to lay out."""
    width = len(str(last))
    return "\n".join(
        f"{str(s['number']).rjust(width, chr(0x2007))}\u2002{s['id']}" for s in statements
    )


# --- the signed part ------------------------------------------------------------------------


def parties(
    advice: Advice, labels: dict[str, Any], conversation: dict[str, str], ref: str
) -> list[dict[str, str]]:
    """The rows under the title (the name and title are the line above them): the ministry and
    the post where the title does not say them, the party where the accounts carry its hashtag,
    the advisor, the conversation and the reference."""
    words, missing = labels["parties"], labels["not_filled"]
    minister = advice.minister
    title = minister.title
    ministry = minister.ministry_name or minister.ministry_given
    held = ", ".join(filter(None, [conversation["date"], conversation["place"]]))
    rows = [
        (words["ministry"], "" if ministry and ministry in title else ministry or missing),
        (words["post"], "" if minister.post in title else minister.post),
        (words["party"], minister.party if minister.party_hashtag else ""),
        (words["advisor"], conversation["advisor"] or missing),
        (words["conversation"], held or missing),
        (labels["reference"]["label"], ref),
    ]
    return [{"label": label, "value": value} for label, value in rows if value]


def accounts(advice: Advice, labels: dict[str, Any]) -> list[dict[str, Any]]:
    """The table "Uw accounts": per account its platform, its handle, what it is, and what
    happens to the predecessor's account(s) on that platform (one line each)."""
    predecessor = advice.predecessor.accounts if advice.predecessor else ()
    rows = []
    for account in advice.platforms.values():
        theirs = [item for item in predecessor if item.platform == account.key]
        if len(theirs) > 1:  # the predecessor's own account and one of the post beside it
            lines = [f"{item.kind_label}: {item.action_text}" for item in theirs]
        else:
            lines = [item.action_text for item in theirs]
        rows.append(
            {
                "platform": account.label,
                "handle": handle_text(labels, account),
                "account": account_text(labels, account),
                "predecessor": lines,
            }
        )
    return rows


def options(advice: Advice, sources: Sources) -> list[Item]:
    """What the minister can do (reading 17), as it is printed: "u kunt ..." until agreed."""
    return [
        sources.cite({"id": option.id, "text": option.printed}, option.source)
        for option in advice.options
    ]


def _matches_any(clause_id: str, prefixes: list[str]) -> bool:
    return any(clause_id.startswith(prefix) for prefix in prefixes)


def clause_item(clause: Clause, sources: Sources) -> Item:
    return sources.cite(
        {"id": clause.id, "section": clause.section, "text": clause.text}, clause.source
    )


def election_points(advice: Advice, labels: dict[str, Any], sources: Sources) -> list[Item]:
    """The clauses of election time (documents.yaml `election.clauses`), in the section order;
    the advice has them only in election time."""
    prefixes = labels["election"]["clauses"]
    return [
        clause_item(clause, sources)
        for clauses in advice.clauses.values()
        for clause in clauses
        if _matches_any(clause.id, prefixes)
    ]


def roles(advice: Advice, sources: Sources) -> list[Item]:
    return [
        sources.cite({"id": role.id, "role": role.role, "text": role.text}, role.source)
        for role in advice.roles
    ]


def copies(advice: Advice) -> str:
    """Who gets a copy of the signed agreement: every role of "Wie doet wat" but the minister."""
    return advice.joined([role.role for role in advice.roles if role.copy])


# --- the annexes ----------------------------------------------------------------------------


def _clause_sections(
    advice: Advice, labels: dict[str, Any], sources: Sources
) -> dict[str, list[Item]]:
    """The clauses of every section the annexes print: without the election points (printed in
    the signed part) and without the sections documents.yaml does not print."""
    skip = set(labels.get("not_printed", [])) | {labels["predecessor_summary"]["section"]}
    left_out = set(labels.get("not_printed_clauses", []))
    prefixes = labels["election"]["clauses"]
    result = {}
    for key in advice.clause_titles:
        if key in skip:
            continue
        result[key] = [
            clause_item(clause, sources)
            for clause in advice.clauses.get(key, [])
            if not _matches_any(clause.id, prefixes) and clause.id not in left_out
        ]
    return result


def _placed_sections(
    labels: dict[str, Any], sections: dict[str, list[Item]]
) -> dict[str, list[str]]:
    """Which clause sections each annex prints; a section no annex names goes into the first
    annex that has sections."""
    placed = {
        annex["key"]: [key for key in annex.get("sections", []) if key in sections]
        for annex in labels["annexes"]
    }
    named = {key for keys in placed.values() for key in keys}
    first = next((annex["key"] for annex in labels["annexes"] if annex.get("sections")), None)
    if first is not None:
        placed[first] += [key for key in sections if key not in named]
    return placed


def annexes(
    advice: Advice,
    labels: dict[str, Any],
    sources: Sources,
    content: dict[str, Any],
) -> list[dict[str, Any]]:
    """The annexes that have something to show, numbered. `content` holds what the context
    made already: platforms, the predecessor's table, the access table, attention points and
    notes. The Bronnen annex is filled in last (`Sources.finish`)."""
    sections = _clause_sections(advice, labels, sources)
    placed = _placed_sections(labels, sections)
    titles = advice.clause_titles
    extras = {"access": content["access_rows"], "predecessor": content["predecessor_rows"]}
    result = []
    for annex in labels["annexes"]:
        key = annex["key"]
        entry: dict[str, Any] = {"key": key, "title": annex["title"], "kind": key, "sections": []}
        if key == "platforms":
            entry["platforms"] = content["platforms"]
            present = bool(content["platforms"])
        elif key == "attention":
            entry["points"], entry["notes"] = content["attention_points"], content["notes"]
            present = bool(entry["points"] or entry["notes"])
        elif key == "sources":
            present = True
        else:
            entry["kind"] = "clauses"
            entry["sections"] = [
                {
                    "key": section,
                    "title": titles[section],
                    "clauses": sections[section],
                    "extra": extras.get(section) or [],
                    "extra_first": section in labels.get("tables_first", []),
                    "note": content["notes_of"].get(section, ""),
                }
                for section in placed.get(key, [])
                if sections[section] or extras.get(section)
            ]
            present = bool(entry["sections"])
        if present:
            result.append(entry)
    for number, entry in enumerate(result, start=1):
        entry["number"] = number
        entry["heading"] = fill(labels["annex"]["heading"], number=number, title=entry["title"])
    return result


def annex_number(annexes_: list[dict[str, Any]], section: str) -> int | None:
    """The number of the annex that prints a clause section, if one does."""
    for annex in annexes_:
        if any(item["key"] == section for item in annex["sections"]):
            return annex["number"]
    return None
