"""Decorrelation: a correlated subquery becomes a join, never a query run once per row.

A subquery is correlated when its plan reads columns of an enclosing query: the binder
resolves names its own FROM clause lacks in the enclosing scopes (`Binder.outer`), and since
frame columns are unique within a statement, an outer column is simply one that no node of
the subquery produces. The builder hands each correlated subquery here (`correlated_join`),
which pulls its correlated conditions up out of its plan and returns a
`plan.CorrelatedJoin` of the outer rows with the subquery (now uncorrelated) on those
conditions, as Calcite's, DuckDB's and DataFusion's planners do.

Rewrite rules, from the subquery's root down (`_pull`):
- Filter: its conjuncts that read outer columns (the correlated conditions) leave the filter
  and become join conditions; the others stay.
- Project: passes the conditions up, with the inner columns they read appended to its items
  (the join reads them). Outer columns in its items (`SELECT x + o.k`) go through the domain
  (below).
- Aggregate: conditions from below that are all equalities `inner expr = outer expr` have
  their inner sides become grouping keys (one group per correlation value), and the
  conditions read those keys. Other conditions (`o.k < t.k`), and outer columns its own
  expressions read (`MAX(x + o.k)`, `FILTER (WHERE x > o.k)`), go through the domain: the
  distinct values of the outer columns read are joined to the subquery's rows on those
  conditions, the expressions read the domain's columns instead, and the rows are grouped
  by them (`_domain`). A global aggregate (no GROUP BY) also answers for outer rows
  that match no row (`COUNT(*)` is 0, not NULL): its `empty` plan is the subquery over no
  rows, whose value those rows get; and it gives one row per correlation value (`unique`).
- Distinct, Sort: the conditions pass up (a Sort without LIMIT orders nothing here), as
  through an uncorrelated subquery's join (one row out per row in).
- A correlated subquery of the subquery (its CorrelatedJoin, `_nested`): the conditions pass
  up; one of its join reading a column of this site's enclosing query (two levels out from
  it) reads an expression equal to that column, or a domain of its values.
- Any other node (LIMIT, windows, set operations) that reads outer columns
  is refused with a located error; one that does not is left as it is, a join of the
  subquery's FROM clause included.

The join: conditions `outer expr = inner expr` become equi keys, the rest a residual filter
over the joined rows (TPC-H Q21's `l2.l_suppkey <> l1.l_suppkey`). Its result is a mark
column per outer row (a "mark join"): EXISTS, whether some subquery row joins it (NOT EXISTS
reads its negation: an anti join); IN, `operand IN (values of its joined rows)` with SQL's
three-valued logic (a NULL among them makes NOT IN drop the row, as in Flink; a NULL
operand that joins no row gives FALSE in a WHERE conjunct, NULL elsewhere); SCALAR, the
value of its one joined row, NULL without one, and more than one fails the job as in Flink.
The executor runs it in `executor/joins.py`.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, fields, replace

from bailian_assets.errors import Position
from bailian_assets.planning import bound as b
from bailian_assets.planning import plan as p
from bailian_assets.planning import types
from bailian_assets.planning.plan_errors import PlanError
from bailian_assets.planning.semi_join import semi_join
from bailian_assets.sql import ast

FieldMaker = Callable[[str, ast.DataType], p.Field]


@dataclass(frozen=True)
class _Site:
    """Where a subquery is decorrelated: the enclosing queries' columns, the rows of the
    query using it, a maker of fresh fields, the subquery's position (for errors)."""

    outer: set[str]
    rows: p.Node
    field: FieldMaker
    position: Position


@dataclass(frozen=True)
class _Pulled:
    """A subquery's plan with its correlated conditions pulled out of it."""

    node: p.Node
    conditions: tuple[b.Expr, ...] = ()  # over `node`'s columns and outer columns
    empty: p.Node | None = None  # the plan over no rows, for a global aggregate
    unique: bool = False  # at most one row per correlation value


def correlated_columns(sub: p.Node, outer: set[str]) -> set[str]:
    """The columns of `outer` that the plan `sub` reads: none for an uncorrelated subquery."""
    found: set[str] = set()
    for node in p.walk(sub):
        for expr in p.expressions(node):
            found |= b.columns_in(expr) & outer
    return found


def correlated_join(
    kind: str,
    node: p.Node,
    sub: p.Node,
    operand: b.Expr | None,
    result: p.Field,
    outer: set[str],
    field: FieldMaker,
    position: Position,
    filtering: bool = False,
) -> p.CorrelatedJoin:
    """`node`'s rows with `result` computed from the correlated subquery `sub` (SCALAR,
    EXISTS or IN with `operand`); `outer` holds the columns of the enclosing queries;
    `filtering`: the subquery is a WHERE conjunct (or its negation), not a value."""
    value = sub.fields[0].column
    pulled = _pull(sub, _Site(outer, node, field, position))
    # a condition reading a column of a query further out stays in `residual`: decorrelating
    # this query in that one's subquery replaces the column (`_nested`)
    keys, residual = _split(pulled.conditions, {f.column for f in node.fields})
    return p.CorrelatedJoin(
        kind,
        node,
        pulled.node,
        tuple(keys),
        and_all(residual),
        operand,
        value,
        pulled.empty,
        pulled.unique and not residual,
        result,
        unknown_when_empty=kind == "IN" and not filtering,
    )


def select_list_only(sub: p.Node, operand: b.Expr | None, outer: set[str]) -> bool:
    """Whether an IN subquery reads the enclosing queries in its SELECT list alone (its
    top projections), its operand reading none of their columns either: `3 IN (SELECT q +
    u.k FROM t)`, a shape Flink 2.3 cannot decorrelate."""
    if operand is None or b.columns_in(operand):
        return False
    top, read = sub, False
    while isinstance(top, p.Project):
        read = read or any(b.columns_in(e) & outer for e, _ in top.items)
        top = top.input
    return read and not correlated_columns(top, outer)


_FAR = (
    "a subquery referring to a query more than two levels out is not supported: "
    "refer to the enclosing query's columns, or to its enclosing query's"
)


def _split(conditions, own: set[str]) -> tuple[list[tuple[b.Expr, b.Expr]], list[b.Expr]]:
    """Join conditions as equi keys (`own expr = other expr`) and the residual rest."""
    keys, residual = [], []
    for condition in conditions:
        pair = _equality(condition, own)
        if pair is not None:
            keys.append(pair)
        else:
            residual.append(condition)
    return keys, residual


def _pull(node: p.Node, at: _Site) -> _Pulled:
    """`node` with the correlated conditions pulled up out of it (the rules above)."""
    if isinstance(node, p.Filter):
        return _filter(node, at)
    if isinstance(node, p.Project):
        return _project(node, at)
    if isinstance(node, p.Aggregate):
        return _aggregate(node, at)
    if isinstance(node, p.CorrelatedJoin):
        return _nested(node, at)
    # a SubqueryJoin keeps rows; a SemiJoin filters them, as a WHERE above it would
    if isinstance(node, (p.Distinct, p.Sort, p.SubqueryJoin, p.SemiJoin)):
        below = _pull(node.input, at)
        if not below.conditions:
            return _Pulled(node)
        empty = None if below.empty is None else replace(node, input=below.empty)
        return _Pulled(replace(node, input=below.node), below.conditions, empty, below.unique)
    if correlated_columns(node, at.outer):
        raise PlanError(
            f"a correlated reference inside {_describe(node)} of a subquery is not supported "
            "(correlated conditions may stand in the subquery's WHERE clause)",
            at.position,
        )
    return _Pulled(node)


def _nested(node: p.CorrelatedJoin, at: _Site) -> _Pulled:
    """A correlated subquery of the subquery (decorrelated there): its input's conditions
    pass up, and a condition of its join reading an outer column of this site (two levels
    out from it) reads instead an expression of the input equal to that column (a pulled
    `inner = outer` condition says which), or else a domain column: the distinct values of
    the outer column (NULL too) joined to the input, with `domain IS NOT DISTINCT FROM outer`
    passed up as conditions (`_same_value`; Neumann's unnesting). The join keeps one row
    per input row, so filters commute."""
    below = _pull(node.input, at)
    conditions = [_equals(x, y) for x, y in node.keys]
    conditions += [] if node.residual is None else conjuncts(node.residual)
    far = set().union(*(b.columns_in(c) for c in conditions)) & at.outer
    if not far:
        if not below.conditions:
            return _Pulled(node)
        empty = None if below.empty is None else replace(node, input=below.empty)
        return _Pulled(replace(node, input=below.node), below.conditions, empty, below.unique)
    if below.empty is not None:
        raise PlanError(
            "a subquery two levels out inside a correlated global aggregate is not supported",
            at.position,
        )
    inside = _equal_inside(below, far, at.outer)
    rows, up = below.node, list(below.conditions)
    rest = sorted(far - set(inside))
    if rest:
        fields = {f.column: f for f in at.rows.fields}
        if not set(rest) <= set(fields):
            raise PlanError(_FAR, at.position)
        domain = {c: at.field("$domain", fields[c].type) for c in rest}
        values = p.Project(at.rows, tuple((b.Column(c, fields[c].type), domain[c]) for c in rest))
        rows = p.Join("INNER", rows, p.Distinct(values), (), None)
        for c, d in domain.items():
            up += _same_value(b.Column(d.column, d.type), b.Column(c, d.type))
        inside |= {c: b.Column(d.column, d.type) for c, d in domain.items()}
    renamed = [rename_columns(c, inside) for c in conditions]
    keys, residual = _split(renamed, {f.column for f in rows.fields})
    joined = replace(node, input=rows, keys=tuple(keys), residual=and_all(residual), unique=False)
    return _Pulled(joined, tuple(up), None, below.unique)


def _equal_inside(below: _Pulled, far: set[str], outer: set[str]) -> dict[str, b.Expr]:
    """For outer columns of `far`: an expression of `below`'s rows a pulled condition makes
    equal to it (`o.uid = u.uid`), so it may stand in its place where those rows join."""
    inner = {f.column for f in below.node.fields}
    found: dict[str, b.Expr] = {}
    for condition in below.conditions:
        pair = _equality(condition, outer)
        if pair is None or not isinstance(pair[0], b.Column) or pair[0].column not in far:
            continue
        if b.columns_in(pair[1]) <= inner:
            found.setdefault(pair[0].column, pair[1])
    return found


def _filter(node: p.Filter, at: _Site) -> _Pulled:
    below = _pull(node.input, at)
    local: list[b.Expr] = []
    correlated: list[b.Expr] = []
    for conjunct in conjuncts(node.predicate):
        (correlated if b.columns_in(conjunct) & at.outer else local).append(conjunct)
    if not correlated and not below.conditions:
        return _Pulled(node)
    rest = and_all(local)
    kept = below.node if rest is None else p.Filter(below.node, rest)
    empty = None
    if below.empty is not None:
        empty = below.empty if rest is None else p.Filter(below.empty, rest)
    return _Pulled(kept, below.conditions + tuple(correlated), empty, below.unique)


def _project(node: p.Project, at: _Site) -> _Pulled:
    below = _pull(node.input, at)
    reads = _outer_read(node, at.outer)
    if reads:  # `(SELECT x + o.k FROM t WHERE ...)`: computed per value of the domain
        if below.empty is not None:  # over a global aggregate: the binder refuses it first
            raise PlanError(
                "a correlated reference beside an aggregate of a subquery is not supported",
                at.position,
            )
        below, domain = _domain(below, at, reads, keyed=False)
        node = replace(node, items=_renamed_all(node.items, domain))
    if not below.conditions:
        return _Pulled(node)
    output = {f.column for _, f in node.items}
    needed = set().union(*(b.columns_in(c) for c in below.conditions)) - at.outer - output
    extra = tuple((b.Column(f.column, f.type), f) for f in below.node.fields if f.column in needed)
    empty = None if below.empty is None else p.Project(below.empty, node.items)
    return _Pulled(p.Project(below.node, node.items + extra), below.conditions, empty, below.unique)


def _aggregate(node: p.Aggregate, at: _Site) -> _Pulled:
    below = _pull(node.input, at)
    reads = _outer_read(node, at.outer)  # `MAX(x + o.k)`, `... FILTER (WHERE x > o.k)`
    if not below.conditions and not reads:
        return _Pulled(node)
    inner = {f.column for f in below.node.fields}
    pairs = [_equality(c, at.outer) for c in below.conditions]
    plain = not reads and all(pair is not None and b.columns_in(pair[1]) <= inner for pair in pairs)
    if not plain:
        below, domain = _domain(below, at, reads)
        pairs = [_equality(c, at.outer) for c in below.conditions]
        node = replace(
            node,
            input=below.node,
            keys=_renamed_all(node.keys, domain),
            aggregates=_renamed_all(node.aggregates, domain),
        )
    keys = list(node.keys)
    conditions = []
    for pair in pairs:
        assert pair is not None  # `_domain` leaves equalities only
        outside, inside = pair
        key = next((f for e, f in keys if e == inside), None)
        if key is None:
            key = at.field("$corr", inside.type)
            keys.append((inside, key))
        conditions.append(_equals(b.Column(key.column, key.type), outside))
    if node.keys:  # a GROUP BY of its own: no row when nothing matches, several per key
        return _Pulled(p.Aggregate(below.node, tuple(keys), node.aggregates), tuple(conditions))
    # a domain's keys match NULLs too (`_same_value`): a SemiJoin would drop them
    narrowed = _narrowed(below.node, pairs, at) if plain else below.node
    grouped = p.Aggregate(narrowed, tuple(keys), node.aggregates)
    empty = replace(node, input=p.ValuesNode((), below.node.fields))
    return _Pulled(grouped, tuple(conditions), empty, unique=True)


def _narrowed(node: p.Node, pairs, at: _Site) -> p.Node:
    """`node` (a global aggregate's input) narrowed to the rows whose correlation key one of
    the outer rows asks for (a "magic set", as Polars SQL and DuckDB plan it): a SemiJoin on
    the distinct values of the first key that is an outer row's column, placed on the table
    that holds it (TPC-H Q17: lineitem narrowed to the few parts the outer query keeps before
    it is grouped, instead of grouping all of it). Only for a global aggregate: its groups
    for the other key values would join no outer row (its `empty` answers those), and
    a NULL key joins nothing (the conditions are `=`), which the SemiJoin's NULL dropping
    agrees with. The outer rows are the CorrelatedJoin's input node itself: computed once;
    not when they are themselves a subquery's rows still reading a query further out (the
    conditions pulled from them later would stay behind in the copy read here)."""
    produced = {f.column for n in p.walk(at.rows) for f in n.fields}
    if correlated_columns(at.rows, at.outer - produced):
        return node
    fields = {f.column: f for f in at.rows.fields}
    inner = {f.column for f in node.fields}
    for outside, inside in pairs:
        if isinstance(outside, b.Column) and outside.column in fields:
            if b.columns_in(inside) <= inner:
                value = at.field("$asked", outside.type)
                asked = p.Distinct(p.Project(at.rows, ((outside, value),)))
                return semi_join(node, asked, ((inside, b.Column(value.column, value.type)),))
    return node


def _domain(
    below: _Pulled, at: _Site, reads: set[str], keyed: bool = True
) -> tuple[_Pulled, dict[str, b.Expr]]:
    """Conditions other than `inner = outer` under an aggregate (`o.k < t.k`), or outer
    columns `reads` that a node's own expressions read (`MAX(x + o.k)`), as Neumann's and
    DuckDB's decorrelation does them: the distinct values of the outer columns read (the
    domain, fresh columns) are joined to the subquery's rows on those conditions, and the
    conditions left for the outer join say `outer column IS NOT DISTINCT FROM domain column`
    (`_same_value`: equalities the aggregate groups by, `keyed`; for a projection, NULL-safe
    for every type). Also returns each outer column's domain column, for the node's
    expressions to read instead."""
    read = sorted((set().union(*(b.columns_in(c) for c in below.conditions)) & at.outer) | reads)
    fields = {f.column: f for f in at.rows.fields}
    if not set(read) <= set(fields):
        raise PlanError(
            "a subquery's SELECT list, aggregate arguments and conditions other than "
            "equalities may read the enclosing query's columns, not those of a query further out",
            at.position,
        )
    domain = {c: at.field("$domain", fields[c].type) for c in read}
    columns: dict[str, b.Expr] = {c: b.Column(f.column, f.type) for c, f in domain.items()}
    values = p.Distinct(
        p.Project(at.rows, tuple((b.Column(c, fields[c].type), domain[c]) for c in read))
    )
    keys, rest = [], []
    for condition in below.conditions:
        renamed = rename_columns(condition, columns)
        pair = _equality(renamed, {f.column for f in domain.values()})
        if pair is not None:
            keys.append((pair[1], pair[0]))  # (the subquery's side, the domain's)
        else:
            rest.append(renamed)
    joined = p.Join("INNER", below.node, values, tuple(keys), and_all(rest))
    equal: list[b.Expr] = []
    for c, f in domain.items():  # NULL-safe: a NULL outer value has its domain row too
        equal += _same_value(b.Column(f.column, f.type), b.Column(c, fields[c].type), keyed)
    return _Pulled(joined, tuple(equal), below.empty, below.unique), columns


def _outer_read(node: p.Node, outer: set[str]) -> set[str]:
    """The outer columns that `node`'s own expressions read (not those of its inputs)."""
    found: set[str] = set()
    for expr in p.expressions(node):
        found |= b.columns_in(expr) & outer
    return found


def rename_columns(expr: b.Expr, columns: dict[str, b.Expr]) -> b.Expr:
    """`expr` reading `columns[c]` (an expression) for each column `c` it names there."""
    if isinstance(expr, b.Column):
        return columns.get(expr.column, expr)
    changes: dict[str, object] = {}
    for f in fields(expr):
        value = getattr(expr, f.name)
        if isinstance(value, p.EXPRESSIONS):
            changes[f.name] = rename_columns(value, columns)
        elif isinstance(value, tuple):
            changes[f.name] = _renamed_all(value, columns)
    return replace(expr, **changes)  # type: ignore[arg-type]


def _renamed_all(values: tuple, columns: dict[str, b.Expr]) -> tuple:
    return tuple(
        rename_columns(v, columns)
        if isinstance(v, p.EXPRESSIONS)
        else (_renamed_all(v, columns) if isinstance(v, tuple) else v)
        for v in values
    )


def _equality(condition: b.Expr, side: set[str]) -> tuple[b.Expr, b.Expr] | None:
    """(the side over `side`'s columns, the other side) of an equality between an expression
    of `side`'s columns only and one of none of them, else None."""
    if not (isinstance(condition, b.Call) and condition.name == "=" and len(condition.args) == 2):
        return None
    first, second = condition.args
    x, y = b.columns_in(first), b.columns_in(second)
    if x and y and x <= side and not y & side:
        return first, second
    if x and y and y <= side and not x & side:
        return second, first
    return None


_ZEROS: dict[str, object] = {
    **dict.fromkeys(("TINYINT", "SMALLINT", "INT", "BIGINT"), 0),
    **dict.fromkeys(("FLOAT", "DOUBLE"), 0.0),
    **dict.fromkeys(("CHAR", "VARCHAR", "STRING"), ""),
    "BOOLEAN": False,
    "DECIMAL": 0,
    "DATE": datetime.date(1970, 1, 1),
    "TIME": datetime.time(0),
    "TIMESTAMP": datetime.datetime(1970, 1, 1),
}


def _same_value(domain: b.Expr, outer: b.Expr, keyed: bool = False) -> list[b.Expr]:
    """`domain IS NOT DISTINCT FROM outer`: a NULL outer value has its own domain row (its
    subquery rows may be there: `... OR i.q < u.uid`). As equalities the joins key on where
    the type has a zero (`d IS NULL = o IS NULL AND COALESCE(d, 0) = COALESCE(o, 0)`); else
    as a condition checked row by row, or, where the aggregate above must group by it
    (`keyed`), as `domain = outer`: a NULL outer value (of a TIMESTAMP_LTZ, an ARRAY...)
    then gets the answer over no rows."""
    never_null = types.nullable(types.BOOLEAN, False)
    t = outer.type
    if t.name not in _ZEROS:
        if keyed:
            return [_equals(domain, outer)]
        return [b.Call("IS NOT DISTINCT FROM", (domain, outer), never_null)]
    zero = b.Literal(_ZEROS[t.name], types.nullable(t, False))

    def missing(e: b.Expr) -> b.Expr:
        return b.Call("IS NULL", (e,), never_null)

    def filled(e: b.Expr) -> b.Expr:
        return b.Call("COALESCE", (e, zero), types.nullable(t, False))

    return [_equals(missing(domain), missing(outer)), _equals(filled(domain), filled(outer))]


def _equals(left: b.Expr, right: b.Expr) -> b.Expr:
    nullable = left.type.nullable or right.type.nullable
    return b.Call("=", (left, right), types.nullable(types.BOOLEAN, nullable))


def _describe(node: p.Node) -> str:
    names = {p.Limit: "a LIMIT", p.Window: "a window", p.Join: "a join"}
    return names.get(type(node), "this part")


def conjuncts(expr: b.Expr) -> list[b.Expr]:
    """The terms of a condition's AND chains (nested ones too, as `a AND (b AND c)`)."""
    found, pending = [], [expr]
    while pending:
        item = pending.pop()
        if isinstance(item, b.Call) and item.name == "AND":
            pending.extend(reversed(item.args))
        else:
            found.append(item)
    return found


def and_all(exprs: list[b.Expr]) -> b.Expr | None:
    """The conjunction of `exprs` (None for none)."""
    if len(exprs) <= 1:
        return exprs[0] if exprs else None
    return b.Call(
        "AND", tuple(exprs), types.nullable(types.BOOLEAN, any(e.type.nullable for e in exprs))
    )
