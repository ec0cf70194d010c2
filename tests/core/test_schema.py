"""Our own schema validator (wizard.core.schema) against the reference, the `jsonschema` package:
the same verdict on generated sessions and rulebooks, Dutch messages, and no keyword ignored."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wizard.core.rulebook import builtin_rulebook
from wizard.core.schema import check_schema, first_error, iter_errors, load_schema
from wizard.core.session import load_session
from wizard.core.yamlio import to_plain
from wizard.paths import resources_dir

EXAMPLES_FOLDER = Path(__file__).resolve().parents[2] / "examples"
SCHEMAS = resources_dir() / "schemas"
SESSION_SCHEMA = load_schema(SCHEMAS / "session.schema.json")
RULEBOOK_SCHEMA = load_schema(SCHEMAS / "rulebook.schema.json")


def _words(schema) -> list:
    """Every enum and const value in a schema: values that pass some checks and fail others."""
    found = []
    if isinstance(schema, dict):
        found += schema.get("enum", []) + ([schema["const"]] if "const" in schema else [])
        for value in schema.values():
            found += _words(value)
    elif isinstance(schema, list):
        for value in schema:
            found += _words(value)
    return found


def _paths(data, path=()) -> list[tuple]:
    """Every place in the data: the keys and positions that lead to it."""
    found = [path]
    if isinstance(data, dict):
        for key, value in data.items():
            found += _paths(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += _paths(value, (*path, index))
    return found


def _scalars(schema) -> st.SearchStrategy:
    return (
        st.none()
        | st.booleans()
        | st.sampled_from([0, 1, -1, 520, 521, 1.0, 1.5, 2**40])
        | st.sampled_from(["", "x", "X", "2026-01-01", "26-1-1", "a_b", "A b", "@handle"])
        | st.sampled_from(sorted({json.dumps(word) for word in _words(schema)})).map(json.loads)
        | st.text(max_size=8)
    )


def _values(schema) -> st.SearchStrategy:
    return st.recursive(
        _scalars(schema),
        lambda children: (
            st.lists(children, max_size=3)
            | st.dictionaries(
                st.text(max_size=6)
                | st.sampled_from(["use", "handle", "source", "text", "when", "id", "title"]),
                children,
                max_size=3,
            )
        ),
        max_leaves=8,
    )


def _mutate(data, place: tuple, how: str, value):
    """A copy of the data with the value at `place` replaced, removed, or given a new key."""
    changed = copy.deepcopy(data)
    if not place:
        return value if how == "replace" else changed
    parent = changed
    for part in place[:-1]:
        parent = parent[part]
    last = place[-1]
    if how == "replace":
        parent[last] = value
    elif how == "remove":
        del parent[last]
    elif isinstance(parent[last], dict):
        parent[last]["nieuw_veld"] = value
    elif isinstance(parent[last], list):
        parent[last].append(value)
    return changed


def _same_verdict(data, schema) -> None:
    ours = first_error(data, schema)
    reference = jsonschema.Draft202012Validator(schema).is_valid(data)
    assert (ours is None) == reference, (ours, data)


EXAMPLES = [
    load_session(path).data for path in sorted(EXAMPLES_FOLDER.glob("*.adviesgesprek.yaml"))
]
RULEBOOK = to_plain(builtin_rulebook().data)


@pytest.mark.slow
@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(data=st.data())
def test_the_same_verdict_as_jsonschema_on_changed_sessions(data):
    session = data.draw(st.sampled_from(EXAMPLES))
    for _ in range(data.draw(st.integers(1, 3))):
        place = data.draw(st.sampled_from(_paths(session)))
        how = data.draw(st.sampled_from(["replace", "remove", "add"]))
        session = _mutate(session, place, how, data.draw(_values(SESSION_SCHEMA)))
    _same_verdict(session, SESSION_SCHEMA)


SCALARS = [
    None,
    True,
    False,
    0,
    1,
    -1,
    520,
    521,
    1.0,
    1.5,
    "",
    "x",
    "X",
    "2026-01-01",
    "26-1-1",
    "a_b",
    "A b",
    [],
    {},
    ["x"],
    {"x": 1},
]


@pytest.mark.slow
def test_the_same_verdict_as_jsonschema_for_every_value_in_every_place_of_every_example():
    """Exhaustive where the generated test is thin: each place of each example session, replaced
    by each of the values that sit on a boundary of some check (and the schema's own words)."""
    words = sorted({json.dumps(word) for word in _words(SESSION_SCHEMA)})
    values = SCALARS + [json.loads(word) for word in words]
    reference = jsonschema.Draft202012Validator(SESSION_SCHEMA)
    compared = 0
    for session in EXAMPLES:
        for place in _paths(session)[1:]:
            for value in values:
                changed = _mutate(session, place, "replace", value)
                ours = first_error(changed, SESSION_SCHEMA)
                assert (ours is None) == reference.is_valid(changed), (place, value, ours)
                compared += 1
    assert compared > 5000


@pytest.mark.slow
@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(data=st.data())
def test_the_same_verdict_as_jsonschema_on_changed_rulebooks(data):
    places = _paths(RULEBOOK)
    rulebook = RULEBOOK
    for _ in range(data.draw(st.integers(1, 2))):
        place = data.draw(st.sampled_from(places))
        how = data.draw(st.sampled_from(["replace", "remove", "add"]))
        rulebook = _mutate(rulebook, place, how, data.draw(_values(RULEBOOK_SCHEMA)))
        places = _paths(rulebook)  # a replaced part may no longer have the places under it
    _same_verdict(rulebook, RULEBOOK_SCHEMA)


def test_the_examples_and_the_built_in_rulebook_are_valid_for_both():
    for session in EXAMPLES:
        _same_verdict(session, SESSION_SCHEMA)
        assert first_error(session, SESSION_SCHEMA) is None
    assert first_error(RULEBOOK, RULEBOOK_SCHEMA) is None
    _same_verdict(RULEBOOK, RULEBOOK_SCHEMA)


@pytest.mark.parametrize(
    "change, key, message",
    [
        ({"format": "adviesgesprek/9"}, "format", "moet 'adviesgesprek/1' zijn"),
        ({"conversation": {"date": "gisteren"}}, "conversation.date", "heeft niet de juiste vorm"),
        ({"conversation": {"date": 5}}, "conversation.date", "dit moet tekst of leeg zijn"),
        ({"variant": "half"}, "variant", "niet toegestaan (mogelijk: corporate"),
        ({"platforms": {"X": {}}}, "platforms.X", "de naam 'X' heeft niet de juiste vorm"),
        (
            {"departure": {"webcare_weeks": 521}},
            "departure.webcare_weeks",
            "niet groter zijn dan 520",
        ),
        (
            {"departure": {"webcare_weeks": -1}},
            "departure.webcare_weeks",
            "niet kleiner zijn dan 0",
        ),
        (
            {"departure": {"webcare_weeks": True}},
            "departure.webcare_weeks",
            "een geheel getal of leeg",
        ),
    ],
)
def test_dutch_messages_that_name_the_field(change, key, message):
    session = {"format": "adviesgesprek/1", **change}
    error = first_error(session, SESSION_SCHEMA)
    assert error is not None and error.key == key and message in error.message, error


def _with(change) -> dict:
    rulebook = copy.deepcopy(RULEBOOK)
    change(rulebook)
    return rulebook


@pytest.mark.parametrize(
    "change, key, keyword",
    [
        (lambda r: r["principles"][0].update(source=[]), "principles.0.source", "minItems"),
        (
            lambda r: r["text_checks"][0].update(forbid_any=["x"], require_any=["y"]),
            "text_checks.0",
            "oneOf",
        ),
        (
            lambda r: [r["text_checks"][0].pop(key, None) for key in ("forbid_any", "require_any")],
            "text_checks.0",
            "oneOf",
        ),
        (lambda r: r["clauses"][0].pop("section"), "clauses.0", "required"),
        (lambda r: r.update(platforms={}), "platforms", "minProperties"),
        (lambda r: r["principles"][0].update(text=""), "principles.0.text", "minLength"),
        (lambda r: r["variants"].update(half={}), "variants.half", "additionalProperties"),
        (
            lambda r: r["principles"][0].update(source=["nummer"]),
            "principles.0.source.0",
            "pattern",
        ),
    ],
)
def test_rulebook_errors_are_found_where_jsonschema_finds_them(change, key, keyword):
    rulebook = _with(change)
    error = first_error(rulebook, RULEBOOK_SCHEMA)
    assert error is not None and (error.key, error.keyword) == (key, keyword), error
    assert not jsonschema.Draft202012Validator(RULEBOOK_SCHEMA).is_valid(rulebook)


def test_every_error_message_is_dutch():
    """No English from a keyword without its own message."""
    broken = {
        "format": 1,
        "conversation": [],
        "variant": 3,
        "platforms": {"x": {"use": "ja"}},
        "departure": {"webcare_weeks": "veel"},
        "acknowledged": "x",
    }
    rulebook = copy.deepcopy(RULEBOOK)
    rulebook["text_checks"][0]["forbid_any"] = ["x"]
    rulebook["text_checks"][0]["require_any"] = ["y"]
    rulebook["clauses"][0].pop("section")
    rulebook["platforms"]["x"]["limits"] = {}
    errors = [
        *iter_errors(broken, SESSION_SCHEMA),
        *iter_errors(rulebook, RULEBOOK_SCHEMA),
        *iter_errors({}, RULEBOOK_SCHEMA),
    ]
    assert len(errors) >= 8
    english = (" is not", " valid", "required property", "should", " must ", "expected")
    for error in errors:
        assert not any(word in error.message for word in english), error.message


def test_a_schema_with_a_keyword_the_validator_does_not_know_is_refused():
    for schema in (
        {"type": "string", "format": "date"},
        {"properties": {"a": {"if": {"type": "string"}}}},
        {"items": {"uniqueItems": True}},
        {"anyOf": [{"maxLength": 3}]},
    ):
        with pytest.raises(ValueError, match="not supported"):
            check_schema(schema)
    with pytest.raises(ValueError, match="inside the schema"):
        first_error(1, {"$ref": "https://example.org/schema.json"})
