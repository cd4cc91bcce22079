"""Partitions: a partitioned source table makes it, and everything that reads it, partitioned.

The keys are the values of the table's (first) partition column that have a folder, as Flink
writes them in folder names (`dt=2025-01-01/`), unescaped (`a%2Fb` is the key `a/b`): Dagster
dynamic partitions, so the UI lists exactly the days (or other values) that have data, and a
new folder becomes a new partition without reloading anything. They are registered with the
instance by the table's sensor (sensors.py, which also materializes new folders), by the
schedule, and when the code location loads on an instance it can reach. A value Dagster cannot
take as a key (one holding `...` or a control character) is left out, with a warning.

A filesystem sink that reads a partitioned source is run one partition at a time, and each run
replaces what it writes: so the sink must be partitioned by a column that carries the source's
partition column unchanged. Anything else is refused when the definitions load, because each
day's run would replace the rows of the days before.
"""

from __future__ import annotations

import logging

import dagster as dg

from bailian_assets.errors import ExecutionError
from bailian_assets.integration.project import cached_project
from bailian_assets.integration.relations import reads, relations_of
from bailian_assets.integration.translator import SOURCE
from bailian_assets.planning import plan as p
from bailian_assets.planning.connectors import TableSpec, connector_of
from bailian_assets.planning.project import Project

# what Dagster refuses in a partition key (dagster's INVALID_PARTITION_SUBSTRINGS)
_NOT_IN_KEYS = ("...", "\a", "\b", "\f", "\n", "\r", "\t", "\v", "\0")

log = logging.getLogger("bailian_assets")


def is_partitioned_source(table: TableSpec | None) -> bool:
    return bool(table and table.partitioned_by and table.stores_rows)


def table_partitions(table: TableSpec, prefix: str = "") -> dg.DynamicPartitionsDefinition | None:
    """The partitions of a partitioned filesystem table; `prefix`: the component instance's,
    so two instances reading tables of one name keep their partitions apart."""
    if not is_partitioned_source(table):
        return None
    return dg.DynamicPartitionsDefinition(name=prefix + table.name)


def present_keys(table: TableSpec) -> list[str]:
    """The partition keys that have a folder now, sorted; none when the folder is missing."""
    try:
        values = connector_of(table).partition_values(table)
    except ExecutionError:
        return []  # no data yet: reading it will say so
    bad = [v for v in values if any(s in v for s in _NOT_IN_KEYS)]
    if bad:
        log.warning(
            "table '%s': partition folder value(s) %s left out of its Dagster "
            "partitions (not a valid Dagster partition key)",
            table.name,
            ", ".join(map(repr, bad[:5])),
        )
    return [v for v in values if v not in bad]


def register_present(
    instance, partitions: dg.DynamicPartitionsDefinition, table: TableSpec
) -> list[str]:
    """Add the keys that have a folder and are not registered yet; returns those added."""
    known = set(instance.get_dynamic_partitions(partitions.name))
    new = [key for key in present_keys(table) if key not in known]
    if new:
        instance.add_dynamic_partitions(partitions.name, new)
    return new


def register_partitions(instance, sql_dir, prefix: str = "") -> dict[str, list[str]]:
    """Register with `instance` the folders present of every partitioned table the SQL files of
    `sql_dir` read, as the sensor's first tick does (for tests, scripts and a fresh instance);
    returns the keys added, by partitions name. `prefix`: the component instance's."""
    project = cached_project(sql_dir)
    added: dict[str, list[str]] = {}
    for relation in relations_of(project).values():
        table = project.tables.get(relation.name)
        if relation.kind != SOURCE or table is None:
            continue
        partitions = table_partitions(table, prefix)
        if partitions is not None and partitions.name is not None:
            added[partitions.name] = register_present(instance, partitions, table)
    return added


class Partitioning:
    """Which partitions each relation (table, view, sink) of a project has."""

    def __init__(self, project: Project, prefix: str = ""):
        self.project = project
        self.prefix = prefix
        self._of: dict[str, dg.PartitionsDefinition | None] = {}

    def of_relation(self, name: str) -> dg.PartitionsDefinition | None:
        if name not in self._of:
            if name in self.project.views:
                self._of[name] = self.of_queries([self.project.views[name]], name)
            else:
                table = self.project.tables.get(name)
                self._of[name] = table_partitions(table, self.prefix) if table else None
        return self._of[name]

    def of_queries(
        self, queries: list[p.PlannedQuery], owner: str
    ) -> dg.PartitionsDefinition | None:
        found = {}
        for relation in reads(queries):
            definition = self.of_relation(relation)
            if definition is not None:
                found[relation] = definition
        distinct = {repr(d): d for d in found.values()}
        if len(distinct) > 1:
            raise ExecutionError(
                f"'{owner}' reads tables partitioned differently "
                f"({', '.join(found)}); read one partitioned table per asset"
            )
        # a sink fed by a partitioned source is partitioned by its column: load_project
        # refuses it otherwise (planning/partitioned_sinks.py), for check, run and Dagster alike
        return next(iter(distinct.values()), None)

    def sources(self) -> dict[str, tuple[TableSpec, dg.DynamicPartitionsDefinition]]:
        """The partitioned source tables read so far, with their partitions, by name."""
        return {
            name: (self.project.tables[name], d)
            for name, d in self._of.items()
            if isinstance(d, dg.DynamicPartitionsDefinition)
            and is_partitioned_source(self.project.tables.get(name))
        }
