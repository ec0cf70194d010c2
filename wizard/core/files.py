"""Files, safely: reading a user's file without surprises, writing so that nothing is ever left
half-written, and a Dutch reason for what went wrong.

- `read_text`: only a regular file, never more than MAX_FILE_BYTES, text in UTF-8.
- `write_atomic` (one file) and `write_all` (several files, all or none): each file goes to a
  temporary name in its own folder first and replaces the old one in one rename; on any failure
  the temporary files are removed and the old files stay as they were.
- `os_reason`: why a file operation failed, in Dutch for the common causes.
- `fingerprint`: what a file is now (size, modification time, a digest of its bytes), to tell
  whether another program changed it; `write_atomic` gives the fingerprint of what it wrote.
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from wizard.core.errors import InputError

MAX_FILE_BYTES = 2 * 1024 * 1024
READ_CHUNK = 1024 * 1024

_REASONS = {
    errno.EACCES: "geen toestemming",
    errno.EPERM: "geen toestemming",
    errno.ENOSPC: "de schijf is vol",
    errno.EROFS: "alleen-lezen schijf",
    errno.ENOTDIR: "een deel van het pad is een bestand, geen map",
    errno.ENOENT: "de map bestaat niet",
    errno.EEXIST: "er staat al een bestand",
    errno.EISDIR: "er staat een map met die naam",
    errno.ENAMETOOLONG: "de naam is te lang",
    errno.EIO: "een fout van de schijf",
    errno.ELOOP: "symbolische koppelingen die naar elkaar verwijzen",
    errno.EBUSY: "het bestand is in gebruik",
    errno.EMFILE: "te veel open bestanden",
    errno.EFBIG: "het bestand wordt te groot",
    errno.EPIPE: "de uitvoer is afgesloten",
    errno.EINVAL: "de naam of het pad kan niet",
    errno.EXDEV: "de map ligt op een andere schijf",
}
if hasattr(errno, "EDQUOT"):
    _REASONS[errno.EDQUOT] = "de schijfruimte (quotum) is op"


def os_reason(error: OSError) -> str:
    """Why a file operation failed, in Dutch for the common causes."""
    reason = _REASONS.get(error.errno or 0)
    if reason:
        return reason
    code = errno.errorcode.get(error.errno or 0, "onbekend")
    return f"een fout van het systeem ({code})"


# --- reading --------------------------------------------------------------------------------


def read_text(path: Path) -> str:
    """The file's text, or an InputError that says why it is not a text file.

    Only a regular file is read: a pipe (FIFO) or a device would block or never end. It is
    opened without blocking and checked before anything is read, and never more than
    MAX_FILE_BYTES are read.
    """
    try:
        is_folder = path.is_dir()
    except OSError as error:
        raise InputError(
            f"het bestand kan niet worden gelezen ({os_reason(error)})", file=str(path)
        ) from None
    if is_folder:
        raise InputError("dit is een map, geen bestand", file=str(path))
    try:
        handle = os.open(
            path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
        )
    except FileNotFoundError:
        raise InputError("het bestand bestaat niet", file=str(path)) from None
    except OSError as error:
        raise InputError(
            f"het bestand kan niet worden gelezen ({os_reason(error)})", file=str(path)
        ) from None
    with os.fdopen(handle, "rb") as stream:
        try:
            mode = os.fstat(stream.fileno()).st_mode
            if stat.S_ISDIR(mode):
                raise InputError("dit is een map, geen bestand", file=str(path))
            if not stat.S_ISREG(mode):
                raise InputError(
                    "dit is geen gewoon bestand (maar bijvoorbeeld een pipe of een apparaat)",
                    file=str(path),
                )
            raw = stream.read(MAX_FILE_BYTES + 1)
        except OSError as error:
            raise InputError(
                f"het bestand kan niet worden gelezen ({os_reason(error)})", file=str(path)
            ) from None
    if len(raw) > MAX_FILE_BYTES:
        raise InputError(
            f"het bestand is te groot (meer dan {MAX_FILE_BYTES} bytes)", file=str(path)
        )
    if b"\x00" in raw:
        raise InputError("dit is geen tekstbestand (het bevat binaire gegevens)", file=str(path))
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError("dit is geen tekstbestand in UTF-8", file=str(path)) from None


# --- fingerprints ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Fingerprint:
    """What a file was: its size, its modification time and a digest (SHA-256) of its bytes."""

    size: int
    mtime_ns: int
    digest: str


def fingerprint(path: Path) -> Fingerprint | None:
    """The file's fingerprint now; None when there is no (regular) file at `path`; an
    InputError when it cannot be read. The bytes are always read: two saves within one tick of
    the file system's clock can leave the same size and time."""
    try:
        handle = os.open(
            path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
        )
    except (FileNotFoundError, NotADirectoryError, IsADirectoryError):
        return None
    except OSError as error:
        raise InputError(
            f"het bestand kan niet worden gelezen ({os_reason(error)})", file=str(path)
        ) from None
    try:
        status = os.fstat(handle)
        if not stat.S_ISREG(status.st_mode):
            return None
        digest = hashlib.sha256()
        with os.fdopen(handle, "rb", closefd=False) as stream:
            while chunk := stream.read(READ_CHUNK):
                digest.update(chunk)
    except OSError as error:
        raise InputError(
            f"het bestand kan niet worden gelezen ({os_reason(error)})", file=str(path)
        ) from None
    finally:
        os.close(handle)
    return Fingerprint(status.st_size, status.st_mtime_ns, digest.hexdigest())


# --- writing --------------------------------------------------------------------------------


@cache
def new_file_mode() -> int:
    """The mode a new file gets from the user's umask (read once: setting it is per process).
    A temporary file is made private (0600); the file it becomes gets this mode instead."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def _mode_for(path: Path) -> int:
    """The mode the file at `path` has now, or a new file's mode."""
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        return new_file_mode()


def temporary_file(folder: Path, name: str, mode: int | None = None) -> Path:
    """An empty temporary file for `name` in `folder` (`.name.xxxx.tmp`), closed, with `mode`
    (a new file's mode when None). An OSError when the folder cannot be written."""
    handle, temp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
    try:
        if hasattr(os, "fchmod"):  # not on Windows, where the default is fine
            os.fchmod(handle, new_file_mode() if mode is None else mode)
    except OSError:
        os.close(handle)
        remove_quietly([temp])
        raise
    os.close(handle)
    return Path(temp)


def output_temporary(folder: Path, name: str) -> Path:
    """A temporary file for `name` in an output folder; an InputError when the folder cannot
    be written."""
    try:
        return temporary_file(folder, name)
    except OSError as error:
        raise InputError(
            f"de uitvoermap kan niet worden beschreven ({os_reason(error)})", file=str(folder)
        ) from None


def remove_quietly(paths: Iterable[Path | str]) -> None:
    """Remove files that may or may not be there; a file that cannot be removed stays."""
    for path in paths:
        try:
            os.unlink(path)
        except OSError:
            pass


def write_atomic(path: Path, text: str) -> Fingerprint:
    """Write `text` to `path` so that the file is always either the old or the new version.

    The text goes to a temporary file in the same folder, is flushed to disk, and replaces the
    old file in one rename. On any failure the temporary file is removed and the old file stays.
    The file keeps the permissions it had (a new one gets the user's usual ones, not the
    private 0600 of a temporary file). Returns the fingerprint of the file written (taken from
    the temporary file before the rename, so that it is this program's file, whatever another
    program does after).
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    data = text.encode("utf-8")
    try:
        temp = temporary_file(folder, path.name, _mode_for(path))
    except OSError as error:
        raise InputError(
            f"de map kan niet worden beschreven ({os_reason(error)})", file=str(path)
        ) from None
    try:
        with open(temp, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
            status = os.fstat(stream.fileno())
        os.replace(temp, path)
    except OSError as error:
        remove_quietly([temp])
        raise InputError(
            f"het bestand kan niet worden opgeslagen ({os_reason(error)}); "
            "het vorige bestand is ongewijzigd",
            file=str(path),
        ) from None
    except BaseException:
        remove_quietly([temp])
        raise
    _fsync_folder(folder)
    remove_quietly(folder.glob(f".{path.name}.*.tmp"))  # left behind by a killed process
    return Fingerprint(status.st_size, status.st_mtime_ns, hashlib.sha256(data).hexdigest())


def write_all(contents: dict[Path, bytes]) -> None:
    """Write every file under a temporary name, then rename them all; nothing half-written."""
    temporary: list[Path] = []
    current = next(iter(contents))
    try:
        for path, data in contents.items():
            current = path
            temp = output_temporary(path.parent, path.name)
            temporary.append(temp)
            temp.write_bytes(data)
        for temp, path in zip(temporary, contents, strict=True):
            current = path
            os.replace(temp, path)
    except OSError as error:
        remove_quietly(temporary)
        raise InputError(
            f"kan niet worden geschreven ({os_reason(error)})", file=str(current)
        ) from None


def make_folder(folder: Path) -> None:
    """The output folder, made where it is missing; an InputError when that cannot be."""
    if folder.is_symlink() and not folder.exists():
        raise InputError("dit is een koppeling naar een map die niet bestaat", file=str(folder))
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise InputError("dit is een bestand, geen map", file=str(folder)) from None
    except OSError as error:
        raise InputError(
            f"de uitvoermap kan niet worden gemaakt ({os_reason(error)})", file=str(folder)
        ) from None
    if not folder.is_dir():
        raise InputError("dit is geen map", file=str(folder))


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable where the system allows it (not on Windows)."""
    if not hasattr(os, "O_DIRECTORY"):
        return
    try:
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
