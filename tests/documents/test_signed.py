"""The agreement as the minister reads it, and the documents as a screen reader reads them
(issue 26): her accounts named on the signed pages, room to sign, each arrangement said once,
no word meant for someone else (statement ids, program details, unexplained abbreviations, open
answers outside a concept), no hyphenated word, and tags both PDF/UA checkers accept."""

from __future__ import annotations

import zipfile

import pikepdf
import pytest
from outloud import check
from pdfua import Severity, validate

from tests.hostile.docs import HAVE_POPPLER, WATERMARK_PT, read_pdf
from wizard.core.engine import advise
from wizard.core.session import load_session
from wizard.documents.style import house_style

from .conftest import EXAMPLES, make_session, render, squash
from .reading import (
    first_use_problems,
    key_phrases,
    open_words,
    program_words,
    repeated,
    statement_ids,
    text_of,
)

SIGNATURE = "Ondertekening"
SIGN_HERE = "Handtekening:"
SIGNATURE_SPACE_PT = 56.0  # 2 cm
KINDS = ("afspraken", "checklist", "verantwoording")


@pytest.fixture(scope="module", params=EXAMPLES, ids=[path.name for path in EXAMPLES])
def example(request, rulebook, tmp_path_factory):
    """Every example rendered once: its PDFs, HTML and ODT."""
    session = load_session(request.param)
    folder = tmp_path_factory.mktemp(request.param.name.split(".")[0])
    render(session, rulebook, folder, ["pdf", "html", "odt"])
    return request.param.name, advise(session, rulebook), folder


def _signed_text(folder) -> str:
    """The text of the agreement's signed pages, read from the PDF: up to the signature."""
    pdf = read_pdf(folder / "afspraken.pdf")
    return pdf.body_text.split(SIGNATURE)[0]


def test_the_signed_pages_name_every_account_of_the_configuration(example):
    _, advice, folder = example
    signed = squash(_signed_text(folder))
    for key, account in advice.configuration["platforms"].items():
        label = advice.platforms[key].label
        handle = f"@{account['handle']}" if account["handle"] else "(nogniet"
        assert squash(f"{label}{handle}") in signed, key


def test_no_statement_id_anywhere_in_the_agreement(example, rulebook):
    """Not as text, not in a link, not in the ODT: the sources are the verantwoording's."""
    _, _advice, folder = example
    known = set(rulebook.statements)
    texts = {
        "pdf": read_pdf(folder / "afspraken.pdf").text,
        "html": (folder / "afspraken.html").read_text(encoding="utf-8"),
        "odt": zipfile.ZipFile(folder / "afspraken.odt").read("content.xml").decode(),
    }
    for name, text in texts.items():
        assert not statement_ids(text, known), name
        assert "Bronnen" not in text, name


def test_each_arrangement_is_said_once_on_the_signed_pages(example):
    _, advice, folder = example
    signed = _signed_text(folder)
    assert not repeated(signed, key_phrases(advice))


def test_no_open_answer_or_assumption_without_the_concept_mark(example):
    _, advice, folder = example
    pdf = read_pdf(folder / "afspraken.pdf").text
    page = text_of((folder / "afspraken.html").read_text(encoding="utf-8"))
    for text in (pdf, page):
        assert advice.is_concept or not open_words(text), open_words(text)
        assert advice.is_concept == ("CONCEPT" in pdf)


def test_no_word_meant_for_someone_else(example):
    """No program detail, and every abbreviation explained where it is first used."""
    _, _advice, folder = example
    page = text_of((folder / "afspraken.html").read_text(encoding="utf-8"))
    body = read_pdf(folder / "afspraken.pdf").body_text
    for text in (page, body):
        assert not program_words(text)
        assert not first_use_problems(text)


def test_no_word_is_hyphenated(example):
    """Typst marks every place where it hyphenated a word with a soft hyphen in the text."""
    _, _advice, folder = example
    for kind in KINDS:
        assert "\u00ad" not in read_pdf(folder / f"{kind}.pdf").text, kind


def test_a_long_title_and_name_stay_whole(rulebook, tmp_path):
    name = "Anna-Sophie Westerveld-Groenendijk van Oosterhout"
    session = make_session(
        **{
            "minister.name": name,
            "minister.office": "state_secretary",
            "minister.post": "Herstel Groningen en Versterking Noordoost-Nederland",
        }
    )
    render(session, rulebook, tmp_path, ["pdf"])
    pdf = read_pdf(tmp_path / "afspraken.pdf")
    assert "\u00ad" not in pdf.text
    # Whole, or broken only at a hyphen of its own ("Noordoost-" at the end of a line).
    words = {part for word in pdf.words for part in word.text.strip(",.()").split("-")}
    for word in (*name.replace("-", " ").split(), "Groningen", "Versterking", "Noordoost"):
        assert word in words, word


@pytest.mark.skipif(not HAVE_POPPLER, reason="pdftotext -bbox gives the place of every word")
def test_at_least_two_centimetres_to_sign(example):
    """Below each "Handtekening:" at least 56 pt (2 cm) of free space, measured from the PDF to
    the next word below it in the same column."""
    _, _advice, folder = example
    pdf = read_pdf(folder / "afspraken.pdf")
    labels = [word for word in pdf.words if word.text == SIGN_HERE]
    assert len(labels) == 2
    for label in labels:
        below = [
            word
            for word in pdf.words
            if word.page == label.page
            and word.top > label.bottom
            and word.right > label.left
            and word.left < label.left + 200
            and word.bottom - word.top < WATERMARK_PT  # not a letter of CONCEPT
        ]
        assert below, "nothing under the signature: the page is cut?"
        space = min(word.top for word in below) - label.bottom
        assert space >= SIGNATURE_SPACE_PT, space


def test_the_corporate_agreement_has_at_most_six_pages(rulebook, tmp_path):
    session = load_session(next(path for path in EXAMPLES if path.name.startswith("corporate-m")))
    render(session, rulebook, tmp_path, ["pdf"])
    assert read_pdf(tmp_path / "afspraken.pdf").pages <= 6


def test_the_agreement_ends_with_where_the_sources_are(example, rulebook):
    _, _advice, folder = example
    line = house_style(rulebook).labels["sources_line"]
    assert squash(read_pdf(folder / "afspraken.pdf").body_text).endswith(squash(line))
    assert text_of((folder / "afspraken.html").read_text(encoding="utf-8")).endswith(line)


# --- what a screen reader gets -----------------------------------------------------------------


def _alternative_texts(path) -> list[str]:
    """The alternative texts of the figures of a tagged PDF, in the order of its tags."""
    found = []
    with pikepdf.open(path) as pdf:
        waiting = [pdf.Root.StructTreeRoot]
        while waiting:
            node = waiting.pop()
            if isinstance(node, pikepdf.Dictionary):
                if node.get("/S") == "/Figure" and "/Alt" in node:
                    found.append(str(node.Alt))
                kids = node.get("/K")
                if isinstance(kids, pikepdf.Array):
                    waiting.extend(reversed(list(kids)))
                elif isinstance(kids, pikepdf.Dictionary):
                    waiting.append(kids)
    return found


def test_every_mark_says_what_it_means(example, rulebook):
    """☑ and ☐ of the consequences say "besproken" or "nog niet besproken", the checklist's ☐
    what it is for, in the PDF and in the HTML; the checklist's box column is headed "Gereed"."""
    _, advice, folder = example
    labels = house_style(rulebook).labels
    words = labels["consequences"]
    expected = [
        words["acknowledged"] if item.acknowledged else words["not_acknowledged"]
        for item in advice.consequences
    ]
    assert _alternative_texts(folder / "afspraken.pdf") == expected
    page = (folder / "afspraken.html").read_text(encoding="utf-8")
    assert page.count('role="img" aria-label=') == len(expected)
    boxes = _alternative_texts(folder / "checklist.pdf")
    assert boxes == [labels["checklist"]["box"]] * len(advice.checklist)
    done = labels["checklist"]["done"]
    assert done == "Gereed"
    checklist = (folder / "checklist.html").read_text(encoding="utf-8")
    assert "✓" not in checklist
    if advice.checklist:
        assert squash(f"{done}Actie") in squash(read_pdf(folder / "checklist.pdf").text)
        assert f">{done}</th>" in checklist


@pytest.mark.slow
@pytest.mark.parametrize("kind", KINDS)
def test_both_pdf_ua_checkers_find_no_error(example, kind):
    """PyPI `pdfua` and `outloud`: no error (a warning, such as a web address without a link,
    is not one) on the agreement, the checklist and the verantwoording of every example."""
    _, _advice, folder = example
    path = folder / f"{kind}.pdf"
    report = validate(str(path))
    errors = [finding for finding in report.findings if finding.severity == Severity.ERROR]
    assert not errors, [(finding.rule_id, finding.message) for finding in errors]
    result = check(str(path))
    assert result.verdict != "unreadable" and result.errors == 0, [
        (finding.rule, finding.page, finding.message)
        for finding in result.sorted_findings()
        if finding.severity == "error"
    ]
