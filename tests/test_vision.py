"""VVR's `'content-type' = 'IMAGE_URL'`: each row's input is an image URL, sent as an
OpenAI-style `image_url` content part; URLs checked before sending (a bad one fails its row,
nothing local is ever read); the simulator answers vision requests deterministically."""

import asyncio
import base64
import json

import httpx
import pytest

from bailian_assets.backends import simulated_backend
from bailian_assets.client.backend import Backend
from bailian_assets.client.image_url import image_url_problem
from bailian_assets.errors import Diagnostic, ModelCallError, SqlError
from bailian_assets.executor.ml_predict import make_client
from bailian_assets.planning.models import RuntimeConfig
from bailian_assets.planning.project import load_source
from bailian_assets.simulator.service import BailianSimulator
from bailian_assets.tokens import IMAGE_TOKENS
from conftest import printed_run

CHAT_URL = "https://dashscope-intl.aliyuncs.com/compatible-mode/v1/chat/completions"
PNG = "data:image/png;base64," + base64.b64encode(b"\x89PNG\r\n\x1a\n fake pixels").decode()
VISION = f"""\
CREATE TEMPORARY MODEL vision
INPUT (image_url STRING)
OUTPUT (content STRING)
WITH (
  'provider' = 'openai-compat', 'endpoint' = '{CHAT_URL}', 'api-key' = 'sk-test',
  'model' = 'qwen-vl-plus', 'content-type' = 'IMAGE_URL',
  'system-prompt' = 'What animal is in the picture? Answer with one of [cat, dog, bird].'{{extra}}
);
"""


def vision_model(extra: str = ""):
    """The model; SqlError with its problems when it has some (a model is checked where it is
    used, as in Flink; asked for here, it counts as used)."""
    project = load_source(VISION.format(extra=extra), "t.sql", {})
    unusable = project.catalog.unusable_models.get("vision")
    if unusable is not None:
        raise SqlError(
            [Diagnostic("t.sql", p.position, p.message, "", p.length) for p in unusable.problems]
        )
    return project.models["vision"]


class Recorder:
    """A service that answers every chat request 'ok' and keeps what it was sent."""

    def __init__(self):
        self.bodies: list[dict] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.bodies.append(json.loads(request.content))
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


def predict(spec, texts, transport):
    client = make_client(spec, RuntimeConfig(), Backend(transport, False, "test service"))
    client.pacer = None
    return asyncio.run(client.predict(texts))


def test_each_row_goes_as_an_image_url_part():
    recorder = Recorder()
    url = "https://img.example.com/pets/cat.jpg?x-oss-signature=abc"
    (result,), usage = predict(vision_model(), [url], httpx.MockTransport(recorder))
    assert result.value == "ok" and usage.requests == 1
    (body,) = recorder.bodies
    assert body["messages"] == [
        {
            "role": "system",
            "content": "What animal is in the picture? Answer with one of [cat, dog, bird].",
        },
        {"role": "user", "content": [{"type": "image_url", "image_url": {"url": url}}]},
    ]


def test_a_text_model_and_an_image_model_do_not_share_cached_answers():
    recorder = Recorder()
    text_model = load_source(
        VISION.format(extra="").replace("'content-type' = 'IMAGE_URL',", ""), "t.sql", {}
    ).models["vision"]
    url = "https://img.example.com/cat.jpg"
    predict(text_model, [url], httpx.MockTransport(recorder))
    predict(vision_model(), [url], httpx.MockTransport(recorder))
    predict(vision_model(), [url], httpx.MockTransport(recorder))  # from the cache
    assert [b["messages"][1]["content"] for b in recorder.bodies] == [
        url,
        [{"type": "image_url", "image_url": {"url": url}}],
    ]


@pytest.mark.parametrize(
    "url, reason",
    [
        (
            "file:///etc/passwd",
            "the image URL has scheme 'file': only http, https and data: URLs "
            "are sent (local files are never read)",
        ),
        ("/home/me/cat.png", "the image URL has no scheme"),
        ("ftp://example.com/cat.png", "the image URL has scheme 'ftp'"),
        ("https://user:secret@example.com/cat.png", "the image URL holds a user name or password"),
        ("https:///cat.png", "the image URL has no host"),
        ("https://example.com/my cat.png", "the image URL holds spaces or control characters"),
        ("https://example.com:port/cat.png", "the image URL is not a valid URL"),
        ("data:text/plain;base64,aGk=", "a data: URL must be data:image/<type>;base64,<data>"),
        ("data:image/png;base64,not*base64", "the data: URL's image is not valid base64"),
        ("data:image/png;base64,", "the data: URL holds no image"),
    ],
)
def test_a_url_that_may_not_be_sent_fails_its_row_without_a_request(url, reason):
    assert image_url_problem(url).startswith(reason)
    recorder = Recorder()
    spec = vision_model(", 'error-handling-strategy' = 'IGNORE'")
    good = "https://img.example.com/dog.png"
    results, usage = predict(spec, [good, url], httpx.MockTransport(recorder))
    assert results[0].value == "ok" and results[1].value is None
    assert results[1].error.startswith(reason)
    assert usage.rows_failed == 1 and len(recorder.bodies) == 1  # only the good one was sent
    assert "secret" not in results[1].error and url not in results[1].error


def test_under_failover_a_bad_url_stops_the_job_naming_its_row():
    with pytest.raises(ModelCallError) as caught:
        predict(
            vision_model(),
            ["https://a.example/x.png", "file:///etc/shadow"],
            httpx.MockTransport(Recorder()),
        )
    assert "failed on row 2: the image URL has scheme 'file'" in str(caught.value)


def test_accepted_urls():
    for url in (
        "https://example.com/a.png",
        "http://127.0.0.1:8600/a.jpg",
        PNG,
        "http://localhost/a.png",
        "DATA:image/JPEG;base64,/9j/4AAQ",
    ):
        assert image_url_problem(url) is None, url


def test_plain_http_goes_only_to_loopback_hosts():
    assert image_url_problem("http://example.com/a.png").startswith(
        "the image URL is plain http: only https URLs are sent"
    )


# ------------------------------------------------------------------ planning


def test_image_rows_are_never_packed_and_embeddings_take_no_images():
    with pytest.raises(SqlError) as caught:
        vision_model(", 'batch-size' = 'auto'")
    assert "cannot pack rows of a model whose 'content-type' is 'IMAGE_URL'" in str(caught.value)
    sql = (
        "CREATE MODEL e INPUT (i STRING) OUTPUT (v ARRAY<FLOAT>) WITH ('provider' = "
        f"'bailian', 'endpoint' = '{CHAT_URL[:-17]}/embeddings', 'api-key' = 'k', "
        "'model' = 'text-embedding-v3', 'content-type' = 'IMAGE_URL');"
    )
    problems = load_source(sql, "t.sql", {}).catalog.unusable_models["e"].problems
    assert (
        "option 'content-type' = 'IMAGE_URL' does not apply to embedding models"
        in problems[0].message
    )


def test_an_image_row_is_estimated_at_an_images_tokens():
    client = make_client(vision_model(), RuntimeConfig(), simulated_backend(BailianSimulator()))
    prompt, _ = client.estimate(["https://example.com/a.png"])
    assert IMAGE_TOKENS < prompt < IMAGE_TOKENS + 40


# ------------------------------------------------------------------ the simulator


def test_the_simulator_answers_from_what_the_url_names_deterministically():
    sql = (
        VISION.format(extra=", 'error-handling-strategy' = 'IGNORE'")
        + f"""\
CREATE TEMPORARY VIEW photos (id, url) AS VALUES
  (1, 'https://img.example.com/pets/Sleeping_Cat-01.JPG'),
  (2, 'https://img.example.com/pets/dog.webp?size=large'),
  (3, '{PNG}'),
  (4, 'file:///etc/passwd');
CREATE TABLE shown (id INT, animal STRING) WITH ('connector' = 'print');
INSERT INTO shown SELECT id, content FROM ML_PREDICT(TABLE photos, MODEL vision, DESCRIPTOR(url));
"""
    )
    runs, results = [], []
    for cache in ("true", "false"):  # the second run asks again
        source = sql.replace("'IGNORE'", f"'IGNORE', 'cache' = '{cache}'")
        lines, result = printed_run(load_source(source, "t.sql", {}))
        runs.append(lines)
        results.append(result)
    assert runs[0] == runs[1]
    assert runs[0][:2] == ["+I[1, cat]", "+I[2, dog]"]
    assert runs[0][2] in ("+I[3, cat]", "+I[3, dog]", "+I[3, bird]")
    assert runs[0][3] == "+I[4, null]"
    (run,) = results[0].model_runs
    assert results[1].model_runs[0].usage.requests == 3
    assert run.usage.rows_failed == 1 and run.usage.prompt_tokens > 2 * IMAGE_TOKENS


def test_the_simulator_bills_images_and_refuses_what_it_could_not_fetch():
    simulator = BailianSimulator()

    def ask(content):
        body = json.dumps(
            {"model": "qwen-vl-plus", "messages": [{"role": "user", "content": content}]}
        ).encode()
        reply = simulator.handle(
            "POST", "/compatible-mode/v1/chat/completions", {"authorization": "Bearer sk-x"}, body
        )
        return reply.status, reply.body

    status, body = ask(
        [
            {"type": "text", "text": "What is this?"},
            {"type": "image_url", "image_url": {"url": PNG}},
        ]
    )
    assert status == 200 and body["usage"]["prompt_tokens"] > IMAGE_TOKENS
    for bad in (
        [{"type": "image_url", "image_url": {"url": "file:///etc/passwd"}}],
        [{"type": "video", "video": "x"}],
        [],
    ):
        status, body = ask(bad)
        assert status == 400 and body["error"]["code"] == "invalid_parameter_error", bad
