"""Byte-compile the program before a benchmark, as pip does when it installs it.

Without it, where PYTHONDONTWRITEBYTECODE is set (as on the development machines) or the source
changed since the last run, every process of a benchmark compiles the program's modules again,
and the figures measure Python's compiler rather than the program.
"""

from __future__ import annotations

import compileall
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def compile_program() -> None:
    if not compileall.compile_dir(str(ROOT / "wizard"), quiet=1):
        raise SystemExit("the program's modules do not compile")
