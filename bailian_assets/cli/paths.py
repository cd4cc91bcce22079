"""The paths a command is given: usage errors for what does not exist or holds nothing, and
the files that exist but cannot be read, told apart from mistakes in their SQL.

A linter's convention, which CI scripts rely on: a path that cannot be used is the caller's
mistake (exit 2), a file that reads but holds wrong SQL is a finding (exit 1).
"""

from __future__ import annotations

from pathlib import Path

import click

from bailian_assets.errors import WHOLE_FILE, SqlError
from bailian_assets.planning.project import Project, load_project, sql_files
from bailian_assets.sql.source import read_sql


class Unreadable(SqlError):
    """Files named that cannot be read: missing rights, no regular file, too big."""


def sql_files_named(paths: tuple[str, ...]) -> list[Path]:
    """The .sql files of `paths` (files, or folders read not recursively). A path that does
    not exist, or a folder without a .sql file, is a usage error."""
    missing = [p for p in paths if not Path(p).exists()]
    if missing:
        raise click.BadParameter(
            f"no such file or folder: {', '.join(missing)}", param_hint="PATH..."
        )
    empty = [p for p in paths if Path(p).is_dir() and not sql_files([p])]
    if empty:
        raise click.BadParameter(
            f"no .sql file in the folder {', '.join(empty)}", param_hint="PATH..."
        )
    return sql_files(paths)


def one_sql_file(file: str, command: str) -> Path:
    """The one SQL file `run` and `plan` take; a usage error for a missing path or a folder."""
    path = Path(file)
    if not path.exists():
        raise click.BadParameter(f"no such file: {file}", param_hint="FILE.sql")
    if path.is_dir():
        raise click.BadParameter(
            f"{file} is a folder: {command} takes one .sql file", param_hint="FILE.sql"
        )
    return path


def load(files: list[Path]) -> Project:
    """The project of `files`. Raises SqlError with every problem found, as Unreadable when a
    file among them cannot be read at all (the report still lists every problem)."""
    try:
        return load_project(files)
    except SqlError as error:
        if any(_unreadable(file) for file in files):
            raise Unreadable(error.diagnostics) from None
        raise


def _unreadable(file: Path) -> bool:
    """Whether `file` cannot be read as a whole: no rights, no regular file, too big. A file
    that reads is not, even with bytes that are not UTF-8: those are located SQL errors."""
    try:
        read_sql(file, str(file))
    except SqlError as error:
        return any(d.position == WHOLE_FILE for d in error.diagnostics)
    return False
