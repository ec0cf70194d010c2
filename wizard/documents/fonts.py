"""The document fonts: the ones the program bundles, and the house font a department brings;
never whatever the machine has.

The bundled open fonts (`resources/fonts`: Noto Sans with Hebrew, Arabic, Symbols 2 and colour
emoji) are always there. A department's overlay may bring the Rijksoverheid house font in a
`fonts/` folder beside its YAML (`HouseStyle.fonts_dir`: the overlay folder's own `fonts/`, or
the one beside an overlay file); the first family of templates/documents.yaml `fonts.house`
found there comes first.
Nothing here needs Qt: the ODT names the same family, `render` and `batch` run without Qt.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import typst

from wizard.documents.style import FONTS_FOLDER, HouseStyle
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


def bundled_fonts_dir() -> Path:
    return resources_dir() / FONTS_FOLDER


def font_dirs(style: HouseStyle) -> tuple[Path, ...]:
    """The folders Typst reads fonts from: the bundled ones, and the overlay's."""
    extra = style.fonts_dir
    return (bundled_fonts_dir(),) if extra is None else (bundled_fonts_dir(), extra)


@cache
def _families(folder: Path) -> tuple[str, ...]:
    fonts = typst.Fonts(
        include_system_fonts=False, include_embedded_fonts=False, font_paths=[str(folder)]
    )
    return tuple(fonts.families())


def house_family(style: HouseStyle) -> str | None:
    """The first house font name (documents.yaml `fonts.house`) the overlay's fonts provide."""
    folder = style.fonts_dir
    if folder is None:
        return None
    present = {family.casefold(): family for family in _families(folder)}
    names = safe_font_names((style.labels.get("fonts") or {}).get("house") or [])
    return next((present[name.casefold()] for name in names if name.casefold() in present), None)


def document_family(style: HouseStyle) -> str:
    """The family of PDF, print and ODT: the house font when the overlay brings it, else
    Noto Sans."""
    return house_family(style) or MAIN_FAMILY


def family_chain(style: HouseStyle) -> list[str]:
    """The families the documents ask for, in order: the house font, then the bundled ones."""
    house = house_family(style)
    return [house, *BUNDLED_FAMILIES] if house else list(BUNDLED_FAMILIES)
