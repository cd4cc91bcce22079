"""Partition folder names: see `planning.partition_path` (there, so that `check` can refuse a
partition column whose folder name could not exist, with the same escaping the writer uses)."""

from bailian_assets.planning.partition_path import (  # noqa: F401
    DEFAULT_PARTITION, MAX_NAME_BYTES, escape, folder_name, folder_part_problem,
    parse_folder_name, prefix, unescape,
)
