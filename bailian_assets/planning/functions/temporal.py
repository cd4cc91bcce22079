"""Date and time functions: declarations (signatures and result types). Their Polars
implementations are in `executor/functions/temporal.py`, under the same names.

Some functions depend on the session time zone (`SET 'table.local-time-zone'`): the binder
passes it to those named in `ZONED` as one more constant argument, after the SQL's own (their
signatures here are the SQL's).
Date-time syntax reaches this registry as calls too: `EXTRACT(unit FROM x)` is
`EXTRACT('unit', x)`, `FLOOR(x TO unit)` is `FLOOR TO(x, 'unit')`, `TIMESTAMPADD(unit, n, x)`
has its unit as a string, `INTERVAL '1' DAY` is a literal of months or microseconds (the
parser's) and `x + interval` is `DATETIME PLUS(x, interval)` (a name no identifier can call)."""

from __future__ import annotations

from collections.abc import Sequence

from bailian_assets.planning import types
from bailian_assets.planning.functions.signatures import ScalarFunction, always, first, fixed, sig
from bailian_assets.sql.ast import DataType

_NOW = always(types.nullable(types.TIMESTAMP, False))
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
ZONED = ("UNIX_TIMESTAMP", "FROM_UNIXTIME", "TO_TIMESTAMP_LTZ")


def _timestampadd(args: Sequence[DataType]) -> DataType:
    """TIMESTAMPADD keeps a DATE a DATE, a TIMESTAMP(p) a TIMESTAMP(p)."""
    return types.nullable(args[2], any(a.nullable for a in args[1:]))


def _plus(args: Sequence[DataType]) -> DataType:
    """x + interval keeps the type of x (DATE + INTERVAL '1' DAY is a DATE, as in Flink)."""
    return args[0]


def is_interval(t: DataType) -> bool:
    return t.name in (INTERVAL_MONTHS.name, INTERVAL_MICROS.name)


FUNCTIONS = [
    ScalarFunction("CURRENT_DATE", (sig(),), always(types.nullable(types.DATE, False))),
    ScalarFunction("CURRENT_TIMESTAMP", (sig(),), _NOW),
    ScalarFunction("LOCALTIMESTAMP", (sig(),), _NOW),
    ScalarFunction("NOW", (sig(),), _NOW),
    # Flink's DATE_FORMAT takes a TIMESTAMP or a STRING holding one
    ScalarFunction(
        "DATE_FORMAT",
        (sig("TIMESTAMP", "CHARACTER"), sig("CHARACTER", "CHARACTER")),
        fixed(_S),
        (1,),
    ),
    # NULL when the text does not parse
    ScalarFunction(
        "TO_TIMESTAMP", (sig("CHARACTER"), sig("CHARACTER", "CHARACTER")), always(_TS3), (1,)
    ),
    ScalarFunction(
        "TO_DATE", (sig("CHARACTER"), sig("CHARACTER", "CHARACTER")), always(types.DATE), (1,)
    ),
    ScalarFunction(
        "TO_TIMESTAMP_LTZ",
        (sig("NUMERIC"), sig("NUMERIC", "INTEGER")),
        fixed(types.timestamp(3, local_time_zone=True)),
        (1,),
    ),
    ScalarFunction(
        "UNIX_TIMESTAMP",
        (sig(), sig("CHARACTER"), sig("CHARACTER", "CHARACTER")),
        always(_BIGINT),
        (1,),
    ),
    ScalarFunction("FROM_UNIXTIME", (sig("INTEGER"), sig("INTEGER", "CHARACTER")), fixed(_S), (1,)),
    ScalarFunction("TIMESTAMPADD", (sig("CHARACTER", "INTEGER", "DATETIME"),), _timestampadd, (0,)),
    ScalarFunction(
        "TIMESTAMPDIFF", (sig("CHARACTER", "DATETIME", "DATETIME"),), fixed(types.INT), (0,)
    ),
    ScalarFunction("EXTRACT", (sig("CHARACTER", "DATETIME"),), fixed(_BIGINT), (0,)),
    ScalarFunction("FLOOR TO", (sig("DATETIME", "CHARACTER"),), first, (1,)),
    ScalarFunction("CEIL TO", (sig("DATETIME", "CHARACTER"),), first, (1,)),
    ScalarFunction("DATETIME PLUS", (sig("DATETIME", "ANY"),), _plus),
    *(
        ScalarFunction(name, (_FIELD,), fixed(_BIGINT))
        for name in (
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
    ),
]
