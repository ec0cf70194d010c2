"""Every rule shows where it comes from: `Rulebook.describe_source`, the one helper for the
command line, the wizard and the documents."""

from __future__ import annotations

import pytest

from wizard.core.engine import advise
from wizard.core.session import load_session

from ..conftest import EXAMPLES


def _assert_described(rulebook, ids):
    sources = rulebook.describe_source(ids)
    assert sources, "no source at all"
    for source in sources:
        assert source.known, source.id
        assert source.document in rulebook.data["seeds"].values()
        assert source.section and source.statement
        assert source.statement == rulebook.statements[source.id]["statement"]


@pytest.mark.parametrize(
    "example", sorted(EXAMPLES.glob("*.adviesgesprek.yaml")), ids=lambda path: path.name
)
def test_every_finding_of_the_examples_rests_on_statements(example, rulebook):
    advice = advise(load_session(example), rulebook)
    for finding in advice.findings:
        _assert_described(rulebook, finding.source)


def test_every_finding_code_of_the_catalogue_rests_on_statements(rulebook):
    for code, entry in rulebook.data["findings"].items():
        assert entry.get("source"), code
        _assert_described(rulebook, entry["source"])


def test_a_source_in_words(rulebook):
    (source,) = rulebook.describe_source(["002-table-webcare"])
    assert source.where == (
        "Bijlage 'Bewindspersonen op sociale media': praktische uitvoering "
        "en handleiding (juli 2024), In één oogopslag"
    )
    assert source.to_dict() == {
        "id": "002-table-webcare",
        "document": source.document,
        "section": "In één oogopslag",
        "statement": source.statement,
        "known": True,
    }


def test_an_unknown_statement_is_said_to_be_unknown(rulebook):
    (source,) = rulebook.describe_source(["bestaat-niet"])
    assert (source.id, source.known, source.where) == ("bestaat-niet", False, "")
