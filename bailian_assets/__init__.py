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

Every name below is imported on first use (PEP 562), so that `import bailian_assets.sql` (the
parser alone, for editors and `check`) does not pay for Polars, numpy, httpx or Dagster, and a
Dagster process imports each layer only when it needs it.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

# name -> the module that defines it
_LAZY = {
    "Backend": "bailian_assets.client.backend",
    "backend_from_env": "bailian_assets.backends",
    "simulated_backend": "bailian_assets.backends",
    "BailianError": "bailian_assets.errors",
    "ExecutionError": "bailian_assets.errors",
    "ModelCallError": "bailian_assets.errors",
    "SqlError": "bailian_assets.errors",
    "Orchestrator": "bailian_assets.executor.runner",
    "RunEvents": "bailian_assets.executor.runner",
    "RunResult": "bailian_assets.executor.runner",
    "run_project": "bailian_assets.executor.runner",
    "Project": "bailian_assets.planning.project",
    "load_project": "bailian_assets.planning.project",
    "load_source": "bailian_assets.planning.project",
    "BailianSimulator": "bailian_assets.simulator.service",
    # `type: bailian_assets.FlinkSqlComponent` in a defs.yaml names the component here
    "FlinkSqlComponent": "bailian_assets.integration.component",
    "FlinkSqlTranslator": "bailian_assets.integration.translator",
}

__all__ = sorted(_LAZY)

if TYPE_CHECKING:  # for type checkers and editors; at run time, __getattr__ below
    from bailian_assets.backends import backend_from_env, simulated_backend
    from bailian_assets.client.backend import Backend
    from bailian_assets.errors import BailianError, ExecutionError, ModelCallError, SqlError
    from bailian_assets.executor.runner import Orchestrator, RunEvents, RunResult, run_project
    from bailian_assets.integration.component import FlinkSqlComponent
    from bailian_assets.integration.translator import FlinkSqlTranslator
    from bailian_assets.planning.project import Project, load_project, load_source
    from bailian_assets.simulator.service import BailianSimulator


def __getattr__(name: str):
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'bailian_assets' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # imported once; later look-ups do not come here
    return value


# The names dir() shows beyond those already imported: the Dagster components only. dg's
# registry takes every name dir() gives and gets it, at every code location load; listing the
# engine's names too would import all of it there. They stay in __all__ and importable.
_COMPONENTS = ("FlinkSqlComponent", "FlinkSqlTranslator")


def __dir__() -> list[str]:
    return sorted({*globals(), *_COMPONENTS})
