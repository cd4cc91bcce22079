"""The engine benchmark: ML_PREDICT at the quota, side by side with a Flink-shaped baseline.

    .venv/bin/python bench/engine.py            # every scenario; writes BENCHMARKS.md
    .venv/bin/python bench/engine.py --quick    # smaller sizes, for a look (no file written)

Each run gets a fresh simulator process on a free loopback port (`bailian-assets simulate`), and
each client runs in its own process, so peak RSS is the client's alone. "ours" is the project's
ML_PREDICT operator (executor + client: pacer, batching, cache); the baseline is shaped like
Apache Flink's defaults: 10 requests in flight, one request per row (embeddings too), exponential
backoff on 429 and errors, a 30 s request timeout and Flink's 3-minute budget per row.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORDS = ["great", "terrible", "fine", "broken", "love", "slow", "perfect", "awful", "ok",
         "recommend", "refund", "nice", "boring", "fast", "cheap", "solid"]


@dataclass
class Scenario:
    name: str
    task: str  # chat | embedding
    rows: int
    rpm: float | None = None  # the simulator's quota
    latency_ms: float = 150.0
    limit_known: bool = True  # does the SQL set 'rate-limit.rpm'?
    faults: dict = field(default_factory=dict)
    baseline: str | None = "flink"  # flink | bare | None
    reuse_cache_of: str | None = None
    dimension: int = 512

    @property
    def floor(self) -> float | None:
        if not self.rpm:
            return None
        requests = self.rows if self.task == "chat" else -(-self.rows // 10)
        return requests / (self.rpm / 60)


def scenarios(quick: bool) -> list[Scenario]:
    scale = 0.25 if quick else 1.0

    def n(rows: int) -> int:
        return max(20, int(rows * scale))

    return [
        Scenario("1. known quota (6,000 RPM, 150 ms)", "chat", n(2000), rpm=6000),
        Scenario("2. unknown quota (1,200 RPM, no limit set)", "chat", n(600), rpm=1200,
                 limit_known=False),
        Scenario("3. embeddings (6,000 RPM)", "embedding", n(2000), rpm=6000),
        Scenario("4. re-run of 1 from the cache", "chat", n(2000), rpm=6000, baseline=None,
                 reuse_cache_of="1. known quota (6,000 RPM, 150 ms)"),
        Scenario("5. faults (5% 5xx, 2% slow, 1% dropped)", "chat", n(2000), rpm=6000,
                 faults={"error-rate": 0.05, "slow-rate": 0.02, "drop-rate": 0.01}),
        Scenario("6. overhead (no quota, no latency)", "chat", n(5000), latency_ms=0,
                 limit_known=False, baseline="bare"),
        Scenario("7. 100,000 embeddings in one partition", "embedding", n(100_000),
                 latency_ms=0, limit_known=False, baseline=None),
    ]


# ---------------------------------------------------------------- the parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_simulator(scenario: Scenario, port: int | None = None
                    ) -> tuple[subprocess.Popen, str]:
    port = port or free_port()
    command = [sys.executable, "-m", "bailian_assets.cli", "simulate", "--port", str(port),
               "--latency-ms", str(scenario.latency_ms), "--seed", "7"]
    if scenario.rpm:
        command += ["--rpm", str(scenario.rpm)]
    for flag, value in scenario.faults.items():
        command += [f"--{flag}", str(value)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                               text=True, cwd=ROOT)
    process.stdout.readline()
    return process, f"http://127.0.0.1:{port}"


def simulator_stats(url: str) -> dict:
    import httpx

    return httpx.get(url + "/simulator/stats", timeout=10).json()


def run_client(kind: str, scenario: Scenario, url: str, cache_dir: str) -> dict:
    """Run one client in a child process; returns its report plus peak RSS."""
    spec = json.dumps(scenario.__dict__)
    process = subprocess.Popen([sys.executable, __file__, "child", kind, spec, url, cache_dir],
                               stdout=subprocess.PIPE, text=True, cwd=ROOT)
    output = process.stdout.read()
    _, status, rusage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"{kind} client failed in {scenario.name}")
    report = json.loads(output.strip().splitlines()[-1])
    report["peak_rss_mb"] = rusage.ru_maxrss / 1024
    return report


def measure(scenario: Scenario, kind: str, reuse: dict) -> dict:
    """`reuse` remembers each scenario's cache folder and port: a re-run needs both (the
    endpoint, port included, is part of what the cache is keyed by)."""
    cache_dir, port = reuse.get(scenario.reuse_cache_of, (None, None)) if kind == "ours" \
        else (None, None)
    if cache_dir is None:
        cache_dir = tempfile.mkdtemp(prefix="bailian-bench-cache-")
    port = port or free_port()
    if kind == "ours":
        reuse[scenario.name] = (cache_dir, port)
    simulator, url = start_simulator(scenario, port)
    try:
        report = run_client(kind, scenario, url, cache_dir)
        stats = simulator_stats(url)
    finally:
        simulator.terminate()
        simulator.wait(timeout=10)
    report["requests"] = stats["requests"]
    report["throttled"] = stats["by_status"].get("429", 0)
    floor = scenario.floor
    report["floor"] = floor
    report["efficiency"] = floor / report["wall"] if floor else None
    return report


def row(scenario: Scenario, kind: str, r: dict) -> str:
    def f(value, spec):
        return "–" if value is None else format(value, spec)

    share = r["throttled"] / r["requests"] if r["requests"] else 0.0
    return (f"| {scenario.name} | {kind} | {r['rows']:,} | {r['wall']:.2f} | "
            f"{f(r['floor'], '.2f')} | {f(r['efficiency'], '.3f')} | {r['requests']:,} | "
            f"{r['throttled']:,} ({share:.1%}) | {r['retries']:,} | {r['lost']} | "
            f"{r['rows_per_s']:,.1f} | {r['peak_rss_mb']:.0f} |")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--only", help="run scenarios whose name starts with this")
    args = parser.parse_args()
    header = ("| scenario | client | rows | wall s | floor s | efficiency | requests | 429s | "
              "retries | rows lost | rows/s | peak RSS MB |\n"
              "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    lines = [header]
    print(header, flush=True)
    results: dict[tuple[str, str], dict] = {}
    reuse: dict[str, tuple[str, int]] = {}
    for scenario in scenarios(args.quick):
        if args.only and not scenario.name.startswith(args.only):
            continue
        for kind in ["ours"] + ([scenario.baseline] if scenario.baseline else []):
            report = measure(scenario, kind, reuse)
            results[(scenario.name[:2], kind)] = report
            lines.append(row(scenario, kind, report))
            print(lines[-1], flush=True)
    verdicts = targets(results)
    print("\n".join(verdicts))
    if not args.quick and not args.only:
        write_report(lines, verdicts)


def targets(results: dict) -> list[str]:
    out = []

    def check(label, ok, detail):
        out.append(f"- {'met' if ok else 'NOT met'}: {label} ({detail})")

    if ("1.", "ours") in results:
        r = results[("1.", "ours")]
        share = r["throttled"] / r["requests"]
        check("known quota efficiency >= 0.95 with 429s <= 1%",
              r["efficiency"] >= 0.95 and share <= 0.01,
              f"{r['efficiency']:.3f}, {share:.1%}")
    if ("2.", "ours") in results:
        r = results[("2.", "ours")]
        share = r["throttled"] / r["requests"]
        check("unknown quota efficiency >= 0.90 with 429s <= 10%",
              r["efficiency"] >= 0.90 and share <= 0.10, f"{r['efficiency']:.3f}, {share:.1%}")
    if ("3.", "ours") in results and ("3.", "flink") in results:
        ratio = results[("3.", "ours")]["rows_per_s"] / results[("3.", "flink")]["rows_per_s"]
        check("embeddings >= 8x the baseline's rows per second", ratio >= 8, f"{ratio:.1f}x")
    if ("4.", "ours") in results:
        r = results[("4.", "ours")]
        check("re-run sends 0 requests", r["requests"] == 0, f"{r['requests']} requests")
    if ("5.", "ours") in results:
        r = results[("5.", "ours")]
        check("faults: no row lost", r["lost"] == 0,
              f"{r['lost']} lost, {r['failed']} failed explicitly")
    if ("6.", "ours") in results and ("6.", "bare") in results:
        overhead = results[("6.", "ours")]["wall"] / results[("6.", "bare")]["wall"] - 1
        check("overhead against bare httpx <= 20%", overhead <= 0.20, f"{overhead:+.1%}")
    if ("7.", "ours") in results:
        r = results[("7.", "ours")]
        check("100,000 embedding rows with peak RSS under 1 GiB", r["peak_rss_mb"] < 1024,
              f"{r['peak_rss_mb']:.0f} MB")
    return out


def write_report(lines: list[str], verdicts: list[str]) -> None:
    path = ROOT / "BENCHMARKS.md"
    text = path.read_text() if path.exists() else "# Benchmarks\n"
    start = "<!-- engine:start -->"
    end = "<!-- engine:end -->"
    block = (f"{start}\n## Engine (`bench/engine.py`), {time.strftime('%Y-%m-%d')}\n\n"
             f"{os.cpu_count()} cores; simulator and each client in separate processes on "
             "loopback.\n\n" + "\n".join(lines) + "\n\nTargets:\n" + "\n".join(verdicts) +
             f"\n{end}")
    if start in text:
        text = text[: text.index(start)] + block + text[text.index(end) + len(end):]
    else:
        text = text.rstrip() + "\n\n" + block + "\n"
    path.write_text(text)


# ---------------------------------------------------------------- the children


def texts_for(scenario: Scenario) -> list[str]:
    rng = random.Random(3)
    return [f"review {i}: {' '.join(rng.choices(WORDS, k=4))}" for i in range(scenario.rows)]


def child_ours(scenario: Scenario, url: str, cache_dir: str) -> dict:
    os.environ["BAILIAN_BASE_URL"] = url
    os.environ["BAILIAN_CACHE_DIR"] = cache_dir
    import polars as pl

    from bailian_assets.client.backend import backend_from_env
    from bailian_assets.executor.ml_predict import client_factory, run_ml_predict
    from bailian_assets.planning import plan as p
    from bailian_assets.planning.project import load_source

    path = "embeddings" if scenario.task == "embedding" else "chat/completions"
    options = [f"'endpoint' = '{url}/compatible-mode/v1/{path}'", "'api-key' = 'sk-bench'",
               "'provider' = 'bailian'"]
    if scenario.task == "embedding":
        output = "`embedding` ARRAY<FLOAT>"
        options += ["'model' = 'text-embedding-v3'", f"'dimension' = '{scenario.dimension}'"]
    else:
        output = "`content` STRING"
        options += ["'model' = 'qwen-turbo'",
                    "'system-prompt' = 'Classify: [positive, negative, neutral, mixed].'"]
    if scenario.limit_known and scenario.rpm:
        options.append(f"'rate-limit.rpm' = '{scenario.rpm:g}'")
    sql = (f"CREATE MODEL m INPUT (`input` STRING) OUTPUT ({output}) WITH "
           f"({', '.join(options)});\n"
           "CREATE VIEW src (id, txt) AS VALUES (0, 'x');\n"
           "CREATE VIEW out AS SELECT * FROM ML_PREDICT(TABLE src, MODEL m, DESCRIPTOR(txt));")
    project = load_source(sql, "bench.sql")
    node = next(n for n in p.walk(project.views["out"].root) if isinstance(n, p.MlPredict))
    source = node.input
    columns = [f.column for f in source.fields]
    frame = pl.DataFrame({columns[0]: range(scenario.rows), columns[1]: texts_for(scenario)})
    started = time.perf_counter()
    result, usage = run_ml_predict(frame, node, client_factory(backend_from_env()))
    wall = time.perf_counter() - started
    output_column = node.output_fields[0].column
    answered = result.get_column(output_column).is_not_null().sum()
    in_order = result.get_column(columns[0]).to_list() == list(range(scenario.rows))
    lost = scenario.rows - answered - usage.rows_failed + (0 if in_order else scenario.rows)
    return {"rows": scenario.rows, "wall": wall, "retries": usage.retries, "lost": int(lost),
            "failed": usage.rows_failed, "rows_per_s": scenario.rows / wall}


def child_flink(scenario: Scenario, url: str) -> dict:
    """Flink's defaults: 10 in flight, a request per row, backoff on 429, 3 min per row."""
    import httpx

    path = "embeddings" if scenario.task == "embedding" else "chat/completions"
    texts = texts_for(scenario)
    retries = lost = 0

    def body(text):
        if scenario.task == "embedding":
            return {"model": "text-embedding-v3", "input": text, "dimensions": scenario.dimension}
        return {"model": "qwen-turbo", "messages": [
            {"role": "system", "content": "Classify: [positive, negative, neutral, mixed]."},
            {"role": "user", "content": text}]}

    async def main():
        nonlocal retries, lost
        semaphore = asyncio.Semaphore(10)
        async with httpx.AsyncClient(base_url=url, timeout=30,
                                     headers={"Authorization": "Bearer sk-bench"}) as client:
            async def one(text):
                nonlocal retries, lost
                async with semaphore:
                    deadline = time.monotonic() + 180
                    attempt = 0
                    while time.monotonic() < deadline:
                        try:
                            reply = await client.post(f"/compatible-mode/v1/{path}",
                                                      json=body(text))
                            if reply.status_code == 200:
                                reply.json()
                                return
                        except (httpx.HTTPError, ValueError):
                            pass
                        retries += 1
                        await asyncio.sleep(min(60, 0.5 * 2 ** attempt) * random.random())
                        attempt += 1
                    lost += 1

            await asyncio.gather(*[one(t) for t in texts])

    started = time.perf_counter()
    asyncio.run(main())
    wall = time.perf_counter() - started
    return {"rows": scenario.rows, "wall": wall, "retries": retries, "lost": lost,
            "failed": 0, "rows_per_s": scenario.rows / wall}


def child_bare(scenario: Scenario, url: str) -> dict:
    """The same requests as ours, from a bare httpx loop: no pacing, retries, cache, Polars."""
    import httpx

    texts = texts_for(scenario)

    async def main():
        limits = httpx.Limits(max_connections=128, max_keepalive_connections=128)
        async with httpx.AsyncClient(base_url=url, limits=limits, timeout=30,
                                     headers={"Authorization": "Bearer sk-bench"}) as client:
            queue = list(reversed(texts))

            async def worker():
                while queue:
                    text = queue.pop()
                    reply = await client.post("/compatible-mode/v1/chat/completions", json={
                        "model": "qwen-turbo", "messages": [
                            {"role": "system",
                             "content": "Classify: [positive, negative, neutral, mixed]."},
                            {"role": "user", "content": text}]})
                    reply.json()

            await asyncio.gather(*[worker() for _ in range(128)])

    started = time.perf_counter()
    asyncio.run(main())
    wall = time.perf_counter() - started
    return {"rows": scenario.rows, "wall": wall, "retries": 0, "lost": 0, "failed": 0,
            "rows_per_s": scenario.rows / wall}


def child(kind: str, spec: str, url: str, cache_dir: str) -> None:
    scenario = Scenario(**json.loads(spec))
    if kind == "ours":
        report = child_ours(scenario, url, cache_dir)
    elif kind == "flink":
        report = child_flink(scenario, url)
    else:
        report = child_bare(scenario, url)
    print(json.dumps(report))


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "child":
        child(*sys.argv[2:6])
    else:
        main()
