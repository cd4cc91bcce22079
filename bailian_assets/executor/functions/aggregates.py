"""Polars implementations of the aggregates declared in `planning/functions/aggregates.py`:
each takes the compiled argument (DISTINCT and FILTER already applied) and gives the group's
value. NULLs are ignored as SQL ignores them. (STDDEV and VARIANCE have none: the planner
computes them from SUM and COUNT, see `planning/functions/reductions.py`.)"""

from __future__ import annotations

from collections.abc import Callable

import polars as pl

from bailian_assets.executor.functions.common import Implementation

AggregateImplementation = Callable[[pl.Expr], pl.Expr]


def _sum(x: pl.Expr) -> pl.Expr:
    """NULL over a group without values (Polars' sum would give 0)."""
    return pl.when(x.count() > 0).then(x.sum()).otherwise(None)


def _array_agg(x: pl.Expr) -> pl.Expr:
    """ARRAY_AGG: the group's values in the order they arrive, NULLs kept (Flink's RESPECT
    NULLS, its default); NULL for a group without rows."""
    return pl.when(x.len() > 0).then(x.implode())


def _collect(x: pl.Expr) -> pl.Expr:
    """COLLECT: the group's non-NULL values as a MULTISET (a list here; printed as Flink
    prints one, each value with its count)."""
    return x.drop_nulls().implode()


AGGREGATES: dict[str, AggregateImplementation] = {
    "COUNT": lambda x: x.count(),
    "SUM": _sum,
    "AVG": lambda x: x.mean(),
    "MIN": lambda x: x.min(),
    "MAX": lambda x: x.max(),
    "FIRST_VALUE": lambda x: x.drop_nulls().first(),
    "LAST_VALUE": lambda x: x.drop_nulls().last(),
    "ARRAY_AGG": _array_agg,
    "COLLECT": _collect,
}


def _listagg(args: list[pl.Expr], raw) -> pl.Expr:
    """LISTAGG(s [, separator]): the non-NULL values joined by the separator (a literal, ','
    by default); NULL for a group without values."""
    separator = str(raw[1].value) if len(raw) > 1 else ","
    values = args[0].drop_nulls()
    return pl.when(values.len() > 0).then(values.str.join(separator))


# aggregates given every compiled and bound argument (an Implementation)
MULTI_ARGUMENT: dict[str, Implementation] = {"LISTAGG": _listagg}


def in_order(name: str, x: pl.Expr) -> pl.Expr:
    """SUM or AVG of floating-point values added one after the other in the rows' order, as
    Java adds them (Polars' own sum adds pairwise, whose last digit may differ: 22.433333333333337
    for Flink's 22.433333333333334); NULL over no values."""
    values = x.drop_nulls()
    total = values.cum_sum().last()
    return total if name == "SUM" else total / values.len()
