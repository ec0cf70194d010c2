"""The main window: the wizard in the middle, the side panel beside it, menus for files, and the
plumbing between the session model, the pages, autosave and the recent files.

The window is built in two steps so that it shows at once: the start page first, and the other
pages as soon as the rulebook is loaded (`install_rulebook`).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6 import QtCore
from PySide6.QtCore import QRect, QSettings, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QWidget,
    QWizard,
)

from wizard.app import ICON_SIZES, app_icon
from wizard.constants import SESSION_SUFFIX
from wizard.ui import ids, memory
from wizard.ui.autosave import autosave_folder, find_recoveries
from wizard.ui.start_page import StartPage

if TYPE_CHECKING:
    from wizard.core.rulebook import Rulebook
    from wizard.ui.autosave import Autosaver, Recovery
    from wizard.ui.base import Page
    from wizard.ui.model import SessionModel

START = ids.START


def _dialogs() -> Any:
    """The dialogs module, loaded when a dialog is first needed (7 ms less before the first
    window); tests replace its functions."""
    from wizard.ui import dialogs

    return dialogs


RECENT_KEY = "recentFiles"
RECENT_DETAILS_KEY = "recentDetails"  # JSON: path -> {"minister": ..., "date": ...}
RECENT_MAX = 8
ADVISOR_KEY = "advisor"  # remembered between conversations
DIRECTOR_KEY = "director"
FOLDER_KEY = "lastFolder"  # where the file dialogs start
REMEMBERED = {"conversation.advisor": ADVISOR_KEY, "conversation.director": DIRECTOR_KEY}

# Window layout: the default size and the docks' share of the width (named limits).
DEFAULT_SIZE = (1180, 800)
SIDE_PANEL_SHARE = 3  # the side panel takes at most a third of the width
SIDE_PANEL_WIDTH = 360
STEPS_WIDTH = 220
STEPS_SHOWN_FROM = 1200  # the step list is shown by default on screens this wide
WIZARD_MINIMUM = (300, 220)


def fit_rect(rect: QRect, available: QRect) -> QRect:
    """`rect` moved and shrunk so that it lies within `available`."""
    width = min(rect.width(), available.width())
    height = min(rect.height(), available.height())
    x = min(max(rect.x(), available.x()), available.right() - width + 1)
    y = min(max(rect.y(), available.y()), available.bottom() - height + 1)
    return QRect(x, y, width, height)


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
        # QWizard grows its minimum width to the widest page header it has shown (at 200 % the
        # window would then grow past the screen); a minimum of our own keeps it at bay.
        self.setMinimumSize(WIZARD_MINIMUM[0], WIZARD_MINIMUM[1])
        icon = QApplication.windowIcon()  # the application's: its smaller picture is the logo
        if icon.isNull():
            icon = app_icon()
        logo = ICON_SIZES[0]
        self.setPixmap(QWizard.WizardPixmap.LogoPixmap, icon.pixmap(logo, logo))

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
        self.rulebook_note = ""  # the conversation was saved under another rulebook
        self.pages: dict[int, Page] = {}
        self.go_actions: dict[int, QAction] = {}
        self._owners: dict[str, int | None] = {}
        self._previous_page = -1
        self._tab_orders: dict[int, tuple[int, ...]] = {}
        self.wizard = AdviesWizard()
        self.wizard.setObjectName("wizard")
        self.start_page = StartPage()
        self.wizard.setPage(START, self.start_page)
        self.setCentralWidget(self.wizard)
        self.side_panel: Any = None
        self.steps: Any = None
        self.step_label: QLabel | None = None  # with the pages (the first window shows sooner)
        self.focus_ring: Any = None
        self._build_menus()
        self._connect_start_page()
        self.wizard.currentIdChanged.connect(self._page_changed)
        self.wizard.customButtonClicked.connect(self._custom_button)
        self.wizard.finishRequested.connect(self.close)
        self.recoveries: list[Recovery] = find_recoveries(autosave_folder())
        self.start_page.set_recoveries(self.recoveries)
        self._place_window()
        self._update_title()
        app = QApplication.instance()
        if app is not None:
            app.focusChanged.connect(self._focus_changed)

    # --- window geometry -----------------------------------------------------------------------

    def available(self) -> QRect:
        screen = self.screen() or QApplication.primaryScreen()
        return screen.availableGeometry() if screen is not None else QRect(0, 0, *DEFAULT_SIZE)

    def _place_window(self) -> None:
        """The remembered size and place, or the default size; always within the screen's
        available geometry (a 768-pixel screen, a scale factor of 2)."""
        available = self.available()
        geometry = QSettings().value("geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            width, height = DEFAULT_SIZE
            self.resize(min(width, available.width()), min(height, available.height()))
            self.move(available.center() - self.rect().center())
        self.setGeometry(fit_rect(self.geometry(), available))

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        # The window manager's frame is known only now: keep the whole frame on the screen.
        available = self.available()
        frame = self.frameGeometry()
        if not available.contains(frame):
            extra_w = frame.width() - self.width()
            extra_h = frame.height() - self.height()
            inner = QRect(
                available.x(),
                available.y(),
                available.width() - extra_w,
                available.height() - extra_h,
            )
            self.setGeometry(fit_rect(self.geometry(), inner))

    def resizeEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._limit_docks()

    def _limit_docks(self) -> None:
        if self.side_panel is not None:
            self.side_panel.setMaximumWidth(max(120, self.width() // SIDE_PANEL_SHARE - 8))
        if self.steps is not None:
            self.steps.setMaximumWidth(max(140, self.width() // 5))

    # --- building ----------------------------------------------------------------------------

    def _build_menus(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&Bestand"))
        self.actions: dict[str, QAction] = {}
        for name, text, shortcut, slot in (
            ("new", self.tr("&Nieuw gesprek"), QKeySequence.StandardKey.New, self.new_conversation),
            ("open", self.tr("&Openen…"), QKeySequence.StandardKey.Open, self.open_dialog),
            ("save", self.tr("Op&slaan"), QKeySequence.StandardKey.Save, self.save),
            ("save_as", self.tr("Opslaan &als…"), QKeySequence.StandardKey.SaveAs, self.save_as),
            ("quit", self.tr("&Afsluiten"), QKeySequence.StandardKey.Quit, self.close),
        ):
            action = QAction(text, self)
            action.setShortcuts(shortcut)  # (setShortcut would load Qt's Qt namespace: 15 ms)
            action.triggered.connect(slot)
            action.setObjectName(f"action.{name}")
            self.actions[name] = action
            if name == "quit":
                self.recent_menu = menu.addMenu(self.tr("&Recente gesprekken"))
                menu.addSeparator()
            menu.addAction(action)
        rulebook_menu = self.menuBar().addMenu(self.tr("&Regelboek"))
        compare = QAction(self.tr("&Vergelijken met ander regelboek…"), self)
        compare.setObjectName("action.compare")
        compare.triggered.connect(self.compare_dialog)
        rulebook_menu.addAction(compare)
        self.actions["compare"] = compare
        self.go_menu = self.menuBar().addMenu(self.tr("&Ga naar"))
        self.view_menu = self.menuBar().addMenu(self.tr("Bee&ld"))
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        manual = QAction(self.tr("&Handleiding en sneltoetsen"), self)
        manual.setObjectName("action.manual")
        manual.setShortcuts(QKeySequence.StandardKey.HelpContents)
        manual.triggered.connect(lambda: _dialogs().show_manual(self))
        help_menu.addAction(manual)
        about = QAction(self.tr("&Over Adviesgesprek"), self)
        about.setObjectName("action.about")
        about.triggered.connect(lambda: _dialogs().show_about(self, self.rulebook))
        help_menu.addAction(about)
        for name in ("new", "open", "save", "save_as", "compare"):
            self.actions[name].setEnabled(False)
        self._fill_recent_menu()

    def _connect_start_page(self) -> None:
        page = self.start_page
        page.newRequested.connect(self.new_conversation)
        page.openRequested.connect(self.open_dialog)
        page.recentRequested.connect(lambda name: self.open_file(Path(name)))
        page.recentRemoved.connect(self.remove_recent)
        page.recoverRequested.connect(self.recover)
        page.discardRequested.connect(self.discard_recovery)
        page.compareRequested.connect(self.compare_dialog)

    def install_rulebook(self, rulebook: Rulebook) -> None:
        """Second step of start-up: the session model, the pages, autosave, the side panel."""
        from wizard.ui.autosave import Autosaver
        from wizard.ui.model import SessionModel
        from wizard.ui.side_panel import SidePanel, StepList
        from wizard.ui.style import FocusFollower

        self.rulebook = rulebook
        self.focus_ring = FocusFollower(self)
        self.step_label = QLabel()
        self.step_label.setObjectName("step_label")
        self.statusBar().addPermanentWidget(self.step_label)
        self.model = SessionModel(rulebook, self)
        self.model.owner_of = self.owner_of
        self.model.replace(self.fresh_session(), None)
        self._build_pages()
        self.side_panel = SidePanel(rulebook, self)
        self.addDockWidget(QtCore.Qt.DockWidgetArea.RightDockWidgetArea, self.side_panel)
        self.side_panel.findingActivated.connect(self.show_path)
        self.steps = StepList(self)
        self.addDockWidget(QtCore.Qt.DockWidgetArea.LeftDockWidgetArea, self.steps)
        self.steps.pageActivated.connect(self.go_to)
        for dock, text, key in (
            (self.steps, self.tr("&Stappen"), QtCore.Qt.Key.Key_F8),
            (self.side_panel, self.tr("&Toelichting"), QtCore.Qt.Key.Key_F9),
        ):
            toggle = dock.toggleViewAction()
            toggle.setText(text)
            toggle.setShortcut(QKeySequence(key))
            toggle.setObjectName(f"action.{dock.objectName()}")
            self.view_menu.addAction(toggle)
        self._restore_docks()
        self.autosaver = Autosaver(self.model, autosave_folder(), parent=self)
        self.autosaver.saved.connect(self._autosaved)
        self.autosaver.failed.connect(
            lambda message: self.statusBar().showMessage(
                self.tr("Automatisch bewaren lukt niet: {message}").format(message=message)
            )
        )
        self.model.changed.connect(self._changed)
        self.model.reset.connect(self._reset)
        self.model.modifiedChanged.connect(lambda _modified: self._update_title())
        self.model.fileChanged.connect(lambda _file: self._update_title())
        for name in ("new", "open", "save", "save_as", "compare"):
            self.actions[name].setEnabled(True)
        text = self.tr("Regelboek {version} van {date}.").format(
            version=rulebook.version, date=rulebook.date
        )
        self.start_page.set_recent(self.recent_entries())
        self.start_page.set_ready(True, text)
        self._reset()
        if self.wizard.currentId() == START:
            self._set_tab_order(self.start_page)
            self.start_page.focus_first()
        if self.pending_file is not None:
            self.open_file(self.pending_file)
            self.pending_file = None
        # PySide6's own modules, read before memory.check_imports_line_by_line took over
        QtCore.QTimer.singleShot(0, memory.forget_source_lines)
        self.ready.emit()

    def _restore_docks(self) -> None:
        """The docks as the advisor left them, else: the side panel shown, the step list shown
        on a wide screen; never wider than their share of the window."""
        state = QSettings().value("windowState")
        if state is None or not self.restoreState(state):
            wide = self.available().width() >= STEPS_SHOWN_FROM
            self.steps.setVisible(wide)
            width = self.width()
            self.resizeDocks(
                [self.side_panel],
                [min(SIDE_PANEL_WIDTH, width // 3)],
                QtCore.Qt.Orientation.Horizontal,
            )
            if wide:
                self.resizeDocks(
                    [self.steps], [min(STEPS_WIDTH, width // 5)], QtCore.Qt.Orientation.Horizontal
                )
        self._limit_docks()

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

        def made(page: Page) -> Page:
            memory.drop_signal_instances()  # freed before the next page is made, which reuses it
            return page

        model = self.model
        pages: dict[int, Page] = {
            ids.MINISTER: made(MinisterPage(model)),
            ids.SITUATION: made(SituationPage(model)),
            ids.ADVICE: made(AdvicePage(model)),
            ids.CHOICE: made(ChoicePage(model)),
        }
        for index, key in enumerate(model.rulebook.platforms):
            pages[ids.PLATFORM_FIRST + index] = made(PlatformPage(model, key, first=index == 0))
        pages[ids.WEBCARE] = made(WebcarePage(model))
        pages[ids.PREDECESSOR] = made(PredecessorPage(model))
        pages[ids.ATTENTION] = made(AttentionPage(model))
        overview = OverviewPage(model, self.answer_pages, self.owner_of)
        overview.editRequested.connect(self.edit_from_overview)
        overview.shown_items = self.shown_items
        overview.describe = self.describe
        pages[ids.OVERVIEW] = overview
        documents = DocumentsPage(model)
        documents.saveRequested.connect(self.save)
        pages[ids.DOCUMENTS] = documents
        for page_id, page in pages.items():
            page.setObjectName(f"page.{page_id}")
            page.page_id = page_id
            page.widgetsChanged.connect(lambda target=page: self._widgets_changed(target))
            self.wizard.setPage(page_id, page)
            action = self.go_menu.addAction(page.title())
            action.setObjectName(f"action.go.{page_id}")
            action.triggered.connect(lambda _checked=False, target=page_id: self.go_to(target))
            self.go_actions[page_id] = action
        self.pages = pages
        memory.drop_signal_instances()

    # --- navigation --------------------------------------------------------------------------

    def answer_pages(self) -> list[tuple[int, Page]]:
        return [
            (page_id, page)
            for page_id, page in sorted(self.pages.items())
            if page_id not in (ids.OVERVIEW, ids.DOCUMENTS)
        ]

    def owner_of(self, path: str) -> int | None:
        """The page that asks for a session path (remembered: the pages do not change)."""
        if path not in self._owners:
            self._owners[path] = self._find_owner(path)
        return self._owners[path]

    def _find_owner(self, path: str) -> int | None:
        from wizard.ui import base

        for page_id, page in self.answer_pages():
            if (
                any(field.path == path for field in page.fields)
                or page.findChild(QWidget, path) is not None
            ):
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
        self.wizard.button(QWizard.WizardButton.CustomButton1).show()
        self.pages[page_id].focus_path(path)

    def return_to_overview(self) -> None:
        self.go_to(ids.OVERVIEW)

    def _custom_button(self, which: int) -> None:
        if which == QWizard.WizardButton.CustomButton1.value:
            self.return_to_overview()

    def _page_changed(self, page_id: int) -> None:
        if self.model is not None and self._previous_page in self.pages:
            self.model.leave_page(self._previous_page)
        self._previous_page = page_id
        if page_id == ids.OVERVIEW or page_id == START:
            self.wizard.button(QWizard.WizardButton.CustomButton1).hide()
        page = self.pages.get(page_id)
        if page is not None:
            page.follow()  # (shown, it follows already; now also the page left counts as left)
        current = self.wizard.currentPage()
        if current is not None and self.model is not None:  # (the start page: when ready)
            self._set_tab_order(current)
            if hasattr(current, "to_top"):
                current.to_top()
            current.focus_first()
        self._update_side_panel()
        self._update_steps()
        if self.autosaver is not None:
            self.autosaver.page = page_id
            self.autosaver.flush()
        memory.forget_source_lines()  # where PySide6 still reads the modules imported meanwhile

    def _widgets_changed(self, page: Page) -> None:
        """A page made or removed widgets: the tab order follows them, and what PySide6 keeps
        for the new ones that nobody uses is given back once the page is drawn."""
        self._set_tab_order(page)
        QtCore.QTimer.singleShot(0, memory.drop_signal_instances)

    def _set_tab_order(self, page: QWidget) -> None:
        """Tab goes through the page top to bottom, then the wizard's buttons, then the step
        list and the side panel."""
        from wizard.ui.focus import focus_chain

        buttons = [
            self.wizard.button(which)
            for which in (
                QWizard.WizardButton.CustomButton1,
                QWizard.WizardButton.BackButton,
                QWizard.WizardButton.NextButton,
                QWizard.WizardButton.FinishButton,
            )
        ]
        chain = focus_chain(page) + buttons
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
        if new is not None and page is not None and hasattr(page, "ensure_visible"):
            page.ensure_visible(new)

    def _changed(self, _path: str) -> None:
        page = self.pages.get(self.wizard.currentId())
        if page is not None:
            page.refresh()
        self._update_side_panel()
        self._update_steps()
        if _path in REMEMBERED:
            QSettings().setValue(REMEMBERED[_path], self.model.value(_path) or "")

    def _reset(self) -> None:
        for page in self.pages.values():
            page.load()
        self._update_side_panel()
        self._update_steps()
        self._update_title()

    # --- what the wizard shows about the answers -------------------------------------------------

    def label_of(self, path: str) -> str | None:
        page = self.pages.get(self.owner_of(path) or -1)
        for field in page.fields if page is not None else []:
            if field.path == path:
                return field.label
        return None

    def describe(self, item: Any) -> str:
        """One finding as a line of text in the side panel and the overview."""
        from wizard.ui.fields import message_line
        from wizard.ui.model import MISSING

        label = self.label_of(item.path)
        if item.code == MISSING and label:
            if item.severity == "todo":
                return message_line("todo", label)
            return message_line(
                item.severity, self.tr("Nog niet ingevuld: {label}").format(label=label)
            )
        if item.code == "input" and label:
            return message_line(item.severity, f"{label}: {item.message}")
        return message_line(item.severity, item.message)

    def shown_items(self, page_id: int | None = None) -> list[Any]:
        """The findings as shown: of one page (side panel, step list), or all (overview)."""
        if self.model is None:
            return []
        items = self.model.shown()
        if page_id is None or page_id == ids.OVERVIEW:
            return items
        if page_id == ids.DOCUMENTS:
            return [item for item in items if item.severity == "error"]
        return [item for item in items if item.page == page_id]

    def step_marks(self) -> dict[int, tuple[str, str]]:
        """Per page: its mark (error, warning, todo, done, open) and the counts in words."""
        from wizard.ui.texts import counts_text

        marks = {}
        left = self.model.left_pages if self.model is not None else set()
        for page_id in self.pages:
            items = [] if page_id in (ids.OVERVIEW, ids.DOCUMENTS) else self.shown_items(page_id)
            severities = [item.severity for item in items]
            for mark in ("error", "warning", "todo"):
                if mark in severities:
                    break
            else:
                mark = "done" if page_id in left else "open"
            marks[page_id] = (mark, counts_text(severities))
        return marks

    def _update_steps(self) -> None:
        if self.steps is None or self.model is None:
            return
        from wizard.ui.side_panel import STEP_MARK

        marks = self.step_marks()
        current = self.wizard.currentId()
        order = sorted(self.pages)
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

    def _update_side_panel(self) -> None:
        if self.side_panel is None:
            return
        page = self.pages.get(self.wizard.currentId())
        if page is None:
            html = self.tr(
                "<p>Begin een nieuw gesprek of open een opgeslagen gesprek. Het "
                "programma leidt u daarna pagina voor pagina door het gesprek.</p>"
            )
            self.side_panel.show_page(html, [])
        else:
            items = self.shown_items(self.wizard.currentId())
            self.side_panel.show_page(
                page.side_html(),
                [(item.severity, self.describe(item), item.path, item.source) for item in items],
            )

    # --- files -------------------------------------------------------------------------------

    def display_name(self) -> str:
        if self.model is not None and self.model.file is not None:
            return self.model.file.name
        return self.tr("Nieuw gesprek")

    def conversation_name(self) -> str:
        """Whose conversation it is, for the question about unsaved changes."""
        name = (self.model.value("minister.name") or "").strip() if self.model else ""
        if name:
            return self.tr("het gesprek met {name}").format(name=name)
        if self.model is not None and self.model.file is not None:
            return self.tr("het gesprek in {file}").format(file=self.model.file.name)
        return self.tr("het nieuwe gesprek")

    def _update_title(self) -> None:
        self.setWindowTitle(self.tr("{name}[*] — Adviesgesprek").format(name=self.display_name()))
        self.setWindowModified(bool(self.model and self.model.modified))

    def _autosaved(self, _file: str) -> None:
        from datetime import datetime

        self.statusBar().showMessage(
            self.tr("Automatisch bewaard om {time}").format(
                time=datetime.now().strftime("%H:%M:%S")
            ),
            4000,
        )

    def maybe_save(self) -> bool:
        """Whether it is fine to replace or close the current conversation."""
        if self.model is None or not self.model.modified:
            return True
        answer = _dialogs().ask_unsaved(self, self.conversation_name())
        if answer == _dialogs().SAVE:
            return self.save()
        return answer == _dialogs().DISCARD

    def fresh_session(self) -> Any:
        """A new conversation, with the advisor's own name and the director of Communications
        of the last conversation."""
        from wizard.core.session import new_session

        session = new_session()
        settings = QSettings()
        for path, key in REMEMBERED.items():
            value = settings.value(key, "")
            if isinstance(value, str) and value.strip() and not session.get(path):
                session.set(path, value)
        return session

    def new_conversation(self) -> None:
        if self.model is None or not self.maybe_save():
            return
        self.model.replace(self.fresh_session(), None)
        self.note_saved_rulebook(None)
        self.go_to(ids.MINISTER)

    def start_folder(self) -> str:
        folder = QSettings().value(FOLDER_KEY, "")
        if isinstance(folder, str) and folder and Path(folder).is_dir():
            return folder
        if self.model is not None and self.model.file is not None:
            return str(self.model.file.parent)
        return str(Path.home())

    def remember_folder(self, path: Path) -> None:
        QSettings().setValue(FOLDER_KEY, str(Path(path).resolve().parent))

    def open_dialog(self) -> None:
        if self.model is None or not self.maybe_save():
            return
        name = _dialogs().open_file_name(
            self,
            self.tr("Gesprek openen"),
            self.start_folder(),
            self.tr("Adviesgesprekken (*{suffix});;Alle bestanden (*)").format(
                suffix=SESSION_SUFFIX
            ),
        )
        if name:
            self.open_file(Path(name), ask=False)

    def open_file(self, path: Path, ask: bool = True) -> bool:
        """Open a saved conversation; a file that cannot be used gets a Dutch message. Every
        way of opening (menu, recent file, command line) lands on the first page."""
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
            _dialogs().show_error(self, self.tr("Openen lukt niet"), str(error))
            return False
        self.model.replace(session, Path(path).resolve())
        self.note_saved_rulebook(session)  # before an autosave stamps it with the current one
        self.model.left_pages = {page_id for page_id, _page in self.answer_pages()}
        self.add_recent(Path(path).resolve())
        self.remember_folder(Path(path))
        if session.dropped_secrets:
            _dialogs().show_info(
                self,
                self.tr("Gegevens niet overgenomen"),
                self.tr(
                    "Het bestand bevatte velden die op een wachtwoord of code lijken ({fields}). "
                    "Die bewaart het programma niet; ze zijn weggelaten."
                ).format(fields=", ".join(session.dropped_secrets)),
            )
        self.go_to(ids.MINISTER)
        if self.rulebook_note:
            self.statusBar().showMessage(self.rulebook_note)
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
        suggestion = self.model.file or Path(self.start_folder()) / self._suggested_name()
        name = _dialogs().save_file_name(
            self,
            self.tr("Gesprek opslaan"),
            str(suggestion),
            self.tr("Adviesgesprekken (*{suffix})").format(suffix=SESSION_SUFFIX),
        )
        if not name:
            return False
        return self.save_to(Path(name))

    def _suggested_name(self) -> str:
        from wizard.core.text import slug

        name = slug(self.model.value("minister.name") or "") if self.model else ""
        return f"{name or 'gesprek'}{SESSION_SUFFIX}"

    def save_to(self, path: Path) -> bool:
        from wizard.core.errors import InputError
        from wizard.core.session import save_session

        if not path.name.endswith(SESSION_SUFFIX):
            path = path.with_name(path.name.removesuffix(".yaml") + SESSION_SUFFIX)
        try:
            save_session(self.model.session, path, self.model.rulebook)
        except InputError as error:
            _dialogs().show_error(self, self.tr("Opslaan lukt niet"), str(error))
            return False
        self.model.set_file(path.resolve())
        self.model.set_modified(False)
        if self.autosaver is not None:
            self.autosaver.saved_revision = self.model.revision
            self.autosaver.discard()
        self.add_recent(path.resolve())
        self.remember_folder(path)
        self.note_saved_rulebook(None)  # the file is now stamped with the current rulebook
        self.statusBar().showMessage(self.tr("Opgeslagen: {file}").format(file=path), 5000)
        return True

    # --- the rulebook --------------------------------------------------------------------------

    def compare_dialog(self) -> None:
        """Regelboek > Vergelijken met ander regelboek: what another rulebook changes for the
        open conversation."""
        if self.model is None:
            return
        from wizard.ui.compare_dialog import open_compare

        open_compare(self, self.model, self.start_folder, self.remember_folder)

    def note_saved_rulebook(self, session: Any | None) -> None:
        """Say on the Start page and the first page when the conversation was last saved under
        another rulebook version than the one in use; None (a new or saved conversation)
        takes the note away."""
        from wizard.core.session import saved_rulebook, saved_under_other_rulebook

        text = ""
        if (
            session is not None
            and self.rulebook is not None
            and saved_under_other_rulebook(session, self.rulebook)
        ):
            saved = saved_rulebook(session) or {}
            old = (
                self.tr("{version} van {date}").format(**saved)
                if saved.get("date")
                else saved.get("version", "")
            )
            new = self.tr("{version} van {date}").format(
                version=self.rulebook.version, date=self.rulebook.date
            )
            text = self.tr(
                "Dit gesprek is bewaard met regelboek {old}; nu geldt regelboek {new}."
            ).format(old=old, new=new)
        self.start_page.set_rulebook_note(text)
        hint = self.tr("Bekijk wat verandert: Regelboek › Vergelijken met ander regelboek…")
        self.rulebook_note = f"{text} {hint}" if text else ""
        first = self.pages.get(ids.MINISTER)
        if first is not None:
            first.set_notice(self.rulebook_note)

    # --- recent files --------------------------------------------------------------------------

    def recent_files(self) -> list[str]:
        value = QSettings().value(RECENT_KEY, [])
        if isinstance(value, str):
            value = [value]
        return [str(item) for item in (value or [])]

    def recent_details(self) -> dict[str, dict[str, str]]:
        import json

        try:
            details = json.loads(QSettings().value(RECENT_DETAILS_KEY, "{}") or "{}")
        except (TypeError, ValueError):
            return {}
        return details if isinstance(details, dict) else {}

    def recent_entries(self) -> list[tuple[str, dict[str, str]]]:
        """The recent files with the minister and the conversation's date, as last saved or
        opened (read from the settings: nothing is opened to show the list)."""
        details = self.recent_details()
        return [(name, details.get(name) or {}) for name in self.recent_files()]

    def _store_recent(self, files: list[str], details: dict[str, dict[str, str]]) -> None:

        import json

        files = files[:RECENT_MAX]
        settings = QSettings()
        settings.setValue(RECENT_KEY, files)
        settings.setValue(
            RECENT_DETAILS_KEY,
            json.dumps(
                {name: details[name] for name in files if name in details}, ensure_ascii=False
            ),
        )
        self.start_page.set_recent(self.recent_entries())
        self._fill_recent_menu()

    def add_recent(self, path: Path) -> None:
        files = [name for name in self.recent_files() if name != str(path)]
        files.insert(0, str(path))
        details = self.recent_details()
        if self.model is not None:
            details[str(path)] = {
                "minister": self.model.value("minister.name") or "",
                "date": str(self.model.value("conversation.date") or ""),
            }
        self._store_recent(files, details)

    def remove_recent(self, name: str) -> None:
        self._store_recent(
            [item for item in self.recent_files() if item != name], self.recent_details()
        )

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
            _dialogs().show_error(self, self.tr("Herstellen lukt niet"), str(error))
            return False
        self.model.replace(session, recovery.original_file, modified=True)
        self.note_saved_rulebook(session)  # before our autosave stamps it with the current one
        if self.autosaver is not None:
            self.autosaver.flush()  # our own autosave holds it now, before the old one goes
        recovery.discard()
        self.recoveries = [item for item in self.recoveries if item is not recovery]
        self.start_page.set_recoveries(self.recoveries)
        page = recovery.meta.get("page")
        target = page if isinstance(page, int) and page in self.pages else ids.MINISTER
        self.model.left_pages = {page_id for page_id in self.pages if page_id < target}
        self.go_to(target)
        if self.rulebook_note:
            self.statusBar().showMessage(
                self.tr("Het gesprek is hersteld.") + " " + self.rulebook_note
            )
        else:
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
        settings = QSettings()
        settings.setValue("geometry", self.saveGeometry())
        if self.side_panel is not None:
            settings.setValue("windowState", self.saveState())
        event.accept()
