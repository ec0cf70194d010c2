"""Templates: autoescaping, strict undefined, and a department's own templates in the sandbox."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from wizard.core.errors import InputError
from wizard.core.rulebook import builtin_rulebook, load_rulebook
from wizard.documents.style import house_style

from .conftest import ROOT, html_of, make_session, pdf_text, render, squash


def _overlay(tmp_path, templates: dict[str, str], chrome: str | None = None):
    folder = tmp_path / "departement"
    (folder / "templates").mkdir(parents=True)
    (folder / "webcare.yaml").write_text(
        'webcare:\n  hours: "werkdagen 8.00-18.00 uur"\n', encoding="utf-8"
    )
    for name, text in templates.items():
        (folder / "templates" / name).write_text(text, encoding="utf-8")
    if chrome is not None:
        (folder / "templates" / "documents.yaml").write_text(chrome, encoding="utf-8")
    return load_rulebook(folder)


def test_overlay_template_replaces_the_builtin_one(tmp_path):
    rulebook = _overlay(
        tmp_path,
        {
            "checklist.html.j2": (
                '{% extends "base.html.j2" %}{% block body %}<h1>Huisstijl {{ minister.name }}</h1>'
                "{% for group in checklist_groups %}{% for item in group.entries %}"
                "<p>{{ item.text }}</p>{% endfor %}{% endfor %}{% endblock %}"
            )
        },
    )
    text = html_of("checklist", make_session(), rulebook)
    assert "<h1>Huisstijl Eva de Vries</h1>" in text
    assert "Afspraken sociale media" in html_of("afspraken", make_session(), rulebook)
    assert "8.00-18.00" in html_of("afspraken", make_session(), rulebook)


def test_overlay_labels_are_merged_over_the_builtin_ones(tmp_path, rulebook):
    overlay = _overlay(tmp_path, {}, 'documents:\n  afspraken:\n    title: "Afspraken BZK"\n')
    render(make_session(), overlay, tmp_path / "uit", ["pdf"])
    text = squash(pdf_text(tmp_path / "uit" / "afspraken.pdf"))
    assert squash("Afspraken BZK") in text
    assert squash("Checklist nieuwe bewindspersoon") in squash(
        pdf_text(tmp_path / "uit" / "checklist.pdf")
    )


@pytest.mark.parametrize(
    "attack",
    [
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ minister.__class__ }}{{ cycler.__init__.__globals__ }}",
        "{% set x = labels.update({'a': 1}) %}{{ x }}",
    ],
)
def test_overlay_templates_run_in_the_sandbox(tmp_path, attack):
    rulebook = _overlay(tmp_path, {"afspraken.html.j2": attack})
    with pytest.raises(InputError, match="sjabloon"):
        html_of("afspraken", make_session(), rulebook)


def test_session_text_is_not_template_code_in_an_overlay_either(tmp_path):
    rulebook = _overlay(tmp_path, {"afspraken.html.j2": "<p>{{ minister.name }}</p>"})
    text = html_of("afspraken", make_session(**{"minister.name": "{{ 7*7 }}<i>"}), rulebook)
    assert "<p>{{ 7*7 }}&lt;i&gt;</p>" in text


def test_a_missing_value_in_a_template_is_an_error_not_an_empty_string(tmp_path):
    rulebook = _overlay(tmp_path, {"afspraken.html.j2": "<p>{{ minister.nickname }}</p>"})
    with pytest.raises(InputError, match="nickname"):
        html_of("afspraken", make_session(), rulebook)


def test_broken_overlay_template_exits_2_on_the_command_line(cli, tmp_path):
    _overlay(tmp_path, {"afspraken.typ.j2": "{% if %}"})
    session = ROOT / "examples" / "corporate-minpres.adviesgesprek.yaml"
    result = cli(
        "render", session, "--out", tmp_path / "uit", "--rulebook", tmp_path / "departement"
    )
    assert result.returncode == 2
    assert "sjabloon" in result.stderr and "Traceback" not in result.stderr
    assert not any((tmp_path / "uit").glob("*")) if (tmp_path / "uit").exists() else True


# --- a department's own Typst templates -----------------------------------------------------

TYPST_FRAME = (
    '{% import "macros.typ.j2" as m %}#import "adviesgesprek.typ": *\n'
    "{{ m.frame(page, concept) }}\n"
)


def test_overlay_typst_template_replaces_the_builtin_one(tmp_path):
    rulebook = _overlay(
        tmp_path,
        {
            "checklist.typ.j2": TYPST_FRAME
            + (
                "= Huisstijl {{ minister.name }}\n"
                "{% for group in checklist_groups %}{% for item in group.entries %}"
                "- {{ item.text }}\n{% endfor %}{% endfor %}"
            )
        },
    )
    render(make_session(), rulebook, tmp_path / "uit", ["pdf"])
    text = squash(pdf_text(tmp_path / "uit" / "checklist.pdf"))
    assert squash("Huisstijl Eva de Vries") in text
    assert "Wie" not in text.split("Huisstijl")[0]  # not the built-in checklist table
    assert squash("werkdagen 8.00-18.00 uur") in squash(
        pdf_text(tmp_path / "uit" / "afspraken.pdf")
    )


@pytest.mark.parametrize(
    "attack",
    [
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ minister.__class__ }}{{ cycler.__init__.__globals__ }}",
        "{% set x = labels.update({'a': 1}) %}{{ x }}",
    ],
)
def test_overlay_typst_templates_run_in_the_sandbox(tmp_path, attack):
    rulebook = _overlay(tmp_path, {"afspraken.typ.j2": TYPST_FRAME + attack})
    with pytest.raises(InputError, match="sjabloon"):
        render(make_session(), rulebook, tmp_path / "uit", ["pdf"])
    assert not (tmp_path / "uit").exists() or not list((tmp_path / "uit").iterdir())


@pytest.mark.parametrize(
    "template",
    [
        # everything a template prints is a value, whatever it does to it
        "{{ minister.name }} {{ minister.name|upper }} {{ minister.name ~ '' }}",
        '{% call "{x}".format(x=minister.name) %}{% endcall %}',
        '{% filter replace("X", minister.name) %}X{% endfilter %}',
        "{% set b %}{{ minister.name }}{% endset %}{{ b }} {{ [minister.name]|join }}",
        "{{ minister.name|e }} {{ minister.name|string }}",
    ],
)
def test_session_text_is_never_typst_source_in_an_overlay_either(tmp_path, template):
    rulebook = _overlay(tmp_path, {"afspraken.typ.j2": TYPST_FRAME + template})
    name = "*vet* #sys.exit() $x$ <l> @ref"
    render(make_session(**{"minister.name": name}), rulebook, tmp_path / "uit", ["pdf"])
    assert squash(name) in squash(pdf_text(tmp_path / "uit" / "afspraken.pdf"))


@pytest.mark.parametrize("attack", ["{{ minister.name|safe }}", "{{ minister.name|tojson }}"])
def test_unsafe_jinja_filters_are_not_there_for_typst(tmp_path, attack):
    rulebook = _overlay(tmp_path, {"afspraken.typ.j2": TYPST_FRAME + attack})
    with pytest.raises(InputError, match="sjabloon"):
        render(make_session(), rulebook, tmp_path / "uit", ["pdf"])


def test_a_typst_error_in_an_overlay_template_is_a_dutch_message(tmp_path):
    rulebook = _overlay(tmp_path, {"afspraken.typ.j2": TYPST_FRAME + "#let x = (\n"})
    with pytest.raises(InputError, match="kan niet worden opgemaakt"):
        render(make_session(), rulebook, tmp_path / "uit", ["pdf"])


def test_a_typst_warning_is_an_error(tmp_path):
    rulebook = _overlay(
        tmp_path, {"afspraken.typ.j2": TYPST_FRAME + '#text(font: "Geen Bestaande Letter")[x]'}
    )
    with pytest.raises(InputError, match="waarschuwing"):
        render(make_session(), rulebook, tmp_path / "uit", ["pdf"])


# --- fonts ----------------------------------------------------------------------------------

DEJAVU = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def _pdf_fonts(path) -> set[str]:
    """The fonts of a PDF by name; "Type3" for the colour emoji (Typst draws them as a Type 3
    font of images, which has no name)."""
    import pikepdf

    names = set()
    with pikepdf.open(path) as pdf:
        for page in pdf.pages:
            for font in page.Resources.Font.values():
                name = str(font.get("/BaseFont", "/Type3"))[1:]
                names.add(name.split("+", 1)[-1])
    return names


def test_the_documents_use_the_bundled_fonts_not_the_machines(tmp_path):
    """A house font that is only installed on the machine is not used: the PDF holds the
    bundled Noto fonts and nothing else."""
    from wizard.documents.fonts import document_family

    overlay = _overlay(
        tmp_path,
        {},
        'fonts:\n  house: ["DejaVu Sans", "Geen Huisletter"]\n'
        '  fallback: ["Ook Niet", "DejaVu Sans"]\n',
    )
    assert document_family(house_style(overlay)) == "Noto Sans"
    render(make_session(**{"minister.name": "Eva שלום 👩🏽‍💻"}), overlay, tmp_path / "uit", ["pdf"])
    fonts = _pdf_fonts(tmp_path / "uit" / "afspraken.pdf")
    assert fonts and all(name.startswith("Noto") or name == "Type3" for name in fonts), fonts
    assert {"NotoSans-Regular", "NotoSansHebrew-Regular", "Type3"} <= fonts
    text = html_of("afspraken", make_session(), overlay, standalone=True)
    assert '"DejaVu Sans", "Geen Huisletter", "Ook Niet", "DejaVu Sans", sans-serif' in text


@pytest.mark.skipif(not os.path.exists(DEJAVU), reason="no DejaVu Sans to play the house font")
def test_a_house_font_the_overlay_brings_comes_first(tmp_path):
    """The overlay's fonts/ folder brings a house font (here DejaVu Sans plays the part of
    RijksoverheidSansText): the documents use it first, the bundled fonts after it."""
    import shutil

    from wizard.documents.fonts import document_family

    overlay = _overlay(tmp_path, {}, 'fonts:\n  house: ["Geen Huisletter", "DejaVu Sans"]\n')
    (tmp_path / "departement" / "fonts").mkdir()
    shutil.copy(DEJAVU, tmp_path / "departement" / "fonts")
    assert document_family(house_style(overlay)) == "DejaVu Sans"
    render(
        make_session(**{"minister.name": "Eva 👩🏽‍💻"}), overlay, tmp_path / "uit", ["pdf", "odt"]
    )
    fonts = _pdf_fonts(tmp_path / "uit" / "afspraken.pdf")
    assert "DejaVuSans" in fonts and "Type3" in fonts  # the emoji in colour, not DejaVu's
    assert "NotoSans-Regular" not in fonts  # DejaVu Sans has every other character here
    import zipfile

    with zipfile.ZipFile(tmp_path / "uit" / "afspraken.odt") as odt:
        assert b"DejaVu Sans" in odt.read("styles.xml")


def test_compiled_templates_are_cached_and_a_broken_cache_costs_only_time(tmp_path, monkeypatch):
    """The compiled templates go to the user's cache folder (in a folder named after the
    program's and Jinja's versions and the code that compiles them); documents made from the
    cache are the same bytes, and a cache folder that cannot be used is no error."""
    from wizard.documents import templating, typst_source

    session = make_session()
    renders = []
    for cache in (tmp_path / "cache", tmp_path / "cache", tmp_path / "geen-map"):
        if cache.name == "geen-map":
            cache.write_text("een bestand, geen map", encoding="utf-8")
        monkeypatch.setenv("ADVIESGESPREK_CACHE", str(cache))
        typst_source._builtin_environment.cache_clear()
        templating._builtin_environment.cache_clear()
        out = tmp_path / f"uit{len(renders)}"
        render(session, builtin_rulebook(), out, ["pdf", "html"])
        renders.append(
            {
                name: (out / name).read_bytes()
                for name in ("afspraken.pdf", "checklist.pdf", "afspraken.html")
            }
        )
    typst_source._builtin_environment.cache_clear()
    templating._builtin_environment.cache_clear()
    folders = sorted(path.name for path in (tmp_path / "cache").iterdir())
    assert [name.split("-")[1] for name in folders] == ["html", "typst"]
    assert len(list((tmp_path / "cache" / folders[1]).glob("*.cache"))) >= 3
    assert renders[0] == renders[1] == renders[2]
    # Another version of the code that compiles the templates: another folder.
    assert (
        templating.bytecode_cache("typst", Path(__file__)).directory
        != templating.bytecode_cache("typst", Path(typst_source.__file__)).directory
    )


def test_few_lines_only_for_values_that_are_certainly_short():
    """The kv-table's cells that Typst keeps on one page without measuring them first: only
    values far under half a page, whatever their characters (see `unbroken`)."""
    from wizard.documents.typst_source import _CELL_LINE, _FEW_LINES, _few_lines

    assert _few_lines(["@minpres", ""])
    assert _few_lines(["x" * (_CELL_LINE * _FEW_LINES), ""])
    assert not _few_lines(["x" * (_CELL_LINE * _FEW_LINES + 1), ""])
    assert not _few_lines(["regel\n" * _FEW_LINES, ""])
    assert not _few_lines(["a\u2028" * 10, "b\r" * 10])
    assert not _few_lines(["x" * 200, "y" * 200])  # the note counts too
    # The bound: that many lines of the widest glyphs are well under 12 cm of 10 pt type.
    assert _FEW_LINES * 16 < 0.75 * 12 / 2.54 * 72


def test_the_emoji_font_is_left_out_only_where_no_character_may_use_it():
    """`needs_emoji` must find every character the library's `emoji-font` covers (Unicode's
    Emoji_Presentation, Emoji_Modifier, Regional_Indicator and the joiners of a sequence):
    a document without one is set without the colour emoji font."""
    import regex

    from wizard.documents.typesetting import _EMOJI, needs_emoji

    covers = regex.compile(
        r"[\p{Emoji_Presentation}\p{Emoji_Modifier}\p{Regional_Indicator}"
        "\u200d\ufe0f\u20e3\U000e0020-\U000e007f]"
    )
    missed = [
        hex(code)
        for code in range(0x110000)
        if not 0xD800 <= code <= 0xDFFF and covers.match(chr(code)) and not _EMOJI.match(chr(code))
    ]
    assert not missed
    assert not needs_emoji("= Afspraken ☐ ☑ © ✓ → €", ["Anna de Vries", ["lang", "woord"]])
    assert needs_emoji("", ["Anna 👩🏽‍💻"])
    assert needs_emoji("", [["lang", "⌚"]])
    assert needs_emoji("#box-mark[⭐]", [])


def test_the_bundled_fonts_draw_every_common_character():
    """Text made of COMMON characters is not looked up in the fonts' tables (`substitute`):
    the bundled fonts must really draw all of them."""
    from wizard.documents.coverage import COMMON, coverage
    from wizard.documents.fonts import bundled_fonts_dir

    assert not COMMON - coverage((bundled_fonts_dir(),))


def test_the_house_style_is_the_overlays_and_travels_to_the_page_maker(tmp_path, rulebook):
    """`house_style`: the built-in words, or an overlay's merged over them with its template
    folders; made once per rulebook, and plain data (the page maker's process gets it pickled
    with the advice)."""
    import pickle

    builtin = house_style(rulebook)
    assert house_style(rulebook) is builtin
    assert builtin.template_dirs == () and builtin.fonts_dir is None
    overlay = _overlay(tmp_path, {}, 'documents:\n  afspraken:\n    title: "Afspraken BZK"\n')
    style = house_style(overlay)
    assert style.labels["documents"]["afspraken"]["title"] == "Afspraken BZK"
    assert style.labels["documents"]["checklist"] == builtin.labels["documents"]["checklist"]
    assert style.template_dirs == (tmp_path / "departement" / "templates",)
    again = pickle.loads(pickle.dumps(style))
    assert (again.labels, again.template_dirs, again.fonts_dir) == (
        style.labels,
        style.template_dirs,
        style.fonts_dir,
    )
