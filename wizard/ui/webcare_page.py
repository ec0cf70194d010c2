"""Webcare en toegang: standby and proactive webcare, who has access, and the handover of the
authenticator. No field ever asks for a password: the program does not store secrets."""

from __future__ import annotations

from wizard.core.catalog import catalog
from wizard.documents.chrome import webcare_text
from wizard.documents.style import house_style
from wizard.ui.base import Page, clause_html, esc, note_label
from wizard.ui.fields import CheckField, MultiLineField, TextField
from wizard.ui.model import SessionModel
from wizard.ui.texts import dutch_html, mark_quoted, quoted_dutch, quoted_lines


class WebcarePage(Page):
    finding_prefixes = ("webcare", "access")

    def __init__(self, model: SessionModel) -> None:
        super().__init__(
            model,
            self.tr("Webcare en toegang"),
            self.tr("Wie beantwoordt vragen en reacties, en wie heeft toegang tot de accounts?"),
        )
        care = self.group(self.tr("Webcare"))
        self.hours = note_label()
        self.hours.setObjectName("webcare.hours")
        mark_quoted(self.hours)
        care.addWidget(self.hours)
        standby = self.tr("Piketdienst buiten kantoortijden (avond en weekend)")
        self.add_field(CheckField("webcare.standby", standby), care)
        self.add_field(
            CheckField(
                "webcare.proactive", self.tr("Proactieve webcare (zelf het gesprek aangaan)")
            ),
            care,
        )
        self.per_platform = note_label()
        self.per_platform.setObjectName("webcare.per_platform")
        mark_quoted(self.per_platform)
        care.addWidget(self.per_platform)

        access = self.group(self.tr("Toegang"))
        self.add_field(
            CheckField(
                "access.minister_access",
                self.tr("De bewindspersoon krijgt zelf toegang tot het account"),
            ),
            access,
        )
        self.add_field(
            TextField(
                "access.people",
                self.tr("Wie heeft verder toegang (functies of namen)"),
                self.tr("bijvoorbeeld: webcareteam directie Communicatie"),
            ),
            access,
        )
        self.add_field(
            MultiLineField(
                "access.authenticator_handover",
                self.tr("Afspraak over de overdracht van de authenticator (tweestapsverificatie)"),
                self.tr(
                    "bijvoorbeeld: de authenticator wordt op de dag van de beëdiging persoonlijk "
                    "overgedragen door …"
                ),
                lines=3,
            ),
            access,
        )
        warning = note_label(
            self.tr(
                "Vul hier nooit een wachtwoord, pincode of "
                "herstelcode in. Het programma vraagt en bewaart geen "
                "wachtwoorden; die worden persoonlijk overgedragen."
            )
        )
        warning.setObjectName("access.no_passwords")
        access.addWidget(warning)
        self.finish_layout()

    def refresh_page(self) -> None:
        hours = catalog(self.rulebook).webcare_hours
        self.hours.setText(quoted_dutch(self.tr("Kantoortijden voor webcare:"), hours))
        words = house_style(self.rulebook).labels
        lines = quoted_lines(
            (f"{account.label}:", webcare_text(words, account.config.webcare))
            for account in self.advice.platforms.values()
        )
        if lines:
            text = self.tr("Zo wordt het per platform:") + "\n" + lines
        else:
            text = self.tr("Er is nog geen platform gekozen.")
        self.per_platform.setText(text)

    def side_html(self) -> str:
        intro = self.tr("Wat u kunt afspreken:")
        return f"<p>{esc(intro)}</p>" + dutch_html(
            clause_html(self.advice, ["webcare", "access", "verification"])
        )
