"""`render`: the documents of one advice into a folder, as one transaction (the caller
advises: `wizard.core.engine.advise`).

Every file is first written under a temporary name in the target folder; only when all files of
the conversation are complete are they put in place together, the old ones moved aside until
then (`wizard.documents.transaction`). On any failure, Ctrl+C included, the old files are put
back and the temporary ones removed, and an InputError with a Dutch message is raised: the
folder holds the complete old set or the complete new set, never a mix. What a killed render
left in the folder is tidied up at the next one. A whole cabinet at once is
`wizard.documents.batch`.

Typst does its work without Python's lock, so two documents (or two conversations of a batch)
are typeset at the same time where the machine has two cores; the files are written in order.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from functools import cache
from pathlib import Path

from wizard.constants import CONFIGURATION_FILE, DOCUMENT_KINDS, EXPORT_FORMATS
from wizard.core.advice import Advice
from wizard.core.configuration import configuration_yaml
from wizard.core.errors import InputError
from wizard.core.files import make_folder, os_reason
from wizard.documents.html import document_html
from wizard.documents.odt import write_odt
from wizard.documents.pdf import write_pdf
from wizard.documents.progress import Progress
from wizard.documents.style import HouseStyle
from wizard.documents.transaction import Transaction, clean_leftovers, failed_file
from wizard.documents.typesetting import pdf_bytes


class Refused(InputError):
    """A session `check` refuses (exit 2): no document is made of it."""


class Stopped(Exception):
    """The user asked to stop (Ctrl+C) before the files were put in place: nothing written."""


def _write_pdf(kind: str, advice: Advice, style: HouseStyle, path: Path) -> None:
    write_pdf(kind, advice, style, path)
    _check_pdf(path)


def _check_pdf(path: Path) -> None:
    with path.open("rb") as handle:
        if handle.read(5) != b"%PDF-":
            raise OSError("het PDF-bestand is leeg gebleven")


def _write_odt(kind: str, advice: Advice, style: HouseStyle, path: Path) -> None:
    write_odt(kind, advice, style, path)


def _write_html(kind: str, advice: Advice, style: HouseStyle, path: Path) -> None:
    text = document_html(kind, advice, style, standalone=True)
    path.write_text(text, encoding="utf-8")


WRITERS = {"pdf": _write_pdf, "odt": _write_odt, "html": _write_html}


def check_formats(formats: list[str]) -> None:
    """An InputError for a format that is not one of EXPORT_FORMATS."""
    unknown = [name for name in formats if name not in EXPORT_FORMATS]
    if unknown:
        raise InputError(
            f"onbekend formaat: {', '.join(unknown)} (mogelijk: {', '.join(EXPORT_FORMATS)})"
        )


def _plan(
    formats: list[str], kinds: Sequence[str] = DOCUMENT_KINDS, configuration: bool = True
) -> list[tuple[str, str | None, str]]:
    """(file name, document kind or None for the configuration, format) in writing order."""
    check_formats(formats)
    plan: list[tuple[str, str | None, str]] = []
    for name in dict.fromkeys(formats):
        plan.extend((f"{kind}.{name}", kind, name) for kind in kinds)
    if configuration:
        plan.append((CONFIGURATION_FILE, None, "yaml"))
    return plan


def workers() -> int:
    """How many documents are typeset at once: two where the process may use two cores, else
    one. More than two does not pay: the rest of the work holds Python's lock. (Not the load
    average: two threads were faster on a busy machine too; bench/ has the figures.)"""
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not on Windows and macOS
        cores = os.cpu_count() or 1
    return 2 if cores >= 2 else 1


@cache
def _pdf_pool() -> ThreadPoolExecutor:
    return ThreadPoolExecutor(max_workers=2, thread_name_prefix="adviesgesprek-pdf")


# The documents in the order they are given to the two threads that typeset them: the longest
# first, so that both threads end at about the same time (bench/ has the figures).
LONGEST_FIRST = ("verantwoording", "afspraken", "checklist")


def _start_pdfs(
    plan: list[tuple[str, str | None, str]], advice: Advice, style: HouseStyle
) -> dict[str, Future[bytes]]:
    """The PDFs of the plan, typeset in the background while the other files are written."""
    if workers() < 2 or WRITERS["pdf"] is not _write_pdf:
        return {}
    kinds = [kind for _name, kind, fmt in plan if fmt == "pdf" and kind is not None]
    kinds.sort(key=lambda kind: LONGEST_FIRST.index(kind) if kind in LONGEST_FIRST else 99)
    return {kind: _pdf_pool().submit(pdf_bytes, kind, advice, style) for kind in kinds}


def _same_file(path: Path, other: Path) -> bool:
    try:
        return os.path.samefile(path, other)
    except OSError:  # one of them does not exist (or cannot be looked at)
        return False


def _is_folder(path: Path) -> bool:
    try:
        return path.is_dir() and not path.is_symlink()
    except OSError:  # cannot be looked at: making the folder says why
        return False


def _remove_if_empty(folder: Path) -> None:
    """Remove a folder the render made when nothing was put in it (it failed or stopped)."""
    try:
        folder.rmdir()
    except OSError:  # not empty: the documents are in it
        pass


def check_targets(out_dir: Path, names: Sequence[str], keep: Sequence[Path] = ()) -> None:
    """An InputError when a file of `names` in `out_dir` would replace one of `keep` (the
    session the documents are made of) or is a folder; nothing is written then."""
    for name in names:
        final = out_dir / name
        for kept in keep:
            if _same_file(final, Path(kept)):
                raise InputError(
                    f"het gesprek zelf heeft de naam van een bestand dat wordt geschreven "
                    f"({name}) en wordt niet overschreven: kies een andere uitvoermap",
                    file=str(kept),
                )
        if _is_folder(final):
            raise InputError("er staat een map met die naam", file=str(final))


def write_outputs(
    advice: Advice,
    style: HouseStyle,
    out_dir: Path,
    formats: list[str],
    progress: Progress | None = None,
    parallel: bool = True,
    *,
    keep: Sequence[Path] = (),
    stop: threading.Event | None = None,
    kinds: Sequence[str] = DOCUMENT_KINDS,
    configuration: bool = True,
) -> list[Path]:
    """The documents (afspraken.*, checklist.* and verantwoording.*; `kinds` says which) in the
    `formats` asked for, and platformconfiguratie.yaml (unless `configuration` is false), into
    `out_dir`, all or nothing (see the module docstring). `parallel`: typeset the PDFs at the
    same time (not inside a batch, which already runs conversations side by side). `keep`:
    files that must never be replaced (the session itself: refused with an InputError before
    anything is written). `stop`: when set (Ctrl+C), the render ends before the next file,
    nothing written, with `Stopped`."""
    plan = _plan(formats, kinds, configuration)
    out_dir = Path(out_dir)
    check_targets(out_dir, [name for name, _kind, _fmt in plan], keep)
    created = not os.path.lexists(out_dir)
    make_folder(out_dir)
    clean_leftovers(out_dir)
    total = len(plan) + 1
    current = out_dir
    pdfs = _start_pdfs(plan, advice, style) if parallel else {}
    try:
        with Transaction(out_dir) as transaction:
            for step, (name, kind, fmt) in enumerate(plan):
                if stop is not None and stop.is_set():
                    raise Stopped
                if progress:
                    progress(step, total, name)
                current = out_dir / name
                temp = transaction.temporary(name)
                if kind is None:
                    temp.write_text(configuration_yaml(advice), encoding="utf-8")
                elif fmt == "pdf" and kind in pdfs:
                    temp.write_bytes(pdfs.pop(kind).result())
                    _check_pdf(temp)
                else:
                    WRITERS[fmt](kind, advice, style, temp)
            if stop is not None and stop.is_set():
                raise Stopped
            if progress:
                progress(len(plan), total, "opslaan")
            current = out_dir
            transaction.commit()
    except InputError as error:
        raise error.with_file(str(current)) from None
    except OSError as error:
        where = failed_file(error, out_dir) if current == out_dir else current
        raise InputError(
            f"kan niet worden geschreven ({os_reason(error)})", file=str(where)
        ) from None
    finally:
        for future in pdfs.values():  # a failure before all PDFs were used
            future.cancel()
        if created:
            _remove_if_empty(out_dir)
    if progress:
        progress(total, total, "klaar")
    return [out_dir / name for name, _kind, _fmt in plan]
