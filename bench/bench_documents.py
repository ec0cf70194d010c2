"""Benchmark of `render` and `batch` (not a test: the figures go into README).

    python bench/bench_documents.py [--runs 5] [--keep DIR]

Measured in one run, as whole processes, wall time (median of --runs):
- render:  `adviesgesprek render EXAMPLE --out DIR` (the three PDFs, typeset by Typst, and the
           YAML) against its floor, a bare process that only typesets the same three documents
           with Typst (bench/typst_only.py), their sources and values prepared beforehand.
           Target: at most 1.3x the floor. (Issue 26.)
- batch:   `adviesgesprek batch CABINET --out DIR` over a generated cabinet of 28 conversations
           (bench/make_cabinet.py) against its floor, the same bare process typesetting the
           cabinet's 84 documents with as many threads as `batch` uses. Target: at most 1.1x
           the floor, and a peak memory (maximum resident set of the batch process) under 150
           MiB. For reference: the batch with one worker instead of two (what the second core
           gives), 28 separate `render` processes, and where the batch's time goes (measured in
           this process, per conversation: reading and advice, the Typst source, Typst,
           writing).
- for reference: a bare script that loads Qt and prints a QTextDocument of the same HTML
  documents to PDF/A-1b files (bench/bare_qt_pdf.py; the targets of issues 3 and 11 were
  against it); `check` of the example (the core alone: rulebook, session, advice); a what-if
  for the core's rulebook load: `render` with the rulebook read from a cache (a pickle); and
  LibreOffice converting the agreement's ODT to PDF where `soffice` is installed.
- floors: Python starting and stopping (`python -c pass`), and Typst alone as above (for the
  batch also split over as many processes). No program that starts Python and typesets these
  pages with Typst gets below these floors on the machine.

bare, render, check, the what-if and the batches run in turns, so that their ratios compare runs
that saw the same state of a shared, noisy machine.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from wizard.constants import DOCUMENT_KINDS  # noqa: E402 - from the source tree above

EXAMPLE = ROOT / "examples" / "corporate-minpres.adviesgesprek.yaml"
BENCH = Path(__file__).resolve().parent

# `render` with the validated built-in rulebook from a pickle made beforehand: a what-if for a
# rulebook cache in the core (the YAML and the schema check skipped entirely).
PICKLED_RENDER = """
import pickle, sys
import wizard.cli as cli
with open(sys.argv[1], "rb") as handle:
    cached = pickle.load(handle)
cli._load_rulebook = lambda path: cached
sys.exit(cli.main(sys.argv[2:]))
"""


# `batch` with one worker: what the second core gives.
ONE_WORKER = """
import sys
import wizard.documents.export as export
export.workers = lambda: 1
from wizard.cli import main
sys.exit(main(sys.argv[1:]))
"""


def batch_breakdown(cabinet: list[Path], work: Path) -> dict[str, float]:
    """Seconds per conversation of each step of a batch, in this process (one worker)."""
    from wizard.core.configuration import configuration_yaml
    from wizard.core.engine import advise
    from wizard.core.rulebook import builtin_rulebook
    from wizard.core.session import load_session
    from wizard.documents.style import house_style
    from wizard.documents.typesetting import prepare, typeset_pdf

    rulebook = builtin_rulebook()
    style = house_style(rulebook)
    steps = {
        "reading and advice": 0.0,
        "Typst source": 0.0,  # the context and Jinja; at most 18 characters (the table)
        **{f"Typst, {kind}": 0.0 for kind in DOCUMENT_KINDS},
        "writing the files": 0.0,
    }
    for round_ in range(2):  # the first round warms up
        for path in cabinet:
            start = time.process_time()
            session = load_session(path)
            advice = advise(session, rulebook)
            times = [start, time.process_time()]
            prepared = [prepare(kind, advice, style) for kind in DOCUMENT_KINDS]
            times.append(time.process_time())
            pdfs = []
            for document in prepared:
                pdfs.append(typeset_pdf(document))
                times.append(time.process_time())
            folder = work / "breakdown" / path.stem
            folder.mkdir(parents=True, exist_ok=True)
            for kind, pdf in zip(DOCUMENT_KINDS, pdfs, strict=True):
                (folder / f"{kind}.pdf").write_bytes(pdf)
            (folder / "platformconfiguratie.yaml").write_text(configuration_yaml(advice))
            times.append(time.process_time())
            if round_:
                spent = [after - before for before, after in zip(times, times[1:], strict=False)]
                for name, seconds in zip(steps, spent, strict=True):
                    steps[name] += seconds / len(cabinet)
    return steps


def pickle_prepared(path: Path, sessions: list[Path]) -> Path:
    """The Typst sources and values of every document of every session, for typst_only.py."""
    import pickle

    from wizard.core.engine import advise
    from wizard.core.rulebook import builtin_rulebook
    from wizard.core.session import load_session
    from wizard.documents.style import house_style
    from wizard.documents.typesetting import PDF_STANDARDS, prepare

    rulebook = builtin_rulebook()
    style = house_style(rulebook)
    documents = []
    folders: list[str] = []
    for session_path in sessions:
        advice = advise(load_session(session_path), rulebook)
        for kind in DOCUMENT_KINDS:
            prepared = prepare(kind, advice, style)
            folders = [str(folder) for folder in prepared.font_dirs]
            documents.append((prepared.files(), prepared.inputs(), prepared.timestamp))
    with path.open("wb") as handle:
        pickle.dump((folders, PDF_STANDARDS, documents), handle)
    return path


def typst_only(prepared: Path, out: Path, workers: int, how: str = "threads") -> list[str]:
    script = str(BENCH / "typst_only.py")
    return [sys.executable, script, str(prepared), str(out), str(workers), how]


def pickle_rulebook(path: Path) -> Path:
    import pickle

    from wizard.core.rulebook import builtin_rulebook

    with path.open("wb") as handle:
        pickle.dump(builtin_rulebook(), handle)
    return path


def environment() -> dict[str, str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
    return env


def run(command: list[str]) -> tuple[float, float]:
    """(wall seconds, peak resident MiB) of one child process."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=environment(), cwd=ROOT
    )
    if hasattr(os, "wait4"):
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        peak = usage.ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)
    else:
        process.wait()
        elapsed, peak = time.perf_counter() - start, float("nan")
    errors = process.stderr.read().decode(errors="replace") if process.stderr else ""
    if process.returncode not in (0, 1):
        raise SystemExit(f"failed ({process.returncode}): {' '.join(command)}\n{errors}")
    return elapsed, peak


def median_run(command: list[str], runs: int) -> tuple[float, float]:
    run(command)  # warm the file system and font caches
    samples = [run(command) for _ in range(runs)]
    return statistics.median(s[0] for s in samples), max(s[1] for s in samples)


def interleaved(commands: dict[str, list[str]], runs: int) -> dict[str, tuple[float, float]]:
    """Median wall time and peak memory of each command, run in turns (a, b, c, a, b, c, ...)
    after one warm-up each, so that a ratio compares runs that saw the same machine state."""
    for command in commands.values():
        run(command)
    samples: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            samples[name].append(run(command))
    return {
        name: (statistics.median(s[0] for s in values), max(s[1] for s in values))
        for name, values in samples.items()
    }


def wizard(*args: str) -> list[str]:
    return [sys.executable, "-m", "wizard", *args]


def write_html(folder: Path) -> list[Path]:
    """The documents' HTML, as the bare Qt script prints it."""
    os.environ.update(
        {key: value for key, value in environment().items() if key == "QT_QPA_PLATFORM"}
    )
    from wizard.core.engine import advise
    from wizard.core.rulebook import builtin_rulebook
    from wizard.core.session import load_session
    from wizard.documents.html import document_html
    from wizard.documents.style import house_style

    rulebook = builtin_rulebook()
    advice, style = advise(load_session(EXAMPLE), rulebook), house_style(rulebook)
    paths = []
    for kind in DOCUMENT_KINDS:
        path = folder / f"{kind}.html"
        path.write_text(document_html(kind, advice, style), encoding="utf-8")
        paths.append(path)
    return paths


def libreoffice(work: Path, runs: int) -> float | None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        return None
    odt = work / "odt"
    subprocess.run(
        wizard("render", str(EXAMPLE), "--out", str(odt), "--format", "odt"),
        check=True,
        env=environment(),
        cwd=ROOT,
        capture_output=True,
    )
    profile = f"-env:UserInstallation=file://{work / 'lo-profile'}"
    command = [
        soffice,
        profile,
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        str(work / "lo"),
        str(odt / "afspraken.odt"),
    ]
    return median_run(command, runs)[0]


def machine() -> str:
    try:
        import PySide6

        qt = PySide6.__version__
    except ImportError:
        qt = "?"
    cpu = platform.processor() or platform.machine()
    return (
        f"{platform.platform()}, {cpu}, {os.cpu_count()} CPUs, Python "
        f"{platform.python_version()}, PySide6 {qt}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="keep the work folder here")
    args = parser.parse_args()
    work = Path(args.keep or tempfile.mkdtemp(prefix="adviesgesprek-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    from compiled import compile_program
    from make_cabinet import make_cabinet

    compile_program()

    html = write_html(work)
    bare_out = work / "bare"
    bare_out.mkdir(exist_ok=True)
    cached = pickle_rulebook(work / "rulebook.pickle")
    prepared_one = pickle_prepared(work / "prepared-one.pickle", [EXAMPLE])
    measured = interleaved(
        {
            "bare": [sys.executable, str(BENCH / "bare_qt_pdf.py"), str(bare_out), *map(str, html)],
            "render": wizard("render", str(EXAMPLE), "--out", str(work / "r")),
            "check": wizard("check", str(EXAMPLE)),
            "python": [sys.executable, "-c", "pass"],
            "typst": typst_only(prepared_one, work / "typst-one", 1),
            "cached": [
                sys.executable,
                "-c",
                PICKLED_RENDER,
                str(cached),
                "render",
                str(EXAMPLE),
                "--out",
                str(work / "rp"),
            ],
        },
        2 * args.runs,
    )
    bare, render, check, pickled, python, typst_one = (
        measured[name][0] for name in ("bare", "render", "check", "cached", "python", "typst")
    )
    render_peak = measured["render"][1]

    cabinet = make_cabinet(work / "kabinet")
    from wizard.documents.export import workers

    prepared_all = pickle_prepared(work / "prepared-all.pickle", cabinet)
    batches = interleaved(
        {
            "bare": [sys.executable, str(BENCH / "bare_qt_pdf.py"), str(bare_out), *map(str, html)],
            "batch": wizard("batch", str(work / "kabinet"), "--out", str(work / "batch")),
            "one": [
                sys.executable,
                "-c",
                ONE_WORKER,
                "batch",
                str(work / "kabinet"),
                "--out",
                str(work / "batch1"),
            ],
            "typst": typst_only(prepared_all, work / "typst-all", workers()),
            "typst-processes": typst_only(prepared_all, work / "typst-p", workers(), "processes"),
        },
        max(1, args.runs // 2),
    )
    batch_bare = batches["bare"][0]
    batch, batch_peak = batches["batch"]
    one_worker, one_peak = batches["one"]
    typst_all = batches["typst"][0]
    typst_processes = batches["typst-processes"][0]
    separate = 0.0
    for path in cabinet:
        separate += run(wizard("render", str(path), "--out", str(work / "los" / path.stem)))[0]
    steps = batch_breakdown(cabinet, work)
    office = libreoffice(work, max(1, args.runs // 2))

    kinds = len(DOCUMENT_KINDS)
    rows = [
        (f"floor: Typst alone, {kinds} documents", typst_one, "", "floor"),
        (
            f"render ({kinds} PDFs + YAML)",
            render,
            f"{render / typst_one:.2f}x floor",
            "<= 1.3x " + ("ok" if render / typst_one <= 1.3 else "NOT MET"),
        ),
        ("  of which: check (core alone)", check, f"{check / typst_one:.2f}x floor", "reference"),
        (
            "  render minus check (documents)",
            render - check,
            f"{(render - check) / typst_one:.2f}x floor",
            "reference",
        ),
        (
            "  render, rulebook from a cache",
            pickled,
            f"{pickled / typst_one:.2f}x floor",
            "what-if",
        ),
        ("  floor: Python alone (-c pass)", python, f"{python / typst_one:.2f}x floor", "floor"),
        (
            f"  bare Qt script, {kinds} HTML -> PDF/A-1b",
            bare,
            f"{bare / typst_one:.2f}x floor",
            "reference",
        ),
        (
            f"floor: Typst alone, {kinds * 28} docs, {workers()} thr."[:38],
            typst_all,
            "",
            "floor",
        ),
        (
            "batch of 28, one process",
            batch,
            f"{batch / typst_all:.2f}x floor",
            "<= 1.1x " + ("ok" if batch / typst_all <= 1.1 else "NOT MET"),
        ),
        (
            "batch of 28, one worker",
            one_worker,
            f"{one_worker / typst_all:.2f}x floor",
            "reference",
        ),
        (
            f"  floor: the same, {workers()} processes"[:38],
            typst_processes,
            f"{typst_processes / typst_all:.2f}x floor",
            "floor",
        ),
        (
            "  bare Qt script, beside the batches",
            batch_bare,
            f"{batch_bare / typst_all:.2f}x floor",
            "reference",
        ),
        (
            "28 x render, separate processes",
            separate,
            f"{separate / typst_all:.2f}x floor",
            "reference",
        ),
        (
            "batch peak memory (MiB)",
            batch_peak,
            "",
            "< 150 " + ("ok" if batch_peak < 150 else "NOT MET"),
        ),
        ("batch peak memory, one worker (MiB)", one_peak, "", "reference"),
        ("render peak memory (MiB)", render_peak, "", "reference"),
    ]
    rows += [
        (f"  per conversation: {name}"[:38], seconds, "CPU, in-process", "reference")
        for name, seconds in steps.items()
    ]
    if office is not None:
        rows.append(
            (
                "LibreOffice ODT -> PDF (agreement)",
                office,
                f"{office / bare:.2f}x bare",
                "reference",
            )
        )
    print(f"Machine: {machine()}")
    print(
        f"Runs: median of {2 * args.runs}, render and its floor in turns (batches: "
        f"{max(1, args.runs // 2)}, in turns with their floor), after one warm-up"
    )
    print(f"{'measurement':<38} {'value':>9}  {'ratio':<18} target")
    for name, value, ratio, target in rows:
        unit = "" if "MiB" in name else " s"
        print(f"{name:<38} {value:>7.3f}{unit:<2}  {ratio:<18} {target}")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
