"""Why a table, view or model a statement names is not there.

Every place that looks a name up (a FROM, an INSERT INTO's target, ML_PREDICT's MODEL) explains
a miss the same way, so that each reader of a name gets the same reasons: the file declares it
further down or drops it before this statement; its declaration is unusable (its problems,
reported here as Flink reports them) or already failed (reported there, once); only other files
declare it, each TEMPORARY; or nothing declares it (with a "did you mean").

Each message starts "Object 'name' not found", Flink's text for a FROM and a MODEL. (Of an
INSERT INTO target Flink says "Cannot find table '`default_catalog`.`default_database`.`t`' in
any of the catalogs [default_catalog], nor as a temporary table"; we keep the one head.)
"""

from __future__ import annotations

from collections.abc import Iterable

from bailian_assets.planning.binder import suggest
from bailian_assets.planning.catalog import Catalog
from bailian_assets.planning.plan_errors import PlanError, Quiet
from bailian_assets.sql import ast


def missing_relation(
    catalog: Catalog, key: str, name: ast.Name, path: str, *, sink: bool = False
) -> PlanError:
    """The error for table or view `key` (named at `name` in file `path`), which the catalog
    does not hold: read by a query, or (`sink`) written by an INSERT INTO, which only a table
    can be (so only tables are suggested)."""
    candidates = catalog.tables if sink else [*catalog.views, *catalog.tables]
    return missing(catalog, "table or view", key, name, path, candidates)


def missing(
    catalog: Catalog, kind: str, key: str, name: ast.Name, path: str, candidates: Iterable[str]
) -> PlanError:
    """The error for `key`, a `kind` ("table or view", "model") the catalog does not hold,
    named at `name` in file `path`: why, or a suggestion among `candidates`."""
    unusable = (catalog.unusable_models if kind == "model" else catalog.unusable_tables).get(key)
    if unusable is not None:  # its problems, reported here as Flink reports them
        return unusable.error_at(name.position, len(str(name)), path)
    if f"{kind}:{key}" in catalog.broken:
        return Quiet()
    if f"{kind}:{key}" in catalog.per_file:
        return others_own(key, name, kind)
    return PlanError(
        f"Object '{key}' not found" + suggest(key, candidates), name.position, len(key)
    )


def others_own(key: str, name: ast.Name, what: str) -> PlanError:
    """A name only other files declare, each TEMPORARY: theirs, not this file's (no
    suggestion of their own `<file>__<name>` keys)."""
    return PlanError(
        f"Object '{key}' not found: it is declared TEMPORARY in several other files, "
        f"and a TEMPORARY {what} is seen only in its own file (as in Flink, "
        "where each file is a job); declare it here, or once without TEMPORARY",
        name.position,
        len(key),
    )


def not_above(key: str, name: ast.Name, why: str) -> PlanError:
    """A name its file declares further down, or drops, where the statement using it is
    planned (`why`: FileScope.hidden)."""
    return PlanError(f"Object '{key}' not found: {why}", name.position, len(str(name)))
