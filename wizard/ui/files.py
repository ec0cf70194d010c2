"""Opening, saving and recovering a conversation: the file dialogs, a Dutch message when a file
cannot be used, the question about unsaved changes, the folder the dialogs start in, what is
remembered for the next conversation, and the note when a conversation was saved under another
rulebook than the one in use.

Saves are written in the writer's thread (`wizard.ui.writer`), from a copy of the conversation
taken when the advisor saves. A large conversation is written while the advisor goes on; a
smaller one is on disk before Ctrl+S returns.

Two windows on one file: the window remembers what the file was when it read or wrote it (its
fingerprint) and, before it saves, says so when another program changed it since, never
overwriting it silently. A lock file beside the open file (`.<name>.lock`) tells a second window
that opens it that it is open elsewhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QLockFile, QObject, QSettings, Signal
from PySide6.QtWidgets import QWidget

from wizard.constants import SESSION_SUFFIX
from wizard.core.errors import InputError
from wizard.core.files import Fingerprint, fingerprint
from wizard.core.session import (
    Session,
    load_session,
    new_session,
    save_session,
    saved_rulebook,
    saved_under_other_rulebook,
    stamp_session,
)
from wizard.core.text import slug
from wizard.ui import dialogs, ids
from wizard.ui.autosave import Autosaver, Recovery
from wizard.ui.differences import differences
from wizard.ui.locks import lock_conversation
from wizard.ui.model import SessionModel
from wizard.ui.page_index import PageIndex
from wizard.ui.recent import RecentFiles
from wizard.ui.writer import Writer

translate = QCoreApplication.translate

FOLDER_KEY = "lastFolder"  # where the file dialogs start
#: answers remembered between conversations (the settings' keys)
REMEMBERED = {"conversation.advisor": "advisor", "conversation.director": "director"}
SAVED_MESSAGE_MS = 5000
#: a conversation with more text than this is saved in the background (Ctrl+S does not wait)
BACKGROUND_CHARACTERS = 100_000


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


def characters(value: Any) -> int:
    """How much text an answer, or a whole conversation, holds."""
    if isinstance(value, dict):
        return sum(characters(item) for item in value.values())
    if isinstance(value, list):
        return sum(characters(item) for item in value)
    return len(value) if isinstance(value, str) else 0


def is_folder(name: str) -> bool:
    """Whether `name` is a folder that can be used (one in a folder without search
    permission cannot: that is no error)."""
    try:
        return Path(name).is_dir()
    except OSError:
        return False


@dataclass
class Save:
    """One save: where to, which revision of which conversation, and whether it is on disk."""

    path: Path
    revision: int
    conversation: int
    background: bool  # written while the advisor goes on
    done: bool = False


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
    #: a save is on disk (the `Save`)
    saved = Signal(object)

    def __init__(
        self,
        parent: QWidget,
        model: SessionModel,
        autosaver: Autosaver,
        recent: RecentFiles,
        index: PageIndex,
        recoveries: list[Recovery],
        writer: Writer,
    ) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.model = model
        self.autosaver = autosaver
        self.recent = recent
        self.index = index
        self.recoveries = list(recoveries)
        self.writer = writer
        self.rulebook_note = ""  # the note with a hint where to see what changes
        self.lock: QLockFile | None = None  # the lock file of the open file, when this holds it
        self.locked: Path | None = None  # the file it locks
        self.read_only = False  # opened while open elsewhere: saved only under another name
        self.saving = 0  # saves under way
        self.save_again = False  # Ctrl+S while a save was under way: once more after it
        self.conversation = 0  # counts the conversations this window has had
        model.changed.connect(self._remember)
        model.reset.connect(self._next_conversation)

    # --- questions -----------------------------------------------------------------------------

    def display_name(self) -> str:
        if self.model.file is None:
            return translate("MainWindow", "Nieuw gesprek")
        if self.read_only:
            return translate("MainWindow", "{file} (alleen-lezen)").format(
                file=self.model.file.name
            )
        return self.model.file.name

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
        """Whether it is fine to replace or close the current conversation (a save under way
        is waited for first)."""
        if self.saving:
            self.writer.wait()
        if not self.model.modified:
            return True
        answer = dialogs.ask_unsaved(self.parent_widget, self.conversation_name())
        if answer == dialogs.SAVE:
            return self.save(wait=True)
        return answer == dialogs.DISCARD

    def start_folder(self) -> str:
        folder = QSettings().value(FOLDER_KEY, "")
        if isinstance(folder, str) and folder and is_folder(folder):
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

    def _next_conversation(self) -> None:
        self.conversation += 1

    # --- the lock file -------------------------------------------------------------------------

    def _lock(self, file: Path) -> bool:
        """Lock the file about to be opened; when another window has it open, ask whether to
        open it read-only or anyway. False: the advisor cancelled."""
        if file == self.locked:
            self.read_only = False
            return True
        lock, holder = lock_conversation(file)
        read_only = False
        if holder is not None:
            answer = dialogs.ask_open_elsewhere(
                self.parent_widget, file.name, holder.pid, holder.host
            )
            if answer == dialogs.CANCEL:
                return False
            read_only = answer == dialogs.READ_ONLY
        self._hold(lock, file)
        self.read_only = read_only
        return True

    def _lock_quietly(self, file: Path | None) -> None:
        """Lock the file when no other window has it open (a recovered or saved conversation)."""
        if file is None or file == self.locked:
            return
        lock, _holder = lock_conversation(file)
        self._hold(lock, file)

    def _hold(self, lock: QLockFile | None, file: Path) -> None:
        """Hold `lock` (of `file`) instead of the lock held before."""
        self.release_lock()
        if lock is not None:
            self.lock, self.locked = lock, file

    def release_lock(self) -> None:
        """No longer lock the open file (a new conversation, another file, the window closes)."""
        if self.lock is not None:
            self.lock.unlock()
        self.lock, self.locked = None, None

    # --- new and open --------------------------------------------------------------------------

    def new_conversation(self) -> None:
        if not self.maybe_save():
            return
        self.release_lock()
        self.read_only = False
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
        way of opening (menu, recent file, command line, a file dropped on the window) lands
        on the first page."""
        if ask and not self.maybe_save():
            return False
        path = Path(path)
        read = self._read(path, translate("MainWindow", "Openen lukt niet"))
        if read is None or not self._lock(path.resolve()):
            return False
        session, disk = read
        self.model.replace(session, path.resolve(), disk=disk)
        self.note_saved_rulebook(session)  # before an autosave stamps it with the current one
        self.model.left_pages = {page_id for page_id, _page in self.index.answer_pages()}
        self._add_recent(path.resolve())
        self.remember_folder(path)
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

    def _read(self, path: Path, title: str) -> tuple[Session, Fingerprint | None] | None:
        """The conversation in a file and what the file was; a message (with `title`) and None
        when it cannot be used."""
        try:
            disk = fingerprint(path)  # first: a change after it shows at the next save
            return load_session(path), disk
        except InputError as error:
            dialogs.show_error(self.parent_widget, title, str(error))
            return None

    def reload(self) -> bool:
        """The file as it is on disk now, instead of this window's answers."""
        file = self.model.file
        read = self._read(file, translate("MainWindow", "Opnieuw laden lukt niet"))
        if read is None:
            return False
        session, disk = read
        self.model.replace(session, file, disk=disk)
        self.note_saved_rulebook(session)
        self.model.left_pages = {page_id for page_id, _page in self.index.answer_pages()}
        self.message.emit(
            translate("MainWindow", "Opnieuw geladen: {file}").format(file=file), SAVED_MESSAGE_MS
        )
        return True

    # --- save ----------------------------------------------------------------------------------

    def save(self, wait: bool = False) -> bool:
        """Save to the conversation's file (a new conversation, or one opened read-only: under
        a name to choose). Returns whether it is on disk; for a large conversation, unless
        `wait`, whether the save was started (Ctrl+S while a save is under way: once more
        after it)."""
        if self.model.file is None or self.read_only:
            return self.save_as(wait)
        if self.saving and not wait:
            self.save_again = True
            return True
        return self.save_to(self.model.file, wait=wait)

    def save_as(self, wait: bool = False) -> bool:
        suggestion = self.model.file or Path(self.start_folder()) / self.suggested_name()
        name = dialogs.save_file_name(
            self.parent_widget,
            translate("MainWindow", "Gesprek opslaan"),
            str(suggestion),
            translate("MainWindow", "Adviesgesprekken (*{suffix})").format(suffix=SESSION_SUFFIX),
        )
        if not name:
            return False
        return self.save_to(Path(name), wait=wait)

    def suggested_name(self) -> str:
        name = slug(self.model.value("minister.name") or "")
        return f"{name or 'gesprek'}{SESSION_SUFFIX}"

    def save_to(self, path: Path, *, wait: bool = False) -> bool:
        """Save the conversation to `path`, written in the writer's thread. The file this
        conversation came from is first checked: when another program changed it since, the
        advisor chooses what to do. Returns whether it is on disk; for a large conversation,
        unless `wait`, whether the save was started."""
        if not path.name.endswith(SESSION_SUFFIX):
            path = path.with_name(path.name.removesuffix(".yaml") + SESSION_SUFFIX)
        if self.saving:  # what the save under way writes is what the file is then
            self.writer.wait()
        if self.read_only and self._is_open_file(path):
            dialogs.show_error(
                self.parent_widget,
                translate("MainWindow", "Opslaan lukt niet"),
                translate(
                    "MainWindow",
                    "{file} is alleen-lezen geopend, omdat het ook in een ander venster open "
                    "is. Sla het gesprek op onder een andere naam.",
                ).format(file=path.name),
            )
            return False
        answer = self._overwrite(path)
        if answer == dialogs.SAVE_AS:
            return self.save_as(wait)
        if answer != dialogs.OVERWRITE:
            return False
        save = self._start(path)
        if wait or not save.background:
            self.writer.wait()
            return save.done
        return True

    def _is_open_file(self, path: Path) -> bool:
        return self.model.file is not None and path.resolve() == self.model.file

    def changed_on_disk(self, path: Path) -> bool:
        """Whether the file changed since this conversation read or wrote it (a file that is
        gone, or cannot be read, has nothing to lose)."""
        try:
            now = fingerprint(path)
        except InputError:
            return False
        known = self.model.disk
        return now is not None and (known is None or now.digest != known.digest)

    def _overwrite(self, path: Path) -> str:
        """OVERWRITE when the save may go ahead; when the conversation's file changed on disk,
        what the advisor chooses (after comparing, or declining to reload, it asks again)."""
        while self._is_open_file(path) and self.changed_on_disk(path):
            answer = dialogs.ask_changed_on_disk(self.parent_widget, path.name)
            if answer == dialogs.COMPARE:
                self.show_differences(path)
            elif answer == dialogs.RELOAD:
                if dialogs.ask_reload(self.parent_widget, path.name):
                    self.reload()
                    return dialogs.RELOAD
            else:
                return answer
        return dialogs.OVERWRITE

    def show_differences(self, path: Path) -> None:
        """This window's answers beside those in the file on disk."""
        try:
            lines = differences(self.model.session, load_session(path), self.index.label_of)
        except InputError as error:
            lines = [str(error)]
        if not lines:
            lines = [translate("MainWindow", "De antwoorden zijn gelijk.")]
        dialogs.show_differences(self.parent_widget, path.name, lines)

    def _start(self, path: Path) -> Save:
        """Write a copy of the conversation in the writer's thread."""
        model = self.model
        stamp_session(model.session, model.rulebook)  # as the file will be
        session, rulebook = model.session.copy(), model.rulebook
        background = characters(session.data) > BACKGROUND_CHARACTERS
        save = Save(path, model.revision, self.conversation, background)
        self.saving += 1
        if background:
            self.message.emit(
                translate("MainWindow", "Bezig met opslaan: {file}").format(file=path), 0
            )
        self.writer.add(
            lambda: save_session(session, path, rulebook),
            lambda disk, message: self._saved(save, disk, message),
        )
        return save

    def _saved(self, save: Save, disk: Fingerprint | None, message: str | None) -> None:
        """A save is done (in the GUI thread again)."""
        self.saving -= 1
        if message is not None:
            self.save_again = False
            self.message.emit("", 0)
            dialogs.show_error(
                self.parent_widget, translate("MainWindow", "Opslaan lukt niet"), message
            )
            return
        save.done = True
        if save.conversation == self.conversation:
            self._now_in(save, disk)
        self.message.emit(
            translate("MainWindow", "Opgeslagen: {file}").format(file=save.path),
            SAVED_MESSAGE_MS,
        )
        self.saved.emit(save)
        if self.save_again:
            self.save_again = False
            self.save()

    def _now_in(self, save: Save, disk: Fingerprint | None) -> None:
        """The conversation is in the file now: it is that file's (and, when nothing changed
        while it was written, saved)."""
        file = save.path.resolve()
        if file != self.model.file:
            self._lock_quietly(file)
            self.read_only = False
            self.model.set_file(file)
        self.model.disk = disk
        if self.model.revision == save.revision:
            self.model.set_modified(False)
            self.autosaver.saved_revision = save.revision
            self.autosaver.discard()
        else:  # changed while it was written: the autosave, with what the file is now
            self.autosaver.flush()
        self._add_recent(file)
        self.remember_folder(save.path)
        self.note_saved_rulebook(None)  # the file is now stamped with the current rulebook

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
        self.release_lock()
        self.read_only = False
        self.model.replace(
            session, recovery.original_file, modified=True, disk=recovery.original_disk
        )
        self._lock_quietly(recovery.original_file)
        self.note_saved_rulebook(session)  # before our autosave stamps it with the current one
        self.autosaver.flush()  # our own autosave holds it now, before the old one goes
        self.autosaver.wait()
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
