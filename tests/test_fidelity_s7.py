"""Flink's verdicts and texts settled with the Flink oracle in session 7, where the golden cases
compare only the verdict and the line (tests/golden/cast/*not_null*, identifiers/reserved_word_
*alias*, errors/unknown_sink_*, errors/insert_into_*view, aggregates/stddev_samp_one_row_*):

- `CAST(x AS INT NOT NULL)` (and `NULL`, and TRY_CAST's) is refused by Flink's parser; a
  nested type may still say NOT NULL (`ARRAY<INT NOT NULL>`);
- a reserved word as an alias after AS gets the backtick hint every reserved name gets;
- STDDEV_SAMP/VAR_SAMP are typed NOT NULL under a GROUP BY over NOT NULL values, as Flink types
  them, yet give NULL over one row: a NOT NULL sink column still refuses that NULL.
"""

import pytest

import conftest
from bailian_assets.errors import ExecutionError
from conftest import printed_lines

SINK = "CREATE TEMPORARY TABLE out1 (a INT) WITH ('connector' = 'print');\n"


def refusal(sql: str) -> tuple[int, int, str]:
    return conftest.refusal(sql, "job.sql")


@pytest.mark.parametrize(
    ("cast", "word"),
    [
        ("CAST(1 AS INT NOT NULL)", "NOT"),
        ("TRY_CAST('1' AS INT NOT NULL)", "NOT"),
        ("CAST(1 AS INT NULL)", "NULL"),
        ("CAST(1 AS DECIMAL(5, 2) not null)", "not"),
    ],
)
def test_a_cast_to_a_not_null_type_is_refused_at_the_word(cast, word):
    insert = f"INSERT INTO out1 SELECT {cast};"
    line, col, message = refusal(SINK + insert)
    assert (line, col) == (2, insert.index(f" {word}") + 2)
    assert message.startswith(f'Encountered "{word}": a CAST\'s type takes no NOT NULL or NULL')


def test_a_nested_not_null_inside_a_cast_type_is_accepted(tmp_path):
    sql = (
        "CREATE TEMPORARY TABLE out1 (s STRING) WITH ('connector' = 'print');\n"
        "INSERT INTO out1 SELECT TYPEOF(CAST(ARRAY[1] AS ARRAY<INT NOT NULL>));"
    )
    assert printed_lines(sql) == ["+I[ARRAY<INT NOT NULL> NOT NULL]"]


@pytest.mark.parametrize(
    ("select", "word"),
    [
        ("SELECT 1 AS values", "values"),
        ("SELECT 1 AS Year", "Year"),
        ("SELECT x FROM (SELECT 1 AS x) AS year", "year"),
    ],
)
def test_a_reserved_word_alias_after_as_gets_the_backtick_hint(select, word):
    insert = f"INSERT INTO out1 {select};"
    assert refusal(SINK + insert) == (
        2,
        insert.rindex(word) + 1,
        f'Encountered "{word}": {word.upper()} is a reserved word in Flink SQL; '
        f"quote it with backticks (`{word}`) to use it as a name",
    )


ONE_ROW_GROUP = "CREATE TEMPORARY VIEW t(k, v) AS VALUES (1, 10.0E0), (1, 20.0E0), (2, 5.0E0);\n"


def test_stddev_samp_of_a_one_row_group_into_a_not_null_column_fails_the_job(tmp_path):
    sql = (
        ONE_ROW_GROUP
        + "CREATE TEMPORARY TABLE out1 (k INT, a DOUBLE NOT NULL) WITH ('connector' = 'print');\n"
        "INSERT INTO out1 SELECT k, STDDEV_SAMP(v) FROM t GROUP BY k;"
    )
    with pytest.raises(ExecutionError, match="Column 'a' is NOT NULL, however, a null value"):
        printed_lines(sql)


def test_with_the_drop_enforcer_that_row_is_dropped(tmp_path):
    sql = (
        "SET 'table.exec.sink.not-null-enforcer' = 'DROP';\n"
        + ONE_ROW_GROUP
        + "CREATE TEMPORARY TABLE out1 (k INT, a DOUBLE NOT NULL) WITH ('connector' = 'print');\n"
        "INSERT INTO out1 SELECT k, VAR_SAMP(v) FROM t GROUP BY k;"
    )
    assert printed_lines(sql) == ["+I[1, 50.0]"]
