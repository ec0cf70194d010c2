"""Opening, saving and recovering a conversation: the file dialogs, a Dutch message when a file
cannot be used, the question about unsaved changes, the folder the dialogs start in, what is
remembered for the next conversation, and the note when a conversation was saved under another
rulebook than the one in use."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Signal
from PySide6.QtWidgets import QWidget

from wizard.constants import SESSION_SUFFIX
from wizard.core.errors import InputError
from wizard.core.session import (
    Session,
    load_session,
    new_session,
    save_session,
    saved_rulebook,
    saved_under_other_rulebook,
)
from wizard.core.text import slug
from wizard.ui import dialogs, ids
from wizard.ui.autosave import Autosaver, Recovery
from wizard.ui.model import SessionModel
from wizard.ui.page_index import PageIndex
from wizard.ui.recent import RecentFiles

translate = QCoreApplication.translate

FOLDER_KEY = "lastFolder"  # where the file dialogs start
#: answers remembered between conversations (the settings' keys)
REMEMBERED = {"conversation.advisor": "advisor", "conversation.director": "director"}
SAVED_MESSAGE_MS = 5000


def fresh_session() -> Session:
    """A new conversation, with the advisor's own name and the director of Communications of
    the last conversation."""
    session = new_session()
    settings = QSettings()
    for path, key in REMEMBERED.items():
        value = settings.value(key, "")
        if isinstance(value, str) and value.strip() and not session.get(path):
            session.set(path, value)
    return session


class ConversationFiles(QObject):
    """New, open, save and recover, for the window's one conversation."""

    #: the page to show after a new, opened or recovered conversation
    landed = Signal(int)
    #: a line for the status bar, and how long it stays (0: until the next)
    message = Signal(str, int)
    #: the conversation was saved under another rulebook ("" when not, or no longer)
    rulebookNoteChanged = Signal(str)
    #: the autosaves left behind that can still be recovered
    recoveriesChanged = Signal(list)

    def __init__(
        self,
        parent: QWidget,
        model: SessionModel,
        autosaver: Autosaver,
        recent: RecentFiles,
        index: PageIndex,
        recoveries: list[Recovery],
    ) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.model = model
        self.autosaver = autosaver
        self.recent = recent
        self.index = index
        self.recoveries = list(recoveries)
        self.rulebook_note = ""  # the note with a hint where to see what changes
        model.changed.connect(self._remember)

    # --- questions -----------------------------------------------------------------------------

    def display_name(self) -> str:
        if self.model.file is not None:
            return self.model.file.name
        return translate("MainWindow", "Nieuw gesprek")

    def conversation_name(self) -> str:
        """Whose conversation it is, for the question about unsaved changes."""
        name = (self.model.value("minister.name") or "").strip()
        if name:
            return translate("MainWindow", "het gesprek met {name}").format(name=name)
        if self.model.file is not None:
            return translate("MainWindow", "het gesprek in {file}").format(
                file=self.model.file.name
            )
        return translate("MainWindow", "het nieuwe gesprek")

    def maybe_save(self) -> bool:
        """Whether it is fine to replace or close the current conversation."""
        if not self.model.modified:
            return True
        answer = dialogs.ask_unsaved(self.parent_widget, self.conversation_name())
        if answer == dialogs.SAVE:
            return self.save()
        return answer == dialogs.DISCARD

    def start_folder(self) -> str:
        folder = QSettings().value(FOLDER_KEY, "")
        if isinstance(folder, str) and folder and Path(folder).is_dir():
            return folder
        if self.model.file is not None:
            return str(self.model.file.parent)
        return str(Path.home())

    def remember_folder(self, path: Path) -> None:
        QSettings().setValue(FOLDER_KEY, str(Path(path).resolve().parent))

    def _remember(self, path: str) -> None:
        """The advisor and the director, for the next conversation."""
        if path in REMEMBERED:
            QSettings().setValue(REMEMBERED[path], self.model.value(path) or "")

    # --- new and open --------------------------------------------------------------------------

    def new_conversation(self) -> None:
        if not self.maybe_save():
            return
        self.model.replace(fresh_session(), None)
        self.note_saved_rulebook(None)
        self.landed.emit(ids.MINISTER)

    def open_dialog(self) -> None:
        if not self.maybe_save():
            return
        name = dialogs.open_file_name(
            self.parent_widget,
            translate("MainWindow", "Gesprek openen"),
            self.start_folder(),
            translate("MainWindow", "Adviesgesprekken (*{suffix});;Alle bestanden (*)").format(
                suffix=SESSION_SUFFIX
            ),
        )
        if name:
            self.open_file(Path(name), ask=False)

    def open_file(self, path: Path, ask: bool = True) -> bool:
        """Open a saved conversation; a file that cannot be used gets a Dutch message. Every
        way of opening (menu, recent file, command line) lands on the first page."""
        if ask and not self.maybe_save():
            return False
        try:
            session = load_session(path)
        except InputError as error:
            dialogs.show_error(
                self.parent_widget, translate("MainWindow", "Openen lukt niet"), str(error)
            )
            return False
        self.model.replace(session, Path(path).resolve())
        self.note_saved_rulebook(session)  # before an autosave stamps it with the current one
        self.model.left_pages = {page_id for page_id, _page in self.index.answer_pages()}
        self._add_recent(Path(path).resolve())
        self.remember_folder(Path(path))
        if session.dropped_secrets:
            dialogs.show_info(
                self.parent_widget,
                translate("MainWindow", "Gegevens niet overgenomen"),
                translate(
                    "MainWindow",
                    "Het bestand bevatte velden die op een wachtwoord of code lijken ({fields}). "
                    "Die bewaart het programma niet; ze zijn weggelaten.",
                ).format(fields=", ".join(session.dropped_secrets)),
            )
        self.landed.emit(ids.MINISTER)
        if self.rulebook_note:
            self.message.emit(self.rulebook_note, 0)
        return True

    # --- save ----------------------------------------------------------------------------------

    def save(self) -> bool:
        if self.model.file is None:
            return self.save_as()
        return self.save_to(self.model.file)

    def save_as(self) -> bool:
        suggestion = self.model.file or Path(self.start_folder()) / self.suggested_name()
        name = dialogs.save_file_name(
            self.parent_widget,
            translate("MainWindow", "Gesprek opslaan"),
            str(suggestion),
            translate("MainWindow", "Adviesgesprekken (*{suffix})").format(suffix=SESSION_SUFFIX),
        )
        if not name:
            return False
        return self.save_to(Path(name))

    def suggested_name(self) -> str:
        name = slug(self.model.value("minister.name") or "")
        return f"{name or 'gesprek'}{SESSION_SUFFIX}"

    def save_to(self, path: Path) -> bool:
        if not path.name.endswith(SESSION_SUFFIX):
            path = path.with_name(path.name.removesuffix(".yaml") + SESSION_SUFFIX)
        try:
            save_session(self.model.session, path, self.model.rulebook)
        except InputError as error:
            dialogs.show_error(
                self.parent_widget, translate("MainWindow", "Opslaan lukt niet"), str(error)
            )
            return False
        self.model.set_file(path.resolve())
        self.model.set_modified(False)
        self.autosaver.saved_revision = self.model.revision
        self.autosaver.discard()
        self._add_recent(path.resolve())
        self.remember_folder(path)
        self.note_saved_rulebook(None)  # the file is now stamped with the current rulebook
        self.message.emit(
            translate("MainWindow", "Opgeslagen: {file}").format(file=path), SAVED_MESSAGE_MS
        )
        return True

    def _add_recent(self, path: Path) -> None:
        self.recent.add(
            path,
            minister=self.model.value("minister.name") or "",
            date=str(self.model.value("conversation.date") or ""),
        )

    # --- recovery ------------------------------------------------------------------------------

    def recover(self, recovery: Recovery) -> bool:
        """Take over an autosave left behind by a crash: nothing of it is lost."""
        try:
            session = recovery.load()
        except InputError as error:
            dialogs.show_error(
                self.parent_widget, translate("MainWindow", "Herstellen lukt niet"), str(error)
            )
            return False
        self.model.replace(session, recovery.original_file, modified=True)
        self.note_saved_rulebook(session)  # before our autosave stamps it with the current one
        self.autosaver.flush()  # our own autosave holds it now, before the old one goes
        self.discard_recovery(recovery)
        page = recovery.meta.get("page")
        target = page if isinstance(page, int) and page in self.index.pages else ids.MINISTER
        self.model.left_pages = {page_id for page_id in self.index.pages if page_id < target}
        self.landed.emit(target)
        recovered = translate("MainWindow", "Het gesprek is hersteld.")
        if self.rulebook_note:
            self.message.emit(f"{recovered} {self.rulebook_note}", 0)
        else:
            self.message.emit(recovered, SAVED_MESSAGE_MS)
        return True

    def discard_recovery(self, recovery: Recovery) -> None:
        recovery.discard()
        self.recoveries = [item for item in self.recoveries if item is not recovery]
        self.recoveriesChanged.emit(self.recoveries)

    # --- the rulebook it was saved under -------------------------------------------------------

    def note_saved_rulebook(self, session: Session | None) -> None:
        """Say when the conversation was last saved under another rulebook version than the
        one in use; None (a new or saved conversation) takes the note away."""
        rulebook = self.model.rulebook
        text = ""
        if session is not None and saved_under_other_rulebook(session, rulebook):
            saved = saved_rulebook(session) or {}
            old = (
                translate("MainWindow", "{version} van {date}").format(**saved)
                if saved.get("date")
                else saved.get("version", "")
            )
            new = translate("MainWindow", "{version} van {date}").format(
                version=rulebook.version, date=rulebook.date
            )
            text = translate(
                "MainWindow",
                "Dit gesprek is bewaard met regelboek {old}; nu geldt regelboek {new}.",
            ).format(old=old, new=new)
        hint = translate(
            "MainWindow", "Bekijk wat verandert: Regelboek › Vergelijken met ander regelboek…"
        )
        self.rulebook_note = f"{text} {hint}" if text else ""
        self.rulebookNoteChanged.emit(text)
