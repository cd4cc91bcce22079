"""What Flink's batch planner estimates of a plan, where its estimates decide the rows' order.

Flink picks physical operators by cost, and two of its choices show in the order of rows a
query without ORDER BY prints:

- **Which side of an inner or full join its hash join builds on.** It reads the build side into
  a hash table, then streams the probe side through it: pairs come in the probe side's order,
  each probe row's matches in the build side's, and (FULL) the build rows nothing matched at
  the end. A LEFT JOIN always probes with the left side, a RIGHT JOIN with the right; an inner
  or full join builds on the side it estimates smaller in bytes (rows times the average size
  of a row of the columns the query reads from that side; the left on a tie), so
  `FROM customers JOIN orders` gives the orders' order. `read_columns` says which columns a
  query reads from each node's output, `row_bytes` sizes a row as Flink's BinaryRowData holds
  it (FlinkRelMdUtil.binaryRowAverageSize), `probes_right` decides; the executor counts the
  rows of the tables.
- **Whether a GROUP BY, DISTINCT or set operation groups by hashing or by sorting.** Some
  aggregates can only be sorted for (`sorts_groups`); otherwise, on an input it estimates at a
  handful of rows a sort aggregate is cheaper: its groups come out in
  key order instead of the order they first appear (`sorts_tiny_input`). Its estimate is exact
  for VALUES rows, counted for a csv file (its filesystem source reports it; a json one does
  not: unknown, which Flink takes as many), and multiplied by a default selectivity for each
  filter (`selectivity`). Joins count their sides' rows the same way.

Both are measured against Flink 2.3 (the oracle), not derived from its cost model: the
crossover row counts are where the oracle's choice flips.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import fields, is_dataclass

from bailian_assets.planning import bound as b
from bailian_assets.planning import plan as p
from bailian_assets.sql import ast

# nodes whose output is computed from their inputs' columns: they read only what their
# expressions name; and nodes that read every column of their inputs (rows compared whole)
_COMPUTING = (p.Project, p.Aggregate)
_WHOLE_ROWS = (p.Distinct, p.SetUnion, p.SetCombine)
# Flink's average sizes of a variable-length value (FlinkRelMdSize.averageTypeValueSize)
_VARIABLE_SIZE = {"STRING": 12, "VARCHAR": 12, "CHAR": 12, "BYTES": 16, "VARBINARY": 16}
# types a binary row holds in its fixed-length part (BinaryRowData.isInFixedLengthPart; a
# DECIMAL of up to 18 digits and a TIMESTAMP of up to 3 too), and those a hash aggregate's
# buffer can update in place (isMutable: any DECIMAL or TIMESTAMP)
_FIXED = {"BOOLEAN", "TINYINT", "SMALLINT", "INT", "INTEGER", "BIGINT", "FLOAT", "REAL"}
_FIXED |= {"DOUBLE", "DATE", "TIME", "INTERVAL_YEAR_MONTH", "INTERVAL_DAY_TIME"}
_MUTABLE = _FIXED | {"DECIMAL", "TIMESTAMP", "TIMESTAMP_LTZ"}
# aggregates Flink computes with a sort aggregate whatever their arguments
_SORT_AGGREGATES = {"LISTAGG", "ARRAY_AGG", "COLLECT", "FIRST_VALUE", "LAST_VALUE", "JSON_ARRAYAGG"}
_SORT_AGGREGATES |= {"JSON_OBJECTAGG", "STDDEV", "STDDEV_POP", "STDDEV_SAMP", "VARIANCE"}
_SORT_AGGREGATES |= {"VAR_POP", "VAR_SAMP", "APPROX_COUNT_DISTINCT"}


def sorts_groups(name: str, args: tuple[b.Expr, ...]) -> bool:
    """Whether an aggregate, as written (before STDDEV and VAR are reduced to SUMs), makes
    Flink's batch planner compute its GROUP BY by sorting the rows by the grouping keys (a sort
    aggregate: its groups come out in key order, NULL first) rather than with a hash table
    (groups in the order they first appear), whatever the input's size: an accumulator a hash
    aggregate's buffer cannot hold (MIN/MAX of a string, LISTAGG, ARRAY_AGG, FIRST_VALUE...),
    or STDDEV/VAR, as the oracle shows. (A DISTINCT aggregate is computed in two levels,
    whose outer one reads fewer rows: `DISTINCT_LEVEL`.)"""
    if name in _SORT_AGGREGATES:
        return True
    return name in {"MIN", "MAX"} and any(arg.type.name not in _MUTABLE for arg in args)


def row_bytes(columns: list[ast.DataType]) -> int:
    """The average size of a row of `columns` in Flink's binary row format: 8 bytes a value,
    plus a variable-length value's own average size, plus the null bits."""
    size = 0
    for t in columns:
        size += 8
        if not _fixed_length(t):
            size += _VARIABLE_SIZE.get(t.name, 16)
    return size + ((len(columns) + 63 + 8) // 64) * 8


def _fixed_length(t: ast.DataType) -> bool:
    if t.name in _FIXED:
        return True
    precision = t.params[0] if t.params else None
    if t.name == "DECIMAL":
        return precision is None or precision <= 18
    if t.name in ("TIMESTAMP", "TIMESTAMP_LTZ"):
        return precision is None or precision <= 3
    return False


def read_columns(
    root: p.Node, pushed: Mapping[int, tuple[b.Expr, ...]]
) -> dict[int, frozenset[str]]:
    """For each node of `root`'s plan (by id), the columns of its output something above it
    reads (all of the root's: they are the query's output). A condition Flink pushes below an
    inner join (`pushed`, from `pushed_conditions`) is read there, not from the join's
    output."""
    below = {id(term) for terms in pushed.values() for term in terms}
    read: dict[int, set[str]] = {}
    seen: set[tuple[int, frozenset[str]]] = set()
    pending: list[tuple[p.Node, frozenset[str]]] = [(root, _columns(root))]
    while pending:  # a stack of our own: a plan's depth costs no Python stack
        node, wanted = pending.pop()
        if (id(node), wanted) in seen:  # a shared subtree: once per set of columns
            continue
        seen.add((id(node), wanted))
        read.setdefault(id(node), set()).update(wanted)
        own = _own_columns(node, below)
        for child in p.children(node):
            available = _columns(child)
            if isinstance(node, _WHOLE_ROWS):
                needed = available
            elif isinstance(node, _COMPUTING):
                needed = own & available
            else:
                needed = (wanted | own) & available
            pending.append((child, needed))
    return {key: frozenset(columns) for key, columns in read.items()}


def pushed_conditions(root: p.Node) -> dict[int, tuple[b.Expr, ...]]:
    """For each inner join of `root`'s plan (by id), the terms of its ON condition and of the
    WHERE right above it that read one side only: Flink filters that side with them before
    joining (so they count in its estimate of the side, not in the join's)."""
    pushed: dict[int, tuple[b.Expr, ...]] = {}
    pending = [root]
    while pending:
        node = pending.pop()
        pending.extend(p.children(node))
        terms: list[b.Expr] = []
        while isinstance(node, p.Filter):
            terms += conjuncts(node.predicate)
            node = node.input
        if not isinstance(node, p.Join) or node.kind != "INNER" or id(node) in pushed:
            continue
        if node.residual is not None:
            terms += conjuncts(node.residual)
        sides = (_columns(node.left), _columns(node.right))
        pushed[id(node)] = tuple(t for t in terms if any(b.columns_in(t) <= s for s in sides))
    return pushed


def conjuncts(expr: b.Expr) -> list[b.Expr]:
    """The terms of a condition's AND chains."""
    if isinstance(expr, b.Call) and expr.name == "AND":
        return [term for arg in expr.args for term in conjuncts(arg)]
    return [expr]


def _columns(node: p.Node) -> frozenset[str]:
    return frozenset(f.column for f in node.fields)


def _own_columns(node: p.Node, below: set[int]) -> frozenset[str]:
    """The columns `node`'s own expressions read from its inputs (not its inputs' own), but
    those of the conditions pushed below an inner join (`below`, by id)."""
    inputs = {id(child) for child in p.children(node)}
    found: set[str] = set()
    pending: list[object] = [getattr(node, f.name) for f in fields(node)]
    while pending:
        item = pending.pop()
        if id(item) in inputs or id(item) in below:
            continue
        if isinstance(item, b.Call) and item.name == "AND":
            pending.extend(item.args)  # each term on its own: some may be pushed
        elif isinstance(item, b.Column):
            found.add(item.column)
        elif isinstance(item, tuple):
            pending.extend(item)
        elif is_dataclass(item) and type(item).__module__ == b.__name__:
            pending.extend(getattr(item, f.name) for f in fields(item))
    return frozenset(found)


# the estimated input rows up to which the oracle's Flink groups by sorting: over VALUES rows
# (an exact count) and over a csv file (its sampled count, times filter selectivities)
_SORTED_UP_TO_EXACT = 9.0
_SORTED_UP_TO_ESTIMATED = 8.25
# Flink's default selectivities, without column statistics (its SelectivityEstimator)
_EQUALS, _COMPARISON, _LIKE, _IS_NULL, _OTHER = 0.15, 0.5, 0.05, 0.1, 0.25
_COMPARISONS = {"<", "<=", ">", ">="}

# how many rows a relation read by name has as Flink's planner knows them, counted at most up
# to the given number (None: all), and whether exactly (VALUES rows); None: unknown or more
Counter = Callable[[p.Scan, int | None], tuple[float, bool] | None]


# a GROUP BY with a DISTINCT aggregate is two aggregates (by the keys and the DISTINCT value,
# then by the keys): the outer one reads the inner's estimated rows, fewer than its input's
# (the oracle: 9 rows grouped so sort, 50 rows hash; a plain GROUP BY of 9 rows hashes)
DISTINCT_LEVEL = 0.5


def sorts_tiny_input(node: p.Node, count: Counter, share: float = 1.0) -> bool:
    """Whether Flink groups the rows of `node` (the input of a GROUP BY, DISTINCT or set
    operation; `share` of them, past a first level of aggregation) with a sort aggregate, for a
    tiny estimated input."""
    estimate = estimated_rows(node, count)
    if estimate is None:
        return False
    rows, exact = estimate
    return rows * share <= (_SORTED_UP_TO_EXACT if exact else _SORTED_UP_TO_ESTIMATED)


# the rows Flink's planner assumes of a table without statistics (a json file): many, so that
# such a side probes a hash join, and two such sides compare by their rows' width
UNKNOWN_ROWS = 1e8
# the rows counted at most to tell a handful from many: filters and joins multiply selectivities
# (0.15 an equality), so a table of hundreds can be estimated at a few rows; counting stops
# here, cheap on any file
SMALL = 100_000


def estimated_rows(
    node: p.Node, count: Counter, cap: int | None = SMALL
) -> tuple[float, bool] | None:
    """Flink's estimate of `node`'s rows and whether it is exact (VALUES rows only), where its
    tables have fewer than `cap` rows (None: any number); None where it is unknown (a json
    file, an aggregate, a subquery: Flink's estimates there are not followed) or more."""
    if isinstance(node, p.ValuesNode):
        return float(len(node.rows)), True
    if isinstance(node, p.Scan):  # a view as Flink inlines it, a table as counted
        return count(node, cap) if node.view is None else estimated_rows(node.view, count, cap)
    if isinstance(node, (p.Project, p.Sort, p.Window, p.MlPredict)):  # a row per row
        return estimated_rows(node.input, count, cap)
    if isinstance(node, p.Filter):
        terms = conjuncts(node.predicate)
        while isinstance(node, p.Filter) and isinstance(node.input, p.Filter):
            node = node.input
            terms += conjuncts(node.predicate)
        if isinstance(node.input, p.Join) and node.input.kind == "INNER":
            return _joined_rows(node.input, count, cap, terms)  # terms pushed to their sides
        inner = estimated_rows(node.input, count, cap)
        return None if inner is None else (inner[0] * _kept(terms), inner[1])
    if isinstance(node, p.Limit):
        inner = estimated_rows(node.input, count, cap)
        if node.count is None:
            return inner
        return (min(node.count, inner[0]), inner[1]) if inner else (float(node.count), False)
    if isinstance(node, p.Join):
        return _joined_rows(node, count, cap)
    if isinstance(node, p.SetUnion) and not node.distinct:
        parts = [estimated_rows(child, count, cap) for child in node.inputs]
        if any(part is None for part in parts):
            return None
        return sum(part[0] for part in parts if part), all(part[1] for part in parts if part)
    return None


def _joined_rows(
    node: p.Join, count: Counter, cap: int | None, above: Sequence[b.Expr] = ()
) -> tuple[float, bool] | None:
    """Flink's estimate of a join's rows without column statistics (FlinkRelMdRowCount): an
    equi-join's is both sides' rows added, times its condition's selectivity (0.15 an
    equality); a cross join's their product; an outer join at least its preserved side's.
    The terms of the join's condition and of a WHERE `above` an inner join that read one side
    only filter that side first, as Flink pushes them there."""
    left, right = estimated_rows(node.left, count, cap), estimated_rows(node.right, count, cap)
    if left is None or right is None:
        return None
    terms = [*above, *(conjuncts(node.residual) if node.residual is not None else ())]
    own, rest = _by_side(node, terms)
    left_rows, right_rows = left[0] * _kept(own[0]), right[0] * _kept(own[1])
    if node.equi_keys:
        rows = (left_rows + right_rows) * _EQUALS ** len(node.equi_keys) * _kept(rest)
    else:
        rows = left_rows * right_rows * _kept(rest)
    if node.kind == "LEFT":
        rows = max(left_rows, rows)
    elif node.kind == "RIGHT":
        rows = max(right_rows, rows)
    elif node.kind == "FULL":
        rows = max(left_rows, rows) + max(right_rows, rows) - rows
    return rows, left[1] and right[1]


def _by_side(
    node: p.Join, terms: Sequence[b.Expr]
) -> tuple[tuple[list[b.Expr], list[b.Expr]], list[b.Expr]]:
    """`terms` split as Flink pushes them: those reading only the left side of an inner
    join, those reading only its right side, and the rest (all of them for an outer join)."""
    sides = [{f.column for f in side.fields} for side in (node.left, node.right)]
    if node.kind != "INNER":  # only an inner join's terms move below it
        return ([], []), list(terms)
    left, right = ([t for t in terms if b.columns_in(t) <= columns] for columns in sides)
    return (left, right), [t for t in terms if t not in left and t not in right]


def probes_right(
    node: p.Join,
    count: Counter,
    constant: Callable[[str], bool],
    read: Mapping[int, frozenset[str]],
    pushed: Sequence[b.Expr],
) -> bool:
    """Whether Flink's hash join probes with the right side of the inner or full join `node`:
    the side of more bytes (rows, after the one-sided terms `pushed` below it, times the
    width of the columns `read` of it), the left on a tie. A side of tables Flink counts whose
    estimate is not followed here (an aggregate, a subquery) or past the rows counted counts
    as many, one of tables Flink does not count as Flink's many."""
    sizes = []
    for side, below in zip((node.left, node.right), _by_side(node, pushed)[0], strict=True):
        estimate = estimated_rows(side, count)
        if estimate is not None:
            rows = estimate[0] * _kept(below)
        else:
            rows = float(SMALL) if counted(side, constant) else UNKNOWN_ROWS
        sizes.append(rows * row_bytes([f.type for f in side.fields if f.column in read[id(side)]]))
    return sizes[0] <= sizes[1]


def _kept(terms: Sequence[b.Expr]) -> float:
    """The share of rows all of `terms` keep."""
    return math.prod(map(selectivity, terms))


def counted(root: p.Node, constant: Callable[[str], bool] = lambda relation: False) -> bool:
    """Whether Flink's planner knows the row count of every table `root` reads (csv tables,
    views of them, VALUES rows, the relations `constant` names): a view `root` plans is then
    `p.Scan.counted`."""
    pending = [root]
    while pending:
        node = pending.pop()
        if isinstance(node, p.Scan) and not (node.counted or constant(node.relation)):
            return False
        pending.extend(p.children(node))
    return True


def selectivity(predicate: b.Expr) -> float:
    """The share of rows Flink guesses `predicate` keeps, without column statistics."""
    if isinstance(predicate, b.Call):
        name, args = predicate.name, predicate.args
        if name == "AND":
            return math.prod(selectivity(arg) for arg in args)
        if name == "OR":  # the share none of them drops
            return 1 - math.prod(1 - selectivity(arg) for arg in args)
        if name == "NOT":
            return 1 - selectivity(args[0])
        if name == "=":
            return _EQUALS
        if name == "<>":
            return 1 - _EQUALS
        if name in _COMPARISONS:
            return _COMPARISON
        if name == "IS NULL":
            return _IS_NULL
        if name == "IS NOT NULL":
            return 1 - _IS_NULL
        if name == "LIKE":
            return _LIKE
        if name == "NOT LIKE":
            return 1 - _LIKE
    return _OTHER
