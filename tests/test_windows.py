"""Window functions and aggregates over windows (OVER), run end to end; expectations follow
Flink 2.3's answers for the same queries (tests/golden/window/)."""

import pytest

from bailian_assets.errors import SqlError
from bailian_assets.planning.project import load_source
from conftest import printed_lines

DATA = (
    "CREATE TEMPORARY VIEW t (k, v) AS VALUES ('a', 2), ('a', 1), ('b', 5), ('a', 2), "
    "('b', CAST(NULL AS INT));\n"
)


def rows(columns, select):
    sql = (
        f"CREATE TEMPORARY TABLE snk ({columns}) WITH ('connector' = 'print');\n"
        + DATA
        + f"INSERT INTO snk {select};"
    )
    return printed_lines(sql)


def error(select):
    sql = (
        "CREATE TEMPORARY TABLE snk (v INT) WITH ('connector' = 'print');\n"
        + DATA
        + f"INSERT INTO snk {select};"
    )
    with pytest.raises(SqlError) as caught:
        load_source(sql, "t.sql", {})
    return caught.value.diagnostics[0].message


def test_ranking_rows_come_out_in_window_order_as_flinks_sort_leaves_them():
    assert rows(
        "k STRING, v INT, rn BIGINT, r BIGINT, d BIGINT",
        "SELECT k, v, ROW_NUMBER() OVER (PARTITION BY k ORDER BY v), "
        "RANK() OVER (PARTITION BY k ORDER BY v), "
        "DENSE_RANK() OVER (PARTITION BY k ORDER BY v) FROM t WHERE k = 'a'",
    ) == ["+I[a, 1, 1, 1, 1]", "+I[a, 2, 2, 2, 2]", "+I[a, 2, 3, 2, 2]"]


def test_running_totals_include_peers_by_default_and_not_with_rows():
    assert rows(
        "v INT, s INT, r INT",
        "SELECT v, SUM(v) OVER (ORDER BY v), SUM(v) OVER (ORDER BY v ROWS BETWEEN "
        "UNBOUNDED PRECEDING AND CURRENT ROW) FROM t WHERE k = 'a' ORDER BY v",
    ) == ["+I[1, 1, 1]", "+I[2, 5, 3]", "+I[2, 5, 5]"]


def test_whole_partition_aggregates_ignore_nulls_and_sliding_frames():
    assert rows(
        "k STRING, v INT, s INT, c BIGINT, m INT",
        "SELECT k, v, SUM(v) OVER (PARTITION BY k), COUNT(*) OVER (PARTITION BY k), "
        "MAX(v) OVER (PARTITION BY k ORDER BY v ROWS BETWEEN 1 PRECEDING AND CURRENT "
        "ROW) FROM t ORDER BY k, v",
    ) == [
        "+I[a, 1, 5, 3, 1]",
        "+I[a, 2, 5, 3, 2]",
        "+I[a, 2, 5, 3, 2]",
        "+I[b, null, 5, 2, null]",
        "+I[b, 5, 5, 2, 5]",
    ]


def test_lag_lead_and_top_n_per_group():
    assert rows(
        "v INT, p INT, n INT",
        "SELECT v, LAG(v) OVER (ORDER BY v), "
        "LEAD(v, 1, -1) OVER (ORDER BY v) FROM t WHERE k = 'a' ORDER BY v",
    ) == ["+I[1, null, 2]", "+I[2, 1, 2]", "+I[2, 2, -1]"]
    assert rows(
        "k STRING, v INT",
        "SELECT k, v FROM (SELECT k, v, ROW_NUMBER() OVER "
        "(PARTITION BY k ORDER BY v DESC) AS rn FROM t WHERE v IS NOT NULL) "
        "WHERE rn = 1 ORDER BY k",
    ) == ["+I[a, 2]", "+I[b, 5]"]


@pytest.mark.parametrize(
    "select, message",
    [
        (
            "SELECT CAST(ROW_NUMBER() OVER (PARTITION BY k) AS INT) FROM t",
            "Over Agg: The window rank function requires order by clause",
        ),
        (
            "SELECT v FROM t WHERE ROW_NUMBER() OVER (ORDER BY v) = 1",
            "Windowed aggregate expression is illegal here",
        ),
        (
            "SELECT SUM(v) OVER (ORDER BY k, v RANGE BETWEEN 1 PRECEDING AND CURRENT ROW) FROM t",
            "RANGE clause cannot be used with compound ORDER BY clause",
        ),
        (
            "SELECT UPPER(k) OVER (ORDER BY v) FROM t",
            "OVER needs a window function or an aggregate, not UPPER",
        ),
    ],
)
def test_window_mistakes_are_located_errors(select, message):
    assert error(select).startswith(message)


def test_the_window_registries_agree():
    from bailian_assets.executor.functions import WINDOWS as RUN
    from bailian_assets.planning.functions import WINDOWS as PLAN

    assert set(PLAN) == set(RUN)
