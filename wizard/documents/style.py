"""The house style of the documents: what a department's overlay changes about how they look and
what they say around the advice.

`house_style(rulebook)` is the one place in the documents that reads a Rulebook: everything
else is made from `Advice` (what the conversation gives) and a `HouseStyle` (the documents' own
words, templates/documents.yaml with an overlay's own documents.yaml merged over it; the
overlay's template folders; its fonts). A HouseStyle holds plain data, so it travels to the
page maker's process with the advice.

No Jinja and no Typst here: the wizard reads the words (a platform's page says what the
agreement will print) without loading the templates.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from wizard.core.errors import InputError
from wizard.core.rulebook import Rulebook, merge_overlay
from wizard.core.yamlio import load_own_yaml_file, load_yaml_file
from wizard.documents.coverage import font_files
from wizard.paths import templates_dir

LABELS_FILE = "documents.yaml"
FONTS_FOLDER = "fonts"


@dataclass(frozen=True, eq=False)
class HouseStyle:
    """The documents' words, an overlay's template folders and its fonts."""

    labels: dict[str, Any]  # templates/documents.yaml, an overlay's own merged over it
    template_dirs: tuple[Path, ...]  # the overlay's template folders, in front of the built-in
    fonts_dir: Path | None  # the overlay's fonts/ folder, when it holds font files

    @property
    def folders(self) -> tuple[str, ...]:
        """The template folders as strings (what the template environments are cached by)."""
        return tuple(str(folder) for folder in self.template_dirs)


@cache
def _builtin_labels() -> dict[str, Any]:
    return load_own_yaml_file(templates_dir() / LABELS_FILE)


@cache
def _merged_labels(folders: tuple[str, ...]) -> dict[str, Any]:
    merged = copy.deepcopy(_builtin_labels())
    for folder in folders:
        path = Path(folder) / LABELS_FILE
        if path.is_file():
            extra = load_yaml_file(path)
            if not isinstance(extra, dict):
                raise InputError("dit moet een verzameling sleutels zijn", file=str(path))
            merged = merge_overlay(merged, extra)
    return merged


def _fonts_dir(overlay: str | None) -> Path | None:
    """The `fonts/` folder of an overlay (the overlay folder's own, or the one beside an overlay
    file), when there is one with font files in it."""
    if not overlay:
        return None
    where = Path(overlay)
    folder = (where if where.is_dir() else where.parent) / FONTS_FOLDER
    return folder if font_files([folder]) else None


def _make(rulebook: Rulebook) -> HouseStyle:
    folders = tuple(str(Path(folder)) for folder in rulebook.template_dirs)
    return HouseStyle(
        labels=_merged_labels(folders),
        template_dirs=tuple(Path(folder) for folder in folders),
        fonts_dir=_fonts_dir(rulebook.overlay),
    )


def house_style(rulebook: Rulebook) -> HouseStyle:
    """The house style of the rulebook's overlay (the built-in one without an overlay), made
    once per rulebook."""
    return rulebook.memo("documents.house_style", lambda: _make(rulebook))
