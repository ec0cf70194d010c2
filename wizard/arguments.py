"""argparse in Dutch: the command line's usage, help and error messages.

argparse writes its own words in English (it has no Dutch catalogue). This parser puts them in
Dutch through argparse's public methods only: `format_usage`, `format_help` and `error` get the
text argparse made and translate the known phrases; everything else is argparse's own work.
"""

from __future__ import annotations

import argparse
import re
import sys
from typing import NoReturn

from wizard.console import printable

# argparse's phrases (Python 3.11 to 3.13) and their Dutch, in the order they are tried.
_MESSAGES = [
    (r"unrecognized arguments: (.*)", r"onbekende argumenten: \1"),
    (r"the following arguments are required: (.*)", r"deze argumenten ontbreken: \1"),
    (r"one of the arguments (.*) is required", r"een van deze argumenten is nodig: \1"),
    (r"ambiguous option: (\S+) could match (.*)", r"de optie \1 kan meer betekenen: \2"),
    (r"invalid choice: (.*) \(choose from (.*)\)", r"ongeldige keuze: \1 (kies uit \2)"),
    (r"invalid (\w+) value: (.*)", r"ongeldige waarde: \2"),
    (r"expected one argument", "hier hoort één waarde bij"),
    (r"expected at most one argument", "hier hoort hoogstens één waarde bij"),
    (r"expected at least one argument", "hier hoort minstens één waarde bij"),
    (r"expected (\d+) arguments?", r"hier horen \1 waarden bij"),
    (r"not allowed with argument (.*)", r"niet samen met \1"),
    (r"ignored explicit argument (.*)", r"waarde \1 wordt niet gebruikt"),
]
_ARGUMENT = re.compile(r"^argument (.+?): (.*)$", re.DOTALL)
_HEADINGS = {
    "usage: ": "gebruik: ",
    "positional arguments:": "argumenten:",
    "options:": "opties:",
    "optional arguments:": "opties:",
    "show this help message and exit": "toon deze hulp en stop",
    "show program's version number and exit": "toon het versienummer en stop",
}


def dutch(message: str) -> str:
    """An argparse error message in Dutch (a message it does not know stays as it is)."""
    match = _ARGUMENT.match(message)
    if match:
        return f"{match.group(1)}: {dutch(match.group(2))}"
    for pattern, replacement in _MESSAGES:
        if re.fullmatch(pattern, message, re.DOTALL):
            return re.sub(pattern, replacement, message, count=1, flags=re.DOTALL)
    return message


def _headings(text: str) -> str:
    for english, words in _HEADINGS.items():
        text = text.replace(english, words)
    return text


class DutchParser(argparse.ArgumentParser):
    """An ArgumentParser that speaks Dutch."""

    def format_usage(self) -> str:
        return _headings(super().format_usage())

    def format_help(self) -> str:
        return _headings(super().format_help())

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, printable(f"{self.prog}: fout: {dutch(message)}") + "\n")
