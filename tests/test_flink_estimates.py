"""Flink's estimates that decide row order (planning/flink_estimates.py) and Calcite's order
of grouping sets (planning/grouping.py): the pure rules, checked one by one. The orders they
give end to end are golden cases (tests/golden/*/order_*.sql, from the oracle)."""

import pytest

from bailian_assets.planning import bound as b
from bailian_assets.planning import flink_estimates, grouping, types
from bailian_assets.planning import plan as p

A, B = b.Column("a", types.INT), b.Column("s", types.STRING)


def call(name, *args):
    return b.Call(name, args, types.BOOLEAN)


def one(value):
    return b.Literal(value, types.INT)


@pytest.mark.parametrize(
    ("predicate", "kept"),
    [
        (call("=", A, one(1)), 0.15),
        (call(">", A, one(1)), 0.5),
        (call("<>", A, one(1)), 0.85),
        (call("IS NOT NULL", A), 0.9),
        (call("LIKE", B, b.Literal("x%", types.STRING)), 0.05),
        (call("AND", call("=", A, one(1)), call(">", A, one(0))), 0.075),
        (call("OR", call("=", A, one(1)), call("=", A, one(2))), 1 - 0.85 * 0.85),
        (call("NOT", call(">", A, one(1))), 0.5),
        (call("STARTS_WITH", B, B), 0.25),  # any other condition
    ],
)
def test_selectivity_is_flinks_default_guess(predicate, kept):
    assert flink_estimates.selectivity(predicate) == pytest.approx(kept)


def test_a_row_is_sized_as_flinks_binary_row_holds_it():
    # 8 bytes a value, a string's 12 more, 8 bytes of null bits up to 56 columns
    assert flink_estimates.row_bytes([types.INT, types.STRING]) == 8 + 20 + 8
    assert flink_estimates.row_bytes([types.DataType("DECIMAL", (10, 2))]) == 16
    assert flink_estimates.row_bytes([types.DataType("DECIMAL", (30, 2))]) == 32


def test_estimates_follow_filters_limits_and_joins_over_counted_rows():
    field = p.Field("a", types.INT, None, "a#0")
    values = p.ValuesNode(tuple((one(i),) for i in range(8)), (field,))
    scan = p.Scan("t", ("a",), (field,), counted=True)

    def count(node, cap):
        return (20.0, False) if node.relation == "t" else None

    assert flink_estimates.estimated_rows(values, count) == (8.0, True)
    filtered = p.Filter(scan, call(">", b.Column("a#0", types.INT), one(3)))
    assert flink_estimates.estimated_rows(filtered, count) == (10.0, False)
    assert flink_estimates.estimated_rows(p.Limit(scan, 4), count) == (4.0, False)
    join = p.Join("INNER", values, scan, ((b.Column("a#0", types.INT),) * 2,), None)
    # both sides added, times an equality's selectivity (FlinkRelMdRowCount without statistics)
    assert flink_estimates.estimated_rows(join, count) == (pytest.approx(28 * 0.15), False)
    unknown = p.Scan("json_table", ("a",), (field,))
    assert flink_estimates.estimated_rows(unknown, count) is None
    # a handful of rows: sorted groups (exact VALUES up to 9, estimates up to 8.25)
    assert flink_estimates.sorts_tiny_input(values, count)
    assert not flink_estimates.sorts_tiny_input(scan, count)
    assert flink_estimates.sorts_tiny_input(p.Filter(filtered, call("=", A, one(1))), count)


def test_grouping_sets_come_enclosing_set_first_as_calcite_sorts_them():
    assert grouping.in_flink_order([(), (0,)]) == [(0,), ()]
    assert grouping.in_flink_order([(1,), (0,), (0, 1), ()]) == [(0, 1), (0,), (1,), ()]
    assert grouping.in_flink_order([(0,), (0,)]) == [(0,), (0,)]  # duplicates stay
