"""Fixes from the fifth hostile review: each test reproduces what the reviewer ran.

The key never reaches a proxy in clear text; a variable that holds a secret never reaches a
row; python-level functions and the printer turn bad values into located errors or Flink's
NULL, never a traceback.
"""

import re
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx

from bailian_assets.cli import main
from bailian_assets.endpoint_url import proxy_exemptions
from bailian_assets.simulator.server import serve_in_thread
from conftest import ROOT, clean_env

KEY = "sk-s5proxyleak0123456789abcdef"

MODEL_JOB = """\
CREATE MODEL m INPUT (`input` STRING) OUTPUT (`content` STRING) WITH (
  'provider' = 'bailian',
  'endpoint' = '${BAILIAN_BASE_URL}/compatible-mode/v1/chat/completions',
  'api-key' = '${secret_values.dashscope_api_key}', 'model' = 'qwen-turbo',
  'system-prompt' = 'Label it: [positive, negative].');
CREATE TABLE shown (txt STRING, label STRING) WITH ('connector' = 'print');
CREATE VIEW recs (txt) AS VALUES ('great'), ('awful');
INSERT INTO shown SELECT txt, content FROM ML_PREDICT(TABLE recs, MODEL m, DESCRIPTOR(txt));
"""


def run_cli(tmp_path, sql: str, *args: str, **env: str) -> subprocess.CompletedProcess:
    job = tmp_path / "job.sql"
    job.write_text(sql)
    return subprocess.run(
        [sys.executable, "-m", "bailian_assets.cli", *args, str(job)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env=clean_env(**env),
    )


class RecordingProxy:
    """A loopback 'proxy' that records every request's headers and answers 502."""

    def __init__(self) -> None:
        seen = self.seen = []

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:
                pass

            def _any(self) -> None:
                seen.append((self.command, self.path, dict(self.headers)))
                self.send_response(502)
                self.send_header("Content-Length", "0")
                self.end_headers()

            do_GET = do_POST = do_CONNECT = _any

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]

    def __enter__(self) -> "RecordingProxy":
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()


# ------------------------------------------------------------ 1. no key to a proxy


def test_a_loopback_endpoint_never_goes_through_the_proxy_the_environment_names(tmp_path):
    with serve_in_thread() as simulator, RecordingProxy() as proxy:
        proxy_url = f"http://127.0.0.1:{proxy.port}"
        process = run_cli(
            tmp_path,
            MODEL_JOB,
            "run",
            BAILIAN_BASE_URL=f"http://127.0.0.1:{simulator.port}",
            DASHSCOPE_API_KEY=KEY,
            HTTP_PROXY=proxy_url,
            http_proxy=proxy_url,
            ALL_PROXY=proxy_url,
        )
    assert proxy.seen == []
    assert process.returncode == 0, process.stderr
    assert "+I[great, positive]" in process.stdout


def test_only_an_https_endpoint_away_from_loopback_may_use_a_proxy(monkeypatch):
    monkeypatch.setenv("HTTP_PROXY", "http://127.0.0.1:9")
    monkeypatch.setenv("HTTPS_PROXY", "http://127.0.0.1:9")
    monkeypatch.setenv("ALL_PROXY", "http://127.0.0.1:9")
    for url, proxied in [
        ("https://dashscope-intl.aliyuncs.com/compatible-mode/v1/chat/completions", True),
        ("http://127.0.0.1:8701/compatible-mode/v1/chat/completions", False),
        ("https://127.0.0.1:8701/v1", False),
        ("http://localhost:8701/v1", False),
        ("http://[::1]:8701/v1", False),
    ]:
        client = httpx.AsyncClient(mounts=proxy_exemptions(url))
        transport = client._transport_for_url(httpx.URL(url))
        # an https request through an http proxy is a CONNECT tunnel: the key stays in TLS
        assert (transport is not client._transport) is proxied, url


# ------------------------------------------------------------ 2. no secret variable in rows

ROWS_JOB = """\
CREATE MODEL m INPUT (`input` STRING) OUTPUT (`content` STRING) WITH (
  'provider' = 'bailian', 'api-key' = '${DASHSCOPE_API_KEY}', 'model' = 'qwen-turbo',
  'endpoint' = 'https://dashscope-intl.aliyuncs.com/compatible-mode/v1/chat/completions',
  'system-prompt' = 'Label it: [positive, negative].');
CREATE TABLE shown (id INT, label STRING) WITH ('connector' = 'print');
CREATE VIEW recs (id, txt) AS VALUES (1, 'good ${DASHSCOPE_API_KEY:-x}');
INSERT INTO shown SELECT id, content FROM ML_PREDICT(TABLE recs, MODEL m, DESCRIPTOR(txt));
"""


def check(tmp_path, capsys, sql: str, command: str = "check") -> tuple[int, str]:
    """`bailian-assets <command> job.sql` in process: its exit code and everything it printed."""
    job = tmp_path / "job.sql"
    job.write_text(sql)
    code = main([command, str(job)])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def test_a_secret_variable_in_a_query_is_a_located_error_never_substituted(
    tmp_path, capsys, monkeypatch
):
    monkeypatch.setenv("DASHSCOPE_API_KEY", KEY)
    code, out = check(tmp_path, capsys, "SELECT '${DASHSCOPE_API_KEY}' AS k;\n")
    assert code == 1 and KEY not in out
    assert "job.sql:1:9: error: variable 'DASHSCOPE_API_KEY' holds a secret" in out
    assert "use it only in a model's 'api-key' option" in out

    code, out = check(tmp_path, capsys, ROWS_JOB)
    assert code == 1 and KEY not in out
    assert "job.sql:6:48: error: variable 'DASHSCOPE_API_KEY' holds a secret" in out
    assert out.count("error:") == 1  # the 'api-key' option may use it


def test_any_variable_named_or_valued_like_a_secret_is_refused_outside_api_key(
    tmp_path, capsys, monkeypatch
):
    monkeypatch.setenv("DASHSCOPE_API_KEY", KEY)
    monkeypatch.setenv("MY_VAR", KEY)  # a copy of the key under an innocent name
    monkeypatch.setenv("GH_TOKEN", "ghp_s5")
    monkeypatch.setenv("GREETING", "hello there")
    sql = (  # one statement each: a statement stops at its first error
        "SELECT '${MY_VAR}' AS a;\nSELECT '${GH_TOKEN}' AS b;\n"
        "SELECT '${DB_PASSWORD:-x}' AS c;\nSELECT '${GREETING}' AS d;\n"
    )
    code, out = check(tmp_path, capsys, sql)
    assert code == 1 and KEY not in out and "ghp_s5" not in out
    assert "variable 'MY_VAR' holds a secret (its value is that of DASHSCOPE_API_KEY)" in out
    assert "variable 'GH_TOKEN' holds a secret (its name says so)" in out
    assert "variable 'DB_PASSWORD' holds a secret" in out
    assert out.count("error:") == 3  # GREETING is no secret

    options = ROWS_JOB.replace("'good ${DASHSCOPE_API_KEY:-x}'", "'good'").replace(
        "'Label it: [positive, negative].'", "'Label it: ${MY_VAR}'"
    )
    code, out = check(tmp_path, capsys, options)
    assert code == 1 and KEY not in out
    # a model's options are checked where it is used, each problem located on its option
    assert "model 'm' cannot be used: variable 'MY_VAR' holds a secret" in out
    assert "job.sql:4:32)" in out


def test_the_api_key_option_still_reads_a_secret_variable(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("DASHSCOPE_API_KEY", KEY)
    sql = ROWS_JOB.replace("'good ${DASHSCOPE_API_KEY:-x}'", "'good'")
    assert check(tmp_path, capsys, sql)[0] == 0


# ------------------------------------------------------------ 3. no traceback from a value


def test_a_date_past_year_9999_fails_the_query_as_in_flink(tmp_path, capsys):
    code, out = check(tmp_path, capsys, "SELECT DATE '9999-12-31' + INTERVAL '1' DAY;\n", "run")
    assert code == 1 and "Traceback" not in out
    # Flink: IllegalArgumentException: Year out of range
    assert (
        "job.sql:1:1: error: the query failed: IllegalArgumentException: Year out of range" in out
    )


def test_from_unixtime_past_java_long_milliseconds_wraps_as_in_flink(tmp_path, capsys):
    sql = "SELECT FROM_UNIXTIME(99999999999999999), FROM_UNIXTIME(0);\n"
    code, out = check(tmp_path, capsys, sql, "run")
    assert code == 0, out
    assert "+I[246105574-05-31 09:37:20, 1970-01-01 00:00:00]" in out  # Flink 2.3's answer


def test_json_nested_past_the_python_stack_is_bad_json_null(tmp_path, capsys):
    sql = "SELECT JSON_VALUE('{\"a\":' || REPEAT('[', 100000), '$.a');\n"
    code, out = check(tmp_path, capsys, sql, "run")
    assert code == 0, out
    assert "+I[null]" in out  # Flink 2.3's answer


def test_per_distinct_takes_what_polars_passes():
    import polars as pl

    from bailian_assets.executor.functions.numeric import per_distinct

    seen = []

    def fails(value):
        raise ZeroDivisionError("no")

    frame = pl.DataFrame({"x": ["a", "b", None]})
    try:
        frame.select(per_distinct(pl.col("x"), fails, pl.String))
    except ZeroDivisionError as error:
        seen.append(error)
    # raised on the first call: not chained to Polars' TypeError about `return_dtype`
    assert seen and seen[0].__context__ is None
    doubled = frame.select(per_distinct(pl.col("x"), lambda v: v * 2, pl.String))
    assert doubled.to_series().to_list() == ["aa", "bb", None]


def test_any_exception_of_a_function_is_a_located_error(tmp_path, capsys, monkeypatch):
    import polars as pl

    from bailian_assets.executor import functions
    from bailian_assets.executor.functions.common import rowwise

    def broken(text):
        raise OSError(75, "Value too large for defined data type")

    monkeypatch.setitem(
        functions.IMPLEMENTATIONS, "SHA256", lambda a, r: rowwise(broken, a, pl.String)
    )
    code, out = check(tmp_path, capsys, "SELECT SHA256('x');\n", "run")
    assert code == 1 and "Traceback" not in out
    assert "job.sql:1:1: error: the query failed: OSError: [Errno 75]" in out


# ------------------------------------------------------------ 4. model options checked early


def test_model_options_that_would_fail_at_run_are_refused_by_check(tmp_path, capsys):
    base = ROWS_JOB.replace("'good ${DASHSCOPE_API_KEY:-x}'", "'good'").replace(
        "'${DASHSCOPE_API_KEY}'", "'sk-test'"
    )
    for option, wanted in [
        ("'extra-body' = '{\"a\": NaN}'", "NaN is not a JSON value"),
        ("'extra-body' = '{\"a\": 1e999}'", "too large for a double"),
        ("'max-tokens' = '99999999999999999999'", "expected an integer in [1, 2147483647]"),
        ("'seed' = '2147483648'", "expected an integer in [0, 2147483647]"),
    ]:
        sql = base.replace("'model' = 'qwen-turbo',", f"'model' = 'qwen-turbo', {option},")
        code, out = check(tmp_path, capsys, sql)
        key = option.split("'")[1]
        assert code == 1, option
        assert f"invalid value for '{key}'" in out and wanted in out, out
        assert re.search(r"\(at \S*job.sql:2:\d+\)", out), out  # located on the option


# ------------------------------------------------------------ 6. links that lead nowhere


def test_check_of_a_folder_names_each_link_that_leads_nowhere(tmp_path, capsys):
    folder = tmp_path / "sql"
    folder.mkdir()
    (folder / "ok.sql").write_text("SELECT 1;\n")
    (folder / "dangling.sql").symlink_to(tmp_path / "nonexistent.sql")
    (folder / "loop1.sql").symlink_to(folder / "loop2.sql")
    (folder / "loop2.sql").symlink_to(folder / "loop1.sql")
    assert main(["check", str(folder)]) == 2  # as for any file that cannot be read
    out = capsys.readouterr()
    text = out.out + out.err
    for name in ("dangling.sql", "loop1.sql", "loop2.sql"):
        assert f"{name}: error: cannot read" in text and "fix or remove the link" in text
    assert "ok.sql" not in text


# ------------------------------------------------------------ 8. plan and -v say what they do


def test_plan_shows_the_currency_the_model_declares():
    from bailian_assets.backends import simulated_backend
    from bailian_assets.executor.estimate import describe, estimate_project
    from bailian_assets.planning.project import load_source
    from bailian_assets.simulator.service import BailianSimulator

    sql = ROWS_JOB.replace("'good ${DASHSCOPE_API_KEY:-x}'", "'good'").replace(
        "'${DASHSCOPE_API_KEY}'",
        "'sk-test', 'price.input-per-million-tokens' = '2', "
        "'price.output-per-million-tokens' = '6', 'price.currency' = 'USD'",
    )
    (estimate,) = estimate_project(
        load_source(sql, "job.sql", {}), simulated_backend(BailianSimulator())
    )
    assert estimate.currency == "USD" and estimate.summary()["currency"] == "USD"
    assert re.search(r"~0\.\d+ USD", describe([estimate]))


def test_run_verbose_logs_simulated_requests_without_a_real_url(tmp_path):
    sql = ROWS_JOB.replace("'good ${DASHSCOPE_API_KEY:-x}'", "'good'").replace(
        "'${DASHSCOPE_API_KEY}'", "'sk-test'"
    )
    process = run_cli(tmp_path, sql, "-v", "run")
    assert process.returncode == 0, process.stderr
    assert "simulated request (answered in-process, nothing sent): POST" in process.stderr
    assert "/compatible-mode/v1/chat/completions 200 OK" in process.stderr
    assert "https://dashscope" not in process.stderr.replace("'https://dashscope", "")
    assert "HTTP Request:" not in process.stderr


def test_from_unixtime_uses_javas_calendar_before_1582_and_past_9999(tmp_path, capsys):
    sql = (
        "SELECT FROM_UNIXTIME(-99999999999), FROM_UNIXTIME(-62135596801), "
        "FROM_UNIXTIME(253402300800);\n"
    )
    code, out = check(tmp_path, capsys, sql, "run")
    assert code == 0, out
    # Flink 2.3's answer: Julian dates, years of their era
    assert "+I[1200-02-26 14:13:21, 0001-01-02 23:59:59, 10000-01-01 00:00:00]" in out


# ------------------------------------------------------------ 5. CHR out of range


def test_chr_out_of_range_is_flinks_low_byte(tmp_path, capsys):
    """Flink's CHR keeps the code's low 8 bits and gives '' below 0: CHR(1114112) is U+0000,
    as the oracle prints it (a NUL byte), and CHR(321) is 'A'."""
    sql = (
        "SELECT CHR(-1), CHR(1114112), CHR(300), CHR(321), CHAR_LENGTH(CHR(-1)), "
        "ASCII(CHR(1114112));\n"
    )
    code, out = check(tmp_path, capsys, sql, "run")
    assert code == 0, out
    assert "+I[, \0, ,, A, 0, 0]" in out  # byte for byte Flink 2.3's line
