"""Logical plan: what the executor runs. Built by the planner, read by the executor.

Every node knows its output `fields`. A field's `column` is the name of its column in the
executor's frame, unique within a plan; `name` is what SQL calls it. Expressions inside nodes
are bound expressions (`bound.py`) over the frame columns of the node's input.

How to add a plan node: a frozen dataclass here with `fields` (and `input`/`inputs` children,
listed by `children`), built by the builder (`builder.py`) or a table function
(`table_functions.py`), run by a method registered in `executor/executor.py`'s `_RUNNERS`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from dataclasses import field as dataclass_field
from dataclasses import fields as dataclass_fields
from typing import TYPE_CHECKING

from bailian_assets.errors import Position
from bailian_assets.planning import bound
from bailian_assets.planning.bound import AggregateCall, Expr, WindowCall
from bailian_assets.planning.models import ModelSpec, RuntimeConfig
from bailian_assets.sql import ast

if TYPE_CHECKING:
    from bailian_assets.planning.connectors import TableSpec


@dataclass(frozen=True)
class Field:
    name: str
    type: ast.DataType
    qualifier: str | None
    column: str
    # reachable only as `qualifier.name`, not by `name` alone nor by `*`: the two sides' copies
    # of a JOIN ... USING key, which SQL reads as the one merged key column
    qualified_only: bool = False
    # reachable by `*` only, by no name: the EXPR$n columns of `(VALUES ...) AS t` without a
    # column list, which Flink names but does not resolve
    hidden: bool = False


@dataclass(frozen=True)
class Scan:
    """Rows of a view or table, read by name; `source_columns[i]` becomes `fields[i]`. A table
    read with a hint's options (`t /*+ OPTIONS(...) */`) is read as `hinted`, the table with
    those `options` laid over its own. `counted`: a table whose row count Flink's planner
    knows (a csv file: `flink_estimates.py`)."""

    relation: str
    source_columns: tuple[str, ...]
    fields: tuple[Field, ...]
    counted: bool = False
    # a view's plan (Flink inlines views: its estimates are the plan's, `flink_estimates.py`)
    view: Node | None = dataclass_field(default=None, compare=False, repr=False)
    options: tuple[tuple[str, str], ...] = ()
    hinted: TableSpec | None = dataclass_field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class ValuesNode:
    rows: tuple[tuple[Expr, ...], ...]
    fields: tuple[Field, ...]


@dataclass(frozen=True)
class MlPredict:
    """Every input row with the model's OUTPUT columns appended."""

    input: Node
    model: ModelSpec
    input_column: str  # frame column sent to the model
    output_fields: tuple[Field, ...]  # model output first, then metadata columns
    config: RuntimeConfig
    position: Position
    path: str

    @property
    def fields(self) -> tuple[Field, ...]:
        return self.input.fields + self.output_fields


@dataclass(frozen=True)
class VectorSearch:
    """Each input row joined with its `top_k` nearest rows of `search` by cosine similarity,
    best first; `keep_unmatched` (LEFT JOIN LATERAL) keeps rows that match nothing."""

    input: Node
    search: Node
    query_column: str  # frame column of `input` holding the query vector
    search_column: str  # frame column of `search` holding the vectors searched
    top_k: int
    keep_unmatched: bool
    score: Field

    @property
    def fields(self) -> tuple[Field, ...]:
        return self.input.fields + self.search.fields + (self.score,)


@dataclass(frozen=True)
class Unnest:
    """Each input row once per element of its `collection` (UNNEST, joined laterally): the
    element, or the struct fields `parts` names (a ROW element's fields, a MAP entry's key and
    value), as `element_fields`, then its 1-based `ordinality`. A row whose collection is
    empty or NULL is dropped, or kept with NULLs when `keep_empty` (LEFT JOIN ... ON TRUE)."""

    input: Node
    collection: Expr  # over the input's columns
    parts: tuple[str | None, ...]  # per element field: its struct field, None: the element
    element_fields: tuple[Field, ...]
    ordinality: Field | None
    keep_empty: bool

    @property
    def fields(self) -> tuple[Field, ...]:
        extra = (self.ordinality,) if self.ordinality is not None else ()
        return self.input.fields + self.element_fields + extra


@dataclass(frozen=True)
class Project:
    input: Node
    items: tuple[tuple[Expr, Field], ...]

    @property
    def fields(self) -> tuple[Field, ...]:
        return tuple(f for _, f in self.items)


@dataclass(frozen=True)
class Filter:
    input: Node
    predicate: Expr

    @property
    def fields(self) -> tuple[Field, ...]:
        return self.input.fields


@dataclass(frozen=True)
class Join:
    kind: str  # INNER, LEFT, RIGHT, FULL, CROSS
    left: Node
    right: Node
    equi_keys: tuple[tuple[Expr, Expr], ...]  # left expr = right expr
    residual: Expr | None  # the rest of ON, evaluated on joined rows

    @property
    def fields(self) -> tuple[Field, ...]:
        """Both sides' fields; those of the side an outer join may leave without a match
        are nullable (a LEFT JOIN's right side), whatever the side declares."""
        left, right = self.left.fields, self.right.fields
        if self.kind in ("RIGHT", "FULL"):
            left = _nullable(left)
        if self.kind in ("LEFT", "FULL"):
            right = _nullable(right)
        return left + right


def _nullable(fields: tuple[Field, ...]) -> tuple[Field, ...]:
    return tuple(
        f if f.type.nullable else replace(f, type=replace(f.type, nullable=True)) for f in fields
    )


@dataclass(frozen=True)
class Aggregate:
    """GROUP BY `keys` (none: one row for all input), computing `aggregates` per group.

    With `sets` (GROUPING SETS, ROLLUP, CUBE), the rows of each set in turn: grouped by the
    keys it holds (indexes into `keys`), the others NULL. `groupings` are the GROUPING(...)
    and GROUPING_ID(...) calls: the keys they name (indexes), and the field of their value, a
    bit per key (most significant first), set where the row's set does not hold the key."""

    input: Node
    keys: tuple[tuple[Expr, Field], ...]
    aggregates: tuple[tuple[AggregateCall, Field], ...]
    sets: tuple[tuple[int, ...], ...] | None = None
    groupings: tuple[tuple[tuple[int, ...] | None, Field], ...] = ()  # None: GROUP_ID()
    # Flink computes the groups by sorting (`flink_estimates.sorts_groups`): they come out in key
    # order, not in the order they first appear
    sorted_groups: bool = False

    @property
    def fields(self) -> tuple[Field, ...]:
        return (
            tuple(f for _, f in self.keys)
            + tuple(f for _, f in self.aggregates)
            + tuple(f for _, f in self.groupings)
        )


@dataclass(frozen=True)
class Window:
    """Each input row with the value of each window call appended (one column per call)."""

    input: Node
    calls: tuple[tuple[WindowCall, Field], ...]

    @property
    def fields(self) -> tuple[Field, ...]:
        return self.input.fields + tuple(f for _, f in self.calls)


@dataclass(frozen=True)
class Distinct:
    input: Node

    @property
    def fields(self) -> tuple[Field, ...]:
        return self.input.fields


@dataclass(frozen=True)
class Sort:
    input: Node
    keys: tuple[bound.SortKey, ...]

    @property
    def fields(self) -> tuple[Field, ...]:
        return self.input.fields


@dataclass(frozen=True)
class Limit:
    """The rows of `input` after the first `offset`, at most `count` of them (None: all)."""

    input: Node
    count: int | None
    offset: int = 0

    @property
    def fields(self) -> tuple[Field, ...]:
        return self.input.fields


@dataclass(frozen=True)
class SetUnion:
    inputs: tuple[Node, ...]
    distinct: bool
    fields: tuple[Field, ...]


@dataclass(frozen=True)
class SetCombine:
    """`left INTERSECT right` or `left EXCEPT right` (NULLs equal, as in set operations);
    with `all`, as multisets (INTERSECT ALL keeps min(m, n) copies, EXCEPT ALL m - n)."""

    kind: str  # INTERSECT or EXCEPT
    all: bool
    left: Node
    right: Node
    fields: tuple[Field, ...]


@dataclass(frozen=True)
class SubqueryJoin:
    """Each input row with one column computed from an uncorrelated subquery's rows, a join
    with a one-column result: SCALAR (its single value, NULL when it has no row), EXISTS
    (whether it has rows), IN (`operand IN (its values)` with SQL's three-valued logic)."""

    kind: str  # SCALAR, EXISTS, IN
    input: Node
    subquery: Node
    operand: Expr | None  # IN's left side, over the input's columns
    result: Field

    @property
    def fields(self) -> tuple[Field, ...]:
        return (*self.input.fields, self.result)


@dataclass(frozen=True)
class SemiJoin:
    """The input rows that join a row of `subquery` on `keys` (`anti`: those that join
    none), placed on the input that holds the keys' columns, before the joins above it
    (`planning/semi_join.py`): a WHERE's conjunct `x IN (SELECT ...)`, or `[NOT] EXISTS` of
    a subquery correlated by equalities only. A NULL key matches nothing, which is what the
    WHERE makes of IN's NULL, and what EXISTS makes of `=`."""

    input: Node
    subquery: Node
    keys: tuple[tuple[Expr, Expr], ...]  # input expr = subquery expr
    anti: bool = False

    @property
    def fields(self) -> tuple[Field, ...]:
        return self.input.fields


@dataclass(frozen=True)
class CorrelatedJoin:
    """Each input row with one column computed from the rows of a correlated subquery that
    join it (`planning/decorrelate.py` made the subquery uncorrelated): rows join where
    `keys` are equal and `residual` holds. SCALAR: the `value` of its one joined row (NULL
    without one; more than one fails the job); EXISTS: whether a row joins; IN: `operand IN
    (the joined rows' values)`, three-valued. A row that joins nothing gets what the subquery
    gives over no rows, `empty` (a global aggregate's value: COUNT(*) is 0), when it has one."""

    kind: str  # SCALAR, EXISTS, IN
    input: Node
    subquery: Node
    keys: tuple[tuple[Expr, Expr], ...]  # input expr = subquery expr
    residual: Expr | None  # over the input's and the subquery's columns
    operand: Expr | None  # IN's left side, over the input's columns
    value: str  # the subquery's column holding its value (SCALAR, IN)
    empty: Node | None  # the subquery over no rows (one-column output like `subquery`'s)
    unique: bool  # at most one subquery row per key: no row count to check
    result: Field
    # IN for a NULL operand that joins no row: NULL, as Flink gives it where the IN is a
    # value (SELECT list, under OR); FALSE where it filters (a WHERE conjunct, NOT IN there)
    unknown_when_empty: bool = False
    # a row that joins nothing is dropped: a WHERE conjunct compares the scalar, NULL for it
    # (`planning/filtering_subqueries.py`)
    inner: bool = False

    @property
    def fields(self) -> tuple[Field, ...]:
        return (*self.input.fields, self.result)


Node = (
    Scan
    | ValuesNode
    | MlPredict
    | VectorSearch
    | Unnest
    | Project
    | Filter
    | Join
    | Aggregate
    | Window
    | Distinct
    | Sort
    | Limit
    | SetUnion
    | SetCombine
    | SubqueryJoin
    | SemiJoin
    | CorrelatedJoin
)


@dataclass(frozen=True)
class PlannedQuery:
    """A query ready to run: its plan and its output columns' SQL names and types."""

    root: Node
    names: tuple[str, ...]
    types: tuple[ast.DataType, ...]
    path: str
    position: Position

    @property
    def columns(self) -> tuple[str, ...]:
        """The frame columns of `root` that become `names`, in order."""
        return tuple(f.column for f in self.root.fields)


def renamed(node: Node, names: tuple[str, ...], qualifier: str | None) -> Node:
    """`node` with its output fields given SQL names under a new qualifier (a subquery's or a
    table function's alias); the frame columns stay."""
    fields = tuple(
        replace(f, name=n, qualifier=qualifier) for f, n in zip(node.fields, names, strict=False)
    )
    items = tuple(
        (bound.Column(f.column, f.type), nf) for f, nf in zip(node.fields, fields, strict=False)
    )
    return Project(node, items)


# the classes of bound expressions (what a plan node's fields may hold besides values)
EXPRESSIONS = (
    bound.Column,
    bound.Literal,
    bound.Call,
    bound.Cast,
    bound.Case,
    bound.AggregateCall,
    bound.WindowCall,
)


def expressions(node: Node) -> Iterator[Expr]:
    """The bound expressions a plan node holds itself (not those of its inputs)."""
    pending: list[object] = [getattr(node, f.name) for f in dataclass_fields(node)]
    while pending:
        value = pending.pop()
        if isinstance(value, tuple):
            pending.extend(value)
        elif isinstance(value, EXPRESSIONS):
            yield value


def walk(node: Node):
    """Every node of a plan once, parents before children (from a stack, never recursing).
    A plan may share a subtree (a WITH query read twice): it is visited once."""
    pending, seen = [node], set()
    while pending:
        current = pending.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        pending.extend(reversed(children(current)))


def children(node: Node) -> tuple[Node, ...]:
    if isinstance(node, (Join, SetCombine)):
        return (node.left, node.right)
    if isinstance(node, (SubqueryJoin, SemiJoin)):
        return (node.input, node.subquery)
    if isinstance(node, CorrelatedJoin):
        extra = (node.empty,) if node.empty is not None else ()
        return (node.input, node.subquery, *extra)
    if isinstance(node, VectorSearch):
        return (node.input, node.search)
    if isinstance(node, SetUnion):
        return node.inputs
    inner = getattr(node, "input", None)
    return (inner,) if inner is not None else ()


def with_children(node: Node, inputs: tuple[Node, ...]) -> Node:
    """`node` with its children (in `children`' order) replaced by `inputs`."""
    if all(a is b for a, b in zip(inputs, children(node), strict=True)):
        return node
    if isinstance(node, (Join, SetCombine)):
        return replace(node, left=inputs[0], right=inputs[1])
    if isinstance(node, (SubqueryJoin, SemiJoin)):
        return replace(node, input=inputs[0], subquery=inputs[1])
    if isinstance(node, CorrelatedJoin):
        empty = inputs[2] if node.empty is not None else None
        return replace(node, input=inputs[0], subquery=inputs[1], empty=empty)
    if isinstance(node, VectorSearch):
        return replace(node, input=inputs[0], search=inputs[1])
    if isinstance(node, SetUnion):
        return replace(node, inputs=inputs)
    if not inputs:
        return node
    return replace(node, input=inputs[0])  # type: ignore[arg-type]  # the one-input nodes


def at_most_one_row(node: Node) -> bool:
    """Whether `node` gives at most one row whatever its input: a global aggregate (no GROUP
    BY), a LIMIT 1 or a single-row VALUES, under filters, projections, sorts and windows. A
    scalar subquery known so needs no row count checked before it is used."""
    while isinstance(node, (Project, Filter, Sort, Window, Distinct)):
        node = node.input
    if isinstance(node, Aggregate):
        return not node.keys and node.sets is None
    if isinstance(node, Limit):
        return node.count is not None and node.count <= 1
    return isinstance(node, ValuesNode) and len(node.rows) <= 1


_KEEPS_LABEL = {"TRIM", "LTRIM", "RTRIM"}


def model_outputs(query: PlannedQuery) -> dict[str, MlPredict]:
    """Output columns of `query` that carry a model's answer unchanged, with their ML_PREDICT
    (followed through projections, filters, sorts and limits)."""
    return {name: node for name, (node, index) in model_output_origins(query).items() if index == 0}


def model_output_origins(query: PlannedQuery) -> dict[str, tuple[MlPredict, int]]:
    """Output columns of `query` that are one of an ML_PREDICT's output columns unchanged
    (an AI function has several: AI_SENTIMENT's score, label, confidence), with the ML_PREDICT
    and the index of the column among its `output_fields`."""
    found = {}
    for name, field in zip(query.names, query.root.fields, strict=False):
        origin = _origin(query.root, field.column)
        if origin is not None:
            found[name] = origin
    return found


def _origin(node: Node | None, column: str) -> tuple[MlPredict, int] | None:
    """The ML_PREDICT whose output `column` of `node` is, and its index there, followed down
    the plan in a loop."""
    while node is not None:
        if isinstance(node, MlPredict):
            for index, field in enumerate(node.output_fields):
                if field.column == column:
                    return node, index
            node = node.input
        elif isinstance(node, Project):
            node, column = _projected(node, column)
        elif isinstance(
            node, (Filter, Sort, Limit, Distinct, Window, SubqueryJoin, CorrelatedJoin)
        ):
            node = node.input
        elif isinstance(node, Join):
            node = next(
                (
                    side
                    for side in (node.left, node.right)
                    if any(f.column == column for f in side.fields)
                ),
                None,
            )
        else:
            return None
    return None


def _projected(node: Project, column: str) -> tuple[Node | None, str]:
    """Where `column` of a projection comes from: (input, its column), or (None, ...) when it
    is computed rather than passed on."""
    for expr, field in node.items:
        if field.column == column:
            if isinstance(expr, bound.Call) and expr.name in _KEEPS_LABEL and expr.args:
                expr = expr.args[0]  # TRIM(content) still is the model's label
            if isinstance(expr, bound.Column):
                return node.input, expr.column
            return None, column
    return None, column
