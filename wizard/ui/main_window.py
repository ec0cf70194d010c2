"""The main window: the wizard in the middle, the step list and the side panel beside it, the
menus, and the navigation between the pages. What the window does besides is done by its
collaborators, each given what it needs when it is made: the window's place on the screen
(`placement`), the pages (`pages`, `page_index`), the findings as the wizard presents them
(`findings`), opening, saving and recovering (`files`), the recent files (`recent`), and the
thread that writes saves and autosaves (`writer`).

The window is built in two steps, so that it shows at once: the start page first, and the other
pages as soon as the rulebook is loaded (`install_rulebook`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QMimeData, QObject, Qt, QTime, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeyEvent,
    QKeySequence,
)
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMenu, QWidget, QWizard

from wizard.core.rulebook import Rulebook
from wizard.ui import dialogs, ids
from wizard.ui.autosave import Autosaver, Recovery, autosave_folder, find_recoveries
from wizard.ui.base import Page
from wizard.ui.compare_dialog import open_compare
from wizard.ui.files import ConversationFiles, fresh_session
from wizard.ui.findings import Findings
from wizard.ui.focus import focus_chain
from wizard.ui.icon import ICON_SIZES, app_icon
from wizard.ui.model import SessionModel
from wizard.ui.page_index import PageIndex
from wizard.ui.pages import make_pages
from wizard.ui.placement import DockLayout, WindowPlacement
from wizard.ui.recent import RecentFiles
from wizard.ui.side_panel import STEP_MARK, SidePanel, StepList
from wizard.ui.start_page import StartPage
from wizard.ui.style import FocusFollower, HeaderFit
from wizard.ui.writer import Writer

START = ids.START
WIZARD_MINIMUM = (300, 220)
#: the wizard's own buttons, after the page in the tab order
WIZARD_BUTTONS = (
    QWizard.WizardButton.CustomButton1,
    QWizard.WizardButton.BackButton,
    QWizard.WizardButton.NextButton,
    QWizard.WizardButton.FinishButton,
)
#: the File menu's actions that need the rulebook
NEEDS_RULEBOOK = ("new", "open", "save", "save_as", "print_preview", "print", "compare")
STATUS_MESSAGE_MS = 4000


class AdviesWizard(QWizard):
    """The QWizard embedded in the main window. Escape does not close it; Finish asks the window
    to close (which asks about unsaved changes)."""

    finishRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)  # no parent: made a child widget by setCentralWidget
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoCancelButton, True)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.HaveCustomButton1, True)
        self.setButtonLayout(
            [
                QWizard.WizardButton.CustomButton1,
                QWizard.WizardButton.Stretch,
                QWizard.WizardButton.BackButton,
                QWizard.WizardButton.NextButton,
                QWizard.WizardButton.FinishButton,
            ]
        )
        self.setButtonText(QWizard.WizardButton.CustomButton1, self.tr("Terug naar overzicht"))
        self.button(QWizard.WizardButton.CustomButton1).setObjectName("wizard.to_overview")
        self.button(QWizard.WizardButton.CustomButton1).hide()
        # QWizard grows its minimum width to the widest page header it has shown (at a large
        # scale factor the window would then grow past the screen); a minimum of our own keeps
        # it at bay.
        self.setMinimumSize(*WIZARD_MINIMUM)
        icon = QApplication.windowIcon()  # the application's: its smaller picture is the logo
        if icon.isNull():
            icon = app_icon()
        logo = ICON_SIZES[0]
        self.setPixmap(QWizard.WizardPixmap.LogoPixmap, icon.pixmap(logo, logo))
        self.header_fit = HeaderFit(self)  # the header grows in height, not past the window

    def reject(self) -> None:
        """Escape: stay in the conversation."""

    def done(self, result: int) -> None:
        if result == QWizard.DialogCode.Accepted:
            self.finishRequested.emit()


class MenuEnds(QObject):
    """Home and End in a menu go to its first and its last item."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if (
            isinstance(watched, QMenu)
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Home, Qt.Key.Key_End)
        ):
            actions = [
                action
                for action in watched.actions()
                if action.isVisible() and action.isEnabled() and not action.isSeparator()
            ]
            if actions:
                watched.setActiveAction(actions[0 if event.key() == Qt.Key.Key_Home else -1])
            return True
        return super().eventFilter(watched, event)


class MainWindow(QMainWindow):
    #: the rulebook is loaded and every page is built
    ready = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("main_window")
        self.rulebook: Rulebook | None = None
        self.model: SessionModel | None = None
        self.autosaver: Autosaver | None = None
        self.writer: Writer | None = None
        self.files: ConversationFiles | None = None
        self.findings: Findings | None = None
        self.side_panel: SidePanel | None = None
        self.steps: StepList | None = None
        self.docks: DockLayout | None = None
        self.step_label: QLabel | None = None
        self.focus_ring: FocusFollower | None = None
        self.pending_file: Path | None = None  # given before the rulebook was loaded
        self.index = PageIndex()
        self.go_actions: dict[int, QAction] = {}
        self._previous_page = -1
        self._jumping = False  # go_to passes pages by: they are not visited
        #: after a recovery: the scroll bar of the page and how far to scroll it, once it can
        self._scroll_wanted: tuple[Any, int] | None = None
        self._tab_orders: dict[int, tuple[int, ...]] = {}
        self.wizard = AdviesWizard()
        self.wizard.setObjectName("wizard")
        self.start_page = StartPage()
        self.wizard.setPage(START, self.start_page)
        self.setCentralWidget(self.wizard)
        self.placement = WindowPlacement(self)
        self._build_menus()
        self.recent = RecentFiles(self.recent_menu, self)
        self.recent.openRequested.connect(self.open_file)
        self.recent.changed.connect(self._show_recent)
        self.start_page.recentRemoved.connect(self.recent.remove)
        #: the autosaves left behind, found at start (`files` takes them over)
        self.recoveries_found = find_recoveries(autosave_folder())
        self.start_page.set_recoveries(self.recoveries_found)
        self.wizard.currentIdChanged.connect(self._page_changed)
        self.wizard.customButtonClicked.connect(self._custom_button)
        self.wizard.finishRequested.connect(self.close)
        self.setAcceptDrops(True)  # a conversation's file dropped on the window opens it
        self.placement.place()
        self._update_title()
        QApplication.instance().focusChanged.connect(self._focus_changed)

    @property
    def pages(self) -> dict[int, Page]:
        return self.index.pages

    # --- building ----------------------------------------------------------------------------

    def _build_menus(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&Bestand"))
        self.actions: dict[str, QAction] = {}
        for name, text, shortcut in (
            ("new", self.tr("&Nieuw gesprek"), QKeySequence.StandardKey.New),
            ("open", self.tr("&Openen…"), QKeySequence.StandardKey.Open),
            ("save", self.tr("Op&slaan"), QKeySequence.StandardKey.Save),
            ("save_as", self.tr("Opslaan &als…"), QKeySequence.StandardKey.SaveAs),
            ("print_preview", self.tr("Afdruk&voorbeeld…"), None),
            ("print", self.tr("Af&drukken…"), QKeySequence.StandardKey.Print),
            ("quit", self.tr("&Afsluiten"), QKeySequence.StandardKey.Quit),
        ):
            action = QAction(text, self)
            if shortcut is not None:
                action.setShortcuts(shortcut)
            action.setObjectName(f"action.{name}")
            self.actions[name] = action
            if name == "print_preview":
                menu.addSeparator()
            if name == "quit":
                self.recent_menu = menu.addMenu(self.tr("&Recente gesprekken"))
                menu.addSeparator()
            menu.addAction(action)
        self.actions["quit"].triggered.connect(self.close)
        edit_menu = self.menuBar().addMenu(self.tr("B&ewerken"))
        for name, text, shortcut in (
            ("undo", self.tr("&Ongedaan maken"), QKeySequence.StandardKey.Undo),
            ("redo", self.tr("O&pnieuw"), QKeySequence.StandardKey.Redo),
        ):
            action = QAction(text, self)
            action.setShortcuts(shortcut)
            action.setObjectName(f"action.{name}")
            action.setEnabled(False)  # (until there is a change to undo or redo)
            self.actions[name] = action
            edit_menu.addAction(action)
        redo_keys = self.actions["redo"].shortcuts()
        if QKeySequence("Ctrl+Shift+Z") not in redo_keys:
            self.actions["redo"].setShortcuts([*redo_keys, QKeySequence("Ctrl+Shift+Z")])
        rulebook_menu = self.menuBar().addMenu(self.tr("&Regelboek"))
        compare = QAction(self.tr("&Vergelijken met ander regelboek…"), self)
        compare.setObjectName("action.compare")
        compare.triggered.connect(self.compare_dialog)
        rulebook_menu.addAction(compare)
        self.actions["compare"] = compare
        self.go_menu = self.menuBar().addMenu(self.tr("&Ga naar"))
        self.go_menu.installEventFilter(MenuEnds(self.go_menu))
        self.view_menu = self.menuBar().addMenu(self.tr("Bee&ld"))
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        manual = QAction(self.tr("&Handleiding en sneltoetsen"), self)
        manual.setObjectName("action.manual")
        manual.setShortcuts(QKeySequence.StandardKey.HelpContents)
        manual.triggered.connect(lambda: dialogs.show_manual(self))
        help_menu.addAction(manual)
        about = QAction(self.tr("&Over Adviesgesprek"), self)
        about.setObjectName("action.about")
        about.triggered.connect(lambda: dialogs.show_about(self, self.rulebook))
        help_menu.addAction(about)
        for name in NEEDS_RULEBOOK:
            self.actions[name].setEnabled(False)

    def install_rulebook(self, rulebook: Rulebook) -> None:
        """Second step of start-up: the session model, the pages, the docks, autosave and the
        files."""
        self.rulebook = rulebook
        self.focus_ring = FocusFollower(self)
        self.step_label = QLabel()
        self.step_label.setObjectName("step_label")
        self.statusBar().addPermanentWidget(self.step_label)
        self.model = SessionModel(rulebook, owner_of=self.index.owner_of, parent=self)
        self.model.replace(fresh_session(), None)
        self.findings = Findings(self.model, self.index)
        self._add_pages(make_pages(self.model, self.index, self.findings))
        self._add_docks(rulebook)
        self.writer = Writer(self)
        self.autosaver = Autosaver(self.model, autosave_folder(), self.writer, parent=self)
        self.autosaver.saved.connect(self._autosaved)
        self.autosaver.failed.connect(self._autosave_failed)
        self.autosaver.place = self._place
        for page in self.pages.values():
            if page.scroll is not None:
                bar = page.scroll.verticalScrollBar()
                bar.valueChanged.connect(self.autosaver.note_place)
                bar.rangeChanged.connect(lambda _low, _high, bar=bar: self._scroll_if_wanted(bar))
        self.files = ConversationFiles(
            self,
            self.model,
            self.autosaver,
            self.recent,
            self.index,
            self.recoveries_found,
            self.writer,
        )
        self._connect_files(self.files)
        self.model.changed.connect(self._changed)
        self.model.restored.connect(self._restored)
        self.model.reset.connect(self._reset)
        self._connect_undo(self.model)
        self.model.modifiedChanged.connect(lambda _modified: self._update_title())
        self.model.fileChanged.connect(lambda _file: self._update_title())
        for name in NEEDS_RULEBOOK:
            self.actions[name].setEnabled(True)
        text = self.tr("Regelboek {version} van {date}.").format(
            version=rulebook.version, date=rulebook.date
        )
        self._show_recent()
        self.start_page.set_ready(True, text)
        self._reset()
        if self.wizard.currentId() == START:
            self._set_tab_order(self.start_page)
            self.start_page.focus_first()
        if self.pending_file is not None:
            self.open_file(self.pending_file)
            self.pending_file = None
        self.ready.emit()

    def _add_pages(self, pages: dict[int, Page]) -> None:
        for page_id, page in pages.items():
            self.index.add(page_id, page)
            page.widgetsChanged.connect(lambda target=page: self._set_tab_order(target))
            self.wizard.setPage(page_id, page)
            action = self.go_menu.addAction(page.title())
            action.setObjectName(f"action.go.{page_id}")
            action.triggered.connect(lambda _checked=False, target=page_id: self.go_to(target))
            self.go_actions[page_id] = action
        self.pages[ids.OVERVIEW].editRequested.connect(self.edit_from_overview)

    def _add_docks(self, rulebook: Rulebook) -> None:
        self.side_panel = SidePanel(rulebook, self)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.side_panel)
        self.side_panel.findingActivated.connect(self.show_path)
        self.side_panel.widgetsChanged.connect(self._side_panel_changed)
        self.steps = StepList(self)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.steps)
        self.steps.pageActivated.connect(self.go_to)
        for dock, text, key in (
            (self.steps, self.tr("&Stappen"), Qt.Key.Key_F8),
            (self.side_panel, self.tr("&Toelichting"), Qt.Key.Key_F9),
        ):
            toggle = dock.toggleViewAction()
            toggle.setText(text)
            toggle.setShortcut(QKeySequence(key))
            toggle.setObjectName(f"action.{dock.objectName()}")
            toggle.triggered.connect(lambda checked, dock=dock: self._focus_dock(dock, checked))
            self.view_menu.addAction(toggle)
        self.docks = DockLayout(self, self.side_panel, self.steps)
        self.docks.restore()
        self.steps.toggleViewAction().triggered.connect(self.docks.steps_chosen)

    def _focus_dock(self, dock: QWidget, shown: bool) -> None:
        """A dock shown from the Beeld menu (F8, F9) gets the keyboard focus."""
        if shown:
            chain = [widget for widget in focus_chain(dock) if widget.isVisibleTo(dock)]
            if chain:
                chain[0].setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _connect_undo(self, model: SessionModel) -> None:
        """Bewerken › Ongedaan maken and Opnieuw: the model's undo stack, for every answer."""
        stack = model.undo_stack
        undo, redo = self.actions["undo"], self.actions["redo"]
        undo.triggered.connect(stack.undo)
        redo.triggered.connect(stack.redo)
        stack.canUndoChanged.connect(undo.setEnabled)
        stack.canRedoChanged.connect(redo.setEnabled)

    def _connect_files(self, files: ConversationFiles) -> None:
        files.landed.connect(self.go_to)
        files.message.connect(self.statusBar().showMessage)
        files.rulebookNoteChanged.connect(self._show_rulebook_note)
        files.recoveriesChanged.connect(self.start_page.set_recoveries)
        for name, slot in (
            ("new", files.new_conversation),
            ("open", files.open_dialog),
            ("save", files.save),
            ("save_as", files.save_as),
        ):
            self.actions[name].triggered.connect(slot)
        page = self.start_page
        page.newRequested.connect(files.new_conversation)
        page.openRequested.connect(files.open_dialog)
        page.recentRequested.connect(lambda name: self.open_file(Path(name)))
        page.recoverRequested.connect(self.recover)
        page.discardRequested.connect(files.discard_recovery)
        page.compareRequested.connect(self.compare_dialog)
        self.pages[ids.DOCUMENTS].saveRequested.connect(files.save)
        documents = self.pages[ids.DOCUMENTS]
        self.actions["print_preview"].triggered.connect(documents.print_preview)
        self.actions["print"].triggered.connect(documents.print_dialog)

    # --- the window's own files (the rest is `files`) ---------------------------------------------

    def open_file(self, path: Path, ask: bool = True) -> bool:
        """Open a saved conversation (before the rulebook is loaded: as soon as it is)."""
        if self.files is None:
            self.pending_file = Path(path)
            return False
        return self.files.open_file(path, ask)

    # (for scripts and tests: each returns once the file is on disk, with whether it is)

    def save(self) -> bool:
        return self.files is not None and self.files.save(wait=True)

    def save_as(self) -> bool:
        return self.files is not None and self.files.save_as(wait=True)

    def save_to(self, path: Path) -> bool:
        return self.files is not None and self.files.save_to(path, wait=True)

    @staticmethod
    def dropped_file(mime: QMimeData) -> Path | None:
        """The one local file a drag carries, or None."""
        urls = mime.urls() if mime.hasUrls() else []
        if len(urls) != 1 or not urls[0].isLocalFile():
            return None
        return Path(urls[0].toLocalFile())

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt's name
        if self.files is not None and self.dropped_file(event.mimeData()) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt's name
        path = self.dropped_file(event.mimeData())
        if self.files is None or path is None:
            return
        event.acceptProposedAction()
        # after the drop is over: opening may ask questions in dialogs of its own
        QTimer.singleShot(0, lambda: self.open_file(path))

    def recover(self, recovery: Recovery) -> bool:
        """Take over an autosave left behind, and return to where the advisor was: the page,
        the step marks and how far the page was scrolled."""
        if self.files is None or not self.files.recover(recovery):
            return False
        if recovery.visited is not None:
            self.model.set_visited(recovery.visited & set(self.pages))
            self._update_steps()
        page = self.pages.get(self.wizard.currentId())
        if page is not None and page.scroll is not None and recovery.scroll:
            bar = page.scroll.verticalScrollBar()
            self._scroll_wanted = (bar, recovery.scroll)
            self._scroll_if_wanted(bar)
        return True

    def _scroll_if_wanted(self, bar: Any) -> None:
        """Scroll a recovered page as far as it was, as soon as it is laid out that far."""
        if self._scroll_wanted is None or self._scroll_wanted[0] is not bar:
            return
        if bar.maximum() >= self._scroll_wanted[1]:
            bar.setValue(self._scroll_wanted[1])
            self._scroll_wanted = None

    def _place(self) -> dict[str, Any]:
        """Where the advisor is, for the autosave: the page, the pages visited, the scroll."""
        page = self.pages.get(self.wizard.currentId())
        scroll = page.scroll.verticalScrollBar().value() if page and page.scroll else 0
        visited = sorted(self.model.left_pages) if self.model is not None else []
        return {"page": self.wizard.currentId(), "visited": visited, "scroll": scroll}

    def compare_dialog(self) -> None:
        """Regelboek > Vergelijken met ander regelboek: what another rulebook changes for the
        open conversation."""
        if self.files is not None:
            open_compare(self, self.model, self.files.start_folder, self.files.remember_folder)

    def _show_recent(self) -> None:
        self.start_page.set_recent(self.recent.entries())

    def _show_rulebook_note(self, text: str) -> None:
        """On the start page and on the first page: the conversation was saved under another
        rulebook."""
        self.start_page.set_rulebook_note(text)
        first = self.pages.get(ids.MINISTER)
        if first is not None and self.files is not None:
            first.set_notice(self.files.rulebook_note)

    def _autosaved(self, _file: str) -> None:
        time = QTime.currentTime().toString("HH:mm:ss")
        self.statusBar().showMessage(
            self.tr("Automatisch bewaard om {time}").format(time=time), STATUS_MESSAGE_MS
        )

    def _autosave_failed(self, message: str) -> None:
        self.statusBar().showMessage(
            self.tr("Automatisch bewaren lukt niet: {message}").format(message=message)
        )

    # --- navigation --------------------------------------------------------------------------

    def owner_of(self, path: str) -> int | None:
        """The page that asks for a session path."""
        return self.index.owner_of(path)

    def go_to(self, target: int) -> bool:
        """Walk the wizard to a page: back through the history, or forward with Next."""
        wizard = self.wizard
        if target not in wizard.pageIds():
            return False
        if wizard.currentId() == -1:
            wizard.restart()  # not shown yet: start at the start page
        start = wizard.currentId()
        self._jumping = True
        try:
            self._walk_to(target)
        finally:
            self._jumping = False
        if wizard.currentId() != start:
            self._page_changed(wizard.currentId())  # the pages passed by are not visited
        return wizard.currentId() == target

    def _walk_to(self, target: int) -> None:
        wizard = self.wizard
        for _step in range(len(wizard.pageIds()) * 2):
            current = wizard.currentId()
            if current == target:
                return
            if target in wizard.visitedIds():
                wizard.back()
            else:
                wizard.next()
            if wizard.currentId() == current:
                return  # the wizard would not move

    def show_path(self, path: str) -> None:
        page_id = self.owner_of(path)
        if page_id is not None and self.go_to(page_id):
            self.pages[page_id].focus_path(path)

    def edit_from_overview(self, page_id: int, path: str) -> None:
        if page_id is None or not self.go_to(page_id):
            return
        self.wizard.button(QWizard.WizardButton.CustomButton1).show()
        self.pages[page_id].focus_path(path)

    def _custom_button(self, which: int) -> None:
        if which == QWizard.WizardButton.CustomButton1.value:
            self.go_to(ids.OVERVIEW)

    def _page_changed(self, page_id: int) -> None:
        if self._jumping:
            return  # (once, where the jump lands)
        self._scroll_wanted = None
        left = self.pages.get(self._previous_page)
        if self.model is not None and left is not None and self._previous_page != page_id:
            self.model.leave_page(self._previous_page, *left.seen_fields())
        self._previous_page = page_id
        if self.model is not None and page_id == ids.DOCUMENTS:
            self.model.reveal()  # the documents show every finding: the wizard does too
        if page_id in (ids.OVERVIEW, START):
            self.wizard.button(QWizard.WizardButton.CustomButton1).hide()
        page = self.pages.get(page_id)
        if page is not None:
            page.follow()  # (shown, it follows already; now also the page left counts as left)
        current = self.wizard.currentPage()
        if current is not None and self.model is not None:  # (the start page: when ready)
            self._set_tab_order(current)
            if isinstance(current, Page):
                current.to_top()
            current.focus_first()
        self._update_side_panel()
        self._update_steps()
        if self.autosaver is not None:
            self.autosaver.note_place()
            self.autosaver.flush()

    def _side_panel_changed(self) -> None:
        """The side panel's "Bron" buttons were made anew: in the tab order after the page."""
        current = self.wizard.currentPage()
        if current is not None and self.model is not None:
            self._set_tab_order(current)

    def _set_tab_order(self, page: QWidget) -> None:
        """Tab goes through the page top to bottom, then the wizard's buttons, then the step
        list and the side panel."""
        chain = focus_chain(page) + [self.wizard.button(which) for which in WIZARD_BUTTONS]
        for dock in (self.steps, self.side_panel):
            if dock is not None:
                chain += focus_chain(dock)
        key = tuple(id(widget) for widget in chain)
        if self._tab_orders.get(id(page)) == key:
            return  # set before, and the page has not changed since
        self._tab_orders[id(page)] = key
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        """A field that gets the focus (Tab, a finding, a label's shortcut) scrolls into view."""
        page = self.wizard.currentPage()
        if new is not None and isinstance(page, Page):
            page.ensure_visible(new)

    # --- following the answers -----------------------------------------------------------------

    def _changed(self, _path: str) -> None:
        page = self.pages.get(self.wizard.currentId())
        if page is not None:
            page.refresh()
        self._update_side_panel()
        self._update_steps()

    def _restored(self, path: str) -> None:
        """An answer undone or redone: every field that shows it shows it now, and the page
        that asks for it comes into view."""
        for page in self.pages.values():
            page.reload(path)
        owner = self.owner_of(path)
        if owner is not None and owner != self.wizard.currentId():
            self.show_path(path)

    def _reset(self) -> None:
        for page in self.pages.values():
            page.load()
        self._update_side_panel()
        self._update_steps()
        self._update_title()

    def _update_title(self) -> None:
        name = self.files.display_name() if self.files is not None else self.tr("Nieuw gesprek")
        self.setWindowTitle(self.tr("{name}[*] — Adviesgesprek").format(name=name))
        self.setWindowModified(bool(self.model and self.model.modified))

    def _update_side_panel(self) -> None:
        if self.side_panel is None or self.findings is None:
            return
        page_id = self.wizard.currentId()
        page = self.pages.get(page_id)
        if page is None:
            html = self.tr(
                "<p>Begin een nieuw gesprek of open een opgeslagen gesprek. Het "
                "programma leidt u daarna pagina voor pagina door het gesprek.</p>"
            )
            self.side_panel.show_page(html, [])
        else:
            self.side_panel.show_page(page.side_html(), self.findings.side_panel_rows(page_id))

    def _update_steps(self) -> None:
        if self.steps is None or self.findings is None:
            return
        marks = self.findings.step_marks()
        current = self.wizard.currentId()
        order = self.index.ids()
        titles = [(page_id, self.pages[page_id].title()) for page_id in order]
        self.steps.show_steps(titles, marks, current)
        for page_id, action in self.go_actions.items():
            mark, counts = marks[page_id]
            text = f"{STEP_MARK[mark]}  {self.pages[page_id].title()}"
            if counts:
                text += f" ({counts})"
            if action.text() != text:
                action.setText(text)
        if current in order:
            self.step_label.setText(
                self.tr("Stap {step} van {count}: {title}").format(
                    step=order.index(current) + 1,
                    count=len(order),
                    title=self.pages[current].title(),
                )
            )
        else:
            self.step_label.setText(self.tr("Start"))

    # --- geometry and closing --------------------------------------------------------------------

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self.placement.keep_frame_on_screen()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange:
            self.placement.keep_frame_on_screen()  # (the window manager has framed it)

    def moveEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        super().moveEvent(event)
        self.placement.keep_frame_on_screen()  # (the window manager's frame came)

    def resizeEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self.placement.keep_frame_on_screen()
        if self.docks is not None:
            self.docks.limit()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if self.files is not None and not self.files.maybe_save():
            event.ignore()
            return
        if self.autosaver is not None:
            self.autosaver.close()  # after every write under way
        if self.files is not None:
            self.files.release_lock()
        self.placement.save()
        if self.docks is not None:
            self.docks.save()
        event.accept()
