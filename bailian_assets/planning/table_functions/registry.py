"""What a table function is, and how a call's arguments are bound to its parameters.

A `TableFunction` declares its parameters (name, kind, whether required) and a `build`
function that makes the plan node from an `Invocation`: the call's arguments, already in
parameter order and bound by kind, plus the `Site` (what the builder offers: relations, models,
fresh fields, expression binding) and, for a lateral function, the rows to its left.

Parameter kinds, and what the Invocation holds for each:
- TABLE:      `TABLE t` (or a bare `t`): the table's `ast.Name` (`site.relation` reads it);
- MODEL:      `MODEL m`: the `ModelSpec`;
- DESCRIPTOR: `DESCRIPTOR(a, b)`: the `ast.DescriptorArg`;
- COLUMN:     an expression over the lateral input that must be one of its columns:
              the `bound.Column`;
- CONSTANT:   a literal: the `bound.Literal`;
- MAP:        `MAP['k', 'v', ...]`: the `ast.FunctionArg` (checked by the function);
- ANY:        the `ast.FunctionArg` as written, for a function that checks it with its own
              messages (VECTOR_SEARCH's top_k).
Arguments are all positional or all named (`INPUT => col`), as in Flink.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Protocol

from bailian_assets.planning import bound as b
from bailian_assets.planning import plan as p
from bailian_assets.planning.models import ModelSpec
from bailian_assets.planning.plan_errors import PlanError
from bailian_assets.sql import ast
from bailian_assets.sql.ast import DataType

KINDS = ("TABLE", "MODEL", "DESCRIPTOR", "COLUMN", "CONSTANT", "MAP", "ANY")
_ORDINALS = ("First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth")


class Site(Protocol):
    """What the builder offers a table function while it builds its node."""

    path: str
    settings: Mapping[str, str]

    def relation(self, name: ast.Name, alias: str | None) -> p.Node: ...

    def view(self, relation: str) -> p.PlannedQuery | None: ...

    def model(self, name: ast.Name) -> ModelSpec: ...

    def field(self, name: str, data_type: DataType, qualifier: str | None) -> p.Field: ...

    def bind(self, expr: ast.Expr, scope: tuple[p.Field, ...]) -> b.Expr: ...

    def in_zone(self, value: b.Expr, target: DataType) -> b.Expr: ...


@dataclass(frozen=True)
class Parameter:
    name: str  # its name in a named call: `INPUT => ...`
    kind: str  # one of KINDS
    expected: str  # what an error says it must be: "a table (TABLE t)"
    required: bool = True


@dataclass(frozen=True)
class Invocation:
    """One call of a table function, its arguments bound (absent optional ones are None)."""

    call: ast.TableFunction
    args: Mapping[str, object]  # parameter name -> bound value (see the module docstring)
    syntax: Mapping[str, ast.FunctionArg]  # parameter name -> the argument as written
    site: Site
    left: p.Node | None = None  # a lateral function's input rows
    join_kind: str | None = None  # how a lateral function joins them: CROSS, INNER, LEFT


@dataclass(frozen=True)
class TableFunction:
    """A table function SQL may call in FROM (or LATERAL TABLE(...) when `lateral`)."""

    name: str
    parameters: tuple[Parameter, ...]
    build: Callable[[Invocation], p.Node]
    lateral: bool = False  # reads the rows of the FROM item to its left, per row
    # lateral, yet callable alone in FROM too (`FROM UNNEST(ARRAY[1, 2])`): over one empty row
    standalone: bool = False
    arity_message: str = ""  # Flink's text for a wrong number of arguments

    @property
    def required(self) -> int:
        return sum(p.required for p in self.parameters)


def invoke(
    function: TableFunction,
    call: ast.TableFunction,
    site: Site,
    left: p.Node | None = None,
    join_kind: str | None = None,
) -> p.Node:
    """Bind `call`'s arguments to `function`'s parameters and build its node."""
    ordered = ordered_args(call, [p.name for p in function.parameters], function.required)
    if not function.required <= len(ordered) <= len(function.parameters):
        raise PlanError(
            function.arity_message or f"Invalid number of arguments to function '{call.name}'",
            call.position,
            len(call.name),
        )
    named = all(a.name for a in ordered) and bool(ordered)
    args: dict[str, object] = {p.name: None for p in function.parameters}
    syntax: dict[str, ast.FunctionArg] = {}
    for index, arg in enumerate(ordered):
        parameter = (
            next(p for p in function.parameters if p.name == arg.name)
            if named
            else function.parameters[index]
        )
        position = function.parameters.index(parameter)
        args[parameter.name] = _bind(parameter, position, arg, site, left)
        syntax[parameter.name] = arg
    return function.build(Invocation(call, args, syntax, site, left, join_kind))


def _bind(
    parameter: Parameter, index: int, arg: ast.FunctionArg, site: Site, left: p.Node | None
) -> object:
    value = arg.value
    wrong = PlanError(
        f"{_ORDINALS[min(index, 7)]} operand must be {parameter.expected}", arg.position
    )
    if parameter.kind == "TABLE":
        if isinstance(value, ast.TableArg):
            return value.name
        if isinstance(value, ast.ColumnRef) and value.qualifier is None:  # `docs`: no TABLE
            raise PlanError(f"Column '{value.name}' not found in any table", value.position)
        raise wrong
    if parameter.kind == "MODEL":
        if not isinstance(value, ast.ModelArg):
            raise wrong
        return site.model(value.name)
    if parameter.kind == "DESCRIPTOR":
        if not isinstance(value, ast.DescriptorArg):
            raise wrong
        return value
    if parameter.kind in ("MAP", "ANY"):
        return arg
    if isinstance(value, (ast.TableArg, ast.ModelArg, ast.DescriptorArg)):
        raise wrong
    bound = site.bind(value, left.fields if left is not None else ())
    expected = b.Column if parameter.kind == "COLUMN" else b.Literal
    if not isinstance(bound, expected):
        raise wrong
    return bound


def ordered_args(call: ast.TableFunction, names: list[str], required: int) -> list[ast.FunctionArg]:
    """A table function's arguments in `names` order: positional as written, or all named."""
    args = list(call.args)
    named = [a for a in args if a.name]
    if named and len(named) != len(args):
        raise PlanError(
            f"{call.name} arguments must be all positional or all named", named[0].position
        )
    if not named:
        return args
    by_name: dict[str, ast.FunctionArg] = {}
    for arg in args:
        if arg.name not in names:
            raise PlanError(
                f"Unknown argument name '{arg.name}' for {call.name}; expected {', '.join(names)}",
                arg.position,
            )
        if arg.name in by_name:
            raise PlanError(f"Argument '{arg.name}' is given twice", arg.position)
        by_name[arg.name] = arg
    missing = [n for n in names[:required] if n not in by_name]
    if missing:
        raise PlanError(
            f"{call.name} is missing the argument {missing[0]}", call.position, len(call.name)
        )
    return [by_name[n] for n in names if n in by_name]
