"""ML_PREDICT and CREATE MODEL as Apache Flink 2.3's openai provider means them (checked with
the Flink oracle; the golden cases under tests/golden/ml_predict hold Flink's own answers), and
where we deliberately go further: rows never dropped, context limits for every model."""

import logging

import pytest

from bailian_assets.backends import simulated_backend
from bailian_assets.errors import SqlError
from bailian_assets.planning.project import load_source
from bailian_assets.simulator.service import BailianSimulator
from conftest import printed_run

BASE = "https://dashscope-intl.aliyuncs.com/compatible-mode/v1"


def model(
    options: str = "",
    *,
    columns: str = "INPUT (`input` STRING) OUTPUT (`content` STRING)",
    endpoint: str = f"{BASE}/chat/completions",
    name: str = "m",
) -> str:
    extra = f",\n  {options}" if options else ""
    return (
        f"CREATE MODEL {name} {columns} WITH (\n  'provider' = 'openai',\n"
        f"  'endpoint' = '{endpoint}',\n  'api-key' = 'sk-test', 'model' = 'qwen-turbo',\n"
        f"  'system-prompt' = 'Label it: [positive, negative, neutral]'{extra});\n"
    )


def embedding_model(options: str = "", output: str = "ARRAY<FLOAT>") -> str:
    return model(
        options,
        columns=f"INPUT (`input` STRING) OUTPUT (`embedding` {output})",
        endpoint=f"{BASE}/embeddings",
    )


VIEW = (
    "CREATE TEMPORARY VIEW q(id, question) AS VALUES (1, 'great'), "
    "(2, CAST(NULL AS STRING)), (3, 'bad');\n"
)


def predict(columns: str = "id, content", config: str = "", where: str = "") -> str:
    config = f", {config}" if config else ""
    return (
        "CREATE TEMPORARY TABLE out1 (id INT, answer STRING) WITH ('connector' = 'print');\n"
        f"INSERT INTO out1 SELECT {columns} FROM "
        f"ML_PREDICT(TABLE q, MODEL m, DESCRIPTOR(question){config}){where};\n"
    )


def run(sql: str, simulator: BailianSimulator | None = None):
    simulator = simulator or BailianSimulator()
    lines, result = printed_run(load_source(sql, "t.sql", {}), simulated_backend(simulator))
    return lines, result, simulator


def refusal(sql: str) -> list[tuple[int, str]]:
    with pytest.raises(SqlError) as caught:
        load_source(sql, "t.sql", {})
    return [(d.position.line, d.message) for d in caught.value.diagnostics]


# ---------------------------------------------------------------- types, as Flink wants them


@pytest.mark.parametrize(
    "columns, message",
    [
        (
            "INPUT (`input` VARCHAR(100)) OUTPUT (`content` STRING)",
            "input column `input` of model 'm' should be STRING, but is a VARCHAR(100)",
        ),
        (
            "INPUT (`input` STRING NOT NULL) OUTPUT (`content` STRING)",
            "input column `input` of model 'm' should be STRING, but is a STRING NOT NULL",
        ),
        (
            "INPUT (`input` STRING) OUTPUT (`content` VARCHAR(10))",
            "output column `content` of model 'm' should be "
            "STRING (or VARIANT), but is a VARCHAR(10)",
        ),
    ],
)
def test_chat_model_columns_are_exactly_string(columns, message):
    found = refusal(model(columns=columns) + VIEW + predict())
    assert any(message in text for _, text in found), found


def test_varchar_of_the_maximum_length_is_string():
    sql = model(columns="INPUT (`input` VARCHAR(2147483647)) OUTPUT (`content` STRING)")
    assert load_source(sql, "t.sql", {}).models["m"].input_column.name == "input"


def test_embedding_output_is_exactly_array_of_float():
    found = refusal(embedding_model(output="ARRAY<DOUBLE>") + VIEW + predict())
    assert any("should be ARRAY<FLOAT>, but is a ARRAY<DOUBLE>" in text for _, text in found)


# ---------------------------------------------------------------- options of the other task


def test_an_embedding_option_on_a_chat_model_is_accepted_and_not_sent():
    spec = load_source(model("'dimension' = '64'"), "t.sql", {}).models["m"]
    assert "dimensions" not in spec.request


def test_chat_options_on_an_embedding_model_are_accepted_and_not_sent():
    spec = load_source(
        embedding_model("'temperature' = '0.5', 'n' = '2', 'dimension' = '64'"), "t.sql", {}
    ).models["m"]
    assert spec.request == {"dimensions": 64}


# ---------------------------------------------------------------- the config MAP


def test_an_unknown_config_key_is_ignored_with_a_warning(caplog):
    with caplog.at_level(logging.WARNING):
        lines, _, _ = run(
            model() + VIEW + predict(config="MAP['timeot', '1s']", where=" WHERE id = 1")
        )
    assert lines == ["+I[1, positive]"]
    assert "ML_PREDICT config 'timeot' (line 8)" in caplog.text
    assert "did you mean 'timeout'?" in caplog.text


def test_a_known_config_key_is_still_checked():
    found = refusal(model() + VIEW + predict(config="MAP['max-concurrent-operations', 'lots']"))
    assert (
        found and "invalid value for ML_PREDICT config 'max-concurrent-operations'" in found[0][1]
    )


# ---------------------------------------------------------------- rows: kept, never dropped


def test_a_null_input_row_is_kept_and_where_gives_flinks_rows():
    lines, result, simulator = run(model() + VIEW + predict())
    assert lines == ["+I[1, positive]", "+I[2, null]", "+I[3, negative]"]
    usage = result.model_runs[0].usage
    assert (usage.rows, usage.rows_sent, usage.rows_skipped) == (3, 2, 1)
    assert simulator.counters.requests == 2
    flink, _, _ = run(model() + VIEW + predict(where=" WHERE content IS NOT NULL"))
    assert flink == ["+I[1, positive]", "+I[3, negative]"]  # Flink drops the NULL input row


def test_an_ignored_failure_is_kept_counted_and_filterable():
    failing = model(
        "'error-handling-strategy' = 'IGNORE'",
        endpoint="https://dashscope-intl.aliyuncs.com/v2/chat/completions",
    )
    lines, result, _ = run(failing + VIEW + predict())
    assert lines == ["+I[1, null]", "+I[2, null]", "+I[3, null]"]
    assert result.model_runs[0].usage.rows_failed == 2
    flink, _, _ = run(failing + VIEW + predict(where=" WHERE content IS NOT NULL"))
    assert flink == []


def test_an_empty_text_is_sent_as_flink_sends_it():
    view = "CREATE TEMPORARY VIEW q(id, question) AS VALUES (1, ''), (2, 'bad');\n"
    lines, result, simulator = run(model() + view + predict())
    assert lines == ["+I[1, neutral]", "+I[2, negative]"]
    assert simulator.counters.requests == 2 and result.model_runs[0].usage.rows_skipped == 0


EMBED_SINK = (
    "CREATE TEMPORARY TABLE out1 (id INT, dims INT) WITH ('connector' = 'print');\n"
    "INSERT INTO out1 SELECT id, CARDINALITY(embedding) FROM "
    "ML_PREDICT(TABLE q, MODEL m, DESCRIPTOR(question));\n"
)
EMBED_VIEW = "CREATE TEMPORARY VIEW q(id, question) AS VALUES (1, 'red'), (2, ''), (3, 'blue');\n"


def test_an_empty_embedding_input_fails_the_job_with_the_services_400():
    from bailian_assets.errors import ModelCallError

    with pytest.raises(ModelCallError, match=r"failed on row 2: HTTP 400 .*non-empty"):
        run(embedding_model("'dimension' = '64'") + EMBED_VIEW + EMBED_SINK)


def test_under_ignore_an_empty_embedding_input_fails_only_its_own_row():
    sql = embedding_model("'dimension' = '64', 'error-handling-strategy' = 'IGNORE'")
    lines, result, _ = run(sql + EMBED_VIEW + EMBED_SINK)
    assert lines == ["+I[1, 64]", "+I[2, null]", "+I[3, 64]"]
    assert result.model_runs[0].usage.rows_failed == 1


# ---------------------------------------------------------------- max-context-size

LONG = "one two three four five six seven eight nine ten"


def sent_inputs(action: str, limit: int = 4) -> tuple[list[str], list[str], object]:
    """What reached the service for one long and one short input."""
    view = f"CREATE TEMPORARY VIEW q(id, question) AS VALUES (1, '{LONG}'), (2, 'short');\n"
    simulator = BailianSimulator()
    sql = model(f"'max-context-size' = '{limit}', 'context-overflow-action' = '{action}'")
    lines, result, _ = run(sql + view + predict(), simulator)
    sent = [
        m["content"]
        for body in simulator.requests_seen
        for m in body["messages"]
        if m["role"] == "user"
    ]
    return sent, lines, result


@pytest.fixture(autouse=True)
def _record_requests(monkeypatch):
    """The simulator's request bodies, in order (`simulator.requests_seen`)."""
    from bailian_assets.simulator import service

    original = service.BailianSimulator._chat

    def recording(self, request, body):
        self.__dict__.setdefault("requests_seen", []).append(request)
        return original(self, request, body)

    monkeypatch.setattr(service.BailianSimulator, "_chat", recording)


@pytest.mark.parametrize(
    "action, expected",
    [
        ("truncated-tail", "one two three four"),
        ("truncated-tail-log", "one two three four"),
        ("TRUNCATED-HEAD", "seven eight nine ten"),
        ("truncated-head-log", "seven eight nine ten"),
    ],
)
def test_a_long_input_is_cut_as_the_action_says(action, expected):
    sent, lines, _ = sent_inputs(action)
    assert sorted(sent) == sorted([expected, "short"])
    assert len(lines) == 2


@pytest.mark.parametrize("action", ["skipped", "skipped-log"])
def test_a_skipped_long_input_keeps_its_row_with_null_output(action, caplog):
    with caplog.at_level(logging.INFO):
        sent, lines, result = sent_inputs(action)
    assert sent == ["short"] and lines[0] == "+I[1, null]"
    assert result.model_runs[0].usage.rows_skipped == 1
    logged = "context overflowed (threshold: 4, actual: about 10 tokens): skipping input"
    assert (logged in caplog.text) == action.endswith("-log")


def test_without_max_context_size_the_action_does_nothing():
    sql = model("'context-overflow-action' = 'skipped'")
    assert load_source(sql, "t.sql", {}).models["m"].max_context is None


def test_a_bad_overflow_action_names_flinks_values():
    found = refusal(model("'context-overflow-action' = 'truncate'") + VIEW + predict())
    assert any(
        "expected one of truncated-tail, truncated-tail-log, truncated-head, "
        "truncated-head-log, skipped, skipped-log, got 'truncate'" in m
        for _, m in found
    )


def test_truncate_cuts_between_tokens_within_the_limit():
    from bailian_assets.tokens import count_tokens, truncate

    text = "Hello, world! 我们今天去公园玩 and more words here."
    for limit in range(1, count_tokens(text) + 1):
        for keep_end in (False, True):
            cut = truncate(text, limit, keep_end=keep_end)
            assert count_tokens(cut) <= limit and (
                text.endswith(cut) if keep_end else text.startswith(cut)
            )
    assert truncate(text, 100) == text


# ---------------------------------------------------------------- where a model is checked


def test_a_models_problems_are_reported_where_it_is_used():
    sql = model("'temperature' = 'hot'") + VIEW + predict()
    found = refusal(sql)
    assert found == [
        (
            9,
            "model 'm' cannot be used: invalid value for 'temperature' of model "
            "'m': expected a number, got 'hot' (at t.sql:6:19)",
        )
    ]


def test_a_second_use_points_at_the_first():
    sql = (
        model("'temperature' = 'hot'")
        + VIEW
        + predict()
        + "INSERT INTO out1 SELECT id, content FROM "
        "ML_PREDICT(TABLE q, MODEL m, DESCRIPTOR(question));\n"
    )
    found = refusal(sql)
    assert [line for line, _ in found] == [9, 10]
    assert found[1][1] == "model 'm' cannot be used: its problems are listed at t.sql:9:68"


def test_an_unused_model_with_problems_is_a_warning(caplog):
    sql = model("'temperature' = 'hot'", name="spare") + model() + VIEW + predict()
    with caplog.at_level(logging.WARNING):
        project = load_source(sql, "t.sql", {})
    assert "spare" not in project.models and "m" in project.models
    assert (
        "model 'spare' is used by no statement, so it is not checked (as in Flink); it "
        "would be refused where used: invalid value for 'temperature'"
    ) in caplog.text


# ---------------------------------------------------------------- error columns


def test_error_columns_as_flinks_metadata_columns():
    failing = model(
        "'error-handling-strategy' = 'IGNORE'",
        columns="INPUT (`input` STRING) OUTPUT (`content` STRING, "
        "`error-string` STRING METADATA, `http-status-code` INT METADATA)",
        endpoint="https://dashscope-intl.aliyuncs.com/v2/chat/completions",
    )
    sink = (
        "CREATE TEMPORARY TABLE out1 (id INT, status INT, failed BOOLEAN) "
        "WITH ('connector' = 'print');\n"
        "INSERT INTO out1 SELECT id, `http-status-code`, `error-string` IS NOT NULL FROM "
        "ML_PREDICT(TABLE q, MODEL m, DESCRIPTOR(question));\n"
    )
    lines, _, _ = run(failing + VIEW + sink)
    assert lines == ["+I[1, 404, true]", "+I[2, null, false]", "+I[3, 404, true]"]


def test_plain_error_columns_are_refused_as_flink_refuses_them():
    columns = (
        "INPUT (`input` STRING) OUTPUT (`content` STRING, `error-string` STRING, "
        "`http-status-code` INT)"
    )
    found = refusal(model(columns=columns) + VIEW + predict())
    assert len(found) == 1 and found[0][0] == 8
    assert "OUTPUT must have exactly one physical column" in found[0][1]
    assert "declare `error-string` STRING METADATA, `http-status-code` INT METADATA" in found[0][1]


@pytest.mark.parametrize(
    "columns, message",
    [
        (
            "INPUT (`input` STRING) OUTPUT (`content` STRING, `error-code` STRING METADATA)",
            "unexpected metadata column `error-code`",
        ),
        (
            "INPUT (`input` STRING METADATA) OUTPUT (`content` STRING)",
            "input column `input` cannot be METADATA",
        ),
    ],
)
def test_metadata_column_mistakes_are_reported_at_the_create_model(columns, message):
    found = refusal(model(columns=columns) + VIEW + predict())
    assert len(found) == 1 and found[0][0] == 1 and message in found[0][1]


def test_a_tables_persisted_metadata_column_is_refused_where_written():
    # a table's METADATA columns are the connector's (tests/test_table_columns.py); print
    # writes none, as Flink's print sink writes none
    found = refusal(
        "CREATE TABLE t (a STRING METADATA) WITH ('connector' = 'print');\n"
        "INSERT INTO t SELECT 'x';\n"
    )
    assert found and "declares persistable metadata columns" in found[0][1]


def test_async_false_is_refused_as_flink_refuses_it():
    found = refusal(model() + VIEW + predict(config="MAP['async', 'false']"))
    assert len(found) == 1 and found[0][0] == 8
    assert found[0][1].startswith("Require sync mode, but model 'm'")
    assert "'max-concurrent-operations' = '1'" in found[0][1]
    sql = model() + VIEW + predict(config="MAP['async', 'true', 'max-concurrent-operations', '1']")
    assert load_source(sql, "t.sql", {}).inserts[0]
