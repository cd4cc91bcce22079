"""TEMPORARY models belong to their file, as TEMPORARY tables and views do (a Flink job is one
file, with a session of its own): two files may each `CREATE TEMPORARY MODEL m`, each file's
ML_PREDICT uses its own, and each is a Dagster resource of its own (`model_<file>__m`). A
permanent model stays global: a clash of two names both files."""

import json
import os
import subprocess
import sys
from pathlib import Path

import dagster as dg
import pytest

from bailian_assets.backends import simulated_backend
from bailian_assets.cli import main
from bailian_assets.errors import SqlError
from bailian_assets.executor.runner import run_project
from bailian_assets.planning.project import load_project
from bailian_assets.simulator.service import BailianSimulator
from conftest import ROOT

ENDPOINT = "https://dashscope-intl.aliyuncs.com/compatible-mode/v1"
CHAT = (
    "INPUT (`input` STRING) OUTPUT (`content` STRING) WITH ('provider' = 'bailian', "
    f"'api-key' = 'k', 'model' = 'qwen-turbo', 'endpoint' = '{ENDPOINT}/chat/completions')"
)
EMBEDDING = (
    "INPUT (`input` STRING) OUTPUT (`embedding` ARRAY<FLOAT>) WITH ('provider' = 'bailian', "
    f"'api-key' = 'k', 'model' = 'text-embedding-v3', 'dimension' = '64', "
    f"'endpoint' = '{ENDPOINT}/embeddings')"
)


def chat_file(folder: Path, name: str, temporary: str = "TEMPORARY ", declare=True) -> Path:
    """A file declaring a chat model `m` (or using another file's) and writing what it answers
    into `sink_<name>`."""
    path = folder / f"{name}.sql"
    path.write_text(
        (f"CREATE {temporary}MODEL m {CHAT};\n" if declare else "")
        + f"CREATE TEMPORARY VIEW src_{name} AS SELECT 'great' AS txt;\n"
        f"CREATE TEMPORARY TABLE sink_{name} (txt STRING, label STRING) "
        "WITH ('connector' = 'print');\n"
        f"INSERT INTO sink_{name} SELECT txt, content "
        f"FROM ML_PREDICT(TABLE src_{name}, MODEL m, DESCRIPTOR(txt));\n",
        encoding="utf-8",
    )
    return path


def embedding_file(folder: Path, name: str) -> Path:
    """A file declaring an embedding model `m`: its rows hold vectors, not labels, so a file
    that used the other file's `m` would fail to plan (ARRAY<FLOAT> into STRING)."""
    path = folder / f"{name}.sql"
    path.write_text(
        f"CREATE TEMPORARY MODEL m {EMBEDDING};\n"
        f"CREATE TEMPORARY VIEW src_{name} AS SELECT 'great' AS txt;\n"
        f"CREATE TEMPORARY TABLE sink_{name} (txt STRING, v ARRAY<FLOAT>) "
        "WITH ('connector' = 'blackhole');\n"
        f"INSERT INTO sink_{name} SELECT txt, embedding "
        f"FROM ML_PREDICT(TABLE src_{name}, MODEL m, DESCRIPTOR(txt));\n",
        encoding="utf-8",
    )
    return path


def two_files(folder: Path) -> list[Path]:
    return [chat_file(folder, "a"), embedding_file(folder, "b")]


def test_two_files_each_call_their_own_temporary_model(tmp_path):
    project = load_project(two_files(tmp_path), environ={})
    models = project.catalog.models
    assert set(models) == {"a__m", "b__m"}
    assert models["a__m"].path.endswith("a.sql") and models["b__m"].path.endswith("b.sql")
    assert (models["a__m"].model, models["b__m"].model) == ("qwen-turbo", "text-embedding-v3")
    result = run_project(project, simulated_backend(BailianSimulator()), lambda t, line: None)
    assert {run.node.model.name: run.node.model.model for run in result.model_runs} == {
        "a__m": "qwen-turbo",
        "b__m": "text-embedding-v3",
    }
    assert result.sinks["sink_a"].get_column("label").to_list() != [None]
    assert [len(v) for v in result.sinks["sink_b"].get_column("v").to_list()] == [64]


def test_a_third_files_temporary_model_is_its_own_too(tmp_path):
    paths = [*two_files(tmp_path), chat_file(tmp_path, "c")]
    assert set(load_project(paths, environ={}).catalog.models) == {"a__m", "b__m", "c__m"}


def test_a_file_using_a_model_only_others_declare_temporary_is_told_why(tmp_path):
    reader = tmp_path / "reader.sql"
    reader.write_text(
        "CREATE TEMPORARY VIEW src AS SELECT 'x' AS txt;\n"
        "CREATE TEMPORARY TABLE sink_r (txt STRING, label STRING) WITH ('connector' = 'print');\n"
        "INSERT INTO sink_r SELECT txt, content "
        "FROM ML_PREDICT(TABLE src, MODEL m, DESCRIPTOR(txt));\n",
        encoding="utf-8",
    )
    with pytest.raises(SqlError) as caught:
        load_project([*two_files(tmp_path), reader], environ={})
    (diagnostic,) = caught.value.diagnostics
    assert diagnostic.path.endswith("reader.sql") and diagnostic.position.line == 3
    assert "declared TEMPORARY in several other files" in diagnostic.message
    assert "TEMPORARY model" in diagnostic.message and "__m" not in diagnostic.message


def test_a_permanent_model_stays_global_beside_another_files_temporary_one(tmp_path):
    paths = [chat_file(tmp_path, "a", temporary=""), embedding_file(tmp_path, "b")]
    third = chat_file(tmp_path, "c", declare=False)  # uses a.sql's m
    project = load_project([*paths, third], environ={})
    assert set(project.catalog.models) == {"m", "b__m"}
    result = run_project(project, simulated_backend(BailianSimulator()), lambda t, line: None)
    assert sorted(run.node.model.name for run in result.model_runs) == ["b__m", "m", "m"]


def test_a_temporary_model_shadows_the_permanent_one_in_its_file_until_dropped(tmp_path):
    """Flink 2.3 accepts `CREATE MODEL m` then `CREATE TEMPORARY MODEL m` in one session
    (checked with the Flink oracle); the temporary one is what `m` means below it."""
    path = tmp_path / "j.sql"
    path.write_text(
        f"CREATE MODEL m {CHAT};\n"
        f"CREATE TEMPORARY MODEL m {EMBEDDING};\n"
        "CREATE VIEW src AS SELECT 'x' AS txt;\n"
        "CREATE TABLE v (txt STRING, v ARRAY<FLOAT>) WITH ('connector' = 'blackhole');\n"
        "INSERT INTO v SELECT txt, embedding "
        "FROM ML_PREDICT(TABLE src, MODEL m, DESCRIPTOR(txt));\n"
        "DROP TEMPORARY MODEL m;\n"
        "CREATE TABLE l (txt STRING, label STRING) WITH ('connector' = 'blackhole');\n"
        "INSERT INTO l SELECT txt, content "
        "FROM ML_PREDICT(TABLE src, MODEL m, DESCRIPTOR(txt));\n",
        encoding="utf-8",
    )
    project = load_project([path], environ={})
    assert set(project.catalog.models) == {"m", "j__m"}
    by_sink = {i.sink.name: i for i in project.inserts}
    assert set(by_sink) == {"v", "l"}
    result = run_project(project, simulated_backend(BailianSimulator()), lambda t, line: None)
    assert sorted(run.node.model.name for run in result.model_runs) == ["j__m", "m"]


def test_two_permanent_models_of_one_name_clash_naming_both_files(tmp_path):
    paths = [chat_file(tmp_path, name, temporary="") for name in ("a", "b")]
    with pytest.raises(SqlError) as caught:
        load_project(paths, environ={})
    (diagnostic,) = caught.value.diagnostics
    assert diagnostic.path.endswith("b.sql") and diagnostic.position.line == 1
    assert "model 'm' already exists" in diagnostic.message and "a.sql:1:" in diagnostic.message


def test_two_temporary_models_of_one_name_in_one_file_still_clash(tmp_path):
    path = tmp_path / "j.sql"
    path.write_text(
        f"CREATE TEMPORARY MODEL m {CHAT};\nCREATE TEMPORARY MODEL m {CHAT};\n", encoding="utf-8"
    )
    with pytest.raises(SqlError) as caught:
        load_project([path], environ={})
    (diagnostic,) = caught.value.diagnostics
    assert diagnostic.position.line == 2 and "model 'm' already exists" in diagnostic.message


def test_a_broken_temporary_model_is_reported_in_its_own_file(tmp_path):
    good = chat_file(tmp_path, "a")
    bad = chat_file(tmp_path, "b")
    bad.write_text(bad.read_text().replace("'qwen-turbo'", "'qwen-turbo', 'temperatur' = '1'"))
    with pytest.raises(SqlError) as caught:
        load_project([good, bad], environ={})
    (diagnostic,) = caught.value.diagnostics
    assert diagnostic.path.endswith("b.sql") and "temperatur" in diagnostic.message


def test_the_command_line_checks_plans_and_runs_two_such_files(tmp_path, capsys):
    two_files(tmp_path)
    assert main(["check", str(tmp_path)]) == 0, capsys.readouterr()
    assert "2 models" in capsys.readouterr().err
    for name in ("a", "b"):  # `plan` takes one file (the folder is one project to `check`)
        assert main(["plan", str(tmp_path / f"{name}.sql")]) == 0, capsys.readouterr()
    planned = capsys.readouterr().out
    assert "a.sql:4" in planned and "b.sql:4" in planned
    for name in ("a", "b"):  # and so does `run`: each file a job, as in Flink
        assert main(["run", str(tmp_path / f"{name}.sql")]) == 0, capsys.readouterr()
    assert capsys.readouterr().out.startswith("+I[great, About")  # b's sink is a blackhole


def test_each_files_model_is_a_dagster_resource_of_its_own(tmp_path):
    from bailian_assets.integration import build_definitions

    two_files(tmp_path)
    defs = build_definitions(tmp_path, environ={})
    resources = defs.resources or {}
    assert {"model_a__m", "model_b__m"} <= set(resources)
    assert "model_m" not in resources
    assert resources["model_b__m"].model == "text-embedding-v3"
    assert defs.resolve_assets_def("sink_a").required_resource_keys >= {"model_a__m"}
    assert defs.resolve_assets_def("sink_b").required_resource_keys >= {"model_b__m"}
    job = defs.resolve_implicit_global_asset_job_def()
    with dg.DagsterInstance.ephemeral() as instance:
        assert job.execute_in_process(instance=instance).success


def test_dg_check_defs_accepts_a_project_of_two_such_files(tmp_path):
    two_files(tmp_path)
    environ = {**os.environ, "BAILIAN_SQL_DIR": str(tmp_path)}
    dg_bin = str(Path(sys.executable).parent / "dg")
    checked = subprocess.run(
        [dg_bin, "check", "defs"], cwd=ROOT, env=environ, capture_output=True, text=True
    )
    assert checked.returncode == 0, checked.stderr[-3000:]
    listed = subprocess.run(
        [dg_bin, "list", "defs", "--json"], cwd=ROOT, env=environ, capture_output=True, text=True
    )
    assert listed.returncode == 0, listed.stderr[-3000:]
    resources = {r["name"] for r in json.loads(listed.stdout)["resources"]}
    assert {"model_a__m", "model_b__m"} <= resources


def test_a_file_sees_its_own_temporary_model_only_below_its_declaration(tmp_path):
    early = tmp_path / "a.sql"
    early.write_text(
        "CREATE TEMPORARY VIEW src_a AS SELECT 'great' AS txt;\n"
        "CREATE TEMPORARY TABLE sink_a (txt STRING, label STRING) WITH ('connector' = 'print');\n"
        "INSERT INTO sink_a SELECT txt, content "
        "FROM ML_PREDICT(TABLE src_a, MODEL m, DESCRIPTOR(txt));\n"
        f"CREATE TEMPORARY MODEL m {CHAT};\n",
        encoding="utf-8",
    )
    with pytest.raises(SqlError) as caught:
        load_project([early, embedding_file(tmp_path, "b")], environ={})
    (diagnostic,) = caught.value.diagnostics
    assert diagnostic.path.endswith("a.sql") and diagnostic.position.line == 3
    assert "this file declares it further down, at line 4" in diagnostic.message
