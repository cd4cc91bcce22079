"""Aggregates Flink computes from other aggregates: STDDEV_POP, STDDEV_SAMP, VAR_POP and
VAR_SAMP (STDDEV and VARIANCE are the _SAMP ones) become expressions over SUM and COUNT, as
Calcite's AggregateReduceFunctionsRule rewrites them in Flink's planner:

    VAR_POP(x)     = (SUM(x * x) - SUM(x) * SUM(x) / COUNT(x)) / COUNT(x)
    VAR_SAMP(x)    = (SUM(x * x) - SUM(x) * SUM(x) / COUNT(x))
                     / CASE WHEN COUNT(x) = 1 THEN NULL ELSE COUNT(x) - 1 END
    STDDEV_POP(x)  = POWER(VAR_POP(x), 0.5)
    STDDEV_SAMP(x) = POWER(VAR_SAMP(x), 0.5)

each cast to the aggregate's type (Flink's: the argument's, a DECIMAL(p, s) AVG's
DECIMAL(38, max(s, 6)); NOT NULL under a GROUP BY over NOT NULL values). The cast keeps that
type, as Calcite's does, though the _SAMP ones over one row are NULL: Flink's generated code
writes the type's default (-1) there, we keep the NULL (tests/golden/DIVERGENCES). A DECIMAL
`x` is first cast to that type and computed exactly, as DECIMAL arithmetic; any other `x` is
computed as DOUBLE, so nothing wraps or truncates before the final cast (measured against
Flink 2.3: VAR_POP of the INTs 1, 2 and 2^31 - 1 is 2147483647, as Java's saturating cast of
the DOUBLE gives; of the TINYINTs 1, 100 and -100 it is 10, 6666.9 cast to a byte). The
builder plans the expression in the call's place; its SUMs and COUNTs keep the call's
DISTINCT and FILTER.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal

from bailian_assets.sql import ast
from bailian_assets.sql.ast import DataType

# name -> (population: divided by COUNT, not COUNT - 1; root: the standard deviation)
STATISTICS: dict[str, tuple[bool, bool]] = {
    "STDDEV_POP": (True, True),
    "STDDEV_SAMP": (False, True),
    "STDDEV": (False, True),
    "VAR_POP": (True, False),
    "VAR_SAMP": (False, False),
    "VARIANCE": (False, False),
}

_DOUBLE = DataType("DOUBLE")

Reduction = Callable[[ast.FunctionCall, DataType, DataType], ast.Expr]


def statistic(name: str) -> Reduction:
    """The reduction of STDDEV_POP, ..., VARIANCE (`name`): given the call, its argument's
    type and its result type, the expression that computes it."""
    population, root = STATISTICS[name]

    def reduce(call: ast.FunctionCall, arg_type: DataType, result: DataType) -> ast.Expr:
        at = call.position
        x = call.args[0]
        working = result if result.name == "DECIMAL" else _DOUBLE
        if _differs(arg_type, working):
            x = ast.Cast(x, working, at)

        def aggregate(name: str, arg: ast.Expr) -> ast.Expr:
            return replace(call, name=name, args=(arg,))

        count = aggregate("COUNT", x)
        total = aggregate("SUM", x)
        squares = aggregate("SUM", ast.BinaryOp("*", x, x, at))
        mean_square = ast.BinaryOp("/", ast.BinaryOp("*", total, total, at), count, at)
        spread = ast.BinaryOp("-", squares, mean_square, at)
        if population:
            denominator: ast.Expr = count
        else:
            one = ast.Literal(1, "INTEGER", at)
            denominator = ast.Case(
                None,
                ((ast.BinaryOp("=", count, one, at), ast.Literal(None, "NULL", at)),),
                ast.BinaryOp("-", count, one, at),
                at,
            )
        value: ast.Expr = ast.BinaryOp("/", spread, denominator, at)
        if root:
            half = ast.Literal(Decimal("0.5"), "DECIMAL", at)
            value = ast.FunctionCall("POWER", (value, half), at)
        return ast.Cast(value, result, at)

    return reduce


def _differs(a: DataType, b: DataType) -> bool:
    """Do `a` and `b` differ other than by nullability?"""
    return replace(a, nullable=True) != replace(b, nullable=True)


def distinct_count(call: ast.FunctionCall, argument: DataType, result: DataType) -> ast.Expr:
    """APPROX_COUNT_DISTINCT(x) as COUNT(DISTINCT x): Flink estimates it (HyperLogLog), which
    on the few distinct values a batch job's groups hold gives the exact count; we count."""
    return replace(call, name="COUNT", distinct=True)
