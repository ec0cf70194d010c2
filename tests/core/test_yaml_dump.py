"""The YAML the program writes (sessions, autosaves, configurations): libyaml's emitter where
PyYAML has it, PyYAML's own for what libyaml cannot write; read back, always the same data."""

from __future__ import annotations

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import EXAMPLES
from wizard.core import yamlio
from wizard.core.session import load_session

TEXTS = st.text(alphabet=st.characters(codec=None), max_size=60)  # surrogates too
VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | TEXTS | st.dates(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(TEXTS, inner, max_size=3),
    max_leaves=8,
)


@settings(max_examples=500, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.dictionaries(TEXTS, VALUES, max_size=4))
def test_what_is_written_reads_back_the_same(data):
    assert yaml.load(yamlio.dump_yaml(data), Loader=yaml.SafeLoader) == data


def test_every_example_reads_back_the_same():
    for path in sorted(EXAMPLES.glob("*.yaml")):
        data = load_session(path).data
        assert yaml.load(yamlio.dump_yaml(data), Loader=yaml.SafeLoader) == data, path.name


def test_a_lone_surrogate_is_written_by_pyyamls_emitter():
    data = {"minister": {"name": "Rob \ud800 Jetten"}}
    assert '"Rob \\uD800 Jetten"' in yamlio.dump_yaml(data)
