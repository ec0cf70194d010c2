"""The eleven situations of issue 23, each as the advisor meets it, against the readings 12-19 of
DESIGN.md (and 5, 11 for the situations that were wrong before)."""

from __future__ import annotations

from wizard.core.engine import advise


def codes(advice):
    return {finding.code for finding in advice.findings}


def texts(advice):
    """Everything the agreement and the checklist say in the rulebook's words."""
    return (
        [item.text for item in advice.checklist]
        + [clause.text for section in advice.clauses.values() for clause in section]
        + [item.text for item in advice.consequences]
        + [item.printed for item in advice.options]
        + [item.text for item in advice.roles]
    )


def checklist_ids(advice):
    return {item.id for item in advice.checklist}


# --- 1. re-appointed to the same post (reading 12) ------------------------------------------


def test_a_corporate_minister_reappointed_keeps_her_posts_and_her_accounts(
    session_factory, rulebook
):
    """Elanor was minister of VWS with the corporate accounts of the post and is re-appointed:
    nothing of a departure applies, her posts on X are not deleted, the accounts go on."""
    session = session_factory(
        platforms__x={"use": True, "account": "takeover", "handle": "MinisterVWS"},
        predecessor={
            "name": "Elanor Boekholt-O'Sullivan",
            "variant": "corporate",
            "archiving_arranged": True,
        },
    )
    advice = advise(session, rulebook)
    assert advice.predecessor.same_person
    x = advice.predecessor.on("x")
    assert x.action == "continues" and x.taken_over
    assert advice.platforms["x"].config.archive_predecessor == "continues"
    assert not checklist_ids(advice) & {"old-delete-posts", "old-archive-rddi", "meta-swap"}
    assert not any("verwijderd" in text and "Boekholt" in text for text in texts(advice))
    assert "predecessor-same-person" in {c.id for c in advice.clauses["predecessor_summary"]}
    assert not [request for request in advice.rvd_requests if request.request != "verification"]


def test_a_hybrid_minister_staying_on_keeps_her_own_account_without_departure_tasks(
    session_factory, rulebook
):
    """A hybrid state secretary stays on: her own account does not "go along with the
    predecessor", the ministry's two-step verification stays, webcare does not stop."""
    session = session_factory(
        variant="hybrid",
        motivation="Veel volgers.",
        platforms__x={"use": True, "account": "own", "handle": "ElanorBoekholt"},
        predecessor={"name": "elanor  boekholt-o'sullivan", "variant": "hybrid"},
    )
    advice = advise(session, rulebook)
    assert advice.predecessor.on("x").action == "continues"
    assert not {
        "old-hybrid-two-factor",
        "old-hybrid-webcare-duration",
        "old-hybrid-take-or-keep",
    } & checklist_ids(advice)
    assert not any("gaat mee met uw voorganger" in text for text in texts(advice))
    # Now corporate, on the account of the post: her own account is hers and keeps its posts;
    # their policy content is archived, nothing is deleted.
    session.set("variant", "corporate")
    session.set("platforms.x", {"use": True, "account": "new", "handle": "MinisterVWS"})
    switched = advise(session, rulebook)
    assert switched.predecessor.on("x").action == "policy_content"
    assert not {"old-delete-posts", "old-hybrid-two-factor"} & checklist_ids(switched)


# --- 2. every RVD request is on the RVD's list (reading 13) ---------------------------------


def test_a_proposed_handle_for_the_rvd_is_a_request_marked_as_proposal(session_factory, rulebook):
    """A "minister voor" gets a new Instagram account at a change of cabinet: the agreement
    says the RVD verifies it, so the RVD's list has it, with the proposed handle marked."""
    session = session_factory(
        minister__ministry="BZK",
        minister__post="Volkshuisvesting",
        platforms__instagram={"use": True, "account": "new"},
    )
    advice = advise(session, rulebook)
    [request] = [r for r in advice.rvd_requests if r.platform == "instagram"]
    assert request.request == "verification"
    assert request.handle == advice.platforms["instagram"].handle
    assert request.handle_status == "proposal"
    assert "new-verification-rvd" in checklist_ids(advice)


def test_an_rvd_request_without_a_handle_is_listed_and_keeps_a_concept(session_factory, rulebook):
    session = session_factory(
        minister__office="", platforms__instagram={"use": True, "account": "new"}
    )
    advice = advise(session, rulebook)
    [request] = [r for r in advice.rvd_requests if r.platform == "instagram"]
    assert request.handle_status == "unknown" and request.handle == ""
    assert "rvd-handle-unknown" in {finding.code for finding in advice.errors}
    assert advice.is_concept


# --- 3. a "minister voor" has a handle of the post (reading 14) -----------------------------


def test_a_minister_voor_is_warned_about_the_ministers_handle(session_factory, rulebook):
    session = session_factory(
        minister__ministry="BZK",
        minister__post="Volkshuisvesting en Ruimtelijke Ordening",
        platforms__x={"use": True, "account": "new", "handle": "MinisterBZK"},
    )
    advice = advise(session, rulebook)
    assert "handle-not-office" in {f.code for f in advice.findings if f.platform == "x"}
    session.set("platforms.x.handle", "")
    proposal = advise(session, rulebook).platforms["x"].handle
    assert proposal.startswith("Minister") and "BZK" not in proposal


# --- 4. a corporate minister's own Facebook account (reading 15) ----------------------------


def test_a_corporate_ministers_own_facebook_account_is_supported_with_a_warning(
    session_factory, rulebook
):
    session = session_factory(
        platforms__facebook={"use": True, "form": "own", "handle": "elanor.boekholt"}
    )
    advice = advise(session, rulebook)
    facebook = advice.platforms["facebook"]
    assert facebook.config.owner == "minister"
    assert facebook.config.civil_service_support == "shared"
    assert facebook.config.avatar_rijkslogo is False
    assert facebook.config.party_hashtag == "#TeamCDA"
    assert "account-owner-conflict" not in codes(advice)
    assert "facebook-own-account" in codes(advice)


# --- 5. no takeover without an account to take over (reading 16) ----------------------------


def test_a_new_post_without_a_predecessor_gets_new_accounts(session_factory, rulebook):
    """A new post: nothing to take over, so the LinkedIn showcase page is new, and nobody is
    told to change the password of an account that does not exist."""
    session = session_factory(
        minister__ministry="BZK",
        minister__post="Volkshuisvesting",
        platforms__x={"use": True},
        platforms__linkedin={"use": True, "form": "showcase"},
    )
    advice = advise(session, rulebook)
    for key in ("x", "linkedin"):
        assert advice.platforms[key].account == "new", key
        assert not advice.platforms[key].account_given
    assert "takeover-needs-handle" not in codes(advice)
    passwords = [item for item in advice.checklist if item.id == "new-passwords"]
    assert not [item for item in passwords if item.platform in ("x", "linkedin")]
    assert "new-linkedin-showcase" in checklist_ids(advice)


def test_an_existing_account_of_the_post_is_taken_over(session_factory, rulebook):
    """With a corporate predecessor (or an account the rulebook knows for the post), the
    account of the post is taken over, as an assumption the advisor can change."""
    with_predecessor = session_factory(
        platforms__x={"use": True},
        predecessor={"name": "Fleur Agema", "variant": "corporate", "archiving_arranged": True},
    )
    assert advise(with_predecessor, rulebook).platforms["x"].account == "takeover"
    prime_minister = session_factory(
        minister__office="minister_president",
        minister__ministry="AZ",
        platforms__x={"use": True, "handle": ""},
    )
    advice = advise(prime_minister, rulebook)
    assert advice.platforms["x"].account == "takeover"
    assert advice.platforms["x"].handle == "MinPres"


# --- 6. an office account taken over after a hybrid predecessor (reading 11) ----------------


def test_an_office_account_taken_over_after_a_hybrid_predecessor_is_archived(
    session_factory, rulebook
):
    session = session_factory(
        platforms__x={"use": True, "account": "takeover", "handle": "MinisterVWS"},
        predecessor={"name": "Hans Vijlbrief", "variant": "hybrid", "archiving_arranged": False},
    )
    advice = advise(session, rulebook)
    x = [account for account in advice.predecessor.accounts if account.platform == "x"]
    assert {(account.kind, account.action) for account in x} == {
        ("own", "leaves_with_predecessor"),
        ("office", "archive_and_delete"),
    }
    assert advice.platforms["x"].config.archive_predecessor == "archive_and_delete"
    assert "archive-not-arranged" in codes(advice)
    assert "old-archive-rddi" in checklist_ids(advice)
    office = advice.configuration["predecessor_accounts"]["x"]["office_account"]
    assert office == {
        "handle": "MinisterVWS",
        "kind": "office",
        "action": "archive_and_delete",
        "archive_account": None,
        "rvd_request": False,
    }


# --- 7. options stay options (reading 17) ----------------------------------------------------


def test_referring_from_a_personal_account_is_an_option_until_agreed(session_factory, rulebook):
    session = session_factory(
        personal_account=True,
        platforms__x={"use": True, "account": "takeover", "handle": "MinisterVWS"},
        platforms__instagram={"use": True, "account": "own", "handle": "elanorboekholt"},
    )
    advice = advise(session, rulebook)
    [option] = advice.options
    assert option.printed.startswith("U kunt")
    assert not any(text.startswith("U verwijst") for text in texts(advice))
    assert "new-personal-refers-to-corporate" not in checklist_ids(advice)
    session.set("agreed", [option.id])
    agreed = advise(session, rulebook)
    assert agreed.options[0].printed.startswith("U verwijst")
    assert "new-personal-refers-to-corporate" in checklist_ids(agreed)


# --- 8. party content on a corporate minister's own LinkedIn profile (reading 5) ------------


def test_party_content_on_a_corporate_linkedin_profile_carries_the_party_hashtag(
    session_factory, rulebook
):
    session = session_factory(
        platforms__linkedin={"use": True, "form": "profile", "handle": "eboekholt"}
    )
    linkedin = advise(session, rulebook).platforms["linkedin"].config
    assert linkedin.party_content == "marked"
    assert linkedin.party_hashtag == "#TeamCDA"


# --- 9. the authenticator (reading 18) ---------------------------------------------------------


def test_the_authenticator_is_held_by_the_directie_and_handed_over_only_at_a_hybrid_departure(
    session_factory, rulebook
):
    corporate = advise(session_factory(), rulebook)
    access = " ".join(clause.text for clause in corporate.clauses["access"])
    assert "authenticator" in access and "directie Communicatie" in access
    assert "overgedragen" not in access
    assert corporate.inactive_reason("access.authenticator_handover")
    hybrid = advise(session_factory(variant="hybrid", motivation="m"), rulebook)
    access = " ".join(clause.text for clause in hybrid.clauses["access"])
    assert "directie Communicatie en u" in access
    assert hybrid.inactive_reason("access.authenticator_handover") is None


# --- 10. bio drafts name the post exactly, without jargon -----------------------------------


def test_a_bio_draft_names_the_post_and_the_ministry_account_given_on_the_page(
    session_factory, rulebook
):
    session = session_factory(
        minister__name="Sophie Hermans",
        minister__ministry="EZK",
        minister__post="Klimaat en Groene Groei",
        platforms__x={"use": True, "account": "new", "ministry_account": "MinisterieEZK"},
        platforms__instagram={"use": True, "account": "new"},
        platforms__facebook={"use": True, "form": "page", "account": "new"},
    )
    advice = advise(session, rulebook)
    for key, account in advice.platforms.items():
        bio = account.config.bio or ""
        assert "Minister voor Klimaat en Groene Groei" in bio, (key, bio)
        assert "DC " not in bio and "Minister (EZK)" not in bio, (key, bio)
    assert "@MinisterieEZK" in advice.platforms["x"].config.bio


# --- 11. a swearing-in long before the conversation (reading 19) -----------------------------


def test_a_swearing_in_before_the_conversation_is_phrased_for_an_account_in_use(
    session_factory, rulebook
):
    session = session_factory(
        minister__sworn_in="2025-12-01",
        predecessor={"name": "Fleur Agema", "variant": "corporate", "archiving_arranged": True},
    )
    advice = advise(session, rulebook)
    assert "sworn-in-long-ago" in codes(advice)
    assert advice.conversation.after_swearing_in
    assert set(advice.moments.values()) == {"Zo snel mogelijk", "Daarna"}
    assert {item.moment_label for item in advice.checklist} <= {"Zo snel mogelijk", "Daarna"}
    for text in texts(advice):
        assert "vóór de beëdiging" not in text and "vóór het aantreden" not in text, text
        assert "voordat u aantreedt" not in text, text
    recent = advise(session_factory(minister__sworn_in="2026-02-10"), rulebook)
    assert "sworn-in-long-ago" not in codes(recent)
    assert recent.moments["before"] == "Zo snel mogelijk"
    ahead = advise(session_factory(), rulebook)
    assert ahead.moments["before"] == "Vóór de beëdiging"
