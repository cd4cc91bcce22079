"""Which nodes of a plan must keep their rows in order: the order-requirement pass.

Keeping row order costs Polars a lot (a join that keeps its sides' order, a GROUP BY in the
order groups first appear, a stable sort), and it is observable only where something reads it:
the query's output (a sink prints and writes rows in order, and the golden cases compare them
so), a LIMIT (which rows it keeps), a window function (ROW_NUMBER's ties, ROWS frames), an
order-sensitive aggregate (FIRST_VALUE, LISTAGG, ARRAY_AGG..., a floating-point SUM whose last
digit depends on the order it adds in), an ML_PREDICT (the requests it sends and their
packing), a VECTOR_SEARCH. `ordered_nodes` marks, top-down, the nodes whose output order one
of these reads; the executor keeps order in exactly those (`Executor._keeps`).

A sort makes its input's order free when no two of its rows can tie (its keys hold a unique
key of its input: an aggregate's grouping keys, a DISTINCT's columns, passed through
projections as plain columns). Otherwise its ties keep their input's order where that costs
nothing (rows read from a table through filters and projections: Flink's sort gives them so
on small inputs), and are broken by the input's other columns where it would cost joins or
GROUP BYs kept in order (`tie_breakers`), so the rows still come out the same from one run to
the next (a hash join's or a hash GROUP BY's order is not, even on a few rows). SQL leaves the
order of ties to the engine; the golden cases agree with both (ORDER BY a grouped value,
TPC-H Q3/Q5/Q10/Q18, is where the cost was). Only when a column has no order (ARRAY, MAP,
ROW...) do ties keep their input's order whatever it costs.
"""

from __future__ import annotations

from bailian_assets.planning import bound as b
from bailian_assets.planning import plan as p

# aggregates whose value does not depend on the order of a group's rows (SUM and AVG only
# over exact types: a float sum's last digit depends on the order it adds in; the statistics
# (STDDEV, VAR) compute in floats whatever their argument)
_ORDER_FREE = {"COUNT", "MIN", "MAX"}
_EXACT_WHEN_NOT_FLOAT = {"SUM", "AVG"}
_FLOATS = {"FLOAT", "DOUBLE", "REAL"}
# nodes whose rows come in an order fixed by their input's at no cost (a Window's: sorted
# stably for its windows)
_KEEPS_ORDER_ANYWAY = (p.Project, p.Filter, p.Unnest, p.Limit, p.Window, p.MlPredict)
# types without an order to sort by (an ARRAY and a ROW sort element by element, as in Flink)
_UNORDERED = {"MAP", "MULTISET", "VARIANT", "RAW", "STRUCTURED"}


def ordered_nodes(root: p.Node) -> frozenset[int]:
    """The ids of the nodes of `root`'s plan whose output row order is observable (the root's
    always: it is the query's output). Every other node may give its rows in any order."""
    ordered: set[int] = set()
    seen: set[tuple[int, bool]] = set()
    pending: list[tuple[p.Node, bool]] = [(root, True)]
    while pending:  # a stack of our own: a plan's depth costs no Python stack
        node, needed = pending.pop()
        if (id(node), needed) in seen:  # a shared subtree: once per requirement
            continue
        seen.add((id(node), needed))
        if needed:
            ordered.add(id(node))
        pending.extend(zip(p.children(node), _inputs_ordered(node, needed), strict=True))
    return frozenset(ordered)


def _inputs_ordered(node: p.Node, needed: bool) -> tuple[bool, ...]:
    """Whether each input of `node` must keep its order, given whether `node`'s must."""
    inputs = p.children(node)
    if isinstance(node, (p.Limit, p.Window, p.MlPredict, p.VectorSearch)):
        return (True,) * len(inputs)  # which rows, which ranks or frames, which requests
    if isinstance(node, p.Sort):  # ties: their input's order where it costs nothing
        ties = needed and not sorts_totally(node)
        return (ties and (_keeps_order_freely(node.input) or not tie_breakers(node)),)
    if isinstance(node, p.Aggregate):
        # a global aggregate's one row has an order whatever its input's; groups come in the
        # order they first appear
        grouped = needed and (bool(node.keys) or node.sets is not None)
        return (grouped or not all(map(_order_free, node.aggregates)),)
    if isinstance(node, (p.SubqueryJoin, p.SemiJoin, p.CorrelatedJoin, p.SetCombine)):
        # the rows each outer row keeps; a subquery's values are a set (IN, EXISTS) or one
        # value (more than one row fails the job), INTERSECT's and EXCEPT's right side a set
        return (needed,) + (False,) * (len(inputs) - 1)
    if isinstance(node, (p.Scan, p.ValuesNode)):
        return ()
    # Project, Filter, Unnest, Distinct, Join, SetUnion: the output's order is the inputs'
    return (needed,) * len(inputs)


def _keeps_order_freely(node: p.Node) -> bool:
    """Whether `node`'s rows come in a fixed order at no cost: read from a table or VALUES
    through nodes that keep their input's order anyway (no join, GROUP BY or DISTINCT)."""
    while isinstance(node, _KEEPS_ORDER_ANYWAY):
        node = node.input
    return isinstance(node, (p.Scan, p.ValuesNode))


def _order_free(aggregate: tuple[b.AggregateCall, p.Field]) -> bool:
    call, _ = aggregate
    if call.name in _ORDER_FREE:
        return True
    if call.name in _EXACT_WHEN_NOT_FLOAT:
        return not any(arg.type.name in _FLOATS for arg in call.args)
    return False


def sorts_totally(node: p.Sort) -> bool:
    """Whether `node`'s keys leave no ties: they include every column of a unique key of its
    input."""
    sorted_by = {key.expr.column for key in node.keys if isinstance(key.expr, b.Column)}
    return any(key <= sorted_by for key in unique_keys(node.input))


def tie_breakers(node: p.Sort) -> tuple[p.Field, ...]:
    """The columns that order `node`'s ties when its input's order is free: every other column
    of its input, so that only rows equal in every column can tie (and those are the same rows
    in any order). None when the sort has no ties, or when a column has no order to sort by
    (ARRAY, MAP, ROW...): ties then keep their input's order."""
    if sorts_totally(node):
        return ()
    keys = {key.expr.column for key in node.keys if isinstance(key.expr, b.Column)}
    rest = tuple(f for f in node.input.fields if f.column not in keys)
    return rest if sortable(rest) else ()


def sortable(fields: tuple[p.Field, ...]) -> bool:
    """Whether rows of `fields` can be sorted by all their columns (none of them an ARRAY,
    MAP, ROW...: a type without an order)."""
    return all(f.type.name not in _UNORDERED for f in fields)


def unique_keys(node: p.Node) -> list[frozenset[str]]:
    """Sets of `node`'s columns that no two of its rows share all values of (NULLs equal, as
    GROUP BY groups them). Only the keys this pass needs: grouping keys and DISTINCT rows,
    through what keeps them."""
    if isinstance(node, p.Aggregate) and node.sets is None:
        return [frozenset(f.column for _, f in node.keys)]  # no keys: one row
    if isinstance(node, p.Distinct):
        return [frozenset(f.column for f in node.fields)]
    if isinstance(node, (p.Filter, p.Sort, p.Limit, p.Window)):
        return unique_keys(node.input)
    if isinstance(node, p.Project):
        renamed: dict[str, str] = {}  # input column -> the output column it passes through as
        for expr, field in node.items:
            if isinstance(expr, b.Column):
                renamed.setdefault(expr.column, field.column)
        return [
            frozenset(renamed[c] for c in key)
            for key in unique_keys(node.input)
            if all(c in renamed for c in key)
        ]
    return []
