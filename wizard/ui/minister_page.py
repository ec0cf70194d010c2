"""Bewindspersoon: who the conversation is with, and the conversation itself."""

from __future__ import annotations

from typing import Any

from wizard.core.catalog import catalog
from wizard.ui.base import Page, esc, note_label, sourced_html
from wizard.ui.fields import CheckField, ComboField, DateField, Field, TextField
from wizard.ui.model import SessionModel
from wizard.ui.sources import unique
from wizard.ui.texts import dutch_html, mark_dutch, mark_quoted, quoted_dutch


class MinisterPage(Page):
    finding_prefixes = ("minister", "conversation")

    def __init__(self, model: SessionModel) -> None:
        super().__init__(
            model, self.tr("Bewindspersoon"), self.tr("Met wie voert u het gesprek, en wanneer?")
        )
        fixed = catalog(self.rulebook)
        person = self.group(self.tr("De bewindspersoon"))
        self.add_field(
            TextField("minister.name", self.tr("Naam"), self.tr("voornaam en achternaam")), person
        )
        offices = [("", self.tr("(kies het ambt)"))] + [
            (key, label) for key, label in fixed.offices.items()
        ]
        office = ComboField("minister.office", self.tr("Ambt"), offices, rulebook_choices=True)
        self.add_field(office, person)
        ministries = [("", self.tr("(kies het ministerie)"))] + [
            (key, f"{ministry.abbr} — {ministry.name}")
            for key, ministry in fixed.ministries.items()
        ]
        ministry = ComboField(
            "minister.ministry", self.tr("Ministerie"), ministries, rulebook_choices=True
        )
        self.add_field(ministry, person)
        for field in (office, ministry):
            mark_dutch(field.combo)  # the rulebook's offices and ministries
        self.add_field(
            TextField(
                "minister.post",
                self.tr("Portefeuille (als die niet het ministerie zelf is)"),
                self.tr("bijvoorbeeld Klimaat en Groene Groei"),
            ),
            person,
        )
        self.add_field(TextField("minister.party", self.tr("Partij")), person)
        self.hashtag = self.add_field(
            TextField("minister.party_hashtag", self.tr("Partijhashtag (alleen als die afwijkt)")),
            person,
        )
        self.add_field(DateField("minister.sworn_in", self.tr("Datum van de beëdiging")), person)
        self.title_note = note_label()
        self.title_note.setObjectName("minister.title_note")
        mark_quoted(self.title_note)
        person.addWidget(self.title_note)

        talk = self.group(self.tr("Het gesprek"))
        self.add_field(TextField("conversation.advisor", self.tr("Adviseur (uw naam)")), talk)
        self.add_field(
            TextField(
                "conversation.director", self.tr("Directeur Communicatie (tekent de afspraken)")
            ),
            talk,
        )
        self.add_field(DateField("conversation.date", self.tr("Datum van het gesprek")), talk)
        self.add_field(TextField("conversation.place", self.tr("Plaats")), talk)
        self.add_field(
            CheckField(
                "conversation.cabinet_change", self.tr("Het gesprek hoort bij een kabinetswissel")
            ),
            talk,
        )
        self.finish_layout()

    def load(self) -> None:
        super().load()
        # The program's default for a change of cabinet (DESIGN reading 2) is 'yes'.
        cabinet = self.model.value("conversation.cabinet_change")
        for field in self.fields:
            if field.path == "conversation.cabinet_change":
                field.load(True if cabinet is None else cabinet)

    def refresh_page(self) -> None:
        """What the documents print: the title, and the party hashtag where an account carries
        party content (a hashtag that applies nowhere is not mentioned)."""
        minister = self.advice.minister
        self.hashtag.edit.setPlaceholderText(minister.derived_party_hashtag)
        parts = []
        if minister.title:
            parts.append(quoted_dutch(self.tr("In de documenten:"), minister.title))
        if minister.party_hashtag:
            parts.append(self.tr("Partijhashtag: {tag}.").format(tag=minister.party_hashtag))
        self.title_note.setText("\n".join(parts))
        self.title_note.setVisible(bool(parts))

    def printed_value(self, field: Field) -> tuple[Any, bool] | None:
        if field is self.hashtag:
            printed = self.advice.minister.party_hashtag
            return printed, bool(printed) and not self.model.value(field.path)
        return super().printed_value(field)

    def side_html(self) -> str:
        items = [
            (f"{principle.title}: {principle.text}", list(principle.source))
            for principle in self.advice.principles
        ]
        intro = self.tr(
            "Het gesprek gaat over de accounts van de bewindspersoon. De "
            "uitgangspunten van de overheidscommunicatie:"
        )
        return f"<p>{esc(intro)}</p>" + dutch_html(sourced_html(items))

    def sources_of(self, path: str) -> list[str]:
        """The party hashtag, when the overview shows the rulebook's proposal: the rules that
        make the accounts mark party content with it."""
        if path != self.hashtag.path:
            return []
        printed = self.printed_value(self.hashtag)
        if printed is None or not printed[1]:
            return []
        return unique(
            statement
            for account in self.advice.platforms.values()
            if account.config.party_hashtag
            for statement in account.fact_sources.get("party_content", ())
        )
