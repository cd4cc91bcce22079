"""A project's tables and views as `SqlRelation`s: the assets to build, with what the translator
and the asset factory need to know about each (SQL text, columns and their COMMENTs, models,
where the data lives, definition metadata)."""

from __future__ import annotations

from bailian_assets.integration.metadata import definition_metadata
from bailian_assets.integration.translator import (
    SELECT,
    SINK,
    SOURCE,
    VIEW,
    Column,
    SqlRelation,
)
from bailian_assets.planning import plan as p
from bailian_assets.planning.connectors import TableSpec
from bailian_assets.planning.models import ModelSpec
from bailian_assets.planning.project import Project


def queries_of(project: Project, name: str) -> list[p.PlannedQuery]:
    """The queries that compute a view, fill a sink (one per INSERT) or are a bare SELECT."""
    if name in project.views:
        return [project.views[name]]
    selects = [s.query for s in project.selects if s.name == name]
    return selects or [i.query for i in project.inserts_into(name)]


def reads(queries: list[p.PlannedQuery]) -> list[str]:
    """The views and tables the queries read, in order of first use."""
    found = [node.relation for q in queries for node in p.walk(q.root) if isinstance(node, p.Scan)]
    return list(dict.fromkeys(found))


def models_of(queries: list[p.PlannedQuery]) -> tuple[ModelSpec, ...]:
    """The models the queries' ML_PREDICTs call, each once."""
    found = {
        node.model.name: node.model
        for q in queries
        for node in p.walk(q.root)
        if isinstance(node, p.MlPredict)
    }
    return tuple(found.values())


def relations_of(project: Project) -> dict[str, SqlRelation]:
    """Every view, every sink, every bare SELECT and every table read, by SQL name, in a
    stable order."""
    sinks = project.sinks()
    found = {name: _view(project, name) for name in project.views}
    found.update({name: _sink(project, name) for name in sinks})
    found.update({select.name: _select(project, select) for select in project.selects})
    every = (
        list(project.views.values())
        + [i.query for i in project.inserts]
        + [s.query for s in project.selects]
    )
    for name in reads(every):
        if name in project.tables and name not in sinks:
            found[name] = _source(project, project.tables[name])
    return found


def _view(project: Project, name: str) -> SqlRelation:
    planned = project.views[name]
    statement = project.catalog.views[name].statement
    columns = tuple(Column(n, str(t)) for n, t in zip(planned.names, planned.types, strict=False))
    return _relation(
        project,
        name,
        VIEW,
        planned.path,
        statement.position.line,
        project.scripts[planned.path].text_of(statement),
        columns,
        models_of([planned]),
        None,
    )


def _sink(project: Project, name: str) -> SqlRelation:
    inserts = project.inserts_into(name)
    first = inserts[0]
    sql = "\n\n".join(project.scripts[i.path].text_of(i.statement) for i in inserts)
    return _relation(
        project,
        name,
        SINK,
        first.path,
        first.statement.position.line,
        sql,
        _table_columns(first.sink),
        models_of([i.query for i in inserts]),
        first.sink,
    )


def _select(project: Project, select) -> SqlRelation:
    planned = select.query
    columns = tuple(Column(n, str(t)) for n, t in zip(planned.names, planned.types, strict=False))
    return _relation(
        project,
        select.name,
        SELECT,
        select.path,
        select.line,
        project.scripts[select.path].text_of(select.statement),
        columns,
        models_of([planned]),
        None,
    )


def _source(project: Project, table: TableSpec) -> SqlRelation:
    script = project.scripts.get(table.path)
    sql = script.text_of(table.statement) if script and table.statement else ""
    return _relation(
        project,
        table.name,
        SOURCE,
        table.path,
        table.position.line,
        sql,
        _table_columns(table),
        (),
        table,
    )


def _table_columns(table: TableSpec) -> tuple[Column, ...]:
    return tuple(Column(c.name, str(c.type), c.comment) for c in table.columns)


def _relation(
    project: Project,
    name: str,
    kind: str,
    path: str,
    line: int,
    sql: str,
    columns: tuple[Column, ...],
    models: tuple[ModelSpec, ...],
    table: TableSpec | None,
) -> SqlRelation:
    connector = table.connector if table else None
    fmt = str(table.options["format"]) if table and table.options.get("format") else None
    location = table.location.resolve() if table and table.location else None
    comment = table.statement.comment if table and table.statement else None
    file = project.files.get(path)
    return SqlRelation(
        name=name,
        kind=kind,
        path=path,
        file=file,
        line=line,
        sql=sql,
        columns=columns,
        models=models,
        connector=connector,
        format=fmt,
        location=location,
        comment=comment,
        extra_metadata=definition_metadata(columns, file, line, location),
    )
