"""`CREATE TABLE ... WITH ('connector' = ...)` -> TableSpec, checked by its connector.

What every table is checked for here, whatever its connector: a known connector, its options
(typed, required ones present, unknown ones refused, by the connector's `OptionSpec`s; those
the connector ignores as Flink does, `Connector.ignores_option`, only warned about), no
duplicate column, partition columns that are columns and could name a folder, PARTITIONED BY
only for a connector that takes it, and no secret in any option. Secrets are refused in
connector options rather than carried and scrubbed: every one of them is shown by nature (a
'path' in errors, Dagster metadata and on disk; 'print-identifier' in every printed line; the
rest in error messages), so a secret there could not stay secret. What only one connector
knows is its `check` and `locate`.
"""

from __future__ import annotations

import difflib
import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from bailian_assets.errors import Position
from bailian_assets.planning.connectors.connector import (
    Connector,
    connector_named,
    connector_names,
)
from bailian_assets.planning.identifiers import object_key
from bailian_assets.planning.options import Problem, resolve_options
from bailian_assets.planning.partition_path import DEFAULT_PARTITION, MAX_NAME_BYTES, folder_name
from bailian_assets.planning.plan_errors import PlanError
from bailian_assets.planning.table_columns import check_declaration
from bailian_assets.sql import ast

log = logging.getLogger("bailian_assets")


@dataclass(frozen=True)
class TableSpec:
    """A usable table. `columns` are its physical columns, the ones its connector stores (read
    and written); `all_columns` adds computed and METADATA columns, as a query sees them."""

    name: str
    columns: tuple[ast.ColumnDef, ...]
    connector: str
    options: Mapping[str, object]  # canonical key -> typed value, defaults filled in
    path: str
    position: Position
    partitioned_by: tuple[str, ...] = ()
    statement: ast.CreateTable | None = field(default=None, compare=False)
    location: Path | None = None  # where the connector keeps the data (filesystem: its path)
    sql_file: Path | None = None  # the declaring file on disk (None: SQL given as text)
    # every declared column, in order: `columns` (physical) with computed and METADATA ones
    declared: tuple[ast.ColumnDef, ...] = ()

    @property
    def sql_name(self) -> str:
        """The name SQL gives it (`name` is its catalog key, which for a TEMPORARY table
        shadowing a permanent one is `<file>__<name>`: see catalog.py)."""
        return object_key(self.statement.name) if self.statement is not None else self.name

    @property
    def all_columns(self) -> tuple[ast.ColumnDef, ...]:
        return self.declared or self.columns

    @property
    def metadata_columns(self) -> tuple[ast.ColumnDef, ...]:
        return tuple(c for c in self.all_columns if c.metadata)

    @property
    def partition_columns(self) -> tuple[ast.ColumnDef, ...]:
        by_name = {c.name: c for c in self.columns}
        return tuple(by_name[name] for name in self.partitioned_by)

    @property
    def data_columns(self) -> tuple[ast.ColumnDef, ...]:
        """The columns stored in files (partition values live in folder names, as in Hive)."""
        return tuple(c for c in self.columns if c.name not in self.partitioned_by)

    @property
    def is_sink_only(self) -> bool:
        """Rows written to it cannot be read back (print, blackhole)."""
        return not self.stores_rows

    @property
    def stores_rows(self) -> bool:
        """Its connector keeps rows that can be read (a FROM, a Dagster input, a check)."""
        connector = connector_named(self.connector)
        return connector is not None and connector.source


def build_table(
    statement: ast.CreateTable,
    path: str,
    problems: list[Problem],
    environ: Mapping[str, str] | None = None,
    base_dir: Path | None = None,
    deferred: list[Problem] | None = None,
) -> TableSpec | None:
    """The table `statement` declares, or None with its problems added. What Flink checks at
    the CREATE TABLE (its columns) goes to `problems`; what Flink checks where the table is
    used (its connector and options, `use_problems`) to `deferred` (default: `problems`)."""
    before = len(problems)
    _check_columns(statement, f"table '{statement.name}'", problems)
    check_declaration(statement, path, os.environ if environ is None else environ, problems)
    later: list[Problem] = [] if deferred is None else deferred
    found = use_problems(statement, path, environ, base_dir, later)
    if deferred is None:
        problems.extend(later)
    if len(problems) > before or later or found is None:
        return None
    connector, values, location = found
    sql_file = base_dir / Path(path).name if base_dir is not None else None
    return TableSpec(
        object_key(statement.name),
        _physical_columns(statement),
        connector.name,
        values,
        path,
        statement.position,
        statement.partitioned_by,
        statement,
        location,
        sql_file,
        tuple(_key_not_null(c, statement) for c in statement.columns),
    )


def with_options(
    table: TableSpec, options: tuple[ast.Option, ...], environ: Mapping[str, str] | None
) -> TableSpec:
    """`table` with `options` over its WITH options (a hint's, `t /*+ OPTIONS(...) */`),
    checked as its own are; PlanError at the first problem."""
    assert table.statement is not None  # a usable table knows its statement
    keys = {option.key for option in options}
    merged = tuple(o for o in table.statement.options if o.key not in keys) + options
    base_dir = table.sql_file.parent if table.sql_file is not None else None
    problems: list[Problem] = []
    statement = replace(table.statement, options=merged)
    found = build_table(statement, table.path, problems, environ, base_dir)
    if found is None:
        first, *more = problems
        raise PlanError(first.message, first.position, first.length, tuple(more))
    return replace(found, name=table.name)


def _physical_columns(statement: ast.CreateTable) -> tuple[ast.ColumnDef, ...]:
    return tuple(_key_not_null(c, statement) for c in statement.columns if c.physical)


def _key_not_null(column: ast.ColumnDef, statement: ast.CreateTable) -> ast.ColumnDef:
    """A PRIMARY KEY column is NOT NULL, as in Flink (a NULL written into it fails the job)."""
    if column.type.nullable and any(column.name == k for k, _ in statement.primary_key):
        return replace(column, type=replace(column.type, nullable=False))
    return column


def use_problems(
    statement: ast.CreateTable,
    path: str,
    environ: Mapping[str, str] | None,
    base_dir: Path | None,
    problems: list[Problem],
) -> tuple[Connector, dict[str, object], Path | None] | None:
    """The table's connector, typed options and location, or None with the problems Flink
    reports where the table is used: a missing or unknown connector, options missing,
    unknown or mistyped, columns the format cannot hold, a path that cannot be the table's."""
    owner = f"table '{statement.name}'"
    connector_option = next((o for o in statement.options if o.key == "connector"), None)
    if connector_option is None:
        problems.append(
            Problem(f"{owner} is missing the required option 'connector'", statement.name.position)
        )
        return None
    connector = connector_named(connector_option.value)
    if connector is None:
        problems.append(
            Problem(
                f"unsupported connector '{connector_option.value}' for {owner}; supported: "
                f"{', '.join(connector_names())}",
                connector_option.value_position,
                len(connector_option.raw),
            )
        )
        return None
    before = len(problems)
    specs = connector.option_specs(statement)
    resolved = resolve_options(
        statement.options,
        list(specs),
        f"{owner} (connector '{connector.name}')",
        statement.name.position,
        problems,
        environ,
        ignore=lambda key: key == "connector" or _ignored(connector, statement, key, path),
    )
    _check_no_secrets(resolved, owner, problems)
    values = {spec.key: spec.default for spec in specs}
    values.update({key: option.value for key, option in resolved.items()})
    connector.check(statement, values, owner, problems)
    if len(problems) > before:
        return None
    location = connector.locate(statement, values, base_dir, owner, problems)
    if statement.partitioned_by and not connector.partitioned:
        problems.append(
            Problem(
                f"PARTITIONED BY is not supported by the '{connector.name}' connector ({owner})",
                statement.name.position,
            )
        )
    return None if len(problems) > before else (connector, values, location)


def _ignored(connector: Connector, statement: ast.CreateTable, key: str, path: str) -> bool:
    """Whether the connector ignores option `key` (see `Connector.ignores_option`); a warning
    names each one, with the option it was perhaps meant to be."""
    if not connector.ignores_option(statement, key):
        return False
    option = next(o for o in statement.options if o.key == key)
    known = [spec.key for spec in connector.option_specs(statement)]
    close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
    log.warning(
        "%s:%d:%d: option '%s' of table '%s' is not an option Flink's %s takes; ignored, as "
        "Flink ignores it%s",
        path,
        option.key_position.line,
        option.key_position.col,
        key,
        statement.name,
        connector.name,
        f" (did you mean '{close[0]}'?)" if close else "",
    )
    return True


def _check_no_secrets(resolved: Mapping, owner: str, problems: list[Problem]) -> None:
    """Connector options are shown by nature (see the module docstring): no secret there."""
    for _key, option in resolved.items():
        if any(r.secret for r in option.substituted.references):
            problems.append(
                Problem(
                    f"option '{option.option.key}' of {owner} uses a secret "
                    "(${secret_values...}); "
                    f"connector options are shown (the path in messages and metadata, the print "
                    f"identifier in every line), so they cannot hold secrets. Use a plain value or "
                    f"an environment variable",
                    option.option.value_position,
                    len(option.option.raw),
                )
            )


def _check_columns(statement: ast.CreateTable, owner: str, problems: list[Problem]) -> None:
    seen: set[str] = set()
    for column in statement.columns:
        if column.name in seen:
            problems.append(
                Problem(
                    f"duplicate column `{column.name}` in {owner}",
                    column.position,
                    len(column.name),
                )
            )
        seen.add(column.name)
    for name in statement.partitioned_by:
        if name not in seen:
            problems.append(
                Problem(
                    f"partition column `{name}` is not a column of {owner}", statement.name.position
                )
            )
        elif _partition_name_problem(name):
            problems.append(
                Problem(
                    f"partition column `{short(name, 40)}` of {owner} "
                    f"{_partition_name_problem(name)}",
                    statement.name.position,
                )
            )


def _partition_name_problem(name: str) -> str | None:
    """Why `name` cannot name partition folders (`name=value`, the name escaped as the value
    is, so `/` or `..` in it never leaves the table folder)."""
    if name.startswith("."):
        return "starts with '.': its folders would be hidden, and readers skip hidden files"
    size = len(folder_name(name, DEFAULT_PARTITION).encode("utf-8", errors="surrogateescape"))
    if size > MAX_NAME_BYTES:
        return (
            f"is too long: its folder names would be {size} bytes or more, and a file name "
            f"may be at most {MAX_NAME_BYTES}"
        )
    return None


def short(text: str, limit: int = 120) -> str:
    """`text` cut to `limit` characters for a message."""
    return text if len(text) <= limit else text[:limit] + "..."
