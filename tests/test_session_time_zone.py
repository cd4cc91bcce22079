"""TIMESTAMP_LTZ values read in the session time zone where the golden cases cannot reach: the
conversions against Python's own zone rules around clock changes, the machine's zone as
Flink's 'default', the current-time functions under a fixed clock, the filesystem sinks'
written values and a Parquet column. Flink's behaviour itself is in tests/golden/time/ (ltz_*,
timestamp_to_ltz_*, current_time_*), from the oracle."""

import datetime as dt
from zoneinfo import ZoneInfo

import polars as pl
import pytest

from bailian_assets.executor import time_zones
from bailian_assets.executor.functions import temporal
from bailian_assets.planning.project import load_source
from conftest import printed_lines, printed_run

SHANGHAI = "SET 'table.local-time-zone' = 'Asia/Shanghai';\n"
NEW_YORK = "SET 'table.local-time-zone' = 'America/New_York';\n"


def _walls(zone: str, day: dt.date) -> list[dt.datetime]:
    """Every quarter hour of a day in `zone` (a clock change's gap or overlap among them)."""
    start = dt.datetime.combine(day, dt.time())
    return [start + dt.timedelta(minutes=15 * i) for i in range(96)]


@pytest.mark.parametrize(
    ("zone", "day"),
    [
        ("America/New_York", dt.date(2024, 3, 10)),  # 02:00 -> 03:00
        ("America/New_York", dt.date(2024, 11, 3)),  # 02:00 -> 01:00
        ("Australia/Lord_Howe", dt.date(2024, 10, 6)),  # a 30 minute gap
        ("Australia/Lord_Howe", dt.date(2024, 4, 7)),  # a 30 minute overlap
        ("Asia/Shanghai", dt.date(2024, 1, 1)),
    ],
)
def test_a_wall_time_is_the_instant_java_gives_it(zone, day):
    """Python's zoneinfo with fold=0 is Java's LocalDateTime.atZone: a skipped wall time is
    moved forward by the gap, a repeated one is its earlier instant."""
    walls = _walls(zone, day)
    got = pl.select(time_zones.instant(pl.lit(pl.Series(walls)), zone)).to_series().to_list()
    want = [w.replace(tzinfo=ZoneInfo(zone)).astimezone(dt.UTC) for w in walls]
    assert got == want


def test_an_instant_is_its_wall_time_in_the_zone():
    instants = [
        dt.datetime(2024, 3, 10, 6, 0, tzinfo=dt.UTC) + dt.timedelta(minutes=20 * i)
        for i in range(9)
    ]
    instants += [
        dt.datetime(2024, 11, 3, 5, 0, tzinfo=dt.UTC) + dt.timedelta(minutes=20 * i)
        for i in range(9)
    ]
    series = pl.Series(instants, dtype=pl.Datetime("us", "UTC"))
    got = pl.select(time_zones.wall_time(pl.lit(series), "America/New_York")).to_series()
    zone = ZoneInfo("America/New_York")
    assert got.to_list() == [i.astimezone(zone).replace(tzinfo=None) for i in instants]


def test_fixed_offsets_as_flink_writes_them():
    assert time_zones.polars_zone("GMT+8") == "+08:00"
    assert time_zones.polars_zone("GMT-03:30") == "-03:30"
    assert time_zones.polars_zone("Z") == "UTC"
    assert time_zones.tzinfo("GMT-03:30").utcoffset(None) == -dt.timedelta(hours=3, minutes=30)
    sql = "SET 'table.local-time-zone' = 'GMT+08:00';\n" + _text_of("TO_TIMESTAMP_LTZ(0, 3)")
    assert printed_lines(sql) == ["+I[1970-01-01 08:00:00.000]"]


def _text_of(expr: str) -> str:
    return (
        "CREATE TEMPORARY TABLE o (s STRING) WITH ('connector' = 'print');\n"
        f"INSERT INTO o SELECT CAST({expr} AS STRING);\n"
    )


def test_without_a_set_the_machine_zone_is_the_session_zone(monkeypatch):
    """Flink's 'default': the machine's zone (here the TZ variable)."""
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    assert printed_lines(_text_of("TO_TIMESTAMP_LTZ(0, 3)")) == ["+I[1970-01-01 08:00:00.000]"]
    monkeypatch.setenv("TZ", "America/New_York")
    assert printed_lines(_text_of("TO_TIMESTAMP_LTZ(0, 3)")) == ["+I[1969-12-31 19:00:00.000]"]


NOW = dt.datetime(2024, 1, 1, 18, 30, 5, 123456, tzinfo=dt.UTC)
CURRENT = (
    "CREATE TEMPORARY TABLE o (a TIMESTAMP_LTZ(3), b TIMESTAMP(3), c DATE, d TIME(0), "
    "e TIMESTAMP_LTZ(3), f STRING) WITH ('connector' = 'print');\n"
    "INSERT INTO o SELECT CURRENT_TIMESTAMP, LOCALTIMESTAMP, CURRENT_DATE, CURRENT_TIME, "
    "NOW(), CAST(CURRENT_TIMESTAMP AS STRING);\n"
)


@pytest.mark.parametrize(
    ("zone", "row"),
    [
        (
            SHANGHAI,  # past midnight there: the next day
            "+I[2024-01-01T18:30:05.123Z, 2024-01-02T02:30:05.123, 2024-01-02, 02:30:05, "
            "2024-01-01T18:30:05.123Z, 2024-01-02 02:30:05.123]",
        ),
        (
            NEW_YORK,
            "+I[2024-01-01T18:30:05.123Z, 2024-01-01T13:30:05.123, 2024-01-01, 13:30:05, "
            "2024-01-01T18:30:05.123Z, 2024-01-01 13:30:05.123]",
        ),
    ],
)
def test_the_current_time_functions_read_the_clock_in_the_session_zone(monkeypatch, zone, row):
    monkeypatch.setattr(temporal, "clock", lambda: NOW)
    assert printed_lines(zone + CURRENT) == [row]


def test_filesystem_sinks_write_an_instant_in_utc_and_its_wall_time_in_the_zone(tmp_path):
    """As Flink's csv format writes them: the instant with `Z`, whatever the session zone."""
    sql = SHANGHAI + (
        f"CREATE TEMPORARY TABLE f (k INT, ts TIMESTAMP_LTZ(3), w TIMESTAMP(3)) WITH ("
        f"'connector' = 'filesystem', 'path' = '{tmp_path / 'out'}', 'format' = 'csv');\n"
        "INSERT INTO f SELECT 1, TO_TIMESTAMP_LTZ(1704133800000, 3), "
        "CAST(TO_TIMESTAMP_LTZ(1704133800000, 3) AS TIMESTAMP(3));\n"
    )
    printed_run(load_source(sql, "t.sql", {}))
    (written,) = (tmp_path / "out").glob("*.csv")
    assert written.read_text().splitlines() == ["1,2024-01-01 18:30:00Z,2024-01-02 02:30:00"]


def test_a_parquet_instant_column_is_read_in_the_session_zone(tmp_path):
    frame = pl.DataFrame(
        {"k": [1], "ts": [dt.datetime(2024, 1, 1, 18, 30, tzinfo=dt.UTC)]},
        schema={"k": pl.Int32, "ts": pl.Datetime("ms", "UTC")},
    )
    (tmp_path / "in").mkdir()
    frame.write_parquet(tmp_path / "in" / "part-0.parquet")
    sql = NEW_YORK + (
        f"CREATE TEMPORARY TABLE src (k INT, ts TIMESTAMP_LTZ(3)) WITH ("
        f"'connector' = 'filesystem', 'path' = '{tmp_path / 'in'}', 'format' = 'parquet');\n"
        "CREATE TEMPORARY TABLE o (ts TIMESTAMP_LTZ(3), s STRING, h BIGINT) "
        "WITH ('connector' = 'print');\n"
        "INSERT INTO o SELECT ts, CAST(ts AS STRING), HOUR(ts) FROM src;\n"
    )
    assert printed_lines(sql) == ["+I[2024-01-01T18:30:00Z, 2024-01-01 13:30:00.000, 13]"]


def test_text_formats_write_times_with_the_fraction_digits_they_need(tmp_path):
    """Flink 2.3's json line for the same INSERT (asked through the oracle), byte for byte;
    its csv line holds the same values (Flink quotes the fields that hold a space)."""
    sink = (
        "CREATE TEMPORARY TABLE f (s STRING, a TIMESTAMP(3), b TIMESTAMP(6), "
        "c TIMESTAMP_LTZ(3), d TIMESTAMP(3), e TIME(3)) WITH ('connector' = 'filesystem', "
        f"'path' = '{tmp_path}/{{fmt}}', 'format' = '{{fmt}}');\n"
        "INSERT INTO f VALUES ('a b', TIMESTAMP '2024-01-01 10:00:00.5', "
        "TIMESTAMP '2024-01-01 10:00:00.123456', TO_TIMESTAMP_LTZ(1704076200120, 3), "
        "TIMESTAMP '2024-01-01 10:00:00', TIME '10:11:12.5');\n"
    )
    for fmt in ("json", "csv"):
        printed_run(load_source(SHANGHAI + sink.format(fmt=fmt), "t.sql", {}))
    (json_file,) = (tmp_path / "json").glob("*.json")
    assert json_file.read_text().splitlines() == [
        '{"s":"a b","a":"2024-01-01 10:00:00.5","b":"2024-01-01 10:00:00.123456",'
        '"c":"2024-01-01 02:30:00.12Z","d":"2024-01-01 10:00:00","e":"10:11:12.5"}'
    ]
    (csv_file,) = (tmp_path / "csv").glob("*.csv")
    assert csv_file.read_text().splitlines() == [
        "a b,2024-01-01 10:00:00.5,2024-01-01 10:00:00.123456,2024-01-01 02:30:00.12Z,"
        "2024-01-01 10:00:00,10:11:12.5"
    ]
