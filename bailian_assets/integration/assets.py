"""Asset factories: a source table, a view or a sink (its INSERTs) becomes one asset.

Each asset's compute runs its plans with the executor, one partition at a time (a
`--partition-range` run is one run that still writes each partition on its own). Assets that
call a model share the model's concurrency pool, so parallel runs of a backfill together stay
within the quota.
"""

from __future__ import annotations

import warnings

import dagster as dg
import polars as pl

from bailian_assets.client.backend import Backend
from bailian_assets.errors import BailianError
from bailian_assets.executor.executor import Executor, ModelRun
from bailian_assets.integration import checks
from bailian_assets.integration.io_managers import check_sink_folder
from bailian_assets.integration.metadata import definition_metadata, materialization_metadata
from bailian_assets.integration.partitions import Partitioning, reads
from bailian_assets.integration.resources import resource_key
from bailian_assets.planning import names
from bailian_assets.planning import plan as p
from bailian_assets.planning.models import ModelSpec
from bailian_assets.planning.project import Project
from bailian_assets.planning.settings import FileSettings

TABLE_IO_MANAGER = "bailian_table_io_manager"
FRAME_IO_MANAGER = "bailian_frame_io_manager"


def asset_key(name: str) -> dg.AssetKey:
    """The asset key of a table or view: its name's parts, as Dagster names (see names.py)."""
    return dg.AssetKey(names.asset_path(name))


def pool_name(model: str) -> str:
    """The Dagster concurrency pool of a model's ML_PREDICTs."""
    return "bailian_" + names.dagster_name(model)


def group_of(path: str) -> str:
    """The group (and job prefix) of a SQL file's assets."""
    return names.group_name(path)


class AssetFactory:
    def __init__(self, project: Project):
        self.project = project
        self.partitioning = Partitioning(project)

    def build(self) -> list[dg.AssetsDefinition | dg.AssetSpec]:
        sinks = self.project.sinks()
        assets = [self.view(name) for name in self.project.views]
        assets += [self.sink(name) for name in sinks]
        read = reads(list(self.project.views.values()) + [i.query for i in self.project.inserts])
        assets += [self.source(name) for name in read
                   if name in self.project.tables and name not in sinks]
        return assets

    # ------------------------------------------------------------ kinds of asset

    def source(self, name: str) -> dg.AssetSpec:
        """A table only read: an external asset, its rows loaded from its files."""
        table = self.project.tables[name]
        return dg.AssetSpec(
            asset_key(name), group_name=group_of(table.path),
            partitions_def=self.partitioning.of_relation(name),
            description=f"Files of table `{name}` under `{table.location}` "
                        f"({table.options['format']}).",
            metadata=self._definition_metadata(table.path, table.position.line,
                                               [(c.name, c.type) for c in table.columns]),
            kinds={str(table.options["format"])},
        ).with_io_manager_key(TABLE_IO_MANAGER)

    def view(self, name: str) -> dg.AssetsDefinition:
        planned = self.project.views[name]
        statement = self.project.catalog.views[name].statement
        script = self.project.scripts[planned.path]
        return self._query_asset(name, [planned], FRAME_IO_MANAGER,
                                 f"```sql\n{script.text_of(statement)}\n```", planned.path,
                                 statement.position.line, FileSettings())

    def sink(self, name: str) -> dg.AssetsDefinition:
        inserts = self.project.inserts_into(name)
        table = inserts[0].sink
        sql = "\n\n".join(self.project.scripts[i.path].text_of(i.statement) for i in inserts)
        first = inserts[0]
        settings = FileSettings.of(self.project.catalog.settings.get(first.path, {}))
        return self._query_asset(
            name, [i.query for i in inserts], TABLE_IO_MANAGER,
            f"Sink `{name}` (connector '{table.connector}').\n\n```sql\n{sql}\n```",
            first.path, first.statement.position.line, settings, with_checks=True)

    # ------------------------------------------------------------ the common part

    def _definition_metadata(self, path: str, line: int, columns) -> dict:
        return definition_metadata(columns, self.project.files.get(path), line)

    def _query_asset(self, name: str, queries: list[p.PlannedQuery], io_manager_key: str,
                     description: str, path: str, line: int, settings: FileSettings,
                     with_checks: bool = False) -> dg.AssetsDefinition:
        relations = reads(queries)
        arguments = _argument_names(relations)
        models = _models(queries)
        partitions = self.partitioning.of_queries(queries, name)
        key = asset_key(name)
        predictions = checks.prediction_columns(queries, settings) if with_checks else []
        specs = checks.check_specs(key, predictions, bool(models)) if with_checks else []

        def compute(context, **inputs):  # no annotations: dagster reads them
            check_sink_folder(self.project, name)
            frames = {relation: inputs[arguments[relation]] for relation in relations}
            yield from _run(context, key, queries, frames, predictions, settings, bool(specs))

        with warnings.catch_warnings():  # backfill_policy is beta in 1.13, and what ranges need
            warnings.simplefilter("ignore", dg.BetaWarning)
            return dg.asset(
                key=key,
                ins={arguments[r]: dg.AssetIn(key=asset_key(r)) for r in relations},
                required_resource_keys={resource_key(m.name) for m in models},
                io_manager_key=io_manager_key,
                group_name=group_of(path),
                description=description,
                metadata=self._definition_metadata(path, line, zip(queries[0].names,
                                                                   queries[0].types)),
                kinds={"sql", "polars"},
                partitions_def=partitions,
                backfill_policy=dg.BackfillPolicy.single_run() if partitions else None,
                pool=pool_name(models[0].name) if models else None,
                check_specs=specs or None,
            )(compute)


def _run(context, key: dg.AssetKey, queries: list[p.PlannedQuery], inputs: dict,
         predictions, settings: FileSettings, with_checks: bool):
    runs: list[ModelRun] = []
    backends: list[Backend] = []

    def clients(spec: ModelSpec, config):
        resource = getattr(context.resources, resource_key(spec.name))
        if not backends:
            backends.append(resource.backend)
            context.log.info(f"model calls go to the {resource.backend.description}")
        return resource.client(spec, config,
                               on_progress=lambda snapshot: context.log.info(snapshot.describe()),
                               on_warning=context.log.warning)

    def on_model_run(run: ModelRun) -> None:
        runs.append(run)
        context.log.info(f"ML_PREDICT with model '{run.node.model.name}' at "
                         f"{run.node.path}:{run.node.position.line}: {run.usage.describe()}")

    outputs: dict = {}
    for partition in _partition_keys(context):
        def resolve(relation: str, partition=partition) -> pl.LazyFrame:
            value = inputs[relation]
            if isinstance(value, dict):
                value = value[partition] if partition in value else _concat(value)
            return value.lazy()

        executor = Executor(resolve, clients, on_model_run=on_model_run)
        try:
            parts = [executor.run(query) for query in queries]
        except BailianError as error:
            where = f" (partition {partition})" if partition is not None else ""
            raise dg.Failure(description=f"{error}{where}") from None
        outputs[partition] = parts[0] if len(parts) == 1 else pl.concat(parts, how="vertical")
    frame = _concat(outputs)
    yield _output(outputs, materialization_metadata(frame, runs, backends[0] if backends
                                                     else None))
    if with_checks:
        selected = context.selected_asset_check_keys
        for result in checks.evaluate(key, frame, runs, predictions, settings):
            if dg.AssetCheckKey(key, result.check_name) in selected:
                yield result


def _output(frames: dict, metadata: dict) -> dg.Output:
    value = frames[None] if list(frames) == [None] else frames
    return dg.Output(value, metadata=metadata)


def _partition_keys(context) -> list:
    if context.assets_def.partitions_def is None:
        return [None]
    return list(context.partition_keys)


def _concat(frames: dict) -> pl.DataFrame:
    parts = list(frames.values())
    return parts[0] if len(parts) == 1 else pl.concat(parts, how="vertical")


def _models(queries: list[p.PlannedQuery]) -> list[ModelSpec]:
    found = {node.model.name: node.model for q in queries for node in p.walk(q.root)
             if isinstance(node, p.MlPredict)}
    return list(found.values())


def _argument_names(relations: list[str]) -> dict[str, str]:
    """Names for the compute function's inputs, one per relation read: valid Dagster names,
    distinct (`db.t` and `db_t` may both be read)."""
    arguments: dict[str, str] = {}
    for relation in relations:
        base = names.op_name(relation)
        name, i = base, 1
        while name in arguments.values():
            name, i = f"{base}_{i}", i + 1
        arguments[relation] = name
    return arguments
