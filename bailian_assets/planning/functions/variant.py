"""VARIANT (Flink 2.1+): the semi-structured type, its functions and its values.

A VARIANT value is held as canonical JSON text: keys sorted, compact, non-ASCII as is, numbers
as Flink 2.3 prints them (an integer as written, however long; a decimal without trailing
zeros; a number with an exponent as a Java double, `1e3` -> `1000.0`). A JSON `null` is the
text `null`, a non-NULL VARIANT (`v IS NULL` is false), unlike SQL NULL.

What Flink 2.3 does, checked on the real engine (the research notes, section 6):
- `PARSE_JSON(text[, allow_duplicate_keys])` fails the job on text that is not JSON, and on a
  duplicate key unless allowed (then the last one wins); `TRY_PARSE_JSON` gives NULL instead;
- `v['key']` and `v[1]` (1-based) give a VARIANT, NULL when the key or element is missing (or
  the index is 0);
- `JSON_STRING(v)` is the canonical text (a JSON null gives SQL NULL);
- no CAST out of VARIANT, no comparison of VARIANTs (see `types.cast_problem`).

Their Polars implementations are in `executor/functions/variant.py`, under the same names.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from decimal import Decimal

from bailian_assets.planning import types
from bailian_assets.planning.functions.signatures import (
    ScalarFunction,
    SignatureError,
    always,
    fixed,
    sig,
)
from bailian_assets.sql.ast import DataType


def _item_type(args: Sequence[DataType]) -> DataType:
    """`base[index]`: an element of an ARRAY, a value of a MAP, a VARIANT of a VARIANT;
    NULL when the index misses, so always nullable."""
    base = args[0]
    if base.name in ("ARRAY", "MAP") and base.element is not None:
        inner = base.element if base.name == "ARRAY" else base.value
        return types.nullable(inner or types.UNKNOWN)
    return types.nullable(types.VARIANT) if base.name == "VARIANT" else types.UNKNOWN


def array_type(args: Sequence[DataType]) -> DataType:
    """ARRAY[a, b, ...]: the common type of its elements, NOT NULL."""
    element: DataType | None = types.NULL
    for arg in args:
        element = types.common_type(element, arg) if element is not None else None
    if element is None:
        raise SignatureError("Parameters must be of the same type")  # Calcite's text
    return DataType("ARRAY", element=types.concrete(element), nullable=False)


FUNCTIONS = [
    ScalarFunction(
        "PARSE_JSON", (sig("CHARACTER"), sig("CHARACTER", "BOOLEAN")), fixed(types.VARIANT), (1,)
    ),
    # NULL for text that is not JSON, whatever the input's nullability
    ScalarFunction(
        "TRY_PARSE_JSON",
        (sig("CHARACTER"), sig("CHARACTER", "BOOLEAN")),
        always(types.VARIANT),
        (1,),
    ),
    # a JSON null gives SQL NULL, so always nullable
    ScalarFunction("JSON_STRING", (sig("ANY"),), always(types.STRING)),
    ScalarFunction(
        "ITEM",
        (
            sig("ARRAY", "INTEGER"),
            sig("MAP", "ANY"),
            sig("VARIANT", "CHARACTER"),
            sig("VARIANT", "INTEGER"),
        ),
        _item_type,
    ),
    ScalarFunction("ARRAY", (sig("ANY", variadic=True),), array_type),
]


# ------------------------------------------------------------------ values


class VariantError(ValueError):
    """Text that is not a VARIANT: not JSON, or a duplicate key where none is allowed."""


def parse(text: str, allow_duplicate_keys: bool = False) -> object:
    """The JSON value of `text`, numbers kept exact (int, Decimal; float for an exponent)."""

    def pairs(items: list[tuple[str, object]]) -> dict[str, object]:
        result: dict[str, object] = {}
        for key, value in items:
            if key in result and not allow_duplicate_keys:
                raise VariantError("VARIANT_DUPLICATE_KEY")
            result[key] = value
        return result

    try:
        return json.loads(
            text, object_pairs_hook=pairs, parse_float=_number, parse_constant=_refuse
        )
    except json.JSONDecodeError as error:
        raise VariantError(f"invalid JSON: {error.msg} (at character {error.pos + 1})") from None
    except RecursionError:
        raise VariantError("invalid JSON: nested too deeply") from None


def canonical(text: str, allow_duplicate_keys: bool = False) -> str:
    """`text` parsed and printed as Flink prints a VARIANT."""
    return render(parse(text, allow_duplicate_keys))


def try_canonical(text: str, allow_duplicate_keys: bool = False) -> str | None:
    try:
        return canonical(text, allow_duplicate_keys)
    except VariantError:
        return None


def render(value: object) -> str:
    """A JSON value as canonical text: sorted keys, compact, non-ASCII unescaped."""
    if isinstance(value, dict):
        return (
            "{"
            + ",".join(
                json.dumps(k, ensure_ascii=False) + ":" + render(value[k]) for k in sorted(value)
            )
            + "}"
        )
    if isinstance(value, list):
        return "[" + ",".join(render(v) for v in value) + "]"
    if isinstance(value, Decimal):
        return _decimal_text(value)
    if isinstance(value, float):
        return java_double(value)
    return json.dumps(value, ensure_ascii=False)


def item(text: str, index: object) -> str | None:
    """`v[index]`: a field by name or an element by 1-based position; None when missing.
    Flink fails the job when the kinds do not match (a number on an object...)."""
    value = json.loads(text, parse_float=_number)
    if isinstance(index, str):
        if not isinstance(value, dict):
            raise VariantError(
                "String key access on variant requires an object variant, but "
                "a non-object variant was provided."
            )
        return render(value[index]) if index in value else None
    if not isinstance(value, list):
        raise VariantError(
            "Integer index access on variant requires an array variant, but a "
            "non-array variant was provided."
        )
    position = int(index)  # type: ignore[call-overload]
    return render(value[position - 1]) if 1 <= position <= len(value) else None


def json_string(text: str) -> str | None:
    """JSON_STRING of a VARIANT: its text; a JSON null is SQL NULL."""
    return None if text == "null" else text


def _number(text: str) -> object:
    if "e" in text or "E" in text:
        return float(text)
    return Decimal(text)


def _refuse(name: str) -> object:
    raise VariantError(f"invalid JSON: {name} is not a JSON value")


def _decimal_text(value: Decimal) -> str:
    """A decimal without trailing zeros (`1.50` -> `1.5`), never in exponent form."""
    if value == 0:
        return "0"  # -0.0 too, as Flink prints it
    if value == value.to_integral_value():
        return str(value.quantize(Decimal(1)))
    return format(value.normalize(), "f")


def java_double(value: float) -> str:
    """A double as Java's Double.toString prints it: `1000.0`, `1.5E-7`, `1.0E20`."""
    if math.isnan(value) or math.isinf(value):
        return "null"  # not representable in JSON
    if value == 0:
        return "-0.0" if math.copysign(1, value) < 0 else "0.0"
    if 1e-3 <= abs(value) < 1e7:
        text = repr(value)
        return text if "." in text or "e" in text else text + ".0"
    sign, digits, exponent = Decimal(repr(value)).as_tuple()
    shown = "".join(map(str, digits)).rstrip("0") or "0"
    power = len(digits) - 1 + int(exponent)
    return f"{'-' if sign else ''}{shown[0]}.{shown[1:] or '0'}E{power}"
