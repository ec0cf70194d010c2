"""Text helpers: slugs, handles, names and the filling-in of the rulebook's text patterns.

Nothing here knows a rule: limits, patterns and wording come from the rulebook and are passed in.
"""

from __future__ import annotations

import re
import string
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import regex

# Letters that Unicode does not decompose into a base letter plus accent.
_TRANSLITERATE = str.maketrans(
    {
        "ß": "ss",
        "ø": "o",
        "Ø": "O",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "ł": "l",
        "Ł": "L",
        "đ": "d",
        "Đ": "D",
        "ð": "d",
        "Ð": "D",
        "þ": "th",
        "Þ": "Th",
        "ı": "i",
        "ĳ": "ij",
        "Ĳ": "IJ",
    }
)
_APOSTROPHES = "'’‘`´ʼ"


def ascii_fold(text: str) -> str:
    """Drop diacritics: 'Ünal Öztürk' -> 'Unal Ozturk'. Other non-ASCII characters are dropped."""
    text = unicodedata.normalize("NFKD", text.translate(_TRANSLITERATE))
    text = "".join(char for char in text if not unicodedata.combining(char))
    return text.encode("ascii", "ignore").decode("ascii")


def slug(name: str) -> str:
    """The Rijksoverheid.nl slug of a name: lowercase, hyphens, no diacritics or apostrophes.

    `Elanor Boekholt-O'Sullivan` -> `elanor-boekholt-osullivan`; tussenvoegsels are kept.
    """
    text = ascii_fold("".join(char for char in name if char not in _APOSTROPHES)).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def words(text: str) -> list[str]:
    return [word for word in re.split(r"[\s\-]+", ascii_fold(text)) if word]


def camel(text: str, stopwords: Iterable[str] = ()) -> str:
    """'Klimaat en Groene Groei' -> 'KlimaatGroeneGroei' (stop words left out)."""
    skip = {word.casefold() for word in stopwords}
    kept = [
        re.sub(r"[^A-Za-z0-9]", "", word) for word in words(text) if word.casefold() not in skip
    ]
    return "".join(word[:1].upper() + word[1:] for word in kept if word)


def initials(text: str, stopwords: Iterable[str] = ()) -> str:
    skip = {word.casefold() for word in stopwords}
    return "".join(
        word[0].upper() for word in words(text) if word.casefold() not in skip and word[0].isalnum()
    )


def name_initials(name: str) -> str:
    """The first letter of every word of a name, as written, so that a tussenvoegsel stays
    lowercase: 'Jaimi van Essen' -> 'JvE', 'Ömer El Idrissi' -> 'OEI'."""
    return "".join(word[0] for word in words(name) if word[0].isalnum())


# Line and paragraph separators and the other control characters (tab, NEL U+0085 among them):
# none belongs in a text that is one line by its nature.
_NOT_ONE_LINE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def breaks_line(text: str) -> bool:
    """Whether the text holds a line break, a paragraph separator or another control
    character."""
    return _NOT_ONE_LINE.search(text) is not None


def one_line(value: Any) -> str:
    """A value as one line of text: every line break, separator and control character a
    space, runs of spaces one, no spaces around it."""
    text = "" if value is None else str(value)
    return " ".join(_NOT_ONE_LINE.sub(" ", text).split())


def split_name(full_name: str) -> tuple[str, str]:
    """First name and the rest (the surname with its tussenvoegsel): 'Jaimi van Essen' ->
    ('Jaimi', 'van Essen')."""
    parts = full_name.split()
    if not parts:
        return "", ""
    return parts[0], " ".join(parts[1:])


# Explicit directional formatting characters: embeddings and overrides (closed by U+202C POP
# DIRECTIONAL FORMATTING) and isolates (closed by U+2069 POP DIRECTIONAL ISOLATE).
_BIDI_OPENERS = {
    "\u202a": "\u202c",
    "\u202b": "\u202c",
    "\u202d": "\u202c",
    "\u202e": "\u202c",
    "\u2066": "\u2069",
    "\u2067": "\u2069",
    "\u2068": "\u2069",
}
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def close_bidi(text: str) -> str:
    """The text with every right-to-left (or left-to-right) override, embedding and isolate it
    opens closed at its end, so that, put into a sentence, it cannot turn the rest of the
    sentence around (a name ending in U+202E would otherwise show "..., retsiniM").
    Text without such characters is returned as it is."""
    if not _BIDI_CONTROLS.search(text):
        return text
    open_stack: list[str] = []
    for char in text:
        if char in _BIDI_OPENERS:
            open_stack.append(_BIDI_OPENERS[char])
        elif char == "\u202c" and open_stack and open_stack[-1] == "\u202c":
            open_stack.pop()
        elif char == "\u2069" and "\u2069" in open_stack:
            while open_stack.pop() != "\u2069":  # an isolate also closes what it holds
                pass
    return text + "".join(reversed(open_stack))


def fill(pattern: str, values: Mapping[str, Any]) -> str:
    """Fill a rulebook pattern's {placeholders}; unknown ones become empty.

    Only the pattern's own braces are read: the values are inserted as they are, so text from the
    session is never interpreted (a name with '{' in it stays literal); a value that opens a
    right-to-left override gets it closed (`close_bidi`), so it cannot turn the pattern's own
    words around.
    """
    try:
        parts = list(string.Formatter().parse(pattern))
    except ValueError:  # unbalanced braces: the rulebook check refuses these, be safe anyway
        return pattern
    out = []
    for literal, name, _spec, _conversion in parts:
        out.append(literal)
        if name is not None:
            value = values.get(name, "")
            out.append("" if value is None else close_bidi(str(value)))
    return "".join(out)


def pattern_problem(pattern: str) -> str | None:
    """Why a rulebook text cannot be filled in (unbalanced braces), or None."""
    try:
        list(string.Formatter().parse(pattern))
    except ValueError as error:
        return str(error)
    return None


def keep_charset(text: str, charset: str) -> str:
    """Only the characters of a regex character class body, e.g. 'A-Za-z0-9_'."""
    return re.sub(f"[^{charset}]", "", ascii_fold(text))


def transform_handle(text: str, transform: str) -> str:
    return text.lower() if transform == "lower" else text


@dataclass(frozen=True)
class HandleProblem:
    message: str
    confirmed: bool
    source: str
    as_of: str
    checked: bool = True  # False: the rule's pattern took too long to be checked


# How long one handle rule's pattern may take on one handle. A department's overlay brings its
# own patterns; one that backtracks without end (`(a+)+$`) must not make the program hang.
PATTERN_TIMEOUT = 0.05


class PatternTooSlow(Exception):
    """A rulebook pattern did not finish within PATTERN_TIMEOUT."""


def rule_matches(pattern: str, handle: str, *, whole: bool) -> bool:
    """Whether a rulebook pattern matches the handle (all of it, or anywhere in it)."""
    try:
        if whole:
            return regex.fullmatch(pattern, handle, timeout=PATTERN_TIMEOUT) is not None
        return regex.search(pattern, handle, timeout=PATTERN_TIMEOUT) is not None
    except TimeoutError:
        raise PatternTooSlow(pattern) from None


def _breaks(rule: Mapping[str, Any], handle: str) -> bool:
    return (
        ("min_length" in rule and len(handle) < rule["min_length"])
        or ("max_length" in rule and len(handle) > rule["max_length"])
        or ("pattern" in rule and not rule_matches(rule["pattern"], handle, whole=True))
        or ("forbid_pattern" in rule and rule_matches(rule["forbid_pattern"], handle, whole=False))
    )


def handle_problems(handle: str, rules: Iterable[Mapping[str, Any]]) -> list[HandleProblem]:
    """Which of the platform's handle rules (rulebook facts) a handle breaks. A rule whose
    pattern takes too long counts as broken and not checked (never confirmed)."""
    problems = []
    for rule in rules:
        try:
            broken, checked = _breaks(rule, handle), True
        except PatternTooSlow:
            broken, checked = True, False
        if broken:
            problems.append(
                HandleProblem(
                    rule.get("message", "voldoet niet aan de regels"),
                    bool(rule.get("confirmed")) and checked,
                    str(rule.get("source", "")),
                    str(rule.get("as_of", "")),
                    checked,
                )
            )
    return problems


def first_fitting(candidates: Iterable[str], fits) -> str | None:  # noqa: ANN001
    """The first candidate for which `fits(candidate)` holds."""
    for candidate in candidates:
        if candidate and fits(candidate):
            return candidate
    return None


def contains_phrase(text: str, phrase: str, *, whole_word: bool) -> bool:
    """Case-insensitive search; with whole_word, the phrase may not be part of a longer word."""
    haystack, needle = text.casefold(), phrase.casefold().strip()
    if not needle:
        return False
    if not whole_word:
        return needle in haystack
    pattern = rf"(?<![\w#@]){re.escape(needle)}(?!\w)"
    return re.search(pattern, haystack) is not None
