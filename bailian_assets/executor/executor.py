"""Runs logical plans on Polars: lazy frames throughout, collected only where ML_PREDICT needs
the rows and at the end.

Relations (views, tables) are read through `resolve(name)`, so the caller decides whether a view
is computed on the spot (command line) or loaded from a materialized asset (Dagster).

Each plan node class runs through the method `_RUNNERS` names for it (a new plan node: a method
here and a line in `_RUNNERS`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal, cast

import polars as pl

from bailian_assets.client.usage import Usage
from bailian_assets.errors import BailianError, DataFileError, ExecutionError
from bailian_assets.executor import decimals, guards
from bailian_assets.executor.casts import compile_cast, cut_time, cut_timestamp
from bailian_assets.executor.dtypes import to_polars
from bailian_assets.executor.expressions import Aggregation, compile_aggregate, compile_expr
from bailian_assets.executor.joins import (
    correlated_join,
    in_values,
    join_keys,
    join_on,
    left_order,
    outer_join,
    pairs_order,
    semi_join,
    single_value,
)
from bailian_assets.executor.ml_predict import ClientFactory, run_ml_predict
from bailian_assets.executor.scalar_subqueries import beside_rows, placed_beside
from bailian_assets.executor.vector_search import search
from bailian_assets.executor.windows import with_windows
from bailian_assets.planning import bound, flink_estimates, row_order
from bailian_assets.planning import plan as p
from bailian_assets.planning.connectors import connector_of
from bailian_assets.sql import ast

Resolver = Callable[[str], pl.LazyFrame]


@dataclass
class ModelRun:
    """One ML_PREDICT that ran: which model, where in the SQL, its usage, and its rows."""

    node: p.MlPredict
    usage: Usage
    rows_out: int = 0
    answered: int = 0  # rows whose model output is not NULL


@dataclass
class Executor:
    resolve: Resolver
    clients: ClientFactory
    runs: list[ModelRun] = field(default_factory=list)
    on_model_run: Callable[[ModelRun], None] | None = None
    # is a view's content constant (VALUES rows: `constant_rows`)? Flink's planner folds
    # expressions over constants itself (`guards.folding_constants`)
    constant: Callable[[str], bool] = lambda relation: False
    # the ids of the plan nodes whose row order is read (`planning/row_order.py`): only those
    # pay for keeping it
    _ordered: frozenset[int] = field(default=frozenset(), init=False, repr=False)
    # the columns of each plan node's output read above it (`planning/flink_estimates.py`)
    _read: dict[int, frozenset[str]] = field(default_factory=dict, init=False, repr=False)
    # the conditions Flink applies below each inner join (`planning/flink_estimates.py`)
    _pushed: dict[int, tuple[bound.Expr, ...]] = field(default_factory=dict, init=False)
    # rows counted of a relation, up to a cap (`_count`)
    _counts: dict[tuple[str, int | None], int] = field(default_factory=dict, init=False)
    # the frames of the tables and views read, by plan node id (`_count`)
    _scans: dict[int, pl.LazyFrame] = field(default_factory=dict, init=False, repr=False)
    # the ids of the scalar subqueries placed beside their rows (`scalar_subqueries.py`)
    _beside: frozenset[int] = field(default=frozenset(), init=False, repr=False)

    def run(self, query: p.PlannedQuery) -> pl.DataFrame:
        """The query's rows, with its output names and types."""
        try:
            self._beside = placed_beside(query.root)
            frame = self.frame(query.root).collect(engine="streaming")  # Polars streams what it can
            rows = _conformed(frame, query)
            _check_not_null(rows, query)
            _check_years(rows)
            return rows
        except DataFileError as error:  # located in the data file: name the query too
            raise error.read_by(query.path, query.position.line, query.position.col) from None
        except BailianError:
            raise
        except Exception as error:  # a function's Python code failed on a value: `_failure`
            raise ExecutionError(_failure(query, error)) from None

    def lazy(self, query: p.PlannedQuery) -> pl.LazyFrame:
        """The query's rows with its output names and types, uncollected: for a view that one
        query reads, whose filters and projections Polars then pushes into the view's scans
        (a partitioned table reads only the partitions that query asks for)."""
        self._beside = placed_beside(query.root)
        frame = self.frame(query.root)
        return frame.select(_conforming_columns(query, frame.collect_schema()))

    def frame(self, root: p.Node) -> pl.LazyFrame:
        """The rows of a plan. Inputs are computed before the nodes that read them, from a stack
        of our own (post-order), so a plan's depth costs no Python stack."""
        self._ordered |= row_order.ordered_nodes(root)
        pushed = flink_estimates.pushed_conditions(root)
        self._pushed.update(pushed)
        self._read.update(flink_estimates.read_columns(root, pushed))
        results: list[pl.LazyFrame] = []
        pending: list[tuple[p.Node, bool]] = [(root, False)]
        done: dict[int, pl.LazyFrame] = {}  # a shared subtree (a WITH query read twice): once
        while pending:
            node, inputs_done = pending.pop()
            inputs = p.children(node)
            if not inputs_done and id(node) in done:
                results.append(done[id(node)])
                continue
            if not inputs_done:
                pending.append((node, True))
                pending.extend((child, False) for child in reversed(inputs))
                continue
            frames = results[len(results) - len(inputs) :]
            del results[len(results) - len(inputs) :]
            results.append(_RUNNERS[type(node)](self, node, *frames))
            done[id(node)] = results[-1]
        return results[0]

    def _keeps(self, node: p.Node) -> bool:
        """Whether `node` must give its rows in order (`planning/row_order.py`)."""
        return id(node) in self._ordered

    def _scan(self, node: p.Scan) -> pl.LazyFrame:
        if node.hinted is not None:  # read with a hint's options: not the table as it is
            frame = connector_of(node.hinted).scan(node.hinted)
        else:
            frame = self.resolve(node.relation)
        self._scans[id(node)] = frame
        return frame.select(
            pl.col(source).alias(f.column)
            for source, f in zip(node.source_columns, node.fields, strict=False)
        )

    def _values(self, node: p.ValuesNode) -> pl.LazyFrame:
        if not node.fields:  # SELECT without FROM: one row, no columns of its own
            return pl.LazyFrame({"__row": [0]})
        return pl.DataFrame(
            [_values_column(node.rows, i, f) for i, f in enumerate(node.fields)]
        ).lazy()

    def _ml_predict(self, node: p.MlPredict, frame: pl.LazyFrame) -> pl.LazyFrame:
        result, usage = run_ml_predict(frame.collect(), node, self.clients)
        answered = result.get_column(node.output_fields[0].column).is_not_null().sum()
        model_run = ModelRun(node, usage, result.height, int(answered))
        self.runs.append(model_run)
        if self.on_model_run is not None:
            self.on_model_run(model_run)
        return result.lazy()

    def _vector_search(
        self, node: p.VectorSearch, queries: pl.LazyFrame, searched: pl.LazyFrame
    ) -> pl.LazyFrame:
        left, right = queries.collect(), searched.collect()
        result = search(
            left,
            node.query_column,
            right,
            node.search_column,
            node.top_k,
            node.keep_unmatched,
            node.score.column,
        )
        return result.lazy()

    def _unnest(self, node: p.Unnest, frame: pl.LazyFrame) -> pl.LazyFrame:
        """UNNEST as a Polars explode of the collection (and of its positions)."""
        items, positions = "$unnest", "$ordinality"
        collection = compile_expr(node.collection)
        frame = frame.with_columns(collection.alias(items))
        exploded = [items]
        if node.ordinality is not None:
            frame = frame.with_columns(
                pl.int_ranges(1, pl.col(items).list.len() + 1, dtype=pl.Int32).alias(positions)
            )
            exploded.append(positions)
        frame = frame.explode(exploded, empty_as_null=node.keep_empty, keep_nulls=node.keep_empty)
        element = pl.col(items)
        columns = [
            (element if part is None else element.struct.field(part)).alias(f.column)
            for part, f in zip(node.parts, node.element_fields, strict=False)
        ]
        if node.ordinality is not None:
            columns.append(pl.col(positions).alias(node.ordinality.column))
        return frame.with_columns(columns).select(f.column for f in node.fields)

    def _project(self, node: p.Project, frame: pl.LazyFrame) -> pl.LazyFrame:
        # with_columns broadcasts literals to every row (a bare select would give one row)
        folding = constant_rows(node.input, self.constant)
        with guards.folding_constants(folding), guards.projecting():
            exprs = [compile_expr(e).alias(f.column) for e, f in node.items]
        return frame.with_columns(exprs).select(f.column for _, f in node.items)

    def _filter(self, node: p.Filter, frame: pl.LazyFrame) -> pl.LazyFrame:
        return frame.filter(compile_expr(node.predicate))

    def _join(self, node: p.Join, left: pl.LazyFrame, right: pl.LazyFrame) -> pl.LazyFrame:
        if node.residual is not None and node.kind in ("LEFT", "RIGHT", "FULL"):
            return outer_join(node, left, right, self._keeps(node))
        if not node.equi_keys:
            joined = left.join(right, how="cross", maintain_order=pairs_order(self._keeps(node)))
        else:
            probe_right = node.kind == "RIGHT"
            if node.kind in ("INNER", "FULL") and self._keeps(node):
                pushed = self._pushed.get(id(node), ())
                probe_right = flink_estimates.probes_right(
                    node, self._count, self.constant, self._read, pushed
                )
            build = node.left if probe_right else node.right
            if self._keeps(node) and not flink_estimates.counted(build, self.constant):
                # a build side of rows Flink does not count fills its hash table as one of
                # many rows, which gives a probe row's matches last first
                left, right = (left.reverse(), right) if probe_right else (left, right.reverse())
            keys = [join_keys(a, b) for a, b in node.equi_keys]
            joined = join_on(
                left,
                right,
                keys,
                how=_EQUI_JOINS[node.kind],
                coalesce=False,
                maintain_order=pairs_order(self._keeps(node), probe_right),
            )
        if node.residual is not None:
            joined = joined.filter(compile_expr(node.residual))
        return joined

    def _count(self, node: p.Scan, cap: int | None) -> tuple[float, bool] | None:
        """The rows of a table or view read by `node` as Flink's planner knows them
        (`flink_estimates.py`), and whether exactly (a view of VALUES rows), when fewer than
        `cap` (None: any number); None when unknown or not fewer."""
        exact = self.constant(node.relation)
        if not (node.counted or exact):
            return None
        if (node.relation, cap) not in self._counts:  # once a relation: a scan reads its file
            frame = self._scans.get(id(node))  # a table inside a view: not scanned here
            frame = self.resolve(node.relation) if frame is None else frame
            frame = frame if cap is None else frame.head(cap)
            self._counts[(node.relation, cap)] = frame.select(pl.len()).collect().item()
        rows = self._counts[(node.relation, cap)]
        return (float(rows), exact) if cap is None or rows < cap else None

    def _sorts_groups(self, node: p.Node, share: float = 1.0) -> bool:
        """Whether Flink groups the rows of `node` by sorting them for an aggregate, DISTINCT
        or set operation above it whose order is read (a tiny input: `flink_estimates.py`)."""
        return flink_estimates.sorts_tiny_input(node, self._count, share)

    def _aggregate(self, node: p.Aggregate, frame: pl.LazyFrame) -> pl.LazyFrame:
        """GROUP BY, in the order groups first appear (Flink's hash aggregate) or in key order
        (its sort aggregate, `flink_estimates.sorts_groups`); grouping sets as `_grouping_sets`. The
        group_by computes the aggregates' partials, the grouped frame finishes them
        (`Aggregation`)."""
        aggregations = [compile_aggregate(call, f.column) for call, f in node.aggregates]
        partials = [e for a in aggregations for e in a.partials]
        if node.sets is not None:
            return _grouping_sets(node, frame, partials, aggregations, self._keeps(node))
        constants = [pl.lit(0, dtype=pl.Int64).alias(f.column) for _, f in node.groupings]
        if not node.keys:
            grouped = frame.select(partials)
        else:
            keys = [compile_expr(e).alias(f.column) for e, f in node.keys]
            in_order = self._keeps(node)
            distinct = any(call.distinct for call, _ in node.aggregates)
            share = flink_estimates.DISTINCT_LEVEL if distinct else 1.0
            by_sorting = in_order and (node.sorted_groups or self._sorts_groups(node.input, share))
            by = frame.group_by(keys, maintain_order=in_order and not by_sorting)
            grouped = by.agg(partials)
            if by_sorting:  # Flink's sort aggregate: in key order
                grouped = grouped.sort([f.column for _, f in node.keys], nulls_last=False)
        return _finished(grouped.with_columns(constants), node, aggregations)

    def _window(self, node: p.Window, frame: pl.LazyFrame) -> pl.LazyFrame:
        return with_windows(frame, node)

    def _distinct(self, node: p.Distinct, frame: pl.LazyFrame) -> pl.LazyFrame:
        return self._unique(node, node.input, frame)

    def _unique(self, node: p.Node, input: p.Node, frame: pl.LazyFrame) -> pl.LazyFrame:
        """The distinct rows of `frame` (`input`'s rows) for `node`: in the order they first
        appear (Flink's hash aggregate), or sorted where Flink sorts to group them."""
        if not self._keeps(node):
            return frame.unique(maintain_order=False)
        if self._sorts_groups(input) and row_order.sortable(node.fields):
            return frame.unique().sort([f.column for f in node.fields], nulls_last=False)
        return frame.unique(maintain_order=True)

    def _sort(self, node: p.Sort, frame: pl.LazyFrame) -> pl.LazyFrame:
        keys = list(node.keys)
        if self._keeps(node) and not self._keeps(node.input):  # ties: by the other columns
            keys += [
                bound.SortKey(bound.Column(f.column, f.type)) for f in row_order.tie_breakers(node)
            ]
        return frame.sort(
            [compile_expr(key.expr) for key in keys],
            descending=[key.descending for key in keys],
            nulls_last=[key.nulls_last for key in keys],
            maintain_order=self._keeps(node.input),  # ties in their input's order
        )

    def _limit(self, node: p.Limit, frame: pl.LazyFrame) -> pl.LazyFrame:
        return frame.slice(node.offset, node.count)

    def _set_union(self, node: p.SetUnion, *frames: pl.LazyFrame) -> pl.LazyFrame:
        parts = [
            _branch(child, frame, node.fields)
            for child, frame in zip(node.inputs, frames, strict=False)
        ]
        combined = pl.concat(parts, how="vertical")
        if not node.distinct:
            return combined
        return self._unique(node, p.SetUnion(node.inputs, False, node.fields), combined)

    def _subquery_join(
        self, node: p.SubqueryJoin, frame: pl.LazyFrame, sub: pl.LazyFrame
    ) -> pl.LazyFrame:
        column, order = node.result.column, pairs_order(self._keeps(node))
        if node.kind == "EXISTS":
            exists = sub.select((pl.len() > 0).alias(column))
            return frame.join(exists, how="cross", maintain_order=order)
        values = sub.select(pl.col(node.subquery.fields[0].column))
        if node.kind == "SCALAR":
            dtype, one = to_polars(node.result.type), p.at_most_one_row(node.subquery)
            value = single_value(values, column, dtype, one)
            if id(node) in self._beside:
                return beside_rows(frame, value, column)
            return frame.join(value, how="cross", maintain_order=order)
        assert node.operand is not None
        return in_values(
            frame,
            compile_expr(node.operand),
            values,
            to_polars(node.operand.type),
            column,
            self._keeps(node),
        )

    def _semi_join(self, node: p.SemiJoin, frame: pl.LazyFrame, sub: pl.LazyFrame) -> pl.LazyFrame:
        return semi_join(frame, sub, node.keys, node.anti, self._keeps(node))

    def _correlated_join(
        self,
        node: p.CorrelatedJoin,
        frame: pl.LazyFrame,
        sub: pl.LazyFrame,
        empty: pl.LazyFrame | None = None,
    ) -> pl.LazyFrame:
        return correlated_join(node, frame, sub, empty, self._keeps(node))

    def _set_combine(
        self, node: p.SetCombine, left: pl.LazyFrame, right: pl.LazyFrame
    ) -> pl.LazyFrame:
        """INTERSECT as a semi join, EXCEPT as an anti join, on every column (NULLs equal);
        with ALL, the k-th copy of a row pairs only with a k-th copy on the other side. Rows
        come in the order they first appear on the left, the copies of a row together (Flink
        counts them in a hash aggregate, then repeats each row)."""
        left, right = _branch(node.left, left, node.fields), _branch(node.right, right, node.fields)
        columns = [f.column for f in node.fields]
        keep = self._keeps(node)
        how: Literal["semi", "anti"] = "semi" if node.kind == "INTERSECT" else "anti"
        if not node.all:
            left = self._unique(node, node.left, left)
            return left.join(
                right, on=columns, how=how, nulls_equal=True, maintain_order=left_order(keep)
            )
        copy = pl.int_range(pl.len()).over(columns).alias("$copy")
        left, right = left.with_columns(copy), right.with_columns(copy)
        if keep:  # where each row first appears
            left = left.with_row_index("$first").with_columns(pl.col("$first").min().over(columns))
        on = [*columns, "$copy"]
        joined = left.join(right, on=on, how=how, nulls_equal=True, maintain_order=left_order(keep))
        if keep:
            joined = joined.sort("$first", maintain_order=True).drop("$first")
        return joined.drop("$copy")


# how each plan node runs: (executor, node, input frames...) -> frame
# a SQL join's kind -> Polars' `how` for an equi join
_EQUI_JOINS: dict[str, Literal["inner", "left", "right", "full"]] = {
    "INNER": "inner",
    "LEFT": "left",
    "RIGHT": "right",
    "FULL": "full",
}

# each runner takes the plan node of the class it is keyed by, then its inputs' frames
_RUNNERS: dict[type, Callable[..., pl.LazyFrame]] = {
    p.Scan: Executor._scan,
    p.ValuesNode: Executor._values,
    p.MlPredict: Executor._ml_predict,
    p.VectorSearch: Executor._vector_search,
    p.Unnest: Executor._unnest,
    p.Project: Executor._project,
    p.Filter: Executor._filter,
    p.Join: Executor._join,
    p.Aggregate: Executor._aggregate,
    p.Window: Executor._window,
    p.Distinct: Executor._distinct,
    p.Sort: Executor._sort,
    p.Limit: Executor._limit,
    p.SetUnion: Executor._set_union,
    p.SetCombine: Executor._set_combine,
    p.SubqueryJoin: Executor._subquery_join,
    p.SemiJoin: Executor._semi_join,
    p.CorrelatedJoin: Executor._correlated_join,
}


def _conformed(frame: pl.DataFrame, query: p.PlannedQuery) -> pl.DataFrame:
    """The query's collected rows with its output names and types. Most columns already have
    their output type: then the columns are only renamed, in place (a select would cost a
    query plan of its own)."""
    fields, names = query.root.fields, list(query.names)
    schema = frame.schema
    same_columns = frame.columns == [f.column for f in fields] and len(names) == len(fields)
    if same_columns and not any(
        _conforming(f.type, t, schema[f.column]) for f, t in zip(fields, query.types, strict=False)
    ):
        frame.columns = names
        return frame
    return frame.select(_conforming_columns(query, schema))


def _conforming_columns(query: p.PlannedQuery, schema: pl.Schema) -> list[pl.Expr]:
    """The query's columns as its output names and types (`_conform`), from a frame of
    `schema`."""
    return [
        _conform(pl.col(f.column), f.type, t, schema[f.column]).alias(name)
        for f, name, t in zip(query.root.fields, query.names, query.types, strict=False)
    ]


def _conforming(source: ast.DataType, target: ast.DataType, dtype: pl.DataType) -> bool:
    """Does `_conform` change a column of Polars type `dtype`?"""
    if source.name == target.name and source.name in ("ROW", "ARRAY"):
        return True  # by position: the struct's field names may change
    if target.name in ("VARCHAR", "CHAR") and target.params and _retyped(source, target):
        return True
    if source.name == target.name and _fewer_digits(source, target):
        return True
    return dtype != to_polars(target)


def _conform(
    column: pl.Expr, source: ast.DataType, target: ast.DataType, dtype: pl.DataType
) -> pl.Expr:
    """A query column (of Polars type `dtype`) as its output (a sink's) column type: a
    DECIMAL rounded HALF_UP to its scale (NULL when it does not fit), a ROW by position,
    since the sink's field names need not be the value's (ROW(1, 'x') into
    ROW<a INT, b STRING>)."""
    if target.name == "DECIMAL":
        return decimals.conform(column, dtype, target)
    if source.name == target.name and source.name in ("ROW", "ARRAY"):
        return compile_cast(column, source, target, safe=False)
    if target.name in ("VARCHAR", "CHAR") and target.params and _retyped(source, target):
        # Flink's sink type enforcer: VARCHAR(n) truncates, CHAR(n) truncates and pads
        return compile_cast(column, source, target, safe=False)
    if source.name == target.name and _fewer_digits(source, target):
        # a TIME(3) value into a TIME(0) column, a TIMESTAMP(3) into TIMESTAMP(0): cut, as Flink
        cut = cut_time if target.name == "TIME" else cut_timestamp
        return cut(column, target)
    return column.cast(to_polars(target))


def _fewer_digits(source: ast.DataType, target: ast.DataType) -> bool:
    """Does `target` (a TIME or TIMESTAMP) hold fewer fraction digits than `source`?"""
    if target.name not in ("TIME", "TIMESTAMP", "TIMESTAMP_LTZ"):
        return False
    default = 0 if target.name == "TIME" else 6
    digits = [t.params[0] if t.params else default for t in (source, target)]
    return digits[1] < digits[0]


def _retyped(source: ast.DataType, target: ast.DataType) -> bool:
    return (source.name, source.params) != (target.name, target.params)


_SET = "$set"  # no SQL name or frame column of the planner looks like it


def _finished(
    grouped: pl.LazyFrame, node: p.Aggregate, aggregations: list[Aggregation]
) -> pl.LazyFrame:
    """The Aggregate's columns from its grouped frame: each aggregate's finishing step run
    over its partials' columns."""
    finishes = [a.finish for a in aggregations if a.finish is not None]
    if finishes:
        grouped = grouped.with_columns(finishes)
    return grouped.select(f.column for f in node.fields)


def _grouping_sets(
    node: p.Aggregate,
    frame: pl.LazyFrame,
    partials: list[pl.Expr],
    aggregations: list[Aggregation],
    keep_order: bool,
) -> pl.LazyFrame:
    """GROUPING SETS as Flink's Expand runs them: each row once per set (in the order of the
    sets), the keys its set does not hold NULL, then grouped by the keys and the set's number,
    so the groups come out in the order Flink's come (each first seen) when `keep_order`."""
    sets = node.sets
    assert sets is not None
    if not any(sets):  # GROUPING SETS ((), ()): a row each, even over no rows, as in Flink
        totals = [
            _finished(
                frame.select(partials).with_columns(
                    pl.lit(_grouping_value(named, (), sets[:n]), dtype=pl.Int64).alias(f.column)
                    for named, f in node.groupings
                ),
                node,
                aggregations,
            )
            for n in range(len(sets))
        ]
        return pl.concat(totals, how="vertical")
    numbers = pl.Series([list(range(len(sets)))], dtype=pl.List(pl.Int32))
    expanded = frame.with_columns(pl.lit(numbers).first().alias(_SET)).explode(_SET)
    keys = []
    for index, (expr, key_field) in enumerate(node.keys):
        holding = [number for number, key_set in enumerate(sets) if index in key_set]
        key = compile_expr(expr)
        if len(holding) < len(sets):
            key = pl.when(pl.col(_SET).is_in(holding)).then(key)
        keys.append(key.cast(to_polars(key_field.type)).alias(key_field.column))
    grouped = expanded.group_by([*keys, pl.col(_SET)], maintain_order=keep_order).agg(partials)
    groupings = [
        pl.col(_SET)
        .replace_strict(
            {n: _grouping_value(named, s, sets[:n]) for n, s in enumerate(sets)},
            return_dtype=pl.Int64,
        )
        .alias(f.column)
        for named, f in node.groupings
    ]
    return _finished(grouped.with_columns(groupings), node, aggregations)


def _grouping_value(
    named: tuple[int, ...] | None, key_set: tuple[int, ...], earlier: tuple[tuple[int, ...], ...]
) -> int:
    """GROUPING(k, ...) of the rows of `key_set`: a bit per key named, most significant first,
    set where the set does not hold it; GROUP_ID() (`named` None): how many `earlier` sets
    are the same set."""
    if named is None:
        return sum(1 for other in earlier if set(other) == set(key_set))
    value = 0
    for index in named:
        value = value * 2 + (index not in key_set)
    return value


def _check_not_null(rows: pl.DataFrame, query: p.PlannedQuery) -> None:
    """A NULL in a column whose output (a sink's) type is NOT NULL fails the job, as Flink's
    default `table.exec.sink.not-null-enforcer` (ERROR) does. Every NOT NULL column is
    checked: a column typed NOT NULL may still hold a NULL (STDDEV_SAMP over one row)."""
    for name, target in zip(query.names, query.types, strict=False):
        if not target.nullable and rows.get_column(name).has_nulls():
            where = f"{query.path}:{query.position.line}:{query.position.col}"
            raise ExecutionError(
                f"{where}: error: Column '{name}' is NOT NULL, however, a null value is being "
                "written into it. You can set job configuration "
                "'table.exec.sink.not-null-enforcer'='DROP' to suppress this exception and drop "
                "such records silently."
            )


def _failure(query: p.PlannedQuery, error: Exception) -> str:
    """The located message for a query that failed. Our own checks raise ValueError with
    Flink's text; any other exception comes from the Python code of a function meeting a
    value it cannot handle (an OSError from a clock, a RecursionError from nesting) and is
    named by its type, so that it is a clear error, never a traceback."""
    where = f"{query.path}:{query.position.line}:{query.position.col}"
    text = str(error).strip()
    first = text.splitlines()[0] if text else type(error).__name__
    if text and not isinstance(error, (pl.exceptions.PolarsError, ValueError)):
        first = f"{type(error).__name__}: {first}"
    return f"{where}: error: the query failed: {first}"


def _check_years(rows: pl.DataFrame) -> None:
    """A date or timestamp past year 9999 (or before year 0) fails the query, as in Flink
    (`IllegalArgumentException: Year out of range`): Polars computes such values, but no sink
    can write them (Python's dates end at 9999, Flink's text of them too)."""
    for name, dtype in rows.schema.items():
        if dtype == pl.Date or isinstance(dtype, pl.Datetime):
            years = rows.get_column(name).dt.year()
            # dt.year() is Int32: its min and max are ints, None when every value is NULL
            low, high = cast("int | None", years.min()), cast("int | None", years.max())
            if low is not None and high is not None and (low < 0 or high > 9999):
                year = high if high > 9999 else low
                raise ValueError(
                    f"IllegalArgumentException: Year out of range: {year} (column '{name}': "
                    "dates and timestamps run from year 0 to 9999)"
                )


def constant_rows(node: p.Node, constant_relation: Callable[[str], bool | None]) -> bool:
    """Are these rows constants Flink's planner computes itself (VALUES, through projections,
    filters and views of them), where it folds expressions at plan time?"""
    while isinstance(node, (p.Project, p.Filter)):
        node = node.input
    if isinstance(node, p.Scan):
        return bool(constant_relation(node.relation))
    return isinstance(node, p.ValuesNode)


def _branch(node: p.Node, frame: pl.LazyFrame, fields: tuple[p.Field, ...]) -> pl.LazyFrame:
    """A set operation's branch with the operation's column names and types."""
    return frame.select(
        pl.col(c.column).cast(to_polars(f.type)).alias(f.column)
        for c, f in zip(node.fields, fields, strict=False)
    )


def _values_column(
    rows: tuple[tuple[bound.Expr, ...], ...], index: int, field: p.Field
) -> pl.Series:
    """Column `index` of VALUES rows. Literals (what large VALUES lists hold) go into the series
    directly; other expressions are evaluated one row at a time."""
    exprs = [row[index] for row in rows]
    dtype = to_polars(field.type)
    if all(isinstance(e, bound.Literal) for e in exprs):
        values = [e.value for e in exprs]  # type: ignore[union-attr]
        if field.type.name in ("DOUBLE", "FLOAT"):
            # + 0.0: the literal -0.0 is 0.0, as Calcite's literals (BigDecimal) have no -0
            values = [None if v is None else float(v) + 0.0 for v in values]  # type: ignore
        elif field.type.name == "DECIMAL":  # exactly: the column's scale is the widest
            values = [None if v is None else Decimal(str(v)) for v in values]
        return pl.Series(field.column, values, strict=False).cast(dtype)
    frames = [pl.select(compile_expr(e).cast(dtype).alias(field.column)) for e in exprs]
    return pl.concat(frames, how="vertical").to_series()
