"""Date and time functions, syntax (EXTRACT, FLOOR ... TO, INTERVAL, TIME literals) and the
printing of date-time values: each expected row is what real Flink 2.3 printed for the same
SELECT (asked through the oracle)."""

import datetime as dt

import pytest
from test_functions_strings import printed, text

from bailian_assets.errors import SqlError
from bailian_assets.executor.functions.temporal import java_pattern, months_between
from bailian_assets.executor.sinks import format_value

UTC = "SET 'table.local-time-zone' = 'UTC';\n"


def test_to_timestamp_and_to_date_parse_or_give_null():
    assert printed(
        text(
            "TO_TIMESTAMP('2024-05-06 07:08:09')",
            "TO_TIMESTAMP('2024-05-06')",
            "TO_TIMESTAMP('not a time')",
            "TO_TIMESTAMP('2024-05-06 25:00:00')",
            "TO_TIMESTAMP('06/05/2024 07:08', 'dd/MM/yyyy HH:mm')",
            "TO_DATE('20240301', 'yyyyMMdd')",
            "TO_DATE('2024-02-29')",
        ),
        7,
    ) == [
        "+I[2024-05-06 07:08:09.000, 2024-05-06 00:00:00.000, null, null, "
        "2024-05-06 07:08:00.000, 2024-03-01, 2024-02-29]"
    ]


def test_epoch_functions_follow_the_session_time_zone():
    assert printed(
        text("UNIX_TIMESTAMP('2024-01-01 00:00:00')") + ", FROM_UNIXTIME(86400)", 2, source=UTC
    ) == ["+I[1704067200, 1970-01-02 00:00:00]"]
    shanghai = "SET 'table.local-time-zone' = 'Asia/Shanghai';\n"
    assert printed(
        "FROM_UNIXTIME(0), " + text("UNIX_TIMESTAMP('1970-01-01 08:00:00')"), 2, source=shanghai
    ) == ["+I[1970-01-01 08:00:00, 0]"]


def test_to_timestamp_ltz_prints_an_instant():
    assert printed(
        "TO_TIMESTAMP_LTZ(1700000000000, 3), TO_TIMESTAMP_LTZ(1704067200, 0), "
        + text("TO_TIMESTAMP_LTZ(1700000000000, 3)"),
        "a TIMESTAMP_LTZ(3), b TIMESTAMP_LTZ(3), c STRING",
        source=UTC,
    ) == ["+I[2023-11-14T22:13:20Z, 2024-01-01T00:00:00Z, 2023-11-14 22:13:20.000]"]
    instant = dt.datetime(2024, 1, 1, 0, 0, 0, 500000, tzinfo=dt.UTC)
    assert format_value(instant) == "2024-01-01T00:00:00.500Z"


def test_timestampadd_and_timestampdiff():
    assert printed(
        text(
            "TIMESTAMPADD(DAY, 3, TIMESTAMP '2024-02-27 10:00:00')",
            "TIMESTAMPADD(MONTH, 1, DATE '2024-01-31')",
            "TIMESTAMPDIFF(DAY, TIMESTAMP '2024-01-01 12:00:00', TIMESTAMP '2024-01-03 11:59:59')",
            "TIMESTAMPDIFF(HOUR, TIMESTAMP '2024-01-01 12:00:00', TIMESTAMP '2024-01-01 09:30:00')",
            "TIMESTAMPDIFF(MONTH, DATE '2024-01-31', DATE '2024-02-29')",
        ),
        5,
    ) == ["+I[2024-03-01 10:00:00, 2024-02-29, 1, -2, 1]"]


def test_months_between_clamps_at_month_ends():
    assert months_between(dt.datetime(2024, 1, 31), dt.datetime(2024, 2, 29)) == 1
    assert months_between(dt.datetime(2024, 1, 31), dt.datetime(2024, 2, 28)) == 0
    assert months_between(dt.datetime(2024, 3, 31), dt.datetime(2024, 1, 31)) == -2


def test_extract_and_field_functions():
    ts = "TIMESTAMP '2024-03-10 14:25:36'"
    fields = ("YEAR", "MONTH", "DAY", "HOUR", "MINUTE", "SECOND", "DOW", "DOY", "WEEK", "QUARTER")
    assert printed(text(*(f"EXTRACT({f} FROM {ts})" for f in fields)), 10) == [
        "+I[2024, 3, 10, 14, 25, 36, 1, 70, 10, 1]"
    ]
    assert printed(
        text(
            "YEAR(DATE '2024-12-25')",
            "DAYOFWEEK(DATE '2024-12-25')",
            "DAYOFMONTH(DATE '2024-12-25')",
            f"HOUR({ts})",
        ),
        4,
    ) == ["+I[2024, 4, 25, 14]"]


def test_floor_and_ceil_to_a_unit():
    ts = "TIMESTAMP '2024-07-04 09:05:03'"
    assert printed(
        text(
            f"FLOOR({ts} TO DAY)",
            f"CEIL({ts} TO HOUR)",
            f"FLOOR({ts} TO MONTH)",
            "CEIL(TIMESTAMP '2024-07-04 09:00:00' TO HOUR)",
        ),
        4,
    ) == ["+I[2024-07-04 00:00:00, 2024-07-04 10:00:00, 2024-07-01 00:00:00, 2024-07-04 09:00:00]"]


def test_interval_arithmetic():
    assert printed(
        text(
            "DATE '2024-01-31' + INTERVAL '1' DAY",
            "DATE '2024-01-31' + INTERVAL '1' MONTH",
            "DATE '2024-03-01' - INTERVAL '1' DAY",
            "TIMESTAMP '2024-01-01 23:30:00' + INTERVAL '45' MINUTE",
            "TIMESTAMP '2024-01-01 00:00:00' + INTERVAL '1 02:03:04' DAY TO SECOND",
            "INTERVAL '2-3' YEAR TO MONTH + DATE '2024-01-31'",
        ),
        6,
    ) == [
        "+I[2024-02-01, 2024-02-29, 2024-02-29, 2024-01-02 00:15:00, 2024-01-02 02:03:04, "
        "2026-04-30]"
    ]


@pytest.mark.parametrize(
    "literal", ["INTERVAL '1:2' DAY", "INTERVAL 'x' HOUR", "INTERVAL '1' DAY TO YEAR"]
)
def test_a_malformed_interval_literal_is_a_located_error(literal):
    with pytest.raises(SqlError):
        printed(text(f"DATE '2024-01-01' + {literal}"))


def test_time_and_timestamp_literals_print_as_java_time_does():
    assert printed(
        "TIME '13:45:00', TIMESTAMP '2024-01-02 03:04:05', "
        "TIMESTAMP '2024-01-02 03:04:05.100', TIMESTAMP '2024-01-02 00:00:00', "
        "TIME '10:20:30.5'",
        "a TIME(0), b TIMESTAMP(0), c TIMESTAMP(3), d TIMESTAMP(6), e TIME(1)",
    ) == ["+I[13:45, 2024-01-02T03:04:05, 2024-01-02T03:04:05.100, 2024-01-02T00:00, 10:20:30.500]"]


def test_timestamp_to_string_has_the_digits_of_its_precision():
    assert printed(
        text(
            "TIMESTAMP '2024-03-01 08:05:00'",
            "CAST(TIMESTAMP '2024-03-01 08:05:00.120' AS TIMESTAMP(3))",
            "TIMESTAMP '2024-03-01 08:05:00.5'",
            "CAST('2024-03-01 08:05:00.5' AS TIMESTAMP)",
        ),
        4,
    ) == [
        "+I[2024-03-01 08:05:00, 2024-03-01 08:05:00.120, 2024-03-01 08:05:00.5, "
        "2024-03-01 08:05:00.500000]"
    ]


def test_date_format_of_a_string_and_java_patterns():
    assert printed("DATE_FORMAT('2024-07-04 09:05:03', 'MM/dd/yyyy')") == ["+I[07/04/2024]"]
    assert java_pattern("yyyy-MM-dd'T'HH:mm:ss.SSS") == "%Y-%m-%dT%H:%M:%S.%3f"
    with pytest.raises(ValueError, match="Unknown pattern letter"):
        java_pattern("yyyy-qq")


def test_details_flink_has():
    assert printed(
        text(
            "UNIX_TIMESTAMP('bad')",
            "TO_TIMESTAMP('2024-05-06 07:08')",
            "TO_DATE('2024-5-6')",
            "TIMESTAMPDIFF(MONTH, TIMESTAMP '2024-01-31 10:00:00', "
            "TIMESTAMP '2024-02-29 09:00:00')",
            "EXTRACT(MILLISECOND FROM TIMESTAMP '2024-01-01 00:00:05.123')",
            "FLOOR(TIMESTAMP '2024-07-04 09:05:03' TO WEEK)",
            "DATE '2024-01-31' + INTERVAL '25' HOUR",
        )
        + ", DATE_FORMAT(TIMESTAMP '2024-07-04 09:05:03', 'EEE, d MMM yyyy')",
        8,
        source=UTC,
    ) == [
        "+I[-9223372036854775808, null, 2024-05-06, 0, 123, 2024-06-30 00:00:00, 2024-02-01, "
        "Thu, 4 Jul 2024]"
    ]
    assert printed(
        text(
            "EXTRACT(WEEK FROM DATE '2024-01-01')",
            "QUARTER(DATE '2024-02-10')",
            "DAYOFYEAR(DATE '2024-02-10')",
            "INTERVAL '2-3' YEAR TO MONTH",
        )
        + ", FROM_UNIXTIME(1700000000, 'yyyy/MM/dd HH'), "
        + text("UNIX_TIMESTAMP('2024/01/01', 'yyyy/MM/dd')"),
        6,
        source=UTC,
    ) == ["+I[1, 1, 41, +2-03, 2023/11/14 22, 1704067200]"]


def test_a_timestamp_goes_into_a_date_column_as_its_date():
    assert printed("TIMESTAMP '2024-01-01 10:00:00'", "d DATE") == ["+I[2024-01-01]"]


def test_the_session_time_zone_is_no_argument_the_sql_sees():
    with pytest.raises(
        SqlError,
        match="Invalid number of arguments to function 'FROM_UNIXTIME'"
        r"\. Was expecting 1 to 2 arguments",
    ):
        printed("FROM_UNIXTIME(1, 'yyyy', 'UTC')")
