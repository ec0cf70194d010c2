"""The agreement's shape (issues 11 and 26): the signed part ends on page 1 or 2, the annexes
follow it from a new page, in order, and the agreement ends with where its sources are (the
verantwoording; there is no sources annex); the reference is stable; her accounts are named on
the signed pages; and the checklist never breaks a word in its owner column."""

from __future__ import annotations

import html
import re

import pytest

from tests.hostile.docs import FOOTER_RULE_MM, HAVE_POPPLER, MM, WATERMARK_PT, read_pdf
from wizard.core.engine import advise
from wizard.core.session import load_session
from wizard.documents.agreement import reference
from wizard.documents.style import house_style

from .conftest import EXAMPLES, html_of, make_session, pdf_pages, pdf_text, render, squash

SIGNATURE = "Ondertekening"
FIRST_ANNEX = "Bijlage 1."

# The longest conversation the program should still fit on two signed pages: hybrid in election
# time with every platform, a corporate predecessor's office accounts and the own accounts,
# nothing acknowledged yet, a motivation of a few sentences, and errors (the CONCEPT box).
LONGEST = {
    "variant": "hybrid",
    "election_period": True,
    "minister.office": "state_secretary",
    "minister.post": "Klimaat en Groene Groei",
    "minister.name": "Anna-Sophie van der Veen-Bakker",
    "motivation": "De staatssecretaris heeft een groot eigen netwerk op X, Instagram en LinkedIn, "
    "wil vanuit meerdere rollen communiceren en kiest na het advies bewust voor "
    "hybride beheer, met strakke afspraken over wie wat plaatst.",
    "platforms.x": {"use": True, "account": "own", "handle": "AnnaSophievdVeen"},
    "platforms.instagram": {"use": True, "account": "own", "handle": "annasophievdveen"},
    "platforms.linkedin": {"use": True, "form": "profile", "handle": "annasophievdveen"},
    "platforms.facebook": {"use": True, "form": "own", "handle": "annasophie.vdveen"},
    "predecessor": {
        "name": "Hans Vijlbrief",
        "variant": "hybrid",
        "archiving_arranged": False,
        "accounts": {"x": {"handle": "StasKGG", "kind": "office"}},
    },
    "access.people": "Webcareteam EZK en de politiek assistent",
}


def _signed_part(path) -> tuple[int, int, int]:
    """(page of the signature heading, page of the first annex, pages) of an agreement, counted
    from 1, read from the PDF's text."""
    pages = [squash(page) for page in pdf_pages(path)]
    signature = next(number for number, page in enumerate(pages, 1) if SIGNATURE in page)
    annex = next(number for number, page in enumerate(pages, 1) if squash(FIRST_ANNEX) in page)
    return signature, annex, len(pages)


@pytest.fixture(scope="module", params=EXAMPLES, ids=[path.name for path in EXAMPLES])
def example(request, rulebook, tmp_path_factory):
    session = load_session(request.param)
    folder = tmp_path_factory.mktemp(request.param.name.split(".")[0])
    render(session, rulebook, folder, ["pdf", "html"])
    return session, advise(session, rulebook), folder


def test_every_examples_signed_part_ends_on_page_one_or_two(example):
    _, _, folder = example
    signature, annex, pages = _signed_part(folder / "afspraken.pdf")
    assert signature <= 2, f"the signature starts on page {signature}"
    assert annex == signature + 1, f"the first annex is on page {annex}, not right after it"
    assert pages >= annex


def test_the_longest_conversation_still_signs_on_page_two(rulebook, tmp_path):
    session = make_session(**LONGEST)
    advice = advise(session, rulebook)
    assert advice.is_concept and advice.conversation.election_period
    assert not any(item.acknowledged for item in advice.consequences)
    render(session, rulebook, tmp_path, ["pdf"])
    signature, annex, _ = _signed_part(tmp_path / "afspraken.pdf")
    assert signature <= 2 and annex == signature + 1


@pytest.mark.skipif(not HAVE_POPPLER, reason="pdftotext gives the page of every word")
def test_the_signature_block_is_not_split(example, rulebook):
    """The heading, the signature lines, the reference and the copies are on one page."""
    _, advice, folder = example
    pdf = read_pdf(folder / "afspraken.pdf")
    heading = next(word.page for word in pdf.words if word.text == SIGNATURE)
    signed = squash(pdf.page_text(heading))
    assert signed.count(squash("Handtekening:")) == 2
    assert squash(reference(advice, house_style(rulebook).labels)) in signed
    if any(not role.addressee for role in advice.roles):
        assert squash("Afschrift aan:") in signed


def test_the_annexes_follow_the_signed_part_in_order(example, rulebook):
    """Bijlage 1 at the top of the page after the signature, the others after it in order; no
    annex lists sources, and the agreement ends with the line that says where they are."""
    _, advice, folder = example
    header = ["CONCEPT", squash("Afspraken sociale media"), squash(advice.minister.name)]
    pages = [squash(page) for page in pdf_pages(folder / "afspraken.pdf")]
    found = [
        (number, int(match.group(1)), match.group(2))
        for number, page in enumerate(pages, 1)
        for match in re.finditer(r"Bijlage(\d+)\.([A-Z]\w+)", page)
    ]
    numbers = [annex for _page, annex, _title in found]
    assert numbers == list(range(1, len(numbers) + 1)) and len(numbers) >= 2, found
    first_page = found[0][0]
    before = pages[first_page - 1].split("Bijlage1.")[0]
    for part in header:  # only the page header before it on its page
        before = before.replace(part, "") if part else before
    assert before == "", before[-120:]
    assert not any(title.startswith("Bronnen") for _page, _annex, title in found)
    line = squash(house_style(rulebook).labels["sources_line"])
    assert squash(pdf_text(folder / "afspraken.pdf")).endswith(line)


# --- the reference ---------------------------------------------------------------------------


def test_the_reference_is_made_from_the_date_the_ministry_and_the_initials(rulebook):
    labels = house_style(rulebook).labels
    advice = advise(make_session(**{"minister.name": "Jaimi van Essen"}), rulebook)
    assert reference(advice, labels) == "BZK-20260220-JvE"
    again = advise(make_session(**{"minister.name": "Jaimi van Essen"}), rulebook)
    assert reference(again, labels) == reference(advice, labels)
    later = advise(
        make_session(**{"minister.name": "Jaimi van Essen", "conversation.date": "2026-03-02"}),
        rulebook,
    )
    assert reference(later, labels) == "BZK-20260302-JvE"
    halfway = advise(
        make_session(
            **{"minister.ministry": None, "conversation.date": None, "minister.name": None}
        ),
        rulebook,
    )
    assert reference(halfway, labels) == labels["reference"]["unknown"]
    no_ministry = advise(make_session(**{"minister.ministry": None}), rulebook)
    assert reference(no_ministry, labels) == labels["reference"]["unknown"]
    assert "X-" not in reference(no_ministry, labels)


def test_the_reference_is_the_same_in_every_render_and_printed_twice(example, rulebook, tmp_path):
    session, advice, folder = example
    ref = reference(advice, house_style(rulebook).labels)
    render(session, rulebook, tmp_path, ["pdf"])
    for path in (folder / "afspraken.pdf", tmp_path / "afspraken.pdf"):
        signed = squash(pdf_text(path)).split(squash(FIRST_ANNEX))[0]
        assert signed.count(squash(f"Kenmerk: {ref}")) == 2  # under the title and at the signature


# --- the checklist -----------------------------------------------------------------------------


@pytest.mark.skipif(not HAVE_POPPLER, reason="pdftotext gives the place of every word")
def test_no_word_is_broken_in_the_checklists_owner_column(rulebook, tmp_path):
    """Every word in the column "Wie" is a whole word of an owner's name: none is hyphenated
    or cut, whatever the owner ("Directie Communicatie" the longest)."""
    session = make_session(**LONGEST)
    render(session, rulebook, tmp_path, ["pdf"])
    pdf = read_pdf(tmp_path / "checklist.pdf")
    owners = {word for name in rulebook.data["owners"].values() for word in name.split()}
    seen = []
    for page in range(pdf.pages):
        words = [word for word in pdf.words if word.page == page]
        heads = {word.text: word for word in words if word.text in ("Wie", "Platform")}
        if len(heads) < 2:
            continue
        left, right = heads["Wie"].left - 1, heads["Platform"].left - 1
        bottom = pdf.sizes[page][1] - FOOTER_RULE_MM * MM  # above the footer
        column = [
            word.text
            for word in words
            if word.left >= left
            and word.right <= right
            and word.top > heads["Wie"].top
            and word.bottom < bottom
            and word.bottom - word.top < WATERMARK_PT
        ]
        assert set(column) <= owners, set(column) - owners
        seen += column
    assert "Communicatie" in seen and "Directie" in seen


# --- her accounts and the options, in the signed part -----------------------------------------


def _signed_html(session, rulebook) -> str:
    """The signed part of the agreement's HTML export (up to the first annex)."""
    page = html_of("afspraken", session, rulebook, standalone=True)
    return page.split('<h2 class="annex">')[0]


def _account_rows(signed: str) -> dict[str, list[str]]:
    """The rows of "Uw accounts" by platform: handle, account, the predecessor's lines."""
    table = signed.split('<table class="list accounts"')[1].split("</table>")[0]
    rows = {}
    for row in re.findall(r"<tr>(.*?)</tr>", table.split("<tbody>")[1], re.S):
        cells = re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
        rows[html.unescape(cells[0])] = [html.unescape(cell) for cell in cells[1:]]
    return rows


def test_the_signed_part_names_her_accounts(rulebook):
    """ "Uw accounts": every account with its handle ("(voorstel)" after a proposed one, "(nog
    niet ingevuld)" without one), what it is, and what happens to the predecessor's account(s)
    on that platform (both, when an account of the post was taken over beside her own)."""
    session = make_session(
        **{
            "platforms.instagram": {"use": True, "account": "takeover"},
            "platforms.linkedin": {"use": True, "form": "showcase", "account": "new"},
            "platforms.facebook": {"use": True, "form": "ministry_account"},
            "predecessor": {
                "name": "Hugo de Jonge",
                "variant": "hybrid",
                "archiving_arranged": True,
                "accounts": {"x": {"handle": "HugodeJonge", "kind": "own"}},
            },
        }
    )
    advice = advise(session, rulebook)
    rows = _account_rows(_signed_html(session, rulebook))
    assert list(rows) == ["X", "Instagram", "LinkedIn", "Facebook"]
    linkedin = advice.platforms["linkedin"]
    assert linkedin.handle_is_suggestion
    assert rows["LinkedIn"][:2] == [
        f"@{linkedin.handle} (voorstel)",
        "Nieuwe showcasepagina van het ambt",
    ]
    assert rows["Instagram"][:2] == ["(nog niet ingevuld)", "Account van het ambt, dat u overneemt"]
    assert rows["Facebook"] == ["(nog niet ingevuld)", "Op het account van het ministerie", ""]
    # X: her predecessor's own account and the post's, taken over beside it: one line each.
    own, office = (
        next(item for item in advice.predecessor.accounts if item.platform == "x" and test(item))
        for test in (lambda item: not item.beside_own, lambda item: item.beside_own)
    )
    assert rows["X"] == [
        "@MinisterBZK",
        "Account van het ambt, dat u overneemt",
        f"{own.kind_label}: {own.action_text}<br>{office.kind_label}: {office.action_text}",
    ]


def test_a_platform_only_the_predecessor_used_has_a_row_too(rulebook):
    """What happens to the predecessor's account on a platform she does not use is in the
    table as well, named by its handle: the signed pages say it once, there."""
    session = make_session(
        predecessor={
            "name": "Hugo de Jonge",
            "variant": "hybrid",
            "archiving_arranged": True,
            "accounts": {"facebook": {"handle": "hugodejonge", "kind": "own"}},
        }
    )
    advice = advise(session, rulebook)
    [facebook] = [item for item in advice.predecessor.accounts if item.platform == "facebook"]
    rows = _account_rows(_signed_html(session, rulebook))
    assert "facebook" not in advice.platforms
    assert rows["Facebook"] == ["—", "Geen account", f"@hugodejonge: {facebook.action_text}"]


def test_without_a_predecessor_the_table_has_three_columns(rulebook):
    signed = _signed_html(make_session(predecessor=None), rulebook)
    rows = _account_rows(signed)
    assert rows == {
        "X": ["@MinisterBZK", "Account van het ambt, dat u overneemt"],
        "Instagram": ["@ministerbzk", "Account van het ambt, dat u overneemt"],
    }
    assert "Account van uw voorganger" not in signed


def test_every_examples_signed_part_names_her_accounts(example):
    _, advice, folder = example
    signed = squash(pdf_text(folder / "afspraken.pdf")).split(squash(SIGNATURE))[0]
    assert squash("Uw accounts") in signed
    for account in advice.platforms.values():
        handle = f"@{account.handle}" if account.handle else "(nog niet ingevuld)"
        assert squash(f"{account.label}{handle}") in signed, account.key


def test_options_are_sentences_after_the_consequences(rulebook):
    """Reading 17: an option is printed as "u kunt ..." until the advisor records it as agreed,
    then as the arrangement; a plain sentence after the consequences, not a box to tick."""
    values = {
        "personal_account": True,
        "platforms.instagram": {"use": True, "account": "own", "handle": "evadevries"},
    }
    for agreed in ([], ["refer-to-corporate"]):
        session = make_session(agreed=agreed, **values)
        [option] = advise(session, rulebook).options
        assert option.agreed == bool(agreed)
        signed = _signed_html(session, rulebook)
        other = option.text if agreed else option.agreed_text
        assert f"<p>{option.printed}" in signed and other not in signed
        consequences = signed.split("<h2>Wat u afspreekt</h2>")[1].split("<h2>")[0]
        assert consequences.index("</table>") < consequences.index(option.printed)
