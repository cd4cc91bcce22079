"""The binder and the type rules it applies: literal types, DECIMAL precision and scale,
aggregate result types, as Flink 2.3 derives them."""

from decimal import Decimal

import pytest

from bailian_assets.errors import Position
from bailian_assets.planning import bound, types
from bailian_assets.planning.binder import Binder
from bailian_assets.planning.plan import Field
from bailian_assets.planning.plan_errors import PlanError
from bailian_assets.planning.project import load_source
from bailian_assets.sql import ast
from bailian_assets.sql.ast import DataType


@pytest.mark.parametrize(
    "literal, expected",
    [
        (Decimal("120.5"), types.decimal(4, 1, False)),
        (Decimal("120.50"), types.decimal(5, 2, False)),
        (Decimal("0.5"), types.decimal(1, 1, False)),
        (Decimal("-3.25"), types.decimal(3, 2, False)),
    ],
)
def test_decimal_literals_are_typed_by_their_digits(literal, expected):
    assert types.literal_type("DECIMAL", literal) == expected


def test_integer_literals_are_int_or_bigint():
    assert types.literal_type("INTEGER", 7) == DataType("INT", nullable=False)
    assert types.literal_type("INTEGER", 2**31) == DataType("BIGINT", nullable=False)


@pytest.mark.parametrize(
    "op, a, b, expected",
    [
        ("+", types.decimal(4, 1), types.decimal(5, 2), types.decimal(6, 2)),
        ("*", types.decimal(4, 1), types.decimal(5, 2), types.decimal(9, 3)),
        ("/", types.decimal(4, 1), types.INT, types.decimal(15, 12)),
        ("+", types.decimal(38, 10), types.decimal(38, 10), types.decimal(38, 9)),
    ],
)
def test_decimal_arithmetic_follows_flinks_precision_and_scale(op, a, b, expected):
    assert types.decimal_arithmetic(op, a, b) == expected


def test_the_common_type_of_decimals_keeps_whole_digits_and_scale():
    assert types.common_type(types.decimal(4, 1), types.decimal(5, 3)) == types.decimal(6, 3)
    assert types.common_type(types.INT, types.decimal(4, 1)) == types.decimal(11, 1)
    assert types.common_type(types.decimal(4, 1), types.DOUBLE) == types.DOUBLE


SCOPE = (Field("n", types.INT, "t", "n#0"), Field("s", types.STRING, "t", "s#1"))


def test_binding_types_every_node_and_resolves_columns_to_frame_columns():
    binder = Binder("t.sql", {}, {})
    here = Position(1, 1, 0)
    expr = ast.BinaryOp(
        "+", ast.ColumnRef("t", "n", here), ast.Literal(Decimal("1.5"), "DECIMAL", here), here
    )
    result = binder.bind(expr, SCOPE)
    assert result == bound.Call(
        "+",
        (bound.Column("n#0", types.INT), bound.Literal(Decimal("1.5"), types.decimal(2, 1, False))),
        types.decimal(12, 1),
    )


def test_an_unknown_column_is_located_with_a_suggestion():
    with pytest.raises(PlanError) as caught:
        Binder("t.sql", {}, {}).bind(ast.ColumnRef(None, "nn", Position(2, 5, 9)), SCOPE)
    assert caught.value.problem.message == "Column 'nn' not found in any table; did you mean 'n'?"
    assert caught.value.problem.position == Position(2, 5, 9)


@pytest.mark.parametrize(
    "aggregate, sink_type",
    [
        ("SUM(i)", "INT"),
        ("AVG(i)", "INT"),
        ("COUNT(*)", "BIGINT"),
        ("SUM(d)", "DECIMAL(38, 1)"),
        ("MIN(d)", "DECIMAL(2, 1)"),
    ],
)
def test_aggregates_have_flinks_result_types(aggregate, sink_type):
    # a sink of exactly Flink's result type accepts the aggregate
    project = load_source(
        f"CREATE TEMPORARY TABLE snk (x {sink_type}) WITH ('connector' = 'print');\n"
        "CREATE TEMPORARY VIEW v (i, d) AS VALUES (1, 1.5), (2, 2.5);\n"
        f"INSERT INTO snk SELECT {aggregate} FROM v;\n",
        "t.sql",
        {},
    )
    (insert,) = project.inserts
    assert insert.query.root.fields[0].type.name == sink_type.split("(")[0]
