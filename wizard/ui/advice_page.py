"""Advies: the principles, the talking points for a corporate account, and the table
"In één oogopslag" — all from the rulebook."""

from __future__ import annotations

from wizard.ui.base import Page, ReadingBrowser, bullet_html, esc, policy_text, sourced_html
from wizard.ui.model import SessionModel
from wizard.ui.sources import follow_links, source_link


class AdvicePage(Page):
    scrolling = False  # the text browser fills the page and scrolls itself

    def __init__(self, model: SessionModel) -> None:
        super().__init__(
            model,
            self.tr("Advies"),
            " ".join(
                [
                    self.tr("De uitgangspunten en het advies."),
                    policy_text(model.rulebook, "advice"),
                    self.tr("Loop de punten samen met de bewindspersoon door."),
                ]
            ),
        )
        self.text = ReadingBrowser()
        self.text.setObjectName("advice.text")
        self.text.setAccessibleName(self.tr("Uitgangspunten en advies"))
        follow_links(self.text, self.rulebook)  # every principle and point: "Bron"
        self.body.addWidget(self.text)
        self._shown_variant: object = None

    def chosen(self) -> str | None:
        """The variant, once it was chosen (a new conversation has none)."""
        return self.model.value("variant") or None

    def refresh_page(self) -> None:
        variant = self.chosen()
        if variant == self._shown_variant and self.text.toPlainText():
            return
        self._shown_variant = variant
        position = self.text.verticalScrollBar().value()
        self.text.setHtml(self.build_html())
        self.text.verticalScrollBar().setValue(position)

    def build_html(self) -> str:
        data = self.rulebook.data
        principles_title = self.tr("Uitgangspunten van de overheidscommunicatie")
        points_title = self.tr("Wat u kunt zeggen")
        parts = [f"<h3>{esc(principles_title)}</h3>"]
        parts.append(
            sourced_html(
                [
                    (f"{item['title']}: {item['text']}", item.get("source") or [])
                    for item in data.get("principles", [])
                ]
            )
        )
        parts.append(f"<h3>{esc(points_title)}</h3>")
        parts.append(
            "<ol>"
            + "".join(
                f"<li>{esc(item['text'])}{source_link(item.get('source') or [], item['text'])}</li>"
                for item in data.get("talking_points", [])
            )
            + "</ol>"
        )
        parts.append(self.comparison_html())
        return "".join(parts)

    def comparison_html(self) -> str:
        data = self.rulebook.data
        comparison = data["comparison"]
        variants = data["variants"]
        chosen = self.chosen()
        advised_mark = esc(self.tr("(advies)"))
        chosen_mark = esc(self.tr("(gekozen)"))
        head = "".join(
            f"<th align='left'>{esc(variant['label'])}"
            + (f"<br><small>{advised_mark}</small>" if variant.get("advised") else "")
            + (f"<br><small>{chosen_mark}</small>" if key == chosen else "")
            + "</th>"
            for key, variant in variants.items()
        )
        rows = []
        for item in comparison["rows"]:
            cells = "".join(f"<td>{esc(item.get(key, ''))}</td>" for key in variants)
            link = source_link(item.get("source") or [], item["label"])
            rows.append(f"<tr><th align='left'>{esc(item['label'])}{link}</th>{cells}</tr>")
        topic = self.tr("Onderwerp")
        return (
            f"<h3>{esc(comparison['title'])}</h3>"
            "<table border='1' cellspacing='0' cellpadding='4' width='97%'>"
            f"<tr><th align='left'>{esc(topic)}</th>{head}</tr>{''.join(rows)}</table>"
        )

    def side_html(self) -> str:
        data = self.rulebook.data
        advised = [variant for variant in data["variants"].values() if variant.get("advised")]
        parts = []
        for variant in advised:
            link = source_link(variant.get("source") or [], variant["label"])
            parts.append(
                f"<p><b>{esc(variant['label'])}</b>{link}<br>{esc(variant['summary'])}</p>"
            )
            parts.append(bullet_html(variant.get("meaning", [])))
        return "".join(parts)
