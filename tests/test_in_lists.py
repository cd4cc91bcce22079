"""`x IN (literals)`: a hash lookup for string and integer items (`executor/functions/
operators.py`), with the rows and NULLs that the item-by-item comparisons (`x = a OR x = b`)
give, and the comparisons kept where a lookup would compare differently."""

import pytest

from conftest import printed_lines

SINK = "CREATE TEMPORARY TABLE s (r BOOLEAN, q BOOLEAN) WITH ('connector' = 'print');\n"


@pytest.fixture
def table(tmp_path):
    (tmp_path / "t.csv").write_text("1,ab\n2,cd\n0,x\n7,zz\n-3,ab\n")
    return (
        f"CREATE TABLE src (n INT, w STRING) WITH ('connector' = 'filesystem', "
        f"'path' = '{tmp_path / 't.csv'}', 'format' = 'csv');\n"
        "CREATE TEMPORARY VIEW t AS SELECT NULLIF(n, 0) AS n, NULLIF(w, 'x') AS w, "
        "CAST(n AS TINYINT) AS b FROM src;\n"
    )


@pytest.mark.parametrize(
    "lookup, comparisons",
    [
        ("n IN (1, 7, 5)", "n = 1 OR n = 7 OR n = 5"),
        ("n NOT IN (1, -3)", "NOT (n = 1 OR n = -3)"),
        ("w IN ('ab', 'zz')", "w = 'ab' OR w = 'zz'"),
        ("w NOT IN ('cd')", "NOT (w = 'cd')"),
        # items a lookup cannot take: beyond TINYINT, a NULL item, a DECIMAL
        ("b IN (1, 300)", "b = 1 OR b = 300"),
        ("n IN (1, CAST(NULL AS INT))", "n = 1 OR n = CAST(NULL AS INT)"),
        ("n IN (2, 7.0)", "n = 2 OR n = 7.0"),
    ],
)
def test_a_lookup_gives_the_rows_and_nulls_of_the_comparisons(table, lookup, comparisons):
    lines = printed_lines(f"{table}{SINK}INSERT INTO s SELECT {lookup}, {comparisons} FROM t;")
    assert len(lines) == 5
    for line in lines:
        r, q = line.removeprefix("+I[").removesuffix("]").split(", ")
        assert r == q, (lookup, lines)


def test_a_null_operand_is_null_and_a_miss_false(table):
    sql = f"{table}{SINK}INSERT INTO s SELECT n IN (1, 7), w NOT IN ('cd', 'zz') FROM t;"
    assert printed_lines(sql) == [
        "+I[true, true]",
        "+I[false, false]",
        "+I[null, null]",
        "+I[true, false]",
        "+I[false, true]",
    ]
