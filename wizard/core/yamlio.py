"""YAML, safely: no aliases, bounded depth, no duplicate keys; block style when written.

Reading and writing the files themselves (size limits, atomic saves) is `wizard.core.files`.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml

from wizard.core.datacache import cached_parse
from wizard.core.errors import InputError
from wizard.core.files import read_text

MAX_DEPTH = 40


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader that refuses aliases (no alias bombs), deep nesting and duplicate keys."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._depth = 0

    def compose_node(self, parent: yaml.Node | None, index: object) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise InputError(
                "verwijzingen naar eerdere waarden (YAML-aliassen) zijn niet toegestaan",
                line=event.start_mark.line + 1,
            )
        self._depth += 1
        if self._depth > MAX_DEPTH:
            mark = self.peek_event().start_mark
            raise InputError(
                f"het document is dieper genest dan {MAX_DEPTH} niveaus", line=mark.line + 1
            )
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
        seen: set = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            try:
                duplicate = key in seen
            except TypeError:
                raise InputError(
                    "een sleutel moet tekst zijn", line=key_node.start_mark.line + 1
                ) from None
            if duplicate:
                # (the key is not quoted: a hand-edited file's key may hold a secret)
                raise InputError(
                    "deze sleutel staat er twee keer in", line=key_node.start_mark.line + 1
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


# What PyYAML's problems mean, in Dutch (its own messages are English); the first that starts
# the problem applies.
_PROBLEMS = [
    ("expected <block end>", "hier eindigt een blok niet goed (klopt het inspringen?)"),
    (
        "mapping values are not allowed",
        "een dubbele punt staat hier niet op zijn plaats (zet de tekst tussen aanhalingstekens)",
    ),
    ("could not find expected ':'", "de dubbele punt na een sleutel ontbreekt"),
    ("did not find expected key", "hier hoort een sleutel te staan (klopt het inspringen?)"),
    ("did not find expected '-'", "hier hoort een onderdeel van een lijst (-) te staan"),
    ("did not find expected node content", "hier ontbreekt een waarde"),
    ("expected the node content", "hier ontbreekt een waarde"),
    ("expected ',' or ']'", "een lijst tussen [ en ] is niet goed gesloten"),
    ("expected ',' or '}'", "een verzameling tussen { en } is niet goed gesloten"),
    (
        "found unexpected end of stream",
        "het bestand houdt onverwacht op (een aanhalingsteken of haakje wordt niet gesloten)",
    ),
    ("found unknown escape character", "een onbekende code na een backslash (\\)"),
    ("found a tab character", "een tab waar een spatie hoort"),
    ("found character '\\t'", "een tab waar een spatie hoort"),
    ("found character", "een teken dat hier niet kan staan"),
    ("found undefined tag", "een YAML-label (!...) dat niet bestaat"),
    ("could not determine a constructor", "een YAML-label (!...) dat niet kan"),
    ("found duplicate anchor", "een anker (&) staat er twee keer in"),
    ("expected a single document", "het bestand bevat meer dan één document (---)"),
    ("expected alphabetic or numeric character", "een anker of alias zonder naam"),
    ("special characters are not allowed", "een teken dat niet in een YAML-bestand mag"),
    ("found unexpected ':'", "een dubbele punt staat hier niet op zijn plaats"),
    ("expected '<document start>'", "hier hoort een nieuw document te beginnen (---)"),
]


def yaml_problem(problem: str | None) -> str:
    """PyYAML's problem in Dutch."""
    text = (problem or "").strip()
    for start, meaning in _PROBLEMS:
        if text.startswith(start):
            return meaning
    return "de opbouw klopt hier niet"


def parse_yaml(text: str, *, file: str | None = None) -> Any:
    """Parse one YAML document; every problem becomes an InputError with the line."""
    try:
        return yaml.load(text, Loader=_StrictLoader)
    except InputError as error:
        raise (error.with_file(file) if file else error) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        raise InputError(
            f"dit is geen geldige YAML: {yaml_problem(error.problem)}",
            file=file,
            line=mark.line + 1 if mark else None,
        ) from None
    except yaml.reader.ReaderError as error:
        line = text.count("\n", 0, error.position) + 1 if error.position is not None else None
        raise InputError(
            f"dit is geen geldige YAML: {yaml_problem(error.reason)}", file=file, line=line
        ) from None
    except yaml.YAMLError:
        raise InputError("dit is geen geldige YAML", file=file) from None
    except RecursionError:
        raise InputError(
            f"het document is dieper genest dan {MAX_DEPTH} niveaus", file=file
        ) from None


def load_yaml_file(path: Path) -> Any:
    return parse_yaml(read_text(path), file=str(path))


_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_own_yaml_file(path: Path) -> Any:
    """The program's own data files (the built-in rulebook), parsed by libyaml where available,
    and kept parsed in the user's cache folder (`wizard.core.datacache`), so that they are not
    parsed at every start.

    These files ship with the program and are checked by its tests, so the strict checks for
    user files (aliases, duplicate keys) are not needed; speed is, at every start.
    """
    try:
        raw = Path(path).read_bytes()
        return cached_parse(Path(path), raw, _FAST_PARSER, _parse_own)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise InputError(
            f"een bestand van het programma is onleesbaar ({error})", file=str(path)
        ) from None


_FAST_PARSER = f"PyYAML {yaml.__version__} {_FAST_LOADER.__name__}"


def _parse_own(raw: bytes) -> Any:
    return yaml.load(raw.decode("utf-8"), Loader=_FAST_LOADER)


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

# libyaml's emitter (PyYAML's C binding, in its wheels): the same text, many times faster on a
# large conversation (long notes), which a save and an autosave write.
_FAST_DUMPER: type = _Dumper
if hasattr(yaml, "CSafeDumper"):

    class _LibyamlDumper(yaml.CSafeDumper):
        """_Dumper's representers on libyaml's emitter."""

    _LibyamlDumper.add_representer(str, _str_representer)
    _FAST_DUMPER = _LibyamlDumper


def _dump(data: Any, dumper: type) -> str:
    return yaml.dump(
        data,
        Dumper=dumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=100,
    )


def dump_yaml(data: Any) -> str:
    """YAML text of `data`: libyaml's where PyYAML has it; a text libyaml cannot write (a lone
    surrogate, kept from an escape in an opened file) by PyYAML's own emitter, which escapes
    it."""
    try:
        return _dump(data, _FAST_DUMPER)
    except UnicodeEncodeError:
        return _dump(data, _Dumper)


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
