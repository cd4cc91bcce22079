"""The progress bar of `bailian-assets run`: one line on stderr per ML_PREDICT, drawn by tqdm
(which Dagster already installs) as wide as the terminal, resized with it, redrawn in place,
and cleared before a log line or a sink row is written, so neither runs into it.

`run` shows it only when stderr is a terminal (or with `--progress`): in a log file or a pipe
a bar redrawn with carriage returns is noise, and the log's progress lines say the same.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TextIO

from tqdm import tqdm

from bailian_assets.client.progress import Snapshot

# tqdm's parts, the model's name last: on a narrow terminal the line is cut at its end, so
# the count, rate and ETA stay in sight and only the name is shortened
FORMAT = "{percentage:3.0f}%|{bar}| {n_fmt}/{total_fmt} [{elapsed}<{remaining}, {rate_fmt}] {desc}"


class ProgressBar:
    """Draws the snapshots `run_project` reports; a new bar for each ML_PREDICT."""

    def __init__(self, stream: TextIO, width: int | None = None):
        """`width`: a fixed number of columns; by default the terminal's, read at each
        redraw."""
        self.stream, self.width = stream, width
        self._bar: tqdm | None = None

    def show(self, snapshot: Snapshot) -> None:
        bar = self._bar_for(snapshot)
        bar.n = snapshot.done
        bar.refresh()

    def _bar_for(self, snapshot: Snapshot) -> tqdm:
        label = f"model '{snapshot.model}'"
        bar = self._bar
        if (
            bar is None or bar.desc != label or bar.total != snapshot.total or snapshot.done < bar.n
        ):  # another ML_PREDICT, perhaps of the same model
            self.close()
            bar = self._bar = tqdm(
                total=snapshot.total,
                desc=label,
                unit="row",
                file=self.stream,
                leave=False,
                bar_format=FORMAT,
                ncols=self.width,
                dynamic_ncols=self.width is None,
                mininterval=0,
            )
            # rate and ETA over the ML_PREDICT's whole time, not since the first redraw
            bar.start_t -= snapshot.elapsed
        return bar

    def clear(self) -> None:
        if self._bar is not None:
            self._bar.clear()

    def close(self) -> None:
        """Remove the bar from the terminal (the log has the ML_PREDICT's summary)."""
        if self._bar is not None:
            self._bar.close()
            self._bar = None

    def clear_before_log(self, record: logging.LogRecord) -> bool:
        """A logging filter that lets every record through, the bar cleared first."""
        self.clear()
        return True

    def wrap(self, emit: Callable[..., None]) -> Callable[..., None]:
        """`emit` for sink rows, clearing the bar before each row."""

        def emit_clearing(table, line: str) -> None:
            self.clear()
            emit(table, line)

        return emit_clearing
