"""The session file records the rulebook it was last saved under: `rulebook: {version, date}`."""

from __future__ import annotations

import dataclasses

import pytest
import yaml

from wizard.core.errors import InputError
from wizard.core.session import (
    load_session,
    parse_session,
    save_session,
    saved_rulebook,
    saved_under_other_rulebook,
)

from ..conftest import EXAMPLES

OLD = (
    "format: adviesgesprek/1\nrulebook: {version: 2025.1.0, date: 2025-01-01}\n"
    "minister: {name: Anne Jansen}\nlievelingskleur: groen\n"
)


@pytest.mark.parametrize(
    "example", sorted(EXAMPLES.glob("*.adviesgesprek.yaml")), ids=lambda path: path.name
)
def test_files_without_it_load(example, rulebook):
    session = load_session(example)
    assert "rulebook" not in session.data
    assert saved_rulebook(session) is None
    assert not saved_under_other_rulebook(session, rulebook)


def test_written_on_save_right_after_format(tmp_path, rulebook):
    path = tmp_path / "gesprek.adviesgesprek.yaml"
    session = load_session(EXAMPLES / "corporate-minpres.adviesgesprek.yaml")
    save_session(session, path)
    text = path.read_text(encoding="utf-8")
    assert text.startswith(
        f"format: adviesgesprek/1\nrulebook:\n  version: {rulebook.version}\n"
        f"  date: {rulebook.date}\n"
    )
    assert yaml.safe_load(text)["rulebook"]["version"] == rulebook.version
    assert saved_rulebook(load_session(path)) == {
        "version": rulebook.version,
        "date": rulebook.date,
    }
    # The session in memory says the same as the file.
    assert saved_rulebook(session) == saved_rulebook(load_session(path))


def test_kept_on_load_and_replaced_on_save(tmp_path, rulebook):
    session = parse_session(OLD)
    assert saved_rulebook(session) == {"version": "2025.1.0", "date": "2025-01-01"}
    assert saved_under_other_rulebook(session, rulebook)
    path = tmp_path / "oud.adviesgesprek.yaml"
    save_session(session, path)
    again = load_session(path)
    assert saved_rulebook(again) == {"version": rulebook.version, "date": rulebook.date}
    assert not saved_under_other_rulebook(again, rulebook)
    assert again.get("lievelingskleur") == "groen"  # unknown keys are still kept


def test_saved_under_the_rulebook_given(tmp_path, rulebook):
    department = dataclasses.replace(rulebook, data=dict(rulebook.data, version="2026.11.1-ezk"))
    path = tmp_path / "gesprek.adviesgesprek.yaml"
    save_session(parse_session("format: adviesgesprek/1\n"), path, department)
    session = load_session(path)
    assert saved_rulebook(session)["version"] == "2026.11.1-ezk"
    assert saved_under_other_rulebook(session, rulebook)
    assert not saved_under_other_rulebook(session, department)


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ("format: adviesgesprek/1\nrulebook: versie 2026\n", "rulebook"),
        ("format: adviesgesprek/1\nrulebook: {version: '1', date: gisteren}\n", "datum"),
    ],
)
def test_a_wrong_type_is_refused_in_dutch(content, words):
    with pytest.raises(InputError, match=words):
        parse_session(content)
