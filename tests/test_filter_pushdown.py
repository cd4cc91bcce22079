"""Filters Polars can push below joins to the scans: a typed literal (DATE '...') is a plain
literal, and AND/OR cast their operands without a cast that may fail (either kept TPC-H's
filters above its joins: Q3 at SF 1 read and joined every row first)."""

import datetime

import polars as pl

from bailian_assets.executor.expressions import compile_expr
from bailian_assets.planning import bound as b
from bailian_assets.planning import types
from bailian_assets.sql import ast

DATE = ast.DataType("DATE")
DAY = b.Cast(b.Literal("1995-03-15", ast.DataType("CHAR", (10,))), DATE, False)


def test_a_date_literal_is_computed_once_into_a_plain_literal():
    compiled = compile_expr(DAY)
    assert compiled.meta.is_literal()
    assert pl.select(compiled).item() == datetime.date(1995, 3, 15)


def test_a_bad_date_literal_still_fails_when_the_query_runs():
    bad = b.Cast(b.Literal("1995-13-45", ast.DataType("CHAR", (10,))), DATE, False)
    compiled = compile_expr(bad)
    assert not compiled.meta.is_literal()


def test_a_filter_of_and_over_a_join_reaches_both_sides():
    d = b.Column("d", DATE)
    s = b.Column("s", types.STRING)
    both = b.Call(
        "AND",
        (
            b.Call("<", (d, DAY), types.BOOLEAN),
            b.Call("=", (s, b.Literal("x", ast.DataType("CHAR", (1,)))), types.BOOLEAN),
        ),
        types.BOOLEAN,
    )
    left = pl.LazyFrame({"k": [1, 2], "d": [datetime.date(1995, 1, 1)] * 2})
    right = pl.LazyFrame({"k2": [1, 2], "s": ["x", "y"]})
    joined = left.join(right, left_on="k", right_on="k2", maintain_order="left_right")
    plan = joined.filter(compile_expr(both)).explain()
    assert plan.startswith("INNER JOIN"), plan  # no filter left above the join
    assert joined.filter(compile_expr(both)).collect().height == 1
