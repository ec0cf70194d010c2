"""Emptying a layout whose widgets are made again: the overview's rows, a list of check boxes,
the start page's recovered conversations."""

from __future__ import annotations

from PySide6.QtWidgets import QLayout


def empty(layout: QLayout) -> None:
    """Take every widget out of `layout` and delete it at once, so that the new widgets are
    never made beside the old ones (nor found by name in their place).

    `removeWidget` also deletes the layout's item for the widget; `takeAt` would hand that item
    to the caller, and from Python nobody deletes it. Without a parent, a widget belongs to
    Python and is deleted with its last reference. (Qt's buttons look whether they still exist
    after they have sent a signal: a row may be emptied by its own button.)"""
    widgets = [layout.itemAt(index).widget() for index in range(layout.count())]
    for widget in widgets:
        if widget is not None:
            layout.removeWidget(widget)
            widget.hide()
            widget.setParent(None)
