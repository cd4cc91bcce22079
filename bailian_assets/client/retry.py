"""When to retry a model request and how long to wait: small pure functions, tested from tables.

Retried: 408, 409, 429, 5xx, timeouts, dropped connections and answers that are not valid JSON;
answers of the wrong shape a couple of times at most; see `RowRetries` for which strategy retries
what. The wait honours `retry-after-ms` / `Retry-After` (capped at `max_wait`), else exponential
backoff with full jitter from the `backoff` package's generators.
"""

from __future__ import annotations

import email.utils
import itertools
import math
import random
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass

import backoff

RETRYABLE_STATUS = frozenset({408, 409, 429})


def should_retry(status: int | None) -> bool:
    """`status` None means the request got no HTTP answer (timeout, connection error)."""
    return status is None or status in RETRYABLE_STATUS or status >= 500


def parse_retry_after(headers: Mapping[str, str], now: float | None = None) -> float | None:
    """Seconds the server asks to wait, from `retry-after-ms` or `Retry-After`; None if absent."""
    lowered = {k.lower(): v for k, v in headers.items()}
    if "retry-after-ms" in lowered:
        seconds = _seconds(lowered["retry-after-ms"], 1000)
        if seconds is not None:
            return seconds
    value = lowered.get("retry-after")
    if value is None:
        return None
    seconds = _seconds(value, 1)
    if seconds is not None:
        return seconds
    try:
        parsed = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, parsed.timestamp() - (time.time() if now is None else now))


def _seconds(value: str, per_second: float) -> float | None:
    try:
        seconds = float(value) / per_second
    except ValueError:
        return None
    return None if math.isnan(seconds) else max(0.0, seconds)


JITTER, FIXED, EXPONENTIAL = "JITTER", "FIXED", "EXPONENTIAL"


@dataclass(frozen=True)
class RetryPolicy:
    """How long to wait before retrying. JITTER (ours, the default): exponential steps from
    `base`, each wait drawn at random below its step, which spreads the retries of many rows at
    a rate limit. FIXED and EXPONENTIAL are VVR's `retry-backoff-strategy`: `base` every time,
    or doubling from it, without jitter. Every strategy honours the server's Retry-After."""

    base: float = 0.5  # seconds of the first backoff step
    factor: float = 2.0
    max_wait: float = 30.0  # cap of one wait, the server's Retry-After included
    seed: int | None = None
    strategy: str = JITTER

    @classmethod
    def from_backoff(cls, backoff: tuple[str, float] | None) -> RetryPolicy:
        """The policy for a model's (strategy, base seconds), or ours for None."""
        return cls() if backoff is None else cls(base=backoff[1], strategy=backoff[0])

    def delays(self) -> Iterator[float]:
        """An endless series of waits, capped at `max_wait`."""
        if self.strategy == FIXED:
            yield from itertools.repeat(min(self.base, self.max_wait))
        steps = backoff.expo(base=self.factor, factor=self.base, max_value=self.max_wait)
        next(steps)  # backoff's generators must be primed before use
        if self.strategy == EXPONENTIAL:
            yield from steps
        rng = random.Random(self.seed)
        steps = backoff.expo(base=self.factor, factor=self.base, max_value=self.max_wait)
        next(steps)  # backoff's generators must be primed before use
        for step in steps:
            yield rng.uniform(0, step)

    def wait(self, delays: Iterator[float], retry_after: float | None) -> float:
        """The server's ask, capped at `max_wait`; the backoff when it asks for nothing (or
        for no wait at all: retrying a 429 at once, again and again, would hammer it)."""
        if retry_after is not None and retry_after > 0:
            return min(retry_after, self.max_wait)
        return next(delays)


# Kinds of failure that are not told by an HTTP status alone.
MALFORMED = "malformed"  # a JSON answer of the wrong shape, or a body over the size limit
GARBLED = "garbled"  # a body that is not JSON at all: cut off or mangled on the way
UNREACHABLE = "unreachable"  # no connection, and none has ever been made in this run
MALFORMED_RETRIES = 2


class RowRetries:
    """How many more times one row may be tried, by kind of failure.

    - 429 (throttled) and UNREACHABLE are retried under every strategy and do not use up
      `retry-num`: neither is a failure of the row (a busy server; a run that has not connected
      yet, which gives up as a whole). The row's timeout bounds them.
    - Under RETRY, up to `retry_num` retries of what `should_retry` allows, of GARBLED bodies
      (as good as a dropped connection), and of MALFORMED answers at most MALFORMED_RETRIES
      times: a well-formed answer of the wrong shape is most likely the server's steady habit,
      worth a check that it was not a proxy's hiccup, not a hundred identical requests.
    - Under FAILOVER and IGNORE, nothing else: Flink retries only under RETRY.
    """

    def __init__(self, strategy: str, retry_num: int):
        self.left = retry_num if strategy == "RETRY" else 0
        self.malformed_left = MALFORMED_RETRIES

    def allow(self, status: int | None, kind: str | None = None) -> bool:
        """Whether to retry after this failure (and count it if so)."""
        if status == 429 or kind == UNREACHABLE:
            return True
        if self.left <= 0:
            return False
        if kind == MALFORMED:
            if self.malformed_left <= 0:
                return False
            self.malformed_left -= 1
        elif kind != GARBLED and not should_retry(status):
            return False
        self.left -= 1
        return True


def out_of_time(timeout: float, used: float, wait: float, retry_after: float | None) -> str:
    """Why a row gives up `used` s into its `timeout`, before it has run out: the next attempt
    could not start in time (the server asked for a longer wait, or the backoff is longer
    than what is left). "timed out after 5 s" would be untrue there."""
    if retry_after is not None and retry_after > 0:
        return (
            f"gave up after {used:.1f} s: the server asked to wait {retry_after:.3g} s "
            f"(Retry-After), more than is left of the row's {timeout:g} s timeout"
        )
    return (
        f"gave up after {used:.1f} s: the next retry, {wait:.3g} s away, would start "
        f"after the row's {timeout:g} s timeout"
    )


class RowClock:
    """A row's `timeout`: it runs from the row's first attempt, through its attempts and the
    waits between them, and stands still while the row waits for the pacer's turn.

    That is Flink's meaning: its timeout starts when the async operator invokes the row, and a
    row waiting for a free slot (max-concurrent-operations) has not been invoked yet. The pacer
    is such a wait, only in time rather than in slots: at a 6-RPM quota the 60th row of a job
    waits ten minutes for its turn, and that must not count as the row being slow."""

    def __init__(self, limit: float, clock: Callable[[], float]):
        self.limit, self.clock = limit, clock
        self._used = 0.0
        self._since: float | None = None

    def start(self) -> None:
        if self._since is None:
            self._since = self.clock()

    def stop(self) -> None:
        if self._since is not None:
            self._used += self.clock() - self._since
            self._since = None

    def remaining(self) -> float:
        running = self.clock() - self._since if self._since is not None else 0.0
        return self.limit - self._used - running
