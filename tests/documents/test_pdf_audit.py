"""Every PDF the program makes passes the structural audit (pdf_audit.py: tags, artifacts,
language, title, PDF/A-2a and PDF/UA-1 metadata, headings, fonts, table headers); the audit
itself catches each kind of fault; the same session gives the same bytes, also on a machine
whose fontconfig knows no fonts at all; the text layer holds the words as written."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pikepdf
import pytest

from tests.hostile.corpus import NASTY, hostile_session
from wizard.core.engine import advise
from wizard.core.session import load_session, save_session
from wizard.documents.pdf import write_pdf
from wizard.documents.style import house_style

from .conftest import EXAMPLES, make_session, pdf_text, render, squash
from .pdf_audit import audit, table_header_cells

LIGATURES = re.compile("[\ufb00-\ufb06]")


@pytest.fixture(scope="module", params=EXAMPLES, ids=[path.name for path in EXAMPLES])
def example_pdfs(request, rulebook, tmp_path_factory):
    folder = tmp_path_factory.mktemp(request.param.name.removesuffix(".adviesgesprek.yaml"))
    render(load_session(request.param), rulebook, folder, ["pdf"])
    return folder


@pytest.mark.parametrize("kind", ["afspraken", "checklist", "verantwoording"])
def test_every_example_passes_the_audit(example_pdfs, kind):
    assert audit(example_pdfs / f"{kind}.pdf") == []


def test_table_headers_are_tagged(example_pdfs, rulebook):
    """The checklist's tables have their header row as TH cells (five columns), one table per
    moment with items; in the agreement, the table "Uw accounts" has one TH per column (three,
    or four with the predecessor's accounts) and the signature block one per party; no table is
    without header cells (labels and their values are lists, see docs/documents.md); the
    verantwoording has no table."""
    session = load_session(
        next(
            path
            for path in EXAMPLES
            if example_pdfs.name.rstrip("0123456789")
            == path.name.removesuffix(".adviesgesprek.yaml")
        )
    )
    checklist = table_header_cells(example_pdfs / "checklist.pdf")
    assert all(count == 5 for count in checklist), checklist
    advice = advise(session, rulebook)
    moments = {advice.moments[item.moment] for item in advice.checklist}
    assert len(checklist) == len(moments), (checklist, moments)
    headed = table_header_cells(example_pdfs / "afspraken.pdf")
    theirs = advice.predecessor.accounts if advice.predecessor else ()
    accounts = [4 if theirs else 3] if advice.platforms or theirs else []
    assert headed == [*accounts, 2], headed
    assert table_header_cells(example_pdfs / "verantwoording.pdf") == []


@pytest.mark.parametrize(
    "name", ["typst", "rtl_script", "combining", "emoji_zwj", "bidi_isolates", "long_word"]
)
def test_hostile_text_passes_the_audit(rulebook, tmp_path, name):
    from tests.hostile.corpus import HYBRID_FIELDS

    text = NASTY[name][:3000]
    render(hostile_session(text, HYBRID_FIELDS), rulebook, tmp_path, ["pdf"])
    for kind in ("afspraken", "checklist"):
        assert audit(tmp_path / f"{kind}.pdf") == [], kind


def test_a_concept_passes_the_audit_and_its_marks_are_artifacts(rulebook, tmp_path):
    """The CONCEPT label in the header and the watermark are artifacts; the error box on the
    first page is text a screen reader reads."""
    advice = advise(make_session(**{"minister.ministry": ""}), rulebook)
    path = write_pdf("afspraken", advice, house_style(rulebook), tmp_path / "concept.pdf")
    assert audit(path) == []
    with pikepdf.open(path) as pdf:
        artifacts, tagged = _text_by_marking(pdf.pages[0])
    assert "CONCEPT" in artifacts  # header label and watermark
    assert "Concept: nog niet definitief" in tagged and "CONCEPT" not in tagged


def _text_by_marking(page: pikepdf.Page) -> tuple[str, str]:
    """The text shown as artifacts and as tagged content on a page, decoded with ToUnicode
    (enough for the plain Latin text of the chrome)."""
    artifacts, tagged = [], []
    stack: list[bool] = []
    font = None
    maps: dict = {}
    for operands, operator in pikepdf.parse_content_stream(page):
        op = str(operator)
        if op in ("BDC", "BMC"):
            stack.append(str(operands[0]) == "/Artifact")
        elif op == "EMC":
            stack.pop()
        elif op == "Tf":
            font = page.Resources.Font[operands[0]]
            if font.objgen not in maps:
                maps[font.objgen] = _to_unicode(font)
        elif op in ("Tj", "TJ"):
            items = operands[0] if op == "TJ" else [operands[0]]
            codes = b"".join(bytes(item) for item in items if isinstance(item, pikepdf.String))
            text = "".join(
                maps[font.objgen].get(codes[i : i + 2], "") for i in range(0, len(codes), 2)
            )
            (artifacts if any(stack) else tagged).append(text)
    return " ".join(artifacts), " ".join(tagged)


def _to_unicode(font: pikepdf.Dictionary) -> dict[bytes, str]:
    cmap = font.ToUnicode.read_bytes().decode("latin-1")
    mapping = {}
    for source, target in re.findall(r"<([0-9A-Fa-f]{4})>\s*<([0-9A-Fa-f]+)>", cmap):
        mapping[bytes.fromhex(source)] = bytes.fromhex(target).decode("utf-16-be")
    return mapping


# --- the audit catches what it looks for -------------------------------------------------


def _broken(source: Path, target: Path, change) -> Path:
    with pikepdf.open(source) as pdf:
        change(pdf)
        pdf.save(target)
    return target


def _untagged_text(pdf: pikepdf.Pdf) -> None:
    page = pdf.pages[0]
    font = next(iter(page.Resources.Font.keys()))
    page.contents_add(pdf.make_stream(f"BT {font} 10 Tf 100 100 Td <0001> Tj ET".encode()))


def _no_to_unicode(pdf: pikepdf.Pdf) -> None:
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Dictionary) and obj.get("/Subtype") == "/Type0":
            del obj["/ToUnicode"]
            return


def _skipped_heading(pdf: pikepdf.Pdf) -> None:
    from .pdf_audit import structure

    for role, node, _ancestors in structure(pdf):
        if role == "/H2":
            node.S = pikepdf.Name("/H4")
            return


def _th_without_scope(pdf: pikepdf.Pdf) -> None:
    from .pdf_audit import structure

    for role, node, _ancestors in structure(pdf):
        if role == "/TH":
            del node["/A"]
            return


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda pdf: pdf.Root.__delattr__("Lang"), "/Lang"),
        (lambda pdf: pdf.Root.MarkInfo.__setattr__("Marked", False), "/Marked"),
        (lambda pdf: pdf.Root.__delattr__("StructTreeRoot"), "/StructTreeRoot"),
        (lambda pdf: pdf.Root.ViewerPreferences.__delattr__("DisplayDocTitle"), "DisplayDocTitle"),
        (_untagged_text, "outside a tag"),
        (_no_to_unicode, "ToUnicode"),
        (_skipped_heading, "heading level skipped"),
        (_th_without_scope, "without /Scope"),
    ],
    ids=["lang", "marked", "struct-tree", "title", "untagged", "to-unicode", "heading", "scope"],
)
def test_the_audit_finds_each_fault(rulebook, tmp_path, change, expected):
    advice = advise(make_session(), rulebook)
    good = write_pdf("checklist", advice, house_style(rulebook), tmp_path / "goed.pdf")
    assert audit(good) == []
    bad = _broken(good, tmp_path / "fout.pdf", change)
    problems = audit(bad)
    assert any(expected in problem for problem in problems), problems


def test_the_audit_finds_missing_pdfa_and_pdfua_metadata(rulebook, tmp_path):
    advice = advise(make_session(), rulebook)
    good = write_pdf("checklist", advice, house_style(rulebook), tmp_path / "goed.pdf")

    def strip_ids(pdf: pikepdf.Pdf) -> None:
        with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
            del meta["pdfaid:part"]
            del meta["pdfuaid:part"]

    problems = audit(_broken(good, tmp_path / "fout.pdf", strip_ids))
    assert any("pdfaid" in p for p in problems) and any("pdfuaid" in p for p in problems)


# --- the same bytes, everywhere -------------------------------------------------------------


@pytest.mark.slow
def test_the_same_session_gives_the_same_bytes(rulebook, tmp_path):
    """Also a second later: the PDF's date is the conversation's, not the clock's."""
    import time

    session = load_session(EXAMPLES[0])
    for run in ("a", "b"):
        render(session, rulebook, tmp_path / run, ["pdf"])
        time.sleep(1.1)
    with pikepdf.open(tmp_path / "a" / "afspraken.pdf") as pdf:
        date = str(session.get("conversation.date")).replace("-", "")
        assert str(pdf.docinfo["/CreationDate"]).startswith(f"D:{date}000000")
    for kind in ("afspraken", "checklist"):
        assert (tmp_path / "a" / f"{kind}.pdf").read_bytes() == (
            tmp_path / "b" / f"{kind}.pdf"
        ).read_bytes()


def test_a_machine_without_fonts_gives_the_same_bytes(cli, rulebook, tmp_path):
    """`render` in a process whose fontconfig knows no font folder at all (as on a machine
    without fonts), in another working directory and time zone, writes the same PDFs as
    this process with the machine's fonts."""
    session_file = tmp_path / "gesprek.adviesgesprek.yaml"
    save_session(make_session(**{"minister.name": "Eva שלום 👩🏽‍💻 e\u0301"}), session_file)
    render(load_session(session_file), rulebook, tmp_path / "hier", ["pdf"])
    config = tmp_path / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig></fontconfig>',
        encoding="utf-8",
    )
    elsewhere = tmp_path / "elders"
    elsewhere.mkdir()
    machine = {
        "FONTCONFIG_FILE": str(config),
        "FONTCONFIG_PATH": str(tmp_path),
        "HOME": str(elsewhere),
        "TZ": "Pacific/Kiritimati",
        "XDG_DATA_HOME": str(elsewhere),
        "XDG_CACHE_HOME": str(elsewhere),
    }
    result = cli(
        "render", session_file, "--out", tmp_path / "daar", cwd=elsewhere, env=machine, timeout=300
    )
    assert result.returncode == 0, result.stderr
    if shutil.which("fc-list"):
        fc_list = subprocess.run(
            ["fc-list"], env=dict(os.environ, **machine), capture_output=True, text=True
        )
        assert fc_list.returncode != 0 or not fc_list.stdout.strip()  # really no fonts there
    for kind in ("afspraken", "checklist"):
        assert (tmp_path / "hier" / f"{kind}.pdf").read_bytes() == (
            tmp_path / "daar" / f"{kind}.pdf"
        ).read_bytes(), kind


# --- the text layer ---------------------------------------------------------------------------


def test_the_text_layer_holds_the_words_as_written(rulebook, tmp_path):
    """No ligature characters: "verificatie", "officieel" and "fijn" are in the text as typed,
    in the order they were written (poppler, no normalising but whitespace)."""
    session = make_session(**{"conversation.notes": "De verificatie is officieel en fijn."})
    render(session, rulebook, tmp_path, ["pdf"])
    for kind in ("afspraken", "checklist"):
        text = pdf_text(tmp_path / f"{kind}.pdf")
        assert not LIGATURES.search(text), kind
    text = pdf_text(tmp_path / "afspraken.pdf")
    assert "verificatie" in text
    assert "De verificatie is officieel en fijn." in " ".join(text.split())
    assert squash("Ja; de RVD regelt de verificatie") in squash(text)
