"""The one error the core raises for input it refuses: a Dutch message that names the file."""

from __future__ import annotations


class InputError(Exception):
    """A file that cannot be used: not readable, not YAML, the wrong shape, a newer format.

    `message` is Dutch and meant for the advisor; `key` (a dotted session path) and `line`
    say where the problem is when that is known.
    """

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        key: str | None = None,
        line: int | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.file = file
        self.key = key
        self.line = line

    def with_file(self, file: str) -> InputError:
        if self.file is None:
            self.file = file
        return self

    def __str__(self) -> str:
        parts = []
        if self.file:
            parts.append(self.file)
        if self.line:
            parts.append(f"regel {self.line}")
        if self.key:
            parts.append(f"veld '{self.key}'")
        prefix = ": ".join(parts)
        return f"{prefix}: {self.message}" if prefix else self.message
