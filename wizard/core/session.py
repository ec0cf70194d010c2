"""The session file (`*.adviesgesprek.yaml`): the answers of one adviesgesprek, and nothing else.

Load, validate, migrate older formats, refuse newer ones, and save atomically. Unknown keys are
kept. Keys that look like a password or an authenticator secret are never kept or written: the
program does not store secrets. Nor does it keep a secret typed into a text (a password in a
note) or into the name of a key (`"pincode 4821": ...`): every text and key that enters a
Session, typed or loaded, has its secret values replaced (`wizard.core.secrets`), and the Session
remembers, in memory only, where it did that.

An error message about a file says where (the file, the line, the field) and never quotes a
secret: it is built from the Session's data, after the replacing, and a value it quotes from
before (the format) is quoted only when it is a plain word without one.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from dataclasses import InitVar, dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from wizard.constants import SESSION_SUFFIX
from wizard.core.errors import InputError
from wizard.core.files import MAX_FILE_BYTES, Fingerprint, os_reason, read_text, write_atomic
from wizard.core.rulebook import Rulebook, builtin_rulebook
from wizard.core.schema import SchemaError, first_error, load_schema
from wizard.core.secrets import patterns, redact, redact_key, redact_tree
from wizard.core.yamlio import dump_yaml, parse_yaml, to_plain
from wizard.paths import resources_dir

FORMAT_PREFIX = "adviesgesprek/"
FORMAT_VERSION = 1
FORMAT = f"{FORMAT_PREFIX}{FORMAT_VERSION}"
DATE_PATHS = ("conversation.date", "minister.sworn_in", "rulebook.date")

# Field names that would hold a secret. Such keys are dropped on load and never saved.
SECRET_KEY = re.compile(
    r"(^|_)(pass(word|wd|phrase)?|wachtwoord|pin(code)?)$|secret|geheim|"
    r"totp|otp_?code|auth(enticator)?_?(code|key|seed)|recovery_?code",
    re.IGNORECASE,
)


@dataclass
class Session:
    """The answers, as plain YAML data, with dotted-path access (`minister.name`).

    `data` never holds a secret in a text: what looks like one is replaced on the way in (when
    the Session is made and in `set`). `secret_texts` says where that happened and what kind of
    secret it was (`{"access.authenticator_handover": ["password"]}`), for the finding
    `secret-in-text`; it is never saved. A path is forgotten when it gets a value without one.
    """

    data: dict[str, Any]
    dropped_secrets: list[str] = field(default_factory=list)
    secret_texts: dict[str, list[str]] = field(default_factory=dict)
    # True: `data` has just been through `redact_tree` (session_from_data does that itself, to
    # find the lines of renamed keys), and `secret_texts` says what it found.
    redacted: InitVar[bool] = False

    def __post_init__(self, redacted: bool) -> None:
        if not redacted:
            self.data = redact_tree(self.data, "", self.secret_texts)

    def get(self, path: str, default: Any = None) -> Any:
        value: Any = self.data
        for part in path.split("."):
            if not isinstance(value, dict) or part not in value:
                return default
            value = value[part]
        return default if value is None else value

    def set(self, path: str, value: Any) -> None:
        parts = path.split(".")
        if SECRET_KEY.search(parts[-1]):
            raise ValueError(
                f"'{_shown_path(path)}' ziet eruit als een geheim; dat slaat het programma niet op"
            )
        self._forget_secrets(path)
        value = redact_tree(value, path, self.secret_texts, parts[-1])
        target = self.data
        for part in parts[:-1]:
            if not isinstance(target.get(part), dict):
                target[part] = {}
            target = target[part]
        target[parts[-1]] = value

    def remove(self, path: str) -> None:
        self._forget_secrets(path)
        parts = path.split(".")
        target: Any = self.data
        for part in parts[:-1]:
            target = target.get(part) if isinstance(target, dict) else None
            if target is None:
                return
        if isinstance(target, dict):
            target.pop(parts[-1], None)

    def _forget_secrets(self, path: str) -> None:
        """A new value at `path` replaces what was there, and what was under or above it."""
        for known in list(self.secret_texts):
            if known == path or known.startswith(path + ".") or path.startswith(known + "."):
                del self.secret_texts[known]

    def copy(self) -> Session:
        """An independent copy (its texts are not looked through again: they hold no secret)."""
        return Session(
            copy.deepcopy(self.data),
            list(self.dropped_secrets),
            copy.deepcopy(self.secret_texts),
            redacted=True,
        )

    def to_yaml(self) -> str:
        return dump_yaml(_for_saving(self.data))


def new_session() -> Session:
    """An empty conversation with the defaults an advisor expects."""
    return Session(
        {
            "format": FORMAT,
            "conversation": {
                "date": dt.date.today().isoformat(),
                "advisor": "",
                "notes": "",
                "cabinet_change": True,
            },
            "minister": {
                "name": "",
                "office": "",
                "ministry": "",
                "post": "",
                "party": "",
                "party_hashtag": "",
                "sworn_in": None,
            },
            "variant": "",  # chosen in the conversation; the rulebook marks which one is advised
            "personal_account": False,
            "motivation": "",
            "acknowledged": [],
            "election_period": False,
            "platforms": {},
            "webcare": {"standby": False, "proactive": False},
            "access": {"minister_access": False},
        }
    )


# --- loading -------------------------------------------------------------------------------


@cache
def _schema() -> dict[str, Any]:
    return load_schema(resources_dir() / "schemas" / "session.schema.json")


def _marker() -> str:
    return patterns().marker


def _shown_name(key: Any) -> str:
    """A key as a message may name it: without a secret in it ("pincode [niet bewaard]")."""
    return redact_key(key)[0] if isinstance(key, str) else str(key)


def _shown_path(path: str) -> str:
    return ".".join(_shown_name(part) for part in path.split("."))


def _quotable(value: Any, label: str) -> str | None:
    """`value` as a message may quote it: a plain word ("word/1") without a secret; None for
    anything else (a sentence, a mapping, "adviesgesprek/1 wachtwoord: Geheim123!")."""
    if not isinstance(value, str | int | float) or isinstance(value, bool):
        return None
    text = str(value).strip()
    if not re.fullmatch(r"[\w./+-]{1,40}", text) or redact(text, label)[1]:
        return None
    return text


def _format_version(data: dict[str, Any]) -> int:
    value = data.get("format")
    if value is None:
        raise InputError(
            "dit is geen adviesgesprek-bestand: het veld 'format' ontbreekt", key="format"
        )
    match = re.fullmatch(r"adviesgesprek/(\d{1,6})", str(value).strip())
    if not match:
        shown = _quotable(value, "format")
        given = f" '{shown}'" if shown is not None else ""
        raise InputError(f"onbekend bestandsformaat{given} (verwacht: {FORMAT})", key="format")
    return int(match.group(1))


def _migrate_0_to_1(data: dict[str, Any]) -> dict[str, Any]:
    """Format 0 (the draft of early 2026): Dutch variant names, platforms as a list,
    `predecessor.archived` instead of `archiving_arranged`."""
    data = dict(data)
    dutch = {"hybride": "hybrid", "persoonlijk": "personal", "corporate": "corporate"}
    if isinstance(data.get("variant"), str):
        data["variant"] = dutch.get(data["variant"], data["variant"])
    platforms = data.get("platforms")
    if isinstance(platforms, list):
        converted = {}
        for entry in platforms:
            if not isinstance(entry, dict) or "platform" not in entry:
                raise InputError(
                    "elk platform in formaat 0 heeft een sleutel 'platform'", key="platforms"
                )
            entry = dict(entry)
            key = str(entry.pop("platform"))
            converted[key] = {"use": True, **entry}
        data["platforms"] = converted
    predecessor = data.get("predecessor")
    if isinstance(predecessor, dict) and "archived" in predecessor:
        predecessor = dict(predecessor)
        predecessor["archiving_arranged"] = predecessor.pop("archived")
        if isinstance(predecessor.get("variant"), str):
            predecessor["variant"] = dutch.get(predecessor["variant"], predecessor["variant"])
        data["predecessor"] = predecessor
    data["format"] = "adviesgesprek/1"
    return data


MIGRATIONS = {0: _migrate_0_to_1}


def _dropped_name(key: str) -> str:
    """The name of a dropped key, for the list of what was not taken over: the name itself when
    it is a plain field name ("totp_secret"), else the marker ("geheim: Zomer2026!" names its
    own value)."""
    if re.fullmatch(r"[\w.-]{1,64}", key) and not redact_key(key)[1]:
        return key
    return _marker()


def _drop_secrets(value: Any, path: str, dropped: list[str]) -> Any:
    """`value` without the keys that look like a secret; `dropped` gets their paths, with no
    secret in any name on them."""
    if isinstance(value, dict):
        kept = {}
        for key, item in value.items():
            if isinstance(key, str) and SECRET_KEY.search(key):
                dropped.append(f"{path}.{_dropped_name(key)}" if path else _dropped_name(key))
                continue
            key_path = f"{path}.{_shown_name(key)}" if path else _shown_name(key)
            kept[key] = _drop_secrets(item, key_path, dropped)
        return kept
    if isinstance(value, list):
        return [_drop_secrets(item, f"{path}.{index}", dropped) for index, item in enumerate(value)]
    return value


def _line_of(text: str, path: list[Any], renamed: dict[str, str] | None = None) -> int | None:
    """The line of a key in the YAML text (a best effort): each name of its path looked for
    after the one before, in block style (`name:` at the start of a line) or flow style
    (`{a: 1, name: 2}`); `renamed` gives the name in the file of a key whose name held a
    secret. None when the last name is not found."""
    names = [(renamed or {}).get(part, part) for part in path if isinstance(part, str)]
    if not names:
        return None
    position, found = 0, None
    for name in names:
        pattern = re.compile(
            rf"(?:^|[{{,])[ \t]*(?:-[ \t]+)?['\"]?{re.escape(name)}['\"]?[ \t]*:", re.MULTILINE
        )
        found = pattern.search(text, position)
        if found is None:
            found = pattern.search(text)  # a path the text spells otherwise: the name anywhere
        if found is not None:
            position = found.end()
    return text.count("\n", 0, found.start()) + 1 if found else None


def _schema_message(error: SchemaError) -> str:
    if error.keyword == "pattern" and error.key in DATE_PATHS:
        return "dit moet een datum zijn (JJJJ-MM-DD)"
    return error.message


def session_from_data(data: Any, *, text: str = "", file: str | None = None) -> Session:
    """Validate and migrate parsed YAML into a Session, or raise an InputError."""
    if data is None:
        raise InputError("het bestand is leeg", file=file)
    if not isinstance(data, dict):
        raise InputError(
            "dit is geen adviesgesprek-bestand: verwacht een verzameling sleutels", file=file
        )
    try:
        version = _format_version(data)
    except InputError as error:
        error.line = error.line or _line_of(text, ["format"])
        raise (error.with_file(file) if file else error) from None
    if version > FORMAT_VERSION:
        raise InputError(
            f"dit bestand heeft het nieuwere formaat adviesgesprek/{version}; deze "
            f"versie van het programma kent {FORMAT} en ouder. Gebruik een nieuwere "
            "versie van Adviesgesprek.",
            file=file,
            key="format",
        )
    while version < FORMAT_VERSION:
        data = MIGRATIONS[version](data)
        version += 1
    dropped: list[str] = []
    data = _drop_secrets(data, "", dropped)
    # Secrets in texts and in key names are replaced first, so that no message below, and no
    # finding built from the session later (an unknown platform's name), can quote one.
    secret_texts: dict[str, list[str]] = {}
    renamed: dict[str, str] = {}  # only here, to find a renamed key's line; never kept
    data = redact_tree(to_plain(data), "", secret_texts, renamed=renamed)
    session = Session(data, dropped_secrets=dropped, secret_texts=secret_texts, redacted=True)
    error = first_error(session.data, _schema())
    if error:
        raise InputError(  # quotes values and names of `session.data`: none holds a secret
            _schema_message(error),
            file=file,
            key=error.key,
            line=_line_of(text, list(error.path), renamed),
        )
    return session


def parse_session(text: str, *, file: str | None = None) -> Session:
    return session_from_data(parse_yaml(text, file=file), text=text, file=file)


def load_session(path: str | Path) -> Session:
    path = Path(path)
    return parse_session(read_text(path), file=str(path))


def _is_session_file(path: Path) -> bool:
    """A *.adviesgesprek.yaml always counts; another *.yaml only when it says it is one."""
    if path.name.endswith(SESSION_SUFFIX):
        return True
    try:
        data = parse_yaml(read_text(path), file=str(path))
    except InputError:
        return False
    return isinstance(data, dict) and str(data.get("format", "")).startswith(FORMAT_PREFIX)


def find_sessions(folder: str | Path) -> tuple[list[Path], list[Path]]:
    """The sessions in a folder and the other YAML files in it, each in name order."""
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError("dit is geen map (of de map bestaat niet)", file=str(folder))
    try:
        candidates = sorted(
            path for path in folder.iterdir() if path.is_file() and path.suffix in (".yaml", ".yml")
        )
    except OSError as error:
        raise InputError(
            f"de map kan niet worden gelezen ({os_reason(error)})", file=str(folder)
        ) from None
    sessions = [path for path in candidates if _is_session_file(path)]
    return sessions, [path for path in candidates if path not in sessions]


# --- the rulebook a session was saved under -------------------------------------------------


def rulebook_stamp(rulebook: Rulebook) -> dict[str, str]:
    """What a saved session records about the rulebook: `{version, date}`."""
    return {"version": rulebook.version, "date": rulebook.date}


def saved_rulebook(session: Session) -> dict[str, str] | None:
    """The rulebook `{version, date}` under which the session was last saved, or None when the
    file does not say (saved by an older program, or never saved)."""
    stamp = session.get("rulebook")
    if not isinstance(stamp, dict) or stamp.get("version") in (None, ""):
        return None
    return {"version": str(stamp["version"]), "date": str(stamp.get("date") or "")}


def saved_under_other_rulebook(session: Session, rulebook: Rulebook) -> bool:
    """Whether the session was last saved under another rulebook version than `rulebook`.
    False when the file does not say which rulebook it was saved under."""
    saved = saved_rulebook(session)
    return saved is not None and saved["version"] != rulebook.version


def _for_saving(data: dict[str, Any]) -> dict[str, Any]:
    """Dates back to YAML dates; secrets never written (also when `data` was changed without
    `set`: the texts are checked again here, the last door before the disk)."""
    saved = redact_tree(_drop_secrets(data, "", []), "", {})
    for path in DATE_PATHS:
        parent_path, _, name = path.rpartition(".")
        parent = saved.get(parent_path)
        if isinstance(parent, dict) and isinstance(parent.get(name), str) and parent[name]:
            try:
                parent[name] = dt.date.fromisoformat(parent[name])
            except ValueError:
                pass
    return saved


def _stamped(data: dict[str, Any], stamp: dict[str, str]) -> dict[str, Any]:
    """`data` with `rulebook: stamp` right after `format`."""
    result = {key: value for key, value in data.items() if key == "format"}
    result["rulebook"] = stamp
    result.update((key, value) for key, value in data.items() if key not in result)
    return result


def stamp_session(session: Session, rulebook: Rulebook) -> None:
    """Record in `session` the rulebook it is saved under, as `save_session` does."""
    stamped = _stamped(session.data, rulebook_stamp(rulebook))
    session.data.clear()  # in place: a view may hold on to the dict
    session.data.update(stamped)


def save_session(
    session: Session, path: str | Path, rulebook: Rulebook | None = None
) -> Fingerprint:
    """Save atomically: the file on disk is always the old or the new complete version.

    The file records the rulebook it is saved under (`rulebook: {version, date}`; the built-in
    rulebook when none is given), and so does `session` once the file is written.
    A conversation larger than the program reads back (MAX_FILE_BYTES) is refused before
    anything is written, so that no file is saved that could not be opened again.
    Returns the fingerprint of the file written."""
    if rulebook is None:
        rulebook = builtin_rulebook()
    data = _stamped(session.data, rulebook_stamp(rulebook))
    text = dump_yaml(_for_saving(data))
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > MAX_FILE_BYTES:
        raise InputError(
            f"het gesprek is te groot om op te slaan ({size} bytes; hoogstens "
            f"{MAX_FILE_BYTES}): maak de lange teksten korter; het vorige bestand "
            "is ongewijzigd",
            file=str(path),
        )
    written = write_atomic(Path(path), text)
    stamp_session(session, rulebook)
    return written
