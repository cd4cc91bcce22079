"""Semi joins placed low: the rows of a plan whose value is among a subquery's values, as a
`SemiJoin` on the deepest input that holds the value's columns, so that it filters one table
before the joins above it instead of their result. A WHERE's `x IN (SELECT ...)` conjunct is
one (`builder._subqueries`); a correlated aggregate's input narrowed to the keys its outer rows
hold is another (`decorrelate._narrowed`)."""

from __future__ import annotations

from dataclasses import replace

from bailian_assets.planning import bound as b
from bailian_assets.planning import plan as p


def semi_join(node: p.Node, sub: p.Node, operand: b.Expr) -> p.Node:
    """`node`'s rows whose `operand` is among `sub`'s values, as a SemiJoin on the deepest
    input of `node`'s inner joins (through filters and projections that pass the columns on)
    that holds the operand's columns: it filters that table before the joins instead of
    their result (TPC-H Q18: orders, before they meet 6M lineitem rows)."""
    columns = b.columns_in(operand)

    def place(at: p.Node) -> p.Node:
        if isinstance(at, p.Join) and at.kind in ("INNER", "CROSS"):
            if columns <= {f.column for f in at.left.fields}:
                return replace(at, left=place(at.left))
            if columns <= {f.column for f in at.right.fields}:
                return replace(at, right=place(at.right))
        elif isinstance(at, p.Filter) or (isinstance(at, p.Project) and columns <= _passed_on(at)):
            return replace(at, input=place(at.input))
        return p.SemiJoin(at, sub, operand)

    return place(node)


def _passed_on(node: p.Project) -> set[str]:
    """The columns `node` gives on unchanged, under their own names."""
    return {f.column for e, f in node.items if isinstance(e, b.Column) and e.column == f.column}
