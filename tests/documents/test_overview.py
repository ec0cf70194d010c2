"""The cabinet overview that `batch` writes (issue 13, part 3): one row per bewindspersoon of a
generated 28-member cabinet, sorted by ministry and office, with the right totals, as an
accessible PDF (the audit) and HTML."""

from __future__ import annotations

import html
import importlib.util
import re
import shutil

import pytest

from tests.hostile.docs import html_text
from wizard.core.engine import advise
from wizard.core.session import load_session
from wizard.documents.batch import OVERVIEW_FILES

from .conftest import ROOT, batch, pdf_text, squash
from .pdf_audit import audit, table_header_cells


def _make_cabinet(folder):
    spec = importlib.util.spec_from_file_location(
        "make_cabinet", ROOT / "bench" / "make_cabinet.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.make_cabinet(folder)


@pytest.fixture(scope="module")
def cabinet(tmp_path_factory, rulebook):
    folder = tmp_path_factory.mktemp("kabinet")
    paths = _make_cabinet(folder / "in")
    (folder / "in" / "kapot.adviesgesprek.yaml").write_text(
        "minister: [geen yaml\n", encoding="utf-8"
    )
    result = batch(folder / "in", folder / "uit", rulebook, ["pdf"])
    advices = {path.name: advise(load_session(path), rulebook) for path in paths}
    return folder / "uit", result, advices


def _rows(page: str) -> list[list[str]]:
    """The member table of the overview's HTML: the text of every cell of every body row."""
    table = page.split('<table class="list overview"')[1].split("</table>")[0]
    body = table.split("<tbody>")[1]
    rows = []
    for row in re.findall(r"<tr>(.*?)</tr>", body, re.S):
        cells = re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)
        rows.append([html.unescape(re.sub(r"<[^>]+>", " ", cell)).strip() for cell in cells])
    return rows


def _totals(page: str) -> dict[str, str]:
    table = page.split("<h2>Totalen</h2>")[1].split("</table>")[0]
    return {
        html.unescape(label): html.unescape(value)
        for label, value in re.findall(r"<th[^>]*>(.*?)</th>\s*<td[^>]*>(.*?)</td>", table, re.S)
    }


def test_batch_writes_the_overview_and_says_where(cabinet):
    out, result, _ = cabinet
    assert [path.name for path in result.overview] == list(OVERVIEW_FILES)
    assert all(path.is_file() and path.parent == out for path in result.overview)
    assert result.summary_lines()[-1] == (
        f"Kabinetsoverzicht: {out / OVERVIEW_FILES[0]} en {out / OVERVIEW_FILES[1]}"
    )
    assert not [path for path in out.iterdir() if path.name.endswith(".tmp")]


def test_every_session_is_in_the_overview_in_order(cabinet, rulebook):
    out, _, advices = cabinet
    page = (out / "kabinetsoverzicht.html").read_text(encoding="utf-8")
    rows = _rows(page)
    assert len(rows) == len(advices) == 28
    assert {row[0].split()[-1] for row in rows} == set(advices)  # the file under the name
    ministries, offices = list(rulebook.ministries), list(rulebook.data["offices"])
    keys = []
    for row in rows:
        advice = advices[row[0].split()[-1]]
        assert row[0].startswith(advice.minister.name)
        assert row[2] == advice.minister.ministry_abbr
        keys.append(
            (ministries.index(advice.minister.ministry), offices.index(advice.minister.office))
        )
    assert keys == sorted(keys), "not sorted by ministry and office"
    assert rows[0][1] == "Minister-president"
    text = squash(pdf_text(out / "kabinetsoverzicht.pdf"))
    for advice in advices.values():
        assert squash(advice.minister.name) in text


def test_each_row_says_what_the_advice_says(cabinet):
    out, _, advices = cabinet
    for row in _rows((out / "kabinetsoverzicht.html").read_text(encoding="utf-8")):
        advice = advices[row[0].split()[-1]]
        for platform in advice.platforms.values():
            assert platform.label in row[4]
            if platform.config.handle:
                assert f"@{platform.config.handle}" in row[4]
        assert row[5] == f"{len(advice.errors)} fouten, {len(advice.warnings)} waarschuwingen"
        if not advice.predecessor.needs_archiving:
            assert row[6] == "niet nodig"
        else:
            assert row[6] == (
                "geregeld" if advice.predecessor.archiving_arranged else "niet geregeld"
            )
        assert (row[7] == "—") == (not advice.rvd_requests)
        # One line per RVD request, with its handle; a proposal and an unknown one marked.
        for request in advice.rvd_requests:
            marked = {
                "given": f"@{request.handle}",
                "proposal": f"@{request.handle} (voorstel)",
                "unknown": "(handle nog onbekend)",
            }[request.handle_status]
            assert f"{request.platform_label} {marked}" in row[7], (row[7], request)


def test_the_totals_are_right(cabinet, rulebook):
    out, _, advices = cabinet
    totals = _totals((out / "kabinetsoverzicht.html").read_text(encoding="utf-8"))
    values = list(advices.values())
    requests = [request.request for advice in values for request in advice.rvd_requests]
    expected = {
        "Bewindspersonen": 28,
        "Corporate account": sum(advice.variant_key == "corporate" for advice in values),
        "Hybride account": sum(advice.variant_key == "hybrid" for advice in values),
        "Persoonlijk account": sum(advice.variant_key == "personal" for advice in values),
        "Met fouten (concept)": sum(advice.is_concept for advice in values),
        "Fouten": sum(len(advice.errors) for advice in values),
        "Waarschuwingen": sum(len(advice.warnings) for advice in values),
        "Archiefwissels via de RVD": requests.count("meta_archive_swap"),
        "Verificaties via de RVD": requests.count("verification"),
    }
    assert (
        expected["Corporate account"]
        + expected["Hybride account"]
        + expected["Persoonlijk account"]
        == 28
    )
    assert expected["Hybride account"] and expected["Persoonlijk account"]
    for label, value in expected.items():
        assert totals[label] == str(value), label
    text = squash(pdf_text(out / "kabinetsoverzicht.pdf"))
    for label, value in expected.items():
        assert squash(f"{label}{value}") in text, label


def test_a_session_that_cannot_be_read_is_named_not_counted(cabinet):
    out, _, _ = cabinet
    page, _tags = html_text(out / "kabinetsoverzicht.html")
    assert "Niet verwerkt" in page and "kapot.adviesgesprek.yaml" in page


def test_the_overview_pdf_passes_the_audit_and_is_landscape(cabinet):
    out, _, _ = cabinet
    path = out / "kabinetsoverzicht.pdf"
    assert audit(path) == []
    assert 8 in table_header_cells(path)  # the member table's header row: eight columns
    import pikepdf

    with pikepdf.open(path) as pdf:
        box = pdf.pages[0].mediabox
        assert float(box[2]) > float(box[3])  # wider than high


@pytest.mark.slow
def test_the_overview_is_the_same_every_time(rulebook, tmp_path):
    """Its date is the last conversation's, not today's: the same folder, the same bytes."""
    folder = tmp_path / "in"
    _make_cabinet(folder)
    made = [batch(folder, tmp_path / name, rulebook, ["pdf"]).overview for name in ("een", "twee")]
    assert made[0][0].read_bytes() == made[1][0].read_bytes()
    assert made[0][1].read_bytes() == made[1][1].read_bytes()


def test_the_html_is_standalone_and_accessible(cabinet):
    out, _, _ = cabinet
    page = (out / "kabinetsoverzicht.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and '<html lang="nl">' in page
    assert page.count("<h1>") == 1 and page.count("<h2>") >= 2
    assert page.count('<th scope="col">') == 8 and '<th scope="row"' in page
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler reads the PDF")
def test_an_empty_folder_of_good_sessions_still_gets_an_overview(tmp_path, rulebook):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "kapot.adviesgesprek.yaml").write_text("[", encoding="utf-8")
    result = batch(folder, tmp_path / "uit", rulebook, ["pdf"])
    assert result.failed and len(result.overview) == 2
    assert audit(result.overview[0]) == []
    assert squash("kapot.adviesgesprek.yaml") in squash(pdf_text(result.overview[0]))
