"""Bound expressions: what the binder makes of the syntax tree's expressions, and what the
executor compiles.

A bound expression has no names left to resolve and no positions: every column is a frame
column of the node's input, every function is a registered one, and every node carries its SQL
type (nullability included). Two equal expressions compare equal, so GROUP BY keys and repeated
aggregates are matched by `==`.

Operators are calls too: `+`, `=`, `AND` (n-ary: a chain of 5,000 ORs is one call with 5,000
arguments, never 5,000 nested ones), `NOT`, `NEGATE`, `IS NULL`, `IN`, `BETWEEN`, `LIKE`, ...
(`planning/functions/operators.py` types them, `executor/functions/operators.py` runs them).

Adding a kind of expression (a lambda, ...): a frozen dataclass here with a
`type` field, a binding rule in `binder.py`, a compiler in `executor/expressions.py`'s table.
Subqueries never reach this level: the builder turns them into joins.
"""

from __future__ import annotations

from dataclasses import dataclass

from bailian_assets.sql.ast import DataType


@dataclass(frozen=True)
class Column:
    """A column of the input frame, by its frame name (`Field.column`)."""

    column: str
    type: DataType


@dataclass(frozen=True)
class Literal:
    """A constant: str, int, float, bool or None (NULL), with its SQL type (`120.5` is
    DECIMAL(4, 1) NOT NULL, `'ab'` CHAR(2) NOT NULL, NULL the type NULL)."""

    value: object
    type: DataType


@dataclass(frozen=True)
class Call:
    """A call of a registered scalar function or operator (`name` upper case)."""

    name: str
    args: tuple[Expr, ...]
    type: DataType


@dataclass(frozen=True)
class Cast:
    """CAST (a bad value fails the job) or TRY_CAST (`safe`: a bad value becomes NULL)."""

    expr: Expr
    type: DataType
    safe: bool = False


@dataclass(frozen=True)
class Case:
    """CASE [operand] WHEN ... THEN ... [ELSE ...] END; with an operand, each WHEN value is
    compared to it."""

    operand: Expr | None
    whens: tuple[tuple[Expr, Expr], ...]
    else_: Expr | None
    type: DataType


@dataclass(frozen=True)
class AggregateCall:
    """An aggregate (`planning/functions/aggregates.py`) over the rows of a group; `star` is
    COUNT(*); `filter` (BOOLEAN) keeps the rows it is TRUE for (`agg(...) FILTER (WHERE c)`)."""

    name: str
    args: tuple[Expr, ...]
    type: DataType
    distinct: bool = False
    star: bool = False
    filter: Expr | None = None
    ignore_nulls: bool = False  # ARRAY_AGG(x IGNORE NULLS)


@dataclass(frozen=True)
class SortKey:
    """One key of a sort (ORDER BY, a window's ORDER BY): its value, its direction, and where
    its NULLs go (Flink's default: first ascending, last descending)."""

    expr: Expr
    descending: bool = False
    nulls_last: bool = False


@dataclass(frozen=True)
class Frame:
    """A window frame: `unit` ROWS or RANGE, bounds as (kind, offset) (see ast.WindowFrame),
    the offset a distance: rows for ROWS, for RANGE a value in the single order key's units
    (days for a DATE key). Without a frame, Flink's default: the whole partition without ORDER
    BY, else RANGE UNBOUNDED PRECEDING to CURRENT ROW (the current row's peers included)."""

    unit: str
    start: tuple[str, Literal | None]
    end: tuple[str, Literal | None]


@dataclass(frozen=True)
class WindowCall:
    """A window function (`planning/functions/windows.py`) or an aggregate over a window:
    its value for each row from the rows of its partition, in `order`, within `frame`."""

    name: str
    args: tuple[Expr, ...]
    partition: tuple[Expr, ...]
    order: tuple[SortKey, ...]
    frame: Frame | None
    type: DataType
    star: bool = False  # COUNT(*) OVER (...)


Expr = Column | Literal | Call | Cast | Case | AggregateCall | WindowCall


def column_of(expr: Expr) -> str | None:
    """The frame column `expr` carries unchanged (or only cast), else None."""
    while isinstance(expr, Cast):
        expr = expr.expr
    return expr.column if isinstance(expr, Column) else None


def columns_in(expr: Expr) -> set[str]:
    """Every frame column `expr` reads (from a stack: chains may be thousands wide)."""
    found: set[str] = set()
    pending: list[Expr] = [expr]
    while pending:
        item = pending.pop()
        if isinstance(item, Column):
            found.add(item.column)
        else:
            pending.extend(children(item))
    return found


# functions whose value differs from one evaluation to the next: two calls are two values
VOLATILE = frozenset({"RAND", "RAND_INTEGER", "UUID"})


def volatile(expr: Expr) -> bool:
    """Whether `expr` calls a VOLATILE function (from a stack)."""
    pending: list[Expr] = [expr]
    while pending:
        item = pending.pop()
        if isinstance(item, Call) and item.name in VOLATILE:
            return True
        pending.extend(children(item))
    return False


def children(expr: Expr) -> list[Expr]:
    """The expressions one level below `expr`."""
    if isinstance(expr, AggregateCall):
        return list(expr.args) + ([] if expr.filter is None else [expr.filter])
    if isinstance(expr, Call):
        return list(expr.args)
    if isinstance(expr, WindowCall):
        return list(expr.args) + list(expr.partition) + [key.expr for key in expr.order]
    if isinstance(expr, Cast):
        return [expr.expr]
    if isinstance(expr, Case):
        found = [] if expr.operand is None else [expr.operand]
        for condition, value in expr.whens:
            found += (condition, value)
        return found + ([] if expr.else_ is None else [expr.else_])
    return []
