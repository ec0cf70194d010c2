"""The wizard's pages by id, and which of them asks for a session path."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from wizard.ui import ids
from wizard.ui.base import Page, matches_prefix


class PageIndex:
    """The wizard's pages by id, and which page asks for a session path (the page a finding
    leads to). Filled once, as the pages are made; a path's page is remembered."""

    def __init__(self) -> None:
        self.pages: dict[int, Page] = {}
        self._owners: dict[str, int | None] = {}

    def add(self, page_id: int, page: Page) -> None:
        """Hold a page under its id in the wizard (the page learns its id and its name)."""
        page.page_id = page_id
        page.setObjectName(f"page.{page_id}")
        self.pages[page_id] = page
        self._owners.clear()  # a path may belong to the page just added

    def get(self, page_id: int) -> Page | None:
        return self.pages.get(page_id)

    def ids(self) -> list[int]:
        return sorted(self.pages)

    def answer_pages(self) -> list[tuple[int, Page]]:
        """The pages that ask questions (not the overview and the documents), in order."""
        return [
            (page_id, page)
            for page_id, page in sorted(self.pages.items())
            if page_id not in (ids.OVERVIEW, ids.DOCUMENTS)
        ]

    def owner_of(self, path: str) -> int | None:
        """The page that asks for a session path, or shows its findings."""
        if path not in self._owners:
            self._owners[path] = self._find_owner(path)
        return self._owners[path]

    def _find_owner(self, path: str) -> int | None:
        for page_id, page in self.answer_pages():
            if (
                any(field.path == path for field in page.fields)
                or page.findChild(QWidget, path) is not None
            ):
                return page_id
        if path == "platforms":
            return ids.PLATFORM_FIRST
        for page_id, page in self.answer_pages():
            if matches_prefix(path, page.finding_prefixes):
                return page_id
        return None

    def label_of(self, path: str) -> str | None:
        """The label of the field that asks for a session path (a rulebook text in quotes
        when the program speaks another language)."""
        page = self.pages.get(self.owner_of(path) or -1)
        for field in page.fields if page is not None else []:
            if field.path == path:
                return field.overview_label()
        return None
