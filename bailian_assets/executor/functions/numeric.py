"""Polars implementations of the numeric functions declared in `planning/functions/numeric.py`."""

from __future__ import annotations

import polars as pl

from bailian_assets.executor.dtypes import to_polars
from bailian_assets.executor.functions.common import Implementation, const as _const


def _round(a, raw):
    places = int(_const(raw, 1, "ROUND digits")) if len(a) > 1 else 0  # type: ignore[arg-type]
    if places >= 0:
        return a[0].round(places)
    # to tens, hundreds ...: HALF_UP as Flink rounds (ROUND(1250, -2) = 1300), same type
    unit = 10 ** -places
    rounded = (a[0].abs() / unit + 0.5).floor() * unit * a[0].sign()
    return rounded.cast(to_polars(raw[0].type)) if raw[0].type.name != "NULL" else rounded


IMPLEMENTATIONS: dict[str, Implementation] = {
    "ABS": lambda a, r: a[0].abs(),
    "ROUND": _round,
    "FLOOR": lambda a, r: a[0].floor(),
    "CEIL": lambda a, r: a[0].ceil(),
    "CEILING": lambda a, r: a[0].ceil(),
    "MOD": lambda a, r: a[0] % a[1],
    "POWER": lambda a, r: a[0].cast(pl.Float64).pow(a[1]),
    "SQRT": lambda a, r: a[0].cast(pl.Float64).sqrt(),
    "LN": lambda a, r: a[0].cast(pl.Float64).log(),
    "LOG10": lambda a, r: a[0].cast(pl.Float64).log10(),
    "EXP": lambda a, r: a[0].cast(pl.Float64).exp(),
}
