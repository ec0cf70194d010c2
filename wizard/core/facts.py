"""The first stage of the advice: the conversation's facts.

From the session alone (and the rulebook's patterns): the values `when` conditions look at, with
the defaults of DESIGN.md filled in (`context`), and the placeholders of the rulebook's texts
(`values`): names, titles, the ministry, hashtags. Later stages add to copies of these, never to
these themselves.
"""

from __future__ import annotations

import copy
import datetime as dt
from dataclasses import dataclass
from typing import Any

from wizard.core import text
from wizard.core.advice import Conversation, Minister
from wizard.core.conditions import is_filled
from wizard.core.dates import as_date
from wizard.core.rulebook import Rulebook
from wizard.core.session import Session

OFFICES = ("minister_president", "minister", "state_secretary")


@dataclass(frozen=True)
class Facts:
    """What the session says, read once: the `when` context, the text placeholders, the
    platforms in use and the ministry the session names."""

    context: dict[str, Any]
    values: dict[str, str]
    used: list[str]
    ministry_key: str | None


def clean(value: Any) -> str:
    """A session value as a text without surrounding spaces ("" for nothing)."""
    return "" if value is None else str(value).strip()


def line(value: Any) -> str:
    """A session value that is one line by its nature (a name, a place, a handle): whatever
    line break or control character it holds becomes a space, so that no value can add a line
    to a document (the finding text-not-one-line says so)."""
    return text.one_line(value)


def used_platforms(session: Session, rulebook: Rulebook) -> list[str]:
    """The platforms the session uses that the rulebook knows, in the rulebook's order."""
    chosen = session.get("platforms") or {}
    return [
        key
        for key in rulebook.platforms
        if isinstance(chosen.get(key), dict) and chosen[key].get("use") is True
    ]


def predecessor_given(session: Session) -> bool:
    """Whether there is a predecessor: the session has a `predecessor` section with something in
    it (DESIGN.md: "omit when there is none")."""
    data = session.get("predecessor")
    if not isinstance(data, dict):
        return False
    return any(is_filled(value) or value is False for value in data.values())


def _same_name(first: str, second: str) -> bool:
    def key(name: str) -> str:
        return " ".join(text.ascii_fold(name).casefold().split())

    return bool(key(first)) and key(first) == key(second)


def _predecessor(session: Session) -> dict[str, Any] | None:
    if not predecessor_given(session):
        return None
    data = session.get("predecessor") or {}
    arranged = data.get("archiving_arranged")
    name = line(data.get("name"))
    return {
        "name": name,
        "variant": data.get("variant") or "corporate",
        "archiving_arranged": bool(arranged),
        "archiving_known": isinstance(arranged, bool),
        # Re-appointed to the post, or staying on (reading 12).
        "same_person": _same_name(name, line(session.get("minister.name"))),
    }


def _swearing_in(session: Session, rulebook: Rulebook) -> dict[str, bool]:
    """Whether the swearing-in lies before the conversation, and long before it (reading 19);
    without a conversation date, today counts."""
    sworn_in = as_date(session.get("minister.sworn_in"))
    day = as_date(session.get("conversation.date")) or dt.date.today()
    if sworn_in is None:
        return {"passed": False, "long_ago": False}
    days = (day - sworn_in).days
    return {"passed": days > 0, "long_ago": days > rulebook.data["swearing_in"]["check_after_days"]}


def office_key(session: Session) -> str | None:
    """The key of the office in the rulebook's titles and handle patterns: the office, or
    `<office>_post` for a minister or state secretary with a post of their own."""
    office = session.get("minister.office")
    if office not in OFFICES:
        return None
    if office != "minister_president" and line(session.get("minister.post")):
        return f"{office}_post"
    return office


def _context(session: Session, rulebook: Rulebook, used: list[str]) -> dict[str, Any]:
    context = copy.deepcopy(session.data)
    conversation = context.get("conversation") or {}
    if conversation.get("cabinet_change") is None:
        conversation["cabinet_change"] = True
    context["conversation"] = conversation
    context["predecessor"] = _predecessor(session)
    context["webcare"] = {
        "standby": bool(session.get("webcare.standby")),
        "proactive": bool(session.get("webcare.proactive")),
    }
    context["access"] = {
        **(session.get("access") or {}),
        "minister_access": bool(session.get("access.minister_access")),
    }
    context["election_period"] = bool(session.get("election_period"))
    # What the minister agreed to of the options (reading 17), for `agreed.<id>: true`.
    agreed = session.get("agreed")
    context["agreed"] = {
        item: True for item in (agreed if isinstance(agreed, list) else []) if isinstance(item, str)
    }
    context["swearing_in"] = _swearing_in(session, rulebook)
    context["used_platforms"] = used
    context["meta_platforms_used"] = any(rulebook.platforms[key]["meta"] for key in used)
    return context


def _titles(session: Session, rulebook: Rulebook, values: dict[str, str]) -> dict[str, str]:
    key = office_key(session)
    titles = rulebook.data["patterns"]["titles"].get(key) if key else None
    if not titles:
        return {"title": "", "short_title": "", "tiny_title": ""}
    if not values["ministry_name"]:
        # Without a ministry the long title would read "... van (post)": use the short one.
        titles = dict(titles, long=titles["short"])
    return {
        "title": text.fill(titles["long"], values),
        "short_title": text.fill(titles["short"], values),
        "tiny_title": text.fill(titles.get("tiny", titles["short"]), values),
    }


def _departure_text(session: Session, rulebook: Rulebook) -> str:
    options = rulebook.data["departure_options"]
    parts = []
    account = session.get("departure.account")
    if account in options["account"]:
        parts.append(options["account"][account])
    weeks = session.get("departure.webcare_weeks")
    if isinstance(weeks, int) and not isinstance(weeks, bool):
        parts.append(text.fill(options["webcare_weeks"], {"weeks": weeks}))
    two_factor = session.get("departure.two_factor")
    if two_factor in options["two_factor"]:
        parts.append(options["two_factor"][two_factor])
    if not parts:
        return options["undecided"]
    sentence = "; ".join(parts)
    return sentence[0].upper() + sentence[1:] + "."


def _values(
    session: Session, rulebook: Rulebook, ministry_key: str | None, predecessor: dict | None
) -> dict[str, str]:
    """The placeholders of the rulebook's texts, filled in from the session."""
    data = rulebook.data
    patterns = data["patterns"]
    name = line(session.get("minister.name"))
    first, last = text.split_name(name)
    ministry = rulebook.ministries.get(ministry_key or "", {})
    post = line(session.get("minister.post"))
    party = line(session.get("minister.party"))
    predecessor_name = (predecessor or {}).get("name") or ""
    values = {
        "name": name,
        "minister_name": name or patterns["nobody"]["minister"],
        "first": first,
        "last": last,
        "initial": first[:1].upper(),
        "last_camel": text.camel(last),
        "slug": text.slug(name),
        "last_main": text.camel(" ".join(text.words(last)[-1:])),
        "ministry_abbr": ministry.get("abbr", ""),
        "ministry_name": ministry.get("name", ""),
        "post": post,
        "post_camel": text.camel(post, patterns["handle_stopwords"]),
        "post_initials": text.initials(post, patterns["handle_stopwords"]),
        "party": party,
        "hours": data["webcare"]["hours"],
        "hours_short": data["webcare"]["hours_short"],
        "predecessor_name": predecessor_name or patterns["nobody"]["predecessor"],
        "predecessor_surname": "".join(text.words(text.split_name(predecessor_name)[1])).lower(),
        "unknown_handle": patterns["nobody"]["handle"],
    }
    values["ministry_hashtag"] = (
        text.fill(patterns["ministry_hashtag"]["value"], values) if values["ministry_abbr"] else ""
    )
    values["ministry_display_name"] = (
        text.fill(patterns["ministry_display_name"]["value"], values)
        if values["ministry_name"]
        else ""
    )
    override = line(session.get("minister.party_hashtag"))
    party_word = text.keep_charset(party, "A-Za-z0-9")
    derived = text.fill(patterns["party_hashtag"]["value"], {"party": party_word})
    values["party_hashtag"] = override or (derived if party_word else "")
    values.update(_titles(session, rulebook, values))
    when = "after" if _swearing_in(session, rulebook)["passed"] else "before"
    for name, deadline in patterns["deadlines"].items():
        values[name] = text.fill(deadline[when], values)
    values["departure_agreement"] = _departure_text(session, rulebook)
    return values


def conversation_facts(session: Session, rulebook: Rulebook) -> Facts:
    """The first stage: the session read once."""
    ministry_key = rulebook.ministry_key(session.get("minister.ministry") or "")
    used = used_platforms(session, rulebook)
    context = _context(session, rulebook, used)
    values = _values(session, rulebook, ministry_key, context["predecessor"])
    return Facts(
        context={**context, "values": values},
        values=values,
        used=used,
        ministry_key=ministry_key,
    )


def minister(session: Session, rulebook: Rulebook, facts: Facts, uses_hashtag: bool) -> Minister:
    """The minister as the documents name them; the party hashtag only where an account
    carries party content."""
    values = facts.values
    office = session.get("minister.office") or ""
    offices = rulebook.data.get("offices", {})
    return Minister(
        name=values["name"],
        office=office if office in offices else "",
        office_label=(offices.get(office) or {}).get("label", "") if office in offices else "",
        title=values["title"],
        short_title=values["short_title"],
        ministry=facts.ministry_key,
        ministry_name=values["ministry_name"],
        ministry_abbr=values["ministry_abbr"],
        ministry_given=line(session.get("minister.ministry")),
        post=values["post"],
        party=values["party"],
        party_hashtag=values["party_hashtag"] if uses_hashtag else "",
        derived_party_hashtag=values["party_hashtag"],
        sworn_in=line(session.get("minister.sworn_in")) or None,
        order=(
            _place(list(rulebook.ministries), facts.ministry_key),
            _place(list(offices), office),
        ),
    )


def _place(keys: list[str], key: object) -> int:
    """Where a key stands among the rulebook's keys (the order of a cabinet); unknown: last."""
    return keys.index(key) if key in keys else len(keys)


def conversation(session: Session, rulebook: Rulebook, facts: Facts) -> Conversation:
    context = facts.context
    return Conversation(
        date=line(session.get("conversation.date")) or None,
        advisor=line(session.get("conversation.advisor")),
        director=line(session.get("conversation.director"))
        or line((rulebook.data.get("department") or {}).get("director")),
        place=line(session.get("conversation.place")),
        notes=clean(session.get("conversation.notes")),
        cabinet_change=bool(context["conversation"]["cabinet_change"]),
        election_period=context["election_period"],
        after_swearing_in=context["swearing_in"]["passed"],
    )
