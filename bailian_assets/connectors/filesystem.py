"""Flink's `filesystem` connector: csv, json lines or parquet files in a folder, partitioned
Hive-style into `col=value/` sub-folders; a source and a sink.

Options: the connector's own and those of its format, only its format's (`'csv.*'` for csv,
`'json.*'` for json; planning/connectors/formats.py); an unknown option with the format's prefix
is ignored with a warning, as Flink ignores it.

Planning checks here what the declaration alone tells: a 'path' that can never be a table's
(see `planning/connectors/paths.py`; a relative one is resolved against the folder of the SQL
file that declares the table), a csv column that is not a scalar (a csv field holds text), a
binary column in csv or json. Reading and writing are `executor/filesystem.py` (lazy scans with
partition pruning; atomic writes that never touch what the table did not write).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import ClassVar

import polars as pl

# The executor's modules are imported inside the methods that read and write: planning a
# project (a Dagster code server loading) looks connectors up, and must not load the engine.
from bailian_assets.planning.connectors import (
    Connector,
    TableSpec,
    location_problem,
    sink_path_problem,
)
from bailian_assets.planning.connectors.formats import (
    check_format_options,
    format_option_specs,
    is_ignored_option,
)
from bailian_assets.planning.connectors.table import short
from bailian_assets.planning.options import OptionSpec, Problem, choice, integer, text
from bailian_assets.sql import ast

_NESTED = {"ARRAY", "MAP", "ROW", "MULTISET"}
_BINARY = {"BINARY", "VARBINARY", "BYTES"}


class Filesystem(Connector):
    name = "filesystem"
    options = (
        OptionSpec("path", text, required=True),
        OptionSpec("format", choice("csv", "json", "parquet", case_sensitive=True), required=True),
        OptionSpec("sink.parallelism", integer(1)),
    )  # and the options of the table's format (planning/connectors/formats.py)
    source = True
    partitioned = True
    overwrite = True
    # Flink's FileSystemTableSource's, each the value of the file the row comes from
    metadata: ClassVar[Mapping[str, ast.DataType]] = {
        "file.path": ast.DataType("STRING", nullable=False),
        "file.name": ast.DataType("STRING", nullable=False),
        "file.size": ast.DataType("BIGINT", nullable=False),
        "file.modification-time": ast.DataType("TIMESTAMP_LTZ", (3,), nullable=False),
    }

    def option_specs(self, statement: ast.CreateTable) -> tuple[OptionSpec, ...]:
        """The connector's options and those of the table's format only, as Flink takes them
        (another format's option is unknown)."""
        return self.options + format_option_specs(_format_of(statement))

    def ignores_option(self, statement: ast.CreateTable, key: str) -> bool:
        """An unknown option with the format's prefix ('csv.foo'): Flink ignores it."""
        return is_ignored_option(_format_of(statement), key)

    def reports_row_count(self, table: TableSpec) -> bool:
        """Flink's filesystem source reports the row count of a csv file (sampled), not of a
        json one."""
        return table.options.get("format") == "csv"

    def check(
        self,
        statement: ast.CreateTable,
        values: Mapping[str, object],
        owner: str,
        problems: list[Problem],
    ) -> None:
        """Format options that cannot go together; columns the format cannot hold (partition
        columns live in folder names, not files)."""
        fmt = values.get("format")
        conflict = check_format_options(values, {o.key for o in statement.options}, owner)
        if conflict is not None:
            problems.append(Problem(conflict, statement.name.position))
        if fmt is None or fmt == "parquet":
            return
        for column in statement.columns:
            if column.name in statement.partitioned_by or not column.physical:
                continue
            if fmt == "csv" and column.type.name in _NESTED:
                reason, instead = (
                    "a csv field holds one value, not a nested one",
                    "'json' or 'parquet'",
                )
            elif _contains(column.type, _BINARY):
                reason, instead = f"binary values cannot be stored in {fmt} files", "'parquet'"
            else:
                continue
            problems.append(
                Problem(
                    f"column `{column.name}` of {owner} is {column.type}: "
                    f"{reason}; use 'format' = {instead}",
                    column.position,
                    len(column.name),
                )
            )

    def locate(
        self,
        statement: ast.CreateTable,
        values: Mapping[str, object],
        base_dir: Path | None,
        owner: str,
        problems: list[Problem],
    ) -> Path | None:
        location = Path(str(values["path"]))
        if not location.is_absolute():
            location = (base_dir or Path.cwd()) / location
        problem = location_problem(location)
        if problem is not None:
            message = f"{owner}: path '{short(str(location))}' {problem}"
            option = next((o for o in statement.options if o.key == "path"), None)
            problems.append(
                Problem(message, statement.name.position)
                if option is None
                else Problem(message, option.value_position, len(option.raw))
            )
            return None
        return location

    def sink_problem(self, table: TableSpec, sql_file: Path | None) -> Problem | None:
        return sink_path_problem(table, sql_file)

    def scan(self, table: TableSpec, partitions: Sequence[str] | None = None) -> pl.LazyFrame:
        from bailian_assets.executor import filesystem

        return filesystem.scan_table(table, partitions)

    def check_writable(self, table: TableSpec) -> None:
        from bailian_assets.executor import table_folder

        table_folder.check_writable(table)

    def write(
        self,
        table: TableSpec,
        frame: pl.DataFrame,
        partitions: Sequence[str] | None = None,
        lines: Callable[[str], None] | None = None,
    ) -> list[Path]:
        from bailian_assets.executor import filesystem

        return filesystem.write_table(table, frame, partitions)

    def partition_values(self, table: TableSpec) -> list[str]:
        from bailian_assets.executor import filesystem

        return filesystem.partition_values(table)

    def files(self, table: TableSpec, partitions: Sequence[str] | None = None) -> list[Path]:
        from bailian_assets.executor import filesystem

        return filesystem.data_files(table, partitions)


def _format_of(statement: ast.CreateTable) -> str | None:
    return next((o.value for o in statement.options if o.key == "format"), None)


def _contains(data_type: ast.DataType, names: set[str]) -> bool:
    inner = [t for t in (data_type.element, data_type.value) if t is not None]
    inner += [t for _, t in data_type.fields]
    return data_type.name in names or any(_contains(t, names) for t in inner)


CONNECTOR = Filesystem()
