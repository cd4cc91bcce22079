"""Usage of one ML_PREDICT: what it sent, what it cost, how it went."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field


@dataclass
class Usage:
    rows: int = 0  # rows that reached the operator
    rows_sent: int = 0  # rows whose input had to be asked for (not NULL, not cached)
    rows_skipped: int = 0  # NULL input, or skipped as over the context: not sent, output NULL
    rows_failed: int = 0  # sent, failed for good, kept with NULL output (IGNORE)
    requests: int = 0  # HTTP requests made, retries included
    packed_requests: int = 0  # of them, requests that carried several chat rows
    splits: int = 0  # packed answers that could not be matched: split and asked again
    retries: int = 0
    throttled: int = 0  # 429 answers
    cache_hits: int = 0  # rows answered from the cache, not sent
    prompt_tokens: int = 0
    completion_tokens: int = 0
    latencies: list[float] = field(default_factory=list)  # seconds, successful requests
    failure_reasons: Counter = field(default_factory=Counter)

    def add(self, other: Usage) -> None:
        """Fold in the usage of another part of the same ML_PREDICT."""
        for name in (
            "rows",
            "rows_sent",
            "rows_skipped",
            "rows_failed",
            "requests",
            "packed_requests",
            "splits",
            "retries",
            "throttled",
            "cache_hits",
            "prompt_tokens",
            "completion_tokens",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.latencies.extend(other.latencies)
        self.failure_reasons.update(other.failure_reasons)

    @property
    def total_tokens(self) -> int:
        return self.prompt_tokens + self.completion_tokens

    def percentile(self, q: float) -> float | None:
        if not self.latencies:
            return None
        ordered = sorted(self.latencies)
        index = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
        return ordered[index]

    def summary(self) -> dict[str, object]:
        """Plain numbers for logs and metadata; latencies in milliseconds."""
        p50, p95 = self.percentile(0.5), self.percentile(0.95)
        return {
            "rows": self.rows,
            "rows_sent": self.rows_sent,
            "rows_skipped": self.rows_skipped,
            "rows_failed": self.rows_failed,
            "requests": self.requests,
            "packed_requests": self.packed_requests,
            "packed_splits": self.splits,
            "retries": self.retries,
            "throttled_429": self.throttled,
            "cache_hits": self.cache_hits,
            "prompt_tokens": self.prompt_tokens,
            "completion_tokens": self.completion_tokens,
            "latency_p50_ms": None if p50 is None else round(p50 * 1000, 1),
            "latency_p95_ms": None if p95 is None else round(p95 * 1000, 1),
            "failure_reasons": dict(self.failure_reasons),
        }

    def _packed(self) -> str:
        if not self.packed_requests:
            return ""
        return (
            f" ({self.packed_requests} packed, {self.splits} packed answers split and asked again)"
        )

    def describe(self) -> str:
        s = self.summary()
        text = (
            f"{s['rows']} rows ({s['cache_hits']} from the cache, {s['rows_sent']} sent, "
            f"{s['rows_skipped']} not sent (NULL or over the context), {s['rows_failed']} failed), "
            f"{s['requests']} requests{self._packed()}, {s['retries']} retries, "
            f"{s['throttled_429']} "
            f"throttled (429), tokens {s['prompt_tokens']} prompt + "
            f"{s['completion_tokens']} completion"
        )
        if s["latency_p50_ms"] is not None:
            text += f", latency p50 {s['latency_p50_ms']} ms p95 {s['latency_p95_ms']} ms"
        if self.failure_reasons:
            reasons = "; ".join(f"{n} x {r}" for r, n in self.failure_reasons.most_common(3))
            text += f"; failures: {reasons}"
        return text
