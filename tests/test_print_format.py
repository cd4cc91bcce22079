"""The print sink's column-wise formatting (Polars expressions) against the per-value Python
reference `format_typed`, over many random values of each type and the edge cases Java's
toString treats specially."""

import datetime as dt
import random
from decimal import Decimal

import numpy as np
import polars as pl
import pytest

from bailian_assets.errors import Position
from bailian_assets.executor.sinks import column_text, format_row, format_typed, print_lines
from bailian_assets.planning.connectors import TableSpec
from bailian_assets.sql.ast import ColumnDef, DataType

ROWS = 3000


def _same(values: list, dtype: pl.DataType, data_type: DataType | None) -> None:
    series = pl.Series("c", values, dtype=dtype)
    expected = [format_typed(v, data_type) for v in series.to_list()]
    got = column_text(series, data_type).to_list()
    bad = [(v, e, g) for v, e, g in zip(series.to_list(), expected, got, strict=True) if e != g]
    assert not bad[:5], bad[:5]


def _doubles(rng: np.random.Generator) -> list[float | None]:
    """Random bit patterns (every exponent), values of every magnitude, and Java's layout
    edges: 1e7 and 1e-3, their neighbours, zeros, NaN, infinities, subnormals."""
    bits = rng.integers(0, 2**64, size=ROWS, dtype=np.uint64).view(np.float64)
    scaled = rng.normal(size=ROWS) * 10.0 ** rng.integers(-12, 14, size=ROWS)
    edges = [1e7, np.nextafter(1e7, 0), 1e-3, np.nextafter(1e-3, 0), np.nextafter(1e-3, 1)]
    edges += [0.0, -0.0, 1.0, 0.1, 100.0, 123456.75, 12345678.9, 1e-4, -2.5e-5, 1e16, 1e22]
    edges += [float("nan"), float("inf"), float("-inf"), 5e-324, 1.7976931348623157e308]
    values = [float(v) for v in (*bits, *scaled, *edges)]
    return [*values, *(-v for v in edges), None]


def test_doubles_print_as_java_double():
    _same(_doubles(np.random.default_rng(7)), pl.Float64, DataType("DOUBLE"))
    _same(_doubles(np.random.default_rng(8)), pl.Float64, None)


@pytest.mark.filterwarnings("ignore:overflow encountered in cast")  # the reference's numpy
def test_floats_print_as_java_float():
    rng = np.random.default_rng(9)
    bits = rng.integers(0, 2**32, size=ROWS, dtype=np.uint64).astype(np.uint32)
    values = [float(v) for v in bits.view(np.float32)]
    values += [0.1, 1e7, 9999999.0, 1e-3, 3.4028235e38, 1e-45, -0.0, float("nan"), None]
    _same(values, pl.Float32, DataType("FLOAT"))
    # a FLOAT column computed as a double prints the float's digits; a DOUBLE column held
    # as Float32 prints the double it widens to (0.10000000149011612)
    _same(_doubles(np.random.default_rng(10)), pl.Float64, DataType("FLOAT"))
    _same(values, pl.Float32, DataType("DOUBLE"))


def test_integers_strings_booleans_nulls():
    rnd = random.Random(1)
    ints = [rnd.randint(-(2**63), 2**63 - 1) for _ in range(ROWS)] + [0, -1, None]
    _same(ints, pl.Int64, DataType("BIGINT"))
    _same([rnd.randint(-128, 127) for _ in range(300)] + [None], pl.Int8, DataType("TINYINT"))
    _same([2**64 - 1, 0, None], pl.UInt64, None)
    alphabet = "ab ,[]=null\\'\"\t\n好東西é😀\u0000"
    texts = ["".join(rnd.choices(alphabet, k=rnd.randint(0, 8))) for _ in range(ROWS)]
    _same([*texts, "null", "", None], pl.String, DataType("STRING"))
    _same([True, False, None], pl.Boolean, DataType("BOOLEAN"))
    _same([None, None], pl.Null, None)


@pytest.mark.parametrize("precision, scale", [(38, 10), (10, 2), (18, 0), (5, 5), (38, 0)])
def test_decimals_print_every_digit_of_the_scale(precision, scale):
    rnd = random.Random(precision * 100 + scale)
    top = 10 ** min(precision, 37) - 1  # Polars takes no Python Decimal of 38 nines
    unscaled = [rnd.randint(-top, top) for _ in range(ROWS)] + [0, 1, -1, top, -top, 5, -5]
    values = [Decimal(u).scaleb(-scale) for u in unscaled] + [None]
    _same(values, pl.Decimal(precision, scale), DataType("DECIMAL", (precision, scale)))


def _random_datetimes(rnd: random.Random, count: int) -> list[dt.datetime]:
    """Any microsecond from year 1 to 9999, with round seconds, millis and minutes often."""
    span = int((dt.datetime(9999, 12, 31) - dt.datetime(1, 1, 1)).total_seconds())
    out = []
    for _ in range(count):
        value = dt.datetime(1, 1, 1) + dt.timedelta(seconds=rnd.randint(0, span))
        micros = rnd.choice([0, 0, rnd.randint(0, 999) * 1000, rnd.randint(0, 999_999)])
        if rnd.random() < 0.2:
            value = value.replace(second=0)
        out.append(value.replace(microsecond=micros))
    return out


def test_dates_and_times():
    rnd = random.Random(3)
    stamps = _random_datetimes(rnd, ROWS)
    stamps += [dt.datetime(1, 1, 1), dt.datetime(1969, 12, 31, 23, 59, 59, 999_999)]
    stamps += [dt.datetime(1970, 1, 1), dt.datetime(9999, 12, 31, 23, 59, 59, 999_999)]
    _same([*stamps, None], pl.Datetime("us"), DataType("TIMESTAMP", (6,)))
    _same([*stamps, None], pl.Datetime("ms"), DataType("TIMESTAMP", (3,)))
    _same([s.date() for s in stamps] + [None], pl.Date, DataType("DATE"))
    _same([s.time() for s in stamps] + [None], pl.Time, DataType("TIME"))
    instants = [s.replace(tzinfo=dt.UTC) for s in stamps[:-1]] + [None]
    _same(instants, pl.Datetime("us", "UTC"), DataType("TIMESTAMP_LTZ", (6,)))
    shanghai = pl.Series(instants[2:]).dt.convert_time_zone("Asia/Shanghai")
    _same(shanghai.to_list(), shanghai.dtype, DataType("TIMESTAMP_LTZ", (3,)))


def test_nanosecond_timestamps_print_every_digit_and_times_truncate_to_microseconds():
    """A TIMESTAMP(9) (Datetime ns) prints its nanoseconds in groups of three digits, as
    LocalDateTime.toString; a TIME, held in nanoseconds, as Python's time takes it."""
    nanos = pl.Series([1999, -1999, 1_000_001_999, 0, 86_399_999_999_999], dtype=pl.Int64)
    stamps = nanos.cast(pl.Datetime("ns"))
    assert column_text(stamps, None).to_list() == [
        "1970-01-01T00:00:00.000001999",
        "1969-12-31T23:59:59.999998001",
        "1970-01-01T00:00:01.000001999",
        "1970-01-01T00:00",
        "1970-01-01T23:59:59.999999999",
    ]
    round_millis = pl.Series([1_000_000, 5_000], dtype=pl.Int64).cast(pl.Datetime("ns"))
    assert column_text(round_millis, None).to_list() == [
        "1970-01-01T00:00:00.001",
        "1970-01-01T00:00:00.000005",
    ]
    times = nanos.filter(nanos >= 0).cast(pl.Time)
    assert column_text(times, None).to_list() == [format_typed(v, None) for v in times]


def test_the_year_is_always_four_digits_as_java_prints_it():
    year_one = pl.Series([dt.datetime(1, 2, 3, 4, 5), dt.datetime(999, 1, 1, 0, 0, 1)])
    assert column_text(year_one, None).to_list() == ["0001-02-03T04:05", "0999-01-01T00:00:01"]
    assert format_typed(dt.datetime(1, 2, 3, 4, 5), None) == "0001-02-03T04:05"


def _table(columns: list[tuple[str, DataType]], options: dict | None = None) -> TableSpec:
    return TableSpec(
        name="out",
        columns=tuple(ColumnDef(n, t, Position(1, 1, 0)) for n, t in columns),
        connector="print",
        options=options or {},
        path="",
        position=Position(1, 1, 0),
    )


def _frame() -> tuple[pl.DataFrame, list[tuple[str, DataType]]]:
    """A frame of every kind of column, the nested ones formatted per value."""
    rnd = random.Random(5)
    rows = 200
    frame = pl.DataFrame(
        {
            "i": [rnd.choice([None, rnd.randint(-9, 9)]) for _ in range(rows)],
            "s": [rnd.choice([None, "a, b", "好"]) for _ in range(rows)],
            "d": [rnd.choice([None, 0.1, 1e7, -2.5e-5]) for _ in range(rows)],
            "f": pl.Series([rnd.choice([None, 0.1, 3.0]) for _ in range(rows)], dtype=pl.Float32),
            "a": [rnd.choice([None, [], [1.5, None]]) for _ in range(rows)],
            "m": [rnd.choice([None, [{"key": "b", "value": 1}, {"key": "a", "value": 2}]])] * rows,
            "r": [rnd.choice([None, {"x": 1, "y": "z"}]) for _ in range(rows)],
        }
    )
    types = [
        ("i", DataType("INT")),
        ("s", DataType("STRING")),
        ("d", DataType("DOUBLE")),
        ("f", DataType("FLOAT")),
        ("a", DataType("ARRAY", element=DataType("DOUBLE"))),
        ("m", DataType("MAP", element=DataType("STRING"), value=DataType("INT"))),
        ("r", DataType("ROW", fields=(("x", DataType("INT")), ("y", DataType("STRING"))))),
    ]
    return frame, types


@pytest.mark.parametrize(
    "options",
    [
        {},
        {"print-identifier": "sink"},
        {"sink.parallelism": 3},
        {"print-identifier": "p", "sink.parallelism": 2},
    ],
)
def test_print_lines_match_the_row_by_row_format(options):
    frame, types = _frame()
    table = _table(types, options)
    column_types = tuple(t for _, t in types)
    subtasks = int(options.get("sink.parallelism", 1))
    identifier = options.get("print-identifier")
    expected = []
    for subtask in range(subtasks):
        prefix = identifier
        if subtasks > 1:
            prefix = f"{identifier}:{subtask + 1}" if identifier else str(subtask + 1)
        part = frame.gather_every(subtasks, offset=subtask)
        expected += [format_row(r, prefix, column_types=column_types) for r in part.iter_rows()]
    assert list(print_lines(table, frame)) == expected


def test_print_lines_without_declared_types_and_without_columns():
    frame, types = _frame()
    table = _table(types[:2])  # widths differ: values shown as format_value guesses
    assert list(print_lines(table, frame)) == [format_row(r) for r in frame.iter_rows()]
    assert list(print_lines(_table([]), pl.DataFrame())) == []
    assert list(print_lines(_table([]), pl.DataFrame().with_row_index().drop("index"))) == []


def test_any_column_name_prints():
    """Column names reach Polars expressions nowhere: `*` or a regex is a name like any."""
    frame = pl.DataFrame({"*": [1, None], "^a.*$": [True, None], "": [0.5, 1e7]})
    assert list(print_lines(_table([]), frame)) == ["+I[1, true, 0.5]", "+I[null, null, 1.0E7]"]


def test_intervals_print_as_java_duration_and_period():
    """Day-time intervals (microseconds) as Duration.toString, year-month ones (months) as
    Period.ofMonths(n).toString: the texts Flink 2.3 printed (tests/golden/time/interval_*)."""
    day_time = DataType("INTERVAL_DAY_TIME")
    printed = {
        86_400_000_000: "PT24H",
        -86_400_000_000: "PT-24H",
        1_500_000: "PT1.5S",
        -1_500_000: "PT-1.5S",
        -1_000: "PT-0.001S",
        93_784_567_000: "PT26H3M4.567S",
        -93_784_567_000: "PT-26H-3M-4.567S",
        -5_400_000_000: "PT-1H-30M",
        61_000_000: "PT1M1S",
        0: "PT0S",
    }
    assert {m: format_typed(m, day_time) for m in printed} == printed
    months = DataType("INTERVAL_YEAR_MONTH")
    assert [format_typed(m, months) for m in (12, -14, 0)] == ["P12M", "P-14M", "P0D"]
    rnd = random.Random(3)
    values = [rnd.randint(-(10**15), 10**15) for _ in range(ROWS)] + [*printed, None]
    _same(values, pl.Int64, day_time)
    _same([rnd.randint(-1000, 1000) for _ in range(300)] + [None], pl.Int64, months)
