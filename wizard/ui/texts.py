"""Counts in words, with the right singular or plural ("1 fout", "2 fouten"), in the program's
language. One place, so that the side panel, the step list and the overview say it alike.
Also `esc`, the one HTML escape of the wizard's rich texts, numbers in the program's locale, and
the marks of the rulebook's texts: they stay Dutch when the program speaks English, and say so."""

from __future__ import annotations

import html
from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import QLabel, QWidget

translate = QCoreApplication.translate


def esc(value: object) -> str:
    """A value as HTML text, quotes included."""
    return html.escape(str(value), quote=True)


def number(value: int) -> str:
    """A whole number in the program's locale: "5.400" in Dutch, "5,400" in English."""
    return QLocale().toString(value)


def program_is_dutch() -> bool:
    """Whether the program speaks Dutch (the locale is set with the translation)."""
    return QLocale().language() == QLocale.Language.Dutch


def dutch_note() -> str:
    """What marks a rulebook text when the program speaks another language."""
    return translate("Texts", "Nederlandse tekst uit het regelboek")


def dutch_html(html: str) -> str:
    """Rulebook texts as one block marked Dutch (a lang attribute); when the program speaks
    English, with a note before the block."""
    if not html:
        return ""
    note = "" if program_is_dutch() else f"<p><i>{esc(dutch_note())}:</i></p>"
    return f'{note}<div lang="nl">{html}</div>'


def mark_dutch(widget: QWidget, dutch: bool = True) -> None:
    """A widget that shows a rulebook text: a screen reader hears that it is Dutch when the
    program speaks English. `dutch` False: the widget shows the program's words (again)."""
    _mark(widget, "lang", dutch)


def _mark(widget: QWidget, name: str, dutch: bool) -> None:
    """Set or clear a widget's mark (`name`: "lang" or "quotes") and the note that goes
    with it."""
    widget.setProperty(name, "nl" if dutch else None)
    if program_is_dutch():
        return
    if dutch:
        widget.setAccessibleDescription(dutch_note())
    elif widget.accessibleDescription() == dutch_note() and not quoted_note(widget):
        widget.setAccessibleDescription("")


def dutch_label(text: str, name: str) -> QLabel:
    """A rulebook text on a page of its own label, marked Dutch."""
    label = QLabel(text)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    mark_dutch(label)
    return label


OPEN_QUOTE, CLOSE_QUOTE = "\u201e", "\u201d"  # the Dutch quotes: „…”


def quoted_dutch(words: str, text: str) -> str:
    """The program's words, then a rulebook text. In Dutch one phrase ("Bron bij: Eigenaar");
    in another language the rulebook text in Dutch quotes after the program's words, with
    nothing after it ('Source of: „Eigenaar”'): each part in one language."""
    if not text or text == "—":
        return f"{words} —"
    return f"{words} {quoted(text)}"


def quoted(text: str) -> str:
    """A rulebook text alone among the program's words (an answer in the overview, a message
    under a field): in Dutch quotes when the program speaks another language. A text that
    already quotes one stays as it is."""
    if program_is_dutch() or OPEN_QUOTE in text:
        return text
    return f"{OPEN_QUOTE}{text}{CLOSE_QUOTE}"


def quotes_dutch(text: str) -> bool:
    """Whether a text quotes a rulebook text (made by `quoted_dutch`)."""
    return OPEN_QUOTE in text and not program_is_dutch()


def quoted_lines(lines: Iterable[tuple[str, str]]) -> str:
    """(words, rulebook text) pairs as `quoted_dutch` lines, one under the other."""
    return "\n".join(quoted_dutch(words, text) for words, text in lines)


def quoted_note(widget: QWidget) -> str:
    """The note for a screen reader on a widget that shows or quotes a rulebook text (see
    `mark_dutch`, `mark_quoted`), to go before its other descriptions: empty in Dutch."""
    marked = "nl" in (widget.property("quotes"), widget.property("lang"))
    if marked and not program_is_dutch():
        return dutch_note()
    return ""


def mark_quoted(widget: QWidget, quotes: bool = True) -> None:
    """A widget whose text quotes a rulebook text after the program's words: a screen reader
    hears that Dutch text is present. `quotes` False: it quotes none (any more)."""
    _mark(widget, "quotes", quotes)


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
