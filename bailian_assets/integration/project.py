"""The project of a SQL folder, loaded once per process and shared by definitions and IO
managers (a run worker re-imports the code location; the IO manager then finds it here).

`load_isolated` loads every file that can be loaded: a file with errors (or one that clashes
with another on a name) is left out with its diagnostics, and so is a file that only failed
because it uses what a left-out file declares. The rest loads as if the broken files were not
there, so one typo never blanks the whole code location.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from bailian_assets.errors import Diagnostic, SqlError
from bailian_assets.planning.project import Project, load_project, sql_files


@dataclass
class LoadedProject:
    """The files that load, as a Project, and each left-out file's diagnostics (by the path
    diagnostics show); `needed` names, for a file left out in a later round, the broken files
    it was loaded without."""

    project: Project
    broken: dict[str, list[Diagnostic]] = field(default_factory=dict)
    needed: dict[str, list[str]] = field(default_factory=dict)
    files: dict[str, Path] = field(default_factory=dict)  # every file, shown path -> file

    def error(self) -> SqlError | None:
        """All diagnostics of the left-out files together, or None when every file loads."""
        every = [d for found in self.broken.values() for d in found]
        return SqlError(every) if every else None


def cached_project(sql_dir: str | os.PathLike, environ: Mapping[str, str] | None = None) -> Project:
    """The project of the files of `sql_dir` that load (see `load_isolated`)."""
    return loaded(sql_dir, environ).project


def loaded(sql_dir: str | os.PathLike, environ: Mapping[str, str] | None = None) -> LoadedProject:
    if environ is not None:
        return load_isolated(sql_dir, environ)
    return _load(str(Path(sql_dir).resolve()), _fingerprint(sql_dir))


@lru_cache(maxsize=8)
def _load(sql_dir: str, fingerprint: tuple) -> LoadedProject:
    return load_isolated(sql_dir)


def _fingerprint(sql_dir: str | os.PathLike) -> tuple:
    """What the cached project was read from: each file's name, size and modification time
    (a file edited between two loads in one process is read again)."""
    found = []
    for file in sql_files([sql_dir]):
        try:
            status = file.stat()
        except OSError:
            continue
        found.append((str(file), status.st_size, status.st_mtime_ns))
    return tuple(found)


def load_isolated(
    sql_dir: str | os.PathLike, environ: Mapping[str, str] | None = None
) -> LoadedProject:
    files = sql_files([sql_dir])
    shown = {_shown(f, sql_dir): f for f in files}
    result = LoadedProject(Project({}, None), files=shown)  # type: ignore[arg-type]
    remaining = list(shown)
    while True:
        try:
            result.project = load_project(
                [shown[p] for p in remaining], environ=environ, display_root=sql_dir
            )
            return result
        except SqlError as error:
            failed = {d.path for d in error.diagnostics} & set(remaining) or set(remaining)
            before = sorted(result.broken)
            for diagnostic in error.diagnostics:
                if diagnostic.path in failed:
                    result.broken.setdefault(diagnostic.path, []).append(diagnostic)
            for path in failed:
                if before:
                    result.needed[path] = before
            remaining = [p for p in remaining if p not in failed]


def _shown(file: Path, root: str | os.PathLike) -> str:
    try:
        return str(file.resolve().relative_to(Path(root).resolve()))
    except ValueError:
        return str(file)
