"""`batch`: a whole folder of conversations, one subfolder each, and the RVD's CSV."""

from __future__ import annotations

import csv
import io
import shutil

import pytest

from wizard.core.engine import advise
from wizard.core.errors import InputError
from wizard.core.session import save_session
from wizard.documents.batch import CSV_FILE, batch_folder

from .conftest import EXAMPLES, make_session


def _read_csv(path):
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle, delimiter=";"))


@pytest.fixture
def cabinet(tmp_path):
    folder = tmp_path / "kabinet"
    folder.mkdir()
    for example in EXAMPLES:
        shutil.copy(example, folder / example.name)
    (folder / "kapot.adviesgesprek.yaml").write_text(
        "minister: [dit is\n  geen yaml", encoding="utf-8"
    )
    (folder / "iets-anders.yaml").write_text("format: platformconfiguratie/1\n", encoding="utf-8")
    save_session(make_session(**{"minister.name": "Piet Klaassen"}), folder / "los.yaml")
    return folder


def test_batch_command_reports_the_bad_session_and_goes_on(cli, cabinet, tmp_path):
    out = tmp_path / "uit"
    result = cli("batch", cabinet, "--out", out, env={"QT_QPA_PLATFORM": "offscreen"}, timeout=300)
    assert result.returncode == 1, result.stderr
    lines = result.stdout.splitlines()
    assert any(line.startswith("kapot.adviesgesprek.yaml: MISLUKT:") for line in lines)
    assert any(line.startswith("iets-anders.yaml: overgeslagen") for line in lines)
    for example in EXAMPLES:
        line = next(line for line in lines if line.startswith(example.name + ":"))
        assert "fouten" in line and "waarschuwingen" in line
        folder = out / example.name.removesuffix(".adviesgesprek.yaml")
        assert (folder / "afspraken.pdf").is_file() and (folder / "checklist.pdf").is_file()
        assert (folder / "platformconfiguratie.yaml").is_file()
    assert (out / "los" / "afspraken.pdf").is_file()
    assert not (out / "kapot").exists()
    assert (out / CSV_FILE).is_file()
    # The command line says where the cabinet overview is.
    assert lines[-1] == (
        f"Kabinetsoverzicht: {out / 'kabinetsoverzicht.pdf'} en {out / 'kabinetsoverzicht.html'}"
    )
    assert (out / "kabinetsoverzicht.pdf").is_file() and (out / "kabinetsoverzicht.html").is_file()
    assert "Traceback" not in result.stderr


def test_summary_counts_errors_and_warnings(cabinet, tmp_path, rulebook):
    result = batch_folder(cabinet, tmp_path / "uit", rulebook, ["pdf"])
    assert [entry.source.name for entry in result.failed] == ["kapot.adviesgesprek.yaml"]
    for entry in result.results:
        if entry.ok:
            from wizard.core.session import load_session

            advice = advise(load_session(entry.source), rulebook)
            assert (entry.errors, entry.warnings) == (len(advice.errors), len(advice.warnings))
    assert result.summary_lines()[-2].startswith(
        f"{len(result.results) - 1} van {len(result.results)} gesprekken"
    )


def test_rvd_csv_lists_archive_swaps_and_rvd_verifications(cabinet, tmp_path, rulebook):
    result = batch_folder(cabinet, tmp_path / "uit", rulebook, ["pdf"])
    rows = _read_csv(result.csv_path)
    expected = []
    for entry in result.results:
        if not entry.ok:
            continue
        from wizard.core.session import load_session

        advice = advise(load_session(entry.source), rulebook)
        configuration = advice.configuration
        for key, account in configuration["predecessor_accounts"].items():
            # Meta's archive swap: only an account of the post, and only with a known handle.
            if account["action"] == "meta_archive_swap" and account["handle"]:
                assert account["kind"] == "office" and account["rvd_request"]
                url = (
                    f"https://www.instagram.com/{account['handle']}/"
                    if key == "instagram"
                    else f"https://www.facebook.com/{account['handle']}"
                )
                archive = (
                    f"https://www.instagram.com/{account['archive_account']}/"
                    if key == "instagram"
                    else f"https://www.facebook.com/{account['archive_account']}"
                )
                expected.append(
                    (
                        entry.source.name,
                        rulebook.platforms[key]["label"],
                        "archiefwissel",
                        url,
                        archive,
                    )
                )
        for platform in advice.platforms.values():
            if platform.config["verification_by"] == "rvd" and not platform.handle_is_suggestion:
                expected.append(
                    (entry.source.name, platform.label, "verificatie", platform.url or "", "")
                )
    found = [
        (row["bestand"], row["platform"], row["verzoek"], row["oude_url"], row["nieuwe_url"])
        for row in rows
    ]
    assert sorted(found) == sorted(expected)
    assert any(row["verzoek"] == "archiefwissel" for row in rows)


def test_csv_cells_cannot_become_spreadsheet_formulas(tmp_path, rulebook):
    folder = tmp_path / "in"
    folder.mkdir()
    save_session(
        make_session(**{"minister.name": '=HYPERLINK("http://x";"klik")'}),
        folder / "formule.adviesgesprek.yaml",
    )
    result = batch_folder(folder, tmp_path / "uit", rulebook, ["pdf"])
    rows = _read_csv(result.csv_path)
    assert rows and all(row["bewindspersoon"].startswith("'=") for row in rows)


def test_progress_on_a_stream(cabinet, tmp_path, rulebook):
    stream = io.StringIO()
    batch_folder(cabinet, tmp_path / "uit", rulebook, ["pdf"], progress=stream)
    total = len(EXAMPLES) + 2
    assert f"{total}/{total}" in stream.getvalue()


def test_empty_folder_and_unknown_format_are_refused(tmp_path, rulebook):
    empty = tmp_path / "leeg"
    empty.mkdir()
    with pytest.raises(InputError, match="geen gesprekken"):
        batch_folder(empty, tmp_path / "uit", rulebook, ["pdf"])
    with pytest.raises(InputError, match="onbekend formaat"):
        batch_folder(empty, tmp_path / "uit", rulebook, ["docx"])
    with pytest.raises(InputError, match="geen map"):
        batch_folder(tmp_path / "bestaat-niet", tmp_path / "uit", rulebook, ["pdf"])
    assert not (tmp_path / "uit").exists()


def test_same_names_get_their_own_folders(tmp_path, rulebook):
    folder = tmp_path / "in"
    folder.mkdir()
    save_session(make_session(), folder / "jansen.adviesgesprek.yaml")
    save_session(make_session(), folder / "jansen.yaml")
    result = batch_folder(folder, tmp_path / "uit", rulebook, ["pdf"])
    assert sorted(entry.folder.name for entry in result.results) == ["jansen", "jansen-2"]


def test_two_workers_make_the_same_files_as_one(cabinet, tmp_path, rulebook, monkeypatch):
    """Where a second core is free, two conversations (and a render's two PDFs) are made at
    the same time: the files, the summary and the CSV are the same, byte for byte."""
    from wizard.documents import export

    made = {}
    for count in (1, 2):
        monkeypatch.setattr(export, "workers", lambda count=count: count)
        out = tmp_path / f"uit-{count}"
        result = batch_folder(cabinet, out, rulebook, ["pdf", "html"])
        export.render_to_folder(make_session(), rulebook, out / "los", ["pdf"])
        made[count] = (
            {path.relative_to(out): path.read_bytes() for path in out.rglob("*") if path.is_file()},
            [line.replace(str(out), "UIT") for line in result.summary_lines()],
        )
    assert made[1][0].keys() == made[2][0].keys()
    for name, data in made[1][0].items():
        assert made[2][0][name] == data, name
    assert made[1][1] == made[2][1]
