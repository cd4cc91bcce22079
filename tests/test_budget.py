"""Budgets: a run stops sending before it passes 'budget.max-tokens' / 'budget.max-cost', keeps
what was answered in the cache, and resumes from there when the budget is raised."""

import asyncio

import pytest

from bailian_assets.backends import simulated_backend
from bailian_assets.client.budget import BUDGET_EXHAUSTED, RunBudgets
from bailian_assets.client.cache import ResponseCache
from bailian_assets.client.client import ModelClient, ModelConfig
from bailian_assets.errors import ModelCallError, SqlError
from bailian_assets.executor.runner import run_project
from bailian_assets.planning.project import load_source
from bailian_assets.secrets import Secret
from bailian_assets.simulator.service import BailianSimulator

ENDPOINT = "https://dashscope-intl.aliyuncs.com/compatible-mode/v1/chat/completions"
TEXTS = [f"review {i}: the battery is great and the screen is fine" for i in range(40)]


def config(**extra):
    return ModelConfig(
        "m",
        "chat",
        ENDPOINT,
        Secret("sk-test"),
        "qwen-turbo",
        "Label: [positive, negative, neutral, mixed].",
        **extra,
    )


def answer(model_config, texts, tokens=None, cost=None, cache=None, concurrency=1):
    budget = RunBudgets().allowance("m", (tokens, cost), (None, None))
    simulator = BailianSimulator()
    client = ModelClient(
        model_config,
        transport=simulator.transport(),
        pacer=None,
        cache=cache,
        budget=budget,
        max_concurrency=concurrency,
    )
    try:
        results, usage = asyncio.run(client.predict(texts))
    finally:
        spent = budget.ledgers[0] if budget is not None else None
    return results, usage, spent, simulator


def test_under_ignore_the_rows_past_the_budget_fail_with_the_reason():
    results, usage, ledger, simulator = answer(config(error_handling="IGNORE"), TEXTS, 400)
    answered = [r for r in results if r.value is not None]
    refused = [r for r in results if r.error == BUDGET_EXHAUSTED]
    assert answered and refused and len(answered) + len(refused) == len(TEXTS)
    assert results[: len(answered)] == answered  # one at a time: the first rows are answered
    assert usage.rows_failed == len(refused) == usage.failure_reasons[BUDGET_EXHAUSTED]
    spent = simulator.counters.prompt_tokens + simulator.counters.completion_tokens
    assert spent == ledger.spent_tokens <= 400 and ledger.exhausted
    assert usage.requests == len(answered)  # nothing sent after the budget said no


def test_otherwise_the_call_fails_cleanly_and_a_larger_budget_resumes_from_the_cache(tmp_path):
    cache = ResponseCache(tmp_path)
    with pytest.raises(
        ModelCallError,
        match=r"budget exhausted \(model 'm': \d+ of 400 "
        r"tokens spent\): \d+ rows not sent",
    ):
        answer(config(), TEXTS, 400, cache=cache)
    kept = len(cache)
    assert 0 < kept < len(TEXTS)
    results, usage, _, simulator = answer(config(), TEXTS, 100_000, cache=cache)
    assert all(r.value for r in results)
    assert usage.cache_hits == kept and simulator.counters.requests == len(TEXTS) - kept


def test_never_more_than_the_budget_plus_the_requests_in_flight():
    _, _, ledger, simulator = answer(
        config(error_handling="IGNORE", batch_size=4), TEXTS, 1_000, concurrency=8
    )
    spent = simulator.counters.prompt_tokens + simulator.counters.completion_tokens
    # each request reserves what it is expected to cost before it goes; the simulator counts
    # as the client estimates, so only the answers' lengths differ from the reservations
    assert ledger.spent_tokens == spent <= 1_000 + 8 * 4 * 3


def test_a_cost_budget_uses_the_declared_prices():
    priced = config(error_handling="IGNORE", price_input=2.0, price_output=6.0)
    results, _, ledger, simulator = answer(priced, TEXTS, cost=0.001)
    assert ledger.spent_cost <= 0.001 and any(r.error == BUDGET_EXHAUSTED for r in results)
    counters = simulator.counters  # settled from what the answers say they cost
    assert ledger.spent_cost == pytest.approx(
        (counters.prompt_tokens * 2.0 + counters.completion_tokens * 6.0) / 1e6
    )


def test_cache_hits_cost_nothing_and_are_never_refused(tmp_path):
    cache = ResponseCache(tmp_path)
    answer(config(), TEXTS[:5], cache=cache)
    results, usage, ledger, _ = answer(config(), TEXTS[:5], tokens=1, cache=cache)
    assert all(r.value for r in results) and usage.requests == 0 and not ledger.exhausted


# ---------------------------------------------------------------- in SQL

MODEL = """\
CREATE MODEL m INPUT (`input` STRING) OUTPUT (`content` STRING) WITH (
  'provider' = 'bailian', 'api-key' = 'sk-test', 'model' = 'qwen-turbo',
  'endpoint' = 'https://dashscope-intl.aliyuncs.com/compatible-mode/v1/chat/completions',
  'system-prompt' = 'Label it: [positive, negative, neutral, mixed].',
  'error-handling-strategy' = 'IGNORE' %s);
CREATE VIEW src (id, txt) AS VALUES %s;
CREATE VIEW other (id, txt) AS SELECT id, CONCAT(txt, ' again') FROM src;
CREATE TABLE a (id INT, label STRING, why STRING) WITH ('connector' = 'print');
CREATE TABLE b (id INT, label STRING, why STRING) WITH ('connector' = 'print');
"""
ROWS = ", ".join(f"({i}, 'review {i} is great')" for i in range(30))
INSERTS = """
INSERT INTO a SELECT id, content, CAST(NULL AS STRING) FROM
  ML_PREDICT(TABLE src, MODEL m, DESCRIPTOR(txt));
INSERT INTO b SELECT id, content, CAST(NULL AS STRING) FROM
  ML_PREDICT(TABLE other, MODEL m, DESCRIPTOR(txt));
"""


def run(sql):
    project = load_source(sql, "t.sql", {})
    return run_project(project, simulated_backend(BailianSimulator()), lambda t, line: None)


def failed(result):
    return [run.usage.failure_reasons[BUDGET_EXHAUSTED] for run in result.model_runs]


def test_a_job_budget_set_once_is_shared_by_every_ml_predict():
    result = run("SET 'budget.max-tokens' = '900';\n" + MODEL % ("", ROWS) + INSERTS)
    used = sum(run.usage.total_tokens for run in result.model_runs)
    first, second = failed(result)
    assert used <= 900 and first == 0 and 0 < second < 30  # the second got what was left


def test_a_model_budget_in_its_options():
    result = run(MODEL % (", 'budget.max-tokens' = '300'", ROWS) + INSERTS)
    assert sum(run.usage.total_tokens for run in result.model_runs) <= 300
    assert failed(result)[0] > 0


def test_budget_settings_are_checked():
    with pytest.raises(SqlError, match="expected an integer"):
        run("SET 'budget.max-tokens' = 'lots';\n" + MODEL % ("", ROWS) + INSERTS)
    with pytest.raises(SqlError, match=r"unknown setting 'budget.max-token'"):
        run("SET 'budget.max-token' = '5';\n" + MODEL % ("", ROWS) + INSERTS)
