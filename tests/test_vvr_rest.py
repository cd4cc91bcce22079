"""The rest of VVR's AI SQL: VARIANT comparisons and casts as Flink 2.3 has them (each verdict
and text checked on the Flink oracle), the label checks of AI_SENTIMENT and AI_CLASSIFY in
Dagster, and the client's backend chosen by its caller."""

import pytest

from bailian_assets.errors import SqlError
from bailian_assets.planning.project import load_source
from conftest import printed_lines

ROWS = "(SELECT id, PARSE_JSON(s) AS v FROM (VALUES (1, '1'), (2, '2'), (3, '1')) AS t(id, s))"
ORDERABLE = (
    "is not an orderable data type, it is not supported as a ORDER_BY/GROUP_BY/JOIN_EQUAL field."
)
# of a VARIANT parsed from VALUES rows, NOT NULL as Flink types them (variant/*_refused.flink.out)
UNORDERED = "Type(VARIANT NOT NULL) " + ORDERABLE


def shown(sql: str) -> list[str]:
    return printed_lines(sql)


def refusal(sql: str) -> tuple[int, int, str]:
    with pytest.raises(SqlError) as caught:
        load_source(sql, "t.sql", {})
    d = caught.value.diagnostics[0]
    return d.position.line, d.position.col, d.message


# ------------------------------------------------------------------ VARIANT


@pytest.mark.parametrize(
    "sql, message",
    [
        (
            "SELECT PARSE_JSON('1') < PARSE_JSON('2');",
            "Comparable type expected, but was 'VARIANT NOT NULL'.",
        ),
        (
            "SELECT PARSE_JSON('1') BETWEEN PARSE_JSON('0') AND PARSE_JSON('2');",
            "Comparable type expected, but was 'VARIANT NOT NULL'.",
        ),
        (
            "SELECT GREATEST(PARSE_JSON('1'), PARSE_JSON('2'));",
            "Comparable type expected, but was 'VARIANT NOT NULL'.",
        ),
        (
            "SELECT TRY_PARSE_JSON('1') >= TRY_PARSE_JSON('2');",
            "Comparable type expected, but was 'VARIANT'.",
        ),
        (f"SELECT v, COUNT(*) FROM {ROWS} GROUP BY v;", UNORDERED),
        (f"SELECT v FROM {ROWS} ORDER BY v;", UNORDERED),
        (f"SELECT DISTINCT v FROM {ROWS};", UNORDERED),
        (f"SELECT COUNT(DISTINCT v) FROM {ROWS};", UNORDERED),
        (f"SELECT id, COUNT(*) OVER (PARTITION BY v) FROM {ROWS};", UNORDERED),
        (f"SELECT id, ROW_NUMBER() OVER (ORDER BY v) FROM {ROWS};", UNORDERED),
        (f"SELECT v FROM {ROWS} INTERSECT SELECT v FROM {ROWS};", UNORDERED),
        (f"SELECT v FROM {ROWS} EXCEPT ALL SELECT v FROM {ROWS};", UNORDERED),
        (
            "SELECT PARSE_JSON('1') UNION SELECT PARSE_JSON('1');",
            "UNION cannot remove duplicate VARIANT values (Flink 2.3 fails with: VARIANT (of class "
            "org.apache.flink.table.types.logical.LogicalTypeRoot)); use UNION ALL",
        ),
        (
            f"SELECT MAX(v) FROM {ROWS};",
            "Max aggregate function does not support type: "
            "''VARIANT''. Please re-check the data type.",
        ),
        (
            f"SELECT MIN(v) FROM {ROWS};",
            "Min aggregate function does not support type: "
            "''VARIANT''. Please re-check the data type.",
        ),
        (
            "SELECT CAST(PARSE_JSON('1') AS VARIANT);",
            "Cast function cannot convert value of type VARIANT to type VARIANT",
        ),
        (
            "SELECT CAST(PARSE_JSON('1') AS TIMESTAMP);",
            "Cast function cannot convert value of type VARIANT to type TIMESTAMP(6)",
        ),
        (
            "SELECT PARSE_JSON('1') = 1;",
            "Cannot apply '=' to arguments of type '<VARIANT> = <INTEGER>'",
        ),
    ],
)
def test_what_flink_refuses_for_variant_is_refused_with_its_text(sql, message):
    line, _, found = refusal(sql)
    assert line == 1 and found.startswith(message)


def test_the_refusal_points_at_the_key():
    assert refusal(f"SELECT id, v FROM {ROWS}\nORDER BY id, v;")[:2] == (2, 14)
    assert refusal(f"SELECT v, COUNT(*) FROM {ROWS}\nGROUP BY v;")[:2] == (2, 10)


def test_what_flink_accepts_for_variant_still_runs():
    assert shown(
        "SELECT PARSE_JSON('1') = PARSE_JSON('1'), PARSE_JSON('1') <> PARSE_JSON('2'), "
        "PARSE_JSON('1') IS DISTINCT FROM PARSE_JSON('2'), "
        "PARSE_JSON('1') IN (PARSE_JSON('1'), PARSE_JSON('2'));"
    ) == ["+I[true, true, true, true]"]
    assert shown(f"SELECT id FROM {ROWS} WHERE v = PARSE_JSON('1');") == ["+I[1]", "+I[3]"]
    assert shown(f"SELECT COUNT(v) FROM {ROWS};") == ["+I[3]"]
    assert shown("SELECT PARSE_JSON('1') UNION ALL SELECT PARSE_JSON('1');") == ["+I[1]"] * 2
    assert shown(
        "SELECT CAST(NULL AS VARIANT), COALESCE(TRY_PARSE_JSON('x'), PARSE_JSON('3'));"
    ) == ["+I[null, 3]"]


def test_cast_of_a_boolean_to_string_prints_as_flink():
    assert shown(
        "SELECT CAST(TRUE AS STRING), CAST(FALSE AS STRING), "
        "CAST(CAST(NULL AS BOOLEAN) AS STRING), CAST(1 = 1 AS VARCHAR(10)), "
        "CAST(TRUE AS CHAR(5)), 'x' || CAST(TRUE AS STRING), "
        "CAST(TRUE AS STRING) = 'TRUE';"
    ) == ["+I[TRUE, FALSE, null, TRUE, TRUE , xTRUE, true]"]


# ------------------------------------------------------------------ AI function label checks

GENERAL_MODEL = """\
CREATE TEMPORARY MODEL general_model
INPUT (`input` STRING)
OUTPUT (`content` VARIANT)
WITH (
    'provider' = 'openai-compat',
    'endpoint'='https://dashscope-intl.aliyuncs.com/compatible-mode/v1/chat/completions',
    'apiKey' = 'sk-test-key',
    'model' = 'qwen-plus'
);
"""
# VVR's AI_SENTIMENT example (zh), its SELECT bare; and AI_CLASSIFY into a print table
LABELLED = (
    GENERAL_MODEL
    + """\
CREATE TEMPORARY VIEW movie_comment(id, movie_name, user_comment, actual_label)
AS VALUES (1, '好东西', '最爱小孩子猜声音那段,算得上看过的电影里相当浪漫的叙事了。很温和也很有爱。', 'positive'), (2, '水饺皇后', '乏善可陈', 'negative');
SELECT id, movie_name, actual_label, score, label, confidence FROM movie_comment,
LATERAL TABLE(AI_SENTIMENT(MODEL general_model, user_comment));
CREATE TEMPORARY TABLE routed (id INT, category STRING, expected_category STRING,
  summary STRING) WITH ('connector' = 'blackhole');
INSERT INTO routed SELECT id, category, IF(id = 1, 'good', 'bad'), summary
FROM movie_comment, LATERAL TABLE(AI_CLASSIFY(MODEL general_model, user_comment,
  ARRAY['good', 'bad'])), LATERAL TABLE(AI_SUMMARIZE(MODEL general_model, user_comment, 20));
"""  # noqa: E501 - a documentation example, verbatim
)


def test_ai_sentiment_and_classify_labels_are_checked_in_dagster(tmp_path):
    import dagster as dg

    from bailian_assets.integration import build_definitions

    folder = tmp_path / "sql"
    folder.mkdir()
    (folder / "doc.sql").write_text(LABELLED)
    defs = build_definitions(folder)
    select, routed = dg.AssetKey("doc_select_12"), dg.AssetKey("routed")
    names = {
        key: {spec.key.name for spec in defs.resolve_assets_def(key).check_specs}
        for key in (select, routed)
    }
    assert names[select] == {"no_rows_lost", "label_in_label_set", "label_accuracy"}
    # the summary is not a label; no check counts the confidence or score as one
    assert names[routed] == {"no_rows_lost", "category_in_label_set", "category_accuracy"}
    with dg.instance_for_test() as instance:
        result = defs.resolve_implicit_global_asset_job_def().execute_in_process(instance=instance)
    assert result.success
    checks = {(e.asset_key, e.check_name): e for e in result.get_asset_check_evaluations()}
    assert all(check.passed for key, check in checks.items() if "accuracy" not in key[1])
    sentiment = checks[(select, "label_accuracy")]
    assert sentiment.passed and sentiment.metadata["accuracy"].value == 1.0
    assert (
        checks[(select, "label_in_label_set")].metadata["labels"].value
        == "positive, negative, neutral"
    )
    assert checks[(routed, "category_in_label_set")].metadata["labels"].value == "good, bad"
    assert checks[(routed, "no_rows_lost")].metadata["failed"].value == 0


def test_a_label_outside_the_declared_set_fails_the_check():
    import dagster as dg
    import polars as pl

    from bailian_assets.integration import checks
    from bailian_assets.planning.settings import FileSettings

    project = load_source(LABELLED, "doc.sql", {})
    settings = FileSettings.of({})
    (column,) = checks.prediction_columns([project.selects[0].query], settings)
    assert (column.column, column.labels, column.ground_truth) == (
        "label",
        ("positive", "negative", "neutral"),
        "actual_label",
    )
    frame = pl.DataFrame(
        {"label": ["positive", "mixed", None], "actual_label": ["positive", "negative", "neutral"]}
    )
    result, accuracy = checks.evaluate(dg.AssetKey("s"), frame, [], [column], settings)
    assert not result.passed and result.metadata["outside_label_set"].value == 1
    assert result.metadata["examples"].value == "'mixed'"
    assert accuracy.metadata["accuracy"].value == 0.5


# ------------------------------------------------------------- the backend, chosen above the client
# (that the client layer imports no simulator is test_layers.py's)


def test_backends_are_chosen_from_the_environment():
    from bailian_assets.backends import backend_from_env
    from bailian_assets.errors import ModelCallError

    offline = backend_from_env({})
    assert offline.simulated and "simulator" in offline.description
    service = backend_from_env({"BAILIAN_BASE_URL": "https://dashscope.aliyuncs.com"})
    assert not service.simulated and service.transport is None
    with pytest.raises(ModelCallError, match="user name or password"):
        backend_from_env({"BAILIAN_BASE_URL": "https://u:p@dashscope.aliyuncs.com"})
