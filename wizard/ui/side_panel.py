"""The docks beside the wizard.

- The side panel: what the advisor can say on this page (rulebook texts, each with a link to its
  sources) and the findings of the page, with a button for the sources of the chosen finding.
  It can be collapsed (Beeld > Toelichting, F9).
- The step list: every page with its mark (done, still to fill in, warning, error); Enter or a
  click goes there (Beeld > Stappen, F8).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from wizard.ui.fields import row as row_of
from wizard.ui.fields import severity_color
from wizard.ui.sources import find_source_window, follow_links, show_sources

SOURCES_ROLE = Qt.ItemDataRole.UserRole + 1

STEP_MARK = {"error": "✖", "warning": "⚠", "todo": "○", "done": "✔", "open": "·"}


def bold(label: QLabel) -> QLabel:
    label.setWordWrap(True)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


class SidePanel(QDockWidget):
    findingActivated = Signal(str)  # the session path of the finding
    #: the text's "Bron" buttons were made anew (the tab order must follow them)
    widgetsChanged = Signal()

    def __init__(self, rulebook: Any, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Toelichting"), parent)
        self.rulebook = rulebook
        self.setObjectName("side_panel")
        self.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetMovable
        )
        content = QWidget()
        layout = QVBoxLayout(content)
        self.say_title = bold(QLabel(self.tr("Wat u kunt zeggen")))
        self.say = QTextBrowser()
        self.say.setObjectName("side_panel.say")
        self.say.setAccessibleName(self.tr("Wat u kunt zeggen"))
        follow_links(self.say, rulebook)
        self.say_title.setBuddy(self.say)
        self.findings_title = bold(QLabel(self.tr("Bevindingen op deze pagina")))
        self.findings = QListWidget()
        self.findings.setObjectName("side_panel.findings")
        self.findings.setAccessibleName(self.tr("Bevindingen op deze pagina"))
        self.findings.setWordWrap(True)
        self.findings_title.setBuddy(self.findings)
        self.findings.itemActivated.connect(self._activated)
        self.findings.currentItemChanged.connect(lambda *_args: self._current_changed())
        self.source_button = QPushButton(self.tr("Bron van de bevinding"))
        self.source_button.setObjectName("side_panel.source")
        self.source_button.setAccessibleName(self.tr("Bron van de gekozen bevinding"))
        self.source_button.setToolTip(self.tr("Waar de gekozen bevinding vandaan komt"))
        self.source_button.clicked.connect(self.show_source)
        layout.addWidget(self.say_title)
        layout.addWidget(self.say, 3)
        layout.addWidget(self.findings_title)
        layout.addWidget(self.findings, 2)
        layout.addWidget(row_of(self.source_button))
        self.setWidget(content)
        self._html = ""
        self._findings: list[tuple[str, str, str, tuple[str, ...]]] | None = None
        self._current_changed()

    def show_page(self, html: str, findings: list[tuple[str, str, str, tuple[str, ...]]]) -> None:
        """The page's text and its findings as (severity, line of text, session path, the ids
        of the statements it rests on)."""
        if html != self._html:
            self._html = html
            self.say.setHtml(html or "<p>—</p>")
            self.widgetsChanged.emit()
        if findings == self._findings:
            return
        self._findings = list(findings)
        self.findings.clear()
        if not findings:
            self.findings.addItem(QListWidgetItem(self.tr("Geen bevindingen.")))
        for severity, text, path, ids in findings:
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, path)
            item.setData(SOURCES_ROLE, list(ids))
            item.setForeground(QColor(severity_color(self.findings, severity)))
            self.findings.addItem(item)
        self.findings_title.setText(
            self.tr("Bevindingen op deze pagina ({count})").format(count=len(findings))
        )
        self._current_changed()

    def _activated(self, item: QListWidgetItem) -> None:
        path = item.data(Qt.ItemDataRole.UserRole)
        if path:
            self.findingActivated.emit(path)

    def current_sources(self) -> tuple[str, list[str]]:
        """The chosen finding (the first when none is chosen) and its statement ids."""
        item = self.findings.currentItem() or self.findings.item(0)
        if item is None:
            return "", []
        return item.text(), list(item.data(SOURCES_ROLE) or [])

    def _current_changed(self) -> None:
        _text, ids = self.current_sources()
        self.source_button.setEnabled(bool(ids))
        self.source_button.setVisible(bool(self._findings))
        window = find_source_window(self)
        if (
            ids
            and window is not None
            and window.isVisible()
            and window.opener is self.source_button
        ):
            self.show_source()  # the open source window follows the chosen finding

    def show_source(self) -> None:
        text, ids = self.current_sources()
        if ids:
            show_sources(self.source_button, self.rulebook, text, ids)


class StepList(QDockWidget):
    """Every page of the conversation with its mark; the current one selected."""

    pageActivated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Stappen"), parent)
        self.setObjectName("steps")
        self.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetMovable
        )
        self.list = QListWidget()
        self.list.setObjectName("steps.list")
        self.list.setAccessibleName(self.tr("Stappen van het gesprek"))
        self.list.setWordWrap(True)
        self.list.itemActivated.connect(self._activated)
        self.list.itemClicked.connect(self._activated)
        self.setWidget(self.list)
        self._shown: list[tuple[int, str, str]] | None = None

    def show_steps(
        self, titles: list[tuple[int, str]], marks: dict[int, tuple[str, str]], current: int
    ) -> None:
        rows = [
            (page_id, title, marks[page_id][0] + "|" + marks[page_id][1])
            for page_id, title in titles
        ]
        if rows != self._shown:
            self._shown = rows
            self.list.clear()
            for number, (page_id, title) in enumerate(titles, start=1):
                mark, counts = marks[page_id]
                item = QListWidgetItem(f"{STEP_MARK[mark]}  {number}. {title}")
                item.setData(Qt.ItemDataRole.UserRole, page_id)
                item.setToolTip(self.state_text(mark, counts))
                item.setData(
                    Qt.ItemDataRole.AccessibleTextRole,
                    self.tr("Stap {number} van {total}: {title}, {state}").format(
                        number=number,
                        total=len(titles),
                        title=title,
                        state=self.state_text(mark, counts),
                    ),
                )
                if mark in ("error", "warning"):
                    item.setForeground(QColor(severity_color(self.list, mark)))
                self.list.addItem(item)
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == current:
                if self.list.currentRow() != row:
                    self.list.setCurrentRow(row)
                break
        else:
            self.list.clearSelection()

    def state_text(self, mark: str, counts: str) -> str:
        words = {
            "error": self.tr("fouten"),
            "warning": self.tr("let op"),
            "todo": self.tr("nog in te vullen"),
            "done": self.tr("klaar"),
            "open": self.tr("nog niet bezocht"),
        }
        return counts or words[mark]

    def _activated(self, item: QListWidgetItem) -> None:
        page_id = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(page_id, int):
            self.pageActivated.emit(page_id)
