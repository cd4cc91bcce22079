"""FlinkSqlComponent: scaffolded, configured in YAML and in Python, two instances side by side,
code versions, and a broken file that leaves the rest loaded."""

import shutil

import dagster as dg
import pytest
import yaml
from dagster.components.core.component_tree import ComponentTree
from dagster.components.testing import create_defs_folder_sandbox

from bailian_assets import FlinkSqlComponent, FlinkSqlTranslator
from bailian_assets.errors import SqlError
from bailian_assets.integration import build_definitions
from conftest import ROOT


def logged_rows(instance, result) -> list[str]:
    return [
        e.message
        for e in instance.all_logs(result.run_id)
        if e.dagster_event is None and e.message.startswith("+I[")
    ]


def write_defs_yaml(folder, attributes: dict) -> None:
    (folder / "defs.yaml").write_text(
        yaml.safe_dump({"type": "bailian_assets.FlinkSqlComponent", "attributes": attributes})
    )


def test_scaffolded_instances_load_side_by_side_and_run(tmp_path):
    with create_defs_folder_sandbox() as sandbox:
        for name in ("reviews", "search"):
            folder = sandbox.scaffold_component(FlinkSqlComponent, defs_path=name)
            written = yaml.safe_load((folder / "defs.yaml").read_text())
            # (the sandbox names the class by its module; `dg scaffold` by the name given)
            assert written["type"].endswith(".FlinkSqlComponent")
            assert written["attributes"] == {"sql_dir": "sql"}
            assert (folder / "sql" / f"{name}.sql").is_file()
        with sandbox.build_all_defs() as defs:
            keys = {k.to_user_string() for k in defs.resolve_asset_graph().get_all_asset_keys()}
            assert {
                "reviews_labels",
                "reviews_comments",
                "search_labels",
                "search_comments",
            } <= keys
            # each instance's resources under its own folder's prefix: no collision
            assert {
                "reviews__model_reviews_sentiment",
                "search__model_search_sentiment",
                "reviews__bailian_table_io_manager",
                "search__bailian_frame_io_manager",
            } <= set(defs.resources)
            job = defs.resolve_job_def("reviews__reviews_job")  # jobs too carry the prefix
            with dg.instance_for_test() as instance:
                result = job.execute_in_process(instance=instance)
                assert result.success
                rows = logged_rows(instance, result)
    assert rows == [
        "+I[1, I love it, works great, positive, positive]",
        "+I[2, terrible, broke after a day, negative, negative]",
    ]


def test_one_folder_twice_with_key_prefixes_and_yaml_translation():
    with create_defs_folder_sandbox() as sandbox:
        for name in ("first", "second"):
            folder = sandbox.defs_folder_path / name
            (folder / "sql").mkdir(parents=True)
            shutil.copy(ROOT / "sql" / "movie_sentiment.sql", folder / "sql")
            # the same file in both: asset keys apart by key_prefix, groups by one template
            groups = {"group_name": "first_{{ data.group }}"} if name == "first" else {}
            write_defs_yaml(
                folder,
                {
                    "sql_dir": "sql",
                    "translation": {
                        "key_prefix": name,
                        **groups,
                        "owners": ["team:ml"],
                        "tags": {"layer": "{{ data.kind }}"},
                        "kinds": ["snowflake"],
                        "description": "{{ data.name }} of {{ data.path }}",
                    },
                },
            )
        with sandbox.build_all_defs() as defs:
            sink = defs.resolve_assets_def(dg.AssetKey(["second", "print_sink"]))
            spec = next(iter(sink.specs))
            assert sink.asset_deps[spec.key] == {dg.AssetKey(["second", "movie_comment"])}
            assert spec.group_name == "movie_sentiment"
            first = next(iter(defs.resolve_assets_def(dg.AssetKey(["first", "print_sink"])).specs))
            assert first.group_name == "first_movie_sentiment"
            assert spec.owners == ["team:ml"]
            assert spec.tags["layer"] == "sink"
            assert spec.kinds == {"snowflake"}  # set in YAML: replaces the translator's
            assert spec.description == "print_sink of movie_sentiment.sql"
            assert sink.required_resource_keys >= {"second__model_ai_analyze_sentiment"}
            assert {
                "first__model_ai_analyze_sentiment",
                "second__model_ai_analyze_sentiment",
            } <= set(defs.resources)
            assert defs.resolve_job_def("second__movie_sentiment_job")
            job = defs.resolve_job_def("first__first_movie_sentiment_job")
            with dg.instance_for_test() as instance:
                result = job.execute_in_process(instance=instance)
                assert result.success
                assert "+I[2, 水餃皇后, negative, negative]" in logged_rows(instance, result)


class OwnedByTeam(FlinkSqlTranslator):
    def get_group_name(self, relation):
        return "ai_" + super().get_group_name(relation)

    def get_owners(self, relation):
        return ["team:search"] if relation.kind == "sink" else []

    def get_tags(self, relation):
        return {"models": ",".join(m.name for m in relation.models) or "none"}


class TeamComponent(FlinkSqlComponent):
    def get_translator(self):
        return OwnedByTeam()


def test_a_python_translator_shapes_every_spec(tmp_path):
    sql = tmp_path / "sql"
    sql.mkdir()
    shutil.copy(ROOT / "sql" / "movie_sentiment.sql", sql)
    component = TeamComponent(sql_dir=str(sql), resource_key_prefix="")
    defs = component.build_defs(ComponentTree.for_test().load_context)
    sink = next(iter(defs.resolve_assets_def("print_sink").specs))
    view = next(iter(defs.resolve_assets_def("movie_comment").specs))
    assert (sink.group_name, sink.owners) == ("ai_movie_sentiment", ["team:search"])
    assert sink.tags["models"] == "ai_analyze_sentiment" and view.tags["models"] == "none"
    assert view.owners == []


def code_versions(sql_dir) -> dict[str, str]:
    defs = build_definitions(sql_dir)
    return {
        k.to_user_string(): node.code_version
        for k, node in (
            (k, defs.resolve_asset_graph().get(k))
            for k in defs.resolve_asset_graph().materializable_asset_keys
        )
    }


def test_code_version_follows_the_sql_and_the_models_options(tmp_path):
    sql = tmp_path / "sql"
    sql.mkdir()
    text = (ROOT / "sql" / "movie_sentiment.sql").read_text()
    (sql / "movie_sentiment.sql").write_text(text)
    before = code_versions(sql)
    assert all(len(v) == 16 for v in before.values())
    (sql / "movie_sentiment.sql").write_text(text.replace("'qwen-turbo'", "'qwen-plus'"))
    changed_model = code_versions(sql)
    assert changed_model["print_sink"] != before["print_sink"]  # it calls the model
    assert changed_model["movie_comment"] == before["movie_comment"]  # it does not
    (sql / "movie_sentiment.sql").write_text("-- a comment elsewhere\n" + text)
    assert code_versions(sql) == before  # the statements are what is hashed, not the file


BROKEN = "INSERT INTO print_sink SELECT nope FROM movie_comment;\n"


def broken_project(tmp_path):
    sql = tmp_path / "sql"
    sql.mkdir()
    shutil.copy(ROOT / "sql" / "movie_sentiment.sql", sql)
    (sql / "broken.sql").write_text(BROKEN)
    return sql


def test_a_broken_file_leaves_the_rest_loaded_and_shows_its_errors(tmp_path):
    sql = broken_project(tmp_path)
    defs = build_definitions(sql, isolate_errors=True)
    keys = {k.to_user_string() for k in defs.resolve_asset_graph().get_all_asset_keys()}
    assert keys == {"movie_comment", "print_sink", "sql_errors/broken"}
    spec = next(
        iter(defs.resolve_asset_graph().get(dg.AssetKey(["sql_errors", "broken"])).assets_def.specs)
    )
    # the report exactly as `bailian-assets check` prints it: located, caret aligned
    report = spec.description.split("```text\n")[1].split("\n```")[0]
    lines = report.splitlines()
    assert lines[0] == "broken.sql:1:31: error: Column 'nope' not found in any table"
    assert lines[1] == "    1 | " + BROKEN.rstrip()
    assert lines[2].index("^") == lines[1].index("nope")
    code_reference = spec.metadata["dagster/code_references"].code_references[0]
    assert code_reference.file_path.endswith("broken.sql") and code_reference.line_number == 1
    # its check reads the file again: failing now, passing once the file is fixed
    check = next(c for c in defs.asset_checks if c.check_key.name == "sql_is_valid")
    with dg.instance_for_test() as instance:
        failed = dg.materialize(
            [check],
            instance=instance,
            raise_on_error=False,
            selection=dg.AssetSelection.all_asset_checks(),
        )
        (evaluation,) = failed.get_asset_check_evaluations()
        assert not evaluation.passed and evaluation.metadata["errors"].value == 1
    # and the whole load still fails where a verdict is wanted (`dg check defs`, CI)
    with pytest.raises(SqlError, match=r"broken.sql:1:31: error: Column 'nope'"):
        build_definitions(sql)


def test_two_files_that_clash_leave_the_others_loaded(tmp_path):
    sql = broken_project(tmp_path)
    (sql / "broken.sql").unlink()
    (sql / "other.sql").write_text(
        "CREATE TABLE quiet (id BIGINT) WITH ('connector' = 'blackhole');\n"
        "INSERT INTO quiet SELECT id FROM movie_comment;\n"
    )
    # two permanent declarations of one name clash (two files' TEMPORARY ones would not: each
    # would be its own file's, as in Flink)
    (sql / "zz_clash.sql").write_text(
        "CREATE TABLE quiet (id BIGINT) WITH ('connector' = 'blackhole');\n"
    )
    defs = build_definitions(sql, isolate_errors=True)
    keys = {k.to_user_string() for k in defs.resolve_asset_graph().get_all_asset_keys()}
    assert {"movie_comment", "print_sink", "quiet"} <= keys
    (broken,) = [k for k in keys if k.startswith("sql_errors/")]
    spec = next(
        iter(defs.resolve_asset_graph().get(dg.AssetKey.from_user_string(broken)).assets_def.specs)
    )
    assert "'quiet' already exists" in spec.description and "other.sql:1:" in spec.description
