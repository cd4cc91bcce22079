"""VVR's AI functions (AI_CLASSIFY, AI_SENTIMENT, AI_EXTRACT, AI_TRANSLATE, AI_SUMMARIZE,
AI_MASK, AI_EMBED) as lateral table functions on ML_PREDICT's engine: VVR's doc examples
(research notes section 4, placeholders replaced, their SELECTs bare as the docs write them),
named and positional calls, plan-time checks, and answers that fail their rows."""

import asyncio
import json

import httpx
import pytest

from bailian_assets.backends import simulated_backend
from bailian_assets.client.backend import Backend
from bailian_assets.client.cache import ResponseCache
from bailian_assets.client.client import ModelClient, ModelConfig
from bailian_assets.client.retry import RetryPolicy
from bailian_assets.errors import BailianError, SqlError
from bailian_assets.planning.project import load_source
from bailian_assets.secrets import Secret
from bailian_assets.simulator import ai_answers
from bailian_assets.simulator.service import BailianSimulator
from conftest import printed_by_table, printed_run

ENDPOINT = "https://dashscope-intl.aliyuncs.com/compatible-mode/v1"
GENERAL_MODEL = f"""\
CREATE TEMPORARY MODEL general_model
INPUT (`input` STRING)
OUTPUT (`content` VARIANT)
WITH (
    'provider' = 'openai-compat',
    'endpoint'='{ENDPOINT}/chat/completions',
    'apiKey' = 'sk-test-key',
    'model' = 'qwen-plus'{{extra}}
);
"""
EMBEDDING_MODEL = f"""\
CREATE TEMPORARY MODEL embedding_model
INPUT (`input` STRING)
OUTPUT (`embedding` ARRAY<FLOAT>)
WITH (
    'provider' = 'openai-compat',
    'endpoint'='{ENDPOINT}/embeddings',
    'apiKey' = 'sk-test-key',
    'model' = 'text-embedding-v3',
    'dimension' = '1024'
);
"""


def bare(*queries: str) -> str:
    """The doc's queries as it writes them: bare SELECT statements, whose rows `run` prints."""
    return "".join(q.strip() + "\n" for q in queries)


def printed(columns: str, *queries: str) -> str:
    """A print table `shown` and each query written into it."""
    table = f"CREATE TEMPORARY TABLE shown ({columns}) WITH ('connector' = 'print');\n"
    return table + "".join(f"INSERT INTO shown {q.strip()}\n" for q in queries)


def run(sql: str, backend: Backend | None = None) -> list[str]:
    return printed_run(load_source(sql, "t.sql", {}), backend)[0]


def plan_error(sql: str) -> tuple[int, int, str]:
    with pytest.raises(SqlError) as caught:
        load_source(sql, "t.sql", {})
    d = caught.value.diagnostics[0]
    return d.position.line, d.position.col, d.message


# ------------------------------------------------------------------ VVR's doc examples

PRODUCTS = """\
CREATE TEMPORARY VIEW products(id, content)
AS VALUES (1, '【李宁官方旗舰店】韦德之道10 男子篮球鞋 实战球鞋 减震回弹 云五代科技 黑红配色'), (2, 'Apple iPhone 15 Pro Max 256GB 深空黑 5G手机 A17Pro芯片 钛金属边框 官方正品国行');
"""  # noqa: E501 - a documentation example, verbatim


def test_doc_ai_classify_positional_and_named():
    sql = (
        GENERAL_MODEL.format(extra="")
        + PRODUCTS
        + bare(
            """SELECT id, category, confidence FROM products,
LATERAL TABLE(
AI_CLASSIFY(
MODEL general_model, content, ARRAY['Digital', 'Clothing']));""",
            """SELECT id, category, confidence FROM products,
LATERAL TABLE(
  AI_CLASSIFY(
    MODEL => MODEL general_model,
    INPUT => content,
    LABELS => ARRAY['Digital', 'Clothing']));""",
        )
    )
    lines = run(sql)
    assert len(lines) == 4 and lines[:2] == lines[2:]
    for line in lines:
        category, confidence = line[3:-1].split(", ")[1:]
        assert category in ("Digital", "Clothing") and 0 <= float(confidence) <= 1


def test_doc_ai_sentiment():
    sql = (
        GENERAL_MODEL.format(extra="")
        + """\
CREATE TEMPORARY VIEW movie_comment(id, movie_name, user_comment, actual_label)
AS VALUES (1, '好东西', '最爱小孩子猜声音那段,算得上看过的电影里相当浪漫的叙事了。很温和也很有爱。', 'positive'), (2, '水饺皇后', '乏善可陈', 'negative');
"""  # noqa: E501 - a documentation example, verbatim
        + bare(
            """SELECT id, movie_name, actual_label, score, label, confidence FROM movie_comment,
LATERAL TABLE(AI_SENTIMENT(MODEL general_model, user_comment));""",
            """SELECT id, movie_name, actual_label, score, label, confidence FROM movie_comment,
LATERAL TABLE(AI_SENTIMENT(MODEL => MODEL general_model, INPUT => user_comment));""",
        )
    )
    assert (
        run(sql)
        == [
            "+I[1, 好东西, positive, 0.8, positive, 0.95]",
            "+I[2, 水饺皇后, negative, -0.5, negative, 0.65]",
        ]
        * 2
    )


def test_doc_ai_extract():
    sql = (
        GENERAL_MODEL.format(extra="")
        + """\
CREATE TEMPORARY VIEW infos(id, description)
AS VALUES (1, 'John, 18, lives in Singapore and his phone number is 13800138000.');
"""
        + bare(
            """
SELECT id, extracted_json
FROM infos,
LATERAL TABLE(
  AI_EXTRACT(
    MODEL general_model,
    description,
    '{"name":"string","phone":"string","address":"string","age":"int"}'));""",
            """
SELECT id, extracted_json
FROM infos,
LATERAL TABLE(
AI_EXTRACT(
MODEL => MODEL general_model,
INPUT => description,
EXTRACT_SCHEMA => '{"name":"string","phone":"string","address":"string","age":"int"}'));""",
        )
    )
    expected = '+I[1, {"address":"Singapore","age":18,"name":"John","phone":"13800138000"}]'
    assert run(sql) == [expected, expected]


def test_doc_ai_summarize_respects_max_length():
    text = (
        "What is Flink? Apache Flink is an open source distributed stream processing "
        "framework for stateful computation over real-time data streams and batch data."
    )
    sql = (
        GENERAL_MODEL.format(extra="")
        + f"""\
CREATE TEMPORARY VIEW infos(id, description)
AS VALUES (1, '
{text}
');
"""
        + bare(
            """SELECT id, summary FROM infos,
LATERAL TABLE(AI_SUMMARIZE(MODEL general_model, description, 50));""",
            """
SELECT id, summary FROM infos, LATERAL TABLE(AI_SUMMARIZE(
  MODEL => MODEL general_model, INPUT => description, MAX_LENGTH => 20));""",
        )
    )
    assert run(sql) == ["+I[1, What is Flink?]", "+I[1, What is Flink?]"]
    assert ai_answers.summarize(text, {"Maximum length": 10}) == {"summary": "What is F…"}


def test_doc_ai_translate():
    sql = (
        GENERAL_MODEL.format(extra="")
        + """\
CREATE TEMPORARY VIEW infos(id, content)
AS VALUES (1, 'I like Flink very much. It''s so fast!');
"""
        + bare(
            """
SELECT id, translated_text, detected_language FROM infos,
LATERAL TABLE(AI_TRANSLATE(MODEL general_model, content, 'auto', 'zh'));""",
            """
SELECT id, translated_text, detected_language FROM infos,
LATERAL TABLE(AI_TRANSLATE(MODEL => MODEL general_model, INPUT => content,
  SOURCE_LANG => 'en', TARGET_LANG => 'zh'));""",
        )
    )
    assert run(sql) == ["+I[1, [zh] I like Flink very much. It's so fast!, en]"] * 2


def test_doc_ai_mask_as_written():
    sql = (
        GENERAL_MODEL.format(extra="")
        + """\
CREATE TEMPORARY VIEW infos(id, content)
AS VALUES (1, 'Timmo loves reading and always does so in his spare time. Call 138-0013-8000.');
"""
        + bare(
            """
SELECT id, masked_text, detected_entities
FROM infos,
LATERAL TABLE(
  AI_MASK(
    MODEL general_model,
    content,
    ARRAY['name']
    ));""",
            """
SELECT id, masked_text, detected_entities
FROM infos,
LATERAL TABLE(
AI_MASK(
MODEL => MODEL general_model,
INPUT => content,
MASK_ENTITIES => ARRAY['phone']
));""",
        )
    )
    # the simulator recognises phones, emails and ID-like numbers, not names
    assert run(sql) == [
        "+I[1, Timmo loves reading and always does so in his spare time. Call 138-0013-8000., []]",
        "+I[1, Timmo loves reading and always does so in his spare time. Call [PHONE]., "
        '[{"entity":"138-0013-8000","type":"phone"}]]',
    ]


def test_doc_ai_embed_sends_1024_unless_told():
    simulator = BailianSimulator()
    sql = (
        EMBEDDING_MODEL
        + """\
CREATE TEMPORARY VIEW infos(id, content)
AS VALUES (1, 'Flink');
"""
        + bare(
            """
SELECT id, embedding
FROM infos,
LATERAL TABLE(
  AI_EMBED(
    MODEL embedding_model,
    content
    )); """,
            """
SELECT id, embedding
FROM infos,
LATERAL TABLE(
  AI_EMBED(
    MODEL => MODEL embedding_model,
    INPUT => content,
    DIMENSION => 64
    )); """,
        )
    )
    lines = run(sql, simulated_backend(simulator))
    assert [len(line.split(", ")) - 1 for line in lines] == [1024, 64]


# ------------------------------------------------------------------ joins and batching


def test_left_join_lateral_keeps_every_row_and_null_inputs_are_not_sent():
    simulator = BailianSimulator()
    sql = (
        GENERAL_MODEL.format(extra="")
        + """\
CREATE TEMPORARY VIEW r (id, txt) AS VALUES (1, 'great, I love it'), (2, CAST(NULL AS STRING));
"""
        + printed(
            "id INT, label STRING",
            """SELECT id, label FROM r
LEFT JOIN LATERAL TABLE(AI_SENTIMENT(MODEL general_model, txt)) ON TRUE;""",
        )
    )
    assert run(sql, simulated_backend(simulator)) == ["+I[1, positive]", "+I[2, null]"]
    assert simulator.counters.inputs == 1


def test_ai_embed_batches_its_inputs():
    simulator = BailianSimulator()
    values = ", ".join(f"({i}, 'text {i}')" for i in range(25))
    sql = (
        EMBEDDING_MODEL
        + f"CREATE TEMPORARY VIEW r (id, txt) AS VALUES {values};\n"
        + printed(
            "id INT, n INT",
            "SELECT id, CARDINALITY(embedding) FROM r, "
            "LATERAL TABLE(AI_EMBED(MODEL embedding_model, txt, 64));",
        )
    )
    assert len(run(sql, simulated_backend(simulator))) == 25
    assert simulator.counters.requests == 3  # 10 inputs a request


# ------------------------------------------------------------------ plan-time checks

CHECKS = (
    GENERAL_MODEL.format(extra="")
    + """\
CREATE TEMPORARY MODEL text_model INPUT (`input` STRING) OUTPUT (`content` STRING) WITH (
  'provider' = 'bailian', 'endpoint' = 'https://dashscope-intl.aliyuncs.com/compatible-mode/v1/chat/completions',
  'api-key' = 'sk-test', 'model' = 'qwen-plus');
CREATE TEMPORARY VIEW r (id, txt, n) AS VALUES (1, 'a', 5);
CREATE TEMPORARY TABLE o (id INT, x STRING) WITH ('connector' = 'print');
"""
)


@pytest.mark.parametrize(
    "call, col, message",
    [
        (
            "AI_CLASSIFY(MODEL general_model, txt, ARRAY[txt])",
            90,
            "LABELS of AI_CLASSIFY must be a constant, such as ARRAY['positive', 'negative']",
        ),
        (
            "AI_CLASSIFY(MODEL general_model, txt, 'a,b')",
            90,
            "LABELS of AI_CLASSIFY must be a non-empty ARRAY<STRING> of non-empty strings, found "
            "'a,b' of type CHAR(3) NOT NULL",
        ),
        (
            "AI_SUMMARIZE(MODEL general_model, txt, n)",
            91,
            "MAX_LENGTH of AI_SUMMARIZE must be a constant, such as 100",
        ),
        (
            "AI_SUMMARIZE(MODEL general_model, txt, '10')",
            91,
            "MAX_LENGTH of AI_SUMMARIZE must be a positive "
            "INTEGER, found '10' of type CHAR(2) NOT NULL",
        ),
        (
            "AI_EXTRACT(MODEL general_model, txt, '{bad')",
            89,
            "EXTRACT_SCHEMA of AI_EXTRACT must be a STRING holding a non-empty JSON object, "
            "such as '{\"name\": \"string\"}', found '{bad' of type CHAR(4) NOT NULL",
        ),
        (
            "AI_SENTIMENT(MODEL text_model, txt)",
            65,
            "AI_SENTIMENT needs a model whose output type is VARIANT (OUTPUT (`content` VARIANT)); "
            "model 'text_model' declares `content` STRING",
        ),
        (
            "AI_SENTIMENT(MODEL general_model, id)",
            86,
            "INPUT of AI_SENTIMENT must be a STRING column, found INT NOT NULL",
        ),
        (
            "AI_EMBED(MODEL general_model, txt)",
            61,
            "AI_EMBED needs an embedding model whose OUTPUT is ARRAY<FLOAT>; model 'general_model' "
            "declares `content` VARIANT",
        ),
        (
            "AI_TRANSLATE(MODEL general_model, txt, 'en')",
            38,
            "Invalid number of arguments to function 'AI_TRANSLATE'. Was expecting 4 arguments",
        ),
        (
            "AI_MASK(MODEL => MODEL general_model, INPUT => txt, ENTITIES => ARRAY['x'])",
            104,
            "Unknown argument name 'ENTITIES' for AI_MASK; expected MODEL, INPUT, MASK_ENTITIES",
        ),
    ],
)
def test_arguments_are_checked_at_plan_time_with_located_errors(call, col, message):
    line, column, text = plan_error(
        CHECKS + f"INSERT INTO o SELECT id, 'x' FROM r, LATERAL TABLE({call});"
    )
    assert (text, line, column) == (message, 15, col)


# ------------------------------------------------------------------ answers that fail rows


def scripted(*contents: str) -> tuple[Backend, list[httpx.Request]]:
    """A backend answering each chat request with the next content (the last repeats)."""
    requests: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        requests.append(request)
        content = contents[min(len(requests) - 1, len(contents) - 1)]
        return httpx.Response(
            200,
            json={
                "choices": [{"index": 0, "message": {"role": "assistant", "content": content}}],
                "usage": {"prompt_tokens": 3, "completion_tokens": 1},
            },
        )

    return Backend(httpx.MockTransport(handler), False, "a script"), requests


CLASSIFY_ONE = """\
CREATE TEMPORARY VIEW r (id, txt) AS VALUES (1, 'new phone');
""" + printed(
    "id INT, category STRING, confidence DOUBLE",
    """SELECT id, category, confidence
FROM r, LATERAL TABLE(AI_CLASSIFY(MODEL general_model, txt, ARRAY['Digital', 'Clothing']));""",
)


@pytest.mark.parametrize(
    "answer, reason",
    [
        ("Digital", "AI function AI_CLASSIFY returned invalid JSON"),
        ('["Digital"]', "AI function AI_CLASSIFY returned JSON that is not an object"),
        ('{"category": "Digital"}', "AI function AI_CLASSIFY's answer has no 'confidence'"),
        (
            '{"category": "Food", "confidence": 0.9}',
            'AI function AI_CLASSIFY\'s \'category\' "Food" is not one of ["Digital", "Clothing"]',
        ),
        (
            '{"category": "Digital", "confidence": 1.5}',
            "AI function AI_CLASSIFY's 'confidence' must be a number between 0 and 1, got 1.5",
        ),
    ],
)
def test_a_bad_answer_fails_its_row_with_the_reason(answer, reason):
    backend, _ = scripted(answer)
    failover = GENERAL_MODEL.format(extra=",\n    'error-handling-strategy' = 'FAILOVER'")
    with pytest.raises(BailianError) as caught:
        run(failover + CLASSIFY_ONE, backend)
    assert reason in str(caught.value) and "row 1" in str(caught.value)
    ignore = GENERAL_MODEL.format(extra=",\n    'error-handling-strategy' = 'IGNORE'")
    assert run(ignore + CLASSIFY_ONE, backend) == ["+I[1, null, null]"]


def test_a_good_answer_is_read_in_the_labels_spelling():
    backend, requests = scripted('{"category": " digital ", "confidence": "0.75"}')
    assert run(GENERAL_MODEL.format(extra="") + CLASSIFY_ONE, backend) == ["+I[1, Digital, 0.75]"]
    body = json.loads(requests[0].content)
    assert body["response_format"] == {"type": "json_object"}
    assert body["messages"][0]["content"].startswith("You are a text classification expert.")
    assert 'Labels: ["Digital", "Clothing"]' in body["messages"][0]["content"]


def test_the_models_own_prompts_are_ignored_by_ai_functions():
    backend, requests = scripted('{"category": "Digital", "confidence": 0.5}')
    model = GENERAL_MODEL.format(
        extra=",\n    'system-prompt' = 'Be a pirate.',\n    'user-prompt' = 'Arr.'"
    )
    run(model + CLASSIFY_ONE, backend)
    messages = json.loads(requests[0].content)["messages"]
    assert [m["role"] for m in messages] == ["system", "user"]
    assert "pirate" not in messages[0]["content"] and messages[1]["content"] == "new phone"


def test_the_answer_check_runs_before_the_cache_and_a_failed_check_is_retried(tmp_path):
    """A failed check is a MALFORMED answer: retried (twice at most), never cached."""
    bad, good = '{"nope": 1}', '{"ok": 1}'
    requests: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        requests.append(request.content.decode())
        content = bad if len(requests) <= 3 else good
        return httpx.Response(
            200,
            json={"choices": [{"index": 0, "message": {"role": "assistant", "content": content}}]},
        )

    def predict():
        config = ModelConfig(
            "m",
            "chat",
            f"{ENDPOINT}/chat/completions",
            Secret("sk-x"),
            "qwen-plus",
            retry_fallback="IGNORE",
            answer_check=lambda v: None if '"ok"' in v else "no 'ok' field",
        )

        async def no_sleep(seconds):
            pass

        client = ModelClient(
            config,
            transport=httpx.MockTransport(handler),
            sleep=no_sleep,
            retry=RetryPolicy(seed=1),
            cache=ResponseCache(tmp_path),
        )
        return asyncio.run(client.predict(["x"]))[0][0]

    first = predict()
    assert first.value is None and "no 'ok' field" in first.error and len(requests) == 3
    assert predict().value == good and len(requests) == 4  # nothing bad was cached
    assert predict().value == good and len(requests) == 4  # the good one was


# ------------------------------------------------------------------ the sample


def test_the_sample_runs_every_function_offline():
    from bailian_assets.planning.project import load_project
    from conftest import ROOT

    project = load_project([ROOT / "sql" / "ai_functions.sql"], environ={})
    rows: dict[str, list[str]] = {}
    for table, line in printed_by_table(project)[0]:
        rows.setdefault(table, []).append(line)
    assert {table: len(lines) for table, lines in rows.items()} == {
        "classified": 5,
        "sentiment": 5,
        "extracted": 2,
        "translated": 5,
        "summarized": 5,
        "masked": 5,
        "embedded": 5,
    }
    assert rows["classified"][0] == "+I[1, Digital, 0.85]"
    assert rows["sentiment"][1] == "+I[2, -0.67, negative, 0.8]"
    assert rows["extracted"][1] == (
        '+I[4, {"age":42,"email":null,"name":"Tom Baker","phone":"138-0013-8000"}]'
    )
    assert rows["masked"][2].startswith("+I[3, 我叫王芳，电话[PHONE]，邮箱 [EMAIL]，")
    assert all(len(line.split(", ")[1].rstrip("]")) <= 40 for line in rows["summarized"])
    assert rows["embedded"] == [f"+I[{i}, 256]" for i in range(1, 6)]
