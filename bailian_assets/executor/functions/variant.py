"""Polars implementations of the VARIANT functions declared in `planning/functions/variant.py`
(and of ITEM, `x[i]`, on ARRAYs and MAPs, and the ARRAY constructor).

A VARIANT column is a String column of canonical JSON text; the values' rules (parsing,
printing, item access) are in `planning/functions/variant.py`, called from here row by row."""

from __future__ import annotations

import json
from collections.abc import Sequence

import polars as pl

from bailian_assets.executor import guards
from bailian_assets.executor.dtypes import to_polars
from bailian_assets.executor.functions import json as json_functions
from bailian_assets.executor.functions.collection import map_value
from bailian_assets.executor.functions.common import Implementation, const
from bailian_assets.planning import bound
from bailian_assets.planning.functions import variant as v


def _allow_duplicates(raw: Sequence[bound.Expr]) -> bool:
    return bool(const(raw, 1, "allow_duplicate_keys")) if len(raw) > 1 else False


def _parse_json(a: list[pl.Expr], raw: Sequence[bound.Expr]) -> pl.Expr:
    allow = _allow_duplicates(raw)

    def parse(text: str) -> str:
        try:
            return v.canonical(text, allow)
        except v.VariantError as error:
            raise ValueError(f"PARSE_JSON: {error}") from None

    # only the rows the call is evaluated for (`guards`); in a condition's copy, NULL
    return guards.per_value(guards.masked(a[0]), guards.tolerant(parse), pl.String)


def _try_parse_json(a: list[pl.Expr], raw: Sequence[bound.Expr]) -> pl.Expr:
    allow = _allow_duplicates(raw)
    return guards.per_value(a[0], lambda text: v.try_canonical(text, allow), pl.String)


def _json_string(a: list[pl.Expr], raw: Sequence[bound.Expr]) -> pl.Expr:
    """JSON_STRING: a VARIANT's text (a JSON null is NULL); any other value as JSON (a
    JSON_OBJECT/JSON_ARRAY call's value is JSON already: Flink embeds it, unquoted)."""
    if isinstance(raw[0], bound.Call) and raw[0].name in json_functions.EMBEDDED:
        return a[0]
    if raw[0].type.name == "VARIANT":
        return guards.per_value(a[0], v.json_string, pl.String)
    if raw[0].type.name in ("NULL", "UNKNOWN"):
        return pl.lit(None, pl.String)
    return guards.per_value(
        a[0],
        lambda value: json.dumps(
            _plain(value), ensure_ascii=False, separators=(",", ":"), default=str
        ),
        pl.String,
    )


def _plain(value: object) -> object:
    """A Polars value as JSON sees it (a Series from a list column becomes a list)."""
    if isinstance(value, pl.Series):
        return [_plain(x) for x in value.to_list()]
    return value


def _item(a: list[pl.Expr], raw: Sequence[bound.Expr]) -> pl.Expr:
    """`base[index]`: 1-based for arrays, NULL for an index out of range or a missing key."""
    base, index = a
    kind = raw[0].type.name
    if kind == "ARRAY":
        return pl.when(index >= 1).then(base.list.get(index - 1, null_on_oob=True))
    if kind == "MAP":
        return map_value(base, index, raw, to_polars(raw[0].type.value))  # type: ignore
    return guards.per_value(
        pl.struct(base.alias("base"), index.alias("index")),
        lambda row: _variant_item(row["base"], row["index"]),
        pl.String,
    )


def _variant_item(text: str | None, index: object) -> str | None:
    if text is None or index is None:
        return None
    try:
        return v.item(text, index)
    except v.VariantError as error:
        raise ValueError(str(error)) from None


def _array(a: list[pl.Expr], raw: Sequence[bound.Expr]) -> pl.Expr:
    """ARRAY[a, b, ...], its elements cast to their common type."""
    element = v.array_type([r.type for r in raw]).element
    return pl.concat_list([x.cast(to_polars(element)) for x in a])  # type: ignore[arg-type]


IMPLEMENTATIONS: dict[str, Implementation] = {
    "PARSE_JSON": _parse_json,
    "TRY_PARSE_JSON": _try_parse_json,
    "JSON_STRING": _json_string,
    "ITEM": _item,
    "ARRAY": _array,
}
