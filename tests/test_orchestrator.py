"""One run orchestrator (executor/runner.py) behind `bailian-assets run` and the Dagster assets:
the same clients, budgets and events, the Dagster side only adapting them to context.log."""

import dagster as dg

from bailian_assets.backends import simulated_backend
from bailian_assets.executor.runner import ModelBinding, Orchestrator, Relations, RunEvents
from bailian_assets.integration.definitions import build_definitions
from bailian_assets.planning.project import load_source
from bailian_assets.simulator.service import BailianSimulator

MODEL = """\
CREATE MODEL m INPUT (`input` STRING) OUTPUT (`content` STRING) WITH (
  'provider' = 'bailian', 'api-key' = 'sk-test', 'model' = 'qwen-turbo',
  'endpoint' = 'https://dashscope-intl.aliyuncs.com/compatible-mode/v1/chat/completions',
  'system-prompt' = 'Label it: [positive, negative, neutral, mixed].',
  'error-handling-strategy' = 'IGNORE');
CREATE VIEW src (id, txt) AS VALUES %s;
CREATE VIEW other (id, txt) AS SELECT id, CONCAT(txt, ' again') FROM src;
CREATE TABLE a (id INT, label STRING) WITH ('connector' = 'print');
INSERT INTO a SELECT id, content FROM ML_PREDICT(TABLE src, MODEL m, DESCRIPTOR(txt));
INSERT INTO a SELECT id, content FROM ML_PREDICT(TABLE other, MODEL m, DESCRIPTOR(txt));
"""
ROWS = ", ".join(f"({i}, 'review {i} is great')" for i in range(30))


class Recorded(RunEvents):
    def __init__(self):
        self.lines: list[str] = []

    def info(self, text):
        self.lines.append(text)

    def warning(self, text):
        self.lines.append("warning: " + text)


def test_compute_reports_each_ml_predict_and_the_rows_naming_the_partition():
    project = load_source(MODEL % ROWS, "t.sql", {})
    simulator = BailianSimulator()
    events = Recorded()
    run = Orchestrator(simulated_backend(simulator), events)
    relations = Relations(project, run.executor)
    computed = run.compute(
        "a", [i.query for i in project.inserts], relations.resolve, partition="2025-01-02"
    )
    assert computed.frame.height == 60 and len(computed.model_runs) == 2
    assert run.model_runs == computed.model_runs and set(run.models) == {"m"}
    told = [line for line in events.lines if "model calls go to" in line]
    assert told == ["model calls go to the " + run.backend.description]  # once per run
    assert [line for line in events.lines if "ML_PREDICT" in line] == [
        f"partition 2025-01-02: ML_PREDICT with model 'm' at t.sql:{line}: " + r.usage.describe()
        for line, r in zip((9, 10), computed.model_runs, strict=False)
    ]
    assert events.lines[-1] == "partition 2025-01-02: a: 60 rows"
    assert simulator.counters.requests == 60


def test_each_model_is_called_as_the_run_binds_it():
    project = load_source(MODEL % ROWS, "t.sql", {})
    bound = BailianSimulator()
    seen = []

    def bind(spec):
        seen.append(spec.name)
        return ModelBinding(spec, simulated_backend(bound))

    run = Orchestrator(events=Recorded(), bind=bind)
    result = run.run_project(project, lambda table, line: None)
    assert seen == ["m", "m"] and bound.counters.requests == 60
    assert result.sinks["a"].height == 60 and len(result.model_runs) == 2


def test_a_dagster_asset_spends_one_budget_as_the_command_line_does(tmp_path):
    """The SQL's job budget covers every ML_PREDICT of an asset in Dagster too (each client
    had a budget of its own before the orchestrator was shared)."""
    sql = "SET 'budget.max-tokens' = '900';\n" + MODEL % ROWS
    (tmp_path / "t.sql").write_text(sql, encoding="utf-8")
    defs = build_definitions(tmp_path)
    with dg.instance_for_test() as instance:
        result = defs.resolve_implicit_global_asset_job_def().execute_in_process(instance=instance)
        logs = [e.message for e in instance.all_logs(result.run_id) if e.dagster_event is None]
    assert result.success
    metadata = result.asset_materializations_for_node("a")[0].metadata
    assert metadata["usage/rows"].value == 60
    tokens = metadata["usage/prompt_tokens"].value + metadata["usage/completion_tokens"].value
    assert tokens <= 900
    assert metadata["usage/rows_failed"].value > 0  # the rows past the budget, kept and counted
    # the same lines as on the command line, from the same orchestrator
    assert any(line.startswith("ML_PREDICT with model 'm' at t.sql:10: ") for line in logs)
    assert "a: 60 rows" in logs
