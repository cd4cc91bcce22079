"""What every family of implementations shares: the signature of an implementation and the
reading of a constant argument."""

from __future__ import annotations

from typing import Callable, Sequence

import polars as pl

from bailian_assets.planning import bound

Implementation = Callable[[list[pl.Expr], Sequence[bound.Expr]], pl.Expr]


def const(raw: Sequence[bound.Expr], index: int, what: str):
    """The value of constant argument `index` (the planner checked that it is a literal)."""
    expr = raw[index]
    if not isinstance(expr, bound.Literal):
        raise ValueError(f"{what} must be a literal")
    return expr.value
