"""Giving memory back: once the window is built, and as pages are shown or make widgets.

- Python keeps the source lines of every module imported after PySide6 (PySide6 reads each
  module's source once, to see whether it uses PySide6): some 45,000 lines, about 3 MB, that
  nobody reads again. They are read again when needed (a traceback).
- glibc keeps memory that was freed in its arenas (one per thread that allocated: the
  rulebook's loader, the preview's worker) instead of handing it back to the system.
- PySide6 gives every Qt object made in Python an object for each signal of its class, kept in
  the object's own dict whether or not the signal is ever used (see drop_signal_instances).
"""

from __future__ import annotations

import ctypes
import linecache
import sys

import shiboken6
from PySide6.QtCore import SignalInstance


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
    forget_source_lines()
    _malloc_trim()


def forget_source_lines() -> None:
    """The source lines PySide6 read of the modules imported since the last call."""
    linecache.clearcache()


def drop_signal_instances() -> None:
    """Drop the signal objects PySide6 keeps in the dict of every Qt object made in Python.

    When Python makes a Qt object, PySide6 puts a SignalInstance for each signal of its class
    in the object's dict (13 for a line edit, 6 for a bare QWidget), used or not: 2 to 3 KB a
    widget, over 5,000 of them in the wizard. Reading `widget.clicked` makes a new one when the
    dict holds none, and connections live in Qt, not in these objects: dropping them changes
    nothing else. Only wrappers that exist are looked at (none is made for Qt's own children).
    """
    for wrapper in shiboken6.getAllValidWrappers():
        values = getattr(wrapper, "__dict__", None)
        if not values:
            continue
        items = list(values.items())  # in one step: the preview's worker may read a signal
        names = [name for name, value in items if isinstance(value, SignalInstance)]
        if len(names) == len(items):
            values.clear()  # an emptied dict keeps its size; a cleared one gives it back
            continue
        for name in names:
            del values[name]
