"""Issue 23 in the wizard: every page is a view of the one `Advice`.

- The findings the wizard shows for an opened conversation are exactly those `adviesgesprek
  check` reports for the file.
- What a page derives from the advice follows every answer it depends on, on the page as the
  advisor sees it (never a label of an earlier answer).
- Every finding's field is on a page: the finding leads there, to that field.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QWidget

from tests.core.test_grid import _grid
from tests.ui.conftest import EXAMPLES
from tests.ui.helpers import find, set_value, show
from wizard.core.engine import advise
from wizard.core.rulebook import builtin_rulebook
from wizard.core.session import save_session
from wizard.ui import base

ROOT = Path(__file__).resolve().parents[2]
COUNTED = ("error", "warning")
X, INSTAGRAM = base.PLATFORM_FIRST, base.PLATFORM_FIRST + 1


@pytest.fixture(scope="module")
def grid() -> list[tuple[str, object, list]]:
    """The grid of tests/core/test_grid.py: (label, session, findings of its advice)."""
    rulebook = builtin_rulebook()
    return [(label, session, advise(session, rulebook).findings) for label, session in _grid()]


def _files(folder: Path, grid: list[tuple[str, object, list]]) -> list[Path]:
    """The examples and a few sessions of the grid, as files: the first session of the grid
    that gives a finding code no earlier one gave, so that together they give every code."""
    files = sorted(EXAMPLES.glob("*.adviesgesprek.yaml"))
    codes: set[str] = set()
    for label, session, findings in grid:
        new = {finding.code for finding in findings} - codes
        if new:
            codes |= new
            path = folder / f"grid-{label}.adviesgesprek.yaml"
            save_session(session, path)
            files.append(path)
    return files


@pytest.fixture(scope="module")
def checked(tmp_path_factory, grid) -> list[tuple[Path, list[tuple[str, str, str]]]]:
    """Per file: (code, severity, path) of every error and warning `adviesgesprek check`
    reports (the command line of this checkout, in a process of its own)."""
    files = _files(tmp_path_factory.mktemp("sessions"), grid)
    result = subprocess.run(
        [sys.executable, "-m", "wizard", "check", *map(str, files), "--format", "json"],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode in (0, 1), result.stderr
    report = json.loads(result.stdout)["files"]
    assert [entry["file"] for entry in report] == [str(path) for path in files]
    return [
        (
            path,
            [
                (item["code"], item["severity"], item["path"])
                for item in entry["findings"]
                if item["severity"] in COUNTED
            ],
        )
        for path, entry in zip(files, report, strict=True)
    ]


def _shown(window) -> list[tuple[str, str, str]]:
    """(code, severity, path) of every error and warning the wizard shows; a field still to
    fill in ("todo") counts with the engine's severity."""
    engine = {(item.code, item.path): item.severity for item in window.model.advice.findings}
    shown = []
    for item in window.model.shown():
        severity = engine.get((item.code, item.path), item.severity)
        if item.severity == "todo" or severity in COUNTED:
            shown.append((item.code, severity, item.path))
    return [item for item in shown if item[1] in COUNTED]


@pytest.mark.slow
def test_the_wizard_shows_the_findings_check_reports(qtbot, window, checked):
    """Each example and a few sessions of the grid, opened and not touched: the wizard's
    findings (the model's list, which the overview, the side panel and the steps show) are
    `check`'s, one for one. An extra warning of the wizard's own (a handle check of a field)
    would make the two disagree."""
    for path, findings in checked:
        assert window.open_file(path, ask=False)
        assert Counter(_shown(window)) == Counter(findings), path.name
        window.go_to(base.OVERVIEW)
        overview = window.pages[base.OVERVIEW]
        labels = [
            label
            for label in overview.findChildren(QWidget)
            if label.objectName().startswith("overview.finding.")
        ]
        assert len(labels) == len(window.model.shown()), path.name
    assert len(checked) >= len(list(EXAMPLES.glob("*.adviesgesprek.yaml"))) + 5


# --- labels derived from the advice follow the answers ---------------------------------------

HYBRID_X = """format: adviesgesprek/1
conversation: {date: 2026-02-20, advisor: Sanne de Wit, cabinet_change: true}
minister: {name: Eva de Vries, office: minister, ministry: BZK, party: CDA, sworn_in: 2026-02-23}
variant: hybrid
motivation: Eigen account met veel volgers.
platforms:
  x: {use: true}
  instagram: {use: true}
"""


def _advised_item(window, page_id: int, path: str) -> str:
    """The text of the account list's empty choice ("(volgens het advies: …)") on a page, as
    the page shows it."""
    assert window.go_to(page_id)
    combo = find(window, path)
    assert combo.isVisible() and combo.currentIndex() == 0
    return combo.currentText()


def test_the_advised_account_follows_the_variant(qtbot, window, isolated, tmp_path):
    """A hybrid minister with X and Instagram and no account chosen: after the switch to
    corporate on the Keuze page, the X and Instagram pages name the corporate advice, as the
    file does when it is opened again."""
    path = tmp_path / "hybride.adviesgesprek.yaml"
    path.write_text(HYBRID_X, encoding="utf-8")
    assert window.open_file(path, ask=False)
    own = window.model.advice.platforms["x"].account_label
    assert own in _advised_item(window, X, "platforms.x.account")
    assert own in _advised_item(window, INSTAGRAM, "platforms.instagram.account")

    show(window, "variant=corporate")
    set_value(qtbot, window, "variant=corporate", True)
    corporate = window.model.advice.platforms["x"].account_label
    assert corporate and corporate != own
    x = _advised_item(window, X, "platforms.x.account")
    instagram = _advised_item(window, INSTAGRAM, "platforms.instagram.account")
    assert corporate in x and own not in x
    assert window.model.advice.platforms["instagram"].account_label in instagram

    isolated.save_name = str(tmp_path / "corporate.adviesgesprek.yaml")
    assert window.save_as()
    assert window.open_file(tmp_path / "corporate.adviesgesprek.yaml", ask=False)
    assert _advised_item(window, X, "platforms.x.account") == x
    assert _advised_item(window, INSTAGRAM, "platforms.instagram.account") == instagram


def test_the_predecessors_action_follows_the_predecessors_variant(qtbot, window):
    """The note under the predecessor's X account says what happens to it, in the advice's
    words: archived and emptied for a corporate predecessor's office account; for a hybrid
    predecessor, her own account leaves with her, and the account of the post taken over beside
    it is archived and emptied (each with its own words)."""
    assert window.open_file(EXAMPLES / "archive-not-arranged.adviesgesprek.yaml", ask=False)
    assert window.go_to(base.PREDECESSOR)
    note = find(window, "predecessor.accounts.x:action")

    def actions() -> list[str]:
        return [
            account.action_text
            for account in window.model.advice.predecessor.accounts
            if account.platform == "x"
        ]

    before = actions()
    assert note.isVisible() and len(before) == 1 and before[0] in note.text()
    set_value(qtbot, window, "predecessor.variant", "hybrid")
    after = actions()
    assert len(after) == 2 and after[0] not in before
    assert note.isVisible() and all(action in note.text() for action in after)
    assert note.text().count(after[1]) == 1


CORPORATE_X = HYBRID_X.replace("variant: hybrid", "variant: corporate")


def test_the_title_note_follows_the_office_and_the_variant(qtbot, window, tmp_path):
    """The minister page says what the documents print: the title after a change of office
    made on the page, and the party hashtag only once an account carries party content (after
    the variant was changed on the Keuze page)."""
    path = tmp_path / "corporate.adviesgesprek.yaml"
    path.write_text(CORPORATE_X, encoding="utf-8")
    assert window.open_file(path, ask=False)
    assert window.go_to(base.MINISTER)
    note = find(window, "minister.title_note")
    title = window.model.advice.minister.title
    assert note.isVisible() and title in note.text()
    assert window.model.advice.minister.derived_party_hashtag not in note.text()  # corporate
    set_value(qtbot, window, "minister.office", "state_secretary")
    assert window.model.advice.minister.title != title
    assert window.model.advice.minister.title in note.text() and title not in note.text()

    show(window, "variant=hybrid")
    set_value(qtbot, window, "variant=hybrid", True)
    hashtag = window.model.advice.minister.party_hashtag
    assert hashtag
    assert window.go_to(base.MINISTER)
    assert note.isVisible() and hashtag in note.text()
    assert window.model.advice.minister.title in note.text()


# --- every finding leads to its field ---------------------------------------------------------


def _sections(path: str) -> set[str]:
    """The path and every section it lies in: platforms.x.handle, platforms.x, platforms."""
    parts = path.split(".")
    return {".".join(parts[:end]) for end in range(1, len(parts) + 1)}


def _lands_on(widget: QWidget | None, path: str) -> bool:
    """The focused widget is the path's (or lies in a widget of the path or of a section it
    lies in: a check box of the list `acknowledged`, a radio button of `variant`)."""
    names = _sections(path)
    while widget is not None:
        if widget.objectName() in names:
            return True
        widget = widget.parentWidget()
    return False


@pytest.mark.slow
def test_every_finding_of_the_grid_leads_to_its_field(qtbot, window, grid):
    """Over the whole grid of tests/core/test_grid.py and the examples: every path a finding
    names has a page, and focusing it puts the focus on its field."""
    sessions: dict[str, object] = {}  # a conversation for every path a finding names
    for _label, session, findings in grid:
        for finding in findings:
            sessions.setdefault(finding.path, session)
    for path in sorted(EXAMPLES.glob("*.adviesgesprek.yaml")):
        assert window.open_file(path, ask=False)
        for finding in window.model.advice.findings:
            sessions.setdefault(finding.path, window.model.session)
    unowned = [path for path in sessions if window.owner_of(path) is None]
    assert unowned == []
    for path, session in sessions.items():
        window.model.replace(session)
        window.show_path(path)
        QApplication.processEvents()
        page = window.pages[window.owner_of(path)]
        assert window.wizard.currentPage() is page, path
        assert _lands_on(window.focusWidget(), path), (path, window.focusWidget())


def test_an_option_is_agreed_on_the_choice_page(qtbot, window):
    """A corporate minister with a personal account may refer from it to the corporate account
    (reading 17): a check box under the consequences, in the rulebook's words; checked, the
    option is agreed (the session list `agreed`) and the agreement prints the arrangement."""
    assert window.open_file(EXAMPLES / "corporate-personal-vws.adviesgesprek.yaml", ask=False)
    option = window.model.advice.options[0]
    assert not option.agreed and option.printed == option.text
    box = show(window, f"agreed.{option.id}")
    assert box.isVisibleTo(window.pages[base.CHOICE]) and box.accessibleName() == option.label
    set_value(qtbot, window, f"agreed.{option.id}", True)
    assert window.model.value("agreed") == [option.id]
    agreed = window.model.advice.options[0]
    assert agreed.agreed and agreed.printed == agreed.agreed_text
    window.go_to(base.OVERVIEW)
    assert find(window, f"overview.value:agreed.{option.id}").text() == "ja"
    show(window, f"agreed.{option.id}")
    set_value(qtbot, window, f"agreed.{option.id}", False)
    assert window.model.value("agreed") == []
