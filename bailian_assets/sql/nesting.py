"""How deeply SQL may nest, and the check that a syntax tree keeps to it.

Everything that walks a syntax tree or a plan recursively (the parser, the planner's binding
and type checks, the executor's expression compiler, Polars' own optimizer) costs stack or time
per level of nesting. One limit, `MAX_DEPTH` levels, keeps them all far from Python's
recursion limit (1000 frames, a few hundred of which Dagster or pytest use before us) and keeps
Polars fast (its optimizer slows down steeply past a few hundred levels).

A level is a parenthesis, a function call, CASE, CAST, NOT or a sign, a subquery, a nested type
(`ARRAY<ARRAY<...>>`), a JOIN in a chain of joins, and each operator of a chain of comparison
or arithmetic operators (`a + b + c` is two levels: it is evaluated as nested operations).
AND, OR and `||` chains, IN lists, VALUES rows and UNION branches are flat: they cost nothing,
however long.

The parser counts the levels it descends into (parentheses leave no trace in the tree, so only
it can); `too_deep` measures the tree after parsing, which is where left-deep chains of
operators and joins show, since the parser builds them in a loop.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable
from dataclasses import fields, is_dataclass
from operator import attrgetter
from typing import Any

from bailian_assets.errors import Position
from bailian_assets.sql import ast

MAX_DEPTH = 100

# Nodes that only group others: they add no level of their own.
_FREE = (
    ast.Select,
    ast.SelectItem,
    ast.SetOperation,
    ast.Values,
    ast.OrderItem,
    ast.FunctionArg,
    ast.TableFunction,
    ast.SubqueryRef,
    ast.TableRef,
    ast.TableArg,
    ast.ModelArg,
    ast.DescriptorArg,
    ast.Name,
    ast.ColumnDef,
    ast.Option,
    ast.Hint,
)
_FIELDS: dict[type, tuple[str, ...]] = {}


def too_deep(node: object) -> tuple[str, Position] | None:
    """The first place where `node` nests more than MAX_DEPTH levels, as (message, position);
    None when it keeps to the limit. Walks the tree with a stack of its own, never recursing;
    the message names what made the path deep (joins, an operator chain, subqueries)."""
    return None if _within_limit(node) else _deepest(node)


def _within_limit(node: object) -> bool:
    """Whether `node` keeps to MAX_DEPTH: the walk of `_deepest` counting levels only. It runs
    on every statement parsed, so it goes level by level (`level`: the nodes `depth` levels
    down, those of free nodes and tuples joining it as it is read), with no bookkeeping per
    node, and reads a node's children with one getter per node type."""
    level: list[Any] = [node]
    depth = 0
    while level:
        deeper: list[Any] = []
        for item in level:  # a list read while it grows reads what joins it
            kind = type(item)
            if kind is tuple:
                level.extend(item)
                continue
            walk = _WALKS.get(kind)
            if walk is None:
                walk = _WALKS[kind] = _walk_of(kind)
            counts, children, many = walk
            if counts and depth >= MAX_DEPTH:
                return False
            target = deeper if counts else level
            if kind is ast.Values:  # rows of literals are leaves: skip them unlisted
                for row in item.rows:
                    target.extend(v for v in row if type(v) is not ast.Literal)
            elif children is None:  # no field holds a node
                continue
            elif many:
                target.extend(children(item))
            else:
                target.append(children(item))
        level = deeper
        depth += 1
    return True


# How `_within_limit` walks a node type: the levels it counts (0 or 1), the getter of the
# fields that may hold nodes (None: none do) and whether it gives a tuple of them (several).
_Walk = tuple[int, "Callable[[Any], Any] | None", bool]
_LEAF: _Walk = (0, None, False)
_WALKS: dict[type, _Walk] = {}


def _walk_of(kind: type) -> _Walk:
    """How `_within_limit` walks a node of type `kind`; `_LEAF` for what is not a syntax node."""
    if not is_dataclass(kind) or kind is Position:
        return _LEAF
    counts = 0 if issubclass(kind, _FREE) else 1
    names = () if kind is ast.Literal else _node_fields(kind)
    return counts, attrgetter(*names) if names else None, len(names) > 1


def _node_fields(kind: type) -> tuple[str, ...]:
    """The fields of `kind` that may hold syntax nodes, by their annotations: a name, a flag,
    a position or a tuple of strings holds none, and is not worth walking into (most fields
    are such). A field whose annotation cannot be read is walked."""
    try:
        hints = typing.get_type_hints(kind, vars(ast))
    except (NameError, TypeError):  # annotations it cannot resolve: walk every field
        return _field_names(kind)
    return tuple(name for name in _field_names(kind) if not _holds_no_node(hints.get(name)))


# What a field holding no syntax node is made of.
_PLAIN = (str, int, float, bool, type(None), Position)


def _holds_no_node(hint: object) -> bool:
    if hint in _PLAIN:
        return True
    origin = typing.get_origin(hint)
    if origin not in (tuple, types.UnionType, typing.Union):
        return False
    return all(arg is Ellipsis or _holds_no_node(arg) for arg in typing.get_args(hint))


def _deepest(node: object) -> tuple[str, Position] | None:
    """`too_deep`'s answer, with the kinds of node along the path to name the nesting."""
    # (node, depth, position of the nearest node that has one, levels per kind on the path)
    stack: list[tuple[object, int, Position, dict[type, int]]] = [(node, 0, Position(1, 1, 0), {})]
    while stack:
        item, depth, where, kinds = stack.pop()
        if isinstance(item, tuple):
            stack.extend((child, depth, where, kinds) for child in reversed(item))
            continue
        if not is_dataclass(item) or isinstance(item, Position):
            continue
        where = getattr(item, "position", None) or where
        if not isinstance(item, _FREE):
            depth += 1
            kinds = {**kinds, type(item): kinds.get(type(item), 0) + 1}
            if depth > MAX_DEPTH:
                return _message(item, kinds), where
        if isinstance(item, ast.Literal):
            continue
        if isinstance(item, ast.Values):  # rows of literals are leaves: skip them unstacked
            stack.extend(
                (value, depth, where, kinds)
                for row in item.rows
                for value in row
                if not isinstance(value, ast.Literal)
            )
            continue
        for name in reversed(_field_names(type(item))):  # the first field is looked at first
            child = getattr(item, name)
            if isinstance(child, tuple) or is_dataclass(child):
                stack.append((child, depth, where, kinds))
    return None


def nested_too_deeply(what: str) -> str:
    """The message for nesting beyond the limit, where the parser descends into `what`."""
    return f"{what} nested too deeply (more than {MAX_DEPTH} levels)"


def _message(node: object, kinds: dict[type, int]) -> str:
    """What to call the nesting that went too deep: the kind of node most of the path is."""
    most = max(kinds, key=lambda kind: kinds[kind])
    if most is ast.Join:
        return (
            f"too many joins in a row (more than {MAX_DEPTH} levels of nesting: each JOIN "
            "counts one)"
        )
    if most is ast.BinaryOp:
        return (
            f"expression nested too deeply (more than {MAX_DEPTH} levels: each operator "
            "of a chain such as a + b + c counts one)"
        )
    if most is ast.Query:
        return nested_too_deeply("query")
    if isinstance(node, ast.DataType):
        return nested_too_deeply("type")
    return nested_too_deeply("expression")


def _field_names(kind: type) -> tuple[str, ...]:
    names = _FIELDS.get(kind)
    if names is None:
        names = _FIELDS[kind] = tuple(f.name for f in fields(kind) if f.name != "position")
    return names
