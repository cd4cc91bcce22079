"""Bound expressions (`planning/bound.py`) -> Polars expressions, with SQL's NULL semantics
where Polars differs.

Dispatch is by table: on the bound node's class (`_COMPILERS`), and for calls on the function's
name through the executor's registries (`executor/functions/`: functions and operators).
Column references are frame columns of the node's input.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import polars as pl

from bailian_assets.executor import decimals, guards
from bailian_assets.executor.casts import compile_cast
from bailian_assets.executor.dtypes import time_unit, to_polars
from bailian_assets.executor.functions import (
    AGGREGATES,
    IMPLEMENTATIONS,
    MULTI_ARGUMENT_AGGREGATES,
    OPERATORS,
)
from bailian_assets.executor.functions.aggregates import in_order
from bailian_assets.planning import bound, types

if TYPE_CHECKING:
    from polars.expr.whenthen import ChainedThen, Then


def compile_expr(expr: bound.Expr) -> pl.Expr:
    """The Polars expression of a bound expression (recursive: the parser bounds nesting, and
    chains are flat calls)."""
    compiler = _COMPILERS.get(type(expr))
    if compiler is None:
        raise TypeError(f"cannot run expression {type(expr).__name__}")
    return compiler(expr)


@dataclass(frozen=True)
class Aggregation:
    """An aggregate in two steps, as Calcite's AggregateReduceFunctionsRule splits AVG into
    SUM / COUNT: `partials`, aggregates Polars computes natively inside the group_by (sum,
    count, min...), each aliased to its column; and `finish`, an expression over those columns,
    run on the grouped frame and aliased to the aggregate's column (None: the one partial is
    the value). Why: Polars evaluates an expression compiled inside the group_by group by group;
    a finishing step there (AVG's exact DECIMAL division) cost 0.5 s per AVG in TPC-H's Q1 at
    SF 1, run once over all groups it costs nothing."""

    partials: tuple[pl.Expr, ...]
    finish: pl.Expr | None = None


def compile_aggregate(call: bound.AggregateCall, column: str) -> Aggregation:
    """An aggregate over a group, with DISTINCT and FILTER, as partial aggregates and a
    finishing step (`Aggregation`), its value (of the call's type) in `column`; NULLs are
    ignored as SQL ignores them."""
    dtype = to_polars(call.type)
    value = _aggregate_argument(call)
    if call.name == "COUNT" and call.distinct and not isinstance(value, pl.Expr):
        value = value[0].n_unique()  # NULLs dropped already
    if isinstance(value, pl.Expr):  # COUNT(*), LISTAGG ...: the value itself
        return Aggregation((value.cast(dtype).alias(column),))
    if call.name in _EXACT_ORDERLESS and call.args[0].type.name in ("DOUBLE", "FLOAT"):
        return Aggregation((in_order(call.name, value[0]).cast(dtype).alias(column),))
    split = _SPLITS[call.name](value[0], call) if call.name in _SPLITS else None
    if split is None:
        return Aggregation((AGGREGATES[call.name](value[0]).cast(dtype).alias(column),))
    partials, finish = split
    names = [f"{column}${i}" for i in range(len(partials))]
    return Aggregation(
        tuple(e.alias(name) for e, name in zip(partials, names, strict=True)),
        finish([pl.col(name) for name in names]).cast(dtype).alias(column),
    )


def _aggregate_argument(call: bound.AggregateCall) -> pl.Expr | tuple[pl.Expr]:
    """The argument the aggregate reduces (its FILTER, DISTINCT and IGNORE NULLS applied), as
    a 1-tuple; or, for COUNT(*) and the aggregates of several arguments, the group's value
    itself."""
    keep = None if call.filter is None else compile_expr(call.filter).fill_null(False)
    if call.star:
        return pl.len() if keep is None else keep.sum()
    if call.name in MULTI_ARGUMENT_AGGREGATES:  # JSON_OBJECTAGG(mode, key, value) ...
        args = [_kept(a, keep) if bound.columns_in(a) else compile_expr(a) for a in call.args]
        if call.distinct:
            args[0] = args[0].drop_nulls().unique(maintain_order=True)
        return MULTI_ARGUMENT_AGGREGATES[call.name](args, call.args)
    arg = _kept(call.args[0], keep)
    if call.ignore_nulls:
        arg = arg.drop_nulls()
    if call.distinct:
        arg = arg.drop_nulls()
        if call.name != "COUNT":  # COUNT: n_unique (`compile_aggregate`)
            arg = arg.unique(maintain_order=_order_matters(call))
    return (arg,)


# aggregates whose value does not depend on the order of their values (SUM and AVG only over
# exact types: a DOUBLE sum rounds differently in another order)
_ORDERLESS = ("COUNT", "MIN", "MAX")
_EXACT_ORDERLESS = ("SUM", "AVG")


def _order_matters(call: bound.AggregateCall) -> bool:
    """Must DISTINCT keep the values in the order they come? (Polars' order-keeping unique
    costs 4x its plain one.)"""
    if call.name in _ORDERLESS:
        return False
    return not (call.name in _EXACT_ORDERLESS and call.args[0].type.name not in ("DOUBLE", "FLOAT"))


# an aggregate split: its partial aggregates, and the finish given their columns
Split = tuple[list[pl.Expr], Callable[[list[pl.Expr]], pl.Expr]]


def _average(x: pl.Expr, call: bound.AggregateCall) -> Split | None:
    """AVG of DECIMALs: the group's SUM and COUNT, divided exactly (`decimals.average`);
    of other types Polars' own mean (cast to the call's type)."""
    if call.type.name != "DECIMAL":
        return None
    source, result = call.args[0].type, call.type
    return decimals.average_partials(x, source), lambda p: decimals.average(p, source, result)


# the aggregates with a finishing step: their split for a call (None: not split for it).
# STDDEV and VARIANCE the planner splits already, into expressions of SUMs and COUNTs over the
# Aggregate node (`planning/functions/reductions.py`)
_SPLITS: dict[str, Callable[[pl.Expr, bound.AggregateCall], Split | None]] = {
    "AVG": _average,
}


def _kept(arg: bound.Expr, keep: pl.Expr | None) -> pl.Expr:
    """An aggregate's argument, once per row (a constant too: COUNT(1), SUM(2)), of the rows
    its FILTER keeps."""
    compiled = compile_expr(arg)
    if isinstance(arg, bound.Literal):
        compiled = pl.repeat(compiled, pl.len())
    elif not bound.columns_in(arg):
        # a call over constants (TO_TIMESTAMP('...'), RAND()) is no scalar to Polars' repeat:
        # a field beside the row numbers has their length, one value or one per row alike
        rows = pl.int_range(pl.len()).alias("row")
        compiled = pl.struct(rows, compiled.alias("value")).struct.field("value")
    return compiled if keep is None else compiled.filter(keep)


def _literal(expr: bound.Literal) -> pl.Expr:
    if expr.value is None:
        return pl.lit(None)
    name = expr.type.name
    if name in ("CHAR", "VARCHAR", "STRING"):
        return pl.lit(expr.value, dtype=pl.String)
    if name == "DECIMAL":
        return decimals.literal(expr.value, expr.type)
    if isinstance(expr.value, float):  # + 0.0: -0.0 is 0.0, as in Calcite's literals
        return pl.lit(expr.value + 0.0, dtype=to_polars(expr.type))
    return pl.lit(expr.value, dtype=to_polars(expr.type))


def _column(expr: bound.Column) -> pl.Expr:
    return pl.col(expr.column)


def _call(expr: bound.Call) -> pl.Expr:
    if expr.name == "IF":  # IF(c, a, b) is CASE WHEN c THEN a ELSE b END: each branch for its rows
        return _case(bound.Case(None, ((expr.args[0], expr.args[1]),), expr.args[2], expr.type))
    if expr.name in _SHORT_CIRCUITS:
        return _short_circuit(expr)
    implementation = IMPLEMENTATIONS.get(expr.name) or OPERATORS[expr.name]
    args = []
    for arg in expr.args:  # a loop, not a comprehension: one frame less per level
        args.append(compile_expr(arg))
    if _nanoseconds(expr.args):
        args = _in_nanoseconds(args, expr.args)
    result = implementation(args, expr.args)
    if expr.type.name == "DECIMAL" and not _exact_arithmetic(expr):
        return result.cast(decimals.dtype(expr.type), strict=False)  # each holds its very type
    return result


def _nanoseconds(args: tuple[bound.Expr, ...]) -> bool:
    """Whether a TIMESTAMP(7..9) meets another timestamp among `args`: Polars would meet
    their nanoseconds and microseconds in microseconds, losing the nanoseconds."""
    stamps = [a.type for a in args if a.type.name in ("TIMESTAMP", "TIMESTAMP_LTZ")]
    return len(stamps) > 1 and any(time_unit(t) == "ns" for t in stamps)


def _in_nanoseconds(args: list[pl.Expr], bound_args: tuple[bound.Expr, ...]) -> list[pl.Expr]:
    """Each timestamp of `args` in nanoseconds (its zone, if any, kept)."""
    return [
        arg.dt.cast_time_unit("ns") if b.type.name in ("TIMESTAMP", "TIMESTAMP_LTZ") else arg
        for arg, b in zip(args, bound_args, strict=True)
    ]


# AND, OR: what an operand's value says of the rows the operands after it are evaluated for
_SHORT_CIRCUITS: dict[str, Callable[[pl.Expr], pl.Expr]] = {
    "AND": lambda x: x.fill_null(True),  # not FALSE: undecided
    "OR": lambda x: ~x.fill_null(False),  # not TRUE: undecided
}


def _short_circuit(expr: bound.Call) -> pl.Expr:
    """AND and OR, each operand compiled for the rows the ones before it leave undecided
    (`guards`), as Flink's generated code skips it: `s RLIKE '^[0-9]+$' AND CAST(s AS INT) >
    6` casts no word."""
    args = [compile_expr(expr.args[0])]
    if not guards.checking():  # a lenient copy has no checks, hence no conditions
        args += [compile_expr(arg) for arg in expr.args[1:]]
        return OPERATORS[expr.name](args, expr.args)
    for index in range(1, len(expr.args)):
        with guards.only_where(_undecided(expr, index)):
            args.append(compile_expr(expr.args[index]))
    return OPERATORS[expr.name](args, expr.args)


def _undecided(expr: bound.Call, count: int) -> Callable[[], pl.Expr]:
    """A guard's condition: the rows the first `count` operands of an AND (OR) leave open,
    read from lenient copies of them, built only when a check asks (`guards`)."""
    undecided = _SHORT_CIRCUITS[expr.name]

    def condition() -> pl.Expr:
        with guards.leniently():
            return pl.all_horizontal([undecided(compile_expr(a)) for a in expr.args[:count]])

    return condition


def _exact_arithmetic(expr: bound.Call) -> bool:
    """Is this `+ - * / %` on DECIMALs, whose implementation (`decimals.arithmetic`) gives the
    node's very DECIMAL dtype already (no second cast)?"""
    return (
        expr.name in _ARITHMETIC
        and len(expr.args) == 2
        and decimals.exact_operands(expr.args[0].type, expr.args[1].type)
    )


_ARITHMETIC = ("+", "-", "*", "/", "%")


# Polars runs a WHEN/THEN chain of n branches as n nested conditionals, in time that grows
# with the cube of n (4000 branches: a minute). Longer CASEs are grouped: see `_first_match`.
_FLAT_CASE = 64


def _case(expr: bound.Case) -> pl.Expr:
    """Each branch is compiled for the rows that take it (`guards`): a division by zero in a
    branch a row does not take does not fail the job, as in Flink."""
    operand = compile_expr(expr.operand) if expr.operand is not None else None
    branches: list[tuple[pl.Expr, pl.Expr]] = []
    for index, (condition, value) in enumerate(expr.whens):
        with guards.only_where(_no_test_true(expr, index)):
            test = compile_expr(condition)
            if operand is not None:
                test = operand == test
            with guards.only_where(_test_true(expr, index)):
                branches.append((test, _as(value, expr.type)))
    with guards.only_where(_no_test_true(expr, len(expr.whens))):
        otherwise = _as(expr.else_, expr.type) if expr.else_ is not None else pl.lit(None)
    return _first_match(branches, otherwise)


def _lenient_test(expr: bound.Case, index: int) -> pl.Expr:
    """The CASE's test `index`, compiled leniently (`guards`), NULL as false."""
    test = compile_expr(expr.whens[index][0])
    if expr.operand is not None:
        test = compile_expr(expr.operand) == test
    return test.fill_null(False)


def _no_test_true(expr: bound.Case, count: int) -> Callable[[], pl.Expr]:
    """A guard's condition: no test of the first `count` is true (built when a check asks)."""

    def condition() -> pl.Expr:
        if not count:
            return pl.lit(True)
        with guards.leniently():
            return ~pl.any_horizontal([_lenient_test(expr, i) for i in range(count)])

    return condition


def _test_true(expr: bound.Case, index: int) -> Callable[[], pl.Expr]:
    """A guard's condition: test `index` is true (its branch's rows, with `_no_test_true`)."""

    def condition() -> pl.Expr:
        with guards.leniently():
            return _lenient_test(expr, index)

    return condition


def _as(value: bound.Expr, t) -> pl.Expr:
    """A branch's value in the CASE's type: DECIMAL branches HALF_UP to the CASE's scale."""
    compiled = compile_expr(value)
    if t.name == "DECIMAL" and value.type != t:
        return decimals.fit(compiled, value.type, t)
    if _nanoseconds((value, bound.Literal(None, t))):  # Polars would meet them in microseconds
        return compiled.dt.cast_time_unit("ns")
    return compiled  # a TIMESTAMP where the CASE is a TIMESTAMP_LTZ: the binder converted it


def _first_match(branches: list[tuple[pl.Expr, pl.Expr]], otherwise: pl.Expr) -> pl.Expr:
    """The value of the first branch whose test is true, else `otherwise`. Beyond _FLAT_CASE
    branches, in about sqrt(n) groups of sqrt(n): the first group with a true test (one flat
    OR over its tests) gives the value of its first true branch, so nothing nests deeper than
    2 sqrt(n) and the first match still wins."""
    if len(branches) <= _FLAT_CASE:
        return _when_chain(branches, otherwise)
    size = math.isqrt(len(branches) - 1) + 1
    groups = [branches[i : i + size] for i in range(0, len(branches), size)]
    return _when_chain(
        [
            (pl.any_horizontal([test for test, _ in group]), _when_chain(group, pl.lit(None)))
            for group in groups
        ],
        otherwise,
    )


def _when_chain(branches: list[tuple[pl.Expr, pl.Expr]], otherwise: pl.Expr) -> pl.Expr:
    chain: Then | ChainedThen | None = None
    for test, value in branches:
        chain = (pl.when(test) if chain is None else chain.when(test)).then(value)
    assert chain is not None  # a CASE has a WHEN, and each group of them a branch
    return chain.otherwise(otherwise)


def _cast(expr: bound.Cast) -> pl.Expr:
    """CAST and TRY_CAST. Text that may not convert is read only where the CAST is evaluated
    (`guards.masked`: NULL elsewhere); the conversion then checks every row it is given. A
    literal's CAST is a constant, computed for every row and folded."""
    inner = compile_expr(expr.expr)
    literal = isinstance(expr.expr, bound.Literal)
    if not literal and not expr.safe and types.is_character(expr.expr.type):
        inner = guards.masked(inner)
    with guards.everywhere():
        cast = compile_cast(inner, expr.expr.type, expr.type, expr.safe)
    return _folded(cast) if literal and expr.type.name in _FOLDED else cast


# A typed literal (DATE '1995-03-15' is a CAST of its text) parses its text in Python; run
# once here, its value is a plain literal, which Polars pushes down with the filter holding it
# (a Python function in a filter keeps the filter above the joins: TPC-H's Q3 at SF 1).
_FOLDED = ("DATE", "TIME", "TIMESTAMP", "TIMESTAMP_LTZ")


def _folded(cast: pl.Expr) -> pl.Expr:
    """The cast of a literal computed now; as it is when it fails (the job fails as before)."""
    try:
        value = pl.select(cast.alias("v")).to_series()
    except (pl.exceptions.PolarsError, ValueError):
        return cast
    if isinstance(value.dtype, pl.Datetime) and value.dtype.time_unit == "ns":
        # Python's datetime would drop the nanoseconds: the count of them, cast back
        return pl.lit(value.cast(pl.Int64)[0], dtype=pl.Int64).cast(value.dtype)
    return pl.lit(value[0], dtype=value.dtype)


# each compiler takes the bound class it is keyed by
_COMPILERS: dict[type, Callable[[Any], pl.Expr]] = {
    bound.Literal: _literal,
    bound.Column: _column,
    bound.Call: _call,
    bound.Case: _case,
    bound.Cast: _cast,
}
