"""`adviesgesprek compare FILE|DIR... --with RULEBOOK`: the report per session, in text and JSON,
and the exit codes of DESIGN.md (0 nothing changes, 1 something does, 2 as `check`)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ..conftest import EXAMPLES, ROOT

MINPRES = "examples/corporate-minpres.adviesgesprek.yaml"
STAS = "examples/hybrid-stas-party.adviesgesprek.yaml"
HEADER = (
    "Huidig regelboek: het ingebouwde regelboek, versie {version} van {date}\n"
    "Vergeleken met: {path} (aanvulling op het ingebouwde regelboek), versie {version} "
    "van {date}\n"
)


@pytest.fixture
def overlay(tmp_path):
    def make(text: str, name: str = "aanvulling.yaml") -> str:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return str(path)

    return make


def test_webcare_hours(cli, overlay, rulebook):
    path = overlay('webcare: {hours: "werkdagen 8.30-17.30 uur"}\n')
    result = cli("compare", MINPRES, "--with", path)
    assert result.returncode == 1, result.stderr
    hours = '"werkdagen 9.00-17.00 uur" wordt "werkdagen 8.30-17.30 uur"'
    header = HEADER.format(path=path, version=rulebook.version, date=rulebook.date)
    assert result.stdout == header + (
        "\n"
        f"{MINPRES}: 4 wijzigingen\n"
        "  Platformconfiguratie:\n"
        f"    platforms.x.webcare.hours: {hours}\n"
        f"    platforms.instagram.webcare.hours: {hours}\n"
        f"    platforms.linkedin.webcare.hours: {hours}\n"
        f"    platforms.facebook.webcare.hours: {hours}\n"
        "\n"
        "Het gesprek verandert met het andere regelboek.\n"
    )
    assert result.stderr == ""


def test_webcare_hours_json(cli, overlay, rulebook):
    path = overlay('webcare: {hours: "werkdagen 8.30-17.30 uur"}\n')
    report = json.loads(cli("compare", MINPRES, "--with", path, "--format", "json").stdout)
    assert report["exit"] == 1 and report["changed"] == 1
    assert report["with"] == {
        "path": path,
        "full": False,
        "version": rulebook.version,
        "date": rulebook.date,
    }
    (entry,) = report["files"]
    assert entry["file"] == MINPRES and entry["changed"] is True
    assert entry["findings"] == [] and entry["checklist"] == []
    assert entry["configuration"] == [
        {
            "path": f"platforms.{key}.webcare.hours",
            "old": "werkdagen 9.00-17.00 uur",
            "new": "werkdagen 8.30-17.30 uur",
        }
        for key in ("x", "instagram", "linkedin", "facebook")
    ]


def test_x_bio_limit(cli, overlay):
    path = overlay("platforms:\n  x:\n    limits:\n      bio: {max: 100}\n")
    result = cli("compare", STAS, "--with", path)
    assert result.returncode == 1
    assert (
        f"{STAS}: 1 wijziging\n  Bevindingen:\n    nieuw: fout bio-too-long platforms.x.bio: "
        "De bio op X is 140 tekens; hoogstens 100 tekens." in result.stdout
    )
    report = json.loads(cli("compare", STAS, MINPRES, "--with", path, "--format", "json").stdout)
    stas, minpres = report["files"]
    assert [(f["change"], f["code"], f["severity"], f["path"]) for f in stas["findings"]] == [
        ("new", "bio-too-long", "error", "platforms.x.bio")
    ]
    assert [change["path"] for change in minpres["configuration"]] == ["platforms.x.bio"]
    assert len(minpres["configuration"][0]["new"]) <= 100


def test_checklist_item_removed_and_changed(cli, overlay):
    path = overlay(
        "checklist:\n"
        "  - {id: new-standby, remove: true}\n"
        '  - {id: new-rijksoverheid-page, text: "Pagina op Rijksoverheid.nl '
        'bijwerken."}\n'
    )
    result = cli("compare", MINPRES, "--with", path)
    assert result.returncode == 1
    assert (
        f"{MINPRES}: 2 wijzigingen\n"
        "  Checklist:\n"
        "    vervalt: [new-standby] Piketdienst buiten kantoortijden inroosteren.\n"
        '    anders: [new-rijksoverheid-page] tekst: "Pagina met de socialemediakanalen op '
        'Rijksoverheid.nl aanpassen." wordt "Pagina op Rijksoverheid.nl bijwerken."\n'
    ) in result.stdout
    report = json.loads(cli("compare", MINPRES, "--with", path, "--format", "json").stdout)
    assert [
        {key: item[key] for key in ("change", "id", "text")}
        for item in report["files"][0]["checklist"]
    ] == [
        {
            "change": "removed",
            "id": "new-standby",
            "text": "Piketdienst buiten kantoortijden inroosteren.",
        },
        {
            "change": "changed",
            "id": "new-rijksoverheid-page",
            "text": "Pagina op Rijksoverheid.nl bijwerken.",
        },
    ]


def test_finding_severity(cli, overlay):
    path = overlay("findings:\n  election-period: {severity: error}\n")
    result = cli("compare", STAS, "--with", path)
    assert result.returncode == 1
    assert (
        f"{STAS}: 1 wijziging\n  Bevindingen:\n"
        "    andere ernst: election-period election_period: waarschuwing wordt fout\n"
    ) in result.stdout
    report = json.loads(cli("compare", STAS, "--with", path, "--format", "json").stdout)
    (finding,) = report["files"][0]["findings"]
    assert {key: finding[key] for key in ("change", "code", "severity", "old_severity")} == {
        "change": "severity",
        "code": "election-period",
        "severity": "error",
        "old_severity": "warning",
    }


def test_an_overlay_that_changes_nothing(cli, overlay):
    path = overlay("# Ons departement volgt het ingebouwde regelboek.\n")
    result = cli("compare", "examples", "--with", path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.rstrip().endswith(
        "Het andere regelboek verandert niets aan de 7 gesprekken."
    )
    assert result.stdout.count(": geen wijzigingen\n") == 7
    report = json.loads(cli("compare", "examples", "--with", path, "--format", "json").stdout)
    assert (report["exit"], report["changed"]) == (0, 0)


def test_a_directory_of_sessions(cli, overlay):
    path = overlay('webcare: {hours: "werkdagen 8.30-17.30 uur"}\n')
    result = cli("compare", "examples", "--with", path)
    assert result.returncode == 1
    for example in sorted(EXAMPLES.glob("*.adviesgesprek.yaml")):
        assert f"\nexamples/{example.name}: " in result.stdout
    assert "examples/personal-minister.adviesgesprek.yaml: geen wijzigingen" in result.stdout
    assert result.stdout.rstrip().endswith(
        "5 van de 7 gesprekken veranderen met het andere regelboek."
    )


def test_the_current_rulebook_takes_the_usual_overlay(cli, overlay):
    """`--rulebook` (or the provisioned overlay) is the current side, as for every command."""
    department = overlay('webcare: {hours: "werkdagen 8.30-17.30 uur"}\n', "departement.yaml")
    assert cli("compare", MINPRES, "--rulebook", department, "--with", department).returncode == 0
    back = cli("compare", MINPRES, "--rulebook", department, "--with", overlay("# leeg\n"))
    assert back.returncode == 1
    assert '"werkdagen 8.30-17.30 uur" wordt "werkdagen 9.00-17.00 uur"' in back.stdout


def test_a_full_rulebook_folder(cli):
    result = cli("compare", MINPRES, "--with", "resources/rulebook", "--format", "json")
    assert result.returncode == 0
    assert json.loads(result.stdout)["with"]["full"] is True
    text = cli("compare", MINPRES, "--with", "resources/rulebook").stdout
    assert "Vergeleken met: resources/rulebook (volledig regelboek)" in text


def test_a_bad_file_gives_exit_2_and_the_others_are_still_compared(cli, tmp_path, overlay):
    bad = tmp_path / "kapot.adviesgesprek.yaml"
    bad.write_text("format: adviesgesprek/1\nvariant: [\n", encoding="utf-8")
    path = overlay('webcare: {hours: "werkdagen 8.30-17.30 uur"}\n')
    result = cli("compare", MINPRES, str(bad), "--with", path)
    assert result.returncode == 2
    assert f"adviesgesprek: {bad}: regel 3: dit is geen geldige YAML" in result.stderr
    assert f"{MINPRES}: 4 wijzigingen" in result.stdout
    assert "1 bestand niet te gebruiken" in result.stdout
    report = json.loads(
        cli("compare", MINPRES, str(bad), "--with", path, "--format", "json").stdout
    )
    assert report["exit"] == 2
    assert report["files"][1]["file"] == str(bad) and "geldige YAML" in report["files"][1]["error"]


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (
            "checklist:\n  - {id: nieuw, text: iets}\n",
            "veld 'checklist.39': het regelboek klopt niet: het veld 'group' ontbreekt",
        ),
        ("findings:\n  election-period: {severity: rampzalig}\n", "het regelboek klopt niet"),
        ("webcare: [\n", "geen geldige YAML"),
    ],
)
def test_a_bad_rulebook_gives_exit_2(cli, overlay, content, words):
    path = overlay(content, "kapot.yaml")
    result = cli("compare", MINPRES, "--with", path)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith(f"adviesgesprek: {path}: ")
    assert words in result.stderr


def test_a_rulebook_that_does_not_exist_gives_exit_2(cli):
    result = cli("compare", MINPRES, "--with", "bestaat/niet.yaml")
    assert result.returncode == 2
    assert "adviesgesprek: bestaat/niet.yaml: het bestand bestaat niet" in result.stderr


def test_a_folder_without_sessions_gives_exit_2(cli, tmp_path, overlay):
    result = cli("compare", str(tmp_path), "--with", overlay("# leeg\n"))
    assert result.returncode == 2
    assert f"{tmp_path}: geen gesprekken (*.adviesgesprek.yaml) gevonden" in result.stderr


def test_a_session_the_current_rulebook_refuses_gives_exit_2(cli, tmp_path, overlay):
    unknown = tmp_path / "onbekend.adviesgesprek.yaml"
    unknown.write_text("format: adviesgesprek/1\nminister: {ministry: XYZ}\n", encoding="utf-8")
    result = cli("compare", str(unknown), "--with", overlay("# leeg\n"))
    assert result.returncode == 2
    assert "met het huidige regelboek niet te gebruiken: Het ministerie 'XYZ'" in result.stderr


def test_every_session_in_the_report_is_a_file_that_exists(cli, overlay):
    report = json.loads(
        cli("compare", "examples", "--with", overlay("# leeg\n"), "--format", "json").stdout
    )
    assert all((ROOT / Path(entry["file"])).is_file() for entry in report["files"])


def test_the_readme_example_is_real_output(cli, tmp_path):
    """README's `compare` example, run as it is written there."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    overlay = readme.split("$ cat nieuw-regelboek.yaml\n", 1)[1].split("$ ", 1)[0]
    command = "$ adviesgesprek compare examples --with nieuw-regelboek.yaml\n"
    expected = readme.split(command, 1)[1].split("$ echo $?\n", 1)[0]
    (tmp_path / "nieuw-regelboek.yaml").write_text(overlay, encoding="utf-8")
    (tmp_path / "examples").symlink_to(EXAMPLES, target_is_directory=True)
    result = cli("compare", "examples", "--with", "nieuw-regelboek.yaml", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout == expected


def test_json_says_under_which_rulebook_a_session_was_saved(cli, tmp_path, overlay, rulebook):
    from wizard.core.session import load_session, save_session

    saved = tmp_path / "opgeslagen.adviesgesprek.yaml"
    save_session(load_session(ROOT / MINPRES), saved)
    report = json.loads(
        cli(
            "compare", str(saved), MINPRES, "--with", overlay("# leeg\n"), "--format", "json"
        ).stdout
    )
    assert [entry["saved_rulebook"] for entry in report["files"]] == [
        {"version": rulebook.version, "date": rulebook.date},
        None,
    ]
