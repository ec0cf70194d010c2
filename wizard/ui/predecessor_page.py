"""Account voorganger: the predecessor, whether archiving is arranged, each of the predecessor's
accounts (said, or as the rulebook assumes it) with what happens to it, the archive account for
Meta's account swap, and what happens to a hybrid account at this minister's departure."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QVBoxLayout, QWidget

from wizard.core.advice import Predecessor
from wizard.core.catalog import catalog
from wizard.ui.base import Page, clause_html, esc, note_label, policy_text
from wizard.ui.fields import CheckField, ComboField, HandleField, IntField, TextField
from wizard.ui.model import SessionModel
from wizard.ui.texts import dutch_html, mark_dutch, mark_quoted, quoted_dutch, quoted_lines

translate = QCoreApplication.translate


class PredecessorCheck(CheckField):
    """'There is a predecessor': the `predecessor` section exists or not."""

    def write(self, value: object) -> None:
        if self.model is None:
            return
        if value:
            self.model.set(
                "predecessor", {"name": "", "variant": "corporate", "archiving_arranged": False}
            )
        else:
            self.model.remove("predecessor")

    def load(self, value: object) -> None:
        super().load(isinstance(value, dict))


class PredecessorAccountFields:
    """One platform's account of the predecessor: its kind, its handle and, for Meta's archive
    swap, the name of the archive account."""

    def __init__(self, page: PredecessorPage, key: str, label: str, layout: QVBoxLayout) -> None:
        kinds = catalog(page.rulebook).predecessor_kinds
        self.key = key
        self.label = label
        self.box = QWidget()
        inner = QVBoxLayout(self.box)
        inner.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.box)
        group = page.group(label, inner)
        kind_label = translate("PredecessorPage", "Account van de voorganger op {platform}")
        handle_label = translate(
            "PredecessorPage", "Handle van dat account op {platform} (zonder @)"
        )
        archive_label = translate("PredecessorPage", "Naam van het archiefaccount op {platform}")
        self.kind = page.add_field(
            ComboField(
                f"predecessor.accounts.{key}.kind",
                kind_label.format(platform=label),
                [("", ""), *((kind, kinds[kind]) for kind in ("office", "own", "none"))],
                rulebook_choices=True,
            ),
            group,
        )
        self.handle = page.add_field(
            HandleField(
                f"predecessor.accounts.{key}.handle",
                handle_label.format(platform=label),
            ),
            group,
        )
        self.archive = page.add_field(
            HandleField(
                f"platforms.{key}.archive_account",
                archive_label.format(platform=label),
            ),
            group,
        )
        mark_quoted(self.kind.combo)  # "Assumed: „…”" and the rulebook's kinds
        self.note = note_label()
        self.note.setObjectName(f"predecessor.accounts.{key}:action")
        mark_quoted(self.note)
        group.addWidget(self.note)

    def show(self, page: PredecessorPage, predecessor: Predecessor | None) -> None:
        """The predecessor's account on this platform as the advice has it: the assumption in
        the list, the handle and archive name it uses, and what happens to it (and to an
        account of the post taken over beside it)."""
        account = predecessor.on(self.key) if predecessor else None
        beside = next(
            (
                item
                for item in (predecessor.accounts if predecessor else ())
                if item.platform == self.key and item.beside_own
            ),
            None,
        )
        kinds = catalog(page.rulebook).predecessor_kinds
        assumed = account.kind_label if account and account.assumed else kinds["none"]
        assumption = translate("PredecessorPage", "Aangenomen:")
        self.kind.set_item_text("", quoted_dutch(assumption, assumed))
        self.handle.edit.setPlaceholderText(account.handle if account else "")
        swap = next(
            (item for item in (account, beside) if item and item.action == "meta_archive_swap"),
            None,
        )
        self.archive.widget.parentWidget().setVisible(swap is not None)
        if swap is not None:
            self.archive.edit.setPlaceholderText(swap.archive_account or "")
        if account is None and beside is None:
            text = translate(
                "PredecessorPage", "Het ministerie hoeft met dit platform niets te doen."
            )
        else:
            # Beside the predecessor's own account, each says whose it is.
            what = translate("PredecessorPage", "Wat er gebeurt:")
            text = quoted_lines(
                (what, f"{item.kind_label}: {item.action_text}" if beside else item.action_text)
                for item in (account, beside)
                if item
            )
        self.note.setText(text)


class PredecessorPage(Page):
    finding_prefixes = ("predecessor", "departure")

    def __init__(self, model: SessionModel) -> None:
        super().__init__(
            model,
            self.tr("Account voorganger"),
            self.tr(
                "Welke accounts had de voorganger, wat gebeurt ermee, en wat "
                "later bij het vertrek van deze bewindspersoon?"
            ),
        )
        fixed = catalog(self.rulebook)
        self.exists = self.add_field(
            PredecessorCheck("predecessor", self.tr("Er is een voorganger"))
        )
        self.details = QWidget()
        details = QVBoxLayout(self.details)
        details.setContentsMargins(0, 0, 0, 0)
        self.body.addWidget(self.details)
        group = self.group(self.tr("De voorganger"), details)
        self.add_field(TextField("predecessor.name", self.tr("Naam van de voorganger")), group)
        variants = [(key, variant.label) for key, variant in fixed.variants.items()]
        variant = self.add_field(
            ComboField(
                "predecessor.variant",
                self.tr("Hoe de voorganger de accounts liet beheren"),
                variants,
                rulebook_choices=True,
            ),
            group,
        )
        mark_dutch(variant.combo)  # the rulebook's variants
        archiving = self.add_field(
            CheckField(
                "predecessor.archiving_arranged",
                policy_text(self.rulebook, "archiving_arranged"),
                rulebook_label=True,
            ),
            group,
        )
        mark_dutch(archiving.box)  # the rulebook's words for what is arranged
        accounts = self.group(self.tr("De accounts van de voorganger"), details)
        self.accounts_note = note_label(
            self.tr(
                "Per platform: welk account had de voorganger? Wat het gesprek niet vastlegt, "
                "neemt het programma aan (zie de keuzelijst); de afspraken zeggen dat het een "
                "aanname is."
            )
        )
        accounts.addWidget(self.accounts_note)
        self.accounts = [
            PredecessorAccountFields(self, key, platform.label, accounts)
            for key, platform in fixed.platforms.items()
        ]

        self.departure = QWidget()
        departure = QVBoxLayout(self.departure)
        departure.setContentsMargins(0, 0, 0, 0)
        self.body.addWidget(self.departure)
        group = self.group(self.tr("Bij vertrek van deze bewindspersoon"), departure)
        self.departure_note = note_label(policy_text(self.rulebook, "departure"))
        mark_dutch(self.departure_note)
        group.addWidget(self.departure_note)
        undecided = self.tr("(nog niet afgesproken)")
        leaving = self.add_field(
            ComboField(
                "departure.account",
                self.tr("Het account"),
                [("", undecided)] + list(fixed.departure_accounts.items()),
                rulebook_choices=True,
            ),
            group,
        )
        self.add_field(
            IntField(
                "departure.webcare_weeks",
                self.tr("Aantal weken dat webcare daarna nog vragen beantwoordt"),
                maximum=104,
            ),
            group,
        )
        two_factor = self.add_field(
            ComboField(
                "departure.two_factor",
                self.tr("Tweestapsverificatie"),
                [("", undecided)] + list(fixed.departure_two_factor.items()),
                rulebook_choices=True,
            ),
            group,
        )
        for field in (leaving, two_factor):
            mark_dutch(field.combo)  # what the rulebook offers for the departure
        self.finish_layout()

    def refresh_page(self) -> None:
        self.details.setVisible(isinstance(self.model.value("predecessor"), dict))
        for fields in self.accounts:
            fields.show(self, self.advice.predecessor)
        self.departure.setVisible(
            self.advice.departure is not None or bool(self.model.value("departure"))
        )

    def side_html(self) -> str:
        intro = self.tr("Wat u kunt afspreken:")
        return f"<p>{esc(intro)}</p>" + dutch_html(
            clause_html(self.advice, ["predecessor", "departure"])
        )
