"""Flink's windowing table functions: `TABLE(TUMBLE(TABLE t, DESCRIPTOR(ts), size[, offset]))`,
`HOP(..., slide, size[, offset])` and `CUMULATE(..., step, size[, offset])`, positional or named
(`DATA =>`, `TIMECOL =>`, `SIZE =>`, `SLIDE =>`, `STEP =>`, `OFFSET =>`).

Each gives the table's columns and `window_start`, `window_end`, `window_time` (the end less a
millisecond), TIMESTAMP(3) NOT NULL: a row once per window it falls in. In a batch job, as
Flink 2.3 runs them (checked on the real engine):
- windows are aligned to the epoch (plus the offset): TUMBLE's `[k * size, (k + 1) * size)`;
  HOP's start every `slide`, each `size` long, a row in each that holds it, the latest first;
  CUMULATE's windows share the start of the `size` window a row falls in and end every `step`
  after it, a row in each that ends after it, the shortest first;
- the time column is a TIMESTAMP or TIMESTAMP_LTZ (a time attribute is not needed in batch),
  but not a processing-time attribute (`pt AS PROCTIME()`), which Flink refuses in batch;
  a row whose time is NULL is in no window and dropped.

Planned as existing nodes: the windows of a row as an ARRAY of (start, end) ROWs
(`$WINDOWS`, executor/functions/temporal.py), unnested, then `window_time` computed.
"""

from __future__ import annotations

from bailian_assets.planning import bound as b
from bailian_assets.planning import plan as p
from bailian_assets.planning import types
from bailian_assets.planning.functions.temporal import INTERVAL_MICROS, WINDOW_BOUND, WINDOW_PAIR
from bailian_assets.planning.plan_errors import PlanError
from bailian_assets.planning.table_functions.registry import (
    Invocation,
    Parameter,
    Site,
    TableFunction,
)
from bailian_assets.sql import ast

WINDOW_TIME = WINDOW_BOUND
_TEXT = types.nullable(types.STRING, False)
_LENGTH = types.nullable(types.BIGINT, False)
_INTERVAL = "a day-time interval (INTERVAL '10' MINUTE)"
# each function's interval parameters, in order (TUMBLE: size; HOP: slide, size; ...)
_INTERVALS = {"TUMBLE": ("SIZE",), "HOP": ("SLIDE", "SIZE"), "CUMULATE": ("STEP", "SIZE")}
_FORMS = {
    "TUMBLE": "TUMBLE(TABLE table_name, DESCRIPTOR(timecol), datetime interval"
    "[, datetime interval])",
    "HOP": "HOP(TABLE table_name, DESCRIPTOR(timecol), datetime interval, datetime interval"
    "[, datetime interval])",
    "CUMULATE": "CUMULATE(TABLE table_name, DESCRIPTOR(timecol), datetime interval, "
    "datetime interval[, datetime interval])",
}


def _function(name: str, hidden: bool = False) -> TableFunction:
    """The table function `name`; `hidden`: its `$`-named twin, whose window columns are
    `$window_start` ... (group_windows.py's, which must not clash with the table's own)."""
    intervals = tuple(Parameter(n, "CONSTANT", _INTERVAL) for n in _INTERVALS[name])
    prefix = "$" if hidden else ""
    return TableFunction(
        prefix + name,
        (
            Parameter("DATA", "TABLE", "a table (TABLE t)"),
            Parameter("TIMECOL", "DESCRIPTOR", "a time column (DESCRIPTOR(ts))"),
            *intervals,
            Parameter("OFFSET", "CONSTANT", _INTERVAL, required=False),
        ),
        lambda call: _build(name, call, prefix),
        arity_message=f"Invalid number of arguments to function '{name}'. Was expecting "
        f"{2 + len(intervals)} arguments",
    )


def _build(name: str, call: Invocation, prefix: str) -> p.Node:
    table = call.args["DATA"]
    assert isinstance(table, ast.Name)  # a TABLE parameter's value (registry.py)
    rows = call.site.relation(table, call.call.alias)
    time_column = _time_column(name, call, rows)
    time = _wall_time(time_column, call, rows)
    lengths = [_micros(call, n) for n in (*_INTERVALS[name], "OFFSET")]
    spec = (b.Literal(name, _TEXT), *(b.Literal(n, _LENGTH) for n in lengths))
    windows = call.site.field("$windows", types.array(WINDOW_PAIR), None)
    listed = p.Project(
        rows,
        (
            *((b.Column(f.column, f.type), f) for f in rows.fields),
            (b.Call("$WINDOWS", (time, *spec), windows.type), windows),
        ),
    )
    start, end = (call.site.field(prefix + n, WINDOW_TIME, call.call.alias) for n in _BOUNDS)
    unnested = p.Unnest(
        listed, b.Column(windows.column, windows.type), _BOUNDS, (start, end), None, False
    )
    less_a_millisecond = b.Literal(-1000, INTERVAL_MICROS)
    last: b.Expr = b.Call(
        "DATETIME PLUS", (b.Column(end.column, end.type), less_a_millisecond), WINDOW_TIME
    )
    if time.type != time_column.type:  # an instant's windows: window_time is an instant too
        instant = types.nullable(ast.DataType("TIMESTAMP_LTZ", (3,)), False)
        last = call.site.in_zone(last, instant)
    window_time = call.site.field(prefix + "window_time", last.type, call.call.alias)
    return p.Project(
        unnested,
        (
            *((b.Column(f.column, f.type), f) for f in (*rows.fields, start, end)),
            (last, window_time),
        ),
    )


_BOUNDS = ("window_start", "window_end")


def _wall_time(time: b.Column, call: Invocation, rows: p.Node) -> b.Expr:
    """The time the windows are cut on: a TIMESTAMP_LTZ's wall time in the session time zone
    (Flink aligns a day's window to the zone's midnight), as CAST(... AS TIMESTAMP) reads it."""
    if time.type.name != "TIMESTAMP_LTZ":
        return time
    field = next(f for f in rows.fields if f.column == time.column)
    wall = types.nullable(ast.DataType("TIMESTAMP", time.type.params), time.type.nullable)
    column = ast.ColumnRef(None, field.name, call.call.position)
    return call.site.bind(ast.Cast(column, wall, call.call.position), rows.fields)


def _time_column(name: str, call: Invocation, rows: p.Node) -> b.Column:
    """The DESCRIPTOR's one column, a TIMESTAMP or TIMESTAMP_LTZ of the table."""
    descriptor = call.args["TIMECOL"]
    assert isinstance(descriptor, ast.DescriptorArg)
    if len(descriptor.columns) != 1:
        raise PlanError(
            f"The window function {_FORMS[name]} requires exactly one time column in the "
            "DESCRIPTOR",
            descriptor.position,
        )
    wanted = descriptor.columns[0]
    field = next((f for f in rows.fields if f.name == wanted.name), None)
    if field is None:
        raise PlanError(f"Unknown identifier '{wanted.name}'", wanted.position)
    if field.type.name not in ("TIMESTAMP", "TIMESTAMP_LTZ"):
        raise PlanError(
            f"The window function {_FORMS[name]} requires the timecol to be TIMESTAMP or "
            f"TIMESTAMP_LTZ, but is {types.sql_name(field.type)}.\nBesides, the timecol must "
            "be a time attribute type in streaming mode.",
            descriptor.position,
        )
    if _is_proctime(rows, field.column, call.site):  # Flink's batch planner has no rule for either
        if call.call.name.startswith("$"):  # a GROUP BY TUMBLE(p, ...), group_windows.py
            raise PlanError(
                "Window can not be defined over a proctime attribute column for batch mode",
                wanted.position,
            )
        raise PlanError(
            "Processing time Window TableFunction is not supported yet.", call.call.position
        )
    return b.Column(field.column, field.type)


def _is_proctime(node: p.Node, column: str, site: Site) -> bool:
    """Whether `column` of `node` is a table's processing-time attribute (`pt AS PROCTIME()`),
    passed on as it is through the projections above the table's scan (a CTE's, a subquery's,
    a view's)."""
    while True:
        if isinstance(node, p.Scan):  # a view's: on into its plan
            view = site.view(node.relation)
            index = next((i for i, f in enumerate(node.fields) if f.column == column), None)
            if view is None or index is None:
                return False
            node, column = view.root, view.columns[index]
            continue
        if not isinstance(node, p.Project):
            return False
        expr = next((e for e, f in node.items if f.column == column), None)
        if isinstance(expr, b.Call):
            return expr.name == "PROCTIME"
        if not isinstance(expr, b.Column):
            return False
        node, column = node.input, expr.column


def _micros(call: Invocation, name: str) -> int:
    """An interval parameter's length in microseconds (0 for an absent OFFSET)."""
    value = call.args.get(name)
    if value is None:
        return 0
    assert isinstance(value, b.Literal)
    if value.type.name != "INTERVAL_DAY_TIME" or not isinstance(value.value, int):
        raise PlanError(
            f"{name} of {call.call.name} must be {_INTERVAL}", call.syntax[name].position
        )
    if name != "OFFSET" and value.value <= 0:
        raise PlanError(f"{name} of {call.call.name} must be positive", call.syntax[name].position)
    return value.value


TUMBLE = _function("TUMBLE")
HOP = _function("HOP")
CUMULATE = _function("CUMULATE")
HIDDEN_TUMBLE = _function("TUMBLE", hidden=True)
HIDDEN_HOP = _function("HOP", hidden=True)
