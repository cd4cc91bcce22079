"""The binder: syntax-tree expressions -> bound expressions (`bound.py`), against a scope.

It resolves column names in the scope's fields (with Flink's messages: "Column 'x' not found
in any table; did you mean 'y'?", ambiguity), looks functions up in the registries
(`functions/`) and checks their typed signatures at plan time, types operators
(`functions/operators.py`), and substitutes `${...}` variables in string literals. Every
mistake is a located `PlanError`.

It binds one expression at a time; the builder (`builder.py`) decides the scope: a FROM
clause's fields, an aggregate's output, an ORDER BY's select list. How to add a kind of
expression: a binding method here, registered in `_RULES`, returning a new `bound.py` node.
Type rules live in `types.py` (common types, literal types, implicit casts), never here.
Where an instant (TIMESTAMP_LTZ) meets a wall time (a TIMESTAMP, a CAST to text, DATE or TIME,
a field function), the binder converts it explicitly in the session time zone (`in_zone`,
`alike`), so that the executor never reads an instant in a zone of its own.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from bailian_assets.errors import Position
from bailian_assets.planning import bound as b
from bailian_assets.planning import types
from bailian_assets.planning.folding import folded_cast
from bailian_assets.planning.functions import (
    AGGREGATES,
    FUNCTIONS,
    GROUPINGS,
    WINDOWS,
    SignatureError,
    check_call,
    collection,
    temporal,
    unknown_signature,
)
from bailian_assets.planning.functions import operators as ops
from bailian_assets.planning.plan import Field, Node, Project
from bailian_assets.planning.plan_errors import PlanError
from bailian_assets.planning.window_frames import bind_frame, check_frame_allowed
from bailian_assets.sql import ast
from bailian_assets.sql.ast import DataType
from bailian_assets.sql.reserved import NILADIC
from bailian_assets.sql.variables import VariableError, substitute

Scope = Sequence[Field]
# the types a TIMESTAMP_LTZ casts to, and from, through its wall time in the session zone
_WALL_TIME_TYPES = ("CHAR", "VARCHAR", "STRING", "TIMESTAMP", "DATE", "TIME")


@dataclass(frozen=True)
class Binder:
    """Binds the expressions of one statement (`path`, its `SET` values, the environment for
    `${...}`)."""

    path: str
    settings: Mapping[str, str]
    environ: Mapping[str, str]
    # the fields of each enclosing query, innermost first: a subquery's names that its own
    # FROM clause lacks resolve there (a correlated reference, to a column of another frame)
    outer: tuple[tuple[Field, ...], ...] = ()

    def bind(self, expr: ast.Expr, scope: Scope) -> b.Expr:
        """`expr` bound to `scope` (recursive: the parser bounds nesting; chains are flat)."""
        rule = _RULES.get(type(expr))
        if rule is None:
            if isinstance(expr, ast.Star):
                raise PlanError(
                    "'*' is allowed only in the SELECT list and in COUNT(*)", expr.position
                )
            if isinstance(expr, ast.Subquery):  # the builder takes those it can plan first
                raise PlanError(
                    "subqueries are supported in WHERE, HAVING and the SELECT list", expr.position
                )
            raise PlanError(f"unsupported expression {type(expr).__name__}", expr.position)
        return rule(self, expr, scope)

    def condition(self, expr: ast.Expr, scope: Scope, where: str) -> b.Expr:
        """A WHERE, HAVING, ON or WHEN condition: BOOLEAN."""
        bound = self.bind(expr, scope)
        _require(lambda: ops.require_boolean(bound.type, where), expr)
        return bound

    def aggregate(
        self, call: ast.FunctionCall, scope: Scope, keyed: bool = False
    ) -> b.AggregateCall:
        """An aggregate call over the rows of `scope`, typed by its declaration, with its
        FILTER (WHERE ...) condition. `keyed`: the GROUP BY names a key, so that, as Calcite
        types it for Flink, a group has rows and an aggregate NULL only over no rows
        (`null_if_empty`) is NOT NULL where its arguments are and no FILTER applies."""
        function = AGGREGATES[call.name]
        condition = None if call.filter is None else self._filter(call.filter, scope)
        if call.star:
            if not function.star:
                raise PlanError(
                    f"'*' is allowed only in COUNT(*), not in {call.name}", call.position
                )
            return b.AggregateCall(call.name, (), function.returns(()), star=True, filter=condition)
        args = tuple(self.bind(arg, scope) for arg in call.args)
        arg_types = [a.type for a in args]
        located(lambda: check_call(function, arg_types), call.position, len(call.name))
        for index in function.literal_args:
            _require_literal(call, args, index)
        result = located(lambda: function.returns(arg_types), call.position, len(call.name))
        if function.null_if_empty and keyed and condition is None:
            result = types.nullable(result, any(t.nullable for t in arg_types))
        if call.distinct:  # COUNT(DISTINCT v): its values are grouped
            for arg, expr in zip(args, call.args, strict=False):
                require_orderable(arg.type, expr.position)
        return b.AggregateCall(
            call.name, args, result, call.distinct, filter=condition, ignore_nulls=call.ignore_nulls
        )

    def _filter(self, condition: ast.Expr, scope: Scope) -> b.Expr:
        """An aggregate's FILTER (WHERE condition): BOOLEAN, without aggregates."""
        try:
            bound = self.bind(condition, scope)
        except _AggregateHere as error:
            raise PlanError(
                "FILTER must not contain aggregate expression", error.problem.position
            ) from None
        if bound.type.name not in ("BOOLEAN", "NULL"):
            raise PlanError("FILTER clause must be a condition", condition.position)
        return bound

    def window(self, call: ast.FunctionCall, scope: Scope) -> b.WindowCall:
        """A window function or an aggregate over a window (`call.over`), over `scope`."""
        spec = call.over
        assert spec is not None
        function = WINDOWS.get(call.name) or AGGREGATES.get(call.name)
        if function is None:
            raise PlanError(
                f"OVER needs a window function or an aggregate, not {call.name}",
                call.position,
                len(call.name),
            )
        if call.name not in WINDOWS and call.name not in _OVER_WINDOWS:
            raise PlanError(
                f"{call.name} over a window is not supported here (aggregates over windows: "
                f"{', '.join(_OVER_WINDOWS)})",
                call.position,
                len(call.name),
            )
        if call.filter is not None:  # Flink's text for `agg(x) FILTER (WHERE c) OVER (...)`
            raise PlanError(
                "OVER must be applied to aggregate function", spec.position, len("OVER")
            )
        if call.distinct:  # Flink's text for `COUNT(DISTINCT x) OVER (...)`
            raise PlanError(
                "Distinct not supported in Windowing function!", call.position, len(call.name)
            )
        args = () if call.star else tuple(self.bind(arg, scope) for arg in call.args)
        arg_types = [a.type for a in args]
        if not call.star:
            located(lambda: check_call(function, arg_types), call.position, len(call.name))
        if getattr(function, "needs_order", False) and not spec.order_by:
            raise PlanError(
                "Over Agg: The window rank function requires order by clause with "
                "non-constant fields. please re-check the over window statement.",
                spec.position,
                4,
            )
        for index in getattr(function, "constant_args", ()):
            if index < len(args) and not isinstance(args[index], b.Literal):
                raise PlanError(
                    f"argument {index + 1} of {call.name} must be a constant",
                    call.args[index].position,
                )
        if spec.frame is not None:
            check_frame_allowed(call.name, spec.frame, call.name in WINDOWS)
        result = located(lambda: function.returns(arg_types), call.position, len(call.name))
        partition = tuple(self.bind(e, scope) for e in spec.partition_by)
        order = tuple(
            b.SortKey(self.bind(item.expr, scope), item.descending, item.nulls_last)
            for item in spec.order_by
        )
        keys = [
            *zip(partition, spec.partition_by, strict=False),
            *((o.expr, i.expr) for o, i in zip(order, spec.order_by, strict=False)),
        ]
        for key, expr in keys:
            require_orderable(key.type, expr.position)
        return b.WindowCall(
            call.name, args, partition, order, bind_frame(spec.frame, order), result, call.star
        )

    # ------------------------------------------------------------ leaves

    def _literal(self, expr: ast.Literal, scope: Scope) -> b.Expr:
        if expr.kind == "STRING" and "${" in str(expr.value):
            expr = self._substitute(expr)
        return b.Literal(expr.value, types.literal_type(expr.kind, expr.value))

    def _substitute(self, literal: ast.Literal) -> ast.Literal:
        """`${NAME}` and `${NAME:-default}` in a query's string literal; secrets are refused,
        since a query's values end up in sinks and logs."""
        text = str(literal.value)
        try:
            result = substitute(text, text, self.environ)
        except VariableError as error:
            raise PlanError(
                error.message, _shift(literal.position, error.start + 1), error.length
            ) from None
        secret = next((r for r in result.references if r.secret), None)
        if secret is not None:
            raise PlanError(
                "secret values can be used only in WITH options, where they stay hidden",
                _shift(literal.position, secret.start + 1),
                secret.length,
            )
        return ast.Literal(result.value, literal.kind, literal.position)

    def _column(self, expr: ast.ColumnRef, scope: Scope) -> b.Expr:
        qualifier = expr.qualifier
        if (
            qualifier is not None
            and not any(f.qualifier == qualifier for f in scope)
            and any(f.name == qualifier and f.type.name == "ROW" for f in scope)
        ):
            # `address.city`: no table is called `address`, a ROW column is
            row = ast.ColumnRef(None, qualifier, expr.position)
            return self._field_access(ast.FieldAccess(row, expr.name, expr.position), scope)
        if self.outer and not _names(scope, qualifier, expr.name):
            # a correlated reference: to the innermost enclosing query that has the name
            scope = next((s for s in self.outer if _names(s, qualifier, expr.name)), scope)
        if (
            qualifier is None
            and expr.name.upper() in NILADIC
            and not _names(scope, None, expr.name)
        ):
            # `user` names a column where there is one, else Flink's niladic USER (not ours)
            raise PlanError(f"{expr.name.upper()} is not supported", expr.position, len(expr.name))
        field = find(scope, qualifier, expr.name, expr.position)
        return b.Column(field.column, field.type)

    def _field_access(self, expr: ast.FieldAccess, scope: Scope) -> b.Expr:
        """`row.field`: the ROW's field (NULL when the row is), Flink's "." operator."""
        base = self.bind(expr.expr, scope)
        result = located(
            lambda: collection.field_type(base.type, expr.name), expr.position, len(expr.name)
        )
        return b.Call(".", (base, b.Literal(expr.name, types.STRING)), result)

    # ------------------------------------------------------------ calls

    def _function(self, call: ast.FunctionCall, scope: Scope) -> b.Expr:
        if call.over is not None:  # the builder takes those of the SELECT list first
            raise PlanError(
                "Windowed aggregate expression is illegal here: window functions "
                "are allowed only in the SELECT list",
                call.position,
                len(call.name),
            )
        if call.name in AGGREGATES:
            raise _AggregateHere(
                f"Aggregate function {call.name} is not allowed here", call.position, len(call.name)
            )
        if call.name in GROUPINGS:
            raise PlanError(
                f"{call.name} operator may only occur in SELECT, HAVING or ORDER BY clause",
                call.position,
                len(call.name),
            )
        if call.filter is not None:
            raise PlanError(
                "FILTER must be applied to aggregate function", call.position, len(call.name)
            )
        args = []
        for arg in call.args:  # a loop, not a comprehension: one frame less per level
            args.append(self.bind(arg, scope))
        arg_types = [a.type for a in args]
        function = FUNCTIONS.get(call.name)
        if function is None:
            raise PlanError(
                unknown_signature(call.name, arg_types) + suggest(call.name, FUNCTIONS),
                call.position,
                len(call.name),
            )
        located(lambda: check_call(function, arg_types), call.position, len(call.name))
        for index in function.constant_args:
            if index < len(args) and not isinstance(args[index], b.Literal):
                raise PlanError(
                    f"argument {index + 1} of {call.name} must be a constant",
                    call.args[index].position,
                )
        values = [a.value if isinstance(a, b.Literal) else None for a in args]
        result = located(
            lambda: function.result_type(arg_types, values), call.position, len(call.name)
        )
        if call.name in temporal.WALL_TIME:
            args = [self.in_zone(arg, types.TIMESTAMP) for arg in args]
        elif result.name in ("TIMESTAMP", "TIMESTAMP_LTZ"):
            # its timestamps of the call's kind: COALESCE(ts, ltz) is an instant, IF(c, ts,
            # ltz) a TIMESTAMP (Flink's IF has its first value's type)
            args = [self.in_zone(arg, result) for arg in args]
        else:
            args = self.alike(args)
        return b.Call(call.name, tuple(self._zoned_args(call.name, args)), result)

    def _map(self, expr: ast.MapLiteral, scope: Scope) -> b.Expr:
        """`MAP[k, v, ...]` as a value: the MAP constructor call (ML_PREDICT reads its config
        MAP as written, without binding it)."""
        return self._function(ast.FunctionCall("MAP", expr.items, expr.position), scope)

    def _zoned_args(self, name: str, args: list[b.Expr]) -> list[b.Expr]:
        """A function of the session time zone gets it as a last constant argument (after
        its signature is checked: the SQL never writes it)."""
        if name not in temporal.ZONED:
            return args
        return [*args, b.Literal(session_time_zone(self.settings), types.STRING)]

    def in_zone(self, value: b.Expr, target: DataType) -> b.Expr:
        """`value` where a `target` goes: an instant (TIMESTAMP_LTZ) as its wall time in the
        session time zone where a TIMESTAMP goes, a TIMESTAMP as the instant of that wall
        time there where a TIMESTAMP_LTZ goes, as Flink converts them; any other value as it
        is (`functions/temporal.py`)."""
        pair = (value.type.name, target.name)
        if pair == ("TIMESTAMP_LTZ", "TIMESTAMP"):
            name = temporal.LTZ_AS_TIMESTAMP
        elif pair == ("TIMESTAMP", "TIMESTAMP_LTZ"):
            name = temporal.TIMESTAMP_AS_LTZ
        else:
            return value
        result = FUNCTIONS[name].returns([value.type])
        return b.Call(name, tuple(self._zoned_args(name, [value])), result)

    def in_zone_columns(self, node: Node, targets: Sequence[DataType]) -> Node:
        """`node`'s rows where columns of `targets` go (a sink's, a set operation's common
        types): its TIMESTAMP columns where a TIMESTAMP_LTZ goes as instants of the session
        zone, and the reverse (`in_zone`), under a projection; `node` itself when none is."""
        pairs = list(zip(node.fields, targets, strict=False))
        if not any({f.type.name, t.name} == {"TIMESTAMP", "TIMESTAMP_LTZ"} for f, t in pairs):
            return node
        items = []
        for field, target in pairs:
            value = self.in_zone(b.Column(field.column, field.type), target)
            items.append((value, replace(field, type=value.type)))
        return Project(node, tuple(items))

    def alike(self, values: list[b.Expr]) -> list[b.Expr]:
        """Values compared or merged (a comparison, IN, BETWEEN, CASE, COALESCE...): where an
        instant meets a TIMESTAMP, the TIMESTAMPs as instants of the session time zone (their
        common type is TIMESTAMP_LTZ, as in Flink)."""
        if not any(v.type.name == "TIMESTAMP_LTZ" for v in values):
            return values
        return [self.in_zone(v, types.timestamp(local_time_zone=True)) for v in values]

    def compared(self, values: list[b.Expr]) -> list[b.Expr]:
        """Values compared (a comparison, IN, BETWEEN): strings beside a DATE, TIME or
        TIMESTAMP cast to its type, as Calcite's comparisons do (a bad string fails the job);
        then `alike`."""
        datetime = next((v.type for v in values if v.type.name in ops.DATETIMES), None)
        if datetime is None or not any(types.is_character(v.type) for v in values):
            return self.alike(values)
        cast = [
            b.Cast(v, types.nullable(datetime, v.type.nullable))
            if types.is_character(v.type)
            else v
            for v in values
        ]
        return self.alike(cast)

    def _chain(self, chain: ast.Chain, scope: Scope) -> b.Expr:
        """AND and OR need BOOLEAN operands, `||` strings: one call, however long the chain."""
        operands = []
        for operand in chain.operands:
            bound = self.bind(operand, scope)
            if chain.op != "||":
                _require(lambda bound=bound: ops.require_boolean(bound.type, chain.op), operand)
            operands.append(bound)
        operand_types = [o.type for o in operands]
        if chain.op == "||":
            result = _require(lambda: ops.concatenation(operand_types), chain)
        else:
            result = ops.boolean_result(operand_types)
        return b.Call(chain.op, tuple(operands), result)

    def _binary(self, expr: ast.BinaryOp, scope: Scope) -> b.Expr:
        left, right = self.bind(expr.left, scope), self.bind(expr.right, scope)
        op = expr.op
        intervals = [temporal.is_interval(t) for t in (left.type, right.type)]
        if not all(intervals) and (
            (op in ("+", "-") and intervals[1]) or (op == "+" and intervals[0])
        ):
            return _datetime_plus(op, left, right, expr)
        if op in ops.COMPARISONS:
            result = _require(lambda: ops.comparison(op, left.type, right.type), expr)
            left, right = self.compared([left, right])
        else:
            result = _require(lambda: ops.arithmetic(op, left.type, right.type), expr)
            if ops.is_integer_division(op, left.type, right.type):
                op = "DIV"
        return b.Call(op, (left, right), result)

    def _unary(self, expr: ast.UnaryOp, scope: Scope) -> b.Expr:
        operand = self.bind(expr.operand, scope)
        if expr.op == "NOT":
            _require(lambda: ops.require_boolean(operand.type, "NOT"), expr.operand)
            return b.Call(
                "NOT", (operand,), operand.type if operand.type.name == "BOOLEAN" else types.BOOLEAN
            )
        result = _require(lambda: ops.negate(expr.op, operand.type), expr)
        return operand if expr.op == "+" else b.Call("NEGATE", (operand,), result)

    # ------------------------------------------------------------ special forms

    def _case(self, case: ast.Case, scope: Scope) -> b.Expr:
        operand = None if case.operand is None else self.bind(case.operand, scope)
        whens = []
        result = None  # then the first branch's type as it is (NOT NULL stays NOT NULL)
        for condition, value in case.whens:
            if operand is None:
                bound_condition = self.condition(condition, scope, "WHEN")
            else:
                bound_condition = self.bind(condition, scope)
                _require(
                    lambda bound_condition=bound_condition: ops.comparison(
                        "CASE", operand.type, bound_condition.type
                    ),
                    condition,
                )
                bound_condition = self.in_zone(bound_condition, operand.type)
            bound_value = self.bind(value, scope)
            result = _merge(result, bound_value.type, value)
            whens.append((bound_condition, bound_value))
        else_ = None
        if case.else_ is not None:
            else_ = self.bind(case.else_, scope)
            result = _merge(result, else_.type, case.else_)
        assert result is not None  # the parser takes no CASE without a WHEN
        result = types.nullable(result, case.else_ is None or result.nullable)
        whens = [(test, self.in_zone(value, result)) for test, value in whens]
        else_ = None if else_ is None else self.in_zone(else_, result)
        return b.Case(operand, tuple(whens), else_, types.concrete(result))

    def _cast(self, expr: ast.Cast, scope: Scope) -> b.Expr:
        inner = self.bind(expr.expr, scope)
        problem = types.cast_problem(inner.type, expr.type)
        if problem is not None:
            raise PlanError(problem, expr.position)
        # NOT NULL from NOT NULL, as in Flink (a value that does not convert fails the job);
        # TRY_CAST gives NULL for it. A NOT NULL target only the planner writes (Flink's
        # parser refuses one, as ours does): the cast of a reduced aggregate to the call's
        # type (`functions/reductions.py`), which keeps that type as Calcite's does
        target = types.nullable(
            expr.type, expr.type.nullable and (inner.type.nullable or expr.safe)
        )
        if inner.type.name == "TIMESTAMP_LTZ" and target.name in _WALL_TIME_TYPES:
            inner = self.in_zone(inner, types.TIMESTAMP)  # its wall time, then cast
        elif target.name == "TIMESTAMP_LTZ" and inner.type.name in _WALL_TIME_TYPES:
            # a wall time of the target's precision, then its instant in the session zone
            wall = DataType("TIMESTAMP", target.params, nullable=target.nullable)
            inner = folded_cast(inner, wall) or b.Cast(inner, wall, expr.safe)
            return self.in_zone(inner, target)
        return folded_cast(inner, target) or b.Cast(inner, target, expr.safe)

    def _is_null(self, expr: ast.IsNull, scope: Scope) -> b.Expr:
        inner = self.bind(expr.expr, scope)
        name = "IS NOT NULL" if expr.negated else "IS NULL"
        return b.Call(name, (inner,), types.nullable(types.BOOLEAN, False))

    def _in_list(self, expr: ast.InList, scope: Scope) -> b.Expr:
        inner = self.bind(expr.expr, scope)
        args = [inner]
        for item in expr.items:
            bound = self.bind(item, scope)
            _require(lambda bound=bound: ops.comparison("IN", inner.type, bound.type), item)
            args.append(bound)
        name = "NOT IN" if expr.negated else "IN"
        return b.Call(name, tuple(self.compared(args)), ops.boolean_result([a.type for a in args]))

    def _between(self, expr: ast.Between, scope: Scope) -> b.Expr:
        inner = self.bind(expr.expr, scope)
        low, high = self.bind(expr.low, scope), self.bind(expr.high, scope)
        _require(lambda: ops.comparison("BETWEEN", inner.type, low.type), expr.low)
        _require(lambda: ops.comparison("BETWEEN", inner.type, high.type), expr.high)
        name = "NOT BETWEEN" if expr.negated else "BETWEEN"
        return b.Call(
            name,
            tuple(self.compared([inner, low, high])),
            ops.boolean_result([inner.type, low.type, high.type]),
        )

    def _like(self, expr: ast.Like, scope: Scope) -> b.Expr:
        # the pattern may be any expression, as in Flink
        inner, pattern = self.bind(expr.expr, scope), self.bind(expr.pattern, scope)
        for side in (expr.expr, expr.pattern):
            if isinstance(side, ast.Literal) and side.kind == "NULL":  # untyped: as Flink
                raise PlanError(
                    "Cannot apply 'LIKE' to an untyped NULL: cast it (CAST(NULL AS STRING)). "
                    "Supported form(s): 'LIKE(<STRING>, <STRING>, <STRING>)'",
                    side.position,
                    4,
                )
        args = [inner, pattern]
        if expr.escape is not None:  # LIKE p ESCAPE e: a third operand, a one-character literal
            escape = self.bind(expr.escape, scope)
            if not isinstance(escape, b.Literal) or not (
                escape.value is None or len(str(escape.value)) == 1
            ):
                raise PlanError(
                    "LIKE ... ESCAPE needs a one-character string literal", expr.escape.position
                )
            args.append(escape)
        name = "NOT LIKE" if expr.negated else "LIKE"
        return b.Call(name, tuple(args), ops.boolean_result([a.type for a in args]))


# each rule takes the Binder and one kind of `ast` node (its key)
_RULES: dict[type, Callable[[Binder, Any, Scope], b.Expr]] = {
    ast.Literal: Binder._literal,
    ast.ColumnRef: Binder._column,
    ast.FunctionCall: Binder._function,
    ast.Chain: Binder._chain,
    ast.BinaryOp: Binder._binary,
    ast.UnaryOp: Binder._unary,
    ast.Case: Binder._case,
    ast.Cast: Binder._cast,
    ast.IsNull: Binder._is_null,
    ast.InList: Binder._in_list,
    ast.Between: Binder._between,
    ast.Like: Binder._like,
    ast.MapLiteral: Binder._map,
    ast.FieldAccess: Binder._field_access,
}


# the aggregates `executor/functions/windows.py` computes over window frames
_OVER_WINDOWS = ("COUNT", "SUM", "AVG", "MIN", "MAX")


class _AggregateHere(PlanError):
    """An aggregate call where none may be (a WHERE, an aggregate's argument or FILTER)."""


def _require_literal(call: ast.FunctionCall, args: Sequence[b.Expr], index: int) -> None:
    """Argument `index` of an aggregate must be a literal, not NULL (LISTAGG's separator)."""
    if index >= len(args):
        return
    arg = args[index]
    while isinstance(arg, b.Cast):  # CAST(NULL AS STRING) is a NULL literal, typed
        arg = arg.expr
    if not isinstance(arg, b.Literal):
        raise PlanError(
            f"Argument to function '{call.name}' must be a literal", call.args[index].position
        )
    if arg.value is None:
        raise PlanError(
            f"Argument to function '{call.name}' must not be NULL", call.args[index].position
        )


# ------------------------------------------------------------------ names


def find(
    scope: Iterable[Field],
    qualifier: str | None,
    name: str,
    position: Position,
    where: str | None = None,
) -> Field:
    """The one field of `scope` that `qualifier.name` names, with Flink's messages."""
    scope = tuple(scope)
    if qualifier is not None and not any(f.qualifier == qualifier for f in scope):
        raise PlanError(f"Table '{qualifier}' not found", position, len(qualifier))
    candidates = [f for f in scope if f.name == name and _reachable(f, qualifier)]
    if len(candidates) == 1:
        return candidates[0]
    full = f"{qualifier}.{name}" if qualifier else name
    if len(candidates) > 1:
        raise PlanError(f"Column '{name}' is ambiguous", position, len(full))
    names = [f.name for f in scope if _reachable(f, qualifier)]
    place = (
        f" in {where}" if where else (f" in table '{qualifier}'" if qualifier else " in any table")
    )
    raise PlanError(f"Column '{name}' not found{place}" + suggest(name, names), position, len(full))


def _names(scope: Scope, qualifier: str | None, name: str) -> bool:
    """Does `scope` have a field `qualifier.name` may mean (its qualifier, for a qualified one)?"""
    if qualifier is not None and not any(f.qualifier == qualifier for f in scope):
        return False
    return any(f.name == name and _reachable(f, qualifier) for f in scope)


def _reachable(field: Field, qualifier: str | None) -> bool:
    """May `qualifier.name` (or a bare name, when `qualifier` is None) mean `field`?"""
    if field.hidden:
        return False
    if qualifier is None:
        return not field.qualified_only
    return field.qualifier == qualifier


def suggest(name: str, candidates: Iterable[str]) -> str:
    """ "; did you mean 'x'?" for the closest candidate, or nothing (never an internal `$`
    name, which SQL cannot call)."""
    candidates = [c for c in candidates if not c.startswith("$")]
    exact = [c for c in candidates if c.lower() == name.lower()]
    close = exact or difflib.get_close_matches(name, candidates, n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


# ------------------------------------------------------------------ helpers


def located(check, position: Position, length: int = 1):
    """`check()`, its SignatureError turned into a PlanError at `position`."""
    try:
        return check()
    except SignatureError as error:
        raise PlanError(error.message, position, length) from None


def require_orderable(t: DataType, position: Position, length: int = 1) -> None:
    """Refuse, as Flink does, a sort, grouping or distinct key of a type that has no order."""
    problem = types.orderable_problem(t)
    if problem:
        raise PlanError(problem, position, length)


def _require(check, expr) -> DataType:
    return located(check, expr.position)


def _datetime_plus(op: str, left: b.Expr, right: b.Expr, expr: ast.BinaryOp) -> b.Expr:
    """`x + interval`, `interval + x`, `x - interval`: DATETIME PLUS(x, [-]interval)."""
    if temporal.is_interval(left.type):
        left, right = right, left
    if op == "-":
        right = b.Call("NEGATE", (right,), right.type)
    function = FUNCTIONS["DATETIME PLUS"]
    arg_types = [left.type, right.type]
    if not types.in_family(left.type, "DATETIME"):
        raise PlanError(
            f"Cannot apply '{op}' to arguments of type '<{types.sql_name(left.type)}>"
            f" {op} <{types.sql_name(right.type)}>'",
            expr.position,
        )
    return b.Call(function.name, (left, right), function.returns(arg_types))


def session_time_zone(settings: Mapping[str, str]) -> str:
    """`SET 'table.local-time-zone'`, else the machine's zone as Flink's 'default' takes it
    (the TZ variable, /etc/localtime's zone name), else UTC."""
    zone = settings.get("table.local-time-zone", "default")
    if zone != "default":
        return zone
    zone = os.environ.get("TZ", "").lstrip(":")
    if not zone:
        target = os.path.realpath("/etc/localtime")
        zone = target.split("zoneinfo/", 1)[1] if "zoneinfo/" in target else "UTC"
    return zone


def _merge(result: ast.DataType | None, t: ast.DataType, expr) -> ast.DataType:
    if result is None:
        return t
    merged = types.common_type(result, t)
    if merged is None:
        raise PlanError(  # Flink's text, then the two types
            f"Illegal mixing of types in CASE or COALESCE statement: {result} and {t}",
            expr.position,
        )
    return merged


def _shift(position: Position, chars: int) -> Position:
    return Position(position.line, position.col + chars, position.offset + chars)
