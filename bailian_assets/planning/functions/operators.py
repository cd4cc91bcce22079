"""Operators: the type rules of `+`, `=`, `AND`, `LIKE` ... (bound as `bound.Call`s named
after the operator). Their Polars implementations are in `executor/functions/operators.py`.

Each rule takes the operand types and returns the result type, or raises SignatureError with
Flink's text; the binder locates it."""

from __future__ import annotations

from collections.abc import Sequence

from bailian_assets.planning import types
from bailian_assets.planning.functions.signatures import SignatureError
from bailian_assets.sql.ast import DataType

COMPARISONS = ("=", "<>", "<", "<=", ">", ">=")
ARITHMETIC = ("+", "-", "*", "/", "%")
_ORDERING = ("<", "<=", ">", ">=", "BETWEEN")
_INTEGERS = {"TINYINT", "SMALLINT", "INT", "BIGINT"}
_LOOSE = ("NULL", "UNKNOWN")

# every operator name a bound Call may carry (the executor implements exactly these)
OPERATORS = frozenset(
    COMPARISONS
    + ARITHMETIC
    + (
        "DIV",
        "AND",
        "OR",
        "||",
        "NOT",
        "NEGATE",
        "IS NULL",
        "IS NOT NULL",
        "IN",
        "NOT IN",
        "BETWEEN",
        "NOT BETWEEN",
        "LIKE",
        "NOT LIKE",
        ".",
    )
)  # ".": a ROW's field (collection.py)


def cannot_apply(op: str, a: DataType, b: DataType) -> SignatureError:
    return SignatureError(
        f"Cannot apply '{op}' to arguments of type "
        f"'<{types.sql_name(a)}> {op} <{types.sql_name(b)}>'"
    )


def comparison(op: str, a: DataType, b: DataType) -> DataType:
    if types.common_type(a, b) is None and not text_and_datetime(a, b):
        if {a.name, b.name} & {"BOOLEAN"} and (types.is_character(a) or types.is_character(b)):
            # Flink 2.3 accepts it and compares FALSE for every row, whatever the text
            # (`b = 'true'` for a TRUE b): refused here, a documented divergence
            hint = "; compare a BOOLEAN with TRUE or FALSE"
            raise SignatureError(cannot_apply(op, a, b).message + hint)
        raise cannot_apply(op, a, b)
    if op in _ORDERING:  # VARIANTs are equal or not (=, <>, IN), never less or greater
        problem = types.comparable_problem(a) or types.comparable_problem(b)
        if problem:
            raise SignatureError(problem)
    return types.nullable(types.BOOLEAN, a.nullable or b.nullable)


def text_and_datetime(a: DataType, b: DataType) -> bool:
    """A string compared with a DATE, TIME or TIMESTAMP: Calcite casts the string to the
    other's type (`d >= '2024-01-01'`), where a number and a string do not meet."""
    pair = (a, b) if types.is_character(a) else (b, a)
    return types.is_character(pair[0]) and pair[1].name in DATETIMES


DATETIMES = ("DATE", "TIME", "TIMESTAMP", "TIMESTAMP_LTZ")


def arithmetic(op: str, a: DataType, b: DataType) -> DataType:
    if _is_interval(a) or _is_interval(b):
        return _interval_arithmetic(op, a, b)
    for t in (a, b):
        if not (types.is_numeric(t) or t.name in _LOOSE):
            raise cannot_apply(op, a, b)
    if op == "/" and _INTEGERS >= {a.name, b.name}:
        return types.common_type(a, b) or types.UNKNOWN
    names = {a.name, b.name}
    if "DECIMAL" in names and names <= _INTEGERS | {"DECIMAL"}:
        return types.decimal_arithmetic(op, a, b)
    return types.nullable(types.common_type(a, b) or types.UNKNOWN, a.nullable or b.nullable)


def _is_interval(t: DataType) -> bool:
    return t.name.startswith("INTERVAL")


def _interval_arithmetic(op: str, a: DataType, b: DataType) -> DataType:
    """INTERVAL + or - an interval of its kind, INTERVAL * an integer (either side): the
    interval's type (a count of months or microseconds, added or multiplied as it is)."""
    is_nullable = a.nullable or b.nullable
    if op in ("+", "-") and a.name == b.name:
        return types.nullable(a, is_nullable)
    if op == "*":
        interval, factor = (a, b) if _is_interval(a) else (b, a)
        if factor.name in _INTEGERS or factor.name in _LOOSE:
            return types.nullable(interval, is_nullable)
    raise cannot_apply(op, a, b)


def is_integer_division(op: str, a: DataType, b: DataType) -> bool:
    """Flink divides integers as integers (the executor runs it as DIV)."""
    return op == "/" and _INTEGERS >= {a.name, b.name}


def concatenation(operands: Sequence[DataType]) -> DataType:
    """`a || b || ...`: strings only (Flink refuses `'id-' || 1`), typed as Flink types the
    chain from the left: CHAR(n) || CHAR(m) is CHAR(n + m), anything with STRING is STRING."""
    result = operands[0]
    for t in operands[1:]:
        for side in (result, t):
            if not (types.is_character(side) or side.name in _LOOSE):
                raise SignatureError(
                    f"Cannot apply '||' to arguments of type '<{types.sql_name(result)}> || "
                    f"<{types.sql_name(t)}>'. Supported form(s): '<STRING> || <STRING>'\n"
                    "'<EQUIVALENT_TYPE> || <EQUIVALENT_TYPE>'"
                )
        result = _concatenated(result, t)
    return result


def _concatenated(a: DataType, b: DataType) -> DataType:
    is_nullable = a.nullable or b.nullable
    if a.name in _LOOSE or b.name in _LOOSE:
        return types.nullable(types.STRING)
    if a.name == b.name and a.name in ("CHAR", "VARCHAR") and a.params and b.params:
        return types.nullable(DataType(a.name, (a.params[0] + b.params[0],)), is_nullable)
    return types.nullable(types.STRING, is_nullable)


def require_boolean(t: DataType, where: str) -> None:
    if t.name not in ("BOOLEAN", *_LOOSE):
        raise SignatureError(f"{where} needs a BOOLEAN condition, found {t}")


def negate(op: str, t: DataType) -> DataType:
    if not (types.is_numeric(t) or t.name in _LOOSE or _is_interval(t)):
        raise SignatureError(f"Cannot apply '{op}' to {t}")
    return t


def boolean_result(operands: Sequence[DataType]) -> DataType:
    return types.nullable(types.BOOLEAN, any(t.nullable for t in operands))
