"""The session file: load, validate, migrate, refuse, save atomically, keep unknown keys."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from wizard.core import files
from wizard.core.errors import InputError
from wizard.core.session import (
    FORMAT,
    Session,
    load_session,
    new_session,
    parse_session,
    save_session,
)

from ..conftest import EXAMPLES


def write(path: Path, content: str | bytes) -> Path:
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "example", sorted(EXAMPLES.glob("*.adviesgesprek.yaml")), ids=lambda path: path.name
)
def test_every_example_loads_and_round_trips(example, tmp_path):
    session = load_session(example)
    target = tmp_path / example.name
    save_session(session, target)
    assert load_session(target).data == session.data


def test_unknown_keys_are_kept_on_save(tmp_path):
    source = write(
        tmp_path / "a.adviesgesprek.yaml",
        f"""format: {FORMAT}
department_note: "intern kenmerk 2026-0042"
minister: {{name: Rob Jetten, office: minister_president, ministry: AZ, hobby: zeilen}}
platforms:
  x: {{use: true, handle: MinPres, colour: blue}}
""",
    )
    session = load_session(source)
    session.set("minister.party", "D66")
    save_session(session, source)
    again = load_session(source)
    assert again.get("department_note") == "intern kenmerk 2026-0042"
    assert again.get("minister.hobby") == "zeilen"
    assert again.get("platforms.x.colour") == "blue"
    assert again.get("minister.party") == "D66"


def test_dates_stay_dates(tmp_path):
    session = new_session()
    session.set("minister.sworn_in", "2026-02-23")
    path = tmp_path / "d.adviesgesprek.yaml"
    save_session(session, path)
    assert "sworn_in: 2026-02-23" in path.read_text(encoding="utf-8")
    assert load_session(path).get("minister.sworn_in") == "2026-02-23"


def test_format_0_is_migrated():
    session = parse_session("""format: adviesgesprek/0
variant: hybride
minister: {name: Anne Jansen, office: minister, ministry: VWS}
platforms:
  - {platform: x, handle: AnneJansen}
  - {platform: instagram, handle: anne.jansen}
predecessor: {name: Piet Pieters, variant: corporate, archived: true}
""")
    assert session.get("format") == FORMAT
    assert session.get("variant") == "hybrid"
    assert session.get("platforms.x") == {"use": True, "handle": "AnneJansen"}
    assert session.get("predecessor.archiving_arranged") is True


def test_newer_format_is_refused():
    with pytest.raises(InputError) as caught:
        parse_session("format: adviesgesprek/2\nminister: {name: X}\n", file="nieuw.yaml")
    message = str(caught.value)
    assert "nieuw.yaml" in message and "format" in message and "adviesgesprek/2" in message
    assert "nieuwere" in message


def test_secrets_are_never_kept_or_written(tmp_path):
    source = write(
        tmp_path / "s.adviesgesprek.yaml",
        f"""format: {FORMAT}
platforms:
  x: {{use: true, handle: MinPres, password: "hunter2", totp_secret: ABCDEF}}
access: {{minister_access: true, wachtwoord: geheim123, authenticator_handover: "in persoon"}}
""",
    )
    session = load_session(source)
    assert sorted(session.dropped_secrets) == [
        "access.wachtwoord",
        "platforms.x.password",
        "platforms.x.totp_secret",
    ]
    save_session(session, source)
    written = source.read_text(encoding="utf-8")
    assert "hunter2" not in written and "geheim123" not in written and "ABCDEF" not in written
    assert "authenticator_handover" in written
    with pytest.raises(ValueError):
        session.set("platforms.x.password", "x")


# --- bad input: a clear Dutch message naming the file and the key --------------------------

BAD_FILES = {
    "not-yaml": ("format: adviesgesprek/1\nminister: [unclosed\n", "geen geldige YAML"),
    "empty": ("", "leeg"),
    "only-comment": ("# niets\n", "leeg"),
    "binary": (b"%PDF-1.7\n\x00\x01\x02binary", "geen tekstbestand"),
    "latin1": ("format: adviesgesprek/1\nminister: {name: Jos\xe9}\n".encode("latin-1"), "UTF-8"),
    "alias-bomb": (
        "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a]\n"
        "c: &c [*b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c]\n",
        "alias",
    ),
    "deeply-nested": ("format: adviesgesprek/1\nnotes: " + "[" * 500 + "]" * 500 + "\n", "genest"),
    "list": ("- format: adviesgesprek/1\n", "verzameling sleutels"),
    "scalar": ("hallo\n", "verzameling sleutels"),
    "no-format": ("minister: {name: X}\n", "'format' ontbreekt"),
    "bad-format": ("format: word/1\n", "onbekend bestandsformaat"),
    "wrong-type": ("format: adviesgesprek/1\nminister: {name: [1, 2]}\n", "minister.name"),
    "unknown-variant": ("format: adviesgesprek/1\nvariant: gemengd\n", "variant"),
    "unknown-office": ("format: adviesgesprek/1\nminister: {office: koning}\n", "minister.office"),
    "bad-date": ("format: adviesgesprek/1\nminister: {sworn_in: gisteren}\n", "minister.sworn_in"),
    "platform-not-mapping": ("format: adviesgesprek/1\nplatforms: {x: ja}\n", "platforms.x"),
    "bad-platform-key": (
        "format: adviesgesprek/1\nplatforms: {'X Twitter': {use: true}}\n",
        "platforms",
    ),
    "duplicate-key": (
        "format: adviesgesprek/1\nvariant: corporate\nvariant: hybrid\n",
        "twee keer",
    ),
    "negative-followers": (
        "format: adviesgesprek/1\nplatforms: {x: {followers: -5}}\n",
        "platforms.x.followers",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_bad_session_files_give_a_clear_message(case, tmp_path):
    content, expected = BAD_FILES[case]
    path = write(tmp_path / f"{case}.adviesgesprek.yaml", content)
    before = path.read_bytes()
    with pytest.raises(InputError) as caught:
        load_session(path)
    message = str(caught.value)
    assert str(path) in message
    assert expected in message, message
    assert "Traceback" not in message
    assert path.read_bytes() == before


def test_wrong_type_message_has_the_line(tmp_path):
    path = write(
        tmp_path / "t.adviesgesprek.yaml",
        "format: adviesgesprek/1\nconversation: {}\nelection_period: misschien\n",
    )
    with pytest.raises(InputError) as caught:
        load_session(path)
    assert caught.value.key == "election_period"
    assert caught.value.line == 3
    assert "ja/nee" in str(caught.value)


@pytest.mark.parametrize(
    ("content", "key", "line"),
    [
        # flow style: the key is not at the start of its line
        (
            "format: adviesgesprek/1\nconversation: {}\nminister: {name: X, office: koning}\n",
            "minister.office",
            3,
        ),
        # the name under its own parent, not the same name under another one before it
        (
            "format: adviesgesprek/1\nconversation:\n  name: x\nminister:\n  name: [1]\n",
            "minister.name",
            5,
        ),
        ("# een gesprek\n\nformat: word/1\n", "format", 3),
        (
            "format: adviesgesprek/1\nplatforms:\n  x: {use: true}\n  'X Twitter': {}\n",
            "platforms.X Twitter",
            4,
        ),
    ],
)
def test_a_message_has_the_line_of_the_key(content, key, line):
    with pytest.raises(InputError) as caught:
        parse_session(content, file="a.adviesgesprek.yaml")
    assert (caught.value.key, caught.value.line) == (key, line), str(caught.value)
    assert f"a.adviesgesprek.yaml: regel {line}: veld '{key}'" in str(caught.value)


def test_a_session_made_of_data_replaces_what_holds_a_secret_once():
    """`redacted=True` (session_from_data did it already) leaves the data as it is."""
    data = {"format": FORMAT, "notes": "PIN: 4821"}
    assert Session(dict(data)).data["notes"] == "PIN: [niet bewaard]"
    assert Session(dict(data), redacted=True).data["notes"] == "PIN: 4821"
    assert parse_session(f"format: {FORMAT}\nnotes: 'PIN: 4821'\n").secret_texts == {
        "notes": ["pin"]
    }


def test_directory_and_missing_file_and_huge_file(tmp_path):
    with pytest.raises(InputError, match="map"):
        load_session(tmp_path)
    with pytest.raises(InputError, match="bestaat niet"):
        load_session(tmp_path / "nope.adviesgesprek.yaml")
    huge = write(
        tmp_path / "huge.adviesgesprek.yaml",
        "format: adviesgesprek/1\n" + "# " + "x" * (files.MAX_FILE_BYTES + 10) + "\n",
    )
    with pytest.raises(InputError, match="te groot"):
        load_session(huge)


# --- saving ---------------------------------------------------------------------------------


def test_failed_save_keeps_the_previous_file(tmp_path, monkeypatch):
    path = tmp_path / "g.adviesgesprek.yaml"
    session = new_session()
    session.set("minister.name", "Eerste Versie")
    save_session(session, path)
    before = path.read_bytes()
    session.set("minister.name", "Tweede Versie")

    def disk_full(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(InputError) as caught:
        save_session(session, path)
    assert "ongewijzigd" in str(caught.value)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == [path.name]


def test_save_into_a_folder_that_cannot_be_written(tmp_path):
    with pytest.raises(InputError, match="kan niet"):
        save_session(new_session(), tmp_path / "bestaat-niet" / "a.adviesgesprek.yaml")


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write into read-only folders")
def test_save_into_read_only_folder(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(InputError):
            save_session(new_session(), folder / "a.adviesgesprek.yaml")
    finally:
        folder.chmod(0o700)
