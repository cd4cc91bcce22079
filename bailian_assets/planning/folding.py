"""Constant folding of typed literals: `DATE '2024-01-02'`, `CAST('2024-01-02' AS DATE)`,
`TIMESTAMP '2024-01-02 10:00:00'`, `TIME '10:00:00'` become values at plan time.

The executor casts text to a date or time with Flink's lenient rules (`'2024-1-2'`, text after a
space ignored, ...) in a Python function, and Polars pushes no filter holding a Python function
down to a scan: a `WHERE dt = DATE '2024-01-02'` on a partition column read every partition.
Folded, the literal is a plain value, the filter reaches the filesystem scan, and partitions
are pruned. Only text in the canonical form is folded (`yyyy-mm-dd`, `hh:mm:ss[.f]`, with no
more fraction digits than the target keeps, and valid): its value is the same under any rule,
so folding never changes a result; anything else is left to the executor's cast.
"""

from __future__ import annotations

import datetime
import re

from bailian_assets.planning import bound as b
from bailian_assets.planning.types import DataType

_DATE = r"\d{4}-\d{2}-\d{2}"
_TIME = r"\d{2}:\d{2}:\d{2}(?:\.(\d{1,6}))?"
_FORMS = {
    "DATE": re.compile(_DATE),
    "TIME": re.compile(_TIME),
    "TIMESTAMP": re.compile(rf"{_DATE} {_TIME}"),
}
_PARSE = {
    "DATE": datetime.date.fromisoformat,
    "TIME": datetime.time.fromisoformat,
    "TIMESTAMP": datetime.datetime.fromisoformat,
}


def folded_cast(inner: b.Expr, target: DataType) -> b.Literal | None:
    """The value of casting the text literal `inner` to the date or time type `target`, as a
    literal of that type; None when it is not such a cast of text in the canonical form."""
    form = _FORMS.get(target.name)
    if form is None or not isinstance(inner, b.Literal) or not isinstance(inner.value, str):
        return None
    match = form.fullmatch(inner.value)
    if match is None:
        return None
    fraction = match.group(1) if target.name != "DATE" else None
    precision = target.params[0] if target.params else 6
    if fraction is not None and len(fraction) > precision:
        return None  # the cast rounds or truncates it: the executor's to do
    if fraction is not None:  # fromisoformat (3.10) takes 3 or 6 digits only
        text = inner.value[: match.start(1)] + fraction.ljust(6, "0")
    else:
        text = inner.value
    try:
        value = _PARSE[target.name](text)
    except ValueError:  # 2024-02-30: the executor reports it as Flink does
        return None
    return b.Literal(value, target)
