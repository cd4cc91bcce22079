"""The model client against httpx.MockTransport: retries, strategies, secrets; no sleeping."""

import asyncio
import json

import httpx
import pytest

from bailian_assets.client.client import ModelClient, ModelConfig
from bailian_assets.client.retry import RetryPolicy, parse_retry_after, should_retry
from bailian_assets.errors import ModelCallError
from bailian_assets.secrets import Secret

KEY = "sk-never-print-me-123"
CHAT = ModelConfig(
    "m",
    "chat",
    "https://dashscope-intl.aliyuncs.com/compatible-mode/v1/chat/completions",
    Secret(KEY),
    "qwen-turbo",
    "Label: [a, b].",
)


def ok(content="a"):
    return httpx.Response(
        200,
        json={
            "choices": [{"index": 0, "message": {"role": "assistant", "content": content}}],
            "usage": {"prompt_tokens": 3, "completion_tokens": 1},
        },
    )


def error(status, code="x", message="boom", headers=None):
    return httpx.Response(
        status,
        headers=headers or {},
        json={
            "error": {"message": message, "type": "t", "param": None, "code": code},
            "request_id": "r",
        },
    )


class Script:
    """A transport answering from a list, recording requests."""

    def __init__(self, *answers):
        self.answers = list(answers)
        self.requests = []

    def __call__(self, request):
        self.requests.append(request)
        answer = self.answers.pop(0) if len(self.answers) > 1 else self.answers[0]
        if isinstance(answer, Exception):
            raise answer
        return answer


def predict(config, script, texts, **kwargs):
    waits = []

    async def fake_sleep(seconds):
        waits.append(seconds)

    client = ModelClient(
        config,
        transport=httpx.MockTransport(script),
        sleep=fake_sleep,
        retry=RetryPolicy(seed=1),
        **kwargs,
    )
    results, usage = asyncio.run(client.predict(texts))
    return results, usage, waits


def test_request_format_and_answer():
    script = Script(ok("b"))
    config = ModelConfig(**{**CHAT.__dict__, "request": {"temperature": 0.1, "stop": ["x"]}})
    results, usage, _ = predict(config, script, ["hello"])
    body = json.loads(script.requests[0].content)
    assert body == {
        "model": "qwen-turbo",
        "temperature": 0.1,
        "stop": ["x"],
        "messages": [
            {"role": "system", "content": "Label: [a, b]."},
            {"role": "user", "content": "hello"},
        ],
    }
    assert script.requests[0].headers["authorization"] == f"Bearer {KEY}"
    assert results[0].value == "b"
    assert (usage.requests, usage.prompt_tokens, usage.completion_tokens) == (1, 3, 1)


def test_retries_429_honouring_retry_after_then_succeeds():
    script = Script(error(429, "limit_requests", headers={"Retry-After": "7"}), error(503), ok())
    results, usage, waits = predict(CHAT, script, ["x"])
    assert results[0].value == "a"
    assert (usage.requests, usage.retries, usage.throttled) == (3, 2, 1)
    assert waits[0] == 7 and 0 <= waits[1] <= 1.0  # Retry-After, then jittered backoff


def test_connection_errors_and_malformed_json_are_retried():
    script = Script(httpx.ConnectError("refused"), httpx.Response(200, content=b"{not json"), ok())
    results, usage, _ = predict(CHAT, script, ["x"])
    assert results[0].value == "a" and usage.retries == 2


def test_non_retryable_status_goes_straight_to_the_fallback():
    script = Script(error(400, "invalid_parameter_error", "bad input"))
    config = ModelConfig(**{**CHAT.__dict__, "retry_fallback": "IGNORE"})
    results, usage, _ = predict(config, script, ["x"])
    assert results[0].value is None and results[0].status == 400
    assert results[0].error == "HTTP 400 invalid_parameter_error: bad input"
    assert usage.requests == 1 and usage.rows_failed == 1


def test_retry_num_bounds_the_retries_then_failover_raises():
    script = Script(error(500))
    config = ModelConfig(**{**CHAT.__dict__, "retry_num": 3})
    with pytest.raises(ModelCallError, match="model 'm' failed on row 2: HTTP 500 x: boom"):
        predict(config, script, [None, "x"])
    assert len(script.requests) == 4


def test_row_timeout_covers_all_retries():
    async def slow(request):
        await asyncio.sleep(1)
        return ok()

    config = ModelConfig(**{**CHAT.__dict__, "error_handling": "IGNORE"})
    client = ModelClient(config, transport=httpx.MockTransport(slow), row_timeout=0.05)
    results, _usage = asyncio.run(client.predict(["x"]))
    assert results[0].error.startswith("timed out after 0.05 s")


def test_api_key_never_reaches_an_error_message():
    script = Script(error(401, "invalid_api_key", f"Incorrect API key provided: {KEY}"))
    config = ModelConfig(**{**CHAT.__dict__, "error_handling": "FAILOVER"})
    with pytest.raises(ModelCallError) as caught:
        predict(config, script, ["x"])
    assert KEY not in str(caught.value) and "******" in str(caught.value)
    assert KEY not in repr(config)


def test_concurrency_is_bounded():
    in_flight = peak = 0

    async def handler(request):
        nonlocal in_flight, peak
        in_flight += 1
        peak = max(peak, in_flight)
        await asyncio.sleep(0.001)
        in_flight -= 1
        return ok()

    client = ModelClient(CHAT, transport=httpx.MockTransport(handler), max_concurrency=4)
    results, usage = asyncio.run(client.predict([f"t{i}" for i in range(40)]))
    assert peak == 4 and usage.requests == 40 and all(r.value == "a" for r in results)


def test_embeddings_are_batched_and_checked_for_dimension():
    def handler(request):
        body = json.loads(request.content)
        dims = 2 if "short" in body["input"] else 3
        return httpx.Response(
            200,
            json={
                "data": [
                    {"index": i, "embedding": [0.5] * dims} for i in range(len(body["input"]))
                ],
                "usage": {"prompt_tokens": 1},
            },
        )

    config = ModelConfig(
        "e",
        "embedding",
        "https://x/compatible-mode/v1/embeddings",
        Secret("k"),
        "text-embedding-v3",
        request={"dimensions": 3},
        error_handling="IGNORE",
    )
    client = ModelClient(config, transport=httpx.MockTransport(handler))
    texts = [f"t{i}" for i in range(23)] + ["short"]
    results, usage = asyncio.run(client.predict(texts))
    assert usage.requests == 3  # 10 + 10 + 4
    assert results[0].value == [0.5, 0.5, 0.5]
    assert results[-1].value is None and "expected 3" in results[-1].error


@pytest.mark.parametrize(
    "status, retry",
    [
        (None, True),
        (408, True),
        (409, True),
        (429, True),
        (500, True),
        (503, True),
        (400, False),
        (401, False),
        (404, False),
    ],
)
def test_should_retry(status, retry):
    assert should_retry(status) is retry


@pytest.mark.parametrize(
    "headers, seconds",
    [
        ({"Retry-After": "2"}, 2.0),
        ({"retry-after-ms": "1500"}, 1.5),
        ({}, None),
        ({"Retry-After": "Thu, 01 Jan 2026 00:00:10 GMT"}, 10.0),
        ({"Retry-After": "soon"}, None),
        ({"Retry-After": "nan"}, None),
        ({"Retry-After": "inf"}, float("inf")),
        ({"retry-after-ms": "nan", "Retry-After": "3"}, 3.0),
        ({"Retry-After": "-5"}, 0.0),
    ],
)
def test_parse_retry_after(headers, seconds):
    now = 1767225600.0  # 2026-01-01T00:00:00Z
    assert parse_retry_after(headers, now=now) == seconds


def test_backoff_grows_exponentially_capped_with_jitter():
    policy = RetryPolicy(base=1, factor=2, max_wait=5, seed=3)
    delays = policy.delays()
    waits = [next(delays) for _ in range(8)]
    caps = [1, 2, 4, 5, 5, 5, 5, 5]
    assert all(0 <= w <= c for w, c in zip(waits, caps, strict=False))
    assert policy.wait(delays, retry_after=60) == 5  # the server's ask is capped too
    assert policy.wait(delays, retry_after=float("inf")) == 5
    assert 0 < policy.wait(delays, retry_after=0) <= 5  # "now", again and again: back off


def test_progress_reports_rows_rate_and_eta_at_an_interval():
    from bailian_assets.client.progress import Progress

    now = [0.0]
    reports = []
    progress = Progress("m", 100, reports.append, interval=10, clock=lambda: now[0])
    for _ in range(10):
        now[0] += 2
        progress.advance(5)
    assert len(reports) == 2  # at 10 s and 20 s
    assert reports[0].describe() == "model 'm': 25/100 rows (25%), 2.5 rows/s, ETA 30 s"
    progress.finish()
    assert reports[-1].done == 50


def test_a_vector_of_the_wrong_length_fails_naming_model_and_row():
    def handler(request):
        body = json.loads(request.content)
        return httpx.Response(
            200,
            json={
                "data": [{"index": i, "embedding": [0.1] * 7} for i in range(len(body["input"]))]
            },
        )

    config = ModelConfig(
        "catalog_embedding",
        "embedding",
        "https://x/compatible-mode/v1/embeddings",
        Secret("k"),
        "text-embedding-v3",
        request={"dimensions": 8},
        error_handling="FAILOVER",
    )
    client = ModelClient(config, transport=httpx.MockTransport(handler), pacer=None)
    with pytest.raises(
        ModelCallError,
        match=r"model 'catalog_embedding' failed on row 2: "
        r"malformed answer: an embedding of length 7, "
        r"expected 8",
    ):
        asyncio.run(client.predict([None, "text"]))


def test_the_scrubber_removes_secrets_their_prefixes_and_encoded_forms():
    from bailian_assets.secrets import Scrubber

    scrub = Scrubber(["sk-abcdef0123456789", "tenant/7 x", "k"])
    assert scrub("key sk-abcdef0123456789 in the middle") == "key ****** in the middle"
    assert scrub("cut off at the end: sk-abcdef01") == "cut off at the end: ******"
    assert scrub("echo 'sk-abcdef0123...'") == "echo '******...'"
    assert scrub("short echo sk-abcd") == "short echo sk-abcd"  # 7 characters: not a leak
    assert scrub("path /v1/tenant%2F7%20x/chat") == "path /v1/******/chat"
    assert scrub("a k in a text, kept") == "a k in a text, kept"  # too short to be scrubbed
    assert scrub("sk-abcdef0123456789sk-abcdef0123456789") == "************"


def test_a_secret_in_the_endpoint_reaches_no_text(caplog):
    import logging

    secret = "acct-5f2b9e7d41c3"
    endpoint = f"https://{secret}.gateway.example.com/compatible-mode/v1/chat/completions"
    script = Script(
        httpx.ConnectError("refused"),
        error(404, "not_found", f"no route for {endpoint} (key {KEY[:12]})"),
    )
    config = ModelConfig(
        "m",
        "chat",
        endpoint,
        Secret(KEY),
        "qwen-turbo",
        error_handling="IGNORE",
        secrets=(Secret(secret),),
    )
    warnings = []
    caplog.set_level(logging.DEBUG)
    caplog.set_level(logging.DEBUG, logger="httpx")  # as `bailian-assets -v` does
    results, _usage, _ = predict(config, script, ["x"], on_warning=warnings.append)
    assert warnings == ["model 'm': cannot connect to ******.gateway.example.com:443: refused"]
    assert (
        results[0].error == "HTTP 404 not_found: no route for https://******.gateway."
        "example.com/compatible-mode/v1/chat/completions (key ******)"
    )
    texts = [*warnings, results[0].error, repr(config), *(r.getMessage() for r in caplog.records)]
    assert any("HTTP Request: POST https://******.gateway" in t for t in texts)  # httpx's log
    assert not [t for t in texts if secret[:8] in t or KEY[:8] in t]


@pytest.mark.parametrize(
    "strategy, failures, tried",
    [
        ("RETRY", [(503, None)] * 5, 3),  # retry_num 3
        ("RETRY", [(200, "malformed")] * 5, 2),  # a wrong shape: twice at most
        ("RETRY", [(200, "garbled")] * 5, 3),  # a body cut off: like a dropped connection
        ("RETRY", [(400, None)], 0),
        ("IGNORE", [(503, None), (None, None), (200, "garbled")], 0),
        ("FAILOVER", [(503, None)], 0),
        ("IGNORE", [(429, None)] * 10, 10),  # throttling, under every strategy
        ("FAILOVER", [(None, "unreachable")] * 10, 10),  # the run decides, not the row
        ("RETRY", [(429, None)] * 10 + [(503, None)] * 5, 13),  # 429s do not use up retry-num
    ],
)
def test_which_failures_a_row_retries(strategy, failures, tried):
    from bailian_assets.client.retry import RowRetries

    retries = RowRetries(strategy, 3)
    allowed = 0
    for status, kind in failures:
        if not retries.allow(status, kind):
            break
        allowed += 1
    assert allowed == tried


def embeddings(*items):
    return json.dumps({"data": list(items), "usage": {"prompt_tokens": 2}}).encode()


@pytest.mark.parametrize(
    "body, reason",
    [
        (embeddings({"index": 1, "embedding": [1, 2]}, {"index": 0, "embedding": [0.5, 0]}), None),
        (embeddings({"index": 0, "embedding": [1, 2]}), "1 embeddings for 2 inputs"),
        (
            embeddings({"index": 0, "embedding": [1, 2]}, {"index": 0, "embedding": [1, 2]}),
            "two embeddings have index 0",
        ),
        (
            embeddings({"index": 0, "embedding": [1, 2]}, {"index": 2, "embedding": [1, 2]}),
            "data[1].index is 2, not one of 0..1",
        ),
        (
            embeddings({"index": 0, "embedding": [1, 2]}, {"index": "1", "embedding": [1, 2]}),
            "data[1].index is a string, not one of 0..1",
        ),
        (
            embeddings({"index": 0, "embedding": [1, "2"]}, {"index": 1, "embedding": [1, 2]}),
            "data[0].embedding holds something other than numbers",
        ),
        (
            embeddings({"index": 0, "embedding": [1, True]}, {"index": 1, "embedding": [1, 2]}),
            "data[0].embedding holds something other than numbers",
        ),
        (
            b'{"data": [{"index": 0, "embedding": [1, NaN]}, {"index": 1, "embedding": [1, 2]}]}',
            "data[0].embedding holds a number that is not finite",
        ),
        (
            embeddings({"index": 0, "embedding": []}, {"index": 1, "embedding": [1, 2]}),
            "data[0].embedding is an empty list, not a list of numbers",
        ),
        (
            embeddings({"index": 0, "embedding": "AAAA"}, {"index": 1, "embedding": [1, 2]}),
            "data[0].embedding is a string, not a list of numbers",
        ),
        (
            embeddings({"index": 0, "embedding": [1, 2, 3]}, {"index": 1, "embedding": [1, 2]}),
            "an embedding of length 3, expected 2",
        ),
        (json.dumps({"data": {}}).encode(), "'data' is an object, not a list"),
    ],
)
def test_embedding_answers_are_checked(body, reason):
    from bailian_assets.client.answers import MalformedAnswer, parse_answer

    if reason is None:
        answer = parse_answer(body, "embedding", 2, dimension=2)
        assert answer.values == [[0.5, 0.0], [1.0, 2.0]] and answer.prompt_tokens == 2
        assert all(type(x) is float for v in answer.values for x in v)
    else:
        with pytest.raises(MalformedAnswer) as caught:
            parse_answer(body, "embedding", 2, dimension=2 if "length" in reason else None)
        assert str(caught.value) == f"malformed answer: {reason}"


def test_chat_answers_with_several_choices_are_checked_and_ordered():
    from bailian_assets.client.answers import MalformedAnswer, parse_answer

    def body(*choices):
        return json.dumps({"choices": list(choices)}).encode()

    two = body({"index": 1, "message": {"content": "b"}}, {"index": 0, "message": {"content": "a"}})
    assert parse_answer(two, "chat", 1, n=2).values == [["a", "b"]]
    with pytest.raises(MalformedAnswer, match=r"choices.1..message.content is null"):
        parse_answer(
            body({"message": {"content": "a"}}, {"message": {"content": None}}), "chat", 1, n=2
        )
    with pytest.raises(MalformedAnswer, match="two choices have the same 'index'"):
        parse_answer(
            body(
                {"index": 0, "message": {"content": "a"}}, {"index": 0, "message": {"content": "b"}}
            ),
            "chat",
            1,
            n=2,
        )
