"""Common subplans: a query that computes the same rows in two places computes them once.

TPC-H Q11 joins partsupp, supplier and nation under the same conditions in its query and in
its HAVING's subquery. The builder plans each with columns of their own (frame columns are
unique within a plan), so the two subtrees differ only in their column names, and Polars,
which shares a subplan only where two are identical, computes the join twice. This pass finds
such subtrees, keeps the first and makes every other a renaming `Project` over it: the
executor then builds one lazy frame for it (`Executor.frame` builds a shared node once), read
twice, which Polars computes once.

Two subtrees are the same when their plans are equal once the columns defined inside them are
numbered in the order they appear (`_key`); a column they read from outside (a correlated
reference) keeps its name, so it must be the very same column. SQL names and qualifiers do not
count (`partsupp` and `partsupp AS ps2` give the same rows). Shared are the nodes whose rows
cost work to make (joins, aggregates, set operations, DISTINCT, windows), never a subtree that
calls a model (its runs are counted and shown per call) or a function whose value differs from
one evaluation to the next (RAND, UUID).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import fields, is_dataclass

from bailian_assets.planning import bound as b
from bailian_assets.planning import plan as p

_SHARED = (p.Join, p.Aggregate, p.Distinct, p.SetUnion, p.SetCombine, p.Window)
_NEVER = (p.MlPredict, p.VectorSearch)
_NOT_ROWS = {"name", "qualifier", "qualified_only", "hidden"}  # a Field's SQL naming


def share_common_subplans(root: p.Node) -> p.Node:
    """`root` with each subtree that computes what an earlier one computes (`_key`) replaced by
    a Project renaming the earlier one's columns: one node, reached twice."""
    candidates = _candidates(root)
    if not candidates:
        return root
    first: dict[tuple, p.Node] = {}
    same: dict[int, p.Node] = {}  # id of a later copy -> the first
    for node in candidates:  # parents before children: the largest shared subtree wins
        key = _key(node)
        if key is None:
            continue
        earlier = first.setdefault(key, node)
        if earlier is not node:
            same[id(node)] = earlier
    return _rebuilt(root, same) if same else root


def _candidates(root: p.Node) -> list[p.Node]:
    """The nodes of `root` worth sharing whose shape (`_shapes`) another node has too, parents
    before children."""
    shapes, order = _shapes(root)
    shared = [n for n in reversed(order) if isinstance(n, _SHARED)]  # parents first
    if len(shared) < 2:
        return []
    counts = Counter(shapes[id(n)] for n in shared)
    return [n for n in shared if counts[shapes[id(n)]] > 1]


def _shapes(root: p.Node) -> tuple[dict[int, int], list[p.Node]]:
    """A cheap hash per node of the kinds of nodes in its subtree and the tables they read
    (equal for equal subtrees, so only nodes whose shape repeats need a full `_key`), and the
    nodes, children before parents."""
    shapes: dict[int, int] = {}
    order: list[p.Node] = []
    pending: list[tuple[p.Node, bool]] = [(root, False)]
    while pending:  # from a stack of our own
        node, ready = pending.pop()
        if id(node) in shapes:
            continue
        if not ready:
            pending.append((node, True))
            pending.extend((child, False) for child in p.children(node))
            continue
        extra = (node.relation, node.options) if isinstance(node, p.Scan) else len(node.fields)
        children = tuple(shapes[id(child)] for child in p.children(node))
        shapes[id(node)] = hash((type(node).__name__, extra, children))
        order.append(node)
    return shapes, order


def _key(node: p.Node) -> tuple | None:
    """What `node` computes, as a flat tuple: its plan written out in order (from a stack of
    our own), the columns it defines numbered by first appearance. None for a subtree never
    shared."""
    defined = {f.column for n in p.walk(node) for f in n.fields}
    numbers: dict[str, int] = {}
    out: list = []
    pending: list = [node]
    while pending:
        item = pending.pop()
        if isinstance(item, _NEVER) or (isinstance(item, b.Call) and item.name in b.VOLATILE):
            return None
        if isinstance(item, tuple):
            out.append(("tuple", len(item)))
            pending.extend(reversed(item))
        elif isinstance(item, (p.Field, b.Column)):
            column = item.column
            number = numbers.setdefault(column, len(numbers)) if column in defined else column
            out.append((type(item).__name__, number, item.type))
        elif is_dataclass(item) and not isinstance(item, type) and _holds_columns(item):
            names = [f.name for f in fields(item) if f.name not in _NOT_ROWS]
            out.append((type(item).__name__, len(names)))
            pending.extend(reversed([getattr(item, name) for name in names]))
        else:
            out.append(item)  # a value: a literal, a type, a name, a number
    return tuple(out)


def _holds_columns(item: object) -> bool:
    """Whether `item` is a plan node or a bound expression (what may hold frame columns), not
    a value such as a type."""
    return type(item).__module__ in (p.__name__, b.__name__)


def _rebuilt(root: p.Node, same: dict[int, p.Node]) -> p.Node:
    """`root` with each node in `same` replaced by a Project over the (rebuilt) first copy;
    each node rebuilt once, so a node reached twice stays one node."""
    done: dict[int, p.Node] = {}
    pending: list[tuple[p.Node, bool]] = [(root, False)]
    while pending:
        node, ready = pending.pop()
        if id(node) in done:
            continue
        target = same.get(id(node))
        inputs = p.children(node) if target is None else (target,)
        if not ready:
            pending.append((node, True))
            pending.extend((child, False) for child in inputs if id(child) not in done)
            continue
        if target is not None:
            done[id(node)] = _renamed(done[id(target)], node)
        else:
            done[id(node)] = p.with_children(node, tuple(done[id(c)] for c in inputs))
    return done[id(root)]


def _renamed(first: p.Node, copy: p.Node) -> p.Project:
    """The rows of `first` under `copy`'s columns (equal subtrees: the same fields in order)."""
    items = tuple(
        (b.Column(mine.column, mine.type), theirs)
        for mine, theirs in zip(first.fields, copy.fields, strict=True)
    )
    return p.Project(first, items)
