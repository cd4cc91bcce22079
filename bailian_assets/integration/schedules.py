"""A job per SQL file, and the schedule its `SET 'schedule.cron'` asks for.

A tick of a daily-partitioned job runs the partition of the day just ended (in the schedule's
time zone); statically partitioned jobs run every partition; the others run whole.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import dagster as dg

from bailian_assets.integration.assets import group_of
from bailian_assets.planning.project import Project
from bailian_assets.planning.settings import FileSettings


def jobs_and_schedules(project: Project, assets: list[dg.AssetsDefinition]):
    by_group: dict[str, list[dg.AssetsDefinition]] = {}
    for asset in assets:
        if isinstance(asset, dg.AssetsDefinition):  # external sources are not run by jobs
            group = next(iter(asset.specs)).group_name or "default"
            by_group.setdefault(group, []).append(asset)
    jobs, schedules = [], []
    for path, settings in project.catalog.settings.items():
        group = group_of(path)
        members = by_group.get(group)
        if not members:
            continue
        partitioned = {repr(a.partitions_def): a.partitions_def for a in members
                       if a.partitions_def is not None}
        partitions = next(iter(partitioned.values()), None) if len(partitioned) == 1 else None
        selection = dg.AssetSelection.assets(*[a for a in members
                                               if a.partitions_def is not None]) \
            if partitions else dg.AssetSelection.groups(group)
        job = dg.define_asset_job(f"{group}_job", selection=selection,
                                  description=f"Every asset of {path}"
                                  + (", one partition per run" if partitions else "") + ".")
        jobs.append(job)
        schedule = _schedule(job, partitions, FileSettings.of(settings), path)
        if schedule is not None:
            schedules.append(schedule)
    return jobs, schedules


def _schedule(job, partitions, settings: FileSettings, path: str):
    if settings.cron is None:
        return None
    name = f"{job.name}_schedule"
    description = f"SET 'schedule.cron' = '{settings.cron}' in {path}"
    if isinstance(partitions, dg.TimeWindowPartitionsDefinition):
        @dg.schedule(job=job, name=name, cron_schedule=settings.cron,
                     execution_timezone=settings.timezone, description=description)
        def day_just_ended(context):
            tick = context.scheduled_execution_time.astimezone(ZoneInfo(settings.timezone))
            day = (tick - dt.timedelta(days=1)).date().isoformat()
            yield dg.RunRequest(run_key=day, partition_key=day)

        return day_just_ended
    if partitions is not None:
        @dg.schedule(job=job, name=name, cron_schedule=settings.cron,
                     execution_timezone=settings.timezone, description=description)
        def every_partition(context):
            for key in partitions.get_partition_keys(dynamic_partitions_store=context.instance):
                yield dg.RunRequest(run_key=f"{key}@{context.scheduled_execution_time}",
                                    partition_key=key)

        return every_partition
    return dg.ScheduleDefinition(name=name, job=job, cron_schedule=settings.cron,
                                 execution_timezone=settings.timezone, description=description)
