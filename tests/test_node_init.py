"""Syntax nodes made through node_init's quicker __init__, and positions through its maker,
are the dataclasses they were: same arguments, defaults, equality, hash and immutability."""

import dataclasses
import pickle

import pytest

from bailian_assets.errors import Position
from bailian_assets.sql import ast
from bailian_assets.sql.node_init import fast_maker, install_fast_init

AT = Position(1, 2, 3)


def test_every_slotted_node_has_the_quicker_init():
    nodes = [
        kind
        for kind in vars(ast).values()
        if isinstance(kind, type)
        and dataclasses.is_dataclass(kind)
        and kind.__module__ == ast.__name__
    ]
    assert len(nodes) > 40
    for kind in nodes:
        names = kind.__init__.__code__.co_names
        quick = any(name.startswith("_set_") for name in names)
        assert quick is ("__slots__" in vars(kind)), kind


def test_defaults_keywords_factories_and_replace():
    column = ast.ColumnDef("a", ast.DataType("INT"), AT)
    assert (column.comment, column.metadata, column.expression, column.virtual) == (
        None,
        False,
        None,
        False,
    )
    assert ast.DataType("ROW", fields=(("x", ast.DataType("INT")),)).params == ()
    script = ast.Script("f.sql", "SELECT 1")
    assert script.statements == () and script.spans == ()
    changed = dataclasses.replace(column, comment="c")
    assert changed.comment == "c" and changed.name == "a" and changed != column
    assert ast.ColumnDef(name="a", type=ast.DataType("INT"), position=AT) == column
    with pytest.raises(TypeError):
        ast.ColumnDef("a")  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        ast.ColumnDef("a", ast.DataType("INT"), AT, nonsense=1)  # type: ignore[call-arg]


def test_nodes_stay_frozen_hashable_and_picklable():
    literal = ast.Literal(1, "INT", AT)
    with pytest.raises(dataclasses.FrozenInstanceError):
        literal.value = 2  # type: ignore[misc]
    assert hash(literal) == hash(ast.Literal(1, "INT", AT))
    assert pickle.loads(pickle.dumps(literal)) == literal


def test_classes_it_cannot_do_exactly_are_refused():
    @dataclasses.dataclass(frozen=True)
    class NoSlots:
        a: int

    @dataclasses.dataclass(frozen=True, slots=True)
    class PostInit:
        a: int

        def __post_init__(self) -> None:
            pass

    @dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
    class KeywordOnly:
        a: int

    for kind in (NoSlots, PostInit, KeywordOnly):
        with pytest.raises(TypeError):
            install_fast_init(kind)


def test_a_maker_for_a_class_of_another_package_leaves_the_class_alone():
    make = fast_maker(Position)
    made = make(3, 4, 5)
    assert type(made) is Position and made == Position(3, 4, 5)
    assert hash(made) == hash(Position(3, 4, 5))
    assert "_set_" not in str(Position.__init__.__code__.co_names)  # its own __init__ still
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.line = 1  # type: ignore[misc]
