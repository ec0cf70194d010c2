"""Input widgets bound to session paths, and the inline messages under them.

Every input widget gets `objectName` equal to its session path and an accessible name equal to
its visible label (DESIGN.md, "Widgets"). A field writes to the model when the user changes it and
is loaded from the model, with its signals blocked, when the whole session is replaced.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSignalBlocker, Qt
from PySide6.QtGui import QColor, QFocusEvent, QKeyEvent, QKeySequence, QPalette, QWheelEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from wizard.constants import SEVERITY_ORDER
from wizard.core.dates import format_date, parse_typed_date
from wizard.house_style import SEVERITY_COLOURS
from wizard.ui.texts import esc, mark_quoted, number, program_is_dutch, quoted, quoted_note

# Sanity limits of the input itself (not policy: the platforms' limits come from the rulebook).
LINE_MAX = 200
TEXT_MAX = 5000
MARKUP = re.compile(r"<\s*/?\s*[A-Za-z!][^>]*>|&[A-Za-z#][A-Za-z0-9]*;")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


translate = QCoreApplication.translate


def input_problems(text: str, *, multiline: bool = False) -> list[tuple[str, str]]:
    """Problems with typed text that no rule of the rulebook covers: length, markup, control
    characters. Returns (severity, Dutch message) pairs."""
    problems = []
    limit = TEXT_MAX if multiline else LINE_MAX
    if len(text) > limit:
        problems.append(
            (
                "warning",
                translate(
                    "Fields", "Deze tekst is erg lang ({count} tekens; verwacht hoogstens {limit})."
                ).format(count=len(text), limit=limit),
            )
        )
    if MARKUP.search(text):
        problems.append(
            (
                "info",
                translate(
                    "Fields",
                    "De tekst bevat opmaakcode (zoals <b>); die wordt letterlijk "
                    "overgenomen, niet als opmaak.",
                ),
            )
        )
    if CONTROL.search(text) or (not multiline and "\n" in text):
        problems.append(
            (
                "warning",
                translate("Fields", "De tekst bevat onzichtbare besturingstekens; haal die weg."),
            )
        )
    return problems


# --- messages ------------------------------------------------------------------------------

SEVERITY_MARK = {"error": "✖", "warning": "⚠", "info": "ℹ", "todo": "○"}


def severity_label(severity: str) -> str:
    labels = {
        "error": translate("Fields", "Fout"),
        "warning": translate("Fields", "Let op"),
        "info": translate("Fields", "Ter info"),
        "todo": translate("Fields", "Nog in te vullen"),
    }
    return labels.get(severity, severity)


def severity_color(widget: QWidget, severity: str) -> str:
    """A text colour for a severity that stays readable on a light or a dark (high-contrast)
    palette. 'todo' is the normal text colour: not yet filled in is not an error."""
    if severity == "todo":
        return widget.palette().color(QPalette.ColorRole.WindowText).name()
    dark = widget.palette().color(QPalette.ColorRole.Window).lightness() < 128
    light_color, dark_color = SEVERITY_COLOURS.get(severity, SEVERITY_COLOURS["info"])
    return dark_color if dark else light_color


def message_line(severity: str, text: str, rulebook: bool = False) -> str:
    """One message as plain text: mark, severity and text ("✖ Fout: ..."). When the program
    speaks English, a text follows the mark alone, and a text of the rulebook (`rulebook`) in
    Dutch quotes: no line mixes the program's English with a Dutch message."""
    label = severity_label(severity)
    if not text or text == label:
        return f"{SEVERITY_MARK.get(severity, '')} {label}"
    if not program_is_dutch():
        return f"{SEVERITY_MARK.get(severity, '')} {quoted(text) if rulebook else text}"
    return f"{SEVERITY_MARK.get(severity, '')} {label}: {text}"


def not_filled_in() -> str:
    """The program's message under a field that still needs an answer."""
    return translate("Page", "Nog niet ingevuld")


SELECTABLE = Qt.TextInteractionFlag.TextSelectableByMouse


class SelectableLabel(QLabel):
    """A label whose text the mouse can select. Selecting text needs a text control of QLabel's
    own, so the label gets it when the mouse first comes over it or presses on it: for the
    advisor nothing changes, and a label that is only read never has one."""

    def _selectable(self) -> None:
        if not self.textInteractionFlags() & SELECTABLE:
            self.setTextInteractionFlags(SELECTABLE)

    def enterEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        self._selectable()
        super().enterEvent(event)

    def mousePressEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        self._selectable()
        super().mousePressEvent(event)


class MessageLabel(SelectableLabel):
    """The inline messages under one field: findings of the engine plus input problems, each
    line in the colour of its own severity (an info note under an error stays blue). Lines of
    one colour are plain text in that colour (as rich text, every label would need a text
    document of its own, for the same look)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.messages: list[tuple[str, str]] = []
        #: the messages that are texts of the rulebook (quoted apart in another language)
        self.rulebook: set[str] = set()
        self.hide()

    def show_messages(
        self, messages: Iterable[tuple[str, str]], rulebook: Iterable[str] = ()
    ) -> None:
        """Show (severity, text) messages; the texts in `rulebook` are the rulebook's."""
        messages = sorted(messages, key=lambda item: SEVERITY_ORDER.get(item[0], 9))
        given = set(rulebook)
        rulebook = {text for _severity, text in messages if text in given}
        if messages == self.messages and rulebook == self.rulebook:
            return
        self.messages = messages
        self.rulebook = rulebook
        mark_quoted(self, bool(rulebook))
        if not messages:
            self.clear()
            self.hide()
            return
        self.setPalette(QPalette())  # the inherited colours again, to choose from
        colours = {severity_color(self, sev) for sev, _text in messages}
        if len(colours) == 1:
            palette = self.palette()
            palette.setColor(QPalette.ColorRole.WindowText, QColor(colours.pop()))
            self.setPalette(palette)
            self.setTextFormat(Qt.TextFormat.PlainText)
            self.setText("\n".join(self.line(sev, text) for sev, text in messages))
        else:
            lines = [
                f"<div style='color:{severity_color(self, sev)}'>"
                f"{esc(self.line(sev, text)).replace(chr(10), '<br>')}</div>"
                for sev, text in messages
            ]
            self.setTextFormat(Qt.TextFormat.RichText)
            self.setText("".join(lines))
        self.show()

    def line(self, severity: str, text: str) -> str:
        """One message as a line, a text of the rulebook quoted apart (see `message_line`)."""
        return message_line(severity, text, text in self.rulebook)


# --- widgets that change an answer only when the advisor means it ----------------------------


def scroll_instead(widget: QWidget, event: QWheelEvent) -> None:
    """The wheel over a field without the focus scrolls the page (or list) the field is in."""
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QAbstractScrollArea):
        parent = parent.parentWidget()
    if parent is None:
        event.ignore()
        return
    QApplication.sendEvent(parent.viewport(), event)
    event.accept()  # scrolled (or at its end): not on to another widget


class QuietComboBox(QComboBox):
    """A drop-down that the mouse wheel does not change unless it has the keyboard focus: the
    wheel over it scrolls the page, as it does over a text."""

    def __init__(self) -> None:
        super().__init__()
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # not WheelFocus

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt's name
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            scroll_instead(self, event)


class QuietSpinBox(QSpinBox):
    """A number that the mouse wheel does not change unless it has the keyboard focus."""

    def __init__(self) -> None:
        super().__init__()
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt's name
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            scroll_instead(self, event)


ARROWS = {
    Qt.Key.Key_Up: -1,
    Qt.Key.Key_Left: -1,
    Qt.Key.Key_Down: 1,
    Qt.Key.Key_Right: 1,
}


class AnswerRadioButton(QRadioButton):
    """A radio button whose arrow keys move the focus to the next choice without choosing it:
    Space or a click chooses."""

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        step = ARROWS.get(Qt.Key(event.key()))
        group = self.group()
        plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if step is None or group is None or not plain:
            super().keyPressEvent(event)
            return
        buttons = [
            button for button in group.buttons() if button.isVisible() and button.isEnabled()
        ]
        if self in buttons:
            target = buttons[(buttons.index(self) + step) % len(buttons)]
            backwards = Qt.FocusReason.BacktabFocusReason
            target.setFocus(backwards if step < 0 else Qt.FocusReason.TabFocusReason)
        event.accept()

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt's name
        super().focusInEvent(event)  # (Qt makes the focused button the group's Tab stop)
        chosen_tab_stop(self.group())


def chosen_tab_stop(group: QButtonGroup | None) -> None:
    """Tab stops at the chosen button of a choice (at its first while none is chosen); the
    arrow keys move within the choice."""
    if group is None or not group.buttons():
        return
    chosen = group.checkedButton() or group.buttons()[0]
    for button in group.buttons():
        policy = button.focusPolicy()
        if button is chosen:
            button.setFocusPolicy(policy | Qt.FocusPolicy.TabFocus)
        else:
            button.setFocusPolicy(Qt.FocusPolicy(policy & ~Qt.FocusPolicy.TabFocus))


class WindowUndo(QObject):
    """Leaves Ctrl+Z and Ctrl+Shift+Z in a text field to the window's Bewerken menu: one undo
    for every answer, typed or chosen, instead of the field's own."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            if event.matches(QKeySequence.StandardKey.Undo) or event.matches(
                QKeySequence.StandardKey.Redo
            ):
                event.ignore()  # not the field's: the window's shortcut fires
                return True
        return super().eventFilter(watched, event)


# --- fields --------------------------------------------------------------------------------


class Field:
    """One input widget bound to one session path."""

    multiline = False
    #: the label is a text of the rulebook, not the program's
    rulebook_label = False

    def __init__(self, path: str, label: str, widget: QWidget) -> None:
        self.path = path
        self.label = label
        self.widget = widget
        #: the messages under the field, made when there is a first one to show (most fields
        #: never have one)
        self.message: MessageLabel | None = None
        widget.setObjectName(path)
        widget.setAccessibleName(label)
        self.model: Any = None
        self.findings: list[tuple[str, str]] = []
        self.inactive: str | None = None  # why the answer does not apply now

    def bind(self, model: Any) -> None:
        self.model = model

    def write(self, value: Any, typing: bool = False) -> None:
        """Give the answer to the model: one step on its undo stack (the keystrokes typed in
        one field, one after the other, are one step)."""
        if self.model is not None:
            self.model.set(self.path, value, typing=typing)

    def commit(self, value: Any, typing: bool = False) -> None:
        """The user changed the widget: record the problems of the typed text, then the answer
        (so that the advice, the counts and this field are refreshed once either changed)."""
        if self.model is None:
            return
        local_changed = self.model.set_local(self.path, self.local_problems())
        revision = self.model.revision
        self.write(value, typing)
        if local_changed and self.model.revision == revision:
            self.model.changed.emit(self.path)

    def concerns(self, path: str) -> bool:
        """Whether an answer set at `path` (by undo or redo) is what this field shows."""
        return (
            path == self.path
            or self.path.startswith(path + ".")
            or path.startswith(self.path + ".")
        )

    def load(self, value: Any) -> None:
        raise NotImplementedError

    def display(self, value: Any) -> str:
        """The answer as the overview shows it."""
        if value in (None, ""):
            return "—"
        return str(value)

    def overview_text(self, value: Any) -> str:
        """The answer in a list of answers (the overview): a rulebook text in Dutch quotes
        when the program speaks another language."""
        return self.display(value)

    def overview_label(self) -> str:
        """The label in a list of answers, a rulebook text quoted as `overview_text`."""
        return quoted(self.label) if self.rulebook_label else self.label

    def local_problems(self) -> list[tuple[str, str]]:
        return []

    def set_inactive(self, reason: str | None) -> None:
        """An answer that does not apply to the current choices: it is kept (nothing is lost
        when the advisor changes the choice back), greyed, and the reason shows under it."""
        self.inactive = reason
        if self.widget.isEnabled() != (reason is None):
            self.widget.setEnabled(reason is None)

    def _make_message_label(self) -> None:
        """The label under the field (in its block, right after the input, once it has one)."""
        self.message = MessageLabel()
        self.message.setObjectName(f"{self.path}:message")
        block = self.widget.parentWidget()
        layout = block.layout() if block is not None else None
        if isinstance(layout, QVBoxLayout) and layout.indexOf(self.widget) >= 0:
            layout.insertWidget(layout.indexOf(self.widget) + 1, self.message)

    def set_messages(self, findings: list[tuple[str, str]]) -> None:
        """Show the engine's findings (texts of the rulebook, but for the program's "Nog niet
        ingevuld") and the problems of the typed text (the program's) under the field."""
        self.findings = findings
        messages = [("info", self.inactive)] if self.inactive else self.local_problems() + findings
        rulebook = {text for _severity, text in findings if text not in ("", not_filled_in())}
        if self.inactive:
            rulebook = {self.inactive}
        if messages and self.message is None:
            self._make_message_label()
        if self.message is not None:
            self.message.show_messages(messages, rulebook)
        lines = [quoted_note(self.widget)] + [
            message_line(severity, text, text in rulebook) for severity, text in messages
        ]
        description = "; ".join(line for line in lines if line)
        if self.widget.accessibleDescription() != description:
            self.widget.setAccessibleDescription(description)


class TextField(Field):
    def __init__(self, path: str, label: str, placeholder: str = "") -> None:
        super().__init__(path, label, QLineEdit())
        self.edit: QLineEdit = self.widget  # type: ignore[assignment]
        self.edit.setPlaceholderText(placeholder)
        self.edit.installEventFilter(WindowUndo(self.edit))
        self.edit.textEdited.connect(self._edited)

    def _edited(self, text: str) -> None:
        self.set_messages(self.findings)
        self.commit(text, typing=True)

    def load(self, value: Any) -> None:
        text = "" if value is None else str(value)
        if self.edit.text() != text:
            with QSignalBlocker(self.edit):
                self.edit.setText(text)

    def replace_text(self, text: str) -> None:
        """Put a whole text in the field (a proposal of the rulebook): one step of its own on
        the undo stack, not merged with what was typed before."""
        with QSignalBlocker(self.edit):
            self.edit.setText(text)
        self.set_messages(self.findings)
        self.commit(text)

    def local_problems(self) -> list[tuple[str, str]]:
        return input_problems(self.edit.text())


class HandleField(TextField):
    """A handle beside the new minister's own (the ministry's account, an existing account, the
    predecessor's): the engine checks its characters (the finding `handle-characters`), as
    `check` does, so the wizard and `check` say the same."""


class DateField(TextField):
    """A date typed as dd-mm-jjjj; stored as ISO text, or empty."""

    def __init__(self, path: str, label: str) -> None:
        super().__init__(path, label, translate("Fields", "dd-mm-jjjj"))
        self.edit.setMaxLength(40)

    def _edited(self, text: str) -> None:
        # A text that is no date empties the answer: the error is shown and counted, and no
        # earlier date is silently kept (and printed).
        self.set_messages(self.findings)
        self.commit(parse_typed_date(text), typing=True)  # None for an empty text too

    def load(self, value: Any) -> None:
        text = format_date(value)
        if parse_typed_date(self.edit.text()) != parse_typed_date(text) or not text:
            with QSignalBlocker(self.edit):
                self.edit.setText(text)

    def display(self, value: Any) -> str:
        return format_date(value) or "—"

    def local_problems(self) -> list[tuple[str, str]]:
        text = self.edit.text().strip()
        if text and not parse_typed_date(text):
            return [
                (
                    "error",
                    translate(
                        "Fields",
                        "Dit is geen datum; typ de datum als dd-mm-jjjj, bijvoorbeeld 23-02-2026.",
                    ),
                )
            ]
        return []


class MultiLineField(Field):
    multiline = True

    def __init__(self, path: str, label: str, placeholder: str = "", lines: int = 4) -> None:
        super().__init__(path, label, QPlainTextEdit())
        self.edit: QPlainTextEdit = self.widget  # type: ignore[assignment]
        self.edit.setPlaceholderText(placeholder)
        self.edit.setTabChangesFocus(True)
        height = self.edit.fontMetrics().lineSpacing() * lines + 12
        self.edit.setMinimumHeight(height)
        self.edit.setMaximumHeight(height * 2)
        self.edit.setUndoRedoEnabled(False)  # the window's undo, for every answer
        self.edit.installEventFilter(WindowUndo(self.edit))
        self.edit.textChanged.connect(self._edited)

    def _edited(self) -> None:
        self.set_messages(self.findings)
        self.commit(self.edit.toPlainText(), typing=True)

    def replace_text(self, text: str) -> None:
        """Put a whole text in the field (a draft of the rulebook): one step of its own on the
        undo stack, not merged with what was typed before."""
        with QSignalBlocker(self.edit):
            self.edit.setPlainText(text)
        self.set_messages(self.findings)
        self.commit(text)

    def load(self, value: Any) -> None:
        text = "" if value is None else str(value)
        if self.edit.toPlainText() != text:
            with QSignalBlocker(self.edit):
                self.edit.setPlainText(text)

    def local_problems(self) -> list[tuple[str, str]]:
        return input_problems(self.edit.toPlainText(), multiline=True)

    def display(self, value: Any) -> str:
        return " ".join(str(value).split()) if value else "—"


class CheckField(Field):
    def __init__(self, path: str, label: str, rulebook_label: bool = False) -> None:
        """`rulebook_label`: the label is a text of the rulebook (the page marks it Dutch)."""
        super().__init__(path, label, QCheckBox(label))
        self.box: QCheckBox = self.widget  # type: ignore[assignment]
        self.rulebook_label = rulebook_label
        self.box.toggled.connect(self.write)

    def load(self, value: Any) -> None:
        with QSignalBlocker(self.box):
            self.box.setChecked(bool(value))

    def display(self, value: Any) -> str:
        return translate("Fields", "Ja") if value else translate("Fields", "Nee")


class ComboField(Field):
    """A choice from a list of (value, label); the first item may stand for 'not chosen'."""

    def __init__(
        self,
        path: str,
        label: str,
        choices: list[tuple[Any, str]],
        rulebook_choices: bool = False,
    ) -> None:
        """`rulebook_choices`: the choices' labels are texts of the rulebook (the page marks
        the drop-down as showing Dutch)."""
        super().__init__(path, label, QuietComboBox())
        self.combo: QComboBox = self.widget  # type: ignore[assignment]
        self.rulebook_choices = rulebook_choices
        self.choices: set[Any] = set()  # the values offered (not an unknown one loaded)
        # Not AdjustToContents: a long choice would make the page wider than the window at
        # large font sizes; the list that drops down still shows the whole text.
        self.combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.combo.setMinimumContentsLength(12)
        self.set_choices(choices)
        self.combo.currentIndexChanged.connect(self._changed)

    def set_choices(self, choices: list[tuple[Any, str]]) -> None:
        with QSignalBlocker(self.combo):
            current = self.combo.currentData()
            self.combo.clear()
            self.choices = {value for value, _text in choices}
            for value, text in choices:
                self.combo.addItem(text, value)
            index = self.combo.findData(current)
            self.combo.setCurrentIndex(max(index, 0))

    def set_item_text(self, value: Any, text: str) -> None:
        index = self.combo.findData(value)
        if index >= 0 and self.combo.itemText(index) != text:
            self.combo.setItemText(index, text)

    def _changed(self, index: int) -> None:
        self.write(self.combo.itemData(index))

    def load(self, value: Any) -> None:
        with QSignalBlocker(self.combo):
            index = self.combo.findData(value if value is not None else "")
            if index < 0 and value not in (None, ""):
                unknown = translate("Fields", "{value} (onbekend)").format(value=value)
                self.combo.addItem(unknown, value)
                index = self.combo.count() - 1
            self.combo.setCurrentIndex(max(index, 0))

    def display(self, value: Any) -> str:
        if value in (None, ""):
            return "—"
        index = self.combo.findData(value)
        return self.combo.itemText(index) if index >= 0 else str(value)

    def overview_text(self, value: Any) -> str:
        text = self.display(value)
        offered = value not in (None, "") and value in self.choices
        return quoted(text) if self.rulebook_choices and offered else text


class IntField(Field):
    """A whole number; 0 shows as 'onbekend' and is stored as empty."""

    def __init__(self, path: str, label: str, maximum: int = 2_000_000_000) -> None:
        super().__init__(path, label, QuietSpinBox())
        self.spin: QSpinBox = self.widget  # type: ignore[assignment]
        self.spin.setRange(0, maximum)
        self.spin.setGroupSeparatorShown(True)
        self.spin.setSpecialValueText(translate("Fields", "onbekend"))
        self.spin.valueChanged.connect(self._changed)

    def _changed(self, value: int) -> None:
        self.write(value or None)

    def load(self, value: Any) -> None:
        with QSignalBlocker(self.spin):
            self.spin.setValue(value if isinstance(value, int) else 0)

    def display(self, value: Any) -> str:
        return number(value) if isinstance(value, int) else "—"


class RadioField(Field):
    """A choice shown as radio buttons; the group widget carries the path."""

    def __init__(self, path: str, label: str, choices: list[tuple[Any, str, str]]) -> None:
        super().__init__(path, label, QWidget())
        self.group = QButtonGroup(self.widget)
        self.values: list[Any] = []
        layout = QVBoxLayout(self.widget)
        layout.setContentsMargins(0, 0, 0, 0)
        for index, (value, text, explanation) in enumerate(choices):
            button = AnswerRadioButton(text)
            button.setObjectName(f"{path}={value}")
            button.setAccessibleName(text)
            if explanation:
                button.setAccessibleDescription(explanation)
                button.setProperty("explanation", explanation)
            self.group.addButton(button, index)
            layout.addWidget(button)
            if explanation:
                note = QLabel(explanation)
                note.setWordWrap(True)
                note.setTextFormat(Qt.TextFormat.PlainText)
                note.setIndent(24)
                note.setObjectName(f"{path}={value}:explanation")
                layout.addWidget(note)
            self.values.append(value)
        self.group.idToggled.connect(self._toggled)

    def _toggled(self, index: int, checked: bool) -> None:
        if checked:
            chosen_tab_stop(self.group)
            self.write(self.values[index])

    def load(self, value: Any) -> None:
        with QSignalBlocker(self.group):
            self.group.setExclusive(False)  # (an exclusive group keeps its one checked button)
            for index, item in enumerate(self.values):
                button = self.group.button(index)
                with QSignalBlocker(button):
                    button.setChecked(item == value)
            self.group.setExclusive(True)
        chosen_tab_stop(self.group)

    def set_messages(self, findings: list[tuple[str, str]]) -> None:
        """The group's messages ("Nog niet ingevuld") also on every button, after its own
        explanation: a screen reader is on a button, never on the group."""
        super().set_messages(findings)
        message = self.widget.accessibleDescription()
        for button in self.group.buttons():
            own = button.property("explanation") or ""
            text = "; ".join(part for part in (quoted_note(button), own, message) if part)
            if button.accessibleDescription() != text:
                button.setAccessibleDescription(text)

    def display(self, value: Any) -> str:
        if value in self.values:
            return self.group.button(self.values.index(value)).text()
        return "—"


def labelled(field: Field, label_text: str | None = None) -> QWidget:
    """A field with its label above it and its messages below, as one block."""
    block = QWidget()
    layout = QVBoxLayout(block)
    layout.setContentsMargins(0, 0, 0, 4)
    layout.setSpacing(2)
    if not isinstance(field, CheckField):
        label = QLabel(label_text or field.label)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setBuddy(field.widget)
        label.setObjectName(f"{field.path}:label")
        layout.addWidget(label)
    layout.addWidget(field.widget)
    if field.message is not None:  # (otherwise made with the field's first message)
        layout.addWidget(field.message)
    return block


class ClickLabel(QLabel):
    """A wrapping label beside a check box; clicking it toggles the box."""

    def __init__(self, text: str, box: QCheckBox) -> None:
        super().__init__(text)
        self.box = box
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setBuddy(box)

    def mousePressEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        if self.box.isEnabled():
            self.box.toggle()
        super().mousePressEvent(event)


def wrapping_check(text: str, object_name: str) -> tuple[QWidget, QCheckBox]:
    """A check box with a long label that wraps (QCheckBox itself does not wrap)."""
    box = QCheckBox()
    box.setObjectName(object_name)
    box.setAccessibleName(text)
    container = QWidget()
    layout = QHBoxLayout(container)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(box, 0, Qt.AlignmentFlag.AlignTop)
    layout.addWidget(ClickLabel(text, box), 1)
    return container, box


def row(*widgets: QWidget, stretch: bool = True) -> QWidget:
    box = QWidget()
    layout = QHBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        layout.addWidget(widget)
    if stretch:
        layout.addStretch(1)
    return box
