"""`DESCRIBE t` and `SHOW TABLES|VIEWS`: what a file has declared, shown as rows.

Flink's SQL client answers them with rows where the statement stands, as it does a bare
SELECT; here they are planned as bare SELECTs over VALUES rows, so they print, run in Dagster
and are checked like one. DESCRIBE gives a row per column, Flink's six fields: name, type (as
Flink prints it, without NOT NULL), null (whether NULLs are allowed), key (`PRI(a, b)` on the
columns of a PRIMARY KEY), extras (a computed column's `AS ...`, a METADATA column's
`METADATA ...`) and watermark (the expression of a `WATERMARK FOR` that column). SHOW TABLES
gives the names of the tables and views the statement can see, sorted; SHOW VIEWS the
views'.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bailian_assets.planning import bound as b
from bailian_assets.planning import plan as p
from bailian_assets.planning import types
from bailian_assets.planning.catalog import Catalog, Visibility
from bailian_assets.planning.connectors.table import TableSpec
from bailian_assets.planning.identifiers import DEFAULT_CATALOG, DEFAULT_DATABASE
from bailian_assets.planning.plan_errors import PlanError
from bailian_assets.sql import ast

_DESCRIBED = ("name", "type", "null", "key", "extras", "watermark")
_DESCRIBED_TYPES = (types.STRING, types.STRING, types.BOOLEAN) + (types.STRING,) * 3


def missing(name: ast.Name) -> PlanError:
    """Flink's refusal of DESCRIBE for a name nothing declares."""
    path = (DEFAULT_CATALOG, DEFAULT_DATABASE)
    qualified = ".".join((*path[: max(0, 3 - len(name.parts))], *name.parts))
    return PlanError(
        f"Tables or views with the identifier '{qualified}' doesn't exist.",
        name.position,
        len(str(name)),
    )


def visible_names(catalog: Catalog, visibility: Visibility, what: str, path: str) -> list[str]:
    """The names SHOW TABLES (tables and views) or SHOW VIEWS lists where it stands in file
    `path`: declared above it and not dropped, its file's own or another file's permanent
    ones, each name once."""
    named = {k: v.statement.name.last for k, v in catalog.views.items()}
    if what == "TABLES":
        named |= {k: s.name.last for k, s in catalog.table_statements.items()}
    return sorted({n for k, n in named.items() if visible(catalog, visibility, k, n, path)})


def matching(names: list[str], pattern: str | None, negated: bool) -> list[str]:
    """The names SHOW TABLES [NOT] LIKE `pattern` keeps (`%` any text, `_` one character)."""
    if pattern is None:
        return names
    regex = "".join(".*" if c == "%" else "." if c == "_" else re.escape(c) for c in pattern)
    return [n for n in names if bool(re.fullmatch(regex, n, re.DOTALL)) != negated]


def visible(catalog: Catalog, visibility: Visibility, key: str, name: str, path: str) -> bool:
    """Whether the table or view `key` (SQL name `name`) is there for a statement of file
    `path`: not declared below it nor dropped above it, and not another file's TEMPORARY one
    (each file is a Flink session of its own)."""
    if visibility.hidden(f"table or view:{name}"):
        return False
    catalog_key = f"table or view:{key}"
    declared = catalog.positions.get(catalog_key)
    return catalog_key not in catalog.temporary or declared is None or declared[0] == path


def declared_rows(statement: ast.CreateTable) -> list[tuple[object, ...]]:
    """DESCRIBE's rows for a table its connector or options make unusable: its physical
    columns as declared (a computed column's type needs the table)."""
    key = tuple(name for name, _ in statement.primary_key)
    key_text = _key_text(key)
    return [
        (
            c.name,
            type_text(c.type),
            c.type.nullable and c.name not in key,
            key_text if c.name in key else None,
            None,
            None,
        )
        for c in statement.columns
        if c.expression is None and c.type is not None
    ]


def table_rows(table: TableSpec, column_types: Sequence[ast.DataType]) -> list[tuple[object, ...]]:
    """DESCRIBE's rows for a table: its columns as declared, computed and METADATA ones too,
    of the types a query reads them as (`column_types`)."""
    statement = table.statement
    key = tuple(name for name, _ in statement.primary_key) if statement is not None else ()
    key_text = _key_text(key)
    watermark = statement.watermark if statement is not None else None
    rows: list[tuple[object, ...]] = []
    for column, column_type in zip(table.all_columns, column_types, strict=True):
        nullable = column_type.nullable and column.name not in key
        extras = None
        if column.expression is not None:
            extras = f"AS {unparsed(column.expression)}"
        marked = watermark is not None and watermark.column.last == column.name
        rows.append(
            (
                column.name,
                type_text(column_type),
                nullable,
                key_text if column.name in key else None,
                extras,
                unparsed(watermark.expression) if marked and watermark else None,
            )
        )
    return rows


def query_rows(names: Sequence[str], column_types: Sequence[ast.DataType]) -> list[tuple]:
    """DESCRIBE's rows for a view: its query's columns."""
    return [
        (name, type_text(t), t.nullable, None, None, None)
        for name, t in zip(names, column_types, strict=True)
    ]


def _key_text(key: tuple[str, ...]) -> str | None:
    """DESCRIBE's key field of a primary key's columns: `PRI(a, b)`."""
    return f"PRI({', '.join(key)})" if key else None


def type_text(t: ast.DataType) -> str:
    """A column's type as DESCRIBE prints it: Flink's summary, without NOT NULL."""
    text = types.summary(t)
    return text.removesuffix(" NOT NULL")


def described(rows: list[tuple], new_field, path: str, position) -> p.PlannedQuery:
    """DESCRIBE's rows as a planned query of VALUES rows."""
    return _values(rows, _DESCRIBED, _DESCRIBED_TYPES, new_field, path, position)


def shown(names: list[str], new_field, path: str, position) -> p.PlannedQuery:
    """SHOW's names as a planned query of VALUES rows (one column)."""
    rows = [(name,) for name in names]
    return _values(rows, ("table name",), (types.STRING,), new_field, path, position)


def _values(rows, names, column_types, new_field, path, position) -> p.PlannedQuery:
    fields = tuple(new_field(n, t) for n, t in zip(names, column_types, strict=True))
    literals = tuple(
        tuple(
            b.Literal(v, types.nullable(t, v is None))
            for v, t in zip(row, column_types, strict=True)
        )
        for row in rows
    )
    root = p.ValuesNode(literals, fields)
    return p.PlannedQuery(root, tuple(names), tuple(f.type for f in fields), path, position)


# an INTERVAL literal's microseconds in the largest unit that divides them, as Flink prints it
_UNITS: tuple[tuple[str, int], ...] = (
    ("DAY", 86_400_000_000),
    ("HOUR", 3_600_000_000),
    ("MINUTE", 60_000_000),
    ("SECOND", 1_000_000),
)


def unparsed(expr: ast.Expr) -> str:
    """An expression as Flink's DESCRIBE prints it (its SQL unparsed: identifiers in
    backquotes, `INTERVAL '5' SECOND`), for the forms computed columns and watermarks take:
    columns, literals, operators, function calls and CASTs; `...` for others."""
    if isinstance(expr, ast.ColumnRef):
        return f"`{expr.name}`" if expr.qualifier is None else f"`{expr.qualifier}`.`{expr.name}`"
    if isinstance(expr, ast.Literal):
        return _literal(expr)
    if isinstance(expr, ast.BinaryOp):
        return f"{unparsed(expr.left)} {expr.op} {unparsed(expr.right)}"
    if isinstance(expr, ast.UnaryOp):
        return f"{expr.op}{unparsed(expr.operand)}"
    if isinstance(expr, ast.FunctionCall) and not expr.star and expr.over is None:
        return f"{expr.name}({', '.join(map(unparsed, expr.args))})"
    if isinstance(expr, ast.Cast):
        return f"CAST({unparsed(expr.expr)} AS {type_text(expr.type)})"
    return "..."


def _literal(literal: ast.Literal) -> str:
    if literal.kind == "STRING":
        return "'" + str(literal.value).replace("'", "''") + "'"
    if literal.kind == "NULL":
        return "NULL"
    if literal.kind == "BOOLEAN":
        return str(literal.value).upper()
    if literal.kind == "INTERVAL_DAY_TIME" and isinstance(literal.value, int):
        for unit, size in _UNITS:
            if literal.value % size == 0:
                return f"INTERVAL '{literal.value // size}' {unit}"
    if literal.kind == "INTERVAL_YEAR_MONTH" and isinstance(literal.value, int):
        return f"INTERVAL '{literal.value}' MONTH"
    return str(literal.value)
