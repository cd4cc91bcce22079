"""Tokens -> syntax tree, for the statements a Flink/VVR job file contains.

One small `_parse_x` method per construct, a table from leading keyword to statement parser,
and recovery at `;`: a file with three broken statements reports three errors in one go.

Expressions are parsed by precedence climbing (`_expr(min_precedence)`): a chain of operators is
a loop, never a recursion, and AND, OR and `||` chains become one flat `Chain` node. Nesting is
bounded (see nesting.py): the parser counts the levels it descends into, and each statement's
tree is measured once parsed, so nothing after the parser can run out of stack.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from decimal import Decimal

from bailian_assets.errors import Diagnostic, Position, SqlError
from bailian_assets.sql import ast, json_syntax
from bailian_assets.sql.literals import (
    MAX_DECIMAL_PRECISION,
    LiteralError,
    bounded_integer,
    limit_count,
    number_value,
)
from bailian_assets.sql.nesting import MAX_DEPTH, nested_too_deeply, too_deep
from bailian_assets.sql.reserved import NILADIC, RESERVED_WORDS, is_reserved, reserved_message
from bailian_assets.sql.source import line_at
from bailian_assets.sql.tokenizer import Kind, Token, TokenizeError, token_chunks

# Words that end an expression or a FROM item, so they are never taken as an alias.
_RESERVED = {
    "SELECT",
    "FROM",
    "WHERE",
    "GROUP",
    "HAVING",
    "ORDER",
    "LIMIT",
    "UNION",
    "JOIN",
    "INNER",
    "LEFT",
    "RIGHT",
    "FULL",
    "CROSS",
    "ON",
    "USING",
    "AS",
    "AND",
    "OR",
    "NOT",
    "WITH",
    "VALUES",
    "CASE",
    "WHEN",
    "THEN",
    "ELSE",
    "END",
    "IS",
    "IN",
    "BETWEEN",
    "LIKE",
    "LATERAL",
    "BY",
    "OUTER",
    "SET",
    "INSERT",
    "CREATE",
    "EXCEPT",
    "INTERSECT",
    "OFFSET",
    "FETCH",
    "WINDOW",
    "ALL",
    "DISTINCT",
    "TABLE",
    "NULL",
    "TRUE",
    "FALSE",
    "NATURAL",
    "OVER",
}

_TYPE_ALIASES = {
    "INTEGER": "INT",
    "DEC": "DECIMAL",
    "NUMERIC": "DECIMAL",
    "CHARACTER": "CHAR",
    "BYTES": "BYTES",
    "REAL": "FLOAT",
    "TIMESTAMP_LTZ": "TIMESTAMP_LTZ",
}
_SIMPLE_TYPES = {
    "STRING",
    "VARCHAR",
    "CHAR",
    "BOOLEAN",
    "TINYINT",
    "SMALLINT",
    "INT",
    "BIGINT",
    "FLOAT",
    "DOUBLE",
    "DECIMAL",
    "DATE",
    "TIME",
    "TIMESTAMP",
    "TIMESTAMP_LTZ",
    "BINARY",
    "VARBINARY",
    "BYTES",
    "VARIANT",
}

_COMPARISONS = ("=", "<>", "!=", "<", "<=", ">", ">=")

# Binding power of infix operators, loosest first; NOT binds between AND and comparisons, a
# sign tighter than everything.
_OR, _AND, _NOT, _COMPARE, _ADD, _MULTIPLY, _SIGN = 1, 2, 3, 4, 5, 6, 7
_INFIX = {
    "OR": _OR,
    "AND": _AND,
    "+": _ADD,
    "-": _ADD,
    "||": _ADD,
    "*": _MULTIPLY,
    "/": _MULTIPLY,
    "%": _MULTIPLY,
    **dict.fromkeys(_COMPARISONS, _COMPARE),
}
_PREDICATES = ("IS", "IN", "BETWEEN", "LIKE", "SIMILAR")
_CHAINS = ("AND", "OR", "||")  # associative: kept flat
_QUERY_STARTS = ("SELECT", "VALUES", "WITH")
# Words that may lead a primary expression other than a name (see `_primary`).
_LEADING_WORDS = frozenset(
    """
    INTERVAL EXISTS TRUE FALSE NULL CASE CAST TRY_CAST ARRAY MAP DATE TIMESTAMP TIME
    CURRENT_DATE CURRENT_TIMESTAMP LOCALTIMESTAMP CURRENT_TIME LOCALTIME NOW
    """.split()
)
# the current date and time, without parentheses (NOW() with them)
_CURRENT_TIMES = (
    "CURRENT_DATE",
    "CURRENT_TIMESTAMP",
    "LOCALTIMESTAMP",
    "CURRENT_TIME",
    "LOCALTIME",
)
# Type parameters: lengths up to Flink's VARCHAR maximum.
_MAX_TYPE_PARAMETER = 2**31 - 1


# What `EXECUTE STATEMENT SET BEGIN` gives: a set is open, and no ';' follows.
_OPENED = object()

# Stands for the current token until the parser reads the first one.
_START = Token(Kind.EOF, "", "", 0, 0)
_EOF, _OP, _IDENT = Kind.EOF, Kind.OP, Kind.IDENT


class _ParseError(Exception):
    def __init__(self, message: str, at: Token | Position, length: int | None = None):
        super().__init__(message)
        self.message = message
        self.position = at.position if isinstance(at, Token) else at
        default = max(1, len(at.text)) if isinstance(at, Token) else 1
        self.length = length if length is not None else default


@contextmanager
def _without_cycle_collection() -> Iterator[None]:
    """Parsing makes objects by the thousand (tokens, nodes) and no reference cycles worth
    collecting; each few hundred made, Python's cycle collector would look through the young
    ones, and now and then through everything the process holds (measured: a third of
    parsing time or more in a process that has Polars and Dagster loaded). The collector is
    paused while parsing and resumed after, as it was; what it would have found is found
    then."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class ScriptError(SqlError):
    """Every syntax error of a file, and the statements above the first one (`parsed`): Flink
    runs a file's statements in order, so a mistake in one of those is the first it reports,
    and they are checked too (every mistake at once)."""

    def __init__(self, diagnostics: list[Diagnostic], parsed: ast.Script):
        super().__init__(diagnostics)
        self.parsed = parsed


def parse_script(source: str, path: str = "<sql>") -> ast.Script:
    """Parse a whole file. Raises ScriptError carrying every syntax error found."""
    with _without_cycle_collection():
        return _Parser(source, path).script()


def parse_query(source: str, path: str = "<sql>") -> ast.Query:
    """Parse one query (used by tests and tools); raises SqlError."""
    with _without_cycle_collection():
        return _query_alone(_Parser(source, path))


def _query_alone(parser: _Parser) -> ast.Query:
    try:
        parser._start()
        query = parser._query()
        parser._expect_eof()
        parser._check_depth(query)
        return query
    except (_ParseError, TokenizeError) as error:
        raise SqlError([parser._diagnostic(error.message, error.position, error.length)]) from None


def _literal_type(word: str, text: str) -> ast.DataType:
    """The type of `DATE '...'`, `TIME '...'`, `TIMESTAMP '...'`: as Flink, a TIME or TIMESTAMP
    literal's precision is the number of its fraction digits (TIMESTAMP '... 08:05:00.120' is
    TIMESTAMP(3))."""
    if word == "DATE":
        return ast.DataType(word)
    _, dot, fraction = text.strip().rpartition(".")
    digits = len(fraction) if dot and fraction.isdigit() and ":" in text else 0
    return ast.DataType(word, (digits,))


# Units of interval literals, in order: YEAR TO MONTH counts months, DAY TO SECOND microseconds.
_YEAR_MONTH = ("YEAR", "MONTH")
_DAY_TIME = ("DAY", "HOUR", "MINUTE", "SECOND")
_MICROS = {"DAY": 86_400_000_000, "HOUR": 3_600_000_000, "MINUTE": 60_000_000, "SECOND": 1_000_000}


# the largest value of each field after the first (the first may hold any `precision` digits)
_FIELD_LIMITS = {"MONTH": 11, "HOUR": 23, "MINUTE": 59, "SECOND": 59}


def interval_value(text: str, first: str, last: str | None, precision: int = 2) -> tuple[int, str]:
    """The value of `INTERVAL 'text' first[(precision)] [TO last]`: (months,
    'INTERVAL_YEAR_MONTH') or (microseconds, 'INTERVAL_DAY_TIME'). Raises ValueError, with
    Flink's words, for text that does not fit: a first field of more digits than `precision`
    (2 unless written), a later one past its range (25 hours)."""
    units = _YEAR_MONTH if first in _YEAR_MONTH else _DAY_TIME
    end = units.index(last or first)
    fields = units[units.index(first) : end + 1]
    if not fields:
        raise ValueError(f"Illegal interval qualifier {first} TO {last}")
    body = text.strip()
    sign = -1 if body.startswith("-") else 1
    parts = re.split(r"[-: ]", body.lstrip("+-"))
    pattern = r"\d+(\.\d+)?" if fields[-1] == "SECOND" else r"\d+"
    if (
        len(parts) != len(fields)
        or not all(re.fullmatch(r"\d+", p) for p in parts[:-1])
        or not re.fullmatch(pattern, parts[-1])
    ):
        qualifier = first + (f" TO {last}" if last else "")
        raise ValueError(f"Illegal interval literal format '{text}' for INTERVAL {qualifier}")
    leading = int(parts[0].partition(".")[0])
    if len(str(leading)) > precision:
        raise ValueError(
            f"Interval field value {leading:,} exceeds precision of {first}({precision}) field"
        )
    if any(float(p) > _FIELD_LIMITS[f] for p, f in zip(parts[1:], fields[1:], strict=True)):
        qualifier = first + (f" TO {last}" if last else "")
        raise ValueError(f"Illegal interval literal format '{text}' for INTERVAL {qualifier}")
    if units is _YEAR_MONTH:
        months = sum(
            int(p) * (12 if f == "YEAR" else 1) for p, f in zip(parts, fields, strict=False)
        )
        return sign * months, "INTERVAL_YEAR_MONTH"
    micros = sum(
        round(float(p) * _MICROS[f]) if f == "SECOND" else int(p) * _MICROS[f]
        for p, f in zip(parts, fields, strict=False)
    )
    return sign * micros, "INTERVAL_DAY_TIME"


_ADD_UNITS = (
    "YEAR",
    "QUARTER",
    "MONTH",
    "WEEK",
    "DAY",
    "HOUR",
    "MINUTE",
    "SECOND",
    "MILLISECOND",
    "MICROSECOND",
)
_FLOOR_UNITS = (
    "MILLENNIUM",
    "CENTURY",
    "DECADE",
    "YEAR",
    "QUARTER",
    "MONTH",
    "WEEK",
    "DAY",
    "HOUR",
    "MINUTE",
    "SECOND",
    "MILLISECOND",
    "MICROSECOND",
)
_UNIT_FIRST = {
    "TIMESTAMPADD": _ADD_UNITS,
    "TIMESTAMPDIFF": _ADD_UNITS,
    "EXTRACT": (
        *_ADD_UNITS,
        "DOW",
        "DOY",
        "ISODOW",
        "ISOYEAR",
        "DECADE",
        "CENTURY",
        "MILLENNIUM",
        "EPOCH",
    ),
}
# the plural units an INTERVAL takes (INTERVAL '2' DAYS)
_PLURAL_UNITS = {
    "YEARS": "YEAR",
    "MONTHS": "MONTH",
    "DAYS": "DAY",
    "HOURS": "HOUR",
    "MINUTES": "MINUTE",
    "SECONDS": "SECOND",
}


# A computed column's type is its expression's, known once bound (planning/table_columns.py).
_COMPUTED = ast.DataType("NULL")
# the words of a LIKE clause's options (`INCLUDING ALL`, `EXCLUDING OPTIONS`...)
_LIKE_STRATEGIES = ("INCLUDING", "EXCLUDING", "OVERWRITING")
_LIKE_FEATURES = (
    "ALL",
    "CONSTRAINTS",
    "PARTITIONS",
    "GENERATED",
    "OPTIONS",
    "WATERMARKS",
    "METADATA",
)
_ENFORCED_PRIMARY_KEY = (
    "Flink doesn't support ENFORCED mode for PRIMARY KEY constraint. ENFORCED/NOT ENFORCED "
    "controls if the constraint checks are performed on the incoming/outgoing data. Flink does "
    "not own the data therefore the only supported mode is the NOT ENFORCED mode"
)


class _Parser:
    def __init__(self, source: str, path: str):
        self.source = source
        self.path = path
        self._chunks = token_chunks(source)
        # The tokens read from the tokenizer and not yet dropped: the current one is
        # `_tokens[_index]`, those after it were looked ahead at (`_peek`).
        self._tokens: list[Token] = []
        self._index = -1
        self._dropped = 0  # tokens dropped from the front of `_tokens`, all taken
        self.tok: Token = _START  # the current token; `_start()` reads the first
        self._depth = 0  # levels of nesting the parser is inside (see nesting.py)
        # The last reserved word `_alias` saw where an alias could stand and did not take
        # (`SELECT 1 values`): a parse failing right at it gets the hint to quote it.
        self._declined_alias: Token | None = None
        # None: a statement set's BEGIN or END, which is no statement of its own
        self.statement_parsers: dict[str, Callable[[], ast.Statement | None]] = {
            "CREATE": self._create,
            "INSERT": self._insert,
            "SET": self._set,
            "RESET": self._reset,
            "DROP": self._drop,
            "USE": self._use,
            "BEGIN": self._begin_statement_set,
            "EXECUTE": self._execute,
            "END": self._end_statement_set,
            "SELECT": self._select_statement,
            "WITH": self._select_statement,
            "VALUES": self._select_statement,
            "DESCRIBE": self._describe,
            "DESC": self._describe,
            "SHOW": self._show,
        }
        # The BEGIN of the statement set being read: its INSERTs are statements of the file
        # like any other (a file's INSERTs run together here in any case), and nothing else
        # may stand inside it.
        self._statement_set: Token | None = None

    # ------------------------------------------------------------ helpers

    def _diagnostic(self, message: str, position: Position, length: int = 1) -> Diagnostic:
        return Diagnostic(
            self.path, position, message, line_at(self.source, position.offset), length
        )

    @property
    def taken(self) -> int:
        """Tokens taken so far."""
        return self._dropped + self._index

    def _more(self) -> bool:
        """Read the tokenizer's next chunk into `_tokens`, dropping the tokens taken; False
        once the EOF token was read. May raise TokenizeError."""
        tokens = self._tokens
        if tokens and tokens[-1].kind is _EOF:
            return False
        chunk = next(self._chunks)
        if self._index > 0:
            self._dropped += self._index
            del tokens[: self._index]
            self._index = 0
        tokens.extend(chunk)
        return True

    def _peek(self, ahead: int = 1) -> Token:
        """The token `ahead` after the current one (the EOF token past the end)."""
        at = self._index + ahead
        tokens = self._tokens
        while at >= len(tokens):
            if not self._more():
                return tokens[-1]
            at = self._index + ahead
        return tokens[at]

    def _next(self) -> Token:
        """Take the current token and move on to the next."""
        token = self.tok
        if token.kind is not _EOF:
            index = self._index + 1
            if index >= len(self._tokens):
                self._more()
                index = self._index + 1
            self._index = index
            self.tok = self._tokens[index]
        return token

    def _enter(self, what: str) -> None:
        """Descend one level of nesting (undo with `self._depth -= 1` in a `finally`)."""
        if self._depth >= MAX_DEPTH:
            raise _ParseError(nested_too_deeply(what), self.tok)
        self._depth += 1

    def _check_depth(self, node: object) -> None:
        found = too_deep(node)
        if found is not None:
            raise _ParseError(found[0], found[1])

    def _skip(self, count: int) -> None:
        for _ in range(count):
            self._next()

    # The checks below run for nearly every token: each looks at `self.tok` itself rather
    # than through another method (a call costs more than the check).

    def _at(self, *words: str) -> bool:
        return self.tok.upper in words

    def _accept(self, *words: str) -> Token | None:
        return self._next() if self.tok.upper in words else None

    def _accept_op(self, *symbols: str) -> Token | None:
        token = self.tok
        return self._next() if token.kind is _OP and token.value in symbols else None

    def _expect(self, word: str) -> Token:
        if self.tok.upper != word:
            raise _ParseError(f"expected {word}, found {self.tok.describe()}", self.tok)
        return self._next()

    def _expect_op(self, symbol: str) -> Token:
        token = self.tok
        if token.kind is not _OP or token.value != symbol:
            raise _ParseError(f"expected '{symbol}', found {token.describe()}", token)
        return self._next()

    def _expect_eof(self) -> None:
        self._accept_op(";")
        if self.tok.kind is not Kind.EOF:
            raise _ParseError(f"unexpected {self.tok.describe()}", self.tok)

    def _identifier(self, what: str = "identifier", object_name: bool = False) -> Token:
        """A name. Flink's reserved words are refused unquoted, with the hint to quote them;
        for the first part of an object name (`object_name`), `_name` does that once it knows
        the name is not a table function's (`UNNEST(...)`)."""
        token = self.tok
        kind = token.kind
        if kind is _IDENT:
            word = token.upper  # the word unquoted: compared with Flink's reserved words
            if word in _RESERVED:
                if word in RESERVED_WORDS:  # `CREATE VIEW values`, `AS values`: quote it
                    raise _ParseError(reserved_message(token.value), token)
                raise _ParseError(f"expected {what}, found {token.describe()}", token)
            if not object_name and word in RESERVED_WORDS:
                raise _ParseError(reserved_message(token.value), token)
        if kind is _IDENT or kind is Kind.QUOTED_IDENT:
            return self._next()
        raise _ParseError(f"expected {what}, found {token.describe()}", token)

    def _name(self, what: str = "name", function: bool = False) -> ast.Name:
        """A table, view, model or column name, qualified or not: `db.t`, `t.col`. As in
        Flink, no part may be a reserved word unquoted (`out`, `values`, `year`): the error
        says to quote it. Where a table function may stand (`function`), a name followed by
        `(` is the function's, and may be one (`UNNEST(...)`)."""
        first = self._identifier(what, object_name=True)
        if not self.tok.is_op("."):  # one part (most names)
            if first.kind is _IDENT and first.upper in RESERVED_WORDS:
                if not (function and self.tok.is_op("(")):
                    raise _ParseError(reserved_message(first.value), first)
            return ast.Name((first.value,), first.position)
        tokens = [first]
        while self.tok.is_op(".") and self._peek().kind in (Kind.IDENT, Kind.QUOTED_IDENT):
            self._next()
            tokens.append(self._next())
        if not (function and self.tok.is_op("(")):
            for token in tokens:
                if token.kind is _IDENT and token.upper in RESERVED_WORDS:
                    raise _ParseError(reserved_message(token.value), token)
        return ast.Name(tuple(t.value for t in tokens), tokens[0].position)

    def _string(self, what: str = "string literal") -> Token:
        if self.tok.kind is not Kind.STRING:
            raise _ParseError(f"expected {what}, found {self.tok.describe()}", self.tok)
        return self._next()

    def _comma_list(self, item: Callable):
        items = [item()]
        while self._accept_op(","):
            items.append(item())
        return items

    # ------------------------------------------------------------ scripts

    def _start(self) -> None:
        self._more()
        self._index = 0
        self.tok = self._tokens[0]

    def script(self) -> ast.Script:
        statements: list[ast.Statement] = []
        spans: list[tuple[int, int]] = []
        errors: list[Diagnostic] = []
        try:
            self._start()
            self._statements(statements, spans, errors)
        except TokenizeError as error:  # no token can be read past this: the file ends here
            errors.append(self._diagnostic(error.message, error.position, error.length))
        if errors:  # the statements above the first mistake still get checked
            first = errors[0].position.offset
            kept = [i for i, (_, end) in enumerate(spans) if end <= first]
            raise ScriptError(
                errors,
                ast.Script(
                    self.path,
                    self.source,
                    tuple(statements[i] for i in kept),
                    tuple(spans[i] for i in kept),
                ),
            )
        return ast.Script(self.path, self.source, tuple(statements), tuple(spans))

    def _statements(
        self,
        statements: list[ast.Statement],
        spans: list[tuple[int, int]],
        errors: list[Diagnostic],
    ) -> None:
        while True:
            while self._accept_op(";"):
                pass
            if self.tok.kind is Kind.EOF:
                if self._statement_set is not None:
                    opened, self._statement_set = self._statement_set, None
                    errors.append(
                        self._diagnostic(
                            "the statement set is never closed: end it with 'END;'",
                            opened.position,
                            len(opened.text),
                        )
                    )
                return
            start, start_offset = self.taken, self.tok.position.offset
            try:
                statement = self._statement()
                if statement is _OPENED:  # EXECUTE STATEMENT SET BEGIN: no ';' follows
                    continue
                if not self.tok.is_op(";") and self.tok.kind is not Kind.EOF:
                    raise _ParseError(
                        f"expected ';' after the statement, found {self.tok.describe()}", self.tok
                    )
                if statement is None:  # BEGIN STATEMENT SET; and END; hold no statement
                    continue
                self._check_depth(statement)
                statements.append(statement)
                spans.append((start_offset, self.tok.position.offset))
            except _ParseError as error:
                error = self._alias_hint(error)
                errors.append(self._diagnostic(error.message, error.position, error.length))
                self._recover(start)

    def _alias_hint(self, error: _ParseError) -> _ParseError:
        """A parse failing at a reserved word `_alias` did not take failed because the word
        was meant as an alias (`SELECT 1 values`, `FROM t year`): say to quote it, as after
        AS (Flink only lists what it expected there)."""
        declined, self._declined_alias = self._declined_alias, None
        if declined is not None and error.position.offset == declined.start:
            return _ParseError(reserved_message(declined.value), declined)
        return error

    def _recover(self, start: int) -> None:
        """Skip to just past the next top-level `;` so the next statement is parsed afresh."""
        if self.taken == start:
            self._next()
        depth = 0
        while self.tok.kind is not Kind.EOF:
            token = self._next()
            if token.is_op("("):
                depth += 1
            elif token.is_op(")"):
                depth = max(0, depth - 1)
            elif token.is_op(";") and depth == 0:
                return

    def _statement(self) -> ast.Statement | None:
        if self._statement_set is not None and self.tok.upper not in (
            "INSERT",
            "END",
            "BEGIN",
            "EXECUTE",
        ):
            raise _ParseError(
                f"only INSERT statements may stand in a statement set, found "
                f"{self.tok.describe()} (end the set with 'END;' first)",
                self.tok,
            )
        if self.tok.is_op("("):  # `(SELECT 1) UNION (SELECT 2)`: a query, as Flink takes it
            return self._select_statement()
        parser = self.statement_parsers.get(self.tok.upper)
        if parser is None:
            expected = ", ".join(sorted(self.statement_parsers))
            raise _ParseError(
                f"expected a statement ({expected}), found {self.tok.describe()}", self.tok
            )
        return parser()

    # ------------------------------------------------------------ statement sets, DROP, USE

    def _begin_statement_set(self) -> None:
        """`BEGIN STATEMENT SET;` ... `END;`: Flink runs the INSERTs inside as one job."""
        self._open_statement_set(self._expect("BEGIN"))
        self._expect("STATEMENT")
        self._expect("SET")

    def _open_statement_set(self, start: Token) -> None:
        if self._statement_set is not None:
            raise _ParseError("statement sets cannot be nested", start)
        self._statement_set = start

    def _execute(self):
        """`EXECUTE STATEMENT SET BEGIN ... END;` (the set's INSERTs follow, each with its
        ';') or `EXECUTE INSERT INTO ...`."""
        start = self._expect("EXECUTE")
        if self._at("INSERT"):
            return self._insert()
        if not self._accept("STATEMENT"):
            raise _ParseError(
                f"expected STATEMENT SET or INSERT after EXECUTE, found {self.tok.describe()}",
                self.tok,
            )
        self._expect("SET")
        self._expect("BEGIN")
        self._open_statement_set(start)
        return _OPENED

    def _end_statement_set(self) -> None:
        end = self._expect("END")
        if self._statement_set is None:
            raise _ParseError("END without a statement set to end (BEGIN STATEMENT SET;)", end)
        self._statement_set = None

    def _drop(self) -> ast.Drop:
        start = self._expect("DROP")
        temporary = bool(self._accept("TEMPORARY"))
        kind = self.tok.upper
        if kind not in ("TABLE", "VIEW", "MODEL"):
            raise _ParseError(
                f"expected TABLE, VIEW or MODEL after DROP, found {self.tok.describe()}", self.tok
            )
        self._next()
        if_exists = False
        if self._accept("IF"):
            self._expect("EXISTS")
            if_exists = True
        name = self._name(f"{kind.lower()} name")
        return ast.Drop(kind, name, start.position, temporary, if_exists)

    def _describe(self) -> ast.Describe:
        start = self._next()  # DESCRIBE or DESC
        self._accept("EXTENDED")
        return ast.Describe(self._name("table or view name"), start.position, start.upper)

    def _show(self) -> ast.Show:
        start = self._expect("SHOW")
        if self.tok.upper not in ("TABLES", "VIEWS"):
            raise _ParseError(
                f"expected TABLES or VIEWS after SHOW (the SHOW statements a job's file may "
                f"hold here), found {self.tok.describe()}",
                self.tok,
            )
        what = self._next().upper
        if what == "VIEWS":
            return ast.Show(what, start.position)
        if self._accept("FROM") or self._accept("IN"):
            self._name("database name")  # the only database there is (checked as USE is not)
        negated = bool(self._accept("NOT"))
        if negated or self.tok.upper == "LIKE":
            self._expect("LIKE")
            pattern = self._next()
            if pattern.kind is not Kind.STRING:
                raise _ParseError(f"expected a pattern, found {pattern.describe()}", pattern)
            return ast.Show(what, start.position, pattern.value, negated)
        return ast.Show(what, start.position)

    def _use(self) -> ast.Use:
        start = self._expect("USE")
        catalog = bool(self._accept("CATALOG"))
        name = self._name("catalog name" if catalog else "database name")
        return ast.Use(name, start.position, catalog)

    # ------------------------------------------------------------ CREATE

    def _create(self) -> ast.Statement:
        start = self._expect("CREATE")
        temporary = bool(self._accept("TEMPORARY"))
        kinds = {
            "MODEL": self._create_model,
            "TABLE": self._create_table,
            "VIEW": self._create_view,
        }
        parse = kinds.get(self.tok.upper)
        if parse is None:
            raise _ParseError(
                f"expected MODEL, TABLE or VIEW, found {self.tok.describe()}", self.tok
            )
        self._next()
        if_not_exists = False
        if self._accept("IF"):
            self._expect("NOT")
            self._expect("EXISTS")
            if_not_exists = True
        return parse(start.position, temporary, if_not_exists)

    def _create_model(self, position: Position, temporary: bool, if_not_exists: bool):
        name = self._name("model name")
        inputs: tuple[ast.ColumnDef, ...] = ()
        outputs: tuple[ast.ColumnDef, ...] = ()
        if self._accept("INPUT"):
            inputs = tuple(self._column_defs(metadata=True))
        if self._accept("OUTPUT"):
            outputs = tuple(self._column_defs(metadata=True))
        comment = self._string().value if self._accept("COMMENT") else None
        options = self._with_options()
        return ast.CreateModel(
            name, inputs, outputs, options, position, temporary, if_not_exists, comment
        )

    def _create_table(self, position: Position, temporary: bool, if_not_exists: bool):
        """`CREATE TABLE name [(elements)] [COMMENT] [PARTITIONED BY] [WITH] [LIKE | AS query]`:
        the elements and the WITH may be left out only where a LIKE or the query gives them, as
        in Flink (a CTAS without WITH is refused later, for its missing connector)."""
        name = self._name("table name")
        opening = self.tok
        columns: tuple[ast.ColumnDef, ...] = ()
        keys: tuple[tuple[str, Position], ...] = ()
        watermark: ast.Watermark | None = None
        if opening.is_op("("):
            columns, keys, watermark = self._table_elements()
        comment = self._string().value if self._accept("COMMENT") else None
        partitioned_by: tuple[str, ...] = ()
        if self._accept("PARTITIONED"):
            self._expect("BY")
            partitioned_by = tuple(t.value for t in self._paren_identifiers())
        has_with = self._at("WITH")
        options = self._with_options() if has_with else ()
        like = self._table_like() if self._at("LIKE") else None
        # CREATE TABLE ... AS query (CTAS): the query gives the columns (and the rows)
        query = self._query() if like is None and self._accept("AS") else None
        if like is None and query is None and not opening.is_op("("):
            raise _ParseError(f"expected '(', found {opening.describe()}", opening)
        if like is None and query is None and not has_with:
            self._expect("WITH")  # no WITH and no LIKE: the error a missing WITH gets
        return ast.CreateTable(
            name,
            columns,
            options,
            position,
            temporary,
            if_not_exists,
            partitioned_by,
            keys,
            comment,
            watermark,
            like,
            query,
        )

    def _table_elements(
        self,
    ) -> tuple[tuple[ast.ColumnDef, ...], tuple[tuple[str, Position], ...], ast.Watermark | None]:
        """`(column, ..., PRIMARY KEY (...) NOT ENFORCED, WATERMARK FOR ...)` of a table."""
        self._expect_op("(")
        columns: list[ast.ColumnDef] = []
        keys: list[tuple[str, Position]] = []
        watermark: ast.Watermark | None = None
        while True:
            if self._accept("CONSTRAINT"):
                self._identifier("constraint name")
            if self._at("PRIMARY") and keys:
                raise _ParseError("Duplicate primary key definition", self.tok)
            if self._at("PRIMARY"):
                keys.extend(self._primary_key())
            elif self._at("WATERMARK"):
                watermark = self._watermark()
            else:
                column = self._column_def(table=True)
                if self._at("PRIMARY"):  # `id INT PRIMARY KEY NOT ENFORCED`
                    if keys:
                        raise _ParseError("Duplicate primary key definition", self.tok)
                    self._primary_key_mode()
                    keys.append((column.name, column.position))
                    if self._accept("COMMENT"):
                        column = replace(column, comment=self._string().value)
                columns.append(column)
            if not self._accept_op(","):
                break
        self._expect_op(")")
        return tuple(columns), tuple(keys), watermark

    def _table_like(self) -> ast.TableLike:
        """`LIKE source [(like option ...)]`: options one after another, no commas (Flink's
        grammar); which strategy suits which feature is checked with the merge."""
        start = self._expect("LIKE")
        source = self._name("table name")
        options: list[ast.LikeOption] = []
        if self._accept_op("("):
            options.append(self._like_option(first=True))
            while not self._accept_op(")"):
                options.append(self._like_option(first=False))
        return ast.TableLike(source, tuple(options), start.position)

    def _like_option(self, first: bool) -> ast.LikeOption:
        """`INCLUDING|EXCLUDING|OVERWRITING feature` of a LIKE clause."""
        strategy = self.tok
        if strategy.upper not in _LIKE_STRATEGIES:
            wanted = "INCLUDING, EXCLUDING or OVERWRITING" + ("" if first else " or ')'")
            raise _ParseError(f"expected {wanted}, found {strategy.describe()}", strategy)
        self._next()
        feature = self.tok
        if feature.upper not in _LIKE_FEATURES:
            wanted = ", ".join(_LIKE_FEATURES)
            raise _ParseError(f"expected one of {wanted}, found {feature.describe()}", feature)
        self._next()
        return ast.LikeOption(strategy.upper, feature.upper, strategy.position)

    def _primary_key(self) -> list[tuple[str, Position]]:
        names = self._primary_key_mode(columns=True)
        return [(t.value, t.position) for t in names]

    def _primary_key_mode(self, columns: bool = False) -> list[Token]:
        """`PRIMARY KEY [(a, b)] NOT ENFORCED`: the only mode Flink has (its text otherwise)."""
        start = self._expect("PRIMARY")
        self._expect("KEY")
        names = self._paren_identifiers() if columns else []
        if not self._accept("NOT"):
            raise _ParseError(_ENFORCED_PRIMARY_KEY, start)
        self._expect("ENFORCED")
        return names

    def _watermark(self) -> ast.Watermark:
        start = self._expect("WATERMARK")
        self._expect("FOR")
        column = self._name("column name")
        self._expect("AS")
        return ast.Watermark(column, self._expr(), start.position)

    def _create_view(self, position: Position, temporary: bool, if_not_exists: bool):
        name = self._name("view name")
        columns: tuple[tuple[str, Position], ...] = ()
        if self.tok.is_op("("):
            columns = tuple((t.value, t.position) for t in self._paren_identifiers())
        if self._accept("COMMENT"):
            self._string()
        self._expect("AS")
        query = self._query()
        return ast.CreateView(name, columns, query, position, temporary, if_not_exists)

    def _paren_identifiers(self) -> list[Token]:
        self._expect_op("(")
        names = self._comma_list(lambda: self._identifier("column name"))
        self._expect_op(")")
        return names

    def _column_defs(self, metadata: bool = False) -> list[ast.ColumnDef]:
        """`(name type, ...)`; with `metadata`, a column may say METADATA (a model's)."""
        self._expect_op("(")
        columns = self._comma_list(lambda: self._column_def(metadata))
        self._expect_op(")")
        return columns

    def _column_def(self, metadata: bool = False, table: bool = False) -> ast.ColumnDef:
        """A column of a model (`metadata`: it may say METADATA) or of a table (`table`: it
        may be computed, `c AS expr`, or `METADATA [FROM 'key'] [VIRTUAL]`)."""
        name = self._identifier("column name")
        if self._at("AS"):
            if not table:
                raise _ParseError("computed columns are not supported", self.tok)
            self._next()
            expression = self._expr()
            comment = self._string().value if self._accept("COMMENT") else None
            return ast.ColumnDef(
                name.value, _COMPUTED, name.position, comment, expression=expression
            )
        data_type = self._type()
        if self.tok.kind is _OP:  # `,` or `)`: none of the words below follows (most columns)
            return ast.ColumnDef(name.value, data_type, name.position, None, False)
        if table and self._accept("METADATA"):
            key = self._string().value if self._accept("FROM") else name.value
            virtual = bool(self._accept("VIRTUAL"))
            comment = self._string().value if self._accept("COMMENT") else None
            return ast.ColumnDef(
                name.value,
                data_type,
                name.position,
                comment,
                metadata=True,
                metadata_key=key,
                virtual=virtual,
            )
        is_metadata = metadata and self._accept("METADATA")
        if self._at("METADATA"):
            raise _ParseError("metadata columns are not supported", self.tok)
        if self._at("PRIMARY") and not table:
            self._primary_key_mode()
        comment = self._string().value if self._accept("COMMENT") else None
        return ast.ColumnDef(name.value, data_type, name.position, comment, bool(is_metadata))

    def _type(self, nullability: bool = True) -> ast.DataType:
        self._enter("type")
        try:
            return self._nested_type(nullability)
        finally:
            self._depth -= 1

    def _nested_type(self, nullability: bool = True) -> ast.DataType:
        """A type: its name, its element, key and field types or its parameters, then its
        nullability (unless not `nullability`: a CAST's type has none)."""
        token = self.tok  # type names (STRING, INT, ...) are reserved words
        if token.kind is not Kind.IDENT:
            raise _ParseError(f"expected a type, found {token.describe()}", token)
        self._next()
        name = _TYPE_ALIASES.get(token.upper, token.upper)
        after = self.tok
        if name in _SIMPLE_TYPES and after.kind is _OP and after.value != "(":
            return ast.DataType(name)  # no parameters, no more words (most types)
        if name == "ARRAY" or name == "MULTISET":
            self._expect_op("<")
            element = self._type()
            self._expect_op(">")
            data_type = ast.DataType(name, element=element)
        elif name == "MAP":
            self._expect_op("<")
            key = self._type()
            self._expect_op(",")
            value = self._type()
            self._expect_op(">")
            data_type = ast.DataType("MAP", element=key, value=value)
        elif name == "ROW":
            if self._accept_op("<"):
                close = ">"
            else:
                self._expect_op("(")
                close = ")"
            fields = self._comma_list(lambda: (self._identifier("field name").value, self._type()))
            self._expect_op(close)
            data_type = ast.DataType("ROW", fields=tuple(fields))
        elif name in _SIMPLE_TYPES:
            data_type = self._simple_type(name)
        else:
            raise _ParseError(f"unknown type '{token.text}'", token)
        return self._nullability(data_type) if nullability else data_type

    def _simple_type(self, name: str) -> ast.DataType:
        """The rest of a type that is not nested: its parameters (`DECIMAL(10, 2)`) and the
        words that complete its name (DOUBLE PRECISION, CHAR VARYING, TIMESTAMP WITH LOCAL
        TIME ZONE, TIMESTAMP WITHOUT TIME ZONE)."""
        if name == "DOUBLE":
            self._accept("PRECISION")
        if name == "CHAR" and self._accept("VARYING"):
            name = "VARCHAR"
        params: tuple[int, ...] = ()
        if self._accept_op("("):
            params = tuple(self._comma_list(self._type_parameter))
            self._expect_op(")")
        if name == "DECIMAL" and params and params[0] > MAX_DECIMAL_PRECISION:
            params = (MAX_DECIMAL_PRECISION, *params[1:])  # Flink's reading of DECIMAL(40, 2)
        if name == "TIMESTAMP" and self._accept("WITH"):
            self._expect("LOCAL")
            self._expect("TIME")
            self._expect("ZONE")
            name = "TIMESTAMP_LTZ"
        elif name in ("TIMESTAMP", "TIME") and self._accept("WITHOUT"):
            self._expect("TIME")
            self._expect("ZONE")
        return ast.DataType(name, params)

    def _nullability(self, data_type: ast.DataType) -> ast.DataType:
        """The type as its `NOT NULL` or `NULL` after it says (nullable when neither does)."""
        if self._at("NOT") and self._peek().upper == "NULL":
            self._next()
            self._next()
            return ast.DataType(
                data_type.name,
                data_type.params,
                data_type.element,
                data_type.value,
                False,
                data_type.fields,
            )
        self._accept("NULL")
        return data_type

    def _integer(self) -> Token:
        if self.tok.kind is not Kind.NUMBER or not self.tok.value.isdigit():
            raise _ParseError(f"expected an integer, found {self.tok.describe()}", self.tok)
        return self._next()

    def _type_parameter(self) -> int:
        token = self._integer()
        try:
            return bounded_integer(token.value, _MAX_TYPE_PARAMETER, "type parameter")
        except LiteralError as error:
            raise _ParseError(str(error), token) from None

    def _with_options(self) -> tuple[ast.Option, ...]:
        self._expect("WITH")
        self._expect_op("(")
        if self._accept_op(")"):
            return ()
        options = self._comma_list(self._option)
        self._expect_op(")")
        return tuple(options)

    def _option(self) -> ast.Option:
        key = self._string("option key (a string literal)")
        self._expect_op("=")
        value = self._string("option value (a string literal)")
        return ast.Option(key.value, value.value, key.position, value.position, value.text)

    # ------------------------------------------------------------ INSERT / SET

    def _insert(self) -> ast.Insert:
        start = self._expect("INSERT")
        overwrite = False
        if self._accept("OVERWRITE"):
            overwrite = True
        else:
            self._expect("INTO")
        target = self._name("table name")
        hints = self._hints()
        partition = self._static_partition() if self._accept("PARTITION") else ()
        columns: tuple[tuple[str, Position], ...] = ()
        # `(SELECT ...)`, `((SELECT 1) UNION ALL (SELECT 2))`: the query, not a column list
        peek = self._peek()
        if self.tok.is_op("(") and not (peek.is_op("(") or peek.upper in _QUERY_STARTS):
            columns = tuple((t.value, t.position) for t in self._paren_identifiers())
        query = self._query()
        return ast.Insert(target, columns, query, start.position, overwrite, partition, hints)

    def _hints(self) -> tuple[ast.Hint, ...]:
        """`/*+ NAME[(...)], ... */` where Flink takes hints, or nothing."""
        if not self._accept_op("/*+"):
            return ()
        hints = tuple(self._comma_list(self._hint))
        self._expect_op("*/")
        return hints

    def _hint(self) -> ast.Hint:
        name = self._identifier("hint name")
        if not self._accept_op("("):
            return ast.Hint(name.value.upper(), name.position)
        options: list[str] = []
        pairs: list[ast.Option] = []
        while not self.tok.is_op(")"):
            if options or pairs:
                self._expect_op(",")
            key = self._next() if self.tok.kind is Kind.STRING else self._identifier("hint option")
            if pairs or (not options and self.tok.is_op("=")):
                self._expect_op("=")
                value = self._string("hint option value (a string literal)")
                pairs.append(
                    ast.Option(key.value, value.value, key.position, value.position, value.text)
                )
            else:
                options.append(key.value)
        self._expect_op(")")
        return ast.Hint(name.value.upper(), name.position, tuple(options), tuple(pairs))

    def _static_partition(self) -> tuple[tuple[str, ast.Expr, Position], ...]:
        """`(k = value, ...)` after INSERT ... PARTITION: each value a literal."""
        self._expect_op("(")
        values = []
        while True:
            name = self._identifier("partition column")
            self._expect_op("=")
            values.append((name.value, self._primary(), name.position))
            if not self._accept_op(","):
                break
        self._expect_op(")")
        return tuple(values)

    def _set(self) -> ast.SetStatement:
        """`SET 'key' = 'value'`, or unquoted as Flink's SQL client takes it
        (`SET table.local-time-zone = UTC`): the text up to '=', and up to ';'."""
        start = self._expect("SET")
        if self.tok.kind is Kind.STRING:
            key = self._next().value
        else:
            key = self._text_until("a configuration key", "=", ";")
        self._expect_op("=")
        value_token = self.tok
        if value_token.kind is Kind.STRING:
            value = self._next().value
        else:
            value = self._text_until("a value", ";")
        return ast.SetStatement(key, value, start.position, value_token.position)

    def _reset(self) -> ast.Reset:
        """`RESET 'key'`, `RESET key` (unquoted, as Flink's SQL client takes it) or `RESET`."""
        start = self._expect("RESET")
        if self.tok.is_op(";") or self.tok.kind is Kind.EOF:
            return ast.Reset(None, start.position)
        if self.tok.kind is Kind.STRING:
            return ast.Reset(self._next().value, start.position)
        return ast.Reset(self._text_until("a configuration key", ";"), start.position)

    def _text_until(self, what: str, *symbols: str) -> str:
        """The source text of the tokens before one of `symbols` (or the end), at least one."""
        first = last = self.tok
        while not self.tok.is_op(*symbols) and self.tok.kind is not Kind.EOF:
            last = self._next()
        if self.tok is first:  # nothing before it
            raise _ParseError(f"expected {what}, found {first.describe()}", first)
        return self.source[first.position.offset : last.end]

    def _select_statement(self) -> ast.SelectStatement:
        """A bare query: `SELECT ...`, `WITH ... SELECT ...` or `VALUES ...`."""
        position = self.tok.position
        return ast.SelectStatement(self._query(), position)

    # ------------------------------------------------------------ queries

    def _query(self) -> ast.Query:
        self._enter("query")
        try:
            start = self.tok
            ctes = self._with_clause() if self._at("WITH") else ()
            body = self._query_term()
            if self._at("UNION", "EXCEPT", "INTERSECT"):
                body = self._unions(body)
            order_by: tuple[ast.OrderItem, ...] = ()
            if self._accept("ORDER"):
                self._expect("BY")
                order_by = tuple(self._comma_list(self._order_item))
            limit, offset = self._limit_offset()
        finally:
            self._depth -= 1
        if (
            isinstance(body, ast.Query)
            and not order_by
            and limit is None
            and not offset
            and not (ctes and body.ctes)
        ):
            return replace(body, ctes=ctes) if ctes else body
        return ast.Query(_as_body(body), order_by, limit, start.position, ctes, offset)

    def _with_clause(self) -> tuple[ast.CommonTableExpr, ...]:
        """`WITH a [(cols)] AS (query), b AS (query) ...` before a query."""
        self._expect("WITH")
        return tuple(self._comma_list(self._common_table_expr))

    def _common_table_expr(self) -> ast.CommonTableExpr:
        name = self._identifier("name of a WITH query")
        columns: tuple[tuple[str, Position], ...] = ()
        if self.tok.is_op("("):
            columns = tuple((t.value, t.position) for t in self._paren_identifiers())
        self._expect("AS")
        self._expect_op("(")
        query = self._query()
        self._expect_op(")")
        return ast.CommonTableExpr(name.value, columns, query, name.position)

    def _limit_offset(self) -> tuple[int | None, int]:
        """The row count and offset after ORDER BY, in the forms Flink's parser (Calcite's)
        takes: `LIMIT n|ALL [OFFSET m [ROW|ROWS]]`, `OFFSET m [ROW|ROWS] [FETCH ...]`
        and `FETCH FIRST|NEXT n ROW|ROWS ONLY`. `LIMIT start, count` and `OFFSET m LIMIT n`
        are refused with Flink's words (its conformance level refuses them)."""
        limit: int | None = None
        offset = 0
        if self._accept("LIMIT"):
            limit = self._limit()
            if self.tok.is_op(","):
                raise _ParseError(
                    "'LIMIT start, count' is not allowed under the current SQL conformance "
                    "level; write LIMIT count OFFSET start",
                    self.tok,
                )
            if self._accept("OFFSET"):
                offset = self._offset()
        elif self._accept("OFFSET"):
            offset = self._offset()
            if self._at("LIMIT"):
                raise _ParseError(
                    "'OFFSET start LIMIT count' is not allowed under the current SQL "
                    "conformance level; write LIMIT count OFFSET start",
                    self.tok,
                )
            if self._at("FETCH"):
                limit = self._fetch()
        elif self._at("FETCH"):
            limit = self._fetch()
        return limit, offset

    def _limit(self) -> int | None:
        """The count of `LIMIT n`, None for `LIMIT ALL`."""
        if self._accept("ALL"):
            return None
        return self._count()

    def _count(self) -> int:
        token = self._integer()
        try:
            return limit_count(token.value)
        except LiteralError as error:
            raise _ParseError(str(error), token) from None

    def _offset(self) -> int:
        """`m [ROW|ROWS]` after OFFSET."""
        offset = self._count()
        if not self._accept("ROWS"):
            self._accept("ROW")
        return offset

    def _fetch(self) -> int:
        """`FETCH FIRST|NEXT n ROW|ROWS ONLY`: the row count."""
        self._expect("FETCH")
        if not self._accept("FIRST"):
            self._expect("NEXT")
        count = self._count()
        if not self._accept("ROWS"):
            self._expect("ROW")
        self._expect("ONLY")
        return count

    def _unions(self, first):
        """`q1 UNION ALL q2 EXCEPT q3 ...`: each run of one operator is one flat SetOperation
        (`a UNION ALL b UNION c` is `(a UNION ALL b) UNION c`); INTERSECT binds tighter, as in
        standard SQL (`a UNION b INTERSECT c` is `a UNION (b INTERSECT c)`)."""
        return self._set_chain(self._set_chain(first, ("INTERSECT",)), ("UNION", "EXCEPT"))

    def _set_chain(self, first, operators: tuple[str, ...]):
        branches = [first]
        op, where = None, None
        while self._at(*operators):
            token = self._next()
            this = token.upper + (" ALL" if self._accept("ALL") else "")
            self._accept("DISTINCT")
            if op is not None and this != op:
                assert where is not None  # set with `op`
                branches = [ast.SetOperation(op, tuple(map(_as_query, branches)), where)]
                where = None
            op, where = this, where or token.position
            term = self._query_term()
            branches.append(
                term if "INTERSECT" in operators else self._set_chain(term, ("INTERSECT",))
            )
        if op is None:
            return first
        assert where is not None  # set with `op`
        return ast.SetOperation(op, tuple(map(_as_query, branches)), where)

    def _query_term(self):
        if self.tok.is_op("("):
            self._next()
            query = self._query()
            self._expect_op(")")
            return query
        if self._at("VALUES"):
            return self._values()
        if self._at("SELECT"):
            return self._select()
        raise _ParseError(f"expected SELECT or VALUES, found {self.tok.describe()}", self.tok)

    def _values(self) -> ast.Values:
        start = self._expect("VALUES")

        def row():
            self._expect_op("(")
            values = self._comma_list(self._value)
            self._expect_op(")")
            return tuple(values)

        return ast.Values(tuple(self._comma_list(row)), start.position)

    def _value(self) -> ast.Expr:
        """One value of a VALUES row: a plain literal is read directly (a file may hold
        millions), anything else as an expression."""
        token = self.tok
        if self._peek().is_op(",", ")") and (
            token.kind in (Kind.STRING, Kind.NUMBER) or token.upper in ("NULL", "TRUE", "FALSE")
        ):
            return self._primary()
        return self._expr()

    def _order_item(self) -> ast.OrderItem:
        position = self.tok.position
        expr = self._expr()
        descending = bool(self._accept("DESC"))
        if not descending:
            self._accept("ASC")
        nulls_first = None
        if self._accept("NULLS"):
            nulls_first = bool(self._accept("FIRST"))
            if not nulls_first:
                self._expect("LAST")
        return ast.OrderItem(expr, descending, position, nulls_first)

    def _select(self) -> ast.Select:
        start = self._expect("SELECT")
        hints = self._hints()
        distinct = bool(self._accept("DISTINCT"))
        if not distinct:
            self._accept("ALL")
        items = tuple(self._comma_list(self._select_item))
        from_ = None
        if self._accept("FROM"):
            from_ = self._from_item()
            while self.tok.is_op(","):  # `FROM a, b`: a cross join, looser than JOIN
                comma = self._next()
                from_ = ast.Join("CROSS", from_, self._from_item(), None, comma.position)
        where = self._expr() if self._accept("WHERE") else None
        group_by: tuple[ast.Expr | ast.GroupingSets, ...] = ()
        if self._accept("GROUP"):
            self._expect("BY")
            group_by = tuple(self._comma_list(self._group_item))
        having = self._expr() if self._accept("HAVING") else None
        windows: tuple[ast.NamedWindow, ...] = ()
        if self._accept("WINDOW"):
            windows = tuple(self._comma_list(self._named_window))
        return ast.Select(
            items, from_, where, group_by, having, start.position, distinct, windows, hints
        )

    def _named_window(self) -> ast.NamedWindow:
        name = self._identifier("window name")
        self._expect("AS")
        return ast.NamedWindow(name.value, self._window_spec(name.position), name.position)

    def _group_item(self) -> ast.Expr | ast.GroupingSets:
        """One GROUP BY element: an expression, `()`, `GROUPING SETS (...)`, `ROLLUP (...)`
        or `CUBE (...)`."""
        token = self.tok
        if token.is_op("(") and self._peek().is_op(")"):
            self._skip(2)
            return ast.GroupingSets("GROUPING SETS", ((),), token.position)
        if token.upper == "GROUPING" and self._peek().upper == "SETS":
            self._skip(2)
            return ast.GroupingSets("GROUPING SETS", self._grouping_list(True), token.position)
        if token.upper in ("ROLLUP", "CUBE") and self._peek().is_op("("):
            self._next()
            return ast.GroupingSets(token.upper, self._grouping_list(False), token.position)
        return self._expr()

    def _grouping_list(self, nested: bool) -> tuple:
        """`(item, ...)` of GROUPING SETS (`nested`: items may be ROLLUP/CUBE) or of ROLLUP
        and CUBE; an item is `(e, ...)`, `()` or one expression, kept as a tuple."""
        self._expect_op("(")

        def item():
            if nested and self.tok.upper in ("ROLLUP", "CUBE") and self._peek().is_op("("):
                return self._group_item()
            if self.tok.is_op("("):
                self._next()
                exprs = () if self.tok.is_op(")") else tuple(self._comma_list(self._expr))
                self._expect_op(")")
                return exprs
            return (self._expr(),)

        items = tuple(self._comma_list(item))
        self._expect_op(")")
        return items

    def _select_item(self) -> ast.SelectItem:
        position = self.tok.position
        if self.tok.is_op("*"):
            self._next()
            return ast.SelectItem(ast.Star(None, position), None, position)
        expr = self._expr()
        return ast.SelectItem(expr, self._alias(), position)

    def _alias(self) -> str | None:
        """`[AS] name`; without AS, a reserved word is the next clause's, never an alias."""
        if self._accept("AS"):
            return self._identifier("alias").value
        token = self.tok
        if token.kind is Kind.IDENT:
            reserved = token.upper in RESERVED_WORDS
            if not reserved and token.upper not in _RESERVED:
                return self._next().value
            if reserved:  # the next clause's word, or a mistake: see `_alias_hint`
                self._declined_alias = token
        elif token.kind is Kind.QUOTED_IDENT:
            return self._next().value
        return None

    def _from_item(self) -> ast.FromItem:
        item = self._from_primary()
        while True:
            start = self.tok
            kind = None
            natural = bool(self._accept("NATURAL"))
            if self._accept("JOIN"):
                kind = "INNER"
            elif self._at("INNER", "CROSS") and self._peek().upper == "JOIN":
                kind = self._next().upper
                self._next()
            elif self._at("LEFT", "RIGHT", "FULL"):
                kind = self._next().upper
                self._accept("OUTER")
                self._expect("JOIN")
            if kind is None:
                if natural:
                    raise _ParseError(f"expected JOIN, found {self.tok.describe()}", self.tok)
                return item
            right = self._from_primary()
            on = None
            using: tuple[str, ...] = ()
            if kind != "CROSS" and not natural:
                if self._accept("USING"):
                    using = tuple(t.value for t in self._paren_identifiers())
                else:
                    self._expect("ON")
                    on = self._expr()
            item = ast.Join(kind, item, right, on, start.position, using, natural)

    def _from_primary(self) -> ast.FromItem:
        start = self.tok
        if self.tok.is_op("("):
            self._next()
            query = self._query()
            self._expect_op(")")
            alias = self._alias()
            columns: tuple[tuple[str, Position], ...] = ()
            if alias and self.tok.is_op("("):  # FROM (VALUES ...) AS t(a, b)
                columns = tuple((t.value, t.position) for t in self._paren_identifiers())
            return ast.SubqueryRef(query, alias, start.position, columns)
        if self._at("LATERAL"):
            self._next()
            if self._at("UNNEST") and self._peek().is_op("("):  # LATERAL UNNEST(a) AS u(x)
                name = self._name("table function", function=True)
                return self._table_function(name, start.position)
            self._expect("TABLE")
            return self._table_function_in_parens(start)
        if self._at("TABLE") and self._peek().is_op("("):
            self._next()
            return self._table_function_in_parens(start)
        name = self._name("table name", function=True)
        if self.tok.is_op("("):
            return self._table_function(name, start.position)
        hints = self._hints()
        return ast.TableRef(name, self._alias(), start.position, hints)

    def _table_function_in_parens(self, start: Token) -> ast.TableFunction:
        self._expect_op("(")
        name = self._name("table function", function=True)
        call = self._table_function(name, start.position, with_alias=False)
        self._expect_op(")")
        return self._with_alias(call)

    def _table_function(self, name: ast.Name, position: Position, with_alias: bool = True):
        self._expect_op("(")
        args: tuple[ast.FunctionArg, ...] = ()
        if not self.tok.is_op(")"):
            args = tuple(self._comma_list(self._function_arg))
        self._expect_op(")")
        call = ast.TableFunction(str(name).upper(), args, None, position)
        return self._with_alias(call) if with_alias else call

    def _with_alias(self, call: ast.TableFunction) -> ast.TableFunction:
        ordinality = (
            call.name == "UNNEST" and self._at("WITH") and self._peek().upper == "ORDINALITY"
        )
        if ordinality:  # UNNEST(a) WITH ORDINALITY AS u(x, n)
            self._next()
            self._next()
        alias = self._alias()
        columns: tuple[str, ...] = ()
        if alias and self.tok.is_op("("):
            columns = tuple(t.value for t in self._paren_identifiers())
        return ast.TableFunction(call.name, call.args, alias, call.position, columns, ordinality)

    def _function_arg(self) -> ast.FunctionArg:
        start = self.tok
        arg_name = None
        if start.kind is Kind.IDENT and self._peek().is_op("=>"):
            arg_name = start.upper
            self._next()
            self._next()
        value_start = self.tok
        value: ast.TableArg | ast.ModelArg | ast.DescriptorArg | ast.Expr
        if self._at("TABLE") and self._peek().kind in (Kind.IDENT, Kind.QUOTED_IDENT):
            self._next()
            value = ast.TableArg(self._name("table name"), value_start.position)
        elif self._at("MODEL") and self._peek().kind in (Kind.IDENT, Kind.QUOTED_IDENT):
            self._next()
            value = ast.ModelArg(self._name("model name"), value_start.position)
        elif self._at("DESCRIPTOR") and self._peek().is_op("("):
            self._next()
            self._expect_op("(")
            columns = self._comma_list(self._descriptor_column)
            self._expect_op(")")
            value = ast.DescriptorArg(tuple(columns), value_start.position)
        else:
            value = self._expr()
        return ast.FunctionArg(value, arg_name, start.position)

    def _descriptor_column(self) -> ast.ColumnRef:
        name = self._name("column name")
        qualifier = ".".join(name.parts[:-1]) or None
        return ast.ColumnRef(qualifier, name.last, name.position)

    # ------------------------------------------------------------ expressions

    def _expr(self, min_precedence: int = 0) -> ast.Expr:
        """An expression whose operators all bind tighter than `min_precedence`."""
        self._enter("expression")
        try:
            return self._operators(self._prefix(min_precedence), min_precedence)
        finally:
            self._depth -= 1

    def _operators(self, left: ast.Expr, min_precedence: int) -> ast.Expr:
        """Apply the infix operators that follow `left`, left to right, in one loop."""
        while True:
            token = self.tok
            if token.kind is _OP:  # most often `,` or `)`: no operator, the expression ends
                precedence = _INFIX.get(token.value, 0)
            else:
                precedence = self._precedence(token)
            if precedence <= min_precedence:
                return left
            if precedence == _COMPARE and (token.upper in _PREDICATES or token.upper == "NOT"):
                left = self._predicate(left, token)
                continue
            if token.value == "!=":  # Flink's default conformance level refuses it
                raise _ParseError(
                    "Bang equal '!=' is not allowed under the current SQL "
                    "conformance level; write '<>'",
                    token,
                    2,
                )
            self._next()
            op = token.upper or token.value
            right = self._expr(precedence)
            if op in _CHAINS:
                operands = (
                    left.operands if isinstance(left, ast.Chain) and left.op == op else (left,)
                )
                position = (
                    left.position
                    if isinstance(left, ast.Chain) and left.op == op
                    else token.position
                )
                left = ast.Chain(op, (*operands, right), position)
            else:
                left = ast.BinaryOp(op, left, right, token.position)

    def _precedence(self, token: Token) -> int:
        """How tightly the infix operator at `token` binds; 0 if it is none."""
        if token.kind is Kind.OP:
            return _INFIX.get(token.value, 0)
        word = token.upper
        if word in ("AND", "OR"):
            return _INFIX[word]
        if word in _PREDICATES or (word == "NOT" and self._peek().upper in _PREDICATES[1:]):
            return _COMPARE
        return 0

    def _prefix(self, min_precedence: int) -> ast.Expr:
        """NOT (where the context allows it), a sign, or a primary expression."""
        token = self.tok
        if token.upper == "NOT" and min_precedence < _NOT:
            self._next()
            return ast.UnaryOp("NOT", self._expr(_AND), token.position)  # NOT NOT x too
        if token.is_op("-", "+"):
            self._next()
            if (
                self.tok.kind is Kind.NUMBER
            ):  # a signed literal, as Flink reads -9223372036854775808
                return self._number_literal(self._next(), token.value == "-", token)
            return ast.UnaryOp(token.value, self._expr(_SIGN), token.position)
        return self._subscripts(self._primary())

    def _subscripts(self, base: ast.Expr) -> ast.Expr:
        """`v['key']`, `a[1]`, `m['k'][2]`: Flink's item access, bound as its ITEM operator;
        `(expr).field`, `a[1].field`: a ROW's field (a column's, `address.city`, is parsed
        as a qualified name and told apart by the binder)."""
        while self.tok.kind is _OP and (
            self.tok.value == "["
            or (self.tok.value == "." and self._peek().kind in (Kind.IDENT, Kind.QUOTED_IDENT))
        ):
            start = self._next()
            if start.value == ".":
                name = self._next()
                base = ast.FieldAccess(base, name.value, name.position)
                continue
            index = self._expr()
            self._expect_op("]")
            base = ast.FunctionCall("ITEM", (base, index), start.position)
        return base

    def _predicate(self, left: ast.Expr, start: Token) -> ast.Expr:
        """`IS ...`, `[NOT] IN (...)`, `[NOT] BETWEEN [SYMMETRIC] a AND b`, `[NOT] LIKE p
        [ESCAPE e]`, `[NOT] SIMILAR TO p`."""
        negated = bool(self._accept("NOT"))
        word = self._next().upper
        if word == "IS":
            return self._is(left, start)
        if word == "IN":
            self._expect_op("(")
            if self._at("SELECT", "WITH"):
                query = self._query()
                self._expect_op(")")
                return ast.Subquery("IN", query, start.position, left, negated)
            items = tuple(self._comma_list(self._expr))
            self._expect_op(")")
            return ast.InList(left, items, negated, start.position)
        if word == "BETWEEN":
            return self._between(left, negated, start)
        if word == "SIMILAR":
            self._expect("TO")
            call = ast.FunctionCall("SIMILAR TO", (left, self._expr(_COMPARE)), start.position)
            return ast.UnaryOp("NOT", call, start.position) if negated else call
        pattern = self._expr(_COMPARE)
        escape = self._expr(_COMPARE) if self._accept("ESCAPE") else None
        return ast.Like(left, pattern, negated, start.position, escape)

    def _is(self, left: ast.Expr, start: Token) -> ast.Expr:
        """After IS: `[NOT] NULL`, `[NOT] TRUE|FALSE|UNKNOWN` and `[NOT] DISTINCT FROM x`,
        the last two as calls of the operator named by the words ('IS NOT TRUE')."""
        negated = bool(self._accept("NOT"))
        name = "IS NOT " if negated else "IS "
        if self._accept("DISTINCT"):
            self._expect("FROM")
            right = self._expr(_COMPARE)
            return ast.FunctionCall(name + "DISTINCT FROM", (left, right), start.position)
        if self._accept("JSON"):
            return json_syntax.is_json(self, left, negated, start)
        truth = self._accept("TRUE", "FALSE", "UNKNOWN")
        if truth is not None:
            return ast.FunctionCall(name + truth.upper, (left,), start.position)
        self._expect("NULL")
        return ast.IsNull(left, negated, start.position)

    def _between(self, left: ast.Expr, negated: bool, start: Token) -> ast.Expr:
        """SYMMETRIC: between in either order, so `x BETWEEN SYMMETRIC a AND b` is the OR of
        both orders (NOT ...: the AND of both negations)."""
        symmetric = bool(self._accept("SYMMETRIC"))
        if not symmetric:
            self._accept("ASYMMETRIC")
        low = self._expr(_COMPARE)
        self._expect("AND")
        high = self._expr(_COMPARE)
        forward = ast.Between(left, low, high, negated, start.position)
        if not symmetric:
            return forward
        backward = ast.Between(left, high, low, negated, start.position)
        return ast.Chain("AND" if negated else "OR", (forward, backward), start.position)

    def _interval_ahead(self) -> bool:
        """Does an INTERVAL literal follow the current INTERVAL word: a string, or a whole
        number, signed or not (`INTERVAL 1 HOUR`, `INTERVAL -1 DAY`: Flink casts it)?"""
        following = self._peek()
        if following.is_op("-"):
            following = self._peek(2)
        return following.kind in (Kind.STRING, Kind.NUMBER)

    def _interval(self) -> ast.Literal:
        """`INTERVAL '1' DAY`, `INTERVAL '1 02:03:04' DAY TO SECOND`, `INTERVAL '-1' MONTH`, and
        Flink's unquoted form `INTERVAL 1 HOUR` (a whole number only: a decimal one is refused
        with Flink's text)."""
        start = self._next()
        sign = "-" if self._accept_op("-") else ""
        text = self._next()
        if text.kind is Kind.NUMBER and not text.value.isdigit():
            digits = text.value.replace(".", "").lstrip("0") or "0"
            scale = len(text.value.partition(".")[2])
            raise _ParseError(
                f"Unsupported casting from DECIMAL({max(len(digits), scale)}, {scale}) NOT NULL "
                f"to INTERVAL {self.tok.upper} NOT NULL",
                text,
                len(text.text),
            )
        first = self._unit(_YEAR_MONTH + _DAY_TIME, plural=True)
        precision = self._unit_precision()
        last = None
        if self._accept("TO"):
            last = self._unit(_YEAR_MONTH + _DAY_TIME, plural=True)
            self._unit_precision()  # SECOND(3): the fraction's digits, shown as milliseconds
        try:
            value, kind = interval_value(sign + text.value, first, last, precision or 2)
        except ValueError as error:
            raise _ParseError(str(error), text, len(text.text)) from None
        return ast.Literal(value, kind, start.position)

    def _unit_precision(self) -> int | None:
        """An interval field's `(p)`, if written (DAY(3)): its digits."""
        if not self._accept_op("("):
            return None
        token = self._next()
        if token.kind is not Kind.NUMBER or not token.value.isdigit():
            raise _ParseError(f"expected a precision, found {token.describe()}", token)
        self._expect_op(")")
        return int(token.value)

    def _unit(self, allowed: tuple[str, ...], plural: bool = False) -> str:
        """A time unit word (YEAR, DAY, ...; the SQL_TSI_ forms too, and with `plural`, an
        INTERVAL's, the plural ones: Flink calls DAYS no valid time frame elsewhere)."""
        token = self.tok
        word = token.upper.removeprefix("SQL_TSI_")
        if word == "FRAC_SECOND":
            word = "MICROSECOND"
        if token.kind is Kind.IDENT and word in _PLURAL_UNITS:
            if not plural:
                raise _ParseError(f"'{token.text}' is not a valid time frame", token)
            word = _PLURAL_UNITS[word]
        if token.kind is not Kind.IDENT or word not in allowed:
            raise _ParseError(
                f"expected a time unit ({', '.join(allowed)}), found {token.describe()}", token
            )
        self._next()
        return word

    def _number_literal(
        self, token: Token, negative: bool = False, sign: Token | None = None
    ) -> ast.Literal:
        start = sign or token
        try:
            value, kind = number_value(token.value, negative)
        except LiteralError as error:
            raise _ParseError(str(error), start, token.end - start.position.offset) from None
        if kind == "DECIMAL":  # exact: its digits make its type (120.50 is DECIMAL(5, 2))
            value = Decimal(("-" if negative else "") + token.value)
        return ast.Literal(value, kind, start.position)

    def _primary(self) -> ast.Expr:
        """One operand: a literal, `(...)`, a form led by a keyword (CASE, CAST, ARRAY[...],
        DATE '...', CURRENT_DATE ...), or what starts with a name (`_named`)."""
        token = self.tok
        word = token.upper
        if word and word not in _LEADING_WORDS:  # a name: a column or a function call
            return self._named()
        if token.kind is Kind.STRING:
            self._next()
            return ast.Literal(token.value, "STRING", token.position)
        if token.kind is Kind.NUMBER:
            return self._number_literal(self._next())
        if token.is_op("("):
            return self._parenthesized()
        if word == "INTERVAL" and self._interval_ahead():
            return self._interval()
        if word == "EXISTS" and self._peek().is_op("("):
            self._next()
            return self._parenthesized("EXISTS", token.position)
        if word in ("TRUE", "FALSE"):
            self._next()
            return ast.Literal(word == "TRUE", "BOOLEAN", token.position)
        if word == "NULL":
            self._next()
            return ast.Literal(None, "NULL", token.position)
        if word == "CASE":
            return self._case()
        if word in ("CAST", "TRY_CAST") and self._peek().is_op("("):
            return self._cast()
        if word == "ARRAY" and self._peek().is_op("["):
            return self._array_value()
        if word == "MAP" and self._peek().is_op("["):
            return self._map_value()
        if word in ("DATE", "TIMESTAMP", "TIME") and self._peek().kind is Kind.STRING:
            return self._datetime_literal()
        if (word in _CURRENT_TIMES and not self._peek().is_op("(")) or word == "NOW":
            return self._current_time()
        return self._named()

    def _array_value(self) -> ast.FunctionCall:
        """The ARRAY value constructor: `ARRAY[a, b, ...]`."""
        token = self._next()
        self._next()
        if self.tok.is_op("]"):  # Flink's (Calcite's) text for ARRAY[]
            raise _ParseError("Require at least 1 argument", token, 7)
        elements = tuple(self._comma_list(self._expr))
        self._expect_op("]")
        return ast.FunctionCall("ARRAY", elements, token.position)

    def _map_value(self) -> ast.MapLiteral:
        """The MAP value constructor: `MAP[k1, v1, k2, v2, ...]` (or `MAP[]`)."""
        token = self._next()
        self._next()
        items: tuple[ast.Expr, ...] = ()
        if not self.tok.is_op("]"):
            items = tuple(self._comma_list(self._expr))
        self._expect_op("]")
        return ast.MapLiteral(items, token.position)

    def _datetime_literal(self) -> ast.Cast:
        """`DATE '2024-01-31'`, `TIMESTAMP '...'`, `TIME '...'`: the text cast to its type."""
        token = self._next()
        text = self._next()
        return ast.Cast(
            ast.Literal(text.value, "STRING", text.position),
            _literal_type(token.upper, text.value),
            token.position,
        )

    def _current_time(self) -> ast.FunctionCall:
        """CURRENT_DATE, CURRENT_TIMESTAMP, LOCALTIMESTAMP, CURRENT_TIME, LOCALTIME (without
        parentheses) or NOW()."""
        token = self._next()
        word = token.upper
        if word == "NOW":
            self._expect_op("(")
            self._expect_op(")")
        return ast.FunctionCall(word, (), token.position)

    def _named(self) -> ast.Expr:
        """What starts with a name: a function call, or a column (`c`, `t.c`, `t.*`, or a
        ROW column's field `t.address.city`); a reserved word is refused."""
        token = self.tok
        word = token.upper
        if token.kind in (Kind.IDENT, Kind.QUOTED_IDENT) and self._peek().is_op("("):
            if token.kind is Kind.IDENT and word in _RESERVED and word not in ("LEFT", "RIGHT"):
                raise _ParseError(f"unexpected {token.describe()}", token)
            return self._function_call()
        if token.kind is Kind.IDENT and word in NILADIC:  # a column where one has the name
            self._next()  # (the binder's), else a value of Flink's, not ours
            return ast.ColumnRef(None, token.value, token.position)
        if token.kind is Kind.IDENT and is_reserved(word) and word not in _RESERVED:
            raise _ParseError(reserved_message(token.value), token)
        if token.kind is Kind.QUOTED_IDENT or (token.kind is Kind.IDENT and word not in _RESERVED):
            return self._column()
        raise _ParseError(f"expected an expression, found {token.describe()}", token)

    def _column(self) -> ast.Expr:
        """A column reference: `c`, `t.c`, `t.*`, or fields of a ROW column (`t.address.city`)."""
        token = self.tok
        name = self._name("column name")
        if self.tok.is_op(".") and self._peek().is_op("*"):
            self._next()
            self._next()
            return ast.Star(str(name), token.position)
        qualifier = name.parts[0] if len(name.parts) >= 2 else None
        column: ast.Expr = ast.ColumnRef(
            qualifier, name.parts[min(1, len(name.parts) - 1)], token.position
        )
        for part in name.parts[2:]:  # t.address.city: fields of a ROW column
            column = ast.FieldAccess(column, part, token.position)
        return column

    def _parenthesized(
        self, subquery: str = "SCALAR", position: Position | None = None
    ) -> ast.Expr:
        """`(expr)`, or a subquery used as a value: `(SELECT ...)`, `EXISTS (SELECT ...)`."""
        start = self._expect_op("(")
        if self._at("SELECT", "WITH") or subquery == "EXISTS":
            query = self._query()
            self._expect_op(")")
            return ast.Subquery(subquery, query, position or start.position)
        expr = self._expr()
        self._expect_op(")")
        return expr

    def _case(self) -> ast.Case:
        start = self._expect("CASE")
        operand = None if self._at("WHEN") else self._expr()
        whens = []
        while self._accept("WHEN"):
            condition = self._expr()
            self._expect("THEN")
            whens.append((condition, self._expr()))
        if not whens:
            raise _ParseError(f"expected WHEN, found {self.tok.describe()}", self.tok)
        else_ = self._expr() if self._accept("ELSE") else None
        self._expect("END")
        return ast.Case(operand, tuple(whens), else_, start.position)

    def _cast(self) -> ast.Cast:
        start = self._next()
        self._expect_op("(")
        expr = self._expr()
        self._expect("AS")
        data_type = self._type(nullability=False)
        if self._at("NOT", "NULL"):  # Flink's parser refuses both; an element type may say them
            raise _ParseError(
                f'Encountered "{self.tok.text}": a CAST\'s type takes no NOT NULL or NULL in '
                "Flink SQL (the cast of a NOT NULL value is NOT NULL already; "
                "COALESCE(x, fallback) gives one)",
                self.tok,
            )
        self._expect_op(")")
        return ast.Cast(expr, data_type, start.position, start.upper == "TRY_CAST")

    def _function_call(self) -> ast.FunctionCall:
        name = self._next()
        upper = name.value.upper()
        self._expect_op("(")
        if self.tok.is_op("*"):
            self._next()
            self._expect_op(")")
            filter_ = self._filter()
            over = self._window() if self._at("OVER") else None
            return ast.FunctionCall(upper, (), name.position, star=True, over=over, filter=filter_)
        distinct = bool(self._accept("DISTINCT"))
        args: list[ast.Expr] = []
        if upper == "TRIM":
            args = self._trim_args()
        elif upper in _UNIT_FIRST:
            args = self._unit_first_args(upper)
        elif upper in json_syntax.CALLS:  # RETURNING, ON EMPTY, KEY k VALUE v ...
            args = json_syntax.arguments(self, upper)
        elif not self.tok.is_op(")"):
            # POSITION(a IN b): the first argument must stop before IN
            args = [self._expr(_COMPARE) if upper == "POSITION" else self._expr()]
            upper = self._keyword_args(upper, args)
            while self._accept_op(","):
                args.append(self._expr())
        ignore_nulls = upper == "ARRAY_AGG" and self._nulls_treatment()
        self._expect_op(")")
        filter_ = self._filter()
        over = self._window() if self._at("OVER") else None
        return ast.FunctionCall(
            upper,
            tuple(args),
            name.position,
            distinct,
            over=over,
            filter=filter_,
            ignore_nulls=ignore_nulls,
        )

    def _nulls_treatment(self) -> bool:
        """ARRAY_AGG's `IGNORE NULLS` (True) or `RESPECT NULLS` (False, the default)."""
        if self._at("IGNORE", "RESPECT") and self._peek().upper == "NULLS":
            ignore = self._next().upper == "IGNORE"
            self._next()
            return ignore
        return False

    def _filter(self) -> ast.Expr | None:
        """An aggregate's `FILTER (WHERE condition)`, if one follows."""
        if not (self._at("FILTER") and self._peek().is_op("(")):
            return None
        self._skip(2)
        self._expect("WHERE")
        condition = self._expr()
        self._expect_op(")")
        return condition

    def _unit_first_args(self, upper: str) -> list[ast.Expr]:
        """EXTRACT(unit FROM x), TIMESTAMPADD(unit, n, x): the unit as a string literal."""
        position = self.tok.position
        unit = ast.Literal(self._unit(_UNIT_FIRST[upper]), "STRING", position)
        if upper == "EXTRACT":
            self._expect("FROM")
        else:
            self._expect_op(",")
        return [unit, *self._comma_list(self._expr)]

    def _keyword_args(self, upper: str, args: list[ast.Expr]) -> str:
        """The arguments SQL separates by keywords, after the first: SUBSTRING(s FROM i
        [FOR n]), POSITION(a IN b), OVERLAY(s PLACING r FROM i [FOR n]) and FLOOR/CEIL(x TO
        unit), which is a call of its own. Returns the name of the call."""
        if upper == "SUBSTRING" and self._accept("FROM"):
            args.append(self._expr())
            if self._accept("FOR"):
                args.append(self._expr())
        elif upper == "POSITION" and self._accept("IN"):
            args.append(self._expr())
        elif upper in ("FLOOR", "CEIL", "CEILING") and self._at("TO"):
            position = self._next().position
            args.append(ast.Literal(self._unit(_FLOOR_UNITS), "STRING", position))
            return "FLOOR TO" if upper == "FLOOR" else "CEIL TO"
        elif upper == "OVERLAY" and self._accept("PLACING"):
            args.append(self._expr())
            self._expect("FROM")
            args.append(self._expr())
            if self._accept("FOR"):
                args.append(self._expr())
        return upper

    def _window(self) -> ast.WindowSpec:
        """`OVER name` or `OVER ([name] [PARTITION BY e, ...] [ORDER BY k [DESC], ...]
        [ROWS|RANGE frame])`: a window of its own, or one refining a named window."""
        start = self._expect("OVER")
        if not self.tok.is_op("("):
            name = self._identifier("window name")
            return ast.WindowSpec((), (), None, start.position, name.value)
        return self._window_spec(start.position)

    def _window_spec(self, position: Position) -> ast.WindowSpec:
        self._expect_op("(")
        base = None
        if self.tok.kind is Kind.QUOTED_IDENT or (
            self.tok.kind is Kind.IDENT
            and not self._at("PARTITION", "ORDER", "ROWS", "RANGE")
            and not self.tok.is_op(")")
        ):
            base = self._identifier("window name").value
        partition: tuple[ast.Expr, ...] = ()
        if self._accept("PARTITION"):
            self._expect("BY")
            partition = tuple(self._comma_list(self._expr))
        order: tuple[ast.OrderItem, ...] = ()
        if self._accept("ORDER"):
            self._expect("BY")
            order = tuple(self._comma_list(self._order_item))
        frame = self._window_frame() if self._at("ROWS", "RANGE") else None
        self._expect_op(")")
        return ast.WindowSpec(partition, order, frame, position, base)

    def _window_frame(self) -> ast.WindowFrame:
        unit = self._next()
        if self._accept("BETWEEN"):
            first = self._frame_bound()
            self._expect("AND")
            return ast.WindowFrame(unit.upper, first, self._frame_bound(), unit.position)
        return ast.WindowFrame(
            unit.upper, self._frame_bound(), ("CURRENT ROW", None), unit.position
        )

    def _frame_bound(self) -> tuple[str, ast.Literal | None]:
        if self._accept("CURRENT"):
            self._expect("ROW")
            return "CURRENT ROW", None
        unbounded = bool(self._accept("UNBOUNDED"))
        offset = None if unbounded else self._frame_offset()
        direction = self._accept("PRECEDING") or self._accept("FOLLOWING")
        if direction is None:
            raise _ParseError(
                f"expected PRECEDING or FOLLOWING, found {self.tok.describe()}", self.tok
            )
        return ("UNBOUNDED " if unbounded else "") + direction.upper, offset

    def _frame_offset(self) -> ast.Literal:
        """A frame bound's offset: a number (ROWS counts rows, RANGE order-key values) or an
        INTERVAL (RANGE over a DATE or TIMESTAMP); the binder checks it fits the frame."""
        if self.tok.kind is Kind.NUMBER:
            return self._number_literal(self._next())
        if self.tok.upper == "INTERVAL" and self._interval_ahead():
            return self._interval()
        raise _ParseError(
            "expected a number, an INTERVAL, UNBOUNDED or CURRENT ROW, found "
            + self.tok.describe(),
            self.tok,
        )

    def _trim_args(self) -> list[ast.Expr]:
        """TRIM([BOTH | LEADING | TRAILING] [chars] FROM s) or TRIM(s): [s, mode, chars]."""
        mode = "BOTH"
        if self._at("BOTH", "LEADING", "TRAILING"):
            mode = self._next().upper
        chars: ast.Expr = ast.Literal(" ", "STRING", self.tok.position)
        if self._accept("FROM"):
            target = self._expr()
        else:
            first = self._expr()
            if self._accept("FROM"):
                chars, target = first, self._expr()
            else:
                target = first
        return [target, ast.Literal(mode, "STRING", target.position), chars]


def _as_query(node) -> ast.Query:
    return node if isinstance(node, ast.Query) else ast.Query(node, position=node.position)


def _as_body(node):
    if isinstance(node, ast.Query):
        if node.ctes:
            raise _ParseError(
                "a parenthesized query with its own WITH cannot take an ORDER BY, "
                "LIMIT or WITH from outside; move them inside",
                node.position or Position(1, 1, 0),
            )
        if node.order_by or node.limit is not None or node.offset:
            raise _ParseError(
                "ORDER BY or LIMIT after a parenthesized query that has its own is not supported",
                node.position or Position(1, 1, 0),
            )
        return node.body
    return node
