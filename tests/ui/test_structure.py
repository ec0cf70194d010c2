"""How the wizard's own code is built (issue 27, "Plain Qt"), read from its source: the window and
its start import each other in no cycle; the wizard imports at the top of its modules, except at
the seams to the documents; nothing names a private internal of PySide6 or CPython; and no
comment quotes milliseconds or megabytes (they belong in bench/ and the history)."""

from __future__ import annotations

import ast
import io
import re
import tokenize
from pathlib import Path

from tests.test_layers import _cycle, _imported

ROOT = Path(__file__).resolve().parents[2]
WIZARD = ROOT / "wizard"
#: the window's modules that may import inside a function: the documents, made when asked for
SEAMS = {"documents_page.py", "page_preview.py"}
#: library internals that are documented for use (PyInstaller's folder of a frozen program)
DOCUMENTED = {("sys", "_MEIPASS")}
#: packages that are a library's private internals, whatever their names
PRIVATE_PACKAGES = {"shibokensupport"}
FIGURE = re.compile(r"\b\d+(?:[.,]\d+)?\s?(?:ms|MB|MiB|KB|KiB|kB|GB)\b")


def window_modules() -> dict[str, Path]:
    """wizard/ui and wizard/app.py (the start), by dotted name."""
    paths = [*sorted((WIZARD / "ui").glob("*.py")), WIZARD / "app.py", WIZARD / "__main__.py"]
    return {".".join(path.relative_to(ROOT).with_suffix("").parts): path for path in paths}


def own_modules() -> dict[str, Path]:
    """The window's modules apart from the seams to the documents."""
    return {name: path for name, path in window_modules().items() if path.name not in SEAMS}


def parsed(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"))


def test_the_window_and_its_start_have_no_import_cycle():
    modules = window_modules()
    graph = {
        name: {
            target
            for target in _imported(parsed(path), name)
            if target in modules and target != name
        }
        for name, path in modules.items()
    }
    assert "wizard.ui.main_window" in graph["wizard.app"]  # (the graph is the real one)
    assert "wizard.app" not in graph["wizard.ui.main_window"]
    assert _cycle(graph) is None, " -> ".join(_cycle(graph) or [])


def imports_inside(tree: ast.Module) -> list[int]:
    """The lines of the imports that are not at the top level of the module (in a function, a
    class, or under `if TYPE_CHECKING:`)."""
    top = {id(node) for node in tree.body}
    return [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom) and id(node) not in top
    ]


def test_the_window_imports_at_the_top_of_its_modules():
    inside = {
        name: lines
        for name, path in own_modules().items()
        if (lines := imports_inside(parsed(path)))
    }
    assert inside == {}


def test_the_import_finder_finds_imports_inside():
    tree = ast.parse("import os\nif X:\n    import sys\ndef f():\n    from json import dumps\n")
    assert imports_inside(tree) == [3, 5]


def test_no_class_is_made_inside_a_function():
    found = []
    for path in sorted(WIZARD.rglob("*.py")):
        for node in ast.walk(parsed(path)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                found += [
                    f"{path.relative_to(ROOT)}:{inner.lineno}"
                    for inner in ast.walk(node)
                    if isinstance(inner, ast.ClassDef)
                ]
    assert found == []


def private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def private_names(tree: ast.Module) -> list[str]:
    """What the source names of another's private internals: a module or package whose name
    starts with "_" (or is private by name: PRIVATE_PACKAGES), and an attribute that starts with
    "_" of anything but the object itself (`sys._getframe`, `feature._mod_uses_pyside`), also
    through getattr, setattr and hasattr."""
    found = []
    for node in ast.walk(tree):
        owner = attribute = None
        if isinstance(node, ast.Import | ast.ImportFrom):
            module = node.module if isinstance(node, ast.ImportFrom) and not node.level else ""
            for alias in node.names:
                dotted = f"{module}.{alias.name}" if module else alias.name
                parts = dotted.split(".")
                if any(map(private, parts)) or parts[0] in PRIVATE_PACKAGES:
                    found.append(dotted)
        elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            owner, attribute = node.value.id, node.attr
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in ("getattr", "setattr", "hasattr", "delattr")
            and len(node.args) >= 2
            and isinstance(node.args[0], ast.Name)
            and isinstance(node.args[1], ast.Constant)
            and isinstance(node.args[1].value, str)
        ):
            owner, attribute = node.args[0].id, node.args[1].value
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            if node.value.split(".")[0] in PRIVATE_PACKAGES:
                found.append(node.value)
        if (
            attribute is not None
            and private(attribute)
            and owner not in ("self", "cls")
            and (owner, attribute) not in DOCUMENTED
        ):
            found.append(f"{owner}.{attribute}")
    return found


def test_nothing_in_the_wizard_names_a_private_internal_of_a_library():
    found = {
        str(path.relative_to(ROOT)): names
        for path in sorted(WIZARD.rglob("*.py"))
        if (names := private_names(parsed(path)))
    }
    assert found == {}


def test_the_private_name_finder_finds_them():
    source = (
        "import sys\nimport _blake2\nfrom PySide6 import QtCore\n"
        "frame = sys._getframe()\nbase = getattr(sys, '_MEIPASS', None)\n"
        "feature = sys.modules.get('shibokensupport.feature')\n"
        "original = getattr(feature, '_mod_uses_pyside', None)\n"
        "feature._mod_uses_pyside = original\nsetattr(QtCore, '_hidden', 1)\n"
        "self._own = 1\n"
    )
    assert sorted(private_names(ast.parse(source))) == [
        "QtCore._hidden",
        "_blake2",
        "feature._mod_uses_pyside",
        "feature._mod_uses_pyside",
        "shibokensupport.feature",
        "sys._getframe",
    ]


def figures(source: str) -> list[str]:
    """Milliseconds and megabytes quoted in the comments and docstrings of a module."""
    found = []
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        is_text = token.type == tokenize.COMMENT or (
            token.type == tokenize.STRING and token.string.startswith(('"""', "'''"))
        )
        if is_text:
            found += [f"{token.start[0]}: {match}" for match in FIGURE.findall(token.string)]
    return found


def test_no_comment_of_the_window_quotes_milliseconds_or_megabytes():
    found = {
        name: quoted
        for name, path in own_modules().items()
        if (quoted := figures(path.read_text(encoding="utf-8")))
    }
    assert found == {}


def test_the_figure_finder_finds_them():
    source = 'x = 1  # costs 15 ms\ndef f():\n    """Saves 0.3 MB."""\ny = "10 ms"\n'
    assert figures(source) == ["1: 15 ms", "3: 0.3 MB"]


#: the seams where the program imports inside a function (README, "Layout"): the documents
#: from the command line and from the Documenten page, the wizard and the page maker from the
#: command line, the page maker's own process
PROGRAM_SEAMS = {"cli.py", "documents_page.py", "page_preview.py", "page_process.py"}
MOST_INSIDE = 15  # issue 27


def test_the_program_imports_inside_functions_only_at_its_seams():
    inside = {
        str(path.relative_to(ROOT)): lines
        for path in sorted(WIZARD.rglob("*.py"))
        if (lines := imports_inside(parsed(path)))
    }
    assert {Path(name).name for name in inside} <= PROGRAM_SEAMS, inside
    assert sum(map(len, inside.values())) <= MOST_INSIDE, inside
