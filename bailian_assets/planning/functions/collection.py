"""Collection functions (ARRAY, MAP, MULTISET): declarations (signatures and result types).
Their Polars implementations are in `executor/functions/collection.py`, under the same names."""

from __future__ import annotations

from bailian_assets.planning import types
from bailian_assets.planning.functions.signatures import ScalarFunction, fixed, sig

FUNCTIONS = [
    ScalarFunction("CARDINALITY", (sig("MULTISET"), sig("ARRAY"), sig("MAP")), fixed(types.INT)),
]
