"""The response cache: every answer stored as it arrives, so nothing is paid for twice.

SQLite in `$BAILIAN_CACHE_DIR` (default `$XDG_CACHE_HOME/bailian-assets`, else
`~/.cache/bailian-assets`), one row per input, keyed by a hash of everything that changes the
answer: where the request goes (the simulator or the service), endpoint, model, task, system
prompt, every request option, and the input text. Only answers are stored, never failures. Each
answer is committed on arrival (WAL journal), so a job killed half way, even with SIGKILL, loses
at most the answers in flight; run again, it sends only the rest.
"""

from __future__ import annotations

import array
import hashlib
import json
import os
import sqlite3
import threading
import time
from pathlib import Path
from typing import Iterable, Mapping

CACHE_DIR_ENV = "BAILIAN_CACHE_DIR"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS answers (
    key TEXT PRIMARY KEY,
    kind TEXT NOT NULL,     -- text | texts | vector
    value BLOB NOT NULL,
    created REAL NOT NULL
)
"""


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
    def __init__(self, folder: str | os.PathLike):
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        self.path = folder / "responses.sqlite3"
        self._db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False,
                                   timeout=30)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute(_SCHEMA)
        self._lock = threading.Lock()

    def get_many(self, keys: Iterable[str]) -> dict[str, object]:
        keys = list(keys)
        found: dict[str, object] = {}
        with self._lock:
            for start in range(0, len(keys), 500):
                chunk = keys[start : start + 500]
                marks = ",".join("?" * len(chunk))
                rows = self._db.execute(
                    f"SELECT key, kind, value FROM answers WHERE key IN ({marks})", chunk)
                for key, kind, value in rows:
                    found[key] = _decode(kind, value)
        return found

    def put_many(self, items: Mapping[str, object]) -> None:
        """Store answers (one transaction: they arrived together)."""
        now = time.time()
        rows = [(key, *_encode(value), now) for key, value in items.items()]
        with self._lock:
            self._db.execute("BEGIN")
            self._db.executemany("INSERT OR REPLACE INTO answers VALUES (?, ?, ?, ?)", rows)
            self._db.execute("COMMIT")

    def __len__(self) -> int:
        with self._lock:
            return self._db.execute("SELECT COUNT(*) FROM answers").fetchone()[0]

    def close(self) -> None:
        self._db.close()


def _encode(value: object) -> tuple[str, bytes]:
    if isinstance(value, str):
        return "text", value.encode()
    if value and isinstance(value, list) and isinstance(value[0], str):
        return "texts", json.dumps(value, ensure_ascii=False).encode()
    return "vector", array.array("f", value).tobytes()  # type: ignore[arg-type]


def _decode(kind: str, value: bytes) -> object:
    if kind == "text":
        return value.decode()
    if kind == "texts":
        return json.loads(value)
    return array.array("f", value).tolist()


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
