"""Every error this package raises on purpose.

    BailianError
     ├── SqlError        one or more diagnostics about a SQL file, each `path:line:col: error: ...`
     ├── ModelCallError  a model call that failed for good (after the retries its policy allows)
     └── ExecutionError  a job that cannot go on (bad data, a failed row under FAILOVER, ...)

The command line prints `str(error)` of these and exits non-zero; anything else is a bug.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass


class BailianError(Exception):
    """Root of the errors raised by bailian_assets."""


@dataclass(frozen=True, slots=True)
class Position:
    """A place in a SQL file: 1-based line and column (in characters), 0-based offset."""

    line: int
    col: int
    offset: int


# A problem with a file as a whole (it cannot be read, it is no regular file, it is too big):
# shown as `path: error: ...`, without a line and column.
WHOLE_FILE = Position(0, 0, 0)

_SHOWN_WIDTH = 100  # characters of a long source line shown around the problem


@dataclass(frozen=True)
class Diagnostic:
    """One problem in a SQL file, located at a position and underlining `length` characters."""

    path: str
    position: Position
    message: str
    source_line: str = ""
    length: int = 1

    def format(self) -> str:
        line, col = self.position.line, self.position.col
        if line == 0:
            return f"{self.path}: error: {self.message}"
        head = f"{self.path}:{line}:{col}: error: {self.message}"
        if not self.source_line:
            return head
        gutter = f"{line:>5} | "
        blank = " " * (len(gutter) - 2) + "| "
        text, col = _visible(self.source_line, col)
        prefix = _display_width(text[: col - 1])
        underline = max(1, min(self.length, len(text) - (col - 1)) if len(text) >= col else 1)
        marker = "^" + "~" * (_display_width(text[col - 1 : col - 1 + underline]) - 1)
        return f"{head}\n{gutter}{text}\n{blank}{' ' * prefix}{marker}"


def _visible(line: str, col: int) -> tuple[str, int]:
    """The source line as a terminal can show it, and the column of the problem in it: tabs
    become one space, characters that would not show (controls, separators) `\ufffd`, and a
    long line is cut to a window around the column, marked `...` where cut."""
    text = "".join(
        " " if ch == "\t" else ch if ch.isprintable() or ch == " " else "\ufffd"
        for ch in _window(line, col)
    )
    start = max(0, col - 1 - _SHOWN_WIDTH // 2) if len(line) > _SHOWN_WIDTH else 0
    return text, col - start + (3 if start else 0)


def _window(line: str, col: int) -> str:
    if len(line) <= _SHOWN_WIDTH:
        return line
    start = max(0, col - 1 - _SHOWN_WIDTH // 2)
    end = start + _SHOWN_WIDTH
    return ("..." if start else "") + line[start:end] + ("..." if end < len(line) else "")


def _display_width(text: str) -> int:
    """Terminal columns taken by `text`: CJK characters take two, so the caret stays aligned."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


class SqlError(BailianError):
    """Mistakes in SQL: all the diagnostics found in one go, sorted by place."""

    def __init__(self, diagnostics: list[Diagnostic]):
        self.diagnostics = sorted(
            diagnostics, key=lambda d: (d.path, d.position.line, d.position.col)
        )
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.diagnostics)
        summary = f"{count} error{'s' if count != 1 else ''}"
        return "\n".join([d.format() for d in self.diagnostics] + [summary])


class ModelCallError(BailianError):
    """A request to a model that failed for good. Never carries the API key."""

    def __init__(self, message: str, *, status: int | None = None, code: str | None = None):
        self.status = status
        self.code = code
        super().__init__(message)


class ExecutionError(BailianError):
    """A job that cannot finish, with a message that says what and where."""


class DataFileError(ExecutionError):
    """A data file a query reads holds a line or value that cannot be read: located in the
    file (`path:line:col: error: ...`), then `read_by` the query that read it."""

    def read_by(self, path: str, line: int, col: int) -> DataFileError:
        """The same error, naming the query (its statement) that read the file."""
        if " (read by the query at " in str(self):
            return self
        return DataFileError(f"{self} (read by the query at {path}:{line}:{col})")
