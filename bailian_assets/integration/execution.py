"""How an asset's compute runs: its plans on the executor, one partition at a time.

A `--partition-range` run is one run that still computes, writes and records each partition on
its own: each partition's materialization carries its own row count, usage and folder, and
every log line about a partition names it. The source tables read get an observation per
partition: the files read and how many rows they held.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

import dagster as dg
import polars as pl

from bailian_assets.client.backend import Backend
from bailian_assets.errors import BailianError
from bailian_assets.executor.executor import Executor, ModelRun
from bailian_assets.planning.partition_path import folder_name
from bailian_assets.integration import checks
from bailian_assets.integration.io_managers import check_sink_folder
from bailian_assets.integration.metadata import folder_metadata, materialization_metadata
from bailian_assets.planning import plan as p
from bailian_assets.planning.connectors import TableSpec, connector_of
from bailian_assets.planning.models import ModelSpec
from bailian_assets.planning.settings import FileSettings

FILES_SHOWN = 20


@dataclass(frozen=True)
class AssetRun:
    """What one asset's compute needs: its queries, its sink table, its checks' columns,
    the instance's resource keys, and the asset keys of the source tables it reads."""

    name: str
    key: dg.AssetKey
    queries: list[p.PlannedQuery]
    table: TableSpec | None
    predictions: list
    settings: FileSettings
    keys: object  # assets.InstanceKeys
    sources: dict[str, tuple[dg.AssetKey, TableSpec]] = field(default_factory=dict)
    shows_rows: bool = False  # a bare SELECT: its rows go to the run's log, as printed rows


def run_asset(context, job: AssetRun, inputs: dict):
    """The compute of a view or sink asset: yields its output, then its checks' results."""
    if job.table is not None:
        check_sink_folder(job.table)  # before any model is paid
    models = _Models(context, job)
    outputs: dict = {}
    every_run: list[ModelRun] = []
    for partition in _partition_keys(context):
        runs: list[ModelRun] = []
        frame = _compute(context, job, inputs, partition, models, runs)
        if job.shows_rows and job.table is not None:
            # as a print sink with 'logger'
            connector_of(job.table).write(job.table, frame, lines=context.log.info)
        outputs[partition] = frame
        every_run += runs
        _record(context, job, frame, runs, models, partition)
        _observe_sources(context, job, inputs, partition)
    frame = _concat(outputs)
    yield dg.Output(outputs[None] if list(outputs) == [None] else outputs)
    selected = context.selected_asset_check_keys
    for result in checks.evaluate(job.key, frame, every_run, job.predictions, job.settings,
                                  with_labels=job.table is None
                                  or not job.table.stores_rows):
        if dg.AssetCheckKey(job.key, result.check_name) in selected:
            yield result


class _Models:
    """The model resources of a run: clients made from the models as the resources have them
    (launchpad overrides applied), and where the calls go."""

    def __init__(self, context, job: AssetRun):
        self.context = context
        self.job = job
        self.used: dict[str, ModelSpec] = {}
        self.backend: Backend | None = None

    def clients(self, say: Callable[[str], str]):
        def make(spec: ModelSpec, config):
            resource = getattr(self.context.resources, self.job.keys.model(spec.name))
            effective = resource.spec_for(spec)
            self.used[spec.name] = effective
            if self.backend is None:
                self.backend = resource.backend
                self.context.log.info(f"model calls go to the {resource.backend.description}")
            return resource.client(effective, config,
                                   on_progress=lambda s: self.context.log.info(say(s.describe())),
                                   on_warning=lambda text: self.context.log.warning(say(text)))
        return make


def _compute(context, job: AssetRun, inputs: dict, partition, models: _Models,
             runs: list[ModelRun]) -> pl.DataFrame:
    def say(text: str) -> str:
        return f"partition {partition}: {text}" if partition is not None else text

    def resolve(relation: str) -> pl.LazyFrame:
        value = inputs[relation]
        if isinstance(value, dict):
            value = value[partition] if partition in value else _concat(value)
        return value.lazy()

    def on_model_run(run: ModelRun) -> None:
        runs.append(run)
        context.log.info(say(f"ML_PREDICT with model '{run.node.model.name}' at "
                             f"{run.node.path}:{run.node.position.line}: "
                             f"{run.usage.describe()}"))

    executor = Executor(resolve, models.clients(say), on_model_run=on_model_run)
    try:
        parts = [executor.run(query) for query in job.queries]
    except BailianError as error:
        raise dg.Failure(description=say(str(error))) from None
    frame = parts[0] if len(parts) == 1 else pl.concat(parts, how="vertical")
    context.log.info(say(f"{job.name}: {frame.height} rows"))
    return frame


def _record(context, job: AssetRun, frame: pl.DataFrame, runs: list[ModelRun],
            models: _Models, partition) -> None:
    """The materialization metadata of one partition (or of the whole asset), given once."""
    metadata = materialization_metadata(frame, runs, models.backend if runs else None,
                                        models.used, partition)
    table = job.table
    if table is not None and table.stores_rows and table.location is not None:
        folder = table.location if partition is None else \
            table.location / folder_name(table.partitioned_by[0], partition)
        metadata.update(folder_metadata(folder))
    if partition is None:
        context.add_asset_metadata(metadata)
    else:
        context.add_asset_metadata(metadata, partition_key=partition)


def _observe_sources(context, job: AssetRun, inputs: dict, partition) -> None:
    """An observation of each source table read: which files, how many rows."""
    for relation, (key, table) in job.sources.items():
        value = inputs[relation]
        frame = value.get(partition) if isinstance(value, dict) else value
        if frame is None or not table.stores_rows:
            continue
        files = connector_of(table).files(table, None if partition is None else [partition])
        shown = [str(f) for f in files[:FILES_SHOWN]]
        metadata = {"dagster/row_count": frame.height, "bailian/files_read": len(files),
                    "bailian/files": dg.MetadataValue.md(
                        "\n".join(f"- `{f}`" for f in shown)
                        + (f"\n- ... and {len(files) - FILES_SHOWN} more"
                           if len(files) > FILES_SHOWN else "") or "none"),
                    "bailian/read_by": job.key.to_user_string()}
        context.log_event(dg.AssetObservation(asset_key=key, partition=partition,
                                              metadata=metadata))


def _partition_keys(context) -> list:
    if context.assets_def.partitions_def is None:
        return [None]
    return list(context.partition_keys)


def _concat(frames: dict) -> pl.DataFrame:
    parts = list(frames.values())
    return parts[0] if len(parts) == 1 else pl.concat(parts, how="vertical")
