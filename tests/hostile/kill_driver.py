"""The real wizard in a process of its own, typing, saving (Ctrl+S) and autosaving without end,
for the kill test (test_kill_the_wizard.py) to kill at a random moment.

    python tests/hostile/kill_driver.py SESSION_FILE [--slow-disk]

It starts the window exactly as `adviesgesprek` does (start page first, rulebook in the
background). At start it recovers the newest autosave a killed predecessor left behind, or opens
SESSION_FILE when there is none (or begins a new conversation when that does not exist yet).
Then, every few milliseconds, it pastes the next line of a fixed text at the end of the notes;
every seventh line it presses Ctrl+S. It prints what it did, for the test to compare with the
files on disk:

    START {"recoveries": n, "recovered": length or null, "opened": length or null,
           "locked": whether it holds the lock file of SESSION_FILE}
    TYPED n        the notes are n characters long now (in the window)
    SAVED n        the session file holds notes of n characters (a Ctrl+S is done)
    AUTOSAVED n    the autosave holds notes of n characters
    CONFLICT n     the session file changed since the conversation read it (the autosave of a
                   program killed between its save and the removal of its autosave is
                   recovered): the driver overwrites it, as the advisor may choose to

With --slow-disk every fsync takes 30 ms longer, as on a slow network share: a save is under
way long enough for the test to kill the program in the middle of it.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import Qt, QTimer  # noqa: E402
from PySide6.QtGui import QTextCursor  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget  # noqa: E402

from wizard.app import make_application, start_window  # noqa: E402
from wizard.ui import base, dialogs  # noqa: E402

STEP_MS = 12
AUTOSAVE_MS = 4
SAVE_EVERY = 7
FILLER = "De bewindspersoon kiest na het advies; afspraken over webcare en toegang. " * 2


def line(number: int) -> str:
    """Line `number` of the fixed text the notes grow by (about 160 characters)."""
    return f"regel {number:05d}: {FILLER}\n"


def expected_notes(length: int) -> str:
    """The first `length` characters of the fixed text."""
    text, number = "", 0
    while len(text) < length:
        text += line(number)
        number += 1
    return text[:length]


def say(kind: str, value: object) -> None:
    print(f"{kind} {json.dumps(value)}", flush=True)


class Driver:
    def __init__(self, window, target: Path) -> None:
        self.window = window
        self.target = target
        self.steps = 0
        self.lengths: dict[int, int] = {}  # the notes' length at each revision of the model
        QFileDialog.getSaveFileName = staticmethod(lambda *a, **k: (str(target), ""))
        dialogs.save_file_name = lambda *a, **k: str(target)
        dialogs.ask_changed_on_disk = self.changed_on_disk

    def changed_on_disk(self, *_args: object) -> str:
        say("CONFLICT", self.notes_length())
        return dialogs.OVERWRITE

    def notes_length(self) -> int:
        return len(self.window.model.value("conversation.notes") or "")

    def begin(self) -> None:
        window = self.window
        window.autosaver.timer.setInterval(AUTOSAVE_MS)
        window.autosaver.saved.connect(lambda _file: say("AUTOSAVED", self.notes_length()))
        window.files.saved.connect(lambda save: say("SAVED", self.lengths[save.revision]))
        recovered = opened = None
        count = len(window.files.recoveries)
        if window.files.recoveries:
            window.findChild(QWidget, "start.recover.0").click()
            recovered = self.notes_length()
        elif self.target.exists():
            assert window.open_file(self.target, ask=False)
            opened = self.notes_length()
        else:
            window.findChild(QWidget, "start.new").click()
            window.model.set("minister.name", "Dilan Yeşilgöz")
            window.model.set("conversation.advisor", "Sanne de Wit")
        locked = window.files.locked == self.target.resolve()
        say(
            "START",
            {"recoveries": count, "recovered": recovered, "opened": opened, "locked": locked},
        )
        window.go_to(base.ATTENTION)
        self.edit = window.findChild(QWidget, "conversation.notes")
        self.edit.setFocus()
        timer = QTimer(window)
        timer.timeout.connect(self.step)
        timer.start(STEP_MS)
        self.timer = timer

    def step(self) -> None:
        text = self.edit.toPlainText()
        number = text.count("\n")
        cursor = self.edit.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.End)
        self.edit.setTextCursor(cursor)
        self.edit.insertPlainText(line(number))  # a paste: one change of the model
        self.lengths[self.window.model.revision] = self.notes_length()
        say("TYPED", self.notes_length())
        self.steps += 1
        if self.steps % SAVE_EVERY == 0:
            self.window.activateWindow()
            QTest.keyClick(self.window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)


def slow_disk() -> None:
    import os
    import time

    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        time.sleep(0.03)
        real_fsync(fd)

    os.fsync = fsync


def main() -> int:
    target = Path(sys.argv[1])
    if "--slow-disk" in sys.argv[2:]:
        slow_disk()
    app = make_application([sys.argv[0]], "nl")
    window, loader = start_window()
    driver = Driver(window, target)
    window.ready.connect(driver.begin)
    code = app.exec()
    loader.wait()
    QApplication.processEvents()
    return code


if __name__ == "__main__":
    sys.exit(main())
