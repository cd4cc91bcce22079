"""The wire format (client/wire.py): each request's body and headers from the model's config
and a batch, and the reading of an answer, apart from pacing, retries and the cache."""

import asyncio
import json

import httpx
import pytest

from bailian_assets.client import packing, wire
from bailian_assets.client.answers import MalformedAnswer
from bailian_assets.client.client import ModelClient, ModelConfig
from bailian_assets.secrets import Secret

CHAT_URL = "https://dashscope-intl.aliyuncs.com/compatible-mode/v1/chat/completions"
EMBED_URL = "https://dashscope-intl.aliyuncs.com/compatible-mode/v1/embeddings"
KEY = "sk-wire-test-0123456789"


def chat(**options) -> ModelConfig:
    return ModelConfig(
        "m", "chat", CHAT_URL, Secret(KEY), "qwen-turbo", system_prompt="Label it.", **options
    )


def embedding(**options) -> ModelConfig:
    return ModelConfig("e", "embedding", EMBED_URL, Secret(KEY), "text-embedding-v4", **options)


def chat_answer(content, prompt=5, completion=2) -> bytes:
    return json.dumps(
        {
            "choices": [{"index": 0, "message": {"role": "assistant", "content": content}}],
            "usage": {"prompt_tokens": prompt, "completion_tokens": completion},
        }
    ).encode()


# ---------------------------------------------------------------- bodies


def test_a_chat_row_goes_as_a_system_and_a_user_message():
    body = wire.request_body(chat(request={"temperature": 0.1}), ["好评"])
    assert body == {
        "model": "qwen-turbo",
        "temperature": 0.1,
        "messages": [
            {"role": "system", "content": "Label it."},
            {"role": "user", "content": "好评"},
        ],
    }


def test_one_row_of_a_packing_model_goes_as_if_nothing_were_packed():
    packs = chat(batch_size="auto", request={"stop": ["."], "max_tokens": 8})
    alone = chat(request={"stop": ["."], "max_tokens": 8})
    assert wire.request_body(packs, ["a"]) == wire.request_body(alone, ["a"])
    assert wire.request_body(packs, ["a"])["stop"] == ["."]


def test_a_packed_batch_numbers_its_rows_and_asks_for_json():
    config = chat(batch_size=10, request={"stop": ["."], "max_tokens": 8, "top_p": 0.5})
    body = wire.request_body(config, ["a", "b", "c"])
    system, user = body["messages"]
    assert system == {"role": "system", "content": packing.system_prompt("Label it.")}
    assert json.loads(user["content"]) == {"1": "a", "2": "b", "3": "c"}
    assert "stop" not in body  # it would end the whole reply
    assert body["max_tokens"] == 3 * (8 + packing.ITEM_TOKENS) + 1  # room for every row
    assert body["top_p"] == 0.5
    assert body["response_format"] == {"type": "json_object"}


def test_a_packed_batch_leaves_json_mode_out_once_the_service_refused_it():
    body = wire.request_body(chat(batch_size=10), ["a", "b"], json_mode=False)
    assert "response_format" not in body


def test_an_embedding_batch_goes_as_one_input_list():
    body = wire.request_body(embedding(request={"dimensions": 512}), ["one", "two"])
    assert body == {
        "model": "text-embedding-v4",
        "input": ["one", "two"],
        "encoding_format": "float",
        "dimensions": 512,
    }
    assert "messages" not in body


def test_an_image_row_goes_as_an_image_content_part():
    url = "https://example.com/cat.png"
    body = wire.request_body(chat(content_type="IMAGE_URL"), [url])
    assert body["messages"][1] == {
        "role": "user",
        "content": [{"type": "image_url", "image_url": {"url": url}}],
    }


@pytest.mark.parametrize("batch", [["a"], ["a", "b"]])
def test_user_prompt_follows_the_rows_and_extra_body_is_merged_last(batch):
    extra = {"enable_thinking": False, "model": "qwen-plus"}  # extra-body may override
    config = chat(user_prompt="Answer in one word.", request=extra, batch_size=5)
    body = wire.request_body(config, batch)
    assert len(body["messages"]) == 3
    assert body["messages"][-1] == {"role": "user", "content": "Answer in one word."}
    assert body["enable_thinking"] is False and body["model"] == "qwen-plus"


def test_headers_carry_the_key_the_encodings_and_extra_headers():
    config = chat(headers={"X-DashScope-Tag": ("a", "b")})
    assert wire.request_headers(config) == [
        ("Authorization", f"Bearer {KEY}"),
        ("Accept-Encoding", "gzip, deflate"),
        ("X-DashScope-Tag", "a"),
        ("X-DashScope-Tag", "b"),
    ]


# ---------------------------------------------------------------- answers


def test_a_chat_answer_is_read_with_its_tokens():
    answer = wire.read_answer(chat(), chat_answer("positive"), ["好评"])
    assert (answer.values, answer.prompt_tokens, answer.completion_tokens) == (["positive"], 5, 2)


def test_a_packed_answer_is_one_reply_shared_out_by_number_and_stop():
    config = chat(batch_size=10, request={"stop": ["."]})
    answer = wire.read_answer(config, chat_answer('{"2": "no", "1": "yes. sure"}'), ["a", "b"])
    assert len(answer.values) == 1
    assert wire.unpack_reply(config, answer.values[0], 2) == ["yes", "no"]
    with pytest.raises(packing.Unmatched):
        wire.unpack_reply(config, '{"1": "yes"}', 2)


def test_an_embedding_answer_is_checked_against_the_requested_dimension():
    config = embedding(request={"dimensions": 2})
    good = json.dumps(
        {
            "data": [{"index": 1, "embedding": [0.3, 0.4]}, {"index": 0, "embedding": [0.1, 0.2]}],
            "usage": {"prompt_tokens": 4, "total_tokens": 4},
        }
    ).encode()
    assert wire.read_answer(config, good, ["x", "y"]).values == [[0.1, 0.2], [0.3, 0.4]]
    with pytest.raises(MalformedAnswer):
        wire.read_answer(embedding(request={"dimensions": 3}), good, ["x", "y"])


def test_an_error_body_is_described_scrubbed_and_cut_short():
    body = json.dumps(
        {"error": {"code": "invalid_api_key", "message": f"bad key {KEY}\n  try again"}}
    ).encode()
    text = wire.describe_error(401, body, lambda s: s.replace(KEY, "***"))
    assert text == "HTTP 401 invalid_api_key: bad key *** try again"
    long = wire.describe_error(500, b"x" * 1000, str)
    assert len(long) == wire.ERROR_TEXT_LIMIT and long.endswith("…")


# ---------------------------------------------------------------- the client sends it


def test_the_client_sends_the_wire_formats_body_and_headers():
    seen = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append((json.loads(request.content), request.headers))
        return httpx.Response(200, content=chat_answer('{"1": "p", "2": "n"}'))

    config = chat(batch_size=10, user_prompt="Briefly.", headers={"X-Tag": ("t",)}, cache=False)
    client = ModelClient(config, transport=httpx.MockTransport(handler), pacer=None)
    predictions, usage = asyncio.run(client.predict(["good", "bad"]))
    assert [p.value for p in predictions] == ["p", "n"] and usage.packed_requests == 1
    body, headers = seen[0]
    assert body == wire.request_body(config, ["good", "bad"])
    assert headers["authorization"] == f"Bearer {KEY}" and headers["x-tag"] == "t"
