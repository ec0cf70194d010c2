"""Places where a line may break inside a long run of characters without a space.

Typst breaks lines at spaces and, with hyphenation, inside words it knows; a pasted link or a
name of 100,000 letters without a space would run off the page. Such a run reaches Typst as a
list of pieces, and the template joins them with a zero-width box: a place to break that adds
nothing to the text (no zero-width space in the PDF's text layer).
"""

from __future__ import annotations

import re
import unicodedata

_LONG_RUN = re.compile(r"\S{30,}")
PIECE = 20  # characters of a long run between two places where a line may break
_JOINS_BEFORE = re.compile(
    "[\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a"
    "\u064b-\u065f\u0670\u06d6-\u06ed\u200c\u200d\u20d0-\u20ff"
    "\ufe00-\ufe0f\ufe20-\ufe2f\U0001f3fb-\U0001f3ff"
    "\U000e0020-\U000e007f\U000e0100-\U000e01ef]"
)


def _may_break_before(text: str, index: int) -> bool:
    """Whether a line may break between text[index - 1] and text[index] without cutting a
    letter from its marks or an emoji sequence apart (a simple, safe subset of Unicode's
    grapheme rules: never before a mark, joiner, selector or skin tone, never after a joiner,
    never inside a flag)."""
    char, before = text[index], text[index - 1]
    return not (
        _JOINS_BEFORE.match(char)
        or before == "\u200d"
        or _inside_flag(text, index)
        or unicodedata.category(char) in ("Mn", "Mc", "Me")
    )


def _regional(char: str) -> bool:
    return "\U0001f1e6" <= char <= "\U0001f1ff"


def _inside_flag(text: str, index: int) -> bool:
    """Whether text[index] is the second letter of a flag (flags are pairs of regional
    indicator letters: 🇳🇱 is N L)."""
    if not (_regional(text[index]) and _regional(text[index - 1])):
        return False
    count = 0
    while index - 1 - count >= 0 and _regional(text[index - 1 - count]):
        count += 1
    return count % 2 == 1


def pieces(text: str) -> str | list[str]:
    """The text as it is, or, when it has a run of 30 or more characters without a space, as
    pieces of about 20 characters in such runs, between which the page may break a line (the
    template joins them with a zero-width box: nothing is added to the text)."""
    if len(text) < 30 or not _LONG_RUN.search(text):
        return text
    parts: list[str] = []
    start = 0
    for match in _LONG_RUN.finditer(text):
        cut = match.start()
        while match.end() - cut > PIECE:
            end = cut + PIECE
            while end < match.end() and not _may_break_before(text, end):
                end += 1
            if end >= match.end():
                break
            parts.append(text[start:end])
            start = cut = end
    parts.append(text[start:])
    return parts
