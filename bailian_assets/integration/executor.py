"""How a run's steps execute: all in the run's own process by default, or a process per step.

Dagster's default executor starts a fresh Python process for every step, and each one imports
Dagster, Polars and numpy and loads the code location again: seconds per asset on two cores,
most of a cached `product_search` run (measured in bench/dagster_speed.py). A SQL file's assets
are small steps around model calls, which the client already runs concurrently inside a step
(pacer, batching), so they run in the run's own process by default: the same work, in the same
order, as `bailian-assets run`. Every asset is still its own step, so the UI shows each one's
materialization, checks, logs and retries (`retries` in the run config) as before.

A run can still ask for a process per step, in the launchpad or `--config`:

    execution:
      config:
        multiprocess:
          max_concurrent: 2

and a component can make that its default (`executor: multiprocess` in its defs.yaml), for
files whose assets are heavy, independent and CPU-bound. All instances of `FlinkSqlComponent`
in one code location must agree on it (a code location has one default executor).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

import dagster as dg

StepsIn = Literal["in_process", "multiprocess"]
IN_PROCESS: StepsIn = "in_process"


def _requirements(config: Mapping[str, object]) -> list:
    # a process per step needs a job it can rebuild and an instance the processes share
    return list(dg.multiple_process_executor_requirements()) if "multiprocess" in config else []


def _executor(default: StepsIn) -> dg.ExecutorDefinition:
    """Dagster's `multi_or_in_process_executor`, its default mode `default`."""
    creation = dg.multi_or_in_process_executor.executor_creation_fn
    if creation is None:  # Dagster's own executor always has one
        raise dg.DagsterInvariantViolationError("multi_or_in_process_executor has no creation_fn")
    return dg.executor(
        name="in_process_or_multiprocess",
        config_schema=dg.Field(
            dg.Selector(
                {
                    "in_process": dg.in_process_executor.config_schema.as_field(),
                    "multiprocess": dg.multiprocess_executor.config_schema.as_field(),
                }
            ),
            default_value={default: {}},
            description="in_process: every step in the run's process (default, fastest for "
            "small steps); multiprocess: one process per step.",
        ),
        requirements=_requirements,
    )(creation)


# one object per mode: Dagster merges the Definitions of several component instances only when
# their executors are the same object
_EXECUTORS = {mode: _executor(mode) for mode in ("in_process", "multiprocess")}


def step_executor(mode: StepsIn = IN_PROCESS) -> dg.ExecutorDefinition:
    """The code location's default executor, its steps `mode` unless a run's config says."""
    if mode not in _EXECUTORS:
        raise dg.DagsterInvalidDefinitionError(
            f"executor '{mode}': expected one of {', '.join(sorted(_EXECUTORS))}"
        )
    return _EXECUTORS[mode]
