"""The engine benchmark: ML_PREDICT at the quota, side by side with a Flink-shaped baseline.

    .venv/bin/python bench/engine.py            # every scenario; writes BENCHMARKS.md
    .venv/bin/python bench/engine.py --only 8,9 # packing only; writes its section
    .venv/bin/python bench/engine.py --quick    # smaller sizes, for a look (no file written)

Each run gets a fresh simulator process on a free loopback port (`bailian-assets simulate`), and
each client runs in its own process, so peak RSS is the client's alone. "ours" is the project's
ML_PREDICT operator (executor + client: pacer, batching, cache); the baseline is shaped like
Apache Flink's defaults: 10 requests in flight, one request per row (embeddings too), exponential
backoff on 429 and errors, a 30 s request timeout and Flink's 3-minute budget per row.

Packing (scenarios 8 and 9): the same ML_PREDICT with 'batch-size' = '20' side by side with one
row per request ("ours, 1 row/request"), on 2,000 short reviews in Chinese and English, under a
classifier's system prompt of realistic length. Before each packed run, the child asks
`estimate_project` (what `bailian-assets plan` prints) for its figures, which are compared with
what the run then used; every packed label is compared with the unpacked run's for its row.
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
WORDS = [
    "great",
    "terrible",
    "fine",
    "broken",
    "love",
    "slow",
    "perfect",
    "awful",
    "ok",
    "recommend",
    "refund",
    "nice",
    "boring",
    "fast",
    "cheap",
    "solid",
]


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
    batch_size: str | None = None  # 'batch-size' of the chat model ("ours" only)
    texts: str = "words"  # words | reviews

    @property
    def floor(self) -> float | None:
        if not self.rpm:
            return None
        per_request = 10 if self.task == "embedding" else int(self.batch_size or 1)
        requests = -(-self.rows // per_request)
        return requests / (self.rpm / 60)


def scenarios(quick: bool) -> list[Scenario]:
    scale = 0.25 if quick else 1.0

    def n(rows: int) -> int:
        return max(20, int(rows * scale))

    return [
        Scenario("1. known quota (6,000 RPM, 150 ms)", "chat", n(2000), rpm=6000),
        Scenario(
            "2. unknown quota (1,200 RPM, no limit set)",
            "chat",
            n(600),
            rpm=1200,
            limit_known=False,
        ),
        Scenario("3. embeddings (6,000 RPM)", "embedding", n(2000), rpm=6000),
        Scenario(
            "4. re-run of 1 from the cache",
            "chat",
            n(2000),
            rpm=6000,
            baseline=None,
            reuse_cache_of="1. known quota (6,000 RPM, 150 ms)",
        ),
        Scenario(
            "5. faults (5% 5xx, 2% slow, 1% dropped)",
            "chat",
            n(2000),
            rpm=6000,
            faults={"error-rate": 0.05, "slow-rate": 0.02, "drop-rate": 0.01},
        ),
        Scenario(
            "6. overhead (no quota, no latency)",
            "chat",
            n(5000),
            latency_ms=0,
            limit_known=False,
            baseline="bare",
        ),
        Scenario(
            "7. 100,000 embeddings in one partition",
            "embedding",
            n(100_000),
            latency_ms=0,
            limit_known=False,
            baseline=None,
        ),
        Scenario(
            PACKED,
            "chat",
            n(2000),
            rpm=600,
            latency_ms=300,
            baseline="unpacked",
            batch_size="20",
            texts="reviews",
        ),
        Scenario(
            PACKED_FAULTS,
            "chat",
            n(2000),
            rpm=600,
            latency_ms=300,
            baseline=None,
            batch_size="20",
            texts="reviews",
            faults={"packed-fault-rate": 0.05},
        ),
    ]


PACKED = "8. packing 20 rows (600 RPM, 300 ms)"
PACKED_FAULTS = "9. packing with 5% of packed answers faulty"
# A classifier's prompt as written for production (about 110 tokens): the part of every
# unpacked request that packing sends once per 20 rows.
REVIEW_PROMPT = (
    "You are a customer-review classifier for an e-commerce platform. Read the review and "
    "decide its overall sentiment. Answer with exactly one label from [positive, negative, "
    "neutral, mixed]: positive when the customer is satisfied, negative when they complain "
    "or ask for a refund, neutral when they only state facts, mixed when they praise one "
    "thing and criticise another. Reviews may be written in Chinese or English. Output only "
    "the label, with no explanation."
)


# ---------------------------------------------------------------- the parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_simulator(scenario: Scenario, port: int | None = None) -> tuple[subprocess.Popen, str]:
    port = port or free_port()
    command = [
        sys.executable,
        "-m",
        "bailian_assets.cli",
        "simulate",
        "--port",
        str(port),
        "--latency-ms",
        str(scenario.latency_ms),
        "--seed",
        "7",
    ]
    if scenario.rpm:
        command += ["--rpm", str(scenario.rpm)]
    for flag, value in scenario.faults.items():
        command += [f"--{flag}", str(value)]
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, cwd=ROOT
    )
    process.stdout.readline()
    return process, f"http://127.0.0.1:{port}"


def simulator_stats(url: str) -> dict:
    import httpx

    return httpx.get(url + "/simulator/stats", timeout=10).json()


def run_client(kind: str, scenario: Scenario, url: str, cache_dir: str) -> dict:
    """Run one client in a child process; returns its report plus peak RSS."""
    spec = json.dumps(scenario.__dict__)
    process = subprocess.Popen(
        [sys.executable, __file__, "child", kind, spec, url, cache_dir],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
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
    cache_dir, port = (
        reuse.get(scenario.reuse_cache_of, (None, None)) if kind == "ours" else (None, None)
    )
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
    report["packed_faults"] = sum(v for k, v in stats["faults"].items() if k.startswith("packed_"))
    if kind == "unpacked":
        scenario = Scenario(**{**scenario.__dict__, "batch_size": None})
    floor = scenario.floor
    report["floor"] = floor
    report["efficiency"] = floor / report["wall"] if floor else None
    return report


def row(scenario: Scenario, kind: str, r: dict) -> str:
    def f(value, spec):
        return "–" if value is None else format(value, spec)

    share = r["throttled"] / r["requests"] if r["requests"] else 0.0
    shown = "ours, 1 row/request" if kind == "unpacked" else kind
    return (
        f"| {scenario.name} | {shown} | {r['rows']:,} | {r['wall']:.2f} | "
        f"{f(r['floor'], '.2f')} | {f(r['efficiency'], '.3f')} | {r['requests']:,} | "
        f"{r['throttled']:,} ({share:.1%}) | {r['retries']:,} | {r['lost']} | "
        f"{r['rows_per_s']:,.1f} | {r['peak_rss_mb']:.0f} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument(
        "--only",
        help="run scenarios whose name starts with one of these (comma-separated, e.g. 8,9)",
    )
    args = parser.parse_args()
    header = (
        "| scenario | client | rows | wall s | floor s | efficiency | requests | 429s | "
        "retries | rows lost | rows/s | peak RSS MB |\n"
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    )
    lines, packed_rows = [header], [header]
    print(header, flush=True)
    results: dict[tuple[str, str], dict] = {}
    reuse: dict[str, tuple[str, int]] = {}
    for scenario in scenarios(args.quick):
        if args.only and not scenario.name.startswith(tuple(args.only.split(","))):
            continue
        for kind in ["ours"] + ([scenario.baseline] if scenario.baseline else []):
            report = measure(scenario, kind, reuse)
            results[(scenario.name[:2], kind)] = report
            shown = row(scenario, kind, report)
            (packed_rows if scenario.batch_size else lines).append(shown)
            print(shown, flush=True)
    packed_lines = packing_table(results)
    print("\n".join(packed_lines))
    verdicts, packed_verdicts = targets(results), []
    packing_targets(
        results,
        lambda label, ok, detail: packed_verdicts.append(
            f"- {'met' if ok else 'NOT met'}: {label} ({detail})"
        ),
    )
    print("\n".join(verdicts + packed_verdicts))
    if args.quick:
        return
    if len(lines) > 1 and not args.only:  # every scenario but packing's
        write_block("engine", "Engine", lines, verdicts)
    if packed_lines:  # the packing scenarios, whenever both ran
        about = (
            "2,000 reviews of 20-80 characters, half Chinese, half English (about 28 "
            "tokens each), under a classifier's system prompt of 82 tokens; "
            "'batch-size' = '20' against one row per request. See \"Reading the engine "
            'figures".\n'
        )
        write_block("packing", "Packing", [about, *packed_rows, "", *packed_lines], packed_verdicts)


def wrong_rows(labels: list, truth: list) -> int:
    """Rows answered with another row's answer: answered, and not as when asked alone."""
    return sum(
        1 for got, right in zip(labels, truth, strict=False) if got is not None and got != right
    )


def packing_table(results: dict) -> list[str]:
    """The packing scenarios' own figures, each packed run beside the unpacked one."""
    truth = results.get(("8.", "unpacked"), {}).get("labels")
    if truth is None:
        return []
    lines = [
        "| scenario | client | requests | packed answers split (faults drawn) | "
        "prompt tokens / row | completion tokens / row | rows answered as unpacked | "
        "answers to the wrong row | rows lost | plan: requests | plan: tokens |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for key in (("8.", "unpacked"), ("8.", "ours"), ("9.", "ours")):
        r = results.get(key)
        if r is None:
            continue
        same = sum(1 for got, right in zip(r["labels"], truth, strict=False) if got == right)
        plan = r.get("plan")
        if plan is not None and key[1] == "ours":
            used = r["prompt_tokens"] + r["completion_tokens"]
            planned = plan["prompt_tokens"] + plan["completion_tokens"]
            plan_cells = (
                f"{plan['requests']:,} ({plan['requests'] / r['client_requests'] - 1:+.1%})"
                f" | {planned:,} ({planned / used - 1:+.1%})"
            )
        else:
            plan_cells = "– | –"
        name = PACKED if key[0] == "8." else PACKED_FAULTS
        lines.append(
            f"| {name} | {'ours, 1 row/request' if key[1] == 'unpacked' else 'ours'} | "
            f"{r['client_requests']:,} | {r['splits']:,} ({r['packed_faults']:,}) | "
            f"{r['prompt_tokens'] / r['rows']:.1f} | {r['completion_tokens'] / r['rows']:.1f} | "
            f"{same:,} of {r['rows']:,} | {wrong_rows(r['labels'], truth)} | {r['lost']} | "
            f"{plan_cells} |"
        )
    return lines


def targets(results: dict) -> list[str]:
    out = []

    def check(label, ok, detail):
        out.append(f"- {'met' if ok else 'NOT met'}: {label} ({detail})")

    if ("1.", "ours") in results:
        r = results[("1.", "ours")]
        share = r["throttled"] / r["requests"]
        check(
            "known quota efficiency >= 0.95 with 429s <= 1%",
            r["efficiency"] >= 0.95 and share <= 0.01,
            f"{r['efficiency']:.3f}, {share:.1%}",
        )
    if ("2.", "ours") in results:
        r = results[("2.", "ours")]
        share = r["throttled"] / r["requests"]
        check(
            "unknown quota efficiency >= 0.90 with 429s <= 10%",
            r["efficiency"] >= 0.90 and share <= 0.10,
            f"{r['efficiency']:.3f}, {share:.1%}",
        )
    if ("3.", "ours") in results and ("3.", "flink") in results:
        ratio = results[("3.", "ours")]["rows_per_s"] / results[("3.", "flink")]["rows_per_s"]
        check("embeddings >= 8x the baseline's rows per second", ratio >= 8, f"{ratio:.1f}x")
    if ("4.", "ours") in results:
        r = results[("4.", "ours")]
        check("re-run sends 0 requests", r["requests"] == 0, f"{r['requests']} requests")
    if ("5.", "ours") in results:
        r = results[("5.", "ours")]
        check(
            "faults: no row lost",
            r["lost"] == 0,
            f"{r['lost']} lost, {r['failed']} failed explicitly",
        )
    if ("6.", "ours") in results and ("6.", "bare") in results:
        overhead = results[("6.", "ours")]["wall"] / results[("6.", "bare")]["wall"] - 1
        check("overhead against bare httpx <= 20%", overhead <= 0.20, f"{overhead:+.1%}")
    if ("7.", "ours") in results:
        r = results[("7.", "ours")]
        check(
            "100,000 embedding rows with peak RSS under 1 GiB",
            r["peak_rss_mb"] < 1024,
            f"{r['peak_rss_mb']:.0f} MB",
        )
    return out


def packing_targets(results: dict, check) -> None:
    if ("8.", "ours") not in results or ("8.", "unpacked") not in results:
        return
    packed, alone = results[("8.", "ours")], results[("8.", "unpacked")]
    ratio = packed["wall"] / alone["wall"]
    check(
        "packing 20: wall time at most a tenth of one row per request",
        ratio <= 0.1,
        f"{packed['wall']:.1f} s against {alone['wall']:.1f} s: {ratio:.3f}",
    )
    saved = 1 - (packed["prompt_tokens"] / packed["rows"]) / (
        alone["prompt_tokens"] / alone["rows"]
    )
    check(
        "packing 20: prompt tokens per row at least 50% lower", saved >= 0.5, f"{saved:.1%} lower"
    )
    check(
        "packing 20: labels identical to the unpacked run's",
        packed["labels"] == alone["labels"],
        f"{sum(a == b for a, b in zip(packed['labels'], alone['labels'], strict=False)):,} of "
        f"{len(alone['labels']):,} identical",
    )
    plan = packed["plan"]
    used = packed["prompt_tokens"] + packed["completion_tokens"]
    planned = plan["prompt_tokens"] + plan["completion_tokens"]
    requests_off = abs(plan["requests"] / packed["client_requests"] - 1)
    tokens_off = abs(planned / used - 1)
    check(
        "plan's estimate within 10% of the tokens and requests the run used",
        requests_off <= 0.1 and tokens_off <= 0.1,
        f"requests {plan['requests']} planned, {packed['client_requests']} used; tokens "
        f"{planned:,} planned, {used:,} used ({tokens_off:.1%} off)",
    )
    if ("9.", "ours") in results:
        r = results[("9.", "ours")]
        wrong = wrong_rows(r["labels"], alone["labels"])
        extra = r["client_requests"] - plan["requests"]
        check(
            "packing with 5% faulty packed answers: 0 rows lost, 0 answers to the wrong row",
            r["lost"] == 0 and wrong == 0 and r["failed"] == 0,
            f"{r['lost']} lost, {wrong} to the wrong row, {r['packed_faults']} faulty answers "
            f"drawn, {r['splits']} split, {extra} extra requests counted",
        )


def write_block(name: str, title: str, lines: list[str], verdicts: list[str]) -> None:
    """Replace the `name` section of BENCHMARKS.md (or add it) with these figures."""
    path = ROOT / "BENCHMARKS.md"
    text = path.read_text() if path.exists() else "# Benchmarks\n"
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    load = os.getloadavg()[0]
    block = (
        f"{start}\n## {title} (`bench/engine.py`), {time.strftime('%Y-%m-%d')}\n\n"
        f"{os.cpu_count()} cores (load average {load:.1f} at the end); simulator and "
        "each client in separate processes on loopback.\n\n"
        + "\n".join(lines)
        + "\n\nTargets:\n"
        + "\n".join(verdicts)
        + f"\n{end}"
    )
    if start in text:
        text = text[: text.index(start)] + block + text[text.index(end) + len(end) :]
    else:
        text = text.rstrip() + "\n\n" + block + "\n"
    path.write_text(text)


# ---------------------------------------------------------------- the children


def texts_for(scenario: Scenario) -> list[str]:
    rng = random.Random(3)
    if scenario.texts == "reviews":
        return [review(rng, i) for i in range(scenario.rows)]
    return [f"review {i}: {' '.join(rng.choices(WORDS, k=4))}" for i in range(scenario.rows)]


CHINESE = [
    "物流很快",
    "包装也好",
    "非常满意",
    "质量很好",
    "值得推荐",
    "很好用",
    "性价比高",
    "客服态度好",
    "质量太差了",
    "用了两天就坏了",
    "很失望",
    "物流太慢",
    "客服不理人",
    "要求退款",
    "做工粗糙",
    "周二收到的",
    "颜色是灰色",
    "尺寸和描述一致",
    "今天到货",
]
ENGLISH = [
    "great battery life",
    "love the screen",
    "works perfectly",
    "fast delivery",
    "highly recommend",
    "solid build",
    "terrible support",
    "broke after two days",
    "waste of money",
    "arrived broken",
    "want a refund",
    "awful quality",
    "arrived on Tuesday",
    "the box is blue",
    "as described",
    "ordered last week",
]


def review(rng: random.Random, number: int) -> str:
    """A short review, in Chinese or in English, of 20 to 80 characters, numbered so that
    every row is its own input."""
    chinese = rng.random() < 0.5
    pool, joint = (CHINESE, "，") if chinese else (ENGLISH, ", ")
    tail = f"（订单{number}）" if chinese else f" (order {number})"
    target = rng.randint(20, 80) - len(tail)
    parts = [rng.choice(pool)]
    while len(joint.join(parts)) < target:
        parts.append(rng.choice(pool))
    text = joint.join(parts)
    while len(text) + len(tail) > 80 and len(parts) > 1:
        parts.pop()
        text = joint.join(parts)
    return (text + tail).rjust(20)  # never under 20 characters


def child_ours(scenario: Scenario, url: str, cache_dir: str) -> dict:
    os.environ["BAILIAN_BASE_URL"] = url
    os.environ["BAILIAN_CACHE_DIR"] = cache_dir
    import polars as pl

    from bailian_assets.backends import backend_from_env
    from bailian_assets.executor.estimate import estimate_project
    from bailian_assets.executor.ml_predict import client_factory, run_ml_predict
    from bailian_assets.planning import plan as p
    from bailian_assets.planning.project import load_source

    path = "embeddings" if scenario.task == "embedding" else "chat/completions"
    options = [
        f"'endpoint' = '{url}/compatible-mode/v1/{path}'",
        "'api-key' = 'sk-bench'",
        "'provider' = 'bailian'",
    ]
    if scenario.task == "embedding":
        output = "`embedding` ARRAY<FLOAT>"
        options += ["'model' = 'text-embedding-v3'", f"'dimension' = '{scenario.dimension}'"]
    else:
        output = "`content` STRING"
        prompt = (
            REVIEW_PROMPT
            if scenario.texts == "reviews"
            else "Classify: [positive, negative, neutral, mixed]."
        )
        options += ["'model' = 'qwen-turbo'", f"'system-prompt' = '{prompt}'"]
    if scenario.limit_known and scenario.rpm:
        options.append(f"'rate-limit.rpm' = '{scenario.rpm:g}'")
    if scenario.batch_size and scenario.task == "chat":
        options.append(f"'batch-size' = '{scenario.batch_size}'")
    texts = texts_for(scenario)
    source = Path(cache_dir) / "reviews"
    source.mkdir(exist_ok=True)
    pl.DataFrame({"id": range(scenario.rows), "txt": texts}).write_csv(
        source / "part-0.csv", include_header=False
    )
    sql = (
        f"CREATE MODEL m INPUT (`input` STRING) OUTPUT ({output}) WITH "
        f"({', '.join(options)});\n"
        f"CREATE TABLE src (id INT, txt STRING) WITH ('connector' = 'filesystem', "
        f"'path' = '{source}', 'format' = 'csv');\n"
        "CREATE TABLE sink (id INT) WITH ('connector' = 'blackhole');\n"
        "CREATE VIEW out AS SELECT * FROM ML_PREDICT(TABLE src, MODEL m, DESCRIPTOR(txt));\n"
        "INSERT INTO sink SELECT id FROM out;"
    )
    project = load_source(sql, "bench.sql")
    backend = backend_from_env()
    plan = (
        estimate_project(project, backend)[0].forecast if scenario.texts == "reviews" else None
    )  # what `bailian-assets plan` would print, before anything is sent
    node = next(n for n in p.walk(project.views["out"].root) if isinstance(n, p.MlPredict))
    columns = [f.column for f in node.input.fields]
    frame = pl.DataFrame({columns[0]: range(scenario.rows), columns[1]: texts})
    started = time.perf_counter()
    result, usage = run_ml_predict(frame, node, client_factory(backend))
    wall = time.perf_counter() - started
    output_column = node.output_fields[0].column
    answered = result.get_column(output_column).is_not_null().sum()
    in_order = result.get_column(columns[0]).to_list() == list(range(scenario.rows))
    lost = scenario.rows - answered - usage.rows_failed + (0 if in_order else scenario.rows)
    report = {
        "rows": scenario.rows,
        "wall": wall,
        "retries": usage.retries,
        "lost": int(lost),
        "failed": usage.rows_failed,
        "rows_per_s": scenario.rows / wall,
        "prompt_tokens": usage.prompt_tokens,
        "completion_tokens": usage.completion_tokens,
        "client_requests": usage.requests,
        "splits": usage.splits,
    }
    if scenario.task == "chat" and scenario.texts == "reviews":
        report["labels"] = result.get_column(output_column).to_list()
    if plan is not None:
        report["plan"] = {
            "requests": plan.requests,
            "prompt_tokens": plan.prompt_tokens,
            "completion_tokens": plan.completion_tokens,
        }
    return report


def child_flink(scenario: Scenario, url: str) -> dict:
    """Flink's defaults: 10 in flight, a request per row, backoff on 429, 3 min per row."""
    import httpx

    path = "embeddings" if scenario.task == "embedding" else "chat/completions"
    texts = texts_for(scenario)
    retries = lost = 0

    def body(text):
        if scenario.task == "embedding":
            return {"model": "text-embedding-v3", "input": text, "dimensions": scenario.dimension}
        return {
            "model": "qwen-turbo",
            "messages": [
                {"role": "system", "content": "Classify: [positive, negative, neutral, mixed]."},
                {"role": "user", "content": text},
            ],
        }

    async def main():
        nonlocal retries, lost
        semaphore = asyncio.Semaphore(10)
        async with httpx.AsyncClient(
            base_url=url, timeout=30, headers={"Authorization": "Bearer sk-bench"}
        ) as client:

            async def one(text):
                nonlocal retries, lost
                async with semaphore:
                    deadline = time.monotonic() + 180
                    attempt = 0
                    while time.monotonic() < deadline:
                        try:
                            reply = await client.post(
                                f"/compatible-mode/v1/{path}", json=body(text)
                            )
                            if reply.status_code == 200:
                                reply.json()
                                return
                        except (httpx.HTTPError, ValueError):
                            pass
                        retries += 1
                        await asyncio.sleep(min(60, 0.5 * 2**attempt) * random.random())
                        attempt += 1
                    lost += 1

            await asyncio.gather(*[one(t) for t in texts])

    started = time.perf_counter()
    asyncio.run(main())
    wall = time.perf_counter() - started
    return {
        "rows": scenario.rows,
        "wall": wall,
        "retries": retries,
        "lost": lost,
        "failed": 0,
        "rows_per_s": scenario.rows / wall,
    }


def child_bare(scenario: Scenario, url: str) -> dict:
    """The same requests as ours, from a bare httpx loop: no pacing, retries, cache, Polars."""
    import httpx

    texts = texts_for(scenario)

    async def main():
        limits = httpx.Limits(max_connections=128, max_keepalive_connections=128)
        async with httpx.AsyncClient(
            base_url=url, limits=limits, timeout=30, headers={"Authorization": "Bearer sk-bench"}
        ) as client:
            queue = list(reversed(texts))

            async def worker():
                while queue:
                    text = queue.pop()
                    reply = await client.post(
                        "/compatible-mode/v1/chat/completions",
                        json={
                            "model": "qwen-turbo",
                            "messages": [
                                {
                                    "role": "system",
                                    "content": "Classify: [positive, negative, neutral, mixed].",
                                },
                                {"role": "user", "content": text},
                            ],
                        },
                    )
                    reply.json()

            await asyncio.gather(*[worker() for _ in range(128)])

    started = time.perf_counter()
    asyncio.run(main())
    wall = time.perf_counter() - started
    return {
        "rows": scenario.rows,
        "wall": wall,
        "retries": 0,
        "lost": 0,
        "failed": 0,
        "rows_per_s": scenario.rows / wall,
    }


def child(kind: str, spec: str, url: str, cache_dir: str) -> None:
    scenario = Scenario(**json.loads(spec))
    if kind == "unpacked":
        scenario.batch_size = None
        report = child_ours(scenario, url, cache_dir)
    elif kind == "ours":
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
