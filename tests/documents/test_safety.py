"""Text from the session is data: never template code, never markup; strange and huge text
neither crashes nor runs off the page; a folder that cannot be written leaves nothing behind."""

from __future__ import annotations

import html.parser
import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pytest

from tests.hostile.docs import HAVE_POPPLER, read_pdf
from wizard.core.engine import advise
from wizard.core.errors import InputError
from wizard.core.session import save_session
from wizard.documents import export
from wizard.documents.style import house_style
from wizard.documents.typesetting import prepare

from .conftest import EXAMPLES, html_of, make_session, pdf_pages, pdf_text, render, squash

HOSTILE = "<b>x</b> {{ 7*7 }} {% raw %}"
LONG_WORD = "Pieter" * 1700  # 10,200 characters without a space
LONG_TEXT = ("Dit is een hele lange notitie. " * 330)[:10_000]
STRANGE = "שלום עליכם مرحبا بالعالم e\u0301 a\u0308\u0323 👩🏽‍💻🇳🇱 𝔄𝔡𝔳𝔦𝔢𝔰"


def _odt_text(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        root = ElementTree.fromstring(archive.read("content.xml"))
    return "".join(root.itertext())


class _TextOnly(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        self.skip += tag in ("style", "title")

    def handle_endtag(self, tag):
        self.skip -= tag in ("style", "title")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def _html_text(text: str) -> str:
    parser = _TextOnly()
    parser.feed(text)
    return "".join(parser.parts)


def _hostile_session():
    return make_session(
        **{
            "minister.name": HOSTILE,
            "conversation.notes": f"Notitie {HOSTILE}",
            "conversation.place": HOSTILE,
            "motivation": HOSTILE,
            "variant": "hybrid",
            "minister.party": "VVD",
            "platforms.x": {"use": True, "account": "own", "handle": "EvadeVries", "bio": HOSTILE},
            "predecessor": {"name": HOSTILE, "variant": "corporate", "archiving_arranged": True},
        }
    )


def test_template_code_and_markup_in_the_session_stay_literal(rulebook, tmp_path):
    render(_hostile_session(), rulebook, tmp_path, ["pdf", "odt", "html"])
    for kind in ("afspraken", "checklist"):
        assert squash(HOSTILE) in squash(pdf_text(tmp_path / f"{kind}.pdf")), kind
        assert HOSTILE in _odt_text(tmp_path / f"{kind}.odt"), kind
        page = (tmp_path / f"{kind}.html").read_text(encoding="utf-8")
        assert HOSTILE in _html_text(page), kind
        assert "<b>x</b>" not in page and "&lt;b&gt;x&lt;/b&gt;" in page
    # (The sources annex at the end numbers its statements: 49 may be one of them.)
    agreement = re.split(r"Bijlage\d+\.Bronnen", squash(pdf_text(tmp_path / "afspraken.pdf")))[0]
    assert "49" not in agreement.replace("2049", "")


def test_odt_html_escapes_the_session_too(rulebook):
    text = html_of("afspraken", _hostile_session(), rulebook)
    assert "<b>x</b>" not in text
    assert "&lt;b&gt;x&lt;/b&gt; {{ 7*7 }} {% raw %}" in text


def test_the_typst_source_holds_no_session_text(rulebook):
    """Session text reaches Typst only as data: the source refers to it by number."""
    typst_like = "#sys.exit() *vet* $x$ <label> @ref"
    session = _hostile_session()
    session.set("conversation.notes", typst_like)
    advice, style = advise(session, rulebook), house_style(rulebook)
    for kind in ("afspraken", "checklist"):
        prepared = prepare(kind, advice, style)
        assert "7*7" not in prepared.source and "sys.exit" not in prepared.source
        assert "Eva de Vries" not in prepared.source and "Sanne" not in prepared.source
        assert HOSTILE in prepared.values
    assert typst_like in prepare("afspraken", advice, style).values


def _strange_session():
    return make_session(
        **{
            "minister.name": LONG_WORD,
            "minister.post": STRANGE,
            "minister.party": STRANGE,
            "conversation.notes": LONG_TEXT + "\n" + STRANGE + "\n" + LONG_WORD,
            "conversation.advisor": STRANGE,
            "conversation.place": LONG_WORD,
            "motivation": LONG_TEXT,
            "variant": "hybrid",
            "platforms.x": {
                "use": True,
                "account": "own",
                "handle": LONG_WORD,
                "bio": LONG_TEXT,
                "display_name": STRANGE,
                "link": "https://example.org/" + LONG_WORD,
            },
            "platforms.instagram": {"use": True, "account": "own", "handle": "a", "bio": STRANGE},
            "access.people": LONG_TEXT,
            "predecessor": {"name": STRANGE + LONG_WORD, "variant": "hybrid"},
        }
    )


@pytest.mark.slow
def test_huge_and_strange_text_renders_in_every_format(rulebook, tmp_path):
    written = render(_strange_session(), rulebook, tmp_path, ["pdf", "odt", "html"])
    assert len(written) == 10
    pages = pdf_pages(tmp_path / "afspraken.pdf")
    assert 3 <= len(pages) < 80  # about 60 pages of text in the bundled Noto Sans
    text = squash("".join(pages))
    assert squash("Dit is een hele lange notitie.") in text
    assert "שלום" in "".join(pages) or "םולש" in "".join(pages)
    assert STRANGE.split()[0] in _odt_text(tmp_path / "afspraken.odt")


def test_control_characters_and_lone_surrogates_do_not_break_the_files(rulebook, tmp_path):
    session = make_session(
        **{"minister.name": "Eva\x07 de\x0b Vries\ud800", "conversation.notes": "a\x00b\x1fc"}
    )
    render(session, rulebook, tmp_path, ["pdf", "odt", "html"])
    assert "Eva" in pdf_text(tmp_path / "afspraken.pdf")
    assert "Eva" in _odt_text(tmp_path / "afspraken.odt")


@pytest.mark.skipif(not HAVE_POPPLER, reason="pdftotext (poppler) gives word positions")
def test_huge_text_stays_within_the_text_width(rulebook, tmp_path):
    render(_strange_session(), rulebook, tmp_path, ["pdf"])
    for kind in ("afspraken", "checklist"):
        pdf = read_pdf(tmp_path / f"{kind}.pdf")
        assert not pdf.off_page(), pdf.off_page()[:5]


def _grey_pages(pdf: Path, folder: Path) -> list[tuple[int, int, bytes]]:
    subprocess.run(["pdftoppm", "-gray", "-r", "20", str(pdf), str(folder / "page")], check=True)
    pages = []
    for image in sorted(folder.glob("page*.pgm")):
        data = image.read_bytes()
        parts = data.split(maxsplit=4)  # P5 width height maxval pixels
        width, height = int(parts[1]), int(parts[2])
        pages.append((width, height, parts[4][-width * height :]))
    return pages


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm (poppler) not installed")
def test_nothing_is_drawn_in_the_side_margins(rulebook, tmp_path):
    render(_strange_session(), rulebook, tmp_path, ["pdf"])
    for kind in ("afspraken", "checklist"):
        for width, height, pixels in _grey_pages(tmp_path / f"{kind}.pdf", tmp_path):
            band = round(width * 15 / 210)  # the outer 15 mm of a 22 mm margin
            for y in range(height):
                row = pixels[y * width : (y + 1) * width]
                assert min(row[:band]) > 245 and min(row[-band:]) > 245, (kind, y)
            for name in tmp_path.glob("page*.pgm"):
                name.unlink()


def test_render_into_an_unusable_folder_exits_2(cli, tmp_path):
    blocker = tmp_path / "bestand.txt"
    blocker.write_text("ik ben een bestand", encoding="utf-8")
    for out in (blocker / "map", blocker):
        result = cli("render", str(EXAMPLES[0]), "--out", str(out))
        assert result.returncode == 2, result.stderr
        assert "adviesgesprek:" in result.stderr and "Traceback" not in result.stderr
        assert "map" in result.stderr
    assert sorted(path.name for path in tmp_path.iterdir()) == ["bestand.txt"]
    assert blocker.read_text(encoding="utf-8") == "ik ben een bestand"


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root may write into a read-only folder"
)
def test_render_into_a_read_only_folder_exits_2(cli, tmp_path):
    folder = tmp_path / "alleen-lezen"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        result = cli("render", str(EXAMPLES[0]), "--out", str(folder))
        assert result.returncode == 2
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o700)


def test_a_failure_halfway_leaves_the_old_files_and_no_temporary_ones(
    rulebook, tmp_path, monkeypatch
):
    (tmp_path / "afspraken.pdf").write_bytes(b"%PDF-old")

    def broken(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setitem(export.WRITERS, "odt", broken)
    with pytest.raises(InputError) as caught:
        render(make_session(), rulebook, tmp_path, ["pdf", "odt"])
    assert "afspraken.odt" in str(caught.value)
    assert "kan niet worden geschreven" in str(caught.value)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["afspraken.pdf"]
    assert (tmp_path / "afspraken.pdf").read_bytes() == b"%PDF-old"


def test_render_command_writes_and_lists_the_files(cli, tmp_path):
    session_file = tmp_path / "gesprek.adviesgesprek.yaml"
    save_session(make_session(), session_file)
    result = cli("render", session_file, "--out", tmp_path / "uit", "--format", "pdf,html")
    assert result.returncode == 0, result.stderr
    listed = [Path(line).name for line in result.stdout.split()]
    assert listed == [
        "afspraken.pdf",
        "checklist.pdf",
        "verantwoording.pdf",
        "afspraken.html",
        "checklist.html",
        "verantwoording.html",
        "platformconfiguratie.yaml",
    ]
    assert "qt." not in result.stderr.lower()


def test_render_with_an_unknown_format_exits_2(cli, tmp_path):
    result = cli("render", str(EXAMPLES[0]), "--out", str(tmp_path), "--format", "docx")
    assert result.returncode == 2
    assert "onbekend formaat" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_progress_is_reported(rulebook, tmp_path):
    steps = []
    render(
        make_session(),
        rulebook,
        tmp_path,
        ["pdf"],
        progress=lambda step, total, label: steps.append((step, total, label)),
    )
    assert steps[0] == (0, 5, "afspraken.pdf")
    assert steps[-1][0] == steps[-1][1]


@pytest.mark.parametrize(
    "text",
    [
        "x" * 65,
        "https://www.instagram.com/minpresjetten",
        "e\u0301" * 40,
        "👨\u200d👩\u200d👧\u200d👦" * 12,
        "🇳🇱" * 30,
        "Z\u0351\u0352\u0353\u0354" * 15,
    ],
)
def test_a_long_run_breaks_only_between_whole_letters(text):
    """A run of 30 or more characters without a space may break every 20 or so characters,
    never between a letter and its marks, inside an emoji sequence or inside a flag."""
    import unicodedata

    from wizard.documents.linebreaks import pieces

    def joins(before: str, after: str) -> bool:
        return (
            unicodedata.category(after).startswith("M")
            or before == "\u200d"
            or after in "\u200d\ufe0f"
            or "\U0001f3fb" <= after <= "\U0001f3ff"
        )

    parts = pieces(text)
    assert isinstance(parts, list) and len(parts) >= 2 and "".join(parts) == text
    for left, right in zip(parts, parts[1:], strict=False):
        assert not joins(left[-1], right[0]), (left, right)
        assert len(left) <= 30
        flags = sum("\U0001f1e6" <= char <= "\U0001f1ff" for char in left)
        assert flags % 2 == 0, left  # whole flags only
    assert (
        pieces("kort genoeg, met spaties tussen de woorden")
        == "kort genoeg, met spaties tussen de woorden"
    )
