"""The memory benchmark: a partition-filtered aggregate of a large partitioned parquet table,
through our engine and as the equivalent hand-written Polars lazy query.

    .venv/bin/python bench/memory.py                      # 20M rows in 10 days (about 1 GB)
    .venv/bin/python bench/memory.py --rows 2000000       # smaller, for a look
    .venv/bin/python bench/memory.py --before /work/main  # also another checkout's engine

The table (`events`: user_id, category, amount, note; partitioned by `dt`, one parquet file per
day) is generated once into a scratch folder (`--scratch`, default a folder under the system's
temporary one, kept for the next run), with a tiny twin (10 rows a day) of the same layout.
Each measurement is a fresh process (`os.wait4` gives its own peak RSS and CPU time), run
`--repeat` times, the median kept. The parent stays small (the data is generated in a child of
its own), since Linux counts a parent's RSS at fork time in the child's peak:

- ours: `bailian-assets run`'s path (`load_project` + `run_project`, simulated backend) on
  `INSERT INTO totals SELECT category, COUNT(*), SUM(amount) FROM events WHERE dt = '<day>'
  GROUP BY category` into a blackhole sink; it also reports which data files were read;
- polars: `pl.scan_parquet(folder + '/**/*.parquet', hive_schema={'dt': pl.String})
  .filter(pl.col('dt') == day).group_by('category').agg(...).collect(engine='streaming')`.

Both run on the big table and on the tiny one; "extra" is the big run's peak RSS minus the tiny
run's (what the data costs, without the imports). The answers of the two are compared.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DAYS_START = "2025-01-01"
CATEGORIES = ["books", "games", "garden", "music", "tools", "toys", "food", "sport"]

SQL = """
CREATE TABLE events (
  user_id BIGINT, category STRING, amount DOUBLE, note STRING, dt STRING
) PARTITIONED BY (dt) WITH ('connector' = 'filesystem', 'path' = '{path}', 'format' = 'parquet');
CREATE TABLE totals (category STRING, orders BIGINT, revenue DOUBLE)
  WITH ('connector' = 'blackhole');
INSERT INTO totals
SELECT category, COUNT(*), SUM(amount) FROM events WHERE dt = '{day}' GROUP BY category;
"""

# ------------------------------------------------------------------ the children

OURS = r"""
import json, sys, time
import bailian_assets
from bailian_assets import load_project, run_project, simulated_backend
from bailian_assets.executor import filesystem

read = []
try:
    original = filesystem.read_batches  # count the data files the engine opens
    def counting(table, file, columns):
        read.append(str(file))
        return original(table, file, columns)
    filesystem.read_batches = counting
except AttributeError:
    pass  # an engine from before lazy scans (--before): files not counted
start = time.perf_counter()
project = load_project([sys.argv[1]])
result = run_project(project, simulated_backend(), lambda table, line: None)
rows = sorted(result.sinks["totals"].rows())
print(json.dumps({"rows": rows, "files": read, "query": time.perf_counter() - start,
                  "code": bailian_assets.__file__}))
"""

POLARS = r"""
import json, sys, time
import polars as pl
folder, day = sys.argv[1], sys.argv[2]
start = time.perf_counter()
frame = (pl.scan_parquet(folder + "/**/*.parquet", hive_schema={"dt": pl.String})
         .filter(pl.col("dt") == day)
         .group_by("category")
         .agg(pl.len().alias("orders"), pl.col("amount").sum().alias("revenue"))
         .collect(engine="streaming"))
print(json.dumps({"rows": sorted(frame.rows()), "files": None,
                  "query": time.perf_counter() - start, "code": pl.__file__}))
"""


def measure(code: str, args: list[str], python: str, env: dict, cwd: Path) -> dict:
    """Run `code` in a fresh process: wall time, CPU time, peak RSS (MB), its JSON answer.
    (In `cwd`, not a checkout: `python -c` imports from the current folder first.)"""
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        child = subprocess.Popen([python, "-c", code, *args], stdout=out, env=env, cwd=cwd)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        text = out.read().decode()
    if child.returncode != 0:
        raise SystemExit(f"a measured child failed ({child.returncode}): {text[-2000:]}")
    answer = json.loads(text.strip().splitlines()[-1])
    return {
        "wall": wall,
        "cpu": usage.ru_utime + usage.ru_stime,
        "rss_mb": usage.ru_maxrss / 1024,
        "answer": answer,
    }


def median_of(runs: list[dict]) -> dict:
    return {
        "wall": statistics.median(r["wall"] for r in runs),
        "query": statistics.median(r["answer"]["query"] for r in runs),
        "cpu": statistics.median(r["cpu"] for r in runs),
        "rss_mb": statistics.median(r["rss_mb"] for r in runs),
        "answer": runs[0]["answer"],
    }


# ------------------------------------------------------------------ the data


def generate(folder: Path, rows: int, days: int, seed: int = 7) -> None:
    """`rows` rows over `days` partition folders `dt=YYYY-MM-DD/part-0.parquet` (written
    once; a `.complete` file marks a finished table)."""
    import numpy as np
    import polars as pl

    if (folder / ".complete").exists():
        return
    folder.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(seed)
    per_day = rows // days
    dates = pl.date_range(
        pl.lit(DAYS_START).str.to_date(),
        pl.lit(DAYS_START).str.to_date() + pl.duration(days=days - 1),
        eager=True,
    )
    for day in dates:
        frame = pl.DataFrame(
            {
                "user_id": rng.integers(0, 1_000_000, per_day),
                "category": pl.Series(rng.integers(0, len(CATEGORIES), per_day)).replace_strict(
                    dict(enumerate(CATEGORIES)), return_dtype=pl.String
                ),
                "amount": rng.gamma(2.0, 20.0, per_day).round(2),
                "note": pl.Series(rng.integers(0, 10_000, per_day)).cast(pl.String).str.zfill(12),
            }
        )
        part = folder / f"dt={day}"
        part.mkdir(exist_ok=True)
        frame.write_parquet(part / "part-0.parquet")
    (folder / ".complete").write_text(f"{rows} rows, {days} days\n")


def write_sql(scratch: Path, name: str, table: Path, day: str) -> Path:
    sql = scratch / f"{name}.sql"
    sql.write_text(SQL.format(path=table, day=day))
    return sql


# ------------------------------------------------------------------ the run


def run(args) -> dict:
    scratch = Path(args.scratch)
    big, tiny = scratch / f"events-{args.rows}-{args.days}", scratch / f"events-tiny-{args.days}"
    started = time.perf_counter()
    for folder, rows in ((big, args.rows), (tiny, 10 * args.days)):
        # in a process of its own: a child's peak RSS counts the parent's at fork time
        subprocess.run(
            [
                sys.executable,
                __file__,
                "--generate",
                str(folder),
                "--rows",
                str(rows),
                "--days",
                str(args.days),
            ],
            check=True,
        )
    print(f"data ready in {time.perf_counter() - started:.1f} s: {big}", file=sys.stderr)
    day = _day(args.days // 2)
    env = {k: v for k, v in os.environ.items() if not k.startswith("BAILIAN_")}
    env["BAILIAN_CACHE_DIR"] = str(scratch / "cache")
    engines = {
        "ours": (OURS, sys.executable, str(ROOT)),
        "polars": (POLARS, sys.executable, str(ROOT)),
    }
    if args.before:
        before = Path(args.before).resolve()
        python = before / ".venv" / "bin" / "python"
        engines["before"] = (OURS, str(python if python.exists() else sys.executable), str(before))
    results = {}
    for name, (code, python, path) in engines.items():
        for label, table in (("big", big), ("tiny", tiny)):
            child_env = {**env, "PYTHONPATH": path}
            argv = (
                [str(write_sql(scratch, f"{name}-{label}", table, day))]
                if code is OURS
                else [str(table), day]
            )
            runs = [measure(code, argv, python, child_env, scratch) for _ in range(args.repeat)]
            results[f"{name}/{label}"] = median_of(runs)
            got = results[f"{name}/{label}"]
            print(
                f"{name:7} {label:5} {got['wall']:7.2f} s {got['query']:7.2f} s "
                f"{got['rss_mb']:8.1f} MB  ({got['answer']['code']})",
                file=sys.stderr,
            )
    return {"rows": args.rows, "days": args.days, "day": day, "table": str(big), "results": results}


def _day(index: int) -> str:
    import datetime as dt

    return str(dt.date.fromisoformat(DAYS_START) + dt.timedelta(days=index))


def report(outcome: dict) -> str:
    results = outcome["results"]
    lines = [
        f"{outcome['rows']:,} rows in {outcome['days']} daily partitions (parquet); "
        f"`WHERE dt = '{outcome['day']}'`, grouped by category. Median of the runs; "
        "peak RSS of each fresh process; extra = big table minus tiny table.",
        "",
        "| engine | process time (s) | query time (s) | peak RSS (MB) | "
        "extra over tiny table (MB) | files read |",
        "|---|---|---|---|---|---|",
    ]
    for name in ("ours", "before", "polars"):
        if f"{name}/big" not in results:
            continue
        big, tiny = results[f"{name}/big"], results[f"{name}/tiny"]
        files = big["answer"]["files"]
        shown = "-" if not files else f"{len(files)}"
        lines.append(
            f"| {name} | {big['wall']:.2f} | {big['query']:.2f} | {big['rss_mb']:.0f} | "
            f"{big['rss_mb'] - tiny['rss_mb']:.0f} | {shown} |"
        )
    ours, polars = results["ours/big"], results["polars/big"]
    same = _same(ours["answer"]["rows"], polars["answer"]["rows"])
    lines += [
        "",
        f"peak RSS ours / polars: {ours['rss_mb'] / polars['rss_mb']:.2f} "
        f"(target at most 1.5); query time ours / polars: "
        f"{ours['query'] / polars['query']:.2f}; "
        f"same answers: {same}",
    ]
    files = ours["answer"]["files"] or []
    wanted = f"dt={outcome['day']}"
    lines.append(
        f"ours read {len(files)} file(s), all in {wanted}: "
        f"{bool(files) and all(wanted in f for f in files)}"
    )
    return "\n".join(lines)


def _same(left: list, right: list) -> bool:
    if len(left) != len(right):
        return False
    return all(
        a[0] == b[0] and a[1] == b[1] and abs(a[2] - b[2]) <= 1e-6 * max(1, abs(b[2]))
        for a, b in zip(left, right, strict=False)
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=20_000_000)
    parser.add_argument("--days", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--scratch", default=str(Path(tempfile.gettempdir()) / "bailian-bench"))
    parser.add_argument("--before", help="another checkout whose engine to measure too")
    parser.add_argument("--json", help="also write the figures here")
    parser.add_argument("--generate", help=argparse.SUPPRESS)  # the data, in a child
    args = parser.parse_args()
    if args.generate:
        generate(Path(args.generate), args.rows, args.days)
        return
    outcome = run(args)
    if args.json:
        Path(args.json).write_text(json.dumps(outcome, indent=1))
    print(report(outcome))


if __name__ == "__main__":
    main()
