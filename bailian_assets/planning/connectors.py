"""`CREATE TABLE ... WITH ('connector' = ...)` -> TableSpec, with each connector's options checked.

Connectors: `print` (Flink's options plus VVR's `logger`) and `blackhole`, both sinks only;
`filesystem` (csv, json lines, parquet; Hive-style `col=value/` partition folders), source and
sink. A relative `path` is resolved against the folder of the SQL file that declares the table.

What can be known before running is refused here, located on the SQL: a csv column that is not
a scalar (csv holds text fields), a binary column in csv or json, a partition column whose
folder name could not exist (hidden, or too long for a file name even escaped), a 'path' that
cannot be a table's (a device or FIFO, a symbolic-link loop, a name too long), a secret in any
connector option, and (`sink_path_problem`) a sink whose path is the SQL file, its folder, a
folder above it, or an existing file.

Secrets are refused in connector options rather than carried and scrubbed: every one of them is
shown by nature (the 'path' in errors, Dagster metadata and on disk; 'print-identifier' in every
printed line; the rest in error messages), so a secret there could not stay secret.
"""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping

from bailian_assets.errors import Position
from bailian_assets.planning.partition_path import (
    DEFAULT_PARTITION, MAX_NAME_BYTES, folder_name,
)
from bailian_assets.planning.identifiers import object_key
from bailian_assets.planning.options import (
    OptionSpec, Problem, boolean, choice, integer, resolve_options, text,
)
from bailian_assets.sql import ast

CONNECTOR_OPTIONS: dict[str, list[OptionSpec]] = {
    "print": [
        OptionSpec("print-identifier", text),
        OptionSpec("standard-error", boolean, default=False),
        OptionSpec("logger", boolean, default=False),
        OptionSpec("sink.parallelism", integer(1)),
    ],
    "blackhole": [OptionSpec("sink.parallelism", integer(1))],
    "filesystem": [
        OptionSpec("path", text, required=True),
        OptionSpec("format", choice("csv", "json", "parquet", case_sensitive=True),
                   required=True),
        OptionSpec("csv.field-delimiter", text, default=","),
        OptionSpec("csv.header", boolean, default=False),  # ours: Flink's csv has no header
        OptionSpec("sink.parallelism", integer(1)),
    ],
}
SINK_ONLY = {"print", "blackhole"}


@dataclass(frozen=True)
class TableSpec:
    name: str
    columns: tuple[ast.ColumnDef, ...]
    connector: str
    options: Mapping[str, object]  # canonical key -> typed value, defaults filled in
    path: str
    position: Position
    partitioned_by: tuple[str, ...] = ()
    statement: ast.CreateTable | None = field(default=None, compare=False)
    location: Path | None = None  # filesystem: the resolved path
    sql_file: Path | None = None  # the declaring file on disk (None: SQL given as text)

    @property
    def partition_columns(self) -> tuple[ast.ColumnDef, ...]:
        by_name = {c.name: c for c in self.columns}
        return tuple(by_name[name] for name in self.partitioned_by)

    @property
    def data_columns(self) -> tuple[ast.ColumnDef, ...]:
        """The columns stored in files (partition values live in folder names, as in Hive)."""
        return tuple(c for c in self.columns if c.name not in self.partitioned_by)

    @property
    def is_sink_only(self) -> bool:
        return self.connector in SINK_ONLY


def build_table(statement: ast.CreateTable, path: str, problems: list[Problem],
                environ: Mapping[str, str] | None = None,
                base_dir: Path | None = None) -> TableSpec | None:
    owner = f"table '{statement.name}'"
    connector_option = next((o for o in statement.options if o.key == "connector"), None)
    if connector_option is None:
        problems.append(Problem(f"{owner} is missing the required option 'connector'",
                                statement.name.position))
        return None
    connector = connector_option.value
    specs = CONNECTOR_OPTIONS.get(connector)
    if specs is None:
        problems.append(Problem(
            f"unsupported connector '{connector}' for {owner}; supported: "
            f"{', '.join(sorted(CONNECTOR_OPTIONS))}", connector_option.value_position,
            len(connector_option.raw)))
        return None
    before = len(problems)
    resolved = resolve_options(statement.options, specs, f"{owner} (connector '{connector}')",
                               statement.name.position, problems, environ,
                               ignore=lambda key: key == "connector")
    _check_columns(statement, owner, problems)
    _check_no_secrets(resolved, owner, problems)
    values = {spec.key: spec.default for spec in specs}
    values.update({key: option.value for key, option in resolved.items()})
    if connector == "filesystem" and "format" in resolved:
        _check_format(statement, str(values["format"]), owner, problems)
    if len(problems) > before:
        return None
    location = None
    if connector == "filesystem":
        location = Path(str(values["path"]))
        if not location.is_absolute():
            location = (base_dir or Path.cwd()) / location
        problem = location_problem(location)
        if problem is not None:
            option = resolved["path"].option
            problems.append(Problem(f"{owner}: path '{_short(str(location))}' {problem}",
                                    option.value_position, len(option.raw)))
            return None
    if statement.partitioned_by and connector != "filesystem":
        problems.append(Problem(f"PARTITIONED BY needs the filesystem connector ({owner})",
                                statement.name.position))
        return None
    sql_file = base_dir / Path(path).name if base_dir is not None else None
    return TableSpec(object_key(statement.name), statement.columns, connector, values, path,
                     statement.position, statement.partitioned_by, statement, location,
                     sql_file)


def _check_no_secrets(resolved: Mapping, owner: str, problems: list[Problem]) -> None:
    """Connector options are shown by nature (see the module docstring): no secret there."""
    for key, option in resolved.items():
        if any(r.secret for r in option.substituted.references):
            problems.append(Problem(
                f"option '{option.option.key}' of {owner} uses a secret (${{secret_values...}}); "
                f"connector options are shown (the path in messages and metadata, the print "
                f"identifier in every line), so they cannot hold secrets. Use a plain value or "
                f"an environment variable", option.option.value_position,
                len(option.option.raw)))


def location_problem(location: Path) -> str | None:
    """Why a filesystem table's path can never be its folder (or file); None if it can be.
    Looked at as it is now: a path that does not exist yet is fine."""
    too_long = next((part for part in location.parts
                     if len(os.fsencode(part)) > MAX_NAME_BYTES), None)
    if too_long is not None:
        return (f"has a part of {len(os.fsencode(too_long))} bytes ('{_short(too_long, 40)}'); "
                f"a file or folder name may be at most {MAX_NAME_BYTES} bytes")
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
    kind = {stat.S_IFIFO: "a FIFO", stat.S_IFSOCK: "a socket", stat.S_IFCHR: "a device",
            stat.S_IFBLK: "a device"}.get(stat.S_IFMT(mode), "a special file")
    return f"is {kind}, not a folder or file of data"


def _short(text: str, limit: int = 120) -> str:
    return text if len(text) <= limit else text[:limit] + "..."


def _check_columns(statement: ast.CreateTable, owner: str, problems: list[Problem]) -> None:
    seen: set[str] = set()
    for column in statement.columns:
        if column.name in seen:
            problems.append(Problem(f"duplicate column `{column.name}` in {owner}",
                                    column.position, len(column.name)))
        seen.add(column.name)
    for name in statement.partitioned_by:
        if name not in seen:
            problems.append(Problem(f"partition column `{name}` is not a column of {owner}",
                                    statement.name.position))
        elif _partition_name_problem(name):
            problems.append(Problem(f"partition column `{_short(name, 40)}` of {owner} "
                                    f"{_partition_name_problem(name)}", statement.name.position))


def _partition_name_problem(name: str) -> str | None:
    """Why `name` cannot name partition folders (`name=value`, the name escaped as the value
    is, so `/` or `..` in it never leaves the table folder)."""
    if name.startswith("."):
        return "starts with '.': its folders would be hidden, and readers skip hidden files"
    size = len(folder_name(name, DEFAULT_PARTITION).encode("utf-8", errors="surrogateescape"))
    if size > MAX_NAME_BYTES:
        return (f"is too long: its folder names would be {size} bytes or more, and a file name "
                f"may be at most {MAX_NAME_BYTES}")
    return None


_NESTED = {"ARRAY", "MAP", "ROW", "MULTISET"}
_BINARY = {"BINARY", "VARBINARY", "BYTES"}


def _check_format(statement: ast.CreateTable, fmt: str, owner: str,
                  problems: list[Problem]) -> None:
    """Columns the format cannot hold (partition columns live in folder names, not files)."""
    for column in statement.columns:
        if column.name in statement.partitioned_by or fmt == "parquet":
            continue
        if fmt == "csv" and column.type.name in _NESTED:
            reason, instead = "a csv field holds one value, not a nested one", "'json' or 'parquet'"
        elif _contains(column.type, _BINARY):
            reason, instead = f"binary values cannot be stored in {fmt} files", "'parquet'"
        else:
            continue
        problems.append(Problem(f"column `{column.name}` of {owner} is {column.type}: {reason}; "
                                f"use 'format' = {instead}", column.position, len(column.name)))


def _contains(data_type: ast.DataType, names: set[str]) -> bool:
    inner = [t for t in (data_type.element, data_type.value) if t is not None]
    inner += [t for _, t in data_type.fields]
    return data_type.name in names or any(_contains(t, names) for t in inner)


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
        reason = (f"a broken symbolic link (to '{os.readlink(table.location)}'); point 'path' "
                  "at the folder itself, or remove the link")
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
    option = next((o for o in table.statement.options if o.key == "path"), None) \
        if table.statement is not None else None
    message = (f"filesystem sink '{table.name}' cannot write to '{location}': it is {reason}. "
               f"A sink needs a folder of its own, such as 'output/{table.name}'")
    if option is None:
        return Problem(message, table.position)
    return Problem(message, option.value_position, len(option.raw))
