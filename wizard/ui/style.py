"""The look that every page shares: a keyboard focus that is always visible, whatever the
platform's style draws by itself (Fusion marks a focused button just like the default button,
and a text area not at all).

One ring in the highlight colour follows the focus (a QFocusFrame: it sits on the focused
widget's parent and moves with it), so that no style sheet and no style of our own has to be
consulted on every paint. Named values (limits, margins, widths) live beside the code that uses
them: the window's in `main_window.py`, the fields' in `fields.py`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QApplication, QFocusFrame, QWidget


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
