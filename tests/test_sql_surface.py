"""The SQL surface Flink 2.3 defines around a query, checked against the oracle's answers: ORDER BY
... NULLS FIRST|LAST, LIMIT/OFFSET/FETCH, reserved words as names, and the values of Flink's own SET
keys, named windows, and typed literals folded at plan time. (The golden cases hold the same facts
as Flink printed them; these tests pin the edges the golden files do not show: messages, carets, and
the forms refused.)"""

import datetime

import pytest
from test_scans import events
from test_scans import reads as scan_reads  # noqa: F401  (the fixture `reads`)
from test_scans import run as run_scan

from bailian_assets.errors import SqlError
from bailian_assets.planning import bound as b
from bailian_assets.planning import types
from bailian_assets.planning.folding import folded_cast
from bailian_assets.planning.project import load_source
from bailian_assets.sql.reserved import RESERVED_WORDS
from conftest import printed_lines

T = """\
CREATE TEMPORARY TABLE out1 (v INT) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(v) AS VALUES (5), (3), (CAST(NULL AS INT)), (9), (1);
"""


def refusal(sql: str) -> str:
    with pytest.raises(SqlError) as caught:
        load_source(sql, "t.sql", {})
    return caught.value.diagnostics[0].format()


def values(query: str) -> list[str]:
    return [line.removeprefix("+I[").removesuffix("]") for line in printed_lines(T + query)]


# ------------------------------------------------------------------ ORDER BY, LIMIT, OFFSET


@pytest.mark.parametrize(
    ("order", "expected"),
    [
        ("v", ["null", "1", "3", "5", "9"]),  # Flink's default: NULLs first ascending
        ("v DESC", ["9", "5", "3", "1", "null"]),  # and last descending
        ("v ASC NULLS LAST", ["1", "3", "5", "9", "null"]),
        ("v DESC NULLS FIRST", ["null", "9", "5", "3", "1"]),
        ("v NULLS FIRST", ["null", "1", "3", "5", "9"]),
        ("v DESC NULLS LAST", ["9", "5", "3", "1", "null"]),
    ],
)
def test_nulls_go_where_flink_puts_them(order, expected):
    assert values(f"INSERT INTO out1 SELECT v FROM t ORDER BY {order};") == expected


@pytest.mark.parametrize(
    ("tail", "expected"),
    [
        ("LIMIT 2 OFFSET 1", ["1", "3"]),
        ("LIMIT 2 OFFSET 1 ROWS", ["1", "3"]),
        ("OFFSET 1 ROW FETCH NEXT 2 ROW ONLY", ["1", "3"]),
        ("OFFSET 3 ROWS FETCH FIRST 5 ROWS ONLY", ["5", "9"]),
        ("FETCH FIRST 2 ROWS ONLY", ["null", "1"]),
        ("LIMIT ALL", ["null", "1", "3", "5", "9"]),
        ("LIMIT 0", []),
        ("LIMIT 3 OFFSET 10", []),
    ],
)
def test_limit_offset_and_fetch_forms(tail, expected):
    assert values(f"INSERT INTO out1 SELECT v FROM t ORDER BY v {tail};") == expected


def test_offset_without_order_by_skips_rows_in_input_order():
    assert values("INSERT INTO out1 SELECT v FROM t OFFSET 1 ROWS;") == ["3", "null", "9", "1"]
    assert values("INSERT INTO out1 SELECT v FROM t LIMIT 2 OFFSET 1;") == ["3", "null"]


def test_a_subquery_keeps_its_own_limit_and_offset():
    query = (
        "INSERT INTO out1 SELECT v FROM (SELECT v FROM t ORDER BY v DESC NULLS FIRST "
        "LIMIT 3 OFFSET 1) ORDER BY v;"
    )
    assert values(query) == ["3", "5", "9"]


def test_a_window_orders_nulls_as_written():
    sql = (
        "CREATE TEMPORARY TABLE o (v INT, n BIGINT) WITH ('connector' = 'print');\n"
        "CREATE TEMPORARY VIEW t(v) AS VALUES (2), (CAST(NULL AS INT)), (1);\n"
        "INSERT INTO o SELECT v, ROW_NUMBER() OVER (ORDER BY v NULLS LAST) FROM t ORDER BY v;"
    )
    assert printed_lines(sql) == ["+I[null, 3]", "+I[1, 1]", "+I[2, 2]"]


@pytest.mark.parametrize(
    ("tail", "message"),
    [
        ("ORDER BY v LIMIT 1, 2", "'LIMIT start, count' is not allowed"),
        ("ORDER BY v OFFSET 1 ROWS LIMIT 2", "'OFFSET start LIMIT count' is not allowed"),
        ("ORDER BY v OFFSET 2 ROWS", "Not support limitEnd is max value now!"),
        ("ORDER BY v FETCH FIRST ROW ONLY", "expected an integer, found 'ROW'"),
        ("ORDER BY v FETCH FIRST 2 ROWS WITH TIES", "expected ONLY, found 'WITH'"),
        ("ORDER BY v LIMIT 2 OFFSET -1", "expected an integer, found '-'"),
        ("ORDER BY v NULLS LATER", "expected LAST"),
    ],
)
def test_forms_flink_refuses_are_located_errors(tail, message):
    assert message in refusal(T + f"INSERT INTO out1 SELECT v FROM t {tail};")


# ------------------------------------------------------------------ reserved words


def test_the_reserved_list_is_flinks():
    # a few Flink 2.3 reserves that older lists or other dialects do not
    assert {"VALUE", "OUT", "STRING", "RESULT", "YEAR", "QUALIFY", "BYTES"} <= RESERVED_WORDS
    # and words Flink keeps usable as names
    assert not {"NAME", "KEY", "DATA", "TEXT", "NULLS", "FIRST", "LAST", "IF"} & RESERVED_WORDS


@pytest.mark.parametrize(
    ("query", "word"),
    [
        ("SELECT id AS value FROM v", "value"),
        ("SELECT id AS `value` FROM v AS year", "year"),
        ("SELECT value FROM v", "value"),
        ("SELECT v.id FROM v AS result", "result"),
    ],
)
def test_a_reserved_word_as_a_name_is_refused_with_the_hint_to_quote_it(query, word):
    sql = (
        "CREATE TEMPORARY VIEW v(id, name) AS VALUES (1, 'x');\n"
        "CREATE TEMPORARY TABLE out1 (id INT) WITH ('connector' = 'print');\n"
        f"INSERT INTO out1 {query};\n"
    )
    message = refusal(sql)
    assert f"{word.upper()} is a reserved word in Flink SQL" in message
    assert f"(`{word}`)" in message
    column = query.index(f" {word}") + 1 + len("INSERT INTO out1 ") + 1
    assert f"t.sql:3:{column}:" in message


def test_reserved_words_as_column_names_in_ddl_are_refused():
    message = refusal("CREATE TEMPORARY TABLE o (value INT) WITH ('connector' = 'print');\n")
    assert "VALUE is a reserved word" in message


def test_quoted_reserved_words_are_ordinary_names():
    sql = (
        "CREATE TEMPORARY VIEW v(`value`, `year`) AS VALUES (1, 2024);\n"
        "CREATE TEMPORARY TABLE o (`value` INT, `result` INT) WITH ('connector' = 'print');\n"
        "INSERT INTO o SELECT `value`, `year` - 2000 AS `result` FROM v;\n"
    )
    assert printed_lines(sql) == ["+I[1, 24]"]


def test_reserved_words_stay_usable_where_flink_allows_them():
    sql = (
        "CREATE TEMPORARY VIEW v(d, s) AS VALUES (DATE '2024-03-05', 'ab');\n"
        "CREATE TEMPORARY TABLE o (y BIGINT, n BIGINT, s STRING, u STRING) "
        "WITH ('connector' = 'print');\n"
        "INSERT INTO o SELECT YEAR(d), COUNT(*), UPPER(s), CAST(LEFT(s, 1) AS STRING) "
        "FROM v GROUP BY d, s;\n"
    )
    assert printed_lines(sql) == ["+I[2024, 1, AB, a]"]


# ------------------------------------------------------------------ SET values of Flink's keys

JOB = (
    "CREATE TEMPORARY TABLE out1 (x INT) WITH ('connector' = 'print');\n"
    "INSERT INTO out1 SELECT 1;\n"
)


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("parallelism.default", "many", 'For input string: "many"'),
        ("parallelism.default", " 2 ", 'For input string: " 2 "'),
        ("parallelism.default", "-3", "Parallelism must be at least one"),
        ("table.exec.resource.default-parallelism", "2.5", 'For input string: "2.5"'),
        ("execution.runtime-mode", "bogus", "Expected one of: [STREAMING, BATCH, AUTOMATIC]"),
        ("execution.runtime-mode", "streaming", "Mismatch between configured runtime mode"),
        ("table.dml-sync", "perhaps", "Unrecognized option for boolean: perhaps"),
        ("table.local-time-zone", "UTC+8", "Invalid time zone"),
        ("table.local-time-zone", "Mars/Base", "Invalid time zone"),
        ("execution.checkpointing.interval", "forever", "not a valid ISO-8601 duration"),
    ],
)
def test_a_bad_value_of_a_key_flink_reads_fails_the_job_at_its_first_insert(key, value, message):
    text = refusal(f"SET '{key}' = '{value}';\n" + JOB)
    assert message in text
    assert f"Could not parse value '{value}' for key '{key}'" in text
    assert "SET at line 1" in text
    assert text.startswith("t.sql:3:1:")  # where Flink fails: the job's first INSERT


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("parallelism.default", "2"),
        ("execution.runtime-mode", "batch"),
        ("table.dml-sync", "TRUE"),
        ("table.local-time-zone", "Asia/Shanghai"),
        ("table.local-time-zone", "GMT+08:00"),
        ("execution.checkpointing.interval", "10 s"),
        ("execution.checkpointing.interval", "PT1M"),
        ("table.exec.mini-batch.enabled", "yes"),  # a batch job never reads it
        ("table.exec.state.ttl", "abc"),
        ("pipeline.name", "42"),
    ],
)
def test_values_flink_takes_or_never_reads_are_accepted(key, value):
    assert printed_lines(f"SET '{key}' = '{value}';\n" + JOB) == ["+I[1]"]


def test_a_bad_value_without_a_job_is_not_an_error():
    load_source("SET 'parallelism.default' = 'many';\n", "t.sql", {})


# ------------------------------------------------------------------ named windows

W = """\
CREATE TEMPORARY TABLE o (k STRING, v INT, s BIGINT) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(k, v) AS VALUES ('a', 1), ('a', 2), ('a', 4), ('b', 5);
"""


@pytest.mark.parametrize(
    "select",
    [
        "SELECT k, v, SUM(v) OVER w FROM t WINDOW w AS (PARTITION BY k ORDER BY v) ORDER BY k, v",
        "SELECT k, v, SUM(v) OVER (w ORDER BY v) FROM t WINDOW w AS (PARTITION BY k) ORDER BY k, v",
        "SELECT k, v, SUM(v) OVER w2 FROM t WINDOW w AS (PARTITION BY k), "
        "w2 AS (w ORDER BY v) ORDER BY k, v",
        # a frame on a reference is ignored, as Flink 2.3 ignores it
        "SELECT k, v, SUM(v) OVER (w ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM t "
        "WINDOW w AS (PARTITION BY k ORDER BY v) ORDER BY k, v",
    ],
)
def test_named_windows_are_the_windows_they_name(select):
    assert printed_lines(W + f"INSERT INTO o {select};") == [
        "+I[a, 1, 1]",
        "+I[a, 2, 3]",
        "+I[a, 4, 7]",
        "+I[b, 5, 5]",
    ]


@pytest.mark.parametrize(
    ("select", "message"),
    [
        ("SELECT k, v, COUNT(*) OVER x FROM t WINDOW w AS (ORDER BY v)", "Window 'x' not found"),
        (
            "SELECT k, v, COUNT(*) OVER w FROM t WINDOW w AS (ORDER BY v), w AS (ORDER BY k)",
            "Duplicate window names not allowed",
        ),
        (
            "SELECT k, v, COUNT(*) OVER (w PARTITION BY k) FROM t WINDOW w AS (ORDER BY v)",
            "PARTITION BY not allowed with existing window reference",
        ),
        (
            "SELECT k, v, COUNT(*) OVER (w ORDER BY k) FROM t WINDOW w AS (ORDER BY v)",
            "ORDER BY not allowed in both base and referenced windows",
        ),
    ],
)
def test_bad_window_references_are_refused_with_flinks_words(select, message):
    assert message in refusal(W + f"INSERT INTO o {select};")


# ------------------------------------------------------------------ constant folding


@pytest.mark.parametrize(
    "literal",
    ["DATE '2025-01-02'", "CAST('2025-01-02' AS DATE)", "TRY_CAST('2025-01-02' AS DATE)"],
)
def test_a_typed_date_literal_prunes_partitions(tmp_path, scan_reads, literal):  # noqa: F811
    sql = events(tmp_path, dt_type="DATE") + (
        f"INSERT INTO snk SELECT id, amount FROM events WHERE dt = {literal};"
    )
    assert sorted(run_scan(tmp_path, sql).rows()) == [(2, 1.5), (3, 11.0)]
    assert scan_reads["files"] == ["dt=2025-01-02/part-0.parquet"]


@pytest.mark.parametrize(
    ("text", "target", "value"),
    [
        ("2024-01-02", types.DATE, datetime.date(2024, 1, 2)),
        ("2024-01-02 10:20:30", types.TIMESTAMP, datetime.datetime(2024, 1, 2, 10, 20, 30)),
        (
            "2024-01-02 10:20:30.5",
            types.TIMESTAMP,
            datetime.datetime(2024, 1, 2, 10, 20, 30, 5 * 10**5),
        ),
        ("10:20:30", types.DataType("TIME"), datetime.time(10, 20, 30)),
    ],
)
def test_canonical_date_and_time_text_is_folded(text, target, value):
    folded = folded_cast(b.Literal(text, types.STRING), target)
    assert folded == b.Literal(value, target)


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("2024-1-2", types.DATE),  # lenient forms are the executor's (Flink's rules)
        ("2024-02-30", types.DATE),  # an impossible date fails there, as in Flink
        ("2024-01-02 10:20:30.1234567", types.TIMESTAMP),  # more digits than kept
        ("2024-01-02 10:20:30.12", types.DataType("TIMESTAMP", (0,))),
        (" 2024-01-02", types.DATE),
    ],
)
def test_other_text_is_left_to_the_executors_cast(text, target):
    assert folded_cast(b.Literal(text, types.STRING), target) is None


def test_folded_and_unfolded_literals_give_the_same_rows():
    sql = (
        "CREATE TEMPORARY TABLE o (a DATE, b DATE, c TIMESTAMP(3), d BOOLEAN) "
        "WITH ('connector' = 'print');\n"
        "INSERT INTO o SELECT DATE '2024-03-05', CAST('2024-3-5' AS DATE), "
        "TIMESTAMP '2024-03-05 01:02:03.250', DATE '2024-03-05' = CAST('2024-3-5' AS DATE);\n"
    )
    assert printed_lines(sql) == ["+I[2024-03-05, 2024-03-05, 2024-03-05T01:02:03.250, true]"]
