"""`CREATE MODEL` -> ModelSpec: the provider's options checked and typed, the task chosen.

Follows Apache Flink's openai provider and VVR's providers (`bailian`, `openai-compat`,
`dashscope`; see providers/), which speak the same API: the endpoint's suffix (or VVR's
`'task'`) picks chat or embeddings, INPUT is one STRING column, a chat OUTPUT is one STRING
column and an embedding OUTPUT one ARRAY<FLOAT> column. On the IGNORE path OUTPUT may also
declare Flink's metadata columns `error-string` STRING METADATA and `http-status-code` INT
METADATA (Flink's provider reads them after 2.3; Flink 2.3 itself refuses them).

Flink checks a model where a statement uses it: `build_model`'s problems are reported at each
use (`unusable.Unusable`), an unused model's only logged; `declaration_problems` (METADATA columns,
which Flink 2.3 refuses at the CREATE MODEL) are reported at the declaration.

VVR's request options are taken as Flink CDC's OpenAI-compatible provider defines them:
`user-prompt` (a second user message after the row), `extra-header` and `extra-body` (JSON
objects added to each request), `retry-backoff-strategy` and `retry-backoff-base-interval`.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, SupportsFloat, SupportsInt, cast
from urllib.parse import urlsplit

from bailian_assets.dashscope import API_KEY_ENV, BASE_URL_ENV
from bailian_assets.endpoint_url import check_url
from bailian_assets.errors import Position
from bailian_assets.planning.identifiers import object_key
from bailian_assets.planning.options import (
    OptionSpec,
    Problem,
    ResolvedOption,
    boolean,
    camel_case,
    choice,
    duration,
    http_headers,
    integer,
    json_object,
    number,
    resolve_options,
    text,
    value_of,
    with_camel_case,
)
from bailian_assets.planning.providers import (
    CHAT,
    EMBEDDING,
    PROVIDERS,
    TASKS,
    built_in_endpoint,
    built_in_key,
    task_of_path,
)
from bailian_assets.secrets import Secret
from bailian_assets.sql import ast

STRING_LENGTH = 2147483647  # Flink's STRING is VARCHAR(2147483647)
_OUTPUT_TYPE = {CHAT: "STRING (or VARIANT)", EMBEDDING: "ARRAY<FLOAT>"}
_LABEL_LIST = re.compile(r"\[([^\[\]]+)\]")
DEFAULT_SYSTEM_PROMPT = "You are a helpful assistant."


def _provider(value: str) -> str:
    """A known provider's name, looked up when a model is read (one may be registered late)."""
    return choice(*PROVIDERS)(value)


PROVIDER = OptionSpec("provider", _provider, required=True)
TASK = OptionSpec("task", choice(*TASKS, case_sensitive=True))


def _unless_task(keys) -> bool:
    return "task" not in keys  # a model with a task may be a built-in one


ENDPOINT = OptionSpec("endpoint", text, required=_unless_task)
API_KEY = OptionSpec("api-key", text, required=_unless_task, secret=True)
MODEL = OptionSpec("model", text, required=True)
SYSTEM_PROMPT = OptionSpec(
    "system-prompt", text, default=DEFAULT_SYSTEM_PROMPT, aliases=("systemPrompt",)
)
USER_PROMPT = OptionSpec("user-prompt", text)
CONTENT_TYPE = OptionSpec("content-type", choice("TEXT", "IMAGE_URL"), default="TEXT")
EXTRA_HEADER = OptionSpec("extra-header", http_headers)
EXTRA_BODY = OptionSpec("extra-body", json_object)
ERROR_HANDLING = OptionSpec(
    "error-handling-strategy", choice("RETRY", "FAILOVER", "IGNORE"), default="RETRY"
)
RETRY_NUM = OptionSpec("retry-num", integer(0), default=100)
RETRY_FALLBACK = OptionSpec(
    "retry-fallback-strategy", choice("FAILOVER", "IGNORE"), default="FAILOVER"
)
# VVR's backoff (FIXED by default, from 1 s). Unset, the client's own: the server's Retry-After,
# else exponential backoff with jitter, which spreads retries at a rate limit.
RETRY_BACKOFF = OptionSpec("retry-backoff-strategy", choice("FIXED", "EXPONENTIAL"))
RETRY_BACKOFF_INTERVAL = OptionSpec("retry-backoff-base-interval", duration)
VVR_BACKOFF = ("FIXED", 1.0)
# Our extensions (Flink has no client-side limiter, batching or cache).
RATE_LIMIT_RPM = OptionSpec("rate-limit.rpm", number(0.1))
RATE_LIMIT_TPM = OptionSpec("rate-limit.tpm", number(1))
CACHE = OptionSpec("cache", boolean, default=True)
PRICE_INPUT = OptionSpec("price.input-per-million-tokens", number(0))
PRICE_OUTPUT = OptionSpec("price.output-per-million-tokens", number(0))
PRICE_CURRENCY = OptionSpec("price.currency", text)  # what the prices are in: 'USD', 'CNY'

# Rows per request. Embeddings: inputs per request, up to the service's limit (10 for
# text-embedding-v3/v4, 25 for v1/v2). Chat: rows packed into one request (1, the default,
# packs nothing), or 'auto' to size each request from its rows' token estimates.
AUTO = "auto"
EMBEDDING_BATCH = 10  # the service's maximum for text-embedding-v3/v4
MAX_EMBEDDING_BATCH = 25
MAX_PACKED_ROWS = 100  # beyond this a packed answer is long, and one slip costs many rows


def batch_size(value: str) -> int | str:
    if value.strip().lower() == AUTO:
        return AUTO
    return integer(1)(value)


BATCH_SIZE = OptionSpec("batch-size", batch_size)
# Flink's input limit: an input of more tokens than 'max-context-size' is cut at its tail or
# head, or not sent, as 'context-overflow-action' says ('-log': and a line in the log). Flink
# counts with the model's tokenizer and has none for qwen models (the job fails); we count
# with the project's estimate (tokens.py) for every model. Packing keeps a packed request
# within it too.
MAX_CONTEXT_SIZE = OptionSpec("max-context-size", integer(1))
OVERFLOW_ACTIONS = (
    "truncated-tail",
    "truncated-tail-log",
    "truncated-head",
    "truncated-head-log",
    "skipped",
    "skipped-log",
)
CONTEXT_OVERFLOW = OptionSpec(
    "context-overflow-action", choice(*OVERFLOW_ACTIONS), default="truncated-tail"
)
# What one run may spend, per model here, or for the whole job with SET (`BUDGET_SETTINGS`).
BUDGET_MAX_TOKENS = OptionSpec("budget.max-tokens", integer(0))
BUDGET_MAX_COST = OptionSpec("budget.max-cost", number(0))
BUDGET_SETTINGS = {spec.key: spec.parse for spec in (BUDGET_MAX_TOKENS, BUDGET_MAX_COST)}

# Options sent in the request body, with the body field each becomes. Integers are Java
# ints, as in Flink's option types and the service's fields: a larger one is refused here.
INT_MAX = 2**31 - 1
REQUEST_OPTIONS: dict[str, tuple[OptionSpec, str]] = {
    "temperature": (OptionSpec("temperature", number(0, 2)), "temperature"),
    "top-p": (OptionSpec("top-p", number(0, 1), aliases=("topP",)), "top_p"),
    "stop": (OptionSpec("stop", text), "stop"),
    "max-tokens": (
        OptionSpec("max-tokens", integer(1, INT_MAX), aliases=("maxTokens",)),
        "max_tokens",
    ),
    "presence-penalty": (OptionSpec("presence-penalty", number(-2, 2)), "presence_penalty"),
    "n": (OptionSpec("n", integer(1, 4)), "n"),
    "seed": (OptionSpec("seed", integer(0, INT_MAX)), "seed"),
    "response-format": (
        OptionSpec("response-format", choice("text", "json_object")),
        "response_format",
    ),
    "dimension": (OptionSpec("dimension", integer(1, INT_MAX)), "dimensions"),
}
# Options that mean something for one task only; Flink accepts them on a model of the other
# task and ignores them there, and so do we.
CHAT_ONLY = {
    "temperature",
    "top-p",
    "stop",
    "max-tokens",
    "presence-penalty",
    "n",
    "seed",
    "response-format",
    "system-prompt",
    "user-prompt",
    "content-type",
}
EMBEDDING_ONLY = {"dimension"}
# a model of no known task (None) is refused no option here
_NOT_FOR: dict[str | None, set[str]] = {CHAT: EMBEDDING_ONLY, EMBEDDING: CHAT_ONLY}

# Every key in both of VVR's spellings: kebab-case (`api-key`) and camelCase (`apiKey`).
MODEL_OPTIONS = with_camel_case(
    [
        PROVIDER,
        TASK,
        ENDPOINT,
        API_KEY,
        MODEL,
        SYSTEM_PROMPT,
        USER_PROMPT,
        CONTENT_TYPE,
        EXTRA_HEADER,
        EXTRA_BODY,
        ERROR_HANDLING,
        RETRY_NUM,
        RETRY_FALLBACK,
        RETRY_BACKOFF,
        RETRY_BACKOFF_INTERVAL,
        RATE_LIMIT_RPM,
        RATE_LIMIT_TPM,
        BATCH_SIZE,
        CACHE,
        PRICE_INPUT,
        PRICE_OUTPUT,
        PRICE_CURRENCY,
        MAX_CONTEXT_SIZE,
        CONTEXT_OVERFLOW,
        BUDGET_MAX_TOKENS,
        BUDGET_MAX_COST,
        *(spec for spec, _ in REQUEST_OPTIONS.values()),
    ]
)

# Flink's metadata columns an OUTPUT may declare next to the model's own output, `METADATA`
# (Flink's 'http-headers-map' is not offered: the client keeps no failed response's headers).
METADATA_COLUMNS = {"error-string": "STRING", "http-status-code": "INT"}

# ML_PREDICT's runtime config: MAP['key', 'value'] or SET 'table.exec.async-ml-predict.key'.
RUNTIME_PREFIX = "table.exec.async-ml-predict."
RUNTIME_OPTIONS = {
    "async": boolean,
    "max-concurrent-operations": integer(1, 10_000),
    "output-mode": choice("ORDERED", "ALLOW_UNORDERED"),
    "timeout": duration,
}


@dataclass(frozen=True)
class RuntimeConfig:
    """How ML_PREDICT runs: Flink's async options. Flink's default of 10 requests in flight is
    replaced by pacing at the quota: set `max-concurrent-operations` to cap it anyway."""

    max_concurrent_operations: int | None = None  # None: as many as the pacer can use
    timeout: float = 180.0  # seconds for one row, every retry included
    output_mode: str = "ORDERED"
    run_async: bool = True
    # the job's budget (SET 'budget.max-tokens' / 'budget.max-cost'), shared by its ML_PREDICTs
    budget_tokens: int | None = None
    budget_cost: float | None = None

    def with_values(self, values: Mapping[str, object]) -> RuntimeConfig:
        concurrency = values.get("max-concurrent-operations", self.max_concurrent_operations)
        return RuntimeConfig(
            # the values RUNTIME_OPTIONS' parsers gave: a number for each of these
            None if concurrency is None else int(cast(SupportsInt, concurrency)),
            float(cast(SupportsFloat, values.get("timeout", self.timeout))),
            str(values.get("output-mode", self.output_mode)),
            bool(values.get("async", self.run_async)),
            values.get(BUDGET_MAX_TOKENS.key, self.budget_tokens),  # type: ignore[arg-type]
            values.get(BUDGET_MAX_COST.key, self.budget_cost),  # type: ignore[arg-type]
        )


@dataclass(frozen=True)
class ModelSpec:
    """A model as the rest of the system sees it; `api_key` is a Secret and never printed."""

    name: str
    task: str
    provider: str
    endpoint: str = field(repr=False)  # may hold a secret: show `display_endpoint`
    api_key: Secret
    model: str
    system_prompt: str
    request: Mapping[str, object]  # body fields besides model/messages/input, extra-body's too
    input_column: ast.ColumnDef
    output_column: ast.ColumnDef
    metadata_columns: tuple[tuple[ast.ColumnDef, str], ...]  # (column, 'error-string' | ...)
    error_handling: str
    retry_num: int
    retry_fallback: str
    path: str
    position: Position
    options: Mapping[str, str] = field(default_factory=dict)  # as written, api-key masked
    # every other `${secret_values...}` an option used: scrubbed from whatever is shown
    secrets: tuple[Secret, ...] = ()
    display_endpoint: str = ""  # the endpoint as written when a secret went into it
    rate_limit_rpm: float | None = None
    rate_limit_tpm: float | None = None
    # embedding inputs per request; chat rows packed into one request, or AUTO
    batch_size: int | str = EMBEDDING_BATCH
    max_context: int | None = None  # 'max-context-size': most tokens an input may have
    context_overflow: str = "truncated-tail"  # what happens to a longer input
    cache: bool = True
    price_input: float | None = None  # per million prompt tokens, in the user's currency
    price_output: float | None = None  # per million completion tokens
    price_currency: str | None = None  # what the prices are in, as declared
    user_prompt: str | None = None  # VVR: a second user message, after the row's
    headers: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # extra-header
    backoff: tuple[str, float] | None = None  # (FIXED | EXPONENTIAL, base seconds); None: ours
    built_in: bool = False  # a VVR built-in model: endpoint and key from the environment
    budget_tokens: int | None = None  # what one run may spend on this model
    budget_cost: float | None = None
    content_type: str = "TEXT"  # VVR: TEXT, or IMAGE_URL (the input column holds image URLs)
    # an AI function's view of the model (planning/table_functions/ai_function.py): checks
    # each answer and projects it into typed columns; None for ML_PREDICT
    answer_shape: Any = None

    def cost(self, prompt_tokens: int, completion_tokens: int) -> float | None:
        """What the tokens cost at the prices the model declares; None without prices."""
        if self.price_input is None and self.price_output is None:
            return None
        return (
            prompt_tokens * (self.price_input or 0) + completion_tokens * (self.price_output or 0)
        ) / 1_000_000

    @property
    def labels(self) -> tuple[str, ...]:
        """The labels the system prompt offers in its first `[a, b, c]` list, if any."""
        for match in _LABEL_LIST.finditer(self.system_prompt):
            labels = tuple(part.strip().strip("'\"`") for part in match.group(1).split(","))
            labels = tuple(label for label in labels if label)
            if len(labels) >= 2:
                return labels
        return ()

    @property
    def api_key_env(self) -> str | None:
        """The environment variable the key comes from, when the SQL names exactly one."""
        return self.api_key.env

    @property
    def output_columns(self) -> tuple[ast.ColumnDef, ...]:
        return (self.output_column, *tuple(c for c, _ in self.metadata_columns))


def build_model(
    statement: ast.CreateModel,
    path: str,
    problems: list[Problem],
    environ: Mapping[str, str] | None = None,
) -> ModelSpec | None:
    """Check a CREATE MODEL; returns None (with problems recorded) when it is not usable."""
    environ = os.environ if environ is None else environ
    owner = f"model '{statement.name}'"
    before = len(problems)
    resolved = resolve_options(
        statement.options, MODEL_OPTIONS, owner, statement.name.position, problems, environ
    )
    route = _route(resolved, owner, problems, environ)
    task = route.task if route else None
    request = _request(resolved, owner, problems, task)
    headers = _headers(resolved, problems)
    _check_content_type(resolved, owner, task, problems)
    input_column = _check_input(statement, owner, problems)
    output = _check_output(statement, owner, task, problems)
    if task is not None:
        _check_packing(resolved, task, owner, problems)
        _check_budget(resolved, owner, problems)
    if (
        len(problems) > before
        or route is None
        or task is None
        or input_column is None
        or output is None
    ):
        return None
    return _model_spec(
        statement, path, resolved, route, request, headers, input_column, output, environ
    )


def _model_spec(
    statement: ast.CreateModel,
    path: str,
    resolved: Mapping[str, ResolvedOption],
    route: _Route,
    request: dict[str, object],
    headers: dict[str, tuple[str, ...]],
    input_column: ast.ColumnDef,
    output: tuple[ast.ColumnDef, tuple[tuple[ast.ColumnDef, str], ...]],
    environ: Mapping[str, str],
) -> ModelSpec:
    """The spec of a model whose checks all passed: its resolved options typed, its key
    chosen, and what may be shown of it (options, endpoint) kept apart from its secrets."""
    task = route.task
    return ModelSpec(
        name=object_key(statement.name),
        task=task,
        provider=str(value_of(resolved, PROVIDER)),
        endpoint=route.endpoint,
        api_key=_api_key(route, resolved, environ),
        model=str(value_of(resolved, MODEL)),
        system_prompt=str(value_of(resolved, SYSTEM_PROMPT)),
        request=request,
        input_column=input_column,
        output_column=output[0],
        metadata_columns=output[1],
        error_handling=str(value_of(resolved, ERROR_HANDLING)),
        retry_num=int(value_of(resolved, RETRY_NUM)),
        retry_fallback=str(value_of(resolved, RETRY_FALLBACK)),
        path=path,
        position=statement.position,
        options=_shown_options(statement),
        rate_limit_rpm=value_of(resolved, RATE_LIMIT_RPM),
        rate_limit_tpm=value_of(resolved, RATE_LIMIT_TPM),
        batch_size=value_of(resolved, BATCH_SIZE) or (EMBEDDING_BATCH if task == EMBEDDING else 1),
        max_context=value_of(resolved, MAX_CONTEXT_SIZE),
        context_overflow=str(value_of(resolved, CONTEXT_OVERFLOW)),
        cache=bool(value_of(resolved, CACHE)),
        price_input=value_of(resolved, PRICE_INPUT),
        price_output=value_of(resolved, PRICE_OUTPUT),
        price_currency=value_of(resolved, PRICE_CURRENCY),
        budget_tokens=value_of(resolved, BUDGET_MAX_TOKENS),
        budget_cost=value_of(resolved, BUDGET_MAX_COST),
        secrets=_option_secrets(resolved),
        display_endpoint=route.shown,
        user_prompt=value_of(resolved, USER_PROMPT),
        headers=headers,
        backoff=_backoff(resolved),
        built_in=route.built_in,
        content_type=str(value_of(resolved, CONTENT_TYPE)),
    )


def _shown_options(statement: ast.CreateModel) -> dict[str, str]:
    """The model's options as written, its API key masked: what metadata and logs may show."""
    key_spellings = {API_KEY.key, camel_case(API_KEY.key)}
    return {o.key: ("******" if o.key in key_spellings else o.value) for o in statement.options}


def _option_secrets(resolved: Mapping[str, ResolvedOption]) -> tuple[Secret, ...]:
    """The values marked secret in options other than the API key (which travels apart)."""
    return tuple(
        Secret(value)
        for option in resolved.values()
        if option.spec.key != API_KEY.key
        for value in option.secrets
    )


def _api_key(
    route: _Route, resolved: Mapping[str, ResolvedOption], environ: Mapping[str, str]
) -> Secret:
    """The key requests carry: the environment's for a built-in model, else the option's."""
    if route.built_in:
        return Secret(built_in_key(environ), API_KEY_ENV)
    return value_of(resolved, API_KEY)


@dataclass(frozen=True)
class _Route:
    """Where a model's requests go: its task, endpoint (and the endpoint as it may be shown),
    and whether it is a built-in model, whose endpoint and key the environment gives."""

    task: str
    endpoint: str
    shown: str
    built_in: bool


def _route(
    resolved: Mapping[str, ResolvedOption],
    owner: str,
    problems: list[Problem],
    environ: Mapping[str, str],
) -> _Route | None:
    endpoint, task = resolved.get(ENDPOINT.key), resolved.get(TASK.key)
    if task is not None:
        key = resolved.get(API_KEY.key)
        if key is not None:
            problems.append(
                Problem(
                    f"option '{key.option.key}' cannot be used together with 'task' ({owner}): a "
                    f"model with a task is a built-in model, called with the platform's key "
                    f"(here {API_KEY_ENV})",
                    key.option.key_position,
                    len(key.option.key) + 2,
                )
            )
    if endpoint is not None:
        return _declared_route(endpoint, task, problems)
    if task is None:
        return None  # the missing endpoint is already reported
    provider = PROVIDERS.get(str(value_of(resolved, PROVIDER)))
    if provider is not None and not provider.built_in:
        option = task.option
        problems.append(
            Problem(
                f"{owner} has a 'task' but no 'endpoint': provider '{provider.name}' has no "
                f"built-in models (those of {_built_in_providers()} have); give its endpoint",
                option.key_position,
                len(option.key) + 2,
            )
        )
        return None
    url = built_in_endpoint(str(task.value), environ)
    problem = check_endpoint_url(url)
    if problem:
        option = task.option
        problems.append(
            Problem(
                f"{problem} (a built-in model's endpoint, from {BASE_URL_ENV})",
                option.value_position,
                len(option.raw),
            )
        )
        return None
    return _Route(TASKS[str(task.value)], url, url, True)


def _built_in_providers() -> str:
    """The providers with built-in models, for messages: 'a' and 'b'."""
    names = [f"'{name}'" for name in sorted(PROVIDERS) if PROVIDERS[name].built_in]
    if len(names) < 2:
        return "".join(names) or "no provider"
    return " and ".join([", ".join(names[:-1]), names[-1]])


def _declared_route(
    endpoint: ResolvedOption, task: ResolvedOption | None, problems: list[Problem]
) -> _Route | None:
    """The endpoint the SQL names: its suffix picks the task, or VVR's 'task' when it has none
    (the task's path is then appended)."""
    option = endpoint.option
    problem = check_endpoint_url(str(endpoint.value), endpoint.shown)
    if problem:
        problems.append(Problem(problem, option.value_position, len(option.raw)))
        return None
    url, shown = str(endpoint.value), endpoint.shown
    by_suffix = task_of_path(urlsplit(url).path)
    if task is None and by_suffix is None:
        problems.append(
            Problem(
                f"endpoint '{shown}' is neither a chat endpoint (.../chat/completions) nor an "
                "embedding endpoint (.../embeddings); name one, or the task with 'task'",
                option.value_position,
                len(option.raw),
            )
        )
        return None
    if task is None:
        return _Route(by_suffix, url, shown, False)  # type: ignore[arg-type]
    declared = TASKS[str(task.value)]
    if by_suffix is not None and by_suffix != declared:
        problems.append(
            Problem(
                f"'task' is '{task.value}' but endpoint '{shown}' is a {by_suffix} endpoint",
                task.option.value_position,
                len(task.option.raw),
            )
        )
        return None
    if by_suffix is None:
        url, shown = (f"{text.rstrip('/')}/{task.value}" for text in (url, shown))
    return _Route(declared, url, shown, True)


# Body fields the client writes itself from each row and the model's options
_OWN_BODY_FIELDS = {"model", "messages", "input", "stream"}
# Headers the client sets: the key goes in 'api-key', never in a header someone may print
_OWN_HEADERS = {
    "authorization",
    "content-type",
    "content-length",
    "content-encoding",
    "host",
    "transfer-encoding",
    "connection",
    "accept-encoding",
}


def _request(
    resolved: Mapping[str, ResolvedOption], owner: str, problems: list[Problem], task: str | None
) -> dict[str, object]:
    """The body fields besides model/messages/input: the options that map to one, and
    extra-body's, which may not set what the client or another option sets. An option of the
    other task (a chat model's 'dimension', an embedding model's 'temperature') is accepted
    and not sent, as Flink's openai provider does."""
    request = {
        body_key: _request_value(key, resolved[spec.key].value)
        for key, (spec, body_key) in REQUEST_OPTIONS.items()
        if spec.key in resolved and key not in _NOT_FOR.get(task, ())
    }
    extra = resolved.get(EXTRA_BODY.key)
    if extra is None:
        return request
    by_body_key = {body_key: spec.key for spec, body_key in REQUEST_OPTIONS.values()}
    for field_name in extra.value:  # type: ignore[attr-defined]
        if field_name in _OWN_BODY_FIELDS:
            reason = "which the client writes from each row and the model's options"
        elif field_name in request:
            reason = f"which option '{by_body_key[field_name]}' sets too"
        else:
            continue
        problems.append(
            Problem(
                f"'{extra.option.key}' of {owner} sets '{field_name}', {reason}",
                extra.option.value_position,
                len(extra.option.raw),
            )
        )
    return {**extra.value, **request}  # type: ignore[dict-item]


def _headers(
    resolved: Mapping[str, ResolvedOption], problems: list[Problem]
) -> dict[str, tuple[str, ...]]:
    extra = resolved.get(EXTRA_HEADER.key)
    if extra is None:
        return {}
    for name in extra.value:  # type: ignore[attr-defined]
        if name.lower() in _OWN_HEADERS:
            why = (
                "the key goes in 'api-key'"
                if name.lower() == "authorization"
                else "the client sets it"
            )
            problems.append(
                Problem(
                    f"'{extra.option.key}' cannot set header '{name}': {why}",
                    extra.option.value_position,
                    len(extra.option.raw),
                )
            )
    return extra.value  # type: ignore[return-value]


def _backoff(resolved: Mapping[str, ResolvedOption]) -> tuple[str, float] | None:
    """VVR's backoff when either of its options is set (the other at VVR's default)."""
    strategy, interval = resolved.get(RETRY_BACKOFF.key), resolved.get(RETRY_BACKOFF_INTERVAL.key)
    if strategy is None and interval is None:
        return None
    return (
        str(strategy.value) if strategy else VVR_BACKOFF[0],
        # the option's parser gave a number of seconds
        float(cast(SupportsFloat, interval.value)) if interval else VVR_BACKOFF[1],
    )


def _check_content_type(
    resolved: Mapping[str, ResolvedOption], owner: str, task: str | None, problems: list[Problem]
) -> None:
    """IMAGE_URL sends one image a request: rows with images are never packed (the packed
    question is one JSON text). An embedding model takes text only: ignoring IMAGE_URL there,
    as other chat options are ignored, would embed each URL's text as if it were the image."""
    content_type, batch = resolved.get(CONTENT_TYPE.key), resolved.get(BATCH_SIZE.key)
    if content_type is None or content_type.value != "IMAGE_URL":
        return
    if task == EMBEDDING:
        problems.append(
            Problem(
                f"option '{content_type.option.key}' = 'IMAGE_URL' does not apply to embedding "
                f"models ({owner}): they embed text, and the URLs would be embedded as text",
                content_type.option.value_position,
                len(content_type.option.raw),
            )
        )
        return
    if batch is None or batch.value == 1:
        return
    problems.append(
        Problem(
            f"'{batch.option.key}' = '{batch.value}' cannot pack rows of a model whose "
            f"'{content_type.option.key}' is 'IMAGE_URL' ({owner}): each image goes in a request "
            "of its own",
            batch.option.value_position,
            len(batch.option.raw),
        )
    )


def _check_packing(
    resolved: Mapping[str, ResolvedOption], task: str, owner: str, problems: list[Problem]
) -> None:
    """'batch-size' within what the task allows: a number up to the service's limit for
    embeddings; for chat, a number or 'auto', and only where one answer per row fits in a
    packed answer (one choice, plain text)."""
    option = resolved.get(BATCH_SIZE.key)
    if option is None:
        return
    # a number, or AUTO (the option's parser gives nothing else)
    size, where = cast("int | str", option.value), option.option
    if task == EMBEDDING:
        if size == AUTO or int(size) > MAX_EMBEDDING_BATCH:
            problems.append(
                Problem(
                    f"'batch-size' of an embedding model ({owner}) is a number of inputs per "
                    f"request up to {MAX_EMBEDDING_BATCH} (the service's limit: {EMBEDDING_BATCH} "
                    f"for text-embedding-v3/v4), got '{where.value}'",
                    where.value_position,
                    len(where.raw),
                )
            )
        return
    if size != AUTO and int(size) > MAX_PACKED_ROWS:
        problems.append(
            Problem(
                f"'batch-size' packs at most {MAX_PACKED_ROWS} rows into one "
                f"request ({owner}), got {size}",
                where.value_position,
                len(where.raw),
            )
        )
    if size == 1:
        return
    for key, allowed in (("n", lambda v: v == 1), ("response-format", lambda v: v == "text")):
        other = resolved.get(key)
        if other is not None and not allowed(other.value):
            problems.append(
                Problem(
                    f"'batch-size' packs rows into one JSON answer of one text per row, so it "
                    f"cannot be used with '{other.option.key}' = '{other.option.value}' ({owner})",
                    where.key_position,
                    len(where.key) + 2,
                )
            )


def _check_budget(
    resolved: Mapping[str, ResolvedOption], owner: str, problems: list[Problem]
) -> None:
    option = resolved.get(BUDGET_MAX_COST.key)
    if option is not None and PRICE_INPUT.key not in resolved and PRICE_OUTPUT.key not in resolved:
        problems.append(
            Problem(
                f"'budget.max-cost' needs the model's prices: set "
                f"'{PRICE_INPUT.key}' and '{PRICE_OUTPUT.key}' ({owner})",
                option.option.key_position,
                len(option.option.key) + 2,
            )
        )


def _request_value(key: str, value: object) -> object:
    if key == "stop":
        return [part.strip() for part in str(value).split(",") if part.strip()]
    if key == "response-format":
        return {"type": value}
    return value


def check_endpoint_url(url: str, shown: str | None = None) -> str | None:
    """None for a URL a model can be called at; otherwise what is wrong, naming the URL as
    `shown` (default: the URL itself). See `bailian_assets.endpoint_url`."""
    return check_url(url, shown)


def _check_input(statement: ast.CreateModel, owner: str, problems: list[Problem]):
    """INPUT: exactly one column of type STRING, as Flink's openai provider wants (a
    VARCHAR(n) or a `STRING NOT NULL` is refused there too)."""
    inputs = statement.inputs
    if len(inputs) != 1:
        where = inputs[0].position if inputs else statement.name.position
        problems.append(
            Problem(
                f"{owner} must declare INPUT with exactly one STRING column, "
                f"found {_describe(inputs)}",
                where,
            )
        )
        return None
    if not is_exactly_string(inputs[0].type):
        problems.append(
            Problem(
                f"input column `{inputs[0].name}` of {owner} should be STRING, "
                f"but is a {inputs[0].type}",
                inputs[0].position,
            )
        )
        return None
    return inputs[0]


def is_exactly_string(data_type: ast.DataType) -> bool:
    """STRING as Flink means it: VARCHAR of the maximum length, nullable."""
    return data_type.nullable and (
        data_type.name == "STRING"
        or (data_type.name == "VARCHAR" and data_type.params == (STRING_LENGTH,))
    )


def is_exactly_float_array(data_type: ast.DataType) -> bool:
    """ARRAY<FLOAT> as Flink's embedding models want it (not ARRAY<DOUBLE>), nullable."""
    element = data_type.element
    return (
        data_type.nullable
        and data_type.name == "ARRAY"
        and element is not None
        and element.name == "FLOAT"
        and element.nullable
    )


def declaration_problems(statement: ast.CreateModel) -> list[Problem]:
    """What is wrong with a CREATE MODEL's METADATA columns: reported at the CREATE MODEL,
    where Flink 2.3 refuses every METADATA column of a model (the rest of a model is checked
    where it is used). Flink's way to read why a row failed under IGNORE, which its
    `openai` provider implements after 2.3: `error-string` STRING METADATA and
    `http-status-code` INT METADATA in OUTPUT."""
    problems = []
    for column in statement.inputs:
        if column.metadata:
            problems.append(
                Problem(
                    f"input column `{column.name}` cannot be METADATA: only "
                    "OUTPUT has metadata columns",
                    column.position,
                )
            )
    for column in statement.outputs:
        if column.metadata and column.name not in METADATA_COLUMNS:
            known = ", ".join(f"`{k}` {t}" for k, t in METADATA_COLUMNS.items())
            problems.append(
                Problem(
                    f"unexpected metadata column `{column.name}`; a model's "
                    f"metadata columns are {known}",
                    column.position,
                )
            )
    return problems


def _check_output(statement, owner, task, problems):
    own = [c for c in statement.outputs if not c.metadata]
    metadata = []
    for column in statement.outputs:
        expected = METADATA_COLUMNS.get(column.name)
        if expected is None or not column.metadata:
            continue
        if column.type.name != expected or not column.type.nullable:
            problems.append(
                Problem(f"metadata column `{column.name}` must be {expected}", column.position)
            )
        metadata.append((column, column.name))
    if task is None:
        return None
    if len(own) != 1:
        where = own[0].position if own else statement.name.position
        plain = [c.name for c in own if c.name in METADATA_COLUMNS]
        hint = (
            f"; declare {', '.join(f'`{n}` {METADATA_COLUMNS[n]} METADATA' for n in plain)}"
            " to read why a row failed"
            if plain
            else ""
        )
        problems.append(
            Problem(
                f"{owner} is a {task} model: OUTPUT must have exactly one "
                f"physical column, {_OUTPUT_TYPE[task]}, found "
                f"{_describe(tuple(own))}{hint}",
                where,
            )
        )
        return None
    column = own[0]
    # VARIANT (VVR): the answer parsed as JSON, a row fails if it is not
    ok = (
        (is_exactly_string(column.type) or column.type.name == "VARIANT")
        if task == CHAT
        else is_exactly_float_array(column.type)
    )
    if not ok:
        problems.append(
            Problem(
                f"output column `{column.name}` of {owner} should be "
                f"{_OUTPUT_TYPE[task]}, but is a {column.type}",
                column.position,
            )
        )
        return None
    return column, tuple(metadata)


def _describe(columns: tuple[ast.ColumnDef, ...]) -> str:
    if not columns:
        return "none"
    return "(" + ", ".join(f"`{c.name}` {c.type}" for c in columns) + ")"
