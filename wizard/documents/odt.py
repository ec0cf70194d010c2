"""ODT (OpenDocument Text), the open standard for revisable government documents.

The ODT is written here from the documents' HTML (the small, known subset the templates use;
the same structure as the PDF's Typst source), into named styles an advisor can edit: real
headings (Kop 1-3, in the navigator), A4 with the same side margins as the PDF, a header with
the title and the minister's name, a footer with "pagina X van Y", the date and the rulebook,
table header rows that repeat, and rows that are kept together on a page. No Qt is needed.

Its parts are built from the templates in templates/odt/ (the styles, the frame of the content,
the metadata and the manifest) with `xml.etree`: the writer adds elements and text, the
templates' `$name` values come from the house style (wizard/house_style.py), and every text is
escaped by the XML library.
"""

from __future__ import annotations

import html.parser
import re
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from wizard import house_style
from wizard.core.advice import Advice
from wizard.documents.decoration import decoration, pdf_title
from wizard.documents.fonts import document_family
from wizard.documents.html import clean_text, document_html
from wizard.documents.style import HouseStyle
from wizard.paths import project_version, templates_dir

TEMPLATE_FOLDER = "odt"
HEADER_NAME_LIMIT = 80
_SPACE = re.compile(r"\s+")
_VALUE = re.compile(r"\$(\w+)")
_BLOCK_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6", "p", "ul", "ol", "table", "div"}
_VOID_TAGS = {"br", "meta", "hr", "img", "link", "input"}
_SKIP_TAGS = {"head", "style", "script", "title"}

NAMESPACES = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
    "svg": "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0",
    "dc": "http://purl.org/dc/elements/1.1/",
    "meta": "urn:oasis:names:tc:opendocument:xmlns:meta:1.0",
    "loext": "urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0",
    "manifest": "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0",
}
for _prefix, _uri in NAMESPACES.items():
    ET.register_namespace(_prefix, _uri)


def _name(prefixed: str) -> str:
    """'text:p' as ElementTree names it: '{urn:...:text:1.0}p'."""
    prefix, local = prefixed.split(":")
    return f"{{{NAMESPACES[prefix]}}}{local}"


def _element(
    parent: ET.Element, prefixed: str, attributes: dict[str, str] | None = None
) -> ET.Element:
    """A new child of `parent`: `_element(p, "text:span", {"text:style-name": "Strong"})`."""
    return ET.SubElement(
        parent, _name(prefixed), {_name(key): value for key, value in (attributes or {}).items()}
    )


def _add_text(parent: ET.Element, text: str) -> None:
    """Text at the end of `parent`: after its last child, or as its own text."""
    if len(parent):
        parent[-1].tail = (parent[-1].tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def _trim(paragraph: ET.Element) -> None:
    """No white space at the start or the end of a paragraph's own text."""
    if paragraph.text:
        paragraph.text = paragraph.text.lstrip()
    if len(paragraph):
        if paragraph[-1].tail:
            paragraph[-1].tail = paragraph[-1].tail.rstrip()
    elif paragraph.text:
        paragraph.text = paragraph.text.rstrip()


# --- a small tree of the templates' HTML ---------------------------------------------------


@dataclass
class Node:
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[Node | str] = field(default_factory=list)

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def elements(self, *tags: str) -> list[Node]:
        return [
            child
            for child in self.children
            if isinstance(child, Node) and (not tags or child.tag in tags)
        ]


class _TreeBuilder(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("root")
        self.stack = [self.root]
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self.skipping += 1
            return
        node = Node(tag, {name: value or "" for name, value in attrs})
        self.stack[-1].children.append(node)
        if tag not in _VOID_TAGS:
            self.stack.append(node)

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self.skipping = max(0, self.skipping - 1)
            return
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.stack[-1].children.append(data)


def parse_html(text: str) -> Node:
    builder = _TreeBuilder()
    builder.feed(text)
    builder.close()
    body = _find(builder.root, "body")
    return body or builder.root


def _find(node: Node, tag: str) -> Node | None:
    for child in node.elements():
        if child.tag == tag:
            return child
        found = _find(child, tag)
        if found:
            return found
    return None


# --- content.xml ---------------------------------------------------------------------------

_PARAGRAPH_CLASSES = {
    "subtitle": "Subtitle",
    "meta": "Meta",
    "lead": "Text_20_body",
    "muted": "Muted",
    "small": "Small",
}
BLANK = "\u00a0" * 30  # a line to write on: underlined no-break spaces
_SPAN_CLASSES = {"note": "Note", "mark": "Mark", "open": "Open"}
_CELL_STYLES = {
    "kv": ("KVLabel", "KVValue", "KV_20_Label", "Table_20_Contents"),
    "list": ("ListHead", "ListCell", "Table_20_Heading_20_Inverted", "Table_20_Contents"),
    "concept": ("ConceptCell", "ConceptCell", "Concept", "Concept"),
    "platform": ("PlatformCell", "PlatformCell", "Table_20_Contents", "Table_20_Contents"),
    "signatures": ("SignHead", "SignCell", "Table_20_Heading", "Table_20_Contents"),
    "lines": ("LineCell", "LineCell", "Table_20_Contents", "Table_20_Contents"),
}


class _ContentWriter:
    """Turns the HTML tree into the body of content.xml; the tables' column styles go into
    `automatic_styles`."""

    def __init__(self, automatic_styles: ET.Element) -> None:
        self.tables = 0
        self.automatic_styles = automatic_styles
        self.in_band = False  # inside the coloured band that names a platform

    # inline ------------------------------------------------------------------------------

    def inline(self, parent: ET.Element, nodes: list[Node | str]) -> None:
        for node in nodes:
            if isinstance(node, str):
                _add_text(parent, _SPACE.sub(" ", node))
            elif node.tag == "br":
                _element(parent, "text:line-break")
            elif node.tag in ("b", "strong", "th"):
                self.inline(
                    _element(parent, "text:span", {"text:style-name": "Strong"}), node.children
                )
            elif node.tag in ("i", "em"):
                self.inline(
                    _element(parent, "text:span", {"text:style-name": "Emphasis"}), node.children
                )
            elif node.tag == "span" and "blank" in node.classes:
                _element(parent, "text:span", {"text:style-name": "Blank"}).text = BLANK
            elif node.tag == "span" and node.classes & set(_SPAN_CLASSES):
                style = _SPAN_CLASSES[sorted(node.classes & set(_SPAN_CLASSES))[0]]
                self.inline(
                    _element(parent, "text:span", {"text:style-name": style}), node.children
                )
            else:
                self.inline(parent, node.children)

    def paragraph(self, parent: ET.Element, style: str, nodes: list[Node | str]) -> None:
        paragraph = _element(parent, "text:p", {"text:style-name": style})
        self.inline(paragraph, nodes)
        _trim(paragraph)

    # blocks ------------------------------------------------------------------------------

    def blocks(
        self, parent: ET.Element, nodes: list[Node | str], paragraph_style: str = "Text_20_body"
    ) -> None:
        pending: list[Node | str] = []

        def flush() -> None:
            if any(isinstance(item, Node) or item.strip() for item in pending):
                self.paragraph(parent, paragraph_style, pending)
            pending.clear()

        for node in nodes:
            if isinstance(node, Node) and node.tag in _BLOCK_TAGS | {"li", "thead", "tbody"}:
                flush()
                self.block(parent, node, paragraph_style)
            else:
                pending.append(node)
        flush()

    def block(self, parent: ET.Element, node: Node, paragraph_style: str) -> None:
        if node.tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.heading(parent, node)
        elif node.tag == "p":
            classes = node.classes & set(_PARAGRAPH_CLASSES)
            style = _PARAGRAPH_CLASSES[sorted(classes)[0]] if classes else paragraph_style
            self.paragraph(parent, style, node.children)
        elif node.tag in ("ul", "ol"):
            bullets = _element(parent, "text:list", {"text:style-name": "Bullets"})
            for item in node.elements("li"):
                self.blocks(_element(bullets, "text:list-item"), item.children, "List_20_Contents")
        elif node.tag == "table":
            self.table(parent, node)
        else:
            self.blocks(parent, node.children, paragraph_style)

    def heading(self, parent: ET.Element, node: Node) -> None:
        level = int(node.tag[1])
        if level == 1:
            self.paragraph(parent, "Title", node.children)
            return
        style = f"Heading_20_{level - 1}"
        if self.in_band:
            style = "Band_20_Heading"
        elif level == 2 and "annex" in node.classes:
            style = "Annex_20_Heading"  # an annex starts on a new page
        heading = _element(
            parent, "text:h", {"text:style-name": style, "text:outline-level": str(level - 1)}
        )
        self.inline(heading, node.children)
        _trim(heading)

    # tables ------------------------------------------------------------------------------

    def table(self, parent: ET.Element, node: Node) -> None:
        self.tables += 1
        name = f"Tabel{self.tables}"
        kind = next((cls for cls in node.classes if cls in _CELL_STYLES), "kv")
        header_rows: list[Node] = []
        body_rows: list[Node] = []
        for child in node.elements("thead", "tbody", "tr"):
            if child.tag == "thead":
                header_rows.extend(child.elements("tr"))
            elif child.tag == "tbody":
                body_rows.extend(child.elements("tr"))
            else:
                body_rows.append(child)
        widths = _column_widths(header_rows + body_rows)
        table = _element(parent, "table:table", {"table:name": name, "table:style-name": "Table"})
        for index, share in enumerate(widths):
            self.column(table, f"{name}.C{index}", share)
        self.in_band = kind == "platform"
        if header_rows:
            header = _element(table, "table:table-header-rows")
            for row in header_rows:
                self.row(header, row, kind, len(widths))
        for row in body_rows:
            self.row(table, row, kind, len(widths))
        self.in_band = False

    def column(self, table: ET.Element, style: str, share: float) -> None:
        column_style = _element(
            self.automatic_styles,
            "style:style",
            {"style:name": style, "style:family": "table-column"},
        )
        width = house_style.body_width() / 10 * share
        _element(
            column_style,
            "style:table-column-properties",
            {
                "style:column-width": f"{width:.2f}cm",
                "style:rel-column-width": f"{max(1, round(share * 10000))}*",
            },
        )
        _element(table, "table:table-column", {"table:style-name": style})

    def row(self, parent: ET.Element, row: Node, kind: str, columns: int) -> None:
        head_style, cell_style, head_paragraph, cell_paragraph = _CELL_STYLES[kind]
        table_row = _element(parent, "table:table-row", {"table:style-name": "Row"})
        used = 0
        for cell in row.elements("td", "th"):
            span = max(1, min(columns - used, _int(cell.attrs.get("colspan"), 1)))
            used += span
            is_head = cell.tag == "th"
            style = "SignLine" if "sign" in cell.classes else head_style if is_head else cell_style
            paragraph = (
                "Box" if "box" in cell.classes else head_paragraph if is_head else cell_paragraph
            )
            table_cell = _element(
                table_row,
                "table:table-cell",
                {"table:style-name": style, "office:value-type": "string"},
            )
            if span > 1:
                table_cell.set(_name("table:number-columns-spanned"), str(span))
            self.blocks(table_cell, cell.children, paragraph)
            if not len(table_cell):
                _element(table_cell, "text:p", {"text:style-name": paragraph})
            for _ in range(span - 1):
                _element(table_row, "table:covered-table-cell")
        for _ in range(columns - used):
            empty = _element(table_row, "table:table-cell", {"table:style-name": cell_style})
            _element(empty, "text:p")


def _int(value: str | None, default: int) -> int:
    try:
        return int(str(value))
    except ValueError:
        return default


def _column_widths(rows: list[Node]) -> list[float]:
    """Shares of the body width per column, from the first row's width="x%" attributes."""
    count = max(
        (
            sum(max(1, _int(cell.attrs.get("colspan"), 1)) for cell in row.elements("td", "th"))
            for row in rows
        ),
        default=1,
    )
    shares: list[float | None] = [None] * count
    for row in rows:
        position = 0
        for cell in row.elements("td", "th"):
            span = max(1, _int(cell.attrs.get("colspan"), 1))
            width = cell.attrs.get("width", "")
            if span == 1 and width.endswith("%") and position < count and shares[position] is None:
                try:
                    shares[position] = float(width[:-1]) / 100
                except ValueError:
                    pass
            position += span
    known = sum(share for share in shares if share is not None)
    unknown = [index for index, share in enumerate(shares) if share is None]
    rest = max(0.0, 1.0 - known)
    for index in unknown:
        shares[index] = rest / len(unknown) if rest > 0 else 1.0 / count
    total = sum(share or 0 for share in shares) or 1.0
    return [(share or 0) / total for share in shares]


# --- the parts -------------------------------------------------------------------------------


def _cm(millimetres: float) -> str:
    return f"{millimetres / 10:g}cm"


def _style_values(family: str) -> dict[str, str]:
    """What the templates' `$name` values are: the house style's colours and page, and the
    documents' font."""
    page, odt_page = house_style.PAGE, house_style.ODT_PAGE
    values = dict(house_style.COLOURS)
    values.update(
        {
            "page_width": _cm(page["width"]),
            "page_height": _cm(page["height"]),
            "margin_left": _cm(page["margin_left"]),
            "margin_right": _cm(page["margin_right"]),
            "margin_top": _cm(odt_page["margin_top"]),
            "margin_bottom": _cm(odt_page["margin_bottom"]),
            "header_height": _cm(odt_page["header_height"]),
            "header_gap": _cm(odt_page["header_gap"]),
            "footer_height": _cm(odt_page["footer_height"]),
            "footer_gap": _cm(odt_page["footer_gap"]),
            "body_width": _cm(house_style.body_width()),
            "body_centre": _cm(house_style.body_width() / 2),
            "font": family,
            "font_css": f"'{family}'" if " " in family else family,
        }
    )
    return values


@cache
def _template_text(name: str) -> str:
    return (templates_dir() / TEMPLATE_FOLDER / name).read_text(encoding="utf-8")


def _template(name: str, values: dict[str, str]) -> ET.Element:
    """A part's template, parsed: the white space between its elements dropped (it is indented
    for reading) and its `$name` values filled in."""
    root = ET.fromstring(_template_text(name))
    for element in root.iter():
        if element.text is not None and not element.text.strip():
            element.text = None
        if element.tail is not None and not element.tail.strip():
            element.tail = None
        for key, value in element.attrib.items():
            if "$" in value:
                element.set(key, _VALUE.sub(lambda match: values[match.group(1)], value))
    return root


def _xml(root: ET.Element) -> str:
    return '<?xml version="1.0" encoding="UTF-8"?>' + ET.tostring(root, encoding="unicode")


def _short(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _span(parent: ET.Element, style: str, text: str) -> None:
    _element(parent, "text:span", {"text:style-name": style}).text = text


def _page_number(parent: ET.Element, pattern: str) -> None:
    """'pagina {page} van {pages}' with ODF page fields in place of the placeholders."""
    for part in re.split(r"(\{page\}|\{pages\})", pattern):
        if part == "{page}":
            _element(parent, "text:page-number", {"text:select-page": "current"})
        elif part == "{pages}":
            _element(parent, "text:page-count")
        elif part:
            _add_text(parent, part)


def _styles(kind: str, advice: Advice, style: HouseStyle) -> ET.Element:
    """styles.xml: the template, with the header (title, CONCEPT, the minister) and the footer
    (date, rulebook, program; the page number)."""
    root = _template("styles.xml", _style_values(document_family(style)))
    marks = decoration(kind, advice, style)
    master = root.find(f"{_name('office:master-styles')}/{_name('style:master-page')}")
    header = master.find(f"{_name('style:header')}/{_name('text:p')}")
    _span(header, "Strong", _short(marks.title, 60))
    _element(header, "text:tab")
    if marks.concept:
        _span(header, "ConceptMark", marks.concept_label)
    _element(header, "text:tab")
    _span(header, "Plain", _short(marks.minister, HEADER_NAME_LIMIT))
    footer = master.find(f"{_name('style:footer')}/{_name('text:p')}")
    footer.text = marks.footer
    _element(footer, "text:tab")
    _page_number(footer, marks.page_pattern)
    return root


def _content(kind: str, advice: Advice, style: HouseStyle) -> ET.Element:
    """content.xml: the template, with the document's HTML as its body."""
    root = _template("content.xml", _style_values(document_family(style)))
    automatic_styles = root.find(_name("office:automatic-styles"))
    body = root.find(f"{_name('office:body')}/{_name('office:text')}")
    tree = parse_html(document_html(kind, advice, style))
    _ContentWriter(automatic_styles).blocks(body, tree.children)
    return root


def _meta(kind: str, advice: Advice, style: HouseStyle) -> ET.Element:
    """meta.xml: the program, the title and the author (the advisor), when known."""
    root = _template("meta.xml", {})
    meta = root.find(_name("office:meta"))
    meta.find(_name("meta:generator")).text = f"Adviesgesprek {project_version()}"
    meta.find(_name("dc:title")).text = pdf_title(kind, advice, style)[:200]
    creator = meta.find(_name("meta:initial-creator"))
    author = " ".join(advice.conversation.advisor.split())[:200]
    if author:
        creator.text = author
    else:
        meta.remove(creator)
    return root


def odt_parts(kind: str, advice: Advice, style: HouseStyle) -> dict[str, str]:
    """The XML parts of the ODT (content.xml, styles.xml, meta.xml)."""
    parts = {
        "content.xml": _content(kind, advice, style),
        "styles.xml": _styles(kind, advice, style),
        "meta.xml": _meta(kind, advice, style),
    }
    return {name: clean_text(_xml(root)) for name, root in parts.items()}


def write_odt(kind: str, advice: Advice, style: HouseStyle, path: Path | str) -> Path:
    """Write the document `kind` as an ODT file at `path`."""
    path = Path(path)
    parts = odt_parts(kind, advice, style)
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(
            zipfile.ZipInfo("mimetype"),
            "application/vnd.oasis.opendocument.text",
            compress_type=zipfile.ZIP_STORED,
        )
        archive.writestr(
            "META-INF/manifest.xml",
            _template_text("manifest.xml"),
            compress_type=zipfile.ZIP_DEFLATED,
        )
        for name, xml in parts.items():
            archive.writestr(name, xml.encode("utf-8"), compress_type=zipfile.ZIP_DEFLATED)
    return path
