"""Numeric functions: declarations (signatures and result types). Their Polars implementations
are in `executor/functions/numeric.py`, under the same names."""

from __future__ import annotations

from typing import Sequence

from bailian_assets.planning import types
from bailian_assets.planning.functions.signatures import (ScalarFunction, always, first,
                                                          fixed, sig)
from bailian_assets.sql.ast import DataType

_N = sig("NUMERIC")
_D = types.DOUBLE


def _numeric_result(args: Sequence[DataType]) -> DataType:
    if any(t.name in ("DOUBLE", "FLOAT", "DECIMAL") for t in args):
        return types.nullable(types.DOUBLE, any(t.nullable for t in args))
    return first(args)


FUNCTIONS = [
    ScalarFunction("ABS", (_N,), first),
    ScalarFunction("ROUND", (sig("NUMERIC", "INTEGER"), _N), first, (1,)),
    ScalarFunction("FLOOR", (_N,), first),
    ScalarFunction("CEIL", (_N,), first),
    ScalarFunction("CEILING", (_N,), first),
    ScalarFunction("MOD", (sig("EXACT_NUMERIC", "EXACT_NUMERIC"),), _numeric_result),
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
    ScalarFunction("RAND_INTEGER", (sig("INTEGER"), sig("INTEGER", "INTEGER")),
                   fixed(types.INT), (0, 1)),
    ScalarFunction("TRUNCATE", (_N, sig("NUMERIC", "INTEGER")), first, (1,)),
    ScalarFunction("BIN", (sig("INTEGER"),), fixed(types.STRING)),
    ScalarFunction("HEX", (sig("INTEGER"), sig("CHARACTER")), fixed(types.STRING)),
]
