"""Which widgets Tab stops at, in the order of the screen. Light on purpose (Qt only): the main
window uses it for the start page before the rest of the program is loaded."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractScrollArea, QAbstractSpinBox, QComboBox, QScrollArea, QWidget


def focus_chain(root: QWidget) -> list[QWidget]:
    """The widgets under `root` that Tab stops at, in the order of the screen: the order in
    which the page was built, top to bottom (children of compound widgets left out)."""
    chain = []
    for widget in root.findChildren(QWidget):
        if not widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            continue
        if widget.focusProxy() is not None and not isinstance(widget, QAbstractSpinBox | QComboBox):
            continue  # e.g. a tab widget: its tab bar takes the focus, and is in the chain
        parent = widget.parentWidget()
        inner = False
        while parent is not None and parent is not root:
            if isinstance(
                parent, QAbstractSpinBox | QComboBox | QAbstractScrollArea
            ) and not isinstance(parent, QScrollArea):
                inner = True
                break
            parent = parent.parentWidget()
        if not inner:
            chain.append(widget)
    return chain


def can_take_focus(widget: QWidget, root: QWidget) -> bool:
    return widget.isVisibleTo(root) and widget.isEnabledTo(root)
