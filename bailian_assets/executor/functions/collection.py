"""Polars implementations of the collection functions declared in
`planning/functions/collection.py` (their meaning, from Flink 2.3, is described there).

An ARRAY is a Polars List, a MAP a List of Struct{key, value} (entries in insertion order), a
ROW a Struct. Everything is a list/struct expression over whole columns; only the forms whose
second argument varies per row (`ARRAY_POSITION(a, col)`, `ARRAY_REMOVE(a, col)`,
`m[col]`) go row by row, since Polars' list expressions cannot read another column inside
`list.eval`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import polars as pl

from bailian_assets.executor import guards
from bailian_assets.executor.dtypes import to_polars
from bailian_assets.executor.functions import java_regex
from bailian_assets.executor.functions.common import Implementation, const, rowwise
from bailian_assets.planning import bound
from bailian_assets.planning.functions import collection as declared


def _dtype(expr: bound.Expr) -> pl.DataType:
    return to_polars(expr.type)


def _list_dtype(expr: bound.Expr) -> pl.List:
    """The Polars type of an ARRAY argument (the signature admits only ARRAYs there)."""
    dtype = _dtype(expr)
    assert isinstance(dtype, pl.List), "an ARRAY is a Polars List"
    return dtype


def _is_constant(expr: bound.Expr) -> bool:
    return isinstance(expr, bound.Literal)


def _keep_null(array: pl.Expr, result: pl.Expr) -> pl.Expr:
    """`result`, NULL where the array itself is NULL."""
    return pl.when(array.is_not_null()).then(result)


# ------------------------------------------------------------------ constructors


def _map(a: list[pl.Expr], raw: Sequence[bound.Expr]) -> pl.Expr:
    """MAP[k1, v1, ...]: a list of {key, value} entries; a repeated constant key keeps its
    last value, in the place of its first (as a Java Map's put does)."""
    map_type = declared.map_type([r.type for r in raw])
    assert map_type.element is not None and map_type.value is not None  # a MAP type has both
    key_dtype, value_dtype = to_polars(map_type.element), to_polars(map_type.value)
    pairs = list(zip(range(0, len(a), 2), range(1, len(a), 2), strict=False))
    last: dict[object, int] = {}
    for k, v in pairs:
        if _is_constant(raw[k]):
            last[raw[k].value] = v  # type: ignore[union-attr]
    entries = []
    seen: set[object] = set()
    for k, v in pairs:
        if _is_constant(raw[k]):
            key = raw[k].value  # type: ignore[union-attr]
            if key in seen:
                continue
            seen.add(key)
            v = last[key]
        entries.append(
            pl.struct(a[k].cast(key_dtype).alias("key"), a[v].cast(value_dtype).alias("value"))
        )
    return pl.concat_list(entries)


def _row(a: list[pl.Expr], raw: Sequence[bound.Expr]) -> pl.Expr:
    """ROW(a, b, ...): a struct with fields EXPR$0, EXPR$1, ..."""
    row_type = declared.row_type([r.type for r in raw])
    return pl.struct(
        [x.cast(to_polars(t)).alias(name) for x, (name, t) in zip(a, row_type.fields, strict=False)]
    )


# ------------------------------------------------------------------ element access


def map_value(
    entries: pl.Expr, key: pl.Expr, raw: Sequence[bound.Expr], dtype: pl.DataType
) -> pl.Expr:
    """`m[key]`: the value of the entry with that key, NULL when none has it."""
    if _is_constant(raw[1]):
        found = entries.list.filter(pl.element().struct.field("key") == key)
        return found.list.first().struct.field("value").cast(dtype)

    def lookup(items: list[dict], wanted: object) -> object:
        return next((e["value"] for e in items if e["key"] == wanted), None)

    return rowwise(lookup, [entries, key], dtype)


def _element(a: list[pl.Expr], raw: Sequence[bound.Expr]) -> pl.Expr:
    """ELEMENT(a): the one element, NULL for an empty array; more than one fails, in the rows
    the call is evaluated for (`guards`)."""

    def check(lengths: pl.Series) -> pl.Series:
        if (lengths.fill_null(0) > 1).any():
            raise ValueError("ELEMENT: Array has more than one element.")
        return lengths

    lengths = a[0].list.len()
    if guards.checking():
        lengths = guards.masked(lengths).map_batches(
            check, return_dtype=pl.UInt32, is_elementwise=guards.row_by_row()
        )
    return pl.when(lengths == 1).then(a[0].list.first())


def _with_value(
    function, array: pl.Expr, value: pl.Expr, dtype: pl.DataType | type[pl.DataType]
) -> pl.Expr:
    """`function(elements, value)` row by row, for a value that varies per row; NULL where the
    array is NULL (a NULL value is a value here: it matches NULL elements)."""

    def call(row: dict) -> object:
        items = row["array"]
        if items is None:
            return None
        return function(
            items.to_list() if isinstance(items, pl.Series) else list(items), row["value"]
        )

    pair = pl.struct(array.alias("array"), value.alias("value"))
    return guards.per_value(pair, call, dtype, skip_nulls=False)


def _position_rowwise(array: pl.Expr, value: pl.Expr) -> pl.Expr:
    def position(items: list, wanted: object) -> int | None:
        if wanted is None:  # Flink: the position of NULL is NULL
            return None
        return next((i + 1 for i, x in enumerate(items) if x == wanted), 0)

    return _with_value(position, array, value, pl.Int32)


def _array_position(a: list[pl.Expr], raw: Sequence[bound.Expr]) -> pl.Expr:
    """1-based position of the first equal element; 0 when there is none."""
    array, value = a
    if not _is_constant(raw[1]):
        return _position_rowwise(array, value)
    if raw[1].value is None:  # type: ignore[union-attr]
        return pl.lit(None, pl.Int32)
    index = array.list.eval(pl.arg_where(pl.element() == value).first()).list.first()
    return _keep_null(array, (index + 1).fill_null(0).cast(pl.Int32))


def _array_contains(a: list[pl.Expr], raw: Sequence[bound.Expr]) -> pl.Expr:
    """Membership; a NULL value is found among NULL elements (Flink's equality here)."""
    array, value = a
    if _is_constant(raw[1]) and raw[1].value is None:  # type: ignore[union-attr]
        return _keep_null(array, array.list.eval(pl.element().is_null()).list.any())
    return _keep_null(array, array.list.contains(value, nulls_equal=True))


def _array_remove(a: list[pl.Expr], raw: Sequence[bound.Expr]) -> pl.Expr:
    """Every element equal to the value removed (a NULL value removes the NULLs)."""
    array, value = a
    if _is_constant(raw[1]):
        if raw[1].value is None:  # type: ignore[union-attr]
            return array.list.drop_nulls()
        return array.list.filter(pl.element().ne_missing(value))

    def remove(items: list, wanted: object) -> list:
        return [x for x in items if x != wanted]

    return _with_value(remove, array, value, _dtype(raw[0]))


def _array_slice(a: list[pl.Expr], raw: Sequence[bound.Expr]) -> pl.Expr:
    """ARRAY_SLICE(a, from[, to]): 1-based, inclusive, negative counts from the end; an
    empty array where the range holds nothing."""
    array = a[0]
    length = array.list.len().cast(pl.Int64)

    def position(p: pl.Expr) -> pl.Expr:  # a 0-based offset, negatives from the end
        p = p.cast(pl.Int64)
        return pl.when(p < 0).then(length + p).when(p == 0).then(0).otherwise(p - 1)

    start = position(a[1]).clip(lower_bound=0)
    end = position(a[2]).clip(upper_bound=length - 1) if len(a) > 2 else length - 1
    count = (end - start + 1).clip(lower_bound=0)
    return array.list.slice(start, count)


def _array_join(a: list[pl.Expr], raw: Sequence[bound.Expr]) -> pl.Expr:
    array, separator = a[0], a[1]
    if len(a) > 2:
        array = array.list.eval(pl.element().cast(pl.String).fill_null(a[2]))
    else:
        array = array.list.eval(pl.element().cast(pl.String)).list.drop_nulls()
    return array.list.join(separator)


def _array_concat(a: list[pl.Expr], raw: Sequence[bound.Expr]) -> pl.Expr:
    """Arrays end to end; NULL when any of them is NULL."""
    dtype = _dtype_of(raw)
    casted = [x.cast(dtype) for x in a]
    any_null = pl.any_horizontal([x.is_null() for x in a])
    return pl.when(~any_null).then(pl.concat_list(casted))


def _dtype_of(raw: Sequence[bound.Expr]) -> pl.DataType:
    return to_polars(declared.concat_type([r.type for r in raw]))


def _set_operation(name: str) -> Implementation:
    """ARRAY_UNION, ARRAY_INTERSECT, ARRAY_EXCEPT: distinct elements, first array's order."""

    def implementation(a: list[pl.Expr], raw: Sequence[bound.Expr]) -> pl.Expr:
        left, right = (x.cast(_dtype_of(raw)) for x in a)
        method = getattr(left.list, name)
        return method(right).list.unique(maintain_order=True)

    return implementation


def _array_append(a: list[pl.Expr], raw: Sequence[bound.Expr]) -> pl.Expr:
    dtype = _list_dtype(raw[0])
    return _keep_null(a[0], pl.concat_list([a[0].cast(dtype), a[1].cast(dtype.inner)]))


def _array_prepend(a: list[pl.Expr], raw: Sequence[bound.Expr]) -> pl.Expr:
    dtype = _list_dtype(raw[0])
    return _keep_null(a[0], pl.concat_list([a[1].cast(dtype.inner), a[0].cast(dtype)]))


def _array_sort(a: list[pl.Expr], raw: Sequence[bound.Expr]) -> pl.Expr:
    """ARRAY_SORT(a[, ascending[, nulls_first]]): ascending with NULLs first by default."""
    ascending = bool(const(raw, 1, "ascending")) if len(raw) > 1 else True
    nulls_first = bool(const(raw, 2, "nulls_first")) if len(raw) > 2 else ascending
    return a[0].list.sort(descending=not ascending, nulls_last=not nulls_first)


def _split(a: list[pl.Expr], raw: Sequence[bound.Expr]) -> pl.Expr:
    """SPLIT(text, delimiter): empty pieces kept; an empty text gives an empty array; an
    empty delimiter splits into characters."""
    text, delimiter = a
    pieces = text.str.split(delimiter)
    return pl.when(text == "").then(pl.lit([], pl.List(pl.String))).otherwise(pieces)


_REGEX_SYNTAX = re.compile(r"[.$|()\[\]{}^?*+\\]")


def _str_to_map(a: list[pl.Expr], raw: Sequence[bound.Expr]) -> pl.Expr:
    """STR_TO_MAP(text[, pair delimiter (','), key delimiter ('=')]): a pair without the key
    delimiter has a NULL value; a repeated key keeps its last value. As Java's split, which
    Flink's uses, drops the empty pairs at the end ('a=1;' is one pair, '' and ';' none).
    The delimiters are Java regexes, and may be columns: those, and literal ones that are
    not plain text ('.', '|'), split per value in Python (`java_regex.split`)."""
    delimiters = raw[1:]
    if any(isinstance(d, bound.Literal) and d.value is None for d in delimiters):
        return pl.lit(None, dtype=pl.List(_ENTRY))
    if any(
        not isinstance(d, bound.Literal) or _REGEX_SYNTAX.search(str(d.value)) for d in delimiters
    ):
        return rowwise(_java_str_to_map, a, pl.List(_ENTRY))
    pair_delimiter = str(const(raw, 1, "delimiter")) if delimiters else ","
    key_delimiter = str(const(raw, 2, "delimiter")) if delimiters else "="
    halves = pl.element().str.splitn(key_delimiter, 2)
    entry = pl.struct(
        halves.struct.field("field_0").alias("key"), halves.struct.field("field_1").alias("value")
    )
    last = pl.element().filter(pl.element().struct.field("key").is_last_distinct())
    pairs = a[0].str.split(pair_delimiter)
    position = pl.int_range(pl.len())
    kept = pairs.list.eval(pl.element().filter(position <= (pl.element() != "").arg_true().max()))
    return kept.list.eval(entry).list.eval(last)


_ENTRY = pl.Struct({"key": pl.String, "value": pl.String})


def _java_str_to_map(text: str, pairs: str = ",", keys: str = "=") -> list[dict] | None:
    """STR_TO_MAP of one text with regex delimiters: its entries, a repeated key's last value
    at the place of its last pair."""
    if not text:
        return []
    pieces = java_regex.split(text, pairs)
    entries = [java_regex.split(piece, keys, 2) for piece in pieces or []]
    if pieces is None or None in entries:  # a delimiter that is no regex
        return None
    found = [entry for entry in entries if entry is not None]
    last = {entry[0]: index for index, entry in enumerate(found)}
    return [
        {"key": entry[0], "value": entry[1] if len(entry) > 1 else None}
        for index, entry in enumerate(found)
        if last[entry[0]] == index
    ]


def _map_from_arrays(a: list[pl.Expr], raw: Sequence[bound.Expr]) -> pl.Expr:
    """MAP_FROM_ARRAYS(keys, values): the i-th key with the i-th value, every pair kept (a
    repeated key counts in CARDINALITY, as in Flink; printed once, with its last value);
    arrays of different lengths fail the job with Flink's words."""

    def pairs(keys: list, values: list) -> list[dict]:
        if len(keys) != len(values):
            raise ValueError(
                "Invalid function MAP_FROM_ARRAYS call:\nThe length of the keys array "
                f"{len(keys)} is not equal to the length of the values array {len(values)}"
            )
        return [{"key": k, "value": v} for k, v in zip(keys, values, strict=True)]

    dtype = to_polars(declared.map_from_arrays_type([r.type for r in raw]))
    return rowwise(pairs, a, dtype)


def _unique(a: list[pl.Expr], raw: Sequence[bound.Expr]) -> pl.Expr:
    return a[0].list.unique(maintain_order=True)


def _list_method(method: str) -> Implementation:
    """A Polars list method of the one array argument, under the SQL function's name."""
    return lambda a, raw: getattr(a[0].list, method)()


def _map_part(field: str) -> Implementation:
    return lambda a, raw: a[0].list.eval(pl.element().struct.field(field))


IMPLEMENTATIONS: dict[str, Implementation] = {
    "CARDINALITY": lambda a, r: a[0].list.len().cast(pl.Int32),
    "MAP": _map,
    "ROW": _row,
    "ELEMENT": _element,
    "ARRAY_CONTAINS": _array_contains,
    "ARRAY_POSITION": _array_position,
    "ARRAY_REMOVE": _array_remove,
    "ARRAY_APPEND": _array_append,
    "ARRAY_PREPEND": _array_prepend,
    "ARRAY_DISTINCT": _unique,
    "ARRAY_REVERSE": _list_method("reverse"),
    "ARRAY_SORT": _array_sort,
    "ARRAY_MAX": _list_method("max"),
    "ARRAY_MIN": _list_method("min"),
    "ARRAY_SLICE": _array_slice,
    "ARRAY_CONCAT": _array_concat,
    "ARRAY_UNION": _set_operation("set_union"),
    "ARRAY_INTERSECT": _set_operation("set_intersection"),
    "ARRAY_EXCEPT": _set_operation("set_difference"),
    "ARRAY_JOIN": _array_join,
    "SPLIT": _split,
    "STR_TO_MAP": _str_to_map,
    "MAP_KEYS": _map_part("key"),
    "MAP_VALUES": _map_part("value"),
    "MAP_FROM_ARRAYS": _map_from_arrays,
}
