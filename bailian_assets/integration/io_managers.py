"""IO managers: frames between assets as Parquet, and sinks written as Flink's connectors do.

Partitioned assets hand over `{partition key: frame}` (one entry per partition of the run, so a
`--partition-range` run writes each partition on its own); unpartitioned ones a frame. A run of
some partitions of a filesystem sink replaces exactly those partitions (see
`executor.filesystem.write_table`); partition keys are values from data, so they are escaped
wherever they become file names.
"""

from __future__ import annotations

import hashlib
import os
import sys
import uuid
from pathlib import Path

import dagster as dg
import polars as pl

from bailian_assets.errors import BailianError
from bailian_assets.integration.project import cached_project
from bailian_assets.integration.translator import RELATION_METADATA
from bailian_assets.planning.connectors import TableSpec, connector_of
from bailian_assets.planning.partition_path import escape


class PolarsParquetIOManager(dg.ConfigurableIOManagerFactory):
    """Frames as Parquet files under `base_dir`, default the Dagster instance's storage."""

    base_dir: str | None = None

    def create_io_manager(self, context: dg.InitResourceContext) -> ParquetFrames:
        base = self.base_dir
        if base is None:
            if context.instance is None:
                raise dg.Failure("the frames' IO manager needs a Dagster instance or a base_dir")
            base = os.path.join(context.instance.storage_directory(), "bailian")
        return ParquetFrames(Path(base))


# bytes of an escaped partition key kept in a file name: with `.parquet` and the temporary
# name's `.<32 hex>.tmp` around it, a name stays well under the 255 bytes a file system allows
_MAX_STEM_BYTES = 150


def _file_stem(partition: str) -> str:
    """The file name of a partition's frame. Keys come from data: escaped, so '../x' stays a
    file name in the folder; a key too long for a file name keeps its start and ends in a
    hash of the whole key (partition values may be as long as a folder name allows)."""
    stem = escape(partition)
    if len(stem.encode()) <= _MAX_STEM_BYTES:
        return stem
    digest = hashlib.sha256(partition.encode("utf-8", errors="surrogatepass")).hexdigest()[:16]
    start = stem.encode()[: _MAX_STEM_BYTES - 17].decode(errors="ignore")
    return f"{start}_{digest}"


class ParquetFrames(dg.IOManager):
    def __init__(self, base: Path):
        self.base = base

    def _path(self, key: dg.AssetKey, partition: str | None) -> Path:
        folder = self.base.joinpath(*key.path)
        if partition is None:
            return folder.with_suffix(".parquet")
        return folder / f"{_file_stem(partition)}.parquet"

    def handle_output(self, context: dg.OutputContext, obj) -> None:
        frames = obj if isinstance(obj, dict) else {None: obj}
        for partition, frame in frames.items():
            path = self._path(context.asset_key, partition)
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
            try:
                frame.write_parquet(temporary)
                os.replace(temporary, path)  # readers never see a half-written file
            finally:
                temporary.unlink(missing_ok=True)

    def load_input(self, context: dg.InputContext):
        key = context.asset_key
        if context.has_asset_partitions:
            return {k: self._read(key, k) for k in context.asset_partition_keys}
        return self._read(key, None)

    def _read(self, key: dg.AssetKey, partition: str | None) -> pl.DataFrame:
        path = self._path(key, partition)
        if not path.exists():
            what = key.to_user_string() + (f" partition {partition}" if partition else "")
            raise dg.Failure(f"{what} has not been materialized yet: materialize it first")
        return pl.read_parquet(path)


def check_sink_folder(table: TableSpec) -> None:
    """Fail a sink's run before its rows are computed (and its models paid) when its folder
    may not be written: a file, another table's folder, or one holding foreign files."""
    try:
        connector_of(table).check_writable(table)
    except BailianError as error:
        raise dg.Failure(str(error)) from None


class TableIOManager(dg.ConfigurableIOManager):
    """Tables as Flink's connectors have them. Writes an INSERT asset's rows to its sink
    (print: to the Dagster log with 'logger' = 'true', else stdout or stderr; filesystem: each
    partition replaced whole; blackhole: nowhere) and reads filesystem tables, the partitions
    asked for only, straight from their files."""

    sql_dir: str

    def _table(self, context: dg.OutputContext | dg.InputContext) -> TableSpec:
        """The table behind the asset: named in its definition metadata (translation may
        have given the asset any key)."""
        output = context if isinstance(context, dg.OutputContext) else context.upstream_output
        name = None if output is None else output.definition_metadata.get(RELATION_METADATA)
        project = cached_project(self.sql_dir)
        if name is None:  # an asset defined elsewhere
            raise dg.Failure(
                f"{context.asset_key.to_user_string()} is not a table of {self.sql_dir}"
            )
        return project.tables[str(getattr(name, "value", name))]

    def handle_output(self, context: dg.OutputContext, obj) -> None:
        table = self._table(context)
        frames = obj if isinstance(obj, dict) else {None: obj}
        # a partitioned run writes exactly its partitions, each replaced whole (the folders
        # written are in the asset's metadata)
        partitions = [k for k in frames if k is not None]
        frame = pl.concat(list(frames.values()), how="vertical")
        try:
            connector_of(table).write(
                table, frame, partitions or None, lines=self._lines(context, table)
            )
        except BailianError as error:
            raise dg.Failure(str(error)) from None

    def _lines(self, context, table: TableSpec):
        """Where a sink's lines for people go: the Dagster log with 'logger' = 'true' (VVR's
        print option), else stderr with 'standard-error', else stdout."""
        if table.options.get("logger"):
            return context.log.info
        stream = sys.stderr if table.options.get("standard-error") else sys.stdout
        return lambda line: print(line, file=stream, flush=True)

    def load_input(self, context: dg.InputContext):
        table = self._table(context)
        connector = connector_of(table)
        try:
            if context.has_asset_partitions:
                return {
                    key: connector.scan(table, [key]).collect()
                    for key in context.asset_partition_keys
                }
            return connector.scan(table).collect()
        except BailianError as error:
            raise dg.Failure(str(error)) from None
