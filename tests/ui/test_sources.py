"""Issue 13 in the wizard: every rule shows where it comes from, one click away; what another
rulebook changes for the open conversation; a conversation saved under another rulebook."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

from tests.ui.conftest import EXAMPLES
from tests.ui.helpers import find
from wizard.core.catalog import catalog
from wizard.core.compare import compare_session, comparison_lines
from wizard.core.rulebook import load_other_rulebook, source_words
from wizard.core.session import load_session
from wizard.ui import base, dialogs
from wizard.ui.sources import SourceWindow

MINPRES = EXAMPLES / "corporate-minpres.adviesgesprek.yaml"
PERSONAL = EXAMPLES / "corporate-personal-vws.adviesgesprek.yaml"
WEBCARE_OVERLAY = 'webcare: {hours: "werkdagen 8.30-17.30 uur"}\n'


def source_window(window) -> SourceWindow:
    found = window.findChild(SourceWindow, "dialog.sources")
    assert found is not None and found.isVisible(), "the source window is not shown"
    return found


def assert_shows_statements(window, ids: list[str]) -> str:
    """The source window shows every statement of `ids` in the core's words (`source_words`,
    as the verantwoording): quoted, with its document and section and its number, never its
    id; every id is a statement that exists."""
    assert ids
    text = source_window(window).text.toPlainText()
    for source in window.rulebook.describe_source(ids):
        assert source.known, f"{source.id} is not among the numbered statements"
        assert source.statement in text, source.id
        assert source.document in text and source.section in text, source.id
        where, quote = source_words(source)
        assert where in text and quote in text, source.id
        assert f"uitspraak {source.number}" in text and source.id not in text
    return text


# --- sources ---------------------------------------------------------------------------------


def test_the_sources_of_a_finding_in_the_overview_and_the_side_panel(qtbot, window):
    assert window.open_file(PERSONAL)
    finding = next(
        item for item in window.model.advice.findings if item.code == "own-account-not-corporate"
    )
    window.go_to(base.OVERVIEW)
    index = next(
        number for number, item in enumerate(window.model.shown()) if item.code == finding.code
    )
    find(window, f"source:overview.finding.{index}").click()
    assert_shows_statements(window, finding.source)
    source_window(window).close()

    window.show_path(finding.path)  # the finding's page: the side panel lists it
    panel = window.side_panel
    row = next(
        number
        for number in range(panel.findings.count())
        if finding.message in panel.findings.item(number).text()
    )
    panel.findings.setCurrentRow(row)
    assert panel.source_button.isEnabled()
    panel.source_button.click()
    assert_shows_statements(window, finding.source)


def test_the_sources_of_a_consequence(qtbot, window):
    assert window.open_file(MINPRES)
    window.go_to(base.CHOICE)
    consequence = next(
        item for item in window.model.advice.consequences if item.id == "corporate-ownership"
    )
    button = find(window, "source:acknowledged.corporate-ownership")
    assert button.isVisibleTo(window.pages[base.CHOICE])
    button.click()
    text = assert_shows_statements(window, list(consequence.source))
    assert "Karakteristieken en randvoorwaarden van corporate accounts" in text
    assert consequence.text in source_window(window).item.text()
    window.go_to(base.OVERVIEW)
    find(window, "source:overview.value:acknowledged.corporate-ownership").click()
    assert_shows_statements(window, list(consequence.source))


def test_the_sources_of_a_derived_value(qtbot, window):
    assert window.open_file(MINPRES)
    window.go_to(base.PLATFORM_FIRST)
    account = window.model.advice.platforms["x"]
    rules = {rule["id"]: rule for rule in window.rulebook.data["configuration"]["rules"]}
    find(window, "source:platforms.x.config.owner").click()
    assert_shows_statements(window, rules["office-account"]["source"])
    assert "Eigenaar" in source_window(window).windowTitle()

    find(window, "source:platforms.x.config.verified").click()  # the same window follows
    ids = list(account.fact_sources["verified"])
    assert set(rules["verification-ministry"]["source"]) <= set(ids)
    assert_shows_statements(window, ids)
    assert len(window.findChildren(SourceWindow)) == 1

    find(window, "source:platforms.x.config.webcare").click()
    assert_shows_statements(window, list(catalog(window.rulebook).webcare_source))


def test_a_value_takes_the_sources_of_the_rule_that_decided_it(qtbot, window):
    """A corporate minister's LinkedIn profile: own-account-unsupported says 'no rijkslogo, not
    verified', linkedin-profile (applied after it) decides; the sources are the later rule's."""
    assert window.open_file(PERSONAL)
    account = window.model.advice.platforms["linkedin"]
    assert list(account.applied_rules[:2]) == ["own-account-unsupported", "linkedin-profile"]
    rules = {rule["id"]: rule for rule in window.rulebook.data["configuration"]["rules"]}
    window.go_to(base.PLATFORM_FIRST + list(window.rulebook.platforms).index("linkedin"))
    button = find(window, "source:platforms.linkedin.config.avatar_rijkslogo")
    assert button.ids == rules["linkedin-profile"]["source"]
    assert button.ids == list(account.fact_sources["avatar_rijkslogo"])
    assert "003-variant-personal" not in button.ids  # only the overruled rule's
    button.click()
    assert_shows_statements(window, button.ids)


def test_a_proposal_in_the_overview_shows_its_source(qtbot, window):
    assert window.open_file(MINPRES)
    window.go_to(base.OVERVIEW)
    button = find(window, "source:overview.value:platforms.x.link")
    assert button.isVisible()  # (set after it was put in its column)
    button.click()
    assert_shows_statements(
        window, window.rulebook.data["patterns"]["rijksoverheid_page"]["source"]
    )
    assert "voorstel van het regelboek" in source_window(window).item.text()


def test_the_source_is_reached_and_read_with_the_keyboard(qtbot, window):
    assert window.open_file(MINPRES)
    window.go_to(base.CHOICE)
    box = find(window, "acknowledged.corporate-ownership")
    box.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(box, Qt.Key.Key_Tab)
    button = QApplication.focusWidget()
    assert button is find(window, "source:acknowledged.corporate-ownership")
    interface = QAccessible.queryAccessibleInterface(button)
    assert interface.role() == QAccessible.Role.PushButton
    name = interface.text(QAccessible.Text.Name)
    assert name.startswith("Bron bij: De accounts van het ambt zijn van het ministerie")
    qtbot.keyClick(button, Qt.Key.Key_Space)
    shown = source_window(window)
    assert shown.focusWidget() is shown.text  # a screen reader reads it
    qtbot.waitUntil(lambda: QApplication.focusWidget() is shown.text, timeout=3000)
    text = QAccessible.queryAccessibleInterface(shown.text)
    assert text.text(QAccessible.Text.Name).startswith("Bronnen: De accounts van het ambt")
    assert shown.text.objectName() == "sources.text"
    qtbot.keyClick(shown.text, Qt.Key.Key_Escape)
    assert not shown.isVisible()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is button, timeout=3000)  # back


def test_a_source_link_in_a_text_is_a_button_that_tab_reaches(qtbot, window):
    """A "Bron" link in a text has a button of its own over it (a link has no accessible
    object): Tab goes from the text to it, its name says whose source it is, Enter opens it."""
    assert window.open_file(MINPRES)
    window.go_to(base.ADVICE)
    text = find(window, "advice.text")
    text.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(text, Qt.Key.Key_Tab)  # the first "Bron"
    button = QApplication.focusWidget()
    assert isinstance(button, QPushButton) and text.isAncestorOf(button)
    first = window.model.advice.principles[0]
    interface = QAccessible.queryAccessibleInterface(button)
    assert interface.role() == QAccessible.Role.Button
    assert interface.text(QAccessible.Text.Name) == f"Bron bij: {first.title}: {first.text}"
    qtbot.keyClick(button, Qt.Key.Key_Return)
    assert window.wizard.currentId() == base.ADVICE  # the source, not Volgende
    assert_shows_statements(window, list(first.source))
    assert first.title in source_window(window).item.text()


def test_every_source_link_of_a_text_has_its_button(qtbot, window):
    """As many "Bron" buttons over the side panel's text as it has links, each over its link."""
    assert window.open_file(MINPRES)
    window.go_to(base.WEBCARE)
    say = window.side_panel.say
    links = say.toHtml().count('href="bron:')
    buttons = [button for button in say.findChildren(QPushButton) if button.isVisibleTo(say)]
    assert links >= len(window.model.advice.clauses["webcare"]) and len(buttons) == links
    for button in buttons:
        assert button.accessibleName().startswith("Bron bij: ")
        assert say.viewport().isAncestorOf(button)


def test_the_side_panel_links_follow_the_page(qtbot, window):
    assert window.open_file(MINPRES)
    window.go_to(base.WEBCARE)
    html = window.side_panel.say.toHtml()
    clauses = window.model.advice.clauses["webcare"]
    assert html.count('href="bron:') >= len(clauses)
    assert "Bron" in window.side_panel.say.toPlainText()


# --- another rulebook ------------------------------------------------------------------------


def test_compare_shows_what_a_changed_webcare_hour_changes(qtbot, window, isolated, tmp_path):
    overlay = tmp_path / "nieuwe-uren.yaml"
    overlay.write_text(WEBCARE_OVERLAY, encoding="utf-8")
    assert window.open_file(MINPRES)
    isolated.open_name = str(overlay)
    window.actions["compare"].trigger()
    dialog = find(window, "dialog.compare")
    assert dialog.isVisible() and dialog.windowTitle() == "Vergelijken met ander regelboek"
    find(window, "compare.file").click()
    expected = comparison_lines(
        compare_session(load_session(MINPRES), window.rulebook, load_other_rulebook(overlay))
    )
    assert dialog.lines == expected
    assert expected[0] == "Platformconfiguratie:"
    assert (
        '  platforms.x.webcare.hours: "werkdagen 9.00-17.00 uur" wordt '
        '"werkdagen 8.30-17.30 uur"' in expected
    )
    report = find(window, "compare.report").toPlainText()
    for line in expected:
        assert line.strip() in report
    assert "Vergeleken met: het ingebouwde regelboek met de aanvulling" in report
    assert "Voor het gesprek met Rob Jetten veranderen 4 punten:" in report
    assert isolated.errors == []


def test_compare_with_a_folder_and_with_a_rulebook_that_changes_nothing(
    qtbot, window, monkeypatch, tmp_path
):
    folder = tmp_path / "overlay"
    folder.mkdir()
    (folder / "webcare.yaml").write_text(WEBCARE_OVERLAY, encoding="utf-8")
    (tmp_path / "niets.yaml").write_text("department: {director: ''}\n", encoding="utf-8")
    assert window.open_file(MINPRES)
    window.compare_dialog()
    monkeypatch.setattr(dialogs, "folder_name", lambda *args: str(folder))
    dialog = find(window, "dialog.compare")
    find(window, "compare.folder").click()
    assert len(dialog.lines) == 5
    assert dialog.compare_with(tmp_path / "niets.yaml")
    assert dialog.lines == []
    assert (
        "Het andere regelboek verandert niets aan het gesprek met Rob Jetten."
        in find(window, "compare.report").toPlainText()
    )


def test_a_bad_rulebook_gives_a_dutch_message(qtbot, window, isolated, tmp_path):
    bad = tmp_path / "kapot.yaml"
    bad.write_text("webcare: [niet, goed\n", encoding="utf-8")
    invalid = tmp_path / "ongeldig.yaml"
    invalid.write_text("webcare: {hours: 17}\nversion: []\n", encoding="utf-8")
    assert window.open_file(MINPRES)
    window.compare_dialog()
    dialog = find(window, "dialog.compare")
    for path in (bad, invalid, tmp_path / "bestaat-niet.yaml"):
        isolated.errors.clear()
        assert not dialog.compare_with(path)
        [(title, message)] = isolated.errors
        assert title == "Vergelijken lukt niet"
        assert message.startswith("Dit regelboek is niet te gebruiken.") and path.name in message
    assert find(window, "compare.report").toPlainText() == "Nog geen ander regelboek gekozen."


# --- a conversation saved under another rulebook ---------------------------------------------


def stamped(tmp_path: Path, version: str, date: str = "2026-10-01") -> Path:
    text = MINPRES.read_text(encoding="utf-8").replace(
        "format: adviesgesprek/1\n",
        f"format: adviesgesprek/1\nrulebook: {{version: '{version}', date: {date}}}\n",
        1,
    )
    path = tmp_path / f"oud-{version}.adviesgesprek.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_opening_a_file_saved_under_another_rulebook_says_so(qtbot, window, tmp_path):
    assert window.open_file(stamped(tmp_path, "2026.10.1"))
    expected = (
        f"Dit gesprek is bewaard met regelboek 2026.10.1 van 2026-10-01; nu geldt "
        f"regelboek {window.rulebook.version} van {window.rulebook.date}."
    )
    notice = find(window, "page.notice")
    assert window.wizard.currentId() == base.MINISTER
    assert notice.isVisibleTo(window.pages[base.MINISTER])
    assert notice.text().startswith(expected) and "Vergelijken" in notice.text()
    assert window.statusBar().currentMessage().startswith(expected)
    window.go_to(base.START)
    assert find(window, "start.rulebook").isVisible()
    assert find(window, "start.rulebook_note").text() == expected
    find(window, "start.compare").click()
    assert find(window, "dialog.compare").isVisible()
    find(window, "dialog.compare").close()

    window.save_to(tmp_path / "bewaard.adviesgesprek.yaml")  # now under the current one
    assert not find(window, "start.rulebook").isVisible()
    assert not notice.isVisibleTo(window.pages[base.MINISTER])


def test_a_file_of_the_current_rulebook_or_without_a_stamp_says_nothing(qtbot, window, tmp_path):
    for path in (stamped(tmp_path, window.rulebook.version, window.rulebook.date), MINPRES):
        assert window.open_file(path)
        assert window.files.rulebook_note == ""
        window.go_to(base.START)
        assert not find(window, "start.rulebook").isVisible()


def test_recovering_a_conversation_saved_under_another_rulebook_says_so(qtbot, window, tmp_path):
    session = load_session(stamped(tmp_path, "2026.9.2", "2026-09-01"))

    class Recovery:
        meta = {"page": base.CHOICE, "minister": "Rob Jetten"}
        original_file = None
        original_disk = None

        def load(self):
            return session

        def discard(self) -> None:
            pass

    assert window.files.recover(Recovery())
    assert "bewaard met regelboek 2026.9.2 van 2026-09-01" in window.statusBar().currentMessage()
    window.go_to(base.START)
    assert "2026.9.2" in find(window, "start.rulebook_note").text()


def test_a_new_conversation_takes_the_note_away(qtbot, window, tmp_path):
    assert window.open_file(stamped(tmp_path, "2026.10.1"))
    window.model.set_modified(False)
    window.files.new_conversation()
    window.go_to(base.START)
    assert not find(window, "start.rulebook").isVisible()
    assert isinstance(find(window, "page.notice"), QWidget)
    assert not find(window, "page.notice").isVisibleTo(window.pages[base.MINISTER])


def test_the_pages_say_the_policy_in_the_rulebooks_words(qtbot, tmp_path):
    """Every page note of the rulebook (`page_notes`) is shown by a page, and a department's
    overlay that rewords one changes the page: the policy is data, not the program's text."""
    from wizard.app import create_main_window
    from wizard.core.rulebook import builtin_rulebook, load_rulebook

    keys = list(builtin_rulebook().data["page_notes"])
    overlay = tmp_path / "woorden.yaml"
    overlay.write_text(
        "page_notes:\n" + "".join(f"  {key}: {{text: 'Eigen woorden {key}.'}}\n" for key in keys),
        encoding="utf-8",
    )
    window = create_main_window(MINPRES, rulebook=load_rulebook(overlay))
    qtbot.addWidget(window)
    shown = []
    for page in window.pages.values():
        page.refresh()
        shown.append(page.subTitle())
        shown.append(page.side_html())
        shown += [
            label.text()
            for label in page.findChildren(QWidget)
            if hasattr(label, "text") and isinstance(label.text(), str)
        ]
    text = "\n".join(shown)
    for key in keys:
        assert f"Eigen woorden {key}." in text, f"page note {key!r} is not on any page"
    window.model.set_modified(False)
    window.close()
