"""Date and time functions: declarations (signatures and result types). Their Polars
implementations are in `executor/functions/temporal.py`, under the same names.

Some functions depend on the session time zone (`SET 'table.local-time-zone'`): the binder
passes it to those named in `ZONED` as one more constant argument, after the SQL's own (their
signatures here are the SQL's). A TIMESTAMP_LTZ (an instant) is read as its wall time in that
zone, as Flink reads it: the binder converts it (`LTZ AS TIMESTAMP`) for a CAST to a string,
TIMESTAMP, DATE or TIME and for the functions named in `WALL_TIME`, and converts a TIMESTAMP
(a wall time) to an instant of the zone (`TIMESTAMP AS LTZ`) where it meets an instant. Those
two conversions have names no identifier can call.
Date-time syntax reaches this registry as calls too: `EXTRACT(unit FROM x)` is
`EXTRACT('unit', x)`, `FLOOR(x TO unit)` is `FLOOR TO(x, 'unit')`, `TIMESTAMPADD(unit, n, x)`
has its unit as a string, `INTERVAL '1' DAY` is a literal of months or microseconds (the
parser's) and `x + interval` is `DATETIME PLUS(x, interval)` (a name no identifier can call)."""

from __future__ import annotations

from collections.abc import Sequence

from bailian_assets.planning import types
from bailian_assets.planning.functions.signatures import (
    ScalarFunction,
    SignatureError,
    always,
    first,
    fixed,
    sig,
)
from bailian_assets.sql.ast import DataType

_NOW = always(types.nullable(types.timestamp(3, local_time_zone=True), False))
_LOCAL_NOW = always(types.nullable(types.timestamp(3), False))
_LOCAL_TIME = always(DataType("TIME", (0,), nullable=False))
_S, _BIGINT = types.STRING, types.BIGINT
_TS3 = types.timestamp(3)
_FIELD = sig("DATETIME")

# An interval value: months (YEAR TO MONTH) or microseconds (DAY TO SECOND), as Flink's two
# interval kinds. Their SQL names are only for messages.
INTERVAL_MONTHS = DataType("INTERVAL_YEAR_MONTH", nullable=False)
INTERVAL_MICROS = DataType("INTERVAL_DAY_TIME", nullable=False)
YEAR_MONTH_UNITS = ("YEAR", "QUARTER", "MONTH")
DAY_TIME_UNITS = ("WEEK", "DAY", "HOUR", "MINUTE", "SECOND", "MILLISECOND", "MICROSECOND")
EXTRACT_UNITS = (
    "YEAR",
    "QUARTER",
    "MONTH",
    "WEEK",
    "DAY",
    "HOUR",
    "MINUTE",
    "SECOND",
    "MILLISECOND",
    "MICROSECOND",
    "DOW",
    "DOY",
    "ISODOW",
    "ISOYEAR",
    "DECADE",
    "CENTURY",
    "MILLENNIUM",
    "EPOCH",
)
LTZ_AS_TIMESTAMP, TIMESTAMP_AS_LTZ = "LTZ AS TIMESTAMP", "TIMESTAMP AS LTZ"
ZONED = (
    "UNIX_TIMESTAMP",
    "FROM_UNIXTIME",
    "TO_TIMESTAMP_LTZ",
    "CURRENT_DATE",
    "LOCALTIMESTAMP",
    "CURRENT_TIME",
    "LOCALTIME",
    "FLOOR TO",
    "CEIL TO",
    LTZ_AS_TIMESTAMP,
    TIMESTAMP_AS_LTZ,
)
# functions of an instant's fields: they read a TIMESTAMP_LTZ argument as its wall time in the
# session zone (EXTRACT(EPOCH FROM ltz) too: the wall time's seconds since 1970, as in Flink)
_FIELD_FUNCTIONS = (
    "YEAR",
    "QUARTER",
    "MONTH",
    "WEEK",
    "DAYOFYEAR",
    "DAYOFMONTH",
    "DAYOFWEEK",
    "HOUR",
    "MINUTE",
    "SECOND",
)
WALL_TIME = ("EXTRACT", "DATE_FORMAT", *_FIELD_FUNCTIONS)


def _wall_time(args: Sequence[DataType]) -> DataType:
    """LTZ AS TIMESTAMP: TIMESTAMP(p) of a TIMESTAMP_LTZ(p)."""
    return DataType("TIMESTAMP", args[0].params, nullable=args[0].nullable)


def _instant(args: Sequence[DataType]) -> DataType:
    """TIMESTAMP AS LTZ: TIMESTAMP_LTZ(p) of a TIMESTAMP(p)."""
    return DataType("TIMESTAMP_LTZ", args[0].params, nullable=args[0].nullable)


def _timestampadd(args: Sequence[DataType]) -> DataType:
    """TIMESTAMPADD keeps a DATE a DATE, a TIMESTAMP(p) a TIMESTAMP(p)."""
    return types.nullable(args[2], any(a.nullable for a in args[1:]))


def _timestampdiff(args: Sequence[DataType]) -> DataType:
    """INT; an instant and a wall time do not meet here (Flink refuses the pair)."""
    if (args[1].name == "TIMESTAMP_LTZ") != (args[2].name == "TIMESTAMP_LTZ"):
        raise SignatureError("TIMESTAMP_LTZ only supports diff between the same type.")
    return types.nullable(types.INT, any(a.nullable for a in args))


def _plus(args: Sequence[DataType]) -> DataType:
    """x + interval keeps the type of x (DATE + INTERVAL '1' DAY is a DATE, as in Flink)."""
    return args[0]


def is_interval(t: DataType) -> bool:
    return t.name in (INTERVAL_MONTHS.name, INTERVAL_MICROS.name)


# a window of the windowing table functions: its bounds, TIMESTAMP(3) NOT NULL
WINDOW_BOUND = types.nullable(types.timestamp(3), False)
WINDOW_PAIR = DataType(
    "ROW", fields=(("window_start", WINDOW_BOUND), ("window_end", WINDOW_BOUND)), nullable=False
)

FUNCTIONS = [
    ScalarFunction("CURRENT_DATE", (sig(),), always(types.nullable(types.DATE, False))),
    # Flink's types: the instant now (TIMESTAMP_LTZ(3)), or the wall time in the session zone
    ScalarFunction("CURRENT_TIMESTAMP", (sig(),), _NOW),
    ScalarFunction("NOW", (sig(),), _NOW),
    ScalarFunction("CURRENT_ROW_TIMESTAMP", (sig(),), _NOW),
    # a processing-time attribute (`pt AS PROCTIME()`): in a batch job, the time it is read
    ScalarFunction("PROCTIME", (sig(),), _NOW),
    ScalarFunction("LOCALTIMESTAMP", (sig(),), _LOCAL_NOW),
    ScalarFunction("CURRENT_TIME", (sig(),), _LOCAL_TIME),
    ScalarFunction("LOCALTIME", (sig(),), _LOCAL_TIME),
    ScalarFunction(LTZ_AS_TIMESTAMP, (sig("TIMESTAMP"),), _wall_time),
    ScalarFunction(TIMESTAMP_AS_LTZ, (sig("TIMESTAMP"),), _instant),
    # Flink's DATE_FORMAT takes a TIMESTAMP or a STRING holding one; the format (here, in
    # UNIX_TIMESTAMP and FROM_UNIXTIME) may be a column, as in Flink
    ScalarFunction(
        "DATE_FORMAT", (sig("TIMESTAMP", "CHARACTER"), sig("CHARACTER", "CHARACTER")), fixed(_S)
    ),
    # NULL when the text does not parse
    ScalarFunction("TO_TIMESTAMP", (sig("CHARACTER"), sig("CHARACTER", "CHARACTER")), always(_TS3)),
    ScalarFunction(
        "TO_DATE", (sig("CHARACTER"), sig("CHARACTER", "CHARACTER")), always(types.DATE)
    ),
    ScalarFunction(
        "TO_TIMESTAMP_LTZ",
        (sig("NUMERIC"), sig("NUMERIC", "INTEGER")),
        always(types.timestamp(3, local_time_zone=True)),  # nullable, as Flink types it
        (1,),
    ),
    ScalarFunction(
        "UNIX_TIMESTAMP",
        (sig(), sig("CHARACTER"), sig("CHARACTER", "CHARACTER")),
        always(_BIGINT),
    ),
    ScalarFunction("FROM_UNIXTIME", (sig("INTEGER"), sig("INTEGER", "CHARACTER")), fixed(_S)),
    ScalarFunction("TIMESTAMPADD", (sig("CHARACTER", "INTEGER", "DATETIME"),), _timestampadd, (0,)),
    ScalarFunction(
        "TIMESTAMPDIFF", (sig("CHARACTER", "DATETIME", "DATETIME"),), _timestampdiff, (0,)
    ),
    ScalarFunction("EXTRACT", (sig("CHARACTER", "DATETIME"),), fixed(_BIGINT), (0,)),
    ScalarFunction("FLOOR TO", (sig("DATETIME", "CHARACTER"),), first, (1,)),
    ScalarFunction("CEIL TO", (sig("DATETIME", "CHARACTER"),), first, (1,)),
    ScalarFunction("DATETIME PLUS", (sig("DATETIME", "ANY"),), _plus),
    *(ScalarFunction(name, (_FIELD,), fixed(_BIGINT)) for name in _FIELD_FUNCTIONS),
    # the windows a row falls in, for the windowing table functions (table_functions/
    # window_tvf.py builds the call): not callable from SQL, where no name starts with `$`
    ScalarFunction("$WINDOWS", (sig("ANY", variadic=True),), always(types.array(WINDOW_PAIR))),
    # CONVERT_TZ('yyyy-MM-dd HH:mm:ss' text, from zone, to zone): text, NULL where it does not parse
    ScalarFunction(
        "CONVERT_TZ",
        (sig("CHARACTER", "CHARACTER", "CHARACTER"),),
        always(types.nullable(types.STRING)),
    ),
]
