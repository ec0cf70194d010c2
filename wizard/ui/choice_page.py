"""Keuze: the variant the minister chooses, the motivation when it is not the advice, the
consequences to go through with the minister, and the options the minister may take up (DESIGN
reading 17: "u kunt ..." until the advisor records one as agreed)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QVBoxLayout, QWidget

from wizard.core.catalog import catalog
from wizard.ui import dialogs
from wizard.ui.base import Page, bullet_html, esc, policy_text
from wizard.ui.fields import MultiLineField, RadioField, wrapping_check
from wizard.ui.layouts import empty
from wizard.ui.model import SessionModel
from wizard.ui.sources import SourceButton, source_link
from wizard.ui.texts import dutch_html, dutch_label, mark_dutch, program_is_dutch, quoted_dutch

WITH_PERSONAL = ":personal_account"


class VariantField(RadioField):
    """The variant, with 'corporate plus a personal account' as an option of its own: it writes
    both `variant` and `personal_account`."""

    def write(self, value: Any, typing: bool = False) -> None:
        """Both answers, as one step to undo; after consequences or options were discussed,
        only when the advisor confirms (otherwise the variant chosen before stays)."""
        if self.model is None or value == self.current():
            return
        discussed = self.model.value("acknowledged") or self.model.value("agreed")
        if discussed and not dialogs.ask_change_variant(self.widget):
            self.load(None)
            return
        personal = value.endswith(WITH_PERSONAL)
        variant = value.removesuffix(WITH_PERSONAL)
        with self.model.one_step():
            self.model.set("personal_account", personal)
            self.model.set("variant", variant)

    def concerns(self, path: str) -> bool:
        return path in ("variant", "personal_account")

    def current(self) -> str:
        variant = self.model.value("variant") or ""
        if self.model.value("personal_account") and variant + WITH_PERSONAL in self.values:
            return variant + WITH_PERSONAL
        return variant

    def load(self, value: Any) -> None:
        super().load(self.current())

    def display(self, value: Any) -> str:
        return super().display(self.current())


class ChoicePage(Page):
    finding_prefixes = ("variant", "personal_account", "motivation", "acknowledged", "agreed")

    def __init__(self, model: SessionModel) -> None:
        # In Dutch the rulebook's note is the subtitle; in English the program's own words are,
        # and the note stands at the top of the page, marked Dutch (no line mixes languages).
        dutch = program_is_dutch()
        note = policy_text(model.rulebook, "choice")
        subtitle = note if dutch else self.tr("Welke variant kiest de bewindspersoon?")
        super().__init__(model, self.tr("Keuze"), subtitle)
        if not dutch:
            self.body.addWidget(dutch_label(note, "choice.note"))
        fixed = catalog(self.rulebook)
        choices = []
        personal = fixed.personal_account
        marks = {}
        for key, variant in fixed.variants.items():
            mark = ""
            if variant.advised:
                mark = self.tr("(advies)")
            elif variant.exception:
                mark = self.tr("(uitzondering)")
            marks[key] = mark
            choices.append(
                (
                    key,
                    f"{variant.label} {mark}" if mark and dutch else variant.label,
                    variant.summary,
                )
            )
            if key in personal.allowed_with:
                choices.append((key + WITH_PERSONAL, personal.label, personal.summary))
        group = self.group(self.tr("Variant"))
        self.variant = VariantField("variant", self.tr("Gekozen variant"), choices)
        self.add_field(self.variant, group)
        for button in self.variant.group.buttons():
            if button.objectName().endswith(WITH_PERSONAL):
                button.setObjectName("personal_account")
            button.setProperty("lang", "nl")  # the rulebook's label
        for label in self.variant.widget.findChildren(QLabel):
            mark_dutch(label)  # the rulebook's explanation of a variant
        if not dutch:
            self.add_marks(marks)
        question = policy_text(self.rulebook, "motivation")
        self.motivation = MultiLineField(
            "motivation",
            question if dutch else self.tr("Motivering"),
            self.tr(
                "bijvoorbeeld: de bewindspersoon wil het bestaande account met veel volgers houden"
            ),
        )
        self.add_field(self.motivation, group)
        if not dutch:  # the rulebook's question under the program's label
            block = self.motivation.widget.parentWidget().layout()
            block.insertWidget(1, dutch_label(question, "motivation.note"))

        self.consequence_group = self.group(self.tr("Gevolgen, besproken met de bewindspersoon"))
        intro = QLabel(
            self.tr(
                "Vink aan wat u met de bewindspersoon hebt besproken. Deze punten "
                "komen in de afspraken."
            )
        )
        intro.setWordWrap(True)
        self.consequence_group.addWidget(intro)
        # The consequences and, under them, the options (DESIGN reading 17): one check box each,
        # named after its session list (`acknowledged.<id>`, `agreed.<id>`).
        self.consequences = CheckList("acknowledged", self)
        self.consequence_group.addWidget(self.consequences.box)
        self.options = CheckList("agreed", self)
        self.consequence_group.addWidget(self.options.box)
        self.finish_layout()

    def add_marks(self, marks: dict[str, str]) -> None:
        """The program's "(advised)" and "(exception)" in a label of their own, under the
        variant's label from the rulebook (a label in one language each)."""
        layout = self.variant.widget.layout()
        for key, mark in marks.items():
            button = self.variant.widget.findChild(QWidget, f"variant={key}")
            if not mark or button is None:
                continue
            label = QLabel(mark)
            label.setObjectName(f"variant={key}:mark")
            label.setIndent(24)
            layout.insertWidget(layout.indexOf(button) + 1, label)

    def refresh_page(self) -> None:
        self.motivation.widget.parentWidget().setVisible(
            self.advice.motivation_needed or bool(self.model.value("motivation"))
        )
        consequences = [
            (item.id, item.text, item.source, item.acknowledged)
            for item in self.advice.consequences
        ]
        options = [(item.id, item.label, item.source, item.agreed) for item in self.advice.options]
        rebuilt = [self.consequences.show(consequences), self.options.show(options)]
        if any(rebuilt):
            self.widgetsChanged.emit()

    def overview_rows(self) -> list[tuple[str, str, str]]:
        rows = super().overview_rows()
        yes, no = self.tr("ja"), self.tr("nee")
        for item in self.advice.consequences:
            label = quoted_dutch(self.tr("Besproken:"), item.text)
            rows.append((label, yes if item.acknowledged else no, f"acknowledged.{item.id}"))
        for option in self.advice.options:
            label = quoted_dutch(self.tr("Afgesproken:"), option.label)
            rows.append((label, yes if option.agreed else no, f"agreed.{option.id}"))
        return rows

    def sources_of(self, path: str) -> list[str]:
        if path == "variant":
            return list(self.advice.variant.source) if self.advice.variant else []
        items = [(f"acknowledged.{item.id}", item.source) for item in self.advice.consequences]
        items += [(f"agreed.{item.id}", item.source) for item in self.advice.options]
        return next((list(source) for name, source in items if name == path), [])

    def side_html(self) -> str:
        variant = self.advice.variant
        parts = []
        if variant:
            intro = self.tr("Wat deze keuze voor de bewindspersoon betekent:")
            link = source_link(variant.source, variant.label)
            parts.append(f"<p><b>{esc(variant.label)}</b>{link}</p>")
            parts.append(bullet_html(list(variant.meaning)))
        personal = self.advice.personal_account
        if personal:
            link = source_link(personal.source, personal.label)
            parts.append(f"<p><b>{esc(personal.label)}</b>{link}</p>")
            parts.append(bullet_html(list(personal.meaning)))
        return (f"<p>{esc(intro)}</p>" if variant else "") + dutch_html("".join(parts))


class CheckList:
    """Check boxes for the items of one session list (`acknowledged`, `agreed`): the box of an
    item is checked when the item's id is in the list. The boxes follow the advice: made again
    when the items or their texts change."""

    def __init__(self, path: str, page: Page) -> None:
        self.path = path
        self.page = page
        self.box = QWidget()
        self.box.setObjectName(path)  # the section: a finding about the list lands here
        self.layout = QVBoxLayout(self.box)
        self.layout.setContentsMargins(0, 0, 0, 0)
        self.checks: dict[str, QCheckBox] = {}
        self.shown: list[tuple[str, str, tuple[str, ...]]] = []

    def show(self, items: list[tuple[str, str, tuple[str, ...], bool]]) -> bool:
        """(id, text, sources, checked) of every item; True when the boxes were made again."""
        wanted = [(key, text, tuple(source)) for key, text, source, _checked in items]
        rebuilt = wanted != self.shown
        if rebuilt:
            self._build(wanted)
        for key, _text, _source, checked in items:
            box = self.checks[key]
            if box.isChecked() != checked:
                with QSignalBlocker(box):
                    box.setChecked(checked)
        self.box.setVisible(bool(items))
        return rebuilt

    def _build(self, items: list[tuple[str, str, tuple[str, ...]]]) -> None:
        empty(self.layout)
        self.checks = {}
        for key, text, source in items:
            name = f"{self.path}.{key}"
            container, box = wrapping_check(text, name)
            for widget in (box, *container.findChildren(QLabel)):
                mark_dutch(widget)  # the rulebook's consequence or option
            box.toggled.connect(lambda checked, key=key: self.toggle(key, checked))
            button = SourceButton(name, self.page.rulebook, text, source)
            container.layout().addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
            self.layout.addWidget(container)
            container.show()  # at once, so that Tab and the focus can reach it
            self.checks[key] = box
        self.shown = items

    def toggle(self, key: str, checked: bool) -> None:
        """Add the item's id to the session list, or take it out."""
        model = self.page.model
        ids = list(model.value(self.path) or [])
        if checked and key not in ids:
            ids.append(key)
        elif not checked and key in ids:
            ids.remove(key)
        model.set(self.path, ids)
