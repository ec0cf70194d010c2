"""Reading and writing YAML safely: no aliases, bounded depth and size, atomic saves."""

from __future__ import annotations

import datetime as dt
import errno
import os
import stat
import tempfile
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from wizard.core.errors import InputError

MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 40


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader that refuses aliases (no alias bombs), deep nesting and duplicate keys."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._depth = 0

    def compose_node(self, parent, index):  # noqa: ANN001, ANN201 - PyYAML's signature
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise InputError(
                f"verwijzingen naar eerdere waarden (YAML-alias '*{event.anchor}') zijn niet "
                "toegestaan", line=event.start_mark.line + 1)
        self._depth += 1
        if self._depth > MAX_DEPTH:
            mark = self.peek_event().start_mark
            raise InputError(f"het document is dieper genest dan {MAX_DEPTH} niveaus",
                             line=mark.line + 1)
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def construct_mapping(self, node, deep=False):  # noqa: ANN001, ANN201
        seen: set = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            try:
                duplicate = key in seen
            except TypeError:
                raise InputError("een sleutel moet tekst zijn",
                                 line=key_node.start_mark.line + 1) from None
            if duplicate:
                raise InputError(f"de sleutel '{key}' staat er twee keer in",
                                 line=key_node.start_mark.line + 1)
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


_REASONS = {errno.EACCES: "geen toestemming", errno.EPERM: "geen toestemming",
            errno.ENOSPC: "de schijf is vol", errno.EROFS: "alleen-lezen schijf",
            errno.ENOTDIR: "een deel van het pad is een bestand, geen map",
            errno.ENOENT: "de map bestaat niet", errno.EEXIST: "er staat al een bestand",
            errno.EISDIR: "er staat een map met die naam",
            errno.ENAMETOOLONG: "de naam is te lang", errno.EIO: "een fout van de schijf",
            errno.ELOOP: "symbolische koppelingen die naar elkaar verwijzen",
            errno.EBUSY: "het bestand is in gebruik", errno.EMFILE: "te veel open bestanden"}
if hasattr(errno, "EDQUOT"):
    _REASONS[errno.EDQUOT] = "de schijfruimte (quotum) is op"


def os_reason(error: OSError) -> str:
    """Why a file operation failed, in Dutch for the common causes."""
    return _REASONS.get(error.errno or 0) or error.strerror or str(error)


def read_text(path: Path) -> str:
    """The file's text, or an InputError that says why it is not a text file.

    Only a regular file is read: a pipe (FIFO) or a device would block or never end. It is
    opened without blocking and checked before anything is read, and never more than
    MAX_FILE_BYTES are read.
    """
    if path.is_dir():
        raise InputError("dit is een map, geen bestand", file=str(path))
    try:
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) |
                         getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise InputError("het bestand bestaat niet", file=str(path)) from None
    except OSError as error:
        raise InputError(f"het bestand kan niet worden gelezen ({os_reason(error)})",
                         file=str(path)) from None
    with os.fdopen(handle, "rb") as stream:
        try:
            mode = os.fstat(stream.fileno()).st_mode
            if stat.S_ISDIR(mode):
                raise InputError("dit is een map, geen bestand", file=str(path))
            if not stat.S_ISREG(mode):
                raise InputError("dit is geen gewoon bestand (maar bijvoorbeeld een pipe of een "
                                 "apparaat)", file=str(path))
            raw = stream.read(MAX_FILE_BYTES + 1)
        except OSError as error:
            raise InputError(f"het bestand kan niet worden gelezen ({os_reason(error)})",
                             file=str(path)) from None
    if len(raw) > MAX_FILE_BYTES:
        raise InputError(f"het bestand is te groot (meer dan {MAX_FILE_BYTES} bytes)",
                         file=str(path))
    if b"\x00" in raw:
        raise InputError("dit is geen tekstbestand (het bevat binaire gegevens)", file=str(path))
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError("dit is geen tekstbestand in UTF-8", file=str(path)) from None


def parse_yaml(text: str, *, file: str | None = None) -> Any:
    """Parse one YAML document; every problem becomes an InputError with the line."""
    try:
        return yaml.load(text, Loader=_StrictLoader)  # noqa: S506 - a SafeLoader subclass
    except InputError as error:
        raise (error.with_file(file) if file else error) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = error.problem or "onleesbare YAML"
        raise InputError(f"dit is geen geldige YAML ({problem})", file=file,
                         line=mark.line + 1 if mark else None) from None
    except yaml.YAMLError as error:
        raise InputError(f"dit is geen geldige YAML ({error})", file=file) from None
    except RecursionError:
        raise InputError(f"het document is dieper genest dan {MAX_DEPTH} niveaus",
                         file=file) from None


def load_yaml_file(path: Path) -> Any:
    return parse_yaml(read_text(path), file=str(path))


_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_own_yaml_file(path: Path) -> Any:
    """The program's own data files (the built-in rulebook), parsed by libyaml where available.

    These files ship with the program and are checked by its tests, so the strict checks for
    user files (aliases, duplicate keys) are not needed; speed is, at every start.
    """
    try:
        with open(path, encoding="utf-8") as stream:
            return yaml.load(stream, Loader=_FAST_LOADER)  # noqa: S506 - a safe loader
    except (OSError, yaml.YAMLError) as error:
        raise InputError(f"een bestand van het programma is onleesbaar ({error})",
                         file=str(path)) from None


class _Dumper(yaml.SafeDumper):
    """Block style, unicode kept, keys in the order they were given."""


# Line breaks other than \n: a YAML reader turns each of them into \n inside a block scalar, so
# a text that holds one is written with escapes ("\N", "\L", "\P", "\r") instead.
_OTHER_BREAKS = ("\r", "\x85", "\u2028", "\u2029")


def _str_representer(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    """A text over several lines as a readable block (`|`); one with other line breaks in
    double quotes, where they are escaped (in a block or in single quotes they would change)."""
    if any(char in value for char in _OTHER_BREAKS):
        style = '"'
    else:
        style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str_representer)


def dump_yaml(data: Any) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                     default_flow_style=False, width=100)


def write_atomic(path: Path, text: str) -> None:
    """Write `text` to `path` so that the file is always either the old or the new version.

    The text goes to a temporary file in the same folder, is flushed to disk, and replaces the
    old file in one rename. On any failure the temporary file is removed and the old file stays.
    The file keeps the permissions it had (a new one gets the user's usual ones, not the
    private 0600 of a temporary file).
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    data = text.encode("utf-8")
    mode = _mode_for(path)
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise InputError(f"de map kan niet worden beschreven ({os_reason(error)})",
                         file=str(path)) from None
    try:
        if hasattr(os, "fchmod"):   # not on Windows, where the default is fine
            os.fchmod(handle, mode)
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp_name, path)
    except OSError as error:
        _remove_quietly(temp_name)
        raise InputError(f"het bestand kan niet worden opgeslagen ({os_reason(error)}); "
                         "het vorige bestand is ongewijzigd", file=str(path)) from None
    except BaseException:
        _remove_quietly(temp_name)
        raise
    _fsync_folder(folder)
    _remove_stale_temporaries(folder, path.name)


@cache
def _new_file_mode() -> int:
    """The mode a new file gets from the user's umask (read once: setting it is per process)."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def _mode_for(path: Path) -> int:
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        return _new_file_mode()


def _remove_stale_temporaries(folder: Path, name: str) -> None:
    """Temporary files that a killed process left behind for this file."""
    for stale in folder.glob(f".{name}.*.tmp"):
        _remove_quietly(str(stale))


def _remove_quietly(name: str) -> None:
    try:
        os.unlink(name)
    except OSError:
        pass


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


def to_plain(value: Any) -> Any:
    """Dates become ISO text so that JSON Schema and JSON output can handle them."""
    if isinstance(value, dict):
        return {key: to_plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [to_plain(item) for item in value]
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return value
