"""The cache folder's failure modes: a warning naming the file and the cause, never a traceback.

A corrupt, read-only, uncreatable or full cache folder turns the response cache (or the shared
pacing schedule) off with one warning; the run goes on and gives the same rows. A full disk is
simulated by a connection that fails the way SQLite does (no root tricks, no tiny tmpfs).
"""

import asyncio
import sqlite3
import subprocess
import sys

import pytest

from bailian_assets.client import database
from bailian_assets.client.cache import ResponseCache, cache_key
from bailian_assets.client.client import ModelClient, ModelConfig
from bailian_assets.client.pacer import Pacer, SharedSchedule
from bailian_assets.secrets import Secret
from bailian_assets.simulator.service import BailianSimulator
from conftest import ROOT, clean_env

CHAT = ModelConfig(
    "m",
    "chat",
    "https://dashscope-intl.aliyuncs.com/compatible-mode/v1/chat/completions",
    Secret("sk-folder-test-key"),
    "qwen-turbo",
    "Label: [positive, negative].",
    error_handling="IGNORE",
)
TEXTS = [f"review {i} was great" for i in range(5)]
GARBAGE = b"this is not a SQLite database, but someone's notes\n" * 20


def predict(cache=None, pacer=None, config=CHAT, texts=TEXTS):
    warnings = []
    client = ModelClient(
        config,
        transport=BailianSimulator().transport(),
        cache=cache,
        pacer=pacer,
        backend="simulator",
        on_warning=warnings.append,
    )
    results, usage = asyncio.run(client.predict(texts))
    assert [r.value for r in results] == ["positive"] * len(texts)  # the same rows
    return usage, warnings


class FailingConnection:
    """A real SQLite connection whose statements starting with a verb in `fail` raise what
    SQLite raises; `rolled_back`: SQLite has undone the transaction itself, as it may on
    SQLITE_FULL, so a ROLLBACK would fail with "no transaction is active"."""

    def __init__(self, real, fail, rolled_back=False):
        self.real, self.fail, self.rolled_back = real, fail, rolled_back

    def _check(self, sql):
        verb = sql.split()[0].upper()
        if verb in self.fail:
            if self.rolled_back and self.real.in_transaction:
                self.real.execute("ROLLBACK")
            raise sqlite3.OperationalError(self.fail[verb])

    def execute(self, sql, *args):
        self._check(sql)
        return self.real.execute(sql, *args)

    def executemany(self, sql, rows):
        self._check(sql)
        return self.real.executemany(sql, rows)

    @property
    def in_transaction(self):
        return self.real.in_transaction

    def close(self):
        self.real.close()


@pytest.fixture
def failing(monkeypatch):
    """Make every database the client opens fail as given."""

    def install(fail, rolled_back=False):
        def connect(path, **kwargs):
            return FailingConnection(sqlite3.connect(path, **kwargs), fail, rolled_back)

        monkeypatch.setattr(database, "_connect", connect)

    return install


# ---------------------------------------------------------------- the response cache


def test_a_corrupt_cache_file_is_named_left_alone_and_the_run_goes_on(tmp_path):
    path = tmp_path / "responses.sqlite3"
    path.write_bytes(GARBAGE)
    usage, warnings = predict(ResponseCache(tmp_path))
    assert usage.requests == 5
    assert warnings == [
        f"model 'm': cannot use the response cache {path}: file is not a "
        "database (the file is damaged; delete it to start afresh); running "
        "without it"
    ]
    assert path.read_bytes() == GARBAGE  # not ours to delete or overwrite


def test_a_file_in_the_way_of_the_cache_folder(tmp_path):
    (tmp_path / "cache").write_text("a file, not a folder")
    folder = tmp_path / "cache" / "bailian"
    usage, warnings = predict(ResponseCache(folder))
    assert usage.requests == 5
    assert warnings == [
        f"model 'm': cannot use the response cache {folder}/responses.sqlite3: "
        f"cannot create the folder {folder}: Not a directory; running without "
        "it"
    ]


def test_a_read_only_cache_is_a_warning(tmp_path, failing):
    failing({"INSERT": "attempt to write a readonly database"})
    cache = ResponseCache(tmp_path)
    usage, warnings = predict(cache)
    assert usage.requests == 5 and len(warnings) == 1
    assert f"{tmp_path}/responses.sqlite3: attempt to write a readonly database" in warnings[0]
    _, warnings = predict(cache)  # off from then on: no second error, no second traceback
    assert len(warnings) == 1


@pytest.mark.parametrize("verb", ["COMMIT", "INSERT"])
def test_a_full_disk_names_the_real_cause_not_cannot_rollback(tmp_path, failing, verb):
    failing({verb: "database or disk is full"}, rolled_back=True)
    usage, warnings = predict(ResponseCache(tmp_path))
    assert usage.requests == 5
    assert warnings == [
        f"model 'm': cannot use the response cache {tmp_path}/responses."
        "sqlite3: database or disk is full; running without it"
    ]


def test_entries_an_older_version_left_are_misses_not_crashes(tmp_path):
    cache = ResponseCache(tmp_path)
    predict(cache)
    db = sqlite3.connect(tmp_path / "responses.sqlite3")
    keys = [key for (key,) in db.execute("SELECT key FROM answers ORDER BY key")]
    bad = [
        ("vector", b"\x00\x00\x80"),
        ("texts", b"[not json"),
        ("kind from the future", b"x"),
        ("text", b"\xff\xfe not utf-8"),
        ("vector", b"\x00\x00\x80\x3f"),
    ]
    with db:
        for key, (kind, value) in zip(keys, bad, strict=False):
            db.execute("UPDATE answers SET kind = ?, value = ? WHERE key = ?", (kind, value, key))
    usage, warnings = predict(cache)
    assert usage.cache_hits == 0 and usage.requests == 5 and warnings == []
    usage, _ = predict(cache)
    assert usage.cache_hits == 5  # each bad entry was replaced by a good answer


def test_a_cached_answer_of_the_wrong_kind_for_the_model_is_a_miss(tmp_path):
    embedding = ModelConfig(
        "e",
        "embedding",
        "https://x/compatible-mode/v1/embeddings",
        Secret("k"),
        "text-embedding-v3",
        request={"dimensions": 64},
        error_handling="IGNORE",
    )
    cache = ResponseCache(tmp_path)
    client = ModelClient(
        embedding,
        transport=BailianSimulator().transport(),
        cache=cache,
        pacer=None,
        backend="simulator",
    )
    keys = [cache_key(client._fingerprint, t) for t in ("a", "b", "c")]
    cache.put_many({keys[0]: "positive", keys[1]: [0.5] * 63, keys[2]: [0.25] * 64})
    results, usage = asyncio.run(client.predict(["a", "b", "c"]))
    assert usage.cache_hits == 1 and usage.requests == 1  # a text and a short vector: misses
    assert all(len(r.value) == 64 for r in results) and results[2].value == [0.25] * 64


def test_the_command_line_runs_without_an_unusable_cache_folder_and_says_why(tmp_path):
    (tmp_path / "blocked").write_text("a file where the cache folder should be")
    folder = tmp_path / "blocked" / "cache"
    process = subprocess.run(
        [sys.executable, "-m", "bailian_assets.cli", "run", "sql/movie_sentiment.sql"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env=clean_env(BAILIAN_CACHE_DIR=str(folder)),
    )
    assert process.returncode == 0, process.stderr
    assert len(process.stdout.splitlines()) == 2
    assert "Traceback" not in process.stderr
    assert (
        f"cannot use the response cache {folder}/responses.sqlite3: cannot create the "
        f"folder {folder}: Not a directory; running without it" in process.stderr
    )
    assert f"cannot share the pacing schedule through {folder}/pacing.sqlite3" in process.stderr


# ---------------------------------------------------------------- the pacing schedule


def test_a_corrupt_pacing_file_falls_back_to_this_process_schedule(tmp_path):
    path = tmp_path / "pacing.sqlite3"
    path.write_bytes(GARBAGE)
    pacer = Pacer(rpm=600, schedule=SharedSchedule(tmp_path, "simulator x qwen-turbo"))
    usage, warnings = predict(pacer=pacer)
    assert usage.requests == 5
    assert warnings == [
        f"model 'm': cannot share the pacing schedule through {path}: file is "
        "not a database (the file is damaged; delete it to start afresh); "
        "pacing within this process only"
    ]
    assert path.read_bytes() == GARBAGE


def test_a_full_disk_under_the_pacing_file_keeps_the_pace(tmp_path, failing):
    failing({"COMMIT": "database or disk is full"}, rolled_back=True)
    now = [1000.0]
    schedule = SharedSchedule(tmp_path, "k", clock=lambda: now[0])
    pacer = Pacer(rpm=60, clock=lambda: now[0], schedule=schedule)
    booked = [pacer.book() for _ in range(3)]
    assert [b for b, _ in booked] == [True, False, False]  # one a second, still
    assert "database or disk is full" in schedule.problem
    assert "cannot rollback" not in schedule.problem


def test_the_pacing_file_holds_no_endpoint(tmp_path):
    secret = "tenant-7f3a9c1e55"
    schedule = SharedSchedule(tmp_path, f"http https://{secret}.example.com/v1 qwen-turbo")
    Pacer(rpm=60, schedule=schedule).book()
    content = (tmp_path / "pacing.sqlite3").read_bytes()
    wal = tmp_path / "pacing.sqlite3-wal"
    content += wal.read_bytes() if wal.exists() else b""
    assert secret.encode() not in content and b"example.com" not in content
    assert schedule.problem is None
