"""TIMESTAMP_LTZ values (instants) and the session time zone, as Flink converts them.

An instant runs as a Polars `Datetime("us", "UTC")`; a TIMESTAMP (a wall time, no zone) as a
naive `Datetime("us")`. Flink reads an instant as a wall time in the session time zone
(`SET 'table.local-time-zone'`, passed by the binder as a constant argument) wherever it needs
its fields: a CAST to a string, TIMESTAMP, DATE or TIME, EXTRACT and the field functions,
DATE_FORMAT, FLOOR/CEIL; and a wall time as an instant of that zone where one meets an instant
(a CAST, a comparison, CASE and COALESCE). Arithmetic on instants (TIMESTAMPADD, `+ INTERVAL`,
TIMESTAMPDIFF) is on the instant itself, zone-free, as in Flink.

A wall time that a zone skips (02:30 on the night clocks move forward) is moved forward by the
gap, and one it has twice (the night clocks move back) is its earlier instant: Java's
`LocalDateTime.atZone`, which Flink uses.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal
from zoneinfo import ZoneInfo

import polars as pl

# Flink's fixed offsets: `GMT+8`, `GMT+08:00`, `+08:00` (flink_settings checks the setting)
_FIXED = re.compile(r"(?:GMT|UTC)?([+-])(\d{1,2})(?::(\d{2}))?", re.IGNORECASE)
_DAY = pl.lit(dt.timedelta(days=1))  # a literal: no alias (join keys take none)


def polars_zone(name: str) -> str:
    """The session time zone as Polars names it: a TZDB id as it is, a fixed offset
    `+hh:mm`, `UTC` for `Z` and `GMT`."""
    match = _FIXED.fullmatch(name)
    if match:
        sign, hours, minutes = match.groups()
        return f"{sign}{int(hours):02d}:{minutes or '00'}"
    return "UTC" if name.upper() in ("Z", "GMT", "UTC") else name


def tzinfo(name: str) -> dt.tzinfo:
    """The session time zone for Python's datetimes (a fixed offset or a TZDB zone)."""
    zone = polars_zone(name)
    match = _FIXED.fullmatch(zone)
    if match:
        sign, hours, minutes = match.groups()
        offset = dt.timedelta(hours=int(hours), minutes=int(minutes or 0))
        return dt.timezone(-offset if sign == "-" else offset)
    return ZoneInfo(zone)


def wall_time(instant: pl.Expr, zone: str) -> pl.Expr:
    """An instant's wall time in `zone` (a naive datetime): CAST(ltz AS TIMESTAMP)."""
    return instant.dt.convert_time_zone(polars_zone(zone)).dt.replace_time_zone(None)


def instant(wall: pl.Expr, zone: str, unit: Literal["ns", "us"] = "us") -> pl.Expr:
    """The instant of a wall time in `zone`: CAST(ts AS TIMESTAMP_LTZ). A wall time the zone
    skips takes the offset in force a day before (the one before the gap), which moves it
    forward by the gap, as Java does; one the zone has twice is its earlier instant. `unit`:
    the wall time's ("ns" for a TIMESTAMP(9)), which the instant keeps."""
    name = polars_zone(zone)
    zoned = wall.dt.replace_time_zone(name, ambiguous="earliest", non_existent="null")
    before = (wall - _DAY).dt.replace_time_zone(name, ambiguous="earliest", non_existent="null")
    offset_before = (wall - _DAY) - before.dt.convert_time_zone("UTC").dt.replace_time_zone(None)
    skipped = (wall - offset_before).dt.replace_time_zone("UTC")
    return (
        pl.when(zoned.is_null() & wall.is_not_null())
        .then(skipped.dt.cast_time_unit(unit))  # (the day's shift is in microseconds)
        .otherwise(zoned.dt.convert_time_zone("UTC").dt.cast_time_unit(unit))
    )


def offset(instant: pl.Expr, zone: str) -> pl.Expr:
    """The zone's offset from UTC at an instant, a duration (+08:00 in Shanghai)."""
    return wall_time(instant, zone) - instant.dt.replace_time_zone(None)
