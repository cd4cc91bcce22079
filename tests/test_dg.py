"""`dg` from the repository's root: check, list, scaffold (each a subprocess, as a user runs it)."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

DG = str(Path(sys.executable).parent / "dg")


def dg(*args: str, cwd: Path = ROOT, **env: str) -> subprocess.CompletedProcess:
    environ = {**os.environ, **env}
    if "BAILIAN_SQL_DIR" not in env:
        environ.pop("BAILIAN_SQL_DIR", None)
    return subprocess.run(
        [DG, *args], cwd=cwd, env=environ, capture_output=True, text=True, timeout=300
    )


def test_dg_check_and_list_the_repositorys_definitions():
    checked = dg("check", "defs")
    assert checked.returncode == 0, checked.stderr[-3000:]
    assert "All definitions loaded successfully" in checked.stdout + checked.stderr
    listed = dg("list", "defs", "--json")
    assert listed.returncode == 0, listed.stderr[-3000:]
    found = json.loads(listed.stdout)
    assets = {a["asset_key"]: a for a in found["assets"]}
    assert {"movie_comment", "print_sink", "product_reviews", "review_sentiment_daily"} <= set(
        assets
    )
    assert assets["print_sink"]["source"] == "sql/movie_sentiment.sql:24"
    assert {"bailian", "flink", "print", "qwen"} <= set(assets["print_sink"]["kinds"])
    assert "product_reviews_job_new_partitions" in {s["name"] for s in found["sensors"]}
    assert "model_ai_analyze_sentiment" in {r["name"] for r in found["resources"]}


def test_dg_check_fails_on_a_broken_file_with_the_located_report(tmp_path):
    (tmp_path / "good.sql").write_text((ROOT / "sql" / "movie_sentiment.sql").read_text())
    (tmp_path / "bad.sql").write_text(
        "CREATE VIEW v AS VALUES (1);\nINSERT INTO nope SELECT * FROM v;\n"
    )
    checked = dg("check", "defs", BAILIAN_SQL_DIR=str(tmp_path))
    assert checked.returncode != 0
    assert (
        "bad.sql:2:13: error: Cannot find table '`default_catalog`.`default_database`.`nope`' "
        "in any of the catalogs [default_catalog], nor as a temporary table.\n"
        "    2 | INSERT INTO nope SELECT * FROM v;\n"
        "      |             ^~~~\n"
    ) in checked.stderr
    assert "Traceback" not in checked.stderr


def test_dg_scaffold_writes_a_component_folder_that_loads(tmp_path):
    project = tmp_path / "project"
    (project / "defs").mkdir(parents=True)
    shutil.copy(ROOT / "pyproject.toml", project)
    shutil.copy(ROOT / "defs" / "__init__.py", project / "defs")
    made = dg("scaffold", "defs", "bailian_assets.FlinkSqlComponent", "reviews", cwd=project)
    assert made.returncode == 0, made.stderr[-3000:]
    assert (
        (project / "defs" / "reviews" / "defs.yaml")
        .read_text()
        .startswith("type: bailian_assets.FlinkSqlComponent")
    )
    listed = dg("list", "defs", "--json", cwd=project)
    assert listed.returncode == 0, listed.stderr[-3000:]
    found = json.loads(listed.stdout)
    assert {a["asset_key"] for a in found["assets"]} == {"reviews_comments", "reviews_labels"}
    assert {"reviews__model_reviews_sentiment", "reviews__bailian_table_io_manager"} <= {
        r["name"] for r in found["resources"]
    }


def test_dg_list_loads_as_a_code_server_does_the_broken_file_shown_apart(tmp_path):
    """`dg list defs` loads the code as a code server does (what the UI shows): the broken
    file is an asset holding its errors, every other file's assets are there."""
    (tmp_path / "good.sql").write_text((ROOT / "sql" / "movie_sentiment.sql").read_text())
    (tmp_path / "bad.sql").write_text(
        "CREATE VIEW v AS VALUES (1);\nINSERT INTO nope SELECT * FROM v;\n"
    )
    listed = dg("list", "defs", "--json", BAILIAN_SQL_DIR=str(tmp_path))
    assert listed.returncode == 0, listed.stderr[-3000:]
    assets = {a["asset_key"]: a for a in json.loads(listed.stdout)["assets"]}
    assert {"sql_errors/bad", "movie_comment", "print_sink"} <= set(assets)
    assert (
        "bad.sql:2:13: error: Cannot find table '`default_catalog`.`default_database`.`nope`'"
        in assets["sql_errors/bad"]["description"]
    )
