"""The page maker's process (issue 27): started with `subprocess` on every system, it makes the
pages of the preview and the print, is started again when it died, and ends with the wizard."""

from __future__ import annotations

import subprocess

import pytest

from wizard.core.engine import advise
from wizard.core.errors import InputError
from wizard.core.rulebook import load_rulebook
from wizard.documents.page_process import PageMaker
from wizard.documents.style import house_style

from .conftest import make_session


@pytest.fixture
def maker():
    maker = PageMaker()
    yield maker
    maker.close()


def test_the_child_makes_pages_and_is_started_again_when_it_died(maker, rulebook):
    advice, style = advise(make_session(), rulebook), house_style(rulebook)
    pages = maker.pages(advice, style, ["checklist"], 20)
    assert pages and all(page.startswith(b"\x89PNG") for page in pages)
    child = maker._child
    assert isinstance(child, subprocess.Popen) and child.poll() is None
    child.kill()
    child.wait()
    assert maker.pages(advice, style, ["checklist"], 20) == pages
    assert maker._child is not child and maker._child.poll() is None
    again = maker._child
    maker.close()
    assert again.poll() == 0  # it ended at the end of its input


def test_a_document_the_child_cannot_make_is_an_input_error(maker, tmp_path):
    overlay = tmp_path / "departement"
    (overlay / "templates").mkdir(parents=True)
    (overlay / "templates" / "checklist.typ.j2").write_text("{{ niet_bekend.x }}", "utf-8")
    rulebook = load_rulebook(overlay)
    advice, style = advise(make_session(), rulebook), house_style(rulebook)
    with pytest.raises(InputError, match="checklist.typ.j2"):
        maker.pages(advice, style, ["checklist"], 20)
    assert maker._child.poll() is None  # the child goes on
