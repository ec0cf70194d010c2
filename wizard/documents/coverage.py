"""Which characters a set of font files can draw, read from their `cmap` tables.

Typst refuses to write a PDF/A file with a character that no font has a glyph for (a .notdef
glyph is not allowed). The documents show whatever the advisor typed, so before Typst sees a
text, every character the fonts cannot draw is replaced (see `substitute`). The cmaps are read
once per process, and only when a text holds a character outside the common ones (`COMMON`).
"""

from __future__ import annotations

import struct
import unicodedata
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import BinaryIO

FONT_SUFFIXES = (".ttf", ".otf", ".ttc", ".otc")
REPLACEMENT = "\ufffd"
# Characters that need no glyph: Typst shapes them away (joiners, direction marks, variation
# selectors, tags, soft hyphens) or lays them out (line and paragraph breaks, tab).
_NO_GLYPH_CATEGORIES = {"Cf", "Zl", "Zp"}
_LAYOUT_CONTROLS = set("\t\n\r\x85")
_VARIATION_SELECTORS = (range(0xFE00, 0xFE10), range(0xE0100, 0xE01F0))
# Characters every bundled font set draws (a test checks it): text made only of these, as most
# Dutch text is, needs no look at the fonts' tables. The en space and the figure space are the
# agreement's own (the numbered statements of its Bronnen annex): without them every agreement
# would read the cmaps of all the font files.
COMMON = frozenset(
    [
        *range(0x20, 0x7F),
        *range(0xA0, 0x180),
        0x2002,
        0x2007,
        *range(0x2013, 0x2015),
        *range(0x2018, 0x201F),
        0x2022,
        0x2026,
        0x20AC,
        0x2610,
        0x2611,
        0x2713,
    ]
)
_COMMON_CHARS = frozenset(map(chr, COMMON)) | _LAYOUT_CONTROLS


def _u16(data: bytes, offset: int) -> int:
    return struct.unpack_from(">H", data, offset)[0]


def _u32(data: bytes, offset: int) -> int:
    return struct.unpack_from(">I", data, offset)[0]


def _format4(data: bytes, start: int, found: set[int]) -> None:
    segments = _u16(data, start + 6) // 2
    arrays = struct.unpack_from(
        f">{segments}H2x{segments}H{segments}H{segments}H", data, start + 14
    )
    ends, firsts = arrays[:segments], arrays[segments : 2 * segments]
    deltas, offsets = arrays[2 * segments : 3 * segments], arrays[3 * segments :]
    for index in range(segments):
        first, last, delta = firsts[index], min(ends[index], 0xFFFE), deltas[index]
        if last < first:
            continue
        if offsets[index] == 0:
            found.update(code for code in range(first, last + 1) if (code + delta) & 0xFFFF)
            continue
        at = start + 16 + 6 * segments + 2 * index + offsets[index]  # &idRangeOffset[i] + it
        count = min(last - first + 1, max(0, (len(data) - at) // 2))
        glyphs = struct.unpack_from(f">{count}H", data, at)
        found.update(
            first + i for i, glyph in enumerate(glyphs) if glyph and (glyph + delta) & 0xFFFF
        )


def _format12(data: bytes, start: int, found: set[int], many_to_one: bool) -> None:
    groups = _u32(data, start + 12)
    for index in range(groups):
        first, last, glyph = struct.unpack_from(">III", data, start + 16 + 12 * index)
        last = min(last, 0x10FFFF)
        if many_to_one:
            if glyph:
                found.update(range(first, last + 1))
        else:
            found.update(range(first if glyph else first + 1, last + 1))


def _cmap(data: bytes, found: set[int]) -> None:
    """The Unicode subtables of a cmap table (`data` starts at the table)."""
    for index in range(_u16(data, 2)):
        platform, encoding, offset = struct.unpack_from(">HHI", data, 4 + 8 * index)
        if (platform, encoding) not in ((0, 3), (0, 4), (0, 6), (3, 1), (3, 10)):
            continue  # not a Unicode subtable (symbol fonts, old Mac encodings)
        kind = _u16(data, offset)
        if kind == 4:
            _format4(data, offset, found)
        elif kind in (12, 13):
            _format12(data, offset, found, many_to_one=kind == 13)


def _read(handle: BinaryIO, offset: int, size: int) -> bytes:
    handle.seek(offset)
    return handle.read(size)


def _cmap_tables(handle: BinaryIO) -> list[bytes]:
    """The cmap table of each font in the file (a collection holds several); only these bytes
    are read, not the whole file (the colour emoji font is large)."""
    head = _read(handle, 0, 12)
    offsets = [0]
    if head[:4] == b"ttcf":
        count = _u32(head, 8)
        offsets = list(struct.unpack(f">{count}I", _read(handle, 12, 4 * count)))
    tables = []
    for font in offsets:
        count = _u16(_read(handle, font + 4, 2), 0)
        directory = _read(handle, font + 12, 16 * count)
        for index in range(count):
            tag, _checksum, offset, length = struct.unpack_from(">4sIII", directory, 16 * index)
            if tag == b"cmap":
                tables.append(_read(handle, offset, length))
    return tables


@cache
def _file_coverage(path: str, size: int, modified: float) -> frozenset[int]:
    found: set[int] = set()
    try:
        with open(path, "rb") as handle:
            for table in _cmap_tables(handle):
                _cmap(table, found)
    except (OSError, struct.error):  # a damaged font file: what was read so far counts
        pass
    return frozenset(found)


def font_files(folders: Iterable[Path]) -> list[Path]:
    """The font files in the folders (not in their subfolders), in name order."""
    files: list[Path] = []
    for folder in folders:
        if folder.is_dir():
            files += sorted(
                path
                for path in folder.iterdir()
                if path.suffix.lower() in FONT_SUFFIXES and path.is_file()
            )
    return files


@cache
def coverage(folders: tuple[Path, ...]) -> frozenset[int]:
    """Every code point some font in the folders maps to a glyph."""
    covered: set[int] = set()
    for path in font_files(folders):
        stat = path.stat()
        covered |= _file_coverage(str(path), stat.st_size, stat.st_mtime)
    return frozenset(covered)


def _needs_no_glyph(char: str) -> bool:
    code = ord(char)
    return (
        char in _LAYOUT_CONTROLS
        or unicodedata.category(char) in _NO_GLYPH_CATEGORIES
        or any(code in selectors for selectors in _VARIATION_SELECTORS)
    )


def _replacement(char: str, covered: frozenset[int]) -> str:
    """What is shown for a character no font has: a space for a space; the compatibility form
    when the fonts have that (mathematical 𝔄 -> A, ligature ﬁ -> fi, full-width Ａ -> A); else
    U+FFFD, the replacement character, so the reader sees that something is missing."""
    if unicodedata.category(char) == "Zs":
        return " "
    compatible = unicodedata.normalize("NFKC", char)
    if compatible != char and all(ord(c) in covered or _needs_no_glyph(c) for c in compatible):
        return compatible
    return REPLACEMENT if ord(REPLACEMENT) in covered else "?"


def substitute(text: str, folders: tuple[Path, ...]) -> str:
    """`text` with every character the fonts in `folders` cannot draw replaced (see
    `_replacement`)."""
    if _COMMON_CHARS.issuperset(text):
        return text
    covered = coverage(folders)
    if all(ord(char) in covered for char in text):
        return text
    return "".join(
        char if ord(char) in covered or _needs_no_glyph(char) else _replacement(char, covered)
        for char in text
    )
