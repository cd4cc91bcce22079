"""Window frames, bound: `ROWS|RANGE BETWEEN start AND end` checked as Flink 2.3 checks them,
their offsets turned into distances the executor (`executor/frames.py`) can apply.

ROWS offsets count rows. RANGE offsets are distances between order-key values, so a RANGE
frame with an offset needs exactly one ORDER BY key of a type the offset fits: a numeric offset
(`2`, `0.5`) over a numeric key, a DAY TO SECOND interval over a DATE (in whole days, the
rest cut off: 36 hours is 1 day). The texts of the
refusals are Flink's (Calcite's). One refusal is ours, for a job Flink plans and then fails: an
INTERVAL over a TIMESTAMP key (Flink 2.3's generated code casts the timestamp to a long and
the job dies with `Cannot cast "TimestampData" to "java.lang.Long"`).
"""

from __future__ import annotations

from collections.abc import Sequence

from bailian_assets.planning import bound as b
from bailian_assets.planning import types
from bailian_assets.planning.plan_errors import PlanError
from bailian_assets.sql import ast

# bound kinds in frame order: a frame's start may not come after its end
_ORDER = ["UNBOUNDED PRECEDING", "PRECEDING", "CURRENT ROW", "FOLLOWING", "UNBOUNDED FOLLOWING"]
_MICROS_PER_DAY = 86_400_000_000


def bind_frame(frame: ast.WindowFrame | None, order: Sequence[b.SortKey]) -> b.Frame | None:
    """`frame` bound against the window's ORDER BY keys; None stays None (Flink's default). A
    ROWS frame without ORDER BY is checked, then dropped, as Flink drops it: every row's frame
    is its whole partition."""
    if frame is None:
        return None
    _check_order_of_bounds(frame)
    offsets = [offset for _, offset in (frame.start, frame.end) if offset is not None]
    if frame.unit == "ROWS":
        for offset in offsets:
            _require_row_count(offset)
        if not order:
            return None
        distance = _row_count
    elif offsets:
        key = _range_key(frame, order)
        distance = lambda offset: _range_distance(offset, key)  # noqa: E731
    else:
        distance = _row_count  # never called: no offset
    start, end = (
        (kind, None if offset is None else distance(offset))
        for kind, offset in (frame.start, frame.end)
    )
    return b.Frame(frame.unit, start, end)


# window functions that read a frame (the others number or shift rows, whatever the frame)
_FRAMED = {"FIRST_VALUE", "LAST_VALUE"}
_RANKS = {"RANK", "DENSE_RANK", "ROW_NUMBER"}


def check_frame_allowed(name: str, frame: ast.WindowFrame, window_function: bool) -> None:
    """Refuse a ROWS/RANGE frame on a window function that does not read one."""
    if not window_function or name in _FRAMED:
        return
    message = (
        "ROW/RANGE not allowed with RANK, DENSE_RANK or ROW_NUMBER functions"
        if name in _RANKS
        else f"{name} takes no ROWS/RANGE frame here; frames apply to aggregates over "
        "windows, FIRST_VALUE and LAST_VALUE"
    )
    raise PlanError(message, frame.position, len(frame.unit))


def _check_order_of_bounds(frame: ast.WindowFrame) -> None:
    start, end = frame.start[0], frame.end[0]
    problem = None
    if start == "UNBOUNDED FOLLOWING":
        problem = "UNBOUNDED FOLLOWING cannot be specified for the lower frame boundary"
    elif end == "UNBOUNDED PRECEDING":
        problem = "UNBOUNDED PRECEDING cannot be specified for the upper frame boundary"
    elif _ORDER.index(start) > _ORDER.index(end):
        problem = (
            f"Upper frame boundary cannot be {_word(end)} when lower boundary is {_word(start)}"
        )
    if problem:
        raise PlanError(problem, frame.position, len(frame.unit))


def _word(kind: str) -> str:
    return kind.removeprefix("UNBOUNDED ")


def _require_row_count(offset: ast.Literal) -> None:
    if offset.kind != "INTEGER":
        raise PlanError("ROWS value must be a non-negative integral constant", offset.position)


def _row_count(offset: ast.Literal) -> b.Literal:
    return b.Literal(offset.value, types.literal_type(offset.kind, offset.value))


def _range_key(frame: ast.WindowFrame, order: Sequence[b.SortKey]) -> b.SortKey:
    """The single ORDER BY key a RANGE offset measures."""
    if not order:
        raise PlanError(
            "Window specification must contain an ORDER BY clause", frame.position, len(frame.unit)
        )
    if len(order) > 1:
        raise PlanError(
            "RANGE clause cannot be used with compound ORDER BY clause",
            frame.position,
            len(frame.unit),
        )
    key_type = order[0].expr.type
    if not (types.is_numeric(key_type) or key_type.name in ("DATE", "TIMESTAMP", "TIMESTAMP_LTZ")):
        raise PlanError(
            "Data type of ORDER BY prohibits use of RANGE clause", frame.position, len(frame.unit)
        )
    return order[0]


def _range_distance(offset: ast.Literal, key: b.SortKey) -> b.Literal:
    """`offset` as a distance in `key`'s own units: its value for a numeric key, days for a
    DATE key."""
    key_type = key.expr.type
    interval = offset.kind.startswith("INTERVAL")
    if types.is_numeric(key_type) and not interval:
        return b.Literal(offset.value, types.literal_type(offset.kind, offset.value))
    if offset.kind == "INTERVAL_YEAR_MONTH":
        raise PlanError(
            "INTERVAL_YEAR_MONTH type is not allowed for window boundary", offset.position
        )
    if key_type.name == "DATE" and interval:  # whole days, the rest cut off, as Flink does
        return b.Literal(int(offset.value) // _MICROS_PER_DAY, types.BIGINT)  # type: ignore[call-overload]
    if key_type.name.startswith("TIMESTAMP") and interval:
        raise PlanError(
            "RANGE with an INTERVAL offset over a TIMESTAMP order key fails in Flink 2.3 "
            '(Cannot cast "TimestampData" to "java.lang.Long"); order by a DATE, or by '
            "an epoch number such as UNIX_TIMESTAMP(...), instead",
            offset.position,
        )
    raise PlanError("Data Type mismatch between ORDER BY and RANGE clause", offset.position)
