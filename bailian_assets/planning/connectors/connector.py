"""The `Connector` interface, and the registry that finds a connector by its 'connector' name.

A connector has two sides. Planning asks it which options it takes (`options`), what else a
table must satisfy (`check`), where the table lives (`locate`), whether it can be read
(`source`), written (`sink`) or partitioned (`partitioned`), and why a sink may not write where
it points (`sink_problem`). The executor asks it for rows, as a Polars LazyFrame (`scan`), and
hands it rows to keep (`write`). Planning never calls the executor side, so this module needs
no Polars; an implementation imports what its executor side needs.

Connectors are found by name as Flink finds its table factories (Java's ServiceLoader): each
module of the `bailian_assets.connectors` package holding a `CONNECTOR` is loaded on the first
look-up, and `register` adds one from anywhere else (a plugin, a test); see `registry`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from bailian_assets.errors import ExecutionError
from bailian_assets.planning.options import OptionSpec, Problem
from bailian_assets.planning.registry import Registry
from bailian_assets.sql import ast

if TYPE_CHECKING:  # the executor side's types; planning itself never loads Polars
    import polars as pl

    from bailian_assets.planning.connectors.table import TableSpec

BUILT_IN_PACKAGE = "bailian_assets.connectors"


class Connector:
    """One connector: subclass it, set `name` and `options`, override what it supports."""

    name: ClassVar[str] = ""
    options: ClassVar[tuple[OptionSpec, ...]] = ()
    source: ClassVar[bool] = False  # a table of it can be read (FROM, a Dagster input)
    sink: ClassVar[bool] = True  # an INSERT may write it
    partitioned: ClassVar[bool] = False  # it accepts PARTITIONED BY
    overwrite: ClassVar[bool] = False  # INSERT OVERWRITE may replace its rows (Flink's
    # SupportsOverwrite)
    # the METADATA keys a read gives with each row, and their types (Flink's
    # SupportsReadingMetadata); `scan` adds a table's METADATA columns, cast to their types
    metadata: ClassVar[Mapping[str, ast.DataType]] = {}

    # ------------------------------------------------------------ planning side

    def option_specs(self, statement: ast.CreateTable) -> tuple[OptionSpec, ...]:
        """The options a table of this connector takes: `options`, unless its keys name the
        table's own columns (datagen's 'fields.<column>.kind')."""
        return self.options

    def ignores_option(self, statement: ast.CreateTable, key: str) -> bool:
        """Whether option `key`, which is none of `option_specs`, is ignored rather than refused
        (as Flink's filesystem connector ignores unknown options of its format: 'csv.foo');
        planning warns about each one ignored."""
        return False

    def reports_row_count(self, table: TableSpec) -> bool:
        """Whether Flink's planner knows how many rows this table has (its source reports
        statistics), which its cost-based choices, and so the order of rows, depend on
        (`planning/flink_estimates.py`)."""
        return False

    def read_problem(self, table: TableSpec) -> str | None:
        """Why a batch job may not read this table (an unbounded source), said where a
        statement reads it, as Flink says it; None when it may."""
        return None

    def check(
        self,
        statement: ast.CreateTable,
        values: Mapping[str, object],
        owner: str,
        problems: list[Problem],
    ) -> None:
        """Add a located `Problem` for what the options and columns cannot be together
        (options are already typed and checked one by one; `values` has defaults filled)."""

    def locate(
        self,
        statement: ast.CreateTable,
        values: Mapping[str, object],
        base_dir: Path | None,
        owner: str,
        problems: list[Problem],
    ) -> Path | None:
        """Where the table's data lives (None: nowhere on disk); a problem if it cannot."""
        return None

    def sink_problem(self, table: TableSpec, sql_file: Path | None) -> Problem | None:
        """Why this sink may not write where it points, when the declaration alone tells."""
        return None

    # ------------------------------------------------------------ executor side

    def scan(self, table: TableSpec, partitions: Sequence[str] | None = None) -> pl.LazyFrame:
        """The table's rows (or those of the given first-partition-column values), lazily:
        projections and filters of the query reach the connector when it can use them."""
        raise ExecutionError(
            f"table '{table.name}' (connector '{self.name}') keeps no rows to read"
        )

    def check_writable(self, table: TableSpec) -> None:
        """Refuse, before any row is computed (or model paid), a sink that cannot be written."""

    def write(
        self,
        table: TableSpec,
        frame: pl.DataFrame,
        partitions: Sequence[str] | None = None,
        lines: Callable[[str], None] | None = None,
    ) -> list[Path]:
        """Keep `frame`'s rows. A connector that stores rows (`source`) gets all the job's
        rows for the table so far and replaces what they cover (`partitions`: exactly those
        partitions of a partitioned run); one that does not gets each INSERT's rows. Text for
        people goes to `lines` (where it ends up is the caller's choice). Returns the folders
        written."""
        raise ExecutionError(f"table '{table.name}' (connector '{self.name}') cannot be written")

    def partition_values(self, table: TableSpec) -> list[str]:
        """The values of the first partition column that have data now, sorted."""
        return []

    def files(self, table: TableSpec, partitions: Sequence[str] | None = None) -> list[Path]:
        """The files a read would read now, in order (what the UI shows of a source)."""
        return []


_registry: Registry[Connector] = Registry(
    "connector", BUILT_IN_PACKAGE, "CONNECTOR", Connector, lambda c: c.name
)


def register(connector: Connector, replace: bool = False) -> Connector:
    """Make `connector` known by its name; a second one of a name is an error unless
    `replace` (a test swapping one in)."""
    return _registry.register(connector, replace)


def unregister(name: str) -> None:
    """Forget the connector of that name (a test cleaning up after itself)."""
    _registry.unregister(name)


def connector_named(name: str) -> Connector | None:
    return _registry.get(name)


def connector_names() -> list[str]:
    return sorted(c.name for c in _registry.items())


def connector_of(table: TableSpec) -> Connector:
    """The connector of a planned table (planning only makes tables of known connectors)."""
    connector = connector_named(table.connector)
    if connector is None:
        raise ExecutionError(
            f"table '{table.name}': no connector '{table.connector}' is "
            f"registered (known: {', '.join(connector_names())})"
        )
    return connector
