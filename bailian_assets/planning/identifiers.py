"""Flink's object identifiers: `[[catalog.]database.]object`, and `USE` of them.

Flink names every table, view and model by three parts; a name written with fewer is completed
with the current catalog and database. Here there is one catalog and one database, Flink's
defaults, so `default_catalog.default_database.t`, `default_database.t` and `t` are one name,
`t`, and a name in any other catalog or database is one that does not exist (as in a Flink
session where nobody created that catalog). `USE CATALOG default_catalog` and
`USE default_database` are accepted and change nothing; `USE` of anything else is refused with
Flink's message.
"""

from __future__ import annotations

from bailian_assets.planning.options import Problem
from bailian_assets.sql import ast

DEFAULT_CATALOG = "default_catalog"
DEFAULT_DATABASE = "default_database"
_DEFAULT_PATH = (DEFAULT_CATALOG, DEFAULT_DATABASE)


def object_key(name: ast.Name) -> str:
    """The catalog's key for a name as written: its last part when the parts before it are the
    default catalog and database (or a tail of them), else the name as written (which no
    declaration has: referring to it reports "not found", declaring it is refused)."""
    qualifiers = name.parts[:-1]
    if len(qualifiers) <= 2 and qualifiers == _DEFAULT_PATH[2 - len(qualifiers) :]:
        return name.last
    return str(name)


def declaration_problem(name: ast.Name) -> Problem | None:
    """A CREATE of a name in a catalog or database that does not exist here."""
    if object_key(name) == name.last:
        return None
    qualifiers = name.parts[:-1]
    if len(qualifiers) >= 3:
        return Problem(
            f"'{name}' is not an identifier Flink accepts: at most catalog.database.object",
            name.position,
            len(str(name)),
        )
    if len(qualifiers) == 2 and qualifiers[0] != DEFAULT_CATALOG:
        return Problem(f"Catalog {qualifiers[0]} does not exist", name.position, len(qualifiers[0]))
    database = qualifiers[-1]
    return Problem(
        f"Database {database} does not exist in Catalog {DEFAULT_CATALOG}",
        name.position,
        len(str(name)),
    )


def use_problem(statement: ast.Use) -> Problem | None:
    """`USE CATALOG c` / `USE [c.]db` of anything but the defaults."""
    name = statement.name
    if statement.catalog:
        if name.parts == (DEFAULT_CATALOG,):
            return None
        return Problem(
            f"A catalog with name [{name}] does not exist.", name.position, len(str(name))
        )
    if name.parts in ((DEFAULT_DATABASE,), _DEFAULT_PATH):
        return None
    if len(name.parts) == 2 and name.parts[0] != DEFAULT_CATALOG:
        return Problem(
            f"A catalog with name [{name.parts[0]}] does not exist.",
            name.position,
            len(name.parts[0]),
        )
    return Problem(
        f"A database with name [{name.last}] does not exist in the catalog: [{DEFAULT_CATALOG}].",
        name.position,
        len(str(name)),
    )
