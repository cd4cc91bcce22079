"""For which rows an expression is evaluated, for the checks that fail a job (a division by
zero).

Polars computes every branch of a CASE for every row; Flink evaluates a branch only for the
rows that take it, so `CASE WHEN b = 0 THEN NULL ELSE a / b END` never divides by zero. The
CASE compiler compiles each branch's value `only_where` its condition holds (and no earlier
one), and a check looks only at the rows `rows()` gives.

Flink also folds constants at plan time: a projection over VALUES rows is computed by the
planner with BigDecimal arithmetic, where a division by zero fails (`Division by zero`) even
for a NULL dividend or DOUBLE operands (at run time a DOUBLE gives Infinity and a NULL
dividend NULL). The executor compiles such a projection `folding_constants()`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

import polars as pl

# conditions as functions building them: built only when a check asks (a CASE of thousands of
# branches would otherwise build every branch's "no earlier branch" condition for nothing)
_CONDITIONS: ContextVar[tuple[Callable[[], pl.Expr], ...]] = ContextVar("conditions", default=())
_FOLDING: ContextVar[bool] = ContextVar("folding", default=False)


@contextmanager
def only_where(condition: Callable[[], pl.Expr]) -> Iterator[None]:
    """Expressions compiled inside are evaluated only for the rows where `condition()` is
    true (a NULL condition is false, as in a CASE)."""
    token = _CONDITIONS.set((*_CONDITIONS.get(), condition))
    try:
        yield
    finally:
        _CONDITIONS.reset(token)


def rows() -> pl.Expr | None:
    """The rows the expression being compiled is evaluated for (None: every row)."""
    conditions = _CONDITIONS.get()
    if not conditions:
        return None
    return pl.all_horizontal([condition().fill_null(False) for condition in conditions])


@contextmanager
def folding_constants(on: bool = True) -> Iterator[None]:
    """Compile as Flink's planner evaluates constant expressions (see the module's text)."""
    token = _FOLDING.set(on)
    try:
        yield
    finally:
        _FOLDING.reset(token)


def folding() -> bool:
    return _FOLDING.get()
