"""Statements -> Catalog: the models, tables, views, INSERTs and SETs of a set of SQL files.

Names live in two namespaces, as in Flink: models, and tables/views. A name declared twice is an
error unless the second declaration says IF NOT EXISTS (then the first one stands). A table
declared with IF NOT EXISTS in two files must be declared the same way in both: the files share
one catalog here (unlike Flink, where each file is a job of its own), so a different second
declaration would send that file's rows into the first file's table.

TEMPORARY tables, views and models belong to their file, as in Flink (a file is a job, with a
session of its own). A TEMPORARY one and a permanent one may share a name: the temporary one
shadows the other for the statements of its file below it (to a DROP TEMPORARY), and is keyed
`<file>__<name>` (`_scoped_key`): its asset's name, or its model resource's. Two files may each
declare a TEMPORARY one of one name, as two Flink jobs may: each is its own file's, keyed
`<file>__<name>` the same way. Permanent names stay global: a second declaration is a clash
that names the first one's file.

A table's columns are checked where it is declared; its connector and options where a statement
uses it, as Flink checks them (`unusable.Unusable`, shared with models).

Every filesystem table an INSERT writes is checked against its declaring file
(`connectors.sink_path_problem`) once both the table and an INSERT into it are known, and
against the other filesystem tables once the queries are planned (`overlap_problems`): no two
sinks, and no sink and a table read, may share a folder or lie one inside the other, or a run
would write part of the job and then fail on the second table's folder (or read what it is
writing).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, cast

from bailian_assets.errors import Position
from bailian_assets.planning import names
from bailian_assets.planning.connectors import TableSpec, build_table, connector_of
from bailian_assets.planning.flink_settings import job_setting_problems
from bailian_assets.planning.identifiers import (
    DEFAULT_CATALOG,
    DEFAULT_DATABASE,
    declaration_problem,
    object_key,
    use_problem,
)
from bailian_assets.planning.models import (
    BUDGET_SETTINGS,
    RUNTIME_OPTIONS,
    RUNTIME_PREFIX,
    ModelSpec,
    build_model,
    declaration_problems,
)
from bailian_assets.planning.options import Problem
from bailian_assets.planning.settings import PROJECT_SETTINGS
from bailian_assets.planning.table_like import merged_table
from bailian_assets.planning.unusable import Unusable
from bailian_assets.sql import ast

_Create = ast.CreateModel | ast.CreateTable | ast.CreateView  # what declares a name


class FileScope:
    """What each statement of one file sees of the file's own declarations. Flink reads a file
    top to bottom: a name declared further down is not there yet, one dropped further up is
    there no more. Other files' declarations are seen from everywhere (the files of a project
    share one catalog; in Flink each file would be a job of its own)."""

    def __init__(self, script: ast.Script):
        # key ('table or view:t', 'model:m') -> (index, statement) of its first declaration
        self.declared: dict[str, tuple[int, _Create]] = {}
        for index, statement in enumerate(script.statements):
            key = declared_key(statement)
            if key is not None:  # a CREATE: the statements declared_key names
                self.declared.setdefault(key, (index, cast(_Create, statement)))
        self.dropped: dict[str, tuple[int, ast.Drop]] = {}
        # 'table or view:t' or 'model:m' -> (index, key, end) of a TEMPORARY declaration of
        # this file keyed as its own (it shadows a permanent one of its name, or other files
        # declare one too): from that statement on (to a DROP TEMPORARY at `end`), the name
        # means `key`
        self.shadows: dict[str, tuple[int, str, int]] = {}

    def hidden(self, key: str, index: int, insert: bool = False) -> str | None:
        """Why the statement at `index` cannot see `key`, or None when it can. An INSERT
        (`insert`) is planned at its place and again after the file's last statement: Flink
        runs a file's INSERTs as one job, planned at the end, where a name dropped below the
        INSERT is gone too."""
        above = " (a statement sees what stands above it)"
        declared = self.declared.get(key)
        if declared is not None and declared[0] > index:
            line = declared[1].position.line
            return f"this file declares it further down, at line {line}{above}"
        dropped = self.dropped.get(key)
        if dropped is not None and dropped[0] < index:
            return f"this file drops it above, at line {dropped[1].position.line}{above}"
        return self.dropped_below(key, index) if insert else None

    def dropped_below(self, key: str, index: int) -> str | None:
        """Why an INSERT at `index` cannot use `key` (read through a view too): the file
        drops it below, and Flink plans a file's INSERTs after its last statement."""
        dropped = self.dropped.get(key)
        if dropped is None or dropped[0] < index:
            return None
        return (
            f"this file drops it below, at line {dropped[1].position.line}, and Flink "
            "plans a file's INSERTs together after its last statement, as one job, where "
            "it is gone (a file cannot drop what its INSERTs use)"
        )


@dataclass(frozen=True)
class Visibility:
    """The file scope of one statement: `hides(key)` for names it must not see."""

    scope: FileScope | None = None
    index: int = 0
    insert: bool = False  # an INSERT's: planned again at the file's end (FileScope.hidden)

    def hidden(self, key: str) -> str | None:
        """Why the statement cannot see `key`, or None when it can."""
        return None if self.scope is None else self.scope.hidden(key, self.index, self.insert)

    def dropped_below(self, key: str) -> str | None:
        """For an INSERT: why a relation it reads through a view is gone where Flink plans
        it (FileScope.dropped_below), or None."""
        if self.scope is None or not self.insert:
            return None
        return self.scope.dropped_below(key, self.index)

    def resolve(self, name: str, namespace: str = "table or view") -> str:
        """The catalog key a table or view (or, in the namespace 'model', a model) `name`
        means here: a TEMPORARY one of this file declared above shadows the permanent one of
        that name, as in Flink, and is its file's own when other files declare one too."""
        shadow = None if self.scope is None else self.scope.shadows.get(f"{namespace}:{name}")
        return shadow[1] if shadow is not None and shadow[0] < self.index < shadow[2] else name


@dataclass(frozen=True)
class ViewDef:
    name: str
    statement: ast.CreateView
    path: str
    settings: Mapping[str, str]
    visibility: Visibility = Visibility()


@dataclass(frozen=True)
class InsertDef:
    target: str
    statement: ast.Insert
    path: str
    settings: Mapping[str, str]  # the SETs in force where the INSERT stands
    visibility: Visibility = Visibility()


@dataclass(frozen=True)
class TableAsDef:
    """A `CREATE TABLE t WITH (...) AS query` (CTAS): its table is declared once its query is
    planned (the query gives the columns: planning/table_as.py); its rows are written by the
    INSERT the catalog adds for it."""

    key: str
    statement: ast.CreateTable
    path: str
    settings: Mapping[str, str]
    visibility: Visibility
    environ: Mapping[str, str] | None
    base_dir: Path | None
    insert: int  # the index in `Catalog.inserts` of the INSERT of its rows


@dataclass(frozen=True)
class SelectDef:
    """A bare SELECT statement (or a DESCRIBE or SHOW, answered as one): run where it stands,
    its rows shown (see planner.py)."""

    statement: ast.SelectStatement | ast.Describe | ast.Show
    path: str
    settings: Mapping[str, str]
    visibility: Visibility = Visibility()


@dataclass
class Catalog:
    models: dict[str, ModelSpec] = field(default_factory=dict)
    tables: dict[str, TableSpec] = field(default_factory=dict)
    views: dict[str, ViewDef] = field(default_factory=dict)
    inserts: list[InsertDef] = field(default_factory=list)
    selects: list[SelectDef] = field(default_factory=list)
    tables_as: dict[str, TableAsDef] = field(default_factory=dict)  # CTAS, by table key
    settings: dict[str, dict[str, str]] = field(default_factory=dict)  # path -> final SETs
    # names that were declared but failed their own checks: referring to them is not a new error
    broken: set[str] = field(default_factory=set)
    positions: dict[str, tuple[str, Position]] = field(default_factory=dict)
    sql_files: dict[str, Path | None] = field(default_factory=dict)  # path -> the file on disk
    checked_sinks: set[str] = field(default_factory=set)
    refused_paths: set[str] = field(default_factory=set)  # sinks whose path is refused
    # models that failed their checks: as in Flink, refused where a statement uses them
    unusable_models: dict[str, Unusable] = field(default_factory=dict)
    # tables whose connector or options failed their checks: as in Flink, refused where used
    unusable_tables: dict[str, Unusable] = field(default_factory=dict)
    temporary: set[str] = field(default_factory=set)  # keys of TEMPORARY declarations
    # names ('model:m', 'table or view:t') declared TEMPORARY in more than one file: each
    # file's is its own, keyed `<file>__<name>`
    per_file: set[str] = field(default_factory=set)
    scopes: dict[str, FileScope] = field(default_factory=dict)  # path -> its file's scope
    # key -> a table's declaration, LIKE clause merged: what a LIKE of it starts from
    table_statements: dict[str, ast.CreateTable] = field(default_factory=dict)


def add_script(
    catalog: Catalog,
    script: ast.Script,
    problems: list[tuple[str, Problem]],
    environ: Mapping[str, str] | None = None,
    base_dir: Path | None = None,
) -> None:
    """Add one parsed file's declarations; problems are recorded as (path, problem)."""
    path = script.path
    catalog.sql_files[path] = base_dir / Path(path).name if base_dir is not None else None
    file = _FileBeingAdded(catalog, path, FileScope(script), environ, base_dir)
    catalog.scopes[path] = file.scope
    for index, statement in enumerate(script.statements):
        _add_statement(file, index, statement)
    catalog.settings[path] = file.settings
    file.problems.extend(job_setting_problems(script, file.settings))
    problems.extend((path, p) for p in file.problems)
    _check_sink_paths(catalog, problems)


@dataclass
class _FileBeingAdded:
    """One file on its way into the catalog: what its statements are added with."""

    catalog: Catalog
    path: str
    scope: FileScope
    environ: Mapping[str, str] | None
    base_dir: Path | None
    settings: dict[str, str] = field(default_factory=dict)  # the SETs so far, top to bottom
    problems: list[Problem] = field(default_factory=list)


def _add_statement(file: _FileBeingAdded, index: int, statement: ast.Statement) -> None:
    """Add the file's statement at `index` (each kind of statement by its own function)."""
    if isinstance(statement, _Create):
        problem = declaration_problem(statement.name)
        if problem is not None:
            file.problems.append(problem)
            return
    for kind, add in _ADDERS:
        if isinstance(statement, kind):
            add(file, index, statement)
            return


def _add_set(file: _FileBeingAdded, index: int, statement: ast.SetStatement) -> None:
    if _check_setting(statement, file.problems):  # an invalid value is reported, never used
        file.settings[statement.key] = statement.value


def _add_reset(file: _FileBeingAdded, index: int, statement: ast.Reset) -> None:
    """RESET: the key (or every key) back to its default for the statements below."""
    if statement.key is None:
        file.settings.clear()
    else:
        file.settings.pop(statement.key, None)


def _add_use(file: _FileBeingAdded, index: int, statement: ast.Use) -> None:
    problem = use_problem(statement)
    if problem is not None:
        file.problems.append(problem)


def _add_drop(file: _FileBeingAdded, index: int, statement: ast.Drop) -> None:
    _drop(statement, index, file.scope, file.catalog, file.problems)


def _add_create_model(file: _FileBeingAdded, index: int, statement: ast.CreateModel) -> None:
    key = _scoped_key(statement, file.path, index, file.catalog, file.scope)
    if _declare(file.catalog.models, key, statement, file, "model"):
        _add_model(file.catalog, statement, file.path, file.problems, file.environ, key)


def _add_create_table(file: _FileBeingAdded, index: int, statement: ast.CreateTable) -> None:
    if statement.query is not None:
        _add_create_table_as(file, index, statement)
        return
    catalog = file.catalog
    key = _scoped_key(statement, file.path, index, catalog, file.scope)
    declared = _declare({}, key, statement, file, "table or view")
    if statement.like is not None and (declared or key in catalog.tables):
        merged = _merged_like(file, index, statement)  # an ordinary CREATE TABLE from here on
        if merged is None:
            if declared:
                catalog.broken.add("table or view:" + key)
            return
        statement = merged
    if declared:
        _add_table(catalog, statement, file.path, file.problems, file.environ, file.base_dir, key)
        if key in catalog.tables or key in catalog.unusable_tables:  # its columns are sound
            catalog.table_statements[key] = statement
    elif statement.if_not_exists and key in catalog.tables:
        _check_same_table(
            catalog.tables[key], statement, file.path, file.problems, file.environ, file.base_dir
        )


def _add_create_table_as(file: _FileBeingAdded, index: int, statement: ast.CreateTable) -> None:
    """CREATE TABLE t WITH (...) AS query: the table (declared when its query is planned) and
    the INSERT of the query's rows; with IF NOT EXISTS and t there, that INSERT into t alone
    (as Flink does). Flink refuses a TEMPORARY one."""
    assert statement.query is not None  # a CTAS
    if statement.temporary:
        file.problems.append(
            Problem(
                "CREATE TABLE AS SELECT syntax does not support to create temporary table yet.",
                statement.position,
                len("CREATE"),
            )
        )
        return
    catalog = file.catalog
    key = _scoped_key(statement, file.path, index, catalog, file.scope)
    declared = _declare({}, key, statement, file, "table or view")
    if not declared and not (statement.if_not_exists and key in catalog.tables):
        return  # a clash, reported
    if declared:
        catalog.tables_as[key] = TableAsDef(
            key,
            statement,
            file.path,
            dict(file.settings),
            Visibility(file.scope, index),
            file.environ,
            file.base_dir,
            len(catalog.inserts),
        )
    _add_insert(file, index, ast.Insert(statement.name, (), statement.query, statement.position))


def add_table_as(
    catalog: Catalog,
    definition: TableAsDef,
    columns: Sequence[ast.ColumnDef],
    problems: list[Problem],
) -> None:
    """Declare the table of a CTAS with the `columns` its planned query gives."""
    statement = replace(definition.statement, columns=tuple(columns), query=None)
    key = definition.key
    _add_table(
        catalog,
        statement,
        definition.path,
        problems,
        definition.environ,
        definition.base_dir,
        key,
    )
    if key in catalog.tables:
        catalog.table_statements[key] = statement


def _merged_like(
    file: _FileBeingAdded, index: int, statement: ast.CreateTable
) -> ast.CreateTable | None:
    """`statement` (a CREATE TABLE ... LIKE) merged with its source table as this statement
    sees it (table_like.py), or None with the problem recorded (none for a source that failed
    its own checks: it has its error already)."""
    like = statement.like
    assert like is not None
    catalog, name = file.catalog, object_key(like.source)
    visibility = Visibility(file.scope, index)
    key = visibility.resolve(name)
    hidden = visibility.hidden(f"table or view:{name}")
    where = catalog.positions.get(f"table or view:{key}")
    if hidden is not None or where is None:
        problem = "not found in the catalog" + (f" ({hidden})" if hidden else "")
    elif f"table or view:{key}" in catalog.temporary and where[0] != file.path:
        problem = (
            f"not found in the catalog (it is a TEMPORARY table of {where[0]}: a temporary "
            "table belongs to its file, as to a Flink job)"
        )
    elif key in catalog.views:
        problem = "can not be a VIEW"
    else:  # a table, or one that failed its own checks (it has its error already)
        return _merged_or_reported(file, statement, catalog.table_statements.get(key))
    identifier = f"`{DEFAULT_CATALOG}`.`{DEFAULT_DATABASE}`.`{name}`"
    message = f"Source table '{identifier}' of the LIKE clause {problem}"
    file.problems.append(Problem(message, like.source.position, len(str(like.source))))
    return None


def _merged_or_reported(
    file: _FileBeingAdded, statement: ast.CreateTable, source: ast.CreateTable | None
) -> ast.CreateTable | None:
    """The merge of `statement` with `source` (None: a source that failed its checks)."""
    if source is None:
        return None
    merged = merged_table(statement, source)
    if isinstance(merged, Problem):
        file.problems.append(merged)
        return None
    return merged


def _add_create_view(file: _FileBeingAdded, index: int, statement: ast.CreateView) -> None:
    key = _scoped_key(statement, file.path, index, file.catalog, file.scope)
    if _declare({}, key, statement, file, "table or view"):
        file.catalog.views[key] = ViewDef(
            key, statement, file.path, dict(file.settings), Visibility(file.scope, index)
        )


def _add_insert(file: _FileBeingAdded, index: int, statement: ast.Insert) -> None:
    file.catalog.inserts.append(
        InsertDef(
            object_key(statement.target),
            statement,
            file.path,
            dict(file.settings),
            Visibility(file.scope, index, insert=True),
        )
    )


def _add_select(
    file: _FileBeingAdded, index: int, statement: ast.SelectStatement | ast.Describe | ast.Show
) -> None:
    file.catalog.selects.append(
        SelectDef(statement, file.path, dict(file.settings), Visibility(file.scope, index))
    )


# each kind of statement, and the function adding it (the others declare nothing here)
_ADDERS: tuple[tuple[type, Callable[[_FileBeingAdded, int, Any], None]], ...] = (
    (ast.SetStatement, _add_set),
    (ast.Reset, _add_reset),
    (ast.Use, _add_use),
    (ast.Drop, _add_drop),
    (ast.CreateModel, _add_create_model),
    (ast.CreateTable, _add_create_table),
    (ast.CreateView, _add_create_view),
    (ast.Insert, _add_insert),
    (ast.SelectStatement, _add_select),
    (ast.Describe, _add_select),
    (ast.Show, _add_select),
)


def _add_model(
    catalog: Catalog,
    statement: ast.CreateModel,
    path: str,
    problems: list[Problem],
    environ: Mapping[str, str] | None,
    key: str,
) -> None:
    """A declared model (under catalog key `key`), usable or broken. Its METADATA columns are
    checked here (Flink 2.3 refuses them at the CREATE MODEL); the rest where a statement uses
    it, as Flink does."""
    declared = declaration_problems(statement)
    problems.extend(declared)
    deferred: list[Problem] = []
    model = build_model(statement, path, deferred, environ)
    if model is not None and not declared:
        catalog.models[key] = replace(model, name=key)
        return
    catalog.broken.add("model:" + key)
    if not declared:
        catalog.unusable_models[key] = Unusable("model", key, path, deferred)


def _add_table(
    catalog: Catalog,
    statement: ast.CreateTable,
    path: str,
    problems: list[Problem],
    environ: Mapping[str, str] | None,
    base_dir: Path | None,
    name: str,
) -> None:
    """A declared table (under catalog key `name`), usable or broken. Its columns are checked
    here (Flink checks them at the CREATE TABLE); its connector and options where a statement
    uses it, as Flink does."""
    before = len(problems)
    deferred: list[Problem] = []
    table = build_table(statement, path, problems, environ, base_dir, deferred)
    if table is not None:
        catalog.tables[name] = replace(table, name=name)
        return
    catalog.broken.add("table or view:" + name)
    if len(problems) == before:
        catalog.unusable_tables[name] = Unusable("table", name, path, deferred)


def _scoped_key(
    statement: _Create, path: str, index: int, catalog: Catalog, scope: FileScope
) -> str:
    """The catalog key of a declaration. As in Flink, a TEMPORARY table, view or model and a
    permanent one may share a name, the temporary one shadowing the other in its file (a
    Flink job): the temporary one is then keyed `<file>__<name>` (its asset's or resource's
    name), and its file's statements below it mean it by that name (`Visibility.resolve`). Two
    files' TEMPORARY ones of one name are each keyed so, each its own file's."""
    namespace, name = _namespace(statement), object_key(statement.name)
    key = f"{namespace}:{name}"
    if statement.temporary and key in catalog.per_file:
        return _shadow(key, path, index, catalog, scope)  # a third file's own, and so on
    if key not in catalog.positions:
        if statement.temporary:
            catalog.temporary.add(key)
        return name
    first_path = catalog.positions[key][0]
    if statement.temporary and key in catalog.temporary and first_path != path:
        # two files' own TEMPORARY ones (two Flink jobs, two sessions): each its file's
        catalog.per_file.add(key)
        _move_temporary(catalog, key)
        return _shadow(key, path, index, catalog, scope)
    if (key in catalog.temporary) == statement.temporary:
        return name  # two temporary or two permanent ones: a clash, reported by `_declare`
    if statement.temporary:  # this one shadows the permanent one, in its file
        return _shadow(key, path, index, catalog, scope)
    _move_temporary(catalog, key)  # the temporary one, declared first, gives way
    return name


def _namespace(statement: _Create) -> str:
    """'model' or 'table or view': Flink's two namespaces of names."""
    return "model" if isinstance(statement, ast.CreateModel) else "table or view"


def _shadow(key: str, path: str, index: int, catalog: Catalog, scope: FileScope) -> str:
    """Key a TEMPORARY declaration (`key`: 'model:m' or 'table or view:t') as its file's own:
    the file's statements from `index` on mean it by its name."""
    namespace, name = key.split(":", 1)
    shadow = _shadow_key(name, path)
    scope.shadows[key] = (index, shadow, _FOREVER)
    catalog.temporary.add(f"{namespace}:{shadow}")
    return shadow


_FOREVER = 1 << 62  # the end of a shadow no DROP ends


def _shadow_key(name: str, path: str) -> str:
    return f"{names.group_name(path)}__{name}"


def _move_temporary(catalog: Catalog, key: str) -> None:
    """Key the TEMPORARY declaration `key` (declared first) as its file's own: the shadow of a
    permanent one of its name, or one of several files' own."""
    namespace, name = key.split(":", 1)
    path, position = catalog.positions.pop(key)
    shadow = _shadow_key(name, path)
    moved = f"{namespace}:{shadow}"
    catalog.positions[moved] = (path, position)
    catalog.temporary.discard(key)
    catalog.temporary.add(moved)
    if namespace == "model":
        _move(catalog.models, name, shadow, rename=True)
        _move(catalog.unusable_models, name, shadow)
    else:
        _move(catalog.tables, name, shadow, rename=True)
        _move(catalog.table_statements, name, shadow)
        _move(catalog.views, name, shadow, rename=True)
        _move(catalog.unusable_tables, name, shadow)
    if key in catalog.broken:
        catalog.broken.discard(key)
        catalog.broken.add(moved)
    scope = catalog.scopes[path]
    scope.shadows[key] = (scope.declared[key][0], shadow, _FOREVER)


def _move(entries: dict, name: str, shadow: str, rename: bool = False) -> None:
    """Re-key `entries[name]` as `shadow` (and rename it, for specs named by their key)."""
    if name in entries:
        entry = entries.pop(name)
        entries[shadow] = replace(entry, name=shadow) if rename else entry


def declared_key(statement: ast.Statement) -> str | None:
    """'model:m' or 'table or view:t' for a CREATE, else None."""
    if isinstance(statement, _Create):
        return f"{_namespace(statement)}:{object_key(statement.name)}"
    return None


def _declare(
    namespace: dict, name: str, statement: _Create, file: _FileBeingAdded, what: str
) -> bool:
    """Record the declaration of `name` (a catalog key) in the namespace `what`; False, with
    the clash reported unless IF NOT EXISTS, when the name is taken."""
    catalog = file.catalog
    key = f"{what}:{name}"
    if name in namespace or key in catalog.broken or key in catalog.positions:
        if statement.if_not_exists:
            return False
        first_path, first = catalog.positions[key]
        dropped = file.scope.dropped.get(key)
        again = (
            f", dropped at line {dropped[1].position.line}): a table, view or model has "
            "one definition in a project (each is an asset), so a dropped name cannot be "
            "declared again; use another name"
            if dropped
            else ")"
        )
        file.problems.append(
            Problem(
                f"{what} '{name}' already exists "
                f"(first declared at {first_path}:{first.line}:{first.col}" + again,
                statement.name.position,
                len(name),
            )
        )
        return False
    catalog.positions[key] = (file.path, statement.name.position)
    return True


def _drop(
    statement: ast.Drop, index: int, scope: FileScope, catalog: Catalog, problems: list[Problem]
) -> None:
    """`DROP [TEMPORARY] TABLE|VIEW|MODEL [IF EXISTS] name`: the name is gone for the
    statements below it in this file. A DROP acts on its file's own declarations (another
    file's are out of its reach, as another Flink job's would be)."""
    name = object_key(statement.name)
    namespace = "model" if statement.kind == "MODEL" else "table or view"
    key = f"{namespace}:{name}"
    identifier = f"{DEFAULT_CATALOG}.{DEFAULT_DATABASE}.{name}"
    shadow = scope.shadows.get(key)
    if statement.temporary and shadow is not None and shadow[0] < index < shadow[2]:
        scope.shadows[key] = (shadow[0], shadow[1], index)  # the permanent one again below
        return
    declared = scope.declared.get(key)
    problem = None
    if (
        declared is None
        or scope.hidden(key, index) is not None
        or (statement.temporary and not declared[1].temporary)
    ):
        if statement.if_exists:
            return
        elsewhere = catalog.positions.get(key) if declared is None else None
        hint = (
            f" (it is declared in {elsewhere[0]}: a DROP acts on its own file's declarations)"
            if elsewhere
            else ""
        )
        kind = "table or view" if namespace != "model" else "model"
        problem = (
            f"Temporary {kind}" if statement.temporary else statement.kind.capitalize()
        ) + f" with identifier '{identifier}' does not exist.{hint}"
    elif declared[1].temporary and not statement.temporary:
        problem = (
            f"Temporary {statement.kind.lower()} with identifier '{identifier}' exists. "
            "Drop it first before removing the permanent "
            f"{statement.kind.lower()} (DROP TEMPORARY {statement.kind} {name})"
        )
    elif statement.kind != "MODEL" and isinstance(declared[1], ast.CreateView) != (
        statement.kind == "VIEW"
    ):
        actual, wanted = (
            ("a view", "DROP VIEW") if statement.kind == "TABLE" else ("a table", "DROP TABLE")
        )
        problem = f"'{name}' is {actual}: drop it with {wanted}"
    if problem is not None:
        problems.append(Problem(problem, statement.name.position, len(str(statement.name))))
        return
    scope.dropped[key] = (index, statement)


def _check_same_table(
    first: TableSpec,
    statement: ast.CreateTable,
    path: str,
    problems: list[Problem],
    environ: Mapping[str, str] | None,
    base_dir: Path | None,
) -> None:
    """`CREATE TABLE IF NOT EXISTS` of a table another file declared: it must be the same."""
    if first.path == path:
        return  # within one file Flink keeps the first declaration, and so do we
    second = build_table(statement, path, problems, environ, base_dir)
    if second is None:
        return
    differences = _differences(first, second)
    if differences:
        name = object_key(statement.name)
        problems.append(
            Problem(
                f"table '{name}' is declared differently in {first.path}:{first.position.line} "
                f"({'; '.join(differences)}); IF NOT EXISTS would make this file's INSERTs write "
                f"into the table {first.path} declares. Declare it the same way in both files, or "
                "give one of them another name",
                statement.name.position,
                len(name),
            )
        )


def _differences(first: TableSpec, second: TableSpec) -> list[str]:
    """What differs between two declarations of a table, first's value before second's."""

    def columns(table: TableSpec) -> str:
        return ", ".join(f"{c.name} {c.type}" for c in table.columns)

    found = []
    if columns(first) != columns(second):
        found.append(f"columns ({columns(first)}) there, ({columns(second)}) here")
    if first.partitioned_by != second.partitioned_by:
        found.append(
            f"PARTITIONED BY ({', '.join(first.partitioned_by)}) there, "
            f"({', '.join(second.partitioned_by)}) here"
        )
    if first.location != second.location:
        found.append(f"path {first.location} there, {second.location} here")
    for key in sorted(set(first.options) | set(second.options) | {"connector"}):
        if key == "path":
            continue
        there = first.connector if key == "connector" else first.options.get(key)
        here = second.connector if key == "connector" else second.options.get(key)
        if there != here:
            found.append(f"'{key}' {_shown(there)} there, {_shown(here)} here")
    return found


def _shown(value: object) -> str:
    if value is None:
        return "unset"
    if isinstance(value, bool):
        return f"'{str(value).lower()}'"
    return f"'{value}'"


def _check_sink_paths(catalog: Catalog, problems: list[tuple[str, Problem]]) -> None:
    """Check each filesystem sink's path once its table and an INSERT into it are known
    (they may stand in different files, in either order)."""
    for insert in catalog.inserts:
        table = catalog.tables.get(insert.visibility.resolve(insert.target))
        if table is None or table.name in catalog.checked_sinks:
            continue
        catalog.checked_sinks.add(table.name)
        problem = connector_of(table).sink_problem(table, catalog.sql_files.get(table.path))
        if problem is not None:
            catalog.refused_paths.add(table.name)
            problems.append((table.path, problem))


def overlap_problems(catalog: Catalog, read: set[str]) -> list[tuple[str, Problem]]:
    """Each pair of filesystem tables used by the project (written, or among the tables `read`),
    one of them a sink, whose folders are one or one inside the other: reported on the 'path' of
    the one declared second, naming the first. Sinks whose path is refused already are left out
    (one error each is enough)."""
    used = catalog.checked_sinks | read
    tables = [
        t
        for t in catalog.tables.values()
        if t.location is not None and t.name in used and t.name not in catalog.refused_paths
    ]
    if not catalog.checked_sinks & {t.name for t in tables}:
        return []  # no pair holds a sink (a job of SELECTs): no folder needs resolving
    # every table here has a location (the filter above): the test only narrows the type
    places = {t.name: _place(t.location) for t in tables if t.location is not None}
    problems = []
    for index, second in enumerate(tables):
        for first in tables[:index]:
            if not {first.name, second.name} & catalog.checked_sinks:
                continue
            relation = _overlap(places[first.name], places[second.name])
            if relation is not None:
                problems.append(
                    (second.path, _overlap_problem(first, second, relation, catalog.checked_sinks))
                )
    return problems


def _place(location: Path) -> tuple[str, ...]:
    """A folder's parts as the filesystem finds it: links resolved, `.`, `..` and `//` gone."""
    try:
        return Path(os.path.realpath(location)).parts
    except (OSError, ValueError):
        return Path(os.path.normpath(location)).parts


def _overlap(first: tuple[str, ...], second: tuple[str, ...]) -> str | None:
    if first == second:
        return "the same folder as"
    if second[: len(first)] == first:
        return "inside the folder of"
    if first[: len(second)] == second:
        return "a folder holding the folder of"
    return None


def _overlap_problem(
    first: TableSpec, second: TableSpec, relation: str, sinks: set[str]
) -> Problem:
    def role(table: TableSpec) -> str:
        return "sink" if table.name in sinks else "source"

    option = (
        next((o for o in second.statement.options if o.key == "path"), None)
        if second.statement is not None
        else None
    )
    verb = "writes to" if role(second) == "sink" else "reads"
    message = (
        f"{role(second)} '{second.name}' {verb} '{second.location}', {relation} "
        f"{role(first)} '{first.name}' (declared at {first.path}:{first.position.line}, "
        f"path '{first.location}'). Each filesystem sink needs a folder of its own, "
        "apart from every other table's; to read what a sink writes, read that table "
        "by its name"
    )
    if option is None:
        return Problem(message, second.position)
    return Problem(message, option.value_position, len(option.raw))


def _check_setting(statement: ast.SetStatement, problems: list[Problem]) -> bool:
    """Whether a SET may be used; a problem is recorded for one that may not."""
    parse: Callable[[str], object] | None
    if statement.key in PROJECT_SETTINGS:
        parse = PROJECT_SETTINGS[statement.key]
    elif statement.key in BUDGET_SETTINGS:
        parse = BUDGET_SETTINGS[statement.key]
    elif statement.key.startswith(("schedule.", "check.", "budget.")):
        problems.append(
            Problem(
                f"unknown setting '{statement.key}'; known: "
                f"{', '.join([*PROJECT_SETTINGS, *BUDGET_SETTINGS])}",
                statement.position,
            )
        )
        return False
    elif not statement.key.startswith(RUNTIME_PREFIX):
        return True  # other Flink job settings (checkpointing, pipeline.name, ...) do not apply
    else:
        parse = RUNTIME_OPTIONS.get(statement.key[len(RUNTIME_PREFIX) :])
    if parse is None:
        known = ", ".join(RUNTIME_PREFIX + k for k in RUNTIME_OPTIONS)
        problems.append(
            Problem(f"unknown setting '{statement.key}'; known: {known}", statement.position)
        )
        return False
    try:
        parse(statement.value)
    except ValueError as error:
        problems.append(
            Problem(f"invalid value for '{statement.key}': {error}", statement.value_position)
        )
        return False
    return True


def runtime_settings(settings: Mapping[str, str]) -> dict[str, object]:
    """The ML_PREDICT runtime options set with SET, typed (already checked)."""
    values = {}
    for key, value in settings.items():
        if key.startswith(RUNTIME_PREFIX) and key[len(RUNTIME_PREFIX) :] in RUNTIME_OPTIONS:
            name = key[len(RUNTIME_PREFIX) :]
            values[name] = RUNTIME_OPTIONS[name](value)
        elif key in BUDGET_SETTINGS:  # the job's budget travels with each ML_PREDICT's config
            values[key] = BUDGET_SETTINGS[key](value)
    return values
