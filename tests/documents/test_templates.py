"""Templates: autoescaping, strict undefined, and a department's own templates in the sandbox."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from wizard.core.errors import InputError
from wizard.core.rulebook import load_rulebook
from wizard.documents.export import render_to_folder
from wizard.documents.html import document_html

from .conftest import ROOT, make_session, pdf_text, squash


def _overlay(tmp_path, templates: dict[str, str], chrome: str | None = None):
    folder = tmp_path / "departement"
    (folder / "templates").mkdir(parents=True)
    (folder / "webcare.yaml").write_text('webcare:\n  hours: "werkdagen 8.00-18.00 uur"\n',
                                         encoding="utf-8")
    for name, text in templates.items():
        (folder / "templates" / name).write_text(text, encoding="utf-8")
    if chrome is not None:
        (folder / "templates" / "documents.yaml").write_text(chrome, encoding="utf-8")
    return load_rulebook(folder)


def test_overlay_template_replaces_the_builtin_one(tmp_path):
    rulebook = _overlay(tmp_path, {"checklist.html.j2": (
        '{% extends "base.html.j2" %}{% block body %}<h1>Huisstijl {{ minister.name }}</h1>'
        "{% for group in checklist_groups %}{% for item in group.entries %}"
        "<p>{{ item.text }}</p>{% endfor %}{% endfor %}{% endblock %}")})
    text = document_html("checklist", make_session(), rulebook)
    assert "<h1>Huisstijl Eva de Vries</h1>" in text
    assert "Afspraken sociale media" in document_html("afspraken", make_session(), rulebook)
    assert "8.00-18.00" in document_html("afspraken", make_session(), rulebook)


def test_overlay_labels_are_merged_over_the_builtin_ones(tmp_path, rulebook):
    overlay = _overlay(tmp_path, {}, 'documents:\n  afspraken:\n    title: "Afspraken BZK"\n')
    render_to_folder(make_session(), overlay, tmp_path / "uit", ["pdf"])
    text = squash(pdf_text(tmp_path / "uit" / "afspraken.pdf"))
    assert squash("Afspraken BZK") in text
    assert squash("Checklist nieuwe bewindspersoon") in \
        squash(pdf_text(tmp_path / "uit" / "checklist.pdf"))


@pytest.mark.parametrize("attack", [
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ minister.__class__ }}{{ cycler.__init__.__globals__ }}",
    "{% set x = labels.update({'a': 1}) %}{{ x }}",
])
def test_overlay_templates_run_in_the_sandbox(tmp_path, attack):
    rulebook = _overlay(tmp_path, {"afspraken.html.j2": attack})
    with pytest.raises(InputError, match="sjabloon"):
        document_html("afspraken", make_session(), rulebook)


def test_session_text_is_not_template_code_in_an_overlay_either(tmp_path):
    rulebook = _overlay(tmp_path, {"afspraken.html.j2": "<p>{{ minister.name }}</p>"})
    text = document_html("afspraken", make_session(**{"minister.name": "{{ 7*7 }}<i>"}),
                         rulebook)
    assert "<p>{{ 7*7 }}&lt;i&gt;</p>" in text


def test_a_missing_value_in_a_template_is_an_error_not_an_empty_string(tmp_path):
    rulebook = _overlay(tmp_path, {"afspraken.html.j2": "<p>{{ minister.nickname }}</p>"})
    with pytest.raises(InputError, match="nickname"):
        document_html("afspraken", make_session(), rulebook)


def test_broken_overlay_template_exits_2_on_the_command_line(tmp_path):
    _overlay(tmp_path, {"afspraken.html.j2": "{% if %}"})
    session = ROOT / "examples" / "corporate-minpres.adviesgesprek.yaml"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    result = subprocess.run([sys.executable, "-m", "wizard", "render", str(session), "--out",
                             str(tmp_path / "uit"), "--rulebook", str(tmp_path / "departement")],
                            capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 2
    assert "sjabloon" in result.stderr and "Traceback" not in result.stderr
    assert not any((tmp_path / "uit").glob("*")) if (tmp_path / "uit").exists() else True


def test_qt_application_goes_offscreen_without_a_display(tmp_path):
    env = {key: value for key, value in os.environ.items()
           if key not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["PYTHONPATH"] = str(ROOT)
    code = ("from wizard.documents.qtapp import ensure_gui_application as e;"
            "a = e(); b = e(); print(a.platformName(), a is b)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env=env, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["offscreen", "True"]
    assert "could not connect" not in result.stderr


def test_the_documents_use_the_bundled_font_not_the_machines(tmp_path):
    from PySide6.QtGui import QFontDatabase

    from wizard.documents.fonts import document_family, load_bundled_fonts

    assert "Noto Sans" in load_bundled_fonts()
    system = [family for family in QFontDatabase.families() if "Noto" not in family]
    overlay = _overlay(tmp_path, {}, "fonts:\n  house: [\"Geen Huisletter Hier\"]\n"
                                     f"  fallback: [\"Ook Niet\", \"{system[0]}\"]\n")
    assert document_family(overlay) == "Noto Sans"
    text = document_html("afspraken", make_session(), overlay, standalone=True)
    assert f'"Geen Huisletter Hier", "Ook Niet", "{system[0]}", sans-serif' in text


def test_an_installed_house_font_comes_first(tmp_path):
    from PySide6.QtGui import QFontDatabase

    from wizard.documents.fonts import document_family

    installed = [family for family in QFontDatabase.families() if "Noto" not in family]
    overlay = _overlay(tmp_path, {},
                       f"fonts:\n  house: [\"Geen Huisletter\", \"{installed[0]}\"]\n")
    assert document_family(overlay) == installed[0]
