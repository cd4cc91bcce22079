"""Polars implementations of the conditional functions declared in
`planning/functions/conditional.py`."""

from __future__ import annotations

from collections.abc import Sequence

import polars as pl

from bailian_assets.executor.functions.common import Implementation
from bailian_assets.planning import bound, types
from bailian_assets.planning.types import summary


def _coalesce(args: list[pl.Expr], bound_args: Sequence[bound.Expr]) -> pl.Expr:
    """COALESCE and IFNULL. Beside a DATE, Flink's COALESCE takes a TIMESTAMP's date part (the
    planner types the call DATE): Polars would widen the DATEs to timestamps instead."""
    if any(arg.type.name == "DATE" for arg in bound_args):
        args = [
            value.cast(pl.Date) if arg.type.name == "TIMESTAMP" else value
            for value, arg in zip(args, bound_args, strict=True)
        ]
    # a TIMESTAMP beside a TIMESTAMP_LTZ comes as an instant (the binder's `alike`)
    return pl.coalesce(args)


def _as_then(value: pl.Expr, then: bound.Expr, otherwise: bound.Expr) -> pl.Expr:
    """IF's second value where the first one's timestamp type is the call's (the planner's
    `_if`): cut to its fewer fraction digits, as Flink casts it."""
    kinds = ("TIMESTAMP", "TIMESTAMP_LTZ")
    if then.type.name not in kinds or otherwise.type.name not in kinds:
        return value
    digits = types.precision(then.type)
    if digits >= types.precision(otherwise.type):
        return value
    return value.dt.truncate(f"{10 ** (6 - digits)}us")


IMPLEMENTATIONS: dict[str, Implementation] = {
    "COALESCE": _coalesce,
    "IFNULL": _coalesce,
    "NULLIF": lambda a, r: pl.when(a[0] == a[1]).then(None).otherwise(a[0]),
    "IF": lambda a, r: pl.when(a[0]).then(a[1]).otherwise(_as_then(a[2], r[1], r[2])),
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
