"""The Dagster code location: every SQL file in $BAILIAN_SQL_DIR (default: the repo's sql/)."""

from pathlib import Path

from bailian_assets.integration import build_definitions, default_sql_dir

SQL_DIR = default_sql_dir(fallback=lambda: Path(__file__).resolve().parent.parent / "sql")

defs = build_definitions(SQL_DIR)
