"""The response cache: every answer stored as it arrives, so nothing is paid for twice.

SQLite in `$BAILIAN_CACHE_DIR` (default `$XDG_CACHE_HOME/bailian-assets`, else
`~/.cache/bailian-assets`), one row per input, keyed by a hash of everything that changes the
answer: where the request goes (the simulator or the service), endpoint, model, task, system
prompt, every request option, and the input text. Only answers are stored, never failures. Each
answer is committed on arrival (WAL journal), so a job killed half way, even with SIGKILL, loses
at most the answers in flight; run again, it sends only the rest.

Only answers that passed the client's checks are stored, and an entry read back is used only
if it decodes as the kind the model expects (the client checks it again), so an entry written
by an older version, or damaged, is a miss, never a crash. A cache folder or file that cannot
be used (see `database`) turns the cache off with a reason in `problem`, which the client
reports once as a warning: the run goes on, sending every row.
"""

from __future__ import annotations

import array
import hashlib
import json
import logging
import os
import sqlite3
import threading
import time
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import cast

from bailian_assets.client.database import (
    StoreUnavailable,
    close_quietly,
    describe,
    open_store,
    transaction,
)

CACHE_DIR_ENV = "BAILIAN_CACHE_DIR"
_SETUP = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=NORMAL",
    """
CREATE TABLE IF NOT EXISTS answers (
    key TEXT PRIMARY KEY,
    kind TEXT NOT NULL,     -- text | texts | vector
    value BLOB NOT NULL,
    created REAL NOT NULL
)
""",
)
log = logging.getLogger("bailian_assets.client")


def default_cache_dir(environ: Mapping[str, str] | None = None) -> Path:
    environ = os.environ if environ is None else environ
    if environ.get(CACHE_DIR_ENV):
        return Path(environ[CACHE_DIR_ENV])
    base = environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "bailian-assets"


def request_fingerprint(parts: Mapping[str, object]) -> str:
    """What makes answers differ, apart from the input; hashed with each input for its key."""
    return json.dumps(parts, sort_keys=True, ensure_ascii=False, default=str)


def cache_key(fingerprint: str, text: str) -> str:
    digest = hashlib.sha256()
    digest.update(fingerprint.encode())
    digest.update(b"\x00")
    digest.update(text.encode())
    return digest.hexdigest()


class ResponseCache:
    """The answers of one cache folder. Opened on first use; when the file cannot be used
    (see `database`), `problem` says why and the cache answers nothing and stores nothing
    from then on, so a run goes on without it."""

    def __init__(self, folder: str | os.PathLike):
        self.path = Path(folder) / "responses.sqlite3"
        self.problem: str | None = None
        self._db: sqlite3.Connection | None = None
        self._lock = threading.Lock()

    def get_many(self, keys: Iterable[str]) -> dict[str, object]:
        """The stored answers among `keys`. An entry that does not decode is left out (a
        miss), whatever wrote it."""
        keys = list(keys)
        found: dict[str, object] = {}
        with self._lock:
            db = self._connection()
            if db is None:
                return found
            try:
                for start in range(0, len(keys), 500):
                    chunk = keys[start : start + 500]
                    marks = ",".join("?" * len(chunk))
                    rows = db.execute(
                        f"SELECT key, kind, value FROM answers WHERE key IN ({marks})", chunk
                    )
                    for key, kind, value in rows:
                        _decode_into(found, key, kind, value)
            except sqlite3.Error as error:
                self._disable(describe(self.path, error))
                return {}
        return found

    def put_many(self, items: Mapping[str, object]) -> None:
        """Store answers (one transaction: they arrived together)."""
        now = time.time()
        rows = [(key, *_encode(value), now) for key, value in items.items()]
        with self._lock:
            db = self._connection()
            if db is None:
                return
            try:
                with transaction(db):
                    db.executemany("INSERT OR REPLACE INTO answers VALUES (?, ?, ?, ?)", rows)
            except sqlite3.Error as error:
                self._disable(describe(self.path, error))

    def __len__(self) -> int:
        with self._lock:
            db = self._connection()
            try:
                return db.execute("SELECT COUNT(*) FROM answers").fetchone()[0] if db else 0
            except sqlite3.Error as error:
                self._disable(describe(self.path, error))
                return 0

    def close(self) -> None:
        with self._lock:
            close_quietly(self._db)
            self._db = None

    def _connection(self) -> sqlite3.Connection | None:
        """The database, opened on first use; None once the cache is off."""
        if self._db is None and self.problem is None:
            try:
                self._db = open_store(self.path, _SETUP)
            except StoreUnavailable as error:
                self._disable(str(error))
        return self._db

    def _disable(self, cause: str) -> None:
        self.problem = f"cannot use the response cache {self.path}: {cause}; running without it"
        log.debug("%s", self.problem)
        close_quietly(self._db)
        self._db = None


def _encode(value: object) -> tuple[str, bytes]:
    if isinstance(value, str):
        return "text", value.encode()
    if value and isinstance(value, list) and isinstance(value[0], str):
        return "texts", json.dumps(value, ensure_ascii=False).encode()
    # anything else is an embedding: a list of floats (array raises on another value, as before)
    return "vector", array.array("f", cast("list[float]", value)).tobytes()


def _decode_into(found: dict[str, object], key: str, kind: str, value: bytes) -> None:
    try:
        found[key] = _decode(kind, value)
    except (ValueError, TypeError, AttributeError) as error:
        log.debug("cache entry %s... ignored: %s", key[:12], error)


def _decode(kind: str, value: bytes) -> object:
    if kind == "text":
        return value.decode()
    if kind == "texts":
        return json.loads(value)
    if kind == "vector":
        return array.array("f", value).tolist()
    raise ValueError(f"unknown kind {kind!r}")


_open: dict[Path, ResponseCache] = {}
_open_lock = threading.Lock()


def open_cache(folder: str | os.PathLike | None = None) -> ResponseCache:
    """The process's cache for a folder (default: `default_cache_dir()`), opened once."""
    path = Path(folder) if folder is not None else default_cache_dir()
    with _open_lock:
        cache = _open.get(path)
        if cache is None:
            cache = _open[path] = ResponseCache(path)
        return cache
