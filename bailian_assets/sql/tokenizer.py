"""Flink SQL text -> tokens, each with its place in the file.

Comments (`--` to end of line, `/* ... */`) are skipped; strings keep their raw text so that
`${...}` variables inside them can be located exactly; backtick identifiers keep their case.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from bailian_assets.errors import Position


class Kind(enum.Enum):
    IDENT = "identifier"
    QUOTED_IDENT = "quoted identifier"
    STRING = "string"
    NUMBER = "number"
    OP = "symbol"
    EOF = "end of input"


@dataclass(frozen=True)
class Token:
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
        return "end of input" if self.kind is Kind.EOF else f"'{self.text}'"


class TokenizeError(Exception):
    def __init__(self, message: str, position: Position, length: int = 1):
        super().__init__(message)
        self.message = message
        self.position = position
        self.length = length


_SYMBOLS = ("<>", "!=", "<=", ">=", "||", "=>", "(", ")", ",", ";", ".", "=", "<", ">",
            "+", "-", "*", "/", "%", "[", "]")


class _Cursor:
    def __init__(self, source: str):
        self.source = source
        self.offset = 0
        self.line = 1
        self.col = 1

    def position(self) -> Position:
        return Position(self.line, self.col, self.offset)

    def peek(self, ahead: int = 0) -> str:
        i = self.offset + ahead
        return self.source[i] if i < len(self.source) else ""

    def startswith(self, text: str) -> bool:
        return self.source.startswith(text, self.offset)

    def advance(self, count: int = 1) -> None:
        for _ in range(count):
            if self.source[self.offset] == "\n":
                self.line += 1
                self.col = 1
            else:
                self.col += 1
            self.offset += 1


def tokenize(source: str) -> list[Token]:
    """Split `source` into tokens, ending with an EOF token. Raises TokenizeError."""
    cur = _Cursor(source)
    tokens: list[Token] = []
    while True:
        _skip_blanks_and_comments(cur)
        start = cur.position()
        ch = cur.peek()
        if not ch:
            tokens.append(Token(Kind.EOF, "", "", start, start.offset))
            return tokens
        if ch == "'":
            tokens.append(_quoted(cur, start, "'", Kind.STRING, "string literal"))
        elif ch == "`":
            tokens.append(_quoted(cur, start, "`", Kind.QUOTED_IDENT, "quoted identifier"))
        elif ch.isdigit() or (ch == "." and cur.peek(1).isdigit()):
            tokens.append(_number(cur, start))
        elif ch.isalpha() or ch == "_":
            while cur.peek() and (cur.peek().isalnum() or cur.peek() in "_$"):
                cur.advance()
            text = source[start.offset : cur.offset]
            tokens.append(Token(Kind.IDENT, text, text, start, cur.offset))
        else:
            symbol = next((s for s in _SYMBOLS if cur.startswith(s)), None)
            if symbol is None:
                raise TokenizeError(f"unexpected character '{ch}'", start)
            cur.advance(len(symbol))
            tokens.append(Token(Kind.OP, symbol, symbol, start, cur.offset))


def _skip_blanks_and_comments(cur: _Cursor) -> None:
    while True:
        ch = cur.peek()
        if ch and ch.isspace():
            cur.advance()
        elif cur.startswith("--"):
            while cur.peek() and cur.peek() != "\n":
                cur.advance()
        elif cur.startswith("/*"):
            start = cur.position()
            cur.advance(2)
            while not cur.startswith("*/"):
                if not cur.peek():
                    raise TokenizeError("unterminated comment", start, 2)
                cur.advance()
            cur.advance(2)
        else:
            return


def _quoted(cur: _Cursor, start: Position, quote: str, kind: Kind, what: str) -> Token:
    cur.advance()
    chars: list[str] = []
    while True:
        ch = cur.peek()
        if not ch:
            raise TokenizeError(f"unterminated {what}", start)
        if ch == quote:
            if cur.peek(1) == quote:  # '' inside a string, `` inside an identifier
                chars.append(quote)
                cur.advance(2)
                continue
            cur.advance()
            break
        chars.append(ch)
        cur.advance()
    text = cur.source[start.offset : cur.offset]
    return Token(kind, text, "".join(chars), start, cur.offset)


def _number(cur: _Cursor, start: Position) -> Token:
    while cur.peek().isdigit():
        cur.advance()
    if cur.peek() == "." and cur.peek(1).isdigit():
        cur.advance()
        while cur.peek().isdigit():
            cur.advance()
    if cur.peek() in ("e", "E") and (
        cur.peek(1).isdigit() or (cur.peek(1) in "+-" and cur.peek(2).isdigit())
    ):
        cur.advance(2)
        while cur.peek().isdigit():
            cur.advance()
    text = cur.source[start.offset : cur.offset]
    return Token(Kind.NUMBER, text, text, start, cur.offset)
