"""The pages of the conversation, made for one session model."""

from __future__ import annotations

from wizard.ui import (
    advice_page,
    attention_page,
    choice_page,
    documents_page,
    ids,
    minister_page,
    overview_page,
    platform_page,
    predecessor_page,
    situation_page,
    webcare_page,
)
from wizard.ui.base import Page
from wizard.ui.findings import Findings
from wizard.ui.model import SessionModel
from wizard.ui.page_index import PageIndex


def make_pages(model: SessionModel, index: PageIndex, findings: Findings) -> dict[int, Page]:
    """Every page of the conversation, by id: the fixed pages, and one page for each platform
    of the rulebook."""
    pages: dict[int, Page] = {
        ids.MINISTER: minister_page.MinisterPage(model),
        ids.SITUATION: situation_page.SituationPage(model),
        ids.ADVICE: advice_page.AdvicePage(model),
        ids.CHOICE: choice_page.ChoicePage(model),
    }
    for number, key in enumerate(model.rulebook.platforms):
        pages[ids.PLATFORM_FIRST + number] = platform_page.PlatformPage(
            model, key, first=number == 0
        )
    pages[ids.WEBCARE] = webcare_page.WebcarePage(model)
    pages[ids.PREDECESSOR] = predecessor_page.PredecessorPage(model)
    pages[ids.ATTENTION] = attention_page.AttentionPage(model)
    pages[ids.OVERVIEW] = overview_page.OverviewPage(
        model,
        pages=index.answer_pages,
        owner_of=index.owner_of,
        shown_items=findings.shown_items,
        describe=findings.describe,
    )
    pages[ids.DOCUMENTS] = documents_page.DocumentsPage(model)
    return pages
