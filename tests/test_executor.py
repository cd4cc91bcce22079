"""SQL queries run on Polars against the in-process simulator: rows in, rows out."""

import polars as pl
import pytest

from bailian_assets.backends import simulated_backend
from bailian_assets.errors import ExecutionError, ModelCallError
from bailian_assets.planning.project import load_source
from bailian_assets.simulator.service import BailianSimulator
from conftest import CHAT_MODEL, printed_run

VIEWS = """\
CREATE VIEW reviews (id, name, txt) AS VALUES
  (1, 'Alpha', 'I loved it, great value'),
  (2, 'beta', '乏善可陳'),
  (3, 'Gamma', CAST(NULL AS STRING)),
  (4, 'delta', ''),
  (5, 'Epsilon', 'I loved it, great value');
CREATE VIEW owners (id, owner) AS VALUES (1, 'ann'), (2, 'bob'), (9, 'zed');
"""


def run(sql, simulator=None):
    """Run every INSERT of `sql`; returns ({sink: frame}, printed lines, the run result)."""
    project = load_source(CHAT_MODEL + VIEWS + sql, "t.sql", {})
    lines, result = printed_run(project, simulated_backend(simulator or BailianSimulator()))
    return result.sinks, lines, result


def sink(columns):
    return f"CREATE TABLE snk ({columns}) WITH ('connector' = 'print');\n"


def test_ml_predict_appends_outputs_and_keeps_null_and_empty_rows():
    simulator = BailianSimulator()
    sinks, lines, result = run(
        sink("id INT, txt STRING, label STRING") + "INSERT INTO snk SELECT id, txt, content FROM "
        "ML_PREDICT(TABLE reviews, MODEL m, DESCRIPTOR(txt));",
        simulator,
    )
    assert sinks["snk"].rows() == [
        (1, "I loved it, great value", "positive"),
        (2, "乏善可陳", "negative"),
        (3, None, None),
        (4, "", "neutral"),  # an empty text is sent, as Flink sends it
        (5, "I loved it, great value", "positive"),
    ]
    assert lines[0] == "+I[1, I loved it, great value, positive]"
    assert lines[2] == "+I[3, null, null]"
    (model_run,) = result.model_runs
    usage = model_run.usage
    assert (usage.rows, usage.rows_sent, usage.rows_skipped, usage.rows_failed) == (5, 4, 1, 0)
    # identical inputs are sent once: three distinct texts, three requests
    assert usage.requests == 3 == simulator.counters.requests
    assert usage.prompt_tokens > 0 and usage.completion_tokens == 3


def test_projection_where_case_functions_and_aliases():
    sinks, _, _ = run(
        sink("id INT, shout STRING, size STRING, n INT")
        + """
        INSERT INTO snk
        SELECT r.id AS id, UPPER(name) || '!' AS shout,
               CASE WHEN CHAR_LENGTH(txt) > 10 THEN 'long' WHEN txt IS NULL THEN 'none'
                    ELSE 'short' END,
               POSITION('loved' IN txt)
        FROM reviews AS r
        WHERE id <> 4 AND (name LIKE '%a' OR id IN (3, 5))
        ORDER BY id DESC LIMIT 3;"""
    )
    assert sinks["snk"].rows() == [
        (5, "EPSILON!", "long", 3),
        (3, "GAMMA!", "none", None),
        (2, "BETA!", "short", 0),
    ]


def test_joins_between_views():
    sinks, _, _ = run(
        sink("id INT, owner STRING, label STRING")
        + """
        INSERT INTO snk
        SELECT p.id, o.owner, p.content
        FROM ML_PREDICT(TABLE reviews, MODEL m, DESCRIPTOR(txt)) AS p
        LEFT JOIN owners o ON p.id = o.id
        WHERE p.id < 4;"""
    )
    assert sinks["snk"].rows() == [(1, "ann", "positive"), (2, "bob", "negative"), (3, None, None)]


def test_inner_join_with_residual_condition_union_and_subquery():
    sinks, _, _ = run(
        sink("id INT, who STRING")
        + """
        INSERT INTO snk
        SELECT id, who FROM (
          SELECT r.id, o.owner AS who
          FROM reviews r JOIN owners o ON r.id = o.id AND o.owner <> 'bob'
          UNION ALL
          SELECT 7, 'literal'
        ) AS u ORDER BY id;"""
    )
    assert sinks["snk"].rows() == [(1, "ann"), (7, "literal")]


def test_string_functions_match_flink():
    sinks, _, _ = run(
        sink("a STRING, b STRING, c STRING, d STRING, e STRING, f INT, g STRING")
        + """
        INSERT INTO snk SELECT
          SUBSTRING('hello' FROM 2 FOR 3), TRIM(BOTH 'x' FROM 'xxhixx'),
          CONCAT_WS('-', 'a', NULL, 'b'),
          REGEXP_REPLACE('a1b22', '[0-9]+', '#'), LPAD('7', 3, '0'), 7 / 2,
          JSON_VALUE('{"label": "positive"}', '$.label');"""
    )
    assert sinks["snk"].rows() == [("ell", "hi", "a-b", "a#b#", "007", 3, "positive")]


def test_named_arguments_table_wrapper_and_config_map():
    sinks, _, result = run(
        sink("id INT, label STRING")
        + """
        INSERT INTO snk SELECT id, content FROM TABLE(ML_PREDICT(
          INPUT => TABLE reviews, MODEL => MODEL m, ARGS => DESCRIPTOR(txt),
          CONFIG => MAP['max-concurrent-operations', '2', 'timeout', '30 s'])) WHERE id = 2;"""
    )
    assert sinks["snk"].rows() == [(2, "negative")]
    assert result.model_runs[0].node.config.max_concurrent_operations == 2
    assert result.model_runs[0].node.config.timeout == 30


def test_settings_apply_to_later_statements():
    sql = (
        "SET 'table.exec.async-ml-predict.max-concurrent-operations' = '3';\n"
        + sink("id INT, label STRING")
        + "INSERT INTO snk SELECT id, content FROM ML_PREDICT(TABLE reviews, MODEL m, "
        "DESCRIPTOR(txt));"
    )
    _, _, result = run(sql)
    assert result.model_runs[0].node.config.max_concurrent_operations == 3


FAILING_MODEL = """\
CREATE MODEL bad INPUT (`input` STRING) OUTPUT (`content` STRING, `error-string` STRING METADATA,
  `http-status-code` INT METADATA) WITH (
  'provider' = 'bailian', 'api-key' = 'k', 'model' = 'qwen-turbo',
  'endpoint' = 'https://dashscope-intl.aliyuncs.com/compatible-mode/v1/nowhere/chat/completions',
  'error-handling-strategy' = '{strategy}');
"""


def test_ignore_keeps_failed_rows_with_flink_metadata_columns():
    sinks, _, result = run(
        FAILING_MODEL.format(strategy="IGNORE")
        + sink("id INT, label STRING, err STRING, status INT")
        + "INSERT INTO snk SELECT id, content, `error-string`, "
        "`http-status-code` FROM ML_PREDICT(TABLE reviews, MODEL bad, "
        "DESCRIPTOR(txt)) WHERE id <= 3;"
    )
    rows = sinks["snk"].rows()
    assert [r[0] for r in rows] == [1, 2, 3]
    assert rows[0][1] is None and rows[0][3] == 404 and "HTTP 404" in rows[0][2]
    assert rows[2] == (3, None, None, None)  # NULL input: not sent, not failed
    usage = result.model_runs[0].usage
    # ML_PREDICT runs before WHERE: rows 1, 2, 4 ('') and 5 failed (1 and 5 share a request)
    assert usage.rows_failed == 4 and usage.rows_skipped == 1
    assert usage.requests == 3  # IGNORE does not retry


def test_failover_stops_the_job_naming_model_and_row():
    with pytest.raises(ModelCallError, match=r"model 'bad' failed on row 1: HTTP 404"):
        run(
            FAILING_MODEL.format(strategy="FAILOVER").replace(
                ", `error-string` STRING METADATA,\n  `http-status-code` INT METADATA", ""
            )
            + sink("id INT, label STRING")
            + "INSERT INTO snk SELECT id, content FROM ML_PREDICT(TABLE reviews, MODEL bad, "
            "DESCRIPTOR(txt));"
        )


def test_a_value_that_does_not_convert_is_a_clear_error():
    with pytest.raises(ExecutionError, match=r"t\.sql:\d+:\d+: error: the query failed"):
        run(sink("n INT") + "INSERT INTO snk SELECT CAST(name AS INT) FROM reviews;")


def test_print_identifier_and_several_inserts_into_one_sink():
    sql = (
        "CREATE TABLE snk (id INT) WITH ('connector' = 'print', 'print-identifier' = 'job');\n"
        "INSERT INTO snk SELECT id FROM owners WHERE id = 1;\n"
        "INSERT INTO snk SELECT id FROM owners WHERE id = 9;\n"
    )
    sinks, lines, _ = run(sql)
    assert lines == ["job> +I[1]", "job> +I[9]"]
    assert sinks["snk"].get_column("id").to_list() == [1, 9]


def test_blackhole_discards():
    sinks, lines, _ = run(
        "CREATE TABLE snk (id INT) WITH ('connector' = 'blackhole');\n"
        "INSERT INTO snk SELECT id FROM owners;"
    )
    assert lines == [] and sinks["snk"].height == 3


def test_sink_types_are_applied():
    sinks, _, _ = run(
        sink("id BIGINT, score DOUBLE") + "INSERT INTO snk SELECT id, id FROM owners;"
    )
    assert sinks["snk"].schema == pl.Schema({"id": pl.Int64, "score": pl.Float64})


def test_group_by_aggregates_and_having():
    sinks, _, _ = run(
        sink("label STRING, n BIGINT, first_id INT, avg_id DOUBLE")
        + """
        INSERT INTO snk
        SELECT p.content, COUNT(*), MIN(id), AVG(CAST(id AS DOUBLE))
        FROM ML_PREDICT(TABLE reviews, MODEL m, DESCRIPTOR(txt)) AS p
        GROUP BY p.content HAVING COUNT(txt) >= 1 ORDER BY 2 DESC, 3;"""
    )
    # the NULL output of row 3 (a NULL input, not sent) forms a group of its own, as in SQL,
    # which HAVING leaves out (its one txt is NULL); the empty text of row 4 was answered
    assert sinks["snk"].rows() == [
        ("positive", 2, 1, 3.0),
        ("negative", 1, 2, 2.0),
        ("neutral", 1, 4, 4.0),
    ]


def test_accuracy_as_a_global_aggregate():
    sinks, _, _ = run(
        sink("accuracy DOUBLE, distinct_names BIGINT")
        + """
        INSERT INTO snk
        SELECT SUM(CASE WHEN content = 'positive' THEN 1 ELSE 0 END) * 1.0 / COUNT(*),
               COUNT(DISTINCT name)
        FROM ML_PREDICT(TABLE reviews, MODEL m, DESCRIPTOR(txt));"""
    )
    assert sinks["snk"].rows() == [(0.4, 5)]


def test_a_partition_is_answered_in_chunks_in_order(monkeypatch):
    from bailian_assets.executor import ml_predict

    monkeypatch.setattr(ml_predict, "CHUNK_ROWS", 2)
    sinks, _, result = run(
        sink("id INT, label STRING") + "INSERT INTO snk SELECT id, content FROM "
        "ML_PREDICT(TABLE reviews, MODEL m, DESCRIPTOR(txt));"
    )
    assert sinks["snk"].rows() == [
        (1, "positive"),
        (2, "negative"),
        (3, None),
        (4, "neutral"),
        (5, "positive"),
    ]
    usage = result.model_runs[0].usage
    assert (usage.rows, usage.rows_skipped, usage.requests, usage.cache_hits) == (5, 1, 3, 1)


def test_batch_size_option_sets_inputs_per_embeddings_request():
    simulator = BailianSimulator()
    sql = """\
CREATE MODEL e INPUT (`input` STRING) OUTPUT (`embedding` ARRAY<FLOAT>) WITH (
  'provider' = 'bailian', 'api-key' = 'k', 'model' = 'text-embedding-v3', 'dimension' = '64',
  'endpoint' = 'https://dashscope-intl.aliyuncs.com/compatible-mode/v1/embeddings',
  'batch-size' = '2');
CREATE TABLE vectors (id INT, v ARRAY<FLOAT>) WITH ('connector' = 'blackhole');
INSERT INTO vectors SELECT id, embedding FROM ML_PREDICT(TABLE owners, MODEL e, DESCRIPTOR(owner));
"""
    sinks, _, result = run(sql, simulator)
    vectors = sinks["vectors"].get_column("v").to_list()
    assert [len(v) for v in vectors] == [64, 64, 64]
    assert result.model_runs[0].usage.requests == 2 == simulator.counters.requests
    assert sinks["vectors"].schema["v"] == pl.List(pl.Float32)


def test_join_using():
    sinks, _, _ = run(
        sink("id INT, owner STRING, name STRING")
        + "INSERT INTO snk SELECT o.id, owner, name FROM owners o "
        "JOIN reviews r USING (id) ORDER BY o.id;"
    )
    assert sinks["snk"].rows() == [(1, "ann", "Alpha"), (2, "bob", "beta")]


def test_every_function_the_planner_knows_is_implemented():
    from bailian_assets.executor.functions import IMPLEMENTATIONS
    from bailian_assets.planning.functions import FUNCTIONS

    assert set(FUNCTIONS) == set(IMPLEMENTATIONS)


def test_failover_names_the_row_of_the_whole_input_not_of_its_chunk(monkeypatch):
    from bailian_assets.executor import ml_predict

    monkeypatch.setattr(ml_predict, "CHUNK_ROWS", 2)
    with pytest.raises(ModelCallError, match=r"failed on row 1:"):
        run(
            FAILING_MODEL.format(strategy="FAILOVER").replace(
                ", `error-string` STRING METADATA,\n  `http-status-code` INT METADATA", ""
            )
            + sink("id INT, label STRING")
            + "INSERT INTO snk SELECT id, content FROM ML_PREDICT(TABLE reviews, MODEL bad, "
            "DESCRIPTOR(txt)) ;"
        )
    with pytest.raises(ModelCallError, match=r"failed on row 5:"):
        run(
            FAILING_MODEL.format(strategy="FAILOVER").replace(
                ", `error-string` STRING METADATA,\n  `http-status-code` INT METADATA", ""
            )
            + sink("id INT, label STRING")
            + "CREATE VIEW late AS SELECT id, CASE WHEN id = 5 THEN txt END AS txt FROM reviews;\n"
            "INSERT INTO snk SELECT id, content FROM ML_PREDICT(TABLE late, MODEL bad, "
            "DESCRIPTOR(txt));"
        )
