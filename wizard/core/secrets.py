"""Secrets in free text: find them, and replace them before they reach the session.

An advisor may type a password, a PIN, recovery codes, an otpauth:// link or an authenticator's
secret into a note ("Wachtwoord: Geheim123!"). The program never stores such a thing (DESIGN.md
principle 5): the session gets the text with only the secret values replaced by a marker, and
the finding `secret-in-text` says what was left out. What a secret looks like is data:
`resources/secret-patterns.yaml`, outside the rulebook so that an overlay cannot switch it off.
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
        """Compiled when a text first holds one of the rule's stems: compiling all of them
        took 25 ms at every start, and most texts hold none."""
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
    """The patterns of resources/secret-patterns.yaml, compiled once."""
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
    if "not_secret" in rule.reject and any(
        expression.search(_core(value)) for expression in found.not_secret
    ):
        return False
    checks = {
        "always": lambda: True,
        "shaped": lambda: _shaped(value, found.shape),
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


def _may_match(rule: _Rule, folded: str) -> bool:
    """Whether the text holds one of the rule's stems (checked before the regular expression,
    which is far slower on a long text)."""
    return any(stem in folded for stem in rule.stems)


def _one_pass(work: str, taken: _Taken, rules: list[_Rule], found: _Patterns) -> list[Secret]:
    candidates = []
    folded = work.translate(_SIMPLE_FOLD).casefold()
    for rule in rules:
        if not _may_match(rule, folded):
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
    taken = _Taken([match.span() for match in re.finditer(re.escape(found.marker), work)])
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


def redact_tree(value: Any, path: str, removed: dict[str, list[str]], label: str = "") -> Any:
    """A copy of plain YAML data (a session or a part of it) without secrets in its texts and
    numbers; `removed` gets {session path: [kinds]} of what was taken out."""
    if isinstance(value, dict):
        return {
            key: redact_tree(item, f"{path}.{key}" if path else str(key), removed, str(key))
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [
            redact_tree(item, f"{path}.{index}", removed, label) for index, item in enumerate(value)
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
