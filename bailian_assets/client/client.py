"""The model client: Bailian's OpenAI-compatible API over httpx (async), with retries.

`ModelClient.predict(texts)` answers a column of inputs: NULL/empty inputs are not sent,
identical inputs are sent once, requests run concurrently (up to `max_concurrency` in flight),
embedding inputs go `batch_size` to a request. Each row ends answered or failed, never lost:
Flink's `error-handling-strategy` decides between retrying, failing the job (FAILOVER) and
keeping the row with NULL output (IGNORE). The API key goes into the Authorization header and
nowhere else; error texts are scrubbed of it.
"""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass, field
from typing import Awaitable, Callable, Mapping, Sequence

import httpx

from bailian_assets.client.retry import RetryPolicy, parse_retry_after, should_retry
from bailian_assets.client.usage import Usage
from bailian_assets.errors import ModelCallError
from bailian_assets.secrets import Secret

log = logging.getLogger("bailian_assets.client")

CHAT, EMBEDDING = "chat", "embedding"


@dataclass(frozen=True)
class ModelConfig:
    """What the client needs to know about one model."""

    name: str  # the SQL name, for messages
    task: str  # chat | embedding
    endpoint: str
    api_key: Secret
    model: str
    system_prompt: str = "You are a helpful assistant."
    request: Mapping[str, object] = field(default_factory=dict)
    error_handling: str = "RETRY"  # RETRY | FAILOVER | IGNORE
    retry_num: int = 100
    retry_fallback: str = "FAILOVER"  # FAILOVER | IGNORE
    batch_size: int = 10  # inputs per embeddings request


@dataclass(frozen=True)
class Prediction:
    """One row's outcome: `value` (str, list of str when n > 1, or a vector) or an error."""

    value: object = None
    error: str | None = None
    status: int | None = None


class _AttemptFailed(Exception):
    def __init__(self, reason: str, status: int | None = None, retry_after: float | None = None):
        super().__init__(reason)
        self.reason = reason
        self.status = status
        self.retry_after = retry_after


class ModelClient:
    def __init__(
        self,
        config: ModelConfig,
        *,
        transport: httpx.AsyncBaseTransport | None = None,
        max_concurrency: int = 10,
        row_timeout: float = 180.0,
        request_timeout: float = 60.0,
        retry: RetryPolicy = RetryPolicy(),
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ):
        self.config = config
        self.transport = transport
        self.max_concurrency = max_concurrency
        self.row_timeout = row_timeout
        self.request_timeout = request_timeout
        self.retry = retry
        self.sleep = sleep

    # ------------------------------------------------------------ public

    async def predict(self, texts: Sequence[str | None]) -> tuple[list[Prediction], Usage]:
        """Answer every row. Raises ModelCallError when a row fails under FAILOVER."""
        usage = Usage(rows=len(texts))
        results = [Prediction() for _ in texts]
        unique: dict[str, list[int]] = {}
        for index, text in enumerate(texts):
            if text is None or text == "":
                usage.rows_skipped += 1
            else:
                unique.setdefault(text, []).append(index)
        usage.rows_sent = len(texts) - usage.rows_skipped
        inputs = list(unique)
        size = self.config.batch_size if self.config.task == EMBEDDING else 1
        batches = [inputs[i : i + size] for i in range(0, len(inputs), size)]
        queue: asyncio.Queue[list[str]] = asyncio.Queue()
        for batch in batches:
            queue.put_nowait(batch)
        limits = httpx.Limits(max_connections=self.max_concurrency,
                              max_keepalive_connections=self.max_concurrency)
        async with httpx.AsyncClient(transport=self.transport, limits=limits,
                                     timeout=self.request_timeout) as http:
            workers = [self._worker(http, queue, unique, results, usage)
                       for _ in range(min(self.max_concurrency, max(1, len(batches))))]
            await asyncio.gather(*workers)
        return results, usage

    # ------------------------------------------------------------ internals

    async def _worker(self, http, queue, unique, results, usage: Usage) -> None:
        while not queue.empty():
            batch = queue.get_nowait()
            try:
                async with asyncio.timeout(self.row_timeout):
                    values = await self._with_retries(http, batch, usage)
                outcomes = [Prediction(v) for v in values]
            except (_AttemptFailed, TimeoutError) as error:
                if isinstance(error, TimeoutError):
                    error = _AttemptFailed(f"timed out after {self.row_timeout:g} s "
                                           "(all retries of the row included)")
                outcomes = self._give_up(batch, unique, error, usage)
            for text, outcome in zip(batch, outcomes):
                for index in unique[text]:
                    results[index] = outcome

    def _give_up(self, batch, unique, error: _AttemptFailed, usage: Usage) -> list[Prediction]:
        strategy = self.config.error_handling
        if strategy == "RETRY":
            strategy = self.config.retry_fallback
        if strategy == "FAILOVER":
            row = min(unique[batch[0]]) + 1
            raise ModelCallError(f"model '{self.config.name}' failed on row {row}: "
                                 f"{error.reason}", status=error.status)
        usage.rows_failed += sum(len(unique[text]) for text in batch)
        usage.failure_reasons[error.reason] += sum(len(unique[text]) for text in batch)
        return [Prediction(None, error.reason, error.status) for _ in batch]

    async def _with_retries(self, http, batch: list[str], usage: Usage) -> list[object]:
        retries_left = self.config.retry_num if self.config.error_handling == "RETRY" else 0
        delays = self.retry.delays()
        while True:
            try:
                return await self._attempt(http, batch, usage)
            except _AttemptFailed as failure:
                if retries_left <= 0 or not should_retry(failure.status):
                    raise
                retries_left -= 1
                usage.retries += 1
                wait = self.retry.wait(delays, failure.retry_after)
                log.debug("model %s: %s; retrying in %.2f s", self.config.name, failure.reason,
                          wait)
                await self.sleep(wait)

    async def _attempt(self, http: httpx.AsyncClient, batch: list[str], usage: Usage):
        body = self._body(batch)
        headers = {"Authorization": f"Bearer {self.config.api_key.reveal()}"}
        usage.requests += 1
        started = time.perf_counter()
        try:
            response = await http.post(self.config.endpoint, json=body, headers=headers)
        except httpx.TimeoutException:
            raise _AttemptFailed(f"request timed out after {self.request_timeout:g} s") from None
        except httpx.TransportError as error:
            raise _AttemptFailed(f"connection error: {type(error).__name__}") from None
        if response.status_code != 200:
            if response.status_code == 429:
                usage.throttled += 1
            raise _AttemptFailed(self._describe_error(response), response.status_code,
                                 parse_retry_after(response.headers))
        try:
            payload = response.json()
            values = self._parse(payload, len(batch))
        except (ValueError, KeyError, TypeError, IndexError) as error:
            # no usable answer, as if the connection had dropped: worth another try
            raise _AttemptFailed(f"malformed response: {self._scrub(str(error))[:200]}"
                                 ) from None
        usage.latencies.append(time.perf_counter() - started)
        tokens = payload.get("usage") or {}
        usage.prompt_tokens += int(tokens.get("prompt_tokens") or 0)
        usage.completion_tokens += int(tokens.get("completion_tokens") or 0)
        return values

    def _body(self, batch: list[str]) -> dict:
        body: dict[str, object] = {"model": self.config.model}
        if self.config.task == CHAT:
            body["messages"] = [
                {"role": "system", "content": self.config.system_prompt},
                {"role": "user", "content": batch[0]},
            ]
        else:
            body["input"] = batch
            body["encoding_format"] = "float"
        body.update(self.config.request)
        return body

    def _parse(self, payload: dict, count: int) -> list[object]:
        if self.config.task == CHAT:
            choices = sorted(payload["choices"], key=lambda c: c.get("index", 0))
            contents = [c["message"]["content"] for c in choices]
            if not contents:
                raise ValueError("the answer has no choices")
            return [contents if int(self.config.request.get("n", 1)) > 1 else contents[0]]
        data = sorted(payload["data"], key=lambda d: d["index"])
        if len(data) != count:
            raise ValueError(f"{len(data)} embeddings for {count} inputs")
        vectors = [[float(x) for x in item["embedding"]] for item in data]
        expected = self.config.request.get("dimensions")
        for vector in vectors:
            if expected is not None and len(vector) != expected:
                raise ValueError(f"an embedding of length {len(vector)}, expected {expected}")
        return vectors

    def _describe_error(self, response: httpx.Response) -> str:
        text = f"HTTP {response.status_code}"
        try:
            error = response.json().get("error") or {}
            code, message = error.get("code"), error.get("message")
        except (ValueError, AttributeError):
            code, message = None, response.text[:200]
        if code:
            text += f" {code}"
        if message:
            text += f": {message}"
        return self._scrub(text)

    def _scrub(self, text: str) -> str:
        key = self.config.api_key.reveal()
        return text.replace(key, "******") if key else text

