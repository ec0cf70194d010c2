"""Account voorganger: the predecessor, whether archiving is arranged, the name of the archive
account for Meta's account swap, and what happens to a hybrid account at departure."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from wizard.ui.base import Page, clause_html, esc, note_label
from wizard.ui.fields import CheckField, ComboField, IntField, TextField
from wizard.ui.model import SessionModel


class PredecessorCheck(CheckField):
    """'There is a predecessor': the `predecessor` section exists or not."""

    def write(self, value: object) -> None:
        if self.model is None:
            return
        if value:
            self.model.set("predecessor", {"name": "", "variant": "corporate",
                                           "archiving_arranged": False})
        else:
            self.model.remove("predecessor")

    def load(self, value: object) -> None:
        super().load(isinstance(value, dict))


class PredecessorPage(Page):
    finding_prefixes = ("predecessor", "departure")

    def __init__(self, model: SessionModel) -> None:
        super().__init__(model, self.tr("Account voorganger"),
                         self.tr("Wat gebeurt er met het account en de berichten van de "
                                 "voorganger, en wat later bij het vertrek?"))
        data = self.rulebook.data
        self.exists = self.add_field(PredecessorCheck(
            "predecessor", self.tr("Er is een voorganger met een account van het ambt")))
        self.details = QWidget()
        details = QVBoxLayout(self.details)
        details.setContentsMargins(0, 0, 0, 0)
        self.body.addWidget(self.details)
        group = self.group(self.tr("De voorganger"), details)
        self.add_field(TextField("predecessor.name", self.tr("Naam van de voorganger")), group)
        variants = [(key, variant["label"]) for key, variant in data["variants"].items()]
        self.add_field(ComboField("predecessor.variant",
                                  self.tr("Hoe het account van de voorganger werd beheerd"),
                                  variants), group)
        self.add_field(CheckField("predecessor.archiving_arranged",
                                  self.tr("De archivering van de berichten (RDDI) is geregeld")),
                       group)
        self.archive_group = self.group(self.tr("Archiefaccounts (Meta)"), details)
        self.archive_note = note_label()
        self.archive_group.addWidget(self.archive_note)
        self.archive_fields: dict[str, TextField] = {}
        for key, platform in self.rulebook.platforms.items():
            field = TextField(f"platforms.{key}.archive_account",
                              self.tr("Naam van het archiefaccount op {platform}").format(
                                  platform=platform["label"]))
            self.add_field(field, self.archive_group)
            self.archive_fields[key] = field

        options = data.get("departure_options", {})
        self.departure = QWidget()
        departure = QVBoxLayout(self.departure)
        departure.setContentsMargins(0, 0, 0, 0)
        self.body.addWidget(self.departure)
        group = self.group(self.tr("Bij vertrek van deze bewindspersoon"), departure)
        self.departure_note = note_label(self.tr(
            "Een account dat niet vanzelf naar de opvolger gaat: leg nu vast wat er bij het "
            "vertrek gebeurt."))
        group.addWidget(self.departure_note)
        undecided = self.tr("(nog niet afgesproken)")
        self.add_field(ComboField("departure.account", self.tr("Het account"),
                                  [("", undecided)] + list(options.get("account", {}).items())),
                       group)
        self.add_field(IntField("departure.webcare_weeks",
                                self.tr("Aantal weken dat webcare daarna nog vragen beantwoordt"),
                                maximum=104), group)
        self.add_field(ComboField("departure.two_factor", self.tr("Tweestapsverificatie"),
                                  [("", undecided)] + list(options.get("two_factor", {}).items())),
                       group)
        self.finish_layout()

    def refresh_page(self) -> None:
        has_predecessor = isinstance(self.model.value("predecessor"), dict)
        self.details.setVisible(has_predecessor)
        swaps = {key: advice for key, advice in self.advice.platforms.items()
                 if advice.config.get("archive_predecessor") == "meta_archive_swap"}
        for key, field in self.archive_fields.items():
            advice = swaps.get(key)
            field.widget.parentWidget().setVisible(advice is not None)
            if advice is not None:
                field.edit.setPlaceholderText(advice.config.get("archive_account") or "")
        self.archive_group.parentWidget().setVisible(bool(swaps))
        self.archive_note.setText(self.tr(
            "Op deze platforms blijven de berichten van de voorganger staan op een archiefaccount. "
            "Voorgesteld is de handle met de achternaam van de voorganger; u kunt die aanpassen."))
        by_agreement = any(advice.config.get("transfer_to_successor") == "by_agreement"
                           for advice in self.advice.platforms.values())
        self.departure.setVisible(by_agreement or bool(self.model.value("departure")))

    def side_html(self) -> str:
        intro = self.tr("Wat u kunt afspreken:")
        return f"<p>{esc(intro)}</p>" + clause_html(self.advice, self.rulebook,
                                                    ["predecessor", "departure"])
