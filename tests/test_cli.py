"""`bailian-assets check` and `run`, as a user runs them."""

import subprocess
import sys
from pathlib import Path

from bailian_assets.cli import main
from conftest import ROOT, clean_env


def test_check_valid(capsys):
    assert main(["check", str(ROOT / "sql")]) == 0
    files = len(list((ROOT / "sql").glob("*.sql")))
    assert f"ok: {files} files" in capsys.readouterr().err


def test_check_reports_every_error_with_exit_1(tmp_path, capsys):
    bad = tmp_path / "bad.sql"
    bad.write_text("CREATE VIEW v AS VALUES (1);\nINSERT INTO v SELECT 1;\nCREATE MODL m;\n")
    assert main(["check", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "bad.sql:3:8: error: expected MODEL, TABLE or VIEW, found 'MODL'" in err
    assert "    3 | CREATE MODL m;" in err
    assert "Traceback" not in err


def test_check_missing_path(capsys):
    assert main(["check", "no/such.sql"]) == 2
    assert "no such file or folder: no/such.sql" in capsys.readouterr().err


def test_run_prints_sink_rows_to_stdout_and_logs_to_stderr():
    process = subprocess.run(
        [sys.executable, "-m", "bailian_assets.cli", "run", "sql/movie_sentiment.sql"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=clean_env(),
        timeout=120,
    )
    assert process.returncode == 0, process.stderr
    assert process.stdout.splitlines() == [
        "+I[1, 好東西, positive, positive]",
        "+I[2, 水餃皇后, negative, negative]",
    ]
    assert "built-in Bailian simulator" in process.stderr


def test_run_failure_is_one_clear_line(tmp_path, capsys):
    job = tmp_path / "job.sql"
    job.write_text(
        "CREATE TABLE snk (n INT) WITH ('connector' = 'print');\n"
        "INSERT INTO snk SELECT CAST('x' AS INT);\n"
    )
    assert main(["run", str(job)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1].startswith("bailian-assets: error: ")
    assert "job.sql:2:" in err[-1] and "Traceback" not in "\n".join(err)


def test_dg_launch_reports_sql_mistakes_without_a_traceback(tmp_path):
    """`dg launch` loads the code in its own process: a broken file stops it with the located
    report and exit status 2, as `bailian-assets check` reports it (only a code server, behind
    the UI, leaves the file out: test_dagster_loading.py)."""
    (tmp_path / "bad.sql").write_text(
        "CREATE VIEW v AS VALUES (1);\nINSERT INTO nope SELECT * FROM v;\n"
    )
    process = subprocess.run(
        [str(Path(sys.executable).parent / "dg"), "launch", "--assets", "*"],
        cwd=ROOT,
        env=clean_env(BAILIAN_SQL_DIR=str(tmp_path)),
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert process.returncode == 2, process.stderr[-3000:]
    assert (
        "bad.sql:2:13: error: Cannot find table '`default_catalog`.`default_database`.`nope`' "
        "in any of the catalogs [default_catalog], nor as a temporary table.\n"
        "    2 | INSERT INTO nope SELECT * FROM v;\n"
        "      |             ^~~~\n"
    ) in process.stderr
    assert "Traceback" not in process.stderr
