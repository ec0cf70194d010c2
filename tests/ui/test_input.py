"""Bad input typed into every text field gives an inline message, never an exception, and the
conversation still saves and loads."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QWidget

from tests.ui.helpers import find, paste_text, set_value, type_text
from wizard.core.session import load_session
from wizard.ui import base
from wizard.ui.fields import TEXT_MAX, DateField, HandleField, MultiLineField, TextField

TOO_LONG = "Lange tekst " * (TEXT_MAX // len("Lange tekst ") + 100)  # over every length limit
MARKUP = "<b>vet</b> <script>alert('x')</script> &amp;"
BAD_HANDLE = "@@ geen geldige handle!"

SETUP = [("variant=hybrid", True), ("predecessor", True), ("predecessor.name", "Mark Rutte")]


def handle_rule(rulebook, platform: str, key: str) -> dict:
    """The rulebook's handle rule of a platform that has `key` (max_length, pattern, ...)."""
    return next(rule for rule in rulebook.platforms[platform]["handle_rules"] if key in rule)


def text_fields(window):
    for page_id, page in sorted(window.pages.items()):
        for field in page.fields:
            if isinstance(field, TextField | MultiLineField):
                yield page_id, field


@pytest.fixture
def prepared(qtbot, window):
    """Every platform used, a hybrid variant and a predecessor: as many fields shown as can be."""
    find(window, "start.new").click()
    for key in window.rulebook.platforms:
        window.go_to(window.owner_of(f"platforms.{key}.use"))
        set_value(qtbot, window, f"platforms.{key}.use", True)
    for name, value in SETUP:
        window.go_to(window.owner_of(name.split("=")[0]))
        set_value(qtbot, window, name, value)
    return window


def shown(window, page_id, field) -> bool:
    window.go_to(page_id)
    return field.widget.isVisibleTo(window.pages[page_id])


def messages(field) -> str:
    assert not field.message.isHidden(), f"{field.path}: no message shown"
    return field.message.text()


def test_every_text_field_is_reachable(prepared):
    hidden = [
        field.path
        for page_id, field in text_fields(prepared)
        if not shown(prepared, page_id, field)
    ]
    # Only fields that do not apply to this configuration may be hidden.
    assert set(hidden) <= {
        "platforms.facebook.handle",
        "platforms.x.archive_account",
        "platforms.instagram.archive_account",
        "platforms.linkedin.archive_account",
        "platforms.facebook.archive_account",
        "platforms.x.link",
        "platforms.instagram.link",
        "platforms.linkedin.link",
        "platforms.facebook.link",
    }, hidden


@pytest.mark.parametrize(
    "bad",
    [
        pytest.param(TOO_LONG, id="too-long", marks=pytest.mark.slow),
        pytest.param(MARKUP, id="markup"),
    ],
)
def test_long_text_and_markup_give_an_inline_message(qtbot, prepared, tmp_path, bad):
    window = prepared
    typed = set()  # the pages typed on
    for page_id, field in text_fields(window):
        if not shown(window, page_id, field) or field.inactive:  # greyed: not asked now
            continue
        paste_text(qtbot, field.widget, bad)
        typed.add(page_id)
        text = messages(field)
        assert text.strip(), field.path
        if not isinstance(field, DateField):
            assert window.model.value(field.path) == bad, field.path
    assert typed == {page_id for page_id, _field in text_fields(window)}  # on every page
    path = tmp_path / "vreemd.adviesgesprek.yaml"
    assert window.save_to(path)
    again = load_session(path)
    assert again.get("minister.name") == bad


@pytest.mark.slow
def test_invalid_handle_characters_give_an_inline_message(qtbot, prepared):
    window = prepared
    handles = [
        (page_id, field)
        for page_id, field in text_fields(window)
        if field.path.endswith(("handle", "archive_account", "ministry_account"))
    ]
    checked = set()  # the pages checked
    for page_id, field in handles:
        if not shown(window, page_id, field):
            continue
        type_text(qtbot, field.widget, BAD_HANDLE)
        checked.add(page_id)
        assert messages(field), field.path
        if isinstance(field, HandleField):  # the engine's finding, as `check` reports it
            found = [f.message for f in window.model.advice.findings if f.path == field.path]
            assert found and all(message in messages(field) for message in found), field.path
    assert checked == {page_id for page_id, _field in handles}  # on every page that has one
    x = window.pages[base.PLATFORM_FIRST].handle
    assert "Fout" in x.message.text()


def test_a_wrong_date_is_refused_inline(qtbot, window):
    find(window, "start.new").click()
    set_value(qtbot, window, "conversation.date", "2026-02-20")  # (the swearing-in is after it)
    field = find(window, "minister.sworn_in")
    type_text(qtbot, field, "31-02-2026")
    assert "geen datum" in find(window, "minister.sworn_in:message").text()
    assert window.model.value("minister.sworn_in") is None
    type_text(qtbot, field, "23-02-2026")
    assert window.model.value("minister.sworn_in") == "2026-02-23"
    assert find(window, "minister.sworn_in:message").isHidden()


def test_a_field_gets_its_message_label_with_its_first_message(qtbot, window):
    """The label under a field is made with the field's first message (most fields never have
    one): in the field's block right under the input, and hidden again when the message goes."""
    find(window, "start.new").click()
    field = next(f for f in window.pages[base.MINISTER].fields if f.path == "minister.party")
    assert field.message is None and not window.findChildren(QWidget, "minister.party:message")
    type_text(qtbot, field.widget, MARKUP)
    message = find(window, "minister.party:message")
    assert message is field.message and not message.isHidden() and message.text()
    block = field.widget.parentWidget().layout()
    assert block.indexOf(message) == block.indexOf(field.widget) + 1
    type_text(qtbot, field.widget, "D66")
    assert message.isHidden() and field.message is message


def test_the_bio_counter_follows_every_keystroke(qtbot, window, rulebook):
    find(window, "start.new").click()
    set_value(qtbot, window, "minister.name", "Rob Jetten")
    set_value(qtbot, window, "minister.office", "minister_president")
    set_value(qtbot, window, "minister.ministry", "AZ")
    window.model.set("variant", "corporate")
    window.go_to(base.PLATFORM_FIRST)
    set_value(qtbot, window, "platforms.x.use", True)
    counter = find(window, "platforms.x.bio:count")
    bio = find(window, "platforms.x.bio")
    limit = rulebook.platforms["x"]["limits"]["bio"]["max"]
    type_text(qtbot, bio, "Minister")
    assert counter.text().startswith(f"{len('Minister')} van {limit} tekens")
    type_text(qtbot, bio, "x" * (limit + 10))
    assert "10 te veel" in counter.text()
    assert "Fout" in find(window, "platforms.x.bio:message").text()
    find(window, "platforms.x.bio:draft").click()
    draft = window.model.advice.platforms["x"].bio_draft
    assert bio.toPlainText() == draft == window.model.value("platforms.x.bio")
    assert not [f for f in window.model.advice.findings if f.path == "platforms.x.bio"]


def test_handle_validated_as_you_type(qtbot, window, rulebook):
    find(window, "start.new").click()
    window.go_to(base.PLATFORM_FIRST)
    set_value(qtbot, window, "platforms.x.use", True)
    handle = find(window, "platforms.x.handle")
    message = find(window, "platforms.x.handle:message")
    characters = handle_rule(rulebook, "x", "pattern")
    longest = handle_rule(rulebook, "x", "max_length")
    type_text(qtbot, handle, "Min Pres")
    assert characters["message"] in message.text()
    type_text(qtbot, handle, "MinPres" * (longest["max_length"] // len("MinPres") + 1))
    assert longest["message"] in message.text()
    assert len("MinPres") <= longest["max_length"]
    type_text(qtbot, handle, "MinPres")
    assert "Fout" not in message.text()
