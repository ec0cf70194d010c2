"""`adviesgesprek check`: findings per line or as JSON, and the exit codes of DESIGN.md."""

from __future__ import annotations

import json

import pytest

from ..conftest import EXAMPLES

# example -> (exit code, finding codes expected, finding codes that must not appear)
EXPECTED = {
    "corporate-minpres": (0, set(), {"archive-not-arranged", "handle-invalid"}),
    "corporate-personal-vws": (
        0,
        {"linkedin-profile-not-corporate", "minister-access", "own-account-not-corporate"},
        {"personal-account-needs-corporate", "account-owner-conflict"},
    ),
    "hybrid-own-after-corporate": (
        0,
        set(),
        {"account-owner-conflict", "archive-not-arranged", "political-assistant-access"},
    ),
    "hybrid-stas-party": (
        0,
        {"election-period"},
        {"hybrid-needs-motivation", "handle-party", "bio-party-reference"},
    ),
    "personal-minister": (0, set(), {"personal-needs-motivation"}),
    "archive-not-arranged": (1, {"archive-not-arranged"}, set()),
    "halfway": (1, {"missing-field"}, set()),
}


def test_every_example_is_covered():
    names = {
        path.name.removesuffix(".adviesgesprek.yaml")
        for path in EXAMPLES.glob("*.adviesgesprek.yaml")
    }
    assert names == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_check_each_example(cli, name):
    expected_exit, present, absent = EXPECTED[name]
    path = EXAMPLES / f"{name}.adviesgesprek.yaml"
    result = cli("check", str(path), "--format", "json")
    assert result.returncode == expected_exit, result.stdout + result.stderr
    report = json.loads(result.stdout)
    found = {finding["code"] for finding in report["files"][0]["findings"]}
    assert present <= found
    assert not absent & found
    for finding in report["files"][0]["findings"]:
        assert set(finding) >= {"code", "severity", "path", "message", "source"}


def test_text_output_is_one_finding_per_line(cli):
    path = EXAMPLES / "archive-not-arranged.adviesgesprek.yaml"
    result = cli("check", str(path))
    lines = result.stdout.strip().splitlines()
    finding_lines = [line for line in lines if " archive-not-arranged error " in line]
    assert len(finding_lines) == 2
    assert finding_lines[0].startswith(
        f"{path}: archive-not-arranged error predecessor.archiving_arranged: "
    )
    assert lines[-1].endswith("2 fouten, 0 waarschuwingen")


def test_several_files_take_the_worst_exit_code(cli, tmp_path):
    bad = tmp_path / "kapot.adviesgesprek.yaml"
    bad.write_text("format: adviesgesprek/1\nvariant: [\n", encoding="utf-8")
    good = EXAMPLES / "corporate-minpres.adviesgesprek.yaml"
    errors = EXAMPLES / "archive-not-arranged.adviesgesprek.yaml"
    assert cli("check", str(good), str(errors)).returncode == 1
    result = cli("check", str(good), str(errors), str(bad))
    assert result.returncode == 2
    assert "kapot.adviesgesprek.yaml" in result.stderr


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ("format: adviesgesprek/1\nminister: {name: [x]}\n", "minister.name"),
        ("format: adviesgesprek/9\n", "nieuwere"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "geen tekstbestand"),
        ("", "leeg"),
        ("a: &a [1,1,1,1,1,1,1,1]\nb: [*a,*a,*a,*a,*a,*a,*a,*a]\n", "alias"),
        ("format: adviesgesprek/1\nminister: {ministry: Koloniën}\n", "minister.ministry"),
        ("format: adviesgesprek/1\nplatforms: {myspace: {use: true}}\n", "myspace"),
        ("format: adviesgesprek/1\nvariant: gemengd\n", "variant"),
    ],
)
def test_unusable_files_exit_2_with_a_dutch_message(cli, tmp_path, content, words):
    path = tmp_path / "sessie.adviesgesprek.yaml"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    before = sorted(p.name for p in tmp_path.iterdir())
    result = cli("check", str(path))
    assert result.returncode == 2, result.stdout + result.stderr
    output = result.stdout + result.stderr
    assert "sessie.adviesgesprek.yaml" in output and words in output
    assert "Traceback" not in output
    assert sorted(p.name for p in tmp_path.iterdir()) == before


@pytest.mark.parametrize("where", ["after", "before", "before="])
def test_overlay_rulebook_is_applied_before_or_after_the_command(cli, tmp_path, where):
    overlay = tmp_path / "overlay.yaml"
    overlay.write_text(
        "platforms:\n  x:\n    limits:\n      bio: {max: 20, label: bio, "
        "source: afdeling, as_of: '2026-11-01', confirmed: true}\n",
        encoding="utf-8",
    )
    path = str(EXAMPLES / "corporate-minpres.adviesgesprek.yaml")
    arguments = {
        "after": ("check", path, "--rulebook", str(overlay)),
        "before": ("--rulebook", str(overlay), "check", path),
        "before=": (f"--rulebook={overlay}", "check", path),
    }[where]
    result = cli(*arguments)
    assert result.returncode == 1, result.stderr
    assert "bio-too-long" in result.stdout


@pytest.mark.parametrize(
    "arguments",
    [
        ("check", "--format", "xml", "x.adviesgesprek.yaml"),
        ("compare", "x.adviesgesprek.yaml", "--with", "y.yaml", "--format", "csv"),
        ("render", "x.adviesgesprek.yaml", "--out", "uit", "--format", "pdf,docx"),
        ("batch", "map", "--out", "uit", "--format", "rtf"),
    ],
)
def test_an_unknown_format_is_refused_by_the_argument_parser(cli, arguments):
    result = cli(*arguments)
    assert result.returncode == 2
    assert "--format" in result.stderr and "gebruik: adviesgesprek " in result.stderr


def test_invalid_overlay_exits_2(cli, tmp_path):
    overlay = tmp_path / "kapot-regelboek.yaml"
    overlay.write_text("webcare: {hours: 5}\n", encoding="utf-8")
    result = cli(
        "check", str(EXAMPLES / "corporate-minpres.adviesgesprek.yaml"), "--rulebook", str(overlay)
    )
    assert result.returncode == 2
    assert "kapot-regelboek.yaml" in result.stderr and "webcare.hours" in result.stderr
    assert "Traceback" not in result.stderr


def test_version_flag(cli):
    result = cli("--version")
    assert result.returncode == 0
    assert result.stdout.startswith("adviesgesprek ")
