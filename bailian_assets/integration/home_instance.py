"""What the code does to the Dagster instance when it loads with `DAGSTER_HOME` set (`dg dev`
with DAGSTER_HOME, its code server, `dg launch`, run workers): registers the partition folders
present, so the UI and `--partition` know them before the sensor's first tick, and gives each
model's concurrency pool a limit when it has none, so the UI shows no unlimited-pool warning out
of the box. A limit already set (`dagster instance concurrency set bailian_m N`, or
`concurrency: {pools: {default_limit: N}}` in dagster.yaml) is left alone.

Without DAGSTER_HOME there is no instance to tell (a command-line run then uses a temporary one,
and under `dg dev` the sensor registers the partitions on its first tick): nothing is done.
Nor in the processes of a run a code server launched (`dagster api execute_run|execute_step`,
told by Dagster's load context: loading.py): the code server has prepared the instance already,
and opening another one there costs each run about a second (Dagster checks the database's
migrations). The steps of a `dg launch` run that asked for a process per step do open it (the
mark is a code server's; `dg launch` is not one): idempotent, about a second each.

`dg launch` (and `dagster asset materialize`) opens DAGSTER_HOME's instance itself, then loads
the code, and this opens a second one: Dagster gives the code no way to reach the command's own,
and the command checks `--partition` and `--partition-range` against the instance's partitions
right after the load, so the folders present must be registered by then (a fresh home, a folder
that arrived since the last `dg dev`). It is disposed at once.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable

import dagster as dg

from bailian_assets.integration.loading import in_launched_run
from bailian_assets.integration.partitions import register_present
from bailian_assets.planning.connectors import TableSpec

DEFAULT_POOL_LIMIT = 4  # assets calling one model that run at once (the pacer shares the quota)

log = logging.getLogger("bailian_assets")


def prepare_home_instance(
    sources: Iterable[tuple[dg.DynamicPartitionsDefinition, TableSpec]],
    pools: Iterable[str],
    pool_limit: int = DEFAULT_POOL_LIMIT,
) -> None:
    """Register the folders present of each partitioned source and limit the pools that have
    no limit, on DAGSTER_HOME's instance; nothing without DAGSTER_HOME or in a launched run."""
    sources, pools = list(sources), sorted(set(pools))
    if not (sources or pools) or not os.environ.get("DAGSTER_HOME") or in_launched_run():
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
