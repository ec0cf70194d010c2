"""Runs the real program in its own process and drives it, for the tests that need a process of
its own: the kill-and-recover test and the screenshots in a real (Xvfb) window.

    python tests/ui/wizard_driver.py crash-phase1     types, waits for the autosave, then idles
    python tests/ui/wizard_driver.py crash-phase2     recovers and prints what it got back
    python tests/ui/wizard_driver.py screenshots DIR [--scale 2] [--contrast] [--lang en]
    python tests/ui/wizard_driver.py dialogs DIR      the real file dialog and message boxes
    python tests/ui/wizard_driver.py compare DIR --overlay FILE   a source by keyboard, and
                                                      Vergelijken through the real file dialog
    python tests/ui/wizard_driver.py walks N          every page N times, the documents' preview
                                                      made anew each time; prints the resident
                                                      memory after each walk
    python tests/ui/wizard_driver.py keyboard         the program as it is, saying when it is
                                                      ready and where the focus goes (for keys
                                                      sent from outside, by xdotool)
    python tests/ui/wizard_driver.py same-file FILE   opens FILE, then says where the focus goes,
                                                      which dialog shows and what it says, and
                                                      what the window holds after a save or a
                                                      reload (for keys sent by xdotool)
    python tests/ui/wizard_driver.py type-large FILE --keys TEXT
                                                      opens FILE, types TEXT at the end of the
                                                      minister's name, a key every KEY_MS,
                                                      saying when each key is pressed; then
                                                      idles, to be killed
    python tests/ui/wizard_driver.py fit              the Documenten preview, the overview, the
                                                      Keuze header and the print preview fit
                                                      the window (run at QT_SCALE_FACTOR=2)

It starts the window exactly as `adviesgesprek` does (start page first, rulebook in the
background) and prints lines `STATE {json}` for the test to read.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QTimer  # noqa: E402
from PySide6.QtGui import QColor, QFont, QPalette  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from tests.ui.helpers import key_chars  # noqa: E402
from wizard.app import make_application, start_window  # noqa: E402
from wizard.ui import base  # noqa: E402

EXAMPLE = ROOT / "examples" / "corporate-minpres.adviesgesprek.yaml"
POLL_MS = 50
KEY_MS = 70  # a fast typist


def when(condition, action, tries: int = 600) -> None:
    """Run `action` as soon as `condition()` holds, looked at every few milliseconds while the
    event loop runs (a modal dialog's too); after `tries` looks, run it anyway (what it finds
    then is reported, and the test says what went wrong)."""
    if condition() or tries <= 0:
        action()
    else:
        QTimer.singleShot(POLL_MS, lambda: when(condition, action, tries - 1))


def shown(widget: QWidget | None) -> bool:
    """The widget's window is on the screen (mapped and exposed): it can be painted."""
    handle = widget.window().windowHandle() if widget is not None else None
    return handle is not None and handle.isExposed()


def state(window) -> None:
    model = window.model
    print(
        "STATE "
        + json.dumps(
            {
                "data": model.session.data,
                "page": window.wizard.currentId(),
                "modified": window.isWindowModified(),
                "title": window.windowTitle(),
                "file": str(model.file) if model.file else None,
                "recoveries": len(window.files.recoveries),
            },
            default=str,
            ensure_ascii=False,
        ),
        flush=True,
    )


def type_into(window, path: str, text: str) -> None:
    widget = window.findChild(QWidget, path)
    widget.setFocus()
    key_chars(widget, text)


def crash_phase1(window) -> None:
    window.findChild(QWidget, "start.new").click()
    type_into(window, "minister.name", "Dilan Yeşilgöz")
    type_into(window, "minister.party", "VVD")
    window.wizard.next()  # a page change saves at once
    type_into(window, "platforms.x.existing_handle", "DilanYesilgoz")
    window.go_to(base.CHOICE)
    window.findChild(QWidget, "variant=hybrid").click()
    type_into(window, "motivation", "Eigen account met veel volgers; ")
    type_into(window, "motivation", "de laatste toetsaanslag.")
    window.autosaver.saved.connect(lambda _file: state(window))


def resident_bytes() -> int | None:
    """The process's resident memory (Linux: /proc/self/statm), or None where it cannot be
    read."""
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            pages = int(statm.read().split()[1])
    except (OSError, ValueError, IndexError):
        return None
    return pages * os.sysconf("SC_PAGE_SIZE")


def walks(window, count: int) -> None:
    """Walk every page `count` times, an answer changed before each walk so that the documents'
    preview is made anew; after each walk, once the deleted widgets are gone, print the
    resident memory (`RSS bytes`)."""
    app = QApplication.instance()
    window.open_file(EXAMPLE, ask=False)
    view = window.pages[base.DOCUMENTS].previews["afspraken"]
    for number in range(1, count + 1):
        window.go_to(base.MINISTER)
        window.model.set("conversation.notes", f"Wandeling {number}")
        for page_id in sorted(window.pages):
            window.go_to(page_id)
            app.processEvents()
        while not (view.shown_revision == window.model.revision and view.page_count > 0):
            app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
        window.go_to(base.MINISTER)
        app.processEvents()  # what the end of a turn of the event loop does:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        gc.collect()
        print(f"RSS {resident_bytes()}", flush=True)
    window.model.set_modified(False)
    QTimer.singleShot(0, window.close)


def crash_phase2(window) -> None:
    print(f"RECOVERIES {len(window.files.recoveries)}", flush=True)
    if window.files.recoveries:
        window.findChild(QWidget, "start.recover.0").click()
    state(window)
    window.model.set_modified(False)
    QTimer.singleShot(0, window.close)


def screenshots(window, out: Path, session: Path = EXAMPLE) -> None:
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance()
    pages = [base.START] + sorted(window.pages)
    shots = []

    def shoot(index: int) -> None:
        if index >= len(pages):
            print("SHOTS " + json.dumps(shots), flush=True)
            window.model.set_modified(False)
            window.close()
            return
        window.go_to(pages[index])
        when(lambda: shown(window) and previewed(), lambda: grab(index))

    def previewed() -> bool:
        """On the Documenten page: its preview is made (a screenshot shows the pages)."""
        if window.wizard.currentId() != base.DOCUMENTS:
            return True
        view = window.pages[base.DOCUMENTS].previews["afspraken"]
        return view.page_count > 0 and view.shown_revision == window.model.revision

    def grab(index: int) -> None:
        app.processEvents()
        screen = window.screen()
        image = screen.grabWindow(0) if screen is not None else window.grab()
        if image.isNull() or image.width() < 100:
            image = window.grab()
        name = out / f"page-{pages[index]:03d}.png"
        image.save(str(name))
        print("LAYOUT " + json.dumps(layout(window)), flush=True)
        shots.append(str(name))
        shoot(index + 1)

    if pages and window.model is not None:
        window.open_file(session, ask=False)
        window.go_to(base.START)
    when(lambda: shown(window), lambda: shoot(0))


def fit_run(window) -> None:
    """Issue 25 point 6 (run at 200 %): the Documenten preview's width, the overview's
    sideways scrolling, the Keuze header's logo within the wizard, the print preview's toolbar
    within its dialog. Prints FIT {json}."""
    from PySide6.QtPrintSupport import QPrintPreviewDialog
    from PySide6.QtWidgets import QLabel, QToolBar

    app = QApplication.instance()
    report: dict = {"window": window.width()}
    documents = window.pages[base.DOCUMENTS]
    view = documents.previews["afspraken"]

    def step_documents() -> None:
        report["preview"] = view.width()
        report["preview_pages"] = view.page_count
        window.go_to(base.OVERVIEW)
        when(lambda: shown(window), step_overview)

    def step_overview() -> None:
        app.processEvents()
        report["overview_scroll"] = (
            window.pages[base.OVERVIEW].scroll.horizontalScrollBar().maximum()
        )
        window.go_to(base.CHOICE)
        when(lambda: shown(window), step_choice)

    def step_choice() -> None:
        app.processEvents()
        wizard = window.wizard
        logos = [
            label
            for label in wizard.findChildren(QLabel)
            if label.isVisible()
            and not label.pixmap().isNull()
            and not wizard.currentPage().isAncestorOf(label)
        ]
        for label in logos:
            picture = label.pixmap().deviceIndependentSize().toSize()
            corner = label.mapTo(wizard, label.rect().bottomRight())
            report.setdefault("logos", []).append(
                {
                    "picture": [picture.width(), picture.height()],
                    "label": [label.width(), label.height()],
                    "right": corner.x(),
                    "bottom": corner.y(),
                    "wizard": [wizard.width(), wizard.height()],
                }
            )
        window.go_to(base.DOCUMENTS)
        when(lambda: shown(window), step_print_preview)

    def preview_shown() -> bool:
        dialog = app.activeModalWidget()
        return isinstance(dialog, QPrintPreviewDialog) and shown(dialog)

    def look_at_preview() -> None:
        dialog = app.activeModalWidget()
        app.processEvents()
        toolbar = dialog.findChild(QToolBar)
        report["dialog"] = dialog.width()
        report["toolbar_hint"] = toolbar.sizeHint().width()
        report["toolbar"] = toolbar.width()
        dialog.close()

    def step_print_preview() -> None:
        when(preview_shown, look_at_preview)
        documents.print_preview()
        print("FIT " + json.dumps(report), flush=True)
        window.model.set_modified(False)
        window.close()

    window.open_file(EXAMPLE, ask=False)
    window.go_to(base.DOCUMENTS)
    when(
        lambda: (
            shown(window) and view.page_count > 0 and view.shown_revision == window.model.revision
        ),
        step_documents,
    )


def dialogs_run(window, out: Path) -> None:
    """The real dialogs, not replaced: the file dialog (every label in Dutch), the question
    before a proposal replaces the advisor's text, and the question about unsaved changes.
    A timer answers each dialog through its own buttons, as a user would."""
    from PySide6.QtWidgets import QFileDialog, QLabel, QLineEdit, QMessageBox, QPushButton

    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance()
    report: dict = {}

    def modal():
        return app.activeModalWidget()

    def shoot(name: str) -> None:
        app.processEvents()  # painted
        screen = window.screen()
        screen.grabWindow(0).save(str(out / f"{name}.png"))

    def file_dialog_shown() -> bool:
        return isinstance(modal(), QFileDialog) and shown(modal())

    def box_shown() -> bool:
        return isinstance(modal(), QMessageBox) and shown(modal())

    def answer_file_dialog() -> None:
        dialog = modal()
        report["file_dialog"] = type(dialog).__name__ if dialog else None
        if isinstance(dialog, QFileDialog):
            report["file_labels"] = sorted(
                label.text()
                for label in dialog.findChildren(QLabel)
                if label.isVisible() and label.text()
            )
            report["file_buttons"] = sorted(
                button.text() for button in dialog.findChildren(QPushButton) if button.isVisible()
            )
            report["file_start"] = dialog.directory().absolutePath()
            shoot("file-dialog")
            name = dialog.findChild(QLineEdit, "fileNameEdit")
            name.setText(str(EXAMPLE))
            dialog.accept()

    def press(text: str):
        def click() -> None:
            box = modal()
            if isinstance(box, QMessageBox):
                report.setdefault("boxes", []).append(box.text())
                shoot(f"box-{len(report['boxes'])}")
                for button in box.buttons():
                    if text in button.text():
                        button.click()
                        return
                box.reject()

        return click

    def step_open() -> None:
        when(file_dialog_shown, answer_file_dialog)
        window.files.open_dialog()
        report["opened"] = window.model.value("minister.name")
        report["page"] = window.wizard.currentId()
        step_replace()

    def step_replace() -> None:
        window.go_to(base.PLATFORM_FIRST)
        bio = window.findChild(QWidget, "platforms.x.bio")
        bio.setPlainText("Mijn eigen tekst")
        draft = window.findChild(QWidget, "platforms.x.bio:draft")
        when(box_shown, press("Eigen tekst houden"))
        draft.click()
        report["kept"] = window.model.value("platforms.x.bio")
        when(box_shown, press("Vervangen"))
        draft.click()
        report["replaced"] = window.model.value("platforms.x.bio")
        window.actions["undo"].trigger()  # Bewerken › Ongedaan maken
        report["undone"] = window.model.value("platforms.x.bio")
        step_unsaved()

    def step_unsaved() -> None:
        when(box_shown, press("Annuleren"))
        window.files.new_conversation()
        report["still"] = window.model.value("minister.name")
        print("DIALOGS " + json.dumps(report, ensure_ascii=False), flush=True)
        window.model.set_modified(False)
        window.close()

    window.activateWindow()
    when(lambda: shown(window), step_open)


def compare_run(window, out: Path, overlay: Path) -> None:
    """Issue 13 in a real window: a source opened and closed with the keyboard, and Regelboek >
    Vergelijken met ander regelboek through the real file dialog (answered by a timer through
    its own widgets, as a user would)."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QFileDialog, QLineEdit

    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance()
    report: dict = {}

    def shoot(name: str) -> None:
        app.processEvents()  # painted
        window.screen().grabWindow(0).save(str(out / f"{name}.png"))

    def sources() -> QWidget | None:
        return window.findChild(QWidget, "dialog.sources")

    def focus_name() -> str | None:
        widget = app.focusWidget()
        return widget.objectName() if widget is not None else None

    def step_source() -> None:
        window.open_file(EXAMPLE, ask=False)
        window.go_to(base.CHOICE)
        box = window.findChild(QWidget, "acknowledged.corporate-ownership")
        box.setFocus(Qt.FocusReason.TabFocusReason)
        QTest.keyClick(box, Qt.Key.Key_Tab)
        report["tab_to"] = focus_name()
        button = app.focusWidget()
        QTest.keyClick(button, Qt.Key.Key_Space)
        when(lambda: shown(sources()) and focus_name() == "sources.text", step_source_shown)

    def step_source_shown() -> None:
        window_of_sources = sources()
        report["source_shown"] = bool(window_of_sources and window_of_sources.isVisible())
        report["source_focus"] = focus_name()
        report["source_text"] = window_of_sources.text.toPlainText() if window_of_sources else ""
        shoot("bron")
        QTest.keyClick(app.focusWidget(), Qt.Key.Key_Escape)
        when(lambda: not window_of_sources.isVisible() and window.isActiveWindow(), step_compare)

    def file_dialog_shown() -> bool:
        dialog = app.activeModalWidget()
        return isinstance(dialog, QFileDialog) and shown(dialog)

    def answer_file_dialog() -> None:
        dialog = app.activeModalWidget()
        report["file_dialog"] = type(dialog).__name__ if dialog else None
        if isinstance(dialog, QFileDialog):
            report["file_title"] = dialog.windowTitle()
            shoot("regelboek-kiezen")
            dialog.findChild(QLineEdit, "fileNameEdit").setText(str(overlay))
            dialog.accept()

    def step_compare() -> None:
        report["back_to"] = focus_name()
        window.go_to(base.MINISTER)
        window.actions["compare"].trigger()
        compare = window.findChild(QWidget, "dialog.compare")
        when(file_dialog_shown, answer_file_dialog)
        compare.findChild(QWidget, "compare.file").click()
        report["lines"] = compare.lines
        report["report"] = compare.findChild(QWidget, "compare.report").toPlainText()
        when(lambda: shown(compare), step_done)

    def step_done() -> None:
        shoot("vergelijken")
        window.findChild(QWidget, "dialog.compare").close()
        print("COMPARE " + json.dumps(report, ensure_ascii=False), flush=True)
        window.model.set_modified(False)
        window.close()

    window.activateWindow()
    when(lambda: shown(window) and window.isActiveWindow(), step_source)


def keyboard(window) -> None:
    """The rulebook is loaded: say so, and say from now on where the keyboard focus goes."""
    app = QApplication.instance()

    def moved(_old: QWidget | None, new: QWidget | None) -> None:
        if new is not None:
            print(f"FOCUS {new.objectName() or type(new).__name__}", flush=True)

    app.focusChanged.connect(moved)
    focused = app.focusWidget()
    print(f"READY {focused.objectName() if focused is not None else ''}", flush=True)


def conversation_state(window) -> dict:
    """What the window holds: for the test that two windows on one file lose nothing."""
    model = window.model
    return {
        "name": model.value("minister.name"),
        "party": model.value("minister.party"),
        "file": str(model.file) if model.file else None,
        "modified": model.modified,
        "read_only": window.files.read_only,
        "title": window.windowTitle(),
    }


def dialog_text(dialog: QWidget) -> str:
    """What a dialog says: a message box's text, or the text of the differences."""
    from PySide6.QtWidgets import QMessageBox, QTextBrowser

    if isinstance(dialog, QMessageBox):
        return f"{dialog.text()}\n{dialog.informativeText()}"
    browser = dialog.findChild(QTextBrowser)
    return browser.toPlainText() if browser is not None else ""


def same_file(window, file: Path) -> None:
    """Open `file` (a second window gets the question whether to open it read-only), then say
    where the keyboard focus goes (FOCUS), when the window has become the active one (ACTIVE,
    with the focus then), which dialog is shown and active (DIALOG name {text}), and what the
    window holds after it opened the file (OPENED), after each save (SAVED) and after a reload
    (RESET)."""
    app = QApplication.instance()
    shown_dialogs: list[QWidget] = []
    active = [False]

    def say(kind: str, value: object) -> None:
        print(f"{kind} {json.dumps(value, ensure_ascii=False)}", flush=True)

    def moved(_old: QWidget | None, new: QWidget | None) -> None:
        if new is not None:
            print(f"FOCUS {new.objectName() or type(new).__name__}", flush=True)

    def look_for_dialogs() -> None:
        if window.isActiveWindow() != active[0]:
            active[0] = window.isActiveWindow()
            if active[0]:
                focused = app.focusWidget()
                say("ACTIVE", focused.objectName() if focused is not None else "")
        dialog = app.activeModalWidget()
        if dialog is None:
            shown_dialogs.clear()
        elif dialog not in shown_dialogs and shown(dialog) and dialog.isActiveWindow():
            shown_dialogs.append(dialog)
            say("DIALOG", {"name": dialog.objectName(), "text": dialog_text(dialog)})

    watch = QTimer(window)
    watch.timeout.connect(look_for_dialogs)
    watch.start(POLL_MS)
    app.focusChanged.connect(moved)
    window.files.saved.connect(lambda _save: say("SAVED", conversation_state(window)))
    window.model.reset.connect(lambda: say("RESET", conversation_state(window)))
    opened = window.open_file(file, ask=False)
    say("OPENED", {"opened": opened, **conversation_state(window)})


def type_large(window, file: Path, keys: str) -> None:
    """Open a large conversation and type `keys` at the end of the minister's name, a key every
    KEY_MS; each key is announced (KEY time, on the system's monotonic clock) right before it
    is pressed, the last one as LAST; when the autosave holds the last key: AUTOSAVED time."""
    window.open_file(file, ask=False)
    window.go_to(base.MINISTER)
    name = window.findChild(QWidget, "minister.name")
    name.setFocus()
    name.end(False)
    left = list(keys)

    def autosaved(_file: str) -> None:
        if not left:
            print(f"AUTOSAVED {time.monotonic()}", flush=True)

    window.autosaver.saved.connect(autosaved)

    def press() -> None:
        key = left.pop(0)
        print(f"{'KEY' if left else 'LAST'} {time.monotonic()}", flush=True)
        key_chars(name, key)
        if left:
            QTimer.singleShot(KEY_MS, press)

    QTimer.singleShot(KEY_MS, press)


def layout(window) -> dict:
    """Where the window and its parts are: for the test that every page fits the screen."""
    from PySide6.QtWidgets import QAbstractScrollArea, QPlainTextEdit, QScrollArea

    def box(rect) -> list[int]:
        return [rect.x(), rect.y(), rect.width(), rect.height()]

    page = window.wizard.currentPage()
    # A text to read that scrolls inside a page that scrolls (an editor there is normal).
    outers = [outer for outer in page.findChildren(QScrollArea) if outer.isVisible()]
    nested = [
        area.objectName()
        for area in page.findChildren(QAbstractScrollArea)
        if area.isVisible()
        and not (isinstance(area, QPlainTextEdit) and not area.isReadOnly())
        and any(outer is not area and outer.isAncestorOf(area) for outer in outers)
    ]
    panel = window.side_panel
    return {
        "page": window.wizard.currentId(),
        "screen": box(window.screen().availableGeometry()),
        "window": box(window.frameGeometry()),
        "client": box(window.geometry()),
        "side_panel": panel.width() if panel is not None and panel.isVisible() else 0,
        "nested_scroll": nested,
    }


def high_contrast(app: QApplication) -> None:
    palette = QPalette()
    for role, color in (
        (QPalette.ColorRole.Window, "#000000"),
        (QPalette.ColorRole.WindowText, "#ffffff"),
        (QPalette.ColorRole.Base, "#000000"),
        (QPalette.ColorRole.Text, "#ffffff"),
        (QPalette.ColorRole.Button, "#000000"),
        (QPalette.ColorRole.ButtonText, "#ffff00"),
        (QPalette.ColorRole.Highlight, "#00ffff"),
        (QPalette.ColorRole.HighlightedText, "#000000"),
        (QPalette.ColorRole.PlaceholderText, "#c0c0c0"),
        (QPalette.ColorRole.Link, "#ffff00"),
        (QPalette.ColorRole.Light, "#ffffff"),
        (QPalette.ColorRole.Midlight, "#e0e0e0"),
        (QPalette.ColorRole.Mid, "#c0c0c0"),
        (QPalette.ColorRole.Dark, "#ffffff"),
        (QPalette.ColorRole.Shadow, "#ffffff"),
    ):
        palette.setColor(role, QColor(color))
    app.setPalette(palette)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "mode",
        choices=[
            "crash-phase1",
            "crash-phase2",
            "screenshots",
            "dialogs",
            "compare",
            "keyboard",
            "walks",
            "same-file",
            "type-large",
            "fit",
        ],
    )
    parser.add_argument("out", nargs="?")
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--contrast", action="store_true")
    parser.add_argument("--lang", default="nl")
    parser.add_argument("--session", type=Path, default=EXAMPLE)
    parser.add_argument("--overlay", type=Path)
    parser.add_argument("--keys", default="")
    args = parser.parse_args()
    app = make_application([sys.argv[0]], args.lang)
    if args.scale != 1.0:
        font = QFont(app.font())
        font.setPointSizeF(font.pointSizeF() * args.scale)
        app.setFont(font)
    if args.contrast:
        app.setStyle("Fusion")
        high_contrast(app)
    window, loader = start_window()
    actions = {
        "crash-phase1": lambda: crash_phase1(window),
        "crash-phase2": lambda: crash_phase2(window),
        "screenshots": lambda: screenshots(window, Path(args.out or "shots"), args.session),
        "dialogs": lambda: dialogs_run(window, Path(args.out or "shots")),
        "compare": lambda: compare_run(window, Path(args.out or "shots"), args.overlay),
        "keyboard": lambda: keyboard(window),
        "walks": lambda: walks(window, int(args.out or 20)),
        "same-file": lambda: same_file(window, Path(args.out)),
        "type-large": lambda: type_large(window, Path(args.out), args.keys),
        "fit": lambda: fit_run(window),
    }
    window.ready.connect(actions[args.mode])
    code = app.exec()
    loader.wait()
    return code


if __name__ == "__main__":
    sys.exit(main())
