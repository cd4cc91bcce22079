"""The ML_PREDICT operator: a frame in, the same rows out with the model's columns appended.

Where Flink's openai provider drops a row, we keep it, with NULL outputs, and count it (a
deliberate extension: nothing is lost silently; `WHERE <output> IS NOT NULL` after ML_PREDICT
gives Flink's rows exactly):
- a NULL input is not sent (counted as skipped);
- an input over 'max-context-size' with 'context-overflow-action' = 'skipped[-log]' is not sent
  (counted as skipped); the truncating actions cut it and send it (`within_context`);
- a row that fails under IGNORE (or RETRY's IGNORE fallback) is counted as failed; when OUTPUT
  declares them, the `error-string` / `http-status-code` columns say why.
An empty text is sent, as Flink sends it. Rows out = rows in (times `n` choices when the
model asks for several).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import SupportsInt, cast

import polars as pl

from bailian_assets.client.backend import Backend
from bailian_assets.client.budget import Allowance, RunBudgets
from bailian_assets.client.cache import open_cache
from bailian_assets.client.client import ModelClient, ModelConfig, Prediction
from bailian_assets.client.progress import Snapshot
from bailian_assets.client.retry import RetryPolicy
from bailian_assets.client.usage import Usage
from bailian_assets.errors import ModelCallError
from bailian_assets.executor.dtypes import to_polars
from bailian_assets.planning.functions import variant
from bailian_assets.planning.models import ModelSpec, RuntimeConfig
from bailian_assets.planning.plan import MlPredict
from bailian_assets.secrets import Secret
from bailian_assets.tokens import count_tokens, truncate

log = logging.getLogger(__name__)

SIMULATOR_KEY = "sk-simulator"  # what a model without a key sends the simulator

ClientFactory = Callable[[ModelSpec, RuntimeConfig], ModelClient]
CHUNK_ROWS = 8192
CHUNK_FLOATS = 1 << 20  # embedding values held as Python floats at once


def model_config(spec: ModelSpec, api_key: Secret | None = None) -> ModelConfig:
    return ModelConfig(
        name=spec.name,
        task=spec.task,
        endpoint=spec.endpoint,
        api_key=api_key or spec.api_key,
        model=spec.model,
        system_prompt=spec.system_prompt,
        user_prompt=spec.user_prompt,
        request=dict(spec.request),
        headers=dict(spec.headers),
        error_handling=spec.error_handling,
        retry_num=spec.retry_num,
        retry_fallback=spec.retry_fallback,
        batch_size=spec.batch_size,
        max_context=spec.max_context,
        labels=spec.labels,
        price_input=spec.price_input,
        price_output=spec.price_output,
        rate_limit_rpm=spec.rate_limit_rpm,
        rate_limit_tpm=spec.rate_limit_tpm,
        cache=spec.cache,
        # values of other options that came from ${secret_values...}, once planning gives them
        secrets=spec.secrets,
        answer_check=answer_check(spec),
        content_type=spec.content_type,
    )


def answer_check(spec: ModelSpec) -> Callable[[object], str | None] | None:
    """How the client checks an answer before using or caching it: an AI function's shape,
    or, for a VARIANT output, that the answer is JSON."""
    if spec.answer_shape is not None:
        return spec.answer_shape.check
    if spec.task == "chat" and spec.output_column.type.name == "VARIANT":
        return _variant_problem
    return None


def _variant_problem(value: object) -> str | None:
    for text in value if isinstance(value, list) else [value]:
        try:
            variant.canonical(str(text), allow_duplicate_keys=True)
        except variant.VariantError as error:
            return f"the answer is not a VARIANT: {error}"
    return None


def make_client(
    spec: ModelSpec,
    config: RuntimeConfig,
    backend: Backend,
    *,
    api_key: Secret | None = None,
    on_progress: Callable[[Snapshot], None] | None = None,
    progress_interval: float = 10.0,
    on_warning: Callable[[str], None] | None = None,
    budgets: RunBudgets | None = None,
) -> ModelClient:
    """The one way a model client is made, for the command line and Dagster alike.
    `on_warning` gets the client's warnings (a service that cannot be reached, a cache folder
    that cannot be used); by default they go to the log. `budgets`: the run's, shared by its
    ML_PREDICTs (by default this client's own)."""
    # Flink's 'async' = 'false' means one row at a time
    concurrency = config.max_concurrent_operations if config.run_async else 1
    api_key = _usable_key(spec, api_key or spec.api_key, backend)
    return ModelClient(
        model_config(spec, api_key),
        transport=backend.transport,
        backend="simulator" if backend.simulated else "http",
        max_concurrency=concurrency,
        row_timeout=config.timeout,
        retry=RetryPolicy.from_backoff(spec.backoff),
        cache=open_cache() if spec.cache else None,
        on_progress=on_progress,
        progress_interval=progress_interval,
        on_warning=on_warning,
        budget=allowance(spec, config, budgets or RunBudgets()),
    )


def allowance(spec: ModelSpec, config: RuntimeConfig, budgets: RunBudgets) -> Allowance | None:
    """What a client may spend: the model's 'budget.*' options and the job's SET ones."""
    return budgets.allowance(
        spec.name,
        (spec.budget_tokens, spec.budget_cost),
        (config.budget_tokens, config.budget_cost),
    )


def _usable_key(spec: ModelSpec, api_key: Secret, backend: Backend) -> Secret:
    """The key to send. A model without one (a built-in model while DASHSCOPE_API_KEY is
    unset) may still use the simulator, which wants some bearer key; the service is never
    called without one."""
    if api_key.reveal().strip():
        return api_key
    if backend.simulated:
        return Secret(SIMULATOR_KEY)
    why = (
        f"it is read from {api_key.env}, which is not set"
        if api_key.env
        else "its 'api-key' is empty"
    )
    raise ModelCallError(
        f"model '{spec.name}' has no API key: {why} (calls would go to the {backend.description})"
    )


def client_factory(
    backend: Backend,
    on_progress: Callable[[Snapshot], None] | None = None,
    progress_interval: float = 10.0,
) -> ClientFactory:
    """Clients for models, all talking to `backend` (the simulator or the real service);
    their warnings go to the log. The clients of one factory are one run's: they spend from
    the same budgets."""
    budgets = RunBudgets()

    def make(spec: ModelSpec, config: RuntimeConfig) -> ModelClient:
        return make_client(
            spec,
            config,
            backend,
            on_progress=on_progress,
            progress_interval=progress_interval,
            budgets=budgets,
        )

    return make


def run_ml_predict(
    frame: pl.DataFrame, node: MlPredict, clients: ClientFactory
) -> tuple[pl.DataFrame, Usage]:
    """Answer `frame` chunk by chunk: Python objects for one chunk at a time, the rest in
    Polars' own memory (a partition of 100,000 embeddings stays well under a gigabyte)."""
    client = clients(node.model, node.config)
    usage = Usage()
    progress = client.progress_for(frame.height)
    rows = _chunk_rows(node)

    async def answer_chunks() -> list[pl.DataFrame]:
        parts = []
        async with client.session():
            for start in range(0, max(frame.height, 1), rows):
                chunk = frame.slice(start, rows)
                texts = within_context(
                    chunk.get_column(node.input_column).cast(pl.String).to_list(),
                    node.model,
                    start + 1,
                )
                predictions, chunk_usage = await client.predict(texts, progress, start + 1)
                usage.add(chunk_usage)
                parts.append(chunk.with_columns(_output_columns(node, predictions)))
        return parts

    parts = asyncio.run(answer_chunks())
    progress.finish()
    result = pl.concat(parts) if len(parts) > 1 else parts[0]
    if _choices(node) > 1:
        result = result.explode(node.output_fields[0].column)
    return result, usage


def within_context(
    texts: list[str | None], spec: ModelSpec, first_row: int = 1
) -> list[str | None]:
    """The inputs as 'max-context-size' and 'context-overflow-action' make them (Flink's
    openai provider): an input of more tokens is cut at its tail or head, or not sent (its row
    is kept with NULL output and counted as skipped, where Flink drops it). Tokens are the
    project's estimate (tokens.py), for every model: Flink counts with the model's own
    tokenizer and fails a qwen model, for which it has none."""
    limit = spec.max_context
    if limit is None:
        return texts
    action = spec.context_overflow
    out: list[str | None] = []
    for row, text in enumerate(texts, first_row):
        tokens = count_tokens(text) if text else 0
        if tokens <= limit:
            out.append(text)
            continue
        if action.endswith("-log"):
            log.info(
                "model '%s', row %d: context overflowed (threshold: %d, actual: about "
                "%d tokens): %s",
                spec.name,
                row,
                limit,
                tokens,
                _DOES[action[:-4]],
            )
        if action.startswith("skipped"):
            out.append(None)
        else:
            assert text is not None  # a NULL text has no tokens: within the limit
            out.append(
                truncate(
                    text,
                    limit,
                    keep_end=action.startswith("truncated-head"),
                )
            )
    return out


_DOES = {
    "truncated-tail": "truncating the tail of input",
    "truncated-head": "truncating the head of input",
    "skipped": "skipping input",
}


def _chunk_rows(node: MlPredict) -> int:
    if node.model.task == "embedding":
        # models.py checked 'dimensions' is an integer
        dimension = int(cast(SupportsInt, node.model.request.get("dimensions") or 1024))
        rows = max(64, min(CHUNK_ROWS, CHUNK_FLOATS // dimension))
        batch = node.model.batch_size
        assert isinstance(batch, int), "models.py refuses 'auto' for an embedding model"
        return rows - rows % batch  # whole batches: no half-empty requests
    return CHUNK_ROWS


def _output_columns(node: MlPredict, predictions: list[Prediction]) -> list[pl.Series]:
    shape = node.model.answer_shape
    if shape is not None:  # an AI function: its checked answer read into its columns
        rows = [shape.parse(p.value) if p.value is not None else None for p in predictions]
        return [
            pl.Series(f.column, [row[i] if row else None for row in rows], dtype=to_polars(f.type))
            for i, f in enumerate(node.output_fields)
        ]
    output, *metadata = node.output_fields
    columns = [
        pl.Series(
            output.column,
            [_value(node, p.value) for p in predictions],
            dtype=_output_dtype(node, output),
        )
    ]
    for field, (_, kind) in zip(metadata, node.model.metadata_columns, strict=False):
        columns.append(
            pl.Series(
                field.column, [_metadata(p, kind) for p in predictions], dtype=to_polars(field.type)
            )
        )
    return columns


def _value(node: MlPredict, value: object) -> object:
    """A VARIANT output holds the (checked) answer as canonical JSON."""
    if value is None or node.model.output_column.type.name != "VARIANT":
        return value
    if isinstance(value, list):
        return [variant.canonical(str(v), allow_duplicate_keys=True) for v in value]
    return variant.canonical(str(value), allow_duplicate_keys=True)


def _output_dtype(node: MlPredict, output) -> pl.DataType:
    dtype = to_polars(output.type)
    return pl.List(dtype) if _choices(node) > 1 else dtype


def _choices(node: MlPredict) -> int:
    """The answers the model gives each row (the request's `n`; models.py checked it is an
    integer)."""
    return int(cast(SupportsInt, node.model.request.get("n", 1)))


def _metadata(prediction: Prediction, kind: str) -> object:
    return prediction.error if kind == "error-string" else prediction.status
