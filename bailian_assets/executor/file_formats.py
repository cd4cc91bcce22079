"""One data file of a filesystem table: csv, json lines or parquet, as Flink's formats write them.

Text formats carry dates and times as Flink writes them: DATE `2025-01-02`, TIMESTAMP
`2025-01-02 10:11:12.345` (as many fraction digits as needed, none for whole seconds),
TIMESTAMP_LTZ the same in UTC with a trailing `Z`, TIME `10:11:12`, BOOLEAN `true`/`false`.
Reading accepts those and the ISO `T` separator. csv has no header line unless `'csv.header'`
says so; an empty csv field is NULL (as in Flink, for every type but STRING, where `""` quoted
is the empty string). A file of zero bytes is zero rows, in every text format.

Reading checks each value against its declared column and names the file, and for csv and
json the line, of the first value that does not fit.
"""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

import polars as pl

from bailian_assets.errors import ExecutionError
from bailian_assets.executor import decimals
from bailian_assets.executor.dtypes import to_polars
from bailian_assets.planning.connectors import TableSpec
from bailian_assets.sql import ast

EXTENSIONS = {"csv": ".csv", "json": ".json", "parquet": ".parquet"}

_TIMESTAMP_OUT = "%Y-%m-%d %H:%M:%S%.f"
_TIMESTAMP_IN = ("%Y-%m-%d %H:%M:%S%.f", "%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%d %H:%M",
                 "%Y-%m-%dT%H:%M")
_TIMESTAMP_LTZ_IN = tuple(f + suffix for f in _TIMESTAMP_IN for suffix in ("%#z", "Z", ""))
_TIME = "%H:%M:%S%.f"
_BOOLEANS = {"true": True, "false": False}


# ------------------------------------------------------------------ reading


def read_file(table: TableSpec, file: Path) -> pl.DataFrame:
    """The declared data columns of one file, typed; a value that does not fit is an error."""
    fmt = str(table.options["format"])
    try:
        if fmt != "parquet" and file.stat().st_size == 0:
            return empty_frame(table.data_columns)
        if fmt == "csv":
            raw, first_line = _read_csv(table, file), 2 if table.options.get("csv.header") else 1
        elif fmt == "json":
            raw, first_line = pl.read_ndjson(file, infer_schema_length=None), 1
        else:
            raw, first_line = pl.read_parquet(file), None
    except (ExecutionError, FileNotFoundError):
        raise  # FileNotFoundError: removed since it was listed; the caller reads again
    except (pl.exceptions.PolarsError, OSError) as error:
        raise ExecutionError(f"{file}: cannot read it as {fmt}: {_first_line(error)}") from None
    return _convert(table, raw, file, first_line)


def _read_csv(table: TableSpec, file: Path) -> pl.DataFrame:
    columns = table.data_columns
    header = bool(table.options.get("csv.header"))
    raw = pl.read_csv(file, has_header=header, infer_schema=False,
                      separator=str(table.options.get("csv.field-delimiter", ",")),
                      new_columns=None if header else [c.name for c in columns])
    if not header and raw.width != len(columns):
        raise ExecutionError(f"{file}: {raw.width} fields per line, table "
                             f"'{table.name}' declares {len(columns)}")
    return raw


def empty_frame(columns: Sequence[ast.ColumnDef]) -> pl.DataFrame:
    return pl.DataFrame(schema={c.name: to_polars(c.type) for c in columns})


def _first_line(error: Exception) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else repr(error)


def _convert(table: TableSpec, raw: pl.DataFrame, file: Path, first_line: int | None
             ) -> pl.DataFrame:
    """Declared columns, cast to their types; the first value that does not fit is an error."""
    converted = []
    for column in table.data_columns:
        if column.name not in raw.columns:
            raise ExecutionError(f"{file}: no column '{column.name}', which table "
                                 f"'{table.name}' declares (declared at {table.path}:"
                                 f"{table.position.line})")
        source = raw.get_column(column.name)
        cast = convert(source, column.type)
        failed = source.is_not_null() & cast.is_null()
        if column.type.name == "DECIMAL":  # a number too big for it is NULL, as in Flink
            failed = failed & ~decimals.is_number(source)
        if failed.any():
            row = int(failed.arg_max())  # type: ignore[arg-type]
            where = f"{file}:{first_line + row}" if first_line is not None \
                else f"{file} (row {row + 1})"
            raise ExecutionError(f"{where}: value {_show(source[row])} of column "
                                 f"'{column.name}' is not a {column.type}")
        converted.append(cast.alias(column.name))
    return pl.DataFrame(converted) if converted else pl.DataFrame(height=raw.height)


def convert(source: pl.Series, data_type: ast.DataType) -> pl.Series:
    """`source` as `data_type`; values that do not convert become NULL (the caller reports
    them). Text is parsed as Flink's csv and json formats write it."""
    target = to_polars(data_type)
    if data_type.name == "DECIMAL":  # HALF_UP to the scale, NULL (reported) when too big
        return pl.select(decimals.read(pl.lit(source), source.dtype, data_type)).to_series()
    if source.dtype == pl.String and target != pl.String:
        return parse_text(source.replace("", None), target)  # an empty field is NULL
    try:
        return source.cast(target, strict=False)
    except pl.exceptions.PolarsError:
        return pl.Series(source.name, [None] * len(source), dtype=target)


def parse_text(text: pl.Series, target: pl.DataType) -> pl.Series:
    """Text values as `target`; what does not parse is NULL."""
    if target == pl.Date:
        return text.str.to_date("%Y-%m-%d", strict=False)
    if isinstance(target, pl.Datetime):
        formats = _TIMESTAMP_LTZ_IN if target.time_zone else _TIMESTAMP_IN
        tries = [text.str.to_datetime(f, strict=False, time_unit=target.time_unit,
                                      time_zone=target.time_zone) for f in formats]
        return pl.select(pl.coalesce(tries)).to_series().alias(text.name)
    if target == pl.Time:
        return text.str.to_time(_TIME, strict=False)
    if target == pl.Boolean:
        return text.str.to_lowercase().replace_strict(_BOOLEANS, default=None,
                                                      return_dtype=pl.Boolean)
    try:
        return text.cast(target, strict=False)
    except pl.exceptions.PolarsError:
        return pl.Series(text.name, [None] * len(text), dtype=target)


def _show(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


# ------------------------------------------------------------------ writing


def write_file(table: TableSpec, rows: pl.DataFrame, file: Path) -> None:
    """Write `rows` (data columns only) to `file` in the table's format."""
    fmt = str(table.options["format"])
    try:
        if fmt == "csv":
            _as_text(rows).write_csv(
                file, include_header=bool(table.options.get("csv.header")),
                separator=str(table.options.get("csv.field-delimiter", ",")))
        elif fmt == "json":
            _as_text(rows).write_ndjson(file)
        else:
            rows.write_parquet(file)
    except pl.exceptions.PolarsError as error:
        raise ExecutionError(f"table '{table.name}': cannot write {file} as {fmt}: "
                             f"{_first_line(error)}") from None


def _as_text(rows: pl.DataFrame) -> pl.DataFrame:
    """Dates and times as Flink's text formats write them."""
    columns = []
    for name, dtype in rows.schema.items():
        column = pl.col(name)
        if isinstance(dtype, pl.Datetime):
            column = (column.dt.convert_time_zone("UTC").dt.strftime(_TIMESTAMP_OUT + "Z")
                      if dtype.time_zone else column.dt.strftime(_TIMESTAMP_OUT))
        elif dtype == pl.Time:
            column = column.dt.strftime(_TIME)
        elif dtype == pl.Date:
            column = column.dt.strftime("%Y-%m-%d")
        columns.append(column.alias(name))
    return rows.select(columns)
