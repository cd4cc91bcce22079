"""Flink's filesystem connector: csv, json (one object per line) and parquet files in a folder,
partitioned Hive-style into `col=value/` sub-folders.

As in Flink, partition values live in folder names, not in the files, and csv has no header
line (our `'csv.header' = 'true'` adds one). Reading checks the data against the declared
columns and names the file, and the line where it can, of the first value that does not fit.
Writing one partition replaces it whole: the new files are written to a hidden folder beside it
and swapped in, so readers never see half a partition and a re-run never duplicates rows.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import uuid
from pathlib import Path
from typing import Iterable, Mapping, Sequence

import polars as pl

from bailian_assets.errors import ExecutionError
from bailian_assets.executor.dtypes import to_polars
from bailian_assets.planning.connectors import TableSpec

DEFAULT_PARTITION = "__DEFAULT_PARTITION__"  # Flink's name for a NULL partition value
_EXTENSIONS = {"csv": ".csv", "json": ".json", "parquet": ".parquet"}


# ------------------------------------------------------------------ partitions


def partition_values(table: TableSpec) -> list[str]:
    """The values of the first partition column that have a folder, sorted."""
    location = _existing(table)
    column = table.partitioned_by[0]
    values = {entry.name.split("=", 1)[1] for entry in location.iterdir()
              if entry.is_dir() and entry.name.startswith(f"{column}=")}
    return sorted(values)


def _existing(table: TableSpec) -> Path:
    location = table.location
    if location is None or not location.exists():
        raise ExecutionError(f"table '{table.name}' ({_declared(table)}): path '{location}' "
                             "does not exist")
    return location


def _declared(table: TableSpec) -> str:
    return f"declared at {table.path}:{table.position.line}"


# ------------------------------------------------------------------ reading


def read_table(table: TableSpec, partitions: Sequence[str] | None = None) -> pl.DataFrame:
    """Rows of a filesystem table: every partition, or those whose first partition column has
    the given values. A requested partition without a folder is an error."""
    location = _existing(table)
    frames = []
    for folder, spec in _partition_folders(table, location, partitions):
        for file in _data_files(table, folder):
            frames.append(_with_partition_columns(table, _read_file(table, file), spec))
    if not frames:
        return pl.DataFrame(schema={c.name: to_polars(c.type) for c in table.columns})
    return pl.concat(frames, how="vertical")


def _partition_folders(table: TableSpec, location: Path, wanted: Sequence[str] | None):
    if not table.partitioned_by:
        yield location, {}
        return
    first = table.partitioned_by[0]
    if wanted is not None:
        for value in wanted:
            folder = location / f"{first}={value}"
            if not folder.is_dir():
                raise ExecutionError(f"table '{table.name}': no data for partition "
                                     f"{first}={value} (no folder {folder})")
    for folder, spec in _walk_partitions(location, table.partitioned_by):
        if wanted is None or spec[first] in wanted:
            yield folder, spec


def _walk_partitions(folder: Path, columns: Sequence[str], spec: dict | None = None):
    spec = spec or {}
    if not columns:
        yield folder, spec
        return
    for entry in sorted(folder.iterdir()):
        if entry.is_dir() and entry.name.startswith(f"{columns[0]}="):
            value = entry.name.split("=", 1)[1]
            yield from _walk_partitions(entry, columns[1:], {**spec, columns[0]: value})


def _data_files(table: TableSpec, folder: Path) -> list[Path]:
    if folder.is_file():
        return [folder]
    return sorted(p for p in folder.iterdir()
                  if p.is_file() and not p.name.startswith((".", "_")))


def _read_file(table: TableSpec, file: Path) -> pl.DataFrame:
    columns = table.data_columns
    fmt = table.options["format"]
    try:
        if fmt == "csv":
            header = bool(table.options.get("csv.header"))
            raw = pl.read_csv(file, has_header=header, infer_schema=False,
                              separator=str(table.options.get("csv.field-delimiter", ",")),
                              new_columns=None if header else [c.name for c in columns])
            if not header and raw.width != len(columns):
                raise ExecutionError(f"{file}: {raw.width} fields per line, table "
                                     f"'{table.name}' declares {len(columns)}")
            first_line = 2 if header else 1
        elif fmt == "json":
            raw = pl.read_ndjson(file, infer_schema_length=None)
            first_line = 1
        else:
            raw = pl.read_parquet(file)
            first_line = None
    except ExecutionError:
        raise
    except (pl.exceptions.PolarsError, OSError) as error:
        message = str(error).strip().splitlines()[0] if str(error).strip() else repr(error)
        raise ExecutionError(f"{file}: cannot read it as {fmt}: {message}") from None
    return _convert(table, raw, file, first_line)


def _convert(table: TableSpec, raw: pl.DataFrame, file: Path, first_line: int | None
             ) -> pl.DataFrame:
    """Declared columns, cast to their types; the first value that does not fit is an error."""
    converted = []
    for column in table.data_columns:
        if column.name not in raw.columns:
            raise ExecutionError(f"{file}: no column '{column.name}', which table "
                                 f"'{table.name}' declares ({_declared(table)})")
        source = raw.get_column(column.name)
        target = to_polars(column.type)
        if source.dtype == pl.String and target != pl.String:
            source = source.replace("", None)  # an empty field is NULL, as in Flink's csv
        try:
            cast = source.cast(target, strict=False)
        except pl.exceptions.PolarsError:
            cast = pl.Series(column.name, [None] * len(source), dtype=target)
        failed = source.is_not_null() & cast.is_null()
        if failed.any():
            row = int(failed.arg_max())  # type: ignore[arg-type]
            where = f"{file}:{first_line + row}" if first_line is not None else f"{file} (row {row + 1})"
            raise ExecutionError(f"{where}: value {_show(source[row])} of column "
                                 f"'{column.name}' is not a {column.type}")
        converted.append(cast.alias(column.name))
    return pl.DataFrame(converted) if converted else pl.DataFrame(height=raw.height)


def _show(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _with_partition_columns(table: TableSpec, frame: pl.DataFrame, spec: Mapping[str, str]
                            ) -> pl.DataFrame:
    extra = []
    for column in table.partition_columns:
        value = spec.get(column.name)
        value = None if value == DEFAULT_PARTITION else value
        literal = pl.lit(value, dtype=pl.String)
        target = to_polars(column.type)
        extra.append((literal.str.to_date() if target == pl.Date else literal.cast(target))
                     .alias(column.name))
    frame = frame.with_columns(extra) if extra else frame
    return frame.select(c.name for c in table.columns)


# ------------------------------------------------------------------ writing


def write_table(table: TableSpec, frame: pl.DataFrame,
                replace: Iterable[str] | None = None) -> list[Path]:
    """Write `frame`, replacing whole what it covers: the table (unpartitioned), or each
    partition it has rows for plus those named in `replace` (values of the first partition
    column, emptied when `frame` has no rows for them). Returns the folders written."""
    location = table.location
    if location is None:
        raise ExecutionError(f"table '{table.name}' has no path")
    location.mkdir(parents=True, exist_ok=True) if table.partitioned_by else \
        location.parent.mkdir(parents=True, exist_ok=True)
    if not table.partitioned_by:
        _replace_folder(table, location, frame)
        return [location]
    written = []
    keys = list(table.partitioned_by)
    groups = frame.partition_by(keys, as_dict=True, maintain_order=True) if frame.height else {}
    seen = set()
    for values, rows in groups.items():
        spec = dict(zip(keys, (_folder_value(v) for v in values)))
        seen.add(spec[keys[0]])
        folder = location.joinpath(*(f"{k}={v}" for k, v in spec.items()))
        _replace_folder(table, folder, rows.drop(keys))
        written.append(folder)
    for value in replace or ():
        if value not in seen:  # the partition has no rows now: remove what an earlier run left
            folder = location / f"{keys[0]}={value}"
            if folder.exists():
                shutil.rmtree(folder)
            written.append(folder)
    return written


def _folder_value(value: object) -> str:
    if value is None:
        return DEFAULT_PARTITION
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return str(value)


def _replace_folder(table: TableSpec, folder: Path, rows: pl.DataFrame) -> None:
    fmt = str(table.options["format"])
    staging = folder.parent / f".{folder.name}.tmp-{uuid.uuid4().hex[:8]}"
    staging.mkdir(parents=True)
    try:
        file = staging / f"part-0{_EXTENSIONS[fmt]}"
        if fmt == "csv":
            rows.write_csv(file, include_header=bool(table.options.get("csv.header")),
                           separator=str(table.options.get("csv.field-delimiter", ",")))
        elif fmt == "json":
            rows.write_ndjson(file)
        else:
            rows.write_parquet(file)
        retired = None
        if folder.exists():
            retired = folder.parent / f".{folder.name}.old-{uuid.uuid4().hex[:8]}"
            os.replace(folder, retired)
        os.replace(staging, folder)
        if retired is not None:
            shutil.rmtree(retired, ignore_errors=True)
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
