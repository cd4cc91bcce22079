"""csv and json formats as Flink 2.3 reads them, their options, and the print sink's subtasks.

Every expectation here was checked against real Flink 2.3 (the oracle, `flink-run`): the
golden cases under tests/golden/ddl hold Flink's own answers; these tests pin the details
around them (what is warned, what is counted, where the Python fallback is taken).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import polars as pl
import pytest

from bailian_assets.errors import ExecutionError, SqlError
from bailian_assets.executor import filesystem
from bailian_assets.executor.csv_reader import needs_fallback
from bailian_assets.executor.filesystem import read_table
from bailian_assets.planning.connectors.formats import CsvFormat
from bailian_assets.planning.project import load_project
from conftest import printed_run


def run_sql(folder: Path, sql: str) -> list[str]:
    """Run `sql` (written to folder/job.sql) and return the lines its print sinks wrote."""
    path = folder / "job.sql"
    path.write_text(sql, encoding="utf-8")
    return printed_run(load_project([path], environ={}))[0]


# ------------------------------------------------------------------ print sink subtasks


def test_print_with_parallelism_prefixes_each_line_with_its_subtask(tmp_path):
    sql = (
        "CREATE TEMPORARY TABLE out1 (x INT) "
        "WITH ('connector' = 'print', 'sink.parallelism' = '3');\n"
        "INSERT INTO out1 VALUES (1), (2), (3), (4), (5);\n"
    )
    # Flink deals rows round-robin; each subtask's lines come together
    assert run_sql(tmp_path, sql) == ["1> +I[1]", "1> +I[4]", "2> +I[2]", "2> +I[5]", "3> +I[3]"]


def test_print_identifier_and_subtask_join_with_a_colon(tmp_path):
    sql = (
        "CREATE TEMPORARY TABLE out1 (x INT) WITH ('connector' = 'print', "
        "'sink.parallelism' = '2', 'print-identifier' = 'me');\n"
        "INSERT INTO out1 VALUES (1), (2), (3);\n"
    )
    assert run_sql(tmp_path, sql) == ["me:1> +I[1]", "me:1> +I[3]", "me:2> +I[2]"]


def test_print_with_parallelism_one_has_no_prefix(tmp_path):
    sql = (
        "CREATE TEMPORARY TABLE out1 (x INT) "
        "WITH ('connector' = 'print', 'sink.parallelism' = '1');\n"
        "INSERT INTO out1 VALUES (1);\n"
    )
    assert run_sql(tmp_path, sql) == ["+I[1]"]


# ------------------------------------------------------------------ options


def table(folder: Path, columns: str, options: str, data: str | None = None, name="d.csv"):
    """Table `t` over folder/data (holding `name` with `data`), declared with `options`."""
    (folder / "data").mkdir(exist_ok=True)
    if data is not None:
        (folder / "data" / name).write_text(data, encoding="utf-8")
    sql = folder / "t.sql"
    sql.write_text(
        f"CREATE TABLE t ({columns}) WITH ('connector' = 'filesystem', 'path' = 'data', "
        f"{options});\n"
        "SELECT * FROM t;\n"  # Flink checks a table's options where it is used
    )
    return load_project([sql], environ={}).tables["t"]


def refusal(folder: Path, options: str) -> str:
    with pytest.raises(SqlError) as caught:
        table(folder, "a INT", options)
    return caught.value.diagnostics[0].message


def test_an_unknown_option_of_the_format_is_ignored_with_a_warning(tmp_path, caplog):
    t = table(tmp_path, "a INT", "'format' = 'csv', 'csv.ignore-parse-error' = 'true'")
    assert "csv.ignore-parse-error" not in t.options
    assert "t.sql:1:" in caplog.text
    assert "'csv.ignore-parse-error' of table 't'" in caplog.text
    assert "did you mean 'csv.ignore-parse-errors'?" in caplog.text


def test_another_formats_option_is_refused_as_flink_refuses_it(tmp_path):
    message = refusal(tmp_path, "'format' = 'csv', 'json.ignore-parse-errors' = 'true'")
    assert "unknown option 'json.ignore-parse-errors'" in message


@pytest.mark.parametrize(
    "options, expected",
    [
        (
            "'format' = 'csv', 'csv.field-delimiter' = '||'",
            "must be a string with single character",
        ),
        ("'format' = 'csv', 'csv.allow-comments' = 'yes'", "expected 'true' or 'false'"),
        (
            "'format' = 'csv', 'csv.quote-character' = '''', "
            "'csv.disable-quote-character' = 'true'",
            "Format cannot define a quote character and disabled quote character",
        ),
        (
            "'format' = 'json', 'json.fail-on-missing-field' = 'true', "
            "'json.ignore-parse-errors' = 'true'",
            "fail-on-missing-field and ignore-parse-errors shouldn't both be true",
        ),
        ("'format' = 'json', 'json.timestamp-format.standard' = 'iso'", "SQL, ISO-8601"),
    ],
)
def test_format_options_are_checked_as_flink_checks_them(tmp_path, options, expected):
    assert expected in refusal(tmp_path, options)


def test_a_tab_delimiter_is_written_as_java_escapes_it(tmp_path):
    t = table(
        tmp_path, "a INT, b STRING", "'format' = 'csv', 'csv.field-delimiter' = '\\t'", "1\tx\n"
    )
    assert read_table(t).rows() == [(1, "x")]


# ------------------------------------------------------------------ csv reading rules


def test_an_empty_int_field_fails_naming_its_line_and_the_way_out(tmp_path):
    t = table(tmp_path, "a INT, b INT", "'format' = 'csv'", "1,2\n3,\n")
    with pytest.raises(
        ExecutionError, match=r"d.csv:2:3: error: empty field for column 'b'.*null-literal"
    ):
        read_table(t)


def test_fields_missing_from_a_line_are_null_when_the_query_does_not_read_them(tmp_path):
    t = table(tmp_path, "a INT, b STRING, c INT", "'format' = 'csv'", "1,x\n2,y,3\n")
    frame = filesystem.scan_table(t).select("a", "b").collect()
    assert frame.rows() == [(1, "x"), (2, "y")]
    with pytest.raises(ExecutionError, match=r"d.csv:1: error: 2 fields, 3 expected"):
        read_table(t)


def test_ignored_errors_are_each_warned_with_file_and_line(tmp_path, caplog):
    t = table(
        tmp_path,
        "a INT, b INT",
        "'format' = 'csv', 'csv.ignore-parse-errors' = 'true'",
        "1,2\n2,x\n3,4,5\n4\n",
    )
    assert read_table(t).rows() == [(1, 2), (2, None), (4, None)]
    warned = [r.getMessage() for r in caplog.records if "d.csv" in r.getMessage()]
    assert any(":2:3: value 'x' of column 'b' is not a INT; read as NULL" in w for w in warned)
    assert any(":3: more fields than the table declares" in w and "skipped" in w for w in warned)
    assert any(":4: 1 field, 2 expected" in w for w in warned)


def test_many_ignored_errors_are_counted_beyond_the_first_few(tmp_path, caplog):
    data = "".join(f"{i},bad\n" for i in range(20))
    t = table(
        tmp_path, "a INT, b INT", "'format' = 'csv', 'csv.ignore-parse-errors' = 'true'", data
    )
    assert read_table(t).height == 20
    messages = [r.getMessage() for r in caplog.records if "d.csv" in r.getMessage()]
    assert len(messages) == 6  # five one by one, then the count
    assert "20 values read as NULL and 0 lines skipped in all" in messages[-1]


def test_comments_are_skipped_and_lines_still_named_right(tmp_path):
    t = table(
        tmp_path,
        "a INT, b STRING",
        "'format' = 'csv', 'csv.allow-comments' = 'true'",
        '# header\n1,"two\nlines"\n# note\n3,x\n4,\n5\n',
    )
    with pytest.raises(ExecutionError, match=r"d.csv:7: error: 1 field, 2 expected"):
        read_table(t)


def test_an_empty_string_field_is_empty_and_a_missing_one_null(tmp_path):
    t = table(tmp_path, "a INT, b STRING, c STRING", "'format' = 'csv'", '1,,x\n2,"",\n')
    assert read_table(t).rows() == [(1, "", "x"), (2, "", "")]
    t = table(tmp_path, "a INT, b STRING, c STRING", "'format' = 'csv'", "1,y\n")
    assert filesystem.scan_table(t).select("a", "b").collect().rows() == [(1, "y")]


def test_the_escape_character_takes_the_python_fallback(tmp_path):
    t = table(
        tmp_path,
        "a INT, b STRING",
        "'format' = 'csv', 'csv.escape-character' = '\\', 'csv.ignore-parse-errors' = 'true'",
        '1,"a\\"b"\n2,c\\,d\nx,y\n',
    )
    assert needs_fallback(CsvFormat.of(t.options))
    assert read_table(t).rows() == [(1, 'a"b'), (2, "c,d"), (None, "y")]


def test_a_multibyte_delimiter_takes_the_python_fallback(tmp_path):
    t = table(
        tmp_path, "a INT, b STRING", "'format' = 'csv', 'csv.field-delimiter' = '；'", "1；甲\n"
    )
    assert needs_fallback(CsvFormat.of(t.options))
    assert read_table(t).rows() == [(1, "甲")]


def test_csv_writes_null_as_the_null_literal(tmp_path):
    t = table(tmp_path, "a INT, b STRING", "'format' = 'csv', 'csv.null-literal' = 'NA'")
    filesystem.write_table(
        t, pl.DataFrame({"a": [1, None], "b": [None, "x"]}, schema_overrides={"a": pl.Int32})
    )
    assert (tmp_path / "data" / "part-0.csv").read_text() == "1,NA\nNA,x\n"
    assert read_table(t).rows() == [(1, None), (None, "x")]


# ------------------------------------------------------------------ json reading rules


def test_json_fail_on_missing_field_names_the_line(tmp_path):
    t = table(
        tmp_path,
        "id INT, amount DOUBLE",
        "'format' = 'json', 'json.fail-on-missing-field' = 'true'",
        '{"id": 1, "amount": 2.5}\n{"id": 2}\n',
        name="d.json",
    )
    with pytest.raises(ExecutionError, match=r"d.json:2: error: no field 'amount'"):
        read_table(t)


def test_a_line_that_is_no_json_is_named_by_its_line(tmp_path):
    t = table(tmp_path, "id INT", "'format' = 'json'", '{"id": 1}\n1,Alice,DE\n', name="c.json")
    with pytest.raises(
        ExecutionError, match=r"c.json:2:2: error: cannot read it as json: Extra data"
    ):
        read_table(t)


def test_a_json_object_that_does_not_fit_the_map_type_is_null_alone(tmp_path):
    t = table(
        tmp_path,
        "id INT, m MAP<STRING, INT>",
        "'format' = 'json', 'json.ignore-parse-errors' = 'true'",
        '{"id": 1, "m": {"a": 1}}\n{"id": 2, "m": {"a": "x"}}\n',
        name="m.json",
    )
    assert read_table(t).rows() == [(1, [{"key": "a", "value": 1}]), (2, None)]


def test_json_timestamps_in_the_chosen_standard_only(tmp_path):
    data = '{"ts": "2024-01-05 10:00:00"}\n{"ts": "2024-01-05T10:00:00.5"}\n'
    for standard, rows in (
        ("SQL", [(dt.datetime(2024, 1, 5, 10),), (None,)]),
        ("ISO-8601", [(None,), (dt.datetime(2024, 1, 5, 10, 0, 0, 500000),)]),
    ):
        t = table(
            tmp_path,
            "ts TIMESTAMP(3)",
            f"'format' = 'json', 'json.timestamp-format.standard' = '{standard}', "
            "'json.ignore-parse-errors' = 'true'",
            data,
            name="d.json",
        )
        assert read_table(t).rows() == rows
    t = table(tmp_path, "ts TIMESTAMP(3)", "'format' = 'json'", data, name="d.json")
    with pytest.raises(ExecutionError, match=r"d.json:2: error: value '2024-01-05T10:00:00.5'"):
        read_table(t)


def test_json_numbers_truncate_into_integers_on_both_paths(tmp_path):
    data = '{"id": 1.7}\n{"id": 2}\n'
    t = table(tmp_path, "id INT", "'format' = 'json'", data, name="d.json")
    assert read_table(t).rows() == [(1,), (2,)]
    t = table(
        tmp_path,
        "id INT",
        "'format' = 'json', 'json.fail-on-missing-field' = 'true'",
        data,
        name="d.json",
    )
    assert read_table(t).rows() == [(1,), (2,)]
