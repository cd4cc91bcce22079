"""Java's regular expressions (java.util.regex, what Flink's REGEXP functions run) in Python's
`re`, for the patterns Polars cannot take: a pattern from a column (one regex per row), or
syntax Polars' engine refuses (lookahead `a(?=b)`, lookbehind, backreferences `(a)\\1`,
possessive `a++`).

Java's syntax is read as Python's, with Java's defaults: `\\w`, `\\d` and `\\s` are ASCII-only
(spelled out as classes), `\\b` sees Unicode letters as Java's does; `^`/`$` anchor the whole
text. Translated: `(?<name>...)` (Python's `(?P<name>...)`), `\\Q...\\E` quoting, the POSIX
classes `\\p{Alpha}` etc. (ASCII), `\\Z` (before a final line break) and `\\z` (the very
end), a class intersection (`[a-z&&[^x]]`: lookaheads before a class; `[^a&&b]` outside the
intersection). Not translated: Unicode property classes (`\\p{L}`), `(?i)` (Unicode case
folding here, ASCII in Java) and the line terminators beyond `\\n` that Java's `.` does not
match. A pattern neither engine reads is no regular expression: the functions give NULL
(REGEXP FALSE), as Flink does after logging it.
"""

from __future__ import annotations

import re
import string
import warnings
from functools import lru_cache

# Java's POSIX character classes (US-ASCII only, as Java has them without UNICODE_CHARACTER_CLASS)
_PUNCT = re.escape(string.punctuation)
_POSIX = {
    "Lower": "a-z",
    "Upper": "A-Z",
    "ASCII": "\\x00-\\x7F",
    "Alpha": "a-zA-Z",
    "Digit": "0-9",
    "Alnum": "a-zA-Z0-9",
    "Punct": _PUNCT,
    "Graph": "a-zA-Z0-9" + _PUNCT,
    "Print": "a-zA-Z0-9 " + _PUNCT,
    "Blank": " \\t",
    "Cntrl": "\\x00-\\x1F\\x7F",
    "XDigit": "0-9a-fA-F",
    "Space": " \\t\\n\\x0B\\f\\r",
}


# Java's \\w, \\d, \\s: ASCII (Python's and Polars' are Unicode's; `\\b` is Unicode's in all)
_ASCII = {"w": "0-9A-Za-z_", "d": "0-9", "s": "\\t\\n\\x0B\\f\\r "}


def _escape(pattern: str, at: int, in_class: bool) -> tuple[str, int]:
    """The Python form of the escape at `at` (a backslash), and where the pattern goes on."""
    following = pattern[at + 1]
    if following in _ASCII:
        chars = _ASCII[following]
        return (chars if in_class else f"[{chars}]"), at + 2
    if following.lower() in _ASCII and not in_class:  # \W, \D, \S
        return f"[^{_ASCII[following.lower()]}]", at + 2
    if following == "Q":
        end = pattern.find("\\E", at + 2)
        end = len(pattern) if end < 0 else end
        return re.escape(pattern[at + 2 : end]), end + 2
    if following in "pP" and pattern.startswith("{", at + 2):
        close = pattern.find("}", at + 3)
        posix = _POSIX.get(pattern[at + 3 : close].removeprefix("Is")) if close > 0 else None
        if posix is not None:
            if in_class and following == "p":
                return posix, close + 1
            return f"[{'^' if following == 'P' else ''}{posix}]", close + 1
    if not in_class and following == "Z":
        return r"(?=\n?\Z)", at + 2
    if not in_class and following == "z":
        return r"\Z", at + 2
    return pattern[at : at + 2], at + 2


def _class_end(pattern: str, at: int) -> int:
    """Just past the character class opening at `at` (classes nest in Java), or -1."""
    depth = 0
    while at < len(pattern):
        if pattern[at] == "\\":
            at += 1
        elif pattern[at] == "[":
            depth += 1
        elif pattern[at] == "]":
            depth -= 1
            if depth == 0:
                return at + 1
        at += 1
    return -1


def _operands(body: str) -> list[str]:
    """The operands of a class's body `A&&B...` at its own level (one without `&&`)."""
    operands, depth, start, at = [], 0, 0, 0
    while at < len(body):
        if body[at] == "\\":
            at += 1
        elif body[at] in "[]":
            depth += 1 if body[at] == "[" else -1
        elif depth == 0 and body.startswith("&&", at):
            operands.append(body[start:at])
            start = at + 2
            at += 1
        at += 1
    return [*operands, body[start:]]


def _intersection(pattern: str, at: int) -> tuple[str, int] | None:
    """The Python form of the class at `at` when it is an intersection (`[a-z&&[^x]]`: the
    characters of the first operand the others' lookaheads accept), and where it ends."""
    end = _class_end(pattern, at)
    body = pattern[at + 1 : end - 1]
    negated = body.startswith("^")
    operands = _operands(body.removeprefix("^")) if end > 0 else []
    if len(operands) < 2:
        return None
    classes = [
        python_form(op if op.startswith("[") and _class_end(op, 0) == len(op) else f"[{op}]")
        for op in operands
    ]
    both = "(?:" + "".join(f"(?={c})" for c in classes[1:]) + classes[0] + ")"
    # `[^a-z&&[^y]]`: any character outside the intersection (Java 9 on)
    return (f"(?:(?!{both})(?s:.))" if negated else both), end


def python_form(pattern: str) -> str:
    """A Java regex written in Python's syntax (see the module's text)."""
    out, at, depth = [], 0, 0  # depth: how deep in character classes
    while at < len(pattern):
        char = pattern[at]
        if char == "\\" and at + 1 < len(pattern):
            text, at = _escape(pattern, at, depth > 0)
            out.append(text)
            continue
        if char == "[" and not depth and (intersection := _intersection(pattern, at)):
            out.append(intersection[0])
            at = intersection[1]
            continue
        if char == "[":
            depth += 1
        elif char == "]" and depth:
            depth -= 1
        elif (
            not depth
            and pattern.startswith("(?<", at)
            and not pattern.startswith(("(?<=", "(?<!"), at)
        ):
            out.append("(?P<")
            at += 3
            continue
        out.append(char)
        at += 1
    return "".join(out)


def rust_form(pattern: str) -> str:
    """A Java regex in the syntax of Polars' engine (Rust's regex), its classes ASCII as
    Java's: `\\w`, `\\d`, `\\s` and the POSIX `\\p{Alpha}` etc. spelled out. Syntax
    Rust lacks (lookaround, backreferences, `\\Q`, `\\Z`) is left as it is: Polars refuses
    it, and the pattern runs in Python."""
    out, at, depth = [], 0, 0
    while at < len(pattern):
        char = pattern[at]
        if char == "\\" and at + 1 < len(pattern):
            if pattern[at + 1] in "pPwdsWDS":
                text, at = _escape(pattern, at, depth > 0)
            else:
                text, at = pattern[at : at + 2], at + 2
            out.append(text)
            continue
        depth += 1 if char == "[" else -1 if char == "]" and depth else 0
        out.append(char)
        at += 1
    return "".join(out)


@lru_cache(maxsize=1024)
def compiled(pattern: str) -> re.Pattern[str] | None:
    """`pattern` compiled with Java's meaning, None when it is no regex Python reads."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "possible nested set" and the like
            return re.compile(python_form(pattern))
    except (re.error, RecursionError, OverflowError):
        return None


# ------------------------------------------------------------------ Flink's functions, per value


def regexp(s: str, pattern: str) -> bool:
    """REGEXP: does the pattern match somewhere? FALSE for '' and for a pattern that is none."""
    regex = compiled(pattern) if pattern else None
    return regex is not None and regex.search(s) is not None


def regexp_extract(s: str, pattern: str, group: int = 0) -> str | None:
    """Group `group` of the first match; NULL without a match or such a group."""
    regex = compiled(pattern)
    match = regex.search(s) if regex is not None else None
    if match is None or not 0 <= group <= regex.groups:  # type: ignore[union-attr]
        return None
    return match.group(group)


def regexp_replace(s: str, pattern: str, replacement: str) -> str | None:
    """Every match replaced by `replacement`, taken literally (`$1` is no group)."""
    regex = compiled(pattern)
    return None if regex is None else regex.sub(lambda _: replacement, s)


def regexp_substr(s: str, pattern: str) -> str | None:
    return regexp_extract(s, pattern, 0)


def regexp_count(s: str, pattern: str) -> int | None:
    regex = compiled(pattern)
    return None if regex is None else sum(1 for _ in regex.finditer(s))


def regexp_instr(s: str, pattern: str) -> int | None:
    """The first match's 1-based position, 0 without a match."""
    regex = compiled(pattern)
    if regex is None:
        return None
    match = regex.search(s)
    return 0 if match is None else match.start() + 1


def regexp_extract_all(s: str, pattern: str, group: int = 1) -> list[str | None] | None:
    """Group `group` of every match; NULL for a group the regex does not have."""
    regex = compiled(pattern)
    if regex is None or not 0 <= group <= regex.groups:
        return None
    return [match.group(group) for match in regex.finditer(s)]


def split(text: str, pattern: str, limit: int = 0) -> list[str] | None:
    """Java's String.split: at most `limit` parts (0: any number, empty ones at the end
    dropped, possibly all); a match of nothing at the start makes no empty first part; the
    whole text when nothing matches. None for a pattern that is no regex."""
    regex = compiled(pattern)
    if regex is None:
        return None
    parts: list[str] = []
    start = 0
    for match in regex.finditer(text):
        if limit > 0 and len(parts) == limit - 1:
            break
        if match.end() == 0:
            continue
        parts.append(text[start : match.start()])
        start = match.end()
    if not parts:
        return [text]
    parts.append(text[start:])
    while limit == 0 and parts and parts[-1] == "":
        parts.pop()
    return parts
