"""Partition values in folder names, escaped as Hive and Flink escape them.

A partition value comes from data, so it may hold `/`, `..`, `%` or control characters. In a
folder name it is escaped as Hive's `FileUtils.escapePathName` does (Flink's
`PartitionPathUtils` is the same): control characters, DEL and ``"#%'*/:=?\\{[]^`` become `%XX`
(upper-case hex); everything else, `.` and non-ASCII letters included, stays. A folder name is
always `column=value`, never a bare value, so `..` is harmless there (`dt=..`) and `'../../x'`
becomes the single name `dt=..%2F..%2Fx`: no value can reach outside its table. NULL and the
empty string are Flink's default partition, `__DEFAULT_PARTITION__`.

The column name is escaped the same way (Flink's `PartitionPathUtils.generatePartitionPath`
escapes key and value alike), so a column named `` `/tmp/x` `` or `` `../up` `` makes the single
name `%2Ftmp%2Fx=v`. `folder_part_problem` says why a name still cannot be a folder of a table
(too long for the filesystem, or not one plain name); every path the tool builds under a table
folder is checked with it.
"""

from __future__ import annotations

import string

DEFAULT_PARTITION = "__DEFAULT_PARTITION__"  # Flink's 'partition.default-name'

_ESCAPED = frozenset(chr(c) for c in range(0x20)) | frozenset("\"#%'*/:=?\\\x7f{[]^")


def escape(value: str | None) -> str:
    """A partition value as it appears in a folder name."""
    if value is None or value == "":
        return DEFAULT_PARTITION
    return "".join(f"%{ord(c):02X}" if c in _ESCAPED else c for c in value)


def unescape(text: str) -> str:
    """The value a folder name holds: `%XX` decoded (as Hive does, any `%XX` in hex)."""
    out = []
    i = 0
    while i < len(text):
        code = _hex(text[i + 1 : i + 3]) if text[i] == "%" else None
        if code is not None:
            out.append(chr(code))
            i += 3
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def _hex(digits: str) -> int | None:
    if len(digits) != 2 or not all(c in string.hexdigits for c in digits):
        return None
    return int(digits, 16)


def folder_name(column: str, value: str | None) -> str:
    """`column=value`, both escaped."""
    return f"{prefix(column)}{escape(value)}"


def prefix(column: str) -> str:
    """What every folder name of the partition column `column` starts with: `column=`, the
    name escaped."""
    return escape(column) + "="


def parse_folder_name(name: str, column: str) -> str | None:
    """The (unescaped) value of a `column=value` folder name; None if it is not one."""
    start = prefix(column)
    if not name.startswith(start):
        return None
    return unescape(name[len(start) :])


MAX_NAME_BYTES = 255  # NAME_MAX of Linux, macOS and Windows filesystems


def folder_part_problem(name: str) -> str | None:
    """Why `name` cannot be one folder or file name inside a table folder; None if it can."""
    if name in ("", ".", "..") or "/" in name or "\0" in name:
        return "it is not a single folder name"
    size = len(name.encode("utf-8", errors="surrogateescape"))
    if size > MAX_NAME_BYTES:
        return f"it is {size} bytes long, and a file name may be at most {MAX_NAME_BYTES} bytes"
    return None
