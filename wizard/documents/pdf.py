"""PDF: the documents typeset by Typst (`wizard.documents.typesetting`), PDF/A-2a and PDF/UA-1."""

from __future__ import annotations

from pathlib import Path

from wizard.core.advice import Advice
from wizard.documents.decoration import pdf_title
from wizard.documents.style import HouseStyle
from wizard.documents.typesetting import pdf_bytes

__all__ = ["pdf_title", "write_pdf"]


def write_pdf(kind: str, advice: Advice, style: HouseStyle, path: Path | str) -> Path:
    """Write the document `kind` ("afspraken", "checklist" or "verantwoording") as a PDF file
    at `path`. The whole file is made in memory first: a write that fails (a full disk) says
    why."""
    data = pdf_bytes(kind, advice, style)
    path = Path(path)
    with path.open("wb") as stream:
        stream.write(data)
    return path
