"""One data file of a filesystem table: csv, json lines or parquet, as Flink's formats write them.

Text formats carry dates and times as Flink writes them: DATE `2025-01-02`, TIMESTAMP
`2025-01-02 10:11:12.345` (as many fraction digits as needed, none for whole seconds),
TIMESTAMP_LTZ the same in UTC with a trailing `Z`, TIME `10:11:12`, BOOLEAN `true`/`false`.
Reading accepts those and the ISO `T` separator. csv has no header line unless `'csv.header'`
says so; an empty csv field is NULL (as in Flink, for every type but STRING, where `""` quoted
is the empty string). A file of zero bytes is zero rows, in every text format.

Reading is lazy (Polars' `scan_csv`, `scan_ndjson`, `scan_parquet`), batch by batch, and reads
only the columns a query uses; it checks each value read against its declared column and names
the file, and for csv and json the line, of the first value that does not fit.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

import polars as pl

from bailian_assets.errors import ExecutionError
from bailian_assets.executor import decimals
from bailian_assets.executor.dtypes import to_polars
from bailian_assets.planning.connectors import TableSpec
from bailian_assets.sql import ast

EXTENSIONS = {"csv": ".csv", "json": ".json", "parquet": ".parquet"}

_TIMESTAMP_OUT = "%Y-%m-%d %H:%M:%S%.f"
_TIMESTAMP_IN = ("%Y-%m-%d %H:%M:%S%.f", "%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M")
_TIMESTAMP_LTZ_IN = tuple(f + suffix for f in _TIMESTAMP_IN for suffix in ("%#z", "Z", ""))
_TIME = "%H:%M:%S%.f"
_BOOLEANS = {"true": True, "false": False}


# ------------------------------------------------------------------ reading


def read_batches(
    table: TableSpec, file: Path, columns: Sequence[ast.ColumnDef]
) -> Iterator[pl.DataFrame]:
    """The given data columns of one file, typed, a batch at a time (only those columns are
    read, through Polars' lazy scans); a value that does not fit is an error naming the file,
    and the line for csv and json. Every declared data column must be in the file."""
    fmt = str(table.options["format"])
    try:
        if fmt != "parquet" and file.stat().st_size == 0:
            return  # zero bytes: zero rows
        raw, first_line = _scan(table, file, fmt)
        _check_columns(table, raw.collect_schema().names(), file)
        read = list(columns) or list(table.data_columns[:1])  # no column: still count rows
        offset = 0
        for batch in raw.select(c.name for c in read).collect_batches():
            typed = _convert(table, batch, columns, file, first_line, offset)
            offset += batch.height
            yield typed
    except (ExecutionError, FileNotFoundError):
        raise  # FileNotFoundError: removed since it was listed; the caller reads again
    except (pl.exceptions.PolarsError, OSError) as error:
        raise ExecutionError(f"{file}: cannot read it as {fmt}: {_first_line(error)}") from None


def _scan(table: TableSpec, file: Path, fmt: str) -> tuple[pl.LazyFrame, int | None]:
    """The file's raw columns, lazily, and the line of its first row (None: no lines)."""
    if fmt == "csv":
        return _scan_csv(table, file), 2 if table.options.get("csv.header") else 1
    if fmt == "json":
        return pl.scan_ndjson(file, infer_schema_length=None), 1
    return pl.scan_parquet(file), None


def _scan_csv(table: TableSpec, file: Path) -> pl.LazyFrame:
    """A csv file as text columns (typed by `convert`, so a bad value names its line)."""
    columns = table.data_columns
    header = bool(table.options.get("csv.header"))
    raw = pl.scan_csv(
        file,
        has_header=header,
        infer_schema=False,
        separator=str(table.options.get("csv.field-delimiter", ",")),
    )
    if header:
        return raw
    names = raw.collect_schema().names()  # from the first line
    if len(names) != len(columns):
        raise ExecutionError(
            f"{file}: {len(names)} fields per line, table '{table.name}' declares {len(columns)}"
        )
    return raw.rename({name: c.name for name, c in zip(names, columns)})


def _check_columns(table: TableSpec, names: Sequence[str], file: Path) -> None:
    present = set(names)
    for column in table.data_columns:
        if column.name not in present:
            raise ExecutionError(
                f"{file}: no column '{column.name}', which table "
                f"'{table.name}' declares (declared at {table.path}:"
                f"{table.position.line})"
            )


def _first_line(error: Exception) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else repr(error)


def _convert(
    table: TableSpec,
    raw: pl.DataFrame,
    columns: Sequence[ast.ColumnDef],
    file: Path,
    first_line: int | None,
    offset: int,
) -> pl.DataFrame:
    """`columns` of a batch, cast to their types; the first value that does not fit is an
    error (`offset`: rows of the file before this batch)."""
    converted = []
    for column in columns:
        source = raw.get_column(column.name)
        if source.dtype == to_polars(column.type):  # Parquet of the declared types: as it is
            converted.append(source)
            continue
        cast = convert(source, column.type)
        failed = source.is_not_null() & cast.is_null()
        if column.type.name == "DECIMAL":  # a number too big for it is NULL, as in Flink
            failed = failed & ~decimals.is_number(source)
        if failed.any():
            row = offset + int(failed.arg_max())  # type: ignore[arg-type]
            where = (
                f"{file}:{first_line + row}"
                if first_line is not None
                else f"{file} (row {row + 1})"
            )
            raise ExecutionError(
                f"{where}: value {_show(source[row - offset])} of column "
                f"'{column.name}' is not a {column.type}"
            )
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
        tries = [
            text.str.to_datetime(
                f, strict=False, time_unit=target.time_unit, time_zone=target.time_zone
            )
            for f in formats
        ]
        return pl.select(pl.coalesce(tries)).to_series().alias(text.name)
    if target == pl.Time:
        return text.str.to_time(_TIME, strict=False)
    if target == pl.Boolean:
        return text.str.to_lowercase().replace_strict(
            _BOOLEANS, default=None, return_dtype=pl.Boolean
        )
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
                file,
                include_header=bool(table.options.get("csv.header")),
                separator=str(table.options.get("csv.field-delimiter", ",")),
            )
        elif fmt == "json":
            _as_text(rows).write_ndjson(file)
        else:
            rows.write_parquet(file)
    except pl.exceptions.PolarsError as error:
        raise ExecutionError(
            f"table '{table.name}': cannot write {file} as {fmt}: {_first_line(error)}"
        ) from None


def _as_text(rows: pl.DataFrame) -> pl.DataFrame:
    """Dates and times as Flink's text formats write them."""
    columns = []
    for name, dtype in rows.schema.items():
        column = pl.col(name)
        if isinstance(dtype, pl.Datetime):
            column = (
                column.dt.convert_time_zone("UTC").dt.strftime(_TIMESTAMP_OUT + "Z")
                if dtype.time_zone
                else column.dt.strftime(_TIMESTAMP_OUT)
            )
        elif dtype == pl.Time:
            column = column.dt.strftime(_TIME)
        elif dtype == pl.Date:
            column = column.dt.strftime("%Y-%m-%d")
        columns.append(column.alias(name))
    return rows.select(columns)
