"""The main window: the wizard in the middle, the side panel beside it, menus for files, and the
plumbing between the session model, the pages, autosave and the recent files.

The window is built in two steps so that it shows at once: the start page first, and the other
pages as soon as the rulebook is loaded (`install_rulebook`).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMainWindow, QWidget, QWizard

from wizard.paths import resources_dir
from wizard.ui import dialogs, ids
from wizard.ui.autosave import SUFFIX, autosave_folder, find_recoveries
from wizard.ui.start_page import StartPage

if TYPE_CHECKING:
    from wizard.core.rulebook import Rulebook
    from wizard.ui.autosave import Autosaver, Recovery
    from wizard.ui.base import Page
    from wizard.ui.model import SessionModel

START = ids.START
RECENT_KEY = "recentFiles"
RECENT_MAX = 8


class AdviesWizard(QWizard):
    """The QWizard embedded in the main window. Escape does not close it; Finish asks the window
    to close (which asks about unsaved changes)."""

    finishRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowFlags(Qt.WindowType.Widget)
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoCancelButton, True)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.HaveCustomButton1, True)
        self.setButtonLayout([QWizard.WizardButton.CustomButton1, QWizard.WizardButton.Stretch,
                              QWizard.WizardButton.BackButton, QWizard.WizardButton.NextButton,
                              QWizard.WizardButton.FinishButton])
        self.setButtonText(QWizard.WizardButton.CustomButton1, self.tr("Terug naar overzicht"))
        self.button(QWizard.WizardButton.CustomButton1).setObjectName("wizard.to_overview")
        self.button(QWizard.WizardButton.CustomButton1).hide()
        icon = QIcon(str(resources_dir() / "icons" / "adviesgesprek.png"))
        self.setPixmap(QWizard.WizardPixmap.LogoPixmap, icon.pixmap(48, 48))

    def reject(self) -> None:
        """Escape: stay in the conversation."""

    def done(self, result: int) -> None:
        if result == QWizard.DialogCode.Accepted:
            self.finishRequested.emit()


class MainWindow(QMainWindow):
    ready = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("main_window")
        self.model: SessionModel | None = None
        self.autosaver: Autosaver | None = None
        self.rulebook: Rulebook | None = None
        self.pending_file: Path | None = None
        self.returning_to_overview = False
        self.pages: dict[int, Page] = {}
        self.wizard = AdviesWizard(self)
        self.wizard.setObjectName("wizard")
        self.start_page = StartPage()
        self.wizard.setPage(START, self.start_page)
        self.setCentralWidget(self.wizard)
        self.side_panel: Any = None
        self._build_menus()
        self._connect_start_page()
        self.wizard.currentIdChanged.connect(self._page_changed)
        self.wizard.customButtonClicked.connect(self._custom_button)
        self.wizard.finishRequested.connect(self.close)
        self.recoveries: list[Recovery] = find_recoveries(autosave_folder())
        self.start_page.set_recoveries(self.recoveries)
        self.start_page.set_recent(self.recent_files())
        self.resize(1180, 800)
        geometry = QSettings().value("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        self._update_title()

    # --- building ----------------------------------------------------------------------------

    def _build_menus(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&Bestand"))
        self.actions: dict[str, QAction] = {}
        for name, text, shortcut, slot in (
                ("new", self.tr("&Nieuw gesprek"), QKeySequence.StandardKey.New,
                 self.new_conversation),
                ("open", self.tr("&Openen…"), QKeySequence.StandardKey.Open, self.open_dialog),
                ("save", self.tr("Op&slaan"), QKeySequence.StandardKey.Save, self.save),
                ("save_as", self.tr("Opslaan &als…"), QKeySequence.StandardKey.SaveAs,
                 self.save_as),
                ("quit", self.tr("&Afsluiten"), QKeySequence.StandardKey.Quit, self.close)):
            action = QAction(text, self)
            action.setShortcut(QKeySequence(shortcut))
            action.triggered.connect(slot)
            action.setObjectName(f"action.{name}")
            self.actions[name] = action
            if name == "quit":
                self.recent_menu = menu.addMenu(self.tr("&Recente gesprekken"))
                menu.addSeparator()
            menu.addAction(action)
        self.go_menu = self.menuBar().addMenu(self.tr("&Ga naar"))
        self.view_menu = self.menuBar().addMenu(self.tr("Bee&ld"))
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = QAction(self.tr("&Over Adviesgesprek"), self)
        about.setObjectName("action.about")
        about.triggered.connect(lambda: dialogs.show_about(self, self.rulebook))
        help_menu.addAction(about)
        for name in ("new", "open", "save", "save_as"):
            self.actions[name].setEnabled(False)
        self._fill_recent_menu()

    def _connect_start_page(self) -> None:
        page = self.start_page
        page.newRequested.connect(self.new_conversation)
        page.openRequested.connect(self.open_dialog)
        page.recentRequested.connect(lambda name: self.open_file(Path(name)))
        page.recoverRequested.connect(self.recover)
        page.discardRequested.connect(self.discard_recovery)

    def install_rulebook(self, rulebook: Rulebook) -> None:
        """Second step of start-up: the session model, the pages, autosave, the side panel."""
        from wizard.ui.autosave import Autosaver
        from wizard.ui.model import SessionModel
        from wizard.ui.side_panel import SidePanel

        self.rulebook = rulebook
        self.model = SessionModel(rulebook, self)
        self._build_pages()
        self.side_panel = SidePanel(self)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.side_panel)
        self.resizeDocks([self.side_panel], [360], Qt.Orientation.Horizontal)
        self.side_panel.findingActivated.connect(self.show_path)
        toggle = self.side_panel.toggleViewAction()
        toggle.setText(self.tr("&Toelichting"))
        toggle.setShortcut(QKeySequence(Qt.Key.Key_F9))
        toggle.setObjectName("action.side_panel")
        self.view_menu.addAction(toggle)
        self.autosaver = Autosaver(self.model, autosave_folder(), parent=self)
        self.autosaver.saved.connect(self._autosaved)
        self.autosaver.failed.connect(lambda message: self.statusBar().showMessage(
            self.tr("Automatisch bewaren lukt niet: {message}").format(message=message)))
        self.model.changed.connect(self._changed)
        self.model.reset.connect(self._reset)
        self.model.modifiedChanged.connect(lambda _modified: self._update_title())
        self.model.fileChanged.connect(lambda _file: self._update_title())
        for name in ("new", "open", "save", "save_as"):
            self.actions[name].setEnabled(True)
        text = self.tr("Regelboek {version} van {date}.").format(version=rulebook.version,
                                                                 date=rulebook.date)
        self.start_page.set_ready(True, text)
        self._reset()
        self._update_side_panel()
        if self.pending_file is not None:
            self.open_file(self.pending_file)
            self.pending_file = None
        self.ready.emit()

    def _build_pages(self) -> None:
        from wizard.ui.advice_page import AdvicePage
        from wizard.ui.attention_page import AttentionPage
        from wizard.ui.choice_page import ChoicePage
        from wizard.ui.documents_page import DocumentsPage
        from wizard.ui.minister_page import MinisterPage
        from wizard.ui.overview_page import OverviewPage
        from wizard.ui.platform_page import PlatformPage
        from wizard.ui.predecessor_page import PredecessorPage
        from wizard.ui.situation_page import SituationPage
        from wizard.ui.webcare_page import WebcarePage

        model = self.model
        pages: dict[int, Page] = {
            ids.MINISTER: MinisterPage(model), ids.SITUATION: SituationPage(model),
            ids.ADVICE: AdvicePage(model), ids.CHOICE: ChoicePage(model)}
        for index, key in enumerate(model.rulebook.platforms):
            pages[ids.PLATFORM_FIRST + index] = PlatformPage(model, key, first=index == 0)
        pages[ids.WEBCARE] = WebcarePage(model)
        pages[ids.PREDECESSOR] = PredecessorPage(model)
        pages[ids.ATTENTION] = AttentionPage(model)
        overview = OverviewPage(model, self.answer_pages, self.owner_of)
        overview.editRequested.connect(self.edit_from_overview)
        pages[ids.OVERVIEW] = overview
        documents = DocumentsPage(model)
        documents.saveRequested.connect(self.save)
        pages[ids.DOCUMENTS] = documents
        for page_id, page in pages.items():
            page.setObjectName(f"page.{page_id}")
            self.wizard.setPage(page_id, page)
            action = self.go_menu.addAction(page.title())
            action.triggered.connect(lambda _checked=False, target=page_id: self.go_to(target))
        self.pages = pages

    # --- navigation --------------------------------------------------------------------------

    def answer_pages(self) -> list[tuple[int, Page]]:
        return [(page_id, page) for page_id, page in sorted(self.pages.items())
                if page_id not in (ids.OVERVIEW, ids.DOCUMENTS)]

    def owner_of(self, path: str) -> int | None:
        """The page that asks for a session path."""
        from wizard.ui import base

        for page_id, page in self.answer_pages():
            if any(field.path == path for field in page.fields) or \
                    page.findChild(QWidget, path) is not None:
                return page_id
        if path == "platforms":
            return ids.PLATFORM_FIRST
        for page_id, page in self.answer_pages():
            if base.matches_prefix(path, page.finding_prefixes):
                return page_id
        return None

    def go_to(self, target: int) -> bool:
        """Walk the wizard to a page: back through the history, or forward with Next."""
        wizard = self.wizard
        if target not in wizard.pageIds():
            return False
        if wizard.currentId() == -1:
            wizard.restart()  # not shown yet: start at the start page
        for _step in range(len(wizard.pageIds()) * 2):
            current = wizard.currentId()
            if current == target:
                return True
            if target in wizard.visitedIds():
                wizard.back()
            else:
                wizard.next()
            if wizard.currentId() == current:
                return False  # the wizard would not move
        return wizard.currentId() == target

    def show_path(self, path: str) -> None:
        page_id = self.owner_of(path)
        if page_id is not None and self.go_to(page_id):
            self.pages[page_id].focus_path(path)

    def edit_from_overview(self, page_id: int, path: str) -> None:
        if page_id is None or not self.go_to(page_id):
            return
        self.returning_to_overview = True
        self.wizard.button(QWizard.WizardButton.CustomButton1).show()
        self.pages[page_id].focus_path(path)

    def return_to_overview(self) -> None:
        self.go_to(ids.OVERVIEW)

    def _custom_button(self, which: int) -> None:
        if which == QWizard.WizardButton.CustomButton1.value:
            self.return_to_overview()

    def _page_changed(self, page_id: int) -> None:
        if page_id == ids.OVERVIEW or page_id == START:
            self.returning_to_overview = False
            self.wizard.button(QWizard.WizardButton.CustomButton1).hide()
        page = self.pages.get(page_id)
        if page is not None:
            page.refresh()
        self._update_side_panel()
        if self.autosaver is not None:
            self.autosaver.page = page_id
            self.autosaver.flush()

    def _changed(self, _path: str) -> None:
        page = self.pages.get(self.wizard.currentId())
        if page is not None:
            page.refresh()
        self._update_side_panel()

    def _reset(self) -> None:
        for page in self.pages.values():
            page.load()
        self._update_side_panel()
        self._update_title()

    def _update_side_panel(self) -> None:
        if self.side_panel is None:
            return
        page = self.pages.get(self.wizard.currentId())
        if page is None:
            html = self.tr("<p>Begin een nieuw gesprek of open een opgeslagen gesprek. Het "
                           "programma leidt u daarna pagina voor pagina door het gesprek.</p>")
            self.side_panel.show_page(html, [])
        else:
            self.side_panel.show_page(page.side_html(), page.page_findings())

    # --- files -------------------------------------------------------------------------------

    def display_name(self) -> str:
        if self.model is not None and self.model.file is not None:
            return self.model.file.name
        return self.tr("Nieuw gesprek")

    def _update_title(self) -> None:
        self.setWindowTitle(self.tr("{name}[*] — Adviesgesprek").format(name=self.display_name()))
        self.setWindowModified(bool(self.model and self.model.modified))

    def _autosaved(self, _file: str) -> None:
        from datetime import datetime

        self.statusBar().showMessage(self.tr("Automatisch bewaard om {time}").format(
            time=datetime.now().strftime("%H:%M:%S")), 4000)

    def maybe_save(self) -> bool:
        """Whether it is fine to replace or close the current conversation."""
        if self.model is None or not self.model.modified:
            return True
        answer = dialogs.ask_unsaved(self, self.display_name())
        if answer == dialogs.SAVE:
            return self.save()
        return answer == dialogs.DISCARD

    def new_conversation(self) -> None:
        from wizard.core.session import new_session
        if self.model is None or not self.maybe_save():
            return
        self.model.replace(new_session(), None)
        self.go_to(ids.MINISTER)

    def open_dialog(self) -> None:
        if self.model is None or not self.maybe_save():
            return
        start = str(self.model.file.parent) if self.model.file else str(Path.home())
        name, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Gesprek openen"), start,
            self.tr("Adviesgesprekken (*{suffix});;Alle bestanden (*)").format(suffix=SUFFIX))
        if name:
            self.open_file(Path(name), ask=False)

    def open_file(self, path: Path, ask: bool = True) -> bool:
        """Open a saved conversation; a file that cannot be used gets a Dutch message."""
        from wizard.core.errors import InputError
        from wizard.core.session import load_session
        if self.model is None:
            self.pending_file = Path(path)
            return False
        if ask and not self.maybe_save():
            return False
        try:
            session = load_session(path)
        except InputError as error:
            dialogs.show_error(self, self.tr("Openen lukt niet"), str(error))
            return False
        self.model.replace(session, Path(path).resolve())
        self.add_recent(Path(path).resolve())
        if session.dropped_secrets:
            dialogs.show_info(self, self.tr("Gegevens niet overgenomen"), self.tr(
                "Het bestand bevatte velden die op een wachtwoord of code lijken ({fields}). Die "
                "bewaart het programma niet; ze zijn weggelaten.").format(
                fields=", ".join(session.dropped_secrets)))
        self.go_to(ids.MINISTER)
        return True

    def save(self) -> bool:
        if self.model is None:
            return False
        if self.model.file is None:
            return self.save_as()
        return self.save_to(self.model.file)

    def save_as(self) -> bool:
        if self.model is None:
            return False
        suggestion = self.model.file or Path.home() / self._suggested_name()
        name, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Gesprek opslaan"), str(suggestion),
            self.tr("Adviesgesprekken (*{suffix})").format(suffix=SUFFIX))
        if not name:
            return False
        return self.save_to(Path(name))

    def _suggested_name(self) -> str:
        from wizard.core.text import slug

        name = slug(self.model.value("minister.name") or "") if self.model else ""
        return f"{name or 'gesprek'}{SUFFIX}"

    def save_to(self, path: Path) -> bool:
        from wizard.core.errors import InputError
        from wizard.core.session import save_session

        if not path.name.endswith(SUFFIX):
            path = path.with_name(path.name.removesuffix(".yaml") + SUFFIX)
        try:
            save_session(self.model.session, path, self.model.rulebook)
        except InputError as error:
            dialogs.show_error(self, self.tr("Opslaan lukt niet"), str(error))
            return False
        self.model.set_file(path.resolve())
        self.model.set_modified(False)
        if self.autosaver is not None:
            self.autosaver.saved_revision = self.model.revision
            self.autosaver.discard()
        self.add_recent(path.resolve())
        self.statusBar().showMessage(self.tr("Opgeslagen: {file}").format(file=path), 5000)
        return True

    # --- recent files --------------------------------------------------------------------------

    def recent_files(self) -> list[str]:
        value = QSettings().value(RECENT_KEY, [])
        if isinstance(value, str):
            value = [value]
        return [str(item) for item in (value or [])]

    def add_recent(self, path: Path) -> None:
        files = [name for name in self.recent_files() if name != str(path)]
        files.insert(0, str(path))
        QSettings().setValue(RECENT_KEY, files[:RECENT_MAX])
        self.start_page.set_recent(files[:RECENT_MAX])
        self._fill_recent_menu()

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        files = self.recent_files()
        for index, name in enumerate(files):
            action = self.recent_menu.addAction(f"&{index + 1} {Path(name).name}")
            action.setToolTip(name)
            action.triggered.connect(lambda _checked=False, n=name: self.open_file(Path(n)))
        self.recent_menu.setEnabled(bool(files))

    # --- recovery ------------------------------------------------------------------------------

    def recover(self, recovery: Recovery) -> bool:
        """Take over an autosave left behind by a crash: nothing of it is lost."""
        from wizard.core.errors import InputError
        if self.model is None:
            return False
        try:
            session = recovery.load()
        except InputError as error:
            dialogs.show_error(self, self.tr("Herstellen lukt niet"), str(error))
            return False
        self.model.replace(session, recovery.original_file, modified=True)
        if self.autosaver is not None:
            self.autosaver.flush()   # our own autosave holds it now, before the old one goes
        recovery.discard()
        self.recoveries = [item for item in self.recoveries if item is not recovery]
        self.start_page.set_recoveries(self.recoveries)
        page = recovery.meta.get("page")
        target = page if isinstance(page, int) and page in self.pages else ids.MINISTER
        self.go_to(target)
        self.statusBar().showMessage(self.tr("Het gesprek is hersteld."), 5000)
        return True

    def discard_recovery(self, recovery: Recovery) -> None:
        recovery.discard()
        self.recoveries = [item for item in self.recoveries if item is not recovery]
        self.start_page.set_recoveries(self.recoveries)

    # --- closing -------------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if not self.maybe_save():
            event.ignore()
            return
        if self.autosaver is not None:
            self.autosaver.close()
        QSettings().setValue("geometry", self.saveGeometry())
        event.accept()
