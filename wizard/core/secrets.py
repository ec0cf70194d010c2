"""Secrets in free text: find them, and replace them before they reach the session.

An advisor may type a password, a PIN, recovery codes, an otpauth:// link, an authenticator's
secret or an API token into a note ("Wachtwoord: Geheim123!"). The program never stores such a
thing (DESIGN.md principle 5): the session gets the text with only the secret values replaced by
a marker, and the finding `secret-in-text` says what was left out. What a secret looks like is
data: `resources/secret-patterns.yaml`, outside the rulebook so that an overlay cannot switch it
off, and never read from the cache folder (`wizard.core.datacache.NEVER_CACHED`).

The same file says what a personal mobile number looks like: not a secret, and not replaced, but
worth a warning (`phone_findings`), because the agreement goes to several parties.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from wizard.core import text as text_helpers
from wizard.core.yamlio import load_own_yaml_file
from wizard.paths import resources_dir

CODE = "secret-in-text"
PHONE_CODE = "personal-phone-number"
FILLER = "\ufffc"  # stands in for a secret already found while looking for the next one
MAX_PASSES = 8


@dataclass(frozen=True)
class Secret:
    """One secret in a text: its kind, where it is (`text[start:end]`) and the rule that saw it."""

    kind: str
    start: int
    end: int
    rule: str


@dataclass(frozen=True)
class _Rule:
    id: str
    kind: str
    expression: str
    flags: int
    stems: tuple[str, ...]
    accept: tuple[str, ...]
    reject: tuple[str, ...]
    require: tuple[re.Pattern[str], ...]
    min_length: int
    min_distinct: int
    follows: bool  # uses {{filler}}: worth another pass once secrets have been found

    @property
    def regex(self) -> re.Pattern[str]:
        """Compiled when a text first holds one of the rule's stems: most texts hold none, and
        compiling all of them would slow every start."""
        return _compiled(self.expression, self.flags)


@cache
def _compiled(expression: str, flags: int) -> re.Pattern[str]:
    return re.compile(expression, flags)


@dataclass(frozen=True)
class _Patterns:
    marker: str
    kinds: tuple[str, ...]
    rules: tuple[_Rule, ...]
    ordinary: frozenset[str]
    not_secret: tuple[re.Pattern[str], ...]
    shape: dict[str, Any]
    stems: tuple[str, ...]  # of all rules, each once
    marker_regex: re.Pattern[str]
    phone: re.Pattern[str]  # a personal mobile number (not a secret: see phone_findings)


def _expand(pattern: str, fragments: dict[str, str]) -> str:
    """Put the fragments in; a fragment may use other fragments."""
    for _ in range(5):
        expanded = re.sub(r"\{\{(\w+)\}\}", lambda match: fragments[match.group(1)], pattern)
        if expanded == pattern:
            return expanded
        pattern = expanded
    raise ValueError(f"fragments nested too deeply in {pattern[:60]!r}")


@cache
def patterns() -> _Patterns:
    """The patterns of resources/secret-patterns.yaml, compiled once. The file itself is read
    (`load_own_yaml_file` never takes it from the cache folder: datacache.NEVER_CACHED)."""
    data = load_own_yaml_file(resources_dir() / "secret-patterns.yaml")
    marker = data["marker"]
    fragments = {
        **data["fragments"],
        "marker": re.escape(marker),
        "filler": f"(?:(?<!{FILLER}){FILLER}+|{re.escape(marker)})",
    }
    rules = []
    for item in data["rules"]:
        flags = 0 if item.get("case") == "sensitive" else re.IGNORECASE
        rules.append(
            _Rule(
                id=item["id"],
                kind=item["kind"],
                expression=_expand(item["pattern"], fragments),
                flags=flags,
                stems=tuple(str(stem).casefold() for stem in item["stems"]),
                accept=tuple(item["accept"]),
                reject=tuple(item.get("reject", [])),
                require=tuple(re.compile(expression) for expression in item.get("require", [])),
                min_length=int(item.get("min_length", 0)),
                min_distinct=int(item.get("min_distinct", 0)),
                follows="{{filler}}" in item["pattern"],
            )
        )
    return _Patterns(
        marker=marker,
        kinds=tuple(data["kinds"]),
        rules=tuple(rules),
        ordinary=frozenset(_normal(word) for word in data["ordinary_words"]),
        not_secret=tuple(re.compile(expression) for expression in data["not_secret"].values()),
        shape=data["shape"],
        marker_regex=re.compile(re.escape(marker)),
        stems=tuple(sorted({stem for rule in rules for stem in rule.stems})),
        phone=re.compile(_expand(data["personal_phone"]["pattern"], fragments)),
    )


# --- what a value must look like ------------------------------------------------------------


def _normal(word: Any) -> str:
    return "".join(char for char in str(word).casefold() if char.isalnum())


def _core(value: str) -> str:
    """The value without the quotes or brackets around it."""
    return value.strip("'\"‘’“”()[]<>")


def _shaped(value: str, shape: dict[str, Any]) -> bool:
    """Looks like a password: long enough, a letter and a digit or a symbol; or many digits."""
    core = _core(value)
    if core.isdigit():
        return len(core) >= shape["digits_only_length"]
    has_letter = any(char.isalpha() for char in core)
    has_digit = any(char.isdigit() for char in core)
    has_symbol = any(char in shape["symbols"] for char in core)
    return len(core) >= shape["min_length"] and has_letter and (has_digit or has_symbol)


_CLAUSE_END = re.compile(r"[.,;)\]]*[ \t]*(?:$|\n|[,;|])|[.,;)\]]*\.\s")


def _strong(value: str, shape: dict[str, Any]) -> bool:
    """Looks like a password beyond doubt: a letter, a digit and a symbol ("Minpres2026!")."""
    core = _core(value)
    return _shaped(value, shape) and any(char in shape["symbols"] for char in core)


def _ordinary_phrase(value: str, ordinary: frozenset[str]) -> bool:
    """The value as a whole, or every word of it, is an ordinary word ("zie de kluis")."""
    words = [_normal(word) for word in re.split(r"[\W_]+", value)]
    words = [word for word in words if word]
    return _normal(value) in ordinary or (bool(words) and all(w in ordinary for w in words))


def _last_word(text: str, end: int, value: str) -> bool:
    """The value is the only word of its clause after the separator ("pw: swordfish")."""
    return len(_core(value)) >= 4 and _CLAUSE_END.match(text, end) is not None


def _accepted(rule: _Rule, match: re.Match[str], text: str, found: _Patterns) -> bool:
    value = match.group("secret")
    alnum = sum(char.isalnum() for char in value)
    if alnum < rule.min_length or len(set(value.replace(" ", ""))) < rule.min_distinct:
        return False
    if rule.require and not any(expression.search(value) for expression in rule.require):
        return False
    if "ordinary" in rule.reject and _normal(value) in found.ordinary:
        return False
    if "ordinary_phrase" in rule.reject and _ordinary_phrase(value, found.ordinary):
        return False
    if "not_secret" in rule.reject and any(
        expression.search(_core(value)) for expression in found.not_secret
    ):
        return False
    checks = {
        "always": lambda: True,
        "shaped": lambda: _shaped(value, found.shape),
        "strong": lambda: _strong(value, found.shape),
        "last_word": lambda: _last_word(text, match.end("secret"), value),
    }
    return any(checks[name]() for name in rule.accept)


# --- finding ----------------------------------------------------------------------------------


class _Taken:
    """Spans of a text that are already accounted for (markers, secrets found): disjoint, so a
    span overlaps one of them exactly when it overlaps the last one that starts before its end."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self.starts = [start for start, _end in self.spans]

    def overlaps(self, start: int, end: int) -> bool:
        index = bisect.bisect_left(self.starts, end) - 1
        return index >= 0 and self.spans[index][1] > start

    def add(self, secrets: list[Secret]) -> None:
        self.spans = sorted(self.spans + [(secret.start, secret.end) for secret in secrets])
        self.starts = [start for start, _end in self.spans]


# Where the regular expressions' case-insensitive matching differs from str.casefold: the
# Turkish dotted and dotless i both match "i" (found by comparing all of Unicode).
_SIMPLE_FOLD = {0x130: "i", 0x131: "i"}


def _may_match(rule: _Rule, present: frozenset[str]) -> bool:
    """Whether the text holds one of the rule's stems (checked before the regular expression,
    which is far slower on a long text); `present` are the stems of all rules that the text
    holds, each looked for once (many rules share a stem)."""
    return not present.isdisjoint(rule.stems)


def _present(folded: str, found: _Patterns) -> frozenset[str]:
    return frozenset(stem for stem in found.stems if stem in folded)


def _one_pass(work: str, taken: _Taken, rules: list[_Rule], found: _Patterns) -> list[Secret]:
    candidates = []
    present = _present(work.translate(_SIMPLE_FOLD).casefold(), found)
    for rule in rules:
        if not _may_match(rule, present):
            continue
        for match in rule.regex.finditer(work):
            start, end = match.span("secret")
            if (
                end > start
                and not taken.overlaps(start, end)
                and _accepted(rule, match, work, found)
            ):
                candidates.append(Secret(rule.kind, start, end, rule.id))
    chosen: list[Secret] = []
    for secret in sorted(candidates, key=lambda item: (item.start, -item.end)):
        if not chosen or secret.start >= chosen[-1].end:
            chosen.append(secret)
    return chosen


def _fill(work: str, secrets: list[Secret]) -> str:
    parts, position = [], 0
    for secret in secrets:
        parts += [work[position : secret.start], FILLER * (secret.end - secret.start)]
        position = secret.end
    parts.append(work[position:])
    return "".join(parts)


def _find(work: str) -> list[Secret]:
    """Every secret in `work`, pass after pass: each secret found is replaced by filler of the
    same length, so that a list of secrets is followed from one to the next."""
    found = patterns()
    taken = _Taken([match.span() for match in found.marker_regex.finditer(work)])
    secrets: list[Secret] = []
    rules = list(found.rules)
    for _ in range(MAX_PASSES):
        new = _one_pass(work, taken, rules, found)
        if not new:
            break
        secrets += new
        taken.add(new)
        work = _fill(work, new)
        rules = [rule for rule in found.rules if rule.follows]  # the rest saw it all
    return sorted(secrets, key=lambda item: item.start)


def _label_text(label: str) -> str:
    """A field's name as words ("wachtwoord_x" -> "wachtwoord x: "): in a hand-edited file the
    name of a field can be what announces the secret in its value."""
    words = re.sub(r"[_\W]+", " ", unicodedata.normalize("NFKC", label)).strip()
    return f"{words}: " if words else ""


def find_secrets(text: str, label: str = "") -> list[Secret]:
    """The secrets in a free text, in order; `label` is the name of the field it is in."""
    if not isinstance(text, str) or not text:
        return []
    prefix = _label_text(label)
    secrets = []
    for secret in _find(prefix + text):
        start, end = max(secret.start - len(prefix), 0), secret.end - len(prefix)
        if end > start:
            secrets.append(Secret(secret.kind, start, end, secret.rule))
    return secrets


def _replace(text: str, secrets: list[Secret], marker: str) -> str:
    parts, position = [], 0
    for secret in secrets:
        parts.append(text[position : secret.start])
        parts.append(marker)
        position = secret.end
    parts.append(text[position:])
    return "".join(parts)


def redact(text: str, label: str = "") -> tuple[str, list[str]]:
    """The text with every secret value replaced by the marker (the rest of the note is kept),
    and the kinds of secret that were removed (in the order of `kinds` in the data file)."""
    found = patterns()
    kinds: set[str] = set()
    for _ in range(MAX_PASSES):
        secrets = find_secrets(text, label)
        if not secrets:
            break
        kinds.update(secret.kind for secret in secrets)
        text = _replace(text, secrets, found.marker)
    return text, [kind for kind in found.kinds if kind in kinds]


# Key names found to hold no secret ("name", "handle", ...): the same few dozen come back at
# every load and save. Only names without a secret are remembered, and never more than these.
_CLEAN_KEYS: set[str] = set()
_CLEAN_KEYS_MAX = 4096


def redact_key(key: str) -> tuple[str, list[str]]:
    """A key of a hand-edited file without the secret in its name ("pincode 4821", "ww
    Zomer2026!", "ww_zomer2026!" as words): the name redacted, and the kinds removed; the name
    itself when it holds none."""
    if key in _CLEAN_KEYS:
        return key, []
    redacted, kinds = redact(key)
    if not kinds and "_" in key:
        redacted, kinds = redact(re.sub(r"_+", " ", key))
    if kinds:
        return redacted, kinds
    if len(_CLEAN_KEYS) >= _CLEAN_KEYS_MAX:
        _CLEAN_KEYS.clear()
    _CLEAN_KEYS.add(key)
    return key, []


def _merge(removed: dict[str, list[str]], path: str, kinds: list[str]) -> None:
    known = set(removed.get(path, [])) | set(kinds)
    removed[path] = [kind for kind in patterns().kinds if kind in known]


def _free_name(name: str, taken: set[Any]) -> str:
    """`name`, or "name (2)", ... when another key of the same mapping has it already (two keys
    that differ only in their secret: "ww Zomer2026!" and "ww Lente2026!")."""
    unique, number = name, 2
    while unique in taken:
        unique, number = f"{name} ({number})", number + 1
    return unique


def redact_tree(
    value: Any,
    path: str,
    removed: dict[str, list[str]],
    label: str = "",
    renamed: dict[str, str] | None = None,
) -> Any:
    """A copy of plain YAML data (a session or a part of it) without secrets in its texts,
    numbers and key names; `removed` gets {session path: [kinds]} of what was taken out (for a
    key: the path under its new name), and `renamed`, when given, {new name: old name} of every
    key whose name held a secret (only to find the key's line in the file)."""
    if isinstance(value, dict):
        result: dict[Any, Any] = {}
        names = [redact_key(key) if isinstance(key, str) else (key, []) for key in value]
        taken = {name for name, kinds in names if not kinds}
        for (name, kinds), (key, item) in zip(names, value.items(), strict=True):
            if kinds:
                name = _free_name(name, taken | set(result))
                taken.add(name)
                if renamed is not None:
                    renamed[name] = key
            key_path = f"{path}.{name}" if path else str(name)
            result[name] = redact_tree(item, key_path, removed, str(key), renamed)
            if kinds:
                _merge(removed, key_path, kinds)
        return result
    if isinstance(value, list):
        return [
            redact_tree(item, f"{path}.{index}", removed, label, renamed)
            for index, item in enumerate(value)
        ]
    if isinstance(value, str) or (isinstance(value, int) and not isinstance(value, bool)):
        redacted, kinds = redact(str(value), label)
        if kinds:
            removed[path] = kinds
            return redacted
    return value


# --- the finding ------------------------------------------------------------------------------


def secret_findings(
    secret_texts: dict[str, list[str]], rulebook: Any, make: Callable[..., Any]
) -> list[Any]:
    """The findings `secret-in-text`, one per field and kind of secret removed from it.

    `make(rulebook, code, path, message)` builds a finding (the engine's own constructor); the
    message is the rulebook's `secret_in_text.message` with the rulebook's name of the kind."""
    texts = rulebook.data.get("secret_in_text", {})
    template = texts.get("message") or rulebook.finding(CODE)["title"]
    names = texts.get("kinds", {})
    marker = patterns().marker
    findings = []
    for path in sorted(secret_texts):
        for kind in secret_texts[path]:
            message = text_helpers.fill(template, {"kind": names.get(kind, kind), "marker": marker})
            findings.append(make(rulebook, CODE, path, message))
    return findings


# --- personal phone numbers -------------------------------------------------------------------


def phone_numbers(text: str) -> list[tuple[int, int]]:
    """Where a text holds a Dutch mobile number ("06-12345678", "+31 6 1234 5678"): spans
    `text[start:end]`. Not a secret, and never replaced; see `phone_findings`."""
    if not isinstance(text, str) or "6" not in text:  # every mobile number has one
        return []
    return [match.span() for match in patterns().phone.finditer(text)]


def phone_texts(value: Any, path: str = "") -> list[tuple[str, int]]:
    """(session path, how many) of every text in plain YAML data (a session's `data`) that
    holds a mobile number, in the order of the data."""
    if isinstance(value, dict):
        return [
            found
            for key, item in value.items()
            for found in phone_texts(item, f"{path}.{key}" if path else str(key))
        ]
    if isinstance(value, list):
        return [
            found
            for index, item in enumerate(value)
            for found in phone_texts(item, f"{path}.{index}")
        ]
    count = len(phone_numbers(value)) if isinstance(value, str) else 0
    return [(path, count)] if count else []


def phone_findings(data: Any, rulebook: Any, make: Callable[..., Any]) -> list[Any]:
    """The findings `personal-phone-number` (a warning: the agreement goes to several parties),
    one per text of the session that holds a personal mobile number.

    `data` is the session's data (`session.data`); `make(rulebook, code, path, message)` builds a
    finding, as for `secret_findings`. The message is the catalogue's, with `{count}` (how many
    numbers the text holds); it never quotes the number."""
    template = rulebook.finding(PHONE_CODE).get("message") or rulebook.finding(PHONE_CODE)["title"]
    return [
        make(rulebook, PHONE_CODE, path, text_helpers.fill(template, {"count": count}))
        for path, count in phone_texts(data)
    ]
