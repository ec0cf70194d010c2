"""Autosave: every change is written, a moment later, to the application data folder.

Each running program keeps its own autosave file, guarded by a lock file. After a crash or a kill
the lock goes stale, so the next start can tell an orphaned autosave (offered for recovery) from
one that another running program is still writing. A clean close removes the autosave.

The files of one program: `autosave-<id>.adviesgesprek.yaml` (the session, written atomically by
the core), `autosave-<id>.json` (which file it belongs to, the minister, the page, the time) and
`autosave-<id>.lock`.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QLockFile, QObject, QStandardPaths, QTimer, Signal

from wizard.constants import SESSION_SUFFIX
from wizard.core.errors import InputError
from wizard.core.files import write_atomic
from wizard.core.session import Session, load_session, save_session
from wizard.ui.model import SessionModel

PREFIX = "autosave-"
DELAY_MS = 400
# A lock file without a process id in it, at least this old, was left by a program killed
# between creating the file and writing its id (a live program writes it at once).
EMPTY_LOCK_AGE_S = 2.0


def autosave_folder() -> Path:
    """The application data folder (QStandardPaths.AppDataLocation), created when missing."""
    folder = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _lock(path: Path) -> QLockFile:
    lock = QLockFile(str(path))
    lock.setStaleLockTime(0)  # only a dead owner makes a lock stale, never its age
    return lock


def _take_if_gone(lock: QLockFile, path: Path) -> bool:
    """Take the lock of a program that is gone.

    QLockFile knows a dead owner by the process id in the file. A program killed between
    creating its lock file and writing its id leaves an empty file, which QLockFile never
    counts as stale (we give it no stale time): that one is removed once it is a little
    while old. `removeStaleLockFile` takes the system's file lock first, which a live owner
    holds, so it never removes a live program's lock."""
    if lock.tryLock(0):
        return True
    pid, _host, _application = lock.getLockInfo()
    if pid:
        return False
    try:
        age = time.time() - path.stat().st_mtime
    except OSError:  # gone meanwhile
        return lock.tryLock(0)
    return age >= EMPTY_LOCK_AGE_S and lock.removeStaleLockFile() and lock.tryLock(0)


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
        lock = _lock(lock_file)
        if _take_if_gone(lock, lock_file):
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
        lock = _lock(lock_file)
        if not _take_if_gone(lock, lock_file):
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
    """Writes the model's session to this program's autosave file after every change."""

    saved = Signal(str)  # the revision's autosave file
    failed = Signal(str)  # a Dutch message

    def __init__(
        self,
        model: SessionModel,
        folder: Path,
        delay_ms: int = DELAY_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.folder = folder
        ident = os.urandom(6).hex()
        self.session_file = folder / f"{PREFIX}{ident}{SESSION_SUFFIX}"
        self.meta_file = folder / f"{PREFIX}{ident}.json"
        self.lock = _lock(folder / f"{PREFIX}{ident}.lock")
        self.lock.tryLock(0)
        self.saved_revision = model.revision
        self.page: int | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(delay_ms)
        self.timer.timeout.connect(self.flush)
        model.changed.connect(self.schedule)
        model.reset.connect(self._after_reset)

    def schedule(self, *_args: object) -> None:
        self.timer.start()

    def _after_reset(self) -> None:
        if self.model.modified:
            self.schedule()
        else:
            self.saved_revision = self.model.revision
            self.discard()

    @property
    def pending(self) -> bool:
        return self.model.modified and self.saved_revision != self.model.revision

    def flush(self) -> bool:
        """Write now when there is something unsaved. Returns whether a file was written."""
        self.timer.stop()
        if not self.pending:
            return False
        try:
            save_session(self.model.session, self.session_file, self.model.rulebook)
            meta = {
                "file": str(self.model.file) if self.model.file else None,
                "minister": self.model.value("minister.name") or "",
                "page": self.page,
                "saved": dt.datetime.now().isoformat(timespec="seconds"),
            }
            # ASCII with escapes: a name may hold a lone surrogate (a YAML escape "\ud800"
            # in an opened file) that UTF-8 cannot encode.
            write_atomic(self.meta_file, json.dumps(meta, ensure_ascii=True, indent=1))
        except InputError as error:
            self.failed.emit(str(error))
            return False
        self.saved_revision = self.model.revision
        self.saved.emit(str(self.session_file))
        return True

    def discard(self) -> None:
        """Remove this program's autosave (after saving to a file, or on a clean close)."""
        self.timer.stop()
        for path in (self.session_file, self.meta_file):
            path.unlink(missing_ok=True)

    def close(self) -> None:
        self.discard()
        self.lock.unlock()
