"""The Window operator: each row with the values of window calls appended, lazily.

Rows come out as Flink's batch plan gives them: its over-aggregates group the calls by window
(partition keys, then order keys), run the groups one after another in a fixed order, and sort
the rows for each group by its partition keys (in column order, ascending, NULLs first) and
its order keys. So the rows leave sorted for the last group, ties in the order the group
before left them (Flink's sorts are stable on the small inputs where ties show). Each call is
computed here the same way: the frame sorted stably for its group, the value appended
(`executor/functions/windows.py`).

Over VALUES rows Flink's planner also knows which columns the literal rows happen to be
sorted by and may skip or move sorts (its order there follows no rule we can state; over a
table it is this one)."""

from __future__ import annotations

import polars as pl

from bailian_assets.executor.dtypes import to_polars
from bailian_assets.executor.expressions import compile_expr
from bailian_assets.executor.functions.windows import WINDOWS, Window, aggregate_over
from bailian_assets.planning import bound as b
from bailian_assets.planning import plan as p


def with_windows(frame: pl.LazyFrame, node: p.Window) -> pl.LazyFrame:
    positions = _key_positions(node)
    for number, (call, field) in enumerate(flink_group_order(node, positions)):
        # the partition keys as Flink sorts by them: in column order, each once
        by_column = sorted(dict.fromkeys(call.partition), key=positions.__getitem__)
        partition = [compile_expr(e) for e in by_column]
        keys = [compile_expr(key.expr) for key in call.order]
        descending = [False] * len(partition) + [key.descending for key in call.order]
        nulls_last = [False] * len(partition) + [key.nulls_last for key in call.order]
        if partition or keys:
            frame = frame.sort(
                partition + keys, descending=descending, nulls_last=nulls_last, maintain_order=True
            )
        window = Window(call, partition, keys, prefix=f"$stage{number}_")
        args = [compile_expr(arg) for arg in call.args]
        implementation = WINDOWS.get(call.name, aggregate_over)
        value = implementation(args, window).cast(to_polars(call.type))
        for stage in window.stages:  # in order: a stage may read the ones before it
            frame = frame.with_columns(stage)
        frame = frame.with_columns(value.alias(field.column))
        frame = frame.drop([s.meta.output_name() for s in window.stages])
    return frame


def flink_group_order(
    node: p.Window, positions: dict[b.Expr, int]
) -> list[tuple[b.WindowCall, p.Field]]:
    """`node`'s calls in the order Flink runs their window groups (its WindowGroupReorderRule):
    by the partition keys' `positions` (as a set, compared as sorted lists), then the order
    keys' positions, directions and NULL placement; calls of equal windows keep their SELECT
    order."""

    def group(item: tuple[b.WindowCall, p.Field]) -> tuple:
        call = item[0]
        keys = sorted({positions[e] for e in call.partition})
        order = [positions[key.expr] for key in call.order]
        directions = [(key.descending, key.nulls_last) for key in call.order]
        return (keys, order, directions)

    return sorted(node.calls, key=group)


def _key_positions(node: p.Window) -> dict[b.Expr, int]:
    """The position of each partition and order key among the window's input columns, as
    Flink numbers them: a plain column its own; any other expression after every column, in
    order of first appearance (Flink computes it into an extra input column)."""
    columns = {f.column: i for i, f in enumerate(node.input.fields)}
    positions: dict[b.Expr, int] = {}
    for call, _ in node.calls:
        for expr in (*call.partition, *(key.expr for key in call.order)):
            if expr not in positions:
                column = expr.column if isinstance(expr, b.Column) else None
                extra = len(columns) + len(positions)
                positions[expr] = columns[column] if column in columns else extra
    return positions
