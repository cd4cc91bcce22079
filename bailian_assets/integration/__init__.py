"""The Dagster integration: the outer layer, the only part of the package that imports dagster."""

from bailian_assets.integration.definitions import build_definitions
from bailian_assets.integration.io_managers import PolarsParquetIOManager, TableIOManager
from bailian_assets.integration.partitions import register_partitions
from bailian_assets.integration.resources import BailianModelResource

__all__ = [
    "BailianModelResource",
    "PolarsParquetIOManager",
    "TableIOManager",
    "build_definitions",
    "register_partitions",
]
