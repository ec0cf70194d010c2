"""`render`: the documents of one advice into a folder, as one transaction (the caller
advises: `wizard.core.engine.advise`).

Every file is first written under a temporary name in the target folder and renamed only when
all files of the conversation are complete; on any failure the temporary files are removed and
an InputError with a Dutch message is raised, so no half-written document is ever left behind.
A whole cabinet at once is `wizard.documents.batch`.

Typst does its work without Python's lock, so two documents (or two conversations of a batch)
are typeset at the same time where the machine has two cores; the files are written in order.
"""

from __future__ import annotations

import os
from concurrent.futures import Future, ThreadPoolExecutor
from functools import cache
from pathlib import Path

from wizard.constants import CONFIGURATION_FILE, DOCUMENT_KINDS, EXPORT_FORMATS
from wizard.core.advice import Advice
from wizard.core.configuration import configuration_yaml
from wizard.core.errors import InputError
from wizard.core.files import make_folder, os_reason, output_temporary, remove_quietly
from wizard.documents.progress import Progress
from wizard.documents.style import HouseStyle


def _write_pdf(kind: str, advice: Advice, style: HouseStyle, path: Path) -> None:
    from wizard.documents.pdf import write_pdf

    write_pdf(kind, advice, style, path)
    _check_pdf(path)


def _check_pdf(path: Path) -> None:
    with path.open("rb") as handle:
        if handle.read(5) != b"%PDF-":
            raise OSError("het PDF-bestand is leeg gebleven")


def _write_odt(kind: str, advice: Advice, style: HouseStyle, path: Path) -> None:
    from wizard.documents.odt import write_odt

    write_odt(kind, advice, style, path)


def _write_html(kind: str, advice: Advice, style: HouseStyle, path: Path) -> None:
    from wizard.documents.html import document_html

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


def _plan(formats: list[str]) -> list[tuple[str, str | None, str]]:
    """(file name, document kind or None for the configuration, format) in writing order."""
    check_formats(formats)
    plan: list[tuple[str, str | None, str]] = []
    for name in dict.fromkeys(formats):
        plan.extend((f"{kind}.{name}", kind, name) for kind in DOCUMENT_KINDS)
    plan.append((CONFIGURATION_FILE, None, "yaml"))
    return plan


def workers() -> int:
    """How many documents are typeset at once: two where the process may use two cores, else
    one. More than two does not pay: the rest of the work holds Python's lock.

    This used to depend on the load average (one thread when no core looked free). Measured
    again on the shared 2-core machine (28-member batch, three interleaved runs each): at a
    load average of 1.6-1.9 two threads took 2.36 s against 2.89 s with one, and with two
    extra busy processes on the machine 5.04 s against 5.92 s; a `render` was as fast or
    faster either way. The load average also counted the benchmark's own earlier processes,
    so a busy machine was assumed where a core was free."""
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not on Windows and macOS
        cores = os.cpu_count() or 1
    return 2 if cores >= 2 else 1


@cache
def _pdf_pool() -> ThreadPoolExecutor:
    return ThreadPoolExecutor(max_workers=2, thread_name_prefix="adviesgesprek-pdf")


def _start_pdfs(
    plan: list[tuple[str, str | None, str]], advice: Advice, style: HouseStyle
) -> dict[str, Future[bytes]]:
    """The PDFs of the plan, typeset in the background while the other files are written."""
    from wizard.documents.typesetting import pdf_bytes

    if workers() < 2 or WRITERS["pdf"] is not _write_pdf:
        return {}
    return {
        kind: _pdf_pool().submit(pdf_bytes, kind, advice, style)
        for _name, kind, fmt in plan
        if fmt == "pdf" and kind is not None
    }


def write_outputs(
    advice: Advice,
    style: HouseStyle,
    out_dir: Path,
    formats: list[str],
    progress: Progress | None = None,
    parallel: bool = True,
) -> list[Path]:
    """afspraken.* and checklist.* in the `formats` asked for, and platformconfiguratie.yaml,
    into `out_dir`: every file to a temporary name, then all renamed; see the module
    docstring. `parallel`: typeset the PDFs at the same time (not inside a batch, which already
    runs conversations side by side)."""
    plan = _plan(formats)
    out_dir = Path(out_dir)
    make_folder(out_dir)
    total = len(plan) + 1
    temporary: list[Path] = []
    finals: list[Path] = []
    current = out_dir
    pdfs = _start_pdfs(plan, advice, style) if parallel else {}
    try:
        for step, (name, kind, fmt) in enumerate(plan):
            if progress:
                progress(step, total, name)
            current = out_dir / name
            temp = output_temporary(out_dir, name)
            temporary.append(temp)
            if kind is None:
                temp.write_text(configuration_yaml(advice), encoding="utf-8")
            elif fmt == "pdf" and kind in pdfs:
                temp.write_bytes(pdfs.pop(kind).result())
                _check_pdf(temp)
            else:
                WRITERS[fmt](kind, advice, style, temp)
            finals.append(current)
        if progress:
            progress(len(plan), total, "opslaan")
        for temp, final in zip(temporary, finals, strict=True):
            current = final
            os.replace(temp, final)
    except InputError as error:
        remove_quietly(temporary)
        raise error.with_file(str(current)) from None
    except OSError as error:
        remove_quietly(temporary)
        raise InputError(
            f"kan niet worden geschreven ({os_reason(error)})", file=str(current)
        ) from None
    except BaseException:
        remove_quietly(temporary)
        raise
    finally:
        for future in pdfs.values():  # a failure before all PDFs were used
            future.cancel()
    if progress:
        progress(total, total, "klaar")
    return finals
