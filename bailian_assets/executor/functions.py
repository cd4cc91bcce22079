"""Polars implementations of the scalar functions in `planning/functions.py`, same names.

Each takes the compiled arguments and the bound argument expressions (for the functions whose
arguments must be constants, such as a pad length or a JSON path).
"""

from __future__ import annotations

import datetime as dt
from typing import Callable, Sequence

import polars as pl

from bailian_assets.sql import ast

Implementation = Callable[[list[pl.Expr], Sequence[ast.Expr]], pl.Expr]


def _const(raw: Sequence[ast.Expr], index: int, what: str):
    expr = raw[index]
    if not isinstance(expr, ast.Literal):
        raise ValueError(f"{what} must be a literal")
    return expr.value


def _trim(a, raw):
    mode = _const(raw, 1, "TRIM mode") if len(a) > 1 else "BOTH"
    chars = _const(raw, 2, "TRIM characters") if len(a) > 2 else " "
    method = {"BOTH": "strip_chars", "LEADING": "strip_chars_start",
              "TRAILING": "strip_chars_end"}[str(mode)]
    return getattr(a[0].str, method)(chars)


def _substring(a, raw):
    start = a[1].cast(pl.Int64)
    # SQL counts from 1; a start below 1 eats into the length, as in Flink
    offset = pl.when(start > 0).then(start - 1).otherwise(0)
    if len(a) == 3:
        length = pl.when(start > 0).then(a[2]).otherwise(a[2] + start - 1).clip(lower_bound=0)
        return a[0].str.slice(offset, length.cast(pl.Int64))
    return a[0].str.slice(offset)


def _position(a, raw):
    found = a[1].str.find(a[0], literal=True)
    return pl.when(a[0].is_null() | a[1].is_null()).then(None).otherwise(
        (found + 1).fill_null(0)).cast(pl.Int32)


def _pad(side: str) -> Implementation:
    def pad(a, raw):
        length = int(_const(raw, 1, f"{side}PAD length"))  # type: ignore[arg-type]
        fill = str(_const(raw, 2, f"{side}PAD padding"))
        if len(fill) != 1:
            raise ValueError(f"{side}PAD padding must be one character")
        padded = a[0].str.pad_start(length, fill) if side == "L" else a[0].str.pad_end(length, fill)
        return padded.str.slice(0, length)

    return pad


def _date_format(a, raw):
    pattern = str(_const(raw, 1, "DATE_FORMAT pattern"))
    for java, strftime in (("yyyy", "%Y"), ("MM", "%m"), ("dd", "%d"), ("HH", "%H"),
                           ("mm", "%M"), ("ss", "%S"), ("SSS", "%3f")):
        pattern = pattern.replace(java, strftime)
    return a[0].cast(pl.Datetime("us")).dt.strftime(pattern)


def _now(a, raw):
    return pl.lit(dt.datetime.now(), dtype=pl.Datetime("us"))


IMPLEMENTATIONS: dict[str, Implementation] = {
    "UPPER": lambda a, r: a[0].str.to_uppercase(),
    "LOWER": lambda a, r: a[0].str.to_lowercase(),
    "INITCAP": lambda a, r: a[0].str.to_titlecase(),
    "TRIM": _trim,
    "LTRIM": lambda a, r: a[0].str.strip_chars_start(" "),
    "RTRIM": lambda a, r: a[0].str.strip_chars_end(" "),
    "CHAR_LENGTH": lambda a, r: a[0].str.len_chars().cast(pl.Int32),
    "CHARACTER_LENGTH": lambda a, r: a[0].str.len_chars().cast(pl.Int32),
    "LENGTH": lambda a, r: a[0].str.len_chars().cast(pl.Int32),
    "CONCAT": lambda a, r: pl.concat_str([x.cast(pl.String) for x in a]),
    "CONCAT_WS": lambda a, r: pl.concat_str([x.cast(pl.String) for x in a[1:]],
                                            separator=str(_const(r, 0, "CONCAT_WS separator")),
                                            ignore_nulls=True),
    "SUBSTRING": _substring,
    "SUBSTR": _substring,
    "REPLACE": lambda a, r: a[0].str.replace_all(str(_const(r, 1, "REPLACE search")),
                                                 str(_const(r, 2, "REPLACE replacement")),
                                                 literal=True),
    "REGEXP_REPLACE": lambda a, r: a[0].str.replace_all(str(_const(r, 1, "pattern")),
                                                        str(_const(r, 2, "replacement"))),
    "REGEXP_EXTRACT": lambda a, r: a[0].str.extract(
        str(_const(r, 1, "pattern")), int(_const(r, 2, "group")) if len(a) > 2 else 1),  # type: ignore[arg-type]
    "REGEXP": lambda a, r: a[0].str.contains(str(_const(r, 1, "pattern"))),
    "POSITION": _position,
    "LPAD": _pad("L"),
    "RPAD": _pad("R"),
    "REVERSE": lambda a, r: a[0].str.reverse(),
    "SPLIT_INDEX": lambda a, r: a[0].str.split(str(_const(r, 1, "delimiter"))).list.get(
        int(_const(r, 2, "index")), null_on_oob=True),  # type: ignore[arg-type]
    "JSON_VALUE": lambda a, r: a[0].str.json_path_match(str(_const(r, 1, "JSON path"))),
    "COALESCE": lambda a, r: pl.coalesce(a),
    "IFNULL": lambda a, r: pl.coalesce(a),
    "NULLIF": lambda a, r: pl.when(a[0] == a[1]).then(None).otherwise(a[0]),
    "IF": lambda a, r: pl.when(a[0]).then(a[1]).otherwise(a[2]),
    "GREATEST": lambda a, r: pl.max_horizontal(a),
    "LEAST": lambda a, r: pl.min_horizontal(a),
    "ABS": lambda a, r: a[0].abs(),
    "ROUND": lambda a, r: a[0].round(int(_const(r, 1, "ROUND digits")) if len(a) > 1 else 0),  # type: ignore[arg-type]
    "FLOOR": lambda a, r: a[0].floor(),
    "CEIL": lambda a, r: a[0].ceil(),
    "CEILING": lambda a, r: a[0].ceil(),
    "MOD": lambda a, r: a[0] % a[1],
    "POWER": lambda a, r: a[0].cast(pl.Float64).pow(a[1]),
    "SQRT": lambda a, r: a[0].cast(pl.Float64).sqrt(),
    "LN": lambda a, r: a[0].cast(pl.Float64).log(),
    "LOG10": lambda a, r: a[0].cast(pl.Float64).log10(),
    "EXP": lambda a, r: a[0].cast(pl.Float64).exp(),
    "CARDINALITY": lambda a, r: a[0].list.len().cast(pl.Int32),
    "CURRENT_DATE": lambda a, r: pl.lit(dt.date.today(), dtype=pl.Date),
    "CURRENT_TIMESTAMP": _now,
    "LOCALTIMESTAMP": _now,
    "NOW": _now,
    "DATE_FORMAT": _date_format,
}
