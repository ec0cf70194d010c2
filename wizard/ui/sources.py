"""Where a rule comes from, one click away ("says who?").

Every rule the wizard shows (a finding, a talking point, a consequence, a clause, a derived value
of a platform) can show the numbered statements it rests on: the statement's Dutch text, the
document's title and the section, from `Rulebook.describe_source`, the one helper for this.

- `SourceButton`: a small "Bron" button after an item on a page. Tab reaches it, Enter or Space
  opens it; its accessible name says whose source it is ("Bron bij: Eigenaar").
- `source_link`: a link "Bron" in a text to read (the side panel, the advice). A link in a text
  has no accessible object of its own, so `follow_links` lays a flat `SourceButton` over every
  such link: a control of its own that Tab reaches and a screen reader names.
- `SourceWindow`: the small window that shows the statements. Not modal: one per main window, it
  shows the last item asked for, beside it. Escape or Sluiten closes it, and the focus is back
  where it was (the main window keeps its focus widget).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, QRect, Qt, QUrl
from PySide6.QtGui import QFocusEvent, QPalette, QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from wizard.core.rulebook import source_words
from wizard.ui.texts import esc, mark_quoted, quoted_dutch, quotes_dutch

translate = QCoreApplication.translate

SCHEME = "bron"


def unique(ids: Iterable[str]) -> list[str]:
    """The ids in their order, each once."""
    return list(dict.fromkeys(str(item) for item in ids if item))


def sources_html(rulebook: Any, ids: Iterable[str]) -> str:
    """The statements as HTML, in the words of the verantwoording and `check --sources`
    (`source_words`): the statement quoted, then where a reader finds it, then its number."""
    parts = []
    for source in rulebook.describe_source(unique(ids)):
        where, quote = source_words(source)
        if not quote:
            parts.append(f"<p>{esc(where)}</p>")
            continue
        number = translate("Sources", "uitspraak {number}").format(number=source.number)
        parts.append(f"<p><b>{esc(quote)}</b><br>{esc(where)}<br><small>{esc(number)}</small></p>")
    if not parts:
        none = translate("Sources", "Voor dit onderdeel noemt het regelboek geen bron.")
        parts.append(f"<p>{esc(none)}</p>")
    return "".join(parts)


# --- links in a text to read -----------------------------------------------------------------


def source_link(ids: Iterable[str], label: str) -> str:
    """A link "Bron" to the statements `ids` of the item `label`, or "" without sources."""
    ids = unique(ids)
    if not ids:
        return ""
    url = QUrl()
    url.setScheme(SCHEME)
    url.setPath(",".join(ids))
    url.setFragment(label)
    text = translate("Sources", "Bron")
    return (
        f' <a href="{esc(url.toString(QUrl.ComponentFormattingOption.FullyEncoded))}">'
        f"<small>{esc(text)}</small></a>"
    )


def parse_link(url: QUrl) -> tuple[list[str], str] | None:
    """(ids, label) of a link made by `source_link`; None for any other link."""
    if url.scheme() != SCHEME:
        return None
    ids = unique(url.path(QUrl.ComponentFormattingOption.FullyDecoded).split(","))
    return ids, url.fragment(QUrl.ComponentFormattingOption.FullyDecoded)


def follow_links(browser: QTextBrowser, rulebook: Any) -> None:
    """The browser's "Bron" links become buttons over the links (`LinkButtons`); a click on a
    link opens the source window too, and no link navigates away."""
    browser.setOpenLinks(False)
    browser.setOpenExternalLinks(False)
    LinkButtons(browser, rulebook)

    def clicked(url: QUrl) -> None:
        found = parse_link(url)
        if found is not None:
            show_sources(browser, rulebook, found[1], found[0])

    browser.anchorClicked.connect(clicked)


class LinkButtons(QObject):
    """A flat "Bron" button laid over every "Bron" link of a text browser: the link's control
    for the keyboard and for a screen reader. The buttons are children of the browser's
    viewport, made anew when the text changes and moved when it scrolls or wraps anew; Tab goes
    to them after the text (the browser itself no longer stops at its links)."""

    def __init__(self, browser: QTextBrowser, rulebook: Any) -> None:
        super().__init__(browser)
        self.browser = browser
        self.rulebook = rulebook
        self.buttons: list[tuple[int, SourceButton]] = []  # (position in the text, button)
        browser.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByMouse
        )
        browser.textChanged.connect(self.rebuild)
        browser.document().documentLayout().documentSizeChanged.connect(self.place)
        browser.verticalScrollBar().valueChanged.connect(self.place)
        browser.horizontalScrollBar().valueChanged.connect(self.place)
        browser.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Resize:
            self.place()
        return False

    def links(self) -> list[tuple[int, list[str], str]]:
        """(position, ids, label) of every "Bron" link in the text, in its order."""
        found = []
        block = self.browser.document().begin()
        while block.isValid():
            for part in block:
                fragment = part.fragment()
                link = fragment.charFormat()
                if link.isAnchor():
                    parsed = parse_link(QUrl(link.anchorHref()))
                    if parsed is not None:
                        found.append((fragment.position(), parsed[0], parsed[1]))
            block = block.next()
        return found

    def rebuild(self) -> None:
        for _position, button in self.buttons:
            button.hide()
            button.deleteLater()
        self.buttons = []
        for number, (position, ids, label) in enumerate(self.links()):
            name = f"{self.browser.objectName()}.source.{number}"
            button = SourceButton(name, self.rulebook, label, ids, self.browser.viewport())
            button.setFlat(True)
            button.setAutoFillBackground(True)  # over the link's own text
            button.setBackgroundRole(QPalette.ColorRole.Base)
            button.setForegroundRole(QPalette.ColorRole.Link)
            button.focused = lambda position=position: self.show_position(position)
            self.buttons.append((position, button))
        self.place()

    def place(self) -> None:
        """Each button over its link."""
        document = self.browser.document()
        cursor = QTextCursor(document)
        for position, button in self.buttons:
            if position >= document.characterCount():  # (the text is being replaced)
                continue
            cursor.setPosition(position)
            rect = self.browser.cursorRect(cursor)
            size = button.sizeHint()
            button.setGeometry(
                rect.left() - 2, rect.center().y() - size.height() // 2, size.width(), size.height()
            )
            button.show()

    def show_position(self, position: int) -> None:
        """Scroll the text so that the link at `position` is in view."""
        cursor = QTextCursor(self.browser.document())
        cursor.setPosition(position)
        self.browser.setTextCursor(cursor)
        self.browser.ensureCursorVisible()


# --- buttons on a page -----------------------------------------------------------------------


class SourceButton(QPushButton):
    """ "Bron" after an item; shown only while the item has sources."""

    def __init__(
        self,
        name: str,
        rulebook: Any,
        label: str = "",
        ids: Iterable[str] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(translate("Sources", "Bron"), parent)
        self.rulebook = rulebook
        #: called when the button gets the keyboard focus (a button over a link scrolls it in)
        self.focused: Any = None
        self.setObjectName(f"source:{name}")
        self.setToolTip(translate("Sources", "Waar deze regel vandaan komt"))
        self.label = ""
        self.what = ""
        self.ids: list[str] = []
        self.clicked.connect(self.open_sources)
        mark_quoted(self)
        self.set_sources(label, ids)

    def open_sources(self) -> None:
        show_sources(self, self.rulebook, self.label, self.ids, self.what)

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt's name
        if self.focused is not None:
            self.focused()
        super().focusInEvent(event)

    def set_sources(self, label: str, ids: Iterable[str], what: str = "") -> None:
        """`label`: the rulebook's text the sources are of, or `what` (the program's words)
        with `label` the rulebook's value of it."""
        self.label = label
        self.what = what
        self.ids = unique(ids)
        words = (
            translate("Sources", "Bron bij {what}:").format(what=what)
            if what
            else translate("Sources", "Bron bij:")
        )
        self.setAccessibleName(quoted_dutch(words, label) if label else words.rstrip(":"))
        if self.parentWidget() is not None:
            self.setVisible(bool(self.ids))
        elif not self.ids:
            self.hide()  # (shown without a parent, it would become a window of its own)


# --- the window ------------------------------------------------------------------------------


class SourceWindow(QDialog):
    """The statements of one item, beside the conversation (not modal)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("dialog.sources")
        self.setModal(False)
        self.opener: QWidget | None = None
        layout = QVBoxLayout(self)
        self.item = QLabel()
        self.item.setObjectName("sources.item")
        self.item.setWordWrap(True)
        self.item.setTextFormat(Qt.TextFormat.PlainText)
        self.item.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.item.font()
        font.setBold(True)
        self.item.setFont(font)
        layout.addWidget(self.item)
        self.text = QTextBrowser()
        self.text.setObjectName("sources.text")
        layout.addWidget(self.text, 1)
        self.item.setBuddy(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setObjectName("sources.close")
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        # Closed, the conversation's window is active again, with the focus where it was
        # (on the "Bron" asked for), also where no window manager activates it.
        self.finished.connect(lambda _result: self._back(parent))
        self._fit(parent)

    def _back(self, parent: QWidget) -> None:
        parent.activateWindow()
        if self.opener is not None and self.opener.isVisible():
            self.opener.setFocus(Qt.FocusReason.OtherFocusReason)

    def _fit(self, parent: QWidget) -> None:
        screen = parent.screen()
        if screen is None:
            self.resize(560, 380)
            return
        available = screen.availableGeometry()
        self.resize(min(560, available.width() - 40), min(380, available.height() - 60))

    def show_item(
        self, rulebook: Any, label: str, ids: list[str], opener: QWidget, what: str = ""
    ) -> None:
        """The statements of the item `label` (a rulebook text, or one that quotes it), or of
        `what` (the program's words) with `label` the rulebook's value of it."""
        self.opener = opener
        source = translate("Sources", "Bron")
        words = [
            f"{source}:",
            translate("Sources", "Waar dit vandaan komt:"),
            translate("Sources", "Bronnen:"),
        ]
        if what:  # the program's words for the item, then the rulebook's value
            words = [f"{start} {what}:" for start in words]
        # The program's words, then the rulebook's text (in Dutch quotes in another language)
        title, item, name = (quoted_dutch(start, label) if label else source for start in words)
        self.setWindowTitle(title)
        self.item.setText(item)
        self.text.setAccessibleName(name)
        mark_quoted(self.item, quotes_dutch(self.item.text()))
        mark_quoted(self.text, quotes_dutch(self.text.accessibleName()))
        self.text.setHtml(sources_html(rulebook, ids))
        self.show()
        self.place_beside(opener)
        self.raise_()
        self.activateWindow()
        self.text.setFocus(Qt.FocusReason.OtherFocusReason)

    def place_beside(self, opener: QWidget) -> None:
        """Beside the item asked for, like a tooltip: below it, above it, to its left or to its
        right, whichever fits on the screen first (never covering it where one fits)."""
        screen = opener.screen()
        if screen is None:
            return
        available = screen.availableGeometry()
        item = QRect(opener.mapToGlobal(QPoint(0, 0)), opener.size())
        size = self.frameGeometry().size()
        gap = 6
        x = item.right() - size.width()
        y = item.top()
        for place in (
            QPoint(x, item.bottom() + gap),
            QPoint(x, item.top() - size.height() - gap),
            QPoint(item.left() - size.width() - gap, y),
            QPoint(item.right() + gap, y),
        ):
            if available.contains(QRect(place, size)):
                self.move(place)
                return
        self.move(
            min(max(x, available.left()), available.right() - size.width()),
            min(max(y, available.top()), available.bottom() - size.height()),
        )


def _main_window(anchor: QWidget) -> QWidget:
    """The window `anchor` belongs to; for a floating dock, the main window it docks to."""
    top = anchor.window()
    while isinstance(top, QDockWidget) and top.parentWidget() is not None:
        top = top.parentWidget().window()
    return top


def find_source_window(anchor: QWidget) -> SourceWindow | None:
    """The source window beside the window of `anchor`, if it was made."""
    top = _main_window(anchor)
    if isinstance(top, SourceWindow):
        return top
    return top.findChild(SourceWindow, "dialog.sources")


def source_window(anchor: QWidget) -> SourceWindow:
    """The source window beside the window of `anchor` (made when first needed)."""
    return find_source_window(anchor) or SourceWindow(_main_window(anchor))


def show_sources(
    anchor: QWidget, rulebook: Any, label: str, ids: Iterable[str], what: str = ""
) -> SourceWindow:
    """Show the statements `ids` of the item `label` (of `what`, see `SourceWindow.show_item`)
    in the source window beside the window of `anchor`; the focus goes back to `anchor` when
    it closes."""
    window = source_window(anchor)
    window.show_item(rulebook, label, unique(ids), anchor, what)
    return window
