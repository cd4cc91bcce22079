"""Bound SQL expressions -> Polars expressions, with SQL's NULL semantics where Polars differs.

Column references were rewritten by the planner to frame columns, so `ColumnRef.name` is a
column of the frame the expression runs on.
"""

from __future__ import annotations

import math
import re

import polars as pl

from bailian_assets.executor.dtypes import to_polars
from bailian_assets.executor.functions import IMPLEMENTATIONS
from bailian_assets.sql import ast

_INTEGER_LITERAL = {"INT": pl.Int32, "BIGINT": pl.Int64}


def compile_expr(expr: ast.Expr) -> pl.Expr:
    """The Polars expression of a bound SQL expression (recursive: the parser bounds nesting)."""
    compiler = _COMPILERS.get(type(expr))
    if compiler is None:
        raise TypeError(f"cannot run expression {type(expr).__name__}")
    return compiler(expr)


def compile_aggregate(call: ast.FunctionCall) -> pl.Expr:
    """COUNT, SUM, AVG, MIN, MAX, with DISTINCT; NULLs are ignored as SQL ignores them."""
    if call.star:
        return pl.len()
    arg = compile_expr(call.args[0])
    if call.distinct:
        arg = arg.drop_nulls().unique()
    if call.name == "COUNT":
        return arg.count()
    return {"SUM": arg.sum, "AVG": arg.mean, "MIN": arg.min, "MAX": arg.max}[call.name]()


def _literal(expr: ast.Literal) -> pl.Expr:
    if expr.kind == "NULL":
        return pl.lit(None)
    if expr.kind == "INTEGER":
        fits = -(2**31) <= expr.value < 2**31  # type: ignore[operator]
        return pl.lit(expr.value, dtype=pl.Int32 if fits else pl.Int64)
    if expr.kind in ("DECIMAL", "DOUBLE"):
        return pl.lit(expr.value, dtype=pl.Float64)
    if expr.kind == "BOOLEAN":
        return pl.lit(expr.value, dtype=pl.Boolean)
    return pl.lit(expr.value, dtype=pl.String)


def _column(expr: ast.ColumnRef) -> pl.Expr:
    return pl.col(expr.name)


def _binary(expr: ast.BinaryOp) -> pl.Expr:
    left, right = compile_expr(expr.left), compile_expr(expr.right)
    op = expr.op
    if op == "DIV":  # integer division, truncating toward zero as Java does
        return (left / right).cast(pl.Int64)
    return _OPERATORS[op](left, right)


_OPERATORS = {
    "=": lambda a, b: a == b,
    "<>": lambda a, b: a != b,
    "<": lambda a, b: a < b,
    "<=": lambda a, b: a <= b,
    ">": lambda a, b: a > b,
    ">=": lambda a, b: a >= b,
    "+": lambda a, b: a + b,
    "-": lambda a, b: a - b,
    "*": lambda a, b: a * b,
    "/": lambda a, b: a / b,
    "%": lambda a, b: a % b,
}


def _chain(expr: ast.Chain) -> pl.Expr:
    """A flat chain stays flat in Polars too: one horizontal operation over all the operands
    (AND and OR with SQL's three-valued logic, `||` NULL when any operand is)."""
    if expr.op == "||":
        return pl.concat_str([compile_expr(o) for o in expr.operands])
    operands = [compile_expr(o).cast(pl.Boolean) for o in expr.operands]
    return pl.all_horizontal(operands) if expr.op == "AND" else pl.any_horizontal(operands)


def _unary(expr: ast.UnaryOp) -> pl.Expr:
    operand = compile_expr(expr.operand)
    if expr.op == "NOT":
        return ~operand
    return -operand if expr.op == "-" else operand


# Polars runs a WHEN/THEN chain of n branches as n nested conditionals, in time that grows
# with the cube of n (4000 branches: a minute). Longer CASEs are grouped: see `_first_match`.
_FLAT_CASE = 64


def _case(expr: ast.Case) -> pl.Expr:
    operand = compile_expr(expr.operand) if expr.operand is not None else None
    branches = []
    for condition, value in expr.whens:
        test = compile_expr(condition)
        if operand is not None:
            test = operand == test
        branches.append((test, compile_expr(value)))
    otherwise = compile_expr(expr.else_) if expr.else_ is not None else pl.lit(None)
    return _first_match(branches, otherwise)


def _first_match(branches: list[tuple[pl.Expr, pl.Expr]], otherwise: pl.Expr) -> pl.Expr:
    """The value of the first branch whose test is true, else `otherwise`. Beyond _FLAT_CASE
    branches, in about sqrt(n) groups of sqrt(n): the first group with a true test (one flat
    OR over its tests) gives the value of its first true branch, so nothing nests deeper than
    2 sqrt(n) and the first match still wins."""
    if len(branches) <= _FLAT_CASE:
        return _when_chain(branches, otherwise)
    size = math.isqrt(len(branches) - 1) + 1
    groups = [branches[i:i + size] for i in range(0, len(branches), size)]
    return _when_chain([(pl.any_horizontal([test for test, _ in group]),
                         _when_chain(group, pl.lit(None))) for group in groups], otherwise)


def _when_chain(branches: list[tuple[pl.Expr, pl.Expr]], otherwise: pl.Expr) -> pl.Expr:
    chain = None
    for test, value in branches:
        chain = (pl.when(test) if chain is None else chain.when(test)).then(value)
    return chain.otherwise(otherwise)  # type: ignore[union-attr]


def _cast(expr: ast.Cast) -> pl.Expr:
    inner = compile_expr(expr.expr)
    target = to_polars(expr.type)
    if expr.type.name in ("BOOLEAN",):
        lowered = inner.cast(pl.String).str.to_lowercase()
        return pl.when(lowered.is_in(["true", "1"])).then(True).when(
            lowered.is_in(["false", "0"])).then(False).otherwise(None)
    if isinstance(target, (pl.Date, pl.Datetime)) or target in (pl.Date, pl.Datetime):
        return inner.cast(pl.String).str.to_datetime(strict=not expr.safe).cast(target)
    return inner.cast(target, strict=not expr.safe)


def _is_null(expr: ast.IsNull) -> pl.Expr:
    inner = compile_expr(expr.expr)
    return inner.is_not_null() if expr.negated else inner.is_null()


def _in_list(expr: ast.InList) -> pl.Expr:
    inner = compile_expr(expr.expr)
    test = pl.any_horizontal([inner == compile_expr(item) for item in expr.items])
    return ~test if expr.negated else test


def _between(expr: ast.Between) -> pl.Expr:
    inner = compile_expr(expr.expr)
    test = (inner >= compile_expr(expr.low)) & (inner <= compile_expr(expr.high))
    return ~test if expr.negated else test


def _like(expr: ast.Like) -> pl.Expr:
    inner = compile_expr(expr.expr)
    if isinstance(expr.pattern, ast.Literal) and isinstance(expr.pattern.value, str):
        test = inner.str.contains(like_to_regex(expr.pattern.value))
    else:
        raise ValueError("LIKE needs a string literal pattern")
    return ~test if expr.negated else test


def like_to_regex(pattern: str) -> str:
    parts = []
    for ch in pattern:
        parts.append(".*" if ch == "%" else "." if ch == "_" else re.escape(ch))
    return "(?s)^" + "".join(parts) + "$"


def _function(expr: ast.FunctionCall) -> pl.Expr:
    implementation = IMPLEMENTATIONS[expr.name]
    args = []
    for arg in expr.args:  # a loop, not a comprehension: one frame less per level
        args.append(compile_expr(arg))
    return implementation(args, expr.args)


_COMPILERS = {
    ast.Literal: _literal,
    ast.ColumnRef: _column,
    ast.BinaryOp: _binary,
    ast.Chain: _chain,
    ast.UnaryOp: _unary,
    ast.Case: _case,
    ast.Cast: _cast,
    ast.IsNull: _is_null,
    ast.InList: _in_list,
    ast.Between: _between,
    ast.Like: _like,
    ast.FunctionCall: _function,
}
