"""The wizard never changes an answer by itself (issue 25): the mouse wheel over a drop-down or a
number scrolls the page, arrow keys in a choice move the focus without choosing, changing a
variant whose consequences were discussed asks first, and every change of an answer is one step
to undo and redo."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QPushButton,
    QRadioButton,
    QWidget,
)

from tests.ui.helpers import find, key_chars, set_value, show
from wizard.app import create_main_window
from wizard.constants import SESSION_SUFFIX as SUFFIX
from wizard.ui import base, dialogs
from wizard.ui.documents_page import DocumentsPage

#: the real dialogs (the tests' fixture replaces them in the module)
REAL_ASK_UNSAVED = dialogs.ask_unsaved
REAL_ASK_CHANGE_VARIANT = dialogs.ask_change_variant

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def wheel(widget: QWidget, notches: int = -1) -> None:
    """Turn the mouse wheel over the middle of a widget (negative: towards the advisor)."""
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(widget.rect().center())),
        QPoint(),
        QPoint(0, 120 * notches),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def shown_value(widget: QWidget) -> object:
    return widget.currentIndex() if isinstance(widget, QComboBox) else widget.value()


def undo(qtbot, window) -> None:
    """Ctrl+Z where the focus is (a text field's own undo does not take it)."""
    target = QApplication.focusWidget() or window
    qtbot.keyClick(target, Qt.Key.Key_Z, CTRL)


def redo(qtbot, window) -> None:
    target = QApplication.focusWidget() or window
    qtbot.keyClick(target, Qt.Key.Key_Z, CTRL | SHIFT)


def discussed_choice(qtbot, window) -> QRadioButton:
    """A new conversation on the Keuze page: corporate chosen and a consequence discussed."""
    find(window, "start.new").click()
    chosen = show(window, "variant=corporate")
    set_value(qtbot, window, "variant=corporate", True)
    consequence = window.model.advice.consequences[0].id
    set_value(qtbot, window, f"acknowledged.{consequence}", True)
    assert window.model.value("acknowledged") == [consequence]
    return chosen


# --- 1. the mouse wheel --------------------------------------------------------------------------


def test_the_wheel_over_a_drop_down_scrolls_the_page_and_leaves_the_answer(qtbot, window):
    find(window, "start.new").click()
    window.resize(900, 500)
    set_value(qtbot, window, "predecessor", True)
    page = window.pages[base.PREDECESSOR]
    window.go_to(base.PREDECESSOR)
    combo = find(window, "predecessor.accounts.x.kind")
    set_value(qtbot, window, "predecessor.accounts.x.kind", "office")
    find(window, "predecessor.name").setFocus()
    bar = page.scroll.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)  # (once the page is laid out)
    bar.setValue(0)
    wheel(combo)
    assert window.model.value("predecessor.accounts.x.kind") == "office"
    assert combo.currentData() == "office"
    assert bar.value() > 0  # the page scrolled instead


def test_no_drop_down_or_number_on_any_page_follows_the_wheel_without_focus(qtbot, window):
    find(window, "start.new").click()
    set_value(qtbot, window, "predecessor", True)
    window.model.set("variant", "hybrid")
    for key in window.rulebook.platforms:
        window.model.set(f"platforms.{key}.use", True)
    checked = 0
    for page_id, page in sorted(window.pages.items()):
        assert window.go_to(page_id)
        widgets = page.findChildren(QComboBox) + page.findChildren(QAbstractSpinBox)
        for widget in widgets:
            if not widget.isVisibleTo(page) or not widget.isEnabled():
                continue
            window.wizard.button(window.wizard.WizardButton.NextButton).setFocus()
            revision = window.model.revision
            before = shown_value(widget)
            wheel(widget, -1)
            wheel(widget, 1)
            wheel(widget, -1)
            assert shown_value(widget) == before, widget.objectName()
            assert window.model.revision == revision, widget.objectName()
            checked += 1
    assert checked >= 10


def test_the_wheel_changes_a_drop_down_that_has_the_focus(qtbot, window):
    find(window, "start.new").click()
    combo = show(window, "minister.ministry")
    combo.setFocus()
    before = combo.currentIndex()
    wheel(combo)
    assert combo.currentIndex() != before
    assert window.model.value("minister.ministry") == combo.currentData()


# --- 2. arrow keys in a choice ---------------------------------------------------------------


def test_arrow_keys_move_the_focus_through_the_variants_without_choosing(qtbot, window):
    chosen = discussed_choice(qtbot, window)
    chosen.setFocus()
    for key in (Qt.Key.Key_Down, Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_Right):
        qtbot.keyClick(QApplication.focusWidget(), key)
        assert window.model.value("variant") == "corporate"
        assert chosen.isChecked()
    focused = QApplication.focusWidget()
    assert isinstance(focused, QRadioButton) and focused is not chosen


def test_changing_a_discussed_variant_asks_first_by_keyboard_and_by_mouse(qtbot, window, isolated):
    chosen = discussed_choice(qtbot, window)
    other = find(window, "variant=hybrid")
    isolated.variant_answer = False
    other.setFocus()
    qtbot.keyClick(other, Qt.Key.Key_Space)
    assert isolated.variant_asked == 1
    assert window.model.value("variant") == "corporate"
    assert chosen.isChecked() and not other.isChecked()
    qtbot.mouseClick(other, Qt.MouseButton.LeftButton, pos=QPoint(8, other.height() // 2))
    assert isolated.variant_asked == 2
    assert window.model.value("variant") == "corporate" and chosen.isChecked()
    isolated.variant_answer = True
    qtbot.keyClick(other, Qt.Key.Key_Space)
    assert isolated.variant_asked == 3
    assert window.model.value("variant") == "hybrid" and other.isChecked()


def test_a_variant_not_yet_discussed_changes_without_a_question(qtbot, window, isolated):
    find(window, "start.new").click()
    show(window, "variant=corporate")
    set_value(qtbot, window, "variant=corporate", True)
    set_value(qtbot, window, "variant=hybrid", True)
    assert window.model.value("variant") == "hybrid"
    assert isolated.variant_asked == 0


# --- 3. one undo for every answer ----------------------------------------------------------------


def test_typing_in_one_field_is_one_step_to_undo_and_redo(qtbot, window):
    find(window, "start.new").click()
    name = show(window, "minister.name")
    name.setFocus()
    key_chars(name, "Rob")
    party = find(window, "minister.party")
    party.setFocus()
    key_chars(party, "D66")
    undo(qtbot, window)
    assert window.model.value("minister.party") in (None, "") and party.text() == ""
    assert window.model.value("minister.name") == "Rob"
    undo(qtbot, window)
    assert window.model.value("minister.name") in (None, "") and name.text() == ""
    redo(qtbot, window)
    assert window.model.value("minister.name") == "Rob" == name.text()
    redo(qtbot, window)
    assert window.model.value("minister.party") == "D66" == party.text()


def test_a_choice_a_radio_button_and_a_check_box_can_be_undone(qtbot, window):
    find(window, "start.new").click()
    combo = show(window, "minister.ministry")
    set_value(qtbot, window, "minister.ministry", "EZK")
    set_value(qtbot, window, "minister.ministry", "LVVN")
    undo(qtbot, window)
    assert window.model.value("minister.ministry") == "EZK" == combo.currentData()
    show(window, "variant=hybrid")
    set_value(qtbot, window, "variant=corporate", True)
    set_value(qtbot, window, "variant=hybrid", True)
    undo(qtbot, window)
    assert window.model.value("variant") == "corporate"
    assert find(window, "variant=corporate").isChecked()
    assert not find(window, "variant=hybrid").isChecked()
    box = show(window, "platforms.x.use")
    set_value(qtbot, window, "platforms.x.use", True)
    undo(qtbot, window)
    assert not window.model.value("platforms.x.use") and not box.isChecked()
    redo(qtbot, window)
    assert window.model.value("platforms.x.use") is True and box.isChecked()


def test_undo_brings_the_page_of_the_answer_into_view(qtbot, window):
    find(window, "start.new").click()
    show(window, "minister.ministry")
    set_value(qtbot, window, "minister.ministry", "EZK")
    window.go_to(base.PREDECESSOR)
    set_value(qtbot, window, "predecessor", True)
    undo(qtbot, window)
    assert window.model.value("predecessor") is None
    assert not find(window, "predecessor").isChecked()
    window.actions["undo"].trigger()
    assert window.wizard.currentId() == base.MINISTER
    assert window.model.value("minister.ministry") in (None, "")
    assert find(window, "minister.ministry").currentIndex() == 0


def test_the_draft_and_a_discussed_consequence_are_steps_of_their_own(qtbot, window):
    find(window, "start.new").click()
    window.model.set("variant", "corporate")
    show(window, "platforms.x.use")
    set_value(qtbot, window, "platforms.x.use", True)
    bio = find(window, "platforms.x.bio")
    bio.setFocus()
    key_chars(bio, "Eigen")
    find(window, "platforms.x.bio:draft").click()
    assert window.model.value("platforms.x.bio") == window.model.advice.platforms["x"].bio_draft
    undo(qtbot, window)
    assert window.model.value("platforms.x.bio") == "Eigen" == bio.toPlainText()
    show(window, "variant=corporate")
    consequence = window.model.advice.consequences[0].id
    set_value(qtbot, window, f"acknowledged.{consequence}", True)
    undo(qtbot, window)
    assert not window.model.value("acknowledged")
    assert not find(window, f"acknowledged.{consequence}").isChecked()


def test_undo_is_empty_for_a_new_conversation(qtbot, window):
    find(window, "start.new").click()
    set_value(qtbot, window, "minister.name", "Rob")
    assert window.actions["undo"].isEnabled()
    window.files.new_conversation()
    assert not window.actions["undo"].isEnabled()
    assert not window.actions["redo"].isEnabled()


# --- 7. untouched means "nog in te vullen" ---------------------------------------------------


def severities(window, page_id: int) -> dict[str, str]:
    """What the wizard shows for each session path of a page: error, warning, info or todo."""
    return {item.path: item.severity for item in window.model.shown() if item.page == page_id}


def test_a_field_that_appears_is_still_to_fill_in_until_touched_or_passed(qtbot, window):
    find(window, "start.new").click()
    show(window, "variant=hybrid")
    set_value(qtbot, window, "variant=hybrid", True)
    motivation = find(window, "motivation")
    assert motivation.isVisibleTo(window.pages[base.CHOICE])
    assert severities(window, base.CHOICE)["motivation"] == "todo"
    assert "Fout" not in motivation.accessibleDescription()
    window.wizard.next()  # past it, empty: now it is an error
    assert severities(window, base.CHOICE)["motivation"] == "error"


def test_ticking_a_predecessor_shows_no_error_at_once(qtbot, window):
    find(window, "start.new").click()
    show(window, "predecessor")
    set_value(qtbot, window, "predecessor", True)
    shown = severities(window, base.PREDECESSOR)
    assert shown and set(shown.values()) <= {"todo", "info"}, shown
    for widget in window.pages[base.PREDECESSOR].findChildren(QWidget):
        if widget.objectName().endswith(":message") and widget.isVisibleTo(window):
            assert "Fout" not in widget.text() and "Let op" not in widget.text()


def test_a_field_hidden_when_its_page_was_left_starts_untouched_when_it_appears(qtbot, window):
    find(window, "start.new").click()
    show(window, "variant=corporate")
    set_value(qtbot, window, "variant=corporate", True)
    window.wizard.next()  # the motivation was not shown
    window.wizard.back()
    set_value(qtbot, window, "variant=hybrid", True)
    assert severities(window, base.CHOICE)["motivation"] == "todo"


def test_making_the_documents_shows_every_finding(qtbot, window):
    find(window, "start.new").click()
    window.model.set("variant", "hybrid")
    assert severities(window, base.CHOICE)["motivation"] == "todo"
    window.go_to(base.DOCUMENTS)
    assert severities(window, base.CHOICE)["motivation"] == "error"


def test_ga_naar_marks_only_the_pages_visited(qtbot, window):
    find(window, "start.new").click()
    set_value(qtbot, window, "minister.name", "Rob Jetten")
    window.go_actions[base.PLATFORM_FIRST].trigger()
    assert window.wizard.currentId() == base.PLATFORM_FIRST
    marks = window.findings.step_marks()
    assert marks[base.MINISTER][0] != "open"  # visited and left
    for page_id in window.pages:
        if base.MINISTER < page_id < base.PLATFORM_FIRST:
            assert marks[page_id][0] in ("open", "todo"), page_id  # not ✔, not an error
    assert severities(window, base.CHOICE).get("acknowledged") in (None, "todo")


# --- 10. smaller things --------------------------------------------------------------------------


def answer_modal(qtbot, text: str) -> list[str]:
    """When the next modal dialog shows, note its buttons (and which is the default), then press
    the one with `text`."""
    seen: list[str] = []

    def press() -> None:
        box = QApplication.activeModalWidget()
        for button in box.findChildren(QPushButton):
            seen.append(button.text() + (" (default)" if button.isDefault() else ""))
        next(button for button in box.findChildren(QPushButton) if button.text() == text).click()

    QTimer.singleShot(0, press)
    return seen


def test_the_unsaved_question_has_shortcut_letters(qtbot, window):
    seen = answer_modal(qtbot, "&Niet opslaan")
    assert REAL_ASK_UNSAVED(window, "het gesprek") == dialogs.DISCARD
    assert sorted(seen) == ["&Annuleren", "&Niet opslaan", "&Opslaan (default)"]


def test_the_variant_question_says_no_unless_asked(qtbot, window):
    seen = answer_modal(qtbot, "&Nee")
    assert REAL_ASK_CHANGE_VARIANT(window) is False
    assert sorted(seen) == ["&Ja, wijzigen", "&Nee (default)"]


def test_f8_shows_the_step_list_and_puts_the_focus_in_it(qtbot, window):
    find(window, "start.new").click()
    steps = find(window, "steps")
    toggle = window.steps.toggleViewAction()
    if steps.isVisible():
        toggle.trigger()
    assert not steps.isVisible()
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_F8)
    assert steps.isVisible()
    qtbot.waitUntil(lambda: steps.isAncestorOf(QApplication.focusWidget()))


def test_home_and_end_in_the_ga_naar_menu(qtbot, window):
    find(window, "start.new").click()
    menu = window.go_menu
    menu.popup(window.mapToGlobal(window.rect().center()))
    qtbot.waitExposed(menu)
    qtbot.keyClick(menu, Qt.Key.Key_End)
    assert menu.activeAction() is menu.actions()[-1]
    qtbot.keyClick(menu, Qt.Key.Key_Home)
    assert menu.activeAction() is menu.actions()[0]
    menu.close()


def test_recent_conversations_show_their_folder(qtbot, window, tmp_path):
    path = tmp_path / "gesprekken" / f"jetten{SUFFIX}"
    window.recent.add(path, "Rob Jetten", "2026-02-23")
    [action] = window.recent_menu.actions()
    assert path.name in action.text() and str(path.parent) in action.text()
    assert action.toolTip() == str(path)


def test_print_preview_and_print_are_in_the_file_menu(qtbot, monkeypatch):
    called = []
    monkeypatch.setattr(DocumentsPage, "print_preview", lambda _page: called.append("preview"))
    monkeypatch.setattr(DocumentsPage, "print_dialog", lambda _page: called.append("print"))
    win = create_main_window()
    qtbot.addWidget(win)
    file_menu = win.menuBar().actions()[0].menu()
    names = [action.objectName() for action in file_menu.actions()]
    assert "action.print_preview" in names and "action.print" in names
    win.actions["print_preview"].trigger()
    win.actions["print"].trigger()
    assert called == ["preview", "print"]
    win.close()
