"""What one asset's compute needs, fixed when the definitions load; execution.py runs it.

Its own module so that loading the definitions (a code server, `dg check defs`) does not import
the run's machinery: execution.py, the orchestrator and the model clients are imported by the
first compute that runs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import dagster as dg

from bailian_assets.planning import plan as p
from bailian_assets.planning.connectors import TableSpec
from bailian_assets.planning.settings import FileSettings

if TYPE_CHECKING:  # assets.py builds AssetRuns
    from bailian_assets.integration.assets import InstanceKeys


@dataclass(frozen=True)
class AssetRun:
    """What one asset's compute needs: its queries, its sink table, its checks' columns,
    the instance's resource keys, and the asset keys of the source tables it reads."""

    name: str
    key: dg.AssetKey
    queries: list[p.PlannedQuery]
    table: TableSpec | None
    predictions: list
    settings: FileSettings
    keys: InstanceKeys
    sources: dict[str, tuple[dg.AssetKey, TableSpec]] = field(default_factory=dict)
    shows_rows: bool = False  # a bare SELECT: its rows go to the run's log, as printed rows
