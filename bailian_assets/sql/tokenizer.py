"""Flink SQL text -> tokens, each with its place in the file.

Comments (`--` to end of line, `/* ... */`) are skipped; strings keep their raw text so that
`${...}` variables inside them can be located exactly; backtick identifiers keep their case.

Tokens are made one at a time (`iter_tokens`), so the parser holds only the few it looks ahead
at: the memory a file costs is its syntax tree, not its tokens. Lines end at `\\n`, `\\r\\n` or
`\\r` (see `source.py`); columns count characters. Numbers are ASCII digits only.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterator
from dataclasses import dataclass

from bailian_assets.errors import Position
from bailian_assets.sql.source import describe_char


class Kind(enum.Enum):
    IDENT = "identifier"
    QUOTED_IDENT = "quoted identifier"
    STRING = "string"
    NUMBER = "number"
    OP = "symbol"
    EOF = "end of input"


@dataclass(slots=True)  # not frozen: a frozen dataclass is slower to make, and files have
class Token:  # millions of tokens
    kind: Kind
    text: str  # raw source text of the token
    value: str  # identifier name, unescaped string value, number text or symbol
    position: Position
    end: int  # offset just past the token

    @property
    def upper(self) -> str:
        """Keyword form: bare identifiers compare case-insensitively, quoted ones never match."""
        return self.value.upper() if self.kind is Kind.IDENT else ""

    def is_op(self, *symbols: str) -> bool:
        return self.kind is Kind.OP and self.value in symbols

    def describe(self) -> str:
        if self.kind is Kind.EOF:
            return "end of input"
        return f"'{self.text}'" if len(self.text) <= 40 else f"'{self.text[:30]}...'"


class TokenizeError(Exception):
    def __init__(self, message: str, position: Position, length: int = 1):
        super().__init__(message)
        self.message = message
        self.position = position
        self.length = length


# One alternative per kind of token; the group that matched names it. Order matters: comments
# before the `-` and `/` symbols, numbers before `.`.
_TOKEN = re.compile(
    r"""
    (?P<blank>\s+)
  | (?P<line_comment>--[^\r\n]*)
  | (?P<block_comment>/\*(?:.*?\*/)?)
  | (?P<string>'[^']*(?:''[^']*)*')
  | (?P<unicode_string>[uU]&'[^']*(?:''[^']*)*')
  | (?P<quoted>`[^`]*(?:``[^`]*)*`)
  | (?P<number>(?:[0-9]+(?:\.[0-9]+)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?)
  | (?P<ident>[^\W\d][\w$]*)
  | (?P<op><>|!=|<=|>=|\|\||=>|[(),;.=<>+\-*/%\[\]])
""",
    re.VERBOSE | re.DOTALL,
)

_KINDS = {
    "string": Kind.STRING,
    "unicode_string": Kind.STRING,
    "quoted": Kind.QUOTED_IDENT,
    "number": Kind.NUMBER,
    "ident": Kind.IDENT,
    "op": Kind.OP,
}
# Kinds of text that may span lines.
_MULTILINE = {"blank", "block_comment", "string", "unicode_string", "quoted"}
# Escapes of a U&'...' literal: \XXXX, \+XXXXXX (hex code points) and \\ (a backslash).
_UNICODE_ESCAPE = re.compile(r"\\(?:([0-9a-fA-F]{4})|\+([0-9a-fA-F]{6})|(\\)|)")


def tokenize(source: str) -> list[Token]:
    """Split `source` into tokens, ending with an EOF token. Raises TokenizeError."""
    return list(iter_tokens(source))


def iter_tokens(source: str) -> Iterator[Token]:
    """The tokens of `source`, one at a time, ending with an EOF token. Raises TokenizeError
    when it reaches text that is no token."""
    offset, line, line_start = 0, 1, 0
    match_at = _TOKEN.match
    while True:
        match = match_at(source, offset)
        if match is None:
            position = Position(line, offset - line_start + 1, offset)
            if offset >= len(source):
                yield Token(Kind.EOF, "", "", position, offset)
                return
            raise _error_at(source, offset, position)
        group = match.lastgroup
        end = match.end()
        if group == "block_comment" and (end - offset < 4 or source[end - 2 : end] != "*/"):
            raise TokenizeError(
                "unterminated comment", Position(line, offset - line_start + 1, offset), 2
            )
        if group in _KINDS:
            text = match.group()
            value = text
            if group == "string":
                value = text[1:-1].replace("''", "'")
            elif group == "unicode_string":
                value = _unicode_value(
                    text[3:-1].replace("''", "'"), source, offset, line, line_start
                )
            elif group == "quoted":
                value = text[1:-1].replace("``", "`")
            yield Token(
                _KINDS[group],
                text,
                value,
                Position(line, offset - line_start + 1, offset),
                end,
            )
        if group in _MULTILINE:
            last = max(source.rfind("\n", offset, end), source.rfind("\r", offset, end))
            if last >= 0:  # \r\n is one line break, a lone \r another
                line += (
                    source.count("\n", offset, end)
                    + source.count("\r", offset, end)
                    - source.count("\r\n", offset, end)
                )
                line_start = last + 1
        offset = end


def _unicode_value(body: str, source: str, offset: int, line: int, line_start: int) -> str:
    """The text of U&'...': each escape replaced by its character (Flink's Unicode literals)."""

    def replace(match: re.Match) -> str:
        four, six, backslash = match.groups()
        if backslash:
            return "\\"
        code = int(four or six or "-1", 16)
        if code < 0 or code > 0x10FFFF:
            raise TokenizeError(
                "Unicode escape sequence starting at character "
                f"{match.start() + 1} is not exactly four hex digits",
                Position(line, offset - line_start + 1, offset),
                3,
            )
        return chr(code)

    return _UNICODE_ESCAPE.sub(replace, body)


def _error_at(source: str, offset: int, position: Position) -> TokenizeError:
    """Why no token starts at `offset`: an unterminated string or identifier, or a character
    SQL has no use for."""
    ch = source[offset]
    if ch == "'":
        return TokenizeError("unterminated string literal", position)
    if ch == "`":
        return TokenizeError("unterminated quoted identifier", position)
    return TokenizeError(f"unexpected character {describe_char(ch)}", position)
