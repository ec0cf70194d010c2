"""`Advice`: everything that follows from one conversation, typed, computed once by the engine
(`wizard.core.engine.advise`) and only read afterwards.

Every output is a view of it: the agreement, the checklist, the configuration, the RVD list, the
cabinet overview, `check`, `compare` and the wizard's pages present what is here and compute
nothing of their own, so that two outputs can never disagree. The classes hold data only; the
engine's stages (`wizard.core.facts`, `platforms`, `predecessor`, ...) fill them in.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from wizard.core.rulebook import Source

Ids = tuple[str, ...]


# --- what the rulebook says, filled in ------------------------------------------------------


@dataclass(frozen=True)
class VariantInfo:
    """A variant (corporate, hybrid, personal) as the rulebook describes it."""

    key: str
    label: str
    short: str
    summary: str
    meaning: tuple[str, ...]
    advised: bool
    exception: bool
    requires_motivation: bool
    source: Ids


@dataclass(frozen=True)
class PersonalAccountInfo:
    """Corporate plus a personal account that the minister keeps without support."""

    label: str
    summary: str
    meaning: tuple[str, ...]
    allowed_with: tuple[str, ...]
    source: Ids


@dataclass(frozen=True)
class Principle:
    id: str
    title: str
    short: str
    text: str
    source: Ids


@dataclass(frozen=True)
class TalkingPoint:
    id: str
    text: str
    source: Ids


@dataclass(frozen=True)
class PageNote:
    """What a page of the wizard says about the policy (the rulebook's `page_notes`)."""

    key: str
    text: str
    source: Ids


@dataclass(frozen=True)
class ComparisonRow:
    """A row of the table "In één oogopslag": one value per variant."""

    id: str
    label: str
    values: dict[str, str]
    source: Ids


@dataclass(frozen=True)
class Clause:
    """A clause of the agreement, filled in; `section` is a key of `Advice.clause_titles`."""

    id: str
    section: str
    text: str
    source: Ids


@dataclass(frozen=True)
class Consequence:
    """A consequence of the chosen variant; `acknowledged`: discussed with the minister."""

    id: str
    text: str
    source: Ids
    acknowledged: bool


@dataclass(frozen=True)
class Option:
    """Something the minister can do (DESIGN reading 17): printed as "u kunt ..." until the
    advisor records it as agreed, then as the arrangement `agreed_text`."""

    id: str
    label: str  # the wizard's check box: what is agreed
    text: str
    agreed_text: str
    source: Ids
    agreed: bool

    @property
    def printed(self) -> str:
        return self.agreed_text if self.agreed else self.text


@dataclass(frozen=True)
class Role:
    """Who does what; `addressee`: the minister ("U"); `copy`: gets a copy of the signed
    agreement (not the minister, not the party)."""

    id: str
    role: str
    text: str
    source: Ids
    addressee: bool
    copy: bool = True


@dataclass(frozen=True)
class AttentionPoint:
    id: str
    title: str
    text: str
    source: Ids


@dataclass(frozen=True)
class Finding:
    code: str
    severity: str  # error | warning | info
    path: str
    message: str
    source: list[str]
    platform: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class ChecklistItem:
    id: str
    group: str
    text: str
    owner: str
    moment: str
    source: list[str]
    platform: str | None = None
    owner_label: str = ""
    moment_label: str = ""
    platform_label: str = ""


@dataclass(frozen=True)
class Inactive:
    """An answer that does not apply to the current choices, with why; `given`: the session
    holds a value for it (kept, printed nowhere)."""

    path: str
    reason: str
    given: bool
    source: Ids = ()


# --- the people and the conversation --------------------------------------------------------


@dataclass(frozen=True)
class Minister:
    name: str
    office: str  # minister_president | minister | state_secretary, or "" when not known
    office_label: str
    title: str
    short_title: str
    ministry: str | None  # the rulebook's key
    ministry_name: str
    ministry_abbr: str
    ministry_given: str  # as the session writes it (an unknown ministry stays visible)
    post: str
    party: str
    party_hashtag: str  # as printed: empty where no account carries party content
    derived_party_hashtag: str  # what the hashtag would be (the override, else #Team<party>)
    sworn_in: str | None
    order: tuple[int, int] = (0, 0)  # the ministry's and the office's place in the rulebook


@dataclass(frozen=True)
class Conversation:
    date: str | None
    advisor: str
    director: str
    place: str
    notes: str
    cabinet_change: bool
    election_period: bool
    after_swearing_in: bool  # the swearing-in lies before the conversation (reading 19)


@dataclass(frozen=True)
class Access:
    people: str
    authenticator_handover: str
    minister_access: bool


@dataclass(frozen=True)
class Departure:
    """What was agreed for this minister's departure, when an account needs that agreement."""

    account: str | None
    two_factor: str | None
    webcare_weeks: int | None
    text: str


# --- the accounts ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Limit:
    """A platform's limit on a text (bio, display name, link)."""

    max: int
    label: str
    source: str
    as_of: str
    confirmed: bool


@dataclass(frozen=True)
class PlatformFact:
    """A platform's rule for handles, as the side panel shows it."""

    message: str
    source: str
    as_of: str
    confirmed: bool


@dataclass(frozen=True)
class Webcare:
    scope: str  # all | policy_only | none
    hours: str | None
    standby: bool
    proactive: bool


@dataclass(frozen=True)
class AccountConfig:
    """One account in `platformconfiguratie.yaml` (DESIGN.md, platform configuration)."""

    owner: str
    account: str | None
    kind: str
    form: str | None
    handle: str | None
    url: str | None
    display_name: str | None
    bio: str | None
    link: str | None
    avatar_rijkslogo: bool
    verified: bool
    verification_by: str | None
    civil_service_support: str
    party_content: str
    party_hashtag: str | None
    paid_promotion: bool
    webcare: Webcare
    transfer_to_successor: str
    archive_predecessor: str
    archive_account: str | None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Account:
    """The new minister's account on one used platform: its configuration (the contract) and
    everything the wizard and the documents show about it."""

    key: str  # the platform
    label: str  # the platform's name
    form: str | None
    form_label: str
    form_given: bool
    form_note: str
    account: str | None  # takeover | new | own (given or as advised)
    account_label: str  # the rulebook's words for the account choice
    account_given: bool
    kind: str  # office | own | ministry
    handle_kind: str  # office | person | ministry_account
    config: AccountConfig
    handle_origin: str  # given | existing | proposal | unknown
    handle_suggestion: str | None
    handle_sources: Ids  # the rules behind a proposed handle
    bio_draft: str | None
    bio_is_draft: bool
    bio_sources: Ids
    link_is_proposal: bool
    link_sources: Ids
    ministry_account: str  # the ministry's own account on this platform, as used
    ministry_account_known: str  # the rulebook's (or the overlay's) for it
    archive_url: str | None
    limits: dict[str, Limit]
    handle_rules: tuple[PlatformFact, ...]
    applied_rules: tuple[str, ...]
    fact_sources: dict[str, Ids]  # per fact of the configuration: the rules that decided it
    sources: Ids  # every rule behind the configuration
    notes: str

    @property
    def handle(self) -> str:
        return self.config.handle or ""

    @property
    def handle_is_suggestion(self) -> bool:
        return self.handle_origin == "proposal"

    @property
    def url(self) -> str | None:
        return self.config.url


@dataclass(frozen=True)
class PredecessorAccount:
    """One account of the predecessor (or of the post, taken over) and what happens to it."""

    platform: str
    label: str
    kind: str  # office | own
    kind_label: str
    handle: str  # "" when not known
    action: str  # see 42-predecessor.yaml `actions`
    action_text: str  # what happens, in the rulebook's words
    rvd_request: bool
    assumed: bool  # not said in the session: an assumption of the rulebook
    taken_over: bool  # the new minister takes this very account over
    archive_account: str | None = None
    url: str | None = None
    archive_url: str | None = None
    source: Ids = ()
    beside_own: bool = False  # an office account taken over beside the predecessor's own one

    def contract(self) -> dict[str, Any]:
        """The entry of `predecessor_accounts` in platformconfiguratie.yaml (DESIGN.md)."""
        return {
            "handle": self.handle or None,
            "kind": self.kind,
            "action": self.action,
            "archive_account": self.archive_account,
            "rvd_request": self.rvd_request,
        }


@dataclass(frozen=True)
class Predecessor:
    name: str
    variant: str
    variant_label: str
    archiving_arranged: bool | None
    same_person: bool  # re-appointed, or staying on (reading 12)
    accounts: tuple[PredecessorAccount, ...]

    @property
    def assumed(self) -> bool:
        return any(account.assumed for account in self.accounts)

    @property
    def needs_archiving(self) -> bool:
        """Whether anything of the predecessor's is archived (RDDI, Meta's swap, or the policy
        content of an account that leaves)."""
        return any(account.action not in ("none", "continues") for account in self.accounts)

    def on(self, platform: str) -> PredecessorAccount | None:
        """The predecessor's own account on a platform as said or assumed (not an office
        account taken over beside it)."""
        return next(
            (item for item in self.accounts if item.platform == platform and not item.beside_own),
            None,
        )


@dataclass(frozen=True)
class RvdRequest:
    """A request to the RVD (reading 13): Meta's archive swap of an account of the post, or a
    verification the RVD arranges at a change of cabinet."""

    platform: str
    platform_label: str
    request: str  # meta_archive_swap | verification
    handle: str  # "" when still unknown
    handle_status: str  # given | proposal | unknown
    old_url: str
    new_url: str


@dataclass(frozen=True)
class RulebookInfo:
    version: str
    date: str
    title: str


# --- the whole ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Advice:
    rulebook: RulebookInfo
    minister: Minister
    conversation: Conversation
    variant: VariantInfo | None
    variants: dict[str, VariantInfo]  # every variant, in the rulebook's order
    personal_account: PersonalAccountInfo | None  # only when it applies
    motivation: str | None  # only when it applies
    motivation_needed: bool
    platforms: dict[str, Account]
    predecessor: Predecessor | None
    rvd_requests: list[RvdRequest]
    access: Access
    departure: Departure | None
    findings: list[Finding]
    checklist: list[ChecklistItem]
    moments: dict[str, str]  # the checklist's moments, as they apply to this conversation
    checklist_groups: dict[str, str]
    clauses: dict[str, list[Clause]]
    clause_titles: dict[str, str]
    consequences: list[Consequence]
    options: list[Option]
    roles: list[Role]
    attention_points: list[AttentionPoint]
    principles: list[Principle]
    talking_points: list[TalkingPoint]
    comparison_title: str
    comparison: list[ComparisonRow]
    page_notes: dict[str, PageNote]
    inactive: list[Inactive]
    withheld: list[str]  # answers a finding forbids: shown in the wizard, printed nowhere
    known_office_accounts: dict[str, str]  # the post's existing accounts the rulebook knows
    configuration: dict[str, Any]
    sources: dict[str, Source]  # every statement the advice cites
    list_and: str = " en "
    finding_titles: dict[str, str] = field(default_factory=dict)

    @property
    def variant_key(self) -> str | None:
        return self.variant.key if self.variant else None

    @property
    def errors(self) -> list[Finding]:
        return [finding for finding in self.findings if finding.severity == "error"]

    @property
    def warnings(self) -> list[Finding]:
        return [finding for finding in self.findings if finding.severity == "warning"]

    @property
    def open_points(self) -> list[Finding]:
        """What keeps the documents a concept: the errors, the answers not given yet
        (`missing-field`) and the consequences not yet discussed with the minister."""
        return [
            finding
            for finding in self.findings
            if finding.severity == "error"
            or finding.code in ("missing-field", "consequences-not-acknowledged")
        ]

    @property
    def is_concept(self) -> bool:
        """Documents carry a CONCEPT mark while anything is open: nothing unsettled is signed."""
        return bool(self.open_points)

    def inactive_reason(self, path: str) -> str | None:
        """Why the answer at `path` (or the section it lies in) does not apply now, or None."""
        for item in self.inactive:
            if path == item.path or path.startswith(item.path + "."):
                return item.reason
        return None

    def describe(self, ids: Any) -> list[Source]:
        """The statements `ids` as the program shows them, in their order."""
        return [
            self.sources.get(statement)
            or Source(id=statement, document="", section="", statement="", known=False)
            for statement in dict.fromkeys(str(item) for item in ids or ())
        ]

    def joined(self, items: list[str]) -> str:
        """'X', 'X en LinkedIn', 'X, Instagram en LinkedIn'."""
        if len(items) < 2:
            return "".join(items)
        return ", ".join(items[:-1]) + self.list_and + items[-1]
