"""Aggregate functions: declarations (signatures and result types). Their Polars
implementations are in `executor/functions/aggregates.py`, under the same names.

The builder plans an aggregate call into an `Aggregate` node; the result type rule here is
Flink's (`AggregateFunction.returns`), so a sink column's type check sees what Flink sees."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from bailian_assets.planning import types
from bailian_assets.planning.functions.signatures import ReturnRule, Signature, sig
from bailian_assets.sql.ast import DataType

_INTEGERS = {"TINYINT", "SMALLINT", "INT", "BIGINT"}


@dataclass(frozen=True)
class AggregateFunction:
    name: str
    signatures: tuple[Signature, ...]
    returns: ReturnRule  # given the argument types
    star: bool = False  # may be called as NAME(*)


def _count(args: Sequence[DataType]) -> DataType:
    return types.nullable(types.BIGINT, False)


def _sum(args: Sequence[DataType]) -> DataType:
    if args[0].name in _INTEGERS:
        return types.BIGINT
    return types.nullable(types.concrete(args[0]))


def _same(args: Sequence[DataType]) -> DataType:
    """The argument's type, nullable: a group without values gives NULL."""
    return types.nullable(types.concrete(args[0]))


AGGREGATE_FUNCTIONS = [
    AggregateFunction("COUNT", (sig("ANY"),), _count, star=True),
    AggregateFunction("SUM", (sig("NUMERIC"),), _sum),
    AggregateFunction("AVG", (sig("NUMERIC"),), _same),
    AggregateFunction("MIN", (sig("ANY"),), _same),
    AggregateFunction("MAX", (sig("ANY"),), _same),
]
