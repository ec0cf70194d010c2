"""A structural audit of a tagged PDF with pikepdf: what PDF/A-2a and PDF/UA-1 ask of the file
that can be checked without a validator (veraPDF or PAC; see packaging/README.md for those).

`audit(path)` returns a list of problems, empty when the file passes:
- the catalog: a structure tree, /MarkInfo /Marked true, /Lang nl-NL, and the viewer shows the
  document's title (/ViewerPreferences /DisplayDocTitle true);
- XMP: pdfaid part 2 conformance A, pdfuaid part 1, the title;
- every text showing operator is inside marked content with an MCID (tagged text) or inside an
  /Artifact (page header and footer, watermark), in pages and in the form XObjects they draw;
  every MCID is in the structure tree (the page's entry in the /ParentTree);
- headings without skipped levels, starting at H1;
- every font embedded (a font file, or a Type 3 font's own glyph procedures) with a ToUnicode
  map;
- every table header cell (TH) has a /Scope, and sits in a header row group (THead).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pikepdf

TEXT_OPERATORS = {"Tj", "TJ", "'", '"'}
HEADING = re.compile(r"^/H([1-6])$")


def _name(value: object) -> str:
    return str(value) if value is not None else ""


def _catalog(pdf: pikepdf.Pdf) -> list[str]:
    root = pdf.Root
    problems = []
    if "/StructTreeRoot" not in root:
        problems.append("no /StructTreeRoot")
    mark = root.get("/MarkInfo")
    if mark is None or not bool(mark.get("/Marked", False)):
        problems.append("/MarkInfo /Marked is not true")
    if _name(root.get("/Lang")) != "nl-NL":
        problems.append(f"/Lang is {root.get('/Lang')!r}, not nl-NL")
    preferences = root.get("/ViewerPreferences")
    if preferences is None or not bool(preferences.get("/DisplayDocTitle", False)):
        problems.append("/ViewerPreferences /DisplayDocTitle is not true")
    return problems


def _xmp(pdf: pikepdf.Pdf) -> list[str]:
    meta = pdf.open_metadata()
    problems = []
    if meta.get("pdfaid:part") != "2" or meta.get("pdfaid:conformance") != "A":
        problems.append(
            f"XMP pdfaid is {meta.get('pdfaid:part')}{meta.get('pdfaid:conformance')}, not 2A"
        )
    if meta.get("pdfuaid:part") != "1":
        problems.append(f"XMP pdfuaid:part is {meta.get('pdfuaid:part')}, not 1")
    info_title = str(pdf.docinfo.get("/Title", ""))
    if not info_title or meta.get("dc:title") != info_title:
        problems.append(f"XMP title {meta.get('dc:title')!r} is not the document's {info_title!r}")
    return problems


def _properties(operands: list, resources: pikepdf.Dictionary) -> pikepdf.Dictionary | None:
    if len(operands) < 2:
        return None
    props = operands[1]
    if isinstance(props, pikepdf.Name):
        props = resources.get("/Properties", {}).get(props)
    return props if isinstance(props, pikepdf.Dictionary) else None


def _walk_content(
    stream: object,
    resources: pikepdf.Dictionary,
    stack: list[tuple[str, bool]],
    where: str,
    mcids: set[int],
) -> Iterator[str]:
    """Problems of one content stream; `stack` holds (tag, tagged or artifact) of the open
    marked-content sequences."""
    for operands, operator in pikepdf.parse_content_stream(stream):
        op = str(operator)
        if op in ("BDC", "BMC"):
            tag = _name(operands[0])
            props = _properties(list(operands), resources) if op == "BDC" else None
            mcid = props.get("/MCID") if props is not None else None
            if mcid is not None:
                mcids.add(int(mcid))
            stack.append((tag, tag == "/Artifact" or mcid is not None))
        elif op == "EMC":
            if not stack:
                yield f"{where}: EMC without an open marked-content sequence"
            else:
                stack.pop()
        elif op in TEXT_OPERATORS:
            if not any(marked for _tag, marked in stack):
                yield f"{where}: text ({op}) outside a tag or an artifact"
        elif op == "Do":
            xobject = resources.get("/XObject", {}).get(operands[0])
            if xobject is not None and xobject.get("/Subtype") == "/Form":
                inner = xobject.get("/Resources", resources)
                yield from _walk_content(xobject, inner, list(stack), f"{where} form", mcids)
    if stack:
        yield f"{where}: {len(stack)} marked-content sequences left open"


def _parent_tree(pdf: pikepdf.Pdf) -> dict[int, object]:
    """The /ParentTree number tree as {key: value} (the leaves only)."""
    entries: dict[int, object] = {}

    def collect(node: pikepdf.Dictionary) -> None:
        nums = node.get("/Nums")
        if nums is not None:
            for index in range(0, len(nums), 2):
                entries[int(nums[index])] = nums[index + 1]
        for kid in node.get("/Kids", []):
            collect(kid)

    tree = pdf.Root.get("/StructTreeRoot", {}).get("/ParentTree")
    if tree is not None:
        collect(tree)
    return entries


def _content(pdf: pikepdf.Pdf) -> list[str]:
    problems = []
    parents = _parent_tree(pdf)
    for number, page in enumerate(pdf.pages, start=1):
        mcids: set[int] = set()
        problems += _walk_content(page, page.Resources, [], f"page {number}", mcids)
        key = page.obj.get("/StructParents")
        if mcids and key is None:
            problems.append(f"page {number}: marked content but no /StructParents")
            continue
        if mcids:
            owners = parents.get(int(key))
            if not isinstance(owners, pikepdf.Array):
                problems.append(f"page {number}: no /ParentTree entry")
                continue
            for mcid in mcids:
                if mcid >= len(owners) or not isinstance(owners[mcid], pikepdf.Dictionary):
                    problems.append(f"page {number}: MCID {mcid} is in no structure element")
    return problems


def structure(pdf: pikepdf.Pdf) -> Iterator[tuple[str, pikepdf.Dictionary, list[str]]]:
    """Every structure element in reading order: (role, element, roles of its ancestors)."""
    if "/StructTreeRoot" not in pdf.Root:
        return
    role_map = pdf.Root.StructTreeRoot.get("/RoleMap", {})

    def walk(node: object, ancestors: list[str]) -> Iterator:
        if not isinstance(node, pikepdf.Dictionary) or "/S" not in node:
            return
        role = _name(node.S)
        role = _name(role_map.get(role, role))
        yield role, node, ancestors
        kids = node.get("/K")
        for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
            yield from walk(kid, [*ancestors, role])

    kids = pdf.Root.StructTreeRoot.get("/K")
    for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
        yield from walk(kid, [])


def _headings(pdf: pikepdf.Pdf) -> list[str]:
    levels = [
        int(match.group(1)) for role, _node, _up in structure(pdf) if (match := HEADING.match(role))
    ]
    problems = []
    if not levels or levels[0] != 1:
        problems.append(f"the first heading is not H1 ({levels[:1]})")
    for previous, level in zip(levels, levels[1:], strict=False):
        if level > previous + 1:
            problems.append(f"heading level skipped: H{previous} then H{level}")
    return problems


def _scope(node: pikepdf.Dictionary) -> object:
    attributes = node.get("/A")
    for attribute in attributes if isinstance(attributes, pikepdf.Array) else [attributes]:
        if isinstance(attribute, pikepdf.Dictionary) and "/Scope" in attribute:
            return attribute.Scope
    return None


def _tables(pdf: pikepdf.Pdf) -> list[str]:
    problems = []
    for role, node, ancestors in structure(pdf):
        if role == "/TH":
            if _scope(node) is None:
                problems.append("a TH without /Scope")
            if "/THead" not in ancestors:
                problems.append("a TH outside a header row group (THead)")
    return problems


def _fonts(pdf: pikepdf.Pdf) -> list[str]:
    problems = []
    for obj in pdf.objects:
        if not isinstance(obj, pikepdf.Dictionary) or obj.get("/Type") != "/Font":
            continue
        subtype = _name(obj.get("/Subtype"))
        if subtype == "/CIDFontType0" or subtype == "/CIDFontType2":
            continue  # checked through the Type 0 font that uses it
        name = _name(obj.get("/BaseFont") or obj.get("/Name"))
        if "/ToUnicode" not in obj:
            problems.append(f"font {name} has no ToUnicode map")
        if subtype == "/Type3":
            if not obj.get("/CharProcs"):
                problems.append(f"Type 3 font {name} has no glyph procedures")
            continue
        descriptor_of = obj.DescendantFonts[0] if subtype == "/Type0" else obj
        descriptor = descriptor_of.get("/FontDescriptor", {})
        if not any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")):
            problems.append(f"font {name} is not embedded")
    return problems


def audit(path: Path) -> list[str]:
    """Every problem found (empty: the file passes)."""
    with pikepdf.open(path) as pdf:
        return (
            _catalog(pdf) + _xmp(pdf) + _content(pdf) + _headings(pdf) + _tables(pdf) + _fonts(pdf)
        )


def table_header_cells(path: Path) -> list[int]:
    """For every table in reading order, how many TH cells it has."""
    counts: list[int] = []
    with pikepdf.open(path) as pdf:
        for role, _node, _ancestors in structure(pdf):
            if role == "/Table":
                counts.append(0)
            elif role == "/TH" and counts:
                counts[-1] += 1
    return counts
