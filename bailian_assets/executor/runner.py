"""Run a project's INSERTs and bare SELECTs without Dagster: views computed once each, sinks
written and SELECTs shown in the order the file has them.

This is `bailian-assets run`; the Dagster integration runs the same plans asset by asset. A bare
SELECT is shown as Flink's SQL client shows it in changelog form, and as a print sink writes its
rows (`+I[1, Her Story, positive]`): its lines go to `emit` with its implicit print table.
Every filesystem sink's folder is checked before the first query runs, so a sink that may not
write where it points fails before any model is paid.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Callable

import polars as pl

from bailian_assets.client.backend import Backend
from bailian_assets.client.progress import Snapshot
from bailian_assets.errors import ExecutionError
from bailian_assets.executor.executor import Executor, ModelRun, constant_rows
from bailian_assets.executor.ml_predict import client_factory
from bailian_assets.planning.connectors import TableSpec, connector_of
from bailian_assets.planning.graph import views_first
from bailian_assets.planning.planner import PlannedInsert, PlannedSelect
from bailian_assets.planning.project import Project

log = logging.getLogger("bailian_assets")


@dataclass
class RunResult:
    sinks: dict[str, pl.DataFrame] = field(default_factory=dict)
    model_runs: list[ModelRun] = field(default_factory=list)


def _log_progress(snapshot: Snapshot) -> None:
    log.info("%s", snapshot.describe())


class Relations:
    """Views and tables by name. A view is computed at most once, on first use; a table is
    its connector's lazy scan, read when a query's rows are collected (so a table the job
    wrote is read as it is then, and only as much of it as the query needs)."""

    def __init__(self, project: Project, executor_factory: Callable[..., Executor]):
        self.project = project
        self.executor_factory = executor_factory
        self._frames: dict[str, pl.DataFrame | pl.LazyFrame] = {}
        self._constant: dict[str, bool] = {}

    def resolve(self, name: str) -> pl.LazyFrame:
        if name not in self._frames:
            if name in self.project.views:
                for view in views_first(self.project.views, name):  # no recursion per view
                    if view not in self._frames:
                        executor = self.executor_factory(self.resolve)
                        self._frames[view] = executor.run(self.project.views[view])
            elif name in self.project.tables and self.project.tables[name].stores_rows:
                table = self.project.tables[name]
                self._frames[name] = connector_of(table).scan(table)
            else:
                raise ExecutionError(f"cannot read '{name}'")
        return self._frames[name].lazy()

    def constant(self, name: str) -> bool:
        """Is view `name` constant rows (VALUES)? Flink folds expressions over those."""
        if name not in self.project.views:
            return False
        for view in views_first(self.project.views, name):  # no recursion per view
            if view not in self._constant:
                self._constant[view] = constant_rows(self.project.views[view].root,
                                                     self._constant.get)
        return self._constant[name]

def statements_in_order(project: Project) -> list[PlannedInsert | PlannedSelect]:
    """The INSERTs and bare SELECTs as the files have them: file by file, top to bottom."""
    files = {path: index for index, path in enumerate(project.scripts)}
    steps: list[PlannedInsert | PlannedSelect] = [*project.inserts, *project.selects]
    return sorted(steps, key=lambda step: (files.get(step.path, len(files)),
                                           step.statement.position.offset))


def run_project(project: Project, backend: Backend, emit: Callable[[TableSpec, str], None],
                on_progress: Callable[[Snapshot], None] | None = None,
                progress_interval: float = 10.0) -> RunResult:
    """Run every INSERT and bare SELECT in file order; each print-sink line (a SELECT's rows
    too, with its implicit print table) goes to `emit(table, line)`; ML_PREDICT progress to
    `on_progress` every `progress_interval` seconds (default: to the log). `result.sinks` has
    each sink's rows, and each SELECT's by its name."""
    if on_progress is None:
        on_progress = _log_progress
    result = RunResult()
    for sink in {i.sink.name: i.sink for i in project.inserts}.values():
        connector_of(sink).check_writable(sink)  # refused before any model is paid
    if project.models:
        log.info("model calls go to the %s", backend.description)
    clients = client_factory(backend, on_progress, progress_interval)

    def on_model_run(run: ModelRun) -> None:
        result.model_runs.append(run)
        node = run.node
        log.info("ML_PREDICT with model '%s' at %s:%d: %s", node.model.name, node.path,
                 node.position.line, run.usage.describe())

    def make_executor(resolve) -> Executor:
        return Executor(resolve, clients, on_model_run=on_model_run,
                        constant=lambda name: relations.constant(name))

    relations = Relations(project, make_executor)
    for step in statements_in_order(project):
        frame = make_executor(relations.resolve).run(step.query)
        if isinstance(step, PlannedSelect):
            _show(step, frame, result, emit)
        else:
            _write(step, frame, result, emit)
    return result


def _show(select: PlannedSelect, frame: pl.DataFrame, result: RunResult,
          emit: Callable[[TableSpec, str], None]) -> None:
    """A bare SELECT's rows, as its implicit print table writes them."""
    log.info("SELECT (%s:%d): %d rows", select.path, select.line, frame.height)
    result.sinks[select.name] = frame
    connector_of(select.table).write(select.table, frame,
                                     lines=lambda line: emit(select.table, line))


def _write(insert: PlannedInsert, frame: pl.DataFrame, result: RunResult,
           emit: Callable[[TableSpec, str], None]) -> None:
    """An INSERT's rows into its sink."""
    sink = insert.sink
    previous = result.sinks.get(sink.name)
    result.sinks[sink.name] = frame if previous is None else pl.concat([previous, frame])
    # all the job's rows for the table so far (a write replaces what it covers); lines
    # for people (print) are this insert's rows only
    rows = result.sinks[sink.name] if sink.stores_rows else frame
    connector_of(sink).write(sink, rows, lines=lambda line: emit(sink, line))
    log.info("INSERT INTO %s (%s:%d): %d rows", sink.name, insert.path,
             insert.statement.position.line, frame.height)
