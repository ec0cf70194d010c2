"""`wizard.core.compare`: what another rulebook changes for a conversation, against overlays that
change one thing each, and against full rulebook folders."""

from __future__ import annotations

import re
import shutil

import pytest

from wizard.core.compare import (
    MISSING,
    FieldChange,
    compare_configuration,
    compare_session,
    comparison_lines,
)
from wizard.core.errors import InputError
from wizard.core.rulebook import load_other_rulebook
from wizard.core.session import load_session
from wizard.paths import resources_dir

from ..conftest import EXAMPLES

EXAMPLE_NAMES = sorted(path.name for path in EXAMPLES.glob("*.adviesgesprek.yaml"))

WEBCARE = 'webcare: {hours: "werkdagen 8.30-17.30 uur"}\n'
X_BIO_LIMIT = "platforms:\n  x:\n    limits:\n      bio: {max: 100}\n"
CHECKLIST = (
    "checklist:\n"
    "  - {id: new-standby, remove: true}\n"
    "  - id: new-rijksoverheid-page\n"
    '    text: "Pagina met de socialemediakanalen op Rijksoverheid.nl aanpassen, binnen'
    ' een week."\n'
)
SEVERITY = "findings:\n  election-period: {severity: error}\n"
ARCHIVE_NAME = 'patterns:\n  meta_archive_account: {value: "{handle}archief"}\n'


def session(name):
    return load_session(EXAMPLES / f"{name}.adviesgesprek.yaml")


@pytest.fixture
def overlay(tmp_path):
    def make(text, name="overlay.yaml"):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return load_other_rulebook(path)

    return make


def test_webcare_hours_change_every_supported_account(rulebook, overlay):
    comparison = compare_session(session("corporate-minpres"), rulebook, overlay(WEBCARE))
    assert comparison.findings == [] and comparison.checklist == []
    assert comparison_lines(comparison) == ["Platformconfiguratie:"] + [
        f'  platforms.{key}.webcare.hours: "werkdagen 9.00-17.00 uur" wordt '
        f'"werkdagen 8.30-17.30 uur"'
        for key in ("x", "instagram", "linkedin", "facebook")
    ]
    assert comparison.to_dict()["configuration"][0] == {
        "path": "platforms.x.webcare.hours",
        "old": "werkdagen 9.00-17.00 uur",
        "new": "werkdagen 8.30-17.30 uur",
    }


def test_webcare_hours_change_nothing_without_webcare(rulebook, overlay):
    """The personal minister's account has no webcare: nothing changes for her."""
    assert not compare_session(session("personal-minister"), rulebook, overlay(WEBCARE)).changed


def test_x_bio_limit_shortens_a_drafted_bio(rulebook, overlay):
    comparison = compare_session(session("corporate-minpres"), rulebook, overlay(X_BIO_LIMIT))
    assert [change.path for change in comparison.configuration] == ["platforms.x.bio"]
    change = comparison.configuration[0]
    assert len(change.old) > 100 >= len(change.new)
    assert comparison.findings == [] and comparison.checklist == []


def test_x_bio_limit_makes_a_given_bio_too_long(rulebook, overlay):
    comparison = compare_session(session("hybrid-stas-party"), rulebook, overlay(X_BIO_LIMIT))
    assert comparison.configuration == [] and comparison.checklist == []
    assert [
        (c.change, c.finding.code, c.finding.severity, c.finding.path, c.finding.platform)
        for c in comparison.findings
    ] == [("new", "bio-too-long", "error", "platforms.x.bio", "x")]
    assert comparison_lines(comparison) == [
        "Bevindingen:",
        "  nieuw: fout bio-too-long platforms.x.bio: De bio op X is 140 tekens; hoogstens 100 "
        "tekens. Bron: Twitter API v1.1 account/update_profile, 2025-07-02.",
    ]
    # ... and back: the finding is gone.
    back = compare_session(session("hybrid-stas-party"), overlay(X_BIO_LIMIT), rulebook)
    assert [(c.change, c.finding.code) for c in back.findings] == [("gone", "bio-too-long")]
    assert back.to_dict()["findings"][0]["change"] == "gone"


def test_checklist_item_removed_and_text_changed(rulebook, overlay):
    comparison = compare_session(session("corporate-minpres"), rulebook, overlay(CHECKLIST))
    assert comparison.configuration == [] and comparison.findings == []
    assert comparison_lines(comparison) == [
        "Checklist:",
        "  vervalt: [new-standby] Piketdienst buiten kantoortijden inroosteren.",
        '  anders: [new-rijksoverheid-page] tekst: "Pagina met de socialemediakanalen op '
        'Rijksoverheid.nl aanpassen." wordt "Pagina met de socialemediakanalen op '
        'Rijksoverheid.nl aanpassen, binnen een week."',
    ]
    removed, changed = comparison.to_dict()["checklist"]
    assert removed["change"] == "removed" and removed["id"] == "new-standby"
    assert changed["change"] == "changed"
    assert changed["old"] == {
        "text": "Pagina met de socialemediakanalen op Rijksoverheid.nl aanpassen."
    }


def test_a_checklist_item_that_was_not_there_is_added(rulebook, overlay):
    comparison = compare_session(session("corporate-minpres"), overlay(CHECKLIST), rulebook)
    assert [(c.change, c.item.id) for c in comparison.checklist] == [
        ("added", "new-standby"),
        ("changed", "new-rijksoverheid-page"),
    ]


def test_finding_severity_changed(rulebook, overlay):
    comparison = compare_session(session("hybrid-stas-party"), rulebook, overlay(SEVERITY))
    assert comparison_lines(comparison) == [
        "Bevindingen:",
        "  andere ernst: election-period election_period: waarschuwing wordt fout",
    ]
    change = comparison.to_dict()["findings"][0]
    assert (change["change"], change["old_severity"], change["severity"]) == (
        "severity",
        "warning",
        "error",
    )


def test_predecessor_accounts_are_compared_field_by_field(rulebook, overlay):
    comparison = compare_session(session("corporate-minpres"), rulebook, overlay(ARCHIVE_NAME))
    assert [(c.path, c.old, c.new) for c in comparison.configuration] == [
        ("platforms.instagram.archive_account", "minpresschoof", "minpresarchief"),
        ("predecessor_accounts.instagram.archive_account", "minpresschoof", "minpresarchief"),
    ]
    assert {c.item.id for c in comparison.checklist} >= {"meta-archive-account", "meta-swap"}


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_an_overlay_that_changes_nothing(rulebook, overlay, name):
    unchanged = overlay('# niets\nwebcare: {hours: "werkdagen 9.00-17.00 uur"}\n')
    comparison = compare_session(load_session(EXAMPLES / name), rulebook, unchanged)
    assert not comparison.changed
    assert comparison_lines(comparison) == []


def test_a_whole_subtree_on_one_side_is_one_change():
    changes = compare_configuration(
        {"rulebook": {"version": "1"}, "platforms": {"x": {"handle": "A", "webcare": {"x": 1}}}},
        {
            "rulebook": {"version": "2"},
            "platforms": {"x": {"handle": None}, "threads": {"handle": "B"}},
        },
    )
    assert changes == [
        FieldChange("platforms.x.handle", "A", None),
        FieldChange("platforms.x.webcare", {"x": 1}, MISSING),
        FieldChange("platforms.threads", MISSING, {"handle": "B"}),
    ]
    assert [change.to_dict() for change in changes][1:] == [
        {"path": "platforms.x.webcare", "old": {"x": 1}},
        {"path": "platforms.threads", "new": {"handle": "B"}},
    ]


# --- a full rulebook folder -----------------------------------------------------------------


@pytest.fixture
def full_copy(tmp_path):
    folder = tmp_path / "regelboek"
    shutil.copytree(resources_dir() / "rulebook", folder)
    return folder


def test_the_builtin_folder_is_a_full_rulebook_that_changes_nothing(rulebook):
    other = load_other_rulebook(resources_dir() / "rulebook")
    assert other.full
    for name in EXAMPLE_NAMES:
        assert not compare_session(load_session(EXAMPLES / name), rulebook, other).changed


def test_a_new_version_alone_changes_nothing(rulebook, full_copy):
    meta = full_copy / "00-meta.yaml"
    meta.write_text(
        re.sub(
            r"^version: .*$",
            'version: "2027.1.0"',
            meta.read_text("utf-8"),
            count=1,
            flags=re.MULTILINE,
        ),
        encoding="utf-8",
    )
    other = load_other_rulebook(full_copy)
    assert (other.full, other.version) == (True, "2027.1.0")
    assert not compare_session(session("corporate-minpres"), rulebook, other).changed


def test_what_a_full_rulebook_leaves_out_is_gone(rulebook, full_copy):
    """A full rulebook replaces the built-in one: it is not merged over it (merged, the item
    left out would still be there)."""
    checklist = full_copy / "80-checklist.yaml"
    text = checklist.read_text("utf-8")
    entry = re.search(r"^  - id: new-standby\n(?:    .*\n)+", text, flags=re.MULTILINE)
    checklist.write_text(text.replace(entry.group(0), ""), encoding="utf-8")
    other = load_other_rulebook(full_copy)
    assert other.full
    comparison = compare_session(session("corporate-minpres"), rulebook, other)
    assert [(c.change, c.item.id) for c in comparison.checklist] == [("removed", "new-standby")]


def test_a_full_rulebook_is_validated(full_copy):
    (full_copy / "80-checklist.yaml").write_text(
        (full_copy / "80-checklist.yaml")
        .read_text("utf-8")
        .replace("owner: webcare", "owner: niemand", 1),
        encoding="utf-8",
    )
    with pytest.raises(InputError, match="onbekende eigenaar 'niemand'") as raised:
        load_other_rulebook(full_copy)
    assert str(full_copy) in str(raised.value)


def test_an_invalid_overlay_is_refused_in_dutch(tmp_path):
    path = tmp_path / "kapot.yaml"
    path.write_text("checklist:\n  - {id: nieuw, text: iets}\n", encoding="utf-8")
    with pytest.raises(InputError, match="het regelboek klopt niet") as raised:
        load_other_rulebook(path)
    assert "kapot.yaml" in str(raised.value)
