"""Packing several chat rows into one request: the format, matching answers by number, sizing,
the options that turn it on, and the client's splitting of answers it cannot match."""

import json
import re

import pytest

from bailian_assets.client import packing
from bailian_assets.client.packing import Limits, Unmatched
from bailian_assets.errors import SqlError
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


@pytest.mark.parametrize("reply", [
    '```json\n{"1": "a", "2": "b"}\n```',  # a Markdown fence added unasked
    '{"answers": {"1": "a", "2": "b"}}',  # one wrapper key, as some models do in JSON mode
])
def test_harmless_wrappings_are_undone(reply):
    assert packing.unpack(reply, 2) == ["a", "b"]


@pytest.mark.parametrize("reply, why", [
    ('{"1": "a"}', "no answer to item 2"),
    ('{"1": "a", "2": "b", "3": "c"}', "items not asked (3)"),
    ('{"1": "a", "2": "b", "1": "c"}', "item 1 is answered twice"),
    ('{"1": "a", "2": 7}', "item 2 is not a string"),
    ('{"1": "a", "2": null}', "item 2 is not a string"),
    ('["a", "b"]', "not a JSON object"),
    ('{"1": "a", "2": "b"', "not a JSON object"),  # cut off at max_tokens
    ("a\nb", "not a JSON object"),
    ('{"one": "a", "two": "b"}', "no answer to items 1, 2"),
])
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
    small = packing.limits("auto", 2, 60, max_context=2_000)
    assert small.tokens == 500  # a quarter of the context: room for the answer and the error
    quota = packing.limits("auto", 2, 60, tpm=12_000)
    assert quota.tokens == 200  # one second's share of the token quota


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
    with pytest.raises(SqlError) as caught:
        model(options, kind)
    return " | ".join(d.message for d in caught.value.diagnostics)


def test_chat_packs_nothing_unless_asked():
    assert model("'cache' = 'true'").batch_size == 1
    assert model("'batch-size' = '20'").batch_size == 20
    assert model("'batchSize' = 'AUTO', 'max-context-size' = '8192'").batch_size == "auto"
    assert model("'max-context-size' = '8192'").max_context == 8192
    assert model("'cache' = 'true'", EMBEDDING_MODEL).batch_size == 10


@pytest.mark.parametrize("options, message", [
    ("'batch-size' = '500'", "packs at most 100 rows"),
    ("'batch-size' = '0'", "batch-size"),
    ("'batch-size' = '20', 'n' = '2'", "cannot be used with 'n' = '2'"),
    ("'batch-size' = 'auto', 'response-format' = 'json_object'",
     "cannot be used with 'response-format'"),
    ("'budget.max-cost' = '5'", "needs the model's prices"),
])
def test_packing_and_budget_options_are_checked(options, message):
    assert message in errors(options)


def test_an_embedding_batch_is_a_number_within_the_service_limit():
    assert "up to 25" in errors("'batch-size' = 'auto'", EMBEDDING_MODEL)
    assert "up to 25" in errors("'batch-size' = '40'", EMBEDDING_MODEL)
