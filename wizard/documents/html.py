"""The HTML of the documents: the source of the ODT, and the standalone, accessible export."""

from __future__ import annotations

import re

from wizard.core.advice import Advice
from wizard.documents.context import document_context
from wizard.documents.fonts import family_chain
from wizard.documents.style import HouseStyle
from wizard.documents.templating import font_candidates, render_template

# Characters no XML or PDF text may hold: C0 controls other than tab, newline and carriage
# return, DEL, lone surrogates and the 66 non-characters (U+FDD0-U+FDEF and the last two code
# points of every plane). YAML escapes like "\0", "\e" or "\ud800" in a session file, or a
# paste into the wizard, can bring them in.
_NONCHARACTERS = "".join(
    chr(plane + 0xFFFE) + chr(plane + 0xFFFF) for plane in range(0, 0x110000, 0x10000)
)
_UNUSABLE = re.compile(
    f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufdd0-\ufdef{_NONCHARACTERS}]"
)


def clean_text(text: str) -> str:
    """The text without the characters no document can hold. They are invisible in the wizard
    and carry no meaning, so they are dropped (the session file keeps them as they are)."""
    return _UNUSABLE.sub("", text)


def _font_families(style: HouseStyle, standalone: bool) -> list[str]:
    """The standalone export lists the whole chain (the reader's browser picks); the ODT's
    source names the document's own families (the house font when the overlay brings it, then
    the bundled fonts)."""
    if standalone:
        return font_candidates(style)
    return family_chain(style)


def document_html(kind: str, advice: Advice, style: HouseStyle, *, standalone: bool = False) -> str:
    """The HTML of 'afspraken', 'checklist' or 'verantwoording'. Without `standalone` this is
    the source of the ODT; with it, the accessible export (lang="nl", real headings, table
    headers, embedded CSS)."""
    context = document_context(
        kind,
        advice,
        style,
        standalone=standalone,
        font_families=_font_families(style, standalone),
    )
    return clean_text(render_template(f"{kind}.html.j2", context, style))
