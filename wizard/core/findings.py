"""Findings: what the rulebook says about the answers, per conversation, per account of the new
minister and per account of the predecessor.

Every message is a rulebook text (the finding's `message` in the catalogue, a requirement's or a
check's `message`), filled in with the session's values; nothing here is policy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from wizard.core import handles, text
from wizard.core.conditions import is_filled, matches
from wizard.core.rulebook import Rulebook
from wizard.core.secrets import secret_findings
from wizard.core.session import Session

if TYPE_CHECKING:
    from wizard.core.engine import Finding, PlatformAdvice


def finding(
    rulebook: Rulebook,
    code: str,
    path: str,
    message: str,
    source: list[str] | None = None,
    severity: str | None = None,
    platform: str | None = None,
) -> Finding:
    from wizard.core.engine import Finding

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
    rulebook: Rulebook,
    scope: str,
    context: dict[str, Any],
    values: dict[str, Any],
    platform: str | None = None,
) -> list[Finding]:
    findings = []
    for requirement in rulebook.data["requirements"]:
        if requirement["scope"] == scope and matches(requirement.get("when"), context):
            findings.append(
                finding(
                    rulebook,
                    requirement["code"],
                    text.fill(requirement["path"], {"platform": platform or ""}),
                    text.fill(requirement["message"], values),
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


def _session_text_checks(
    session: Session, rulebook: Rulebook, context: dict[str, Any], values: dict[str, Any]
) -> list[Finding]:
    findings = []
    for check in rulebook.data["text_checks"]:
        if check.get("scope") != "session" or not matches(check.get("when"), context):
            continue
        subject = str(session.get(check["path"]) or "")
        if subject and _check_breaks(check, subject, values):
            findings.append(
                finding(
                    rulebook,
                    check["code"],
                    check["path"],
                    text.fill(check["message"], values),
                    check["source"],
                )
            )
    return findings


# --- one account of the new minister --------------------------------------------------------


def _limit(
    rulebook: Rulebook,
    advice: PlatformAdvice,
    field_name: str,
    code: str,
    value: str | None,
    path: str,
) -> Finding | None:
    limit = advice.limits.get(field_name)
    if not limit or not value or len(value) <= limit["max"]:
        return None
    confirmed = limit.get("confirmed", False)
    message = _message(
        rulebook,
        code,
        {
            "label": limit["label"],
            "platform_label": advice.label,
            "length": len(value),
            "max": limit["max"],
            "source": limit["source"],
            "as_of": limit["as_of"],
            "note": "" if confirmed else _word(rulebook, "limit_unconfirmed"),
        },
    )
    return finding(
        rulebook,
        code,
        path,
        message,
        severity=None if confirmed else "warning",
        platform=advice.key,
    )


def _platform_required(
    session: Session, rulebook: Rulebook, advice: PlatformAdvice
) -> list[Finding]:
    prefix = f"platforms.{advice.key}"
    findings = []
    for rule in rulebook.data["platform_required_fields"]:
        path = f"{prefix}.{rule['field']}"
        if matches(rule.get("when"), advice.context) and not is_filled(session.get(path)):
            label = text.fill(rule["label"], advice.context["values"])
            findings.append(
                finding(
                    rulebook,
                    "missing-field",
                    path,
                    _message(rulebook, "missing-field", {"label": label}),
                    severity=rule["severity"],
                    platform=advice.key,
                )
            )
    return findings


def _handle_findings(rulebook: Rulebook, advice: PlatformAdvice) -> list[Finding]:
    config, prefix = advice.config, f"platforms.{advice.key}"
    handle = config["handle"] or ""
    if not handle or advice.handle_kind == "ministry_account":
        return []
    findings = []
    for problem in text.handle_problems(handle, advice.handle_rules):
        message = _message(
            rulebook,
            "handle-invalid",
            {
                "handle": handle,
                "platform_label": advice.label,
                "problem": problem.message,
                "note": "" if problem.confirmed else _word(rulebook, "rule_unconfirmed"),
                "source": problem.source,
                "as_of": problem.as_of,
            },
        )
        findings.append(
            finding(
                rulebook,
                "handle-invalid",
                f"{prefix}.handle",
                message,
                severity="error" if problem.confirmed else "warning",
                platform=advice.key,
            )
        )
    if advice.handle_is_suggestion:
        findings.append(
            finding(
                rulebook,
                "handle-suggested",
                f"{prefix}.handle",
                _message(
                    rulebook,
                    "handle-suggested",
                    {"platform_label": advice.label, "suggestion": advice.handle_suggestion},
                ),
                platform=advice.key,
            )
        )
    for issue in handles.handle_issues(handle, advice.context, rulebook):
        findings.append(
            finding(
                rulebook,
                issue.code,
                f"{prefix}.handle",
                issue.message,
                issue.source,
                platform=advice.key,
            )
        )
    return findings


def _limit_findings(rulebook: Rulebook, advice: PlatformAdvice) -> list[Finding]:
    prefix = f"platforms.{advice.key}"
    found = [
        _limit(
            rulebook, advice, field_name, code, advice.config[field_name], f"{prefix}.{field_name}"
        )
        for field_name, code in (
            ("bio", "bio-too-long"),
            ("display_name", "name-too-long"),
            ("link", "link-too-long"),
        )
    ]
    return [item for item in found if item is not None]


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


def _text_findings(rulebook: Rulebook, advice: PlatformAdvice) -> list[Finding]:
    context, values = advice.context, advice.context["values"]
    findings = []
    for check in rulebook.data["text_checks"]:
        if check.get("scope", "platform") != "platform" or not matches(check.get("when"), context):
            continue
        subject = advice.config.get(check["field"]) or ""
        if subject and _check_breaks(check, subject, values):
            findings.append(
                finding(
                    rulebook,
                    check["code"],
                    f"platforms.{advice.key}.{check['field']}",
                    text.fill(check["message"], values),
                    check["source"],
                    platform=advice.key,
                )
            )
    return findings


def platform_findings(
    session: Session, rulebook: Rulebook, advice: PlatformAdvice
) -> list[Finding]:
    return [
        *_platform_required(session, rulebook, advice),
        *_handle_findings(rulebook, advice),
        *_limit_findings(rulebook, advice),
        *_requirements(rulebook, "platform", advice.context, advice.context["values"], advice.key),
        *_text_findings(rulebook, advice),
    ]


# --- one account of the predecessor ---------------------------------------------------------


def _archive_account_findings(
    rulebook: Rulebook, context: dict[str, Any], platforms: dict[str, PlatformAdvice]
) -> list[Finding]:
    values = context["values"]
    archive = values["archive_account"]
    if not archive:
        return []
    key = context["platform"]
    platform = rulebook.platforms[key]
    rules = platform.get("handle_rules") or []
    findings = []
    for problem in text.handle_problems(archive, rules):
        message = _message(
            rulebook,
            "archive-account-invalid",
            {
                "archive_account": archive,
                "platform_label": platform["label"],
                "problem": problem.message,
            },
        )
        path = f"platforms.{key}.archive_account"
        findings.append(
            finding(
                rulebook,
                "archive-account-invalid",
                path,
                message,
                severity="error" if problem.confirmed else "warning",
                platform=key,
            )
        )
    return findings


def predecessor_findings(
    rulebook: Rulebook, context: dict[str, Any], platforms: dict[str, PlatformAdvice]
) -> list[Finding]:
    return [
        *_requirements(
            rulebook, "predecessor_account", context, context["values"], context["platform"]
        ),
        *_archive_account_findings(rulebook, context, platforms),
    ]


# --- all together ---------------------------------------------------------------------------


def all_findings(
    session: Session,
    rulebook: Rulebook,
    context: dict[str, Any],
    values: dict[str, Any],
    platforms: dict[str, PlatformAdvice],
    account_contexts: list[dict[str, Any]],
) -> list[Finding]:
    """Every finding, each once, in the order: conversation, accounts, predecessor."""
    findings = [
        *_required(session, rulebook, context),
        *_unknown_names(session, rulebook),
        *_requirements(rulebook, "session", context, values),
        *_session_text_checks(session, rulebook, context, values),
        *_acknowledged(session, rulebook, context),
        *secret_findings(session.secret_texts, rulebook, finding),
    ]
    for advice in platforms.values():
        findings.extend(platform_findings(session, rulebook, advice))
    for account_context in account_contexts:
        findings.extend(predecessor_findings(rulebook, account_context, platforms))
    return _deduplicate(findings)


def _deduplicate(findings: list[Finding]) -> list[Finding]:
    seen = set()
    unique = []
    for item in findings:
        key = (item.code, item.path, item.message)
        if key not in seen:
            seen.add(key)
            unique.append(item)
    return unique
