"""Where this window's answers differ from those in a file on disk (another window saved it
meanwhile), one line per answer, in the words of the wizard's own labels where it has them."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication

from wizard.core.compare import MISSING, compare_configuration
from wizard.core.session import Session

translate = QCoreApplication.translate

#: the longest answer a line quotes (a long note is cut short)
QUOTED_CHARACTERS = 160


def answer_text(value: Any) -> str:
    """An answer as a line shows it."""
    if value is MISSING or value is None or value == "":
        return translate("Differences", "(leeg)")
    if isinstance(value, bool):
        return translate("Differences", "ja") if value else translate("Differences", "nee")
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
    text = " ".join(text.split())
    if len(text) > QUOTED_CHARACTERS:
        text = text[:QUOTED_CHARACTERS] + "…"
    return f"“{text}”"


def differences(
    window: Session, on_disk: Session, label_of: Callable[[str], str | None]
) -> list[str]:
    """One line per answer that differs; `label_of` gives the wizard's label of a session
    path (None: the path itself is shown)."""
    return [
        translate("Differences", "{label}: in dit venster {window}, in het bestand {disk}").format(
            label=label_of(change.path) or change.path,
            window=answer_text(change.new),
            disk=answer_text(change.old),
        )
        for change in compare_configuration(on_disk.data, window.data)
    ]
