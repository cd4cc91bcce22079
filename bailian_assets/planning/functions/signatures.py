"""Typed function signatures, checked when a call is bound (at plan time, before any model is
paid for), with Flink's (Calcite's) error texts.

A `ScalarFunction` declares one or more `Signature`s: the type family of each parameter
(`CHARACTER`, `NUMERIC`, `INTEGER`, `BOOLEAN`, `DATETIME`, `ARRAY`, `ANY`, ...), the last one
repeatable when `variadic`. A call matches a signature when its argument count fits and each
argument's type belongs to the parameter's family (NULL belongs to every family). The return
type comes from the function's `returns` rule, given the argument types.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from bailian_assets.planning import types
from bailian_assets.sql.ast import DataType

ReturnRule = Callable[[Sequence[DataType]], DataType]


@dataclass(frozen=True)
class Signature:
    params: tuple[str, ...]  # a family per parameter (see `types.FAMILIES`)
    variadic: bool = False  # the last parameter repeats (0 or more times more)

    def fits_count(self, count: int) -> bool:
        if self.variadic:
            return count >= len(self.params)
        return count == len(self.params)

    def accepts(self, arg_types: Sequence[DataType]) -> bool:
        if not self.fits_count(len(arg_types)):
            return False
        for index, t in enumerate(arg_types):
            family = self.params[min(index, len(self.params) - 1)]
            if not types.in_family(t, family):
                return False
        return True

    def shown(self, name: str) -> str:
        """As Flink lists supported forms: 'SUBSTRING(<CHARACTER>, <INTEGER>)'."""
        params = [f"<{p}>" for p in self.params]  # Flink shows a repeated one once
        return f"'{name}({', '.join(params)})'"


@dataclass(frozen=True)
class ScalarFunction:
    """A scalar function the SQL may call: its name, typed signatures and return-type rule.

    `constant_args`: positions of arguments that must be literals (a pad length, a JSON path, a
    date format: the executor builds its operation from them)."""

    name: str
    signatures: tuple[Signature, ...]
    returns: ReturnRule
    constant_args: tuple[int, ...] = ()
    # a return type that depends on constant arguments' values (ROUND(x, 2) of a DECIMAL has
    # scale 2): given the types and each argument's literal value (None when not a literal)
    returns_given: Callable[[Sequence[DataType], Sequence[object]], DataType] | None = None

    def result_type(self, arg_types: Sequence[DataType], values: Sequence[object]) -> DataType:
        """The call's type: `returns_given` when declared, else `returns`."""
        if self.returns_given is not None:
            return self.returns_given(arg_types, values)
        return self.returns(arg_types)


class SignatureError(Exception):
    """A call that matches none of its function's signatures; `message` is Flink's text."""

    def __init__(self, message: str, argument: int | None = None):
        super().__init__(message)
        self.message = message
        self.argument = argument  # the argument to point at, when one is to blame


def count_range(signatures: Sequence[Signature]) -> tuple[int, int | None]:
    """The fewest and most arguments any of `signatures` takes (None: no limit)."""
    low = min(len(s.params) for s in signatures)
    if any(s.variadic for s in signatures):
        return low, None
    return low, max(len(s.params) for s in signatures)


def check_call(function, arg_types: Sequence[DataType]) -> None:
    """Raise SignatureError unless some signature of `function` (a ScalarFunction or an
    AggregateFunction) accepts `arg_types`."""
    name = function.name
    if not any(s.fits_count(len(arg_types)) for s in function.signatures):
        low, high = count_range(function.signatures)
        expected = str(low) if low == high else f"{low} to {high or 'any number of'}"
        raise SignatureError(
            f"Invalid number of arguments to function '{name}'. Was expecting {expected} arguments"
        )
    if any(s.accepts(arg_types) for s in function.signatures):
        return
    given = ", ".join(f"<{types.sql_name(t)}>" for t in arg_types)
    forms = "\n".join(s.shown(name) for s in function.signatures)
    raise SignatureError(
        f"Cannot apply '{name}' to arguments of type '{name}({given})'. Supported form(s): {forms}"
    )


def unknown_signature(name: str, arg_types: Sequence[DataType]) -> str:
    """Flink's text for a function that does not exist: the argument families it was given."""
    families = ", ".join(f"<{types.family_name(t)}>" for t in arg_types)
    return f"No match found for function signature {name}({families})"


# ------------------------------------------------------------------ declaration helpers


def sig(*params: str, variadic: bool = False) -> Signature:
    return Signature(tuple(params), variadic)


def fixed(t: DataType) -> ReturnRule:
    """Always `t`, nullable when any argument is."""
    return lambda args: types.nullable(t, any(a.nullable for a in args))


def always(t: DataType) -> ReturnRule:
    """Exactly `t` (nullability included), whatever the arguments."""
    return lambda args: t


def first(args: Sequence[DataType]) -> DataType:
    """The first argument's type."""
    return args[0] if args else types.UNKNOWN
