"""The rulebook: complete against the seeds, valid, and overlayable by a department."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from wizard.core.errors import InputError
from wizard.core.rulebook import load_rulebook, merge_overlay
from wizard.paths import resources_dir

from ..conftest import SHARED

SEED_002 = SHARED / "seeds" / "002_b20be8cb1054d97b.txt"


def _cited(value, found):
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "source" and isinstance(item, list):
                found.update(item)
            else:
                _cited(item, found)
    elif isinstance(value, list):
        for item in value:
            _cited(item, found)
    return found


def test_builtin_rulebook_is_valid(rulebook):
    """The program does not validate its own rulebook at every start: this test does."""
    from wizard.core.rulebook import validate_rulebook

    validate_rulebook(rulebook)


def test_an_empty_overlay_validates_the_builtin_rulebook(tmp_path):
    overlay = write(tmp_path / "leeg.yaml", "# niets\n")
    assert load_rulebook(overlay).data == load_rulebook().data


def test_rulebook_has_version_and_date(rulebook):
    assert re.fullmatch(r"\d{4}\.\d+\.\d+", rulebook.version)
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", rulebook.date)


def test_every_normative_statement_is_cited(rulebook):
    cited = _cited(rulebook.data, set())
    normative = {sid for sid, s in rulebook.statements.items() if s["kind"] != "fact"}
    assert len(normative) == 225
    assert sorted(normative - cited) == []


def test_every_cited_statement_exists(rulebook):
    assert sorted(_cited(rulebook.data, set()) - set(rulebook.statements)) == []


@pytest.mark.skipif(not (SHARED / "reference").is_dir(), reason="shared/ is not beside the repo")
def test_statements_copy_matches_the_reference():
    bundled = (resources_dir() / "statements.yaml").read_text(encoding="utf-8")
    reference = (SHARED / "reference" / "policy-statements.yaml").read_text(encoding="utf-8")
    assert bundled == reference


def _seed_table():
    lines = SEED_002.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("| Type account"))
    rows = {}
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        rows[cells[0]] = (cells[1], cells[2])
    return rows


@pytest.mark.skipif(not SEED_002.is_file(), reason="shared/seeds is not beside the repo")
def test_comparison_table_matches_the_seed_row_by_row(rulebook):
    seed = _seed_table()
    ours = {
        row["label"]: (row["corporate"], row["hybrid"])
        for row in rulebook.data["comparison"]["rows"]
    }
    assert len(seed) == 13
    assert ours == seed


def test_comparison_rows_cover_the_issue_list(rulebook):
    ids = [row["id"] for row in rulebook.data["comparison"]["rows"]]
    assert ids == [
        "owner",
        "naming",
        "bio",
        "rijkslogo",
        "civil_service_support",
        "party_messages",
        "party_references",
        "verified",
        "informal_content",
        "webcare",
        "paid_promotion",
        "transferable",
        "archive_predecessor",
    ]
    for row in rulebook.data["comparison"]["rows"]:
        assert row["personal"]


def test_twelve_ministries_with_canonical_keys(rulebook):
    assert list(rulebook.ministries) == [
        "AZ",
        "BZ",
        "JenV",
        "BZK",
        "OCW",
        "Fin",
        "Def",
        "IenW",
        "EZK",
        "LVVN",
        "SZW",
        "VWS",
    ]
    assert rulebook.ministry_key("J&V") == "JenV"
    assert rulebook.ministry_key("i&w") == "IenW"
    assert rulebook.ministry_key("Klimaat") is None


def test_platform_facts_have_source_as_of_and_confirmed(rulebook):
    for key, platform in rulebook.platforms.items():
        facts = list(platform["handle_rules"]) + list(platform["limits"].values())
        for form in (platform.get("forms") or {}).values():
            facts += form.get("handle_rules", []) + list(form.get("limits", {}).values())
        assert facts, key
        for fact in facts:
            assert fact["source"] and fact["as_of"] and isinstance(fact["confirmed"], bool)


def test_checklist_items_have_owner_moment_and_condition(rulebook):
    for item in rulebook.data["checklist"]:
        assert item["owner"] in rulebook.data["owners"]
        assert item["moment"] in ("before", "at", "after")
    owners = {item["owner"] for item in rulebook.data["checklist"]}
    assert owners == set(rulebook.data["owners"])


def test_variants_and_the_advice(rulebook):
    variants = rulebook.data["variants"]
    assert variants["corporate"]["advised"] is True
    assert variants["hybrid"]["exception"] is True
    assert variants["hybrid"]["requires_motivation"] and variants["personal"]["requires_motivation"]
    assert rulebook.data["personal_account"]["allowed_with"] == ["corporate"]


# --- overlays -------------------------------------------------------------------------------


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_overlay_changes_hours_and_adds_a_ministry_account(tmp_path):
    overlay = write(
        tmp_path / "vws.yaml",
        """
webcare:
  hours: "werkdagen 8.30-17.30 uur"
ministries:
  VWS: {accounts: {x: MinVWS}}
checklist:
  - {id: new-prepare-content, text: "Content klaarzetten in het VWS-planbord."}
  - id: vws-intranet
    group: new
    text: "Bericht op het intranet."
    owner: communicatie
    moment: after
    source: [002-checklist-new-prepare-content]
  - {id: new-standby, remove: true}
""",
    )
    rulebook = load_rulebook(overlay)
    assert rulebook.data["webcare"]["hours"] == "werkdagen 8.30-17.30 uur"
    assert rulebook.ministries["VWS"]["accounts"] == {"x": "MinVWS"}
    assert rulebook.ministries["VWS"]["name"] == "Volksgezondheid, Welzijn en Sport"
    items = {item["id"]: item for item in rulebook.data["checklist"]}
    assert items["new-prepare-content"]["text"] == "Content klaarzetten in het VWS-planbord."
    assert items["new-prepare-content"]["owner"] == "communicatie"
    assert "vws-intranet" in items and "new-standby" not in items
    assert rulebook.overlay == str(overlay)


def test_overlay_folder_with_templates(tmp_path):
    write(tmp_path / "10-uren.yaml", "webcare: {hours: 'werkdagen 9-18 uur'}\n")
    (tmp_path / "templates").mkdir()
    rulebook = load_rulebook(tmp_path)
    assert rulebook.data["webcare"]["hours"] == "werkdagen 9-18 uur"
    assert rulebook.template_dirs == [tmp_path / "templates"]


@pytest.mark.parametrize(
    ("text", "key_or_words"),
    [
        ("webcare: {hours: 17}\n", "webcare.hours"),
        (
            "checklist:\n  - {id: x1, group: new, text: t, owner: kantine, moment: at, "
            "source: [002-checklist-new-bio]}\n",
            "checklist",
        ),
        (
            "clauses:\n  - {id: c1, section: content, text: t, source: [999-does-not-exist]}\n",
            "bestaat niet",
        ),
        (
            "platforms:\n  x: {handle_rules: [{pattern: '([', message: m, source: s, as_of: '2026',"
            " confirmed: true}]}\n",
            "ongeldig patroon",
        ),
        ("version: [1, 2]\n", "version"),
        ("- just\n- a list\n", "verzameling"),
        ("a: &x [1]\nb: *x\n", "alias"),
        ("webcare: {hours: 'x'\n", "geen geldige YAML"),
    ],
)
def test_invalid_overlay_is_refused_with_file_and_key(tmp_path, text, key_or_words):
    overlay = write(tmp_path / "fout.yaml", text)
    with pytest.raises(InputError) as caught:
        load_rulebook(overlay)
    message = str(caught.value)
    assert "fout.yaml" in message
    assert key_or_words in message


def test_missing_overlay_is_refused(tmp_path):
    with pytest.raises(InputError, match="bestaat niet"):
        load_rulebook(tmp_path / "er-niet.yaml")


def test_merge_overlay_rules():
    base = {"a": {"b": 1, "c": [1, 2]}, "items": [{"id": "p", "v": 1}, {"id": "q", "v": 2}]}
    merged = merge_overlay(
        base, {"a": {"c": [3]}, "items": [{"id": "q", "v": 9}, {"id": "p", "remove": True}]}
    )
    assert merged == {"a": {"b": 1, "c": [3]}, "items": [{"id": "q", "v": 9}]}
    assert base["items"][1]["v"] == 2


def test_builtin_rulebook_files_do_not_share_top_level_keys():
    seen = {}
    for path in sorted((resources_dir() / "rulebook").glob("*.yaml")):
        for key in yaml.safe_load(path.read_text(encoding="utf-8")):
            assert key not in seen, (key, path.name, seen.get(key))
            seen[key] = path.name


def test_the_program_files_read_by_libyaml_pass_the_strict_reader_too():
    """The built-in files are read with the fast loader at every start; the strict one (no
    aliases, no duplicate keys) must read them the same."""
    from wizard.core.yamlio import load_own_yaml_file, load_yaml_file
    from wizard.paths import templates_dir

    files = [
        *sorted((resources_dir() / "rulebook").glob("*.yaml")),
        resources_dir() / "statements.yaml",
        templates_dir() / "documents.yaml",
    ]
    for path in files:
        assert load_yaml_file(path) == load_own_yaml_file(path), path.name


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ('platforms: {x: {handle_charset: "\\\\"}}', "platforms.x.handle_charset"),
        (
            "platforms: {linkedin: {ministry_account_charset: 'a-'}}\n"
            "ministries: {AZ: {accounts: {}}}\n",
            None,
        ),
        (
            "platforms: {x: {handle_rules: [{pattern: '(', message: m, source: s, as_of: '1',"
            " confirmed: true}]}}",
            "platforms.x.handle_rules.0.pattern",
        ),
        (
            "platforms: {x: {handle_rules: [{forbid_pattern: '(a|aa)+$', message: m, source: s,"
            " as_of: '1', confirmed: true}]}}",
            "platforms.x.handle_rules.0.forbid_pattern",
        ),
        (
            "platforms: {linkedin: {forms: {showcase: {handle_rules: [{pattern: '(a|aa)+$',"
            " message: m, source: s, as_of: '1', confirmed: true}]}}}}",
            "platforms.linkedin.forms.showcase.handle_rules.0.pattern",
        ),
    ],
)
def test_an_overlays_patterns_are_checked_when_it_loads(tmp_path, text, key):
    """Issue 24: a character set or pattern that is no regular expression, or that backtracks
    without end, is refused with the overlay's file and key, instead of a traceback or a hang
    in check, render or compare."""
    overlay = tmp_path / "overlay.yaml"
    overlay.write_text(text, encoding="utf-8")
    if key is None:
        load_rulebook(overlay)  # a hyphen at the end of a class is a hyphen
        return
    with pytest.raises(InputError) as raised:
        load_rulebook(overlay)
    assert key in str(raised.value) and str(overlay) in str(raised.value)


def test_a_pattern_too_slow_on_a_handle_is_reported_not_waited_for():
    from wizard.core.text import handle_problems

    rule = {"pattern": "(a|aa)+$", "message": "m", "source": "s", "as_of": "1", "confirmed": True}
    [problem] = handle_problems("a" * 40 + "!", [rule])
    assert not problem.checked and not problem.confirmed
    assert handle_problems("a" * 40, [rule]) == []
