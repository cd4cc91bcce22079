"""The scalar function and aggregate registries: what SQL may call, with typed signatures.

Binding a call (`binder.py`) looks the name up here, checks the argument types against the
function's signatures at plan time (Flink's "Cannot apply 'UPPER' to arguments of type
'UPPER(<INTEGER>)'. Supported form(s): 'UPPER(<CHARACTER>)'"), and types the result with the
function's return rule. An unknown name is Flink's "No match found for function signature"
with a "did you mean".

How to add a scalar function:
  1. declare it in the family module here (`string.py`, `numeric.py`, `conditional.py`,
     `temporal.py`, `json.py`, `collection.py`, `variant.py`; a new family is a new module added to
     `_FAMILIES` below): `ScalarFunction(NAME, (sig(...), ...), return_rule, constant_args)`;
  2. implement it under the same name in `executor/functions/<family>.py`;
  3. a golden case (tests/golden/) with Flink's answer. `tests/test_functions.py` checks that
     the two registries name the same functions.
How to add an aggregate: an `AggregateFunction` in `aggregates.py` and its implementation in
`executor/functions/aggregates.py` (over windows: `executor/functions/windows.py`); one that
Flink computes from others (STDDEV from SUM and COUNT) declares its `reduce` instead
(`reductions.py`). GROUPING(), GROUPING_ID() and GROUP_ID() are planned into the Aggregate
node (`GROUPINGS`).
How to add a window function: a `WindowFunction` in `windows.py` and its implementation in
`executor/functions/windows.py`.
"""

from __future__ import annotations

from bailian_assets.planning.functions import (
    collection,
    conditional,
    json,
    numeric,
    string,
    temporal,
    variant,
)
from bailian_assets.planning.functions.aggregates import (
    AGGREGATE_FUNCTIONS,
    GROUPING_FUNCTIONS,
    AggregateFunction,
)
from bailian_assets.planning.functions.operators import OPERATORS
from bailian_assets.planning.functions.signatures import (
    ScalarFunction,
    SignatureError,
    check_call,
    unknown_signature,
)
from bailian_assets.planning.functions.windows import WINDOW_FUNCTIONS, WindowFunction

_FAMILIES = (string, numeric, conditional, temporal, json, collection, variant)

FUNCTIONS: dict[str, ScalarFunction] = {}
for _family in _FAMILIES:
    for _function in _family.FUNCTIONS:
        assert _function.name not in FUNCTIONS, f"{_function.name} declared twice"
        FUNCTIONS[_function.name] = _function

AGGREGATES: dict[str, AggregateFunction] = {
    a.name: a for a in (*AGGREGATE_FUNCTIONS, *json.AGGREGATE_FUNCTIONS)
}

GROUPINGS: dict[str, AggregateFunction] = {g.name: g for g in GROUPING_FUNCTIONS}

WINDOWS: dict[str, WindowFunction] = {w.name: w for w in WINDOW_FUNCTIONS}

__all__ = [
    "AGGREGATES",
    "FUNCTIONS",
    "GROUPINGS",
    "OPERATORS",
    "WINDOWS",
    "AggregateFunction",
    "ScalarFunction",
    "SignatureError",
    "WindowFunction",
    "check_call",
    "unknown_signature",
]
