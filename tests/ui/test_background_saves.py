"""Saves and autosaves in the writer's thread (issue 24): the window goes on while a large
conversation is written, a change typed meanwhile is neither lost nor counted as saved, and two
writes of one file never run at once. (README's half second for a large conversation, in a real
process killed after it: tests/ui/test_autosave.py.)"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tests.ui.helpers import find, set_value
from wizard.constants import SESSION_SUFFIX as SUFFIX
from wizard.core import session as session_module
from wizard.core.session import load_session, new_session, save_session
from wizard.ui import autosave as autosave_module
from wizard.ui import base
from wizard.ui.files import BACKGROUND_CHARACTERS
from wizard.ui.writer import Writer

WAIT_MS = 30_000
CTRL = Qt.KeyboardModifier.ControlModifier
#: how long a job must not start while the one before it runs (a thread would start it at once)
NOT_BEFORE_S = 0.5
NOTE = "Een lang geplakt verslag van het vorige gesprek, regel voor regel.\n"


@pytest.fixture
def large(tmp_path) -> Path:
    """A conversation with more text than Ctrl+S waits for."""
    path = tmp_path / f"groot{SUFFIX}"
    session = new_session()
    session.set("minister.name", "Dilan Yeşilgöz")
    session.set("conversation.notes", NOTE * (BACKGROUND_CHARACTERS // len(NOTE) + 1))
    save_session(session, path)
    return path


class Disk:
    """The writer's file writes (by the core's `write_atomic`), held until released: what the
    window does meanwhile is done while a write is under way. Counts the writes of each file
    under way at once."""

    def __init__(self, monkeypatch, held: bool) -> None:
        self.real = session_module.write_atomic
        self.entered = threading.Event()
        self.release = threading.Event()
        if not held:
            self.release.set()
        self.lock = threading.Lock()
        self.busy: dict[Path, int] = {}
        self.most = 0
        monkeypatch.setattr(session_module, "write_atomic", self.write)
        monkeypatch.setattr(autosave_module, "write_atomic", self.write)

    def write(self, path: Path, text: str):
        with self.lock:
            self.busy[path] = self.busy.get(path, 0) + 1
            self.most = max(self.most, self.busy[path])
        self.entered.set()
        try:
            assert self.release.wait(WAIT_MS / 1000), "the test never released the write"
            return self.real(path, text)
        finally:
            with self.lock:
                self.busy[path] -= 1


def test_ctrl_s_of_a_large_conversation_lets_the_advisor_go_on(qtbot, window, large, monkeypatch):
    assert window.open_file(large)
    set_value(qtbot, window, "minister.name", "Dilan Yeşilgöz-Zegerius")
    disk = Disk(monkeypatch, held=True)
    window.activateWindow()
    qtbot.keyClick(window, "s", modifier=CTRL)  # Ctrl+S returns while it writes
    qtbot.waitUntil(disk.entered.is_set, timeout=WAIT_MS)
    assert window.files.saving == 1 and window.isWindowModified()
    # the window goes on: another answer, another page, while the file is being written
    set_value(qtbot, window, "minister.party", "VVD")
    assert window.go_to(base.SITUATION)
    assert load_session(large).get("minister.name") == "Dilan Yeşilgöz"
    with qtbot.waitSignal(window.files.saved, timeout=WAIT_MS):
        disk.release.set()
    saved = load_session(large)
    assert saved.get("minister.name") == "Dilan Yeşilgöz-Zegerius"
    assert saved.get("minister.party") in (None, "")  # typed after Ctrl+S
    assert window.isWindowModified()  # so it is not saved yet
    window.autosaver.flush()
    window.autosaver.wait()
    assert load_session(window.autosaver.session_file).get("minister.party") == "VVD"


def test_an_autosave_under_way_is_followed_by_the_change_typed_meanwhile(
    qtbot, window, large, monkeypatch
):
    assert window.open_file(large)
    disk = Disk(monkeypatch, held=True)
    set_value(qtbot, window, "minister.name", "Mona Keijzer")
    window.autosaver.flush()
    qtbot.waitUntil(disk.entered.is_set, timeout=WAIT_MS)
    set_value(qtbot, window, "minister.party", "BBB")  # while the autosave is written
    with qtbot.waitSignal(window.autosaver.saved, timeout=WAIT_MS):  # the state as it is now
        disk.release.set()
    autosaved = load_session(window.autosaver.session_file)
    assert (autosaved.get("minister.name"), autosaved.get("minister.party")) == (
        "Mona Keijzer",
        "BBB",
    )


def test_the_writer_does_one_job_at_a_time_in_the_order_given(qtbot):
    """So two writes of one file never run at once, and the removal of the autosave after a
    save never comes before a write of it that was under way."""
    writer = Writer()
    first_running, release, second_running = threading.Event(), threading.Event(), threading.Event()
    done: list[str] = []

    def first() -> str:
        first_running.set()
        assert release.wait(WAIT_MS / 1000)
        return "first"

    def second() -> str:
        second_running.set()
        return "second"

    for job in (first, second):
        writer.add(job, lambda result, _message: done.append(result))
    assert first_running.wait(WAIT_MS / 1000)
    assert not second_running.wait(NOT_BEFORE_S), "the second job ran beside the first"
    release.set()
    writer.wait()
    assert done == ["first", "second"]


def test_saves_and_autosaves_in_a_row_leave_the_last_answer(qtbot, window, large, monkeypatch):
    assert window.open_file(large)
    disk = Disk(monkeypatch, held=False)
    window.activateWindow()
    for number in range(4):
        set_value(qtbot, window, "minister.post", f"Portefeuille {number}")
        qtbot.keyClick(window, "s", modifier=CTRL)  # in the background
        window.autosaver.flush()
        window.go_to(base.SITUATION if number % 2 == 0 else base.MINISTER)  # autosaves at once
    window.files.writer.wait()
    assert disk.most == 1  # the session file and the autosave each one write at a time
    assert load_session(large).get("minister.post") == "Portefeuille 3"
    assert not window.isWindowModified()
    assert not window.autosaver.session_file.exists()


def test_a_small_conversation_is_on_disk_when_ctrl_s_returns(qtbot, window, tmp_path):
    find(window, "start.new").click()
    set_value(qtbot, window, "minister.name", "Mona Keijzer")
    assert window.save_to(tmp_path / f"mona{SUFFIX}")
    set_value(qtbot, window, "minister.party", "BBB")
    window.activateWindow()
    qtbot.keyClick(window, "s", modifier=CTRL)
    assert not window.isWindowModified()
    assert load_session(tmp_path / f"mona{SUFFIX}").get("minister.party") == "BBB"
