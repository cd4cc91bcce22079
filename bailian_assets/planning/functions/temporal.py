"""Date and time functions: declarations (signatures and result types). Their Polars
implementations are in `executor/functions/temporal.py`, under the same names."""

from __future__ import annotations

from bailian_assets.planning import types
from bailian_assets.planning.functions.signatures import ScalarFunction, always, fixed, sig

_NOW = always(types.nullable(types.TIMESTAMP, False))

FUNCTIONS = [
    ScalarFunction("CURRENT_DATE", (sig(),), always(types.nullable(types.DATE, False))),
    ScalarFunction("CURRENT_TIMESTAMP", (sig(),), _NOW),
    ScalarFunction("LOCALTIMESTAMP", (sig(),), _NOW),
    ScalarFunction("NOW", (sig(),), _NOW),
    # Flink's DATE_FORMAT takes a TIMESTAMP or a STRING holding one
    ScalarFunction("DATE_FORMAT", (sig("TIMESTAMP", "CHARACTER"), sig("CHARACTER", "CHARACTER")),
                   fixed(types.STRING), (1,)),
]
