"""The document fonts: the ones bundled in resources/fonts, never whatever the machine has.

The bundled open fonts (Noto Sans with Hebrew, Arabic, symbols and colour emoji) are loaded into
Qt's font database once per process, and the documents ask for them by name, so a session gives
the same layout on every machine. The Rijksoverheid house font (templates/documents.yaml
`fonts.house`) comes first when it is installed.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtGui import QFontDatabase

from wizard.core.rulebook import Rulebook
from wizard.documents.qtapp import ensure_gui_application
from wizard.documents.templating import chrome, safe_font_names
from wizard.paths import resources_dir

MAIN_FAMILY = "Noto Sans"


def font_files() -> list[Path]:
    """The bundled fonts Qt uses. Not the colour emoji: Qt's PDF writer draws them as pictures
    without text, so the emoji would be missing from the PDF's text layer either way."""
    return sorted(path for path in (resources_dir() / "fonts").glob("*.ttf")
                  if "Emoji" not in path.name)


@cache
def load_bundled_fonts() -> tuple[str, ...]:
    """Add the bundled fonts to Qt's font database; the families they brought, the main one
    first (Noto Sans, then Noto Sans Arabic, Hebrew and Symbols2)."""
    ensure_gui_application()
    families: list[str] = []
    for path in font_files():
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            raise RuntimeError(f"het lettertype '{path.name}' van het programma is onleesbaar")
        families += [name for name in QFontDatabase.applicationFontFamilies(font_id)
                     if name not in families]
    return tuple(sorted(families, key=lambda name: name != MAIN_FAMILY))


@cache
def _house_installed(candidates: tuple[str, ...]) -> str | None:
    installed = {family.casefold() for family in QFontDatabase.families()}
    return next((name for name in candidates if name.casefold() in installed), None)


def document_family(rulebook: Rulebook) -> str:
    """The family used for PDF, print and ODT: the house font when installed, else Noto Sans."""
    load_bundled_fonts()
    house = safe_font_names((chrome(rulebook).get("fonts") or {}).get("house") or [])
    return _house_installed(tuple(house)) or MAIN_FAMILY
