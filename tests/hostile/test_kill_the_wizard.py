"""Crash safety of the real program: the wizard runs in a process of its own
(tests/hostile/kill_driver.py), pastes line after line into the notes, presses Ctrl+S every
seventh line and autosaves after every change, and is killed (SIGKILL) at 30 random moments,
ten of each kind: while it starts, loads the rulebook and recovers; while it types, saves and
autosaves (a random moment after its start line); and in the middle of a save or autosave (a
slow disk, fsync 30 ms as on a network share, and the kill as soon as the temporary file of a
save appears).

After every kill, the session file and every autosave are each a complete version (they load,
and their notes are exactly the first n characters of the text typed), never a mixture or
empty; neither is older than what the program last reported as saved; and the next start
recovers the newest autosave (or opens the file when nothing was left unsaved), taking over the
lock file the killed program left beside the session file.
"""

from __future__ import annotations

import json
import os
import random
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.hostile.kill_driver import expected_notes
from wizard.constants import SESSION_SUFFIX as SUFFIX
from wizard.core.errors import InputError
from wizard.core.session import load_session

ROOT = Path(__file__).resolve().parents[2]
DRIVER = Path(__file__).with_name("kill_driver.py")
KILL_POINTS = 30


def _notes_of(path: Path) -> int:
    """The length of the notes of a complete session file; fails on anything else."""
    try:
        session = load_session(path)
    except InputError as error:
        raise AssertionError(f"{path.name} is not a complete session: {error}") from None
    notes = session.get("conversation.notes") or ""
    assert notes == expected_notes(len(notes)), f"{path.name} mixes versions"
    assert session.get("minister.name") == "Dilan Yeşilgöz", path.name
    return len(notes)


def _events(output: str) -> list[tuple[str, object]]:
    events = []
    for line in output.splitlines():
        kind, _, value = line.partition(" ")
        if kind in ("START", "TYPED", "SAVED", "AUTOSAVED", "CONFLICT"):
            events.append((kind, json.loads(value)))
    return events


def _last(events: list[tuple[str, object]], kind: str) -> tuple[int, int]:
    """(position, value) of the last event of a kind, or (-1, 0)."""
    for index in range(len(events) - 1, -1, -1):
        if events[index][0] == kind:
            return index, int(events[index][1])
    return -1, 0


def _read_until(process: subprocess.Popen, marker: bytes, deadline: float) -> bytes:
    """What the program printed, up to and including the line that starts with `marker`."""
    output = b""
    while marker not in output:
        ready, _, _ = select.select([process.stdout], [], [], max(0.0, deadline - time.monotonic()))
        chunk = os.read(process.stdout.fileno(), 65536) if ready else b""
        if not chunk:
            raise AssertionError(f"no {marker!r} line from the program: {output[-2000:]!r}")
        output += chunk
    return output


def _temporaries(folders: list[Path]) -> set[str]:
    names = set()
    for folder in folders:
        try:
            names.update(entry.name for entry in os.scandir(folder) if entry.name.endswith(".tmp"))
        except FileNotFoundError:
            pass
    return names


def _wait_for_a_write(folders: list[Path], deadline: float) -> None:
    """Return as soon as a new temporary file (a save under way) is in one of the folders."""
    before = _temporaries(folders)
    while time.monotonic() < deadline:
        if _temporaries(folders) - before:
            return


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_killing_the_wizard_at_random_moments_loses_nothing(tmp_path):
    rng = random.Random(20260223)
    target = tmp_path / f"gesprek{SUFFIX}"
    lock = target.with_name(f".{target.name}.lock")  # the killed program's, taken over next
    folder = tmp_path / "data" / "Adviesgesprek" / "Adviesgesprek"
    env = dict(
        os.environ,
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        QT_QPA_PLATFORM="offscreen",
        PYTHONPATH=str(ROOT),
    )
    typed = 0  # the longest notes typed so far, in any run
    expected_start = None  # what the next start must recover or open, from the files on disk
    starts = kills_while_typing = saves = mid_write = recovered = conflicts = 0
    seen_leftovers: set[str] = set()
    for point in range(KILL_POINTS + 1):
        moment = "last" if point == KILL_POINTS else ("start-up", "typing", "writing")[point % 3]
        process = subprocess.Popen(
            [
                sys.executable,
                str(DRIVER),
                str(target),
                *(["--slow-disk"] if moment == "writing" else []),
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        output = b""
        if moment == "start-up":  # while it starts, loads the rulebook, recovers
            time.sleep(rng.uniform(0.05, 1.2))
        else:  # measured from its start line, on a slow machine too
            output = _read_until(process, b"START ", time.monotonic() + 120)
            if moment == "typing":
                time.sleep(rng.uniform(0.0, 1.2))
            elif moment == "writing":  # when a save or autosave is under way
                time.sleep(rng.uniform(0.1, 0.8))
                _wait_for_a_write([tmp_path, folder], time.monotonic() + 2.0)
        process.send_signal(signal.SIGKILL)
        rest, _ = process.communicate(timeout=60)
        assert process.returncode == -signal.SIGKILL, (output + rest)[-2000:]
        events = _events((output + rest).decode("utf-8"))

        start = next((value for kind, value in events if kind == "START"), None)
        if start is not None:
            starts += 1
            kind, length = expected_start or ("new", 0)
            if kind == "autosave":
                assert start["recoveries"] >= 1 and start["recovered"] == length, (point, start)
                recovered += 1
            elif kind == "file":
                assert start["recoveries"] == 0 and start["opened"] == length, (point, start)
                assert start["locked"], "the lock of a killed program is not taken over"
            else:
                assert start["recoveries"] == 0 and start["opened"] is None, (point, start)
        if point == KILL_POINTS:
            last_recovered = start is not None and (expected_start or ("new",))[0] == "autosave"
            break
        typed = max([typed] + [int(value) for kind, value in events if kind == "TYPED"])
        kills_while_typing += any(kind == "TYPED" for kind, _ in events)
        saves += sum(kind == "SAVED" for kind, _ in events)
        conflicts += sum(kind == "CONFLICT" for kind, _ in events)

        file_length = None
        if target.exists():
            file_length = _notes_of(target)
            assert file_length <= typed
            assert file_length >= _last(events, "SAVED")[1], "the file is older than its save"
        autosaves = {path: _notes_of(path) for path in folder.glob(f"autosave-*{SUFFIX}")}
        assert all(length <= typed for length in autosaves.values())
        # What was last autosaved is on disk: in an autosave, or in the session file when a
        # Ctrl+S came after it (a save removes the autosave; a kill may fall between that and
        # the program's SAVED line).
        autosaved_at, autosaved = _last(events, "AUTOSAVED")
        if autosaved_at > _last(events, "SAVED")[0]:
            kept = [*autosaves.values(), *([file_length] if file_length is not None else [])]
            assert kept and max(kept) >= autosaved, "what was autosaved is lost"
        leftovers = [
            path.name for path in tmp_path.glob(".*") if path.is_file() and path != lock
        ] + [path.name for path in folder.glob(".*")]
        # A temporary file of a write, or QLockFile's own `.rmlock` (made while it takes over
        # a dead program's lock; the next QLockFile takes it over in turn).
        assert all(name.endswith((".tmp", ".lock.rmlock")) for name in leftovers), leftovers
        mid_write += bool(set(leftovers) - seen_leftovers)  # killed while writing a file
        seen_leftovers.update(leftovers)
        if autosaves:
            expected_start = ("autosave", max(autosaves.values()))
        elif file_length is not None:
            expected_start = ("file", file_length)
        else:
            expected_start = None

    print(
        f"{KILL_POINTS} kills: {starts} starts got to recovery ({recovered} recovered an "
        f"autosave), {kills_while_typing} kills while typing, {mid_write} while writing a "
        f"file; {saves} saves ({conflicts} over a file its autosave had not seen), {typed} "
        f"characters typed; the last start recovered: {last_recovered}"
    )
    assert starts >= KILL_POINTS // 2, "too few starts got as far as recovering"
    assert kills_while_typing >= KILL_POINTS // 2 and saves >= 10
    assert typed > 20_000
    assert mid_write >= KILL_POINTS // 6, "too few kills landed in the middle of a write"
    # The next start also clears what the killed programs left behind in the autosave folder:
    # temporary files, and the locks of programs that never finished an autosave.
    from wizard.ui.autosave import find_recoveries

    recoveries = find_recoveries(folder)
    if last_recovered:  # the last start recovered an autosave: its own autosave holds it now
        assert recoveries
    names = {path.name for path in folder.iterdir()}
    assert not [name for name in names if name.endswith(".tmp")], names
    for lock in [name for name in names if name.endswith(".lock")]:
        assert lock.replace(".lock", SUFFIX) in names, names
    for recovery in recoveries:
        recovery.discard()
    assert list(folder.iterdir()) == []


def test_the_newest_autosave_comes_first_even_when_the_meta_files_name_the_same_second(tmp_path):
    """Two programs killed within one second: their meta files name the same second (or one has
    none, killed between the two writes); the autosave written last is offered first."""
    from wizard.core.session import new_session, save_session
    from wizard.ui.autosave import find_recoveries

    meta = json.dumps({"file": None, "minister": "x", "page": 1, "saved": "2026-02-20T10:00:00"})
    for index, ident in enumerate(["bbbb", "aaaa", "cccc"]):
        session = new_session()
        session.set("conversation.notes", f"versie {index}")
        path = tmp_path / f"autosave-{ident}{SUFFIX}"
        save_session(session, path)
        os.utime(path, ns=(1_000_000_000 * (100 + index),) * 2)
        if ident != "cccc":
            (tmp_path / f"autosave-{ident}.json").write_text(meta, encoding="utf-8")
    found = find_recoveries(tmp_path)
    assert [r.load().get("conversation.notes") for r in found] == [
        "versie 2",
        "versie 1",
        "versie 0",
    ]
    for recovery in found:
        recovery.discard()
