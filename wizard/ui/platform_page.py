"""Per platform: one page for every platform in the rulebook (X, Instagram, LinkedIn, Facebook and
any platform a department adds). Whether it is used, which account and form, the profile, and a
bio editor with a live count against the platform's limit."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from wizard.core.advice import Account, Finding
from wizard.core.catalog import catalog
from wizard.documents.chrome import configuration_words
from wizard.documents.style import house_style
from wizard.ui import dialogs
from wizard.ui.base import Page, bullet_html, esc, note_label
from wizard.ui.fields import (
    CheckField,
    ComboField,
    HandleField,
    MultiLineField,
    TextField,
    severity_color,
)
from wizard.ui.model import SessionModel
from wizard.ui.sources import SourceButton
from wizard.ui.texts import dutch_html, mark_dutch, mark_quoted, program_is_dutch, quoted_dutch

# The facts of the account's configuration the page shows (the contract's keys, as in
# `Account.fact_sources`), with the key of their words in `configuration_words`.
FACT_WORDS = {
    "avatar_rijkslogo": "avatar",
    "verified": "verification",
    "owner": "owner",
    "civil_service_support": "posting",
    "party_content": "party_content",
    "webcare": "webcare",
    "transfer_to_successor": "transfer",
    "paid_promotion": "paid_promotion",
}


class PlatformPage(Page):
    def __init__(self, model: SessionModel, key: str, first: bool = False) -> None:
        fixed = catalog(model.rulebook)
        platform = fixed.platforms[key]
        self.key = key
        self.first = first
        self.platform = platform
        label = platform.label
        super().__init__(
            model,
            label,
            self.tr(
                "Gebruikt de bewindspersoon {platform}? Zo ja: welk account, "
                "welke handle en welk profiel."
            ).format(platform=label),
        )
        self.finding_prefixes = (f"platforms.{key}",)
        prefix = f"platforms.{key}"
        use_label = self.tr("{platform} gebruiken").format(platform=label)
        self.use = self.add_field(CheckField(f"{prefix}.use", use_label))
        self.content = QWidget()
        self.content_layout = self._content_layout()
        self.body.addWidget(self.content)

        account = self.group(self.tr("Account"), self.content_layout)
        choices = [("", "")] + list(fixed.account_choices.items())
        self.account = self.add_field(
            ComboField(f"{prefix}.account", self.tr("Account"), choices, rulebook_choices=True),
            account,
        )
        self.form = None
        if platform.forms:
            form_choices = [("", "")] + [(form.key, form.label) for form in platform.forms.values()]
            self.form = self.add_field(
                ComboField(f"{prefix}.form", self.tr("Vorm"), form_choices, rulebook_choices=True),
                account,
            )
        for field in (self.account, self.form):
            if field is not None:
                mark_quoted(field.combo)  # "As advised: „…”" and the rulebook's choices
        self.form_note = note_label()
        mark_dutch(self.form_note)  # the rulebook's note on the form
        account.addWidget(self.form_note)

        profile = self.group(self.tr("Profiel"), self.content_layout)
        self.handle = self.add_field(
            TextField(f"{prefix}.handle", self.tr("Handle (zonder @)")), profile
        )
        self.suggest_button = QPushButton(self.tr("Voorgestelde handle overnemen"))
        self.suggest_button.setObjectName(f"{prefix}.handle:suggest")
        self.suggest_button.clicked.connect(self._take_suggestion)
        profile.addWidget(self.suggest_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.ministry_account = self.add_field(
            HandleField(
                f"{prefix}.ministry_account",
                self.tr("Account van het ministerie op {platform}").format(platform=label),
            ),
            profile,
        )
        self.display_name = self.add_field(
            TextField(f"{prefix}.display_name", self.tr("Profielnaam")), profile
        )
        self.link = self.add_field(
            TextField(f"{prefix}.link", self.tr("Link in het profiel")), profile
        )
        self.facts = QFormLayout()
        self.facts.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.fact_labels: dict[str, QLabel] = {}
        self.fact_sources: dict[str, SourceButton] = {}
        for name, title in self._fact_titles():
            value = note_label()
            value.setObjectName(f"{prefix}.config.{name}")
            value.setAccessibleName(title)
            if name != "url":
                mark_dutch(value)  # the agreement's words for the fact
            source = SourceButton(f"{prefix}.config.{name}", self.rulebook, title)
            self.facts.addRow(title + ":", self._fact_row(value, source))
            self.fact_labels[name] = value
            self.fact_sources[name] = source
        profile.addLayout(self.facts)

        bio = self.group(self.tr("Bio"), self.content_layout)
        self.bio = self.add_field(MultiLineField(f"{prefix}.bio", self.tr("Bio")), bio)
        self.counter = QLabel()
        self.counter.setObjectName(f"{prefix}.bio:count")
        self.counter.setTextFormat(Qt.TextFormat.PlainText)
        self.counter.setWordWrap(True)
        self.draft_button = QPushButton(self.tr("Concepttekst van het regelboek invullen"))
        self.draft_button.setObjectName(f"{prefix}.bio:draft")
        self.draft_button.clicked.connect(self._fill_draft)
        bio.addWidget(self.counter)
        bio.addWidget(self.draft_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.bio_note = note_label()
        self.bio_note.setObjectName(f"{prefix}.bio:note")
        bio.addWidget(self.bio_note)
        self.bio.edit.textChanged.connect(self._update_counter)
        self.finish_layout()

    def _content_layout(self) -> QVBoxLayout:
        layout = QVBoxLayout(self.content)
        layout.setContentsMargins(0, 0, 0, 0)
        return layout

    @staticmethod
    def _fact_row(value: QLabel, source: SourceButton) -> QHBoxLayout:
        """A layout, not a widget of its own: 36 widgets fewer on the four platform pages."""
        layout = QHBoxLayout()
        layout.addWidget(value, 1)
        layout.addWidget(source, 0, Qt.AlignmentFlag.AlignTop)
        return layout

    def _fact_titles(self) -> list[tuple[str, str]]:
        return [
            ("url", self.tr("Adres")),
            ("avatar_rijkslogo", self.tr("Profielfoto")),
            ("verified", self.tr("Verificatie")),
            ("owner", self.tr("Eigenaar")),
            ("civil_service_support", self.tr("Ambtelijke ondersteuning")),
            ("party_content", self.tr("Partijpolitieke berichten")),
            ("webcare", self.tr("Webcare")),
            ("transfer_to_successor", self.tr("Naar de opvolger")),
            ("paid_promotion", self.tr("Betaalde promotie")),
        ]

    # --- actions -------------------------------------------------------------------------------

    @property
    def platform_advice(self) -> Account | None:
        """The new minister's account on this platform, when the platform is used."""
        return self.advice.platforms.get(self.key)

    def _may_replace(self, own: str, proposal: str, what: str) -> bool:
        """Whether the proposal may go over the field's text: always over nothing or the same
        text, over the advisor's own text only when the advisor says so."""
        own = own.strip()
        return not own or own == proposal or dialogs.ask_replace(self, what)

    def _take_suggestion(self) -> None:
        """Put the suggested handle in the field; over the advisor's own text only after asking,
        and so that Ctrl+Z brings the own text back."""
        advice = self.platform_advice
        if not advice or not advice.handle_suggestion:
            return
        if not self._may_replace(
            self.handle.edit.text(), advice.handle_suggestion, self.tr("de handle")
        ):
            return
        self.handle.edit.setFocus()
        self.handle.replace_text(advice.handle_suggestion)  # one step to undo (Bewerken menu)

    def _fill_draft(self) -> None:
        """Put the rulebook's draft in the bio; over the advisor's own text only after asking,
        and so that Ctrl+Z brings the own text back."""
        advice = self.platform_advice
        if not advice or not advice.bio_draft:
            return
        if not self._may_replace(self.bio.edit.toPlainText(), advice.bio_draft, self.tr("de bio")):
            return
        self.bio.replace_text(advice.bio_draft)  # one step to undo (Bewerken menu)
        self.bio.edit.moveCursor(QTextCursor.MoveOperation.End)
        self.bio.edit.setFocus()
        self._update_counter()

    # --- showing -------------------------------------------------------------------------------

    def refresh_page(self) -> None:
        advice = self.platform_advice
        used = advice is not None
        self.content.setEnabled(used)
        if not used:
            self.form_note.clear()
            self.bio_note.setText(
                self.tr("Vink '{platform} gebruiken' aan om dit platform in te richten.").format(
                    platform=self.platform.label
                )
            )
            self._update_counter()
            return
        advised = self.tr("Volgens het advies:")
        self.account.set_item_text("", quoted_dutch(advised, advice.account_label))
        if self.form is not None:
            words = advised if advice.form_given else self.tr("Kies de vorm; het advies is:")
            self.form.set_item_text("", quoted_dutch(words, advice.form_label))
        self.form_note.setText(advice.form_note)
        self.form_note.setVisible(bool(advice.form_note))
        self._refresh_profile(advice)
        self._update_counter()

    def _refresh_profile(self, advice: Account) -> None:
        config = advice.config
        on_ministry_account = advice.handle_kind == "ministry_account"
        self.handle.widget.parentWidget().setVisible(not on_ministry_account)
        self.suggest_button.setVisible(
            not on_ministry_account
            and bool(advice.handle_suggestion)
            and advice.handle_suggestion != config.handle
        )
        self.suggest_button.setText(
            self.tr("Voorgestelde handle overnemen: @{handle}").format(
                handle=advice.handle_suggestion or ""
            )
        )
        self.handle.edit.setPlaceholderText(advice.handle_suggestion or "")
        self.ministry_account.edit.setPlaceholderText(advice.ministry_account_known)
        self.display_name.edit.setPlaceholderText(config.display_name or "")
        self.link.edit.setPlaceholderText(config.link or "")
        self.link.widget.parentWidget().setVisible(
            bool(config.link) or bool(self.model.value(self.link.path))
        )
        self._show_fact("url", config.url or self.tr("(volgt uit de handle)"), ())
        # What the agreement will print, in its words (templates/documents.yaml `values`).
        words = configuration_words(house_style(self.rulebook).labels, advice)
        for name, word in FACT_WORDS.items():
            self._show_fact(name, words[word], advice.fact_sources.get(name, ()))

    def _show_fact(self, name: str, value: str, ids: tuple[str, ...]) -> None:
        """One fact of the configuration, with the statements of the rules that decided it."""
        label = self.fact_labels[name]
        if label.text() != value:
            label.setText(value)
        what = f"{self.platform.label}, {label.accessibleName()}"
        self.fact_sources[name].set_sources(value, ids, what)

    def _update_counter(self) -> None:
        advice = self.platform_advice
        text = self.bio.edit.toPlainText()
        limit = advice.limits.get("bio") if advice else None
        if limit is not None and limit.max:
            maximum = limit.max
            count = self.tr("{count} van {max} tekens ({label})").format(
                count=len(text), max=maximum, label=limit.label or "bio"
            )
            if not limit.confirmed:
                count += " " + self.tr("— limiet niet bevestigd")
            over = len(text) - maximum
            if over > 0:
                count += " — " + self.tr("{over} te veel").format(over=over)
            severity = "error" if over > 0 else "info"
        else:
            count = self.tr("{count} tekens").format(count=len(text))
            severity = "info"
        self.counter.setText(count)
        self.counter.setStyleSheet(f"color: {severity_color(self.counter, severity)};")
        self.counter.setAccessibleName(count)
        has_draft = bool(advice and advice.bio_draft)
        self.draft_button.setVisible(has_draft)
        if advice and has_draft:
            self.bio.edit.setPlaceholderText(advice.bio_draft or "")
            self.draft_button.setEnabled(text != advice.bio_draft)
            if advice.bio_is_draft:
                self.bio_note.setText(
                    self.tr(
                        "Zolang de bio leeg is, geldt de concepttekst van "
                        "het regelboek (grijs in het veld)."
                    )
                )
            else:
                self.bio_note.clear()
        elif advice:
            self.bio.edit.setPlaceholderText("")
            self.bio_note.clear()
        self.bio_note.setVisible(bool(self.bio_note.text()))

    def page_findings(self) -> list[Finding]:
        findings = super().page_findings()
        if self.first:
            findings += [finding for finding in self.advice.findings if finding.path == "platforms"]
        return findings

    def overview_rows(self) -> list[tuple[str, str, str]]:
        if self.platform_advice is None:
            return [(self.use.label, self.use.display(False), self.use.path)]
        rows = []
        for field in self.fields:
            if field.widget.isVisibleTo(self):
                rows.append(
                    (
                        f"{self.platform.label}: {field.label}",
                        self.overview_value(field),
                        field.path,
                    )
                )
        return rows

    def sources_of(self, path: str) -> list[str]:
        """The statements behind a proposal of the rulebook (handle, bio, link) that the
        overview shows instead of an answer."""
        advice = self.platform_advice
        field = next((field for field in self.fields if field.path == path), None)
        printed = self.printed_value(field) if advice is not None and field else None
        if printed is None or not printed[1]:
            return []
        sources = {
            "handle": advice.handle_sources,
            "bio": advice.bio_sources,
            "link": advice.link_sources,
        }
        return list(sources.get(path.rsplit(".", 1)[-1], ()))

    def side_html(self) -> str:
        """The platform's facts from the rulebook, with their source and date: of the account's
        form once the platform is used, else of the platform."""
        advice = self.platform_advice
        parts = []
        if advice is not None and advice.form_note:
            parts.append(dutch_html(f"<p>{esc(advice.form_note)}</p>"))
        rules = advice.handle_rules if advice else self.platform.handle_rules
        limits = advice.limits if advice else self.platform.limits
        unconfirmed = self.tr("niet bevestigd")
        # In English a Dutch line gets a star; the program's "not confirmed" stands under it
        dutch = program_is_dutch()
        mark = f"; {unconfirmed}" if dutch else ""
        star = "" if dutch else " *"

        def dated(text: str, source: str, as_of: str, confirmed: bool) -> str:
            if confirmed:
                return f"{text} ({source}, {as_of})"
            return f"{text} ({source}, {as_of}{mark}){star}"

        title = self.tr("Regels voor de handle")
        parts.append(f"<h4>{esc(title)}</h4>")
        parts.append(
            dutch_html(
                bullet_html(
                    [dated(rule.message, rule.source, rule.as_of, rule.confirmed) for rule in rules]
                )
            )
        )
        title = self.tr("Limieten")
        parts.append(f"<h4>{esc(title)}</h4>")
        lines = [
            dated(f"{limit.label}: {limit.max}", limit.source, limit.as_of, limit.confirmed)
            for limit in limits.values()
        ]
        parts.append(dutch_html(bullet_html(lines)))
        if not dutch and not all(item.confirmed for item in [*rules, *limits.values()]):
            parts.append(f"<p><small>* {esc(unconfirmed)}</small></p>")
        return "".join(parts)
