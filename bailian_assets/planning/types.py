"""What the planner knows about SQL types: families, implicit casts, common types.

Types are the parser's `DataType`s. The rules follow Flink's: integers widen to larger integers,
decimals and floating point; all character types are one family; NULL fits anywhere.
"""

from __future__ import annotations

from bailian_assets.sql.ast import DataType

STRING = DataType("STRING")
BOOLEAN = DataType("BOOLEAN")
INT = DataType("INT")
BIGINT = DataType("BIGINT")
DOUBLE = DataType("DOUBLE")
FLOAT = DataType("FLOAT")
DECIMAL = DataType("DECIMAL")
DATE = DataType("DATE")
TIMESTAMP = DataType("TIMESTAMP")
NULL = DataType("NULL")
UNKNOWN = DataType("UNKNOWN")  # the planner could not tell; checks against it are skipped
FLOAT_ARRAY = DataType("ARRAY", element=FLOAT)

_CHARACTER = {"STRING", "VARCHAR", "CHAR"}
_NUMERIC_RANK = {"TINYINT": 0, "SMALLINT": 1, "INT": 2, "BIGINT": 3, "DECIMAL": 4, "FLOAT": 5,
                 "DOUBLE": 6}
_TEMPORAL = {"DATE": 0, "TIMESTAMP": 1, "TIMESTAMP_LTZ": 1}


def family(t: DataType) -> str:
    if t.name in _CHARACTER:
        return "CHARACTER"
    if t.name in _NUMERIC_RANK:
        return "NUMERIC"
    if t.name in _TEMPORAL:
        return "TEMPORAL"
    return t.name


def is_character(t: DataType) -> bool:
    return t.name in _CHARACTER


def is_numeric(t: DataType) -> bool:
    return t.name in _NUMERIC_RANK


def is_float_array(t: DataType) -> bool:
    return t.name == "ARRAY" and t.element is not None and t.element.name in ("FLOAT", "DOUBLE")


def nullable(t: DataType, value: bool = True) -> DataType:
    return DataType(t.name, t.params, t.element, t.value, value, t.fields)


def same_ignoring_nullability(a: DataType, b: DataType) -> bool:
    return nullable(a) == nullable(b)


def can_assign(source: DataType, target: DataType) -> bool:
    """May a value of `source` be written into a column of `target` (Flink's implicit cast)?"""
    if source.name in ("NULL", "UNKNOWN") or target.name == "UNKNOWN":
        return True
    if is_character(source) and is_character(target):
        return True
    if is_numeric(source) and is_numeric(target):
        return _NUMERIC_RANK[source.name] <= _NUMERIC_RANK[target.name]
    if source.name in _TEMPORAL and target.name in _TEMPORAL:
        return _TEMPORAL[source.name] <= _TEMPORAL[target.name]
    if source.name in ("ARRAY", "MULTISET") and source.name == target.name:
        return can_assign(source.element, target.element)  # type: ignore[arg-type]
    if source.name == "MAP" and target.name == "MAP":
        return can_assign(source.element, target.element) and can_assign(  # type: ignore[arg-type]
            source.value, target.value  # type: ignore[arg-type]
        )
    return source.name == target.name


def common_type(a: DataType, b: DataType) -> DataType | None:
    """The least type both fit in (for VALUES rows, CASE branches, UNION), or None."""
    if a.name == "UNKNOWN" or b.name == "UNKNOWN":
        return UNKNOWN
    if a.name == "NULL":
        return nullable(b)
    if b.name == "NULL":
        return nullable(a)
    keep_nullable = a.nullable or b.nullable
    if is_character(a) and is_character(b):
        return nullable(STRING, keep_nullable)
    if is_numeric(a) and is_numeric(b):
        wider = a if _NUMERIC_RANK[a.name] >= _NUMERIC_RANK[b.name] else b
        return nullable(DataType(wider.name), keep_nullable)
    if can_assign(a, b):
        return nullable(b, keep_nullable)
    if can_assign(b, a):
        return nullable(a, keep_nullable)
    return None


def literal_type(kind: str, value: object) -> DataType:
    if kind == "INTEGER":
        fits_int = -(2**31) <= value < 2**31  # type: ignore[operator]
        return DataType("INT" if fits_int else "BIGINT", nullable=False)
    if kind == "STRING":
        return DataType("CHAR", (max(1, len(value)),), nullable=False)  # type: ignore[arg-type]
    if kind == "NULL":
        return NULL
    return DataType(kind, nullable=False)
