"""Polars implementations of the numeric functions declared in `planning/functions/numeric.py`."""

from __future__ import annotations

import math
import random
from decimal import ROUND_HALF_UP, Decimal

import numpy as np
import polars as pl

from bailian_assets.executor import decimals, guards
from bailian_assets.executor.dtypes import to_polars
from bailian_assets.executor.functions.common import (
    Implementation,
    per_row,
    rowwise,
)
from bailian_assets.executor.functions.common import (
    const as _const,
)
from bailian_assets.planning import types


def _round(a, raw):
    """ROUND(x[, d]): HALF_UP, as Flink rounds (ROUND(2.5) = 3, ROUND(-2.5) = -3)."""
    places = int(_const(raw, 1, "ROUND digits")) if len(a) > 1 else 0
    kind = raw[0].type.name
    if kind == "DECIMAL":
        return _decimal_round(a[0], raw[0].type, places)
    if kind in ("DOUBLE", "FLOAT"):  # BigDecimal.valueOf(x).setScale(d, HALF_UP): the digits
        dtype = to_polars(raw[0].type)  # Java prints, so ROUND(1.005, 2) is 1.01
        return per_distinct(a[0], lambda v: _half_up_double(v, places), dtype)
    if places >= 0:
        return a[0]
    # to tens, hundreds ...: HALF_UP as Flink rounds (ROUND(1250, -2) = 1300), same type
    unit = 10**-places
    rounded = (a[0].abs() / unit + 0.5).floor() * unit * a[0].sign()
    return rounded.cast(to_polars(raw[0].type)) if kind != "NULL" else rounded


def _decimal_round(x: pl.Expr, t, places: int) -> pl.Expr:
    """A DECIMAL HALF_UP to `places` digits (negative: to tens, hundreds ...)."""
    if places >= 0:
        return decimals.fit(x, t, types.decimal(types.MAX_DECIMAL_PRECISION, places))
    unit = Decimal(10) ** -places
    _precision, scale = types.precision_scale(t)
    shifted = types.decimal(types.MAX_DECIMAL_PRECISION, scale - places)
    tens = decimals.fit(
        x.cast(decimals.dtype(shifted)) * pl.lit(1 / unit, dtype=decimals.dtype(shifted)),
        shifted,
        types.decimal(types.MAX_DECIMAL_PRECISION, 0),
    )
    return tens * pl.lit(unit, dtype=pl.Decimal(types.MAX_DECIMAL_PRECISION, 0))


def _half_up_double(value: float, places: int) -> float:
    if math.isnan(value) or math.isinf(value):
        return value
    exponent = Decimal(1).scaleb(-places)
    return float(Decimal(repr(value)).quantize(exponent, ROUND_HALF_UP)) + 0.0


def per_distinct(x: pl.Expr, function, dtype: pl.DataType | type[pl.DataType]) -> pl.Expr:
    """`function(value)` in Python, once per distinct non-NULL value of `x` (NULL stays NULL):
    for what Polars cannot compute, without a Python call per row. Only the rows the call is
    evaluated for (`guards`) are read; compiled leniently, a value it raises on is NULL."""
    answer = guards.tolerant(function)

    def run(values: pl.Series, return_dtype: object = None) -> pl.Series:
        # `return_dtype`: Polars passes it first, and on a TypeError about it calls again
        # without, chaining that TypeError to whatever `function` raises next
        distinct = values.drop_nulls().unique()
        answers = pl.Series([answer(v) for v in distinct], dtype=dtype)
        return values.replace_strict(distinct, answers, default=None, return_dtype=dtype)

    return guards.masked(x).map_batches(run, return_dtype=dtype, is_elementwise=guards.row_by_row())


def _integral(function: str) -> Implementation:
    """FLOOR, CEIL: of a DECIMAL without its fraction (its bound type: scale 0)."""
    return lambda a, r: getattr(a[0], function)()


def _mod(a, raw):
    """MOD(a, b): Java's sign rule (the dividend's); a zero divisor fails the job."""
    ta, tb = raw[0].type, raw[1].type
    if "DECIMAL" in (ta.name, tb.name):
        result = types.decimal_arithmetic("%", ta, tb)
        return decimals.arithmetic("%", a[0], a[1], ta, tb, result)
    dtype = to_polars(tb) if tb.name not in ("NULL", "UNKNOWN") else pl.Int32
    checked = decimals.fail_on_zero(a[0], a[1], dtype, "/ by zero", folds=False)
    return decimals.java_remainder(a[0], checked)


def _float(function: str) -> Implementation:
    return lambda a, r: getattr(a[0].cast(pl.Float64), function)()


def _ufunc(function) -> Implementation:
    """numpy's `function` (exact where Polars is not: log10(1000) is 3.0), NULLs kept."""

    def quietly(series: pl.Series) -> pl.Series:
        with np.errstate(all="ignore"):  # log(0) is -Infinity and log(-1) NaN, as in Java
            return function(series)

    return lambda a, r: a[0].cast(pl.Float64).map_batches(quietly, return_dtype=pl.Float64)


def _truncate(a, raw):
    """Toward zero at `places` digits after the point (before it when negative), same type."""
    places = int(_const(raw, 1, "TRUNCATE digits")) if len(a) > 1 else 0
    kind = raw[0].type.name
    scale = types.precision_scale(raw[0].type)[1]
    if kind == "DECIMAL" and 0 <= places < scale:
        return decimals.rescale(
            a[0].cast(decimals.dtype(raw[0].type)), scale, places, half_up=False
        )
    if kind == "DECIMAL" and places >= scale:
        return a[0]
    unit = 10.0**places
    cut = (
        (a[0].cast(pl.Float64) * unit).truncate() / unit
        if hasattr(pl.Expr, "truncate")
        else _toward_zero(a[0].cast(pl.Float64) * unit) / unit
    )
    return cut.cast(to_polars(raw[0].type)) if kind not in ("NULL", "DECIMAL") else cut


def _toward_zero(x: pl.Expr) -> pl.Expr:
    return pl.when(x < 0).then(x.ceil()).otherwise(x.floor())


class JavaRandom:
    """java.util.Random: Flink's RAND(seed) and RAND_INTEGER(seed, n) give the numbers of
    `new Random(seed)`, one per row, so a seeded query gives Flink's very values."""

    _MULTIPLIER, _MASK = 0x5DEECE66D, (1 << 48) - 1

    def __init__(self, seed: int | None = None):
        seed = random.getrandbits(64) if seed is None else seed
        self._seed = (seed ^ self._MULTIPLIER) & self._MASK

    def _next(self, bits: int) -> int:
        self._seed = (self._seed * self._MULTIPLIER + 0xB) & self._MASK
        value = (self._seed >> (48 - bits)) & 0xFFFFFFFF
        return value - (1 << 32) if value >= 1 << 31 else value  # (int) in Java

    def next_double(self) -> float:
        return ((self._next(26) << 27) + self._next(27)) * 2.0**-53

    def next_int(self, bound: int) -> int:
        if bound & -bound == bound:  # a power of two
            return (bound * (self._next(31) & 0x7FFFFFFF)) >> 31
        while True:
            bits = self._next(31) & 0x7FFFFFFF
            value = bits % bound
            if bits - value + (bound - 1) < 1 << 31:
                return value


def _rand(a, raw):
    generator = JavaRandom(_const(raw, 0, "RAND seed") if raw else None)
    return per_row(generator.next_double, pl.Float64)


def _rand_integer(a, raw):
    seeded = len(raw) == 2
    generator = JavaRandom(_const(raw, 0, "RAND_INTEGER seed") if seeded else None)
    bound = int(_const(raw, 1 if seeded else 0, "RAND_INTEGER bound"))
    if bound <= 0:
        raise ValueError(f"RAND_INTEGER bound must be positive, not {bound}")
    return per_row(lambda: generator.next_int(bound), pl.Int32)


def _hex(value) -> str:
    if isinstance(value, str):
        return value.encode().hex().upper()
    return format(int(value) & 0xFFFFFFFFFFFFFFFF, "X")  # Java's Long.toHexString


IMPLEMENTATIONS: dict[str, Implementation] = {
    "ABS": lambda a, r: a[0].abs(),
    "ROUND": _round,
    "FLOOR": _integral("floor"),
    "CEIL": _integral("ceil"),
    "CEILING": _integral("ceil"),
    "MOD": _mod,
    "POWER": lambda a, r: a[0].cast(pl.Float64).pow(a[1].cast(pl.Float64)),
    "SQRT": lambda a, r: a[0].cast(pl.Float64).sqrt(),
    "LN": lambda a, r: a[0].cast(pl.Float64).log(),
    "LOG10": _ufunc(np.log10),
    "EXP": lambda a, r: a[0].cast(pl.Float64).exp(),
    "LOG2": _ufunc(np.log2),
    "LOG": lambda a, r: (
        a[0].cast(pl.Float64).log()
        if len(a) == 1
        else a[1].cast(pl.Float64).log() / a[0].cast(pl.Float64).log()
    ),
    "SIN": _float("sin"),
    "COS": _float("cos"),
    "TAN": _float("tan"),
    "COT": _float("cot"),
    "ASIN": _float("arcsin"),
    "ACOS": _float("arccos"),
    "ATAN": _float("arctan"),
    "ATAN2": lambda a, r: pl.arctan2(a[0].cast(pl.Float64), a[1].cast(pl.Float64)),
    "SINH": _float("sinh"),
    "COSH": _float("cosh"),
    "TANH": _float("tanh"),
    "DEGREES": _float("degrees"),
    "RADIANS": _float("radians"),
    "PI": lambda a, r: pl.lit(math.pi, dtype=pl.Float64),
    "E": lambda a, r: pl.lit(math.e, dtype=pl.Float64),
    "SIGN": lambda a, r: (
        a[0].sign().cast(to_polars(r[0].type))
        if r[0].type.name not in ("NULL", "DECIMAL")
        else a[0].sign()
    ),
    "RAND": _rand,
    "RAND_INTEGER": _rand_integer,
    "TRUNCATE": _truncate,
    "BIN": lambda a, r: rowwise(lambda v: format(v & 0xFFFFFFFFFFFFFFFF, "b"), a, pl.String),
    "HEX": lambda a, r: rowwise(_hex, a, pl.String),
}
