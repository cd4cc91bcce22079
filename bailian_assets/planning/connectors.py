"""`CREATE TABLE ... WITH ('connector' = ...)` -> TableSpec, with each connector's options checked.

Connectors: `print` (Flink's options plus VVR's `logger`) and `blackhole`, both sinks only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping

from bailian_assets.errors import Position
from bailian_assets.planning.options import OptionSpec, Problem, boolean, integer, resolve_options, text
from bailian_assets.sql import ast

CONNECTOR_OPTIONS: dict[str, list[OptionSpec]] = {
    "print": [
        OptionSpec("print-identifier", text),
        OptionSpec("standard-error", boolean, default=False),
        OptionSpec("logger", boolean, default=False),
        OptionSpec("sink.parallelism", integer(1)),
    ],
    "blackhole": [OptionSpec("sink.parallelism", integer(1))],
}
SINK_ONLY = {"print", "blackhole"}


@dataclass(frozen=True)
class TableSpec:
    name: str
    columns: tuple[ast.ColumnDef, ...]
    connector: str
    options: Mapping[str, object]  # canonical key -> typed value, defaults filled in
    path: str
    position: Position
    partitioned_by: tuple[str, ...] = ()
    statement: ast.CreateTable | None = field(default=None, compare=False)

    @property
    def is_sink_only(self) -> bool:
        return self.connector in SINK_ONLY


def build_table(statement: ast.CreateTable, path: str, problems: list[Problem],
                environ: Mapping[str, str] | None = None) -> TableSpec | None:
    owner = f"table '{statement.name}'"
    connector_option = next((o for o in statement.options if o.key == "connector"), None)
    if connector_option is None:
        problems.append(Problem(f"{owner} is missing the required option 'connector'",
                                statement.name.position))
        return None
    connector = connector_option.value
    specs = CONNECTOR_OPTIONS.get(connector)
    if specs is None:
        problems.append(Problem(
            f"unsupported connector '{connector}' for {owner}; supported: "
            f"{', '.join(sorted(CONNECTOR_OPTIONS))}", connector_option.value_position,
            len(connector_option.raw)))
        return None
    before = len(problems)
    resolved = resolve_options(statement.options, specs, f"{owner} (connector '{connector}')",
                               statement.name.position, problems, environ,
                               ignore=lambda key: key == "connector")
    _check_columns(statement, owner, problems)
    if len(problems) > before:
        return None
    values = {spec.key: spec.default for spec in specs}
    values.update({key: option.value for key, option in resolved.items()})
    return TableSpec(str(statement.name), statement.columns, connector, values, path,
                     statement.position, statement.partitioned_by, statement)


def _check_columns(statement: ast.CreateTable, owner: str, problems: list[Problem]) -> None:
    seen: set[str] = set()
    for column in statement.columns:
        if column.name in seen:
            problems.append(Problem(f"duplicate column `{column.name}` in {owner}",
                                    column.position, len(column.name)))
        seen.add(column.name)
    for name in statement.partitioned_by:
        if name not in seen:
            problems.append(Problem(f"partition column `{name}` is not a column of {owner}",
                                    statement.name.position))
