"""Every example renders, and the PDFs hold exactly the texts that apply to it."""

from __future__ import annotations

import re

import pytest
import yaml

from wizard.core.configuration import configuration_yaml
from wizard.core.engine import advise
from wizard.core.session import load_session
from wizard.documents.style import house_style

from .conftest import EXAMPLES, pdf_pages, pdf_text, render, squash


def _fragment(template: str) -> str:
    """The longest literal part of a rulebook text with {placeholders}."""
    return max(re.split(r"\{\w+\}", template), key=len).strip()


def _absent_texts(entries, applicable_ids, applicable_texts):
    """Literal fragments of rulebook entries that do not apply and that no applicable text
    shares (so their presence in the PDF would be an error)."""
    shared = squash(" ".join(applicable_texts))
    fragments = []
    for entry in entries:
        if entry["id"] in applicable_ids:
            continue
        fragment = squash(_fragment(entry["text"]))
        if len(fragment) >= 25 and fragment not in shared:
            fragments.append((entry["id"], fragment))
    return fragments


@pytest.fixture(scope="module", params=EXAMPLES, ids=[path.name for path in EXAMPLES])
def rendered(request, rulebook, tmp_path_factory):
    session = load_session(request.param)
    folder = tmp_path_factory.mktemp(request.param.name.split(".")[0])
    written = render(session, rulebook, folder, ["pdf", "odt", "html"])
    return session, advise(session, rulebook), folder, written


def test_examples_exist():
    assert len(EXAMPLES) >= 3


def test_all_files_are_written(rendered):
    _, _, folder, written = rendered
    names = sorted(path.name for path in written)
    assert names == sorted(
        [
            "afspraken.pdf",
            "checklist.pdf",
            "verantwoording.pdf",
            "afspraken.odt",
            "checklist.odt",
            "verantwoording.odt",
            "afspraken.html",
            "checklist.html",
            "verantwoording.html",
            "platformconfiguratie.yaml",
        ]
    )
    assert sorted(path.name for path in folder.iterdir()) == names  # no temporary files left


def test_configuration_is_the_engines(rendered):
    _, advice, folder, _ = rendered
    text = (folder / "platformconfiguratie.yaml").read_text(encoding="utf-8")
    assert text == configuration_yaml(advice)
    data = yaml.safe_load(text)
    assert data["format"] == "platformconfiguratie/1"
    assert set(data["platforms"]) == set(advice.platforms)


def test_every_page_has_header_and_footer(rendered, rulebook):
    session, advice, folder, _ = rendered
    name = squash(session.get("minister.name") or "")
    for kind, title in (
        ("afspraken", "Afspraken sociale media"),
        ("checklist", "Checklist nieuwe bewindspersoon"),
    ):
        pages = pdf_pages(folder / f"{kind}.pdf")
        for number, page in enumerate(pages, start=1):
            flat = squash(page)
            assert squash(f"pagina {number} van {len(pages)}") in flat
            assert squash(f"Regelboek {rulebook.version}") in flat
            assert squash(title) in flat
            assert name in flat
            assert ("CONCEPT" in page) == advice.is_concept


def printed_clauses(advice, rulebook):
    """The clauses the agreement prints: every section but those documents.yaml leaves out
    (`not_printed`: the content clauses, which the consequences, principles and roles say
    already), and of those only the election points; nor the clauses a table says
    (`not_printed_clauses`)."""
    labels = house_style(rulebook).labels
    election = tuple(labels["election"]["clauses"])
    return [
        clause
        for key, section in advice.clauses.items()
        for clause in section
        if (key not in labels["not_printed"] or clause.id.startswith(election))
        and clause.id not in labels["not_printed_clauses"]
    ]


def test_applicable_clauses_are_in_the_agreement(rendered, rulebook):
    _, advice, folder, _ = rendered
    text = squash(pdf_text(folder / "afspraken.pdf"))
    for clause in printed_clauses(advice, rulebook):
        assert squash(clause.text) in text, clause.id
    for item in advice.consequences:
        assert squash(item.text) in text, item.id
    for option in advice.options:
        assert squash(option.printed) in text, option.id
    for point in advice.attention_points:
        assert squash(point.title) in text and squash(point.text) in text, point.id
    for role in advice.roles:
        assert squash(role.text) in text, role.id
    for principle in rulebook.data["principles"]:
        assert squash(principle["short"]) in text, principle["id"]
    # The one-column "In één oogopslag" is gone: the variant's meaning says it.
    assert squash(rulebook.data["comparison"]["title"]) not in text


def test_the_agreement_repeats_no_clause(rendered, rulebook):
    """No text is printed twice: each rule once, in the signed part or in an annex."""
    _, advice, folder, _ = rendered
    text = squash(pdf_text(folder / "afspraken.pdf"))
    texts = (
        [clause.text for clause in printed_clauses(advice, rulebook)]
        + [item.text for item in advice.consequences]
        + [option.printed for option in advice.options]
        + [point.text for point in advice.attention_points]
        + [role.text for role in advice.roles]
    )
    for value in texts:
        assert text.count(squash(value)) == 1, value


def test_clauses_that_do_not_apply_are_not_in_the_agreement(rendered, rulebook):
    _, advice, folder, _ = rendered
    text = squash(pdf_text(folder / "afspraken.pdf"))
    clauses = [clause for section in advice.clauses.values() for clause in section]
    applicable = (
        [clause.text for clause in clauses]
        + [item.text for item in advice.consequences]
        + [point.text for point in advice.attention_points]
    )
    for group, ids in (
        ("clauses", {clause.id for clause in clauses}),
        ("consequences", {item.id for item in advice.consequences}),
        ("attention_points", {point.id for point in advice.attention_points}),
    ):
        for entry_id, fragment in _absent_texts(rulebook.data[group], ids, applicable):
            assert fragment not in text, f"{group} {entry_id} does not apply but is printed"


def test_checklist_has_exactly_the_items_that_apply(rendered, rulebook):
    _, advice, folder, _ = rendered
    text = squash(pdf_text(folder / "checklist.pdf"))
    for item in advice.checklist:
        assert squash(item.text) in text, item.id
        assert squash(rulebook.data["owners"][item.owner]) in text
        assert squash(advice.moments[item.moment]) in text
    ids = {item.id for item in advice.checklist}
    for entry_id, fragment in _absent_texts(
        rulebook.data["checklist"], ids, [item.text for item in advice.checklist]
    ):
        assert fragment not in text, f"checklist item {entry_id} does not apply but is printed"


def test_platform_tables_show_the_configuration(rendered):
    _, advice, folder, _ = rendered
    text = squash(pdf_text(folder / "afspraken.pdf"))
    for platform in advice.platforms.values():
        config = platform.config
        if config.handle:
            assert squash(f"@{config.handle}") in text
        if config.bio:
            assert squash(config.bio) in text
        if config.archive_account:
            assert squash(f"@{config.archive_account}") in text
