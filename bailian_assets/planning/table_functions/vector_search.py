"""VECTOR_SEARCH(TABLE t, DESCRIPTOR(vec), query_column, top_k): Flink 2.2's vector search,
joined laterally to the rows holding the queries (`FROM q, LATERAL TABLE(VECTOR_SEARCH(...))`
or `LEFT JOIN LATERAL TABLE(...) ON TRUE`): each query row with its `top_k` nearest rows of
`t` by cosine similarity and a `score` column (run by `executor/vector_search.py`)."""

from __future__ import annotations

import itertools

from bailian_assets.planning import bound as b
from bailian_assets.planning import plan as p
from bailian_assets.planning import types
from bailian_assets.planning.binder import find
from bailian_assets.planning.plan_errors import PlanError
from bailian_assets.planning.table_functions.registry import Invocation, Parameter, TableFunction
from bailian_assets.sql import ast


def build(call: Invocation) -> p.Node:
    table_name: ast.Name = call.args["SEARCH_TABLE"]  # type: ignore[assignment]
    search = call.site.relation(table_name, call.call.alias or table_name.last)
    target = _search_field(call.args["COLUMN_TO_SEARCH"], search, table_name)  # type: ignore
    query: b.Column = call.args["COLUMN_TO_QUERY"]  # type: ignore[assignment]
    if not (types.is_float_array(query.type) or query.type.name == "NULL"):
        raise PlanError(
            f"Can not cast the query column type {query.type} to target type "
            f"{target.type}. Please keep the query column type is same to the "
            "search column type.",
            call.syntax["COLUMN_TO_QUERY"].position,
        )
    top_k = _top_k(call.args["TOP_K"])  # type: ignore[arg-type]
    taken = {f.name for f in search.fields}
    score_name = (
        "score"
        if "score" not in taken
        else next(f"score{i}" for i in itertools.count() if f"score{i}" not in taken)
    )
    score = call.site.field(
        score_name, types.nullable(types.DOUBLE, False), call.call.alias or table_name.last
    )
    assert call.left is not None, "a lateral function is always given its input rows"
    return p.VectorSearch(
        call.left,
        search,
        query.column,
        target.column,
        top_k,
        call.join_kind == "LEFT",
        score,
    )


def _search_field(descriptor: ast.DescriptorArg, search: p.Node, table_name: ast.Name) -> p.Field:
    if len(descriptor.columns) != 1:
        shown = ", ".join(c.name for c in descriptor.columns)
        raise PlanError(
            "Expect parameter COLUMN_TO_SEARCH for VECTOR_SEARCH only contains "
            "one column, but multiple columns are found in operand "
            f"DESCRIPTOR({shown}).",
            descriptor.position,
        )
    column = descriptor.columns[0]
    target = find(search.fields, None, column.name, column.position, where=f"table '{table_name}'")
    if not types.is_float_array(target.type):
        raise PlanError(
            f"Expect search column `{column.name}` type is ARRAY<FLOAT> or "
            f"ARRAY<DOUBLE>, but its type is {target.type}.",
            column.position,
            len(column.name),
        )
    return target


def _top_k(arg: ast.FunctionArg) -> int:
    top_k = arg.value
    if not (isinstance(top_k, ast.Literal) and top_k.kind == "INTEGER"):
        shown = getattr(top_k, "value", type(top_k).__name__)
        kind = (
            types.literal_type(top_k.kind, top_k.value)
            if isinstance(top_k, ast.Literal)
            else "an expression"
        )
        raise PlanError(
            "Expect parameter top_k is an INTEGER NOT NULL literal in "
            f"VECTOR_SEARCH, but it is {shown} with type {kind}.",
            arg.position,
        )
    value = top_k.value
    assert isinstance(value, int), "an INTEGER literal's value is an int"
    if value <= 0:
        raise PlanError(f"Parameter top_k must be greater than 0, but was {value}.", arg.position)
    return value


VECTOR_SEARCH = TableFunction(
    "VECTOR_SEARCH",
    (
        Parameter("SEARCH_TABLE", "TABLE", "a table (TABLE t)"),
        Parameter("COLUMN_TO_SEARCH", "DESCRIPTOR", "a DESCRIPTOR of the column to search"),
        Parameter(
            "COLUMN_TO_QUERY", "COLUMN", "a column of the query table, such as q.query_vector"
        ),
        Parameter("TOP_K", "ANY", "an INTEGER literal"),
    ),
    build,
    lateral=True,
    arity_message="Invalid number of arguments to function 'VECTOR_SEARCH'. Was expecting 4 "
    "arguments: VECTOR_SEARCH(TABLE search_table, DESCRIPTOR(column_to_search), "
    "column_to_query, top_k)",
)
