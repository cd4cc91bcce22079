"""CREATE TABLE ... LIKE: a table declared as a copy of another, merged as Flink 2.3 merges it.

`CREATE TABLE t2 [(columns, watermark, primary key)] [PARTITIONED BY] [WITH] LIKE t1 [(like
options)]` starts from t1's declaration and adds t2's own parts. The merge happens where t2 is
declared (the catalog calls `merged_table` with t1's declaration); what comes out is an ordinary
`ast.CreateTable` without a LIKE, so nothing downstream knows there was one (Flink too turns the
clause into a plain CREATE TABLE operation).

Each feature has a merging strategy: INCLUDING (the source's part is kept; the same part
declared again is an error), EXCLUDING (the source's part is left out) or OVERWRITING (kept, and
the new table's declaration of the same entry wins). Without like options: INCLUDING ALL
OVERWRITING OPTIONS. `INCLUDING|EXCLUDING ALL` sets every feature, and the other options then
change single features, in any order. The rules, each checked against Flink 2.3:

- physical columns: always the source's first, then the new ones; a name in both is an error.
- GENERATED (computed columns) and METADATA columns: kept in the source's order unless
  EXCLUDING; a new one of the same name replaces a kept one in place only with OVERWRITING,
  and only one of its own kind (a computed column never replaces a physical one).
- OPTIONS: the source's options, then the new ones (the new value wins with OVERWRITING; with
  INCLUDING a key in both is an error; EXCLUDING keeps only the new ones).
- WATERMARKS: one per column; with OVERWRITING the new one replaces the one on its column.
- CONSTRAINTS (the primary key) and PARTITIONS: a table has one at most, so declaring one
  beside the source's is an error unless EXCLUDING. Flink 2.3.0 keeps the source's
  partitions even with EXCLUDING PARTITIONS when the new table declares none (its
  MergeTableLikeUtil, before FLINK-37941): so do we, the oracle shows it.
"""

from __future__ import annotations

from dataclasses import replace

from bailian_assets.planning.options import Problem
from bailian_assets.sql import ast

# every feature but ALL, and what each gets without like options
_DEFAULTS = {
    "CONSTRAINTS": "INCLUDING",
    "PARTITIONS": "INCLUDING",
    "GENERATED": "INCLUDING",
    "OPTIONS": "OVERWRITING",
    "WATERMARKS": "INCLUDING",
    "METADATA": "INCLUDING",
}
_NOT_OVERWRITTEN = ("ALL", "CONSTRAINTS", "PARTITIONS")  # one of each at most: no OVERWRITING


class _Refused(Exception):
    """A merge Flink refuses: its text, where to show it."""

    def __init__(self, message: str, position: ast.Position, length: int = 1):
        super().__init__(message)
        self.problem = Problem(message, position, length)


def merged_table(statement: ast.CreateTable, source: ast.CreateTable) -> ast.CreateTable | Problem:
    """`statement` (a CREATE TABLE ... LIKE) merged with its LIKE's `source` declaration (itself
    merged already): a plain CREATE TABLE, or the Problem Flink refuses it with."""
    like = statement.like
    assert like is not None, "merged_table is for a CREATE TABLE with a LIKE clause"
    try:
        strategies = merging_strategies(like.options)
        columns = _merged_columns(source.columns, statement.columns, strategies)
        return replace(
            statement,
            columns=columns,
            options=_merged_options(
                _relocated(source.options, like), statement.options, strategies["OPTIONS"]
            ),
            partitioned_by=_merged_partitions(source, statement, strategies["PARTITIONS"]),
            primary_key=_merged_key(source, statement, strategies["CONSTRAINTS"]),
            watermark=_merged_watermark(source, statement, strategies["WATERMARKS"]),
            like=None,
        )
    except _Refused as refused:
        return refused.problem


def _relocated(options: tuple[ast.Option, ...], like: ast.TableLike) -> tuple[ast.Option, ...]:
    """The source's options as the new table's: a problem with one (found where the table is
    used) points at the LIKE's source name, in this statement's file, rather than into the
    source's declaration (which may stand in another file)."""
    at = like.source.position
    return tuple(replace(o, key_position=at, value_position=at) for o in options)


def merging_strategies(options: tuple[ast.LikeOption, ...]) -> dict[str, str]:
    """Each feature's strategy: the defaults, then ALL's strategy for every feature, then each
    named feature's (Flink's order, whatever the order written). Raises _Refused for what
    Flink's validation refuses: a feature twice, OVERWRITING where one of a kind is allowed."""
    seen: set[str] = set()
    for option in options:
        if option.feature in seen:
            raise _Refused("Each like option feature can be declared only once.", option.position)
        seen.add(option.feature)
        if option.strategy == "OVERWRITING" and option.feature in _NOT_OVERWRITTEN:
            raise _Refused(
                f"Illegal merging strategy 'OVERWRITING' for '{option.feature}' option.",
                option.position,
            )
    strategies = dict(_DEFAULTS)
    for option in options:
        if option.feature == "ALL":
            strategies = dict.fromkeys(_DEFAULTS, option.strategy)
    for option in options:
        if option.feature != "ALL":
            strategies[option.feature] = option.strategy
    return strategies


def _kind(column: ast.ColumnDef) -> str:
    """The feature a column belongs to: GENERATED, METADATA, or '' for a physical column."""
    if column.expression is not None:
        return "GENERATED"
    return "METADATA" if column.metadata else ""


def _merged_columns(
    source: tuple[ast.ColumnDef, ...], new: tuple[ast.ColumnDef, ...], strategies: dict[str, str]
) -> tuple[ast.ColumnDef, ...]:
    """The source's columns (computed and metadata ones unless EXCLUDING), then the new ones;
    a new computed or metadata column replaces a kept one of its kind in place (OVERWRITING)."""
    columns = {c.name: c for c in source if not _kind(c) or strategies[_kind(c)] != "EXCLUDING"}
    physical = {c.name for c in source if not _kind(c)}
    for column in new:  # Flink checks the new physical columns before the others
        if not _kind(column):
            if column.name in columns:
                _refuse(f"A column named '{column.name}' already exists in the base table.", column)
            physical.add(column.name)
    for column in new:
        kind = _kind(column)
        if kind:
            _check_replaces(column, kind, columns.get(column.name), physical, strategies[kind])
        columns[column.name] = column
    return tuple(columns.values())


def _check_replaces(
    column: ast.ColumnDef,
    kind: str,
    kept: ast.ColumnDef | None,
    physical: set[str],
    strategy: str,
) -> None:
    """Whether a new computed or metadata column (`kind`) may stand beside or replace a kept
    column of its name: Flink's texts where it may not."""
    name, what = column.name, "compute" if kind == "GENERATED" else "metadata"
    if name in physical:
        _refuse(
            f"A column named '{name}' already exists in the table. "
            f"Duplicate columns exist in the {what} column and regular column.",
            column,
        )
    if kept is None:
        return
    plural = "Computed columns" if kind == "GENERATED" else "Metadata columns"
    if _kind(kept) != kind:
        _refuse(
            f"A column named '{name}' already exists in the base table. "
            f"{plural} can only overwrite other {plural.split()[0].lower()} columns.",
            column,
        )
    if strategy != "OVERWRITING":
        adjective = "generated" if kind == "GENERATED" else "metadata"
        _refuse(
            f"A {adjective} column named '{name}' already exists in the base table. You might "
            f"want to specify EXCLUDING {kind} or OVERWRITING {kind}.",
            column,
        )


def _refuse(message: str, column: ast.ColumnDef) -> None:
    raise _Refused(message, column.position, len(column.name))


def _merged_options(
    source: tuple[ast.Option, ...], new: tuple[ast.Option, ...], strategy: str
) -> tuple[ast.Option, ...]:
    """The source's options (unless EXCLUDING), then the new ones; a key in both keeps the new
    value with OVERWRITING and is refused with INCLUDING."""
    options = {} if strategy == "EXCLUDING" else {o.key: o for o in source}
    for option in new:
        if strategy == "INCLUDING" and option.key in options:
            raise _Refused(
                f"There already exists an option ['{option.key}' -> "
                f"'{options[option.key].value}']  in the base table. You might want to specify "
                "EXCLUDING OPTIONS or OVERWRITING OPTIONS.",
                option.key_position,
                len(option.key) + 2,
            )
        options[option.key] = option
    return tuple(options.values())


def _merged_partitions(
    source: ast.CreateTable, new: ast.CreateTable, strategy: str
) -> tuple[str, ...]:
    """The new table's PARTITIONED BY, else the source's (even with EXCLUDING: Flink 2.3.0)."""
    if new.partitioned_by and source.partitioned_by and strategy != "EXCLUDING":
        assert new.like is not None
        raise _Refused(
            "The base table already has partitions defined. You might want to specify "
            "EXCLUDING PARTITIONS.",
            new.like.source.position,
            len(str(new.like.source)),
        )
    return new.partitioned_by or source.partitioned_by


def _merged_key(
    source: ast.CreateTable, new: ast.CreateTable, strategy: str
) -> tuple[tuple[str, ast.Position], ...]:
    """The source's primary key (with INCLUDING) or the new table's; not both."""
    kept = source.primary_key if strategy == "INCLUDING" else ()
    if kept and new.primary_key:
        raise _Refused(
            "The base table already has a primary key. You might want to specify "
            "EXCLUDING CONSTRAINTS.",
            new.primary_key[0][1],
            len(new.primary_key[0][0]),
        )
    _check_key_not_null(source, new)
    return new.primary_key or kept


def _check_key_not_null(source: ast.CreateTable, new: ast.CreateTable) -> None:
    """A primary key makes the columns its statement declares NOT NULL, not the source's: a
    key over a source column must find it NOT NULL there (declared so, or in its key)."""
    declared = {c.name for c in new.columns}
    inherited = {c.name: c for c in source.columns}
    source_key = {name for name, _ in source.primary_key}
    for name, position in new.primary_key:
        column = inherited.get(name)
        if name in declared or column is None or name in source_key:
            continue
        if column.type.nullable:
            names = "_".join(n for n, _ in new.primary_key)
            message = f"Invalid primary key 'PK_{names}'. Column '{name}' is nullable."
            raise _Refused(message, position, len(name))


def _merged_watermark(
    source: ast.CreateTable, new: ast.CreateTable, strategy: str
) -> ast.Watermark | None:
    """The watermark: the source's (unless EXCLUDING) or the new table's. One on another
    column than the source's makes two, which Flink does not support."""
    kept = source.watermark if strategy != "EXCLUDING" else None
    if kept is not None:  # a problem with it is this statement's (see _relocated)
        assert new.like is not None
        kept = replace(kept, position=new.like.source.position)
    if kept is None or new.watermark is None:
        return new.watermark or kept
    column = str(new.watermark.column)
    if strategy != "OVERWRITING" and str(kept.column) == column:
        raise _Refused(
            f"There already exists a watermark spec for column '{column}' in the base table. "
            "You might want to specify EXCLUDING WATERMARKS or OVERWRITING WATERMARKS.",
            new.watermark.position,
        )
    if str(kept.column) != column:
        raise _Refused(
            "Multiple watermark definitions are not supported yet.", new.watermark.position
        )
    return new.watermark
