"""Writing files off the GUI thread: saves and autosaves of a large conversation take a while
(the YAML is made and the file written in the writer's thread), and the window stays usable.

The writer does one job at a time, in the order given: two writes of one file never run at
once, and a removal of a file never overtakes a write of it. What a job reports comes back in
the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QThreadPool, Signal

from wizard.core.errors import InputError

#: what a job reports: its result, or a Dutch message why it failed
Done = Callable[[Any, str | None], None]


@dataclass(frozen=True)
class Job:
    """`work` runs in the writer's thread (plain Python, no Qt object); `done` then runs in the
    GUI thread with what it returned, or with the message of the InputError it raised."""

    work: Callable[[], Any]
    done: Done


class Writer(QObject):
    """Runs jobs in a thread of its own, one after the other."""

    jobFinished = Signal(object, object, object)  # the job, its result, its message

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)  # one at a time, in order
        self.unreported = 0  # jobs given whose `done` has not run yet
        self.jobFinished.connect(self._report)  # (queued: it comes from the writer's thread)

    @property
    def busy(self) -> bool:
        return self.unreported > 0

    def add(self, work: Callable[[], Any], done: Done) -> None:
        job = Job(work, done)
        self.unreported += 1
        self.pool.start(lambda: self._run(job))

    def _run(self, job: Job) -> None:
        """In the writer's thread."""
        try:
            result, message = job.work(), None
        except InputError as error:
            result, message = None, str(error)
        except Exception as error:  # noqa: BLE001 - reported to the advisor, the thread goes on
            result, message = None, f"{type(error).__name__}: {error}"
        self.jobFinished.emit(job, result, message)

    def _report(self, job: Job, result: Any, message: str | None) -> None:
        self.unreported -= 1
        job.done(result, message)

    def wait(self) -> None:
        """Return when every job given (and any job their `done` gave) is done and reported.
        Only what the jobs report is handled meanwhile, no input of the advisor."""
        while self.busy:
            self.pool.waitForDone(-1)
            QCoreApplication.sendPostedEvents(self, QEvent.Type.MetaCall)
