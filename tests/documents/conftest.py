"""Document tests: the built-in rulebook, the examples, and helpers to read PDFs back. The
documents need no Qt; printing and the wizard's tests do (offscreen, set before PySide6 is
imported)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from wizard.cli import file_adviser
from wizard.core.engine import advise
from wizard.core.rulebook import Rulebook, builtin_rulebook
from wizard.core.session import Session, new_session
from wizard.documents.batch import BatchResult, batch_folder
from wizard.documents.export import write_outputs
from wizard.documents.html import document_html
from wizard.documents.style import house_style

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.adviesgesprek.yaml"))


@pytest.fixture(scope="session")
def qt_application():
    """A QApplication (for printing), not just a QGuiApplication: the wizard's tests may run in
    the same process later and need widgets (Qt allows one application object per process)."""
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication([])


@pytest.fixture(scope="session")
def rulebook():
    return builtin_rulebook()


def render(
    session: Session, rulebook: Rulebook, folder: Path, formats=("pdf",), progress=None
) -> list[Path]:
    """`render`: the session advised, its documents written into `folder`."""
    advice = advise(session, rulebook)
    return write_outputs(advice, house_style(rulebook), folder, list(formats), progress=progress)


def batch(in_dir: Path, out_dir: Path, rulebook: Rulebook, formats, progress=None) -> BatchResult:
    """`batch` as the command line runs it: each file read and advised under `rulebook`."""
    return batch_folder(
        in_dir,
        out_dir,
        file_adviser(rulebook),
        house_style(rulebook),
        list(formats),
        progress=progress,
    )


def html_of(kind: str, session: Session, rulebook: Rulebook, standalone: bool = False) -> str:
    """The HTML of a document of the session (the ODT's source, or the standalone export)."""
    advice = advise(session, rulebook)
    return document_html(kind, advice, house_style(rulebook), standalone=standalone)


def squash(text: str) -> str:
    """Text without any whitespace: line breaks in a PDF fall anywhere. Also without soft
    hyphens: where Typst hyphenates a word at the end of a line, the PDF's text holds U+00AD
    there (the standard mark of a hyphenation point, invisible to a search), never a "-"."""
    return re.sub(r"[\s\u00ad]+", "", text)


def pdf_pages(path: Path) -> list[str]:
    """The text of every page. Read with poppler's pdftotext where installed (.ci/run installs
    it): it honours the PDF's ActualText, which Typst writes where a glyph's text differs from
    its usual one (a "-" whose glyph is mapped to a soft hyphen because the same glyph ended a
    hyphenated line earlier). `-raw` keeps the order in which the page was written (reading
    order), so that the large, rotated CONCEPT watermark does not cut through the lines.
    pypdf, the fallback, ignores ActualText."""
    if shutil.which("pdftotext"):
        result = subprocess.run(
            ["pdftotext", "-raw", "-enc", "UTF-8", str(path), "-"],
            capture_output=True,
            check=True,
            timeout=300,
        )
        return result.stdout.decode("utf-8").split("\f")[:-1]
    return [page.extract_text() or "" for page in PdfReader(str(path)).pages]


def pdf_text(path: Path) -> str:
    """The text of the pages' bodies, without the page headers, footers and the CONCEPT
    watermark (which a paragraph running over two pages would otherwise have in its middle);
    all pages' text where poppler is missing."""
    if shutil.which("pdftotext"):
        from tests.hostile.docs import read_pdf

        return read_pdf(path).body_text
    return "\n".join(pdf_pages(path))


def make_session(**values) -> Session:
    """A complete corporate conversation for a minister; `values` are dotted paths to set."""
    session = new_session()
    base = {
        "conversation.date": "2026-02-20",
        "conversation.advisor": "Sanne de Wit",
        "conversation.place": "Den Haag",
        "minister.name": "Eva de Vries",
        "minister.office": "minister",
        "minister.ministry": "BZK",
        "minister.party": "GL-PvdA",
        "minister.sworn_in": "2026-02-23",
        "variant": "corporate",
        "platforms.x": {"use": True, "account": "takeover", "handle": "MinisterBZK"},
        "platforms.instagram": {"use": True, "account": "takeover", "handle": "ministerbzk"},
    }
    base.update(values)
    for path, value in base.items():
        if value is None:
            session.remove(path)
        else:
            session.set(path, value)
    return session
