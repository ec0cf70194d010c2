"""The session as the UI sees it: the answers, the file they belong to, and the advice derived
from them. After every change the advice is computed again (it is a pure function of the session
and the rulebook); nothing derived is stored.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from wizard.constants import SEVERITY_ORDER
from wizard.core.advice import Advice, Finding
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
#: an answer that is not in the session (or is empty there)
ABSENT = object()
#: answers that say nothing yet
EMPTY = (None, "", False, [], {})


class AnswerChange(QUndoCommand):
    """One change of one answer, on the model's undo stack. Keystrokes typed in one field, one
    after the other, merge into one change."""

    def __init__(self, model: SessionModel, path: str, old: Any, new: Any, typing: bool) -> None:
        super().__init__()
        self.model = model
        self.path = path
        self.old = old
        self.new = new
        self.typing = typing
        self.done = False  # the first redo is the change the advisor just made

    def id(self) -> int:
        return self.model.command_id(self.path) if self.typing else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt's name
        if not isinstance(other, AnswerChange) or not other.typing or other.path != self.path:
            return False
        self.new = other.new
        self.setObsolete(_same(_value(self.old), _value(self.new)))
        return True

    def redo(self) -> None:
        self.model.apply(self.path, self.new, restored=self.done)
        self.done = True

    def undo(self) -> None:
        self.model.apply(self.path, self.old, restored=True)


def _value(stored: Any) -> Any:
    return None if stored is ABSENT else stored


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
    restored = Signal(str)  # an answer set by undo or redo (its widget must show it)
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
        self.touched: set[str] = set()  # answers the advisor changed in this conversation
        self.unseen: set[str] = set()  # fields hidden when the advisor last left their page
        self.revealed = False  # every finding as it is (the documents were made)
        self.owner_of = owner_of
        self._shown: tuple[Any, list[Shown]] | None = None
        #: every change of an answer, to undo and redo (Bewerken menu)
        self.undo_stack = QUndoStack(self)
        self._command_ids: dict[str, int] = {}
        self._restoring = False

    # --- reading -----------------------------------------------------------------------------

    def value(self, path: str, default: Any = None) -> Any:
        return self.session.get(path, default)

    def shown(self) -> list[Shown]:
        """Every finding as the wizard shows it, errors first; one list for the fields, the side
        panel, the step list and the overview, so that their counts agree. A field with a
        problem of its own (a date that is no date) is not also reported as missing."""
        key = (self.revision, frozenset(self.left_pages), self.revealed)
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
            severity = "todo" if self._waiting(finding, page) else finding.severity
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

    def _waiting(self, finding: Finding, page: int | None) -> bool:
        """Whether a finding is about an answer still to give ("nog in te vullen"), not yet an
        error: the answer is empty, and the advisor has neither changed it nor gone past its
        field (left its page while it was shown), nor made the documents."""
        if self.revealed or page is None or finding.path in self.touched:
            return False
        if finding.code != MISSING and self.session.get(finding.path) not in EMPTY:
            return False
        return page not in self.left_pages or finding.path in self.unseen

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

    def leave_page(
        self, page_id: int, shown: set[str] = frozenset(), hidden: set[str] = frozenset()
    ) -> None:
        """The advisor left a page: the findings of the fields `shown` on it are errors now;
        the fields `hidden` there start untouched when they appear."""
        unseen = (self.unseen - set(shown)) | set(hidden)
        if page_id in self.left_pages and unseen == self.unseen:
            return
        self.left_pages.add(page_id)
        self.unseen = unseen
        self.revision += 1

    def set_visited(self, pages: set[int]) -> None:
        """The pages the advisor had left (a recovered conversation's step marks)."""
        self.left_pages = set(pages)
        self.revision += 1

    def reveal(self) -> None:
        """Show every finding as it is (the advisor made or printed the documents)."""
        if not self.revealed:
            self.revealed = True
            self.revision += 1

    # --- changing ----------------------------------------------------------------------------

    def set(self, path: str, value: Any, *, typing: bool = False) -> None:
        """Store one answer, as one step on the undo stack; ignored when it does not change
        anything. `typing`: a keystroke, merged with the keystrokes typed in the same field
        right before it."""
        if _same(self.session.get(path), value):
            return
        self._push(path, copy.deepcopy(value), typing)

    def remove(self, path: str) -> None:
        if self.session.get(path) is None:
            return
        self._push(path, ABSENT, False)

    def _push(self, path: str, value: Any, typing: bool) -> None:
        if self._restoring:  # (a widget showing an undone answer changes nothing itself)
            self.apply(path, value)
            return
        self.touched.add(path)
        old = self.session.get(path, ABSENT)
        old = old if old is ABSENT else copy.deepcopy(old)
        self.undo_stack.push(AnswerChange(self, path, old, value, typing))

    @contextmanager
    def one_step(self) -> Iterator[None]:
        """The answers set inside are one step on the undo stack."""
        self.undo_stack.beginMacro("")
        try:
            yield
        finally:
            self.undo_stack.endMacro()

    def command_id(self, path: str) -> int:
        """The undo command id of typing in the field of `path`."""
        return self._command_ids.setdefault(path, len(self._command_ids))

    def apply(self, path: str, value: Any, *, restored: bool = False) -> None:
        """Put an answer in the session (ABSENT: take it out). `restored`: by undo or redo, so
        that the widgets show it."""
        if value is ABSENT:
            self.session.remove(path)
        else:
            self.session.set(path, copy.deepcopy(value))
        if restored:
            self._restoring = True
            try:
                self.restored.emit(path)
            finally:
                self._restoring = False
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
        self.undo_stack.clear()
        self.revision += 1
        self.local = {}
        self.left_pages = set()
        self.touched = set()
        self.unseen = set()
        self.revealed = False
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
