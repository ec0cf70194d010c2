"""The document fonts: the ones the program bundles, and the house font a department brings;
never whatever the machine has.

The bundled open fonts (`resources/fonts`: Noto Sans with Hebrew, Arabic, Symbols 2 and colour
emoji) are always there. A department's overlay may bring the Rijksoverheid house font in a
`fonts/` folder beside its YAML (the overlay folder's own `fonts/`, or the one beside an overlay
file); the first family of templates/documents.yaml `fonts.house` found there comes first.
Nothing here needs Qt: the ODT names the same family, `render` and `batch` run without Qt.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from wizard.core.rulebook import Rulebook
from wizard.documents.chrome import chrome
from wizard.documents.coverage import font_files
from wizard.documents.templating import safe_font_names
from wizard.paths import resources_dir

MAIN_FAMILY = "Noto Sans"
# The bundled families in the order Typst tries them for a character the first one lacks.
BUNDLED_FAMILIES = (
    "Noto Sans",
    "Noto Sans Hebrew",
    "Noto Sans Arabic",
    "Noto Sans Symbols2",
    "Noto Color Emoji",
)
FONTS_FOLDER = "fonts"


def bundled_fonts_dir() -> Path:
    return resources_dir() / FONTS_FOLDER


def overlay_fonts_dir(rulebook: Rulebook) -> Path | None:
    """The `fonts/` folder of the rulebook's overlay, when there is one with font files in it."""
    if not rulebook.overlay:
        return None
    overlay = Path(rulebook.overlay)
    folder = (overlay if overlay.is_dir() else overlay.parent) / FONTS_FOLDER
    return folder if font_files([folder]) else None


def font_dirs(rulebook: Rulebook) -> tuple[Path, ...]:
    """The folders Typst reads fonts from: the bundled ones, and the overlay's."""
    extra = overlay_fonts_dir(rulebook)
    return (bundled_fonts_dir(),) if extra is None else (bundled_fonts_dir(), extra)


@cache
def _families(folder: Path) -> tuple[str, ...]:
    import typst

    fonts = typst.Fonts(
        include_system_fonts=False, include_embedded_fonts=False, font_paths=[str(folder)]
    )
    return tuple(fonts.families())


def house_family(rulebook: Rulebook) -> str | None:
    """The first house font name (documents.yaml `fonts.house`) the overlay's fonts provide."""
    folder = overlay_fonts_dir(rulebook)
    if folder is None:
        return None
    present = {family.casefold(): family for family in _families(folder)}
    names = safe_font_names((chrome(rulebook).get("fonts") or {}).get("house") or [])
    return next((present[name.casefold()] for name in names if name.casefold() in present), None)


def document_family(rulebook: Rulebook) -> str:
    """The family of PDF, print and ODT: the house font when the overlay brings it, else
    Noto Sans."""
    return house_family(rulebook) or MAIN_FAMILY


def family_chain(rulebook: Rulebook) -> list[str]:
    """The families the documents ask for, in order: the house font, then the bundled ones."""
    house = house_family(rulebook)
    return [house, *BUNDLED_FAMILIES] if house else list(BUNDLED_FAMILIES)
