"""Dates, read and shown in one place: the session keeps ISO text (2026-02-20); the wizard shows
20-02-2026, the documents 20 februari 2026 (with the month names of templates/documents.yaml).

Only the standard library is imported: the start page shows dates before anything else is
loaded.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any


def as_date(value: Any) -> dt.date | None:
    """The date in a date, a datetime or ISO text ('2026-02-20'); None for anything else."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value or "").strip())
    except ValueError:
        return None


# What an advisor types: dd-mm-jjjj with -, / or . (one kind in a date), or jjjj-mm-dd.
_TYPED = ("%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y", "%Y-%m-%d")


def parse_typed_date(text: str) -> str | None:
    """A date typed as dd-mm-jjjj (or jjjj-mm-dd) as ISO text; None when it is not a date (also
    for digits other than 0-9, which strptime would take)."""
    text = text.strip()
    if not text.isascii():
        return None
    for pattern in _TYPED:
        try:
            return dt.datetime.strptime(text, pattern).date().isoformat()
        except ValueError:
            continue
    return None


def format_date(value: Any, months: Sequence[str] | None = None) -> str:
    """A date as the program shows it: '20-02-2026', or with `months` (the twelve names)
    '20 februari 2026'. What is not a date is shown as it is ('' for nothing)."""
    day = as_date(value)
    if day is None:
        return "" if value is None else str(value)
    if months is None:
        return day.strftime("%d-%m-%Y")
    return f"{day.day} {months[day.month - 1]} {day.year}"
