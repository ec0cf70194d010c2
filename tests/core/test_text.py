"""Slugs, handles and text patterns (wizard.core.text), with property-based tests."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from wizard.core import text


def test_slug_examples_from_rijksoverheid():
    assert text.slug("Elanor Boekholt-O'Sullivan") == "elanor-boekholt-osullivan"
    assert text.slug("Mark Rutte") == "mark-rutte"
    assert text.slug("Eelco Heinen") == "eelco-heinen"
    assert text.slug("Jaimi van Essen") == "jaimi-van-essen"
    assert text.slug("Ünal Öztürk") == "unal-ozturk"
    assert text.slug("  Hanneke  ter   Horst ") == "hanneke-ter-horst"
    assert text.slug("Zoë d’Ancona") == "zoe-dancona"


@given(st.text(max_size=80))
def test_slug_is_lowercase_ascii_with_single_inner_hyphens(name):
    result = text.slug(name)
    assert re.fullmatch(r"([a-z0-9]+(-[a-z0-9]+)*)?", result)


@given(st.text(max_size=80))
def test_slug_is_idempotent(name):
    once = text.slug(name)
    assert text.slug(once) == once


@given(st.lists(st.from_regex(r"[A-Za-z]{1,10}", fullmatch=True), min_size=1, max_size=5))
def test_slug_keeps_every_word_of_a_plain_name(parts):
    assert text.slug(" ".join(parts)) == "-".join(part.lower() for part in parts)


X_RULES = [
    {"max_length": 15, "message": "hoogstens 15 tekens", "confirmed": True},
    {"pattern": "^[A-Za-z0-9_]*$", "message": "alleen letters, cijfers en _", "confirmed": True},
    {"min_length": 4, "message": "minstens 4", "confirmed": False},
]


def test_handle_problems_names_each_broken_rule():
    assert text.handle_problems("MinPres", X_RULES) == []
    messages = [problem.message for problem in text.handle_problems("Min Pres!", X_RULES)]
    assert messages == ["alleen letters, cijfers en _"]
    too_long = text.handle_problems("StasKlimaatGroeneGroei", X_RULES)
    assert [problem.confirmed for problem in too_long] == [True]
    short = text.handle_problems("abc", X_RULES)
    assert [problem.confirmed for problem in short] == [False]


@given(st.text(max_size=40))
def test_handle_validation_never_raises_and_agrees_with_the_rules(handle):
    problems = text.handle_problems(handle, X_RULES)
    valid = (
        len(handle) <= 15
        and re.fullmatch(r"[A-Za-z0-9_]*", handle) is not None
        and len(handle) >= 4
    )
    assert (not problems) == valid


@given(st.text(max_size=60))
def test_keep_charset_output_only_has_allowed_characters(value):
    assert re.fullmatch(r"[a-z0-9._]*", text.keep_charset(value, "a-z0-9._"))


def test_fill_never_interprets_values():
    assert (
        text.fill("{name} ({party})", {"name": "{{ 7*7 }} {party}", "party": "D66"})
        == "{{ 7*7 }} {party} (D66)"
    )
    assert text.fill("{unknown}!", {}) == "!"


def test_camel_and_initials_leave_out_stop_words():
    stop = ["en", "van"]
    assert text.camel("Klimaat en Groene Groei", stop) == "KlimaatGroeneGroei"
    assert text.initials("Klimaat en Groene Groei", stop) == "KGG"
    assert text.camel("Mijnbouw", stop) == "Mijnbouw"


def test_split_name_keeps_the_tussenvoegsel_with_the_surname():
    assert text.split_name("Jaimi van Essen") == ("Jaimi", "van Essen")
    assert text.split_name("Mark Rutte") == ("Mark", "Rutte")
    assert text.split_name("") == ("", "")


def test_contains_phrase_whole_words():
    assert text.contains_phrase("Steun van #TeamVVD", "#TeamVVD", whole_word=True)
    assert not text.contains_phrase("Sportief", "SP", whole_word=True)
    assert text.contains_phrase("Lid van de SP.", "SP", whole_word=True)
    assert text.contains_phrase("StasSPort", "sp", whole_word=False)
