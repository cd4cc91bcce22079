"""Sinks as Flink writes them: `print` rows as `+I[1, 好東西, positive, positive]`, `blackhole`.

Formatting is here; where the lines go (stdout, stderr, the Dagster log) is the caller's choice.
"""

from __future__ import annotations

import datetime as dt
import math
from decimal import Decimal
from typing import Iterator

import polars as pl

from bailian_assets.planning.connectors import TableSpec


def format_value(value: object) -> str:
    """A value as Java's toString prints it inside a Flink Row."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return java_double(value)
    if isinstance(value, Decimal):  # DecimalData.toString: plain, every digit of the scale
        return f"{value:f}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(format_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{format_value(k)}={format_value(v)}"
                               for k, v in value.items()) + "}"
    if isinstance(value, dt.datetime):
        return java_instant(value) if value.tzinfo else java_local_datetime(value)
    if isinstance(value, dt.time):
        return _java_time(value.hour, value.minute, value.second, value.microsecond)
    return str(value)


def java_local_datetime(value: dt.datetime) -> str:
    """LocalDateTime.toString: `2024-03-01T00:00` (seconds only when not zero), a fraction in
    groups of three digits (`10:20:30.500`, `.123456`)."""
    return value.strftime("%Y-%m-%dT") + _java_time(value.hour, value.minute, value.second,
                                                    value.microsecond)


def java_instant(value: dt.datetime) -> str:
    """Instant.toString (a TIMESTAMP_LTZ): UTC, seconds always, `2024-01-01T00:00:00Z`."""
    utc = value.astimezone(dt.timezone.utc)
    return utc.strftime("%Y-%m-%dT%H:%M:%S") + _fraction(utc.microsecond) + "Z"


def _java_time(hour: int, minute: int, second: int, micros: int) -> str:
    """LocalTime.toString: `13:45` (seconds only when not zero), `10:20:30.500`."""
    text = f"{hour:02d}:{minute:02d}"
    if second or micros:
        text += f":{second:02d}" + _fraction(micros)
    return text


def _fraction(micros: int) -> str:
    """A fraction of a second in groups of three digits, as java.time prints it."""
    if not micros:
        return ""
    digits = f"{micros:06d}"
    return "." + (digits[:3] if digits.endswith("000") else digits)


def java_double(value: float) -> str:
    """Double.toString: plain between 1e-3 and 1e7, else `1.5E7` style."""
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    if value == 0 or 1e-3 <= abs(value) < 1e7:
        text = repr(value)
        return text if ("." in text or "e" in text) else text + ".0"
    exact = Decimal(repr(value))
    exponent = exact.adjusted()
    mantissa = exact.scaleb(-exponent).normalize()
    text = f"{mantissa:f}"
    return f"{text if '.' in text else text + '.0'}E{exponent}"


def format_row(values: tuple, identifier: str | None = None, kind: str = "+I") -> str:
    row = f"{kind}[{', '.join(format_value(v) for v in values)}]"
    return f"{identifier}> {row}" if identifier else row


def _java_floats(frame: pl.DataFrame) -> pl.DataFrame:
    """FLOAT values (also inside lists) as the doubles of their Float.toString digits, so that
    0.1f prints `0.1` (Java's Float.toString), not the float's exact double 0.10000000149..."""
    def widened(dtype: pl.DataType) -> pl.DataType:
        if dtype == pl.Float32:
            return pl.Float64
        if isinstance(dtype, pl.List):
            return pl.List(widened(dtype.inner))
        return dtype

    def as_text(dtype: pl.DataType) -> pl.DataType:
        return pl.List(as_text(dtype.inner)) if isinstance(dtype, pl.List) else pl.String

    floats = [name for name, dtype in frame.schema.items() if widened(dtype) != dtype]
    if not floats:
        return frame
    return frame.with_columns(  # Polars writes a Float32 with its shortest digits
        pl.col(name).cast(as_text(frame.schema[name])).cast(widened(frame.schema[name]))
        for name in floats)


def print_lines(table: TableSpec, frame: pl.DataFrame) -> Iterator[str]:
    """The lines Flink's print connector writes for these rows."""
    identifier = table.options.get("print-identifier")
    for row in _java_floats(frame).iter_rows():
        yield format_row(row, identifier)  # type: ignore[arg-type]
