"""Number literals as Flink (Calcite) reads them, refused where Flink refuses them.

- An exact literal (`42`, `-9223372036854775808`, `1.25`) must have an unscaled value that fits
  in a BIGINT (Calcite's `validateLiteral`): Flink says "Numeric literal '...' out of range"
  for `99999999999999999999` and for a decimal of more than 19 digits. A decimal's scale is at
  most 38.
- An approximate literal (`1e400`) must be a finite DOUBLE.
- `LIMIT n` is read as a 32-bit INT by Flink: it returns every row for `LIMIT 2147483647` and
  none for `LIMIT 2147483648`, so a larger count is refused here rather than run differently.

Checks look at digit counts before converting, so a 5000-digit literal never reaches `int()`
(which refuses more than 4300 digits).
"""

from __future__ import annotations

import math

BIGINT_MAX = 2**63 - 1
INT_MAX = 2**31 - 1
MAX_DECIMAL_SCALE = 38
MAX_DECIMAL_PRECISION = 38  # a type of more digits is read as 38 (DECIMAL(40, 2) is DECIMAL(38, 2))


class LiteralError(ValueError):
    """A number literal Flink refuses; the message is Flink's, with what the limit is."""


def number_value(text: str, negative: bool = False) -> tuple[object, str]:
    """(value, kind) of a number token's text, with its sign: kind is INTEGER, DECIMAL or
    DOUBLE, as the parser's Literal has it. Raises LiteralError."""
    if "e" in text or "E" in text:
        value = float(text)
        if math.isinf(value):
            raise LiteralError(
                f"Numeric literal '{_signed(text, negative)}' out of range: it is beyond DOUBLE"
            )
        return (-value if negative else value), "DOUBLE"
    whole, _, fraction = text.partition(".")
    if len(fraction) > MAX_DECIMAL_SCALE:
        raise LiteralError(
            f"Decimal scale must be between 0 and the precision "
            f"{MAX_DECIMAL_SCALE} (both inclusive); '{_signed(text, negative)}' "
            f"has {len(fraction)} digits after the point"
        )
    unscaled = (whole + fraction).lstrip("0") or "0"
    limit = BIGINT_MAX + (1 if negative else 0)
    if len(unscaled) > 19 or int(unscaled) > limit:
        rule = (
            "an integer must fit in BIGINT (-9223372036854775808 to 9223372036854775807)"
            if not fraction
            else "an exact decimal has at most 19 digits (its unscaled value must fit in a BIGINT)"
        )
        raise LiteralError(f"Numeric literal '{_signed(text, negative)}' out of range: {rule}")
    if fraction:
        value = float(text)
        return (-value if negative else value), "DECIMAL"
    return (-int(unscaled) if negative else int(unscaled)), "INTEGER"


def bounded_integer(text: str, maximum: int, what: str, why: str = "") -> int:
    """An unsigned integer token's value, at most `maximum`. Raises LiteralError."""
    digits = text.lstrip("0") or "0"
    if len(digits) > len(str(maximum)) or int(digits) > maximum:
        raise LiteralError(f"{what} {shorten(text)} is out of range: at most {maximum}{why}")
    return int(digits)


def limit_count(text: str) -> int:
    """The row count of `LIMIT n`. Raises LiteralError beyond Flink's INT."""
    return bounded_integer(
        text,
        INT_MAX,
        "LIMIT",
        " (Flink reads LIMIT as an INT: a larger "
        "count returns other rows there, none for 2147483648)",
    )


def _signed(text: str, negative: bool) -> str:
    return shorten(("-" if negative else "") + text)


def shorten(text: str, keep: int = 24) -> str:
    """A long literal as a message shows it: its first characters and how many there are."""
    if len(text) <= 2 * keep:
        return text
    return f"{text[:keep]}... ({len(text)} characters)"
