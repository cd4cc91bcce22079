"""Partitions: a partitioned source table makes it, and everything that reads it, partitioned.

The keys are the values of the table's (first) partition column, as Flink writes them in folder
names (`dt=2025-01-01/`). Date values become Dagster daily partitions starting at the earliest
folder, so the days to come need no change anywhere; other values are static partitions, read
from the folders when the code location loads (reload it to see new folders).
"""

from __future__ import annotations

import datetime as dt
import re

import dagster as dg

from bailian_assets.errors import ExecutionError
from bailian_assets.executor.filesystem import partition_values
from bailian_assets.planning import plan as p
from bailian_assets.planning.connectors import TableSpec
from bailian_assets.planning.project import Project
from bailian_assets.planning.settings import FileSettings

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def table_partitions(table: TableSpec, timezone: str = "UTC"
                     ) -> dg.PartitionsDefinition | None:
    """`timezone`: when a day ends (the declaring file's SET 'schedule.timezone')."""
    if not table.partitioned_by or table.connector != "filesystem":
        return None
    try:
        values = partition_values(table)
    except ExecutionError:
        values = []  # no data yet: reading it will say so
    column = table.partition_columns[0]
    if column.type.name == "DATE" or (values and all(_DATE.match(v) for v in values)):
        start = min(values) if values else dt.date.today().isoformat()
        return dg.DailyPartitionsDefinition(start_date=start, timezone=timezone)
    return dg.StaticPartitionsDefinition(values)


class Partitioning:
    """Which partitions each relation (table, view, sink) of a project has."""

    def __init__(self, project: Project):
        self.project = project
        self._of: dict[str, dg.PartitionsDefinition | None] = {}

    def of_relation(self, name: str) -> dg.PartitionsDefinition | None:
        if name not in self._of:
            if name in self.project.views:
                self._of[name] = self.of_queries([self.project.views[name]], name)
            else:
                table = self.project.tables.get(name)
                settings = FileSettings.of(self.project.catalog.settings.get(table.path, {})) \
                    if table else None
                self._of[name] = table_partitions(table, settings.timezone) if table else None
        return self._of[name]

    def of_queries(self, queries: list[p.PlannedQuery], owner: str
                   ) -> dg.PartitionsDefinition | None:
        found = {}
        for relation in reads(queries):
            definition = self.of_relation(relation)
            if definition is not None:
                found[relation] = definition
        distinct = {repr(d): d for d in found.values()}
        if len(distinct) > 1:
            raise ExecutionError(f"'{owner}' reads tables partitioned differently "
                                 f"({', '.join(found)}); read one partitioned table per asset")
        return next(iter(distinct.values()), None)


def reads(queries: list[p.PlannedQuery]) -> list[str]:
    """The views and tables the queries read, in order of first use."""
    names = [node.relation for q in queries for node in p.walk(q.root) if isinstance(node, p.Scan)]
    return list(dict.fromkeys(names))
