"""Printing: the pages Typst makes for the PDF, as images at the printer's resolution, so that
paper matches the PDF. (Typst's SVG drawn through QSvgRenderer on a QPrinter makes every glyph
too bold in Qt 6.11; an image of the page does not.)

The images are made by the page maker's process (`wizard.documents.page_process`, which runs
`typesetting.document_pages`), as for the wizard's preview: no Typst in this process. Painting
them on the printer (`paint_pages`) is Qt's and runs in the GUI thread.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPrintSupport import QPrinter

from wizard.constants import DOCUMENT_KINDS
from wizard.core.advice import Advice
from wizard.core.errors import InputError
from wizard.documents.decoration import pdf_title
from wizard.documents.page_process import page_maker
from wizard.documents.style import HouseStyle

MAX_PPI = 600.0  # an A4 page at 600 ppi is 35 million pixels; more shows no difference on paper
# What is printed unless the caller says otherwise: the agreement and the checklist (the
# verantwoording is the advisor's, exported beside them).
PRINTED = DOCUMENT_KINDS[:2]


def print_ppi(printer: QPrinter) -> float:
    """The resolution the pages are made at for this printer."""
    return float(min(max(printer.resolution(), 72), MAX_PPI))


def paint_pages(printer: QPrinter, pages: Sequence[bytes]) -> None:
    """Draw the page images on the printer, one per sheet, each scaled to the paper's width and
    centred (the paper size the user chose is kept: A4 fills it exactly)."""
    printer.setFullPage(True)
    painter = QPainter()
    if not painter.begin(printer):
        raise InputError("er kan niet worden afgedrukt (de printer weigert)")
    try:
        paper = printer.paperRect(QPrinter.Unit.DevicePixel)
        for index, data in enumerate(pages):
            if index and not printer.newPage():
                raise InputError("er kan geen nieuwe pagina worden begonnen")
            image = QImage.fromData(data, "PNG")
            if image.isNull():
                raise InputError("een pagina kan niet worden gelezen")
            scale = min(paper.width() / image.width(), paper.height() / image.height())
            width, height = image.width() * scale, image.height() * scale
            target = QRectF(paper.x() + (paper.width() - width) / 2, paper.y(), width, height)
            painter.drawImage(target, image)
    finally:
        painter.end()


def print_documents(
    printer: QPrinter, advice: Advice, style: HouseStyle, kinds: Sequence[str] = PRINTED
) -> None:
    """Print the documents in one job, each with its own page numbering."""
    title = pdf_title(kinds[0], advice, style) if kinds else "Adviesgesprek"
    printer.setDocName(title)
    paint_pages(printer, page_maker().pages(advice, style, kinds, print_ppi(printer)))
