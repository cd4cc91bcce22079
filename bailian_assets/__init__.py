"""bailian-assets: Flink SQL with ML_PREDICT and VECTOR_SEARCH over Bailian models, run on
Polars, as Dagster assets or from the command line.

The layers, each importing only those below it:

    sql/          text -> syntax tree (tokenizer, parser, ${...} variables)
    planning/     syntax tree -> checked catalog and logical plans
    executor/     plans -> Polars frames (ML_PREDICT, VECTOR_SEARCH, connectors)
    client/       model requests: pacing, retries, cache, to the Backend its caller passes
    simulator/    the Bailian-compatible service, offline (`backends.py` chooses it or the
                  real service, for the command line, the Dagster resources and tests)
    integration/  Dagster: assets, resources, IO managers, checks, schedules (the only dagster user)
"""

from bailian_assets.backends import backend_from_env, simulated_backend
from bailian_assets.client.backend import Backend
from bailian_assets.errors import BailianError, ExecutionError, ModelCallError, SqlError
from bailian_assets.executor.runner import RunResult, run_project
from bailian_assets.planning.project import Project, load_project, load_source
from bailian_assets.simulator.service import BailianSimulator

__all__ = [
    "Backend",
    "BailianError",
    "BailianSimulator",
    "ExecutionError",
    "ModelCallError",
    "Project",
    "RunResult",
    "SqlError",
    "backend_from_env",
    "load_project",
    "load_source",
    "run_project",
    "simulated_backend",
]

# `type: bailian_assets.FlinkSqlComponent` in a defs.yaml names the component here; it is loaded
# on first use, so that importing the package does not import dagster (only integration/ does).
_LAZY = {"FlinkSqlComponent": "bailian_assets.integration.component",
         "FlinkSqlTranslator": "bailian_assets.integration.translator"}


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'bailian_assets' has no attribute {name!r}")


def __dir__() -> list[str]:  # dg lists a registry module's components with dir()
    return sorted([*globals(), *_LAZY])
