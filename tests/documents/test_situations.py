"""The situations of issue 10, one test each: a platform's account is not the predecessor's office
account, and what the minister signs must follow the actual account. Each asserts the
configuration, the findings and the text of the documents."""

from __future__ import annotations

import html
import re

from wizard.core.engine import advise
from wizard.documents.batch import rvd_rows
from wizard.documents.html import document_html
from wizard.documents.style import house_style

from .conftest import make_session


def _codes(advice) -> set[str]:
    return {finding.code for finding in advice.findings}


def _documents(session, rulebook):
    """(advice, agreement text, checklist text) as the reader sees them."""
    advice = advise(session, rulebook)
    texts = []
    for kind in ("afspraken", "checklist"):
        page = document_html(kind, advice, house_style(rulebook), standalone=True)
        body = page.split("<body", 1)[1]
        texts.append(" ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split()))
    return advice, texts[0], texts[1]


def _rvd(advice, rulebook):
    return rvd_rows("gesprek.adviesgesprek.yaml", advice, house_style(rulebook).labels)


HYBRID_STAS = {
    "minister.name": "Anouk de Wit",
    "minister.office": "state_secretary",
    "minister.ministry": "Fin",
    "minister.party": "D66",
    "variant": "hybrid",
    "motivation": "Groot eigen netwerk.",
    "platforms.x": {"use": True, "account": "own", "handle": "AnoukdeWit"},
    "platforms.instagram": {"use": True, "account": "own", "handle": "anoukdewit"},
    "predecessor": {
        "name": "Sandra van Oostenbrugge",
        "variant": "corporate",
        "archiving_arranged": True,
    },
}


def test_a_hybrid_ministers_own_account_is_never_swapped_or_sent_to_the_rvd(rulebook):
    advice, agreement, checklist = _documents(make_session(**HYBRID_STAS), rulebook)
    assert "anoukdewitvanoostenbrugge" not in checklist + agreement
    # Her Instagram account is verified by the RVD (a hybrid account at a change of cabinet),
    # but never swapped.
    assert not [
        row
        for row in _rvd(advice, rulebook)
        if "anoukdewit" in row[5] and row[6] == "archiefwissel"
    ]
    # The predecessor's office account on Instagram is swapped; its handle must be given first.
    instagram = advice.configuration["predecessor_accounts"]["instagram"]
    assert (instagram["kind"], instagram["action"]) == ("office", "meta_archive_swap")
    assert "predecessor.accounts.instagram.handle" in {f.path for f in advice.errors}
    said = make_session(
        **HYBRID_STAS,
        **{"predecessor.accounts": {"instagram": {"handle": "stasfin", "kind": "office"}}},
    )
    advice, agreement, checklist = _documents(said, rulebook)
    assert "Meta laten verwisselen van @stasfin en @stasfinvanoostenbrugge" in checklist
    [row] = [row for row in _rvd(advice, rulebook) if row[6] == "archiefwissel"]
    assert row[5] == "stasfin" and "anoukdewit" not in " ".join(row)


def test_own_and_new_accounts_get_no_predecessor_actions(rulebook):
    session = make_session(
        **{
            "platforms.instagram": {"use": True, "account": "new", "handle": "ministerbzk2"},
            "platforms.linkedin": {"use": True, "form": "profile", "handle": "evadevries"},
            "predecessor": {
                "name": "Hugo de Jonge",
                "variant": "corporate",
                "archiving_arranged": True,
            },
        }
    )
    advice, agreement, checklist = _documents(session, rulebook)
    for key in ("instagram", "linkedin"):
        assert advice.configuration["platforms"][key]["archive_predecessor"] == "none"
    assert "Alle berichten van Hugo de Jonge op LinkedIn verwijderen" not in checklist
    assert "Blijven staan op archiefaccount" not in agreement
    assert "Beleidscontent archiveren" not in agreement
    assert "Nieuw account van het ambt @ministerbzk2 aanmaken op Instagram" in checklist


def test_a_hybrid_minister_on_the_offices_account_keeps_it_the_ministrys(rulebook):
    session = make_session(
        **dict(
            HYBRID_STAS,
            **{
                "platforms.x": {"use": True, "account": "takeover", "handle": "StasFin"},
                "platforms.linkedin": {"use": True, "form": "showcase", "account": "new"},
            },
        )
    )
    advice, agreement, _checklist = _documents(session, rulebook)
    x = advice.configuration["platforms"]["x"]
    assert (x["owner"], x["party_content"], x["transfer_to_successor"]) == (
        "ministry",
        "never",
        "mandatory",
    )
    assert advice.configuration["platforms"]["linkedin"]["party_content"] == "never"
    conflicts = {f.platform for f in advice.errors if f.code == "account-owner-conflict"}
    assert conflicts == {"x", "linkedin"}
    assert advice.is_concept and "Concept: nog niet definitief" in agreement


def test_corporate_plus_personal_account_leaves_the_personal_account_unsupported(rulebook):
    session = make_session(
        **{
            "personal_account": True,
            "platforms.instagram": {"use": True, "account": "own", "handle": "evadevries"},
            "platforms.facebook": {"use": True, "form": "own", "handle": "eva.devries"},
        }
    )
    advice, agreement, _checklist = _documents(session, rulebook)
    facts = {
        key: (
            config["owner"],
            config["avatar_rijkslogo"],
            config["civil_service_support"],
            config["webcare"]["scope"],
        )
        for key, config in advice.configuration["platforms"].items()
    }
    assert facts["instagram"] == ("minister", False, "none", "none")
    # An own Facebook account beside corporate accounts is supported hybrid-style (reading 15).
    assert facts["facebook"] == ("minister", False, "shared", "policy_only")
    assert "own-account-not-corporate" in _codes(advice)
    assert "account-owner-conflict" not in _codes(advice)
    assert "Alleen u; geen ambtelijke ondersteuning" in agreement


def test_a_personal_minister_still_has_the_predecessors_office_accounts_archived(rulebook):
    session = make_session(
        **{
            "variant": "personal",
            "motivation": "Eigen keuze.",
            "platforms.x": {"use": True, "account": "own", "handle": "EvadeVries"},
            "platforms.instagram": None,
            "predecessor": {
                "name": "Hugo de Jonge",
                "variant": "corporate",
                "archiving_arranged": False,
                "accounts": {"x": {"handle": "MinisterBZK", "kind": "office"}},
            },
        }
    )
    advice, agreement, checklist = _documents(session, rulebook)
    assert advice.configuration["predecessor_accounts"]["x"]["action"] == "archive_and_delete"
    assert "archive-not-arranged" in {f.code for f in advice.errors}
    assert "Berichten van Hugo de Jonge op X (@MinisterBZK) archiveren via RDDI." in checklist
    assert "Pas als de archivering geregeld is" in checklist


def test_election_time_and_a_single_appointment_change_the_texts(rulebook):
    normal = _documents(make_session(), rulebook)
    election = _documents(make_session(election_period=True), rulebook)
    assert "Het is verkiezingstijd" in election[1] and "Het is verkiezingstijd" not in normal[1]
    assert "Verkiezingstijd:" in election[2]
    single = make_session(
        **{
            "conversation.cabinet_change": False,
            "predecessor": {
                "name": "Hugo de Jonge",
                "variant": "corporate",
                "archiving_arranged": True,
            },
        }
    )
    advice, agreement, checklist = _documents(single, rulebook)
    assert "kabinetswissel" not in agreement + checklist
    assert "De URL's aanleveren bij de RVD, vóór de beëdiging" in checklist
    assert all(
        config["verification_by"] != "rvd" for config in advice.configuration["platforms"].values()
    )


def test_a_taken_over_account_without_a_known_handle_is_not_invented(rulebook):
    session = make_session(
        **{
            "platforms.instagram": {"use": True, "account": "takeover"},
            "predecessor": {
                "name": "Hugo de Jonge",
                "variant": "corporate",
                "archiving_arranged": True,
            },
        }
    )
    advice, _agreement, checklist = _documents(session, rulebook)
    assert advice.configuration["platforms"]["instagram"]["handle"] is None
    assert "takeover-needs-handle" in {f.code for f in advice.errors}
    # Reading 13: the requests are rows all the same, without a handle, marked as unknown.
    rows = [row for row in _rvd(advice, rulebook) if row[4] == "Instagram"]
    assert sorted(row[6] for row in rows) == ["archiefwissel", "verificatie"]
    assert all(row[5] == "" and row[-1] == "nog onbekend" for row in rows), rows
    assert "ministerbzkdejonge" not in checklist


def test_answers_that_no_longer_apply_are_not_printed(rulebook):
    session = make_session(motivation="Eerst wilde zij hybride.")
    advice, agreement, _checklist = _documents(session, rulebook)
    assert "Eerst wilde zij hybride" not in agreement
    assert "Uw reden" not in agreement
    assert advice.inactive_reason("motivation")
    assistant = make_session(**{"access.people": "Webcare BZK en de politiek assistent"})
    advice = advise(assistant, rulebook)
    assert "political-assistant-access" in {f.code for f in advice.errors}


def test_the_documents_and_the_engine_agree_on_the_predecessor(rulebook):
    session = make_session(predecessor={"variant": "hybrid"})
    advice, agreement, _checklist = _documents(session, rulebook)
    assert advice.predecessor is not None
    assert "Er is geen account van een voorganger" not in agreement
    none = make_session(predecessor=None)
    advice, agreement, _checklist = _documents(none, rulebook)
    assert advice.predecessor is None
    assert "Er is geen account van een voorganger" in agreement
