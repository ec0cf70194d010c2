"""Aandachtspunten: election time and the other points of attention that apply."""

from __future__ import annotations

from wizard.ui.base import Page, ReadingBrowser, esc
from wizard.ui.fields import CheckField, MultiLineField
from wizard.ui.model import SessionModel
from wizard.ui.sources import follow_links, source_link
from wizard.ui.texts import dutch_html


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
        self._html = ""

    def refresh_page(self) -> None:
        html = self.points_html()
        if html == self._html:
            return
        self._html = html
        self.points.setHtml(html)
        self.widgetsChanged.emit()  # its "Bron" buttons were made anew

    def points_html(self) -> str:
        """The election finding (in election time) and the attention points that apply."""
        parts = []
        for finding in self.advice.findings:
            if finding.path == "election_period":
                link = source_link(finding.source, finding.message)
                parts.append(f"<p><b>{esc(finding.message)}</b>{link}</p>")
        for point in self.advice.attention_points:
            link = source_link(point.source, point.title)
            parts.append(f"<h4>{esc(point.title)}</h4><p>{esc(point.text)}{link}</p>")
        html = dutch_html("".join(parts))
        if not self.advice.attention_points:
            none = self.tr("Bij deze keuze gelden geen aandachtspunten.")
            html += f"<p>{esc(none)}</p>"
        return html

    def side_html(self) -> str:
        intro = self.tr(
            "Loop de aandachtspunten samen door. Ze gelden voor de gekozen variant "
            "en komen in de afspraken."
        )
        return f"<p>{esc(intro)}</p>"
