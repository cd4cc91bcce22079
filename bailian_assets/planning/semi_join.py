"""Semi joins placed low: the rows of a plan that join (or, anti, do not join) a subquery's
rows on keys, as a `SemiJoin` on the deepest input that holds the keys' columns, so that it
filters one table before the joins above it instead of their result. A WHERE's
`x IN (SELECT ...)` conjunct is one, a WHERE's `[NOT] EXISTS` correlated by equalities
another (`builder._subqueries`); a correlated aggregate's input narrowed to the keys its outer
rows hold is a third (`decorrelate._narrowed`)."""

from __future__ import annotations

from dataclasses import replace

from bailian_assets.planning import bound as b
from bailian_assets.planning import plan as p


def semi_join(
    node: p.Node, sub: p.Node, keys: tuple[tuple[b.Expr, b.Expr], ...], anti: bool = False
) -> p.Node:
    """`node`'s rows that join a row of `sub` where each key pair is equal (`anti`: that join
    none), as a SemiJoin on the deepest input of `node`'s inner joins (through filters and
    projections that pass the columns on) that holds the keys' columns: it filters that table
    before the joins instead of their result (TPC-H Q18: orders, before they meet 6M lineitem
    rows). Each row passes or not on its own key values, so it may go below the joins."""
    columns = set().union(*(b.columns_in(outside) for outside, _ in keys))

    def place(at: p.Node) -> p.Node:
        if isinstance(at, p.Join) and at.kind in ("INNER", "CROSS"):
            if columns <= {f.column for f in at.left.fields}:
                return replace(at, left=place(at.left))
            if columns <= {f.column for f in at.right.fields}:
                return replace(at, right=place(at.right))
        elif isinstance(at, p.Filter) or (isinstance(at, p.Project) and columns <= _passed_on(at)):
            return replace(at, input=place(at.input))
        return p.SemiJoin(at, sub, keys, anti)

    return place(node)


def value_keys(operand: b.Expr, sub: p.Node) -> tuple[tuple[b.Expr, b.Expr], ...]:
    """The key of `operand IN (sub)`: the operand against `sub`'s one column."""
    field = sub.fields[0]
    return ((operand, b.Column(field.column, field.type)),)


def _passed_on(node: p.Project) -> set[str]:
    """The columns `node` gives on unchanged, under their own names."""
    return {f.column for e, f in node.items if isinstance(e, b.Column) and e.column == f.column}
