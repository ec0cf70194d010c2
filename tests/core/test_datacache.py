"""The program's own YAML files kept parsed in the cache folder: the same data as parsed, and
a cache that is missing, broken, stale or not writable costs only the parse."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest
import yaml

from wizard.core import datacache
from wizard.core.errors import InputError
from wizard.core.yamlio import load_own_yaml_file
from wizard.paths import CACHE_ENV, resources_dir, templates_dir

OWN_FILES = [
    *sorted((resources_dir() / "rulebook").glob("*.yaml")),
    resources_dir() / "statements.yaml",
    resources_dir() / "secret-patterns.yaml",
    templates_dir() / "documents.yaml",
]


@pytest.fixture
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv(CACHE_ENV, str(folder))
    return folder / datacache.FOLDER


def _parsed(path: Path):
    return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)


def _same(a, b) -> bool:
    """Equal, and of the same types all the way down (a date stays a date, 1.0 a float)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(_same(a[key], b[key]) for key in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    return a == b


@pytest.mark.parametrize("path", OWN_FILES, ids=lambda path: path.name)
def test_every_own_file_reads_back_from_the_cache_as_parsed(cache, path):
    first = load_own_yaml_file(path)  # parsed, and written to the cache
    entries = 0 if path.name in datacache.NEVER_CACHED else 1
    assert len(list(cache.glob(f"{path.stem}-*.json"))) == entries
    second = load_own_yaml_file(path)  # from the cache
    assert _same(first, _parsed(path))
    assert _same(second, _parsed(path))


@pytest.fixture
def fresh_patterns():
    """The secret patterns read again in the test, and again after it."""
    from wizard.core import secrets

    secrets.patterns.cache_clear()
    yield secrets
    secrets.patterns.cache_clear()


def test_an_edited_cache_entry_of_the_secret_patterns_does_not_switch_replacement_off(
    cache, fresh_patterns
):
    """Issue 24: an entry's digest names the file's bytes, not the data in it, so an entry
    edited in the user's cache folder (no rules, another marker) was taken for the file."""
    path = resources_dir() / "secret-patterns.yaml"
    assert "secret-patterns.yaml" in datacache.NEVER_CACHED
    data = _parsed(path)
    data.update(rules=[], marker="Geheim123!")  # replacement switched off, as far as it can
    key = datacache.digest(path.read_bytes(), datacache_parser())
    datacache.write_entry(path.stem, key, data)  # exactly where an entry of the file would be
    entry = datacache.entry_path(path.stem, key)
    assert entry.is_file() and json.loads(entry.read_text("utf-8"))["digest"] == key
    assert fresh_patterns.redact("Wachtwoord: Geheim123!") == (
        "Wachtwoord: [niet bewaard]",
        ["password"],
    )
    assert fresh_patterns.patterns().rules
    assert json.loads(entry.read_text("utf-8"))["data"]["rules"] == []  # read, never written
    assert _same(load_own_yaml_file(path), _parsed(path))


def test_the_rulebook_dates_stay_dates(cache):
    path = resources_dir() / "rulebook" / "00-meta.yaml"
    load_own_yaml_file(path)
    assert isinstance(load_own_yaml_file(path)["date"], dt.date)


def _copy(path: Path, tmp_path: Path, text: str | None = None) -> Path:
    target = tmp_path / "own" / path.name
    target.parent.mkdir(exist_ok=True)
    target.write_text(text if text is not None else path.read_text(encoding="utf-8"))
    return target


def test_a_changed_file_is_parsed_again(cache, tmp_path):
    path = _copy(resources_dir() / "rulebook" / "00-meta.yaml", tmp_path)
    load_own_yaml_file(path)
    path.write_text(path.read_text(encoding="utf-8").replace("version:", "old_version:", 1))
    data = load_own_yaml_file(path)
    assert "old_version" in data and "version" not in data


@pytest.mark.parametrize(
    "garbage",
    [b"", b"{", b"[]", b'{"digest": 1}', b"\xff\xfe", b'{"digest": "KEY"}', b"null"],
)
def test_a_broken_entry_costs_only_the_parse(cache, tmp_path, garbage):
    path = _copy(resources_dir() / "rulebook" / "00-meta.yaml", tmp_path)
    key = datacache.digest(path.read_bytes(), datacache_parser())
    entry = datacache.entry_path(path.stem, key)
    entry.parent.mkdir(parents=True, exist_ok=True)
    entry.write_bytes(garbage.replace(b"KEY", key.encode()))
    assert _same(load_own_yaml_file(path), _parsed(path))


def test_an_entry_of_other_bytes_is_not_used(cache, tmp_path):
    """An entry whose digest does not match (copied from elsewhere) is ignored."""
    path = _copy(resources_dir() / "rulebook" / "00-meta.yaml", tmp_path)
    key = datacache.digest(path.read_bytes(), datacache_parser())
    entry = datacache.entry_path(path.stem, key)
    entry.parent.mkdir(parents=True, exist_ok=True)
    entry.write_text(json.dumps({"digest": "0" * 64, "dates": [], "data": {"version": "x"}}))
    assert load_own_yaml_file(path)["version"] != "x"


def test_what_json_cannot_hold_is_not_cached(cache, tmp_path):
    path = _copy(resources_dir() / "statements.yaml", tmp_path, "1: een\n2: !!set {a}\n")
    assert load_own_yaml_file(path) == {1: "een", 2: {"a"}}
    assert load_own_yaml_file(path) == {1: "een", 2: {"a"}}
    assert not list(cache.glob("*.json"))


@pytest.mark.skipif(os.name == "nt" or os.geteuid() == 0, reason="root may write anywhere")
def test_a_cache_folder_that_cannot_be_written_is_no_error(tmp_path, monkeypatch):
    folder = tmp_path / "readonly"
    folder.mkdir()
    folder.chmod(0o500)
    monkeypatch.setenv(CACHE_ENV, str(folder))
    try:
        path = resources_dir() / "rulebook" / "00-meta.yaml"
        assert _same(load_own_yaml_file(path), _parsed(path))
    finally:
        folder.chmod(0o700)


def test_a_cache_folder_that_is_a_file_is_no_error(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv(CACHE_ENV, str(blocker))
    path = resources_dir() / "rulebook" / "00-meta.yaml"
    assert _same(load_own_yaml_file(path), _parsed(path))


def test_an_unreadable_own_file_is_still_a_dutch_message(cache, tmp_path):
    path = _copy(resources_dir() / "rulebook" / "00-meta.yaml", tmp_path, "a: [b\n")
    with pytest.raises(InputError, match="een bestand van het programma is onleesbaar"):
        load_own_yaml_file(path)
    with pytest.raises(InputError, match="een bestand van het programma is onleesbaar"):
        load_own_yaml_file(tmp_path / "missing.yaml")


def datacache_parser() -> str:
    from wizard.core import yamlio

    return yamlio._FAST_PARSER
