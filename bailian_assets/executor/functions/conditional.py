"""Polars implementations of the conditional functions declared in
`planning/functions/conditional.py`."""

from __future__ import annotations

import polars as pl

from bailian_assets.executor.functions.common import Implementation
from bailian_assets.planning.types import summary

IMPLEMENTATIONS: dict[str, Implementation] = {
    "COALESCE": lambda a, r: pl.coalesce(a),
    "IFNULL": lambda a, r: pl.coalesce(a),
    "NULLIF": lambda a, r: pl.when(a[0] == a[1]).then(None).otherwise(a[0]),
    "IF": lambda a, r: pl.when(a[0]).then(a[1]).otherwise(a[2]),
    # NULL when any argument is, as in Flink (Polars skips NULLs)
    "GREATEST": lambda a, r: (
        pl.when(pl.any_horizontal([x.is_null() for x in a]))
        .then(None)
        .otherwise(pl.max_horizontal(a))
    ),
    "LEAST": lambda a, r: (
        pl.when(pl.any_horizontal([x.is_null() for x in a]))
        .then(None)
        .otherwise(pl.min_horizontal(a))
    ),
    "IS TRUE": lambda a, r: a[0].fill_null(False),
    "IS NOT TRUE": lambda a, r: ~a[0].fill_null(False),
    "IS FALSE": lambda a, r: ~a[0].fill_null(True),
    "IS NOT FALSE": lambda a, r: a[0].fill_null(True),
    "IS UNKNOWN": lambda a, r: a[0].is_null(),
    "IS NOT UNKNOWN": lambda a, r: a[0].is_not_null(),
    # a fact of the plan, the same on every row
    "TYPEOF": lambda a, r: pl.lit(summary(r[0].type), pl.String),
    "IS DISTINCT FROM": lambda a, r: a[0].ne_missing(a[1]),
    "IS NOT DISTINCT FROM": lambda a, r: a[0].eq_missing(a[1]),
}
