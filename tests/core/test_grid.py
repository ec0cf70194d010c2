"""Invariants of the advice over the whole grid of choices (issue 10): variant × account kind ×
platform × predecessor × archiving arranged × change of cabinet × election time.

Each invariant is a rule the sources state for every situation, not only the common one. The grid
walks every account option of every platform (rotated over five platform set-ups), every kind of
predecessor (said or assumed), and the three archiving answers, for each variant, with and
without a change of cabinet and in and out of election time: 2,000 conversations.
"""

from __future__ import annotations

import itertools
import re

import pytest

from wizard.core.engine import advise
from wizard.core.session import new_session

# Every conversation of the grid is advised once per module (about 20 s).
pytestmark = pytest.mark.slow

VARIANTS = [("corporate", False), ("corporate", True), ("hybrid", False), ("personal", False)]
OPTIONS = {
    "x": [
        {"account": "takeover", "handle": "MinisterBZK"},
        {"account": "new"},
        {"account": "own", "handle": "EvadeVries"},
        {"account": "takeover"},
        None,
    ],
    "instagram": [
        {"account": "takeover", "handle": "ministerbzk"},
        {"account": "new"},
        {"account": "own", "handle": "evadevries"},
        None,
        {"account": "own", "handle": "evadevries", "archive_account": "oud.archief"},
    ],
    "linkedin": [
        {"form": "showcase", "account": "takeover", "handle": "minister-bzk"},
        {"form": "showcase", "account": "new"},
        {"form": "profile", "handle": "evadv"},
        None,
        {"form": "profile"},
    ],
    "facebook": [
        {"form": "ministry_account", "ministry_account": "ministeriebzk"},
        {"form": "page", "account": "new"},
        {"form": "page", "account": "takeover", "handle": "ministerbzk"},
        {"form": "own", "handle": "eva.devries"},
        None,
    ],
}
SETUPS = 5
PREDECESSORS = {
    "none": None,
    "corporate": {"name": "Hugo de Jonge", "variant": "corporate"},
    "corporate-said": {
        "name": "Hugo de Jonge",
        "variant": "corporate",
        "accounts": {
            "x": {"handle": "MinisterBZK", "kind": "office"},
            "instagram": {"handle": "ministerbzk", "kind": "office"},
            "linkedin": {"kind": "own"},
            "facebook": {"kind": "none"},
        },
    },
    "hybrid": {"name": "Hugo de Jonge", "variant": "hybrid"},
    "hybrid-with-office": {
        "name": "Hugo de Jonge",
        "variant": "hybrid",
        "accounts": {
            "x": {"handle": "HugodeJonge", "kind": "own"},
            "instagram": {"handle": "ministerbzk", "kind": "office"},
        },
    },
    "personal": {"name": "Hugo de Jonge", "variant": "personal"},
    "unnamed-office": {"variant": "corporate", "accounts": {"x": {"kind": "office"}}},
    # Re-appointed to the post (reading 12): the predecessor is the minister herself.
    "same-person": {"name": "Eva de Vries", "variant": "corporate"},
    "same-person-hybrid": {"name": "eva de  vries", "variant": "hybrid"},
}
ARCHIVING = [True, False, None]
OFFICE_ACTIONS = {"archive_and_delete", "meta_archive_swap"}
DELETE_ITEMS = {"old-delete-posts"}
SWAP_ITEMS = {
    "meta-archive-account",
    "meta-urls-to-rvd",
    "meta-urls-to-rvd-single",
    "meta-swap",
    "meta-no-posts-on-archive",
}


def _session(variant, personal, setup, predecessor, arranged, cabinet_change, election):
    session = new_session()
    for path, value in {
        "conversation.date": "2026-02-20",
        "conversation.advisor": "Sanne de Wit",
        "conversation.cabinet_change": cabinet_change,
        "minister.name": "Eva de Vries",
        "minister.office": "minister",
        "minister.ministry": "BZK",
        "minister.party": "CDA",
        "minister.sworn_in": "2026-02-23",
        "variant": variant,
        "personal_account": personal,
        "motivation": "Eigen keuze.",
        "election_period": election,
        "access.people": "Webcareteam BZK en de politiek assistent",
    }.items():
        session.set(path, value)
    for offset, (key, options) in enumerate(OPTIONS.items()):
        option = options[(setup + offset) % len(options)]
        if option is not None:
            session.set(f"platforms.{key}", {"use": True, **option})
    if predecessor is not None:
        data = dict(predecessor)
        if arranged is not None:
            data["archiving_arranged"] = arranged
        session.set("predecessor", data)
    return session


def _grid():
    for (variant, personal), setup, name, arranged, cabinet, election in itertools.product(
        VARIANTS, range(SETUPS), PREDECESSORS, ARCHIVING, (True, False), (True, False)
    ):
        if name == "none" and arranged is not None:
            continue
        yield (
            f"{variant}{'+personal' if personal else ''}-{setup}-{name}-{arranged}-"
            f"{'cabinet' if cabinet else 'single'}-{'election' if election else 'normal'}",
            _session(variant, personal, setup, PREDECESSORS[name], arranged, cabinet, election),
        )


@pytest.fixture(scope="module")
def grid(rulebook):
    return [(label, session, advise(session, rulebook)) for label, session in _grid()]


def test_the_grid_is_the_whole_grid(grid):
    assert len(grid) == 4 * SETUPS * (1 + (len(PREDECESSORS) - 1) * 3) * 2 * 2 == 2000
    kinds = {
        (advice.variant_key, platform.key, platform.kind)
        for _label, _session, advice in grid
        for platform in advice.platforms.values()
    }
    for variant in ("corporate", "hybrid", "personal"):
        for key, kind in (
            ("x", "office"),
            ("x", "own"),
            ("linkedin", "office"),
            ("linkedin", "own"),
            ("facebook", "ministry"),
            ("facebook", "office"),
            ("facebook", "own"),
        ):
            assert (variant, key, kind) in kinds


def _taken_over(advice, key):
    accounts = advice.predecessor.accounts if advice.predecessor else ()
    return next(
        (account for account in accounts if account.platform == key and account.taken_over), None
    )


def test_a_swap_deletion_or_rvd_row_only_concerns_an_office_account(grid):
    for label, _session, advice in grid:
        accounts = advice.predecessor.accounts if advice.predecessor else ()
        for key, platform in advice.platforms.items():
            if platform.config.archive_predecessor != "none":
                assert platform.kind == "office", label
                assert _taken_over(advice, key) is not None, label
        for account in accounts:
            if account.action in OFFICE_ACTIONS:
                assert account.kind == "office", label
        office_handles = {
            (account.platform, account.handle) for account in accounts if account.kind == "office"
        }
        own_handles = {
            (key, platform.config.handle)
            for key, platform in advice.platforms.items()
            if platform.kind == "own"
        }
        own_handles |= {
            (account.platform, account.handle) for account in accounts if account.kind == "own"
        }
        for request in advice.rvd_requests:
            if request.request == "meta_archive_swap":
                assert (request.platform, request.handle) in office_handles, label
                assert (request.platform, request.handle) not in own_handles, label
        swapped_or_deleted = {
            account.platform for account in accounts if account.action in OFFICE_ACTIONS
        }
        for item in advice.checklist:
            if item.id in DELETE_ITEMS | SWAP_ITEMS | {"old-delete-posts-after-archiving"}:
                assert item.platform in swapped_or_deleted, (label, item.text)


def test_the_owner_is_the_ministry_exactly_for_its_own_accounts(grid):
    for label, _session, advice in grid:
        for platform in advice.platforms.values():
            ministry_owned = platform.kind in ("office", "ministry")
            assert (platform.config.owner == "ministry") == ministry_owned, (label, platform.key)
            if ministry_owned:
                assert platform.config.party_content == "never", (label, platform.key)
                assert platform.config.party_hashtag is None, (label, platform.key)
            else:
                assert platform.config.avatar_rijkslogo is False, (label, platform.key)


def test_a_variant_that_does_not_fit_the_account_is_an_error(grid):
    for label, session, advice in grid:
        conflicts = {
            finding.platform
            for finding in advice.errors
            if finding.code == "account-owner-conflict"
        }
        for key, platform in advice.platforms.items():
            # Reading 15: a corporate minister's own Facebook account is supported, no conflict.
            expected = (
                platform.kind == "office" and advice.variant_key in ("hybrid", "personal")
            ) or (
                platform.kind == "own"
                and advice.variant_key == "corporate"
                and not session.get("personal_account")
                and platform.form not in ("profile", "own")
            )
            assert (key in conflicts) == expected, (label, key)


def test_a_corporate_predecessors_office_accounts_are_always_archived(grid):
    for label, _session, advice in grid:
        if not advice.predecessor or advice.predecessor.same_person:
            continue
        for account in advice.predecessor.accounts:
            if account.kind == "office":
                assert account.action in OFFICE_ACTIONS, label
        if advice.predecessor.variant == "corporate":
            # Every used X or Instagram account that is not a new account of the post has the
            # predecessor's account of the post beside it (said or assumed).
            for key in ("x", "instagram"):
                platform = advice.platforms.get(key)
                if platform and platform.account != "new":
                    assert advice.predecessor.on(key).kind == "office", (label, key)


def test_an_office_account_taken_over_is_archived_whatever_the_predecessor_was(grid):
    """Reading 11: the posts on an account of the post that the new minister takes over are
    archived (and emptied or swapped) also after a hybrid or personal predecessor."""
    for label, _session, advice in grid:
        if not advice.predecessor or advice.predecessor.same_person:
            continue
        for key, platform in advice.platforms.items():
            if platform.kind == "office" and platform.account == "takeover":
                assert platform.config.archive_predecessor in OFFICE_ACTIONS, (label, key)
                assert _taken_over(advice, key).action in OFFICE_ACTIONS, (label, key)


DEPARTURE_ITEMS = {
    "old-delete-posts",
    "old-delete-posts-after-archiving",
    "old-hybrid-take-or-keep",
    "old-hybrid-webcare-duration",
    "old-hybrid-two-factor",
    "meta-swap",
}


def test_a_minister_reappointed_keeps_everything_of_hers(grid):
    """Reading 12: when the predecessor is the minister herself, nothing of a departure applies:
    nothing is deleted, swapped or taken along, and an account she uses again goes on."""
    reappointed = [item for item in grid if item[2].predecessor and item[2].predecessor.same_person]
    assert reappointed
    for label, _session, advice in reappointed:
        for account in advice.predecessor.accounts:
            assert account.action in ("continues", "policy_content"), (label, account)
            if account.taken_over:
                assert account.action == "continues", (label, account)
        assert not {item.id for item in advice.checklist} & DEPARTURE_ITEMS, label
        assert not [r for r in advice.rvd_requests if r.request == "meta_archive_swap"], label
        assert not any("voorganger" in text for text in _texts(advice)), label


def test_nothing_is_deleted_while_archiving_is_not_arranged(grid):
    for label, _session, advice in grid:
        if not advice.predecessor or advice.predecessor.archiving_arranged is True:
            continue
        ids = {item.id for item in advice.checklist}
        assert not ids & DELETE_ITEMS, label
        deletes = [
            account
            for account in advice.predecessor.accounts
            if account.action == "archive_and_delete"
        ]
        if deletes:
            assert "archive-not-arranged" in {finding.code for finding in advice.errors}, label
            assert "old-contact-rddi" in ids, label
            assert advice.is_concept


def test_a_handle_is_never_invented_for_an_account_that_exists(grid):
    for label, session, advice in grid:
        for key, platform in advice.platforms.items():
            if platform.kind == "office" and platform.account == "takeover":
                given = session.get(f"platforms.{key}.handle")
                said = (session.get(f"predecessor.accounts.{key}") or {}).get("handle")
                assert platform.config.handle in (
                    given,
                    said,
                    None,
                    "MinisterBZK",
                    "ministerbzk",
                    "minister-bzk",
                ), label
                assert platform.handle_origin != "proposal", label
                if not platform.config.handle:
                    assert "takeover-needs-handle" in {f.code for f in advice.errors}, label


def test_every_rvd_request_is_backed_by_the_configuration(grid):
    for label, _session, advice in grid:
        configuration = advice.configuration
        for request in advice.rvd_requests:
            if request.request == "meta_archive_swap":
                entry = configuration["predecessor_accounts"][request.platform]
                if entry["kind"] != "office":
                    entry = entry["office_account"]
                assert entry["rvd_request"] and entry["kind"] == "office", label
                assert (entry["handle"] or "") == request.handle, label
            else:
                entry = configuration["platforms"][request.platform]
                assert entry["verification_by"] == "rvd", label
                assert (entry["handle"] or "") == request.handle, label


def test_every_rvd_verification_and_swap_is_a_request(grid):
    """Reading 13: every verification the RVD arranges and every archive swap is a request,
    a proposed handle marked as such and an unknown one as unknown (and a concept)."""
    for label, _session, advice in grid:
        wanted = {
            (key, "verification")
            for key, platform in advice.platforms.items()
            if platform.config.verification_by == "rvd"
        } | {
            (account.platform, "meta_archive_swap")
            for account in (advice.predecessor.accounts if advice.predecessor else ())
            if account.action == "meta_archive_swap"
        }
        requests = {(request.platform, request.request) for request in advice.rvd_requests}
        assert requests == wanted, label
        for request in advice.rvd_requests:
            if request.handle_status == "unknown":
                assert not request.handle and advice.is_concept, label
            if request.request == "verification":
                origin = advice.platforms[request.platform].handle_origin
                assert (request.handle_status == "proposal") == (origin == "proposal"), label


def test_outside_a_change_of_cabinet_the_rvd_does_not_verify(grid):
    for label, session, advice in grid:
        if session.get("conversation.cabinet_change"):
            continue
        assert all(
            platform.config.verification_by != "rvd" for platform in advice.platforms.values()
        ), label
        for text in _texts(advice):
            assert "kabinetswissel" not in text, (label, text)


def test_election_time_changes_what_is_agreed(grid):
    for label, session, advice in grid:
        supported = any(
            platform.config.civil_service_support != "none"
            for platform in advice.platforms.values()
        )
        election = [
            text
            for text in _texts(advice)
            if "erkiezingstijd" in text
            and text.startswith(("Het is verkiezingstijd", "Verkiezingstijd", "In verkiezingstijd"))
        ]
        if session.get("election_period") and supported and advice.variant_key != "personal":
            assert election, label
        if not session.get("election_period"):
            assert not election, label


def test_texts_name_only_platforms_and_a_predecessor_that_exist(grid, rulebook):
    labels = {key: platform["label"] for key, platform in rulebook.platforms.items()}
    for label, _session, advice in grid:
        present = set(advice.platforms)
        if advice.predecessor:
            present |= {account.platform for account in advice.predecessor.accounts}
        for text in _texts(advice):
            for key, name in labels.items():
                if key not in present:
                    assert not re.search(rf"\b{re.escape(name)}\b", text), (label, name, text)
            if advice.predecessor is None:
                assert "Hugo de Jonge" not in text, (label, text)
        if advice.predecessor is None:
            assert not [item for item in advice.checklist if item.group == "predecessor"]


def test_answers_that_do_not_apply_reach_no_document(grid):
    for label, _session, advice in grid:
        if advice.variant_key == "corporate":
            assert advice.motivation is None, label
        if advice.variant_key != "corporate":
            assert advice.personal_account is None, label
        if not any(
            platform.config.transfer_to_successor == "by_agreement"
            for platform in advice.platforms.values()
        ):
            assert advice.departure is None, label


def test_a_finding_that_forbids_an_answer_keeps_it_out_of_the_advice(grid):
    """Nothing a finding forbids is an arrangement: a party worker with access to an account of
    the post is not in `access`, a bio with a party reference is not configured."""
    for label, session, advice in grid:
        codes = {finding.code for finding in advice.findings}
        if "political-assistant-access" in codes:
            assert advice.access.people == "", label
            assert "access.people" in advice.withheld, label
        else:
            assert advice.access.people == (session.get("access.people") or "").strip() or (
                advice.inactive_reason("access.people")
            ), label
        for finding in advice.findings:
            if finding.code == "bio-party-reference":
                assert advice.platforms[finding.platform].config.bio is None, label


def _texts(advice) -> list[str]:
    return (
        [item.text for item in advice.checklist]
        + [clause.text for section in advice.clauses.values() for clause in section]
        + [item.text for item in advice.consequences]
        + [item.text for item in advice.attention_points]
    )
