"""The documents typeset by Typst: PDF/A-2a and PDF/UA-1 in one file, and page images (PNG) for
the wizard's preview and for printing, made from the same source.

- Only the bundled fonts and an overlay's own `fonts/` are used (system fonts and Typst's
  embedded fonts are left out), and the PDF's date is the conversation's: the same advice,
  house style and program give the same bytes on every machine.
- Typst reads nothing from the machine: the sources are handed over in memory, its project root
  is an empty private folder, its package folders are empty, and the source may import nothing
  but the program's own library (`typst_source.check_source`), so no template can make it fetch
  a package or read a file.
- A Typst warning is an error: a document is made as intended or not at all.
- No Qt: `render` and `batch` run without a display or Qt's platform plugins.
"""

from __future__ import annotations

import atexit
import datetime as dt
import json
import re
import shutil
import threading
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import typst

from wizard import house_style
from wizard.core.advice import Advice
from wizard.core.dates import as_date
from wizard.core.errors import InputError
from wizard.documents.context import document_context
from wizard.documents.coverage import substitute
from wizard.documents.decoration import author, decoration, pdf_title
from wizard.documents.fonts import family_chain, font_dirs
from wizard.documents.html import clean_text
from wizard.documents.style import HouseStyle
from wizard.documents.transaction import private_folder
from wizard.documents.typst_source import LIBRARY, render_source
from wizard.paths import templates_dir

PDF_STANDARDS = ["a-2a", "ua-1"]
MAIN = "main.typ"
# Characters PDF/A forbids in a text although they are fine elsewhere (U+FEFF, the byte order
# mark, is an invisible zero-width no-break space in a text).
_NOT_IN_PDF = str.maketrans("", "", "\ufeff")
# Every character for which the library's `emoji-font` (templates/adviesgesprek.typ) may be
# used: its `covers` (Emoji_Presentation, Emoji_Modifier, Regional_Indicator and the joiners
# of a sequence), with all of U+1F000 and beyond for good measure. A document without any of
# them is set without the colour emoji font in its font list: it would not be used, but Typst
# would load that large font and try it first for every piece of text (the pages are the
# same either way). tests/documents/test_templates.py checks this set against Unicode's.
_EMOJI = re.compile(
    "[\u200d\u20e3\ufe0f\u231a\u231b\u23e9-\u23ec\u23f0\u23f3\u25fd\u25fe\u2614\u2615"
    "\u2648-\u2653\u267f\u2693\u26a1\u26aa\u26ab\u26bd\u26be\u26c4\u26c5\u26ce\u26d4"
    "\u26ea\u26f2\u26f3\u26f5\u26fa\u26fd\u2705\u270a\u270b\u2728\u274c\u274e"
    "\u2753-\u2755\u2757\u2795-\u2797\u27b0\u27bf\u2b1b\u2b1c\u2b50\u2b55"
    "\U0001f000-\U0010ffff]"
)


def needs_emoji(source: str, values: list[str | list[str]]) -> bool:
    """Whether the document (its source's own text or any value) has a character the colour
    emoji font may be used for."""
    texts = (value if isinstance(value, str) else "".join(value) for value in values)
    return bool(_EMOJI.search(source) or _EMOJI.search("\n".join(texts)))


@dataclass
class Prepared:
    """One document, ready for Typst: its source, its values and how to typeset them."""

    kind: str
    template: str
    source: str
    values: list[str | list[str]]
    fonts: list[str]
    timestamp: dt.datetime | None
    font_dirs: tuple[Path, ...]
    emoji: bool = True  # whether the colour emoji font is in the font list (`needs_emoji`)

    def inputs(self) -> dict[str, str]:
        settings = {"fonts": self.fonts, "style": house_style.as_data(), "emoji": self.emoji}
        return {
            "data": json.dumps(self.values, ensure_ascii=False),
            "settings": json.dumps(settings),
        }

    def files(self) -> dict[str, bytes]:
        return {MAIN: self.source.encode("utf-8"), LIBRARY: _library()}


@cache
def _library() -> bytes:
    return (templates_dir() / LIBRARY).read_bytes()


def page_values(kind: str, advice: Advice, style: HouseStyle) -> dict[str, str]:
    """What the template's page frame (`frame` in macros.typ.j2) shows: the file's title and
    author, the header, the footer and the CONCEPT mark. Added to the document context as
    `page`, beside what `document_context` gives."""
    marks = decoration(kind, advice, style)
    return {
        "pdf_title": pdf_title(kind, advice, style),
        "author": author(advice),
        "title": marks.title,
        "minister": marks.minister,
        "footer": marks.footer,
        "number": marks.page_pattern,
        "concept_label": marks.concept_label,
        "watermark": marks.watermark,
    }


def timestamp(advice: Advice) -> dt.datetime:
    """The PDF's date: the day of the conversation (today when it has none), at midnight UTC."""
    day = as_date(advice.conversation.date) or dt.date.today()
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)


# A text this short is made fit for the PDF once per process: the same labels, rulebook texts
# and statements come back in every document and every conversation of a batch.
FIT_CACHED = 400


def _fit(text: str, folders: tuple[Path, ...]) -> str:
    """A value as the PDF can hold it: without the characters no document can hold, in NFC (a
    letter and its accent typed apart, e + U+0301, become the one letter é: the same text by
    Unicode's rules, drawn with one glyph; see `pdf_text` in the README), and with what the
    fonts cannot draw replaced."""
    text = unicodedata.normalize("NFC", clean_text(text).translate(_NOT_IN_PDF))
    return substitute(text, folders)


@lru_cache(maxsize=8192)
def _fit_cached(text: str, folders: tuple[Path, ...]) -> str:
    return _fit(text, folders)


def prepare(kind: str, advice: Advice, style: HouseStyle) -> Prepared:
    """Render the Typst template of `kind` with its values (no Typst yet)."""
    context = document_context(kind, advice, style)
    context["page"] = page_values(kind, advice, style)
    return prepare_template(kind, context, style, timestamp(advice))


def prepare_template(
    kind: str, context: dict[str, Any], style: HouseStyle, stamp: dt.datetime | None
) -> Prepared:
    """Render the Typst template `{kind}.typ.j2` with `context` (which holds `page`, the page
    frame's values); `stamp` is the PDF's date."""
    folders = font_dirs(style)

    def fit(text: str) -> str:
        if len(text) <= FIT_CACHED:
            return _fit_cached(text, folders)
        return _fit(text, folders)

    template = f"{kind}.typ.j2"
    source, values = render_source(template, context, style, fit)
    return Prepared(
        kind=kind,
        template=template,
        source=source,
        values=values,
        fonts=family_chain(style),
        timestamp=stamp,
        font_dirs=folders,
        emoji=needs_emoji(source, values),
    )


# --- Typst ----------------------------------------------------------------------------------


@cache
def _private_folder() -> Path:
    """An empty folder of this process only: Typst's project root and package folders. Named
    with the process's id, so that the next process removes it when this one was killed
    (`transaction.private_folder`)."""
    folder = private_folder()
    for name in ("root", "packages", "cache"):
        (folder / name).mkdir()
    atexit.register(shutil.rmtree, folder, True)
    return folder


@cache
def _fonts(folders: tuple[Path, ...]) -> Any:
    return typst.Fonts(
        include_system_fonts=False,
        include_embedded_fonts=False,
        font_paths=[str(folder) for folder in folders],
    )


_compilers = threading.local()


def _compiler(folders: tuple[Path, ...]) -> Any:
    """One Typst compiler per thread and set of fonts: a compiler is not shared between
    threads, and a compiler used again reuses what it laid out before (much faster)."""
    cache_ = getattr(_compilers, "by_fonts", None)
    if cache_ is None:
        cache_ = _compilers.by_fonts = {}
    if folders not in cache_:
        private = _private_folder()
        cache_[folders] = typst.Compiler(
            root=str(private / "root"),
            font_paths=_fonts(folders),
            ignore_system_fonts=True,
            package_path=str(private / "packages"),
            package_cache_path=str(private / "cache"),
        )
    return cache_[folders]


# What typst-py does at the end of every compile: `comemo::evict(10)`, which forgets what
# Typst laid out (its memo cache) once it went unused for ten compiles. In a batch that is the
# pages of the last five conversations, which no other conversation uses again, so a batch
# would hold far more memory than one `render`. Compiling an empty document to HTML does
# nothing else but that evict, so `forget_layouts` ages the cache by as many compiles; what
# the next document uses (the library, the fonts' shaping) is used again at once and so kept
# (bench/ has the figures).
FORGET_AFTER = 10


def forget_layouts(compiles: int = FORGET_AFTER) -> None:
    """Let Typst forget the layouts of the documents made so far in this process (not used by
    a preview, which is made again from nearly the same pages)."""
    empty = getattr(_compilers, "empty", None)
    if empty is None:
        empty = _compilers.empty = typst.Compiler(
            root=str(_private_folder() / "root"), font_paths=_fonts(()), ignore_system_fonts=True
        )
    for _ in range(compiles):
        empty.compile(input=b"", format="html")


def _typeset(prepared: Prepared, **options: Any) -> Any:
    try:
        result, warnings = _compiler(prepared.font_dirs).compile_with_warnings(
            input=prepared.files(), sys_inputs=prepared.inputs(), **options
        )
    except typst.TypstError as error:
        raise InputError(
            f"het sjabloon '{prepared.template}' kan niet worden opgemaakt "
            f"(Typst: {error.message or error})"
        ) from None
    if warnings:
        messages = "; ".join(warning.message for warning in warnings[:3])
        raise InputError(
            f"het sjabloon '{prepared.template}' geeft bij het opmaken een "
            f"waarschuwing (Typst: {messages})"
        )
    return result


def typeset_pdf(prepared: Prepared) -> bytes:
    """The PDF (PDF/A-2a and PDF/UA-1, tagged) of a prepared document."""
    return _typeset(
        prepared, format="pdf", pdf_standards=PDF_STANDARDS, timestamp=prepared.timestamp
    )


def typeset_pages(prepared: Prepared, ppi: float) -> list[bytes]:
    """Every page of a prepared document as a PNG image at `ppi` pixels per inch."""
    result = _typeset(prepared, format="png", ppi=ppi)
    return result if isinstance(result, list) else [result]


def pdf_bytes(kind: str, advice: Advice, style: HouseStyle) -> bytes:
    """The PDF of the document `kind`."""
    return typeset_pdf(prepare(kind, advice, style))


def page_images(kind: str, advice: Advice, style: HouseStyle, ppi: float) -> list[bytes]:
    """Every page of the document `kind` as a PNG image at `ppi` pixels per inch."""
    return typeset_pages(prepare(kind, advice, style), ppi)


def document_pages(
    advice: Advice,
    style: HouseStyle,
    kinds: Sequence[str],
    ppi: float,
    cancelled: Callable[[], bool] = lambda: False,
) -> list[bytes]:
    """Every page of the documents `kinds`, one after another, as PNG images at `ppi` (the
    preview and the print: `wizard.documents.page_process`). `cancelled` is asked between the
    documents."""
    pages: list[bytes] = []
    for kind in kinds:
        if cancelled():
            break
        pages += page_images(kind, advice, style, ppi)
    return pages
