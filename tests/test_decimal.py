"""Exact DECIMAL arithmetic and Flink's numeric semantics (values taken from real Flink 2.3
through the oracle where the golden suite does not already hold them)."""

from decimal import Decimal

import polars as pl
import pytest

from bailian_assets.errors import ExecutionError
from bailian_assets.executor import decimals
from bailian_assets.planning import types
from conftest import printed_lines


def printed(columns: str, select: str, values: str = "VALUES (1)", tables: str = "") -> list[str]:
    """The rows a print sink of `columns` receives for `SELECT {select} FROM t`."""
    sql = (
        f"{tables}CREATE TEMPORARY TABLE snk ({columns}) WITH ('connector' = 'print');\n"
        f"CREATE TEMPORARY VIEW t AS {values};\n"
        f"INSERT INTO snk SELECT {select} FROM t;\n"
    )
    return printed_lines(sql)


def test_casts_round_half_up_where_polars_rounds_half_even():
    assert printed(
        "a DECIMAL(5, 2), b DECIMAL(5, 2), c DECIMAL(5, 1)",
        "CAST(0.125 AS DECIMAL(5, 2)), CAST(-0.125 AS DECIMAL(5, 2)), CAST(4.05 AS DECIMAL(5, 1))",
    ) == ["+I[0.13, -0.13, 4.1]"]


def test_text_to_decimal_trims_rounds_and_overflows_to_null_under_try_cast():
    assert printed(
        "a DECIMAL(4, 2), b DECIMAL(4, 2), c DECIMAL(4, 2), d DECIMAL(4, 2)",
        "CAST(' 1.005 ' AS DECIMAL(4, 2)), TRY_CAST('123.4' AS DECIMAL(4, 2)), "
        "CAST('1e1' AS DECIMAL(4, 2)), CAST('x' AS DECIMAL(4, 2))",
    ) == ["+I[1.01, null, 10.00, 0.00]"]


def test_text_too_big_for_the_decimal_fails_under_cast():
    with pytest.raises(ExecutionError, match=r"For input string: '123.4'. Overflow."):
        printed("a DECIMAL(4, 2)", "CAST('123.4' AS DECIMAL(4, 2))")


def test_double_to_decimal_uses_the_doubles_shortest_digits():
    # 1.005e0 is 1.00499999... as a double; BigDecimal.valueOf reads "1.005"
    assert printed("a DECIMAL(4, 2)", "CAST(1.005e0 AS DECIMAL(4, 2))") == ["+I[1.01]"]


def test_arithmetic_keeps_the_scale_calcite_gives():
    assert printed(
        "s STRING", "CAST(CAST(1.10 AS DECIMAL(4, 2)) * CAST(1.10 AS DECIMAL(4, 2)) AS STRING)"
    ) == ["+I[1.2100]"]
    assert printed("s STRING", "CAST(CAST(2 AS DECIMAL(3, 0)) / 3 AS STRING)") == [
        "+I[0.66666666667]"
    ]


def test_decimal_remainder_and_integer_remainder_take_the_dividends_sign():
    assert printed(
        "a DECIMAL(3, 1), b INT, c INT",
        "x % 2, -7 % 3, MOD(7, -3)",
        "SELECT * FROM (VALUES (-7.5)) AS v(x)",
    ) == ["+I[-1.5, -1, 1]"]


def test_integer_division_truncates_toward_zero_exactly_for_large_bigints():
    assert printed("a BIGINT, b INT", "CAST(9007199254740993 AS BIGINT) / 1, -7 / 2") == [
        "+I[9007199254740993, -3]"
    ]


def from_csv(tmp_path, columns: str, select: str) -> list[str]:
    """The rows printed for `SELECT {select} FROM n`, n a csv table (x INT, d DOUBLE) holding
    (0, 1.5) and (NULL, -2.0): rows Flink reads at run time, not constants it folds (the
    empty field is NULL by 'csv.null-literal', as Flink reads it)."""
    (tmp_path / "n.csv").write_text("0,1.5\n,-2.0\n")
    return printed(
        columns,
        select,
        "SELECT * FROM n",
        f"CREATE TABLE n (x INT, d DOUBLE) WITH ('connector' = 'filesystem', "
        f"'path' = '{tmp_path / 'n.csv'}', 'format' = 'csv', 'csv.null-literal' = '');\n",
    )


@pytest.mark.parametrize(
    "select, message",
    [
        ("7 / x", "ArithmeticException: / by zero"),
        ("MOD(7, x)", "ArithmeticException: / by zero"),
        ("CAST(7 AS DECIMAL(3, 0)) / x", "ArithmeticException: Division by zero"),
    ],
)
def test_a_zero_divisor_fails_the_job_with_flinks_text(tmp_path, select, message):
    with pytest.raises(ExecutionError, match=message):
        from_csv(tmp_path, "r DECIMAL(20, 6)", select)


def test_at_run_time_a_null_dividend_gives_null_and_a_double_infinity(tmp_path):
    # seen through the oracle with a csv source: Infinity and -Infinity, no failure
    assert from_csv(tmp_path, "r INT, q DOUBLE", "CAST(NULL AS INT) / x, d / 0.0e0") == [
        "+I[null, Infinity]",
        "+I[null, -Infinity]",
    ]


def test_a_branch_no_row_takes_divides_by_nothing(tmp_path):
    assert from_csv(
        tmp_path, "r INT, i INT", "CASE WHEN x = 0 THEN -1 ELSE 7 / x END, IF(x <> 0, 7 / x, -2)"
    ) == ["+I[-1, -2]", "+I[null, -2]"]


def test_constants_fold_as_flinks_planner_folds_them():
    # over VALUES Flink computes at plan time: NULL / 0 and a DOUBLE / 0 fail there
    for select in ("CAST(NULL AS INT) / x", "1.5e0 / CAST(x AS DOUBLE)"):
        with pytest.raises(ExecutionError, match="ArithmeticException: Division by zero"):
            printed("r DOUBLE", select, "SELECT * FROM (VALUES (0)) AS v(x)")


def test_round_floor_ceil_truncate_of_decimals():
    assert printed(
        "r STRING, f STRING, c STRING, t STRING, n STRING",
        "CAST(ROUND(x, 1) AS STRING), CAST(FLOOR(x) AS STRING), "
        "CAST(CEIL(x) AS STRING), CAST(TRUNCATE(x, 1) AS STRING), "
        "CAST(ROUND(x, -1) AS STRING)",
        "SELECT * FROM (VALUES (-15.25)) AS v(x)",
    ) == ["+I[-15.3, -16, -15, -15.2, -20]"]


def test_round_of_doubles_is_half_up_on_the_printed_digits():
    assert printed(
        "a DOUBLE, b DOUBLE, c DOUBLE",
        "ROUND(1.005e0, 2), ROUND(-2.5e0), ROUND(x, 1)",
        "SELECT * FROM (VALUES (0.25e0)) AS v(x)",
    ) == ["+I[1.01, -3.0, 0.3]"]


def test_avg_of_decimals_in_groups_rounds_half_up():
    sql = (
        "CREATE TEMPORARY TABLE snk (k INT, a DECIMAL(38, 6)) WITH ('connector' = 'print');\n"
        "CREATE TEMPORARY VIEW t(k, x) AS VALUES (1, 1.00), (1, 2.00), (2, 0.01), (2, 0.01),"
        " (2, 0.00), (3, CAST(NULL AS DECIMAL(3, 2)));\n"
        "INSERT INTO snk SELECT k, AVG(x) FROM t GROUP BY k ORDER BY k;\n"
    )
    assert printed_lines(sql) == ["+I[1, 1.500000]", "+I[2, 0.006667]", "+I[3, null]"]


def test_float_prints_as_java_float_to_string_and_negated_zero_literal_as_zero():
    assert printed("f FLOAT, d DOUBLE", "CAST(0.1e0 AS FLOAT), -0.0e0") == ["+I[0.1, 0.0]"]


@pytest.mark.parametrize("left", [types.decimal(10, 3), types.decimal(38, 3)])
def test_division_is_half_up_in_both_the_int128_and_the_python_way(left):
    # DECIMAL(38, 3) operands may pass Int128's 38 digits: those are divided in Python
    frame = pl.DataFrame(
        {"a": [Decimal("0.125"), Decimal("-0.125"), Decimal("0.135"), None], "b": [1, 1, 1, 1]},
        schema={"a": decimals.dtype(left), "b": pl.Int32},
    )
    quotient = decimals.divide(pl.col("a"), pl.col("b"), left, types.INT, types.decimal(38, 2))
    assert frame.select(quotient).to_series().to_list() == [
        Decimal("0.13"),
        Decimal("-0.13"),
        Decimal("0.14"),
        None,
    ]


def test_csv_numbers_read_into_decimal_round_half_up_and_too_big_is_null(tmp_path):
    # seen through the oracle: 1.01, -0.13 and null
    (tmp_path / "e.csv").write_text("1,1.005\n2,-0.125\n3,12345678901.5\n")
    assert printed(
        "id INT, amount DECIMAL(10, 2)",
        "id, amount",
        "SELECT * FROM e",
        f"CREATE TABLE e (id INT, amount DECIMAL(10, 2)) WITH ("
        f"'connector' = 'filesystem', 'path' = '{tmp_path / 'e.csv'}', "
        f"'format' = 'csv');\n",
    ) == ["+I[1, 1.01]", "+I[2, -0.13]", "+I[3, null]"]


def test_decimals_of_different_types_join_on_their_common_type():
    sql = (
        "CREATE TEMPORARY TABLE out1 (k DECIMAL(5, 2), w STRING) WITH ('connector' = 'print');\n"
        "CREATE TEMPORARY VIEW t(k) AS VALUES (1.5), (2);\n"
        "CREATE TEMPORARY VIEW u(k, w) AS VALUES (1.50, 'a'), (2.0, 'b');\n"
        "INSERT INTO out1 SELECT t.k, w FROM t JOIN u ON t.k = u.k ORDER BY w;\n"
    )
    assert printed_lines(sql) == ["+I[1.50, a]", "+I[2.00, b]"]


def test_sum_and_avg_of_decimals_over_windows_are_exact():
    sql = (
        "CREATE TEMPORARY TABLE out1 (a DECIMAL(38, 6), b DECIMAL(38, 2), c DECIMAL(38, 6))"
        " WITH ('connector' = 'print');\n"
        "CREATE TEMPORARY VIEW t(x, y, n) AS VALUES (1.5e0, 2.25, 3), (0.1e0, 0.10, 4), "
        "(0.1e0, 0.01, 5);\n"
        "INSERT INTO out1 SELECT AVG(y) OVER (ORDER BY n), SUM(y) OVER (ORDER BY n ROWS "
        "BETWEEN 1 PRECEDING AND CURRENT ROW), AVG(y) OVER (PARTITION BY x) FROM t ORDER BY n;\n"
    )
    assert printed_lines(sql) == [
        "+I[2.250000, 2.25, 2.250000]",
        "+I[1.175000, 2.35, 0.055000]",
        "+I[0.786667, 0.11, 0.055000]",
    ]


def test_quotients_too_wide_for_int128_are_divided_exactly_in_python():
    wide = types.decimal(38, 3)
    frame = pl.DataFrame(
        {"a": [Decimal("99999999999999999999999999999999999.125"), Decimal("-0.125")], "b": [1, 1]},
        schema={"a": decimals.dtype(wide), "b": pl.Int32},
    )
    quotient = decimals.divide(pl.col("a"), pl.col("b"), wide, types.INT, types.decimal(38, 2))
    assert frame.select(quotient).to_series().to_list() == [
        Decimal("99999999999999999999999999999999999.13"),
        Decimal("-0.13"),
    ]


def test_quotients_by_a_short_divisor_too_wide_for_one_int128_step_are_divided_natively():
    # AVG's SUM / COUNT: a dividend of up to 38 digits shifted by 10^4 would pass Int128, so it
    # is divided long-hand (whole part, then the rounded remainder), in Polars, never per
    # group in Python; every digit as Python's decimal gives it, NULL past 38 digits
    import decimal as d

    left, result = types.decimal(38, 2), types.decimal(38, 6)
    values = [
        ("60000000000000000000000000000000.01", 2),
        ("-60000000000000000000000000000000.01", 3),
        ("99999999999999999999999999999999.99", 7),
        ("12345678901234567890123456789012.35", -9),
        ("99999999999999999999999999999999.99", 1),  # 32 + 6 digits: still fits
        ("1.25", 2),
    ]
    frame = pl.DataFrame(
        {"a": [Decimal(a) for a, _ in values], "b": [b for _, b in values]},
        schema={"a": decimals.dtype(left), "b": pl.Int64},
    )
    quotient = decimals.divide(pl.col("a"), pl.col("b"), left, types.BIGINT, result)
    context = d.Context(prec=80, rounding=d.ROUND_HALF_UP)
    expected = [
        context.quantize(context.divide(Decimal(a), Decimal(b)), Decimal("0.000001"))
        for a, b in values
    ]
    assert frame.select(quotient).to_series().to_list() == expected
    too_wide = pl.DataFrame(
        {"a": [Decimal("99999999999999999999999999999999999.99")], "b": [1]},
        schema={"a": decimals.dtype(left), "b": pl.Int64},
    )
    assert too_wide.select(quotient).to_series().to_list() == [None]
