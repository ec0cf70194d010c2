"""The session as the UI sees it: the answers, the file they belong to, and the advice derived
from them. After every change the advice is computed again (it is a pure function of the session
and the rulebook); nothing derived is stored.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from wizard.core.engine import Advice, advise
from wizard.core.rulebook import Rulebook
from wizard.core.session import Session, new_session


def _same(old: Any, new: Any) -> bool:
    """Equal, counting an absent value, None and an empty text as the same."""
    if old in (None, "") and new in (None, ""):
        return True
    return old == new and type(old) is type(new)


class SessionModel(QObject):
    """Holds one conversation. Every change goes through `set`, which recomputes the advice."""

    changed = Signal(str)            # the session path that changed
    reset = Signal()                 # the whole session was replaced (new, open, recover)
    modifiedChanged = Signal(bool)
    fileChanged = Signal(object)     # Path | None

    def __init__(self, rulebook: Rulebook, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rulebook = rulebook
        self.session: Session = new_session()
        self.file: Path | None = None
        self.modified = False
        self.revision = 0
        self.advice: Advice = advise(self.session, rulebook)

    # --- reading -----------------------------------------------------------------------------

    def value(self, path: str, default: Any = None) -> Any:
        return self.session.get(path, default)

    # --- changing ----------------------------------------------------------------------------

    def set(self, path: str, value: Any) -> None:
        """Store one answer; ignored when it does not change anything."""
        if _same(self.session.get(path), value):
            return
        self.session.set(path, value)
        self._after_change(path)

    def remove(self, path: str) -> None:
        if self.session.get(path) is None:
            return
        self.session.remove(path)
        self._after_change(path)

    def _after_change(self, path: str) -> None:
        self.revision += 1
        self.advice = advise(self.session, self.rulebook)
        self.set_modified(True)
        self.changed.emit(path)

    def replace(self, session: Session, file: Path | None = None, *,
                modified: bool = False) -> None:
        """A whole new conversation: new, opened from a file, or recovered after a crash."""
        self.session = session
        self.revision += 1
        self.advice = advise(session, self.rulebook)
        self.set_file(file)
        self.set_modified(modified)
        self.reset.emit()

    def set_file(self, file: Path | None) -> None:
        self.file = Path(file) if file else None
        self.fileChanged.emit(self.file)

    def set_modified(self, modified: bool) -> None:
        if modified != self.modified:
            self.modified = modified
            self.modifiedChanged.emit(modified)
