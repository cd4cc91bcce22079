"""The model client against what a hostile tester found after the first round of safety work.

- the secrets' echoes a server makes (partial, upper-cased, split by markup, base64, in a
  200 answer's content) are masked wherever the client puts text, the cache included;
- bodies built to crash a parser (deep nesting, huge numbers, invalid Unicode) fail their
  row as malformed answers, never the run;
- a server that accepts connections but never speaks HTTP is given up on early, as a refused
  connection is, and a Retry-After beyond the row's timeout is said as such;
- endpoint URLs and BAILIAN_BASE_URL are checked fully (ports, brackets, user names and
  passwords) before a run, without showing a secret part.
"""

import asyncio
import base64
import json
import os
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from bailian_assets.client.cache import ResponseCache
from bailian_assets.client.client import ModelClient, ModelConfig
from bailian_assets.client.retry import RetryPolicy
from bailian_assets.secrets import MASK, Scrubber, Secret
from conftest import ROOT, clean_env

KEY = "sk-ZZLEAKTEST0123456789abcdef"
GATEWAY = "/GWSECRETPATH"
CHAT_URL = "https://x.example.com/compatible-mode/v1/chat/completions"


# ---------------------------------------------------------------- the scrubber


@pytest.mark.parametrize(
    "echo",
    [
        KEY[3:],  # without its prefix
        KEY.upper(),
        "<b>" + KEY[:6] + "</b>" + KEY[6:],  # split by markup: the 6 characters are kept
        KEY[5:17],  # any 8 characters or more of it, wherever they come from
        base64.b64encode(f"Bearer {KEY}".encode()).decode(),  # the Authorization header
        base64.b64encode(KEY.encode()).decode(),
        base64.b64encode(b"k=" + KEY.encode() + b";").decode(),  # inside a longer base64 text
        base64.urlsafe_b64encode(b"x" + KEY.encode()).decode(),
        " ".join(KEY),  # spelled out
        "  ".join(KEY[4:]),
    ],
)
def test_the_scrubber_masks_partial_and_transformed_echoes(echo):
    scrubbed = Scrubber([KEY])(f"bad key: {echo} (try again)")
    assert scrubbed.startswith("bad key: ") and scrubbed.endswith(" (try again)")
    assert MASK in scrubbed
    left = scrubbed.replace(MASK, "\x00")
    # what is left of the key, in any form it was sent, is shorter than 8 characters
    for form in (KEY, KEY.upper(), echo if "<b>" not in echo and " " not in echo else KEY):
        assert not any(form[i : i + 8] in left for i in range(len(form) - 7))


def test_the_scrubber_masks_a_secret_path_echoed_by_a_404():
    scrub = Scrubber([KEY, GATEWAY])
    assert (
        scrub(f"Not found: {GATEWAY}/compatible-mode/v1/chat")
        == f"Not found: {MASK}/compatible-mode/v1/chat"
    )
    assert scrub("Not found: /gwsecretpath%2Fcompatible") == f"Not found: {MASK}%2Fcompatible"


def test_the_scrubber_leaves_ordinary_text_alone():
    scrub = Scrubber([KEY, "gw-zq9x7-distinct.example.com", "hunter2pass"])
    text = "The example shows a test: pass a value to Bearer auth. sk- a b c d e f g h i j"
    assert scrub(text) == text
    # a word from inside a secret is kept; more of it, or with a digit or a mark, is not
    assert scrub("a distinct example.com, -distinct") == f"a distinct {MASK}, {MASK}"
    assert Scrubber(["sk-simulator"])("the simulator, sk-simul...") == f"the simulator, {MASK}..."
    assert scrub("") == "" and Scrubber([])(text) == text


# ---------------------------------------------------------------- echoes in answers


def chat_body(*contents, usage=None):
    return {
        "choices": [
            {"index": i, "message": {"role": "assistant", "content": c}}
            for i, c in enumerate(contents)
        ],
        "usage": usage or {"prompt_tokens": 3, "completion_tokens": 2},
    }


def make_client(
    handler, cache=None, strategy="IGNORE", endpoint=CHAT_URL, secrets=(), warnings=None, **kwargs
):
    kwargs.setdefault("retry", RetryPolicy(base=0.001, max_wait=0.01, seed=1))
    config = ModelConfig(
        "m",
        "chat",
        endpoint,
        Secret(KEY),
        "qwen-turbo",
        error_handling=strategy,
        retry_fallback="IGNORE",
        request=kwargs.pop("request", {}),
        secrets=secrets,
        retry_num=kwargs.pop("retry_num", 100),
    )
    return ModelClient(
        config,
        transport=httpx.MockTransport(handler),
        pacer=None,
        cache=cache,
        on_warning=(warnings if warnings is not None else []).append,
        **kwargs,
    )


def test_a_secret_echoed_in_a_200_answer_is_masked_before_it_is_used_or_cached(tmp_path):
    gateway = Secret("gw-zq9x7-distinct")

    def handler(request):
        auth = request.headers["authorization"]
        return httpx.Response(
            200,
            json=chat_body(
                f"your key is {auth.split()[1]}",
                "header " + base64.b64encode(auth.encode()).decode(),
                f"host {gateway.reveal().upper()}",
            ),
        )

    cache, warnings = ResponseCache(tmp_path), []
    client = make_client(handler, cache, request={"n": 3}, secrets=(gateway,), warnings=warnings)
    results, _usage = asyncio.run(client.predict(["a", "b"]))
    for result in results:
        assert result.error is None and len(result.value) == 3
        assert result.value[0] == f"your key is {MASK}" and result.value[2] == f"host {MASK}"
        assert result.value[1] == f"header {MASK}"
    assert warnings == [
        "model 'm': an answer held a secret value of the model (the key, or "
        "a ${secret_values...}); it is masked as '******'"
    ]
    stored = b"".join(p.read_bytes() for p in tmp_path.rglob("*") if p.is_file())
    assert stored and KEY.encode()[3:11] not in stored and b"zq9x7" not in stored.lower()


def test_a_secret_in_an_answer_cached_earlier_is_masked_on_the_way_out(tmp_path):
    from bailian_assets.client.cache import cache_key

    def handler(request):
        raise AssertionError("answered from the cache: no request")

    cache = ResponseCache(tmp_path)
    client = make_client(handler, cache)
    cache.put_many({cache_key(client._fingerprint, "old"): f"the key was {KEY.upper()}"})
    results, usage = asyncio.run(client.predict(["old"]))
    assert results[0].value == f"the key was {MASK}" and usage.cache_hits == 1


def test_a_key_echoed_in_a_200_answer_is_in_nothing_run_writes(tmp_path):
    from test_hostile_server import HostileServer
    from test_secrets import ECHO_JOB, written

    job = tmp_path / "job.sql"
    job.write_text(ECHO_JOB)
    echo = (200, {}, chat_body(f"your key is {KEY}, or {KEY[3:].upper()}"))
    with HostileServer({"echo": echo}) as server:
        process = subprocess.run(
            [sys.executable, "-m", "bailian_assets.cli", "-v", "run", str(job)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,
            env=clean_env(
                BAILIAN_BASE_URL=f"http://127.0.0.1:{server.port}", DASHSCOPE_API_KEY=KEY
            ),
        )
    assert process.returncode == 0, process.stderr
    assert f"+I[echo, your key is {MASK}, or {MASK}, null]" in process.stdout
    blobs = written(Path(os.environ["BAILIAN_CACHE_DIR"]), Path(os.environ["BAILIAN_OUTPUT_DIR"]))
    texts = [process.stdout, process.stderr, *(b.decode("utf-8", "replace") for b in blobs)]
    assert blobs and not [t for t in texts if KEY[3:11].lower() in t.lower()]


# ---------------------------------------------------------------- bodies built to crash


DEEP = b'{"choices":' + b"[" * 200_000 + b"]" * 200_000 + b"}"
HUGE = b"9" * 4000
HOSTILE_ANSWERS = {
    "deep": (DEEP, "the body is JSON nested too deeply"),
    "huge usage": (
        b'{"choices":[{"message":{"content":"x"}}],"usage":{"prompt_tokens":'
        + HUGE
        + b',"completion_tokens":'
        + HUGE
        + b"}}",
        "the body holds an integer of 4,000 digits",
    ),
    "big usage": (
        json.dumps(chat_body("x", usage={"completion_tokens": 10**12})).encode(),
        "usage.completion_tokens is 1000000000000, more than any request uses "
        "(1,000,000,000 tokens)",
    ),
    "huge index": (
        b'{"choices":[{"index":' + HUGE + b',"message":{"content":"x"}}]}',
        "the body holds an integer of 4,000 digits",
    ),
    "surrogate": (
        json.dumps(chat_body("a\ud800b")).encode(),
        "choices[0].message.content is not valid Unicode (a lone surrogate, U+D800)",
    ),
    "nul": (
        json.dumps(chat_body("a\u0000b")).encode(),
        "choices[0].message.content holds a NUL character",
    ),
    "NaN usage": (
        b'{"choices":[{"message":{"content":"x"}}],"usage":{"prompt_tokens":NaN}}',
        "usage.prompt_tokens is nan, not a non-negative integer",
    ),
}


@pytest.mark.parametrize("strategy", ["IGNORE", "RETRY"])
def test_chat_bodies_built_to_crash_fail_their_row_as_malformed(strategy):
    def handler(request):
        text = json.loads(request.content)["messages"][-1]["content"]
        if text == "good":
            return httpx.Response(200, json=chat_body("fine"))
        return httpx.Response(200, content=HOSTILE_ANSWERS[text][0])

    texts = ["good", *HOSTILE_ANSWERS]
    results, usage = asyncio.run(
        make_client(handler, strategy=strategy, retry_num=2).predict(texts)
    )
    assert results[0].value == "fine"
    for text, result in zip(texts[1:], results[1:], strict=False):
        assert (result.value, result.error) == (
            None,
            "malformed answer: " + HOSTILE_ANSWERS[text][1],
        ), text
    assert usage.rows_failed == len(HOSTILE_ANSWERS)
    assert usage.prompt_tokens < 100 and usage.completion_tokens < 100


def embeddings(*vectors):
    return {"data": [{"index": i, "embedding": v} for i, v in enumerate(vectors)]}


@pytest.mark.parametrize(
    "body, problem",
    [
        (
            json.dumps(embeddings([1e300, 0.5])).encode(),
            "data[0].embedding holds a number beyond float32's range",
        ),
        (
            json.dumps(embeddings([-3.5e38, 0.5])).encode(),
            "data[0].embedding holds a number beyond float32's range",
        ),
        (
            b'{"data":[{"index":0,"embedding":[1e999, 0.5]}]}',
            "data[0].embedding holds a number that is not finite",
        ),
        (
            b'{"data":[{"index":0,"embedding":[0.5, NaN]}]}',
            "data[0].embedding holds a number that is not finite",
        ),
        (
            b'{"data":[{"index":0,"embedding":[' + HUGE + b"]}]}",
            "the body holds an integer of 4,000 digits",
        ),
    ],
)
def test_embeddings_beyond_float32_fail_their_row_as_malformed(body, problem):
    config = ModelConfig(
        "e",
        "embedding",
        "https://x.example.com/compatible-mode/v1/embeddings",
        Secret(KEY),
        "text-embedding-v3",
        error_handling="IGNORE",
    )
    client = ModelClient(
        config,
        pacer=None,
        transport=httpx.MockTransport(lambda request: httpx.Response(200, content=body)),
    )
    results, usage = asyncio.run(client.predict(["x"]))
    assert results[0].error == f"malformed answer: {problem}" and usage.rows_failed == 1


def test_a_vector_at_float32s_edge_is_kept():
    from bailian_assets.client.answers import FLOAT32_MAX, check_cached

    assert check_cached([FLOAT32_MAX, -FLOAT32_MAX, 0, 1e-45], "embedding")
    assert not check_cached([FLOAT32_MAX * 1.0001], "embedding")
    assert not check_cached("a\ud800", "chat") and not check_cached(["ok", "\x00"], "chat", 2)


@pytest.mark.parametrize(
    "body, said",
    [
        (b'{"error":' + b"[" * 200_000 + b"]" * 200_000 + b"}", 'HTTP 500: {"error":[[[['),
        (
            json.dumps({"error": {"code": "x\ud800", "message": "bad\u0000\x1b[31m"}}).encode(),
            "HTTP 500 x\ufffd: bad\ufffd\ufffd[31m",
        ),
    ],
)
def test_error_bodies_built_to_crash_are_described_as_plain_text(body, said):
    client = make_client(lambda request: httpx.Response(500, content=body), strategy="IGNORE")
    results, usage = asyncio.run(client.predict(["x"]))
    assert results[0].error.startswith(said) and usage.rows_failed == 1
    results[0].error.encode("utf-8")  # any sink can write it


INVALID_TEXT_JOB = """\
CREATE MODEL m INPUT (`input` STRING)
OUTPUT (`content` STRING, `error-string` STRING METADATA) WITH (
  'provider' = 'bailian', 'api-key' = 'sk-local-test-key', 'model' = 'qwen-turbo',
  'endpoint' = '${BAILIAN_BASE_URL}/compatible-mode/v1/chat/completions',
  'error-handling-strategy' = 'IGNORE');
CREATE TABLE shown (txt STRING, label STRING, why STRING) WITH ('connector' = 'print');
CREATE TABLE kept (txt STRING, label STRING, why STRING) WITH (
  'connector' = 'filesystem', 'path' = '${BAILIAN_OUTPUT_DIR}/kept', 'format' = 'json');
CREATE VIEW recs (txt) AS VALUES ('surrogate'), ('error'), ('good');
INSERT INTO shown SELECT txt, content, `error-string`
FROM ML_PREDICT(TABLE recs, MODEL m, DESCRIPTOR(txt));
INSERT INTO kept SELECT txt, content, `error-string`
FROM ML_PREDICT(TABLE recs, MODEL m, DESCRIPTOR(txt));
"""


def test_invalid_unicode_from_the_server_never_kills_an_ignore_run(tmp_path):
    from test_hostile_server import HostileServer

    job = tmp_path / "job.sql"
    job.write_text(INVALID_TEXT_JOB)
    extra = {
        "surrogate": (200, {}, HOSTILE_ANSWERS["surrogate"][0]),
        "error": (400, {}, json.dumps({"error": {"message": "no\ud800pe"}}).encode()),
        "good": (200, {}, chat_body("fine")),
    }
    with HostileServer(extra) as server:
        process = subprocess.run(
            [sys.executable, "-m", "bailian_assets.cli", "run", str(job)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,
            env=clean_env(BAILIAN_BASE_URL=f"http://127.0.0.1:{server.port}"),
        )
    assert process.returncode == 0, process.stderr
    assert (
        "+I[surrogate, null, malformed answer: choices[0].message.content is not valid "
        "Unicode (a lone surrogate, U+D800)]" in process.stdout
    )
    assert "+I[error, null, HTTP 400: no\ufffdpe]" in process.stdout
    assert "+I[good, fine, null]" in process.stdout
    kept = b"".join(
        p.read_bytes() for p in Path(os.environ["BAILIAN_OUTPUT_DIR"]).rglob("part-*.json")
    )
    assert kept.count(b'"txt"') == 3


# ---------------------------------------------------------------- URLs


@pytest.mark.parametrize(
    "url, problem",
    [
        (
            "https://host:abc/v1/chat/completions",
            "is not a valid URL: its host or port cannot be read",
        ),
        (
            "https://[GW::1/v1/chat/completions",
            "is not a valid URL: its host or port cannot be read",
        ),
        ("http://127.0.0.1:notaport/v1", "is not a valid URL: its host or port cannot be read"),
        ("https://host:70000/v1", "is not a valid URL: its host or port cannot be read"),
        ("https://host:0/v1", "is not a valid URL: its port is not a number from 1 to 65535"),
        (
            "https://a b.example.com/v1",
            "is not a valid URL: its host is not a host name or IP address",
        ),
        (
            "https://-gw.example.com/v1",
            "is not a valid URL: its host is not a host name or IP address",
        ),
        (
            "http://user:hunter2pass@127.0.0.1:18777/v1",
            "holds a user name or password: give the "
            "key with 'api-key' (or the environment), "
            "never in the URL",
        ),
        (
            "https://hunter2pass@gw.example.com/v1",
            "holds a user name or password: give the key "
            "with 'api-key' (or the environment), never in "
            "the URL",
        ),
    ],
)
def test_urls_httpx_cannot_use_are_refused_without_showing_a_secret_part(url, problem):
    from bailian_assets.endpoint_url import check_url
    from bailian_assets.planning.models import check_endpoint_url

    shown = "https://${secret_values.gw}/v1"
    assert check_endpoint_url(url, shown) == f"endpoint '{shown}' {problem}"
    said = check_url(url, what="BAILIAN_BASE_URL")
    assert said.startswith("BAILIAN_BASE_URL '") and said.endswith(problem)
    assert "hunter2pass" not in said and "user:" not in said


@pytest.mark.parametrize(
    "url",
    [
        "https://dashscope-intl.aliyuncs.com/compatible-mode/v1",
        "http://127.0.0.1:8080/v1",
        "http://[::1]:80/v1",
        "https://gw_1.example.com:8443/a b",
        "https://bücher.de/v1",
        "http://localhost/v1",
    ],
)
def test_urls_a_request_can_go_to_pass(url):
    from bailian_assets.endpoint_url import check_url

    assert check_url(url) is None
    httpx.Request("POST", url)  # and httpx takes them


SECRET_ENDPOINT_JOB = """\
CREATE MODEL m INPUT (`input` STRING) OUTPUT (`content` STRING) WITH (
  'provider' = 'bailian', 'api-key' = 'sk-local-test-key', 'model' = 'qwen-turbo',
  'endpoint' = 'https://${secret_values.gw}/compatible-mode/v1/chat/completions');
CREATE TABLE snk (id INT, label STRING) WITH ('connector' = 'print');
CREATE VIEW recs (id, txt) AS VALUES (1, 'great');
INSERT INTO snk SELECT id, content FROM ML_PREDICT(TABLE recs, MODEL m, DESCRIPTOR(txt));
"""


@pytest.mark.parametrize("gateway", ["host:abc", "[GW::1", "gwuser:hunter2pass@gw.example.com"])
def test_check_refuses_a_secret_endpoint_httpx_cannot_use_without_showing_it(tmp_path, gateway):
    job = tmp_path / "job.sql"
    job.write_text(SECRET_ENDPOINT_JOB)
    for command in ("check", "run"):
        process = subprocess.run(
            [sys.executable, "-m", "bailian_assets.cli", command, str(job)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=60,
            env=clean_env(GW=gateway),
        )
        assert process.returncode == 1, process.stderr
        # reported where the model is used, as Flink reports it
        assert (
            "error: model 'm' cannot be used: endpoint "
            "'https://${secret_values.gw}/compatible-mode/v1/chat/completions' " in process.stderr
        )
        assert "Traceback" not in process.stderr
        assert gateway not in process.stderr and "hunter2pass" not in process.stderr


@pytest.mark.parametrize(
    "base_url, problem",
    [
        ("http://127.0.0.1:notaport", "is not a valid URL: its host or port cannot be read"),
        ("http://user:hunter2pass@127.0.0.1:18777", "holds a user name or password"),
    ],
)
def test_a_bad_base_url_stops_run_at_the_start_with_a_clean_error(tmp_path, base_url, problem):
    job = tmp_path / "job.sql"
    job.write_text(
        SECRET_ENDPOINT_JOB.replace("https://${secret_values.gw}", "https://gw.example.com")
    )
    process = subprocess.run(
        [sys.executable, "-m", "bailian_assets.cli", "run", str(job)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        env=clean_env(BAILIAN_BASE_URL=base_url),
    )
    assert process.returncode == 1 and process.stdout == ""
    shown = base_url.replace("user:hunter2pass", MASK)
    assert f"bailian-assets: error: BAILIAN_BASE_URL '{shown}' {problem}" in process.stderr
    assert "Traceback" not in process.stderr and "hunter2pass" not in process.stderr


def test_the_client_refuses_an_endpoint_with_a_password_made_in_code():
    from bailian_assets.errors import ModelCallError

    with pytest.raises(
        ModelCallError,
        match=r"model 'm': endpoint 'https://\*\*\*\*\*\*@x"
        r"\.example\.com/v1/chat/completions' holds a "
        r"user name or password",
    ):
        make_client(
            lambda request: httpx.Response(200),
            endpoint="https://u:hunter2pass@x.example.com/v1/chat/completions",
        )


# ---------------------------------------------------------------- no HTTP, no time


def refusing(error):
    def handler(request):
        raise error

    return handler


@pytest.mark.parametrize(
    "error, cause",
    [
        (
            httpx.RemoteProtocolError("Server disconnected without sending a response."),
            "no HTTP answer from x.example.com:443: the server closed the connection without "
            "answering",
        ),
        (
            httpx.ReadError("[Errno 104] Connection reset by peer"),
            "no HTTP answer from x.example.com:443: the server closed the connection without "
            "answering",
        ),
        (
            httpx.ConnectError("[Errno 111] Connection refused"),
            "cannot connect to x.example.com:443: [Errno 111] Connection refused",
        ),
    ],
)
@pytest.mark.parametrize("concurrency", [1, 16])
def test_a_service_never_answering_stops_the_run_10_s_after_the_first_failure(
    error, cause, concurrency
):
    import re

    from virtual_time import VirtualClock

    from bailian_assets.errors import ModelCallError

    clock, warnings = VirtualClock(), []
    client = make_client(
        refusing(error),
        strategy="RETRY",
        warnings=warnings,
        clock=clock,
        sleep=clock.sleep,
        max_concurrency=concurrency,
        retry=RetryPolicy(seed=1),
    )  # the default backoff: 0.5 s doubling
    with pytest.raises(ModelCallError) as caught:
        asyncio.run(clock.run(client.predict([f"row {i}" for i in range(40)])))
    assert warnings == [f"model 'm': {cause}"]
    said = re.fullmatch(
        re.escape(f"model 'm': {cause} (") + r"(\d+) attempts over ([\d.]+) "
        r"s; no request has reached the service\)",
        str(caught.value),
    )
    assert said, str(caught.value)
    assert int(said.group(1)) >= 3 and 10.0 <= float(said.group(2)) < 10.1


class SilentServer:
    """Accepts connections on loopback and never speaks HTTP: closes each at once, or sends
    an SSH banner first."""

    def __init__(self, banner=b""):
        import socket
        import threading

        self.banner, self.accepted = banner, 0
        self._socket = socket.create_server(("127.0.0.1", 0))
        self.port = self._socket.getsockname()[1]
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self):
        while True:
            try:
                connection, _ = self._socket.accept()
            except OSError:
                return
            self.accepted += 1
            with connection:
                if self.banner:
                    connection.sendall(self.banner)

    def close(self):
        self._socket.close()


@pytest.mark.parametrize("banner", [b"", b"SSH-2.0-OpenSSH_8.9\r\n"])
def test_a_server_that_never_speaks_http_is_warned_and_given_up_on(banner, caplog):
    import gc

    from bailian_assets.errors import ModelCallError

    server, warnings = SilentServer(banner), []
    endpoint = f"http://127.0.0.1:{server.port}/compatible-mode/v1/chat/completions"
    client = make_client(
        None, strategy="RETRY", warnings=warnings, endpoint=endpoint, row_timeout=1.0
    )
    client.transport = None  # over the network, to the loopback server
    try:
        with pytest.raises(ModelCallError) as caught:
            asyncio.run(client.predict([f"row {i}" for i in range(30)]))
        gc.collect()  # an attempt whose error nobody took would be logged now
    finally:
        server.close()
    assert not [r for r in caplog.records if r.levelname == "ERROR"]
    cause = (
        f"no HTTP answer from 127.0.0.1:{server.port}: the server closed the connection "
        "without answering"
    )
    assert warnings == [f"model 'm': {cause}"]
    assert str(caught.value).startswith(f"model 'm': {cause} (")
    assert server.accepted >= 3


def test_a_retry_after_beyond_the_row_timeout_says_so_and_does_not_wait():
    waits = []

    async def sleep(seconds):
        waits.append(seconds)

    client = make_client(
        lambda request: httpx.Response(
            429, headers={"Retry-After": "1e308"}, json={"error": {"message": "slow down"}}
        ),
        row_timeout=5,
        sleep=sleep,
        retry=RetryPolicy(),
        clock=lambda: 0.0,
    )
    results, usage = asyncio.run(client.predict(["x"]))
    assert waits == [] and usage.rows_failed == 1
    assert results[0].error == (
        "gave up after 0.0 s: the server asked to wait 1e+308 s "
        "(Retry-After), "
        "more than is left of the row's 5 s timeout; last error: "
        "HTTP 429: slow down"
    )


def test_a_secret_path_echoed_by_a_404_is_masked_in_the_reason():
    path = Secret("/GWSECRETPATH")

    def handler(request):
        return httpx.Response(
            404,
            json={
                "error": {
                    "message": f"Not found: {request.url.path}",
                    "code": request.url.path.upper(),
                }
            },
        )

    client = make_client(
        handler,
        secrets=(path,),
        endpoint=f"https://gw.example.com{path.reveal()}/compatible-mode/v1/chat/completions",
    )
    results, _ = asyncio.run(client.predict(["x"]))
    assert (
        results[0].error == f"HTTP 404 {MASK}/COMPATIBLE-MODE/V1/CHAT/COMPLETIONS: "
        f"Not found: {MASK}/compatible-mode/v1/chat/completions"
    )
