"""The Dagster code location: every component under this folder, loaded by dg's own loader.

`defs/bailian/defs.yaml` makes the repository's `sql/` (or $BAILIAN_SQL_DIR) a
`FlinkSqlComponent`; `dg scaffold defs bailian_assets.FlinkSqlComponent NAME` adds more folders
beside it. Under `dg dev` a SQL file with errors leaves the rest loaded and shows its errors on
an asset of its own; on the command line (`dg launch`, `dg check defs`) the load stops with the
located report and exit status 2, as `bailian-assets check` does.
"""

import sys
from pathlib import Path

import dagster as dg

from bailian_assets.errors import SqlError


def _sql_error(error: BaseException) -> SqlError | None:
    """The SqlError behind the error dagster wraps it in, if there is one."""
    seen: BaseException | None = error
    while seen is not None and not isinstance(seen, SqlError):
        seen = seen.__cause__ or seen.__context__
    return seen


try:
    defs = dg.load_from_defs_folder(path_within_project=Path(__file__).resolve().parent.parent)
except Exception as error:
    found = _sql_error(error)
    if found is None:
        raise
    print(found.report(), file=sys.stderr)
    raise SystemExit(2) from None
