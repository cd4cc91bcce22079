"""Where an uncorrelated scalar subquery of at most one row meets the rows that read it.

A cross join of the rows with the subquery's one row gives each row the value, but Polars then
waits for the subquery before any row moves. Placed beside the rows instead (`beside_rows`:
the two side by side, the value spread from the first row, as Polars' own SQL engine places
one), the two run at once: TPC-H Q22's `c_acctbal > (SELECT AVG(c_acctbal) ...)` collects in
about 0.8 of the cross join's CPU time. Side by side, though, Polars cannot push a filter from
above down to the rows' scan (a partitioned table would be read whole), so `placed_beside`
picks the subqueries no filter above could go below: every node between the statement's root
and the subquery keeps or reduces rows without a condition of its own, and every condition of
a filter on the way reads the subquery's value (the WHERE or HAVING that compares with it) or
no column at all. Elsewhere, and in a view (planned on its own, read by queries whose filters
are not known here), the cross join stays.
"""

from __future__ import annotations

import polars as pl

from bailian_assets.planning import bound as b
from bailian_assets.planning import plan as p
from bailian_assets.planning.decorrelate import conjuncts

# nodes a filter from above passes through unchanged, or not at all: none adds a condition
_NEUTRAL = (p.Project, p.Sort, p.Limit, p.Aggregate, p.Distinct, p.Window)


def placed_beside(root: p.Node) -> frozenset[int]:
    """The ids of the one-row scalar SubqueryJoins of a statement's plan that may be placed
    beside their rows: no filter above them on any path from `root` could be pushed below."""
    allowed: dict[int, bool] = {}
    seen: set[tuple[int, tuple[frozenset[str], ...], bool]] = set()
    pending: list[tuple[p.Node, tuple[frozenset[str], ...], bool]] = [(root, (), True)]
    while pending:
        node, filters, open_path = pending.pop()
        if (id(node), filters, open_path) in seen:  # a shared subtree: once per way in
            continue
        seen.add((id(node), filters, open_path))
        if isinstance(node, p.SubqueryJoin) and node.kind == "SCALAR":
            free = open_path and all(not read or node.result.column in read for read in filters)
            free = free and p.at_most_one_row(node.subquery)
            allowed[id(node)] = allowed.get(id(node), True) and free
            pending.append((node.input, filters, open_path))
            pending.append((node.subquery, (), True))  # a plan of its own: no filter reaches it
        elif isinstance(node, p.Filter):
            read = tuple(frozenset(b.columns_in(c)) for c in conjuncts(node.predicate))
            pending.append((node.input, filters + read, open_path))
        else:
            still_open = open_path and isinstance(node, _NEUTRAL)
            pending.extend((child, filters, still_open) for child in p.children(node))
    return frozenset(key for key, free in allowed.items() if free)


def beside_rows(frame: pl.LazyFrame, value: pl.LazyFrame, column: str) -> pl.LazyFrame:
    """`frame` with `value`'s one row's `column` beside every row: the two side by side
    (`horizontal_extend`), the value spread from the first row, the rows of `frame` alone
    kept (a frame of none gets the value's row, which is dropped)."""
    present = f"{column}$present"
    framed = frame.with_columns(pl.lit(True).alias(present))
    beside = pl.concat([framed, value], how="horizontal_extend")
    spread = beside.with_columns(pl.col(column).first())
    return spread.filter(pl.col(present).is_not_null()).drop(present)
