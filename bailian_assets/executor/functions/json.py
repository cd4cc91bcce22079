"""Polars implementations of the JSON functions declared in `planning/functions/json.py`."""

from __future__ import annotations

from bailian_assets.executor.functions.common import Implementation, const as _const


IMPLEMENTATIONS: dict[str, Implementation] = {
    "JSON_VALUE": lambda a, r: a[0].str.json_path_match(str(_const(r, 1, "JSON path"))),
}
