"""String functions: declarations (signatures and result types). Their Polars implementations
are in `executor/functions/string.py`, under the same names."""

from __future__ import annotations

from bailian_assets.planning import types
from bailian_assets.planning.functions.signatures import ScalarFunction, fixed, sig

_S, _I, _B = types.STRING, types.INT, types.BOOLEAN
_C = sig("CHARACTER")

FUNCTIONS = [
    ScalarFunction("UPPER", (_C,), fixed(_S)),
    ScalarFunction("LOWER", (_C,), fixed(_S)),
    ScalarFunction("INITCAP", (_C,), fixed(_S)),
    # the parser passes TRIM(mode chars FROM s) as (s, mode, chars)
    ScalarFunction("TRIM", (_C, sig("CHARACTER", "CHARACTER"),
                            sig("CHARACTER", "CHARACTER", "CHARACTER")), fixed(_S), (1, 2)),
    ScalarFunction("LTRIM", (_C,), fixed(_S)),
    ScalarFunction("RTRIM", (_C,), fixed(_S)),
    ScalarFunction("CHAR_LENGTH", (_C,), fixed(_I)),
    ScalarFunction("CHARACTER_LENGTH", (_C,), fixed(_I)),
    ScalarFunction("LENGTH", (_C,), fixed(_I)),
    ScalarFunction("CONCAT", (sig("CHARACTER", variadic=True),), fixed(_S)),
    ScalarFunction("CONCAT_WS", (sig("CHARACTER", "CHARACTER", variadic=True),), fixed(_S), (0,)),
    ScalarFunction("SUBSTRING", (sig("CHARACTER", "INTEGER"),
                                 sig("CHARACTER", "INTEGER", "INTEGER")), fixed(_S)),
    ScalarFunction("SUBSTR", (sig("CHARACTER", "INTEGER"),
                              sig("CHARACTER", "INTEGER", "INTEGER")), fixed(_S)),
    ScalarFunction("REPLACE", (sig("CHARACTER", "CHARACTER", "CHARACTER"),), fixed(_S), (1, 2)),
    ScalarFunction("REGEXP_REPLACE", (sig("CHARACTER", "CHARACTER", "CHARACTER"),), fixed(_S),
                   (1, 2)),
    ScalarFunction("REGEXP_EXTRACT", (sig("CHARACTER", "CHARACTER"),
                                      sig("CHARACTER", "CHARACTER", "INTEGER")), fixed(_S), (1, 2)),
    ScalarFunction("REGEXP", (sig("CHARACTER", "CHARACTER"),), fixed(_B), (1,)),
    ScalarFunction("POSITION", (sig("CHARACTER", "CHARACTER"),), fixed(_I)),
    ScalarFunction("LPAD", (sig("CHARACTER", "INTEGER", "CHARACTER"),), fixed(_S), (1, 2)),
    ScalarFunction("RPAD", (sig("CHARACTER", "INTEGER", "CHARACTER"),), fixed(_S), (1, 2)),
    ScalarFunction("REVERSE", (_C,), fixed(_S)),
    ScalarFunction("SPLIT_INDEX", (sig("CHARACTER", "INTEGER", "INTEGER"),
                                   sig("CHARACTER", "CHARACTER", "INTEGER")), fixed(_S), (1, 2)),
]
