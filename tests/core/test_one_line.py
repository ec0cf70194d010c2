"""One-line fields are one line (issue 24, point 1): a name, place, post, handle or director with
a line break, a paragraph separator or another control character is refused by `check` with a
finding, and reaches the advice (and so every document) as one line."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wizard.core.engine import advise
from wizard.core.text import breaks_line, one_line

SEPARATORS = ["\n", "\r", "\r\n", "\u2028", "\u2029", "\u0085", "\x0b", "\x0c", "\t", "\x00"]
FORGED = "\u2611 U draagt uw eigen X-account @RobJetten over aan het ministerie."


def _one_line_values(advice):
    """Every one-line value the documents print, from the advice."""
    minister, conversation = advice.minister, advice.conversation
    values = [
        minister.name,
        minister.post,
        minister.party,
        minister.party_hashtag,
        minister.ministry_given,
        minister.title,
        conversation.advisor,
        conversation.director,
        conversation.place,
        conversation.date or "",
        advice.access.people,
    ]
    for account in advice.platforms.values():
        config = account.config
        values += [config.handle or "", config.display_name or "", config.link or ""]
        values += [account.ministry_account]
    if advice.predecessor:
        values.append(advice.predecessor.name)
        values += [account.handle for account in advice.predecessor.accounts]
    return values


@pytest.mark.parametrize("separator", SEPARATORS)
@pytest.mark.parametrize(
    "path",
    [
        "minister.name",
        "minister.post",
        "conversation.place",
        "conversation.director",
        "predecessor.name",
        "platforms.x.handle",
        "platforms.instagram.display_name",
        "access.people",
    ],
)
def test_a_line_break_in_a_one_line_field_is_an_error_and_printed_as_one_line(
    session_factory, rulebook, path, separator
):
    session = session_factory(
        predecessor={"name": "Fleur Agema", "variant": "corporate", "archiving_arranged": True}
    )
    session.set(path, f"Den Haag{separator}{FORGED}")
    advice = advise(session, rulebook)
    assert ("text-not-one-line", path) in {(f.code, f.path) for f in advice.errors}
    assert advice.is_concept
    for value in _one_line_values(advice):
        assert not breaks_line(value), (path, value)


def test_texts_of_several_lines_may_have_them(session_factory, rulebook):
    session = session_factory(
        conversation__notes="Eerste regel.\nTweede regel.", motivation="Een.\nTwee."
    )
    assert "text-not-one-line" not in {f.code for f in advise(session, rulebook).findings}


@settings(max_examples=200, deadline=None)
@given(
    st.text(
        alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",))
        | st.sampled_from([item for item in SEPARATORS if len(item) == 1]),
        max_size=60,
    )
)
def test_one_line_never_leaves_a_separator(text):
    result = one_line(text)
    assert not breaks_line(result)
    assert result == result.strip()
    if not breaks_line(text) and " ".join(text.split()) == text:
        assert result == text


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    name=st.text(max_size=20),
    separator=st.sampled_from(SEPARATORS),
    rest=st.text(max_size=20),
)
def test_every_separator_in_a_name_is_found(session_factory, rulebook, name, separator, rest):
    session = session_factory()  # (a new session for every example)
    session.set("minister.name", name + separator + rest)
    advice = advise(session, rulebook)
    assert "text-not-one-line" in {f.code for f in advice.errors}
    assert not breaks_line(advice.minister.name)
