"""The look that every page shares: a keyboard focus that is always visible, whatever the
platform's style draws by itself (Fusion marks a focused button just like the default button,
and a text area not at all).

One ring in the highlight colour follows the focus (a QFocusFrame: it sits on the focused
widget's parent and moves with it), so that no style sheet and no style of our own has to be
consulted on every paint. The pages' header (QWizard's) may grow in height rather than in width
(`HeaderFit`), so that its logo is never cut off in a narrow window. Named values (limits,
margins, widths) live beside the code that uses them: the window's in `main_window.py`, the
fields' in `fields.py`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QApplication, QFocusFrame, QLabel, QWidget, QWizard, QWizardPage

#: a widget's size without an upper bound (Qt's QWIDGETSIZE_MAX)
UNBOUNDED = 16777215


class HeaderFit(QObject):
    """The header of the page in view as narrow as the window allows: its subtitle wraps to
    as many lines as it needs and the header grows in height. QWizard gives the subtitle the
    width of two lines of text and the header a fixed height; a long subtitle in a narrow
    window (200 % on a laptop) then made the header wider than the page, and the logo at its
    right was cut off.

    A workaround for QWizard's header, which does not lay out its subtitle by height for width
    (the same family as https://bugreports.qt.io/browse/QTBUG-22819); seen with PySide6 6.11.
    It finds the header's subtitle label by its text (public `findChildren`); where a Qt
    version lays the header out otherwise, `header_subtitle` finds nothing and this does
    nothing."""

    def __init__(self, wizard: QWizard) -> None:
        super().__init__(wizard)
        self.wizard = wizard
        # QWizard has set up the new page's header when it says the page changed
        wizard.currentIdChanged.connect(self.fit)

    def fit(self, _page_id: int = -1) -> None:
        label = header_subtitle(self.wizard)
        if label is None:
            return
        label.setMinimumWidth(0)
        label.installEventFilter(self)  # (once: Qt keeps one filter of each object)
        header = label.parentWidget()
        header.setMinimumSize(0, 0)
        header.setMaximumHeight(UNBOUNDED)
        self._grow(label)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Resize and isinstance(watched, QLabel):
            self._grow(watched)
        return False

    def _grow(self, label: QLabel) -> None:
        """The subtitle as high as its lines at its width."""
        needed = label.heightForWidth(label.width())
        if needed > label.minimumHeight():
            label.setMinimumHeight(needed)


def header_subtitle(wizard: QWizard) -> QLabel | None:
    """The label in the wizard's header that shows the subtitle of the page in view."""
    page = wizard.currentPage()
    if page is None or not page.subTitle():
        return None
    for label in wizard.findChildren(QLabel):
        if label.text() == page.subTitle() and not _on_a_page(label, wizard):
            return label
    return None


def _on_a_page(widget: QWidget, wizard: QWizard) -> bool:
    """The widget is part of a page (not of the wizard's own header)."""
    parent = widget.parentWidget()
    while parent is not None and parent is not wizard:
        if isinstance(parent, QWizardPage):
            return True
        parent = parent.parentWidget()
    return False


class FocusRing(QFocusFrame):
    """A ring in the highlight colour around the widget with the keyboard focus."""

    def paintEvent(self, _event: Any) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().color(QPalette.ColorRole.Highlight))


class FocusFollower(QObject):
    """Puts the ring on every widget of `window` that gets the keyboard focus (a child of the
    window, so that it goes with it)."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self.ring = FocusRing(window)
        self.ring.setObjectName("focus_ring")
        self.ring.hide()  # until a widget of the window has the focus
        QApplication.instance().focusChanged.connect(self._moved)

    def _moved(self, _old: QWidget | None, new: QWidget | None) -> None:
        try:
            inside = new is not None and new.window() is self.window
        except RuntimeError:  # the window is gone (a test's window, closed)
            return
        if inside:
            self.ring.setWidget(new)
            self.ring.show()
        elif new is not None:
            self.ring.setWidget(None)
            self.ring.hide()
