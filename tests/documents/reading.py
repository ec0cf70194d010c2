"""Reading the documents back as their readers do (issue 26): the text of an HTML export, the
agreement's signed part, the statement ids a text may hold, and the verantwoording's rules and
statements. Shared by the tests of the examples and of the grid."""

from __future__ import annotations

import html
import re

from wizard.core.advice import Advice

FIRST_ANNEX = '<h2 class="annex">'
# What a statement id looks like ("002-corporate-rijkslogo"): three digits, then words.
STATEMENT_ID = re.compile(r"\b\d{3}-[a-z][a-z0-9]*(?:-[a-z0-9]+)+\b")
# Words that tell a reader something is missing or assumed: only in a CONCEPT.
OPEN_WORDS = ("nog niet ingevuld", "aangenomen", "nog niet besproken", "in te vullen")
# Words about the program, not about the minister's accounts (whole words).
PROGRAM_WORDS = ("programma", "bestand", "sessie", "regelboek", "wachtwoord staat", "URL's?")
# Abbreviations and how the agreement explains them at their first use.
EXPLAINED = {
    "RVD": "Rijksvoorlichtingsdienst (RVD)",
    "RDDI": "Rijksprogramma voor Duurzaam Digitale Informatiehuishouding (RDDI)",
}
UNEXPLAINED = ("DC",)


def text_of(page: str) -> str:
    """The text a reader sees in an HTML page (its body), white space made single."""
    body = page.split("<body", 1)[-1]
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split())


def signed_html(page: str) -> str:
    """The signed part of the agreement's HTML: up to the first annex."""
    return page.split(FIRST_ANNEX)[0]


def without_concept_box(page: str) -> str:
    """An HTML page without its CONCEPT box (the open points of a concept, which name what is
    still to be done in the words of the findings)."""
    return re.sub(r'<table class="concept".*?</table>', "", page, flags=re.S)


def statement_ids(text: str, known: set[str]) -> set[str]:
    """The statement ids a text holds."""
    return {found for found in STATEMENT_ID.findall(text) if found in known}


def key_phrases(advice: Advice) -> list[str]:
    """Words each of which names one arrangement: the signed pages say each at most once."""
    phrases = [
        "geen partijpolitieke berichten",
        "rijkslogo",
        "geverifieerd",
        "archiefaccount",
        "tweestapsverificatie",
        "herkenbaar",
        "verantwoordelijk",
        "over naar uw opvolger",
        "geen toegang",
        "af en toe",
    ]
    if advice.minister.derived_party_hashtag:
        phrases.append(advice.minister.derived_party_hashtag)
    return phrases


def open_words(text: str) -> list[str]:
    """The words of something missing or assumed a text holds."""
    return [word for word in OPEN_WORDS if word in text.lower()]


def program_words(text: str) -> list[str]:
    """The words about the program a text holds."""
    return [word for word in PROGRAM_WORDS if re.search(rf"\b{word}\b", text, re.IGNORECASE)]


def repeated(text: str, phrases: list[str]) -> dict[str, int]:
    """The phrases a text says more than once, with how often."""
    lower = text.lower()
    counts = {phrase: lower.count(phrase.lower()) for phrase in phrases}
    return {phrase: count for phrase, count in counts.items() if count > 1}


def first_use_problems(text: str) -> list[str]:
    """Abbreviations the text uses before (or without) explaining them, and the ones it must not
    use at all."""
    problems = []
    for short, explained in EXPLAINED.items():
        first = re.search(rf"\b{short}\b", text)
        if first and text.find(explained) != first.start() - explained.index(short):
            problems.append(f"{short} before '{explained}'")
    problems += [word for word in UNEXPLAINED if re.search(rf"\b{word}\b", text)]
    return problems


# --- the verantwoording ------------------------------------------------------------------------

_RULE = re.compile(r'<p class="rule">(.*?)<span class="refs">(.*?)</span></p>', re.S)
_QUOTE = re.compile(r'<li id="bron-(\d+)"><span class="note">[^<]*</span> (.*?)</li>', re.S)


def verantwoording_rules(page: str) -> list[tuple[str, list[int]]]:
    """Every rule of a verantwoording's standalone HTML: its text as printed, and the numbers of
    the statements it rests on."""
    return [
        (text_of(body), [int(number) for number in re.findall(r'href="#bron-(\d+)"', refs)])
        for body, refs in _RULE.findall(page)
    ]


def verantwoording_quotes(page: str) -> dict[int, str]:
    """The statements of a verantwoording's standalone HTML by number, as quoted."""
    return {int(number): html.unescape(quote) for number, quote in _QUOTE.findall(page)}
