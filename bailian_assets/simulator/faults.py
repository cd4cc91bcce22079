"""Latency and faults of the simulated service, deterministic under a seed.

Each request draws from a random stream keyed by (seed, request body, how many times that body
was seen), so a run with the same seed and the same requests gets the same latencies and the
same faults whatever order concurrent requests arrive in, and a retry draws afresh. Packed
answers (several rows in one request) draw their own faults from a stream of their own, so
turning them on changes no other draw.
"""

from __future__ import annotations

import hashlib
import math
import random
from collections import Counter
from dataclasses import dataclass, field

FAULT_KINDS = ("server_error", "drop", "slow", "malformed")
PACKED_FAULTS = ("drop", "repeat", "reorder")  # what a spoilt packed answer does to its items


@dataclass(frozen=True)
class FaultConfig:
    latency_ms: float = 0.0  # mean latency
    latency_spread: float = 0.5  # sigma of the log-normal distribution
    error_rate: float = 0.0  # 500 / 503 answers
    drop_rate: float = 0.0  # connection closed without an answer
    slow_rate: float = 0.0  # answers held back for `slow_seconds`
    slow_seconds: float = 600.0  # longer than any sane client timeout
    malformed_rate: float = 0.0  # invalid or truncated JSON with status 200
    seed: int = 0
    packed_fault_rate: float = 0.0  # packed answers that drop, repeat or reorder items

    @property
    def any(self) -> bool:
        return bool(
            self.latency_ms
            or self.error_rate
            or self.drop_rate
            or self.slow_rate
            or self.malformed_rate
        )


@dataclass(frozen=True)
class Draw:
    delay: float  # seconds before answering
    fault: str | None  # one of FAULT_KINDS, or None
    variant: int  # which variant of the fault (500 or 503; not JSON or cut-off JSON)


@dataclass
class FaultPlan:
    config: FaultConfig = field(default_factory=FaultConfig)
    seen: Counter = field(default_factory=Counter)
    packed_seen: Counter = field(default_factory=Counter)

    def draw(self, body: bytes) -> Draw:
        config = self.config
        if not config.any:
            return Draw(0.0, None, 0)
        digest = hashlib.blake2b(body, digest_size=16).digest()
        attempt = self.seen[digest]
        self.seen[digest] += 1
        rng = random.Random(f"{config.seed}:{digest.hex()}:{attempt}")
        delay = _lognormal(rng, config.latency_ms / 1000, config.latency_spread)
        roll = rng.random()
        for kind, rate in (
            ("server_error", config.error_rate),
            ("drop", config.drop_rate),
            ("slow", config.slow_rate),
            ("malformed", config.malformed_rate),
        ):
            if roll < rate:
                return Draw(
                    config.slow_seconds if kind == "slow" else delay, kind, rng.randrange(2)
                )
            roll -= rate
        return Draw(delay, None, 0)

    def draw_packed(self, body: bytes) -> tuple[str | None, random.Random]:
        """Whether a packed answer is spoilt, and how (one of `PACKED_FAULTS`), with the
        random stream that picks the item: keyed like `draw`, from a stream of its own."""
        digest = hashlib.blake2b(body, digest_size=16).digest()
        attempt = self.packed_seen[digest]
        self.packed_seen[digest] += 1
        rng = random.Random(f"{self.config.seed}:packed:{digest.hex()}:{attempt}")
        if rng.random() >= self.config.packed_fault_rate:
            return None, rng
        return PACKED_FAULTS[rng.randrange(len(PACKED_FAULTS))], rng


def _lognormal(rng: random.Random, mean: float, sigma: float) -> float:
    """A log-normal draw with the given mean (not median)."""
    if mean <= 0:
        return 0.0
    mu = math.log(mean) - sigma * sigma / 2
    return rng.lognormvariate(mu, sigma)
