"""Per platform: one page for every platform in the rulebook (X, Instagram, LinkedIn, Facebook and
any platform a department adds). Whether it is used, which account and form, the profile, and a
bio editor with a live count against the platform's limit."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from wizard.core.engine import Finding, PlatformAdvice
from wizard.documents.chrome import chrome, configuration_words
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
from wizard.ui.model import MISSING, SessionModel
from wizard.ui.sources import SourceButton, config_sources, unique

# Which fields of the platform's configuration each derived fact shows: its sources are those of
# the configuration rules that decided them.
FACT_KEYS = {
    "url": (),
    "avatar": ("avatar_rijkslogo",),
    "verified": ("verified", "verification_by"),
    "owner": ("owner",),
    "support": ("civil_service_support",),
    "party": ("party_content", "uses_party_hashtag"),
    "webcare": ("webcare_scope",),
    "transfer": ("transfer_to_successor",),
    "paid": ("paid_promotion",),
}


class PlatformPage(Page):
    def __init__(self, model: SessionModel, key: str, first: bool = False) -> None:
        platform = model.rulebook.platforms[key]
        self.key = key
        self.first = first
        self.platform = platform
        label = platform["label"]
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
        choices = [("", "")] + list(self.rulebook.data["account_choices"].items())
        self.account = self.add_field(
            ComboField(f"{prefix}.account", self.tr("Account"), choices), account
        )
        forms = platform.get("forms") or {}
        self.form = None
        if forms:
            form_choices = [("", "")] + [
                (form_key, form["label"]) for form_key, form in forms.items()
            ]
            self.form = self.add_field(
                ComboField(f"{prefix}.form", self.tr("Vorm"), form_choices), account
            )
        self.form_note = note_label()
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
                platform.get("handle_charset"),
                label,
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
            ("avatar", self.tr("Profielfoto")),
            ("verified", self.tr("Verificatie")),
            ("owner", self.tr("Eigenaar")),
            ("support", self.tr("Ambtelijke ondersteuning")),
            ("party", self.tr("Partijpolitieke berichten")),
            ("webcare", self.tr("Webcare")),
            ("transfer", self.tr("Naar de opvolger")),
            ("paid", self.tr("Betaalde promotie")),
        ]

    # --- actions -------------------------------------------------------------------------------

    @property
    def platform_advice(self) -> PlatformAdvice | None:
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
        self.handle.edit.selectAll()
        self.handle.edit.insert(advice.handle_suggestion)  # undoable, unlike setText
        self.handle.commit(self.handle.edit.text())

    def _fill_draft(self) -> None:
        """Put the rulebook's draft in the bio; over the advisor's own text only after asking,
        and so that Ctrl+Z brings the own text back."""
        advice = self.platform_advice
        if not advice or not advice.bio_draft:
            return
        if not self._may_replace(self.bio.edit.toPlainText(), advice.bio_draft, self.tr("de bio")):
            return
        cursor = self.bio.edit.textCursor()
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.insertText(advice.bio_draft)  # one undo step; textChanged writes the session
        self.bio.edit.setTextCursor(cursor)
        self.bio.edit.setFocus()

    # --- showing -------------------------------------------------------------------------------

    def refresh_page(self) -> None:
        advice = self.platform_advice
        used = advice is not None
        self.content.setEnabled(used)
        if not used:
            self.form_note.clear()
            self.bio_note.setText(
                self.tr("Vink '{platform} gebruiken' aan om dit platform in te richten.").format(
                    platform=self.platform["label"]
                )
            )
            self._update_counter()
            return
        choices = self.rulebook.data["account_choices"]
        self.account.set_item_text(
            "",
            self.tr("(volgens het advies: {choice})").format(
                choice=choices.get(advice.account or "", "—")
            ),
        )
        forms = self.platform.get("forms") or {}
        if self.form is not None:
            form_label = forms.get(advice.form or "", {}).get("label", "—")
            to_choose = any(
                item.path == self.form.path and item.code == MISSING for item in self.model.shown()
            )
            text = (
                self.tr("(kies de vorm; het advies is: {form})")
                if to_choose
                else self.tr("(volgens het advies: {form})")
            )
            self.form.set_item_text("", text.format(form=form_label))
        self.form_note.setText((forms.get(advice.form or "") or {}).get("note", ""))
        self.form_note.setVisible(bool(self.form_note.text()))
        self._refresh_profile(advice)
        self._update_counter()

    def _refresh_profile(self, advice: PlatformAdvice) -> None:
        config = advice.config
        on_ministry_account = advice.handle_kind == "ministry_account"
        self.handle.widget.parentWidget().setVisible(not on_ministry_account)
        self.suggest_button.setVisible(
            not on_ministry_account
            and bool(advice.handle_suggestion)
            and advice.handle_suggestion != config.get("handle")
        )
        self.suggest_button.setText(
            self.tr("Voorgestelde handle overnemen: @{handle}").format(
                handle=advice.handle_suggestion or ""
            )
        )
        self.handle.edit.setPlaceholderText(advice.handle_suggestion or "")
        ministry_key = self.rulebook.ministry_key(self.model.value("minister.ministry") or "")
        ministry = self.rulebook.ministries.get(ministry_key or "", {})
        self.ministry_account.edit.setPlaceholderText(
            (ministry.get("accounts") or {}).get(self.key, "")
        )
        self.display_name.edit.setPlaceholderText(config.get("display_name") or "")
        self.link.edit.setPlaceholderText(config.get("link") or "")
        self.link.widget.parentWidget().setVisible(
            bool(config.get("link")) or bool(self.model.value(self.link.path))
        )
        # What the agreement will print, in its words (templates/documents.yaml `values`).
        words = configuration_words(chrome(self.rulebook), advice)
        facts = {
            "url": config.get("url") or self.tr("(volgt uit de handle)"),
            "avatar": words["avatar"],
            "verified": words["verification"],
            "owner": words["owner"],
            "support": words["posting"],
            "party": words["party_content"],
            "webcare": words["webcare"],
            "transfer": words["transfer"],
            "paid": words["paid_promotion"],
        }
        for name, value in facts.items():
            if self.fact_labels[name].text() != value:
                self.fact_labels[name].setText(value)
            title = self.fact_labels[name].accessibleName()
            self.fact_sources[name].set_sources(
                f"{self.platform['label']}: {title}: {value}", self.fact_ids(advice, name)
            )

    def fact_ids(self, advice: PlatformAdvice, name: str) -> list[str]:
        """The statements behind a derived fact: the configuration rules that decided it (and
        for webcare, the rulebook's webcare hours)."""
        ids = config_sources(self.rulebook, advice.applied_rules, FACT_KEYS[name])
        if name == "webcare" and advice.config["webcare"]["scope"] != "none":
            ids += self.rulebook.data.get("webcare", {}).get("source") or []
        return unique(ids)

    def _update_counter(self) -> None:
        advice = self.platform_advice
        text = self.bio.edit.toPlainText()
        limit = (advice.limits.get("bio") if advice else None) or {}
        maximum = limit.get("max")
        if maximum:
            count = self.tr("{count} van {max} tekens ({label})").format(
                count=len(text), max=maximum, label=limit.get("label", "bio")
            )
            if not limit.get("confirmed", True):
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
                        f"{self.platform['label']}: {field.label}",
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
        data = self.rulebook.data
        name = path.rsplit(".", 1)[-1]
        if name == "handle":
            return data.get("handle_suggestions", {}).get("source") or []
        if name == "bio":
            kind = advice.context.get("internal", {}).get("bio_kind", "")
            return (data.get("bio_drafts", {}).get(kind) or {}).get("source") or []
        if name == "link":
            return data["patterns"].get("rijksoverheid_page", {}).get("source") or []
        return []

    def side_html(self) -> str:
        """The platform's facts from the rulebook, with their source and date."""
        advice = self.platform_advice
        parts = []
        forms = self.platform.get("forms") or {}
        form = (advice.form if advice else None) or ""
        if forms.get(form, {}).get("note"):
            parts.append(f"<p>{esc(forms[form]['note'])}</p>")
        rules = advice.handle_rules if advice else self.platform.get("handle_rules", [])
        title = self.tr("Regels voor de handle")
        parts.append(f"<h4>{esc(title)}</h4>")
        unconfirmed = self.tr("niet bevestigd")
        parts.append(
            bullet_html(
                [
                    f"{rule['message']} ({rule['source']}, {rule['as_of']}"
                    + ("" if rule.get("confirmed") else f"; {unconfirmed}")
                    + ")"
                    for rule in rules
                ]
            )
        )
        limits = advice.limits if advice else self.platform.get("limits", {})
        title = self.tr("Limieten")
        parts.append(f"<h4>{esc(title)}</h4>")
        parts.append(
            bullet_html(
                [
                    f"{limit['label']}: {limit['max']} ({limit['source']}, {limit['as_of']}"
                    + ("" if limit.get("confirmed") else f"; {unconfirmed}")
                    + ")"
                    for limit in limits.values()
                ]
            )
        )
        return "".join(parts)
