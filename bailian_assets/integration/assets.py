"""Asset factory: each source table, view, sink (its INSERTs) and bare SELECT of a project
becomes one asset, its attributes from the translator (translator.py), its compute from
execution.py. A bare SELECT's asset keeps its rows as its output and shows them in the run's
log, as a print sink with 'logger' does.

Assets that call a model share the model's concurrency pool, so parallel runs of a backfill
together stay within the quota. Keys of resources and IO managers carry the component
instance's prefix (`InstanceKeys`), so two instances never collide.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from dataclasses import dataclass

import dagster as dg

from bailian_assets.integration import checks
from bailian_assets.integration.asset_run import AssetRun
from bailian_assets.integration.lineage import column_lineage
from bailian_assets.integration.partitions import Partitioning
from bailian_assets.integration.relations import models_of, queries_of, reads, relations_of
from bailian_assets.integration.run_budget import RUN_BUDGET
from bailian_assets.integration.translator import (
    RELATION_METADATA,
    SELECT,
    SINK,
    SOURCE,
    FlinkSqlTranslator,
    SqlRelation,
)
from bailian_assets.planning import names
from bailian_assets.planning import plan as p
from bailian_assets.planning.project import Project
from bailian_assets.planning.settings import FileSettings

TABLE_IO_MANAGER = "bailian_table_io_manager"
FRAME_IO_MANAGER = "bailian_frame_io_manager"
KIND_TAG = "dagster/kind/"

Translation = Callable[[dg.AssetSpec, SqlRelation], dg.AssetSpec]


@dataclass(frozen=True)
class InstanceKeys:
    """Resource keys of one component instance: `prefix` + the plain names."""

    prefix: str = ""

    def model(self, name: str) -> str:
        """`ai_analyze_sentiment` -> `model_ai_analyze_sentiment` (see planning/names.py)."""
        return self.prefix + names.resource_name(name)

    @property
    def table_io_manager(self) -> str:
        return self.prefix + TABLE_IO_MANAGER

    @property
    def frame_io_manager(self) -> str:
        return self.prefix + FRAME_IO_MANAGER

    @property
    def run_budget(self) -> str:
        """The run's budget, shared by the instance's assets (run_budget.py)."""
        return self.prefix + RUN_BUDGET


def pool_name(model: str) -> str:
    """The Dagster concurrency pool of a model's ML_PREDICTs (shared by every instance: the
    quota is the model's)."""
    return "bailian_" + names.dagster_name(model)


class AssetFactory:
    def __init__(
        self,
        project: Project,
        keys: InstanceKeys = InstanceKeys(),
        translator: FlinkSqlTranslator | None = None,
        translation: Translation | None = None,
    ):
        self.project = project
        self.keys = keys
        self.partitioning = Partitioning(project, keys.prefix)
        self.relations = relations_of(project)
        translator = translator or FlinkSqlTranslator()
        self.specs = {
            name: _translated(translator, translation, relation)
            for name, relation in self.relations.items()
        }
        self.checks: list[dg.AssetChecksDefinition] = []
        self.pools: set[str] = set()  # the models' concurrency pools the assets use
        self.built: dict[str, dg.AssetsDefinition | dg.AssetSpec] = {}

    def build(self) -> list[dg.AssetsDefinition | dg.AssetSpec]:
        for name, relation in self.relations.items():
            self.built[name] = self.source(name) if relation.kind == SOURCE else self.computed(name)
        return list(self.built.values())

    def source(self, name: str) -> dg.AssetSpec:
        """A table only read: an external asset, its rows loaded from its files."""
        return (
            self.specs[name]
            .replace_attributes(
                partitions_def=self.partitioning.of_relation(name),
            )
            .with_io_manager_key(self.keys.table_io_manager)
        )

    def computed(self, name: str) -> dg.AssetsDefinition:
        """A view, a sink or a bare SELECT: its queries run by execution.py."""
        relation, spec = self.relations[name], self.specs[name]
        queries = queries_of(self.project, name)
        relations = reads(queries)
        arguments = _argument_names(relations)
        models = models_of(queries)
        job = self._asset_run(name, queries, relations)
        check_specs = self._prediction_checks(job, bool(models))
        partitions = self.partitioning.of_queries(queries, name)
        pool = pool_name(models[0].name) if models else None
        if pool:
            self.pools.add(pool)

        def compute(context, **inputs):  # no annotations: dagster reads them
            # imported here: the run's machinery is not needed to load the definitions
            from bailian_assets.integration.execution import run_asset

            frames = {relation: inputs[arguments[relation]] for relation in relations}
            yield from run_asset(context, job, frames)

        with warnings.catch_warnings():  # backfill_policy is beta in 1.13, and what ranges need
            warnings.simplefilter("ignore", dg.BetaWarning)
            return dg.asset(
                key=spec.key,
                ins={arguments[r]: dg.AssetIn(key=self.specs[r].key) for r in relations},
                required_resource_keys={self.keys.model(m.name) for m in models}
                | ({self.keys.run_budget} if models else set()),
                io_manager_key=self.keys.frame_io_manager
                if relation.kind != SINK
                else self.keys.table_io_manager,
                group_name=spec.group_name,
                description=spec.description,
                owners=list(spec.owners),
                code_version=spec.code_version,
                tags={k: v for k, v in spec.tags.items() if not k.startswith(KIND_TAG)},
                kinds=spec.kinds or None,
                metadata={**spec.metadata, **self._lineage(queries)},
                partitions_def=partitions,
                backfill_policy=dg.BackfillPolicy.single_run() if partitions else None,
                pool=pool,
                check_specs=check_specs or None,
            )(compute)

    def _asset_run(
        self, name: str, queries: list[p.PlannedQuery], relations: list[str]
    ) -> AssetRun:
        """What the asset's compute needs: its queries, the table it writes (a bare SELECT's
        is its implicit print table), the prediction columns to check, the sources it reads."""
        relation, spec = self.relations[name], self.specs[name]
        settings = FileSettings.of(self.project.catalog.settings.get(relation.path, {}))
        table = self.project.tables.get(name) if relation.kind == SINK else None
        if relation.kind == SELECT:  # its implicit print table: rows to the run's log
            table = next(s.table for s in self.project.selects if s.name == name)
        return AssetRun(
            name=name,
            key=spec.key,
            queries=queries,
            table=table,
            predictions=checks.prediction_columns(queries, settings) if table else [],
            settings=settings,
            keys=self.keys,
            shows_rows=relation.kind == SELECT,
            sources={
                r: (self.specs[r].key, self.project.tables[r])
                for r in relations
                if self.relations[r].kind == SOURCE
            },
        )

    def _prediction_checks(self, job: AssetRun, has_models: bool) -> list[dg.AssetCheckSpec]:
        """The checks of the asset's predictions, run with it; a table that stores its rows
        has them as checks of their own instead (added to `self.checks`), reading the rows."""
        stored = job.table is not None and job.table.stores_rows
        check_specs = checks.check_specs(job.key, [] if stored else job.predictions, has_models)
        if job.table is not None and stored and job.predictions:
            self.checks += checks.stored_checks(job.key, job.table, job.predictions, job.settings)
        return check_specs

    def _lineage(self, queries) -> dict:
        """`dagster/column_lineage`: each column's upstream asset columns, from the plans."""
        deps: dict[str, set[tuple[dg.AssetKey, str]]] = {}
        for query in queries:
            for column, pairs in column_lineage(query).items():
                deps.setdefault(column, set()).update(
                    (self.specs[r].key, c) for r, c in pairs if r in self.specs
                )
        if not any(deps.values()):
            return {}
        return {
            "dagster/column_lineage": dg.TableColumnLineage(
                deps_by_column={
                    column: [
                        dg.TableColumnDep(asset_key=k, column_name=c)
                        for k, c in sorted(
                            pairs, key=lambda pair: (pair[0].to_user_string(), pair[1])
                        )
                    ]
                    for column, pairs in deps.items()
                    if pairs
                }
            )
        }


def _translated(
    translator: FlinkSqlTranslator, translation: Translation | None, relation: SqlRelation
) -> dg.AssetSpec:
    spec = translator.get_asset_spec(relation)
    if translation is not None:
        spec = translation(spec, relation)
    # the IO managers find the table behind an asset by this, whatever key it was given
    return spec.merge_attributes(metadata={RELATION_METADATA: relation.name})


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
