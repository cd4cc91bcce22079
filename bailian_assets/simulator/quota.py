"""Per-model quotas as DashScope enforces them: RPM and TPM, per minute and per second.

Per minute: a sliding 60-second window of requests and tokens. Per second: token buckets
holding one second's share (RPM/60 requests, TPM/60 tokens), refilled continuously, so a client
that spreads its requests evenly under the quota is never refused, while one that sends a whole
minute's quota in its first second is ("Request rate increased too quickly").

The clock is injected, so tests move time by hand.
"""

from __future__ import annotations

import collections
import math
import time
from collections.abc import Callable
from dataclasses import dataclass

# (code, message) of each kind of refusal, as the real service words them.
REFUSALS = {
    "requests": ("limit_requests", "Requests rate limit exceeded, please try again later."),
    "tokens": ("insufficient_quota", "Allocated quota exceeded, please increase your quota limit."),
    "burst": (
        "limit_burst_rate",
        "Request rate increased too quickly. To ensure system "
        "stability, please adjust your client logic to scale requests more smoothly "
        "over time.",
    ),
}


@dataclass(frozen=True)
class Refusal:
    kind: str  # requests | tokens | burst
    retry_after: float  # seconds until the request would pass

    @property
    def code(self) -> str:
        return REFUSALS[self.kind][0]

    @property
    def message(self) -> str:
        return REFUSALS[self.kind][1]


_EPSILON = 1e-6  # clocks are floats: a client exactly at the quota must not be refused


class _Bucket:
    """Holds up to `capacity`, refills at `rate` per second. A take bigger than the capacity
    passes when the bucket is full, and leaves it in debt."""

    def __init__(self, rate: float, now: float):
        self.rate = rate
        self.capacity = max(1.0, rate)  # one second's share
        self.level = self.capacity
        self.updated = now

    def refill(self, now: float) -> None:
        self.level = min(self.capacity, self.level + (now - self.updated) * self.rate)
        self.updated = now

    def can_take(self, amount: float) -> bool:
        return self.level + _EPSILON >= min(amount, self.capacity)

    def wait(self, amount: float) -> float:
        """Seconds until `amount` can be taken."""
        return max(0.0, (min(amount, self.capacity) - self.level) / self.rate)


class ModelQuota:
    def __init__(self, rpm: float | None, tpm: float | None, clock: Callable[[], float]):
        self.rpm, self.tpm, self.clock = rpm, tpm, clock
        now = clock()
        self.request_bucket = _Bucket(rpm / 60, now) if rpm else None
        self.token_bucket = _Bucket(tpm / 60, now) if tpm else None
        self.window: collections.deque[tuple[float, int]] = collections.deque()
        self.window_tokens = 0

    def admit(self, tokens: int) -> Refusal | None:
        """Count a request of `tokens` tokens, or say why it is refused (and count nothing)."""
        now = self.clock()
        while self.window and self.window[0][0] <= now - 60 + _EPSILON:
            self.window_tokens -= self.window.popleft()[1]
        if self.rpm and len(self.window) >= self.rpm:
            return Refusal("requests", self.window[0][0] + 60 - now)
        if self.tpm and self.window_tokens + tokens > self.tpm and self.window:
            return Refusal("tokens", self.window[0][0] + 60 - now)
        for bucket, kind, amount in (
            (self.request_bucket, "burst", 1),
            (self.token_bucket, "tokens", tokens),
        ):
            if bucket is not None:
                bucket.refill(now)
                if not bucket.can_take(amount):
                    return Refusal(kind, bucket.wait(amount))
        if self.request_bucket is not None:
            self.request_bucket.level -= 1
        if self.token_bucket is not None:
            self.token_bucket.level -= tokens
        self.window.append((now, tokens))
        self.window_tokens += tokens
        return None


class Quotas:
    """The quotas of every model: the same limits, counted separately per model."""

    def __init__(
        self,
        rpm: float | None = None,
        tpm: float | None = None,
        clock: Callable[[], float] = time.monotonic,
    ):
        self.rpm, self.tpm, self.clock = rpm, tpm, clock
        self._models: dict[str, ModelQuota] = {}

    @property
    def enabled(self) -> bool:
        return bool(self.rpm or self.tpm)

    def admit(self, model: str, tokens: int) -> Refusal | None:
        if not self.enabled:
            return None
        quota = self._models.get(model)
        if quota is None:
            quota = self._models[model] = ModelQuota(self.rpm, self.tpm, self.clock)
        return quota.admit(tokens)


def retry_after_header(refusal: Refusal) -> str:
    return str(max(1, math.ceil(refusal.retry_after)))
