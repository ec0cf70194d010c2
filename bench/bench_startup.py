"""Benchmark of the wizard against a bare PySide6 QWizard with the same number of pages.

    python bench/bench_startup.py [--runs 5]

Measured in one run, on this machine, with the offscreen platform (QT_QPA_PLATFORM, unless set):
- start: from process start (just before the process is spawned) to the first page shown;
- ready: until the rulebook is loaded and all pages are built (the wizard only);
- peak memory: the maximum resident set size of the process, after walking every page (three
  times) and typing in the bio; each step ends as a turn of the event loop ends, with the
  widgets deleted by deleteLater gone (processEvents alone would keep them all);
- page switch: median time of Next, including refreshing and painting the new page;
- bio keystroke: median time to handle one key press in the bio editor (advice recomputed,
  counter, findings and side panel refreshed, painted);
- floor for the peak memory: the same wizard and walk with every page of the conversation empty
  (the start page, the menus, the step list, the side panel, the model and the rulebook as they
  are). A wizard that builds each page when shown and drops it when left (issue 12's "build
  pages when first shown") has at least this peak, plus the page it shows.

Targets (issue 4): start <= 1.3x bare (on a real X server too: QT_QPA_PLATFORM=xcb), page
switch and keystroke < 16 ms. The peak memory is for information: the wizard's memory is held
by the leak test (tests/ui/test_memory.py; issue 27 retired the memory ratio). Not part of the
test run: tests never assert on wall time.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "corporate-minpres.adviesgesprek.yaml"

COMMON = textwrap.dedent("""
    import json, resource, statistics, sys, time
    sys.path.insert(0, {root!r})

    def report(name, value):
        print(name, json.dumps(value), flush=True)

    def peak_kb():
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
""")

BARE = COMMON + textwrap.dedent("""
    from PySide6.QtWidgets import (QApplication, QLabel, QLineEdit, QVBoxLayout, QWizard,
                                   QWizardPage)
    app = QApplication(sys.argv[:1])
    wizard = QWizard()
    for index in range({pages}):
        page = QWizardPage()
        page.setTitle(f"Pagina {{index}}")
        layout = QVBoxLayout(page)
        layout.addWidget(QLabel("Vraag"))
        layout.addWidget(QLineEdit())
        wizard.addPage(page)
    wizard.resize(1180, 800)
    wizard.show()
    app.processEvents()
    report("SHOWN", time.time())
    switches = []
    for _ in range({pages} - 1):
        start = time.perf_counter()
        wizard.next()
        app.processEvents()
        switches.append((time.perf_counter() - start) * 1000)
    report("SWITCH", switches)
    report("PEAK", peak_kb())
""")

WIZARD = COMMON + textwrap.dedent("""
    from PySide6.QtCore import QCoreApplication, QEvent, QTimer
    from PySide6.QtWidgets import QApplication, QWidget
    import wizard.app as app_module

    def settle(app):
        # What one turn of the event loop does: the posted events, and the widgets deleted
        # with deleteLater (processEvents alone never deletes them).
        app.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    def measure(window, app):
        from tests.ui.helpers import key_chars
        from wizard.ui import base
        report("READY", time.time())
        report("PAGES", len(window.wizard.pageIds()))
        window.open_file(__import__("pathlib").Path({example!r}), ask=False)
        settle(app)
        switches = []
        for _round in range(3):
            window.go_to(base.MINISTER)
            settle(app)
            while window.wizard.currentId() != base.DOCUMENTS:
                start = time.perf_counter()
                window.wizard.next()
                settle(app)
                switches.append((time.perf_counter() - start) * 1000)
        window.go_to(base.PLATFORM_FIRST)
        settle(app)
        bio = window.findChild(QWidget, "platforms.x.bio")  # none when the pages are empty
        if bio is not None:
            bio.setFocus()
        keys = []
        for char in ("Account van de minister-president. " * 6)[:200] if bio else "":
            start = time.perf_counter()
            key_chars(bio, char)
            settle(app)
            keys.append((time.perf_counter() - start) * 1000)
        report("SWITCH", switches)
        report("KEYS", keys)
        report("PEAK", peak_kb())
        window.model.set_modified(False)
        window.close()

    def hooked(make_window):
        def start_window(*args, **kwargs):
            window, loader = make_window(*args, **kwargs)
            app = QApplication.instance()
            app.processEvents()
            report("SHOWN", time.time())
            window.ready.connect(lambda: QTimer.singleShot(0, lambda: measure(window, app)))
            return window, loader
        return start_window

    app_module.start_window = hooked(app_module.start_window)
    if {empty_pages!r}:
        # The floor: every page of the conversation empty (the start page, the docks, the
        # menus, the model and the rulebook as they are), walked the same way.
        import importlib
        from PySide6.QtCore import Signal
        from wizard.ui.base import Page

        class EmptyPage(Page):
            saveRequested = Signal()
            editRequested = Signal(int, str)

            def __init__(self, model, *args, **kwargs):
                super().__init__(model, "Pagina")
                self.finish_layout()

            def print_preview(self):  # (the Bestand menu's print actions go to Documenten)
                pass

            def print_dialog(self):
                pass

        for name in ("advice", "attention", "choice", "documents", "minister", "overview",
                     "platform", "predecessor", "situation", "webcare"):
            module = importlib.import_module(f"wizard.ui.{{name}}_page")
            setattr(module, name.title() + "Page", EmptyPage)
    if {via_cli!r}:
        from wizard.cli import main
        sys.exit(main([]))
    sys.exit(app_module.run_wizard())
""")


def run(script: str, env: dict[str, str]) -> dict[str, object]:
    spawned = time.time()
    result = subprocess.run(
        [sys.executable, "-c", script],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    if result.returncode != 0:
        raise SystemExit(f"benchmark process failed:\n{result.stderr[-3000:]}")
    values: dict[str, object] = {}
    for line in result.stdout.splitlines():
        name, _, value = line.partition(" ")
        if name.isupper() and value:
            values[name] = json.loads(value)
    values["start_ms"] = (float(values["SHOWN"]) - spawned) * 1000
    if "READY" in values:
        values["ready_ms"] = (float(values["READY"]) - spawned) * 1000
    return values


def median(runs: list[dict[str, object]], key: str) -> float:
    return statistics.median(float(item[key]) for item in runs)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from compiled import compile_program

    compile_program()
    data = Path(tempfile.mkdtemp(prefix="bench-adviesgesprek-"))
    env = dict(os.environ, XDG_DATA_HOME=str(data / "data"), XDG_CONFIG_HOME=str(data / "cfg"))
    env.setdefault("QT_QPA_PLATFORM", "offscreen")

    # A copy of the example: the wizard puts its lock file beside the conversation it opens.
    example = data / EXAMPLE.name
    shutil.copy(EXAMPLE, example)

    def wizard(via_cli: bool = False, empty_pages: bool = False) -> str:
        return WIZARD.format(
            root=str(ROOT), example=str(example), via_cli=via_cli, empty_pages=empty_pages
        )

    probe = run(wizard(), env)
    pages = int(probe["PAGES"])
    bare_script = BARE.format(root=str(ROOT), pages=pages)
    bare, ours, cli, empty = [], [], [], []
    for _ in range(args.runs):  # interleaved, so that all see the same machine state
        bare.append(run(bare_script, env))
        ours.append(run(wizard(), env))
        cli.append(run(wizard(via_cli=True), env))
        empty.append(run(wizard(empty_pages=True), env))

    switches = [value for item in ours for value in item["SWITCH"]]
    keys = [value for item in ours for value in item["KEYS"]]
    bare_switches = [value for item in bare for value in item["SWITCH"]]
    rows = [
        ("pages", pages, pages, ""),
        ("start to first page (ms)", median(bare, "start_ms"), median(ours, "start_ms"), "<= 1.3x"),
        (
            "  via `adviesgesprek` (cli.main) (ms)",
            median(bare, "start_ms"),
            median(cli, "start_ms"),
            "(information)",
        ),
        ("start to all pages ready (ms)", None, median(ours, "ready_ms"), ""),
        (
            "peak memory (MB)",
            median(bare, "PEAK") / 1024,
            median(ours, "PEAK") / 1024,
            "(information)",
        ),
        (
            "  floor: every page empty (MB)",
            median(bare, "PEAK") / 1024,
            median(empty, "PEAK") / 1024,
            "(floor)",
        ),
        (
            "page switch, median (ms)",
            statistics.median(bare_switches),
            statistics.median(switches),
            "< 16 ms",
        ),
        ("page switch, slowest (ms)", max(bare_switches), max(switches), ""),
        ("bio keystroke, median (ms)", None, statistics.median(keys), "< 16 ms"),
        ("bio keystroke, 95th percentile (ms)", None, sorted(keys)[int(len(keys) * 0.95)], ""),
    ]
    print(
        f"Python {sys.version.split()[0]}, platform {env['QT_QPA_PLATFORM']}, "
        f"{args.runs} runs each (medians)\n"
    )
    print(f"{'measure':40} {'bare QWizard':>13} {'Adviesgesprek':>14} {'ratio':>7}  target")
    for name, base_value, value, target in rows:
        ratio = f"{value / base_value:.2f}x" if base_value else ""
        base_text = f"{base_value:.1f}" if isinstance(base_value, float) else str(base_value or "")
        print(f"{name:40} {base_text:>13} {value:>14.1f} {ratio:>7}  {target}")
    start_ratio = median(ours, "start_ms") / median(bare, "start_ms")
    ok = start_ratio <= 1.3 and statistics.median(switches) < 16 and statistics.median(keys) < 16
    print("\nall targets met" if ok else "\nNOT all targets met")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
