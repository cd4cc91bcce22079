"""What the code does to the Dagster instance when it loads with `DAGSTER_HOME` set (`dg dev`
with DAGSTER_HOME, its code server, `dg launch`, run workers): registers the partition folders
present, so the UI and `--partition` know them before the sensor's first tick, and gives each
model's concurrency pool a limit when it has none, so the UI shows no unlimited-pool warning out
of the box. A limit already set (`dagster instance concurrency set bailian_m N`, or
`concurrency: {pools: {default_limit: N}}` in dagster.yaml) is left alone.

Without DAGSTER_HOME there is no instance to tell (a command-line run then uses a temporary one,
and under `dg dev` the sensor registers the partitions on its first tick): nothing is done.
Nor in a run's own processes (`dagster api execute_run|execute_step`): the code server or the
command that launched the run has prepared the instance already, and opening another one there
costs each run about a second (Dagster checks the database's migrations).
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterable, Sequence

import dagster as dg

from bailian_assets.integration.partitions import register_present
from bailian_assets.planning.connectors import TableSpec

DEFAULT_POOL_LIMIT = 4  # assets calling one model that run at once (the pacer shares the quota)

log = logging.getLogger("bailian_assets")

_RUN_WORKERS = {"execute_run", "resume_run", "execute_step"}


def is_run_worker(argv: Sequence[str]) -> bool:
    """Whether this process is a run's own (`dagster api execute_run ...`)."""
    return len(argv) > 2 and argv[1] == "api" and argv[2] in _RUN_WORKERS


def prepare_home_instance(
    sources: Iterable[tuple[dg.DynamicPartitionsDefinition, TableSpec]],
    pools: Iterable[str],
    pool_limit: int = DEFAULT_POOL_LIMIT,
    argv: Sequence[str] | None = None,
) -> None:
    """Register the folders present of each partitioned source and limit the pools that have
    no limit, on DAGSTER_HOME's instance; nothing without DAGSTER_HOME or in a run worker."""
    sources, pools = list(sources), sorted(set(pools))
    if (
        not (sources or pools)
        or not os.environ.get("DAGSTER_HOME")
        or is_run_worker(sys.argv if argv is None else argv)
    ):
        return
    try:
        # disposed, since this runs at every load; not `with`: Dagster 1.13's __exit__ leaves
        # the instance's state storage set as the process's current one, disposed
        instance = dg.DagsterInstance.get()
        try:
            for partitions, table in sources:
                register_present(instance, partitions, table)
            set_pool_limits(instance, pools, pool_limit)
        finally:
            instance.dispose()
    except Exception as error:  # an unusable home must not stop the code from loading
        log.warning(
            "DAGSTER_HOME=%s: partitions and pool limits not set up: %s",
            os.environ["DAGSTER_HOME"],
            error,
        )


def set_pool_limits(instance, pools: Iterable[str], limit: int) -> list[str]:
    """Give each pool without a limit (none of its own, no instance default) `limit`
    slots; returns the pools set."""
    if instance.get_concurrency_config().pool_config.default_pool_limit is not None:
        return []
    storage = instance.event_log_storage
    limited = storage.get_concurrency_keys()
    missing = [pool for pool in pools if pool not in limited]
    for pool in missing:
        storage.set_concurrency_slots(pool, limit)
    return missing
