"""Scalar functions the SQL may call: how many arguments each takes and what it returns.

The executor implements exactly these (a test checks that the two tables agree).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

from bailian_assets.planning import types
from bailian_assets.sql.ast import DataType

ReturnRule = Callable[[Sequence[DataType]], DataType]


@dataclass(frozen=True)
class Signature:
    min_args: int
    max_args: int | None  # None: any number
    returns: ReturnRule


def _fixed(t: DataType) -> ReturnRule:
    return lambda args: t


def _first(args: Sequence[DataType]) -> DataType:
    return types.nullable(args[0]) if args else types.UNKNOWN


def _common(args: Sequence[DataType]) -> DataType:
    result = types.NULL
    for t in args:
        result = types.common_type(result, t) or types.UNKNOWN
    return result


def _numeric_result(args: Sequence[DataType]) -> DataType:
    return types.DOUBLE if any(t.name in ("DOUBLE", "FLOAT", "DECIMAL") for t in args) else (
        types.nullable(args[0]) if args else types.UNKNOWN)


_S, _B, _I, _D = types.STRING, types.BOOLEAN, types.INT, types.DOUBLE

FUNCTIONS: dict[str, Signature] = {
    # strings
    "UPPER": Signature(1, 1, _fixed(_S)),
    "LOWER": Signature(1, 1, _fixed(_S)),
    "INITCAP": Signature(1, 1, _fixed(_S)),
    "TRIM": Signature(1, 3, _fixed(_S)),  # the parser passes (s, mode, chars)
    "LTRIM": Signature(1, 1, _fixed(_S)),
    "RTRIM": Signature(1, 1, _fixed(_S)),
    "CHAR_LENGTH": Signature(1, 1, _fixed(_I)),
    "CHARACTER_LENGTH": Signature(1, 1, _fixed(_I)),
    "LENGTH": Signature(1, 1, _fixed(_I)),
    "CONCAT": Signature(1, None, _fixed(_S)),
    "CONCAT_WS": Signature(2, None, _fixed(_S)),
    "SUBSTRING": Signature(2, 3, _fixed(_S)),
    "SUBSTR": Signature(2, 3, _fixed(_S)),
    "REPLACE": Signature(3, 3, _fixed(_S)),
    "REGEXP_REPLACE": Signature(3, 3, _fixed(_S)),
    "REGEXP_EXTRACT": Signature(2, 3, _fixed(_S)),
    "REGEXP": Signature(2, 2, _fixed(_B)),
    "POSITION": Signature(2, 2, _fixed(_I)),
    "LPAD": Signature(3, 3, _fixed(_S)),
    "RPAD": Signature(3, 3, _fixed(_S)),
    "REVERSE": Signature(1, 1, _fixed(_S)),
    "SPLIT_INDEX": Signature(3, 3, _fixed(_S)),
    "JSON_VALUE": Signature(2, 2, _fixed(_S)),
    # conditionals
    "COALESCE": Signature(1, None, _common),
    "IFNULL": Signature(2, 2, _common),
    "NULLIF": Signature(2, 2, _first),
    "IF": Signature(3, 3, lambda args: _common(args[1:])),
    "GREATEST": Signature(1, None, _common),
    "LEAST": Signature(1, None, _common),
    # numbers
    "ABS": Signature(1, 1, _first),
    "ROUND": Signature(1, 2, _first),
    "FLOOR": Signature(1, 1, _first),
    "CEIL": Signature(1, 1, _first),
    "CEILING": Signature(1, 1, _first),
    "MOD": Signature(2, 2, _numeric_result),
    "POWER": Signature(2, 2, _fixed(_D)),
    "SQRT": Signature(1, 1, _fixed(_D)),
    "LN": Signature(1, 1, _fixed(_D)),
    "LOG10": Signature(1, 1, _fixed(_D)),
    "EXP": Signature(1, 1, _fixed(_D)),
    # collections
    "CARDINALITY": Signature(1, 1, _fixed(_I)),
    # time
    "CURRENT_DATE": Signature(0, 0, _fixed(types.DATE)),
    "CURRENT_TIMESTAMP": Signature(0, 0, _fixed(types.TIMESTAMP)),
    "LOCALTIMESTAMP": Signature(0, 0, _fixed(types.TIMESTAMP)),
    "NOW": Signature(0, 0, _fixed(types.TIMESTAMP)),
    "DATE_FORMAT": Signature(2, 2, _fixed(_S)),
}

AGGREGATES = {"COUNT", "SUM", "AVG", "MIN", "MAX"}
