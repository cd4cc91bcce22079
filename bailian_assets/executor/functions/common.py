"""What every family of implementations shares: the signature of an implementation and the
reading of a constant argument."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import polars as pl

from bailian_assets.executor import guards
from bailian_assets.planning import bound

Implementation = Callable[[list[pl.Expr], Sequence[bound.Expr]], pl.Expr]


def const(raw: Sequence[bound.Expr], index: int, what: str):
    """The value of constant argument `index` (the planner checked that it is a literal)."""
    expr = raw[index]
    if not isinstance(expr, bound.Literal):
        raise ValueError(f"{what} must be a literal")
    return expr.value


def rowwise(
    function: Callable, args: Sequence[pl.Expr], dtype: pl.DataType | type[pl.DataType]
) -> pl.Expr:
    """`function(*values)` per row, NULL when any argument is NULL (SQL's strict functions):
    for the functions Polars has no vectorized form of (hashes, URL parsing, base64). An
    exception raised by `function` fails the query (the executor's ExecutionError), for the
    rows the call is evaluated for only (`guards`: a CASE branch, an AND operand)."""

    run = guards.tolerant(function)

    def call(row: dict):
        values = list(row.values())
        if any(v is None for v in values):
            return None
        return run(*values)

    fields = [arg.alias(f"a{index}") for index, arg in enumerate(args)]
    if fields:
        fields[0] = guards.masked(fields[0]).alias("a0")
    return guards.per_value(pl.struct(fields), call, dtype, skip_nulls=False)


def per_row(function: Callable[[], object], dtype: pl.DataType | type[pl.DataType]) -> pl.Expr:
    """A fresh value of `function()` for every row (UUID(), RAND()): never one constant."""
    return pl.int_range(pl.len()).map_batches(
        lambda s: pl.Series([function() for _ in range(len(s))], dtype=dtype), return_dtype=dtype
    )


def divided(numerator: pl.Expr, denominator: pl.Expr) -> pl.Expr:
    """`numerator / denominator` as Java divides DOUBLEs: Polars divides by a single value (a
    literal, a whole-frame total, even repeated down a column) as a multiplication by its
    reciprocal, whose last digit differs (5.0 / 3 gives 1.6666666666666665, Java
    1.6666666666666667); dividing by a column of one value a row divides."""
    ones = pl.int_range(pl.len(), dtype=pl.Int64).cast(pl.Float64) * 0.0 + 1.0
    return numerator / (denominator * ones)
