"""Handle checks (wizard/core/handles.py): party names in a handle, handles that name an office,
the findings handle-party, handle-not-office and handle-not-personal, and suggestions."""

from __future__ import annotations

import copy
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wizard.core import handles
from wizard.core.engine import advise
from wizard.core.rulebook import Rulebook, load_rulebook
from wizard.core.schema import first_error, load_schema
from wizard.core.session import new_session
from wizard.paths import resources_dir

SEATED_2025 = [
    "PVV",
    "GL-PvdA",
    "D66",
    "VVD",
    "CDA",
    "JA21",
    "FvD",
    "BBB",
    "DENK",
    "SGP",
    "PvdD",
    "CU",
    "SP",
    "50PLUS",
    "Volt",
]


def codes(advice):
    return {finding.code for finding in advice.findings}


def found(advice, code):
    return [finding for finding in advice.findings if finding.code == code]


# --- the data -------------------------------------------------------------------------------


def test_the_parties_seated_in_2025_are_listed_with_their_source(rulebook):
    parties = rulebook.data["parties"]
    assert set(SEATED_2025) <= set(parties)
    for entry in parties.values():
        assert entry["name"] and entry["short"]
        assert entry["source"] and entry["as_of"] and isinstance(entry["confirmed"], bool)


def test_lnv_is_an_alias_of_lvvn_as_in_002(rulebook):
    assert rulebook.ministry_key("LNV") == "LVVN"


@pytest.mark.parametrize(
    "change",
    [
        lambda r: r["office_handle_patterns"]["minister"].append("minister{office}"),
        lambda r: r["office_handle_patterns"]["minister"].append("Minister{ministry}"),
        lambda r: r["office_handle_patterns"].update(mayor=["burgemeester"]),
        lambda r: r["handle_checks"][0].update(flag="anything"),
        lambda r: r["parties"]["D66"].pop("source"),
        lambda r: r["party_matching"].update(token_max_length="3"),
    ],
)
def test_the_schema_refuses_what_the_code_cannot_use(change, rulebook):
    schema = load_schema(resources_dir() / "schemas" / "rulebook.schema.json")
    data = json.loads(json.dumps(rulebook.data, default=str))
    assert first_error(data, schema) is None
    change(data)
    assert first_error(data, schema) is not None


def test_a_department_overlay_changes_parties_and_patterns(tmp_path, rulebook):
    overlay = tmp_path / "regels.yaml"
    overlay.write_text(
        """
parties:
  LB: {name: "Lokaal Belang", short: "LB", aliases: ["Lokaalbelang"], source: "eigen lijst",
       as_of: 2026-03-18, confirmed: false}
office_handle_patterns:
  minister: ["minister{ministry}"]
""",
        encoding="utf-8",
    )
    department = load_rulebook(overlay)
    assert handles.find_party("henk_lb", "Lokaalbelang", department) == "LB"
    assert handles.find_party("henk_lb", "Lokaalbelang", rulebook) is None
    fin = minister("minister", "Fin")
    assert handles.names_own_office("MinFin", fin, rulebook) is True
    assert handles.names_own_office("MinFin", fin, department) is False


# --- words in a handle ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("handle", "name", "expected"),
    [
        ("henk_sp", "SP", True),
        ("HenkSP", "SP", True),
        ("SPHenk", "SP", True),
        ("sp", "SP", True),
        ("henk.sp.nl", "SP", True),
        ("henk-sp", "SP", True),
        ("Spijker", "SP", False),
        ("henksp", "SP", False),
        ("Hesp", "SP", False),
        ("RobJettenD66", "D66", True),
        ("D66Rob", "D66", True),
        ("rob_d66", "D66", True),
        ("robjettend66", "D66", False),
        ("D666", "D66", False),
        ("Cusack", "CU", False),
        ("CUiterwijk", "CU", False),
        ("henk.cu", "CU", True),
        ("Gloria", "GL", False),
        ("HenkGL", "GL", True),
        ("jessegroenlinks", "GroenLinks", True),
        ("Jesse_Groen_Links", "GroenLinks", True),
        ("henk_pvdd", "PvdD", True),
        ("HENKPVDD", "PvdD", True),
        ("henk", "", False),
        ("henk", "---", False),
    ],
)
def test_contains_name(handle, name, expected):
    assert handles.contains_name(handle, name, 3) is expected


@pytest.mark.parametrize(
    ("handle", "index", "expected"),
    [
        ("ab", 0, True),
        ("ab", 2, True),
        ("ab", 1, False),
        ("a_b", 1, True),
        ("a_b", 2, True),
        ("a1", 1, True),
        ("1a", 1, True),
        ("aB", 1, True),
        ("Ab", 1, False),
        ("ABc", 1, True),
        ("ABC", 1, False),
        ("AB", 1, False),
    ],
)
def test_is_boundary(handle, index, expected):
    assert handles.is_boundary(handle, index) is expected


# --- parties --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("handle", "party", "name"),
    [
        ("JesseGroenLinks", "GroenLinks-PvdA", "GroenLinks"),
        ("jessegroenlinks", "GroenLinks-PvdA", "GroenLinks"),
        ("jessegroenlinks", "GL-PvdA", "GroenLinks"),
        ("JesseGroenLinks", "PvdA", "GroenLinks"),
        ("henk_glpvda", "GroenLinks-PvdA", "GL-PvdA"),
        ("HenkPvdA", "GroenLinks-PvdA", "PvdA"),
        ("henk_gl", "GroenLinks-PvdA", "GL"),
        ("partijvandearbeid_henk", "GroenLinks-PvdA", "Partij van de Arbeid"),
        ("henk_pvdd", "Partij voor de Dieren", "PvdD"),
        ("henk_pvdd", "PvdD", "PvdD"),
        ("Henk_Dieren", "Partij voor de Dieren", "Dieren"),
        ("RobJettenD66", "D66", "D66"),
        ("RobD66", "Democraten 66", "D66"),
        ("robdemocraten", "D66", "Democraten"),
        ("henk_sp", "SP", "SP"),
        ("henk_sp", "Socialistische Partij", "SP"),
        ("henk.cu", "ChristenUnie", "CU"),
        ("HenkChristenUnie", "CU", "ChristenUnie"),
        ("ElanorCDA", "CDA", "CDA"),
        ("CDAHenk", "CDA", "CDA"),
        ("TeamVVD", "VVD", "VVD"),
        ("vvd_henk", "VVD", "VVD"),
        ("HenkVolkspartij", "VVD", "Volkspartij"),
        ("Henk_PVV", "PVV", "PVV"),
        ("henkja21", "JA21", "JA21"),
        ("Henk50PLUS", "50PLUS", "50PLUS"),
        ("henk50plus", "50PLUS", "50PLUS"),
        ("HenkVolt", "Volt", "Volt"),
        ("henkdenk", "DENK", "DENK"),
        ("Henk_BBB", "BBB", "BBB"),
        ("henkboerburgerbeweging", "BBB", "BoerBurgerBeweging"),
        ("Henk_SGP", "SGP", "SGP"),
        ("FvDHenk", "FvD", "FvD"),
        ("henk_fvd", "Forum voor Democratie", "FvD"),
        ("henk_nsc", "NSC", "NSC"),
        # a party the rulebook does not list: its own name, parts and initials
        ("HenkNPN", "Nieuwe Partij Nederland", "NPN"),
        ("henk_piraten", "Piraten Partij", "Piraten"),
        ("HenkPvN", "Partij voor Nederland", "PvN"),
    ],
)
def test_a_handle_that_names_the_party(handle, party, name, rulebook):
    assert handles.find_party(handle, party, rulebook) == name


@pytest.mark.parametrize(
    ("handle", "party"),
    [
        ("Gloria", "GroenLinks-PvdA"),
        ("GloriaWekker", "GL-PvdA"),
        ("Spijker", "SP"),
        ("HenkSpijker", "Socialistische Partij"),
        ("Cusack", "CU"),
        ("CUiterwijk", "ChristenUnie"),
        ("HenkAppelman", "CDA"),
        ("JanChristensen", "CDA"),
        ("Decaan", "CDA"),
        ("Cdamaan", "CDA"),
        ("ElanorBoekholt", "CDA"),
        ("JaimivanEssen", "VVD"),
        ("EelcoHeinen", "VVD"),
        ("MinisterVWS", "VVD"),
        ("MinisterSZW", "SP"),
        ("StasIenW", "PVV"),
        ("MinPres", "D66"),
        ("HenkvdVeen", "Partij voor de Dieren"),
        ("Henk_Partij", "Partij voor de Dieren"),
        ("Vrijheid_Henk", "PVV"),
        ("henk_forum", "FvD"),
        ("HenkNederland", "Volt"),
        ("RobJetten", "D66"),
        ("rob66", "D66"),
        ("henk", ""),
        ("henk", "   "),
    ],
)
def test_a_handle_that_does_not_name_the_party(handle, party, rulebook):
    assert handles.find_party(handle, party, rulebook) is None


def test_party_names_of_a_listed_party(rulebook):
    names = handles.party_names("GroenLinks-PvdA", rulebook)
    assert {
        "GroenLinks-PvdA",
        "GL-PvdA",
        "GroenLinks",
        "PvdA",
        "Partij van de Arbeid",
        "GL",
    } <= set(names)
    assert "GP" not in names  # GroenLinks-PvdA joins two names
    lengths = [len(handles.squash(name)) for name in names]
    assert lengths == sorted(lengths, reverse=True)
    assert handles.party_names("pvda", rulebook) == names
    assert handles.party_names("Groenlinks PvdA", rulebook) != []


def test_party_names_of_an_unlisted_party_are_its_own(rulebook):
    names = handles.party_names("Belang van Nederland", rulebook)
    assert names == ["Belang van Nederland", "BvN"]  # "belang" is an ignored word
    assert handles.party_names("Democraten 66", rulebook)[-1] == "D66"
    assert handles.party_names("", rulebook) == []
    assert all(
        not handles.squash(name).isdigit() for name in handles.party_names("Lijst 2021", rulebook)
    )


def test_initials_follow_dutch_usage(rulebook):
    bare = Rulebook(data=dict(rulebook.data, parties={}))  # no party listed: all derived
    for name, initials in [
        ("Partij voor de Dieren", "PvdD"),
        ("Socialistische Partij", "SP"),
        ("Staatkundig Gereformeerde Partij", "SGP"),
        ("Christen-Democratisch Appèl", "CDA"),
        ("Democraten 66", "D66"),
        ("Nieuw Sociaal Contract", "NSC"),
        ("Forum voor Democratie", "FvD"),
    ]:
        assert handles.party_names(name, bare)[-1] == initials, name
    assert handles.party_names("GroenLinks-PvdA", bare) == ["GroenLinks-PvdA", "GroenLinks", "PvdA"]


# --- offices --------------------------------------------------------------------------------


def minister(office, ministry="", post="", party=""):
    return {"office": office, "ministry": ministry, "post": post, "party": party}


@pytest.mark.parametrize(
    ("handle", "office", "ministry", "post", "expected"),
    [
        ("MinPres", "minister_president", "AZ", "", True),
        ("minpres", "minister_president", "AZ", "", True),
        ("minister-president", "minister_president", "AZ", "", True),
        ("Premier", "minister_president", "AZ", "", True),
        ("MinPres_Archief", "minister_president", "AZ", "", True),
        ("MinisterAZ", "minister_president", "AZ", "", False),
        ("RobJetten", "minister_president", "AZ", "", False),
        ("MinisterLVVN", "minister", "LVVN", "", True),
        ("ministerlvvn", "minister", "LVVN", "", True),
        ("MinisterLNV", "minister", "LVVN", "", True),
        ("ministerlnv", "minister", "LVVN", "", True),
        ("Minister_LVVN", "minister", "LVVN", "", True),
        ("MinLVVN", "minister", "LVVN", "", True),
        ("MinisterLandbouw", "minister", "LVVN", "", True),
        ("MinisterLVVN2026", "minister", "LVVN", "", True),
        ("MinisterLVVNHenk", "minister", "LVVN", "", True),
        ("ministerBZK", "minister", "BZK", "", True),
        ("MinisterJenV", "minister", "JenV", "", True),
        ("MinisterJV", "minister", "J&V", "", True),
        ("MinisterFinancien", "minister", "Fin", "", True),
        ("HenkvdVeen", "minister", "LVVN", "", False),
        ("MinisterVWS", "minister", "LVVN", "", False),
        ("MinPres", "minister", "LVVN", "", False),
        ("MinkeSmit", "minister", "LVVN", "", False),
        ("ministerlvvnhenk", "minister", "LVVN", "", False),
        ("StasLVVN", "minister", "LVVN", "", False),
        ("StasMijnbouw", "state_secretary", "EZK", "Mijnbouw", True),
        ("stasmijnbouw", "state_secretary", "EZK", "Mijnbouw", True),
        ("StaatssecretarisMijnbouw", "state_secretary", "EZK", "Mijnbouw", True),
        ("StasEZK", "state_secretary", "EZK", "Mijnbouw", True),
        ("MinisterEZK", "state_secretary", "EZK", "Mijnbouw", False),
        ("JaimivanEssen", "state_secretary", "EZK", "Mijnbouw", False),
        ("StasKGG", "state_secretary", "EZK", "Klimaat en Groene Groei", True),
        ("StasKlimaat", "state_secretary", "EZK", "Klimaat en Groene Groei", True),
        ("StasKlimaatGroeneGroei", "state_secretary", "EZK", "Klimaat en Groene Groei", True),
        ("StasFin", "state_secretary", "Fin", "", True),
        ("stasienw", "state_secretary", "IenW", "", True),
        ("Stassen", "state_secretary", "Fin", "", False),
        ("MinisterVRO", "minister", "BZK", "Volkshuisvesting en Ruimtelijke Ordening", True),
        # A "minister voor" has a handle of the post; MinisterBZK is the minister of BZK's
        # (reading 14).
        ("MinisterBZK", "minister", "BZK", "Volkshuisvesting en Ruimtelijke Ordening", False),
    ],
)
def test_names_own_office(handle, office, ministry, post, expected, rulebook):
    assert handles.names_own_office(handle, minister(office, ministry, post), rulebook) is expected


@pytest.mark.parametrize(
    ("handle", "who"),
    [
        ("HenkvdVeen", minister("")),  # no office
        ("HenkvdVeen", minister("minister", "")),  # no ministry
        ("HenkvdVeen", minister("minister", "XYZ")),  # unknown ministry
        ("HenkvdVeen", minister("state_secretary", "", "Mijnbouw")),  # post, no ministry
        ("HenkvdVeen", {}),
    ],
)
def test_names_own_office_unknown_when_the_session_does_not_say(handle, who, rulebook):
    assert handles.names_own_office(handle, who, rulebook) is None


def test_a_post_alone_is_enough_when_the_handle_names_it(rulebook):
    assert handles.names_own_office(
        "StasKGG", minister("state_secretary", "", "Klimaat en Groene Groei"), rulebook
    )


@pytest.mark.parametrize(
    ("handle", "named"),
    [
        ("MinisterLVVN", "MinisterLVVN"),
        ("ministerlnv", "ministerlnv"),
        ("MinPres", "MinPres"),
        ("minpres", "minpres"),
        ("minister-president", "minister-president"),
        ("PremierJetten", "Premier"),
        ("StasFin", "StasFin"),
        ("stasienw", "stasienw"),
        ("ministerBZK", "ministerBZK"),
        ("MinFin", "MinFin"),
        ("Min_VWS", "Min_VWS"),
        ("StaatssecretarisJenV", "StaatssecretarisJenV"),
        ("MinisterDefensie", "MinisterDefensie"),
        ("MinisterOCW_Henk", "MinisterOCW"),
        ("StasMijnbouw", "StasMijnbouw"),
        ("MinisterMijnbouw", "MinisterMijnbouw"),
    ],
)
def test_named_office(handle, named, rulebook):
    who = minister("state_secretary", "EZK", "Mijnbouw")
    assert handles.named_office(handle, who, rulebook) == named


@pytest.mark.parametrize(
    "handle",
    [
        "MinkeSmit",
        "minke.smit",
        "Minou_Jansen",
        "Mindy",
        "Stassen",
        "StasjaJansen",
        "Premiere",
        "AdminPres",
        "HenkvdVeen",
        "JaimivanEssen",
        "ElanorBoekholt",
        "ministerievws",
        "Ministerie",
        "HenkMinisterLVVN",
        "minimaal",
        "MinisterXYZ",
    ],
)
def test_not_named_office(handle, rulebook):
    assert handles.named_office(handle, minister("minister", "LVVN"), rulebook) is None


def test_a_post_counts_only_for_the_minister_who_holds_it(rulebook):
    assert handles.named_office("StasMijnbouw", minister("minister", "LVVN"), rulebook) is None


def test_office_key(rulebook):
    assert handles.office_key(minister("minister_president", "AZ", "iets")) == "minister_president"
    assert handles.office_key(minister("minister", "BZK", "Wonen")) == "minister_post"
    assert handles.office_key(minister("state_secretary", "Fin")) == "state_secretary"
    assert handles.office_key(minister("koning")) is None


# --- suggestions ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("candidate", "kind", "who", "fits"),
    [
        ("MinisterVWS", "office", minister("minister", "VWS", party="CDA"), True),
        ("HenkvdVeen", "office", minister("minister", "VWS", party="CDA"), False),
        ("MinPres", "office", minister("minister", "VWS", party="CDA"), False),
        ("HenkvdVeen", "office", minister("minister", "", party="CDA"), True),  # cannot know
        ("StasSP", "office", minister("state_secretary", "VWS", "Sport en Preventie", "SP"), False),
        ("ElanorBoekholt", "person", minister("minister", "VWS", party="CDA"), True),
        ("MinkeSmit", "person", minister("minister", "VWS", party="CDA"), True),
        ("ElanorCDA", "person", minister("minister", "VWS", party="CDA"), False),
        ("MinisterVWS", "person", minister("minister", "VWS", party="CDA"), False),
        ("HenkVolt", "person", minister("minister", "VWS", party="Volt"), False),
        ("rijksoverheid", "ministry_account", minister("minister", "VWS", party="CDA"), True),
    ],
)
def test_suggestion_fits(candidate, kind, who, fits, rulebook):
    assert handles.suggestion_fits(candidate, kind, {"minister": who}, rulebook) is fits


# --- the checks ---------------------------------------------------------------------------


def context(variant, handle_kind, who, party=""):
    return {
        "variant": variant,
        "config": {"handle_kind": handle_kind},
        "minister": who,
        "values": {"platform_label": "X", "party": party, "short_title": "Minister van VWS"},
    }


def test_handle_issues_fill_in_the_message(rulebook):
    who = minister("minister", "LVVN", party="GroenLinks-PvdA")
    issues = handles.handle_issues(
        "JesseGroenLinks", context("hybrid", "person", who, "GroenLinks-PvdA"), rulebook
    )
    assert [issue.code for issue in issues] == ["handle-party"]
    assert "'@JesseGroenLinks'" in issues[0].message and "'GroenLinks'" in issues[0].message
    assert "GroenLinks-PvdA" in issues[0].message and " X " in issues[0].message
    assert "{" not in issues[0].message
    assert all(rulebook.statement(statement_id) for statement_id in issues[0].source)


@pytest.mark.parametrize(
    ("variant", "kind", "handle", "expected"),
    [
        ("corporate", "office", "HenkvdVeen", ["handle-not-office"]),
        ("corporate", "office", "MinisterLVVN", []),
        ("corporate", "office", "MinisterLVVN_D66", ["handle-party"]),
        ("corporate", "person", "MinisterLVVN", []),  # corporate + LinkedIn profile
        ("corporate", "ministry_account", "rijksoverheid", []),
        ("corporate", "ministry_account", "D66", []),
        ("hybrid", "person", "MinisterLVVN", ["handle-not-personal"]),
        ("hybrid", "person", "ministerlnv", ["handle-not-personal"]),
        ("hybrid", "person", "HenkvdVeen", []),
        ("hybrid", "person", "HenkD66", ["handle-party"]),
        ("personal", "person", "MinisterLVVN", ["handle-not-personal"]),
        ("personal", "person", "HenkD66", []),  # no civil-service support at all
        ("hybrid", "person", "", []),
    ],
)
def test_which_check_applies(variant, kind, handle, expected, rulebook):
    who = minister("minister", "LVVN", party="D66")
    issues = handles.handle_issues(handle, context(variant, kind, who, "D66"), rulebook)
    assert [issue.code for issue in issues] == expected


# --- in the engine: the four handles of issue 10, and the examples -------------------------


def test_corporate_handle_that_does_not_name_the_office(session_factory, rulebook):
    advice = advise(
        session_factory(minister__ministry="LVVN", platforms__x__handle="HenkvdVeen"), rulebook
    )
    [finding] = [item for item in found(advice, "handle-not-office") if item.platform == "x"]
    assert (finding.severity, finding.path, finding.platform) == (
        "warning",
        "platforms.x.handle",
        "x",
    )
    assert "@HenkvdVeen" in finding.message and "Minister van LVVN" in finding.message
    assert "002-corporate-naming-office" in finding.source


def test_hybrid_handle_that_names_an_office(session_factory, rulebook):
    advice = advise(
        session_factory(
            variant="hybrid",
            motivation="m",
            minister__ministry="LVVN",
            platforms__x__handle="MinisterLVVN",
            platforms__x__account="own",
        ),
        rulebook,
    )
    [finding] = found(advice, "handle-not-personal")
    assert (finding.severity, finding.path) == ("warning", "platforms.x.handle")
    assert "'MinisterLVVN'" in finding.message
    assert "002-x-hybrid-handle-personal" in finding.source


def test_handle_with_a_part_of_the_party_name(session_factory, rulebook):
    advice = advise(
        session_factory(
            variant="hybrid",
            motivation="m",
            minister__party="GroenLinks-PvdA",
            platforms__x__handle="JesseGroenLinks",
        ),
        rulebook,
    )
    [finding] = found(advice, "handle-party")
    assert (finding.severity, finding.path) == ("error", "platforms.x.handle")
    assert "'GroenLinks'" in finding.message
    assert "002-checklist-new-hybrid-no-party-in-handle" in finding.source
    assert advice.is_concept


def test_handle_with_the_party_abbreviation(session_factory, rulebook):
    advice = advise(
        session_factory(
            minister__party="Partij voor de Dieren", platforms__instagram__handle="henk_pvdd"
        ),
        rulebook,
    )
    [finding] = found(advice, "handle-party")
    assert finding.path == "platforms.instagram.handle" and "'PvdD'" in finding.message


def test_ordinary_handles_give_none_of_these(session_factory, rulebook):
    corporate = advise(
        session_factory(
            platforms__x__handle="MinisterVWS", platforms__instagram__handle="ministervws"
        ),
        rulebook,
    )
    hybrid = advise(
        session_factory(
            variant="hybrid",
            motivation="m",
            platforms__x__handle="ElanorBoekholt",
            platforms__instagram__handle="elanor.boekholt",
        ),
        rulebook,
    )
    for advice in (corporate, hybrid):
        assert not codes(advice) & {"handle-party", "handle-not-office", "handle-not-personal"}


def test_the_ministry_account_is_not_checked_as_a_handle(session_factory, rulebook):
    advice = advise(
        session_factory(
            minister__party="Ministerie",
            platforms__facebook={
                "use": True,
                "form": "ministry_account",
                "ministry_account": "ministerievws",
            },
        ),
        rulebook,
    )
    assert not [
        f
        for f in advice.findings
        if f.path == "platforms.facebook.handle" and f.code.startswith("handle-")
    ]


NAMES = [
    "Elanor Boekholt-O'Sullivan",
    "Minke Smit",
    "Henk Volt",
    "Sander Dekker",
    "Chris Uiterwijk",
    "Jesse Klaver",
    "Stas Jansen",
]
PLACES = [
    ("minister_president", "AZ", ""),
    ("minister", "LVVN", ""),
    ("minister", "BZK", "Volkshuisvesting en Ruimtelijke Ordening"),
    ("state_secretary", "VWS", "Sport en Preventie"),
    ("state_secretary", "EZK", "Mijnbouw"),
    ("state_secretary", "Fin", ""),
]
PARTIES = ["SP", "Volt", "CDA", "GroenLinks-PvdA", "VVD", "Partij voor de Dieren", "CU", ""]


@settings(
    max_examples=80,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    name=st.sampled_from(NAMES),
    place=st.sampled_from(PLACES),
    party=st.sampled_from(PARTIES),
    variant=st.sampled_from(["corporate", "hybrid", "personal"]),
)
def test_suggestions_are_never_flagged(name, place, party, variant, session_factory, rulebook):
    office, ministry, post = place
    # Accounts without a handle, so that every handle is the rulebook's suggestion.
    account = "new" if variant == "corporate" else "own"
    session = session_factory(
        variant=variant,
        motivation="m",
        minister__name=name,
        minister__office=office,
        minister__ministry=ministry,
        minister__post=post,
        minister__party=party,
        platforms__x={"use": True, "account": account},
        platforms__instagram={"use": True, "account": account},
        platforms__linkedin={"use": True, "account": account},
        platforms__facebook={"use": True, "form": "page", "account": "new"},
    )
    advice = advise(session, rulebook)
    assert not codes(advice) & {"handle-party", "handle-not-office", "handle-not-personal"}, (
        advice.findings
    )


def test_a_suggestion_skips_the_post_initials_that_are_the_party(session_factory, rulebook):
    new = {"use": True, "account": "new"}
    advice = advise(
        session_factory(
            minister__office="state_secretary",
            minister__post="Sport en Preventie",
            minister__party="SP",
            platforms__x=new,
            platforms__instagram=new,
        ),
        rulebook,
    )
    assert advice.platforms["x"].handle_suggestion == "StasVWS"  # not StasSP
    assert advice.platforms["instagram"].handle_suggestion == "stasvws"  # nor stassp
    plain = advise(
        session_factory(
            minister__office="state_secretary",
            minister__post="Sport en Preventie",
            platforms__x=new,
            platforms__instagram=new,
        ),
        rulebook,
    )
    assert plain.platforms["x"].handle_suggestion == "StasSP"


def test_a_person_suggestion_skips_a_name_with_the_party_in_it(session_factory, rulebook):
    own = {"use": True, "account": "own"}
    advice = advise(
        session_factory(
            variant="hybrid",
            motivation="m",
            minister__name="Henk Volt",
            minister__party="Volt",
            platforms__x=own,
            platforms__instagram=own,
        ),
        rulebook,
    )
    assert advice.platforms["x"].handle_suggestion is None
    assert advice.platforms["x"].config.handle is None


# --- robustness -----------------------------------------------------------------------------

texts = st.text(max_size=40) | st.from_regex(r"[A-Za-z0-9_.\-]{0,20}", fullmatch=True)


@settings(max_examples=300, deadline=None)
@given(
    handle=texts,
    party=texts | st.sampled_from(SEATED_2025),
    post=texts,
    ministry=texts | st.sampled_from(["LVVN", "J&V", "EZK"]),
    office=st.sampled_from(["minister_president", "minister", "state_secretary", "", "x"]),
)
def test_arbitrary_text_never_breaks_the_checks(handle, party, post, ministry, office, rulebook):
    who = minister(office, ministry, post, party)
    name = handles.find_party(handle, party, rulebook)
    if name is not None:
        assert handles.squash(name) in handles.squash(handle)
    named = handles.named_office(handle, who, rulebook)
    if named is not None:
        assert handles.squash(handle).startswith(handles.squash(named))
    own = handles.names_own_office(handle, who, rulebook)
    if own:
        assert named is not None  # the own office's patterns are among all offices'
    assert own in (True, False, None)
    for kind in ("office", "person"):
        assert handles.suggestion_fits(handle, kind, {"minister": who}, rulebook) in (True, False)
    for issue in handles.handle_issues(handle, context("hybrid", "person", who, party), rulebook):
        assert issue.code in ("handle-party", "handle-not-personal") and issue.message


@settings(max_examples=200, deadline=None)
@given(
    before=st.from_regex(r"[a-z]{0,8}", fullmatch=True),
    after=st.from_regex(r"[a-z]{0,8}", fullmatch=True),
    party=st.sampled_from(SEATED_2025),
)
def test_a_party_name_between_separators_is_always_found(before, after, party, rulebook):
    short = rulebook.data["parties"][party]["short"]
    assert handles.find_party(f"{before}_{short}_{after}", party, rulebook) is not None
    assert handles.find_party(f"{before}_{short.lower()}", party, rulebook) is not None


@settings(max_examples=200, deadline=None)
@given(
    before=st.from_regex(r"[A-Za-z0-9]{0,8}", fullmatch=True),
    after=st.from_regex(r"[A-Za-z0-9]{0,8}", fullmatch=True),
    party=st.sampled_from(SEATED_2025),
)
def test_a_long_party_name_is_found_anywhere(before, after, party, rulebook):
    name = rulebook.data["parties"][party]["name"]
    assert (
        handles.find_party(f"{before}{name.replace(' ', '')}{after}", party, rulebook) is not None
    )


@settings(max_examples=200, deadline=None)
@given(rest=st.from_regex(r"[a-z][a-z0-9]{0,10}", fullmatch=True))
def test_a_handle_of_a_name_that_merely_starts_with_min_names_no_office(rest, rulebook):
    who = minister("minister", "LVVN")
    assume_no_ministry = not any(
        handles.squash(rest).startswith(handles.squash(alias))
        for key, entry in rulebook.ministries.items()
        for alias in [
            key,
            entry["abbr"],
            *entry.get("aliases", []),
            entry["name"].split()[0].rstrip(","),
        ]
    )
    if assume_no_ministry and not rest.startswith(("ister", "pres")):
        assert handles.named_office("Min" + rest, who, rulebook) is None


def test_the_rulebook_is_not_changed(rulebook):
    before = copy.deepcopy(rulebook.data)
    handles.handle_issues(
        "MinisterLVVN",
        context("hybrid", "person", minister("minister", "LVVN", "Wonen", "D66"), "D66"),
        rulebook,
    )
    handles.suggestion_fits(
        "HenkD66", "person", {"minister": minister("minister", "LVVN")}, rulebook
    )
    assert rulebook.data == before


# --- one proposed handle on every platform (issue 25: "@stashg" beside "@StasEZK") ------------

POSTS = ["", "Mijnbouw", "Herstel Groningen", "Klimaat en Groene Groei", "Volkshuisvesting"]
PROPOSING = {"minister_president": "AZ", "minister": "EZK", "state_secretary": "EZK"}


@pytest.mark.parametrize("office", sorted(PROPOSING))
@pytest.mark.parametrize("post", POSTS)
@pytest.mark.parametrize("variant", ["corporate", "hybrid"])
def test_the_proposed_handle_is_the_same_on_every_platform(office, post, variant, rulebook):
    """New accounts of one kind (of the post, or of the person) on X, Instagram and LinkedIn
    get the same proposal, in each platform's own letters, whenever the platforms' rules allow
    one form for all (they do for every office and post here)."""
    session = new_session()
    answers = {
        "minister.name": "Jan de Vries",
        "minister.office": office,
        "minister.ministry": PROPOSING[office],
        "minister.post": post,
        "variant": variant,
    }
    for platform in ("x", "instagram", "linkedin"):
        answers[f"platforms.{platform}.use"] = True
        answers[f"platforms.{platform}.account"] = "new"
    for path, value in answers.items():
        session.set(path, value)
    advice = advise(session, rulebook)
    by_kind: dict[str, dict[str, str]] = {}
    for key, account in advice.platforms.items():
        if account.handle_origin == "proposal":
            by_kind.setdefault(account.handle_kind, {})[key] = account.config.handle.casefold()
    assert by_kind, advice.platforms
    for proposed in by_kind.values():
        assert len(set(proposed.values())) == 1, by_kind
