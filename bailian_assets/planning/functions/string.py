"""String functions: declarations (signatures and result types). Their Polars implementations
are in `executor/functions/string.py`, under the same names."""

from __future__ import annotations

from bailian_assets.planning import types
from bailian_assets.planning.functions.signatures import ScalarFunction, always, fixed, sig

_S, _I, _B = types.STRING, types.INT, types.BOOLEAN
_C = sig("CHARACTER")

FUNCTIONS = [
    ScalarFunction("UPPER", (_C,), fixed(_S)),
    ScalarFunction("LOWER", (_C,), fixed(_S)),
    ScalarFunction("INITCAP", (_C,), fixed(_S)),
    # the parser passes TRIM(mode chars FROM s) as (s, mode, chars)
    ScalarFunction(
        "TRIM",
        (_C, sig("CHARACTER", "CHARACTER"), sig("CHARACTER", "CHARACTER", "CHARACTER")),
        fixed(_S),
        (1,),  # the mode; the characters may be a column, as in Flink
    ),
    ScalarFunction("LTRIM", (_C,), fixed(_S)),
    ScalarFunction("RTRIM", (_C,), fixed(_S)),
    ScalarFunction("CHAR_LENGTH", (_C,), fixed(_I)),
    ScalarFunction("CHARACTER_LENGTH", (_C,), fixed(_I)),
    ScalarFunction("LENGTH", (_C,), fixed(_I)),
    ScalarFunction("CONCAT", (sig("CHARACTER", variadic=True),), fixed(_S)),
    ScalarFunction("CONCAT_WS", (sig("CHARACTER", "CHARACTER", variadic=True),), fixed(_S)),
    ScalarFunction(
        "SUBSTRING",
        (sig("CHARACTER", "INTEGER"), sig("CHARACTER", "INTEGER", "INTEGER")),
        fixed(_S),
    ),
    ScalarFunction(
        "SUBSTR", (sig("CHARACTER", "INTEGER"), sig("CHARACTER", "INTEGER", "INTEGER")), fixed(_S)
    ),
    ScalarFunction("REPLACE", (sig("CHARACTER", "CHARACTER", "CHARACTER"),), fixed(_S)),
    # the REGEXP functions take their pattern, replacement and group from any expression
    ScalarFunction("REGEXP_REPLACE", (sig("CHARACTER", "CHARACTER", "CHARACTER"),), fixed(_S)),
    ScalarFunction(  # NULL where the text does not match, whatever the arguments
        "REGEXP_EXTRACT",
        (sig("CHARACTER", "CHARACTER"), sig("CHARACTER", "CHARACTER", "INTEGER")),
        always(types.nullable(_S)),
    ),
    ScalarFunction("REGEXP", (sig("CHARACTER", "CHARACTER"),), fixed(_B)),
    # Flink 2.x's: typed nullable whatever the arguments (NULL for a pattern that is no regex)
    ScalarFunction(  # the first match, NULL when none
        "REGEXP_SUBSTR", (sig("CHARACTER", "CHARACTER"),), always(types.nullable(_S))
    ),
    ScalarFunction(  # how many non-overlapping matches
        "REGEXP_COUNT", (sig("CHARACTER", "CHARACTER"),), always(types.nullable(_I))
    ),
    ScalarFunction(  # the first match's 1-based character position, 0 when none
        "REGEXP_INSTR", (sig("CHARACTER", "CHARACTER"),), always(types.nullable(_I))
    ),
    ScalarFunction(  # group 1 by default; NULL for a group the regex does not have
        "REGEXP_EXTRACT_ALL",
        (sig("CHARACTER", "CHARACTER"), sig("CHARACTER", "CHARACTER", "INTEGER")),
        always(types.array(types.nullable(_S))),
    ),
    ScalarFunction("POSITION", (sig("CHARACTER", "CHARACTER"),), fixed(_I)),
    ScalarFunction("LPAD", (sig("CHARACTER", "INTEGER", "CHARACTER"),), fixed(_S)),
    ScalarFunction("RPAD", (sig("CHARACTER", "INTEGER", "CHARACTER"),), fixed(_S)),
    ScalarFunction("REVERSE", (_C,), fixed(_S)),
    ScalarFunction(
        "SPLIT_INDEX",  # NULL for an index past the last part, whatever the arguments
        (sig("CHARACTER", "INTEGER", "INTEGER"), sig("CHARACTER", "CHARACTER", "INTEGER")),
        always(types.nullable(_S)),
    ),
    ScalarFunction("REPEAT", (sig("CHARACTER", "INTEGER"),), fixed(_S)),
    ScalarFunction("LEFT", (sig("CHARACTER", "INTEGER"),), fixed(_S)),
    ScalarFunction("RIGHT", (sig("CHARACTER", "INTEGER"),), fixed(_S)),
    ScalarFunction(
        "LOCATE",
        (sig("CHARACTER", "CHARACTER"), sig("CHARACTER", "CHARACTER", "INTEGER")),
        fixed(_I),
    ),
    ScalarFunction(
        "INSTR",
        (
            sig("CHARACTER", "CHARACTER"),
            sig("CHARACTER", "CHARACTER", "INTEGER"),
            sig("CHARACTER", "CHARACTER", "INTEGER", "INTEGER"),
        ),
        always(_I),
    ),
    ScalarFunction("ASCII", (_C,), fixed(_I)),
    ScalarFunction("CHR", (sig("INTEGER"),), fixed(_S)),
    # ELT(index, s1, s2, ...): NULL when the index is out of range, whatever the strings
    ScalarFunction("ELT", (sig("INTEGER", "CHARACTER", variadic=True),), always(_S)),
    ScalarFunction(
        "PARSE_URL",
        (sig("CHARACTER", "CHARACTER"), sig("CHARACTER", "CHARACTER", "CHARACTER")),
        always(_S),
    ),
    ScalarFunction("TO_BASE64", (_C,), fixed(_S)),
    ScalarFunction("FROM_BASE64", (_C,), fixed(_S)),
    ScalarFunction("TRANSLATE", (sig("CHARACTER", "CHARACTER", "CHARACTER"),), fixed(_S)),
    # hashes: lower-case hex digests of the UTF-8 bytes
    ScalarFunction("MD5", (_C,), fixed(_S)),
    ScalarFunction("SHA1", (_C,), fixed(_S)),
    ScalarFunction("SHA256", (_C,), fixed(_S)),
    ScalarFunction("SHA2", (sig("CHARACTER", "INTEGER"),), always(_S)),
    ScalarFunction("HASH_CODE", (_C,), fixed(_I)),
    ScalarFunction("UUID", (sig(),), always(types.nullable(_S, False))),
    # OVERLAY(s PLACING r FROM i [FOR n]): the parser passes (s, r, i[, n])
    ScalarFunction(
        "OVERLAY",
        (
            sig("CHARACTER", "CHARACTER", "INTEGER"),
            sig("CHARACTER", "CHARACTER", "INTEGER", "INTEGER"),
        ),
        fixed(_S),
    ),
    # s SIMILAR TO p (the parser's call, NOT SIMILAR TO wraps it in NOT): SQL's regex
    ScalarFunction("SIMILAR TO", (sig("CHARACTER", "CHARACTER"),), fixed(_B)),
    # character classes of a whole string: FALSE for '' and for NULL, never NULL
    *(
        ScalarFunction(name, (sig("CHARACTER"),), always(types.nullable(_B, False)))
        for name in ("IS_DIGIT", "IS_ALPHA", "IS_DECIMAL")
    ),
]
