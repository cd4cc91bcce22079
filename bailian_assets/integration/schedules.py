"""A job per SQL file, and the schedule its `SET 'schedule.cron'` asks for.

Daily-partitioned jobs are scheduled with `build_schedule_from_partitioned_job`, so each tick
runs the partition of the day just ended; statically partitioned ones run every partition; the
others run whole.
"""

from __future__ import annotations

import dagster as dg

from bailian_assets.integration.assets import group_of
from bailian_assets.planning.project import Project
from bailian_assets.planning.settings import FileSettings


def jobs_and_schedules(project: Project, assets: list[dg.AssetsDefinition]):
    by_group: dict[str, list[dg.AssetsDefinition]] = {}
    for asset in assets:
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
        job = dg.define_asset_job(f"{group}_job", selection=selection, partitions_def=partitions,
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
    if isinstance(partitions, dg.TimeWindowPartitionsDefinition):
        return dg.build_schedule_from_partitioned_job(
            job, name=name, cron_schedule=settings.cron, execution_timezone=settings.timezone,
            description=f"SET 'schedule.cron' = '{settings.cron}' in {path}")
    if partitions is not None:
        @dg.schedule(job=job, name=name, cron_schedule=settings.cron,
                     execution_timezone=settings.timezone)
        def every_partition(context):
            for key in partitions.get_partition_keys(dynamic_partitions_store=context.instance):
                yield dg.RunRequest(run_key=f"{key}@{context.scheduled_execution_time}",
                                    partition_key=key)

        return every_partition
    return dg.ScheduleDefinition(name=name, job=job, cron_schedule=settings.cron,
                                 execution_timezone=settings.timezone)
