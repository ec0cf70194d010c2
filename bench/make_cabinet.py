"""Generate a whole cabinet for the batch benchmark: 28 conversations (18 ministers, among them
the minister-president, and 10 state secretaries), as *.adviesgesprek.yaml files, with the
handles filled in as an advisor would (the post's handle for an account of the post that is taken
over, the rulebook's proposal for the others).

    python bench/make_cabinet.py OUT_DIR
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from wizard.core.engine import advise  # noqa: E402
from wizard.core.rulebook import Rulebook, builtin_rulebook  # noqa: E402
from wizard.core.session import Session, new_session, save_session  # noqa: E402

FIRST = [
    "Anna",
    "Bas",
    "Carla",
    "Daan",
    "Eva",
    "Fleur",
    "Gijs",
    "Hanneke",
    "Ilias",
    "Joost",
    "Karin",
    "Lotte",
    "Mark",
    "Nadia",
    "Olaf",
    "Petra",
    "Quinten",
    "Rutger",
    "Sanne",
    "Tariq",
    "Ursula",
    "Vincent",
    "Wendy",
    "Xander",
    "Yasmina",
    "Zeger",
    "Ömer",
    "Ilse",
]
LAST = [
    "de Vries",
    "Jansen",
    "van den Berg",
    "Bakker",
    "Visser",
    "Smit",
    "Meijer",
    "de Boer",
    "Mulder",
    "de Groot",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "van Leeuwen",
    "Dekker",
    "Brouwer",
    "de Wit",
    "Dijkstra",
    "Smits",
    "de Graaf",
    "van der Meer",
    "van der Linden",
    "Kok",
    "Jacobs",
    "de Haan",
    "Vermeulen",
    "El Idrissi",
]
PARTIES = ["D66", "VVD", "CDA", "GL-PvdA", "JA21"]
MINISTRIES = ["BZ", "JenV", "BZK", "OCW", "Fin", "Def", "IenW", "EZK", "LVVN", "SZW", "VWS"]
MINISTER_POSTS = [
    ("BZ", "Buitenlandse Handel en Ontwikkelingshulp"),
    ("EZK", "Klimaat en Groene Groei"),
    ("VWS", "Jeugd, Preventie en Sport"),
    ("BZK", "Volkshuisvesting"),
    ("OCW", "Primair en Voortgezet Onderwijs"),
    ("JenV", "Asiel en Migratie"),
]
SECRETARY_POSTS = [
    ("Fin", "Fiscaliteit"),
    ("Fin", "Toeslagen"),
    ("IenW", "Openbaar Vervoer"),
    ("EZK", "Mijnbouw"),
    ("Def", "Personeel"),
    ("BZK", "Digitalisering"),
    ("SZW", "Participatie"),
    ("VWS", "Langdurige Zorg"),
    ("OCW", "Cultuur"),
    ("LVVN", "Natuur en Visserij"),
]


def offices() -> list[tuple[str, str, str]]:
    """(office, ministry, post) for the 28 members of the cabinet."""
    members = [("minister_president", "AZ", "")]
    members += [("minister", ministry, "") for ministry in MINISTRIES]
    members += [("minister", ministry, post) for ministry, post in MINISTER_POSTS]
    members += [("state_secretary", ministry, post) for ministry, post in SECRETARY_POSTS]
    assert len(members) == 28
    return members


def conversation(index: int, office: str, ministry: str, post: str):
    session = new_session()
    name = f"{FIRST[index]} {LAST[index]}"
    variant = "hybrid" if index % 9 == 4 else "personal" if index == 27 else "corporate"
    values = {
        "conversation.date": "2026-02-20",
        "conversation.advisor": "Sanne de Wit",
        "conversation.place": "Den Haag",
        "conversation.notes": "Gesprek in het kader van de kabinetswissel.",
        "minister.name": name,
        "minister.office": office,
        "minister.ministry": ministry,
        "minister.post": post,
        "minister.party": PARTIES[index % len(PARTIES)],
        "minister.sworn_in": "2026-02-23",
        "variant": variant,
        "webcare.standby": index % 2 == 0,
        "webcare.proactive": True,
        "predecessor": {
            "name": f"{FIRST[-1 - index]} {LAST[-1 - index]}",
            "variant": "hybrid" if index % 7 == 3 else "corporate",
            "archiving_arranged": True,
        },
    }
    if variant != "corporate":
        values["motivation"] = (
            "De bewindspersoon heeft een groot eigen netwerk en kiest daar bewust voor."
        )
    own = "own" if variant != "corporate" else "takeover"
    values["platforms.x"] = {"use": True, "account": own}
    values["platforms.instagram"] = {"use": True, "account": own}
    values["platforms.linkedin"] = {
        "use": True,
        "form": "showcase" if variant == "corporate" else "profile",
    }
    values["platforms.facebook"] = {
        "use": index % 3 == 0,
        "form": "ministry_account" if variant != "personal" else "own",
    }
    for path, value in values.items():
        session.set(path, value)
    return with_handles(session, builtin_rulebook()), name


def with_handles(session: Session, rulebook: Rulebook) -> Session:
    """The session with a handle on every account that has none: the rulebook's proposal
    (reading 9). The rulebook proposes no handle for an existing account of the post (the
    advisor fills in the one it has); here that is the handle proposed for a new one."""
    trial = session.copy()
    for key, entry in (session.get("platforms") or {}).items():
        if entry.get("account") == "takeover":
            trial.set(f"platforms.{key}.account", "new")
    for key, account in advise(trial, rulebook).platforms.items():
        if account.handle_suggestion and not session.get(f"platforms.{key}.handle"):
            session.set(f"platforms.{key}.handle", account.handle_suggestion)
    return session


def make_cabinet(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for index, (office, ministry, post) in enumerate(offices()):
        session, name = conversation(index, office, ministry, post)
        slug = name.lower().replace(" ", "-")
        path = folder / f"{index + 1:02d}-{slug}.adviesgesprek.yaml"
        save_session(session, path)
        written.append(path)
    return written


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    for path in make_cabinet(Path(sys.argv[1])):
        print(path)
