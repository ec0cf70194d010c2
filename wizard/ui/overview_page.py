"""Overzicht: every answer with a 'Wijzig' link to its page (and back here), and all findings,
errors first. A finding, a consequence and a proposal of the rulebook have a 'Bron' button under
'Wijzig': the statements they rest on."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from wizard.ui.base import Page, esc, note_label
from wizard.ui.fields import severity_color
from wizard.ui.layouts import empty
from wizard.ui.model import LOCAL, MISSING, SessionModel, Shown
from wizard.ui.sources import SourceButton
from wizard.ui.texts import errors_text, mark_quoted, quotes_dutch, todo_text, warnings_text


def buttons(*widgets: QWidget | None) -> QWidget:
    """A row's buttons ('Wijzig', 'Bron') one under the other in one column: the overview then
    needs no sideways scrolling at 200 % on a laptop."""
    column = QWidget()
    layout = QVBoxLayout(column)
    layout.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        if widget is not None:
            layout.addWidget(widget)
    return column


class OverviewPage(Page):
    editRequested = Signal(int, str)  # page id, session path

    def __init__(
        self,
        model: SessionModel,
        pages: Callable[[], list[tuple[int, Page]]],
        owner_of: Callable[[str], int | None],
        shown_items: Callable[[], list[Shown]],
        describe: Callable[[Shown], str],
    ) -> None:
        """`pages`: the pages that ask questions, with their ids; `owner_of`: the page that asks
        for a session path; `shown_items`: every finding as the wizard shows it; `describe`: one
        as a line of text."""
        super().__init__(
            model,
            self.tr("Overzicht"),
            self.tr(
                "Alle antwoorden op een rij. Met 'Wijzig' gaat u naar de vraag "
                "en daarna weer terug naar dit overzicht."
            ),
        )
        self.pages = pages
        self.owner_of = owner_of
        self.shown_items = shown_items
        self.describe = describe
        self.summary = note_label()
        self.summary.setObjectName("overview.summary")
        self.body.addWidget(self.summary)
        self.findings_title = self._heading(self.tr("Bevindingen"))
        self.body.addWidget(self.findings_title)
        self.findings_box = QWidget()
        self.findings_grid = QGridLayout(self.findings_box)
        self.body.addWidget(self.findings_box)
        self.body.addWidget(self._heading(self.tr("Antwoorden")))
        self.answers_box = QWidget()
        self.answers_grid = QGridLayout(self.answers_box)
        self.answers_grid.setColumnStretch(1, 1)
        self.answers_grid.setColumnStretch(0, 1)
        self.body.addWidget(self.answers_box)
        self.finish_layout()
        # One group for all 'Wijzig' buttons, with the question of each (rather than a
        # connection of its own for each button)
        self.edit_buttons = QButtonGroup(self)
        self.edit_buttons.setExclusive(False)
        self.edit_buttons.idClicked.connect(self._edit_clicked)
        self.edit_targets: list[tuple[int | None, str]] = []
        self._shown_revision: object = None
        self._showing = False

    def _heading(self, text: str) -> QLabel:
        label = QLabel(text)
        font = QFont(label.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        label.setFont(font)
        return label

    def setVisible(self, visible: bool) -> None:  # noqa: N802 - Qt's name
        """Filled just before it is shown (and laid out with it), not for every change made
        on another page: the overview has more widgets than any other page."""
        if visible and not self.isVisible():
            self._showing = True
            try:
                self.refresh_page()
            finally:
                self._showing = False
        super().setVisible(visible)

    def refresh_page(self) -> None:
        if not (self.isVisible() or self._showing):
            return
        items = self.shown_items()
        key = (self.model.revision, tuple(items))  # rebuilt only when something shown changed
        if self._shown_revision == key:
            return
        self._shown_revision = key
        self.edit_targets = []
        self._fill_findings(items)
        self._fill_answers()
        self.widgetsChanged.emit()
        # Shown now, not when the layout gets round to it: the focus goes to the first at once.
        for box in (self.findings_box, self.answers_box):
            direct = Qt.FindChildOption.FindDirectChildrenOnly
            for child in box.findChildren(QWidget, options=direct):
                child.show()
        self.summary.setText(self.summary_text([item.severity for item in items]))

    def summary_text(self, severities: list[str]) -> str:
        errors, warnings = severities.count("error"), severities.count("warning")
        todo = severities.count("todo")
        parts = [errors_text(errors), warnings_text(warnings)]
        if todo:
            parts.append(todo_text(todo))
        counts = ", ".join(parts[:-1]) + " " + self.tr("en") + " " + parts[-1]
        if errors or todo:
            there = self.tr("Er is {counts}.") if errors == 1 else self.tr("Er zijn {counts}.")
            return (
                there.format(counts=counts)
                + " "
                + self.tr(
                    "Zolang er fouten zijn of velden nog niet zijn ingevuld, krijgen de documenten "
                    "het merkteken CONCEPT."
                )
            )
        if not warnings:
            return self.tr("Geen fouten en geen waarschuwingen.")
        return self.tr("Geen fouten; {warnings}.").format(warnings=warnings_text(warnings))

    def _edit_button(
        self, label: str, page_id: int | None, path: str, value: str = ""
    ) -> QPushButton:
        """ "Wijzig"; its name says what and, for an answer, the answer ("Wijzig Naam: Rob
        Jetten")."""
        button = QPushButton(self.tr("Wijzig"))
        name = (
            self.tr("Wijzig {label}: {value}").format(label=label, value=value)
            if value not in ("", "—")
            else self.tr("Wijzig: {label}").format(label=label)
        )
        if quotes_dutch(label) and value not in ("", "—"):  # the rulebook's quote ends it
            name = self.tr("Wijzig ({value}):").format(value=value) + " " + label
        if quotes_dutch(label) or quotes_dutch(value):
            mark_quoted(button)
        button.setAccessibleName(name)
        button.setObjectName(f"overview.edit:{path}")
        button.setEnabled(page_id is not None)
        self.edit_buttons.addButton(button, len(self.edit_targets))
        self.edit_targets.append((page_id, path))
        return button

    def _edit_clicked(self, index: int) -> None:
        page_id, path = self.edit_targets[index]
        self.editRequested.emit(page_id, path)

    def _fill_findings(self, items: list[Shown]) -> None:
        empty(self.findings_grid)
        self.findings_title.setVisible(bool(items))
        for index, item in enumerate(items):
            text = self.describe(item)
            label = note_label(text)
            label.setObjectName(f"overview.finding.{index}")
            mark_quoted(label, quotes_dutch(text))
            # the Bron button is of the rulebook's message (not of the program's words)
            what = text if item.code in (MISSING, LOCAL) else item.message
            label.setStyleSheet(f"color: {severity_color(label, item.severity)};")
            self.findings_grid.addWidget(label, index, 0)
            self.findings_grid.addWidget(
                buttons(
                    self._edit_button(text, self.owner_of(item.path), item.path),
                    SourceButton(f"overview.finding.{index}", self.rulebook, what, item.source),
                ),
                index,
                1,
                Qt.AlignmentFlag.AlignTop,
            )
        self.findings_grid.setColumnStretch(0, 1)

    def _fill_answers(self) -> None:
        empty(self.answers_grid)
        line = 0
        for page_id, page in self.pages():
            page.follow()  # what a page shows (and so asks) depends on the latest answers
            rows = page.overview_rows()
            if not rows:
                continue
            self.answers_grid.addWidget(self._heading(page.title()), line, 0, 1, 3)
            line += 1
            for label, value, path in rows:
                name = note_label(label)
                answer = note_label(value)
                if quotes_dutch(label):
                    mark_quoted(name)
                if quotes_dutch(label) or quotes_dutch(value):
                    mark_quoted(answer)  # (its name is the row's label)
                answer.setObjectName(f"overview.value:{path}")
                answer.setAccessibleName(label)
                self.answers_grid.addWidget(name, line, 0, Qt.AlignmentFlag.AlignTop)
                self.answers_grid.addWidget(answer, line, 1, Qt.AlignmentFlag.AlignTop)
                edit = self._edit_button(label, page_id, path, value)
                ids = page.sources_of(path)
                source = SourceButton(f"overview.value:{path}", self.rulebook) if ids else None
                self.answers_grid.addWidget(
                    buttons(edit, source), line, 2, Qt.AlignmentFlag.AlignTop
                )
                if source is not None:  # (set in its column: then shown with the overview)
                    self._set_sources(source, label, value, ids)
                line += 1

    @staticmethod
    def _set_sources(source: SourceButton, label: str, value: str, ids: list[str]) -> None:
        """The sources of an answer: of the rulebook's text in the row's label ("Besproken:
        „…”"), or of the answer (the rulebook's value) to the row's label."""
        if quotes_dutch(label):
            source.set_sources(label, ids)
        else:
            source.set_sources(value, ids, label)

    def side_html(self) -> str:
        intro = self.tr(
            "Controleer samen met de bewindspersoon de antwoorden. Los de fouten op "
            "voordat u de afspraken afdrukt."
        )
        return f"<p>{esc(intro)}</p>"

    def page_findings(self) -> list:
        return list(self.advice.findings)
