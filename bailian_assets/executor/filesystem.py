"""Flink's filesystem connector: csv, json (one object per line) and parquet files in a folder,
partitioned Hive-style into `col=value/` sub-folders.

As in Flink, partition values live in folder names (escaped as Hive escapes them, see
`partition_path`), not in the files, and csv has no header line (our `'csv.header' = 'true'`
adds one). Reading checks the data against the declared columns and names the file, and the
line where it can, of the first value that does not fit (`file_formats`).

Writing replaces what it covers whole: the table (unpartitioned), or each partition it writes.
It never touches what the table did not write, and each partition changes in one atomic step
(`table_folder`): readers, and a writer killed at any moment, see it as it was or as it is now.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable, Iterator, Mapping, Sequence

import polars as pl

from bailian_assets.errors import ExecutionError
from bailian_assets.executor.file_formats import (
    EXTENSIONS, convert, empty_frame, read_file, write_file,
)
from bailian_assets.planning.partition_path import (
    DEFAULT_PARTITION, folder_name, parse_folder_name,
)
from bailian_assets.executor.sinks import format_value
from bailian_assets.executor.table_folder import TableWriter, tidy
from bailian_assets.planning.connectors import TableSpec, path_kind_problem

_READ_ATTEMPTS = 3  # a partition a writer removes while it is being read: read again


# ------------------------------------------------------------------ partitions


def partition_values(table: TableSpec) -> list[str]:
    """The values of the first partition column that have a folder, unescaped, sorted
    (NULL is `__DEFAULT_PARTITION__`, as in Flink)."""
    location = _existing(table)
    column = table.partitioned_by[0]
    try:
        values = {parse_folder_name(entry.name, column) for entry in location.iterdir()
                  if entry.is_dir()}
    except OSError as error:
        raise _read_error(table, location, error) from None
    return sorted(v for v in values if v is not None)


def _read_error(table: TableSpec, path: Path, error: OSError) -> ExecutionError:
    where = error.filename or path
    return ExecutionError(f"table '{table.name}' ({_declared(table)}): cannot read "
                          f"'{where}': {error.strerror or error}")


def _existing(table: TableSpec) -> Path:
    """The table's path, which must be a folder or a regular file (never a device or FIFO,
    which would block or never end)."""
    location = table.location
    problem = None if location is None else path_kind_problem(location)
    if problem is None and (location is None or not os.path.lexists(location)):
        problem = "does not exist"
    if problem is not None:
        raise ExecutionError(f"table '{table.name}' ({_declared(table)}): path '{location}' "
                             f"{problem}")
    return location


def _declared(table: TableSpec) -> str:
    return f"declared at {table.path}:{table.position.line}"


def data_files(table: TableSpec, partitions: Sequence[str] | None = None) -> list[Path]:
    """The data files a read of `table` (or of the given partitions) reads now, in the order
    read; none for a missing folder or partition (what the UI shows of a source's files)."""
    location = table.location
    if location is None or not location.is_dir():
        return []
    first = table.partitioned_by[0] if table.partitioned_by else None
    present = partitions
    if partitions is not None and first is not None:  # a missing partition reads no files
        present = [v for v in partitions if (location / folder_name(first, v)).is_dir()]
    return [file for folder, _ in _partition_folders(table, location, present)
            for file in _data_files(folder)]


# ------------------------------------------------------------------ reading


def read_table(table: TableSpec, partitions: Sequence[str] | None = None) -> pl.DataFrame:
    """Rows of a filesystem table: every partition, or those whose first partition column has
    the given (unescaped) values. A requested partition without a folder is an error."""
    location = _existing(table)
    tidy(table)
    for attempt in range(_READ_ATTEMPTS):
        try:
            return _read(table, location, partitions)
        except FileNotFoundError:  # removed by a writer since it was listed
            if attempt == _READ_ATTEMPTS - 1:
                raise ExecutionError(f"table '{table.name}': its files kept changing while "
                                     "being read; read it again") from None
        except OSError as error:
            raise _read_error(table, location, error) from None
    raise AssertionError("unreachable")


def _read(table: TableSpec, location: Path, partitions: Sequence[str] | None) -> pl.DataFrame:
    frames = []
    for folder, spec in _partition_folders(table, location, partitions):
        for file in _data_files(folder):
            frames.append(_with_partition_columns(table, read_file(table, file), spec, folder))
    if not frames:
        return empty_frame(table.columns)
    return pl.concat(frames, how="vertical")


def _partition_folders(table: TableSpec, location: Path, wanted: Sequence[str] | None):
    if not table.partitioned_by:
        yield location, {}
        return
    first = table.partitioned_by[0]
    if wanted is not None:
        for value in wanted:
            folder = location / folder_name(first, value)
            if not folder.is_dir():
                raise ExecutionError(f"table '{table.name}': no data for partition "
                                     f"{first}={value} (no folder {folder})")
    for folder, spec in _walk_partitions(location, table.partitioned_by):
        if wanted is None or spec[first] in wanted:
            yield folder, spec


def _walk_partitions(folder: Path, columns: Sequence[str], spec: dict | None = None
                     ) -> Iterator[tuple[Path, dict]]:
    spec = spec or {}
    if not columns:
        yield folder, spec
        return
    for entry in sorted(folder.iterdir()):
        value = parse_folder_name(entry.name, columns[0]) if entry.is_dir() else None
        if value is not None:
            yield from _walk_partitions(entry, columns[1:], {**spec, columns[0]: value})


def _data_files(folder: Path) -> list[Path]:
    if folder.is_file():
        return [folder]
    return sorted(p for p in folder.iterdir()
                  if p.is_file() and not p.name.startswith((".", "_")))


def _with_partition_columns(table: TableSpec, frame: pl.DataFrame, spec: Mapping[str, str],
                            folder: Path) -> pl.DataFrame:
    extra = []
    for column in table.partition_columns:
        value = spec.get(column.name)
        text = pl.Series(column.name, [None if value == DEFAULT_PARTITION else value],
                         dtype=pl.String)
        typed = convert(text, column.type)
        if text.is_not_null().any() and typed.is_null().all():
            raise ExecutionError(f"{folder}: partition value {value!r} of column "
                                 f"'{column.name}' is not a {column.type}")
        extra.append(pl.lit(typed[0], dtype=typed.dtype).alias(column.name))
    frame = frame.with_columns(extra) if extra else frame
    return frame.select(c.name for c in table.columns)


# ------------------------------------------------------------------ writing


def write_table(table: TableSpec, frame: pl.DataFrame,
                partitions: Iterable[str] | None = None) -> list[Path]:
    """Write `frame`, replacing whole what it covers, and nothing the table did not write.

    Without `partitions`: the whole table (unpartitioned), or each partition `frame` has rows
    for. With `partitions` (values of the first partition column, as a Dagster run has them):
    exactly those partitions, each replaced whole (emptied when `frame` has no rows for it);
    a row of another partition is an error. Returns the folders written or removed."""
    if partitions is not None and not table.partitioned_by:
        raise ExecutionError(f"table '{table.name}' ({_declared(table)}) is not partitioned: "
                             "a write of some partitions would replace the whole table")
    groups = _groups(table, frame)
    covered = _covered(table, groups, partitions)
    name = f"part-0{EXTENSIONS[str(table.options['format'])]}"
    with TableWriter(table) as writer:
        removals = _removals(writer, table, groups, covered)
        for parts in groups:  # every check first: nothing is written if one fails
            writer.check_replaceable(parts)
        for first in covered:  # a covered partition is replaced whole: all of it is ours
            writer.check_partition((first,), removing=False)
        for parts in removals:
            writer.check_partition(parts, removing=True)
        written = [writer.replace(parts, name, _writer_of(table, rows))
                   for parts, rows in groups.items()]
        for parts in removals:
            writer.remove(parts)
    return written + [writer.root.joinpath(*parts) for parts in removals]


def _writer_of(table: TableSpec, rows: pl.DataFrame):
    return lambda path: write_file(table, rows, path)


def _groups(table: TableSpec, frame: pl.DataFrame) -> dict[tuple[str, ...], pl.DataFrame]:
    """Rows by data folder (its names under the table folder), partition columns dropped."""
    keys = list(table.partitioned_by)
    if not keys:
        return {(): frame}
    if not frame.height:
        return {}
    groups: dict[tuple[str, ...], list[pl.DataFrame]] = {}
    for values, rows in frame.partition_by(keys, as_dict=True, maintain_order=True).items():
        parts = tuple(folder_name(k, _partition_text(v)) for k, v in zip(keys, values))
        groups.setdefault(parts, []).append(rows.drop(keys))  # NULL and '' share a folder
    return {parts: pl.concat(frames) for parts, frames in groups.items()}


def _partition_text(value: object) -> str | None:
    """A partition value as Flink writes it in a folder name (before escaping)."""
    return None if value is None else format_value(value)


def _covered(table: TableSpec, groups: Mapping[tuple[str, ...], pl.DataFrame],
             partitions: Iterable[str] | None) -> list[str]:
    """First-level folders the write covers (`partitions`); refuses rows outside them."""
    if partitions is None:
        return []
    covered = [folder_name(table.partitioned_by[0], p) for p in partitions]
    outside = sorted({parts[0] for parts in groups} - set(covered))
    if outside:
        raise ExecutionError(
            f"table '{table.name}' ({_declared(table)}): a write of partitions "
            f"{', '.join(covered)} has rows for {', '.join(outside[:5])}; a partitioned run "
            f"must only write its own partitions (select the source's partition column into "
            f"'{table.partitioned_by[0]}')")
    return covered


def _removals(writer: TableWriter, table: TableSpec,
              groups: Mapping[tuple[str, ...], pl.DataFrame], covered: Sequence[str]
              ) -> list[tuple[str, ...]]:
    """Folders under the covered partitions that the write does not rewrite: removed, so each
    covered partition ends holding exactly the rows written."""
    kept = set(groups)
    removals = []
    for first in covered:
        if not (writer.root / first).is_dir():
            continue  # nothing there yet
        if not any(parts[0] == first for parts in kept):
            removals.append((first,))
            continue
        for folder, _ in _walk_partitions(writer.root / first, table.partitioned_by[1:]):
            parts = (first, *folder.relative_to(writer.root / first).parts)
            if parts not in kept:
                removals.append(parts)
    return removals
