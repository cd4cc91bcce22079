"""A correlated MIN or MAX read from the outer query's own rows, when they hold the subquery's.

TPC-H Q2 keeps the part suppliers whose cost is the lowest for the part in the region:

    FROM part, partsupp, supplier, nation, region WHERE p_partkey = ps_partkey AND ...
      AND ps_supplycost = (SELECT MIN(ps_supplycost) FROM partsupp, supplier, nation, region
                           WHERE p_partkey = ps_partkey AND ...same joins and filters...)

The subquery's tables, joins and filters are the outer query's, less `part`; the outer rows of
a part are exactly that part's subquery rows, each joined to the part. So the subquery's value
for a part is the MIN over the outer rows of that part: an aggregate of the outer rows grouped
by the correlation key, joined back to them (what Polars' own SQL engine does), instead of the
subquery's tables read and joined a second time.

It holds when (`outer_aggregate`):
- the subquery is one MIN or MAX (a row counted twice changes neither) over inner joins and
  filters of tables the outer query reads (each table once on both sides);
- the outer query's conditions on those tables are the subquery's, and the only conditions
  linking them to the outer query's other tables are the correlation equalities
  `subquery column = outer column`, which the outer query has too.
Then the rows of the outer query with key k hold every subquery row of key k (at least once)
and no other, and every outer row is in the group of its own key: a left join finds it.
"""

from __future__ import annotations

from dataclasses import replace

from bailian_assets.planning import bound as b
from bailian_assets.planning import plan as p
from bailian_assets.planning import types
from bailian_assets.planning.decorrelate import conjuncts, rename_columns
from bailian_assets.sql.ast import DataType

_IDEMPOTENT = {"MIN", "MAX"}


def outer_aggregate(node: p.Node, sub: p.Node, result: p.Field, field) -> p.Node | None:
    """`node` with `result`, the value of the correlated scalar subquery `sub` for each of its
    rows, read from `node`'s own rows (see above); None where that does not hold. `field`
    makes a fresh field (name, type)."""
    found = _one_min_or_max(sub)
    outer, inner = _flat(node), None if found is None else _flat(found[1])
    if found is None or outer is None or inner is None:
        return None
    call = found[0]
    columns = _same_tables(inner[0], outer[0])
    if columns is None:
        return None
    keys = _correlation(inner[1], outer[1], columns, {f.column for f in node.fields})
    if keys is None:
        return None
    grouped = tuple((b.Column(k, t), field("$key", t)) for k, t in keys)
    mapped = replace(call, args=tuple(rename_columns(a, columns) for a in call.args))
    value = field("$value", call.type)
    aggregate = p.Aggregate(node, grouped, ((mapped, value),))
    join_keys = tuple((e, b.Column(f.column, f.type)) for e, f in grouped)
    joined = p.Join("LEFT", node, aggregate, join_keys, None)
    items = tuple((b.Column(f.column, f.type), f) for f in node.fields)
    return p.Project(joined, (*items, (b.Column(value.column, value.type), result)))


def _one_min_or_max(sub: p.Node) -> tuple[b.AggregateCall, p.Node] | None:
    """(the call, its input) of a subquery that is one MIN or MAX passed on as is."""
    if not (isinstance(sub, p.Project) and len(sub.items) == 1):
        return None
    (expr, _), below = sub.items[0], sub.input
    if not (isinstance(below, p.Aggregate) and not below.keys and below.sets is None):
        return None
    if len(below.aggregates) != 1 or below.groupings:
        return None
    call, field = below.aggregates[0]
    plain = call.name in _IDEMPOTENT and call.filter is None and not call.distinct
    if not plain or not (isinstance(expr, b.Column) and expr.column == field.column):
        return None
    return call, below.input


def _flat(node: p.Node) -> tuple[list[p.Scan], list[b.Expr]] | None:
    """The tables and the conditions of inner joins, filters and column choices over tables;
    None for any other plan (or a condition calling a function whose value changes per
    call)."""
    scans: list[p.Scan] = []
    conditions: list[b.Expr] = []
    pending = [node]
    while pending:
        current = pending.pop()
        if isinstance(current, p.Scan):
            scans.append(current)
        elif isinstance(current, p.Filter):
            conditions += conjuncts(current.predicate)
            pending.append(current.input)
        elif isinstance(current, p.Project) and all(
            isinstance(e, b.Column) and e.column == f.column for e, f in current.items
        ):  # a choice of columns, each under its own name: the same rows
            pending.append(current.input)
        elif isinstance(current, p.Join) and current.kind in ("INNER", "CROSS"):
            conditions += [_equals(x, y) for x, y in current.equi_keys]
            if current.residual is not None:
                conditions += conjuncts(current.residual)
            pending += [current.left, current.right]
        else:
            return None
    if any(b.volatile(c) for c in conditions):
        return None
    return scans, conditions


def _same_tables(inner: list[p.Scan], outer: list[p.Scan]) -> dict[str, b.Expr] | None:
    """The outer query's column for each column of the subquery's tables: each of its tables
    read once by the outer query (and once by itself), with the same columns."""
    by_relation = {}
    for scan in outer:
        if scan.relation in by_relation:
            return None  # a table read twice: which copy is the subquery's?
        by_relation[scan.relation] = scan
    if len({s.relation for s in inner}) != len(inner):
        return None
    columns: dict[str, b.Expr] = {}
    for scan in inner:
        theirs = by_relation.get(scan.relation)
        if theirs is None or (theirs.source_columns, theirs.options) != (
            scan.source_columns,
            scan.options,
        ):
            return None
        for mine, other in zip(scan.fields, theirs.fields, strict=True):
            columns[mine.column] = b.Column(other.column, other.type)
    return columns


def _correlation(
    inner: list[b.Expr], outer: list[b.Expr], columns: dict[str, b.Expr], rows: set[str]
) -> list[tuple[str, DataType]] | None:
    """The outer columns to group the outer rows by (with their types): the subquery's
    conditions, its columns renamed to the outer query's, are the outer query's conditions on
    those columns, and the rest of its conditions are `its column = outer column`, the only
    conditions of the outer query that link the two. None otherwise."""
    image = {e.column for e in columns.values() if isinstance(e, b.Column)}
    local, links = set(), set()
    keys: list[tuple[str, DataType]] = []
    for condition in inner:
        read = b.columns_in(condition)
        if not read:
            return None  # a constant condition: the outer query's might sit anywhere
        if read <= columns.keys():
            local.add(_canonical(rename_columns(condition, columns)))
            continue
        pair = _link(rename_columns(condition, columns), image, rows)
        if pair is None:
            return None
        links.add(pair[0])
        keys.append(pair[1])
    mine, linking = set(), set()
    for condition in outer:
        read = b.columns_in(condition)
        if read and read <= image:
            mine.add(_canonical(condition))
        elif read & image:
            linking.add(_canonical(condition))
    if mine != local or linking != links or not keys:
        return None
    return keys


def _link(condition: b.Expr, image: set[str], rows: set[str]):
    """(the canonical form, (outer column, its type)) of `subquery column = outer column`."""
    if not (isinstance(condition, b.Call) and condition.name == "=" and len(condition.args) == 2):
        return None
    x, y = condition.args
    if isinstance(y, b.Column) and y.column in image:
        x, y = y, x
    if not (isinstance(x, b.Column) and x.column in image):
        return None
    if not (isinstance(y, b.Column) and y.column in rows and y.column not in image):
        return None
    return _canonical(condition), (y.column, y.type)


def _equals(x: b.Expr, y: b.Expr) -> b.Expr:
    return b.Call("=", (x, y), types.BOOLEAN)


def _canonical(condition: b.Expr) -> object:
    """A condition for comparison: an equality as the unordered pair of its sides (`a = b` is
    `b = a`, whatever its type's nullability), anything else as itself."""
    if isinstance(condition, b.Call) and condition.name == "=" and len(condition.args) == 2:
        return ("=", frozenset(condition.args))
    return condition
