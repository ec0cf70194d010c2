"""Lock files: the autosave's, and the one beside an open conversation that tells a second
window the file is open elsewhere.

A lock file holds the process id and the machine of the program that holds it (QLockFile). A
lock whose program is gone (killed, crashed) is stale and taken over; only a dead owner makes a
lock stale, never its age.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLockFile

# A lock file without a process id in it, at least this old, was left by a program killed
# between creating the file and writing its id (a live program writes it at once).
EMPTY_LOCK_AGE_S = 2.0


def make_lock(path: Path) -> QLockFile:
    lock = QLockFile(str(path))
    lock.setStaleLockTime(0)  # only a dead owner makes a lock stale, never its age
    return lock


def take_if_gone(lock: QLockFile, path: Path) -> bool:
    """Take the lock, also from a program that is gone.

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


def lock_path(file: Path) -> Path:
    """The lock file of a conversation's file: `.<name>.lock` beside it."""
    return file.with_name(f".{file.name}.lock")


@dataclass(frozen=True)
class Holder:
    """The program that has a conversation open: its process id and its machine."""

    pid: int
    host: str


def lock_conversation(file: Path) -> tuple[QLockFile | None, Holder | None]:
    """Lock a conversation's file for this window.

    (the lock, None) when this window has it now; (None, the holder) when another program has
    it open; (None, None) when no lock can be made there (a folder that cannot be written):
    the file is opened without one."""
    path = lock_path(file)
    lock = make_lock(path)
    if take_if_gone(lock, path):
        return lock, None
    if lock.error() != QLockFile.LockError.LockFailedError:
        return None, None
    pid, host, _application = lock.getLockInfo()
    if not pid and lock.removeStaleLockFile() and lock.tryLock(0):
        return lock, None  # a program killed while it made its lock (a live one holds it)
    return None, Holder(int(pid or 0), str(host or ""))
