"""Numeric functions: declarations (signatures and result types). Their Polars implementations
are in `executor/functions/numeric.py`, under the same names."""

from __future__ import annotations

from collections.abc import Sequence

from bailian_assets.planning import types
from bailian_assets.planning.functions.signatures import ScalarFunction, always, first, fixed, sig
from bailian_assets.sql.ast import DataType

_N = sig("NUMERIC")
_D = types.DOUBLE


def rounded_decimal(t: DataType, digits: int) -> DataType:
    """DECIMAL(p, s) rounded to `digits` (ROUND, FLOOR and CEIL at 0, TRUNCATE), as Flink's
    LogicalTypeMerging.findRoundDecimalType: the type kept when nothing is cut, else one more
    digit before the point (rounding may carry: 9.5 -> 10)."""
    precision, scale = types.precision_scale(t)
    if digits >= scale:
        return t
    if digits < 0:
        return types.nullable(
            types.decimal(min(types.MAX_DECIMAL_PRECISION, 1 + precision - scale), 0), t.nullable
        )
    return types.nullable(types.decimal(1 + precision - scale + digits, digits), t.nullable)


def _rounded(args: Sequence[DataType], values: Sequence[object]) -> DataType:
    """ROUND(x[, d]) and TRUNCATE(x[, d]): a DECIMAL to `d` digits, other types kept."""
    if args[0].name != "DECIMAL":
        return first(args)
    digits = values[1] if len(values) > 1 else 0
    return rounded_decimal(args[0], int(digits) if isinstance(digits, int) else 0)


def _integral(args: Sequence[DataType]) -> DataType:
    """FLOOR(x), CEIL(x): a DECIMAL without its fraction, other types kept."""
    return rounded_decimal(args[0], 0) if args[0].name == "DECIMAL" else first(args)


def _modulo(args: Sequence[DataType]) -> DataType:
    """MOD(a, b): Flink's `%` types (a DECIMAL by LogicalTypeMerging, integers the divisor's
    type)."""
    a, b = args
    if "DECIMAL" in (a.name, b.name):
        return types.decimal_arithmetic("%", a, b)
    return types.nullable(b, a.nullable or b.nullable) if b.name != "NULL" else a


FUNCTIONS = [
    ScalarFunction("ABS", (_N,), first),
    ScalarFunction("ROUND", (sig("NUMERIC", "INTEGER"), _N), first, (1,), _rounded),
    ScalarFunction("FLOOR", (_N,), _integral),
    ScalarFunction("CEIL", (_N,), _integral),
    ScalarFunction("CEILING", (_N,), _integral),
    ScalarFunction("MOD", (sig("EXACT_NUMERIC", "EXACT_NUMERIC"),), _modulo),
    ScalarFunction("POWER", (sig("NUMERIC", "NUMERIC"),), fixed(_D)),
    ScalarFunction("SQRT", (_N,), fixed(_D)),
    ScalarFunction("LN", (_N,), fixed(_D)),
    ScalarFunction("LOG10", (_N,), fixed(_D)),
    ScalarFunction("EXP", (_N,), fixed(_D)),
    ScalarFunction("LOG2", (_N,), fixed(_D)),
    ScalarFunction("LOG", (_N, sig("NUMERIC", "NUMERIC")), fixed(_D)),  # LOG(base, x)
    ScalarFunction("SIN", (_N,), fixed(_D)),
    ScalarFunction("COS", (_N,), fixed(_D)),
    ScalarFunction("TAN", (_N,), fixed(_D)),
    ScalarFunction("COT", (_N,), fixed(_D)),
    ScalarFunction("ASIN", (_N,), fixed(_D)),
    ScalarFunction("ACOS", (_N,), fixed(_D)),
    ScalarFunction("ATAN", (_N,), fixed(_D)),
    ScalarFunction("ATAN2", (sig("NUMERIC", "NUMERIC"),), fixed(_D)),
    ScalarFunction("SINH", (_N,), fixed(_D)),
    ScalarFunction("COSH", (_N,), fixed(_D)),
    ScalarFunction("TANH", (_N,), fixed(_D)),
    ScalarFunction("DEGREES", (_N,), fixed(_D)),
    ScalarFunction("RADIANS", (_N,), fixed(_D)),
    ScalarFunction("PI", (sig(),), always(types.nullable(_D, False))),
    ScalarFunction("E", (sig(),), always(types.nullable(_D, False))),
    ScalarFunction("SIGN", (_N,), first),
    # RAND([seed]): a fresh value per row, in [0, 1); the seed must be a constant
    ScalarFunction("RAND", (sig(), sig("INTEGER")), always(types.nullable(_D, False)), (0,)),
    ScalarFunction(
        "RAND_INTEGER", (sig("INTEGER"), sig("INTEGER", "INTEGER")), fixed(types.INT), (0, 1)
    ),
    ScalarFunction("TRUNCATE", (_N, sig("NUMERIC", "INTEGER")), first, (1,), _rounded),
    ScalarFunction("BIN", (sig("INTEGER"),), fixed(types.STRING)),
    ScalarFunction("HEX", (sig("INTEGER"), sig("CHARACTER")), fixed(types.STRING)),
]
