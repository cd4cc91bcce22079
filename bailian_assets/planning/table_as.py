"""CREATE TABLE t WITH (...) AS query (CTAS): the table's columns, from its planned query.

Flink's rule (checked on the real engine): the columns the CREATE part declares that the query
does not give come first, in their order (written NULL); then the query's columns in the
query's order, each with the type the CREATE part declares for it, else the query's own type
(`1 AS a` is INT NOT NULL, `'x' AS b` CHAR(1) NOT NULL). The rows are written by an INSERT the
catalog adds where the CTAS stands (catalog.py); a TEMPORARY CTAS Flink refuses.
"""

from __future__ import annotations

from dataclasses import replace

from bailian_assets.planning import plan as p
from bailian_assets.planning.catalog import InsertDef
from bailian_assets.planning.options import Problem
from bailian_assets.sql import ast


def table_as_columns(statement: ast.CreateTable, planned: p.PlannedQuery) -> list[ast.ColumnDef]:
    """The columns of the CTAS `statement`'s table, given its planned query."""
    declared = {c.name: c for c in statement.columns}
    given = set(planned.names)
    first = [c for c in statement.columns if c.name not in given]
    at = statement.name.position
    return first + [
        declared.get(name) or ast.ColumnDef(name, type_, at)
        for name, type_ in zip(planned.names, planned.types, strict=True)
    ]


def insert_naming(definition: InsertDef, planned: p.PlannedQuery) -> InsertDef:
    """The CTAS's INSERT naming the query's columns: those only the CREATE part declares get
    NULL."""
    at = definition.statement.position
    columns = tuple((name, at) for name in planned.names)
    return replace(definition, statement=replace(definition.statement, columns=columns))


def key_problems(statement: ast.CreateTable, columns: list[ast.ColumnDef]) -> list[Problem]:
    """Flink's refusal of a CTAS primary key over a column the query gives nullable (a column
    the CREATE part declares is made NOT NULL by the key)."""
    declared = {c.name for c in statement.columns}
    by_name = {c.name: c for c in columns}
    names = "_".join(n for n, _ in statement.primary_key)
    return [
        Problem(f"Invalid primary key 'PK_{names}'. Column '{name}' is nullable.", at, len(name))
        for name, at in statement.primary_key
        if name not in declared and name in by_name and by_name[name].type.nullable
    ]
