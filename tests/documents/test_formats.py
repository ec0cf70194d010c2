"""PDF (A4, PDF/A-2a and PDF/UA-1, metadata), print, ODT (and LibreOffice), standalone HTML.
The PDF's structure is audited in test_pdf_audit.py."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from xml.etree import ElementTree

import pytest
from pypdf import PdfReader

from wizard.core.engine import advise
from wizard.core.session import load_session
from wizard.documents.pdf import write_pdf
from wizard.documents.style import house_style

from .conftest import EXAMPLES, html_of, make_session, pdf_pages, pdf_text, render, squash

ODF = {
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
}


def test_pdf_is_a4_pdfa_and_pdfua_with_metadata(rulebook, tmp_path):
    advice = advise(make_session(), rulebook)
    path = write_pdf("afspraken", advice, house_style(rulebook), tmp_path / "a.pdf")
    reader = PdfReader(str(path))
    box = reader.pages[0].mediabox
    assert abs(float(box.width) - 595.3) < 1.5 and abs(float(box.height) - 841.9) < 1.5
    info = reader.metadata
    assert info.title == "Afspraken sociale media – Eva de Vries"
    assert info.author == "Sanne de Wit"
    assert info.creator.startswith("Typst ")
    xmp = path.read_bytes()
    assert re.search(rb"pdfaid:part[=>\"']+2", xmp)
    assert re.search(rb"pdfaid:conformance[=>\"']+A", xmp)
    assert re.search(rb"pdfuaid:part[=>\"']+1", xmp)


def test_printing_gives_both_documents_with_their_own_numbering(rulebook, tmp_path, qt_application):
    """Printing draws the PDF's own pages (as images) on the printer: as many sheets as the two
    PDFs have pages, at the printer's resolution."""
    from PySide6.QtPrintSupport import QPrinter

    from wizard.documents.printing import print_documents

    session = load_session(EXAMPLES[0])
    render(session, rulebook, tmp_path, ["pdf"])
    expected = len(pdf_pages(tmp_path / "afspraken.pdf")) + len(
        pdf_pages(tmp_path / "checklist.pdf")
    )
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "print.pdf"))
    print_documents(printer, advise(session, rulebook), house_style(rulebook))
    reader = PdfReader(str(tmp_path / "print.pdf"))
    assert len(reader.pages) == expected
    for page in reader.pages:
        images = list(page.images)
        assert len(images) == 1
        assert images[0].image.width >= 8 * printer.resolution()  # 8.27 inches of A4


def _odt_parts(path):
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        first = archive.infolist()[0]
        return names, first, {name: archive.read(name) for name in names}


def test_odt_is_a_valid_editable_document(rulebook, tmp_path):
    render(make_session(), rulebook, tmp_path, ["odt"])
    names, first, parts = _odt_parts(tmp_path / "afspraken.odt")
    assert first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED
    assert parts["mimetype"] == b"application/vnd.oasis.opendocument.text"
    assert {"content.xml", "styles.xml", "meta.xml", "META-INF/manifest.xml"} <= set(names)
    content = ElementTree.fromstring(parts["content.xml"])
    headings = content.findall(".//text:h", ODF)
    assert headings and {h.get(f"{{{ODF['text']}}}outline-level") for h in headings} >= {"1"}
    assert "Uw keuze" in "".join(headings[0].itertext())
    annexes = [h for h in headings if h.get(f"{{{ODF['text']}}}style-name") == "Annex_20_Heading"]
    assert "Bijlage 1. Inrichting per account" in "".join(annexes[0].itertext())
    assert b'style:name="Annex_20_Heading"' in parts["styles.xml"]
    assert b'fo:break-before="page"' in parts["styles.xml"]  # every annex on a new page
    styles = ElementTree.fromstring(parts["styles.xml"])
    assert styles.find(".//text:page-number", ODF) is not None
    assert styles.find(".//text:page-count", ODF) is not None
    layout = styles.find(".//style:page-layout-properties", ODF)
    assert layout is not None, "styles.xml has no page layout"
    page = {side: layout.get(f"{{{ODF['fo']}}}page-{side}") for side in ("width", "height")}
    assert page == {"width": "21cm", "height": "29.7cm"}  # A4, as the PDF
    _, _, checklist = _odt_parts(tmp_path / "checklist.odt")
    root = ElementTree.fromstring(checklist["content.xml"])
    assert root.findall(".//{urn:oasis:names:tc:opendocument:xmlns:table:1.0}table-header-rows")


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_opens_and_converts_the_odt(rulebook, tmp_path):
    session = make_session(**{"minister.name": "<b>x</b> {{ 7*7 }} Ünal"})
    render(session, rulebook, tmp_path, ["odt"])
    profile = tmp_path / "lo-profiel"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path / "lo"),
            str(tmp_path / "afspraken.odt"),
            str(tmp_path / "checklist.odt"),
        ],
        check=True,
        capture_output=True,
        timeout=240,
    )
    for kind, title in (
        ("afspraken", "Afspraken sociale media"),
        ("checklist", "Checklist nieuwe bewindspersoon"),
    ):
        pages = pdf_pages(tmp_path / "lo" / f"{kind}.pdf")
        assert len(pages) >= 1
        assert squash("<b>x</b> {{ 7*7 }} Ünal") in squash(pages[0])
        assert squash(title) in squash(pages[0])
        assert squash(f"pagina 1 van {len(pages)}") in squash(pages[0])
    assert squash("Alleen de directie Communicatie heeft toegang") in squash(
        pdf_text(tmp_path / "lo" / "afspraken.pdf")
    )


def test_standalone_html_is_accessible(rulebook):
    text = html_of("afspraken", make_session(), rulebook, standalone=True)
    assert text.startswith("<!DOCTYPE html>")
    assert '<html lang="nl">' in text
    assert '<meta charset="utf-8">' in text
    assert text.count("<h1>") == 1 and text.count("<h2") >= 8
    assert '<th scope="row"' in text
    assert "<style>" in text and "font-family" in text
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", text)  # nothing from outside
    checklist = html_of("checklist", make_session(), rulebook, standalone=True)
    assert '<th scope="col"' in checklist and "Gereed" in checklist
