"""The response cache: re-runs are free, failures are not kept, a killed job resumes."""

import asyncio
import contextlib
import dataclasses
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from bailian_assets.client.cache import ResponseCache, cache_key, default_cache_dir
from bailian_assets.client.client import ModelClient, ModelConfig
from bailian_assets.client.retry import RetryPolicy
from bailian_assets.secrets import Secret
from bailian_assets.simulator.faults import FaultConfig
from bailian_assets.simulator.server import serve_in_thread
from bailian_assets.simulator.service import BailianSimulator, Reply
from conftest import ROOT, clean_env

CHAT = ModelConfig(
    "m",
    "chat",
    "https://dashscope-intl.aliyuncs.com/compatible-mode/v1/chat/completions",
    Secret("k"),
    "qwen-turbo",
    "Label: [positive, negative].",
    error_handling="IGNORE",
)
TEXTS = [f"review {i} was great" for i in range(30)]


def predict(config, cache, simulator, texts=TEXTS, backend="simulator"):
    client = ModelClient(
        config, transport=simulator.transport(), cache=cache, pacer=None, backend=backend
    )
    return asyncio.run(client.predict(texts))


def test_a_rerun_sends_nothing(tmp_path):
    cache, simulator = ResponseCache(tmp_path), BailianSimulator()
    first, usage = predict(CHAT, cache, simulator)
    assert usage.requests == 30 and len(cache) == 30
    again, usage = predict(CHAT, cache, simulator)
    assert usage.requests == 0 and usage.cache_hits == 30
    assert [r.value for r in again] == [r.value for r in first]
    assert simulator.counters.requests == 30


def test_everything_that_changes_the_answer_is_in_the_key(tmp_path):
    cache, simulator = ResponseCache(tmp_path), BailianSimulator()
    predict(CHAT, cache, simulator)
    variants = [
        ModelConfig(**{**CHAT.__dict__, "request": {"temperature": 0.5}}),
        ModelConfig(**{**CHAT.__dict__, "system_prompt": "Other: [a, b]."}),
        ModelConfig(**{**CHAT.__dict__, "model": "qwen-plus"}),
        ModelConfig(**{**CHAT.__dict__, "endpoint": CHAT.endpoint.replace("-intl", "")}),
    ]
    for config in variants:
        _, usage = predict(config, cache, simulator)
        assert usage.cache_hits == 0, config
    _, usage = predict(CHAT, cache, simulator, backend="http")  # simulated answers stay apart
    assert usage.cache_hits == 0


def test_failures_are_never_cached(tmp_path):
    cache = ResponseCache(tmp_path)
    broken = BailianSimulator(faults=FaultConfig(error_rate=1.0))
    _results, usage = predict(CHAT, cache, broken)
    assert usage.rows_failed == 30 and len(cache) == 0
    _, usage = predict(CHAT, cache, BailianSimulator())
    assert usage.requests == 30


def test_cache_false_turns_it_off(tmp_path):
    cache, simulator = ResponseCache(tmp_path), BailianSimulator()
    config = ModelConfig(**{**CHAT.__dict__, "cache": False})
    predict(config, cache, simulator)
    _, usage = predict(config, cache, simulator)
    assert usage.requests == 30 and len(cache) == 0


def test_vectors_round_trip_as_float32(tmp_path):
    cache = ResponseCache(tmp_path)
    cache.put_many({"k": [0.25, -0.5, 1.0], "t": "positive", "n": ["a", "b"]})
    assert cache.get_many(["k", "t", "n", "missing"]) == {
        "k": [0.25, -0.5, 1.0],
        "t": "positive",
        "n": ["a", "b"],
    }
    assert cache_key("f", "x") != cache_key("f", "y")


def test_default_folder(monkeypatch, tmp_path):
    assert default_cache_dir({"BAILIAN_CACHE_DIR": "/x"}).as_posix() == "/x"
    assert default_cache_dir({"XDG_CACHE_HOME": "/c"}).as_posix() == "/c/bailian-assets"


JOB = """\
CREATE MODEL m INPUT (`input` STRING) OUTPUT (`content` STRING) WITH (
  'provider' = 'bailian', 'api-key' = 'sk-test', 'model' = 'qwen-turbo',
  'endpoint' = '${BAILIAN_BASE_URL}/compatible-mode/v1/chat/completions',
  'system-prompt' = 'Label: [positive, negative].');
CREATE TABLE snk (id INT, label STRING) WITH ('connector' = 'print');
CREATE VIEW recs (id, txt) AS VALUES %s;
INSERT INTO snk SELECT id, content FROM ML_PREDICT(TABLE recs, MODEL m, DESCRIPTOR(txt));
"""


class HoldingSimulator(BailianSimulator):
    """Answers the first `answer` requests, then holds every further one unanswered (for an
    hour) until `answer` is None: a job caught half way, whatever the machine's load."""

    def __init__(self, answer: int | None) -> None:
        super().__init__()
        self.answer = answer

    def handle(self, method: str, path: str, headers: dict[str, str], body: bytes) -> Reply:
        reply = super().handle(method, path, headers, body)
        if self.answer is not None and self.counters.by_status[200] > self.answer:
            self.counters.by_status[200] -= 1  # held: not answered
            return dataclasses.replace(reply, delay=3600.0)
        return reply


def stored_answers(folder: Path) -> int:
    """How many answers the cache in `folder` holds, read only (0 before it is set up), so
    that looking never changes what the job writes."""
    try:
        with contextlib.closing(
            sqlite3.connect(f"file:{folder / 'responses.sqlite3'}?mode=ro", uri=True)
        ) as db:
            return db.execute("SELECT COUNT(*) FROM answers").fetchone()[0]
    except sqlite3.Error:
        return 0


def test_a_job_killed_with_sigkill_resumes_sending_only_what_is_missing(tmp_path):
    values = ", ".join(f"({i}, 'row {i} is {'great' if i % 2 else 'awful'}')" for i in range(200))
    job = tmp_path / "job.sql"
    job.write_text(JOB % values)
    simulator = HoldingSimulator(answer=60)
    env = clean_env(BAILIAN_CACHE_DIR=str(tmp_path / "cache"))
    with serve_in_thread(simulator) as server:
        env["BAILIAN_BASE_URL"] = server.url
        command = [sys.executable, "-m", "bailian_assets.cli", "run", str(job)]
        process = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
        )
        # no deadline: the child's pace depends on the machine. It has stored its 60 answers
        # (each committed on arrival) and waits for the rest, which the simulator holds.
        while stored_answers(tmp_path / "cache") < 60:
            assert process.poll() is None, "the job ended before it was killed"
            time.sleep(0.05)
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        assert simulator.counters.by_status[200] == 60
        cached = len(ResponseCache(tmp_path / "cache"))
        assert cached == 60  # every answer that arrived survived the SIGKILL

        simulator.answer = None
        simulator.reset()
        finished = subprocess.run(
            command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600
        )
        assert finished.returncode == 0, finished.stderr
        lines = finished.stdout.splitlines()
        assert len(lines) == 200 and lines[:2] == ["+I[0, negative]", "+I[1, positive]"]
        assert simulator.counters.by_status[200] == 200 - cached

        simulator.reset()
        again = subprocess.run(
            command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600
        )
        assert again.stdout == finished.stdout
        assert simulator.counters.requests == 0


def test_under_faults_every_row_ends_answered_or_failed_in_order():
    faults = FaultConfig(
        error_rate=0.05,
        slow_rate=0.02,
        slow_seconds=5,
        drop_rate=0.02,
        malformed_rate=0.02,
        seed=11,
    )
    simulator = BailianSimulator(faults=faults)
    texts = [f"text {i} great" for i in range(300)]
    with serve_in_thread(simulator) as server:
        config = ModelConfig(
            **{
                **CHAT.__dict__,
                "endpoint": server.url + "/compatible-mode/v1/chat/completions",
                "error_handling": "RETRY",
                "retry_num": 5,
                "retry_fallback": "IGNORE",
            }
        )
        client = ModelClient(
            config,
            pacer=None,
            request_timeout=1.0,
            max_concurrency=32,
            retry=RetryPolicy(base=0.01, max_wait=0.05, seed=2),
        )
        results, usage = asyncio.run(client.predict(texts))
    assert len(results) == 300
    assert all(r.value == "positive" or r.error for r in results)
    assert usage.retries > 0 and usage.rows_failed == sum(1 for r in results if r.error)
    assert usage.rows_failed <= 3
