"""`render` and `batch` stopped, killed, refused and short of disk (issue 24, points 6 and 7):
Ctrl+C stops a batch at once with its summary, RVD list and overview of what was made; a killed
render's leftovers go at the next start; a batch's own files that cannot be written are one
Dutch line after the summary; a session `check` refuses is counted as refused, not failed."""

from __future__ import annotations

import csv
import errno
import os
import re
import select
import shutil
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from wizard import cli as cli_module
from wizard.cli import main
from wizard.documents import batch as batch_module
from wizard.documents import transaction
from wizard.documents.transaction import PRIVATE_PREFIX, own_tag

from ..conftest import EXAMPLES, ROOT

EXAMPLE = EXAMPLES / "corporate-minpres.adviesgesprek.yaml"
POSIX = pytest.mark.skipif(sys.platform == "win32", reason="signals and ptys are POSIX")
# Every file of ours that is not a document: temporary files, old versions, journals.
LEFTOVER = re.compile(r"\.(tmp|old|journal)$")


def _in_the_foreground() -> None:
    """In the child, before the program starts: Ctrl+C handled as in a terminal's foreground
    job, also when the tests themselves run in the background (where the shell has the
    children ignore SIGINT, and the program rightly leaves it so)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _environment(tmp_path: Path) -> dict[str, str]:
    """The checkout under test, with a temporary folder of the test's own (where Typst's
    private folders go)."""
    temporary = tmp_path / "temp"
    temporary.mkdir(exist_ok=True)
    return {**os.environ, "PYTHONPATH": str(ROOT), "TMPDIR": str(temporary)}


def _private_folders(tmp_path: Path, pid: int | None = None) -> list[str]:
    prefix = PRIVATE_PREFIX if pid is None else f"{PRIVATE_PREFIX}{pid}-"
    return [path.name for path in (tmp_path / "temp").iterdir() if path.name.startswith(prefix)]


def _leftovers(folder: Path) -> list[Path]:
    return [path for path in folder.rglob("*") if LEFTOVER.search(path.name)]


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle, delimiter=";"))


# --- Ctrl+C stops a batch -----------------------------------------------------------------


def _read_until(descriptor: int, wanted: bytes, seen: bytearray) -> None:
    """Read from a pty until `wanted` has come (or the other side ended)."""
    while wanted not in seen:
        ready, _, _ = select.select([descriptor], [], [], 120)
        assert ready, f"no {wanted!r} within two minutes: {bytes(seen[-500:])!r}"
        try:
            chunk = os.read(descriptor, 4096)
        except OSError:  # the other side is closed
            chunk = b""
        assert chunk, f"the batch ended before {wanted!r}: {bytes(seen[-500:])!r}"
        seen += chunk


@POSIX
def test_ctrl_c_stops_a_batch_with_its_summary_rvd_list_and_overview(tmp_path):
    """A real SIGINT to `batch` over 60 conversations, sent when the progress bar (on a
    terminal) shows the first conversations done: no new conversation is begun, the summary,
    the RVD's list and the overview of those made are written, every folder is complete or
    absent, and the command ends with 130 and a Dutch line of how many of how many."""
    sessions = tmp_path / "kabinet"
    sessions.mkdir()
    for number in range(60):
        shutil.copy(EXAMPLE, sessions / f"lid-{number:02d}.adviesgesprek.yaml")
    out = tmp_path / "uit"
    terminal, terminal_side = os.openpty()  # the progress bar is drawn on a terminal only
    process = subprocess.Popen(
        [sys.executable, "-m", "wizard", "batch", str(sessions), "--out", str(out)],
        cwd=ROOT,
        env=_environment(tmp_path),
        preexec_fn=_in_the_foreground,
        stdout=subprocess.PIPE,
        stderr=terminal_side,
    )
    os.close(terminal_side)
    seen = bytearray()
    try:
        _read_until(terminal, b" 2/60 ", seen)
        process.send_signal(signal.SIGINT)
        stdout, _ = process.communicate(timeout=120)
        _read_until(terminal, b"gesprekken gemaakt", seen)
    finally:
        if process.poll() is None:
            process.kill()
        os.close(terminal)
    errors = seen.decode("utf-8", "replace")
    assert process.returncode == cli_module.EXIT_INTERRUPTED, errors
    assert "Traceback" not in errors
    stopped = re.search(r"gestopt met Ctrl\+C: (\d+) van de 60 gesprekken gemaakt", errors)
    assert stopped, errors
    made = int(stopped[1])
    assert 2 <= made < 60  # it stopped, and kept what was made
    lines = stdout.decode("utf-8").splitlines()
    done = sorted(line.split(":")[0] for line in lines if " -> " in line)
    assert len(done) == made
    assert lines[-2].startswith(f"{made} van 60 gesprekken gemaakt, 0 mislukt, 0 geweigerd")
    assert lines[-1].startswith("Kabinetsoverzicht: ")
    folders = sorted(path.name for path in out.iterdir() if path.is_dir())
    assert folders == [name.removesuffix(".adviesgesprek.yaml") for name in done]
    for folder in folders:  # all or nothing
        names = sorted(path.name for path in (out / folder).iterdir())
        assert names == [
            "afspraken.pdf",
            "checklist.pdf",
            "platformconfiguratie.yaml",
            "verantwoording.pdf",
        ]
    assert {row["bestand"] for row in _read_csv(out / "rvd-aanlevering.csv")} == set(done)
    overview = (out / "kabinetsoverzicht.html").read_text(encoding="utf-8")
    assert [name for name in sorted(os.listdir(sessions)) if name in overview] == done
    assert not _leftovers(out)
    assert not _private_folders(tmp_path)


# --- a render stopped or killed -------------------------------------------------------------

# A render whose HTML is slow to write (as on a slow share); it says when it is writing it.
SLOW_RENDER = textwrap.dedent("""
    import sys, threading, time
    sys.path.insert(0, sys.argv[1])
    from wizard.cli import main
    from wizard.documents import export
    real = export.WRITERS["html"]
    hold = sys.argv[2] == "hold"

    def slow(*args):
        print("schrijft", flush=True)
        if hold:
            threading.Event().wait()  # until the process is killed
        time.sleep(1)
        real(*args)

    export.WRITERS["html"] = slow
    sys.exit(main(sys.argv[3:]))
""")


def _slow_render(tmp_path: Path, out: Path, hold: str) -> subprocess.Popen[str]:
    process = subprocess.Popen(
        [
            sys.executable,
            "-c",
            SLOW_RENDER,
            str(ROOT),
            hold,
            "render",
            str(EXAMPLE),
            "--out",
            str(out),
            "--format",
            "pdf,html",
        ],
        cwd=ROOT,
        env=_environment(tmp_path),
        preexec_fn=_in_the_foreground,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout.readline().strip() == "schrijft", process.stderr.read()
    return process


def _old_set(out: Path) -> dict[str, bytes]:
    out.mkdir()
    old = {name: f"oude versie van {name}".encode() for name in ("afspraken.pdf", "checklist.pdf")}
    for name, data in old.items():
        (out / name).write_bytes(data)
    return old


@POSIX
def test_ctrl_c_stops_a_render_without_a_traceback_or_temporary_files(tmp_path):
    out = tmp_path / "uit"
    old = _old_set(out)
    process = _slow_render(tmp_path, out, "go-on")
    process.send_signal(signal.SIGINT)
    _, errors = process.communicate(timeout=120)
    assert process.returncode == cli_module.EXIT_INTERRUPTED, errors
    assert "gestopt" in errors and "Traceback" not in errors, errors
    assert {path.name: path.read_bytes() for path in out.iterdir()} == old
    assert not _private_folders(tmp_path)


@POSIX
def test_the_next_render_tidies_up_after_a_killed_one(cli, tmp_path):
    """A render killed (SIGKILL) while it writes leaves its temporary files and Typst's
    private folder; the next render in that folder removes them, and nothing of a process
    that still runs."""
    out = tmp_path / "uit"
    old = _old_set(out)
    killed = _slow_render(tmp_path, out, "hold")
    killed.send_signal(signal.SIGKILL)
    killed.communicate(timeout=60)
    left = [path.name for path in _leftovers(out)]
    assert any(name.startswith(f".afspraken.pdf.{killed.pid}-") for name in left), left
    assert _private_folders(tmp_path, killed.pid)
    assert {name: (out / name).read_bytes() for name in old} == old
    # What a live process has under way: this test's own.
    busy = out / f".afspraken.pdf.{own_tag()}.bezig.tmp"
    busy.write_bytes(b"")
    busy_folder = tmp_path / "temp" / f"{PRIVATE_PREFIX}{own_tag()}-bezig"
    busy_folder.mkdir()
    result = cli("render", EXAMPLE, "--out", out, env={"TMPDIR": str(tmp_path / "temp")})
    assert result.returncode == 0, result.stderr
    assert [path.name for path in _leftovers(out)] == [busy.name]
    assert _private_folders(tmp_path) == [busy_folder.name]
    assert sorted(path.name for path in out.iterdir() if not path.name.startswith(".")) == [
        "afspraken.pdf",
        "checklist.pdf",
        "platformconfiguratie.yaml",
        "verantwoording.pdf",
    ]


# --- refused means refused ------------------------------------------------------------------


def test_a_refused_session_is_written_nothing_and_counted_as_refused(tmp_path, capsys):
    folder = tmp_path / "kabinet"
    folder.mkdir()
    shutil.copy(EXAMPLE, folder / "goed.adviesgesprek.yaml")
    text = EXAMPLE.read_text(encoding="utf-8")
    assert "ministry: AZ" in text
    refused = text.replace("ministry: AZ", "ministry: XYZ", 1)
    (folder / "geweigerd.adviesgesprek.yaml").write_text(refused, encoding="utf-8")
    (folder / "kapot.adviesgesprek.yaml").write_text("minister: [", encoding="utf-8")
    out = tmp_path / "uit"
    assert main(["batch", str(folder), "--out", str(out), "--format", "html"]) == 1
    lines = capsys.readouterr().out.splitlines()
    line = next(line for line in lines if line.startswith("geweigerd.adviesgesprek.yaml: "))
    assert "GEWEIGERD: " in line and "niet gemaakt" in line and "MISLUKT" not in line, line
    assert any(line.startswith("kapot.adviesgesprek.yaml: MISLUKT: ") for line in lines)
    assert "1 van 3 gesprekken gemaakt, 1 mislukt, 1 geweigerd" in lines[-2]
    assert sorted(path.name for path in out.iterdir() if path.is_dir()) == ["goed"]
    rows = _read_csv(out / "rvd-aanlevering.csv")
    assert {row["bestand"] for row in rows} == {"goed.adviesgesprek.yaml"}
    assert "geweigerd.adviesgesprek.yaml" in (out / "kabinetsoverzicht.html").read_text("utf-8")


# --- the batch's own files -------------------------------------------------------------------


def test_a_session_named_like_the_overview_gets_another_folder(tmp_path, capsys):
    folder = tmp_path / "kabinet"
    folder.mkdir()
    for name in ("kabinetsoverzicht.pdf", "rvd-aanlevering.csv", "kabinetsoverzicht.html"):
        shutil.copy(EXAMPLE, folder / f"{name}.adviesgesprek.yaml")
    out = tmp_path / "uit"
    assert main(["batch", str(folder), "--out", str(out), "--format", "html"]) == 0
    output = capsys.readouterr()
    assert "3 van 3 gesprekken gemaakt" in output.out, output
    assert (out / "kabinetsoverzicht.pdf").is_file() and (out / "rvd-aanlevering.csv").is_file()
    assert (out / "kabinetsoverzicht.pdf-2" / "afspraken.html").is_file()
    assert (out / "rvd-aanlevering.csv-2" / "afspraken.html").is_file()


def test_an_overview_that_cannot_be_written_is_one_line_after_the_summary(tmp_path, capsys):
    """A folder where the overview goes (as an older program made for a session of that
    name): the conversations and the CSV are made, the summary is printed, then one Dutch line
    on standard error, and the exit code is 2 (an output that cannot be written)."""
    out = tmp_path / "uit"
    (out / "kabinetsoverzicht.pdf").mkdir(parents=True)
    assert main(["batch", str(EXAMPLES), "--out", str(out), "--format", "html"]) == 2
    output = capsys.readouterr()
    lines = output.out.splitlines()
    assert sum(" -> " in line for line in lines) == len(list(EXAMPLES.glob("*.adviesgesprek.yaml")))
    assert lines[-1].endswith(f"RVD-aanlevering: {out / 'rvd-aanlevering.csv'}")
    errors = output.err.splitlines()
    assert len(errors) == 1 and "Traceback" not in output.err, output.err
    assert "kabinetsoverzicht.pdf" in errors[0] and "er staat een map met die naam" in errors[0]
    assert not (out / "kabinetsoverzicht.html").exists()  # the overview is all or nothing
    assert not _leftovers(out)


def test_a_full_disk_at_the_batchs_own_files_keeps_the_summary(tmp_path, capsys, monkeypatch):
    """The disk full when the CSV and the overview are written: the summary of the
    conversations still comes, then one Dutch line with both failures, and exit 2."""
    real = transaction.Transaction.temporary

    def temporary(self, name):
        if name in batch_module.OWN_FILES:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(self, name)

    monkeypatch.setattr(transaction.Transaction, "temporary", temporary)
    out = tmp_path / "uit"
    assert main(["batch", str(EXAMPLES), "--out", str(out), "--format", "html"]) == 2
    output = capsys.readouterr()
    lines = output.out.splitlines()
    assert sum(" -> " in line for line in lines) == len(list(EXAMPLES.glob("*.adviesgesprek.yaml")))
    assert lines[-1].endswith("RVD-aanlevering: -")
    errors = output.err.splitlines()
    assert len(errors) == 1 and "Traceback" not in output.err, output.err
    assert "rvd-aanlevering.csv: kan niet worden geschreven (de schijf is vol)" in errors[0]
    assert "kabinetsoverzicht.pdf: kan niet worden geschreven (de schijf is vol)" in errors[0]
    assert not _leftovers(out)
