"""Flink's filesystem connector: csv, json (one object per line) and parquet files in a folder,
partitioned Hive-style into `col=value/` sub-folders.

As in Flink, partition values live in folder names (escaped as Hive escapes them, see
`partition_path`), not in the files, and csv has no header line (our `'csv.header' = 'true'`
adds one). Reading checks the data against the declared columns and names the file, and the
line where it can, of the first value that does not fit (`file_formats`).

Reading is lazy (`scan_table`): a Polars IO source that receives the query's projection and
filter. The filter's terms on partition columns are tried on each folder's values, so only the
folders they can match are listed and read; only the columns the query uses are read; rows come
a batch at a time, so a streaming query holds a batch, not the table.

Writing replaces what it covers whole: the table (unpartitioned), or each partition it writes.
It never touches what the table did not write, and each partition changes in one atomic step
(`table_folder`): readers, and a writer killed at any moment, see it as it was or as it is now.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path

import polars as pl
from polars.io.plugins import register_io_source

from bailian_assets.errors import DataFileError, ExecutionError
from bailian_assets.executor import parquet_scans
from bailian_assets.executor.casts import compile_cast
from bailian_assets.executor.dtypes import to_polars
from bailian_assets.executor.file_formats import EXTENSIONS, convert, read_batches, write_file
from bailian_assets.executor.sinks import format_value
from bailian_assets.executor.table_folder import TableWriter, tidy
from bailian_assets.planning.connectors import TableSpec, connector_of, path_kind_problem
from bailian_assets.planning.partition_path import (
    DEFAULT_PARTITION,
    folder_name,
    parse_folder_name,
)
from bailian_assets.sql import ast

_READ_ATTEMPTS = 3  # a partition a writer removes while it is being read: read again


# ------------------------------------------------------------------ partitions


def partition_values(table: TableSpec) -> list[str]:
    """The values of the first partition column that have a folder, unescaped, sorted
    (NULL is `__DEFAULT_PARTITION__`, as in Flink)."""
    location = _existing(table)
    column = table.partitioned_by[0]
    try:
        values = {
            parse_folder_name(entry.name, column) for entry in location.iterdir() if entry.is_dir()
        }
    except OSError as error:
        raise _read_error(table, location, error) from None
    return sorted(v for v in values if v is not None)


def _read_error(table: TableSpec, path: Path, error: OSError) -> ExecutionError:
    where = error.filename or path
    return ExecutionError(
        f"table '{table.name}' ({_declared(table)}): cannot read "
        f"'{where}': {error.strerror or error}"
    )


def _existing(table: TableSpec) -> Path:
    """The table's path, which must be a folder or a regular file (never a device or FIFO,
    which would block or never end)."""
    location = table.location
    problem = None if location is None else path_kind_problem(location)
    if problem is None and (location is None or not os.path.lexists(location)):
        problem = "does not exist"
    if problem is not None:  # located at the 'path' option, then the query reading it
        raise DataFileError(
            f"{_path_option_place(table)}: error: table '{table.name}': path '{location}' {problem}"
        )
    assert location is not None  # a missing path is "does not exist" above
    return location


def _declared(table: TableSpec) -> str:
    return f"declared at {table.path}:{table.position.line}"


def _path_option_place(table: TableSpec) -> str:
    """`file:line:col` of the table's 'path' option value (of its name without one)."""
    options = table.statement.options if table.statement is not None else ()
    option = next((o for o in options if o.key == "path"), None)
    at = table.position if option is None else option.value_position
    return f"{table.path}:{at.line}:{at.col}"


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
    return [
        file
        for folder, _ in _partition_folders(table, location, present)
        for file in _data_files(folder)
    ]


# ------------------------------------------------------------------ reading


def scan_table(table: TableSpec, partitions: Sequence[str] | None = None) -> pl.LazyFrame:
    """Rows of a filesystem table, lazily: every partition, or those whose first partition
    column has the given (unescaped) values (a requested partition without a folder is an
    error, now). When the query runs, its projection and filter reach the files: only the
    columns it uses are read, and only the partition folders its filter can match are listed
    and read. Files are read when the rows are collected, a batch at a time."""
    location = _existing(table)
    _check_wanted(table, location, partitions)
    native = _native_parquet(table)
    if native is not None:
        return native

    def source(
        with_columns: list[str] | None,
        predicate: pl.Expr | None,
        n_rows: int | None,
        batch_size: int | None,
    ) -> Iterator[pl.DataFrame]:
        return _batches(table, location, partitions, with_columns, predicate, n_rows)

    schema = {c.name: to_polars(c.type) for c in (*table.columns, *table.metadata_columns)}
    return register_io_source(
        source, schema=schema, explain_name=f"filesystem {table.name}", explain_detail=str(location)
    )


def _native_parquet(table: TableSpec) -> pl.LazyFrame | None:
    """An unpartitioned Parquet table without METADATA columns whose files hold exactly the
    declared column types, as Polars' own scan (parallel, its projection and filter pushed into
    the files); None when the general reader is needed: it converts and checks each value and
    names the file of a problem (it also reads a file whose types differ or that is broken)."""
    if table.options.get("format") != "parquet" or table.partitioned_by or table.metadata_columns:
        return None
    declared = {c.name: to_polars(c.type) for c in table.data_columns}
    tidy(table)
    files = data_files(table)
    try:  # the files' schemas are read once while they stay unchanged (`parquet_scans`)
        scan = parquet_scans.SCANS.scan(files, declared) if files else None
    except OSError:  # a file gone since it was listed: the general reader reads again
        return None
    return None if scan is None else scan.select(list(declared))


def read_table(table: TableSpec, partitions: Sequence[str] | None = None) -> pl.DataFrame:
    """`scan_table`, every column, collected."""
    return scan_table(table, partitions).collect()


def _check_wanted(table: TableSpec, location: Path, wanted: Sequence[str] | None) -> None:
    if wanted is None or not table.partitioned_by:
        return
    first = table.partitioned_by[0]
    for value in wanted:
        folder = location / folder_name(first, value)
        if not folder.is_dir():
            raise ExecutionError(
                f"table '{table.name}': no data for partition {first}={value} (no folder {folder})"
            )


def _batches(
    table: TableSpec,
    location: Path,
    wanted: Sequence[str] | None,
    with_columns: Sequence[str] | None,
    predicate: pl.Expr | None,
    n_rows: int | None,
) -> Iterator[pl.DataFrame]:
    """The rows of the partitions `predicate` may match, projected to `with_columns`,
    filtered by `predicate`, at most `n_rows` (as Polars asks an IO source)."""
    tidy(table)
    every = (*table.columns, *table.metadata_columns)
    names = list(with_columns) if with_columns is not None else [c.name for c in every]
    needed = set(names) | (set(predicate.meta.root_names()) if predicate is not None else set())
    columns = [c for c in table.data_columns if c.name in needed]
    metadata = [c for c in table.metadata_columns if c.name in needed]
    pruning = PartitionFilter(table, predicate)
    left = n_rows
    try:
        for folder, spec in _partition_folders(table, location, wanted, pruning):
            values = _typed_values(table, spec, folder)
            for batch in _folder_batches(table, location, folder, columns, metadata):
                if values:
                    batch = batch.with_columns(
                        pl.lit(v, dtype=t).alias(n) for n, (v, t) in values.items()
                    )
                if predicate is not None:
                    batch = batch.filter(predicate)
                batch = batch.select(names) if names else pl.DataFrame(height=batch.height)
                if left is not None:
                    batch, left = batch.head(left), left - min(left, batch.height)
                yield batch
                if left == 0:
                    return
    except OSError as error:  # listing the partition folders
        raise _read_error(table, location, error) from None


def _folder_batches(
    table: TableSpec,
    location: Path,
    folder: Path,
    columns: Sequence[ast.ColumnDef],
    metadata: Sequence[ast.ColumnDef] = (),
) -> Iterator[pl.DataFrame]:
    """The rows of one data folder's files, with the `metadata` columns of each file. A file a
    writer removed since it was listed: the folder is listed again (a partition is replaced in
    one rename), unless rows of it were already given; a folder removed meanwhile has no rows."""
    for attempt in range(_READ_ATTEMPTS):
        given = False
        try:
            for file in _data_files(folder):
                values = _file_metadata(table, file, metadata) if metadata else ()
                for batch in read_batches(table, file, columns):
                    given = True
                    yield batch.with_columns(values)
            return
        except FileNotFoundError:
            if given or attempt == _READ_ATTEMPTS - 1:
                raise ExecutionError(
                    f"table '{table.name}': its files kept changing while being read; read it again"
                ) from None
            if folder != location and not folder.exists():
                return
        except OSError as error:
            raise _read_error(table, location, error) from None


def _file_metadata(table: TableSpec, file: Path, columns: Sequence[ast.ColumnDef]) -> list[pl.Expr]:
    """The METADATA columns of the rows of `file`, as Flink's filesystem source gives them,
    cast to each column's declared type (as Flink casts them)."""
    info = file.stat()
    values = {
        "file.path": str(file.absolute()),
        "file.name": file.name,
        "file.size": info.st_size,
        "file.modification-time": info.st_mtime_ns // 1_000_000 * 1000,  # microseconds
    }
    exprs = []
    for column in columns:
        key = str(column.metadata_key)
        source = connector_of(table).metadata[key]
        value = pl.lit(values[key], dtype=to_polars(source))
        exprs.append(compile_cast(value, source, column.type, safe=False).alias(column.name))
    row = pl.select(exprs)  # cast once per file; each batch gets the values as literals
    return [pl.lit(row.item(0, name), dtype=row.schema[name]).alias(name) for name in row.columns]


def _partition_folders(
    table: TableSpec,
    location: Path,
    wanted: Sequence[str] | None,
    pruning: PartitionFilter | None = None,
) -> Iterator[tuple[Path, dict]]:
    """Data folders with their partition values as text, only those `wanted` (first-column
    values) and `pruning` admits; deeper levels of a refused folder are never listed."""
    if not table.partitioned_by:
        yield location, {}
        return
    first = table.partitioned_by[0]

    def admit(spec: dict, folder: Path) -> bool:
        if len(spec) == 1 and wanted is not None and spec[first] not in wanted:
            return False
        return pruning is None or pruning.admits(lambda: _typed_values(table, spec, folder))

    yield from _walk_partitions(location, table.partitioned_by, admit=admit)


def _typed_values(table: TableSpec, spec: Mapping[str, str], folder: Path) -> dict:
    """The partition values of a folder, typed as declared: {name: (value, dtype)}."""
    typed = {}
    for column in table.partition_columns:
        if column.name not in spec:
            continue
        value = spec[column.name]
        text = pl.Series(
            column.name, [None if value == DEFAULT_PARTITION else value], dtype=pl.String
        )
        cast = convert(text, column.type)
        if text.is_not_null().any() and cast.is_null().all():
            raise ExecutionError(
                f"{folder}: partition value {value!r} of column "
                f"'{column.name}' is not a {column.type}"
            )
        typed[column.name] = (cast[0], cast.dtype)
    return typed


class PartitionFilter:
    """The parts of a query's filter that read partition columns only (its top-level AND
    terms), tried on each partition folder's values: a folder none of whose rows could pass is
    neither listed nor read. Any other part is left to the rows."""

    def __init__(self, table: TableSpec, predicate: pl.Expr | None):
        partition = set(table.partitioned_by)
        self.terms = []
        for term in conjuncts(predicate) if predicate is not None and partition else []:
            roots = set(term.meta.root_names())
            if roots and roots <= partition:
                self.terms.append((roots, term))

    def admits(self, typed_values: Callable[[], Mapping[str, tuple[object, pl.DataType]]]) -> bool:
        """Whether rows of a folder with these values (typed on demand) could pass."""
        if not self.terms:
            return True
        values = typed_values()
        ready = [term for roots, term in self.terms if roots <= values.keys()]
        if not ready:
            return True
        row = pl.DataFrame([pl.Series(name, [v], dtype=t) for name, (v, t) in values.items()])
        try:
            return row.filter(pl.all_horizontal(ready)).height == 1
        except pl.exceptions.PolarsError:
            return True  # cannot tell here: the rows are filtered anyway


def conjuncts(predicate: pl.Expr) -> list[pl.Expr]:
    """The terms of a top-level AND (`a & b & c` -> [a, b, c]); the predicate itself else."""
    try:
        tree = json.loads(predicate.meta.serialize(format="json"))
    except Exception:
        return [predicate]
    node = tree.get("BinaryExpr") if isinstance(tree, dict) else None
    if not isinstance(node, dict) or node.get("op") != "And":
        return [predicate]
    return [term for side in predicate.meta.pop() for term in conjuncts(side)]


def _walk_partitions(
    folder: Path,
    columns: Sequence[str],
    spec: dict | None = None,
    admit: Callable[[dict, Path], bool] | None = None,
) -> Iterator[tuple[Path, dict]]:
    """Partition folders under `folder` (`col=value/` for each of `columns` in turn), sorted,
    with their values; a folder `admit` refuses is not walked into."""
    spec = spec or {}
    if not columns:
        yield folder, spec
        return
    for entry in sorted(folder.iterdir()):
        value = parse_folder_name(entry.name, columns[0]) if entry.is_dir() else None
        if value is None:
            continue
        inner = {**spec, columns[0]: value}
        if admit is None or admit(inner, entry):
            yield from _walk_partitions(entry, columns[1:], inner, admit)


def _data_files(folder: Path) -> list[Path]:
    if folder.is_file():
        return [folder]
    return sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith((".", "_")))


# ------------------------------------------------------------------ writing


def write_table(
    table: TableSpec, frame: pl.DataFrame, partitions: Iterable[str] | None = None
) -> list[Path]:
    """Write `frame`, replacing whole what it covers, and nothing the table did not write.

    Without `partitions`: the whole table (unpartitioned), or each partition `frame` has rows
    for. With `partitions` (values of the first partition column, as a Dagster run has them):
    exactly those partitions, each replaced whole (emptied when `frame` has no rows for it);
    a row of another partition is an error. Returns the folders written or removed."""
    if partitions is not None and not table.partitioned_by:
        raise ExecutionError(
            f"table '{table.name}' ({_declared(table)}) is not partitioned: "
            "a write of some partitions would replace the whole table"
        )
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
        written = [
            writer.replace(parts, name, _writer_of(table, rows)) for parts, rows in groups.items()
        ]
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
        parts = tuple(folder_name(k, _partition_text(v)) for k, v in zip(keys, values, strict=True))
        groups.setdefault(parts, []).append(rows.drop(keys))  # NULL and '' share a folder
    return {parts: pl.concat(frames) for parts, frames in groups.items()}


def _partition_text(value: object) -> str | None:
    """A partition value as Flink writes it in a folder name (before escaping)."""
    return None if value is None else format_value(value)


def _covered(
    table: TableSpec,
    groups: Mapping[tuple[str, ...], pl.DataFrame],
    partitions: Iterable[str] | None,
) -> list[str]:
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
            f"'{table.partitioned_by[0]}')"
        )
    return covered


def _removals(
    writer: TableWriter,
    table: TableSpec,
    groups: Mapping[tuple[str, ...], pl.DataFrame],
    covered: Sequence[str],
) -> list[tuple[str, ...]]:
    """Folders under the covered partitions that the write does not rewrite: removed, so each
    covered partition ends holding exactly the rows written."""
    kept = set(groups)
    removals: list[tuple[str, ...]] = []
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
