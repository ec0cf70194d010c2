"""Invariants of the documents over the whole grid of tests/core/test_grid.py (every variant,
account, platform set-up, predecessor, archiving answer, change of cabinet and election time):
the documents are a view of the advice, so what one output names, the others name too; the
agreement reads as the minister reads it, and the verantwoording justifies all of it (issue 26).

Made from the documents' context and their HTML (not the PDFs), so that the grid's
conversations (some 1,500) take under a minute. Every grid session also has a bio with a party
reference on each of its accounts, so that answers a finding withholds are there to leak.
"""

from __future__ import annotations

import ast
import html
import re
from pathlib import Path

import pytest

from tests.core.test_grid import _grid
from wizard.core.engine import advise
from wizard.documents.batch import rvd_rows
from wizard.documents.context import document_context
from wizard.documents.html import document_html
from wizard.documents.style import house_style

from .conftest import ROOT
from .reading import (
    first_use_problems,
    key_phrases,
    open_words,
    program_words,
    repeated,
    statement_ids,
    text_of,
    without_concept_box,
)
from .test_verantwoording import justification_problems

# Every conversation of the grid through the documents.
pytestmark = pytest.mark.slow

# The checklist items the RVD does, and which request each is; `new-rename-meta` is a request
# only when a name turns out to be wrong ("Als de naam ... niet klopt").
RVD_ITEMS = {"meta-swap": "meta_archive_swap", "new-verification-rvd": "verification"}
CONDITIONAL_ITEMS = {"new-rename-meta"}
# The agreement's clauses that name the platforms of a request to the RVD.
RVD_CLAUSES = {
    "verification-rvd": "verification",
    "predecessor-meta-swap": "meta_archive_swap",
    "predecessor-meta-swap-single": "meta_archive_swap",
    "summary-meta-swap": "meta_archive_swap",
}
FIRST_ANNEX = '<h2 class="annex">'


def _with_party_bios(session):
    """The session with a bio that names the party on each used platform (a different one
    each, so that one printed where it may be cannot hide another that leaked)."""
    for key, entry in (session.get("platforms") or {}).items():
        if entry.get("use"):
            session.set(f"platforms.{key}.bio", f"Bewindspersoon op {key}, lid van het CDA.")
    return session


def _text(page: str) -> str:
    """The text a reader sees in an HTML page, white space made single."""
    body = page.split("<body", 1)[-1]
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split())


def _cells(row: str) -> list[str]:
    return [_text(cell) for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)]


@pytest.fixture(scope="module")
def style(rulebook):
    return house_style(rulebook)


@pytest.fixture(scope="module")
def grid(rulebook, style):
    """(label, session, advice, signed part of the agreement's HTML, the agreement's and the
    checklist's text where the advice withholds an answer, the agreement's whole HTML) of every
    grid session."""
    made = []
    for label, session in _grid():
        session = _with_party_bios(session)
        advice = advise(session, rulebook)
        agreement = document_html("afspraken", advice, style, standalone=True)
        texts = ("", "")
        if advice.withheld:
            checklist = document_html("checklist", advice, style, standalone=True)
            texts = (_text(agreement), _text(checklist))
        made.append((label, session, advice, agreement.split(FIRST_ANNEX)[0], texts, agreement))
    return made


def _named_requests(advice, style, rulebook) -> set[tuple[str, str]]:
    """(platform name, request) of every request to the RVD the agreement's clauses and the
    checklist's items name."""
    labels = [platform["label"] for platform in rulebook.platforms.values()]
    agreement = document_context("afspraken", advice, style)
    clauses = [
        *agreement["election_points"],
        *agreement["predecessor_summary"],
        *(
            clause
            for annex in agreement["annexes"]
            for section in annex["sections"]
            for clause in section["clauses"]
        ),
    ]
    named = set()
    for clause in clauses:
        if clause["id"] in RVD_CLAUSES:
            found = [
                name for name in labels if re.search(rf"\b{re.escape(name)}\b", clause["text"])
            ]
            assert found, clause
            named |= {(name, RVD_CLAUSES[clause["id"]]) for name in found}
    rvd = rulebook.data["owners"]["rvd"]
    checklist = document_context("checklist", advice, style)
    for moment in checklist["checklist_moments"]:
        for entry in moment["entries"]:
            if entry["owner"] != rvd or entry["id"] in CONDITIONAL_ITEMS:
                continue
            assert entry["id"] in RVD_ITEMS, f"an RVD item the test does not know: {entry}"
            named.add((entry["platform"], RVD_ITEMS[entry["id"]]))
    return named


def test_the_rvd_list_is_every_request_the_documents_name(grid, style, rulebook):
    """(a) Reading 13: every request to the RVD the agreement or the checklist names is a row
    of rvd-aanlevering.csv, and every row is such a request, once."""
    labels = style.labels["csv"]
    requests = {
        labels["request_archive_swap"]: "meta_archive_swap",
        labels["request_verification"]: "verification",
    }
    checked = 0
    for label, _session, advice, _signed, _texts, _page in grid:
        rows = [(row[4], requests[row[6]]) for row in rvd_rows("f", advice, style.labels)]
        assert len(rows) == len(set(rows)), (label, rows)
        assert set(rows) == _named_requests(advice, style, rulebook), label
        checked += bool(rows)
    assert checked > 100  # the grid has requests of both kinds to compare


def test_the_signed_part_names_every_account(grid, style, rulebook):
    """(b) Every account of the configuration is a row of "Uw accounts" in the signed part:
    its platform and its handle ("(nog niet ingevuld)" where none is known yet); a platform
    where only the predecessor had an account is a row too."""
    missing = style.labels["not_filled"]
    for label, _session, advice, signed, _texts, _page in grid:
        accounts = advice.configuration["platforms"]
        if not accounts:
            continue
        assert '<table class="list accounts"' in signed, label
        table = signed.split('<table class="list accounts"')[1].split("</table>")[0]
        rows = [_cells(row) for row in re.findall(r"<tr>(.*?)</tr>", table.split("<tbody>")[1])]
        theirs = (
            {item.platform for item in advice.predecessor.accounts} if advice.predecessor else set()
        )
        assert len(rows) == len(set(accounts) | theirs), (label, rows)
        for key, account in accounts.items():
            name = rulebook.platforms[key]["label"]
            handle = f"@{account['handle']}" if account["handle"] else missing
            assert any(
                row[0] == name and row[1].split(" (")[0] == handle.split(" (")[0] for row in rows
            ), (label, key, rows)


def test_no_withheld_answer_is_printed(grid):
    """(c) An answer a finding withholds (a political assistant with access to an account of
    the post, a bio with a party reference on one) is in neither the agreement nor the
    checklist."""
    withheld = set()
    for label, session, advice, _signed, (agreement, checklist), _page in grid:
        for path in advice.withheld:
            value = " ".join(str(session.get(path)).split())
            assert value not in agreement, (label, path)
            assert value not in checklist, (label, path)
            withheld.add(path.split(".")[0] + "." + path.split(".")[-1])
    assert {"access.people", "platforms.bio"} <= withheld, withheld  # the test has cases


def test_no_statement_id_in_any_agreement(grid, rulebook):
    """(e) The sources are the verantwoording's: no agreement holds a statement id, as text or
    in its markup."""
    known = set(rulebook.statements)
    for label, _session, _advice, _signed, _texts, page in grid:
        assert not statement_ids(page, known), label


def test_the_signed_part_says_each_arrangement_once(grid):
    """(f) Each of the key phrases at most once in the signed part (the CONCEPT box of open
    points aside: a concept is not signed)."""
    for label, _session, advice, signed, _texts, _page in grid:
        assert not repeated(text_of(without_concept_box(signed)), key_phrases(advice)), label


def test_no_word_meant_for_someone_else_in_any_agreement(grid):
    """(g) Outside a concept no open answer or assumption; never a program detail or an
    abbreviation before its explanation."""
    for label, _session, advice, _signed, _texts, page in grid:
        text = text_of(page)
        assert advice.is_concept or not open_words(text), label
        assert not program_words(text), label
        assert not first_use_problems(text), label


def test_the_verantwoording_justifies_every_printed_rule(grid, style):
    """(h) Every rule the agreement and the checklist print is in the verantwoording with the
    numbers of its statements, and every statement quoted in the words of `source_words`."""
    for label, _session, advice, _signed, _texts, _page in grid:
        assert not justification_problems(advice, style), label


# --- the documents read nothing but the advice and the house style --------------------------

DOCUMENTS = ROOT / "wizard" / "documents"


def _problems(path: Path) -> list[str]:
    """What a module of the documents must not do: import the engine or the Session, call
    `advise`, read a rulebook's data, or take a Rulebook (only style.py does)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    problems = []
    for node in ast.walk(tree):
        where = f"{path.name}:{getattr(node, 'lineno', 0)}"
        if isinstance(node, ast.Import | ast.ImportFrom):
            module = node.module if isinstance(node, ast.ImportFrom) else None
            modules = [module] if module else [alias.name for alias in node.names]
            names = {alias.name for alias in node.names}
            if any(name and name.startswith("wizard.core.engine") for name in modules):
                problems.append(f"{where} imports the engine")
            if module == "wizard.core.session" and "Session" in names:
                problems.append(f"{where} imports Session")
            if "Rulebook" in names and path.name != "style.py":
                problems.append(f"{where} imports Rulebook")
        elif isinstance(node, ast.Call):
            function = node.func
            name = function.id if isinstance(function, ast.Name) else getattr(function, "attr", "")
            if name == "advise":
                problems.append(f"{where} calls advise")
        elif isinstance(node, ast.Attribute) and node.attr == "data":
            problems.append(f"{where} reads .data")
    return problems


def test_no_document_module_advises_or_reads_the_rulebooks_data():
    """(d) The documents are a view of the advice: no module of wizard/documents imports the
    engine or the Session, calls advise, reads `.data` (the rulebook's raw data) or takes a
    Rulebook, but style.py's `house_style`."""
    modules = sorted(DOCUMENTS.glob("*.py"))
    assert len(modules) > 10
    problems = [problem for path in modules for problem in _problems(path)]
    assert not problems, problems
