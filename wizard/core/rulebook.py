"""The rulebook: the government's rules as data, loaded from resources/ and a department overlay.

The built-in rulebook is every `resources/rulebook/*.yaml`, read in name order; each file brings its
own top-level keys. An overlay (one YAML file, or a folder of them) is merged over it:
mappings merge key by key, lists of entries with an `id` merge entry by entry (an entry with
`remove: true` takes one out), other values are replaced. The result is validated against
`resources/schemas/rulebook.schema.json` and checked for references that do not resolve.

A rulebook to compare with (`compare --with`) is read by `load_other_rulebook`: a folder or file
that brings every top-level key the schema requires is a full rulebook and replaces the built-in
one; anything else is an overlay, merged over the built-in rulebook as above.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import regex

from wizard.core import text
from wizard.core.errors import InputError
from wizard.core.schema import first_error, load_schema
from wizard.core.yamlio import load_own_yaml_file, load_yaml_file, to_plain
from wizard.paths import resources_dir


@dataclass(frozen=True)
class Source:
    """One statement a rule rests on, as the program shows it: the statement's id, the title of
    the document it comes from (the rulebook's `seeds`), its section and its Dutch text.
    `known` is False for an id that is not among the numbered statements."""

    id: str
    document: str
    section: str
    statement: str
    known: bool = True
    number: int = 0  # the statement's place among the numbered statements (0: not among them)

    @property
    def where(self) -> str:
        """'document, section', e.g. "Bijlage '...' (juli 2024), In één oogopslag"."""
        return ", ".join(part for part in (self.document, self.section) if part)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "document": self.document,
            "section": self.section,
            "statement": self.statement,
            "known": self.known,
        }


def source_words(source: Source) -> tuple[str, str]:
    """A statement in the words every output shows it in (the verantwoording, `check --sources`
    and the wizard's "Bron"): where a reader finds it ("document, section") and the statement
    quoted. For an id that is not among the numbered statements: a sentence saying so, and no
    quote. Beside it an output shows at most the statement's `number`, never its id."""
    if not source.known:
        return f"Uitspraak {source.id} staat niet in de genummerde uitspraken.", ""
    return source.where, f"“{source.statement}”"


@dataclass
class Rulebook:
    """The merged, validated rulebook: `data` is plain YAML data; the helpers look things up.
    `overlay` names the overlay (or, when `full`, the full rulebook) it was read from."""

    data: dict[str, Any]
    overlay: str | None = None
    template_dirs: list[Path] = field(default_factory=list)
    full: bool = False
    _memo: dict[Any, Any] = field(default_factory=dict, repr=False, compare=False)

    def memo(self, key: Any, make: Callable[[], Any]) -> Any:
        """What `make()` gives, worked out once per rulebook and key (the rulebook's data does
        not change once loaded; a changed rulebook is a new Rulebook)."""
        if key not in self._memo:
            self._memo[key] = make()
        return self._memo[key]

    @property
    def statements(self) -> dict[str, dict[str, Any]]:
        """The numbered statements of the seeds, read when first needed (not at start-up)."""
        return _statements()

    @property
    def version(self) -> str:
        return str(self.data["version"])

    @property
    def date(self) -> str:
        return str(self.data["date"])

    @property
    def platforms(self) -> dict[str, dict[str, Any]]:
        """Platforms in the rulebook's order."""
        items = self.data["platforms"].items()
        return dict(sorted(items, key=lambda item: (item[1].get("order", 99), item[0])))

    @property
    def ministries(self) -> dict[str, dict[str, Any]]:
        return self.data["ministries"]

    def ministry_key(self, value: str) -> str | None:
        """The canonical key for a ministry written as its key, display form or an alias."""
        if not isinstance(value, str):
            return None
        wanted = value.strip().casefold()
        for key, ministry in self.ministries.items():
            names = [key, ministry.get("abbr", ""), *ministry.get("aliases", [])]
            if wanted in (name.casefold() for name in names):
                return key
        return None

    def finding(self, code: str) -> dict[str, Any]:
        return self.data["findings"][code]

    def statement(self, statement_id: str) -> dict[str, Any] | None:
        return self.statements.get(statement_id)

    def describe_source(self, ids: Iterable[str]) -> list[Source]:
        """The statements a rule rests on (its `source`), for the command line, the wizard and
        the documents alike."""
        described = []
        for statement_id in ids:
            statement = self.statements.get(statement_id)
            if statement is None:
                described.append(
                    Source(id=statement_id, document="", section="", statement="", known=False)
                )
                continue
            seeds = self.data.get("seeds") or {}
            described.append(
                Source(
                    id=statement_id,
                    document=str(seeds.get(statement["seed"], statement["seed"])),
                    section=str(statement.get("section", "")),
                    statement=str(statement.get("statement", "")),
                    number=_statement_numbers()[statement_id],
                )
            )
        return described


# --- loading -------------------------------------------------------------------------------


def _read_folder(folder: Path, *, own: bool = False) -> dict[str, Any]:
    """All `*.yaml` of a folder, each bringing its own top-level keys. `own`: the program's
    built-in files (fast loader); otherwise a department's files (strict loader)."""
    merged: dict[str, Any] = {}
    origin: dict[str, str] = {}
    for path in sorted(folder.glob("*.yaml")):
        part = load_own_yaml_file(path) if own else load_yaml_file(path)
        if part is None:
            continue
        if not isinstance(part, dict):
            raise InputError(
                "een regelboekbestand moet een verzameling sleutels zijn", file=str(path)
            )
        for key, value in part.items():
            if key in merged:
                raise InputError(f"de sleutel '{key}' staat ook in {origin[key]}", file=str(path))
            merged[key] = value
            origin[key] = path.name
    return merged


def _is_id_list(value: Any) -> bool:
    return isinstance(value, list) and all(
        isinstance(item, dict) and "id" in item for item in value
    )


def merge_overlay(base: Any, overlay: Any) -> Any:
    """Merge an overlay over a base (see the module docstring)."""
    if isinstance(base, dict) and isinstance(overlay, dict):
        result = dict(base)
        for key, value in overlay.items():
            result[key] = merge_overlay(base[key], value) if key in base else value
        return result
    if _is_id_list(base) and _is_id_list(overlay):
        result = [dict(item) for item in base]
        positions = {item["id"]: index for index, item in enumerate(result)}
        for item in overlay:
            if item.get("remove") is True:
                if item["id"] in positions:
                    result[positions[item["id"]]] = None
                continue
            if item["id"] in positions:
                index = positions[item["id"]]
                result[index] = merge_overlay(result[index], item)
            else:
                positions[item["id"]] = len(result)
                result.append(item)
        return [item for item in result if item is not None]
    return overlay


def _read_overlay(path: Path) -> tuple[dict[str, Any], list[Path]]:
    path = Path(path)
    templates: list[Path] = []
    if path.is_dir():
        data = _read_folder(path)
        if (path / "templates").is_dir():
            templates.append(path / "templates")
    else:
        data = load_yaml_file(path)
        if data is None:
            data = {}
        if not isinstance(data, dict):
            raise InputError(
                "een aanvullend regelboek moet een verzameling sleutels zijn", file=str(path)
            )
    return data, templates


@cache
def _schema() -> dict[str, Any]:
    return load_schema(resources_dir() / "schemas" / "rulebook.schema.json")


@cache
def _statements() -> dict[str, dict[str, Any]]:
    items = load_own_yaml_file(resources_dir() / "statements.yaml")
    return {item["id"]: item for item in items}


@cache
def _statement_numbers() -> dict[str, int]:
    return {statement: index for index, statement in enumerate(_statements(), start=1)}


def _builtin_data() -> dict[str, Any]:
    """The built-in rulebook's data, read afresh for every Rulebook made from it, so that no two
    share their data (read from the parsed files in the cache folder, `wizard.core.datacache`)."""
    return _read_folder(resources_dir() / "rulebook", own=True)


def load_rulebook(overlay: str | Path | None = None) -> Rulebook:
    """The built-in rulebook, with a department overlay merged over it (and the result
    validated) when one is given."""
    if overlay is None:
        # The built-in rulebook ships with the program and its tests validate it
        # (tests/core/test_rulebook.py); a department's overlay is validated on every load.
        return Rulebook(data=_builtin_data())
    overlay_data, templates = _read_overlay(Path(overlay))
    return _over_builtin(overlay_data, str(overlay), templates)


def is_full_rulebook(data: dict[str, Any]) -> bool:
    """Whether rulebook data brings every top-level key the schema requires (a full rulebook,
    not an overlay)."""
    return all(key in data for key in _schema()["required"])


def load_other_rulebook(path: str | Path) -> Rulebook:
    """A rulebook to compare with: a full rulebook (a folder or file with every required
    top-level key) on its own, or else an overlay merged over the built-in rulebook; validated
    either way. A full rulebook is not merged, so that what it leaves out is really gone."""
    data, templates = _read_overlay(Path(path))
    if not is_full_rulebook(data):
        return _over_builtin(data, str(path), templates)
    return _validated(Rulebook(data=data, overlay=str(path), template_dirs=templates, full=True))


def _over_builtin(overlay_data: dict[str, Any], label: str, templates: list[Path]) -> Rulebook:
    data = merge_overlay(_builtin_data(), overlay_data)
    return _validated(Rulebook(data=data, overlay=label, template_dirs=templates))


def _validated(rulebook: Rulebook) -> Rulebook:
    try:
        validate_rulebook(rulebook)
    except InputError as error:
        raise error.with_file(rulebook.overlay) from None
    return rulebook


@cache
def builtin_rulebook() -> Rulebook:
    """The built-in rulebook, loaded once per process (it does not change while running)."""
    return load_rulebook()


# --- validation ----------------------------------------------------------------------------


def validate_rulebook(rulebook: Rulebook) -> None:
    """Schema first, then references: sources, owners, moments, finding codes, patterns."""
    plain = to_plain(rulebook.data)
    error = first_error(plain, _schema())
    if error:
        raise InputError(
            f"het regelboek klopt niet: {error.message}", key=error.key or "(bovenste niveau)"
        )
    problems = list(_reference_problems(rulebook))
    if problems:
        key, message = problems[0]
        raise InputError(f"het regelboek klopt niet: {message}", key=key)
    if not isinstance(rulebook.data["date"], dt.date):
        try:
            dt.date.fromisoformat(str(rulebook.data["date"]))
        except ValueError:
            raise InputError(
                "de datum van het regelboek is geen datum (JJJJ-MM-DD)", key="date"
            ) from None


def _walk_sources(value: Any, path: str) -> Iterable[tuple[str, str]]:
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "source" and isinstance(item, list):
                for index, statement_id in enumerate(item):
                    yield f"{path}.source.{index}".lstrip("."), statement_id
            else:
                yield from _walk_sources(item, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _walk_sources(item, f"{path}.{index}")


def _walk_texts(value: Any, path: str) -> Iterable[tuple[str, str]]:
    """Every text of the rulebook that is filled in with session values (not regex patterns)."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key not in ("pattern", "forbid_pattern", "handle_charset"):
                yield from _walk_texts(item, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _walk_texts(item, f"{path}.{index}")
    elif isinstance(value, str):
        yield path.lstrip("."), value


def _reference_problems(rulebook: Rulebook) -> Iterable[tuple[str, str]]:
    data = rulebook.data
    for path, value in _walk_texts(data, ""):
        problem = text.pattern_problem(value)
        if problem:
            yield path, f"de tekst heeft losse accolades ({{ of }}): {value[:60]!r}"
    for path, statement_id in _walk_sources(data, ""):
        if statement_id not in rulebook.statements:
            yield path, f"bron '{statement_id}' bestaat niet in de genummerde uitspraken"
    for index, item in enumerate(data["checklist"]):
        if item["owner"] not in data["owners"]:
            yield f"checklist.{index}.owner", f"onbekende eigenaar '{item['owner']}'"
        if item["moment"] not in data["moments"]:
            yield f"checklist.{index}.moment", f"onbekend moment '{item['moment']}'"
        if item["group"] not in data["checklist_groups"]:
            yield f"checklist.{index}.group", f"onbekende groep '{item['group']}'"
    codes = data["findings"]
    for section in ("requirements", "text_checks", "handle_checks"):
        for index, item in enumerate(data[section]):
            if item["code"] not in codes:
                yield f"{section}.{index}.code", f"onbekende bevinding '{item['code']}'"
    for index, clause in enumerate(data["clauses"]):
        if clause["section"] not in data["clause_sections"]:
            yield f"clauses.{index}.section", f"onbekend onderdeel '{clause['section']}'"
    for key, platform in data["platforms"].items():
        yield from _platform_pattern_problems(f"platforms.{key}", platform)
        for name, form in (platform.get("forms") or {}).items():
            yield from _platform_pattern_problems(f"platforms.{key}.forms.{name}", form)


# Handles a pattern is tried on when an overlay is loaded: long runs that make a pattern with
# nested repetition, such as (a+)+$, backtrack without end.
_PROBES = tuple(
    run * 40 + end for run in ("a", "A", "1", "-", ".", "_", "ab", "a1") for end in ("!", "")
)


def _pattern_problem(pattern: str) -> str | None:
    """Why a handle rule's pattern cannot be used: it is no regular expression, or it takes
    too long on some handle."""
    try:
        regex.compile(pattern)
        re.compile(pattern)
    except (regex.error, re.error):
        return f"ongeldig patroon {pattern!r} (geen geldige reguliere expressie)"
    for probe in _PROBES:
        try:
            text.rule_matches(pattern, probe, whole=True)
            text.rule_matches(pattern, probe, whole=False)
        except text.PatternTooSlow:
            return f"het patroon {pattern!r} doet er bij sommige handles te lang over"
    return None


def _platform_pattern_problems(path: str, platform: dict[str, Any]) -> Iterable[tuple[str, str]]:
    for name in ("handle_charset", "ministry_account_charset"):
        charset = platform.get(name)
        if isinstance(charset, str):
            try:
                re.compile(f"[{charset}]")
            except re.error:
                yield f"{path}.{name}", f"ongeldige tekenset {charset!r}"
    for index, rule in enumerate(platform.get("handle_rules", [])):
        for name in ("pattern", "forbid_pattern"):
            problem = _pattern_problem(rule[name]) if name in rule else None
            if problem:
                yield f"{path}.handle_rules.{index}.{name}", problem
