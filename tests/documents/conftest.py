"""Document tests: Qt offscreen (set before PySide6 is imported), the built-in rulebook, the
examples, and helpers to read PDFs back."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import re  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from pypdf import PdfReader  # noqa: E402

from wizard.core.rulebook import builtin_rulebook  # noqa: E402
from wizard.core.session import Session, new_session  # noqa: E402
from wizard.documents.qtapp import ensure_gui_application  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.adviesgesprek.yaml"))


@pytest.fixture(scope="session", autouse=True)
def qt_application():
    """A QApplication, not just a QGuiApplication: the wizard's tests may run in the same
    process later and need widgets (Qt allows one application object per process)."""
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is None:
        QApplication([])
    return ensure_gui_application()


@pytest.fixture(scope="session")
def rulebook():
    return builtin_rulebook()


def squash(text: str) -> str:
    """Text without any whitespace: line breaks in a PDF fall anywhere."""
    return re.sub(r"\s+", "", text)


def pdf_pages(path: Path) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(str(path)).pages]


def pdf_text(path: Path) -> str:
    return "\n".join(pdf_pages(path))


def make_session(**values) -> Session:
    """A complete corporate conversation for a minister; `values` are dotted paths to set."""
    session = new_session()
    base = {
        "conversation.date": "2026-02-20", "conversation.advisor": "Sanne de Wit",
        "conversation.place": "Den Haag", "minister.name": "Eva de Vries",
        "minister.office": "minister", "minister.ministry": "BZK", "minister.party": "GL-PvdA",
        "minister.sworn_in": "2026-02-23", "variant": "corporate",
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
