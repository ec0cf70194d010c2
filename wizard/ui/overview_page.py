"""Overzicht: every answer with a 'Wijzig' link to its page (and back here), and all findings,
errors first."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QWidget

from wizard.core.engine import Finding
from wizard.ui.base import Page, esc, note_label
from wizard.ui.fields import SEVERITY_MARK, severity_color, severity_label
from wizard.ui.model import SessionModel


class OverviewPage(Page):
    editRequested = Signal(int, str)   # page id, session path

    def __init__(self, model: SessionModel,
                 pages: Callable[[], list[tuple[int, Page]]],
                 owner_of: Callable[[str], int | None]) -> None:
        super().__init__(model, self.tr("Overzicht"),
                         self.tr("Alle antwoorden op een rij. Met 'Wijzig' gaat u naar de vraag "
                                 "en daarna weer terug naar dit overzicht."))
        self.pages = pages
        self.owner_of = owner_of
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
        self._shown_revision = -1

    def _heading(self, text: str) -> QLabel:
        label = QLabel(text)
        font = QFont(label.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        label.setFont(font)
        return label

    def refresh_page(self) -> None:
        if self._shown_revision == self.model.revision:
            return
        self._shown_revision = self.model.revision
        self._fill_findings(self.advice.findings)
        self._fill_answers()
        errors, warnings = len(self.advice.errors), len(self.advice.warnings)
        if errors:
            text = self.tr("Er zijn {errors} fouten en {warnings} waarschuwingen. Zolang er fouten "
                           "zijn, krijgen de documenten het merkteken CONCEPT.").format(
                errors=errors, warnings=warnings)
        else:
            text = self.tr("Geen fouten; {warnings} waarschuwingen.").format(warnings=warnings)
        self.summary.setText(text)

    @staticmethod
    def _clear(grid: QGridLayout) -> None:
        while grid.count():
            widget = grid.takeAt(0).widget()
            if widget is not None:
                widget.hide()
                widget.setParent(None)
                widget.deleteLater()

    def _edit_button(self, label: str, page_id: int | None, path: str) -> QPushButton:
        button = QPushButton(self.tr("Wijzig"))
        button.setAccessibleName(self.tr("Wijzig: {label}").format(label=label))
        button.setObjectName(f"overview.edit:{path}")
        button.setEnabled(page_id is not None)
        button.clicked.connect(lambda: self.editRequested.emit(page_id, path))
        return button

    def _fill_findings(self, findings: list[Finding]) -> None:
        self._clear(self.findings_grid)
        self.findings_title.setVisible(bool(findings))
        for index, finding in enumerate(findings):
            text = f"{SEVERITY_MARK.get(finding.severity, '')} " \
                   f"{severity_label(finding.severity)}: {finding.message}"
            label = note_label(text)
            label.setObjectName(f"overview.finding.{index}")
            label.setStyleSheet(f"color: {severity_color(label, finding.severity)};")
            self.findings_grid.addWidget(label, index, 0)
            self.findings_grid.addWidget(
                self._edit_button(finding.message, self.owner_of(finding.path), finding.path),
                index, 1, Qt.AlignmentFlag.AlignTop)
        self.findings_grid.setColumnStretch(0, 1)

    def _fill_answers(self) -> None:
        self._clear(self.answers_grid)
        line = 0
        for page_id, page in self.pages():
            page.refresh()  # what a page shows (and so asks) depends on the latest answers
            rows = page.overview_rows()
            if not rows:
                continue
            self.answers_grid.addWidget(self._heading(page.title()), line, 0, 1, 3)
            line += 1
            for label, value, path in rows:
                name = note_label(label)
                answer = note_label(value)
                answer.setObjectName(f"overview.value:{path}")
                answer.setAccessibleName(label)
                self.answers_grid.addWidget(name, line, 0, Qt.AlignmentFlag.AlignTop)
                self.answers_grid.addWidget(answer, line, 1, Qt.AlignmentFlag.AlignTop)
                self.answers_grid.addWidget(self._edit_button(label, page_id, path), line, 2,
                                            Qt.AlignmentFlag.AlignTop)
                line += 1

    def side_html(self) -> str:
        intro = self.tr("Controleer samen met de bewindspersoon de antwoorden. Los de fouten op "
                        "voordat u de afspraken afdrukt.")
        return f"<p>{esc(intro)}</p>"

    def page_findings(self) -> list[Finding]:
        return list(self.advice.findings)
