"""The UI in a real browser: `dg dev` on a scratch DAGSTER_HOME, driven by Playwright in Debian's
Chromium (/usr/bin/chromium; never `playwright install`).

One test, one server: each model's pool has a limit (no warning icon); the asset graph lists every
good file's group beside the broken file's (its report readable on the asset page, caret aligned);
the sink's page shows its SQL, columns and code reference; the movie sentiment group is materialized
from the UI, and the run's `+I[...]` rows, the materialization's metadata and the checks appear.
Screenshots, if any, go to tmp_path (never into the repository).

Skipped where Chromium or Playwright is missing, except in CI (CI=true), where it fails.
"""

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import ROOT

CHROMIUM = "/usr/bin/chromium"
# what this machine's notes ask for: no first-run, no background connections (the network is
# closed), a fresh profile (given as the persistent context's folder)
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
BROKEN = "CREATE VIEW v AS VALUES (1);\nINSERT INTO nope SELECT * FROM v;\n"
START_TIMEOUT = 240  # dg dev on a busy 2-core machine: code server, webserver and daemon
RUN_TIMEOUT = 240


def _browser_or_skip():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        sync_playwright = None
    missing = (
        "playwright (pip install -e '.[browser]')"
        if sync_playwright is None
        else None
        if Path(CHROMIUM).exists()
        else "chromium (apt-get install chromium)"
    )
    if missing:
        if os.environ.get("CI") == "true":
            pytest.fail(f"the browser test needs {missing}; .ci/run installs it")
        pytest.skip(f"needs {missing}")
    return sync_playwright


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _graphql(base: str, query: str) -> dict:
    request = urllib.request.Request(
        base + "/graphql",
        data=json.dumps({"query": query}).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=30) as answer:
        return json.load(answer)["data"]


def _wait_until_serving(base: str, server: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        assert server.poll() is None, f"dg dev exited:\n{log.read_text()[-3000:]}"
        try:
            data = _graphql(
                base,
                "{ workspaceOrError { ... on Workspace { locationEntries {"
                " locationOrLoadError { __typename } } } } }",
            )
            entries = data["workspaceOrError"]["locationEntries"]
            if entries and entries[0]["locationOrLoadError"]:
                kind = entries[0]["locationOrLoadError"]["__typename"]
                assert kind == "RepositoryLocation", (
                    f"code location failed: {kind}\n" + log.read_text()[-3000:]
                )
                return
        except OSError:
            pass
        time.sleep(1)
    raise AssertionError(f"dg dev did not serve in {START_TIMEOUT} s:\n{log.read_text()[-3000:]}")


def _wait_for_run(base: str) -> str:
    deadline = time.monotonic() + RUN_TIMEOUT
    while time.monotonic() < deadline:
        runs = _graphql(
            base, "{ runsOrError(limit: 5) { ... on Runs { results { runId status } } } }"
        )["runsOrError"]["results"]
        if runs and runs[0]["status"] in ("SUCCESS", "FAILURE", "CANCELED"):
            assert runs[0]["status"] == "SUCCESS", runs
            return runs[0]["runId"]
        time.sleep(1)
    raise AssertionError(f"no finished run in {RUN_TIMEOUT} s")


@pytest.fixture
def dg_dev(tmp_path):
    """`dg dev` from the repository's root on a scratch home, over a copy of sql/ with one
    broken file added; stopped with SIGINT (what Ctrl-C sends) at the end."""
    home, sql = tmp_path / "dagster_home", tmp_path / "sql"
    home.mkdir()
    (home / "dagster.yaml").write_text("telemetry:\n  enabled: false\n")
    shutil.copytree(ROOT / "sql", sql)
    (sql / "zz_broken.sql").write_text(BROKEN)
    port = _free_port()
    log = tmp_path / "dg-dev.log"
    env = {
        k: v for k, v in os.environ.items() if k not in ("BAILIAN_BASE_URL", "DASHSCOPE_API_KEY")
    }
    env.update(DAGSTER_HOME=str(home), BAILIAN_SQL_DIR=str(sql))
    with log.open("w") as out:
        server = subprocess.Popen(
            [
                str(Path(sys.executable).parent / "dg"),
                "dev",
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
            ],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
        )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_serving(base, server, log)
        yield base
    finally:
        os.killpg(server.pid, signal.SIGINT)
        try:
            server.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


def test_the_ui_shows_the_graph_the_sql_and_a_run_launched_from_it(dg_dev, tmp_path):
    sync_playwright = _browser_or_skip()
    base = dg_dev
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch_persistent_context(
            str(tmp_path / "chromium-profile"),
            executable_path=CHROMIUM,
            headless=True,
            args=CHROMIUM_FLAGS,
            viewport={"width": 1600, "height": 2400},
        )
        page = browser.new_page()
        page.set_default_timeout(60_000)
        # Dagster's one-time "Join the community" dialog covers the page whenever it shows
        page.add_locator_handler(
            page.get_by_text("Join the Dagster community"),
            lambda: page.get_by_role("button", name="Skip").click(),
        )
        try:
            _pools_are_limited(base)
            _graph_and_broken_file(page, base)
            _sink_page(page, base)
            _launch_and_follow(page, base)
        except Exception:
            page.screenshot(path=str(tmp_path / "failure.png"))  # in tmp_path, not the repo
            raise
        finally:
            browser.close()


def _pools_are_limited(base: str) -> None:
    """The UI marks a pool without a limit with a warning: each model's pool has one."""
    for pool in ("bailian_ai_analyze_sentiment", "bailian_review_sentiment"):
        limit = _graphql(
            base, f'{{ instance {{ concurrencyLimit(concurrencyKey: "{pool}") {{ limit }} }} }}'
        )["instance"]["concurrencyLimit"]["limit"]
        assert limit == 4, (pool, limit)


def _graph_and_broken_file(page, base: str) -> None:
    page.goto(base + "/asset-groups")
    for group in ("movie_sentiment", "product_reviews", "product_search", "zz_broken"):
        page.get_by_text(group).first.wait_for()
    page.goto(base + "/assets/sql_errors/zz_broken")
    report = page.locator("pre, code").filter(has_text="zz_broken.sql:2:13: error:").first
    report.wait_for()
    lines = report.inner_text().splitlines()
    first = next(i for i, line in enumerate(lines) if line.startswith("zz_broken.sql:2:13"))
    assert lines[first] == (
        "zz_broken.sql:2:13: error: Cannot find table '`default_catalog`.`default_database`."
        "`nope`' in any of the catalogs [default_catalog], nor as a temporary table."
    )
    assert lines[first + 1] == "    2 | INSERT INTO nope SELECT * FROM v;"
    assert lines[first + 2].index("^") == lines[first + 1].index("nope")


def _sink_page(page, base: str) -> None:
    page.goto(base + "/assets/print_sink")
    page.get_by_text("INSERT INTO print_sink").first.wait_for()
    page.get_by_text("FROM ML_PREDICT(TABLE movie_comment").first.wait_for()
    for column in ("movie_name", "predict_label", "actual_label"):
        page.get_by_text(column, exact=True).first.wait_for()
    page.get_by_text("movie_sentiment.sql").first.wait_for()  # the code reference
    page.get_by_text("Never materialized").first.wait_for()


def _launch_and_follow(page, base: str) -> None:
    page.goto(base + "/locations/bailian/asset-groups/movie_sentiment")
    page.get_by_role("button", name="Materialize all").first.click()
    page.get_by_text("Launched run").first.wait_for()
    run_id = _wait_for_run(base)
    page.goto(f"{base}/runs/{run_id}")
    page.get_by_text("+I[1, 好東西, positive, positive]").first.wait_for()
    page.get_by_text("+I[2, 水餃皇后, negative, negative]").first.wait_for()
    page.goto(base + "/assets/print_sink")
    for shown in (
        "Row count",
        "bailian/provider",
        "usage/requests",
        "usage/prompt_tokens",
        "none: the built-in simulator answered in-process",
    ):
        page.get_by_text(shown).first.wait_for()
    page.goto(base + "/assets/print_sink?view=checks")
    for check in ("no_rows_lost", "predict_label_in_label_set", "predict_label_accuracy"):
        page.get_by_text(check).first.wait_for()
    assert page.get_by_text("Succeeded").count() == 3
