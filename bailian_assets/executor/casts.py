"""CAST and TRY_CAST as Flink 2.3 runs them, from the source type to the target type.

A value that does not convert fails the job under CAST (Flink's run-time exception; the text
names the value) and is NULL under TRY_CAST. Flink's conversions, where Polars' differ:
- to BOOLEAN: the strings 'true', 't', 'yes', 'y', '1' are TRUE and 'false', 'f', 'no', 'n',
  '0' FALSE (any case, not trimmed); a number is TRUE unless it is zero;
- to a string: TRUE is 'TRUE', a DOUBLE or FLOAT reads as Java's toString (`1.0E7`), a TIMESTAMP
  as `2024-03-01 08:05:00.120` with the digits of its precision; VARCHAR(n) truncates to n
  characters, CHAR(n) truncates and pads with spaces to n;
- to DECIMAL(p, s) (`executor/decimals.py`): HALF_UP to the scale, NULL when a number does
  not fit the precision (under CAST too), a string that does not fit fails, and a string that
  is no number is read as Flink reads it ('' and 'abc' fail, 'x' is 0);
- to an integer: the string is trimmed (' 7 ' is 7), a fraction cut ('1.5' is 1, '.5' 0); a
  wider integer wraps around (300 as TINYINT is 44), a fraction is cut toward zero; a DOUBLE or
  FLOAT converts as Java's `(int) d` does: cut toward zero, held at the INT's (BIGINT's)
  bounds, NaN 0, and to TINYINT or SMALLINT that INT wrapped (6666.9 as TINYINT is 10);
- to DATE: 'y[-m[-d]]' (`'12'` is 0012-01-01), text after a space ignored, no impossible dates;
- to TIMESTAMP(p): 'yyyy-mm-dd[ hh:mm:ss[.fffffffff]]' (no ISO 'T'), cut to p digits.
"""

from __future__ import annotations

import polars as pl

from bailian_assets.executor import decimals, guards
from bailian_assets.executor.datetime_text import (
    parse_date,
    parse_time,
    parse_timestamp,
    parse_timestamp_nanos,
)
from bailian_assets.executor.dtypes import time_unit, to_polars
from bailian_assets.executor.functions.common import rowwise
from bailian_assets.executor.sinks import java_double_text
from bailian_assets.planning import types
from bailian_assets.sql.ast import DataType

_TRUE = ["true", "t", "yes", "y", "1"]
_FALSE = ["false", "f", "no", "n", "0"]
_INTEGERS = ("TINYINT", "SMALLINT", "INT", "BIGINT")
_DEFAULT_TIMESTAMP_PRECISION = 6


def compile_cast(inner: pl.Expr, source: DataType, target: DataType, safe: bool) -> pl.Expr:
    """The Polars expression of CAST(inner AS target) (TRY_CAST when `safe`)."""
    name = target.name
    if name == "DECIMAL":  # NULL when too big (text: fails), text as Flink reads it
        if types.is_character(source):
            return decimals.from_text(inner, target, safe)
        return decimals.fit(inner, source, target)
    if name == "BOOLEAN":
        converted = _to_boolean(inner, source)
    elif types.is_character(target):
        return _to_text(inner, source, target)  # every value has a text
    elif name in _INTEGERS and types.is_character(source):  # '1.5' is 1, '1e3' no integer
        whole = inner.str.extract(r"^\s*([+-]?\d+)(?:\.\d*)?\s*$")
        fraction = inner.str.contains(r"^\s*[+-]?\.\d*\s*$")  # '.5' and '.' are 0 in Flink
        converted = pl.when(fraction).then(0).otherwise(whole).cast(to_polars(target), strict=False)
    elif name in _INTEGERS and source.name in _INTEGERS:
        return inner.cast(to_polars(target), wrap_numerical=True)
    elif name in _INTEGERS and source.name in ("FLOAT", "DOUBLE"):
        return _java_narrowing(inner, target)
    elif name in ("FLOAT", "DOUBLE") and types.is_character(source):
        converted = inner.str.strip_chars().cast(to_polars(target), strict=False)
    elif name == "DATE":
        converted = _to_date(inner, source)
    elif name == "TIMESTAMP":
        converted = _to_timestamp(inner, source, target)
    elif name == "TIMESTAMP_LTZ" and source.name == "TIMESTAMP_LTZ":  # others: the binder's
        return cut_timestamp(inner, target)
    elif name == "TIME" and types.is_character(source):
        converted = cut_time(rowwise(parse_time, [inner], pl.Time), target)
    elif name == "TIME":  # of a TIME or TIMESTAMP: its fraction cut to the target's digits
        return cut_time(inner.cast(pl.Time), target)
    elif name == "ROW" and source.name == "ROW" and len(source.fields) == len(target.fields):
        return _to_row(inner, source, target, safe)
    elif name == "ARRAY" and source.name == "ARRAY" and _has_row(target.element):
        assert source.element is not None and target.element is not None  # ARRAY types have one
        element = compile_cast(pl.element(), source.element, target.element, safe)
        return inner.list.eval(element)
    else:
        return inner.cast(to_polars(target), strict=not safe)
    if safe or _never_fails(source, target) or not guards.checking():
        return converted
    return _strict(inner, converted, target)


def _never_fails(source: DataType, target: DataType) -> bool:
    """A date or time cast to a DATE or TIMESTAMP: every value converts, so no row-by-row
    check (a Python function: no join key may hold one, and no filter holding one is pushed
    down)."""
    return target.name in ("DATE", "TIMESTAMP") and source.name in _DATE_TIMES


_DATE_TIMES = ("DATE", "TIMESTAMP", "TIMESTAMP_LTZ")


def _java_narrowing(inner: pl.Expr, target: DataType) -> pl.Expr:
    """Java's cast of a double to an integer type: toward zero, saturated at the bounds of
    an int (a long for BIGINT), NaN 0; a byte or short is that int wrapped around."""
    wide = pl.Int64 if target.name == "BIGINT" else pl.Int32
    low, high = (-(2**63), 2**63 - 1) if wide == pl.Int64 else (-(2**31), 2**31 - 1)
    x = inner.cast(pl.Float64)
    whole = (
        pl.when(x.is_nan())
        .then(pl.lit(0, dtype=wide))
        .when(x >= float(high))
        .then(pl.lit(high, dtype=wide))
        .when(x <= float(low))
        .then(pl.lit(low, dtype=wide))
        .otherwise(x.cast(wide, strict=False))
    )
    return whole.cast(to_polars(target), wrap_numerical=True)


def _to_row(inner: pl.Expr, source: DataType, target: DataType, safe: bool) -> pl.Expr:
    """ROW to ROW: field by field in order, each cast and renamed (ROW(1, 'x') has fields
    EXPR$0, EXPR$1); a NULL row stays NULL."""
    fields = [
        compile_cast(inner.struct.field(s_name), s_type, t_type, safe).alias(t_name)
        for (s_name, s_type), (t_name, t_type) in zip(source.fields, target.fields, strict=False)
    ]
    return pl.when(inner.is_not_null()).then(pl.struct(fields))


def _has_row(t: DataType | None) -> bool:
    """Does a value of `t` hold a ROW (whose fields Polars would cast by name, not place)?"""
    if t is None:
        return False
    return t.name == "ROW" or _has_row(t.element) or _has_row(t.value)


def _strict(inner: pl.Expr, converted: pl.Expr, target: DataType) -> pl.Expr:
    """`converted`, failing the job where a value did not convert (non-NULL in, NULL out)."""
    dtype = to_polars(target)

    def check(pair: pl.Series) -> pl.Series:
        values, results = pair.struct.field("in"), pair.struct.field("out")
        failed = values.is_not_null() & results.is_null()
        if failed.any():
            raise ValueError(_failure(values.filter(failed)[0], target))
        return results

    return pl.struct(inner.alias("in"), converted.alias("out")).map_batches(
        check, return_dtype=dtype, is_elementwise=guards.row_by_row()
    )


def _failure(value: object, target: DataType) -> str:
    """Flink's exception for a value CAST could not convert."""
    text = str(value)
    if target.name in _INTEGERS:
        return f"NumberFormatException: For input string: '{text}'. Invalid character found."
    if target.name == "TIMESTAMP" and "T" in text:  # the common mistake: an ISO timestamp
        return (
            f"DateTimeParseException: Text '{text}' could not be parsed, unparsed text "
            f"found at index {text.index('T')}"
        )
    return f"Cannot parse '{text}' as {types.sql_name(target)}."


def _to_boolean(inner: pl.Expr, source: DataType) -> pl.Expr:
    if types.is_character(source):
        word = inner.str.to_lowercase()  # not trimmed: ' yes' is no BOOLEAN
        return (
            pl.when(word.is_in(_TRUE))
            .then(True)
            .when(word.is_in(_FALSE))
            .then(False)
            .otherwise(None)
        )
    if types.is_numeric(source):
        return inner != 0
    return inner.cast(pl.Boolean, strict=False)


def _to_text(inner: pl.Expr, source: DataType, target: DataType) -> pl.Expr:
    name = source.name
    if name == "BOOLEAN":
        # a chain of when/then is an Expr: NULL where neither test holds
        text: pl.Expr = pl.when(inner).then(pl.lit("TRUE")).when(~inner).then(pl.lit("FALSE"))
    elif name in ("DOUBLE", "FLOAT"):  # Double/Float.toString, column-wise (the print sink's)
        width = pl.Float64 if name == "DOUBLE" else pl.Float32
        text = inner.cast(width).map_batches(
            java_double_text, return_dtype=pl.String, is_elementwise=guards.row_by_row()
        )
    elif name in ("TIMESTAMP", "TIMESTAMP_LTZ"):
        # the binder gives a CAST of an instant its wall time in the session zone; an instant
        # still here is a ROW's field, written in UTC (Flink: in the session zone, not done)
        text = _timestamp_text(inner, source)
    elif name == "INTERVAL_YEAR_MONTH":  # +2-03
        months = inner.abs()
        text = pl.format(
            "{}{}-{}",
            pl.when(inner < 0).then(pl.lit("-")).otherwise(pl.lit("+")),
            months // 12,
            (months % 12).cast(pl.String).str.zfill(2),
        )
    elif name == "INTERVAL_DAY_TIME":  # +1 02:03:04.500 (microseconds: milliseconds shown)
        millis = inner.abs() // 1000
        clock = [(millis // 3_600_000) % 24, (millis // 60_000) % 60, (millis // 1000) % 60]
        text = pl.format(
            "{}{} {}:{}:{}.{}",
            pl.when(inner < 0).then(pl.lit("-")).otherwise(pl.lit("+")),
            millis // 86_400_000,
            *(part.cast(pl.String).str.zfill(2) for part in clock),
            (millis % 1000).cast(pl.String).str.zfill(3),
        )
    else:
        text = inner.cast(pl.String)
    length = target.params[0] if target.params else None
    if length is None or target.name == "STRING":
        return text
    text = text.str.slice(0, length)
    return text.str.pad_end(length) if target.name == "CHAR" else text


def _precision(t: DataType) -> int:
    return t.params[0] if t.params else _DEFAULT_TIMESTAMP_PRECISION


def _timestamp_text(inner: pl.Expr, source: DataType) -> pl.Expr:
    """`2024-03-01 08:05:00.120`: the declared precision's digits, none for TIMESTAMP(0)."""
    precision = _precision(source)
    text = inner.dt.strftime("%Y-%m-%d %H:%M:%S")
    if precision == 0:
        return text
    fraction = inner.dt.strftime("%9f").str.slice(0, min(precision, 9))
    return text + "." + fraction.str.pad_end(precision, "0")


def _to_date(inner: pl.Expr, source: DataType) -> pl.Expr:
    if types.is_character(source):
        return rowwise(parse_date, [inner], pl.Date)
    if source.name in ("TIMESTAMP", "TIMESTAMP_LTZ"):
        return inner.dt.date()
    return inner.cast(pl.Date, strict=False)


def _to_timestamp(inner: pl.Expr, source: DataType, target: DataType) -> pl.Expr:
    unit = time_unit(target)  # nanoseconds for TIMESTAMP(7) to (9)
    if types.is_character(source) and unit == "ns":
        value = rowwise(parse_timestamp_nanos, [inner], pl.Int64).cast(pl.Datetime("ns"))
    elif types.is_character(source):
        value = rowwise(parse_timestamp, [inner], pl.Datetime("us"))
    elif source.name == "DATE":
        value = inner.cast(pl.Datetime(unit))
    else:
        value = inner.cast(pl.Datetime(unit), strict=False)
    return cut_timestamp(value, target)


def cut_time(value: pl.Expr, target: DataType) -> pl.Expr:
    """A time of day cut to the fraction digits of TIME(p) (TIME alone: 0, as in Flink)."""
    digits = target.params[0] if target.params else 0
    if digits >= 9:
        return value
    unit = 10 ** (9 - digits)  # Polars' times are nanoseconds since midnight
    return (value.cast(pl.Int64) // unit * unit).cast(pl.Time)


def cut_timestamp(value: pl.Expr, target: DataType) -> pl.Expr:
    """A timestamp (or an instant) cut to the fraction digits of `target`."""
    precision = _precision(target)
    if precision in (6, 9):
        return value
    if precision > 6:  # TIMESTAMP(7), (8): nanoseconds
        return value.dt.truncate(f"{10 ** (9 - precision)}ns")
    return value.dt.truncate(f"{10 ** (6 - precision)}us")
