"""`bailian-assets check` and `run`, as a user runs them."""

import subprocess
import sys

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
        "CREATE TABLE out (n INT) WITH ('connector' = 'print');\n"
        "INSERT INTO out SELECT CAST('x' AS INT);\n"
    )
    assert main(["run", str(job)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1].startswith("bailian-assets: error: ")
    assert "job.sql:2:" in err[-1] and "Traceback" not in "\n".join(err)


def test_dagster_command_line_reports_sql_mistakes_without_a_traceback(tmp_path):
    import os

    (tmp_path / "bad.sql").write_text(
        "CREATE VIEW v AS VALUES (1);\nINSERT INTO nope SELECT * FROM v;\n"
    )
    env = {**os.environ, "BAILIAN_SQL_DIR": str(tmp_path)}
    process = subprocess.run(
        [
            os.path.join(os.path.dirname(sys.executable), "dagster"),
            "asset",
            "materialize",
            "-m",
            "defs",
            "--select",
            "*",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert process.returncode == 2
    assert "bad.sql:2:13: error: Object 'nope' not found" in process.stderr
    assert "Traceback" not in process.stderr
