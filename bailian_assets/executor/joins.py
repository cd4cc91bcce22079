"""Joins beyond a plain equi join, on Polars lazy frames: subqueries joined to the rows that
use them (uncorrelated: `single_value`, `in_values`; correlated, decorrelated by
`planning/decorrelate.py`: `correlated_join`), and outer joins whose ON condition has a
non-equality part (`outer_join`), which restricts the matches, never the preserved side's rows.

Everything is a hash join on the equality keys (a cross join only when there are none), then a
filter: no subquery runs once per row. Where a per-row answer needs the rows each outer row
joined (a residual condition, IN, a scalar subquery's row count), outer rows are numbered and
the joined pairs grouped by that number.
"""

from __future__ import annotations

from typing import Any, Literal

import polars as pl

from bailian_assets.errors import ExecutionError
from bailian_assets.executor.dtypes import to_polars
from bailian_assets.executor.expressions import compile_expr
from bailian_assets.planning import bound, types
from bailian_assets.planning import plan as p

_ROW, _HIT, _LEFT_ROW, _RIGHT_ROW = "$row", "$hit", "$left_row", "$right_row"
_Order = Literal["left", "none"]

_MANY_ROWS = (
    "a scalar subquery returned more than one row (Flink: "
    "SingleValueAggFunction received more than one element.)"
)


def join_keys(left: bound.Expr, right: bound.Expr) -> tuple[pl.Expr, pl.Expr]:
    """An equality's two sides as join keys of one dtype: Polars joins DECIMAL(3, 2) with
    DECIMAL(11, 1) only as their common DECIMAL, INT with BIGINT only as BIGINT."""
    a, b = compile_expr(left), compile_expr(right)
    if left.type != right.type:
        common = types.common_type(left.type, right.type)
        if common is not None and common.name in _NUMERIC:
            dtype = to_polars(common)  # a column that has it already stays a column
            a = a if to_polars(left.type) == dtype else a.cast(dtype)
            b = b if to_polars(right.type) == dtype else b.cast(dtype)
    return a, b


_NUMERIC = ("DECIMAL", "DOUBLE", "FLOAT", "BIGINT", "INT", "INTEGER", "SMALLINT", "TINYINT")


def join_on(
    left: pl.LazyFrame,
    right: pl.LazyFrame,
    keys: list[tuple[pl.Expr, pl.Expr]],
    **options: Any,
) -> pl.LazyFrame:
    """`left.join(right)` where each key pair (from `join_keys`) is equal. Polars takes keys as
    expressions, but refuses one holding an alias (a CAST's check: `ON CAST(a.s AS INT) =
    b.i`) and two of one output name (`a.i + 1 = b.i AND a.i * 2 = b.i + 2`): keys that are
    not plain columns become columns of their own first (`$lkey<i>`, `$rkey<i>`), dropped
    after."""
    if all(a.meta.is_column() and b.meta.is_column() for a, b in keys):
        return left.join(
            right, left_on=[a for a, _ in keys], right_on=[b for _, b in keys], **options
        )
    left_keys = [a.alias(f"$lkey{i}") for i, (a, _) in enumerate(keys)]
    right_keys = [b.alias(f"$rkey{i}") for i, (_, b) in enumerate(keys)]
    left_names = [k.meta.output_name() for k in left_keys]
    right_names = [k.meta.output_name() for k in right_keys]
    joined = left.with_columns(left_keys).join(
        right.with_columns(right_keys), left_on=left_names, right_on=right_names, **options
    )
    semi = options.get("how") in ("semi", "anti")
    return joined.drop(left_names if semi else left_names + right_names, strict=False)


def single_value(
    values: pl.LazyFrame, column: str, dtype: pl.DataType, at_most_one: bool = False
) -> pl.LazyFrame:
    """One row: a scalar subquery's value, NULL when it has no row; more than one row fails
    the job, as in Flink (so the subquery's rows, at most two, are computed here, unless the
    plan shows it has `at_most_one` row: then it stays lazy, part of the query's plan)."""
    if at_most_one:
        return values.select(pl.first().first().cast(dtype).alias(column))
    rows = values.select(pl.first().cast(dtype).alias(column)).head(2).collect()
    if rows.height > 1:
        raise ExecutionError(_MANY_ROWS)
    if rows.height == 0:
        rows = pl.DataFrame({column: [None]}, schema={column: dtype})
    return rows.lazy()


def in_values(
    frame: pl.LazyFrame,
    operand: pl.Expr,
    values: pl.LazyFrame,
    dtype: pl.DataType,
    column: str,
    keep_order: bool = True,
) -> pl.LazyFrame:
    """`frame` with `column` = `operand IN (values)`, three-valued: FALSE for no values, NULL
    for a NULL operand or no match among values holding a NULL. `keep_order`: `frame`'s rows
    in their order (`planning/row_order.py`)."""
    values = values.select(pl.first().cast(dtype).alias("$value")).unique()
    stats = values.select(pl.len().alias("$rows"), pl.col("$value").null_count().alias("$nulls"))
    found = values.drop_nulls().with_columns(pl.lit(True).alias("$found"))
    joined = (
        frame.with_columns(operand.cast(dtype).alias("$x"))
        .join(
            found,
            left_on="$x",
            right_on="$value",
            how="left",
            coalesce=True,
            maintain_order=left_order(keep_order),
        )
        .join(stats, how="cross", maintain_order=pairs_order(keep_order))
    )
    mark = (
        pl.when(pl.col("$rows") == 0)
        .then(False)
        .when(pl.col("$x").is_null())
        .then(None)
        .when(pl.col("$found"))
        .then(True)
        .when(pl.col("$nulls") > 0)
        .then(None)
        .otherwise(False)
    )
    return joined.with_columns(mark.alias(column)).drop(["$x", "$found", "$rows", "$nulls"])


def semi_join(
    frame: pl.LazyFrame,
    sub: pl.LazyFrame,
    keys: tuple[tuple[bound.Expr, bound.Expr], ...],
    anti: bool = False,
    keep_order: bool = True,
) -> pl.LazyFrame:
    """The rows of `frame` that join a row of `sub` where each key pair (`frame`'s expression,
    `sub`'s) is equal, compared as `join_keys` compares them (`anti`: the rows that join
    none); a NULL key matches nothing (a WHERE's `x IN (...)`, `[NOT] EXISTS`)."""
    pairs = [join_keys(outside, inside) for outside, inside in keys]
    return join_on(
        frame,
        sub,
        pairs,
        how="anti" if anti else "semi",
        maintain_order=left_order(keep_order),
    )


# ------------------------------------------------------------------ outer joins


def outer_join(
    node: p.Join, left: pl.LazyFrame, right: pl.LazyFrame, keep_order: bool = True
) -> pl.LazyFrame:
    """LEFT, RIGHT or FULL JOIN with a residual condition (`ON a.k = b.k AND b.flag`): the
    matches are the pairs that meet the whole condition; each row of a preserved side that is
    in none of them is kept once, with NULLs for the other side (as in Flink: the condition
    restricts the matches, never the preserved side's rows). `keep_order`: the rows in the
    order of the preserved side (`planning/row_order.py`)."""
    assert node.residual is not None
    if node.kind == "LEFT" and node.equi_keys and _reads_only(node.residual, node.right):
        return _right_filtered_first(node, left, right, keep_order)
    # numbered once each (`cache`): each side is read twice below, and its order may not be
    # the same twice when nothing reads it (`planning/row_order.py`)
    left, right = left.with_row_index(_LEFT_ROW).cache(), right.with_row_index(_RIGHT_ROW).cache()
    if node.equi_keys:
        keys = [join_keys(a, b) for a, b in node.equi_keys]
        pairs = join_on(
            left,
            right,
            keys,
            how="inner",
            coalesce=False,
            maintain_order=pairs_order(keep_order),
        )
    else:
        pairs = left.join(right, how="cross", maintain_order="left_right")
    pairs = pairs.filter(compile_expr(node.residual))
    parts = [pairs]
    if node.kind in ("LEFT", "FULL"):
        parts.append(left.join(pairs.select(_LEFT_ROW), on=_LEFT_ROW, how="anti"))
    if node.kind in ("RIGHT", "FULL"):
        parts.append(right.join(pairs.select(_RIGHT_ROW), on=_RIGHT_ROW, how="anti"))
    joined = pl.concat(parts, how="diagonal")
    if keep_order:
        order = _RIGHT_ROW if node.kind == "RIGHT" else _LEFT_ROW
        joined = joined.sort(order, nulls_last=True, maintain_order=True)
    return joined.select(f.column for f in node.fields)


def _reads_only(condition: bound.Expr, side: p.Node) -> bool:
    """Whether `condition` reads the columns of `side` and no others."""
    return bound.columns_in(condition) <= {f.column for f in side.fields}


def _right_filtered_first(
    node: p.Join, left: pl.LazyFrame, right: pl.LazyFrame, keep_order: bool
) -> pl.LazyFrame:
    """A LEFT JOIN whose residual reads the right side only (TPC-H Q13's `o_comment NOT LIKE
    ...`): a right row that fails it matches no left row, so the right side is filtered first
    and the join is a plain left equi-join (left rows in order, each one's matches in the
    right side's order, as `outer_join` gives them)."""
    assert node.residual is not None
    keys = [join_keys(a, b) for a, b in node.equi_keys]
    joined = join_on(
        left,
        right.filter(compile_expr(node.residual)),
        keys,
        how="left",
        coalesce=False,
        maintain_order=pairs_order(keep_order),
    )
    return joined.select(f.column for f in node.fields)


# ------------------------------------------------------------------ correlated subqueries


def correlated_join(
    node: p.CorrelatedJoin,
    frame: pl.LazyFrame,
    sub: pl.LazyFrame,
    empty: pl.LazyFrame | None,
    keep_order: bool = True,
) -> pl.LazyFrame:
    """`frame` with `node.result` computed from the rows of `sub` each of its rows joins;
    `keep_order`: `frame`'s rows in their order (`planning/row_order.py`)."""
    order = left_order(keep_order)
    if node.residual is None and node.kind == "EXISTS":
        marked = _exists_by_keys(node, frame, sub, order)
    elif node.residual is None and node.kind == "SCALAR" and node.unique:
        marked = _scalar_by_keys(node, frame, sub, order)
    else:
        marked = _by_rows(node, frame, sub, order)
    fallback = None if node.inner else _fallback(node, empty)  # inner: no row joins nothing
    mark = pl.col(node.result.column)
    if fallback is not None:  # rows that join nothing: the subquery's value over no rows
        mark = pl.when(pl.col(_HIT).is_null()).then(fallback).otherwise(mark)
    dtype = to_polars(node.result.type)
    return marked.with_columns(mark.cast(dtype).alias(node.result.column)).select(
        f.column for f in node.fields
    )


def _keyed(node: p.CorrelatedJoin) -> tuple[list[pl.Expr], list[pl.Expr]]:
    """The equality keys: the outer side's, the subquery side's (named apart)."""
    pairs = [join_keys(outside, inside) for outside, inside in node.keys]
    left = [a.alias(f"$l{i}") for i, (a, _) in enumerate(pairs)]
    right = [b.alias(f"$r{i}") for i, (_, b) in enumerate(pairs)]
    return left, right


def left_order(keep_order: bool) -> Literal["left", "none"]:
    """A left-preserving join's `maintain_order`: the left side's order only if it is read."""
    return "left" if keep_order else "none"


def pairs_order(
    keep_order: bool, probe_right: bool = False
) -> Literal["left_right", "right_left", "none"]:
    """A join's `maintain_order` for its pairs: both sides' order only where it is read
    (Polars gives the pairs of a hash or cross join in any order otherwise). Flink's hash join
    gives its pairs in the order of its probe side, each probe row's matches in the order of
    the build side (`planning/flink_estimates.py` says which side probes)."""
    if not keep_order:
        return "none"
    return "right_left" if probe_right else "left_right"


def _exists_by_keys(node: p.CorrelatedJoin, frame: pl.LazyFrame, sub: pl.LazyFrame, order: _Order):
    """EXISTS on equality keys only: a left join with the subquery's distinct keys, of those
    the outer rows hold (a semi join first: the subquery is often the big side, TPC-H Q4's
    lineitem, and its distinct keys are then only the few the outer rows ask for)."""
    left, right = _keyed(node)  # keys there are: without a residual, a condition is a key
    outer = frame.with_columns(left)
    outer_keys = [e.meta.output_name() for e in left]
    inner_keys = [e.meta.output_name() for e in right]
    asked = sub.select(right).join(
        outer.select(outer_keys), left_on=inner_keys, right_on=outer_keys, how="semi"
    )
    hits = asked.unique().with_columns(pl.lit(True).alias(_HIT))
    joined = outer.join(
        hits, left_on=outer_keys, right_on=inner_keys, how="left", maintain_order=order
    )
    return joined.with_columns(pl.col(_HIT).is_not_null().alias(node.result.column))


def _scalar_by_keys(node: p.CorrelatedJoin, frame: pl.LazyFrame, sub: pl.LazyFrame, order: _Order):
    """A scalar subquery with one row per key (a global aggregate grouped by the
    correlation keys): a left join on the keys (inner where the rows that join nothing go)."""
    left, right = _keyed(node)
    values = sub.select(
        *right, pl.col(node.value).alias(node.result.column), pl.lit(True).alias(_HIT)
    )
    return frame.with_columns(left).join(
        values,
        left_on=[e.meta.output_name() for e in left],
        right_on=[e.meta.output_name() for e in right],
        how="inner" if node.inner else "left",
        maintain_order=order,
    )


def _by_rows(
    node: p.CorrelatedJoin, frame: pl.LazyFrame, sub: pl.LazyFrame, order: _Order
) -> pl.LazyFrame:
    """The general case: outer rows numbered, joined to the subquery's rows on the keys,
    filtered by the residual, the pairs grouped per outer row."""
    rows = frame.with_row_index(_ROW).cache()  # numbered once: read twice, as in `outer_join`
    left, right = _keyed(node)
    read = set().union(*(bound.columns_in(e) for e in (node.residual, node.operand) if e))
    outside = [f.column for f in node.input.fields if f.column in read]
    inside = [f.column for f in node.subquery.fields if f.column in read | {node.value}]
    # only what the pairs are read for (rows may be wide), and a column of its own: a
    # condition may read the outer row alone (`WHERE u.k > 1`)
    inner = sub.with_row_index("$inner_row").select("$inner_row", *right, *inside)
    if left:
        pairs = rows.select(_ROW, *left, *outside).join(
            inner,
            left_on=[e.meta.output_name() for e in left],
            right_on=[e.meta.output_name() for e in right],
            how="inner",
        )
    else:
        pairs = rows.select(_ROW, *outside).join(inner, how="cross")
    if node.residual is not None:
        pairs = pairs.filter(compile_expr(node.residual))
    per_row = pairs.group_by(_ROW).agg(_per_row(node))
    if node.kind == "SCALAR":
        if node.residual is None:  # Flink checks every key value's rows, joined or not
            _require_single(sub.group_by(right).agg(pl.len().alias("$count")))
        else:
            _require_single(per_row)
    joined = rows.join(per_row, on=_ROW, how="left", maintain_order=order)
    return joined.with_columns(_mark(node).alias(node.result.column))


def _require_single(counts: pl.LazyFrame) -> None:
    """Fail as Flink does when a scalar subquery has more than one row for one outer row or
    key value (`counts`: a `$count` column)."""
    if counts.select((pl.col("$count") > 1).any()).collect().item():
        raise ExecutionError(_MANY_ROWS)


def _per_row(node: p.CorrelatedJoin) -> list[pl.Expr]:
    """What each outer row's joined subquery rows give: the aggregates `_mark` reads."""
    hit = pl.lit(True).first().alias(_HIT)
    if node.kind == "EXISTS":
        return [hit]
    value = pl.col(node.value)
    if node.kind == "SCALAR":
        return [hit, value.first().alias("$value"), pl.len().alias("$count")]
    assert node.operand is not None
    x, v = _in_sides(node)
    return [
        hit,
        (x == v).any().alias("$found"),
        (x.is_null() | v.is_null()).any().alias("$unknown"),
    ]


def _in_sides(node: p.CorrelatedJoin) -> tuple[pl.Expr, pl.Expr]:
    """IN's operand and the subquery's value, of their common type."""
    assert node.operand is not None
    value_type = next(f.type for f in node.subquery.fields if f.column == node.value)
    return join_keys(node.operand, bound.Column(node.value, value_type))


def _mark(node: p.CorrelatedJoin) -> pl.Expr:
    """The result from `_per_row`'s columns (a row that joined nothing has NULLs there)."""
    if node.kind == "EXISTS":
        return pl.col(_HIT).is_not_null()
    if node.kind == "SCALAR":
        return pl.col("$value")
    x, _ = _in_sides(node)
    nothing = pl.when(x.is_null()).then(None).otherwise(False)
    return (
        pl.when(pl.col(_HIT).is_null())
        .then(nothing if node.unknown_when_empty else pl.lit(False))
        .when(pl.col("$found"))
        .then(True)
        .when(pl.col("$unknown"))
        .then(None)
        .otherwise(False)
    )


def _fallback(node: p.CorrelatedJoin, empty: pl.LazyFrame | None) -> pl.Expr | None:
    """The result for a row that joins nothing when the subquery still has rows over no
    input (a global aggregate: `COUNT(*)` is 0), as an expression over the outer row."""
    if empty is None:
        return None
    values = empty.select(pl.col(node.value)).head(2).collect().get_column(node.value)
    if node.kind == "EXISTS":
        return pl.lit(len(values) > 0)
    if len(values) > 1:
        raise ExecutionError(_MANY_ROWS)
    if node.kind == "SCALAR":
        return pl.lit(values[0] if len(values) else None)
    if not len(values):
        return pl.lit(False)
    x, _ = _in_sides(node)
    return x == pl.lit(values[0])
