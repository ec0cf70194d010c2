"""The Jinja environments of the documents' HTML (the documents' words, templates/documents.yaml,
are `HouseStyle.labels`, wizard/documents/style.py).

The built-in templates run in a plain Environment with autoescaping and StrictUndefined; a
department overlay that brings its own templates (`HouseStyle.template_dirs`) gets an immutable
sandboxed environment instead, in which the overlay's templates come first and the built-in ones
fill in what it leaves out. Text from the session only ever reaches a template as data, so it is
escaped, never parsed as template code. An overlay's template that is a link to a file outside
the overlay's folder is refused (`OverlayLoader`).
"""

from __future__ import annotations

import os
import posixpath
import re
import sys
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

import jinja2
from jinja2.loaders import split_template_path
from jinja2.sandbox import ImmutableSandboxedEnvironment
from markupsafe import Markup, escape

from wizard.core.datacache import fingerprint
from wizard.core.errors import InputError
from wizard.core.text import close_bidi
from wizard.documents.chrome import fill
from wizard.documents.style import HouseStyle, inside, outside_error
from wizard.paths import cache_dir, project_version, templates_dir

_FONT_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 \-]{0,60}$")


def _newlines_to_breaks(value: Any) -> Markup:
    """Escape a text and keep its line breaks (a note typed over several lines)."""
    lines = str(value or "").splitlines()
    return Markup("<br>").join(escape(line) for line in lines)


def _configure(environment: jinja2.Environment) -> jinja2.Environment:
    environment.filters["nl2br"] = _newlines_to_breaks
    environment.filters["fill"] = fill
    return environment


def _close_bidi(value: Any) -> Any:
    """What every `{{ ... }}` shows: text closes the right-to-left overrides it opens, so that a
    name from the session cannot turn the template's words after it around."""
    return close_bidi(value) if isinstance(value, str) else value


def _options() -> dict[str, Any]:
    return {
        "autoescape": True,
        "undefined": jinja2.StrictUndefined,
        "trim_blocks": True,
        "lstrip_blocks": True,
        "finalize": _close_bidi,
    }


class _BytecodeCache(jinja2.FileSystemBytecodeCache):
    """Jinja's cache of compiled templates, in the user's cache folder, so that `render` does not
    compile the documents' templates every time. A folder that cannot be written or read only
    costs that compiling again; it never stops a document."""

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except (OSError, ValueError, EOFError):
            bucket.reset()

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            Path(self.directory).mkdir(parents=True, exist_ok=True)
            super().dump_bytecode(bucket)
        except OSError:
            pass


def bytecode_cache(kind: str, *code: Path) -> jinja2.BytecodeCache:
    """The compiled-template cache of the built-in templates of one kind of environment. Its
    folder's name holds a digest of the program's version, Jinja's and the Python files that
    decide how templates are compiled (`code`): a change to any of them starts a new cache,
    so a template is never run as compiled by another version of the program."""
    versions = (part.encode() for part in (project_version(), jinja2.__version__, sys.version))
    sources = (path.read_bytes() for path in (Path(__file__), *code))
    digest = fingerprint(*versions, *sources)
    return _BytecodeCache(str(cache_dir() / f"sjablonen-{kind}-{digest[:16]}"))


class OverlayLoader(jinja2.FileSystemLoader):
    """An overlay's template folders: a template that is a link to a file outside the
    overlay's folder (`overlay`) is refused with an InputError before it is read."""

    def __init__(self, folders: tuple[str, ...], overlay: str) -> None:
        super().__init__(list(folders))
        self.overlay = Path(overlay)

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str, Any]:
        pieces = split_template_path(template)
        for folder in self.searchpath:
            path = posixpath.join(folder, *pieces)
            if os.path.isfile(path):
                if not inside(Path(path), self.overlay):
                    raise outside_error(Path(path), f"het sjabloon '{template}'")
                break
        return super().get_source(environment, template)


def template_loader(folders: tuple[str, ...] = (), overlay: str = "") -> jinja2.BaseLoader:
    """The built-in templates, with an overlay's own template folders in front of them (each
    template in the overlay's folder `overlay`)."""
    builtin = jinja2.FileSystemLoader(str(templates_dir()))
    if not folders:
        return builtin
    return jinja2.ChoiceLoader([OverlayLoader(folders, overlay), builtin])


def overlay_key(style: HouseStyle) -> tuple[tuple[str, ...], str]:
    """What the environments of an overlay's templates are made once per process for."""
    return style.folders, str(style.overlay_dir)


@cache
def _builtin_environment() -> jinja2.Environment:
    return _configure(
        jinja2.Environment(
            loader=template_loader(), bytecode_cache=bytecode_cache("html"), **_options()
        )
    )


@cache
def _sandboxed_environment(folders: tuple[str, ...], overlay: str) -> jinja2.Environment:
    return _configure(
        ImmutableSandboxedEnvironment(loader=template_loader(folders, overlay), **_options())
    )


def environment(style: HouseStyle) -> jinja2.Environment:
    """One environment per set of template folders, made once per process."""
    if not style.folders:
        return _builtin_environment()
    return _sandboxed_environment(*overlay_key(style))


def render_template(name: str, context: dict[str, Any], style: HouseStyle) -> str:
    """Render a template; a broken overlay template becomes an InputError with a Dutch message."""
    overlay = bool(style.template_dirs)
    try:
        return environment(style).get_template(name).render(context)
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
        if not overlay:
            raise
        # A department's own template that fails in any other way is still bad input.
        raise InputError(
            f"een sjabloon van het aanvullende regelboek kan niet worden gebruikt "
            f"bij '{name}' ({type(error).__name__}: {error})"
        ) from None


def safe_font_names(names: Iterable[Any]) -> list[str]:
    """Only plain family names go into CSS (they come from YAML, but an overlay is not code)."""
    return [str(name) for name in names if isinstance(name, str) and _FONT_NAME.match(name)]


def font_candidates(style: HouseStyle) -> list[str]:
    """House font names first, then the fallback chain (templates/documents.yaml `fonts`)."""
    fonts = style.labels.get("fonts") or {}
    return safe_font_names([*(fonts.get("house") or []), *(fonts.get("fallback") or [])])


def css_font_stack(families: Iterable[str]) -> Markup:
    """A CSS font-family value; the names are checked by safe_font_names, so no escaping."""
    quoted = [f'"{name}"' for name in safe_font_names(families)]
    return Markup(", ".join([*quoted, "sans-serif"]))
