"""Conditional functions: declarations (signatures and result types). Their Polars
implementations are in `executor/functions/conditional.py`, under the same names.

Their arguments must share a common type: the return rules raise SignatureError with Flink's
text when they do not (a return rule may refuse what signatures cannot express)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from bailian_assets.planning import types
from bailian_assets.planning.functions.signatures import (
    ReturnRule,
    ScalarFunction,
    SignatureError,
    always,
    sig,
)
from bailian_assets.sql.ast import DataType

_ANY_1 = sig("ANY", variadic=True)


def _common(message: Callable[[DataType, DataType], str]) -> ReturnRule:
    """The common type of the arguments, or SignatureError(message(a, b)) for the first pair
    without one."""

    def rule(args: Sequence[DataType]) -> DataType:
        result = args[0]  # the first as it is: NOT NULL stays NOT NULL
        for t in args[1:]:
            merged = types.common_type(result, t)
            if merged is None:
                raise SignatureError(message(result, t))
            result = merged
        return result

    return rule


_INVALID = _common(lambda a, b: "Invalid input arguments.")


def _coalesce(args: Sequence[DataType]) -> DataType:
    """COALESCE and IFNULL: the arguments' common type, NULL only when every argument may be.
    Flink types them with its own merging (LogicalTypeMerging), not Calcite's as CASE: there a
    DATE beside a TIMESTAMP makes the result a DATE (the timestamps' date part, the executor
    casts them), where CASE, IF, UNION and comparisons refuse the pair."""
    if any(t.name == "DATE" for t in args):
        args = [
            types.nullable(types.DATE, t.nullable) if t.name == "TIMESTAMP" else t for t in args
        ]
    return types.nullable(_INVALID(args), all(t.nullable for t in args))


_ORDERED = _common(
    lambda a, b: (
        "All types in a comparison should support both 'EQUALS' and "
        f"'ORDER' comparison with each other. Can not compare {a} with {b}"
    )
)


def _compared(args: Sequence[DataType]) -> DataType:
    """GREATEST and LEAST: values of one comparable type (a VARIANT is not)."""
    for arg in args:
        problem = types.comparable_problem(arg)
        if problem:
            raise SignatureError(problem)
    return _ORDERED(args)


def _nullif(args: Sequence[DataType]) -> DataType:
    if types.common_type(args[0], args[1]) is None:
        raise SignatureError(
            f"implicit type conversion between {types.sql_name(args[0])} and "
            f"{args[1].name} is not supported now"
        )
    return types.nullable(args[0])


def _if(args: Sequence[DataType]) -> DataType:
    """IF(c, a, b): the branches' common type, else Flink's refusal naming the three types.
    Two timestamps (TIMESTAMP or TIMESTAMP_LTZ) give a's type, precision included, as Flink's
    IF types them (Calcite's ARG1): IF(c, TIMESTAMP(0), TIMESTAMP_LTZ(3)) is TIMESTAMP(0)."""
    if types.common_type(args[1], args[2]) is None:
        shown = ", ".join(f"<{types.sql_name(t)}>" for t in args)
        raise SignatureError(f"Cannot apply 'IF' to arguments of type 'IF({shown})'")
    if {args[1].name, args[2].name} <= _TIMESTAMPS:
        return types.nullable(args[1], args[1].nullable or args[2].nullable)
    return _INVALID(args[1:])


_TIMESTAMPS = {"TIMESTAMP", "TIMESTAMP_LTZ"}


_NEVER_NULL = types.nullable(types.BOOLEAN, False)


def _distinct(args: Sequence[DataType]) -> DataType:
    """`a IS [NOT] DISTINCT FROM b`: comparable operands; never NULL (NULLs are equal)."""
    if types.common_type(args[0], args[1]) is None:
        raise SignatureError(
            f"Cannot apply 'IS DISTINCT FROM' to arguments of type "
            f"'<{types.sql_name(args[0])}> IS DISTINCT FROM "
            f"<{types.sql_name(args[1])}>'"
        )
    return _NEVER_NULL


# The predicates `x IS [NOT] TRUE|FALSE|UNKNOWN` and `a IS [NOT] DISTINCT FROM b`: the parser
# gives them as calls named by their words (no identifier can call them by name).
_TRUTH_TESTS = [
    ScalarFunction(f"IS {negation}{truth}", (sig("BOOLEAN"),), always(_NEVER_NULL))
    for truth in ("TRUE", "FALSE", "UNKNOWN")
    for negation in ("", "NOT ")
]

FUNCTIONS = [
    *_TRUTH_TESTS,
    ScalarFunction("IS DISTINCT FROM", (sig("ANY", "ANY"),), _distinct),
    ScalarFunction("IS NOT DISTINCT FROM", (sig("ANY", "ANY"),), _distinct),
    ScalarFunction("COALESCE", (_ANY_1,), _coalesce),
    ScalarFunction("IFNULL", (sig("ANY", "ANY"),), _coalesce),
    ScalarFunction("NULLIF", (sig("ANY", "ANY"),), _nullif),
    ScalarFunction("IF", (sig("BOOLEAN", "ANY", "ANY"),), _if),
    ScalarFunction("GREATEST", (_ANY_1,), _compared),
    ScalarFunction("LEAST", (_ANY_1,), _compared),
    # TYPEOF(x): x's type as Flink prints it, nullability included (`BIGINT NOT NULL`)
    ScalarFunction("TYPEOF", (sig("ANY"),), always(types.nullable(types.STRING, False))),
]
