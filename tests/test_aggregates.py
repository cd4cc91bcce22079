"""Aggregates as Flink 2.3 computes them (every expected row below is Flink's, from the oracle):
STDDEV/VAR (reduced to SUM and COUNT), FIRST_VALUE/LAST_VALUE, LISTAGG, ARRAY_AGG, COLLECT,
FILTER (WHERE ...), DISTINCT inside aggregates, GROUPING SETS/ROLLUP/CUBE with GROUPING(),
GROUPING_ID() and GROUP_ID(), and the VALUES verdicts (an untyped NULL, EXPR$n columns)."""

import pytest

from bailian_assets.errors import SqlError
from bailian_assets.planning.grouping import expand
from bailian_assets.planning.project import load_source
from bailian_assets.sql.parser import parse_query
from conftest import printed_lines

# i: 1, 2, NULL, 4, 7; k: x, x, y, y, z (the oracle's probe table)
SRC = """\
CREATE TEMPORARY VIEW src(i, d, x, ti, s, k) AS VALUES
 (1, CAST(1.50 AS DECIMAL(5,2)), 1.5e0, CAST(1 AS TINYINT), 'a', 'x'),
 (2, CAST(2.25 AS DECIMAL(5,2)), 2.5e0, CAST(2 AS TINYINT), 'b', 'x'),
 (CAST(NULL AS INT), CAST(3.00 AS DECIMAL(5,2)), CAST(NULL AS DOUBLE), CAST(3 AS TINYINT),
  CAST(NULL AS STRING), 'y'),
 (4, CAST(4.10 AS DECIMAL(5,2)), 4.5e0, CAST(4 AS TINYINT), 'd', 'y'),
 (7, CAST(0.05 AS DECIMAL(5,2)), 7.5e0, CAST(7 AS TINYINT), 'e', 'z');
"""


def rows(select: str, prelude: str = SRC) -> list[str]:
    """The rows a bare SELECT over `prelude`'s views shows, as Flink prints them."""
    return printed_lines(prelude + select)


def refusal(select: str, prelude: str = SRC) -> str:
    with pytest.raises(SqlError) as caught:
        load_source(prelude + select, "t.sql", {})
    return caught.value.diagnostics[0].message


# ------------------------------------------------------------------ STDDEV and VARIANCE


def test_statistics_of_int_decimal_and_double_columns():
    assert rows(
        "SELECT STDDEV_POP(i), STDDEV_SAMP(i), VAR_POP(i), VAR_SAMP(i), STDDEV_POP(d), "
        "STDDEV_SAMP(d), VAR_POP(d), VAR_SAMP(d), STDDEV_POP(x), VAR_SAMP(x) FROM src;"
    ) == ["+I[2, 2, 5, 7, 1.368430, 1.529951, 1.872600, 2.340750, 2.29128784747792, 7.0]"]


def test_sample_statistics_of_one_value_are_null_and_int_results_are_cut():
    assert rows(
        "SELECT k, STDDEV_SAMP(i), VAR_SAMP(i), STDDEV_POP(i), VAR_POP(x), STDDEV(x), "
        "VARIANCE(x) FROM src GROUP BY k ORDER BY k;"
    ) == [
        "+I[x, 0, 0, 0, 0.25, 0.7071067811865476, 0.5]",
        "+I[y, null, null, 0, 0.0, null, null]",
        "+I[z, null, null, 0, 0.0, null, null]",
    ]


def test_integer_statistics_are_computed_as_double_and_cast_as_java_casts():
    # TINYINT 8888.9 -> (byte)(int) -> -72; INT 4.67e10 -> saturated at 2147483647
    assert rows(
        "SELECT VAR_POP(v), STDDEV_POP(v), VAR_SAMP(v) FROM (VALUES (CAST(100 AS TINYINT)), "
        "(CAST(100 AS TINYINT)), (CAST(-100 AS TINYINT))) AS t(v);"
    ) == ["+I[-72, 94, 21]"]
    assert rows(
        "SELECT VAR_POP(v), STDDEV_POP(v), VAR_SAMP(v) FROM (VALUES (100000), (200000), "
        "(-300000)) AS t(v);"
    ) == ["+I[2147483647, 216024, 2147483647]"]
    assert rows("SELECT VAR_POP(DISTINCT i), STDDEV_SAMP(DISTINCT ti) FROM src;") == ["+I[5, 2]"]


def test_statistics_over_no_rows_are_null_and_need_numbers():
    assert rows("SELECT STDDEV_POP(i), VAR_SAMP(i), STDDEV(d) FROM src WHERE i > 100;") == [
        "+I[null, null, null]"
    ]
    assert refusal("SELECT STDDEV_POP(s) FROM src;") == (
        "Cannot apply 'STDDEV_POP' to arguments of type 'STDDEV_POP(<VARCHAR(2147483647)>)'. "
        "Supported form(s): 'STDDEV_POP(<NUMERIC>)'"
    )
    assert refusal("SELECT VAR_POP(i, i) FROM src;") == (
        "Invalid number of arguments to function 'VAR_POP'. Was expecting 1 arguments"
    )


# ------------------------------------------------------------------ FIRST_VALUE ... COLLECT


def test_first_and_last_value_skip_nulls():
    prelude = (
        "CREATE TEMPORARY VIEW fl(k, v) AS VALUES ('a', CAST(NULL AS INT)), ('a', 1), "
        "('a', 2), ('a', CAST(NULL AS INT)), ('b', CAST(NULL AS INT));\n"
    )
    assert rows(
        "SELECT k, FIRST_VALUE(v), LAST_VALUE(v) FROM fl GROUP BY k ORDER BY k;", prelude
    ) == ["+I[a, 1, 2]", "+I[b, null, null]"]


def test_listagg_separators_nulls_and_distinct():
    assert rows("SELECT LISTAGG(s), LISTAGG(s, '|'), LISTAGG(k, '') FROM src;") == [
        "+I[a,b,d,e, a|b|d|e, xxyyz]"
    ]
    assert rows("SELECT LISTAGG(s) FROM src WHERE s IS NULL;") == ["+I[null]"]
    assert rows("SELECT LISTAGG(DISTINCT k), LISTAGG(DISTINCT k, '+') FROM src;") == [
        "+I[x,y,z, x+y+z]"
    ]


def test_listagg_refusals_as_flink_words_them():
    assert refusal("SELECT LISTAGG(s, k) FROM src;") == (
        "Argument to function 'LISTAGG' must be a literal"
    )
    assert refusal("SELECT LISTAGG(s, CAST(NULL AS STRING)) FROM src;") == (
        "Argument to function 'LISTAGG' must not be NULL"
    )
    assert refusal("SELECT LISTAGG(i) FROM src;") == (
        "Cannot apply 'LISTAGG' to arguments of type 'LISTAGG(<INTEGER>)'. Supported form(s): "
        "'LISTAGG(<CHARACTER>)'\n'LISTAGG(<CHARACTER>, <CHARACTER_LITERAL>)'"
    )


def test_array_agg_keeps_nulls_and_collect_counts_values():
    assert rows("SELECT k, ARRAY_AGG(i) FROM src GROUP BY k ORDER BY k;") == [
        "+I[x, [1, 2]]",
        "+I[y, [null, 4]]",
        "+I[z, [7]]",
    ]
    assert rows("SELECT ARRAY_AGG(i) FROM src WHERE i > 100;") == ["+I[null]"]
    # a MULTISET prints as each value with its count (a print sink's typed column)
    sink = "CREATE TEMPORARY TABLE o (c MULTISET<STRING>) WITH ('connector' = 'print');\n"
    assert rows("INSERT INTO o SELECT COLLECT(k) FROM src;", SRC + sink) == ["+I[{x=2, y=2, z=1}]"]
    assert rows("INSERT INTO o SELECT COLLECT(s) FROM src WHERE s IS NULL;", SRC + sink) == [
        "+I[{}]"
    ]


def test_new_aggregates_over_windows_are_refused_not_miscomputed():
    assert "over a window is not supported" in refusal(
        "SELECT STDDEV_POP(i) OVER (PARTITION BY k) FROM src;"
    )


# ------------------------------------------------------------------ FILTER and DISTINCT


def test_filter_keeps_the_rows_its_condition_is_true_for():
    assert rows(
        "SELECT COUNT(*) FILTER (WHERE i > 1), COUNT(i) FILTER (WHERE k = 'y'), "
        "SUM(i) FILTER (WHERE k = 'nope'), COUNT(*) FILTER (WHERE k = 'nope'), "
        "COUNT(DISTINCT k) FILTER (WHERE i > 1), MAX(s) FILTER (WHERE i < 3), "
        "LISTAGG(s) FILTER (WHERE k <> 'x'), AVG(x) FILTER (WHERE i IS NULL) FROM src;"
    ) == ["+I[3, 1, null, 0, 3, b, d,e, null]"]
    assert rows(
        "SELECT k, COUNT(*) FILTER (WHERE i > 1), STDDEV_POP(x) FILTER (WHERE i > 1), "
        "ARRAY_AGG(i) FILTER (WHERE i > 1) FROM src GROUP BY k ORDER BY k;"
    ) == ["+I[x, 1, 0.0, [2]]", "+I[y, 1, 0.0, [4]]", "+I[z, 1, 0.0, [7]]"]


@pytest.mark.parametrize(
    "select, message",
    [
        ("SELECT COUNT(*) FILTER (WHERE i) FROM src;", "FILTER clause must be a condition"),
        (
            "SELECT COUNT(*) FILTER (WHERE SUM(i) > 1) FROM src;",
            "FILTER must not contain aggregate expression",
        ),
        (
            "SELECT UPPER(s) FILTER (WHERE i > 1) FROM src;",
            "FILTER must be applied to aggregate function",
        ),
        (
            "SELECT SUM(i) FILTER (WHERE i > 1) OVER (PARTITION BY k) FROM src;",
            "OVER must be applied to aggregate function",
        ),
    ],
)
def test_filter_refusals_as_flink_words_them(select, message):
    assert refusal(select) == message


def test_distinct_inside_aggregates_beside_count_distinct():
    assert rows(
        "SELECT k, COUNT(DISTINCT i), COUNT(DISTINCT s), SUM(i), SUM(DISTINCT ti), "
        "AVG(DISTINCT x), MAX(DISTINCT s), MIN(DISTINCT i) FROM src GROUP BY k ORDER BY k;"
    ) == [
        "+I[x, 2, 2, 3, 3, 2.0, b, 1]",
        "+I[y, 1, 1, 4, 7, 4.5, d, 4]",
        "+I[z, 1, 1, 7, 7, 7.5, e, 7]",
    ]


# ------------------------------------------------------------------ grouping sets


def test_grouping_sets_expand_as_calcite_expands_them():
    query = parse_query("SELECT 1 FROM t GROUP BY a, ROLLUP (b, (c, d)), CUBE (e)")
    sets = expand(query.body.group_by)
    assert [tuple(e.name for e in s) for s in sets] == [
        ("a", "b", "c", "d", "e"),
        ("a", "b", "c", "d"),
        ("a", "b", "e"),
        ("a", "b"),
        ("a", "e"),
        ("a",),
    ]
    assert expand(parse_query("SELECT 1 FROM t GROUP BY a").body.group_by) is None


def test_grouping_functions_tell_subtotals_apart():
    assert rows(
        "SELECT k, s, COUNT(*) AS n, GROUPING(k) AS gk, GROUPING(s) AS gs, "
        "GROUPING_ID(k, s) AS g FROM src GROUP BY GROUPING SETS ((k, s), (k), ()) "
        "ORDER BY g, k, s;"
    ) == [
        "+I[x, a, 1, 0, 0, 0]",
        "+I[x, b, 1, 0, 0, 0]",
        "+I[y, null, 1, 0, 0, 0]",
        "+I[y, d, 1, 0, 0, 0]",
        "+I[z, e, 1, 0, 0, 0]",
        "+I[x, null, 2, 0, 1, 1]",
        "+I[y, null, 2, 0, 1, 1]",
        "+I[z, null, 1, 0, 1, 1]",
        "+I[null, null, 5, 1, 1, 3]",
    ]


def test_unordered_rollup_and_cube_rows_come_in_flinks_order():
    assert rows("SELECT k, COUNT(*) FROM src GROUP BY ROLLUP (k);") == [
        "+I[x, 2]",
        "+I[null, 5]",
        "+I[y, 2]",
        "+I[z, 1]",
    ]
    assert rows("SELECT k, s, COUNT(*) FROM src WHERE k = 'x' GROUP BY CUBE (k, s);") == [
        "+I[x, a, 1]",
        "+I[x, null, 2]",
        "+I[null, a, 1]",
        "+I[null, null, 2]",
        "+I[x, b, 1]",
        "+I[null, b, 1]",
    ]


def test_repeated_sets_repeat_their_rows_and_group_id_counts_them():
    assert rows(
        "SELECT k, COUNT(*), GROUP_ID() FROM src GROUP BY GROUPING SETS ((k), (k)) ORDER BY k;"
    ) == ["+I[x, 2, 0]", "+I[x, 2, 1]", "+I[y, 2, 0]", "+I[y, 2, 1]", "+I[z, 1, 0]", "+I[z, 1, 1]"]


def test_grouping_sets_over_no_rows():
    empty = "FROM src WHERE i > 100"
    assert rows(f"SELECT k, COUNT(*) {empty} GROUP BY ROLLUP (k);") == []
    assert rows(f"SELECT COUNT(*) {empty} GROUP BY ();") == ["+I[0]"]
    assert rows(f"SELECT COUNT(*) {empty} GROUP BY GROUPING SETS ((), ());") == [
        "+I[0]",
        "+I[0]",
    ]


def test_grouping_keys_absent_from_a_set_are_nullable():
    project = load_source(
        "CREATE TEMPORARY VIEW nn(k, s, i) AS VALUES ('a', 'b', 1);\n"
        "CREATE TEMPORARY VIEW g AS SELECT k, s, i, COUNT(*) AS n FROM nn "
        "GROUP BY CUBE (k, s), i;",
        "t.sql",
        {},
    )
    view = project.views["g"]
    assert [t.nullable for t in view.types] == [True, True, False, False]


@pytest.mark.parametrize(
    "select, message",
    [
        (
            "SELECT k, GROUPING(s) FROM src GROUP BY k;",
            "Argument to GROUPING operator must be a grouped expression",
        ),
        ("SELECT GROUPING(k) FROM src;", "GROUPING operator may only occur in an aggregate query"),
        (
            "SELECT k FROM src WHERE GROUPING(k) = 0 GROUP BY k;",
            "GROUPING operator may only occur in SELECT, HAVING or ORDER BY clause",
        ),
        (
            "SELECT k, s, COUNT(*) FROM src GROUP BY ROLLUP (k);",
            "Expression 's' is not being grouped",
        ),
    ],
)
def test_grouping_refusals_as_flink_words_them(select, message):
    assert refusal(select) == message


# ------------------------------------------------------------------ VALUES verdicts


@pytest.mark.parametrize(
    "sql",
    [
        "SELECT * FROM (VALUES (1), (NULL)) AS t(v);",
        "SELECT * FROM (VALUES ('a', NULL), ('b', 'c')) AS t(x, y);",
        "CREATE TEMPORARY VIEW v(a) AS VALUES (1), (NULL);",
        "CREATE TEMPORARY TABLE o (a INT, b STRING) WITH ('connector'='print');\n"
        "INSERT INTO o VALUES (1, NULL), (2, 'x');",
    ],
)
def test_an_untyped_null_in_values_is_refused(sql):
    assert refusal(sql, "") == "Illegal use of 'NULL'"


def test_typed_nulls_in_values_are_taken():
    assert rows("SELECT * FROM (VALUES (1), (CAST(NULL AS INT))) AS t(v);", "") == [
        "+I[1]",
        "+I[null]",
    ]


def test_values_without_column_names_are_read_by_star_only():
    assert rows("SELECT * FROM (VALUES (1, 'a'), (2, 'b')) AS t;", "") == ["+I[1, a]", "+I[2, b]"]
    assert refusal("SELECT EXPR$0 FROM (VALUES (1), (2)) AS t;", "") == (
        "Column 'EXPR$0' not found in any table"
    )
    assert refusal("SELECT t.EXPR$0 FROM (VALUES (1), (2)) AS t;", "") == (
        "Column 'EXPR$0' not found in table 't'"
    )
    # a WITH query or a view of VALUES keeps its EXPR$n names reachable, as in Flink
    assert rows("WITH c AS (VALUES (1)) SELECT EXPR$0 FROM c;", "") == ["+I[1]"]


def test_array_agg_ignore_nulls_and_respect_nulls():
    assert rows("SELECT ARRAY_AGG(i IGNORE NULLS), ARRAY_AGG(i RESPECT NULLS) FROM src;") == [
        "+I[[1, 2, 4, 7], [1, 2, null, 4, 7]]"
    ]
    assert "expected ')'" in refusal("SELECT SUM(i IGNORE NULLS) FROM src;")
