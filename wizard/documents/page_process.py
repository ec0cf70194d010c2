"""The documents' pages made in a process of their own, for the wizard's preview and printing.

Typst, its fonts (the colour emoji alone are 11 MB) and its caches take about 80 MB once loaded;
made in the wizard's own process they more than doubled its memory, and a page being made
competed with the window for the interpreter. A child process (started when the first page is
asked for, and ending when the wizard does: it stops at the end of its input) keeps the window
light and quick. Requests and answers go over the child's standard input and output, each as
one pickled frame with its length in front: the child is this program itself, so the data is
ours on both sides.

No Qt here: the client is used from a worker thread, and the child never loads Qt. Nor, where
the system has `posix_spawn`, the `subprocess` module: its modules would cost the wizard 1.5 MB
of its memory for one child; `os` starts it as well.
"""

from __future__ import annotations

import atexit
import os
import pickle
import struct
import sys
import threading
import time
from collections.abc import Sequence
from typing import Any, BinaryIO

from wizard.constants import PAGE_WORKER_FLAG
from wizard.core.advice import Advice
from wizard.core.errors import InputError
from wizard.documents.style import HouseStyle

_LENGTH = struct.Struct(">Q")


def _write(stream: BinaryIO, value: Any) -> None:
    data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_LENGTH.pack(len(data)) + data)
    stream.flush()


def _read(stream: BinaryIO) -> Any:
    head = stream.read(_LENGTH.size)
    if len(head) < _LENGTH.size:
        raise EOFError
    size = _LENGTH.unpack(head)[0]
    data = stream.read(size)
    if len(data) < size:
        raise EOFError
    return pickle.loads(data)


def serve(requests: BinaryIO, answers: BinaryIO) -> int:
    """The child: answer requests (kinds, advice, style, ppi) with the pages of those
    documents, one after another, as PNG images, until the input ends."""
    from wizard.documents.printing import document_pages

    while True:
        try:
            kinds, advice, style, ppi = _read(requests)
        except EOFError:
            return 0
        try:
            _write(answers, ("ok", document_pages(advice, style, kinds, ppi)))
        except InputError as error:
            _write(answers, ("error", str(error)))
        except Exception as error:  # noqa: BLE001 - the wizard shows it; the child goes on
            _write(answers, ("error", f"{type(error).__name__}: {error}"))


def _command() -> list[str]:
    if getattr(sys, "frozen", False):  # the built program is its own child
        return [sys.executable, PAGE_WORKER_FLAG]
    return [sys.executable, "-m", "wizard", PAGE_WORKER_FLAG]


class _Child:
    """The helper process with pipes to its standard input and output (its errors go nowhere):
    started with `os.posix_spawn`, or with `subprocess` where the system has no posix_spawn
    (Windows, where it also must not open a console window)."""

    def __init__(self, command: list[str], environment: dict[str, str]) -> None:
        self._popen: Any = None
        if not hasattr(os, "posix_spawn"):
            import subprocess

            self._popen = subprocess.Popen(
                command,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),
                env=environment,
            )
            self.stdin, self.stdout = self._popen.stdin, self._popen.stdout
            return
        # os.pipe gives descriptors that are closed on exec; dup2 makes the child's 0 and 1.
        child_in, to_child = os.pipe()
        from_child, child_out = os.pipe()
        try:
            self.pid = os.posix_spawn(
                command[0],
                command,
                environment,
                file_actions=[
                    (os.POSIX_SPAWN_DUP2, child_in, 0),
                    (os.POSIX_SPAWN_DUP2, child_out, 1),
                    (os.POSIX_SPAWN_OPEN, 2, os.devnull, os.O_WRONLY, 0),
                ],
            )
        except OSError:
            for descriptor in (to_child, from_child):
                os.close(descriptor)
            raise
        finally:
            os.close(child_in)
            os.close(child_out)
        self.stdin = os.fdopen(to_child, "wb")
        self.stdout = os.fdopen(from_child, "rb")
        self._status: int | None = None

    def poll(self) -> int | None:
        """None while the child runs, else its exit code."""
        if self._popen is not None:
            return self._popen.poll()
        if self._status is None:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self._status = os.waitstatus_to_exitcode(status)
        return self._status

    def wait(self, timeout: float) -> None:
        """Wait for the child to end; kill it after `timeout` seconds."""
        if self._popen is not None:
            import subprocess

            try:
                self._popen.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self._popen.kill()
                self._popen.wait()
            return
        deadline = time.monotonic() + timeout
        while self.poll() is None:
            if time.monotonic() > deadline:
                import signal

                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
                self._status = -signal.SIGKILL
                return
            time.sleep(0.01)


class PageMaker:
    """The wizard's side: one child, started when first needed, asked one request at a time
    (from any thread). A child that died is started again once per request."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._child: _Child | None = None

    def _start(self) -> _Child:
        environment = dict(os.environ)
        environment.pop("QT_QPA_PLATFORM", None)  # the child never loads Qt
        return _Child(_command(), environment)

    def pages(
        self, advice: Advice, style: HouseStyle, kinds: Sequence[str], ppi: float
    ) -> list[bytes]:
        """The pages of the documents `kinds`, as PNG images at `ppi`."""
        request = (tuple(kinds), advice, style, float(ppi))
        with self._lock:
            for attempt in (1, 2):
                if self._child is None or self._child.poll() is not None:
                    self._child = self._start()
                try:
                    _write(self._child.stdin, request)
                    status, value = _read(self._child.stdout)
                    break
                except (EOFError, OSError):
                    self._stop()
                    if attempt == 2:
                        raise InputError(
                            "de pagina's kunnen niet worden gemaakt (het hulpproces stopte)"
                        ) from None
        if status != "ok":
            raise InputError(value)
        return value

    def _stop(self) -> None:
        child, self._child = self._child, None
        if child is None:
            return
        for stream in (child.stdin, child.stdout):
            try:
                stream.close()
            except OSError:
                pass
        child.wait(timeout=5)

    def close(self) -> None:
        """End the child (at the end of its input)."""
        with self._lock:
            self._stop()


_MAKER: PageMaker | None = None
_MAKER_LOCK = threading.Lock()


def page_maker() -> PageMaker:
    """The one page maker of this process."""
    global _MAKER
    with _MAKER_LOCK:
        if _MAKER is None:
            _MAKER = PageMaker()
            atexit.register(_MAKER.close)
        return _MAKER


def main() -> int:
    return serve(sys.stdin.buffer, sys.stdout.buffer)
