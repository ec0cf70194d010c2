"""Files, title, closing, keyboard, accessibility, language, documents and the start without a
display."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QSettings, QSize, Qt, QTimer, QTranslator
from PySide6.QtGui import QImage
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressDialog,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    QWizard,
)

from tests.ui.conftest import EXAMPLES
from tests.ui.helpers import find, set_value, type_text
from wizard.constants import SESSION_SUFFIX as SUFFIX
from wizard.core.session import load_session
from wizard.documents.page_process import page_maker
from wizard.paths import project_version
from wizard.ui import base, dialogs
from wizard.ui.dialogs import about_text
from wizard.ui.fields import CheckField, RadioField
from wizard.ui.focus import focus_chain
from wizard.ui.icon import ICON_SIZES

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = EXAMPLES / "corporate-minpres.adviesgesprek.yaml"


def test_title_shows_file_and_unsaved_mark(qtbot, window, tmp_path):
    assert window.windowTitle().startswith("Nieuw gesprek[*]")
    assert not window.isWindowModified()
    find(window, "start.new").click()
    set_value(qtbot, window, "minister.name", "Rob Jetten")
    assert window.isWindowModified()
    assert window.save_to(tmp_path / "jetten")
    assert window.windowTitle().startswith(f"jetten{SUFFIX}[*]")
    assert not window.isWindowModified()


def test_save_as_and_recent_files(qtbot, window, tmp_path, isolated):
    find(window, "start.new").click()
    set_value(qtbot, window, "minister.name", "Rob Jetten")
    isolated.save_name = str(tmp_path / "gesprek.adviesgesprek.yaml")
    with qtbot.waitSignal(window.files.saved, timeout=10_000):  # written in the background
        window.actions["save"].trigger()  # no file yet: Save asks for a name
    saved = Path(isolated.save_name)
    assert load_session(saved).get("minister.name") == "Rob Jetten"
    recent = QSettings().value("recentFiles")
    assert recent[0] == str(saved.resolve())
    assert find(window, "start.recent").count() == 1
    set_value(qtbot, window, "minister.party", "D66")
    with qtbot.waitSignal(window.files.saved, timeout=10_000):
        window.actions["save"].trigger()  # now it saves in place, without asking
    assert load_session(saved).get("minister.party") == "D66"


def test_open_keeps_unknown_keys_and_reaches_the_first_page(qtbot, window, tmp_path, isolated):
    source = tmp_path / f"met-extra{SUFFIX}"
    source.write_text(
        EXAMPLE.read_text(encoding="utf-8") + "department_note: bewaren\n", encoding="utf-8"
    )
    isolated.open_name = str(source)
    window.actions["open"].trigger()
    assert window.wizard.currentId() == base.MINISTER
    assert find(window, "minister.name").text() == "Rob Jetten"
    assert find(window, "minister.ministry").currentData() == "AZ"
    set_value(qtbot, window, "minister.party", "D66 ")
    assert window.save()
    assert "department_note: bewaren" in source.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "content, expected",
    [
        ("format: adviesgesprek/9\n", "nieuwere formaat"),
        ("dit: [is geen yaml\n", "YAML"),
        ("format: adviesgesprek/1\nvariant: anders\n", "niet toegestaan"),
    ],
)
def test_a_bad_file_gives_a_dutch_message_and_keeps_the_conversation(
    qtbot, window, tmp_path, isolated, content, expected
):
    find(window, "start.new").click()
    set_value(qtbot, window, "minister.name", "Blijft staan")
    bad = tmp_path / f"slecht{SUFFIX}"
    bad.write_text(content, encoding="utf-8")
    isolated.unsaved_answer = dialogs.DISCARD
    assert not window.open_file(bad)
    assert expected in isolated.errors[-1][1]
    assert window.model.value("minister.name") == "Blijft staan"
    assert bad.read_text(encoding="utf-8") == content


def test_secrets_in_a_file_are_dropped_with_a_message(qtbot, window, tmp_path, isolated):
    source = tmp_path / f"geheim{SUFFIX}"
    source.write_text(
        EXAMPLE.read_text(encoding="utf-8") + "access_extra:\n  password: hunter2\n",
        encoding="utf-8",
    )
    assert window.open_file(source)
    assert isolated.infos and "wachtwoord" in isolated.infos[-1][1]
    assert "hunter2" not in window.model.session.to_yaml()


def test_close_with_unsaved_changes_asks(qtbot, window, tmp_path, isolated):
    find(window, "start.new").click()
    set_value(qtbot, window, "minister.name", "Rob Jetten")
    isolated.unsaved_answer = dialogs.CANCEL
    assert not window.close()
    assert isolated.unsaved_asked == 1 and window.isVisible()
    isolated.unsaved_answer = dialogs.SAVE
    isolated.save_name = str(tmp_path / "bij-sluiten.adviesgesprek.yaml")
    assert window.close()
    assert load_session(isolated.save_name).get("minister.name") == "Rob Jetten"


def test_new_conversation_asks_first_and_starts_empty(qtbot, window, isolated):
    assert window.open_file(EXAMPLE)
    set_value(qtbot, window, "minister.party", "Anders")
    isolated.unsaved_answer = dialogs.CANCEL
    window.actions["new"].trigger()
    assert window.model.value("minister.name") == "Rob Jetten"
    isolated.unsaved_answer = dialogs.DISCARD
    window.actions["new"].trigger()
    assert window.model.value("minister.name") == ""
    assert find(window, "minister.name").text() == ""
    assert window.model.file is None and not window.isWindowModified()


INPUTS = (QLineEdit, QPlainTextEdit, QComboBox, QSpinBox, QAbstractButton)


def test_every_input_is_named_after_its_path_and_label(window):
    fields = [field for page in window.pages.values() for field in page.fields]
    widgets = {field.widget: field for field in fields}
    # Every input of the pages that ask questions, found by walking the widgets, is a field's
    # (or a part of one: the buttons of a choice), apart from Qt's own parts of a spin box.
    for page_id, page in window.pages.items():
        if page_id in (base.OVERVIEW, base.DOCUMENTS):
            continue
        for widget in page.findChildren(QWidget):
            if not isinstance(widget, INPUTS) or isinstance(widget, QPushButton):
                continue
            if widget.objectName().startswith("qt_"):
                continue
            owner = widget
            while owner is not None and owner not in widgets:
                owner = owner.parentWidget()
            assert owner is not None, (page_id, widget.objectName() or type(widget).__name__)
    for field in fields:
        assert field.widget.objectName() == field.path
        assert field.widget.accessibleName() == field.label
        if not isinstance(field, CheckField | RadioField):
            label = window.findChild(QWidget, f"{field.path}:label")
            assert label.text() == field.label and label.buddy() is field.widget
    paths = [field.path for field in fields]
    assert len(paths) == len(set(paths)), "one widget per session path"


def test_tab_order_follows_the_page(qtbot, window):
    find(window, "start.new").click()
    page = window.pages[base.MINISTER]
    inputs = [field.widget for field in page.fields]
    inputs[0].setFocus()
    order = [inputs[0]]
    for _step in range(len(inputs) - 1):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        order.append(QApplication.focusWidget())
    assert order == inputs


def test_keyboard_only_conversation_start(qtbot, window):
    qtbot.keyClick(find(window, "start.new"), Qt.Key.Key_Space)
    assert window.wizard.currentId() == base.MINISTER
    name = find(window, "minister.name")
    type_text(qtbot, name, "Rob Jetten")
    qtbot.keyClick(name, Qt.Key.Key_Tab)
    office = QApplication.focusWidget()
    assert office.objectName() == "minister.office"
    qtbot.keyClick(office, Qt.Key.Key_Down)
    assert window.model.value("minister.office") == "minister_president"
    qtbot.keyClick(name, Qt.Key.Key_Return)  # Enter: the default button, Next
    assert window.wizard.currentId() == base.SITUATION
    qtbot.keyClick(window, Qt.Key.Key_F9)  # the side panel collapses and returns
    assert window.side_panel.isHidden()
    qtbot.keyClick(window, Qt.Key.Key_F9)
    assert not window.side_panel.isHidden()


def test_side_panel_shows_the_findings_of_the_page(qtbot, window):
    find(window, "start.new").click()
    panel = find(window, "side_panel.findings")
    texts = [panel.item(i).text() for i in range(panel.count())]
    assert "○ Nog in te vullen: Naam" in texts  # not an error before the page is left
    assert not any("gekozen variant" in text for text in texts)
    window.wizard.next()
    window.wizard.back()
    texts = [panel.item(i).text() for i in range(panel.count())]
    assert "✖ Fout: Nog niet ingevuld: Naam" in texts
    say = find(window, "side_panel.say").toPlainText()
    assert "Beleid, geen profilering" in say
    panel.itemActivated.emit(panel.item(0))
    assert QApplication.focusWidget() is not None


def test_about_shows_program_and_rulebook_version(window):
    text = about_text(window.rulebook)
    assert project_version() in text
    assert window.rulebook.version in text and window.rulebook.date in text


def test_qt_own_buttons_are_dutch(window):
    find(window, "start.new").click()
    assert "Volgende" in window.wizard.button(QWizard.WizardButton.NextButton).text()
    assert "Terug" in window.wizard.button(QWizard.WizardButton.BackButton).text()


def test_english_translation_is_built_and_used():
    qm = ROOT / "resources" / "translations" / "adviesgesprek_en.qm"
    assert qm.is_file() and (ROOT / "resources" / "translations" / "adviesgesprek_en.ts").is_file()
    translator = QTranslator()
    assert translator.load(str(qm))
    assert translator.translate("MinisterPage", "Bewindspersoon") == "Minister"
    assert translator.translate("StartPage", "Nieuw gesprek beginnen") == "Start a new conversation"


def test_english_ui_in_a_process_of_its_own(tmp_path):
    code = (
        f"import sys; sys.path.insert(0, {str(ROOT)!r})\n"
        "from wizard.app import make_application, create_main_window\n"
        "app = make_application(['x'], 'en')\n"
        "w = create_main_window()\n"
        "print(w.pages[1].title()); print(w.start_page.new_button.text())\n"
    )
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        XDG_DATA_HOME=str(tmp_path),
        XDG_CONFIG_HOME=str(tmp_path),
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 0, result.stderr[-1500:]
    assert result.stdout.splitlines()[:2] == ["Minister", "Start a new conversation"]


def test_without_a_display_one_dutch_line_and_exit_2(cli, tmp_path):
    no_display = {
        "DISPLAY": None,
        "WAYLAND_DISPLAY": None,
        "QT_QPA_PLATFORM": None,
        "XDG_CONFIG_HOME": str(tmp_path),
    }
    result = cli(env=no_display)
    if not sys.platform.startswith("linux"):
        pytest.skip("only Linux can lack a display this way")
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "adviesgesprek render" in lines[0] and "beeldscherm" in lines[0]


def _wait_for_pages(qtbot, window, kind, timeout=20000):
    view = window.pages[base.DOCUMENTS].previews[kind]
    qtbot.waitUntil(
        lambda: view.shown_revision == window.model.revision and view.page_count > 0,
        timeout=timeout,
    )
    return view


@pytest.mark.slow
def test_documents_preview_export_and_print(qtbot, window, tmp_path, isolated):
    assert window.open_file(EXAMPLE)
    window.go_to(base.DOCUMENTS)
    page = window.pages[base.DOCUMENTS]
    view = _wait_for_pages(qtbot, window, "afspraken")
    assert view.message.isHidden()
    first = view.labels[0].pixmap()
    assert first.height() > first.width() * 1.3  # an A4 page, made by Typst
    assert page.previews["checklist"].page_count == 0  # made when its tab is opened
    page.tabs.setCurrentIndex(1)
    assert _wait_for_pages(qtbot, window, "checklist").page_count >= 1
    written = page.export_to(tmp_path / "uit", ["pdf", "html"])
    names = {path.name for path in written}
    assert {"afspraken.pdf", "checklist.pdf", "platformconfiguratie.yaml"} <= names
    assert "Opgeslagen" in find(window, "documents.result").text()
    folder_button = find(window, "documents.open_folder")
    assert folder_button.isEnabled()
    folder_button.click()
    assert ("open_folder", str(tmp_path / "uit")) in isolated.infos
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "afdruk.pdf"))
    assert page.print_to(printer)
    expected = sum(
        len(PdfReader(str(tmp_path / "uit" / f"{kind}.pdf")).pages)
        for kind in ("afspraken", "checklist")
    )
    assert len(PdfReader(str(tmp_path / "afdruk.pdf")).pages) == expected


def test_the_preview_follows_an_answer(qtbot, window):
    """A change while the page is shown, one keystroke after another: the pages are made again
    in the background and show the new answer's version of the conversation."""
    assert window.open_file(EXAMPLE)
    window.go_to(base.DOCUMENTS)
    view = _wait_for_pages(qtbot, window, "afspraken")
    before = view.labels[0].pixmap().toImage()
    for letter in "Jansen":
        window.model.set("minister.name", (window.model.value("minister.name") or "") + letter)
        QApplication.processEvents()
    assert window.model.value("minister.name").endswith("Jansen")
    view = _wait_for_pages(qtbot, window, "afspraken")
    assert view.labels[0].pixmap().toImage() != before


def test_the_print_preview_opens_paints_and_closes(qtbot, window):
    """The real QPrintPreviewDialog (it crashed the program: the printer it was given was
    freed under it): it opens, paints every page of both documents, and closes."""
    assert window.open_file(EXAMPLE)
    window.go_to(base.DOCUMENTS)
    page = window.pages[base.DOCUMENTS]
    pages = _wait_for_pages(qtbot, window, "afspraken").page_count
    page.tabs.setCurrentIndex(1)
    pages += _wait_for_pages(qtbot, window, "checklist").page_count
    seen = {}

    def look_and_close():
        dialog = next(
            (
                w
                for w in QApplication.topLevelWidgets()
                if isinstance(w, QPrintPreviewDialog) and w.isVisible()
            ),
            None,
        )
        if dialog is None:
            QTimer.singleShot(100, look_and_close)
            return
        preview = dialog.findChild(QPrintPreviewWidget)
        if preview.pageCount() == 0 and seen.setdefault("tries", 0) < 200:
            seen["tries"] += 1  # the pages are still being made
            QTimer.singleShot(100, look_and_close)
            return
        seen["pages"] = preview.pageCount()
        image = dialog.grab().toImage()
        seen["size"] = (image.width(), image.height())
        dialog.reject()

    QTimer.singleShot(100, look_and_close)
    find(window, "documents.print_preview").click()
    assert seen.get("pages") == pages, seen
    assert seen["size"][0] > 100
    assert page._preview_printer is None
    assert "mislukt" not in find(window, "documents.result").text()


def test_export_into_an_unwritable_place_gives_a_message(qtbot, window, tmp_path):
    assert window.open_file(EXAMPLE)
    window.go_to(base.DOCUMENTS)
    blocker = tmp_path / "een-bestand"
    blocker.write_text("geen map", encoding="utf-8")
    page = window.pages[base.DOCUMENTS]
    assert page.export_to(blocker / "sub", ["pdf"]) == []
    assert "mislukt" in find(window, "documents.result").text()
    assert blocker.read_text(encoding="utf-8") == "geen map"


def test_export_can_be_cancelled_and_leaves_nothing(qtbot, window, tmp_path, monkeypatch):
    steps = []
    original = QProgressDialog.setValue

    def set_value_and_cancel(dialog, value):
        steps.append(value)
        original(dialog, value)
        if len(steps) == 2:
            dialog.cancel()

    monkeypatch.setattr(QProgressDialog, "setValue", set_value_and_cancel)
    assert window.open_file(EXAMPLE)
    window.go_to(base.DOCUMENTS)
    out = tmp_path / "afgebroken"
    assert window.pages[base.DOCUMENTS].export_to(out, ["pdf", "odt", "html"]) == []
    assert "afgebroken" in find(window, "documents.result").text()
    assert not [path for path in out.glob("*") if path.is_file()]


def test_escape_keeps_the_conversation_and_finish_closes_the_window(qtbot, window, isolated):
    assert window.open_file(EXAMPLE)
    qtbot.keyClick(window.wizard, Qt.Key.Key_Escape)
    assert window.wizard.isVisible() and window.wizard.currentId() == base.MINISTER
    window.go_to(base.DOCUMENTS)
    set_value(qtbot, window, "minister.party", "D66 (gewijzigd)")
    isolated.unsaved_answer = dialogs.DISCARD
    window.wizard.button(QWizard.WizardButton.FinishButton).click()
    assert isolated.unsaved_asked == 1
    assert not window.isVisible()


def test_go_to_menu_reaches_every_page(qtbot, window):
    find(window, "start.new").click()
    actions = window.go_menu.actions()
    assert len(actions) == len(window.pages)
    for action, page_id in zip(actions, sorted(window.pages), strict=True):
        action.trigger()
        assert window.wizard.currentId() == page_id


def test_wijzig_on_a_choice_focuses_the_chosen_option(qtbot, window):
    assert window.open_file(EXAMPLE)
    window.go_to(base.OVERVIEW)
    find(window, "overview.edit:variant").click()
    assert window.wizard.currentId() == base.CHOICE
    assert QApplication.focusWidget() is find(window, "variant=corporate")


def test_smoke_test_mode_starts_every_page_and_quits(cli, tmp_path):
    result = cli(
        env={
            "QT_QPA_PLATFORM": "offscreen",
            "ADVIESGESPREK_SMOKE_TEST": "1",
            "XDG_DATA_HOME": str(tmp_path),
            "XDG_CONFIG_HOME": str(tmp_path),
        }
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "smoke test ok" in result.stdout
    assert not list(tmp_path.rglob("autosave-*"))


def test_the_pages_are_made_in_a_process_of_their_own(qtbot, window):
    """Only the pages in view are decoded; the helper process ends with its input and starts
    again when asked."""
    assert window.open_file(EXAMPLE)
    window.go_to(base.DOCUMENTS)
    view = _wait_for_pages(qtbot, window, "afspraken")
    assert view.page_count >= 2 and not view.labels[0].pixmap().isNull()
    assert len(view.decoded) < view.page_count  # the last page is out of view: not decoded
    child = page_maker()._child
    assert child is not None and child.poll() is None
    page_maker().close()
    assert child.poll() is not None
    view.shown_revision = -1
    window.pages[base.DOCUMENTS].render_previews()
    _wait_for_pages(qtbot, window, "afspraken")
    assert page_maker()._child is not child


def test_scrolling_the_preview_decodes_the_page_that_comes_into_view(qtbot, window):
    """A page is a picture only while it is in view: scrolling to the end decodes the last page
    (before it is painted) and forgets the first."""
    assert window.open_file(EXAMPLE)
    window.go_to(base.DOCUMENTS)
    view = _wait_for_pages(qtbot, window, "afspraken")
    assert 0 in view.decoded and view.page_count - 1 not in view.decoded
    assert view.labels[view.page_count - 1].pixmap().isNull()
    bar = view.verticalScrollBar()
    # The scroll range follows the pages once Qt's layout has run (a posted event): until then
    # the end of the bar is not the end of the document.
    pages_height = sum(label.minimumHeight() for label in view.labels[: view.page_count])
    qtbot.waitUntil(lambda: bar.maximum() + bar.pageStep() >= pages_height)
    bar.setValue(bar.maximum())
    last = view.page_count - 1
    assert last in view.decoded and 0 not in view.decoded
    assert not view.labels[last].pixmap().isNull() and view.labels[0].pixmap().isNull()


def test_a_preview_page_draws_its_picture_itself(qtbot, window):
    """The picture of a page is drawn by the page, never handed to QLabel: QLabel keeps a pixmap
    as an icon, and Qt then kept every page it drew in its pixmap cache, so the wizard grew by
    a page on every visit to Documenten."""
    assert window.open_file(EXAMPLE)
    window.go_to(base.DOCUMENTS)
    view = _wait_for_pages(qtbot, window, "afspraken")
    first = view.labels[0]
    assert not first.pixmap().isNull() and QLabel.pixmap(first).isNull()
    picture = first.grab().toImage()
    dark = [
        (x, y)
        for x in range(0, picture.width(), 4)
        for y in range(0, picture.height() // 3, 4)
        if picture.pixelColor(x, y).lightness() < 128
    ]
    assert dark, "the page's text is drawn"


def test_the_window_icon_and_the_logo_are_the_programs_icon_at_its_sizes(window):
    """The window's icon has a picture at each of ICON_SIZES (not the larger picture the
    system's menus get), and the logo in the pages' header is the smallest of them."""
    icons = ROOT / "resources" / "icons"
    sizes = [size.width() for size in QApplication.windowIcon().availableSizes()]
    assert sorted(sizes) == sorted(ICON_SIZES)
    for size in ICON_SIZES:
        assert QImage(str(icons / f"adviesgesprek-{size}.png")).size() == QSize(size, size)
    logo = window.wizard.pixmap(QWizard.WizardPixmap.LogoPixmap)
    assert logo.width() / logo.devicePixelRatio() == ICON_SIZES[0]


def test_the_tab_order_leaves_the_parts_of_compound_widgets_alone(qtbot):
    """The tab order has a combo box and the field in a scroll area, never the combo box's list
    or the scroll area's bars."""
    page = QWidget()
    qtbot.addWidget(page)
    combo, area, edit = QComboBox(), QScrollArea(), QLineEdit()
    combo.addItems(["een", "twee"])
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    area.setWidget(edit)
    layout = QVBoxLayout(page)
    layout.addWidget(combo)
    layout.addWidget(area)
    page.show()
    assert focus_chain(page) == [combo, edit]


PREVIEW_ONLY = """
import sys
from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QApplication
from wizard.app import configure_application, create_main_window
from wizard.ui import base
app = QApplication([])
configure_application(app, "nl")
window = create_main_window({example!r})
window.show()
window.go_to(base.DOCUMENTS)
view = window.pages[base.DOCUMENTS].previews["afspraken"]
while not view.page_count:  # (the test's timeout ends a preview that never comes)
    app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
print(view.page_count, "typst" in sys.modules, "jinja2" in sys.modules)
"""


def test_typst_never_comes_into_the_wizards_process(tmp_path):
    """Typst and its fonts stay in the helper process: the wizard's own memory does not grow by
    them when the preview is made."""
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        PYTHONPATH=str(ROOT),
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
    )
    result = subprocess.run(
        [sys.executable, "-c", PREVIEW_ONLY.format(example=str(EXAMPLE))],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    pages, typst_loaded, jinja_loaded = result.stdout.split()
    assert int(pages) > 0, result.stderr
    assert (typst_loaded, jinja_loaded) == ("False", "False")
