"""A filesystem sink that reads a partitioned source must be partitioned by that source's
partition column, carried unchanged.

Dagster runs an asset that reads a partitioned filesystem table one partition at a time, and a
run of a filesystem sink replaces what it writes: a sink without that partition column would
lose the rows of the other partitions at each run. The rule is checked here, in planning, so
that `bailian-assets check` and `run` give the verdict the Dagster code location gives, as a
located error (`file:line:col`, on the INSERT), before anything runs.

`partitioned_sink_problems` is the check; `column_source` (which table column a query column
carries) and `tables_read` are what the Dagster layer needs to partition assets the same way.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from bailian_assets.planning import bound
from bailian_assets.planning import plan as p
from bailian_assets.planning.connectors import TableSpec, connector_of
from bailian_assets.planning.options import Problem


def partitioned_sink_problems(
    views: Mapping[str, p.PlannedQuery], inserts: Sequence, tables: Mapping[str, TableSpec]
) -> list[tuple[str, Problem]]:
    """(path, problem) for each INSERT into a filesystem sink some INSERT of which reads a
    partitioned filesystem table (through views too) that does not write that table's partition
    column into the sink's first partition column. `inserts` are planned INSERTs (`.sink`,
    `.query`, `.statement`, `.path`)."""
    problems = []
    by_sink: dict[str, list] = {}
    for insert in inserts:
        if connector_of(insert.sink).partitioned:
            by_sink.setdefault(insert.sink.name, []).append(insert)
    for group in by_sink.values():  # one asset in Dagster: partitioned if any INSERT reads one
        source = next(iter(partitioned_sources(views, [i.query for i in group], tables)), None)
        if source is None:
            continue
        for insert in group:
            problem = _problem(views, insert.sink, source, insert.query)
            if problem is not None:
                problems.append((insert.path, Problem(problem, insert.statement.position)))
    return problems


def _problem(
    views: Mapping[str, p.PlannedQuery], sink: TableSpec, source: TableSpec, query: p.PlannedQuery
) -> str | None:
    column = source.partitioned_by[0]
    where = f"sink '{sink.name}' (declared at {sink.path}:{sink.position.line})"
    if not sink.partitioned_by:
        return (
            f"{where} is not partitioned, but this INSERT reads table '{source.name}', "
            f"which is partitioned by `{column}`: Dagster runs it one `{column}` at a "
            f"time, and each run would replace the whole table with that partition's rows. "
            f"Declare it PARTITIONED BY ({column}) and select `{column}` from "
            f"'{source.name}' into it"
        )
    target = sink.partitioned_by[0]
    index = query.names.index(target)
    if column_source(views, query.root, query.root.fields[index].column) == (source.name, column):
        return None
    return (
        f"{where} is partitioned by `{target}`, which this INSERT does not fill with the "
        f"partition column `{column}` of '{source.name}': each Dagster run of one "
        f"`{column}` would replace partitions of other runs. Select `{column}` from "
        f"'{source.name}' into `{target}`"
    )


def partitioned_sources(
    views: Mapping[str, p.PlannedQuery],
    queries: Iterable[p.PlannedQuery],
    tables: Mapping[str, TableSpec],
) -> list[TableSpec]:
    """The partitioned filesystem tables the queries read, through views, in order of use."""
    return [
        tables[name]
        for name in tables_read(views, queries)
        if name in tables and tables[name].partitioned_by
    ]


def tables_read(
    views: Mapping[str, p.PlannedQuery], queries: Iterable[p.PlannedQuery]
) -> list[str]:
    """The tables (not views) the queries read, through the views they read, in order of first
    use (a work list: a long chain of views costs no recursion)."""
    found: dict[str, None] = {}
    seen: set[str] = set()
    pending = list(queries)
    while pending:
        query = pending.pop(0)
        for node in p.walk(query.root):
            if not isinstance(node, p.Scan) or node.relation in seen:
                continue
            seen.add(node.relation)
            if node.relation in views:
                pending.append(views[node.relation])
            else:
                found[node.relation] = None
    return list(found)


def column_source(
    views: Mapping[str, p.PlannedQuery], node: p.Node, column: str
) -> tuple[str, str] | None:
    """(table, column) whose values the frame column `column` of `node` carries unchanged (or
    only cast), through views, projections, filters, joins and unions; else None."""
    while True:
        step = _step(views, node, column)
        if step is None or (isinstance(step, tuple) and isinstance(step[0], str)):
            return step
        node, column = step


def _step(views: Mapping[str, p.PlannedQuery], node: p.Node, column: str):
    """One step of `column_source`: the (node, column) the column comes from, the answer
    (table, column), or None."""
    if isinstance(node, p.Scan):
        name = node.source_columns[[f.column for f in node.fields].index(column)]
        view = views.get(node.relation)
        if view is None:
            return node.relation, name
        return view.root, view.root.fields[view.names.index(name)].column
    if isinstance(node, (p.Project, p.Aggregate)):
        items = node.items if isinstance(node, p.Project) else node.keys
        expr = next((e for e, f in items if f.column == column), None)
        source = bound.column_of(expr) if expr is not None else None
        return (node.input, source) if source is not None else None
    if isinstance(node, p.SetUnion):
        index = [f.column for f in node.fields].index(column)
        sources = {column_source(views, i, i.fields[index].column) for i in node.inputs}
        return sources.pop() if len(sources) == 1 else None
    for child in p.children(node):
        if any(f.column == column for f in child.fields):
            return child, column
    return None
