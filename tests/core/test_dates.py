"""Dates as the advisor types them: the four patterns the wizard accepts, in their order."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from wizard.core.dates import parse_typed_date

PATTERNS = ("%d-%m-%Y", "%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y")


def strptime_date(text: str) -> str | None:
    """The first of the patterns that strptime reads (what the wizard accepts)."""
    text = text.strip()
    for pattern in PATTERNS:
        try:
            return dt.datetime.strptime(text, pattern).date().isoformat()
        except ValueError:
            continue
    return None


@pytest.mark.slow
def test_typed_dates_are_read_as_strptime_reads_them() -> None:
    parts = ("", "0", "1", "01", "9", "10", "12", "13", "29", "31", "32", "00", "123", "2026")
    parts += ("2024", "0999", "99999")
    separators = ("-", "/", ".", " ", "")
    checked = 0
    for first, second, third in itertools.product(parts, repeat=3):
        for one, two in itertools.product(separators, repeat=2):
            text = f"{first}{one}{second}{two}{third}"
            assert parse_typed_date(text) == strptime_date(text), text
            checked += 1
    assert checked > 50_000


def test_typed_dates_examples() -> None:
    assert parse_typed_date(" 29-02-2024 ") == "2024-02-29"
    assert parse_typed_date("2026-2-3") == "2026-02-03"
    assert parse_typed_date("3.2.2026") == "2026-02-03"
    assert parse_typed_date("29-02-2026") is None  # no 29 February in 2026
    assert parse_typed_date("32-13-2026") is None
    assert parse_typed_date("03-02/2026") is None  # one kind of separator in a date
    assert parse_typed_date("٣-٢-٢٠٢٦") is None  # Arabic-Indic digits: not a date we print
