"""What the UI shows for each asset and materialization: schema, code reference, preview,
provider, and the usage and cost of its ML_PREDICTs."""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Iterable

import dagster as dg
import polars as pl

from bailian_assets.client.backend import Backend
from bailian_assets.client.usage import Usage
from bailian_assets.executor.executor import ModelRun

PREVIEW_ROWS = 10
_PRIMITIVE = (str, int, float, bool, type(None))


def definition_metadata(columns: Iterable[tuple[str, object]], file: Path | None,
                        line: int) -> dict:
    """Column schema and the code reference (file and line) of an asset's SQL."""
    metadata: dict[str, object] = {
        "dagster/column_schema": dg.TableSchema(columns=[
            dg.TableColumn(name, str(t)) for name, t in columns]),
    }
    if file is not None:
        with warnings.catch_warnings():  # beta in 1.13, and the UI's way to link to source
            warnings.simplefilter("ignore", dg.BetaWarning)
            metadata["dagster/code_references"] = dg.CodeReferencesMetadataValue(
                code_references=[dg.LocalFileCodeReference(file_path=str(file),
                                                           line_number=line)])
    return metadata


def materialization_metadata(frame: pl.DataFrame, runs: list[ModelRun],
                             backend: Backend | None) -> dict:
    metadata: dict[str, object] = {
        "dagster/row_count": frame.height,
        "preview": _preview(frame.head(PREVIEW_ROWS)),
    }
    if backend is not None and runs:
        metadata["bailian/provider"] = backend.description
        metadata["bailian/endpoints"] = ", ".join(sorted({r.node.model.display_endpoint
                                                         for r in runs}))
    if runs:
        metadata.update(usage_metadata(runs))
    return metadata


def usage_metadata(runs: list[ModelRun]) -> dict:
    """The usage of all the asset's ML_PREDICTs together, and of each model apart."""
    total = Usage()
    for run in runs:
        total.add(run.usage)
    metadata: dict[str, object] = {f"usage/{k}": v for k, v in total.summary().items()
                                   if isinstance(v, (int, float))}
    costs = [run.node.model.cost(run.usage.prompt_tokens, run.usage.completion_tokens)
             for run in runs]
    if any(c is not None for c in costs):
        metadata["usage/estimated_cost"] = round(sum(c or 0.0 for c in costs), 6)
    if total.failure_reasons:
        metadata["usage/failure_reasons"] = dg.MetadataValue.json(dict(total.failure_reasons))
    metadata["usage/by_model"] = dg.MetadataValue.json(
        {run.node.model.name: run.usage.summary() for run in runs})
    return metadata


def _preview(frame: pl.DataFrame) -> dg.TableMetadataValue:
    def cell(value: object) -> object:
        if isinstance(value, _PRIMITIVE):
            return value if not isinstance(value, str) or len(value) <= 200 else value[:197] + "..."
        text = str(value)
        return text if len(text) <= 80 else text[:77] + "..."

    records = [dg.TableRecord({k: cell(v) for k, v in row.items()})
               for row in frame.iter_rows(named=True)]
    schema = dg.TableSchema(columns=[dg.TableColumn(name, str(dtype))
                                     for name, dtype in frame.schema.items()])
    return dg.MetadataValue.table(records, schema)
