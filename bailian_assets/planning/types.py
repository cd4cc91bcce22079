"""SQL types and Flink's rules for them: families, implicit casts, common types, literal
types, DECIMAL precision and scale.

Types are the parser's `DataType`s: a name and what Flink tracks with it: nullability, DECIMAL(p,
s), VARCHAR(n)/CHAR(n), TIMESTAMP(p)/TIMESTAMP_LTZ(p) (`params`), ARRAY<e> and MULTISET<e>
(`element`), MAP<k, v> (`element`, `value`), ROW<name type, ...> (`fields`), and VARIANT (Flink
2.1's semi-structured type: see `planning/functions/variant.py`). The constructors below (`decimal`,
`varchar`, `char`, `timestamp`, `array`, `map_of`, `row`) build them.

One place for each rule (a new type rule goes beside its kind):
- `literal_type`: `120.5` is DECIMAL(4, 1) NOT NULL, integers INT or BIGINT, 'ab' CHAR(2);
- `common_type`: VALUES rows, CASE branches, UNION branches, IN lists, comparisons, COALESCE
  arguments (where Flink's own rule adds DATE with TIMESTAMP: `functions/conditional.py`);
- `can_assign`: a value where another type is expected (Flink's implicit casts);
- `can_insert`: a query column into a sink column (`can_assign`, and TIMESTAMP into DATE);
- `can_cast`: the explicit casts Flink refuses at plan time;
- `decimal_arithmetic`: the precision and scale of +, -, *, /, % on DECIMALs (Flink's
  LogicalTypeMerging), and `decimal_sum`/`decimal_avg` for aggregates.
"""

from __future__ import annotations

import decimal as _decimal
from functools import cache
from typing import cast

from bailian_assets.sql.ast import DataType

MAX_DECIMAL_PRECISION = 38

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
VARIANT = DataType("VARIANT")  # semi-structured (JSON) values: planning/functions/variant.py
UNKNOWN = DataType("UNKNOWN")  # the planner could not tell; checks against it are skipped
FLOAT_ARRAY = DataType("ARRAY", element=FLOAT)

_CHARACTER = {"STRING", "VARCHAR", "CHAR"}
_NUMERIC_RANK = {
    "TINYINT": 0,
    "SMALLINT": 1,
    "INT": 2,
    "BIGINT": 3,
    "DECIMAL": 4,
    "FLOAT": 5,
    "DOUBLE": 6,
}
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
    if source.name in ("ARRAY", "MULTISET", "MAP") and source.name == target.name:
        parts = [(source.element, target.element)]
        if source.name == "MAP":
            parts.append((source.value, target.value))
        return all(s is not None and t is not None and can_assign(s, t) for s, t in parts)
    return source.name == target.name


def can_insert(source: DataType, target: DataType) -> bool:
    """May a query column of `source` be written into a sink column of `target`? Flink's
    implicit casts (`can_assign`), and also a TIMESTAMP into a DATE column (the date part),
    which no common type may do (DATE and TIMESTAMP do not meet); not a DATE into a TIMESTAMP
    column, as in Flink; a CHAR(n) column takes CHAR values only, as in Flink (a VARCHAR is
    refused: no implicit cast to CHAR)."""
    if source.name in ("TIMESTAMP", "TIMESTAMP_LTZ") and target.name == "DATE":
        return True
    if source.name == "DATE" and target.name in ("TIMESTAMP", "TIMESTAMP_LTZ"):
        return False
    if target.name == "CHAR" and source.name in ("VARCHAR", "STRING"):
        return False
    return can_assign(source, target)


_DATETIMES = {"DATE", "TIME", "TIMESTAMP", "TIMESTAMP_LTZ"}
# Explicit casts Flink refuses at plan time (LogicalTypeCasts), by source: BOOLEAN and the
# date-time types do not meet, nor numbers and DATE/TIME.
_NO_CAST = {
    "BOOLEAN": _DATETIMES,
    "DATE": {"BOOLEAN", "TIME", *_NUMERIC_RANK},
    "TIME": {"BOOLEAN", "DATE", *_NUMERIC_RANK},
    "TIMESTAMP": {"BOOLEAN"},
    "TIMESTAMP_LTZ": {"BOOLEAN"},
    **{name: {"DATE", "TIME"} for name in _NUMERIC_RANK},
}


def can_cast(source: DataType, target: DataType) -> bool:
    """May CAST(x AS target) take a `source` value (else Flink's "Cast function cannot
    convert value of type ...")?"""
    return target.name not in _NO_CAST.get(source.name, ())


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
        return nullable(_common_character(a, b), keep_nullable)
    if is_numeric(a) and is_numeric(b):
        if "DECIMAL" in (a.name, b.name) and not {a.name, b.name} & {"FLOAT", "DOUBLE"}:
            (p1, s1), (p2, s2) = precision_scale(a), precision_scale(b)
            scale = max(s1, s2)
            return nullable(
                decimal(min(max(p1 - s1, p2 - s2) + scale, MAX_DECIMAL_PRECISION), scale),
                keep_nullable,
            )
        wider = a if _NUMERIC_RANK[a.name] >= _NUMERIC_RANK[b.name] else b
        return nullable(DataType(wider.name), keep_nullable)
    if "DATE" in (a.name, b.name) and a.name != b.name and family(a) == family(b) == "TEMPORAL":
        return None  # Calcite's rule: a DATE meets no TIMESTAMP (Flink's COALESCE differs)
    if a.name == b.name and a.name in _DEFAULT_PRECISION:  # TIMESTAMP(0) and (3) meet as (3)
        digits = max(precision(a), precision(b))
        return DataType(a.name, (digits,), nullable=keep_nullable)
    if {a.name, b.name} == {"TIMESTAMP", "TIMESTAMP_LTZ"}:  # as Flink's CASE and COALESCE
        digits = max(precision(a), precision(b))
        return DataType("TIMESTAMP_LTZ", (digits,), nullable=keep_nullable)
    if a.name == b.name and a.name in ("ARRAY", "MULTISET", "MAP", "ROW"):
        nested = _common_nested(a, b)
        return None if nested is None else nullable(nested, keep_nullable)
    if can_assign(a, b):
        return nullable(b, keep_nullable)
    if can_assign(b, a):
        return nullable(a, keep_nullable)
    return None


def _common_nested(a: DataType, b: DataType) -> DataType | None:
    """Collections and rows meet part by part, as Calcite's least restrictive type: the
    elements of ARRAY<CHAR(4)> and ARRAY<CHAR(6)> meet as VARCHAR(6), so none is cut."""
    if a.name == "ROW":
        if len(a.fields) != len(b.fields):
            return None
        pairs = zip(a.fields, b.fields, strict=True)
        fields = tuple((n, common_type(t, u)) for (n, t), (_, u) in pairs)
        if any(t is None for _, t in fields):
            return None
        return DataType("ROW", fields=cast(tuple[tuple[str, DataType], ...], fields))
    element = common_type(_part(a.element), _part(b.element))
    value = common_type(_part(a.value), _part(b.value)) if a.name == "MAP" else None
    if element is None or (a.name == "MAP" and value is None):
        return None
    return DataType(a.name, element=element, value=value)


def _part(t: DataType | None) -> DataType:
    return UNKNOWN if t is None else t


# Flink's STRING is VARCHAR(2147483647); a VARCHAR or CHAR written without a length has 1
_MAX_LENGTH = 2_147_483_647


def character_length(t: DataType) -> int:
    """The length of a character type: CHAR(n) and VARCHAR(n) n, STRING the most there is."""
    if t.name == "STRING":
        return _MAX_LENGTH
    return t.params[0] if t.params else 1


def _common_character(a: DataType, b: DataType) -> DataType:
    """Calcite's least restrictive character type, as Flink configures it (ragged unions
    become varying): CHAR(n) beside CHAR(n) stays CHAR(n); otherwise VARCHAR of the longer
    length ('ab' and 'c' meet as VARCHAR(2), not CHAR(2) padding 'c'), STRING at the most."""
    if a.name == "CHAR" and b.name == "CHAR" and a.params == b.params:
        return nullable(a)
    length = max(character_length(a), character_length(b))
    return STRING if length >= _MAX_LENGTH else varchar(length)


def concrete(t: DataType) -> DataType:
    """Frame columns need a real type: a column of only NULLs becomes a nullable STRING."""
    if t.name == "NULL":
        return STRING
    return t


def literal_type(kind: str, value: object) -> DataType:
    """A literal's type as Flink gives it: NOT NULL; `120.5` DECIMAL(4, 1) (its digits and
    scale), integers INT when they fit and BIGINT otherwise, 'ab' CHAR(2), 1e3 DOUBLE."""
    if kind == "DECIMAL" and isinstance(value, _decimal.Decimal):
        digits, scale = _digits_and_scale(value)
        return decimal(max(digits, scale), scale, False)
    if kind == "INTEGER":
        fits_int = -(2**31) <= value < 2**31  # type: ignore[operator]
        return DataType("INT" if fits_int else "BIGINT", nullable=False)
    if kind == "STRING":
        return char_literal(len(value))  # type: ignore[arg-type]
    if kind == "NULL":
        return NULL
    return DataType(kind, nullable=False)


# ------------------------------------------------------------------ families of signatures

# The parameter families function signatures name (planning/functions/signatures.py), as
# Calcite's SqlTypeFamily groups types. NULL and UNKNOWN belong to every family.
FAMILIES: dict[str, frozenset[str]] = {
    "CHARACTER": frozenset(_CHARACTER),
    # a string that must be a literal (LISTAGG's separator): the literal is checked apart
    "CHARACTER_LITERAL": frozenset(_CHARACTER),
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
    "VARIANT": frozenset({"VARIANT"}),
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
    if t.name == "TIMESTAMP" and not t.params:
        return base + "(6)"  # Flink's default precision, which its messages show
    if t.params:
        base += "(" + ", ".join(str(p) for p in t.params) + ")"
    return base


_DEFAULT_PRECISION = {"TIMESTAMP": 6, "TIMESTAMP_LTZ": 6, "TIME": 0}


def precision(t: DataType) -> int:
    """The fractional-second digits of a TIMESTAMP, TIMESTAMP_LTZ or TIME type."""
    return t.params[0] if t.params else _DEFAULT_PRECISION[t.name]


def summary(t: DataType) -> str:
    """`t` as Flink's `LogicalType.asSummaryString()` prints it (what TYPEOF returns):
    `INT NOT NULL`, `STRING`, `ARRAY<INT NOT NULL>`, `TIMESTAMP(6)`."""
    if t.name in ("ARRAY", "MULTISET") and t.element is not None:
        text = f"{t.name}<{summary(t.element)}>"
    elif t.name == "MAP" and t.element is not None and t.value is not None:
        text = f"MAP<{summary(t.element)}, {summary(t.value)}>"
    elif t.name == "ROW":
        text = "ROW<" + ", ".join(f"`{n}` {summary(f)}" for n, f in t.fields) + ">"
    else:
        params = t.params or ((_DEFAULT_PRECISION[t.name],) if t.name in _DEFAULT_PRECISION else ())
        text = t.name + (f"({', '.join(map(str, params))})" if params else "")
    return text if t.nullable else f"{text} NOT NULL"


def flink_type(t: DataType) -> str:
    """`t` as Flink's logical types print it in planner messages: `VARIANT NOT NULL`."""
    return sql_name(t) + ("" if t.nullable else " NOT NULL")


def comparable_problem(t: DataType) -> str | None:
    """Flink's text when a value of `t` is ordered (`<`, BETWEEN, GREATEST): VARIANT values
    may be tested for equality only."""
    if t.name == "VARIANT":
        return f"Comparable type expected, but was '{flink_type(t)}'."
    return None


def orderable_problem(t: DataType) -> str | None:
    """Flink 2.3's text when a value of `t` is a sort, grouping or distinct key (ORDER BY,
    GROUP BY, DISTINCT, PARTITION BY, INTERSECT/EXCEPT): VARIANT, MAP and MULTISET are none
    (an ARRAY or a ROW is)."""
    if t.name in ("VARIANT", "MAP", "MULTISET"):
        return (
            f"Type({flink_type(t)}) is not an orderable data type, it is not supported as "
            "a ORDER_BY/GROUP_BY/JOIN_EQUAL field."
        )
    return None


# Flink's refusals of a cast between a number and a timestamp, each naming the function to use
_NUMBERS_AND_TIMESTAMPS = {
    ("NUMERIC", "TIMESTAMP"): "The cast from NUMERIC type to TIMESTAMP type is not allowed. "
    "It's recommended to use TO_TIMESTAMP(FROM_UNIXTIME(numeric_col)) instead, note the "
    "numeric is in seconds.",
    ("NUMERIC", "TIMESTAMP_LTZ"): "The cast from NUMERIC type to TIMESTAMP_LTZ type is not "
    "allowed. It's recommended to use TO_TIMESTAMP_LTZ(numeric_col, precision) instead.",
    ("TIMESTAMP", "NUMERIC"): "The cast from TIMESTAMP type to NUMERIC type is not allowed. "
    "It's recommended to use UNIX_TIMESTAMP(CAST(timestamp_col AS STRING)) instead.",
    ("TIMESTAMP_LTZ", "NUMERIC"): "The cast from TIMESTAMP_LTZ type to NUMERIC type is not "
    "allowed.",
}


def _numeric_or(t: DataType) -> str:
    return "NUMERIC" if is_numeric(t) else t.name


def cast_problem(source: DataType, target: DataType) -> str | None:
    """Flink's text when CAST(source AS target) is refused (`can_cast`), else None. Flink 2.3
    has no cast out of VARIANT, not even to VARIANT (JSON_STRING and the AI functions' typed
    columns are the ways out), and none into it but from NULL (PARSE_JSON is the way in)."""
    if source.name == "VARIANT":  # to VARIANT too: Flink 2.3 refuses CAST(v AS VARIANT)
        return f"Cast function cannot convert value of type VARIANT to type {sql_name(target)}"
    if target.name == "VARIANT" and source.name not in ("VARIANT", "NULL", "UNKNOWN"):
        return f"Cast function cannot convert value of type {sql_name(source)} to type VARIANT"
    numbers = _NUMBERS_AND_TIMESTAMPS.get((_numeric_or(source), _numeric_or(target)))
    if numbers is not None:
        return numbers
    if not can_cast(source, target):
        return (
            f"Cast function cannot convert value of type {sql_name(source)} to type "
            f"{sql_name(target)}"
        )
    return None


# ------------------------------------------------------------------ constructors


@cache
def decimal(precision: int, scale: int, is_nullable: bool = True) -> DataType:
    """DECIMAL(p, s) (one shared object per (p, s, nullability): VALUES lists intern types)."""
    return DataType("DECIMAL", (precision, scale), nullable=is_nullable)


@cache
def char_literal(length: int) -> DataType:
    """The type of a string literal of `length` characters: CHAR(length) NOT NULL ('' is
    CHAR(1)), one shared object per length (a VALUES list of many rows types each literal)."""
    return DataType("CHAR", (max(1, length),), nullable=False)


def varchar(length: int) -> DataType:
    return DataType("VARCHAR", (length,))


def char(length: int) -> DataType:
    return DataType("CHAR", (length,))


def timestamp(precision: int = 6, local_time_zone: bool = False) -> DataType:
    return DataType("TIMESTAMP_LTZ" if local_time_zone else "TIMESTAMP", (precision,))


def array(element: DataType) -> DataType:
    return DataType("ARRAY", element=element)


def map_of(key: DataType, value: DataType) -> DataType:
    return DataType("MAP", element=key, value=value)


def row(fields: tuple[tuple[str, DataType], ...]) -> DataType:
    return DataType("ROW", fields=fields)


# ------------------------------------------------------------------ DECIMAL rules

# exact integer types as the DECIMALs they widen to (Flink's implicit cast)
_INTEGER_PRECISION = {"TINYINT": 3, "SMALLINT": 5, "INT": 10, "BIGINT": 19}


def precision_scale(t: DataType) -> tuple[int, int]:
    """(precision, scale) of a DECIMAL or of the DECIMAL an exact integer type widens to;
    DECIMAL without parameters is Flink's DECIMAL(10, 0)."""
    if t.name in _INTEGER_PRECISION:
        return _INTEGER_PRECISION[t.name], 0
    if len(t.params) >= 2:
        return t.params[0], t.params[1]
    return (t.params[0], 0) if t.params else (10, 0)


def decimal_arithmetic(op: str, a: DataType, b: DataType) -> DataType:
    """The DECIMAL type of `a op b` (at least one a DECIMAL, the other exact), as Flink's
    LogicalTypeMerging derives it, reduced to 38 digits keeping at least 6 of scale."""
    (p1, s1), (p2, s2) = precision_scale(a), precision_scale(b)
    if op in ("+", "-"):
        scale = max(s1, s2)
        precision = max(p1 - s1, p2 - s2) + scale + 1
    elif op == "*":
        precision, scale = p1 + p2, s1 + s2
    elif op == "/":
        scale = max(6, s1 + p2 + 1)
        precision = p1 - s1 + s2 + scale
    else:  # %
        scale = max(s1, s2)
        precision = min(p1 - s1, p2 - s2) + scale
    return nullable(_bounded(precision, scale), a.nullable or b.nullable)


def decimal_sum(t: DataType) -> DataType:
    """SUM of DECIMAL(p, s) is DECIMAL(38, s)."""
    return decimal(MAX_DECIMAL_PRECISION, precision_scale(t)[1])


def decimal_avg(t: DataType) -> DataType:
    """AVG of DECIMAL(p, s) is DECIMAL(38, max(s, 6))."""
    return decimal(MAX_DECIMAL_PRECISION, max(precision_scale(t)[1], 6))


def _bounded(precision: int, scale: int) -> DataType:
    if precision <= MAX_DECIMAL_PRECISION:
        return decimal(precision, scale)
    whole = precision - scale
    scale = max(MAX_DECIMAL_PRECISION - whole, min(scale, 6))
    return decimal(MAX_DECIMAL_PRECISION, scale)


def _digits_and_scale(value: _decimal.Decimal) -> tuple[int, int]:
    _sign, digits, exponent = value.as_tuple()
    scale = max(0, -int(exponent))
    return max(1, len(digits)), scale
