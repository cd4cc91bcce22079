"""The partitioned sample as Dagster runs it: partitions, ranges, checks, schedule, CLI."""

import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path

import dagster as dg
import polars as pl
import pytest

from bailian_assets.integration import build_definitions
from conftest import ROOT

RANGE_TAGS = {
    "dagster/asset_partition_range_start": "2025-01-01",
    "dagster/asset_partition_range_end": "2025-01-03",
}


def partition_folders(out: Path) -> list[str]:
    """The partition folders of a table folder (beside them: the tool's `_bailian_*` files)."""
    return sorted(p.name for p in out.iterdir() if p.name.startswith("dt="))


@pytest.fixture
def project(tmp_path, monkeypatch):
    sql = tmp_path / "sql"
    sql.mkdir()
    text = (ROOT / "sql" / "product_reviews.sql").read_text()
    # the sample's quota is the real one; the tests are about partitions, not pacing
    (sql / "product_reviews.sql").write_text(
        text.replace("'rate-limit.rpm' = '600'", "'rate-limit.rpm' = '60000'")
    )
    shutil.copytree(ROOT / "sql" / "data", sql / "data")
    monkeypatch.setenv("BAILIAN_OUTPUT_DIR", str(tmp_path / "out"))
    return sql, tmp_path / "out" / "review_sentiment_daily"


def test_the_graph_and_its_partitions(project):
    sql, _ = project
    defs = build_definitions(sql)
    sink = defs.resolve_assets_def("review_sentiment_daily")
    # the days that have a folder, registered with the instance (sensor, schedule, or the
    # code loading with DAGSTER_HOME set): no window of empty days
    assert sink.partitions_def == dg.DynamicPartitionsDefinition(name="product_reviews")
    assert sink.asset_deps[dg.AssetKey("review_sentiment_daily")] == {
        dg.AssetKey("product_reviews")
    }
    assert sink.op.pool == "bailian_review_sentiment"
    # no_rows_lost is computed with the rows; the label checks read the stored table, so they
    # also run alone, without re-materializing
    assert {c.name for c in sink.check_specs} == {"no_rows_lost"}
    stored = {
        key.name
        for key in defs.resolve_asset_graph().asset_check_keys
        if key.asset_key == dg.AssetKey("review_sentiment_daily")
    }
    assert stored == {"no_rows_lost", "predicted_label_in_label_set", "predicted_label_accuracy"}
    job = defs.resolve_job_def("product_reviews_job")
    assert job.partitions_def == sink.partitions_def


def registered(instance):
    """The instance as the sensor's first tick leaves it: the sample's days registered."""
    instance.add_dynamic_partitions("product_reviews", ["2025-01-01", "2025-01-02", "2025-01-03"])
    return instance


def test_one_partition_is_processed_alone_with_checks_and_usage(project):
    sql, out = project
    defs = build_definitions(sql)
    job = defs.resolve_job_def("product_reviews_job")
    with dg.instance_for_test() as instance:
        registered(instance)
        result = job.execute_in_process(partition_key="2025-01-02", instance=instance)
    assert result.success
    assert partition_folders(out) == ["dt=2025-01-02"]
    written = pl.read_parquet(out / "dt=2025-01-02" / "part-0.parquet")
    assert written.height == 104 and set(written["predicted_label"]) <= {
        "positive",
        "negative",
        "neutral",
        "mixed",
    }
    (materialization,) = result.asset_materializations_for_node("review_sentiment_daily")
    metadata = materialization.metadata
    assert metadata["dagster/row_count"].value == 104
    assert metadata["usage/requests"].value > 0 and metadata["usage/estimated_cost"].value > 0
    checks = {e.check_name: e for e in result.get_asset_check_evaluations()}
    assert all(e.passed for e in checks.values())
    accuracy = checks["predicted_label_accuracy"].metadata["accuracy"].value
    assert 0.9 <= accuracy < 1.0  # the sample has a few sarcastic reviews the lexicon misreads


def test_a_range_runs_once_and_writes_each_partition_whole(project):
    sql, out = project
    defs = build_definitions(sql)
    job = defs.resolve_job_def("product_reviews_job")
    with dg.instance_for_test() as instance:
        registered(instance)
        assert job.execute_in_process(tags=RANGE_TAGS, instance=instance).success
        assert job.execute_in_process(tags=RANGE_TAGS, instance=instance).success  # re-run
    counts = {
        name: pl.read_parquet(out / name / "part-0.parquet").height
        for name in partition_folders(out)
    }
    assert counts == {"dt=2025-01-01": 96, "dt=2025-01-02": 104, "dt=2025-01-03": 100}


def test_the_schedule_runs_the_day_just_ended(project):
    sql, _ = project
    defs = build_definitions(sql)
    schedule = defs.resolve_schedule_def("product_reviews_job_schedule")
    assert schedule.cron_schedule == "0 2 * * *"
    assert schedule.execution_timezone == "Asia/Shanghai"
    with dg.instance_for_test() as instance:
        tick = dt.datetime(2025, 1, 3, 2, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))
        context = dg.build_schedule_context(
            instance=instance,
            scheduled_execution_time=tick,
            repository_def=defs.get_repository_def(),
        )
        (request,) = schedule.evaluate_tick(context).run_requests
    assert request.partition_key == "2025-01-02"


def test_the_command_line_materializes_a_partition_and_a_range(project, tmp_path):
    sql, out = project
    env = {**os.environ, "DAGSTER_HOME": str(tmp_path / "home"), "BAILIAN_SQL_DIR": str(sql)}
    (tmp_path / "home").mkdir()
    (tmp_path / "home" / "dagster.yaml").write_text("telemetry:\n  enabled: false\n")
    dg = str(Path(os.sys.executable).parent / "dg")
    # the days present are registered as the code loads, on DAGSTER_HOME's instance
    one = subprocess.run(
        [dg, "launch", "--assets", "review_sentiment_daily", "--partition", "2025-01-02"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert one.returncode == 0, one.stderr[-2000:]
    assert partition_folders(out) == ["dt=2025-01-02"]
    every = subprocess.run(
        [
            dg,
            "launch",
            "--assets",
            "review_sentiment_daily",
            "--partition-range",
            "2025-01-01...2025-01-03",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert every.returncode == 0, every.stderr[-2000:]
    assert partition_folders(out) == ["dt=2025-01-01", "dt=2025-01-02", "dt=2025-01-03"]


def test_a_range_records_each_partitions_own_rows_usage_and_folder(project):
    sql, out = project
    defs = build_definitions(sql)
    job = defs.resolve_job_def("product_reviews_job")
    with dg.instance_for_test() as instance:
        registered(instance)
        result = job.execute_in_process(tags=RANGE_TAGS, instance=instance)
        assert result.success
        logs = [e.message for e in instance.all_logs(result.run_id) if e.dagster_event is None]
        observations = instance.fetch_observations(dg.AssetKey("product_reviews"), limit=10).records
    by_partition = {
        m.partition: m.metadata
        for m in result.asset_materializations_for_node("review_sentiment_daily")
    }
    assert sorted(by_partition) == ["2025-01-01", "2025-01-02", "2025-01-03"]
    rows = {key: metadata["dagster/row_count"].value for key, metadata in by_partition.items()}
    assert rows == {"2025-01-01": 96, "2025-01-02": 104, "2025-01-03": 100}
    for key, metadata in by_partition.items():
        # usage of that day alone: each of its rows was sent or answered from the cache
        assert metadata["usage/rows"].value == rows[key]
        assert metadata["path"].value == str((out / f"dt={key}").resolve())
        assert metadata["bailian/partition"].value == key
    # every log line about a partition names it
    summaries = [line for line in logs if line.startswith("partition ")]
    assert {line.split(":")[0] for line in summaries} == {
        "partition 2025-01-01",
        "partition 2025-01-02",
        "partition 2025-01-03",
    }
    assert any("2025-01-02: review_sentiment_daily: 104 rows" in line for line in logs)
    # the source says which files each day read and how many rows they held
    read = {
        o.event_log_entry.asset_observation.partition: o.event_log_entry.asset_observation.metadata
        for o in observations
    }
    assert read["2025-01-03"]["dagster/row_count"].value == 100
    assert read["2025-01-03"]["bailian/files_read"].value == 1
    assert "dt=2025-01-03/part-0.json" in read["2025-01-03"]["bailian/files"].value


def sensor_tick(defs, instance, cursor=None):
    sensor = defs.resolve_sensor_def("product_reviews_job_new_partitions")
    context = dg.build_sensor_context(
        instance=instance,
        instance_ref=instance.get_ref(),
        cursor=cursor,
        repository_def=defs.get_repository_def(),
    )
    result = sensor.evaluate_tick(context)
    for request in result.dynamic_partitions_requests or []:  # what the daemon does
        instance.add_dynamic_partitions(request.partitions_def_name, request.partition_keys)
    return result


def test_the_sensor_registers_the_days_present_then_materializes_a_new_one(project):
    sql, out = project
    defs = build_definitions(sql)
    with dg.instance_for_test() as instance:
        first = sensor_tick(defs, instance)
        assert first.run_requests == [] and "registered 3 partition(s)" in first.skip_message
        assert instance.get_dynamic_partitions("product_reviews") == [
            "2025-01-01",
            "2025-01-02",
            "2025-01-03",
        ]
        quiet = sensor_tick(defs, instance, first.cursor)
        assert quiet.run_requests == [] and "no new folder" in quiet.skip_message
        day = sql / "data" / "product_reviews" / "dt=2025-01-04"
        day.mkdir()
        shutil.copy(day.parent / "dt=2025-01-03" / "part-0.json", day)
        fresh = sensor_tick(defs, instance, quiet.cursor)
        (request,) = fresh.run_requests
        assert request.partition_key == "2025-01-04"
        assert "2025-01-04" in instance.get_dynamic_partitions("product_reviews")
        job = defs.resolve_job_def("product_reviews_job")
        assert job.execute_in_process(
            partition_key=request.partition_key, instance=instance
        ).success
    assert partition_folders(out) == ["dt=2025-01-04"]


def test_a_schedule_tick_for_a_day_without_data_skips_with_the_reason(project):
    sql, _ = project
    defs = build_definitions(sql)
    schedule = defs.resolve_schedule_def("product_reviews_job_schedule")
    with dg.instance_for_test() as instance:
        tick = dt.datetime(2025, 1, 9, 2, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))
        context = dg.build_schedule_context(
            instance=instance,
            scheduled_execution_time=tick,
            repository_def=defs.get_repository_def(),
        )
        data = schedule.evaluate_tick(context)
    assert not data.run_requests
    assert data.skip_message.startswith(
        "no data for 2025-01-08: table 'product_reviews' has no folder"
    )
