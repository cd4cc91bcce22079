"""The built-in simulator: DashScope's formats, validation, and believable answers."""

import json
import math

import pytest

from bailian_assets.simulator import answers
from bailian_assets.simulator.service import CHAT_PATH, EMBEDDINGS_PATH, BailianSimulator

AUTH = {"Authorization": "Bearer sk-test"}
SENTIMENT = (
    "Classify the text below into one of the following labels: "
    "[positive, negative, neutral, mixed]. Output only the label."
)


def call(path, body, headers=AUTH, simulator=None):
    simulator = simulator or BailianSimulator()
    raw = body if isinstance(body, bytes) else json.dumps(body).encode()
    return simulator.handle("POST", path, headers, raw)


def chat(text, system=SENTIMENT, **extra):
    return {
        "model": "qwen-turbo",
        "messages": [{"role": "system", "content": system}, {"role": "user", "content": text}],
        **extra,
    }


def test_chat_response_format():
    reply = call(CHAT_PATH, chat("乏善可陳"))
    assert reply.status == 200
    body = reply.body
    assert body["object"] == "chat.completion" and body["model"] == "qwen-turbo"
    assert body["choices"][0]["message"] == {"role": "assistant", "content": "negative"}
    assert body["choices"][0]["finish_reason"] == "stop"
    usage = body["usage"]
    assert usage["total_tokens"] == usage["prompt_tokens"] + usage["completion_tokens"] > 0


@pytest.mark.parametrize(
    "text, label",
    [
        ("最愛小孩子猜聲音那段,算得上看過的電影裡相當浪漫的敘事了。很溫和也很有愛。", "positive"),
        ("乏善可陳", "negative"),
        ("物流很快，包装也好，非常满意", "positive"),
        ("质量太差了，用了两天就坏了，很失望", "negative"),
        ("The battery life is great and I love the screen", "positive"),
        ("Not good at all. Terrible support, waste of money", "negative"),
        ("The package arrived on Tuesday.", "neutral"),
        ("Great camera but the battery is terrible", "mixed"),
    ],
)
def test_sentiment_labels(text, label):
    assert call(CHAT_PATH, chat(text)).body["choices"][0]["message"]["content"] == label


def test_labels_follow_the_prompt_list():
    system = "Which department? Answer with one of [billing, shipping, returns]."
    answer = call(CHAT_PATH, chat("Where is my shipping confirmation?", system)).body
    assert answer["choices"][0]["message"]["content"] == "shipping"
    other = call(CHAT_PATH, chat("asdf qwerty", system)).body["choices"][0]["message"]["content"]
    assert other in ("billing", "shipping", "returns")


def test_answers_are_deterministic_and_json_mode_is_json():
    first = call(CHAT_PATH, chat("What is Flink?", "You are helpful."))
    second = call(CHAT_PATH, chat("What is Flink?", "You are helpful."))
    assert first.body["choices"] == second.body["choices"]
    reply = call(CHAT_PATH, chat("乏善可陳", response_format={"type": "json_object"}))
    assert json.loads(reply.body["choices"][0]["message"]["content"]) == {"label": "negative"}


def test_embeddings_format_and_geometry():
    texts = ["red running shoes", "running shoes for men", "organic green tea"]
    reply = call(EMBEDDINGS_PATH, {"model": "text-embedding-v3", "input": texts, "dimensions": 512})
    assert reply.status == 200
    data = reply.body["data"]
    assert [d["index"] for d in data] == [0, 1, 2] and reply.body["object"] == "list"
    vectors = [d["embedding"] for d in data]
    assert all(len(v) == 512 for v in vectors)
    assert all(math.isclose(sum(x * x for x in v), 1.0) for v in vectors)

    def cos(a, b):
        return sum(x * y for x, y in zip(a, b, strict=False))

    assert cos(vectors[0], vectors[1]) > cos(vectors[0], vectors[2])
    assert reply.body["usage"]["prompt_tokens"] > 0


@pytest.mark.parametrize(
    "path, body, headers, status, code",
    [
        (CHAT_PATH, chat("x"), {}, 401, "invalid_api_key"),
        (CHAT_PATH, chat("x"), {"Authorization": "Bearer "}, 401, "invalid_api_key"),
        (CHAT_PATH, b"{oops", AUTH, 400, "invalid_parameter_error"),
        (
            CHAT_PATH,
            {"model": "qwen-turbo", "messages": [{"role": "user", "content": 5}]},
            AUTH,
            400,
            "invalid_parameter_error",
        ),
        (
            EMBEDDINGS_PATH,
            {"model": "text-embedding-v3", "input": ["a"] * 11},
            AUTH,
            400,
            "invalid_parameter_error",
        ),
        (
            EMBEDDINGS_PATH,
            {"model": "text-embedding-v3", "input": "a", "dimensions": 100},
            AUTH,
            400,
            "invalid_parameter_error",
        ),
        ("/compatible-mode/v1/rerank", {}, AUTH, 404, "NotFound"),
    ],
)
def test_errors_in_dashscope_format(path, body, headers, status, code):
    reply = call(path, body, headers)
    assert reply.status == status
    assert set(reply.body) == {"error", "request_id"}
    assert set(reply.body["error"]) == {"message", "type", "param", "code"}
    assert reply.body["error"]["code"] == code


def test_counters():
    simulator = BailianSimulator()
    call(CHAT_PATH, chat("x"), simulator=simulator)
    call(CHAT_PATH, chat("x"), headers={}, simulator=simulator)
    call(EMBEDDINGS_PATH, {"model": "text-embedding-v4", "input": ["a", "b"]}, simulator=simulator)
    counters = simulator.counters.as_dict()
    assert counters["requests"] == 3 and counters["by_status"] == {"200": 2, "401": 1}
    assert counters["inputs"] == 3


def test_label_list_parsing():
    assert answers.labels_in("labels: ['pos', \"neg\"] only") == ["pos", "neg"]
    assert answers.labels_in("no list [here]") == []


# ---------------------------------------------------------------- packed requests

PACKED_SYSTEM = (
    SENTIMENT + "\n\nThe user message holds several inputs, as a JSON object from "
    "item number to input. Reply with one JSON object that maps every item number "
    "to the answer for that input."
)
REVIEWS = {
    "1": "乏善可陳",
    "2": "The battery life is great and I love the screen",
    "3": "The package arrived on Tuesday.",
    "4": "质量太差了，用了两天就坏了，很失望",
}


def packed_answer(simulator, items=REVIEWS):
    reply = call(
        CHAT_PATH, chat(json.dumps(items, ensure_ascii=False), PACKED_SYSTEM), simulator=simulator
    )
    assert reply.status == 200
    return reply.body["choices"][0]["message"]["content"]


def test_packed_request_answers_each_item_as_if_alone():
    simulator = BailianSimulator()
    content = packed_answer(simulator)
    alone = {
        number: call(CHAT_PATH, chat(text)).body["choices"][0]["message"]["content"]
        for number, text in REVIEWS.items()
    }
    assert (
        json.loads(content)
        == alone
        == {"1": "negative", "2": "positive", "3": "neutral", "4": "negative"}
    )
    assert (simulator.counters.packed, simulator.counters.inputs) == (1, 4)


def test_a_json_user_message_without_the_packing_paragraph_is_one_row():
    reply = call(CHAT_PATH, chat(json.dumps(REVIEWS, ensure_ascii=False)))
    assert reply.body["choices"][0]["message"]["content"] in (
        "positive",
        "negative",
        "neutral",
        "mixed",
    )


@pytest.mark.parametrize("fault", ["drop", "repeat", "reorder"])
def test_packed_faults_spoil_answers_the_way_models_do(fault):
    import random

    good = {str(i): f"label{i}" for i in range(1, 7)}
    spoilt = answers.packed_reply("[x]", dict.fromkeys(good, "x"), fault, random.Random(4))
    pairs = json.loads(spoilt, object_pairs_hook=lambda p: p)
    numbers = [number for number, _ in pairs]
    if fault == "drop":
        assert len(numbers) == 5 and len(set(numbers)) == 5
    elif fault == "repeat":
        assert len(numbers) == 7 and len(set(numbers)) == 6
    else:
        assert sorted(numbers, key=int) == list(good) and len(numbers) == 6


def test_packed_fault_rate_draws_faults_and_counts_them():
    from bailian_assets.simulator.faults import FaultConfig

    simulator = BailianSimulator(faults=FaultConfig(packed_fault_rate=1.0, seed=3))
    for attempt in range(6):
        packed_answer(simulator, {**REVIEWS, "5": f"row {attempt}"})
    kinds = simulator.counters.faults
    assert sum(kinds.values()) == 6 and set(kinds) <= {
        "packed_drop",
        "packed_repeat",
        "packed_reorder",
    }
    assert simulator.counters.as_dict()["packed"] == 6
