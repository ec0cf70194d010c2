"""What every page says around the text: the header (title, CONCEPT, the minister's name), the
footer (date, rulebook, program version, page number) and the file's title and author. Shared
by the PDF (Typst) and the ODT, so both say the same."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from wizard.core.advice import Advice, RulebookInfo
from wizard.core.dates import format_date
from wizard.documents.chrome import fill
from wizard.documents.context import document_date
from wizard.documents.html import clean_text
from wizard.documents.style import HouseStyle
from wizard.paths import project_version

MAX_TITLE = 200  # characters of the file's title and author (a PDF viewer shows them in a bar)


@dataclass
class Decoration:
    """What the header and footer say."""

    title: str
    minister: str
    footer: str
    page_pattern: str
    concept: bool
    concept_label: str
    watermark: str


def _one_line(value: object) -> str:
    return clean_text(" ".join(str(value or "").split()))


def footer_line(labels: dict[str, Any], rulebook: RulebookInfo | None, date: str) -> str:
    """The footer's line: the document's date, the rulebook (when the document is made under
    one) and the program."""
    page = labels["page"]
    parts = [fill(page["date"], date=date)]
    if rulebook is not None:
        made = format_date(rulebook.date, labels["months"])
        parts.append(fill(page["rulebook"], version=rulebook.version, date=made))
    parts.append(fill(page["program"], version=project_version()))
    return " · ".join(parts)


def decoration(kind: str, advice: Advice, style: HouseStyle) -> Decoration:
    labels = style.labels
    page = labels["page"]
    footer = footer_line(labels, advice.rulebook, document_date(advice, labels["months"]))
    return Decoration(
        title=labels["documents"][kind]["title"],
        minister=_one_line(advice.minister.name),
        footer=footer,
        page_pattern=page["number"],
        concept=advice.is_concept,
        concept_label=page["concept"],
        watermark=page["concept_watermark"],
    )


def pdf_title(kind: str, advice: Advice, style: HouseStyle) -> str:
    """The file's title: the document's title and the minister's name, at most 200 characters."""
    title = style.labels["documents"][kind]["title"]
    name = _one_line(advice.minister.name)
    return (f"{title} – {name}" if name else title)[:MAX_TITLE]


def author(advice: Advice) -> str:
    """The file's author: the advisor, at most 200 characters."""
    return _one_line(advice.conversation.advisor)[:MAX_TITLE]
