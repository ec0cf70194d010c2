"""The house style of the documents: what a department's overlay changes about how they look and
what they say around the advice.

`house_style(rulebook)` is the one place in the documents that reads a Rulebook: everything
else is made from `Advice` (what the conversation gives) and a `HouseStyle` (the documents' own
words, templates/documents.yaml with an overlay's own documents.yaml merged over it; the
overlay's template folders; its fonts). A HouseStyle holds plain data, so it travels to the
page maker's process with the advice.

No file of an overlay may lead outside the overlay's folder: a template (checked by the
template loader, wizard/documents/templating.py), its documents.yaml or a font that is a link to
a file elsewhere (/etc/hostname) is refused with an InputError; links inside the folder are
fine.

No Jinja and no Typst here: the wizard reads the words (a platform's page says what the
agreement will print) without loading the templates.
"""

from __future__ import annotations

import copy
import os
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
    # The overlay's folder (the one an overlay file lies in): nothing of the overlay is read
    # from outside it.
    overlay_dir: Path | None

    @property
    def folders(self) -> tuple[str, ...]:
        """The template folders as strings (what the template environments are cached by)."""
        return tuple(str(folder) for folder in self.template_dirs)


def inside(path: Path, folder: Path) -> bool:
    """Whether `path` lies in `folder`, every link followed (of both)."""
    try:
        return path.resolve().is_relative_to(folder.resolve())
    except (OSError, RuntimeError):  # a loop of links
        return False


def outside_error(path: Path, what: str) -> InputError:
    """The refusal of an overlay's file that leads outside the overlay's folder."""
    return InputError(
        f"{what} is een koppeling naar een bestand buiten de map van het aanvullende "
        "regelboek en wordt niet gebruikt",
        file=str(path),
    )


@cache
def _builtin_labels() -> dict[str, Any]:
    return load_own_yaml_file(templates_dir() / LABELS_FILE)


@cache
def _merged_labels(folders: tuple[str, ...], overlay: Path | None) -> dict[str, Any]:
    merged = copy.deepcopy(_builtin_labels())
    for folder in folders:
        path = Path(folder) / LABELS_FILE
        if overlay is not None and os.path.lexists(path) and not inside(path, overlay):
            raise outside_error(path, f"'{LABELS_FILE}'")
        if path.is_file():
            extra = load_yaml_file(path)
            if not isinstance(extra, dict):
                raise InputError("dit moet een verzameling sleutels zijn", file=str(path))
            merged = merge_overlay(merged, extra)
    return merged


def _overlay_dir(overlay: str | None) -> Path | None:
    """The overlay's folder: the overlay itself, or the folder an overlay file lies in."""
    if not overlay:
        return None
    where = Path(overlay)
    return where if where.is_dir() else where.parent


def _leading_outside(folder: Path, overlay: Path) -> Path | None:
    """The first entry under `folder`, subfolders and links followed as Typst follows them
    when it looks for fonts, that leads outside `overlay`; None when there is none."""
    if not inside(folder, overlay):
        return folder
    seen: set[Path] = set()
    waiting = [folder]
    while waiting:
        current = waiting.pop()
        if current.resolve() in seen:
            continue
        seen.add(current.resolve())
        try:
            entries = sorted(current.iterdir())
        except OSError:
            continue
        for entry in entries:
            if not inside(entry, overlay):
                return entry
            if entry.is_dir():
                waiting.append(entry)
    return None


def _fonts_dir(overlay: Path | None) -> Path | None:
    """The `fonts/` folder of an overlay, when there is one with font files in it; an
    InputError when something in it leads outside the overlay's folder."""
    if overlay is None:
        return None
    folder = overlay / FONTS_FOLDER
    if not os.path.lexists(folder):
        return None
    outside = _leading_outside(folder, overlay)
    if outside is not None:
        raise outside_error(outside, f"het lettertype '{outside.name}'")
    return folder if font_files([folder]) else None


def _make(rulebook: Rulebook) -> HouseStyle:
    folders = tuple(str(Path(folder)) for folder in rulebook.template_dirs)
    overlay = _overlay_dir(rulebook.overlay)
    return HouseStyle(
        labels=_merged_labels(folders, overlay),
        template_dirs=tuple(Path(folder) for folder in folders),
        fonts_dir=_fonts_dir(overlay),
        overlay_dir=overlay,
    )


def house_style(rulebook: Rulebook) -> HouseStyle:
    """The house style of the rulebook's overlay (the built-in one without an overlay), made
    once per rulebook."""
    return rulebook.memo("documents.house_style", lambda: _make(rulebook))
