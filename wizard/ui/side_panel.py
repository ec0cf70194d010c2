"""The side panel: what the advisor can say on this page (rulebook texts) and the findings of the
page. It can be collapsed (Beeld > Toelichting, F9)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from wizard.ui.fields import SEVERITY_MARK, severity_color, severity_label

if TYPE_CHECKING:
    from wizard.core.engine import Finding


class SidePanel(QDockWidget):
    findingActivated = Signal(str)   # the session path of the finding

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Toelichting"), parent)
        self.setObjectName("side_panel")
        self.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable
                         | QDockWidget.DockWidgetFeature.DockWidgetMovable)
        content = QWidget()
        layout = QVBoxLayout(content)
        self.say_title = QLabel(self.tr("Wat u kunt zeggen"))
        self.say = QTextBrowser()
        self.say.setObjectName("side_panel.say")
        self.say.setAccessibleName(self.tr("Wat u kunt zeggen"))
        self.say_title.setBuddy(self.say)
        self.findings_title = QLabel(self.tr("Bevindingen op deze pagina"))
        self.findings = QListWidget()
        self.findings.setObjectName("side_panel.findings")
        self.findings.setAccessibleName(self.tr("Bevindingen op deze pagina"))
        self.findings.setWordWrap(True)
        self.findings_title.setBuddy(self.findings)
        self.findings.itemActivated.connect(self._activated)
        for title in (self.say_title, self.findings_title):
            font = title.font()
            font.setBold(True)
            title.setFont(font)
        layout.addWidget(self.say_title)
        layout.addWidget(self.say, 3)
        layout.addWidget(self.findings_title)
        layout.addWidget(self.findings, 2)
        self.setWidget(content)
        self._html = ""
        self._findings: list[tuple[str, str, str]] | None = None

    def show_page(self, html: str, findings: list[Finding]) -> None:
        if html != self._html:
            self._html = html
            self.say.setHtml(html or "<p>—</p>")
        key = [(f.severity, f.message, f.path) for f in findings]
        if key == self._findings:
            return
        self._findings = key
        self.findings.clear()
        if not findings:
            self.findings.addItem(QListWidgetItem(self.tr("Geen bevindingen.")))
        for finding in findings:
            item = QListWidgetItem(f"{SEVERITY_MARK.get(finding.severity, '')} "
                                   f"{severity_label(finding.severity)}: {finding.message}")
            item.setData(Qt.ItemDataRole.UserRole, finding.path)
            item.setForeground(self._brush(finding.severity))
            self.findings.addItem(item)
        count = len(findings)
        self.findings_title.setText(self.tr("Bevindingen op deze pagina ({count})").format(
            count=count))

    def _brush(self, severity: str):  # noqa: ANN202 - a QColor
        from PySide6.QtGui import QColor

        return QColor(severity_color(self.findings, severity))

    def _activated(self, item: QListWidgetItem) -> None:
        path = item.data(Qt.ItemDataRole.UserRole)
        if path:
            self.findingActivated.emit(path)
