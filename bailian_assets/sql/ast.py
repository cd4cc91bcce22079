"""The syntax tree: plain frozen dataclasses, each node knowing where it starts in the file.

Nothing here knows about Polars, httpx or Dagster; the planner gives these nodes meaning.

The tree is only as deep as the SQL is nested: a chain of AND, OR or `||` is one `Chain` node
and a chain of UNIONs one `SetOperation`, however many terms they have, so code that walks the
tree recursively is safe for anything the parser accepts (it bounds nesting, see parser.py).
Nodes have `__slots__`: a large VALUES list is a few hundred bytes per value.
"""

from __future__ import annotations

from dataclasses import dataclass, field, is_dataclass

from bailian_assets.errors import Position
from bailian_assets.sql.node_init import install_fast_init
from bailian_assets.sql.source import line_at, split_lines


@dataclass(frozen=True, slots=True)
class Name:
    """A possibly qualified name (`catalog.db.obj`); `parts` keep their spelling."""

    parts: tuple[str, ...]
    position: Position

    @property
    def last(self) -> str:
        return self.parts[-1]

    def __str__(self) -> str:
        return ".".join(self.parts)


@dataclass(frozen=True, slots=True)
class DataType:
    """A SQL type as written: `VARCHAR(10)`, `ARRAY<FLOAT>`, `DECIMAL(10, 2) NOT NULL`."""

    name: str  # upper-case canonical spelling, e.g. STRING, BIGINT, ARRAY
    params: tuple[int, ...] = ()
    element: DataType | None = None  # ARRAY<element>, MAP<element, value>
    value: DataType | None = None
    nullable: bool = True
    fields: tuple[tuple[str, DataType], ...] = ()  # ROW<name type, ...>

    def __str__(self) -> str:
        if self.name == "ARRAY":
            text = f"ARRAY<{self.element}>"
        elif self.name == "MAP":
            text = f"MAP<{self.element}, {self.value}>"
        elif self.name == "ROW":
            text = "ROW<" + ", ".join(f"`{n}` {t}" for n, t in self.fields) + ">"
        elif self.params:
            text = f"{self.name}({', '.join(map(str, self.params))})"
        else:
            text = self.name
        return text if self.nullable else f"{text} NOT NULL"


@dataclass(frozen=True, slots=True)
class ColumnDef:
    """A declared column. A table's may be computed (`total AS price * qty`: `expression`, its
    `type` unknown until bound) or a METADATA column (`metadata_key`: FROM's key, or the
    column's name; `virtual`: read only, never written)."""

    name: str
    type: DataType
    position: Position
    comment: str | None = None
    metadata: bool = False  # `METADATA`: a model's error metadata, or a table's metadata column
    expression: Expr | None = None
    metadata_key: str | None = None
    virtual: bool = False

    @property
    def physical(self) -> bool:
        """Stored by the connector (neither computed nor metadata)."""
        return self.expression is None and not self.metadata

    @property
    def persisted(self) -> bool:
        """Part of what an INSERT writes (Flink's sink schema): physical and non-VIRTUAL
        metadata columns."""
        return self.expression is None and not self.virtual


@dataclass(frozen=True, slots=True)
class Option:
    """`'key' = 'value'` in a WITH clause; `raw` is the value's source text, quotes included."""

    key: str
    value: str
    key_position: Position
    value_position: Position
    raw: str


@dataclass(frozen=True, slots=True)
class Hint:
    """One hint of a `/*+ ... */`: `OPTIONS('k' = 'v', ...)` (key-value options),
    `BROADCAST(a, b)` (list options) or a bare `NAME`. `name` is upper case."""

    name: str
    position: Position
    options: tuple[str, ...] = ()  # list options: table names
    pairs: tuple[Option, ...] = ()  # key-value options


# ---------------------------------------------------------------- expressions


@dataclass(frozen=True, slots=True)
class Literal:
    value: object  # str, int, decimal.Decimal (DECIMAL), float (DOUBLE), bool or None
    kind: str  # STRING, INTEGER, DECIMAL, DOUBLE, BOOLEAN, NULL
    position: Position


@dataclass(frozen=True, slots=True)
class ColumnRef:
    qualifier: str | None
    name: str
    position: Position


@dataclass(frozen=True, slots=True)
class Star:
    qualifier: str | None
    position: Position


@dataclass(frozen=True, slots=True)
class FunctionCall:
    name: str  # upper case
    args: tuple[Expr, ...]
    position: Position
    distinct: bool = False
    star: bool = False  # COUNT(*)
    over: WindowSpec | None = None  # a window function call: ROW_NUMBER() OVER (...)
    filter: Expr | None = None  # an aggregate's FILTER (WHERE condition)
    ignore_nulls: bool = False  # ARRAY_AGG(x IGNORE NULLS) (RESPECT NULLS is the default)


@dataclass(frozen=True, slots=True)
class WindowFrame:
    """`ROWS|RANGE BETWEEN start AND end`; a bound is (kind, offset): kind one of
    UNBOUNDED PRECEDING, PRECEDING, CURRENT ROW, FOLLOWING, UNBOUNDED FOLLOWING; the offset of
    PRECEDING and FOLLOWING a number or INTERVAL literal (`3`, `0.5`, `INTERVAL '1' DAY`)."""

    unit: str  # ROWS or RANGE
    start: tuple[str, Literal | None]
    end: tuple[str, Literal | None]
    position: Position


@dataclass(frozen=True, slots=True)
class WindowSpec:
    """`OVER (PARTITION BY ... ORDER BY ... [frame])` of a window function call, or of a
    `WINDOW name AS (...)` clause. `base` names the window it refines (`OVER w`, `OVER (w ROWS
    ...)`); the planner resolves it against the SELECT's WINDOW clause."""

    partition_by: tuple[Expr, ...]
    order_by: tuple[OrderItem, ...]
    frame: WindowFrame | None
    position: Position
    base: str | None = None


@dataclass(frozen=True, slots=True)
class BinaryOp:
    op: str  # upper case: AND OR = <> < <= > >= + - * / % ||
    left: Expr
    right: Expr
    position: Position


@dataclass(frozen=True, slots=True)
class Chain:
    """`a OR b OR ...`, `a AND b AND ...` or `a || b || ...`: one associative operator over two
    or more operands, flat however long the chain is."""

    op: str  # AND, OR, ||
    operands: tuple[Expr, ...]
    position: Position  # of the first operator


@dataclass(frozen=True, slots=True)
class UnaryOp:
    op: str  # NOT, -, +
    operand: Expr
    position: Position


@dataclass(frozen=True, slots=True)
class Case:
    operand: Expr | None
    whens: tuple[tuple[Expr, Expr], ...]
    else_: Expr | None
    position: Position


@dataclass(frozen=True, slots=True)
class Cast:
    expr: Expr
    type: DataType
    position: Position
    safe: bool = False  # TRY_CAST


@dataclass(frozen=True, slots=True)
class IsNull:
    expr: Expr
    negated: bool
    position: Position


@dataclass(frozen=True, slots=True)
class InList:
    expr: Expr
    items: tuple[Expr, ...]
    negated: bool
    position: Position


@dataclass(frozen=True, slots=True)
class Between:
    expr: Expr
    low: Expr
    high: Expr
    negated: bool
    position: Position


@dataclass(frozen=True, slots=True)
class Like:
    expr: Expr
    pattern: Expr
    negated: bool
    position: Position
    escape: Expr | None = None  # LIKE p ESCAPE '!'


@dataclass(frozen=True, slots=True)
class MapLiteral:
    """`MAP['k', 'v', ...]`, as ML_PREDICT's config argument."""

    items: tuple[Expr, ...]
    position: Position


@dataclass(frozen=True, slots=True)
class FieldAccess:
    """`expr.field`: a field of a ROW value (`CAST(r AS ROW<a INT>).a`, `address.city`)."""

    expr: Expr
    name: str
    position: Position


@dataclass(frozen=True, slots=True)
class Subquery:
    """A query used as a value: `(SELECT ...)` (SCALAR), `EXISTS (SELECT ...)` (EXISTS), or
    `operand [NOT] IN (SELECT ...)` (IN). The builder turns it into a join."""

    kind: str  # SCALAR, EXISTS, IN
    query: Query
    position: Position
    operand: Expr | None = None  # IN's left side
    negated: bool = False  # NOT IN


Expr = (
    Literal
    | ColumnRef
    | Star
    | FunctionCall
    | BinaryOp
    | Chain
    | UnaryOp
    | Case
    | Cast
    | IsNull
    | InList
    | Between
    | Like
    | MapLiteral
    | FieldAccess
    | Subquery
)


# ------------------------------------------------------ table function arguments


@dataclass(frozen=True, slots=True)
class TableArg:
    """`TABLE t` as an argument of a table function."""

    name: Name
    position: Position


@dataclass(frozen=True, slots=True)
class ModelArg:
    """`MODEL m` as an argument of a table function."""

    name: Name
    position: Position


@dataclass(frozen=True, slots=True)
class DescriptorArg:
    """`DESCRIPTOR(c1, c2)`; a column written qualified keeps its qualifier to be refused."""

    columns: tuple[ColumnRef, ...]
    position: Position


@dataclass(frozen=True, slots=True)
class FunctionArg:
    value: TableArg | ModelArg | DescriptorArg | Expr
    name: str | None  # upper-cased name of `NAME => value`
    position: Position


# -------------------------------------------------------------------- queries


@dataclass(frozen=True, slots=True)
class TableRef:
    name: Name
    alias: str | None
    position: Position
    hints: tuple[Hint, ...] = ()  # `t /*+ OPTIONS(...) */`: Flink's dynamic table options


@dataclass(frozen=True, slots=True)
class TableFunction:
    """`ML_PREDICT(...)` (or another table function), bare or inside `TABLE(...)`."""

    name: str  # upper case
    args: tuple[FunctionArg, ...]
    alias: str | None
    position: Position
    column_aliases: tuple[str, ...] = ()
    with_ordinality: bool = False  # UNNEST(...) WITH ORDINALITY: a position column last


@dataclass(frozen=True, slots=True)
class SubqueryRef:
    """`(query) [AS] alias [(column, ...)]`: `FROM (VALUES (1, 'a')) AS t(id, name)`."""

    query: Query
    alias: str | None
    position: Position
    columns: tuple[tuple[str, Position], ...] = ()


@dataclass(frozen=True, slots=True)
class Join:
    kind: str  # INNER, LEFT, RIGHT, FULL, CROSS
    left: FromItem
    right: FromItem
    on: Expr | None
    position: Position
    using: tuple[str, ...] = ()
    natural: bool = False  # NATURAL JOIN: USING the columns both sides have


FromItem = TableRef | TableFunction | SubqueryRef | Join


@dataclass(frozen=True, slots=True)
class SelectItem:
    expr: Expr
    alias: str | None
    position: Position


@dataclass(frozen=True, slots=True)
class OrderItem:
    """`expr [ASC|DESC] [NULLS FIRST|LAST]`; without NULLS, Flink's default: NULLs first
    ascending, last descending."""

    expr: Expr
    descending: bool
    position: Position
    nulls_first: bool | None = None  # None: not written

    @property
    def nulls_last(self) -> bool:
        """Whether NULLs sort after the values, as written or by Flink's default."""
        return self.descending if self.nulls_first is None else not self.nulls_first


@dataclass(frozen=True, slots=True)
class GroupingSets:
    """A GROUP BY element that groups by several sets of keys: `GROUPING SETS (...)` (each
    item a set: a tuple of expressions, `()` the empty one, or a nested ROLLUP/CUBE), or
    `ROLLUP (...)`/`CUBE (...)` (each item a tuple: `(a, b)` rolls up as one). `GROUP BY ()`
    is GROUPING SETS of the one empty set. The builder expands them (`grouping.py`)."""

    kind: str  # GROUPING SETS, ROLLUP or CUBE
    items: tuple[tuple[Expr, ...] | GroupingSets, ...]
    position: Position


@dataclass(frozen=True, slots=True)
class Select:
    items: tuple[SelectItem, ...]
    from_: FromItem | None
    where: Expr | None
    group_by: tuple[Expr | GroupingSets, ...]
    having: Expr | None
    position: Position
    distinct: bool = False
    windows: tuple[NamedWindow, ...] = ()  # the WINDOW clause
    hints: tuple[Hint, ...] = ()  # `SELECT /*+ BROADCAST(t) */ ...`: query hints


@dataclass(frozen=True, slots=True)
class NamedWindow:
    """`name AS (spec)` of a SELECT's WINDOW clause."""

    name: str
    spec: WindowSpec
    position: Position


@dataclass(frozen=True, slots=True)
class Values:
    rows: tuple[tuple[Expr, ...], ...]
    position: Position


@dataclass(frozen=True, slots=True)
class SetOperation:
    """`q1 UNION ALL q2 UNION ALL ...`: consecutive branches joined by the same operator."""

    op: str  # UNION, UNION ALL, INTERSECT [ALL], EXCEPT [ALL]
    inputs: tuple[Query, ...]
    position: Position  # of the first UNION


@dataclass(frozen=True, slots=True)
class Query:
    """A query with its optional WITH, ORDER BY and LIMIT around a SELECT, VALUES or UNION.
    `limit` is the row count of `LIMIT n` or `FETCH FIRST n ROWS ONLY`, `offset` the rows
    `OFFSET m` skips first."""

    body: Select | Values | SetOperation
    order_by: tuple[OrderItem, ...] = ()
    limit: int | None = None
    position: Position | None = None
    ctes: tuple[CommonTableExpr, ...] = ()
    offset: int = 0


@dataclass(frozen=True)
class CommonTableExpr:
    """`name [(column, ...)] AS (query)` of a WITH clause."""

    name: str
    columns: tuple[tuple[str, Position], ...]
    query: Query
    position: Position


# ----------------------------------------------------------------- statements


@dataclass(frozen=True, slots=True)
class CreateModel:
    name: Name
    inputs: tuple[ColumnDef, ...]
    outputs: tuple[ColumnDef, ...]
    options: tuple[Option, ...]
    position: Position
    temporary: bool = False
    if_not_exists: bool = False
    comment: str | None = None


@dataclass(frozen=True, slots=True)
class Watermark:
    """`WATERMARK FOR column AS expression`: checked as Flink checks it; no batch meaning."""

    column: Name
    expression: Expr
    position: Position


@dataclass(frozen=True, slots=True)
class LikeOption:
    """One like option of a LIKE clause: `INCLUDING OPTIONS`, `EXCLUDING ALL`..."""

    strategy: str  # INCLUDING, EXCLUDING or OVERWRITING
    feature: str  # ALL, CONSTRAINTS, PARTITIONS, GENERATED, OPTIONS, WATERMARKS or METADATA
    position: Position


@dataclass(frozen=True, slots=True)
class TableLike:
    """`LIKE source [(like options)]` of a CREATE TABLE: the table starts as a copy of
    `source` (merged where it is declared, planning/table_like.py)."""

    source: Name
    options: tuple[LikeOption, ...]
    position: Position


@dataclass(frozen=True, slots=True)
class CreateTable:
    name: Name
    columns: tuple[ColumnDef, ...]
    options: tuple[Option, ...]
    position: Position
    temporary: bool = False
    if_not_exists: bool = False
    partitioned_by: tuple[str, ...] = ()
    primary_key: tuple[tuple[str, Position], ...] = ()
    comment: str | None = None
    watermark: Watermark | None = None
    like: TableLike | None = None  # None once merged (planning/table_like.py)
    query: Query | None = None  # CREATE TABLE ... AS SELECT: the columns and rows it gives


@dataclass(frozen=True, slots=True)
class CreateView:
    name: Name
    columns: tuple[tuple[str, Position], ...]
    query: Query
    position: Position
    temporary: bool = False
    if_not_exists: bool = False


@dataclass(frozen=True, slots=True)
class Insert:
    target: Name
    columns: tuple[tuple[str, Position], ...]
    query: Query
    position: Position
    overwrite: bool = False
    # `PARTITION (k = value, ...)`: static partition values, the query gives the other columns
    partition: tuple[tuple[str, Expr, Position], ...] = ()
    hints: tuple[Hint, ...] = ()  # `INSERT INTO t /*+ OPTIONS(...) */`: the sink's options


@dataclass(frozen=True, slots=True)
class SetStatement:
    key: str
    value: str
    position: Position
    value_position: Position


@dataclass(frozen=True, slots=True)
class Reset:
    """`RESET 'key'` (the key back to its default), or `RESET` (every key)."""

    key: str | None
    position: Position


@dataclass(frozen=True, slots=True)
class Drop:
    """`DROP [TEMPORARY] TABLE|VIEW|MODEL [IF EXISTS] name`."""

    kind: str  # TABLE | VIEW | MODEL
    name: Name
    position: Position
    temporary: bool = False
    if_exists: bool = False


@dataclass(frozen=True, slots=True)
class Use:
    """`USE CATALOG c` (`catalog` true) or `USE [catalog.]database`."""

    name: Name
    position: Position
    catalog: bool = False


@dataclass(frozen=True, slots=True)
class SelectStatement:
    """A query standing alone as a statement (`SELECT ... FROM ML_PREDICT(...)`, as VVR's
    documentation writes them): Flink's SQL client runs it and shows its rows."""

    query: Query
    position: Position


@dataclass(frozen=True, slots=True)
class Describe:
    """`DESCRIBE|DESC [EXTENDED] name`: the columns of a table or view, shown as rows."""

    name: Name
    position: Position
    keyword: str  # DESCRIBE or DESC, as written: Flink's SQL client heads its rows with it


@dataclass(frozen=True, slots=True)
class Show:
    """`SHOW TABLES [FROM|IN database] [[NOT] LIKE 'pattern']` or `SHOW VIEWS`: the names
    declared above, shown as rows."""

    what: str  # TABLES | VIEWS
    position: Position
    like: str | None = None  # SHOW TABLES [NOT] LIKE 'pattern': the names that match (or not)
    negated: bool = False


Statement = (
    CreateModel
    | CreateTable
    | CreateView
    | Insert
    | SetStatement
    | Reset
    | SelectStatement
    | Describe
    | Show
    | Drop
    | Use
)


@dataclass(frozen=True, slots=True)
class Script:
    """One SQL file: its statements, its text and where it lives."""

    path: str
    source: str
    statements: tuple[Statement, ...] = field(default_factory=tuple)
    spans: tuple[tuple[int, int], ...] = ()  # (start, end) offsets of each statement's text

    def text_of(self, statement: Statement) -> str:
        """The statement as written, comments inside it included."""
        for candidate, (start, end) in zip(self.statements, self.spans, strict=False):
            if candidate is statement:
                return self.source[start:end].strip()
        return ""

    def line(self, number: int) -> str:
        """Line `number` (1-based) as diagnostics show it: lines end at \\n, \\r\\n or \\r."""
        lines = split_lines(self.source)
        return lines[number - 1] if 0 < number <= len(lines) else ""

    def line_at(self, position: Position) -> str:
        """The line that holds `position`, found from its offset (no need to split the file)."""
        if not 0 <= position.offset <= len(self.source):
            return self.line(position.line)
        return line_at(self.source, position.offset)


# Every node with slots is made through a quicker __init__ than the dataclass's own (see
# node_init.py): parsing makes a node for most tokens.
for _node in list(globals().values()):
    if isinstance(_node, type) and is_dataclass(_node) and _node.__module__ == __name__:
        if "__slots__" in vars(_node):
            install_fast_init(_node)
