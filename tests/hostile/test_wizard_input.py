"""The hostile corpus pasted into every text field of the wizard: no exception (pytest-qt fails a
test on an exception in any slot), the conversation holds exactly what the field shows, the
documents page shows its preview, and the conversation saves, autosaves and opens again
unchanged."""

from __future__ import annotations

import re

import pytest

from tests.hostile.corpus import NASTY, SHORT
from tests.ui.helpers import paste_text
from tests.ui.test_input import prepared, shown, text_fields  # noqa: F401 - a fixture
from wizard.constants import SESSION_SUFFIX as SUFFIX
from wizard.core.session import load_session
from wizard.ui import base
from wizard.ui.autosave import autosave_folder
from wizard.ui.fields import DateField, MultiLineField

pytestmark = pytest.mark.slow  # a corpus or a whole walk: .ci/run runs it (docs/testing.md)

SINGLE_LINE_LIMIT = 32767  # QLineEdit's own maximum length
LINE_BREAKS = re.compile("\r\n|[\r\u2028\u2029]")
SURROGATES = re.compile("[\ud800-\udfff]")
LONG_SAMPLE = (
    "minister.name",
    "platforms.x.handle",
    "conversation.notes",
    "platforms.x.bio",
    "motivation",
    "access.authenticator_handover",
)


def _field_text(field) -> str:
    return field.edit.toPlainText() if isinstance(field, MultiLineField) else field.edit.text()


def _paste_everywhere(qtbot, window, text: str, only: tuple[str, ...] = ()) -> list:
    pasted = []
    for page_id, field in text_fields(window):
        if only and field.path not in only:
            continue
        if isinstance(field, DateField) or not shown(window, page_id, field) or field.inactive:
            continue  # a greyed field (an answer that does not apply now) is not asked
        paste_text(qtbot, field.widget, text)
        pasted.append(field)
    return pasted


@pytest.mark.parametrize("name", SHORT)
def test_every_field_takes_every_string_and_keeps_what_it_shows(
    qtbot,
    prepared,  # noqa: F811 - pytest's fixture of the same name
    tmp_path,
    name,
):
    window = prepared
    fields = _paste_everywhere(qtbot, window, NASTY[name])
    assert len(fields) >= 30
    for field in fields:
        value = window.model.value(field.path) or ""
        assert value == _field_text(field), field.path
        if isinstance(field, MultiLineField):
            # A multi-line field takes the text as it is, as plain text: Qt writes every line
            # break as \n and a no-break space as a space, and a lone surrogate (no character
            # at all) does not get through the clipboard.
            expected = LINE_BREAKS.sub("\n", SURROGATES.sub("", NASTY[name]))
            expected = expected.replace("\u00a0", " ")
            assert value == expected, field.path
    window.go_to(base.DOCUMENTS)
    preview = window.pages[base.DOCUMENTS].previews["afspraken"]
    qtbot.waitUntil(lambda: preview.shown_revision == window.model.revision, timeout=30000)
    assert preview.page_count >= 1 and preview.message.isHidden(), preview.message.text()
    with qtbot.waitSignal(window.autosaver.saved, timeout=3000):
        window.model.set("minister.post", (window.model.value("minister.post") or "") + ".")
    [autosave] = autosave_folder().glob(f"autosave-*{SUFFIX}")
    assert load_session(autosave).data == window.model.session.data
    path = tmp_path / f"{name}{SUFFIX}"
    assert window.save_to(path)
    again = load_session(path)
    assert again.data == window.model.session.data
    assert window.open_file(path, ask=False)
    for field in fields:
        assert _field_text(field) == (window.model.value(field.path) or ""), field.path


@pytest.mark.parametrize("name", ["long_text", "long_word"])
def test_a_100000_character_paste(qtbot, prepared, tmp_path, name):  # noqa: F811
    """Multi-line fields keep all of it; a single-line field keeps what Qt lets it hold
    (32,767 characters) and says the text is far too long; the conversation holds exactly what
    the fields show, and saves and opens again. (A sample of fields: with a conversation of a
    megabyte or more, every page change autosaves it, which takes about a second.)"""
    window = prepared
    fields = _paste_everywhere(qtbot, window, NASTY[name], LONG_SAMPLE)
    assert len(fields) == len(LONG_SAMPLE)
    for field in fields:
        value = window.model.value(field.path) or ""
        assert value == _field_text(field), field.path
        if isinstance(field, MultiLineField):
            assert value == NASTY[name], field.path
        else:
            assert len(value) == SINGLE_LINE_LIMIT, field.path
        assert "erg lang" in field.message.text(), field.path
    path = tmp_path / f"{name}{SUFFIX}"
    assert window.save_to(path)
    assert load_session(path).data == window.model.session.data
