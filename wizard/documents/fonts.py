"""The document font: the Rijksoverheid house font when installed, else a common sans-serif.

The candidates come from templates/documents.yaml (`fonts.house`, then `fonts.fallback`: Segoe UI
on Windows, Helvetica Neue on macOS, Liberation Sans or DejaVu Sans on Linux). The choice is made
once per process.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QFontDatabase

from wizard.core.rulebook import Rulebook
from wizard.documents.qtapp import ensure_gui_application
from wizard.documents.templating import font_candidates


@cache
def _first_installed(candidates: tuple[str, ...]) -> str:
    ensure_gui_application()
    installed = {family.casefold() for family in QFontDatabase.families()}
    for name in candidates:
        if name.casefold() in installed:
            return name
    return QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont).family()


def document_family(rulebook: Rulebook) -> str:
    """The family used for PDF, print and ODT: the first candidate installed here."""
    return _first_installed(tuple(font_candidates(rulebook)))
