"""Flink's older group windows, `GROUP BY TUMBLE(ts, size[, offset])` or `GROUP BY HOP(ts, slide,
size[, offset])` with `TUMBLE_START(ts, size)`, `_END`, `_ROWTIME` (`HOP_START` ...) in the
SELECT list and HAVING, rewritten before planning as the windowing table function over the
FROM table (table_functions/window_tvf.py):

    SELECT TUMBLE_START(ts, INTERVAL '1' MINUTE), SUM(v) FROM t
        GROUP BY TUMBLE(ts, INTERVAL '1' MINUTE)
    SELECT $window_start, SUM(v) FROM TABLE($TUMBLE(TABLE t, DESCRIPTOR(ts), INTERVAL '1' MINUTE))
        GROUP BY $window_start, $window_end, $window_time

`_ROWTIME` is `$window_time` (a key too: it is the end less a millisecond). The FROM clause
must be one table or view (a join or subquery is refused with a located error); the window
columns are the `$`-named twin's, so a table's own `window_start` (a view of a group window
read by another) stays itself. SESSION windows, which Flink 2.3 refuses in batch jobs, are
not rewritten, and are refused as unknown functions.
"""

from __future__ import annotations

from dataclasses import fields, is_dataclass, replace

from bailian_assets.errors import Position
from bailian_assets.planning.plan_errors import PlanError
from bailian_assets.sql import ast

_WINDOWS = ("TUMBLE", "HOP")
_BOUNDS = {"_START": "$window_start", "_END": "$window_end", "_ROWTIME": "$window_time"}


def rewritten(select: ast.Select) -> ast.Select:
    """`select` with its group window as a windowing table function; as it is without one."""
    windows = [g for g in select.group_by if _is_window(g)]
    if not windows:
        return select
    call = windows[0]
    assert isinstance(call, ast.FunctionCall)  # _is_window
    if len(windows) > 1:
        raise PlanError("a query may group by one window only", windows[1].position)
    table = select.from_
    if not isinstance(table, ast.TableRef):
        raise PlanError(
            f"GROUP BY {call.name}(...) reads one table or view: write "
            f"FROM TABLE({call.name}(TABLE t, DESCRIPTOR(ts), ...)) over a query",
            call.position,
            len(call.name),
        )
    distinct = _distinct_call((select.items, select.having))
    if distinct is not None:  # Flink's legacy group windows have no DISTINCT aggregates
        raise PlanError(
            "DISTINCT aggregates are currently not supported.",
            distinct.position,
            len(distinct.name),
        )
    time = call.args[0] if call.args else None
    if not isinstance(time, ast.ColumnRef):
        raise PlanError(f"the first argument of {call.name} is the time column", call.position)
    at = call.position
    arguments = (
        ast.FunctionArg(ast.TableArg(table.name, at), None, at),
        ast.FunctionArg(ast.DescriptorArg((ast.ColumnRef(None, time.name, at),), at), None, at),
        *(ast.FunctionArg(a, None, a.position) for a in call.args[1:]),
    )
    # the `$`-named twin: its window columns never clash with the table's own `window_start`
    windowed = ast.TableFunction("$" + call.name, arguments, table.alias, table.position)
    keys = tuple(ast.ColumnRef(None, name, at) for name in _BOUNDS.values())  # one per window
    group_by = tuple(k for g in select.group_by for k in (keys if g is call else (g,)))
    items = tuple(replace(i, expr=_bounds_named(i.expr, call.name)) for i in select.items)
    having = None if select.having is None else _bounds_named(select.having, call.name)
    return replace(select, from_=windowed, group_by=group_by, items=items, having=having)


def _is_window(expr: object) -> bool:
    return isinstance(expr, ast.FunctionCall) and expr.name in _WINDOWS and expr.over is None


def _bounds_named(expr, window: str):
    """`expr` with each `<window>_START(...)`, `_END`, `_ROWTIME` call made the window column."""
    if isinstance(expr, ast.FunctionCall) and expr.name.startswith(window + "_"):
        column = _BOUNDS.get(expr.name[len(window) :])
        if column is not None:
            return ast.ColumnRef(None, column, expr.position)
    if isinstance(expr, tuple):
        return tuple(_bounds_named(e, window) for e in expr)
    if not is_dataclass(expr) or isinstance(expr, (Position, ast.DataType, ast.Query)):
        return expr
    changes = {f.name: _bounds_named(getattr(expr, f.name), window) for f in fields(expr)}
    return replace(expr, **changes)  # type: ignore[type-var]


def _distinct_call(expr) -> ast.FunctionCall | None:
    """The first `f(DISTINCT ...)` call in `expr` (not inside a subquery)."""
    if isinstance(expr, ast.FunctionCall) and expr.distinct:
        return expr
    if isinstance(expr, tuple):
        children = expr
    elif is_dataclass(expr) and not isinstance(expr, (Position, ast.DataType, ast.Query)):
        children = tuple(getattr(expr, f.name) for f in fields(expr))
    else:
        return None
    return next((c for c in map(_distinct_call, children) if c is not None), None)
