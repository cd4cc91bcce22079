"""`bailian-assets`: check SQL files, or run them without Dagster.

    bailian-assets check PATH...     exit 0 when every file is valid, 2 with the errors otherwise
    bailian-assets run FILE.sql      sink rows to stdout, logs to stderr
    bailian-assets plan FILE.sql     what each ML_PREDICT would send and cost; sends nothing
    bailian-assets simulate ...      serve the Bailian simulator on loopback until interrupted

A mistake in the SQL or the data ends with a clear message and a non-zero exit, never a
traceback.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

from bailian_assets.backends import backend_from_env
from bailian_assets.errors import BailianError, SqlError
from bailian_assets.executor.runner import run_project
from bailian_assets.planning.project import load_project, sql_files
from bailian_assets.secrets import ScrubbingFilter

EXIT_FAILED = 1
EXIT_INVALID = 2


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bailian-assets",
                                     description="Flink SQL with ML_PREDICT over Bailian models.")
    parser.add_argument("-v", "--verbose", action="store_true", help="debug logging")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="validate SQL files or folders")
    check.add_argument("paths", nargs="+", metavar="PATH")
    run = commands.add_parser("run", help="run a SQL file's INSERT statements")
    run.add_argument("file", metavar="FILE.sql")
    plan = commands.add_parser(
        "plan", help="estimate what a SQL file's ML_PREDICTs would send and cost",
        description="For each ML_PREDICT: rows in, rows the cache already answers, requests "
                    "to send, about how many tokens, the cost at the model's declared prices "
                    "and the time at its quota. Reads the sources; sends nothing.")
    plan.add_argument("file", metavar="FILE.sql")
    _add_simulate(commands)
    args = parser.parse_args(argv)
    _configure_logging(args.verbose)
    try:
        if args.command == "check":
            return _check(args.paths)
        if args.command == "simulate":
            return _simulate(args)
        if args.command == "plan":
            return _plan(args.file)
        return _run(args.file)
    except SqlError as error:
        print(error.report(), file=sys.stderr)
        return EXIT_INVALID
    except BailianError as error:
        print(f"bailian-assets: error: {error}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("bailian-assets: interrupted", file=sys.stderr)
        return 130


def _check(paths: list[str]) -> int:
    missing = [p for p in paths if not Path(p).exists()]
    if missing:
        print(f"bailian-assets: error: no such file or folder: {', '.join(missing)}",
              file=sys.stderr)
        return EXIT_INVALID
    files = sql_files(paths)
    project = load_project(files)
    print(f"ok: {len(files)} file{'s' if len(files) != 1 else ''}, {len(project.models)} models, "
          f"{len(project.views)} views, {len(project.inserts)} INSERTs"
          + (f", {len(project.selects)} SELECTs" if project.selects else ""), file=sys.stderr)
    return 0


def _one_file(file: str, command: str):
    """The project of the one SQL file a command takes, or None (the reason printed)."""
    if not Path(file).exists():
        print(f"bailian-assets: error: no such file: {file}", file=sys.stderr)
        return None
    if Path(file).is_dir():
        print(f"bailian-assets: error: {file} is a folder: {command} takes one .sql file",
              file=sys.stderr)
        return None
    project = load_project([file])  # refuses a FIFO or other non-regular file by name
    if not project.inserts and not project.selects:
        print(f"bailian-assets: error: {file} has no INSERT or SELECT statement to {command}",
              file=sys.stderr)
        return None
    return project


def _plan(file: str) -> int:
    from bailian_assets.executor.estimate import describe, estimate_project

    project = _one_file(file, "plan")
    if project is None:
        return EXIT_INVALID
    backend = backend_from_env()
    estimates = estimate_project(project, backend)
    if not estimates:
        print(f"{file}: no ML_PREDICT to estimate", file=sys.stderr)
        return 0
    print(describe(estimates))
    print(f"(estimates; nothing was sent; model calls would go to the {backend.description})",
          file=sys.stderr)
    return 0


def _run(file: str) -> int:
    project = _one_file(file, "run")
    if project is None:
        return EXIT_INVALID
    lines = _SinkLines()

    def emit(table, line: str) -> None:
        lines.write(sys.stderr if table.options.get("standard-error") else sys.stdout, line)

    if sys.stderr.isatty():
        bar = _ProgressBar()
        handlers = logging.getLogger().handlers
        for handler in handlers:  # a log line first clears the bar it would run into
            handler.addFilter(bar.clear_before_log)
        try:
            run_project(project, backend_from_env(), bar.wrap(emit), bar.show, 0.2)
        finally:
            bar.clear()
            for handler in handlers:
                handler.removeFilter(bar.clear_before_log)
    else:
        run_project(project, backend_from_env(), emit)
    return 0


class _SinkLines:
    """Print-sink rows to stdout (or stderr), one line at a time.

    When the reader goes away (`bailian-assets run job.sql | head -2`), the remaining rows are
    dropped quietly and the job goes on, so its other sinks are still written, and the exit
    status stays the job's: 0 when it succeeded, as for `git log | head` under `pipefail`
    rather than 141. The stream is pointed at /dev/null, so Python's last flush at exit finds
    no broken pipe either (see "Note on SIGPIPE" in the `signal` module's documentation)."""

    def __init__(self) -> None:
        self.closed: set[int] = set()

    def write(self, stream, line: str) -> None:
        if id(stream) in self.closed:
            return
        try:
            print(line, file=stream, flush=True)
        except BrokenPipeError:
            self.closed.add(id(stream))
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, stream.fileno())
            os.close(devnull)
            logging.getLogger("bailian_assets").debug(
                "the reader of %s went away: the rest of its print-sink rows are dropped",
                getattr(stream, "name", "the output"))


class _ProgressBar:
    """One line on the terminal, redrawn in place; cleared before anything else is written."""

    WIDTH = 30

    def __init__(self) -> None:
        self.shown = False

    def show(self, snapshot) -> None:
        done = snapshot.done / snapshot.total if snapshot.total else 1.0
        filled = int(self.WIDTH * done)
        line = f"[{'#' * filled}{'.' * (self.WIDTH - filled)}] {snapshot.describe()}"
        sys.stderr.write("\r\x1b[2K" + line)
        sys.stderr.flush()
        self.shown = True

    def clear(self) -> None:
        if self.shown:
            sys.stderr.write("\r\x1b[2K")
            sys.stderr.flush()
            self.shown = False

    def clear_before_log(self, record: logging.LogRecord) -> bool:
        self.clear()
        return True

    def wrap(self, emit):
        def emit_clearing(table, line: str) -> None:
            self.clear()
            emit(table, line)

        return emit_clearing


def _add_simulate(commands) -> None:
    simulate = commands.add_parser(
        "simulate", help="serve the Bailian-compatible simulator over HTTP",
        description="Serve /compatible-mode/v1/chat/completions and /embeddings with DashScope's "
                    "formats, per-model quotas, latency and faults; counters at "
                    "GET /simulator/stats.")
    simulate.add_argument("--host", default="127.0.0.1")
    simulate.add_argument("--port", type=int, default=8600)
    simulate.add_argument("--rpm", type=float, help="requests per minute per model")
    simulate.add_argument("--tpm", type=float, help="tokens per minute per model")
    simulate.add_argument("--latency-ms", type=float, default=0.0, help="mean latency")
    simulate.add_argument("--latency-spread", type=float, default=0.5,
                          help="sigma of the log-normal latency (default 0.5)")
    simulate.add_argument("--error-rate", type=float, default=0.0, help="500/503 answers")
    simulate.add_argument("--drop-rate", type=float, default=0.0, help="dropped connections")
    simulate.add_argument("--slow-rate", type=float, default=0.0,
                          help="answers held back for --slow-seconds")
    simulate.add_argument("--slow-seconds", type=float, default=600.0)
    simulate.add_argument("--malformed-rate", type=float, default=0.0,
                          help="invalid or truncated JSON")
    simulate.add_argument("--packed-fault-rate", type=float, default=0.0,
                          help="packed answers (several rows in one request) that drop, repeat "
                               "or reorder items")
    simulate.add_argument("--seed", type=int, default=0)
    simulate.add_argument("--no-retry-after", action="store_true",
                          help="send 429s without a Retry-After header")


def _simulate(args) -> int:
    import asyncio

    from bailian_assets.simulator.faults import FaultConfig
    from bailian_assets.simulator.quota import Quotas
    from bailian_assets.simulator.server import SimulatorServer
    from bailian_assets.simulator.service import BailianSimulator

    faults = FaultConfig(args.latency_ms, args.latency_spread, args.error_rate, args.drop_rate,
                         args.slow_rate, args.slow_seconds, args.malformed_rate, args.seed,
                         args.packed_fault_rate)
    simulator = BailianSimulator(Quotas(args.rpm, args.tpm), faults,
                                 retry_after=not args.no_retry_after)
    server = SimulatorServer(simulator, args.host, args.port)

    async def serve() -> None:
        await server.start()
        print(f"Bailian simulator listening on {server.url}", flush=True)
        print(f"  use it with: BAILIAN_BASE_URL={server.url}", flush=True)
        await server.serve_forever()

    try:
        asyncio.run(serve())
    except OSError as error:
        print(f"bailian-assets: error: cannot listen on {args.host}:{args.port}: "
              f"{error.strerror}", file=sys.stderr)
        return EXIT_FAILED
    return 0


def _configure_logging(verbose: bool) -> None:
    logging.basicConfig(level=logging.DEBUG if verbose else logging.INFO, stream=sys.stderr,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
                        datefmt="%H:%M:%S")
    logging.getLogger("httpx").setLevel(logging.DEBUG if verbose else logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
    for handler in logging.getLogger().handlers:
        handler.addFilter(ScrubbingFilter())  # any library's log line, httpx's URLs included


if __name__ == "__main__":
    sys.exit(main())
