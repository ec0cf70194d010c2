"""The agreement and the checklist follow the variant, the platforms and the predecessor."""

from __future__ import annotations

import html
import re

import pytest

from wizard.core.engine import advise

from .conftest import html_of, make_session, pdf_pages, pdf_text, render, squash


def _render(session, rulebook, folder):
    render(session, rulebook, folder, ["pdf"])
    return (squash(pdf_text(folder / "afspraken.pdf")), squash(pdf_text(folder / "checklist.pdf")))


def test_corporate_agreement_has_no_party_hashtag_rule(rulebook, tmp_path):
    session = make_session()
    agreement, checklist = _render(session, rulebook, tmp_path)
    assert "#Team" not in agreement and "#Team" not in checklist
    assert squash("Partijpolitieke content") in agreement
    hybrid_party = next(c for c in rulebook.data["clauses"] if c["id"] == "content-hybrid-party")
    assert squash(hybrid_party["text"].split("{")[0]) not in agreement


def test_hybrid_agreement_carries_the_party_hashtag(rulebook, tmp_path):
    session = make_session(
        **{
            "variant": "hybrid",
            "motivation": "Groot eigen netwerk op X.",
            "platforms.x": {"use": True, "account": "own", "handle": "EvadeVries"},
            "platforms.instagram": {"use": True, "account": "own", "handle": "evadevries"},
        }
    )
    agreement, checklist = _render(session, rulebook, tmp_path)
    assert "#TeamGLPvdA" in agreement
    assert "#TeamGLPvdA" in checklist  # the political assistant's item
    assert squash("Groot eigen netwerk op X.") in agreement
    assert squash("Uw reden: Groot eigen netwerk op X.") in agreement


def test_corporate_agreement_has_no_motivation_section(rulebook, tmp_path):
    agreement, _ = _render(make_session(), rulebook, tmp_path)
    assert squash("Uw reden") not in agreement


def test_no_predecessor_means_no_archive_items(rulebook, tmp_path):
    session = make_session(predecessor=None)
    agreement, checklist = _render(session, rulebook, tmp_path)
    assert "archiefaccount" not in checklist.lower()
    assert "RDDI" not in checklist
    assert "archiefwissel" not in agreement.lower()
    assert squash("Er is geen account van een voorganger") in agreement


def test_predecessor_on_meta_gets_the_archive_swap(rulebook, tmp_path):
    session = make_session(
        predecessor={"name": "Judith Uitermark", "variant": "corporate", "archiving_arranged": True}
    )
    advice = advise(session, rulebook)
    archive = advice.platforms["instagram"].config.archive_account
    assert archive
    agreement, checklist = _render(session, rulebook, tmp_path)
    assert squash(f"Archiefaccount @{archive} aanmaken op Instagram") in checklist
    assert advice.platforms["instagram"].archive_url in checklist
    assert (
        squash("Berichten van Judith Uitermark op X (@MinisterBZK) archiveren via RDDI.")
        in checklist
    )
    assert squash(f"@{archive}") in agreement


@pytest.mark.parametrize(
    ("cabinet_change", "wording"),
    [
        (True, "Ja; de RVD regelt de verificatie"),
        (False, "Ja; het ministerie vraagt de verificatie aan"),
    ],
)
def test_who_arranges_verification_on_instagram(rulebook, tmp_path, cabinet_change, wording):
    session = make_session(
        **{"conversation.cabinet_change": cabinet_change, "platforms.x": {"use": False}}
    )
    agreement, _ = _render(session, rulebook, tmp_path)
    assert squash(wording) in agreement


def test_errors_make_a_concept_with_the_errors_listed(rulebook, tmp_path):
    session = make_session(**{"minister.ministry": ""})
    advice = advise(session, rulebook)
    assert advice.is_concept
    agreement, checklist = _render(session, rulebook, tmp_path)
    for kind in ("afspraken", "checklist"):  # the header's mark and the watermark
        assert all("CONCEPT" in page for page in pdf_pages(tmp_path / f"{kind}.pdf"))
    for finding in advice.errors:
        assert squash(finding.message) in agreement


def test_complete_session_has_no_concept_mark(rulebook, tmp_path):
    session = make_session(acknowledged=[item["id"] for item in rulebook.data["consequences"]])
    assert not advise(session, rulebook).is_concept
    _render(session, rulebook, tmp_path)
    for kind in ("afspraken", "checklist"):
        assert not any("CONCEPT" in page for page in pdf_pages(tmp_path / f"{kind}.pdf"))


def test_signature_block_has_both_parties_date_and_place(rulebook, tmp_path):
    agreement, _ = _render(make_session(**{"conversation.place": "Zwolle"}), rulebook, tmp_path)
    assert squash("De bewindspersoon") in agreement
    assert squash("De directeur Communicatie") in agreement
    assert squash("Plaats en datum: Zwolle, 20 februari 2026") in agreement


def test_access_is_printed_as_given(rulebook, tmp_path):
    """Who has access; the handover of the authenticator only where it is a departure
    arrangement (a hybrid account that leaves with the minister, reading 18)."""
    access = {
        "access.people": "Team sociale media (3 personen)",
        "access.authenticator_handover": "Persoonlijk aan de webcarelead",
    }
    agreement, _ = _render(make_session(**access), rulebook, tmp_path / "corporate")
    assert squash("Team sociale media (3 personen)") in agreement
    assert squash("Persoonlijk aan de webcarelead") not in agreement
    hybrid = make_session(
        **access,
        variant="hybrid",
        motivation="Eigen netwerk.",
        **{"platforms.x": {"use": True, "account": "own", "handle": "EvadeVries"}},
        **{"platforms.instagram": None},
    )
    agreement, _ = _render(hybrid, rulebook, tmp_path / "hybrid")
    assert squash("Persoonlijk aan de webcarelead") in agreement


def test_moments_with_the_same_words_are_one_heading(rulebook):
    """Reading 19: after a swearing-in that lies before the conversation, "before" and "at" are
    both "Zo snel mogelijk": one heading with the items of both, then "Daarna"."""
    session = make_session(
        **{
            "minister.sworn_in": "2026-02-10",
            "predecessor": {"name": "Hugo de Jonge", "variant": "corporate"},
        }
    )
    advice = advise(session, rulebook)
    assert advice.moments["before"] == advice.moments["at"] == "Zo snel mogelijk"
    page = html_of("checklist", session, rulebook, standalone=True)
    sections = {
        title: html.unescape(re.sub(r"<[^>]+>", "", body))
        for title, body in re.findall(r"<h2>(.*?)</h2>(.*?)(?=<h2>|$)", page, re.S)
    }
    assert list(sections) == ["Zo snel mogelijk", "Daarna", "Notities"]
    for item in advice.checklist:
        assert item.text in sections[advice.moments[item.moment]], item.id
    moments = {item.moment for item in advice.checklist}
    assert {"before", "at", "after"} <= moments
