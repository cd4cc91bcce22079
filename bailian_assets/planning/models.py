"""`CREATE MODEL` -> ModelSpec: the provider's options checked and typed, the task chosen.

Follows Apache Flink's openai provider (and VVR's `bailian` / `openai-compat`, which speak the
same API): the endpoint's suffix picks chat or embeddings, INPUT is one STRING column, a chat
OUTPUT is one STRING column and an embedding OUTPUT one ARRAY<FLOAT> column. On the IGNORE path
OUTPUT may also declare Flink's metadata columns `error-string` and `http-status-code`.
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass, field
from typing import Mapping
from urllib.parse import urlsplit

from bailian_assets.errors import Position
from bailian_assets.planning import types
from bailian_assets.planning.options import (
    OptionSpec, Problem, ResolvedOption, boolean, choice, duration, integer, number,
    camel_case, resolve_options, text, value_of, with_camel_case,
)
from bailian_assets.sql import ast
from bailian_assets.secrets import Secret

PROVIDERS = ("bailian", "openai-compat", "openai")
_LABEL_LIST = re.compile(r"\[([^\[\]]+)\]")
CHAT, EMBEDDING = "chat", "embedding"
DEFAULT_SYSTEM_PROMPT = "You are a helpful assistant."

PROVIDER = OptionSpec("provider", choice(*PROVIDERS), required=True)
ENDPOINT = OptionSpec("endpoint", text, required=True)
API_KEY = OptionSpec("api-key", text, required=True, secret=True)
MODEL = OptionSpec("model", text, required=True)
SYSTEM_PROMPT = OptionSpec("system-prompt", text, default=DEFAULT_SYSTEM_PROMPT,
                           aliases=("systemPrompt",))
ERROR_HANDLING = OptionSpec("error-handling-strategy", choice("RETRY", "FAILOVER", "IGNORE"),
                            default="RETRY")
RETRY_NUM = OptionSpec("retry-num", integer(0), default=100)
RETRY_FALLBACK = OptionSpec("retry-fallback-strategy", choice("FAILOVER", "IGNORE"),
                            default="FAILOVER")
# Our extensions (Flink has no client-side limiter, batching or cache).
RATE_LIMIT_RPM = OptionSpec("rate-limit.rpm", number(0.1))
RATE_LIMIT_TPM = OptionSpec("rate-limit.tpm", number(1))
CACHE = OptionSpec("cache", boolean, default=True)
PRICE_INPUT = OptionSpec("price.input-per-million-tokens", number(0))
PRICE_OUTPUT = OptionSpec("price.output-per-million-tokens", number(0))

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
MAX_CONTEXT_SIZE = OptionSpec("max-context-size", integer(256))  # the model's context, tokens
# What one run may spend, per model here, or for the whole job with SET (`BUDGET_SETTINGS`).
BUDGET_MAX_TOKENS = OptionSpec("budget.max-tokens", integer(0))
BUDGET_MAX_COST = OptionSpec("budget.max-cost", number(0))
BUDGET_SETTINGS = {spec.key: spec.parse for spec in (BUDGET_MAX_TOKENS, BUDGET_MAX_COST)}

# Options sent in the request body, with the body field each becomes.
REQUEST_OPTIONS: dict[str, tuple[OptionSpec, str]] = {
    "temperature": (OptionSpec("temperature", number(0, 2)), "temperature"),
    "top-p": (OptionSpec("top-p", number(0, 1), aliases=("topP",)), "top_p"),
    "stop": (OptionSpec("stop", text), "stop"),
    "max-tokens": (OptionSpec("max-tokens", integer(1), aliases=("maxTokens",)), "max_tokens"),
    "presence-penalty": (OptionSpec("presence-penalty", number(-2, 2)), "presence_penalty"),
    "n": (OptionSpec("n", integer(1, 4)), "n"),
    "seed": (OptionSpec("seed", integer(0)), "seed"),
    "response-format": (OptionSpec("response-format", choice("text", "json_object")),
                        "response_format"),
    "dimension": (OptionSpec("dimension", integer(1)), "dimensions"),
}
CHAT_ONLY = {"temperature", "top-p", "stop", "max-tokens", "presence-penalty", "n", "seed",
             "response-format", "system-prompt", "max-context-size"}
EMBEDDING_ONLY = {"dimension"}

# Every key in both of VVR's spellings: kebab-case (`api-key`) and camelCase (`apiKey`).
MODEL_OPTIONS = with_camel_case([
    PROVIDER, ENDPOINT, API_KEY, MODEL, SYSTEM_PROMPT, ERROR_HANDLING, RETRY_NUM, RETRY_FALLBACK,
    RATE_LIMIT_RPM, RATE_LIMIT_TPM, BATCH_SIZE, CACHE, PRICE_INPUT, PRICE_OUTPUT,
    MAX_CONTEXT_SIZE, BUDGET_MAX_TOKENS, BUDGET_MAX_COST,
    *(spec for spec, _ in REQUEST_OPTIONS.values())])

# Flink's metadata columns an OUTPUT may declare next to the model's own output.
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
            None if concurrency is None else int(concurrency),  # type: ignore[arg-type]
            float(values.get("timeout", self.timeout)),
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
    request: Mapping[str, object]  # body fields besides model/messages/input
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
    max_context: int | None = None  # the model's context window in tokens, when declared
    cache: bool = True
    price_input: float | None = None  # per million prompt tokens, in the user's currency
    price_output: float | None = None  # per million completion tokens
    budget_tokens: int | None = None  # what one run may spend on this model
    budget_cost: float | None = None

    def cost(self, prompt_tokens: int, completion_tokens: int) -> float | None:
        """What the tokens cost at the prices the model declares; None without prices."""
        if self.price_input is None and self.price_output is None:
            return None
        return (prompt_tokens * (self.price_input or 0)
                + completion_tokens * (self.price_output or 0)) / 1_000_000

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
        return (self.output_column,) + tuple(c for c, _ in self.metadata_columns)


def build_model(statement: ast.CreateModel, path: str, problems: list[Problem],
                environ: Mapping[str, str] | None = None) -> ModelSpec | None:
    """Check a CREATE MODEL; returns None (with problems recorded) when it is not usable."""
    owner = f"model '{statement.name}'"
    before = len(problems)
    resolved = resolve_options(statement.options, MODEL_OPTIONS, owner, statement.name.position,
                               problems, environ)
    task = None
    endpoint = resolved.get("endpoint")
    if endpoint is not None:
        task = _task_of(endpoint, problems)
    if task is not None:
        not_for = CHAT_ONLY if task == EMBEDDING else EMBEDDING_ONLY
        for key in sorted(not_for & resolved.keys()):
            option = resolved[key].option
            problems.append(Problem(
                f"option '{option.key}' does not apply to {task} models ({owner})",
                option.key_position, len(option.key) + 2))
    input_column = _check_input(statement, owner, problems)
    output = _check_output(statement, owner, task, problems)
    if task is not None:
        _check_packing(resolved, task, owner, problems)
        _check_budget(resolved, owner, problems)
    if len(problems) > before or task is None or input_column is None or output is None:
        return None
    request = {
        body_key: _request_value(key, resolved[spec.key].value)
        for key, (spec, body_key) in REQUEST_OPTIONS.items()
        if spec.key in resolved
    }
    key_spellings = {API_KEY.key, camel_case(API_KEY.key)}
    shown = {o.key: ("******" if o.key in key_spellings else o.value) for o in statement.options}
    secrets = tuple(Secret(value) for option in resolved.values()
                    if option.spec.key != API_KEY.key for value in option.secrets)
    return ModelSpec(
        name=str(statement.name), task=task, provider=str(value_of(resolved, PROVIDER)),
        endpoint=str(value_of(resolved, ENDPOINT)), api_key=value_of(resolved, API_KEY),
        model=str(value_of(resolved, MODEL)),
        system_prompt=str(value_of(resolved, SYSTEM_PROMPT)), request=request,
        input_column=input_column, output_column=output[0], metadata_columns=output[1],
        error_handling=str(value_of(resolved, ERROR_HANDLING)),
        retry_num=int(value_of(resolved, RETRY_NUM)),  # type: ignore[arg-type]
        retry_fallback=str(value_of(resolved, RETRY_FALLBACK)),
        path=path, position=statement.position, options=shown,
        rate_limit_rpm=value_of(resolved, RATE_LIMIT_RPM),  # type: ignore[arg-type]
        rate_limit_tpm=value_of(resolved, RATE_LIMIT_TPM),  # type: ignore[arg-type]
        batch_size=value_of(resolved, BATCH_SIZE) or (  # type: ignore[arg-type]
            EMBEDDING_BATCH if task == EMBEDDING else 1),
        max_context=value_of(resolved, MAX_CONTEXT_SIZE),  # type: ignore[arg-type]
        cache=bool(value_of(resolved, CACHE)),
        price_input=value_of(resolved, PRICE_INPUT),  # type: ignore[arg-type]
        price_output=value_of(resolved, PRICE_OUTPUT),  # type: ignore[arg-type]
        budget_tokens=value_of(resolved, BUDGET_MAX_TOKENS),  # type: ignore[arg-type]
        budget_cost=value_of(resolved, BUDGET_MAX_COST),  # type: ignore[arg-type]
        secrets=secrets, display_endpoint=endpoint.shown,  # type: ignore[union-attr]
    )


def _check_packing(resolved: Mapping[str, ResolvedOption], task: str, owner: str,
                   problems: list[Problem]) -> None:
    """'batch-size' within what the task allows: a number up to the service's limit for
    embeddings; for chat, a number or 'auto', and only where one answer per row fits in a
    packed answer (one choice, plain text)."""
    option = resolved.get(BATCH_SIZE.key)
    if option is None:
        return
    size, where = option.value, option.option
    if task == EMBEDDING:
        if size == AUTO or int(size) > MAX_EMBEDDING_BATCH:  # type: ignore[arg-type]
            problems.append(Problem(
                f"'batch-size' of an embedding model ({owner}) is a number of inputs per request "
                f"up to {MAX_EMBEDDING_BATCH} (the service's limit: {EMBEDDING_BATCH} for "
                f"text-embedding-v3/v4), got '{where.value}'", where.value_position,
                len(where.raw)))
        return
    if size != AUTO and int(size) > MAX_PACKED_ROWS:  # type: ignore[arg-type]
        problems.append(Problem(f"'batch-size' packs at most {MAX_PACKED_ROWS} rows into one "
                                f"request ({owner}), got {size}", where.value_position,
                                len(where.raw)))
    if size == 1:
        return
    for key, allowed in (("n", lambda v: v == 1), ("response-format", lambda v: v == "text")):
        other = resolved.get(key)
        if other is not None and not allowed(other.value):
            problems.append(Problem(
                f"'batch-size' packs rows into one JSON answer of one text per row, so it "
                f"cannot be used with '{other.option.key}' = '{other.option.value}' ({owner})",
                where.key_position, len(where.key) + 2))


def _check_budget(resolved: Mapping[str, ResolvedOption], owner: str,
                  problems: list[Problem]) -> None:
    option = resolved.get(BUDGET_MAX_COST.key)
    if option is not None and PRICE_INPUT.key not in resolved and \
            PRICE_OUTPUT.key not in resolved:
        problems.append(Problem(
            f"'budget.max-cost' needs the model's prices: set "
            f"'{PRICE_INPUT.key}' and '{PRICE_OUTPUT.key}' ({owner})",
            option.option.key_position, len(option.option.key) + 2))


def _request_value(key: str, value: object) -> object:
    if key == "stop":
        return [part.strip() for part in str(value).split(",") if part.strip()]
    if key == "response-format":
        return {"type": value}
    return value


def _task_of(endpoint: ResolvedOption, problems: list[Problem]) -> str | None:
    option = endpoint.option
    problem = check_endpoint_url(str(endpoint.value), endpoint.shown)
    if problem:
        problems.append(Problem(problem, option.value_position, len(option.raw)))
        return None
    path = urlsplit(str(endpoint.value)).path.rstrip("/")
    if path.endswith("/chat/completions"):
        return CHAT
    if path.endswith("/embeddings"):
        return EMBEDDING
    problems.append(Problem(
        f"endpoint '{endpoint.shown}' is neither a chat endpoint (.../chat/completions) "
        "nor an embedding endpoint (.../embeddings)", option.value_position, len(option.raw)))
    return None


def check_endpoint_url(url: str, shown: str | None = None) -> str | None:
    """None for an https URL or an http URL on a loopback host; otherwise what is wrong,
    naming the URL as `shown` (default: the URL itself)."""
    parts = urlsplit(url)
    shown = url if shown is None else shown
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return f"endpoint '{shown}' is not an http(s) URL"
    if parts.scheme == "http" and not is_loopback(parts.hostname):
        return (f"endpoint '{shown}' must use https "
                "(plain http is accepted only for loopback hosts such as 127.0.0.1)")
    return None


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _check_input(statement: ast.CreateModel, owner: str, problems: list[Problem]):
    inputs = statement.inputs
    if len(inputs) != 1 or not types.is_character(inputs[0].type):
        where = inputs[0].position if inputs else statement.name.position
        problems.append(Problem(
            f"{owner} must declare INPUT with exactly one STRING column, "
            f"found {_describe(inputs)}", where))
        return None
    return inputs[0]


def _check_output(statement, owner, task, problems):
    own = [c for c in statement.outputs if c.name not in METADATA_COLUMNS]
    metadata = []
    for column in statement.outputs:
        expected = METADATA_COLUMNS.get(column.name)
        if expected is None:
            continue
        if column.type.name != expected:
            problems.append(Problem(f"metadata column `{column.name}` must be {expected}",
                                    column.position))
        metadata.append((column, column.name))
    if task is None:
        return None
    wanted = "one STRING column" if task == CHAT else "one ARRAY<FLOAT> column"
    ok = len(own) == 1 and (
        types.is_character(own[0].type) if task == CHAT else types.is_float_array(own[0].type)
    )
    if not ok:
        where = own[0].position if own else statement.name.position
        problems.append(Problem(f"{owner} is a {task} model: OUTPUT must be {wanted}, "
                                f"found {_describe(tuple(own))}", where))
        return None
    return own[0], tuple(metadata)


def _describe(columns: tuple[ast.ColumnDef, ...]) -> str:
    if not columns:
        return "none"
    return "(" + ", ".join(f"`{c.name}` {c.type}" for c in columns) + ")"
