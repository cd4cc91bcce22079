"""TPC-H at scale factor 1: the 22 queries through bailian-assets, Polars' own SQL engine and
DuckDB, in the same run, each query of each engine in its own process (so its peak RSS is its
own), the engines taking turns query by query (a shared machine's load falls on all three).

    .venv/bin/python bench/tpch.py                       # SF 1 under .bench/tpch (git-ignored)
    .venv/bin/python bench/tpch.py --data /tmp/tpch-sf1  # another cache folder
    .venv/bin/python bench/tpch.py --queries q01,q06 --repeat 3

The data (`tpchgen-cli parquet -s SF --parts 1`, the `test` extra) is generated once into
`<data>/sf<SF>/` and reused. The queries are tests/tpch/queries/qNN.sql over the tables of
tests/tpch/tables.sql, run as `bailian-assets run` runs them (planned from the SQL files, then
run; our time includes planning). Polars' `pl.SQLContext` reads the same Parquet lazily
(`scan_parquet`) and runs the same text (backticks made double quotes); DuckDB (the `bench`
extra) reads it through views. A query an engine cannot run is reported with its error. Each
time is the best of `--repeat` runs. The last columns are our time over Polars SQL's and over
DuckDB's; the issue's target is every ratio to Polars SQL within 1.5 and our peak RSS under
4 GiB. With `--rounds N`, each query runs in N processes per engine, the engines taking turns
process by process (a burst of load on the machine falls on all of them), and the best run of
all counts.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TPCH = ROOT / "tests" / "tpch"
TABLES = ("nation", "region", "part", "supplier", "partsupp", "customer", "orders", "lineitem")
ENGINES = ("ours", "polars-sql", "duckdb")


def generate(data: Path, scale: str) -> Path:
    """`<data>/sf<scale>/<table>/<table>.1.parquet`, generated unless already there."""
    folder = data / f"sf{scale}"
    if all((folder / t / f"{t}.1.parquet").is_file() for t in TABLES):
        return folder  # tpchgen-cli renames each file into place when it is complete
    tpchgen = Path(sys.executable).parent / "tpchgen-cli"
    started = time.perf_counter()
    command = [str(tpchgen), "parquet", "-s", scale, "--parts", "1", "-o", str(folder)]
    command.append("--overwrite")  # what an interrupted run left
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    print(f"generated SF {scale} in {time.perf_counter() - started:.0f} s: {folder}", flush=True)
    return folder


def query_text(name: str) -> list[str]:
    """The query's statements (Q15: the view, then the SELECT), comment lines dropped."""
    lines = (TPCH / "queries" / f"{name}.sql").read_text(encoding="utf-8").splitlines()
    text = "\n".join(line for line in lines if not line.lstrip().startswith("--"))
    return [s.strip() for s in text.split(";") if s.strip()]


# ------------------------------------------------------------------ one engine, in a child


def run_ours(name: str, folder: Path) -> int:
    from bailian_assets.backends import simulated_backend
    from bailian_assets.executor.runner import run_project
    from bailian_assets.planning.project import load_project
    from bailian_assets.simulator.service import BailianSimulator

    environ = {"TPCH_DATA": str(folder), "TPCH_FORMAT": "parquet"}
    project = load_project([TPCH / "tables.sql", TPCH / "queries" / f"{name}.sql"], environ)
    result = run_project(project, simulated_backend(BailianSimulator()), lambda _t, _l: None)
    return result.sinks[project.selects[0].name].height


def polars_context(folder: Path):
    import polars as pl

    frames = {t: pl.scan_parquet(folder / t / f"{t}.1.parquet") for t in TABLES}
    return pl.SQLContext(frames=frames)


def run_polars(name: str, folder: Path) -> int:
    context = polars_context(folder)
    *views, query = [s.replace("`", '"') for s in query_text(name)]
    for view in views:  # CREATE TEMPORARY VIEW v AS q: registered as a lazy frame
        head, _, body = view.partition(" AS")
        context.register(head.split()[-1], context.execute(body))
    return context.execute(query, eager=False).collect().height


def run_duckdb(name: str, folder: Path) -> int:
    import duckdb

    con = duckdb.connect()
    for t in TABLES:
        con.execute(f"CREATE VIEW {t} AS SELECT * FROM '{folder / t}/*.parquet'")
    *views, query = [s.replace("`", '"') for s in query_text(name)]
    for view in views:
        con.execute(view)
    return len(con.execute(query).fetchall())


WARM_UP = {
    "ours": ["bailian_assets.executor.runner", "bailian_assets.planning.project"],
    "polars-sql": ["polars"],
    "duckdb": ["duckdb"],
}
RUNNERS = {"ours": run_ours, "polars-sql": run_polars, "duckdb": run_duckdb}


def child(engine: str, queries: list[str], folder: Path, repeat: int) -> None:
    """Run the queries with one engine; one JSON line per query, then the peak RSS. The
    engine's modules are imported first, outside the timings."""
    for module in WARM_UP[engine]:
        __import__(module)
    for name in queries:
        best, rows, error = None, None, None
        for _ in range(repeat):
            started = time.perf_counter()
            try:
                rows = RUNNERS[engine](name, folder)
            except Exception as caught:  # an engine that cannot run a query: reported
                error = f"{type(caught).__name__}: {str(caught).splitlines()[0][:120]}"
                break
            took = time.perf_counter() - started
            best = took if best is None else min(best, took)
        print(json.dumps({"query": name, "seconds": best, "rows": rows, "error": error}))
        sys.stdout.flush()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # KiB on Linux
    print(json.dumps({"peak_rss": peak}), flush=True)


# ------------------------------------------------------------------ the parent: a table


def measure(engine: str, name: str, folder: Path, repeat: int) -> dict:
    """One query through one engine in a child process: its record, with the child's peak RSS."""
    command = [sys.executable, __file__, "--child", engine, "--data-folder", str(folder)]
    command += ["--queries", name, "--repeat", str(repeat)]
    proc = subprocess.run(command, stdout=subprocess.PIPE, text=True, cwd=ROOT, check=False)
    found: dict = {"query": name, "seconds": None, "error": f"exit status {proc.returncode}"}
    for line in proc.stdout.splitlines():
        found.update(json.loads(line))
    shown = f"{found['seconds']:.2f} s" if found["seconds"] else found["error"]
    print(f"  {name} {engine:<10} {shown}", file=sys.stderr, flush=True)
    return found


def best_of(earlier: dict | None, found: dict) -> dict:
    """The faster of two records of one query and engine, with the larger peak RSS of the
    two (an error in either is kept)."""
    if earlier is None:
        return found
    for record in (earlier, found):
        if record.get("error") and not record.get("seconds"):
            return record
    best = dict(found if found["seconds"] < earlier["seconds"] else earlier)
    best["peak_rss"] = max(earlier.get("peak_rss", 0), found.get("peak_rss", 0))
    return best


LABELS = {"ours": "ours", "polars-sql": "Polars SQL", "duckdb": "DuckDB"}


def report(results: dict[str, dict[str, dict]], queries: list[str], engines: list[str]) -> str:
    """A Markdown table of the engines run: seconds per engine, our ratios to the others, our
    peak RSS per query; then each engine's peak RSS and what it could not run."""
    others = [e for e in engines if e != "ours"] if "ours" in engines else []
    header = [f"{LABELS[e]} (s)" for e in engines] + [f"ours / {LABELS[e]}" for e in others]
    peak_column = ["ours peak RSS (GiB)"] if "ours" in engines else []
    lines = [
        "| query | " + " | ".join(header + peak_column) + " |",
        "|---|" + "---:|" * (len(header) + len(peak_column)),
    ]
    for name in queries:
        times = {e: results[e].get(name, {}).get("seconds") for e in engines}
        cells = [f"{times[e]:.2f}" if times[e] else "fails" for e in engines]
        ours = times.get("ours")
        cells += [f"{ours / times[e]:.2f}" if ours and times[e] else "-" for e in others]
        if peak_column:
            cells.append(f"{results['ours'].get(name, {}).get('peak_rss', 0) / 2**30:.2f}")
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    both = [q for q in queries if all(results[e].get(q, {}).get("seconds") for e in engines)]
    totals = {e: sum(results[e][q]["seconds"] for q in both) for e in engines}
    ratios = [f"{totals['ours'] / totals[e]:.2f}" if both else "" for e in others]
    cells = [f"{totals[e]:.2f}" for e in engines] + ratios + [""] * len(peak_column)
    lines.append(f"| total of the {len(both)} all run | " + " | ".join(cells) + " |")
    lines.append("")
    for e in engines:
        peak = max((r.get("peak_rss", 0) for r in results[e].values()), default=0)
        lines.append(f"- {e}: peak RSS {peak / 2**30:.2f} GiB (the largest of its queries)")
    for e in engines:
        for q in queries:
            error = results[e].get(q, {}).get("error")
            if error:
                lines.append(f"- {e} cannot run {q}: {error}")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT / ".bench" / "tpch", help="cache folder")
    parser.add_argument("--scale", default="1", help="TPC-H scale factor (default 1)")
    parser.add_argument("--queries", default="", help="q01,q02,... (default: all 22)")
    parser.add_argument("--repeat", type=int, default=1, help="runs per query; the best counts")
    parser.add_argument(
        "--rounds", type=int, default=1, help="processes per query and engine, taking turns"
    )
    parser.add_argument("--engines", default=",".join(ENGINES), help="engines to run")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--data-folder", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    queries = args.queries.split(",") if args.queries else [f"q{n:02}" for n in range(1, 23)]
    if args.child:
        child(args.child, queries, args.data_folder, args.repeat)
        return 0
    folder = generate(args.data.resolve(), args.scale)  # the SQL reads it from tests/tpch/
    print(f"load: {os.getloadavg()[0]:.1f} (1 min) at the start", flush=True)
    engines = [e for e in ENGINES if e in args.engines.split(",")]
    results: dict[str, dict[str, dict]] = {e: {} for e in engines}
    for name in queries:
        for _ in range(args.rounds):  # the engines take turns round by round
            for engine in engines:
                found = measure(engine, name, folder, args.repeat)
                results[engine][name] = best_of(results[engine].get(name), found)
    print(f"load: {os.getloadavg()[0]:.1f} (1 min) at the end\n")
    print(report(results, queries, engines))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
