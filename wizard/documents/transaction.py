"""The documents' files written all or nothing, and what killed processes left behind.

`Transaction(folder)`: the caller writes every file to `transaction.temporary(name)`, then
`commit()` moves the old files of those names aside, puts the new ones in place and only then
removes the old ones. On any failure before the end (an error, Ctrl+C) the old files are put
back and the temporary files removed, so the folder holds the complete old set or the complete
new set. A journal in the folder lists a commit under way: the commit of a process killed in the
middle of it is undone by `clean_leftovers` at the next render or batch in that folder.

Every file and folder of ours carries a tag: the process id and a digest of the machine's name
(`.afspraken.pdf.<pid>-<machine>.<random>.tmp`, `adviesgesprek-typst-<pid>-<machine>-<random>`).
A leftover is removed only when its process is gone: never the files of a process still at
work, nor those of another machine that shares the folder (until a day has passed).
"""

from __future__ import annotations

import ctypes
import errno
import hashlib
import json
import os
import platform
import re
import secrets
import shutil
import sys
import tempfile
import time
from pathlib import Path
from types import TracebackType

from wizard.core.errors import InputError
from wizard.core.files import new_file_mode, os_reason

PRIVATE_PREFIX = "adviesgesprek-typst-"
JOURNAL_NAME = "adviesgesprek"
# A leftover of another machine may be removed once it is this old (no render takes a day).
FOREIGN_AFTER_SECONDS = 24 * 60 * 60

_MACHINE = hashlib.sha256(platform.node().encode("utf-8", "replace")).hexdigest()[:8]
# .<name>.<pid>-<machine>.<random>.<tmp|old|journal>
_OURS = re.compile(
    r"^\.(?P<name>.+)\.(?P<pid>\d+)-(?P<machine>[0-9a-f]{8})\.\w+\.(?P<kind>tmp|old|journal)$"
)
_PRIVATE = re.compile(rf"^{PRIVATE_PREFIX}(?P<pid>\d+)-(?P<machine>[0-9a-f]{{8}})-\w+$")


def own_tag() -> str:
    """What the names of this process's files carry: its id and the machine's digest (the id
    is read each time: a forked process has its own)."""
    return f"{os.getpid()}-{_MACHINE}"


# --- whether a process still runs ------------------------------------------------------------

_WINDOWS_QUERY = 0x1000  # PROCESS_QUERY_LIMITED_INFORMATION
_WINDOWS_NO_SUCH_PROCESS = 87  # ERROR_INVALID_PARAMETER: OpenProcess of an id no process has
_WINDOWS_STILL_ACTIVE = 259


def _runs_on_windows(pid: int) -> bool:
    """Windows has no signal 0 (os.kill would end the process): ask the kernel for it."""
    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]
    kernel32.OpenProcess.restype = ctypes.c_void_p
    kernel32.OpenProcess.argtypes = (ctypes.c_ulong, ctypes.c_int, ctypes.c_ulong)
    kernel32.GetExitCodeProcess.argtypes = (ctypes.c_void_p, ctypes.POINTER(ctypes.c_ulong))
    kernel32.CloseHandle.argtypes = (ctypes.c_void_p,)
    handle = kernel32.OpenProcess(_WINDOWS_QUERY, 0, pid)
    if not handle:
        return ctypes.get_last_error() != _WINDOWS_NO_SUCH_PROCESS  # e.g. no access: it runs
    try:
        code = ctypes.c_ulong()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return True
        return code.value == _WINDOWS_STILL_ACTIVE
    finally:
        kernel32.CloseHandle(handle)


def process_runs(pid: int) -> bool:
    """Whether a process with this id exists on this machine (when in doubt: yes)."""
    if pid == os.getpid():
        return True
    if pid <= 0:
        return False
    if sys.platform == "win32":
        return _runs_on_windows(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process, or not allowed to ask
        return True
    return True


def _gone(pid: str, machine: str, path: Path) -> bool:
    """Whether the process that made `path` is gone (another machine's: a day old)."""
    if machine == _MACHINE:
        return not process_runs(int(pid))
    try:
        return time.time() - path.lstat().st_mtime > FOREIGN_AFTER_SECONDS
    except OSError:
        return False


# --- writing ---------------------------------------------------------------------------------


def _new_name(folder: Path, name: str, kind: str) -> Path:
    """A new, empty file of ours for `name` (`.name.<tag>.<random>.<kind>`), with the mode a
    new file gets; an OSError when the folder cannot be written."""
    handle, path = tempfile.mkstemp(prefix=f".{name}.{own_tag()}.", suffix=f".{kind}", dir=folder)
    try:
        if hasattr(os, "fchmod"):  # not on Windows, where the default is fine
            os.fchmod(handle, new_file_mode())
    finally:
        os.close(handle)
    return Path(path)


def _backup_name(folder: Path, name: str) -> str:
    """A name, not yet taken, for the old version of `name` while a commit runs. Not made
    beforehand: that a file of this name exists means the old version was moved there."""
    while True:
        backup = f".{name}.{own_tag()}.{secrets.token_hex(4)}.old"
        if not os.path.lexists(folder / backup):
            return backup


def _remove(paths: list[Path]) -> None:
    for path in paths:
        try:
            os.unlink(path)
        except OSError:
            pass


def failed_file(error: OSError, folder: Path) -> Path:
    """The file of ours an OSError of a transaction in `folder` is about: the document a
    temporary file or an old version stands for."""
    name = Path(str(error.filename or "")).name
    match = _OURS.match(name)
    if match:
        return folder / match["name"]
    return Path(error.filename) if error.filename else folder


class Transaction:
    """New versions of several files in one folder, put in place together (module docstring).

    Use as `with Transaction(folder) as transaction:`; leaving the block without `commit()`
    (an exception, Ctrl+C) removes the temporary files."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self._files: dict[str, Path] = {}  # final name -> its temporary file

    def __enter__(self) -> Transaction:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if kind is not None:
            _remove(list(self._files.values()))

    def temporary(self, name: str) -> Path:
        """The temporary file the new version of `name` is written to."""
        path = _new_name(self.folder, name, "tmp")
        self._files[name] = path
        return path

    def commit(self) -> None:
        """Put every new file in place, or none (module docstring); an OSError says why."""
        entries: list[dict[str, str | None]] = []
        for name, temp in self._files.items():
            final = self.folder / name
            if final.is_dir() and not final.is_symlink():
                raise IsADirectoryError(errno.EISDIR, "a folder", str(final))
            backup = _backup_name(self.folder, name) if os.path.lexists(final) else None
            entries.append({"final": name, "temp": temp.name, "backup": backup})
        journal = _new_name(self.folder, JOURNAL_NAME, "journal")
        try:
            journal.write_text(json.dumps(entries), encoding="utf-8")
            for entry in entries:
                if entry["backup"]:
                    os.replace(self.folder / str(entry["final"]), self.folder / entry["backup"])
            for entry in entries:
                os.replace(self.folder / str(entry["temp"]), self.folder / str(entry["final"]))
        except BaseException:
            if _roll_back(self.folder, entries):
                _remove([journal])
            raise
        _remove([journal])  # the new set stands from here on
        _remove([self.folder / entry["backup"] for entry in entries if entry["backup"]])


def _roll_back(folder: Path, entries: list[dict[str, str | None]]) -> bool:
    """Undo a commit that did not end: the old files back, the new ones (and the temporary
    files) removed. False when that failed (the journal stays, for the next start)."""
    try:
        for entry in entries:
            final, temp = folder / str(entry["final"]), folder / str(entry["temp"])
            backup = entry["backup"]
            if backup and os.path.lexists(folder / backup):
                os.replace(folder / backup, final)
            elif backup is None and not os.path.lexists(temp):
                _remove([final])  # put in place where no old file was
            _remove([temp])
    except OSError:
        return False
    return True


def write_files(folder: Path, contents: dict[str, bytes]) -> list[Path]:
    """Write the files `contents` (name -> bytes) into `folder`, all or nothing; an InputError
    with a Dutch message when that cannot be."""
    current = folder
    try:
        with Transaction(folder) as transaction:
            for name, data in contents.items():
                current = folder / name
                transaction.temporary(name).write_bytes(data)
            current = folder
            transaction.commit()
    except OSError as error:
        where = failed_file(error, folder) if current == folder else current
        raise InputError(
            f"kan niet worden geschreven ({os_reason(error)})", file=str(where)
        ) from None
    return [folder / name for name in contents]


def check_writable(folder: Path) -> None:
    """An InputError when no file can be made in `folder`."""
    try:
        _remove([_new_name(folder, "schrijftest", "tmp")])
    except OSError as error:
        raise InputError(
            f"de uitvoermap kan niet worden beschreven ({os_reason(error)})", file=str(folder)
        ) from None


# --- leftovers -------------------------------------------------------------------------------


def _journal_entries(path: Path) -> list[dict[str, str | None]] | None:
    """The entries of a journal; None when it cannot be read or names a file outside its
    folder (then nothing of its commit is touched)."""
    try:
        entries = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(entries, list):
        return None
    for entry in entries:
        if not isinstance(entry, dict):
            return None
        names = [entry.get("final"), entry.get("temp"), entry.get("backup") or "x"]
        if not all(isinstance(name, str) and name == Path(name).name for name in names):
            return None
    return entries


def clean_leftovers(folder: Path) -> None:
    """Undo the commits of processes that were killed in the middle of one, and remove their
    temporary files and the old versions they left, in `folder` (not its subfolders). Only our
    own names; never those of a process that still runs. Whatever cannot be removed stays."""
    try:
        names = sorted(entry.name for entry in os.scandir(folder))
    except OSError:
        return
    leftovers: list[tuple[re.Match[str], Path]] = []
    for name in names:
        match = _OURS.match(name)
        if match and _gone(match["pid"], match["machine"], folder / name):
            leftovers.append((match, folder / name))
    keep_old = set()  # the tags of commits that cannot be undone: their old versions stay
    for match, path in leftovers:
        if match["kind"] == "journal":
            entries = _journal_entries(path)
            if entries is not None and _roll_back(folder, entries):
                _remove([path])
            else:
                keep_old.add((match["pid"], match["machine"]))
    _remove(
        [
            path
            for match, path in leftovers
            if match["kind"] == "tmp"
            or (match["kind"] == "old" and (match["pid"], match["machine"]) not in keep_old)
        ]
    )


def clean_private_folders(parent: Path | None = None) -> None:
    """Remove the private Typst folders (`PRIVATE_PREFIX`) of processes that no longer run, in
    the temporary folder: only this user's, never a link."""
    parent = Path(parent or tempfile.gettempdir())
    try:
        entries = list(os.scandir(parent))
    except OSError:
        return
    for entry in entries:
        match = _PRIVATE.match(entry.name)
        if not match or not entry.is_dir(follow_symlinks=False):
            continue
        try:
            owner = entry.stat(follow_symlinks=False).st_uid
        except OSError:
            continue
        if hasattr(os, "getuid") and owner != os.getuid():
            continue
        if _gone(match["pid"], match["machine"], Path(entry.path)):
            shutil.rmtree(entry.path, ignore_errors=True)


def private_folder() -> Path:
    """A new, empty folder of this process only (`PRIVATE_PREFIX` with its tag), in the
    temporary folder, after removing those of processes that are gone."""
    clean_private_folders()
    return Path(tempfile.mkdtemp(prefix=f"{PRIVATE_PREFIX}{own_tag()}-"))
