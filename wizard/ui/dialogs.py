"""Small dialogs: the question about unsaved changes, the About box, error messages.

They are module functions so that tests can replace them (monkeypatch) and never leave a modal
dialog open."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from wizard.core.catalog import catalog
from wizard.paths import project_version
from wizard.ui.texts import esc

translate = QCoreApplication.translate

SAVE, DISCARD, CANCEL = "save", "discard", "cancel"
#: what to do with a file another program changed since this window read or wrote it
RELOAD, COMPARE, SAVE_AS, OVERWRITE = "reload", "compare", "save_as", "overwrite"
#: how to open a file that is open in another window
READ_ONLY, OPEN_ANYWAY = "read_only", "open_anyway"


def ask_unsaved(parent: QWidget, name: str) -> str:
    """Save, discard or cancel, for a conversation with unsaved changes. `name` says whose
    conversation it is ("het gesprek met Rob Jetten")."""
    box = QMessageBox(parent)
    box.setObjectName("dialog.unsaved")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(translate("Dialogs", "Niet opgeslagen wijzigingen"))
    box.setText(
        translate("Dialogs", "{name} heeft wijzigingen die nog niet zijn opgeslagen.").format(
            name=name[:1].upper() + name[1:]
        )
    )
    box.setInformativeText(translate("Dialogs", "Wilt u de wijzigingen opslaan?"))
    role = QMessageBox.ButtonRole
    return _answer(
        box,
        [
            (SAVE, translate("Dialogs", "&Opslaan"), role.AcceptRole),
            (DISCARD, translate("Dialogs", "&Niet opslaan"), role.DestructiveRole),
            (CANCEL, translate("Dialogs", "&Annuleren"), role.RejectRole),
        ],
        SAVE,
    )


def ask_change_variant(parent: QWidget) -> bool:
    """Whether to change the variant after its consequences were discussed with the minister;
    No is the default, for Enter as for Escape."""
    box = QMessageBox(parent)
    box.setObjectName("dialog.variant")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(translate("Dialogs", "Variant wijzigen?"))
    box.setText(
        translate(
            "Dialogs",
            "U hebt de gevolgen van deze variant al met de bewindspersoon besproken. Wilt u de "
            "variant toch wijzigen?",
        )
    )
    box.setInformativeText(
        translate(
            "Dialogs",
            "Bij een andere variant horen andere gevolgen; bespreek die opnieuw. Met Ctrl+Z "
            "zet u de wijziging terug.",
        )
    )
    role = QMessageBox.ButtonRole
    answer = _answer(
        box,
        [
            ("change", translate("Dialogs", "&Ja, wijzigen"), role.AcceptRole),
            ("keep", translate("Dialogs", "&Nee"), role.RejectRole),
        ],
        "keep",
    )
    return answer == "change"


def ask_replace(parent: QWidget, what: str) -> bool:
    """Whether the advisor's own text may be replaced by the rulebook's proposal (`what`:
    "de bio", "de handle"). The replacement can be undone with Ctrl+Z."""
    box = QMessageBox(parent)
    box.setObjectName("dialog.replace")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(translate("Dialogs", "Tekst vervangen?"))
    box.setText(
        translate(
            "Dialogs", "Uw eigen tekst van {what} vervangen door het voorstel van het regelboek?"
        ).format(what=what)
    )
    box.setInformativeText(translate("Dialogs", "Met Ctrl+Z zet u uw eigen tekst terug."))
    replace = box.addButton(translate("Dialogs", "&Vervangen"), QMessageBox.ButtonRole.AcceptRole)
    keep = box.addButton(
        translate("Dialogs", "&Eigen tekst houden"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.exec()
    return box.clickedButton() is replace


def _answer(
    box: QMessageBox, buttons: list[tuple[str, str, QMessageBox.ButtonRole]], default: str
) -> str:
    """Add the buttons (answer, text, role), show the box, and give the answer chosen; the
    last button is the one Escape presses."""
    made = {}
    for answer, text, role in buttons:
        button = box.addButton(text, role)
        button.setObjectName(f"{box.objectName()}.{answer}")
        made[answer] = button
    box.setDefaultButton(made[default])
    box.setEscapeButton(made[buttons[-1][0]])
    box.exec()
    return next(
        (answer for answer, button in made.items() if box.clickedButton() is button),
        buttons[-1][0],
    )


def ask_changed_on_disk(parent: QWidget, name: str) -> str:
    """The file was changed by another window or program since this window opened or saved
    it: save under another name, compare, reload, overwrite or cancel."""
    box = QMessageBox(parent)
    box.setObjectName("dialog.changed")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(translate("Dialogs", "Bestand gewijzigd"))
    box.setText(
        translate(
            "Dialogs",
            "{name} is gewijzigd door een ander venster of programma, sinds u het opende of "
            "opsloeg.",
        ).format(name=name)
    )
    box.setInformativeText(
        translate(
            "Dialogs",
            "Als u het overschrijft, gaan die wijzigingen verloren. U kunt uw gesprek onder "
            "een andere naam opslaan, de verschillen bekijken of het bestand opnieuw laden.",
        )
    )
    role = QMessageBox.ButtonRole
    return _answer(
        box,
        [
            (SAVE_AS, translate("Dialogs", "Opslaan &als…"), role.AcceptRole),
            (COMPARE, translate("Dialogs", "&Vergelijken…"), role.ActionRole),
            (RELOAD, translate("Dialogs", "Opnieuw &laden…"), role.ActionRole),
            (OVERWRITE, translate("Dialogs", "&Overschrijven"), role.DestructiveRole),
            (CANCEL, translate("Dialogs", "Annuleren"), role.RejectRole),
        ],
        SAVE_AS,
    )


def ask_reload(parent: QWidget, name: str) -> bool:
    """Whether to read the file again as it is on disk, losing this window's changes."""
    box = QMessageBox(parent)
    box.setObjectName("dialog.reload")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(translate("Dialogs", "Opnieuw laden?"))
    box.setText(
        translate("Dialogs", "{name} opnieuw laden zoals het nu op schijf staat?").format(name=name)
    )
    box.setInformativeText(translate("Dialogs", "Uw wijzigingen in dit venster gaan dan verloren."))
    role = QMessageBox.ButtonRole
    answer = _answer(
        box,
        [
            (RELOAD, translate("Dialogs", "Opnieuw &laden"), role.DestructiveRole),
            (CANCEL, translate("Dialogs", "Annuleren"), role.RejectRole),
        ],
        CANCEL,
    )
    return answer == RELOAD


def show_differences(parent: QWidget, name: str, lines: list[str]) -> None:
    """Where this window's answers differ from the file's (one line each), until Close."""
    dialog = QDialog(parent)
    dialog.setObjectName("dialog.differences")
    dialog.setWindowTitle(translate("Dialogs", "Verschillen met het bestand"))
    layout = QVBoxLayout(dialog)
    intro = QLabel(
        translate(
            "Dialogs", "Waar de antwoorden in dit venster verschillen van {name} op schijf:"
        ).format(name=name)
    )
    intro.setWordWrap(True)
    layout.addWidget(intro)
    text = QTextBrowser()
    text.setObjectName("differences.text")
    text.setAccessibleName(translate("Dialogs", "Verschillen met het bestand"))
    intro.setBuddy(text)
    items = "".join(f"<li>{esc(line)}</li>" for line in lines)
    text.setHtml(f"<ul>{items}</ul>")
    layout.addWidget(text)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.button(QDialogButtonBox.StandardButton.Close).setObjectName("differences.close")
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    fit_to_screen(dialog, parent)
    text.setFocus(Qt.FocusReason.OtherFocusReason)
    dialog.exec()


def ask_open_elsewhere(parent: QWidget, name: str, pid: int, host: str) -> str:
    """The file is open in another window (its lock file says which program, on which
    machine): open it read-only, open it anyway, or cancel."""
    box = QMessageBox(parent)
    box.setObjectName("dialog.elsewhere")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(translate("Dialogs", "Gesprek al geopend"))
    box.setText(
        translate(
            "Dialogs", "{name} is al geopend in een ander venster (programma {pid} op {host})."
        ).format(name=name, pid=pid, host=host or "?")
    )
    box.setInformativeText(
        translate(
            "Dialogs",
            "Alleen-lezen opent u het zonder het bestand te wijzigen: uw wijzigingen slaat u op "
            "onder een andere naam. Opent u het toch, dan zegt het programma het als het "
            "bestand intussen is gewijzigd.",
        )
    )
    role = QMessageBox.ButtonRole
    return _answer(
        box,
        [
            (READ_ONLY, translate("Dialogs", "&Alleen-lezen openen"), role.AcceptRole),
            (OPEN_ANYWAY, translate("Dialogs", "&Toch openen"), role.DestructiveRole),
            (CANCEL, translate("Dialogs", "Annuleren"), role.RejectRole),
        ],
        READ_ONLY,
    )


def file_dialog(
    parent: QWidget, title: str, folder: str, filters: str, *, save: bool = False
) -> QFileDialog:
    """Qt's file dialog with every label in the program's language (Qt's own translation leaves
    some of them English); the platform's native dialog where there is one."""
    dialog = QFileDialog(parent, title, folder, filters)
    dialog.setObjectName("dialog.file")
    dialog.setAcceptMode(
        QFileDialog.AcceptMode.AcceptSave if save else QFileDialog.AcceptMode.AcceptOpen
    )
    dialog.setFileMode(QFileDialog.FileMode.AnyFile if save else QFileDialog.FileMode.ExistingFile)
    labels = {
        QFileDialog.DialogLabel.LookIn: translate("Dialogs", "Zoeken in:"),
        QFileDialog.DialogLabel.FileName: translate("Dialogs", "Bestandsnaam:"),
        QFileDialog.DialogLabel.FileType: translate("Dialogs", "Bestandstype:"),
        QFileDialog.DialogLabel.Accept: translate("Dialogs", "Opslaan")
        if save
        else translate("Dialogs", "Openen"),
        QFileDialog.DialogLabel.Reject: translate("Dialogs", "Annuleren"),
    }
    for label, text in labels.items():
        dialog.setLabelText(label, text)
    fit_to_screen(dialog, parent)
    return dialog


def fit_to_screen(dialog: QWidget, parent: QWidget | None) -> None:
    """Never larger than the screen's available geometry (a 768-pixel screen at 200 %)."""
    screen = (parent or dialog).screen()
    if screen is None:
        return
    available = screen.availableGeometry()
    hint = dialog.sizeHint()
    dialog.resize(
        min(max(hint.width(), 560), available.width() - 20),
        min(max(hint.height(), 380), available.height() - 40),
    )


def open_file_name(parent: QWidget, title: str, folder: str, filters: str) -> str:
    """The file the advisor chose to open, or "" when cancelled."""
    dialog = file_dialog(parent, title, folder, filters)
    if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.selectedFiles():
        return ""
    return dialog.selectedFiles()[0]


def save_file_name(parent: QWidget, title: str, suggestion: str, filters: str) -> str:
    """The name the advisor chose to save under, or "" when cancelled."""
    dialog = file_dialog(parent, title, suggestion, filters, save=True)
    dialog.selectFile(suggestion)
    if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.selectedFiles():
        return ""
    return dialog.selectedFiles()[0]


def folder_name(parent: QWidget, title: str, folder: str) -> str:
    """The folder the advisor chose, or "" when cancelled."""
    dialog = file_dialog(parent, title, folder, "")
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    dialog.setLabelText(QFileDialog.DialogLabel.Accept, translate("Dialogs", "Kiezen"))
    if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.selectedFiles():
        return ""
    return dialog.selectedFiles()[0]


def open_folder(folder: Path) -> bool:
    """Show a folder in the system's file manager."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


def show_error(parent: QWidget, title: str, message: str) -> None:
    QMessageBox.warning(parent, title, message)


def show_info(parent: QWidget, title: str, message: str) -> None:
    QMessageBox.information(parent, title, message)


def about_text(rulebook: Any | None) -> str:
    """The About text: program version, rulebook version and date."""
    lines = [
        translate("Dialogs", "<h3>Adviesgesprek {version}</h3>").format(version=project_version())
    ]
    lines.append(
        translate(
            "Dialogs",
            "<p>Wizard voor het adviesgesprek met een nieuwe "
            "bewindspersoon over de sociale-media-accounts.</p>",
        )
    )
    if rulebook is not None:
        title = esc(catalog(rulebook).title)
        lines.append(
            translate("Dialogs", "<p>Regelboek: {title}<br>versie {version} van {date}</p>").format(
                title=title, version=rulebook.version, date=rulebook.date
            )
        )
        if rulebook.overlay:
            lines.append(
                translate("Dialogs", "<p>Aanvulling van het departement: {overlay}</p>").format(
                    overlay=esc(rulebook.overlay)
                )
            )
    lines.append(
        translate(
            "Dialogs",
            "<p>Het programma maakt geen netwerkverbinding en vraagt "
            "of bewaart nooit wachtwoorden.</p>",
        )
    )
    return "".join(lines)


def show_about(parent: QWidget, rulebook: Any | None) -> None:
    QMessageBox.about(parent, translate("Dialogs", "Over Adviesgesprek"), about_text(rulebook))


def manual_html() -> str:
    """The short manual of Help > Handleiding: how the wizard works, and every shortcut."""
    shortcuts = [
        ("Tab / Shift+Tab", translate("Dialogs", "naar het volgende / vorige veld")),
        (
            "Enter",
            translate(
                "Dialogs",
                "Volgende (in een tekstvak met meer regels: een nieuwe "
                "regel; op een knop: die knop)",
            ),
        ),
        ("Alt+T / Alt+V", translate("Dialogs", "Terug / Volgende")),
        ("Ctrl+N", translate("Dialogs", "nieuw gesprek")),
        ("Ctrl+O", translate("Dialogs", "gesprek openen")),
        ("Ctrl+S / Ctrl+Shift+S", translate("Dialogs", "opslaan / opslaan als")),
        ("Ctrl+Z", translate("Dialogs", "ongedaan maken, ook na het invullen van een voorstel")),
        ("F1", translate("Dialogs", "deze handleiding")),
        ("F8", translate("Dialogs", "de lijst met stappen tonen of verbergen")),
        ("F9", translate("Dialogs", "de toelichting tonen of verbergen")),
        ("Alt+G", translate("Dialogs", "het menu Ga naar: elke stap, met zijn teken")),
    ]
    rows = "".join(
        f"<tr><td><b>{esc(key)}</b></td><td>{esc(text)}</td></tr>" for key, text in shortcuts
    )
    steps = [
        translate(
            "Dialogs", "Begin op de startpagina een nieuw gesprek, of open een opgeslagen gesprek."
        ),
        translate(
            "Dialogs",
            "Loop de stappen door met Volgende. De lijst Stappen (links) en het "
            "menu Ga naar tonen bij elke stap een teken: ✔ klaar, ○ nog in te "
            "vullen, ⚠ let op, ✖ fout.",
        ),
        translate(
            "Dialogs",
            "Een verplicht veld dat u nog niet hebt ingevuld heet 'nog in te "
            "vullen'; pas als u de pagina verlaat zonder het in te vullen, telt "
            "het als fout.",
        ),
        translate(
            "Dialogs",
            "De toelichting (rechts) geeft wat u kunt zeggen en de bevindingen "
            "van de pagina; Enter op een bevinding brengt u naar het veld.",
        ),
        translate(
            "Dialogs",
            "Waar het regelboek een voorstel doet (handle, bio), staat dat grijs "
            "in het veld en in het overzicht als voorstel. Een voorstel invullen "
            "over uw eigen tekst vraagt het programma eerst; Ctrl+Z zet uw tekst "
            "terug.",
        ),
        translate(
            "Dialogs",
            "Vraagt de bewindspersoon waar een regel vandaan komt? 'Bron' bij "
            "een gevolg, een gegeven van een platform, een bevinding of een punt "
            "in de toelichting toont de uitspraken van de bronnen waarop de "
            "regel rust; Escape sluit het venster weer.",
        ),
        translate(
            "Dialogs",
            "Het gesprek wordt automatisch bewaard; na een storing biedt de startpagina het aan.",
        ),
        translate(
            "Dialogs",
            "Uw naam en die van de directeur Communicatie onthoudt het programma "
            "voor het volgende gesprek.",
        ),
    ]
    items = "".join(f"<li>{esc(step)}</li>" for step in steps)
    how = esc(translate("Dialogs", "Zo werkt het"))
    keys = esc(translate("Dialogs", "Sneltoetsen"))
    return f"<h3>{how}</h3><ol>{items}</ol><h3>{keys}</h3><table cellpadding='3'>{rows}</table>"


def show_manual(parent: QWidget) -> QDialog:
    """Help > Handleiding (F1): a window beside the conversation, not modal."""
    dialog = QDialog(parent)
    dialog.setObjectName("dialog.manual")
    dialog.setWindowTitle(translate("Dialogs", "Handleiding"))
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    layout = QVBoxLayout(dialog)
    text = QTextBrowser()
    text.setObjectName("manual.text")
    text.setAccessibleName(translate("Dialogs", "Handleiding"))
    text.setHtml(manual_html())
    layout.addWidget(text)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.close)
    layout.addWidget(buttons)
    screen = parent.screen().availableGeometry() if parent.screen() else None
    width = min(640, screen.width() - 40) if screen else 640
    height = min(560, screen.height() - 60) if screen else 560
    dialog.resize(width, height)
    dialog.show()
    return dialog
