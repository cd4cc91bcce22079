"""Polars implementations of the string functions declared in `planning/functions/string.py`."""

from __future__ import annotations

import polars as pl

from bailian_assets.executor.functions.common import Implementation, const as _const


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
}
