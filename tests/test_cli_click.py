"""The `bailian-assets` command line on click: --version, help with defaults, check's three
formats, linters' exit codes for every command, and the progress bar of `run`."""

import io
import json
import logging
import os
import pty
import re
import socket
import struct
import subprocess
import sys
import termios
from importlib.metadata import version
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from bailian_assets.cli import cli, exits, main
from bailian_assets.cli.progress_bar import ProgressBar
from bailian_assets.cli.report import github_annotation
from bailian_assets.client.progress import Snapshot
from bailian_assets.errors import Diagnostic, Position
from conftest import ROOT, clean_env

# a syntax error below two valid statements (a mistake above it would be reported too)
BAD = "CREATE VIEW v AS VALUES (1);\nSELECT * FROM v;\nCREATE MODL m;\n"
NO_INSERT = "CREATE VIEW v AS SELECT 1 AS x;\n"
PRINT_JOB = (
    "CREATE TABLE snk (n INT) WITH ('connector' = 'print');\nINSERT INTO snk VALUES (1), (2);\n"
)


def invoke(*args: str):
    return CliRunner().invoke(cli, list(args), prog_name="bailian-assets")


def sql(folder: Path, text: str, name: str = "job.sql") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text)
    return path


# ------------------------------------------------------------------ version and help


def test_version_is_the_installed_packages():
    result = invoke("--version")
    assert result.exit_code == 0
    assert result.output.strip() == f"bailian-assets, version {version('bailian-assets')}"


def test_every_option_of_every_command_shows_its_default_and_every_help_the_exit_codes():
    for name, command in cli.commands.items():
        context = click.Context(command, info_name=name, show_default=True)
        for param in command.params:
            if not isinstance(param, click.Option) or (param.is_flag and not param.secondary_opts):
                continue  # a plain flag is off unless given
            record = param.get_help_record(context)
            assert record and "default:" in record[1], (name, param.name)
        result = invoke(name, "--help")
        assert result.exit_code == 0
        assert "Exit codes: 0 clean; 1 SQL errors found" in " ".join(result.output.split())
    assert "--format [text|json|github]" in invoke("check", "-h").output
    assert "[default: text]" in invoke("check", "-h").output


def test_every_command_is_kept():
    assert set(cli.commands) == {"check", "run", "plan", "simulate"}


# ------------------------------------------------------------------ exit codes


def test_check_exit_codes(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    sql(tmp_path / "good", PRINT_JOB)
    sql(tmp_path / "bad", BAD)
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "notes.txt").write_text("no SQL here")
    assert invoke("check", "good").exit_code == exits.OK
    found = invoke("check", "bad")
    assert found.exit_code == exits.SQL_ERRORS
    assert "bad/job.sql:3:8: error: expected MODEL, TABLE or VIEW" in found.stderr
    empty = invoke("check", "empty")
    assert empty.exit_code == exits.USAGE
    assert "no .sql file in the folder empty" in empty.stderr
    missing = invoke("check", "good", "nope")
    assert missing.exit_code == exits.USAGE and "no such file or folder: nope" in missing.stderr
    assert invoke("check").exit_code == exits.USAGE  # a PATH is required
    assert invoke("check", "--format", "xml", "good").exit_code == exits.USAGE
    assert invoke("frobnicate").exit_code == exits.USAGE


def test_an_unreadable_file_is_a_usage_error_and_its_report_still_lists_the_sql_errors(
    tmp_path, monkeypatch
):
    monkeypatch.chdir(tmp_path)
    sql(tmp_path, BAD, "bad.sql")
    os.mkfifo(tmp_path / "pipe.sql")
    result = invoke("check", "bad.sql", "pipe.sql")
    assert result.exit_code == exits.USAGE
    assert "pipe.sql: error: cannot read the file: it is a FIFO" in result.stderr
    assert "bad.sql:3:8: error:" in result.stderr and result.stderr.endswith("2 errors\n")


def test_run_and_plan_exit_codes(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    sql(tmp_path, BAD, "bad.sql")
    sql(tmp_path, NO_INSERT, "views.sql")
    for command in ("run", "plan"):
        assert invoke(command, "bad.sql").exit_code == exits.SQL_ERRORS
        nothing = invoke(command, "views.sql")
        assert nothing.exit_code == exits.USAGE
        assert f"views.sql has no INSERT or SELECT statement to {command}" in nothing.stderr
        assert invoke(command, "nope.sql").exit_code == exits.USAGE
        folder = invoke(command, ".")
        assert folder.exit_code == exits.USAGE and f"{command} takes one .sql file" in folder.stderr
    job = sql(
        tmp_path,
        "CREATE TABLE snk (n INT) WITH ('connector' = 'print');\n"
        "INSERT INTO snk SELECT CAST('x' AS INT);\n",
        "fails.sql",
    )
    failed = invoke("run", str(job))
    assert failed.exit_code == exits.SQL_ERRORS
    assert failed.stderr.splitlines()[-1].startswith("bailian-assets: error: ")


def test_main_returns_the_exit_code_and_an_interrupt_is_130(tmp_path, monkeypatch, capsys):
    job = sql(tmp_path, PRINT_JOB)
    assert main(["run", str(job)]) == 0
    assert capsys.readouterr().out.splitlines() == ["+I[1]", "+I[2]"]
    assert main(["--help"]) == 0
    assert main(["run"]) == exits.USAGE
    assert "Missing argument 'FILE.sql'" in capsys.readouterr().err

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("bailian_assets.executor.runner.run_project", interrupted)
    assert main(["run", str(job)]) == exits.INTERRUPTED
    assert "bailian-assets: interrupted" in capsys.readouterr().err


def test_simulate_refuses_out_of_range_options_and_an_address_in_use():
    assert invoke("simulate", "--error-rate", "1.5").exit_code == exits.USAGE
    assert invoke("simulate", "--rpm", "0").exit_code == exits.USAGE
    assert invoke("simulate", "--port", "70000").exit_code == exits.USAGE
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = invoke("simulate", "--port", str(port))
    assert result.exit_code == exits.USAGE
    assert f"cannot listen on 127.0.0.1:{port}" in result.stderr


# ------------------------------------------------------------------ check's formats


def test_check_json_lists_every_error_located(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    sql(tmp_path, BAD, "bad.sql")
    os.mkfifo(tmp_path / "pipe.sql")
    result = invoke("check", "--format", "json", "bad.sql", "pipe.sql")
    assert result.exit_code == exits.USAGE
    document = json.loads(result.stdout)
    assert document["files"] == ["bad.sql", "pipe.sql"]
    assert document["error_count"] == 2 and document["project"] is None
    located, whole = document["errors"]
    assert located == {
        "path": "bad.sql",
        "line": 3,
        "column": 8,
        "length": 4,
        "severity": "error",
        "message": "expected MODEL, TABLE or VIEW, found 'MODL'",
        "source_line": "CREATE MODL m;",
    }
    assert whole["path"] == "pipe.sql" and whole["line"] is None
    assert whole["message"].startswith("cannot read the file: it is a FIFO")


def test_check_json_of_a_clean_folder_counts_what_loaded(monkeypatch):
    monkeypatch.chdir(ROOT)
    result = invoke("check", "--format", "json", "sql")
    assert result.exit_code == exits.OK
    document = json.loads(result.stdout)
    assert document["files"] == sorted(f"sql/{f.name}" for f in (ROOT / "sql").glob("*.sql"))
    assert document["errors"] == [] and document["error_count"] == 0
    assert document["project"]["inserts"] > 0 and document["project"]["models"] > 0


def test_check_github_prints_annotations_and_keeps_the_report_for_the_log(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    sql(tmp_path / "sql", BAD)
    result = invoke("check", "--format", "github", "sql")
    assert result.exit_code == exits.SQL_ERRORS
    assert result.stdout.splitlines() == [
        "::error file=sql/job.sql,line=3,col=8,endColumn=12,title=bailian-assets check::"
        "expected MODEL, TABLE or VIEW, found 'MODL'"
    ]
    assert "    3 | CREATE MODL m;" in result.stderr


def test_github_annotations_are_escaped_as_githubs_toolkit_does():
    diagnostic = Diagnostic("a,b:c%.sql", Position(2, 5, 9), "100% wrong\r\nsecond line: x,y")
    assert github_annotation(diagnostic) == (
        "::error file=a%2Cb%3Ac%25.sql,line=2,col=5,endColumn=6,title=bailian-assets check::"
        "100%25 wrong%0D%0Asecond line: x,y"
    )
    whole = Diagnostic("x.sql", Position(0, 0, 0), "cannot read the file")
    assert (
        github_annotation(whole) == "::error file=x.sql,title=bailian-assets check::"
        "cannot read the file"
    )


def test_check_github_in_a_real_process():
    """As a CI step runs it: the installed entry point, from the repository's root."""
    command = Path(sys.executable).parent / "bailian-assets"
    clean = subprocess.run(
        [str(command), "check", "--format", "github", "sql"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=clean_env(),
        timeout=120,
    )
    assert clean.returncode == 0, clean.stderr
    assert clean.stdout == "" and clean.stderr.startswith("ok: ")
    empty = subprocess.run(
        [str(command), "check", "tests/golden/__nothing__"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=clean_env(),
        timeout=120,
    )
    assert empty.returncode == 2 and "no such file or folder" in empty.stderr


# ------------------------------------------------------------------ the progress bar


def snapshot(done: int, total: int = 200, model: str = "a-rather-long-model-name") -> Snapshot:
    return Snapshot(model, done, total, elapsed=2.0)


def drawn_lines(text: str) -> list[str]:
    """What the terminal shows at each redraw: the text between carriage returns, without
    escape sequences."""
    plain = re.sub(r"\x1b\[[0-9;]*[A-Za-z]", "", text)
    return [part for part in re.split(r"[\r\n]", plain) if part.strip()]


def test_the_bar_fits_the_width_and_starts_anew_for_each_ml_predict():
    stream = io.StringIO()
    bar = ProgressBar(stream, width=40)
    bar.show(snapshot(50))
    bar.show(snapshot(120))
    bar.show(snapshot(3, total=10, model="b"))  # the next ML_PREDICT
    bar.close()
    lines = drawn_lines(stream.getvalue())
    assert lines and all(len(line) <= 40 for line in lines)
    assert any(line.startswith(" 60%|") and "120/200" in line for line in lines)
    assert lines[-1].startswith(" 30%|") and "3/10" in lines[-1]  # the name is cut first
    wide = io.StringIO()
    ProgressBar(wide, width=100).show(snapshot(3, total=10, model="b"))
    assert drawn_lines(wide.getvalue())[-1].endswith("1.50row/s] model 'b'")


def test_the_bar_is_cleared_before_a_log_line_or_a_sink_row():
    stream = io.StringIO()
    bar = ProgressBar(stream, width=60)
    rows = []
    emit = bar.wrap(lambda table, line: rows.append((stream.getvalue(), line)))
    bar.show(snapshot(10))
    before = stream.getvalue()
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "hello", None, None)
    assert bar.clear_before_log(record) is True
    cleared = stream.getvalue()[len(before) :]
    assert cleared.startswith("\r") and "10/200" not in cleared
    emit(None, "+I[1]")
    assert rows == [(stream.getvalue(), "+I[1]")]


def run_on_a_terminal(columns: int, *args: str) -> tuple[int, str]:
    """`bailian-assets run` with stderr on a pseudo-terminal `columns` wide; what it drew."""
    controller, terminal = pty.openpty()
    termios_size = struct.pack("HHHH", 24, columns, 0, 0)
    import fcntl

    fcntl.ioctl(terminal, termios.TIOCSWINSZ, termios_size)
    process = subprocess.Popen(
        [sys.executable, "-m", "bailian_assets.cli", "run", *args],
        cwd=ROOT,
        env=clean_env(),
        stdout=subprocess.DEVNULL,
        stderr=terminal,
    )
    os.close(terminal)
    chunks = []
    while True:
        try:
            chunk = os.read(controller, 4096)
        except OSError:  # EIO: the process closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(controller)
    return process.wait(timeout=120), b"".join(chunks).decode(errors="replace")


def test_on_a_terminal_the_bar_is_as_wide_as_the_terminal():
    code, drawn = run_on_a_terminal(52, "sql/movie_sentiment.sql")
    assert code == 0, drawn
    bars = [line for line in drawn_lines(drawn) if "row/s]" in line]
    assert bars and "2/2" in bars[-1] and bars[-1].startswith("100%|")
    assert all(len(line) <= 52 for line in bars), bars


def test_the_bar_is_off_when_stderr_is_not_a_terminal():
    process = subprocess.run(
        [sys.executable, "-m", "bailian_assets.cli", "run", "sql/movie_sentiment.sql"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=clean_env(),
        timeout=120,
    )
    assert process.returncode == 0, process.stderr
    assert "\r" not in process.stderr and "row/s" not in process.stderr


@pytest.mark.parametrize("flag, shown", [("--progress", True), ("--no-progress", False)])
def test_the_bar_can_be_forced_on_or_off(tmp_path, monkeypatch, flag, shown):
    shown_snapshots = []
    monkeypatch.setattr(ProgressBar, "show", lambda self, s: shown_snapshots.append(s))
    result = invoke("run", flag, str(ROOT / "sql" / "movie_sentiment.sql"))
    assert result.exit_code == 0, result.stderr
    assert bool(shown_snapshots) is shown
