"""Issue 12: the window within the screen, and what the program remembers between
conversations and sessions (QSettings): size, place, docks, the advisor and the director,
the last folder, the recent files with minister and date."""

from __future__ import annotations

from pathlib import Path

import yaml
from PySide6.QtCore import QRect, QSettings, Qt
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import EXAMPLES
from tests.ui.helpers import find, set_value
from wizard.app import create_main_window
from wizard.constants import SESSION_SUFFIX as SUFFIX
from wizard.core.schema import load_schema
from wizard.core.session import load_session
from wizard.ui import base, dialogs, placement
from wizard.ui.placement import fit_rect

EXAMPLE = EXAMPLES / "corporate-minpres.adviesgesprek.yaml"


def new_window(qtbot):
    win = create_main_window()
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def close(win) -> None:
    win.model.set_modified(False)
    assert win.close()


def test_fit_rect_keeps_a_window_on_the_screen():
    screen = QRect(0, 0, 1366, 728)
    assert fit_rect(QRect(100, 50, 1180, 800), screen) == QRect(100, 0, 1180, 728)
    assert fit_rect(QRect(-50, 900, 400, 300), screen) == QRect(0, 428, 400, 300)
    assert fit_rect(QRect(0, 0, 1770, 1200), QRect(0, 0, 683, 384)) == QRect(0, 0, 683, 384)


def test_the_window_opens_within_the_screen(qtbot, window):
    available = window.screen().availableGeometry()
    assert available.contains(window.frameGeometry()), (window.frameGeometry(), available)
    assert window.side_panel.width() <= window.width() / 3
    window.resizeDocks([window.side_panel], [2000], Qt.Orientation.Horizontal)  # dragged wide
    QApplication.processEvents()
    assert window.side_panel.width() <= window.width() / 3
    window.resize(700, 500)
    QApplication.processEvents()
    assert window.side_panel.width() <= window.width() / 3


def test_size_place_and_docks_are_remembered(qtbot):
    win = new_window(qtbot)
    available = win.screen().availableGeometry()
    win.setGeometry(available.x() + 10, available.y() + 20, 700, 500)
    win.findChild(type(win.actions["new"]), "action.side_panel").trigger()  # F9: closed
    assert win.side_panel.isHidden()
    geometry = win.geometry()
    close(win)
    again = new_window(qtbot)
    assert again.geometry().size() == geometry.size()
    moved = again.geometry().topLeft() - geometry.topLeft()
    assert abs(moved.x()) <= 10 and abs(moved.y()) <= 10  # (the platform's frame aside)
    assert again.side_panel.isHidden()
    close(again)


def test_a_remembered_window_larger_than_the_screen_is_made_to_fit(qtbot):
    win = new_window(qtbot)
    win.resize(4000, 3000)
    close(win)
    again = new_window(qtbot)
    assert again.screen().availableGeometry().contains(again.geometry())
    close(again)


def test_advisor_and_director_are_remembered_for_the_next_conversation(qtbot, tmp_path):
    win = new_window(qtbot)
    find(win, "start.new").click()
    set_value(qtbot, win, "conversation.advisor", "Sanne de Wit")
    set_value(qtbot, win, "conversation.director", "Joris Bakker")
    path = tmp_path / f"gesprek{SUFFIX}"
    assert win.save_to(path)
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert data["conversation"]["director"] == "Joris Bakker"
    schema = load_schema(
        Path(__file__).resolve().parents[2] / "resources" / "schemas" / "session.schema.json"
    )
    assert "director" in schema["properties"]["conversation"]["properties"]
    assert load_session(path).get("conversation.director") == "Joris Bakker"  # checked
    close(win)
    again = new_window(qtbot)
    find(again, "start.new").click()
    assert find(again, "conversation.advisor").text() == "Sanne de Wit"
    assert again.model.value("conversation.director") == "Joris Bakker"
    assert load_session(path).get("conversation.director") == "Joris Bakker"
    close(again)


def test_file_dialogs_start_in_the_last_folder_used(qtbot, window, tmp_path, monkeypatch):
    folder = tmp_path / "gesprekken"
    folder.mkdir()
    copy = folder / EXAMPLE.name
    copy.write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    assert window.open_file(copy)
    asked = []
    monkeypatch.setattr(
        dialogs,
        "open_file_name",
        lambda _parent, _title, start, _filters: asked.append(start) or "",
    )
    window.model.set_modified(False)
    window.actions["open"].trigger()
    assert asked == [str(folder)]
    saves = []
    monkeypatch.setattr(
        dialogs,
        "save_file_name",
        lambda _parent, _title, start, _filters: saves.append(start) or "",
    )
    find(window, "start.new").click()
    set_value(qtbot, window, "minister.name", "Mona Keijzer")
    window.actions["save_as"].trigger()
    assert Path(saves[0]).parent == folder and Path(saves[0]).name.startswith("mona-keijzer")


def test_recent_files_show_minister_and_date_and_a_missing_one_can_be_removed(
    qtbot, window, tmp_path
):
    gone = tmp_path / f"weg{SUFFIX}"
    gone.write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    assert window.open_file(gone)
    assert window.open_file(EXAMPLE)
    gone.unlink()
    window.go_to(base.START)
    window.start_page.set_recent(window.recent.entries())
    recent = find(window, "start.recent")
    texts = [recent.item(row).text() for row in range(recent.count())]
    assert texts[0].startswith("Rob Jetten, gesprek van 20-02-2026")
    assert "niet gevonden" in texts[1] and "niet gevonden" not in texts[0]
    recent.setCurrentRow(1)
    recent.setFocus()
    qtbot.keyClick(recent, Qt.Key.Key_Delete)
    assert QSettings().value("recentFiles") == [str(EXAMPLE.resolve())]
    assert recent.count() == 1
    recent.setCurrentRow(0)
    find(window, "start.recent.remove").click()
    assert recent.count() == 0 and not window.recent.files()


def test_the_start_page_goes_on_and_never_finishes(qtbot, window):
    from PySide6.QtWidgets import QWizard

    finish = window.wizard.button(QWizard.WizardButton.FinishButton)
    assert not finish.isVisible()
    assert window.wizard.button(QWizard.WizardButton.NextButton).isVisible()
    window.wizard.next()
    assert window.wizard.currentId() == base.MINISTER and window.isVisible()


def test_step_list_and_go_to_menu_show_marks_and_jump(qtbot, window):
    find(window, "start.new").click()
    steps = find(window, "steps.list")
    assert steps.count() == len(window.pages)
    assert window.step_label.text().startswith("Stap 1 van ")
    go = window.go_actions[base.MINISTER].text()
    assert go.startswith("○")  # still to fill in
    window.wizard.next()
    assert window.go_actions[base.MINISTER].text().startswith("✖")
    assert "fout" in window.go_actions[base.MINISTER].text()
    assert window.go_actions[base.SITUATION].text().startswith("·")  # not yet visited
    window.go_to(base.ATTENTION)
    assert window.go_actions[base.SITUATION].text().startswith("✔")
    row = sorted(window.pages).index(base.CHOICE)
    steps.setFocus()
    steps.setCurrentRow(row)
    qtbot.keyClick(steps, Qt.Key.Key_Return)
    assert window.wizard.currentId() == base.CHOICE
    assert window.step_label.text() == f"Stap 4 van {len(window.pages)}: Keuze"
    assert QApplication.focusWidget() is not None


def test_a_step_list_hidden_for_lack_of_room_comes_back_on_a_wide_screen(qtbot, monkeypatch):
    """Issue 25: hidden at 200 % (a narrow screen), the step list is not remembered as hidden
    at 100 %; hidden by the advisor (F8), it stays hidden."""
    monkeypatch.setattr(placement, "STEPS_SHOWN_FROM", 10**6)  # every screen is narrow
    narrow = new_window(qtbot)
    assert narrow.steps.isHidden()
    close(narrow)
    monkeypatch.setattr(placement, "STEPS_SHOWN_FROM", 0)  # every screen is wide
    wide = new_window(qtbot)
    assert not wide.steps.isHidden()
    wide.findChild(type(wide.actions["new"]), "action.steps").trigger()  # F8: hidden
    assert wide.steps.isHidden()
    close(wide)
    again = new_window(qtbot)
    assert again.steps.isHidden()
    close(again)
