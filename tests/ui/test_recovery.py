"""Recovery returns to the conversation as it was (issue 25): the autosave records the page the
advisor is on (on navigation too), the pages visited and how far the page was scrolled, and a
recovery restores all three."""

from __future__ import annotations

import json
from pathlib import Path

from tests.ui.helpers import find, set_value
from wizard.app import create_main_window
from wizard.constants import SESSION_SUFFIX as SUFFIX
from wizard.core.session import new_session, save_session
from wizard.ui import base
from wizard.ui.autosave import autosave_folder


def meta_of(window) -> dict:
    return json.loads(window.autosaver.meta_file.read_text(encoding="utf-8"))


def test_the_autosave_follows_navigation_not_only_answers(qtbot, window):
    find(window, "start.new").click()
    with qtbot.waitSignal(window.autosaver.saved, timeout=3000):
        set_value(qtbot, window, "minister.name", "Rob Jetten")
    with qtbot.waitSignal(window.autosaver.saved, timeout=3000):
        window.wizard.next()
    meta = meta_of(window)
    assert meta["page"] == window.wizard.currentId() != base.MINISTER
    assert meta["visited"] == [base.MINISTER]
    second = window.wizard.currentId()
    with qtbot.waitSignal(window.autosaver.saved, timeout=3000):
        window.wizard.back()
    with qtbot.waitSignal(window.autosaver.saved, timeout=3000):
        window.wizard.next()  # nothing new about the answers: only where the advisor is
    assert meta_of(window)["page"] == second


def test_the_autosave_records_how_far_the_page_is_scrolled(qtbot, window):
    find(window, "start.new").click()
    window.resize(900, 500)
    set_value(qtbot, window, "predecessor", True)
    window.go_to(base.PREDECESSOR)
    bar = window.pages[base.PREDECESSOR].scroll.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 100)
    window.autosaver.wait()
    with qtbot.waitSignal(window.autosaver.saved, timeout=3000):
        bar.setValue(100)
    assert meta_of(window)["scroll"] == 100


def orphan(folder: Path, meta: dict) -> None:
    """The autosave of a program that was killed."""
    session = new_session()
    session.set("minister.name", "Vincent Karremans")
    session.set("predecessor", {"name": "", "variant": "corporate", "archiving_arranged": False})
    save_session(session, folder / f"autosave-dead0000{SUFFIX}")
    (folder / "autosave-dead0000.json").write_text(
        json.dumps({"file": None, "minister": "Vincent Karremans", **meta}), encoding="utf-8"
    )


def recovered_window(qtbot):
    window = create_main_window()
    qtbot.addWidget(window)
    window.resize(900, 500)
    window.show()
    qtbot.waitExposed(window)
    find(window, "start.recover.0").click()
    return window


def test_recovery_returns_to_the_page_its_marks_and_its_scroll(qtbot, isolated):
    visited = [base.MINISTER, base.SITUATION, base.ADVICE, base.CHOICE]
    orphan(autosave_folder(), {"page": base.PREDECESSOR, "visited": visited, "scroll": 120})
    window = recovered_window(qtbot)
    try:
        assert window.model.value("minister.name") == "Vincent Karremans"
        assert window.wizard.currentId() == base.PREDECESSOR
        marks = window.findings.step_marks()
        for page_id in window.pages:
            unmarked = marks[page_id][0] in ("open", "todo")  # (not ✔, no error yet)
            assert unmarked == (page_id not in visited), page_id
        bar = window.pages[base.PREDECESSOR].scroll.verticalScrollBar()
        qtbot.waitUntil(lambda: bar.value() == 120)
    finally:
        window.model.set_modified(False)
        window.close()


def test_an_older_autosave_without_marks_still_recovers_on_its_page(qtbot, isolated):
    orphan(autosave_folder(), {"page": base.CHOICE})
    window = recovered_window(qtbot)
    try:
        assert window.wizard.currentId() == base.CHOICE
        assert window.pages[base.CHOICE].scroll.verticalScrollBar().value() == 0
    finally:
        window.model.set_modified(False)
        window.close()
