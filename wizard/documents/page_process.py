"""The documents' pages made in a process of their own, for the wizard's preview and printing.

Typst, its fonts and its caches are large once loaded; made in the wizard's own process they
would more than double its memory, and a page being made would compete with the window for the
interpreter. A child process (started with `subprocess` when the first page is asked for, and
ending when the wizard does: it stops at the end of its input) keeps the window light and quick.
Requests and answers go over the child's standard input and output, each as one pickled frame
with its length in front: the child is this program itself, so the data is ours on both sides.

No Qt here: the client is used from a worker thread, and the child never loads Qt. Nor Typst or
Jinja on the wizard's side: only the child (`serve`) imports the typesetting.
"""

from __future__ import annotations

import atexit
import os
import pickle
import struct
import subprocess
import sys
import threading
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
    # Imported here, in the child only: the wizard imports this module for `PageMaker`, and
    # Typst and Jinja must not come into its process.
    from wizard.documents.typesetting import document_pages

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


class PageMaker:
    """The wizard's side: one child, started when first needed, asked one request at a time
    (from any thread). A child that died is started again once per request."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._child: subprocess.Popen[bytes] | None = None

    def _start(self) -> subprocess.Popen[bytes]:
        """The child, with pipes to its standard input and output (its errors go nowhere; on
        Windows it opens no console window)."""
        environment = dict(os.environ)
        environment.pop("QT_QPA_PLATFORM", None)  # the child never loads Qt
        return subprocess.Popen(
            _command(),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=environment,
            creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),
        )

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
                if stream is not None:
                    stream.close()
            except OSError:
                pass
        try:
            child.wait(timeout=5)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()

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
