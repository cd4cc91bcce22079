"""Window frames with bounds of their own (`ROWS|RANGE BETWEEN ... PRECEDING|FOLLOWING`):
for each row, the rows [lo, hi) of the sorted frame its aggregate reads, and the aggregates
over such frames, vectorised (no Python per row).

`executor/windows.py` sorts the frame by partition and order keys, so a partition is a run of
rows and a row's frame a run inside it. Its bounds:
- ROWS: the row's position in its partition, moved by the offsets, clipped to the partition.
- RANGE: the row's order-key value moved by the offset (`planning/window_frames.py` gives it
  in the key's units; over a DESC key PRECEDING means larger values), then `search_sorted` in
  the partition's sorted keys: the first row at or past the value (start, `left`), the row
  after the last one at or before it (end, `right`). CURRENT ROW is the edge of the row's
  peers (rows with its order keys, however many). A NULL key searches as NULL and so finds
  its own peer group, except that, as in Flink, NULL moved by n PRECEDING lies just before
  that group and by n FOLLOWING just after it: (n PRECEDING, m FOLLOWING) holds the NULL
  peers, (n PRECEDING, m PRECEDING) nothing.
- UNBOUNDED: the partition's first row, or the row after its last.

An aggregate over such frames (`aggregate`): a frame of length L is the union of at most
log2(L) blocks of power-of-two sizes, one per bit of L; the block of 2^(k+1) rows at i is the
block of 2^k at i combined with the one at i + 2^k (doubling). Walking the bits from the low
end needs one level of blocks at a time: O(n log Lmax) work, O(n) memory. MIN and MAX, and
sums of floats (added blockwise, so the last bits may differ from Flink's left-to-right sum),
go that way; COUNT and the sums of integers and unscaled DECIMALs are differences of running
sums, exact. An empty frame (lo >= hi) gives NULL, COUNT 0.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

import polars as pl

from bailian_assets.executor import decimals
from bailian_assets.planning import bound, types

if TYPE_CHECKING:
    from bailian_assets.executor.functions.windows import Window

_IDX = pl.Int64


def bounds(w: Window, frame: bound.Frame | None = None) -> tuple[pl.Expr, pl.Expr]:
    """(lo, hi): each row's frame (`frame`, else its call's) as positions [lo, hi) of the
    whole sorted frame."""
    frame = frame or w.call.frame
    assert frame is not None, "only calls with a frame have bounds"
    position = w.stage(pl.int_range(pl.len(), dtype=_IDX))
    first = w.stage(w.over(position.first()))  # of the row's partition
    local = position - first
    size = w.over(pl.len()).cast(_IDX)
    lo, hi = (
        _local_bound(w, frame, (kind, offset), (position, local, size), start)
        for (kind, offset), start in ((frame.start, True), (frame.end, False))
    )
    # staged: the aggregates read each bound several times, and a search is worth doing once
    return w.stage(first + lo.clip(0, size)), w.stage(first + hi.clip(0, size))


def _local_bound(
    w: Window,
    frame: bound.Frame,
    edge: tuple[str, bound.Literal | None],
    positions: tuple[pl.Expr, pl.Expr, pl.Expr],
    start: bool,
) -> pl.Expr:
    """A frame bound as a position in the row's partition (the end one past the frame).
    `positions`: the row's in the whole frame, in its partition, and the partition's size."""
    kind, offset = edge
    position, local, size = positions
    if kind == "UNBOUNDED PRECEDING":
        return pl.lit(0, _IDX)
    if kind == "UNBOUNDED FOLLOWING":
        return size
    sign = -1 if kind == "PRECEDING" else 1
    if frame.unit == "ROWS":
        rows = 0 if offset is None else int(offset.value)  # type: ignore[call-overload]
        return local + sign * rows + (0 if start else 1)
    has_offset = frame.start[1] is not None or frame.end[1] is not None
    if kind == "CURRENT ROW" and not has_offset:  # any keys: the edge of the row's peers
        return local - position + (w.peers(position, "first") if start else w.peers(position) + 1)
    # an offset means one numeric or DATE key (the binder checks): searched, faster than
    # grouping by the keys
    key, distance = _range_operands(w, frame, offset)
    descending = w.call.order[0].descending
    moved = key if distance is None else key + (-sign if descending else sign) * distance
    side: Literal["left", "right"] = "left" if start else "right"
    found = w.over(key.search_sorted(moved, side=side, descending=descending)).cast(_IDX)
    if kind != ("FOLLOWING" if start else "PRECEDING"):  # NULL finds its peers' right edge
        return found
    # a start n FOLLOWING, or an end n PRECEDING, of a NULL key lies just past its NULL
    # peers, on the offset's side, as in Flink: the frame leaves the peers out
    nulls = w.over(key.null_count()).cast(_IDX)
    first_null = size - nulls if w.call.order[0].nulls_last else pl.lit(0, _IDX)
    past = first_null + nulls if kind == "FOLLOWING" else first_null
    return pl.when(key.is_null()).then(past).otherwise(found)


def _range_operands(
    w: Window, frame: bound.Frame, offset: bound.Literal | None
) -> tuple[pl.Expr, pl.Expr | None]:
    """The order key and `offset` in one dtype that adds exactly: days (Int64) for a DATE,
    Int64 for integers, DECIMAL with the larger scale, else Float64."""
    key, key_type = w.keys[0], w.call.order[0].expr.type
    offsets = [o for _, o in (frame.start, frame.end) if o is not None]
    if key_type.name == "DATE":
        key_dtype: pl.DataType = _IDX()
        key = key.cast(pl.Int32)
    else:
        key_dtype = _common_dtype([key_type, *(o.type for o in offsets)])
    distance = None if offset is None else _literal(offset, key_dtype)
    return key.cast(key_dtype), distance


def _common_dtype(sql_types: list[types.DataType]) -> pl.DataType:
    names = {t.name for t in sql_types}
    if names & {"FLOAT", "DOUBLE"}:
        return pl.Float64()
    if "DECIMAL" in names:
        scale = max(types.precision_scale(t)[1] for t in sql_types)
        return pl.Decimal(decimals.MAX_PRECISION, scale)
    return _IDX()


def _literal(offset: bound.Literal, dtype: pl.DataType) -> pl.Expr:
    value = offset.value
    if isinstance(dtype, pl.Decimal):
        return decimals.literal(value, types.decimal(dtype.precision, dtype.scale or 0))
    return pl.lit(value).cast(dtype)


# ------------------------------------------------------------------ aggregates over bounds


def aggregate(
    name: str, x: pl.Expr | None, lo: pl.Expr, hi: pl.Expr, exact: bool = True
) -> pl.Expr:
    """COUNT, SUM, AVG, MIN or MAX of `x` (None: COUNT(*)) over each row's rows [lo, hi).
    `exact`: `x` holds integers (or unscaled DECIMALs), whose sums are differences of running
    sums (wrapping Int128 arithmetic gives every frame sum that fits exactly); a float's are
    added from blocks (`_reduce`), as a difference of large running sums would lose digits."""
    if x is None:
        return (hi - lo).clip(0)
    count = _prefix_difference(x.is_not_null().cast(_IDX), lo, hi)
    if name == "COUNT":
        return count
    if name in ("MIN", "MAX"):
        return _reduce(x, lo, hi, name.lower())
    values = x.fill_null(0)
    summed = _prefix_difference(values.cast(pl.Int128), lo, hi) if exact else None
    total = pl.when(count > 0).then(
        summed if summed is not None else _reduce(values, lo, hi, "sum")
    )
    return total if name == "SUM" else total / count


def _prefix_difference(values: pl.Expr, lo: pl.Expr, hi: pl.Expr) -> pl.Expr:
    """The sum of `values` over [lo, hi) of each row, 0 if empty: running sum at hi - 1 less
    the running sum at lo - 1."""
    # a struct broadcasts a literal (COUNT(1)'s argument) to a value per row before summing
    running = pl.struct(v=values, lo=lo, hi=hi).struct.field("v").cum_sum()

    def before(i: pl.Expr) -> pl.Expr:  # the sum of the rows before position i
        return pl.when(i > 0).then(running.gather((i - 1).clip(0))).otherwise(0)

    return pl.when(hi > lo).then(before(hi) - before(lo)).otherwise(0)


def first_or_last(how: str, x: pl.Expr, lo: pl.Expr, hi: pl.Expr) -> pl.Expr:
    """The first (`how` "first") or last non-NULL value of `x` in [lo, hi) of each row, as
    Flink's FIRST_VALUE and LAST_VALUE skip NULLs; NULL if there is none."""
    return _reduce(x, lo, hi, how)


def _reduce(values: pl.Expr, lo: pl.Expr, hi: pl.Expr, how: str) -> pl.Expr:
    """`values` combined by `how` (sum, min, max, first, last non-NULL) over [lo, hi) of each
    row; NULL if empty."""
    return pl.struct(v=values, lo=lo, hi=hi).map_batches(
        lambda batch: _reduce_series(batch, how), return_dtype=pl.dtype_of(values)
    )


# how two runs of rows combine, the earlier run first
_COMBINE = {
    "sum": pl.sum_horizontal,
    "min": pl.min_horizontal,
    "max": pl.max_horizontal,
    "first": lambda earlier, later: pl.coalesce(earlier, later),
    "last": lambda earlier, later: pl.coalesce(later, earlier),
}


def _reduce_series(batch: pl.Series, how: str) -> pl.Series:
    """The doubling walk of the module docstring, on whole columns."""
    columns = batch.struct.unnest()
    height = columns.height
    combine = _COMBINE[how]
    frame = columns.select(
        level=pl.col("v"),  # blocks of `size` rows, by their first row
        at=pl.col("lo"),  # the next row of the frame not yet combined
        left=(pl.col("hi") - pl.col("lo")).clip(0),  # its length still to combine
        acc=pl.lit(None, columns.schema["v"]),
    )
    size, longest = 1, frame["left"].max() or 0
    while size <= longest:  # type: ignore[operator]
        take = (pl.col("left") & size) != 0
        block = pl.col("level").gather(pl.col("at").clip(0, max(height - 1, 0)))
        frame = frame.with_columns(
            acc=pl.when(take).then(combine(pl.col("acc"), block)).otherwise(pl.col("acc")),
            at=pl.col("at") + take.cast(_IDX) * size,
            level=combine(pl.col("level"), pl.col("level").shift(-size)),
        )
        size *= 2
    return frame["acc"].cast(columns.schema["v"])
