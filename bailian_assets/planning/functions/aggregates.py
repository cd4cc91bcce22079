"""Aggregate functions: declarations (signatures and result types). Their Polars
implementations are in `executor/functions/aggregates.py`, under the same names.

The builder plans an aggregate call into an `Aggregate` node; the result type rule here is
Flink's (`AggregateFunction.returns`), so a sink column's type check sees what Flink sees."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bailian_assets.planning import types
from bailian_assets.planning.functions.signatures import ReturnRule, Signature, SignatureError, sig
from bailian_assets.sql.ast import DataType


@dataclass(frozen=True)
class AggregateFunction:
    name: str
    signatures: tuple[Signature, ...]
    returns: ReturnRule  # given the argument types
    star: bool = False  # may be called as NAME(*)


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


AGGREGATE_FUNCTIONS = [
    AggregateFunction("COUNT", (sig("ANY"),), _count, star=True),
    AggregateFunction("SUM", (sig("NUMERIC"),), _sum),
    AggregateFunction("AVG", (sig("NUMERIC"),), _avg),
    AggregateFunction("MIN", (sig("ANY"),), _extreme("Min")),
    AggregateFunction("MAX", (sig("ANY"),), _extreme("Max")),
]
