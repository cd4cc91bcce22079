"""A job per SQL file, and the schedule its `SET 'schedule.cron'` asks for.

A tick of a job partitioned by dates runs the day just ended (in the schedule's time zone) when
that day has a folder, and skips with the reason when it has none; a job partitioned by other
values runs every partition that has a folder; the others run whole.
"""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

import dagster as dg

from bailian_assets.integration.partitions import present_keys
from bailian_assets.planning.connectors import TableSpec
from bailian_assets.planning.names import group_name
from bailian_assets.planning.partition_path import folder_name
from bailian_assets.planning.settings import FileSettings

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def job_name(factory, path: str, members: list[str]) -> str:
    """`<group>_job`: the group its assets share after translation, else the file's; after the
    component instance's prefix (`reviews__`), so two instances' files of one name do not
    clash (their schedules and sensors are named after the job)."""
    groups = {factory.specs[m].group_name for m in members}
    return f"{factory.keys.prefix}{groups.pop() if len(groups) == 1 else group_name(path)}_job"


def jobs_and_schedules(factory) -> tuple[list, list, list]:
    """`factory`: the AssetFactory that built the assets. Returns the jobs, the schedules, and
    (job, partitions, source table) for each job partitioned by a table's folders."""
    by_file: dict[str, list[str]] = {}
    for name, relation in factory.relations.items():
        if isinstance(factory.built.get(name), dg.AssetsDefinition):  # sources are not run
            by_file.setdefault(relation.path, []).append(name)
    jobs, schedules, folder_jobs = [], [], []
    for path, settings in factory.project.catalog.settings.items():
        members = by_file.get(path)
        if not members:
            continue
        partitioned = {
            factory.built[m].partitions_def.name: factory.built[m].partitions_def
            for m in members
            if factory.built[m].partitions_def is not None
        }
        partitions = next(iter(partitioned.values())) if len(partitioned) == 1 else None
        selected = (
            [m for m in members if factory.built[m].partitions_def is not None]
            if partitions
            else members
        )
        job = dg.define_asset_job(
            job_name(factory, path, members),
            selection=dg.AssetSelection.assets(*[factory.specs[m].key for m in selected]),
            description=f"Every asset of {path}"
            + (", one partition per run" if partitions else "")
            + ".",
        )
        jobs.append(job)
        source = _source_of(factory, partitions)
        if source is not None:
            folder_jobs.append((job, partitions, source))
        schedule = _schedule(job, partitions, source, FileSettings.of(settings), path)
        if schedule is not None:
            schedules.append(schedule)
    return jobs, schedules, folder_jobs


def _source_of(factory, partitions) -> TableSpec | None:
    if partitions is None:
        return None
    return next(
        (
            table
            for table, d in factory.partitioning.sources().values()
            if d.name == partitions.name
        ),
        None,
    )


def _schedule(job, partitions, source: TableSpec | None, settings: FileSettings, path: str):
    if settings.cron is None:
        return None
    name = f"{job.name}_schedule"
    description = f"SET 'schedule.cron' = '{settings.cron}' in {path}"
    if source is None:
        return dg.ScheduleDefinition(
            name=name,
            job=job,
            cron_schedule=settings.cron,
            execution_timezone=settings.timezone,
            description=description,
        )

    @dg.schedule(
        job=job,
        name=name,
        cron_schedule=settings.cron,
        execution_timezone=settings.timezone,
        description=description,
    )
    def partitions_with_data(context):
        return tick(context, source, partitions, settings.timezone)

    return partitions_with_data


def tick(context, source: TableSpec, partitions: dg.DynamicPartitionsDefinition, timezone: str):
    """The run requests of one tick: the day just ended when the table's partitions are
    dates (skipped with the reason when it has no folder), else every partition with data."""
    present = present_keys(source)
    if _is_dated(source, present):
        at = context.scheduled_execution_time.astimezone(ZoneInfo(timezone))
        day = (at - dt.timedelta(days=1)).date().isoformat()
        if day not in present:
            folder = (
                source.location / folder_name(source.partitioned_by[0], day)
                if source.location
                else day
            )
            return dg.SkipReason(
                f"no data for {day}: table '{source.name}' has no folder {folder} (yet)"
            )
        wanted = [day]
    elif not present:
        return dg.SkipReason(
            f"table '{source.name}' has no partition folders under {source.location}"
        )
    else:
        wanted = present
    known = set(context.instance.get_dynamic_partitions(partitions.name))
    if any(key not in known for key in wanted):
        context.instance.add_dynamic_partitions(
            partitions.name, [k for k in wanted if k not in known]
        )
    stamp = context.scheduled_execution_time.isoformat()
    return [dg.RunRequest(run_key=f"{key}@{stamp}", partition_key=key) for key in wanted]


def _is_dated(table: TableSpec, present: list[str]) -> bool:
    column = table.partition_columns[0]
    return column.type.name == "DATE" or (bool(present) and all(map(_DATE.match, present)))
