"""ODT (OpenDocument Text), the open standard for revisable government documents.

The ODT is written here from the documents' HTML (the small, known subset the templates use;
the same structure as the PDF's Typst source), into named styles an advisor can edit: real
headings (Kop 1-3, in the navigator), A4 with the same margins as the PDF, a header with the
title and the minister's name, a footer with "pagina X van Y", the date and the rulebook, table
header rows that repeat, and rows that are kept together on a page. No Qt is needed.
"""

from __future__ import annotations

import html.parser
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from wizard.core.engine import Advice, advise
from wizard.core.rulebook import Rulebook
from wizard.core.session import Session
from wizard.documents.decoration import decoration, pdf_title
from wizard.documents.fonts import document_family
from wizard.documents.html import clean_text, document_html
from wizard.paths import project_version

BODY_WIDTH_CM = 16.6
TABS = ('<style:tab-stops><style:tab-stop style:position="8.3cm" style:type="center"/>'
        '<style:tab-stop style:position="16.6cm" style:type="right"/></style:tab-stops>')
FOOTER_TABS = ('<style:tab-stops><style:tab-stop style:position="16.6cm" style:type="right"/>'
               "</style:tab-stops>")
HEADER_NAME_LIMIT = 80
_SPACE = re.compile(r"\s+")
_BLOCK_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6", "p", "ul", "ol", "table", "div"}
_VOID_TAGS = {"br", "meta", "hr", "img", "link", "input"}
_SKIP_TAGS = {"head", "style", "script", "title"}

NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
      'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
      'xmlns:dc="http://purl.org/dc/elements/1.1/" '
      'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
      'xmlns:loext="urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0" '
      'office:version="1.3"')


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
        return [child for child in self.children if isinstance(child, Node)
                and (not tags or child.tag in tags)]


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

_PARAGRAPH_CLASSES = {"subtitle": "Subtitle", "meta": "Meta", "lead": "Text_20_body",
                      "muted": "Muted", "small": "Small"}
BLANK = "\u00a0" * 30   # a line to write on: underlined no-break spaces
_SPAN_CLASSES = {"note": "Note", "mark": "Mark", "open": "Open"}
_CELL_STYLES = {"kv": ("KVLabel", "KVValue", "KV_20_Label", "Table_20_Contents"),
                "list": ("ListHead", "ListCell", "Table_20_Heading_20_Inverted",
                         "Table_20_Contents"),
                "concept": ("ConceptCell", "ConceptCell", "Concept", "Concept"),
                "platform": ("PlatformCell", "PlatformCell", "Table_20_Contents",
                             "Table_20_Contents"),
                "signatures": ("SignHead", "SignCell", "Table_20_Heading", "Table_20_Contents"),
                "lines": ("LineCell", "LineCell", "Table_20_Contents", "Table_20_Contents")}


class _ContentWriter:
    def __init__(self) -> None:
        self.tables = 0
        self.column_styles: list[str] = []
        self.in_band = False   # inside the coloured band that names a platform

    # inline ------------------------------------------------------------------------------

    def inline(self, nodes: list[Node | str]) -> str:
        out = []
        for node in nodes:
            if isinstance(node, str):
                out.append(escape(_SPACE.sub(" ", node)))
            elif node.tag == "br":
                out.append("<text:line-break/>")
            elif node.tag in ("b", "strong", "th"):
                out.append(f'<text:span text:style-name="Strong">{self.inline(node.children)}'
                           "</text:span>")
            elif node.tag in ("i", "em"):
                out.append(f'<text:span text:style-name="Emphasis">{self.inline(node.children)}'
                           "</text:span>")
            elif node.tag == "span" and "blank" in node.classes:
                out.append(f'<text:span text:style-name="Blank">{BLANK}</text:span>')
            elif node.tag == "span" and node.classes & set(_SPAN_CLASSES):
                style = _SPAN_CLASSES[sorted(node.classes & set(_SPAN_CLASSES))[0]]
                out.append(f'<text:span text:style-name="{style}">{self.inline(node.children)}'
                           "</text:span>")
            else:
                out.append(self.inline(node.children))
        return "".join(out)

    def paragraph(self, style: str, nodes: list[Node | str]) -> str:
        text = _trim(self.inline(nodes))
        return f'<text:p text:style-name="{style}">{text}</text:p>'

    # blocks ------------------------------------------------------------------------------

    def blocks(self, nodes: list[Node | str], paragraph_style: str = "Text_20_body") -> str:
        out: list[str] = []
        pending: list[Node | str] = []

        def flush() -> None:
            if any(isinstance(item, Node) or item.strip() for item in pending):
                out.append(self.paragraph(paragraph_style, pending))
            pending.clear()

        for node in nodes:
            if isinstance(node, Node) and node.tag in _BLOCK_TAGS | {"li", "thead", "tbody"}:
                flush()
                out.append(self.block(node, paragraph_style))
            else:
                pending.append(node)
        flush()
        return "".join(out)

    def block(self, node: Node, paragraph_style: str) -> str:
        if node.tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            level = int(node.tag[1])
            style = "Title" if level == 1 else f"Heading_20_{level - 1}"
            if self.in_band and level > 1:
                style = "Band_20_Heading"
            elif level == 2 and "annex" in node.classes:
                style = "Annex_20_Heading"   # an annex starts on a new page
            text = _trim(self.inline(node.children))
            if level == 1:
                return f'<text:p text:style-name="Title">{text}</text:p>'
            return (f'<text:h text:style-name="{style}" text:outline-level="{level - 1}">'
                    f"{text}</text:h>")
        if node.tag == "p":
            classes = node.classes & set(_PARAGRAPH_CLASSES)
            style = _PARAGRAPH_CLASSES[sorted(classes)[0]] if classes else paragraph_style
            return self.paragraph(style, node.children)
        if node.tag in ("ul", "ol"):
            items = "".join(f"<text:list-item>{self.blocks(item.children, 'List_20_Contents')}"
                            "</text:list-item>" for item in node.elements("li"))
            return f'<text:list text:style-name="Bullets">{items}</text:list>'
        if node.tag == "table":
            return self.table(node)
        return self.blocks(node.children, paragraph_style)

    # tables ------------------------------------------------------------------------------

    def table(self, node: Node) -> str:
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
        rows = header_rows + body_rows
        widths = _column_widths(rows)
        columns = "".join(self._column(name, index, width) for index, width in enumerate(widths))
        self.in_band = kind == "platform"
        header = "".join(self.row(row, kind, len(widths)) for row in header_rows)
        body = "".join(self.row(row, kind, len(widths)) for row in body_rows)
        self.in_band = False
        if header:
            header = f"<table:table-header-rows>{header}</table:table-header-rows>"
        return (f'<table:table table:name="{name}" table:style-name="Table">{columns}'
                f"{header}{body}</table:table>")

    def _column(self, table: str, index: int, share: float) -> str:
        style = f"{table}.C{index}"
        self.column_styles.append(
            f'<style:style style:name="{style}" style:family="table-column">'
            f'<style:table-column-properties style:column-width="{BODY_WIDTH_CM * share:.2f}cm" '
            f'style:rel-column-width="{max(1, round(share * 10000))}*"/></style:style>')
        return f'<table:table-column table:style-name="{style}"/>'

    def row(self, row: Node, kind: str, columns: int) -> str:
        head_style, cell_style, head_paragraph, cell_paragraph = _CELL_STYLES[kind]
        cells = []
        used = 0
        for cell in row.elements("td", "th"):
            span = max(1, min(columns - used, _int(cell.attrs.get("colspan"), 1)))
            used += span
            is_head = cell.tag == "th"
            style = head_style if is_head else cell_style
            if "sign" in cell.classes:
                style = "SignLine"
            paragraph = head_paragraph if is_head else cell_paragraph
            if "box" in cell.classes:
                paragraph = "Box"
            spanned = f' table:number-columns-spanned="{span}"' if span > 1 else ""
            content = self.blocks(cell.children, paragraph) or \
                f'<text:p text:style-name="{paragraph}"/>'
            cells.append(f'<table:table-cell table:style-name="{style}" '
                         f'office:value-type="string"{spanned}>{content}</table:table-cell>')
            cells.extend("<table:covered-table-cell/>" for _ in range(span - 1))
        cells.extend(f'<table:table-cell table:style-name="{cell_style}"><text:p/>'
                     "</table:table-cell>" for _ in range(columns - used))
        return f'<table:table-row table:style-name="Row">{"".join(cells)}</table:table-row>'


def _int(value: str | None, default: int) -> int:
    try:
        return int(str(value))
    except ValueError:
        return default


def _trim(text: str) -> str:
    return text.strip()


def _column_widths(rows: list[Node]) -> list[float]:
    """Shares of the body width per column, from the first row's width="x%" attributes."""
    count = max((sum(max(1, _int(cell.attrs.get("colspan"), 1))
                     for cell in row.elements("td", "th")) for row in rows), default=1)
    shares: list[float | None] = [None] * count
    for row in rows:
        position = 0
        for cell in row.elements("td", "th"):
            span = max(1, _int(cell.attrs.get("colspan"), 1))
            width = cell.attrs.get("width", "")
            if span == 1 and width.endswith("%") and position < count and \
                    shares[position] is None:
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


# --- styles.xml and meta.xml ---------------------------------------------------------------


def _paragraph_style(name: str, display: str, parent: str = "Standard", *,
                     paragraph: str = "", text: str = "", extra: str = "",
                     inner: str = "") -> str:
    parent_attribute = f' style:parent-style-name="{parent}"' if parent else ""
    return (f'<style:style style:name="{name}" style:display-name="{display}" '
            f'style:family="paragraph"{parent_attribute}{extra}>'
            f"<style:paragraph-properties {paragraph}>{inner}</style:paragraph-properties>"
            f"<style:text-properties {text}/></style:style>")


def _text_style(name: str, display: str, properties: str) -> str:
    return (f'<style:style style:name="{name}" style:display-name="{display}" '
            f'style:family="text"><style:text-properties {properties}/></style:style>')


def _cell_style(name: str, properties: str) -> str:
    return (f'<style:style style:name="{name}" style:family="table-cell">'
            f"<style:table-cell-properties {properties}/></style:style>")


def _styles_xml(family: str, header: str, footer: str) -> str:
    font = quoteattr(family)
    blue, grey, text = "#154273", "#555555", "#1a1a1a"
    keep = 'fo:keep-with-next="always"'
    styles = [
        _paragraph_style("Standard", "Standard", "", text=f"style:font-name={font} "
                         f'fo:font-size="10pt" fo:color="{text}"',
                         paragraph='fo:margin-top="0cm" fo:margin-bottom="0cm"'),
        _paragraph_style("Text_20_body", "Text body",
                         paragraph='fo:margin-top="0cm" fo:margin-bottom="0.18cm" '
                         'fo:line-height="120%"'),
        _paragraph_style("Title", "Title", text=f'fo:font-size="20pt" fo:font-weight="bold" '
                         f'fo:color="{blue}"', paragraph=f'fo:margin-bottom="0.1cm" {keep}'),
        _paragraph_style("Subtitle", "Subtitle", text=f'fo:font-size="12pt" fo:color="{blue}"',
                         paragraph=f'fo:margin-bottom="0.05cm" {keep}'),
        _paragraph_style("Meta", "Gegevens", text=f'fo:font-size="9pt" fo:color="{grey}"',
                         paragraph='fo:margin-bottom="0.35cm"'),
        _paragraph_style("Muted", "Toelichting", "Text_20_body", text=f'fo:color="{grey}"'),
        _paragraph_style("Heading", "Heading", text=f'fo:font-weight="bold" fo:color="{blue}"',
                         paragraph=keep),
        _paragraph_style("Heading_20_1", "Heading 1", "Heading", text='fo:font-size="13pt"',
                         paragraph='fo:margin-top="0.55cm" fo:margin-bottom="0.2cm"',
                         extra=' style:default-outline-level="1"'),
        _paragraph_style("Heading_20_2", "Heading 2", "Heading",
                         text=f'fo:font-size="10.5pt" fo:color="{text}"',
                         paragraph='fo:margin-top="0.35cm" fo:margin-bottom="0.1cm"',
                         extra=' style:default-outline-level="2"'),
        _paragraph_style("Heading_20_3", "Heading 3", "Heading", text='fo:font-size="10pt"',
                         extra=' style:default-outline-level="3"'),
        _paragraph_style("Band_20_Heading", "Kop platform", "Heading_20_2",
                         paragraph='fo:margin-top="0cm" fo:margin-bottom="0cm"',
                         text=f'fo:color="{blue}"'),
        _paragraph_style("Annex_20_Heading", "Kop bijlage", "Heading_20_1",
                         paragraph='fo:break-before="page" fo:margin-top="0cm"',
                         extra=' style:default-outline-level="1"'),
        _paragraph_style("Small", "Klein", "Text_20_body",
                         text=f'fo:font-size="8.5pt" fo:color="{grey}"',
                         paragraph='fo:margin-top="0.2cm"'),
        _paragraph_style("List_20_Contents", "List Contents",
                         paragraph='fo:margin-bottom="0.08cm"'),
        _paragraph_style("Table_20_Contents", "Table Contents"),
        _paragraph_style("Table_20_Heading", "Table Heading", text='fo:font-weight="bold"'),
        _paragraph_style("KV_20_Label", "Tabel label", text=f'fo:color="{grey}"'),
        _paragraph_style("Concept", "Concept", text='fo:color="#7a1008"',
                         paragraph='fo:margin-bottom="0.12cm"'),
        _paragraph_style("Box", "Vakje", text=f'fo:font-size="14pt" fo:color="{blue}"'),
        _paragraph_style("Header", "Header", inner=TABS,
                         text=f'fo:font-size="8.5pt" fo:color="{blue}"'),
        _paragraph_style("Footer", "Footer", inner=FOOTER_TABS,
                         text=f'fo:font-size="7.5pt" fo:color="{grey}"'),
        _paragraph_style("Table_20_Heading_20_Inverted", "Table Heading Inverted",
                         "Table_20_Heading", text='fo:color="#ffffff"'),
        _text_style("Strong", "Strong Emphasis", 'fo:font-weight="bold"'),
        _text_style("Emphasis", "Emphasis", 'fo:font-style="italic"'),
        _text_style("Note", "Noot", f'fo:font-size="8.5pt" fo:color="{grey}"'),
        _text_style("Mark", "Nadruk", f'fo:font-weight="bold" fo:color="{blue}"'),
        _text_style("Open", "Open punt", 'fo:font-weight="bold" fo:color="#a90061"'),
        _text_style("ConceptMark", "Conceptmerk", 'fo:font-weight="bold" fo:color="#b3261e"'),
        _text_style("Plain", "Gewoon", f'fo:color="{text}" fo:font-weight="normal"'),
        _text_style("Blank", "In te vullen", 'style:text-underline-style="solid" '
                    'style:text-underline-width="auto" style:text-underline-color="font-color"'),
    ]
    bullets = ('<text:list-style style:name="Bullets">'
               '<text:list-level-style-bullet text:level="1" text:bullet-char="•">'
               '<style:list-level-properties text:list-level-position-and-space-mode='
               '"label-alignment"><style:list-level-label-alignment text:label-followed-by='
               '"listtab" text:list-tab-stop-position="0.6cm" fo:text-indent="-0.4cm" '
               'fo:margin-left="0.6cm"/></style:list-level-properties>'
               "</text:list-level-style-bullet></text:list-style>")
    page_layout = (
        '<style:page-layout style:name="A4"><style:page-layout-properties '
        'fo:page-width="21cm" fo:page-height="29.7cm" style:print-orientation="portrait" '
        'fo:margin-top="1.3cm" fo:margin-bottom="1.1cm" fo:margin-left="2.2cm" '
        'fo:margin-right="2.2cm"/>'
        '<style:header-style><style:header-footer-properties fo:min-height="0.8cm" '
        f'fo:margin-bottom="0.5cm" fo:border-bottom="0.5pt solid {blue}" '
        'fo:padding-bottom="0.1cm"/></style:header-style>'
        '<style:footer-style><style:header-footer-properties fo:min-height="0.8cm" '
        'fo:margin-top="0.5cm" fo:border-top="0.5pt solid #5a5a5a" fo:padding-top="0.1cm"/>'
        "</style:footer-style></style:page-layout>")
    master = ('<style:master-page style:name="Standard" style:page-layout-name="A4">'
              f'<style:header><text:p text:style-name="Header">{header}</text:p></style:header>'
              f'<style:footer><text:p text:style-name="Footer">{footer}</text:p></style:footer>'
              "</style:master-page>")
    return (f'<?xml version="1.0" encoding="UTF-8"?><office:document-styles {NS}>'
            f'<office:font-face-decls><style:font-face style:name={font} '
            f"svg:font-family={quoteattr(_css_family(family))} "
            'style:font-family-generic="swiss"/></office:font-face-decls>'
            f"<office:styles>{''.join(styles)}{bullets}</office:styles>"
            f"<office:automatic-styles>{page_layout}</office:automatic-styles>"
            f"<office:master-styles>{master}</office:master-styles></office:document-styles>")


def _css_family(family: str) -> str:
    return f"'{family}'" if " " in family else family


def _automatic_styles(column_styles: list[str]) -> str:
    border = "0.75pt solid #d4d4d4"
    pad = 'fo:padding-top="0.1cm" fo:padding-bottom="0.1cm"'
    cells = [
        _cell_style("KVLabel", f'fo:border-bottom="{border}" {pad} fo:padding-right="0.2cm"'),
        _cell_style("KVValue", f'fo:border-bottom="{border}" {pad}'),
        _cell_style("ListHead", f'fo:background-color="#154273" {pad} fo:padding-left="0.15cm" '
                    'fo:padding-right="0.15cm"'),
        _cell_style("ListCell", f'fo:border-bottom="{border}" {pad} fo:padding-left="0.15cm" '
                    'fo:padding-right="0.15cm"'),
        _cell_style("ConceptCell", 'fo:background-color="#fbe9e7" '
                    'fo:border-left="3pt solid #d52b1e" fo:padding="0.25cm"'),
        _cell_style("PlatformCell", 'fo:background-color="#e8eef5" fo:padding="0.15cm"'),
        _cell_style("SignHead", 'fo:padding-bottom="0.2cm"'),
        _cell_style("SignCell", 'fo:padding-top="0.12cm" fo:padding-bottom="0.12cm" '
                    'fo:padding-right="0.4cm"'),
        _cell_style("SignLine", 'fo:border-bottom="0.75pt solid #1a1a1a" fo:padding-top="1.2cm" '
                    'fo:padding-right="0.4cm"'),
        _cell_style("LineCell", 'fo:border-bottom="0.75pt solid #b0b0b0" fo:padding-top="0.6cm"'),
    ]
    table = ('<style:style style:name="Table" style:family="table"><style:table-properties '
             f'style:width="{BODY_WIDTH_CM}cm" table:align="margins" fo:margin-top="0.05cm" '
             'fo:margin-bottom="0.3cm" table:border-model="collapsing"/></style:style>')
    row = ('<style:style style:name="Row" style:family="table-row">'
           '<style:table-row-properties fo:keep-together="always"/></style:style>')
    return table + row + "".join(cells) + "".join(column_styles)


def _meta_xml(title: str, author: str) -> str:
    creator = f"<meta:initial-creator>{escape(author)}</meta:initial-creator>" if author else ""
    return (f'<?xml version="1.0" encoding="UTF-8"?><office:document-meta {NS}><office:meta>'
            f"<meta:generator>Adviesgesprek {escape(project_version())}</meta:generator>"
            f"<dc:title>{escape(title)}</dc:title><dc:language>nl-NL</dc:language>{creator}"
            "</office:meta></office:document-meta>")


MANIFEST = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
            'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
            'manifest:version="1.3">'
            '<manifest:file-entry manifest:full-path="/" manifest:version="1.3" '
            'manifest:media-type="application/vnd.oasis.opendocument.text"/>'
            '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
            '<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>'
            '<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>'
            "</manifest:manifest>")


def _short(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def _page_number(pattern: str) -> str:
    """'pagina {page} van {pages}' with ODF page fields in place of the placeholders."""
    parts = re.split(r"(\{page\}|\{pages\})", pattern)
    fields = {"{page}": '<text:page-number text:select-page="current"/>',
              "{pages}": "<text:page-count/>"}
    return "".join(fields.get(part, escape(part)) for part in parts)


def odt_bytes(kind: str, session: Session, rulebook: Rulebook,
              advice: Advice | None = None) -> dict[str, str]:
    """The XML parts of the ODT (content.xml, styles.xml, meta.xml)."""
    advice = advice or advise(session, rulebook)
    tree = parse_html(document_html(kind, session, rulebook, advice))
    writer = _ContentWriter()
    body = writer.blocks(tree.children)
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {NS}>'
               f"<office:automatic-styles>{_automatic_styles(writer.column_styles)}"
               "</office:automatic-styles>"
               f"<office:body><office:text>{body}</office:text></office:body>"
               "</office:document-content>")
    marks = decoration(kind, rulebook, advice)
    concept = (f'<text:tab/><text:span text:style-name="ConceptMark">'
               f"{escape(marks.concept_label)}</text:span>") if marks.concept else "<text:tab/>"
    header = (f'<text:span text:style-name="Strong">{escape(_short(marks.title, 60))}</text:span>'
              f'{concept}<text:tab/><text:span text:style-name="Plain">'
              f"{escape(_short(marks.minister, HEADER_NAME_LIMIT))}</text:span>")
    footer = f"{escape(marks.footer)}<text:tab/>{_page_number(marks.page_pattern)}"
    author = " ".join(advice.conversation["advisor"].split())
    parts = {"content.xml": content,
             "styles.xml": _styles_xml(document_family(rulebook), header, footer),
             "meta.xml": _meta_xml(pdf_title(kind, advice, rulebook)[:200], author[:200])}
    return {name: clean_text(xml) for name, xml in parts.items()}


def write_odt(kind: str, session: Session, rulebook: Rulebook, path: Path | str,
              advice: Advice | None = None) -> Path:
    """Write the document `kind` as an ODT file at `path`."""
    path = Path(path)
    parts = odt_bytes(kind, session, rulebook, advice)
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text",
                         compress_type=zipfile.ZIP_STORED)
        archive.writestr("META-INF/manifest.xml", MANIFEST, compress_type=zipfile.ZIP_DEFLATED)
        for name, xml in parts.items():
            archive.writestr(name, xml.encode("utf-8"), compress_type=zipfile.ZIP_DEFLATED)
    return path
