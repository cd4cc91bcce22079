"""Text that is no plain number, read as DECIMAL as Flink 2.3 reads it (BinaryStringDataUtil's
byte parser up to 18 digits and bytes, BigDecimal past that): the cases the Flink oracle showed
('' and 'abc' give no value, 'x' and '.' are 0) and the parser's rules around them."""

from decimal import Decimal

import pytest

from bailian_assets.executor.decimals import _lenient
from conftest import printed_lines


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", None),  # blank: no value
        (" \t", None),
        ("-", None),  # a lone sign
        ("1.2.3", None),  # a second point
        ("abc", None),  # what follows the skipped character must be blank
        ("x", Decimal("0.00")),  # the first other character ends the number, unread
        (".", Decimal("0.00")),
        ("7x", Decimal("7.00")),
        ("-7x  ", Decimal("-7.00")),
        ("1e2x", Decimal("100.00")),  # an exponent, ended the same way
        ("1.005 x", None),
        ("1.005x", Decimal("1.01")),  # HALF_UP to the scale
        ("-1.005x", Decimal("-1.01")),
        ("00000000012x", None),  # leading zeros count against the precision, as in Flink
    ],
)
def test_lenient_reads_text_as_flinks_byte_parser(text, expected):
    assert _lenient(text, 10, 2) == expected


def test_past_eighteen_digits_or_bytes_text_that_is_no_number_has_no_value():
    assert _lenient("x", 19, 2) is None
    assert _lenient("7x" + " " * 17, 10, 2) is None


def test_try_cast_is_null_and_cast_fails_for_text_without_a_value():
    sql = (
        "CREATE TEMPORARY TABLE out1 (s STRING, d DECIMAL(10, 2)) WITH ('connector' = 'print');\n"
        "INSERT INTO out1 SELECT s, TRY_CAST(s AS DECIMAL(10, 2)) FROM "
        "(VALUES (''), ('x'), ('abc'), ('2.5')) AS t(s);"
    )
    assert printed_lines(sql) == ["+I[, null]", "+I[x, 0.00]", "+I[abc, null]", "+I[2.5, 2.50]"]


def test_leading_zeros_count_against_the_precision_up_to_eighteen_bytes():
    sql = (
        "CREATE TEMPORARY TABLE out1 (a DECIMAL(10, 2), b DECIMAL(10, 2), c DECIMAL(20, 2), "
        "d DECIMAL(10, 2)) WITH ('connector' = 'print');\n"
        "INSERT INTO out1 SELECT TRY_CAST(s AS DECIMAL(10, 2)), TRY_CAST(t AS DECIMAL(10, 2)), "
        "TRY_CAST(s AS DECIMAL(20, 2)), TRY_CAST(u AS DECIMAL(10, 2)) FROM "
        "(VALUES ('000000000001', '0000000001', '0000000000000000001')) AS x(s, t, u);"
    )
    # 12 digits + 2 of scale pass 10; 10 + 2 too; past precision 18 or 18 bytes BigDecimal reads
    assert printed_lines(sql) == ["+I[null, null, 1.00, 1.00]"]
