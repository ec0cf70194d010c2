"""Keuze: the variant the minister chooses, the motivation when it is not the advice, and the
consequences to go through with the minister."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QVBoxLayout, QWidget

from wizard.ui.base import Page, bullet_html, esc, policy_text
from wizard.ui.fields import MultiLineField, RadioField, wrapping_check
from wizard.ui.model import SessionModel
from wizard.ui.sources import SourceButton, source_link

WITH_PERSONAL = ":personal_account"


class VariantField(RadioField):
    """The variant, with 'corporate plus a personal account' as an option of its own: it writes
    both `variant` and `personal_account`."""

    def write(self, value: Any) -> None:
        if self.model is None:
            return
        personal = value.endswith(WITH_PERSONAL)
        variant = value.removesuffix(WITH_PERSONAL)
        self.model.set("personal_account", personal)
        self.model.set("variant", variant)

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
    finding_prefixes = ("variant", "personal_account", "motivation", "acknowledged")

    def __init__(self, model: SessionModel) -> None:
        super().__init__(model, self.tr("Keuze"), policy_text(model.rulebook, "choice"))
        data = self.rulebook.data
        choices = []
        personal = data.get("personal_account", {})
        for key, variant in data["variants"].items():
            label = variant["label"]
            if variant.get("advised"):
                label += " " + self.tr("(advies)")
            elif variant.get("exception"):
                label += " " + self.tr("(uitzondering)")
            choices.append((key, label, variant.get("summary", "")))
            if key in personal.get("allowed_with", []):
                choices.append(
                    (key + WITH_PERSONAL, personal["label"], personal.get("summary", ""))
                )
        group = self.group(self.tr("Variant"))
        self.variant = VariantField("variant", self.tr("Gekozen variant"), choices)
        self.add_field(self.variant, group)
        for button in self.variant.group.buttons():
            if button.objectName().endswith(WITH_PERSONAL):
                button.setObjectName("personal_account")
        self.motivation = MultiLineField(
            "motivation",
            policy_text(self.rulebook, "motivation"),
            self.tr(
                "bijvoorbeeld: de bewindspersoon wil het bestaande account met veel volgers houden"
            ),
        )
        self.add_field(self.motivation, group)

        self.consequence_group = self.group(self.tr("Gevolgen, besproken met de bewindspersoon"))
        intro = QLabel(
            self.tr(
                "Vink aan wat u met de bewindspersoon hebt besproken. Deze punten "
                "komen in de afspraken."
            )
        )
        intro.setWordWrap(True)
        self.consequence_group.addWidget(intro)
        self.consequence_box = QWidget()
        self.consequence_layout = QVBoxLayout(self.consequence_box)
        self.consequence_layout.setContentsMargins(0, 0, 0, 0)
        self.consequence_group.addWidget(self.consequence_box)
        self.checks: dict[str, QCheckBox] = {}
        self.finish_layout()

    def refresh_page(self) -> None:
        variant = self.model.value("variant") or ""
        needs = self.rulebook.data["variants"].get(variant, {}).get("requires_motivation", False)
        self.motivation.widget.parentWidget().setVisible(
            bool(needs or self.model.value("motivation"))
        )
        self._refresh_consequences()

    def _refresh_consequences(self) -> None:
        consequences = self.advice.consequences
        ids = [item["id"] for item in consequences]
        if ids != list(self.checks):
            while self.consequence_layout.count():
                old = self.consequence_layout.takeAt(0).widget()
                old.hide()
                old.setParent(None)
                old.deleteLater()
            self.checks = {}
            for item in consequences:
                container, box = wrapping_check(item["text"], f"acknowledged.{item['id']}")
                box.toggled.connect(lambda checked, key=item["id"]: self._acknowledge(key, checked))
                source = SourceButton(
                    f"acknowledged.{item['id']}",
                    self.rulebook,
                    item["text"],
                    item.get("source") or [],
                )
                container.layout().addWidget(source, 0, Qt.AlignmentFlag.AlignTop)
                self.consequence_layout.addWidget(container)
                container.show()  # at once, so that Tab and the focus can reach it
                self.checks[item["id"]] = box
            self.widgetsChanged.emit()
        for item in consequences:
            box = self.checks[item["id"]]
            if box.isChecked() != item["acknowledged"]:
                with QSignalBlocker(box):
                    box.setChecked(item["acknowledged"])

    def _acknowledge(self, key: str, checked: bool) -> None:
        acknowledged = list(self.model.value("acknowledged") or [])
        if checked and key not in acknowledged:
            acknowledged.append(key)
        elif not checked and key in acknowledged:
            acknowledged.remove(key)
        self.model.set("acknowledged", acknowledged)

    def overview_rows(self) -> list[tuple[str, str, str]]:
        rows = super().overview_rows()
        for item in self.advice.consequences:
            label = self.tr("Besproken: {text}").format(text=item["text"])
            rows.append(
                (
                    label,
                    self.tr("ja") if item["acknowledged"] else self.tr("nee"),
                    f"acknowledged.{item['id']}",
                )
            )
        return rows

    def sources_of(self, path: str) -> list[str]:
        data = self.rulebook.data
        if path == "variant":
            return data["variants"].get(self.advice.variant or "", {}).get("source") or []
        if path.startswith("acknowledged."):
            key = path.removeprefix("acknowledged.")
            return next(
                (
                    item.get("source") or []
                    for item in self.advice.consequences
                    if item["id"] == key
                ),
                [],
            )
        return []

    def side_html(self) -> str:
        data = self.rulebook.data
        variant = data["variants"].get(self.advice.variant or "")
        parts = []
        if variant:
            intro = self.tr("Wat deze keuze voor de bewindspersoon betekent:")
            link = source_link(variant.get("source") or [], variant["label"])
            parts.append(f"<p>{esc(intro)}</p><p><b>{esc(variant['label'])}</b>{link}</p>")
            parts.append(bullet_html(variant.get("meaning", [])))
        if self.advice.personal_account:
            personal = data.get("personal_account", {})
            link = source_link(personal.get("source") or [], personal.get("label", ""))
            parts.append(f"<p><b>{esc(personal.get('label', ''))}</b>{link}</p>")
            parts.append(bullet_html(personal.get("meaning", [])))
        return "".join(parts)
