"""`render` and `batch`: the documents of one conversation, or of a whole cabinet, into folders.

Every file is first written under a temporary name in the target folder and renamed only when
all files of the conversation are complete; on any failure the temporary files are removed and
an InputError with a Dutch message is raised, so no half-written document is ever left behind.

Typst does its work without Python's lock, so two documents (or two conversations of a batch)
are typeset at the same time where the machine has two cores; the files are written in order.
"""

from __future__ import annotations

import csv
import io
import os
import tempfile
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, TextIO

from wizard.constants import CONFIGURATION_FILE, DOCUMENT_KINDS, EXPORT_FORMATS, SESSION_SUFFIX
from wizard.core.engine import Advice, advise, configuration_yaml
from wizard.core.errors import InputError
from wizard.core.rulebook import Rulebook
from wizard.core.session import Session, find_sessions, load_session
from wizard.core.yamlio import os_reason
from wizard.documents.html import clean_text
from wizard.documents.templating import _fill, chrome

CSV_FILE = "rvd-aanlevering.csv"
OVERVIEW_FILES = ("kabinetsoverzicht.pdf", "kabinetsoverzicht.html")
Progress = Callable[[int, int, str], None]


# --- writing one conversation ---------------------------------------------------------------


def _write_pdf(kind: str, session: Session, rulebook: Rulebook, path: Path,
               advice: Advice) -> None:
    from wizard.documents.pdf import write_pdf

    write_pdf(kind, session, rulebook, path, advice)
    _check_pdf(path)


def _check_pdf(path: Path) -> None:
    with path.open("rb") as handle:
        if handle.read(5) != b"%PDF-":
            raise OSError("het PDF-bestand is leeg gebleven")


def _write_odt(kind: str, session: Session, rulebook: Rulebook, path: Path,
               advice: Advice) -> None:
    from wizard.documents.odt import write_odt

    write_odt(kind, session, rulebook, path, advice)


def _write_html(kind: str, session: Session, rulebook: Rulebook, path: Path,
                advice: Advice) -> None:
    from wizard.documents.html import document_html

    text = document_html(kind, session, rulebook, advice, standalone=True)
    path.write_text(text, encoding="utf-8")


WRITERS = {"pdf": _write_pdf, "odt": _write_odt, "html": _write_html}


def _plan(formats: list[str]) -> list[tuple[str, str | None, str]]:
    """(file name, document kind or None for the configuration, format) in writing order."""
    unknown = [name for name in formats if name not in EXPORT_FORMATS]
    if unknown:
        raise InputError(f"onbekend formaat: {', '.join(unknown)} (mogelijk: "
                         f"{', '.join(EXPORT_FORMATS)})")
    plan: list[tuple[str, str | None, str]] = []
    for name in dict.fromkeys(formats):
        plan.extend((f"{kind}.{name}", kind, name) for kind in DOCUMENT_KINDS)
    plan.append((CONFIGURATION_FILE, None, "yaml"))
    return plan


def _make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise InputError("dit is een bestand, geen map", file=str(folder)) from None
    except OSError as error:
        raise InputError(f"de uitvoermap kan niet worden gemaakt ({os_reason(error)})",
                         file=str(folder)) from None
    if not folder.is_dir():
        raise InputError("dit is geen map", file=str(folder))


def workers() -> int:
    """How many documents are typeset at once: two where a second core is free, else one.
    Measured on a shared 2-core machine whose other work kept both cores busy, two threads
    made a batch slower (3.97 s against 3.09 s), while Typst alone took as much CPU either
    way: a second thread only pays when a core is idle. More than two does not pay either:
    the rest of the work holds Python's lock."""
    cores = os.cpu_count() or 1
    try:
        busy = os.getloadavg()[0]
    except (AttributeError, OSError):   # Windows has no load average
        busy = 0.0
    return 2 if cores >= 2 and cores - busy >= 1.0 else 1


@cache
def _pdf_pool() -> ThreadPoolExecutor:
    return ThreadPoolExecutor(max_workers=2, thread_name_prefix="adviesgesprek-pdf")


def _start_pdfs(plan: list[tuple[str, str | None, str]], session: Session, rulebook: Rulebook,
                advice: Advice) -> dict[str, Future[bytes]]:
    """The PDFs of the plan, typeset in the background while the other files are written."""
    from wizard.documents.typesetting import pdf_bytes

    if workers() < 2 or WRITERS["pdf"] is not _write_pdf:
        return {}
    return {kind: _pdf_pool().submit(pdf_bytes, kind, session, rulebook, advice)
            for _name, kind, fmt in plan if fmt == "pdf" and kind is not None}


@cache
def _file_mode() -> int:
    """The mode a new file gets from the user's umask (mkstemp's own is 0600)."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def _temporary(folder: Path, name: str) -> Path:
    try:
        handle, temp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise InputError(f"de uitvoermap kan niet worden beschreven ({os_reason(error)})",
                         file=str(folder)) from None
    try:
        os.fchmod(handle, _file_mode())
    except (AttributeError, OSError):   # Windows has no fchmod; its default is fine
        pass
    os.close(handle)
    return Path(temp)


def _remove(paths: list[Path]) -> None:
    for path in paths:
        try:
            path.unlink(missing_ok=True)
        except OSError:
            pass


def write_outputs(session: Session, rulebook: Rulebook, out_dir: Path, formats: list[str],
                  advice: Advice, progress: Progress | None = None,
                  parallel: bool = True) -> list[Path]:
    """Write every file to a temporary name, then rename them all; see the module docstring.
    `parallel`: typeset the PDFs at the same time (not inside a batch, which already runs
    conversations side by side)."""
    plan = _plan(formats)
    out_dir = Path(out_dir)
    _make_folder(out_dir)
    total = len(plan) + 1
    temporary: list[Path] = []
    finals: list[Path] = []
    current = out_dir
    pdfs = _start_pdfs(plan, session, rulebook, advice) if parallel else {}
    try:
        for step, (name, kind, fmt) in enumerate(plan):
            if progress:
                progress(step, total, name)
            current = out_dir / name
            temp = _temporary(out_dir, name)
            temporary.append(temp)
            if kind is None:
                temp.write_text(configuration_yaml(advice), encoding="utf-8")
            elif fmt == "pdf" and kind in pdfs:
                temp.write_bytes(pdfs.pop(kind).result())
                _check_pdf(temp)
            else:
                WRITERS[fmt](kind, session, rulebook, temp, advice)
            finals.append(current)
        if progress:
            progress(len(plan), total, "opslaan")
        for temp, final in zip(temporary, finals, strict=True):
            current = final
            os.replace(temp, final)
    except InputError as error:
        _remove(temporary)
        raise error.with_file(str(current)) from None
    except OSError as error:
        _remove(temporary)
        raise InputError(f"kan niet worden geschreven ({os_reason(error)})",
                         file=str(current)) from None
    except BaseException:
        _remove(temporary)
        raise
    finally:
        for future in pdfs.values():   # a failure before all PDFs were used
            future.cancel()
    if progress:
        progress(total, total, "klaar")
    return finals


def render_to_folder(session: Session, rulebook: Rulebook, out_dir: Path, formats: list[str],
                     progress: Progress | None = None) -> list[Path]:
    """afspraken.* and checklist.* in the formats asked for, and platformconfiguratie.yaml."""
    return write_outputs(session, rulebook, out_dir, list(formats) or ["pdf"],
                         advise(session, rulebook), progress)


# --- a whole cabinet --------------------------------------------------------------------------


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
                lines.append(_fill(words["line_ok"], name=result.source.name,
                                   errors=result.errors, warnings=result.warnings,
                                   folder=result.folder))
            else:
                lines.append(_fill(words["line_failed"], name=result.source.name,
                                   message=result.message))
        lines.extend(_fill(words["line_skipped"], name=path.name) for path in self.skipped)
        lines.append(_fill(words["total"], done=len(self.results) - len(self.failed),
                           total=len(self.results), failed=len(self.failed),
                           csv=self.csv_path or "-"))
        if self.overview:
            lines.append(_fill(self.labels["overview"]["written"], pdf=self.overview[0],
                               html=self.overview[1]))
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


def _rvd_rows(result: SessionResult, advice: Advice, rulebook: Rulebook,
              labels: dict[str, Any]) -> list[list[str]]:
    """What the RVD is asked to do for this conversation (the engine's `rvd_requests`): Meta's
    archive swap of an account of the post (old and new URL) and the verifications it arranges."""
    words = labels["csv"]
    minister = advice.minister
    status = _fill(words["status_concept"], errors=len(advice.errors)) if advice.is_concept \
        else words["status_final"]
    base = [result.source.name, minister["name"], minister["title"],
            minister["ministry"] or minister["ministry_given"]]
    requests = {"meta_archive_swap": words["request_archive_swap"],
                "verification": words["request_verification"]}
    return [[*base, rulebook.platforms[request["platform"]]["label"], request["handle"],
             requests[request["request"]], request["old_url"], request["new_url"], status]
            for request in advice.rvd_requests]


def _write_csv(path: Path, header: list[str], rows: list[list[str]]) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([[_csv_cell(cell) for cell in row] for row in rows])
    _write_files({path: buffer.getvalue().encode("utf-8-sig")})


def _write_files(contents: dict[Path, bytes]) -> None:
    """Write every file under a temporary name, then rename them all; nothing half-written."""
    temporary: list[Path] = []
    current = next(iter(contents))
    try:
        for path, data in contents.items():
            current = path
            temp = _temporary(path.parent, path.name)
            temporary.append(temp)
            temp.write_bytes(data)
        for temp, path in zip(temporary, contents, strict=True):
            current = path
            os.replace(temp, path)
    except OSError as error:
        _remove(temporary)
        raise InputError(f"kan niet worden geschreven ({os_reason(error)})",
                         file=str(current)) from None


def _write_overview(out_dir: Path, results: list[SessionResult], rulebook: Rulebook) -> \
        list[Path]:
    """kabinetsoverzicht.pdf and .html: every conversation of the batch at a glance."""
    from wizard.documents.overview import Member, overview_html, overview_pdf

    members = [Member(result.source.name, result.advice) for result in results
               if result.ok and result.advice is not None]
    failed = [(result.source.name, result.message or "") for result in results
              if not result.ok]
    paths = [out_dir / name for name in OVERVIEW_FILES]
    _write_files({paths[0]: overview_pdf(members, failed, rulebook),
                  paths[1]: overview_html(members, failed, rulebook).encode("utf-8")})
    return paths


def _show(stream: TextIO | None, done: int, total: int, name: str) -> None:
    if stream is None:
        return
    width = 24
    filled = width * done // max(total, 1)
    stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {name[:40]:<40}")
    if done == total:
        stream.write("\n")
    stream.flush()


def _batch_one(path: Path, result: SessionResult, out_dir: Path, rulebook: Rulebook,
               formats: list[str], labels: dict[str, Any]) -> list[list[str]]:
    """One conversation of a batch: its folder, and its rows of the RVD's CSV. A session that
    cannot be read or written is reported in `result`, and the batch goes on."""
    try:
        session = load_session(path)
        advice = advise(session, rulebook)
        result.errors, result.warnings = len(advice.errors), len(advice.warnings)
        folder = out_dir / result.name
        result.written = write_outputs(session, rulebook, folder, formats, advice,
                                       parallel=False)
        result.folder = folder
        result.advice = advice
        return _rvd_rows(result, advice, rulebook, labels)
    except InputError as error:
        result.message = str(error)
    except Exception as error:  # one broken session must not stop a whole cabinet
        result.message = f"onverwachte fout ({type(error).__name__}: {error})"
    return []


def batch_folder(in_dir: Path, out_dir: Path, rulebook: Rulebook, formats: list[str],
                 progress: TextIO | None = None) -> BatchResult:
    """Every session in `in_dir`, one subfolder each in `out_dir`, rvd-aanlevering.csv and the
    cabinet overview (kabinetsoverzicht.pdf and .html).
    A session that cannot be read or written is reported and the batch goes on. Two
    conversations are made at the same time where the machine has two cores; the summary and
    the CSV keep the order of the files."""
    in_dir, out_dir = Path(in_dir), Path(out_dir)
    labels = chrome(rulebook)
    _plan(list(formats))   # refuse an unknown format before doing anything
    sessions, skipped = find_sessions(in_dir)
    if not sessions:
        raise InputError("geen gesprekken (*.adviesgesprek.yaml) gevonden", file=str(in_dir))
    _make_folder(out_dir)
    _remove([_temporary(out_dir, CSV_FILE)])   # the folder must be writable at all
    taken: set[str] = set()
    results = [SessionResult(source=path, name=_folder_name(path, taken)) for path in sessions]
    _show(progress, 0, len(sessions), sessions[0].name)
    with ThreadPoolExecutor(max_workers=workers(),
                            thread_name_prefix="adviesgesprek-batch") as pool:
        futures = [pool.submit(_batch_one, path, result, out_dir, rulebook, list(formats),
                               labels) for path, result in zip(sessions, results, strict=True)]
        rows: list[list[str]] = []
        for index, future in enumerate(futures):
            rows.extend(future.result())
            _show(progress, index + 1, len(sessions), sessions[index].name)
    csv_path = out_dir / CSV_FILE
    _write_csv(csv_path, list(labels["csv"]["columns"]), rows)
    overview = _write_overview(out_dir, results, rulebook)
    return BatchResult(results=results, skipped=skipped, csv_path=csv_path, labels=labels,
                       overview=overview)
