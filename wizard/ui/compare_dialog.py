"""Regelboek > Vergelijken met ander regelboek: what another rulebook (a new version of the
Voorlichtingsraad, the department's next overlay) changes for the open conversation.

The same report as `adviesgesprek compare`, for one conversation: the platform configuration
field by field, the findings and the checklist (`wizard.core.compare`). The other rulebook is a
file (an overlay) or a folder (a full rulebook, or an overlay in a folder); one that cannot be
used gives a Dutch message, never a crash.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from wizard.core.compare import Comparison, compare_session, comparison_lines
from wizard.core.errors import InputError
from wizard.core.rulebook import Rulebook, load_other_rulebook
from wizard.ui import dialogs
from wizard.ui.base import esc
from wizard.ui.model import SessionModel


class CompareDialog(QDialog):
    """Choose the other rulebook (file or folder) and read what it changes."""

    def __init__(
        self,
        parent: QWidget,
        model: SessionModel,
        start_folder: Callable[[], str],
        remember_folder: Callable[[Path], None],
    ) -> None:
        super().__init__(parent)
        self.setObjectName("dialog.compare")
        self.setWindowTitle(self.tr("Vergelijken met ander regelboek"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.model = model
        self.start_folder = start_folder
        self.remember_folder = remember_folder
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Wat verandert er voor dit gesprek met een ander regelboek, zoals een nieuwe "
                "versie van de Voorlichtingsraad of de volgende aanvulling van uw departement? "
                "Kies een bestand (een aanvulling) of een map (een volledig regelboek, of een "
                "aanvulling in een map)."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        buttons = QHBoxLayout()
        self.file_button = QPushButton(self.tr("&Bestand kiezen…"))
        self.file_button.setObjectName("compare.file")
        self.file_button.setAccessibleName(self.tr("Ander regelboek: bestand kiezen"))
        self.file_button.clicked.connect(self.choose_file)
        self.folder_button = QPushButton(self.tr("&Map kiezen…"))
        self.folder_button.setObjectName("compare.folder")
        self.folder_button.setAccessibleName(self.tr("Ander regelboek: map kiezen"))
        self.folder_button.clicked.connect(self.choose_folder)
        buttons.addWidget(self.file_button)
        buttons.addWidget(self.folder_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.report_label = QLabel(self.tr("Wat verandert"))
        layout.addWidget(self.report_label)
        self.report = QTextBrowser()
        self.report.setObjectName("compare.report")
        self.report.setAccessibleName(self.tr("Wat het andere regelboek verandert"))
        self.report_label.setBuddy(self.report)
        layout.addWidget(self.report, 1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setObjectName("compare.close")
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.lines: list[str] = []
        self.reset()
        dialogs.fit_to_screen(self, parent)
        available = parent.screen().availableGeometry() if parent.screen() else None
        if available is not None:
            self.resize(min(760, available.width() - 40), min(560, available.height() - 60))

    def reset(self) -> None:
        """Nothing compared yet (each time the dialog opens: the conversation may be another)."""
        self.lines = []
        self.report.setPlainText(self.tr("Nog geen ander regelboek gekozen."))

    # --- choosing ------------------------------------------------------------------------------

    def choose_file(self) -> bool:
        name = dialogs.open_file_name(
            self,
            self.tr("Ander regelboek kiezen"),
            self.start_folder(),
            self.tr("Regelboeken (*.yaml *.yml);;Alle bestanden (*)"),
        )
        return self.compare_with(name) if name else False

    def choose_folder(self) -> bool:
        name = dialogs.folder_name(
            self, self.tr("Map met het andere regelboek kiezen"), self.start_folder()
        )
        return self.compare_with(name) if name else False

    def compare_with(self, path: str | Path) -> bool:
        """Compare the open conversation under the current rulebook and the one at `path`;
        a rulebook that cannot be used gives a Dutch message and changes nothing."""
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            other = load_other_rulebook(path)
            comparison = compare_session(self.model.session, self.model.rulebook, other)
        except InputError as error:
            self._refused(str(error))
            return False
        except Exception as error:  # noqa: BLE001 - a rulebook never crashes the wizard
            self._refused(f"{Path(path).name}: {error}")
            return False
        finally:
            QApplication.restoreOverrideCursor()
        self.remember_folder(Path(path))
        self.show_report(other, comparison)
        return True

    def _refused(self, message: str) -> None:
        dialogs.show_error(
            self,
            self.tr("Vergelijken lukt niet"),
            self.tr("Dit regelboek is niet te gebruiken. {message}").format(message=message),
        )

    # --- the report ----------------------------------------------------------------------------

    def rulebook_label(self, rulebook: Rulebook) -> str:
        """Which rulebook, in words: built-in, with an overlay, or a full one of its own."""
        if rulebook.full:
            kind = self.tr("{path} (volledig regelboek)").format(path=rulebook.overlay)
        elif rulebook.overlay:
            kind = self.tr("het ingebouwde regelboek met de aanvulling {path}").format(
                path=rulebook.overlay
            )
        else:
            kind = self.tr("het ingebouwde regelboek")
        return self.tr("{kind}, versie {version} van {date}").format(
            kind=kind, version=rulebook.version, date=rulebook.date
        )

    def summary(self, comparison: Comparison) -> str:
        name = self.model.advice.minister.name.strip()
        who = (
            self.tr("het gesprek met {name}").format(name=name) if name else self.tr("dit gesprek")
        )
        if not comparison.changed:
            return self.tr("Het andere regelboek verandert niets aan {who}.").format(who=who)
        one = self.tr("Voor {who} verandert 1 punt:")
        many = self.tr("Voor {who} veranderen {count} punten:")
        return (one if comparison.count == 1 else many).format(who=who, count=comparison.count)

    def show_report(self, other: Rulebook, comparison: Comparison) -> None:
        self.lines = comparison_lines(comparison)
        head = [
            self.tr("Huidig regelboek: {rulebook}").format(
                rulebook=self.rulebook_label(self.model.rulebook)
            ),
            self.tr("Vergeleken met: {rulebook}").format(rulebook=self.rulebook_label(other)),
        ]
        parts = [f"<p>{esc(line)}</p>" for line in head]
        parts.append(f"<p><b>{esc(self.summary(comparison))}</b></p>")
        parts.append(lines_html(self.lines))
        self.report.setHtml("".join(parts))
        self.report.setFocus(Qt.FocusReason.OtherFocusReason)


def lines_html(lines: list[str]) -> str:
    """`comparison_lines` as HTML: a heading per part, its changes as a list."""
    parts: list[str] = []
    items: list[str] = []
    for line in lines:
        if line.startswith("  "):
            items.append(f"<li>{esc(line.strip())}</li>")
            continue
        if items:
            parts.append("<ul>" + "".join(items) + "</ul>")
            items = []
        parts.append(f"<h4>{esc(line)}</h4>")
    if items:
        parts.append("<ul>" + "".join(items) + "</ul>")
    return "".join(parts)


def open_compare(
    parent: QWidget,
    model: SessionModel,
    start_folder: Callable[[], str],
    remember_folder: Callable[[Path], None],
) -> CompareDialog:
    """The compare dialog of the main window, made when first needed, shown and raised."""
    dialog: Any = parent.findChild(CompareDialog, "dialog.compare")
    if dialog is None:
        dialog = CompareDialog(parent, model, start_folder, remember_folder)
    dialog.reset()
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    dialog.file_button.setFocus(Qt.FocusReason.OtherFocusReason)
    return dialog
