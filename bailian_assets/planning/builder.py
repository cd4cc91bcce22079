"""The plan builder: a query's syntax tree -> logical plan nodes (`plan.py`).

It plans SELECT (FROM, WHERE, GROUP BY and aggregates, HAVING, window calls, the SELECT list,
DISTINCT), VALUES, set operations (a UNION chain is one node, however long; INTERSECT and
EXCEPT), ORDER BY (by output column or, for a plain SELECT, any FROM-clause expression) and
LIMIT, joins (ON, USING, NATURAL, lateral table functions), subqueries in FROM, subqueries in
WHERE and the SELECT list (as joins, correlated ones decorrelated by `decorrelate.py`: they
never reach the executor as such),
`WITH` (common table expressions) and `FROM (VALUES ...) AS t(a, b)`. It asks the binder
(`binder.py`) to bind each expression against the right scope: the FROM clause's fields, an
aggregate's output, the SELECT list for ORDER BY. Aggregates, window calls and subqueries of
the SELECT list are planned first into their nodes (`_aggregate`, `_windows`,
`_subqueries`), and the list is rewritten to read their columns.

Scoping: relation names resolve first to the common table expressions in force (the innermost
WITH first; a CTE sees the ones before it), then to the catalog's views and tables. A CTE is
planned once, where it is defined; each reference renames its fields (fresh frame columns), so
the same CTE may be read twice in one query (self-joins).

How to add a clause or a plan node: a method here that builds the node from its syntax (the
node class in `plan.py`, its runner in `executor/executor.py`); table functions in FROM are
built by their entries in `table_functions/`.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields, is_dataclass, replace
from typing import Any, cast

from bailian_assets.errors import Position
from bailian_assets.planning import bound as b
from bailian_assets.planning import (
    flink_estimates,
    group_windows,
    grouping,
    hints,
    join_order,
    table_columns,
    types,
)
from bailian_assets.planning import plan as p
from bailian_assets.planning.binder import Binder, located, require_orderable
from bailian_assets.planning.binder import find as _find
from bailian_assets.planning.binder import suggest as _suggest
from bailian_assets.planning.catalog import Catalog, Visibility
from bailian_assets.planning.common_subplans import share_common_subplans
from bailian_assets.planning.connectors import connector_of, with_options
from bailian_assets.planning.decorrelate import (
    and_all,
    conjuncts,
    correlated_columns,
    correlated_join,
    select_list_only,
)
from bailian_assets.planning.filtering_subqueries import (
    NO_ROLES,
    SELECT_LIST,
    Roles,
    filtering_join,
    has_subquery,
    roles_of,
    semi_joins_first,
)
from bailian_assets.planning.functions import AGGREGATES, GROUPINGS, check_call
from bailian_assets.planning.identifiers import object_key
from bailian_assets.planning.missing import missing, missing_relation, not_above
from bailian_assets.planning.models import ModelSpec
from bailian_assets.planning.named_windows import resolve_window, window_definitions
from bailian_assets.planning.or_factors import pull_factors
from bailian_assets.planning.outer_aggregate import outer_aggregate
from bailian_assets.planning.plan_errors import PlanError, Quiet, Unplanned
from bailian_assets.planning.semi_join import semi_join, value_keys
from bailian_assets.planning.table_functions import TABLE_FUNCTIONS, TableFunction, invoke
from bailian_assets.sql import ast

_CONSTANT_CORRELATION = (
    "a correlated subquery over VALUES rows only, or in the SELECT list of a query over VALUES "
    "rows only, is not supported by Flink 2.3 (unexpected correlate variable $cor0 in the "
    "plan): read a table"
)
_SELECT_LIST_CORRELATION = (
    "an IN subquery that reads the enclosing query only in its SELECT list, with an operand "
    "that reads none of it, is not supported by Flink 2.3 (unexpected correlate variable "
    "$cor0 in the plan): compare in the subquery's WHERE clause, or use EXISTS"
)
_LITERAL_TYPES = {kind: types.literal_type(kind, None) for kind in ("DOUBLE", "BOOLEAN")}
_INT, _BIGINT = types.literal_type("INTEGER", 0), types.literal_type("INTEGER", 2**31)


class Builder:
    """Builds the plans of queries over a catalog. `views` holds the plans of the views
    planned so far (None for a view with errors), shared with the planner, which plans a view
    when a query reads one it has not planned yet (`Unplanned`)."""

    def __init__(
        self,
        catalog: Catalog,
        views: Mapping[str, p.PlannedQuery | None],
        environ: Mapping[str, str],
    ):
        self.catalog = catalog
        self.views = views
        self.environ = environ
        self._ids = itertools.count()

    def query(
        self,
        query: ast.Query,
        path: str,
        settings: Mapping[str, str],
        visibility: Visibility = Visibility(),  # noqa: B008 - frozen: a shared default is safe
    ) -> p.PlannedQuery:
        """The plan of a statement's query (in file `path`, with its `SET` values, seeing the
        names `visibility` does not hide)."""
        ctx = _Context(path, settings, Binder(path, settings, self.environ), {}, visibility)
        node, names = self._query_node(query, ctx)
        node = share_common_subplans(node)
        column_types = tuple(f.type for f in node.fields)
        return p.PlannedQuery(
            node, names, column_types, path, query.position or query.body.position
        )

    def _query_node(self, query: ast.Query, ctx: _Context) -> tuple[p.Node, tuple[str, ...]]:
        if query.ctes:
            ctx = self._with(query.ctes, ctx)
        body = query.body  # dispatched here, not in a helper: one frame less per subquery
        if isinstance(body, ast.Values):
            node, names = self._values(body, ctx)
        elif isinstance(body, ast.SetOperation):
            node, names = self._set_operation(body, ctx)
        else:
            select, order_by = _aggregates_ordered_by(body, query.order_by)
            node, names = self._select(select, ctx)
            if select is not body:  # sorted by hidden columns, which are dropped after
                hidden = len(select.items) - len(body.items)
                node = self._order_by(order_by, node, names, ctx)
                names = names[: len(names) - hidden]
                kept = node.fields[: len(names)]
                node = p.Project(node, tuple((b.Column(f.column, f.type), f) for f in kept))
                query = replace(query, order_by=())
        if query.order_by:
            node = self._order_by(query.order_by, node, names, ctx)
        if query.offset and query.limit is None and query.order_by:
            raise PlanError(  # Flink's batch sort has no "all rows from the offset on"
                "Not support limitEnd is max value now! (Flink sorts with an OFFSET only "
                "given a row count: add LIMIT n or FETCH FIRST n ROWS ONLY)",
                query.position or query.body.position,
            )
        if query.limit is not None or query.offset:
            node = p.Limit(node, query.limit, query.offset)
        return node, names

    def _order_by(
        self,
        order_by: tuple[ast.OrderItem, ...],
        node: p.Node,
        names: tuple[str, ...],
        ctx: _Context,
    ) -> p.Node:
        """Sort `node` (the query's output, named `names`). A key names an output column (by
        alias or ordinal) or, as in Flink, any expression over the FROM clause of a plain
        SELECT (`ORDER BY e.id` with `e.id` not selected): such keys are computed as hidden
        columns beside the output, and dropped after the sort."""
        scope = tuple(
            replace(f, name=n, qualifier=None) for f, n in zip(node.fields, names, strict=False)
        )
        keys: list[b.SortKey] = []
        hidden: list[tuple[b.Expr, p.Field]] = []
        for item in order_by:
            if isinstance(item.expr, ast.Literal) and item.expr.kind == "INTEGER":
                ordinal = item.expr.value
                assert isinstance(ordinal, int)  # an INTEGER literal's value
                if not 1 <= ordinal <= len(scope):
                    raise PlanError(f"Ordinal out of range: {ordinal}", item.position)
                field = scope[ordinal - 1]
                column = b.Column(field.column, field.type)
                keys.append(b.SortKey(column, item.descending, item.nulls_last))
                continue
            target = item.expr
            if isinstance(target, ast.ColumnRef) and target.qualifier is None:
                if sum(f.name == target.name for f in scope) > 1:
                    raise PlanError(  # `SELECT s, s ... ORDER BY s`, as Flink refuses it
                        f"Column '{target.name}' is ambiguous", target.position, len(target.name)
                    )
            if (
                isinstance(target, ast.ColumnRef)
                and target.qualifier
                and sum(f.name == target.name for f in scope) == 1
            ):
                target = replace(target, qualifier=None)  # ORDER BY o.id, id selected
            try:
                expr = ctx.binder.bind(target, scope)
            except PlanError:
                if not isinstance(node, p.Project) or not _names_from_clause(node):
                    raise
                expr = self._from_clause_key(item.expr, node, hidden, ctx)
            keys.append(b.SortKey(expr, item.descending, item.nulls_last))
        for key, item in zip(keys, order_by, strict=False):
            require_orderable(key.expr.type, item.position)
        if not hidden:
            return p.Sort(node, tuple(keys))
        assert isinstance(node, p.Project)
        widened = p.Project(node.input, node.items + tuple(hidden))
        return p.Project(
            p.Sort(widened, tuple(keys)),
            tuple((b.Column(f.column, f.type), f) for f in node.fields),
        )

    def _from_clause_key(
        self, expr: ast.Expr, node: p.Project, hidden: list[tuple[b.Expr, p.Field]], ctx: _Context
    ) -> b.Expr:
        """An ORDER BY key bound to the FROM clause under `node`: the output column that
        already computes it, or a new hidden one."""
        bound = ctx.binder.bind(expr, node.input.fields)
        for item, field in node.items:
            if item == bound:
                return b.Column(field.column, field.type)
        field = self.inner_field("$sort", bound.type)
        hidden.append((bound, field))
        return b.Column(field.column, field.type)

    def _with(self, ctes: tuple[ast.CommonTableExpr, ...], ctx: _Context) -> _Context:
        """The context with `ctes` in force, each planned once, in order (each sees the ones
        before it and those of enclosing queries; a CTE shadows a view of its name)."""
        defined: dict[str, _Cte] = dict(ctx.ctes)
        own: set[str] = set()
        for cte in ctes:
            if cte.name in own:
                raise PlanError(
                    f"Duplicate name '{cte.name}' in WITH clause", cte.position, len(cte.name)
                )
            own.add(cte.name)
            node, names = self._query_node(cte.query, replace(ctx, ctes=dict(defined)))
            if cte.columns:
                names = _aliased(names, cte.columns, cte.name, cte.position)
            check_unique([(n, cte.position) for n in names], f"WITH query '{cte.name}'")
            defined[cte.name] = _Cte(node, names)
        return replace(ctx, ctes=defined)

    def _values(self, values: ast.Values, ctx: _Context):
        width = len(values.rows[0])
        rows = []
        # NOT NULL until a NULL (or a nullable value) comes: the first row's types
        column_types: list[ast.DataType] = [types.nullable(types.NULL, False)] * width
        # (column type, value type) -> common type, by identity: few distinct pairs, however
        # many rows (the types are kept alive in the values, so their ids stay theirs)
        merged: dict[tuple[int, int], tuple[ast.DataType, ast.DataType, ast.DataType | None]] = {}
        interned: dict[ast.DataType | None, ast.DataType | None] = {}
        for row in values.rows:
            if len(row) != width:
                raise PlanError(
                    f"VALUES rows must all have {width} values, this one has {len(row)}",
                    row[0].position if row else values.position,
                )
            bound = []
            for i, expr in enumerate(row):
                bound_expr, t = self._value(expr, ctx)
                key = (id(column_types[i]), id(t))
                if key not in merged:
                    first = column_types[i].name == "NULL" and not column_types[i].nullable
                    common = t if first else types.common_type(column_types[i], t)
                    common = interned.setdefault(common, common)  # the same object next time
                    merged[key] = (column_types[i], t, common)
                common = merged[key][2]
                if common is None:
                    shown = self._expr(expr, (), ctx)[1]  # the literal's own type, CHAR(n)
                    raise PlanError(
                        f"VALUES column {i + 1} mixes {column_types[i]} and {shown}", expr.position
                    )
                column_types[i] = common
                bound.append(bound_expr)
            rows.append(tuple(bound))
        rows = _rows_in_zone(rows, column_types, ctx.binder)
        names = tuple(f"EXPR${i}" for i in range(width))
        fields = tuple(
            self.field(n, types.concrete(t), None)
            for n, t in zip(names, column_types, strict=False)
        )
        return p.ValuesNode(tuple(rows), fields), names

    def _value(self, expr: ast.Expr, ctx: _Context):
        """A VALUES value bound. A plain literal (a large VALUES list is millions of them) is
        typed from shared type objects ('ab' CHAR(2): a column of strings of one length is
        CHAR(n), of several lengths VARCHAR(longest), see `types.common_type`). A bare
        NULL has no type: Flink refuses it, even beside typed rows or into a sink's columns
        (`CAST(NULL AS INT)` it takes)."""
        # a STRING literal's value is a str
        if (
            type(expr) is ast.Literal
            and not (expr.kind == "STRING" and "${" in cast(str, expr.value))
            and not expr.kind.startswith("INTERVAL")  # typed by its unit, as in an expression
        ):
            if expr.kind == "NULL":
                raise PlanError("Illegal use of 'NULL'", expr.position, 4)
            if expr.kind == "STRING":
                t = types.char_literal(len(cast(str, expr.value)))
            elif expr.kind == "INTEGER":
                t = _INT if -(2**31) <= expr.value < 2**31 else _BIGINT  # type: ignore
            elif expr.kind == "DECIMAL":
                t = types.literal_type("DECIMAL", expr.value)
            else:
                t = _LITERAL_TYPES[expr.kind]
            return b.Literal(expr.value, t), t
        if (
            type(expr) is ast.Cast
            and type(expr.expr) is ast.Literal
            and expr.expr.kind == "NULL"
            and types.cast_problem(types.NULL, expr.type) is None
        ):  # CAST(NULL AS INT), how a VALUES row writes a NULL: a typed NULL literal
            t = types.nullable(expr.type)
            return b.Literal(None, t), t
        return self._expr(expr, (), ctx)

    def _set_operation(self, body: ast.SetOperation, ctx: _Context):
        """A chain of one set operator, its branches' columns of their common types: a UNION
        chain as one SetUnion node (however long), INTERSECT and EXCEPT pairwise from the
        left (SetCombine)."""
        first, names = self._query_node(body.inputs[0], ctx)
        nodes = [first]
        column_types = [f.type for f in first.fields]
        for query in body.inputs[1:]:
            node, _ = self._query_node(query, ctx)
            where = query.position or body.position
            if len(node.fields) != len(first.fields):
                raise PlanError(
                    f"Column count mismatch in {body.op}: {len(first.fields)} and "
                    f"{len(node.fields)}",
                    where,
                )
            for i, (mine, theirs) in enumerate(zip(first.fields, node.fields, strict=False)):
                common = types.common_type(column_types[i], theirs.type)
                if common is None:
                    raise PlanError(
                        f"Type mismatch in {body.op}: column '{mine.name}' is "
                        f"{column_types[i]} in the branches before and "
                        f"{theirs.type} in this one",
                        where,
                    )
                column_types[i] = common
            nodes.append(node)
        # a TIMESTAMP beside a TIMESTAMP_LTZ: the instant of its wall time in the session zone
        nodes = [ctx.binder.in_zone_columns(node, column_types) for node in nodes]
        fields = tuple(
            self.field(a.name, t, None) for a, t in zip(first.fields, column_types, strict=False)
        )
        if body.op != "UNION ALL":  # duplicates are found by grouping the rows
            _require_set_keys(body, column_types)
        if body.op.startswith("UNION"):
            return p.SetUnion(tuple(nodes), body.op == "UNION", fields), names
        kind, _, multiset = body.op.partition(" ")
        node = nodes[0]
        for other in nodes[1:]:
            last = other is nodes[-1]
            step = fields if last else tuple(self.field(f.name, f.type, None) for f in fields)
            node = p.SetCombine(kind, multiset == "ALL", node, other, step)
        return node, names

    def _select(self, select: ast.Select, ctx: _Context):
        select = group_windows.rewritten(select)  # GROUP BY TUMBLE(ts, ...): a table function
        hints.check_hints(select.hints)
        hints.check_join_hints(select.hints, select.from_)
        if select.from_ is None:
            node: p.Node = p.ValuesNode(((),), ())
        else:
            node = self._from(select.from_, ctx)
        scope = node.fields
        if select.where is not None:
            node = self._where(node, select.where, ctx)
        exprs = [item.expr for item in select.items]
        if select.group_by or select.having is not None or any(map(_has_aggregate, exprs)):
            node, exprs, having = self._aggregate(node, select, ctx)
            scope = node.fields
            if having is not None:
                node = self._filter(node, having, ctx, "HAVING")
        else:
            _refuse_grouping(exprs)
        star_scope = scope  # what `*` means: not the columns of windows and subqueries
        if any(map(_has_window, exprs)):
            node, exprs = self._windows(node, exprs, window_definitions(select), ctx)
            scope = node.fields
        if any(map(has_subquery, exprs)):
            node, exprs = self._subqueries(node, exprs, ctx, SELECT_LIST)
            scope = node.fields
        items = []
        names = []
        for index, item in enumerate(select.items):
            if isinstance(item.expr, ast.Star):
                star = item.expr.qualifier
                expanded = (
                    [f for f in star_scope if f.qualifier == star]
                    if star is not None
                    else [f for f in star_scope if not f.qualified_only]
                )
                if not expanded:
                    raise PlanError(f"Unknown identifier '{item.expr.qualifier}'", item.position)
                for f in expanded:
                    items.append((b.Column(f.column, f.type), self.field(f.name, f.type, None)))
                    names.append(f.name)
                continue
            if isinstance(item.expr, ast.Literal) and item.expr.kind == "NULL":
                # Flink cannot type a bare NULL column (CAST(NULL AS INT) it can)
                raise PlanError("Illegal use of 'NULL'", item.expr.position, 4)
            expr, t = self._expr(exprs[index], scope, ctx)
            name = item.alias or (
                item.expr.name if isinstance(item.expr, ast.ColumnRef) else f"EXPR${index}"
            )
            items.append((expr, self.field(name, t, None)))
            names.append(name)
        node = p.Project(node, tuple(items))
        if select.distinct:
            for _, field in items:
                require_orderable(field.type, select.position, 6)
            node = p.Distinct(node)
        return node, tuple(names)

    def _where(self, node: p.Node, where: ast.Expr, ctx: _Context) -> p.Node:
        """Filter `node` (the FROM clause) by WHERE: its equalities between the tables of a
        FROM list made join keys first, then its other plain conjuncts, then those holding a
        subquery (so that subqueries are joined over the fewest rows)."""
        position = where.position
        node, terms, met = self._comma_joins(node, _and_terms(where), ctx)
        plain = [t for t in terms if not has_subquery(t)]
        queried = semi_joins_first([t for t in terms if has_subquery(t)])
        for group in (plain, queried):
            if group:
                node = self._filter(node, _and_of(group, position), ctx, "WHERE", met)
        return node

    def _filter(
        self,
        node: p.Node,
        condition: ast.Expr,
        ctx: _Context,
        clause: str,
        met: Sequence[b.Expr] = (),
    ) -> p.Node:
        """Filter `node` by a WHERE or HAVING condition, each OR's common factors pulled out
        (`or_factors.py`) and the conditions its rows are known to meet (`met`) dropped; its
        subqueries are joined first and dropped after."""
        fields = node.fields
        if has_subquery(condition):
            node, (condition,) = self._subqueries(node, [condition], ctx, roles_of(condition))
        bound = pull_factors(ctx.binder.condition(condition, node.fields, clause), met)
        if bound is not None:
            node = p.Filter(node, bound)
        if node.fields == fields:
            return node
        return p.Project(node, tuple((b.Column(f.column, f.type), f) for f in fields))

    def _comma_joins(
        self, node: p.Node, terms: list[ast.Expr], ctx: _Context
    ) -> tuple[p.Node, list[ast.Expr], list[b.Expr]]:
        """A FROM list (CROSS joins) joined on the equalities among the WHERE's `terms` between
        its tables (`join_order.py`); returns the joins, the terms left, and the equalities
        the joined rows meet."""
        tables = join_order.cross_tables(node)
        plain = [t for t in terms if not has_subquery(t)]
        if len(tables) < 2 or not plain:
            return node, terms, []
        bound = [ctx.binder.bind(t, node.fields) for t in plain]
        node, used, met = join_order.join_by_equalities(tables, bound)
        return node, [t for t in terms if not any(t is plain[i] for i in used)], met

    def _subqueries(
        self, node: p.Node, exprs: list, ctx: _Context, roles: Roles = NO_ROLES
    ) -> tuple[p.Node, list]:
        """Plan the subqueries in `exprs` as joins over `node` (SubqueryJoins, or
        CorrelatedJoins for those that read `node`'s columns: `decorrelate.py`); returns the
        new node and `exprs` with each subquery replaced by a reference to its column, or by
        the value that passes the condition where the join itself filters (`roles`: what the
        subqueries of a WHERE or HAVING conjunct are to it)."""
        outer = (node.fields, *ctx.binder.outer)
        inner = replace(ctx, binder=replace(ctx.binder, outer=outer))
        outer_columns = {f.column for scope in outer for f in scope}

        def rewrite(expr):
            nonlocal node
            if not isinstance(expr, ast.Subquery):
                return _map_children(expr, rewrite)
            sub, _ = self._query_node(expr.query, inner)
            if expr.kind != "EXISTS" and len(sub.fields) != 1:
                raise PlanError(
                    f"a subquery used as a value must return one column, this one "
                    f"returns {len(sub.fields)}",
                    expr.position,
                )
            operand = None if expr.operand is None else ctx.binder.bind(expr.operand, node.fields)
            if operand is not None:  # a TIMESTAMP against TIMESTAMP_LTZ: in the session zone
                sub = ctx.binder.in_zone_columns(sub, [operand.type])
            result = self.inner_field(f"${expr.kind.lower()}", _subquery_type(expr, sub, operand))
            if correlated_columns(sub, outer_columns):
                node, passed = self._correlated(expr, node, sub, operand, result, roles, ctx)
                if passed is not None:
                    return passed
            elif id(expr) in roles.semi and operand is not None and b.columns_in(operand):
                node = semi_join(node, sub, value_keys(operand, sub))
                return ast.Literal(True, "BOOLEAN", expr.position)
            else:
                node = p.SubqueryJoin(expr.kind, node, sub, operand, result)
            reference = ast.ColumnRef(None, result.column, expr.position)
            return ast.UnaryOp("NOT", reference, expr.position) if expr.negated else reference

        rewritten = [rewrite(expr) for expr in exprs]
        return node, rewritten

    def _correlated(
        self,
        expr: ast.Subquery,
        node: p.Node,
        sub: p.Node,
        operand: b.Expr | None,
        result: p.Field,
        roles: Roles,
        ctx: _Context,
    ) -> tuple[p.Node, ast.Expr | None]:
        """`node` joined with the correlated subquery `expr` (planned as `sub`), and what the
        subquery leaves in its condition (see `filtering_join`; None: `result`'s column)."""
        if self._constant(sub) or (roles.select_list and self._constant(node)):
            raise PlanError(_CONSTANT_CORRELATION, expr.position)
        if expr.kind == "SCALAR":
            reused = outer_aggregate(node, sub, result, self.inner_field)
            if reused is not None:
                return reused, None
        outer_columns = {f.column for scope in (node.fields, *ctx.binder.outer) for f in scope}
        if expr.kind == "IN" and select_list_only(sub, operand, outer_columns):
            raise PlanError(_SELECT_LIST_CORRELATION, expr.position)
        joined = correlated_join(
            expr.kind,
            node,
            sub,
            operand,
            result,
            outer_columns,
            self.inner_field,
            expr.position,
            id(expr) in roles.filtering,
        )
        return filtering_join(node, joined, expr, roles, outer_columns, ctx.binder)

    def _constant(self, node: p.Node) -> bool:
        """Are `node`'s rows VALUES rows only (through views of them), which Flink 2.3's
        planner cannot decorrelate a subquery over?"""
        pending = [node]
        while pending:
            current = pending.pop()
            if isinstance(current, p.Scan):
                planned = self.views.get(current.relation)
                if planned is None:
                    return False  # a table (or a view that failed)
                pending.append(planned.root)
            elif not isinstance(current, p.ValuesNode):
                pending.extend(p.children(current))
        return True

    def _windows(
        self, node: p.Node, exprs: list, windows: dict[str, ast.WindowSpec], ctx: _Context
    ):
        """Plan the window calls of the SELECT list (their named `windows` resolved) into a
        Window node; returns it and the items rewritten to refer to its columns (as
        `_aggregate` does for aggregates)."""
        calls: list[tuple[b.WindowCall, p.Field]] = []
        found: dict[b.WindowCall, p.Field] = {}

        def rewrite(expr):
            if isinstance(expr, ast.FunctionCall) and expr.over is not None:
                expr = replace(expr, over=resolve_window(expr.over, windows))
                call = ctx.binder.window(expr, node.fields)
                if call not in found:
                    found[call] = self.inner_field(call.name, call.type)
                    calls.append((call, found[call]))
                return ast.ColumnRef(None, found[call].column, expr.position)
            return _map_children(expr, rewrite)

        rewritten = [rewrite(expr) for expr in exprs]
        return p.Window(node, tuple(calls)), rewritten

    def _aggregate(self, node: p.Node, select: ast.Select, ctx: _Context):
        """Plan GROUP BY (grouping sets too) and aggregates; returns the Aggregate node and
        the SELECT items and HAVING rewritten to refer to its columns (by column name, ready
        to bind)."""
        scope = node.fields
        grouped = self._group_keys(select.group_by, scope, ctx)
        sorting: list[bool] = []  # per aggregate: does Flink sort the groups for it?
        calls: dict[b.AggregateCall, Position] = {}

        def rewrite(expr):
            if isinstance(expr, ast.FunctionCall) and expr.over is None:
                if expr.name in AGGREGATES:
                    call = ctx.binder.aggregate(expr, scope, grouped.keyed)
                    sorting.append(flink_estimates.sorts_groups(expr.name, call.args))
                    reduce = AGGREGATES[expr.name].reduce
                    if reduce is not None:  # STDDEV ...: an expression of SUMs and COUNTs
                        return rewrite(reduce(expr, call.args[0].type, call.type))
                    field = grouped.aggregate(call, lambda: self.inner_field(expr.name, call.type))
                    calls.setdefault(call, expr.position)
                    return ast.ColumnRef(None, field.column, expr.position)
                if expr.name in GROUPINGS:
                    return self._grouping_call(expr, grouped, scope, ctx)
            if not _has_aggregate(expr):
                try:
                    bound, _ = self._expr(expr, scope, ctx)
                except PlanError:
                    bound = None
                if bound is not None and bound in grouped.index_of:
                    field = grouped.keys[grouped.index_of[bound]][1]
                    return ast.ColumnRef(None, field.column, expr.position)
            if isinstance(expr, (ast.ColumnRef, ast.Star)):
                shown = (
                    "*"
                    if isinstance(expr, ast.Star)
                    else (f"{expr.qualifier}.{expr.name}" if expr.qualifier else expr.name)
                )
                raise PlanError(
                    f"Expression '{shown}' is not being grouped", expr.position, len(shown)
                )
            return _map_children(expr, rewrite)

        exprs = [rewrite(item.expr) for item in select.items]
        having = rewrite(select.having) if select.having is not None else None
        _refuse_beside_distinct(calls)
        aggregate = p.Aggregate(
            node,
            tuple(grouped.keys),
            tuple(grouped.aggregates.items()),
            grouped.sets,
            tuple(grouped.groupings.items()),
            sorted_groups=any(sorting),
        )
        return aggregate, exprs, having

    def _group_keys(self, group_by, scope: tuple[p.Field, ...], ctx: _Context) -> _Grouped:
        """The distinct keys of GROUP BY and, for grouping sets (more than one set), each
        set as indexes of its keys. A key missing from some set is nullable."""
        expanded = grouping.expand(group_by)
        key_sets = [tuple(group_by)] if expanded is None else expanded
        found: list[tuple[b.Expr, str]] = []
        index_of: dict[b.Expr, int] = {}
        sets = []
        for key_set in key_sets:
            indexes: dict[int, None] = {}
            for expr in key_set:
                bound, t = self._expr(expr, scope, ctx)
                if bound not in index_of:
                    require_orderable(t, expr.position)
                    index_of[bound] = len(found)
                    name = expr.name if isinstance(expr, ast.ColumnRef) else f"$key{len(found)}"
                    found.append((bound, name))
                indexes[index_of[bound]] = None
            sets.append(tuple(indexes))
        sets = grouping.in_flink_order(sets)
        always = set.intersection(*(set(s) for s in sets))
        keys = [  # a key keeps its type; one missing from some grouping set is nullable too
            (
                bound,
                self.inner_field(name, bound.type if i in always else types.nullable(bound.type)),
            )
            for i, (bound, name) in enumerate(found)
        ]
        return _Grouped(keys, index_of, None if len(sets) == 1 else tuple(sets), bool(keys))

    def _grouping_call(
        self, expr: ast.FunctionCall, grouped: _Grouped, scope: tuple[p.Field, ...], ctx: _Context
    ) -> ast.ColumnRef:
        """GROUPING(k, ...), GROUPING_ID(k, ...) or GROUP_ID(): a column of the Aggregate
        node; each argument must be a key of the GROUP BY."""
        function = GROUPINGS[expr.name]
        located(lambda: check_call(function, [types.NULL] * len(expr.args)), expr.position)
        indexes = []
        for arg in expr.args:
            bound = ctx.binder.bind(arg, scope)
            if bound not in grouped.index_of:
                raise PlanError(
                    "Argument to GROUPING operator must be a grouped expression", arg.position
                )
            indexes.append(grouped.index_of[bound])
        named = None if expr.name == "GROUP_ID" else tuple(indexes)
        field = grouped.grouping(named, lambda: self.inner_field(expr.name, function.returns(())))
        return ast.ColumnRef(None, field.column, expr.position)

    # ------------------------------------------------------------ FROM

    def _from(self, item: ast.FromItem, ctx: _Context) -> p.Node:
        if isinstance(item, ast.TableRef):
            hints.check_hints(item.hints)
            return self._relation(item.name, item.alias, ctx, hints.table_options(item.hints))
        if isinstance(item, ast.SubqueryRef):
            node, names = self._query_node(item.query, ctx)
            if item.columns:
                names = _aliased(names, item.columns, item.alias or "", item.position)
                check_unique(item.columns, f"the column aliases of '{item.alias}'")
            renamed = p.renamed(node, names, item.alias)
            if isinstance(item.query.body, ast.Values) and not item.columns:
                # Flink names them EXPR$0, ... but resolves none: reachable by `*` only
                assert isinstance(renamed, p.Project)
                hidden = tuple((e, replace(f, hidden=True)) for e, f in renamed.items)
                return p.Project(renamed.input, hidden)
            return renamed
        if isinstance(item, ast.TableFunction):
            function = self._table_function(item)
            if function.lateral and function.standalone:
                one_row = p.ValuesNode(((),), ())
                return invoke(function, item, _Site(self, ctx), one_row, "CROSS")
            if function.lateral:
                raise PlanError(
                    f"{item.name} needs a table to take its queries from: "
                    f"FROM q, LATERAL TABLE({item.name}(...))",
                    item.position,
                    len(item.name),
                )
            return invoke(function, item, _Site(self, ctx))
        return self._join(item, ctx)

    def _table_function(self, call: ast.TableFunction) -> TableFunction:
        function = TABLE_FUNCTIONS.get(call.name)
        if function is None:
            raise PlanError(
                f"unknown table function '{call.name}'" + _suggest(call.name, TABLE_FUNCTIONS),
                call.position,
                len(call.name),
            )
        return function

    def _relation(
        self,
        name: ast.Name,
        alias: str | None,
        ctx: _Context,
        options: tuple[ast.Option, ...] = (),
    ) -> p.Node:
        """The table, view or CTE `name` a FROM reads, its columns qualified by `alias` (or
        its own last part); a table with a hint's `options` over its own. A CTE of the query
        comes first, then the file's TEMPORARY tables and views, then the project's."""
        qualifier = alias or name.last
        key = object_key(name)
        cte = ctx.ctes.get(key) if len(name.parts) == 1 else None
        if cte is not None:  # a hint's options on a WITH query: Flink ignores them
            return self._cte_scan(cte, qualifier)
        key = ctx.visibility.resolve(key)  # a TEMPORARY table or view of the file shadows
        hidden = ctx.visibility.hidden("table or view:" + key)
        if hidden is not None:
            raise not_above(key, name, hidden)
        if options and key in self.catalog.views:
            raise PlanError(
                f"View '`default_catalog`.`default_database`.`{name.last}`' cannot be "
                "enriched with new options. Hints can only be applied to tables.",
                name.position,
                len(str(name)),
            )
        if key in self.catalog.views:
            return self._view_scan(key, name, qualifier)
        if key in self.catalog.tables:
            return self._table_scan(key, name, qualifier, ctx, options)
        raise missing_relation(self.catalog, key, name, ctx.path)

    def _cte_scan(self, cte: _Cte, qualifier: str) -> p.Node:
        """A read of `cte` with fresh frame columns: a CTE may be read twice in one query."""
        fields = tuple(
            self.field(n, f.type, qualifier)
            for n, f in zip(cte.names, cte.node.fields, strict=False)
        )
        return p.Project(
            cte.node,
            tuple(
                (b.Column(f.column, f.type), nf)
                for f, nf in zip(cte.node.fields, fields, strict=False)
            ),
        )

    def _view_scan(self, key: str, name: ast.Name, qualifier: str) -> p.Node:
        """A read of view `key`, planned first if it is not yet (`Unplanned`: the planner
        plans it and tries again); quiet when its own planning failed (reported there)."""
        if key not in self.views:
            raise Unplanned(key, name.position)
        planned = self.views[key]
        if planned is None:
            raise Quiet()
        fields = tuple(
            self.field(n, t, qualifier) for n, t in zip(planned.names, planned.types, strict=False)
        )
        counted = flink_estimates.counted(planned.root)
        return p.Scan(key, planned.names, fields, counted=counted, view=planned.root)

    def _table_scan(
        self,
        key: str,
        name: ast.Name,
        qualifier: str,
        ctx: _Context,
        options: tuple[ast.Option, ...] = (),
    ) -> p.Node:
        """A read of table `key` (with a hint's `options` over its own), refused when its
        connector cannot read it (or its metadata columns), or can only be written to."""
        table = self.catalog.tables[key]
        if options:
            table = with_options(table, options, self.environ)
        connector = connector_of(table)
        unreadable = connector.read_problem(table) or table_columns.metadata_problem(
            table.name, table.metadata_columns, connector.name, connector.metadata
        )
        if unreadable is not None:
            raise PlanError(unreadable, name.position, len(str(name)))
        if table.is_sink_only:
            raise PlanError(
                f"table '{key}' uses the '{table.connector}' connector, which "
                "can only be written to",
                name.position,
                len(key),
            )
        counted = connector.reports_row_count(table)
        scan = table_columns.scan(
            key, table.all_columns, qualifier, self.field, ctx.binder, counted
        )
        return table_columns.hinted(scan, table, options) if options else scan

    def _join(self, join: ast.Join, ctx: _Context) -> p.Node:
        left = self._from(join.left, ctx)
        if isinstance(join.right, ast.TableFunction) and self._table_function(join.right).lateral:
            return self._lateral(join, left, join.right, ctx)
        right = self._from(join.right, ctx)
        left_qualifiers = {f.qualifier for f in left.fields if f.qualifier}
        for f in right.fields:
            if f.qualifier and f.qualifier in left_qualifiers:
                raise PlanError(
                    f"Duplicate relation name '{f.qualifier}' in FROM clause", join.position
                )
        scope = left.fields + right.fields
        using = join.using
        if join.natural:  # the columns both sides have, in the left side's order
            right_names = {f.name for f in right.fields if not f.qualified_only}
            using = tuple(
                dict.fromkeys(
                    f.name for f in left.fields if not f.qualified_only and f.name in right_names
                )
            )
        if using:
            return self._using(join, left, right, using)
        if join.on is None:
            return p.Join("CROSS", left, right, (), None)
        condition = ctx.binder.condition(join.on, scope, "ON")
        left_columns = {f.column for f in left.fields}
        right_columns = {f.column for f in right.fields}
        equi, residual = [], []
        for conjunct in conjuncts(condition):
            if isinstance(conjunct, b.Call) and conjunct.name == "=":
                first, second = conjunct.args
                x, y = b.columns_in(first), b.columns_in(second)
                if x and y and x <= left_columns and y <= right_columns:
                    equi.append((first, second))
                    continue
                if x and y and x <= right_columns and y <= left_columns:
                    equi.append((second, first))
                    continue
            residual.append(conjunct)
        rest = and_all(residual)  # of an outer join: restricts the matches, not the rows kept
        return p.Join(join.kind, left, right, tuple(equi), rest)

    def _using(self, join: ast.Join, left: p.Node, right: p.Node, names: tuple[str, ...]) -> p.Node:
        """JOIN ... USING (k) and NATURAL JOIN: equal keys, and `k` one column (first, then
        the other columns of both sides), the left side's key (the right's for a RIGHT JOIN,
        COALESCE of both for a FULL JOIN); `l.k` and `r.k` stay reachable by qualifier."""
        equi, merged, keys = [], [], set()
        for name in names:
            lf = _using_key(left, name, join.position)
            rf = _find(right.fields, None, name, join.position)
            sides = (b.Column(lf.column, lf.type), b.Column(rf.column, rf.type))
            equi.append(sides)
            keys |= {lf.column, rf.column} | {f.column for f in left.fields if f.name == name}
            key_type = types.common_type(lf.type, rf.type) or lf.type
            if join.kind == "FULL":
                expr: b.Expr = b.Call("COALESCE", sides, key_type)
            else:
                expr = sides[1] if join.kind == "RIGHT" else sides[0]
            merged.append((expr, self.field(name, expr.type, None)))
        joined = p.Join(
            join.kind if join.kind != "CROSS" else "INNER", left, right, tuple(equi), None
        )
        rest = tuple(
            (
                b.Column(f.column, f.type),
                replace(f, qualified_only=f.qualified_only or f.column in keys),
            )
            for f in joined.fields
        )
        return p.Project(joined, tuple(merged) + rest)

    def _lateral(
        self, join: ast.Join, left: p.Node, call: ast.TableFunction, ctx: _Context
    ) -> p.Node:
        """A lateral table function, joined to the rows of `left` it reads."""
        if join.kind not in ("CROSS", "INNER", "LEFT") or (
            join.on is not None and not (isinstance(join.on, ast.Literal) and join.on.value is True)
        ):
            raise PlanError(
                f"{call.name} joins as `, LATERAL TABLE(...)` or "
                "`LEFT JOIN LATERAL TABLE(...) ON TRUE`",
                join.position,
            )
        return invoke(self._table_function(call), call, _Site(self, ctx), left, join.kind)

    def _model(
        self,
        name: ast.Name,
        visibility: Visibility = Visibility(),  # noqa: B008 - frozen: a shared default is safe
        path: str = "",
    ) -> ModelSpec:
        key = visibility.resolve(object_key(name), "model")  # a TEMPORARY one of the file's
        model = self.catalog.models.get(key)
        hidden = visibility.hidden("model:" + key)
        if hidden is not None:
            raise not_above(key, name, hidden)
        if model is None:
            raise missing(self.catalog, "model", key, name, path, self.catalog.models)
        return model

    # ------------------------------------------------------------ expressions

    def _expr(self, expr: ast.Expr, scope: tuple[p.Field, ...], ctx: _Context):
        """`expr` bound to `scope` by the statement's binder: (bound expression, its type)."""
        bound = ctx.binder.bind(expr, scope)
        return bound, bound.type

    # ------------------------------------------------------------ helpers

    def field(self, name: str, data_type: ast.DataType, qualifier: str | None) -> p.Field:
        return p.Field(name, data_type, qualifier, f"{name}#{next(self._ids)}")

    def inner_field(self, name: str, data_type: ast.DataType) -> p.Field:
        """A field SQL cannot name, only the planner's rewritten expressions (by column)."""
        field = self.field(name, data_type, None)
        return replace(field, name=field.column)


@dataclass(frozen=True)
class _Context:
    """What building one statement's query needs: its file, its `SET` values, its binder, and
    the common table expressions in force (name -> definition)."""

    path: str
    settings: Mapping[str, str]
    binder: Binder
    ctes: Mapping[str, _Cte]
    visibility: Visibility = dataclasses.field(default_factory=Visibility)


class _Site:
    """What a table function may ask of the builder while it builds (`table_functions.Site`),
    within the statement being built."""

    def __init__(self, builder: Builder, ctx: _Context):
        self._builder = builder
        self._ctx = ctx
        self.path = ctx.path
        self.settings = ctx.settings

    def relation(self, name: ast.Name, alias: str | None) -> p.Node:
        return self._builder._relation(name, alias, self._ctx)

    def view(self, relation: str) -> p.PlannedQuery | None:
        """The plan of the view a Scan of `relation` reads (None: a table, or not planned)."""
        return self._builder.views.get(relation)

    def model(self, name: ast.Name) -> ModelSpec:
        return self._builder._model(name, self._ctx.visibility, self.path)

    def field(self, name: str, data_type: ast.DataType, qualifier: str | None) -> p.Field:
        return self._builder.field(name, data_type, qualifier)

    def bind(self, expr: ast.Expr, scope: tuple[p.Field, ...]) -> b.Expr:
        return self._ctx.binder.bind(expr, scope)

    def in_zone(self, value: b.Expr, target: ast.DataType) -> b.Expr:
        return self._ctx.binder.in_zone(value, target)


@dataclass
class _Grouped:
    """What an aggregate query's SELECT list and HAVING are planned against: the GROUP BY
    keys (bound expression, field), their `sets` (None: one), and the aggregate and grouping
    calls found so far, each once."""

    keys: list[tuple[b.Expr, p.Field]]
    index_of: dict[b.Expr, int]
    sets: tuple[tuple[int, ...], ...] | None
    keyed: bool  # GROUP BY names a key (ROLLUP's too): Flink's groups then have rows
    aggregates: dict[b.AggregateCall, p.Field] = dataclasses.field(default_factory=dict)
    groupings: dict[tuple[int, ...] | None, p.Field] = dataclasses.field(default_factory=dict)

    def aggregate(self, call: b.AggregateCall, new_field) -> p.Field:
        """The field of `call`, a new one (`new_field()`) the first time."""
        if call not in self.aggregates:
            self.aggregates[call] = new_field()
        return self.aggregates[call]

    def grouping(self, keys: tuple[int, ...] | None, new_field) -> p.Field:
        """The field of a GROUPING call of `keys` (None: GROUP_ID()), new the first time."""
        if keys not in self.groupings:
            self.groupings[keys] = new_field()
        return self.groupings[keys]


@dataclass(frozen=True)
class _Cte:
    """A common table expression, planned where it is defined."""

    node: p.Node
    names: tuple[str, ...]


def _map_children(expr, fn):
    """`expr` with `fn` applied to each sub-expression (one level down), its position kept.
    (Loops rather than comprehensions: each level of a tree costs as few Python frames as can
    be, see sql/nesting.py.)"""
    if isinstance(expr, tuple):
        return _map_value(expr, fn)
    if not is_dataclass(expr) or isinstance(expr, (Position, ast.DataType)):
        return expr
    changes = {}
    for f in fields(expr):
        if f.name != "position":
            changes[f.name] = _map_value(getattr(expr, f.name), fn)
    # is_dataclass's guard admits classes too; `expr` is an instance (an AST node)
    return replace(cast(Any, expr), **changes)


def _map_value(value, fn):
    if isinstance(value, tuple):
        mapped = []
        for item in value:
            mapped.append(_map_value(item, fn))
        return tuple(mapped)
    if is_dataclass(value) and not isinstance(value, (Position, ast.DataType, ast.Query)):
        return fn(value)
    return value  # a subquery's query is left as it is: its scope is its own


def _names_from_clause(node: p.Project) -> bool:
    """Does `node`'s input carry the FROM clause's names (not an aggregate's inner ones)?"""
    return any(f.qualifier is not None for f in node.input.fields)


def _aliased(
    names: tuple[str, ...],
    aliases: tuple[tuple[str, Position], ...],
    owner: str,
    position: Position,
) -> tuple[str, ...]:
    """A relation's column names replaced by a column alias list, as long as they are."""
    if len(aliases) != len(names):
        shown = ", ".join(f"'{n}'" for n in names)
        raise PlanError(
            f"List of column aliases must have same degree as table; table '{owner}' "
            f"has {len(names)} columns ({shown}), whereas alias list has "
            f"{len(aliases)} columns",
            position,
        )
    return tuple(n for n, _ in aliases)


def _rows_in_zone(rows: list, column_types: list[ast.DataType], binder: Binder) -> list:
    """VALUES rows whose TIMESTAMP_LTZ column holds TIMESTAMP values: those as instants of
    the session time zone (`Binder.in_zone`); other rows as they are, untouched."""
    zoned = [i for i, t in enumerate(column_types) if t.name == "TIMESTAMP_LTZ"]
    if not zoned:
        return rows
    return [
        tuple(binder.in_zone(v, column_types[i]) if i in zoned else v for i, v in enumerate(row))
        for row in rows
    ]


def _require_set_keys(body: ast.SetOperation, column_types: list[ast.DataType]) -> None:
    """UNION, INTERSECT and EXCEPT [ALL] compare whole rows: no VARIANT column, as in Flink 2.3
    (whose UNION fails with an internal error, quoted, and the others with their message)."""
    for t in column_types:
        if body.op == "UNION" and t.name == "VARIANT":
            raise PlanError(
                "UNION cannot remove duplicate VARIANT values (Flink 2.3 fails with: "
                "VARIANT (of class org.apache.flink.table.types.logical."
                "LogicalTypeRoot)); use UNION ALL",
                body.position,
                5,
            )
        require_orderable(t, body.position, len(body.op.split()[0]))


def check_unique(columns, owner: str) -> None:
    """Each name of `columns` ((name, position) pairs) once, or a located error."""
    seen = set()
    for name, position in columns:
        if name in seen:
            raise PlanError(f"Duplicate column name '{name}' in {owner}", position, len(name))
        seen.add(name)


def _subexpressions(expr):
    """The expressions one level below `expr` (in tuples too, as CASE's WHEN pairs)."""

    def visit(value):
        if isinstance(value, tuple):
            for item in value:
                yield from visit(item)
        elif is_dataclass(value) and not isinstance(value, (Position, ast.DataType, ast.Query)):
            yield value  # not into a subquery's query: its scope is its own

    for f in fields(expr):
        if f.name != "position":
            yield from visit(getattr(expr, f.name))


def _refuse_beside_distinct(calls: Mapping[b.AggregateCall, Position]) -> None:
    """Flink 2.3 computes the plain aggregates beside a DISTINCT one as MIN over a first
    aggregation by the distinct values (AggregateExpandDistinctAggregatesRule): a plain one
    whose result MIN cannot take (ARRAY_AGG's ARRAY, COLLECT's MULTISET) fails the query."""
    if not any(call.distinct for call in calls):
        return
    for call, position in calls.items():
        if not call.distinct and call.type.name in ("ARRAY", "MULTISET"):
            raise PlanError(
                f"Min aggregate function does not support type: ''{call.type.name}''. "
                f"Please re-check the data type. (Flink 2.3 computes {call.name} beside a "
                f"DISTINCT aggregate through MIN: make it {call.name}(DISTINCT ...) too, or "
                "aggregate it in a query of its own)",
                position,
                len(call.name),
            )


def _using_key(left: p.Node, name: str, position: Position) -> p.Field:
    """The left side's column a USING (name) joins on: its first table's column of that name,
    as in Flink (Calcite), also where the left side is itself a RIGHT or FULL JOIN ... USING
    whose own `name` column is the right side's or both sides' value."""
    for field in left.fields:
        if field.name == name and field.qualifier is not None:
            return field
    return _find(left.fields, None, name, position)


def _aggregates_ordered_by(
    select: ast.Select, order_by: tuple[ast.OrderItem, ...]
) -> tuple[ast.Select, tuple[ast.OrderItem, ...]]:
    """An aggregating SELECT ordered by aggregates it does not select (`GROUP BY k ORDER BY
    SUM(x)`, as Flink allows), by GROUPING()/GROUPING_ID()/GROUP_ID(), or by a grouped
    expression it does not select by that name (`SELECT k AS kk ... GROUP BY k ORDER BY k`,
    TPC-DS writes them): each such key becomes a hidden item of the SELECT (`$order<i>`,
    computed with the other aggregates and groupings) and the ORDER BY reads it; unchanged
    otherwise. A key naming only output columns (aliases first, as Calcite resolves them) is
    left to the output."""
    grouped = select.group_by or select.having is not None
    if (
        select.distinct
        or not order_by
        or not (grouped or any(_has_aggregate(item.expr) for item in select.items))
    ):
        return select, order_by
    items, keys = list(select.items), []
    outputs = {
        i.alias or (i.expr.name if isinstance(i.expr, ast.ColumnRef) else None) for i in items
    }
    for index, item in enumerate(order_by):
        computed = _has_aggregate(item.expr) or _call_of(item.expr, GROUPINGS)
        if isinstance(item.expr, ast.Literal) or not (
            computed or not _column_names(item.expr) <= outputs
        ):
            keys.append(item)
            continue
        name = f"$order{index}"
        items.append(ast.SelectItem(item.expr, name, item.position))
        keys.append(replace(item, expr=ast.ColumnRef(None, name, item.expr.position)))
    if len(items) == len(select.items):
        return select, order_by
    return replace(select, items=tuple(items)), tuple(keys)


def _column_names(expr) -> set[str]:
    """The names of the columns `expr` reads, not inside a subquery (a qualified one as
    `q.name`: it never names an output column)."""
    if isinstance(expr, ast.ColumnRef):
        return {expr.name if expr.qualifier is None else f"{expr.qualifier}.{expr.name}"}
    return set().union(*map(_column_names, _subexpressions(expr)))


def _has_aggregate(expr) -> bool:
    return _call_of(expr, AGGREGATES) is not None


def _refuse_grouping(exprs: list) -> None:
    """GROUPING() and its kin in a query without GROUP BY or aggregates, as Flink refuses."""
    for expr in exprs:
        call = _call_of(expr, GROUPINGS)
        if call is not None:
            raise PlanError(
                f"{call.name} operator may only occur in an aggregate query",
                call.position,
                len(call.name),
            )


def _call_of(expr, names) -> ast.FunctionCall | None:
    """The first call (not over a window) in `expr` of a function `names` holds."""
    if isinstance(expr, ast.FunctionCall) and expr.name in names and expr.over is None:
        return expr
    for sub in _subexpressions(expr):
        found = _call_of(sub, names)
        if found is not None:
            return found
    return None


def _subquery_type(expr: ast.Subquery, sub: p.Node, operand: b.Expr | None) -> ast.DataType:
    if expr.kind == "EXISTS":
        return types.nullable(types.BOOLEAN, False)
    value = sub.fields[0].type
    if expr.kind == "SCALAR":
        return types.nullable(value)  # NULL when the subquery has no row
    assert operand is not None
    if types.common_type(operand.type, value) is None:
        raise PlanError(
            f"Cannot apply 'IN' to arguments of type '<{types.sql_name(operand.type)}"
            f"> IN <{types.sql_name(value)}>'",
            expr.position,
        )
    return types.nullable(types.BOOLEAN)


def _and_terms(expr: ast.Expr) -> list[ast.Expr]:
    """The conjuncts of `expr` joined by its top-level ANDs (itself when it has none)."""
    if isinstance(expr, ast.Chain) and expr.op == "AND":
        return [t for operand in expr.operands for t in _and_terms(operand)]
    if isinstance(expr, ast.BinaryOp) and expr.op == "AND":
        return _and_terms(expr.left) + _and_terms(expr.right)
    return [expr]


def _and_of(terms: list[ast.Expr], position: Position) -> ast.Expr:
    return terms[0] if len(terms) == 1 else ast.Chain("AND", tuple(terms), position)


def _has_window(expr) -> bool:
    if isinstance(expr, ast.FunctionCall) and expr.over is not None:
        return True
    for sub in _subexpressions(expr):
        if _has_window(sub):
            return True
    return False
