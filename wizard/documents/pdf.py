"""PDF through Qt: QTextDocument on a QPdfWriter, A4, PDF/A-1b, headers and footers drawn by
the shared paged layout (`wizard.documents.paged`, also used for printing)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtGui import QPagedPaintDevice, QPdfWriter

from wizard.core.engine import Advice, advise
from wizard.core.rulebook import Rulebook
from wizard.core.session import Session
from wizard.documents.html import clean_text
from wizard.documents.paged import a4_layout, lay_out, paint_documents
from wizard.documents.qtapp import ensure_gui_application
from wizard.documents.templating import chrome
from wizard.paths import project_version

RESOLUTION = 1200
MAX_TITLE = 200


def _pdf_writer(device: QBuffer, title: str, author: str) -> QPdfWriter:
    writer = QPdfWriter(device)
    writer.setPdfVersion(QPagedPaintDevice.PdfVersion.PdfVersion_A1b)
    writer.setResolution(RESOLUTION)
    writer.setPageLayout(a4_layout())
    writer.setTitle(title[:MAX_TITLE])
    writer.setAuthor(author[:MAX_TITLE])
    writer.setCreator(f"Adviesgesprek {project_version()}")
    return writer


def pdf_title(kind: str, advice: Advice, rulebook: Rulebook) -> str:
    title = chrome(rulebook)["documents"][kind]["title"]
    name = clean_text(" ".join(advice.minister["name"].split()))
    return f"{title} – {name}" if name else title


def write_pdf(kind: str, session: Session, rulebook: Rulebook, path: Path | str,
              advice: Advice | None = None) -> Path:
    """Write the document `kind` ("afspraken" or "checklist") as a PDF/A-1b file at `path`."""
    ensure_gui_application()
    advice = advice or advise(session, rulebook)
    path = Path(path)
    author = clean_text(" ".join(advice.conversation["advisor"].split()))
    # Qt writes the PDF into memory and Python writes the file: a write that fails (a full disk)
    # then says why, where QPdfWriter on a file would only refuse the next page.
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = _pdf_writer(buffer, pdf_title(kind, advice, rulebook), author)
    try:
        document = lay_out(kind, session, rulebook, writer, advice)
        paint_documents(writer, [document])
    finally:
        del writer   # finishes the PDF
    with path.open("wb") as stream:
        stream.write(buffer.data().data())
    return path
