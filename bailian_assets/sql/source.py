"""The text of a SQL file: bytes -> str, and the lines that diagnostics show.

A SQL file is UTF-8. A leading byte-order mark is dropped; bytes that are not UTF-8 and NUL
characters are located errors (`file:line:col: error: ...`), never a UnicodeDecodeError.

Lines end at `\\n`, `\\r\\n` or a lone `\\r`, as in Flink's (JavaCC's) line counting, and nowhere
else: `str.splitlines()` would also break at \\x0b, \\x0c, \\x1c-\\x1e, \\x85, U+2028 and U+2029,
so the tokenizer's line numbers and the lines shown under a diagnostic would disagree. Every
part of the package that counts lines uses this module.
"""

from __future__ import annotations

import os
import re
import stat
import unicodedata

from bailian_assets.errors import WHOLE_FILE, Diagnostic, Position, SqlError

BOM = b"\xef\xbb\xbf"
LINE_BREAK = re.compile(r"\r\n|\r|\n")
# SQL files hold statements, not data: bigger inputs belong in a filesystem table.
MAX_SQL_BYTES = 8 * 1024 * 1024
_KINDS = {
    stat.S_IFIFO: "a FIFO",
    stat.S_IFSOCK: "a socket",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
    stat.S_IFDIR: "a folder",
}


def read_sql(file: str | os.PathLike, shown: str) -> str:
    """The text of the SQL file `file` (named `shown` in errors). Raises SqlError: naming the
    file when it cannot be read, is no regular file or is too big; located for its content.

    The file is opened without blocking and checked before anything is read, so a FIFO named
    `x.sql` is an error, never a wait for a writer that does not come."""
    try:
        fd = os.open(file, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as error:
        # named in full: `shown` may say little (`.` for a folder given that does not exist)
        where = os.path.abspath(file)
        if os.path.islink(file):  # the link exists: say that its target is what fails
            target = os.readlink(os.fspath(file))
            reason = f"it is a symbolic link to '{target}', which cannot be followed"
            raise _file_error(
                shown,
                f"cannot read '{where}': {reason} ({error.strerror}): fix or remove the link",
            ) from None
        raise _file_error(shown, f"cannot read '{where}': {error.strerror}") from None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            kind = _KINDS.get(stat.S_IFMT(info.st_mode), "not a regular file")
            raise _file_error(shown, f"cannot read the file: it is {kind}, not a regular file")
        try:
            data = handle.read(MAX_SQL_BYTES + 1)  # no more, whatever the file grew to
        except OSError as error:
            raise _file_error(shown, f"cannot read the file: {error.strerror}") from None
    if len(data) > MAX_SQL_BYTES:
        size = max(info.st_size, len(data))
        raise _file_error(
            shown,
            f"the file is {size / 2**20:.1f} MiB; a SQL file may be at most "
            f"{MAX_SQL_BYTES // 2**20} MiB. Put data in files that a table with "
            "'connector' = 'filesystem' reads, not in VALUES",
        )
    return decode_sql(data, shown)


def _file_error(shown: str, message: str) -> SqlError:
    return SqlError([Diagnostic(shown, WHOLE_FILE, message)])


def decode_sql(data: bytes, path: str) -> str:
    """The text of a SQL file's bytes. Raises SqlError, located, for bytes that are not UTF-8
    and for NUL characters; a UTF-8 byte-order mark is dropped."""
    skip = len(BOM) if data.startswith(BOM) else 0
    try:
        text = data[skip:].decode("utf-8")
    except UnicodeDecodeError as error:
        raise SqlError([_not_utf8(data, skip, error.start + skip, path)]) from None
    check_text(text, path)
    return text


def check_text(text: str, path: str) -> None:
    """SQL text must not hold NUL characters (a binary file, or a file saved as UTF-16)."""
    nul = text.find("\0")
    if nul >= 0:
        raise SqlError(
            [
                Diagnostic(
                    path,
                    position_at(text, nul),
                    "the file contains a NUL character (U+0000); a SQL "
                    "file is UTF-8 text (is it a binary file, or saved as UTF-16?)",
                    line_at(text, nul),
                )
            ]
        )


def _not_utf8(data: bytes, skip: int, offset: int, path: str) -> Diagnostic:
    """Where the first byte that is not UTF-8 is: its line and column (in characters) and its
    byte offset in the file."""
    before = data[skip:offset].decode("utf-8")  # all valid: the error is the first bad byte
    position = position_at(before, len(before))
    rest = data[offset:]
    stop = min((i for i in (rest.find(b"\n"), rest.find(b"\r")) if i >= 0), default=len(rest))
    shown = line_at(before, len(before)) + rest[:stop].decode("utf-8", errors="replace")
    hint = (
        " (it looks like UTF-16: save it as UTF-8)"
        if data[:2] in (b"\xff\xfe", b"\xfe\xff")
        else ""
    )
    message = (
        f"the file is not valid UTF-8: byte 0x{data[offset]:02x} at byte offset {offset}{hint}"
    )
    return Diagnostic(path, position, message, shown)


def position_at(text: str, offset: int) -> Position:
    """The 1-based line and column of `offset` in `text`, lines ending as this module says."""
    line_start = _line_start(text, offset)
    line = len(LINE_BREAK.findall(text, 0, line_start)) + 1
    return Position(line, offset - line_start + 1, offset)


def line_at(text: str, offset: int) -> str:
    """The line of `text` that holds `offset`, without its line break."""
    start = _line_start(text, offset)
    match = LINE_BREAK.search(text, start)
    return text[start : match.start()] if match else text[start:]


def _line_start(text: str, offset: int) -> int:
    return max(text.rfind("\n", 0, offset), text.rfind("\r", 0, offset)) + 1


def split_lines(text: str) -> list[str]:
    """The lines of `text`, broken only at `\\n`, `\\r\\n` and `\\r`."""
    lines = LINE_BREAK.split(text)
    if lines and lines[-1] == "" and len(lines) > 1:
        lines.pop()
    return lines


def describe_char(ch: str) -> str:
    """A character as an error message names it: `'x'`, or `U+2028 (LINE SEPARATOR)` for one
    that would not show (controls, separators, format characters)."""
    if (ch.isprintable() and not ch.isspace()) or ch == " ":
        return f"'{ch}'"
    name = unicodedata.name(ch, "")
    return f"U+{ord(ch):04X}" + (f" ({name})" if name else "")
