"""The model client: Bailian's OpenAI-compatible API over httpx (async), at the speed of the quota.

`ModelClient.predict(texts)` answers a column of inputs:

- NULL/empty inputs are not sent; identical inputs are sent once; answers already in the cache
  are not sent at all, and new answers are cached as they arrive;
- embedding inputs go `batch_size` to a request;
- requests start when the pacer says (at a known quota, or at the quota it finds), with up to
  `max_concurrency` in flight; retries honour Retry-After;
- each row ends answered or failed, never lost: Flink's `error-handling-strategy` decides between
  retrying, failing the job (FAILOVER) and keeping the row with NULL output (IGNORE).

The API key goes into the Authorization header and nowhere else; error texts are scrubbed of it.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
import time
from dataclasses import dataclass, field
from typing import AsyncIterator, Awaitable, Callable, Mapping, Sequence

import httpx

from bailian_assets.client.cache import (
    ResponseCache, cache_key, default_cache_dir, request_fingerprint,
)
from bailian_assets.client.pacer import Pacer, pacer_for
from bailian_assets.client.progress import Progress, Snapshot
from bailian_assets.client.retry import RetryPolicy, parse_retry_after, should_retry
from bailian_assets.client.usage import Usage
from bailian_assets.errors import ModelCallError
from bailian_assets.secrets import Secret

log = logging.getLogger("bailian_assets.client")

CHAT, EMBEDDING = "chat", "embedding"
AUTO_CONCURRENCY = 128  # in flight when the user sets no cap: the pacer sets the pace
_WORD = re.compile(r"[A-Za-z0-9']+|[\u3400-\u9fff\uf900-\ufaff]|[^\w\s]")


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
    rate_limit_rpm: float | None = None
    rate_limit_tpm: float | None = None
    cache: bool = True


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


def estimate_tokens(text: str) -> int:
    """About what Qwen's tokenizer counts: a token per CJK character, word or mark."""
    return max(1, len(_WORD.findall(text)))


class ModelClient:
    def __init__(
        self,
        config: ModelConfig,
        *,
        transport: httpx.AsyncBaseTransport | None = None,
        backend: str = "http",
        max_concurrency: int | None = None,
        row_timeout: float = 180.0,
        request_timeout: float | None = None,
        retry: RetryPolicy = RetryPolicy(),
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        cache: ResponseCache | None = None,
        pacer: Pacer | None | str = "shared",
        on_progress: Callable[[Snapshot], None] | None = None,
        progress_interval: float = 10.0,
    ):
        """`backend` names where requests go ("simulator" or "http"); it is part of the cache
        key, so simulated answers never stand in for real ones. `pacer`: "shared" for the
        pacer of this endpoint and model, shared with the other processes that use the same
        cache folder; None for none. `request_timeout`: None
        adapts it to the latencies seen (long enough for the slow, short enough to give up on
        a lost answer)."""
        self.config = config
        self.transport = transport
        self.backend = backend
        self.max_concurrency = max_concurrency or AUTO_CONCURRENCY
        self.row_timeout = row_timeout
        self.request_timeout = request_timeout
        self.retry = retry
        self.sleep = sleep
        self.cache = cache if config.cache else None
        if pacer == "shared":
            pacer = pacer_for(config.endpoint, config.model, config.rate_limit_rpm,
                              config.rate_limit_tpm, backend, default_cache_dir())
        self.pacer: Pacer | None = pacer  # type: ignore[assignment]
        self.on_progress = on_progress
        self.progress_interval = progress_interval
        self._fingerprint = request_fingerprint({
            "backend": backend, "endpoint": config.endpoint, "model": config.model,
            "task": config.task, "system_prompt": config.system_prompt if config.task == CHAT
            else None, "request": dict(config.request)})
        self._http: httpx.AsyncClient | None = None
        self._latencies: list[float] = []
        self._completion_tokens = (16.0, 0)  # running mean per request, samples

    # ------------------------------------------------------------ public

    @contextlib.asynccontextmanager
    async def session(self) -> AsyncIterator[httpx.AsyncClient]:
        """An HTTP client kept open for every `predict` inside it (connections are reused
        from one chunk of a partition to the next)."""
        if self._http is not None:
            yield self._http
            return
        limits = httpx.Limits(max_connections=self.max_concurrency,
                              max_keepalive_connections=self.max_concurrency)
        async with httpx.AsyncClient(transport=self.transport, limits=limits) as http:
            self._http = http
            try:
                yield http
            finally:
                self._http = None

    def progress_for(self, total: int) -> Progress:
        """A progress counter reporting to this client's `on_progress`."""
        return Progress(self.config.name, total, self.on_progress, self.progress_interval)

    async def predict(self, texts: Sequence[str | None], progress: Progress | None = None,
                      first_row: int = 1) -> tuple[list[Prediction], Usage]:
        """Answer every row. Raises ModelCallError when a row fails under FAILOVER, naming it
        by its number (`texts[0]` is row `first_row`, for a chunk of a larger input).

        `progress`: count rows there (and leave reporting the end to its owner); by default
        the call reports its own progress."""
        usage = Usage(rows=len(texts))
        results = [Prediction() for _ in texts]
        rows_of: dict[str, list[int]] = {}
        for index, text in enumerate(texts):
            if text is None or text == "":
                usage.rows_skipped += 1
            else:
                rows_of.setdefault(text, []).append(index)
        pending = self._answer_from_cache(rows_of, results, usage)
        usage.rows_sent = sum(len(rows_of[t]) for t in pending)
        owned = progress is None
        if progress is None:
            progress = self.progress_for(len(texts))
        progress.advance(len(texts) - usage.rows_sent)
        size = self.config.batch_size if self.config.task == EMBEDDING else 1
        queue = [pending[i : i + size] for i in range(0, len(pending), size)]
        queue.reverse()  # workers pop from the end: keep input order
        workers = min(self.max_concurrency, max(1, len(queue)))
        async with self.session() as http:
            await asyncio.gather(*[self._worker(http, queue, rows_of, results, usage, progress,
                                                first_row) for _ in range(workers)])
        if owned:
            progress.finish()
        return results, usage

    # ------------------------------------------------------------ cache

    def _answer_from_cache(self, rows_of, results, usage: Usage) -> list[str]:
        """Fill the rows the cache can answer; return the texts still to send, in order."""
        if self.cache is None or not rows_of:
            return list(rows_of)
        keys = {text: cache_key(self._fingerprint, text) for text in rows_of}
        cached = self.cache.get_many(keys.values())
        pending = []
        for text, key in keys.items():
            if key in cached:
                usage.cache_hits += len(rows_of[text])
                for index in rows_of[text]:
                    results[index] = Prediction(cached[key])
            else:
                pending.append(text)
        return pending

    def _store(self, batch: list[str], values: list[object]) -> None:
        if self.cache is not None:
            self.cache.put_many({cache_key(self._fingerprint, text): value
                                 for text, value in zip(batch, values)})

    # ------------------------------------------------------------ workers

    async def _worker(self, http, queue, rows_of, results, usage: Usage, progress,
                      first_row: int) -> None:
        while queue:
            batch = queue.pop()
            try:
                async with asyncio.timeout(self.row_timeout):
                    values = await self._with_retries(http, batch, usage)
                self._store(batch, values)
                outcomes = [Prediction(v) for v in values]
            except (_AttemptFailed, TimeoutError) as error:
                if isinstance(error, TimeoutError):
                    error = _AttemptFailed(f"timed out after {self.row_timeout:g} s "
                                           "(all retries of the row included)")
                outcomes = self._give_up(batch, rows_of, error, usage, first_row)
            for text, outcome in zip(batch, outcomes):
                for index in rows_of[text]:
                    results[index] = outcome
            progress.advance(sum(len(rows_of[text]) for text in batch))

    def _give_up(self, batch, rows_of, error: _AttemptFailed, usage: Usage,
                 first_row: int) -> list[Prediction]:
        strategy = self.config.error_handling
        if strategy == "RETRY":
            strategy = self.config.retry_fallback
        if strategy == "FAILOVER":
            row = min(rows_of[batch[0]]) + first_row
            raise ModelCallError(f"model '{self.config.name}' failed on row {row}: "
                                 f"{error.reason}", status=error.status)
        failed = sum(len(rows_of[text]) for text in batch)
        usage.rows_failed += failed
        usage.failure_reasons[error.reason] += failed
        return [Prediction(None, error.reason, error.status) for _ in batch]

    async def _with_retries(self, http, batch: list[str], usage: Usage) -> list[object]:
        retries_left = self.config.retry_num if self.config.error_handling == "RETRY" else 0
        delays = self.retry.delays()
        tokens = self._estimate(batch)
        while True:
            await self._wait_for_turn(tokens)
            try:
                return await self._attempt(http, batch, usage, tokens)
            except _AttemptFailed as failure:
                if failure.status == 429 and self.pacer is not None:
                    self.pacer.on_throttled()
                if retries_left <= 0 or not should_retry(failure.status):
                    raise
                retries_left -= 1
                usage.retries += 1
                wait = self.retry.wait(delays, failure.retry_after)
                log.debug("model %s: %s; retrying in %.2f s", self.config.name, failure.reason,
                          wait)
                await self.sleep(wait)

    async def _wait_for_turn(self, tokens: int) -> None:
        if self.pacer is None:
            return
        while True:
            booked, delay = self.pacer.book(tokens)
            if delay > 0:
                await self.sleep(delay)
            if booked:
                return

    # ------------------------------------------------------------ one request

    async def _attempt(self, http: httpx.AsyncClient, batch: list[str], usage: Usage,
                       estimate: int):
        body = self._body(batch)
        headers = {"Authorization": f"Bearer {self.config.api_key.reveal()}"}
        usage.requests += 1
        started = time.perf_counter()
        try:
            response = await self._post_watched(http, body, headers, started)
        except httpx.TimeoutException:
            raise _AttemptFailed(f"no answer within {self._timeout():.3g} s") from None
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
        except (ValueError, KeyError, TypeError, IndexError, AttributeError) as error:
            # no usable answer, as if the connection had dropped: worth another try
            raise _AttemptFailed(f"malformed response: {self._scrub(str(error))[:200]}"
                                 ) from None
        latency = time.perf_counter() - started
        usage.latencies.append(latency)
        self._latencies.append(latency)
        counts = payload.get("usage") or {}
        prompt, completion = int(counts.get("prompt_tokens") or 0), int(
            counts.get("completion_tokens") or 0)
        usage.prompt_tokens += prompt
        usage.completion_tokens += completion
        mean, samples = self._completion_tokens
        self._completion_tokens = ((mean * samples + completion) / (samples + 1), samples + 1)
        if self.pacer is not None:
            self.pacer.on_success(latency)
            self.pacer.correct_tokens(estimate, prompt + completion)
        return values

    async def _post_watched(self, http: httpx.AsyncClient, body: dict, headers: dict,
                            started: float) -> httpx.Response:
        """POST, giving up when the answer takes longer than the timeout as it stands now:
        the adaptive timeout also cuts short requests that started before it was learned."""
        request = asyncio.ensure_future(http.post(self.config.endpoint, json=body,
                                                  headers=headers, timeout=120.0))
        try:
            while True:
                done, _ = await asyncio.wait({request}, timeout=0.25)
                if done:
                    return request.result()
                if time.perf_counter() - started > self._timeout():
                    raise httpx.ReadTimeout("no answer in time")
        finally:
            if not request.done():
                request.cancel()
                await asyncio.gather(request, return_exceptions=True)

    def _timeout(self) -> float:
        """The explicit timeout, else 60 s until 10 answers are in, then 10 x their p95
        (between 5 and 120 s): an answer that slow is not coming."""
        if self.request_timeout is not None:
            return self.request_timeout
        if len(self._latencies) < 10:
            return 60.0
        recent = sorted(self._latencies[-200:])
        p95 = recent[int(0.95 * (len(recent) - 1))]
        return min(120.0, max(5.0, 10 * p95))

    def _estimate(self, batch: list[str]) -> int:
        tokens = sum(estimate_tokens(text) for text in batch)
        if self.config.task == CHAT:
            tokens += estimate_tokens(self.config.system_prompt) + 8
            tokens += int(self._completion_tokens[0])
        return tokens

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
