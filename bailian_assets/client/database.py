"""The SQLite files of the cache folder (answers, pacing schedule), opened so that failing is
a warning, not a traceback.

Both files are conveniences: a run without them sends more requests (no cache) or paces
within its own process only (no shared schedule), but gives the same rows. So a folder that
cannot be created (a file in the way, no permission), a file that is not a database, a
read-only file or folder, and a full disk all end the same way: `StoreUnavailable`, whose
message names the file and the cause, and the owner carries on without the file.

A failed COMMIT (SQLITE_FULL) may leave SQLite having rolled the transaction back already, and
a ROLLBACK then fails with "cannot rollback - no transaction is active", hiding the real cause:
`transaction` rolls back only what is still open, and reports the first error.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path

_connect = sqlite3.connect  # tests put a failing connection in its place


class StoreUnavailable(Exception):
    """A cache-folder file that cannot be used; the message says why (its owner names it)."""


def open_store(path: Path, setup: Sequence[str]) -> sqlite3.Connection:
    """Create the folder, open the file and run `setup` (pragmas, schema)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StoreUnavailable(
            f"cannot create the folder {path.parent}: {error.strerror or error}"
        ) from None
    db = None
    try:
        db = _connect(path, timeout=30, isolation_level=None, check_same_thread=False)
        for statement in setup:
            db.execute(statement)
        return db
    except sqlite3.Error as error:
        close_quietly(db)
        raise StoreUnavailable(describe(path, error)) from None


@contextlib.contextmanager
def transaction(db: sqlite3.Connection, begin: str = "BEGIN") -> Iterator[None]:
    """BEGIN ... COMMIT; on any error, roll back what is still open and re-raise the error."""
    db.execute(begin)
    try:
        yield
        db.execute("COMMIT")
    except BaseException:
        if db.in_transaction:
            with contextlib.suppress(sqlite3.Error):
                db.execute("ROLLBACK")
        raise


def describe(path: Path, error: sqlite3.Error) -> str:
    """SQLite's words about `path`, with the likely reason when the file cannot be written."""
    text = str(error)
    if "readonly" in str(error) or "unable to open" in str(error):
        if path.exists() and not os.access(path, os.W_OK):
            text += " (the file is read-only)"
        elif not os.access(path.parent, os.W_OK):
            text += " (the folder is read-only)"
    elif "not a database" in str(error) or "malformed" in str(error):
        text += " (the file is damaged; delete it to start afresh)"
    return text


def close_quietly(db: sqlite3.Connection | None) -> None:
    if db is not None:
        with contextlib.suppress(sqlite3.Error):
            db.close()
