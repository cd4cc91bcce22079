"""Aggregate functions: declarations (signatures and result types). Their Polars
implementations are in `executor/functions/aggregates.py`, under the same names.

The builder plans an aggregate call into an `Aggregate` node; the result type rule here is
Flink's (`AggregateFunction.returns`), so a sink column's type check sees what Flink sees."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bailian_assets.planning import types
from bailian_assets.planning.functions import reductions
from bailian_assets.planning.functions.signatures import (
    ReturnRule,
    Signature,
    SignatureError,
    always,
    sig,
)
from bailian_assets.sql.ast import DataType


@dataclass(frozen=True)
class AggregateFunction:
    """An aggregate the SQL may call. `literal_args`: positions of arguments that must be
    non-NULL literals (LISTAGG's separator). `reduce`: an aggregate Flink computes from
    others (STDDEV and VARIANCE from SUM and COUNT): given the call and its result type, the
    expression that computes it (`reductions.py`), planned in its place. `null_if_empty`: NULL
    only over no rows (Calcite's ARG0_NULLABLE_IF_EMPTY): NOT NULL under a GROUP BY naming a key
    (ROLLUP's too), without FILTER, over NOT NULL arguments (`SUM(v) ... GROUP BY k`)."""

    name: str
    signatures: tuple[Signature, ...]
    returns: ReturnRule  # given the argument types
    star: bool = False  # may be called as NAME(*)
    literal_args: tuple[int, ...] = ()
    reduce: reductions.Reduction | None = None
    null_if_empty: bool = False


def _count(args: Sequence[DataType]) -> DataType:
    return types.nullable(types.BIGINT, False)


def _sum(args: Sequence[DataType]) -> DataType:
    """Flink's: SUM of INT is INT (it wraps around on overflow), of DECIMAL(p, s)
    DECIMAL(38, s)."""
    if args[0].name == "DECIMAL":
        return types.decimal_sum(args[0])
    return _same(args)


def _avg(args: Sequence[DataType]) -> DataType:
    """Flink's: AVG of INT is INT (truncated), of DECIMAL(p, s) DECIMAL(38, max(s, 6))."""
    if args[0].name == "DECIMAL":
        return types.decimal_avg(args[0])
    return _same(args)


def _same(args: Sequence[DataType]) -> DataType:
    """The argument's type, nullable: a group without values gives NULL."""
    return types.nullable(types.concrete(args[0]))


def _extreme(name: str) -> ReturnRule:
    """MIN and MAX: the argument's type, which must have an order (a VARIANT has none)."""

    def returns(args: Sequence[DataType]) -> DataType:
        if args and args[0].name == "VARIANT":
            raise SignatureError(
                f"{name} aggregate function does not support type: "
                "''VARIANT''. Please re-check the data type."
            )
        return _same(args)

    return returns


def _collection(name: str) -> ReturnRule:
    """ARRAY_AGG and COLLECT: an ARRAY (a MULTISET) of the argument's type."""
    return lambda args: DataType(name, element=types.concrete(args[0]))


def _statistic(name: str) -> AggregateFunction:
    """STDDEV_POP, STDDEV_SAMP, VAR_POP, VAR_SAMP (STDDEV and VARIANCE are the _SAMP ones):
    of the argument's type (a DECIMAL's as AVG's), computed from SUM and COUNT. Typed as
    Flink types the call, NOT NULL under a GROUP BY over NOT NULL values (`null_if_empty`),
    the _SAMP ones too, though one row gives NULL (see `reductions.py`)."""
    return AggregateFunction(
        name, (sig("NUMERIC"),), _avg, reduce=reductions.statistic(name), null_if_empty=True
    )


AGGREGATE_FUNCTIONS = [
    AggregateFunction("COUNT", (sig("ANY"),), _count, star=True),
    AggregateFunction(
        "APPROX_COUNT_DISTINCT", (sig("ANY"),), _count, reduce=reductions.distinct_count
    ),
    AggregateFunction("SUM", (sig("NUMERIC"),), _sum, null_if_empty=True),
    AggregateFunction("AVG", (sig("NUMERIC"),), _avg, null_if_empty=True),
    AggregateFunction("MIN", (sig("ANY"),), _extreme("Min"), null_if_empty=True),
    AggregateFunction("MAX", (sig("ANY"),), _extreme("Max"), null_if_empty=True),
    *(_statistic(name) for name in reductions.STATISTICS),
    # the first and last non-NULL value, in the order the rows arrive
    AggregateFunction("FIRST_VALUE", (sig("ANY"),), _same, null_if_empty=True),
    AggregateFunction("LAST_VALUE", (sig("ANY"),), _same, null_if_empty=True),
    # LISTAGG(s [, separator]): the non-NULL values joined, ',' between them by default
    AggregateFunction(
        "LISTAGG",
        (sig("CHARACTER"), sig("CHARACTER", "CHARACTER_LITERAL")),
        _same,
        literal_args=(1,),
        null_if_empty=True,
    ),
    AggregateFunction("ARRAY_AGG", (sig("ANY"),), _collection("ARRAY"), null_if_empty=True),
    AggregateFunction("COLLECT", (sig("ANY"),), _collection("MULTISET")),
]

# GROUPING(k, ...), GROUPING_ID(k, ...) and GROUP_ID(): not aggregates of values but of the
# grouping set a row's group belongs to (`plan.Aggregate.groupings`): a bit per key named,
# set where the set does not hold the key; GROUP_ID() numbers the repeats of a set
GROUPING_FUNCTIONS = [
    AggregateFunction(name, signatures, always(types.nullable(types.BIGINT, False)))
    for name, signatures in (
        ("GROUPING", (sig("ANY", variadic=True),)),
        ("GROUPING_ID", (sig("ANY", variadic=True),)),
        ("GROUP_ID", (sig(),)),
    )
]
