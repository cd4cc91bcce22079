"""The plan builder: a query's syntax tree -> logical plan nodes (`plan.py`).

It plans SELECT (FROM, WHERE, GROUP BY and aggregates, HAVING, the SELECT list, DISTINCT),
VALUES, UNION chains (one node, however long), ORDER BY and LIMIT, joins, subqueries in FROM,
`WITH` (common table expressions) and `FROM (VALUES ...) AS t(a, b)`, and asks the binder
(`binder.py`) to bind each expression against the right scope: the FROM clause's fields, an
aggregate's output, the SELECT list for ORDER BY.

Scoping: relation names resolve first to the common table expressions in force (the innermost
WITH first; a CTE sees the ones before it), then to the catalog's views and tables. A CTE is
planned once, where it is defined; each reference renames its fields (fresh frame columns), so
the same CTE may be read twice in one query (self-joins).

How to add a clause or a plan node: a method here that builds the node from its syntax (the
node class in `plan.py`, its runner in `executor/executor.py`); table functions in FROM are
built by their entries in `table_functions.py`.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, fields, is_dataclass, replace
from typing import Mapping

from bailian_assets.errors import Position
from bailian_assets.planning import bound as b
from bailian_assets.planning import plan as p
from bailian_assets.planning import types
from bailian_assets.planning.binder import Binder, find as _find, suggest as _suggest
from bailian_assets.planning.catalog import Catalog, runtime_settings
from bailian_assets.planning.functions import AGGREGATES
from bailian_assets.planning.models import RUNTIME_OPTIONS, ModelSpec, RuntimeConfig
from bailian_assets.planning.plan_errors import PlanError, Quiet, Unplanned
from bailian_assets.sql import ast

_LITERAL_TYPES = {kind: types.literal_type(kind, None) for kind in ("DOUBLE", "BOOLEAN", "NULL")}
_ONE_CHAR = ast.DataType("CHAR", (1,), nullable=False)
_INT, _BIGINT = types.literal_type("INTEGER", 0), types.literal_type("INTEGER", 2**31)


class Builder:
    """Builds the plans of queries over a catalog. `views` holds the plans of the views
    planned so far (None for a view with errors), shared with the planner, which plans a view
    when a query reads one it has not planned yet (`Unplanned`)."""

    def __init__(self, catalog: Catalog, views: Mapping[str, p.PlannedQuery | None],
                 environ: Mapping[str, str]):
        self.catalog = catalog
        self.views = views
        self.environ = environ
        self._ids = itertools.count()

    def query(self, query: ast.Query, path: str, settings: Mapping[str, str]) -> p.PlannedQuery:
        """The plan of a statement's query (in file `path`, with its `SET` values)."""
        ctx = _Context(path, settings, Binder(path, settings, self.environ), {})
        node, names = self._query_node(query, ctx)
        column_types = tuple(f.type for f in node.fields)
        return p.PlannedQuery(node, names, column_types, path,
                              query.position or query.body.position)

    def _query_node(self, query: ast.Query, ctx: _Context) -> tuple[p.Node, tuple[str, ...]]:
        if query.ctes:
            ctx = self._with(query.ctes, ctx)
        body = query.body  # dispatched here, not in a helper: one frame less per subquery
        if isinstance(body, ast.Values):
            node, names = self._values(body, ctx)
        elif isinstance(body, ast.SetOperation):
            node, names = self._union(body, ctx)
        else:
            node, names = self._select(body, ctx)
        if query.order_by:
            scope = tuple(replace(f, name=n, qualifier=None) for f, n in zip(node.fields, names))
            keys = []
            for item in query.order_by:
                if isinstance(item.expr, ast.Literal) and item.expr.kind == "INTEGER":
                    ordinal = int(item.expr.value)  # type: ignore[arg-type]
                    if not 1 <= ordinal <= len(scope):
                        raise PlanError(f"Ordinal out of range: {ordinal}", item.position)
                    field = scope[ordinal - 1]
                    keys.append((b.Column(field.column, field.type), item.descending))
                    continue
                target = item.expr
                if isinstance(target, ast.ColumnRef) and target.qualifier and \
                        sum(f.name == target.name for f in scope) == 1:
                    target = replace(target, qualifier=None)  # ORDER BY o.id, id selected
                expr, _ = self._expr(target, scope, ctx)
                keys.append((expr, item.descending))
            node = p.Sort(node, tuple(keys))
        if query.limit is not None:
            node = p.Limit(node, query.limit)
        return node, names

    def _with(self, ctes: tuple[ast.CommonTableExpr, ...], ctx: _Context) -> _Context:
        """The context with `ctes` in force, each planned once, in order (each sees the ones
        before it and those of enclosing queries; a CTE shadows a view of its name)."""
        defined: dict[str, _Cte] = dict(ctx.ctes)
        own: set[str] = set()
        for cte in ctes:
            if cte.name in own:
                raise PlanError(f"Duplicate name '{cte.name}' in WITH clause", cte.position,
                                len(cte.name))
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
        column_types: list[ast.DataType] = [types.NULL] * width
        # (column type, value type) -> common type, by identity: few distinct pairs, however
        # many rows (the types are kept alive in the values, so their ids stay theirs)
        merged: dict[tuple[int, int], tuple[ast.DataType, ast.DataType, ast.DataType | None]] = {}
        interned: dict[ast.DataType | None, ast.DataType | None] = {}
        for row in values.rows:
            if len(row) != width:
                raise PlanError(f"VALUES rows must all have {width} values, this one has "
                                f"{len(row)}", row[0].position if row else values.position)
            bound = []
            for i, expr in enumerate(row):
                bound_expr, t = self._value(expr, ctx)
                key = (id(column_types[i]), id(t))
                if key not in merged:
                    common = types.common_type(column_types[i], t)
                    common = interned.setdefault(common, common)  # the same object next time
                    merged[key] = (column_types[i], t, common)
                common = merged[key][2]
                if common is None:
                    shown = self._expr(expr, (), ctx)[1]  # the literal's own type, CHAR(n)
                    raise PlanError(f"VALUES column {i + 1} mixes {column_types[i]} and "
                                    f"{shown}", expr.position)
                column_types[i] = common
                bound.append(bound_expr)
            rows.append(tuple(bound))
        names = tuple(f"EXPR${i}" for i in range(width))
        fields = tuple(self.field(n, types.concrete(t), None)
                       for n, t in zip(names, column_types))
        return p.ValuesNode(tuple(rows), fields), names

    def _value(self, expr: ast.Expr, ctx: _Context):
        """A VALUES value bound. A plain literal (a large VALUES list is millions of them) is
        typed from shared type objects: a string's length does not matter in a column of
        several rows, where CHAR(n) of any n becomes STRING (see `types.concrete`)."""
        if type(expr) is ast.Literal and not (expr.kind == "STRING" and "${" in expr.value):
            if expr.kind == "STRING":
                t = _ONE_CHAR
            elif expr.kind == "INTEGER":
                t = _INT if -2**31 <= expr.value < 2**31 else _BIGINT  # type: ignore
            elif expr.kind == "DECIMAL":
                t = types.literal_type("DECIMAL", expr.value)
            else:
                t = _LITERAL_TYPES[expr.kind]
            return b.Literal(expr.value, t), t
        return self._expr(expr, (), ctx)

    def _union(self, body: ast.SetOperation, ctx: _Context):
        """All branches of a UNION chain as one SetUnion node, with their common types."""
        first, names = self._query_node(body.inputs[0], ctx)
        nodes = [first]
        column_types = [f.type for f in first.fields]
        for query in body.inputs[1:]:
            node, _ = self._query_node(query, ctx)
            where = query.position or body.position
            if len(node.fields) != len(first.fields):
                raise PlanError(f"Column count mismatch in {body.op}: {len(first.fields)} and "
                                f"{len(node.fields)}", where)
            for i, (a, b) in enumerate(zip(first.fields, node.fields)):
                common = types.common_type(column_types[i], b.type)
                if common is None:
                    raise PlanError(f"Type mismatch in {body.op}: column '{a.name}' is "
                                    f"{column_types[i]} in the branches before and {b.type} "
                                    "in this one", where)
                column_types[i] = common
            nodes.append(node)
        fields = tuple(self.field(a.name, t, None) for a, t in zip(first.fields, column_types))
        return p.SetUnion(tuple(nodes), body.op == "UNION", fields), names

    def _select(self, select: ast.Select, ctx: _Context):
        if select.from_ is None:
            node: p.Node = p.ValuesNode(((),), ())
        else:
            node = self._from(select.from_, ctx)
        scope = node.fields
        if select.where is not None:
            predicate = ctx.binder.condition(select.where, scope, "WHERE")
            node = p.Filter(node, predicate)
        exprs = [item.expr for item in select.items]
        if select.group_by or select.having is not None or any(map(_has_aggregate, exprs)):
            node, exprs, having = self._aggregate(node, select, ctx)
            scope = node.fields
            if having is not None:
                predicate = ctx.binder.condition(having, scope, "HAVING")
                node = p.Filter(node, predicate)
        items = []
        names = []
        for index, item in enumerate(select.items):
            if isinstance(item.expr, ast.Star):
                expanded = [f for f in scope if item.expr.qualifier in (None, f.qualifier)]
                if not expanded:
                    raise PlanError(f"Unknown identifier '{item.expr.qualifier}'",
                                    item.position)
                for f in expanded:
                    items.append((b.Column(f.column, f.type), self.field(f.name, f.type, None)))
                    names.append(f.name)
                continue
            expr, t = self._expr(exprs[index], scope, ctx)
            name = item.alias or (item.expr.name if isinstance(item.expr, ast.ColumnRef)
                                  else f"EXPR${index}")
            items.append((expr, self.field(name, t, None)))
            names.append(name)
        node = p.Project(node, tuple(items))
        if select.distinct:
            node = p.Distinct(node)
        return node, tuple(names)

    def _aggregate(self, node: p.Node, select: ast.Select, ctx: _Context):
        """Plan GROUP BY and aggregates; returns the Aggregate node and the SELECT items and
        HAVING rewritten to refer to its columns (by column name, ready to bind)."""
        scope = node.fields
        keys: list[tuple[ast.Expr, p.Field]] = []
        key_of: dict[object, p.Field] = {}
        for expr in select.group_by:
            bound, t = self._expr(expr, scope, ctx)
            name = expr.name if isinstance(expr, ast.ColumnRef) else f"$key{len(keys)}"
            keys.append((bound, self.inner_field(name, t)))
            key_of.setdefault(bound, keys[-1][1])
        aggregates: list[tuple[b.AggregateCall, p.Field]] = []
        aggregate_of: dict[object, p.Field] = {}

        def rewrite(expr):
            if isinstance(expr, ast.FunctionCall) and expr.name in AGGREGATES:
                call = ctx.binder.aggregate(expr, scope)
                if call not in aggregate_of:
                    aggregate_of[call] = self.inner_field(expr.name, call.type)
                    aggregates.append((call, aggregate_of[call]))
                return ast.ColumnRef(None, aggregate_of[call].column, expr.position)
            if not _has_aggregate(expr):
                try:
                    bound, _ = self._expr(expr, scope, ctx)
                except PlanError:
                    bound = None
                if bound is not None and bound in key_of:
                    return ast.ColumnRef(None, key_of[bound].column, expr.position)
            if isinstance(expr, (ast.ColumnRef, ast.Star)):
                shown = "*" if isinstance(expr, ast.Star) else (
                    f"{expr.qualifier}.{expr.name}" if expr.qualifier else expr.name)
                raise PlanError(f"Expression '{shown}' is not being grouped", expr.position,
                                len(shown))
            return _map_children(expr, rewrite)

        exprs = [rewrite(item.expr) for item in select.items]
        having = rewrite(select.having) if select.having is not None else None
        return p.Aggregate(node, tuple(keys), tuple(aggregates)), exprs, having

    # ------------------------------------------------------------ FROM

    def _from(self, item: ast.FromItem, ctx: _Context) -> p.Node:
        if isinstance(item, ast.TableRef):
            return self._relation(item.name, item.alias, ctx)
        if isinstance(item, ast.SubqueryRef):
            node, names = self._query_node(item.query, ctx)
            if item.columns:
                names = _aliased(names, item.columns, item.alias or "", item.position)
                check_unique(item.columns, f"the column aliases of '{item.alias}'")
            return _requalify(node, names, item.alias)
        if isinstance(item, ast.TableFunction):
            if item.name == "ML_PREDICT":
                return self._ml_predict(item, ctx)
            if item.name == "VECTOR_SEARCH":
                raise PlanError("VECTOR_SEARCH needs a table to take its queries from: "
                                "FROM q, LATERAL TABLE(VECTOR_SEARCH(...))", item.position,
                                len(item.name))
            raise PlanError(f"unknown table function '{item.name}'", item.position,
                            len(item.name))
        return self._join(item, ctx)

    def _relation(self, name: ast.Name, alias: str | None, ctx: _Context) -> p.Node:
        key = str(name)
        qualifier = alias or name.last
        cte = ctx.ctes.get(key) if len(name.parts) == 1 else None
        if cte is not None:  # fresh frame columns: a CTE may be read twice in one query
            fields = tuple(self.field(n, f.type, qualifier)
                           for n, f in zip(cte.names, cte.node.fields))
            return p.Project(cte.node, tuple((b.Column(f.column, f.type), nf)
                                             for f, nf in zip(cte.node.fields, fields)))
        if key in self.catalog.views:
            if key not in self.views:
                raise Unplanned(key, name.position)
            planned = self.views[key]
            if planned is None:
                raise Quiet()
            fields = tuple(self.field(n, t, qualifier) for n, t in zip(planned.names,
                                                                          planned.types))
            return p.Scan(key, planned.names, fields)
        if key in self.catalog.tables:
            table = self.catalog.tables[key]
            if table.is_sink_only:
                raise PlanError(f"table '{key}' uses the '{table.connector}' connector, which "
                                "can only be written to", name.position, len(key))
            fields = tuple(self.field(c.name, c.type, qualifier) for c in table.columns)
            return p.Scan(key, tuple(c.name for c in table.columns), fields)
        if f"table or view:{key}" in self.catalog.broken:
            raise Quiet()
        raise PlanError(f"Object '{key}' not found" + _suggest(key, [*self.catalog.views,
                                                                     *self.catalog.tables]),
                        name.position, len(key))

    def _join(self, join: ast.Join, ctx: _Context) -> p.Node:
        left = self._from(join.left, ctx)
        if isinstance(join.right, ast.TableFunction) and join.right.name == "VECTOR_SEARCH":
            return self._vector_search(join, left, join.right, ctx)
        right = self._from(join.right, ctx)
        left_qualifiers = {f.qualifier for f in left.fields if f.qualifier}
        for f in right.fields:
            if f.qualifier and f.qualifier in left_qualifiers:
                raise PlanError(f"Duplicate relation name '{f.qualifier}' in FROM clause",
                                join.position)
        scope = left.fields + right.fields
        if join.using:
            equi = []
            for name in join.using:
                lf = _find(left.fields, None, name, join.position)
                rf = _find(right.fields, None, name, join.position)
                equi.append((b.Column(lf.column, lf.type), b.Column(rf.column, rf.type)))
            return p.Join(join.kind, left, right, tuple(equi), None)
        if join.on is None:
            return p.Join("CROSS", left, right, (), None)
        condition = ctx.binder.condition(join.on, scope, "ON")
        left_columns = {f.column for f in left.fields}
        right_columns = {f.column for f in right.fields}
        equi, residual = [], []
        for conjunct in _conjuncts(condition):
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
        rest = _and_all(residual)
        if rest is not None and join.kind != "INNER":
            raise PlanError(f"{join.kind} JOIN supports only equality conditions between the "
                            "two sides (a.x = b.y AND ...)", join.on.position)
        return p.Join(join.kind, left, right, tuple(equi), rest)

    # ------------------------------------------------------------ ML_PREDICT

    def _ml_predict(self, call: ast.TableFunction, ctx: _Context) -> p.Node:
        args = _ml_predict_args(call)
        table_arg, model_arg, descriptor_arg = args[0], args[1], args[2]
        if isinstance(table_arg.value, ast.TableArg):
            table_name = table_arg.value.name
        elif isinstance(table_arg.value, ast.ColumnRef) and table_arg.value.qualifier is None:
            table_name = ast.Name((table_arg.value.name,), table_arg.value.position)
        else:
            raise PlanError("First operand must be a table (TABLE t)", table_arg.position)
        if not isinstance(model_arg.value, ast.ModelArg):
            raise PlanError("Second operand must be a model identifier", model_arg.position)
        if not isinstance(descriptor_arg.value, ast.DescriptorArg):
            raise PlanError("Third operand must be a DESCRIPTOR of input columns",
                            descriptor_arg.position)
        model = self._model(model_arg.value.name)
        source = self._relation(table_name, None, ctx)
        descriptor = descriptor_arg.value
        for column in descriptor.columns:
            if column.qualifier is not None:
                raise PlanError("Table or column alias must be a simple identifier",
                                column.position)
        if len(descriptor.columns) != 1:  # the model checks guarantee one INPUT column
            raise PlanError(f"Number of descriptor input columns ({len(descriptor.columns)}) "
                            f"does not match model input size (1)", descriptor.position)
        column = descriptor.columns[0]
        field = _find(source.fields, None, column.name, column.position,
                      where=f"table '{table_name}'")
        if not types.can_assign(field.type, model.input_column.type):
            raise PlanError(f"Descriptor column '{column.name}' of type {field.type} cannot be "
                            f"the model input `{model.input_column.name}` of type "
                            f"{model.input_column.type}", column.position, len(column.name))
        config = RuntimeConfig().with_values(runtime_settings(ctx.settings))
        if len(args) == 4:
            config = config.with_values(_runtime_map(args[3]))
        taken = {f.name for f in source.fields}
        outputs = []
        for output in model.output_columns:
            name = output.name
            if name in taken:
                name = next(f"{output.name}{i}" for i in itertools.count()
                            if f"{output.name}{i}" not in taken)
            taken.add(name)
            outputs.append(self.field(name, types.nullable(output.type), call.alias))
        if call.alias:
            source = _requalify(source, tuple(f.name for f in source.fields), call.alias)
        return p.MlPredict(source, model, field.column, tuple(outputs), config, call.position,
                           ctx.path)

    def _vector_search(self, join: ast.Join, left: p.Node, call: ast.TableFunction,
                       ctx: _Context) -> p.Node:
        """Flink 2.2's VECTOR_SEARCH, laterally joined to the rows that hold the queries."""
        if join.kind not in ("CROSS", "INNER", "LEFT") or (
            join.on is not None and not (isinstance(join.on, ast.Literal)
                                         and join.on.value is True)):
            raise PlanError("VECTOR_SEARCH joins as `, LATERAL TABLE(...)` or "
                            "`LEFT JOIN LATERAL TABLE(...) ON TRUE`", join.position)
        args = _vector_search_args(call)
        table_arg, descriptor_arg, query_arg, top_k_arg = args
        if not isinstance(table_arg.value, (ast.TableArg, ast.ColumnRef)):
            raise PlanError("First operand must be a table (TABLE t)", table_arg.position)
        table_name = table_arg.value.name if isinstance(table_arg.value, ast.TableArg) else \
            ast.Name((table_arg.value.name,), table_arg.value.position)
        search = self._relation(table_name, call.alias or table_name.last, ctx)
        descriptor = descriptor_arg.value
        if not isinstance(descriptor, ast.DescriptorArg):
            raise PlanError("Second operand must be a DESCRIPTOR of the column to search",
                            descriptor_arg.position)
        if len(descriptor.columns) != 1:
            shown = ", ".join(c.name for c in descriptor.columns)
            raise PlanError("Expect parameter COLUMN_TO_SEARCH for VECTOR_SEARCH only contains "
                            "one column, but multiple columns are found in operand "
                            f"DESCRIPTOR({shown}).", descriptor.position)
        column = descriptor.columns[0]
        target = _find(search.fields, None, column.name, column.position,
                       where=f"table '{table_name}'")
        if not types.is_float_array(target.type):
            raise PlanError(f"Expect search column `{column.name}` type is ARRAY<FLOAT> or "
                            f"ARRAY<DOUBLE>, but its type is {target.type}.", column.position,
                            len(column.name))
        query, query_type = self._expr(query_arg.value, left.fields, ctx) \
            if not isinstance(query_arg.value, (ast.TableArg, ast.ModelArg, ast.DescriptorArg)) \
            else (None, None)
        if not isinstance(query, b.Column):
            raise PlanError("Third operand must be a column of the query table, such as "
                            "q.query_vector", query_arg.position)
        if not (types.is_float_array(query_type) or query_type.name == "NULL"):
            raise PlanError(f"Can not cast the query column type {query_type} to target type "
                            f"{target.type}. Please keep the query column type is same to the "
                            "search column type.", query_arg.position)
        top_k = top_k_arg.value
        if not (isinstance(top_k, ast.Literal) and top_k.kind == "INTEGER"):
            shown = getattr(top_k, "value", type(top_k).__name__)
            kind = types.literal_type(top_k.kind, top_k.value) if isinstance(top_k, ast.Literal) \
                else "an expression"
            raise PlanError("Expect parameter top_k is an INTEGER NOT NULL literal in "
                            f"VECTOR_SEARCH, but it is {shown} with type {kind}.",
                            top_k_arg.position)
        if top_k.value <= 0:  # type: ignore[operator]
            raise PlanError(f"Parameter top_k must be greater than 0, but was {top_k.value}.",
                            top_k_arg.position)
        taken = {f.name for f in search.fields}
        score_name = "score" if "score" not in taken else next(
            f"score{i}" for i in itertools.count() if f"score{i}" not in taken)
        score = self.field(score_name, types.nullable(types.DOUBLE, False),
                            call.alias or table_name.last)
        return p.VectorSearch(left, search, query.column, target.column, int(top_k.value),
                              join.kind == "LEFT", score)

    def _model(self, name: ast.Name) -> ModelSpec:
        key = str(name)
        model = self.catalog.models.get(key)
        if model is None:
            if f"model:{key}" in self.catalog.broken:
                raise Quiet()
            raise PlanError(f"Object '{key}' not found" + _suggest(key, self.catalog.models),
                            name.position, len(key))
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
    ctes: Mapping[str, "_Cte"]


@dataclass(frozen=True)
class _Cte:
    """A common table expression, planned where it is defined."""

    node: p.Node
    names: tuple[str, ...]




def _map_children(expr, fn, blank: bool = False):
    """`expr` with `fn` applied to each sub-expression (one level down); with `blank`, its
    position blanked. (Loops rather than comprehensions: each level of a tree costs as few
    Python frames as can be, see sql/nesting.py.)"""
    if isinstance(expr, tuple):
        return _map_value(expr, fn)
    if not is_dataclass(expr) or isinstance(expr, (Position, ast.DataType)):
        return expr
    changes = {}
    for f in fields(expr):
        if f.name == "position":
            if blank:
                changes["position"] = _NOWHERE
        else:
            changes[f.name] = _map_value(getattr(expr, f.name), fn)
    return replace(expr, **changes)


def _map_value(value, fn):
    if isinstance(value, tuple):
        mapped = []
        for item in value:
            mapped.append(_map_value(item, fn))
        return tuple(mapped)
    if is_dataclass(value) and not isinstance(value, (Position, ast.DataType)):
        return fn(value)
    return value


def _aliased(names: tuple[str, ...], aliases: tuple[tuple[str, Position], ...], owner: str,
             position: Position) -> tuple[str, ...]:
    """A relation's column names replaced by a column alias list, as long as they are."""
    if len(aliases) != len(names):
        shown = ", ".join(f"'{n}'" for n in names)
        raise PlanError(f"List of column aliases must have same degree as table; table '{owner}' "
                        f"has {len(names)} columns ({shown}), whereas alias list has "
                        f"{len(aliases)} columns", position)
    return tuple(n for n, _ in aliases)


def check_unique(columns, owner: str) -> None:
    """Each name of `columns` ((name, position) pairs) once, or a located error."""
    seen = set()
    for name, position in columns:
        if name in seen:
            raise PlanError(f"Duplicate column name '{name}' in {owner}", position, len(name))
        seen.add(name)


def _requalify(node: p.Node, names: tuple[str, ...], qualifier: str | None) -> p.Node:
    """Give a subquery's or function's output fields their SQL names under a new qualifier."""
    fields = tuple(replace(f, name=n, qualifier=qualifier) for f, n in zip(node.fields, names))
    items = tuple((b.Column(f.column, f.type), nf)
                  for f, nf in zip(node.fields, fields))
    return p.Project(node, items)


def _ordered_args(call: ast.TableFunction, names: list[str], required: int
                  ) -> list[ast.FunctionArg]:
    """A table function's arguments in `names` order: positional as written, or all named."""
    args = list(call.args)
    named = [a for a in args if a.name]
    if named and len(named) != len(args):
        raise PlanError(f"{call.name} arguments must be all positional or all named",
                        named[0].position)
    if not named:
        return args
    by_name: dict[str, ast.FunctionArg] = {}
    for arg in args:
        if arg.name not in names:
            raise PlanError(f"Unknown argument name '{arg.name}' for {call.name}; expected "
                            f"{', '.join(names)}", arg.position)
        if arg.name in by_name:
            raise PlanError(f"Argument '{arg.name}' is given twice", arg.position)
        by_name[arg.name] = arg
    missing = [n for n in names[:required] if n not in by_name]
    if missing:
        raise PlanError(f"{call.name} is missing the argument {missing[0]}", call.position,
                        len(call.name))
    return [by_name[n] for n in names if n in by_name]


def _ml_predict_args(call: ast.TableFunction) -> list[ast.FunctionArg]:
    args = _ordered_args(call, ["INPUT", "MODEL", "ARGS", "CONFIG"], required=3)
    if len(args) not in (3, 4):
        raise PlanError("Invalid number of arguments to function 'ML_PREDICT'. "
                        "Was expecting 3 arguments (or 4 with a config MAP)", call.position,
                        len(call.name))
    return args


def _vector_search_args(call: ast.TableFunction) -> list[ast.FunctionArg]:
    args = _ordered_args(call, ["SEARCH_TABLE", "COLUMN_TO_SEARCH", "COLUMN_TO_QUERY", "TOP_K"],
                         required=4)
    if len(args) != 4:
        raise PlanError("Invalid number of arguments to function 'VECTOR_SEARCH'. Was "
                        "expecting 4 arguments: VECTOR_SEARCH(TABLE search_table, "
                        "DESCRIPTOR(column_to_search), column_to_query, top_k)", call.position,
                        len(call.name))
    return args


def _runtime_map(arg: ast.FunctionArg) -> dict[str, object]:
    value = arg.value
    message = ("ML_PREDICT config param can only be a MAP of string literals, "
               "such as MAP['async', 'true', 'timeout', '30s']")
    if not isinstance(value, ast.MapLiteral):
        raise PlanError(message, arg.position)
    if len(value.items) % 2 or not all(
        isinstance(i, ast.Literal) and i.kind == "STRING" for i in value.items
    ):
        raise PlanError(message, value.position)
    result: dict[str, object] = {}
    for key_literal, value_literal in zip(value.items[::2], value.items[1::2]):
        key = str(key_literal.value)  # type: ignore[union-attr]
        parse = RUNTIME_OPTIONS.get(key)
        if parse is None:
            raise PlanError(f"Unsupported ML_PREDICT config '{key}'"
                            + (_suggest(key, RUNTIME_OPTIONS) or
                               f"; supported: {', '.join(RUNTIME_OPTIONS)}"),
                            key_literal.position, len(key) + 2)
        try:
            result[key] = parse(str(value_literal.value))  # type: ignore[union-attr]
        except ValueError as error:
            raise PlanError(f"invalid value for ML_PREDICT config '{key}': {error}",
                            value_literal.position) from None
    return result


def _conjuncts(expr: b.Expr) -> list[b.Expr]:
    """The terms of a condition's AND chains (nested ones too, as `a AND (b AND c)`)."""
    found, pending = [], [expr]
    while pending:
        item = pending.pop()
        if isinstance(item, b.Call) and item.name == "AND":
            pending.extend(reversed(item.args))
        else:
            found.append(item)
    return found


def _and_all(exprs: list[b.Expr]) -> b.Expr | None:
    if len(exprs) <= 1:
        return exprs[0] if exprs else None
    return b.Call("AND", tuple(exprs), types.nullable(types.BOOLEAN,
                                                      any(e.type.nullable for e in exprs)))


def _subexpressions(expr):
    """The expressions one level below `expr` (in tuples too, as CASE's WHEN pairs)."""
    def visit(value):
        if isinstance(value, tuple):
            for item in value:
                yield from visit(item)
        elif is_dataclass(value) and not isinstance(value, (Position, ast.DataType)):
            yield value

    for f in fields(expr):
        if f.name != "position":
            yield from visit(getattr(expr, f.name))


def _has_aggregate(expr) -> bool:
    if isinstance(expr, ast.FunctionCall) and expr.name in AGGREGATES:
        return True
    for sub in _subexpressions(expr):
        if _has_aggregate(sub):
            return True
    return False


