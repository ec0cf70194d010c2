"""The recent conversations: the files last opened or saved, newest first, with the minister and
the date of each conversation. Kept in the settings, so that nothing is opened to list them; the
File menu's Recente gesprekken follows them."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtWidgets import QMenu

RECENT_KEY = "recentFiles"
RECENT_DETAILS_KEY = "recentDetails"  # JSON: path -> {"minister": ..., "date": ...}
RECENT_MAX = 8


class RecentFiles(QObject):
    """The recent files, and the menu that offers them."""

    changed = Signal()
    openRequested = Signal(object)  # the Path chosen in the menu

    def __init__(self, menu: QMenu, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.menu = menu
        self._fill_menu()

    def files(self) -> list[str]:
        value = QSettings().value(RECENT_KEY, [])
        if isinstance(value, str):  # (QSettings gives a list of one as a string)
            value = [value]
        return [str(item) for item in (value or [])]

    def details(self) -> dict[str, dict[str, str]]:
        try:
            details = json.loads(QSettings().value(RECENT_DETAILS_KEY, "{}") or "{}")
        except (TypeError, ValueError):
            return {}
        return details if isinstance(details, dict) else {}

    def entries(self) -> list[tuple[str, dict[str, str]]]:
        """The recent files with the minister and the conversation's date, as last saved or
        opened."""
        details = self.details()
        return [(name, details.get(name) or {}) for name in self.files()]

    def add(self, path: Path, minister: str, date: str) -> None:
        """A file just opened or saved goes to the top of the list."""
        files = [name for name in self.files() if name != str(path)]
        files.insert(0, str(path))
        details = self.details()
        details[str(path)] = {"minister": minister, "date": date}
        self._store(files, details)

    def remove(self, name: str) -> None:
        self._store([item for item in self.files() if item != name], self.details())

    def _store(self, files: list[str], details: dict[str, dict[str, str]]) -> None:
        files = files[:RECENT_MAX]
        settings = QSettings()
        settings.setValue(RECENT_KEY, files)
        kept = {name: details[name] for name in files if name in details}
        settings.setValue(RECENT_DETAILS_KEY, json.dumps(kept, ensure_ascii=False))
        self._fill_menu()
        self.changed.emit()

    def _fill_menu(self) -> None:
        self.menu.clear()
        files = self.files()
        self.menu.setToolTipsVisible(True)
        for number, name in enumerate(files, start=1):
            path = Path(name)
            action = self.menu.addAction(f"&{number} {path.name} — {path.parent}")
            action.setToolTip(name)
            action.setStatusTip(name)
            action.triggered.connect(
                lambda _checked=False, chosen=name: self.openRequested.emit(Path(chosen))
            )
        self.menu.setEnabled(bool(files))
