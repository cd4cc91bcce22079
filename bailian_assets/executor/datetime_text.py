"""Flink's texts of dates and timestamps, read as CAST reads them (and TO_TIMESTAMP,
TO_DATE, DATE_FORMAT of a STRING without a pattern)."""

from __future__ import annotations

import datetime as dt
import re

_TIMESTAMP = re.compile(
    r"\s*(\d{1,9})-(\d{1,2})-(\d{1,2})"
    r"(?: (\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.(\d{1,9}))?)?\s*"
)


def parse_date(text: str) -> dt.date | None:
    """Flink's date text: 'y', 'y-m' or 'y-m-d' (1-based, text after a space ignored)."""
    head = text.strip().split(" ", 1)[0]
    parts = head.split("-")
    if len(parts) > 3 or not all(p.isdigit() for p in parts):
        return None
    numbers = [int(p) for p in parts] + [1] * (3 - len(parts))
    try:
        return dt.date(*numbers)
    except ValueError:
        return None


def parse_timestamp(text: str) -> dt.datetime | None:
    """Flink's timestamp text: 'yyyy-mm-dd[ hh:mm:ss[.fffffffff]]' (no ISO 'T')."""
    match = _TIMESTAMP.fullmatch(text)
    if match is None:
        return None
    year, month, day, hour, minute, second, fraction = match.groups()
    micros = int((fraction or "0")[:6].ljust(6, "0"))
    try:
        return dt.datetime(
            int(year),
            int(month),
            int(day),
            int(hour or 0),
            int(minute or 0),
            int(second or 0),
            micros,
        )
    except ValueError:
        return None


_EPOCH = dt.datetime(1970, 1, 1)


def parse_timestamp_nanos(text: str) -> int | None:
    """`parse_timestamp` to the nanosecond (TIMESTAMP(7) to (9)): nanoseconds since the epoch,
    None where the text is no timestamp or the value is outside what 64 bits of them hold."""
    value = parse_timestamp(text)
    match = _TIMESTAMP.fullmatch(text)
    if value is None or match is None:
        return None
    extra = int((match.group(7) or "0")[:9].ljust(9, "0")[6:])  # below the microsecond
    nanos = (value - _EPOCH) // dt.timedelta(microseconds=1) * 1000 + extra
    return nanos if -(2**63) <= nanos < 2**63 else None


_TIME = re.compile(r"\s*(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.(\d{1,9}))?)?\s*")


def parse_time(text: str) -> dt.time | None:
    """Flink's time text: 'hh:mm[:ss[.fff]]'."""
    match = _TIME.fullmatch(text)
    if match is None:
        return None
    hour, minute, second, fraction = match.groups()
    try:
        return dt.time(
            int(hour), int(minute), int(second or 0), int((fraction or "0")[:6].ljust(6, "0"))
        )
    except ValueError:
        return None
