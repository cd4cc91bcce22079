"""What the UI shows is right: column COMMENTs and lineage, URIs, kinds, the model resource's
options, costs with their currency, vectors summarized, launchpad overrides that take effect,
checks that run alone, pools limited out of the box."""

import json
import shutil

import dagster as dg
import httpx
import polars as pl
import pytest

from bailian_assets.backends import simulated_backend
from bailian_assets.client.backend import Backend
from bailian_assets.integration import build_definitions, register_partitions, resources
from bailian_assets.integration.metadata import summarize_vector
from bailian_assets.simulator.service import BailianSimulator
from conftest import CHAT_MODEL, ROOT

COMMENTED = (
    CHAT_MODEL.replace(
        "'sk-test', 'model' = 'qwen-turbo',",
        "'sk-test', 'model' = 'qwen-turbo', 'rate-limit.rpm' = '60000', "
        "'price.input-per-million-tokens' = '0.4', "
        "'price.output-per-million-tokens' = '1.2', "
        "'price.currency' = 'CNY',",
    )
    + """
CREATE TEMPORARY VIEW reviews (id, body) AS VALUES (1, 'great, I love it'), (2, 'awful');
CREATE TABLE labelled (
  id BIGINT COMMENT 'the review''s id',
  label STRING COMMENT 'what the model answered'
) COMMENT 'reviews with their labels' WITH ('connector' = 'filesystem', 'path' = 'out',
  'format' = 'csv');
INSERT INTO labelled SELECT id, content FROM ML_PREDICT(TABLE reviews, MODEL m, DESCRIPTOR(body));
"""
)


@pytest.fixture
def commented(tmp_path):
    sql = tmp_path / "sql"
    sql.mkdir()
    (sql / "job.sql").write_text(COMMENTED)
    return sql


def spec_of(defs, key: str) -> dg.AssetSpec:
    return next(iter(defs.resolve_assets_def(key).specs))


def test_columns_lineage_uri_kinds_and_the_resources_page(commented):
    defs = build_definitions(commented)
    sink = spec_of(defs, "labelled")
    columns = {c.name: c.description for c in sink.metadata["dagster/column_schema"].columns}
    assert columns == {"id": "the review's id", "label": "what the model answered"}
    assert sink.description.startswith("reviews with their labels")
    lineage = sink.metadata["dagster/column_lineage"].deps_by_column
    assert [(d.asset_key.to_user_string(), d.column_name) for d in lineage["label"]] == [
        ("reviews", "body")
    ]  # the model's answer depends on the text sent
    assert [(d.asset_key.to_user_string(), d.column_name) for d in lineage["id"]] == [
        ("reviews", "id")
    ]
    assert sink.metadata["dagster/uri"].value == (commented / "out").resolve().as_uri()
    assert sink.kinds == {"flink", "bailian", "qwen", "csv"}
    resource = defs.resources["model_m"]
    assert resource.model == "qwen-turbo" and resource.endpoint.startswith("https://")
    assert resource.options["rate-limit.rpm"] == "60000"
    assert resource.options["price.currency"] == "CNY"
    assert resource.options["api-key"] == "******"
    assert "sk-test" not in repr(resource) and "sk-test" not in str(resource.options)


def test_cost_has_its_currency_and_a_run_records_once(commented):
    defs = build_definitions(commented)
    with dg.instance_for_test() as instance:
        result = defs.resolve_implicit_global_asset_job_def().execute_in_process(instance=instance)
        assert result.success
        events = [
            e
            for e in instance.all_logs(result.run_id)
            if e.dagster_event
            and e.dagster_event.event_type_value == "ASSET_MATERIALIZATION"
            and e.dagster_event.asset_key == dg.AssetKey("labelled")
        ]
    assert len(events) == 1  # the metadata is recorded once, not twice
    (materialization,) = result.asset_materializations_for_node("labelled")
    metadata = materialization.metadata
    assert metadata["usage/estimated_cost"].value > 0
    assert metadata["usage/currency"].value == "CNY"
    assert metadata["path"].value == str((commented / "out").resolve())
    assert metadata["bailian/endpoints"].value.startswith("none: the built-in simulator")


def test_a_vector_is_summarized_not_printed_whole():
    vector = [0.0] * 1022 + [0.6, 0.8]
    assert summarize_vector(vector) == "dim 1024, norm 1.000, [0.0000, 0.0000, 0.0000, 0.0000, ...]"


def test_launchpad_overrides_of_the_model_take_effect_or_fail_by_name(commented):
    defs = build_definitions(commented)
    job = defs.resolve_implicit_global_asset_job_def()
    resource = defs.resources["model_m"]
    as_written = {"endpoint": resource.endpoint, "model": resource.model}
    # the launchpad shows the options as the SQL writes them (the key masked); one is changed
    prompt = {
        **as_written,
        "options": {**resource.options, "system-prompt": "Answer with one of [yes, no]."},
    }
    with dg.instance_for_test() as instance:
        result = job.execute_in_process(
            instance=instance, run_config={"resources": {"model_m": {"config": prompt}}}
        )
        assert result.success
    written = pl.read_csv(commented / "out" / "part-0.csv", has_header=False)
    assert set(written[:, 1]) <= {"yes", "no"}  # the overriding prompt's labels
    with dg.instance_for_test() as instance:
        failed = job.execute_in_process(
            instance=instance,
            raise_on_error=False,
            run_config={
                "resources": {
                    "model_m": {
                        "config": {
                            **as_written,
                            "options": {**resource.options, "temperature": "hot"},
                        }
                    }
                }
            },
        )
    assert not failed.success
    (failure,) = [e for e in failed.all_events if e.event_type_value == "STEP_FAILURE"]
    assert "temperature" in failure.step_failure_data.error.message


def test_stored_checks_run_alone_on_the_rows_already_written(tmp_path, monkeypatch):
    sql = tmp_path / "sql"
    sql.mkdir()
    (sql / "product_reviews.sql").write_text(
        (ROOT / "sql" / "product_reviews.sql").read_text().replace("'600'", "'60000'")
    )
    shutil.copytree(ROOT / "sql" / "data", sql / "data")
    monkeypatch.setenv("BAILIAN_OUTPUT_DIR", str(tmp_path / "out"))
    defs = build_definitions(sql)
    checks = [
        c
        for c in defs.asset_checks
        if c.check_key.name in ("predicted_label_accuracy", "predicted_label_in_label_set")
    ]
    with dg.instance_for_test() as instance:
        register_partitions(instance, sql)
        job = defs.resolve_job_def("product_reviews_job")
        assert job.execute_in_process(partition_key="2025-01-03", instance=instance).success
        alone = dg.materialize(
            checks, instance=instance, selection=dg.AssetSelection.all_asset_checks()
        )
        assert not alone.asset_materializations_for_node("review_sentiment_daily")
        evaluations = {e.check_name: e for e in alone.get_asset_check_evaluations()}
    assert evaluations["predicted_label_in_label_set"].passed
    assert evaluations["predicted_label_accuracy"].metadata["rows_compared"].value == 100


def test_a_home_instance_gets_partitions_and_pool_limits_at_load(tmp_path, monkeypatch):
    home = tmp_path / "dagster_home"
    home.mkdir()
    (home / "dagster.yaml").write_text("telemetry:\n  enabled: false\n")
    monkeypatch.setenv("DAGSTER_HOME", str(home))
    sql = tmp_path / "sql"
    shutil.copytree(ROOT / "sql", sql)
    with dg.DagsterInstance.get() as instance:
        instance.event_log_storage.set_concurrency_slots("bailian_product_embedder", 2)
    build_definitions(sql)
    with dg.DagsterInstance.get() as instance:
        assert instance.get_dynamic_partitions("product_reviews") == [
            "2025-01-01",
            "2025-01-02",
            "2025-01-03",
        ]
        limits = {p.name: p.limit for p in instance.event_log_storage.get_pool_limits()}
    assert limits["bailian_review_sentiment"] == 4
    assert limits["bailian_ai_analyze_sentiment"] == 4
    assert limits["bailian_product_embedder"] == 2  # a limit already set is kept


class _Recording(httpx.AsyncBaseTransport):
    """The simulator, recording each request's URL and the model it names."""

    def __init__(self):
        self.simulator = simulated_backend(BailianSimulator()).transport
        self.seen: list[tuple[str, str]] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.seen.append((str(request.url), json.loads(request.content)["model"]))
        return await self.simulator.handle_async_request(request)


@pytest.mark.parametrize(
    "changed",
    [
        {"model": "qwen-plus"},
        {"endpoint": "https://dashscope.aliyuncs.com/compatible-mode/v1/chat/completions"},
        {"options": {"temperature": "0.1"}},
    ],
)
def test_a_run_config_changes_one_field_of_a_model_alone(commented, monkeypatch, changed):
    """The launchpad's run config names only the field it changes: the others stay the SQL's."""
    recording = _Recording()
    backend = Backend(recording, False, "a recording transport")
    monkeypatch.setattr(resources, "_backend_from_env", lambda: backend)
    defs = build_definitions(commented)
    job = defs.resolve_implicit_global_asset_job_def()
    with dg.instance_for_test() as instance:
        result = job.execute_in_process(
            instance=instance, run_config={"resources": {"model_m": {"config": changed}}}
        )
    assert result.success
    urls, models = {url for url, _ in recording.seen}, {model for _, model in recording.seen}
    assert models == {changed.get("model", "qwen-turbo")}
    written = "https://dashscope-intl.aliyuncs.com/compatible-mode/v1/chat/completions"
    assert urls == {changed.get("endpoint", written)}
    (materialization,) = result.asset_materializations_for_node("labelled")
    assert materialization.metadata["bailian/endpoints"].value == changed.get("endpoint", written)
    if "options" in changed:  # the other options (prices) are kept: the cost is still known
        assert materialization.metadata["usage/currency"].value == "CNY"
