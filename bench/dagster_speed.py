"""Dagster against the command line: the same SQL file's job, every answer already cached.

    .venv/bin/python bench/dagster_speed.py            # 3 rounds; prints the BENCHMARKS.md section
    .venv/bin/python bench/dagster_speed.py --rounds 1

Everything runs in a scratch folder (DAGSTER_HOME, response cache, output, HOME), and the model
calls go to the Bailian simulator served on a loopback port (`bailian-assets simulate`): one
warm-up run of each file fills the cache, so the timed runs send nothing. Measured, as a user
runs them, each a fresh process:

- `bailian-assets run FILE.sql`;
- `dg launch -f noop.py --assets noop`: Dagster's own fixed start-up (dg, Dagster's imports,
  the instance, one run of one asset that returns a number, in the run's process);
- `dg launch --assets group:G`, its steps in the run's process (the project's default) and with
  a process per step (`multiprocess`, Dagster's default before).

For each Dagster run, the run's own time (RUN_START to the end, from the instance) and its
steps' are read back from the scratch DAGSTER_HOME. The target (issue 13): a cached
`product_search` materialization within 2x of the command line plus Dagster's fixed start-up.
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
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
MULTIPROCESS = json.dumps({"execution": {"config": {"multiprocess": {}}}})
NOOP = """\
import dagster as dg


@dg.asset
def noop() -> int:
    return 1


# its step in the run's process, as the project's: the start-up, not a step process's
defs = dg.Definitions(assets=[noop], executor=dg.in_process_executor)
"""


@dataclass
class Timing:
    wall: list[float] = field(default_factory=list)
    in_run: list[float] = field(default_factory=list)
    steps: list[float] = field(default_factory=list)

    @staticmethod
    def median(values: list[float]) -> str:
        return f"{statistics.median(values):.2f}" if values else "-"


class Bench:
    def __init__(self, scratch: Path, base_url: str):
        self.scratch = scratch
        self.home = scratch / "dagster_home"
        self.home.mkdir()
        (self.home / "dagster.yaml").write_text("", encoding="utf-8")
        (scratch / "noop.py").write_text(NOOP, encoding="utf-8")
        self.env = {
            "PATH": f"{BIN}:/usr/bin:/bin",
            "HOME": str(scratch / "home"),
            "XDG_CACHE_HOME": str(scratch / "home" / ".cache"),
            "BAILIAN_CACHE_DIR": str(scratch / "cache"),
            "BAILIAN_OUTPUT_DIR": str(scratch / "output"),
            "BAILIAN_BASE_URL": base_url,
            "DAGSTER_HOME": str(self.home),
        }

    def timed(self, command: list[str]) -> float:
        start = time.perf_counter()
        done = subprocess.run(
            command, cwd=ROOT, env=self.env, capture_output=True, text=True, timeout=900
        )
        wall = time.perf_counter() - start
        if done.returncode != 0:
            sys.exit(f"{' '.join(command)} failed:\n{done.stderr[-4000:]}")
        return wall

    def cli(self, file: str, timing: Timing) -> None:
        timing.wall.append(self.timed([str(BIN / "bailian-assets"), "run", file]))

    def dagster(self, launch: list[str], timing: Timing) -> None:
        timing.wall.append(self.timed([str(BIN / "dg"), "launch", *launch]))
        in_run, steps = self.last_run()
        timing.in_run.append(in_run)
        timing.steps.append(steps)

    def last_run(self) -> tuple[float, float]:
        """The last run's own time and its steps' total, from the scratch instance."""
        import dagster as dg

        with dg.DagsterInstance.from_config(str(self.home)) as instance:
            run = instance.get_runs(limit=1)[0]
            stats = instance.get_run_stats(run.run_id)
            steps = instance.get_run_step_stats(run.run_id)
        return (
            stats.end_time - stats.start_time,
            sum((s.end_time or 0) - (s.start_time or 0) for s in steps),
        )


def serve_simulator(scratch: Path) -> tuple[subprocess.Popen, str]:
    """`bailian-assets simulate` on a free loopback port; its URL."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [str(BIN / "bailian-assets"), "simulate", "--port", str(port)],
        stdout=subprocess.PIPE,
        text=True,
        env={"PATH": "/usr/bin:/bin", "HOME": str(scratch / "home")},
    )
    line = server.stdout.readline()
    if "listening" not in line:
        server.kill()
        sys.exit(f"the simulator did not start: {line}")
    return server, f"http://127.0.0.1:{port}"


def measure(bench: Bench, rounds: int) -> dict[str, Timing]:
    files = {
        "product_search": "sql/product_search.sql",
        "movie_sentiment": "sql/movie_sentiment.sql",
    }
    timings = {
        name: Timing()
        for name in (
            "noop",
            *(f"{g} {how}" for g in files for how in ("cli", "in_process", "multiprocess")),
        )
    }
    for file in files.values():
        bench.cli(file, Timing())  # warm-up: fills the response cache
    # warm-up: the scratch DAGSTER_HOME's databases are created by its first run
    bench.dagster(["-f", str(bench.scratch / "noop.py"), "--assets", "noop"], Timing())
    for round_ in range(rounds):
        bench.dagster(["-f", str(bench.scratch / "noop.py"), "--assets", "noop"], timings["noop"])
        for group, file in files.items():
            bench.cli(file, timings[f"{group} cli"])
            bench.dagster(["--assets", f"group:{group}"], timings[f"{group} in_process"])
            bench.dagster(
                ["--assets", f"group:{group}", "--config-json", MULTIPROCESS],
                timings[f"{group} multiprocess"],
            )
        print(f"round {round_ + 1}/{rounds} done", file=sys.stderr)
    return timings


def report(timings: dict[str, Timing], rounds: int) -> str:
    median = Timing.median
    noop = statistics.median(timings["noop"].wall)
    lines = [
        f"## Dagster against the command line (`bench/dagster_speed.py`), "
        f"{time.strftime('%Y-%m-%d')}",
        "",
        f"Every answer cached; median of {rounds} rounds, seconds; load average at the "
        f"end {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores.",
        "",
        "| job | how | wall | run (RUN_START to end) | steps | target: 2 x cli + fixed |",
        "|---|---|---:|---:|---:|---:|",
        f"| one no-op asset | `dg launch` (Dagster's fixed start-up) | {noop:.2f} | "
        f"{median(timings['noop'].in_run)} | {median(timings['noop'].steps)} | |",
    ]
    for group in ("product_search", "movie_sentiment"):
        cli = statistics.median(timings[f"{group} cli"].wall)
        target = 2 * cli + noop
        lines.append(f"| {group} | `bailian-assets run` | {cli:.2f} | | | |")
        for how in ("in_process", "multiprocess"):
            t = timings[f"{group} {how}"]
            wall = statistics.median(t.wall)
            verdict = "met" if wall <= target else "missed"
            lines.append(
                f"| {group} | `dg launch`, {how} | {wall:.2f} | {median(t.in_run)} | "
                f"{median(t.steps)} | {target:.2f} ({verdict}) |"
            )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="dagster-speed-") as folder:
        scratch = Path(folder)
        server, url = serve_simulator(scratch)
        try:
            timings = measure(Bench(scratch, url), args.rounds)
        finally:
            server.terminate()
            server.wait(timeout=30)
    print(report(timings, args.rounds))
    return 0


if __name__ == "__main__":
    sys.exit(main())
