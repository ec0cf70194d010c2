"""Huidige situatie: the minister's own accounts now, and the accounts of the post that exist."""

from __future__ import annotations

from wizard.core.catalog import catalog
from wizard.ui.base import Page, bullet_html, esc, note_label, policy_text
from wizard.ui.fields import HandleField, IntField
from wizard.ui.model import SessionModel
from wizard.ui.sources import source_link
from wizard.ui.texts import dutch_html, mark_dutch


class SituationPage(Page):
    finding_prefixes = ("minister.existing_accounts",)

    def __init__(self, model: SessionModel) -> None:
        super().__init__(
            model,
            self.tr("Huidige situatie"),
            self.tr(
                "Welke accounts heeft de bewindspersoon nu, en welke accounts "
                "van het ambt bestaan al?"
            ),
        )
        office = self.group(self.tr("Accounts van het ambt"))
        self.office_note = note_label()
        self.office_note.setObjectName("situation.office_accounts")
        office.addWidget(self.office_note)
        self.platform_labels = {
            key: platform.label for key, platform in catalog(self.rulebook).platforms.items()
        }
        for key, label in self.platform_labels.items():
            group = self.group(self.tr("Eigen account op {platform}").format(platform=label))
            self.add_field(
                HandleField(
                    f"platforms.{key}.existing_handle",
                    self.tr("Bestaande handle op {platform}").format(platform=label),
                    self.tr("leeg als er geen account is"),
                ),
                group,
            )
            self.add_field(
                IntField(
                    f"platforms.{key}.followers",
                    self.tr("Aantal volgers op {platform}").format(platform=label),
                ),
                group,
            )
        self.finish_layout()

    def refresh_page(self) -> None:
        accounts = self.advice.known_office_accounts
        if not self.advice.minister.office:
            text = self.tr("Kies eerst het ambt op de pagina Bewindspersoon.")
        elif not accounts:
            text = self.tr(
                "Het regelboek kent voor dit ambt geen bestaande accounts. Vraag na "
                "of het ministerie al een account voor dit ambt heeft."
            )
        else:
            lines = [
                f"{self.platform_labels.get(key, key)}: @{handle}"
                for key, handle in accounts.items()
            ]
            text = policy_text(self.rulebook, "office_accounts") + "\n" + "\n".join(lines)
        mark_dutch(self.office_note, bool(accounts) and bool(self.advice.minister.office))
        self.office_note.setText(text)

    def side_html(self) -> str:
        personal = catalog(self.rulebook).personal_account
        intro = self.tr(
            "Vraag naar de accounts die de bewindspersoon al heeft en naar het aantal volgers."
        )
        note = policy_text(self.rulebook, "own_account")
        link = source_link(personal.source, personal.label)
        return f"<p>{esc(intro)}</p>" + dutch_html(
            f"<p>{esc(note)}</p><p><b>{esc(personal.label)}</b>{link}<br>"
            f"{esc(personal.summary)}</p>" + bullet_html(list(personal.meaning))
        )
