"""Polars implementations of the window functions declared in `planning/functions/windows.py`,
and of aggregates over windows (running, sliding and whole-partition frames here; any other
ROWS or RANGE frame by its rows' bounds, `executor/frames.py`).

Every implementation runs on the frame sorted by the call's partition and order keys
(`executor/windows.py` sorts it), so "the rows before this one" are the rows above it; `over`
confines an expression to the row's partition, `peers` to the rows with its order keys too.
Polars evaluates an expression inside `.over()` per group, so a running value that a second
window reads is first `stage`d: computed as a column of its own, on the whole frame.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import SupportsInt, cast

import polars as pl

from bailian_assets.executor import decimals, frames
from bailian_assets.executor.functions.aggregates import AGGREGATES, in_order
from bailian_assets.executor.functions.common import divided
from bailian_assets.planning import bound, types


@dataclass(frozen=True)
class Window:
    """The compiled partition and order keys of one window call."""

    call: bound.WindowCall
    partition: list[pl.Expr]
    keys: list[pl.Expr]
    prefix: str  # of the staged columns' names
    stages: list[pl.Expr] = field(default_factory=list)  # computed before the value, in order

    def over(self, expr: pl.Expr) -> pl.Expr:
        return expr.over(self.partition) if self.partition else expr

    def stage(self, expr: pl.Expr) -> pl.Expr:
        """`expr` computed first, as a column of the whole frame; a reference to it."""
        name = f"{self.prefix}{len(self.stages)}"
        self.stages.append(expr.alias(name))
        return pl.col(name)

    def peers(self, expr: pl.Expr, how: str = "last") -> pl.Expr:
        """`expr`'s value at the last (or first) row of the current row's peer group."""
        staged = self.stage(expr)
        by = self.partition + self.keys
        picked = staged.last() if how == "last" else staged.first()
        return picked.over(by) if by else picked


WindowImplementation = Callable[[list[pl.Expr], Window], pl.Expr]


def _row_number(a, w: Window) -> pl.Expr:
    return w.over(pl.int_range(1, pl.len() + 1, dtype=pl.Int64))


def _rank(a, w: Window) -> pl.Expr:
    """The row number of the first of the row's peers."""
    return w.peers(_row_number(a, w), how="first")


def _dense_rank(a, w: Window) -> pl.Expr:
    starts = w.stage(w.over(pl.struct(w.keys).is_first_distinct()))
    return w.over(starts.cast(pl.Int64).cum_sum())


def _percent_rank(a, w: Window) -> pl.Expr:
    """(RANK - 1) / (rows - 1), 0 for a partition of one row."""
    rows = w.over(pl.len())
    return pl.when(rows > 1).then(divided(_rank(a, w) - 1, rows - 1)).otherwise(0.0)


def _cume_dist(a, w: Window) -> pl.Expr:
    """The share of the partition's rows up to the current row's last peer."""
    return divided(w.peers(_row_number(a, w)), w.over(pl.len()))


def _constant_int(w: Window, index: int) -> int:
    """The INTEGER literal argument at `index` (NTILE's n, LAG/LEAD's offset)."""
    arg = w.call.args[index]
    assert isinstance(arg, bound.Literal), "the binder requires a literal here (constant_args)"
    return int(cast(SupportsInt, arg.value))  # an INTEGER signature: an int


def _ntile(a, w: Window) -> pl.Expr:
    """Buckets 1..n of sizes differing by at most one, the larger ones first."""
    n = _constant_int(w, 0)
    rows = w.over(pl.len()).cast(pl.Int64)
    index = _row_number(a, w) - 1
    size, larger = rows // n, rows % n
    in_larger = larger * (size + 1)
    return (
        pl.when(index < in_larger)
        .then(index // (size + 1) + 1)
        .otherwise(larger + (index - in_larger) // pl.max_horizontal(size, 1) + 1)
    )


def _shift(direction: int) -> WindowImplementation:
    """LAG (1) or LEAD (-1): the value `steps` rows before or after in the partition, else the
    default. The default is placed by the row's position, not by Polars' `fill_value` (which
    reads a DECIMAL default with its scale applied twice: 99.9 became 9.9)."""

    def shift(a, w: Window) -> pl.Expr:
        args = w.call.args
        steps = _constant_int(w, 1) if len(args) > 1 else 1
        shifted = w.over(a[0].shift(direction * steps))
        if len(a) <= 2:
            return shifted
        position = _row_number(a, w)  # 1-based
        if direction > 0:  # LAG: the first `steps` rows have none before them
            outside = position <= steps
        else:  # LEAD: the last `steps` rows have none after them
            outside = position > w.over(pl.len()).cast(pl.Int64) - steps
        return pl.when(outside).then(a[2]).otherwise(shifted)

    return shift


WINDOWS: dict[str, WindowImplementation] = {
    "ROW_NUMBER": _row_number,
    "RANK": _rank,
    "DENSE_RANK": _dense_rank,
    "PERCENT_RANK": _percent_rank,
    "CUME_DIST": _cume_dist,
    "NTILE": _ntile,
    "LAG": _shift(1),
    "LEAD": _shift(-1),
    "FIRST_VALUE": lambda a, w: _first_or_last("first", a[0], w),
    "LAST_VALUE": lambda a, w: _first_or_last("last", a[0], w),
}


def _first_or_last(how: str, x: pl.Expr, w: Window) -> pl.Expr:
    """FIRST_VALUE or LAST_VALUE: the first or last non-NULL value of the frame (Flink skips
    NULLs), by its bounds; without a frame, Flink's default (RANGE UNBOUNDED PRECEDING AND
    CURRENT ROW with ORDER BY, else the whole partition)."""
    frame = w.call.frame or (_RUNNING if w.keys else _WHOLE)
    return frames.first_or_last(how, x, *frames.bounds(w, frame))


_RUNNING = bound.Frame("RANGE", ("UNBOUNDED PRECEDING", None), ("CURRENT ROW", None))
_WHOLE = bound.Frame("ROWS", ("UNBOUNDED PRECEDING", None), ("UNBOUNDED FOLLOWING", None))


# ------------------------------------------------------------------ aggregates over windows


def _running(name: str, x: pl.Expr | None) -> pl.Expr:
    """The aggregate of the rows from the partition's first to this one."""
    if x is None:  # COUNT(*)
        return pl.int_range(1, pl.len() + 1, dtype=pl.Int64)
    count = x.is_not_null().cast(pl.Int64).cum_sum()
    if name == "COUNT":
        return count
    total = x.fill_null(0).cum_sum()
    if name == "SUM":
        return pl.when(count > 0).then(total)
    if name == "AVG":
        return pl.when(count > 0).then(total / count)
    return x.cum_min() if name == "MIN" else x.cum_max()


def _sliding(name: str, x: pl.Expr | None, rows: int) -> pl.Expr:
    """The aggregate of this row and the `rows - 1` before it (ROWS n PRECEDING)."""
    if x is None:  # COUNT(*): this row's position in the partition, at most `rows`
        return pl.int_range(1, pl.len() + 1, dtype=pl.Int64).clip(upper_bound=rows)
    if name == "COUNT":
        return x.is_not_null().cast(pl.Int64).rolling_sum(rows, min_samples=1)
    method = {
        "SUM": "rolling_sum",
        "AVG": "rolling_mean",
        "MIN": "rolling_min",
        "MAX": "rolling_max",
    }[name]
    return getattr(x, method)(rows, min_samples=1)


def aggregate_over(args: list[pl.Expr], w: Window) -> pl.Expr:
    """An aggregate over a window, by its frame: the whole partition (no ORDER BY, or
    UNBOUNDED on both sides), running (UNBOUNDED PRECEDING AND CURRENT ROW: with RANGE, the
    default, through the current row's peers), sliding (ROWS n PRECEDING AND CURRENT ROW), or
    any other ROWS or RANGE frame by its bounds."""
    call = w.call
    x = None if call.star else args[0]
    if x is not None and call.name in ("SUM", "AVG") and call.args[0].type.name == "DECIMAL":
        return _decimal_over(x, w)
    return _over_frame(call.name, x, w)


def _over_frame(name: str, x: pl.Expr | None, w: Window) -> pl.Expr:
    """Aggregate `name` of `x` over the frame of `w`'s call: the common frames by the
    shortcuts above, any other by its rows' bounds (`executor/frames.py`)."""
    frame = w.call.frame
    if frame is None:
        shape = "running" if w.keys else "whole"
    else:
        shape = _SHAPES.get((frame.unit, frame.start[0], frame.end[0]), "bounded")
    if shape == "whole":
        if x is not None and name in ("SUM", "AVG") and not frames_exact(w):
            return w.over(in_order(name, x))  # added as Java adds them
        return w.over(pl.len() if x is None else AGGREGATES[name](x))
    if shape == "sliding" and frame is not None and frame.start[1] is not None:
        return w.over(_sliding(name, x, int(frame.start[1].value) + 1))  # type: ignore[call-overload]
    if shape == "bounded":
        return frames.aggregate(name, x, *frames.bounds(w), exact=frames_exact(w))
    running = w.over(_running(name, x))
    return running if frame is not None and frame.unit == "ROWS" else w.peers(running)


def frames_exact(w: Window) -> bool:
    """Whether `w`'s call adds exact values (not DOUBLE or FLOAT: their sum's last digit
    depends on the order of the additions)."""
    return w.call.star or w.call.args[0].type.name not in ("FLOAT", "DOUBLE")


# (unit, start kind, end kind) of the frames with a shortcut; any other is "bounded"
_SHAPES = {
    **{(unit, "UNBOUNDED PRECEDING", "UNBOUNDED FOLLOWING"): "whole" for unit in ("ROWS", "RANGE")},
    **{(unit, "UNBOUNDED PRECEDING", "CURRENT ROW"): "running" for unit in ("ROWS", "RANGE")},
    ("ROWS", "PRECEDING", "CURRENT ROW"): "sliding",
}


def _decimal_over(x: pl.Expr, w: Window) -> pl.Expr:
    """SUM and AVG of DECIMALs over a window, exactly: summed as their unscaled Int128s
    (Polars has no rolling or running sum of decimals), AVG divided HALF_UP."""
    source, result = w.call.args[0].type, w.call.type
    scale = types.precision_scale(source)[1]
    total = decimals.from_unscaled(_over_frame("SUM", decimals.unscaled(x, source), w), scale)
    if w.call.name == "SUM":
        return total.cast(decimals.dtype(result), strict=False)
    count = _over_frame("COUNT", x, w).cast(pl.Int64)
    quotient = decimals.divide(
        total, count, decimals.sum_bound(source), types.BIGINT, result, zero_fails=False
    )
    return pl.when(count > 0).then(quotient)
