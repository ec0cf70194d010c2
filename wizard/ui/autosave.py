"""Autosave: every change is written, a moment later, to the application data folder.

Each running program keeps its own autosave file, guarded by a lock file. After a crash or a kill
the lock goes stale, so the next start can tell an orphaned autosave (offered for recovery) from
one that another running program is still writing. A clean close removes the autosave.

The files of one program: `autosave-<id>.adviesgesprek.yaml` (the session, written atomically by
the core), `autosave-<id>.json` (which file it belongs to and what that file was when the
conversation last read or wrote it, the minister, where the advisor was: the page, the pages
visited and how far the page was scrolled, the time) and `autosave-<id>.lock`.

The files are written in the writer's thread (`wizard.ui.writer`), from a copy of the session
taken in the GUI thread: typing goes on while a large conversation is written.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QLockFile, QObject, QStandardPaths, QTimer, Signal

from wizard.constants import SESSION_SUFFIX
from wizard.core.files import Fingerprint, remove_quietly, write_atomic
from wizard.core.rulebook import Rulebook
from wizard.core.session import Session, load_session, save_session, stamp_session
from wizard.ui.locks import make_lock, take_if_gone
from wizard.ui.model import SessionModel
from wizard.ui.writer import Writer

PREFIX = "autosave-"
#: README promises a change on disk within half a second: this long after a change the write
#: starts (the changes that follow do not put it off), which leaves the rest for the write
DELAY_MS = 200


def autosave_folder() -> Path:
    """The application data folder (QStandardPaths.AppDataLocation), created when missing."""
    folder = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


class Recovery:
    """An autosave left behind by a program that did not close cleanly."""

    def __init__(
        self, session_file: Path, meta_file: Path, lock: QLockFile, meta: dict[str, Any]
    ) -> None:
        self.session_file = session_file
        self.meta_file = meta_file
        self.lock = lock  # held while this program may recover it
        self.meta = meta

    @property
    def original_file(self) -> Path | None:
        name = self.meta.get("file")
        return Path(name) if name else None

    @property
    def original_disk(self) -> Fingerprint | None:
        """What the original file was when the conversation last read or wrote it."""
        disk = self.meta.get("disk")
        try:
            return Fingerprint(**disk) if isinstance(disk, dict) else None
        except TypeError:
            return None

    @property
    def page(self) -> int | None:
        """The page the advisor was on."""
        page = self.meta.get("page")
        return page if isinstance(page, int) else None

    @property
    def visited(self) -> set[int] | None:
        """The pages the advisor had visited (their step marks); None when not recorded."""
        visited = self.meta.get("visited")
        if not isinstance(visited, list):
            return None
        return {page for page in visited if isinstance(page, int)}

    @property
    def scroll(self) -> int:
        """How far the page was scrolled down."""
        scroll = self.meta.get("scroll")
        return scroll if isinstance(scroll, int) and scroll > 0 else 0

    def load(self) -> Session:
        """The recovered session (raises the core's InputError when it cannot be read)."""
        return load_session(self.session_file)

    def discard(self) -> None:
        for path in (self.session_file, self.meta_file):
            path.unlink(missing_ok=True)  # its temporary files went when it was found
        self.lock.unlock()


def _remove_temporaries(folder: Path, ident: str) -> None:
    """The temporary files a program killed in the middle of an autosave left behind."""
    for temporary in folder.glob(f".{PREFIX}{ident}.*.tmp"):
        temporary.unlink(missing_ok=True)


def _clean_up_after_the_dead(folder: Path) -> None:
    """Locks and temporary files of programs that were killed before their first autosave was
    complete: there is nothing to recover, and nothing would ever remove them."""
    for lock_file in folder.glob(f"{PREFIX}*.lock"):
        ident = lock_file.name[len(PREFIX) : -len(".lock")]
        if (folder / f"{PREFIX}{ident}{SESSION_SUFFIX}").exists():
            continue  # an autosave: offered for recovery, or its program is running
        lock = make_lock(lock_file)
        if take_if_gone(lock, lock_file):
            _remove_temporaries(folder, ident)
            (folder / f"{PREFIX}{ident}.json").unlink(missing_ok=True)
            lock.unlock()  # removes the lock file


def _newest_first(recovery: Recovery) -> tuple[int, str]:
    """When the autosave was last written: its file's time (the meta file may be a step behind
    or missing after a kill, and two meta files can name the same second), then the meta's."""
    try:
        written = recovery.session_file.stat().st_mtime_ns
    except OSError:
        written = 0
    return written, str(recovery.meta.get("saved", ""))


def find_recoveries(folder: Path) -> list[Recovery]:
    """Autosaves whose program is gone (its lock is free or stale), newest first."""
    _clean_up_after_the_dead(folder)
    found = []
    for session_file in folder.glob(f"{PREFIX}*{SESSION_SUFFIX}"):
        ident = session_file.name[len(PREFIX) : -len(SESSION_SUFFIX)]
        lock_file = folder / f"{PREFIX}{ident}.lock"
        lock = make_lock(lock_file)
        if not take_if_gone(lock, lock_file):
            continue  # another program is running and owns it
        _remove_temporaries(folder, ident)  # its program was killed in the middle of a write
        meta_file = folder / f"{PREFIX}{ident}.json"
        try:
            meta = json.loads(meta_file.read_text(encoding="utf-8"))
            if not isinstance(meta, dict):
                meta = {}
        except (OSError, ValueError):
            meta = {}
        found.append(Recovery(session_file, meta_file, lock, meta))
    found.sort(key=_newest_first, reverse=True)
    return found


class Autosaver(QObject):
    """Writes the model's session to this program's autosave file after every change: at most
    DELAY_MS after the change the write starts; a change made while a write is under way is
    written as soon as that one is done."""

    saved = Signal(str)  # the autosave file holds the conversation as it is now
    failed = Signal(str)  # a Dutch message

    def __init__(
        self,
        model: SessionModel,
        folder: Path,
        writer: Writer,
        delay_ms: int = DELAY_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.folder = folder
        self.writer = writer
        ident = os.urandom(6).hex()
        self.session_file = folder / f"{PREFIX}{ident}{SESSION_SUFFIX}"
        self.meta_file = folder / f"{PREFIX}{ident}.json"
        self.lock = make_lock(folder / f"{PREFIX}{ident}.lock")
        self.lock.tryLock(0)
        self.saved_revision = model.revision
        #: where the advisor is: the page, the pages visited, the scroll position (the window
        #: gives it); written with the session
        self.place: Callable[[], dict[str, Any]] = dict
        self.place_changed = False
        self.writing = False  # an autosave is under way in the writer's thread
        self.closed = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(delay_ms)
        self.timer.timeout.connect(self.flush)
        model.changed.connect(self.schedule)
        model.reset.connect(self._after_reset)

    def schedule(self, *_args: object) -> None:
        """A change: written within the delay, however many changes follow (the timer is not
        started again while it runs)."""
        if not self.timer.isActive():
            self.timer.start()

    def note_place(self, *_args: object) -> None:
        """The advisor went to another page or scrolled: written as a change is."""
        self.place_changed = True
        self.schedule()

    def _after_reset(self) -> None:
        if self.model.modified:
            self.schedule()
        else:
            self.saved_revision = self.model.revision
            self.discard()

    @property
    def pending(self) -> bool:
        changed = self.saved_revision != self.model.revision or self.place_changed
        return self.model.modified and changed

    def flush(self) -> bool:
        """Start writing now when there is something unsaved (while a write is under way: as
        soon as it is done). Returns whether a write was started."""
        self.timer.stop()
        if self.writing or self.closed or not self.pending:
            return False
        model = self.model
        stamp_session(model.session, model.rulebook)  # as a save does
        session, rulebook, revision = model.session.copy(), model.rulebook, model.revision
        meta = {
            "file": str(model.file) if model.file else None,
            "disk": dataclasses.asdict(model.disk) if model.disk else None,
            "minister": model.value("minister.name") or "",
            "page": None,
            "saved": dt.datetime.now().isoformat(timespec="seconds"),
            **self.place(),
        }
        self.place_changed = False
        self.writing = True
        self.writer.add(
            lambda: self._write(session, rulebook, meta),
            lambda _result, message: self._written(revision, message),
        )
        return True

    def _write(self, session: Session, rulebook: Rulebook, meta: dict[str, Any]) -> None:
        """In the writer's thread."""
        save_session(session, self.session_file, rulebook)
        # ASCII with escapes: a name may hold a lone surrogate (a YAML escape "\ud800" in an
        # opened file) that UTF-8 cannot encode.
        write_atomic(self.meta_file, json.dumps(meta, ensure_ascii=True, indent=1))

    def _written(self, revision: int, message: str | None) -> None:
        self.writing = False
        if message is not None:
            self.failed.emit(message)  # tried again at the next change
            return
        self.saved_revision = revision
        if self.pending:  # changed while it was written
            self.flush()
        else:
            self.saved.emit(str(self.session_file))

    def wait(self) -> None:
        """Return when what was started is on disk (or has failed)."""
        self.writer.wait()

    def discard(self) -> None:
        """Remove this program's autosave (after saving to a file, or on a clean close), after
        the write under way."""
        self.timer.stop()
        files = (self.session_file, self.meta_file)
        self.writer.add(lambda: remove_quietly(files), lambda _result, _message: None)

    def close(self) -> None:
        """A clean close: nothing is written any more, and the autosave goes."""
        self.closed = True
        self.discard()
        self.wait()
        self.lock.unlock()
