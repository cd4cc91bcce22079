"""The print sink's formatting speed: 1M rows of mixed columns (INT, BIGINT, STRING, DOUBLE,
DECIMAL(12, 2), DATE, TIMESTAMP(3), BOOLEAN, a few nulls) turned into Flink's `+I[...]` lines,
column-wise (`print_lines`) against the per-value Python path (`format_row` per row, what
`print_lines` did before).

    python bench/print_sink.py [ROWS]
"""

from __future__ import annotations

import datetime as dt
import sys
import time

import numpy as np
import polars as pl

from bailian_assets.errors import Position
from bailian_assets.executor.sinks import format_row, print_lines
from bailian_assets.planning.connectors import TableSpec
from bailian_assets.sql.ast import ColumnDef, DataType

TYPES = {
    "id": DataType("INT"),
    "big": DataType("BIGINT"),
    "name": DataType("STRING"),
    "price": DataType("DOUBLE"),
    "amount": DataType("DECIMAL", (12, 2)),
    "day": DataType("DATE"),
    "at": DataType("TIMESTAMP", (3,)),
    "ok": DataType("BOOLEAN"),
}


def mixed_frame(rows: int) -> pl.DataFrame:
    """`rows` random rows of the columns in TYPES, one value in 50 null."""
    rng = np.random.default_rng(0)
    start = dt.datetime(2020, 1, 1)
    frame = pl.DataFrame(
        {
            "id": pl.Series(np.arange(rows), dtype=pl.Int32),
            "big": rng.integers(-(2**62), 2**62, rows),
            "name": pl.Series(rng.integers(0, 10_000, rows)).cast(pl.String).str.zfill(8),
            "price": rng.normal(size=rows) * 10.0 ** rng.integers(-5, 9, rows),
            "amount": pl.Series(rng.integers(-(10**9), 10**9, rows)).cast(pl.Decimal(12, 0)) / 100,
            "day": pl.Series(rng.integers(0, 20_000, rows)).cast(pl.Date),
            "at": pl.Series(rng.integers(0, 10**12, rows) * 1000)
            .cast(pl.Datetime("us"))
            .dt.truncate("1ms")
            + (start - dt.datetime(1970, 1, 1)),
            "ok": rng.random(rows) < 0.5,
        }
    )
    nulls = pl.Series(rng.random(rows) < 0.02)
    frame = frame.with_columns(
        pl.when(~pl.lit(nulls)).then(pl.col(c)).alias(c) for c in frame.columns if c != "id"
    )
    return frame.with_columns(pl.col("amount").cast(pl.Decimal(12, 2)))


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    frame = mixed_frame(rows)
    position = Position(1, 1, 0)
    table = TableSpec(
        name="out",
        columns=tuple(ColumnDef(n, TYPES[n], position) for n in frame.columns),
        connector="print",
        options={},
        path="",
        position=position,
    )
    t = time.perf_counter()
    fast = list(print_lines(table, frame))
    fast_s = time.perf_counter() - t
    types = tuple(TYPES[n] for n in frame.columns)
    t = time.perf_counter()
    slow = [format_row(r, column_types=types) for r in frame.iter_rows()]
    slow_s = time.perf_counter() - t
    assert fast == slow, "the two paths disagree"
    print(f"{rows} rows x {frame.width} columns, e.g. {fast[1]}")
    print(f"column-wise print_lines: {fast_s:.2f} s; per value (format_row): {slow_s:.2f} s")


if __name__ == "__main__":
    main()
