"""Our own `SET` keys: how a SQL file asks to be scheduled and checked.

    SET 'schedule.cron' = '0 2 * * *';           -- a Dagster schedule for the file's assets
    SET 'schedule.timezone' = 'Asia/Shanghai';
    SET 'check.accuracy.min' = '0.8';            -- the accuracy check fails below this
    SET 'check.ground-truth' = 'actual_label';   -- the column predictions are compared with

Flink's own job settings (checkpointing, pipeline.name, ...) are accepted and do not apply.
"""

from __future__ import annotations

import re
import zoneinfo
from collections.abc import Mapping
from dataclasses import dataclass

from bailian_assets.planning.options import number, text

_CRON_FIELD = re.compile(r"^(\*|\?|[0-9A-Za-z]+([-/,][0-9A-Za-z]+)*|\*/[0-9]+)$")


def cron(value: str) -> str:
    fields = value.split()
    if len(fields) != 5 or not all(_CRON_FIELD.match(f) for f in fields):
        raise ValueError(
            f"expected a cron expression of 5 fields such as '0 2 * * *', got '{value}'"
        )
    return value


def timezone(value: str) -> str:
    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"unknown time zone '{value}'") from None
    return value


PROJECT_SETTINGS = {
    "schedule.cron": cron,
    "schedule.timezone": timezone,
    "check.accuracy.min": number(0, 1),
    "check.ground-truth": text,
}


@dataclass(frozen=True)
class FileSettings:
    """The settings of one SQL file, typed."""

    cron: str | None = None
    timezone: str = "UTC"
    accuracy_min: float | None = None
    ground_truth: str | None = None

    @classmethod
    def of(cls, settings: Mapping[str, str]) -> FileSettings:
        return cls(
            cron=settings.get("schedule.cron"),
            timezone=settings.get("schedule.timezone", "UTC"),
            accuracy_min=float(settings["check.accuracy.min"])
            if "check.accuracy.min" in settings
            else None,
            ground_truth=settings.get("check.ground-truth"),
        )
