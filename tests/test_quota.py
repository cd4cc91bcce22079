"""Quotas with a hand-moved clock: per minute, per second, bursts, tokens."""

from bailian_assets.simulator.quota import Quotas, retry_after_header


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


def test_smooth_rate_at_the_quota_is_never_refused():
    clock = Clock()
    quotas = Quotas(rpm=600, clock=clock)
    for _ in range(1200):  # two minutes at exactly 10 per second
        assert quotas.admit("qwen-turbo", 10) is None
        clock.now += 0.1


def test_a_burst_of_a_minutes_quota_is_refused_as_a_burst():
    clock = Clock()
    quotas = Quotas(rpm=600, clock=clock)
    results = [quotas.admit("qwen-turbo", 10) for _ in range(600)]
    admitted = [r for r in results if r is None]
    assert len(admitted) == 10  # one second's share
    refusal = results[-1]
    assert refusal.code == "limit_burst_rate" and 0 < refusal.retry_after <= 0.11
    assert retry_after_header(refusal) == "1"


def test_the_minute_window_caps_requests():
    clock = Clock()
    quotas = Quotas(rpm=60, clock=clock)
    admitted = 0
    for _ in range(120):  # two per second for a minute: twice the quota
        if quotas.admit("m", 1) is None:
            admitted += 1
        clock.now += 0.5
    assert 59 <= admitted <= 61


def test_tokens_per_minute():
    clock = Clock()
    quotas = Quotas(tpm=6000, clock=clock)  # 100 tokens per second
    assert quotas.admit("m", 100) is None
    refusal = quotas.admit("m", 100)
    assert refusal.code == "insufficient_quota" and refusal.kind == "tokens"
    clock.now += 1.0
    assert quotas.admit("m", 100) is None


def test_models_have_separate_quotas():
    clock = Clock()
    quotas = Quotas(rpm=60, clock=clock)
    assert quotas.admit("a", 1) is None
    assert quotas.admit("b", 1) is None
    assert quotas.admit("a", 1) is not None
