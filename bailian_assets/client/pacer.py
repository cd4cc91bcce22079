"""Pacing: when each request may start, so a job runs at its quota and not over it.

One `Pacer` per (endpoint, model) in the process, shared by every ML_PREDICT that uses it.

- Known quota ('rate-limit.rpm' / 'rate-limit.tpm'): requests are spaced evenly at a little
  under the quota (the service enforces per-second limits too, so bursts are refused), and
  tokens are spent at most at the TPM's pace.
- Unknown quota: the pacer finds it. Slow start doubles the rate every round trip while answers
  come back; the first 429 ends it; then the rate grows a little every second (every request,
  below one a second) and shrinks by a fraction on a 429 (at most once a second), or, when it
  is more than twice what got through, straight down towards that. It can go as low as
  MIN_RATE, 1 RPM, below the smallest real quotas. A 429 delays only the request that got it
  (by its Retry-After when the server sends one); the others go on at the lowered rate.

The schedule itself (when the next request may start, until when the tokens are paid for)
lives in a `Schedule`: in memory, or in SQLite beside the response cache, so that every process
calling the same model (Dagster runs each asset in a process of its own, and a backfill runs
several at once) books from one schedule and together they stay within the quota. A file that
cannot be used makes the schedule this process's own, with a reason in `schedule.problem`.

Time is read from `clock`, so tests drive it by hand. The pacer holds no asyncio objects: each
ML_PREDICT runs its own event loop, and one pacer serves them all.
"""

from __future__ import annotations

import collections
import hashlib
import math
import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path

from bailian_assets.client.database import (
    StoreUnavailable,
    close_quietly,
    describe,
    open_store,
    transaction,
)

Times = tuple[float, float]  # (next request start, tokens paid until)
Update = Callable[[float, float], Times | None]

HEADROOM = 0.98  # of a known quota: jitter on the wire must not push a request over
HORIZON = 0.05  # seconds: how far ahead a start may be booked (rate changes apply quickly)
BURST = 0.5  # seconds' worth of requests that may start at once
INITIAL_RATE = 10.0  # requests per second before anything is known
SLOW_START_STEP = 0.25  # seconds at least between doublings: time for a quota to push back
MIN_RATE = 1 / 60  # 1 RPM: below the smallest real quotas, so the pacer can always fit under
DECREASE = 0.85
INCREASE_PER_SECOND = 0.02  # of the rate, after the first 429
WINDOW = 60.0  # seconds of answers that tell the rate achieved
# a booking must cost microseconds, not a disk flush; losing it in a crash is harmless
_PACING_SETUP = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=OFF",
    "CREATE TABLE IF NOT EXISTS pacing (key TEXT PRIMARY KEY, next REAL NOT NULL, "
    "token_next REAL NOT NULL)",
    # the rate an unknown quota was last found at (requests per minute), for plans
    "CREATE TABLE IF NOT EXISTS learned (key TEXT PRIMARY KEY, rpm REAL NOT NULL, "
    "at REAL NOT NULL)",
)


class Schedule:
    """The pacer's two times, in this process's memory."""

    problem: str | None = None  # why a shared schedule fell back to this process's own

    def __init__(self) -> None:
        self.times: Times = (-math.inf, -math.inf)
        self._learned: float | None = None

    def remember(self, rpm: float) -> None:
        """Keep the rate an unknown quota was found at, in requests per minute."""
        self._learned = rpm

    def recall(self) -> float | None:
        """The rate last remembered, or None."""
        return self._learned

    def transact(self, update: Update) -> None:
        """Apply `update(next, token_next)`; it returns the new times, or None to keep them."""
        changed = update(*self.times)
        if changed is not None:
            self.times = changed


class SharedSchedule(Schedule):
    """The pacer's two times in SQLite, shared by every process that paces the same model.

    Times are wall-clock seconds; a time more than a minute ahead (a clock that jumped, a
    machine that rebooted) is treated as stale. The row's key is a hash of where requests go:
    an endpoint may hold a secret, and this file outlives the run. The file is opened on first
    use; when it cannot be used (see `database`), `problem` says why and pacing goes on in
    this process's memory, from the last times the file gave."""

    def __init__(self, folder: str | Path, key: str, clock: Callable[[], float] = time.time):
        super().__init__()
        self.path = Path(folder) / "pacing.sqlite3"
        self.key = hashlib.sha256(key.encode()).hexdigest()
        self.clock = clock
        self._db: sqlite3.Connection | None = None

    def transact(self, update: Update) -> None:
        db = self._connection()
        if db is None:
            return super().transact(update)
        try:
            with transaction(db, "BEGIN IMMEDIATE"):
                row = db.execute(
                    "SELECT next, token_next FROM pacing WHERE key = ?", (self.key,)
                ).fetchone()
                horizon = self.clock() + 60
                times = (
                    tuple(t if t <= horizon else -math.inf for t in row)
                    if row
                    else (-math.inf, -math.inf)
                )
                changed = update(*times)
                if changed is not None:
                    stored = tuple(max(t, -1e12) for t in changed)  # SQLite has no -inf
                    db.execute(
                        "INSERT OR REPLACE INTO pacing VALUES (?, ?, ?)", (self.key, *stored)
                    )
            self.times = changed if changed is not None else times  # type: ignore[assignment]
        except sqlite3.Error as error:
            self._fall_back(describe(self.path, error))
            super().transact(update)

    def remember(self, rpm: float) -> None:
        super().remember(rpm)
        db = self._connection()
        if db is None:
            return
        try:
            with transaction(db, "BEGIN IMMEDIATE"):
                db.execute(
                    "INSERT OR REPLACE INTO learned VALUES (?, ?, ?)", (self.key, rpm, self.clock())
                )
        except sqlite3.Error as error:
            self._fall_back(describe(self.path, error))

    def recall(self) -> float | None:
        """The rate last learned by any process that paces this model from this folder."""
        db = self._connection()
        if db is None:
            return super().recall()
        try:
            row = db.execute("SELECT rpm FROM learned WHERE key = ?", (self.key,)).fetchone()
        except sqlite3.Error as error:
            self._fall_back(describe(self.path, error))
            return super().recall()
        return row[0] if row else super().recall()

    def _connection(self) -> sqlite3.Connection | None:
        if self._db is None and self.problem is None:
            try:
                self._db = open_store(self.path, _PACING_SETUP)
            except StoreUnavailable as error:
                self._fall_back(str(error))
        return self._db

    def _fall_back(self, cause: str) -> None:
        self.problem = (
            f"cannot share the pacing schedule through {self.path}: {cause}; "
            "pacing within this process only"
        )
        close_quietly(self._db)
        self._db = None


class Pacer:
    def __init__(
        self,
        rpm: float | None = None,
        tpm: float | None = None,
        clock: Callable[[], float] = time.monotonic,
        schedule: Schedule | None = None,
    ):
        self.clock = clock
        self.schedule = schedule or Schedule()
        self.known = rpm is not None
        self.rate = rpm / 60 * HEADROOM if rpm else INITIAL_RATE
        self.token_rate = tpm / 60 * HEADROOM if tpm else None
        self.slow_start = not self.known
        self._last_change = clock()
        self._last_decrease = -math.inf
        self._successes: collections.deque[float] = collections.deque()  # the last second's
        self._answered: collections.deque[float] = collections.deque()  # the last WINDOW's
        self._left_slow_start = math.inf
        self._latency = 0.2  # smoothed round trip, seconds
        self._lock = threading.Lock()

    # ------------------------------------------------------------ booking

    def book(self, tokens: int = 0) -> tuple[bool, float]:
        """Try to book a start. `(True, delay)`: the request may go after `delay` seconds.
        `(False, wait)`: nothing booked; try again in `wait` seconds.

        Generic cell rate algorithm: up to half a second's worth of requests (and tokens) may
        go at once; beyond that, starts are spaced at the rate."""
        with self._lock:
            now = self.clock()
            self._grow(now)
            outcome: list[tuple[bool, float]] = []

            def update(next_start: float, token_next: float) -> Times | None:
                tolerance = max(0.0, BURST - 1 / self.rate)
                start = max(now, next_start - tolerance)
                if self.token_rate is not None:
                    start = max(start, token_next - BURST)
                if start - now > HORIZON:
                    outcome.append((False, start - now - HORIZON))
                    return None
                outcome.append((True, max(0.0, start - now)))
                if self.token_rate is not None:
                    token_next = max(token_next, start) + tokens / self.token_rate
                return max(next_start, start) + 1 / self.rate, token_next

            self.schedule.transact(update)
            return outcome[-1]  # a shared schedule that fell back mid-way asked twice

    def correct_tokens(self, estimated: int, actual: int) -> None:
        """Settle a booking made with an estimate once the answer tells the real count."""
        if self.token_rate is not None and actual != estimated:
            delta = (actual - estimated) / self.token_rate
            with self._lock:
                self.schedule.transact(
                    lambda next_start, token_next: (next_start, token_next + delta)
                )

    # ------------------------------------------------------------ feedback

    def on_success(self, latency: float) -> None:
        with self._lock:
            now = self.clock()
            self._latency = 0.8 * self._latency + 0.2 * latency
            for times, span in ((self._successes, 1.0), (self._answered, WINDOW)):
                times.append(now)
                while times[0] < now - span:
                    times.popleft()

    def on_throttled(self) -> None:
        """A 429: leave slow start, or slow down (once a second at most)."""
        if self.known:
            return  # the limit is the user's word; retries are paced like any request
        with self._lock:
            now = self.clock()
            if self.slow_start:
                self.slow_start = False
                achieved = len(self._successes)  # answers in the last second
                ceiling = achieved * 0.9 if achieved else math.inf  # none: a slow quota
                self.rate = max(MIN_RATE, min(self.rate * 0.5, ceiling))
                self._last_decrease = self._left_slow_start = now
            elif now - self._last_decrease >= 1.0:
                self.rate = max(MIN_RATE, self._decreased(now))
                self._last_decrease = now
            self._last_change = now
            if self._last_decrease == now:  # the rate was just set: what the quota is found at
                self.schedule.remember(self.rate * 60)  # a plan of the next run is timed at it

    def learned_rpm(self) -> float | None:
        """The quota as declared, else as last found (by this process or, through a shared
        schedule, another), in requests per minute; None when nothing is known yet."""
        if self.known:
            return self.rate * 60 / HEADROOM
        if not self.slow_start:
            return self.rate * 60
        return self.schedule.recall()

    def _grow(self, now: float) -> None:
        if self.known:
            return
        elapsed = now - self._last_change
        if self.slow_start:
            if elapsed >= max(self._latency, SLOW_START_STEP):
                # double only while the answers keep up with the rate (else concurrency binds)
                if len(self._successes) >= 0.5 * self.rate * min(1.0, elapsed) or self.rate < 1:
                    self.rate *= 2
                self._last_change = now
        elif elapsed >= 0.25:
            # below a request a second, grow per request rather than per second: a slow
            # quota would otherwise be overshot between two requests
            self.rate *= (1 + INCREASE_PER_SECOND) ** (elapsed * min(1.0, self.rate))
            self._last_change = now

    def _decreased(self, now: float) -> float:
        """The rate after a 429: 15% less; when more than twice what got through, down to
        what got through (a slow quota is found in a few 429s, not dozens), but at most by
        half (a pause in the traffic also lowers what got through)."""
        achieved = self._achieved(now)
        if self.rate > 2 * achieved:
            return max(self.rate * 0.5, achieved * 1.1)
        return self.rate * DECREASE

    def _achieved(self, now: float) -> float:
        """Answers per second over the last WINDOW since slow start ended (its ramp up would
        understate the rate reached)."""
        since = max(now - WINDOW, self._left_slow_start)
        answered = sum(1 for t in self._answered if t >= since)
        return answered / (now - since) if now - since >= 1.0 else math.inf


_pacers: dict[tuple, Pacer] = {}
_registry_lock = threading.Lock()


def pacer_for(
    endpoint: str,
    model: str,
    rpm: float | None,
    tpm: float | None,
    backend: str,
    shared_folder: str | Path | None = None,
) -> Pacer:
    """The process's pacer for a model and limits; with `shared_folder`, its schedule is
    shared with every process that paces the same model from the same folder."""
    key = (backend, endpoint, model, rpm, tpm)
    with _registry_lock:
        pacer = _pacers.get(key)
        if pacer is None:
            schedule = (
                SharedSchedule(shared_folder, f"{backend} {endpoint} {model}")
                if shared_folder is not None
                else None
            )
            clock = time.time if schedule is not None else time.monotonic
            pacer = _pacers[key] = Pacer(rpm, tpm, clock, schedule)
        return pacer


def reset_pacers() -> None:
    """Forget what was learned about every quota (tests start from scratch)."""
    with _registry_lock:
        _pacers.clear()
