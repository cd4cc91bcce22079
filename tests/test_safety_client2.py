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


@pytest.mark.parametrize("echo", [
    KEY[3:],  # without its prefix
    KEY.upper(),
    "<b>" + KEY[:6] + "</b>" + KEY[6:],  # split by markup: the 6 characters are kept
    KEY[5:17],  # any 8 characters or more of it, wherever they come from
    base64.b64encode(f"Bearer {KEY}".encode()).decode(),  # the Authorization header
    base64.b64encode(KEY.encode()).decode(),
    base64.b64encode(b"k=" + KEY.encode() + b";").decode(),  # inside a longer base64 text
    base64.urlsafe_b64encode(b"x" + KEY.encode()).decode(),
])
def test_the_scrubber_masks_partial_and_transformed_echoes(echo):
    scrubbed = Scrubber([KEY])(f"bad key: {echo} (try again)")
    assert scrubbed.startswith("bad key: ") and scrubbed.endswith(" (try again)")
    assert MASK in scrubbed
    left = scrubbed.replace(MASK, "\x00")
    # what is left of the key, in any form it was sent, is shorter than 8 characters
    for form in (KEY, KEY.upper(), echo if "<b>" not in echo else KEY):
        assert not any(form[i:i + 8] in left for i in range(len(form) - 7))


def test_the_scrubber_masks_a_secret_path_echoed_by_a_404():
    scrub = Scrubber([KEY, GATEWAY])
    assert scrub(f"Not found: {GATEWAY}/compatible-mode/v1/chat") == \
        f"Not found: {MASK}/compatible-mode/v1/chat"
    assert scrub("Not found: /gwsecretpath%2Fcompatible") == f"Not found: {MASK}%2Fcompatible"


def test_the_scrubber_leaves_ordinary_text_alone():
    scrub = Scrubber([KEY, "gw-zq9x7-distinct.example.com", "hunter2pass"])
    text = "The example shows a test: pass a value to Bearer auth. sk-"
    assert scrub(text) == text
    # the price of masking any 8 characters of a secret: a word of 8 of them goes too
    assert scrub("a distinct example.com") == f"a {MASK} {MASK}"
    assert scrub("") == "" and Scrubber([])(text) == text


# ---------------------------------------------------------------- echoes in answers


def chat_body(*contents, usage=None):
    return {"choices": [{"index": i, "message": {"role": "assistant", "content": c}}
                        for i, c in enumerate(contents)],
            "usage": usage or {"prompt_tokens": 3, "completion_tokens": 2}}


def make_client(handler, cache=None, strategy="IGNORE", endpoint=CHAT_URL, secrets=(),
                warnings=None, **kwargs):
    kwargs.setdefault("retry", RetryPolicy(base=0.001, max_wait=0.01, seed=1))
    config = ModelConfig("m", "chat", endpoint, Secret(KEY), "qwen-turbo",
                         error_handling=strategy, retry_fallback="IGNORE",
                         request=kwargs.pop("request", {}), secrets=secrets,
                         retry_num=kwargs.pop("retry_num", 100))
    return ModelClient(config, transport=httpx.MockTransport(handler), pacer=None, cache=cache,
                       on_warning=(warnings if warnings is not None else []).append, **kwargs)


def test_a_secret_echoed_in_a_200_answer_is_masked_before_it_is_used_or_cached(tmp_path):
    gateway = Secret("gw-zq9x7-distinct")

    def handler(request):
        auth = request.headers["authorization"]
        return httpx.Response(200, json=chat_body(
            f"your key is {auth.split()[1]}", "header " + base64.b64encode(auth.encode()).decode(),
            f"host {gateway.reveal().upper()}"))

    cache, warnings = ResponseCache(tmp_path), []
    client = make_client(handler, cache, request={"n": 3}, secrets=(gateway,),
                         warnings=warnings)
    results, usage = asyncio.run(client.predict(["a", "b"]))
    for result in results:
        assert result.error is None and len(result.value) == 3
        assert result.value[0] == f"your key is {MASK}" and result.value[2] == f"host {MASK}"
        assert result.value[1] == f"header {MASK}"
    assert warnings == ["model 'm': an answer held a secret value of the model (the key, or "
                        "a ${secret_values...}); it is masked as '******'"]
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
            [sys.executable, "-m", "bailian_assets.cli", "-v", "run", str(job)], cwd=ROOT,
            capture_output=True, text=True, timeout=120,
            env=clean_env(BAILIAN_BASE_URL=f"http://127.0.0.1:{server.port}",
                          DASHSCOPE_API_KEY=KEY))
    assert process.returncode == 0, process.stderr
    assert f"+I[echo, your key is {MASK}, or {MASK}, null]" in process.stdout
    blobs = written(Path(os.environ["BAILIAN_CACHE_DIR"]), Path(os.environ["BAILIAN_OUTPUT_DIR"]))
    texts = [process.stdout, process.stderr, *(b.decode("utf-8", "replace") for b in blobs)]
    assert blobs and not [t for t in texts if KEY[3:11].lower() in t.lower()]
