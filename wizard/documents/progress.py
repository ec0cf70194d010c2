"""Progress of the documents being made: what `render` and `batch` report, step by step.

`Progress` is what the writing of one conversation calls (the wizard's progress dialog, or
nothing); `show_progress` draws the command line's bar on a terminal.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TextIO

# progress(step, total, label): step `step` of `total` begins; `label` names it (a file name)
Progress = Callable[[int, int, str], None]


def show_progress(stream: TextIO | None, done: int, total: int, name: str) -> None:
    """A bar of `done` out of `total` on a terminal (`stream`; nothing when None), with the
    name of what is being made."""
    if stream is None:
        return
    width = 24
    filled = width * done // max(total, 1)
    stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {name[:40]:<40}")
    if done == total:
        stream.write("\n")
    stream.flush()


def end_progress(stream: TextIO | None) -> None:
    """End a bar that stopped before its end (the next output starts on a line of its own)."""
    if stream is not None:
        stream.write("\n")
        stream.flush()
