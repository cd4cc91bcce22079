"""How an asset's compute runs: its plans by the run orchestrator, one partition at a time.

A `--partition-range` run is one run that still computes, writes and records each partition on
its own: each partition's materialization carries its own row count, usage and folder, and
every log line about a partition names it. The source tables read get an observation per
partition: the files read and how many rows they held.
"""

from __future__ import annotations

from collections.abc import Callable

import dagster as dg
import polars as pl

from bailian_assets.client.budget import RunBudgets
from bailian_assets.errors import BailianError
from bailian_assets.executor.runner import (
    Computed,
    ModelBinding,
    Orchestrator,
    RunEvents,
    about_partition,
)
from bailian_assets.integration import checks
from bailian_assets.integration.asset_run import AssetRun
from bailian_assets.integration.io_managers import check_sink_folder
from bailian_assets.integration.metadata import folder_metadata, materialization_metadata
from bailian_assets.planning.connectors import connector_of
from bailian_assets.planning.models import ModelSpec
from bailian_assets.planning.partition_path import folder_name

FILES_SHOWN = 20


def run_asset(context, job: AssetRun, inputs: dict):
    """The compute of a view or sink asset: yields its output, then its checks' results.
    The run's orchestrator (executor/runner.py) runs the queries, its events going to
    `context.log`; each partition's figures become its materialization's metadata."""
    if job.table is not None:
        check_sink_folder(job.table)  # before any model is paid
    run = Orchestrator(
        events=DagsterEvents(context),
        bind=_bound_by_resources(context, job),
        budgets=_run_budgets(context, job),
    )
    outputs: dict = {}
    for partition in _partition_keys(context):
        computed = _compute(run, job, inputs, partition)
        if job.shows_rows and job.table is not None:  # a bare SELECT: as a print sink with
            # 'logger', its rows to the run's log
            connector_of(job.table).write(job.table, computed.frame, lines=context.log.info)
        outputs[partition] = computed.frame
        _record(context, job, computed, run, partition)
        _observe_sources(context, job, inputs, partition)
    frame = _concat(outputs)
    yield dg.Output(outputs[None] if list(outputs) == [None] else outputs)
    selected = {k.name for k in context.selected_asset_check_keys if k.asset_key == job.key}
    for result in checks.evaluate(
        job.key,
        frame,
        run.model_runs,
        job.predictions,
        job.settings,
        with_labels=job.table is None or not job.table.stores_rows,
    ):
        if result.check_name in selected:
            yield result


class DagsterEvents(RunEvents):
    """A run's events as Dagster log lines (progress too: the UI has no bar)."""

    def __init__(self, context):
        self.log = context.log

    def info(self, text: str) -> None:
        self.log.info(text)

    def warning(self, text: str) -> None:
        self.log.warning(text)

    def progress(self, snapshot, partition: str | None = None) -> None:
        self.log.info(about_partition(partition, snapshot.describe()))


def _bound_by_resources(context, job: AssetRun) -> Callable[[ModelSpec], ModelBinding]:
    """Each model as its resource has it: launchpad overrides applied, its backend, its key."""

    def bind(spec: ModelSpec) -> ModelBinding:
        return getattr(context.resources, job.keys.model(spec.name)).binding(spec)

    return bind


def _run_budgets(context, job: AssetRun) -> RunBudgets | None:
    """The run's budgets, shared with its other assets (run_budget.py); an asset that calls no
    model needs none."""
    budget = getattr(context.resources, job.keys.run_budget, None)
    return None if budget is None else budget.budgets


def _compute(run: Orchestrator, job: AssetRun, inputs: dict, partition) -> Computed:
    def resolve(relation: str) -> pl.LazyFrame:
        value = inputs[relation]
        if isinstance(value, dict):
            value = value[partition] if partition in value else _concat(value)
        return value.lazy()

    try:
        return run.compute(job.name, job.queries, resolve, partition)
    except BailianError as error:
        raise dg.Failure(description=about_partition(partition, str(error))) from None


def _record(context, job: AssetRun, computed: Computed, run: Orchestrator, partition) -> None:
    """The materialization metadata of one partition (or of the whole asset), given once."""
    runs = computed.model_runs
    metadata = materialization_metadata(
        computed.frame, runs, run.backend if runs else None, run.models, partition
    )
    table = job.table
    if table is not None and table.stores_rows and table.location is not None:
        folder = (
            table.location
            if partition is None
            else table.location / folder_name(table.partitioned_by[0], partition)
        )
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
        metadata = {
            "dagster/row_count": frame.height,
            "bailian/files_read": len(files),
            "bailian/files": dg.MetadataValue.md(
                "\n".join(f"- `{f}`" for f in shown)
                + (
                    f"\n- ... and {len(files) - FILES_SHOWN} more"
                    if len(files) > FILES_SHOWN
                    else ""
                )
                or "none"
            ),
            "bailian/read_by": job.key.to_user_string(),
        }
        context.log_event(
            dg.AssetObservation(asset_key=key, partition=partition, metadata=metadata)
        )


def _partition_keys(context) -> list:
    if context.assets_def.partitions_def is None:
        return [None]
    return list(context.partition_keys)


def _concat(frames: dict) -> pl.DataFrame:
    parts = list(frames.values())
    return parts[0] if len(parts) == 1 else pl.concat(parts, how="vertical")
