"""The Dagster code location: every SQL file in $BAILIAN_SQL_DIR (default: the repo's sql/)."""

import sys
from pathlib import Path

from bailian_assets.errors import SqlError
from bailian_assets.integration import build_definitions, default_sql_dir

SQL_DIR = default_sql_dir(fallback=lambda: Path(__file__).resolve().parent.parent / "sql")

try:
    defs = build_definitions(SQL_DIR)
except SqlError as error:
    # A mistake in the user's SQL gets the located report, not a Python traceback. Under
    # `dagster dev` the code server must raise for the UI to show the message; on the command
    # line (`dagster asset materialize ...`) a clean report and exit status 2 serve better.
    if {"grpc", "code-server"} & set(sys.argv):
        raise SqlError(error.diagnostics) from None
    print(error.report(), file=sys.stderr)
    raise SystemExit(2) from None
