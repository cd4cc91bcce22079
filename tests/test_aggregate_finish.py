"""Aggregates in two steps (`executor/expressions.py` `Aggregation`): partial aggregates Polars
computes inside the group_by, and a finishing step over the grouped frame (AVG of DECIMALs:
SUM / COUNT divided exactly, HALF_UP, NULL over no values and where the SUM passes 38 digits).
Every expected row below is real Flink 2.3's (the oracle, `flink-run`, batch mode)."""

from decimal import Decimal

import polars as pl

from bailian_assets.executor.expressions import compile_aggregate
from bailian_assets.planning import bound, types
from conftest import printed_lines

HUGE = "CAST('90000000000000000000000000000000000000' AS DECIMAL(38, 0))"


def test_avg_is_null_where_the_groups_sum_passes_38_digits_and_over_no_values():
    assert printed_lines(
        "CREATE TEMPORARY TABLE out1 (k INT, a DECIMAL(38, 6), c BIGINT)"
        " WITH ('connector' = 'print');\n"
        f"CREATE TEMPORARY VIEW t(k, x) AS VALUES (1, {HUGE}), (1, {HUGE}),"
        " (2, CAST(5 AS DECIMAL(38, 0))), (2, CAST(-2 AS DECIMAL(38, 0))),"
        " (3, CAST(NULL AS DECIMAL(38, 0)));\n"
        "INSERT INTO out1 SELECT k, AVG(x), COUNT(x) FROM t GROUP BY k;\n"
    ) == ["+I[1, null, 2]", "+I[2, 1.500000, 2]", "+I[3, null, 0]"]


def test_a_negative_sum_of_wide_values_joins_its_halves_exactly():
    # the low halves are floored (>= 0): a negative total borrows from its high half
    assert printed_lines(
        "CREATE TEMPORARY TABLE out1 (a DECIMAL(38, 6), s DECIMAL(38, 2))"
        " WITH ('connector' = 'print');\n"
        "CREATE TEMPORARY VIEW t(x) AS VALUES (CAST('-12345678901234567890123.45' AS"
        " DECIMAL(30, 2))), (CAST('-0.01' AS DECIMAL(30, 2))), (CAST('3.00' AS DECIMAL(30, 2)));\n"
        "INSERT INTO out1 SELECT AVG(x), SUM(x) FROM t;\n"
    ) == ["+I[-4115226300411522630040.153333, -12345678901234567890120.46]"]


U = """\
CREATE TEMPORARY VIEW u(k, x) AS VALUES
 (1, CAST('9999999999999999999999999999.99' AS DECIMAL(30, 2))),
 (1, CAST('9999999999999999999999999999.98' AS DECIMAL(30, 2))),
 (1, CAST('-0.01' AS DECIMAL(30, 2))),
 (2, CAST('-0.01' AS DECIMAL(30, 2))),
 (2, CAST('-0.02' AS DECIMAL(30, 2))),
 (2, CAST('-0.02' AS DECIMAL(30, 2))),
 (3, CAST('1.00' AS DECIMAL(30, 2)));
"""


def test_avg_of_wide_decimals_with_filter_and_distinct_rounds_half_up():
    assert printed_lines(
        "CREATE TEMPORARY TABLE out2 (k INT, a DECIMAL(38, 6), f DECIMAL(38, 6),"
        " d DECIMAL(38, 6)) WITH ('connector' = 'print');\n" + U + "INSERT INTO out2 SELECT k,"
        " AVG(x), AVG(x) FILTER (WHERE x < 0), AVG(DISTINCT x) FROM u GROUP BY k;\n"
    ) == [
        "+I[1, 6666666666666666666666666666.653333, -0.010000,"
        " 6666666666666666666666666666.653333]",
        "+I[2, -0.016667, -0.016667, -0.015000]",
        "+I[3, 1.000000, null, 1.000000]",
    ]


def test_avg_over_no_rows_at_all_is_null():
    assert printed_lines(
        "CREATE TEMPORARY TABLE out3 (a DECIMAL(38, 6), n BIGINT) WITH ('connector' = 'print');\n"
        + U
        + "INSERT INTO out3 SELECT AVG(x), COUNT(*) FROM u WHERE k > 5;\n"
    ) == ["+I[null, 0]"]


def test_grouping_sets_finish_their_averages_per_set():
    assert printed_lines(
        "CREATE TEMPORARY TABLE out4 (k INT, a DECIMAL(38, 6), g BIGINT)"
        " WITH ('connector' = 'print');\n" + U + "INSERT INTO out4 SELECT k, AVG(x), GROUPING(k)"
        " FROM u WHERE k > 1 GROUP BY ROLLUP (k);\n"
    ) == ["+I[2, -0.016667, 0]", "+I[null, 0.237500, 1]", "+I[3, 1.000000, 0]"]


def test_only_aggregates_with_a_finishing_step_are_split():
    # AVG's partials (SUM, COUNT) in the group_by, its division over the grouped frame; SUM is
    # one partial, its own value (NULL over no values: Polars' sum would give 0)
    x = bound.Column("x", types.decimal(15, 2))
    avg = compile_aggregate(bound.AggregateCall("AVG", (x,), types.decimal(38, 6)), "a")
    total = compile_aggregate(bound.AggregateCall("SUM", (x,), types.decimal(38, 2)), "s")
    assert len(avg.partials) == 2 and avg.finish is not None
    assert len(total.partials) == 1 and total.finish is None
    frame = pl.DataFrame(
        {"k": [1, 1, 2], "x": [Decimal("0.01"), Decimal("0.02"), None]},
        schema={"k": pl.Int32, "x": pl.Decimal(15, 2)},
    )
    grouped = frame.group_by("k", maintain_order=True).agg(*avg.partials, *total.partials)
    result = grouped.with_columns(avg.finish).select("a", "s")
    assert result.rows() == [(Decimal("0.015000"), Decimal("0.03")), (None, None)]


# ------------------------------------------------------------------ the DECIMAL arithmetic
# aggregates sum (TPC-H's SUM(l_extendedprice * (1 - l_discount) * (1 + l_tax))): on the
# unscaled Int128s where the exact result has at most 38 digits (19 + 19 below), else through
# Polars' Decimal (20 + 20); the types are Flink's either way


def test_decimal_products_and_sums_are_exact_on_both_ways():
    assert printed_lines(
        "CREATE TEMPORARY TABLE out1 (p DECIMAL(38, 0), q DECIMAL(38, 0), d DECIMAL(38, 4),"
        " s DECIMAL(38, 6), m DECIMAL(38, 2), n DECIMAL(38, 3)) WITH ('connector' = 'print');\n"
        "CREATE TEMPORARY VIEW t(a, b, c, x, y) AS VALUES\n"
        " (CAST('9999999999999999999' AS DECIMAL(19, 0)), CAST('-1234567890123456789' AS"
        " DECIMAL(20, 0)), CAST('-1.5' AS DECIMAL(2, 1)), CAST('0.25' AS DECIMAL(15, 2)), 7),\n"
        " (CAST('-3' AS DECIMAL(19, 0)), CAST('4' AS DECIMAL(20, 0)), CAST('0.5' AS"
        " DECIMAL(2, 1)), CAST('-99.99' AS DECIMAL(15, 2)), -2),\n"
        " (CAST(NULL AS DECIMAL(19, 0)), CAST(NULL AS DECIMAL(20, 0)), CAST(NULL AS"
        " DECIMAL(2, 1)), CAST(NULL AS DECIMAL(15, 2)), CAST(NULL AS INT));\n"
        "INSERT INTO out1 SELECT a * a, b * b, x * (1 - x) - c, (x * (1 + x)) * (c - x), y - x,"
        " c + x * y FROM t;\n"
        "CREATE TEMPORARY TABLE out2 (s DECIMAL(38, 4), a DECIMAL(38, 6))"
        " WITH ('connector' = 'print');\n"
        "INSERT INTO out2 SELECT SUM(x * (1 - x)), AVG(x * y) FROM t;\n"
    ) == [
        "+I[99999999999999999980000000000000000001, 1524157875323883675019051998750190521,"
        " 1.6875, -0.546875, 6.75, 0.250]",
        "+I[9, 16, -10098.4901, 994651.034949, 97.99, 200.480]",
        "+I[null, null, null, null, null, null]",
        "+I[-10097.8026, 100.865000]",
    ]


def test_distinct_aggregates_count_and_sum_each_value_once():
    # COUNT(DISTINCT) is Polars' n_unique; SUM, MIN over exact types drop duplicates in any
    # order, a DOUBLE SUM in the order the values come
    assert printed_lines(
        "CREATE TEMPORARY TABLE out1 (k INT, c BIGINT, f BIGINT, s DECIMAL(38, 2), m INT,"
        " a DOUBLE) WITH ('connector' = 'print');\n"
        "CREATE TEMPORARY VIEW t(k, v, d, x) AS VALUES\n"
        " (1, 3, CAST('1.10' AS DECIMAL(5, 2)), 0.1e0), (1, 3, CAST('1.10' AS DECIMAL(5, 2)),"
        " 0.2e0),\n"
        " (1, CAST(NULL AS INT), CAST('2.05' AS DECIMAL(5, 2)), 0.1e0), (1, 5, CAST(NULL AS"
        " DECIMAL(5, 2)), 0.7e0),\n"
        " (2, CAST(NULL AS INT), CAST(NULL AS DECIMAL(5, 2)), CAST(NULL AS DOUBLE)),"
        " (3, 4, CAST('-1.00' AS DECIMAL(5, 2)), 1e0);\n"
        "INSERT INTO out1 SELECT k, COUNT(DISTINCT v), COUNT(DISTINCT v) FILTER (WHERE v > 3),"
        " SUM(DISTINCT d), MIN(DISTINCT v), SUM(DISTINCT x) FROM t GROUP BY k;\n"
    ) == [
        "+I[1, 2, 1, 3.15, 3, 1.0]",
        "+I[2, 0, 0, null, null, null]",
        "+I[3, 1, 1, -1.00, 4, 1.0]",
    ]
