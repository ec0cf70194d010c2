"""Issue 12, accessibility: on every page, every control that takes the keyboard focus has a role
and a name through Qt's accessibility interfaces (what a screen reader gets), and Tab reaches
it from the page's first field."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QTextBrowser, QWizard

from tests.ui.conftest import EXAMPLES
from wizard.ui import base

SESSIONS = ["corporate-minpres", "hybrid-stas-party"]


def described(widget) -> tuple[str, str]:
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
    buttons = [
        window.wizard.button(which)
        for which in (
            QWizard.WizardButton.BackButton,
            QWizard.WizardButton.NextButton,
            QWizard.WizardButton.FinishButton,
        )
    ]
    checked = 0
    for page_id in [base.START] + sorted(window.pages):
        assert window.go_to(page_id)
        page = window.wizard.currentPage()
        controls = [
            widget for widget in base.focus_chain(page) if base.can_take_focus(widget, page)
        ]
        controls += [button for button in buttons if button.isVisible() and button.isEnabled()]
        for dock in (window.steps, window.side_panel):
            controls += [
                widget
                for widget in base.focus_chain(dock)
                if base.can_take_focus(widget, dock) and dock.isVisible()
            ]
        for widget in controls:
            role, label = described(widget)
            where = (page_id, widget.objectName() or type(widget).__name__)
            assert role not in (QAccessible.Role.NoRole, QAccessible.Role.Client), where
            assert label.strip(), where
            checked += 1
        # Radio buttons in a group are one Tab stop (arrow keys move within the group).
        stops = [
            widget
            for widget in controls
            if not (
                widget.objectName().count("=")
                and hasattr(widget, "isChecked")
                and widget.autoExclusive()
                and not widget.isChecked()
            )
        ]
        # Tab also stops at every "Bron" link in a text (the advice, the side panel).
        links = sum(
            widget.toHtml().count('href="bron:')
            for widget in stops
            if isinstance(widget, QTextBrowser)
        )
        seen = reachable_by_tab(qtbot, controls[0], len(stops) + links + 2)
        missing = [
            widget.objectName() or type(widget).__name__ for widget in stops if widget not in seen
        ]
        assert not missing, (page_id, missing)
    assert checked > 100
