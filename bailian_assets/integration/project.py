"""The project of a SQL folder, loaded once per process and shared by definitions and IO
managers (a run worker re-imports the code location; the IO manager then finds it here)."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Mapping

from bailian_assets.planning.project import Project, load_project


def cached_project(sql_dir: str | os.PathLike, environ: Mapping[str, str] | None = None
                   ) -> Project:
    if environ is not None:
        return load_project([sql_dir], environ=environ, display_root=sql_dir)
    return _load(str(Path(sql_dir).resolve()))


@lru_cache(maxsize=8)
def _load(sql_dir: str) -> Project:
    return load_project([sql_dir], display_root=sql_dir)
