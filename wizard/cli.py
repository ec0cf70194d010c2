"""The command line: `adviesgesprek [FILE]` opens the wizard; `check`, `render`, `batch` and
`compare` work headless over the same core.

Exit codes: 0 fine, 1 findings with errors (check), a batch with failed or refused sessions or
a rulebook that changes something (compare), 2 a file that cannot be read or used, an invalid
rulebook, or an output folder that cannot be written (for `batch` also when its conversations
were made but rvd-aanlevering.csv or the cabinet overview cannot be written: the RVD's list is
missing, which a script must not take for a failed conversation), 130 stopped with Ctrl+C
(`render` and `batch` stop at the next file and tidy up; a second Ctrl+C stops at once).
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from wizard import console
from wizard.arguments import DutchParser
from wizard.constants import EXPORT_FORMATS, PAGE_WORKER_FLAG
from wizard.core.advice import Advice, Finding
from wizard.core.catalog import catalog
from wizard.core.compare import Comparison, compare_advice, comparison_lines
from wizard.core.engine import advise
from wizard.core.errors import InputError
from wizard.core.files import os_reason
from wizard.core.rulebook import (
    Rulebook,
    builtin_rulebook,
    load_other_rulebook,
    load_rulebook,
    source_words,
)
from wizard.core.session import find_sessions, load_session, saved_rulebook
from wizard.documents.style import house_style
from wizard.paths import default_overlay_path, project_version

EXIT_OK, EXIT_ERRORS, EXIT_UNUSABLE = 0, 1, 2
EXIT_INTERRUPTED = 130  # Ctrl+C, as a shell reports it (128 + SIGINT)
EXIT_PIPE_CLOSED = 141  # the reader of the output stopped (128 + SIGPIPE)
COMMANDS = ("check", "render", "batch", "compare")
# Options of the wizard and of every command that take a value: what follows them is no command.
OPTIONS_WITH_VALUE = ("--rulebook", "--lang")


def export_formats(value: str) -> list[str]:
    """`--format pdf,odt,html` of render and batch: the formats asked for, in order."""
    formats = [part.strip().lower() for part in value.split(",") if part.strip()]
    unknown = [part for part in formats if part not in EXPORT_FORMATS]
    if unknown:
        raise argparse.ArgumentTypeError(
            f"onbekend formaat: {', '.join(unknown)} (mogelijk: {', '.join(EXPORT_FORMATS)})"
        )
    return formats or ["pdf"]


def output_folder(value: str) -> str:
    """`--out MAP`: a folder, not an empty text (which would mean the current folder)."""
    if not value.strip():
        raise argparse.ArgumentTypeError("geef een map op, bijvoorbeeld --out documenten")
    return value


def _common_options(default: object) -> DutchParser:
    """What every command takes, before or after the command's name. Behind the name the
    default is SUPPRESS, so that it does not undo a value given before the name."""
    common = DutchParser(add_help=False)
    common.add_argument(
        "--rulebook",
        metavar="PAD",
        default=default,
        help="aanvullend regelboek van het departement (YAML-bestand of map); "
        "zonder deze optie: $ADVIESGESPREK_REGELBOEK of de map die IT heeft "
        "ingericht (zie packaging/README.md)",
    )
    return common


def _report_options() -> DutchParser:
    """check and compare: a report as text or JSON."""
    report = DutchParser(add_help=False)
    report.add_argument("--format", choices=["text", "json"], default="text")
    return report


def _document_options() -> DutchParser:
    """render and batch: the output folder and the document formats."""
    documents = DutchParser(add_help=False)
    documents.add_argument("--out", required=True, metavar="MAP", type=output_folder)
    documents.add_argument(
        "--format",
        type=export_formats,
        default=["pdf"],
        metavar="pdf,odt,html",
        help="formaten, met komma's gescheiden (standaard: pdf)",
    )
    return documents


def wizard_parser() -> DutchParser:
    """`adviesgesprek [BESTAND]`: the wizard."""
    parser = DutchParser(
        prog="adviesgesprek",
        parents=[_common_options(None)],
        description="Adviesgesprek: het gesprek over de sociale-media-accounts van een nieuwe "
        "bewindspersoon. Zonder opdracht opent de wizard.",
        epilog="Opdrachten: check BESTAND..., render BESTAND --out MAP, batch MAP --out MAP, "
        "compare BESTAND|MAP... --with REGELBOEK. "
        "Gebruik 'adviesgesprek OPDRACHT --help' voor meer.",
    )
    parser.add_argument(
        "file", nargs="?", metavar="BESTAND", help="een gesprek (*.adviesgesprek.yaml) om te openen"
    )
    parser.add_argument("--lang", choices=["nl", "en"], help="taal van het programma")
    parser.add_argument("--version", action="version", version=f"adviesgesprek {project_version()}")
    return parser


def command_parser() -> DutchParser:
    """`adviesgesprek [--rulebook PAD] OPDRACHT ...`: the commands that work without a window."""
    parser = DutchParser(prog="adviesgesprek", parents=[_common_options(None)])
    commands = parser.add_subparsers(dest="command", required=True, metavar="OPDRACHT")
    common = _common_options(argparse.SUPPRESS)
    check = commands.add_parser(
        "check",
        parents=[common, _report_options()],
        description="Controleer gesprekken tegen het regelboek.",
    )
    check.add_argument("files", nargs="+", metavar="BESTAND")
    check.add_argument(
        "--sources",
        action="store_true",
        help="toon onder elke bevinding de uitspraken waarop die berust",
    )
    render = commands.add_parser(
        "render",
        parents=[common, _document_options()],
        description="Maak de afspraken, de checklist en de platformconfiguratie.",
    )
    render.add_argument("file", metavar="BESTAND")
    batch = commands.add_parser(
        "batch",
        parents=[common, _document_options()],
        description="Maak de documenten voor alle gesprekken in een map (kabinetswissel).",
    )
    batch.add_argument("folder", metavar="MAP")
    compare = commands.add_parser(
        "compare",
        parents=[common, _report_options()],
        description="Wat verandert er voor gevoerde gesprekken met een ander regelboek: in de "
        "platformconfiguratie, de bevindingen en de checklist.",
    )
    compare.add_argument("files", nargs="+", metavar="BESTAND|MAP")
    compare.add_argument(
        "--with",
        dest="other",
        required=True,
        metavar="REGELBOEK",
        help="het andere regelboek: een volledige regelboekmap (met alle "
        "sleutels van het regelboek) of een aanvulling die over het "
        "ingebouwde regelboek wordt gelegd",
    )
    return parser


def command_name(arguments: Sequence[str]) -> str | None:
    """The command the arguments name (the first one that is not an option or an option's
    value), or None for the wizard."""
    expects_value = False
    for argument in arguments:
        if expects_value:
            expects_value = False
        elif argument == "--":
            return None
        elif argument in OPTIONS_WITH_VALUE:
            expects_value = True
        elif not argument.startswith("-"):
            return argument if argument in COMMANDS else None
    return None


def _load_rulebook(path: str | None) -> Rulebook:
    overlay = path or default_overlay_path()
    return load_rulebook(overlay) if overlay else builtin_rulebook()


def _print_error(error: InputError | str) -> None:
    console.warn(f"adviesgesprek: {error}")


def format_finding(file: str, finding: Finding) -> str:
    return f"{file}: {finding.code} {finding.severity} {finding.path}: {finding.message}"


def source_lines(finding: Finding, advice: Advice) -> list[str]:
    """The statements a finding rests on, in the words of the verantwoording and the wizard's
    "Bron" (`source_words`), two indented lines each: the statement's number and where it is
    found, then the statement quoted."""
    lines = []
    for source in advice.describe(finding.source):
        where, quote = source_words(source)
        number = f"[{source.number}] " if source.known else ""
        lines.append(f"    bron {number}{where}")
        if quote:
            lines.append(f"      {quote}")
    return lines


def _finding_dict(finding: Finding, advice: Advice, sources: bool) -> dict:
    result = finding.to_dict()
    if sources:
        result["sources"] = [item.to_dict() for item in advice.describe(finding.source)]
    return result


def _refused(advice: Advice, rulebook: Rulebook) -> list[Finding]:
    """Findings that make a file unusable (an unknown ministry or platform)."""
    refusing = catalog(rulebook).refusing_findings
    return [finding for finding in advice.findings if finding.code in refusing]


def run_check(files: Sequence[str], rulebook: Rulebook, output: str, sources: bool = False) -> int:
    status = EXIT_OK
    report = []
    for file in files:
        try:
            session = load_session(file)
        except InputError as error:
            _print_error(error)
            report.append({"file": file, "error": str(error), "findings": []})
            status = EXIT_UNUSABLE
            continue
        advice = advise(session, rulebook)
        if _refused(advice, rulebook):
            status = EXIT_UNUSABLE
        elif advice.errors and status == EXIT_OK:
            status = EXIT_ERRORS
        report.append(
            {
                "file": file,
                "findings": [_finding_dict(f, advice, sources) for f in advice.findings],
                "errors": len(advice.errors),
                "warnings": len(advice.warnings),
            }
        )
        if output == "text":
            for finding in advice.findings:
                console.say(format_finding(file, finding))
                if sources:
                    for line in source_lines(finding, advice):
                        console.say(line)
            summary = f"{file}: {len(advice.errors)} fouten, {len(advice.warnings)} waarschuwingen"
            console.say(summary)
    if output == "json":
        json.dump(
            {
                "rulebook": {"version": rulebook.version, "date": rulebook.date},
                "files": report,
                "exit": status,
            },
            sys.stdout,
            ensure_ascii=False,
            indent=2,
        )
        print()
    return status


def file_adviser(rulebook: Rulebook) -> Callable[[str | Path], Advice]:
    """The advice on a session file as `render` and `batch` use it: an InputError for a file
    that cannot be read, and `Refused` (an InputError) for a session `check` refuses (nothing
    is made of it)."""
    from wizard.documents.export import Refused

    def advise_file(path: str | Path) -> Advice:
        advice = advise(load_session(path), rulebook)
        refused = _refused(advice, rulebook)
        if refused:
            raise Refused(f"het gesprek wordt niet gemaakt: {refused[0].message}", file=str(path))
        return advice

    return advise_file


STOPPING = (
    b"\nadviesgesprek: stoppen... wat al loopt wordt netjes afgerond "
    b"(nog eens Ctrl+C: meteen stoppen)\n"
)


@contextmanager
def _stop_on_ctrl_c() -> Iterator[threading.Event]:
    """While the block runs, Ctrl+C sets the event instead of raising KeyboardInterrupt
    anywhere: `render` and `batch` then stop at the next file and tidy up. The first Ctrl+C
    gives Python's own handling back, so a second one stops at once. (Nothing changes where
    Ctrl+C is ignored, as for a program started in the background, or outside the main
    thread, where no handler can be set.)"""
    stop = threading.Event()
    previous = signal.getsignal(signal.SIGINT)
    if threading.current_thread() is not threading.main_thread() or previous == signal.SIG_IGN:
        yield stop
        return
    restore = previous if previous is not None else signal.default_int_handler

    def ask_to_stop(_number: int, _frame: object) -> None:
        stop.set()
        signal.signal(signal.SIGINT, restore)
        try:  # not print: the interrupted code may be printing itself
            os.write(sys.stderr.fileno(), STOPPING)
        except (AttributeError, OSError, ValueError):  # no standard error to write to
            pass

    signal.signal(signal.SIGINT, ask_to_stop)
    try:
        yield stop
    finally:
        signal.signal(signal.SIGINT, restore)


def run_render(file: str, out: str, formats: list[str], rulebook: Rulebook) -> int:
    """The documents of one session; the input session itself is never replaced."""
    from wizard.documents.export import Stopped, write_outputs

    advice = file_adviser(rulebook)(file)
    style = house_style(rulebook)
    with _stop_on_ctrl_c() as stop:
        try:
            written = write_outputs(
                advice, style, Path(out), formats or ["pdf"], keep=(Path(file),), stop=stop
            )
        except Stopped:
            _print_error("gestopt met Ctrl+C; er is niets geschreven")
            return EXIT_INTERRUPTED
    for path in written:
        console.say(str(path))
    return EXIT_OK


def run_batch(folder: str, out: str, formats: list[str], rulebook: Rulebook) -> int:
    """Every session in a folder. The summary of the conversations is always printed; then one
    line for the batch's own files that could not be written (exit 2) and one for a stop
    (exit 130)."""
    from wizard.documents.batch import batch_folder

    advise_file, style = file_adviser(rulebook), house_style(rulebook)
    with _stop_on_ctrl_c() as stop:
        result = batch_folder(
            Path(folder),
            Path(out),
            advise_file,
            style,
            formats,
            progress=sys.stderr if sys.stderr.isatty() else None,
            stop=stop,
        )
    for line in result.summary_lines():
        console.say(line)
    sys.stdout.flush()  # the summary before the lines on standard error
    if result.problems:
        _print_error("; ".join(result.problems))
    if result.stopped:
        _print_error(result.stopped_line())
        return EXIT_INTERRUPTED
    if result.problems:
        return EXIT_UNUSABLE
    return EXIT_ERRORS if result.failed or result.refused else EXIT_OK


def _session_files(paths: Sequence[str]) -> list[tuple[str, InputError | None]]:
    """Every file given, and every session in every folder given; a folder that cannot be read
    or holds no session is an error in the list."""
    found: list[tuple[str, InputError | None]] = []
    for path in paths:
        try:
            folder = Path(path).is_dir()
        except OSError as error:
            found.append((path, InputError(f"niet te lezen ({os_reason(error)})", file=path)))
            continue
        if not folder:
            found.append((path, None))
            continue
        try:
            sessions, _others = find_sessions(path)
        except InputError as error:
            found.append((path, error))
            continue
        if not sessions:
            found.append(
                (path, InputError("geen gesprekken (*.adviesgesprek.yaml) gevonden", file=path))
            )
        found += [(str(session), None) for session in sessions]
    return found


def _rulebook_label(rulebook: Rulebook) -> str:
    if rulebook.full:
        kind = f"{rulebook.overlay} (volledig regelboek)"
    elif rulebook.overlay:
        kind = f"{rulebook.overlay} (aanvulling op het ingebouwde regelboek)"
    else:
        kind = "het ingebouwde regelboek"
    return f"{kind}, versie {rulebook.version} van {rulebook.date}"


def _changes_word(count: int) -> str:
    return "1 wijziging" if count == 1 else f"{count} wijzigingen"


def _compare_summary(changed: int, compared: int, unusable: int) -> str:
    if not compared:
        summary = "Geen gesprek om te vergelijken."
    elif not changed:
        summary = "Het andere regelboek verandert niets aan " + (
            "het gesprek." if compared == 1 else f"de {compared} gesprekken."
        )
    elif compared == 1:
        summary = "Het gesprek verandert met het andere regelboek."
    else:
        verb = "verandert" if changed == 1 else "veranderen"
        summary = f"{changed} van de {compared} gesprekken {verb} met het andere regelboek."
    if unusable:
        files = "1 bestand" if unusable == 1 else f"{unusable} bestanden"
        summary += f" {files} niet te gebruiken (zie de meldingen)."
    return summary


def _compare_file(
    file: str, current: Rulebook, other: Rulebook
) -> tuple[Comparison, dict[str, str] | None]:
    """What `other` changes for one session file, and the rulebook the file was saved under;
    an InputError when the file cannot be used (as `check` would refuse it)."""
    session = load_session(file)
    advice = advise(session, current)
    refused = _refused(advice, current)
    if refused:
        raise InputError(
            f"met het huidige regelboek niet te gebruiken: {refused[0].message}", file=file
        )
    return compare_advice(advice, advise(session, other)), saved_rulebook(session)


def _print_block(file: str, comparison: Comparison, gap: bool) -> None:
    """One session: a heading line, then its changes; a block with changes stands apart."""
    if comparison.changed or gap:
        console.say()
    heading = _changes_word(comparison.count) if comparison.changed else "geen wijzigingen"
    console.say(f"{file}: {heading}")
    for line in comparison_lines(comparison):
        console.say(f"  {line}")


def run_compare(paths: Sequence[str], current: Rulebook, other: Rulebook, output: str) -> int:
    """Per session, what `other` changes against `current`; exit 0 nothing changes, 1 something
    does, 2 a file or folder that cannot be used."""
    status, changed, compared = EXIT_OK, 0, 0
    report: list[dict] = []
    gap = True
    if output == "text":
        console.say(f"Huidig regelboek: {_rulebook_label(current)}")
        console.say(f"Vergeleken met: {_rulebook_label(other)}")
    for file, problem in _session_files(paths):
        try:
            if problem:
                raise problem
            comparison, saved = _compare_file(file, current, other)
        except InputError as error:
            _print_error(error)
            report.append({"file": file, "error": str(error)})
            status = EXIT_UNUSABLE
            continue
        compared += 1
        if comparison.changed:
            changed += 1
            status = EXIT_ERRORS if status == EXIT_OK else status
        report.append({"file": file, "saved_rulebook": saved, **comparison.to_dict()})
        if output == "text":
            _print_block(file, comparison, gap)
            gap = comparison.changed
    if output == "json":
        json.dump(
            {
                "rulebook": {
                    "version": current.version,
                    "date": current.date,
                    "overlay": current.overlay,
                },
                "with": {
                    "path": other.overlay,
                    "full": other.full,
                    "version": other.version,
                    "date": other.date,
                },
                "files": report,
                "changed": changed,
                "exit": status,
            },
            sys.stdout,
            ensure_ascii=False,
            indent=2,
            default=str,
        )
        print()
    else:
        console.say()
        console.say(_compare_summary(changed, compared, len(report) - compared))
    return status


def main(argv: Sequence[str] | None = None) -> int:
    """The command line; output that can no longer be written ends quietly (a closed pipe) or
    with a Dutch message (a full device), Ctrl+C with exit 130."""
    console.prepare_streams()
    try:
        status = _run(list(sys.argv[1:] if argv is None else argv))
        sys.stdout.flush()
        return status
    except KeyboardInterrupt:
        console.warn("adviesgesprek: afgebroken")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_PIPE_CLOSED
    except OSError as error:
        _silence_stdout()
        console.warn(f"adviesgesprek: de uitvoer kan niet worden geschreven ({os_reason(error)})")
        return EXIT_UNUSABLE


def _silence_stdout() -> None:
    """Standard output goes nowhere from now on: Python's own flush at exit would fail again."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    finally:
        os.close(devnull)


def _run(arguments: list[str]) -> int:
    if arguments[:1] == [PAGE_WORKER_FLAG]:
        from wizard.documents.page_process import main as page_worker

        return page_worker()
    if command_name(arguments) is None:
        args = wizard_parser().parse_args(arguments)
        # The wizard shows its first page at once and loads the rulebook itself.
        from wizard.app import run_wizard

        return run_wizard(path=args.file, rulebook_path=args.rulebook, lang=args.lang)
    args = command_parser().parse_args(arguments)
    try:
        rulebook = _load_rulebook(args.rulebook)
        if args.command == "check":
            return run_check(args.files, rulebook, args.format, args.sources)
        if args.command == "render":
            return run_render(args.file, args.out, args.format, rulebook)
        if args.command == "batch":
            return run_batch(args.folder, args.out, args.format, rulebook)
        return run_compare(args.files, rulebook, load_other_rulebook(args.other), args.format)
    except InputError as error:
        _print_error(error)
        return EXIT_UNUSABLE


if __name__ == "__main__":
    sys.exit(main())
