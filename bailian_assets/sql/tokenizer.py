"""Flink SQL text -> tokens, each with its place in the file.

Comments (`--` to end of line, `/* ... */`) are skipped, but not hints: `/*+` and the `*/`
that ends it are symbols, the hint's text tokens between them; strings keep their raw text so that
`${...}` variables inside them can be located exactly; backtick identifiers keep their case.

Tokens are made a chunk at a time (`token_chunks`, a few hundred tokens), so the parser holds
only the chunk it reads and the few tokens it looks ahead at: the memory a file costs is its
syntax tree, not its tokens. Text that is no token is an error only once the parser asks for
it: the tokens before it come first, so their syntax errors are reported too. Lines end at
`\\n`, `\\r\\n` or `\\r` (see `source.py`); columns count characters. Numbers are ASCII digits
only.

Speed matters here (every `bailian-assets run` parses its files first), so one regular
expression skips blanks and comments and matches the token after them in one call; a token's
`Position` is made only when asked for (most tokens' never are); and the keyword form of a
bare identifier is upper-cased once, when the token is made.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterator

from bailian_assets.errors import Position
from bailian_assets.sql.node_init import fast_maker
from bailian_assets.sql.source import LINE_BREAK, describe_char


class Kind(enum.Enum):
    IDENT = "identifier"
    QUOTED_IDENT = "quoted identifier"
    STRING = "string"
    NUMBER = "number"
    OP = "symbol"
    EOF = "end of input"


_IDENT, _OP, _EOF = Kind.IDENT, Kind.OP, Kind.EOF
# Position(line, col, offset), made the quick way (half the tokens read have theirs made).
_position = fast_maker(Position)


class Token:
    """One token: its kind, raw text, value and place. Files have millions of tokens, so a
    token is a plain object with slots, and its `Position` is made the first time it is read."""

    __slots__ = ("_at", "end", "kind", "line", "line_start", "start", "text", "upper", "value")

    def __init__(
        self,
        kind: Kind,
        text: str,
        value: str,
        start: int,
        end: int,
        line: int = 1,
        line_start: int = 0,
    ):
        self.kind = kind
        self.text = text  # raw source text of the token
        self.value = value  # identifier name, unescaped string value, number text or symbol
        # Keyword form: bare identifiers compare case-insensitively, quoted ones never match.
        self.upper = value.upper() if kind is _IDENT else ""
        self.start = start  # offset of the token's first character
        self.end = end  # offset just past the token
        self.line = line  # 1-based line of `start`
        self.line_start = line_start  # offset of that line's first character
        self._at: Position | None = None

    @property
    def position(self) -> Position:
        """Where the token starts: line, column (both 1-based) and offset."""
        at = self._at
        if at is None:
            at = self._at = _position(self.line, self.start - self.line_start + 1, self.start)
        return at

    def is_op(self, *symbols: str) -> bool:
        return self.kind is _OP and self.value in symbols

    def describe(self) -> str:
        if self.kind is _EOF:
            return "end of input"
        return f"'{self.text}'" if len(self.text) <= 40 else f"'{self.text[:30]}...'"

    def __repr__(self) -> str:
        return f"Token({self.kind}, {self.text!r}, {self.position})"


class TokenizeError(Exception):
    def __init__(self, message: str, position: Position, length: int = 1):
        super().__init__(message)
        self.message = message
        self.position = position
        self.length = length


# What lies between tokens: blanks and comments, taken possessively (`*+`, `(?>...)`), so that
# text after them that is no token is never matched by giving some of them back (a `/` of an
# unterminated `/*`).
_SKIP = r"(?>\s+|--[^\r\n]*|/\*(?!\+).*?\*/)*+"
# One alternative per kind of token; the group that matched names it. Order matters: numbers
# before `.`, an unterminated `/*` (an error) before the `/` symbol; `end` is the end of input.
_TOKEN = re.compile(
    _SKIP
    + r"""
    (?:
      (?P<string>'[^']*(?:''[^']*)*')
    | (?P<unicode_string>[uU]&'[^']*(?:''[^']*)*')
    | (?P<quoted>`[^`]*(?:``[^`]*)*`)
    | (?P<number>(?:[0-9]+(?:\.[0-9]+)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?)
    | (?P<ident>[^\W\d][\w$]*)
    | (?P<open_comment>/\*(?!\+))
    | (?P<op><>|!=|<=|>=|\|\||=>|/\*\+|\*/(?!\*)|[(),;.=<>+\-*/%\[\]:])
    | (?P<end>\Z)
    )
""",
    re.VERBOSE | re.DOTALL,
)
_SKIP_ONLY = re.compile(_SKIP, re.DOTALL)

# The groups of `_TOKEN`, numbered as written: `match.lastindex` says which matched.
_STRING, _UNICODE_STRING, _QUOTED, _END = 1, 2, 3, 8
# The kind of a token whose text is its value (a number, an identifier, a symbol), by group;
# None for the others.
_SIMPLE = (None, None, None, None, Kind.NUMBER, Kind.IDENT, None, Kind.OP, None)
# Escapes of a U&'...' literal: \XXXX, \+XXXXXX (hex code points) and \\ (a backslash).
_UNICODE_ESCAPE = re.compile(r"\\(?:([0-9a-fA-F]{4})|\+([0-9a-fA-F]{6})|(\\)|)")
# Tokens per chunk: few enough that a chunk costs little memory, enough that asking for the
# next chunk is rare.
CHUNK = 512


def tokenize(source: str) -> list[Token]:
    """Split `source` into tokens, ending with an EOF token. Raises TokenizeError."""
    return list(iter_tokens(source))


def iter_tokens(source: str) -> Iterator[Token]:
    """The tokens of `source`, one at a time, ending with an EOF token. Raises TokenizeError
    when it reaches text that is no token."""
    for chunk in token_chunks(source):
        yield from chunk


def token_chunks(source: str, size: int | None = None) -> Iterator[list[Token]]:
    """The tokens of `source` in lists of up to `size` (`CHUNK`), the last ending with an EOF token.
    Text that is no token raises TokenizeError once the tokens before it are given (in a
    chunk of their own)."""
    lines = _Lines(source)
    offset = 0
    while offset >= 0:
        chunk, offset = _scan(source, offset, lines, size or CHUNK)
        if chunk:
            yield chunk
        if lines.error is not None:
            raise lines.error


def _scan(source: str, offset: int, lines: _Lines, size: int) -> tuple[list[Token], int]:
    """Up to `size` tokens from `offset` on, and the offset after them: -1 once the EOF token
    is among them, or where there is no token (the reason then in `lines.error`)."""
    match_at = _TOKEN.match
    chunk: list[Token] = []
    append = chunk.append
    line, line_start, next_start = lines.line, lines.start, lines.next_start
    for _ in range(size):
        match = match_at(source, offset)
        if match is None:
            start = _SKIP_ONLY.match(source, offset).end()  # type: ignore[union-attr]
            lines.error = _error_at(source, start, lines.position(start))
            return chunk, -1
        group: int = match.lastindex  # type: ignore[assignment]
        start, offset = match.span(group)
        if start >= next_start:
            lines.advance(start)
            line, line_start, next_start = lines.line, lines.start, lines.next_start
        kind = _SIMPLE[group]
        if kind is not None:  # an identifier, a number or a symbol: its text is its value
            text = match.group(group)
            append(Token(kind, text, text, start, offset, line, line_start))
        elif group <= _QUOTED:
            token = _literal(group, match.group(group), start, offset, lines)
            if token is None:
                return chunk, -1
            append(token)
        elif group == _END:
            append(Token(_EOF, "", "", start, start, line, line_start))
            return chunk, -1
        else:  # an unterminated comment
            lines.error = TokenizeError("unterminated comment", lines.position(start), 2)
            return chunk, -1
    return chunk, offset


def _literal(group: int, text: str, start: int, end: int, lines: _Lines) -> Token | None:
    """The token of a string or quoted identifier: its value unescaped. None (the reason in
    `lines.error`) for a U&'...' string with a bad escape."""
    if group == _STRING:
        value = text[1:-1].replace("''", "'")
        return Token(Kind.STRING, text, value, start, end, lines.line, lines.start)
    if group == _QUOTED:
        value = text[1:-1].replace("``", "`")
        return Token(Kind.QUOTED_IDENT, text, value, start, end, lines.line, lines.start)
    try:
        value = _unicode_value(text[3:-1].replace("''", "'"), lines.position(start))
    except TokenizeError as error:
        lines.error = error
        return None
    return Token(Kind.STRING, text, value, start, end, lines.line, lines.start)


class _Lines:
    """The line the scan is on: its number and first offset, moved on as tokens pass line
    breaks (found one at a time, so a file's lines are never all held)."""

    def __init__(self, source: str):
        self._breaks = LINE_BREAK.finditer(source)
        self.line = 1
        self.start = 0  # offset of the line's first character
        self._end = len(source) + 1  # past every offset: there is no next line
        self.next_start = self._following()  # offset of the next line's first character
        self.error: TokenizeError | None = None

    def _following(self) -> int:
        found = next(self._breaks, None)
        return self._end if found is None else found.end()

    def advance(self, offset: int) -> None:
        """Move to the line that holds `offset`."""
        while offset >= self.next_start:
            self.line += 1
            self.start = self.next_start
            self.next_start = self._following()

    def position(self, offset: int) -> Position:
        self.advance(offset)
        return Position(self.line, offset - self.start + 1, offset)


def _unicode_value(body: str, position: Position) -> str:
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
                position,
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
