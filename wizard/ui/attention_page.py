"""Aandachtspunten: election time and the other points of attention that apply."""

from __future__ import annotations

from wizard.ui.base import Page, ReadingBrowser, esc
from wizard.ui.fields import CheckField, MultiLineField
from wizard.ui.model import SessionModel
from wizard.ui.sources import follow_links, source_link


class AttentionPage(Page):
    scrolling = False  # the points scroll themselves; no scroll area inside a scroll area

    finding_prefixes = ("election_period", "conversation.notes")

    def __init__(self, model: SessionModel) -> None:
        super().__init__(
            model,
            self.tr("Aandachtspunten"),
            self.tr("Punten die bij deze keuze horen; ze komen in de afspraken."),
        )
        self.add_field(
            CheckField("election_period", self.tr("Het gesprek valt in een verkiezingsperiode"))
        )
        self.points = ReadingBrowser()
        self.points.setObjectName("attention.points")
        self.points.setAccessibleName(self.tr("Aandachtspunten"))
        follow_links(self.points, self.rulebook)
        self.points.setMinimumHeight(self.points.fontMetrics().lineSpacing() * 4)
        self.body.addWidget(self.points, 1)
        notes = self.tr("Aantekeningen bij het gesprek")
        field = self.add_field(MultiLineField("conversation.notes", notes, lines=3))
        field.edit.setMaximumHeight(field.edit.minimumHeight())  # the points get the room
        self._shown: list[str] = []

    def refresh_page(self) -> None:
        points = self.advice.attention_points
        key = [point["id"] for point in points] + [str(self.model.value("election_period"))]
        if key == self._shown:
            return
        self._shown = key
        parts = []
        if self.model.value("election_period"):
            election = [f for f in self.advice.findings if f.path == "election_period"]
            for finding in election:
                link = source_link(finding.source, finding.message)
                parts.append(f"<p><b>{esc(finding.message)}</b>{link}</p>")
        for point in points:
            link = source_link(point.get("source") or [], point["title"])
            parts.append(f"<h4>{esc(point['title'])}</h4><p>{esc(point['text'])}{link}</p>")
        if not points:
            none = self.tr("Bij deze keuze gelden geen aandachtspunten.")
            parts.append(f"<p>{esc(none)}</p>")
        self.points.setHtml("".join(parts))

    def side_html(self) -> str:
        intro = self.tr(
            "Loop de aandachtspunten samen door. Ze gelden voor de gekozen variant "
            "en komen in de afspraken."
        )
        return f"<p>{esc(intro)}</p>"
