"""Two windows on one file (issue 24): a save never silently undoes another window's save, and a
window that opens a file another window has open is told so. (Two real programs under a window
manager: tests/ui/test_real_window.py.)"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSysInfo

from tests.ui.helpers import set_value
from wizard.app import create_main_window
from wizard.constants import SESSION_SUFFIX as SUFFIX
from wizard.core.files import Fingerprint, fingerprint
from wizard.core.session import load_session, new_session, save_session
from wizard.ui import dialogs
from wizard.ui.autosave import Recovery
from wizard.ui.locks import lock_path, make_lock


@pytest.fixture
def conversation(tmp_path) -> Path:
    path = tmp_path / f"gesprek{SUFFIX}"
    session = new_session()
    session.set("minister.name", "Rob Jetten")
    session.set("minister.party", "D66")
    save_session(session, path)
    return path


@pytest.fixture
def other(qtbot):
    """A second window, beside the `window` fixture's."""
    win = create_main_window()
    qtbot.addWidget(win)
    win.show()
    yield win
    win.model.set_modified(False)
    win.close()


def lost_update(qtbot, window, other, conversation: Path) -> bytes:
    """Both windows open the file; the other saves a new name; this window changes the party.
    The file as the other window saved it."""
    assert window.open_file(conversation)
    assert other.open_file(conversation)  # the fixture's answer: open it anyway
    set_value(qtbot, other, "minister.name", "Robert Jetten")
    assert other.save()
    set_value(qtbot, window, "minister.party", "GroenLinks-PvdA")
    return conversation.read_bytes()


def test_a_save_over_a_file_changed_on_disk_asks_and_writes_nothing(
    qtbot, window, other, conversation, isolated
):
    saved = lost_update(qtbot, window, other, conversation)
    isolated.changed_answers = [dialogs.CANCEL]
    assert not window.save()
    assert isolated.changed_asked == [conversation.name]
    assert conversation.read_bytes() == saved
    assert window.isWindowModified() and window.model.value("minister.party") == "GroenLinks-PvdA"


def test_compare_shows_the_answers_that_differ_and_asks_again(
    qtbot, window, other, conversation, isolated
):
    saved = lost_update(qtbot, window, other, conversation)
    isolated.changed_answers = [dialogs.COMPARE, dialogs.CANCEL]
    assert not window.save()
    assert isolated.differences == [
        [
            "Naam: in dit venster “Rob Jetten”, in het bestand “Robert Jetten”",
            "Partij: in dit venster “GroenLinks-PvdA”, in het bestand “D66”",
        ]
    ]
    assert len(isolated.changed_asked) == 2
    assert conversation.read_bytes() == saved


def test_reload_takes_the_file_as_it_is_after_asking(qtbot, window, other, conversation, isolated):
    lost_update(qtbot, window, other, conversation)
    isolated.reload_answer = False  # first not: asked again
    isolated.changed_answers = [dialogs.RELOAD, dialogs.CANCEL]
    assert not window.save()
    assert window.model.value("minister.party") == "GroenLinks-PvdA"
    isolated.reload_answer = True
    isolated.changed_answers = [dialogs.RELOAD]
    assert not window.save()
    assert window.model.value("minister.name") == "Robert Jetten"
    assert window.model.value("minister.party") == "D66"
    assert not window.isWindowModified()
    set_value(qtbot, window, "minister.party", "GroenLinks-PvdA")
    asked = len(isolated.changed_asked)
    assert window.save()  # the file is as this window read it: no question
    assert len(isolated.changed_asked) == asked
    on_disk = load_session(conversation)
    assert (on_disk.get("minister.name"), on_disk.get("minister.party")) == (
        "Robert Jetten",
        "GroenLinks-PvdA",
    )


def test_save_as_keeps_the_other_file(qtbot, window, other, conversation, isolated, tmp_path):
    saved = lost_update(qtbot, window, other, conversation)
    isolated.changed_answers = [dialogs.SAVE_AS]
    isolated.save_name = str(tmp_path / f"mijn-versie{SUFFIX}")
    assert window.save()
    assert conversation.read_bytes() == saved
    assert load_session(isolated.save_name).get("minister.party") == "GroenLinks-PvdA"
    assert window.model.file == Path(isolated.save_name).resolve()


def test_overwrite_is_a_choice_never_the_default(qtbot, window, other, conversation, isolated):
    lost_update(qtbot, window, other, conversation)
    isolated.changed_answers = [dialogs.OVERWRITE]
    assert window.save()
    assert isolated.changed_asked == [conversation.name]
    assert load_session(conversation).get("minister.name") == "Rob Jetten"


@pytest.mark.parametrize("change", ["touched", "removed", "saved by this window"])
def test_no_question_when_nothing_on_disk_would_be_lost(
    qtbot, window, conversation, isolated, change
):
    assert window.open_file(conversation)
    if change == "touched":  # the same bytes, another time
        os.utime(conversation, ns=(1_000_000_000, 1_000_000_000))
    elif change == "removed":
        conversation.unlink()
    else:
        set_value(qtbot, window, "minister.post", "Klimaat")
        assert window.save()
    set_value(qtbot, window, "minister.party", "GroenLinks-PvdA")
    assert window.save()
    assert isolated.changed_asked == []
    assert load_session(conversation).get("minister.party") == "GroenLinks-PvdA"


def test_a_recovered_conversation_knows_what_its_file_was(
    qtbot, window, other, conversation, isolated
):
    """The autosave remembers the file's fingerprint: after a crash, the recovered conversation
    is saved without a question, unless the file changed since."""
    assert window.open_file(conversation)
    set_value(qtbot, window, "minister.party", "GroenLinks-PvdA")
    window.autosaver.flush()
    window.autosaver.wait()
    meta = window.autosaver.meta_file.read_text(encoding="utf-8")
    recovery = Recovery(
        window.autosaver.session_file,
        window.autosaver.meta_file,
        make_lock(window.autosaver.meta_file.with_suffix(".test-lock")),
        json.loads(meta),
    )
    assert recovery.original_disk == fingerprint(conversation)
    assert other.files.recover(recovery)
    assert other.save()
    assert isolated.changed_asked == []
    assert load_session(conversation).get("minister.party") == "GroenLinks-PvdA"


def test_a_second_window_is_told_the_file_is_open_elsewhere(
    qtbot, window, other, conversation, isolated
):
    assert window.open_file(conversation)
    lock = lock_path(conversation)
    assert lock == conversation.with_name(f".{conversation.name}.lock")
    pid, *_rest, host = lock.read_text(encoding="utf-8").split("\n")[:3]
    assert int(pid) == os.getpid() and host == QSysInfo.machineHostName()
    isolated.elsewhere_answer = dialogs.CANCEL
    assert not other.open_file(conversation)
    assert other.model.file is None
    isolated.elsewhere_answer = dialogs.READ_ONLY
    assert other.open_file(conversation)
    assert isolated.elsewhere_asked == [(conversation.name, os.getpid(), host)] * 2
    assert "(alleen-lezen)" in other.windowTitle()
    before = conversation.read_bytes()
    set_value(qtbot, other, "minister.party", "GroenLinks-PvdA")
    assert not other.save()  # read-only: Save asks for another name (none given here)
    assert not other.save_to(conversation)
    assert "alleen-lezen geopend" in isolated.errors[-1][1]
    assert conversation.read_bytes() == before


def test_the_lock_goes_with_the_file(qtbot, window, conversation, tmp_path):
    lock = lock_path(conversation)
    assert window.open_file(conversation)
    assert lock.exists()
    window.files.new_conversation()
    assert not lock.exists()
    assert window.open_file(conversation)
    assert window.save_to(tmp_path / f"kopie{SUFFIX}")  # the copy is the open file now
    assert not lock.exists() and lock_path(tmp_path / f"kopie{SUFFIX}").exists()
    window.close()
    assert not lock_path(tmp_path / f"kopie{SUFFIX}").exists()


def dead_process() -> int:
    """The process id of a program that has ended."""
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


@pytest.mark.parametrize("kind", ["a dead program", "killed while making it"])
def test_a_stale_lock_is_taken_over_without_a_question(qtbot, window, conversation, isolated, kind):
    lock = lock_path(conversation)
    if kind == "a dead program":
        lock.write_text(
            f"{dead_process()}\nAdviesgesprek\n{QSysInfo.machineHostName()}\n", encoding="utf-8"
        )
    else:  # an empty lock file, however new: a live program holds its lock while it writes
        lock.write_bytes(b"")
    assert window.open_file(conversation)
    assert isolated.elsewhere_asked == []
    assert int(lock.read_text(encoding="utf-8").split()[0]) == os.getpid()


def test_a_fingerprint_is_of_the_bytes(conversation):
    before = fingerprint(conversation)
    assert isinstance(before, Fingerprint) and before.size == conversation.stat().st_size
    conversation.write_bytes(conversation.read_bytes().replace(b"D66", b"VVD"))
    assert fingerprint(conversation).digest != before.digest
    assert fingerprint(conversation.with_name("weg")) is None
    assert fingerprint(conversation.parent) is None
