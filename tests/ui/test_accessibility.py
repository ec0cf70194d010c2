"""Issue 12, accessibility: on every page, every control that takes the keyboard focus has a role
and a name through Qt's accessibility interfaces (what a screen reader gets), and Tab reaches
it from the page's first control.

The controls are found by walking every widget of the window, not with the program's own tab
order (`wizard.ui.focus`), so that a control the program leaves out of its tab order is still
checked."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QRadioButton, QWidget

from tests.ui.conftest import EXAMPLES
from wizard.ui import base

SESSIONS = ["corporate-minpres", "hybrid-stas-party"]


def controls(window) -> list[QWidget]:
    """Every widget of the window that is shown and enabled and takes the focus by Tab (and
    does not hand it on to another widget: a spin box's own line edit hands it to the spin
    box)."""
    return [
        widget
        for widget in window.findChildren(QWidget)
        if widget.isVisible()
        and widget.isEnabled()
        and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        and widget.focusProxy() is None
    ]


def tab_stops(found: list[QWidget]) -> list[QWidget]:
    """The controls Tab stops at: of the radio buttons of one choice only the chosen one (the
    arrow keys move within the choice)."""
    return [
        widget
        for widget in found
        if not (
            isinstance(widget, QRadioButton) and widget.autoExclusive() and not widget.isChecked()
        )
    ]


def described(widget) -> tuple[QAccessible.Role, str]:
    interface = QAccessible.queryAccessibleInterface(widget)
    assert interface is not None and interface.isValid(), widget
    return interface.role(), interface.text(QAccessible.Text.Name)


def reachable_by_tab(qtbot, start, count: int) -> list:
    start.setFocus(Qt.FocusReason.TabFocusReason)
    seen = [QApplication.focusWidget()]
    for _step in range(count):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    return seen


@pytest.mark.parametrize("name", SESSIONS)
def test_every_control_has_a_role_a_name_and_is_reached_by_tab(qtbot, window, name):
    assert window.open_file(EXAMPLES / f"{name}.adviesgesprek.yaml")
    window.steps.show()
    for page_id in [base.START] + sorted(window.pages):
        assert window.go_to(page_id)
        QApplication.processEvents()  # widgets a layout gains are shown queued
        found = controls(window)
        page = window.wizard.currentPage()
        assert [widget for widget in found if page.isAncestorOf(widget)], page_id
        for widget in found:
            role, label = described(widget)
            where = (page_id, widget.objectName() or type(widget).__name__)
            assert role not in (QAccessible.Role.NoRole, QAccessible.Role.Client), where
            assert label.strip(), where
        stops = tab_stops(found)
        first = next(widget for widget in stops if page.isAncestorOf(widget))
        seen = reachable_by_tab(qtbot, first, len(stops) + 2)
        missing = [
            widget.objectName() or type(widget).__name__ for widget in stops if widget not in seen
        ]
        assert not missing, (page_id, missing)
