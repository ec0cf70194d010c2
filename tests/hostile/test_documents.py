"""Hostile text through every text field of a session into every format: no crash, the text
appears literally (never as markup, template code, format string or formula), nothing runs off
the page, and session text cannot turn the document's own words around.

What runs exhaustively and what is sampled (to keep the suite to a few minutes):
- the 20 short strings of the corpus: every string in every one of the 23 document fields, in
  PDF, ODT, HTML and platformconfiguratie.yaml (one render per string and variant, with the
  string in all fields at once, each behind a tag that names its field): 20 x 23 x 4;
- the two 100,000-character strings: in every field for ODT, HTML and the YAML (all fields at
  once), in PDF for a sample of fields that covers every place a text can stand (header,
  subtitle, table cell, paragraph, platform band, URL, signature);
- rvd-aanlevering.csv (batch): every short string in the fields the CSV carries.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
import yaml

from tests.documents.conftest import batch as batch_folder
from tests.documents.conftest import render as render_to_folder
from tests.hostile.corpus import (
    CONFIGURATION_FIELDS,
    CORPORATE_FIELDS,
    FIELDS,
    HYBRID_FIELDS,
    LONG_NAMES,
    NASTY,
    SHORT,
    base_session,
    comparable,
    document_form,
    hostile_session,
    pdf_shows,
    tag,
)
from tests.hostile.docs import HAVE_POPPLER, html_text, odt_text, read_pdf
from wizard.constants import CONFIGURATION_FILE
from wizard.core.errors import InputError
from wizard.core.session import load_session, save_session
from wizard.core.text import one_line
from wizard.documents import typst_source

pytestmark = pytest.mark.slow  # a corpus or a whole walk: .ci/run runs it (docs/testing.md)

ROOT = Path(__file__).resolve().parents[2]
FORMATS = ["pdf", "odt", "html"]
GROUPS = {"hybrid": HYBRID_FIELDS, "corporate": CORPORATE_FIELDS}
# Fields the checklist shows too (the rest are only in the agreement).
CHECKLIST_FIELDS = [
    "conversation.advisor",
    "minister.name",
    "minister.post",
    "predecessor.name",
    "platforms.x.handle",
    "platforms.instagram.archive_account",
    "platforms.linkedin.handle",
]
# The HTML elements the templates make (and Jinja's autoescaping is what keeps it so).
TEMPLATE_TAGS = {
    tag
    for path in (ROOT / "templates").glob("*.j2")
    for tag in re.findall(r"<([a-z][a-z0-9]*)", path.read_text(encoding="utf-8"))
}
# Characters no written document may hold (see corpus.document_form).
UNUSABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def config_value(configuration: dict, field: str):
    value = configuration
    for part in CONFIGURATION_FIELDS[field]:
        value = value[part]
    return value


@pytest.fixture(scope="module")
def short_renders(tmp_path_factory, rulebook):
    """Every short string, in all fields of each variant at once, rendered to every format."""
    folder = tmp_path_factory.mktemp("hostile-short")
    renders = {}
    for name in SHORT:
        for group, fields in GROUPS.items():
            out = folder / f"{name}-{group}"
            render_to_folder(hostile_session(NASTY[name], fields), rulebook, out, FORMATS)
            renders[name, group] = out
    return renders


def _missing(out: Path, name: str, fields: list[str], kind: str = "afspraken") -> list[str]:
    """The fields whose text (after their tag) a format of the document does not show."""
    page, _tags = html_text(out / f"{kind}.html")
    shown = {"html": comparable(page), "odt": comparable(odt_text(out / f"{kind}.odt"))}
    pdf = read_pdf(out / f"{kind}.pdf")
    missing = []
    for field in fields:
        value = tag(field) + NASTY[name]
        missing += [
            f"{field} in {kind}.{fmt}"
            for fmt, text in shown.items()
            if comparable(value) not in text
        ]
        # A text that runs over a page break has the page's footer and the next page's header
        # in its middle in the whole text; the body text reads on without them.
        if not (pdf_shows(pdf.text, value) or pdf_shows(pdf.body_text, value)):
            missing.append(f"{field} in {kind}.pdf")
    return missing


@pytest.mark.parametrize("name", SHORT)
def test_every_field_shows_the_text_literally_in_every_format(short_renders, name):
    missing = []
    for group, fields in GROUPS.items():
        out = short_renders[name, group]
        missing += _missing(out, name, fields)
        missing += _missing(out, name, [f for f in fields if f in CHECKLIST_FIELDS], "checklist")
    assert not missing, missing


def _one_line_fields(rulebook) -> set[str]:
    """The session paths of one line (the rulebook's `one_line_fields`, every platform)."""
    paths = set()
    for field in rulebook.data["one_line_fields"]:
        paths |= {field["path"].replace("{platform}", key) for key in rulebook.platforms}
    return paths


@pytest.mark.parametrize("name", SHORT)
def test_the_configuration_keeps_every_text_exactly(short_renders, name, rulebook):
    """platformconfiguratie.yaml is data: every character is kept (YAML escapes what it must),
    only the spaces around a handle, name or link are trimmed; a field of one line is that one
    line (its line breaks and control characters a space: the finding text-not-one-line)."""
    one_line_fields = _one_line_fields(rulebook)
    wrong = []
    for group, fields in GROUPS.items():
        text = (short_renders[name, group] / CONFIGURATION_FILE).read_text(encoding="utf-8")
        configuration = yaml.safe_load(text)
        for field in fields:
            if field in CONFIGURATION_FIELDS:
                value = tag(field) + NASTY[name]
                expected = one_line(value) if field in one_line_fields else value
                if config_value(configuration, field) not in (expected, expected.strip()):
                    wrong.append(field)
    assert not wrong, wrong


@pytest.mark.parametrize("name", SHORT)
def test_no_text_becomes_markup_or_code(short_renders, name):
    """The HTML holds only the elements the templates make; no '49' from '{{ 7*7 }}'; the
    documents hold none of the characters no document may hold (they are dropped)."""
    for group in GROUPS:
        out = short_renders[name, group]
        _text, tags = html_text(out / "afspraken.html")
        assert set(tags) <= TEMPLATE_TAGS, set(tags) - TEMPLATE_TAGS
        for kind in ("afspraken", "checklist"):
            for part in ("content.xml", "styles.xml", "meta.xml"):
                assert not UNUSABLE.search(odt_text(out / f"{kind}.odt", part)), (kind, part)
            assert not UNUSABLE.search((out / f"{kind}.html").read_text(encoding="utf-8"))
            assert not UNUSABLE.search(read_pdf(out / f"{kind}.pdf").text)
        if name == "jinja":  # '{{ 7*7 }}' after a field's tag, never '49' there
            shown = comparable(html_text(out / "afspraken.html")[0])
            assert not re.search(r"\[F\d\d\]49", shown), re.findall(r"\[F\d\d\]49.{20}", shown)


@pytest.mark.skipif(not HAVE_POPPLER, reason="pdftotext (poppler-utils) gives word positions")
@pytest.mark.parametrize("name", SHORT)
def test_nothing_runs_off_the_page(short_renders, name):
    for group in GROUPS:
        for kind in ("afspraken", "checklist"):
            pdf = read_pdf(short_renders[name, group] / f"{kind}.pdf")
            assert pdf.pages >= 1
            assert not pdf.off_page(), pdf.off_page()[:5]


# --- right-to-left overrides cannot turn the document around --------------------------------

BIDI_SESSION = {
    "minister.name": "Eva \u202eVries",
    "predecessor.name": "Dick \u2067Schoof",
    "conversation.place": "Den \u202bHaag",
    "platforms.x.handle": "Eva\u202eVries",
}
# Words of the templates, the rulebook and the engine that follow those values on a line.
FOLLOWING = [
    "Minister van Binnenlandse Zaken en Koninkrijksrelaties",  # subtitle (template)
    "worden eerst gearchiveerd en daarna verwijderd",  # clause (rulebook)
    "aantreedt, zodat geen bericht van uw voorganger",  # clause (rulebook)
    "op X: alleen letters",
]  # finding (engine)


def _open_controls(text: str) -> int:
    """How many direction overrides, embeddings and isolates are still open at the end."""
    depth = 0
    for char in text:
        if char in "\u202a\u202b\u202d\u202e\u2066\u2067\u2068":
            depth += 1
        elif char in "\u202c\u2069" and depth:
            depth -= 1
    return depth


@pytest.mark.skipif(not HAVE_POPPLER, reason="pdftotext reads a PDF in the order it is shown")
def test_right_to_left_overrides_do_not_turn_the_words_after_them_around(rulebook, tmp_path):
    session = base_session("corporate")
    for path, value in BIDI_SESSION.items():
        session.set(path, value)
    render_to_folder(session, rulebook, tmp_path, FORMATS)
    pdf = read_pdf(tmp_path / "afspraken.pdf")
    shown = " ".join(pdf.text.split())  # poppler reads the page as it is shown
    for phrase in FOLLOWING:
        assert phrase in shown, phrase
    page = (tmp_path / "afspraken.html").read_text(encoding="utf-8")
    subtitle = re.search(r'<p class="subtitle">(.*?)</p>', page, re.S).group(1)
    assert _open_controls(subtitle.split(", Minister")[0]) == 0
    clause = re.search(
        r"<p>(De berichten van [^<]*? worden eerst gearchiveerd.*?)</p>", page, re.S
    ).group(1)
    assert _open_controls(clause.split(" worden eerst gearchiveerd")[0]) == 0
    assert _open_controls(clause.split(" aantreedt")[0]) == 0
    content = odt_text(tmp_path / "afspraken.odt")
    assert _open_controls(content.split(", Minister van Binnenlandse")[0]) == 0


# --- 100,000 characters ---------------------------------------------------------------------

PDF_SAMPLE = {  # every place a text can stand: header, subtitle, tables, clauses, signature
    "long_text": ["minister.name"],  # (the name alone: 11 times, some 220 pages)
    "long_word": ["platforms.x.handle", "conversation.notes"],  # band, URL, paragraph
}


@pytest.mark.parametrize("name", LONG_NAMES)
def test_long_text_in_every_field_in_odt_html_and_yaml(rulebook, tmp_path, name):
    for group, fields in GROUPS.items():
        out = tmp_path / group
        render_to_folder(hostile_session(NASTY[name], fields), rulebook, out, ["odt", "html"])
        page, _tags = html_text(out / "afspraken.html")
        shown = {"html": comparable(page), "odt": comparable(odt_text(out / "afspraken.odt"))}
        configuration = yaml.safe_load((out / CONFIGURATION_FILE).read_text(encoding="utf-8"))
        for field in fields:
            value = tag(field) + NASTY[name]
            for fmt, text in shown.items():
                assert comparable(value) in text, (field, fmt)
            if field in CONFIGURATION_FIELDS:
                assert config_value(configuration, field) in (value, value.strip()), field


@pytest.mark.parametrize("name", LONG_NAMES)
def test_long_text_in_the_pdf_is_whole_and_stays_on_the_page(rulebook, tmp_path, name):
    fields = PDF_SAMPLE[name]
    render_to_folder(hostile_session(NASTY[name], fields), rulebook, tmp_path, ["pdf"])
    pdf = read_pdf(tmp_path / "afspraken.pdf")
    assert 40 < pdf.pages < 700
    text = pdf.body_text if HAVE_POPPLER else pdf.text
    for field in fields:
        assert pdf_shows(text, tag(field) + NASTY[name]), field
    if HAVE_POPPLER:
        assert not pdf.off_page(), pdf.off_page()[:5]
    checklist = read_pdf(tmp_path / "checklist.pdf")
    if HAVE_POPPLER:
        assert not checklist.off_page(), checklist.off_page()[:5]


@pytest.mark.skipif(not HAVE_POPPLER, reason="pdftotext gives the header's words")
def test_a_long_name_is_shortened_visibly_in_the_page_header_only(rulebook, tmp_path):
    """Shortened on purpose, and visibly: the page header (PDF and ODT) ends a long name in
    '…'; the PDF's title is cut to 200 characters; the body shows the whole name."""
    name = "Eva " + NASTY["long_text"][:3000]
    session = base_session("hybrid")
    session.set("minister.name", name)
    render_to_folder(session, rulebook, tmp_path, ["pdf", "odt"])
    pdf = read_pdf(tmp_path / "afspraken.pdf")
    for page in range(pdf.pages):
        header = [word.text for word in pdf.words if word.page == page and word.top < 20 * 2.835]
        assert header[-1].endswith("…"), header
        assert len(" ".join(header)) < 200
    assert comparable(name) in comparable(pdf.text)
    from pypdf import PdfReader

    title = PdfReader(str(tmp_path / "afspraken.pdf")).metadata.title
    assert title.startswith("Afspraken sociale media – Eva Lange tekst") and len(title) <= 200
    header = odt_text(tmp_path / "afspraken.odt", "styles.xml")
    assert "…" in header and comparable(name) not in comparable(header)
    assert comparable(name) in comparable(odt_text(tmp_path / "afspraken.odt"))


def test_a_text_too_long_for_any_document_is_refused_in_every_format(cli, tmp_path):
    """Nine fields of 100,000 characters that the agreement shows 45 times would make some
    1,800 pages: the session is refused as `check` refuses it (text-too-long), in every format,
    with a Dutch message, exit 2, and nothing written."""
    session = base_session("hybrid")
    for field in (
        "minister.name",
        "minister.party",
        "minister.post",
        "minister.party_hashtag",
        "predecessor.name",
        "conversation.place",
        "platforms.x.handle",
        "platforms.instagram.handle",
        "platforms.instagram.archive_account",
    ):
        session.set(field, NASTY["long_text"])
    source = tmp_path / "lang.adviesgesprek.yaml"
    save_session(session, source)
    before = source.read_bytes()
    out = tmp_path / "uit"
    result = cli(
        "render",
        source,
        "--out",
        out,
        "--format",
        "pdf,odt,html",
        env={"QT_QPA_PLATFORM": "offscreen"},
        timeout=600,
    )
    assert result.returncode == 2, result.stderr[-2000:]
    assert "niet gemaakt" in result.stderr and "tekens lang" in result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists() or list(out.iterdir()) == []
    assert source.read_bytes() == before
    result = cli("render", source, "--out", out, "--format", "html", timeout=600)
    assert result.returncode == 2 and "niet gemaakt" in result.stderr, result.stderr[-2000:]


def test_a_document_too_long_to_lay_out_is_refused_with_a_message(rulebook, tmp_path, monkeypatch):
    """The documents' own limit behind `check`'s (some 600 pages of text; here lowered to a
    few): a render past it stops with a Dutch message and writes nothing."""
    monkeypatch.setattr(typst_source, "MAX_DATA", 3000)
    session = base_session("hybrid")
    session.set("conversation.notes", "Een lange notitie. " * 300)
    with pytest.raises(InputError, match="te lang om op te maken"):
        render_to_folder(session, rulebook, tmp_path / "uit", ["pdf"])
    assert not (tmp_path / "uit").exists()


# --- characters no document can hold: dropped from documents, kept in the session -----------


def test_nul_and_control_characters_are_kept_in_the_session_and_dropped_in_documents(
    rulebook, tmp_path
):
    """The decision on NUL: a session file may hold it (as the YAML escape "\\0"; a raw NUL byte
    makes the file binary and is refused) and keeps it on every save, because the wizard can
    put it there from a paste and must be able to open its own files again. No document can
    hold it (XML, PDF text): the documents drop it and the other C0 controls."""
    source = tmp_path / "nul.adviesgesprek.yaml"
    source.write_text(
        'format: adviesgesprek/1\nminister: {name: "Eva\\0 de\\e Vries\\ud800", office: minister,'
        " ministry: BZK}\nvariant: corporate\nplatforms: {x: {use: true}}\n",
        encoding="utf-8",
    )
    session = load_session(source)
    assert session.get("minister.name") == "Eva\x00 de\x1b Vries\ud800"
    save_session(session, source)
    assert load_session(source).get("minister.name") == "Eva\x00 de\x1b Vries\ud800"
    assert "\\0" in source.read_text(encoding="utf-8")
    render_to_folder(session, rulebook, tmp_path / "uit", FORMATS)
    for path in (tmp_path / "uit").iterdir():
        data = path.read_bytes()
        if path.suffix == ".pdf":
            text = read_pdf(path).text
            assert "Eva de Vries" in " ".join(text.split()), path.name
        elif path.suffix == ".odt":
            text = odt_text(path)
            assert "Eva de Vries" in text
        else:
            text = data.decode("utf-8")
        assert not UNUSABLE.search(text.replace("\n", "").replace("\t", "")), path.name
    configuration = yaml.safe_load((tmp_path / "uit" / CONFIGURATION_FILE).read_text("utf-8"))
    # A name is one line: its control characters a space (text-not-one-line), the rest exact.
    assert configuration["minister"]["name"] == "Eva de Vries\ud800"
    binary = tmp_path / "binair.adviesgesprek.yaml"
    binary.write_bytes(b'format: adviesgesprek/1\nminister: {name: "Eva\x00"}\n')
    with pytest.raises(InputError, match="binaire gegevens"):
        load_session(binary)


# --- rvd-aanlevering.csv --------------------------------------------------------------------

CSV_FIELDS = [
    "minister.name",
    "minister.post",
    "platforms.instagram.handle",
    "platforms.instagram.archive_account",
]


def csv_form(text: str) -> str:
    """One cell: one line of the text's words (every field the CSV carries is of one line:
    its controls a space), a formula made harmless with a leading '."""
    cell = " ".join(document_form(one_line(text)).split())
    return "'" + cell if cell[:1] in ("=", "+", "-", "@") else cell


def _hostile_cabinet(folder: Path, tagged: bool) -> None:
    """One corporate conversation per short string, in the fields the CSV and the cabinet
    overview carry (`tagged`: behind each field's tag)."""
    folder.mkdir()
    for index, name in enumerate(SHORT):
        session = base_session("corporate")
        for field in CSV_FIELDS:
            session.set(field, (f"[{field}]" if tagged else "") + NASTY[name])
        save_session(session, folder / f"{index:02d}-{name}.adviesgesprek.yaml")


def test_batch_csv_holds_every_text_as_one_harmless_cell(rulebook, tmp_path):
    folder = tmp_path / "kabinet"
    _hostile_cabinet(folder, tagged=False)  # no tag: a formula must start the cell
    result = batch_folder(folder, tmp_path / "uit", rulebook, ["html"])
    assert not result.failed, [r.message for r in result.failed]
    raw = result.csv_path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\x00" not in raw
    with result.csv_path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    header, rows = rows[0], rows[1:]
    by_file = {}
    for row in rows:
        assert len(row) == len(header), row
        assert all("\n" not in cell and "\r" not in cell for cell in row), row
        assert all(cell[:1] not in ("=", "+", "-", "@") for cell in row), row
        by_file.setdefault(row[0], []).append(row)
    names = [name for name in SHORT if name != "whitespace_only"]
    for name in names:
        file = f"{SHORT.index(name):02d}-{name}.adviesgesprek.yaml"
        assert file in by_file, file
        cells = {cell for row in by_file[file] for cell in row}
        assert csv_form(NASTY[name]) in cells, (name, by_file[file][0])


def test_the_cabinet_overview_shows_every_text_literally(rulebook, tmp_path):
    """kabinetsoverzicht.pdf and .html (batch) show the name, the post and the handles of
    every conversation as typed, and the PDF passes the audit."""
    from tests.documents.pdf_audit import audit

    _hostile_cabinet(tmp_path / "kabinet", tagged=True)
    result = batch_folder(tmp_path / "kabinet", tmp_path / "uit", rulebook, ["html"])
    assert not result.failed, [r.message for r in result.failed]
    pdf_path, html_path = result.overview
    assert audit(pdf_path) == []
    pdf = read_pdf(pdf_path)
    page, tags = html_text(html_path)
    assert set(tags) <= TEMPLATE_TAGS, set(tags) - TEMPLATE_TAGS
    missing = []
    for name in SHORT:
        for field in ("minister.name", "minister.post", "platforms.instagram.handle"):
            value = f"[{field}]" + NASTY[name]
            if comparable(value) not in comparable(page):
                missing.append(f"{field} {name} in html")
            if not (pdf_shows(pdf.text, value) or pdf_shows(pdf.body_text, value)):
                missing.append(f"{field} {name} in pdf")
    assert not missing, missing
    if HAVE_POPPLER:
        assert not pdf.off_page(), pdf.off_page()[:5]


def test_all_fields_list_matches_the_session_schema():
    """The corpus covers every text field of the session file that a document can show."""
    import json

    from wizard.paths import resources_dir

    schema = json.loads((resources_dir() / "schemas" / "session.schema.json").read_text())

    def strings(node: dict, prefix: str) -> list[str]:
        found = []
        for key, value in (node.get("properties") or {}).items():
            kinds = value.get("type")
            kinds = kinds if isinstance(kinds, list) else [kinds]
            if "string" in kinds and "pattern" not in value and "enum" not in value:
                found.append(prefix + key)
            if "object" in kinds:
                found += strings(value, prefix + key + ".")
        return found

    session_fields = strings(schema, "")
    platform_fields = strings(schema["properties"]["platforms"]["additionalProperties"], "")
    covered = {
        field.split(".", 2)[-1] if field.startswith("platforms.") else field for field in FIELDS
    }
    not_in_documents = {"existing_handle"}  # a question for the advice, shown nowhere
    # The rulebook the file was saved under: written by the program, no document shows it
    # (a document shows the rulebook it was made with).
    written_by_the_program = {"rulebook.version"}
    assert set(session_fields) - written_by_the_program <= covered, set(session_fields) - covered
    assert set(platform_fields) - not_in_documents <= covered, set(platform_fields) - covered
