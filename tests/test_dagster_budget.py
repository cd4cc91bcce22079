"""One budget per Dagster run (integration/run_budget.py): the assets of a run spend from the
same ledgers, as every ML_PREDICT of `bailian-assets run` does, and a run-wide limit is set in
the run config."""

import dagster as dg

from bailian_assets.client.budget import BUDGET_EXHAUSTED
from bailian_assets.integration import build_definitions
from conftest import CHAT_MODEL


def _rows(what: str) -> str:
    return ", ".join(f"({i}, '{what} number {i}: quite good, I liked it')" for i in range(8))


SQL = (
    CHAT_MODEL.replace("'sk-test',", "'sk-test', 'error-handling-strategy' = 'IGNORE',")
    + f"""
CREATE TEMPORARY VIEW reviews (id, body) AS VALUES {_rows("review")};
CREATE TEMPORARY VIEW comments (id, body) AS VALUES {_rows("comment")};
CREATE TEMPORARY TABLE first_labels (id INT, label STRING) WITH ('connector' = 'blackhole');
CREATE TEMPORARY TABLE second_labels (id INT, label STRING) WITH ('connector' = 'blackhole');
INSERT INTO first_labels SELECT id, content
  FROM ML_PREDICT(TABLE reviews, MODEL m, DESCRIPTOR(body));
INSERT INTO second_labels SELECT id, content
  FROM ML_PREDICT(TABLE comments, MODEL m, DESCRIPTOR(body));
"""
)
SINKS = ("first_labels", "second_labels")


def _run(sql_dir, config: dict | None = None) -> dict[str, dict]:
    """Each sink's usage metadata, from one run of both."""
    defs = build_definitions(sql_dir)
    job = defs.resolve_implicit_global_asset_job_def()
    with dg.instance_for_test() as instance:
        result = job.execute_in_process(instance=instance, run_config=config or {})
    assert result.success
    return {
        sink: {k[len("usage/") :]: v.value for k, v in m.metadata.items() if k.startswith("usage/")}
        for sink in SINKS
        for m in result.asset_materializations_for_node(sink)
    }


def test_the_second_asset_of_a_run_stops_at_the_runs_budget(tmp_path, monkeypatch):
    sql = tmp_path / "sql"
    sql.mkdir()
    (sql / "job.sql").write_text(SQL)
    monkeypatch.setenv("BAILIAN_CACHE_DIR", str(tmp_path / "cache-free"))
    free = _run(sql)
    one_asset = _tokens(free["first_labels"])
    assert _tokens(free["second_labels"]) == one_asset > 0
    assert not any("failure_reasons" in usage for usage in free.values())

    # a run-wide budget of one asset and a half: the first asset is answered in full, the
    # second stops where the run's budget ends (the cache is fresh again: every row is paid)
    monkeypatch.setenv("BAILIAN_CACHE_DIR", str(tmp_path / "cache-budget"))
    limit = one_asset * 3 // 2
    config = {"resources": {"bailian_run_budget": {"config": {"max_tokens": limit}}}}
    used = _run(sql, config)
    refused = {
        sink: usage.get("failure_reasons", {}).get(BUDGET_EXHAUSTED, 0)
        for sink, usage in used.items()
    }
    first, second = sorted(SINKS, key=lambda sink: refused[sink])
    assert refused[first] == 0 and 0 < refused[second] < 8
    assert sum(_tokens(usage) for usage in used.values()) <= limit


def _tokens(usage: dict) -> int:
    return usage["prompt_tokens"] + usage["completion_tokens"]
