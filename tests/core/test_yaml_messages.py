"""A file that is no valid YAML gets a Dutch message with the line (issue 24, point 8): never
PyYAML's English ("expected <block end>"), and never a key or value of the file quoted (a
hand-edited key may hold a secret)."""

from __future__ import annotations

import re

import pytest

from wizard.core.errors import InputError
from wizard.core.yamlio import parse_yaml, yaml_problem

BROKEN = {
    "block end": "minister:\n  name: a\n naam: b\n",
    "colon": "minister: name: a\n",
    "no colon": "minister:\n  name\n  party: x\n",
    "list": "acknowledged: [a, b\n",
    "mapping": "minister: {name: a\n",
    "quote": 'minister: {name: "Piet}\n',
    "escape": 'name: "a\\qb"\n',
    "tab": "minister:\n\tname: a\n",
    "tag": "name: !onbekend a\n",
    "two documents": "a: 1\n---\nb: 2\n",
    "anchor twice": "a: &x 1\nb: &x 2\n",
    "duplicate": "ww Geheim123!: 1\nww Geheim123!: 2\n",
    "alias": "a: &wachtwoord 1\nb: *wachtwoord\n",
    "control": "a: \x07\n",
}
ENGLISH = re.compile(r"\b(expected|found|while|could not|not allowed|scanning|mapping|block)\b")


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_broken_yaml_is_told_in_dutch_with_the_line(name):
    with pytest.raises(InputError) as raised:
        parse_yaml(BROKEN[name], file="gesprek.adviesgesprek.yaml")
    message = str(raised.value)
    assert message.startswith("gesprek.adviesgesprek.yaml: regel "), message
    assert not ENGLISH.search(raised.value.message), message
    assert "Geheim123" not in message and "wachtwoord" not in message


def test_an_unknown_problem_is_still_dutch():
    assert yaml_problem("something new in PyYAML 7") == "de opbouw klopt hier niet"
