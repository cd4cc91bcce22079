"""Polars implementations of the aggregates declared in `planning/functions/aggregates.py`:
each takes the compiled argument (DISTINCT already applied) and gives the group's value.
NULLs are ignored as SQL ignores them."""

from __future__ import annotations

from collections.abc import Callable

import polars as pl

AggregateImplementation = Callable[[pl.Expr], pl.Expr]


def _sum(x: pl.Expr) -> pl.Expr:
    """NULL over a group without values (Polars' sum would give 0)."""
    return pl.when(x.count() > 0).then(x.sum()).otherwise(None)


AGGREGATES: dict[str, AggregateImplementation] = {
    "COUNT": lambda x: x.count(),
    "SUM": _sum,
    "AVG": lambda x: x.mean(),
    "MIN": lambda x: x.min(),
    "MAX": lambda x: x.max(),
}
