"""Handle checks: does a handle refer to the minister's party, does it name an office?

What counts is rulebook data: the parties and their names (`parties`, `party_matching` in
25-parties.yaml) and the patterns of office handles (`office_handle_patterns` in
20-ministries.yaml); which check applies when, with its message, is `handle_checks` in
50-checks.yaml. This module only matches. The engine calls `handle_issues` for the handle of
every used platform, and `suggestion_fits` for every handle it might suggest, so that it never
suggests a handle these checks would flag.
"""

from __future__ import annotations

import itertools
import re
import string
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from wizard.core import text
from wizard.core.conditions import matches
from wizard.core.rulebook import Rulebook

# The offices of the session format (minister.office); with a post, a minister's or state
# secretary's patterns are those of `<office>_post`.
OFFICES = ("minister_president", "minister", "state_secretary")

# Where a party's name splits into parts: GroenLinks-PvdA, GL/PvdA, Partij voor de Dieren.
_NAME_SPLIT = re.compile(r"[\s\-/+&]+")


@dataclass(frozen=True)
class HandleIssue:
    """A handle check of the rulebook that flags a handle: the finding's code, message, source."""

    code: str
    message: str
    source: list[str]


# --- comparing ------------------------------------------------------------------------------


def squash(value: str) -> str:
    """Lower-case letters and digits only, without diacritics: 'GL-PvdA' -> 'glpvda'."""
    return re.sub(r"[^a-z0-9]", "", text.ascii_fold(value).lower())


def is_boundary(handle: str, index: int) -> bool:
    """Whether a new word may start at `index` of an ASCII handle: at its start or end, beside a
    character that is no letter or digit (`_`, `.`, `-`), where letters change to digits or
    back (D66Rob), where lower case changes to upper case (JettenD66), or before the last capital
    of a run of capitals that goes on in lower case (CDAHenk)."""
    if index <= 0 or index >= len(handle):
        return True
    before, after = handle[index - 1], handle[index]
    if not before.isalnum() or not after.isalnum():
        return True
    if before.isdigit() != after.isdigit():
        return True
    if before.islower() and after.isupper():
        return True
    following = handle[index + 1 : index + 2]
    return before.isupper() and after.isupper() and following.islower()


def contains_name(handle: str, name: str, token_max_length: int) -> bool:
    """Whether the handle contains the name. A name longer than `token_max_length` (letters and
    digits) counts anywhere, whatever the case and the `_`, `.`, `-` in between
    (jessegroenlinks); a shorter one only as a word of its own (henk_sp, not Spijker)."""
    wanted = squash(name)
    if not wanted:
        return False
    folded = text.ascii_fold(handle)
    if len(wanted) > token_max_length:
        return wanted in squash(folded)
    lowered = folded.lower()
    start = lowered.find(wanted)
    while start >= 0:
        if is_boundary(folded, start) and is_boundary(folded, start + len(wanted)):
            return True
        start = lowered.find(wanted, start + 1)
    return False


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _unique(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(value for value in values if value))


# --- parties --------------------------------------------------------------------------------


def find_party_entry(party: str, rulebook: Rulebook) -> dict[str, Any] | None:
    """The rulebook's entry of a party named by its key, name, short name or an alias
    (case, spaces and punctuation ignored), or None when the rulebook does not list it."""
    wanted = squash(party)
    if not wanted:
        return None
    for key, entry in rulebook.data["parties"].items():
        names = [key, entry["name"], entry["short"], *entry.get("aliases", [])]
        if any(squash(name) == wanted for name in names):
            return entry
    return None


def _initials(name: str, stopwords: set[str]) -> str:
    """The initials of a name of two words or more, stop words in lower case: 'Socialistische
    Partij' -> SP, 'Partij voor de Dieren' -> PvdD, 'Democraten 66' -> D66. A name without
    spaces has none: GroenLinks-PvdA joins two names, it is no phrase."""
    if not re.search(r"\s", name.strip()):
        return ""
    words = [word for word in map(squash, _NAME_SPLIT.split(name)) if word]
    if len([word for word in words if word not in stopwords]) < 2:
        return ""
    return "".join(
        word if word.isdigit() else word[0] if word in stopwords else word[0].upper()
        for word in words
    )


def party_names(party: str, rulebook: Rulebook) -> list[str]:
    return rulebook.memo(("party_names", party), lambda: _party_names(party, rulebook))


def _party_names(party: str, rulebook: Rulebook) -> list[str]:
    """Every name by which a handle would refer to the party, longest first: the party as the
    session names it, the rulebook's name, short name and aliases for it, the parts of its
    names (without stop words and the rulebook's ignored words) and the initials of its name.
    A party the rulebook does not list gets its own parts and initials."""
    party = _text(party)
    if not squash(party):
        return []
    matching = rulebook.data["party_matching"]
    stopwords = {squash(word) for word in rulebook.data["patterns"]["handle_stopwords"]}
    ignored = stopwords | {squash(word) for word in matching["ignored_words"]}
    entry = find_party_entry(party, rulebook)
    # The rulebook's spelling first, so that it is the one a finding shows.
    listed = [entry["name"], entry["short"], *entry.get("aliases", [])] if entry else []
    names = [*listed[:2], party]
    whole = [*listed, party]
    parts = [
        word for name in names for word in _NAME_SPLIT.split(name) if squash(word) not in ignored
    ]
    initials = [_initials(name, stopwords) for name in (party, entry["name"] if entry else "")]
    seen: set[str] = set()
    unique = []
    for name in whole + parts + initials:
        key = squash(name)
        if len(key) >= 2 and not key.isdigit() and key not in seen:
            seen.add(key)
            unique.append(name)
    return sorted(unique, key=lambda name: -len(squash(name)))


def find_party(handle: str, party: str, rulebook: Rulebook) -> str | None:
    """The name of the party (see `party_names`) that the handle contains, or None."""
    limit = rulebook.data["party_matching"]["token_max_length"]
    return next(
        (name for name in party_names(party, rulebook) if contains_name(handle, name, limit)), None
    )


# --- offices --------------------------------------------------------------------------------


def office_key(minister: Mapping[str, Any]) -> str | None:
    """The key of the minister's office in `office_handle_patterns`: the office, or
    `<office>_post` for a minister or state secretary with a post of their own."""
    office = _text(minister.get("office"))
    if office not in OFFICES:
        return None
    if office != "minister_president" and _text(minister.get("post")):
        return f"{office}_post"
    return office


def _pattern_values(
    ministries: Iterable[Mapping[str, Any]], post: str, rulebook: Rulebook
) -> dict[str, list[str]]:
    """What each placeholder of an office pattern stands for (squashed)."""
    stopwords = rulebook.data["patterns"]["handle_stopwords"]
    skip = {word.casefold() for word in stopwords}
    abbreviations, names = [], []
    for ministry in ministries:
        abbreviations += [
            ministry.get("key", ""),
            ministry.get("abbr", ""),
            *ministry.get("aliases", []),
        ]
        words = [
            word for word in text.words(ministry.get("name", "")) if word.casefold() not in skip
        ]
        names += [text.camel(ministry.get("name", ""), stopwords), *words[:1]]
    post_words = [word for word in text.words(post) if word.casefold() not in skip]
    initials = text.initials(post, stopwords)
    posts = [text.camel(post, stopwords), *post_words[:1], initials if len(initials) > 1 else ""]
    return {
        "ministry": _unique(map(squash, abbreviations)),
        "ministry_name": _unique(map(squash, names)),
        "post": _unique(map(squash, posts)),
    }


def _expand(pattern: str, values: Mapping[str, list[str]]) -> list[str]:
    """Every (squashed) text an office pattern stands for; none when a placeholder has none."""
    try:
        parsed = list(string.Formatter().parse(pattern))
    except ValueError:
        return []
    pieces: list[list[str]] = []
    for literal, name, _spec, _conversion in parsed:
        pieces.append([squash(literal)])
        if name is not None:
            pieces.append(values.get(name, []))
    return ["".join(combination) for combination in itertools.product(*pieces)]


def _named_start(handle: str, candidates: Iterable[str]) -> str | None:
    """The start of the handle that one of the squashed candidates covers when a new word
    follows it (or nothing does), longest candidate first; None when none does."""
    folded = text.ascii_fold(handle)
    positions = [index for index, char in enumerate(folded) if char.isalnum()]
    squashed = "".join(folded[index].lower() for index in positions)
    for candidate in sorted(set(candidates), key=len, reverse=True):
        if candidate and squashed.startswith(candidate):
            end = positions[len(candidate) - 1] + 1
            if is_boundary(folded, end):
                return folded[:end]
    return None


def names_own_office(handle: str, minister: Mapping[str, Any], rulebook: Rulebook) -> bool | None:
    """Whether the handle names the minister's own office (the patterns of their office, filled
    in with their ministry and post). None when the session does not say enough to know: no
    office, or no match while a pattern needs a ministry or post that is not given."""
    key = office_key(minister)
    if key is None:
        return None
    ministry_key = rulebook.ministry_key(_text(minister.get("ministry")))
    post = _text(minister.get("post"))
    expanded = rulebook.memo(
        ("own_office", key, ministry_key, post),
        lambda: _own_office_names(key, ministry_key, post, rulebook),
    )
    if _named_start(handle, itertools.chain.from_iterable(expanded)) is not None:
        return True
    return None if not all(expanded) else False


def _own_office_names(
    key: str, ministry_key: str | None, post: str, rulebook: Rulebook
) -> list[list[str]]:
    ministries = [dict(rulebook.ministries[ministry_key], key=ministry_key)] if ministry_key else []
    values = _pattern_values(ministries, post, rulebook)
    return [_expand(pattern, values) for pattern in rulebook.data["office_handle_patterns"][key]]


def named_office(handle: str, minister: Mapping[str, Any], rulebook: Rulebook) -> str | None:
    """The start of the handle that names an office, any office (the patterns of every office,
    filled in with every ministry and the minister's post), or None."""
    post = _text(minister.get("post"))
    candidates = rulebook.memo(("any_office", post), lambda: _any_office_names(post, rulebook))
    return _named_start(handle, candidates)


def _any_office_names(post: str, rulebook: Rulebook) -> list[str]:
    ministries = [dict(ministry, key=key) for key, ministry in rulebook.ministries.items()]
    values = _pattern_values(ministries, post, rulebook)
    patterns = rulebook.data["office_handle_patterns"]
    keys = [key for key in patterns if key != "source"]
    return sorted(
        {
            candidate
            for key in keys
            for pattern in patterns[key]
            for candidate in _expand(pattern, values)
        },
        key=len,
        reverse=True,
    )


# --- the checks -----------------------------------------------------------------------------


def _minister(data: Mapping[str, Any]) -> Mapping[str, Any]:
    minister = data.get("minister")
    return minister if isinstance(minister, Mapping) else {}


def _flagged(flag: str, handle: str, minister: Mapping[str, Any], rulebook: Rulebook) -> str | None:
    """What a check of this kind flags in the handle (for the message's {found}), or None."""
    if flag == "party":
        return find_party(handle, _text(minister.get("party")), rulebook)
    if flag == "not_own_office":
        return handle if names_own_office(handle, minister, rulebook) is False else None
    if flag == "any_office":
        return named_office(handle, minister, rulebook)
    return None


def handle_issues(handle: str, context: Mapping[str, Any], rulebook: Rulebook) -> list[HandleIssue]:
    """The rulebook's `handle_checks` that flag this handle of one platform. `context` is the
    engine's `when` context of the platform: the session's answers, `config` and the platform's
    text `values`, which fill in the message together with {handle} and {found}."""
    if not _text(handle):
        return []
    minister = _minister(context)
    values = dict(context.get("values") or {}, handle=handle)
    issues = []
    for check in rulebook.data["handle_checks"]:
        if not matches(check.get("when"), context):
            continue
        found = _flagged(check["flag"], handle, minister, rulebook)
        if found is not None:
            issues.append(
                HandleIssue(
                    check["code"],
                    text.fill(check["message"], dict(values, found=found)),
                    list(check["source"]),
                )
            )
    return issues


def suggestion_fits(candidate: str, kind: str, data: Mapping[str, Any], rulebook: Rulebook) -> bool:
    """Whether the engine may suggest this handle for an account of this kind (office | person):
    it refers to no party's name, and an office account's handle names the office (or the
    session does not say enough to know) while a person's names none. Stricter than the checks'
    `when`, so that no check ever flags a suggestion."""
    minister = _minister(data)
    if find_party(candidate, _text(minister.get("party")), rulebook):
        return False
    if kind == "office":
        return names_own_office(candidate, minister, rulebook) is not False
    if kind == "person":
        return named_office(candidate, minister, rulebook) is None
    return True
