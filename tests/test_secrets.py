"""Secrets stay secret end to end: a `${secret_values.x}` is hidden wherever it is used, and
a key a hostile server echoes back is scrubbed from everything written.

Each test runs a job the way a user would and then searches everything the tool wrote (stdout,
stderr, the Dagster instance's folder, the cache folder, the output folder) for the secret.
"""

import os
import subprocess
import sys
from pathlib import Path

import dagster as dg

from bailian_assets.cli import main
from bailian_assets.integration import build_definitions
from conftest import ROOT, clean_env

HOST = "gw-zq9x7-distinct.example.com"  # the secret: a private gateway's host name

JOB = """\
CREATE MODEL m INPUT (`input` STRING) OUTPUT (`content` STRING) WITH (
  'provider' = 'bailian',
  'endpoint' = 'https://${secret_values.gateway_host}/compatible-mode/v1/chat/completions',
  'api-key' = 'sk-plain', 'model' = 'qwen-turbo',
  'system-prompt' = 'Label it: [positive, negative].');
CREATE TABLE shown (id INT, label STRING) WITH ('connector' = 'print');
CREATE TABLE kept (id INT, label STRING) WITH (
  'connector' = 'filesystem', 'path' = '${BAILIAN_OUTPUT_DIR}/kept', 'format' = 'json');
CREATE VIEW recs (id, txt) AS VALUES (1, 'great'), (2, 'awful');
INSERT INTO shown SELECT id, content FROM ML_PREDICT(TABLE recs, MODEL m, DESCRIPTOR(txt));
INSERT INTO kept SELECT id, content FROM ML_PREDICT(TABLE recs, MODEL m, DESCRIPTOR(txt));
"""


def written(*folders: Path) -> list[bytes]:
    return [path.read_bytes() for folder in folders for path in folder.rglob("*") if path.is_file()]


def test_a_secret_in_the_endpoint_is_never_written_by_run(tmp_path):
    job = tmp_path / "job.sql"
    job.write_text(JOB)
    process = subprocess.run(
        [sys.executable, "-m", "bailian_assets.cli", "-v", "run", str(job)],
        cwd=ROOT,
        env=clean_env(GATEWAY_HOST=HOST),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert process.returncode == 0, process.stderr
    assert "+I[1, positive]" in process.stdout
    assert HOST not in process.stdout + process.stderr
    blobs = written(Path(os.environ["BAILIAN_CACHE_DIR"]), Path(os.environ["BAILIAN_OUTPUT_DIR"]))
    assert blobs and not any(HOST.encode() in blob for blob in blobs)


def test_a_secret_in_the_endpoint_is_never_stored_by_dagster(tmp_path, monkeypatch):
    monkeypatch.setenv("GATEWAY_HOST", HOST)
    folder = tmp_path / "sql"
    folder.mkdir()
    (folder / "job.sql").write_text(JOB)
    (tmp_path / "dagster_home").mkdir()
    defs = build_definitions(folder)
    shown = defs.resources["model_m"].endpoint
    assert shown == "https://${secret_values.gateway_host}/compatible-mode/v1/chat/completions"
    with dg.instance_for_test(temp_dir=str(tmp_path / "dagster_home")) as instance:
        result = defs.resolve_implicit_global_asset_job_def().execute_in_process(instance=instance)
        assert result.success
        texts = [str(entry) for entry in instance.all_logs(result.run_id)]
        texts += [str(instance.get_run_by_id(result.run_id))]
    assert not any(HOST in text for text in texts)
    blobs = written(
        tmp_path / "dagster_home",
        Path(os.environ["BAILIAN_CACHE_DIR"]),
        Path(os.environ["BAILIAN_OUTPUT_DIR"]),
    )
    assert blobs and not any(HOST.encode() in blob for blob in blobs)


def test_diagnostics_show_a_secret_value_as_written(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("GATEWAY_HOST", HOST)
    monkeypatch.setenv("TEMPERATURE", "hot-" + HOST)
    bad = tmp_path / "bad.sql"
    bad.write_text(
        JOB.replace("https://", "ftp://").replace(
            "'api-key' = 'sk-plain',",
            "'api-key' = 'sk-plain', 'temperature' = '${secret_values.temperature}',",
        )
    )
    assert main(["check", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "endpoint 'ftp://${secret_values.gateway_host}/compatible-mode" in err
    assert "invalid value for 'temperature' of model 'm': expected a number, got '******'" in err
    assert HOST not in err


KEY = "sk-echoed-4f9a7c21e8d3b6a0"  # the API key a hostile server echoes back

ECHO_JOB = """\
CREATE MODEL m INPUT (`input` STRING)
OUTPUT (`content` STRING, `error-string` STRING METADATA) WITH (
  'provider' = 'bailian',
  'endpoint' = '${BAILIAN_BASE_URL}/compatible-mode/v1/chat/completions',
  'api-key' = '${secret_values.dashscope_api_key}', 'model' = 'qwen-turbo',
  'error-handling-strategy' = 'IGNORE');
CREATE TABLE shown (txt STRING, label STRING, why STRING) WITH ('connector' = 'print');
CREATE TABLE kept (txt STRING, label STRING, why STRING) WITH (
  'connector' = 'filesystem', 'path' = '${BAILIAN_OUTPUT_DIR}/kept', 'format' = 'json');
CREATE VIEW recs (txt) AS VALUES ('echo'), ('good');
INSERT INTO shown SELECT txt, content, `error-string`
FROM ML_PREDICT(TABLE recs, MODEL m, DESCRIPTOR(txt));
INSERT INTO kept SELECT txt, content, `error-string`
FROM ML_PREDICT(TABLE recs, MODEL m, DESCRIPTOR(txt));
"""


def echoing_server():
    """A loopback server whose 401 for the row 'echo' repeats the key after 300 characters,
    then again cut short, as some gateways do."""
    from test_hostile_server import HostileServer, error_body

    message = "x" * 300 + f"Incorrect API key provided: {KEY}, or {KEY[:14]}..."
    return HostileServer({"echo": (401, {}, error_body(message))})


def leaks(texts: list[str], blobs: list[bytes]) -> list[str]:
    probes = [KEY, KEY[:10]]
    return [p for p in probes if any(p in t for t in texts) or any(p.encode() in b for b in blobs)]


def test_a_key_echoed_by_the_server_is_never_written_by_run(tmp_path):
    job = tmp_path / "job.sql"
    job.write_text(ECHO_JOB)
    with echoing_server() as server:
        process = subprocess.run(
            [sys.executable, "-m", "bailian_assets.cli", "-v", "run", str(job)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,
            env=clean_env(
                BAILIAN_BASE_URL=f"http://127.0.0.1:{server.port}", DASHSCOPE_API_KEY=KEY
            ),
        )
    assert process.returncode == 0, process.stderr
    assert "+I[echo, null, HTTP 401 invalid_api_key: xxx" in process.stdout
    blobs = written(Path(os.environ["BAILIAN_CACHE_DIR"]), Path(os.environ["BAILIAN_OUTPUT_DIR"]))
    assert blobs and leaks([process.stdout, process.stderr], blobs) == []


def test_a_key_echoed_by_the_server_is_never_stored_by_dagster(tmp_path, monkeypatch):
    monkeypatch.setenv("DASHSCOPE_API_KEY", KEY)
    (tmp_path / "sql").mkdir()
    (tmp_path / "sql" / "job.sql").write_text(ECHO_JOB)
    (tmp_path / "dagster_home").mkdir()
    with echoing_server() as server:
        monkeypatch.setenv("BAILIAN_BASE_URL", f"http://127.0.0.1:{server.port}")
        defs = build_definitions(tmp_path / "sql")
        with dg.instance_for_test(temp_dir=str(tmp_path / "dagster_home")) as instance:
            result = defs.resolve_implicit_global_asset_job_def().execute_in_process(
                instance=instance
            )
            assert result.success
            texts = [str(entry) for entry in instance.all_logs(result.run_id)]
            texts += [str(instance.get_run_by_id(result.run_id))]
    assert any("HTTP 401 invalid_api_key: xxx" in t for t in texts)
    blobs = written(
        tmp_path / "dagster_home",
        Path(os.environ["BAILIAN_CACHE_DIR"]),
        Path(os.environ["BAILIAN_OUTPUT_DIR"]),
    )
    assert blobs and leaks(texts, blobs) == []
