"""What every page of the wizard shares: a scrolling body, bound fields, inline findings, the text
for the side panel and the rows for the overview."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QFrame,
    QGroupBox,
    QLabel,
    QScrollArea,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from wizard.core.advice import Advice, Finding
from wizard.core.catalog import catalog
from wizard.core.rulebook import Rulebook
from wizard.ui.fields import Field, SelectableLabel, labelled, not_filled_in
from wizard.ui.focus import can_take_focus, focus_chain, scroll_areas
from wizard.ui.ids import (  # noqa: F401 - the page ids, for the pages and the tests
    ADVICE,
    ATTENTION,
    CHOICE,
    DOCUMENTS,
    MINISTER,
    OVERVIEW,
    PLATFORM_FIRST,
    PREDECESSOR,
    SITUATION,
    START,
    WEBCARE,
)
from wizard.ui.model import LOCAL, MISSING, SessionModel, Shown
from wizard.ui.sources import source_link
from wizard.ui.texts import esc, program_is_dutch, quoted_dutch

translate = QCoreApplication.translate


def matches_prefix(path: str, prefixes: tuple[str, ...]) -> bool:
    return any(path == prefix or path.startswith(prefix + ".") for prefix in prefixes)


class ReadingBrowser(QTextBrowser):
    """Text to read on a page (the advice, the attention points): Enter goes on to the next
    page, as everywhere else, unless a link has the focus."""

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if (
            event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not self.textCursor().hasSelection()
        ):
            event.ignore()
            return
        super().keyPressEvent(event)


def inline_text(item: Shown) -> str:
    """What a field shows under itself for a finding: a missing answer in the wizard's own words
    (the label is right above it), everything else in the rulebook's words."""
    if item.code == MISSING:
        return "" if item.severity == "todo" else not_filled_in()
    return item.message


class NoteLabel(SelectableLabel):
    """A text on a page: selectable with the mouse (the overview alone has some 150)."""


def note_label(text: str = "", rich: bool = False) -> QLabel:
    label = NoteLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    return label


class Page(QWizardPage):
    """A page of the conversation, bound to the session model."""

    #: the page made or removed widgets after an answer (the tab order must follow them)
    widgetsChanged = Signal()

    #: session paths (and what lies under them) whose findings this page shows
    finding_prefixes: tuple[str, ...] = ()
    #: False for a page whose content scrolls itself (a text browser that fills the page): no
    #: scroll area around it, so that there is never a scroll area inside a scroll area
    scrolling: bool = True
    #: the page's id in the wizard (set by the main window)
    page_id: int | None = None

    def __init__(self, model: SessionModel, title: str, subtitle: str = "") -> None:
        super().__init__()
        self.model = model
        self.rulebook = model.rulebook
        self.fields: list[Field] = []
        #: the state of the advice this page last showed (see `view_key`)
        self._shown_key: tuple[int, bool] | None = None
        self.setTitle(title)
        if subtitle:
            self.setSubTitle(subtitle)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.body_widget = QWidget()
        self.body = QVBoxLayout(self.body_widget)
        self.body.setContentsMargins(4, 4, 12, 4)
        self.scroll: QScrollArea | None = None
        #: the page's scrolling widgets, found at the first to_top (again once widgets changed)
        self._scroll_areas: list[QAbstractScrollArea] | None = None
        self.widgetsChanged.connect(self._forget_scroll_areas)
        if self.scrolling:
            self.scroll = QScrollArea()
            self.scroll.setObjectName(f"{type(self).__name__}.scroll")
            self.scroll.setWidgetResizable(True)
            # Tab goes to the fields; the area follows the focus (ensure_visible)
            self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            self.scroll.setFrameShape(QFrame.Shape.NoFrame)
            self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
            self.scroll.setWidget(self.body_widget)
            outer.addWidget(self.scroll)
        else:
            outer.addWidget(self.body_widget)

    # --- building ----------------------------------------------------------------------------

    def add_field(
        self, field: Field, layout: QVBoxLayout | None = None, label_text: str | None = None
    ) -> Field:
        field.bind(self.model)
        self.fields.append(field)
        (layout or self.body).addWidget(labelled(field, label_text))
        return field

    def group(self, title: str, layout: QVBoxLayout | None = None) -> QVBoxLayout:
        box = QGroupBox(title)
        inner = QVBoxLayout(box)
        (layout or self.body).addWidget(box)
        return inner

    def finish_layout(self) -> None:
        self.body.addStretch(1)

    # --- showing -----------------------------------------------------------------------------

    @property
    def advice(self) -> Advice:
        return self.model.advice

    def load(self) -> None:
        """Put the session's answers into the widgets (after new, open or recover)."""
        for field in self.fields:
            field.load(self.model.value(field.path))
            self.model.set_local(field.path, field.local_problems())
        self.refresh()

    def seen_fields(self) -> tuple[set[str], set[str]]:
        """The session paths of the page's fields shown now, and of those hidden now."""
        shown = {field.path for field in self.fields if field.widget.isVisibleTo(self)}
        return shown, {field.path for field in self.fields} - shown

    def reload(self, path: str) -> None:
        """An answer set by undo or redo: the fields that show it show it now."""
        for field in self.fields:
            if field.concerns(path):
                field.load(self.model.value(field.path))
                self.model.set_local(field.path, field.local_problems())

    def view_key(self) -> tuple[int, bool]:
        """What the page shows depends on: the answers (the model's revision, which also counts
        the problems of typed text) and whether the advisor has left the page (a required
        field is "still to fill in" until then)."""
        return self.model.revision, self.page_id in self.model.left_pages

    def follow(self) -> None:
        """Show the advice as it is now, unless the page already does."""
        if self._shown_key != self.view_key():
            self.refresh()

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        """Every way a page comes into view (Next, Back, the step list, the overview's Wijzig)
        shows the advice as it is now: what a page derives is never from an earlier answer."""
        self.follow()
        super().showEvent(event)

    def refresh(self) -> None:
        """Show what the advice says now: messages under fields, derived texts."""
        self._shown_key = self.view_key()
        by_path: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for item in self.model.shown():
            if item.code != LOCAL:
                by_path[item.path].append((item.severity, inline_text(item)))
        for field in self.fields:
            field.set_inactive(self.advice.inactive_reason(field.path))
            field.set_messages(by_path.get(field.path, []))
        self.refresh_page()

    def refresh_page(self) -> None:
        """Page-specific updates; pages override this."""

    def page_findings(self) -> list[Finding]:
        return [
            finding
            for finding in self.advice.findings
            if matches_prefix(finding.path, self.finding_prefixes)
        ]

    # --- keyboard and view -------------------------------------------------------------------

    def focusable(self) -> list[QWidget]:
        """The widgets Tab stops at on this page now, top to bottom."""
        return [widget for widget in focus_chain(self) if can_take_focus(widget, self)]

    def focus_first(self) -> None:
        """Put the keyboard focus in the page's first field."""
        widgets = self.focusable()
        if widgets:
            widgets[0].setFocus(Qt.FocusReason.TabFocusReason)

    def to_top(self) -> None:
        """Show the page from its top, and every text on it from its beginning."""
        if self._scroll_areas is None:  # found once, not at every page change
            self._scroll_areas = scroll_areas(self)
        for area in self._scroll_areas:
            area.verticalScrollBar().setValue(0)
            area.horizontalScrollBar().setValue(0)

    def _forget_scroll_areas(self) -> None:
        self._scroll_areas = None

    def ensure_visible(self, widget: QWidget) -> None:
        """Scroll the page so that a focused widget (with its label and messages) is in view."""
        if self.scroll is None or not self.body_widget.isAncestorOf(widget):
            return
        block = widget.parentWidget()
        viewport = self.scroll.viewport().height()
        if block is not None and block is not self.body_widget and block.height() < viewport - 20:
            self.scroll.ensureWidgetVisible(block, 10, 10)
        self.scroll.ensureWidgetVisible(widget, 10, 10)

    def side_html(self) -> str:
        """What the advisor can say on this page (rulebook texts), as HTML."""
        return ""

    def sources_of(self, path: str) -> list[str]:
        """The statements behind what the overview shows for `path` (a rulebook's proposal, a
        consequence); none for a plain answer."""
        return []

    def set_notice(self, text: str) -> None:
        """A note at the top of the page (e.g. that the conversation was saved under another
        rulebook); hidden when empty."""
        notice = self.findChild(QLabel, "page.notice")
        if notice is None:
            if not text:
                return
            notice = note_label()
            notice.setObjectName("page.notice")
            notice.setFrameShape(QFrame.Shape.StyledPanel)
            notice.setMargin(6)
            self.body.insertWidget(0, notice)
        notice.setText(text)
        notice.setAccessibleName(text)
        notice.setVisible(bool(text))

    def overview_rows(self) -> list[tuple[str, str, str]]:
        """(label, answer as text, session path) for every answer on this page in use."""
        rows = []
        for field in self.fields:
            if field.widget.isVisibleTo(self) and field.widget.isEnabledTo(self):
                rows.append((field.overview_label(), self.overview_value(field), field.path))
        return rows

    def printed_value(self, field: Field) -> tuple[Any, bool] | None:
        """What the documents will show for a field, from the advice, and whether that is the
        rulebook's proposal rather than the advisor's answer; None where the advice has no
        value of its own for the field (then the answer is what is printed)."""
        parts = field.path.split(".")
        if len(parts) != 3 or parts[0] != "platforms":
            return None
        account = self.advice.platforms.get(parts[1])
        config = account.config.to_dict() if account is not None else {}
        if parts[2] not in config:
            return None
        printed = config[parts[2]]
        if parts[2] == "bio":
            return printed, account.bio_is_draft and bool(printed)
        given = self.model.value(field.path)
        return printed, given in (None, "") and printed not in (None, "")

    def overview_value(self, field: Field) -> str:
        """The overview's text for a field: the value that will be printed, marked as the
        rulebook's proposal where the advisor did not give it."""
        printed = self.printed_value(field)
        if printed is None:
            return field.overview_text(self.model.value(field.path))
        value, proposal = printed
        text = field.display(value)
        if not proposal or text == "—":
            return field.overview_text(value)
        if program_is_dutch():
            return text + " " + translate("Page", "(voorstel van het regelboek)")
        # the program's words, then the rulebook's in quotes
        return quoted_dutch(translate("Page", "Voorstel van het regelboek:"), text)

    def focus_path(self, path: str) -> bool:
        """Put the keyboard focus on the widget of a session path, if this page has it."""
        widget = self.findChild(QWidget, path)
        if widget is None or not widget.isVisibleTo(self):
            return False
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus:  # a group, e.g. radio buttons
            focusable = [
                child
                for child in widget.findChildren(QWidget)
                if child.focusPolicy() != Qt.FocusPolicy.NoFocus
            ]
            checked = [child for child in focusable if getattr(child, "isChecked", bool)()]
            widget = (checked or focusable or [widget])[0]
        if self.scroll is not None:
            self.scroll.ensureWidgetVisible(widget)
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        return True


def policy_text(rulebook: Rulebook, key: str) -> str:
    """What a page says about the policy (rulebook `page_notes`): the rulebook's own words, so
    a new policy changes them with the rules; like every rule text, they are not translated."""
    return catalog(rulebook).page_note(key)


def bullet_html(items: list[str]) -> str:
    return "<ul>" + "".join(f"<li>{esc(item)}</li>" for item in items) + "</ul>" if items else ""


def sourced_html(items: list[tuple[str, list[str]]]) -> str:
    """A bullet list of rulebook texts, each followed by a link to its sources."""
    if not items:
        return ""
    return (
        "<ul>"
        + "".join(f"<li>{esc(text)}{source_link(ids, text)}</li>" for text, ids in items)
        + "</ul>"
    )


def clause_html(advice: Advice, sections: list[str]) -> str:
    """The agreement's clauses of some sections, as the advisor can say them, with their
    sources."""
    parts = []
    for section in sections:
        clauses = advice.clauses.get(section, [])
        if clauses:
            parts.append(f"<h4>{esc(advice.clause_titles.get(section, section))}</h4>")
            parts.append(sourced_html([(clause.text, list(clause.source)) for clause in clauses]))
    return "".join(parts)
