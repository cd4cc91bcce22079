"""One data file of a filesystem table: csv, json lines or parquet, as Flink's formats write them.

Text formats carry dates and times as Flink writes them: DATE `2025-01-02`, TIMESTAMP
`2025-01-02 10:11:12.345` (as many fraction digits as needed, none for whole seconds),
TIMESTAMP_LTZ the same in UTC with a trailing `Z`, TIME `10:11:12`, BOOLEAN `true`/`false`.
Reading takes what Flink's formats take: csv the forms above only, json the timestamps of its
'json.timestamp-format.standard' (`T` between date and time with 'ISO-8601'); numbers trimmed,
any boolean text but `true` is false. csv has no header line unless `'csv.header'` says so;
its fields follow Flink's rules (`csv_reader`: an empty field is '' for STRING and fails for
an INT; NULL is 'csv.null-literal'), json's too (`json_reader`). A file of zero bytes is zero
rows, in every text format.

Reading is lazy (Polars' `scan_csv`, `scan_ndjson`, `scan_parquet`), batch by batch, and reads
only the columns a query uses; it checks each value read against its declared column and names
the file, and for csv and json the line, of the first value that does not fit (or, with the
format's 'ignore-parse-errors', reads it as NULL with a warning: `parse_faults`), as
`path:line:col: error: ...` where the column is known (a csv field, a json syntax error); the
executor adds the query that read the file (`DataFileError.read_by`).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import polars as pl

from bailian_assets.errors import DataFileError, ExecutionError
from bailian_assets.executor import decimals
from bailian_assets.executor.csv_reader import (
    RECORD,
    LineIndex,
    check_records,
    csv_text_batches,
    field_column,
)
from bailian_assets.executor.dtypes import to_polars
from bailian_assets.executor.json_reader import json_batches
from bailian_assets.executor.parse_faults import ParseFaults
from bailian_assets.planning.connectors import TableSpec
from bailian_assets.planning.connectors.formats import CsvFormat, JsonFormat
from bailian_assets.sql import ast

EXTENSIONS = {"csv": ".csv", "json": ".json", "parquet": ".parquet"}

_TIMESTAMP_OUT = "%Y-%m-%d %H:%M:%S%.f"
_TIME = "%H:%M:%S%.f"


# ------------------------------------------------------------------ reading


def read_batches(
    table: TableSpec, file: Path, columns: Sequence[ast.ColumnDef]
) -> Iterator[pl.DataFrame]:
    """The given data columns of one file, typed, a batch at a time (only those columns are
    read, through Polars' lazy scans); a value that does not fit is an error naming the file,
    and the line for csv and json, unless the format's 'ignore-parse-errors' reads it as NULL
    (with a warning). Every declared data column must be in a json or parquet file."""
    fmt = str(table.options["format"])
    try:
        if fmt != "parquet" and file.stat().st_size == 0:
            return  # zero bytes: zero rows
        if fmt == "csv":
            yield from _csv_batches(table, file, columns)
        elif fmt == "json":
            yield from json_batches(table, file, columns, JsonFormat.of(table.options))
        else:
            yield from _parquet_batches(table, file, columns)
    except (ExecutionError, FileNotFoundError):
        raise  # FileNotFoundError: removed since it was listed; the caller reads again
    except (pl.exceptions.PolarsError, OSError) as error:
        where = _first_bad_json_line(file) if fmt == "json" else None
        if where is not None:
            line, col, problem = where
            raise DataFileError(
                f"{file}:{line}:{col}: error: cannot read it as json: {problem}"
            ) from None
        raise ExecutionError(f"{file}: cannot read it as {fmt}: {_first_line(error)}") from None


def _first_bad_json_line(file: Path) -> tuple[int, int, str] | None:
    """The first line of a json-lines file that is no JSON value, and why (Polars' own
    message names neither): for the error of a file that failed to read."""
    try:
        with file.open(encoding="utf-8", errors="replace") as lines:
            for number, line in enumerate(lines, start=1):
                if not line.strip():
                    continue
                try:
                    json.loads(line)
                except json.JSONDecodeError as error:
                    return number, error.colno, error.msg
    except OSError:
        return None
    return None


def _row_locator(faults: ParseFaults, offset: int) -> Callable[[int, int], str]:
    """Where row `row` of a batch starting at row `offset` of the file is, for messages."""
    return lambda row, field: faults.where(None, offset + row)


def _parquet_batches(
    table: TableSpec, file: Path, columns: Sequence[ast.ColumnDef]
) -> Iterator[pl.DataFrame]:
    raw = pl.scan_parquet(file)
    check_columns(table, raw.collect_schema().names(), file)
    read = list(columns) or list(table.data_columns[:1])  # no column: still count rows
    offset = 0
    faults = ParseFaults(file, False, "")
    for batch in raw.select(c.name for c in read).collect_batches():
        typed = typed_batch(batch, columns, faults, _row_locator(faults, offset))
        offset += batch.height
        yield typed


def _csv_batches(
    table: TableSpec, file: Path, columns: Sequence[ast.ColumnDef]
) -> Iterator[pl.DataFrame]:
    """A csv file's rows by Flink's csv rules (`csv_reader`)."""
    fmt = CsvFormat.of(table.options)
    faults = ParseFaults(file, fmt.ignore_parse_errors, "csv.ignore-parse-errors")
    read = list(columns) or list(table.data_columns[:1])  # no column: still count rows
    positions = _csv_positions(table, file, fmt, read)
    offset = 0
    for batch, index in csv_text_batches(table, file, read, fmt):
        height = batch.height
        batch, empty = check_records(batch, offset, positions, index, faults)
        records = batch.get_column(RECORD)
        offset += height

        def where(
            row: int, field: int, records: pl.Series = records, index: LineIndex = index
        ) -> str:
            record = int(records[row])
            line = index.line(record)
            col = None if line is None else field_column(file, line, positions[field], fmt)
            return faults.where(line, record, col)

        text = _csv_text(batch.drop(RECORD), empty, fmt)
        yield typed_batch(text, columns, faults, where, "SQL", empty)
    faults.finish()


def _csv_positions(
    table: TableSpec, file: Path, fmt: CsvFormat, columns: Sequence[ast.ColumnDef]
) -> list[int]:
    """Where each column is in a line: its declared place, or its place in the header."""
    if not fmt.header:
        names = [c.name for c in table.data_columns]
        return [names.index(c.name) for c in columns]
    header = (
        pl.scan_csv(
            file, has_header=True, separator=fmt.delimiter, quote_char=fmt.quote, infer_schema=False
        )
        .collect_schema()
        .names()
    )
    check_columns(table, header, file)
    return [header.index(c.name) for c in columns]


def _csv_text(batch: pl.DataFrame, empty: pl.DataFrame | None, fmt: CsvFormat) -> pl.DataFrame:
    """Fields as Flink sees them: an empty field is "" (Polars read it as null); the null
    literal, quoted or not, is NULL."""
    if empty is None and fmt.null_literal is None:
        return batch
    columns = []
    for name in batch.columns:
        text = pl.col(name)
        if empty is not None:
            text = pl.when(empty.get_column(name)).then(pl.lit("")).otherwise(text)
        if fmt.null_literal is not None:
            text = pl.when(text == fmt.null_literal).then(None).otherwise(text)
        columns.append(text.alias(name))
    return pl.DataFrame(height=batch.height) if not columns else batch.select(columns)


def check_columns(table: TableSpec, names: Sequence[str], file: Path) -> None:
    """Every declared data column is in the file (a header, a json file's keys)."""
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


def typed_batch(
    raw: pl.DataFrame,
    columns: Sequence[ast.ColumnDef],
    faults: ParseFaults,
    where: Callable[[int, int], str],
    standard: str | None = None,
    empty: pl.DataFrame | None = None,
) -> pl.DataFrame:
    """`columns` of a batch, cast to their types (text read as Flink's text formats read it,
    timestamps in `standard`, 'SQL' or 'ISO-8601'; None: either); a value that does not fit
    goes to `faults` (an error, or NULL), located by `where(row, i)` (`columns[i]`'s value).
    `empty` marks empty fields."""
    converted = []
    for field, column in enumerate(columns):
        source = raw.get_column(column.name)
        if source.dtype == to_polars(column.type):  # Parquet of the declared types: as it is
            converted.append(source)
            continue
        cast = convert(source, column.type, standard)
        failed = source.is_not_null() & cast.is_null()
        if column.type.name == "DECIMAL":  # a number too big for it is NULL, as in Flink
            failed = failed & ~decimals.is_number(source)
        for row in failed.arg_true():
            row = int(row)
            blank = empty is not None and bool(empty.get_column(column.name)[row])
            problem = (
                f"empty field for column '{column.name}', which is {column.type} (Flink: "
                f"For input string: \"\"; 'csv.null-literal' = '' reads it as NULL)"
                if blank
                else f"value {_show(source[row])} of column '{column.name}' is not a {column.type}"
            )
            faults.value(where(row, field), problem)
        converted.append(cast.alias(column.name))
    return pl.DataFrame(converted) if converted else pl.DataFrame(height=raw.height)


def convert(source: pl.Series, data_type: ast.DataType, standard: str | None = None) -> pl.Series:
    """`source` as `data_type`; values that do not convert become NULL (the caller reports
    them). Text is parsed as Flink's csv and json formats read it (timestamps in `standard`,
    'SQL' or 'ISO-8601'; None: either)."""
    target = to_polars(data_type)
    if data_type.name == "MAP" and isinstance(source.dtype, pl.Struct):
        return _object_as_map(source, target)
    if data_type.name == "DECIMAL":  # HALF_UP to the scale, NULL (reported) when too big
        text = source.str.strip_chars() if source.dtype == pl.String else source
        return pl.select(decimals.read(pl.lit(text), source.dtype, data_type)).to_series()
    if source.dtype == pl.String and target != pl.String:
        return parse_text(source, target, standard)
    try:
        return source.cast(target, strict=False)
    except pl.exceptions.PolarsError:
        return pl.Series(source.name, [None] * len(source), dtype=target)


def _object_as_map(source: pl.Series, target: pl.DataType) -> pl.Series:
    """JSON objects (read as a struct of every key any row has) as MAP entries, as Flink's
    json format reads an object into a MAP column: a row's keys with a value, in the
    object's order; a row holding a value that does not convert is NULL (reported)."""
    rows = [
        None if row is None else [{"key": k, "value": v} for k, v in row.items() if v is not None]
        for row in source.to_list()
    ]
    try:
        return pl.Series(source.name, rows, dtype=target, strict=False)
    except (pl.exceptions.PolarsError, TypeError, ValueError):  # one bad row: row by row
        return pl.Series(source.name, [_map_or_none(row, target) for row in rows], dtype=target)


def _map_or_none(entries: list[dict] | None, target: pl.DataType) -> list[dict] | None:
    """One row's MAP entries as `target` holds them, or None when a value does not fit."""
    try:
        return pl.Series([entries], dtype=target, strict=False).to_list()[0]
    except (pl.exceptions.PolarsError, TypeError, ValueError):
        return None


def parse_text(text: pl.Series, target: pl.DataType, standard: str | None = None) -> pl.Series:
    """Text values as `target`, as Java parses them in Flink's formats: numbers and booleans
    trimmed, a boolean true only for `true` in any case (anything else is false, as
    `Boolean.parseBoolean` has it), dates, times and timestamps in Flink's text forms; what
    does not parse is NULL."""
    if target == pl.Date:
        return text.str.to_date("%Y-%m-%d", strict=False)
    if isinstance(target, pl.Datetime):
        formats = _timestamp_formats(standard, bool(target.time_zone))
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
        return text.str.strip_chars().str.to_lowercase() == "true"
    try:
        cast = text.cast(target, strict=False)
        if bool((text.is_not_null() & cast.is_null()).any()):  # Java trims numbers first
            cast = cast.fill_null(text.str.strip_chars().cast(target, strict=False))
        return cast
    except pl.exceptions.PolarsError:
        return pl.Series(text.name, [None] * len(text), dtype=target)


def _timestamp_formats(standard: str | None, zoned: bool) -> tuple[str, ...]:
    """Flink's SQL form (`2024-01-05 10:00:00.123`), its ISO-8601 form (`T` between date and
    time, seconds optional), or both (None); a TIMESTAMP_LTZ ends with `Z`."""
    sql: tuple[str, ...] = ("%Y-%m-%d %H:%M:%S%.f",)
    iso: tuple[str, ...] = ("%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%dT%H:%M")
    chosen = sql if standard == "SQL" else iso if standard == "ISO-8601" else sql + iso
    if standard is None:
        chosen += ("%Y-%m-%d %H:%M",)
        return tuple(f + s for f in chosen for s in ("%#z", "Z", "")) if zoned else chosen
    return tuple(f + "Z" for f in chosen) if zoned else chosen


def _show(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


# ------------------------------------------------------------------ writing


def write_file(table: TableSpec, rows: pl.DataFrame, file: Path) -> None:
    """Write `rows` (data columns only) to `file` in the table's format."""
    fmt = str(table.options["format"])
    try:
        if fmt == "csv":
            csv = CsvFormat.of(table.options)
            _as_text(rows).write_csv(
                file,
                include_header=csv.header,
                separator=csv.delimiter,
                quote_char=csv.quote or '"',
                quote_style="necessary" if csv.quote else "never",
                null_value=csv.null_literal or "",
            )
        elif fmt == "json":
            _as_text(rows).write_ndjson(file)
        else:
            rows.write_parquet(file)
    except pl.exceptions.PolarsError as error:
        raise ExecutionError(
            f"table '{table.name}': cannot write {file} as {fmt}: {_first_line(error)}"
        ) from None


def _fewest_digits(text: pl.Expr) -> pl.Expr:
    """A time's text with the fraction digits it needs only, as Flink writes it: `00.5`, not
    the `00.500` of strftime's `%.f` (which writes 0, 3, 6 or 9 digits)."""
    return text.str.replace(r"(\.\d*?)0+$", "${1}").str.replace(r"\.$", "")


def _as_text(rows: pl.DataFrame) -> pl.DataFrame:
    """Dates and times as Flink's text formats write them."""
    columns = []
    for name, dtype in rows.schema.items():
        column = pl.col(name)
        if isinstance(dtype, pl.Datetime):
            column = (
                _fewest_digits(column.dt.convert_time_zone("UTC").dt.strftime(_TIMESTAMP_OUT)) + "Z"
                if dtype.time_zone
                else _fewest_digits(column.dt.strftime(_TIMESTAMP_OUT))
            )
        elif dtype == pl.Time:
            column = _fewest_digits(column.dt.strftime(_TIME))
        elif dtype == pl.Date:
            column = column.dt.strftime("%Y-%m-%d")
        columns.append(column.alias(name))
    return rows.select(columns)
