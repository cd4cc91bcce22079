"""JSON functions: declarations (signatures and result types). Their Polars implementations
are in `executor/functions/json.py`, under the same names."""

from __future__ import annotations

from bailian_assets.planning import types
from bailian_assets.planning.functions.signatures import ScalarFunction, always, sig

FUNCTIONS = [
    # a path that does not match gives NULL, whatever the input's nullability
    ScalarFunction("JSON_VALUE", (sig("CHARACTER", "CHARACTER"),), always(types.STRING), (1,)),
]
