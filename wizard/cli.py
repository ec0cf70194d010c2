"""The command line: `adviesgesprek [FILE]` opens the wizard; `check`, `render` and `batch` work
headless over the same core.

Exit codes: 0 fine, 1 findings with errors (check) or a batch with failed sessions, 2 a file that
cannot be read or used, or an output folder that cannot be written.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from wizard.core.errors import InputError
from wizard.paths import default_overlay_path, project_version

if TYPE_CHECKING:
    from wizard.core.engine import Finding
    from wizard.core.rulebook import Rulebook

EXIT_OK, EXIT_ERRORS, EXIT_UNUSABLE = 0, 1, 2
COMMANDS = ("check", "render", "batch")


def _parser(command: str | None) -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--rulebook", metavar="PAD",
                        help="aanvullend regelboek van het departement (YAML-bestand of map); "
                             "zonder deze optie: $ADVIESGESPREK_REGELBOEK of de map die IT heeft "
                             "ingericht (zie packaging/README.md)")
    if command is None:
        parser = argparse.ArgumentParser(
            prog="adviesgesprek", parents=[common],
            description="Adviesgesprek: het gesprek over de sociale-media-accounts van een nieuwe "
                        "bewindspersoon. Zonder opdracht opent de wizard.",
            epilog="Opdrachten: check BESTAND..., render BESTAND --out MAP, batch MAP --out MAP. "
                   "Gebruik 'adviesgesprek OPDRACHT --help' voor meer.")
        parser.add_argument("file", nargs="?", metavar="BESTAND",
                            help="een gesprek (*.adviesgesprek.yaml) om te openen")
        parser.add_argument("--lang", choices=["nl", "en"], help="taal van het programma")
        parser.add_argument("--version", action="version",
                            version=f"adviesgesprek {project_version()}")
        return parser
    parser = argparse.ArgumentParser(prog=f"adviesgesprek {command}", parents=[common])
    if command == "check":
        parser.description = "Controleer gesprekken tegen het regelboek."
        parser.add_argument("files", nargs="+", metavar="BESTAND")
        parser.add_argument("--format", choices=["text", "json"], default="text")
    elif command == "render":
        parser.description = "Maak de afspraken, de checklist en de platformconfiguratie."
        parser.add_argument("file", metavar="BESTAND")
        parser.add_argument("--out", required=True, metavar="MAP")
        parser.add_argument("--format", default="pdf", metavar="pdf,odt,html",
                            help="formaten, met komma's gescheiden (standaard: pdf)")
    elif command == "batch":
        parser.description = "Maak de documenten voor alle gesprekken in een map (kabinetswissel)."
        parser.add_argument("folder", metavar="MAP")
        parser.add_argument("--out", required=True, metavar="MAP")
        parser.add_argument("--format", default="pdf", metavar="pdf,odt,html")
    return parser


def _load_rulebook(path: str | None) -> Rulebook:
    from wizard.core.rulebook import builtin_rulebook, load_rulebook

    overlay = path or default_overlay_path()
    return load_rulebook(overlay) if overlay else builtin_rulebook()


def _print_error(error: InputError | str) -> None:
    print(f"adviesgesprek: {error}", file=sys.stderr)


def format_finding(file: str, finding: Finding) -> str:
    return f"{file}: {finding.code} {finding.severity} {finding.path}: {finding.message}"


def run_check(files: Sequence[str], rulebook: Rulebook, output: str) -> int:
    from wizard.core.engine import advise
    from wizard.core.session import load_session

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
        refused = [f for f in advice.findings if rulebook.finding(f.code).get("refuses_file")]
        if refused:
            status = EXIT_UNUSABLE
        elif advice.errors and status == EXIT_OK:
            status = EXIT_ERRORS
        report.append({"file": file, "findings": [f.to_dict() for f in advice.findings],
                       "errors": len(advice.errors), "warnings": len(advice.warnings)})
        if output == "text":
            for finding in advice.findings:
                print(format_finding(file, finding))
            summary = f"{file}: {len(advice.errors)} fouten, {len(advice.warnings)} waarschuwingen"
            print(summary)
    if output == "json":
        json.dump({"rulebook": {"version": rulebook.version, "date": rulebook.date},
                   "files": report, "exit": status}, sys.stdout, ensure_ascii=False, indent=2)
        print()
    return status


def _formats(value: str) -> list[str]:
    formats = [part.strip().lower() for part in value.split(",") if part.strip()]
    unknown = [part for part in formats if part not in ("pdf", "odt", "html")]
    if unknown:
        raise InputError(f"onbekend formaat: {', '.join(unknown)} (mogelijk: pdf, odt, html)")
    return formats or ["pdf"]


def run_render(file: str, out: str, formats: list[str], rulebook: Rulebook) -> int:
    from wizard.core.session import load_session
    from wizard.documents.export import render_to_folder

    session = load_session(file)
    written = render_to_folder(session, rulebook, Path(out), formats)
    for path in written:
        print(path)
    return EXIT_OK


def run_batch(folder: str, out: str, formats: list[str], rulebook: Rulebook) -> int:
    from wizard.documents.export import batch_folder

    result = batch_folder(Path(folder), Path(out), rulebook, formats,
                          progress=sys.stderr if sys.stderr.isatty() else None)
    for line in result.summary_lines():
        print(line)
    return EXIT_ERRORS if result.failed else EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    command = args_list[0] if args_list and args_list[0] in COMMANDS else None
    args = _parser(command).parse_args(args_list[1:] if command else args_list)
    if command is None:
        # The wizard shows its first page at once and loads the rulebook itself.
        from wizard.app import run_wizard

        return run_wizard(path=args.file, rulebook_path=args.rulebook, lang=args.lang)
    try:
        rulebook = _load_rulebook(args.rulebook)
        if command == "check":
            return run_check(args.files, rulebook, args.format)
        if command == "render":
            return run_render(args.file, args.out, _formats(args.format), rulebook)
        if command == "batch":
            return run_batch(args.folder, args.out, _formats(args.format), rulebook)
    except InputError as error:
        _print_error(error)
        return EXIT_UNUSABLE
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
