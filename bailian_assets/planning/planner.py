"""Queries -> logical plans, with Flink's validation and (where Flink has them) its messages.

The planner resolves names (tables, views, models, columns), infers types, plans ML_PREDICT,
and checks an INSERT's query against its sink. Each problem stops the statement it is in and is
reported with its place; the other statements are still planned, so a file's errors come together.
"""

from __future__ import annotations

import difflib
import itertools
import os
from dataclasses import dataclass, fields, is_dataclass, replace
from typing import Callable, Iterable, Mapping

from bailian_assets.errors import Position
from bailian_assets.planning import plan as p
from bailian_assets.planning import types
from bailian_assets.planning.catalog import Catalog, InsertDef, ViewDef, runtime_settings
from bailian_assets.planning.connectors import TableSpec
from bailian_assets.planning.functions import AGGREGATES, FUNCTIONS
from bailian_assets.planning.models import RUNTIME_OPTIONS, ModelSpec, RuntimeConfig
from bailian_assets.planning.options import Problem
from bailian_assets.sql import ast
from bailian_assets.sql.variables import VariableError, substitute


_INTEGERS = {"TINYINT", "SMALLINT", "INT", "BIGINT"}
_LITERAL_TYPES = {kind: types.literal_type(kind, None) for kind in ("DECIMAL", "DOUBLE",
                                                                      "BOOLEAN", "NULL")}
_ONE_CHAR = ast.DataType("CHAR", (1,), nullable=False)
_INT, _BIGINT = types.literal_type("INTEGER", 0), types.literal_type("INTEGER", 2**31)


class PlanError(Exception):
    def __init__(self, message: str, position: Position, length: int = 1):
        super().__init__(message)
        self.problem = Problem(message, position, length)


@dataclass(frozen=True)
class PlannedInsert:
    sink: TableSpec
    query: p.PlannedQuery  # output names and types are the sink's columns
    statement: ast.Insert
    path: str


class Planner:
    """Plans the views and INSERTs of a catalog; problems go to `report(path, problem)`."""

    def __init__(self, catalog: Catalog, report: Callable[[str, Problem], None],
                 environ: Mapping[str, str] | None = None):
        self.catalog = catalog
        self.report = report
        self.environ = os.environ if environ is None else environ
        self._views: dict[str, p.PlannedQuery | None] = {}
        self._ids = itertools.count()

    # ------------------------------------------------------------ entry points

    def view(self, name: str) -> p.PlannedQuery | None:
        """The plan of a view (memoized); None when the view has errors.

        The views it reads are planned first, from a stack of its own rather than by recursion:
        a chain of a thousand views, each reading the one before, costs no Python stack."""
        pending = [name]
        while pending:
            current = pending[-1]
            if current in self._views:
                pending.pop()
                continue
            view = self.catalog.views[current]
            try:
                self._views[current] = self._plan_view(view)
            except _Unplanned as needed:
                if needed.name in pending:  # a cycle: reported by the view that closes it
                    cycle = " -> ".join(pending[pending.index(needed.name):] + [needed.name])
                    self.report(view.path, Problem(
                        f"view '{needed.name}' refers to itself ({cycle})", needed.position,
                        len(needed.name)))
                    self._views[current] = None
                else:
                    pending.append(needed.name)
            except PlanError as error:
                if not isinstance(error, _Quiet):
                    self.report(view.path, error.problem)
                self._views[current] = None
        return self._views[name]

    def insert(self, definition: InsertDef) -> PlannedInsert | None:
        while True:
            try:
                return self._plan_insert(definition)
            except _Unplanned as needed:
                self.view(needed.name)  # then plan the INSERT again, its views known
            except PlanError as error:
                if not isinstance(error, _Quiet):
                    self.report(definition.path, error.problem)
                return None

    # ------------------------------------------------------------ views and inserts

    def _plan_view(self, view: ViewDef) -> p.PlannedQuery:
        statement = view.statement
        planned = self._query(statement.query, view.path, view.settings)
        if statement.columns:
            if len(statement.columns) != len(planned.names):
                raise PlanError(
                    f"view '{view.name}' declares {len(statement.columns)} columns "
                    f"({', '.join(n for n, _ in statement.columns)}) but its query returns "
                    f"{len(planned.names)} ({', '.join(planned.names)})",
                    statement.name.position, len(view.name))
            names = tuple(n for n, _ in statement.columns)
            _check_unique(statement.columns, f"view '{view.name}'")
            planned = replace(planned, names=names)
        else:
            _check_unique([(n, statement.position) for n in planned.names], f"view '{view.name}'")
        return planned

    def _plan_insert(self, definition: InsertDef) -> PlannedInsert:
        statement = definition.statement
        target = definition.target
        sink = self.catalog.tables.get(target)
        if sink is None:
            if target in self.catalog.views:
                raise PlanError(f"'{target}' is a view; INSERT INTO needs a table",
                                statement.target.position, len(target))
            if f"table or view:{target}" in self.catalog.broken:
                raise _Quiet()
            raise PlanError(f"Object '{target}' not found", statement.target.position,
                            len(target))
        planned = self._query(statement.query, definition.path, definition.settings)
        sink_columns = {c.name: c for c in sink.columns}
        if statement.columns:
            for name, position in statement.columns:
                if name not in sink_columns:
                    raise PlanError(f"Unknown target column '{name}' of table '{target}'",
                                    position, len(name))
            _check_unique(statement.columns, f"the column list of INSERT INTO {target}")
            targets = [sink_columns[n] for n, _ in statement.columns]
        else:
            targets = list(sink.columns)
        self._check_against_sink(planned, targets, sink, statement)
        query = planned
        if statement.columns:  # columns the INSERT does not name get NULL
            query = self._fill_missing(planned, targets, sink)
        names = tuple(c.name for c in sink.columns)
        sink_types = tuple(c.type for c in sink.columns)
        return PlannedInsert(sink, replace(query, names=names, types=sink_types), statement,
                             definition.path)

    def _check_against_sink(self, planned: p.PlannedQuery, targets, sink: TableSpec,
                            statement: ast.Insert) -> None:
        def schema(names, column_types):
            return "[" + ", ".join(f"{n}: {t}" for n, t in zip(names, column_types)) + "]"

        query_schema = schema(planned.names, planned.types)
        sink_schema = schema([c.name for c in targets], [c.type for c in targets])
        head = f"Column types of query result and sink for '{sink.name}' do not match. Cause: "
        tail = f". Query schema: {query_schema}. Sink schema: {sink_schema}"
        if len(planned.names) != len(targets):
            raise PlanError(head + "Different number of columns" + tail, planned.position)
        items = _select_items(statement.query)
        for index, (query_type, column) in enumerate(zip(planned.types, targets)):
            if not types.can_assign(query_type, column.type):
                where = items[index].position if index < len(items) else planned.position
                raise PlanError(head + f"Incompatible types for sink column '{column.name}' at "
                                f"position {index}" + tail, where)

    def _fill_missing(self, planned: p.PlannedQuery, targets, sink: TableSpec) -> p.PlannedQuery:
        given = {c.name: (f, t) for c, f, t in zip(targets, planned.root.fields, planned.types)}
        items = []
        for column in sink.columns:
            if column.name in given:
                field, _ = given[column.name]
                items.append((ast.ColumnRef(None, field.column, planned.position), field))
            else:
                field = self._field(column.name, column.type, None)
                items.append((ast.Literal(None, "NULL", planned.position), field))
        root = p.Project(planned.root, tuple(items))
        return replace(planned, root=root)

    # ------------------------------------------------------------ queries

    def _query(self, query: ast.Query, path: str, settings: Mapping[str, str]) -> p.PlannedQuery:
        ctx = _Context(path, settings)
        node, names = self._query_node(query, ctx)
        column_types = tuple(f.type for f in node.fields)
        return p.PlannedQuery(node, names, column_types, path,
                              query.position or query.body.position)

    def _query_node(self, query: ast.Query, ctx: _Context) -> tuple[p.Node, tuple[str, ...]]:
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
                    keys.append((ast.ColumnRef(None, field.column, item.position),
                                 item.descending))
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
            bound, changed = [], False
            for i, expr in enumerate(row):
                bound_expr, t = self._value(expr, ctx)
                changed = changed or bound_expr is not expr
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
            rows.append(tuple(bound) if changed else row)  # share the tree's row when unchanged
        names = tuple(f"EXPR${i}" for i in range(width))
        fields = tuple(self._field(n, _concrete(t), None) for n, t in zip(names, column_types))
        return p.ValuesNode(tuple(rows), fields), names

    def _value(self, expr: ast.Expr, ctx: _Context):
        """A VALUES value bound. A plain literal (a large VALUES list is millions of them) is
        typed without building anything: a string's length does not matter in a column of
        several rows, where CHAR(n) of any n becomes STRING (see `_concrete`)."""
        if type(expr) is ast.Literal and not (expr.kind == "STRING" and "${" in expr.value):
            if expr.kind == "STRING":
                return expr, _ONE_CHAR
            if expr.kind == "INTEGER":
                return expr, _INT if -2**31 <= expr.value < 2**31 else _BIGINT  # type: ignore
            return expr, _LITERAL_TYPES[expr.kind]
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
        fields = tuple(self._field(a.name, t, None) for a, t in zip(first.fields, column_types))
        return p.SetUnion(tuple(nodes), body.op == "UNION", fields), names

    def _select(self, select: ast.Select, ctx: _Context):
        if select.from_ is None:
            node: p.Node = p.ValuesNode(((),), ())
        else:
            node = self._from(select.from_, ctx)
        scope = node.fields
        if select.where is not None:
            predicate, t = self._expr(select.where, scope, ctx)
            _require_boolean(t, select.where, "WHERE")
            node = p.Filter(node, predicate)
        exprs = [item.expr for item in select.items]
        if select.group_by or select.having is not None or any(map(_has_aggregate, exprs)):
            node, exprs, having = self._aggregate(node, select, ctx)
            scope = node.fields
            if having is not None:
                predicate, t = self._expr(having, scope, ctx)
                _require_boolean(t, select.having, "HAVING")
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
                    items.append((ast.ColumnRef(None, f.column, item.position),
                                  self._field(f.name, f.type, None)))
                    names.append(f.name)
                continue
            expr, t = self._expr(exprs[index], scope, ctx)
            name = item.alias or (item.expr.name if isinstance(item.expr, ast.ColumnRef)
                                  else f"EXPR${index}")
            items.append((expr, self._field(name, t, None)))
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
            keys.append((bound, self._inner_field(name, t)))
            key_of.setdefault(_strip(bound), keys[-1][1])
        aggregates: list[tuple[ast.FunctionCall, p.Field]] = []
        aggregate_of: dict[object, p.Field] = {}

        def rewrite(expr):
            if isinstance(expr, ast.FunctionCall) and expr.name in AGGREGATES:
                call, t = self._aggregate_call(expr, scope, ctx)
                stripped = _strip(call)
                if stripped not in aggregate_of:
                    aggregate_of[stripped] = self._inner_field(expr.name, t)
                    aggregates.append((call, aggregate_of[stripped]))
                return ast.ColumnRef(None, aggregate_of[stripped].column, expr.position)
            if not _has_aggregate(expr):
                try:
                    bound, _ = self._expr(expr, scope, ctx)
                except PlanError:
                    bound = None
                if bound is not None and _strip(bound) in key_of:
                    return ast.ColumnRef(None, key_of[_strip(bound)].column, expr.position)
            if isinstance(expr, (ast.ColumnRef, ast.Star)):
                shown = "*" if isinstance(expr, ast.Star) else (
                    f"{expr.qualifier}.{expr.name}" if expr.qualifier else expr.name)
                raise PlanError(f"Expression '{shown}' is not being grouped", expr.position,
                                len(shown))
            return _map_children(expr, rewrite)

        exprs = [rewrite(item.expr) for item in select.items]
        having = rewrite(select.having) if select.having is not None else None
        return p.Aggregate(node, tuple(keys), tuple(aggregates)), exprs, having

    def _aggregate_call(self, call: ast.FunctionCall, scope, ctx: _Context):
        if call.star:
            if call.name != "COUNT":
                raise PlanError(f"'*' is allowed only in COUNT(*), not in {call.name}",
                                call.position)
            return call, types.nullable(types.BIGINT, False)
        if len(call.args) != 1:
            raise PlanError(f"Invalid number of arguments to function '{call.name}'. "
                            "Was expecting 1 arguments", call.position, len(call.name))
        arg, t = self._expr(call.args[0], scope, ctx)
        bound = replace(call, args=(arg,))
        if call.name == "COUNT":
            return bound, types.nullable(types.BIGINT, False)
        if call.name in ("SUM", "AVG") and not (types.is_numeric(t) or t.name in ("NULL",
                                                                               "UNKNOWN")):
            raise PlanError(f"Cannot apply '{call.name}' to arguments of type '{call.name}(<{t}>)'",
                            call.position, len(call.name))
        if call.name == "SUM" and t.name in _INTEGERS:
            return bound, types.BIGINT
        return bound, types.nullable(_concrete(t))

    # ------------------------------------------------------------ FROM

    def _from(self, item: ast.FromItem, ctx: _Context) -> p.Node:
        if isinstance(item, ast.TableRef):
            return self._relation(item.name, item.alias, ctx)
        if isinstance(item, ast.SubqueryRef):
            node, names = self._query_node(item.query, ctx)
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
        if key in self.catalog.views:
            if key not in self._views:
                raise _Unplanned(key, name.position)
            planned = self._views[key]
            if planned is None:
                raise _Quiet()
            fields = tuple(self._field(n, t, qualifier) for n, t in zip(planned.names,
                                                                          planned.types))
            return p.Scan(key, planned.names, fields)
        if key in self.catalog.tables:
            table = self.catalog.tables[key]
            if table.is_sink_only:
                raise PlanError(f"table '{key}' uses the '{table.connector}' connector, which "
                                "can only be written to", name.position, len(key))
            fields = tuple(self._field(c.name, c.type, qualifier) for c in table.columns)
            return p.Scan(key, tuple(c.name for c in table.columns), fields)
        if f"table or view:{key}" in self.catalog.broken:
            raise _Quiet()
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
                equi.append((ast.ColumnRef(None, lf.column, join.position),
                             ast.ColumnRef(None, rf.column, join.position)))
            return p.Join(join.kind, left, right, tuple(equi), None)
        if join.on is None:
            return p.Join("CROSS", left, right, (), None)
        condition, t = self._expr(join.on, scope, ctx)
        _require_boolean(t, join.on, "ON")
        left_columns = {f.column for f in left.fields}
        right_columns = {f.column for f in right.fields}
        equi, residual = [], []
        for conjunct in _conjuncts(condition):
            if isinstance(conjunct, ast.BinaryOp) and conjunct.op == "=":
                a, b = _columns_of(conjunct.left), _columns_of(conjunct.right)
                if a and b and a <= left_columns and b <= right_columns:
                    equi.append((conjunct.left, conjunct.right))
                    continue
                if a and b and a <= right_columns and b <= left_columns:
                    equi.append((conjunct.right, conjunct.left))
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
            outputs.append(self._field(name, types.nullable(output.type), call.alias))
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
        if not isinstance(query, ast.ColumnRef):
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
        score = self._field(score_name, types.nullable(types.DOUBLE, False),
                            call.alias or table_name.last)
        return p.VectorSearch(left, search, query.name, target.column, int(top_k.value),
                              join.kind == "LEFT", score)

    def _model(self, name: ast.Name) -> ModelSpec:
        key = str(name)
        model = self.catalog.models.get(key)
        if model is None:
            if f"model:{key}" in self.catalog.broken:
                raise _Quiet()
            raise PlanError(f"Object '{key}' not found" + _suggest(key, self.catalog.models),
                            name.position, len(key))
        return model

    # ------------------------------------------------------------ expressions

    def _expr(self, expr: ast.Expr, scope: tuple[p.Field, ...], ctx: _Context):
        """Bind `expr` to `scope`: column references become frame columns; returns (expr, type)."""
        if isinstance(expr, ast.Literal):
            if expr.kind == "STRING" and "${" in str(expr.value):
                expr = self._substitute(expr)
            return expr, types.literal_type(expr.kind, expr.value)
        if isinstance(expr, ast.ColumnRef):
            field = _find(scope, expr.qualifier, expr.name, expr.position)
            return ast.ColumnRef(None, field.column, expr.position), field.type
        if isinstance(expr, ast.FunctionCall):
            return self._function(expr, scope, ctx)
        if isinstance(expr, ast.Chain):
            return self._chain(expr, scope, ctx)
        if isinstance(expr, ast.BinaryOp):
            left, lt = self._expr(expr.left, scope, ctx)
            right, rt = self._expr(expr.right, scope, ctx)
            result = _binary_type(expr, lt, rt)
            op = expr.op
            if op == "/" and _INTEGERS >= {lt.name, rt.name}:
                op = "DIV"  # Flink divides integers as integers; the executor must know
            return replace(expr, op=op, left=left, right=right), result
        if isinstance(expr, ast.UnaryOp):
            operand, t = self._expr(expr.operand, scope, ctx)
            if expr.op == "NOT":
                _require_boolean(t, expr.operand, "NOT")
                return replace(expr, operand=operand), types.BOOLEAN
            if not (types.is_numeric(t) or t.name in ("NULL", "UNKNOWN")):
                raise PlanError(f"Cannot apply '{expr.op}' to {t}", expr.position)
            return replace(expr, operand=operand), t
        if isinstance(expr, ast.Case):
            return self._case(expr, scope, ctx)
        if isinstance(expr, ast.Cast):
            inner, _ = self._expr(expr.expr, scope, ctx)
            return replace(expr, expr=inner), types.nullable(expr.type)
        if isinstance(expr, ast.IsNull):
            inner, _ = self._expr(expr.expr, scope, ctx)
            return replace(expr, expr=inner), types.nullable(types.BOOLEAN, False)
        if isinstance(expr, ast.InList):
            inner, t = self._expr(expr.expr, scope, ctx)
            items = []
            for item in expr.items:
                bound, it = self._expr(item, scope, ctx)
                _require_comparable(t, it, item, "IN")
                items.append(bound)
            return replace(expr, expr=inner, items=tuple(items)), types.BOOLEAN
        if isinstance(expr, ast.Between):
            inner, t = self._expr(expr.expr, scope, ctx)
            low, lt = self._expr(expr.low, scope, ctx)
            high, ht = self._expr(expr.high, scope, ctx)
            _require_comparable(t, lt, expr.low, "BETWEEN")
            _require_comparable(t, ht, expr.high, "BETWEEN")
            return replace(expr, expr=inner, low=low, high=high), types.BOOLEAN
        if isinstance(expr, ast.Like):
            inner, _ = self._expr(expr.expr, scope, ctx)
            pattern, _ = self._expr(expr.pattern, scope, ctx)
            return replace(expr, expr=inner, pattern=pattern), types.BOOLEAN
        if isinstance(expr, ast.Star):
            raise PlanError("'*' is allowed only in the SELECT list and in COUNT(*)",
                            expr.position)
        raise PlanError("MAP[...] is allowed only as the config argument of ML_PREDICT",
                        expr.position)

    def _substitute(self, literal: ast.Literal) -> ast.Literal:
        """`${NAME}` and `${NAME:-default}` in a query's string literal; secrets are refused,
        since a query's values end up in sinks and logs."""
        text = str(literal.value)
        try:
            result = substitute(text, text, self.environ)
        except VariableError as error:
            raise PlanError(error.message, _shift(literal.position, error.start + 1),
                            error.length) from None
        secret = next((r for r in result.references if r.secret), None)
        if secret is not None:
            raise PlanError("secret values can be used only in WITH options, where they stay "
                            "hidden", _shift(literal.position, secret.start + 1), secret.length)
        return replace(literal, value=result.value)

    def _function(self, call: ast.FunctionCall, scope, ctx: _Context):
        if call.name in AGGREGATES:
            raise PlanError(f"Aggregate function {call.name} is not allowed here",
                            call.position, len(call.name))
        signature = FUNCTIONS.get(call.name)
        if signature is None:
            raise PlanError(f"No match found for function '{call.name}'"
                            + _suggest(call.name, FUNCTIONS), call.position, len(call.name))
        count = len(call.args)
        if count < signature.min_args or (signature.max_args is not None
                                          and count > signature.max_args):
            expected = (str(signature.min_args) if signature.min_args == signature.max_args
                        else f"{signature.min_args} to {signature.max_args or 'any number of'}")
            raise PlanError(f"Invalid number of arguments to function '{call.name}'. "
                            f"Was expecting {expected} arguments", call.position, len(call.name))
        args, arg_types = [], []
        for arg in call.args:  # a loop, not a comprehension: one frame less per level
            bound, t = self._expr(arg, scope, ctx)
            args.append(bound)
            arg_types.append(t)
        return replace(call, args=tuple(args)), signature.returns(arg_types)

    def _chain(self, chain: ast.Chain, scope, ctx: _Context):
        """AND and OR need BOOLEAN operands; `||` makes a STRING of anything."""
        operands = []
        for operand in chain.operands:
            bound, t = self._expr(operand, scope, ctx)
            if chain.op != "||":
                _require_boolean(t, operand, chain.op)
            operands.append(bound)
        result = types.STRING if chain.op == "||" else types.BOOLEAN
        return replace(chain, operands=tuple(operands)), result

    def _case(self, case: ast.Case, scope, ctx: _Context):
        operand = None
        operand_type = None
        if case.operand is not None:
            operand, operand_type = self._expr(case.operand, scope, ctx)
        whens = []
        result = types.NULL
        for condition, value in case.whens:
            bound_condition, ct = self._expr(condition, scope, ctx)
            if operand_type is None:
                _require_boolean(ct, condition, "WHEN")
            else:
                _require_comparable(operand_type, ct, condition, "CASE")
            bound_value, vt = self._expr(value, scope, ctx)
            result = _merge(result, vt, value)
            whens.append((bound_condition, bound_value))
        else_ = None
        if case.else_ is not None:
            else_, et = self._expr(case.else_, scope, ctx)
            result = _merge(result, et, case.else_)
        result = types.nullable(result, case.else_ is None or result.nullable)
        return replace(case, operand=operand, whens=tuple(whens), else_=else_), _concrete(result)

    # ------------------------------------------------------------ helpers

    def _field(self, name: str, data_type: ast.DataType, qualifier: str | None) -> p.Field:
        return p.Field(name, data_type, qualifier, f"{name}#{next(self._ids)}")

    def _inner_field(self, name: str, data_type: ast.DataType) -> p.Field:
        """A field SQL cannot name, only the planner's rewritten expressions (by column)."""
        field = self._field(name, data_type, None)
        return replace(field, name=field.column)


@dataclass(frozen=True)
class _Context:
    path: str
    settings: Mapping[str, str]


class _Quiet(PlanError):
    """A reference to something whose own declaration already failed: reported there, once."""

    def __init__(self):
        super().__init__("", Position(0, 0, 0))


class _Unplanned(Exception):
    """A query reads view `name`, not planned yet: the caller plans it, then tries again.
    (Not a PlanError, so that no `except PlanError` takes it for a mistake in the SQL.)"""

    def __init__(self, name: str, position: Position):
        super().__init__(name)
        self.name = name
        self.position = position


# ------------------------------------------------------------------ free helpers


_NOWHERE = Position(0, 0, 0)


def _strip(node):
    """`node` with every position blanked, so equal expressions compare equal."""
    return _map_children(node, _strip, blank=True)


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


def _shift(position: Position, chars: int) -> Position:
    return Position(position.line, position.col + chars, position.offset + chars)


def _find(scope: Iterable[p.Field], qualifier: str | None, name: str, position: Position,
          where: str | None = None) -> p.Field:
    scope = tuple(scope)
    if qualifier is not None and not any(f.qualifier == qualifier for f in scope):
        raise PlanError(f"Table '{qualifier}' not found", position, len(qualifier))
    candidates = [f for f in scope if f.name == name and qualifier in (None, f.qualifier)]
    if len(candidates) == 1:
        return candidates[0]
    full = f"{qualifier}.{name}" if qualifier else name
    if len(candidates) > 1:
        raise PlanError(f"Column '{name}' is ambiguous", position, len(full))
    names = [f.name for f in scope if qualifier in (None, f.qualifier)]
    place = f" in {where}" if where else (f" in table '{qualifier}'" if qualifier
                                          else " in any table")
    raise PlanError(f"Column '{name}' not found{place}" + _suggest(name, names), position,
                    len(full))


def _suggest(name: str, candidates: Iterable[str]) -> str:
    candidates = list(candidates)
    exact = [c for c in candidates if c.lower() == name.lower()]
    close = exact or difflib.get_close_matches(name, candidates, n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


def _check_unique(columns, owner: str) -> None:
    seen = set()
    for name, position in columns:
        if name in seen:
            raise PlanError(f"Duplicate column name '{name}' in {owner}", position, len(name))
        seen.add(name)


def _requalify(node: p.Node, names: tuple[str, ...], qualifier: str | None) -> p.Node:
    """Give a subquery's or function's output fields their SQL names under a new qualifier."""
    fields = tuple(replace(f, name=n, qualifier=qualifier) for f, n in zip(node.fields, names))
    items = tuple((ast.ColumnRef(None, f.column, Position(0, 0, 0)), nf)
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


def _binary_type(expr: ast.BinaryOp, lt: ast.DataType, rt: ast.DataType) -> ast.DataType:
    op = expr.op
    if op in ("=", "<>", "<", "<=", ">", ">="):
        _require_comparable(lt, rt, expr, op)
        return types.BOOLEAN
    for t in (lt, rt):
        if not (types.is_numeric(t) or t.name in ("NULL", "UNKNOWN")):
            raise PlanError(f"Cannot apply '{op}' to arguments of type '<{lt}> {op} <{rt}>'",
                            expr.position)
    if op == "/" and _INTEGERS >= {lt.name, rt.name}:
        return types.common_type(lt, rt) or types.UNKNOWN
    return types.nullable(types.common_type(lt, rt) or types.UNKNOWN)


def _require_boolean(t: ast.DataType, expr, where: str) -> None:
    if t.name not in ("BOOLEAN", "NULL", "UNKNOWN"):
        raise PlanError(f"{where} needs a BOOLEAN condition, found {t}", expr.position)


def _require_comparable(a: ast.DataType, b: ast.DataType, expr, op: str) -> None:
    if types.common_type(a, b) is None:
        raise PlanError(f"Cannot apply '{op}' to arguments of type '<{a}> {op} <{b}>'",
                        expr.position)


def _merge(result: ast.DataType, t: ast.DataType, expr) -> ast.DataType:
    merged = types.common_type(result, t)
    if merged is None:
        raise PlanError(f"CASE branches mix {result} and {t}", expr.position)
    return merged


def _concrete(t: ast.DataType) -> ast.DataType:
    """Frame columns need a real type: a column of only NULLs becomes a nullable STRING."""
    if t.name == "NULL":
        return types.STRING
    if t.name == "CHAR":
        return types.nullable(types.STRING, t.nullable)
    return t


def _conjuncts(expr: ast.Expr) -> list[ast.Expr]:
    """The terms of a condition's AND chains (nested ones too, as `a AND (b AND c)`)."""
    found, pending = [], [expr]
    while pending:
        item = pending.pop()
        if isinstance(item, ast.Chain) and item.op == "AND":
            pending.extend(reversed(item.operands))
        else:
            found.append(item)
    return found


def _and_all(exprs: list[ast.Expr]) -> ast.Expr | None:
    if len(exprs) <= 1:
        return exprs[0] if exprs else None
    return ast.Chain("AND", tuple(exprs), exprs[0].position)


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


def _columns_of(expr) -> set[str]:
    if isinstance(expr, ast.ColumnRef):
        return {expr.name}
    found: set[str] = set()
    for sub in _subexpressions(expr):
        found |= _columns_of(sub)
    return found


def _has_aggregate(expr) -> bool:
    if isinstance(expr, ast.FunctionCall) and expr.name in AGGREGATES:
        return True
    for sub in _subexpressions(expr):
        if _has_aggregate(sub):
            return True
    return False


def _select_items(query: ast.Query) -> tuple[ast.SelectItem, ...]:
    return query.body.items if isinstance(query.body, ast.Select) else ()
