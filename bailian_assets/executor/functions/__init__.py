"""The executor's function registry: Polars implementations of the functions, aggregates and
operators that `planning/functions/` declares, under the same names, by the same families.

An implementation takes the compiled arguments (`pl.Expr`s) and the bound arguments (for the
constants a function builds its operation from: a pad length, a JSON path, a date format; the
planner guarantees they are literals, see `ScalarFunction.constant_args`).
"""

from __future__ import annotations

from bailian_assets.executor.functions import (
    collection,
    conditional,
    json,
    numeric,
    string,
    temporal,
    variant,
)
from bailian_assets.executor.functions.aggregates import AGGREGATES as _ONE_ARGUMENT
from bailian_assets.executor.functions.aggregates import MULTI_ARGUMENT
from bailian_assets.executor.functions.common import Implementation
from bailian_assets.executor.functions.operators import OPERATORS
from bailian_assets.executor.functions.windows import WINDOWS

IMPLEMENTATIONS: dict[str, Implementation] = {}
for _family in (string, numeric, conditional, temporal, json, collection, variant):
    IMPLEMENTATIONS.update(_family.IMPLEMENTATIONS)

# aggregates of several arguments take every compiled and bound argument (an Implementation);
# the others the one compiled argument (`aggregates.AggregateImplementation`)
MULTI_ARGUMENT_AGGREGATES: dict[str, Implementation] = {
    **MULTI_ARGUMENT,
    **json.AGGREGATE_IMPLEMENTATIONS,
}
AGGREGATES: dict = {**_ONE_ARGUMENT, **MULTI_ARGUMENT_AGGREGATES}

__all__ = [
    "AGGREGATES",
    "IMPLEMENTATIONS",
    "MULTI_ARGUMENT_AGGREGATES",
    "OPERATORS",
    "WINDOWS",
    "Implementation",
]
