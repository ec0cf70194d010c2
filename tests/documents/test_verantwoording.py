"""The verantwoording (issue 26): for the advisor, every rule the agreement and the checklist
print, with the statements it rests on as a reader finds them (the document, the section, the
statement quoted, a small number; never its id); the assumptions and proposals; the answers
that no longer apply and those a finding withholds. Written by `render` and `batch` beside the
agreement."""

from __future__ import annotations

import pytest

from tests.hostile.docs import read_pdf
from wizard.core.engine import advise
from wizard.core.rulebook import source_words
from wizard.core.session import load_session, save_session
from wizard.documents import verantwoording
from wizard.documents.context import document_context
from wizard.documents.html import document_html
from wizard.documents.style import house_style

from .conftest import EXAMPLES, batch, make_session, render
from .reading import statement_ids, text_of, verantwoording_quotes, verantwoording_rules


def printed_rules(advice, style) -> list[tuple[str, tuple[str, ...]]]:
    """(text as printed, statement ids) of every rule the agreement and the checklist print,
    read from their own contexts."""
    agreement = document_context("afspraken", advice, style)
    rules = []
    for item in (agreement["variant"], agreement["personal_account"]):
        if item:
            rules.append((item["summary"], item["source"]))
    for items in (
        agreement["consequences"],
        agreement["options"],
        agreement["roles"],
        agreement["election_points"],
        agreement["predecessor_summary"],
    ):
        rules += [(item["text"], item["source"]) for item in items]
    rules += [(item["short"], item["source"]) for item in agreement["principles"]]
    rules += [
        ("; ".join(row["predecessor"]), row["source"])
        for row in agreement["accounts"]
        if row["predecessor"]
    ]
    for table in agreement["platforms"]:
        rules += [(row["value"], row["source"]) for row in table["rows"] if row["source"]]
    for annex in agreement["annexes"]:
        for section in annex["sections"]:
            rules += [(clause["text"], clause["source"]) for clause in section["clauses"]]
        rules += [(point["text"], point["source"]) for point in annex.get("points", [])]
    checklist = document_context("checklist", advice, style)
    for moment in checklist["checklist_moments"]:
        rules += [(entry["text"], entry["source"]) for entry in moment["entries"]]
    return rules


def justification_problems(advice, style) -> list[str]:
    """What the verantwoording's HTML does not justify: a rule printed in the agreement or the
    checklist that it does not show with exactly the numbers of its statements, or a
    statement it lists in other words than `source_words`."""
    page = document_html("verantwoording", advice, style, standalone=True)
    shown = verantwoording_rules(page)
    quotes = verantwoording_quotes(page)
    read = text_of(page)
    problems = []
    for text, ids in printed_rules(advice, style):
        sources = advice.describe(ids)
        numbers = sorted(source.number for source in sources)
        if not any(text in rule and sorted(refs) == numbers for rule, refs in shown):
            problems.append(f"not justified: {text[:60]!r} {numbers}")
        for source in sources:
            where, quote = source_words(source)
            if quotes.get(source.number) != quote:
                problems.append(f"statement {source.number} not quoted as {quote[:40]!r}")
            if where not in read:
                problems.append(f"not found where: {where}")
    return problems


@pytest.fixture(scope="module")
def style(rulebook):
    return house_style(rulebook)


@pytest.mark.parametrize("path", EXAMPLES, ids=[path.name for path in EXAMPLES])
def test_every_printed_rule_is_in_the_verantwoording_with_its_quotes(path, rulebook, style):
    advice = advise(load_session(path), rulebook)
    assert not justification_problems(advice, style)


def test_the_test_sees_a_rule_left_out(rulebook, style, monkeypatch):
    """The check above fails when the verantwoording leaves a rule out."""
    advice = advise(make_session(), rulebook)
    assert not justification_problems(advice, style)
    monkeypatch.setattr(verantwoording, "_choice", lambda cited, agreement: [])
    assert justification_problems(advice, style)


def test_render_and_batch_write_it_beside_the_agreement(rulebook, tmp_path):
    session = make_session()
    render(session, rulebook, tmp_path / "render", ["pdf", "html"])
    for name in ("verantwoording.pdf", "verantwoording.html", "afspraken.pdf"):
        assert (tmp_path / "render" / name).is_file(), name
    sessions = tmp_path / "sessions"
    sessions.mkdir()
    save_session(session, sessions / "een.adviesgesprek.yaml")
    result = batch(sessions, tmp_path / "batch", rulebook, ["pdf", "html"])
    [made] = result.made
    assert {path.name for path in made.written} >= {"verantwoording.pdf", "verantwoording.html"}


@pytest.mark.parametrize("path", EXAMPLES[:3], ids=[path.name for path in EXAMPLES[:3]])
def test_no_statement_id_as_text(path, rulebook, style, tmp_path):
    """Statement ids at most as small numbers: never in the text of the PDF or the HTML."""
    render(load_session(path), rulebook, tmp_path, ["pdf", "html"])
    known = set(rulebook.statements)
    assert not statement_ids(read_pdf(tmp_path / "verantwoording.pdf").text, known)
    page = (tmp_path / "verantwoording.html").read_text(encoding="utf-8")
    assert not statement_ids(page, known)


def test_assumptions_proposals_and_answers_that_do_not_apply(rulebook, style):
    """An assumed account of the predecessor and a proposed handle are there to check in the
    conversation; an answer that no longer applies is named with why; one a finding withholds
    with the finding."""
    session = make_session(
        **{
            "predecessor": {"name": "Hugo de Jonge", "variant": "corporate"},
            "platforms.linkedin": {"use": True, "form": "showcase", "account": "new"},
            "motivation": "Een oude motivering.",
            "access.people": "De politiek assistent van de partij",
        }
    )
    advice = advise(session, rulebook)
    assert advice.predecessor.assumed and "motivation" in [i.path for i in advice.inactive]
    assert advice.withheld == ["access.people"]
    text = text_of(document_html("verantwoording", advice, style, standalone=True))
    words = style.labels["verantwoording"]
    assert words["assumptions"]["heading"] in text
    for account in advice.predecessor.accounts:
        assert (f"{account.label}: {account.kind_label}" in text) == account.assumed
    linkedin = advice.platforms["linkedin"]
    assert linkedin.handle_is_suggestion and f"@{linkedin.handle}, is een voorstel" in text
    [motivation] = [item for item in advice.inactive if item.path == "motivation"]
    assert f"{words['answers']['motivation']}: {motivation.reason}" in text
    [finding] = [item for item in advice.findings if item.path == "access.people"]
    assert f"{words['answers']['access.people']}: {finding.message}" in text
    assert "Een oude motivering." not in text and "De politiek assistent van de" not in text
