"""The documents' pages in the wizard: made by Typst as images, off the GUI thread.

- `PageView` shows page images one under the other (the same pages as the PDF and print).
- `PreviewRenderer` makes the pages of one document in a worker thread of Qt's thread pool,
  a short moment after the last change (so a burst of typing makes one render, not one per
  key), one render at a time; a result for an older version of the conversation is dropped.
- `run_in_background` runs a longer job (the pages for printing) in a thread while a progress
  dialog with a cancel button keeps the window responsive.
"""

from __future__ import annotations

import struct
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QEventLoop,
    QObject,
    QRunnable,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAccessible, QPainter, QPixmap
from PySide6.QtWidgets import (
    QAccessibleWidget,
    QLabel,
    QProgressDialog,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from wizard.core.advice import Advice
from wizard.documents.style import HouseStyle
from wizard.house_style import COLOURS

A4_WIDTH_INCHES = 210 / 25.4
_PNG_SIZE = struct.Struct(">II")


def png_size(data: bytes) -> tuple[int, int]:
    """A PNG image's width and height in pixels, from its header (without decoding it)."""
    return _PNG_SIZE.unpack(data[16:24])


DEBOUNCE_MS = 50  # the pause after a change before the pages are made again
NEAR = 0  # pages decoded beyond those in view (the rest are kept as PNG data; a page is
#          decoded in a few milliseconds when it scrolls into view, and one is 1.2 MB)
MIN_PPI, MAX_PPI = 40, 200


@dataclass
class Request:
    """What one render needs: the advice of one version of the conversation (frozen: the
    worker shares nothing that changes) and the house style."""

    kind: str
    advice: Advice
    style: HouseStyle
    ppi: float
    revision: int


@dataclass
class Result:
    """The pages of a request, as PNG data (decoded only when a page comes into view)."""

    request: Request
    pngs: list[bytes] = field(default_factory=list)
    error: str | None = None

    @property
    def pages(self) -> int:
        return len(self.pngs)


def render_pages(request: Request) -> Result:
    """Make the pages of a request (any thread: no widget is touched). Typst runs in the page
    maker's own process (wizard/documents/page_process.py); this thread only waits for it."""
    # Imported here: the wizard starts without the page maker (and `subprocess`), which only
    # the first page needs.
    from wizard.documents.page_process import page_maker

    try:
        pngs = page_maker().pages(request.advice, request.style, [request.kind], request.ppi)
        return Result(request, pngs)
    except Exception as error:  # noqa: BLE001 - shown in the preview, never raised
        return Result(request, error=str(error))


class _Signals(QObject):
    done = Signal(object)


class _Job(QRunnable):
    def __init__(self, request: Request, signals: _Signals) -> None:
        super().__init__()
        self.request = request
        self.signals = signals

    def run(self) -> None:
        self._emit(render_pages(self.request))

    def _emit(self, result: Result) -> None:
        try:
            self.signals.done.emit(result)
        except RuntimeError:  # the window closed while the pages were made: nobody waits
            pass


class PreviewRenderer(QObject):
    """Renders one document's pages in the background; `rendered` carries a Result."""

    rendered = Signal(object)

    def __init__(self, make_request: Callable[[], Request], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.make_request = make_request
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.start_now)
        self.signals = _Signals(self)
        self.signals.done.connect(self._finished)
        self.running: Request | None = None  # the request being made
        self.again = False
        self.latest = -1

    @property
    def busy(self) -> bool:
        return self.running is not None or self.timer.isActive()

    def schedule(self) -> None:
        """Render a moment after the last call (typing makes one render, not one per key)."""
        self.timer.start()

    def start_now(self) -> None:
        self.timer.stop()
        if self.running is not None:  # one at a time: the newest request follows this one
            self.again = True
            return
        job = _Job(self.make_request(), self.signals)
        self.running = job.request  # (the pool deletes the job once it ran)
        QThreadPool.globalInstance().start(job)

    def _finished(self, result: Result) -> None:
        self.running = None
        if result.request.revision >= self.latest:
            self.latest = result.request.revision
            self.rendered.emit(result)
        if self.again:
            self.again = False
            self.start_now()


_INTERFACES: list[QAccessibleWidget] = []  # Python must keep what the factory hands to Qt


def _accessible(key: str, widget: QObject) -> QAccessibleWidget | None:
    """A page view is a document to a screen reader (a bare scroll area has no role)."""
    if isinstance(widget, PageView):
        interface = QAccessibleWidget(widget, QAccessible.Role.Document, widget.accessibleName())
        _INTERFACES.append(interface)
        return interface
    return None


class PageImage(QLabel):
    """One page of a preview: draws its picture itself. A QLabel given a pixmap keeps it as an
    icon, and Qt then keeps every picture it drew that way in its pixmap cache (10 MB): each
    page decoded again (1 to 2 MB) stayed in memory after it was cleared."""

    def __init__(self) -> None:
        super().__init__()
        self.picture = QPixmap()

    def pixmap(self) -> QPixmap:
        return self.picture

    def setPixmap(self, pixmap: QPixmap) -> None:  # noqa: N802 - Qt's name
        self.picture = pixmap
        self.update()

    def clear(self) -> None:
        self.picture = QPixmap()
        super().clear()

    def paintEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        super().paintEvent(event)  # the frame and background of the style sheet
        if self.picture.isNull():
            return
        area = self.contentsRect()
        size = self.picture.deviceIndependentSize().toSize()
        painter = QPainter(self)
        painter.drawPixmap(
            area.x() + (area.width() - size.width()) // 2,
            area.y() + (area.height() - size.height()) // 2,
            self.picture,
        )


class PageView(QScrollArea):
    """Page images one under the other, made for the view's width (`resized` asks for them
    again at another width)."""

    resized = Signal()

    def __init__(self, name: str, title: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self.setAccessibleName(title)
        # Images to the eye; to a screen reader a pointer to the same text (Tab reaches the
        # view, and the arrow keys scroll it).
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleDescription(
            QCoreApplication.translate(
                "Documents",
                "Voorbeeld van de pagina's als afbeelding. De tekst van het document staat in "
                "het HTML-bestand dat Exporteren naar map maakt; de antwoorden staan op de "
                "pagina Overzicht.",
            )
        )
        self.setWidgetResizable(True)
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.inner = QWidget()
        self.layout_ = QVBoxLayout(self.inner)
        self.layout_.setSpacing(8)
        self.setWidget(self.inner)
        self.labels: list[PageImage] = []
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.layout_.addWidget(self.message)
        self.layout_.addStretch(1)
        self.shown_revision = -1
        self.shown_ppi = 0.0
        self.page_count = 0
        self.pngs: list[bytes] = []
        self.decoded: set[int] = set()
        self.waiting = False  # new pages are being made: the shown ones are not decoded
        self.verticalScrollBar().valueChanged.connect(lambda _value: self.show_visible())

    def ppi(self) -> float:
        """The resolution at which an A4 page fills the view's width on this screen (less the
        margins and a vertical scroll bar)."""
        margins = self.layout_.contentsMargins()
        spare = margins.left() + margins.right() + self.verticalScrollBar().sizeHint().width() + 4
        width = max(self.viewport().width() - spare, 100) * self.devicePixelRatioF()
        return float(min(max(int(width / A4_WIDTH_INCHES), MIN_PPI), MAX_PPI))

    def resizeEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if self.page_count and abs(self.ppi() - self.shown_ppi) >= 2:
            self.resized.emit()
        self.show_visible()

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self.show_visible()

    def hideEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        """Out of sight (another page, another tab): no page is kept as a picture."""
        super().hideEvent(event)
        for index in self.decoded:
            self.labels[index].clear()
        self.decoded = set()

    def expect_new(self) -> None:
        """New pages are coming: the old ones are no longer decoded when the view shows."""
        self.waiting = True

    def show_result(self, result: Result) -> None:
        self.waiting = False
        self.shown_revision = result.request.revision
        self.shown_ppi = result.request.ppi
        if result.error is not None:
            self.message.setText(
                QCoreApplication.translate(
                    "Documents", "Het document kan niet worden gemaakt: {error}"
                ).format(error=result.error)
            )
            self.message.show()
            return
        self.message.hide()
        while len(self.labels) < result.pages:
            label = PageImage()
            label.setStyleSheet(
                f"background: {COLOURS['white']}; border: 1px solid {COLOURS['line_grey']};"
            )
            self.layout_.insertWidget(len(self.labels) + 1, label)
            self.labels.append(label)
        self.pngs = list(result.pngs)
        self.decoded = set()
        ratio = self.devicePixelRatioF()
        for index, label in enumerate(self.labels):
            if index < result.pages:
                width, height = png_size(self.pngs[index])
                label.setFixedSize(int(width / ratio) + 2, int(height / ratio) + 2)
                label.clear()
                label.setAccessibleName(
                    QCoreApplication.translate("Documents", "Pagina {page} van {pages}").format(
                        page=index + 1, pages=result.pages
                    )
                )
                label.show()
            else:
                label.hide()
        self.page_count = result.pages
        self.layout_.activate()  # the labels' places, before asking which are in view
        self.show_visible()

    def show_visible(self) -> None:
        """Decode the pages in view (and NEAR more either side); forget the pictures of the others,
        so that a long document does not hold every page as a picture in memory. Nothing is
        decoded while the view is out of sight (its pages have no places yet)."""
        if not self.page_count or not self.isVisible() or self.waiting:
            return
        top = self.verticalScrollBar().value()
        bottom = top + self.viewport().height()
        # Where each page lies, from the pages' fixed sizes: the layout may not have placed
        # them yet (a view just shown), and then every page would seem to be in view.
        place = self.layout_.contentsMargins().top()
        visible = []
        for index, label in enumerate(self.labels[: self.page_count]):
            height = label.minimumHeight()
            if place < bottom and place + height > top:
                visible.append(index)
            place += height + self.layout_.spacing()
        first, last = (min(visible), max(visible)) if visible else (0, 0)
        wanted = set(range(max(first - NEAR, 0), min(last + NEAR, self.page_count - 1) + 1))
        ratio = self.devicePixelRatioF()
        for index in sorted(self.decoded - wanted):
            self.labels[index].clear()
        for index in sorted(wanted - self.decoded):
            pixmap = QPixmap()
            pixmap.loadFromData(self.pngs[index], "PNG")
            pixmap.setDevicePixelRatio(ratio)
            self.labels[index].setPixmap(pixmap)
        self.decoded = wanted


class BackgroundCancelled(Exception):
    """The advisor stopped a background job with the progress dialog's Cancel button."""


def run_in_background(
    parent: QWidget, title: str, label: str, work: Callable[[Callable[[], bool]], Any]
) -> Any:
    """Run `work(cancelled)` in a thread; a modal progress dialog keeps the window responsive
    meanwhile. `cancelled()` says whether the advisor pressed Cancel (the work checks it where
    it can stop). Returns what the work returns, raises what it raises, and raises
    BackgroundCancelled when the advisor cancelled."""
    outcome: dict[str, Any] = {}
    stop = threading.Event()
    finished = threading.Event()

    def target() -> None:
        try:
            outcome["value"] = work(stop.is_set)
        except BaseException as error:  # noqa: BLE001 - raised again in the GUI thread
            outcome["error"] = error
        finally:
            finished.set()

    dialog = QProgressDialog(
        label, QCoreApplication.translate("Documents", "Annuleren"), 0, 0, parent
    )
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    dialog.canceled.connect(stop.set)
    loop = QEventLoop()
    poll = QTimer()
    poll.setInterval(20)
    poll.timeout.connect(lambda: loop.quit() if finished.is_set() or stop.is_set() else None)
    thread = threading.Thread(target=target, name="adviesgesprek-achtergrond", daemon=True)
    thread.start()
    poll.start()
    if not finished.is_set():
        loop.exec()
    poll.stop()
    cancelled = stop.is_set()
    dialog.canceled.disconnect(stop.set)  # closing a progress dialog also says "canceled"
    dialog.close()
    dialog.deleteLater()
    if cancelled:
        raise BackgroundCancelled  # the thread ends on its own and its result is dropped
    thread.join()
    if "error" in outcome:
        raise outcome["error"]
    return outcome.get("value")


QAccessible.installFactory(_accessible)
