"""Why a table, view or model a statement names is not there.

Every place that looks a name up (a FROM, an INSERT INTO's target, ML_PREDICT's MODEL) explains
a miss the same way, so that each reader of a name gets the same reasons: the file declares it
further down or drops it before this statement; its declaration is unusable (its problems,
reported here as Flink reports them) or already failed (reported there, once); only other files
declare it, each TEMPORARY; or nothing declares it (with a "did you mean").

Each message starts as Flink's does: "Object 'name' not found" for a FROM and a MODEL; for an
INSERT INTO target "Cannot find table '`default_catalog`.`default_database`.`t`' in any of the
catalogs [default_catalog], nor as a temporary table." (the name as written, completed with the
default catalog and database). Our reason follows Flink's text.
"""

from __future__ import annotations

from collections.abc import Iterable

from bailian_assets.planning.binder import suggest
from bailian_assets.planning.catalog import Catalog
from bailian_assets.planning.identifiers import DEFAULT_CATALOG, DEFAULT_DATABASE
from bailian_assets.planning.plan_errors import PlanError, Quiet
from bailian_assets.sql import ast


def missing_relation(
    catalog: Catalog, key: str, name: ast.Name, path: str, *, sink: bool = False
) -> PlanError:
    """The error for table or view `key` (named at `name` in file `path`), which the catalog
    does not hold: read by a query, or (`sink`) written by an INSERT INTO, which only a table
    can be (so only tables are suggested)."""
    candidates = catalog.tables if sink else [*catalog.views, *catalog.tables]
    return missing(catalog, "table or view", key, name, path, candidates, sink=sink)


def missing(
    catalog: Catalog,
    kind: str,
    key: str,
    name: ast.Name,
    path: str,
    candidates: Iterable[str],
    *,
    sink: bool = False,
) -> PlanError:
    """The error for `key`, a `kind` ("table or view", "model") the catalog does not hold,
    named at `name` in file `path` (an INSERT INTO's target when `sink`): why, or a
    suggestion among `candidates`."""
    unusable = (catalog.unusable_models if kind == "model" else catalog.unusable_tables).get(key)
    if unusable is not None:  # its problems, reported here as Flink reports them
        return unusable.error_at(name.position, len(str(name)), path)
    if f"{kind}:{key}" in catalog.broken:
        return Quiet()
    if f"{kind}:{key}" in catalog.per_file:
        return others_own(key, name, kind, sink=sink)
    return PlanError(
        not_found(key, name, suggest(key, candidates), sink=sink), name.position, len(key)
    )


def not_found(key: str, name: ast.Name, detail: str = "", *, sink: bool = False) -> str:
    """Flink's text for a name not there, then `detail` (`: why` or `; did you mean ...`):
    "Object 'key' not found" where a query reads it; for an INSERT INTO's target (`sink`)
    "Cannot find table '`c`.`d`.`t`' in any of the catalogs [default_catalog], nor as a
    temporary table.", the name as written completed with the default catalog and database."""
    if not sink:
        return f"Object '{key}' not found{detail}"
    return (
        f"Cannot find table '{_qualified(name)}' in any of the catalogs [{DEFAULT_CATALOG}], "
        f"nor as a temporary table{detail or '.'}"
    )


def view_as_sink(key: str, name: ast.Name) -> PlanError:
    """An INSERT INTO naming a view: Flink's text ("Sink '...v' does not exists"), then why."""
    return PlanError(
        f"Sink '{'.'.join(_parts(name))}' does not exists: '{key}' is a view; INSERT INTO "
        "needs a table",
        name.position,
        len(key),
    )


def _qualified(name: ast.Name) -> str:
    """`name` as Flink's message shows an object identifier: three backticked parts."""
    return ".".join("`" + part.replace("`", "``") + "`" for part in _parts(name))


def _parts(name: ast.Name) -> tuple[str, ...]:
    """The name's parts, completed with the default catalog and database."""
    return (DEFAULT_CATALOG, DEFAULT_DATABASE)[: max(0, 3 - len(name.parts))] + name.parts


def others_own(key: str, name: ast.Name, what: str, *, sink: bool = False) -> PlanError:
    """A name only other files declare, each TEMPORARY: theirs, not this file's (no
    suggestion of their own `<file>__<name>` keys)."""
    why = (
        ": it is declared TEMPORARY in several other files, "
        f"and a TEMPORARY {what} is seen only in its own file (as in Flink, "
        "where each file is a job); declare it here, or once without TEMPORARY"
    )
    return PlanError(not_found(key, name, why, sink=sink), name.position, len(key))


def not_above(key: str, name: ast.Name, why: str, *, sink: bool = False) -> PlanError:
    """A name its file declares further down, or drops, where the statement using it is
    planned (`why`: FileScope.hidden)."""
    return PlanError(not_found(key, name, f": {why}", sink=sink), name.position, len(str(name)))
