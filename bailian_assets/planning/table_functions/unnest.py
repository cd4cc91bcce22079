"""UNNEST(collection) [WITH ORDINALITY] [AS] u(columns): each row to its left once per element
of its collection, joined laterally (`FROM t CROSS JOIN UNNEST(t.tags) AS u(tag)`,
`FROM t, UNNEST(...)`, `FROM t LEFT JOIN UNNEST(...) AS u(tag) ON TRUE`), or alone
(`FROM UNNEST(ARRAY[1, 2]) AS u(x)`, over one empty row); run by the executor's
`Unnest` runner as a Polars explode.

What Flink 2.3 does, checked on the real engine:
- an ARRAY gives one column (`EXPR$0` unless aliased), or its ROW elements' fields as
  columns; a MAP gives its keys and values (two columns); WITH ORDINALITY adds the 1-based
  position last (INT NOT NULL);
- a row whose collection is empty or NULL is dropped by CROSS JOIN and `,`, and kept with
  NULL columns by `LEFT JOIN ... ON TRUE`;
- the alias list must name every column ("List of column aliases must have same degree as
  table").
"""

from __future__ import annotations

from bailian_assets.planning import plan as p
from bailian_assets.planning import types
from bailian_assets.planning.plan_errors import PlanError
from bailian_assets.planning.table_functions.registry import Invocation, Parameter, TableFunction
from bailian_assets.sql import ast
from bailian_assets.sql.ast import DataType

COLLECTIONS = ("ARRAY", "MULTISET", "MAP")


def build(call: Invocation) -> p.Node:
    arg: ast.FunctionArg = call.args["COLLECTION"]  # type: ignore[assignment]
    assert call.left is not None  # UNNEST is lateral: the builder gives it its left side
    collection = call.site.bind(arg.value, call.left.fields)  # type: ignore[arg-type]
    kind = collection.type.name
    if kind not in COLLECTIONS and kind != "NULL":
        raise PlanError(
            f"Cannot apply 'UNNEST' to arguments of type "
            f"'UNNEST(<{types.sql_name(collection.type)}>)'. Supported form(s): "
            "'UNNEST(<MULTISET>)'\n'UNNEST(<ARRAY>)'\n'UNNEST(<MAP>)'",
            arg.position,
        )
    columns = _columns(collection.type)
    if call.call.with_ordinality:
        columns.append(("ORDINALITY", types.nullable(types.INT, False)))
    names = _aliased([n for n, _ in columns], call.call)
    qualifier = call.call.alias
    fields = tuple(
        call.site.field(name, types.nullable(t), qualifier)
        for name, (_, t) in zip(names, columns, strict=False)
    )
    ordinality = None
    if call.call.with_ordinality:
        ordinality = fields[-1]
        fields = fields[:-1]
    return p.Unnest(
        call.left,
        collection,
        _parts(collection.type),
        fields,
        ordinality,
        keep_empty=call.join_kind == "LEFT",
    )


def _columns(collection: DataType) -> list[tuple[str, DataType]]:
    """The columns one element becomes, with Flink's names."""
    if collection.name == "MAP":
        return [
            ("KEY", collection.element or types.UNKNOWN),
            ("VALUE", collection.value or types.UNKNOWN),
        ]
    element = collection.element or types.STRING
    if element.name == "ROW" and element.fields:
        return list(element.fields)
    return [("EXPR$0", element)]


def _parts(collection: DataType) -> tuple[str | None, ...]:
    """Where each column comes from in an element: a struct field, or (None) the element."""
    if collection.name == "MAP":
        return ("key", "value")  # a MAP's entries are {key, value} structs (executor/dtypes.py)
    element = collection.element
    if element is not None and element.name == "ROW" and element.fields:
        return tuple(name for name, _ in element.fields)
    return (None,)


def _aliased(names: list[str], call: ast.TableFunction) -> list[str]:
    """`AS u(a, b)` renames the columns, all of them."""
    if not call.column_aliases:
        return names
    if len(call.column_aliases) != len(names):
        shown = ", ".join(f"'{n}'" for n in names)
        raise PlanError(
            f"List of column aliases must have same degree as table; table has "
            f"{len(names)} columns ({shown}), whereas alias list has "
            f"{len(call.column_aliases)} columns",
            call.position,
            len("UNNEST"),
        )
    return list(call.column_aliases)


UNNEST = TableFunction(
    "UNNEST",
    (Parameter("COLLECTION", "ANY", "an ARRAY, MAP or MULTISET"),),
    build,
    lateral=True,
    standalone=True,
    arity_message="UNNEST takes one ARRAY, MAP or MULTISET here: UNNEST(a) [WITH ORDINALITY] "
    "AS u(x)",
)
