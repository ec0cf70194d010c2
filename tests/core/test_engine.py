"""The advice engine against the rules of seed 002 and DESIGN.md's readings."""

from __future__ import annotations

import pytest

from wizard.core.configuration import configuration_yaml
from wizard.core.engine import advise
from wizard.core.facts import used_platforms
from wizard.core.session import parse_session


def codes(advice):
    return {finding.code for finding in advice.findings}


def config(advice, platform):
    return advice.configuration["platforms"][platform]


# --- the contract ---------------------------------------------------------------------------

CONTRACT_FIELDS = {
    "owner",
    "handle",
    "display_name",
    "bio",
    "link",
    "avatar_rijkslogo",
    "verified",
    "verification_by",
    "civil_service_support",
    "party_content",
    "party_hashtag",
    "paid_promotion",
    "webcare",
    "transfer_to_successor",
    "archive_predecessor",
    "archive_account",
}


def test_configuration_follows_the_contract(session_factory, rulebook):
    advice = advise(session_factory(), rulebook)
    top = advice.configuration
    assert top["format"] == "platformconfiguratie/1"
    assert top["rulebook"] == {"version": rulebook.version, "date": rulebook.date}
    assert top["minister"]["name"] == "Elanor Boekholt-O'Sullivan"
    assert top["variant"] == "corporate"
    for platform in ("x", "instagram"):
        assert CONTRACT_FIELDS <= set(config(advice, platform))
        assert set(config(advice, platform)["webcare"]) == {
            "scope",
            "hours",
            "standby",
            "proactive",
        }
    assert "platformconfiguratie/1" in configuration_yaml(advice)


def test_only_used_platforms_are_configured(session_factory, rulebook):
    session = session_factory(platforms__instagram__use=False)
    assert used_platforms(session, rulebook) == ["x"]
    assert list(advise(session, rulebook).configuration["platforms"]) == ["x"]


def test_advice_is_a_pure_function_of_the_session(session_factory, rulebook):
    session = session_factory()
    before = session.copy().data
    first = advise(session, rulebook).configuration
    assert advise(session, rulebook).configuration == first
    assert session.data == before


# --- "In één oogopslag": each row of the table, corporate and hybrid -----------------------

# row id -> (configuration field, value for corporate, value for hybrid)
TABLE_IN_CONFIG = {
    "owner": ("owner", "ministry", "minister"),
    "rijkslogo": ("avatar_rijkslogo", True, False),
    "civil_service_support": ("civil_service_support", "exclusive", "shared"),
    "party_messages": ("party_content", "never", "marked"),
    "verified": ("verified", True, True),
    "paid_promotion": ("paid_promotion", False, False),
    "transferable": ("transfer_to_successor", "mandatory", "by_agreement"),
}


@pytest.mark.parametrize("row_id", sorted(TABLE_IN_CONFIG))
def test_table_rows_shape_the_configuration(row_id, session_factory, rulebook):
    field, corporate_value, hybrid_value = TABLE_IN_CONFIG[row_id]
    corporate = advise(session_factory(), rulebook)
    hybrid = advise(session_factory(variant="hybrid", motivation="Op eigen verzoek."), rulebook)
    for platform in ("x", "instagram"):
        assert config(corporate, platform)[field] == corporate_value
        assert config(hybrid, platform)[field] == hybrid_value


def test_table_row_naming(session_factory, rulebook):
    corporate = advise(session_factory(), rulebook)
    assert config(corporate, "x")["handle"] == "MinisterVWS"
    assert config(corporate, "x")["display_name"] == "Elanor Boekholt-O'Sullivan"
    hybrid = advise(session_factory(variant="hybrid", motivation="m"), rulebook)
    # a hybrid account is the person's own: the suggestion follows the name and fits X's limit
    assert hybrid.platforms["x"].handle_suggestion == "ElanorOSullivan"
    assert hybrid.platforms["instagram"].handle_suggestion == "elanorosullivan"


def test_table_row_bio_corporate_mentions_management_hybrid_mentions_party(
    session_factory, rulebook
):
    corporate = advise(session_factory(), rulebook)
    bio = config(corporate, "x")["bio"]
    assert "directie Communicatie" in bio or "Redactie" in bio
    assert "CDA" not in bio
    hybrid = advise(session_factory(variant="hybrid", motivation="m"), rulebook)
    hybrid_bio = config(hybrid, "x")["bio"]
    assert "#TeamCDA" in hybrid_bio and "Ondersteund door ministerie van VWS" in hybrid_bio


def test_table_row_party_references(session_factory, rulebook):
    corporate = advise(
        session_factory(
            platforms__x__bio="Minister VWS, lid van het CDA. Redactie en webcare: VWS. #MinVWS"
        ),
        rulebook,
    )
    assert "bio-party-reference" in codes(corporate)
    hybrid = advise(
        session_factory(
            variant="hybrid",
            motivation="m",
            platforms__x__bio=(
                "Minister van VWS. Ondersteund door ministerie van VWS (#MinVWS, vragen) "
                "en #TeamCDA."
            ),
        ),
        rulebook,
    )
    assert "bio-party-reference" not in codes(hybrid)
    assert config(hybrid, "x")["party_hashtag"] == "#TeamCDA"
    assert config(corporate, "x")["party_hashtag"] is None


def test_table_row_webcare(session_factory, rulebook):
    corporate = advise(session_factory(), rulebook)
    hybrid = advise(session_factory(variant="hybrid", motivation="m"), rulebook)
    assert config(corporate, "x")["webcare"]["scope"] == "all"
    assert config(hybrid, "x")["webcare"]["scope"] == "policy_only"
    assert config(corporate, "x")["webcare"]["hours"] == rulebook.data["webcare"]["hours"]


def test_table_row_informal_content(session_factory, rulebook):
    corporate = advise(session_factory(), rulebook)
    hybrid = advise(session_factory(variant="hybrid", motivation="m"), rulebook)
    assert "content-corporate-informal" in {c.id for c in corporate.clauses["content"]}
    assert "content-hybrid-roles" in {c.id for c in hybrid.clauses["content"]}


def test_table_row_archiving_predecessor(session_factory, rulebook):
    predecessor = {"name": "Fleur Agema", "variant": "corporate", "archiving_arranged": True}
    corporate = advise(session_factory(predecessor=predecessor), rulebook)
    assert config(corporate, "x")["archive_predecessor"] == "archive_and_delete"
    assert config(corporate, "instagram")["archive_predecessor"] == "meta_archive_swap"
    accounts = corporate.configuration["predecessor_accounts"]
    assert (accounts["x"]["handle"], accounts["x"]["kind"]) == ("MinisterVWS", "office")
    hybrid_predecessor = dict(predecessor, variant="hybrid")
    hybrid = advise(
        session_factory(variant="hybrid", motivation="m", predecessor=hybrid_predecessor), rulebook
    )
    # The hybrid predecessor's own account leaves with them; the new minister's own account
    # has no posts of the predecessor on it.
    assert config(hybrid, "x")["archive_predecessor"] == "none"
    assert hybrid.configuration["predecessor_accounts"]["x"]["action"] == "leaves_with_predecessor"


def test_personal_variant_has_no_civil_service_support(session_factory, rulebook):
    personal = advise(session_factory(variant="personal", motivation="Eigen keuze."), rulebook)
    x = config(personal, "x")
    assert (x["owner"], x["civil_service_support"], x["webcare"]["scope"], x["verified"]) == (
        "minister",
        "none",
        "none",
        False,
    )
    assert x["verification_by"] is None and x["link"] is None


# --- per-platform rules of seed 002 ---------------------------------------------------------


def test_x_corporate(session_factory, rulebook):
    advice = advise(
        session_factory(
            platforms__x__ministry_account="MinVWS", platforms__instagram__ministry_account="minvws"
        ),
        rulebook,
    )
    x = config(advice, "x")
    assert x["handle"] == "MinisterVWS"  # 002-x-corporate-handle
    assert x["display_name"] == "Elanor Boekholt-O'Sullivan"  # 002-x-corporate-profile-name
    assert x["avatar_rijkslogo"] is True  # 002-x-corporate-rijkslogo
    assert x["link"] == (
        "https://www.rijksoverheid.nl/regering/bewindspersonen/elanor-boekholt-osullivan"
    )  # 002-x-corporate-link-field
    assert x["verified"] and x["verification_by"] == "ministry"  # 002-verification-x-by-department
    assert len(x["bio"]) <= 160 and "@MinVWS" in x["bio"]  # 002-x-corporate-bio-ministry-reference
    assert not codes(advice) & {
        "bio-incomplete",
        "bio-too-long",
        "handle-invalid",
        "bio-no-ministry-account",
    }
    unknown = advise(session_factory(), rulebook)
    assert "@" not in config(unknown, "x")["bio"]
    assert "bio-no-ministry-account" in codes(unknown)


def test_instagram_corporate(session_factory, rulebook):
    advice = advise(session_factory(), rulebook)
    instagram = config(advice, "instagram")
    assert instagram["handle"] == "ministervws"
    assert instagram["avatar_rijkslogo"] is True
    assert instagram["verification_by"] == "rvd"  # cabinet change: the RVD for Meta
    assert len(instagram["bio"]) <= 150
    assert instagram["link"].startswith("https://www.rijksoverheid.nl/")


def test_meta_verification_by_ministry_outside_a_cabinet_change(session_factory, rulebook):
    advice = advise(session_factory(conversation__cabinet_change=False), rulebook)
    assert config(advice, "instagram")["verification_by"] == "ministry"


def test_x_and_instagram_hybrid(session_factory, rulebook):
    advice = advise(
        session_factory(
            variant="hybrid",
            motivation="m",
            platforms__x__handle="ElanorBoekholt",
            platforms__instagram__handle="elanor.boekholt",
        ),
        rulebook,
    )
    for platform in ("x", "instagram"):
        entry = config(advice, platform)
        assert entry["avatar_rijkslogo"] is False  # 002-x-hybrid-no-rijkslogo
        assert entry["verified"] is True  # 002-x-hybrid-verified
        assert entry["link"].endswith("/elanor-boekholt-osullivan")  # 002-x-hybrid-link-field
        assert entry["owner"] == "minister"  # 002-x-hybrid-handle-personal
    assert config(advice, "x")["handle"] == "ElanorBoekholt"


def test_linkedin_showcase_is_corporate(session_factory, rulebook):
    advice = advise(
        session_factory(platforms__linkedin={"use": True, "form": "showcase", "account": "new"}),
        rulebook,
    )
    linkedin = config(advice, "linkedin")
    assert linkedin["form"] == "showcase"
    assert linkedin["avatar_rijkslogo"] is True  # 002-linkedin-showcase-rijkslogo
    assert linkedin["owner"] == "ministry" and linkedin["party_content"] == "never"
    assert linkedin["url"].startswith("https://www.linkedin.com/showcase/")
    assert "linkedin-profile-not-corporate" not in codes(advice)
    assert len(linkedin["bio"]) <= 120


def test_linkedin_profile_for_a_corporate_minister(session_factory, rulebook):
    advice = advise(
        session_factory(
            platforms__linkedin={"use": True, "form": "profile", "handle": "elanorboekholt"}
        ),
        rulebook,
    )
    linkedin = config(advice, "linkedin")
    # 002-linkedin-corporate-profile-no-rijkslogo
    assert linkedin["avatar_rijkslogo"] is False
    assert linkedin["civil_service_support"] == "shared"
    assert linkedin["owner"] == "minister"
    assert linkedin["link"].startswith("https://www.rijksoverheid.nl/")
    assert "linkedin-profile-not-corporate" in codes(advice)
    finding = next(f for f in advice.findings if f.code == "linkedin-profile-not-corporate")
    assert finding.severity == "warning" and finding.path == "platforms.linkedin.form"


def test_linkedin_hybrid_profile(session_factory, rulebook):
    advice = advise(
        session_factory(
            variant="hybrid",
            motivation="m",
            platforms__linkedin={"use": True, "form": "profile", "handle": "elanorboekholt"},
        ),
        rulebook,
    )
    linkedin = config(advice, "linkedin")
    assert linkedin["avatar_rijkslogo"] is False and linkedin["party_content"] == "marked"
    assert "linkedin-profile-not-corporate" not in codes(advice)


def test_facebook_on_the_ministry_account_is_the_advice(session_factory, rulebook):
    advice = advise(session_factory(platforms__facebook={"use": True}), rulebook)
    facebook = config(advice, "facebook")
    # 002-facebook-corporate-use-ministry-account
    assert facebook["form"] == "ministry_account"
    assert facebook["owner"] == "ministry" and facebook["bio"] is None
    assert "missing-field" in codes(advice)  # the ministry's account is asked for
    named = advise(
        session_factory(platforms__facebook={"use": True, "ministry_account": "ministerievws"}),
        rulebook,
    )
    assert config(named, "facebook")["handle"] == "ministerievws"


def test_facebook_own_page_is_the_departments_choice(session_factory, rulebook):
    page = advise(
        session_factory(platforms__facebook={"use": True, "form": "page", "account": "new"}),
        rulebook,
    )
    assert config(page, "facebook")["owner"] == "ministry"
    assert config(page, "facebook")["avatar_rijkslogo"] is True
    own = {"use": True, "form": "own", "handle": "elanor.boekholt"}
    hybrid = advise(
        session_factory(variant="hybrid", motivation="m", platforms__facebook=own), rulebook
    )
    assert config(hybrid, "facebook")["owner"] == "minister"
    assert config(hybrid, "facebook")["civil_service_support"] == "shared"
    # A corporate minister's own Facebook account (reading 15): supported the hybrid way, with a
    # warning that the advice is the ministry's account; never an ownership conflict.
    corporate = advise(session_factory(platforms__facebook=own), rulebook)
    assert config(corporate, "facebook")["civil_service_support"] == "shared"
    assert config(corporate, "facebook")["avatar_rijkslogo"] is False
    assert config(corporate, "facebook")["party_content"] == "marked"
    assert config(corporate, "facebook")["party_hashtag"] == "#TeamCDA"
    assert "account-owner-conflict" not in codes(corporate)
    assert "facebook-own-account" in codes(corporate)


# --- handles and names ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("office", "ministry", "post", "expected"),
    [
        ("minister_president", "AZ", "", "MinPres"),
        ("minister", "LVVN", "", "MinisterLVVN"),
        ("state_secretary", "EZK", "Mijnbouw", "StasMijnbouw"),
        ("state_secretary", "EZK", "Klimaat en Groene Groei", "StasKGG"),
        ("state_secretary", "Fin", "", "StasFin"),
        ("minister", "BZK", "Volkshuisvesting en Ruimtelijke Ordening", "MinisterVRO"),
    ],
)
def test_suggested_corporate_handles(office, ministry, post, expected, session_factory, rulebook):
    advice = advise(
        session_factory(
            minister__office=office,
            minister__ministry=ministry,
            minister__post=post,
            platforms__x={"use": True, "account": "new"},
            platforms__instagram={"use": True, "account": "new"},
        ),
        rulebook,
    )
    assert config(advice, "x")["handle"] == expected
    assert config(advice, "instagram")["handle"] == expected.lower()
    assert "handle-invalid" not in codes(advice)


def test_meta_archive_account_name(session_factory, rulebook):
    session = session_factory(
        minister__office="minister_president",
        minister__ministry="AZ",
        platforms__instagram__handle="minpres",
        predecessor={"name": "Mark Rutte", "variant": "corporate", "archiving_arranged": True},
    )
    instagram = advise(session, rulebook).platforms["instagram"]
    assert instagram.config.archive_account == "minpresrutte"
    assert instagram.archive_url == "https://www.instagram.com/minpresrutte/"
    session.set("predecessor.name", "Jaimi van Essen")
    assert (
        advise(session, rulebook).configuration["platforms"]["instagram"]["archive_account"]
        == "minpresvanessen"
    )
    session.set("platforms.instagram.archive_account", "minpres.archief")
    assert config(advise(session, rulebook), "instagram")["archive_account"] == "minpres.archief"


def test_party_hashtag_derived_and_overridden(session_factory, rulebook):
    session = session_factory(variant="hybrid", motivation="m", minister__party="GroenLinks-PvdA")
    assert config(advise(session, rulebook), "x")["party_hashtag"] == "#TeamGroenLinksPvdA"
    session.set("minister.party_hashtag", "#TeamGLPvdA")
    assert config(advise(session, rulebook), "x")["party_hashtag"] == "#TeamGLPvdA"


def test_bio_drafts_fit_every_platform_limit(session_factory, rulebook):
    for office, ministry, post in (
        ("minister", "LVVN", ""),
        ("state_secretary", "BZK", "Koninkrijksrelaties en Digitalisering"),
        ("minister_president", "AZ", ""),
    ):
        for variant in ("corporate", "hybrid"):
            session = session_factory(
                variant=variant,
                motivation="m",
                minister__office=office,
                minister__ministry=ministry,
                minister__post=post,
                platforms__linkedin={"use": True},
                platforms__facebook={"use": True, "form": "page"},
            )
            advice = advise(session, rulebook)
            for platform in advice.platforms.values():
                bio, limit = platform.config.bio, platform.limits["bio"].max
                assert bio is None or len(bio) <= limit, (office, variant, platform.key, bio)
            assert not codes(advice) & {"bio-too-long", "bio-incomplete"}, advice.findings


# --- every finding code ---------------------------------------------------------------------


def _finding_cases(session_factory):
    long_bio = "Minister van VWS. Redactie en webcare: VWS. #MinVWS " + "x" * 200
    return {
        "missing-field": session_factory(minister__name=""),
        "unknown-ministry": session_factory(minister__ministry="XYZ"),
        "unknown-platform": session_factory(platforms__myspace={"use": True}),
        "handle-invalid": session_factory(platforms__x__handle="Minister VWS!"),
        "handle-party": session_factory(
            variant="hybrid", motivation="m", platforms__x__handle="ElanorCDA"
        ),
        "handle-not-office": session_factory(platforms__x__handle="HenkvdVeen"),
        "handle-not-personal": session_factory(
            variant="hybrid", motivation="m", platforms__x__handle="MinisterVWS"
        ),
        "bio-too-long": session_factory(platforms__x__bio=long_bio),
        "name-too-long": session_factory(platforms__x__display_name="N" * 51),
        "link-too-long": session_factory(platforms__x__link="https://example.org/" + "a" * 90),
        "bio-incomplete": session_factory(platforms__x__bio="Hallo!"),
        "bio-party-reference": session_factory(platforms__x__bio="Minister, #TeamCDA"),
        "linkedin-profile-not-corporate": session_factory(
            platforms__linkedin={"use": True, "form": "profile", "handle": "eboekholt"}
        ),
        "own-account-not-corporate": session_factory(
            personal_account=True, platforms__x__account="own"
        ),
        "account-owner-conflict": session_factory(platforms__x__account="own"),
        "takeover-needs-handle": session_factory(platforms__x={"use": True, "account": "takeover"}),
        "bio-no-ministry-account": session_factory(),
        "departure-not-agreed": session_factory(variant="hybrid", motivation="m"),
        "political-assistant-access": session_factory(
            access__people="Webcareteam VWS en de politiek assistent"
        ),
        "archive-not-arranged": session_factory(
            predecessor={"name": "Fleur Agema", "variant": "corporate", "archiving_arranged": False}
        ),
        "archive-account-invalid": session_factory(
            predecessor={"name": "Fleur Agema", "variant": "corporate", "archiving_arranged": True},
            platforms__instagram__archive_account="mini..vws",
        ),
        "hybrid-needs-motivation": session_factory(variant="hybrid"),
        "personal-needs-motivation": session_factory(variant="personal"),
        "personal-account-needs-corporate": session_factory(
            variant="hybrid", motivation="m", personal_account=True
        ),
        "election-period": session_factory(election_period=True),
        "consequences-not-acknowledged": session_factory(acknowledged=[]),
        "no-platforms": session_factory(platforms={}),
        "minister-access": session_factory(access__minister_access=True),
        "handle-suggested": session_factory(platforms__x={"use": True, "account": "new"}),
        "secret-in-text": session_factory(access__authenticator_handover="PIN: 0000"),
        "facebook-own-account": session_factory(
            platforms__facebook={"use": True, "form": "own", "handle": "elanor.boekholt"}
        ),
        "handle-characters": session_factory(platforms__x__ministry_account="min vws!"),
        "rvd-handle-unknown": session_factory(
            minister__office="", platforms__instagram={"use": True, "account": "new"}
        ),
        "sworn-in-long-ago": session_factory(minister__sworn_in="2025-11-01"),
        "text-not-one-line": session_factory(conversation__place="Den Haag\nRotterdam"),
        "text-too-long": session_factory(conversation__notes="x" * 7000),
        "personal-phone-number": session_factory(conversation__notes="Bel haar op 06-12345678."),
    }


def test_every_finding_code_in_the_catalogue_is_tested(rulebook, session_factory):
    assert set(_finding_cases(session_factory)) >= set(rulebook.data["findings"]) - {
        "unconfirmed-fact"
    }


@pytest.mark.parametrize(
    "code",
    sorted(
        [
            "missing-field",
            "unknown-ministry",
            "unknown-platform",
            "handle-invalid",
            "handle-party",
            "handle-not-office",
            "handle-not-personal",
            "bio-too-long",
            "name-too-long",
            "link-too-long",
            "bio-incomplete",
            "bio-party-reference",
            "linkedin-profile-not-corporate",
            "own-account-not-corporate",
            "archive-not-arranged",
            "archive-account-invalid",
            "hybrid-needs-motivation",
            "personal-needs-motivation",
            "personal-account-needs-corporate",
            "election-period",
            "consequences-not-acknowledged",
            "no-platforms",
            "minister-access",
            "handle-suggested",
            "account-owner-conflict",
            "takeover-needs-handle",
            "bio-no-ministry-account",
            "departure-not-agreed",
            "political-assistant-access",
            "secret-in-text",
            "facebook-own-account",
            "handle-characters",
            "rvd-handle-unknown",
            "sworn-in-long-ago",
            "text-not-one-line",
            "text-too-long",
            "personal-phone-number",
        ]
    ),
)
def test_finding_is_raised_with_its_source(code, session_factory, rulebook):
    advice = advise(_finding_cases(session_factory)[code], rulebook)
    found = [finding for finding in advice.findings if finding.code == code]
    assert found, advice.findings
    for finding in found:
        assert finding.message and finding.path and finding.source
        assert all(rulebook.statement(statement_id) for statement_id in finding.source)
        assert finding.severity in ("error", "warning", "info")


def test_a_complete_corporate_session_has_no_errors(session_factory, rulebook):
    """Complete: every answer given (the accounts too) and every consequence discussed."""
    session = session_factory(
        platforms__x__account="new",
        platforms__instagram__account="new",
        acknowledged=[
            "corporate-no-party-content",
            "corporate-ownership",
            "corporate-no-party-staff",
            "corporate-light-content",
        ],
    )
    advice = advise(session, rulebook)
    assert advice.errors == [] and not advice.is_concept
    assert "consequences-not-acknowledged" not in codes(advice)
    # An answer left open, or a consequence not discussed, keeps the documents a concept.
    session.set("platforms.x.account", None)
    assert advise(session, rulebook).is_concept
    session.set("platforms.x.account", "new")
    session.set("acknowledged", ["corporate-ownership"])
    assert advise(session, rulebook).is_concept


def test_findings_list_errors_first(session_factory, rulebook):
    advice = advise(session_factory(minister__name="", platforms__x__handle="bad handle"), rulebook)
    severities = [finding.severity for finding in advice.findings]
    assert severities == sorted(severities, key=["error", "warning", "info"].index)
    assert advice.is_concept


def test_missing_field_severities_follow_design(rulebook):
    session = parse_session("format: adviesgesprek/1\n")
    advice = advise(session, rulebook)
    errors = {
        f.path for f in advice.findings if f.code == "missing-field" and f.severity == "error"
    }
    assert errors == {"minister.name", "minister.office", "minister.ministry", "variant"}
    warnings = {
        f.path for f in advice.findings if f.code == "missing-field" and f.severity == "warning"
    }
    assert {"conversation.advisor", "conversation.date", "minister.sworn_in"} <= warnings


def test_unconfirmed_limits_warn_instead_of_block(session_factory, rulebook):
    advice = advise(
        session_factory(
            platforms__facebook={
                "use": True,
                "form": "page",
                "bio": "Minister. Redactie, webcare, #MinVWS " + "y" * 120,
            }
        ),
        rulebook,
    )
    too_long = [f for f in advice.findings if f.code == "bio-too-long"]
    assert too_long and too_long[0].severity == "warning"
    assert "niet bevestigd" in too_long[0].message


def test_new_x_handles_shorter_than_four_characters_only_warn(session_factory, rulebook):
    advice = advise(session_factory(platforms__x__handle="VWS"), rulebook)
    invalid = [f for f in advice.findings if f.code == "handle-invalid"]
    assert [f.severity for f in invalid] == ["warning"]


# --- checklist ------------------------------------------------------------------------------


def checklist_ids(advice):
    return [item.id for item in advice.checklist]


def test_checklist_without_predecessor_has_no_old_account_items(session_factory, rulebook):
    advice = advise(session_factory(), rulebook)
    assert not [item for item in advice.checklist if item.group == "predecessor"]
    assert "meta-archive-account" not in checklist_ids(advice)


def test_checklist_corporate_predecessor(session_factory, rulebook):
    advice = advise(
        session_factory(
            predecessor={"name": "Fleur Agema", "variant": "corporate", "archiving_arranged": True}
        ),
        rulebook,
    )
    ids = checklist_ids(advice)
    assert {
        "old-delete-posts",
        "meta-archive-account",
        "meta-urls-to-rvd",
        "meta-swap",
        "old-refer-to-archive",
    } <= set(ids)
    # Answered in the conversation, so not asked again; the accounts are taken over, so the
    # new minister's bio replaces the predecessor's.
    assert not {"old-contact-rddi", "old-archiving-check", "old-adjust-bio"} & set(ids)
    delete = next(item for item in advice.checklist if item.id == "old-delete-posts")
    assert delete.platform == "x" and delete.moment == "before" and "@MinisterVWS" in delete.text
    swap = next(item for item in advice.checklist if item.id == "meta-archive-account")
    assert swap.platform == "instagram" and "@ministervwsagema" in swap.text


def test_checklist_archiving_not_arranged_adds_rddi_contact(session_factory, rulebook):
    advice = advise(
        session_factory(
            predecessor={"name": "Fleur Agema", "variant": "corporate", "archiving_arranged": False}
        ),
        rulebook,
    )
    assert "old-contact-rddi" in checklist_ids(advice)


def test_checklist_hybrid_predecessor_branch(session_factory, rulebook):
    advice = advise(
        session_factory(predecessor={"name": "Hans Vijlbrief", "variant": "hybrid"}), rulebook
    )
    ids = checklist_ids(advice)
    assert {
        "old-hybrid-take-or-keep",
        "old-hybrid-webcare-duration",
        "old-hybrid-two-factor",
        "old-hybrid-archive",
    } <= set(ids)
    assert "old-delete-posts" not in ids and "meta-archive-account" not in ids


def test_checklist_items_have_owner_and_moment(session_factory, rulebook):
    advice = advise(
        session_factory(
            variant="hybrid",
            motivation="m",
            predecessor={"name": "Hans Vijlbrief", "variant": "hybrid"},
        ),
        rulebook,
    )
    for item in advice.checklist:
        assert item.owner in rulebook.data["owners"]
        assert item.moment in rulebook.data["moments"]
    owners = {item.owner for item in advice.checklist}
    assert {"communicatie", "webcare", "rvd", "political_assistant"} <= owners


def test_verification_items_name_who_arranges_it(session_factory, rulebook):
    advice = advise(session_factory(), rulebook)
    by_platform = {
        item.platform: item.owner
        for item in advice.checklist
        if item.id.startswith("new-verification")
    }
    assert by_platform == {"x": "communicatie", "instagram": "rvd"}


def test_no_text_asks_for_a_password(session_factory, rulebook):
    advice = advise(session_factory(), rulebook)
    texts = [item.text for item in advice.checklist] + [
        clause.text for section in advice.clauses.values() for clause in section
    ]
    assert any("authenticator" in text_ for text_ in texts)
    assert not any("wachtwoord:" in text_.lower() for text_ in texts)


def test_an_own_account_is_suggested_its_existing_handle(session_factory, rulebook):
    own = {"use": True, "account": "own"}
    session = session_factory(
        variant="hybrid",
        motivation="m",
        platforms__x=dict(own, existing_handle="ElanorBO"),
        platforms__instagram=own,
    )
    advice = advise(session, rulebook)
    assert advice.platforms["x"].handle_suggestion == "ElanorBO"
    assert advice.platforms["instagram"].handle_suggestion != "ElanorBO"
    # Not when it breaks the platform's rules or names the party.
    session.set("platforms.x.existing_handle", "Elanor_CDA")
    assert advise(session, rulebook).platforms["x"].handle_suggestion != "Elanor_CDA"
    # Never for an account of the post.
    corporate = session_factory(
        platforms__x={"use": True, "account": "new", "existing_handle": "ElanorBO"}
    )
    assert advise(corporate, rulebook).platforms["x"].handle_suggestion == "MinisterVWS"
