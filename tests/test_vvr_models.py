"""CREATE MODEL as VVR writes it today: providers and tasks, built-in models, and the request
options VVR adds (user-prompt, extra-header, extra-body, retry-backoff-*, content-type)."""

import asyncio
import itertools
import json
import subprocess
import sys

import httpx
import pytest

from bailian_assets.backends import simulated_backend
from bailian_assets.client.backend import Backend
from bailian_assets.client.retry import EXPONENTIAL, FIXED, RetryPolicy
from bailian_assets.errors import Diagnostic, ModelCallError, SqlError
from bailian_assets.executor.ml_predict import make_client
from bailian_assets.planning.models import RuntimeConfig
from bailian_assets.planning.project import load_source
from conftest import clean_env

CHAT_URL = "https://dashscope-intl.aliyuncs.com/compatible-mode/v1/chat/completions"

# The built-in model example of VVR's "Model DDLs" page (VVR 11.7+), verbatim
BUILT_IN = """\
CREATE TEMPORARY MODEL my_llm
INPUT (prompt String COMMENT 'Input prompt')
OUTPUT (response String COMMENT 'Model output')
WITH (
  'provider' = 'dashscope',
  'task' = 'chat/completions',
  'model' = 'qwen3.5-flash'
);
"""


def model(options: str, environ=None, outputs="`content` STRING"):
    sql = f"CREATE MODEL m INPUT (`input` STRING) OUTPUT ({outputs}) WITH (\n  {options});\n"
    project = load_source(sql, "t.sql", environ or {})
    unusable = project.catalog.unusable_models.get("m")
    if unusable is not None:  # unused, so not refused (as in Flink): what a use would report
        raise SqlError([Diagnostic("t.sql", p.position, p.message) for p in unusable.problems])
    return project.models["m"]


def errors(options: str, environ=None) -> list[str]:
    with pytest.raises(SqlError) as caught:
        model(options, environ)
    return [d.message for d in caught.value.diagnostics]


def located(options: str) -> list[tuple[int, int, str]]:
    with pytest.raises(SqlError) as caught:
        model(options)
    return [(d.position.line, d.position.col, d.message) for d in caught.value.diagnostics]


OWN = f"'provider' = 'bailian', 'endpoint' = '{CHAT_URL}', 'api-key' = 'sk-test', 'model' = 'q'"


# ------------------------------------------------------------------ built-in models


def test_the_vvr_built_in_example_uses_the_international_region_and_dashscope_api_key():
    spec = load_source(BUILT_IN, "t.sql", {"DASHSCOPE_API_KEY": "sk-mine"}).models["my_llm"]
    assert spec.built_in and spec.task == "chat"
    assert spec.endpoint == CHAT_URL == spec.display_endpoint
    assert spec.api_key.reveal() == "sk-mine" and spec.api_key.env == "DASHSCOPE_API_KEY"


def test_a_built_in_model_follows_bailian_base_url():
    spec = model(
        "'provider' = 'openai-compat', 'task' = 'embeddings', 'model' = 'text-embedding-v4'",
        {"BAILIAN_BASE_URL": "https://dashscope.aliyuncs.com/"},
        outputs="`embedding` ARRAY<FLOAT>",
    )
    assert spec.task == "embedding"
    assert spec.endpoint == "https://dashscope.aliyuncs.com/compatible-mode/v1/embeddings"


def test_a_built_in_model_refuses_a_plain_http_base_url():
    found = errors(
        "'provider' = 'dashscope', 'task' = 'chat/completions', 'model' = 'q'",
        {"BAILIAN_BASE_URL": "http://proxy.example.com"},
    )
    assert found == [
        "endpoint 'http://proxy.example.com/compatible-mode/v1/chat/completions' "
        "must use https (plain http is accepted only for loopback hosts such as "
        "127.0.0.1) (a built-in model's endpoint, from BAILIAN_BASE_URL)"
    ]


def test_api_key_together_with_task_is_refused_in_the_spelling_written():
    found = located(
        "'provider' = 'dashscope', 'task' = 'chat/completions', 'model' = 'q', 'apiKey' = 'sk-x'"
    )
    assert len(found) == 1
    line, col, message = found[0]
    assert (line, col) == (2, 73)
    assert message.startswith("option 'apiKey' cannot be used together with 'task' (model 'm')")
    assert "sk-x" not in message


def test_a_provider_without_built_in_models_needs_its_endpoint():
    found = errors("'provider' = 'bailian', 'task' = 'chat/completions', 'model' = 'q'")
    assert found == [
        "model 'm' has a 'task' but no 'endpoint': provider 'bailian' has no "
        "built-in models (those of 'dashscope' and 'openai-compat' have); give its "
        "endpoint"
    ]


def test_a_model_with_neither_endpoint_nor_task_misses_its_endpoint_and_key():
    found = errors("'provider' = 'dashscope', 'model' = 'q'")
    assert found == [
        "model 'm' is missing the required option 'endpoint'",
        "model 'm' is missing the required option 'api-key'",
    ]


def test_task_completes_an_endpoint_without_a_suffix_and_must_agree_with_one():
    spec = model(
        "'provider' = 'openai-compat', 'model' = 'q', 'task' = 'chat/completions', "
        "'endpoint' = 'https://gateway.example.com/compatible-mode/v1/'"
    )
    assert spec.endpoint == "https://gateway.example.com/compatible-mode/v1/chat/completions"
    found = errors(
        f"'provider' = 'openai-compat', 'model' = 'q', 'task' = 'embeddings', "
        f"'endpoint' = '{CHAT_URL}'"
    )
    assert found == [f"'task' is 'embeddings' but endpoint '{CHAT_URL}' is a chat endpoint"]


def test_an_unknown_task_lists_the_tasks():
    found = errors("'provider' = 'dashscope', 'model' = 'q', 'task' = 'multimodal-embedding'")
    assert found == [
        "invalid value for 'task' of model 'm': expected one of chat/completions, "
        "embeddings, got 'multimodal-embedding'"
    ]


def test_the_built_in_example_runs_offline_without_a_key(tmp_path):
    sql = tmp_path / "builtin.sql"
    (tmp_path / "t").mkdir()
    (tmp_path / "t" / "rows.csv").write_text("1,I loved it\n2,太难看了\n")
    sql.write_text(
        BUILT_IN
        + f"""
CREATE TABLE t (id INT, txt STRING) WITH ('connector' = 'filesystem', 'path' = '{tmp_path / "t"}',
  'format' = 'csv');
CREATE TABLE snk (id INT, response STRING) WITH ('connector' = 'print');
INSERT INTO snk SELECT id, response FROM ML_PREDICT(TABLE t, MODEL my_llm, DESCRIPTOR(txt));
"""
    )
    done = subprocess.run(
        [sys.executable, "-m", "bailian_assets.cli", "run", str(sql)],
        capture_output=True,
        text=True,
        env=clean_env(),
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.count("+I[") == 2 and "Traceback" not in done.stderr


def test_the_service_is_never_called_without_a_key():
    sent = []
    backend = Backend(
        httpx.MockTransport(lambda request: sent.append(request)),
        False,
        "Bailian service at https://dashscope-intl.aliyuncs.com",
    )
    spec = load_source(BUILT_IN, "t.sql", {}).models["my_llm"]
    with pytest.raises(
        ModelCallError,
        match="model 'my_llm' has no API key: it is read from DASHSCOPE_API_KEY, which is not set",
    ):
        make_client(spec, RuntimeConfig(), backend)
    assert sent == []


# ------------------------------------------------------------------ request options


class Recorder:
    """A service that answers every chat request 'ok' and keeps what it was sent."""

    def __init__(self, statuses=()):
        self.requests: list[httpx.Request] = []
        self.statuses = iter(statuses)

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        status = next(self.statuses, 200)
        if status != 200:
            return httpx.Response(status, json={"error": {"message": "busy"}})
        return httpx.Response(
            200,
            json={
                "choices": [
                    {
                        "index": 0,
                        "message": {"role": "assistant", "content": "ok"},
                        "finish_reason": "stop",
                    }
                ],
                "usage": {"prompt_tokens": 3, "completion_tokens": 1, "total_tokens": 4},
            },
        )

    def bodies(self) -> list[dict]:
        return [json.loads(r.content) for r in self.requests]


def call(spec, texts, recorder: Recorder):
    backend = Backend(httpx.MockTransport(recorder), False, "test service")
    client = make_client(spec, RuntimeConfig(), backend)
    client.pacer = None
    return asyncio.run(client.predict(texts))


def test_user_prompt_is_a_second_user_message_after_the_row():
    recorder = Recorder()
    spec = model(OWN + ", 'userPrompt' = 'Answer with one word.', 'cache' = 'false'")
    call(spec, ["great film"], recorder)
    assert recorder.bodies()[0]["messages"][1:] == [
        {"role": "user", "content": "great film"},
        {"role": "user", "content": "Answer with one word."},
    ]


def test_extra_body_fields_and_extra_headers_go_with_every_request():
    recorder = Recorder()
    spec = model(
        OWN
        + """, 'temperature' = '0.1', 'cache' = 'false',
      'extra-body' = '{"enable_thinking": false, "top_k": 5}',
      'extraHeader' = '{"X-DashScope-DataInspection": "enable", "X-Tag": ["a", 2]}'"""
    )
    call(spec, ["a", "b"], recorder)
    for request, body in zip(recorder.requests, recorder.bodies(), strict=False):
        assert body["enable_thinking"] is False and body["top_k"] == 5
        assert body["temperature"] == 0.1
        assert request.headers["x-dashscope-datainspection"] == "enable"
        assert request.headers.get_list("x-tag") == ["a", "2"]
        assert request.headers["authorization"] == "Bearer sk-test"


@pytest.mark.parametrize(
    "options, message",
    [
        (
            "'extra-body' = '{\"messages\": []}'",
            "'extra-body' of model 'm' sets 'messages', which the client writes from each row and "
            "the model's options",
        ),
        (
            "'temperature' = '0.5', 'extra-body' = '{\"temperature\": 1}'",
            "'extra-body' of model 'm' sets 'temperature', which option 'temperature' sets too",
        ),
        (
            "'extra-body' = '[1, 2]'",
            "invalid value for 'extra-body' of model 'm': expected a JSON object ({...})",
        ),
        (
            "'extraBody' = '{oops}'",
            "invalid value for 'extraBody' of model 'm': invalid JSON: Expecting property name "
            "enclosed in double quotes: line 1 column 2 (char 1)",
        ),
        (
            "'extra-header' = '{\"Authorization\": \"Bearer x\"}'",
            "'extra-header' cannot set header 'Authorization': the key goes in 'api-key'",
        ),
        (
            "'extra-header' = '{\"X-A\": {\"b\": 1}}'",
            "invalid value for 'extra-header' of model 'm': header 'X-A' must be a scalar JSON "
            "value or a list of them",
        ),
        (
            "'content-type' = 'IMAGE_URL', 'batch-size' = '5'",
            "'batch-size' = '5' cannot pack rows of a model whose 'content-type' is 'IMAGE_URL' "
            "(model 'm'): each image goes in a request of its own",
        ),
        (
            "'retry-backoff-strategy' = 'LINEAR'",
            "invalid value for 'retry-backoff-strategy' of model 'm': expected one of FIXED, "
            "EXPONENTIAL, got 'LINEAR'",
        ),
    ],
)
def test_bad_request_options_are_located_errors(options, message):
    assert errors(OWN + ", " + options) == [message]


def test_request_options_change_the_cache_key(tmp_path):
    recorder = Recorder()
    call(model(OWN + ", 'user-prompt' = 'one'"), ["same row"], recorder)
    call(model(OWN + ", 'user-prompt' = 'one'"), ["same row"], recorder)
    assert len(recorder.requests) == 1  # the second run was answered by the cache
    call(model(OWN + ", 'user-prompt' = 'two'"), ["same row"], recorder)
    call(
        model(OWN + ", 'user-prompt' = 'two', 'extra-body' = '{\"top_k\": 1}'"),
        ["same row"],
        recorder,
    )
    assert len(recorder.requests) == 3


# ------------------------------------------------------------------ backoff


def test_backoff_options_take_vvr_defaults_for_the_one_not_given():
    assert model(OWN).backoff is None
    assert model(OWN + ", 'retry-backoff-strategy' = 'exponential'").backoff == (EXPONENTIAL, 1.0)
    assert model(OWN + ", 'retryBackoffBaseInterval' = '250 ms'").backoff == (FIXED, 0.25)


@pytest.mark.parametrize(
    "backoff, waits",
    [
        ((FIXED, 2.0), [2.0, 2.0, 2.0, 2.0]),
        ((EXPONENTIAL, 1.0), [1.0, 2.0, 4.0, 8.0]),
        ((EXPONENTIAL, 10.0), [10.0, 20.0, 30.0, 30.0]),  # capped at one wait's maximum
    ],
)
def test_vvr_backoff_waits_without_jitter(backoff, waits):
    policy = RetryPolicy.from_backoff(backoff)
    assert list(itertools.islice(policy.delays(), 4)) == waits


def test_the_default_backoff_keeps_its_jitter():
    waits = list(itertools.islice(RetryPolicy(seed=1).delays(), 4))
    assert all(0 <= wait <= step for wait, step in zip(waits, [0.5, 1.0, 2.0, 4.0], strict=False))
    assert len(set(waits)) == 4


def test_a_retry_waits_as_the_model_says_and_honours_retry_after():
    recorder = Recorder(statuses=[503, 503])
    slept = []

    async def sleep(seconds):
        slept.append(seconds)

    spec = model(
        OWN + ", 'retry-backoff-strategy' = 'FIXED', "
        "'retry-backoff-base-interval' = '3 s', 'cache' = 'false'"
    )
    backend = Backend(httpx.MockTransport(recorder), False, "test service")
    client = make_client(spec, RuntimeConfig(), backend)
    client.pacer, client.sleep = None, sleep
    predictions, _usage = asyncio.run(client.predict(["x"]))
    assert predictions[0].value == "ok" and len(recorder.requests) == 3
    assert slept == [3.0, 3.0]


def test_the_simulator_takes_the_first_user_message_as_the_row():
    spec = model(
        "'provider' = 'dashscope', 'task' = 'chat/completions', 'model' = 'q', "
        "'system-prompt' = 'Classify.', "
        "'user-prompt' = 'Answer with one of [positive, negative].'"
    )
    client = make_client(spec, RuntimeConfig(), simulated_backend())
    client.pacer = None
    predictions, _ = asyncio.run(client.predict(["I loved this film, wonderful", "awful, boring"]))
    assert [p.value for p in predictions] == ["positive", "negative"]
