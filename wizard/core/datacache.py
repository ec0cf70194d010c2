"""The program's own YAML files (the built-in rulebook, the numbered statements, the documents'
words, the secret patterns) kept parsed, as JSON, in the user's cache folder.

Parsing them with PyYAML is a good part of the start of `check`, `render` and `batch`; reading
the same data as JSON takes a fraction of it (bench/ measures both). An entry is found by a
digest of the file's bytes (and of PyYAML's version and this module's format), so a changed file
is parsed again, never read from an old entry; the digest is also kept inside the entry and
checked. JSON holds only text, numbers, true/false/null, lists and mappings with text keys: the
dates of the rulebook are kept beside the data as their paths and restored, and a file with
anything else (a non-text key, a set) is simply not cached. Nothing in an entry is run (no
pickle, no code), and an entry that cannot be read, written or understood costs only the parse
again, as the Jinja bytecode cache in wizard/documents/templating.py does.

One file is never cached: the secret patterns (`NEVER_CACHED`). The cache folder is the user's
to write, and an entry is trusted for what it holds (its digest names the file's bytes, not the
data in it), so an edited entry of the patterns could switch the replacing of passwords off.
That file is read and parsed every time, and no entry of it is read or written.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
from collections.abc import Callable
from hashlib import blake2b
from pathlib import Path
from typing import Any

from wizard.paths import cache_dir

FORMAT = "3"  # a change to how entries are written starts new entries
FOLDER = "gegevens"
# Own files whose data must come from the file itself, never from an entry someone could edit.
NEVER_CACHED = frozenset({"secret-patterns.yaml"})

_Path = list[str | int]


def fingerprint(*parts: bytes) -> str:
    """A digest of `parts` (each closed off, so that no two lists of parts give the same
    bytes): the program's one way to name what its caches hold."""
    hasher = blake2b(digest_size=32)
    for part in parts:
        hasher.update(len(part).to_bytes(8, "big") + part)
    return hasher.hexdigest()


def digest(raw: bytes, parser: str) -> str:
    """The key of a file's entry: its bytes, the parser (with its version) and FORMAT."""
    return fingerprint(FORMAT.encode(), parser.encode(), raw)


def entry_path(name: str, key: str) -> Path:
    return cache_dir() / FOLDER / f"{name}-{key[:24]}.json"


def _dates(value: Any, path: _Path, found: list[list[Any]]) -> bool:
    """Collect [kind, path, ISO text] of every date and datetime in `value` into `found`;
    False when `value` holds anything JSON would not give back as it was."""
    if isinstance(value, str | bool | int | float) or value is None:
        return True
    if isinstance(value, dict):
        return all(
            isinstance(key, str) and _dates(item, [*path, key], found)
            for key, item in value.items()
        )
    if isinstance(value, list):
        return all(_dates(item, [*path, index], found) for index, item in enumerate(value))
    if isinstance(value, dt.datetime):
        found.append(["datetime", path, value.isoformat()])
        return True
    if isinstance(value, dt.date):
        found.append(["date", path, value.isoformat()])
        return True
    return False


def _restore(data: Any, dates: list[list[Any]]) -> Any:
    for kind, path, text in dates:
        parse = dt.datetime.fromisoformat if kind == "datetime" else dt.date.fromisoformat
        if not path:
            return parse(text)
        container = data
        for step in path[:-1]:
            container = container[step]
        container[path[-1]] = parse(text)
    return data


def read_entry(name: str, key: str) -> tuple[bool, Any]:
    """(True, data) from the entry of `key`, or (False, None) where there is no usable one."""
    try:
        with entry_path(name, key).open(encoding="utf-8") as handle:
            entry = json.load(handle)
        if not isinstance(entry, dict) or entry.get("digest") != key:
            return False, None
        return True, _restore(entry["data"], entry["dates"])
    except (OSError, ValueError, KeyError, IndexError, TypeError, AttributeError):
        return False, None


def write_entry(name: str, key: str, data: Any) -> None:
    """Keep `data` as the entry of `key`, if JSON can hold it; a folder that cannot be
    written is no error (the file is parsed again next time)."""
    dates: list[list[Any]] = []
    if not _dates(data, [], dates):
        return
    path = entry_path(name, key)
    text = json.dumps(
        {"digest": key, "dates": dates, "data": data}, ensure_ascii=False, default=str
    )
    temp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.replace(temp, path)  # whole or not at all, also with two processes at once
    except OSError:
        if temp is not None:
            try:
                os.unlink(temp)
            except OSError:
                pass


def cached_parse(path: Path, raw: bytes, parser: str, parse: Callable[[bytes], Any]) -> Any:
    """`parse(raw)`, from the cache where it holds this file's bytes already parsed (never for
    a file in NEVER_CACHED)."""
    if path.name in NEVER_CACHED:
        return parse(raw)
    key = digest(raw, parser)
    name = path.stem
    found, data = read_entry(name, key)
    if found:
        return data
    data = parse(raw)
    write_entry(name, key, data)
    return data
