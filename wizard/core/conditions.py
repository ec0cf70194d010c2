"""`when` conditions of the rulebook: plain matches on session values, never code.

A condition is a mapping from a dotted key to what its value must be:

    when: {variant: [corporate, hybrid], predecessor: true, platform: [x]}

- a list matches when the value is one of its items;
- `true` matches any filled-in value (a non-empty text, a true flag, a present section);
- `false` matches an empty or absent value;
- any other scalar matches when the value equals it.

All keys must match. A key may start with `not ` to invert its match
(`not variant: [personal]`). An empty or absent condition always applies.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

_MISSING = object()


def lookup(data: Mapping[str, Any], dotted: str) -> Any:
    """The value at a dotted path, or None when any part of it is absent."""
    value: Any = data
    for part in dotted.split("."):
        if not isinstance(value, Mapping) or part not in value:
            return None
        value = value[part]
    return value


def is_filled(value: Any) -> bool:
    if value is None or value is False:
        return False
    if isinstance(value, str | list | dict | tuple | set):
        return len(value) > 0
    return True


def _matches_one(expected: Any, value: Any) -> bool:
    if expected is True:
        return is_filled(value)
    if expected is False:
        return not is_filled(value)
    if isinstance(expected, list):
        return any(_matches_one(item, value) for item in expected)
    return value == expected


def matches(condition: Mapping[str, Any] | None, context: Mapping[str, Any]) -> bool:
    """Whether every key of `condition` matches the context."""
    if not condition:
        return True
    for key, expected in condition.items():
        negate = key.startswith("not ")
        path = key[4:].strip() if negate else key
        result = _matches_one(expected, lookup(context, path))
        if result == negate:
            return False
    return True
