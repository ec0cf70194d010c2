"""Advies: the principles, the talking points for a corporate account, and the table
"In één oogopslag" — all from the rulebook."""

from __future__ import annotations

from wizard.core.catalog import catalog
from wizard.ui.base import Page, ReadingBrowser, bullet_html, esc, policy_text, sourced_html
from wizard.ui.model import SessionModel
from wizard.ui.sources import follow_links, source_link
from wizard.ui.texts import dutch_html, program_is_dutch, quoted_dutch


class AdvicePage(Page):
    scrolling = False  # the text browser fills the page and scrolls itself

    def __init__(self, model: SessionModel) -> None:
        # In English the rulebook's note stands in the text, marked Dutch, not in the subtitle
        parts = [
            self.tr("De uitgangspunten en het advies."),
            policy_text(model.rulebook, "advice") if program_is_dutch() else "",
            self.tr("Loop de punten samen met de bewindspersoon door."),
        ]
        super().__init__(model, self.tr("Advies"), " ".join(part for part in parts if part))
        self.text = ReadingBrowser()
        self.text.setObjectName("advice.text")
        self.text.setAccessibleName(self.tr("Uitgangspunten en advies"))
        follow_links(self.text, self.rulebook)  # every principle and point: "Bron"
        self.body.addWidget(self.text)
        self._html = ""

    def chosen(self) -> str | None:
        """The variant, once it was chosen (a new conversation has none)."""
        return self.advice.variant_key

    def refresh_page(self) -> None:
        html = self.build_html()
        if html == self._html:  # (setting the text again would lose the reader's place)
            return
        self._html = html
        position = self.text.verticalScrollBar().value()
        self.text.setHtml(html)
        self.text.verticalScrollBar().setValue(position)
        self.widgetsChanged.emit()  # its "Bron" buttons were made anew

    def build_html(self) -> str:
        advice = self.advice
        principles_title = self.tr("Uitgangspunten van de overheidscommunicatie")
        points_title = self.tr("Wat u kunt zeggen")
        parts = []
        if not program_is_dutch():  # (in Dutch, the subtitle says it)
            parts.append(dutch_html(f"<p>{esc(policy_text(self.rulebook, 'advice'))}</p>"))
        parts.append(f"<h3>{esc(principles_title)}</h3>")
        principles = [
            (f"{item.title}: {item.text}", list(item.source)) for item in advice.principles
        ]
        parts.append(dutch_html(sourced_html(principles)))
        parts.append(f"<h3>{esc(points_title)}</h3>")
        parts.append(
            dutch_html(
                "<ol>"
                + "".join(
                    f"<li>{esc(item.text)}{source_link(item.source, item.text)}</li>"
                    for item in advice.talking_points
                )
                + "</ol>"
            )
        )
        parts.append(self.comparison_html())
        return "".join(parts)

    def comparison_html(self) -> str:
        """The table of the variants, Dutch from the rulebook. In Dutch the marks "(advies)" and
        "(gekozen)" stand in its head; in another language the program's words stand before
        the table, with the variants they name in quotes, and the table holds none of them."""
        variants = catalog(self.rulebook).variants
        chosen = self.chosen()
        dutch = program_is_dutch()
        advised_mark = esc(self.tr("(advies)")) if dutch else ""
        chosen_mark = esc(self.tr("(gekozen)")) if dutch else ""
        head = "".join(
            f"<th align='left'>{esc(variant.label)}"
            + (f"<br><small>{advised_mark}</small>" if variant.advised and dutch else "")
            + (f"<br><small>{chosen_mark}</small>" if key == chosen and dutch else "")
            + "</th>"
            for key, variant in variants.items()
        )
        rows = []
        for item in self.advice.comparison:
            cells = "".join(f"<td>{esc(item.values.get(key, ''))}</td>" for key in variants)
            link = source_link(item.source, item.label)
            rows.append(f"<tr><th align='left'>{esc(item.label)}{link}</th>{cells}</tr>")
        topic = esc(self.tr("Onderwerp")) if dutch else ""
        table = dutch_html(
            f"<h3>{esc(self.advice.comparison_title)}</h3>"
            "<table border='1' cellspacing='0' cellpadding='4' width='97%'>"
            f"<tr><th align='left'>{topic}</th>{head}</tr>"
            f"{''.join(rows)}</table>"
        )
        return table if dutch else self.marks_html(chosen) + table

    def marks_html(self, chosen: str | None) -> str:
        """The advised and the chosen variant in the program's words, their labels quoted."""
        variants = catalog(self.rulebook).variants
        named = [(self.tr("Advies:"), item.label) for item in variants.values() if item.advised]
        if chosen in variants:
            named.append((self.tr("Gekozen:"), variants[chosen].label))
        lines = "<br>".join(esc(quoted_dutch(words, label)) for words, label in named)
        return f"<p>{lines}</p>" if lines else ""

    def side_html(self) -> str:
        advised = [
            variant for variant in catalog(self.rulebook).variants.values() if variant.advised
        ]
        parts = []
        for variant in advised:
            link = source_link(variant.source, variant.label)
            parts.append(f"<p><b>{esc(variant.label)}</b>{link}<br>{esc(variant.summary)}</p>")
            parts.append(bullet_html(list(variant.meaning)))
        return dutch_html("".join(parts))
