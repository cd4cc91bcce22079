"""The run orchestrator: how planned queries run, for `bailian-assets run` and Dagster alike.

An `Orchestrator` is one run. It makes the run's model clients (one budget for the whole run,
each model bound to its backend, spec and key by `bind`), runs a relation's queries on the
executor (`compute`), and reports what happens to a `RunEvents`: where model calls go, each
ML_PREDICT's usage, progress, warnings, the rows each relation got, each line naming its
partition. The command line uses `run_project` (every INSERT and bare SELECT in file order,
views computed once, sinks written through their connectors, a SELECT's rows shown as its
implicit print table writes them, `+I[1, Her Story, positive]`; its events go to the log); the
Dagster assets (integration/execution.py) call
`compute` once per asset and partition, their inputs from the IO managers, and adapt the
events to `context.log` and the materialization's metadata.

Every sink is checked by its connector before the first query runs, so a sink that may not
write where it points fails before any model is paid.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import NamedTuple

import polars as pl

from bailian_assets.client.backend import Backend
from bailian_assets.client.budget import RunBudgets
from bailian_assets.client.client import ModelClient
from bailian_assets.client.progress import Snapshot
from bailian_assets.errors import ExecutionError
from bailian_assets.executor.executor import Executor, ModelRun, constant_rows
from bailian_assets.executor.ml_predict import make_client
from bailian_assets.planning import bound
from bailian_assets.planning import plan as p
from bailian_assets.planning.connectors import TableSpec, connector_of
from bailian_assets.planning.graph import read_once, views_first
from bailian_assets.planning.models import ModelSpec, RuntimeConfig
from bailian_assets.planning.planner import PlannedInsert, PlannedSelect
from bailian_assets.planning.project import Project
from bailian_assets.secrets import Secret

log = logging.getLogger("bailian_assets")
client_log = logging.getLogger("bailian_assets.client")  # where a client logs its own warnings

Resolver = Callable[[str], pl.LazyFrame]


class RunEvents:
    """Where a run's events go; by default the `bailian_assets` log. Dagster's adapter sends
    them to `context.log`; the command line's terminal shows progress as a bar."""

    def info(self, text: str) -> None:
        log.info("%s", text)

    def warning(self, text: str) -> None:
        """A model client's warning (a service that cannot be reached, a cache folder that
        cannot be used), named after its model."""
        client_log.warning("%s", text)

    def progress(self, snapshot: Snapshot, partition: str | None = None) -> None:
        log.info("%s", about_partition(partition, snapshot.describe()))


class ModelBinding(NamedTuple):
    """A model as one run calls it: its spec (a Dagster run may have changed options), the
    backend its calls go to, and the key to send when not the SQL's own."""

    spec: ModelSpec
    backend: Backend
    api_key: Secret | None = None


def _binding_to(backend: Backend) -> Callable[[ModelSpec], ModelBinding]:
    """Every model bound as the SQL says, its calls going to `backend`."""
    return lambda spec: ModelBinding(spec, backend)


@dataclass
class Computed:
    """One relation's rows and the ML_PREDICTs that made them."""

    frame: pl.DataFrame
    model_runs: list[ModelRun]


@dataclass
class RunResult:
    sinks: dict[str, pl.DataFrame] = field(default_factory=dict)
    model_runs: list[ModelRun] = field(default_factory=list)


class Orchestrator:
    """One run: its model clients, its budgets, its events (see the module's docstring).

    `bind(spec)`: how a model is called in this run; by default `spec` as the SQL has it, on
    `backend`. Progress reaches `events.progress` every `progress_interval` seconds. `budgets`:
    the run's, when several Orchestrators make up one run (the assets of a Dagster run)."""

    def __init__(
        self,
        backend: Backend | None = None,
        events: RunEvents | None = None,
        *,
        bind: Callable[[ModelSpec], ModelBinding] | None = None,
        progress_interval: float = 10.0,
        budgets: RunBudgets | None = None,
    ):
        if bind is None:
            if backend is None:
                raise ValueError("an Orchestrator needs a backend or a bind function")
            bind = _binding_to(backend)
        self.events = events or RunEvents()
        self.bind = bind
        self.progress_interval = progress_interval
        # every ML_PREDICT of the run spends from the same budgets; a Dagster run's assets
        # share theirs (integration/run_budget.py)
        self.budgets = budgets or RunBudgets()
        self.models: dict[str, ModelSpec] = {}  # the models called, as the run had them
        self.backend: Backend | None = backend  # where the calls go, once known
        self._told_backend = False
        self.model_runs: list[ModelRun] = []

    def tell_backend(self) -> None:
        """Say once where the run's model calls go."""
        if not self._told_backend and self.backend is not None:
            self._told_backend = True
            self.events.info(f"model calls go to the {self.backend.description}")

    def clients(
        self, partition: str | None = None
    ) -> Callable[[ModelSpec, RuntimeConfig], ModelClient]:
        """The client factory the executor calls for each ML_PREDICT."""

        def make(spec: ModelSpec, config: RuntimeConfig) -> ModelClient:
            binding = self.bind(spec)
            self.models[spec.name] = binding.spec
            if not self._told_backend:
                self.backend = binding.backend
                self.tell_backend()
            return make_client(
                binding.spec,
                config,
                binding.backend,
                api_key=binding.api_key,
                on_progress=lambda snapshot: self.events.progress(snapshot, partition),
                progress_interval=self.progress_interval,
                on_warning=lambda text: self.events.warning(about_partition(partition, text)),
                budgets=self.budgets,
            )

        return make

    def executor(
        self,
        resolve: Resolver,
        partition: str | None = None,
        runs: list[ModelRun] | None = None,
        constant: Callable[[str], bool] | None = None,
    ) -> Executor:
        """An executor of this run: its ML_PREDICTs reported, and collected into `runs`;
        `constant(view)` tells views of constant rows (Flink folds expressions over them)."""

        def on_model_run(run: ModelRun) -> None:
            self.model_runs.append(run)
            if runs is not None:
                runs.append(run)
            node = run.node
            self.events.info(
                about_partition(
                    partition,
                    f"ML_PREDICT with model '{node.model.name}' at {node.path}:"
                    f"{node.position.line}: {run.usage.describe()}",
                )
            )

        return Executor(
            resolve,
            self.clients(partition),
            on_model_run=on_model_run,
            constant=constant or (lambda relation: False),
        )

    def compute(
        self,
        label: str,
        queries: list[p.PlannedQuery],
        resolve: Resolver,
        partition: str | None = None,
        constant: Callable[[str], bool] | None = None,
    ) -> Computed:
        """The rows of `queries` (an asset's INSERTs, one after the other), reading relations
        through `resolve`; reported as `label: N rows`."""
        runs: list[ModelRun] = []
        executor = self.executor(resolve, partition, runs, constant)
        parts = [executor.run(query) for query in queries]
        frame = parts[0] if len(parts) == 1 else pl.concat(parts, how="vertical")
        self.events.info(about_partition(partition, f"{label}: {frame.height} rows"))
        return Computed(frame, runs)

    def run_project(self, project: Project, emit: Callable[[TableSpec, str], None]) -> RunResult:
        """Run every INSERT and bare SELECT of `project` in file order; each print-sink line (a
        SELECT's rows too, with its implicit print table) goes to `emit(table, line)`.
        `result.sinks` has each sink's rows, and each SELECT's by its name."""
        result = RunResult(model_runs=self.model_runs)
        for sink in {i.sink.name: i.sink for i in project.inserts}.values():
            connector_of(sink).check_writable(sink)  # refused before any model is paid
        if project.models:
            self.tell_backend()
        relations = Relations(
            project, lambda resolve: self.executor(resolve, constant=relations.constant)
        )
        for step in statements_in_order(project):
            if isinstance(step, PlannedSelect):
                label = f"{step.keyword} ({step.path}:{step.line})"
            else:
                label = f"INSERT INTO {step.sink.name} ({step.path}:{step.statement.position.line})"
            frame = self.compute(
                label, [step.query], relations.resolve, constant=relations.constant
            ).frame
            if isinstance(step, PlannedSelect):
                result.sinks[step.name] = frame
                connector_of(step.table).write(
                    step.table, frame, lines=functools.partial(emit, step.table)
                )
            else:
                _write(step, frame, result, emit)
                relations.written(step.sink.name)
        return result


def _write(
    insert: PlannedInsert,
    frame: pl.DataFrame,
    result: RunResult,
    emit: Callable[[TableSpec, str], None],
) -> None:
    """An INSERT's rows into its sink: a connector that stores rows gets all the job's rows for
    the table so far (a write replaces what it covers); lines for people (print) are this
    INSERT's rows only."""
    sink = insert.sink
    previous = result.sinks.get(sink.name)
    result.sinks[sink.name] = frame if previous is None else pl.concat([previous, frame])
    rows = result.sinks[sink.name] if sink.stores_rows else frame
    connector_of(sink).write(sink, rows, lines=functools.partial(emit, sink))


def statements_in_order(project: Project) -> list[PlannedInsert | PlannedSelect]:
    """The INSERTs and bare SELECTs as the files have them: file by file, top to bottom."""
    files = {path: index for index, path in enumerate(project.scripts)}
    steps: list[PlannedInsert | PlannedSelect] = [*project.inserts, *project.selects]
    return sorted(
        steps, key=lambda step: (files.get(step.path, len(files)), step.statement.position.offset)
    )


def about_partition(partition: str | None, text: str) -> str:
    """A line about one partition names it: `partition 2025-01-02: ...`."""
    return text if partition is None else f"partition {partition}: {text}"


class Relations:
    """Views and tables by name. A view is computed at most once, on first use, except a view
    only one query reads that calls no model and no volatile function: that one is inlined
    (a lazy frame the query's collect computes, so its filters reach the view's scans: a
    partitioned table behind the view is pruned). A table is its connector's lazy scan, read
    when a query's rows are collected (so a table the job wrote is read as it is then, and
    only as much of it as the query needs)."""

    def __init__(self, project: Project, executor_factory: Callable[..., Executor]):
        self.project = project
        self.executor_factory = executor_factory
        self._frames: dict[str, pl.DataFrame | pl.LazyFrame] = {}
        self._constant: dict[str, bool] = {}
        roots = [i.query.root for i in project.inserts] + [s.query.root for s in project.selects]
        once = read_once(roots + [v.root for v in project.views.values()])
        self._inlined = {v for v in once & set(project.views) if _inlinable(project.views[v])}

    def resolve(self, name: str) -> pl.LazyFrame:
        if name not in self._frames:
            if name in self.project.views:
                for view in views_first(self.project.views, name):  # no recursion per view
                    if view not in self._frames:
                        executor = self.executor_factory(self.resolve)
                        query = self.project.views[view]
                        inline = view in self._inlined
                        self._frames[view] = (executor.lazy if inline else executor.run)(query)
            elif name in self.project.tables and self.project.tables[name].stores_rows:
                table = self.project.tables[name]
                self._frames[name] = connector_of(table).scan(table)
            else:
                raise ExecutionError(f"cannot read '{name}'")
        return self._frames[name].lazy()

    def written(self, name: str) -> None:
        """The job wrote table `name`: a later query scans it again. A scan may hold what it
        learnt of the files when it was made (the Parquet files Polars scans itself: their
        list, their footers), which the write made stale."""
        if name in self.project.tables:
            self._frames.pop(name, None)
            for view in self._inlined:  # their lazy frames may hold its scan: all rebuilt
                self._frames.pop(view, None)

    def constant(self, name: str) -> bool:
        """Is view `name` constant rows (VALUES)? Flink folds expressions over those."""
        if name not in self.project.views:
            return False
        for view in views_first(self.project.views, name):  # no recursion per view
            if view not in self._constant:
                self._constant[view] = constant_rows(
                    self.project.views[view].root, self._constant.get
                )
        return self._constant[name]


def _inlinable(view: p.PlannedQuery) -> bool:
    """Can the view be computed inside the query reading it: no model paid for its rows, and
    no function giving another value each time (computed twice, its rows would differ)."""
    for node in p.walk(view.root):
        if isinstance(node, (p.MlPredict, p.VectorSearch)):
            return False
        if any(bound.volatile(e) for e in p.expressions(node)):
            return False
    return True


class _Logged(RunEvents):
    """The log's events, progress to a function of the caller's (the terminal's bar)."""

    def __init__(self, on_progress: Callable[[Snapshot], None]):
        self.on_progress = on_progress

    def progress(self, snapshot: Snapshot, partition: str | None = None) -> None:
        self.on_progress(snapshot)


def run_project(
    project: Project,
    backend: Backend,
    emit: Callable[[TableSpec, str], None],
    on_progress: Callable[[Snapshot], None] | None = None,
    progress_interval: float = 10.0,
) -> RunResult:
    """Run every INSERT and bare SELECT in file order; each print-sink line goes to
    `emit(table, line)`; ML_PREDICT progress to `on_progress` every `progress_interval` seconds
    (default: to the log)."""
    events = RunEvents() if on_progress is None else _Logged(on_progress)
    return Orchestrator(backend, events, progress_interval=progress_interval).run_project(
        project, emit
    )
