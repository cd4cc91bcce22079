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


def concrete(t: DataType) -> DataType:
    """Frame columns need a real type: a column of only NULLs becomes a nullable STRING, and a
    CHAR(n) literal's column a STRING."""
    if t.name == "NULL":
        return STRING
    if t.name == "CHAR":
        return nullable(STRING, t.nullable)
    return t


def literal_type(kind: str, value: object) -> DataType:
    if kind == "INTEGER":
        fits_int = -(2**31) <= value < 2**31  # type: ignore[operator]
        return DataType("INT" if fits_int else "BIGINT", nullable=False)
    if kind == "STRING":
        return DataType("CHAR", (max(1, len(value)),), nullable=False)  # type: ignore[arg-type]
    if kind == "NULL":
        return NULL
    return DataType(kind, nullable=False)


# ------------------------------------------------------------------ families of signatures

# The parameter families function signatures name (planning/functions/signatures.py), as
# Calcite's SqlTypeFamily groups types. NULL and UNKNOWN belong to every family.
FAMILIES: dict[str, frozenset[str]] = {
    "CHARACTER": frozenset(_CHARACTER),
    "NUMERIC": frozenset(_NUMERIC_RANK),
    "INTEGER": frozenset({"TINYINT", "SMALLINT", "INT", "BIGINT"}),
    "EXACT_NUMERIC": frozenset({"TINYINT", "SMALLINT", "INT", "BIGINT", "DECIMAL"}),
    "BOOLEAN": frozenset({"BOOLEAN"}),
    "DATETIME": frozenset({"DATE", "TIME", "TIMESTAMP", "TIMESTAMP_LTZ"}),
    "TIMESTAMP": frozenset({"TIMESTAMP", "TIMESTAMP_LTZ"}),
    "DATE": frozenset({"DATE"}),
    "ARRAY": frozenset({"ARRAY"}),
    "MAP": frozenset({"MAP"}),
    "MULTISET": frozenset({"MULTISET"}),
    "COLLECTION": frozenset({"ARRAY", "MAP", "MULTISET"}),
    "BINARY": frozenset({"BINARY", "VARBINARY", "BYTES"}),
}


def in_family(t: DataType, family_: str) -> bool:
    """Does a value of `t` fit a parameter of `family_` (`ANY` takes everything)?"""
    if family_ == "ANY" or t.name in ("NULL", "UNKNOWN"):
        return True
    return t.name in FAMILIES[family_]


def family_name(t: DataType) -> str:
    """Calcite's family of `t`, as Flink shows it in 'No match found for function signature'."""
    if t.name in _CHARACTER:
        return "CHARACTER"
    if t.name in _NUMERIC_RANK:
        return "NUMERIC"
    if t.name in ("NULL", "UNKNOWN"):
        return "NULL"
    return t.name


_SQL_NAMES = {"INT": "INTEGER", "STRING": "VARCHAR(2147483647)", "BYTES": "VARBINARY(2147483647)"}


def sql_name(t: DataType) -> str:
    """`t` as Flink spells types in its validation messages: INTEGER, CHAR(1),
    VARCHAR(2147483647) for STRING, DECIMAL(4, 1), ARRAY<INTEGER> ..."""
    if t.name in ("ARRAY", "MULTISET") and t.element is not None:
        return f"{sql_name(t.element)} {t.name}"
    if t.name == "MAP" and t.element is not None and t.value is not None:
        return f"({sql_name(t.element)}, {sql_name(t.value)}) MAP"
    base = _SQL_NAMES.get(t.name, t.name)
    if t.params:
        base += "(" + ", ".join(str(p) for p in t.params) + ")"
    return base
