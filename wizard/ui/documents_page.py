"""Documenten: preview of the agreement and the checklist; export (PDF, ODT, HTML and the platform
configuration; the verantwoording, the sources for the advisor, with a button of its own that
writes it and opens it), print, and save the conversation.

The preview, the print preview and the print all show the pages Typst makes for the PDF, as
images (wizard/ui/page_preview.py), made in a worker thread so that the window never waits for
them. The documents' export and printing (Jinja, Typst) are imported only when this page needs
them, so that the program starts quickly (one of the seams README names).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QSize, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QPaintEngine
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from wizard.constants import CONFIGURATION_FILE, DOCUMENT_KINDS, EXPORT_FORMATS
from wizard.core.configuration import configuration_yaml
from wizard.core.errors import InputError
from wizard.core.files import write_atomic
from wizard.documents.page_process import page_maker
from wizard.documents.style import HouseStyle, house_style
from wizard.ui import dialogs
from wizard.ui.base import Page, esc, note_label
from wizard.ui.fields import severity_color
from wizard.ui.model import SessionModel
from wizard.ui.page_preview import (
    BackgroundCancelled,
    PageView,
    PreviewRenderer,
    Request,
    Result,
    run_in_background,
)
from wizard.ui.texts import errors_text

# The print preview's pages: sharp on the screen at the preview's own sizes, and made quickly
# (each page is held in memory, and every one is made before the first is shown).
PREVIEW_PPI = 120.0
SMALLEST_ICON = 12  # the print preview's toolbar icons shrink to fit its width, not below this


def fit_print_preview(dialog: QPrintPreviewDialog, size: QSize) -> None:
    """The print preview as large as the main window (`size`), and its toolbar within its
    width: its icons smaller where it does not fit (at 200 % on a laptop it did not)."""
    dialog.resize(size)
    for toolbar in dialog.findChildren(QToolBar):
        icon = toolbar.iconSize().width()
        while toolbar.sizeHint().width() > dialog.width() and icon > SMALLEST_ICON:
            icon -= 2
            toolbar.setIconSize(QSize(icon, icon))


class ExportCancelled(Exception):
    """The advisor stopped an export with the Cancel button of the progress dialog."""


def run_with_progress(
    parent: Any, title: str, work: Callable[[Callable[[int, int, str], None]], Any]
) -> Any:
    """Run `work(progress)` in the GUI thread, showing a progress dialog that stays responsive:
    every call of `progress(step, total, label)` updates the dialog and handles pending events.
    Raises ExportCancelled when the advisor cancels."""
    dialog = QProgressDialog(
        title, QCoreApplication.translate("Documents", "Annuleren"), 0, 0, parent
    )
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
        dialog.setLabelText(
            QCoreApplication.translate("Documents", "Bezig: {step}").format(step=label)
        )
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
    scrolling = False  # the previews scroll themselves: no scroll area inside a scroll area

    def __init__(self, model: SessionModel) -> None:
        super().__init__(
            model,
            self.tr("Documenten"),
            self.tr("Bekijk de afspraken en de checklist, druk ze af of sla ze op."),
        )
        self.concept = note_label()
        self.concept.setObjectName("documents.concept")
        self.body.addWidget(self.concept)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("documents.tabs")
        self.previews: dict[str, PageView] = {}
        self.renderers: dict[str, PreviewRenderer] = {}
        for kind, title in (
            (DOCUMENT_KINDS[0], self.tr("Afspraken")),
            (DOCUMENT_KINDS[1], self.tr("Checklist")),
        ):
            view = PageView(
                f"documents.preview.{kind}",
                self.tr("Voorbeeld: {document}").format(document=title),
            )
            self.previews[kind] = view
            self.tabs.addTab(view, title)
            renderer = PreviewRenderer(lambda kind=kind: self._request(kind), self)
            renderer.rendered.connect(self._show_preview)
            self.renderers[kind] = renderer
            view.resized.connect(lambda kind=kind: self.renderers[kind].schedule())
        self.tabs.tabBar().setAccessibleName(self.tr("Voorbeelden van de documenten"))
        self.tabs.tabBar().setObjectName("documents.tabbar")

        self.kind_boxes: dict[str, QCheckBox] = {}
        boxes = []
        for kind, title in (
            (DOCUMENT_KINDS[0], self.tr("Afspraken")),
            (DOCUMENT_KINDS[1], self.tr("Checklist")),
        ):
            box = QCheckBox(title)
            box.setChecked(True)
            box.setObjectName(f"documents.kind.{kind}")
            box.setAccessibleName(self.tr("Afdrukken: {document}").format(document=title))
            self.kind_boxes[kind] = box
            boxes.append(box)
        self.format_boxes: dict[str, QCheckBox] = {}
        for fmt in EXPORT_FORMATS:
            box = QCheckBox(fmt.upper())
            box.setChecked(fmt == "pdf")
            box.setObjectName(f"documents.format.{fmt}")
            box.setAccessibleName(self.tr("Formaat {format}").format(format=fmt.upper()))
            self.format_boxes[fmt] = box
        self.buttons: dict[str, QPushButton] = {}
        actions = (
            ("print_preview", self.tr("Afdrukvoorbeeld…"), self.print_preview),
            ("print", self.tr("Afdrukken…"), self.print_dialog),
            ("export", self.tr("Exporteren naar map…"), self.export),
            ("open_folder", self.tr("Map openen"), self.open_export_folder),
            ("configuration", self.tr("Configuratie opslaan…"), self.save_configuration),
            ("save", self.tr("Gesprek opslaan"), self.saveRequested.emit),
            ("verantwoording", self.tr("Verantwoording…"), self.export_verantwoording),
        )
        for name, text, slot in actions:
            button = QPushButton(text)
            button.setObjectName(f"documents.{name}")
            button.clicked.connect(slot)
            self.buttons[name] = button
        # The preview beside a column with each choice above the buttons it is for; the column
        # scrolls when the window is low (200 % on a laptop), the preview keeps its share.
        column = QWidget()
        column.setObjectName("documents.controls")
        controls = QVBoxLayout(column)
        controls.setContentsMargins(0, 0, 0, 0)
        for widget in (
            note_label(self.tr("Afdrukken:")),
            *boxes,
            self.buttons["print_preview"],
            self.buttons["print"],
            note_label(self.tr("Exporteren als:")),
            *self.format_boxes.values(),
            *(self.buttons[name] for name in ("export", "open_folder", "configuration")),
            *(self.buttons[name] for name in ("save", "verantwoording")),
        ):
            controls.addWidget(widget)
        controls.addStretch(1)
        self.controls = QScrollArea()
        self.controls.setObjectName("documents.controls_scroll")
        self.controls.setWidget(column)
        self.controls.setWidgetResizable(True)
        self.controls.setFrameShape(QFrame.Shape.NoFrame)
        self.controls.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the buttons
        self.controls.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.controls.setMinimumWidth(
            column.minimumSizeHint().width() + self.controls.verticalScrollBar().sizeHint().width()
        )
        self.controls.setFixedWidth(self.controls.minimumWidth())
        beside = QHBoxLayout()
        beside.addWidget(self.tabs, 1)  # the preview takes what the column leaves
        beside.addWidget(self.controls)
        self.body.addLayout(beside, 1)
        self.buttons["open_folder"].setEnabled(False)  # after an export
        # (a short text on the button: the column beside the preview stays narrow)
        self.buttons["configuration"].setAccessibleName(self.tr("Platformconfiguratie opslaan"))
        self.buttons["configuration"].setToolTip(
            self.tr("De configuratie van ieder platform opslaan als YAML-bestand")
        )
        self.buttons["verantwoording"].setToolTip(
            self.tr(
                "De bronnen van iedere afspraak, voor de adviseur: als PDF en HTML opslaan en "
                "openen"
            )
        )
        self.exported_to: Path | None = None
        self.result = note_label()
        self.result.setObjectName("documents.result")
        self.body.addWidget(self.result)
        self.tabs.currentChanged.connect(lambda _index: self.render_previews())
        self._print_pages: tuple[tuple[Any, ...], list[bytes]] | None = None
        self._preview_printer: Any = None

    # --- preview -------------------------------------------------------------------------------

    def refresh_page(self) -> None:
        for view in self.previews.values():
            if view.shown_revision != self.model.revision:
                view.expect_new()  # (its old pages are not decoded again meanwhile)
        if self.advice.is_concept:
            if self.advice.errors:
                text = self.tr(
                    "Nog {errors} (zie het overzicht): de documenten krijgen het merkteken CONCEPT."
                ).format(errors=errors_text(len(self.advice.errors)))
            else:
                text = self.tr(
                    "Nog niet alles is ingevuld of besproken (zie het overzicht): de documenten "
                    "krijgen het merkteken CONCEPT."
                )
            self.concept.setText(text)
            self.concept.setStyleSheet(f"color: {severity_color(self.concept, 'error')};")
        else:
            self.concept.setText(self.tr("Geen fouten: de documenten zijn definitief."))
            self.concept.setStyleSheet("")
        if self.isVisible():
            self.render_previews(debounce=True)

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        # Once the page is shown and laid out: the pages are made for the view's real width
        # (not for the width it had before, which would make them twice).
        QTimer.singleShot(0, self, self.render_previews)

    def render_previews(self, debounce: bool = False) -> None:
        """Make the pages of the tab in view again when the conversation changed since they
        were made (the other tab when it is opened); in the background, and after a short
        pause when `debounce` (a change while the page is shown)."""
        kind = DOCUMENT_KINDS[max(self.tabs.currentIndex(), 0)]
        view = self.previews[kind]
        renderer = self.renderers[kind]
        if view.shown_revision == self.model.revision and not renderer.busy:
            return
        running = renderer.running
        if (
            running is not None
            and running.revision == self.model.revision
            and not renderer.timer.isActive()
        ):
            return  # being made for this version now (the page shown again meanwhile)
        if debounce:
            renderer.schedule()
        else:
            renderer.start_now()

    @property
    def style(self) -> HouseStyle:
        """The documents' house style under the conversation's rulebook."""
        return house_style(self.rulebook)

    def _request(self, kind: str) -> Request:
        return Request(
            kind=kind,
            advice=self.advice,
            style=self.style,
            ppi=self.previews[kind].ppi(),
            revision=self.model.revision,
        )

    def _show_preview(self, result: Result) -> None:
        self.previews[result.request.kind].show_result(result)

    # --- export --------------------------------------------------------------------------------

    def chosen_formats(self) -> list[str]:
        return [fmt for fmt, box in self.format_boxes.items() if box.isChecked()]

    def chosen_kinds(self) -> list[str]:
        return [kind for kind, box in self.kind_boxes.items() if box.isChecked()]

    def export(self) -> None:
        formats = self.chosen_formats()
        if not formats:
            QMessageBox.information(
                self, self.tr("Exporteren"), self.tr("Kies ten minste één formaat.")
            )
            return
        folder = dialogs.folder_name(
            self, self.tr("Map voor de documenten"), str(self._default_folder())
        )
        if folder:
            self._remember(Path(folder) / "x")
            self.export_to(Path(folder), formats)

    def _default_folder(self) -> Path:
        """The folder the advisor used last (remembered by the window), else the
        conversation's folder, else the home folder."""
        window = self.window()
        if hasattr(window, "start_folder"):
            return Path(window.start_folder())
        return self.model.file.parent if self.model.file else Path.home()

    def _remember(self, path: Path) -> None:
        window = self.window()
        if hasattr(window, "remember_folder"):
            window.remember_folder(path)

    def open_export_folder(self) -> None:
        if self.exported_to is not None:
            dialogs.open_folder(self.exported_to)

    def export_to(self, folder: Path, formats: list[str]) -> list[Path]:
        """Write the documents in `formats` and the platform configuration into `folder`."""
        # Imported here: the wizard starts without the documents (bench/bench_startup.py).
        from wizard.documents.export import write_outputs

        advice, style = self.advice, self.style
        keep = (self.model.file,) if self.model.file else ()  # never the conversation's own file
        title = self.tr("Documenten maken")
        try:
            written = run_with_progress(
                self.window(),
                title,
                lambda progress: write_outputs(
                    advice, style, folder, formats, progress=progress, keep=keep
                ),
            )
        except ExportCancelled:
            self._show_result(self.tr("Exporteren is afgebroken."), True)
            return []
        except Exception as error:  # noqa: BLE001 - the advisor gets the reason, the UI lives on
            self._show_result(self.tr("Exporteren is mislukt: {error}").format(error=error), True)
            return []
        names = ", ".join(Path(path).name for path in written)
        self._show_result(
            self.tr("Opgeslagen in {folder}: {names}").format(folder=folder, names=names), False
        )
        self.exported_to = Path(folder)
        self.buttons["open_folder"].setEnabled(True)
        return [Path(path) for path in written]

    def export_verantwoording(self) -> None:
        """Write the verantwoording (PDF and HTML) into a folder the advisor chooses, and open
        the PDF."""
        folder = dialogs.folder_name(
            self, self.tr("Map voor de verantwoording"), str(self._default_folder())
        )
        if folder:
            self._remember(Path(folder) / "x")
            self.write_verantwoording(Path(folder), open_it=True)

    def write_verantwoording(self, folder: Path, open_it: bool = False) -> list[Path]:
        """verantwoording.pdf and .html in `folder` (the PDF opened when `open_it`)."""
        # Imported here: the wizard starts without the documents (bench/bench_startup.py).
        from wizard.documents.export import write_outputs

        advice, style = self.advice, self.style
        keep = (self.model.file,) if self.model.file else ()
        try:
            written = run_with_progress(
                self.window(),
                self.tr("Verantwoording maken"),
                lambda progress: write_outputs(
                    advice,
                    style,
                    folder,
                    ["pdf", "html"],
                    progress=progress,
                    keep=keep,
                    kinds=("verantwoording",),
                    configuration=False,
                ),
            )
        except ExportCancelled:
            self._show_result(self.tr("Exporteren is afgebroken."), True)
            return []
        except Exception as error:  # noqa: BLE001 - the advisor gets the reason, the UI lives on
            self._show_result(self.tr("Exporteren is mislukt: {error}").format(error=error), True)
            return []
        paths = [Path(path) for path in written]
        self._show_result(
            self.tr("Verantwoording opgeslagen in {folder}").format(folder=folder), False
        )
        self.exported_to = Path(folder)
        self.buttons["open_folder"].setEnabled(True)
        if open_it:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(paths[0])))
        return paths

    def save_configuration(self) -> None:
        start = self._default_folder() / CONFIGURATION_FILE
        name = dialogs.save_file_name(
            self,
            self.tr("Platformconfiguratie opslaan"),
            str(start),
            self.tr("YAML-bestanden (*.yaml *.yml)"),
        )
        if name:
            self._remember(Path(name))
            self.save_configuration_to(Path(name))

    def save_configuration_to(self, path: Path) -> bool:

        try:
            write_atomic(path, configuration_yaml(self.advice))
        except InputError as error:
            self._show_result(str(error), True)
            return False
        self._show_result(
            self.tr("Platformconfiguratie opgeslagen: {file}").format(file=path), False
        )
        return True

    def _show_result(self, text: str, problem: bool) -> None:
        self.result.setText(text)
        self.result.setStyleSheet(
            f"color: {severity_color(self.result, 'error')};" if problem else ""
        )
        window = self.window()
        if hasattr(window, "statusBar"):
            window.statusBar().showMessage(text, 8000)

    # --- printing ------------------------------------------------------------------------------

    def _printer(self) -> Any:

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.tr("Adviesgesprek"))
        return printer

    def print_preview(self) -> None:
        """The print preview: the printed pages as they will come out. The printer stays
        referenced while the dialog is open (the dialog does not own it; a printer freed under
        it crashed the program)."""

        if not self._can_print():
            return
        self._preview_printer = self._printer()
        dialog = QPrintPreviewDialog(self._preview_printer, self)
        dialog.setObjectName("documents.print_preview_dialog")
        dialog.setWindowTitle(self.tr("Afdrukvoorbeeld"))
        fit_print_preview(dialog, self.window().size())
        dialog.paintRequested.connect(lambda printer: self.print_to(printer, with_progress=False))
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()
            self._preview_printer = None

    def print_dialog(self) -> None:

        if not self._can_print():
            return
        printer = self._printer()
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Afdrukken"))
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            self.print_to(printer)

    def _can_print(self) -> bool:
        if not self.chosen_kinds():
            QMessageBox.information(
                self, self.tr("Afdrukken"), self.tr("Kies ten minste één document.")
            )
            return False
        return True

    def pages_for(self, printer: Any) -> list[bytes]:
        """The page images for this printer, made in the background at its resolution (at most
        600 ppi; at most PREVIEW_PPI for the preview, which keeps every page it shows in memory),
        and kept for the next time (a preview and then its print)."""
        from wizard.documents.printing import print_ppi

        ppi = print_ppi(printer)
        engine = printer.paintEngine()
        if engine is not None and engine.type() == QPaintEngine.Type.Picture:
            ppi = min(ppi, PREVIEW_PPI)
        kinds = tuple(self.chosen_kinds())
        key = (self.model.revision, kinds, ppi)
        if self._print_pages is not None and self._print_pages[0] == key:
            return self._print_pages[1]
        advice, style = self.advice, self.style
        pages = run_in_background(
            self.window(),
            self.tr("Afdrukken"),
            self.tr("De pagina's worden gemaakt…"),
            lambda _cancelled: page_maker().pages(advice, style, kinds, ppi),
        )
        self._print_pages = (key, pages)
        return pages

    def print_to(self, printer: Any, with_progress: bool = True) -> bool:
        """Print the chosen documents on a printer (or the preview's printer)."""
        # Imported here: the wizard starts without the documents (bench/bench_startup.py).
        from wizard.documents.decoration import pdf_title
        from wizard.documents.printing import paint_pages

        kinds = self.chosen_kinds()
        try:
            pages = self.pages_for(printer)
            printer.setDocName(pdf_title(kinds[0], self.advice, self.style))
            paint_pages(printer, pages)
        except BackgroundCancelled:
            self._show_result(self.tr("Afdrukken is afgebroken."), True)
            return False
        except Exception as error:  # noqa: BLE001
            self._show_result(self.tr("Afdrukken is mislukt: {error}").format(error=error), True)
            return False
        if with_progress:
            self._show_result(self.tr("De documenten zijn naar de printer gestuurd."), False)
        return True

    def side_html(self) -> str:
        text = self.tr(
            "Regelboek {version} van {date}. De bron van iedere afspraak staat in de "
            "verantwoording (knop Verantwoording…)."
        ).format(version=self.advice.rulebook.version, date=self.advice.rulebook.date)
        return f"<p>{esc(text)}</p>"

    def page_findings(self) -> list[Any]:
        return list(self.advice.errors)
