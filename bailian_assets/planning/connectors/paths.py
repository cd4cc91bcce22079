"""What a table's 'path' can be, known before running: never a device, FIFO, socket or link
loop (a read would block or never end), no part longer than a file name may be; and for a sink,
never the SQL file that declares it, its folder, a folder above it, or an existing file
(`sink_path_problem`)."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from bailian_assets.planning.connectors.table import TableSpec, short
from bailian_assets.planning.options import Problem
from bailian_assets.planning.partition_path import MAX_NAME_BYTES


def location_problem(location: Path) -> str | None:
    """Why a filesystem table's path can never be its folder (or file); None if it can be.
    Looked at as it is now: a path that does not exist yet is fine."""
    too_long = next(
        (part for part in location.parts if len(os.fsencode(part)) > MAX_NAME_BYTES), None
    )
    if too_long is not None:
        return (
            f"has a part of {len(os.fsencode(too_long))} bytes ('{short(too_long, 40)}'); "
            f"a file or folder name may be at most {MAX_NAME_BYTES} bytes"
        )
    return path_kind_problem(location)


def path_kind_problem(location: Path) -> str | None:
    """Why the existing `location` is neither a folder nor a regular file (None if it is one,
    or is not there): a device or FIFO would block or never end, a link loop never resolves."""
    try:
        mode = os.stat(location).st_mode
    except FileNotFoundError:
        return None
    except OSError as error:
        if error.errno == errno.ELOOP:
            return "is a symbolic link loop"
        if error.errno == errno.ENOTDIR:
            return "goes through a file as if it were a folder"
        return f"cannot be used: {error.strerror or error}"
    if stat.S_ISDIR(mode) or stat.S_ISREG(mode):
        return None
    kind = {
        stat.S_IFIFO: "a FIFO",
        stat.S_IFSOCK: "a socket",
        stat.S_IFCHR: "a device",
        stat.S_IFBLK: "a device",
    }.get(stat.S_IFMT(mode), "a special file")
    return f"is {kind}, not a folder or file of data"


def sink_path_problem(table: TableSpec, sql_file: Path | None) -> Problem | None:
    """Why the filesystem sink `table` may not write where its 'path' points, when the path
    alone tells: the SQL file that declares it, that file's folder or a folder above it, or an
    existing file. `sql_file` None: SQL given as text, relative to the current directory."""
    if table.location is None:
        return None
    try:
        location = table.location.resolve()
        folder = (sql_file.parent if sql_file is not None else Path.cwd()).resolve()
    except (OSError, RuntimeError):  # a link loop (found by `location_problem` already)
        return None
    if os.path.islink(table.location) and not os.path.exists(table.location):
        reason = (
            f"a broken symbolic link (to '{os.readlink(table.location)}'); point 'path' "
            "at the folder itself, or remove the link"
        )
    elif sql_file is not None and location == sql_file.resolve():
        reason = "the SQL file itself"
    elif location == folder:
        reason = "the folder of the SQL file"
    elif location in folder.parents:
        reason = f"a folder above the SQL file's folder {folder}"
    elif location.is_file():
        reason = "an existing file, and a filesystem sink writes into a folder"
    else:
        return None
    option = (
        next((o for o in table.statement.options if o.key == "path"), None)
        if table.statement is not None
        else None
    )
    message = (
        f"filesystem sink '{table.name}' cannot write to '{location}': it is {reason}. "
        f"A sink needs a folder of its own, such as 'output/{table.name}'"
    )
    if option is None:
        return Problem(message, table.position)
    return Problem(message, option.value_position, len(option.raw))
