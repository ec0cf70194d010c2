"""`batch`: every conversation in a folder (a whole cabinet at a change of government), one
subfolder each (`wizard.documents.export`), plus the RVD's list (rvd-aanlevering.csv: the
advice's RVD requests, Meta's archive swaps and the verifications the RVD arranges) and the
cabinet overview (kabinetsoverzicht.pdf and .html, `wizard.documents.overview`).

The caller says how a file becomes an advice (`advise_file`): the documents only present it.

A session that cannot be read or written is reported and the batch goes on; one the rules
refuse (`export.Refused`) is written nothing and counted apart. Two conversations are made at
the same time where the machine has two cores; the summary and the CSV keep the order of the
files. When `stop` is set (Ctrl+C) no conversation is begun any more and those under way end
before their files are put in place; the CSV and the overview are still written, of the
conversations made. A CSV or overview that cannot be written is reported in the result
(`problems`), beside the summary of the conversations.
"""

from __future__ import annotations

import csv
import io
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from wizard.constants import SESSION_SUFFIX
from wizard.core.advice import Advice
from wizard.core.errors import InputError
from wizard.core.files import make_folder
from wizard.core.session import find_sessions
from wizard.documents import export
from wizard.documents.chrome import fill
from wizard.documents.html import clean_text
from wizard.documents.overview import Member, overview_html, overview_pdf
from wizard.documents.progress import end_progress, show_progress
from wizard.documents.style import HouseStyle
from wizard.documents.transaction import check_writable, clean_leftovers, write_files
from wizard.documents.typesetting import forget_layouts

# How the batch gets the advice of a session file (an InputError for a file it cannot read,
# `export.Refused` for one the rules refuse).
AdviseFile = Callable[[Path], Advice]

CSV_FILE = "rvd-aanlevering.csv"
OVERVIEW_FILES = ("kabinetsoverzicht.pdf", "kabinetsoverzicht.html")
OWN_FILES = (CSV_FILE, *OVERVIEW_FILES)  # no conversation's folder gets one of these names

# What became of a session.
MADE, FAILED, REFUSED, NOT_MADE = "made", "failed", "refused", "not made"


@dataclass
class SessionResult:
    source: Path
    name: str
    state: str = NOT_MADE  # not begun, or ended by a stop before its files were in place
    folder: Path | None = None
    errors: int = 0
    warnings: int = 0
    message: str | None = None
    written: list[Path] = field(default_factory=list)
    advice: Advice | None = None
    rows: list[list[str]] = field(default_factory=list)  # its rows of the RVD's CSV

    @property
    def ok(self) -> bool:
        return self.state == MADE


@dataclass
class BatchResult:
    results: list[SessionResult]
    skipped: list[Path]
    csv_path: Path | None
    labels: dict[str, Any]
    overview: list[Path] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # the batch's own files not written

    def _in(self, state: str) -> list[SessionResult]:
        return [result for result in self.results if result.state == state]

    @property
    def made(self) -> list[SessionResult]:
        return self._in(MADE)

    @property
    def failed(self) -> list[SessionResult]:
        return self._in(FAILED)

    @property
    def refused(self) -> list[SessionResult]:
        return self._in(REFUSED)

    @property
    def stopped(self) -> bool:
        """Whether a stop (Ctrl+C) left conversations unmade."""
        return bool(self._in(NOT_MADE))

    def _line(self, result: SessionResult) -> str | None:
        words = self.labels["batch"]
        if result.state == MADE:
            return fill(
                words["line_ok"],
                name=result.source.name,
                errors=result.errors,
                warnings=result.warnings,
                folder=result.folder,
            )
        if result.state in (FAILED, REFUSED):
            key = "line_failed" if result.state == FAILED else "line_refused"
            return fill(words[key], name=result.source.name, message=result.message)
        return None  # not made: the stopped line counts them

    def summary_lines(self) -> list[str]:
        words = self.labels["batch"]
        lines = [line for line in map(self._line, self.results) if line is not None]
        lines.extend(fill(words["line_skipped"], name=path.name) for path in self.skipped)
        lines.append(
            fill(
                words["total"],
                done=len(self.made),
                total=len(self.results),
                failed=len(self.failed),
                refused=len(self.refused),
                csv=self.csv_path or "-",
            )
        )
        if self.overview:
            lines.append(
                fill(
                    self.labels["overview"]["written"], pdf=self.overview[0], html=self.overview[1]
                )
            )
        return lines

    def stopped_line(self) -> str:
        """What a stop (Ctrl+C) left undone: how many of how many conversations were made."""
        return fill(
            self.labels["batch"]["stopped"],
            done=len(self.made),
            total=len(self.results),
            left=len(self._in(NOT_MADE)),
        )


def _folder_name(path: Path, taken: set[str]) -> str:
    name = path.name
    for suffix in (SESSION_SUFFIX, ".yaml", ".yml"):
        if name.endswith(suffix):
            name = name[: -len(suffix)]
            break
    name = name.strip(" .") or "gesprek"
    unique, number = name, 2  # `taken` holds the batch's own files too (OWN_FILES)
    while unique.casefold() in taken:
        unique, number = f"{name}-{number}", number + 1
    taken.add(unique.casefold())
    return unique


def _csv_cell(value: Any) -> str:
    """One line of plain text: no spreadsheet formulas from session text (CSV injection), no
    characters a text file cannot hold (a NUL, a lone surrogate)."""
    text = " ".join(clean_text(str(value or "")).split())
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def rvd_rows(name: str, advice: Advice, labels: dict[str, Any]) -> list[list[str]]:
    """The rows of rvd-aanlevering.csv for the conversation in the file `name`: one per RVD
    request of the advice (Meta's archive swap of an account of the post, with the old and new
    URL, and the verifications the RVD arranges), with whether its handle is given, the
    rulebook's proposal or not known yet."""
    words = labels["csv"]
    minister = advice.minister
    status = (
        fill(words["status_concept"], errors=len(advice.errors))
        if advice.is_concept
        else words["status_final"]
    )
    base = [name, minister.name, minister.title, minister.ministry_name or minister.ministry_given]
    requests = {
        "meta_archive_swap": words["request_archive_swap"],
        "verification": words["request_verification"],
    }
    return [
        [
            *base,
            request.platform_label,
            request.handle,
            requests[request.request],
            request.old_url,
            request.new_url,
            status,
            words["handle_status"][request.handle_status],
        ]
        for request in advice.rvd_requests
    ]


def _csv_bytes(header: list[str], rows: list[list[str]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([[_csv_cell(cell) for cell in row] for row in rows])
    return buffer.getvalue().encode("utf-8-sig")


def _write_overview(out_dir: Path, results: list[SessionResult], style: HouseStyle) -> list[Path]:
    """kabinetsoverzicht.pdf and .html: every conversation made, and those that failed or were
    refused, at a glance."""
    members = [
        Member(result.source.name, result.advice)
        for result in results
        if result.ok and result.advice is not None
    ]
    failed = [
        (result.source.name, result.message or "")
        for result in results
        if result.state in (FAILED, REFUSED)
    ]
    contents = {
        OVERVIEW_FILES[0]: overview_pdf(members, failed, style),
        OVERVIEW_FILES[1]: overview_html(members, failed, style).encode("utf-8"),
    }
    return write_files(out_dir, contents)


def _batch_one(
    result: SessionResult,
    out_dir: Path,
    advise_file: AdviseFile,
    style: HouseStyle,
    formats: list[str],
    stop: threading.Event,
) -> None:
    """One conversation of a batch: its folder, and its rows of the RVD's CSV, in `result`. A
    session that cannot be read or written is reported there, and the batch goes on. Nothing
    is begun once `stop` is set."""
    if stop.is_set():
        return
    try:
        advice = advise_file(result.source)
        result.errors, result.warnings = len(advice.errors), len(advice.warnings)
        rows = rvd_rows(result.source.name, advice, style.labels)
        folder = out_dir / result.name
        result.written = export.write_outputs(
            advice, style, folder, formats, parallel=False, keep=(result.source,), stop=stop
        )
        result.folder, result.advice, result.rows = folder, advice, rows
        result.state = MADE
    except export.Stopped:
        pass  # not made: nothing of it was put in place
    except export.Refused as error:
        result.state, result.message = REFUSED, str(error)
    except InputError as error:
        result.state, result.message = FAILED, str(error)
    except Exception as error:  # noqa: BLE001 - one broken session must not stop a cabinet
        result.state = FAILED
        result.message = f"onverwachte fout ({type(error).__name__}: {error})"
    finally:
        if "pdf" in formats:
            # No other conversation uses this one's pages: Typst need not keep them.
            forget_layouts()


def _make_all(
    results: list[SessionResult],
    out_dir: Path,
    advise_file: AdviseFile,
    style: HouseStyle,
    formats: list[str],
    progress: TextIO | None,
    stop: threading.Event,
) -> None:
    """Every conversation, two at a time where there are two cores, the progress in order."""
    total = len(results)
    show_progress(progress, 0, total, results[0].source.name)
    with ThreadPoolExecutor(
        max_workers=export.workers(), thread_name_prefix="adviesgesprek-batch"
    ) as pool:
        futures = [
            pool.submit(_batch_one, result, out_dir, advise_file, style, formats, stop)
            for result in results
        ]
        try:
            for index, future in enumerate(futures):
                future.result()
                if not stop.is_set():
                    show_progress(progress, index + 1, total, results[index].source.name)
        except BaseException:
            stop.set()  # (Ctrl+C without `stop`): the sessions still waiting are not begun
            raise
    if stop.is_set():
        end_progress(progress)


def _own_file(problems: list[str], write: Callable[[], Any]) -> Any:
    """`write()`, or None with why in `problems` when it cannot be written."""
    try:
        return write()
    except InputError as error:
        problems.append(str(error))
    except Exception as error:  # noqa: BLE001 - the summary of the conversations comes first
        problems.append(f"onverwachte fout ({type(error).__name__}: {error})")
    return None


def batch_folder(
    in_dir: Path,
    out_dir: Path,
    advise_file: AdviseFile,
    style: HouseStyle,
    formats: list[str],
    progress: TextIO | None = None,
    stop: threading.Event | None = None,
) -> BatchResult:
    """Every session in `in_dir`, one subfolder each in `out_dir`, rvd-aanlevering.csv and the
    cabinet overview (kabinetsoverzicht.pdf and .html); `advise_file` gives the advice of a
    session file, an InputError when it cannot be read, `export.Refused` when the rules refuse
    it. See the module docstring for failures, `stop` and the order of the results."""
    in_dir, out_dir = Path(in_dir), Path(out_dir)
    labels = style.labels
    formats = list(formats)
    export.check_formats(formats)  # before doing anything
    sessions, skipped = find_sessions(in_dir)
    if not sessions:
        raise InputError("geen gesprekken (*.adviesgesprek.yaml) gevonden", file=str(in_dir))
    make_folder(out_dir)
    clean_leftovers(out_dir)
    check_writable(out_dir)
    taken = {name.casefold() for name in OWN_FILES}
    results = [SessionResult(source=path, name=_folder_name(path, taken)) for path in sessions]
    if stop is None:
        stop = threading.Event()
    _make_all(results, out_dir, advise_file, style, formats, progress, stop)
    problems: list[str] = []
    made = [result for result in results if result.ok]
    header = list(labels["csv"]["columns"])
    rows = [row for result in made for row in result.rows]
    written = _own_file(
        problems, lambda: write_files(out_dir, {CSV_FILE: _csv_bytes(header, rows)})
    )
    overview = _own_file(problems, lambda: _write_overview(out_dir, results, style))
    return BatchResult(
        results=results,
        skipped=skipped,
        csv_path=written[0] if written else None,
        labels=labels,
        overview=overview or [],
        problems=problems,
    )
