"""Huidige situatie: the minister's own accounts now, and the accounts of the post that exist."""

from __future__ import annotations

from wizard.ui.base import Page, bullet_html, esc, note_label, policy_text
from wizard.ui.fields import HandleField, IntField
from wizard.ui.model import SessionModel
from wizard.ui.sources import source_link


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
        for key, platform in self.rulebook.platforms.items():
            group = self.group(
                self.tr("Eigen account op {platform}").format(platform=platform["label"])
            )
            self.add_field(
                HandleField(
                    f"platforms.{key}.existing_handle",
                    self.tr("Bestaande handle op {platform}").format(platform=platform["label"]),
                    platform.get("handle_charset"),
                    platform["label"],
                    self.tr("leeg als er geen account is"),
                ),
                group,
            )
            self.add_field(
                IntField(
                    f"platforms.{key}.followers",
                    self.tr("Aantal volgers op {platform}").format(platform=platform["label"]),
                ),
                group,
            )
        self.finish_layout()

    def refresh_page(self) -> None:
        office = self.model.value("minister.office") or ""
        accounts = self.rulebook.data.get("office_accounts", {}).get(office, {})
        if not office:
            text = self.tr("Kies eerst het ambt op de pagina Bewindspersoon.")
        elif not accounts:
            text = self.tr(
                "Het regelboek kent voor dit ambt geen bestaande accounts. Vraag na "
                "of het ministerie al een account voor dit ambt heeft."
            )
        else:
            lines = [
                f"{self.rulebook.platforms.get(key, {}).get('label', key)}: @{account['handle']}"
                for key, account in accounts.items()
            ]
            text = policy_text(self.rulebook, "office_accounts") + "\n" + "\n".join(lines)
        self.office_note.setText(text)

    def side_html(self) -> str:
        personal = self.rulebook.data.get("personal_account", {})
        intro = " ".join(
            [
                self.tr(
                    "Vraag naar de accounts die de bewindspersoon al heeft en naar "
                    "het aantal volgers."
                ),
                policy_text(self.rulebook, "own_account"),
            ]
        )
        link = source_link(personal.get("source") or [], personal.get("label", ""))
        return (
            f"<p>{esc(intro)}</p><p><b>{esc(personal.get('label', ''))}</b>{link}<br>"
            f"{esc(personal.get('summary', ''))}</p>" + bullet_html(personal.get("meaning", []))
        )
