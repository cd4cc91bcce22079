"""SQL files -> one Dagster `Definitions`: the one code path behind `FlinkSqlComponent`.

Source tables, views and sinks become assets (`assets.py`), partitioned after their partitioned
sources (`partitions.py`); sinks carry asset checks (`checks.py`); each file gets a job and, when
it asks, a schedule (`schedules.py`); each partitioned source a sensor for new folders
(`sensors.py`); each model is a resource (`resources.py`); a run's steps share its process
unless asked otherwise (`executor.py`). One Definitions is built from all
files at once, so a table several files use is declared once.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

import dagster as dg

from bailian_assets.errors import ExecutionError
from bailian_assets.integration.assets import AssetFactory, InstanceKeys, Translation
from bailian_assets.integration.beta_warnings import silence_checks_execution_type
from bailian_assets.integration.broken import broken_file_assets
from bailian_assets.integration.executor import IN_PROCESS, StepsIn, step_executor
from bailian_assets.integration.home_instance import DEFAULT_POOL_LIMIT, prepare_home_instance
from bailian_assets.integration.io_managers import PolarsParquetIOManager, TableIOManager
from bailian_assets.integration.project import loaded
from bailian_assets.integration.resources import model_resource
from bailian_assets.integration.run_budget import RunBudgetResource
from bailian_assets.integration.schedules import jobs_and_schedules
from bailian_assets.integration.sensors import partition_sensors
from bailian_assets.integration.translator import FlinkSqlTranslator
from bailian_assets.planning.project import load_project


def build_definitions(
    sql_dir: str | os.PathLike,
    environ: Mapping[str, str] | None = None,
    *,
    prefix: str = "",
    translator: FlinkSqlTranslator | None = None,
    translation: Translation | None = None,
    isolate_errors: bool = False,
    pool_limit: int = DEFAULT_POOL_LIMIT,
    executor: StepsIn = IN_PROCESS,
) -> dg.Definitions:
    """Definitions for every `.sql` file in `sql_dir`.

    `isolate_errors` False: raises SqlError listing every mistake (as `bailian-assets check`).
    True: a file with errors is left out, shown as an asset holding its errors, and the rest
    loads. `prefix` goes before every resource key (one per component instance);
    `pool_limit`: the limit given to a model's pool that has none (home_instance.py);
    `executor`: where a run's steps execute unless its config says (executor.py)."""
    sql_dir = Path(sql_dir).resolve()
    silence_checks_execution_type()  # Dagster's own, for the assets' check_specs
    if not isolate_errors:
        load_project([sql_dir], environ=environ, display_root=sql_dir)  # raises with all
    project_files = loaded(sql_dir, environ)
    keys = InstanceKeys(prefix)
    factory = AssetFactory(project_files.project, keys, translator, translation)
    try:
        assets = factory.build()
    except ExecutionError as error:
        raise dg.DagsterInvalidDefinitionError(str(error)) from None
    broken_specs, broken_checks = broken_file_assets(project_files, sql_dir, prefix)
    jobs, schedules, partitioned = jobs_and_schedules(factory)
    prepare_home_instance([(d, table) for _, d, table in partitioned], factory.pools, pool_limit)
    resources: dict[str, object] = {
        keys.model(name): model_resource(spec)
        for name, spec in project_files.project.models.items()
    }
    resources[keys.run_budget] = RunBudgetResource()
    resources[keys.table_io_manager] = TableIOManager(sql_dir=str(sql_dir))
    resources[keys.frame_io_manager] = PolarsParquetIOManager()
    return dg.Definitions(
        assets=[*assets, *broken_specs],
        asset_checks=[*factory.checks, *broken_checks],
        jobs=jobs,
        schedules=schedules,
        sensors=partition_sensors(partitioned),
        resources=resources,
        executor=step_executor(executor),
    )
