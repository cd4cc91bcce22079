"""For which rows an expression is evaluated, for the checks that fail a job (a division by
zero, a CAST of text that is no number, ELEMENT of a longer array, PARSE_JSON of text that is no
JSON, a per-row Python function (`rowwise`) raising on a value).

Polars computes every branch of a CASE and every operand of AND and OR for every row; Flink
evaluates a branch only for the rows that take it, and an operand of AND (OR) only where the
ones before it are not FALSE (TRUE), so `CASE WHEN b = 0 THEN NULL ELSE a / b END` never
divides by zero and `s RLIKE '^[0-9]+$' AND CAST(s AS INT) > 6` never casts a word. The
compilers of CASE, AND and OR compile what Flink may skip `only_where` it is evaluated, and a
check looks only at the rows `rows()` gives (or reads its input `masked` to them).

A condition says which rows the earlier tests or operands leave to this one. It reads them
compiled `leniently`: with no checks (a value that would fail is NULL), hence no conditions of
their own. A row where one of them would fail fails the job through that one's own check; the
lenient copy only says where the others are evaluated. Conditions holding checked copies would
each hold the conditions of those before them, and a CASE of n text CASTs would compile to
2^n nodes.

Flink merges a filter and the projection below it into one step that computes the projection
only for the rows that pass (an outer WHERE over a view, or a filter on the partition columns:
a CAST never fails on a row the query drops). A check compiled for a projection (`projecting`)
tells Polars it works row by row (`row_by_row()`), so that Polars applies such a filter first
and still skips the partitions the filter rules out. Not in a condition: Polars would push the
condition, check and all, into a scan of ours, which cannot take a Python function.

Flink also folds constants at plan time: a projection over VALUES rows is computed by the
planner with BigDecimal arithmetic, where a division by zero fails (`Division by zero`) even
for a NULL dividend or DOUBLE operands (at run time a DOUBLE gives Infinity and a NULL
dividend NULL). The executor compiles such a projection `folding_constants()`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

import polars as pl

# conditions as functions building them: built only when a check asks (a CASE of thousands of
# branches would otherwise build every branch's "no earlier branch" condition for nothing)
_CONDITIONS: ContextVar[tuple[Callable[[], pl.Expr], ...]] = ContextVar("conditions", default=())
_FOLDING: ContextVar[bool] = ContextVar("folding", default=False)
_LENIENT: ContextVar[bool] = ContextVar("lenient", default=False)
_PROJECTING: ContextVar[bool] = ContextVar("projecting", default=False)


@contextmanager
def leniently() -> Iterator[None]:
    """Compile without checks (see the module's text): `checking()` is False inside."""
    token = _LENIENT.set(True)
    try:
        yield
    finally:
        _LENIENT.reset(token)


def checking() -> bool:
    """Do operations that fail on some values check them (False: they give NULL instead)?"""
    return not _LENIENT.get()


@contextmanager
def only_where(condition: Callable[[], pl.Expr]) -> Iterator[None]:
    """Expressions compiled inside are evaluated only for the rows where `condition()` is
    true (a NULL condition is false, as in a CASE)."""
    token = _CONDITIONS.set((*_CONDITIONS.get(), condition))
    try:
        yield
    finally:
        _CONDITIONS.reset(token)


@contextmanager
def everywhere() -> Iterator[None]:
    """Expressions compiled inside are evaluated for every row: a constant (a literal's
    CAST, computed once at compile time), whatever branch it stands in."""
    token = _CONDITIONS.set(())
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


def tolerant(function: Callable[..., object]) -> Callable[..., object]:
    """`function` as a per-value Python function runs here: as it is, or, compiled for a
    condition (`leniently`), giving None where it raises."""
    if checking():
        return function

    def answer(*values: object) -> object:
        try:
            return function(*values)
        except Exception:  # what would fail the job is NULL in a condition's copy
            return None

    return answer


def masked(expr: pl.Expr) -> pl.Expr:
    """`expr`, NULL for the rows the expression being compiled is not evaluated for: the
    input of an operation that fails on some values (a NULL gives NULL without failing)."""
    if not checking():
        return expr
    where = rows()
    return expr if where is None else pl.when(where).then(expr)


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


@contextmanager
def projecting() -> Iterator[None]:
    """Compile a projection's expressions (see the module's text)."""
    token = _PROJECTING.set(True)
    try:
        yield
    finally:
        _PROJECTING.reset(token)


def row_by_row() -> bool:
    """May a check compiled here be told to Polars as working row by row (`is_elementwise`)?"""
    return _PROJECTING.get()


def per_value(
    expr: pl.Expr,
    function: Callable[[Any], object],
    dtype: pl.DataType | type[pl.DataType],
    skip_nulls: bool = True,
) -> pl.Expr:
    """`function(value)` in Python for each value of `expr` (a STRUCT's as a dict, an ARRAY's
    as a list; with `skip_nulls`, NULL stays NULL uncalled). Polars' own `map_elements` is
    always told to Polars as row by row: in a condition, Polars would push it into a scan."""

    def run(series: pl.Series) -> pl.Series:
        if skip_nulls:
            answers = [None if x is None else function(x) for x in series.to_list()]
        else:
            answers = [function(x) for x in series.to_list()]
        return pl.Series(series.name, answers, dtype=dtype)

    return expr.map_batches(run, return_dtype=dtype, is_elementwise=row_by_row())
