"""Values and lines of a data file that do not parse: the first fails the read, as Flink fails
the job, or, with the format's 'ignore-parse-errors', each is read as NULL (a value) or skipped
(a line, as Flink skips it) and counted. Nothing is lost without a word: every ignored value or
line is a warning naming its file and line (the first few one by one, then a count per file).
"""

from __future__ import annotations

import logging
from pathlib import Path

from bailian_assets.errors import DataFileError

log = logging.getLogger("bailian_assets.formats")

SHOWN = 5  # warnings one by one per file; the rest are counted


class ParseFaults:
    """The faults of one file's read; `finish` warns the count of those not shown."""

    def __init__(self, file: Path, ignore: bool, option: str):
        self.file = file
        self.ignore = ignore
        self.option = option  # the option that would ignore them, for the error's hint
        self.values = 0  # values read as NULL
        self.lines = 0  # lines skipped

    def where(self, line: int | None, row: int, col: int | None = None) -> str:
        """`path:line:col` (the column where known), else `path:line`, else `path (row n)`."""
        if line is None:
            return f"{self.file} (row {row + 1})"
        return f"{self.file}:{line}" + (f":{col}" if col is not None else "")

    def value(self, where: str, problem: str) -> None:
        """A value that does not parse: an error, or (ignored) NULL with a warning."""
        if not self.ignore:
            raise DataFileError(
                f"{where}: error: {problem} (set '{self.option}' = 'true' to read it as NULL)"
            )
        self.values += 1
        self._warn(f"{where}: {problem}; read as NULL ('{self.option}')")

    def line(self, where: str, problem: str) -> None:
        """A line that cannot be a row: an error, or (ignored) skipped with a warning."""
        if not self.ignore:
            raise DataFileError(
                f"{where}: error: {problem} (set '{self.option}' = 'true' to skip it)"
            )
        self.lines += 1
        self._warn(f"{where}: {problem}; line skipped ('{self.option}')")

    def note(self, where: str, problem: str) -> None:
        """What Flink accepts only under ignore-parse-errors and reads as NULLs: a warning."""
        if not self.ignore:
            raise DataFileError(f"{where}: error: {problem}")
        self.values += 1
        self._warn(f"{where}: {problem}; read as NULL ('{self.option}')")

    def _warn(self, text: str) -> None:
        if self.values + self.lines <= SHOWN:
            log.warning("%s", text)

    def finish(self) -> None:
        """The file's total, when more were ignored than were shown one by one."""
        total = self.values + self.lines
        if total > SHOWN:
            log.warning(
                "%s: %d values read as NULL and %d lines skipped in all ('%s'); the first %d "
                "are shown above",
                self.file,
                self.values,
                self.lines,
                self.option,
                SHOWN,
            )
