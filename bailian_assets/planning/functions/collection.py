"""Collection functions (ARRAY, MAP, MULTISET, ROW): declarations (signatures and result types).
Their Polars implementations are in `executor/functions/collection.py`, under the same names.

The value constructors are calls too: `MAP['a', 1, 'b', 2]` binds as `MAP(...)` and
`ROW(1, 'x')` as `ROW(...)` (`ARRAY[...]` and `x[i]`, shared with VARIANT, are declared in
`variant.py`: `ARRAY` and `ITEM`). What Flink 2.3 does, checked on the real engine:
- arrays are 1-based; `a[i]` past the end, and `m['k']` of a missing key, are NULL;
- `ARRAY[]` and `MAP[]` are refused ("Require at least 1 argument");
- `MAP[k1, v1, k2, v2]`: keys and values each of a common type; a repeated key keeps the
  last value; `STR_TO_MAP(text[, pair delimiter, key delimiter])` splits `a=1,b=2`;
- `SPLIT(text, delimiter)` keeps empty pieces (`SPLIT('a,,b', ',')` is `[a, , b]`);
- `ELEMENT(a)` is the one element of `a` (NULL when empty; more than one fails the job);
- `ARRAY_POSITION` is 1-based (0 when absent), `ARRAY_SLICE(a, from[, to])` takes negative
  positions from the end, `ARRAY_JOIN(a, sep[, null_replacement])` skips NULLs without one.
"""

from __future__ import annotations

from collections.abc import Sequence

from bailian_assets.planning import types
from bailian_assets.planning.functions.signatures import (
    ScalarFunction,
    SignatureError,
    always,
    fixed,
    sig,
)
from bailian_assets.sql.ast import DataType


def _element(t: DataType) -> DataType:
    return t.element if t.element is not None else types.UNKNOWN


def _common(what: str, candidates: Sequence[DataType]) -> DataType:
    """The common type of `candidates`, NULL-only becoming a concrete type."""
    result: DataType = types.NULL
    for candidate in candidates:
        merged = types.common_type(result, candidate)
        if merged is None:
            raise SignatureError(f"Parameters must be of the same type ({what})")
        result = merged
    return types.concrete(result)


def map_type(args: Sequence[DataType]) -> DataType:
    """MAP[k1, v1, ...]: keys of their common type, values of theirs; NOT NULL."""
    if len(args) % 2:
        raise SignatureError("Map requires an even number of arguments")
    key = _common("keys", args[0::2])
    value = _common("values", args[1::2])
    return DataType("MAP", element=key, value=value, nullable=False)


def row_type(args: Sequence[DataType]) -> DataType:
    """ROW(a, b, ...): fields named as Flink names them, EXPR$0, EXPR$1, ..."""
    fields = tuple((f"EXPR${i}", types.concrete(t)) for i, t in enumerate(args))
    return DataType("ROW", fields=fields, nullable=False)


def field_type(row: DataType, name: str) -> DataType:
    """The type of `row.name` (Flink's "." operator): the field's, nullable when the row is."""
    if row.name in ("NULL", "UNKNOWN"):
        return types.UNKNOWN
    if row.name != "ROW":
        raise SignatureError(
            f"Cannot access field '{name}' of a value of type "
            f"{types.sql_name(row)}: only a ROW has fields"
        )
    for field_name, field_type_ in row.fields:
        if field_name == name:
            return types.nullable(field_type_, row.nullable or field_type_.nullable)
    names = ", ".join(n for n, _ in row.fields)
    raise SignatureError(f"Unknown field '{name}'; the ROW has {names}")


def _same_array(args: Sequence[DataType]) -> DataType:
    """The array type of the first argument, nullable when any argument is."""
    return types.nullable(args[0], any(a.nullable for a in args))


def concat_type(args: Sequence[DataType]) -> DataType:
    """ARRAY_CONCAT and ARRAY_UNION...: arrays of a common element type."""
    arrays = [a for a in args if a.name == "ARRAY"]
    element = _common("array elements", [_element(a) for a in arrays]) if arrays else types.STRING
    return DataType(
        "ARRAY", element=types.nullable(element), nullable=any(a.nullable for a in args)
    )


def _comparable_element(args: Sequence[DataType]) -> None:
    """ARRAY_CONTAINS, ARRAY_POSITION, ARRAY_REMOVE, ...: the value must fit the elements."""
    element, value = _element(args[0]), args[1]
    if types.common_type(element, value) is None:
        raise SignatureError(
            f"Invalid input arguments. The value ({types.sql_name(value)}) "
            f"must fit the array's elements ({types.sql_name(element)})"
        )


def _with_element(result: DataType):
    """A rule that checks the second argument against the array's elements, then gives
    `result` (nullable when the array is)."""

    def rule(args: Sequence[DataType]) -> DataType:
        _comparable_element(args)
        return types.nullable(result, args[0].nullable)

    return rule


def _element_type(args: Sequence[DataType]) -> DataType:
    return types.nullable(_element(args[0]))


def _keys_type(args: Sequence[DataType]) -> DataType:
    return DataType("ARRAY", element=_element(args[0]), nullable=args[0].nullable)


def map_from_arrays_type(args: Sequence[DataType]) -> DataType:
    """MAP_FROM_ARRAYS(keys, values): MAP<key element, value element>, NULL when either is."""
    nullable = args[0].nullable or args[1].nullable
    return DataType("MAP", element=_element(args[0]), value=_element(args[1]), nullable=nullable)


def _values_type(args: Sequence[DataType]) -> DataType:
    value = args[0].value if args[0].value is not None else types.UNKNOWN
    return DataType("ARRAY", element=value, nullable=args[0].nullable)


def _appended(args: Sequence[DataType]) -> DataType:
    _comparable_element(args)
    return _same_array(args)


STRING_ARRAY = DataType("ARRAY", element=types.STRING)
STRING_MAP = DataType("MAP", element=types.STRING, value=types.STRING)

FUNCTIONS = [
    ScalarFunction("CARDINALITY", (sig("MULTISET"), sig("ARRAY"), sig("MAP")), fixed(types.INT)),
    ScalarFunction("MAP", (sig("ANY", variadic=True),), map_type),
    ScalarFunction("ROW", (sig("ANY", variadic=True),), row_type),
    ScalarFunction("ELEMENT", (sig("ARRAY"),), _element_type),
    ScalarFunction("ARRAY_CONTAINS", (sig("ARRAY", "ANY"),), _with_element(types.BOOLEAN)),
    ScalarFunction("ARRAY_POSITION", (sig("ARRAY", "ANY"),), _with_element(types.INT)),
    ScalarFunction("ARRAY_REMOVE", (sig("ARRAY", "ANY"),), _appended),
    ScalarFunction("ARRAY_APPEND", (sig("ARRAY", "ANY"),), _appended),
    ScalarFunction("ARRAY_PREPEND", (sig("ARRAY", "ANY"),), _appended),
    ScalarFunction("ARRAY_DISTINCT", (sig("ARRAY"),), _same_array),
    ScalarFunction("ARRAY_REVERSE", (sig("ARRAY"),), _same_array),
    ScalarFunction(
        "ARRAY_SORT",
        (sig("ARRAY"), sig("ARRAY", "BOOLEAN"), sig("ARRAY", "BOOLEAN", "BOOLEAN")),
        _same_array,
        (1, 2),
    ),
    ScalarFunction("ARRAY_MAX", (sig("ARRAY"),), _element_type),
    ScalarFunction("ARRAY_MIN", (sig("ARRAY"),), _element_type),
    ScalarFunction(
        "ARRAY_SLICE", (sig("ARRAY", "INTEGER"), sig("ARRAY", "INTEGER", "INTEGER")), _same_array
    ),
    ScalarFunction("ARRAY_CONCAT", (sig("ARRAY", variadic=True),), concat_type),
    ScalarFunction("ARRAY_UNION", (sig("ARRAY", "ARRAY"),), concat_type),
    ScalarFunction("ARRAY_INTERSECT", (sig("ARRAY", "ARRAY"),), concat_type),
    ScalarFunction("ARRAY_EXCEPT", (sig("ARRAY", "ARRAY"),), concat_type),
    ScalarFunction(
        "ARRAY_JOIN",
        (sig("ARRAY", "CHARACTER"), sig("ARRAY", "CHARACTER", "CHARACTER")),
        always(types.STRING),
        (2,),
    ),  # the NULL replacement: a constant
    ScalarFunction("SPLIT", (sig("CHARACTER", "CHARACTER"),), fixed(STRING_ARRAY)),
    ScalarFunction(
        "STR_TO_MAP",
        (sig("CHARACTER"), sig("CHARACTER", "CHARACTER", "CHARACTER")),
        fixed(STRING_MAP),
    ),
    ScalarFunction("MAP_KEYS", (sig("MAP"),), _keys_type),
    ScalarFunction("MAP_VALUES", (sig("MAP"),), _values_type),
    ScalarFunction("MAP_FROM_ARRAYS", (sig("ARRAY", "ARRAY"),), map_from_arrays_type),
]
