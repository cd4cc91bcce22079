"""A filesystem sink's folder: what the table owns there, one writer at a time, atomic changes.

A table folder the tool writes looks like this:

    <path>/_bailian_table                  who owns the folder: table, declaring file (absolute,
                                           and relative to the folder), columns, format,
                                           partition columns (written by the first write)
    <path>/_bailian_lock                   writers hold it (flock), one at a time; holds the pid
    <path>/_bailian_journal                while a writer works (or after it was killed): the
                                           temporary names it made
    <path>/dt=2025-01-01/_bailian_files    the data files the table wrote in this folder
    <path>/dt=2025-01-01/part-0.parquet

(an unpartitioned table keeps `_bailian_files` and its data files in `<path>` itself).

- **Nothing foreign is touched.** A write goes only into a folder that does not exist, is empty,
  or is marked as this table's. It never replaces or deletes a file that a `_bailian_files` of
  the table does not list: a folder holding anything else is refused, naming what it holds.
- **Whose table.** The marker names the table's declaring file and columns. Another file's
  table of the same name is refused (the message says how to take the folder over on purpose);
  the same file moved with its output folder (same place relative to it) is the same table. A
  changed schema rewrites an unpartitioned table whole; a partitioned one is refused, since its
  other partitions would keep the old columns.
- **No links followed.** The tool's own files (`_bailian_*`) are opened without following a
  symbolic link, and one that is a link, has other hard links or (the lock) holds anything but
  a pid is not the tool's: the folder is refused, and nothing is written through it.
- **Every change is one atomic rename.** A data file is written under a temporary name beside
  its place and renamed over the old one; a new partition is built as a temporary folder and
  renamed into place; a partition is removed by renaming it aside, then deleting it. A reader
  (or a writer killed at any moment, even with SIGKILL) therefore sees each partition either as
  it was or as it is now, never missing or half written.
- **Leftovers** of a killed writer carry the prefix `._bailian.` and a random hex part (hidden:
  readers skip them). Each is listed in `_bailian_journal` before it is made, and only names the
  journal lists are deleted: by the writer when it ends, else by the next write, or by the next
  read that can take the lock at once. Any other `._bailian.*` file is a foreign (hidden) file.
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
import re
import shutil
import stat
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from bailian_assets.errors import ExecutionError
from bailian_assets.planning.connectors import TableSpec
from bailian_assets.planning.partition_path import folder_part_problem, prefix

MARKER = "_bailian_table"
LOCK = "_bailian_lock"
MANIFEST = "_bailian_files"
JOURNAL = "_bailian_journal"  # temporary names a writer made: the only leftovers ever deleted
LEFTOVER = "._bailian."  # prefix of every temporary or retired name
_TEMPORARY = re.compile(r"\._bailian\.(tmp|del)\.[0-9a-f]{32}\..+")  # their whole shape
_LOCK_TEXT = re.compile(rb"\d*\n?")  # what a lock file holds: the pid of its last writer
LOCK_WAIT_SECONDS = 60.0
_SHOWN = 5  # foreign entries named in a refusal

log = logging.getLogger("bailian_assets")


# ------------------------------------------------------------------ ownership


def owner_record(table: TableSpec) -> dict:
    """What `_bailian_table` says about the table that owns a folder: its identity (name,
    declaring file, columns) and how its files are laid out (format, partition columns)."""
    return {
        "table": table.name,
        "declared_at": f"{table.path}:{table.position.line}",
        "declared_in": _declaring_file(table),
        "declared_in_relative": _relative_declaring_file(table),
        "columns": [[c.name, str(c.type)] for c in table.columns],
        "format": str(table.options["format"]),
        "partitioned_by": list(table.partitioned_by),
    }


def _declaring_file(table: TableSpec) -> str:
    """The absolute path of the file declaring `table` (its shown path for SQL given as text)."""
    return str(table.sql_file) if table.sql_file is not None else table.path


def _relative_declaring_file(table: TableSpec) -> str | None:
    """The declaring file seen from the table folder: unchanged when a project moves whole."""
    if table.sql_file is None or table.location is None:
        return None
    return os.path.relpath(table.sql_file, os.path.abspath(table.location))


def check_writable(table: TableSpec) -> None:
    """Refuse, before anything is computed or written, a folder that `table` may not write:
    a file, a folder of another table or written otherwise, a folder holding foreign files."""
    root = _location(table)
    try:
        if os.path.lexists(root):
            _check_root(table, root)
    except OSError as error:
        raise _path_error(table, "cannot check", root, error) from None


def _location(table: TableSpec) -> Path:
    if table.location is None:
        raise ExecutionError(f"table '{table.name}' has no path")
    return table.location


def _check_root(table: TableSpec, root: Path) -> None:
    if not root.is_dir():
        raise ExecutionError(
            f"table '{table.name}' ({_declared(table)}): path '{root}' is "
            f"{_kind(root)}, not a folder; a filesystem sink writes into a "
            "folder"
        )
    marker = _read_json(root / MARKER)
    if marker is not None:
        _check_owner(table, root, marker)
    # Listed first, then told apart: another writer of the table may be at work (this check
    # also runs before the lock is taken). Its lock, journal and journaled temporaries exist
    # before they can be listed, so a later look finds them ours; one gone meanwhile is no
    # foreign file.
    entries = _entries(root)
    tools = _tool_entries(root)
    foreign = [
        root / e
        for e in entries
        if e not in tools
        and (marker is None or not _ours_at_root(table, root, e))
        and os.path.lexists(root / e)
    ]
    if foreign:
        raise _foreign_error(table, root, foreign, unmarked=marker is None)


def _kind(path: Path) -> str:
    """What a path that is no folder is, as an error names it."""
    if path.is_symlink() and not path.exists():
        return f"a broken symbolic link (to '{os.readlink(path)}')"
    mode = path.stat().st_mode
    if stat.S_ISREG(mode):
        return "a file"
    return "a special file (a device, FIFO or socket)"


def _tool_entries(root: Path) -> set[str]:
    """Entries of the table folder that are the tool's own bookkeeping: the lock and the
    journal if they are files it made, and the leftovers the journal lists at this level."""
    own = {
        name
        for name in (LOCK, JOURNAL)
        if os.path.lexists(root / name) and _own_file_problem(root / name) is None
    }
    if LOCK in own and not _LOCK_TEXT.fullmatch(_read_small(root / LOCK)):
        own.discard(LOCK)  # a file of that name that holds something else is not our lock
    return own | {p for p in _journal(root) if "/" not in p}


def _check_owner(table: TableSpec, root: Path, marker: dict) -> None:
    record = owner_record(table)
    if not marker:
        problem = _own_file_problem(root / MARKER)
        what = f"is {problem}, which this tool never writes" if problem else "is unreadable"
        raise ExecutionError(
            f"table '{table.name}' ({_declared(table)}): '{root / MARKER}' "
            f"{what}; the folder is not this table's. Point the table's 'path' "
            "at a folder of its own, or delete the folder if it holds nothing "
            "of value"
        )
    if marker.get("table") != table.name:
        raise ExecutionError(
            f"table '{table.name}' ({_declared(table)}) cannot write to '{root}': the folder "
            f"belongs to table '{marker.get('table')}' (declared at "
            f"{_owner_file(marker)}); give each sink a folder of its own"
        )
    if not _same_declaration(marker, record):
        raise _taken_error(table, root, marker, record)
    changed = [
        (key, what)
        for key, what in (("format", "format"), ("partitioned_by", "partition columns"))
        if marker.get(key) != record[key]
    ]
    if table.partitioned_by and marker.get("columns") not in (None, record["columns"]):
        changed.append(("columns", "columns"))  # old partitions would stay, unreadable
    for key, what in changed:
        raise ExecutionError(
            f"table '{table.name}' ({_declared(table)}): folder '{root}' holds it with "
            f"{what} {_show_value(marker.get(key))}, and it is now declared with "
            f"{_show_value(record[key])}; write it to a new folder, or delete '{root}' "
            "(this tool wrote it) to start afresh"
        )


def _same_declaration(marker: dict, record: dict) -> bool:
    """Whether the folder's marker names the file that declares the table now: the same file,
    or one at the same place relative to the folder (the project moved with its output). A
    marker of an earlier version, without a file, is taken as this table's."""
    if "declared_in" not in marker:
        return True
    if marker["declared_in"] == record["declared_in"]:
        return True
    relative = marker.get("declared_in_relative")
    return relative is not None and relative == record["declared_in_relative"]


def _taken_error(table: TableSpec, root: Path, marker: dict, record: dict) -> ExecutionError:
    columns = _show_value([" ".join(map(str, c)) for c in marker.get("columns") or []])
    return ExecutionError(
        f"table '{table.name}' ({_declared(table)}, in {record['declared_in']}) cannot write to "
        f"'{root}': the folder belongs to table '{marker.get('table')}' declared at "
        f"{_owner_file(marker)} with columns {columns}. Give this sink a folder of its own. To "
        f"take the folder over on purpose (the project moved, or that file is gone), check what "
        f"it holds, then either delete '{root}' to start afresh, or set \"declared_in\" in "
        f"'{root / MARKER}' to \"{record['declared_in']}\" to keep its data"
    )


def _owner_file(marker: dict) -> str:
    """Where the owner of a folder is declared: `job.sql:3, in /abs/job.sql`."""
    shown, file = marker.get("declared_at"), marker.get("declared_in")
    return f"{shown}, in {file}" if file and shown else str(file or shown)


def _show_value(value: object) -> str:
    if isinstance(value, list):
        if value and all(isinstance(v, list) for v in value):
            value = [" ".join(map(str, v)) for v in value]
        return "(" + ", ".join(map(str, value)) + ")" if value else "(none)"
    return repr(value)


def _ours_at_root(table: TableSpec, root: Path, entry: str) -> bool:
    """Whether `entry` of a marked table folder may stay there while the table is written:
    the table's own files, and hidden files (never read as data, never replaced)."""
    if entry == MARKER or entry.startswith("."):
        return True
    if table.partitioned_by:  # partitions are checked when a write replaces them
        return entry.startswith(prefix(table.partitioned_by[0])) and _real_dir(root / entry)
    return entry == MANIFEST or entry in (_read_manifest(root) or ())


def _real_dir(path: Path) -> bool:
    """A folder, and not a symbolic link to one (which may lead anywhere)."""
    return path.is_dir() and not path.is_symlink()


def _foreign_error(
    table: TableSpec, folder: Path, foreign: Sequence[Path], unmarked: bool = False
) -> ExecutionError:
    shown = ", ".join(
        _short(p.name) + ("/" if _real_dir(p) else "") for p in sorted(foreign)[:_SHOWN]
    )
    more = f" and {len(foreign) - _SHOWN} more" if len(foreign) > _SHOWN else ""
    # folders written before the tool marked its folders have no marker either
    earlier = (
        (
            " (if an earlier version of bailian-assets wrote them, it did not mark the "
            "folder as the table's: move them away once)"
        )
        if unmarked
        else ""
    )
    return ExecutionError(
        f"table '{table.name}' ({_declared(table)}): folder '{folder}' holds files this table "
        f"did not write: {shown}{more}. A filesystem sink writes only into a new or empty "
        f"folder, or one it wrote itself; point its 'path' at a folder of its own{earlier}"
    )


def _short(name: str, limit: int = 80) -> str:
    return name if len(name) <= limit else name[:limit] + "..."


def _declared(table: TableSpec) -> str:
    return f"declared at {table.path}:{table.position.line}"


def _path_error(table: TableSpec, doing: str, path: Path, error: OSError) -> ExecutionError:
    reason = error.strerror or str(error)
    return ExecutionError(
        f"table '{table.name}' ({_declared(table)}): {doing} '{_short(str(path), 300)}': {reason}"
    )


def _entries(folder: Path) -> list[str]:
    return sorted(os.listdir(folder))


# ------------------------------------------------------------------ the writer


class TableWriter:
    """Changes to one table folder, made while holding its lock. Use as a context manager:
    entering creates the folder (and its marker) if needed, refuses a folder the table may not
    write, takes the lock and clears what killed writers left; leaving clears what this writer
    left (a failed step's temporaries)."""

    def __init__(self, table: TableSpec):
        self.table = table
        self.root = _location(table)
        self._lock: contextlib.ExitStack | None = None

    def __enter__(self) -> TableWriter:
        check_writable(self.table)  # before creating anything in a folder that is not ours
        stack = contextlib.ExitStack()
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            stack.enter_context(_exclusive_lock(self.table, self.root, LOCK_WAIT_SECONDS))
            _check_root(self.table, self.root)  # again: another writer may have come first
            clear_leftovers(self.table, self.root)
            marker, record = _read_json(self.root / MARKER), owner_record(self.table)
            if marker != record:  # new, of an earlier version, or moved: record who owns it
                _write_json(self.root, self.root / MARKER, record)
        except OSError as error:
            stack.close()
            raise _path_error(self.table, "cannot prepare", self.root, error) from None
        except BaseException:
            stack.close()
            raise
        self._lock = stack
        return self

    def __exit__(self, *exc) -> None:
        if self._lock is None:
            return
        try:
            clear_leftovers(self.table, self.root)
        except OSError:
            pass  # the next writer clears them
        finally:
            self._lock.close()

    # ------------------------------------------------------------ checks

    def folder(self, parts: Sequence[str]) -> Path:
        """The data folder at `parts` under the table folder; refuses parts that would not be
        one folder name each (so no path ever leaves the table folder) or are too long."""
        for part in parts:
            problem = folder_part_problem(part)
            if problem is not None:
                raise ExecutionError(
                    f"table '{self.table.name}' ({_declared(self.table)}): cannot write the "
                    f"partition folder '{_short(part)}': {problem} (a partition value that "
                    "long cannot be a folder name; shorten it in the query)"
                )
        return self.root.joinpath(*parts)

    def check_replaceable(self, parts: Sequence[str], removing: bool = False) -> None:
        """Refuse if the data folder at `parts` (under the table folder) holds anything the
        table did not write, or if some part of the way is not a folder. Hidden files
        (`.DS_Store`, ...) are no obstacle to replacing the data beside them, which leaves them
        alone; they are to `removing` the folder."""
        folder = self.folder(parts)
        try:
            for depth in range(1, len(parts) + 1):
                step = self.root.joinpath(*parts[:depth])
                if os.path.lexists(step) and not _real_dir(step):
                    raise _foreign_error(self.table, step.parent, [step])
            if _real_dir(folder):
                foreign = _foreign_in_data_folder(
                    self.root, folder, is_root=not parts, keep_hidden=not removing
                )
                if foreign:
                    raise _foreign_error(self.table, folder, foreign)
        except OSError as error:
            raise _path_error(self.table, "cannot check", folder, error) from None

    def check_partition(self, parts: Sequence[str], removing: bool) -> None:
        """Refuse if the partition folder at `parts`, with every partition under it, holds
        anything the table did not write (hidden files aside, unless `removing` it)."""
        folder = self.folder(parts)
        if not os.path.lexists(folder):
            return
        if not _real_dir(folder):
            raise _foreign_error(self.table, folder.parent, [folder])
        levels = self.table.partitioned_by[len(parts) :]
        if not levels:
            self.check_replaceable(parts, removing)
            return
        journaled = _journal(self.root)
        for entry in _entries(folder):
            if _relative(self.root, folder / entry) in journaled or (
                not removing and entry.startswith(".")
            ):
                continue
            if not entry.startswith(prefix(levels[0])) or not _real_dir(folder / entry):
                raise _foreign_error(self.table, folder, [folder / entry])
            self.check_partition([*parts, entry], removing)

    # ------------------------------------------------------------ changes

    def replace(self, parts: Sequence[str], name: str, write: Callable[[Path], None]) -> Path:
        """Make `name` the only data file of the folder at `parts`, its content written by
        `write(path)`; one atomic rename, whether the folder exists or not. The caller has
        checked the folder with `check_replaceable`."""
        folder = self.folder(parts)
        try:
            if folder.is_dir():
                self._replace_file(folder, name, write)
            else:
                self._create_folder(parts, name, write)
        except OSError as error:
            raise _path_error(self.table, "cannot write", folder, error) from None
        return folder

    def _replace_file(self, folder: Path, name: str, write: Callable[[Path], None]) -> None:
        temporary = _new_temporary(self.root, folder, name)
        write(temporary)
        _fsync(temporary)
        listed = _read_manifest(folder) or []
        if name not in listed:  # the manifest lists the file before it is there
            listed = [*listed, name]
            _write_json(self.root, folder / MANIFEST, {"files": listed})
        os.replace(temporary, folder / name)
        for old in listed:  # files of an earlier write under other names: the table's own
            if old != name:
                (folder / old).unlink(missing_ok=True)
        if listed != [name]:
            _write_json(self.root, folder / MANIFEST, {"files": [name]})
        _fsync(folder)

    def _create_folder(
        self, parts: Sequence[str], name: str, write: Callable[[Path], None]
    ) -> None:
        parent, index = self.root, 0
        while (parent / parts[index]).is_dir():  # the first folder of the way that is missing
            parent, index = parent / parts[index], index + 1
        staging = _new_temporary(self.root, parent, parts[index])
        folder = staging.joinpath(*parts[index + 1 :])
        folder.mkdir(parents=True)
        write(folder / name)
        _fsync(folder / name)
        _write_json(self.root, folder / MANIFEST, {"files": [name]})
        os.rename(staging, parent / parts[index])
        _fsync(parent)

    def remove(self, parts: Sequence[str]) -> None:
        """Delete the partition folder at `parts` (checked with `check_partition`): renamed
        aside first, so it is gone at once, then deleted."""
        folder = self.folder(parts)
        if not os.path.lexists(folder):
            return
        try:
            retired = _new_temporary(self.root, folder.parent, folder.name, kind="del")
            os.rename(folder, retired)
            _fsync(folder.parent)
        except OSError as error:
            raise _path_error(self.table, "cannot remove", folder, error) from None
        shutil.rmtree(retired, ignore_errors=True)


def _foreign_in_data_folder(
    root: Path, folder: Path, is_root: bool, keep_hidden: bool
) -> list[Path]:
    allowed = {MANIFEST, *(_read_manifest(folder) or ())}
    if is_root:
        allowed |= {MARKER} | _tool_entries(root)
    else:
        journaled = _journal(root)
        allowed |= {e for e in _entries(folder) if _relative(root, folder / e) in journaled}
    return [
        folder / e
        for e in _entries(folder)
        if e not in allowed and not (keep_hidden and e.startswith("."))
    ]


# ------------------------------------------------------------------ leftovers


def _new_temporary(root: Path, folder: Path, name: str, kind: str = "tmp") -> Path:
    """A fresh temporary name for `name` in `folder`, written to the table's journal before
    anything of that name exists: only names the journal lists are ever deleted as leftovers.
    A name is cut short to keep within the filesystem's limit (it is only seen if left over)."""
    temporary = folder / f"{LEFTOVER}{kind}.{uuid.uuid4().hex}.{name[:150]}"
    line = (_relative(root, temporary) + "\n").encode("utf-8", errors="surrogateescape")
    fd = _open_own(root / JOURNAL, os.O_WRONLY | os.O_APPEND | os.O_CREAT)
    try:
        os.write(fd, line)
        os.fsync(fd)
    finally:
        os.close(fd)
    return temporary


def _relative(root: Path, path: Path) -> str:
    return path.relative_to(root).as_posix()


def _journal(root: Path) -> set[str]:
    """The leftovers the journal of the table folder `root` lists (relative paths), if it is
    the tool's own file: names of the tool's temporary shape, inside the folder."""
    text = _read_small(root / JOURNAL).decode("utf-8", errors="surrogateescape")
    found = set()
    for line in text.split("\n")[:-1]:  # a line cut short by a crash has no end: skipped
        parts = line.split("/")
        if _TEMPORARY.fullmatch(parts[-1]) and all(
            folder_part_problem(part) is None for part in parts
        ):
            found.add(line)
    return found


def clear_leftovers(table: TableSpec, root: Path) -> int:
    """Delete what writers killed (or failed) left in the table folder: the temporaries its
    journal lists, and nothing else; then delete the journal. Call with the lock held.
    Returns how many entries were deleted."""
    cleared = 0
    listed = _journal(root)
    for name in sorted(listed, key=lambda n: -n.count("/")):  # deepest first
        path = root / name
        if _real_dir(path):
            shutil.rmtree(path, ignore_errors=True)
        elif os.path.lexists(path):
            path.unlink()
        else:
            continue
        cleared += 1
    if _own_file_problem(root / JOURNAL) is None:
        (root / JOURNAL).unlink()  # nothing left to clear: the folder holds no journal
    return cleared


def tidy(table: TableSpec) -> None:
    """Clear leftovers of killed writers if no one is writing the table now (for readers:
    never waits, and does nothing in a folder this tool did not write or cannot lock)."""
    root = table.location
    try:
        if root is None or _own_file_problem(root / MARKER) is not None or not _journal(root):
            return
        with _exclusive_lock(table, root, wait=0.0):
            clear_leftovers(table, root)
    except (ExecutionError, OSError):
        pass  # a writer is at work (it clears them itself), or the folder is read-only


# ------------------------------------------------------------------ the lock


@contextlib.contextmanager
def _exclusive_lock(table: TableSpec, root: Path, wait: float) -> Iterator[None]:
    """Hold `_bailian_lock` exclusively, waiting up to `wait` seconds for another holder.
    The lock file is never followed if it is a link, and only one that holds a pid is
    written: a foreign file of that name is refused, never truncated."""
    try:
        fd = _open_own(root / LOCK, os.O_RDWR | os.O_CREAT)
    except _NotOurs as error:
        raise ExecutionError(
            f"table '{table.name}' ({_declared(table)}): '{root / LOCK}' is "
            f"{error}, which this tool never makes; the folder is not this "
            "table's (point its 'path' at a folder of its own)"
        ) from None
    try:
        _acquire(fd, table, root, wait)
        if not _LOCK_TEXT.fullmatch(os.pread(fd, 64, 0)):
            raise ExecutionError(
                f"table '{table.name}' ({_declared(table)}): '{root / LOCK}' "
                "holds something other than a lock; the folder is not this "
                "table's (point its 'path' at a folder of its own)"
            )
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
                    f"on {root / LOCK}); run again when it has finished"
                ) from None
            if not told:
                log.info("waiting for another run writing table '%s' (pid %s)", table.name, holder)
                told = True
            time.sleep(0.05)


# ------------------------------------------------------------------ the tool's own files


class _NotOurs(OSError):
    """A file of one of the tool's names that the tool did not make (its str says what)."""


def _open_own(path: Path, flags: int) -> int:
    """Open one of the tool's small files (`_bailian_*`) without following a symbolic link;
    refuse (`_NotOurs`) one that is no regular file or has other hard links, since writing it
    would write into a file the tool did not create."""
    fd = os.open(path, flags | os.O_NOFOLLOW | os.O_NONBLOCK, 0o644)
    info = os.fstat(fd)
    problem = _problem_of(info)
    if problem is not None:
        os.close(fd)
        raise _NotOurs(problem)
    return fd


def _problem_of(info: os.stat_result) -> str | None:
    if not stat.S_ISREG(info.st_mode):
        return "not a regular file"
    if info.st_nlink != 1:
        return f"a file with {info.st_nlink} hard links"
    return None


def _own_file_problem(path: Path) -> str | None:
    """Why `path` is not one of the tool's own files ("a symbolic link", ...); None if it
    may be (a missing file is "missing")."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return "missing"
    if stat.S_ISLNK(info.st_mode):
        return "a symbolic link"
    return _problem_of(info)


def _read_small(path: Path, limit: int = 1 << 20) -> bytes:
    """The content of one of the tool's own files; empty if it is missing or not its own."""
    try:
        fd = _open_own(path, os.O_RDONLY)
    except OSError:
        return b""
    try:
        return os.read(fd, limit)
    finally:
        os.close(fd)


def _read_manifest(folder: Path) -> list[str] | None:
    record = _read_json(folder / MANIFEST)
    if record is None:
        return None
    files = record.get("files")
    return [f for f in files if _plain_name(f)] if isinstance(files, list) else []


def _plain_name(name: object) -> bool:
    """A data file name a manifest may list: in its own folder, not one of ours."""
    return (
        isinstance(name, str)
        and folder_part_problem(name) is None
        and not name.startswith(("_bailian", LEFTOVER))
    )


def _read_json(path: Path) -> dict | None:
    """A marker or manifest: None if there is none; {} if it is unreadable or not a file the
    tool wrote (a link, a special file): still a marker, one that matches nothing."""
    try:
        fd = _open_own(path, os.O_RDONLY)
    except FileNotFoundError:
        return None
    except OSError:
        return {}
    try:
        with os.fdopen(fd, "rb") as handle:
            value = json.loads(handle.read(1 << 24).decode("utf-8"))
    except (OSError, ValueError):
        return {}
    return value if isinstance(value, dict) else {}


def _write_json(root: Path, path: Path, value: dict) -> None:
    """Write a small file atomically: under a temporary name, then renamed into place (so a
    link of that name is replaced, never written through)."""
    temporary = _new_temporary(root, path.parent, path.name)
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o644)
    with os.fdopen(fd, "wb") as handle:
        handle.write((json.dumps(value, ensure_ascii=False, indent=1) + "\n").encode("utf-8"))
    _fsync(temporary)
    os.replace(temporary, path)


def _fsync(path: Path) -> None:
    """Flush a file or a folder to disk, so a rename is never seen before its content."""
    fd = os.open(path, os.O_RDONLY | (os.O_DIRECTORY if path.is_dir() else 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
