"""Factors that every branch of an OR shares, pulled out of it: `(a AND x) OR (a AND y)` is
`a AND (x OR y)`.

Polars pushes a filter's conjuncts down: one that reads one table to that table's scan (where
Parquet statistics can skip row groups), an equality between two tables into a join's keys.
A term inside an OR branch reaches neither; the OR is evaluated whole, on every row of the
join below it. TPC-H's Q19 repeats `p_partkey = l_partkey`, `l_shipmode IN (...)` and
`l_shipinstruct = '...'` in each of its three branches: pulled out, the first is the join's key
alone and the others filter lineitem as it is read, which is what a hand-written Q19 does and
what Calcite's and DuckDB's planners do with it.

The rewrite is exact under SQL's three-valued logic: AND and OR distribute over each other in
Kleene logic as in Boolean logic, so every row gives the same TRUE, FALSE or NULL. A branch
left with no terms of its own makes the whole OR its factors (`a OR (a AND y)` is `a`). A term
calling a volatile function (RAND, UUID) is never pulled, nor merged with an equal one: each
evaluates its own call.
Conditions the rows are known to meet (an equality the joins below already hold to) are
dropped after factoring.
"""

from __future__ import annotations

from collections.abc import Sequence

from bailian_assets.planning import bound as b
from bailian_assets.planning import types
from bailian_assets.planning.decorrelate import and_all, conjuncts


def pull_factors(condition: b.Expr, known: Sequence[b.Expr] = ()) -> b.Expr | None:
    """`condition` with each OR's common factors made conjuncts of their own, repeated
    conjuncts, TRUE and those in `known` (true for every row) dropped; None when none is
    left."""
    kept: list[b.Expr] = []
    for term in conjuncts(condition):
        for factor in _factored(term):
            if isinstance(factor, b.Literal) and factor.value is True:
                continue  # what a semi join leaves of its condition: `TRUE AND x` is `x`
            if b.volatile(factor) or (factor not in kept and factor not in known):
                kept.append(factor)  # `RAND() < 0.5 AND RAND() < 0.5`: two draws, both kept
    return and_all(kept)


def _factored(term: b.Expr) -> list[b.Expr]:
    """The conjuncts `term` is: itself, or for an OR, its branches' common factors and the OR
    of what each branch has besides them (dropped when a branch has nothing else)."""
    if not (isinstance(term, b.Call) and term.name == "OR"):
        return [term]
    branches = [conjuncts(branch) for branch in _disjuncts(term)]
    first, *others = branches
    common = [t for t in first if not b.volatile(t) and all(t in other for other in others)]
    if not common:
        return [term]
    rests = [[t for t in branch if t not in common] for branch in branches]
    if not all(rests):  # `a OR (a AND y)`: the factors alone
        return common
    return [*common, _or_all([and_all(rest) for rest in rests])]


def _disjuncts(expr: b.Expr) -> list[b.Expr]:
    """The branches of nested ORs (`expr` alone when it is none)."""
    if isinstance(expr, b.Call) and expr.name == "OR":
        return [t for arg in expr.args for t in _disjuncts(arg)]
    return [expr]


def _or_all(exprs: list) -> b.Expr:
    if len(exprs) == 1:
        return exprs[0]
    nullable = any(e.type.nullable for e in exprs)
    return b.Call("OR", tuple(exprs), types.nullable(types.BOOLEAN, nullable))
