"""The findings as the wizard presents them: those of one page or all of them, one as a line of
text (the side panel, the overview), and each page's mark in the step list and the Ga naar
menu."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from wizard.ui import ids
from wizard.ui.fields import message_line
from wizard.ui.model import LOCAL, MISSING, SessionModel, Shown
from wizard.ui.page_index import PageIndex
from wizard.ui.texts import counts_text

translate = QCoreApplication.translate

#: a page's mark, from the most severe finding on it
MARKS = ("error", "warning", "todo")


class Findings:
    """What the wizard says about the answers, page by page."""

    def __init__(self, model: SessionModel, index: PageIndex) -> None:
        self.model = model
        self.index = index

    def describe(self, item: Shown) -> str:
        """One finding as a line of text: a missing answer names its field."""
        label = self.index.label_of(item.path)
        if item.code == MISSING and label:
            if item.severity == "todo":
                return message_line("todo", label)
            return message_line(
                item.severity,
                translate("MainWindow", "Nog niet ingevuld: {label}").format(label=label),
            )
        if item.code == LOCAL and label:
            return message_line(item.severity, f"{label}: {item.message}")
        return message_line(item.severity, item.message, rulebook=item.code != LOCAL)

    def shown_items(self, page_id: int | None = None) -> list[Shown]:
        """The findings as shown: of one page (side panel, step list), or all (overview); the
        documents page shows the errors, which make the documents a draft."""
        items = self.model.shown()
        if page_id is None or page_id == ids.OVERVIEW:
            return items
        if page_id == ids.DOCUMENTS:
            return [item for item in items if item.severity == "error"]
        return [item for item in items if item.page == page_id]

    def side_panel_rows(self, page_id: int) -> list[tuple[str, str, str, tuple[str, ...]]]:
        """The findings of a page as the side panel lists them: (severity, line of text,
        session path, the statements it rests on)."""
        return [
            (item.severity, self.describe(item), item.path, item.source)
            for item in self.shown_items(page_id)
        ]

    def step_marks(self) -> dict[int, tuple[str, str]]:
        """Per page: its mark (error, warning, todo, done, open) and the counts in words."""
        marks = {}
        left = self.model.left_pages
        for page_id in self.index.ids():
            summary = page_id in (ids.OVERVIEW, ids.DOCUMENTS)
            severities = [] if summary else [item.severity for item in self.shown_items(page_id)]
            mark = next(
                (mark for mark in MARKS if mark in severities),
                "done" if page_id in left else "open",
            )
            marks[page_id] = (mark, counts_text(severities))
        return marks
