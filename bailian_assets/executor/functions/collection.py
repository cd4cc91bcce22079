"""Polars implementations of the collection functions declared in
`planning/functions/collection.py`."""

from __future__ import annotations

import polars as pl

from bailian_assets.executor.functions.common import Implementation


IMPLEMENTATIONS: dict[str, Implementation] = {
    "CARDINALITY": lambda a, r: a[0].list.len().cast(pl.Int32),
}
