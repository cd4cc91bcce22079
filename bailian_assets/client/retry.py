"""When to retry a model request and how long to wait: small pure functions, tested from tables.

Retried: 408, 409, 429, 5xx, timeouts, dropped connections and answers that are not valid JSON.
The wait honours `retry-after-ms` / `Retry-After` (capped), else exponential backoff with full
jitter from the `backoff` package's generators.
"""

from __future__ import annotations

import email.utils
import random
import time
from dataclasses import dataclass
from typing import Iterator, Mapping

import backoff

RETRYABLE_STATUS = frozenset({408, 409, 429})


def should_retry(status: int | None) -> bool:
    """`status` None means the request got no HTTP answer (timeout, connection error)."""
    return status is None or status in RETRYABLE_STATUS or status >= 500


def parse_retry_after(headers: Mapping[str, str], now: float | None = None) -> float | None:
    """Seconds the server asks us to wait, from `retry-after-ms` or `Retry-After`; None if absent."""
    lowered = {k.lower(): v for k, v in headers.items()}
    if "retry-after-ms" in lowered:
        try:
            return max(0.0, float(lowered["retry-after-ms"]) / 1000)
        except ValueError:
            pass
    value = lowered.get("retry-after")
    if value is None:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        parsed = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, parsed.timestamp() - (time.time() if now is None else now))


@dataclass(frozen=True)
class RetryPolicy:
    base: float = 0.5  # seconds of the first backoff step
    factor: float = 2.0
    max_wait: float = 30.0  # cap of one wait, the server's Retry-After included
    seed: int | None = None

    def delays(self) -> Iterator[float]:
        """An endless series of waits: exponential, capped, with full jitter."""
        rng = random.Random(self.seed)
        steps = backoff.expo(base=self.factor, factor=self.base, max_value=self.max_wait)
        next(steps)  # backoff's generators must be primed before use
        for step in steps:
            yield rng.uniform(0, step)

    def wait(self, delays: Iterator[float], retry_after: float | None) -> float:
        if retry_after is not None:
            return min(retry_after, self.max_wait)
        return next(delays)
