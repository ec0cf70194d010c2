"""Which widgets Tab stops at, in the order of the screen. Light on purpose (Qt only): the main
window uses it for the start page before the rest of the program is loaded."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractScrollArea, QAbstractSpinBox, QComboBox, QScrollArea, QWidget

#: widgets whose children are their own parts (a combo box's list, a text's scroll bars)
COMPOUND = (QAbstractSpinBox, QComboBox, QAbstractScrollArea)


def focus_chain(root: QWidget) -> list[QWidget]:
    """The widgets under `root` that Tab stops at, in the order of the screen: the order in
    which the page was built, top to bottom (the parts of compound widgets left out).

    Only the widgets that can be in the chain are looked at, never the parts of a compound
    widget: looking at a widget from Python gives it a Python object of its own, kept as long
    as the widget lives (0.3 MB for those parts in the whole window, measured)."""
    chain: list[QWidget] = []
    _collect(_children(root), chain)
    return chain


def _children(widget: QWidget) -> list[QWidget]:
    return widget.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)


def _collect(widgets: Iterable[QWidget], chain: list[QWidget]) -> None:
    for widget in widgets:
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and (
            widget.focusProxy() is None or isinstance(widget, QAbstractSpinBox | QComboBox)
        ):  # (a widget with a focus proxy, e.g. a tab widget: the proxy is in the chain)
            chain.append(widget)
        if isinstance(widget, QScrollArea):  # a page's scroll area: its content
            _collect([widget.widget()] if widget.widget() is not None else [], chain)
        elif not isinstance(widget, COMPOUND):
            _collect(_children(widget), chain)


def can_take_focus(widget: QWidget, root: QWidget) -> bool:
    return widget.isVisibleTo(root) and widget.isEnabledTo(root)
