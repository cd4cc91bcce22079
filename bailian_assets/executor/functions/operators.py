"""Polars implementations of the operators (`planning/functions/operators.py`), with SQL's NULL
semantics where Polars differs. Chains (AND, OR, `||`, IN lists) stay flat: one horizontal
operation over all operands, never one nested operation per term."""

from __future__ import annotations

import functools
import re

import polars as pl

from bailian_assets.executor import decimals, guards
from bailian_assets.executor.dtypes import to_polars
from bailian_assets.executor.functions.common import Implementation, divided, rowwise
from bailian_assets.planning import bound
from bailian_assets.planning.functions import operators as rules


def _arithmetic(op: str) -> Implementation:
    """`+ - * / %`: exact on DECIMALs (`executor/decimals.py`), Java's sign rule for `%`,
    Polars' own arithmetic on DOUBLE and FLOAT (Infinity for x / 0.0 at run time)."""

    def implementation(a, raw):
        ta, tb = raw[0].type, raw[1].type
        if decimals.exact_operands(ta, tb):
            return decimals.arithmetic(op, a[0], a[1], ta, tb, rules.arithmetic(op, ta, tb))
        if op == "%":
            divisor = decimals.fail_on_zero(a[0], a[1], _dtype(raw[1]), "/ by zero", False)
            return decimals.java_remainder(a[0], divisor)
        if op == "/":
            divisor = a[1]
            if guards.folding():  # a constant DOUBLE / 0 fails in Flink's planner
                divisor = decimals.fail_on_zero(a[0], a[1], _dtype(raw[1]), "")
            result = to_polars(rules.arithmetic(op, ta, tb))
            return divided(a[0], divisor).cast(result)
        return _OPERATIONS[op](a[0], a[1])

    return implementation


_OPERATIONS = {
    "+": lambda x, y: x + y,
    "-": lambda x, y: x - y,
    "*": lambda x, y: x * y,
    "/": lambda x, y: x / y,
}


def _dtype(raw: bound.Expr) -> pl.DataType | type[pl.DataType]:
    return to_polars(raw.type) if raw.type.name not in ("NULL", "UNKNOWN") else pl.Int32


def _div(a, raw):
    """Integer division, truncating toward zero as Java does; `/ by zero` fails the job."""
    x, y = a[0], decimals.fail_on_zero(a[0], a[1], _dtype(raw[1]), "/ by zero")
    floored = x // y
    return pl.when((x % y != 0) & ((x < 0) != (y < 0))).then(floored + 1).otherwise(floored)


def _negate(a, raw):
    """-x; a negated literal zero is 0 (Calcite folds `-0.0e0` into the literal 0.0)."""
    if isinstance(raw[0], bound.Literal) and raw[0].value == 0:
        return a[0]
    return -a[0]


def _in(a, raw):
    """`x IN (items)`: a hash lookup when the items are non-NULL strings or integers that x's
    type holds (TPC-H Q16, Q22), else one comparison per item (any_horizontal keeps SQL's
    three-valued answer: NULL where no item matches and one comparison is NULL)."""
    values = _lookup_values(raw)
    if values is not None:
        return a[0].is_in(values)  # NULL for a NULL x, as the comparisons give it
    return pl.any_horizontal([a[0] == item for item in a[1:]])


_STRINGS = ("CHAR", "VARCHAR", "STRING")
_INTEGERS = {"TINYINT": 8, "SMALLINT": 16, "INT": 32, "INTEGER": 32, "BIGINT": 64}


def _lookup_values(raw) -> list | None:
    """The items of an IN list as the values of x's own type, when they are literals that
    compare with x as those values do: strings with a string x, integers in range with an
    integer x; None otherwise."""
    x, items = raw[0].type.name, raw[1:]
    if not all(isinstance(item, bound.Literal) and item.value is not None for item in items):
        return None
    if x in _STRINGS and all(item.type.name in _STRINGS for item in items):
        return [item.value for item in items]
    bits = _INTEGERS.get(x)
    if bits and all(item.type.name in _INTEGERS for item in items):
        values = [item.value for item in items]
        if all(-(2 ** (bits - 1)) <= v < 2 ** (bits - 1) for v in values):
            return values
    return None


def _between(a, raw):
    return (a[0] >= a[1]) & (a[0] <= a[2])


def _field_name(raw: bound.Expr) -> str:
    """The field `row.field` reads: the binder gives it as a STRING literal."""
    assert isinstance(raw, bound.Literal) and isinstance(raw.value, str)
    return raw.value


def _like(a, raw):
    if len(raw) > 2 and raw[2].value is None:
        return pl.lit(None, dtype=pl.Boolean)  # ESCAPE NULL: NULL, as any NULL operand
    escape = str(raw[2].value) if len(raw) > 2 else None
    if not isinstance(raw[1], bound.Literal):  # a pattern per row: matched in Python
        return rowwise(lambda s, p: _like_regex(p, escape).match(s) is not None, a[:2], pl.Boolean)
    if raw[1].value is None:
        return pl.lit(None, dtype=pl.Boolean)
    return like(a[0], str(raw[1].value), escape)


@functools.lru_cache(maxsize=256)
def _like_regex(pattern: str, escape: str | None) -> re.Pattern[str]:
    """LIKE's `pattern` as a whole-text Python regex."""
    body = "".join(
        re.escape(piece) if kind == "text" else _WILDCARDS[kind]
        for kind, piece in like_pieces(pattern, escape)
    )
    return re.compile(f"(?s){body}\\Z")


def like(text: pl.Expr, pattern: str, escape: str | None = None) -> pl.Expr:
    """`text LIKE pattern`. A pattern of one text between `%`s is a string test (`abc%`
    `starts_with`, `%abc` `ends_with`, `%abc%` a plain substring, `abc` equality: TPC-H's
    LIKEs, several times faster than a regex); any other is a regex, anchored only at an end
    that is not a `%` (a leading `.*` has the regex engine try every start)."""
    pieces = like_pieces(pattern, escape)
    shape = tuple(kind for kind, _ in pieces)
    value = next((piece for kind, piece in pieces if kind == "text"), "")
    if shape in ((), ("text",)):
        return text == value
    if shape == ("%",):
        return text.str.starts_with("")  # TRUE for any text, NULL for NULL
    if shape == ("text", "%"):
        return text.str.starts_with(value)
    if shape == ("%", "text"):
        return text.str.ends_with(value)
    if shape == ("%", "text", "%"):
        return text.str.contains(value, literal=True)
    inner = pieces[shape[0] == "%" : len(pieces) - (shape[-1] == "%")]
    body = "".join(
        re.escape(piece) if kind == "text" else _WILDCARDS[kind] for kind, piece in inner
    )
    start = "" if shape[0] == "%" else "^"
    end = "" if shape[-1] == "%" else "$"
    return text.str.contains(f"(?s){start}{body}{end}")


# `%` any run of characters, line breaks too; `_` one character but a line terminator, as
# Java's `.` (Calcite's translation of LIKE: `(?s:.*)` and `.`)
_WILDCARDS = {"%": ".*", "_": "[^\n\r\x85\u2028\u2029]"}


def like_pieces(pattern: str, escape: str | None = None) -> list[tuple[str, str]]:
    """LIKE's pattern as (kind, text) pieces: `%` (any run of characters: several in a row
    are one), `_` (one character) and `text` (the characters between them). After the
    `escape` character, `%`, `_` or the escape character itself is text (anything else after
    it is Flink's error)."""
    pieces: list[tuple[str, str]] = []
    text: list[str] = []
    chars = iter(pattern)
    for ch in chars:
        if ch == escape:
            following = next(chars, None)
            if following not in ("%", "_", escape):
                raise ValueError(f"Invalid escape sequence '{pattern}', {pattern.find(ch)}")
            text.append(following)
            continue
        if ch not in ("%", "_"):
            text.append(ch)
            continue
        if text:
            pieces.append(("text", "".join(text)))
            text = []
        if not (ch == "%" and pieces and pieces[-1][0] == "%"):
            pieces.append((ch, ch))
    if text:
        pieces.append(("text", "".join(text)))
    return pieces


def _compared(compare):
    """A comparison of its two operands (a TIMESTAMP beside a TIMESTAMP_LTZ comes as an
    instant of the session zone: the binder's `alike`)."""
    return lambda a, raw: compare(a[0], a[1])


OPERATORS: dict[str, Implementation] = {
    "=": _compared(lambda x, y: x == y),
    "<>": _compared(lambda x, y: x != y),
    "<": _compared(lambda x, y: x < y),
    "<=": _compared(lambda x, y: x <= y),
    ">": _compared(lambda x, y: x > y),
    ">=": _compared(lambda x, y: x >= y),
    "+": _arithmetic("+"),
    "-": _arithmetic("-"),
    "*": _arithmetic("*"),
    "/": _arithmetic("/"),
    "%": _arithmetic("%"),
    "DIV": _div,
    # AND and OR with SQL's three-valued logic; `||` is NULL when any operand is
    # non-strict casts (an operand is BOOLEAN already, or an untyped NULL): a strict one may
    # fail, so Polars would keep the filter above the joins instead of pushing it to the scans
    "AND": lambda a, r: pl.all_horizontal([x.cast(pl.Boolean, strict=False) for x in a]),
    "OR": lambda a, r: pl.any_horizontal([x.cast(pl.Boolean, strict=False) for x in a]),
    "||": lambda a, r: pl.concat_str(a),
    "NOT": lambda a, r: ~a[0],
    "NEGATE": _negate,
    "IS NULL": lambda a, r: a[0].is_null(),
    "IS NOT NULL": lambda a, r: a[0].is_not_null(),
    "IN": _in,
    "NOT IN": lambda a, r: ~_in(a, r),
    "BETWEEN": _between,
    "NOT BETWEEN": lambda a, r: ~_between(a, r),
    "LIKE": _like,
    "NOT LIKE": lambda a, r: ~_like(a, r),
    ".": lambda a, r: a[0].struct.field(_field_name(r[1])),
}
