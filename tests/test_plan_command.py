"""`bailian-assets plan`: what a run will send and cost, from the same code that runs it,
sending nothing and writing nothing."""

import subprocess
import sys

import pytest

from bailian_assets.backends import simulated_backend
from bailian_assets.cli import main
from bailian_assets.executor.estimate import describe, estimate_project
from bailian_assets.executor.runner import run_project
from bailian_assets.planning.project import load_source
from bailian_assets.simulator.service import BailianSimulator
from conftest import ROOT, clean_env

REVIEWS = [
    "物流很快，包装也好，非常满意",
    "The battery life is great and I love the screen",
    "质量太差了，用了两天就坏了，很失望",
    "The package arrived on Tuesday.",
    "Great camera but the battery is terrible",
    "乏善可陳",
    "ok I guess",
    "awful, broken on arrival, refund please",
]


def job(options="", rows=120, sink="'connector' = 'print'"):
    values = ", ".join(f"({i}, '{REVIEWS[i % len(REVIEWS)]} #{i}')" for i in range(rows))
    return f"""\
CREATE MODEL m INPUT (`input` STRING) OUTPUT (`content` STRING) WITH (
  'provider' = 'bailian', 'api-key' = 'sk-test', 'model' = 'qwen-turbo',
  'endpoint' = 'https://dashscope-intl.aliyuncs.com/compatible-mode/v1/chat/completions',
  'system-prompt' = 'Label the review: [positive, negative, neutral, mixed].' {options});
CREATE VIEW src (id, txt) AS VALUES {values}, ({rows}, CAST(NULL AS STRING));
CREATE TABLE snk (id INT, label STRING) WITH ({sink});
INSERT INTO snk SELECT id, content FROM ML_PREDICT(TABLE src, MODEL m, DESCRIPTOR(txt));
"""


def test_plan_sends_nothing_and_its_figures_match_the_run():
    project = load_source(job(", 'batch-size' = '20'"), "job.sql", {})
    simulator = BailianSimulator()
    (estimate,) = estimate_project(project, simulated_backend(simulator))
    assert simulator.counters.requests == 0
    f = estimate.forecast
    assert (f.rows, f.rows_cached, f.rows_skipped, f.rows_to_send, f.requests) == (
        121,
        0,
        1,
        120,
        6,
    )
    result = run_project(project, simulated_backend(simulator), lambda t, line: None)
    usage = result.model_runs[0].usage
    assert usage.requests == f.requests
    # the estimate counts as the simulator bills; what differs is the answers' length
    assert f.prompt_tokens == usage.prompt_tokens
    assert abs(f.completion_tokens - usage.completion_tokens) <= 0.1 * usage.completion_tokens


def test_rows_already_cached_are_not_counted_again():
    project = load_source(job(rows=40), "job.sql", {})
    run_project(project, simulated_backend(BailianSimulator()), lambda t, line: None)
    (estimate,) = estimate_project(
        load_source(job(rows=50), "job.sql", {}), simulated_backend(BailianSimulator())
    )
    f = estimate.forecast
    assert (f.rows_cached, f.rows_to_send, f.requests) == (40, 10, 10)


def test_cost_and_time_at_the_declared_prices_and_quota():
    options = (
        ", 'rate-limit.rpm' = '60', 'price.input-per-million-tokens' = '2', "
        "'price.output-per-million-tokens' = '6'"
    )
    (estimate,) = estimate_project(
        load_source(job(options, rows=30), "job.sql", {}), simulated_backend(BailianSimulator())
    )
    f = estimate.forecast
    assert estimate.cost == pytest.approx((f.prompt_tokens * 2 + f.completion_tokens * 6) / 1e6)
    assert estimate.seconds == pytest.approx(30.0) and estimate.quota == "60 RPM (declared)"
    table = describe([estimate])
    assert "job.sql:7" in table and "60 RPM (declared)" in table and "~30 s" in table


def test_without_a_quota_the_time_is_unknown_and_plan_writes_no_sink(tmp_path):
    sink = f"'connector' = 'filesystem', 'path' = '{tmp_path / 'out'}', 'format' = 'csv'"
    (estimate,) = estimate_project(
        load_source(job(rows=5, sink=sink), "job.sql", {}), simulated_backend(BailianSimulator())
    )
    assert estimate.seconds is None and estimate.cost is None
    assert not (tmp_path / "out").exists()


def test_an_ml_predict_over_answers_is_counted_and_flagged():
    sql = (
        job(rows=6)
        + """\
CREATE VIEW first_pass AS
  SELECT id, content AS first FROM ML_PREDICT(TABLE src, MODEL m, DESCRIPTOR(txt));
CREATE TABLE again (id INT, label STRING) WITH ('connector' = 'print');
INSERT INTO again SELECT id, content FROM
  ML_PREDICT(TABLE first_pass, MODEL m, DESCRIPTOR(first));
"""
    )
    estimates = estimate_project(
        load_source(sql, "job.sql", {}), simulated_backend(BailianSimulator())
    )
    assert [e.input_known for e in estimates] == [True, True, False]
    assert "its input comes from another ML_PREDICT's answers" in describe(estimates)


def test_plan_command(tmp_path):
    path = tmp_path / "job.sql"
    path.write_text(job(", 'batch-size' = 'auto'", rows=30))
    process = subprocess.run(
        [sys.executable, "-m", "bailian_assets.cli", "plan", str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=clean_env(),
        timeout=120,
    )
    assert process.returncode == 0, process.stderr
    header, line = process.stdout.splitlines()
    assert header.split()[:6] == ["ML_PREDICT", "model", "rows", "cached", "to", "send"]
    assert line.split()[1:6] == ["m", "31", "0", "30", "1"]
    assert "nothing was sent" in process.stderr


def test_plan_refuses_what_run_refuses(tmp_path, capsys):
    assert main(["plan", str(tmp_path / "none.sql")]) == 2
    assert "no such file" in capsys.readouterr().err
    assert main(["plan", str(tmp_path)]) == 2
    assert "plan takes one .sql file" in capsys.readouterr().err


def test_without_a_declared_quota_the_time_is_at_the_last_learned_one():
    from bailian_assets.client.cache import default_cache_dir
    from bailian_assets.client.pacer import Pacer, SharedSchedule

    key = (
        "simulator https://dashscope-intl.aliyuncs.com/compatible-mode/v1/chat/completions "
        "qwen-turbo"
    )  # where the run's requests go: its shared pacer's key
    learning = Pacer(clock=lambda: 0.0, schedule=SharedSchedule(default_cache_dir(), key))
    for _ in range(5):
        learning.on_success(0.1)
    learning.on_throttled()  # the first 429 ends slow start: the rate found is remembered
    found = learning.rate * 60
    assert Pacer(schedule=SharedSchedule(default_cache_dir(), key)).learned_rpm() == pytest.approx(
        found
    )
    (estimate,) = estimate_project(
        load_source(job(rows=12), "job.sql", {}), simulated_backend(BailianSimulator())
    )
    assert estimate.quota == f"{found:,.0f} RPM (learned)"
    assert estimate.seconds == pytest.approx(12 * 60 / found)


def test_a_table_the_job_writes_is_read_as_what_it_would_write(tmp_path):
    import os

    from bailian_assets.planning.project import load_project

    project = load_project([str(ROOT / "sql" / "product_search.sql")])
    estimates = estimate_project(project, simulated_backend(BailianSimulator()))
    assert [e.model for e in estimates] == ["product_embedding"] * 2
    assert [e.input_known for e in estimates] == [True, True]  # products, then queries
    assert all(e.forecast.rows_to_send > 0 for e in estimates)
    output = os.environ["BAILIAN_OUTPUT_DIR"]
    assert not os.path.exists(output) or not os.listdir(output)  # nothing written
