"""Flink's datagen connector: generated rows, bounded by 'number-of-rows', each column random or
a sequence; an unbounded one refused where a batch statement reads it, as Flink refuses it."""

from __future__ import annotations

import pytest

from bailian_assets.backends import simulated_backend
from bailian_assets.errors import SqlError
from bailian_assets.executor.runner import run_project
from bailian_assets.planning.project import load_source
from bailian_assets.simulator.service import BailianSimulator
from conftest import printed_lines

SINK = "CREATE TEMPORARY TABLE out1 ({columns}) WITH ('connector' = 'print');\n"


def run(sql: str) -> list[str]:
    return printed_lines(sql, "g.sql")


def table(columns: str, options: str) -> str:
    return (
        f"CREATE TEMPORARY TABLE gen ({columns}) WITH ('connector' = 'datagen'{options});\n"
        + SINK.format(columns=columns)
    )


def test_a_sequence_gives_each_value_once_and_ends_the_rows():
    sql = table(
        "id INT, name STRING",
        ", 'number-of-rows' = '10', 'fields.id.kind' = "
        "'sequence', 'fields.id.start' = '1', 'fields.id.end' = '3', 'fields.name.kind' "
        "= 'sequence', 'fields.name.start' = '7', 'fields.name.end' = '20'",
    )
    assert run(sql + "INSERT INTO out1 SELECT * FROM gen;\n") == [
        "+I[1, 7]",
        "+I[2, 8]",
        "+I[3, 9]",
    ]


def test_random_values_keep_to_their_options_and_repeat_on_a_rerun():
    sql = table(
        "n INT, s STRING, v STRING, d DECIMAL(5, 2), b BOOLEAN, x DOUBLE",
        ", 'number-of-rows' = '200', 'fields.n.min' = '-3', 'fields.n.max' = '3', "
        "'fields.s.length' = '6', 'fields.v.length' = '4', 'fields.v.var-len' = 'true', "
        "'fields.x.min' = '0.5', 'fields.x.max' = '1.5', 'fields.b.null-rate' = '1'",
    )
    sql += "INSERT INTO out1 SELECT * FROM gen;\n"
    first = run(sql)
    assert first == run(sql) and len(first) == 200  # the table's name seeds its rows
    project = load_source(sql, "g.sql", {})
    frame = run_project(project, simulated_backend(BailianSimulator()), lambda t, line: None).sinks[
        "out1"
    ]
    assert frame["n"].min() >= -3 and frame["n"].max() <= 3 and frame["n"].n_unique() == 7
    assert set(frame["s"].str.len_chars()) == {6}
    assert frame["s"].str.contains("^[0-9a-f]+$").all()
    assert set(frame["v"].str.len_chars()) <= {1, 2, 3, 4}
    assert frame["b"].null_count() == 200
    assert frame["x"].min() >= 0.5 and frame["x"].max() <= 1.5
    assert frame["d"].abs().max() <= 999.99


def test_an_unbounded_datagen_is_refused_where_a_statement_reads_it():
    sql = table("id INT", "") + "INSERT INTO out1 SELECT id FROM gen;\n"
    with pytest.raises(SqlError) as caught:
        load_source(sql, "g.sql", {})
    [diagnostic] = caught.value.diagnostics
    assert (diagnostic.position.line, diagnostic.position.col) == (3, 33)
    assert diagnostic.message.startswith(
        "Querying an unbounded table 'default_catalog.default_database.gen' in batch mode is "
        "not allowed. The table source is unbounded."
    )


@pytest.mark.parametrize(
    "columns, options, message",
    [
        ("a ARRAY<INT>", "", "does not generate ARRAY<INT> values (column 'a'"),
        (
            "id INT",
            ", 'fields.id.kind' = 'sequence'",
            "'fields.id.kind' = 'sequence' needs 'fields.id.start' and 'fields.id.end'",
        ),
        (
            "x DOUBLE",
            ", 'fields.x.kind' = 'sequence', 'fields.x.start' = '1', 'fields.x.end' = '2'",
            "needs an integer or string column",
        ),
        ("id INT", ", 'fields.idd.kind' = 'random'", "unknown option 'fields.idd.kind'"),
        (
            "id INT",
            ", 'fields.id.kind' = 'sequence', 'fields.id.start' = '5', 'fields.id.end' = '1'",
            "'fields.id.end' is below its start",
        ),
    ],
)
def test_datagen_mistakes_are_located(columns, options, message):
    with pytest.raises(SqlError) as caught:
        load_source(
            table(columns, ", 'number-of-rows' = '1'" + options)
            + "CREATE TEMPORARY VIEW v AS SELECT * FROM gen;\n",  # checked where it is read
            "g.sql",
            {},
        )
    assert message in str(caught.value)


def test_a_datagen_table_cannot_be_written():
    sql = table("id INT", ", 'number-of-rows' = '1'") + "INSERT INTO gen SELECT 1;\n"
    with pytest.raises(SqlError) as caught:
        load_source(sql, "g.sql", {})
    assert "Connector 'datagen' can only be used as a source. It cannot be used as a sink." in str(
        caught.value
    )


# VVR's "General invocation" quick start, with the number of rows a batch job needs
QUICK_START = """
CREATE TEMPORARY TABLE text_source (
  user_input STRING
) WITH ('connector' = 'datagen'{rows});

CREATE TEMPORARY TABLE result_sink (
  user_input STRING,
  ai_analysis STRING
) WITH ('connector' = 'print');

CREATE TEMPORARY MODEL text_model
INPUT (user_input STRING)
OUTPUT (content STRING)
WITH (
  'provider' = 'openai-compat',
  'model' = 'qwen3.6-flash',
  'task' = 'chat/completions',
  'system-prompt' = 'Rate the gibberish level of the input on a scale of 0 to 100'
);

INSERT INTO result_sink
SELECT user_input, content FROM ML_PREDICT(TABLE text_source, MODEL text_model,
  DESCRIPTOR(user_input));
"""


def test_vvrs_quick_start_runs_with_a_number_of_rows_and_is_refused_without():
    lines = run(QUICK_START.format(rows=", 'number-of-rows' = '3'"))
    assert len(lines) == 3 and all(line.startswith("+I[") for line in lines)
    with pytest.raises(SqlError) as caught:
        load_source(QUICK_START.format(rows=""), "g.sql", {})
    assert "Querying an unbounded table 'default_catalog.default_database.text_source'" in str(
        caught.value
    )


def test_a_datagen_source_feeds_a_dagster_asset(tmp_path):
    import dagster as dg

    from bailian_assets.integration import build_definitions

    folder = tmp_path / "sql"
    folder.mkdir()
    (folder / "gen.sql").write_text(
        table(
            "id INT",
            ", 'number-of-rows' = '4', 'fields.id.kind' = 'sequence', "
            "'fields.id.start' = '1', 'fields.id.end' = '9'",
        ).replace("'connector' = 'print'", "'connector' = 'print', 'logger' = 'true'")
        + "INSERT INTO out1 SELECT id * 10 FROM gen;\n"
    )
    defs = build_definitions(folder)
    with dg.instance_for_test() as instance:
        result = defs.resolve_implicit_global_asset_job_def().execute_in_process(instance=instance)
        assert result.success
        logs = [e.message for e in instance.all_logs(result.run_id)]
    assert [m for m in logs if m.startswith("+I[")] == ["+I[10]", "+I[20]", "+I[30]", "+I[40]"]
