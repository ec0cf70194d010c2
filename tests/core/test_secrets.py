"""Secrets in free text (wizard/core/secrets.py, resources/secret-patterns.yaml): realistic
phrasings are found and replaced, ordinary notes are left alone, the session never holds one,
no file the core writes contains one, and `secret-in-text` says where one was removed."""

from __future__ import annotations

import re

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.core.secret_corpus import NEGATIVE, POSITIVE
from wizard.core import secrets as secrets_module
from wizard.core.engine import advise
from wizard.core.secrets import find_secrets, patterns, redact, redact_tree
from wizard.core.session import load_session, new_session, parse_session, save_session
from wizard.paths import resources_dir

MARKER = "[niet bewaard]"


def _gone(text: str, value: str) -> bool:
    """The secret value is nowhere in the text (also not with other spacing)."""
    spaced = re.compile(r"\s+")
    return value not in text and spaced.sub(" ", value) not in spaced.sub(" ", text)


# --- the corpus ---------------------------------------------------------------------------


def test_the_corpus_is_large_and_in_both_languages():
    assert len(POSITIVE) >= 40 and len(NEGATIVE) >= 40
    english = re.compile(r"\b(the|is|password|code|key|for|are)\b", re.IGNORECASE)
    dutch = re.compile(r"\b(het|de|wachtwoord|wordt|van|pincode|herstelcodes?)\b", re.IGNORECASE)
    for corpus in ([text for text, *_ in POSITIVE], NEGATIVE):
        assert sum(bool(english.search(text)) for text in corpus) >= 10
        assert sum(bool(dutch.search(text)) for text in corpus) >= 10
    assert {kind for _text, kind, _values, _kept in POSITIVE} == set(patterns().kinds)


@pytest.mark.parametrize(
    ("text", "kind", "values", "kept"), POSITIVE, ids=[text[:40] for text, *_ in POSITIVE]
)
def test_a_secret_is_found_and_only_its_value_replaced(text, kind, values, kept):
    redacted, kinds = redact(text)
    assert kind in kinds, (redacted, kinds)
    assert kind in {secret.kind for secret in find_secrets(text)}
    for value in values:
        assert _gone(redacted, value), (value, redacted)
    for words in kept:
        assert words in redacted, (words, redacted)  # the note around it stays
    assert MARKER in redacted
    assert find_secrets(redacted) == []


@pytest.mark.parametrize("text", NEGATIVE, ids=[text[:40] for text in NEGATIVE])
def test_an_ordinary_note_is_left_alone(text):
    assert find_secrets(text) == [], [(s.rule, text[s.start : s.end]) for s in find_secrets(text)]
    assert redact(text) == (text, [])


def test_every_rule_is_needed_by_the_corpus_and_says_why():
    """Each rule of the data file explains itself and catches at least one phrasing."""
    used = {secret.rule for text, *_ in POSITIVE for secret in find_secrets(text)}
    for rule in patterns().rules:
        assert rule.id in used, f"no phrasing in the corpus needs rule {rule.id}"
        assert rule.kind in patterns().kinds
    data = yaml.safe_load((resources_dir() / "secret-patterns.yaml").read_text("utf-8"))
    for rule in data["rules"]:
        assert len(rule.get("why", "")) > 40, rule["id"]


def test_the_patterns_are_outside_the_rulebook_and_every_kind_has_a_dutch_name(rulebook):
    assert (resources_dir() / "secret-patterns.yaml").is_file()
    assert not (resources_dir() / "rulebook" / "secret-patterns.yaml").exists()
    names = rulebook.data["secret_in_text"]["kinds"]
    assert set(names) == set(patterns().kinds)
    assert "{kind}" in rulebook.data["secret_in_text"]["message"]
    finding = rulebook.finding("secret-in-text")
    assert finding["severity"] == "error"
    assert all(rulebook.statement(statement_id) for statement_id in finding["source"])


def test_the_name_of_a_field_can_announce_the_secret():
    """In a hand-edited file the key says what the value is: `wachtwoord_x: Geheim123!`."""
    assert redact("Geheim123!", "wachtwoord_x") == (MARKER, ["password"])
    assert redact("4821", "pincode_telefoon") == (MARKER, ["pin"])
    assert redact("Geheim123!", "notes") == ("Geheim123!", [])
    assert redact("persoonlijk overdragen", "wachtwoord_x") == ("persoonlijk overdragen", [])


def test_several_secrets_of_several_kinds_in_one_note():
    text = (
        "Overdracht 23-02-2026 door Piet.\nWachtwoord: Geheim123!\nPIN: 4821\n"
        "herstelcodes: 8f2k-9xq3 7hd2-kw8e\nBel 06-12345678 bij vragen."
    )
    redacted, kinds = redact(text)
    assert kinds == ["password", "pin", "recovery_code"]
    assert redacted == (
        f"Overdracht 23-02-2026 door Piet.\nWachtwoord: {MARKER}\nPIN: {MARKER}\n"
        f"herstelcodes: {MARKER}\nBel 06-12345678 bij vragen."
    )


def test_a_long_text_is_checked_in_bounded_time():
    import time

    note = "Het wachtwoord wordt persoonlijk overgedragen; pincode 4821. " * 3000  # 186,000
    started = time.perf_counter()
    redacted, kinds = redact(note)
    assert time.perf_counter() - started < 20
    assert kinds == ["pin"] and "4821" not in redacted


# --- properties -----------------------------------------------------------------------------

WORDS = st.sampled_from(
    [
        "het",
        "wachtwoord",
        "ww",
        "pw",
        "PIN",
        "pincode",
        "code",
        "2FA",
        "herstelcodes",
        "sleutel",
        "is",
        "wordt",
        ":",
        "=",
        "Geheim123!",
        "4821",
        "123 456",
        "JBSWY3DPEHPK3PXP",
        "otpauth://totp/x?secret=A",
        "8f2k-9xq3",
        "Piet",
        "@MinPres",
        "06-12345678",
        "2026",
        MARKER,
        ",",
        ".",
        "\n",
        "van",
        "de",
        "telefoon",
        "secret",
        "=",
    ]
)
PHRASES = st.lists(WORDS, max_size=14).map(" ".join)
ANY_TEXT = st.text(max_size=120) | PHRASES


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=ANY_TEXT, label=st.sampled_from(["", "notes", "wachtwoord", "pin_x"]))
def test_redaction_never_leaves_a_secret_and_never_changes_a_text_without_one(text, label):
    redacted, kinds = redact(text, label)
    assert find_secrets(redacted, label) == []
    if find_secrets(text, label):
        assert kinds and redacted != text
    else:
        assert (redacted, kinds) == (text, [])
    assert redact(redacted, label) == (redacted, [])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    text=ANY_TEXT
    | st.sampled_from([text for text, *_ in POSITIVE]).map(str.upper)
    | st.sampled_from(["PİN: 4821", "WACHTWOORD: GEHEİM123!", "ſecret key: JBSWY3DPEHPK3PXP"])
)
def test_the_quick_check_of_stems_never_skips_a_rule_that_would_match(text):
    """Rules are only tried on a text that holds one of their stems; trying every rule on every
    text finds exactly the same."""
    quick = find_secrets(text)
    with pytest.MonkeyPatch.context() as patched:
        patched.setattr(secrets_module, "_may_match", lambda _rule, _folded: True)
        assert find_secrets(text) == quick


def test_a_long_note_without_any_stem_is_checked_quickly():
    import time

    note = "De bewindspersoon kiest na het advies; afspraken over webcare en toegang.\n" * 500
    started = time.perf_counter()
    for _ in range(10):
        assert redact(note, "notes") == (note, [])
    assert time.perf_counter() - started < 1.0  # about 1 ms each; a keystroke has 16 ms


CONTEXT = st.lists(st.sampled_from(NEGATIVE), max_size=3).map("\n".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(before=CONTEXT, entry=st.sampled_from(POSITIVE), after=CONTEXT)
def test_a_secret_among_ordinary_notes_is_removed_and_the_notes_stay(before, entry, after):
    text, kind, values, _kept = entry
    note = "\n".join(part for part in (before, text, after) if part)
    redacted, kinds = redact(note)
    assert kind in kinds
    for value in values:  # gone, unless the ordinary notes hold it too ("06-12345678")
        assert redacted.count(value) == before.count(value) + after.count(value), redacted
    assert redacted.startswith(before) and redacted.endswith(after)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    notes=st.lists(st.sampled_from(NEGATIVE), min_size=1, max_size=5),
    glue=st.sampled_from(["\n", " ", ". ", "; ", ", ", " - "]),
)
def test_ordinary_notes_together_stay_ordinary(notes, glue):
    text = glue.join(notes)
    assert redact(text) == (text, [])


# --- the session --------------------------------------------------------------------------


def test_set_keeps_the_note_without_the_secret_and_remembers_where():
    session = new_session()
    session.set("access.authenticator_handover", "Wachtwoord: Geheim123! (persoonlijk)")
    assert session.get("access.authenticator_handover") == f"Wachtwoord: {MARKER} (persoonlijk)"
    assert session.secret_texts == {"access.authenticator_handover": ["password"]}
    session.set("access.authenticator_handover", "De authenticator wordt persoonlijk overgedragen.")
    assert session.secret_texts == {}


def test_set_of_a_mapping_removes_secrets_inside_it_and_remove_forgets_them():
    session = new_session()
    session.set("predecessor", {"name": "Dick Schoof", "notes": ["PIN: 4821", "gewoon"]})
    assert session.get("predecessor.notes") == [f"PIN: {MARKER}", "gewoon"]
    assert session.secret_texts == {"predecessor.notes.0": ["pin"]}
    session.set("predecessor.name", "Dick Schoof")  # a sibling: the record stays
    assert session.secret_texts == {"predecessor.notes.0": ["pin"]}
    session.remove("predecessor")
    assert session.secret_texts == {}
    session.set("conversation.notes", "ww = Zomer2026!")
    session.set("conversation", {"notes": "niets"})  # replaces the whole part
    assert session.secret_texts == {}


def test_a_copy_remembers_and_the_file_does_not():
    session = new_session()
    session.set("conversation.notes", "herstelcodes: 8f2k-9xq3 7hd2-kw8e")
    assert session.copy().secret_texts == session.secret_texts
    text = session.to_yaml()
    assert "8f2k" not in text and "secret_texts" not in text and "recovery_code" not in text
    again = parse_session(text)
    assert again.secret_texts == {}  # what was saved held no secret
    assert again.get("conversation.notes") == f"herstelcodes: {MARKER}"


HAND_EDITED = """format: adviesgesprek/1
conversation: {date: 2026-02-20, advisor: Sanne de Wit,
               notes: "Overdracht door Piet. Wachtwoord: Geheim123!"}
minister: {name: Eva de Vries, office: minister, ministry: BZK, party: "PIN: 4821"}
variant: corporate
access:
  minister_access: false
  authenticator_handover: "otpauth://totp/X:minbzk?secret=JBSWY3DPEHPK3PXP&issuer=X"
  people: webcare
  lists: ["webcare", "back-upcodes 12345678 87654321"]
platforms:
  x: {use: true, account: takeover, handle: MinisterBZK, bio: "sleutel: GEZD GNBV GY3T QOJQ"}
wachtwoord_instagram: "Lente#2026"
department: {kenmerk: 2026-0042, ww: Zomer2026!}
pincode_telefoon: 73914826
"""
HAND_EDITED_SECRETS = [
    "Geheim123!",
    "4821",
    "JBSWY3DPEHPK3PXP",
    "12345678",
    "87654321",
    "GEZD GNBV GY3T QOJQ",
    "Lente#2026",
    "Zomer2026!",
    "73914826",
]
HAND_EDITED_PATHS = {
    "conversation.notes": ["password"],
    "minister.party": ["pin"],
    "access.authenticator_handover": ["otpauth"],
    "access.lists.1": ["recovery_code"],
    "platforms.x.bio": ["authenticator_secret"],
    "wachtwoord_instagram": ["password"],
    "department.ww": ["password"],
    "pincode_telefoon": ["pin"],
}


def test_loading_a_hand_edited_file_removes_every_secret_and_says_where(tmp_path):
    path = tmp_path / "hand.adviesgesprek.yaml"
    path.write_text(HAND_EDITED, encoding="utf-8")
    session = load_session(path)
    assert session.secret_texts == HAND_EDITED_PATHS
    assert session.get("conversation.notes") == f"Overdracht door Piet. Wachtwoord: {MARKER}"
    assert session.get("department.kenmerk") == "2026-0042"  # the rest of unknown keys stays
    for target in (tmp_path / "saved.adviesgesprek.yaml", tmp_path / "autosave.yaml"):
        save_session(session, target)
        written = target.read_text(encoding="utf-8")
        assert not [secret for secret in HAND_EDITED_SECRETS if not _gone(written, secret)]
        assert "otpauth" not in written
    advice = advise(session, _rulebook())
    found = {
        finding.path: finding for finding in advice.findings if finding.code == "secret-in-text"
    }
    assert set(found) == set(HAND_EDITED_PATHS)
    assert all(finding.severity == "error" for finding in found.values())
    assert "wachtwoord" in found["conversation.notes"].message
    assert "pincode" in found["minister.party"].message
    assert advice.is_concept
    assert not [
        secret
        for secret in HAND_EDITED_SECRETS
        if any(not _gone(finding.message, secret) for finding in advice.findings)
    ]


def _rulebook():
    from wizard.core.rulebook import builtin_rulebook

    return builtin_rulebook()


def test_saving_never_writes_a_secret_even_when_data_was_changed_behind_set(tmp_path):
    """The last door: a text put into `data` directly (a bug elsewhere) is checked again."""
    session = new_session()
    session.data["conversation"]["notes"] = "PIN: 4821, wachtwoord: Geheim123!"
    save_session(session, tmp_path / "a.adviesgesprek.yaml")
    written = (tmp_path / "a.adviesgesprek.yaml").read_text(encoding="utf-8")
    assert "4821" not in written and "Geheim123!" not in written
    assert f"PIN: {MARKER}" in written


def test_a_secret_never_reaches_an_error_message():
    """A wrong value that holds a secret: the message quotes the file, never the secret."""
    from wizard.core.errors import InputError

    with pytest.raises(InputError) as raised:
        parse_session("format: adviesgesprek/1\nvariant: 'ww = Zomer2026!'\n")
    assert "Zomer2026" not in str(raised.value)


def test_the_finding_goes_when_the_text_is_corrected(session_factory, rulebook):
    session = session_factory(access__authenticator_handover="pw: Tr0ub4dor&3")
    [finding] = [f for f in advise(session, rulebook).findings if f.code == "secret-in-text"]
    assert finding.path == "access.authenticator_handover"
    assert finding.source == rulebook.finding("secret-in-text")["source"]
    assert "Tr0ub4dor" not in finding.message and MARKER in finding.message
    session.set("access.authenticator_handover", "persoonlijk door Piet")
    assert "secret-in-text" not in {f.code for f in advise(session, rulebook).findings}


def test_redact_tree_leaves_other_values_and_keys_alone():
    removed: dict[str, list[str]] = {}
    data = {"a": [True, 3, None, 2.5, "PIN: 4821"], "b": {"c": "pagina 2 van 3"}}
    assert redact_tree(data, "", removed) == {
        "a": [True, 3, None, 2.5, f"PIN: {MARKER}"],
        "b": {"c": "pagina 2 van 3"},
    }
    assert removed == {"a.4": ["pin"]}


@pytest.mark.parametrize(
    "link",
    ["https://www.instagram.com/minvws/?hl=nl", "//www.instagram.com/minvws/", "www.x.com/MinVWS"],
)
def test_a_link_on_the_line_after_a_secret_stays(link):
    """Found by hypothesis: the words between "wachtwoord" and the value ran on over the line
    break, so the "https" of the next line's link became a label and the link's rest a value."""
    note = f"Geheim123! is het wachtwoord van het X-account\n{link}"
    assert redact(note) == (f"{MARKER} is het wachtwoord van het X-account\n{link}", ["password"])
