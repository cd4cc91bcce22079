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
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(format_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{format_value(k)}={format_value(v)}"
                               for k, v in value.items()) + "}"
    if isinstance(value, dt.datetime):
        return value.isoformat()
    return str(value)


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


def print_lines(table: TableSpec, frame: pl.DataFrame) -> Iterator[str]:
    """The lines Flink's print connector writes for these rows."""
    identifier = table.options.get("print-identifier")
    for row in frame.iter_rows():
        yield format_row(row, identifier)  # type: ignore[arg-type]
