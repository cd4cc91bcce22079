"""Polars implementations of the date and time functions declared in
`planning/functions/temporal.py`.

Java date patterns (`yyyy-MM-dd HH:mm:ss`, Flink's) become strftime patterns through
`java_pattern`. The functions of the session time zone get it as their last argument (the
binder's). Parsing is Flink's: text that does not parse is NULL, never an error."""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re

import polars as pl

from bailian_assets.executor import guards, time_zones
from bailian_assets.executor.datetime_text import parse_date, parse_timestamp
from bailian_assets.executor.dtypes import TimeUnit, time_unit
from bailian_assets.executor.functions.common import Implementation, rowwise
from bailian_assets.executor.functions.common import const as _const
from bailian_assets.planning import bound

_LONG_MIN = -(2**63)
_MICROS = {
    "WEEK": 604_800_000_000,
    "DAY": 86_400_000_000,
    "HOUR": 3_600_000_000,
    "MINUTE": 60_000_000,
    "SECOND": 1_000_000,
    "MILLISECOND": 1_000,
    "MICROSECOND": 1,
}
_MONTHS = {"YEAR": 12, "QUARTER": 3, "MONTH": 1}
_DEFAULT_FORMAT = "yyyy-MM-dd HH:mm:ss"
# Java's pattern letters (SimpleDateFormat / DateTimeFormatter) -> strftime, longest first
# (a single letter is unpadded: `d` prints 4, `dd` 04)
_JAVA_LETTERS = {
    "yyyy": "%Y",
    "yy": "%y",
    "y": "%Y",
    "MMMM": "%B",
    "MMM": "%b",
    "MM": "%m",
    "M": "%-m",
    "dd": "%d",
    "d": "%-d",
    "HH": "%H",
    "H": "%-H",
    "hh": "%I",
    "h": "%-I",
    "mm": "%M",
    "m": "%-M",
    "ss": "%S",
    "s": "%-S",
    "SSSSSSSSS": "%9f",  # formatting only: Python's strptime reads six digits at most
    "SSSSSS": "%f",
    "SSS": "%3f",
    "EEEE": "%A",
    "EEE": "%a",
    "E": "%a",
    "a": "%p",
    "DDD": "%j",
    "D": "%-j",
}


# Java's week fields (US: weeks start on Sunday, week 1 holds January 1), which strftime has
# not: formatted as a marker `_date_format` replaces (`ww` 01, `w` 1, `YYYY`/`Y` 2025, `YY` 25)
_WEEK_MARKERS = {"ww": "\x00ww\x00", "w": "\x00w\x00", "YY": "\x00YY\x00"}
_WEEK_MARKERS.update({"Y": "\x00YYYY\x00", "YYYY": "\x00YYYY\x00"})


def java_pattern(pattern: str, parsing: bool = False) -> str:
    """A Java date pattern as strftime: letters by runs, '...' quoted text kept as is."""
    out = []
    for match in re.finditer(r"'([^']*)'|([A-Za-z])\2*|[^A-Za-z']+", pattern):
        quoted, run = match.group(1), match.group(0)
        if quoted is not None:
            out.append(quoted.replace("%", "%%") or "'")
        elif run in _WEEK_MARKERS and not parsing:
            out.append(_WEEK_MARKERS[run])
        elif run[0].isalpha():
            code = _JAVA_LETTERS.get(run) or _JAVA_LETTERS.get(run[0])
            if code is None:
                raise ValueError(f"Unknown pattern letter: {run[0]}")
            if parsing and code == "%9f":
                raise ValueError(f"Unknown pattern letter: {run[0]} (nine digits, to parse)")
            if parsing:  # Python's strptime: %d reads 1 or 2 digits, %f 1 to 6
                code = "%f" if code == "%3f" else code.replace("-", "")
            out.append(code)
        else:
            out.append(run.replace("%", "%%"))
    return "".join(out)


def _date_format(a, raw):
    value = a[0]
    if raw[0].type.name in ("CHAR", "VARCHAR", "STRING"):  # a STRING holding a timestamp
        value = rowwise(parse_timestamp, [value], pl.Datetime("us"))
    value = value.cast(pl.Datetime(time_unit(raw[0].type)))  # a TIMESTAMP(9): nanoseconds
    if not isinstance(raw[1], bound.Literal):  # a format per row
        return _per_pattern(value, a[1], lambda v, p: _formatted(v, java_pattern(p)), pl.String)
    if raw[1].value is None:
        return pl.lit(None, dtype=pl.String)
    return _formatted(value, java_pattern(str(raw[1].value)))


def _per_pattern(value: pl.Expr, pattern: pl.Expr, build, dtype) -> pl.Expr:
    """`build(value, p)` computed by Polars over the rows of each distinct pattern `p` of a
    format column; NULL where the pattern is NULL."""

    def run(pairs: pl.Series) -> pl.Series:
        frame = pairs.struct.unnest()
        answer = pl.Series(pairs.name, [None] * len(frame), dtype=dtype)
        for each in frame["p"].drop_nulls().unique():
            where = (frame["p"] == each).fill_null(False)
            done = frame.filter(where).select(build(pl.col("v"), each)).to_series()
            answer = answer.scatter(where.arg_true(), done)
        return answer

    pairs = pl.struct(value.alias("v"), pattern.alias("p"))
    return pairs.map_batches(run, return_dtype=dtype, is_elementwise=guards.row_by_row())


def _formatted(value: pl.Expr, pattern: str) -> pl.Expr:
    """TIMESTAMP `value` as text in `pattern` (`java_pattern`'s, Java's week fields marked)."""
    text = value.dt.strftime(pattern)
    if "\x00" not in pattern:
        return text
    week, year = _us_week(value.dt.date())
    fields = {"ww": week.cast(pl.String).str.zfill(2), "w": week.cast(pl.String)}
    fields.update({"YYYY": year.cast(pl.String), "YY": (year % 100).cast(pl.String).str.zfill(2)})
    for letters, field in fields.items():
        text = text.str.replace_all(f"\x00{letters}\x00", field, literal=True)
    return text


def _us_week(day: pl.Expr) -> tuple[pl.Expr, pl.Expr]:
    """(week of the week-based year, that year) in Java's US rules: a week runs Sunday to
    Saturday, and week 1 is the one that holds January 1 (2024-12-31 is week 1 of 2025)."""
    sunday = day - pl.duration(days=day.dt.weekday() % 7)  # weekday: Monday 1 ... Sunday 7
    year = (sunday + pl.duration(days=6)).dt.year()
    first = pl.date(year, 1, 1)
    first_sunday = first - pl.duration(days=first.dt.weekday() % 7)
    return (sunday - first_sunday).dt.total_days() // 7 + 1, year


def _parser(default, raw, what: str):
    """The text -> value function of TO_TIMESTAMP/TO_DATE: the default form, or a constant
    pattern (an unknown pattern letter fails here)."""
    if len(raw) < 2:
        return default
    pattern = str(_const(raw, 1, what))
    _strptime_pattern(pattern)
    return lambda text: _parse_with(text, pattern)


def _to_timestamp(a, raw):
    if len(raw) > 1 and not isinstance(raw[1], bound.Literal):  # a format per row
        return rowwise(_parse_with, a[:2], pl.Datetime("us")).dt.truncate("1ms")
    parse = _parser(parse_timestamp, raw, "TO_TIMESTAMP format")
    return rowwise(parse, a[:1], pl.Datetime("us")).dt.truncate("1ms")


def _to_date(a, raw):
    if len(raw) > 1 and not isinstance(raw[1], bound.Literal):
        return rowwise(lambda text, pattern: _day(_parse_with(text, pattern)), a[:2], pl.Date)
    parse = _parser(parse_date, raw, "TO_DATE format")
    as_date = (lambda text: _day(parse(text))) if len(raw) > 1 else parse
    return rowwise(as_date, a[:1], pl.Date)


def _parse_with(text: str, pattern: str) -> dt.datetime | None:
    """`text` read with a Java pattern: NULL when it does not match, and, as in Flink, when
    the pattern of a row has an unknown letter (a constant one is refused by `_parser`)."""
    try:
        return dt.datetime.strptime(text, _strptime_pattern(pattern))
    except ValueError:
        return None


@functools.lru_cache(maxsize=256)
def _strptime_pattern(pattern: str) -> str:
    return java_pattern(pattern, parsing=True)


def _day(value):
    return value.date() if value is not None else None


def _zone_name(raw) -> str:
    """The session time zone, the last argument of a function in `ZONED` (the binder's)."""
    return str(_const(raw, len(raw) - 1, "time zone"))


def _zone(raw) -> dt.tzinfo:
    return time_zones.tzinfo(_zone_name(raw))


def _to_timestamp_ltz(a, raw):
    """Epoch seconds (precision 0) or milliseconds (3, the default) -> an instant."""
    precision = int(_const(raw, 1, "TO_TIMESTAMP_LTZ precision")) if len(raw) > 2 else 3
    if precision not in (0, 3):
        raise ValueError(
            f"TO_TIMESTAMP_LTZ: precision {precision} is not supported "
            "(0 for seconds, 3 for milliseconds)"
        )
    micros = (a[0].cast(pl.Float64) * (1_000_000 if precision == 0 else 1_000)).cast(pl.Int64)
    return micros.cast(pl.Datetime("us", "UTC")).dt.truncate("1ms")


def _unix_timestamp(a, raw):
    zone = _zone(raw)
    if len(raw) == 1:
        return pl.lit(int(dt.datetime.now().timestamp()), dtype=pl.Int64)

    def seconds(text: str, java: str = _DEFAULT_FORMAT):
        pattern = _strptime_pattern(java)
        try:
            local = dt.datetime.strptime(text, pattern)
        except ValueError as error:  # Java's SimpleDateFormat reads a prefix: text after it
            rest = str(error).removeprefix("unconverted data remains: ")  # is ignored
            if rest == str(error) or not rest or not text.endswith(rest):
                return _LONG_MIN  # Flink's answer for text that does not parse
            try:
                local = dt.datetime.strptime(text[: -len(rest)], pattern)
            except ValueError:
                return _LONG_MIN
        return int(local.replace(tzinfo=zone).timestamp())

    if len(raw) > 2 and not isinstance(raw[1], bound.Literal):  # a format per row
        return rowwise(seconds, a[:2], pl.Int64)
    java = str(_const(raw, 1, "UNIX_TIMESTAMP format")) if len(raw) > 2 else _DEFAULT_FORMAT
    _strptime_pattern(java)  # an unknown pattern letter fails here
    return rowwise(lambda text: seconds(text, java), a[:1], pl.Int64)


def _from_unixtime(a, raw):
    zone = _zone(raw)
    if len(raw) > 2 and not isinstance(raw[1], bound.Literal):  # a format per row
        return rowwise(
            lambda s, java: unixtime_text(s, zone, _format_pattern(java)), a[:2], pl.String
        )
    pattern = java_pattern(
        str(_const(raw, 1, "FROM_UNIXTIME format")) if len(raw) > 2 else _DEFAULT_FORMAT
    )
    return rowwise(lambda s: unixtime_text(s, zone, pattern), a[:1], pl.String)


@functools.lru_cache(maxsize=256)
def _format_pattern(pattern: str) -> str:
    return java_pattern(pattern)


_CYCLE = 146_097 * 86_400  # seconds in 400 Gregorian years, after which the calendar repeats
_YEAR_5000 = 95_617_584_000  # 5000-01-01T00:00:00Z, the middle of Python's years


def unixtime_text(seconds: int, zone: dt.tzinfo, pattern: str) -> str:
    """FROM_UNIXTIME as Flink computes it: the seconds as Java milliseconds, a `long` that
    wraps past 2^63 (FROM_UNIXTIME(99999999999999999) is year 246105574 in Flink), shown in
    `zone` by the strftime `pattern` with Java's calendar: Julian before 1582-10-15, years
    before 1 as years of their era (Flink: 1200-02-26 for -99999999999).

    Python's dates end at year 9999, so the instant is moved whole 400-year cycles next to
    year 5000 (the Gregorian calendar, weekdays included, repeats every 400 years) for the
    time of day and the weekday; the date's own fields are written in place of the moved."""
    millis = (seconds * 1000 + 2**63) % 2**64 - 2**63
    instant = millis // 1000
    cycles = (instant - _YEAR_5000) // _CYCLE
    local = dt.datetime.fromtimestamp(instant - cycles * _CYCLE, zone)
    year, month, day = local.year + 400 * cycles, local.month, local.day
    if (year, month, day) < (1582, 10, 15):  # Java's GregorianCalendar: Julian before
        year, month, day = _julian(_day_number(year, month, day))
    era_year = year if year > 0 else 1 - year
    fields = {
        "%Y": f"{era_year:04d}",
        "%y": f"{era_year % 100:02d}",
        "%m": f"{month:02d}",
        "%-m": str(month),
        "%d": f"{day:02d}",
        "%-d": str(day),
        "%B": calendar.month_name[month],
        "%b": calendar.month_abbr[month],
    }

    def field(match: re.Match) -> str:
        code = match.group()
        return fields[code].replace("%", "%%") if code in fields else code

    return local.strftime(re.sub(r"%%|%-?[YymdBb]", field, pattern))


def _day_number(year: int, month: int, day: int) -> int:
    """The Julian day number of a (proleptic) Gregorian date."""
    a = (14 - month) // 12
    y, m = year + 4800 - a, month + 12 * a - 3
    return day + (153 * m + 2) // 5 + 365 * y + y // 4 - y // 100 + y // 400 - 32045


def _julian(day_number: int) -> tuple[int, int, int]:
    """The Julian calendar's (year, month, day) of a Julian day number."""
    c = day_number + 32082
    d = (4 * c + 3) // 1461
    e = c - 1461 * d // 4
    m = (5 * e + 2) // 153
    return d - 4800 + m // 10, m + 3 - 12 * (m // 10), e - (153 * m + 2) // 5 + 1


def _months_text(months: pl.Expr) -> pl.Expr:
    return pl.format("{}mo", months.cast(pl.Int64))


def _shift(
    value: pl.Expr, kind: str, amount: pl.Expr, unit: str, resolution: TimeUnit = "us"
) -> pl.Expr:
    """`value` moved by `amount` units (months clamp at month ends, as in Flink), in the
    `resolution` of its type (nanoseconds for a TIMESTAMP(9))."""
    if unit in _MONTHS:
        return value.dt.offset_by(_months_text(amount * _MONTHS[unit]))
    moved = value.cast(pl.Datetime(resolution)) + pl.duration(
        microseconds=amount.cast(pl.Int64) * _MICROS[unit], time_unit=resolution
    )
    return moved.dt.date() if kind == "DATE" else moved


def _timestampadd(a, raw):
    unit = str(_const(raw, 0, "TIMESTAMPADD unit"))
    return _shift(a[2], raw[2].type.name, a[1], unit, time_unit(raw[2].type))


def _add_months(value: dt.datetime, months: int) -> dt.datetime:
    month0 = value.month - 1 + months
    year, month = value.year + month0 // 12, month0 % 12 + 1
    return value.replace(
        year=year, month=month, day=min(value.day, calendar.monthrange(year, month)[1])
    )


def months_between(start: dt.datetime, end: dt.datetime) -> int:
    """Whole months from `start` to `end` (Calcite's subtractMonths: Jan 31 to Feb 29 is 1)."""
    if end < start:
        return -months_between(end, start)
    months = (end.year - start.year) * 12 + end.month - start.month
    while months > 0 and _add_months(start, months) > end:
        months -= 1
    return months


def _as_datetime(value) -> dt.datetime:
    return value if isinstance(value, dt.datetime) else dt.datetime.combine(value, dt.time())


def _timestampdiff(a, raw):
    unit = str(_const(raw, 0, "TIMESTAMPDIFF unit"))
    start, end = (x.cast(pl.Datetime("us")) for x in a[1:])
    if unit in _MONTHS:
        per = _MONTHS[unit]
        return rowwise(
            lambda s, e: int(months_between(_as_datetime(s), _as_datetime(e)) / per),
            [start, end],
            pl.Int32,
        )
    micros = (end - start).dt.total_microseconds()
    return (micros / _MICROS[unit]).cast(pl.Int64).cast(pl.Int32)  # toward zero


def _field(unit: str):
    """EXTRACT(unit FROM x) and YEAR(x), MONTH(x), ... as BIGINT."""

    def extract(x: pl.Expr) -> pl.Expr:
        year = x.dt.year()
        fields = {
            "YEAR": year,
            "QUARTER": x.dt.quarter(),
            "MONTH": x.dt.month(),
            "WEEK": x.dt.week(),
            "DAY": x.dt.day(),
            "HOUR": x.dt.hour(),
            "MINUTE": x.dt.minute(),
            "SECOND": x.dt.second(),
            "MILLISECOND": x.dt.millisecond(),
            "MICROSECOND": x.dt.microsecond(),
            "DOW": x.dt.weekday() % 7 + 1,
            "ISODOW": x.dt.weekday(),
            "DOY": x.dt.ordinal_day(),
            "ISOYEAR": x.dt.iso_year(),
            "DECADE": year // 10,
            "CENTURY": (year + 99) // 100,
            "MILLENNIUM": (year + 999) // 1000,
            "EPOCH": x.cast(pl.Datetime("us")).dt.epoch("s"),
        }
        return fields[unit].cast(pl.Int64)

    return extract


def _extract(a, raw):
    return _field(str(_const(raw, 0, "EXTRACT unit")))(a[1])


def _field_function(unit: str) -> Implementation:
    """YEAR(x), MONTH(x), ...: the implementation of EXTRACT(unit FROM x) for one unit."""
    extract = _field(unit)
    return lambda a, r: extract(a[0])


_TRUNCATE = {
    "MILLENNIUM": "1000y",
    "CENTURY": "100y",
    "DECADE": "10y",
    "YEAR": "1y",
    "QUARTER": "1q",
    "MONTH": "1mo",
    "WEEK": "1w",
    "DAY": "1d",
    "HOUR": "1h",
    "MINUTE": "1m",
    "SECOND": "1s",
    "MILLISECOND": "1ms",
    "MICROSECOND": "1us",
}


def _floor(x: pl.Expr, unit: str) -> pl.Expr:
    """`x` floored to `unit`; weeks start on Sunday, as in Flink."""
    if unit == "WEEK":
        return x.dt.offset_by("1d").dt.truncate("1w").dt.offset_by("-1d")
    return x.dt.truncate(_TRUNCATE[unit])


def _ceil(x: pl.Expr, unit: str) -> pl.Expr:
    floor = _floor(x, unit)
    return pl.when(floor == x).then(floor).otherwise(floor.dt.offset_by(_TRUNCATE[unit]))


def _in_session_zone(rounding, a, raw, what: str) -> pl.Expr:
    """FLOOR/CEIL(x TO unit); an instant (TIMESTAMP_LTZ) rounded on its wall time in the
    session zone and moved back by the same offset, the one at the instant, as Flink's
    DateTimeUtils does: CEIL(2024-03-10 01:30 New York time TO DAY) is 2024-03-11 01:00 EDT
    there, the day's end in EST, not its midnight."""
    unit = str(_const(raw, 1, what))
    if raw[0].type.name != "TIMESTAMP_LTZ":
        return rounding(a[0], unit)
    offset = time_zones.offset(a[0], _zone_name(raw))
    local = a[0].dt.replace_time_zone(None) + offset
    return (rounding(local, unit) - offset).dt.replace_time_zone("UTC")


def _floor_to(a, raw):
    return _in_session_zone(_floor, a, raw, "FLOOR unit")


def _ceil_to(a, raw):
    return _in_session_zone(_ceil, a, raw, "CEIL unit")


def _datetime_plus(a, raw):
    """x + interval: a count of months or of microseconds (see `planning/functions/temporal`)."""
    kind = raw[0].type.name
    if raw[1].type.name == "INTERVAL_YEAR_MONTH":
        return a[0].dt.offset_by(_months_text(a[1]))
    return _shift(a[0], kind, a[1], "MICROSECOND", time_unit(raw[0].type))


def clock() -> dt.datetime:
    """Now, an aware UTC datetime (tests replace it)."""
    return dt.datetime.now(dt.UTC)


def _now_instant(a, raw):
    """CURRENT_TIMESTAMP, NOW(), CURRENT_ROW_TIMESTAMP(), PROCTIME(): TIMESTAMP_LTZ(3),
    zone-free."""
    return pl.lit(_millis(clock()), dtype=pl.Datetime("us", "UTC"))


def _millis(value: dt.datetime) -> dt.datetime:
    """`value` cut to milliseconds (the precision 3 of Flink's current-time functions)."""
    return value.replace(microsecond=value.microsecond // 1000 * 1000)


def _now_wall(raw) -> dt.datetime:
    """Now's wall time in the session time zone (naive)."""
    return clock().astimezone(_zone(raw)).replace(tzinfo=None)


def _local_timestamp(a, raw):
    """LOCALTIMESTAMP: TIMESTAMP(3), the wall time in the session time zone."""
    return pl.lit(_millis(_now_wall(raw)), dtype=pl.Datetime("us"))


def _local_time(a, raw):
    """CURRENT_TIME, LOCALTIME: TIME(0), the wall time of day in the session time zone."""
    return pl.lit(_now_wall(raw).time().replace(microsecond=0), dtype=pl.Time)


def _ltz_as_timestamp(a, raw):
    """An instant's wall time in the session zone (the binder's conversion, for a CAST, a
    field, a TIMESTAMP beside it)."""
    return time_zones.wall_time(a[0], _zone_name(raw))


def _timestamp_as_ltz(a, raw):
    """The instant of a wall time in the session zone (the binder's conversion)."""
    return time_zones.instant(a[0], _zone_name(raw), time_unit(raw[0].type))


def _windows(a, raw):
    """$WINDOWS(time, kind, lengths..., offset) (planning/table_functions/window_tvf.py): the
    windows a row falls in, as a list of {window_start, window_end} structs, aligned to the
    epoch plus the offset; NULL for a NULL time. Lengths in microseconds."""
    kind = str(_const(raw, 1, "window kind"))
    *lengths, offset = (int(_const(raw, i, "window length")) for i in range(2, len(raw)))
    micros = a[0].dt.epoch("us")

    def floor(size: int) -> pl.Expr:
        return micros - (micros - offset) % size  # Polars' % is a floor modulo

    if kind == "TUMBLE":
        (size,) = lengths
        bounds = [(floor(size), floor(size) + size)]
    elif kind == "HOP":  # every start `slide` apart whose window holds the row, latest first
        slide, size = lengths
        last = floor(slide)
        bounds = [(last - i * slide, last - i * slide + size) for i in range(-(-size // slide))]
    else:  # CUMULATE: the size window's start, ends every `step`, shortest first
        step, size = lengths
        start = floor(size)
        ends = sorted({min(j * step, size) for j in range(1, -(-size // step) + 1)})
        bounds = [(start, start + end) for end in ends]
    windows = [
        pl.when(end > micros).then(
            pl.struct(
                window_start=pl.from_epoch(start, time_unit="us"),
                window_end=pl.from_epoch(end, time_unit="us"),
            )
        )
        for start, end in bounds
    ]
    return pl.when(a[0].is_not_null()).then(pl.concat_list(windows).list.drop_nulls())


_ZONED_TEXT = re.compile(r"(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2})(\.\d+)?")


def _convert_tz(text: str, source: str, target: str) -> str | None:
    """CONVERT_TZ: a `yyyy-MM-dd HH:mm:ss` wall time (a fraction read and dropped) of zone
    `source` as the wall time of zone `target`; NULL for other text. A zone Java does not know
    is GMT, as Java's TimeZone.getTimeZone has it."""
    match = _ZONED_TEXT.fullmatch(text)
    if match is None:
        return None
    try:
        wall = dt.datetime.strptime(match.group(1), "%Y-%m-%d %H:%M:%S")
    except ValueError:
        return None
    moved = wall.replace(tzinfo=_java_zone(source)).astimezone(_java_zone(target))
    return moved.strftime("%Y-%m-%d %H:%M:%S")


def _java_zone(name: str) -> dt.tzinfo:
    try:
        return time_zones.tzinfo(name)
    except (ValueError, KeyError, OSError):  # ZoneInfoNotFoundError is a KeyError
        return dt.UTC


IMPLEMENTATIONS: dict[str, Implementation] = {
    "CONVERT_TZ": lambda a, r: rowwise(_convert_tz, a, pl.String),
    "$WINDOWS": _windows,
    "CURRENT_DATE": lambda a, r: pl.lit(_now_wall(r).date(), dtype=pl.Date),
    "CURRENT_TIMESTAMP": _now_instant,
    "NOW": _now_instant,
    "CURRENT_ROW_TIMESTAMP": _now_instant,
    "PROCTIME": _now_instant,
    "LOCALTIMESTAMP": _local_timestamp,
    "CURRENT_TIME": _local_time,
    "LOCALTIME": _local_time,
    "LTZ AS TIMESTAMP": _ltz_as_timestamp,
    "TIMESTAMP AS LTZ": _timestamp_as_ltz,
    "DATE_FORMAT": _date_format,
    "TO_TIMESTAMP": _to_timestamp,
    "TO_DATE": _to_date,
    "TO_TIMESTAMP_LTZ": _to_timestamp_ltz,
    "UNIX_TIMESTAMP": _unix_timestamp,
    "FROM_UNIXTIME": _from_unixtime,
    "TIMESTAMPADD": _timestampadd,
    "TIMESTAMPDIFF": _timestampdiff,
    "EXTRACT": _extract,
    "FLOOR TO": _floor_to,
    "CEIL TO": _ceil_to,
    "DATETIME PLUS": _datetime_plus,
    **{
        name: _field_function(unit)
        for name, unit in (
            ("YEAR", "YEAR"),
            ("QUARTER", "QUARTER"),
            ("MONTH", "MONTH"),
            ("WEEK", "WEEK"),
            ("DAYOFYEAR", "DOY"),
            ("DAYOFMONTH", "DAY"),
            ("DAYOFWEEK", "DOW"),
            ("HOUR", "HOUR"),
            ("MINUTE", "MINUTE"),
            ("SECOND", "SECOND"),
        )
    },
}
