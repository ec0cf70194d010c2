"""Hostile input for the core: arbitrary YAML documents and values in every field give either a
valid session (that the engine can always advise on) or a clear InputError, never another
exception. The same for the overlay rulebook."""

from __future__ import annotations

import resource
import time

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wizard.core.engine import advise
from wizard.core.errors import InputError
from wizard.core.rulebook import load_rulebook
from wizard.core.session import parse_session

NASTY = [
    "<b>x</b> {{ 7*7 }} {% raw %}",
    "%s {0} %(name)s",
    "\u202eevil\u202c",
    "e\u0301\u0301\u0301",
    "😀👩‍👩‍👧",
    "\x07\x1b[31m",
    "'; DROP TABLE",
    "${HOME}",
    "\t\r\n",
    "ﷺ",
    "A" * 5000,
]
scalars = (
    st.none()
    | st.booleans()
    | st.integers(-(10**12), 10**12)
    | st.floats(allow_nan=True)
    | st.text(max_size=60)
    | st.sampled_from(NASTY)
)
documents = st.recursive(
    scalars,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=5)
    ),
    max_leaves=25,
)

FIELDS = [
    "conversation.date",
    "conversation.advisor",
    "conversation.notes",
    "conversation.cabinet_change",
    "conversation.place",
    "minister.name",
    "minister.office",
    "minister.ministry",
    "minister.post",
    "minister.party",
    "minister.party_hashtag",
    "minister.sworn_in",
    "variant",
    "personal_account",
    "motivation",
    "acknowledged",
    "election_period",
    "platforms",
    "platforms.x",
    "platforms.x.use",
    "platforms.x.account",
    "platforms.x.handle",
    "platforms.x.bio",
    "platforms.x.display_name",
    "platforms.x.link",
    "platforms.x.followers",
    "platforms.instagram.archive_account",
    "platforms.linkedin.form",
    "platforms.facebook.form",
    "platforms.facebook.ministry_account",
    "predecessor",
    "predecessor.name",
    "predecessor.variant",
    "predecessor.archiving_arranged",
    "webcare",
    "webcare.standby",
    "access.minister_access",
    "departure.account",
    "departure.webcare_weeks",
    "departure.two_factor",
]

BASE = {
    "format": "adviesgesprek/1",
    "minister": {
        "name": "Rob Jetten",
        "office": "minister_president",
        "ministry": "AZ",
        "party": "D66",
    },
    "variant": "corporate",
    "platforms": {
        "x": {"use": True},
        "instagram": {"use": True},
        "linkedin": {"use": True},
        "facebook": {"use": True},
    },
    "predecessor": {"name": "Dick Schoof", "variant": "corporate", "archiving_arranged": True},
}


def _set(data: dict, path: str, value) -> dict:
    parts = path.split(".")
    target = data
    for part in parts[:-1]:
        if not isinstance(target.get(part), dict):
            target[part] = {}
        target = target[part]
    target[parts[-1]] = value
    return data


def _load_or_refuse(text: str):
    try:
        return parse_session(text, file="fuzz.adviesgesprek.yaml")
    except InputError as error:
        assert error.message and "Traceback" not in str(error)
        return None


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(document=documents)
def test_arbitrary_yaml_documents_load_or_are_refused(document, rulebook):
    session = _load_or_refuse(yaml.safe_dump(document, allow_unicode=True))
    if session is not None:
        advise(session, rulebook)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_text_loads_or_is_refused(text):
    _load_or_refuse(text)


@pytest.mark.slow
@settings(max_examples=600, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(path=st.sampled_from(FIELDS), value=documents)
def test_arbitrary_value_in_every_field(path, value, rulebook):
    import copy

    data = _set(copy.deepcopy(BASE), path, value)
    session = _load_or_refuse(yaml.safe_dump(data, allow_unicode=True))
    if session is not None:
        advice = advise(session, rulebook)
        assert advice.configuration["format"] == "platformconfiguratie/1"


@settings(max_examples=200, deadline=None)
@given(path=st.sampled_from(FIELDS), value=st.sampled_from(NASTY) | st.text(max_size=200))
def test_nasty_text_in_every_field_is_kept_literally(path, value, rulebook):
    import copy

    data = _set(copy.deepcopy(BASE), path, value)
    session = _load_or_refuse(yaml.safe_dump(data, allow_unicode=True))
    if session is not None:
        advise(session, rulebook)
        if path == "minister.name":
            assert session.get("minister.name") == value or value is None


OVERLAY_KEYS = [
    "version",
    "date",
    "webcare",
    "webcare.hours",
    "platforms.x.limits.bio.max",
    "platforms.x.handle_rules",
    "ministries",
    "ministries.VWS.accounts",
    "checklist",
    "clauses",
    "variants.corporate.label",
    "findings",
    "configuration.rules",
    "patterns.party_hashtag.value",
    "comparison.rows",
    "parties",
    "parties.D66.aliases",
    "party_matching.token_max_length",
    "office_handle_patterns.minister",
    "handle_checks",
]


@pytest.mark.slow
@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(key=st.sampled_from(OVERLAY_KEYS), value=documents)
def test_arbitrary_overlay_loads_or_is_refused(tmp_path_factory, key, value):
    path = tmp_path_factory.mktemp("overlay") / "overlay.yaml"
    path.write_text(yaml.safe_dump(_set({}, key, value), allow_unicode=True), encoding="utf-8")
    try:
        rulebook = load_rulebook(path)
    except InputError as error:
        assert "overlay.yaml" in str(error)
        return
    session = parse_session(yaml.safe_dump(BASE))
    advise(session, rulebook)


def test_alias_bomb_and_deep_nesting_are_refused_fast_in_bounded_memory():
    levels = ["a0: &a0 [" + ", ".join(["x"] * 10) + "]"]
    for level in range(1, 30):
        refs = ", ".join([f"*a{level - 1}"] * 10)
        levels.append(f"a{level}: &a{level} [{refs}]")
    bomb = "format: adviesgesprek/1\n" + "\n".join(levels) + "\n"
    deep = "format: adviesgesprek/1\nx: " + "[" * 100_000 + "]" * 100_000 + "\n"
    deep_maps = "format: adviesgesprek/1\n" + "".join(" " * i + f"k{i}:\n" for i in range(3000))
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    for text in (bomb, deep, deep_maps):
        started = time.process_time()
        assert _load_or_refuse(text) is None
        assert time.process_time() - started < 5  # a bound against runaway work, not a timing
    grown_mib = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert grown_mib < 200
