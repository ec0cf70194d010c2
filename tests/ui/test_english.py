"""English mode: every word the program writes is English; the rulebook's texts stay Dutch and
are marked so, once per block; numbers in the locale (issue 25, point 8).

The program is switched to English in this process (its English translation and locale), and
back to Dutch after each test."""

from __future__ import annotations

import dataclasses
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTranslator
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QSpinBox,
    QTabWidget,
    QTextBrowser,
    QWidget,
)

from tests.ui.helpers import find, show
from wizard.app import create_main_window, installed_translations, translations_dir
from wizard.core.catalog import catalog
from wizard.ui import base
from wizard.ui.fields import SEVERITY_MARK, severity_label
from wizard.ui.sources import SourceButton, source_window
from wizard.ui.texts import CLOSE_QUOTE, OPEN_QUOTE, dutch_note

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "adviesgesprek_en.ts"
EXAMPLES = ROOT / "examples"
SESSIONS = ["hybrid-own-after-corporate", "corporate-minpres", "halfway"]
DUTCH_BLOCK = re.compile(r'<div lang="nl">.*?</div>', re.DOTALL)
PLACEHOLDER = re.compile(r"\{[a-z_]*\}")

#: The program's texts this work added or changed, with their English: until the lead updates
#: the translation they show in Dutch (see test_new_texts_are_english_once_translated).
NEW_TEXTS = {
    ("Texts", "Nederlandse tekst uit het regelboek"): "Dutch text from the rulebook",
    ("ChoicePage", "Welke variant kiest de bewindspersoon?"): "Which variant does the "
    "minister choose?",
    ("ChoicePage", "Motivering"): "Motivation",
    ("ChoicePage", "Besproken:"): "Discussed:",
    ("ChoicePage", "Afgesproken:"): "Agreed:",
    ("PlatformPage", "Volgens het advies:"): "As advised:",
    ("PlatformPage", "Kies de vorm; het advies is:"): "Choose the form; the advice is:",
    ("PredecessorPage", "Aangenomen:"): "Assumed:",
    ("PredecessorPage", "Wat er gebeurt:"): "What happens:",
    ("WebcarePage", "Kantoortijden voor webcare:"): "Office hours for webcare:",
    ("MinisterPage", "In de documenten:"): "In the documents:",
    ("Page", "Voorstel van het regelboek:"): "Rulebook's proposal:",
    ("Sources", "Bron bij:"): "Source of:",
    ("Sources", "Bron bij {what}:"): "Source of {what}:",
    ("OverviewPage", "Wijzig ({value}):"): "Change ({value}):",
    ("AdvicePage", "Advies:"): "Advised:",
    ("AdvicePage", "Gekozen:"): "Chosen:",
    ("Sources", "Waar dit vandaan komt:"): "Where this comes from:",
    ("Sources", "Bronnen:"): "Sources:",
}


def dutch_fragments() -> set[str]:
    """The fixed parts (without placeholders) of every Dutch text of the program whose English
    differs, long enough (two words or more) not to occur by chance in another text."""
    fragments = set()
    for message in ET.parse(TS).getroot().iter("message"):
        source = message.findtext("source") or ""
        english = message.findtext("translation") or ""
        if not english.strip() or english == source:
            continue
        for part in PLACEHOLDER.split(source.replace("&", "")):
            part = part.strip(" .:;,()—-…")
            if " " in part and len(part) >= 12 and part not in english:
                fragments.add(part)
    return fragments


@pytest.fixture
def english(qapp):
    """The program in English (its translation and locale) for one test, as `--lang en`."""
    dutch = installed_translations(qapp)
    locale = QLocale()
    for translator in dutch:
        qapp.removeTranslator(translator)
    translator = QTranslator()
    assert translator.load("adviesgesprek_en", str(translations_dir()))
    qapp.installTranslator(translator)
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    yield
    qapp.removeTranslator(translator)
    for translator in dutch:
        qapp.installTranslator(translator)
    QLocale.setDefault(locale)
    assert QCoreApplication.translate("Fields", "Fout") == "Fout"


def open_window(qtbot, name: str):
    window = create_main_window(EXAMPLES / f"{name}.adviesgesprek.yaml")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def close(window) -> None:
    window.model.set_modified(False)
    window.close()


def marked_dutch(widget: QWidget) -> bool:
    """A widget that shows a rulebook text (or lies in a block that does)."""
    while widget is not None:
        if widget.property("lang") == "nl":
            return True
        widget = widget.parentWidget()
    return False


def visible_texts(window) -> list[tuple[str, str]]:
    """(where, text) of every text the program writes itself on the window as shown now:
    labels, buttons, group titles, tabs, the window title, menus and the items of drop-downs;
    rulebook texts marked Dutch are left out."""
    texts = [("window title", window.windowTitle())]
    for action in window.menuBar().actions():
        texts.append(("menu", action.text()))
        menu = action.menu()
        if menu is not None:
            texts += [("menu item", item.text()) for item in menu.actions()]
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or marked_dutch(widget):
            continue
        name = f"{type(widget).__name__} {widget.objectName()}"
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append((name, widget.text()))
        elif isinstance(widget, QGroupBox):
            texts.append((name, widget.title()))
        elif isinstance(widget, QTabWidget):
            texts += [(name, widget.tabText(index)) for index in range(widget.count())]
        elif isinstance(widget, QComboBox):
            texts.append((name, widget.itemText(0)))  # the program's "(choose ...)"
        if widget.accessibleName():
            texts.append((name + " (name)", widget.accessibleName()))
    return texts


def strings(value: object) -> list[str]:
    """Every text in a value: a rulebook's data, or the advice made from it."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for item in value.values() for text in strings(item)]
    if isinstance(value, list | tuple | set | frozenset):
        return [text for item in value for text in strings(item)]
    if dataclasses.is_dataclass(value):
        return [
            text
            for field in dataclasses.fields(value)
            for text in strings(getattr(value, field.name))
        ]
    return []


def rulebook_texts(window) -> list[str]:
    """The rulebook's texts and what the advice made of them: they are Dutch, and may say what
    a text of the program says too."""
    texts = strings(window.model.rulebook.data) + strings(window.model.advice)
    return sorted(set(texts), key=len, reverse=True)


def programs_own(fragment: str, text: str, rulebook: list[str]) -> bool:
    """Whether a Dutch text of the program in `text` is the program's, not part of a rulebook
    text that says the same words ("Betaalde promotie" is both)."""
    return fragment in text and not any(fragment in dutch and dutch in text for dutch in rulebook)


def program_html(html: str) -> str:
    """The program's own words in a page's HTML: the Dutch blocks left out."""
    return DUTCH_BLOCK.sub("", html)


def test_no_text_of_the_program_is_dutch_on_any_page(qtbot, english):
    fragments = dutch_fragments()
    assert len(fragments) > 100  # (the translation's Dutch texts were found)
    found = []
    for session in SESSIONS:
        window = open_window(qtbot, session)
        for page_id in sorted(window.wizard.pageIds()):
            assert window.go_to(page_id)
            page = window.wizard.currentPage()
            texts = visible_texts(window)
            texts += [("title", page.title()), ("subtitle", page.subTitle())]
            for html in browser_html(page):
                texts.append(("html", program_html(html)))
            rulebook = rulebook_texts(window)
            for where, text in texts:
                found += [
                    (session, page_id, where, fragment, text[:120])
                    for fragment in fragments
                    if programs_own(fragment, text, rulebook)
                ]
        close(window)
    assert found == [], "\n".join(map(str, found))


def browser_html(page) -> list[str]:
    """The HTML a page gives the side panel and its own text browser (advice, attention)."""
    methods = ("side_html", "build_html", "points_html")
    return [getattr(page, method)() for method in methods if hasattr(page, method)]


def test_the_known_mixes_are_gone(qtbot, english):
    window = open_window(qtbot, "hybrid-own-after-corporate")
    variants = catalog(window.model.rulebook).variants
    show(window, "variant=hybrid")
    choice = window.pages[base.CHOICE]
    # The variants: the rulebook's label alone, the program's mark in a label of its own.
    for key in ("corporate", "hybrid"):
        button = find(window, f"variant={key}")
        assert button.text() == variants[key].label
        assert button.accessibleName() == variants[key].label
        assert button.property("lang") == "nl"
    marks = {key: find(window, f"variant={key}:mark").text() for key in ("corporate", "hybrid")}
    assert marks == {
        "corporate": QCoreApplication.translate("ChoicePage", "(advies)"),
        "hybrid": QCoreApplication.translate("ChoicePage", "(uitzondering)"),
    }
    assert marks == {"corporate": "(advised)", "hybrid": "(exception)"}
    # The subtitle is the program's; the rulebook's note and question are marked Dutch.
    note = catalog(window.model.rulebook).page_note("choice")
    assert choice.subTitle() != note
    assert find(window, "choice.note").text() == note
    assert find(window, "choice.note").accessibleDescription() == dutch_note()
    question = catalog(window.model.rulebook).page_note("motivation")
    assert find(window, "motivation:label").text() != question
    assert find(window, "motivation.note").text() == question
    assert find(window, "motivation").accessibleName() != question
    # "ℹ For information: Geldt nu niet: …": the rulebook's reason after the mark alone, in
    # Dutch quotes, and a screen reader told so.
    show(window, "access.minister_access")
    message = find(window, "access.minister_access:message")
    reason = window.model.advice.inactive_reason("access.minister_access")
    assert reason and message.text() == f"{SEVERITY_MARK['info']} {OPEN_QUOTE}{reason}{CLOSE_QUOTE}"
    assert message.accessibleDescription() == dutch_note()
    assert severity_label("info") not in message.text()
    assert severity_label("info") == "For information"  # (the program's word is English)
    close(window)


def test_rulebook_texts_are_marked_dutch_once_per_block(qtbot, english):
    window = open_window(qtbot, "hybrid-own-after-corporate")
    note = f"<i>{dutch_note()}:</i>"
    for page_id in (base.MINISTER, base.SITUATION, base.CHOICE, base.WEBCARE, base.PREDECESSOR):
        html = window.pages[page_id].side_html()
        assert html.count('<div lang="nl">') == 1, page_id
        assert html.count(note) == 1 and html.index(note) < html.index('<div lang="nl">')
    advice = window.pages[base.ADVICE]
    html = advice.build_html()
    assert '<div lang="nl">' in html
    assert catalog(window.model.rulebook).page_note("advice") not in advice.subTitle()
    assert catalog(window.model.rulebook).page_note("advice") in html
    shown = window.side_panel.say.toPlainText()
    assert dutch_note() in shown
    close(window)


def test_numbers_in_the_locale(qtbot, english):
    window = open_window(qtbot, "hybrid-own-after-corporate")
    assert window.model.value("platforms.x.followers") == 31500
    assert show(window, "platforms.x.followers").text() == "31,500"
    window.go_to(base.OVERVIEW)
    assert find(window, "overview.value:platforms.x.followers").text() == "31,500"
    close(window)


def test_numbers_stay_dutch_in_dutch(qtbot, window):
    window.open_file(EXAMPLES / "hybrid-own-after-corporate.adviesgesprek.yaml", ask=False)
    assert isinstance(show(window, "platforms.x.followers"), QSpinBox)
    assert find(window, "platforms.x.followers").text() == "31.500"
    window.go_to(base.OVERVIEW)
    assert find(window, "overview.value:platforms.x.followers").text() == "31.500"


def test_new_texts_are_english():
    translator = QTranslator()
    assert translator.load(str(TS.with_suffix(".qm")))
    for (context, source), english in NEW_TEXTS.items():
        assert translator.translate(context, source) == english


def shown_texts(widget: QWidget) -> list[str]:
    """What a widget shows and says: its text (every item of a drop-down) and its name."""
    texts = []
    if isinstance(widget, QLabel) and widget.textFormat() == Qt.TextFormat.RichText:
        texts.append(QTextDocumentFragment.fromHtml(widget.text()).toPlainText())
    elif isinstance(widget, QLabel | QAbstractButton):
        texts.append(widget.text())
    elif isinstance(widget, QComboBox):
        texts += [widget.itemText(index) for index in range(widget.count())]
    return texts + [widget.accessibleName()]


def told_dutch(widget: QWidget) -> bool:
    """A widget marked as one that shows a rulebook text: in a block marked Dutch, or quoting
    one with a screen reader told so."""
    quotes = widget.property("quotes") == "nl"
    return marked_dutch(widget) or (
        quotes and widget.accessibleDescription().startswith(dutch_note())
    )


def quoted_apart(text: str, dutch: str) -> bool:
    """Every line with the rulebook's text says it as the program's words, then the Dutch
    text in quotes with nothing after it (or holds nothing else)."""
    for line in text.splitlines():
        if dutch not in line or line.strip() == dutch:
            continue
        words, quote, rest = line.partition(OPEN_QUOTE)
        if not quote or dutch not in rest or not rest.endswith(CLOSE_QUOTE):
            return False
    return True


def test_a_label_quotes_the_rulebook_apart_from_the_program_words(qtbot, english):
    """On every page of the example sessions, every label, button, drop-down item and
    accessible name that holds a rulebook text (longer than three words) is marked as showing
    Dutch, and gives the program's English words and the Dutch text apart."""
    found, checked = [], 0
    for session in SESSIONS:
        window = open_window(qtbot, session)
        answers = set(strings(window.model.session.data))  # (the advisor's, not the rulebook's)
        rulebook = [
            text for text in rulebook_texts(window) if len(text.split()) > 3 and text not in answers
        ]
        for page_id in sorted(window.wizard.pageIds()):
            assert window.go_to(page_id)
            for widget in window.findChildren(QWidget):
                if not widget.isVisible() or isinstance(widget, QTextBrowser):
                    continue
                for text in shown_texts(widget):
                    dutch = next((item for item in rulebook if item in text), None)
                    if dutch is None:
                        continue
                    checked += 1
                    whole = marked_dutch(widget)  # (a Dutch block holds no program words)
                    name = f"{type(widget).__name__} {widget.objectName()}"
                    if not told_dutch(widget) or not (whole or quoted_apart(text, dutch)):
                        found.append((session, page_id, name, text[:100]))
        close(window)
    assert checked > 50  # (the rulebook's texts were found on the pages)
    assert found == [], "\n".join(map(str, found))


def quotes_once_at_the_end(text: str) -> bool:
    """The program's words, then one rulebook text in Dutch quotes, with nothing after it."""
    words, quote, dutch = text.partition(OPEN_QUOTE)
    return bool(words and quote) and dutch.endswith(CLOSE_QUOTE) and OPEN_QUOTE not in dutch


def test_the_sources_quote_the_rulebook_apart_from_the_program_words(qtbot, english):
    """The overview's Bron buttons (of a finding, of an answer) and the source window they
    open: the program's English words, then the rulebook's text the sources are of."""
    kinds = set()
    for session in ("halfway", "corporate-minpres"):
        window = open_window(qtbot, session)
        assert window.go_to(base.OVERVIEW)
        for button in window.findChildren(SourceButton):
            if not button.isVisible() or not button.objectName().startswith("source:overview."):
                continue
            kinds.add(button.objectName().split(".")[1].split(":")[0])  # finding or value
            assert quotes_once_at_the_end(button.accessibleName()), button.accessibleName()
            assert button.accessibleDescription() == dutch_note()
            button.click()
            sources = source_window(window)
            assert sources.isVisible()
            for text in (sources.windowTitle(), sources.item.text(), sources.text.accessibleName()):
                assert quotes_once_at_the_end(text), text
                assert SEVERITY_MARK["info"] not in text  # (the rulebook's message, not the line)
            assert sources.item.accessibleDescription() == dutch_note()
            assert sources.text.accessibleDescription() == dutch_note()
        close(window)
    assert kinds == {"finding", "value"}
