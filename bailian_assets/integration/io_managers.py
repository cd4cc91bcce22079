"""IO managers: sinks written as Flink's connectors write them, and frames between assets.

`SinkIOManager` writes an INSERT asset's rows to its sink table (print: to the Dagster log
with 'logger' = 'true', else to stdout or stderr; blackhole: nowhere). The sink's connector
options reach it as the asset's definition metadata. `PolarsParquetIOManager` stores a view's
rows as Parquet in the instance's storage folder for the assets that read it.
"""

from __future__ import annotations

import os
import sys
from typing import Optional

import dagster as dg
import polars as pl
from upath import UPath

from bailian_assets.executor.sinks import format_row

SINK_METADATA_PREFIX = "bailian/sink/"


class SinkIOManager(dg.ConfigurableIOManager):
    """Writes sink tables; reading one back is refused (print and blackhole keep nothing)."""

    def handle_output(self, context: dg.OutputContext, obj: pl.DataFrame) -> None:
        options = {k[len(SINK_METADATA_PREFIX):]: _plain(v)
                   for k, v in (context.definition_metadata or {}).items()
                   if k.startswith(SINK_METADATA_PREFIX)}
        connector = options.get("connector")
        if connector == "blackhole":
            return
        if connector != "print":
            raise dg.Failure(f"no sink writer for connector '{connector}'")
        identifier = options.get("print-identifier") or None
        to_log = str(options.get("logger", "false")).lower() == "true"
        stream = sys.stderr if str(options.get("standard-error", "false")).lower() == "true" \
            else sys.stdout
        for row in obj.iter_rows():
            line = format_row(row, identifier)
            if to_log:
                context.log.info(line)
            else:
                print(line, file=stream, flush=True)

    def load_input(self, context: dg.InputContext) -> pl.DataFrame:
        raise dg.Failure(f"the sink {context.asset_key.to_user_string()} cannot be read back: "
                         "print and blackhole tables keep no rows")


def _plain(value: object) -> object:
    return getattr(value, "value", value)


class PolarsParquetIOManager(dg.ConfigurableIOManagerFactory):
    """Polars frames as Parquet files, under `base_dir` or the Dagster instance's storage."""

    base_dir: Optional[str] = None

    def create_io_manager(self, context: dg.InitResourceContext) -> "_ParquetFiles":
        base = self.base_dir or os.path.join(context.instance.storage_directory(), "bailian")
        return _ParquetFiles(UPath(base))


class _ParquetFiles(dg.UPathIOManager):
    extension = ".parquet"

    def dump_to_path(self, context: dg.OutputContext, obj: pl.DataFrame, path: UPath) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(path.name + ".tmp")
        obj.write_parquet(str(temporary))
        os.replace(str(temporary), str(path))  # readers never see a half-written file

    def load_from_path(self, context: dg.InputContext, path: UPath) -> pl.DataFrame:
        return pl.read_parquet(str(path))
