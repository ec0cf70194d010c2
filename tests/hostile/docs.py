"""Reading the documents back: the text of a PDF with the position of every word (poppler's
`pdftotext -bbox`, or pypdf without positions), of an ODT, of the HTML export."""

from __future__ import annotations

import html
import html.parser
import re
import shutil
import subprocess
import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

MM = 72 / 25.4  # PDF points per millimetre
SIDE_MARGIN_MM = 22.0  # the documents' left and right margins (templates/adviesgesprek.typ)
HEADER_RULE_MM, FOOTER_RULE_MM = 19.0, 15.0  # the body is between these two rules
WATERMARK_PT = 60.0  # the CONCEPT watermark's letters are taller than any text
EDGE_MM = 5.0  # header and footer keep at least this far from the top and bottom
TOLERANCE_PT = 2.0

_PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">')
_WORD = re.compile(
    r'<word xMin="([-\d.]+)" yMin="([-\d.]+)" xMax="([-\d.]+)" '
    r'yMax="([-\d.]+)">(.*?)</word>'
)
HAVE_POPPLER = shutil.which("pdftotext") is not None


@dataclass
class Word:
    page: int
    left: float
    top: float
    right: float
    bottom: float
    text: str


@dataclass
class PdfContent:
    pages: int
    words: list[Word]
    sizes: list[tuple[float, float]]

    @property
    def text(self) -> str:
        return " ".join(word.text for word in self.words)

    @property
    def body_text(self) -> str:
        """The text of the page bodies only, without headers, footers and the watermark: a text
        that runs over many pages reads on without them."""
        words = []
        for word in self.words:
            height = self.sizes[word.page][1]
            if (
                word.top >= (HEADER_RULE_MM + 1) * MM
                and word.bottom <= height - (FOOTER_RULE_MM + 1) * MM
                and word.bottom - word.top < WATERMARK_PT
            ):
                words.append(word.text)
        return " ".join(words)

    def page_text(self, index: int) -> str:
        return " ".join(word.text for word in self.words if word.page == index)

    def off_page(self) -> list[str]:
        """Words outside the printable area: in the side margins, or at the very top or bottom.
        The height of a colour emoji is not checked: Typst draws them with a Type 3 font, and
        poppler gives a Type 3 glyph a box about five times its height (the place across is
        right)."""
        wrong = []
        for word in self.words:
            width, height = self.sizes[word.page]
            upright = not _only_emoji(word.text)
            if (
                word.left < SIDE_MARGIN_MM * MM - TOLERANCE_PT
                or word.right > width - SIDE_MARGIN_MM * MM + TOLERANCE_PT
                or upright
                and (word.top < EDGE_MM * MM or word.bottom > height - EDGE_MM * MM)
            ):
                wrong.append(
                    f"page {word.page + 1} at ({word.left / MM:.0f} mm, "
                    f"{word.top / MM:.0f} mm)-({word.right / MM:.0f} mm, "
                    f"{word.bottom / MM:.0f} mm): {word.text[:40]!r}"
                )
        return wrong


def _only_emoji(text: str) -> bool:
    """Whether a word is only pictographs and what joins them (joiners, skin tones, flags,
    variation selectors)."""
    return bool(text) and all(
        ord(char) >= 0x1F000 or char in "\u200d\ufe0f\u20e3" or 0x2600 <= ord(char) < 0x2800
        for char in text
    )


def read_pdf(path: Path) -> PdfContent:
    if not HAVE_POPPLER:  # no positions, but the text (slower)
        from pypdf import PdfReader

        reader = PdfReader(str(path))
        words = [
            Word(index, 0, 0, 0, 0, page.extract_text() or "")
            for index, page in enumerate(reader.pages)
        ]
        return PdfContent(len(reader.pages), words, [])
    # -raw: the words in the order they were written (reading order), not sorted by place.
    result = subprocess.run(
        ["pdftotext", "-raw", "-bbox", str(path), "-"], capture_output=True, check=True, timeout=300
    )
    output = result.stdout.decode("utf-8", "replace")
    words, sizes = [], []
    for index, chunk in enumerate(output.split("<page ")[1:]):
        width, height = map(float, _PAGE.match("<page " + chunk).groups())
        sizes.append((width, height))
        for left, top, right, bottom, text in _WORD.findall(chunk):
            words.append(
                Word(
                    index, float(left), float(top), float(right), float(bottom), html.unescape(text)
                )
            )
    return PdfContent(len(sizes), words, sizes)


def odt_text(path: Path, part: str = "content.xml") -> str:
    with zipfile.ZipFile(path) as archive:
        assert archive.read("mimetype") == b"application/vnd.oasis.opendocument.text"
        root = ElementTree.fromstring(archive.read(part))  # raises on XML that is not well formed
    return "".join(root.itertext())


class _TextOnly(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.skip += tag in ("style", "title")

    def handle_endtag(self, tag):
        self.skip -= tag in ("style", "title")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def html_text(path: Path) -> tuple[str, list[str]]:
    """The visible text of an HTML file and the tags it holds."""
    parser = _TextOnly()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return "".join(parser.parts), parser.tags
