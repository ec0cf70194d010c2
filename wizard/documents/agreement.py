"""What the agreement (afspraken) shows, in reading order: the signed part (who, the choice,
her accounts with what happens to her predecessor's, what she agrees to, the principles, who
does what, the election points, the signature), then the annexes for her staff. The sources are
not the minister's reading: they are in the verantwoording (wizard/documents/verantwoording.py),
and the agreement's last line says so.

Every item keeps the statement ids it rests on as `source`, which no template of the agreement
prints: the verantwoording reads them from here, so that it justifies exactly what is printed.

Everything comes from the advice; the document's own words and its layout (which clause section
goes into which annex, which clauses another part says already) come from
templates/documents.yaml (`HouseStyle.labels`).
"""

from __future__ import annotations

from typing import Any

from wizard.core import text
from wizard.core.advice import Account, Advice, Clause, PredecessorAccount
from wizard.core.dates import as_date
from wizard.documents.chrome import account_text, fill, handle_text

Item = dict[str, Any]
# Characters of an item of the line under the title that is certainly short enough to be kept
# on one line (a longer one may break, as a name typed at length must).
KEEP_ON_ONE_LINE = 60


# --- the reference --------------------------------------------------------------------------


def reference(advice: Advice, labels: dict[str, Any]) -> str:
    """The agreement's kenmerk: the conversation's date, the ministry and the minister's
    initials in the pattern of documents.yaml, so the same conversation always gets the same
    reference; `unknown` of documents.yaml while any of the three is not known yet."""
    words = labels["reference"]
    day = as_date(advice.conversation.date)
    parts = {
        "date": day.strftime("%Y%m%d") if day else "",
        "ministry": advice.minister.ministry_abbr or "",
        "initials": text.name_initials(advice.minister.name) or "",
    }
    return fill(words["pattern"], **parts) if all(parts.values()) else words["unknown"]


# --- the signed part ------------------------------------------------------------------------


def parties(
    advice: Advice, labels: dict[str, Any], conversation: dict[str, str], ref: str
) -> list[dict[str, str]]:
    """The line under the title (the name and title are the line above it): the ministry and
    the post where the title does not say them, the party and its hashtag where the accounts
    carry it, the advisor, the conversation and the reference."""
    words, missing = labels["parties"], labels["not_filled"]
    minister = advice.minister
    title = minister.title
    ministry = minister.ministry_name or minister.ministry_given
    held = ", ".join(filter(None, [conversation["date"], conversation["place"]]))
    party = (
        fill(words["party_hashtag"], party=minister.party, hashtag=minister.party_hashtag)
        if minister.party_hashtag and minister.party
        else minister.party_hashtag
    )
    rows = [
        (words["ministry"], "" if ministry and ministry in title else ministry or missing),
        (words["post"], "" if minister.post in title else minister.post),
        (words["party"], party),
        (words["advisor"], conversation["advisor"] or missing),
        (words["conversation"], held or missing),
        (labels["reference"]["label"], ref),
    ]
    # A short item is kept on one line (a reference is not broken at its hyphens).
    return [
        {"label": label, "value": value, "keep": len(label) + len(value) <= KEEP_ON_ONE_LINE}
        for label, value in rows
        if value
    ]


def _predecessor_line(
    labels: dict[str, Any], item: PredecessorAccount, theirs: list[PredecessorAccount]
) -> str:
    """What happens to one of the predecessor's accounts on a platform, in the table's cell: by
    its kind where there are two, by its handle where the minister does not take it over."""
    words = labels["accounts"]
    if len(theirs) > 1:
        return fill(words["predecessor_kind"], kind=item.kind_label, action=item.action_text)
    if item.handle and not item.taken_over:
        return fill(words["predecessor_handle"], handle=f"@{item.handle}", action=item.action_text)
    return item.action_text


def accounts(advice: Advice, labels: dict[str, Any]) -> list[Item]:
    """The table "Uw accounts": per account its platform, its handle, what it is, and what
    happens to the predecessor's account(s) on that platform (one line each); then a row for
    each platform where only the predecessor has an account."""
    words = labels["accounts"]
    predecessor = advice.predecessor.accounts if advice.predecessor else ()
    platforms = list(advice.platforms)
    platforms += [item.platform for item in predecessor if item.platform not in platforms]
    rows = []
    for key in dict.fromkeys(platforms):
        theirs = [item for item in predecessor if item.platform == key]
        account = advice.platforms.get(key)
        rows.append(
            {
                "key": key,
                "platform": account.label if account else theirs[0].label,
                "handle": handle_text(labels, account) if account else words["no_handle"],
                "account": account_text(labels, account) if account else words["no_account"],
                "predecessor": [_predecessor_line(labels, item, theirs) for item in theirs],
                "source": tuple(ids for item in theirs for ids in item.source),
            }
        )
    return rows


def options(advice: Advice) -> list[Item]:
    """What the minister can do (reading 17), as it is printed: "u kunt ..." until agreed."""
    return [{"id": item.id, "text": item.printed, "source": item.source} for item in advice.options]


def _matches_any(clause_id: str, prefixes: list[str]) -> bool:
    return any(clause_id.startswith(prefix) for prefix in prefixes)


def clause_item(clause: Clause) -> Item:
    return {
        "id": clause.id,
        "section": clause.section,
        "text": clause.text,
        "source": clause.source,
    }


def _printed(labels: dict[str, Any], clauses: list[Clause]) -> list[Clause]:
    """The clauses the agreement prints: not those another part says already
    (documents.yaml `not_printed_clauses`)."""
    left_out = set(labels.get("not_printed_clauses", []))
    return [clause for clause in clauses if clause.id not in left_out]


def election_points(advice: Advice, labels: dict[str, Any]) -> list[Item]:
    """The clauses of election time (documents.yaml `election.clauses`), in the section order;
    the advice has them only in election time."""
    prefixes = labels["election"]["clauses"]
    return [
        clause_item(clause)
        for clauses in advice.clauses.values()
        for clause in _printed(labels, clauses)
        if _matches_any(clause.id, prefixes)
    ]


def predecessor_summary(advice: Advice, labels: dict[str, Any]) -> list[Item]:
    """The predecessor in a sentence, under the table "Uw accounts", where the table does not
    say it (re-appointed, nothing to take over, no predecessor)."""
    section = labels["predecessor_summary"]["section"]
    return [clause_item(clause) for clause in _printed(labels, advice.clauses.get(section, []))]


def roles(advice: Advice) -> list[Item]:
    return [
        {"id": role.id, "role": role.role, "text": role.text, "source": role.source}
        for role in advice.roles
    ]


def copies(advice: Advice) -> str:
    """Who gets a copy of the signed agreement: the roles of "Wie doet wat" that do."""
    return advice.joined([role.role for role in advice.roles if role.copy])


# --- the annexes ----------------------------------------------------------------------------


def _clause_sections(advice: Advice, labels: dict[str, Any]) -> dict[str, list[Item]]:
    """The clauses of every section the annexes print: without the election points (printed in
    the signed part) and without the sections and clauses documents.yaml does not print."""
    skip = set(labels.get("not_printed", [])) | {labels["predecessor_summary"]["section"]}
    prefixes = labels["election"]["clauses"]
    return {
        key: [
            clause_item(clause)
            for clause in _printed(labels, advice.clauses.get(key, []))
            if not _matches_any(clause.id, prefixes)
        ]
        for key in advice.clause_titles
        if key not in skip
    }


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


def _shared(platforms: list[Item]) -> list[str]:
    """The rows (keys) every account shows with the same value: said once, for all accounts,
    where there are two accounts or more."""
    if len(platforms) < 2:
        return []
    shown = [{row["key"]: (row["value"], row["note"]) for row in p["rows"]} for p in platforms]
    first = shown[0]
    return [key for key, value in first.items() if all(rows.get(key) == value for rows in shown)]


def platform_annex(labels: dict[str, Any], platforms: list[Item]) -> dict[str, Any]:
    """Annex 1: what is the same on every account once (`common`), then each account with the
    rest."""
    shared = _shared(platforms)
    common = [row for row in platforms[0]["rows"] if row["key"] in shared] if shared else []
    return {
        "common_heading": labels["platforms"]["common"] if common else "",
        "common": common,
        "platforms": [
            dict(platform, rows=[row for row in platform["rows"] if row["key"] not in shared])
            for platform in platforms
        ],
    }


def annexes(
    advice: Advice, labels: dict[str, Any], content: dict[str, Any]
) -> list[dict[str, Any]]:
    """The annexes that have something to show, numbered. `content` holds what the context
    made already: platforms, the predecessor's table, the access table, attention points and
    notes."""
    sections = _clause_sections(advice, labels)
    placed = _placed_sections(labels, sections)
    titles = advice.clause_titles
    extras = {"access": content["access_rows"], "predecessor": content["predecessor_rows"]}
    result = []
    for annex in labels["annexes"]:
        key = annex["key"]
        entry: dict[str, Any] = {"key": key, "title": annex["title"], "kind": key, "sections": []}
        if key == "platforms":
            present = bool(content["platforms"])
            if present:
                entry.update(platform_annex(labels, content["platforms"]))
        elif key == "attention":
            entry["points"], entry["notes"] = content["attention_points"], content["notes"]
            present = bool(entry["points"] or entry["notes"])
        else:
            entry["kind"] = "clauses"
            entry["sections"] = [
                {
                    "key": section,
                    "title": titles[section],
                    "clauses": sections[section],
                    "extra": extras.get(section) or [],
                    "extra_first": section in labels.get("tables_first", []),
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


def taken_over(advice: Advice, account: Account) -> PredecessorAccount | None:
    """The predecessor's account the minister takes over on the account's platform, if any."""
    accounts_ = advice.predecessor.accounts if advice.predecessor else ()
    return next((a for a in accounts_ if a.platform == account.key and a.taken_over), None)
