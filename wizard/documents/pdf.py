"""PDF: the documents typeset by Typst (`wizard.documents.typesetting`), PDF/A-2a and PDF/UA-1."""

from __future__ import annotations

from pathlib import Path

from wizard.core.engine import Advice
from wizard.core.rulebook import Rulebook
from wizard.core.session import Session
from wizard.documents.decoration import pdf_title
from wizard.documents.typesetting import pdf_bytes

__all__ = ["pdf_title", "write_pdf"]


def write_pdf(
    kind: str, session: Session, rulebook: Rulebook, path: Path | str, advice: Advice | None = None
) -> Path:
    """Write the document `kind` ("afspraken" or "checklist") as a PDF file at `path`. The
    whole file is made in memory first: a write that fails (a full disk) says why."""
    data = pdf_bytes(kind, session, rulebook, advice)
    path = Path(path)
    with path.open("wb") as stream:
        stream.write(data)
    return path
