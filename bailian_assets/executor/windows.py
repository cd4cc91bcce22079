"""The Window operator: each row with the values of window calls appended, lazily.

For each call the frame is sorted by its partition and order keys (NULLs as Flink orders
them), the call's value computed (`executor/functions/windows.py`), and at the end the rows
are put back in their input order."""

from __future__ import annotations

import polars as pl

from bailian_assets.executor.dtypes import to_polars
from bailian_assets.executor.expressions import compile_expr
from bailian_assets.executor.functions.windows import WINDOWS, Window, aggregate_over
from bailian_assets.planning import plan as p

_ROW = "$row"  # no SQL name or frame column of the planner looks like it


def with_windows(frame: pl.LazyFrame, node: p.Window) -> pl.LazyFrame:
    frame = frame.with_row_index(_ROW)
    for number, (call, field) in enumerate(node.calls):
        partition = [compile_expr(e) for e in call.partition]
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
    return frame.sort(_ROW).drop(_ROW)
