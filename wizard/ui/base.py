"""What every page of the wizard shares: a scrolling body, bound fields, inline findings, the text
for the side panel and the rows for the overview."""

from __future__ import annotations

import html
from collections import defaultdict
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from wizard.core.engine import Advice, Finding
from wizard.ui.fields import Field, labelled
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
from wizard.ui.model import SessionModel


def esc(value: Any) -> str:
    return html.escape(str(value), quote=True)


def matches_prefix(path: str, prefixes: tuple[str, ...]) -> bool:
    return any(path == prefix or path.startswith(prefix + ".") for prefix in prefixes)


def note_label(text: str = "", rich: bool = False) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class Page(QWizardPage):
    """A page of the conversation, bound to the session model."""

    #: session paths (and what lies under them) whose findings this page shows
    finding_prefixes: tuple[str, ...] = ()

    def __init__(self, model: SessionModel, title: str, subtitle: str = "") -> None:
        super().__init__()
        self.model = model
        self.rulebook = model.rulebook
        self.fields: list[Field] = []
        self.setTitle(title)
        if subtitle:
            self.setSubTitle(subtitle)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.body_widget = QWidget()
        self.body = QVBoxLayout(self.body_widget)
        self.body.setContentsMargins(4, 4, 12, 4)
        self.scroll.setWidget(self.body_widget)
        outer.addWidget(self.scroll)

    # --- building ----------------------------------------------------------------------------

    def add_field(self, field: Field, layout: QVBoxLayout | None = None,
                  label_text: str | None = None) -> Field:
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
        self.refresh()

    def refresh(self) -> None:
        """Show what the advice says now: messages under fields, derived texts."""
        by_path: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for finding in self.advice.findings:
            by_path[finding.path].append((finding.severity, finding.message))
        for field in self.fields:
            field.set_inactive(self._inactive_reason(field.path))
            field.set_messages(by_path.get(field.path, []))
        self.refresh_page()

    def _inactive_reason(self, path: str) -> str | None:
        """Why the answer at `path` (or the section it belongs to) does not apply now."""
        for item in self.advice.inactive:
            if path == item["path"] or path.startswith(item["path"] + "."):
                return item["reason"]
        return None

    def refresh_page(self) -> None:
        """Page-specific updates; pages override this."""

    def page_findings(self) -> list[Finding]:
        return [finding for finding in self.advice.findings
                if matches_prefix(finding.path, self.finding_prefixes)]

    def side_html(self) -> str:
        """What the advisor can say on this page (rulebook texts), as HTML."""
        return ""

    def overview_rows(self) -> list[tuple[str, str, str]]:
        """(label, answer as text, session path) for every answer on this page in use."""
        rows = []
        for field in self.fields:
            if field.widget.isVisibleTo(self) and field.widget.isEnabledTo(self):
                rows.append((field.label, field.display(self.model.value(field.path)),
                             field.path))
        return rows

    def focus_path(self, path: str) -> bool:
        """Put the keyboard focus on the widget of a session path, if this page has it."""
        widget = self.findChild(QWidget, path)
        if widget is None or not widget.isVisibleTo(self):
            return False
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus:   # a group, e.g. radio buttons
            focusable = [child for child in widget.findChildren(QWidget)
                         if child.focusPolicy() != Qt.FocusPolicy.NoFocus]
            checked = [child for child in focusable if getattr(child, "isChecked", bool)()]
            widget = (checked or focusable or [widget])[0]
        self.scroll.ensureWidgetVisible(widget)
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        return True


def bullet_html(items: list[str]) -> str:
    return "<ul>" + "".join(f"<li>{esc(item)}</li>" for item in items) + "</ul>" if items else ""


def clause_html(advice: Advice, rulebook: Any, sections: list[str]) -> str:
    """The agreement's clauses of some sections, as the advisor can say them."""
    parts = []
    titles = rulebook.data.get("clause_sections", {})
    for section in sections:
        clauses = advice.clauses.get(section, [])
        if clauses:
            parts.append(f"<h4>{esc(titles.get(section, section))}</h4>")
            parts.append(bullet_html([clause["text"] for clause in clauses]))
    return "".join(parts)
