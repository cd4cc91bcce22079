"""Flink's `print` connector: each row a line, `+I[1, 好東西, positive]` (formatting in
`executor/sinks.py`), prefixed `identifier> ` with 'print-identifier'. Where the lines go is
the caller's: stdout, or stderr with 'standard-error' (the command line), or the Dagster log
with VVR's 'logger' = 'true'."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import polars as pl

from bailian_assets.planning.connectors import Connector, TableSpec
from bailian_assets.planning.options import OptionSpec, boolean, integer, text


class Print(Connector):
    name = "print"
    options = (
        OptionSpec("print-identifier", text),
        OptionSpec("standard-error", boolean, default=False),
        OptionSpec("logger", boolean, default=False),
        OptionSpec("sink.parallelism", integer(1)),
    )

    def write(
        self,
        table: TableSpec,
        frame: pl.DataFrame,
        partitions: Sequence[str] | None = None,
        lines: Callable[[str], None] | None = None,
    ) -> list[Path]:
        out = lines or print
        from bailian_assets.executor.sinks import print_chunks  # not at a project's load

        for chunk in print_chunks(table, frame):
            for line in chunk:
                out(line)
        return []


CONNECTOR = Print()
