"""The documents' code itself (issue 27): its imports at the top of each module except at the
one named seam, no measured figures in its comments (they belong in bench/ and the history),
and one way of starting the page maker's process on every system."""

from __future__ import annotations

import ast
import re

from .conftest import ROOT

DOCUMENTS = ROOT / "wizard" / "documents"
# The imports inside a function that the start-up of the wizard needs, by (module, function):
# the wizard imports page_process for its client, and Typst and Jinja stay in the child.
SEAMS = {("page_process", "serve"): ["wizard.documents.typesetting"]}
FIGURE = re.compile(
    r"\d[\d.,]*\s*(ms|MB|MiB|kB|KB|GB|GiB)\b|\d+\.\d+ s\b|millisecond|megabyte", re.IGNORECASE
)


def _late_imports(tree: ast.Module) -> dict[str, list[str]]:
    """Per function, the modules it imports in its body (not under TYPE_CHECKING)."""
    found: dict[str, list[str]] = {}
    for function in ast.walk(tree):
        if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        for node in ast.walk(function):
            if isinstance(node, ast.Import):
                found.setdefault(function.name, []).extend(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                found.setdefault(function.name, []).append(node.module or "")
    return found


def test_imports_are_at_the_top_except_at_the_named_seam():
    late = {}
    for path in sorted(DOCUMENTS.glob("*.py")):
        source = path.read_text(encoding="utf-8")
        for function, modules in _late_imports(ast.parse(source)).items():
            late[(path.stem, function)] = modules
    assert late == SEAMS


def test_every_late_import_says_why_in_a_comment():
    for (module, _function), imported in SEAMS.items():
        lines = (DOCUMENTS / f"{module}.py").read_text(encoding="utf-8").splitlines()
        for name in imported:
            number = next(i for i, line in enumerate(lines) if f"from {name} import" in line)
            assert lines[number - 1].strip().startswith("#"), (module, name)


def test_no_comment_quotes_milliseconds_or_megabytes():
    found = [
        f"{path.name}:{number}: {line.strip()}"
        for path in sorted(DOCUMENTS.glob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if FIGURE.search(line)
    ]
    assert not found, found


def test_the_figure_finder_finds_figures():
    for text in ("about 40 ms", "80 MB once loaded", "188 MiB", "2.36 s against", "11 MB"):
        assert FIGURE.search(text), text
    assert not FIGURE.search("MAX_PPI = 600.0  # 35 million pixels")


def test_the_page_maker_starts_its_child_one_way_on_every_system():
    source = (DOCUMENTS / "page_process.py").read_text(encoding="utf-8")
    assert "subprocess.Popen(" in source
    assert "posix_spawn" not in source and "sys.platform" not in source
    assert 'getattr(subprocess, "CREATE_NO_WINDOW", 0)' in source
