"""Dutch display words for the values of the platform configuration contract (DESIGN.md).

These translate fixed contract values (`owner: ministry`) into words on screen; they hold no rule.
Labels that belong to the policy (variants, forms, account choices, owners) come from the rulebook.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate


def yes_no(value: Any) -> str:
    return translate("Labels", "ja") if value else translate("Labels", "nee")


def owner(value: str | None) -> str:
    words = {"ministry": translate("Labels", "het ministerie"),
             "minister": translate("Labels", "de bewindspersoon")}
    return words.get(value or "", value or "—")


def verification(config: dict[str, Any]) -> str:
    if not config.get("verified"):
        return translate("Labels", "niet via het ministerie")
    who = {"rvd": translate("Labels", "de RVD"),
           "ministry": translate("Labels", "het ministerie")}
    by = who.get(config.get("verification_by") or "", translate("Labels", "nog niet bepaald"))
    return translate("Labels", "ja, geregeld door {who}").format(who=by)


def support(value: str | None) -> str:
    words = {"exclusive": translate("Labels", "ja, exclusief (alleen het ministerie)"),
             "shared": translate("Labels", "gedeeld (beleidscontent door het ministerie)"),
             "none": translate("Labels", "geen")}
    return words.get(value or "", value or "—")


def party_content(config: dict[str, Any]) -> str:
    value = config.get("party_content")
    if value == "marked":
        tag = config.get("party_hashtag")
        if tag:
            return translate("Labels", "ja, altijd gemarkeerd met {tag}").format(tag=tag)
        return translate("Labels", "ja, altijd gemarkeerd")
    words = {"never": translate("Labels", "nooit"),
             "not_supported": translate("Labels", "niet via het ministerie")}
    return words.get(value or "", value or "—")


def webcare(config: dict[str, Any]) -> str:
    care = config.get("webcare") or {}
    scope = care.get("scope")
    words = {"all": translate("Labels", "alle vragen en reacties"),
             "policy_only": translate("Labels", "alleen beleidsvragen"),
             "none": translate("Labels", "geen webcare door het ministerie")}
    text = words.get(scope or "", scope or "—")
    if scope and scope != "none" and care.get("hours"):
        text += f", {care['hours']}"
    extras = []
    if care.get("standby"):
        extras.append(translate("Labels", "stand-by buiten kantoortijd"))
    if care.get("proactive"):
        extras.append(translate("Labels", "proactief"))
    if extras:
        text += " (" + ", ".join(extras) + ")"
    return text


def transfer(value: str | None) -> str:
    words = {"mandatory": translate("Labels", "ja, verplicht"),
             "by_agreement": translate("Labels", "volgens afspraak"),
             "no": translate("Labels", "nee")}
    return words.get(value or "", value or "—")


def archive(value: str | None) -> str:
    words = {"archive_and_delete": translate("Labels", "archiveren via RDDI, daarna verwijderen"),
             "meta_archive_swap": translate("Labels", "archiefaccount via Meta (namen wisselen)"),
             "policy_content": translate("Labels", "beleidscontent archiveren"),
             "none": translate("Labels", "niets te archiveren")}
    return words.get(value or "", value or "—")


def avatar(value: Any) -> str:
    if value:
        return translate("Labels", "met rijkslogo")
    return translate("Labels", "zonder rijkslogo")
