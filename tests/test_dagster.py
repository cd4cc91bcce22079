"""The Dagster integration: definitions from SQL files, materialized in-process."""

import shutil
from pathlib import Path

import dagster as dg
import pytest

from bailian_assets.errors import SqlError
from bailian_assets.integration import BailianModelResource, build_definitions
from conftest import ROOT

KEY = "sk-dagster-secret-42"

EXTRA = """\
CREATE TABLE quiet (id BIGINT, label STRING) WITH ('connector' = 'blackhole');
CREATE VIEW positive_only AS
SELECT id, content AS label FROM ML_PREDICT(TABLE movie_comment, MODEL ai_analyze_sentiment,
                                            DESCRIPTOR(user_comment))
WHERE content = 'positive';
INSERT INTO quiet SELECT id, label FROM positive_only;
"""


@pytest.fixture
def sql_dir(tmp_path):
    folder = tmp_path / "sql"
    folder.mkdir()
    shutil.copy(ROOT / "sql" / "movie_sentiment.sql", folder)
    (folder / "extra.sql").write_text(EXTRA)
    return folder


def materialize_all(defs, instance):
    job = defs.resolve_implicit_global_asset_job_def()
    return job.execute_in_process(instance=instance)


def test_asset_graph_from_sql(sql_dir):
    defs = build_definitions(sql_dir)
    graph = defs.resolve_asset_graph()
    keys = {k.to_user_string() for k in graph.get_all_asset_keys()}
    assert keys == {"movie_comment", "print_sink", "positive_only", "quiet"}
    sink = defs.resolve_assets_def("print_sink")
    assert sink.asset_deps[dg.AssetKey("print_sink")] == {dg.AssetKey("movie_comment")}
    assert sink.required_resource_keys >= {"model_ai_analyze_sentiment"}
    spec = next(iter(sink.specs))
    references = spec.metadata["dagster/code_references"].code_references
    assert references[0].file_path.endswith("movie_sentiment.sql")
    assert references[0].line_number == 24
    assert spec.group_name == "movie_sentiment"
    assert "INSERT INTO print_sink" in spec.description


def test_materialize_prints_the_documents_rows_and_records_metadata(sql_dir, caplog):
    defs = build_definitions(sql_dir)
    with dg.instance_for_test() as instance:
        result = materialize_all(defs, instance)
        assert result.success
        logs = [e.message for e in instance.all_logs(result.run_id) if e.dagster_event is None]
    assert "+I[1, 好東西, positive, positive]" in logs
    assert "+I[2, 水餃皇后, negative, negative]" in logs
    assert any("built-in Bailian simulator" in line for line in logs)
    (materialization,) = list(result.asset_materializations_for_node("print_sink"))
    metadata = materialization.metadata
    assert metadata["dagster/row_count"].value == 2
    # two assets run the same ML_PREDICT: whichever runs second is answered by the cache
    assert metadata["usage/requests"].value + metadata["usage/cache_hits"].value == 2
    assert metadata["usage/rows_failed"].value == 0
    assert [r.data["movie_name"] for r in metadata["preview"].value.records] == [
        "好東西",
        "水餃皇后",
    ]
    assert "built-in Bailian simulator" in metadata["bailian/provider"].value
    checks = {e.check_name: e for e in result.get_asset_check_evaluations()}
    assert checks["predict_label_in_label_set"].passed and checks["no_rows_lost"].passed
    accuracy = checks["predict_label_accuracy"]
    assert accuracy.passed and accuracy.metadata["accuracy"].value == 1.0
    assert "| positive | 0 | 0 | 0 | 1 |" in accuracy.metadata["confusion_matrix"].value
    quiet = result.asset_materializations_for_node("quiet")[0]
    assert quiet.metadata["dagster/row_count"].value == 1


def test_api_key_is_bound_with_envvar_and_never_stored(sql_dir, monkeypatch):
    monkeypatch.setenv("DASHSCOPE_API_KEY", KEY)
    defs = build_definitions(sql_dir)
    resource = defs.resources["model_ai_analyze_sentiment"]
    assert isinstance(resource, BailianModelResource)
    assert isinstance(resource.api_key, dg.EnvVar) and resource.api_key == "DASHSCOPE_API_KEY"
    with dg.instance_for_test() as instance:
        assert materialize_all(defs, instance).success
        stored = [
            str(record)
            for key in ("print_sink", "movie_comment")
            for record in instance.fetch_materializations(dg.AssetKey(key), limit=10).records
        ]
        stored += [str(entry) for entry in instance.all_logs(instance.get_runs()[0].run_id)]
        files = [
            path.read_bytes() for path in Path(instance.root_directory).rglob("*") if path.is_file()
        ]
    assert stored and not any(KEY in text for text in stored)
    assert files and not any(KEY.encode() in blob for blob in files)


def test_sql_mistakes_fail_loudly_with_places(sql_dir):
    (sql_dir / "broken.sql").write_text("INSERT INTO print_sink SELECT nope FROM movie_comment;")
    with pytest.raises(SqlError, match=r"broken.sql:1:31: error: Column 'nope' not found"):
        build_definitions(sql_dir)


def test_repo_code_location_loads():
    from defs import defs

    assert dg.Definitions.validate_loadable(defs) is None
