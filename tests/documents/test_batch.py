"""`batch`: a whole folder of conversations, one subfolder each, and the RVD's CSV."""

from __future__ import annotations

import csv
import io
import shutil

import pytest

from wizard.core.engine import advise
from wizard.core.errors import InputError
from wizard.core.session import load_session, save_session
from wizard.documents.batch import CSV_FILE

from .conftest import EXAMPLES, batch, make_session, render


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
    result = batch(cabinet, tmp_path / "uit", rulebook, ["pdf"])
    assert [entry.source.name for entry in result.failed] == ["kapot.adviesgesprek.yaml"]
    for entry in result.results:
        if entry.ok:
            advice = advise(load_session(entry.source), rulebook)
            assert (entry.errors, entry.warnings) == (len(advice.errors), len(advice.warnings))
    assert result.summary_lines()[-2].startswith(
        f"{len(result.results) - 1} van {len(result.results)} gesprekken"
    )


def test_rvd_csv_lists_archive_swaps_and_rvd_verifications(cabinet, tmp_path, rulebook):
    """Every RVD request of every advice is a row, and nothing else: Meta's archive swap of an
    account of the post (old and new URL) and the verifications the RVD arranges, with whether
    the handle is given, the rulebook's proposal or not known yet."""
    result = batch(cabinet, tmp_path / "uit", rulebook, ["pdf"])
    rows = _read_csv(result.csv_path)
    assert list(rows[0])[-1] == "handle_status"
    expected = []
    for entry in result.results:
        if not entry.ok:
            continue
        advice = advise(load_session(entry.source), rulebook)
        configuration = advice.configuration
        for key, account in configuration["predecessor_accounts"].items():
            # Meta's archive swap: only an account of the post.
            if account["action"] == "meta_archive_swap":
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
                status = "opgegeven" if account["handle"] else "nog onbekend"
                expected.append(
                    (
                        entry.source.name,
                        rulebook.platforms[key]["label"],
                        "archiefwissel",
                        account["handle"] or "",
                        url if account["handle"] else "",
                        archive if account["handle"] else "",
                        status,
                    )
                )
        for platform in advice.platforms.values():
            if platform.config.verification_by == "rvd":
                status = {"proposal": "voorstel", "unknown": "nog onbekend"}.get(
                    platform.handle_origin, "opgegeven"
                )
                expected.append(
                    (
                        entry.source.name,
                        platform.label,
                        "verificatie",
                        platform.handle,
                        platform.url or "",
                        "",
                        status,
                    )
                )
    found = [
        (
            row["bestand"],
            row["platform"],
            row["verzoek"],
            row["handle"],
            row["oude_url"],
            row["nieuwe_url"],
            row["handle_status"],
        )
        for row in rows
    ]
    assert sorted(found) == sorted(expected)
    assert any(row["verzoek"] == "archiefwissel" for row in rows)


def test_a_proposed_or_unknown_handle_is_a_marked_row(tmp_path, rulebook):
    """Reading 13: a request whose handle is the rulebook's proposal is a row marked
    "voorstel"; one whose handle is not known yet is a row marked "nog onbekend"."""
    folder = tmp_path / "in"
    folder.mkdir()
    proposal = make_session(
        **{
            "platforms.x": {"use": False},
            "platforms.instagram": {"use": True, "account": "new"},
        }
    )
    unknown = make_session(
        **{
            "platforms.x": {"use": False},
            "platforms.instagram": {"use": True, "account": "takeover"},
            "predecessor": {"name": "Hugo de Jonge", "variant": "corporate"},
        }
    )
    save_session(proposal, folder / "voorstel.adviesgesprek.yaml")
    save_session(unknown, folder / "onbekend.adviesgesprek.yaml")
    rows = _read_csv(batch(folder, tmp_path / "uit", rulebook, ["html"]).csv_path)
    marks = {(row["bestand"], row["verzoek"], row["handle_status"]) for row in rows}
    assert ("voorstel.adviesgesprek.yaml", "verificatie", "voorstel") in marks, rows
    assert ("onbekend.adviesgesprek.yaml", "archiefwissel", "nog onbekend") in marks, rows
    assert ("onbekend.adviesgesprek.yaml", "verificatie", "nog onbekend") in marks, rows
    assert all(row["handle"] == "" for row in rows if row["handle_status"] == "nog onbekend")


def test_csv_cells_cannot_become_spreadsheet_formulas(tmp_path, rulebook):
    folder = tmp_path / "in"
    folder.mkdir()
    save_session(
        make_session(**{"minister.name": '=HYPERLINK("http://x";"klik")'}),
        folder / "formule.adviesgesprek.yaml",
    )
    result = batch(folder, tmp_path / "uit", rulebook, ["pdf"])
    rows = _read_csv(result.csv_path)
    assert rows and all(row["bewindspersoon"].startswith("'=") for row in rows)


def test_progress_on_a_stream(cabinet, tmp_path, rulebook):
    stream = io.StringIO()
    batch(cabinet, tmp_path / "uit", rulebook, ["pdf"], progress=stream)
    total = len(EXAMPLES) + 2
    assert f"{total}/{total}" in stream.getvalue()


def test_empty_folder_and_unknown_format_are_refused(tmp_path, rulebook):
    empty = tmp_path / "leeg"
    empty.mkdir()
    with pytest.raises(InputError, match="geen gesprekken"):
        batch(empty, tmp_path / "uit", rulebook, ["pdf"])
    with pytest.raises(InputError, match="onbekend formaat"):
        batch(empty, tmp_path / "uit", rulebook, ["docx"])
    with pytest.raises(InputError, match="geen map"):
        batch(tmp_path / "bestaat-niet", tmp_path / "uit", rulebook, ["pdf"])
    assert not (tmp_path / "uit").exists()


def test_same_names_get_their_own_folders(tmp_path, rulebook):
    folder = tmp_path / "in"
    folder.mkdir()
    save_session(make_session(), folder / "jansen.adviesgesprek.yaml")
    save_session(make_session(), folder / "jansen.yaml")
    result = batch(folder, tmp_path / "uit", rulebook, ["pdf"])
    assert sorted(entry.folder.name for entry in result.results) == ["jansen", "jansen-2"]


@pytest.mark.slow
def test_two_workers_make_the_same_files_as_one(cabinet, tmp_path, rulebook, monkeypatch):
    """Where a second core is free, two conversations (and a render's two PDFs) are made at
    the same time: the files, the summary and the CSV are the same, byte for byte."""
    from wizard.documents import export

    made = {}
    for count in (1, 2):
        monkeypatch.setattr(export, "workers", lambda count=count: count)
        out = tmp_path / f"uit-{count}"
        result = batch(cabinet, out, rulebook, ["pdf", "html"])
        render(make_session(), rulebook, out / "los", ["pdf"])
        made[count] = (
            {path.relative_to(out): path.read_bytes() for path in out.rglob("*") if path.is_file()},
            [line.replace(str(out), "UIT") for line in result.summary_lines()],
        )
    assert made[1][0].keys() == made[2][0].keys()
    for name, data in made[1][0].items():
        assert made[2][0][name] == data, name
    assert made[1][1] == made[2][1]
