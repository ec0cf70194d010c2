"""Driving the wizard the way an advisor does: through its widgets, found by session path."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from wizard.core.dates import format_date
from wizard.ui import base


def find(window: Any, name: str) -> QWidget:
    widget = window.findChild(QWidget, name)
    assert widget is not None, f"no widget named {name!r}"
    return widget


def show(window: Any, name: str) -> QWidget:
    """Go to the page that holds a widget, and return the widget."""
    page_id = window.owner_of(name.split("=")[0])
    assert page_id is not None, f"no page asks for {name!r}"
    assert window.go_to(page_id), f"cannot reach page {page_id} for {name!r}"
    return find(window, name)


def key_chars(widget: QWidget, text: str) -> None:
    """Type text as key events, one character at a time (QTest.keyClicks only knows ASCII)."""
    for char in text:
        key = Qt.Key.Key_Return if char == "\n" else Qt.Key.Key_unknown
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, char)
            )


def paste_text(qtbot: Any, widget: QWidget, text: str) -> None:
    """Replace the field's text by pasting (Ctrl+V), as a user does with a long text."""
    widget.setFocus()
    widget.selectAll()
    QApplication.clipboard().setText(text)
    qtbot.keyClick(widget, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)


def type_text(qtbot: Any, widget: QWidget, text: str) -> None:
    widget.setFocus()
    if isinstance(widget, QLineEdit | QPlainTextEdit):
        widget.selectAll()
        qtbot.keyClick(widget, Qt.Key.Key_Delete)
        key_chars(widget, text)
    else:
        raise AssertionError(f"cannot type into {widget!r}")


def set_value(qtbot: Any, window: Any, name: str, value: Any) -> None:
    """Give an answer through the widget named `name` (a session path, or path=value for a radio
    button), as a user would."""
    widget = find(window, name)
    if isinstance(widget, QCheckBox):
        if widget.isChecked() != bool(value):
            qtbot.keyClick(widget, Qt.Key.Key_Space)
        assert widget.isChecked() == bool(value)
    elif isinstance(widget, QAbstractButton):  # a radio button
        widget.click()
    elif isinstance(widget, QComboBox):
        index = widget.findData(value)
        assert index >= 0, f"{name}: no choice {value!r}"
        widget.setCurrentIndex(index)
    elif isinstance(widget, QSpinBox):
        widget.setValue(value or 0)
    elif name in ("minister.sworn_in", "conversation.date"):
        type_text(qtbot, widget, format_date(value))
    else:
        type_text(qtbot, widget, "" if value is None else str(value))


def walk(qtbot: Any, window: Any, answers: list[tuple[str, Any]]) -> list[int]:
    """Start a new conversation and go through every page with Next, giving each answer on the
    page that asks for it. Returns the ids of the pages seen."""
    find(window, "start.new").click()
    assert window.wizard.currentId() == base.MINISTER
    seen = []
    pending = list(answers)
    while True:
        current = window.wizard.currentId()
        seen.append(current)
        for name, value in list(pending):
            page_id = window.owner_of(name.split("=")[0])
            if page_id == current and find(window, name).isVisibleTo(window.wizard.currentPage()):
                set_value(qtbot, window, name, value)
                QApplication.processEvents()  # widgets a layout gains are shown queued
                pending.remove((name, value))
        if current == base.DOCUMENTS:
            break
        window.wizard.next()
        assert window.wizard.currentId() != current, f"stuck on page {current}"
    assert not pending, f"answers never asked for: {pending}"
    return seen
