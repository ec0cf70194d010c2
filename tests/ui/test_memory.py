"""The wizard's memory is held: walking through every page again and again, with the documents'
preview made anew on every visit, the process grows by no more than GROWTH_LIMIT after its first
walk (what a leak of a little on every walk soon passes).

The walks are made by the program in a process of its own (tests/ui/wizard_driver.py walks),
started as `adviesgesprek` starts it: what the tests before this one left in the test's own
process does not change the outcome."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.ui.wizard_driver import resident_bytes

ROOT = Path(__file__).resolve().parents[2]
DRIVER = Path(__file__).with_name("wizard_driver.py")
WALKS = 20
GROWTH_LIMIT = 3 * 1024 * 1024  # bytes the process may grow after its first walk


@pytest.mark.slow
def test_walking_every_page_again_and_again_holds_the_memory(tmp_path):
    if resident_bytes() is None:
        pytest.skip(f"the resident memory cannot be read on {sys.platform} (/proc/self/statm)")
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        PYTHONPATH=str(ROOT),
    )
    result = subprocess.run(
        [sys.executable, str(DRIVER), "walks", str(WALKS)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    sizes = [int(line[4:]) for line in result.stdout.splitlines() if line.startswith("RSS ")]
    assert len(sizes) == WALKS, result.stdout[-2000:]
    walked = ", ".join(f"{size / 2**20:.1f}" for size in sizes)
    assert sizes[-1] - sizes[0] <= GROWTH_LIMIT, f"resident memory after each walk (MiB): {walked}"
