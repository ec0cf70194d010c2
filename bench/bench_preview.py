"""Benchmark of the wizard's preview (not a test: the figures go into README).

    python bench/bench_preview.py [--runs 5]

The wizard offscreen on the example, on the Documenten page. An answer changes (the minister's
name, one letter more), and the time is measured until the agreement's pages for that version
of the conversation are on the page: the pause after a change (page_preview.DEBOUNCE_MS) plus
Typst making the page images in a worker thread. Target: within 300 ms. Meanwhile a timer in
the window's own thread ticks every 5 ms; the longest gap between two ticks is how long the
window could not react (to a keystroke) while the pages were made. The same timer in the same
window for as long, with nothing being made, is the baseline: a shared machine gives a busy
window's thread no CPU for a while too.

Then the print preview (Afdrukvoorbeeld…, both documents): from asking for it, after an answer
changed and the page's own preview caught up, until its first page is painted. Target: within
1 s.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
EXAMPLE = ROOT / "examples" / "corporate-minpres.adviesgesprek.yaml"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    home = Path(tempfile.mkdtemp(prefix="adviesgesprek-bench-preview-"))
    os.environ.update(XDG_CONFIG_HOME=str(home / "config"), XDG_DATA_HOME=str(home / "data"))
    from compiled import compile_program

    compile_program()
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    from wizard.app import configure_application, create_main_window
    from wizard.ui import base
    from wizard.ui.page_preview import DEBOUNCE_MS

    app = QApplication([])
    configure_application(app, "nl")
    window = create_main_window()
    window.resize(1100, 850)
    window.show()
    example = home / EXAMPLE.name  # a copy: the wizard puts its lock file beside it
    shutil.copy(EXAMPLE, example)
    window.open_file(example)
    window.go_to(base.DOCUMENTS)
    view = window.pages[base.DOCUMENTS].previews["afspraken"]

    def wait_until(condition, limit: float = 30.0) -> None:
        deadline = time.perf_counter() + limit
        while not condition():
            if time.perf_counter() > deadline:
                raise SystemExit("bench_preview: the preview did not come")
            app.processEvents()
            time.sleep(0.001)

    wait_until(lambda: view.page_count > 0 and view.shown_revision == window.model.revision)
    clock = QElapsedTimer()
    gaps: list[float] = []
    last = [0.0]

    def tick() -> None:
        now = clock.nsecsElapsed() / 1e6
        gaps.append(now - last[0])
        last[0] = now

    ticker = QTimer()
    ticker.setInterval(5)
    ticker.timeout.connect(tick)
    clock.start()
    ticker.start()
    idle_until = time.perf_counter() + 2.0
    while time.perf_counter() < idle_until:
        app.processEvents()
        time.sleep(0.001)
    ticker.stop()
    idle_stall = max(gaps[1:]) if len(gaps) > 1 else 0.0
    gaps.clear()
    latencies: list[float] = []
    samples = max(10, 4 * args.runs)
    for index in range(samples + 2):
        window.model.set("minister.name", f"Rob Jetten {'x' * (index % 7)}{index}")
        start = time.perf_counter()
        clock.start()
        last[0] = 0.0
        ticker.start()
        wait_until(lambda: view.shown_revision == window.model.revision)
        ticker.stop()
        if index >= 2:  # the first two warm up
            latencies.append((time.perf_counter() - start) * 1000)
        for _ in range(20):
            app.processEvents()
            time.sleep(0.005)
    latencies.sort()
    stall = max(gaps) if gaps else 0.0
    p95 = latencies[max(0, round(0.95 * len(latencies)) - 1)]
    printed = []
    for index in range(args.runs):
        window.model.set("minister.name", f"Rob Jetten {index}")
        wait_until(lambda: view.shown_revision == window.model.revision)
        printed.append(print_preview_ms(app, window.pages[base.DOCUMENTS]))
    window.model.set_modified(False)
    window.close()
    print(
        f"Samples: {len(latencies)}, pause after a change {DEBOUNCE_MS} ms, "
        f"{view.page_count} pages at {view.shown_ppi:.0f} ppi"
    )
    print(f"preview after a change, median (ms)     {statistics.median(latencies):8.1f}")
    print(f"preview after a change, 95th pct (ms)   {p95:8.1f}")
    print(f"longest stall of the window (ms)        {stall:8.1f}")
    print(f"longest stall, nothing made (ms)        {idle_stall:8.1f}")
    print(f"print preview, first page, median (ms)  {statistics.median(printed):8.1f}")


def print_preview_ms(app, page) -> float:
    """Open the print preview of the Documenten `page`; the time until its first page is
    painted (then it is closed)."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtPrintSupport import QPrintPreviewDialog, QPrintPreviewWidget
    from PySide6.QtWidgets import QGraphicsView

    painted: list[float] = []

    class FirstPaint(QObject):
        def eventFilter(self, _watched, event) -> bool:  # noqa: N802 - Qt's name
            if event.type() == QEvent.Type.Paint and not painted and preview.pageCount():
                painted.append(time.perf_counter())
                QTimer.singleShot(0, dialog.close)
            return False

    watcher = FirstPaint()
    dialog = preview = None

    def watch() -> None:
        nonlocal dialog, preview
        dialog = app.activeModalWidget()
        if not isinstance(dialog, QPrintPreviewDialog):
            QTimer.singleShot(1, watch)
            return
        preview = dialog.findChild(QPrintPreviewWidget)
        preview.findChild(QGraphicsView).viewport().installEventFilter(watcher)

    QTimer.singleShot(0, watch)
    start = time.perf_counter()
    page.print_preview()
    return (painted[0] - start) * 1000


if __name__ == "__main__":
    main()
