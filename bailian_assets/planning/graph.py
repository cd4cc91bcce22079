"""The graph the assets make: which relations each view and each sink reads, and the cycles
that cannot be assets.

Views cannot refer to themselves (the planner says so), but a sink can read itself: directly,
`INSERT INTO t SELECT ... FROM t`, or through views and other sinks. Flink runs that (appending
to t); as Dagster assets it is a cycle, which cannot be loaded, and with writes that replace
what they cover every run would feed on the last. It is a located error at the INSERT, in
`check` and `run` too, so all three give one verdict.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping

from bailian_assets.planning import plan as p
from bailian_assets.planning.options import Problem
from bailian_assets.planning.planner import PlannedInsert


def reads(roots: Iterable[p.Node]) -> list[str]:
    """The relations the plans scan, each once, in the order first met."""
    found: dict[str, None] = {}
    for root in roots:
        for node in p.walk(root):
            if isinstance(node, p.Scan):
                found.setdefault(node.relation)
    return list(found)


def read_once(roots: Iterable[p.Node]) -> set[str]:
    """The relations the plans scan exactly once, all plans together. A subtree a plan
    shares (a WITH query read twice) counts once: its scans are one node each, which
    Polars computes once too."""
    counts = Counter(
        node.relation for root in roots for node in p.walk(root) if isinstance(node, p.Scan)
    )
    return {name for name, count in counts.items() if count == 1}


def views_first(views: Mapping[str, p.PlannedQuery], name: str) -> list[str]:
    """The views that view `name` reads, directly or not, each after the views it reads, and
    `name` last: computing them in this order, each finds its inputs ready (post-order, from a
    stack of our own: a chain of a thousand views costs no recursion)."""
    order: list[str] = []
    seen = {name}
    pending: list[tuple[str, bool]] = [(name, False)]
    while pending:
        current, inputs_done = pending.pop()
        if inputs_done:
            order.append(current)
            continue
        pending.append((current, True))
        for read in reversed(reads([views[current].root])):
            if read in views and read not in seen:
                seen.add(read)
                pending.append((read, False))
    return order


def sink_cycles(
    views: Mapping[str, p.PlannedQuery], inserts: list[PlannedInsert]
) -> list[tuple[str, Problem]]:
    """(path, problem) for each cycle through a sink, reported once, at the first INSERT into
    a sink of the cycle whose query leads back to it."""
    edges: dict[str, list[str]] = {name: reads([q.root]) for name, q in views.items()}
    for insert in inserts:
        edges.setdefault(insert.sink.name, [])
        edges[insert.sink.name] += reads([insert.query.root])
    problems, reported = [], set()
    for insert in inserts:
        sink = insert.sink.name
        if sink in reported:
            continue
        path = _path_back(sink, reads([insert.query.root]), edges)
        if path is None:
            continue
        reported.update(path)
        cycle = " -> ".join([sink, *path])
        target = insert.statement.target
        problems.append(
            (
                insert.path,
                Problem(
                    f"INSERT INTO {sink} reads {sink} itself ({cycle}): a sink is an asset, and an "
                    "asset cannot depend on itself; write the result to another table",
                    target.position,
                    len(str(target)),
                ),
            )
        )
    return problems


def _path_back(start: str, first: list[str], edges: Mapping[str, list[str]]) -> list[str] | None:
    """The shortest path from the relations `first` back to `start`, or None (breadth first,
    from a queue: no recursion, whatever the graph's size)."""
    parents: dict[str, str | None] = dict.fromkeys(first)
    queue = list(first)
    for name in queue:  # the list grows as we go
        if name == start:
            path = [name]
            while parents[path[-1]] is not None:
                path.append(parents[path[-1]])  # type: ignore[arg-type]
            return path[::-1]
        for following in edges.get(name, ()):
            if following not in parents:
                parents[following] = name
                queue.append(following)
    return None
