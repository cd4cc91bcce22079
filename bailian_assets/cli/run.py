"""`bailian-assets run FILE.sql` and `bailian-assets plan FILE.sql`: one SQL file's INSERTs,
run without Dagster, or estimated without sending anything."""

from __future__ import annotations

import logging
import os
import sys
from typing import TextIO

import click

from bailian_assets.cli import exits
from bailian_assets.cli.paths import load, one_sql_file
from bailian_assets.cli.progress_bar import ProgressBar
from bailian_assets.errors import ExecutionError
from bailian_assets.planning.project import Project


def _project(file: str, command: str) -> Project:
    """The project of the one SQL file a command takes; usage errors for a path that cannot
    be used or a file with nothing to run."""
    path = one_sql_file(file, command)
    project = load([path])  # SqlError with every mistake
    if not project.inserts and not project.selects:
        raise click.BadParameter(
            f"{file} has no INSERT or SELECT statement to {command}", param_hint="FILE.sql"
        )
    return project


@click.command("run", epilog=exits.HELP)
@click.argument("file", metavar="FILE.sql")
@click.option(
    "--progress/--no-progress",
    default=None,
    show_default="on when stderr is a terminal",
    help="A progress bar of each ML_PREDICT on stderr, as wide as the terminal.",
)
def run(file: str, progress: bool | None) -> int:
    """Run a SQL file's INSERT statements: print-sink rows to stdout (or stderr, with
    'standard-error'), filesystem sinks to their files, logs to stderr."""
    from bailian_assets.backends import backend_from_env
    from bailian_assets.executor.runner import run_project

    project = _project(file, "run")
    lines = _SinkLines()

    def emit(table, line: str) -> None:
        lines.write(sys.stderr if table.options.get("standard-error") else sys.stdout, line)

    handlers = logging.getLogger().handlers
    for handler in handlers:  # the rows so far out before a log line: one file keeps the order
        handler.addFilter(lines.flush_before_log)
    try:
        if progress if progress is not None else sys.stderr.isatty():
            _run_with_bar(project, emit, handlers)
        else:
            run_project(project, backend_from_env(), emit)
    finally:
        lines.flush()
        for handler in handlers:
            handler.removeFilter(lines.flush_before_log)
    return exits.OK


def _run_with_bar(project: Project, emit, handlers: list[logging.Handler]) -> None:
    from bailian_assets.backends import backend_from_env
    from bailian_assets.executor.runner import run_project

    bar = ProgressBar(sys.stderr)
    for handler in handlers:  # a log line first clears the bar it would run into
        handler.addFilter(bar.clear_before_log)
    try:
        run_project(project, backend_from_env(), bar.wrap(emit), bar.show, 0.2)
    finally:
        bar.close()
        for handler in handlers:
            handler.removeFilter(bar.clear_before_log)


@click.command("plan", epilog=exits.HELP)
@click.argument("file", metavar="FILE.sql")
def plan(file: str) -> int:
    """Estimate what a SQL file's ML_PREDICTs would send and cost. For each ML_PREDICT: rows
    in, rows the cache already answers, requests to send, about how many tokens, the cost at
    the model's declared prices and the time at its quota. Reads the sources; sends nothing."""
    from bailian_assets.backends import backend_from_env
    from bailian_assets.executor.estimate import describe, estimate_project

    project = _project(file, "plan")
    backend = backend_from_env()
    estimates = estimate_project(project, backend)
    if not estimates:
        click.echo(f"{file}: no ML_PREDICT to estimate", err=True)
        return exits.OK
    click.echo(describe(estimates))
    click.echo(
        f"(estimates; nothing was sent; model calls would go to the {backend.description})",
        err=True,
    )
    return exits.OK


class _SinkLines:
    """Print-sink rows to stdout (or stderr), through the stream's buffer: a terminal shows
    each line as it comes (Python buffers a terminal's lines one by one), a file or a pipe
    gets them in blocks, flushed before each log line and at the end (a flush per line cost
    about 5 microseconds a row, 5 s for a million).

    When the reader goes away (`bailian-assets run job.sql | head -2`), the remaining rows are
    dropped quietly and the job goes on, so its other sinks are still written, and the exit
    status stays the job's: 0 when it succeeded, as for `git log | head` under `pipefail`
    rather than 141. The stream is pointed at /dev/null, so Python's last flush at exit finds
    no broken pipe either (see "Note on SIGPIPE" in the `signal` module's documentation)."""

    def __init__(self) -> None:
        self.closed: set[int] = set()

    def write(self, stream: TextIO, line: str) -> None:
        if id(stream) in self.closed:
            return
        try:
            stream.write(line + "\n")
        except OSError as error:
            self._failed(stream, error)

    def flush(self) -> None:
        for stream in (sys.stdout, sys.stderr):
            if id(stream) not in self.closed:
                try:
                    stream.flush()
                except OSError as error:
                    self._failed(stream, error)

    def flush_before_log(self, record: logging.LogRecord) -> bool:
        """A logging filter that lets every record through, the rows written so far first."""
        self.flush()
        return True

    def _failed(self, stream: TextIO, error: OSError) -> None:
        """The stream refused a write: the rest of its rows go to /dev/null (Python's last
        flush at exit finds nothing to fail on). A reader that went away is no error; any
        other failure (a full disk: `> /dev/full`) stops the job, saying what failed."""
        self.closed.add(id(stream))
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stream.fileno())
        os.close(devnull)
        name = getattr(stream, "name", "the output")
        if not isinstance(error, BrokenPipeError):
            raise ExecutionError(f"cannot write the print-sink rows to {name}: {error.strerror}")
        logging.getLogger("bailian_assets").debug(
            "the reader of %s went away: the rest of its print-sink rows are dropped", name
        )
