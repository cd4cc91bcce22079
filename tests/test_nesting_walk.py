"""The nesting check walks only the fields of a node that may hold nodes (read from the
annotations): what it skips must never hide a level."""

import dataclasses

from bailian_assets.errors import Position
from bailian_assets.sql import ast, nesting
from bailian_assets.sql.nesting import MAX_DEPTH, too_deep

AT = Position(1, 1, 0)


def _nodes() -> list[type]:
    return [
        kind
        for kind in vars(ast).values()
        if isinstance(kind, type) and dataclasses.is_dataclass(kind) and kind is not Position
    ]


def test_skipped_fields_are_names_flags_and_positions():
    skipped = {
        (kind.__name__, name)
        for kind in _nodes()
        for name in nesting._field_names(kind)
        if name not in nesting._node_fields(kind)
    }
    assert ("ColumnDef", "comment") in skipped and ("Option", "key_position") in skipped
    walked = {(kind.__name__, name) for kind in _nodes() for name in nesting._node_fields(kind)}
    # nested types inside ROW fields, frame bounds' literals, CASE's pairs are walked
    assert {("DataType", "fields"), ("WindowFrame", "start"), ("Case", "whens")} <= walked
    assert ("Query", "limit") not in walked and ("Name", "parts") not in walked


def test_depth_through_row_fields_and_windows_is_counted():
    row = ast.DataType("INT")
    for _ in range(MAX_DEPTH + 1):
        row = ast.DataType("ROW", fields=(("a", row),))
    assert too_deep(row) is not None
    expr: ast.Expr = ast.ColumnRef(None, "a", AT)
    for _ in range(MAX_DEPTH - 2):
        expr = ast.UnaryOp("-", expr, AT)
    frame = ast.WindowFrame(
        "ROWS", ("PRECEDING", ast.Literal(1, "INT", AT)), ("CURRENT ROW", None), AT
    )
    spec = ast.WindowSpec((expr,), (), frame, AT)
    call = ast.FunctionCall("SUM", (expr,), AT, over=spec)
    assert too_deep(call) is not None  # the call, its window, the partition key's signs
    assert too_deep(ast.FunctionCall("SUM", (expr,), AT)) is None
