"""Polars implementations of the date and time functions declared in
`planning/functions/temporal.py`."""

from __future__ import annotations

import datetime as dt

import polars as pl

from bailian_assets.executor.functions.common import Implementation, const as _const


def _date_format(a, raw):
    pattern = str(_const(raw, 1, "DATE_FORMAT pattern"))
    for java, strftime in (("yyyy", "%Y"), ("MM", "%m"), ("dd", "%d"), ("HH", "%H"),
                           ("mm", "%M"), ("ss", "%S"), ("SSS", "%3f")):
        pattern = pattern.replace(java, strftime)
    return a[0].cast(pl.Datetime("us")).dt.strftime(pattern)


def _now(a, raw):
    return pl.lit(dt.datetime.now(), dtype=pl.Datetime("us"))


IMPLEMENTATIONS: dict[str, Implementation] = {
    "CURRENT_DATE": lambda a, r: pl.lit(dt.date.today(), dtype=pl.Date),
    "CURRENT_TIMESTAMP": _now,
    "LOCALTIMESTAMP": _now,
    "NOW": _now,
    "DATE_FORMAT": _date_format,
}
