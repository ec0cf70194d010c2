"""Start: a new conversation, open a saved one, recent files, and recovery after a crash.

This page is built before the rulebook is loaded, so that the window shows at once; its buttons
become available when the rulebook is ready.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from wizard.core.dates import format_date
from wizard.ui import ids
from wizard.ui.autosave import Recovery
from wizard.ui.layouts import empty


class RecentList(QListWidget):
    """The recent files. Enter opens the file and goes no further (the wizard would otherwise
    take the same Enter as Volgende); Delete takes a file off the list."""

    removeRequested = Signal(str)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        super().keyPressEvent(event)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
        elif event.key() == Qt.Key.Key_Delete and self.currentItem() is not None:
            self.removeRequested.emit(self.currentItem().data(Qt.ItemDataRole.UserRole))
            event.accept()


class StartPage(QWizardPage):
    newRequested = Signal()
    openRequested = Signal()
    recentRequested = Signal(str)
    recentRemoved = Signal(str)
    recoverRequested = Signal(object)
    discardRequested = Signal(object)
    compareRequested = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.ready = False
        self.setTitle(self.tr("Welkom bij het adviesgesprek"))
        self.setSubTitle(
            self.tr(
                "Begin een nieuw gesprek met een bewindspersoon, of ga verder "
                "met een opgeslagen gesprek."
            )
        )
        layout = QVBoxLayout(self)

        self.recovery_box = QGroupBox(self.tr("Niet opgeslagen gesprek gevonden"))
        self.recovery_box.setObjectName("recovery")
        self.recovery_layout = QVBoxLayout(self.recovery_box)
        self.recovery_box.hide()
        layout.addWidget(self.recovery_box)

        self.rulebook_box = QGroupBox(self.tr("Regelboek van het geopende gesprek"))
        self.rulebook_box.setObjectName("start.rulebook")
        rulebook_layout = QVBoxLayout(self.rulebook_box)
        self.rulebook_note = QLabel()
        self.rulebook_note.setObjectName("start.rulebook_note")
        self.rulebook_note.setWordWrap(True)
        self.rulebook_note.setTextFormat(Qt.TextFormat.PlainText)
        rulebook_layout.addWidget(self.rulebook_note)
        self.compare_button = QPushButton(self.tr("Vergelijken met ander regelboek…"))
        self.compare_button.setObjectName("start.compare")
        self.compare_button.clicked.connect(self.compareRequested)
        rulebook_layout.addWidget(row_of(self.compare_button))
        self.rulebook_box.hide()
        layout.addWidget(self.rulebook_box)

        buttons = QHBoxLayout()
        self.new_button = QPushButton(self.tr("Nieuw gesprek beginnen"))
        self.new_button.setObjectName("start.new")
        self.new_button.clicked.connect(self.newRequested)
        self.open_button = QPushButton(self.tr("Gesprek openen…"))
        self.open_button.setObjectName("start.open")
        self.open_button.clicked.connect(self.openRequested)
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

        self.recent_label = QLabel(self.tr("Recente gesprekken"))
        layout.addWidget(self.recent_label)
        self.recent_list = RecentList()
        self.recent_list.setObjectName("start.recent")
        self.recent_list.setAccessibleName(self.tr("Recente gesprekken"))
        self.recent_label.setBuddy(self.recent_list)
        self.recent_list.itemActivated.connect(self._recent_activated)
        self.recent_list.removeRequested.connect(self.recentRemoved)
        self.recent_list.currentItemChanged.connect(lambda *_args: self._update_remove())
        layout.addWidget(self.recent_list, 1)
        self.remove_button = QPushButton(self.tr("Uit de lijst halen"))
        self.remove_button.setObjectName("start.recent.remove")
        self.remove_button.setAccessibleName(self.tr("Gekozen gesprek uit de lijst halen"))
        self.remove_button.clicked.connect(self._remove_current)
        layout.addWidget(row_of(self.remove_button))
        self.status = QLabel(self.tr("Het regelboek wordt geladen…"))
        self.status.setObjectName("start.status")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.set_ready(False)

    def isComplete(self) -> bool:  # noqa: N802 - Qt's name
        return self.ready

    def nextId(self) -> int:  # noqa: N802 - Qt's name
        """Volgende goes on with the conversation (a new one, after the start); the Start page
        never shows Voltooien."""
        return ids.MINISTER

    def set_ready(self, ready: bool, rulebook_text: str = "") -> None:
        self.ready = ready
        for widget in (self.new_button, self.open_button, self.recent_list, self.recovery_box):
            widget.setEnabled(ready)
        self._update_remove()
        self.status.setText(rulebook_text if ready else self.tr("Het regelboek wordt geladen…"))
        self.completeChanged.emit()

    def set_rulebook_note(self, text: str) -> None:
        """That the open conversation was saved under another rulebook version ("" hides it)."""
        self.rulebook_note.setText(text)
        self.rulebook_note.setAccessibleName(text)
        self.compare_button.setAccessibleName(
            self.tr("Vergelijken met ander regelboek: {note}").format(note=text)
        )
        self.rulebook_box.setVisible(bool(text))

    def set_recent(self, entries: list[tuple[str, dict[str, str]]]) -> None:
        """The recent files with the minister and the date of the conversation; a file that is
        gone is marked and can be taken off the list."""
        self.recent_list.clear()
        for name, details in entries:
            path = Path(name)
            minister = (details.get("minister") or "").strip()
            date = format_date(details.get("date") or "")
            if minister and date:
                text = self.tr("{minister}, gesprek van {date}").format(
                    minister=minister, date=date
                )
            else:
                text = minister or path.name
            text += f"  —  {path.name}  ({path.parent})"
            missing = self.missing(path)
            if missing:
                text += "  " + missing
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, name)
            item.setToolTip(name)
            self.recent_list.addItem(item)
        if entries:
            self.recent_list.setCurrentRow(0)
        self.recent_label.setVisible(bool(entries))
        self.recent_list.setVisible(bool(entries))
        self.remove_button.setVisible(bool(entries))
        self._update_remove()

    def missing(self, path: Path) -> str:
        """Why a recent file cannot be opened ("" when it is there): it is gone, or it lies in
        a folder the advisor may not look in."""
        try:
            return "" if path.exists() else self.tr("(niet gevonden)")
        except OSError:
            return self.tr("(geen toegang)")

    def _update_remove(self) -> None:
        self.remove_button.setEnabled(self.ready and self.recent_list.currentItem() is not None)

    def _remove_current(self) -> None:
        item = self.recent_list.currentItem()
        if item is not None:
            self.recentRemoved.emit(item.data(Qt.ItemDataRole.UserRole))

    def _recent_activated(self, item: QListWidgetItem) -> None:
        self.recentRequested.emit(item.data(Qt.ItemDataRole.UserRole))

    def focus_first(self) -> None:
        """The first thing to do: recover a crashed conversation, else start a new one."""
        buttons = [
            button
            for button in self.findChildren(QPushButton)
            if button.isVisibleTo(self) and button.isEnabled()
        ]
        recover = [button for button in buttons if button.objectName().startswith("start.recover")]
        target = (recover or [self.new_button])[0]
        if target.isEnabled():
            target.setFocus(Qt.FocusReason.TabFocusReason)

    def set_recoveries(self, recoveries: list[Recovery]) -> None:
        empty(self.recovery_layout)
        self.recovery_box.setVisible(bool(recoveries))
        for index, recovery in enumerate(recoveries):
            self.recovery_layout.addWidget(self._recovery_row(recovery, index))

    def _recovery_row(self, recovery: Recovery, index: int) -> QWidget:
        box = QFrame()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        name = recovery.meta.get("minister") or self.tr("(nog geen naam)")
        when = recovery.meta.get("saved") or ""
        try:
            when = dt.datetime.fromisoformat(when).strftime("%d-%m-%Y %H:%M")
        except ValueError:
            pass
        text = self.tr("Gesprek met {name}, automatisch bewaard op {when}.").format(
            name=name, when=when or self.tr("onbekend moment")
        )
        original = recovery.original_file
        if original:
            text += " " + self.tr("Hoort bij het bestand {file}.").format(file=original.name)
        else:
            text += " " + self.tr("Het gesprek was nog nooit opgeslagen.")
        label = QLabel(text)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(label)
        buttons = QHBoxLayout()
        recover = QPushButton(self.tr("Herstellen"))
        recover.setObjectName(f"start.recover.{index}")
        recover.setAccessibleName(self.tr("Herstellen: gesprek met {name}").format(name=name))
        recover.clicked.connect(lambda: self.recoverRequested.emit(recovery))
        discard = QPushButton(self.tr("Weggooien"))
        discard.setObjectName(f"start.discard.{index}")
        discard.setAccessibleName(self.tr("Weggooien: gesprek met {name}").format(name=name))
        discard.clicked.connect(lambda: self.discardRequested.emit(recovery))
        buttons.addWidget(recover)
        buttons.addWidget(discard)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        return box


def row_of(widget: QWidget) -> QWidget:
    box = QWidget()
    layout = QHBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(widget)
    layout.addStretch(1)
    return box
