"""The simulator served on a free loopback port: formats, quotas, faults, determinism, and the
official openai client talking to it."""

import asyncio
import json
import subprocess
import sys

import httpx
import openai
import pytest

from bailian_assets.simulator.faults import FaultConfig
from bailian_assets.simulator.quota import Quotas
from bailian_assets.simulator.server import serve_in_thread
from bailian_assets.simulator.service import BailianSimulator
from conftest import ROOT, clean_env

AUTH = {"Authorization": "Bearer sk-test"}
CHAT = {
    "model": "qwen-turbo",
    "messages": [
        {"role": "system", "content": "Classify: [positive, negative, neutral, mixed]."},
        {"role": "user", "content": "乏善可陳"},
    ],
}


def post(url, path, body=CHAT, headers=AUTH, timeout=5.0):
    return httpx.post(url + path, json=body, headers=headers, timeout=timeout)


def test_formats_over_http():
    with serve_in_thread() as server:
        reply = post(server.url, "/compatible-mode/v1/chat/completions")
        assert reply.status_code == 200
        assert reply.json()["choices"][0]["message"]["content"] == "negative"
        embedded = post(
            server.url,
            "/compatible-mode/v1/embeddings",
            {"model": "text-embedding-v4", "input": ["a b", "c"], "dimensions": 64},
        )
        assert [len(d["embedding"]) for d in embedded.json()["data"]] == [64, 64]
        unauthorized = post(server.url, "/compatible-mode/v1/chat/completions", headers={})
        assert unauthorized.status_code == 401
        assert unauthorized.json()["error"]["code"] == "invalid_api_key"
        wrong_type = post(
            server.url, "/compatible-mode/v1/chat/completions", {**CHAT, "temperature": "hot"}
        )
        assert (
            wrong_type.status_code == 400 and wrong_type.json()["error"]["param"] == "temperature"
        )
        stats = httpx.get(server.url + "/simulator/stats").json()
        assert stats["by_status"] == {"200": 2, "400": 1, "401": 1}
        assert stats["inputs"] == 3 and stats["prompt_tokens"] > 0


def test_openai_client_round_trip_and_rate_limit_error():
    simulator = BailianSimulator(Quotas(rpm=60))  # one request per second, burst of one
    with serve_in_thread(simulator) as server:
        client = openai.OpenAI(
            api_key="sk-test", base_url=server.url + "/compatible-mode/v1", max_retries=0
        )
        chat = client.chat.completions.create(model="qwen-turbo", messages=CHAT["messages"])
        assert chat.choices[0].message.content == "negative"
        assert chat.usage.total_tokens > 0
        embedding = client.embeddings.create(
            model="text-embedding-v3", input=["hello world"], dimensions=512
        )
        assert len(embedding.data[0].embedding) == 512
        with pytest.raises(openai.RateLimitError) as caught:
            client.chat.completions.create(model="qwen-turbo", messages=CHAT["messages"])
        assert caught.value.status_code == 429
        assert caught.value.response.headers["retry-after"] == "1"


def test_a_burst_is_refused_and_a_smooth_rate_under_quota_is_not():
    now = [0.0]  # the quota's clock: held still through the burst, stepped for the smooth rate
    simulator = BailianSimulator(Quotas(rpm=1200, clock=lambda: now[0]))  # 20 per second
    with serve_in_thread(simulator) as server:

        async def burst():
            async with httpx.AsyncClient(headers=AUTH) as client:
                replies = await asyncio.gather(
                    *[
                        client.post(server.url + "/compatible-mode/v1/chat/completions", json=CHAT)
                        for _ in range(60)
                    ]
                )
            return [r.status_code for r in replies]

        statuses = asyncio.run(burst())
        assert statuses.count(200) == 20 and statuses.count(429) == 40
        assert simulator.counters.throttled["limit_burst_rate"] == 40

    now[0] = 0.0
    simulator = BailianSimulator(Quotas(rpm=1200, clock=lambda: now[0]))
    with serve_in_thread(simulator) as server, httpx.Client(headers=AUTH) as client:
        for i in range(60):  # 16 per second, under the quota of 20, for longer than the burst
            now[0] = i / 16
            reply = client.post(server.url + "/compatible-mode/v1/chat/completions", json=CHAT)
            assert reply.status_code == 200, reply.text


@pytest.mark.parametrize(
    "fault, check",
    [
        ("error_rate", lambda r: r.status_code in (500, 503) and "error" in r.json()),
        ("malformed_rate", lambda r: r.status_code == 200 and _not_json(r.text)),
    ],
)
def test_answer_faults(fault, check):
    simulator = BailianSimulator(faults=FaultConfig(**{fault: 1.0}, seed=3))
    with serve_in_thread(simulator) as server:
        for _ in range(4):
            assert check(post(server.url, "/compatible-mode/v1/chat/completions"))


def _not_json(text):
    try:
        json.loads(text)
    except ValueError:
        return True
    return False


def test_dropped_connections_and_slow_answers():
    simulator = BailianSimulator(faults=FaultConfig(drop_rate=1.0))
    with serve_in_thread(simulator) as server:
        with pytest.raises(httpx.RemoteProtocolError):
            post(server.url, "/compatible-mode/v1/chat/completions")
        assert simulator.counters.by_status["dropped"] == 1
    simulator = BailianSimulator(faults=FaultConfig(slow_rate=1.0, slow_seconds=30))
    with serve_in_thread(simulator) as server:
        with pytest.raises(httpx.ReadTimeout):
            post(server.url, "/compatible-mode/v1/chat/completions", timeout=0.2)
        assert simulator.counters.faults["slow"] == 1


def test_faults_and_latency_are_deterministic_under_a_seed():
    config = FaultConfig(latency_ms=5, error_rate=0.3, malformed_rate=0.2, seed=7)

    def outcomes(seed):
        simulator = BailianSimulator(faults=FaultConfig(**{**config.__dict__, "seed": seed}))
        draws = []
        for i in range(40):
            body = json.dumps({**CHAT, "seed": i % 10}).encode()
            reply = simulator.handle("POST", "/compatible-mode/v1/chat/completions", AUTH, body)
            draws.append((reply.status, reply.fault, round(reply.delay, 6)))
        return draws

    assert outcomes(7) == outcomes(7)
    assert outcomes(7) != outcomes(8)
    statuses = [s for s, _, _ in outcomes(7)]
    assert 0 < statuses.count(200) < 40
    delays = [d for _, _, d in outcomes(7)]
    assert len(set(delays)) > 30 and 0.002 < sum(delays) / len(delays) < 0.01


def test_the_sample_job_runs_against_the_served_simulator():
    simulator = BailianSimulator()
    with serve_in_thread(simulator) as server:
        process = subprocess.run(
            [sys.executable, "-m", "bailian_assets.cli", "run", "sql/movie_sentiment.sql"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,
            env=clean_env(BAILIAN_BASE_URL=server.url),
        )
        assert process.returncode == 0, process.stderr
        assert process.stdout.splitlines() == [
            "+I[1, 好東西, positive, positive]",
            "+I[2, 水餃皇后, negative, negative]",
        ]
        assert f"Bailian service at {server.url}" in process.stderr
        assert simulator.counters.by_status[200] == 2
