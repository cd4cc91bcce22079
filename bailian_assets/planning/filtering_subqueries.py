"""Subqueries that filter: the subqueries of a WHERE or HAVING conjunct, planned as joins that
drop the rows the condition would drop, instead of a column the condition then reads.

Which subqueries a condition holds in such a place is their `Roles`, found once per condition
(`roles_of`):
- `filtering`: conjuncts under AND and NOT, which Flink plans as semi and anti joins (an IN
  over no rows is FALSE there even for a NULL operand; elsewhere Flink's IN gives NULL);
- `semi`: `x IN (SELECT ...)` (not negated) and `[NOT] EXISTS`: semi (anti) joins
  (`semi_join.py`), for EXISTS when correlated by equalities alone (`keyed_exists`);
- `compared`: `x op (SELECT ...)` with a comparison op: where the subquery has one row per
  correlation key and gives NULL for a key it has no row for, a row that joins nothing
  fails the comparison, so the join may drop it (an inner join); with `=`, x is one more
  join key (TPC-H Q2: `ps_supplycost = (SELECT MIN(ps_supplycost) ... WHERE p_partkey =
  ps_partkey)`).
The builder (`Builder._subqueries`) plans each subquery, then asks `filtering_join` whether its
join filters by itself; a semi join leaves behind the value that passes the condition, a
compared subquery its column (the comparison still holds on the rows the join keeps).
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, is_dataclass, replace

from bailian_assets.errors import Position
from bailian_assets.planning import bound as b
from bailian_assets.planning import plan as p
from bailian_assets.planning.binder import Binder
from bailian_assets.planning.decorrelate import correlated_columns
from bailian_assets.planning.semi_join import semi_join
from bailian_assets.sql import ast

_COMPARISONS = {"=", "<>", "<", "<=", ">", ">="}
# aggregates that are NULL over no rows (COUNT is 0: a row that joins nothing compares with 0)
_NULL_OVER_NO_ROWS = {"MIN", "MAX", "SUM", "AVG"}


@dataclass(frozen=True)
class Roles:
    """What the subqueries of a condition are to it, by the id of their syntax node."""

    filtering: frozenset[int] = frozenset()
    semi: dict[int, bool] = field(default_factory=dict)  # anti or not
    compared: dict[int, tuple[str, ast.Expr]] = field(default_factory=dict)  # (op, other side)
    select_list: bool = False  # the subqueries of a SELECT list, not of a condition


NO_ROLES = Roles()
SELECT_LIST = Roles(select_list=True)


def roles_of(condition: ast.Expr) -> Roles:
    """The roles of the subqueries of a WHERE or HAVING `condition`."""
    filtering: set[int] = set()
    semi: dict[int, bool] = {}
    compared: dict[int, tuple[str, ast.Expr]] = {}
    pending: list[tuple[ast.Expr, bool]] = [(condition, False)]
    while pending:
        expr, negated = pending.pop()
        if isinstance(expr, ast.Subquery):
            filtering.add(id(expr))
            if expr.kind == "EXISTS" or (expr.kind == "IN" and not expr.negated and not negated):
                semi[id(expr)] = negated
        elif isinstance(expr, (ast.Chain, ast.BinaryOp)) and expr.op == "AND":
            operands = expr.operands if isinstance(expr, ast.Chain) else (expr.left, expr.right)
            pending.extend((operand, negated) for operand in operands)
        elif isinstance(expr, ast.UnaryOp) and expr.op == "NOT":
            pending.append((expr.operand, not negated))
        elif isinstance(expr, ast.BinaryOp) and expr.op in _COMPARISONS and not negated:
            _compared(expr, compared)
    return Roles(frozenset(filtering), semi, compared)


def semi_joins_first(conjuncts: list[ast.Expr]) -> list[ast.Expr]:
    """A WHERE's conjuncts holding subqueries, those that are semi (anti) joins first, the
    others in their order. A semi join only drops rows; a scalar subquery's join waits for the
    subquery's whole result before a row passes. Planned after the semi joins, the subquery is
    computed while they run, and its join and comparison see only the rows they keep (TPC-H
    Q22: `c_acctbal > (SELECT AVG ...) AND NOT EXISTS (...)`, about 15% faster)."""
    semi = [c for c in conjuncts if roles_of(c).semi]
    return semi + [c for c in conjuncts if not any(c is s for s in semi)]


def _compared(expr: ast.BinaryOp, found: dict[int, tuple[str, ast.Expr]]) -> None:
    """`x op (SELECT ...)` or `(SELECT ...) op x`, a scalar subquery against a plain x."""
    for sub, other, op in ((expr.right, expr.left, expr.op), (expr.left, expr.right, None)):
        if isinstance(sub, ast.Subquery) and sub.kind == "SCALAR":
            if not isinstance(other, ast.Subquery):
                found[id(sub)] = (op or _MIRRORED[expr.op], other)


_MIRRORED = {"=": "=", "<>": "<>", "<": ">", "<=": ">=", ">": "<", ">=": "<="}


def filtering_join(
    node: p.Node,
    joined: p.CorrelatedJoin,
    expr: ast.Subquery,
    roles: Roles,
    outer: set[str],
    binder: Binder,
) -> tuple[p.Node, ast.Expr | None]:
    """The plan of `node` with the correlated subquery `expr` (planned as `joined`), and the
    value it leaves in the condition: None for its result column (the join keeps every row
    of `node`), else a literal that passes the condition (the join filters by itself)."""
    if id(expr) in roles.semi and keyed_exists(joined, outer):
        anti = roles.semi[id(expr)]
        # what passes the NOTs around it: NOT EXISTS is anti, and NOT FALSE
        return semi_join(node, joined.subquery, joined.keys, anti), _true(not anti, expr)
    compared = roles.compared.get(id(expr))
    if compared is None or not _drops_unmatched(joined):
        return joined, None
    op, other = compared  # the condition as written is bound (and type-checked) after
    if op == "=" and not has_subquery(other):
        key = binder.bind(other, node.fields)
        if b.columns_in(key) <= {f.column for f in node.fields}:  # not a query further out
            value = b.Column(joined.value, joined.subquery.fields[0].type)
            keys = (*joined.keys, (key, value))  # the comparison stays, TRUE on every row
            return replace(joined, keys=keys, inner=True), None
    return replace(joined, inner=True), None


def keyed_exists(join: p.CorrelatedJoin, outer: set[str]) -> bool:
    """Whether a correlated EXISTS joins its rows on equalities alone, reading no query
    further out once decorrelated: then `[NOT] EXISTS` as a WHERE conjunct is a semi (anti)
    join on those keys (TPC-H Q4, Q22)."""
    return (
        join.kind == "EXISTS"
        and join.residual is None
        and bool(join.keys)
        and not correlated_columns(join.subquery, outer)
    )


def _drops_unmatched(join: p.CorrelatedJoin) -> bool:
    """Whether a row that joins nothing may be dropped where the scalar subquery is compared:
    one subquery row per key (no count to check) and NULL for a key without one."""
    return (
        join.kind == "SCALAR"
        and join.unique
        and join.residual is None
        and bool(join.keys)
        and (join.empty is None or _null_over_no_rows(join.empty, join.value))
    )


def _null_over_no_rows(empty: p.Node, column: str) -> bool:
    """Whether `column` of a global aggregate's plan over no rows (`CorrelatedJoin.empty`) is
    NULL: computed by projections (and filters, which may only drop its one row) from an
    aggregate NULL over no rows, by arithmetic and casts, which give NULL for a NULL
    (`0.2 * AVG(l_quantity)`, TPC-H Q17)."""
    chain = []
    node = empty
    while isinstance(node, (p.Project, p.Filter)):
        chain.append(node)
        node = node.input
    if not isinstance(node, p.Aggregate) or node.keys:
        return False
    nulls = {f.column for call, f in node.aggregates if call.name in _NULL_OVER_NO_ROWS}
    for above in reversed(chain):  # bottom-up: the columns NULL at each level
        if isinstance(above, p.Project):
            nulls = {f.column for e, f in above.items if _null_with(e, nulls)}
    return column in nulls


_NULL_IN_NULL_OUT = {"+", "-", "*", "/", "NEGATE"}


def _null_with(expr: b.Expr, nulls: set[str]) -> bool:
    """Whether `expr` is NULL where the columns `nulls` are."""
    if isinstance(expr, b.Column):
        return expr.column in nulls
    if isinstance(expr, b.Cast):
        return _null_with(expr.expr, nulls)
    if isinstance(expr, b.Call) and expr.name in _NULL_IN_NULL_OUT:
        return any(_null_with(arg, nulls) for arg in expr.args)
    return False


def has_subquery(expr) -> bool:
    """Whether `expr` holds a subquery (from a stack of our own; each type's fields looked up
    once: every WHERE term is asked)."""
    pending = [expr]
    while pending:
        item = pending.pop()
        if isinstance(item, ast.Subquery):
            return True
        if isinstance(item, tuple):
            pending.extend(item)
            continue
        names = _EXPRESSION_FIELDS.get(type(item))
        if names is None:
            names = _EXPRESSION_FIELDS[type(item)] = _expression_fields(type(item))
        pending.extend(getattr(item, name) for name in names)
    return False


_EXPRESSION_FIELDS: dict[type, tuple[str, ...]] = {}


def _expression_fields(kind: type) -> tuple[str, ...]:
    """The fields of a syntax node that may hold expressions (none for a value, a position, a
    type or a query: a subquery's query is its own scope)."""
    if not is_dataclass(kind) or kind in (Position, ast.DataType, ast.Query):
        return ()
    return tuple(f.name for f in fields(kind) if f.name != "position")


def _true(value: bool, expr: ast.Subquery) -> ast.Literal:
    return ast.Literal(value, "BOOLEAN", expr.position)
