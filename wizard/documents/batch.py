"""`batch`: every conversation in a folder (a whole cabinet at a change of government), one
subfolder each (`wizard.documents.export`), plus the RVD's list (rvd-aanlevering.csv: the
advice's RVD requests, Meta's archive swaps and the verifications the RVD arranges) and the
cabinet overview (kabinetsoverzicht.pdf and .html, `wizard.documents.overview`).

The caller says how a file becomes an advice (`advise_file`): the documents only present it.

A session that cannot be read or written is reported and the batch goes on. Two conversations
are made at the same time where the machine has two cores; the summary and the CSV keep the
order of the files.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from wizard.constants import SESSION_SUFFIX
from wizard.core.advice import Advice
from wizard.core.errors import InputError
from wizard.core.files import make_folder, output_temporary, remove_quietly, write_all
from wizard.core.session import find_sessions
from wizard.documents import export
from wizard.documents.chrome import fill
from wizard.documents.html import clean_text
from wizard.documents.progress import show_progress
from wizard.documents.style import HouseStyle

# How the batch gets the advice of a session file (an InputError for a file it cannot read).
AdviseFile = Callable[[Path], Advice]

CSV_FILE = "rvd-aanlevering.csv"
OVERVIEW_FILES = ("kabinetsoverzicht.pdf", "kabinetsoverzicht.html")


@dataclass
class SessionResult:
    source: Path
    name: str
    folder: Path | None = None
    errors: int = 0
    warnings: int = 0
    message: str | None = None
    written: list[Path] = field(default_factory=list)
    advice: Advice | None = None

    @property
    def ok(self) -> bool:
        return self.message is None


@dataclass
class BatchResult:
    results: list[SessionResult]
    skipped: list[Path]
    csv_path: Path | None
    labels: dict[str, Any]
    overview: list[Path] = field(default_factory=list)

    @property
    def failed(self) -> list[SessionResult]:
        return [result for result in self.results if not result.ok]

    def summary_lines(self) -> list[str]:
        words = self.labels["batch"]
        lines = []
        for result in self.results:
            if result.ok:
                lines.append(
                    fill(
                        words["line_ok"],
                        name=result.source.name,
                        errors=result.errors,
                        warnings=result.warnings,
                        folder=result.folder,
                    )
                )
            else:
                lines.append(
                    fill(words["line_failed"], name=result.source.name, message=result.message)
                )
        lines.extend(fill(words["line_skipped"], name=path.name) for path in self.skipped)
        lines.append(
            fill(
                words["total"],
                done=len(self.results) - len(self.failed),
                total=len(self.results),
                failed=len(self.failed),
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


def _folder_name(path: Path, taken: set[str]) -> str:
    name = path.name
    for suffix in (SESSION_SUFFIX, ".yaml", ".yml"):
        if name.endswith(suffix):
            name = name[: -len(suffix)]
            break
    name = name.strip(" .") or "gesprek"
    unique, number = name, 2
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


def _write_csv(path: Path, header: list[str], rows: list[list[str]]) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([[_csv_cell(cell) for cell in row] for row in rows])
    write_all({path: buffer.getvalue().encode("utf-8-sig")})


def _write_overview(out_dir: Path, results: list[SessionResult], style: HouseStyle) -> list[Path]:
    """kabinetsoverzicht.pdf and .html: every conversation of the batch at a glance."""
    from wizard.documents.overview import Member, overview_html, overview_pdf

    members = [
        Member(result.source.name, result.advice)
        for result in results
        if result.ok and result.advice is not None
    ]
    failed = [(result.source.name, result.message or "") for result in results if not result.ok]
    paths = [out_dir / name for name in OVERVIEW_FILES]
    write_all(
        {
            paths[0]: overview_pdf(members, failed, style),
            paths[1]: overview_html(members, failed, style).encode("utf-8"),
        }
    )
    return paths


def _batch_one(
    path: Path,
    result: SessionResult,
    out_dir: Path,
    advise_file: AdviseFile,
    style: HouseStyle,
    formats: list[str],
) -> list[list[str]]:
    """One conversation of a batch: its folder, and its rows of the RVD's CSV. A session that
    cannot be read or written is reported in `result`, and the batch goes on."""
    try:
        advice = advise_file(path)
        result.errors, result.warnings = len(advice.errors), len(advice.warnings)
        folder = out_dir / result.name
        result.written = export.write_outputs(advice, style, folder, formats, parallel=False)
        result.folder = folder
        result.advice = advice
        return rvd_rows(result.source.name, advice, style.labels)
    except InputError as error:
        result.message = str(error)
    except Exception as error:  # noqa: BLE001 - one broken session must not stop a cabinet
        result.message = f"onverwachte fout ({type(error).__name__}: {error})"
    finally:
        if "pdf" in formats:
            # No other conversation uses this one's pages: Typst need not keep them.
            from wizard.documents.typesetting import forget_layouts

            forget_layouts()
    return []


def batch_folder(
    in_dir: Path,
    out_dir: Path,
    advise_file: AdviseFile,
    style: HouseStyle,
    formats: list[str],
    progress: TextIO | None = None,
) -> BatchResult:
    """Every session in `in_dir`, one subfolder each in `out_dir`, rvd-aanlevering.csv and the
    cabinet overview (kabinetsoverzicht.pdf and .html); `advise_file` gives the advice of a
    session file, or an InputError when it cannot be read.
    A session that cannot be read or written is reported and the batch goes on. Two
    conversations are made at the same time where the machine has two cores; the summary and
    the CSV keep the order of the files."""
    in_dir, out_dir = Path(in_dir), Path(out_dir)
    labels = style.labels
    export.check_formats(list(formats))  # before doing anything
    sessions, skipped = find_sessions(in_dir)
    if not sessions:
        raise InputError("geen gesprekken (*.adviesgesprek.yaml) gevonden", file=str(in_dir))
    make_folder(out_dir)
    remove_quietly([output_temporary(out_dir, CSV_FILE)])  # the folder must be writable at all
    taken: set[str] = set()
    results = [SessionResult(source=path, name=_folder_name(path, taken)) for path in sessions]
    show_progress(progress, 0, len(sessions), sessions[0].name)
    with ThreadPoolExecutor(
        max_workers=export.workers(), thread_name_prefix="adviesgesprek-batch"
    ) as pool:
        futures = [
            pool.submit(_batch_one, path, result, out_dir, advise_file, style, list(formats))
            for path, result in zip(sessions, results, strict=True)
        ]
        rows: list[list[str]] = []
        for index, future in enumerate(futures):
            rows.extend(future.result())
            show_progress(progress, index + 1, len(sessions), sessions[index].name)
    csv_path = out_dir / CSV_FILE
    _write_csv(csv_path, list(labels["csv"]["columns"]), rows)
    overview = _write_overview(out_dir, results, style)
    return BatchResult(
        results=results, skipped=skipped, csv_path=csv_path, labels=labels, overview=overview
    )
