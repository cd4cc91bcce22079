"""The client against a hostile server on loopback: nothing it sends is trusted.

Each row's text names what the server does with it (`BEHAVIOURS`): bodies that are not JSON,
JSON of the wrong shape, bodies of 50 MB, bodies that never end, a gzip bomb, a 401 that echoes
the key, a 429 asking to wait for days. Every such row fails with a reason (or waits as it
should), is counted, is never cached, and costs bounded memory; the key appears in no text.
"""

import asyncio
import gzip
import json
import logging
import socket
import subprocess
import sys
import threading
import tracemalloc
import zlib

import httpx
import pytest

from bailian_assets.client.body import MAX_ANSWER_BYTES
from bailian_assets.client.cache import ResponseCache
from bailian_assets.client.client import ERROR_TEXT_LIMIT, ModelClient, ModelConfig
from bailian_assets.client.retry import RetryPolicy
from bailian_assets.errors import ModelCallError
from bailian_assets.secrets import Secret
from conftest import ROOT, clean_env

KEY = "sk-hostile-0123456789abcdef"
MB = 1024 * 1024


def chat(content="positive", usage=None):
    return {
        "choices": [{"index": 0, "message": {"role": "assistant", "content": content}}],
        "usage": usage if usage is not None else {"prompt_tokens": 5, "completion_tokens": 1},
    }


def error_body(message, code="invalid_api_key"):
    return {"error": {"message": message, "type": "invalid_request_error", "code": code}}


# row text -> (status, headers, body): bytes, a dict (sent as JSON), or a callable streaming it
BEHAVIOURS = {
    "good": (200, {}, chat()),
    "not json": (200, {}, b"<html>502 Bad Gateway</html>"),
    "cut off": (200, {}, json.dumps(chat()).encode()[:30]),
    "no choices": (200, {}, {"choices": []}),
    "choices not a list": (200, {}, {"choices": {"0": "positive"}}),
    "content null": (200, {}, chat(None)),
    "content a list": (200, {}, chat(["positive"])),
    "content a number": (200, {}, chat(7)),
    "a list, not an object": (200, {}, [chat()]),
    "usage lots": (200, {}, chat(usage={"prompt_tokens": "lots", "completion_tokens": 1})),
    "usage negative": (200, {}, chat(usage={"prompt_tokens": -3})),
}
EXPECTED_REASONS = {
    "not json": "malformed answer: the body is not JSON",
    "cut off": "malformed answer: the body is not JSON",
    "no choices": "malformed answer: 'choices' is empty",
    "choices not a list": "malformed answer: 'choices' is an object, not a list",
    "content null": "malformed answer: choices[0].message.content is null, not a string",
    "content a list": "malformed answer: choices[0].message.content is a list, not a string",
    "content a number": "malformed answer: choices[0].message.content is a number, not a string",
    "a list, not an object": "malformed answer: the body is a list, not a JSON object",
    "usage lots": "malformed answer: usage.prompt_tokens is a string, not a non-negative integer",
    "usage negative": "malformed answer: usage.prompt_tokens is -3, not a non-negative integer",
}


class HostileServer:
    """HTTP/1.1 on 127.0.0.1, answering each request as BEHAVIOURS (or `extra`) says for
    the request's user message. Streams big bodies piece by piece: it holds no more than a
    chunk itself, so the test process's memory is the client's."""

    def __init__(self, extra=None):
        self.behaviours = {**BEHAVIOURS, **(extra or {})}
        self.requests: list[str] = []
        self.unfinished = 0  # big bodies the client stopped reading
        self._loop = asyncio.new_event_loop()
        self._server = None

    @property
    def endpoint(self):
        return f"http://127.0.0.1:{self.port}/compatible-mode/v1/chat/completions"

    async def _serve(self, reader, writer):
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                headers = dict(
                    line.split(": ", 1)
                    for line in head.decode("latin-1").split("\r\n")[1:]
                    if ": " in line
                )
                lowered = {k.lower(): v for k, v in headers.items()}
                body = await reader.readexactly(int(lowered.get("content-length", 0)))
                text = json.loads(body)["messages"][-1]["content"]
                self.requests.append(text)
                await self._answer(writer, *self.behaviours[text])
        except (asyncio.IncompleteReadError, ConnectionError, asyncio.LimitOverrunError):
            pass
        finally:
            writer.transport.abort()

    async def _answer(self, writer, status, headers, body):
        if callable(body):
            head = f"HTTP/1.1 {status} X\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers.items())
            writer.write((head + "\r\n").encode())
            try:
                await body(writer)
            except ConnectionError:
                self.unfinished += 1
                raise
            return
        if not isinstance(body, bytes):
            body = json.dumps(body).encode()
        head = f"HTTP/1.1 {status} X\r\nContent-Length: {len(body)}\r\n" + "".join(
            f"{k}: {v}\r\n" for k, v in headers.items()
        )
        writer.write((head + "\r\n").encode() + body)
        await writer.drain()

    def __enter__(self):
        ready = threading.Event()

        async def start():
            self._server = await asyncio.start_server(self._serve, "127.0.0.1", 0)
            self.port = self._server.sockets[0].getsockname()[1]
            ready.set()

        self._thread = threading.Thread(
            target=lambda: (self._loop.run_until_complete(start()), self._loop.run_forever()),
            daemon=True,
        )
        self._thread.start()
        ready.wait(10)
        return self

    def __exit__(self, *exc):
        async def stop():
            self._server.close()
            tasks = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
            for task in tasks:  # connections still being served
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            self._loop.stop()

        asyncio.run_coroutine_threadsafe(stop(), self._loop)
        self._thread.join(10)
        self._loop.close()


# ---------------------------------------------------------------- streamed bodies


def big_body(total):
    """`total` bytes with a Content-Length, sent 64 kB at a time."""

    async def send(writer):
        piece = b"a" * 65536
        for _ in range(total // len(piece)):
            writer.write(piece)
            await writer.drain()

    return send


def endless_chunks(pause=0.0):
    """A chunked body that never ends (slowly, with `pause` between chunks)."""

    async def send(writer):
        chunk = b"x" * 65536
        while True:
            writer.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            await writer.drain()
            await asyncio.sleep(pause)

    return send


def gzip_bomb(size=100 * MB):
    """gzip of `size` bytes of zeros (about 100 kB on the wire), made without holding them."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
    zeros = bytes(MB)
    data = b"".join(compressor.compress(zeros) for _ in range(size // MB)) + compressor.flush()

    async def send(writer):
        writer.write(data)
        await writer.drain()

    return len(data), send


def predict(server, texts, cache=None, strategy="IGNORE", **kwargs):
    config = ModelConfig(
        "hostile",
        "chat",
        server.endpoint,
        Secret(KEY),
        "qwen-turbo",
        "Label: [positive, negative].",
        error_handling=strategy,
        retry_num=kwargs.pop("retry_num", 100),
        retry_fallback="IGNORE",
    )
    kwargs.setdefault("retry", RetryPolicy(base=0.01, max_wait=0.05, seed=1))
    client = ModelClient(config, pacer=None, cache=cache, **kwargs)
    return asyncio.run(client.predict(texts))


# ---------------------------------------------------------------- shapes


@pytest.mark.parametrize("strategy", ["IGNORE", "RETRY"])
def test_each_malformed_answer_fails_its_row_with_a_reason_and_is_not_cached(tmp_path, strategy):
    cache = ResponseCache(tmp_path)
    texts = ["good", *EXPECTED_REASONS]
    with HostileServer() as server:
        results, usage = predict(server, texts, cache, strategy, retry_num=3)
        assert results[0].value == "positive" and results[0].error is None
        for text, result in zip(texts[1:], results[1:], strict=False):
            assert result.value is None and result.error == EXPECTED_REASONS[text], text
        assert usage.rows_failed == len(EXPECTED_REASONS)
        assert sum(usage.failure_reasons.values()) == len(EXPECTED_REASONS)
        assert f"{len(EXPECTED_REASONS)} failed" in usage.describe()
        assert len(cache) == 1  # the good answer only
        again, usage = predict(server, texts, cache, strategy, retry_num=3)
    assert usage.cache_hits == 1 and usage.requests >= len(EXPECTED_REASONS)
    assert [r.error for r in again] == [r.error for r in results]


def test_malformed_answers_are_retried_twice_at_most_and_cut_off_ones_within_retry_num():
    with HostileServer() as server:
        predict(server, ["content null", "cut off"], strategy="RETRY", retry_num=5)
    assert server.requests.count("content null") == 3  # a shape error: two retries
    assert server.requests.count("cut off") == 6  # a garbled body: like a dropped connection


def test_failover_names_the_row_and_the_malformed_answer():
    with HostileServer() as server, pytest.raises(ModelCallError) as caught:
        predict(server, ["good", "no choices"], strategy="FAILOVER")
    assert (
        str(caught.value) == "model 'hostile' failed on row 2: malformed answer: 'choices' is empty"
    )


# ---------------------------------------------------------------- size


def run_measured(server, texts, **kwargs):
    tracemalloc.start()
    try:
        results, usage = predict(server, texts, **kwargs)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return results, usage, peak


@pytest.mark.parametrize("behaviour", ["50 MB", "endless", "gzip bomb"])
def test_bodies_past_the_limit_fail_the_row_with_memory_bounded(behaviour):
    bomb_size, bomb = gzip_bomb()
    extra = {
        "50 MB": (200, {"Content-Length": str(50 * MB)}, big_body(50 * MB)),
        "endless": (200, {"Transfer-Encoding": "chunked"}, endless_chunks()),
        "gzip bomb": (200, {"Content-Encoding": "gzip", "Content-Length": str(bomb_size)}, bomb),
    }
    with HostileServer(extra) as server:
        results, usage, peak = run_measured(server, [behaviour, "good"], max_concurrency=1)
    assert results[0].error == "malformed answer: the body is larger than 8 MiB"
    assert results[1].value == "positive"
    assert usage.rows_failed == 1 and usage.requests == 2  # not retried under IGNORE
    assert peak < 3 * MAX_ANSWER_BYTES, f"peak {peak / MB:.0f} MB"


def test_an_answer_in_gzip_within_the_limit_is_read():
    body = gzip.compress(json.dumps(chat("negative")).encode())
    extra = {
        "gzipped": (200, {"Content-Encoding": "gzip"}, body),
        "brotli": (200, {"Content-Encoding": "br"}, b"\x00\x01"),
    }
    with HostileServer(extra) as server:
        results, _ = predict(server, ["gzipped", "brotli"])
    assert results[0].value == "negative"
    assert (
        results[1].error == "malformed answer: the body is in an encoding that was not "
        "asked for ('br')"
    )


def test_a_body_that_trickles_forever_ends_at_the_request_timeout():
    extra = {"trickle": (200, {"Transfer-Encoding": "chunked"}, endless_chunks(pause=0.05))}
    with HostileServer(extra) as server:
        results, _usage = predict(server, ["trickle"], request_timeout=0.5)
    assert results[0].error == "no answer within 0.5 s"


# ---------------------------------------------------------------- the key


@pytest.mark.parametrize("at", [0, 170, 185, 1000, "cut after 1", "cut after 5", "cut after 12"])
@pytest.mark.parametrize("form", ["json", "text", "prefix"])
def test_a_401_echoing_the_key_anywhere_never_shows_it(at, form):
    echo = KEY if form != "prefix" else KEY[:12] + "..."  # a server that cuts its own echo
    before = "HTTP 401 invalid_api_key: " if form == "json" else "HTTP 401: "
    said = "Incorrect API key provided: "
    if isinstance(at, str):  # where cutting first would leave that many characters of the key
        at = ERROR_TEXT_LIMIT - 1 - len(before) - len(said) - int(at.split()[-1])
    message = "x" * at + f"{said}{echo}. Check your key."
    body = error_body(message) if form == "json" else message.encode()
    with (
        HostileServer({"echo": (401, {}, body)}) as server,
        pytest.raises(ModelCallError) as caught,
    ):
        predict(server, ["echo"], strategy="FAILOVER")
    reason = str(caught.value).split(": ", 1)[1]
    assert reason.startswith(before + "x" * min(at, 10))
    assert KEY[:5] not in reason  # not even a few characters: scrubbed before it was cut
    assert len(reason) <= ERROR_TEXT_LIMIT


def test_the_key_reaches_no_log_line_or_reason(caplog):
    caplog.set_level(logging.DEBUG)
    message = "y" * 270 + KEY  # cut at 300 characters: 18 of them would be the key's
    with HostileServer({"echo": (500, {}, error_body(message, "x"))}) as server:
        results, usage = predict(server, ["echo"], strategy="RETRY", retry_num=2)
    assert results[0].error.startswith("HTTP 500 x: yyy")
    texts = [r.getMessage() for r in caplog.records] + [results[0].error, *usage.failure_reasons]
    assert texts and not [t for t in texts if KEY[:5] in t]


# ---------------------------------------------------------------- throttling


def test_a_429_asking_for_days_waits_at_most_max_wait_then_the_row_succeeds():
    waits = []

    async def fake_sleep(seconds):
        waits.append(seconds)

    throttled = [True]

    async def handler(request):
        if throttled.pop() if throttled else False:
            return httpx.Response(
                429,
                headers={"Retry-After": "999999"},
                json=error_body("slow down", "limit_requests"),
            )
        return httpx.Response(200, json=chat())

    config = ModelConfig(
        "m",
        "chat",
        "https://x/compatible-mode/v1/chat/completions",
        Secret(KEY),
        "qwen-turbo",
        error_handling="IGNORE",
    )
    client = ModelClient(
        config, transport=httpx.MockTransport(handler), pacer=None, sleep=fake_sleep
    )
    results, usage = asyncio.run(client.predict(["x"]))
    assert results[0].value == "positive"  # retried under IGNORE
    assert waits == [30.0] and usage.throttled == 1 and usage.retries == 1


def test_a_429_whose_wait_outlasts_the_row_fails_it_at_once_without_sleeping():
    waits = []

    async def fake_sleep(seconds):
        waits.append(seconds)

    with HostileServer(
        {
            "busy": (
                429,
                {"Retry-After": "999999"},
                error_body("Requests rate limit exceeded", "limit_requests"),
            )
        }
    ) as server:
        results, _usage = predict(
            server,
            ["busy"],
            row_timeout=20,
            sleep=fake_sleep,
            retry=RetryPolicy(),
            clock=lambda: 0.0,
        )  # time stands still
    assert waits == []
    assert results[0].error == (
        "gave up after 0.0 s: the server asked to wait 1e+06 s "
        "(Retry-After), "
        "more than is left of the row's 20 s timeout; last error: "
        "HTTP 429 limit_requests: Requests rate limit exceeded"
    )
    assert results[0].status == 429


# ---------------------------------------------------------------- no server at all


def closed_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.parametrize("strategy", ["RETRY", "IGNORE", "FAILOVER"])
def test_a_refused_connection_is_warned_at_once_and_the_run_gives_up_early(strategy):
    port = closed_port()
    warnings = []
    config = ModelConfig(
        "m",
        "chat",
        f"http://127.0.0.1:{port}/compatible-mode/v1/chat/completions",
        Secret(KEY),
        "qwen-turbo",
        error_handling=strategy,
    )
    client = ModelClient(
        config,
        pacer=None,
        row_timeout=1.0,
        on_warning=warnings.append,
        retry=RetryPolicy(base=0.02, max_wait=0.1, seed=1),
    )
    with pytest.raises(ModelCallError) as caught:
        asyncio.run(client.predict([f"row {i}" for i in range(20)]))
    cause = f"cannot connect to 127.0.0.1:{port}: [Errno 111] Connection refused"
    assert warnings == [f"model 'm': {cause}"]
    assert str(caught.value).startswith(f"model 'm': {cause} (")
    assert "no request has reached the service" in str(caught.value)


def test_a_host_that_does_not_resolve_is_named_with_the_cause():
    warnings = []
    config = ModelConfig(
        "m",
        "chat",
        "https://no-such-host.invalid/compatible-mode/v1/chat/completions",
        Secret(KEY),
        "qwen-turbo",
        error_handling="IGNORE",
    )
    client = ModelClient(
        config,
        pacer=None,
        row_timeout=1.0,
        on_warning=warnings.append,
        retry=RetryPolicy(base=0.02, max_wait=0.1, seed=1),
    )
    with pytest.raises(ModelCallError, match=r"cannot connect to no-such-host\.invalid:443: "):
        asyncio.run(client.predict(["x"]))
    assert len(warnings) == 1 and "no-such-host.invalid:443" in warnings[0]


UNREACHABLE_JOB = (
    """\
CREATE MODEL m INPUT (`input` STRING) OUTPUT (`content` STRING) WITH (
  'provider' = 'bailian', 'api-key' = '"""
    + KEY
    + """', 'model' = 'qwen-turbo',
  'endpoint' = '${BAILIAN_BASE_URL}/compatible-mode/v1/chat/completions',
  'error-handling-strategy' = 'IGNORE');
CREATE TABLE snk (id INT, label STRING) WITH ('connector' = 'print');
CREATE VIEW recs (id, txt) AS VALUES (1, 'great'), (2, 'awful');
INSERT INTO snk SELECT id, content
FROM ML_PREDICT(TABLE recs, MODEL m, DESCRIPTOR(txt), MAP['timeout', '2 s']);
"""
)


def test_the_command_line_warns_with_the_cause_then_fails_early(tmp_path):
    port = closed_port()
    job = tmp_path / "job.sql"
    job.write_text(UNREACHABLE_JOB)
    process = subprocess.run(
        [sys.executable, "-m", "bailian_assets.cli", "run", str(job)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        env=clean_env(BAILIAN_BASE_URL=f"http://127.0.0.1:{port}"),
    )
    cause = f"cannot connect to 127.0.0.1:{port}: [Errno 111] Connection refused"
    assert process.returncode == 1 and process.stdout == ""
    assert f"WARNING bailian_assets.client: model 'm': {cause}" in process.stderr
    assert f"bailian-assets: error: model 'm': {cause} (" in process.stderr
    assert "Traceback" not in process.stderr and KEY[:8] not in process.stderr


def test_dagster_logs_the_warning_and_fails_the_asset(tmp_path, monkeypatch):
    import dagster as dg

    from bailian_assets.integration import build_definitions

    port = closed_port()
    monkeypatch.setenv("BAILIAN_BASE_URL", f"http://127.0.0.1:{port}")
    (tmp_path / "sql").mkdir()
    (tmp_path / "sql" / "job.sql").write_text(UNREACHABLE_JOB)
    defs = build_definitions(tmp_path / "sql")
    with dg.instance_for_test() as instance:
        job = defs.resolve_implicit_global_asset_job_def()
        result = job.execute_in_process(instance=instance, raise_on_error=False)
        logs = instance.all_logs(result.run_id)
    assert not result.success
    cause = f"cannot connect to 127.0.0.1:{port}: [Errno 111] Connection refused"
    warnings = [e.message for e in logs if e.level == logging.WARNING]
    assert f"model 'm': {cause}" in warnings
    assert not [e for e in logs if KEY[:8] in str(e)]
