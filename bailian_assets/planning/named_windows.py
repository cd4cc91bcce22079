"""Named windows: a SELECT's `WINDOW w AS (...)` clause, and the `OVER w` / `OVER (w ...)`
that use it, resolved into plain window specs before the window calls are bound.

The rules are Calcite's, as Flink 2.3 applies them (asked of the Flink oracle): a reference
takes the named window's PARTITION BY and ORDER BY and may add what that window lacks (an ORDER
BY, a frame), never a PARTITION BY; a window may refine an earlier one
(`w2 AS (w ORDER BY v)`); names are unique within a SELECT.

One rule is Flink's own: a frame written on a reference, `OVER (w ROWS BETWEEN 1 PRECEDING AND
CURRENT ROW)`, is accepted and ignored, the window computed with `w`'s frame (Flink 2.3 prints
the running count there, not a count of two rows). The same file gives the same rows here as
in a Flink job, and the frame belongs in the WINDOW clause to take effect in both.
"""

from __future__ import annotations

from dataclasses import replace

from bailian_assets.planning.plan_errors import PlanError
from bailian_assets.sql import ast


def window_definitions(select: ast.Select) -> dict[str, ast.WindowSpec]:
    """The SELECT's named windows, each resolved (one may refine an earlier one)."""
    defined: dict[str, ast.WindowSpec] = {}
    for window in select.windows:
        key = window.name.upper()
        if key in defined:
            raise PlanError("Duplicate window names not allowed", window.position, len(window.name))
        defined[key] = resolve_window(window.spec, defined)
    return defined


def resolve_window(spec: ast.WindowSpec, defined: dict[str, ast.WindowSpec]) -> ast.WindowSpec:
    """`spec` with the window it names (if any) merged in, as a window of its own."""
    if spec.base is None:
        return spec
    base = defined.get(spec.base.upper())
    if base is None:
        raise PlanError(f"Window '{spec.base}' not found", spec.position, 4)
    if spec.partition_by:
        raise PlanError(
            "PARTITION BY not allowed with existing window reference",
            spec.partition_by[0].position,
        )
    if spec.order_by and base.order_by:
        raise PlanError(
            "ORDER BY not allowed in both base and referenced windows",
            spec.order_by[0].position,
        )
    if base.frame is not None and (spec.frame is not None or spec.order_by):
        raise PlanError("Referenced window cannot have framing declarations", spec.position, 4)
    return replace(  # the reference's own frame is dropped, as Flink drops it
        base, order_by=spec.order_by or base.order_by, position=spec.position, base=None
    )
