"""What a run will send and cost, before it is paid: the figures of `bailian-assets plan`.

`estimate_project` runs a project's queries as `run` would, reading its sources, but every
ML_PREDICT is only forecast (`ModelClient.forecast`), never sent: rows in, rows the cache
already answers, rows and requests to send (packed as the model packs), about how many prompt
and completion tokens, what they cost at the model's declared prices, and how long the requests
take at its declared quota ('rate-limit.rpm' / 'rate-limit.tpm'), or at the one this process
last learned for it. The outputs of a forecast ML_PREDICT are NULL, so an ML_PREDICT whose
input is another's output is counted (`input_known` False) but its texts are not known yet. A
table the job writes reads, later in the job, as the rows the job would write into it.

Token counts are estimates (`bailian_assets.tokens`); answer lengths come from the answers
already cached for the model, else from the labels its system prompt lists, else a short reply.
Nothing here writes a sink or a cache entry. `estimate_project` is what the Dagster layer calls
to show the same figures.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass

import polars as pl

from bailian_assets.client.backend import Backend
from bailian_assets.client.client import Forecast, ModelClient, Prediction
from bailian_assets.client.progress import Progress
from bailian_assets.client.usage import Usage
from bailian_assets.executor.executor import Executor, ModelRun
from bailian_assets.executor.ml_predict import make_client
from bailian_assets.executor.runner import Relations, statements_in_order
from bailian_assets.planning import plan as p
from bailian_assets.planning.models import ModelSpec, RuntimeConfig
from bailian_assets.planning.planner import PlannedInsert
from bailian_assets.planning.project import Project

NOTHING = Forecast(0, 0, 0, 0, 0, 0, 0)


@dataclass
class Estimate:
    """One ML_PREDICT's figures."""

    model: str
    where: str  # path:line of the ML_PREDICT
    forecast: Forecast = NOTHING
    cost: float | None = None  # at the model's declared prices; None without prices
    seconds: float | None = None  # at the quota; None when no quota is known
    quota: str = "unknown"  # the quota the time is at, as shown
    input_known: bool = True  # False: its input comes from another ML_PREDICT's answers
    currency: str | None = None  # what the prices are in ('price.currency'), when declared

    @property
    def total_tokens(self) -> int:
        return self.forecast.prompt_tokens + self.forecast.completion_tokens

    def summary(self) -> dict[str, object]:
        """Plain values for logs and metadata."""
        f = self.forecast
        return {
            "model": self.model,
            "where": self.where,
            "rows": f.rows,
            "rows_cached": f.rows_cached,
            "rows_skipped": f.rows_skipped,
            "rows_to_send": f.rows_to_send,
            "requests": f.requests,
            "prompt_tokens": f.prompt_tokens,
            "completion_tokens": f.completion_tokens,
            "cost": self.cost,
            "currency": self.currency,
            "seconds": self.seconds,
            "quota": self.quota,
            "input_known": self.input_known,
        }


def estimate_project(project: Project, backend: Backend) -> list[Estimate]:
    """The figures of every ML_PREDICT the project's INSERTs run, in the order they run
    (an ML_PREDICT of a view is run, and counted, once)."""
    estimates: list[Estimate] = []

    def clients(spec: ModelSpec, config: RuntimeConfig) -> _Forecaster:
        estimates.append(Estimate(spec.name, ""))
        return _Forecaster(make_client(spec, config, backend), spec, estimates[-1])

    def located(run: ModelRun) -> None:  # the executor's report of the ML_PREDICT just run
        estimate = estimates[-1]
        estimate.where = f"{run.node.path}:{run.node.position.line}"
        estimate.input_known = not _reads_answers(run.node, project)

    def make_executor(resolve) -> Executor:
        return Executor(resolve, clients, on_model_run=located)  # type: ignore[arg-type]

    relations = _Unwritten(project, make_executor)
    for step in statements_in_order(project):  # a bare SELECT's ML_PREDICTs are paid too
        frame = make_executor(relations.resolve).run(step.query)
        if isinstance(step, PlannedInsert):
            relations.write(step.sink.name, frame)
    return estimates


class _Unwritten(Relations):
    """The job's relations, where a table the job writes (and a later query reads) is the
    rows the job would write into it, model outputs NULL: nothing is written."""

    def __init__(self, project: Project, executor_factory) -> None:
        super().__init__(project, executor_factory)
        self._written: dict[str, pl.DataFrame] = {}

    def write(self, name: str, frame: pl.DataFrame) -> None:
        previous = self._written.get(name)
        self._written[name] = frame if previous is None else pl.concat([previous, frame])
        self.written(name)  # a view inlined over the table reads it anew

    def resolve(self, name: str) -> pl.LazyFrame:
        if name in self._written:
            return self._written[name].lazy()
        return super().resolve(name)


def _reads_answers(node: p.MlPredict, project: Project) -> bool:
    """Whether an ML_PREDICT's input comes, through views or tables the job writes, from
    another ML_PREDICT."""
    sources = {name: view.root for name, view in project.views.items()}
    for insert in project.inserts:  # a table the job writes, then reads
        sources.setdefault(insert.sink.name, insert.query.root)
    pending, seen = [node.input], set()
    while pending:
        for child in p.walk(pending.pop()):
            if isinstance(child, p.MlPredict):
                return True
            if (
                isinstance(child, p.Scan)
                and child.relation in sources
                and child.relation not in seen
            ):
                seen.add(child.relation)
                pending.append(sources[child.relation])
    return False


class _Forecaster:
    """Stands in for a ModelClient in the executor: forecasts each chunk and answers NULL."""

    def __init__(self, client: ModelClient, spec: ModelSpec, estimate: Estimate):
        self.client, self.spec, self.estimate = client, spec, estimate

    def progress_for(self, total: int) -> Progress:
        return Progress(self.spec.name, total, None)

    @contextlib.asynccontextmanager
    async def session(self) -> AsyncIterator[None]:
        yield None

    async def predict(
        self, texts: Sequence[str | None], progress: Progress | None = None, first_row: int = 1
    ) -> tuple[list[Prediction], Usage]:
        estimate = self.estimate
        estimate.forecast = estimate.forecast.add(self.client.forecast(texts))
        self._price(estimate)
        return [Prediction() for _ in texts], Usage(rows=len(texts))

    def _price(self, estimate: Estimate) -> None:
        f = estimate.forecast
        estimate.cost = self.spec.cost(f.prompt_tokens, f.completion_tokens)
        estimate.currency = self.spec.price_currency
        estimate.seconds, estimate.quota = _time_at_quota(self.client, f)


def _time_at_quota(client: ModelClient, forecast: Forecast) -> tuple[float | None, str]:
    """How long the requests take at the declared quota, else at the one last learned for
    the model (by this process, or by a run that shared its cache folder), else unknown."""
    config = client.config
    rpm, tpm, how = config.rate_limit_rpm, config.rate_limit_tpm, "declared"
    if rpm is None and client.pacer is not None:
        rpm, how = client.pacer.learned_rpm(), "learned"
    if rpm is None and tpm is None:
        return None, "unknown"
    seconds = max(
        forecast.requests * 60 / rpm if rpm else 0.0,
        (forecast.prompt_tokens + forecast.completion_tokens) * 60 / tpm if tpm else 0.0,
    )
    shown = " and ".join(
        part
        for part in (f"{rpm:,.0f} RPM" if rpm else "", f"{tpm:,.0f} TPM" if tpm else "")
        if part
    )
    return seconds, f"{shown} ({how if rpm else 'declared'})"


def describe(estimates: list[Estimate]) -> str:
    """The figures as a table, one line per ML_PREDICT, then the totals."""
    header = (
        "ML_PREDICT",
        "model",
        "rows",
        "cached",
        "to send",
        "requests",
        "prompt tokens",
        "completion tokens",
        "cost",
        "time",
        "at",
    )
    rows = [_row(e) for e in estimates]
    if len(estimates) > 1:
        total = NOTHING
        for e in estimates:
            total = total.add(e.forecast)
        costs = [e.cost for e in estimates if e.cost is not None]
        currencies = {e.currency for e in estimates if e.cost is not None}
        times = [e.seconds for e in estimates if e.seconds is not None]
        summed = sum(costs) if costs and len(currencies) == 1 else None  # no sum of USD and CNY
        rows.append(
            _row(
                Estimate(
                    "",
                    "total",
                    total,
                    summed,
                    sum(times) if times else None,
                    "",
                    currency=next(iter(currencies)) if summed is not None else None,
                )
            )
        )
    widths = [max(len(str(line[i])) for line in [header, *rows]) for i in range(len(header))]
    lines = [
        "  ".join(
            str(cell).ljust(w) if i < 2 else str(cell).rjust(w)
            for i, (cell, w) in enumerate(zip(line, widths, strict=False))
        ).rstrip()
        for line in [header, *rows]
    ]
    notes = [
        f"{e.where}: its input comes from another ML_PREDICT's answers, unknown until "
        "they come: its rows are counted, not their texts"
        for e in estimates
        if not e.input_known
    ]
    declared = sorted({e.currency or "undeclared" for e in estimates if e.cost is not None})
    if len(declared) > 1:
        notes.append(f"the costs are in different currencies ({', '.join(declared)}): no total")
    return "\n".join(lines + notes)


def _row(e: Estimate) -> tuple[str, ...]:
    f = e.forecast
    return (
        e.where,
        e.model,
        f"{f.rows:,}",
        f"{f.rows_cached:,}",
        f"{f.rows_to_send:,}",
        f"{f.requests:,}",
        f"~{f.prompt_tokens:,}",
        f"~{f.completion_tokens:,}",
        "–" if e.cost is None else f"~{_money(e.cost)}{f' {e.currency}' if e.currency else ''}",
        "–" if e.seconds is None else f"~{_duration(e.seconds)}",
        e.quota,
    )


def _money(cost: float) -> str:
    """Cents for sums worth them; fractions of a cent to three significant figures."""
    if cost >= 1 or cost == 0:
        return f"{cost:,.2f}"
    return f"{cost:.3g}" if cost >= 0.001 else f"{cost:.6f}".rstrip("0")


def _duration(seconds: float) -> str:
    if seconds < 10:
        return f"{seconds:.1f} s"
    if seconds < 60:
        return f"{seconds:.0f} s"
    minutes, seconds = divmod(round(seconds), 60)
    if minutes < 60:
        return f"{minutes} min {seconds:02d} s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min"
