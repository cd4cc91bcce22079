"""Bare SELECT statements, as VVR's documentation writes its examples: run where they stand and
shown as Flink shows them (changelog rows, as the Flink oracle prints a top-level SELECT), by
`bailian-assets run`, `check` and `plan`, and as Dagster assets whose output is the rows."""

import subprocess
import sys

import dagster as dg
import pytest

from bailian_assets.cli import main
from bailian_assets.errors import SqlError
from bailian_assets.integration import build_definitions
from bailian_assets.planning.planner import unique_names
from bailian_assets.planning.project import load_source
from bailian_assets.sql import ast
from bailian_assets.sql.parser import parse_script
from conftest import clean_env, printed_by_table

CHAT_URL = "https://dashscope-intl.aliyuncs.com/compatible-mode/v1/chat/completions"

# VVR's ML_PREDICT page (Dec 2025, en), its placeholders replaced; the SELECT is bare, as there.
ML_PREDICT_DOC = f"""\
CREATE TEMPORARY MODEL ai_analyze_sentiment
INPUT (`input` STRING)
OUTPUT (`content` STRING)
WITH (
    'provider'='bailian',
    'endpoint'='{CHAT_URL}',
    'apiKey' = 'sk-test-key',
    'model'='qwen-turbo',
    'systemPrompt' = 'Classify the text below into one of the following labels: [positive, negative, neutral, mixed]. Output only the label.'
);


CREATE TEMPORARY VIEW movie_comment(id, movie_name,  user_comment, actual_label)
AS VALUES (1, 'Her Story', 'My favourite part was when the kid guessed the sounds. It was romantic, heartwarming, and loving.', 'positive'), (2, 'The Dumpling Queen', 'Nothing special.', 'negative');
SELECT id, movie_name, content as predict_label, actual_label
FROM ML_PREDICT(TABLE movie_comment, MODEL ai_analyze_sentiment, DESCRIPTOR(user_comment));
"""  # noqa: E501 - a documentation example, verbatim

ROWS = """\
CREATE TEMPORARY VIEW v (id, name) AS VALUES (1, 'a'), (2, 'b');
"""


def run(sql: str) -> list[tuple[str, str]]:
    """(table the line went to, line) for every line the run shows."""
    return printed_by_table(load_source(sql, "t.sql", {}))[0]


def refused(sql: str) -> tuple[int, int, str]:
    with pytest.raises(SqlError) as caught:
        load_source(sql, "t.sql", {})
    d = caught.value.diagnostics[0]
    return d.position.line, d.position.col, d.message


# ------------------------------------------------------------------ parsing


def test_select_with_and_values_stand_alone_as_statements():
    script = parse_script(
        "SELECT 1;\nWITH w AS (SELECT 2 AS x) SELECT x FROM w;\nVALUES (3), (4);\n", "t.sql"
    )
    statements = script.statements
    assert [type(s) for s in statements] == [ast.SelectStatement] * 3
    assert [s.position.line for s in statements] == [1, 2, 3]
    assert script.text_of(statements[1]) == "WITH w AS (SELECT 2 AS x) SELECT x FROM w"


def test_a_broken_select_is_a_located_error_and_the_rest_is_still_parsed():
    with pytest.raises(SqlError) as caught:
        parse_script("SELECT a FROM;\nSELECT 1 FROM t WHERE;\n", "t.sql")
    assert [(d.position.line, d.position.col) for d in caught.value.diagnostics] == [
        (1, 14),
        (2, 22),
    ]


# ------------------------------------------------------------------ run


def test_the_ml_predict_doc_example_runs_as_written():
    shown = run(ML_PREDICT_DOC)
    assert [line for _, line in shown] == [
        "+I[1, Her Story, positive, positive]",
        "+I[2, The Dumpling Queen, neutral, negative]",
    ]
    assert {table for table, _ in shown} == {"t_select_15"}


def test_selects_and_inserts_run_in_file_order():
    sql = (
        ROWS
        + """\
CREATE TABLE snk (id INT) WITH ('connector' = 'print', 'print-identifier' = 'out');
SELECT name FROM v WHERE id = 2;
INSERT INTO snk SELECT id FROM v;
SELECT COUNT(*) AS n FROM v;
"""
    )
    assert run(sql) == [
        ("t_select_3", "+I[b]"),
        ("snk", "out> +I[1]"),
        ("snk", "out> +I[2]"),
        ("t_select_5", "+I[2]"),
    ]


def test_a_select_reads_what_an_earlier_insert_wrote(tmp_path):
    sql = (
        ROWS
        + f"""\
CREATE TABLE stored (id INT, name STRING) WITH ('connector' = 'filesystem',
  'path' = '{tmp_path / "stored"}', 'format' = 'csv');
INSERT INTO stored SELECT id, name FROM v;
SELECT name, id * 10 FROM stored ORDER BY id DESC;
"""
    )
    assert [line for _, line in run(sql)] == ["+I[b, 20]", "+I[a, 10]"]


def test_repeated_column_names_are_made_unique_as_flink_does():
    assert unique_names(("a", "a", "a0", "b", "a")) == ("a", "a1", "a0", "b", "a2")
    project = load_source(ROWS + "SELECT id, id, name AS id FROM v;", "t.sql", {})
    assert project.selects[0].query.names == ("id", "id0", "id1")
    assert [line for _, line in run(ROWS + "SELECT id, id FROM v;")] == ["+I[1, 1]", "+I[2, 2]"]


def test_a_wrong_select_is_refused_where_it_is_with_flinks_words():
    line, col, message = refused(ROWS + "SELECT nope FROM v;")
    assert (line, col) == (2, 8) and "Column 'nope' not found" in message
    assert refused(ROWS + "SELECT 1 FROM missing;")[2].startswith("Object 'missing' not found")


def test_a_select_named_like_a_table_is_refused_as_a_clash():
    sql = ROWS + "CREATE TABLE t_select_3 (id INT) WITH ('connector' = 'blackhole');\nSELECT 1;"
    line, _, message = refused(sql)
    assert line == 3 and "would both be the Dagster asset 't_select_3'" in message


def test_two_selects_on_one_line_get_distinct_names():
    project = load_source("SELECT 1; SELECT 2;", "t.sql", {})
    assert [s.name for s in project.selects] == ["t_select_1", "t_select_1_11"]


# ------------------------------------------------------------------ command line


def test_check_counts_selects_and_run_prints_rows_to_stdout(tmp_path, capsys):
    job = tmp_path / "doc.sql"
    job.write_text(ML_PREDICT_DOC)
    assert main(["check", str(job)]) == 0
    assert "0 INSERTs, 1 SELECTs" in capsys.readouterr().err
    assert main(["plan", str(job)]) == 0
    assert f"{job}:16" in capsys.readouterr().out  # the SELECT's ML_PREDICT is estimated
    done = subprocess.run(
        [sys.executable, "-m", "bailian_assets.cli", "run", str(job)],
        capture_output=True,
        text=True,
        env=clean_env(),
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        "+I[1, Her Story, positive, positive]",
        "+I[2, The Dumpling Queen, neutral, negative]",
    ]
    assert f"SELECT ({job}:15): 2 rows" in done.stderr


def test_run_refuses_a_file_with_nothing_to_run(tmp_path, capsys):
    job = tmp_path / "views.sql"
    job.write_text(ROWS)
    assert main(["run", str(job)]) == 2
    assert "has no INSERT or SELECT statement to run" in capsys.readouterr().err


# ------------------------------------------------------------------ Dagster


def test_a_select_is_an_asset_whose_output_is_its_rows(tmp_path):
    folder = tmp_path / "sql"
    folder.mkdir()
    (folder / "doc.sql").write_text(ML_PREDICT_DOC)
    defs = build_definitions(folder)
    key = dg.AssetKey("doc_select_15")
    spec = next(iter(defs.resolve_assets_def(key).specs))
    assert spec.group_name == "doc" and "SELECT at doc.sql:15" in spec.description
    assert spec.deps[0].asset_key == dg.AssetKey("movie_comment")
    with dg.instance_for_test() as instance:
        result = defs.resolve_implicit_global_asset_job_def().execute_in_process(instance=instance)
        assert result.success
        logs = [e.message for e in instance.all_logs(result.run_id) if e.dagster_event is None]
    assert "+I[1, Her Story, positive, positive]" in logs
    assert result.output_for_node("doc_select_15").rows() == [
        (1, "Her Story", "positive", "positive"),
        (2, "The Dumpling Queen", "neutral", "negative"),
    ]
    (materialization,) = result.asset_materializations_for_node("doc_select_15")
    metadata = materialization.metadata
    assert metadata["dagster/row_count"].value == 2
    assert [r.data["predict_label"] for r in metadata["preview"].value.records] == [
        "positive",
        "neutral",
    ]
    checks = {e.check_name: e for e in result.get_asset_check_evaluations()}
    assert checks["predict_label_in_label_set"].passed and checks["no_rows_lost"].passed
    assert checks["predict_label_accuracy"].metadata["accuracy"].value == 0.5
