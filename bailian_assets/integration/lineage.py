"""Column-level lineage from a plan: which columns of the relations read feed each output column.

An output column depends on every column its expression reads, followed down the plan to the
scans of tables and views (the upstream assets): through projections and aggregates (each
column an expression refers to), ML_PREDICT (a model's answer depends on the column sent),
VECTOR_SEARCH (the score on both vectors), UNNEST (an element on the collection), joins and
unions. Filters, sorts and limits change
rows, not columns, so they add nothing. Dagster shows the result as `dagster/column_lineage`.
"""

from __future__ import annotations

from collections.abc import Iterable

from bailian_assets.planning import bound
from bailian_assets.planning import plan as p

Dependency = tuple[str, str]  # (relation read, its column)


def column_lineage(query: p.PlannedQuery) -> dict[str, list[Dependency]]:
    """For each output column of `query` (by SQL name), the (relation, column) pairs it reads,
    in a stable order."""
    return {
        name: sorted(_depends(query.root, field.column))
        for name, field in zip(query.names, query.root.fields, strict=False)
    }


def _depends(root: p.Node, column: str) -> set[Dependency]:
    found: set[Dependency] = set()
    pending = [(root, column)]
    seen: set[tuple[int, str]] = set()
    while pending:
        node, name = pending.pop()
        if (id(node), name) in seen:
            continue
        seen.add((id(node), name))
        if isinstance(node, p.Scan):
            columns = [f.column for f in node.fields]
            if name in columns:  # else a name of another scope (a correlated subquery)
                found.add((node.relation, node.source_columns[columns.index(name)]))
        else:
            pending.extend(_inputs_of(node, name))
    return found


def _inputs_of(node: p.Node, name: str) -> Iterable[tuple[p.Node, str]]:
    """The (input node, its column) pairs that column `name` of `node` is computed from."""
    if isinstance(node, (p.Project, p.Aggregate)):
        items = node.items if isinstance(node, p.Project) else node.keys + node.aggregates
        expr = next((e for e, f in items if f.column == name), None)
        refs = sorted(bound.columns_in(expr)) if expr is not None else []
        return [(node.input, ref) for ref in refs]
    if isinstance(node, p.MlPredict):
        produced = any(f.column == name for f in node.output_fields)
        return [(node.input, node.input_column if produced else name)]
    if isinstance(node, p.VectorSearch):
        if name == node.score.column:
            return [(node.input, node.query_column), (node.search, node.search_column)]
    if isinstance(node, p.Unnest) and name not in {f.column for f in node.input.fields}:
        return [(node.input, ref) for ref in sorted(bound.columns_in(node.collection))]
    if isinstance(node, p.SetUnion):
        index = [f.column for f in node.fields].index(name)
        return [(child, child.fields[index].column) for child in node.inputs]
    return [
        (child, name) for child in p.children(node) if any(f.column == name for f in child.fields)
    ]
