"""Connectors: what a `CREATE TABLE ... WITH ('connector' = ...)` table is, and how its rows are
read and written, behind one interface (`Connector`) found by name in a registry.

Built in (`bailian_assets/connectors/`, one module each): `filesystem` (csv, json lines,
parquet; Hive-style `col=value/` partition folders; source and sink), `print` (Flink's options
plus VVR's `logger`) and `blackhole`, both sinks only.

How to add a connector (one new module):
  1. In `bailian_assets/connectors/<name>.py`, subclass `Connector`: set `name`, `options` (an
     `OptionSpec` per option: key, type, default, required; the registry refuses the unknown
     ones, types and checks the rest), and `source` / `sink` / `partitioned` for what it can.
  2. Planning side: override `check` for what its options and columns cannot be together
     (a located `Problem`, never an exception), `locate` if its data lives on disk, and
     `sink_problem` for a sink target that can never be right.
  3. Executor side: `scan` returns the rows as a Polars LazyFrame (use
     `polars.io.plugins.register_io_source` to receive the query's projection and filter);
     `write` keeps a job's rows; `check_writable` refuses, before any model is paid, a sink
     that cannot be written.
  4. End the module with `CONNECTOR = YourConnector()`: it is found on the first look-up. A
     connector defined elsewhere (a plugin, a test) calls `register(YourConnector())` instead.
`tests/test_connectors.py` registers a toy connector from the test module to show the seam.

Planning code reaches a connector only through `connector_named`/`connector_of`; no code
outside a connector's own module compares connector names.
"""

from bailian_assets.planning.connectors.connector import (
    Connector,
    connector_named,
    connector_names,
    connector_of,
    register,
    unregister,
)
from bailian_assets.planning.connectors.paths import (
    location_problem,
    path_kind_problem,
    sink_path_problem,
)
from bailian_assets.planning.connectors.table import TableSpec, build_table, with_options

__all__ = [
    "Connector",
    "TableSpec",
    "build_table",
    "connector_named",
    "connector_names",
    "connector_of",
    "location_problem",
    "path_kind_problem",
    "register",
    "sink_path_problem",
    "unregister",
    "with_options",
]
