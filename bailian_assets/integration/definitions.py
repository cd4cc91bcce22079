"""SQL files -> one Dagster `Definitions`.

Source tables, views and sinks become assets (`assets.py`), partitioned after their partitioned
sources (`partitions.py`); sinks carry asset checks (`checks.py`); each file gets a job and, when
it asks, a schedule (`schedules.py`); each model is a resource (`resources.py`). One Definitions
is built from all files at once, so a table several files use is declared once.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable, Mapping

import dagster as dg

from bailian_assets.errors import ExecutionError
from bailian_assets.integration.assets import FRAME_IO_MANAGER, TABLE_IO_MANAGER, AssetFactory
from bailian_assets.integration.io_managers import PolarsParquetIOManager, TableIOManager
from bailian_assets.integration.project import cached_project
from bailian_assets.integration.resources import model_resource, resource_key
from bailian_assets.integration.schedules import jobs_and_schedules


def build_definitions(sql_dir: str | os.PathLike, environ: Mapping[str, str] | None = None
                      ) -> dg.Definitions:
    """Definitions for every `.sql` file in `sql_dir`. Raises SqlError listing every mistake."""
    project = cached_project(sql_dir, environ)
    try:
        assets = AssetFactory(project).build()
    except ExecutionError as error:
        raise dg.DagsterInvalidDefinitionError(str(error)) from None
    jobs, schedules = jobs_and_schedules(project, assets)
    resources: dict[str, object] = {
        resource_key(name): model_resource(spec) for name, spec in project.models.items()
    }
    resources[TABLE_IO_MANAGER] = TableIOManager(sql_dir=str(Path(sql_dir).resolve()))
    resources[FRAME_IO_MANAGER] = PolarsParquetIOManager()
    return dg.Definitions(assets=assets, jobs=jobs, schedules=schedules, resources=resources)


def default_sql_dir(environ: Mapping[str, str] | None = None,
                    fallback: Callable[[], Path] | None = None) -> Path:
    environ = os.environ if environ is None else environ
    if environ.get("BAILIAN_SQL_DIR"):
        return Path(environ["BAILIAN_SQL_DIR"])
    return fallback() if fallback else Path.cwd() / "sql"
