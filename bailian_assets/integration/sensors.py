"""A sensor per partitioned job: new partition folders become partitions and are materialized.

Each tick lists the source table's `col=value/` folders. On its first tick the sensor registers
every folder present as a partition (so the UI lists the days that have data) and runs nothing:
what was there before is yours to materialize (a backfill of the missing partitions). From then
on, each folder that appears is registered and materialized at once. The sensor runs by
default; stop it in the UI to stop both.
"""

from __future__ import annotations

import json

import dagster as dg

from bailian_assets.integration.partitions import present_keys
from bailian_assets.planning.connectors import TableSpec

INTERVAL_SECONDS = 30


def partition_sensors(partitioned: list) -> list[dg.SensorDefinition]:
    """`partitioned`: (job, partitions, source table) of each job partitioned by folders."""
    return [new_folder_sensor(job, partitions, table) for job, partitions, table in partitioned]


def new_folder_sensor(
    job, partitions: dg.DynamicPartitionsDefinition, table: TableSpec
) -> dg.SensorDefinition:
    @dg.sensor(
        name=f"{job.name}_new_partitions",
        job=job,
        minimum_interval_seconds=INTERVAL_SECONDS,
        default_status=dg.DefaultSensorStatus.RUNNING,
        description=f"Registers each `{table.partitioned_by[0]}=` folder of table "
        f"'{table.name}' ({table.location}) as a partition and "
        "materializes the folders that appear after its first tick.",
    )
    def new_partitions(context: dg.SensorEvaluationContext):
        return evaluate(context, table, partitions)

    return new_partitions


def evaluate(context, table: TableSpec, partitions: dg.DynamicPartitionsDefinition):
    present = present_keys(table)
    seen = None if context.cursor is None else set(json.loads(context.cursor))
    known = set(context.instance.get_dynamic_partitions(partitions.name))
    register = [key for key in present if key not in known]
    fresh = [] if seen is None else [key for key in present if key not in seen]
    skip: str | None
    if seen is None and not register:
        skip = f"{len(present)} partition(s) of table '{table.name}' already registered"
    elif seen is None:
        skip = (
            f"first tick: registered {len(register)} partition(s) of table "
            f"'{table.name}' already present ({_listed(register)}); materialize them "
            "with a backfill; folders that appear from now on are materialized"
        )
    else:
        skip = None if fresh else f"no new folder under {table.location}"
    return dg.SensorResult(
        run_requests=[dg.RunRequest(run_key=key, partition_key=key) for key in fresh],
        dynamic_partitions_requests=[partitions.build_add_request(register)] if register else [],
        cursor=json.dumps(sorted(set(present) | (seen or set()))),
        skip_reason=skip,
    )


def _listed(keys: list[str]) -> str:
    return ", ".join(keys[:5]) + (f", ... ({len(keys)} in all)" if len(keys) > 5 else "")
