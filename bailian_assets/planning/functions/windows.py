"""Window functions: declarations (signatures and result types). Their Polars implementations
are in `executor/functions/windows.py`, under the same names. Aggregates over a window
(`SUM(v) OVER (...)`) are the aggregates of `aggregates.py`, with their result types.

How to add a window function: a `WindowFunction` here (`needs_order` for the ranking ones,
which Flink refuses without ORDER BY) and its implementation in
`executor/functions/windows.py`."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bailian_assets.planning import types
from bailian_assets.planning.functions.signatures import ReturnRule, Signature, always, sig
from bailian_assets.sql.ast import DataType


@dataclass(frozen=True)
class WindowFunction:
    name: str
    signatures: tuple[Signature, ...]
    returns: ReturnRule
    needs_order: bool = False  # a ranking function: ORDER BY required
    constant_args: tuple[int, ...] = ()  # positions that must be literals (NTILE's n)


def _shifted(args: Sequence[DataType]) -> DataType:
    """LAG/LEAD: the value's type, nullable (no row that far), or the default's."""
    if len(args) == 3:
        return types.nullable(types.common_type(args[0], args[2]) or args[0])
    return types.nullable(args[0])


_RANK = always(types.nullable(types.BIGINT, False))
_FRACTION = always(types.nullable(types.DOUBLE, False))
_SHIFT = (sig("ANY"), sig("ANY", "INTEGER"), sig("ANY", "INTEGER", "ANY"))

WINDOW_FUNCTIONS = [
    WindowFunction("ROW_NUMBER", (sig(),), _RANK, needs_order=True),
    WindowFunction("RANK", (sig(),), _RANK, needs_order=True),
    WindowFunction("DENSE_RANK", (sig(),), _RANK, needs_order=True),
    WindowFunction("PERCENT_RANK", (sig(),), _FRACTION, needs_order=True),
    WindowFunction("CUME_DIST", (sig(),), _FRACTION, needs_order=True),
    WindowFunction("NTILE", (sig("INTEGER"),), _RANK, needs_order=True, constant_args=(0,)),
    WindowFunction("LAG", _SHIFT, _shifted, needs_order=True, constant_args=(1,)),
    WindowFunction("LEAD", _SHIFT, _shifted, needs_order=True, constant_args=(1,)),
    # over their default frame (the partition up to the current row's peers)
    WindowFunction("FIRST_VALUE", (sig("ANY"),), lambda args: types.nullable(args[0])),
    WindowFunction("LAST_VALUE", (sig("ANY"),), lambda args: types.nullable(args[0])),
]
