"""Keeping memory low: as the application is set up (before the program's windows are
imported), once the window is built, and as pages are shown or make widgets.

- PySide6 reads the whole source of every module imported after it, to see whether it uses
  PySide6 (see check_imports_line_by_line): some 45,000 lines, about 3 MB of strings.
- PySide6 gives every Qt object made in Python an object for each signal of its class, kept in
  the object's own dict whether or not the signal is ever used (see drop_signal_instances).

No glibc malloc_trim: measured, the peak is 0.2 to 0.4 MB higher with it (ctypes, which it
needs, included), now that the source lines no longer leave holes to give back.
"""

from __future__ import annotations

import linecache
import sys
from collections.abc import Iterable
from types import ModuleType

import shiboken6
from PySide6.QtCore import SignalInstance


def check_imports_line_by_line() -> None:
    """Let PySide6 find "PySide6" in a module's source file one line at a time.

    PySide6 asks of every module imported after it whether its source mentions "PySide6" (for
    its `__feature__` switches), and reads the module's whole source through `linecache` for
    that: about 3 MB of strings for the wizard's modules. Even forgotten soon after, they leave
    Python's memory full of holes that only objects of their sizes fill again: the wizard's
    peak was 2 MB higher (80.4 MB instead of 78.6, measured). Read from the file a line at a
    time, the answer is the same and only one line is in memory at any moment. A module
    without a source file of its own is asked as before; a PySide6 without this check (another
    version) is left as it is.
    """
    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if original is None or getattr(original, "__module__", None) == __name__:
        return

    def uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return original(module)
        try:
            with open(path, "rb") as source:
                return any(b"PySide6" in line for line in source)
        except OSError:
            return original(module)

    feature._mod_uses_pyside = uses_pyside


def forget_source_lines() -> None:
    """The source lines read since the last call: of the modules imported before
    check_imports_line_by_line took over (PySide6's own), or of all of them where it could not."""
    linecache.clearcache()


def drop_signal_instances(objects: Iterable[object] | None = None) -> None:
    """Drop the signal objects PySide6 keeps in the dict of every Qt object made in Python (or
    of the `objects` given).

    When Python makes a Qt object, PySide6 puts a SignalInstance for each signal of its class
    in the object's dict (13 for a line edit, 6 for a bare QWidget), used or not: 2 to 3 KB a
    widget, over 5,000 of them in the wizard. Reading `widget.clicked` makes a new one when the
    dict holds none, and connections live in Qt, not in these objects: dropping them changes
    nothing else. Only wrappers that exist are looked at (none is made for Qt's own children).
    """
    for wrapper in shiboken6.getAllValidWrappers() if objects is None else objects:
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
