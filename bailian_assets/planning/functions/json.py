"""JSON functions: declarations (signatures and result types). Their Polars implementations
are in `executor/functions/json.py`, under the same names. The SQL/JSON clauses (RETURNING,
ON EMPTY, ON ERROR, WITH WRAPPER, KEY k VALUE v, ON NULL) arrive as trailing or leading
constant arguments: `sql/json_syntax.py` says how."""

from __future__ import annotations

from collections.abc import Sequence

from bailian_assets.planning import types
from bailian_assets.planning.functions.aggregates import AggregateFunction
from bailian_assets.planning.functions.signatures import (
    ScalarFunction,
    SignatureError,
    always,
    fixed,
    sig,
)
from bailian_assets.sql.ast import DataType

_C = "CHARACTER"
_TEXT = types.nullable(types.STRING)


# the types Flink's JSON_VALUE can return (a VARCHAR of any length: STRING)
_RETURNABLE = ("VARCHAR", "STRING", "BOOLEAN", "INT", "DOUBLE")


def _json_value(args: Sequence[DataType], values: Sequence[object]) -> DataType:
    """STRING, or the RETURNING type (carried by the third argument, a typed NULL); always
    nullable: a path that does not match gives NULL."""
    if len(args) <= 2:
        return _TEXT
    if args[2].name not in _RETURNABLE:
        shown = types.summary(types.nullable(args[2]))
        raise SignatureError(f"Unsupported type '{shown}' for RETURNING in JSON_VALUE().")
    return types.nullable(args[2])


def _json_exists(args: Sequence[DataType], values: Sequence[object]) -> DataType:
    """BOOLEAN; Flink's JSON_EXISTS takes its path from an expression of a CHAR type only (a
    literal, a column of VALUES all of one length), not from a VARCHAR or STRING one."""
    if args[1].name not in ("CHAR", "NULL"):
        shown = ", ".join(types.summary(t) for t in args[:2])
        raise SignatureError(f"Unsupported call: JSON_EXISTS({shown})")
    return fixed(types.BOOLEAN)(args)


# the path (argument 2) may be any expression, as in Flink; the clauses are constants
FUNCTIONS = [
    ScalarFunction(
        "JSON_VALUE",
        (sig(_C, _C), sig(_C, _C, "ANY", _C, "ANY", _C, "ANY")),
        always(_TEXT),
        (3, 5),
        _json_value,
    ),
    ScalarFunction("JSON_QUERY", (sig(_C, _C, _C, _C, _C),), always(_TEXT), (2, 3, 4)),
    ScalarFunction("JSON_EXISTS", (sig(_C, _C, _C),), fixed(types.BOOLEAN), (2,), _json_exists),
    # JSON_OBJECT('NULL' | 'ABSENT', key, value, ...), JSON_ARRAY('NULL' | 'ABSENT', value, ...)
    ScalarFunction(
        "JSON_OBJECT",
        (sig(_C), sig(_C, _C, "ANY"), sig(_C, _C, "ANY", "ANY", variadic=True)),
        always(types.nullable(types.STRING, False)),
        (0,),
    ),
    ScalarFunction(
        "JSON_ARRAY",
        (sig(_C), sig(_C, "ANY", variadic=True)),
        always(types.nullable(types.STRING, False)),
        (0,),
    ),
    ScalarFunction(
        "IS JSON", (sig("ANY", _C),), always(types.nullable(types.BOOLEAN, False)), (1,)
    ),
]

# JSON_OBJECTAGG('NULL' | 'ABSENT', key, value), JSON_ARRAYAGG('NULL' | 'ABSENT', value): one
# JSON text per group ('{}' and '[]' over no rows)
AGGREGATE_FUNCTIONS = [
    AggregateFunction(
        "JSON_OBJECTAGG", (sig(_C, _C, "ANY"),), always(types.nullable(types.STRING, False))
    ),
    AggregateFunction(
        "JSON_ARRAYAGG", (sig(_C, "ANY"),), always(types.nullable(types.STRING, False))
    ),
]
