"""Crash safety: a process that saves over and over is killed (SIGKILL) at random moments; every
time, the file on disk is a complete old or new version, never a mixture or empty.

The moments are counted in saves, not in seconds, so that a slow machine kills at the same
points as a fast one: half of the kills come right after the process reports a random save
number (it is then somewhere in the next save), the other half while a save is held inside
its write (the new version written and flushed to the temporary file, not yet renamed)."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys

import pytest

from wizard.core.session import load_session

from .conftest import ROOT

# Processes killed at random while they save.
pytestmark = pytest.mark.slow

KILL_POINTS = 40

DRIVER = r"""
import os, stat, sys
from wizard.core.session import new_session, save_session
path, hold_in = sys.argv[1], int(sys.argv[2])   # hold inside save number `hold_in` (0: never)
version = 0
real_fsync = os.fsync

def fsync(fd):
    real_fsync(fd)
    if version == hold_in and stat.S_ISREG(os.fstat(fd).st_mode):   # the temporary file
        print(f"writing {version}", flush=True)
        sys.stdin.readline()   # never answered: the process waits here until it is killed

os.fsync = fsync
session = new_session()
session.set("minister.name", "Rob Jetten")
while True:
    version += 1
    session.set("conversation.advisor", f"versie {version}")
    session.set("conversation.notes", f"{version}:" + "x" * (20000 + version % 997))
    save_session(session, path)
    print(f"saved {version}", flush=True)
"""


def _check_complete(path) -> int:
    session = load_session(path)
    advisor = session.get("conversation.advisor")
    notes = session.get("conversation.notes")
    version = int(advisor.removeprefix("versie "))
    assert (
        notes.startswith(f"{version}:") and len(notes) == len(f"{version}:") + 20000 + version % 997
    ), "the file mixes two versions"
    return version


def _read_until(process: subprocess.Popen, wanted: str) -> None:
    """The driver's lines up to `wanted` ("saved n" or "writing n")."""
    number = wanted.split()[1]
    while (line := process.stdout.readline().strip()) != wanted:
        assert line, f"the driver ended before {wanted!r}"
        assert line != f"saved {number}", f"the driver was not held in save {number}"


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_kill_during_repeated_saves_never_leaves_a_broken_file(tmp_path):
    rng = random.Random(20260223)
    path = tmp_path / "gesprek.adviesgesprek.yaml"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    for point in range(KILL_POINTS):
        in_write = point % 2 == 1
        save = rng.randint(2, 12)
        process = subprocess.Popen(
            [sys.executable, "-c", DRIVER, str(path), str(save if in_write else 0)],
            cwd=ROOT,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        try:
            _read_until(process, f"writing {save}" if in_write else f"saved {save}")
        finally:
            process.send_signal(signal.SIGKILL)
            process.communicate()  # SIGKILL cannot be ignored: it ends
        assert process.returncode == -signal.SIGKILL
        version = _check_complete(path)
        leftovers = [p.name for p in tmp_path.iterdir() if p.name != path.name]
        for name in leftovers:  # a temporary file may stay behind after a kill; never the file
            assert name.startswith(f".{path.name}.") and name.endswith(".tmp")
        if in_write:  # killed before the rename: the previous save, whole; the new one aside
            assert version == save - 1, (point, version)
            assert len(leftovers) == 1, leftovers
        else:  # killed after the reported save: that one or a later one
            assert version >= save, (point, version)
    # the next successful save clears what killed processes left behind
    from wizard.core.session import save_session

    save_session(load_session(path), path)
    assert [p.name for p in tmp_path.iterdir()] == [path.name]
