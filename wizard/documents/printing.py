"""Printing: the same paged layout as the PDF, sent to a QPrinter chosen in the wizard."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtPrintSupport import QPrinter

from wizard.core.engine import advise
from wizard.core.rulebook import Rulebook
from wizard.core.session import Session
from wizard.documents.paged import lay_out, paint_documents
from wizard.documents.pdf import pdf_title
from wizard.documents.qtapp import ensure_gui_application


def print_documents(printer: QPrinter, session: Session, rulebook: Rulebook,
                    kinds: Sequence[str] = ("afspraken", "checklist")) -> None:
    """Print the documents in one job, each with its own page numbering. The paper size the
    user chose is kept; the margins are the document's own (as in the PDF)."""
    ensure_gui_application()
    advice = advise(session, rulebook)
    printer.setFullPage(True)
    printer.setDocName(pdf_title(kinds[0], advice, rulebook) if kinds else "Adviesgesprek")
    documents = [lay_out(kind, session, rulebook, printer, advice) for kind in kinds]
    paint_documents(printer, documents)
