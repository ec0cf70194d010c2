"""Issue 12, keyboard: focus starts in each page's first field, Tab follows the screen with the
navigation buttons last, Enter goes on where README says, focused fields scroll into view, and
every page opens at its top."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QWizard

from tests.ui.conftest import EXAMPLES
from tests.ui.helpers import find
from wizard.ui import base

EXAMPLE = EXAMPLES / "corporate-minpres.adviesgesprek.yaml"


def focus() -> object:
    return QApplication.focusWidget()


def test_focus_lands_in_the_first_field_of_every_page(qtbot, window):
    assert window.open_file(EXAMPLE)
    for page_id in sorted(window.pages):
        assert window.go_to(page_id)
        page = window.pages[page_id]
        first = page.focusable()[0]
        assert focus() is first, (page_id, focus(), first)
    assert find(window, "minister.name") is window.pages[base.MINISTER].focusable()[0]


def test_start_page_focus_and_enter_starts_a_new_conversation(qtbot, window):
    assert focus() is find(window, "start.new")
    qtbot.keyClick(focus(), Qt.Key.Key_Return)
    assert window.wizard.currentId() == base.MINISTER
    assert focus() is find(window, "minister.name")


def tab_through(qtbot, count: int) -> list:
    seen = [focus()]
    for _step in range(count):
        qtbot.keyClick(focus(), Qt.Key.Key_Tab)
        seen.append(focus())
    return seen


def test_tab_follows_the_page_and_the_buttons_come_last(qtbot, window):
    assert window.open_file(EXAMPLE)
    wizard = window.wizard
    for page_id in (base.MINISTER, base.CHOICE, base.PLATFORM_FIRST, base.WEBCARE):
        window.go_to(page_id)
        page = window.pages[page_id]
        stops = [
            widget
            for widget in page.focusable()
            if not (widget.objectName().startswith("variant=") and not widget.isChecked())
        ]  # Tab stops once in a radio group
        seen = tab_through(qtbot, len(stops) + 1)
        assert seen[: len(stops)] == stops, page_id
        buttons = {
            wizard.button(QWizard.WizardButton.BackButton),
            wizard.button(QWizard.WizardButton.NextButton),
        }
        assert seen[len(stops)] in buttons, (page_id, seen[len(stops)])
        # The page's own widgets lie top to bottom on the screen.
        tops = [widget.mapTo(page, QPoint(0, 0)).y() for widget in stops]
        assert tops == sorted(tops), page_id


def test_the_variant_comes_before_the_navigation_buttons(qtbot, window):
    find(window, "start.new").click()
    window.go_to(base.CHOICE)
    seen = tab_through(qtbot, 3)
    names = [widget.objectName() for widget in seen]
    assert names[0].startswith("variant=")
    next_button = window.wizard.button(QWizard.WizardButton.NextButton)
    assert seen.index(next_button) > 0 if next_button in seen else True


def test_enter_is_next_in_a_field_and_presses_a_focused_button(qtbot, window):
    find(window, "start.new").click()
    qtbot.keyClick(find(window, "minister.name"), Qt.Key.Key_Return)
    assert window.wizard.currentId() == base.SITUATION
    window.go_to(base.PLATFORM_FIRST)
    use = find(window, "platforms.x.use")
    qtbot.keyClick(use, Qt.Key.Key_Space)
    button = find(window, "platforms.x.bio:draft")
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Return)  # the button, not Volgende
    assert window.wizard.currentId() == base.PLATFORM_FIRST
    assert window.model.value("platforms.x.bio") == window.model.advice.platforms["x"].bio_draft


def test_enter_on_a_recent_file_lands_on_the_first_page_like_open(qtbot, window, isolated):
    assert window.open_file(EXAMPLE)
    window.model.set_modified(False)
    window.go_to(base.START)
    recent = find(window, "start.recent")
    recent.setFocus()
    recent.setCurrentRow(0)
    qtbot.keyClick(recent, Qt.Key.Key_Return)
    assert window.wizard.currentId() == base.MINISTER
    window.go_to(base.START)
    isolated.open_name = str(EXAMPLE)
    window.actions["open"].trigger()
    assert window.wizard.currentId() == base.MINISTER


def test_a_focused_field_scrolls_into_view(qtbot, window):
    window.resize(900, 520)
    assert window.open_file(EXAMPLE)
    window.go_to(base.PLATFORM_FIRST)
    page = window.pages[base.PLATFORM_FIRST]
    bio = find(window, "platforms.x.bio")
    assert (
        not page.scroll.viewport()
        .rect()
        .contains(bio.mapTo(page.scroll.viewport(), QPoint(0, bio.height())))
    )
    stops = page.focusable()
    for _step in range(stops.index(bio)):
        qtbot.keyClick(focus(), Qt.Key.Key_Tab)
    assert focus() is bio
    viewport = page.scroll.viewport()
    top = bio.mapTo(viewport, QPoint(0, 0))
    bottom = bio.mapTo(viewport, QPoint(0, bio.height()))
    assert viewport.rect().contains(top) and viewport.rect().contains(bottom)


def test_every_page_opens_at_its_top(qtbot, window):
    window.resize(900, 520)
    assert window.open_file(EXAMPLE)
    for page_id in (base.MINISTER, base.ADVICE, base.PLATFORM_FIRST, base.OVERVIEW):
        window.go_to(page_id)
        page = window.pages[page_id]
        area = page.scroll if page.scroll is not None else find(window, "advice.text")
        area.verticalScrollBar().setValue(area.verticalScrollBar().maximum())
        assert area.verticalScrollBar().value() > 0, page_id
        window.go_to(base.SITUATION if page_id != base.SITUATION else base.MINISTER)
        window.go_to(page_id)
        assert area.verticalScrollBar().value() == 0, page_id


def test_a_text_a_page_makes_later_also_opens_at_its_top(qtbot, window):
    """A page finds its scrolling widgets once, and again after it made widgets."""
    from PySide6.QtWidgets import QPlainTextEdit

    page = window.pages[base.OVERVIEW]
    page.to_top()
    text = QPlainTextEdit("regel\n" * 200)
    text.setFixedHeight(60)
    page.body.addWidget(text)
    page.widgetsChanged.emit()
    window.go_to(base.OVERVIEW)
    text.verticalScrollBar().setValue(text.verticalScrollBar().maximum())
    assert text.verticalScrollBar().value() > 0
    page.to_top()
    assert text.verticalScrollBar().value() == 0


def test_escape_closes_nothing_and_f1_opens_the_manual(qtbot, window, monkeypatch):
    from wizard.ui import dialogs

    opened = []
    monkeypatch.setattr(dialogs, "show_manual", lambda parent: opened.append(parent))
    window.findChild(type(window.actions["new"]), "action.manual").trigger()
    assert opened == [window]
    assert (
        window.findChild(type(window.actions["new"]), "action.manual").shortcut().toString() == "F1"
    )


def test_the_focus_ring_follows_the_focus_and_is_hidden_without_it(qtbot, window):
    ring = window.focus_ring.ring
    window.focus_ring._moved(None, None)
    find(window, "start.new").click()
    name = find(window, "minister.name")
    assert focus() is name
    assert ring.isVisible() and ring.widget() is name
    outside = find(window, "minister.office")
    outside.setFocus()
    assert ring.widget() is outside


def test_the_focus_ring_is_hidden_until_something_has_the_focus(qtbot):
    from wizard.app import create_main_window

    fresh = create_main_window()
    qtbot.addWidget(fresh)
    fresh.show()
    ring = fresh.focus_ring.ring
    assert not ring.isVisible() or ring.widget() is not None
    fresh.close()
