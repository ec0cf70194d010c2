"""The program's layers, read from its source (DESIGN principles 2 and 3): the core imports no Qt
and no Jinja and has no import cycle, not even one hidden by an import inside a function; the
outputs (wizard/documents, wizard/ui, the command line) present `Advice` and never read the
rulebook's raw data."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from .conftest import ROOT

WIZARD = ROOT / "wizard"


def _modules(folder: Path) -> dict[str, ast.Module]:
    return {
        ".".join(path.relative_to(ROOT).with_suffix("").parts): ast.parse(path.read_text("utf-8"))
        for path in sorted(folder.rglob("*.py"))
    }


def _imported(tree: ast.Module, name: str) -> set[str]:
    """Every module the source imports anywhere (top level, inside functions, under
    TYPE_CHECKING), as dotted names."""
    package = name.rsplit(".", 1)[0]
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1])
                base = f"{base}.{node.module}" if node.module else base
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """A cycle in the graph, as the modules along it, or None."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for target in sorted(graph[node]):
            if state.get(target) == 1:
                return stack[stack.index(target) :] + [target]
            if target not in state:
                found = visit(target)
                if found:
                    return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state:
            found = visit(node)
            if found:
                return found
    return None


def test_the_core_has_no_import_cycle():
    modules = _modules(WIZARD / "core")
    graph = {
        name: {target for target in _imported(tree, name) if target in modules and target != name}
        for name, tree in modules.items()
    }
    assert _cycle(graph) is None, " -> ".join(_cycle(graph) or [])


def test_the_cycle_finder_finds_a_cycle():
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None


@pytest.mark.parametrize("forbidden", ["PySide6", "jinja2"])
def test_the_core_knows_nothing_of_qt_or_jinja(forbidden):
    for name, tree in _modules(WIZARD / "core").items():
        imported = _imported(tree, name)
        assert not [item for item in imported if item.split(".")[0] == forbidden], name


def _reads_rulebook_data(tree: ast.Module) -> list[int]:
    """The lines where the source reads `<something>.data` of a rulebook (`rulebook.data`,
    `self.rulebook.data`, `model.rulebook.data`)."""
    lines = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and node.attr == "data"
            and isinstance(node.value, ast.Attribute | ast.Name)
            and (getattr(node.value, "attr", None) or getattr(node.value, "id", "")) == "rulebook"
        ):
            lines.append(node.lineno)
    return lines


@pytest.mark.parametrize("layer", ["ui", "documents"])
def test_outputs_never_read_the_rulebooks_data(layer):
    """(That the documents never advise either is tests/documents/test_invariants.py's.)"""
    offenders = {
        name: lines
        for name, tree in _modules(WIZARD / layer).items()
        if (lines := _reads_rulebook_data(tree))
    }
    cli = _reads_rulebook_data(ast.parse((WIZARD / "cli.py").read_text("utf-8")))
    assert not offenders and not cli, (offenders, cli)


def test_the_rule_reader_finder_finds_a_reader():
    tree = ast.parse("x = self.rulebook.data['variants']\ny = rulebook.data\nz = model.data")
    assert sorted(_reads_rulebook_data(tree)) == [1, 2]
