"""Issue 12: every field in one state (empty and required / wrong / fine), counted alike in the
side panel, the step list and the overview; the overview shows what will be printed; a proposal
replaces the advisor's text only after asking, and Ctrl+Z brings it back."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from tests.ui.conftest import EXAMPLES
from tests.ui.helpers import find, paste_text, set_value, show, type_text
from wizard.ui import base
from wizard.ui.texts import counts_text

EXAMPLE = EXAMPLES / "corporate-minpres.adviesgesprek.yaml"


def panel_lines(window) -> list[str]:
    panel = find(window, "side_panel.findings")
    return [
        panel.item(row).text()
        for row in range(panel.count())
        if panel.item(row).data(Qt.ItemDataRole.UserRole)
    ]


def step_text(window, page_id: int) -> str:
    steps = find(window, "steps.list")
    for row in range(steps.count()):
        if steps.item(row).data(Qt.ItemDataRole.UserRole) == page_id:
            return steps.item(row).toolTip()
    raise AssertionError(page_id)


def test_a_wrong_date_empties_the_answer_and_is_counted_once(qtbot, window):
    assert window.open_file(EXAMPLE)
    assert window.model.value("minister.sworn_in")
    before = len([line for line in panel_lines(window) if line.startswith("✖")])
    field = find(window, "minister.sworn_in")
    paste_text(qtbot, field, "32-13-2026")  # one edit, from a valid date to no date
    assert window.model.value("minister.sworn_in") is None  # the old date is not kept
    message = find(window, "minister.sworn_in:message").text()
    assert "geen datum" in message and "ingevuld" not in message.lower()
    lines = panel_lines(window)
    errors = [line for line in lines if line.startswith("✖")]
    assert len(errors) == before + 1 and any("geen datum" in line for line in errors)
    assert not any("Datum van de beëdiging" in line and "ingevuld" in line for line in lines)
    assert "1 fout" in step_text(window, base.MINISTER)
    window.go_to(base.OVERVIEW)
    summary = find(window, "overview.summary").text()
    assert summary.startswith("Er is 1 fout en ")
    assert find(window, "overview.value:minister.sworn_in").text() == "—"
    window.go_to(base.MINISTER)
    type_text(qtbot, field, "23-02-2026")
    assert window.model.value("minister.sworn_in") == "2026-02-23"
    assert not [line for line in panel_lines(window) if "geen datum" in line]


def test_untouched_required_fields_are_still_to_fill_in_until_the_page_is_left(qtbot, window):
    find(window, "start.new").click()
    message = find(window, "minister.name:message")
    assert "Nog in te vullen" in message.text() and "Fout" not in message.text()
    assert step_text(window, base.MINISTER).endswith("nog in te vullen")
    window.wizard.next()
    assert step_text(window, base.MINISTER).startswith("3 fouten")
    window.wizard.back()
    assert "Fout" in message.text() and "Nog in te vullen" not in message.text()


def test_the_counts_agree_everywhere(qtbot, window):
    find(window, "start.new").click()
    for _step in range(3):
        window.wizard.next()
    window.go_to(base.MINISTER)
    side = [line[0] for line in panel_lines(window)]
    steps = step_text(window, base.MINISTER)
    severities = {"✖": "error", "⚠": "warning", "○": "todo"}
    assert steps == counts_text(severities[mark] for mark in side if mark in severities)
    window.go_to(base.OVERVIEW)
    shown = window.model.shown()
    errors = sum(1 for item in shown if item.severity == "error")
    assert f"{errors} fout" in find(window, "overview.summary").text()
    labels = [
        label
        for label in window.pages[base.OVERVIEW].findChildren(
            type(find(window, "overview.summary"))
        )
        if label.objectName().startswith("overview.finding.")
    ]
    assert len(labels) == len(shown)


def test_singular_and_plural():
    assert counts_text(["error"]) == "1 fout"
    assert counts_text(["error", "error", "warning"]) == "2 fouten, 1 waarschuwing"
    assert (
        counts_text(["warning", "warning", "todo"]) == "2 waarschuwingen, 1 veld nog in te vullen"
    )


def test_the_overview_without_errors_says_so_in_words(window):
    page = window.pages[base.OVERVIEW]
    assert page.summary_text([]) == "Geen fouten en geen waarschuwingen."
    assert page.summary_text(["warning", "info"]) == "Geen fouten; 1 waarschuwing."
    assert page.summary_text(["warning", "warning"]) == "Geen fouten; 2 waarschuwingen."


def test_an_info_line_keeps_its_own_colour_under_an_error(qtbot, window):
    find(window, "start.new").click()
    field = window.pages[base.MINISTER].fields[0]
    field.message.show_messages([("error", "fout"), ("info", "ter info")])
    text = field.message.text()
    error_colour = QColor("#a4001d").name()
    info_colour = QColor("#154273").name()
    assert text.index(error_colour) < text.index("fout")
    assert text.index(info_colour) < text.index("ter info")


def test_the_overview_shows_what_will_be_printed(qtbot, window):
    find(window, "start.new").click()
    for path, value in (
        ("minister.name", "Rob Jetten"),
        ("minister.office", "minister"),
        ("minister.ministry", "VWS"),
        ("minister.party", "D66"),
    ):
        set_value(qtbot, window, path, value)
    window.model.set("variant", "hybrid")
    window.go_to(base.PLATFORM_FIRST)
    set_value(qtbot, window, "platforms.x.use", True)
    set_value(qtbot, window, "platforms.x.account", "own")
    window.go_to(base.OVERVIEW)
    advice = window.model.advice.platforms["x"]
    bio = find(window, "overview.value:platforms.x.bio").text()
    assert advice.bio_draft.split()[0] in bio and "voorstel" in bio
    handle = find(window, "overview.value:platforms.x.handle").text()
    assert handle.startswith(advice.config.handle) and "voorstel" in handle
    hashtag = find(window, "overview.value:minister.party_hashtag").text()
    assert hashtag.startswith("#TeamD66") and "voorstel" in hashtag
    window.go_to(base.PLATFORM_FIRST)
    set_value(qtbot, window, "platforms.x.handle", "MinisterVWS")
    window.go_to(base.OVERVIEW)
    assert find(window, "overview.value:platforms.x.handle").text() == "MinisterVWS"


def test_the_draft_replaces_own_text_only_after_asking_and_can_be_undone(qtbot, window, isolated):
    find(window, "start.new").click()
    set_value(qtbot, window, "minister.name", "Rob Jetten")
    set_value(qtbot, window, "minister.office", "minister")
    set_value(qtbot, window, "minister.ministry", "VWS")
    window.model.set("variant", "corporate")
    window.go_to(base.PLATFORM_FIRST)
    set_value(qtbot, window, "platforms.x.use", True)
    set_value(qtbot, window, "platforms.x.account", "new")
    bio = find(window, "platforms.x.bio")
    type_text(qtbot, bio, "Mijn eigen bio")
    draft = window.model.advice.platforms["x"].bio_draft
    isolated.replace_answer = False
    find(window, "platforms.x.bio:draft").click()
    assert isolated.replace_asked == 1
    assert window.model.value("platforms.x.bio") == "Mijn eigen bio"
    isolated.replace_answer = True
    find(window, "platforms.x.bio:draft").click()
    assert window.model.value("platforms.x.bio") == draft == bio.toPlainText()
    qtbot.keyClick(bio, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert bio.toPlainText() == "Mijn eigen bio"
    assert window.model.value("platforms.x.bio") == "Mijn eigen bio"
    handle = find(window, "platforms.x.handle")
    type_text(qtbot, handle, "EigenHandle")
    find(window, "platforms.x.handle:suggest").click()
    assert isolated.replace_asked == 3
    assert (
        window.model.value("platforms.x.handle")
        == window.model.advice.platforms["x"].handle_suggestion
    )
    qtbot.keyClick(handle, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.model.value("platforms.x.handle") == "EigenHandle"


def test_an_empty_bio_takes_the_draft_without_asking(qtbot, window, isolated):
    find(window, "start.new").click()
    window.model.set("variant", "corporate")
    window.go_to(base.PLATFORM_FIRST)
    set_value(qtbot, window, "platforms.x.use", True)
    find(window, "platforms.x.bio:draft").click()
    assert isolated.replace_asked == 0
    assert window.model.value("platforms.x.bio")


def test_suggestions_follow_what_was_said(qtbot, window):
    find(window, "start.new").click()
    window.go_to(base.ADVICE)
    assert "(gekozen)" not in find(window, "advice.text").toPlainText()
    show(window, "variant=corporate")
    set_value(qtbot, window, "variant=corporate", True)
    window.go_to(base.ADVICE)
    assert "(gekozen)" in find(window, "advice.text").toPlainText()
    linkedin = window.owner_of("platforms.linkedin.use")
    window.go_to(linkedin)
    set_value(qtbot, window, "platforms.linkedin.use", True)
    form = find(window, "platforms.linkedin.form")
    assert form.currentData() in ("", None)
    assert "volgens het advies" not in form.currentText().lower()
    assert "kies" in form.currentText().lower()
    set_value(qtbot, window, "platforms.linkedin.form", "showcase")
    assert not [
        item
        for item in window.model.shown()
        if item.path == "platforms.linkedin.form" and item.code == "missing-field"
    ]


def test_the_unsaved_question_names_the_minister(qtbot, window, monkeypatch):
    from wizard.ui import dialogs

    asked = []
    monkeypatch.setattr(
        dialogs, "ask_unsaved", lambda _parent, name: asked.append(name) or dialogs.CANCEL
    )
    find(window, "start.new").click()
    set_value(qtbot, window, "minister.name", "Rob Jetten")
    window.actions["new"].trigger()
    assert asked == ["het gesprek met Rob Jetten"]
