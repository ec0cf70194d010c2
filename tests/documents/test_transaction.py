"""The documents' files replaced all or nothing (issue 24, point 7.2), and what a killed process
left behind tidied up without touching what a live one is doing (point 7.3)."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from wizard.core.engine import advise
from wizard.core.errors import InputError
from wizard.documents import export, transaction
from wizard.documents.style import house_style
from wizard.documents.transaction import (
    Transaction,
    clean_leftovers,
    clean_private_folders,
    own_tag,
    process_runs,
    write_files,
)

from .conftest import ROOT, make_session, render

OLD = {"afspraken.pdf": b"oud afspraken", "checklist.pdf": b"oud checklist"}
NEW = {
    "afspraken.pdf": b"nieuw afspraken",
    "checklist.pdf": b"nieuw checklist",
    "afspraken.html": b"nieuw html",  # no old version of this one
}
# os.replace calls of a commit of NEW over OLD: two old files aside, three new ones in place.
REPLACES = 5


def _files(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


@pytest.fixture
def folder(tmp_path):
    folder = tmp_path / "uit"
    folder.mkdir()
    for name, data in OLD.items():
        (folder / name).write_bytes(data)
    return folder


def _failing_replace(monkeypatch, folder: Path, at: int, error: BaseException) -> None:
    """os.replace fails at its `at`-th call into `folder` from now on (once); calls elsewhere
    (Jinja's cache of compiled templates) are not counted."""
    real = os.replace
    calls = []

    def replace(source, target):
        if Path(target).parent == folder:
            calls.append(source)
            if len(calls) == at:
                raise error
        return real(source, target)

    monkeypatch.setattr(transaction.os, "replace", replace)


@pytest.mark.parametrize("at", range(1, REPLACES + 1))
@pytest.mark.parametrize(
    "error", [OSError(errno.ENOSPC, "No space left on device"), KeyboardInterrupt()]
)
def test_a_commit_that_fails_anywhere_leaves_the_old_set(folder, monkeypatch, at, error):
    """Whichever step of the commit fails (a full disk, a file in use, Ctrl+C), the folder
    holds the old files exactly as they were and nothing else."""
    _failing_replace(monkeypatch, folder, at, error)
    with pytest.raises(type(error)):
        with Transaction(folder) as commit:
            for name, data in NEW.items():
                commit.temporary(name).write_bytes(data)
            commit.commit()
    monkeypatch.undo()
    assert _files(folder) == OLD


def test_a_commit_puts_the_whole_new_set_in_place(folder):
    assert write_files(folder, NEW) == [folder / name for name in NEW]
    assert _files(folder) == NEW


def test_render_replaces_the_documents_all_or_nothing(rulebook, tmp_path, monkeypatch):
    """The old failure: afspraken.pdf and checklist.pdf renamed into place, then the next file
    failed, leaving a mix of two renders. Now the old set stays whole."""
    out = tmp_path / "uit"
    render(make_session(**{"minister.name": "Oud"}), rulebook, out, ["pdf", "html"])
    old = _files(out)
    # Five old files moved aside, two new ones in place, then the third fails.
    error = OSError(errno.EACCES, "Permission denied")
    _failing_replace(monkeypatch, out, len(old) + 3, error)
    with pytest.raises(InputError, match="geen toestemming"):
        render(make_session(**{"minister.name": "Nieuw"}), rulebook, out, ["pdf", "html"])
    monkeypatch.undo()
    assert _files(out) == old
    render(make_session(**{"minister.name": "Nieuw"}), rulebook, out, ["pdf", "html"])
    assert _files(out).keys() == old.keys() and _files(out) != old


def test_a_folder_where_a_document_goes_is_refused_before_anything_is_written(rulebook, tmp_path):
    out = tmp_path / "uit"
    (out / "checklist.pdf").mkdir(parents=True)
    (out / "afspraken.pdf").write_bytes(b"oud")
    with pytest.raises(InputError, match="er staat een map met die naam"):
        render(make_session(), rulebook, out, ["pdf"])
    assert sorted(path.name for path in out.iterdir()) == ["afspraken.pdf", "checklist.pdf"]
    assert (out / "afspraken.pdf").read_bytes() == b"oud"


@pytest.mark.parametrize("name", ["platformconfiguratie.yaml", "afspraken.html"])
def test_the_input_session_is_never_overwritten(cli, tmp_path, name):
    """A session that has the name of a file the render writes, in the output folder itself,
    is refused: nothing is written and the session stays as it was."""
    out = tmp_path / "uit"
    out.mkdir()
    session = out / name
    session.write_bytes((ROOT / "examples" / "corporate-minpres.adviesgesprek.yaml").read_bytes())
    before = session.read_bytes()
    result = cli("render", session, "--out", out, "--format", "pdf,html")
    assert result.returncode == 2, result.stderr
    assert "wordt niet overschreven" in result.stderr and "Traceback" not in result.stderr
    assert [path.name for path in out.iterdir()] == [name]
    assert session.read_bytes() == before


# --- a process killed in the middle of a commit --------------------------------------------

KILLED_COMMIT = textwrap.dedent("""
    import os, signal, sys
    from pathlib import Path
    sys.path.insert(0, sys.argv[1])
    from wizard.documents import transaction
    folder, kill_at, kill_in = sys.argv[2], int(sys.argv[3]), sys.argv[4]
    real = {"replace": os.replace, "unlink": os.unlink}
    calls = []

    def killing(kind):
        def call(*args):
            if kind == kill_in:
                calls.append(args)
                if len(calls) == kill_at:
                    os.kill(os.getpid(), signal.SIGKILL)
            return real[kind](*args)
        return call

    os.replace, os.unlink = killing("replace"), killing("unlink")
    new = {"afspraken.pdf": b"nieuw afspraken", "checklist.pdf": b"nieuw checklist",
           "afspraken.html": b"nieuw html"}
    with transaction.Transaction(Path(folder)) as commit:
        for name, data in new.items():
            commit.temporary(name).write_bytes(data)
        commit.commit()
    print("klaar")
""")


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
@pytest.mark.parametrize(
    ("kill_in", "kill_at", "expected"),
    [
        *(("replace", at, OLD) for at in range(1, REPLACES + 1)),
        ("unlink", 1, OLD),  # every new file in place, the journal not yet removed
        ("unlink", 2, NEW),  # the journal removed (the commit's end), old versions not yet
    ],
)
def test_a_commit_killed_halfway_is_undone_at_the_next_start(folder, kill_in, kill_at, expected):
    """A process killed (SIGKILL) at any rename of its commit leaves a journal; the next start
    in that folder puts the old set back. Killed after the commit's end (while it removes the
    old versions), the new set stays. Either way nothing else is left."""
    process = subprocess.run(
        [sys.executable, "-c", KILLED_COMMIT, str(ROOT), str(folder), str(kill_at), kill_in],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert process.returncode == -signal.SIGKILL, process.stderr
    assert _files(folder) != expected  # something to tidy up
    clean_leftovers(folder)
    assert _files(folder) == expected


# --- whose leftovers may go ----------------------------------------------------------------


def _finished_pid() -> int:
    """The id of a process that has ended (and been waited for)."""
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def test_whether_a_process_runs():
    assert process_runs(os.getpid())
    assert not process_runs(_finished_pid())
    with subprocess.Popen(
        [sys.executable, "-c", "import sys; sys.stdin.read()"], stdin=subprocess.PIPE
    ) as running:
        assert process_runs(running.pid)
        running.stdin.close()


def test_only_the_leftovers_of_gone_processes_of_this_machine_are_removed(tmp_path):
    dead = _finished_pid()
    machine = own_tag().split("-")[1]
    names = {
        "gone": f".afspraken.pdf.{dead}-{machine}.abc123.tmp",
        "gone-old": f".checklist.pdf.{dead}-{machine}.0f0f0f0f.old",
        "alive": f".afspraken.pdf.{own_tag()}.def456.tmp",
        "other-machine": f".afspraken.pdf.{dead}-00000000.ghi789.tmp",
        "other-machine-a-day-old": f".checklist.pdf.{dead}-00000000.jkl012.tmp",
        "not-ours": ".afspraken.pdf.xyz.tmp",
        "document": "afspraken.pdf",
    }
    for name in names.values():
        (tmp_path / name).write_bytes(b"x")
    day_old = time.time() - transaction.FOREIGN_AFTER_SECONDS - 60
    os.utime(tmp_path / names["other-machine-a-day-old"], (day_old, day_old))
    clean_leftovers(tmp_path)
    left = {path.name for path in tmp_path.iterdir()}
    assert left == {names[key] for key in ("alive", "other-machine", "not-ours", "document")}


def test_private_typst_folders_of_gone_processes_are_removed(tmp_path):
    dead = _finished_pid()
    machine = own_tag().split("-")[1]
    gone = tmp_path / f"{transaction.PRIVATE_PREFIX}{dead}-{machine}-abc"
    alive = tmp_path / f"{transaction.PRIVATE_PREFIX}{own_tag()}-def"
    for folder in (gone, alive):
        (folder / "root").mkdir(parents=True)
    clean_private_folders(tmp_path)
    assert not gone.exists() and alive.is_dir()


@pytest.mark.skipif(sys.platform == "win32", reason="a link needs extra rights on Windows")
def test_a_link_named_as_a_private_folder_is_left_alone(tmp_path):
    dead = _finished_pid()
    machine = own_tag().split("-")[1]
    outside = tmp_path / "van-iemand-anders"
    outside.mkdir()
    (outside / "bestand").write_text("blijft", encoding="utf-8")
    link = tmp_path / f"{transaction.PRIVATE_PREFIX}{dead}-{machine}-link"
    link.symlink_to(outside, target_is_directory=True)
    clean_private_folders(tmp_path)
    assert link.is_symlink()
    assert (outside / "bestand").read_text(encoding="utf-8") == "blijft"


def test_a_render_asked_to_stop_ends_before_the_next_file_and_writes_nothing(rulebook, tmp_path):
    stop = threading.Event()
    steps = []

    def progress(step, total, name):
        steps.append(name)
        stop.set()  # Ctrl+C while the first file is made

    out = tmp_path / "uit"
    advice, style = advise(make_session(), rulebook), house_style(rulebook)
    with pytest.raises(export.Stopped):
        export.write_outputs(advice, style, out, ["pdf"], progress=progress, stop=stop)
    assert steps == ["afspraken.pdf"]
    assert not out.exists()  # the folder it made is removed again, empty
