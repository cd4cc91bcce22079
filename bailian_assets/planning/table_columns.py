"""CREATE TABLE columns beyond the physical ones, and the constraints beside them, as Flink 2.3
has them (each rule and text below is what the Flink oracle answered).

- A computed column (`total AS price * qty`) is computed when the table is read: a scan of the
  table is its physical and METADATA columns, then a projection computing the computed ones
  (`scan`). Its expression may read physical and METADATA columns only, and is checked at the
  CREATE TABLE. It is not written: an INSERT's target columns leave it out (Flink's sink
  schema), so `INSERT INTO t SELECT` with a value for it has one column too many.
- A METADATA column (`name type METADATA [FROM 'key'] [VIRTUAL]`) is a value the connector
  gives with each row (the filesystem connector's `file.path`, `file.name`, `file.size`,
  `file.modification-time`), cast to the declared type. Its key is checked where the table is
  read (`metadata_problem`); a non-VIRTUAL one would be written too, which no connector here
  can do, so an INSERT into such a table is refused (`persisted_metadata_problem`). Two columns
  of one key are refused at the CREATE TABLE.
- `WATERMARK FOR column AS expression` is checked as Flink checks it (the column a TIMESTAMP(p)
  or TIMESTAMP_LTZ(p), p at most 3; the expression of such a type) and has no batch meaning.
- `PRIMARY KEY (...) NOT ENFORCED` names physical columns; it changes no row in a batch job.
  (`ENFORCED`, or no mode, is a syntax error with Flink's text: see the parser.)
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import TYPE_CHECKING

from bailian_assets.planning import bound as b
from bailian_assets.planning import plan as p
from bailian_assets.planning import types
from bailian_assets.planning.binder import Binder
from bailian_assets.planning.options import Problem
from bailian_assets.planning.plan_errors import PlanError

if TYPE_CHECKING:
    from bailian_assets.planning.connectors import TableSpec
from bailian_assets.sql import ast

_TIME_TYPES = ("TIMESTAMP", "TIMESTAMP_LTZ")
_DEFAULT_TIMESTAMP_PRECISION = 6  # TIMESTAMP without a precision is TIMESTAMP(6) in Flink

NewField = Callable[[str, ast.DataType, "str | None"], p.Field]


def check_declaration(
    statement: ast.CreateTable, path: str, environ: Mapping[str, str], problems: list[Problem]
) -> None:
    """What Flink checks at the CREATE TABLE: computed columns' expressions, metadata keys
    used once, the primary key's columns and the watermark."""
    readable = tuple(
        p.Field(c.name, c.type, None, c.name) for c in statement.columns if c.expression is None
    )
    binder = Binder(path, {}, environ)
    types = {f.name: f.type for f in readable}
    for column in statement.columns:
        if column.expression is not None:
            try:
                types[column.name] = binder.bind(column.expression, readable).type
            except PlanError as error:
                problems.extend(error.problems)
    _check_metadata_keys(statement, problems)
    _check_primary_key(statement, problems)
    if statement.watermark is not None:
        _check_watermark(statement.watermark, types, binder, readable, problems)


def _check_metadata_keys(statement: ast.CreateTable, problems: list[Problem]) -> None:
    first: dict[str, ast.ColumnDef] = {}
    for column in statement.columns:
        if column.metadata_key is None:
            continue
        if column.metadata_key in first:
            problems.append(
                Problem(
                    f"The column `{first[column.metadata_key].name}` and `{column.name}` in the "
                    f"table are both from the same metadata key '{column.metadata_key}'. Please "
                    "specify one of the columns as the metadata column and use the computed "
                    "column syntax to specify the others.",
                    column.position,
                    len(column.name),
                )
            )
        first.setdefault(column.metadata_key, column)


def _check_primary_key(statement: ast.CreateTable, problems: list[Problem]) -> None:
    columns = {c.name: c for c in statement.columns}
    for name, position in statement.primary_key:
        column = columns.get(name)
        if column is None:
            problems.append(
                Problem(
                    f"Primary key column '{name}' is not defined in the schema",
                    position,
                    len(name),
                )
            )
        elif not column.physical:
            problems.append(
                Problem(
                    f"Could not create a PRIMARY KEY with column '{name}'. A PRIMARY KEY "
                    "constraint must be declared on physical columns.",
                    position,
                    len(name),
                )
            )


def _check_watermark(
    watermark: ast.Watermark,
    types: Mapping[str, ast.DataType],
    binder: Binder,
    readable: tuple[p.Field, ...],
    problems: list[Problem],
) -> None:
    name = str(watermark.column)
    column_type = types.get(name)
    if column_type is None:
        available = ", ".join(f"'{n}'" for n in types)
        problems.append(
            Problem(
                f"The rowtime attribute field '{name}' is not defined in the table schema, "
                f"at line {watermark.column.position.line}, column "
                f"{watermark.column.position.col}\nAvailable fields: "
                f"[{available}]",
                watermark.column.position,
                len(name),
            )
        )
        return
    if not _time_type(column_type):
        problems.append(
            Problem(
                "Invalid data type of time field for watermark definition. The field must be of "
                "type TIMESTAMP(p) or TIMESTAMP_LTZ(p), the supported precision 'p' is from 0 to "
                f"3, but the time field type is {column_type}",
                watermark.column.position,
                len(name),
            )
        )
        return
    known = {f.name for f in readable}
    scope = (*readable, *(p.Field(n, t, None, n) for n, t in types.items() if n not in known))
    try:
        expression_type = binder.bind(watermark.expression, scope).type
    except PlanError as error:
        problems.extend(error.problems)
        return
    if not _time_type(expression_type):
        problems.append(
            Problem(
                "Invalid data type of expression for watermark definition. The field must be of "
                "type TIMESTAMP(p) or TIMESTAMP_LTZ(p), the supported precision 'p' is from 0 to "
                f"3, but the watermark expression type is {expression_type}",
                watermark.expression.position,
            )
        )


def _time_type(data_type: ast.DataType) -> bool:
    if data_type.name not in _TIME_TYPES:
        return False
    precision = data_type.params[0] if data_type.params else _DEFAULT_TIMESTAMP_PRECISION
    return precision <= 3


def scan(
    table_name: str,
    columns: tuple[ast.ColumnDef, ...],
    qualifier: str,
    new_field: NewField,
    binder: Binder,
    counted: bool = False,
) -> p.Node:
    """The rows of a table as a query reads it: its physical and METADATA columns as the
    connector gives them, then its computed columns computed, every column in declared order
    (`counted`: see p.Scan)."""
    readable = tuple(c for c in columns if c.expression is None)
    fields = tuple(new_field(c.name, c.type, qualifier) for c in readable)
    node: p.Node = p.Scan(table_name, tuple(c.name for c in readable), fields, counted=counted)
    if len(readable) == len(columns):
        return node
    by_name = {f.name: f for f in fields}
    items: list[tuple[b.Expr, p.Field]] = []
    for column in columns:
        if column.expression is None:
            field = by_name[column.name]
            items.append((b.Column(field.column, field.type), field))
        else:
            bound = binder.bind(column.expression, fields)
            items.append((bound, new_field(column.name, bound.type, qualifier)))
    return p.Project(node, tuple(items))


def hinted(node: p.Node, table: TableSpec, options: tuple[ast.Option, ...]) -> p.Node:
    """The `scan` of a table read as `table`, with a hint's `options` over its own."""
    if isinstance(node, p.Project):  # its computed columns over the scan
        return replace(node, input=hinted(node.input, table, options))
    assert isinstance(node, p.Scan)
    return replace(node, options=tuple((o.key, o.value) for o in options), hinted=table)


def metadata_problem(
    table: str,
    columns: tuple[ast.ColumnDef, ...],
    connector: str,
    keys: Mapping[str, ast.DataType],
) -> str | None:
    """Why a read of the table cannot give its METADATA `columns` (Flink's text), or None."""
    for column in columns:
        known = keys.get(str(column.metadata_key))
        if known is not None:
            if types.can_cast(known, column.type):
                continue
            return (
                f"Invalid data type for metadata column '{column.name}' with metadata key "
                f"'{column.metadata_key}' of table 'default_catalog.default_database.{table}'. "
                f"The column cannot be declared as '{column.type}' because the type must be "
                f"castable from metadata type '{known}'."
            )
        if not keys:
            return (
                f"Table 'default_catalog.default_database.{table}' declares metadata columns, "
                f"but the underlying DynamicTableSource (the '{connector}' connector) doesn't "
                "implement the SupportsReadingMetadata interface. Therefore, metadata cannot be "
                "read from the given table."
            )
        return (
            f"Invalid metadata key '{column.metadata_key}' in column '{column.name}' of table "
            f"'default_catalog.default_database.{table}'. The '{connector}' connector supports "
            f"the following metadata keys for reading: {', '.join(keys)}"
        )
    return None


def persisted_metadata_problem(table: str, columns: tuple[ast.ColumnDef, ...]) -> str | None:
    """Why an INSERT cannot write the table's non-VIRTUAL METADATA columns (no connector here
    writes metadata; Flink's text), or None."""
    if all(c.virtual for c in columns):
        return None
    return (
        f"Table 'default_catalog.default_database.{table}' declares persistable metadata "
        "columns, but the underlying DynamicTableSink doesn't implement the "
        "SupportsWritingMetadata interface. If the column should not be persisted, it can be "
        "declared with the VIRTUAL keyword."
    )
