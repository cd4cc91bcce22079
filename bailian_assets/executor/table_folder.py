"""A filesystem sink's folder: what the table owns there, one writer at a time, atomic changes.

A table folder the tool writes looks like this:

    <path>/_bailian_table                  who owns the folder: table, declaring file, format,
                                           partition columns (written by the first write)
    <path>/_bailian_lock                   writers hold it (flock), one at a time; holds the pid
    <path>/dt=2025-01-01/_bailian_files    the data files the table wrote in this folder
    <path>/dt=2025-01-01/part-0.parquet

(an unpartitioned table keeps `_bailian_files` and its data files in `<path>` itself).

- **Nothing foreign is touched.** A write goes only into a folder that does not exist, is empty,
  or is marked as this table's. It never replaces or deletes a file that a `_bailian_files` of
  the table does not list: a folder holding anything else is refused, naming what it holds.
- **Every change is one atomic rename.** A data file is written under a temporary name beside
  its place and renamed over the old one; a new partition is built as a temporary folder and
  renamed into place; a partition is removed by renaming it aside, then deleting it. A reader
  (or a writer killed at any moment, even with SIGKILL) therefore sees each partition either as
  it was or as it is now, never missing or half written.
- **Leftovers** of a killed writer carry the prefix `._bailian.` (hidden: readers skip them) and
  are deleted by the next write, or by the next read that can take the lock at once.
- **One writer at a time.** A writer holds an exclusive lock on `_bailian_lock` while it
  changes files (not while it computes rows), so parallel runs writing one table take turns;
  one that waits longer than `LOCK_WAIT_SECONDS` gives up with "another run is writing table
  t (lock held by pid N)".
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import logging
import os
import shutil
import time
import uuid
from pathlib import Path
from typing import Callable, Iterator, Sequence

from bailian_assets.errors import ExecutionError
from bailian_assets.planning.connectors import TableSpec

MARKER = "_bailian_table"
LOCK = "_bailian_lock"
MANIFEST = "_bailian_files"
LEFTOVER = "._bailian."  # prefix of every temporary or retired name
LOCK_WAIT_SECONDS = 60.0
_SHOWN = 5  # foreign entries named in a refusal

log = logging.getLogger("bailian_assets")


# ------------------------------------------------------------------ ownership


def owner_record(table: TableSpec) -> dict:
    """What `_bailian_table` says about the table that owns a folder."""
    return {"table": table.name, "declared_at": f"{table.path}:{table.position.line}",
            "format": str(table.options["format"]),
            "partitioned_by": list(table.partitioned_by)}


def check_writable(table: TableSpec) -> None:
    """Refuse, before anything is computed or written, a folder that `table` may not write:
    a file, a folder of another table or written otherwise, a folder holding foreign files."""
    root = _location(table)
    if os.path.lexists(root):
        _check_root(table, root)


def _location(table: TableSpec) -> Path:
    if table.location is None:
        raise ExecutionError(f"table '{table.name}' has no path")
    return table.location


def _check_root(table: TableSpec, root: Path) -> None:
    if not root.is_dir():
        raise ExecutionError(f"table '{table.name}' ({_declared(table)}): path '{root}' is a "
                             "file, not a folder; a filesystem sink writes into a folder")
    marker = _read_json(root / MARKER)
    if marker is None:
        foreign = [root / e for e in _entries(root) if e != LOCK and not _leftover(e)]
    else:
        _check_owner(table, root, marker)
        foreign = [root / e for e in _entries(root) if not _ours_at_root(table, root, e)]
    if foreign:
        raise _foreign_error(table, root, foreign, unmarked=marker is None)


def _check_owner(table: TableSpec, root: Path, marker: dict) -> None:
    record = owner_record(table)
    if not marker:
        raise ExecutionError(f"table '{table.name}' ({_declared(table)}): '{root / MARKER}' "
                             "is unreadable; delete it if the folder holds nothing of value")
    if marker.get("table") != table.name:
        raise ExecutionError(
            f"table '{table.name}' ({_declared(table)}) cannot write to '{root}': the folder "
            f"belongs to table '{marker.get('table')}' (declared at "
            f"{marker.get('declared_at')}); give each sink a folder of its own")
    for key, what in (("format", "format"), ("partitioned_by", "partition columns")):
        if marker.get(key) != record[key]:
            raise ExecutionError(
                f"table '{table.name}' ({_declared(table)}): folder '{root}' holds it with "
                f"{what} {_show_value(marker.get(key))}, and it is now declared with "
                f"{_show_value(record[key])}; write it to a new folder, or delete '{root}' "
                "(this tool wrote it) to start afresh")


def _show_value(value: object) -> str:
    if isinstance(value, list):
        return "(" + ", ".join(map(str, value)) + ")" if value else "(none)"
    return repr(value)


def _ours_at_root(table: TableSpec, root: Path, entry: str) -> bool:
    """Whether `entry` of a marked table folder may stay there while the table is written:
    the table's own files, and hidden files (never read as data, never replaced)."""
    if entry in (MARKER, LOCK) or entry.startswith("."):
        return True
    if table.partitioned_by:  # partitions are checked when a write replaces them
        return entry.startswith(table.partitioned_by[0] + "=") and (root / entry).is_dir()
    return entry == MANIFEST or entry in (_read_manifest(root) or ())


def _foreign_error(table: TableSpec, folder: Path, foreign: Sequence[Path],
                   unmarked: bool = False) -> ExecutionError:
    shown = ", ".join(p.name + ("/" if p.is_dir() else "") for p in sorted(foreign)[:_SHOWN])
    more = f" and {len(foreign) - _SHOWN} more" if len(foreign) > _SHOWN else ""
    # folders written before the tool marked its folders have no marker either
    earlier = (f" (if an earlier version of bailian-assets wrote them, it did not mark the "
               f"folder as the table's: move them away once)") if unmarked else ""
    return ExecutionError(
        f"table '{table.name}' ({_declared(table)}): folder '{folder}' holds files this table "
        f"did not write: {shown}{more}. A filesystem sink writes only into a new or empty "
        f"folder, or one it wrote itself; point its 'path' at a folder of its own{earlier}")


def _declared(table: TableSpec) -> str:
    return f"declared at {table.path}:{table.position.line}"


def _leftover(name: str) -> bool:
    return name.startswith(LEFTOVER)


def _entries(folder: Path) -> list[str]:
    return sorted(os.listdir(folder))


# ------------------------------------------------------------------ the writer


class TableWriter:
    """Changes to one table folder, made while holding its lock. Use as a context manager:
    entering creates the folder (and its marker) if needed, refuses a folder the table may not
    write, takes the lock and clears what killed writers left."""

    def __init__(self, table: TableSpec):
        self.table = table
        self.root = _location(table)
        self._lock: contextlib.ExitStack | None = None

    def __enter__(self) -> "TableWriter":
        check_writable(self.table)  # before creating anything in a folder that is not ours
        stack = contextlib.ExitStack()
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            stack.enter_context(_exclusive_lock(self.table, self.root, LOCK_WAIT_SECONDS))
            _check_root(self.table, self.root)  # again: another writer may have come first
            if _read_json(self.root / MARKER) is None:
                _write_json(self.root / MARKER, owner_record(self.table))
            clear_leftovers(self.table, self.root)
        except OSError as error:
            stack.close()
            raise self._os_error("cannot prepare", self.root, error) from None
        except BaseException:
            stack.close()
            raise
        self._lock = stack
        return self

    def __exit__(self, *exc) -> None:
        if self._lock is not None:
            self._lock.close()

    # ------------------------------------------------------------ checks

    def check_replaceable(self, parts: Sequence[str], removing: bool = False) -> None:
        """Refuse if the data folder at `parts` (under the table folder) holds anything the
        table did not write, or if some part of the way is not a folder. Hidden files
        (`.DS_Store`, ...) are no obstacle to replacing the data beside them, which leaves them
        alone; they are to `removing` the folder."""
        folder = self.root
        for part in parts:
            folder = folder / part
            if os.path.lexists(folder) and not folder.is_dir():
                raise _foreign_error(self.table, folder.parent, [folder])
        if folder.is_dir():
            foreign = _foreign_in_data_folder(folder, is_root=not parts,
                                              keep_hidden=not removing)
            if foreign:
                raise _foreign_error(self.table, folder, foreign)

    def check_partition(self, parts: Sequence[str], removing: bool) -> None:
        """Refuse if the partition folder at `parts`, with every partition under it, holds
        anything the table did not write (hidden files aside, unless `removing` it)."""
        folder = self.root.joinpath(*parts)
        if not os.path.lexists(folder):
            return
        if not folder.is_dir():
            raise _foreign_error(self.table, folder.parent, [folder])
        levels = self.table.partitioned_by[len(parts):]
        if not levels:
            self.check_replaceable(parts, removing)
            return
        for entry in _entries(folder):
            if _leftover(entry) or (not removing and entry.startswith(".")):
                continue
            if not entry.startswith(levels[0] + "=") or not (folder / entry).is_dir():
                raise _foreign_error(self.table, folder, [folder / entry])
            self.check_partition([*parts, entry], removing)

    # ------------------------------------------------------------ changes

    def replace(self, parts: Sequence[str], name: str, write: Callable[[Path], None]) -> Path:
        """Make `name` the only data file of the folder at `parts`, its content written by
        `write(path)`; one atomic rename, whether the folder exists or not. The caller has
        checked the folder with `check_replaceable`."""
        folder = self.root.joinpath(*parts)
        try:
            if folder.is_dir():
                self._replace_file(folder, name, write)
            else:
                self._create_folder(parts, name, write)
        except OSError as error:
            raise self._os_error("cannot write", folder, error) from None
        return folder

    def _replace_file(self, folder: Path, name: str, write: Callable[[Path], None]) -> None:
        temporary = folder / _temporary_name(name)
        write(temporary)
        _fsync(temporary)
        listed = _read_manifest(folder) or []
        if name not in listed:  # the manifest lists the file before it is there
            listed = [*listed, name]
            _write_json(folder / MANIFEST, {"files": listed})
        os.replace(temporary, folder / name)
        for old in listed:  # files of an earlier write under other names: the table's own
            if old != name:
                (folder / old).unlink(missing_ok=True)
        if listed != [name]:
            _write_json(folder / MANIFEST, {"files": [name]})
        _fsync(folder)

    def _create_folder(self, parts: Sequence[str], name: str,
                       write: Callable[[Path], None]) -> None:
        parent, index = self.root, 0
        while (parent / parts[index]).is_dir():  # the first folder of the way that is missing
            parent, index = parent / parts[index], index + 1
        staging = parent / _temporary_name(parts[index])
        folder = staging.joinpath(*parts[index + 1:])
        folder.mkdir(parents=True)
        write(folder / name)
        _fsync(folder / name)
        _write_json(folder / MANIFEST, {"files": [name]})
        os.rename(staging, parent / parts[index])
        _fsync(parent)

    def remove(self, parts: Sequence[str]) -> None:
        """Delete the partition folder at `parts` (checked with `check_partition`): renamed
        aside first, so it is gone at once, then deleted."""
        folder = self.root.joinpath(*parts)
        if not os.path.lexists(folder):
            return
        retired = folder.parent / f"{LEFTOVER}del.{uuid.uuid4().hex}.{folder.name}"
        try:
            os.rename(folder, retired)
            _fsync(folder.parent)
        except OSError as error:
            raise self._os_error("cannot remove", folder, error) from None
        shutil.rmtree(retired, ignore_errors=True)

    def _os_error(self, doing: str, path: Path, error: OSError) -> ExecutionError:
        reason = error.strerror or str(error)
        return ExecutionError(f"table '{self.table.name}' ({_declared(self.table)}): {doing} "
                              f"'{path}': {reason}")


def _foreign_in_data_folder(folder: Path, is_root: bool, keep_hidden: bool) -> list[Path]:
    allowed = {MANIFEST, *(_read_manifest(folder) or ())}
    if is_root:
        allowed |= {MARKER, LOCK}
    return [folder / e for e in _entries(folder) if e not in allowed and not _leftover(e)
            and not (keep_hidden and e.startswith("."))]


def _temporary_name(name: str) -> str:
    return f"{LEFTOVER}tmp.{uuid.uuid4().hex}.{name}"


# ------------------------------------------------------------------ leftovers


def clear_leftovers(table: TableSpec, root: Path) -> int:
    """Delete what killed writers left in the table folder (call with the lock held).
    Returns how many entries were deleted."""
    return sum(_clear(folder) for folder in _owned_folders(root, table.partitioned_by))


def _owned_folders(folder: Path, levels: Sequence[str]) -> Iterator[Path]:
    """The table folder and its partition folders, every level down."""
    yield folder
    if not levels:
        return
    for entry in _entries(folder):
        child = folder / entry
        if entry.startswith(levels[0] + "=") and child.is_dir():
            yield from _owned_folders(child, levels[1:])


def _clear(folder: Path) -> int:
    cleared = 0
    for entry in _entries(folder):
        if _leftover(entry):
            path = folder / entry
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path, ignore_errors=True)
            else:
                path.unlink(missing_ok=True)
            cleared += 1
    return cleared


def tidy(table: TableSpec) -> None:
    """Clear leftovers of killed writers if no one is writing the table now (for readers:
    never waits, and does nothing in a folder this tool did not write or cannot lock)."""
    root = table.location
    if root is None or not (root / MARKER).is_file():
        return
    if not any(_leftover(e) for folder in _owned_folders(root, table.partitioned_by)
               for e in _entries(folder)):
        return
    try:
        with _exclusive_lock(table, root, wait=0.0):
            clear_leftovers(table, root)
    except (ExecutionError, OSError):
        pass  # a writer is at work (it clears them itself), or the folder is read-only


# ------------------------------------------------------------------ the lock


@contextlib.contextmanager
def _exclusive_lock(table: TableSpec, root: Path, wait: float) -> Iterator[None]:
    """Hold `_bailian_lock` exclusively, waiting up to `wait` seconds for another holder."""
    fd = os.open(root / LOCK, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        _acquire(fd, table, root, wait)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        yield
    finally:
        os.close(fd)  # releases the lock


def _acquire(fd: int, table: TableSpec, root: Path, wait: float) -> None:
    deadline = time.monotonic() + wait
    told = False
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            holder = os.pread(fd, 32, 0).decode(errors="replace").strip() or "unknown"
            if time.monotonic() >= deadline:
                raise ExecutionError(
                    f"another run is writing table '{table.name}' (lock held by pid {holder}, "
                    f"on {root / LOCK}); run again when it has finished") from None
            if not told:
                log.info("waiting for another run writing table '%s' (pid %s)", table.name,
                         holder)
                told = True
            time.sleep(0.05)


# ------------------------------------------------------------------ small files


def _read_manifest(folder: Path) -> list[str] | None:
    record = _read_json(folder / MANIFEST)
    if record is None:
        return None
    files = record.get("files")
    return [f for f in files if _plain_name(f)] if isinstance(files, list) else []


def _plain_name(name: object) -> bool:
    """A data file name a manifest may list: in its own folder, not one of ours."""
    return isinstance(name, str) and name not in ("", ".", "..") and "/" not in name \
        and "\0" not in name and not name.startswith(("_bailian", LEFTOVER))


def _read_json(path: Path) -> dict | None:
    try:
        value = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError):
        return {}  # present but unreadable: still a marker, one that matches nothing
    return value if isinstance(value, dict) else {}


def _write_json(path: Path, value: dict) -> None:
    """Write a small file atomically: under a temporary name, then renamed into place."""
    temporary = path.parent / _temporary_name(path.name)
    temporary.write_text(json.dumps(value, ensure_ascii=False, indent=1) + "\n",
                         encoding="utf-8")
    _fsync(temporary)
    os.replace(temporary, path)


def _fsync(path: Path) -> None:
    """Flush a file or a folder to disk, so a rename is never seen before its content."""
    fd = os.open(path, os.O_RDONLY | (os.O_DIRECTORY if path.is_dir() else 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
