"""Progress of one ML_PREDICT: rows done of total, rate and ETA, reported at a steady interval."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Snapshot:
    model: str
    done: int
    total: int
    elapsed: float

    @property
    def rate(self) -> float:
        return self.done / self.elapsed if self.elapsed > 0 else 0.0

    @property
    def eta(self) -> float | None:
        return (self.total - self.done) / self.rate if self.rate > 0 else None

    def describe(self) -> str:
        percent = 100 * self.done / self.total if self.total else 100.0
        text = (
            f"model '{self.model}': {self.done}/{self.total} rows ({percent:.0f}%), "
            f"{self.rate:.1f} rows/s"
        )
        if self.eta is not None and self.done < self.total:
            text += f", ETA {_duration(self.eta)}"
        return text


def _duration(seconds: float) -> str:
    seconds = round(seconds)
    if seconds < 60:
        return f"{seconds} s"
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes} min {seconds:02d} s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min"


class Progress:
    """Counts rows; calls `report(snapshot)` at most every `interval` seconds and at the end."""

    def __init__(
        self,
        model: str,
        total: int,
        report: Callable[[Snapshot], None] | None,
        interval: float = 10.0,
        clock: Callable[[], float] = time.monotonic,
    ):
        self.model, self.total, self.report = model, total, report
        self.interval, self.clock = interval, clock
        self.done = 0
        self.started = clock()
        self._last = self.started

    def advance(self, rows: int) -> None:
        self.done += rows
        now = self.clock()
        if self.report is not None and now - self._last >= self.interval:
            self._last = now
            self.report(self.snapshot())

    def finish(self) -> None:
        if self.report is not None:
            self.report(self.snapshot())

    def snapshot(self) -> Snapshot:
        return Snapshot(self.model, self.done, self.total, self.clock() - self.started)
