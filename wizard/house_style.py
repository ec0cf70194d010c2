"""The house style in one place: the colours and the page of the documents, and the colours the
wizard uses for its messages.

The documents read these values, never a copy of them: the PDF's Typst library
(templates/adviesgesprek.typ) gets them through Typst's inputs, the HTML's style sheets
through the template context (`style`; both `as_data`), the ODT writer (wizard/documents/odt.py)
fills them into its styles template. Nothing is imported here: the wizard reads its colours
without loading the documents.
"""

from __future__ import annotations

# Colours by name, as the documents use them.
COLOURS = {
    "house_blue": "#154273",  # titles, headings, the band of a platform, the header's rule
    "text": "#1a1a1a",
    "muted": "#555555",  # notes, labels, the footer
    "muted_on_screen": "#4a4a4a",  # the same in the HTML export, darker for a screen's contrast
    "rule_grey": "#d4d4d4",  # the lines between table rows
    "line_grey": "#b0b0b0",  # the lines to write on (checklist notes)
    "open": "#a90061",  # what is still open ("nog niet besproken")
    "concept_red": "#b3261e",  # the CONCEPT mark in the header
    "concept_fill": "#fbe9e7",  # the box that says the document is a concept
    "concept_text": "#7a1008",
    "concept_rule": "#d52b1e",
    "watermark": "#f6dcd8",  # CONCEPT across the page (PDF)
    "band_fill": "#e8eef5",  # behind a platform's name
    "white": "#ffffff",
}

# The page of the PDF (A4), in millimetres: the body between the margins; the header's rule
# `header_ascent` above the body, the footer's `footer_descent` below it.
PAGE = {
    "width": 210,
    "height": 297,
    "margin_left": 22,
    "margin_right": 22,
    "margin_top": 27,
    "margin_bottom": 24,
    "header_ascent": 8,
    "footer_descent": 9,
}

# The ODT's page: the same width and side margins; a word processor puts the header and the
# footer inside the margins, so the top and bottom margins are to the header and the footer,
# which have a height and a gap to the body of their own (the body starts about where the
# PDF's does).
ODT_PAGE = {
    "margin_top": 13,
    "margin_bottom": 11,
    "header_height": 8,
    "header_gap": 5,
    "footer_height": 8,
    "footer_gap": 5,
}

# The wizard's messages: a colour per severity on a light window and on a dark (high-contrast)
# one, each readable on its background.
SEVERITY_COLOURS = {
    "error": ("#a4001d", "#ff9aa8"),
    "warning": ("#6b4700", "#ffd480"),
    "info": (COLOURS["house_blue"], "#a8ccf0"),
}


def body_width() -> int:
    """The width of the text between the side margins, in millimetres."""
    return PAGE["width"] - PAGE["margin_left"] - PAGE["margin_right"]


def as_data() -> dict[str, dict[str, object]]:
    """The house style as plain data: what the Typst library reads from its inputs
    (`settings.style`) and the HTML templates from their context (`style`)."""
    return {"colours": dict(COLOURS), "page": dict(PAGE)}
