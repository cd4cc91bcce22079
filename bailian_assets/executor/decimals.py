"""Exact DECIMAL values as Flink computes them, on Polars' `pl.Decimal(p, s)` columns.

Every DECIMAL(p, s) column runs as `pl.Decimal(p, s)`, and every bound node of a DECIMAL type
is brought to its very type (`fit`): rounded HALF_UP to its scale, NULL where the value does
not fit its precision (Flink's DecimalData.fromBigDecimal gives NULL on overflow).

Where Polars 2.1's Decimal differs from Java's BigDecimal, the difference is handled here, in
one place:
- a cast to a smaller scale rounds HALF_EVEN: `fit` rounds HALF_UP on the unscaled Int128s
  (`rescale`, which also cuts toward zero for TRUNCATE);
- `*` keeps the larger scale of its operands and divides the product back to it (an Int128
  division per row): `+ - *` run on the unscaled Int128s where the exact result surely has
  at most 38 digits, else the right operand's unscaled integer at scale 0, so the product
  needs no division and is exact;
- `/` rounds HALF_EVEN: the quotient is computed on the unscaled integers (Int128) and
  rounded HALF_UP; for the rows whose integers would pass Int128, exactly in Python, once per
  distinct pair of operands;
- `%` is a floored modulo (Python's sign rule): corrected to Java's sign of the dividend;
- `mean` is a DOUBLE: AVG is SUM / COUNT, divided as `/` divides, on the grouped frame
  (`expressions.Aggregation`);
- a join needs keys of one dtype (`joins.join_keys` casts both to their common DECIMAL);
- `pow` refuses a Decimal exponent (POWER runs on DOUBLE, as in Flink);
- an overflowing `+`, `-`, `*` fails in Polars where Flink gives NULL: not handled (values
  near 10^38 only).
"""

from __future__ import annotations

import decimal as _decimal

import polars as pl

from bailian_assets.executor import guards
from bailian_assets.planning import types
from bailian_assets.sql.ast import DataType

MAX_PRECISION = types.MAX_DECIMAL_PRECISION
_INTEGERS = ("TINYINT", "SMALLINT", "INT", "BIGINT")
_EXACT = _decimal.Context(prec=120, rounding=_decimal.ROUND_HALF_UP)


def dtype(t: DataType) -> pl.Decimal:
    """The Polars dtype of DECIMAL(p, s) (DECIMAL alone is DECIMAL(10, 0), as in Flink)."""
    precision, scale = types.precision_scale(t)
    return pl.Decimal(precision, scale)


def is_decimal(t: DataType) -> bool:
    return t.name == "DECIMAL"


def literal(value: object, t: DataType) -> pl.Expr:
    """A DECIMAL constant, exactly (never through a float)."""
    if value is None:
        return pl.lit(None, dtype=dtype(t))
    return pl.lit(_decimal.Decimal(str(value)), dtype=dtype(t))


def fit(x: pl.Expr, source: DataType, target: DataType) -> pl.Expr:
    """`x` (of type `source`: a DECIMAL, an integer, a DOUBLE/FLOAT or a NULL) as DECIMAL
    `target`: HALF_UP to its scale, NULL where it does not fit its precision."""
    precision, scale = types.precision_scale(target)
    if source.name in _INTEGERS or source.name in ("NULL", "UNKNOWN"):
        return x.cast(pl.Decimal(precision, scale), strict=False)
    if source.name in ("DOUBLE", "FLOAT"):  # the double's shortest digits, as BigDecimal.valueOf
        x = x.cast(pl.String).cast(pl.Decimal(MAX_PRECISION, scale + 1), strict=False)
        source = types.decimal(MAX_PRECISION, scale + 1)
    source_scale = types.precision_scale(source)[1]
    if source_scale > scale:
        x = rescale(x.cast(pl.Decimal(MAX_PRECISION, source_scale)), source_scale, scale)
    return x.cast(pl.Decimal(precision, scale), strict=False)


def rescale(x: pl.Expr, scale: int, to: int, half_up: bool = True) -> pl.Expr:
    """A DECIMAL of `scale` cut to the smaller scale `to`: HALF_UP, or toward zero when not
    `half_up` (Polars' own cast rounds HALF_EVEN), on the unscaled integers."""
    n = x.to_physical()  # the unscaled Int128: 1.25 at scale 2 is 125
    unit = 10 ** (scale - to)
    magnitude = n.abs() + (unit // 2 if half_up else 0)
    cut = magnitude // pl.lit(unit, dtype=pl.Int128)
    return from_unscaled(pl.when(n < 0).then(cut * -1).otherwise(cut), to)


def from_unscaled(n: pl.Expr, scale: int) -> pl.Expr:
    """The DECIMAL(38, scale) whose unscaled integer is `n` (an Int128)."""
    unit = pl.lit(_decimal.Decimal(1).scaleb(-scale), dtype=pl.Decimal(MAX_PRECISION, scale))
    return n.cast(pl.Decimal(MAX_PRECISION, 0), strict=False) * unit


_NUMBER = r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$"


def is_number(values: pl.Series) -> pl.Series:
    """Which values are numbers (text that reads as one, trimmed, or numbers already)."""
    if values.dtype == pl.String:
        return values.str.strip_chars().str.contains(_NUMBER).fill_null(False)
    return values.is_not_null()


def from_text(text: pl.Expr, target: DataType, safe: bool = False) -> pl.Expr:
    """CAST(string AS DECIMAL(p, s)) as Flink 2.3 runs it: trimmed, HALF_UP to the scale; text
    that is no plain number is read as Flink's parser reads it (`_lenient`: blank text is no
    number, 'x' is 0); what gives no value, or a number too big for the precision, fails the
    job (`NumberFormatException: ... Overflow.`), and is NULL under TRY_CAST (`safe`)."""
    trimmed = text.str.strip_chars()
    parsed = _parsed(trimmed, target)
    number = trimmed.str.contains(_NUMBER)
    precision, scale = types.precision_scale(target)
    if precision <= _LONG_DIGITS:
        parsed = (
            pl.when(_too_many_digits(text, trimmed, precision, scale)).then(None).otherwise(parsed)
        )
    lenient = guards.per_value(
        pl.when(number.not_()).then(text),
        lambda t: _lenient(t, precision, scale),
        dtype(target),
    )
    value = pl.when(number.not_()).then(lenient).otherwise(parsed)
    if safe or not guards.checking():
        return value

    def check(pair: pl.Series) -> pl.Series:
        texts, values = pair.struct.field("text"), pair.struct.field("value")
        overflow = texts.is_not_null() & values.is_null()
        if overflow.any():
            raise ValueError(
                f"NumberFormatException: For input string: '{texts.filter(overflow)[0]}'. Overflow."
            )
        return values

    return pl.struct(text.alias("text"), value.alias("value")).map_batches(
        check, return_dtype=dtype(target), is_elementwise=guards.row_by_row()
    )


_BLANK = b" \n\t"
_LONG_DIGITS = 18  # Flink parses text itself up to this precision and byte length


def _too_many_digits(text: pl.Expr, trimmed: pl.Expr, precision: int, scale: int) -> pl.Expr:
    """Where Flink's byte parser (text of up to 18 bytes, `_lenient`) finds more digits than
    the precision holds: it counts every digit written, leading zeros too, so '000000000001'
    gives no DECIMAL(10, 2), though its value fits."""
    mantissa = trimmed.str.extract(r"^[+-]?([\d.]*)", 1)
    digits = mantissa.str.replace(".", "", literal=True).str.len_chars().cast(pl.Int64)
    fraction = mantissa.str.extract(r"\.(\d*)", 1).str.len_chars().cast(pl.Int64).fill_null(0)
    exponent = trimmed.str.extract(r"[eE]([+-]?\d+)$", 1).cast(pl.Int64, strict=False).fill_null(0)
    change = exponent - fraction + scale
    return (text.str.len_bytes() <= _LONG_DIGITS) & (digits + change > precision)


def _lenient(text: str, precision: int, scale: int) -> _decimal.Decimal | None:
    """The DECIMAL(precision, scale) Flink reads from text that is no plain number, or None.
    Up to 18 digits and 18 bytes Flink parses the bytes itself (BinaryStringDataUtil's
    toDecimalFromBytes): blank text, a lone sign or a second point give no value; the first
    character that is no digit or point ends the number and is skipped unread (an exponent
    after 'e'), and only blanks may follow it: '' and 'abc' give none, 'x' and '.' are 0, '7x'
    is 7. Past that Flink parses with BigDecimal, which takes no such text."""
    data = text.encode()
    size = len(data)
    if precision > _LONG_DIGITS or size > _LONG_DIGITS:
        return None
    at = 0
    while at < size and data[at] in _BLANK:
        at += 1
    if at == size:
        return None
    negative = data[at] == ord("-")
    if data[at] in b"+-":
        at += 1
        if at == size:
            return None
    digits, point, last = b"", -1, 0
    while at < size:
        last, at = data[at], at + 1
        if last in b"0123456789":
            digits += bytes([last])
        elif last == ord("."):
            if point >= 0:
                return None
            point = len(digits)
        else:
            break
    exponent: int | None = 0
    if last in b"eE" and at < size:
        exponent, at = _exponent(data, at)
    if exponent is None:
        return None
    exponent -= len(digits) - (point if point >= 0 else len(digits))
    if any(b not in _BLANK for b in data[at:]):
        return None
    return _rounded(digits, negative, exponent, precision, scale)


def _exponent(data: bytes, at: int) -> tuple[int | None, int]:
    """The exponent after an 'e' at `at` (a sign, digits, ended by a skipped character), and
    where reading stopped; None for a lone sign."""
    negative = data[at] == ord("-")
    if data[at] in b"+-":
        at += 1
        if at == len(data):
            return None, at
    value = 0
    while at < len(data):
        byte, at = data[at], at + 1
        if byte not in b"0123456789":
            break
        if value < 40:  # a larger exponent overflows or underflows anyway
            value = value * 10 + byte - ord("0")
    return (-value if negative else value), at


def _rounded(
    digits: bytes, negative: bool, exponent: int, precision: int, scale: int
) -> _decimal.Decimal | None:
    """digits * 10^exponent HALF_UP to `scale`; None when the digits, leading zeros counted as
    Flink counts them, pass `precision`."""
    change = exponent + scale
    if len(digits) + change > precision:
        return None
    significand = int(digits or b"0")
    if change >= 0:
        unscaled = significand * 10**change
    else:
        unscaled = (significand + 5 * 10 ** (-change - 1)) // 10**-change
    return _decimal.Decimal(-unscaled if negative else unscaled).scaleb(-scale)


def _parsed(text: pl.Expr, target: DataType) -> pl.Expr:
    """Trimmed number text as DECIMAL `target`: HALF_UP to its scale (parsed with a digit
    more, which Polars' parse rounds HALF_EVEN, then `fit`), NULL where it does not fit the
    precision or is no number. A number of more than 37 - scale whole digits has no room for
    that digit in 38: parsed at the scale itself, so `CAST('9...9' AS DECIMAL(38, 0))` holds
    its 38 digits (its fraction then rounds HALF_EVEN, a difference past 10^37 only)."""
    scale = types.precision_scale(target)[1]
    if scale >= MAX_PRECISION:  # DECIMAL(38, 38): no digit more to round with
        return text.cast(dtype(target), strict=False)
    wide = types.decimal(MAX_PRECISION, scale + 1)
    rounded = fit(text.cast(dtype(wide), strict=False), wide, target)
    at_scale = text.cast(pl.Decimal(MAX_PRECISION, scale), strict=False)
    return pl.coalesce(rounded, at_scale.cast(dtype(target), strict=False))


def exact_operands(ta: DataType, tb: DataType) -> bool:
    """Do `+ - * / %` of these operand types give an exact DECIMAL (`arithmetic`)? (A DOUBLE
    operand makes a DOUBLE.)"""
    names = {ta.name, tb.name}
    return "DECIMAL" in names and names <= {*_INTEGERS, "DECIMAL", "NULL"}


def arithmetic(
    op: str, a: pl.Expr, b: pl.Expr, ta: DataType, tb: DataType, result: DataType
) -> pl.Expr:
    """`a op b` for `+ - * / %` where the result is DECIMAL `result` (the operands DECIMALs or
    integers: `exact_operands`), exactly as BigDecimal computes it, of `result`'s very dtype.
    Where Int128 surely holds the exact value (its digits, by the operand types, at most 38:
    then it is `result` itself), on the unscaled integers: Polars' Decimal `*` divides each
    product back to a scale (an Int128 division per row, 3x the time in TPC-H's Q1)."""
    if op == "/":
        return divide(a, b, ta, tb, result)
    (pa, sa), (pb, sb) = types.precision_scale(ta), types.precision_scale(tb)
    if op == "*":
        precision, scale = pa + pb, sa + sb  # the exact product's
    else:
        scale = max(sa, sb)
        precision = max(pa - sa, pb - sb) + scale + 1
    if op != "%" and precision <= MAX_PRECISION:
        na, nb = unscaled(a, ta), unscaled(b, tb)
        if op == "*":
            n = na * nb
        else:
            na, nb = _times_ten(na, scale - sa), _times_ten(nb, scale - sb)
            n = na + nb if op == "+" else na - nb
        return n.reinterpret(dtype=dtype(result))
    wide = pl.Decimal(MAX_PRECISION, scale)
    if op == "*":  # scale 0 on the right: Polars multiplies without dividing back
        value = unscaled(a, ta).reinterpret(dtype=wide) * unscaled(b, tb).reinterpret(
            dtype=pl.Decimal(MAX_PRECISION, 0)
        )
    else:
        a, b = a.cast(wide), b.cast(wide)
        value = a + b if op == "+" else a - b if op == "-" else java_remainder(a, b)
    return fit(value, types.decimal(MAX_PRECISION, scale), result)


def _times_ten(n: pl.Expr, power: int) -> pl.Expr:
    return n * pl.lit(10**power, dtype=pl.Int128) if power else n


def java_remainder(a: pl.Expr, b: pl.Expr) -> pl.Expr:
    """Java's `%` (BigDecimal.remainder and int `%` alike): the sign of the dividend. Polars'
    `%` floors (the sign of the divisor); the two differ by `b` where the signs differ."""
    floored = a % b
    return pl.when((floored != 0) & ((floored < 0) != (a < 0))).then(floored - b).otherwise(floored)


def divide(
    a: pl.Expr, b: pl.Expr, ta: DataType, tb: DataType, result: DataType, zero_fails: bool = True
) -> pl.Expr:
    """`a / b` as DECIMAL `result`, HALF_UP; a zero divisor fails the job as Flink's does
    (NULL when not `zero_fails`)."""
    (pa, sa), (pb, sb) = types.precision_scale(ta), types.precision_scale(tb)
    scale = types.precision_scale(result)[1]
    shift = scale + sb - sa  # unscaled quotient = unscaled a * 10^shift / unscaled b
    if zero_fails:
        b = fail_on_zero(a, b, _polars_type(tb), "Division by zero")
    if not 0 <= shift <= 37:  # no Int128 way (a negative shift no Flink type derives)
        return _python_divide(a, b, result, pl.lit(True))
    n0, d = unscaled(a, ta), unscaled(b, tb)
    # Int128 holds 1.7e38: 2|n| + |d| stays below it when both are below 5e37
    fits = (n0.abs() < pl.lit(5 * 10**37 // 10**shift, dtype=pl.Int128)) & (
        d.abs() < pl.lit(5 * 10**37, dtype=pl.Int128)
    )
    n = n0 * pl.lit(10**shift, dtype=pl.Int128)
    quotient = (n.abs() * 2 + d.abs()) // (d.abs() * 2)
    signed = pl.when((n < 0) != (d < 0)).then(quotient * -1).otherwise(quotient)
    exact = from_unscaled(signed, scale).cast(dtype(result), strict=False)
    if pa + shift < 37 and pb < 37:  # the types bound the values: Int128 always
        return exact
    if pb + shift < 37:  # a divisor of few digits (AVG's COUNT): Int128 by long division
        wide = from_unscaled(_long_divide(n0, d, shift), scale).cast(dtype(result), strict=False)
    else:
        wide = _python_divide(a, b, result, fits.not_().fill_null(False))
    return pl.when(fits).then(exact).otherwise(wide)


def _long_divide(n: pl.Expr, d: pl.Expr, shift: int) -> pl.Expr:
    """HALF_UP of n * 10^shift / d on Int128 without forming n * 10^shift: the whole part of
    |n| / |d| shifted, plus the rounded shifted remainder (below 10^shift, so |d| * 10^shift
    must fit, which the caller's types ensure). NULL where the quotient has more than 38
    digits, as the DECIMAL it becomes would."""
    whole, rest = n.abs() // d.abs(), n.abs() % d.abs()
    fraction = (rest * pl.lit(2 * 10**shift, dtype=pl.Int128) + d.abs()) // (d.abs() * 2)
    limit = pl.lit(10 ** (MAX_PRECISION - shift), dtype=pl.Int128)
    quotient = whole * pl.lit(10**shift, dtype=pl.Int128) + fraction
    signed = pl.when((n < 0) != (d < 0)).then(quotient * -1).otherwise(quotient)
    return pl.when(whole < limit).then(signed)


def unscaled(x: pl.Expr, t: DataType) -> pl.Expr:
    """The unscaled Int128 of a DECIMAL (1.25 at scale 2 is 125), or of an integer."""
    if t.name == "DECIMAL":
        return x.cast(dtype(t)).to_physical()
    return x.cast(pl.Int128)


def _python_divide(a: pl.Expr, b: pl.Expr, result: DataType, needed: pl.Expr) -> pl.Expr:
    """`a / b` in Python's decimal for the `needed` rows (operands too wide for Int128), once
    per distinct pair of operands; NULL in the other rows."""
    exponent = _decimal.Decimal(1).scaleb(-types.precision_scale(result)[1])
    target = dtype(result)

    def quotient(x, y):
        if x is None or y is None or y == 0:  # y == 0: AVG over no values (`/` failed before)
            return None
        value = _EXACT.divide(x, y).quantize(exponent, _decimal.ROUND_HALF_UP, _EXACT)
        return value if len(value.as_tuple().digits) <= target.precision else None

    def run(rows: pl.Series) -> pl.Series:
        pairs = rows.struct.unnest()
        distinct = pairs.filter(pl.col("needed")).select("a", "b").unique(maintain_order=True)
        answers = [quotient(x, y) for x, y in distinct.iter_rows()]
        table = distinct.with_columns(pl.Series("q", answers, dtype=target))
        joined = pairs.join(
            table, on=["a", "b"], how="left", nulls_equal=True, maintain_order="left"
        )
        return joined["q"]

    return pl.struct(a.alias("a"), b.alias("b"), needed.alias("needed")).map_batches(
        run, return_dtype=target, is_elementwise=guards.row_by_row()
    )


def fail_on_zero(
    dividend: pl.Expr,
    divisor: pl.Expr,
    divisor_dtype: pl.DataType | type[pl.DataType],
    message: str,
    folds: bool = True,
) -> pl.Expr:
    """`divisor`, failing the job (Flink's `ArithmeticException: message`) where it is zero
    for a row that evaluates the division: the dividend not NULL (NULL gives NULL first), in
    the rows its CASE branch takes (`guards`). Folded as a constant (`guards.folding()`, when
    the operation `folds`), every zero fails: `Division by zero`."""
    if not guards.checking():
        return divisor
    folded = folds and guards.folding()
    active = pl.lit(True) if folded else dividend.is_not_null()
    where = guards.rows()
    if where is not None:
        active = active & where
    text = "Division by zero" if folded else message

    def check(pair: pl.Series) -> pl.Series:
        values = pair.struct.field("divisor")
        if (pair.struct.field("active") & (values == 0)).any():
            raise ValueError(f"ArithmeticException: {text}")
        return values

    return pl.struct(divisor.alias("divisor"), active.alias("active")).map_batches(
        check, return_dtype=divisor_dtype, is_elementwise=guards.row_by_row()
    )


def _polars_type(t: DataType) -> pl.DataType:
    if is_decimal(t):
        return dtype(t)
    from bailian_assets.executor.dtypes import to_polars  # dtypes imports this module

    return to_polars(t)


def sum_bound(t: DataType) -> DataType:
    """The DECIMAL a SUM of DECIMAL(p, s) values surely fits: at most 2^63 rows add 19 digits
    (tighter than SUM's declared DECIMAL(38, s), so that AVG divides on Int128)."""
    precision, scale = types.precision_scale(t)
    return types.decimal(min(MAX_PRECISION, precision + 19), scale)


_HALF = 10**19  # a DECIMAL's unscaled value is below 10^38: two halves below 10^19


def average_partials(x: pl.Expr, source: DataType) -> list[pl.Expr]:
    """The partial aggregates of AVG over DECIMAL `source` values `x` (`average` finishes
    them): SUM and COUNT. A sum that may pass 38 digits (values of 19 digits or more) is
    taken in two halves, the unscaled values' high and low 19 digits, neither of which can
    overflow Int128, so that `average` sees the overflow Polars' own sum would fail on."""
    if types.precision_scale(sum_bound(source))[0] < MAX_PRECISION:
        return [x.sum(), x.count()]
    n = unscaled(x, source)
    half = pl.lit(_HALF, dtype=pl.Int128)
    return [(n // half).sum(), (n % half).sum(), x.count()]  # floored: the low half >= 0


def average(partials: list[pl.Expr], source: DataType, result: DataType) -> pl.Expr:
    """AVG of DECIMAL `source` values as Flink computes it, from `average_partials`: SUM /
    COUNT, HALF_UP at the result's scale; NULL over no values, and NULL where the SUM passes
    38 digits (Flink's sum overflows to NULL; a SUM that overflows only part way, its values'
    signs mixed, is not seen)."""
    *total, count = partials
    sum_type = sum_bound(source)
    if len(total) == 1:
        sum_value = total[0]
    else:
        sum_value = _joined_halves(total[0], total[1], types.precision_scale(source)[1])
        sum_type = types.decimal(MAX_PRECISION, types.precision_scale(source)[1])
    quotient = divide(sum_value, count.cast(pl.Int64), sum_type, types.BIGINT, result, False)
    return pl.when(count > 0).then(quotient)


def _joined_halves(high: pl.Expr, low: pl.Expr, scale: int) -> pl.Expr:
    """The DECIMAL(38, scale) high * 10^19 + low (the sums of `average_partials`' halves),
    NULL where it passes 38 digits."""
    half = pl.lit(_HALF, dtype=pl.Int128)
    whole = high + low // half  # total = whole * 10^19 + rest, 0 <= rest < 10^19
    rest = low % half
    fits = (whole < half) & ((whole > -half) | ((whole == -half) & (rest > 0)))
    return (
        pl.when(fits).then(whole * half + rest).reinterpret(dtype=pl.Decimal(MAX_PRECISION, scale))
    )


def read(values: pl.Expr, current: pl.DataType, target: DataType) -> pl.Expr:
    """Values a file holds (text, or numbers a json reader gave) as DECIMAL `target`: HALF_UP
    to its scale, NULL for what is no number or too big (the reader reports those)."""
    if current == pl.String:
        return _parsed(values.replace("", None).str.strip_chars(), target)
    return conform(values, current, target)


def conform(x: pl.Expr, current: pl.DataType, target: DataType) -> pl.Expr:
    """A frame column of Polars dtype `current` as a sink column of DECIMAL `target` (Flink's
    implicit cast on INSERT: HALF_UP, NULL on overflow)."""
    if isinstance(current, pl.Decimal):
        source = types.decimal(current.precision or MAX_PRECISION, current.scale or 0)
    elif current.is_integer():
        source = types.BIGINT
    elif current.is_float():
        source = types.DOUBLE
    else:
        source = types.NULL
    return fit(x, source, target)
