"""SQL hints (`/*+ ... */`): the names Flink knows, what each must be given, and the options
an OPTIONS hint lays over a table's own (Flink's dynamic table options).

What Flink 2.3 does, checked on the real engine:
- a hint name it does not know is refused, wherever it stands;
- `t /*+ OPTIONS('k' = 'v') */` reads (or, after INSERT INTO t, writes) `t` with those options
  over its WITH options, checked as WITH options are (an unknown key refused, a value typed);
  within one OPTIONS a key set twice takes its last value; of several OPTIONS hints on one
  table only the first counts; OPTIONS on a view is refused, on a WITH query ignored;
- join hints (BROADCAST, SHUFFLE_HASH, SHUFFLE_MERGE, NEST_LOOP) must name tables; in a SELECT
  whose FROM joins, each name must be a table (or alias) of that FROM, a LOOKUP hint's
  'table' the right side of a join (where a lookup table stands), and MULTI_JOIN is refused
  ("Unknown join strategy"). They choose how a join runs, never its rows: checked, then
  ignored;
- a known hint where it has no use (OPTIONS after SELECT, BROADCAST on a table) is ignored.
"""

from __future__ import annotations

from collections.abc import Iterable

from bailian_assets.planning.plan_errors import PlanError
from bailian_assets.sql import ast

JOIN_HINTS = frozenset({"BROADCAST", "SHUFFLE_HASH", "SHUFFLE_MERGE", "NEST_LOOP"})
KNOWN = JOIN_HINTS | {
    "OPTIONS",
    "LOOKUP",
    "STATE_TTL",
    "MULTI_JOIN",
    "ALIAS",
    "JSON_AGGREGATE_WRAPPED",
}


def check_hints(hints: Iterable[ast.Hint]) -> None:
    """Refuse, with Flink's words, a hint Flink does not know or one missing what it needs."""
    for hint in hints:
        problem = _hint_problem(hint)
        if problem is not None:
            raise PlanError(problem, hint.position, len(hint.name))


def _hint_problem(hint: ast.Hint) -> str | None:
    name = hint.name
    if name not in KNOWN:
        return f"Hint: {name} should be registered in the HintStrategyTable"
    if name == "OPTIONS" and (hint.options or not hint.pairs):
        return "Hint [OPTIONS] only support non empty key value options"
    if name in JOIN_HINTS and not hint.options:
        return (
            f"Invalid hint: {name}, expecting at least one table or view specified in hint {name}."
        )
    if name == "ALIAS" and len(hint.options) != 1:
        return f"Invalid hint: {name}, expecting 1 table or view name specified in hint ALIAS."
    if name == "LOOKUP" and not any(p.key == "table" for p in hint.pairs):
        return (
            "Invalid LOOKUP hint: incomplete required option(s): "
            "[Key: 'table' , default: null (fallback keys: [])]"
        )
    if name == "STATE_TTL" and hint.options:
        return "Invalid list options in STATE_TTL hint, only support key-value options."
    return None


def table_options(hints: Iterable[ast.Hint]) -> tuple[ast.Option, ...]:
    """The options of the first OPTIONS hint (Flink takes no other), each key's last value."""
    for hint in hints:
        if hint.name == "OPTIONS":
            return tuple({option.key: option for option in hint.pairs}.values())
    return ()


def check_join_hints(hints: tuple[ast.Hint, ...], from_: ast.FromItem | None) -> None:
    """In a SELECT whose FROM joins, each table a join hint names must be one of the FROM's
    (by alias when it has one), a LOOKUP hint's the right side of a join; MULTI_JOIN is
    refused (Flink's batch planner has no such strategy for it)."""
    if not isinstance(from_, ast.Join):
        return
    for hint in hints:
        if hint.name == "MULTI_JOIN":
            raise PlanError("Unknown join strategy : MULTI_JOIN", hint.position, len(hint.name))
    names, right_sides = set(_from_names(from_)), set(_right_sides(from_))
    unmatched = [
        (name, hint.name)
        for hint in hints
        for name in _hinted_tables(hint)
        if name not in (right_sides if hint.name == "LOOKUP" else names)
    ]
    if unmatched:
        raise PlanError(
            "The options of following hints cannot match the name of input tables or views:\n"
            + "\n".join(f"`{name}` in `{hint}`" for name, hint in unmatched),
            next(h.position for h in hints if h.name in JOIN_HINTS | {"LOOKUP"}),
        )


def _hinted_tables(hint: ast.Hint) -> tuple[str, ...]:
    if hint.name in JOIN_HINTS:
        return hint.options
    if hint.name == "LOOKUP":
        return tuple(p.value for p in hint.pairs if p.key == "table")
    return ()


def _right_sides(item: ast.FromItem) -> Iterable[str]:
    """The names of the FROM items that stand right of a JOIN: a lookup table stands there."""
    if isinstance(item, ast.Join):
        yield from _right_sides(item.left)
        if not isinstance(item.right, ast.Join):
            yield from _from_names(item.right)
        yield from _right_sides(item.right)


def _from_names(item: ast.FromItem) -> Iterable[str]:
    if isinstance(item, ast.Join):
        yield from _from_names(item.left)
        yield from _from_names(item.right)
    elif isinstance(item, ast.TableRef):
        yield item.alias or item.name.last
    elif item.alias is not None:
        yield item.alias
