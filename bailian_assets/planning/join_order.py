"""Comma joins made into equi-joins: `FROM a, b, c WHERE a.x = b.x AND b.y = c.y`.

A FROM list is a chain of CROSS joins; without this its WHERE would filter their product, which
is the product of every table's size in rows (TPC-H's Q5 at scale factor 1: 10^20). Here the
WHERE's equalities between two tables of the chain become the keys of inner joins, and the
tables are joined in an order where each one meets a table already joined through such an
equality whenever one does (greedily, in FROM order: a table with no link yet waits, as
Calcite's and DuckDB's join ordering put a cross product last). An equality that every
branch of an OR has (TPC-H's Q19: `(p_partkey = l_partkey AND ...) OR (p_partkey = l_partkey
AND ...)`) joins the tables too, the OR staying in the WHERE. Every other condition stays in
the WHERE, which Polars pushes down to the tables it reads.

The FROM order is kept wherever it already links each table to the ones before it, so rows
come out in the order the cross product would have given them; when tables are reordered,
the fields keep their FROM order (`SELECT *`).

Which join runs first is left to Polars: where the joins' row order is free (most queries: an
ORDER BY above, an aggregate; `planning/row_order.py`), Polars reorders a cluster of inner
equi-joins itself, smallest estimated relation first (its row counts come from Parquet
metadata and in-memory frames, after the filters pushed down to the scans), so TPC-H Q7's two
filtered nations join supplier before lineitem does. A greedy order of our own here would only
guess the sizes Polars reads. Where the order is read, the joins keep it and run as written.
"""

from __future__ import annotations

from dataclasses import dataclass

from bailian_assets.planning import bound as b
from bailian_assets.planning import plan as p


@dataclass(frozen=True)
class _Link:
    """A WHERE equality `left = right` where each side reads one table of the chain."""

    index: int  # of the conjunct in the WHERE
    sides: tuple[tuple[int, b.Expr], tuple[int, b.Expr]]  # (table number, expression)


def cross_tables(node: p.Node) -> list[p.Node]:
    """The tables of a chain of CROSS joins in FROM order (just `node` when it is none)."""
    if isinstance(node, p.Join) and node.kind == "CROSS":
        return cross_tables(node.left) + cross_tables(node.right)
    return [node]


def join_by_equalities(
    tables: list[p.Node], conjuncts: list[b.Expr]
) -> tuple[p.Node, set[int], list[b.Expr]]:
    """`tables` (a FROM list) joined on the equalities among `conjuncts` that link two of
    them; returns the joined node, the indexes of the conjuncts used as join keys, and the
    equalities the joined rows meet (those, and the ones every branch of an OR has)."""
    terms = [*conjuncts, *_implied(conjuncts)]
    links = _links(tables, terms)
    joined, order, used, met = tables[0], [0], set(), []
    waiting = list(range(1, len(tables)))
    while waiting:
        linked = [t for t in waiting if any(_joins(link, order, t) for link in links)]
        table = linked[0] if linked else waiting[0]
        keys = []
        for link in links:
            if _joins(link, order, table):
                (_, first), (_, second) = (
                    link.sides if link.sides[1][0] == table else reversed(link.sides)
                )
                keys.append((first, second))
                met.append(terms[link.index])
                if link.index < len(conjuncts):  # an OR's implied term: the OR stays
                    used.add(link.index)
        kind = "INNER" if keys else "CROSS"
        joined = p.Join(kind, joined, tables[table], tuple(keys), None)
        order.append(table)
        waiting.remove(table)
    if order != sorted(order):  # the fields in FROM order again
        fields = [f for table in tables for f in table.fields]
        joined = p.Project(joined, tuple((b.Column(f.column, f.type), f) for f in fields))
    return joined, used, met


def _links(tables: list[p.Node], conjuncts: list[b.Expr]) -> list[_Link]:
    owner = {f.column: number for number, table in enumerate(tables) for f in table.fields}
    links = []
    for index, conjunct in enumerate(conjuncts):
        if not (isinstance(conjunct, b.Call) and conjunct.name == "=" and len(conjunct.args) == 2):
            continue
        first, second = conjunct.args
        x, y = _owner(first, owner), _owner(second, owner)
        if x is not None and y is not None and x != y:
            links.append(_Link(index, ((x, first), (y, second))))
    return links


def _owner(expr: b.Expr, owner: dict[str, int]) -> int | None:
    """The one table whose columns `expr` reads, or None (none, several, or a column of an
    outer query)."""
    tables = {owner.get(c) for c in b.columns_in(expr)}
    return tables.pop() if len(tables) == 1 and None not in tables else None


def _joins(link: _Link, joined: list[int], table: int) -> bool:
    """Whether `link` ties `table` to one of the tables already `joined`."""
    (a, _), (c, _) = link.sides
    return (a == table and c in joined) or (c == table and a in joined)


def _implied(conjuncts: list[b.Expr]) -> list[b.Expr]:
    """The terms that every branch of an OR among `conjuncts` has (an OR of ANDs)."""
    found = []
    for conjunct in conjuncts:
        if isinstance(conjunct, b.Call) and conjunct.name == "OR":
            first, *others = [_terms(branch, "AND") for branch in _terms(conjunct, "OR")]
            found += [t for t in first if all(t in terms for terms in others)]
    return found


def _terms(expr: b.Expr, operator: str) -> list[b.Expr]:
    """The operands of nested `operator` calls (AND or OR), or `expr` alone."""
    if isinstance(expr, b.Call) and expr.name == operator:
        return [t for arg in expr.args for t in _terms(arg, operator)]
    return [expr]
