"""Page breaks for a QTextDocument laid out as one long page.

Qt's own pagination cuts table rows in two and leaves headings alone at the bottom of a page.
Here the document is laid out without pages and the breaks are chosen afterwards:

- a break never falls inside a line of text;
- it avoids falling inside a table row, a short paragraph (or the first and last two lines of a
  long one), a small table, or between a heading and what follows it, unless that piece is
  taller than a page ("where avoidable");
- a page that starts inside a table with a header row repeats that header row.

The result is a list of slices of the long page; the painter draws each slice on its own page.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtGui import QTextBlock, QTextCursor, QTextDocument, QTextTable

EPSILON = 0.5
SHORT_PARAGRAPH_LINES = 4
SMALL_TABLE_SHARE = 0.3   # a table at most this share of a page is kept on one page


@dataclass
class Slice:
    """One page: the part [top, bottom) of the long page, and a header band to repeat."""

    top: float
    bottom: float
    header: tuple[float, float] | None = None


@dataclass
class _Unit:
    """A piece in reading order: a paragraph or a table row."""

    top: float
    bottom: float
    first_bottom: float     # where the piece's first lines end (for keep-with-next)
    heading: bool


@dataclass
class _Table:
    top: float
    bottom: float
    header: tuple[float, float] | None


@dataclass
class _Layout:
    soft: list[tuple[float, float]] = field(default_factory=list)
    hard: list[tuple[float, float]] = field(default_factory=list)
    units: list[_Unit] = field(default_factory=list)
    tables: list[_Table] = field(default_factory=list)


def _lines(document: QTextDocument, block: QTextBlock) -> list[tuple[float, float]]:
    rect = document.documentLayout().blockBoundingRect(block)
    layout = block.layout()
    lines = []
    for index in range(layout.lineCount()):
        line = layout.lineAt(index)
        top = rect.top() + line.y()
        lines.append((top, top + line.height()))
    return lines


def _paragraph(collected: _Layout, block: QTextBlock, lines: list[tuple[float, float]]) -> None:
    collected.hard.extend(lines)
    if len(lines) <= SHORT_PARAGRAPH_LINES:
        collected.soft.append((lines[0][0], lines[-1][1]))
    else:   # no single first or last line alone on a page
        collected.soft.append((lines[0][0], lines[1][1]))
        collected.soft.append((lines[-2][0], lines[-1][1]))
    first_bottom = lines[min(1, len(lines) - 1)][1]
    collected.units.append(_Unit(lines[0][0], lines[-1][1], first_bottom,
                                 block.blockFormat().headingLevel() > 0))


def _table(document: QTextDocument, collected: _Layout, table: QTextTable,
           rows: dict[int, list[tuple[float, float]]], headings: set[int],
           page_height: float, rule: float) -> None:
    frame = document.documentLayout().frameBoundingRect(table)
    numbers = sorted(rows)
    extents = [(min(top for top, _ in rows[r]), max(bottom for _, bottom in rows[r]))
               for r in numbers]
    bounds = [frame.top()]
    for (_, previous_bottom), (next_top, _) in zip(extents, extents[1:], strict=False):
        # Between two rows: the previous row's padding and bottom rule, then this row's
        # padding. Half-way plus half a rule keeps the rule on the page of its row.
        bounds.append(min((previous_bottom + next_top + rule) / 2, next_top))
    bounds.append(frame.bottom())
    header_rows = min(table.format().headerRowCount(), len(numbers) - 1)
    header = (bounds[0], bounds[header_rows]) if header_rows > 0 else None
    start = header_rows if header_rows > 0 else 0
    body = len(numbers) - start
    for index in range(start, len(numbers)):
        top = bounds[0] if index == start else bounds[index]
        bottom = bounds[index + 1]
        collected.soft.append((top, bottom))
        heading = len(numbers) == 1 and numbers[index] in headings
        collected.units.append(_Unit(top, bottom, bounds[min(index + 2, len(numbers))], heading))
    if body >= 3:   # no single row of a table alone at the top or the bottom of a page
        collected.soft.append((bounds[0], bounds[start + 2]))
        collected.soft.append((bounds[len(numbers) - 2], bounds[len(numbers)]))
    if frame.height() <= page_height * SMALL_TABLE_SHARE:
        collected.soft.append((frame.top(), frame.bottom()))
    collected.tables.append(_Table(frame.top(), frame.bottom(), header))


def _collect(document: QTextDocument, page_height: float, rule: float) -> _Layout:
    collected = _Layout()
    block = document.begin()
    current: QTextTable | None = None
    rows: dict[int, list[tuple[float, float]]] = {}
    headings: set[int] = set()
    while block.isValid():
        lines = _lines(document, block)
        table = QTextCursor(block).currentTable()
        if current is not None and (table is None
                                    or table.firstPosition() != current.firstPosition()):
            _table(document, collected, current, rows, headings, page_height, rule)
            current, rows, headings = None, {}, set()
        if table is not None:
            current = table
            row = table.cellAt(block.position()).row()
            collected.hard.extend(lines)
            rows.setdefault(row, []).extend(lines or [(0.0, 0.0)])
            if block.blockFormat().headingLevel() > 0:
                headings.add(row)
        elif lines:
            _paragraph(collected, block, lines)
        block = block.next()
    if current is not None:
        _table(document, collected, current, rows, headings, page_height, rule)
    for unit, following in zip(collected.units, collected.units[1:], strict=False):
        if unit.heading:   # keep a heading with the first lines of what follows
            collected.soft.append((unit.top, following.first_bottom))
    return collected


def _move_out(y: float, start: float, intervals: list[tuple[float, float]],
              longest: float | None) -> float:
    """Move a break upwards until it is not inside any of the intervals (that fit a page)."""
    moved = True
    while moved:
        moved = False
        for top, bottom in intervals:
            if top + EPSILON < y < bottom - EPSILON and top > start + EPSILON and (
                    longest is None or bottom - top <= longest):
                y, moved = top, True
    return y


def _header_for(start: float, tables: list[_Table]) -> tuple[float, float] | None:
    for table in tables:
        if table.header and table.header[1] - EPSILON <= start < table.bottom - EPSILON:
            return table.header
    return None


def paginate(document: QTextDocument, page_height: float, rule: float = 0.0) -> list[Slice]:
    """Slices of the document (laid out without pages, `setTextWidth`), one per page.
    `rule` is the width of a table's row rule (1 CSS px) in the document's units."""
    total = document.documentLayout().documentSize().height()
    collected = _collect(document, page_height, rule)
    tops = sorted({top for top, _ in collected.soft + collected.hard})
    slices: list[Slice] = []
    start = 0.0
    while start < total - EPSILON:
        header = _header_for(start, collected.tables)
        capacity = page_height - (header[1] - header[0] if header else 0.0)
        end = start + capacity
        if end >= total - EPSILON:
            slices.append(Slice(start, total, header))
            break
        cut = _move_out(end, start, collected.soft, capacity)
        cut = _move_out(cut, start, collected.hard, None)
        if cut <= start + EPSILON:
            cut = end
        slices.append(Slice(start, cut, header))
        following = [top for top in tops if top >= cut - EPSILON]
        start = max(cut, following[0]) if following else total
    return slices or [Slice(0.0, max(total, 1.0))]
