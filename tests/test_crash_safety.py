"""Crash safety: a process that saves over and over is killed (SIGKILL) at random moments; every
time, the file on disk is a complete old or new version, never a mixture or empty."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time

import pytest

from wizard.core.session import load_session

from .conftest import ROOT

KILL_POINTS = 40

DRIVER = r"""
import sys
from wizard.core.session import new_session, save_session
path = sys.argv[1]
session = new_session()
session.set("minister.name", "Rob Jetten")
session.set("conversation.notes", "x" * 20000)   # large enough that a write takes a while
version = 0
print("ready", flush=True)
while True:
    version += 1
    session.set("conversation.advisor", f"versie {version}")
    session.set("conversation.notes", f"{version}:" + "x" * (20000 + version % 997))
    save_session(session, path)
"""


def _check_complete(path) -> int:
    session = load_session(path)
    advisor = session.get("conversation.advisor")
    notes = session.get("conversation.notes")
    version = int(advisor.removeprefix("versie "))
    assert notes.startswith(f"{version}:") and len(notes) == len(f"{version}:") + 20000 + \
        version % 997, "the file mixes two versions"
    return version


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_kill_during_repeated_saves_never_leaves_a_broken_file(tmp_path):
    rng = random.Random(20260223)
    path = tmp_path / "gesprek.adviesgesprek.yaml"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    versions = []
    for _point in range(KILL_POINTS):
        process = subprocess.Popen([sys.executable, "-c", DRIVER, str(path)], cwd=ROOT, env=env,
                                   stdout=subprocess.PIPE, text=True)
        assert process.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.0, 0.25))
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
        process.stdout.close()
        if path.exists():
            versions.append(_check_complete(path))
        leftovers = [p.name for p in tmp_path.iterdir() if p.name != path.name]
        for name in leftovers:   # a temporary file may stay behind after a kill; never the file
            assert name.startswith(f".{path.name}.") and name.endswith(".tmp")
    assert len(versions) >= KILL_POINTS // 2
    # the next successful save clears what killed processes left behind
    from wizard.core.session import save_session

    save_session(load_session(path), path)
    assert [p.name for p in tmp_path.iterdir()] == [path.name]
