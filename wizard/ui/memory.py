"""Giving memory back once the window is built.

- Python keeps the source lines of every module imported after PySide6 (PySide6 reads each
  module's source once, to see whether it uses PySide6): some 45,000 lines, about 3 MB, that
  nobody reads again. They are read again when needed (a traceback).
- glibc keeps memory that was freed in its arenas (one per thread that allocated: the
  rulebook's loader, the preview's worker) instead of handing it back to the system.
"""

from __future__ import annotations

import ctypes
import linecache
import sys


def _malloc_trim() -> None:
    """glibc's malloc_trim(0), where there is glibc."""
    if not sys.platform.startswith("linux"):
        return
    try:
        trim = ctypes.CDLL("libc.so.6").malloc_trim
    except (OSError, AttributeError):  # another C library (musl): nothing to trim
        return
    trim(0)


def release() -> None:
    """Give back what building the window left behind."""
    linecache.clearcache()
    _malloc_trim()
