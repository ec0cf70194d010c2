"""A full walk through the wizard for each variant, compared with the core (and `render`)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.ui.helpers import find, set_value, show, walk
from wizard.core.configuration import configuration_yaml
from wizard.core.engine import advise
from wizard.core.rulebook import builtin_rulebook
from wizard.core.session import load_session
from wizard.ui import base

pytestmark = pytest.mark.slow  # a corpus or a whole walk: .ci/run runs it (docs/testing.md)

COMMON = [
    ("conversation.advisor", "Sanne de Wit"),
    ("conversation.date", "2026-02-20"),
    ("minister.sworn_in", "2026-02-23"),
]

CORPORATE = [
    ("minister.name", "Rob Jetten"),
    ("minister.office", "minister_president"),
    ("minister.ministry", "AZ"),
    ("minister.party", "D66"),
    *COMMON,
    ("platforms.x.existing_handle", "RobJetten"),
    ("platforms.x.followers", 120000),
    ("variant=corporate", True),
    ("acknowledged.corporate-no-party-content", True),
    ("acknowledged.corporate-ownership", True),
    ("acknowledged.corporate-no-party-staff", True),
    ("acknowledged.corporate-light-content", True),
    ("platforms.x.use", True),
    ("platforms.x.account", "takeover"),
    ("platforms.x.handle", "MinPres"),
    ("platforms.instagram.use", True),
    ("platforms.instagram.handle", "minpres"),
    ("platforms.linkedin.use", True),
    ("platforms.linkedin.form", "showcase"),
    ("platforms.linkedin.handle", "minister-president"),
    ("platforms.facebook.use", True),
    ("platforms.facebook.form", "ministry_account"),
    ("platforms.facebook.ministry_account", "rijksoverheid"),
    ("webcare.standby", True),
    ("webcare.proactive", True),
    ("predecessor", True),
    ("predecessor.name", "Dick Schoof"),
    ("predecessor.archiving_arranged", True),
]

CORPORATE_PERSONAL = [
    ("minister.name", "Eelco Heinen"),
    ("minister.office", "minister"),
    ("minister.ministry", "Fin"),
    ("minister.party", "VVD"),
    *COMMON,
    ("personal_account", True),
    ("platforms.x.use", True),
    ("platforms.x.account", "new"),
    ("platforms.linkedin.use", True),
    ("platforms.linkedin.form", "profile"),
    ("platforms.linkedin.handle", "eelcoheinen"),
    ("access.minister_access", True),
    ("access.people", "webcareteam DC Financiën"),
]

HYBRID = [
    ("minister.name", "Sophie Hermans"),
    ("minister.office", "minister"),
    ("minister.ministry", "EZK"),
    ("minister.post", "Klimaat en Groene Groei"),
    ("minister.party", "VVD"),
    *COMMON,
    ("variant=hybrid", True),
    ("motivation", "Zij houdt haar bestaande account met veel volgers."),
    ("acknowledged.hybrid-leaves-with-minister", True),
    ("platforms.x.use", True),
    ("platforms.x.account", "own"),
    ("platforms.x.handle", "SophieHermans"),
    ("platforms.instagram.use", True),
    ("platforms.instagram.handle", "sophiehermans"),
    ("departure.account", "stays"),
    ("departure.webcare_weeks", 4),
    ("departure.two_factor", "handover"),
    ("access.authenticator_handover", "Persoonlijk overgedragen door het hoofd webcare."),
    ("election_period", True),
]

PERSONAL = [
    ("minister.name", "Jaimi van Essen"),
    ("minister.office", "state_secretary"),
    ("minister.ministry", "BZK"),
    ("minister.party", "PVV"),
    *COMMON,
    ("variant=personal", True),
    ("motivation", "De bewindspersoon wil geen ambtelijke ondersteuning."),
    ("acknowledged.personal-no-support", True),
    ("acknowledged.own-responsibility", True),
    ("platforms.x.use", True),
    ("platforms.x.handle", "JaimiVanEssen"),
]

VARIANTS = {
    "corporate": CORPORATE,
    "corporate_personal": CORPORATE_PERSONAL,
    "hybrid": HYBRID,
    "personal": PERSONAL,
}


def core_configuration(path: Path) -> str:
    return configuration_yaml(advise(load_session(path), builtin_rulebook()))


def strip_generator(text: str) -> dict:
    data = yaml.safe_load(text)
    data.pop("generator", None)
    return data


@pytest.mark.parametrize("name", list(VARIANTS))
def test_walk_gives_the_configuration_of_the_core(qtbot, window, tmp_path, isolated, name):
    answers = VARIANTS[name]
    seen = walk(qtbot, window, answers)
    assert seen[0] == base.MINISTER and seen[-1] == base.DOCUMENTS
    assert base.OVERVIEW in seen and base.PREDECESSOR in seen
    session = window.model.session
    for path, value in answers:
        if "=" not in path and not path.startswith("acknowledged.") and path != "predecessor":
            assert session.get(path) == value or (path == "personal_account" and value), path
    saved = tmp_path / f"{name}.adviesgesprek.yaml"
    assert window.save_to(saved)
    assert not window.isWindowModified()
    exported = tmp_path / "platformconfiguratie.yaml"
    documents = window.pages[base.DOCUMENTS]
    assert documents.save_configuration_to(exported)
    assert exported.read_text(encoding="utf-8") == core_configuration(saved)
    assert not isolated.errors


def test_walk_matches_adviesgesprek_render(cli, qtbot, window, tmp_path):
    walk(qtbot, window, CORPORATE)
    saved = tmp_path / "corporate.adviesgesprek.yaml"
    assert window.save_to(saved)
    exported = tmp_path / "wizard.yaml"
    assert window.pages[base.DOCUMENTS].save_configuration_to(exported)
    out = tmp_path / "render"
    result = cli("render", saved, "--out", out, "--format", "html", timeout=300)
    assert result.returncode == 0, result.stderr
    rendered = (out / "platformconfiguratie.yaml").read_text(encoding="utf-8")
    assert strip_generator(rendered) == strip_generator(exported.read_text(encoding="utf-8"))


def test_variant_specific_outcome(qtbot, window):
    walk(qtbot, window, HYBRID)
    x = window.model.advice.configuration["platforms"]["x"]
    assert x["owner"] == "minister" and x["party_hashtag"] == "#TeamVVD"
    assert not [f for f in window.model.advice.findings if f.code == "hybrid-needs-motivation"]
    assert find(window, "departure.account").isVisibleTo(window.pages[base.PREDECESSOR])


def test_going_back_and_changing_the_variant_changes_the_outcome(qtbot, window):
    walk(qtbot, window, CORPORATE)
    before = window.model.advice.configuration["platforms"]["x"]
    assert before["owner"] == "ministry" and before["avatar_rijkslogo"] is True
    show(window, "variant=hybrid")
    assert window.wizard.currentId() == base.CHOICE
    set_value(qtbot, window, "variant=hybrid", True)
    # @MinPres stays the office's account, the ministry's: the variant does not change its owner;
    # the conflict is an error until the account is changed too.
    after = window.model.advice.configuration["platforms"]["x"]
    assert after["owner"] == "ministry" and after["party_content"] == "never"
    codes = {finding.code for finding in window.model.advice.errors}
    assert {"hybrid-needs-motivation", "account-owner-conflict"} <= codes
    assert find(window, "motivation").isVisibleTo(window.pages[base.CHOICE])
    # The overview, reached again, shows the new choice and the new error.
    window.go_to(base.OVERVIEW)
    value = find(window, "overview.value:variant")
    assert "Hybride" in value.text()
    texts = [
        label.text()
        for label in window.pages[base.OVERVIEW].findChildren(type(value))
        if label.objectName().startswith("overview.finding.")
    ]
    assert texts and "Fout" in texts[0]
    window.go_to(base.PLATFORM_FIRST)
    set_value(qtbot, window, "platforms.x.account", "own")
    own = window.model.advice.configuration["platforms"]["x"]
    assert own["owner"] == "minister" and own["avatar_rijkslogo"] is False


def test_going_back_and_changing_the_ministry_changes_the_outcome(qtbot, window):
    answers = [(path, value) for path, value in CORPORATE_PERSONAL]
    walk(qtbot, window, answers)
    x = window.model.advice.platforms["x"]
    assert x.handle_suggestion == "MinisterFin"
    bio_before = x.bio_draft
    show(window, "minister.ministry")
    set_value(qtbot, window, "minister.ministry", "VWS")
    x = window.model.advice.platforms["x"]
    assert x.handle_suggestion == "MinisterVWS"
    assert x.bio_draft != bio_before and "VWS" in x.bio_draft
    window.go_to(base.PLATFORM_FIRST)
    handle = find(window, "platforms.x.handle")
    assert handle.placeholderText() == "MinisterVWS"


def test_edit_link_on_the_overview_jumps_and_returns(qtbot, window):
    walk(qtbot, window, CORPORATE)
    window.go_to(base.OVERVIEW)
    find(window, "overview.edit:minister.name").click()
    assert window.wizard.currentId() == base.MINISTER
    back = find(window, "wizard.to_overview")
    assert back.isVisible()
    set_value(qtbot, window, "minister.name", "Rob Jetten-Test")
    back.click()
    assert window.wizard.currentId() == base.OVERVIEW
    assert not back.isVisible()
    assert find(window, "overview.value:minister.name").text() == "Rob Jetten-Test"


def test_every_finding_on_the_overview_leads_to_a_page(qtbot, window):
    find(window, "start.new").click()
    window.go_to(base.OVERVIEW)
    findings = window.model.advice.findings
    assert findings and findings[0].severity == "error"
    for finding in findings:
        assert window.owner_of(finding.path) is not None, finding.path


def test_an_answer_that_no_longer_applies_is_kept_greyed_with_the_reason(qtbot, window):
    walk(qtbot, window, HYBRID)
    show(window, "variant=corporate")
    set_value(qtbot, window, "variant=corporate", True)
    motivation = find(window, "motivation")
    message = find(window, "motivation:message")
    assert not motivation.isEnabled()
    assert "Geldt nu niet" in message.text()
    # Kept in the conversation, printed nowhere.
    assert window.model.value("motivation").startswith("Zij houdt")
    assert window.model.advice.motivation is None
    set_value(qtbot, window, "variant=hybrid", True)
    assert motivation.isEnabled() and "Geldt nu niet" not in message.text()
    assert window.model.advice.motivation.startswith("Zij houdt")
