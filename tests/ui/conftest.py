"""Qt tests of the wizard: offscreen, with settings, data folder and dialogs isolated per test."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QMessageBox

from wizard.app import configure_application, create_main_window
from wizard.ui import dialogs

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


class DialogLog:
    """What the program tried to show in dialogs; tests set the answers."""

    def __init__(self) -> None:
        self.errors: list[tuple[str, str]] = []
        self.infos: list[tuple[str, str]] = []
        self.unsaved_answer = dialogs.DISCARD
        self.unsaved_asked = 0
        self.open_name = ""
        self.save_name = ""
        self.folder = ""
        self.replace_answer = True
        self.replace_asked = 0
        self.variant_answer = True  # change the variant after its consequences were discussed
        self.variant_asked = 0
        #: the answers to "the file changed on disk", in turn (then: cancel)
        self.changed_answers: list[str] = []
        self.changed_asked: list[str] = []  # the files it was asked for
        self.reload_answer = True
        self.differences: list[list[str]] = []  # the lines of each comparison shown
        self.elsewhere_answer = dialogs.OPEN_ANYWAY
        self.elsewhere_asked: list[tuple[str, int, str]] = []  # (file, process, machine)


@pytest.fixture(scope="session", autouse=True)
def _configured_app(qapp):
    configure_application(qapp, "nl")
    return qapp


@pytest.fixture(autouse=True)
def isolated(tmp_path, monkeypatch):
    """A fresh settings file and data folder, and no real modal dialog, in every test."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings")
    )
    log = DialogLog()

    def ask_unsaved(_parent, _name):
        log.unsaved_asked += 1
        return log.unsaved_answer

    monkeypatch.setattr(dialogs, "ask_unsaved", ask_unsaved)
    monkeypatch.setattr(
        dialogs, "show_error", lambda _parent, title, message: log.errors.append((title, message))
    )
    monkeypatch.setattr(
        dialogs, "show_info", lambda _parent, title, message: log.infos.append((title, message))
    )
    monkeypatch.setattr(dialogs, "show_about", lambda _parent, _rulebook: None)
    monkeypatch.setattr(dialogs, "open_file_name", lambda *args, **kwargs: log.open_name)
    monkeypatch.setattr(dialogs, "save_file_name", lambda *args, **kwargs: log.save_name)
    monkeypatch.setattr(dialogs, "folder_name", lambda *args, **kwargs: log.folder)
    monkeypatch.setattr(
        dialogs,
        "open_folder",
        lambda folder: log.infos.append(("open_folder", str(folder))) or True,
    )

    def ask_replace(_parent, _what):
        log.replace_asked += 1
        return log.replace_answer

    monkeypatch.setattr(dialogs, "ask_replace", ask_replace)

    def ask_change_variant(_parent):
        log.variant_asked += 1
        return log.variant_answer

    monkeypatch.setattr(dialogs, "ask_change_variant", ask_change_variant)

    def ask_changed_on_disk(_parent, name):
        log.changed_asked.append(name)
        return log.changed_answers.pop(0) if log.changed_answers else dialogs.CANCEL

    def ask_open_elsewhere(_parent, name, pid, host):
        log.elsewhere_asked.append((name, pid, host))
        return log.elsewhere_answer

    monkeypatch.setattr(dialogs, "ask_changed_on_disk", ask_changed_on_disk)
    monkeypatch.setattr(dialogs, "ask_reload", lambda _parent, _name: log.reload_answer)
    monkeypatch.setattr(
        dialogs, "show_differences", lambda _parent, _name, lines: log.differences.append(lines)
    )
    monkeypatch.setattr(dialogs, "ask_open_elsewhere", ask_open_elsewhere)
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *args, **kwargs: (log.open_name, ""))
    )
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *args, **kwargs: (log.save_name, ""))
    )
    monkeypatch.setattr(
        QFileDialog, "getExistingDirectory", staticmethod(lambda *args, **kwargs: log.folder)
    )
    for name in ("warning", "information", "critical", "question", "about"):
        monkeypatch.setattr(
            QMessageBox,
            name,
            staticmethod(
                lambda *args, _name=name, **kwargs: log.infos.append((_name, str(args[1:])))
            ),
        )
    return log


@pytest.fixture
def window(qtbot):
    """The main window with the built-in rulebook, shown offscreen."""
    win = create_main_window()
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    if win.model is not None:
        win.model.set_modified(False)
    win.close()
