"""The session as the UI sees it: the answers, the file they belong to, and the advice derived
from them. After every change the advice is computed again (it is a pure function of the session
and the rulebook); nothing derived is stored.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from wizard.constants import SEVERITY_ORDER
from wizard.core.advice import Advice
from wizard.core.engine import advise
from wizard.core.files import Fingerprint
from wizard.core.rulebook import Rulebook
from wizard.core.session import Session, new_session


def _same(old: Any, new: Any) -> bool:
    """Equal, counting an absent value, None and an empty text as the same."""
    if old in (None, "") and new in (None, ""):
        return True
    return old == new and type(old) is type(new)


MISSING = "missing-field"
LOCAL = "input"


@dataclass(frozen=True)
class Shown:
    """A finding as the wizard shows it. `severity` is the engine's, except for a required
    field on a page the advisor has not left yet: that is `todo` ("nog in te vullen"), not an
    error. Problems of the typed text itself (a date that is no date) have the code `input`."""

    severity: str  # error | warning | info | todo
    path: str
    message: str
    code: str
    page: int | None
    source: tuple[str, ...] = ()  # the statements the finding rests on


class SessionModel(QObject):
    """Holds one conversation. Every change goes through `set`, which recomputes the advice."""

    changed = Signal(str)  # the session path that changed
    reset = Signal()  # the whole session was replaced (new, open, recover)
    modifiedChanged = Signal(bool)
    fileChanged = Signal(object)  # Path | None

    def __init__(
        self,
        rulebook: Rulebook,
        owner_of: Callable[[str], int | None] = lambda _path: None,
        parent: QObject | None = None,
    ) -> None:
        """`owner_of` gives the page that asks for a session path (None: no page), for the
        findings of each page."""
        super().__init__(parent)
        self.rulebook = rulebook
        self.session: Session = new_session()
        self.file: Path | None = None
        #: what the file was when this conversation last read or wrote it (None: never)
        self.disk: Fingerprint | None = None
        self.modified = False
        self.revision = 0
        self.advice: Advice = advise(self.session, rulebook)
        # What the wizard shows about the answers (not part of the session):
        self.local: dict[str, list[tuple[str, str]]] = {}  # problems of typed text, per path
        self.left_pages: set[int] = set()  # pages the advisor has left
        self.owner_of = owner_of
        self._shown: tuple[Any, list[Shown]] | None = None

    # --- reading -----------------------------------------------------------------------------

    def value(self, path: str, default: Any = None) -> Any:
        return self.session.get(path, default)

    def shown(self) -> list[Shown]:
        """Every finding as the wizard shows it, errors first; one list for the fields, the side
        panel, the step list and the overview, so that their counts agree. A field with a
        problem of its own (a date that is no date) is not also reported as missing."""
        key = (self.revision, frozenset(self.left_pages))
        if self._shown is not None and self._shown[0] == key:
            return self._shown[1]
        local_errors = {
            path
            for path, problems in self.local.items()
            if any(severity == "error" for severity, _text in problems)
        }
        shown = []
        for path, problems in self.local.items():
            for severity, text in problems:
                shown.append(Shown(severity, path, text, LOCAL, self.owner_of(path)))
        for finding in self.advice.findings:
            if finding.code == MISSING and finding.path in local_errors:
                continue
            page = self.owner_of(finding.path)
            severity = finding.severity
            if finding.code == MISSING and page is not None and page not in self.left_pages:
                severity = "todo"
            shown.append(
                Shown(
                    severity,
                    finding.path,
                    finding.message,
                    finding.code,
                    page,
                    tuple(finding.source or ()),
                )
            )
        shown.sort(key=lambda item: SEVERITY_ORDER.get(item.severity, 9))
        self._shown = (key, shown)
        return shown

    def set_local(self, path: str, problems: list[tuple[str, str]]) -> bool:
        """Record the problems of the text typed for `path`; True when they changed."""
        old = self.local.get(path, [])
        if old == problems:
            return False
        if problems:
            self.local[path] = list(problems)
        else:
            self.local.pop(path, None)
        self.revision += 1
        return True

    def leave_page(self, page_id: int) -> None:
        self.left_pages.add(page_id)

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

    def replace(
        self,
        session: Session,
        file: Path | None = None,
        *,
        modified: bool = False,
        disk: Fingerprint | None = None,
    ) -> None:
        """A whole new conversation: new, opened from a file, or recovered after a crash;
        `disk` is what its file was when it was read."""
        self.session = session
        self.disk = disk
        self.revision += 1
        self.local = {}
        self.left_pages = set()
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
