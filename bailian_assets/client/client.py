"""The model client: Bailian's OpenAI-compatible API over httpx (async), at the speed of the quota.

`ModelClient.predict(texts)` answers a column of inputs:

- NULL/empty inputs are not sent; identical inputs are sent once; answers already in the cache
  are not sent at all, and new answers are cached as they arrive;
- embedding inputs go `batch_size` to a request;
- requests start when the pacer says (at a known quota, or at the quota it finds), with up to
  `max_concurrency` in flight; retries honour Retry-After;
- each row ends answered or failed, never lost: Flink's `error-handling-strategy` decides between
  retrying, failing the job (FAILOVER) and keeping the row with NULL output (IGNORE).

The server is not trusted: a body is read up to a size limit (`body`), and an answer is checked
for its shape before it is used or cached (`answers`); a malformed one fails its row with the
reason. Throttling (429) is retried under every strategy, within the row's `timeout`, which
does not count the time a row waits for the pacer (`retry.RowClock`). A service that cannot be
reached is reported at once and given up on early (`connection`). Problems with the cache
folder and the first failure to connect reach the caller's `on_warning`.

The API key goes into the Authorization header and nowhere else: every text the client makes
(reasons, errors, warnings, logs) is scrubbed of it and of the model's other secrets (`scrub`).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import re
import time
from dataclasses import dataclass, field
from typing import AsyncIterator, Awaitable, Callable, Mapping, Sequence

import httpx

from bailian_assets.client.answers import MalformedAnswer, check_cached, parse_answer
from bailian_assets.client.body import (
    ACCEPT_ENCODING, MAX_ANSWER_BYTES, MAX_ERROR_BYTES, read_body,
)
from bailian_assets.client.cache import (
    ResponseCache, cache_key, default_cache_dir, request_fingerprint,
)
from bailian_assets.client.connection import ConnectionWatch, describe_connect_error
from bailian_assets.client.pacer import Pacer, pacer_for
from bailian_assets.client.progress import Progress, Snapshot
from bailian_assets.client.retry import (
    GARBLED, MALFORMED, UNREACHABLE, RetryPolicy, RowClock, RowRetries, parse_retry_after,
)
from bailian_assets.client.usage import Usage
from bailian_assets.errors import ModelCallError
from bailian_assets.secrets import Scrubber, Secret, install_log_filter

log = logging.getLogger("bailian_assets.client")

CHAT, EMBEDDING = "chat", "embedding"
AUTO_CONCURRENCY = 128  # in flight when the user sets no cap: the pacer sets the pace
KEEPALIVE = 32  # idle connections kept open for the next request
ERROR_TEXT_LIMIT = 300  # characters of a server's error message kept in a reason
CONNECT = "connect"  # a failure to connect (refused, no such host, TLS, connect timeout)
_WORD = re.compile(r"[A-Za-z0-9']+|[\u3400-\u9fff\uf900-\ufaff]|[^\w\s]")


@dataclass(frozen=True, repr=False)
class ModelConfig:
    """What the client needs to know about one model."""

    name: str  # the SQL name, for messages
    task: str  # chat | embedding
    endpoint: str
    api_key: Secret
    model: str
    system_prompt: str = "You are a helpful assistant."
    user_prompt: str | None = None  # a second user message after each row's (VVR)
    request: Mapping[str, object] = field(default_factory=dict)
    headers: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # sent with each request
    error_handling: str = "RETRY"  # RETRY | FAILOVER | IGNORE
    retry_num: int = 100
    retry_fallback: str = "FAILOVER"  # FAILOVER | IGNORE
    batch_size: int = 10  # inputs per embeddings request
    rate_limit_rpm: float | None = None
    rate_limit_tpm: float | None = None
    cache: bool = True
    # values of other options that are secret (from `${secret_values...}`), e.g. a part of
    # the endpoint: scrubbed from every text like the key
    secrets: tuple[Secret, ...] = ()
    # the caller's check of each answer's content (an AI function's JSON, a VARIANT): the
    # reason it is unusable, or None. A failed check is a MALFORMED answer (retried as those
    # are, never cached), so a bad answer is never stored as a good one
    answer_check: Callable[[object], str | None] | None = None

    def scrubber(self) -> Scrubber:
        return Scrubber([self.api_key.reveal(), *(s.reveal() for s in self.secrets)])

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={value!r}" for name, value in self.__dict__.items())
        return self.scrubber()(f"ModelConfig({shown})")


@dataclass(frozen=True)
class Prediction:
    """One row's outcome: `value` (str, list of str when n > 1, or a vector) or an error."""

    value: object = None
    error: str | None = None
    status: int | None = None


class _AttemptFailed(Exception):
    """One attempt that got no usable answer. `kind`: what the status does not tell
    (CONNECT, retry.MALFORMED, retry.GARBLED), else None."""

    def __init__(self, reason: str, status: int | None = None, retry_after: float | None = None,
                 kind: str | None = None):
        super().__init__(reason)
        self.reason = reason
        self.status = status
        self.retry_after = retry_after
        self.kind = kind


def estimate_tokens(text: str) -> int:
    """About what Qwen's tokenizer counts: a token per CJK character, word or mark."""
    return max(1, len(_WORD.findall(text)))


class ModelClient:
    """Answers a model's inputs: one client per ML_PREDICT, `predict` once per chunk."""

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
        clock: Callable[[], float] = time.monotonic,
        cache: ResponseCache | None = None,
        pacer: Pacer | None | str = "shared",
        on_progress: Callable[[Snapshot], None] | None = None,
        progress_interval: float = 10.0,
        on_warning: Callable[[str], None] | None = None,
    ):
        """`backend` names where requests go ("simulator" or "http"); it is part of the cache
        key, so simulated answers never stand in for real ones. `pacer`: "shared" for the
        pacer of this endpoint and model, shared with the other processes that use the same
        cache folder; None for none. `request_timeout`: None adapts it to the latencies seen
        (long enough for the slow, short enough to give up on a lost answer). `row_timeout`
        bounds each row's attempts and the waits between them, not its wait for the pacer.
        `sleep` and `clock` are the time the client waits and reads (tests make it virtual;
        `clock` must be the event loop's when an attempt is to be cut at the row's timeout).
        `on_warning` gets each problem worth a user's attention once, scrubbed (default: the
        log)."""
        self.config = config
        self.transport = transport
        self.backend = backend
        self.max_concurrency = max_concurrency or AUTO_CONCURRENCY
        self.row_timeout = row_timeout
        self.request_timeout = request_timeout
        self.retry = retry
        self.sleep = sleep
        self.clock = clock
        self.cache = cache if config.cache else None
        if pacer == "shared":
            pacer = pacer_for(config.endpoint, config.model, config.rate_limit_rpm,
                              config.rate_limit_tpm, backend, default_cache_dir())
        self.pacer: Pacer | None = pacer  # type: ignore[assignment]
        self.on_progress = on_progress
        self.progress_interval = progress_interval
        self.on_warning = on_warning
        self._scrub = config.scrubber()
        install_log_filter()
        self._warned: set[str] = set()
        self._watch = ConnectionWatch(clock, min(10.0, row_timeout / 2))
        self._fingerprint = request_fingerprint({
            "backend": backend, "endpoint": config.endpoint, "model": config.model,
            "task": config.task, "system_prompt": config.system_prompt if config.task == CHAT
            else None, "user_prompt": config.user_prompt, "request": dict(config.request),
            "headers": {name: list(values) for name, values in config.headers.items()}})
        self._n = int(config.request.get("n", 1))  # type: ignore[call-overload]
        dimension = config.request.get("dimensions")
        self._dimension = int(dimension) if dimension is not None else None  # type: ignore
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
        # Idle connections are not free: httpcore's pool checks every one of them (a syscall
        # each) whenever a request starts or ends, so 128 kept-alive connections cost more CPU
        # than the requests (profiled: 27 s against 10 s for 1,000 rows at 100 per second).
        # Paced requests rarely need more than a few dozen at once; beyond that they reconnect.
        limits = httpx.Limits(max_connections=self.max_concurrency,
                              max_keepalive_connections=min(self.max_concurrency, KEEPALIVE))
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
        by its number (`texts[0]` is row `first_row`, for a chunk of a larger input), and
        when the service cannot be reached at all, under every strategy.

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
            await _all_or_first_error([
                self._worker(http, queue, rows_of, results, usage, progress, first_row)
                for _ in range(workers)])
        if owned:
            progress.finish()
        return results, usage

    # ------------------------------------------------------------ cache

    def _answer_from_cache(self, rows_of, results, usage: Usage) -> list[str]:
        """Fill the rows the cache can answer; return the texts still to send, in order. An
        entry that is not an answer of this model's kind is a miss."""
        if self.cache is None or not rows_of:
            return list(rows_of)
        keys = {text: cache_key(self._fingerprint, text) for text in rows_of}
        cached = self.cache.get_many(keys.values())
        self._check_cache()
        pending = []
        for text, key in keys.items():
            value = cached.get(key)
            if value is not None and (not check_cached(value, self.config.task, self._n,
                                                       self._dimension)
                                      or self._answer_problem(value) is not None):
                log.debug("model %s: a cached entry of the wrong kind is ignored",
                          self.config.name)
                value = None
            if value is not None:
                usage.cache_hits += len(rows_of[text])
                for index in rows_of[text]:
                    results[index] = Prediction(value)
            else:
                pending.append(text)
        return pending

    def _store(self, batch: list[str], values: list[object]) -> None:
        if self.cache is not None:
            self.cache.put_many({cache_key(self._fingerprint, text): value
                                 for text, value in zip(batch, values)})
            self._check_cache()

    def _check_cache(self) -> None:
        if self.cache is not None and self.cache.problem:
            self._warn(self.cache.problem)

    # ------------------------------------------------------------ the caller's answer check

    def _answer_problem(self, value: object) -> str | None:
        check = self.config.answer_check
        return None if check is None or value is None else check(value)

    def _check_answers(self, values: list[object]) -> None:
        """Refuse a batch whose answers the caller's check rejects: MALFORMED, retried."""
        for value in values:
            problem = self._answer_problem(value)
            if problem is not None:
                raise self._fail(problem, kind=MALFORMED)

    # ------------------------------------------------------------ warnings

    def _warn(self, text: str) -> None:
        """Tell the caller once about a problem (scrubbed, named after the model)."""
        text = self._scrub(f"model '{self.config.name}': {text}")
        if text in self._warned:
            return
        self._warned.add(text)
        if self.on_warning is not None:
            self.on_warning(text)
        else:
            log.warning("%s", text)

    def _fail(self, reason: str, status: int | None = None, retry_after: float | None = None,
              kind: str | None = None) -> _AttemptFailed:
        """Every failure's reason is scrubbed here, before anything cuts it short."""
        return _AttemptFailed(self._scrub(reason), status, retry_after, kind)

    # ------------------------------------------------------------ workers

    async def _worker(self, http, queue, rows_of, results, usage: Usage, progress,
                      first_row: int) -> None:
        while queue:
            batch = queue.pop()
            try:
                values = await self._with_retries(http, batch, usage)
                self._store(batch, values)
                outcomes = [Prediction(v) for v in values]
            except _AttemptFailed as error:
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
        """Attempts until one answers, or the row must give up (`_AttemptFailed`)."""
        retries = RowRetries(self.config.error_handling, self.config.retry_num)
        row = RowClock(self.row_timeout, self.clock)
        delays = self.retry.delays()
        tokens = self._estimate(batch)
        last: _AttemptFailed | None = None
        while True:
            row.stop()
            await self._wait_for_turn(tokens)
            row.start()
            if row.remaining() <= 0:
                raise self._timed_out(last)
            try:
                async with asyncio.timeout(row.remaining()):
                    return await self._attempt(http, batch, usage, tokens)
            except TimeoutError:
                raise self._timed_out(last) from None
            except _AttemptFailed as failure:
                last = failure
                if not retries.allow(failure.status, self._note_failure(failure)):
                    raise
            wait = self.retry.wait(delays, last.retry_after)
            if wait >= row.remaining():
                raise self._timed_out(last)  # the next attempt could not start in time
            usage.retries += 1
            log.debug("model %s: %s; retrying in %.2f s", self.config.name, last.reason, wait)
            await self.sleep(wait)

    def _note_failure(self, failure: _AttemptFailed) -> str | None:
        """Take note of a failed attempt (the pacer hears of a 429; a failure to connect is
        reported at once and, before the service was ever reached, may end the run) and
        return its kind for the retry rules."""
        if failure.status == 429 and self.pacer is not None:
            self.pacer.on_throttled()
        if failure.kind != CONNECT:
            return failure.kind
        self._warn(failure.reason)
        if self._watch.reached:
            return None
        if self._watch.fail():
            raise self._unreachable(failure)
        return UNREACHABLE

    def _unreachable(self, failure: _AttemptFailed) -> ModelCallError:
        return ModelCallError(
            f"model '{self.config.name}': {failure.reason} ({self._watch.failures} attempts "
            f"over {self._watch.waited:.1f} s; no request has reached the service)")

    def _timed_out(self, last: _AttemptFailed | None) -> Exception:
        """The row's time is up. If no request has ever reached the service, the run's is
        too: failing the rows one by one would only hide the cause."""
        if last is not None and last.kind == CONNECT and not self._watch.reached:
            return self._unreachable(last)
        reason = f"timed out after {self.row_timeout:g} s (all retries of the row included)"
        if last is not None:
            reason += f"; last error: {last.reason}"
        return _AttemptFailed(reason, last.status if last else None)

    async def _wait_for_turn(self, tokens: int) -> None:
        if self.pacer is None:
            return
        while True:
            booked, delay = self.pacer.book(tokens)
            if delay > 0:
                await self.sleep(delay)
            if booked:
                break
        if self.pacer.schedule.problem:
            self._warn(self.pacer.schedule.problem)

    # ------------------------------------------------------------ one request

    async def _attempt(self, http: httpx.AsyncClient, batch: list[str], usage: Usage,
                       estimate: int) -> list[object]:
        usage.requests += 1
        started = time.perf_counter()
        status, headers, content = await self._post_watched(http, self._body(batch), started)
        if status != 200:
            if status == 429:
                usage.throttled += 1
            raise self._fail(self._describe_error(status, content), status,
                             parse_retry_after(headers))
        try:
            answer = parse_answer(content, self.config.task, len(batch), self._n,
                                  self._dimension)
        except MalformedAnswer as error:
            raise self._fail(str(error), kind=GARBLED if error.truncated else MALFORMED
                             ) from None
        self._check_answers(answer.values)
        latency = time.perf_counter() - started
        usage.latencies.append(latency)
        self._latencies.append(latency)
        usage.prompt_tokens += answer.prompt_tokens
        usage.completion_tokens += answer.completion_tokens
        mean, samples = self._completion_tokens
        self._completion_tokens = ((mean * samples + answer.completion_tokens) / (samples + 1),
                                   samples + 1)
        if self.pacer is not None:
            self.pacer.on_success(latency)
            self.pacer.correct_tokens(estimate, answer.prompt_tokens + answer.completion_tokens)
        return answer.values

    async def _post_watched(self, http: httpx.AsyncClient, body: dict,
                            started: float) -> tuple[int, httpx.Headers, bytes]:
        """POST and read the answer, giving up when it takes longer than the timeout as it
        stands now: the adaptive timeout also cuts short requests that started before it was
        learned, and a body that trickles on forever."""
        request = asyncio.ensure_future(self._exchange(http, body))
        try:
            while True:
                done, _ = await asyncio.wait({request}, timeout=0.25)
                if done:
                    return request.result()
                if time.perf_counter() - started > self._timeout():
                    raise self._fail(f"no answer within {self._timeout():.3g} s")
        finally:
            if not request.done():
                request.cancel()
                await asyncio.gather(request, return_exceptions=True)

    async def _exchange(self, http: httpx.AsyncClient,
                        body: dict) -> tuple[int, httpx.Headers, bytes]:
        """One POST: status, headers and the body read within its size limit."""
        headers = [("Authorization", f"Bearer {self.config.api_key.reveal()}"),
                   ("Accept-Encoding", ACCEPT_ENCODING),
                   *((name, value) for name, values in self.config.headers.items()
                     for value in values)]
        try:
            async with http.stream("POST", self.config.endpoint, json=body, headers=headers,
                                   timeout=120.0) as response:
                self._watch.reach()
                ok = response.status_code == 200
                content = await read_body(response, MAX_ANSWER_BYTES if ok else MAX_ERROR_BYTES,
                                          truncate=not ok)
                return response.status_code, response.headers, content
        except (httpx.ConnectError, httpx.ConnectTimeout) as error:
            raise self._fail(describe_connect_error(self.config.endpoint, error),
                             kind=CONNECT) from None
        except httpx.TimeoutException:
            raise self._fail(f"no answer within {self._timeout():.3g} s") from None
        except httpx.TransportError as error:
            cause = f": {error}" if str(error) else ""
            raise self._fail(f"connection error: {type(error).__name__}{cause}") from None
        except MalformedAnswer as error:
            raise self._fail(str(error), kind=MALFORMED) from None

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
            if self.config.user_prompt:
                tokens += estimate_tokens(self.config.user_prompt) + 4
            tokens += int(self._completion_tokens[0])
        return tokens

    def _body(self, batch: list[str]) -> dict:
        body: dict[str, object] = {"model": self.config.model}
        if self.config.task == CHAT:
            body["messages"] = [
                {"role": "system", "content": self.config.system_prompt},
                {"role": "user", "content": batch[0]},
            ]
            if self.config.user_prompt:
                body["messages"].append({"role": "user", "content": self.config.user_prompt})
        else:
            body["input"] = batch
            body["encoding_format"] = "float"
        body.update(self.config.request)
        return body

    def _describe_error(self, status: int, content: bytes) -> str:
        """'HTTP <status> <code>: <message>' from an error body, scrubbed, then cut short."""
        code = message = None
        try:
            payload = json.loads(content)
            error = payload.get("error", payload)  # compatible mode nests it; native does not
            if isinstance(error, dict):
                code, message = error.get("code"), error.get("message")
            else:
                message = error
        except (ValueError, UnicodeDecodeError, AttributeError):
            message = content.decode("utf-8", "replace")
        text = f"HTTP {status}"
        if isinstance(code, (str, int)) and str(code):
            text += f" {code}"
        if isinstance(message, str) and message.strip():
            text += f": {' '.join(message.split())}"
        text = self._scrub(text)
        return text if len(text) <= ERROR_TEXT_LIMIT else text[: ERROR_TEXT_LIMIT - 1] + "…"


async def _all_or_first_error(coroutines: list[Awaitable[None]]) -> None:
    """Run the workers together; the first error stops them all and is raised as itself."""
    try:
        async with asyncio.TaskGroup() as group:
            for coroutine in coroutines:
                group.create_task(coroutine)  # type: ignore[arg-type]
    except BaseExceptionGroup as errors:
        leaves = _leaves(errors)
        first = next((e for e in leaves if isinstance(e, ModelCallError)), leaves[0])
        raise first from None


def _leaves(group: BaseExceptionGroup) -> list[BaseException]:
    found: list[BaseException] = []
    for error in group.exceptions:
        found.extend(_leaves(error) if isinstance(error, BaseExceptionGroup) else [error])
    return found
