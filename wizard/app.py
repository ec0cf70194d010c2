"""Starting the wizard: the QApplication, translations, settings, and the window.

The window shows its start page first; the rulebook (YAML and schema validation) is loaded in a
background thread, and the other pages are built when it is ready.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QThread, QTimer, QTranslator, Signal
from PySide6.QtGui import QImageReader
from PySide6.QtWidgets import QApplication

from wizard.core.errors import InputError
from wizard.core.rulebook import Rulebook, builtin_rulebook, load_rulebook
from wizard.documents.style import house_style
from wizard.paths import default_overlay_path, project_version, resources_dir
from wizard.ui import dialogs
from wizard.ui.icon import app_icon
from wizard.ui.main_window import MainWindow

ORGANIZATION = "Adviesgesprek"
APPLICATION = "Adviesgesprek"
EXIT_NO_DISPLAY = 2
TRANSLATOR_NAME = "adviesgesprek.translator"  # the translators the program installed

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
    return "en" if QLocale.system().language() == QLocale.Language.English else "nl"


def translations_dir() -> Path:
    return resources_dir() / "translations"


def install_translations(app: QApplication, lang: str) -> list[QTranslator]:
    """Qt's own strings in Dutch (qtbase_nl.qm); for English the program's own .qm file."""
    if lang == "nl":
        QLocale.setDefault(QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands))
        name, folder = "qtbase_nl", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    else:
        # Numbers (a count of followers: 5,400) in the program's language
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
        name, folder = f"adviesgesprek_{lang}", str(translations_dir())
    translator = QTranslator(app)
    if not translator.load(name, folder):
        return []
    translator.setObjectName(TRANSLATOR_NAME)
    app.installTranslator(translator)
    return [translator]


def installed_translations(app: QApplication) -> list[QTranslator]:
    """The translators `install_translations` installed in the application."""
    return [
        translator
        for translator in app.findChildren(QTranslator)
        if translator.objectName() == TRANSLATOR_NAME
    ]


def make_application(argv: list[str] | None = None, lang: str | None = None) -> QApplication:
    """The QApplication with names (for QSettings and the data folder), icon and translations."""
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    configure_application(app, lang)
    return app


def configure_application(app: QApplication, lang: str | None = None) -> None:
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationVersion(project_version())
    app.setDesktopFileName("adviesgesprek")  # Wayland: the menu entry's icon
    app.setWindowIcon(app_icon())
    if not installed_translations(app):
        install_translations(app, choose_language(lang))


def create_main_window(
    path: str | Path | None = None, rulebook: Rulebook | None = None
) -> MainWindow:
    """The complete window, not shown, with the rulebook loaded (for tests and scripts).

    A QApplication must exist (pytest-qt's `qapp`, or `make_application`)."""
    app = QApplication.instance()
    if app is not None and not app.applicationName().startswith(APPLICATION):
        configure_application(app)
    window = MainWindow()
    window.install_rulebook(rulebook if rulebook is not None else builtin_rulebook())
    if path is not None:
        window.open_file(Path(path), ask=False)
    return window


class RulebookLoader(QThread):
    """Loads the rulebook in a background thread (plain Python: no Qt object is made there) and
    hands it to the window; the signals reach the window in the GUI thread."""

    loaded = Signal(object)  # the Rulebook
    failed = Signal(str)  # why it cannot be used, in Dutch

    def __init__(self, window: MainWindow, rulebook_path: str | None) -> None:
        super().__init__()
        self.window = window
        self.rulebook_path = rulebook_path
        self.error: str | None = None
        self.loaded.connect(window.install_rulebook)
        self.failed.connect(self._failed)

    def run(self) -> None:
        try:
            overlay = self.rulebook_path or default_overlay_path()
            rulebook = load_rulebook(overlay) if overlay else builtin_rulebook()
            house_style(rulebook)  # an overlay's documents part is checked here too
        except InputError as error:
            self.failed.emit(str(error))
        except Exception as error:  # noqa: BLE001 - reported to the advisor
            self.failed.emit(f"{type(error).__name__}: {error}")
        else:
            self.loaded.emit(rulebook)

    def _failed(self, message: str) -> None:
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
    """Show the window with its start page at once, then load the rulebook in the background
    (from the first turn of the event loop, which paints the window)."""
    window = MainWindow()
    if path:
        window.pending_file = Path(path)
    loader = RulebookLoader(window, rulebook_path)
    window.show()
    QTimer.singleShot(0, loader.start)
    return window, loader


SMOKE_TEST = "ADVIESGESPREK_SMOKE_TEST"


def smoke_test(window: MainWindow) -> None:
    """ADVIESGESPREK_SMOKE_TEST=1 (for a built program): start, show every page once, quit.
    An exception on the way ends the program with exit code 1."""
    try:
        for page_id in sorted(window.wizard.pageIds()):
            if not window.go_to(page_id):
                raise RuntimeError(f"page {page_id} cannot be reached")
            QApplication.processEvents()
        # What a build can lose without an error: Qt's own translations and its image plugins.
        translators = len(installed_translations(QApplication.instance()))
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
        window.ready.connect(lambda: smoke_test(window))
    code = app.exec()
    loader.wait()  # a thread still loading must not be destroyed while it runs
    return code
