"""Flink's `blackhole` connector: a sink that swallows every row (for benchmarks and tests)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import polars as pl

from bailian_assets.planning.connectors import Connector, TableSpec
from bailian_assets.planning.options import OptionSpec, integer


class Blackhole(Connector):
    name = "blackhole"
    options = (OptionSpec("sink.parallelism", integer(1)),)

    def write(
        self,
        table: TableSpec,
        frame: pl.DataFrame,
        partitions: Sequence[str] | None = None,
        lines: Callable[[str], None] | None = None,
    ) -> list[Path]:
        return []


CONNECTOR = Blackhole()
