"""What the command line writes to the console: lines any console can show, and nothing a
session's text can do to the terminal.

- `prepare_streams`: standard output and error degrade to ASCII where the console's encoding
  cannot show a character (a Windows console or a redirect in cp1252 shows "[x]" for "☑"),
  instead of ending in a UnicodeEncodeError.
- `say` / `warn`: one line, with control characters from session text shown escaped ("\\x1b"),
  so that a name with a terminal escape sequence cannot move the cursor, change colours or
  hide a line.
"""

from __future__ import annotations

import codecs
import re
import sys
import unicodedata
from typing import TextIO

ERRORS = "adviesgesprek-ascii"
# Characters the program itself prints, in ASCII.
_ASCII = {
    "☑": "[x]",
    "☐": "[ ]",
    "✔": "v",
    "✓": "v",
    "✖": "x",
    "⚠": "!",
    "→": "->",
    "…": "...",
    "—": "-",
    "–": "-",
    "“": '"',
    "”": '"',
    "‘": "'",
    "’": "'",
    "\u00a0": " ",
}
# C0 and C1 control characters, DEL, and the line and paragraph separators; a tab stays.
_CONTROL = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029]")


def _ascii(char: str) -> str:
    if char in _ASCII:
        return _ASCII[char]
    folded = unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode("ascii")
    return folded or "?"


def _degrade(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    text = error.object[error.start : error.end]
    return "".join(_ascii(char) for char in text), error.end


codecs.register_error(ERRORS, _degrade)


def prepare_streams() -> None:
    """Let standard output and error degrade to ASCII where their encoding fails."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors=ERRORS)


def printable(text: str) -> str:
    """The text with its control characters shown escaped (a line stays one line)."""

    def escaped(match: re.Match[str]) -> str:
        code = ord(match.group())
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"

    return _CONTROL.sub(escaped, text)


def say(line: str = "", stream: TextIO | None = None) -> None:
    """One line of output."""
    print(printable(line), file=stream or sys.stdout)


def warn(line: str) -> None:
    """One line on standard error."""
    say(line, sys.stderr)
