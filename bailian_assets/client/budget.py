"""Budgets: what one run may spend, in tokens or money, and the run stops sending before it does.

A `Ledger` counts one budget: a model's ('budget.max-tokens' / 'budget.max-cost' in its WITH
options), the job's (the same keys with SET) or the run's (a limit over every model, given when the
run starts: Dagster's `bailian_run_budget` resource), over one run. `RunBudgets` holds a run's
ledgers so that every ML_PREDICT under one budget spends from the same one. A client gets an
`Allowance`: the ledgers that apply to it.

Before each request (each batch of rows, all its retries included) the client reserves what the
request is expected to cost; a reservation that would take spent + reserved past a limit is
refused, the ledger is marked exhausted, and from then on it refuses everything: the run stops
sending. When the request ends, its reservation is settled with what the service says it cost.
So a run spends at most its budget plus the difference between what the requests already in
flight were expected to cost and what they did cost.

Cache hits cost nothing and are never refused: raising a budget and running again resumes
where the last run stopped, without paying twice.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

BUDGET_EXHAUSTED = "budget exhausted"


@dataclass
class Ledger:
    """One budget over one run."""

    name: str  # for messages: "model 'm'" or "the job"
    max_tokens: int | None = None
    max_cost: float | None = None
    spent_tokens: int = 0
    spent_cost: float = 0.0
    reserved_tokens: int = 0
    reserved_cost: float = 0.0
    exhausted: bool = False

    def fits(self, tokens: int, cost: float) -> bool:
        if self.exhausted:
            return False
        if (
            self.max_tokens is not None
            and self.spent_tokens + self.reserved_tokens + tokens > self.max_tokens
        ):
            return False
        return (
            self.max_cost is None
            or self.spent_cost + self.reserved_cost + cost <= self.max_cost + 1e-12
        )

    def describe(self) -> str:
        """'model 'm': 9,480 of 10,000 tokens spent' (and the cost, when limited)."""
        parts = []
        if self.max_tokens is not None:
            parts.append(f"{self.spent_tokens:,} of {self.max_tokens:,} tokens")
        if self.max_cost is not None:
            parts.append(f"{self.spent_cost:.6g} of {self.max_cost:g} in cost")
        return f"{self.name}: {' and '.join(parts)} spent"


@dataclass(frozen=True)
class Reservation:
    ledgers: tuple[Ledger, ...]
    tokens: int
    cost: float


@dataclass
class Allowance:
    """The budgets one client spends from (a model's, the job's, or both)."""

    ledgers: tuple[Ledger, ...]
    # the run's lock: clients of one run may spend from one ledger in different threads
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def reserve(self, tokens: int, cost: float) -> Reservation | None:
        """Hold what a request is expected to cost; None when any budget would be passed
        (that budget then refuses everything after)."""
        with self._lock:
            for ledger in self.ledgers:
                if not ledger.fits(tokens, cost):
                    ledger.exhausted = True
                    return None
            for ledger in self.ledgers:
                ledger.reserved_tokens += tokens
                ledger.reserved_cost += cost
            return Reservation(self.ledgers, tokens, cost)

    def settle(self, reservation: Reservation, tokens: int, cost: float) -> None:
        """Replace a reservation with what the request cost."""
        with self._lock:
            for ledger in reservation.ledgers:
                ledger.reserved_tokens -= reservation.tokens
                ledger.reserved_cost -= reservation.cost
                ledger.spent_tokens += tokens
                ledger.spent_cost += cost

    def exhausted(self) -> list[Ledger]:
        return [ledger for ledger in self.ledgers if ledger.exhausted]


class RunBudgets:
    """The ledgers of one run, by what they limit: a model's by its name, the job's once, and
    the run's own `limits` (tokens, cost) over every model, when given."""

    def __init__(self, limits: tuple[int | None, float | None] = (None, None)) -> None:
        self._ledgers: dict[tuple[str, str], Ledger] = {}
        self._lock = threading.Lock()  # guards the ledgers, for their allowances too
        self._run_limits = limits

    def allowance(
        self,
        model: str,
        model_limits: tuple[int | None, float | None],
        job_limits: tuple[int | None, float | None],
    ) -> Allowance | None:
        """What a client of `model` may spend, under the model's own limits (tokens, cost)
        and the job's; None when neither limits anything."""
        ledgers = []
        for key, name, (tokens, cost) in (
            (("model", model), f"model '{model}'", model_limits),
            (("job", ""), "the job", job_limits),
            (("run", ""), "the run", self._run_limits),
        ):
            if tokens is None and cost is None:
                continue
            with self._lock:
                ledger = self._ledgers.get(key)
                if ledger is None:
                    ledger = self._ledgers[key] = Ledger(name, tokens, cost)
                else:  # a later SET may change the job's limits: the latest applies
                    ledger.max_tokens, ledger.max_cost = tokens, cost
                ledgers.append(ledger)
        return Allowance(tuple(ledgers), self._lock) if ledgers else None
