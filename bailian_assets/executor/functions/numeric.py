"""Polars implementations of the numeric functions declared in `planning/functions/numeric.py`."""

from __future__ import annotations

import polars as pl

from bailian_assets.executor.functions.common import Implementation, const as _const


IMPLEMENTATIONS: dict[str, Implementation] = {
    "ABS": lambda a, r: a[0].abs(),
    "ROUND": lambda a, r: a[0].round(int(_const(r, 1, "ROUND digits")) if len(a) > 1 else 0),  # type: ignore[arg-type]
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
