"""`bailian-assets`: check SQL files, or run them without Dagster.

    bailian-assets check PATH...     exit 0 when every file is valid, 2 with the errors otherwise
    bailian-assets run FILE.sql      sink rows to stdout, logs to stderr

A mistake in the SQL or the data ends with a clear message and a non-zero exit, never a
traceback.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from bailian_assets.client.backend import backend_from_env
from bailian_assets.errors import BailianError, SqlError
from bailian_assets.executor.runner import run_project
from bailian_assets.planning.project import load_project, sql_files

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
    args = parser.parse_args(argv)
    _configure_logging(args.verbose)
    try:
        if args.command == "check":
            return _check(args.paths)
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
          f"{len(project.views)} views, {len(project.inserts)} INSERTs", file=sys.stderr)
    return 0


def _run(file: str) -> int:
    if not Path(file).is_file():
        print(f"bailian-assets: error: no such file: {file}", file=sys.stderr)
        return EXIT_INVALID
    project = load_project([file])
    if not project.inserts:
        print(f"bailian-assets: error: {file} has no INSERT statement to run", file=sys.stderr)
        return EXIT_INVALID

    def emit(table, line: str) -> None:
        stream = sys.stderr if table.options.get("standard-error") else sys.stdout
        print(line, file=stream, flush=True)

    run_project(project, backend_from_env(), emit)
    return 0


def _configure_logging(verbose: bool) -> None:
    logging.basicConfig(level=logging.DEBUG if verbose else logging.INFO, stream=sys.stderr,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
                        datefmt="%H:%M:%S")
    logging.getLogger("httpx").setLevel(logging.DEBUG if verbose else logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)


if __name__ == "__main__":
    sys.exit(main())
