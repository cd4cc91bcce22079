"""ROWS and RANGE frames with offsets (`executor/frames.py`, `planning/window_frames.py`), run
end to end and checked against a brute-force reference of the frame's meaning: the rows whose
order-key value lies within the offsets of the current row's (peers included, NULL keys their
own peer group, which n PRECEDING ends before and n FOLLOWING starts after, NULLs first
ascending and last descending as Flink sorts them). The cases
Flink 2.3 itself answered are in tests/golden/window/range_frame_*.sql."""

from __future__ import annotations

import random
from decimal import Decimal

import polars as pl
import pytest

from bailian_assets.errors import SqlError
from bailian_assets.executor import frames
from bailian_assets.planning.project import load_source
from conftest import printed_lines


def _data(seed: int, key_of=lambda n: n) -> list[tuple[int, str, object, int | None]]:
    """(i, partition, order key, value): duplicate keys, NULL keys and NULL values."""
    rng = random.Random(seed)
    return [
        (
            i,
            rng.choice("abc"),
            None if rng.random() < 0.12 else key_of(rng.randint(0, 9)),
            None if rng.random() < 0.1 else rng.randint(-20, 20),
        )
        for i in range(1, 41)
    ]


def _sql_value(value: object, key_type: str) -> str:
    if value is None:
        return f"CAST(NULL AS {key_type})"
    return f"CAST({value} AS {key_type})" if key_type != "INT" else str(value)


def _run(data, key_type: str, frame: str, descending: bool) -> list[str]:
    values = ", ".join(
        f"({i}, '{k}', {_sql_value(v, key_type)}, {_sql_value(x, 'INT')})" for i, k, v, x in data
    )
    window = f"PARTITION BY k ORDER BY v{' DESC' if descending else ''} {frame}"
    sql = (
        "CREATE TEMPORARY TABLE out1 (i INT, c BIGINT, cx BIGINT, s INT, mn INT, mx INT, "
        "f INT, l INT) WITH ('connector' = 'print');\n"
        f"CREATE TEMPORARY VIEW t (i, k, v, x) AS VALUES {values};\n"
        "INSERT INTO out1 SELECT i, COUNT(*) OVER w, COUNT(x) OVER w, SUM(x) OVER w, "
        "MIN(x) OVER w, MAX(x) OVER w, FIRST_VALUE(x) OVER w, LAST_VALUE(x) OVER w "
        f"FROM t WINDOW w AS ({window}) ORDER BY i;"
    )
    return printed_lines(sql)


def _satisfies(bound, row_key, other_key, nulls_first: bool, descending: bool, is_start: bool):
    """Does a row with `other_key` lie on the frame's side of `bound` for the current row?"""
    kind, offset = bound
    if kind.startswith("UNBOUNDED"):
        return True
    if row_key is None:  # NULL moved n PRECEDING is just before the NULL block, FOLLOWING after
        outward = kind == ("FOLLOWING" if is_start else "PRECEDING")
        if other_key is None:
            return not outward
        return nulls_first if is_start else not nulls_first
    if other_key is None:
        return not nulls_first if is_start else nulls_first
    distance = 0 if offset is None else -offset if kind == "PRECEDING" else offset
    sign = -1 if descending else 1
    moved = sign * row_key + distance
    return sign * other_key >= moved if is_start else sign * other_key <= moved


def _expected(data, start, end, descending: bool) -> list[str]:
    nulls_first = not descending
    sign = -1 if descending else 1
    in_order = sorted(  # the window's order; ties keep their input order (i), as ours do
        data,
        key=lambda r: (
            (r[2] is None) != nulls_first,
            0 if r[2] is None else sign * r[2],
            r[0],
        ),
    )
    lines = []
    for i, k, v, _ in sorted(data):
        frame = [
            x
            for _, k2, v2, x in in_order
            if k2 == k
            and _satisfies(start, v, v2, nulls_first, descending, True)
            and _satisfies(end, v, v2, nulls_first, descending, False)
        ]
        present = [x for x in frame if x is not None]
        cells = [len(frame), len(present)]
        cells += [sum(present), min(present), max(present)] if present else [None] * 3
        cells += [present[0], present[-1]] if present else [None] * 2
        lines.append(f"+I[{i}, " + ", ".join("null" if c is None else str(c) for c in cells) + "]")
    return lines


def _text(bound) -> str:
    kind, offset = bound
    return kind if offset is None else f"{offset} {kind}"


BOUNDS = [
    (("PRECEDING", 2), ("CURRENT ROW", None)),
    (("PRECEDING", 1), ("FOLLOWING", 3)),
    (("UNBOUNDED PRECEDING", None), ("FOLLOWING", 1)),
    (("CURRENT ROW", None), ("UNBOUNDED FOLLOWING", None)),
    (("FOLLOWING", 1), ("FOLLOWING", 2)),
    (("PRECEDING", 0), ("FOLLOWING", 0)),
]


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("start, end", BOUNDS)
def test_range_frames_hold_the_rows_within_the_offsets(start, end, descending):
    data = _data(seed=len(_text(start)) * 7 + len(_text(end)))
    frame = f"RANGE BETWEEN {_text(start)} AND {_text(end)}"
    assert _run(data, "INT", frame, descending) == _expected(data, start, end, descending)


def test_decimal_order_keys_take_fractional_offsets_exactly():
    data = _data(seed=3, key_of=lambda n: Decimal(n) / 2)
    start, end = ("PRECEDING", Decimal("1.5")), ("FOLLOWING", Decimal("0.5"))
    frame = "RANGE BETWEEN 1.5 PRECEDING AND 0.5 FOLLOWING"
    expected = _expected(data, start, end, descending=False)
    assert _run(data, "DECIMAL(4, 1)", frame, descending=False) == expected
    assert _run(data, "DOUBLE", frame, descending=False) == expected


def test_rows_frames_count_rows_on_both_sides():
    data = [(i, "a", i, (i * 7) % 11 - 5) for i in range(1, 31)]
    lines = _run(data, "INT", "ROWS BETWEEN 2 PRECEDING AND 3 FOLLOWING", descending=False)
    # with unique keys, a ROWS frame of offsets is the RANGE frame of the same offsets
    assert lines == _expected(data, ("PRECEDING", 2), ("FOLLOWING", 3), descending=False)


def test_long_frames_combine_many_blocks():
    """Frames of up to 257 rows: nine levels of doubling, checked against Polars' rolling
    sums and minimums (a centred ROWS window)."""
    values = pl.Series("v", [((i * 37) % 101) - 50 for i in range(1000)], dtype=pl.Int64)
    position = pl.int_range(pl.len(), dtype=pl.Int64)
    lo, hi = (position - 128).clip(0, 1000), (position + 129).clip(0, 1000)
    out = pl.DataFrame(values).select(
        s=frames.aggregate("SUM", pl.col("v"), lo, hi),
        mn=frames.aggregate("MIN", pl.col("v"), lo, hi),
    )
    centred = pl.DataFrame(values).select(
        s=pl.col("v").rolling_sum(257, center=True, min_samples=1),
        mn=pl.col("v").rolling_min(257, center=True, min_samples=1),
    )
    assert out.to_dict(as_series=False) == centred.to_dict(as_series=False)


def test_empty_frames_give_null_and_a_count_of_zero():
    out = pl.DataFrame({"v": [1, 2, 3]}).select(
        c=frames.aggregate("COUNT", None, pl.lit(2), pl.Series([2, 1, 0])),
        s=frames.aggregate("SUM", pl.col("v"), pl.lit(2), pl.Series([2, 1, 0])),
        one=frames.aggregate("COUNT", pl.lit(1), pl.lit(0), pl.Series([3, 1, 0])),
    )
    expected = {"c": [0, 0, 0], "s": [None, None, None], "one": [3, 1, 0]}
    assert out.to_dict(as_series=False) == expected


@pytest.mark.parametrize(
    "over, message",
    [
        ("ORDER BY k, v RANGE 1 PRECEDING", "RANGE clause cannot be used with compound ORDER BY"),
        ("ORDER BY k RANGE 1 PRECEDING", "Data type of ORDER BY prohibits use of RANGE clause"),
        ("RANGE 1 PRECEDING", "Window specification must contain an ORDER BY clause"),
        ("ORDER BY v RANGE INTERVAL '1' DAY PRECEDING", "Data Type mismatch between ORDER BY"),
        ("ORDER BY d RANGE 1 PRECEDING", "Data Type mismatch between ORDER BY and RANGE"),
        ("ORDER BY d RANGE INTERVAL '1' MONTH PRECEDING", "INTERVAL_YEAR_MONTH type is not"),
        ("ORDER BY ts RANGE INTERVAL '1' HOUR PRECEDING", "RANGE with an INTERVAL offset over"),
        ("ORDER BY v ROWS 1.5 PRECEDING", "ROWS value must be a non-negative integral constant"),
        (
            "ORDER BY v RANGE BETWEEN CURRENT ROW AND 1 PRECEDING",
            "Upper frame boundary cannot be PRECEDING when lower boundary is CURRENT ROW",
        ),
        ("ORDER BY v RANGE BETWEEN 1 PRECEDING AND k", "expected a number, an INTERVAL"),
    ],
)
def test_frames_flink_refuses_are_located_errors(over, message):
    sql = (
        "CREATE TEMPORARY TABLE out1 (v INT) WITH ('connector' = 'print');\n"
        "CREATE TEMPORARY VIEW t (k, v, d, ts) AS VALUES "
        "('a', 1, DATE '2024-01-01', TIMESTAMP '2024-01-01 00:00:00');\n"
        f"INSERT INTO out1 SELECT CAST(COUNT(*) OVER ({over}) AS INT) FROM t;"
    )
    with pytest.raises(SqlError) as caught:
        load_source(sql, "t.sql", {})
    assert message in str(caught.value)
    assert "t.sql:3:" in str(caught.value)


def test_last_value_reads_peers_of_every_order_key():
    """The default frame with ORDER BY a, b ends at the last row equal on both keys."""
    sql = (
        "CREATE TEMPORARY TABLE out1 (i INT, l INT, f INT) WITH ('connector' = 'print');\n"
        "CREATE TEMPORARY VIEW t (i, a, b, x) AS VALUES (1, 1, 'p', 10), (2, 1, 'p', 20), "
        "(3, 1, 'q', CAST(NULL AS INT)), (4, 2, 'p', 40);\n"
        "INSERT INTO out1 SELECT i, LAST_VALUE(x) OVER w, FIRST_VALUE(x) OVER w "
        "FROM t WINDOW w AS (ORDER BY a, b) ORDER BY i;"
    )
    assert printed_lines(sql) == [
        "+I[1, 20, 10]",
        "+I[2, 20, 10]",
        "+I[3, 20, 10]",
        "+I[4, 40, 10]",
    ]
