"""Which widgets Tab stops at, in the order of the screen."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSpinBox,
    QComboBox,
    QRadioButton,
    QScrollArea,
    QTabWidget,
    QWidget,
)

#: widgets whose children are their own parts (a combo box's list, a text's scroll bars)
COMPOUND = (QAbstractSpinBox, QComboBox, QAbstractScrollArea)


def walk(root: QWidget) -> Iterator[QWidget]:
    """The widgets under `root` in the order they were built, top to bottom, without the parts
    of compound widgets (a combo box's list, a text's scroll bars: never a Tab stop of their
    own); of a page's scroll area: its content; of a text: the controls laid over it (its
    "Bron" buttons)."""
    children = root.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
    if isinstance(root, QTabWidget):  # the tabs first, then the page they show
        children.sort(key=lambda child: child is not root.tabBar())
    for widget in children:
        yield widget
        if isinstance(widget, QScrollArea):
            content = widget.widget()
            if content is not None:
                yield content
                yield from walk(content)
        elif isinstance(widget, QAbstractScrollArea):
            yield from walk(widget.viewport())
        elif not isinstance(widget, COMPOUND):
            yield from walk(widget)


def focus_chain(root: QWidget) -> list[QWidget]:
    """The widgets under `root` that Tab stops at, in the order of the screen; of a choice's
    radio buttons all (Tab stops at the chosen one, which changes without a new order)."""
    return [
        widget
        for widget in walk(root)
        if (widget.focusPolicy() & Qt.FocusPolicy.TabFocus or isinstance(widget, QRadioButton))
        # (a widget with a focus proxy, e.g. a tab widget: the proxy is in the chain)
        and (widget.focusProxy() is None or isinstance(widget, QAbstractSpinBox | QComboBox))
    ]


def scroll_areas(root: QWidget) -> list[QAbstractScrollArea]:
    """The scrolling widgets under `root` (texts, lists, the page's own area)."""
    return [widget for widget in walk(root) if isinstance(widget, QAbstractScrollArea)]


def can_take_focus(widget: QWidget, root: QWidget) -> bool:
    """Tab stops at the widget now (of a choice: the chosen button)."""
    return (
        widget.isVisibleTo(root)
        and widget.isEnabledTo(root)
        and bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
    )
