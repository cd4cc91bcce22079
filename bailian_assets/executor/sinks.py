"""Sinks as Flink writes them: `print` rows as `+I[1, 好東西, positive, positive]`, `blackhole`.

Formatting is here; where the lines go (stdout, stderr, the Dagster log) is the caller's choice.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterator
from decimal import Decimal

import numpy as np
import polars as pl

from bailian_assets.planning.connectors import TableSpec
from bailian_assets.sql.ast import DataType


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
        return (
            "{" + ", ".join(f"{format_value(k)}={format_value(v)}" for k, v in value.items()) + "}"
        )
    if isinstance(value, dt.datetime):
        return java_instant(value) if value.tzinfo else java_local_datetime(value)
    if isinstance(value, dt.time):
        return _java_time(value.hour, value.minute, value.second, value.microsecond)
    return str(value)


def java_local_datetime(value: dt.datetime) -> str:
    """LocalDateTime.toString: `2024-03-01T00:00` (seconds only when not zero), a fraction in
    groups of three digits (`10:20:30.500`, `.123456`)."""
    # isoformat, not strftime: `0001-01-01`, the year always of four digits as Java's
    return (
        value.date().isoformat()
        + "T"
        + _java_time(value.hour, value.minute, value.second, value.microsecond)
    )


def java_instant(value: dt.datetime) -> str:
    """Instant.toString (a TIMESTAMP_LTZ): UTC, seconds always, `2024-01-01T00:00:00Z`."""
    utc = value.astimezone(dt.UTC)
    return f"{utc.date().isoformat()}T{utc:%H:%M:%S}" + _fraction(utc.microsecond) + "Z"


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


def java_float(value: float) -> str:
    """Float.toString: the float32's own shortest digits (`0.1`, not the double
    0.10000000149011612 it widens to), laid out as Double.toString does."""
    return java_double(float(str(np.float32(value))))


def format_typed(value: object, data_type: DataType | None) -> str:
    """A value of SQL type `data_type` as Flink's print sink shows it: ARRAY `[1, 2]`, MAP
    `{a=1}` (Polars holds it as a list of {key, value} entries), ROW `+I[1, x]` nested, FLOAT
    with a float's digits. Without a type, as `format_value` guesses from the value."""
    if value is None or data_type is None:
        return format_value(value)
    name = data_type.name
    if name == "ARRAY" and isinstance(value, (list, tuple)):
        return "[" + ", ".join(format_typed(v, data_type.element) for v in value) + "]"
    if name == "MULTISET" and isinstance(value, (list, tuple)):
        # Flink prints a MULTISET as the map of each value to its count: `{a=2, b=1}`
        counts: dict = {}
        for item in value:
            counts[item] = counts.get(item, 0) + 1
        entries = [{"key": k, "value": n} for k, n in counts.items()]
        return _map_text(entries, data_type.element, DataType("INT"))
    if name == "MAP" and isinstance(value, (list, tuple)):
        return _map_text(list(value), data_type.element, data_type.value)
    if name == "ROW" and isinstance(value, dict):
        # by position: the sink's field names need not be the value's (ROW(1, 'x'))
        return format_row(tuple(value.values()), None, "+I", tuple(t for _, t in data_type.fields))
    if name == "FLOAT" and isinstance(value, float):
        return java_float(value)
    if name == "INTERVAL_DAY_TIME" and isinstance(value, int):
        return java_duration(value)
    if name == "INTERVAL_YEAR_MONTH" and isinstance(value, int):
        return f"P{value}M" if value else "P0D"  # Period.ofMonths(n).toString()
    return format_value(value)


def java_duration(micros: int) -> str:
    """Duration.toString of a DAY TO SECOND interval (held in microseconds): `PT24H`,
    `PT-1H-30M`, `PT1.5S`, `PT-0.001S`, `PT0S`; hours never become days."""
    if not micros:
        return "PT0S"
    seconds, fraction = divmod(micros, 1_000_000)  # Java's: seconds floored, fraction >= 0
    whole = seconds + 1 if seconds < 0 and fraction else seconds  # toward zero
    sign, size = (-1 if whole < 0 else 1), abs(whole)  # Java's / and % truncate toward zero
    hours, minutes, secs = (sign * part for part in (size // 3600, size % 3600 // 60, size % 60))
    text = "PT" + (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes else "")
    if not secs and not fraction and len(text) > 2:
        return text
    text += "-0" if seconds < 0 and fraction and not secs else str(secs)
    if fraction:
        digits = str((2_000_000 - fraction) if seconds < 0 else (fraction + 1_000_000))
        text += "." + digits[1:].rstrip("0")
    return text + "S"


def _map_text(entries: list[dict], key: DataType | None, value: DataType | None) -> str:
    """MAP entries ({key, value}) as Flink prints them: `{k=v, ...}` in HashMap order."""
    ordered = java_hash_map_order(entries, key)
    return (
        "{"
        + ", ".join(
            f"{format_typed(e['key'], key)}={format_typed(e['value'], value)}" for e in ordered
        )
        + "}"
    )


def java_hash_map_order(entries: list[dict], key_type: DataType | None) -> list[dict]:
    """MAP entries in the order Flink prints them: Flink's print sink turns a MAP into a
    java.util.HashMap (`new HashMap<>()`, one put per entry), whose iteration order is by
    bucket (the key's hashCode, spread, masked by the table size), then by insertion. Keys
    whose Java hash we do not model keep their insertion order. A key put twice (a MAP from
    MAP_FROM_ARRAYS can hold one) is printed once, in its first place, with its last value."""
    entries = _last_put(entries)
    hashes = [_java_hash(e["key"], key_type) for e in entries]
    if any(h is None for h in hashes):
        return entries
    capacity = 16  # HashMap's default, doubled when more than 3/4 full
    while len(entries) > capacity * 3 // 4:
        capacity *= 2
    buckets = [(h ^ (h >> 16)) & (capacity - 1) for h in hashes]  # type: ignore[operator]
    order = sorted(range(len(entries)), key=lambda i: (buckets[i], i))
    return [entries[i] for i in order]


def _last_put(entries: list[dict]) -> list[dict]:
    """The entries as a HashMap holds them after one put each: one per key (keys that cannot
    be told apart here, nested values, are all kept)."""
    try:
        keys = {e["key"] for e in entries}
    except TypeError:  # an ARRAY or ROW key: unhashable here
        return entries
    if len(keys) == len(entries):
        return entries
    held: dict[object, dict] = {}
    for entry in entries:
        if entry["key"] in held:
            held[entry["key"]] = {**held[entry["key"]], "value": entry["value"]}
        else:
            held[entry["key"]] = entry
    return list(held.values())


def _java_hash(key: object, key_type: DataType | None) -> int | None:
    """Java's hashCode of a key as an unsigned 32-bit int (String, Integer, Long, Boolean,
    Double, Float), or None for the types not modelled."""
    if key is None:
        return 0
    if isinstance(key, bool):
        return 1231 if key else 1237
    if isinstance(key, str):
        h = 0
        units = key.encode("utf-16-be")
        for i in range(0, len(units), 2):
            h = (31 * h + int.from_bytes(units[i : i + 2], "big")) & 0xFFFFFFFF
        return h
    kind = key_type.name if key_type is not None else ""
    if isinstance(key, int) and kind in ("TINYINT", "SMALLINT", "INT"):
        return key & 0xFFFFFFFF
    if isinstance(key, int) and kind == "BIGINT":
        bits = key & 0xFFFFFFFFFFFFFFFF
        return (bits ^ (bits >> 32)) & 0xFFFFFFFF
    if isinstance(key, float) and kind in ("DOUBLE", "FLOAT"):
        if kind == "FLOAT":
            return int.from_bytes(np.float32(key).tobytes(), "little")
        bits = int.from_bytes(np.float64(key).tobytes(), "little")
        return (bits ^ (bits >> 32)) & 0xFFFFFFFF
    return None


def format_row(
    values: tuple,
    identifier: str | None = None,
    kind: str = "+I",
    column_types: tuple[DataType, ...] | None = None,
) -> str:
    shown = (
        format_typed(v, column_types[i] if column_types else None) for i, v in enumerate(values)
    )
    row = f"{kind}[{', '.join(shown)}]"
    return f"{identifier}> {row}" if identifier else row


def print_lines(table: TableSpec, frame: pl.DataFrame) -> Iterator[str]:
    """The lines Flink's print connector writes for these rows (`print_chunks`, one by one)."""
    for chunk in print_chunks(table, frame):
        yield from chunk


def print_chunks(table: TableSpec, frame: pl.DataFrame) -> Iterator[list[str]]:
    """The lines Flink's print connector writes for these rows, each value shown by its
    column's declared type, in lists of a chunk of rows each (a caller loops over a list,
    not through generators, once per line).

    With 'sink.parallelism' above 1, Flink's print sink runs as that many subtasks and each
    line names its subtask (`2> +I[..]`, `id:2> +I[..]` with 'print-identifier'). Rows reach
    the subtasks round-robin (Flink's rebalance); Flink starts the round at a random subtask,
    here always at the first, and each subtask's lines come together, first subtask first, as
    a batch job's subtasks write them one after the other."""
    identifier = table.options.get("print-identifier")
    column_types = (
        tuple(c.type for c in table.columns) if len(table.columns) == frame.width else None
    )
    subtasks = int(table.options.get("sink.parallelism") or 1)  # type: ignore[call-overload]
    if subtasks <= 1:
        yield from _lines(frame, f"{identifier}> " if identifier else "", column_types)
        return
    for subtask in range(subtasks):
        prefix = f"{identifier}:{subtask + 1}" if identifier else str(subtask + 1)
        part = frame.gather_every(subtasks, offset=subtask)
        yield from _lines(part, f"{prefix}> ", column_types)


_CHUNK_ROWS = 65_536  # rows formatted at once: bounded memory, lines stream out as they come
# up to this many values, rows are formatted one by one in Python (`format_row`): a query plan
# of Polars costs more (about 0.4 ms, against about a microsecond a value)
_FEW_VALUES = 256


def _lines(
    frame: pl.DataFrame, prefix: str, column_types: tuple[DataType, ...] | None
) -> Iterator[list[str]]:
    """`prefix` then `+I[v1, v2, ...]` for each row, formatted a chunk of rows at a time."""
    if frame.height * frame.width <= _FEW_VALUES and not _has_nanoseconds(frame):
        yield [prefix + format_row(row, column_types=column_types) for row in frame.rows()]
        return
    for start in range(0, frame.height, _CHUNK_ROWS):
        chunk = frame.slice(start, _CHUNK_ROWS)
        if not chunk.width:
            yield [prefix + "+I[]"] * chunk.height
            continue
        parts = [pl.lit(prefix + "+I[")]
        for i in range(chunk.width):
            parts += [pl.lit(", ")] if i else []
            parts.append(_text_of(chunk, i, column_types[i] if column_types else None))
        parts.append(pl.lit("]"))
        # one query plan for the chunk's lines, one flat concatenation (a nested one is slower)
        yield chunk.select(pl.concat_str(parts)).to_series().to_list()


def _has_nanoseconds(frame: pl.DataFrame) -> bool:
    """A TIMESTAMP(9) column, whose nanoseconds Python's datetime (of `frame.rows()`) drops."""
    return any(isinstance(d, pl.Datetime) and d.time_unit == "ns" for d in frame.dtypes)


def _text_of(chunk: pl.DataFrame, index: int, data_type: DataType | None) -> pl.Expr:
    """Column `index` of `chunk` as text: an expression over the column where one does it,
    else the text `column_text` computes."""
    simple = _simple_text(pl.nth(index), chunk.dtypes[index])
    if simple is not None and not _is_interval(data_type):
        return simple
    return pl.lit(column_text(chunk.to_series(index), data_type))


def column_text(series: pl.Series, data_type: DataType | None) -> pl.Series:
    """Each value of `series` as `format_typed` shows it (null as `null`): built column-wise
    by Polars for the scalar types, per value in Python for the rest (MAP's HashMap order,
    nested ARRAY/ROW/MULTISET, BYTES, ...)."""
    dtype, value = series.dtype, series.alias("x")  # "x": the name could be `*` or a regex
    simple = _simple_text(pl.col("x"), dtype)
    if simple is not None and not _is_interval(data_type):
        return value.to_frame().select(simple.alias(series.name)).to_series()
    if isinstance(dtype, pl.Datetime) or dtype == pl.Time:
        text = _temporal_text(value)
    elif dtype.is_float():  # a FLOAT column's values have a float's digits, even as doubles
        as_float = data_type is not None and data_type.name == "FLOAT"
        text = java_double_text(value.cast(pl.Float32 if as_float else pl.Float64))
    else:
        texts = [format_typed(v, data_type) for v in series.to_list()]
        return pl.Series(series.name, texts, dtype=pl.String)
    return text.fill_null("null").alias(series.name)


def _is_interval(data_type: DataType | None) -> bool:
    """An INTERVAL runs as an integer (months, microseconds) but prints as Period/Duration."""
    return data_type is not None and data_type.name.startswith("INTERVAL")


def _simple_text(column: pl.Expr, dtype: pl.DataType) -> pl.Expr | None:
    """The text of a column of `dtype` as one expression, for the types whose text is Polars'
    own cast (or a lookup); None for the others (`column_text`)."""
    if dtype.is_integer() or dtype.is_decimal() or dtype in (pl.String, pl.Null, pl.Date):
        # Python's str(int), isoformat dates, Decimal's plain `:f` (every digit of the scale)
        return column.cast(pl.String).fill_null("null")
    if isinstance(dtype, (pl.Categorical, pl.Enum)):
        return column.cast(pl.String).fill_null("null")
    if dtype == pl.Boolean:
        text = column.replace_strict({True: "true", False: "false"}, return_dtype=pl.String)
        return text.fill_null("null")
    return None


def java_double_text(series: pl.Series) -> pl.Series:
    """`java_double` column-wise (`java_float` for a Float32 series), nulls kept.

    Polars casts a float to its shortest round-trip digits, the same digits as Python's repr
    (and Java's Double.toString), plain from 1e-5 to 1e16: Java's layout between 1e-3 and
    1e7, taken as it is. Only the values outside are laid out again, as `d.dddE-n`."""
    text = series.cast(pl.String)
    magnitude = series.abs()
    outside = (
        series.is_finite() & (series != 0) & ((magnitude < 1e-3) | (magnitude >= 1e7))
    ).fill_null(False)
    if outside.any():
        text = text.scatter(outside.arg_true(), _scientific(text.filter(outside)))
    return (
        pl.DataFrame({"x": series, "text": text})
        .select(
            pl.when(pl.col("x").is_nan())
            .then(pl.lit("NaN"))
            .when(pl.col("x") == float("inf"))
            .then(pl.lit("Infinity"))
            .when(pl.col("x") == float("-inf"))
            .then(pl.lit("-Infinity"))
            .otherwise(pl.col("text"))
            .alias(series.name)
        )
        .to_series()
    )


def _scientific(text: pl.Series) -> pl.Series:
    """Polars' text of finite non-zero floats (`12345678.9`, `-0.00001`, `1e+22`) in Java's
    scientific layout (`1.23456789E7`, `-1.0E-5`, `1.0E22`): the significant digits, the
    first before the point, and the decimal exponent. Each step is its own column: an
    expression used in several places would be computed again in each."""
    significant = pl.col("significant")
    return (
        pl.DataFrame({"text": text})
        .with_columns(
            pl.col("text").str.strip_prefix("-").str.split_exact("e", 1).struct.unnest()
        )  # field_0: the digits with their point, field_1: the exponent after `e`, if any
        .with_columns(
            pl.col("field_0").str.split_exact(".", 1).struct.rename_fields(["whole", "part"]),
            shift=pl.col("field_1").cast(pl.Int64).fill_null(0),
        )
        .unnest("field_0")
        .with_columns(digits=pl.col("whole") + pl.col("part").fill_null(""))
        .with_columns(significant=pl.col("digits").str.strip_chars_start("0"))
        .select(
            pl.when(pl.col("text").str.starts_with("-")).then(pl.lit("-")).otherwise(pl.lit(""))
            + significant.str.slice(0, 1)
            + pl.lit(".")
            + significant.str.slice(1).str.strip_chars_end("0").replace("", "0")
            + pl.lit("E")
            + (
                pl.col("shift")
                + pl.col("whole").str.len_chars().cast(pl.Int64)
                - 1
                - (pl.col("digits").str.len_chars() - significant.str.len_chars())
            ).cast(pl.String)
        )
        .to_series()
    )


def _temporal_text(series: pl.Series) -> pl.Series:
    """`java_local_datetime`, `java_instant` (in UTC, seconds always, `Z`) or `_java_time`
    column-wise, nulls kept. Each part is computed once, as its own column. A fraction shows
    in groups of three digits, as java.time does: up to nine for a TIMESTAMP(9)'s nanoseconds;
    a time's, held in nanoseconds, is cut to microseconds as Python's time takes it."""
    x = pl.col("x")
    instant = isinstance(series.dtype, pl.Datetime) and series.dtype.time_zone is not None
    if instant:
        x = x.dt.convert_time_zone("UTC")
    head = "%H:%M" if series.dtype == pl.Time else "%Y-%m-%dT%H:%M"
    nanosecond = isinstance(series.dtype, pl.Datetime) and series.dtype.time_unit == "ns"
    parts = pl.DataFrame({"x": series}).select(
        head=x.dt.strftime(head + (":%S" if instant else "")),
        second=x.dt.second(),
        nanos=(
            x.dt.nanosecond().cast(pl.Int64)
            if nanosecond
            else x.dt.microsecond().cast(pl.Int64) * 1000
        ),
    )
    second, nanos = pl.col("second"), pl.col("nanos")
    fraction = (  # `_fraction`: nothing, `.500`, `.123456` or `.123456789`
        pl.when(nanos == 0)
        .then(pl.lit(""))
        .when(nanos % 1_000_000 == 0)
        .then(pl.lit(".") + (nanos // 1_000_000).cast(pl.String).str.zfill(3))
        .when(nanos % 1000 == 0)
        .then(pl.lit(".") + (nanos // 1000).cast(pl.String).str.zfill(6))
        .otherwise(pl.lit(".") + nanos.cast(pl.String).str.zfill(9))
    )
    if instant:
        tail = fraction + pl.lit("Z")
    else:  # seconds and fraction only when not zero
        tail = (
            pl.when((second != 0) | (nanos != 0))
            .then(pl.lit(":") + second.cast(pl.String).str.zfill(2) + fraction)
            .otherwise(pl.lit(""))
        )
    return parts.select((pl.col("head") + tail).alias(series.name)).to_series()
