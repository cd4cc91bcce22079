"""A set of SQL files -> Project: every model, table, view and INSERT, planned and checked.

This is the front door of the core: `load_project(paths)` either returns a Project ready to
run, or raises SqlError listing every problem of every file.
"""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from bailian_assets.errors import WHOLE_FILE, Diagnostic, SqlError
from bailian_assets.planning import names
from bailian_assets.planning.catalog import Catalog, add_script, overlap_problems
from bailian_assets.planning.connectors import TableSpec
from bailian_assets.planning.graph import sink_cycles
from bailian_assets.planning.models import ModelSpec
from bailian_assets.planning.options import Problem
from bailian_assets.planning.partitioned_sinks import partitioned_sink_problems, tables_read
from bailian_assets.planning.plan import PlannedQuery
from bailian_assets.planning.planner import PlannedInsert, PlannedSelect, Planner
from bailian_assets.sql import ast
from bailian_assets.sql.parser import ScriptError, parse_script
from bailian_assets.sql.source import check_text, read_sql

log = logging.getLogger(__name__)


@dataclass
class Project:
    scripts: dict[str, ast.Script]
    catalog: Catalog
    views: dict[str, PlannedQuery] = field(default_factory=dict)
    inserts: list[PlannedInsert] = field(default_factory=list)
    selects: list[PlannedSelect] = field(default_factory=list)  # bare SELECTs, in file order
    files: dict[str, Path] = field(default_factory=dict)  # shown path -> absolute path

    @property
    def models(self) -> dict[str, ModelSpec]:
        return self.catalog.models

    @property
    def tables(self) -> dict[str, TableSpec]:
        return self.catalog.tables

    def inserts_into(self, sink: str) -> list[PlannedInsert]:
        return [i for i in self.inserts if i.sink.name == sink]

    def sinks(self) -> list[str]:
        """Sink tables that INSERTs write, in the order they first appear."""
        return list(dict.fromkeys(i.sink.name for i in self.inserts))

    def relation_named(self, asset_path: Sequence[str]) -> str:
        """The table or view whose Dagster asset key has `asset_path` (see names.asset_path;
        a project whose names clash is refused, so there is one)."""
        wanted = list(asset_path)
        return next(
            name for name in [*self.tables, *self.views] if names.asset_path(name) == wanted
        )


def sql_files(paths: Iterable[str | os.PathLike]) -> list[Path]:
    """The `.sql` files named, or found (sorted, not recursively) in the folders named.

    In a folder only regular files count (symbolic links to them too): a FIFO, socket, device
    or folder called `x.sql` is skipped, never opened. A symbolic link that leads nowhere
    (dangling, or a loop) is kept, to be refused by name: it stands for a file of the project
    that is missing, and a skipped one would drop its assets without a word (a linter reports
    a file it cannot read, as ruff's E902 does). One named explicitly is read, and refused by
    name (see `read_sql`)."""
    files: list[Path] = []
    for entry in map(Path, paths):
        if entry.is_dir():
            files.extend(
                sorted(f for f in entry.glob("*.sql") if _is_regular(f) or _leads_nowhere(f))
            )
        else:
            files.append(entry)
    return files


def _is_regular(path: Path) -> bool:
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except OSError:  # a dangling link, or one we may not follow
        return False


def _leads_nowhere(path: Path) -> bool:
    """A symbolic link whose target does not exist or that loops."""
    return path.is_symlink() and not path.exists()


def load_project(
    paths: Iterable[str | os.PathLike],
    environ: Mapping[str, str] | None = None,
    display_root: str | os.PathLike | None = None,
) -> Project:
    """Parse, check and plan SQL files. Raises SqlError with every problem found.

    Diagnostics name files relative to `display_root` (default: the current directory) when
    they lie under it.
    """
    diagnostics: list[Diagnostic] = []
    scripts: dict[str, ast.Script] = {}
    files: dict[str, Path] = {}
    for file in sql_files(paths):
        shown = _display(file, display_root)
        try:
            scripts[shown] = parse_script(read_sql(file, shown), shown)
        except ScriptError as error:  # the statements above its first syntax error are checked
            diagnostics.extend(error.diagnostics)
            scripts[shown] = error.parsed
        except SqlError as error:
            diagnostics.extend(error.diagnostics)
        try:
            files[shown] = file.resolve()
        except (OSError, RuntimeError):  # a link that loops: refused above by read_sql
            files[shown] = file.absolute()
    return _build(scripts, diagnostics, environ, files)


def load_source(
    source: str, path: str = "<sql>", environ: Mapping[str, str] | None = None
) -> Project:
    """`load_project` for SQL given as text (tests, notebooks)."""
    check_text(source, path)
    try:
        return _build({path: parse_script(source, path)}, [], environ)
    except ScriptError as error:  # as load_project: the statements above it checked too
        return _build({path: error.parsed}, list(error.diagnostics), environ)


def _build(
    scripts: dict[str, ast.Script],
    diagnostics: list[Diagnostic],
    environ: Mapping[str, str] | None,
    files: dict[str, Path] | None = None,
) -> Project:
    catalog = Catalog()
    problems: list[tuple[str, Problem]] = []
    files = files or {}
    for shown, script in scripts.items():
        folder = files[shown].parent if shown in files else None
        add_script(catalog, script, problems, environ, folder)
    project = Project(scripts, catalog, files=files)
    planner = Planner(catalog, lambda path, problem: problems.append((path, problem)), environ)
    for table_as in catalog.tables_as.values():  # their tables first: anything may read them
        planner.table_as(table_as)
    for name in catalog.views:
        planned = planner.view(name)
        if planned is not None:
            project.views[name] = planned
    for definition in catalog.inserts:
        planned_insert = planner.insert(definition)
        if planned_insert is not None:
            project.inserts.append(planned_insert)
    for select in catalog.selects:
        planned_select = planner.select(select)
        if planned_select is not None:
            project.selects.append(planned_select)
    for unusable in [*catalog.unusable_models.values(), *catalog.unusable_tables.values()]:
        if unusable.unused:  # Flink never checks what nothing uses: a warning, not an error
            log.warning("%s", unusable.unused_warning())
    problems += sink_cycles(project.views, project.inserts)
    queries = [
        *project.views.values(),
        *(i.query for i in project.inserts),
        *(s.query for s in project.selects),
    ]
    problems += overlap_problems(catalog, set(tables_read(project.views, queries)))
    problems += partitioned_sink_problems(project.views, project.inserts, catalog.tables)
    problems += _name_clashes(catalog, scripts, project.selects)
    for path, problem in problems:
        line = scripts[path].line_at(problem.position) if path in scripts else ""
        diagnostics.append(
            Diagnostic(path, problem.position, problem.message, line, problem.length)
        )
    if diagnostics:
        raise SqlError(diagnostics)
    return project


def _name_clashes(
    catalog: Catalog, scripts: Mapping[str, ast.Script], selects: Sequence[PlannedSelect] = ()
) -> list[tuple[str, Problem]]:
    """SQL names that would share one Dagster name (see names.py), as located problems."""
    relations, models = [], []
    for key, (path, position) in catalog.positions.items():
        kind, _, name = key.partition(":")
        if kind == "model":
            models.append((f"model '{name}'", name, names.resource_name(name), path, position))
        else:
            label = f"view '{name}'" if name in catalog.views else f"table '{name}'"
            relations.append((label, name, names.op_name(name), path, position))
    for select in selects:  # each bare SELECT is an asset too, named after its place
        relations.append(
            (
                f"the SELECT at line {select.line} (asset '{select.name}')",
                select.name,
                names.op_name(select.name),
                select.path,
                select.statement.position,
            )
        )
    files = [
        (f"file '{Path(path).name}'", path, names.group_name(path), path, WHOLE_FILE)
        for path in scripts
    ]
    return (
        names.clashes(relations, "asset")
        + names.clashes(models, "resource")
        + names.clashes(files, "group and job")
    )


def _display(file: Path, root: str | os.PathLike | None) -> str:
    base = Path(root) if root is not None else Path.cwd()
    try:
        return str(file.resolve().relative_to(base.resolve()))
    except (ValueError, OSError, RuntimeError):  # RuntimeError, OSError: a link that loops
        return str(file)
