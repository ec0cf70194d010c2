"""Counts in words, with the right singular or plural ("1 fout", "2 fouten"), in the program's
language. One place, so that the side panel, the step list and the overview say it alike.
Also `esc`, the one HTML escape of the wizard's rich texts."""

from __future__ import annotations

import html
from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate


def esc(value: object) -> str:
    """A value as HTML text, quotes included."""
    return html.escape(str(value), quote=True)


def plural(count: int, one: str, many: str) -> str:
    """`one` or `many` (each with `{count}`), filled in."""
    return (one if count == 1 else many).format(count=count)


def errors_text(count: int) -> str:
    return plural(count, translate("Texts", "{count} fout"), translate("Texts", "{count} fouten"))


def warnings_text(count: int) -> str:
    return plural(
        count,
        translate("Texts", "{count} waarschuwing"),
        translate("Texts", "{count} waarschuwingen"),
    )


def todo_text(count: int) -> str:
    return plural(
        count,
        translate("Texts", "{count} veld nog in te vullen"),
        translate("Texts", "{count} velden nog in te vullen"),
    )


def counts_text(severities: Iterable[str]) -> str:
    """ "1 fout, 2 waarschuwingen, 1 veld nog in te vullen"; empty when there is nothing."""
    severities = list(severities)
    parts = []
    for severity, words in (
        ("error", errors_text),
        ("warning", warnings_text),
        ("todo", todo_text),
    ):
        count = severities.count(severity)
        if count:
            parts.append(words(count))
    return ", ".join(parts)
