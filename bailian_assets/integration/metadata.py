"""What the UI shows for each asset and materialization.

Definitions: the column schema with the SQL COMMENTs as descriptions, a code reference (file
and line), `dagster/uri` of a filesystem table; the asset factory adds column lineage.
Materializations, one per partition: row count, a preview of the first rows (vectors
summarized), the partition and the folder written, where model calls went, and the usage and
cost of the partition's ML_PREDICTs.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

import dagster as dg
import polars as pl

from bailian_assets.client.usage import Usage
from bailian_assets.planning.models import ModelSpec

if TYPE_CHECKING:
    from bailian_assets.client.backend import Backend
    from bailian_assets.executor.executor import ModelRun

PREVIEW_ROWS = 10
VECTOR_VALUES_SHOWN = 4


def definition_metadata(
    columns: Iterable, file: Path | None, line: int, location: Path | None = None
) -> dict:
    """Column schema (COMMENTs as descriptions), the code reference of the asset's SQL and,
    for a filesystem table, its folder as `dagster/uri`. `columns`: translator Columns."""
    metadata: dict[str, object] = {
        "dagster/column_schema": dg.TableSchema(
            columns=[dg.TableColumn(c.name, c.type, description=c.description) for c in columns]
        ),
    }
    if file is not None:
        with warnings.catch_warnings():  # beta in 1.13, and the UI's way to link to source
            warnings.simplefilter("ignore", dg.BetaWarning)
            metadata["dagster/code_references"] = dg.CodeReferencesMetadataValue(
                code_references=[dg.LocalFileCodeReference(file_path=str(file), line_number=line)]
            )
    if location is not None:
        metadata["dagster/uri"] = dg.MetadataValue.url(location.as_uri())
    return metadata


def materialization_metadata(
    frame: pl.DataFrame,
    runs: list[ModelRun],
    backend: Backend | None,
    models: Mapping[str, ModelSpec] | None = None,
    partition: str | None = None,
) -> dict:
    """The metadata of one materialization (of one partition, when `partition` is given).
    `models`: the models as the run used them (launchpad overrides applied), by name."""
    metadata: dict[str, object] = {"dagster/row_count": frame.height}
    if partition is not None:
        metadata["bailian/partition"] = partition
    metadata["preview"] = preview(frame.head(PREVIEW_ROWS))
    if backend is not None and runs:
        metadata["bailian/provider"] = backend.description
        metadata["bailian/endpoints"] = (
            "none: the built-in simulator answered in-process"
            if backend.simulated
            else ", ".join(sorted({_model(r, models).display_endpoint for r in runs}))
        )
    if runs:
        metadata.update(usage_metadata(runs, models))
    return metadata


def folder_metadata(folder: Path) -> dict:
    """Where a filesystem sink's rows (of one partition) were written."""
    folder = folder.resolve()
    return {
        "path": dg.MetadataValue.path(str(folder)),
        "dagster/uri": dg.MetadataValue.url(folder.as_uri()),
    }


def _model(run: ModelRun, models: Mapping[str, ModelSpec] | None) -> ModelSpec:
    return (models or {}).get(run.node.model.name, run.node.model)


def usage_metadata(runs: list[ModelRun], models: Mapping[str, ModelSpec] | None = None) -> dict:
    """The usage of the ML_PREDICTs together, of each model apart, and the cost."""
    total = Usage()
    for run in runs:
        total.add(run.usage)
    metadata: dict[str, object] = {
        f"usage/{k}": v for k, v in total.summary().items() if isinstance(v, (int, float))
    }
    metadata.update(cost_metadata(runs, models))
    if total.failure_reasons:
        metadata["usage/failure_reasons"] = dg.MetadataValue.json(dict(total.failure_reasons))
    metadata["usage/by_model"] = dg.MetadataValue.json(
        {run.node.model.name: run.usage.summary() for run in runs}
    )
    return metadata


def cost_metadata(runs: list[ModelRun], models: Mapping[str, ModelSpec] | None) -> dict:
    """The estimated cost at the prices the models declare, with its currency."""
    specs = [_model(run, models) for run in runs]
    costs = [
        spec.cost(run.usage.prompt_tokens, run.usage.completion_tokens)
        for spec, run in zip(specs, runs, strict=True)
    ]
    if all(c is None for c in costs):
        return {}
    currencies = sorted(
        {spec.price_currency or "" for spec, c in zip(specs, costs, strict=True) if c is not None}
    )
    currency = currencies[0] if len(currencies) == 1 and currencies[0] else None
    metadata: dict[str, object] = {"usage/estimated_cost": round(sum(c or 0.0 for c in costs), 6)}
    metadata["usage/currency"] = currency or (
        "mixed: " + ", ".join(c or "undeclared" for c in currencies)
        if len(currencies) > 1
        else "undeclared (set 'price.currency' on the model)"
    )
    return metadata


def preview(frame: pl.DataFrame) -> dg.TableMetadataValue:
    """The rows as a table; long texts cut, vectors summarized (dimension, norm, first values)."""
    records = [
        dg.TableRecord({k: _cell(v) for k, v in row.items()}) for row in frame.iter_rows(named=True)
    ]
    schema = dg.TableSchema(
        columns=[dg.TableColumn(name, str(dtype)) for name, dtype in frame.schema.items()]
    )
    return dg.MetadataValue.table(records, schema)


def _cell(value: object) -> str | int | float | None:
    if value is None or isinstance(value, (str, int, float)):  # bool is an int
        return value if not isinstance(value, str) or len(value) <= 200 else value[:197] + "..."
    if isinstance(value, list) and value and all(isinstance(v, (int, float)) for v in value):
        return summarize_vector(value)
    text = str(value)
    return text if len(text) <= 80 else text[:77] + "..."


def summarize_vector(values: list) -> str:
    """`dim 512, norm 1.000, [0.0123, -0.0456, 0.0789, 0.0012, ...]`."""
    norm = math.sqrt(sum(float(v) * float(v) for v in values))
    shown = ", ".join(f"{float(v):.4f}" for v in values[:VECTOR_VALUES_SHOWN])
    more = ", ..." if len(values) > VECTOR_VALUES_SHOWN else ""
    return f"dim {len(values)}, norm {norm:.3f}, [{shown}{more}]"
