"""The wizard loads the rulebook in the background; a rulebook (or its overlay's documents
part) that cannot be used is said in one Dutch dialog, before any page uses it."""

from __future__ import annotations

import sys

import pytest

from wizard import app
from wizard.ui import dialogs


@pytest.mark.skipif(sys.platform == "win32", reason="a link needs extra rights there")
def test_an_overlay_whose_documents_part_is_refused_is_said_at_start(qtbot, tmp_path, monkeypatch):
    overlay = tmp_path / "departement"
    (overlay / "templates").mkdir(parents=True)
    elsewhere = tmp_path / "elders.yaml"
    elsewhere.write_text("documents: {afspraken: {title: geheim}}\n", encoding="utf-8")
    (overlay / "templates" / "documents.yaml").symlink_to(elsewhere)
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda _parent, _title, text: shown.append(text))
    ended: list[int] = []  # (the program would end; this test's application must not)
    monkeypatch.setattr(app.QApplication, "exit", lambda code=0: ended.append(code))

    window, loader = app.start_window(rulebook_path=str(overlay))
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: loader.isFinished() and bool(shown), timeout=10000)

    assert "Het regelboek kan niet worden geladen" in shown[0]
    assert "documents.yaml" in shown[0]
    assert window.model is None  # no page got a rulebook it cannot use
    assert ended == [app.EXIT_NO_DISPLAY]
