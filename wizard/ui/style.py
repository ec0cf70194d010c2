"""The look that every page shares: a keyboard focus that is always visible, whatever the
platform's style draws by itself (Fusion marks a focused button just like the default button,
and a text area not at all).

Named values (limits, margins, widths) live beside the code that uses them: the window's in
`main_window.py`, the fields' in `fields.py`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette, QPen
from PySide6.QtWidgets import QProxyStyle, QStyle, QStyleOption

FOCUS_WIDTH = 2   # pixels of the focus frame

# Text areas, text browsers and lists: a frame in the highlight colour while they have focus.
FOCUS_STYLESHEET = """
QPlainTextEdit, QTextBrowser, QListWidget { border: 1px solid palette(mid); padding: 1px; }
QPlainTextEdit:focus, QTextBrowser:focus, QListWidget:focus {
    border: 2px solid palette(highlight); padding: 0px; }
"""

_FRAMED = {QStyle.ControlElement.CE_PushButton, QStyle.ControlElement.CE_CheckBox,
           QStyle.ControlElement.CE_RadioButton, QStyle.ControlElement.CE_ToolButtonLabel}


class FocusStyle(QProxyStyle):
    """The platform's style, plus a clear frame around a focused button, check box, radio
    button or combo box."""

    def drawControl(self, element: Any, option: QStyleOption, painter: Any,  # noqa: N802
                    widget: Any = None) -> None:
        super().drawControl(element, option, painter, widget)
        if element in _FRAMED and option.state & QStyle.StateFlag.State_HasFocus:
            self._frame(option, painter, widget)

    def drawComplexControl(self, control: Any, option: Any, painter: Any,  # noqa: N802
                           widget: Any = None) -> None:
        super().drawComplexControl(control, option, painter, widget)
        if control == QStyle.ComplexControl.CC_ComboBox and \
                option.state & QStyle.StateFlag.State_HasFocus:
            self._frame(option, painter, widget)

    @staticmethod
    def _frame(option: QStyleOption, painter: Any, widget: Any) -> None:
        palette = widget.palette() if widget is not None else option.palette
        painter.save()
        pen = QPen(palette.color(QPalette.ColorRole.Highlight), FOCUS_WIDTH)
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        rect = widget.rect() if widget is not None else option.rect
        half = FOCUS_WIDTH // 2
        painter.drawRect(rect.adjusted(half, half, -half - 1 + FOCUS_WIDTH % 2,
                                       -half - 1 + FOCUS_WIDTH % 2))
        painter.restore()


def install_focus_style(app: Any) -> None:
    """Wrap the application's style once (a second call leaves it as it is)."""
    if isinstance(app.style(), FocusStyle):
        return
    app.setStyle(FocusStyle(app.style().name()))
