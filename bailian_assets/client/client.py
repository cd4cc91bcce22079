"""The model client: Bailian's OpenAI-compatible API over httpx (async), at the speed of the quota.

`ModelClient.predict(texts)` answers a column of inputs:

- NULL inputs are not sent (an empty text is, as Flink sends it); identical inputs are sent once;
  answers already in the cache are not sent at all, and new answers are cached as they arrive;
- embedding inputs go `batch_size` to a request; chat rows too when `batch_size` is more than
  1 or "auto" (`packing`): one packed request per batch, each answer matched to its row by its
  number. A packed answer that cannot be matched assigns nothing: the batch is split in halves
  and asked again, down to single rows, asked exactly as unpacked ones (same body, same cache
  key), and only a single row's failure is a row failure;
- with a budget (`budget.Allowance`), each request first reserves what it is expected to cost;
  once a budget would be passed nothing more is sent (rows not sent fail with "budget
  exhausted" under IGNORE; otherwise the call raises once the requests in flight are in);
- requests start when the pacer says (at a known quota, or at the quota it finds), with up to
  `max_concurrency` in flight; retries honour Retry-After;
- each row ends answered or failed, never lost: Flink's `error-handling-strategy` decides between
  retrying, failing the job (FAILOVER) and keeping the row with NULL output (IGNORE).

What goes on the wire (a request's body and headers, reading its answer or error) is `wire`'s;
this module decides when and how often to send, and what to keep.

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
import logging
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field

import httpx

from bailian_assets.client import packing, wire
from bailian_assets.client.answers import MalformedAnswer, check_cached, mask_secrets
from bailian_assets.client.body import MAX_ANSWER_BYTES, MAX_ERROR_BYTES, read_body
from bailian_assets.client.budget import BUDGET_EXHAUSTED, Allowance, Reservation
from bailian_assets.client.cache import (
    ResponseCache,
    cache_key,
    default_cache_dir,
    request_fingerprint,
)
from bailian_assets.client.connection import (
    ConnectionWatch,
    describe_connect_error,
    describe_no_answer,
)
from bailian_assets.client.image_url import IMAGE_URL, image_url_problem
from bailian_assets.client.pacer import Pacer, pacer_for
from bailian_assets.client.progress import Progress, Snapshot
from bailian_assets.client.retry import (
    GARBLED,
    MALFORMED,
    UNREACHABLE,
    RetryPolicy,
    RowClock,
    RowRetries,
    out_of_time,
    parse_retry_after,
)
from bailian_assets.client.usage import Usage

# CHAT, EMBEDDING and ERROR_TEXT_LIMIT are the wire format's; imported from here by others
from bailian_assets.client.wire import CHAT, EMBEDDING, ERROR_TEXT_LIMIT  # noqa: F401
from bailian_assets.endpoint_url import check_url, proxy_exemptions
from bailian_assets.errors import ModelCallError
from bailian_assets.secrets import MASK, Scrubber, Secret, install_log_filter
from bailian_assets.tokens import IMAGE_TOKENS, MESSAGE_OVERHEAD, answer_guess, count_tokens

log = logging.getLogger("bailian_assets.client")

EMBEDDING_BATCH = 10  # inputs per request: the service's maximum for text-embedding-v3/v4
AUTO_CONCURRENCY = 128  # in flight when the user sets no cap: the pacer sets the pace
KEEPALIVE = 32  # idle connections kept open for the next request
SPLIT_STATUS = frozenset({400, 413})  # a packed request refused for what it holds
SAMPLE_ANSWERS = 1_000  # cached answers that tell the length of an answer, at most
CONNECT = "connect"  # a failure to connect (refused, no such host, TLS, connect timeout)


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
    # inputs per embeddings request (None: 10); chat rows per packed request (None or 1:
    # none), or "auto"
    batch_size: int | str | None = None
    max_context: int | None = None  # the model's context window in tokens, when declared
    labels: tuple[str, ...] = ()  # the answers the system prompt lists, if it lists any
    price_input: float | None = None  # per million prompt tokens
    price_output: float | None = None  # per million completion tokens
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
    content_type: str = "TEXT"  # TEXT, or IMAGE_URL: each row is an image's URL (image_url.py)

    @property
    def packs(self) -> bool:
        """Whether chat rows are packed several to a request."""
        return self.task == CHAT and self.batch_size not in (None, 1)

    def cost(self, prompt_tokens: int, completion_tokens: int) -> float:
        """What tokens cost at the declared prices (0 without prices)."""
        return (
            prompt_tokens * (self.price_input or 0) + completion_tokens * (self.price_output or 0)
        ) / 1_000_000

    def scrubber(self) -> Scrubber:
        return Scrubber([self.api_key.reveal(), *(s.reveal() for s in self.secrets)])

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={value!r}" for name, value in self.__dict__.items())
        return self.scrubber()(f"ModelConfig({shown})")


@dataclass(frozen=True)
class Forecast:
    """What answering some rows would take (`ModelClient.forecast`), before anything is sent."""

    rows: int
    rows_cached: int  # answered from the cache
    rows_skipped: int  # NULL (or over the context): never sent
    rows_to_send: int  # the rest (identical inputs are sent once)
    requests: int  # first attempts, packed as the model packs
    prompt_tokens: int  # estimated
    completion_tokens: int  # estimated

    def add(self, other: Forecast) -> Forecast:
        return Forecast(
            *(a + b for a, b in zip(self.__dict__.values(), other.__dict__.values(), strict=True))
        )


@dataclass(frozen=True)
class Prediction:
    """One row's outcome: `value` (str, list of str when n > 1, or a vector) or an error."""

    value: object = None
    error: str | None = None
    status: int | None = None


class _AttemptFailed(Exception):
    """One attempt that got no usable answer. `kind`: what the status does not tell
    (CONNECT, retry.MALFORMED, retry.GARBLED), else None."""

    def __init__(
        self,
        reason: str,
        status: int | None = None,
        retry_after: float | None = None,
        kind: str | None = None,
    ):
        super().__init__(reason)
        self.reason = reason
        self.status = status
        self.retry_after = retry_after
        self.kind = kind


class _Unmatched(Exception):
    """A packed answer that cannot be matched to its rows (`packing.Unmatched`), or a packed
    request the service refused as a whole (one row's content can do that): the batch must be
    split, nothing of it assigned."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


class _BudgetRefused(Exception):
    """The budget refused the request before it was sent."""


class _Work:
    """The batches of one `predict`, taken in input order. A split batch's halves go back to
    the front; a worker with nothing to take waits while any batch is still being answered,
    since its halves may come back."""

    def __init__(self, batches: list[list[str]]):
        self._queue = list(reversed(batches))  # taken from the end
        self._open = len(batches)  # batches queued or being answered
        self._changed = asyncio.Event()

    async def take(self) -> list[str] | None:
        """The next batch, or None when every batch is answered."""
        while not self._queue:
            if self._open == 0:
                return None
            self._changed.clear()
            await self._changed.wait()
        return self._queue.pop()

    def split(self, batch: list[str]) -> None:
        half = len(batch) // 2
        self._queue += [batch[half:], batch[:half]]
        self._open += 1  # one batch became two
        self._changed.set()

    def done(self) -> None:
        self._open -= 1
        self._changed.set()


def _check_endpoint(config: ModelConfig, scrub: Callable[[str], str]) -> None:
    """Refuses an endpoint that is not HTTPS (loopback aside): planning checks it, but a
    config made in code may not have been."""
    problem = check_url(config.endpoint, scrub(config.endpoint))
    if problem is not None:
        raise ModelCallError(f"model '{config.name}': {problem}")


def _chosen_pacer(pacer: Pacer | str | None, config: ModelConfig, backend: str) -> Pacer | None:
    """The pacer a client was given: "shared" is this endpoint and model's, shared with the
    other processes that use the same cache folder."""
    if pacer != "shared":
        return pacer  # type: ignore[return-value]
    return pacer_for(
        config.endpoint,
        config.model,
        config.rate_limit_rpm,
        config.rate_limit_tpm,
        backend,
        default_cache_dir(),
    )


def _cache_fingerprint(config: ModelConfig, backend: str) -> str:
    """What, besides the input, decides a model's answer: the first half of its cache keys.
    `backend` is part of it, so simulated answers never stand in for real ones."""
    return request_fingerprint(
        {
            "backend": backend,
            "endpoint": config.endpoint,
            "model": config.model,
            "task": config.task,
            "system_prompt": config.system_prompt if config.task == CHAT else None,
            "user_prompt": config.user_prompt,
            "request": dict(config.request),
            "headers": {name: list(values) for name, values in config.headers.items()},
            # only when set: the cache keys of text models stay what they were
            **({"content_type": config.content_type} if config.content_type != "TEXT" else {}),
        }
    )


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
        retry: RetryPolicy = RetryPolicy(),  # noqa: B008 - frozen, so one shared default is safe
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        clock: Callable[[], float] = time.monotonic,
        cache: ResponseCache | None = None,
        pacer: Pacer | str | None = "shared",
        on_progress: Callable[[Snapshot], None] | None = None,
        progress_interval: float = 10.0,
        on_warning: Callable[[str], None] | None = None,
        budget: Allowance | None = None,
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
        log). `budget`: what this client may spend (shared with the run's other clients)."""
        self._scrub = config.scrubber()
        _check_endpoint(config, self._scrub)
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
        self.pacer = _chosen_pacer(pacer, config, backend)
        self.on_progress = on_progress
        self.progress_interval = progress_interval
        self.on_warning = on_warning
        self.budget = budget
        install_log_filter()
        self._warned: set[str] = set()
        self._watch = ConnectionWatch(clock, min(10.0, row_timeout / 2))
        self._fingerprint = _cache_fingerprint(config, backend)
        self._n = wire.choices(config)
        self._dimension = wire.dimension(config)
        self._http: httpx.AsyncClient | None = None
        self._latencies: list[float] = []
        max_tokens = config.request.get("max_tokens")
        # tokens of one row's answer: a running mean, and how many answers it is of
        self._answer_tokens = (answer_guess(config.labels, max_tokens), 0)  # type: ignore
        self._json_mode = True  # packed requests ask for JSON mode until the service refuses
        self.budget_refused = 0  # rows not sent because a budget was spent

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
        limits = httpx.Limits(
            max_connections=self.max_concurrency,
            max_keepalive_connections=min(self.max_concurrency, KEEPALIVE),
        )
        async with httpx.AsyncClient(
            transport=self.transport,
            limits=limits,
            mounts=proxy_exemptions(self.config.endpoint),
        ) as http:
            self._http = http
            try:
                yield http
            finally:
                self._http = None

    def progress_for(self, total: int) -> Progress:
        """A progress counter reporting to this client's `on_progress`."""
        return Progress(self.config.name, total, self.on_progress, self.progress_interval)

    async def predict(
        self, texts: Sequence[str | None], progress: Progress | None = None, first_row: int = 1
    ) -> tuple[list[Prediction], Usage]:
        """Answer every row. Raises ModelCallError when a row fails under FAILOVER, naming it
        by its number (`texts[0]` is row `first_row`, for a chunk of a larger input), and
        when the service cannot be reached at all, under every strategy.

        `progress`: count rows there (and leave reporting the end to its owner); by default
        the call reports its own progress."""
        usage = Usage(rows=len(texts))
        results = [Prediction() for _ in texts]
        rows_of, pending = self._to_send(texts, results, usage)
        owned = progress is None
        if progress is None:
            progress = self.progress_for(len(texts))
        progress.advance(len(texts) - usage.rows_sent)
        work = _Work(self.batches(pending))
        # as many workers as rows: a split batch's halves may go at once
        workers = min(self.max_concurrency, max(1, len(pending)))
        async with self.session() as http:
            await _all_or_first_error(
                [
                    self._worker(http, work, rows_of, results, usage, progress, first_row)
                    for _ in range(workers)
                ]
            )
        if owned:
            progress.finish()
        self._check_budget(results, first_row)
        return results, usage

    def forecast(self, texts: Sequence[str | None]) -> Forecast:
        """What `predict(texts)` would send and about what it would cost, sending nothing:
        the same deduplication, cache lookups, batches and estimates as `predict`."""
        usage = Usage(rows=len(texts))
        _, pending = self._to_send(texts, [Prediction() for _ in texts], usage)
        batches = self.batches(pending)
        expected = [self.estimate(batch) for batch in batches]
        return Forecast(
            len(texts),
            usage.cache_hits,
            usage.rows_skipped,
            usage.rows_sent,
            len(batches),
            sum(p for p, _ in expected),
            sum(c for _, c in expected),
        )

    def _to_send(
        self, texts: Sequence[str | None], results: list[Prediction], usage: Usage
    ) -> tuple[dict[str, list[int]], list[str]]:
        """The rows of each distinct input, and the inputs to send, in order: NULL inputs are
        skipped, cached ones answered into `results` (both counted in `usage`). An empty text
        is sent, as Flink sends it: the service answers it, or refuses it (embeddings)."""
        rows_of: dict[str, list[int]] = {}
        for index, text in enumerate(texts):
            if text is None:
                usage.rows_skipped += 1
            else:
                rows_of.setdefault(text, []).append(index)
        pending = self._answer_from_cache(rows_of, results, usage)
        usage.rows_sent = sum(len(rows_of[t]) for t in pending)
        return rows_of, pending

    def batches(self, texts: Sequence[str]) -> list[list[str]]:
        """The inputs of each request, in order: embeddings `batch_size` at a time; chat rows
        one at a time, or packed (`packing.cut`) when the model packs."""
        # (a model without `batch_size` never packs: said again for the type checker)
        if self.config.task == EMBEDDING or not self.config.packs or self.config.batch_size is None:
            size = (
                int(self.config.batch_size or EMBEDDING_BATCH)
                if self.config.task == EMBEDDING
                else 1
            )
            if size > 1 and "" in texts:  # refused by the service: alone, it fails only itself
                texts = [t for t in texts if t != ""]
                return [[""]] + [list(texts[i : i + size]) for i in range(0, len(texts), size)]
            return [list(texts[i : i + size]) for i in range(0, len(texts), size)]
        per_row = self._answer_tokens[0]
        fixed = packing.prompt_tokens(self.config.system_prompt, []) + self._user_prompt_tokens()
        limit = packing.limits(
            self.config.batch_size,
            per_row,
            fixed,
            self.config.max_context,
            self.config.rate_limit_tpm,
        )
        return packing.cut(texts, [packing.row_tokens(t, per_row) for t in texts], limit, fixed)

    def estimate(self, batch: Sequence[str]) -> tuple[int, int]:
        """The prompt and completion tokens a request for `batch` is expected to cost."""
        if self.config.task == EMBEDDING:
            return sum(count_tokens(text) for text in batch), 0
        per_row = self._answer_tokens[0] * self._n
        extra = self._user_prompt_tokens()
        if len(batch) > 1:
            return (
                packing.prompt_tokens(self.config.system_prompt, batch) + extra,
                packing.answer_tokens(len(batch), per_row),
            )
        row = IMAGE_TOKENS if self.config.content_type == IMAGE_URL else count_tokens(batch[0])
        return (
            count_tokens(self.config.system_prompt) + row + 2 * MESSAGE_OVERHEAD + extra,
            round(per_row),
        )

    def _user_prompt_tokens(self) -> int:
        """What VVR's user-prompt adds to every chat request: its own message."""
        prompt = self.config.user_prompt
        return count_tokens(prompt) + MESSAGE_OVERHEAD if prompt else 0

    # ------------------------------------------------------------ cache

    def _answer_from_cache(self, rows_of, results, usage: Usage) -> list[str]:
        """Fill the rows the cache can answer; return the texts still to send, in order. An
        entry that is not an answer of this model's kind is a miss."""
        if self.cache is None or not rows_of:
            return list(rows_of)
        keys = {text: cache_key(self._fingerprint, text) for text in rows_of}
        cached = self.cache.get_many(keys.values())
        self._check_cache()
        pending: list[str] = []
        found: list[object] = []
        for text, key in keys.items():
            value = cached.get(key)
            if value is not None and (
                not check_cached(value, self.config.task, self._n, self._dimension)
                or self._answer_problem(value) is not None
            ):
                log.debug("model %s: a cached entry of the wrong kind is ignored", self.config.name)
                value = None
            if value is not None:
                value = self._masked([value])[0]  # cached before answers were scrubbed
                found.append(value)
                usage.cache_hits += len(rows_of[text])
                for index in rows_of[text]:
                    results[index] = Prediction(value)
            else:
                pending.append(text)
        if found and self.config.task == CHAT and self._answer_tokens[1] == 0:
            # before any answer of this run, the cached ones tell how long an answer is
            self._learn_answer_tokens(found[:SAMPLE_ANSWERS])
        return pending

    def _store(self, batch: list[str], values: list[object]) -> None:
        if self.cache is not None:
            self.cache.put_many(
                {
                    cache_key(self._fingerprint, text): value
                    for text, value in zip(batch, values, strict=False)
                }
            )
            self._check_cache()

    def _masked(self, values: list[object]) -> list[object]:
        """Answers scrubbed of the model's secrets, which a server may echo in a 200 too."""
        masked = mask_secrets(values, self._scrub)
        if masked is not values:
            self._warn(
                "an answer held a secret value of the model (the key, or a "
                f"${{secret_values...}}); it is masked as '{MASK}'"
            )
        return masked

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

    def _fail(
        self,
        reason: str,
        status: int | None = None,
        retry_after: float | None = None,
        kind: str | None = None,
    ) -> _AttemptFailed:
        """Every failure's reason is scrubbed here, before anything cuts it short."""
        return _AttemptFailed(self._scrub(reason), status, retry_after, kind)

    # ------------------------------------------------------------ workers

    async def _worker(
        self, http, work: _Work, rows_of, results, usage: Usage, progress, first_row: int
    ) -> None:
        while (batch := await work.take()) is not None:
            try:
                values = await self._answer(http, batch, usage)
            except _Unmatched as unmatched:
                log.debug(
                    "model %s: a packed answer for %d rows is split: %s",
                    self.config.name,
                    len(batch),
                    unmatched.reason,
                )
                usage.splits += 1
                work.split(batch)
                continue
            except _BudgetRefused:
                outcomes = self._refuse(batch, rows_of, usage)
            except _AttemptFailed as error:
                outcomes = self._give_up(batch, rows_of, error, usage, first_row)
            else:
                self._store(batch, values)
                outcomes = [Prediction(v) for v in values]
            for text, outcome in zip(batch, outcomes, strict=False):
                for index in rows_of[text]:
                    results[index] = outcome
            progress.advance(sum(len(rows_of[text]) for text in batch))
            work.done()

    async def _answer(self, http, batch: list[str], usage: Usage) -> list[object]:
        """A batch's answers; `_Unmatched` when a packed batch must be split. An image URL
        that may not be sent fails its row without a request (never packed: one a batch)."""
        if self.config.content_type == IMAGE_URL:
            problem = image_url_problem(batch[0])
            if problem is not None:
                raise _AttemptFailed(problem)
        try:
            return await self._with_retries(http, batch, usage)
        except _AttemptFailed as error:
            if self._refused_whole(batch, error):
                raise _Unmatched(error.reason) from None
            raise

    def _refused_whole(self, batch: list[str], error: _AttemptFailed) -> bool:
        """Whether a packed request failed for what may be one row's doing, or the packing's
        (content inspection, a context or JSON mode the model lacks): its rows are asked
        again in halves. Other failures (5xx, timeouts) would fail the halves alike."""
        if len(batch) == 1 or self.config.task != CHAT or error.status not in SPLIT_STATUS:
            return False
        if "response_format" in error.reason or "json" in error.reason.lower():
            self._json_mode = False  # this model takes no JSON mode: ask without it
        return True

    def _refuse(self, batch, rows_of, usage: Usage) -> list[Prediction]:
        """Rows a budget kept from being sent: failed with the reason under IGNORE; else
        left unanswered, and the call fails once the requests in flight are in."""
        refused = sum(len(rows_of[text]) for text in batch)
        self.budget_refused += refused
        if self._strategy() != "IGNORE":
            return [Prediction() for _ in batch]
        usage.rows_failed += refused
        usage.failure_reasons[BUDGET_EXHAUSTED] += refused
        return [Prediction(None, BUDGET_EXHAUSTED) for _ in batch]

    def _check_budget(self, results: list[Prediction], first_row: int) -> None:
        """Fail the call, cleanly, when a budget kept rows from being sent (not under IGNORE):
        every answer that came is cached, so a larger budget resumes where this one ended."""
        if not self.budget_refused or self._strategy() == "IGNORE":
            return
        spent = (
            "; ".join(ledger.describe() for ledger in self.budget.exhausted())
            if self.budget is not None
            else ""
        )
        answered = sum(1 for r in results if r.value is not None)
        raise ModelCallError(
            f"model '{self.config.name}': {BUDGET_EXHAUSTED} ({spent}): {self.budget_refused} "
            f"rows not sent, {answered} answered and cached; raise 'budget.max-tokens' or "
            f"'budget.max-cost' and run again to go on without paying twice"
        )

    def _strategy(self) -> str:
        """What to do with a row that failed for good: FAILOVER or IGNORE."""
        strategy = self.config.error_handling
        return self.config.retry_fallback if strategy == "RETRY" else strategy

    def _give_up(
        self, batch, rows_of, error: _AttemptFailed, usage: Usage, first_row: int
    ) -> list[Prediction]:
        if self._strategy() == "FAILOVER":
            row = min(rows_of[batch[0]]) + first_row
            raise ModelCallError(
                f"model '{self.config.name}' failed on row {row}: {error.reason}",
                status=error.status,
            )
        failed = sum(len(rows_of[text]) for text in batch)
        usage.rows_failed += failed
        usage.failure_reasons[error.reason] += failed
        return [Prediction(None, error.reason, error.status) for _ in batch]

    async def _with_retries(self, http, batch: list[str], usage: Usage) -> list[object]:
        """Attempts until one answers, or the row must give up (`_AttemptFailed`). A packed
        answer that cannot be matched raises `_Unmatched`, a budget's refusal
        `_BudgetRefused`: neither is worth another try of the same batch."""
        retries = RowRetries(self.config.error_handling, self.config.retry_num)
        row = RowClock(self.row_timeout, self.clock)
        delays = self.retry.delays()
        expected = self.estimate(batch)
        tokens = sum(expected)
        last: _AttemptFailed | None = None
        while True:
            row.stop()
            await self._wait_for_turn(tokens)
            row.start()
            if row.remaining() <= 0:
                raise self._timed_out(last)
            try:
                async with asyncio.timeout(row.remaining()):
                    return await self._attempt(http, batch, usage, expected)
            except TimeoutError:
                raise self._timed_out(last) from None
            except _AttemptFailed as failure:
                last = failure
                if not retries.allow(failure.status, self._note_failure(failure)):
                    raise
            wait = self._watch.cap(self.retry.wait(delays, last.retry_after))
            if wait >= row.remaining():
                raise self._timed_out(last, wait, row.remaining())  # could not start in time
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
            f"over {self._watch.waited:.1f} s; no request has reached the service)"
        )

    def _timed_out(
        self, last: _AttemptFailed | None, wait: float | None = None, remaining: float = 0.0
    ) -> Exception:
        """The row's time is up (or, `remaining` s before it, the next attempt `wait` s away
        could not start in time). If no request has ever reached the service, the run's is
        too: failing the rows one by one would only hide the cause."""
        if last is not None and last.kind == CONNECT and not self._watch.reached:
            return self._unreachable(last)
        reason = f"timed out after {self.row_timeout:g} s (all retries of the row included)"
        if wait is not None and last is not None and remaining > 0:
            reason = out_of_time(
                self.row_timeout, self.row_timeout - remaining, wait, last.retry_after
            )
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

    async def _attempt(
        self, http: httpx.AsyncClient, batch: list[str], usage: Usage, expected: tuple[int, int]
    ) -> list[object]:
        """One request, within the budget: what it is expected to cost is held before it
        goes, and replaced by what it cost when it ends (nothing, when it got no answer)."""
        reservation = self._reserve(expected)
        spent = [0, 0]
        try:
            return await self._request(http, batch, usage, sum(expected), spent)
        finally:
            if reservation is not None and self.budget is not None:
                self.budget.settle(reservation, sum(spent), self.config.cost(*spent))

    def _reserve(self, expected: tuple[int, int]) -> Reservation | None:
        if self.budget is None:
            return None
        reservation = self.budget.reserve(sum(expected), self.config.cost(*expected))
        if reservation is None:
            raise _BudgetRefused()
        return reservation

    async def _request(
        self,
        http: httpx.AsyncClient,
        batch: list[str],
        usage: Usage,
        estimate: int,
        spent: list[int],
    ) -> list[object]:
        usage.requests += 1
        packed = wire.is_packed(self.config, batch)
        usage.packed_requests += packed
        started = time.perf_counter()
        body = wire.request_body(self.config, batch, self._json_mode)
        status, headers, content = await self._post_watched(http, body, started)
        if status != 200:
            if status == 429:
                usage.throttled += 1
            raise self._fail(
                wire.describe_error(status, content, self._scrub),
                status,
                parse_retry_after(headers),
            )
        try:
            answer = wire.read_answer(self.config, content, batch)
        except MalformedAnswer as error:
            raise self._fail(str(error), kind=GARBLED if error.truncated else MALFORMED) from None
        self._check_answers(answer.values)
        latency = time.perf_counter() - started
        usage.latencies.append(latency)
        self._latencies.append(latency)
        spent[:] = answer.prompt_tokens, answer.completion_tokens
        usage.prompt_tokens += answer.prompt_tokens
        usage.completion_tokens += answer.completion_tokens
        if self.pacer is not None:
            self.pacer.on_success(latency)
            self.pacer.correct_tokens(estimate, answer.prompt_tokens + answer.completion_tokens)
        values = self._unpacked(answer.values[0], len(batch)) if packed else answer.values
        values = self._masked(values)
        if self.config.task == CHAT:
            self._learn_answer_tokens(values)
        return values

    def _unpacked(self, reply: object, count: int) -> list[object]:
        try:
            return wire.unpack_reply(self.config, reply, count)  # type: ignore[return-value]
        except packing.Unmatched as unmatched:
            raise _Unmatched(self._scrub(str(unmatched))) from None

    def _learn_answer_tokens(self, values: list[object]) -> None:
        """Keep the running mean of one answer's tokens (per choice), which sizes packed
        requests and estimates what the next request costs."""
        mean, samples = self._answer_tokens
        for value in values:
            choices = value if isinstance(value, list) else [value]
            tokens = sum(count_tokens(str(c)) for c in choices) / max(1, len(choices))
            mean, samples = (mean * samples + tokens) / (samples + 1), samples + 1
        self._answer_tokens = (mean, samples)

    async def _post_watched(
        self, http: httpx.AsyncClient, body: dict, started: float
    ) -> tuple[int, httpx.Headers, bytes]:
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
            # also when it failed just as this one was cancelled: its error is then consumed
            # here, not reported by asyncio as "Task exception was never retrieved"
            await asyncio.gather(request, return_exceptions=True)

    async def _exchange(
        self, http: httpx.AsyncClient, body: dict
    ) -> tuple[int, httpx.Headers, bytes]:
        """One POST: status, headers and the body read within its size limit."""
        headers = wire.request_headers(self.config)
        answered = False
        try:
            async with http.stream(
                "POST", self.config.endpoint, json=body, headers=headers, timeout=120.0
            ) as response:
                answered = True
                self._watch.reach()
                ok = response.status_code == 200
                content = await read_body(
                    response, MAX_ANSWER_BYTES if ok else MAX_ERROR_BYTES, truncate=not ok
                )
                return response.status_code, response.headers, content
        except (httpx.ConnectError, httpx.ConnectTimeout) as error:
            raise self._fail(
                describe_connect_error(self.config.endpoint, error), kind=CONNECT
            ) from None
        except httpx.TimeoutException:
            raise self._fail(f"no answer within {self._timeout():.3g} s") from None
        except httpx.TransportError as error:
            if not answered:  # connected, but no HTTP came back: as good as no connection
                raise self._fail(
                    describe_no_answer(self.config.endpoint, error), kind=CONNECT
                ) from None
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
