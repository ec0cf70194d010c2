"""The seventh stage of the advice: findings, per conversation, per account of the new minister
and per account of the predecessor.

Every message is a rulebook text (the finding's `message` in the catalogue, a requirement's or a
check's `message`), filled in with the session's values; nothing here is policy.
"""

from __future__ import annotations

import re
from typing import Any

from wizard.constants import SEVERITY_ORDER
from wizard.core import handles, text
from wizard.core.advice import Account, Finding, PredecessorAccount
from wizard.core.conditions import is_filled, matches
from wizard.core.rulebook import Rulebook
from wizard.core.secrets import phone_findings, secret_findings
from wizard.core.session import Session
from wizard.core.situation import Situation


def finding(
    rulebook: Rulebook,
    code: str,
    path: str,
    message: str,
    source: list[str] | tuple[str, ...] | None = None,
    severity: str | None = None,
    platform: str | None = None,
) -> Finding:
    entry = rulebook.finding(code)
    return Finding(
        code=code,
        severity=severity or entry["severity"],
        path=path,
        message=message,
        source=list(source or entry["source"]),
        platform=platform,
    )


def _message(rulebook: Rulebook, code: str, values: dict[str, Any]) -> str:
    """The catalogue's message of a finding, filled in."""
    return text.fill(rulebook.finding(code)["message"], values)


def _word(rulebook: Rulebook, name: str) -> str:
    return rulebook.data["finding_words"][name]


# --- the conversation as a whole ------------------------------------------------------------


def _required(session: Session, rulebook: Rulebook, context: dict[str, Any]) -> list[Finding]:
    findings = []
    for rule in rulebook.data["required_fields"]:
        if matches(rule.get("when"), context) and not is_filled(session.get(rule["path"])):
            findings.append(
                finding(
                    rulebook,
                    "missing-field",
                    rule["path"],
                    _message(rulebook, "missing-field", {"label": rule["label"]}),
                    severity=rule["severity"],
                )
            )
    return findings


def _unknown_names(session: Session, rulebook: Rulebook) -> list[Finding]:
    findings = []
    ministry = session.get("minister.ministry")
    if is_filled(ministry) and rulebook.ministry_key(ministry) is None:
        findings.append(
            finding(
                rulebook,
                "unknown-ministry",
                "minister.ministry",
                _message(
                    rulebook,
                    "unknown-ministry",
                    {"given": str(ministry), "known": ", ".join(rulebook.ministries)},
                ),
            )
        )
    for key in session.get("platforms") or {}:
        if key not in rulebook.platforms:
            findings.append(
                finding(
                    rulebook,
                    "unknown-platform",
                    f"platforms.{key}",
                    _message(
                        rulebook,
                        "unknown-platform",
                        {"given": str(key), "known": ", ".join(rulebook.platforms)},
                    ),
                )
            )
    return findings


def _requirements(
    rulebook: Rulebook, scope: str, context: dict[str, Any], platform: str | None = None
) -> list[Finding]:
    findings = []
    for requirement in rulebook.data["requirements"]:
        if requirement["scope"] == scope and matches(requirement.get("when"), context):
            findings.append(
                finding(
                    rulebook,
                    requirement["code"],
                    text.fill(requirement["path"], {"platform": platform or ""}),
                    text.fill(requirement["message"], context["values"]),
                    requirement["source"],
                    requirement.get("severity"),
                    platform=platform,
                )
            )
    return findings


def _acknowledged(session: Session, rulebook: Rulebook, context: dict[str, Any]) -> list[Finding]:
    applicable = {
        item["id"] for item in rulebook.data["consequences"] if matches(item.get("when"), context)
    }
    missing = applicable - set(session.get("acknowledged") or [])
    if not missing or not session.get("variant"):
        return []
    return [
        finding(
            rulebook,
            "consequences-not-acknowledged",
            "acknowledged",
            _message(
                rulebook,
                "consequences-not-acknowledged",
                {"missing": len(missing), "total": len(applicable)},
            ),
        )
    ]


def _check_breaks(check: dict[str, Any], subject: str, values: dict[str, Any]) -> bool:
    whole_word = check.get("match", "substring") == "word"
    minimum = check.get("min_phrase_length", 1)
    phrases = [
        text.fill(phrase, values).strip()
        for phrase in check.get("require_any", check.get("forbid_any", []))
    ]
    phrases = [phrase for phrase in phrases if len(phrase) >= minimum]
    if not phrases:
        return False
    found = any(text.contains_phrase(subject, phrase, whole_word=whole_word) for phrase in phrases)
    return not found if "require_any" in check else found


def _session_text_checks(
    session: Session, rulebook: Rulebook, context: dict[str, Any]
) -> list[Finding]:
    findings = []
    for check in rulebook.data["text_checks"]:
        if check.get("scope") != "session" or not matches(check.get("when"), context):
            continue
        subject = str(session.get(check["path"]) or "")
        if subject and _check_breaks(check, subject, context["values"]):
            findings.append(
                finding(
                    rulebook,
                    check["code"],
                    check["path"],
                    text.fill(check["message"], context["values"]),
                    check["source"],
                )
            )
    return findings


# --- one account of the new minister --------------------------------------------------------


def _limit(
    rulebook: Rulebook, account: Account, field_name: str, code: str, value: str | None
) -> Finding | None:
    limit = account.limits.get(field_name)
    if not limit or not value or len(value) <= limit.max:
        return None
    message = _message(
        rulebook,
        code,
        {
            "label": limit.label,
            "platform_label": account.label,
            "length": len(value),
            "max": limit.max,
            "source": limit.source,
            "as_of": limit.as_of,
            "note": "" if limit.confirmed else _word(rulebook, "limit_unconfirmed"),
        },
    )
    return finding(
        rulebook,
        code,
        f"platforms.{account.key}.{field_name}",
        message,
        severity=None if limit.confirmed else "warning",
        platform=account.key,
    )


def _platform_required(
    session: Session, rulebook: Rulebook, account: Account, context: dict[str, Any]
) -> list[Finding]:
    findings = []
    for rule in rulebook.data["platform_required_fields"]:
        path = f"platforms.{account.key}.{rule['field']}"
        if matches(rule.get("when"), context) and not is_filled(session.get(path)):
            label = text.fill(rule["label"], context["values"])
            findings.append(
                finding(
                    rulebook,
                    "missing-field",
                    path,
                    _message(rulebook, "missing-field", {"label": label}),
                    severity=rule["severity"],
                    platform=account.key,
                )
            )
    return findings


def _handle_findings(
    rulebook: Rulebook, account: Account, context: dict[str, Any], rules: tuple[dict, ...]
) -> list[Finding]:
    handle, path = account.handle, f"platforms.{account.key}.handle"
    if not handle or account.handle_kind == "ministry_account":
        return []
    findings = []
    for problem in text.handle_problems(handle, rules):
        message = _message(
            rulebook,
            "handle-invalid",
            {
                "handle": handle,
                "platform_label": account.label,
                "problem": problem.message,
                "note": _rule_note(rulebook, problem),
                "source": problem.source,
                "as_of": problem.as_of,
            },
        )
        findings.append(
            finding(
                rulebook,
                "handle-invalid",
                path,
                message,
                severity="error" if problem.confirmed else "warning",
                platform=account.key,
            )
        )
    if account.handle_is_suggestion:
        message = _message(
            rulebook,
            "handle-suggested",
            {"platform_label": account.label, "suggestion": account.handle_suggestion},
        )
        findings.append(finding(rulebook, "handle-suggested", path, message, platform=account.key))
    for issue in handles.handle_issues(handle, context, rulebook):
        findings.append(
            finding(rulebook, issue.code, path, issue.message, issue.source, platform=account.key)
        )
    return findings


def _rule_note(rulebook: Rulebook, problem: text.HandleProblem) -> str:
    if not problem.checked:
        return _word(rulebook, "rule_unchecked")
    return "" if problem.confirmed else _word(rulebook, "rule_unconfirmed")


def _limit_findings(rulebook: Rulebook, account: Account) -> list[Finding]:
    config = account.config
    found = [
        _limit(rulebook, account, "bio", "bio-too-long", config.bio),
        _limit(rulebook, account, "display_name", "name-too-long", config.display_name),
        _limit(rulebook, account, "link", "link-too-long", config.link),
    ]
    return [item for item in found if item is not None]


def _text_findings(rulebook: Rulebook, account: Account, context: dict[str, Any]) -> list[Finding]:
    values = context["values"]
    findings = []
    for check in rulebook.data["text_checks"]:
        if check.get("scope", "platform") != "platform" or not matches(check.get("when"), context):
            continue
        subject = getattr(account.config, check["field"], None) or ""
        if subject and _check_breaks(check, subject, values):
            findings.append(
                finding(
                    rulebook,
                    check["code"],
                    f"platforms.{account.key}.{check['field']}",
                    text.fill(check["message"], values),
                    check["source"],
                    platform=account.key,
                )
            )
    return findings


def _platform_findings(
    session: Session,
    rulebook: Rulebook,
    account: Account,
    context: dict[str, Any],
    rules: tuple[dict, ...],
) -> list[Finding]:
    return [
        *_platform_required(session, rulebook, account, context),
        *_handle_findings(rulebook, account, context, rules),
        *_limit_findings(rulebook, account),
        *_requirements(rulebook, "platform", context, account.key),
        *_text_findings(rulebook, account, context),
    ]


# --- one account of the predecessor ---------------------------------------------------------


def _archive_account_findings(rulebook: Rulebook, account: PredecessorAccount) -> list[Finding]:
    archive = account.archive_account
    if not archive:
        return []
    platform = rulebook.platforms[account.platform]
    findings = []
    for problem in text.handle_problems(archive, platform.get("handle_rules") or []):
        message = _message(
            rulebook,
            "archive-account-invalid",
            {
                "archive_account": archive,
                "platform_label": account.label,
                "problem": problem.message,
            },
        )
        findings.append(
            finding(
                rulebook,
                "archive-account-invalid",
                f"platforms.{account.platform}.archive_account",
                message,
                severity="error" if problem.confirmed else "warning",
                platform=account.platform,
            )
        )
    return findings


def _one_line_paths(rulebook: Rulebook) -> dict[str, str]:
    """The fields of one line, every platform filled in: path -> label."""
    fields = {}
    for field in rulebook.data["one_line_fields"]:
        if "{platform}" not in field["path"]:
            fields[field["path"]] = field["label"]
            continue
        for key, platform in rulebook.platforms.items():
            label = text.fill(field["label"], {"platform_label": platform["label"]})
            fields[text.fill(field["path"], {"platform": key})] = label
    return fields


def _texts(value: Any, path: str) -> list[tuple[str, str]]:
    """Every text of the session with its path."""
    if isinstance(value, dict):
        return [item for key, child in value.items() for item in _texts(child, f"{path}.{key}")]
    if isinstance(value, list):
        return [
            item for index, child in enumerate(value) for item in _texts(child, f"{path}.{index}")
        ]
    return [(path.lstrip("."), value)] if isinstance(value, str) else []


def _length_findings(session: Session, rulebook: Rulebook) -> list[Finding]:
    """Texts longer than a document can hold (`text_limits`)."""
    limits = rulebook.data["text_limits"]
    one_line = _one_line_paths(rulebook)
    findings = []
    for path, value in _texts(session.data, ""):
        maximum = limits["one_line"] if path in one_line else limits["several_lines"]
        if len(value) > maximum:
            values = {"label": one_line.get(path, path), "length": len(value), "max": maximum}
            message = _message(rulebook, "text-too-long", values)
            findings.append(finding(rulebook, "text-too-long", path, message))
    return findings


def _one_line_findings(session: Session, rulebook: Rulebook) -> list[Finding]:
    """Fields that are one line by their nature and hold a line break or a control
    character (it could put a line of its own into a document)."""
    findings = []
    for field in rulebook.data["one_line_fields"]:
        for key, platform in (
            rulebook.platforms.items() if "{platform}" in field["path"] else [("", {"label": ""})]
        ):
            path = text.fill(field["path"], {"platform": key})
            value = session.get(path)
            if isinstance(value, str) and text.breaks_line(value):
                label = text.fill(field["label"], {"platform_label": platform["label"]})
                message = _message(rulebook, "text-not-one-line", {"label": label})
                findings.append(
                    finding(rulebook, "text-not-one-line", path, message, platform=key or None)
                )
    return findings


def _named_handle_findings(session: Session, rulebook: Rulebook) -> list[Finding]:
    """The handles the session names beside the new minister's (the ministry's account, the
    minister's existing account, the predecessor's): characters the platform does not allow."""
    words = rulebook.data["named_handles"]
    findings = []
    for key, platform in rulebook.platforms.items():
        charset = platform.get("handle_charset") or ""
        places = (
            (
                f"platforms.{key}.ministry_account",
                "ministry_account",
                platform.get("ministry_account_charset") or charset,
            ),
            (f"platforms.{key}.existing_handle", "existing_handle", charset),
            (f"predecessor.accounts.{key}.handle", "predecessor", charset),
        )
        for path, label, allowed in places:
            handle = str(session.get(path) or "").strip().removeprefix("@")
            if not handle or not allowed or re.fullmatch(f"[{allowed}]*", handle):
                continue
            message = _message(
                rulebook,
                "handle-characters",
                {"handle": handle, "label": words[label], "platform_label": platform["label"]},
            )
            findings.append(finding(rulebook, "handle-characters", path, message, platform=key))
    return findings


# --- all together ---------------------------------------------------------------------------


def all_findings(
    session: Session,
    rulebook: Rulebook,
    situation: Situation,
    platforms: dict[str, Account],
    rules: dict[str, tuple[dict, ...]],
) -> list[Finding]:
    """Every finding, each once: conversation, accounts, predecessor; errors first."""
    context = situation.context
    findings = [
        *_required(session, rulebook, context),
        *_unknown_names(session, rulebook),
        *_requirements(rulebook, "session", context),
        *_session_text_checks(session, rulebook, context),
        *_acknowledged(session, rulebook, context),
        *secret_findings(session.secret_texts, rulebook, finding),
        *phone_findings(session.data, rulebook, finding),
        *_named_handle_findings(session, rulebook),
        *_one_line_findings(session, rulebook),
        *_length_findings(session, rulebook),
    ]
    for key, account in platforms.items():
        findings.extend(
            _platform_findings(session, rulebook, account, situation.platforms[key], rules[key])
        )
    for account, account_context in situation.predecessor_accounts:
        findings.extend(
            _requirements(rulebook, "predecessor_account", account_context, account.platform)
        )
        findings.extend(_archive_account_findings(rulebook, account))
    return sorted(_deduplicate(findings), key=lambda item: SEVERITY_ORDER[item.severity])


def _deduplicate(findings: list[Finding]) -> list[Finding]:
    seen = set()
    unique = []
    for item in findings:
        key = (item.code, item.path, item.message)
        if key not in seen:
            seen.add(key)
            unique.append(item)
    return unique
