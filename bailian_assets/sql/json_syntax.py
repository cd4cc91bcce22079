"""The SQL/JSON call syntax Flink takes (Calcite's), parsed into plain function calls whose
extra clauses are trailing arguments, so that binding and running them is ordinary:

- `JSON_VALUE(j, path [RETURNING type] [{NULL|ERROR|DEFAULT x} ON EMPTY]
  [{NULL|ERROR|DEFAULT x} ON ERROR])` -> JSON_VALUE(j, path) when no clause is written, else
  JSON_VALUE(j, path, CAST(NULL AS type), 'empty mode', empty default, 'error mode', error
  default): the NULL cast carries the RETURNING type (STRING when not written);
- `JSON_QUERY(j, path [WITH [CONDITIONAL|UNCONDITIONAL] [ARRAY] WRAPPER | WITHOUT [ARRAY]
  WRAPPER] [{NULL|ERROR|EMPTY ARRAY|EMPTY OBJECT} ON EMPTY] [... ON ERROR])`
  -> JSON_QUERY(j, path, 'wrapper', 'empty mode', 'error mode');
- `JSON_EXISTS(j, path [{TRUE|FALSE|UNKNOWN|ERROR} ON ERROR])` -> JSON_EXISTS(j, path, 'mode');
- `JSON_OBJECT([KEY] k VALUE v | k : v, ... [{NULL|ABSENT} ON NULL])` -> JSON_OBJECT('mode', k,
  v, ...) (NULL ON NULL unless written; Flink takes `k : v` only without KEY),
  `JSON_ARRAY(v, ... [{NULL|ABSENT} ON NULL])` -> JSON_ARRAY('mode', v, ...) (ABSENT ON NULL
  unless written);
- `JSON_OBJECTAGG([KEY] k VALUE v [...ON NULL])`, `JSON_ARRAYAGG(v [...ON NULL])` likewise;
- `x IS [NOT] JSON [VALUE|SCALAR|ARRAY|OBJECT]` -> `IS JSON`(x, 'kind') [under NOT].
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bailian_assets.errors import Position
from bailian_assets.sql import ast

if TYPE_CHECKING:
    from bailian_assets.sql.parser import _Parser

CALLS = frozenset(
    {
        "JSON_VALUE",
        "JSON_QUERY",
        "JSON_EXISTS",
        "JSON_OBJECT",
        "JSON_ARRAY",
        "JSON_OBJECTAGG",
        "JSON_ARRAYAGG",
    }
)


def _text(value: str, position: Position) -> ast.Literal:
    return ast.Literal(value, "STRING", position)


def arguments(parser: _Parser, upper: str) -> list[ast.Expr]:
    """The arguments of a SQL/JSON call, up to (not including) its closing parenthesis."""
    if upper in ("JSON_OBJECT", "JSON_OBJECTAGG"):
        return _object_args(parser)
    if upper in ("JSON_ARRAY", "JSON_ARRAYAGG"):
        return _array_args(parser)
    args = [parser._expr()]
    parser._expect_op(",")
    args.append(parser._expr())
    if upper == "JSON_VALUE":
        return args + _value_clauses(parser, args[1].position)
    if upper == "JSON_QUERY":
        return args + _query_clauses(parser, args[1].position)
    position = parser.tok.position
    mode = parser._accept("TRUE", "FALSE", "UNKNOWN", "ERROR")
    if mode is not None:
        parser._expect("ON")
        parser._expect("ERROR")
    return [*args, _text(mode.upper if mode else "FALSE", position)]


def _value_clauses(parser: _Parser, position: Position) -> list[ast.Expr]:
    returning: ast.DataType | None = None
    if parser._accept("RETURNING"):
        returning = parser._type()
    behaviours: dict[str, tuple[ast.Literal, ast.Expr]] = {
        "EMPTY": (_text("NULL", position), ast.Literal(None, "NULL", position)),
        "ERROR": (_text("NULL", position), ast.Literal(None, "NULL", position)),
    }
    written = False
    while parser._at("NULL", "ERROR", "DEFAULT"):
        start = parser._next()
        default = (
            parser._expr()
            if start.upper == "DEFAULT"
            else ast.Literal(None, "NULL", start.position)
        )
        parser._expect("ON")
        when = parser._accept("EMPTY") or parser._expect("ERROR")
        behaviours[when.upper] = (_text(start.upper, start.position), default)
        written = True
    if returning is None and not written:
        return []
    witness = ast.Cast(
        ast.Literal(None, "NULL", position), returning or ast.DataType("STRING"), position
    )
    return [witness, *behaviours["EMPTY"], *behaviours["ERROR"]]


def _query_clauses(parser: _Parser, position: Position) -> list[ast.Expr]:
    wrapper = "WITHOUT"
    if parser._accept("WITH"):
        kind = parser._accept("CONDITIONAL", "UNCONDITIONAL")
        wrapper = kind.upper if kind else "UNCONDITIONAL"
        parser._accept("ARRAY")
        parser._expect("WRAPPER")
    elif parser._accept("WITHOUT"):
        parser._accept("ARRAY")
        parser._expect("WRAPPER")
    modes = {"EMPTY": "NULL", "ERROR": "NULL"}
    while parser._at("NULL", "ERROR", "EMPTY"):
        word = parser._next().upper
        if word == "EMPTY":
            word += " " + (parser._accept("ARRAY") or parser._expect("OBJECT")).upper
        parser._expect("ON")
        when = parser._accept("EMPTY") or parser._expect("ERROR")
        modes[when.upper] = word
    return [
        _text(wrapper, position),
        _text(modes["EMPTY"], position),
        _text(modes["ERROR"], position),
    ]


def _on_null(parser: _Parser, default: str) -> ast.Literal:
    """`NULL ON NULL` or `ABSENT ON NULL` (the call's default when neither is written)."""
    position = parser.tok.position
    mode = None
    if parser._at("NULL", "ABSENT") and parser._peek().upper == "ON":
        mode = parser._next().upper
        parser._expect("ON")
        parser._expect("NULL")
    return _text(mode or default, position)


def _object_args(parser: _Parser) -> list[ast.Expr]:
    pairs: list[ast.Expr] = []
    while not parser.tok.is_op(")") and not (
        parser._at("NULL", "ABSENT") and parser._peek().upper == "ON"
    ):
        if pairs:
            parser._expect_op(",")
        key = parser._accept("KEY")
        pairs.append(parser._expr())
        if key or not parser._accept_op(":"):  # `KEY k : v` is refused, as in Flink
            parser._expect("VALUE")
        pairs.append(parser._expr())
    return [_on_null(parser, "NULL"), *pairs]


def _array_args(parser: _Parser) -> list[ast.Expr]:
    values: list[ast.Expr] = []
    while not parser.tok.is_op(")") and not (
        parser._at("NULL", "ABSENT") and parser._peek().upper == "ON"
    ):
        if values:
            parser._expect_op(",")
        values.append(parser._expr())
    return [_on_null(parser, "ABSENT"), *values]


def is_json(parser: _Parser, left: ast.Expr, negated: bool, start) -> ast.Expr:
    """After `IS [NOT] JSON`: the optional kind (VALUE when not written)."""
    kind = parser._accept("VALUE", "SCALAR", "ARRAY", "OBJECT")
    call = ast.FunctionCall(
        "IS JSON", (left, _text(kind.upper if kind else "VALUE", start.position)), start.position
    )
    return ast.UnaryOp("NOT", call, start.position) if negated else call
