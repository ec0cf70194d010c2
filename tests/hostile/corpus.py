"""The hostile corpus: nasty strings, the text fields of a session that the documents show, and
sessions that show every one of those fields.

Every string is meant to come out of the program literally (as data, never as markup, template
code, format string or formula), except for the characters no document can hold (C0 controls,
DEL, lone surrogates, the non-characters U+FFFE/U+FFFF): the documents drop those, the session
file keeps them (see `document_form`).
"""

from __future__ import annotations

import re
import unicodedata

from wizard.core.session import Session, new_session

LONG = 100_000

NASTY: dict[str, str] = {
    "markup": "<b>vet</b> <i>schuin</i></p></td></table> <script>alert('x')</script>",
    "jinja": "{{ 7*7 }} {% raw %} {# commentaar #} {%- endraw %} {{ labels }} {%",
    "typst": '#sys.exit() *vet* _schuin_ $x^2$ <label> @ref #import "@preview/cetz:0.3.0" '
    '#read("/etc/passwd") = Kop `code` \\ ] [ #{ } // niet /* wel */ ~ --- ...',
    "typst_code": '#let x = 1; #eval("1+1") #std.eval("2") #set page(width: 1cm) '
    '#show: none #value(0); #page-frame() #include "x.typ"',
    "qt_rich_text": '<font color=red>rood</font> <img src="x.png"> <a href="https://x.nl">a</a> '
    "<qt><hr>",
    "entities": "&amp; &lt;b&gt; &#60;i&#62; &#x41; &nbsp; &copy &",
    "format_strings": "%s %d %(naam)s {0} {} {name} {{x}} %% {!r} {0:>10}",
    "control_characters": "een\x1b[31mrood\x1b[0m\x0cblad\rterug\x07bel\x08\x7fx\x1f",
    "rtl_override": "\u202eNorskI\u202c en \u202eVries",  # the last one left open
    "bidi_isolates": "\u2066links\u2069 \u2067rechts \u2068eerst",  # two left open
    "rtl_script": "שלום עליכם مرحبا بالعالم",
    "combining": "e\u0301\u0301\u0301 Z\u0351\u0352\u0353\u0354 o\u0308\u0323",
    "zero_width": "a\u200bb\u200cc\u200dd\ufeffe\u2060f\u00adg",
    "emoji_zwj": "👩🏽‍💻 👨‍👩‍👧‍👦 🏳️‍🌈 🇳🇱 ❤️",
    "yaml_syntax": "sleutel: waarde\n- item\n--- !!python/object/apply:os.system ['ls']\n&a *a",
    "csv_injection": '=HYPERLINK("http://x";"klik") +31 @SUM(A1) -1',
    "line_breaks": "regel 1\nregel 2\r\nregel 3\u2028regel 4\u2029regel 5\x85regel 6",
    "quotes": "'enkel' \"dubbel\" `terug` \\ ; -- DROP TABLE sessies; /* */",
    "nul": "voor\x00na",
    "lone_surrogates": "half\ud800 \udfffweg",
    "non_characters": "\ufffe\uffff \U0010ffff \U000e0001",
    "whitespace_only": " \t\u00a0\u3000\u2003 ",
    "long_text": ("Lange tekst met woorden. " * (LONG // 25 + 1))[:LONG],
    "long_word": ("Woordzonderspatie" * (LONG // 17 + 1))[:LONG],
}
SHORT = [name for name in NASTY if not name.startswith("long_")]
LONG_NAMES = [name for name in NASTY if name.startswith("long_")]

# Every text field of a session that a document shows, with the variant in which it shows.
# (`platforms.<p>.existing_handle` is only a question for the advice: no document shows it.
# `minister.party` shows in the agreement only where an account carries the party's hashtag:
# the hybrid conversation. The name, the post and the handles are in batch's cabinet overview
# too: test_documents.py's test_the_cabinet_overview_shows_every_text_literally.)
HYBRID_FIELDS = [
    "conversation.advisor",
    "conversation.director",
    "conversation.place",
    "conversation.notes",
    "minister.name",
    "minister.post",
    "minister.party",
    "minister.party_hashtag",
    "minister.ministry",
    "motivation",
    "predecessor.name",
    "access.people",
    "access.authenticator_handover",
    "platforms.x.handle",
    "platforms.x.display_name",
    "platforms.x.bio",
    "platforms.x.link",
    "platforms.x.notes",
    "platforms.instagram.handle",
    "platforms.instagram.archive_account",
]
CORPORATE_FIELDS = [
    "platforms.facebook.ministry_account",
    "platforms.linkedin.handle",
    "platforms.facebook.display_name",
    "platforms.linkedin.bio",
]
FIELDS = HYBRID_FIELDS + CORPORATE_FIELDS

# The fields platformconfiguratie.yaml carries (as `minister.*` or per platform).
CONFIGURATION_FIELDS = {
    "minister.name": ("minister", "name"),
    "minister.post": ("minister", "post"),
    "minister.party": ("minister", "party"),
    "platforms.x.handle": ("platforms", "x", "handle"),
    "platforms.x.display_name": ("platforms", "x", "display_name"),
    "platforms.x.bio": ("platforms", "x", "bio"),
    "platforms.x.link": ("platforms", "x", "link"),
    "platforms.instagram.handle": ("platforms", "instagram", "handle"),
    "platforms.instagram.archive_account": ("predecessor_accounts", "instagram", "archive_account"),
    "platforms.facebook.ministry_account": ("platforms", "facebook", "handle"),
    "platforms.facebook.display_name": ("platforms", "facebook", "display_name"),
    "platforms.linkedin.handle": ("platforms", "linkedin", "handle"),
    "platforms.linkedin.bio": ("platforms", "linkedin", "bio"),
}


def base_session(variant: str) -> Session:
    """A complete conversation in which every field of its variant's list shows."""
    session = new_session()
    values = {
        "conversation.date": "2026-02-20",
        "conversation.advisor": "Sanne de Wit",
        "conversation.place": "Den Haag",
        "minister.name": "Eva de Vries",
        "minister.office": "minister",
        "minister.ministry": "BZK",
        "minister.party": "GL-PvdA",
        "minister.sworn_in": "2026-02-23",
        "variant": variant,
        "predecessor": {
            "name": "Dick Schoof",
            "variant": "corporate",
            "archiving_arranged": True,
            "accounts": {
                "x": {"handle": "MinisterBZK", "kind": "office"},
                "instagram": {"handle": "ministerbzk", "kind": "office"},
            },
        },
        "access.people": "webcareteam",
        "access.authenticator_handover": "persoonlijk",
    }
    if variant == "hybrid":
        values.update(
            {
                "motivation": "Zij houdt haar eigen account.",
                "platforms.x": {"use": True, "account": "own", "handle": "EvadeVries"},
                "platforms.instagram": {"use": True, "account": "own", "handle": "evadevries"},
            }
        )
    else:
        values.update(
            {
                "platforms.x": {"use": True, "account": "takeover", "handle": "MinisterBZK"},
                "platforms.instagram": {
                    "use": True,
                    "account": "takeover",
                    "handle": "ministerbzk",
                },
                "platforms.linkedin": {"use": True, "form": "showcase", "account": "takeover"},
                "platforms.facebook": {"use": True, "form": "ministry_account"},
            }
        )
    for path, value in values.items():
        session.set(path, value)
    return session


def tag(field: str) -> str:
    """A short marker that says which field a text in a document came from."""
    return f"[F{FIELDS.index(field):02d}]"


def hostile_session(text: str, fields: list[str]) -> Session:
    """The variant's base conversation with `text` (after the field's tag) in every field."""
    variant = "hybrid" if set(fields) <= set(HYBRID_FIELDS) else "corporate"
    session = base_session(variant)
    for field in fields:
        session.set(field, tag(field) + text)
    return session


# --- what a document shows of a text -----------------------------------------------------

_UNUSABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
_INVISIBLE = re.compile(r"\s+")
_RTL = "\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe"
_BIDI_CONTROLS = "\u202a-\u202e\u2066-\u2069"
# Runs of one direction: right-to-left letters, or anything else up to a space or a bidi control.
_RUNS = re.compile(f"[{_RTL}]+|[^{_RTL}{_BIDI_CONTROLS}\\s]+")


def _noncharacter(char: str) -> bool:
    code = ord(char)
    return 0xFDD0 <= code <= 0xFDEF or code & 0xFFFE == 0xFFFE


def document_form(text: str) -> str:
    """The characters of `text` a document can hold: without C0 controls (but tab, newline and
    carriage return), DEL, lone surrogates and non-characters."""
    return "".join(char for char in _UNUSABLE.sub("", text) if not _noncharacter(char))


def has_bidi(text: str) -> bool:
    """Right-to-left letters or explicit direction controls: a PDF holds such text in the order
    it is shown, not the order it was typed."""
    return any(
        unicodedata.bidirectional(char)
        in ("R", "AL", "RLE", "RLO", "RLI", "LRE", "LRO", "LRI", "FSI", "PDF", "PDI")
        for char in text
    )


def _clusters(text: str) -> list[str]:
    """The text cut into a base character and the combining marks after it."""
    clusters: list[str] = []
    for char in text:
        if clusters and unicodedata.category(char).startswith("M"):
            clusters[-1] += char
        else:
            clusters.append(char)
    return clusters


def single_clusters(text: str) -> str:
    """The text with a letter and its combining marks written once where it follows itself.
    Typst draws a letter with stacked marks (Z + 4 marks) with several glyphs, and gives each
    separately placed glyph the text of the whole cluster (its ToUnicode entry or an ActualText
    span: see tests/documents/test_pdf_audit.py), so a PDF's text holds such a cluster once per
    glyph; it is read once here, and so is the value it is compared with."""
    out: list[str] = []
    for cluster in _clusters(text):
        if not (len(cluster) > 1 and out and out[-1] == cluster):
            out.append(cluster)
    return "".join(out)


def pdf_shows(pdf_text: str, value: str) -> bool:
    """Whether the text of a PDF holds `value`. Arabic comes out of a PDF in its presentation
    forms (NFKC maps them back) and right-to-left text in the order it is shown; for such text
    every run of one direction must be there, read either way. A letter with several combining
    marks is read once (`single_clusters`)."""
    shown = single_clusters(comparable(unicodedata.normalize("NFKC", pdf_text)))
    wanted = single_clusters(comparable(unicodedata.normalize("NFKC", value)))
    if wanted in shown:
        return True
    if not has_bidi(value):
        return False
    runs = _RUNS.findall(unicodedata.normalize("NFKC", document_form(value)))
    runs = [comparable(run) for run in runs]
    return all(run in shown or run[::-1] in shown for run in runs if run)


def comparable(text: str) -> str:
    """Text as it can be compared across formats: NFC, without whitespace (lines break anywhere
    in a PDF) and without invisible format characters (zero-width joiners, bidi controls, soft
    hyphens), which a PDF draws no glyph for. The spaces go first: a PDF reader may put one
    between a letter and its stacked accents, which would keep them from being normalised."""
    text = "".join(char for char in document_form(text) if unicodedata.category(char) != "Cf")
    return unicodedata.normalize("NFC", _INVISIBLE.sub("", text))
