"""Polars' own scans of Parquet files whose columns hold the declared types, remembered while
the files stay as they are.

Deciding whether a table's files can be scanned by Polars itself (`filesystem._native_parquet`)
reads each file's schema; the scan made for it resolves the file once, and the query's collect
reuses what it read. A process that runs many queries (a Dagster code server, a benchmark)
would read the same footers again for every query: `ParquetScans` keeps each set of files'
verdict (the scan, or None when the types differ) under the identity of every file as `stat`
gives it: device, inode, size, modification and change times. A file rewritten in place, or
replaced by another of the same name, has another identity, so a changed file is never served
a remembered scan: the change time cannot be set back (unlike the modification time, which
`cp -p` or `touch -d` may restore), and a write sets it to the clock's time. File systems
stamp times from a coarse clock, so a file that changes twice within one tick may keep its
stamp: files changed less than `SETTLED_NS` before they were looked at are not remembered (as
git treats "racily clean" index entries), only scanned.
"""

from __future__ import annotations

import os
import threading
import time
from collections import OrderedDict
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import NamedTuple

import polars as pl

SETTLED_NS = 2_000_000_000  # a file unchanged for this long has a stamp no change can share
_LIMIT = 256  # sets of files remembered; the least recently used is forgotten first


class FileIdentity(NamedTuple):
    """What `stat` says of a file: any write or replacement changes one of these."""

    path: str
    device: int
    inode: int
    size: int
    modified_ns: int
    changed_ns: int

    @classmethod
    def of(cls, file: Path) -> FileIdentity:
        info = os.stat(file)
        return cls(
            str(file), info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns
        )


_Key = tuple[tuple[FileIdentity, ...], tuple[tuple[str, pl.DataType], ...]]


class ParquetScans:
    """Scans of sets of Parquet files by their identities (see the module's docstring)."""

    def __init__(self, limit: int = _LIMIT):
        self.limit = limit
        self._entries: OrderedDict[_Key, pl.LazyFrame | None] = OrderedDict()
        self._lock = threading.Lock()  # a Dagster run's assets may scan from several threads

    def scan(
        self, files: Sequence[Path], declared: Mapping[str, pl.DataType]
    ) -> pl.LazyFrame | None:
        """Polars' scan of `files` when every file holds each `declared` column with exactly its
        type; None when one does not (or cannot be read: the caller's reader names the
        problem). Raises OSError when a file cannot be looked at."""
        looked_at = time.time_ns()
        identities = tuple(FileIdentity.of(file) for file in files)
        key: _Key = (identities, tuple(declared.items()))
        with self._lock:
            if key in self._entries:
                self._entries.move_to_end(key)
                return self._entries[key]
        found = _checked_scan(files, declared)
        if all(looked_at - i.changed_ns >= SETTLED_NS for i in identities):
            with self._lock:
                self._entries[key] = found
                while len(self._entries) > self.limit:
                    self._entries.popitem(last=False)
        return found

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()


def _checked_scan(
    files: Sequence[Path], declared: Mapping[str, pl.DataType]
) -> pl.LazyFrame | None:
    """The scan of `files`, or None when a file's types differ from `declared`. The first
    file's schema comes from the scan itself, which keeps what it read for the collect."""
    scan = pl.scan_parquet(list(files))
    try:
        schemas = [scan.collect_schema(), *(pl.read_parquet_schema(f) for f in files[1:])]
    except (pl.exceptions.PolarsError, OSError):
        return None
    if any(held.get(name) != dtype for held in schemas for name, dtype in declared.items()):
        return None
    return scan


SCANS = ParquetScans()  # the process's: every filesystem table's Parquet files
