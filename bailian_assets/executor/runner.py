"""Run a project's INSERTs without Dagster: views computed once each, sinks written in order.

This is `bailian-assets run`; the Dagster integration runs the same plans asset by asset.
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
from bailian_assets.executor.filesystem import read_table, write_table
from bailian_assets.executor.table_folder import check_writable
from bailian_assets.executor.sinks import print_lines
from bailian_assets.planning.connectors import TableSpec
from bailian_assets.planning.graph import views_first
from bailian_assets.planning.project import Project

log = logging.getLogger("bailian_assets")


@dataclass
class RunResult:
    sinks: dict[str, pl.DataFrame] = field(default_factory=dict)
    model_runs: list[ModelRun] = field(default_factory=list)


def _log_progress(snapshot: Snapshot) -> None:
    log.info("%s", snapshot.describe())


class Relations:
    """Views and filesystem tables by name, each computed or read at most once, on first use;
    a table written by the job is read afresh afterwards."""

    def __init__(self, project: Project, executor_factory: Callable[..., Executor]):
        self.project = project
        self.executor_factory = executor_factory
        self._frames: dict[str, pl.DataFrame] = {}
        self._constant: dict[str, bool] = {}

    def resolve(self, name: str) -> pl.LazyFrame:
        if name not in self._frames:
            if name in self.project.views:
                for view in views_first(self.project.views, name):  # no recursion per view
                    if view not in self._frames:
                        executor = self.executor_factory(self.resolve)
                        self._frames[view] = executor.run(self.project.views[view])
            elif name in self.project.tables and \
                    self.project.tables[name].connector == "filesystem":
                self._frames[name] = read_table(self.project.tables[name])
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

    def forget(self, name: str) -> None:
        self._frames.pop(name, None)


def run_project(project: Project, backend: Backend, emit: Callable[[TableSpec, str], None],
                on_progress: Callable[[Snapshot], None] | None = None,
                progress_interval: float = 10.0) -> RunResult:
    """Run every INSERT; each print-sink line goes to `emit(table, line)`; ML_PREDICT progress
    to `on_progress` every `progress_interval` seconds (default: to the log)."""
    if on_progress is None:
        on_progress = _log_progress
    result = RunResult()
    for sink in {i.sink.name: i.sink for i in project.inserts}.values():
        if sink.connector == "filesystem":
            check_writable(sink)  # refuse a folder the sink may not write before paying models
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
    for insert in project.inserts:
        frame = make_executor(relations.resolve).run(insert.query)
        sink = insert.sink
        previous = result.sinks.get(sink.name)
        result.sinks[sink.name] = frame if previous is None else pl.concat([previous, frame])
        if sink.connector == "print":
            for line in print_lines(sink, frame):
                emit(sink, line)
        elif sink.connector == "filesystem":
            # all the job's rows for the table so far: a write replaces what it covers
            write_table(sink, result.sinks[sink.name])
            relations.forget(sink.name)
        log.info("INSERT INTO %s (%s:%d): %d rows", sink.name, insert.path,
                 insert.statement.position.line, frame.height)
    return result
