"""A run's steps share its process by default (integration/executor.py), with each asset still
its own step: materializations and checks recorded per asset, as with a process per step, which
a run can still ask for. (The speed itself is measured in bench/dagster_speed.py.)"""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import dagster as dg
import pytest

from bailian_assets.integration.definitions import build_definitions
from bailian_assets.integration.executor import step_executor
from tests.conftest import ROOT, clean_env

DG = str(Path(sys.executable).parent / "dg")


@pytest.fixture
def sql_dir(tmp_path):
    folder = tmp_path / "sql"
    folder.mkdir()
    # the 2-row movie sentiment job, its model answered by the simulator
    shutil.copy(ROOT / "sql" / "movie_sentiment.sql", folder / "movies.sql")
    return folder


def _default_mode(defs: dg.Definitions) -> str:
    job = defs.resolve_job_def("movies_job")
    default = job.executor_def.config_schema.as_field().default_value
    return next(iter(default))


def test_steps_run_in_the_runs_process_unless_the_component_says(sql_dir):
    assert _default_mode(build_definitions(sql_dir)) == "in_process"
    assert _default_mode(build_definitions(sql_dir, executor="multiprocess")) == "multiprocess"
    assert step_executor() is step_executor("in_process")  # instances merge: one object
    with pytest.raises(dg.DagsterInvalidDefinitionError, match="executor 'threads'"):
        step_executor("threads")


def _launch(sql_dir: Path, home: Path, *extra: str) -> list[tuple[str, str, str]]:
    """`dg launch` of the file's assets; its (pid, step, event type) lines."""
    home.mkdir(exist_ok=True)
    (home / "dagster.yaml").write_text("", encoding="utf-8")
    done = subprocess.run(
        [DG, "launch", "--assets", "group:movies", *extra],
        cwd=ROOT,
        env=clean_env(DAGSTER_HOME=str(home), BAILIAN_SQL_DIR=str(sql_dir)),
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return _recorded_events(home)


def _recorded_events(home: Path) -> list[tuple[str, str, str]]:
    """The newest run's step events, (pid, step, event type), as the instance in `home`
    recorded them (the console log is no source: the step processes of a multiprocess run
    write it at once, and a line can be lost between them)."""
    with dg.DagsterInstance.from_config(str(home)) as instance:
        run = instance.get_runs(limit=1)[0]
        return [
            (
                str(entry.dagster_event.pid),
                entry.step_key or "",
                entry.dagster_event.event_type_value,
            )
            for entry in instance.all_logs(run.run_id)
            if entry.dagster_event is not None  # a step's own events, from its process
            and entry.step_key
            and entry.dagster_event.pid is not None
        ]


def test_dg_launch_runs_every_step_in_one_process_and_records_each_asset(sql_dir, tmp_path):
    events = _launch(sql_dir, tmp_path / "home")
    steps = {step for _, step, kind in events if kind == "STEP_SUCCESS"}
    assert steps == {"movie_comment", "print_sink"}
    assert len({pid for pid, _, _ in events}) == 1  # no process per step
    materialized = {step for _, step, kind in events if kind == "ASSET_MATERIALIZATION"}
    assert materialized == {"movie_comment", "print_sink"}
    checks = [step for _, step, kind in events if kind == "ASSET_CHECK_EVALUATION"]
    assert checks and set(checks) == {"print_sink"}

    # a run can still ask for a process per step
    config = {"execution": {"config": {"multiprocess": {"max_concurrent": 1}}}}
    events = _launch(sql_dir, tmp_path / "home", "--config-json", json.dumps(config))
    by_step = {step: pid for pid, step, kind in events if kind == "STEP_SUCCESS"}
    assert set(by_step) == {"movie_comment", "print_sink"}
    assert len(set(by_step.values())) == 2
