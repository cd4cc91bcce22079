"""Numeric functions: declarations (signatures and result types). Their Polars implementations
are in `executor/functions/numeric.py`, under the same names."""

from __future__ import annotations

from typing import Sequence

from bailian_assets.planning import types
from bailian_assets.planning.functions.signatures import ScalarFunction, first, fixed, sig
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
]
