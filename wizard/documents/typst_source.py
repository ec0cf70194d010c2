"""The Typst source of the documents, rendered by Jinja, with every value as data.

The templates (`templates/*.typ.j2`, a department's own in its overlay) are Jinja templates whose
literal text is Typst source. Everything a template prints with `{{ … }}` becomes data: the value
goes into a numbered table, and the source only says `#value(17);` (or `value(17)` with the
`ref` filter, for Typst code). The table reaches Typst as JSON through `sys.inputs`, and
Typst shows its strings as text: no text from the session, the rulebook or the chrome is ever
parsed as Typst markup or code, so `#sys.exit()`, `*x*`, `$x$`, `<label>` and `@ref` come out
as they were typed.

The one exception is the output of a template macro (a `{% macro %}` of the templates): it is
template text with its own values already numbered, so it stays source. Anything else (a string,
a number, a string made from a macro's output) is data.

Typst itself must not reach outside the program: the rendered source may import only the
program's own Typst library, and may not use `eval` (which could import anything) or `std`
(through which `eval` can be reached); `check_source` refuses anything else before Typst sees it.
"""

from __future__ import annotations

import contextvars
import re
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import jinja2
from jinja2.compiler import CodeGenerator
from jinja2.runtime import Macro
from jinja2.sandbox import ImmutableSandboxedEnvironment

from wizard.core.errors import InputError
from wizard.core.text import close_bidi
from wizard.documents.chrome import fill
from wizard.documents.linebreaks import pieces
from wizard.documents.style import HouseStyle
from wizard.documents.templating import bytecode_cache, overlay_key, template_loader

LIBRARY = "adviesgesprek.typ"  # the Typst library of templates/, the only file Typst may import
MAX_DATA = 1_500_000  # characters a document may print in all (some 600 pages; see `DataTable`)
_ALLOWED_IMPORT = re.compile(r'#(?:import|include) "' + re.escape(LIBRARY) + r'"')
_KEYWORD = re.compile(r"\b(import|include|eval|std)\b")


class TypstCode(str):
    """Typst source made by the templates themselves (a macro's output, a `ref`)."""


class DataTable:
    """The values a render printed, each once, in the order first printed."""

    def __init__(self, clean: Callable[[str], str]) -> None:
        self.values: list[str | list[str]] = []
        self.index: dict[tuple[str, bool], int] = {}
        self.clean = clean
        self.printed = 0

    def number(self, value: Any, breakable: bool = True) -> int:
        """The number of the value; `breakable`: a long run may break (shown in the text), else
        one string (for Typst code: a title, an author)."""
        text = self.clean(close_bidi(str(value)))
        self.printed += len(text)
        if self.printed > MAX_DATA:
            raise InputError(
                f"het document wordt te lang om op te maken (meer dan "
                f"{MAX_DATA // 2500} pagina's); maak de lange teksten in het "
                "gesprek korter"
            )
        key = (text, breakable)
        if key not in self.index:
            self.index[key] = len(self.values)
            self.values.append(pieces(text) if breakable else text)
        return self.index[key]


_TABLE: contextvars.ContextVar[DataTable] = contextvars.ContextVar("typst_data_table")


@jinja2.pass_context
def _as_data(_context: Any, value: Any) -> str:
    """What `{{ … }}` prints: a macro's Typst code as it is, anything else as a numbered value.
    (Taking the context keeps Jinja from folding constants at compile time.)"""
    if isinstance(value, jinja2.Undefined):
        str(value)  # StrictUndefined: a missing value is an error, not an empty string
    if isinstance(value, TypstCode):
        return value
    return f"#value({_TABLE.get().number(value)});"


def _short(value: Any, limit: int = 120) -> str:
    """A text cut to `limit` characters, with "…" where it was cut: for a heading, which the
    PDF also keeps as a string of its own (at most 32,767 characters in PDF/A)."""
    text = str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


# Characters after which a text starts a new line (what `clean_text` leaves of them).
_LINE_BREAKS = re.compile("\r\n|[\n\r\v\f\x85\u2028\u2029]")
# What `few_lines` counts with: a line of a table cell holds at least this many characters
# (the kv-table's value column is some 320 pt wide; the widest glyphs, colour emoji at 10 pt,
# are under 13 pt), and this many lines of 10 pt type are less than half the 12 cm up to which
# `unbroken` (templates/adviesgesprek.typ) keeps a cell on one page.
_CELL_LINE = 24
_FEW_LINES = 15


def _few_lines(values: Any) -> bool:
    """Whether texts (a cell's value and note) certainly take so few lines that Typst need not
    measure them to know that the cell fits on one page (see `unbroken`). A text that may be
    longer is measured, as before: the answer never changes where a page breaks, only spares
    Typst laying out every short cell twice."""
    texts = values if isinstance(values, list | tuple) else [values]
    lines = 0
    for text in map(str, texts):
        if not text:
            continue  # no note
        for paragraph in _LINE_BREAKS.split(text):
            lines += max(1, -(-len(paragraph) // _CELL_LINE))
            if lines > _FEW_LINES:
                return False
    return True


def _ref(value: Any) -> TypstCode:
    """The value as a Typst expression, for Typst code: `#set document(title: {{ t|ref }})`."""
    return TypstCode(f"value({_TABLE.get().number(value, breakable=False)})")


class _SourceMacro(Macro):
    """A template macro whose output is Typst source (TypstCode), not data."""

    def __call__(self, *args: Any, **kwargs: Any) -> TypstCode:
        return TypstCode(super().__call__(*args, **kwargs))


class _CodeGenerator(CodeGenerator):
    """Jinja's code generator, with macros that return TypstCode."""

    def macro_def(self, macro_ref: Any, frame: Any) -> None:
        arg_tuple = ", ".join(repr(x.name) for x in macro_ref.node.args)
        name = getattr(macro_ref.node, "name", None)
        if len(macro_ref.node.args) == 1:
            arg_tuple += ","
        self.write(
            f"environment.source_macro(environment, macro, {name!r}, ({arg_tuple}),"
            f" {macro_ref.accesses_kwargs!r}, {macro_ref.accesses_varargs!r},"
            f" {macro_ref.accesses_caller!r}, context.eval_ctx.autoescape)"
        )

    # `{% call f() %}` and `{% filter f %}` print what f returns without `finalize`; here they
    # go through it too, so that only a macro's own output stays source.

    def visit_CallBlock(self, node: Any, frame: Any) -> None:  # noqa: N802 - Jinja's name
        call_frame, macro_ref = self.macro_body(node, frame)
        self.writeline("caller = ")
        self.macro_def(macro_ref, call_frame)
        self.start_write(frame, node)
        self.write("environment.finalize(context, ")
        self.visit_Call(node.call, frame, forward_caller=True)
        self.write(")")
        self.end_write(frame)

    def visit_FilterBlock(self, node: Any, frame: Any) -> None:  # noqa: N802 - Jinja's name
        filter_frame = frame.inner()
        filter_frame.symbols.analyze_node(node)
        self.enter_frame(filter_frame)
        self.buffer(filter_frame)
        self.blockvisit(node.body, filter_frame)
        self.start_write(frame, node)
        self.write("environment.finalize(context, ")
        self.visit_Filter(node.filter, filter_frame)
        self.write(")")
        self.end_write(frame)
        self.leave_frame(filter_frame)


class _TypstEnvironment(jinja2.Environment):
    code_generator_class = _CodeGenerator
    source_macro = _SourceMacro


class _SandboxedTypstEnvironment(ImmutableSandboxedEnvironment):
    code_generator_class = _CodeGenerator
    source_macro = _SourceMacro


def _configure(environment: jinja2.Environment) -> jinja2.Environment:
    environment.filters["fill"] = fill
    environment.filters["ref"] = _ref
    environment.filters["short"] = _short
    environment.filters["few_lines"] = _few_lines
    for name in ("safe", "forceescape", "tojson", "xmlattr", "urlize"):
        environment.filters.pop(name, None)  # nothing here makes markup out of a value
    return environment


def _options() -> dict[str, Any]:
    return {
        "autoescape": False,
        "undefined": jinja2.StrictUndefined,
        "trim_blocks": True,
        "lstrip_blocks": True,
        "finalize": _as_data,
        "keep_trailing_newline": True,
    }


@cache
def _builtin_environment() -> jinja2.Environment:
    return _configure(
        _TypstEnvironment(
            loader=template_loader(),
            bytecode_cache=bytecode_cache("typst", Path(__file__)),
            **_options(),
        )
    )


@cache
def _sandboxed_environment(folders: tuple[str, ...], overlay: str) -> jinja2.Environment:
    return _configure(
        _SandboxedTypstEnvironment(loader=template_loader(folders, overlay), **_options())
    )


def environment(style: HouseStyle) -> jinja2.Environment:
    """One environment per set of template folders, made once per process."""
    if not style.folders:
        return _builtin_environment()
    return _sandboxed_environment(*overlay_key(style))


def check_source(source: str, name: str) -> None:
    """Refuse Typst code that could reach outside the program: any import or include other
    than the program's own library, `eval` and `std` (see the module docstring). Checked on the
    whole rendered source, so it holds whatever a template did to make it."""
    for match in _KEYWORD.finditer(source):
        start = match.start() - 1
        if match.group(1) in ("import", "include") and _ALLOWED_IMPORT.match(source, start):
            continue
        line = source.count("\n", 0, match.start()) + 1
        raise InputError(
            f"het sjabloon '{name}' gebruikt '{match.group(1)}'; een sjabloon mag "
            f'alleen "{LIBRARY}" importeren, geen ander bestand of pakket, en '
            "geen eval of std",
            line=line,
        )


def render_source(
    name: str, context: dict[str, Any], style: HouseStyle, clean: Callable[[str], str]
) -> tuple[str, list[str | list[str]]]:
    """(Typst source, data table) of the template `name`; `clean` makes each value fit for
    the PDF. A broken template becomes an InputError with a Dutch message."""
    table = DataTable(clean)
    token = _TABLE.set(table)
    try:
        source = environment(style).get_template(name).render(context)
    except jinja2.TemplateError as error:
        where = getattr(error, "filename", None) or name
        line = getattr(error, "lineno", None)
        raise InputError(
            f"het sjabloon '{Path(where).name}' kan niet worden gebruikt "
            f"({error.message or type(error).__name__})",
            line=line,
        ) from None
    except InputError:
        raise
    except Exception as error:
        if not style.template_dirs:
            raise
        raise InputError(
            f"een sjabloon van het aanvullende regelboek kan niet worden gebruikt "
            f"bij '{name}' ({type(error).__name__}: {error})"
        ) from None
    finally:
        _TABLE.reset(token)
    check_source(source, name)
    return source, table.values
