"""Packing several chat rows into one request: the format, matching answers by number, sizing,
the options that turn it on, and the client's splitting of answers it cannot match."""

import json
import re

import pytest

from bailian_assets.client import packing
from bailian_assets.client.packing import Limits, Unmatched
from bailian_assets.planning.project import load_source

# ---------------------------------------------------------------- the format


def test_question_numbers_the_rows_from_one_and_keeps_their_text():
    asked = packing.question(["好评", 'say "hi"'])
    assert json.loads(asked) == {"1": "好评", "2": 'say "hi"'}
    assert "好评" in asked  # not escaped: the model reads the characters, and they cost less


def test_system_prompt_keeps_the_models_prompt_first():
    prompt = packing.system_prompt("Label: [a, b].")
    assert prompt.startswith("Label: [a, b].\n\n") and "item number" in prompt


def test_answers_are_matched_by_number_not_by_place():
    assert packing.unpack('{"2": "b", "1": "a", "3": "c"}', 3) == ["a", "b", "c"]


@pytest.mark.parametrize(
    "reply",
    [
        '```json\n{"1": "a", "2": "b"}\n```',  # a Markdown fence added unasked
        '{"answers": {"1": "a", "2": "b"}}',  # one wrapper key, as some models do in JSON mode
    ],
)
def test_harmless_wrappings_are_undone(reply):
    assert packing.unpack(reply, 2) == ["a", "b"]


@pytest.mark.parametrize(
    "reply, why",
    [
        ('{"1": "a"}', "no answer to item 2"),
        ('{"1": "a", "2": "b", "3": "c"}', "items not asked (3)"),
        ('{"1": "a", "2": "b", "1": "c"}', "item 1 is answered twice"),
        ('{"1": "a", "2": 7}', "item 2 is not a string"),
        ('{"1": "a", "2": null}', "item 2 is not a string"),
        ('["a", "b"]', "not a JSON object"),
        ('{"1": "a", "2": "b"', "not a JSON object"),  # cut off at max_tokens
        ("a\nb", "not a JSON object"),
        ('{"one": "a", "two": "b"}', "no answer to items 1, 2"),
    ],
)
def test_an_answer_that_cannot_be_matched_assigns_nothing(reply, why):
    with pytest.raises(Unmatched, match=re.escape(why)):
        packing.unpack(reply, 2)


def test_stop_sequences_apply_to_each_answer():
    assert packing.unpack('{"1": "yes. because", "2": "no"}', 2, stops=["."]) == ["yes", "no"]


# ---------------------------------------------------------------- sizing


def test_cut_keeps_input_order_and_the_row_limit():
    texts = [f"t{i}" for i in range(7)]
    batches = packing.cut(texts, [5] * 7, Limits(rows=3, tokens=10_000), fixed_tokens=50)
    assert batches == [["t0", "t1", "t2"], ["t3", "t4", "t5"], ["t6"]]


def test_cut_closes_a_request_before_it_passes_the_token_limit():
    batches = packing.cut(["a", "b", "c", "d"], [40, 40, 500, 10], Limits(20, 200), 100)
    assert batches == [["a", "b"], ["c"], ["d"]]  # a row too big for any request goes alone


def test_auto_sizes_from_the_context_and_the_token_quota():
    wide = packing.limits("auto", answer_tokens=2, fixed_tokens=60)
    assert wide.rows == packing.AUTO_MAX_ROWS
    assert wide.tokens == packing.DEFAULT_CONTEXT * packing.CONTEXT_SHARE
    assert (
        packing.limits("auto", answer_tokens=2, fixed_tokens=60, max_context=10**6).rows
        == packing.AUTO_MAX_ROWS
    )
    small = packing.limits("auto", 2, 60, max_context=2_000)
    assert small.tokens == 500  # a quarter of the context: room for the answer and the error
    quota = packing.limits("auto", 2, 60, tpm=12_000)
    assert quota.tokens == 200  # one second's share of the token quota


def test_a_chosen_size_is_cut_only_where_it_cannot_fit():
    assert packing.limits(20, 2, 60).tokens == packing.DEFAULT_CONTEXT * 0.75
    limit = packing.limits(20, 2, fixed_tokens=60, max_context=1_000)
    assert packing.cut(["x"] * 20, [100] * 20, limit, 60) == [["x"] * 6] * 3 + [["x"] * 2]


def test_long_answers_pack_fewer_rows():
    assert packing.limits(20, answer_tokens=300, fixed_tokens=60).rows == 6
    assert packing.limits(20, answer_tokens=5_000, fixed_tokens=60).rows == 1


# ---------------------------------------------------------------- the options

MODEL = """\
CREATE MODEL m INPUT (`input` STRING) OUTPUT (%s) WITH (
  'provider' = 'bailian', 'api-key' = 'sk-a', 'model' = 'qwen-turbo',
  'endpoint' = 'https://dashscope-intl.aliyuncs.com/compatible-mode/v1/%s',
  %s);
"""
CHAT_MODEL = ("`content` STRING", "chat/completions")
EMBEDDING_MODEL = ("`v` ARRAY<FLOAT>", "embeddings")


def model(options, kind=CHAT_MODEL):
    return load_source(MODEL % (*kind, options), "t.sql", {}).models["m"]


def errors(options, kind=CHAT_MODEL):
    """The model's problems: what a statement using it would report (unused, it is only a
    warning, as Flink never checks a model nothing uses)."""
    project = load_source(MODEL % (*kind, options), "t.sql", {})
    return " | ".join(p.message for p in project.catalog.unusable_models["m"].problems)


def test_chat_packs_nothing_unless_asked():
    assert model("'cache' = 'true'").batch_size == 1
    assert model("'batch-size' = '20'").batch_size == 20
    assert model("'batchSize' = 'AUTO', 'max-context-size' = '8192'").batch_size == "auto"
    assert model("'max-context-size' = '8192'").max_context == 8192
    assert model("'cache' = 'true'", EMBEDDING_MODEL).batch_size == 10


@pytest.mark.parametrize(
    "options, message",
    [
        ("'batch-size' = '500'", "packs at most 100 rows"),
        ("'batch-size' = '0'", "batch-size"),
        ("'batch-size' = '20', 'n' = '2'", "cannot be used with 'n' = '2'"),
        (
            "'batch-size' = 'auto', 'response-format' = 'json_object'",
            "cannot be used with 'response-format'",
        ),
        ("'budget.max-cost' = '5'", "needs the model's prices"),
    ],
)
def test_packing_and_budget_options_are_checked(options, message):
    assert message in errors(options)


def test_an_embedding_batch_is_a_number_within_the_service_limit():
    assert "up to 25" in errors("'batch-size' = 'auto'", EMBEDDING_MODEL)
    assert "up to 25" in errors("'batch-size' = '40'", EMBEDDING_MODEL)


# ---------------------------------------------------------------- the client

import asyncio  # noqa: E402

import httpx  # noqa: E402

from bailian_assets.client.cache import ResponseCache  # noqa: E402
from bailian_assets.client.client import ModelClient, ModelConfig  # noqa: E402
from bailian_assets.client.retry import RetryPolicy  # noqa: E402
from bailian_assets.errors import ModelCallError  # noqa: E402
from bailian_assets.secrets import Secret  # noqa: E402
from bailian_assets.simulator.faults import FaultConfig  # noqa: E402
from bailian_assets.simulator.service import BailianSimulator  # noqa: E402

ENDPOINT = "https://dashscope-intl.aliyuncs.com/compatible-mode/v1/chat/completions"
SENTIMENT = "Classify the review: [positive, negative, neutral, mixed]. Output only the label."
REVIEWS = [
    "物流很快，包装也好，非常满意",
    "The battery life is great and I love the screen",
    "质量太差了，用了两天就坏了，很失望",
    "The package arrived on Tuesday.",
    "Great camera but the battery is terrible",
    "乏善可陳",
    "Not good at all. Terrible",
    "很好用，推荐",
    "ok I guess",
    "awful, broken on arrival, refund please",
] * 3
REVIEWS = [f"{text} #{i}" for i, text in enumerate(REVIEWS)]


def config(batch_size=None, **extra):
    return ModelConfig(
        "m",
        "chat",
        ENDPOINT,
        Secret("sk-test"),
        "qwen-turbo",
        SENTIMENT,
        batch_size=batch_size,
        **extra,
    )


def answer(model_config, texts, transport, cache=None, **kwargs):
    async def no_sleep(seconds):
        pass

    client = ModelClient(
        model_config,
        transport=transport,
        pacer=None,
        cache=cache,
        sleep=no_sleep,
        retry=RetryPolicy(seed=1),
        **kwargs,
    )
    return asyncio.run(client.predict(texts))


def labels(results):
    return [r.value for r in results]


def test_packed_rows_get_the_answers_they_get_alone_in_a_tenth_of_the_requests():
    alone, single = answer(config(), REVIEWS, BailianSimulator().transport())
    simulator = BailianSimulator()
    packed, usage = answer(config(10), REVIEWS, simulator.transport())
    assert labels(packed) == labels(alone) and None not in labels(alone)
    assert (single.requests, usage.requests, usage.packed_requests) == (30, 3, 3)
    assert simulator.counters.inputs == 30 and usage.splits == 0
    assert usage.prompt_tokens < single.prompt_tokens  # the system prompt is paid 3 times


def test_packed_and_unpacked_runs_share_the_cache(tmp_path):
    cache = ResponseCache(tmp_path)
    first, _ = answer(config(10), REVIEWS[:20], BailianSimulator().transport(), cache)
    again, usage = answer(config(), REVIEWS, BailianSimulator().transport(), cache)
    assert (usage.cache_hits, usage.requests) == (20, 10)
    back, usage = answer(config("auto"), REVIEWS, BailianSimulator().transport(), cache)
    assert usage.requests == 0 and labels(back) == labels(again)
    assert labels(again)[:20] == labels(first)


def test_spoilt_packed_answers_are_split_and_never_reach_the_wrong_row():
    alone, _ = answer(config(), REVIEWS, BailianSimulator().transport())
    simulator = BailianSimulator(faults=FaultConfig(packed_fault_rate=0.5, seed=5))
    packed, usage = answer(config(8), REVIEWS, simulator.transport())
    assert labels(packed) == labels(alone)
    faults = sum(simulator.counters.faults.values())
    reorders = simulator.counters.faults["packed_reorder"]  # harmless: matched by number
    assert faults > reorders and usage.splits == faults - reorders
    assert usage.requests == simulator.counters.requests and usage.rows_failed == 0


class Packed:
    """A service that answers packed requests with `spoil(items)` and single rows with their
    text upper-cased, recording every request body."""

    def __init__(self, spoil=None, single_status=200):
        self.spoil, self.single_status, self.bodies = spoil, single_status, []

    def __call__(self, request):
        body = json.loads(request.content)
        self.bodies.append(body)
        user = body["messages"][-1]["content"]
        if "item number" in body["messages"][0]["content"]:
            items = json.loads(user)
            content = (
                self.spoil(items)
                if self.spoil
                else json.dumps({k: v.upper() for k, v in items.items()})
            )
        else:
            if self.single_status != 200:
                return httpx.Response(
                    self.single_status, json={"error": {"code": "x", "message": "no"}}
                )
            content = user.upper()
        if isinstance(content, httpx.Response):
            return content
        return httpx.Response(
            200,
            json={
                "choices": [{"message": {"content": content}}],
                "usage": {"prompt_tokens": 9, "completion_tokens": 3},
            },
        )


def test_a_packed_request_asks_for_json_and_scales_the_per_row_options():
    service = Packed()
    results, _ = answer(
        config(4, request={"max_tokens": 5, "stop": ["."], "temperature": 0}),
        ["a", "b.c", "d"],
        httpx.MockTransport(service),
    )
    assert labels(results) == ["A", "B", "D"]  # the stop applies to each answer
    body = service.bodies[0]
    assert body["response_format"] == {"type": "json_object"} and "stop" not in body
    assert body["max_tokens"] == packing.max_tokens(5, 3) and body["temperature"] == 0
    assert json.loads(body["messages"][1]["content"]) == {"1": "a", "2": "b.c", "3": "d"}


def test_an_answer_missing_a_row_is_split_down_to_single_rows_asked_as_unpacked():
    def drop_first(items):
        return json.dumps({k: v.upper() for k, v in list(items.items())[1:]})

    service = Packed(drop_first)
    results, usage = answer(config(4), ["a", "b", "c", "d"], httpx.MockTransport(service))
    assert labels(results) == ["A", "B", "C", "D"]
    # 4 rows -> 2 + 2 -> 1 + 1 + 1 + 1: three packed answers split, four rows alone
    assert (usage.packed_requests, usage.splits, usage.requests) == (3, 3, 7)
    assert "7 requests (3 packed, 3 packed answers split and asked again)" in usage.describe()
    assert usage.summary()["packed_splits"] == 3
    singles = [b for b in service.bodies if "response_format" not in b]
    assert len(singles) == 4 and all(b["messages"][0]["content"] == SENTIMENT for b in singles)


def test_answers_given_by_place_with_wrong_numbers_assign_nothing():
    def shifted(items):  # the right answers under numbers that were not asked
        return json.dumps({str(int(k) + 1): v.upper() for k, v in items.items()})

    results, usage = answer(config(3), ["a", "b", "c"], httpx.MockTransport(Packed(shifted)))
    assert labels(results) == ["A", "B", "C"] and usage.requests == 5


def test_only_a_single_rows_failure_is_a_row_failure():
    service = Packed(lambda items: "not json", single_status=400)
    results, usage = answer(
        config(4, error_handling="IGNORE"), ["a", "b", "c", "d"], httpx.MockTransport(service)
    )
    assert all(r.value is None and r.status == 400 for r in results)
    assert usage.rows_failed == 4 and usage.failure_reasons["HTTP 400 x: no"] == 4
    with pytest.raises(ModelCallError, match="failed on row 1"):
        answer(
            config(4, error_handling="FAILOVER"),
            ["a", "b", "c", "d"],
            httpx.MockTransport(Packed(lambda items: "not json", single_status=400)),
        )


def test_a_packed_request_refused_as_a_whole_is_split():
    def refuse_if_bad(items):
        if any("bad" in text for text in items.values()):
            return httpx.Response(
                400,
                json={
                    "error": {
                        "code": "data_inspection_failed",
                        "message": "Input data may contain inappropriate content.",
                    }
                },
            )
        return json.dumps({k: v.upper() for k, v in items.items()})

    service = Packed(refuse_if_bad, single_status=200)
    service_single = service.__call__

    def handler(request):  # a single row with "bad" is refused too
        body = json.loads(request.content)
        if body["messages"][-1]["content"] == "bad":
            service.bodies.append(body)
            return httpx.Response(
                400, json={"error": {"code": "data_inspection_failed", "message": "inappropriate"}}
            )
        return service_single(request)

    results, usage = answer(
        config(4, error_handling="IGNORE"), ["a", "bad", "c", "d"], httpx.MockTransport(handler)
    )
    assert labels(results) == ["A", None, "C", "D"] and usage.rows_failed == 1


def test_a_model_without_json_mode_is_asked_without_it():
    def handler(request):
        body = json.loads(request.content)
        if "response_format" in body:
            return httpx.Response(
                400,
                json={
                    "error": {
                        "code": "InvalidParameter",
                        "message": "response_format is not supported",
                    }
                },
            )
        return Packed()(request)

    results, usage = answer(config(4), ["a", "b", "c", "d"], httpx.MockTransport(handler))
    assert labels(results) == ["A", "B", "C", "D"]
    assert usage.requests == 3  # refused once, then the halves without JSON mode


def test_auto_packs_within_the_context():
    simulator = BailianSimulator()
    long_rows = [f"{'很好用推荐 ' * 40} {i}" for i in range(12)]
    _, usage = answer(config("auto", max_context=4_000), long_rows, simulator.transport())
    # about 210 tokens a row, a quarter of the context (1,000) a request: 4 rows at most
    assert 3 <= usage.requests <= 4 and usage.packed_requests == usage.requests
    assert simulator.counters.inputs == 12
