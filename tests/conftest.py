import os
import pwd
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from bailian_assets.client.pacer import reset_pacers

if TYPE_CHECKING:
    from bailian_assets.client.backend import Backend
    from bailian_assets.executor.runner import RunResult
    from bailian_assets.planning.project import Project

ROOT = Path(__file__).resolve().parent.parent
SEED_SQL = """\
CREATE MODEL ai_analyze_sentiment
INPUT (`input` STRING)
OUTPUT (`content` STRING)
WITH (
  'provider' = 'bailian',
  'endpoint' = '<base_url>/compatible-mode/v1/chat/completions',
  'api-key'  = '<YOUR KEY>',
  'model'    = 'qwen-turbo',
  'system-prompt' = 'Classify the text below into one of the following labels: [positive, negative, neutral, mixed]. Output only the label.'
);

CREATE TEMPORARY TABLE print_sink(
  id BIGINT, movie_name VARCHAR, predict_label VARCHAR, actual_label VARCHAR
) WITH ('connector' = 'print', 'logger' = 'true');

CREATE TEMPORARY VIEW movie_comment(id, movie_name, user_comment, actual_label)
AS VALUES (1, '好東西', '最愛小孩子猜聲音那段,算得上看過的電影裡相當浪漫的敘事了。很溫和也很有愛。', 'positive'),
          (2, '水餃皇后', '乏善可陳', 'negative');

INSERT INTO print_sink
SELECT id, movie_name, content AS predict_label, actual_label
FROM ML_PREDICT(TABLE movie_comment, MODEL ai_analyze_sentiment, DESCRIPTOR(user_comment));
"""  # noqa: E501 - a documentation example, verbatim

CHAT_MODEL = """\
CREATE MODEL m INPUT (`input` STRING) OUTPUT (`content` STRING) WITH (
  'provider' = 'bailian',
  'endpoint' = 'https://dashscope-intl.aliyuncs.com/compatible-mode/v1/chat/completions',
  'api-key' = 'sk-test', 'model' = 'qwen-turbo',
  'system-prompt' = 'Label it: [positive, negative, neutral, mixed].');
"""


# Variables that say where a process may write: every test points them into its own tmp_path.
ISOLATION = ("HOME", "XDG_CACHE_HOME", "BAILIAN_CACHE_DIR", "BAILIAN_OUTPUT_DIR")


@pytest.fixture(autouse=True)
def _isolated(monkeypatch, tmp_path):
    """Tests never reach the network (the simulator answers unless a test says otherwise),
    never write to the user's home, cache or the checkout's output/ folder, start with an
    empty response cache and with pacers that know nothing yet."""
    monkeypatch.delenv("BAILIAN_BASE_URL", raising=False)
    monkeypatch.delenv("DASHSCOPE_API_KEY", raising=False)
    monkeypatch.delenv("BAILIAN_SQL_DIR", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "home" / ".cache"))
    monkeypatch.setenv("BAILIAN_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("BAILIAN_OUTPUT_DIR", str(tmp_path / "output"))
    reset_pacers()
    yield
    _forget_dagster_state_storage()


def _forget_dagster_state_storage():
    """`with dg.instance_for_test()` leaves its instance's state storage as the process's
    current one once the instance is disposed (Dagster 1.13's DagsterInstance.__exit__ never
    exits the context its __enter__ entered), and the next test that builds Definitions would
    load through a dead instance."""
    module = sys.modules.get("dagster._core.storage.defs_state.base")
    if module is not None:
        module._current_storage.set(None)


def clean_env(**extra: str) -> dict[str, str]:
    """The environment for a subprocess: a bare PATH, the test's isolated folders, `extra`."""
    env = {"PATH": "/usr/bin:/bin"}
    env.update({name: os.environ[name] for name in ISOLATION if name in os.environ})
    env.update(extra)
    return env


def printed_lines(sql: str, path: str = "t.sql") -> list[str]:
    """The lines the print sinks of `sql` (one file, `path`) receive, in order, when it runs
    in-process against the simulator."""
    from bailian_assets.planning.project import load_source

    return printed_run(load_source(sql, path, {}))[0]


def refusal(sql: str, path: str = "t.sql") -> tuple[int, int, str]:
    """(line, column, message) of the one diagnostic loading `sql` (one file, `path`) gives."""
    from bailian_assets.errors import SqlError
    from bailian_assets.planning.project import load_source

    with pytest.raises(SqlError) as caught:
        load_source(sql, path, {})
    (diagnostic,) = caught.value.diagnostics
    return diagnostic.position.line, diagnostic.position.col, diagnostic.message


def printed_run(
    project: "Project", backend: "Backend | None" = None
) -> "tuple[list[str], RunResult]":
    """Run a loaded `project` in-process against `backend` (a fresh simulator unless given):
    the lines its print sinks receive, in order, and the run's result."""
    shown, result = printed_by_table(project, backend)
    return [line for _, line in shown], result


def printed_by_table(
    project: "Project", backend: "Backend | None" = None
) -> "tuple[list[tuple[str, str]], RunResult]":
    """As `printed_run`, each line with the name of the table it was written to."""
    from bailian_assets.backends import simulated_backend
    from bailian_assets.executor.runner import run_project
    from bailian_assets.simulator.service import BailianSimulator

    shown: list[tuple[str, str]] = []
    backend = backend or simulated_backend(BailianSimulator())
    result = run_project(project, backend, lambda table, line: shown.append((table.name, line)))
    return shown, result


def _real_cache() -> Path:
    home = Path(pwd.getpwuid(os.getuid()).pw_dir)
    return Path(os.environ.get("XDG_CACHE_HOME") or home / ".cache") / "bailian-assets"


def _snapshot(folder: Path) -> list[tuple[str, int]]:
    if not folder.exists():
        return []
    return sorted((str(p), p.stat().st_mtime_ns) for p in folder.rglob("*"))


def pytest_sessionstart(session):
    session.config._real_cache = (_real_cache(), _snapshot(_real_cache()))


def pytest_sessionfinish(session, exitstatus):
    """The suite fails if any test (or a process it started) wrote to the real cache."""
    folder, before = session.config._real_cache
    if _snapshot(folder) != before:
        print(f"\nconftest: a test wrote to the user's real cache folder {folder}")
        session.exitstatus = 1
