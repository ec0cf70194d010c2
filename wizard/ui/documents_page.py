"""Documenten: preview of the agreement and the checklist; export (PDF, ODT, HTML and the platform
configuration), print, and save the conversation.

The documents package and Qt's print support are imported only when this page needs them, so that
the program starts quickly.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QGridLayout,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QTabWidget,
    QTextBrowser,
)

from wizard.ui.base import Page, esc, note_label
from wizard.ui.fields import row, severity_color
from wizard.ui.model import SessionModel

KINDS = ("afspraken", "checklist")
FORMATS = ("pdf", "odt", "html")


class ExportCancelled(Exception):
    """The advisor stopped an export with the Cancel button of the progress dialog."""


def run_with_progress(parent: Any, title: str, work: Callable[[Callable[[int, int, str], None]],
                                                               Any]) -> Any:
    """Run `work(progress)` in the GUI thread, showing a progress dialog that stays responsive:
    every call of `progress(step, total, label)` updates the dialog and handles pending events.
    Raises ExportCancelled when the advisor cancels."""
    dialog = QProgressDialog(title, QCoreApplication.translate("Documents", "Annuleren"), 0, 0,
                             parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(0)
    dialog.setAutoClose(False)
    dialog.show()
    QCoreApplication.processEvents()

    def progress(step: int, total: int, label: str) -> None:
        if dialog.wasCanceled():
            raise ExportCancelled
        dialog.setMaximum(max(total, 1))
        dialog.setValue(min(step, max(total, 1)))
        dialog.setLabelText(QCoreApplication.translate("Documents", "Bezig: {step}").format(
            step=label))
        QCoreApplication.processEvents()
        if dialog.wasCanceled():
            raise ExportCancelled

    try:
        return work(progress)
    finally:
        dialog.close()
        dialog.deleteLater()


class DocumentsPage(Page):
    saveRequested = Signal()

    def __init__(self, model: SessionModel) -> None:
        super().__init__(model, self.tr("Documenten"),
                         self.tr("Bekijk de afspraken en de checklist, druk ze af of sla ze op."))
        self.concept = note_label()
        self.concept.setObjectName("documents.concept")
        self.body.addWidget(self.concept)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("documents.tabs")
        self.previews: dict[str, QTextBrowser] = {}
        for kind, title in ((KINDS[0], self.tr("Afspraken")), (KINDS[1], self.tr("Checklist"))):
            browser = QTextBrowser()
            browser.setObjectName(f"documents.preview.{kind}")
            browser.setAccessibleName(title)
            browser.setOpenLinks(False)
            self.previews[kind] = browser
            self.tabs.addTab(browser, title)
        self.tabs.setMinimumHeight(260)
        self.body.addWidget(self.tabs, 1)

        self.kind_boxes: dict[str, QCheckBox] = {}
        boxes = []
        for kind, title in ((KINDS[0], self.tr("Afspraken")), (KINDS[1], self.tr("Checklist"))):
            box = QCheckBox(title)
            box.setChecked(True)
            box.setObjectName(f"documents.kind.{kind}")
            box.setAccessibleName(title)
            self.kind_boxes[kind] = box
            boxes.append(box)
        self.format_boxes: dict[str, QCheckBox] = {}
        for fmt in FORMATS:
            box = QCheckBox(fmt.upper())
            box.setChecked(fmt == "pdf")
            box.setObjectName(f"documents.format.{fmt}")
            box.setAccessibleName(self.tr("Formaat {format}").format(format=fmt.upper()))
            self.format_boxes[fmt] = box
        self.body.addWidget(row(note_label(self.tr("Afdrukken:")), *boxes))
        self.body.addWidget(row(note_label(self.tr("Exporteren als:")),
                                *self.format_boxes.values()))

        self.buttons: dict[str, QPushButton] = {}
        actions = (("print_preview", self.tr("Afdrukvoorbeeld…"), self.print_preview),
                   ("print", self.tr("Afdrukken…"), self.print_dialog),
                   ("export", self.tr("Exporteren naar map…"), self.export),
                   ("configuration", self.tr("Platformconfiguratie opslaan…"),
                    self.save_configuration),
                   ("save", self.tr("Gesprek opslaan"), self.saveRequested.emit))
        grid = QGridLayout()
        for index, (name, text, slot) in enumerate(actions):
            button = QPushButton(text)
            button.setObjectName(f"documents.{name}")
            button.clicked.connect(slot)
            self.buttons[name] = button
            grid.addWidget(button, index // 2, index % 2)
        grid.setColumnStretch(2, 1)
        self.body.addLayout(grid)
        self.result = note_label()
        self.result.setObjectName("documents.result")
        self.body.addWidget(self.result)
        self._rendered: dict[str, int] = {}
        self.tabs.currentChanged.connect(lambda _index: self.render_previews())
        self.documents_error: str | None = None

    # --- preview -------------------------------------------------------------------------------

    def refresh_page(self) -> None:
        if self.advice.is_concept:
            self.concept.setText(self.tr("Er zijn nog {count} fouten (zie het overzicht): de "
                                         "documenten krijgen het merkteken CONCEPT.").format(
                count=len(self.advice.errors)))
            self.concept.setStyleSheet(f"color: {severity_color(self.concept, 'error')};")
        else:
            self.concept.setText(self.tr("Geen fouten: de documenten zijn definitief."))
            self.concept.setStyleSheet("")
        if self.isVisible():
            self.render_previews()

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        self.render_previews()

    def render_previews(self) -> None:
        """Render the preview of the tab in view (the other tab when it is opened)."""
        kind = KINDS[max(self.tabs.currentIndex(), 0)]
        if self._rendered.get(kind) == self.model.revision:
            return
        self._rendered[kind] = self.model.revision
        try:
            from wizard.documents.html import document_html
        except ImportError as error:
            self._documents_missing(str(error))
            return
        browser = self.previews[kind]
        try:
            text = document_html(kind, self.model.session, self.rulebook,
                                 advice=self.advice, standalone=False)
        except Exception as error:  # noqa: BLE001 - shown to the advisor, never raised
            message = self.tr("Het document kan niet worden gemaakt: {error}").format(
                error=error)
            browser.setHtml(f"<p>{esc(message)}</p>")
            return
        position = browser.verticalScrollBar().value()
        browser.setHtml(text)
        browser.verticalScrollBar().setValue(position)

    def _documents_missing(self, error: str) -> None:
        self.documents_error = error
        message = self.tr("De documentmodule is niet beschikbaar ({error}).").format(error=error)
        for browser in self.previews.values():
            browser.setHtml(f"<p>{esc(message)}</p>")

    # --- export --------------------------------------------------------------------------------

    def chosen_formats(self) -> list[str]:
        return [fmt for fmt, box in self.format_boxes.items() if box.isChecked()]

    def chosen_kinds(self) -> list[str]:
        return [kind for kind, box in self.kind_boxes.items() if box.isChecked()]

    def export(self) -> None:
        formats = self.chosen_formats()
        if not formats:
            QMessageBox.information(self, self.tr("Exporteren"),
                                    self.tr("Kies ten minste één formaat."))
            return
        folder = QFileDialog.getExistingDirectory(self, self.tr("Map voor de documenten"),
                                                  str(self._default_folder()))
        if folder:
            self.export_to(Path(folder), formats)

    def _default_folder(self) -> Path:
        return self.model.file.parent if self.model.file else Path.home()

    def export_to(self, folder: Path, formats: list[str]) -> list[Path]:
        """Write the documents in `formats` and the platform configuration into `folder`."""
        try:
            from wizard.documents.export import render_to_folder
        except ImportError as error:
            self._show_result(self.tr("Exporteren kan niet: {error}").format(error=error), True)
            return []
        session = self.model.session.copy()
        title = self.tr("Documenten maken")
        try:
            written = run_with_progress(self.window(), title, lambda progress: render_to_folder(
                session, self.rulebook, folder, formats, progress=progress))
        except ExportCancelled:
            self._show_result(self.tr("Exporteren is afgebroken."), True)
            return []
        except Exception as error:  # noqa: BLE001 - the advisor gets the reason, the UI lives on
            self._show_result(self.tr("Exporteren is mislukt: {error}").format(error=error), True)
            return []
        names = ", ".join(Path(path).name for path in written)
        self._show_result(self.tr("Opgeslagen in {folder}: {names}").format(
            folder=folder, names=names), False)
        return [Path(path) for path in written]

    def save_configuration(self) -> None:
        start = self._default_folder() / "platformconfiguratie.yaml"
        name, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Platformconfiguratie opslaan"), str(start),
            self.tr("YAML-bestanden (*.yaml *.yml)"))
        if name:
            self.save_configuration_to(Path(name))

    def save_configuration_to(self, path: Path) -> bool:
        from wizard.core.engine import configuration_yaml
        from wizard.core.errors import InputError
        from wizard.core.yamlio import write_atomic

        try:
            write_atomic(path, configuration_yaml(self.advice))
        except InputError as error:
            self._show_result(str(error), True)
            return False
        self._show_result(self.tr("Platformconfiguratie opgeslagen: {file}").format(file=path),
                          False)
        return True

    def _show_result(self, text: str, problem: bool) -> None:
        self.result.setText(text)
        self.result.setStyleSheet(
            f"color: {severity_color(self.result, 'error')};" if problem else "")
        window = self.window()
        if hasattr(window, "statusBar"):
            window.statusBar().showMessage(text, 8000)

    # --- printing ------------------------------------------------------------------------------

    def _printer(self) -> Any:
        from PySide6.QtPrintSupport import QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.tr("Adviesgesprek"))
        return printer

    def print_preview(self) -> None:
        from PySide6.QtPrintSupport import QPrintPreviewDialog

        if not self._can_print():
            return
        dialog = QPrintPreviewDialog(self._printer(), self)
        dialog.setWindowTitle(self.tr("Afdrukvoorbeeld"))
        dialog.paintRequested.connect(lambda printer: self.print_to(printer, with_progress=False))
        dialog.exec()

    def print_dialog(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog

        if not self._can_print():
            return
        printer = self._printer()
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Afdrukken"))
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            self.print_to(printer)

    def _can_print(self) -> bool:
        if not self.chosen_kinds():
            QMessageBox.information(self, self.tr("Afdrukken"),
                                    self.tr("Kies ten minste één document."))
            return False
        return True

    def print_to(self, printer: Any, with_progress: bool = True) -> bool:
        """Print the chosen documents on a printer (or the preview's printer)."""
        try:
            from wizard.documents.printing import print_documents
        except ImportError as error:
            self._show_result(self.tr("Afdrukken kan niet: {error}").format(error=error), True)
            return False
        kinds = self.chosen_kinds()
        session = self.model.session.copy()
        title = self.tr("Afdrukken")

        def work(progress: Callable[[int, int, str], None]) -> None:
            progress(0, 1, self.tr("De documenten worden opgemaakt…"))
            print_documents(printer, session, self.rulebook, kinds)
            progress(1, 1, self.tr("Klaar"))

        try:
            if with_progress:
                run_with_progress(self.window(), title, work)
            else:
                print_documents(printer, session, self.rulebook, kinds)
        except ExportCancelled:
            self._show_result(self.tr("Afdrukken is afgebroken."), True)
            return False
        except Exception as error:  # noqa: BLE001
            self._show_result(self.tr("Afdrukken is mislukt: {error}").format(error=error), True)
            return False
        self._show_result(self.tr("De documenten zijn naar de printer gestuurd."), False)
        return True

    def side_html(self) -> str:
        text = self.tr("Regelboek {version} van {date}. De afspraken vermelden de bron van "
                       "iedere regel.").format(version=self.rulebook.version,
                                               date=self.rulebook.date)
        return f"<p>{esc(text)}</p>"

    def page_findings(self) -> list[Any]:
        return list(self.advice.errors)
