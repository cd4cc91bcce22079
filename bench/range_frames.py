"""Window frames with offsets (`executor/frames.py`) at scale, beside DuckDB on the same rows.

    .venv/bin/python bench/range_frames.py                  # 1M rows, 10k partitions
    .venv/bin/python bench/range_frames.py --rows 200000 --partitions 1

Each frame runs through the executor's Window operator (`executor/windows.with_windows`: sort,
bounds, aggregate, rows back in input order) over an in-memory frame of `--rows` rows: an
integer order key with duplicates, an INT and a DOUBLE value. DuckDB runs the same window in
SQL over the same frame; its values are checked equal to ours (floats to 1e-9 relative) and
its time printed beside ours. Times are the best of `--repeat` runs.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import duckdb
import numpy as np
import polars as pl

from bailian_assets.executor.windows import with_windows
from bailian_assets.planning import bound as b
from bailian_assets.planning import plan as p
from bailian_assets.planning import types

INT, BIGINT = types.DataType("INT", nullable=False), types.BIGINT
FRAMES = {  # SQL text -> (unit, start, end)
    "RANGE BETWEEN 500 PRECEDING AND CURRENT ROW": (
        "RANGE",
        ("PRECEDING", 500),
        ("CURRENT ROW", None),
    ),
    "RANGE BETWEEN 5000 PRECEDING AND 5000 FOLLOWING": (
        "RANGE",
        ("PRECEDING", 5000),
        ("FOLLOWING", 5000),
    ),
    "ROWS BETWEEN 10 PRECEDING AND 10 FOLLOWING": ("ROWS", ("PRECEDING", 10), ("FOLLOWING", 10)),
    "RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW": (
        "RANGE",
        ("UNBOUNDED PRECEDING", None),
        ("CURRENT ROW", None),
    ),
}
CALLS = {
    "SUM(x)": ("SUM", "x", BIGINT),
    "SUM(f)": ("SUM", "f", types.DOUBLE),
    "MAX(x)": ("MAX", "x", INT),
}


def _data(rows: int, partitions: int) -> pl.DataFrame:
    rng = np.random.default_rng(0)
    return pl.DataFrame(
        {
            "i": np.arange(rows),
            "k": rng.integers(0, partitions, rows),
            "v": rng.integers(0, 1_000_000, rows),
            "x": rng.integers(-1000, 1000, rows).astype(np.int32),
            "f": rng.normal(size=rows),
        }
    )


def _ours(df: pl.DataFrame, frame, call) -> pl.Series:
    unit, start, end = frame
    name, column, result = call
    bound_of = lambda kind, n: (kind, None if n is None else b.Literal(n, INT))  # noqa: E731
    window = b.WindowCall(
        name,
        (b.Column(column, types.DOUBLE if column == "f" else INT),),
        (b.Column("k", BIGINT),),
        (b.SortKey(b.Column("v", BIGINT)),),
        b.Frame(unit, bound_of(*start), bound_of(*end)),
        result,
    )
    node = p.Window(p.ValuesNode((), ()), ((window, p.Field("out", result, None, "out")),))
    return with_windows(df.lazy(), node).collect(engine="streaming")["out"]


def _duckdb(parquet: Path, sql_frame: str, sql_call: str) -> np.ndarray:
    # our sort keeps ties in input order (i); DuckDB's ROWS frames need that said
    order = "v, i" if sql_frame.startswith("ROWS") else "v"
    query = (
        f"SELECT {sql_call} OVER (PARTITION BY k ORDER BY {order} {sql_frame}) AS out "
        f"FROM read_parquet('{parquet}') ORDER BY i"
    )
    return duckdb.sql(query).fetchnumpy()["out"]


def _best(run, repeat: int):
    times, value = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        value = run()
        times.append(time.perf_counter() - start)
    return min(times), value


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--partitions", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    df = _data(args.rows, args.partitions)
    print(f"{args.rows:,} rows, {args.partitions:,} partitions")
    with tempfile.TemporaryDirectory() as folder:
        parquet = Path(folder) / "rows.parquet"
        df.write_parquet(parquet)  # DuckDB reads Polars frames through pyarrow only
        for sql_frame, frame in FRAMES.items():
            for sql_call, call in CALLS.items():
                _compare(df, parquet, (sql_frame, frame), (sql_call, call), args.repeat)


def _compare(df: pl.DataFrame, parquet: Path, frame, call, repeat: int) -> None:
    (sql_frame, frame), (sql_call, call) = frame, call
    ours_s, ours = _best(lambda: _ours(df, frame, call), repeat)
    duck_s, theirs = _best(lambda: _duckdb(parquet, sql_frame, sql_call), repeat)
    same = np.allclose(ours.to_numpy(), theirs.astype(float), rtol=1e-9, equal_nan=True)
    print(
        f"{sql_call:7s} {sql_frame:50s} ours {ours_s:6.2f}s  duckdb {duck_s:6.2f}s"
        f"  {'same values' if same else 'VALUES DIFFER'}"
    )


if __name__ == "__main__":
    main()
