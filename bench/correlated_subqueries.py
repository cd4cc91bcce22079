"""Correlated subqueries at size: they run as joins (planning/decorrelate.py), not per row.

    .venv/bin/python bench/correlated_subqueries.py                 # 1M outer x 100k inner rows
    .venv/bin/python bench/correlated_subqueries.py --outer 100000 --inner 10000

Writes two Parquet tables to a scratch folder: `big` (the outer query's rows, `k` in 0..2*inner)
and `small` (the subquery's, `k` unique, `v` 0..99), then times, through `load_source` and
`run_project` into a blackhole sink (planning included, as a user's run does):

- EXISTS with an equality correlation (a semi join on the key);
- NOT EXISTS with an equality and a non-equality correlation (TPC-H Q21's shape: a residual);
- a scalar COUNT(*) subquery (grouped aggregate, left join on the key, 0 where none);
- the scan alone, and Polars' own lazy semi join of the same frames, as the floor.

It prints the plan node each query became (a CorrelatedJoin, never a loop) and the times.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import numpy as np
import polars as pl

from bailian_assets.backends import simulated_backend
from bailian_assets.executor.runner import run_project
from bailian_assets.planning import plan as p
from bailian_assets.planning.project import load_source
from bailian_assets.simulator.service import BailianSimulator

TABLES = """\
CREATE TABLE big (id BIGINT, k BIGINT)
  WITH ('connector' = 'filesystem', 'path' = '{dir}/big.parquet', 'format' = 'parquet');
CREATE TABLE small (k BIGINT, v BIGINT)
  WITH ('connector' = 'filesystem', 'path' = '{dir}/small.parquet', 'format' = 'parquet');
CREATE TEMPORARY TABLE sink1 (id BIGINT, n BIGINT) WITH ('connector' = 'blackhole');
"""

QUERIES = {
    "no subquery (the scan, baseline)": "INSERT INTO sink1 SELECT id, k FROM big b",
    "EXISTS (equality)": "INSERT INTO sink1 SELECT id, k FROM big b WHERE EXISTS "
    "(SELECT 1 FROM small s WHERE s.k = b.k)",
    "NOT EXISTS (equality + <>)": "INSERT INTO sink1 SELECT id, k FROM big b WHERE NOT EXISTS "
    "(SELECT 1 FROM small s WHERE s.k = b.k AND s.v <> b.id % 100)",
    "scalar COUNT(*)": "INSERT INTO sink1 SELECT id, (SELECT COUNT(*) FROM small s "
    "WHERE s.k = b.k) FROM big b",
}


def write_tables(folder: Path, outer: int, inner: int) -> None:
    rng = np.random.default_rng(1)
    pl.DataFrame({"id": np.arange(outer), "k": rng.integers(0, 2 * inner, outer)}).write_parquet(
        folder / "big.parquet"
    )
    pl.DataFrame({"k": np.arange(inner), "v": rng.integers(0, 100, inner)}).write_parquet(
        folder / "small.parquet"
    )


def run_query(folder: Path, insert: str) -> tuple[float, list[str]]:
    sql = TABLES.format(dir=folder) + insert + ";\n"
    start = time.perf_counter()
    project = load_source(sql, str(folder / "q.sql"), {})
    run_project(project, simulated_backend(BailianSimulator()), lambda table, line: None)
    elapsed = time.perf_counter() - start
    (planned,) = project.inserts
    kinds = sorted(
        {
            f"{type(n).__name__}({n.kind}, keys={len(n.keys)}, residual={n.residual is not None})"
            for n in p.walk(planned.query.root)
            if isinstance(n, p.CorrelatedJoin)
        }
    )
    return elapsed, kinds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--outer", type=int, default=1_000_000)
    parser.add_argument("--inner", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        write_tables(folder, args.outer, args.inner)
        print(f"outer {args.outer:,} rows, inner {args.inner:,} rows")
        for name, insert in QUERIES.items():
            elapsed, kinds = run_query(folder, insert)
            print(f"{name:34} {elapsed:6.2f} s   {', '.join(kinds)}")
        start = time.perf_counter()
        big, small = (
            pl.scan_parquet(folder / "big.parquet"),
            pl.scan_parquet(folder / "small.parquet"),
        )
        big.join(small, on="k", how="semi").collect()
        print(f"{'Polars semi join (floor)':34} {time.perf_counter() - start:6.2f} s")


if __name__ == "__main__":
    main()
