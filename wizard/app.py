"""Starting the wizard: the QApplication, translations, settings, and the window.

Start-up is kept lean: the window with its start page shows first; the rulebook (YAML and schema
validation, the slowest part) is loaded in a background thread and the other pages are built when
it is ready. Documents and printing are imported only when they are used.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from wizard.ui.main_window import MainWindow

ORGANIZATION = "Adviesgesprek"
APPLICATION = "Adviesgesprek"
EXIT_NO_DISPLAY = 2
FIRST_PAINT_WAIT_MS = 500  # the rulebook is loaded after the first paint, or after this

NO_DISPLAY_MESSAGE = (
    "adviesgesprek: er is geen beeldscherm beschikbaar om de wizard te tonen; "
    "maak de documenten zonder scherm met 'adviesgesprek render BESTAND "
    "--out MAP'."
)


def has_display() -> bool:
    """Whether a window can be shown. On Linux without X11 or Wayland, and without an explicit
    QT_QPA_PLATFORM, Qt would abort with a message the advisor cannot use."""
    if not sys.platform.startswith("linux"):
        return True
    return any(os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def choose_language(lang: str | None) -> str:
    """`--lang`, else the system locale: English for an English locale, Dutch otherwise."""
    if lang:
        return lang
    from PySide6.QtCore import QLocale

    return "en" if QLocale.system().language() == QLocale.Language.English else "nl"


def translations_dir() -> Path:
    from wizard.paths import resources_dir

    return resources_dir() / "translations"


def install_translations(app: Any, lang: str) -> list[Any]:
    """Qt's own strings in Dutch (qtbase_nl.qm); for English the program's own .qm file."""
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

    translators = []
    if lang == "nl":
        QLocale.setDefault(QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands))
        qt = QTranslator(app)
        if qt.load("qtbase_nl", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt)
            translators.append(qt)
    else:
        own = QTranslator(app)
        if own.load(f"adviesgesprek_{lang}", str(translations_dir())):
            app.installTranslator(own)
            translators.append(own)
    return translators


ICON_SIZES = (48, 96)  # the window's icon (and the logo in the pages' header) in pixels


def app_icon() -> Any:
    """The window's icon, as PNG pictures of 48 and 96 pixels (the SVG icon engine would cost
    start-up time). Not the 256-pixel picture the system's menus get: on X11 the window manager
    is handed every size of the icon, and that one stayed decoded (0.25 MB)."""
    from PySide6.QtGui import QIcon

    from wizard.paths import resources_dir

    icon = QIcon()
    for size in ICON_SIZES:
        path = resources_dir() / "icons" / f"adviesgesprek-{size}.png"
        if path.is_file():
            icon.addFile(str(path))
    return icon


def make_application(argv: list[str] | None = None, lang: str | None = None) -> QApplication:
    """The QApplication with names (for QSettings and the data folder), icon and translations."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    configure_application(app, lang)
    return app  # type: ignore[return-value]


def configure_application(app: Any, lang: str | None = None) -> None:
    from wizard.ui import memory

    memory.check_imports_line_by_line()  # first: it applies to the modules imported later
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setDesktopFileName("adviesgesprek")  # Wayland: the menu entry's icon
    from PySide6.QtCore import QTimer

    from wizard.paths import project_version

    # The version (read from pyproject.toml or the metadata, 4 ms) once the first window is up
    # and painted (the rulebook's loader reads it beforehand, off the GUI thread).
    QTimer.singleShot(FIRST_PAINT_WAIT_MS, lambda: app.setApplicationVersion(project_version()))
    app.setWindowIcon(app_icon())
    if not getattr(app, "_adviesgesprek_translations", None):
        app._adviesgesprek_translations = install_translations(app, choose_language(lang))


def create_main_window(path: str | Path | None = None, rulebook: Any = None) -> MainWindow:
    """The complete window, not shown, with the rulebook loaded (for tests and scripts).

    A QApplication must exist (pytest-qt's `qapp`, or `make_application`)."""
    from PySide6.QtWidgets import QApplication

    from wizard.core.rulebook import builtin_rulebook
    from wizard.ui.main_window import MainWindow

    app = QApplication.instance()
    if app is not None and not app.applicationName().startswith(APPLICATION):
        configure_application(app)
    window = MainWindow()
    window.install_rulebook(rulebook if rulebook is not None else builtin_rulebook())
    if path is not None:
        window.open_file(Path(path), ask=False)
    return window


class RulebookLoader:
    """Loads the rulebook in a background thread (pure Python, no Qt objects) and hands it to
    the window in the GUI thread."""

    def __init__(self, window: MainWindow, rulebook_path: str | None) -> None:
        from PySide6.QtCore import QObject, QThread, Signal

        class Bridge(QObject):
            loaded = Signal(object)
            failed = Signal(str)

        class Worker(QThread):
            def __init__(self, bridge: Bridge) -> None:
                super().__init__()
                self.bridge = bridge

            def run(self) -> None:
                try:
                    from wizard.core.errors import InputError
                    from wizard.core.rulebook import builtin_rulebook, load_rulebook
                    from wizard.paths import default_overlay_path, project_version

                    try:
                        overlay = rulebook_path or default_overlay_path()
                        rulebook = load_rulebook(overlay) if overlay else builtin_rulebook()
                        import wizard.core.engine  # noqa: F401 - loaded here, off the GUI thread
                    except InputError as error:
                        self.bridge.failed.emit(str(error))
                        return
                    self.bridge.loaded.emit(rulebook)
                    try:  # read here, not in the GUI thread (it is remembered)
                        project_version()
                    except Exception:  # noqa: BLE001 - the GUI thread reads it again, and says so
                        pass
                except Exception as error:  # noqa: BLE001 - reported to the advisor
                    self.bridge.failed.emit(f"{type(error).__name__}: {error}")

        self.window = window
        self.bridge = Bridge()
        self.bridge.loaded.connect(window.install_rulebook)
        self.bridge.failed.connect(self._failed)
        self.worker = Worker(self.bridge)
        self.error: str | None = None
        self.started = False

    def start(self) -> None:
        if not self.started:
            self.started = True
            self.worker.start()

    def start_when_painted(self) -> None:
        """Start once the window has been painted for the first time (or after
        FIRST_PAINT_WAIT_MS at the latest): the loader's Python would otherwise share the
        interpreter with the window's first paint and delay it (10 ms on a real X server)."""
        from PySide6.QtCore import QEvent, QObject, QTimer

        loader = self

        class FirstPaint(QObject):
            def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
                if event.type() == QEvent.Type.Paint:
                    watched.removeEventFilter(self)
                    QTimer.singleShot(0, loader.start)
                return False

        self.first_paint = FirstPaint(self.window)
        self.window.installEventFilter(self.first_paint)
        QTimer.singleShot(FIRST_PAINT_WAIT_MS, self.start)

    def _failed(self, message: str) -> None:
        from PySide6.QtWidgets import QApplication

        from wizard.ui import dialogs

        self.error = message
        dialogs.show_error(
            self.window,
            QApplication.translate("App", "Regelboek"),
            QApplication.translate(
                "App", "Het regelboek kan niet worden geladen: {message}"
            ).format(message=message),
        )
        QApplication.exit(EXIT_NO_DISPLAY)


def start_window(
    path: str | None = None, rulebook_path: str | None = None
) -> tuple[MainWindow, RulebookLoader]:
    """Show the window with its start page at once, then load the rulebook in the background."""
    from wizard.ui.main_window import MainWindow

    window = MainWindow()
    if path:
        window.pending_file = Path(path)
    loader = RulebookLoader(window, rulebook_path)
    loader.start_when_painted()
    window.show()
    return window, loader


SMOKE_TEST = "ADVIESGESPREK_SMOKE_TEST"


def _smoke_test(window: MainWindow) -> None:
    """ADVIESGESPREK_SMOKE_TEST=1 (for a built program): start, show every page once, quit.
    An exception on the way ends the program with exit code 1."""
    from PySide6.QtGui import QImageReader
    from PySide6.QtWidgets import QApplication

    try:
        for page_id in sorted(window.wizard.pageIds()):
            if not window.go_to(page_id):
                raise RuntimeError(f"page {page_id} cannot be reached")
            QApplication.processEvents()
        # What a build can lose without an error: Qt's own translations and its image plugins.
        translators = len(getattr(QApplication.instance(), "_adviesgesprek_translations", []))
        svg = b"svg" in [bytes(name.data()) for name in QImageReader.supportedImageFormats()]
        code, report = (
            0,
            (
                f"adviesgesprek: smoke test ok, {len(window.wizard.pageIds())} "
                f"pagina's, {translators} vertaling(en), svg {'ja' if svg else 'nee'}"
            ),
        )
    except Exception as error:  # noqa: BLE001 - reported as the outcome of the smoke test
        code, report = 1, f"adviesgesprek: smoke test mislukt: {error}"
    try:
        print(report, file=sys.stderr if code else sys.stdout, flush=True)
    except OSError:  # a closed pipe must not keep the program from quitting
        pass
    if window.model is not None:
        window.model.set_modified(False)
    window.close()
    QApplication.exit(code)


def run_wizard(
    path: str | None = None, rulebook_path: str | None = None, lang: str | None = None
) -> int:
    """Open the wizard (on a session file when one is given). Returns the exit code."""
    if not has_display():
        print(NO_DISPLAY_MESSAGE, file=sys.stderr)
        return EXIT_NO_DISPLAY
    app = make_application(sys.argv[:1], lang)
    window, loader = start_window(path, rulebook_path)
    if os.environ.get(SMOKE_TEST):
        window.ready.connect(lambda target=window: _smoke_test(target))
    code = app.exec()
    loader.worker.wait()  # a thread still loading must not be destroyed while it runs
    del window, loader
    return code
