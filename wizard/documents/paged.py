"""The paged layout shared by PDF and print: A4 margins, a header and a footer on every page,
the CONCEPT mark, and the document's body in slices chosen by `pagination`.

Everything is drawn in the device's own pixels (QPdfWriter at 1200 dpi, a printer at its
resolution), with the text document laid out on that same device, so PDF and paper match.
No transparency is used anywhere (PDF/A-1b): the CONCEPT watermark is a light, opaque colour
painted before the text.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontMetricsF,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPalette,
    QPen,
    QTextDocument,
    QTextOption,
)

from wizard.core.engine import Advice, advise
from wizard.core.errors import InputError
from wizard.core.rulebook import Rulebook
from wizard.core.session import Session
from wizard.documents.context import document_date, format_date
from wizard.documents.fonts import document_family
from wizard.documents.html import clean_text, document_html
from wizard.documents.pagination import Slice, paginate
from wizard.documents.qtapp import ensure_gui_application
from wizard.documents.templating import _fill, chrome
from wizard.paths import project_version

# Page geometry in millimetres (A4 portrait; a printer's own paper size is respected).
MARGIN_LEFT = 22.0
MARGIN_RIGHT = 22.0
MARGIN_TOP = 27.0
MARGIN_BOTTOM = 24.0
HEADER_RULE = 19.0       # from the top edge
FOOTER_RULE = 15.0       # from the bottom edge
HOUSE_BLUE = QColor("#154273")
TEXT = QColor("#1a1a1a")
GREY = QColor("#5a5a5a")
CONCEPT_RED = QColor("#b3261e")
WATERMARK = QColor("#f6dcd8")   # opaque: PDF/A-1b allows no transparency
# Qt lays out a text document only down to 2**23 device units (QFIXED_MAX in Qt's text engine):
# beyond that, blocks stay without lines and reading their tables crashes the process. At the
# PDF's 1200 dpi that is about 177 metres of text, some 700 pages.
LAYOUT_LIMIT = float(2**23)


def a4_layout() -> QPageLayout:
    """A4 portrait without device margins: the painter draws the margins itself."""
    return QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                       QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)


@dataclass
class Decoration:
    """What the header and footer say."""

    title: str
    minister: str
    footer: str
    page_pattern: str
    concept: bool
    concept_label: str
    watermark: str


def decoration(kind: str, session: Session, rulebook: Rulebook, advice: Advice) -> Decoration:
    labels = chrome(rulebook)
    page = labels["page"]
    months = labels["months"]
    footer = " · ".join([
        _fill(page["date"], date=document_date(advice, months)),
        _fill(page["rulebook"], version=rulebook.version,
              date=format_date(rulebook.date, months)),
        _fill(page["program"], version=project_version()),
    ])
    return Decoration(title=labels["documents"][kind]["title"],
                      minister=clean_text(advice.minister["name"]),
                      footer=footer, page_pattern=page["number"], concept=advice.is_concept,
                      concept_label=page["concept"], watermark=page["concept_watermark"])


class PagedDocument:
    """One document laid out for one paint device, split into pages."""

    def __init__(self, html: str, device: QPagedPaintDevice, family: str,
                 decoration: Decoration) -> None:
        ensure_gui_application()
        self.device = device
        self.family = family
        self.decoration = decoration
        self._elided_texts: dict[tuple[str, str, float], str] = {}
        self.dpmm = device.logicalDpiY() / 25.4
        self.page_width = device.width()
        self.page_height = device.height()
        self.body = QRectF(MARGIN_LEFT * self.dpmm, MARGIN_TOP * self.dpmm,
                           self.page_width - (MARGIN_LEFT + MARGIN_RIGHT) * self.dpmm,
                           self.page_height - (MARGIN_TOP + MARGIN_BOTTOM) * self.dpmm)
        self.document = QTextDocument()
        self.document.documentLayout().setPaintDevice(device)
        self.document.setDocumentMargin(0)
        self.document.setDefaultFont(self._font(10))
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.document.setDefaultTextOption(option)
        self.document.setHtml(html)
        self.document.setTextWidth(self.body.width())
        self._refuse_overlong()
        one_css_pixel = device.logicalDpiY() / 96
        self.slices: list[Slice] = paginate(self.document, self.body.height(), one_css_pixel)

    def _refuse_overlong(self) -> None:
        """A document longer than Qt can lay out (only absurdly long texts in the session make
        one) is refused with a message, never painted half or crashed on."""
        height = self.document.documentLayout().documentSize().height()
        if height + self.body.height() >= LAYOUT_LIMIT:
            pages = int(LAYOUT_LIMIT // self.body.height()) - 1
            raise InputError(f"het document wordt te lang om op te maken (meer dan {pages} "
                             "pagina's); maak de lange teksten in het gesprek korter")

    @property
    def page_count(self) -> int:
        return len(self.slices)

    def _font(self, points: float, bold: bool = False) -> QFont:
        font = QFont(self.family)
        font.setPointSizeF(points)
        font.setBold(bold)
        font.setStyleHint(QFont.StyleHint.SansSerif)
        # No ligatures: Qt's PDF text layer would say "ﬁ" for "fi", and a search for
        # "verificatie" in the PDF would fail.
        for tag in ("liga", "clig", "dlig"):
            font.setFeature(QFont.Tag.fromString(tag), 0)
        return font

    def paint_page(self, painter: QPainter, index: int) -> None:
        if self.decoration.concept:
            self._paint_watermark(painter)
        self._paint_body(painter, self.slices[index])
        self._paint_header(painter)
        self._paint_footer(painter, index)

    # --- body ----------------------------------------------------------------------------

    def _paint_region(self, painter: QPainter, top: float, bottom: float, at: float) -> None:
        painter.save()
        painter.translate(self.body.left(), self.body.top() + at - top)
        bleed = 2 * self.dpmm   # borders that stick out a little on the left and right
        clip = QRectF(-bleed, top, self.body.width() + 2 * bleed, bottom - top)
        painter.setClipRect(clip)
        context = QAbstractTextDocumentLayout.PaintContext()
        # Qt draws every line that touches the clip, and a PDF keeps the text of a clipped line:
        # a line that ends where this page's slice begins (or begins where it ends) would be in
        # the text of two pages. The breaks fall between lines, so half a device pixel inside
        # the slice leaves out exactly the lines that belong to the neighbouring page.
        context.clip = clip.adjusted(0, 0.5, 0, -0.5)
        palette = QPalette()
        palette.setColor(QPalette.ColorRole.Text, TEXT)
        context.palette = palette
        self.document.documentLayout().draw(painter, context)
        painter.restore()

    def _paint_body(self, painter: QPainter, part: Slice) -> None:
        at = 0.0
        if part.header is not None:
            self._paint_region(painter, part.header[0], part.header[1], 0.0)
            at = part.header[1] - part.header[0]
        self._paint_region(painter, part.top, part.bottom, at)

    # --- header, footer, CONCEPT ---------------------------------------------------------

    def _elided(self, text: str, font: QFont, width: float) -> str:
        """The text on one line, cut with "…" where it is wider; worked out once per document
        (eliding a very long name on every page would cost seconds)."""
        key = (text, font.key(), width)
        if key not in self._elided_texts:
            metrics = QFontMetricsF(font, self.device)
            self._elided_texts[key] = metrics.elidedText(" ".join(text.split()),
                                                         Qt.TextElideMode.ElideRight, width)
        return self._elided_texts[key]

    def _text(self, painter: QPainter, rect: QRectF, text: str, font: QFont, color: QColor,
              align: Qt.AlignmentFlag) -> None:
        shown = self._elided(text, font, rect.width())
        painter.setFont(font)
        painter.setPen(color)
        painter.drawText(rect, int(align | Qt.AlignmentFlag.AlignBottom), shown)

    def _rule(self, painter: QPainter, y: float, color: QColor) -> None:
        pen = QPen(color)
        pen.setWidthF(0.25 * self.dpmm)
        painter.setPen(pen)
        painter.drawLine(QPointF(self.body.left(), y), QPointF(self.body.right(), y))

    def _paint_header(self, painter: QPainter) -> None:
        y = HEADER_RULE * self.dpmm
        height = 6 * self.dpmm
        width = self.body.width()
        gap = 4 * self.dpmm
        title_font = self._font(8.5, bold=True)
        concept_width = 0.0
        if self.decoration.concept:
            concept_font = self._font(8.5, bold=True)
            concept_width = QFontMetricsF(concept_font, self.device).horizontalAdvance(
                self.decoration.concept_label) + gap
            self._text(painter, QRectF(self.body.left(), y - height - self.dpmm, width, height),
                       self.decoration.concept_label, concept_font, CONCEPT_RED,
                       Qt.AlignmentFlag.AlignHCenter)
        half = (width - concept_width) / 2 - gap / 2
        self._text(painter, QRectF(self.body.left(), y - height - self.dpmm, half, height),
                   self.decoration.title, title_font, HOUSE_BLUE, Qt.AlignmentFlag.AlignLeft)
        self._text(painter, QRectF(self.body.right() - half, y - height - self.dpmm, half, height),
                   self.decoration.minister, self._font(8.5), TEXT, Qt.AlignmentFlag.AlignRight)
        self._rule(painter, y, HOUSE_BLUE)

    def _paint_footer(self, painter: QPainter, index: int) -> None:
        y = self.page_height - FOOTER_RULE * self.dpmm
        self._rule(painter, y, GREY)
        font = self._font(7.5)
        number = _fill(self.decoration.page_pattern, page=index + 1, pages=self.page_count)
        number_width = QFontMetricsF(font, self.device).horizontalAdvance(number)
        height = 5 * self.dpmm
        top = y + self.dpmm
        gap = 4 * self.dpmm
        self._text(painter, QRectF(self.body.right() - number_width, top, number_width, height),
                   number, font, TEXT, Qt.AlignmentFlag.AlignRight)
        self._text(painter, QRectF(self.body.left(), top,
                                   self.body.width() - number_width - gap, height),
                   self.decoration.footer, font, GREY, Qt.AlignmentFlag.AlignLeft)

    def _paint_watermark(self, painter: QPainter) -> None:
        painter.save()
        painter.translate(self.body.center())
        painter.rotate(-40)
        font = self._font(96, bold=True)
        painter.setFont(font)
        painter.setPen(WATERMARK)
        size = max(self.body.width(), self.body.height())
        painter.drawText(QRectF(-size, -size / 4, 2 * size, size / 2),
                         int(Qt.AlignmentFlag.AlignCenter), self.decoration.watermark)
        painter.restore()


def lay_out(kind: str, session: Session, rulebook: Rulebook, device: QPagedPaintDevice,
            advice: Advice | None = None) -> PagedDocument:
    """The document `kind` laid out on `device`, ready to paint."""
    advice = advice or advise(session, rulebook)
    html = document_html(kind, session, rulebook, advice)
    return PagedDocument(html, device, document_family(rulebook),
                         decoration(kind, session, rulebook, advice))


def paint_documents(device: QPagedPaintDevice, documents: list[PagedDocument]) -> None:
    """Paint the documents one after another on the device (a PDF file or a print job)."""
    painter = QPainter()
    if not painter.begin(device):
        raise InputError("het document kan niet worden gemaakt (het uitvoerapparaat weigert)")
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        first = True
        for document in documents:
            for index in range(document.page_count):
                if not first and not device.newPage():
                    raise InputError("er kan geen nieuwe pagina worden begonnen")
                first = False
                document.paint_page(painter, index)
    finally:
        painter.end()
