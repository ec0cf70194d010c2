"""Small dialogs: the question about unsaved changes, the About box, error messages.

They are module functions so that tests can replace them (monkeypatch) and never leave a modal
dialog open."""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from wizard.paths import project_version

translate = QCoreApplication.translate

SAVE, DISCARD, CANCEL = "save", "discard", "cancel"


def ask_unsaved(parent: QWidget, name: str) -> str:
    """Save, discard or cancel, for a conversation with unsaved changes."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(translate("Dialogs", "Niet opgeslagen wijzigingen"))
    box.setText(translate("Dialogs", "Het gesprek '{name}' heeft wijzigingen die nog niet zijn "
                                     "opgeslagen.").format(name=name))
    box.setInformativeText(translate("Dialogs", "Wilt u de wijzigingen opslaan?"))
    box.setStandardButtons(QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                           | QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    answer = box.exec()
    if answer == QMessageBox.StandardButton.Save:
        return SAVE
    if answer == QMessageBox.StandardButton.Discard:
        return DISCARD
    return CANCEL


def show_error(parent: QWidget, title: str, message: str) -> None:
    QMessageBox.warning(parent, title, message)


def show_info(parent: QWidget, title: str, message: str) -> None:
    QMessageBox.information(parent, title, message)


def about_text(rulebook: Any | None) -> str:
    """The About text: program version, rulebook version and date."""
    lines = [translate("Dialogs", "<h3>Adviesgesprek {version}</h3>").format(
        version=project_version())]
    lines.append(translate("Dialogs", "<p>Wizard voor het adviesgesprek met een nieuwe "
                                      "bewindspersoon over de sociale-media-accounts.</p>"))
    if rulebook is not None:
        title = escape(str(rulebook.data.get("title", "")))
        lines.append(translate("Dialogs", "<p>Regelboek: {title}<br>versie {version} van "
                                          "{date}</p>").format(title=title,
                                                               version=rulebook.version,
                                                               date=rulebook.date))
        if rulebook.overlay:
            lines.append(translate("Dialogs", "<p>Aanvulling van het departement: {overlay}</p>")
                         .format(overlay=escape(str(rulebook.overlay))))
    lines.append(translate("Dialogs", "<p>Het programma maakt geen netwerkverbinding en vraagt "
                                      "of bewaart nooit wachtwoorden.</p>"))
    return "".join(lines)


def show_about(parent: QWidget, rulebook: Any | None) -> None:
    QMessageBox.about(parent, translate("Dialogs", "Over Adviesgesprek"), about_text(rulebook))
