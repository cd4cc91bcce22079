"""Statements -> Catalog: the models, tables, views, INSERTs and SETs of a set of SQL files.

Names live in two namespaces, as in Flink: models, and tables/views. A name declared twice is an
error unless the second declaration says IF NOT EXISTS (then the first one stands).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping

from bailian_assets.errors import Position
from bailian_assets.planning.connectors import TableSpec, build_table
from bailian_assets.planning.models import (
    RUNTIME_OPTIONS, RUNTIME_PREFIX, ModelSpec, build_model,
)
from bailian_assets.planning.options import Problem
from bailian_assets.planning.settings import PROJECT_SETTINGS
from bailian_assets.sql import ast


@dataclass(frozen=True)
class ViewDef:
    name: str
    statement: ast.CreateView
    path: str
    settings: Mapping[str, str]


@dataclass(frozen=True)
class InsertDef:
    target: str
    statement: ast.Insert
    path: str
    settings: Mapping[str, str]  # the SETs in force where the INSERT stands


@dataclass
class Catalog:
    models: dict[str, ModelSpec] = field(default_factory=dict)
    tables: dict[str, TableSpec] = field(default_factory=dict)
    views: dict[str, ViewDef] = field(default_factory=dict)
    inserts: list[InsertDef] = field(default_factory=list)
    settings: dict[str, dict[str, str]] = field(default_factory=dict)  # path -> final SETs
    # names that were declared but failed their own checks: referring to them is not a new error
    broken: set[str] = field(default_factory=set)
    positions: dict[str, tuple[str, Position]] = field(default_factory=dict)


def add_script(catalog: Catalog, script: ast.Script, problems: list[tuple[str, Problem]],
               environ: Mapping[str, str] | None = None, base_dir: Path | None = None) -> None:
    """Add one parsed file's declarations; problems are recorded as (path, problem)."""
    path = script.path
    settings: dict[str, str] = {}
    local: list[Problem] = []
    for statement in script.statements:
        if isinstance(statement, ast.SetStatement):
            if _check_setting(statement, local):  # an invalid value is reported, never used
                settings[statement.key] = statement.value
        elif isinstance(statement, ast.CreateModel):
            name = str(statement.name)
            if _declare(catalog.models, name, statement, path, catalog, local, "model"):
                model = build_model(statement, path, local, environ)
                if model is None:
                    catalog.broken.add("model:" + name)
                else:
                    catalog.models[name] = model
        elif isinstance(statement, ast.CreateTable):
            name = str(statement.name)
            if _declare_relation(name, statement, path, catalog, local):
                table = build_table(statement, path, local, environ, base_dir)
                if table is None:
                    catalog.broken.add("table or view:" + name)
                else:
                    catalog.tables[name] = table
        elif isinstance(statement, ast.CreateView):
            name = str(statement.name)
            if _declare_relation(name, statement, path, catalog, local):
                catalog.views[name] = ViewDef(name, statement, path, dict(settings))
        elif isinstance(statement, ast.Insert):
            catalog.inserts.append(InsertDef(str(statement.target), statement, path,
                                             dict(settings)))
    catalog.settings[path] = settings
    problems.extend((path, p) for p in local)


def _declare(namespace: dict, name: str, statement, path: str, catalog: Catalog,
             problems: list[Problem], what: str) -> bool:
    key = f"{what}:{name}"
    if name in namespace or key in catalog.broken or key in catalog.positions:
        if statement.if_not_exists:
            return False
        first_path, first = catalog.positions[key]
        problems.append(Problem(f"{what} '{name}' already exists "
                                f"(first declared at {first_path}:{first.line}:{first.col})",
                                statement.name.position, len(name)))
        return False
    catalog.positions[key] = (path, statement.name.position)
    return True


def _declare_relation(name: str, statement, path: str, catalog: Catalog,
                      problems: list[Problem]) -> bool:
    return _declare({}, name, statement, path, catalog, problems, "table or view")


def _check_setting(statement: ast.SetStatement, problems: list[Problem]) -> bool:
    """Whether a SET may be used; a problem is recorded for one that may not."""
    if statement.key in PROJECT_SETTINGS:
        parse = PROJECT_SETTINGS[statement.key]
    elif statement.key.startswith(("schedule.", "check.")):
        problems.append(Problem(f"unknown setting '{statement.key}'; known: "
                                f"{', '.join(PROJECT_SETTINGS)}", statement.position))
        return False
    elif not statement.key.startswith(RUNTIME_PREFIX):
        return True  # other Flink job settings (checkpointing, pipeline.name, ...) do not apply
    else:
        parse = RUNTIME_OPTIONS.get(statement.key[len(RUNTIME_PREFIX):])
    if parse is None:
        known = ", ".join(RUNTIME_PREFIX + k for k in RUNTIME_OPTIONS)
        problems.append(Problem(f"unknown setting '{statement.key}'; known: {known}",
                                statement.position))
        return False
    try:
        parse(statement.value)
    except ValueError as error:
        problems.append(Problem(f"invalid value for '{statement.key}': {error}",
                                statement.value_position))
        return False
    return True


def runtime_settings(settings: Mapping[str, str]) -> dict[str, object]:
    """The ML_PREDICT runtime options set with SET, typed (already checked)."""
    values = {}
    for key, value in settings.items():
        if key.startswith(RUNTIME_PREFIX) and key[len(RUNTIME_PREFIX):] in RUNTIME_OPTIONS:
            name = key[len(RUNTIME_PREFIX):]
            values[name] = RUNTIME_OPTIONS[name](value)
    return values
