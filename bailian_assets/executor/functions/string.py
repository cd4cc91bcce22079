"""Polars implementations of the string functions declared in `planning/functions/string.py`."""

from __future__ import annotations

import base64
import hashlib
import re
import unicodedata
import urllib.parse
import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING

import polars as pl

from bailian_assets.executor.functions import java_regex
from bailian_assets.executor.functions.common import (
    Implementation,
    per_row,
    rowwise,
)
from bailian_assets.executor.functions.common import (
    const as _const,
)
from bailian_assets.executor.functions.numeric import per_distinct
from bailian_assets.planning import bound, types

if TYPE_CHECKING:
    from polars.expr.whenthen import ChainedThen, Then


def _trim(a, raw):
    """TRIM([mode] [chars] FROM s): the characters may be a column (a NULL one gives NULL)."""
    mode = _const(raw, 1, "TRIM mode") if len(a) > 1 else "BOTH"
    chars = a[2] if len(a) > 2 else pl.lit(" ")
    method = {"BOTH": "strip_chars", "LEADING": "strip_chars_start", "TRAILING": "strip_chars_end"}[
        str(mode)
    ]
    # Polars strips blanks for NULL characters
    return pl.when(chars.is_null()).then(None).otherwise(getattr(a[0].str, method)(chars))


def _concat_ws(a, raw):
    """CONCAT_WS(sep, ...): the non-NULL values joined; NULL for a NULL separator."""
    values = [x.cast(pl.String) for x in a[1:]]
    if isinstance(raw[0], bound.Literal) and raw[0].value is not None:
        return pl.concat_str(values, separator=str(raw[0].value), ignore_nulls=True)
    return pl.concat_list(values).list.drop_nulls().list.join(a[0].cast(pl.String))


def _replace(a, raw):
    """REPLACE(s, search, replacement), literally; search and replacement may be columns
    (Polars replaces by a column in Python: Java's String.replace, '' inserted between
    characters for an empty search)."""
    if isinstance(raw[1], bound.Literal) and isinstance(raw[2], bound.Literal):
        if raw[1].value is None or raw[2].value is None:
            return pl.lit(None, dtype=pl.String)
        return a[0].str.replace_all(str(raw[1].value), str(raw[2].value), literal=True)
    return rowwise(str.replace, a, pl.String)


def _literal_int(raw, index: int) -> int | None:
    """The value of argument `index` when it is a non-NULL integer literal, else None."""
    expr = raw[index]
    if isinstance(expr, bound.Literal) and type(expr.value) is int:
        return expr.value
    return None


def _substring(a, raw):
    """Flink's SUBSTRING: from 1; a start of 0 is 1; a negative start counts from the end, and
    one before the first character gives '' (SUBSTRING('abc', -4) is '', not 'abc'); a
    negative length gives NULL."""
    start_value = _literal_int(raw, 1)
    if start_value is not None and start_value >= 0:
        # A constant start from the front (TPC-H's SUBSTRING(c_phone FROM 1 FOR 2)) is a plain
        # slice: the general form below builds per-row offsets from each value's length.
        front = max(start_value - 1, 0)
        if len(a) == 2:
            return a[0].str.slice(front)
        length_value = _literal_int(raw, 2)
        if length_value is not None and length_value >= 0:
            return a[0].str.slice(front, length_value)
    start = a[1].cast(pl.Int64)
    chars = a[0].str.len_chars().cast(pl.Int64)
    offset = pl.when(start > 0).then(start - 1).when(start < 0).then(chars + start).otherwise(0)
    length = a[2].cast(pl.Int64).clip(lower_bound=0) if len(a) == 3 else None
    sliced = a[0].str.slice(offset.clip(lower_bound=0), length)
    unknown = start.is_null()
    if len(a) == 3:  # a NULL or negative length: NULL
        unknown = unknown | a[2].is_null() | (a[2].cast(pl.Int64) < 0)
    return (
        pl.when(unknown)
        .then(pl.lit(None, pl.String))  # a NULL start: NULL, not the whole string
        .when(offset < 0)  # a negative start before the first character: '' in Flink
        .then(sliced.str.slice(0, 0))  # (NULL for a NULL string)
        .otherwise(sliced)
    )


# Java's Character.isWhitespace: Python's blanks but the non-breaking spaces and U+0085
_JAVA_BLANK = re.compile("[^\\S\xa0\u2007\u202f\x85]")


def _split_index_value(s: str, separator: str | int, index: int) -> str | None:
    """Part `index` of `s` as Flink splits it (Commons Lang, every empty part kept): by a whole
    separator, at each blank for '', by a character code (1 to 255); NULL for '' (no parts),
    a negative index, or an index past the last part."""
    if isinstance(separator, int):
        if not 1 <= separator <= 255:
            return None
        separator = chr(separator)
    if index < 0 or not s:
        return None
    parts = _JAVA_BLANK.split(s) if separator == "" else s.split(separator)
    return parts[index] if index < len(parts) else None


def _split_index(a, raw):
    """SPLIT_INDEX(s, separator, index): split by Polars for a separator of text (literal or
    column), in Python for a character code and rows whose separator is ''."""
    if not types.is_character(raw[1].type):
        return rowwise(_split_index_value, a, pl.String)
    index = a[2].cast(pl.Int64)
    split = a[0].str.split(a[1]).list.get(index, null_on_oob=True)
    split = pl.when((index < 0) | (a[0] == "")).then(None).otherwise(split)
    if isinstance(raw[1], bound.Literal) and raw[1].value != "":
        return split
    blanks = pl.when(a[1] == "").then(a[0])  # the other rows NULL: never sent to Python
    return (
        pl.when(a[1] == "")
        .then(rowwise(_split_index_value, [blanks, a[1], a[2]], pl.String))
        .otherwise(split)
    )


def _position(a, raw):
    """POSITION(sub IN s): the 1-based character position of `sub` in `s`, 0 when absent."""
    found = a[1].str.find(a[0], literal=True)
    # str.find gives a byte offset; the characters before it are counted from the bytes up to
    # it (a match starts on a character boundary, so those bytes are valid UTF-8).
    before = a[1].cast(pl.Binary).bin.head(found).cast(pl.String).str.len_chars()
    return (
        pl.when(a[0].is_null() | a[1].is_null())
        .then(None)
        .otherwise((before + 1).fill_null(0))
        .cast(pl.Int32)
    )


# The longest string a function may build (REPEAT, LPAD, RPAD): 16 Mi characters. Flink's
# STRING holds up to 2^31 - 1 characters, but a row value of gigabytes would exhaust memory
# before anything could be written; beyond this limit the job fails with a clear error.
MAX_RESULT_CHARS = 16 * 1024 * 1024


def _bounded(name: str, length: int) -> None:
    if length > MAX_RESULT_CHARS:
        raise ValueError(
            f"{name} would build a string of {length} characters, more than the "
            f"{MAX_RESULT_CHARS} a value may hold"
        )


def _pad_value(side: str):
    def pad(s: str, length: int, fill: str):
        if length < 0 or not fill:  # Flink: NULL for a negative length or an empty pad
            return None
        if length <= len(s):
            return s[:length]  # both pads truncate from the right
        _bounded(f"{side}PAD", length)
        need = length - len(s)
        filler = (fill * (need // len(fill) + 1))[:need]
        return filler + s if side == "L" else s + filler

    return pad


def _pad(side: str) -> Implementation:
    return lambda a, raw: rowwise(_pad_value(side), a, pl.String)


def _repeat(s: str, times: int) -> str:
    if times <= 0 or not s:
        return ""
    _bounded("REPEAT", len(s) * times)
    return s * times


def _left(s: str, n: int) -> str:
    return s[: max(n, 0)]


def _right(s: str, n: int) -> str:
    return s[len(s) - n :] if 0 < n else ""


def _locate(sub: str, s: str, start: int = 1) -> int:
    """1-based position of `sub` in `s` at or after `start` (below 1: from the start), 0 when
    absent: Java's indexOf."""
    return s.find(sub, max(start - 1, 0)) + 1


def _instr(s: str, sub: str, start: int = 1, nth: int = 1):
    """INSTR(s, sub[, start[, nth]]): the nth occurrence from `start` (a negative start
    searches backward from the end); 0 when start is 0, NULL when nth is below 1."""
    if nth < 1:
        return None
    if start == 0:
        return 0
    if start > 0:
        at = start - 2
        for _ in range(nth):
            at = s.find(sub, at + 1)
            if at < 0:
                return 0
        return at + 1
    at = len(s) + start  # the 0-based index to search backward from
    found = -1
    for _ in range(nth):
        found = s.rfind(sub, 0, at + len(sub)) if at >= 0 else -1
        if found < 0:
            return 0
        at = found - 1
    return found + 1


# INITCAP's words, as Flink (Calcite's SqlFunctions.initcap) sees them: runs of ASCII letters
# and digits; every other character, non-ASCII letters included, separates words and is kept.
_INITCAP_WORD = re.compile(r"[A-Za-z0-9]+")


def _initcap(s: str) -> str:
    """Each word's first character upper-cased, its other letters lower-cased ('3rd' stays,
    'ünïcode' is 'üNïCode', 'ÉCOLE' is 'ÉCole'): Flink's INITCAP."""
    return _INITCAP_WORD.sub(lambda word: word[0][0].upper() + word[0][1:].lower(), s)


def _ascii(s: str) -> int:
    """The first byte of the UTF-8 text as Java's signed byte ('é' is -61); 0 for ''."""
    if not s:
        return 0
    first = s.encode()[0]
    return first - 256 if first > 127 else first


def _chr(code: int) -> str:
    return chr(code % 256) if code >= 0 else ""


def _elt(a, raw):
    index = a[0].cast(pl.Int64)
    chain: Then | ChainedThen = pl.when(index == 1).then(a[1].cast(pl.String))
    for position, value in enumerate(a[2:], start=2):
        chain = chain.when(index == position).then(value.cast(pl.String))
    return chain.otherwise(None)


def _translate(s: str, source: str, target: str) -> str:
    """Each character of `source` in `s` becomes the one at its place in `target`, or goes
    when `target` is shorter (the first occurrence in `source` wins)."""
    table: dict[int, int | None] = {}
    for index, char in enumerate(source):
        table.setdefault(ord(char), ord(target[index]) if index < len(target) else None)
    return s.translate(table)


def _from_base64(text: str) -> str:
    """Java's basic decoder: a character outside the alphabet fails the job."""
    for char in text:
        if not (char.isascii() and (char.isalnum() or char in "+/=")):
            raise ValueError(f"Illegal base64 character {ord(char):x}")
    return base64.b64decode(
        text + "=" * (-len(text.rstrip("=")) % 4 if "=" not in text else 0)
    ).decode("utf-8", errors="replace")


def _sha2(s: str, bits: int):
    algorithm = {224: "sha224", 256: "sha256", 384: "sha384", 512: "sha512"}.get(bits)
    if algorithm is None:  # Flink fails the job
        raise ValueError(f"SHA2: unsupported algorithm (bits {bits}; 224, 256, 384 or 512)")
    return hashlib.new(algorithm, s.encode()).hexdigest()


def _hash_code(s: str) -> int:
    """Java's String.hashCode (over UTF-16 code units), as a signed 32-bit int."""
    value = 0
    units = s.encode("utf-16-be")
    for index in range(0, len(units), 2):
        value = (31 * value + int.from_bytes(units[index : index + 2], "big")) & 0xFFFFFFFF
    return value - (1 << 32) if value >= 1 << 31 else value


def parse_url(url: str, part: str, key: str | None = None):
    """Flink's PARSE_URL (java.net.URL's parts); NULL for a URL that does not parse or a part
    it lacks. With a key, the value of that query parameter."""
    parsed = urllib.parse.urlsplit(url)
    if not parsed.scheme or not re.fullmatch(r"[A-Za-z][A-Za-z0-9+.-]*", parsed.scheme):
        return None
    part = part.upper()
    if key is not None:
        if part != "QUERY" or not parsed.query:
            return None
        match = re.search(rf"(?:^|&){re.escape(key)}=([^&]*)", parsed.query)
        return match.group(1) if match else None
    file = parsed.path + ("?" + parsed.query if parsed.query else "")
    parts = {
        "HOST": parsed.hostname,
        "PATH": parsed.path,
        "QUERY": parsed.query or None,
        "REF": parsed.fragment or None,
        "PROTOCOL": parsed.scheme,
        "FILE": file,
        "AUTHORITY": parsed.netloc or None,
        "USERINFO": parsed.netloc.rpartition("@")[0] or None,
    }
    return parts.get(part)


def _overlay(s: str, placed: str, start: int, length: int | None = None) -> str:
    """s with `length` characters (default: as many as `placed` has) from `start` replaced;
    as in Flink, a start past the end of `s` leaves it as it is, and a length of 0 replaces
    the rest of it."""
    if start > len(s):
        return s
    if length == 0:
        return s[: max(start - 1, 0)] + placed
    length = len(placed) if length is None else length
    return s[: max(start - 1, 0)] + placed + s[max(start - 1 + length, 0) :]


def similar_to_regex(pattern: str) -> str:
    """SQL's SIMILAR TO pattern as a whole-string regex: `%` and `_` as in LIKE; `|`, `*`,
    `+`, `?`, `{m,n}`, `(...)`, `[...]` and `.` as in regexes; anything else stands for
    itself."""
    parts = []
    for ch in pattern:
        if ch == "%":
            parts.append(".*")
        elif ch == "_":
            parts.append(".")
        elif ch in "|*+?{}()[]^-,.":  # '.' too: any character, as Flink has it
            parts.append(ch)
        else:
            parts.append(re.escape(ch))
    return "(?s)^(?:" + "".join(parts) + ")$"


def _polars_reads(pattern: str) -> bool:
    """Does Polars' regex engine take `pattern` (no lookaround, no backreference)?"""
    try:
        pl.select(pl.lit("").str.contains(pattern))
    except pl.exceptions.PolarsError:
        return False
    return True


def _similar_to(a, raw):
    """s SIMILAR TO p; a pattern from a column is matched per row."""
    if isinstance(raw[1], bound.Literal):
        if raw[1].value is None:
            return pl.lit(None, dtype=pl.Boolean)
        return a[0].str.contains(similar_to_regex(str(raw[1].value)))
    return rowwise(lambda s, p: re.search(similar_to_regex(p), s) is not None, a, pl.Boolean)


def _regex(build, one, dtype=pl.String) -> Implementation:
    """A REGEXP function: `build(a, raw, pattern)` in Polars for a literal pattern Polars reads
    (in its syntax: `java_regex.rust_form`; the other arguments literals too); else
    `one(s, pattern, ...)` in Python with Java's syntax (`java_regex`: NULL for a pattern that
    is no regex, as Flink logs it and returns NULL), once per distinct text for literal
    arguments, per row for columns. NULL for a NULL argument."""

    def implementation(a, raw):
        if not all(isinstance(x, bound.Literal) for x in raw[1:]):
            return rowwise(one, a, dtype)
        values = [x.value for x in raw[1:]]
        if any(value is None for value in values):
            return pl.lit(None, dtype=dtype)
        pattern = str(values[0])
        rust = java_regex.rust_form(pattern)
        if pattern and java_regex.compiled(pattern) is not None and _polars_reads(rust):
            return build(a, raw, rust)
        return per_distinct(a[0], lambda s: one(s, *values), dtype)

    return implementation


def _regexp_instr(a, raw, pattern: str):
    """The first match's 1-based character position, 0 when there is none."""
    found = a[0].str.find(pattern)
    # a byte offset, as in `_position`: the characters before it are counted from its bytes
    before = a[0].cast(pl.Binary).bin.head(found).cast(pl.String).str.len_chars()
    return pl.when(a[0].is_null()).then(None).otherwise((before + 1).fill_null(0)).cast(pl.Int32)


def _regexp_extract(a, raw, pattern: str):
    """Group `group` (0, the whole match, without one) of the first match; NULL for a group
    the regex does not have (a negative one too)."""
    group = int(_const(raw, 2, "group")) if len(a) > 2 else 0
    compiled = java_regex.compiled(str(raw[1].value))  # the pattern as written: Java's
    if compiled is None or not 0 <= group <= compiled.groups:
        return pl.lit(None, dtype=pl.String)
    return a[0].str.extract(pattern, group)


def _regexp_extract_all(a, raw, pattern: str):
    """Group `group` (1 by default, 0: the whole match) of every match; NULL for a group the
    regex does not have (and for a NULL group), an empty array when nothing matches."""
    group = _const(raw, 2, "group") if len(a) > 2 else 1
    compiled = java_regex.compiled(str(raw[1].value))  # the pattern as written: Java's
    assert compiled is not None, "checked by _regex"
    if group is None or not 0 <= int(group) <= compiled.groups:
        return pl.lit(None, dtype=pl.List(pl.String))
    if group == 0:
        return a[0].str.extract_all(pattern)
    return rowwise(
        lambda s: [match.group(group) for match in compiled.finditer(s)],
        a[:1],
        pl.List(pl.String),
    )


def _digest(algorithm: str) -> Implementation:
    return lambda a, r: rowwise(
        lambda s: hashlib.new(algorithm, s.encode()).hexdigest(), a, pl.String
    )


def _of(function, dtype=pl.String) -> Implementation:
    return lambda a, r: rowwise(function, a, dtype)


def _all_of(category: Callable[[str], bool]) -> Implementation:
    """TRUE when the string is not empty and each character is of `category` (Java's
    Character.isDigit, isLetter); FALSE for '' and NULL."""
    return lambda a, r: rowwise(
        lambda s: bool(s) and all(category(c) for c in s), a, pl.Boolean
    ).fill_null(False)


def _is_decimal(s: str) -> bool:
    """Does Java's Double.parseDouble read `s` (surrounding blanks, a sign, an exponent, NaN,
    Infinity, a d/f suffix)?"""
    text = s.strip()
    core = text.lstrip("+-")
    if core in ("NaN", "Infinity"):
        return True
    if "_" in text or not core or core[0].isalpha():
        return False
    try:
        float(text[:-1] if text[-1] in "dDfF" else text)
    except ValueError:
        return False
    return True


IMPLEMENTATIONS: dict[str, Implementation] = {
    "UPPER": lambda a, r: a[0].str.to_uppercase(),
    "LOWER": lambda a, r: a[0].str.to_lowercase(),
    "INITCAP": lambda a, r: per_distinct(a[0], _initcap, pl.String),
    "TRIM": _trim,
    "LTRIM": lambda a, r: a[0].str.strip_chars_start(" "),
    "RTRIM": lambda a, r: a[0].str.strip_chars_end(" "),
    "CHAR_LENGTH": lambda a, r: a[0].str.len_chars().cast(pl.Int32),
    "CHARACTER_LENGTH": lambda a, r: a[0].str.len_chars().cast(pl.Int32),
    "LENGTH": lambda a, r: a[0].str.len_chars().cast(pl.Int32),
    "CONCAT": lambda a, r: pl.concat_str([x.cast(pl.String) for x in a]),
    "CONCAT_WS": _concat_ws,
    "SUBSTRING": _substring,
    "SUBSTR": _substring,
    "REPLACE": _replace,
    # Flink takes the replacement literally: '$1' is no group reference ('$$' is Polars' '$')
    "REGEXP_REPLACE": _regex(
        lambda a, r, pattern: a[0].str.replace_all(
            pattern, str(_const(r, 2, "replacement")).replace("$", "$$")
        ),
        java_regex.regexp_replace,
    ),
    # without an index, the whole match (group 0), as Flink's
    "REGEXP_EXTRACT": _regex(_regexp_extract, java_regex.regexp_extract),
    "REGEXP": _regex(
        lambda a, r, pattern: a[0].str.contains(pattern), java_regex.regexp, pl.Boolean
    ),
    "REGEXP_SUBSTR": _regex(
        lambda a, r, pattern: a[0].str.extract(pattern, 0), java_regex.regexp_substr
    ),
    "REGEXP_COUNT": _regex(
        lambda a, r, pattern: a[0].str.count_matches(pattern).cast(pl.Int32),
        java_regex.regexp_count,
        pl.Int32,
    ),
    "REGEXP_INSTR": _regex(_regexp_instr, java_regex.regexp_instr, pl.Int32),
    "REGEXP_EXTRACT_ALL": _regex(
        _regexp_extract_all, java_regex.regexp_extract_all, pl.List(pl.String)
    ),
    "POSITION": _position,
    "LPAD": _pad("L"),
    "RPAD": _pad("R"),
    "REVERSE": lambda a, r: a[0].str.reverse(),
    "SPLIT_INDEX": _split_index,
    "REPEAT": _of(_repeat),
    "LEFT": _of(_left),
    "RIGHT": _of(_right),
    "LOCATE": _of(_locate, pl.Int32),
    "INSTR": _of(_instr, pl.Int32),
    "ASCII": _of(_ascii, pl.Int32),
    "CHR": _of(_chr),
    "ELT": _elt,
    "PARSE_URL": lambda a, r: rowwise(parse_url, a, pl.String),
    "TO_BASE64": _of(lambda s: base64.b64encode(s.encode()).decode("ascii")),
    "FROM_BASE64": _of(_from_base64),
    "TRANSLATE": _of(_translate),
    "MD5": _digest("md5"),
    "SHA1": _digest("sha1"),
    "SHA256": _digest("sha256"),
    "SHA2": _of(_sha2),
    "HASH_CODE": _of(_hash_code, pl.Int32),
    "UUID": lambda a, r: per_row(lambda: str(uuid.uuid4()), pl.String),
    "OVERLAY": _of(_overlay),
    "SIMILAR TO": _similar_to,
    "IS_DIGIT": _all_of(lambda c: unicodedata.category(c) == "Nd"),
    "IS_ALPHA": _all_of(str.isalpha),
    "IS_DECIMAL": lambda a, r: rowwise(_is_decimal, a, pl.Boolean).fill_null(False),
}
