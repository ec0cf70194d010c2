"""Secrets in free text (wizard/core/secrets.py, resources/secret-patterns.yaml): realistic
phrasings are found and replaced, ordinary notes are left alone, the session never holds one
(not in a text, not in the name of a key), no file the core writes and no error message
contains one, and `secret-in-text` says where one was removed. A personal mobile number is
found too, for a warning, and left as it is."""

from __future__ import annotations

import json
import re

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.core.secret_corpus import AWS_SECRET, NEGATIVE, POSITIVE
from wizard.core import secrets as secrets_module
from wizard.core.engine import advise
from wizard.core.errors import InputError
from wizard.core.secrets import (
    find_secrets,
    patterns,
    phone_findings,
    phone_numbers,
    phone_texts,
    redact,
    redact_key,
    redact_tree,
)
from wizard.core.session import (
    Session,
    load_session,
    new_session,
    parse_session,
    save_session,
)
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
    assert len(data["personal_phone"].get("why", "")) > 40


# The names of the session's text fields (and of unknown keys): the name is read as the words
# before the text ("post: ..."), and must never keep a secret from being found.
FIELD_NAMES = [
    *("advisor", "director", "place", "notes", "name", "post", "party", "party_hashtag"),
    *("ministry", "motivation", "people", "authenticator_handover", "handle", "display_name"),
    *("bio", "link", "archive_account", "ministry_account", "department_note", "lists"),
]


@pytest.mark.parametrize("label", FIELD_NAMES)
def test_every_phrasing_is_caught_in_every_text_field(label):
    """Issue 24: a secret in `minister.post` (a one-line field) reached the RVD list."""
    for text, kind, values, _kept in POSITIVE:
        redacted, kinds = redact(text, label)
        assert kind in kinds, (label, text, redacted)
        assert all(_gone(redacted, value) for value in values), (label, text, redacted)
    for text in NEGATIVE:
        assert redact(text, label) == (text, []), (label, text)


def test_a_one_time_code_in_the_authenticator_field_needs_no_word_before_it():
    """The field's name announces it: "authenticator_handover: code: 482913"."""
    label = "authenticator_handover"
    assert redact("482913", label) == (MARKER, ["authenticator_secret"])
    assert redact("code: 482 913", label) == (f"code: {MARKER}", ["authenticator_secret"])
    assert redact("482913", "notes") == ("482913", [])
    assert redact("Persoonlijk, op 23-02-2026 om 10:00", label)[1] == []


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


def test_a_long_text_is_checked_to_its_end():
    note = "Het wachtwoord wordt persoonlijk overgedragen; pincode 4821. " * 3000  # 186,000
    redacted, kinds = redact(note)
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


def test_a_long_note_without_any_stem_is_left_as_it_is():
    """(How long it takes is measured in bench/, not asserted here.)"""
    note = "De bewindspersoon kiest na het advies; afspraken over webcare en toegang.\n" * 500
    assert redact(note, "notes") == (note, [])


CONTEXT = st.lists(st.sampled_from(NEGATIVE), max_size=3).map("\n".join)

# --- generated secrets of every kind, in generated notes ---------------------------------------

LOWER, UPPER, DIGITS = "abcdefghijkmnpqrstuvwxyz", "ABCDEFGHJKLMNPQRSTUVWXYZ", "0123456789"
ALNUM = LOWER + UPPER + DIGITS
BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"


def _chars(alphabet: str, size: int, distinct: int = 1) -> st.SearchStrategy[str]:
    return st.text(alphabet=alphabet, min_size=size, max_size=size).filter(
        lambda value: len(set(value)) >= distinct
    )


# A password: letters (both cases), digits and a symbol, in any order.
PASSWORD = st.tuples(
    st.text(alphabet=LOWER + UPPER, min_size=3, max_size=10),
    st.text(alphabet=DIGITS, min_size=1, max_size=4),
    st.sampled_from("!#$%&*+?^~"),  # not "@": "@0AAA" is a handle
    st.permutations([0, 1, 2]),
).map(lambda parts: "".join(parts[index] for index in parts[3]))
# A passphrase: made-up words that are no ordinary words.
PHRASE = st.lists(
    st.from_regex(r"[bcdfgklmnprstvz]{2}[aeiou][bcdfgklmnprstvz]{2}", fullmatch=True),
    min_size=2,
    max_size=4,
).map(" ".join)
PASSWORD_WORD = st.sampled_from(
    [
        "Wachtwoord",
        "wachtwoord",
        "WW",
        "ww",
        "ww.",
        "wachtw.",
        "pwd.",
        "pw",
        "Password",
        "pass",
        "PASS",
        "Paswoord",
        "psw",
        "wachtwoord van X",
        "password for Instagram",
    ]
)
SEPARATOR = st.sampled_from([": ", " = ", ":", " -> ", "="])
DIGITS_OF = lambda low, high: st.text(alphabet=DIGITS, min_size=low, max_size=high)  # noqa: E731
CODE = st.tuples(_chars(LOWER, 2), _chars(DIGITS, 2), _chars(LOWER + DIGITS, 4)).map(
    lambda parts: f"{parts[0]}{parts[1]}-{parts[2]}"
)
BASE32_KEY = st.tuples(_chars(BASE32, 15, 8), st.sampled_from("234567")).map("".join)
B64URL = ALNUM + "-_"
QUOTES = {"'": "'", '"': '"', "\u201c": "\u201d", "\u2018": "\u2019"}


def _one(strategy, template):
    """(text, [values]) from a value strategy and a template with {v}."""
    return strategy.map(lambda value: (template.format(v=value), [value]))


SECRETS = st.one_of(
    st.tuples(PASSWORD_WORD, SEPARATOR, PASSWORD).map(lambda p: (p[0] + p[1] + p[2], [p[2]])),
    st.tuples(PASSWORD_WORD, SEPARATOR, st.sampled_from(list(QUOTES)), PHRASE).map(
        lambda p: (f"{p[0]}{p[1]}{p[2]}{p[3]}{QUOTES[p[2]]}", [p[3]])
    ),
    _one(PASSWORD, "inlog: piet / {v}"),
    _one(PASSWORD, "Login X: webcare@minvws.nl | {v}"),
    _one(PASSWORD, "inloggen met {v} op x.com"),
    _one(PASSWORD, "Het wachtwoord is {v}"),
    _one(PASSWORD, "{v} is het nieuwe wachtwoord"),
    st.tuples(
        st.sampled_from(["pincode", "PIN", "PUK", "pin-code", "SIM-pincode"]),
        st.sampled_from([": ", " ", " is ", " = "]),
        DIGITS_OF(4, 8),
    ).map(lambda p: (p[0] + p[1] + p[2], [p[2]])),
    st.lists(CODE, min_size=1, max_size=4, unique=True).map(
        lambda codes: ("herstelcodes: " + " ".join(codes), codes)
    ),
    _one(st.lists(_chars(UPPER, 4), min_size=4, max_size=7).map("-".join), "recovery key: {v}"),
    _one(BASE32_KEY, "otpauth://totp/X:minvws?secret={v}&issuer=X"),
    _one(BASE32_KEY, "geheime sleutel {v}"),
    _one(BASE32_KEY, "Secret key: {v}"),
    st.tuples(
        st.sampled_from(
            [
                "2FA-code: ",
                "verificatiecode ",
                "code voor de authenticator: ",
                "SMS-code: ",
                "code uit de sms: ",
                "2FA: ",
            ]
        ),
        DIGITS_OF(6, 6),
    ).map(lambda p: (p[0] + p[1], [p[1]])),
    st.tuples(st.sampled_from(["ghp_", "gho_", "ghu_", "ghs_", "ghr_"]), _chars(ALNUM, 36, 8)).map(
        lambda p: (p[0] + p[1], [p[1]])
    ),
    st.tuples(st.sampled_from(["sk-", "sk-proj-"]), _chars(ALNUM, 40, 10), DIGITS_OF(1, 1)).map(
        lambda p: (p[0] + p[1] + p[2], [p[1]])
    ),
    st.tuples(*[st.text(alphabet=B64URL, min_size=8, max_size=30)] * 3)
    .map(lambda p: f"eyJ{p[0]}.eyJ{p[1]}.{p[2]}")
    .map(lambda token: (f"Authorization: Bearer {token}", [token])),
    _one(_chars(ALNUM + "/+", 40, 10), "aws_secret_access_key = {v}"),
    _one(_chars(ALNUM + "/+", 40, 10), "AKIAIOSFODNN7EXAMPLE {v}"),
)
NOTE_WORDS = st.sampled_from(
    [
        *("inloggen", "met", "DigiD", "pas", "token", "Bearer", "sk-team", "code", "van", "de"),
        *("authenticator", "recovery", "key", "wachtwoord", "wordt", "persoonlijk", "op"),
        *("overgedragen", "2FA", "staat", "aan", "06-12345678", "070-3456789", "23-02-2026"),
        *("https://x.com/MinPres", "@MinPres", "Piet", "kluis", "via", "SSO", "herstelcodes"),
        *("liggen", "in", "pincode", "telefoon", "ww", "pw", "is", "bekend", "bij", "sleutel"),
        *("API-key", "aangevraagd", "GitHub", "AWS-account", "inlog", "volgt", ":", "/", ","),
        *("Office365", "webcare", "x.com", "secret", "Service", "n.v.t.", "eyJ", "AKIA"),
    ]
)
NOTES = st.one_of(
    st.lists(NOTE_WORDS, max_size=14).map(" ".join),
    st.lists(st.sampled_from(NEGATIVE), max_size=3).map(". ".join),
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(before=NOTES, secret=SECRETS, after=NOTES, glue=st.sampled_from(["\n", ". ", ";\n"]))
def test_generated_secrets_of_every_kind_never_survive_in_generated_notes(
    before, secret, after, glue
):
    text, values = secret
    note = glue.join(part for part in (before, text, after) if part)
    redacted, kinds = redact(note)
    assert kinds, note
    for value in values:  # gone, unless the notes around it hold it too
        assert redacted.count(value) == before.count(value) + after.count(value), (note, redacted)
    assert redact(redacted) == (redacted, [])


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(note=NOTES)
def test_generated_notes_without_a_secret_are_unchanged(note):
    assert redact(note) == (note, []), [
        (found.rule, note[found.start : found.end]) for found in find_secrets(note)
    ]


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


# --- secrets in the names of keys, and in error messages (issue 24) ---------------------------


def test_a_secret_in_the_name_of_a_key_is_replaced():
    assert redact_key("pincode 4821") == (f"pincode {MARKER}", ["pin"])
    assert redact_key("ww Zomer2026!") == (f"ww {MARKER}", ["password"])
    assert redact_key("ww_zomer2026!") == (f"ww {MARKER}", ["password"])  # read as words
    assert redact_key("department_note") == ("department_note", [])
    removed: dict[str, list[str]] = {}
    renamed: dict[str, str] = {}
    data = {"a": {"ww Zomer2026!": 1, "ww Lente2026!": "PIN: 1234", "ww [niet bewaard]": 3}}
    assert redact_tree(data, "", removed, renamed=renamed) == {
        "a": {f"ww {MARKER} (2)": 1, f"ww {MARKER} (3)": f"PIN: {MARKER}", f"ww {MARKER}": 3}
    }
    assert removed == {
        f"a.ww {MARKER} (2)": ["password"],
        f"a.ww {MARKER} (3)": ["password", "pin"],
    }
    assert renamed == {f"ww {MARKER} (2)": "ww Zomer2026!", f"ww {MARKER} (3)": "ww Lente2026!"}


def test_no_field_name_of_the_session_is_taken_for_a_secret():
    schema = json.loads((resources_dir() / "schemas" / "session.schema.json").read_text("utf-8"))
    names = set(re.findall(r'"([a-z][a-z0-9_]*)":\s*\{', json.dumps(schema)))
    assert len(names) > 40
    assert [name for name in sorted(names) if redact_key(name)[1]] == []


KEYS_WITH_SECRETS = """format: adviesgesprek/1
conversation: {date: 2026-02-20, advisor: Sanne de Wit}
minister: {name: Eva de Vries, office: minister, ministry: BZK}
variant: corporate
"pincode 4821": ja
department: {"ww Zomer2026!": "kenmerk 2026-0042", ww_lente2026!: x}
"""


def test_a_secret_in_the_name_of_an_unknown_key_survives_no_load_and_no_save(tmp_path):
    path = tmp_path / "sleutels.adviesgesprek.yaml"
    path.write_text(KEYS_WITH_SECRETS, encoding="utf-8")
    session = load_session(path)
    assert session.get(f"pincode {MARKER}") == "ja"
    assert session.get(f"department.ww {MARKER}") == "kenmerk 2026-0042"  # the value stays
    assert session.secret_texts == {
        f"pincode {MARKER}": ["pin"],
        f"department.ww {MARKER}": ["password"],
        f"department.ww {MARKER} (2)": ["password"],
    }
    save_session(session, path)
    written = path.read_text(encoding="utf-8")
    assert "4821" not in written and "Zomer2026" not in written and "lente2026" not in written
    assert load_session(path).data == session.data
    found = {f.path for f in advise(session, _rulebook()).findings if f.code == "secret-in-text"}
    assert found == set(session.secret_texts)


@pytest.mark.parametrize(
    ("content", "where", "line"),
    [
        ('format: "adviesgesprek/1 wachtwoord: Geheim123!"\n', "format", 1),
        ("conversation: {}\nformat: ww = Zomer2026!\n", "format", 2),
        ("format: {wachtwoord: Geheim123!}\n", "format", 1),
        ("format: adviesgesprek/1\nplatforms:\n  'ww Zomer2026!': {use: true}\n", "platforms", 3),
        ("format: adviesgesprek/1\nplatforms:\n  ww_zomer2026!: {use: true}\n", "platforms", 3),
        ("format: adviesgesprek/1\nplatforms:\n  x: {'pincode 4821': [1]}\n", None, None),
        ("format: adviesgesprek/1\nvariant: 'ww Zomer2026!'\n", "variant", 2),
        ("format: adviesgesprek/1\nminister: {office: 'pass: Geheim123!'}\n", "minister.office", 2),
        ("format: adviesgesprek/1\nelection_period: 'pincode 4821'\n", "election_period", 2),
    ],
)
def test_an_error_message_says_where_and_never_quotes_a_secret(content, where, line):
    """Issue 24: the format and the name of a platform reached stderr, the batch summary and the
    cabinet overview with the secret in them."""
    try:
        parse_session(content, file="gesprek.adviesgesprek.yaml")
    except InputError as error:
        message = str(error)
        assert where is not None, message
        assert message.startswith("gesprek.adviesgesprek.yaml: "), message
        assert error.key.startswith(where) and error.line == line, message
        for secret in ("Geheim123", "Zomer2026", "zomer2026", "4821"):
            assert secret not in message, message
    else:
        assert where is None


def test_a_format_that_is_a_plain_word_is_quoted():
    with pytest.raises(InputError, match="onbekend bestandsformaat 'word/1'"):
        parse_session("format: word/1\n")


def test_the_names_of_dropped_keys_hold_no_secret():
    """A key that looks like a secret is dropped, and the list of what was not taken over (the
    wizard shows it) names it only when its name is a plain field name."""
    session = parse_session(
        "format: adviesgesprek/1\naccess: {'geheim: Zomer2026!': 1, totp_secret: x}\n"
        "platforms: {x: {'wachtwoord Lente#2026': 2}}\n'ww Zomer2026!': {password: 3}\n"
    )
    assert session.dropped_secrets == [
        f"access.{MARKER}",
        "access.totp_secret",
        f"ww {MARKER}.password",
    ]
    assert session.get(f"platforms.x.wachtwoord {MARKER}") == 2  # kept, without the secret


def test_findings_built_from_names_in_the_session_quote_no_secret(rulebook):
    """unknown-platform quotes the platform's name, unknown-ministry the ministry: both come from
    a session whose names and texts hold no secret."""
    session = Session(
        {
            "format": "adviesgesprek/1",
            "minister": {"name": "Eva de Vries", "office": "minister", "ministry": "ww Zomer2026!"},
            "variant": "corporate",
            "platforms": {"pincode_4821": {"use": True}, "x": {"use": True}},
        }
    )
    messages = {finding.code: finding.message for finding in advise(session, rulebook).findings}
    assert MARKER in messages["unknown-platform"] and MARKER in messages["unknown-ministry"]
    text = json.dumps([f.__dict__ for f in advise(session, rulebook).findings], default=str)
    assert "4821" not in text and "Zomer2026" not in text


HAND_EDITED_NEW = {
    "minister.post": "Password = 'correct horse battery staple'",
    "minister.name": "pass: Geheim123!",
    "minister.party": "wachtw.: Geheim123!",
    "conversation.notes": "inlog: piet / Welkom01!",
    "conversation.place": "inloggen met Minpres2026! op x.com",
    "motivation": "recovery key: ABCD-EFGH-IJKL-MNOP",
    "access.authenticator_handover": "code voor de authenticator: 482913",
    "access.people": "ghp_ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
    "platforms.x.bio": "sk-proj-abcdefghijklmnopqrstuvwxyz0123456789ABCD",
    "platforms.x.display_name": "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.abc",
    "department.aws": f"aws_secret_access_key = {AWS_SECRET}",
    "department.key": f"AKIAIOSFODNN7EXAMPLE {AWS_SECRET}",
}
HAND_EDITED_NEW_SECRETS = [
    "correct horse battery staple",
    "Geheim123!",
    "Welkom01!",
    "Minpres2026!",
    "ABCD-EFGH-IJKL-MNOP",
    "482913",
    "ghp_ABCD",
    "sk-proj-",
    "eyJhbGci",
    AWS_SECRET,
    "AKIAIOSFODNN7EXAMPLE",
]


def test_the_phrasings_of_issue_24_in_every_kind_of_field_are_not_kept(tmp_path, rulebook):
    data = yaml.safe_load(HAND_EDITED)
    for path, text in HAND_EDITED_NEW.items():
        target = data
        for part in path.split(".")[:-1]:
            target = target.setdefault(part, {})
        target[path.rsplit(".", 1)[-1]] = text
    source = tmp_path / "issue24.adviesgesprek.yaml"
    source.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    session = load_session(source)
    assert set(HAND_EDITED_NEW) <= set(session.secret_texts)
    save_session(session, tmp_path / "saved.adviesgesprek.yaml")
    written = (tmp_path / "saved.adviesgesprek.yaml").read_text(encoding="utf-8")
    advice = advise(session, rulebook)
    found = {f.path for f in advice.findings if f.code == "secret-in-text"}
    assert set(HAND_EDITED_NEW) <= found
    everything = written + json.dumps([f.__dict__ for f in advice.findings], default=str)
    assert [secret for secret in HAND_EDITED_NEW_SECRETS if secret in everything] == []


# --- personal phone numbers: found for a warning, never replaced ------------------------------

MOBILE = [
    "06-12345678",
    "06 12345678",
    "0612345678",
    "06-1234 5678",
    "06 1234 5678",
    "06 12 34 56 78",
    "06 - 12345678",
    "06-1234-5678",
    "(06) 12345678",
    "+31 6 12345678",
    "+31 6 1234 5678",
    "+31 (0)6 12345678",
    "+31612345678",
    "+316 12345678",
    "+31-6-12345678",
    "0031612345678",
    "0031 6 12345678",
]
NOT_MOBILE = [
    "070-3456789",
    "+31 70 345 6789",
    "(070) 345 67 89",
    "06-12-2026",
    "06-12-2026 10:00",
    "2026-06-12",
    "Kamerstuk 36 410 XVI, nr. 12",
    "KvK 06123456",
    "Ticketnummer SD-2026-0612345678",
    "06-nummer van de webcarecoördinator",
    "06-123456789",
    "https://x.com/MinPres/status/0612345678",
    '=HYPERLINK("http://x";"klik") +31 @SUM(A1) -1',
]


@pytest.mark.parametrize("number", MOBILE)
def test_a_personal_mobile_number_is_found_in_a_note(number):
    note = f"Bel Piet op {number} voor de overdracht."
    [(start, end)] = phone_numbers(note)
    assert note[start:end] == number
    assert redact(note) == (note, [])  # a warning, not a secret: the number stays


@pytest.mark.parametrize("text", NOT_MOBILE)
def test_an_office_number_a_date_or_a_reference_is_no_mobile_number(text):
    assert phone_numbers(text) == []


class _Rulebook:
    """Only what phone_findings asks of the rulebook: the finding's entry in the catalogue."""

    def finding(self, code):
        assert code == "personal-phone-number"
        return {"title": "Persoonlijk telefoonnummer", "message": "{count} nummer(s)"}


def test_phone_findings_name_the_field_and_never_the_number():
    data = {
        "conversation": {"notes": "Bel 06-12345678 of +31 6 8765 4321", "date": "2026-02-20"},
        "access": {"people": ["webcare", "Piet (0612345678)"]},
        "platforms": {"x": {"followers": 612345678, "bio": "Team webcare: 070-3456789"}},
    }
    assert phone_texts(data) == [("conversation.notes", 2), ("access.people.1", 1)]
    made = phone_findings(data, _Rulebook(), lambda _rulebook, *rest: rest)
    assert made == [
        ("personal-phone-number", "conversation.notes", "2 nummer(s)"),
        ("personal-phone-number", "access.people.1", "1 nummer(s)"),
    ]
    assert phone_findings(new_session().data, _Rulebook(), lambda *args: args) == []
