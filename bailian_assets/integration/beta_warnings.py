"""The one Dagster BetaWarning the project's definitions cause, silenced where it comes from.

The checks of a stored sink that run alone (`@asset_check`s: checks.py) come back from dg's
component loader as plain `AssetsDefinition`s; when Dagster turns them back into
`AssetChecksDefinition`s it passes `AssetsDefinition`'s beta `execution_type` parameter itself,
so `dg launch`, `dg dev` and the code server print "Parameter `execution_type` of function
`AssetsDefinition.__init__` is currently in beta" although nothing of ours sets it. The filter
matches that message from that Dagster module only: every other BetaWarning still shows. The
project's own beta uses are silenced where they are made (`warnings.catch_warnings` in
assets.py, broken.py, metadata.py); the ones Dagster raises for what a user writes stay (e.g.
`dg launch --assets group:NAME`, whose selection parser passes `include_sources` itself).
"""

from __future__ import annotations

import warnings

import dagster as dg

_MESSAGE = (
    r"Parameter `execution_type` of function `AssetsDefinition.__init__` is currently in beta"
)
_WHERE = r"dagster\._core\.definitions\.repository_definition\.repository_data"


def silence_checks_execution_type() -> None:
    """Ignore Dagster's own `execution_type` BetaWarning for assets with checks (idempotent:
    `warnings.filterwarnings` drops a filter it already has)."""
    warnings.filterwarnings("ignore", message=_MESSAGE, category=dg.BetaWarning, module=_WHERE)
