"""SQL types -> Polars dtypes: DECIMAL(p, s) is an exact `pl.Decimal(p, s)` (`executor/decimals.py`
says where Polars' decimals differ from Flink's and how that is handled)."""

from __future__ import annotations

from typing import Literal

import polars as pl

from bailian_assets.executor import decimals
from bailian_assets.sql.ast import DataType

_SIMPLE: dict[str, pl.DataType | type[pl.DataType]] = {
    "STRING": pl.String,
    "VARCHAR": pl.String,
    "CHAR": pl.String,
    "BOOLEAN": pl.Boolean,
    "TINYINT": pl.Int8,
    "SMALLINT": pl.Int16,
    "INT": pl.Int32,
    "BIGINT": pl.Int64,
    "FLOAT": pl.Float32,
    "DOUBLE": pl.Float64,
    "DATE": pl.Date,
    "TIMESTAMP": pl.Datetime("us"),
    "TIMESTAMP_LTZ": pl.Datetime("us", "UTC"),
    "TIME": pl.Time,
    "BINARY": pl.Binary,
    "VARBINARY": pl.Binary,
    "BYTES": pl.Binary,
    "NULL": pl.String,
    "UNKNOWN": pl.String,
    # intervals as a count: months (YEAR TO MONTH) or microseconds (DAY TO SECOND)
    "INTERVAL_YEAR_MONTH": pl.Int64,
    "INTERVAL_DAY_TIME": pl.Int64,
    "VARIANT": pl.String,  # placeholder until VARIANT has operations: its JSON text
}


def to_polars(data_type: DataType) -> pl.DataType:
    """The Polars dtype a column of `data_type` runs as."""
    if data_type.name == "DECIMAL":
        return decimals.dtype(data_type)
    if data_type.name in ("ARRAY", "MULTISET"):
        return pl.List(_part(data_type.element))
    if data_type.name == "MAP":
        return pl.List(
            pl.Struct({"key": _part(data_type.element), "value": _part(data_type.value)})
        )
    if data_type.name == "ROW":
        return pl.Struct({name: to_polars(t) for name, t in data_type.fields})
    if data_type.name in ("TIMESTAMP", "TIMESTAMP_LTZ") and time_unit(data_type) == "ns":
        return pl.Datetime("ns", "UTC" if data_type.name == "TIMESTAMP_LTZ" else None)
    dtype = _SIMPLE[data_type.name]
    return dtype() if isinstance(dtype, type) else dtype


TimeUnit = Literal["ns", "us"]


def time_unit(data_type: DataType) -> TimeUnit:
    """The unit a TIMESTAMP(p) or TIMESTAMP_LTZ(p) runs in: nanoseconds for more than six
    fraction digits (TIMESTAMP(9)), else microseconds (the default precision is 6)."""
    return "ns" if data_type.params and data_type.params[0] > 6 else "us"


def _part(data_type: DataType | None) -> pl.DataType:
    """An element, key or value type: always there in a collection type the parser built."""
    if data_type is None:
        raise TypeError("a collection type without its element type")
    return to_polars(data_type)
