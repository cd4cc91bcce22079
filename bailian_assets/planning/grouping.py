"""GROUP BY's grouping sets: `GROUPING SETS (...)`, `ROLLUP (...)`, `CUBE (...)` and `()`
expanded into the sets of keys an Aggregate node groups by in turn, as Calcite (Flink's
validator) expands them:

- `ROLLUP (a, b)` is the sets `(a, b), (a), ()`;
- `CUBE (a, b)` every subset: `(a, b), (a), (b), ()`;
- `GROUPING SETS (s1, s2, ...)` the sets written (a nested ROLLUP or CUBE gives its own);
- several GROUP BY elements combine as a cross product: `GROUP BY a, ROLLUP (b)` is
  `(a, b), (a)`. Duplicate sets stay: each gives its rows (Flink prints them twice).

A GROUP BY that expands to one set is a plain grouping by that set's keys.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Sequence

from bailian_assets.planning.plan_errors import PlanError
from bailian_assets.sql import ast

KeySet = tuple[ast.Expr, ...]

# a CUBE of n keys is 2^n sets, each a pass over the input: past this many, refuse
MAX_SETS = 4096


def expand(group_by: Sequence[ast.Expr | ast.GroupingSets]) -> list[KeySet] | None:
    """The sets of keys `group_by` groups by, in Calcite's order; None for a plain GROUP BY
    (no grouping-set element)."""
    if not any(isinstance(item, ast.GroupingSets) for item in group_by):
        return None
    sets: list[KeySet] = [()]
    for item in group_by:
        options = _sets_of(item) if isinstance(item, ast.GroupingSets) else [(item,)]
        sets = [left + right for left in sets for right in options]
        if len(sets) > MAX_SETS:
            raise PlanError(f"GROUP BY groups by more than {MAX_SETS} sets", item.position)
    return sets


def _sets_of(element: ast.GroupingSets) -> list[KeySet]:
    """The sets one GROUPING SETS, ROLLUP or CUBE element stands for."""
    if element.kind == "GROUPING SETS":
        found: list[KeySet] = []
        for item in element.items:
            if isinstance(item, ast.GroupingSets):
                found.extend(_sets_of(item))
            else:
                found.append(item)
        return found
    parts = [item for item in element.items if not isinstance(item, ast.GroupingSets)]
    if element.kind == "ROLLUP":
        return [_joined(parts[:n]) for n in range(len(parts), -1, -1)]
    if 2 ** len(parts) > MAX_SETS:
        raise PlanError(f"GROUP BY groups by more than {MAX_SETS} sets", element.position)
    # CUBE: every subset, those holding the first parts first (Calcite's bit order)
    return [
        _joined([part for part, keep in zip(parts, mask, strict=False) if keep])
        for mask in itertools.product((True, False), repeat=len(parts))
    ]


def _joined(parts: Sequence[KeySet]) -> KeySet:
    return tuple(expr for part in parts for expr in part)


def in_flink_order(sets: list[tuple[int, ...]]) -> list[tuple[int, ...]]:
    """Grouping sets (as indexes of their keys, in GROUP BY order) in the order Flink's Expand
    emits them for each row, which is the order of its output: Calcite sorts them so that a
    set comes before the sets it encloses, other sets by their keys (ImmutableBitSet's
    COMPARATOR); equal sets keep their written order. `GROUPING SETS ((), (a))` emits the
    `(a)` row first."""

    def compare(a: tuple[int, ...], b: tuple[int, ...]) -> int:
        first, second = set(a), set(b)
        if first == second:
            return 0
        if first > second:
            return -1
        if second > first:
            return 1
        return -1 if sorted(first) < sorted(second) else 1

    return sorted(sets, key=functools.cmp_to_key(compare))
