"""The pacer and the client at the quota, in virtual time against the in-process simulator."""

import asyncio

import httpx
import pytest
from virtual_time import VirtualClock

from bailian_assets.client.client import ModelClient, ModelConfig
from bailian_assets.client.pacer import INITIAL_RATE, MIN_RATE, Pacer
from bailian_assets.client.retry import RetryPolicy
from bailian_assets.secrets import Secret
from bailian_assets.simulator.quota import Quotas
from bailian_assets.simulator.service import BailianSimulator

CHAT = ModelConfig(
    "m",
    "chat",
    "https://dashscope-intl.aliyuncs.com/compatible-mode/v1/chat/completions",
    Secret("k"),
    "qwen-turbo",
    "Label: [positive, negative].",
)


def book_all(pacer, clock, count, tokens=0):
    """Start times of `count` requests booked as fast as the pacer allows."""
    starts = []
    while len(starts) < count:
        booked, delay = pacer.book(tokens)
        if booked:
            starts.append(clock.now + delay)
        else:
            clock.now += delay
    return starts


def test_known_quota_spaces_requests_after_a_half_second_burst():
    clock = VirtualClock()
    pacer = Pacer(rpm=600, clock=clock)
    starts = book_all(pacer, clock, 305)
    rate = 600 / 60 * 0.98
    assert starts[3] == starts[0] < starts[4]  # a small burst goes at once
    span = starts[-1] - starts[0]
    assert span == pytest.approx((305 - 5) / rate, rel=0.02)


def test_token_quota_paces_by_tokens():
    clock = VirtualClock()
    pacer = Pacer(tpm=60_000, clock=clock)  # 1,000 tokens per second
    starts = book_all(pacer, clock, 40, tokens=100)
    assert starts[-1] - starts[0] == pytest.approx((40 - 6) * 100 / 980, rel=0.05)


def test_unknown_quota_slow_start_then_backs_off_once_a_second():
    clock = VirtualClock()
    pacer = Pacer(clock=clock)
    assert pacer.slow_start and pacer.rate == 10
    for _ in range(40):  # four seconds of answers keeping up
        clock.now += 0.1
        for _ in range(int(pacer.rate / 10) + 1):
            pacer.on_success(0.1)
        pacer.book()
    assert pacer.rate >= 10 * 2**10  # doubled every quarter second
    before = pacer.rate
    pacer.on_throttled()
    after_first = pacer.rate
    assert not pacer.slow_start and after_first <= before / 2
    pacer.on_throttled()
    assert pacer.rate == after_first  # at most one decrease a second
    for _ in range(11):  # answers keep coming at about the rate
        clock.now += 0.1
        for _ in range(int(pacer.rate / 10)):
            pacer.on_success(0.1)
    pacer.on_throttled()
    assert pacer.rate == pytest.approx(after_first * 0.85)
    clock.now += 3  # seconds in which nothing got through: far over the quota
    pacer.on_throttled()
    assert pacer.rate == pytest.approx(after_first * 0.85 * 0.5)


def run_client(config, rows, simulator, clock, **kwargs):
    kwargs.setdefault("max_concurrency", 16)
    client = ModelClient(
        config,
        transport=simulator.transport(),
        sleep=clock.sleep,
        clock=clock,
        retry=RetryPolicy(seed=1),
        **kwargs,
    )
    texts = [f"review {i}: {'great' if i % 2 else 'terrible'}" for i in range(rows)]
    started = clock.now
    results, usage = asyncio.run(clock.run(client.predict(texts)))
    return results, usage, clock.now - started


def test_known_quota_runs_at_the_quota_without_429s():
    clock = VirtualClock()
    simulator = BailianSimulator(Quotas(rpm=600, clock=clock))
    config = ModelConfig(**{**CHAT.__dict__, "rate_limit_rpm": 600})
    results, usage, elapsed = run_client(
        config, 600, simulator, clock, pacer=Pacer(rpm=600, clock=clock)
    )
    assert all(r.value in ("positive", "negative") for r in results)
    assert usage.throttled == 0 and usage.requests == 600
    floor = 600 / 10
    assert floor / elapsed >= 0.95


def test_unknown_quota_is_found_with_few_429s():
    clock = VirtualClock()
    simulator = BailianSimulator(Quotas(rpm=1200, clock=clock))
    results, usage, elapsed = run_client(CHAT, 600, simulator, clock, pacer=Pacer(clock=clock))
    assert all(r.value in ("positive", "negative") for r in results)
    assert usage.throttled <= 0.10 * usage.requests
    assert (600 / 20) / elapsed >= 0.85


def test_flinks_max_concurrent_operations_caps_requests_in_flight():
    clock = VirtualClock()
    simulator = BailianSimulator()
    _, usage, _ = run_client(CHAT, 30, simulator, clock, pacer=None, max_concurrency=3)
    assert usage.requests == 30


def test_known_token_quota_runs_without_429s():
    clock = VirtualClock()
    simulator = BailianSimulator(Quotas(tpm=6000, clock=clock))  # 100 tokens per second
    config = ModelConfig(**{**CHAT.__dict__, "rate_limit_tpm": 6000})
    results, usage, elapsed = run_client(
        config, 100, simulator, clock, pacer=Pacer(tpm=6000, clock=clock)
    )
    assert all(r.value for r in results) and usage.throttled == 0
    tokens = usage.prompt_tokens + usage.completion_tokens
    assert tokens / elapsed <= 100 * 1.05  # at most the quota's pace (plus its burst)
    assert tokens / elapsed >= 100 * 0.85


def test_processes_calling_the_same_model_share_one_schedule(tmp_path):
    import os
    import subprocess
    import sys

    from bailian_assets.simulator.server import serve_in_thread
    from conftest import ROOT, clean_env

    job = """\
CREATE MODEL m INPUT (`input` STRING) OUTPUT (`content` STRING) WITH (
  'provider' = 'bailian', 'api-key' = 'k', 'model' = 'qwen-turbo', 'rate-limit.rpm' = '1200',
  'endpoint' = '${BAILIAN_BASE_URL}/compatible-mode/v1/chat/completions',
  'system-prompt' = 'Label: [positive, negative].');
CREATE TABLE snk (id INT, label STRING) WITH ('connector' = 'blackhole');
CREATE VIEW recs (id, txt) AS VALUES %s;
INSERT INTO snk SELECT id, content FROM ML_PREDICT(TABLE recs, MODEL m, DESCRIPTOR(txt));
"""
    simulator = BailianSimulator(Quotas(rpm=1200))  # 20 per second, one second's burst
    with serve_in_thread(simulator) as server:
        env = clean_env(BAILIAN_BASE_URL=server.url, BAILIAN_CACHE_DIR=str(tmp_path / "shared"))
        processes = []
        for name in ("a", "b"):
            sql = tmp_path / f"{name}.sql"
            sql.write_text(job % ", ".join(f"({i}, '{name} {i} great')" for i in range(80)))
            processes.append(
                subprocess.Popen(
                    [sys.executable, "-m", "bailian_assets.cli", "run", str(sql)],
                    cwd=ROOT,
                    env=env,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.PIPE,
                    text=True,
                )
            )
        for process in processes:
            assert process.wait(timeout=120) == 0, process.stderr.read()
    # Alone, each process would send at the whole quota: together at twice the quota, about
    # half their requests would be refused. Sharing one schedule, none is, but on a loaded
    # machine a process can fall behind its slots and send a few late ones at once, which the
    # simulator's one-second burst window may refuse: allow 5%, far below half.
    assert simulator.counters.by_status[200] == 160
    assert simulator.counters.by_status[429] <= 8
    assert os.path.exists(tmp_path / "shared" / "pacing.sqlite3")


@pytest.mark.parametrize("known, strategy", [(True, "IGNORE"), (False, "FAILOVER")])
def test_a_60_row_job_at_6_rpm_finishes_because_waiting_for_the_pacer_is_not_the_rows_time(
    known, strategy
):
    """Unknown, the pacer's search starts far too fast: its 429s are retried, even under
    FAILOVER (which fails the job on a row's first failure)."""
    clock = VirtualClock()
    simulator = BailianSimulator(Quotas(rpm=6, clock=clock))
    config = ModelConfig(
        **{**CHAT.__dict__, "error_handling": strategy, "rate_limit_rpm": 6 if known else None}
    )
    pacer = Pacer(rpm=6 if known else None, clock=clock)
    # no concurrency cap: every row is in flight from the start, waiting for its turn
    results, usage, elapsed = run_client(
        config, 60, simulator, clock, pacer=pacer, max_concurrency=None
    )
    assert usage.rows_failed == 0 and all(r.value for r in results)
    floor = 60 / (6 / 60) - 60  # the first minute's 6 requests may go at once
    if known:
        assert usage.throttled == 0 and floor <= elapsed <= 620
    else:  # found the quota (far below where it started) and kept close to it
        assert elapsed <= 900 and pacer.rate <= 0.2
        assert usage.throttled <= 60


def test_the_row_timeout_still_bounds_attempts_and_waits_between_them():
    clock = VirtualClock()

    async def slow_failure(request):
        await clock.sleep(100)
        return httpx.Response(503, json={"error": {"message": "busy", "code": "x"}})

    config = ModelConfig(**{**CHAT.__dict__, "error_handling": "IGNORE"})
    client = ModelClient(
        config,
        transport=httpx.MockTransport(slow_failure),
        pacer=None,
        sleep=clock.sleep,
        clock=clock,
        retry=RetryPolicy(seed=1),
    )
    results, _ = asyncio.run(clock.run(client.predict(["x"])))
    assert results[0].error == "HTTP 503 x: busy"  # IGNORE does not retry a 503
    config = ModelConfig(**{**CHAT.__dict__, "error_handling": "RETRY", "retry_fallback": "IGNORE"})
    client = ModelClient(
        config,
        transport=httpx.MockTransport(slow_failure),
        pacer=None,
        sleep=clock.sleep,
        clock=clock,
        retry=RetryPolicy(seed=1),
    )
    results, usage = asyncio.run(clock.run(client.predict(["x"])))
    assert results[0].error == (
        "timed out after 180 s (all retries of the row included); last error: HTTP 503 x: busy"
    )
    # 200 s of attempts: no third one (an attempt in flight is cut at the row's timeout by
    # the event loop's own clock, which virtual time does not move; test_client covers it)
    assert usage.requests == 2


def test_the_adaptive_rate_can_go_down_to_one_request_a_minute():
    clock = VirtualClock()
    pacer = Pacer(clock=clock)
    for _ in range(200):
        clock.now += 1.1
        pacer.on_throttled()
    assert pacer.rate == pytest.approx(MIN_RATE) and MIN_RATE <= 1 / 60
    starts = book_all(pacer, clock, 3)
    assert starts[2] - starts[1] == pytest.approx(60, rel=0.05)


def test_the_first_429_before_any_answer_halves_the_rate_instead_of_flooring_it():
    clock = VirtualClock()
    pacer = Pacer(clock=clock)
    pacer.on_throttled()  # no answer yet: a slow quota, not a rate of one a second
    assert pacer.rate == INITIAL_RATE / 2
