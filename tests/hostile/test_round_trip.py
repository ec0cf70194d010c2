"""What is saved is what comes back: any text (every Unicode character, lone surrogates and
control characters included) in any text field, and any session the loader accepts, survive a
save and a load unchanged. (A NEL, LS or PS in a multi-line text came back as a plain line
break before: the YAML writer put them in a block scalar, where YAML turns them into \\n.)"""

from __future__ import annotations

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.core.test_hostile import BASE, _set, documents
from tests.core.test_hostile import FIELDS as CORE_FIELDS
from tests.hostile.corpus import FIELDS, NASTY, base_session
from wizard.core.errors import InputError
from wizard.core.session import load_session, parse_session, save_session

pytestmark = pytest.mark.slow  # a corpus or a whole walk: .ci/run runs it (docs/testing.md)

ANY_TEXT = st.text(st.characters(blacklist_categories=()), max_size=80)
BREAKS = st.lists(
    st.sampled_from(
        [
            "\n",
            "\r",
            "\r\n",
            "\x85",
            "\u2028",
            "\u2029",
            " ",
            "\t",
            "a",
            "#",
            ":",
            "-",
            "'",
            '"',
            "\\",
            "\x00",
            "\ufeff",
        ]
    ),
    max_size=30,
).map("".join)


def _again(session):
    return parse_session(session.to_yaml())


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(field=st.sampled_from(FIELDS), value=ANY_TEXT | BREAKS)
def test_any_text_in_any_field_comes_back_unchanged(field, value):
    session = base_session("hybrid")
    session.set(field, value)
    assert _again(session).get(field) == value


def test_every_corpus_string_comes_back_unchanged_from_a_file(tmp_path):
    for name, value in NASTY.items():
        session = base_session("hybrid")
        for field in ("conversation.notes", "minister.name", "platforms.x.bio"):
            session.set(field, value)
        path = tmp_path / f"{name}.adviesgesprek.yaml"
        save_session(session, path)
        assert load_session(path).data == session.data, name


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(path=st.sampled_from(CORE_FIELDS), value=documents)
def test_a_session_that_loads_saves_and_loads_to_the_same_data(path, value):
    import copy

    data = _set(copy.deepcopy(BASE), path, value)
    try:
        session = parse_session(yaml.safe_dump(data, allow_unicode=True))
    except InputError:
        return
    assert _again(session).data == session.data
