"""The ML_PREDICT operator: a frame in, the same rows out with the model's columns appended.

NULL or empty inputs are not sent and keep NULL outputs; rows that fail under IGNORE keep NULL
outputs and, when OUTPUT declares them, Flink's `error-string` / `http-status-code` columns say
why. Nothing is dropped: rows out = rows in (times `n` choices when the model asks for several).
"""

from __future__ import annotations

import asyncio
from typing import Callable

import polars as pl

from bailian_assets.client.backend import Backend
from bailian_assets.client.client import ModelClient, ModelConfig, Prediction
from bailian_assets.client.usage import Usage
from bailian_assets.executor.dtypes import to_polars
from bailian_assets.planning.models import ModelSpec, RuntimeConfig
from bailian_assets.planning.plan import MlPredict

ClientFactory = Callable[[ModelSpec, RuntimeConfig], ModelClient]


def model_config(spec: ModelSpec) -> ModelConfig:
    return ModelConfig(
        name=spec.name, task=spec.task, endpoint=spec.endpoint, api_key=spec.api_key,
        model=spec.model, system_prompt=spec.system_prompt, request=dict(spec.request),
        error_handling=spec.error_handling, retry_num=spec.retry_num,
        retry_fallback=spec.retry_fallback,
    )


def client_factory(backend: Backend) -> ClientFactory:
    """Clients for models, all talking to `backend` (the simulator or the real service)."""

    def make(spec: ModelSpec, config: RuntimeConfig) -> ModelClient:
        return ModelClient(model_config(spec), transport=backend.transport,
                           max_concurrency=config.max_concurrent_operations,
                           row_timeout=config.timeout)

    return make


def run_ml_predict(frame: pl.DataFrame, node: MlPredict,
                   clients: ClientFactory) -> tuple[pl.DataFrame, Usage]:
    client = clients(node.model, node.config)
    texts = frame.get_column(node.input_column).cast(pl.String).to_list()
    predictions, usage = asyncio.run(client.predict(texts))
    output, *metadata = node.output_fields
    columns = [pl.Series(output.column, [p.value for p in predictions],
                         dtype=_output_dtype(node, output))]
    for field, (_, kind) in zip(metadata, node.model.metadata_columns):
        columns.append(pl.Series(field.column, [_metadata(p, kind) for p in predictions],
                                 dtype=to_polars(field.type)))
    result = frame.with_columns(columns)
    if int(node.model.request.get("n", 1)) > 1:
        result = result.explode(output.column)
    return result, usage


def _output_dtype(node: MlPredict, output) -> pl.DataType:
    dtype = to_polars(output.type)
    return pl.List(dtype) if int(node.model.request.get("n", 1)) > 1 else dtype


def _metadata(prediction: Prediction, kind: str) -> object:
    return prediction.error if kind == "error-string" else prediction.status
