"""The planner: views, INSERTs and bare SELECTs -> planned queries, with Flink's validation and
messages.

The entry points `project.py` uses. It plans views (memoized, in dependency order, from a stack
of its own), INSERTs (the query against its sink: column count, implicit casts, column lists)
and bare SELECTs (the query alone, its rows shown as Flink's SQL client shows them: see
`PlannedSelect`), and leaves queries to the builder (`builder.py`), which leaves expressions to
the binder (`binder.py`). Each problem stops the statement it is in and is reported with its place;
the other statements are still planned, so a file's errors come together.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import TypeVar

from bailian_assets.planning import bound as b
from bailian_assets.planning import hints, listings, table_columns, types
from bailian_assets.planning import names as dagster_names
from bailian_assets.planning import plan as p
from bailian_assets.planning.binder import Binder
from bailian_assets.planning.builder import Builder, check_unique
from bailian_assets.planning.catalog import (
    Catalog,
    InsertDef,
    SelectDef,
    TableAsDef,
    ViewDef,
    add_table_as,
)
from bailian_assets.planning.connectors import TableSpec, connector_of, with_options
from bailian_assets.planning.identifiers import object_key
from bailian_assets.planning.missing import missing_relation, not_above, view_as_sink
from bailian_assets.planning.options import Problem
from bailian_assets.planning.plan_errors import PlanError, Quiet, Unplanned
from bailian_assets.planning.table_as import insert_naming, key_problems, table_as_columns
from bailian_assets.sql import ast

__all__ = ["PlanError", "PlannedInsert", "PlannedSelect", "Planner"]

_T = TypeVar("_T")

NOT_NULL_ENFORCER = "table.exec.sink.not-null-enforcer"  # Flink's: ERROR (default) or DROP


@dataclass(frozen=True)
class PlannedInsert:
    sink: TableSpec
    query: p.PlannedQuery  # output names and types are the sink's columns
    statement: ast.Insert
    path: str


@dataclass(frozen=True)
class PlannedSelect:
    """A bare SELECT, planned. Flink's SQL client runs it where it stands and shows its rows;
    here it is an INSERT into an implicit print table (`table`): `run` prints its rows as a
    print sink does, and in Dagster it is an asset named `name` (`<file>_select_<line>`)
    whose output is the rows."""

    name: str
    table: TableSpec  # the implicit print table its rows go to
    query: p.PlannedQuery  # output names made unique as Flink's (`a, a` -> `a, a0`)
    statement: ast.SelectStatement | ast.Describe | ast.Show
    path: str

    @property
    def line(self) -> int:
        return self.statement.position.line

    @property
    def keyword(self) -> str:
        """What the statement is: SELECT, DESCRIBE, DESC or SHOW."""
        if isinstance(self.statement, ast.Describe):
            return self.statement.keyword
        return "SHOW" if isinstance(self.statement, ast.Show) else "SELECT"


class Planner:
    """Plans the views and INSERTs of a catalog; problems go to `report(path, problem)`."""

    def __init__(
        self,
        catalog: Catalog,
        report: Callable[[str, Problem], None],
        environ: Mapping[str, str] | None = None,
    ):
        self.catalog = catalog
        self.report = report
        self.environ = os.environ if environ is None else environ
        self._views: dict[str, p.PlannedQuery | None] = {}
        self.builder = Builder(catalog, self._views, self.environ)
        self._select_names: set[str] = set()

    # ------------------------------------------------------------ entry points

    def view(self, name: str) -> p.PlannedQuery | None:
        """The plan of a view (memoized); None when the view has errors.

        The views it reads are planned first, from a stack of its own rather than by recursion:
        a chain of a thousand views, each reading the one before, costs no Python stack."""
        pending = [name]
        while pending:
            current = pending[-1]
            if current in self._views:
                pending.pop()
                continue
            view = self.catalog.views[current]
            try:
                self._views[current] = self._plan_view(view)
            except Unplanned as needed:
                if needed.name in pending:  # a cycle: reported by the view that closes it
                    cycle = " -> ".join([*pending[pending.index(needed.name) :], needed.name])
                    self.report(
                        view.path,
                        Problem(
                            f"view '{needed.name}' refers to itself ({cycle})",
                            needed.position,
                            len(needed.name),
                        ),
                    )
                    self._views[current] = None
                else:
                    pending.append(needed.name)
            except PlanError as error:
                if not isinstance(error, Quiet):
                    for problem in error.problems:
                        self.report(view.path, problem)
                self._views[current] = None
        return self._views[name]

    def insert(self, definition: InsertDef) -> PlannedInsert | None:
        return self._planned(lambda: self._plan_insert(definition), definition.path)

    def table_as(self, definition: TableAsDef) -> None:
        """Declare the table of a CTAS with its query's columns (table_as.py); on a problem,
        reported, the table is broken (its INSERT then fails quietly)."""

        def declared() -> bool:
            self._plan_table_as(definition)
            return True

        if not self._planned(declared, definition.path):
            self.catalog.broken.add("table or view:" + definition.key)

    def _planned(self, plan: Callable[[], _T], path: str) -> _T | None:
        """`plan()`, again after planning each view it finds unplanned; None when it fails,
        its problems reported (at `path`)."""
        while True:
            try:
                return plan()
            except Unplanned as needed:
                self.view(needed.name)  # then plan again, its views known
            except PlanError as error:
                if not isinstance(error, Quiet):
                    for problem in error.problems:
                        self.report(path, problem)
                return None

    def _plan_table_as(self, definition: TableAsDef) -> None:
        statement = definition.statement
        assert statement.query is not None  # a CTAS
        planned = self.builder.query(
            statement.query, definition.path, definition.settings, definition.visibility
        )
        # a repeated name is numbered, as Flink names the table's columns (`id, id0`)
        planned = replace(planned, names=unique_names(planned.names))
        columns = table_as_columns(statement, planned)
        problems: list[Problem] = key_problems(statement, columns)
        if problems:  # the table is not created, as in Flink
            self.catalog.broken.add("table or view:" + definition.key)
        else:
            add_table_as(self.catalog, definition, columns, problems)
        for problem in problems:
            self.report(definition.path, problem)
        inserts = self.catalog.inserts
        if statement.columns:  # the INSERT names the query's columns: the others get NULL
            inserts[definition.insert] = insert_naming(inserts[definition.insert], planned)

    def select(self, definition: SelectDef) -> PlannedSelect | None:
        return self._planned(lambda: self._plan_select(definition), definition.path)

    # ------------------------------------------------------------ views and inserts

    def _plan_view(self, view: ViewDef) -> p.PlannedQuery:
        statement = view.statement
        planned = self.builder.query(statement.query, view.path, view.settings, view.visibility)
        if statement.columns:
            if len(statement.columns) != len(planned.names):
                raise PlanError(
                    f"view '{view.name}' declares {len(statement.columns)} columns "
                    f"({', '.join(n for n, _ in statement.columns)}) but its query returns "
                    f"{len(planned.names)} ({', '.join(planned.names)})",
                    statement.name.position,
                    len(view.name),
                )
            names = tuple(n for n, _ in statement.columns)
            check_unique(statement.columns, f"view '{view.name}'")
            planned = replace(planned, names=names)
        else:
            check_unique([(n, statement.position) for n in planned.names], f"view '{view.name}'")
        return planned

    def _plan_insert(self, definition: InsertDef) -> PlannedInsert:
        sink = self._insert_target(definition)
        hints.check_hints(definition.statement.hints)
        options = hints.table_options(definition.statement.hints)
        if options:  # INSERT INTO t /*+ OPTIONS(...) */: t written with them over its own
            sink = with_options(sink, options, self.environ)
        if definition.statement.partition:
            definition = replace(
                definition, statement=_static_partition(definition.statement, sink)
            )
        statement = definition.statement
        self._check_sink_abilities(sink, statement)
        planned = self.builder.query(
            statement.query, definition.path, definition.settings, definition.visibility
        )
        self._refuse_dropped_below(planned.root, definition)
        targets = _target_columns(sink, statement)
        self._check_against_sink(planned, targets, sink, statement)
        query = planned
        if statement.columns:  # columns the INSERT does not name get NULL
            query = self._fill_missing(planned, targets, sink)
        if _not_null_enforcer(definition.settings, statement) == "DROP":
            query = _without_nulls_for(query, sink.columns)
        names = tuple(c.name for c in sink.columns)
        sink_types = tuple(c.type for c in sink.columns)
        # Flink's implicit cast of a TIMESTAMP into a TIMESTAMP_LTZ column, and back: in the
        # session time zone
        binder = Binder(definition.path, definition.settings, {})
        query = replace(query, root=binder.in_zone_columns(query.root, sink_types))
        return PlannedInsert(
            sink, replace(query, names=names, types=sink_types), statement, definition.path
        )

    def _insert_target(self, definition: InsertDef) -> TableSpec:
        """The table an INSERT writes: a TEMPORARY one of its file first, then the project's;
        a view, or a name not there, explained as a FROM explains it."""
        name = definition.statement.target
        target = definition.visibility.resolve(definition.target)
        hidden = definition.visibility.hidden("table or view:" + target)
        if hidden is not None:
            raise not_above(target, name, hidden, sink=True)
        sink = self.catalog.tables.get(target)
        if sink is not None:
            return sink
        if target in self.catalog.views:
            raise view_as_sink(target, name)
        raise missing_relation(self.catalog, target, name, definition.path, sink=True)

    def _check_sink_abilities(self, sink: TableSpec, statement: ast.Insert) -> None:
        """Refuse an INSERT its sink cannot take: persisted metadata columns it cannot
        write, a source-only connector, or OVERWRITE where the connector cannot overwrite."""
        target = statement.target
        persisted = table_columns.persisted_metadata_problem(sink.name, sink.metadata_columns)
        if persisted is not None:
            raise PlanError(persisted, target.position, len(str(target)))
        if not connector_of(sink).sink:
            raise PlanError(
                f"Connector '{sink.connector}' can only be used as a source. It "
                "cannot be used as a sink.",
                target.position,
                len(str(target)),
            )
        if statement.overwrite and not connector_of(sink).overwrite:
            raise PlanError(
                f"INSERT OVERWRITE requires that the underlying DynamicTableSink of "
                f"table 'default_catalog.default_database.{sink.name}' implements the "
                f"SupportsOverwrite interface (the '{sink.connector}' connector does "
                "not)",
                statement.position,
                len("INSERT OVERWRITE"),
            )

    def _refuse_dropped_below(self, root: p.Node, definition: InsertDef) -> None:
        """The tables and views an INSERT reads through its views must stand at the file's
        end, where Flink plans it (those it names itself the builder checks, located)."""
        pending, seen = [root], set()
        while pending:
            node = pending.pop()
            if not isinstance(node, p.Scan):
                pending.extend(p.children(node))
                continue
            if node.relation in seen:
                continue
            seen.add(node.relation)
            why = definition.visibility.dropped_below("table or view:" + node.relation)
            if why is not None:
                raise PlanError(
                    f"Object '{node.relation}' not found: this INSERT reads it through a view; "
                    + why,
                    definition.statement.position,
                    len("INSERT"),
                )
            view = self.builder.views.get(node.relation)
            if view is not None:
                pending.append(view.root)

    def _plan_select(self, definition: SelectDef) -> PlannedSelect:
        statement = definition.statement
        if isinstance(statement, (ast.Describe, ast.Show)):
            planned = self._listing(definition, statement)
        else:
            planned = self.builder.query(
                statement.query, definition.path, definition.settings, definition.visibility
            )
        planned = replace(planned, names=unique_names(planned.names))
        position = statement.position
        name = f"{dagster_names.group_name(definition.path)}_select_{position.line}"
        if name in self._select_names:  # two on one line
            name += f"_{position.col}"
        self._select_names.add(name)
        # the implicit print table has the query's columns: its rows print by their types
        columns = tuple(
            ast.ColumnDef(n, t, position) for n, t in zip(planned.names, planned.types, strict=True)
        )
        table = TableSpec(name, columns, "print", {}, definition.path, statement.position)
        return PlannedSelect(name, table, planned, statement, definition.path)

    def _listing(self, definition: SelectDef, statement: ast.Describe | ast.Show) -> p.PlannedQuery:
        """The rows of a DESCRIBE or SHOW (`planning/listings.py`), as a query of VALUES."""
        visibility, at = definition.visibility, (definition.path, statement.position)
        if isinstance(statement, ast.Show):
            names = listings.visible_names(self.catalog, visibility, statement.what, at[0])
            names = listings.matching(names, statement.like, statement.negated)
            return listings.shown(names, self.builder.inner_field, *at)
        name = object_key(statement.name)  # `other_db.t` names nothing here
        key = visibility.resolve(name)
        declared = self.catalog.table_statements.get(key)
        if not listings.visible(self.catalog, visibility, key, name, at[0]):
            raise listings.missing(statement.name)
        if f"table or view:{key}" in self.catalog.broken:  # its own mistake, reported there
            raise Quiet()
        if key in self.catalog.tables:  # its columns' types as a query reads them
            table = self.catalog.tables[key]
            binder = Binder(definition.path, definition.settings, {})
            read = table_columns.scan(key, table.all_columns, key, self.builder.field, binder)
            rows = listings.table_rows(table, [f.type for f in read.fields])
        elif key in self.catalog.views:
            if key not in self.builder.views:  # planned first, then asked again
                raise Unplanned(key, statement.name.position)
            view = self.builder.views[key]
            if view is None:  # its own planning failed, reported there
                raise Quiet()
            rows = listings.query_rows(view.names, view.types)
        elif declared is not None:  # a table whose connector or options are refused where used
            rows = listings.declared_rows(declared)
        else:
            raise listings.missing(statement.name)
        return listings.described(rows, self.builder.inner_field, *at)

    def _check_against_sink(
        self, planned: p.PlannedQuery, targets, sink: TableSpec, statement: ast.Insert
    ) -> None:
        def schema(names, column_types):
            return (
                "["
                + ", ".join(f"{n}: {t}" for n, t in zip(names, column_types, strict=False))
                + "]"
            )

        query_schema = schema(planned.names, planned.types)
        sink_schema = schema([c.name for c in targets], [c.type for c in targets])
        head = f"Column types of query result and sink for '{sink.name}' do not match. Cause: "
        tail = f". Query schema: {query_schema}. Sink schema: {sink_schema}"
        if len(planned.names) != len(targets):
            raise PlanError(head + "Different number of columns" + tail, planned.position)
        items = _select_items(statement.query)
        for index, (query_type, column) in enumerate(zip(planned.types, targets, strict=False)):
            if not types.can_insert(query_type, column.type):
                where = items[index].position if index < len(items) else planned.position
                raise PlanError(
                    head + f"Incompatible types for sink column '{column.name}' at "
                    f"position {index + 1}" + tail,  # 1-based, as Flink counts
                    where,
                )

    def _fill_missing(self, planned: p.PlannedQuery, targets, sink: TableSpec) -> p.PlannedQuery:
        given = {
            c.name: (f, t)
            for c, f, t in zip(targets, planned.root.fields, planned.types, strict=False)
        }
        items: list[tuple[b.Expr, p.Field]] = []
        for column in sink.columns:
            if column.name in given:
                field, _ = given[column.name]
                items.append((b.Column(field.column, field.type), field))
            else:
                field = self.builder.field(column.name, column.type, None)
                items.append((b.Literal(None, types.NULL), field))
        root = p.Project(planned.root, tuple(items))
        return replace(planned, root=root)


# ------------------------------------------------------------------ free helpers


def unique_names(names: tuple[str, ...]) -> tuple[str, ...]:
    """Column names made distinct as Calcite does for a query's result: a repeated name gets the
    first free number (`a, a, a` -> `a, a0, a1`)."""
    taken = set(names)
    seen: set[str] = set()
    result = []
    for name in names:
        if name in seen:
            number = 0
            while f"{name}{number}" in taken:
                number += 1
            name = f"{name}{number}"
            taken.add(name)
        seen.add(name)
        result.append(name)
    return tuple(result)


def _not_null_enforcer(settings: Mapping[str, str], statement: ast.Insert) -> str:
    """ERROR or DROP, as the SETs in force say; another value is refused where the INSERT
    uses it, as Flink refuses it."""
    value = settings.get(NOT_NULL_ENFORCER, "ERROR")
    if value.upper() not in ("ERROR", "DROP"):
        raise PlanError(
            f"Could not parse value '{value}' for key '{NOT_NULL_ENFORCER}'. "
            "Expected one of: [ERROR, DROP]",
            statement.position,
            len("INSERT"),
        )
    return value.upper()


def _without_nulls_for(query: p.PlannedQuery, columns: tuple[ast.ColumnDef, ...]) -> p.PlannedQuery:
    """The query without its rows holding a NULL for a NOT NULL column of `columns` (Flink's
    `'table.exec.sink.not-null-enforcer' = 'DROP'`; by default such a row fails the job).
    A column typed NOT NULL is checked too: it may still hold a NULL (STDDEV_SAMP over one
    row, typed NOT NULL as Flink types it)."""
    checks: list[b.Expr] = [
        b.Call("IS NOT NULL", (b.Column(f.column, f.type),), types.nullable(types.BOOLEAN, False))
        for f, column in zip(query.root.fields, columns, strict=False)
        if not column.type.nullable
    ]
    if not checks:
        return query
    predicate = checks[0] if len(checks) == 1 else b.Call("AND", tuple(checks), checks[0].type)
    return replace(query, root=p.Filter(query.root, predicate))


def _select_items(query: ast.Query) -> tuple[ast.SelectItem, ...]:
    return query.body.items if isinstance(query.body, ast.Select) else ()


def _static_partition(statement: ast.Insert, sink: TableSpec) -> ast.Insert:
    """`INSERT INTO t PARTITION (k = v) SELECT ...` as the INSERT with a column list it means:
    the query's columns into the other columns (the list's, or the table's in order), then the
    static values into their partition columns."""
    static = {name: (value, at) for name, value, at in statement.partition}
    for name, (_, at) in static.items():
        if name not in sink.partitioned_by:
            keys = ", ".join(sink.partitioned_by)
            raise PlanError(
                f"Static partition column '{name}' should be in the partition keys list "
                f"[{keys}] for table '{sink.name}'.",
                at,
                len(name),
            )
    at = statement.position
    given = statement.columns or tuple((c.name, at) for c in sink.columns if c.name not in static)
    rows = ast.SubqueryRef(statement.query, "$rows", at)
    items = (
        ast.SelectItem(ast.Star(None, at), None, at),
        *(ast.SelectItem(value, None, value.position) for value, _ in static.values()),
    )
    query = ast.Query(ast.Select(items, rows, None, (), None, at), position=at)
    columns = (*given, *((name, where) for name, (_, where) in static.items()))
    return replace(statement, columns=columns, query=query, partition=())


def _target_columns(sink: TableSpec, statement: ast.Insert) -> list:
    """The sink columns an INSERT writes, in its query's order: those its column list names
    (each a column of the sink, once), or all of them."""
    if not statement.columns:
        return list(sink.columns)
    sink_columns = {c.name: c for c in sink.columns}
    for name, position in statement.columns:
        if name not in sink_columns:
            raise PlanError(
                f"Unknown target column '{name}' of table '{sink.name}'", position, len(name)
            )
    check_unique(statement.columns, f"the column list of INSERT INTO {sink.name}")
    return [sink_columns[n] for n, _ in statement.columns]
