"""A Bailian-compatible service: DashScope's compatible-mode chat and embeddings, simulated.

`BailianSimulator.handle(method, path, headers, body)` is the whole service as a function: it
validates, enforces per-model quotas, answers, and says how late and how broken the answer
should be (latency and faults are the transport's to act out). `transport()` serves it
in-process to httpx, which is what runs when BAILIAN_BASE_URL is unset; `server.py` serves the
same object over HTTP. Formats, validation and error bodies follow `shared/notes/dashscope.md`.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import logging
import time
from collections import Counter
from dataclasses import dataclass, field

import httpx

from bailian_assets.simulator import ai_answers, answers, vision
from bailian_assets.simulator.faults import FaultConfig, FaultPlan
from bailian_assets.simulator.quota import Quotas, retry_after_header
from bailian_assets.tokens import count_tokens

# the "HTTP version" of the simulator's in-process answers: httpx logs it with each request
SIMULATED = "simulated"


class SimulatedRequestLog(logging.Filter):
    """httpx logs every request with its full URL (`HTTP Request: POST https://dashscope...`),
    even one the in-process simulator answered, which reads as if it had gone out. Those
    records are told as what they are: simulated, the path only, nothing sent."""

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if (
            str(record.msg).startswith("HTTP Request:")
            and isinstance(args, tuple)
            and len(args) == 5
            and args[2] == SIMULATED
        ):
            method, url, _, status, reason = args
            path = url.path if isinstance(url, httpx.URL) else ""
            record.msg = "simulated request (answered in-process, nothing sent): %s %s %d %s"
            record.args = (method, path, status, reason)
        return True


_simulated_log = SimulatedRequestLog()


def install_simulated_log() -> None:
    """Log the simulator's requests as simulated (see SimulatedRequestLog)."""
    logger = logging.getLogger("httpx")
    if _simulated_log not in logger.filters:
        logger.filters.insert(0, _simulated_log)  # before the scrubbing filter renders it


CHAT_PATH = "/compatible-mode/v1/chat/completions"
EMBEDDINGS_PATH = "/compatible-mode/v1/embeddings"

# Inputs per request and allowed dimensions, per embedding model (default dimension first).
EMBEDDING_MODELS = {
    "text-embedding-v1": (25, (1536,)),
    "text-embedding-v2": (25, (1536,)),
    "text-embedding-v3": (10, (1024, 768, 512, 256, 128, 64)),
    "text-embedding-v4": (10, (1024, 2048, 1536, 768, 512, 256, 128, 64)),
}
DEFAULT_EMBEDDING = (10, (1024, 2048, 1536, 768, 512, 256, 128, 64))

# Types of the chat request's optional fields, as the real service checks them.
_CHAT_FIELDS = {
    "temperature": "number",
    "top_p": "number",
    "presence_penalty": "number",
    "max_tokens": "integer",
    "n": "integer",
    "seed": "integer",
    "stop": "string or list of strings",
    "response_format": "object",
    "stream": "boolean",
}


def _is(value: object, expected: str) -> bool:
    if expected == "number":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if expected == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if expected == "boolean":
        return isinstance(value, bool)
    if expected == "object":
        return isinstance(value, dict) and value.get("type") in ("text", "json_object")
    return isinstance(value, str) or (
        isinstance(value, list) and all(isinstance(v, str) for v in value)
    )


def _within_max_tokens(content: str, max_tokens: object) -> tuple[str, str]:
    """The reply cut to `max_tokens` (finish_reason "length"), or whole ("stop")."""
    if isinstance(max_tokens, int) and count_tokens(content) > max_tokens:
        return content[: max(1, max_tokens)], "length"
    return content, "stop"


@dataclass(frozen=True)
class Reply:
    status: int
    body: dict
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds to wait before answering
    fault: str | None = None  # drop | malformed | None (server errors are plain replies)
    variant: int = 0

    def encode(self) -> bytes:
        text = json.dumps(self.body, ensure_ascii=False)
        if self.fault == "malformed":
            # variant 0: not JSON at all; variant 1: JSON cut off half way
            text = "<html>upstream error</html>" if self.variant == 0 else text[: len(text) // 2]
        return text.encode()


@dataclass
class Counters:
    """What the simulator served: by status, tokens, inputs, packed requests, refusals and
    faults (a spoilt packed answer counts as `packed_drop`, `packed_repeat` or `packed_reorder`).

    Tokens and inputs count answered requests only: what a run would have cost."""

    by_status: Counter = field(default_factory=Counter)
    prompt_tokens: int = 0
    completion_tokens: int = 0
    inputs: int = 0  # rows answered: a packed request counts each of its rows
    packed: int = 0  # packed requests answered
    throttled: Counter = field(default_factory=Counter)  # by refusal code
    faults: Counter = field(default_factory=Counter)  # by fault kind

    @property
    def requests(self) -> int:
        return sum(self.by_status.values())

    def as_dict(self) -> dict:
        return {
            "requests": self.requests,
            "by_status": {str(k): v for k, v in sorted(self.by_status.items(), key=str)},
            "prompt_tokens": self.prompt_tokens,
            "completion_tokens": self.completion_tokens,
            "inputs": self.inputs,
            "packed": self.packed,
            "throttled": dict(self.throttled),
            "faults": dict(self.faults),
        }


class BailianSimulator:
    def __init__(
        self,
        quotas: Quotas | None = None,
        faults: FaultConfig | None = None,
        retry_after: bool = True,
    ) -> None:
        self.quotas = quotas or Quotas()
        self.fault_plan = FaultPlan(faults or FaultConfig())
        self.retry_after = retry_after
        self.counters = Counters()
        self._ids = itertools.count(1)

    def handle(self, method: str, path: str, headers: dict[str, str], body: bytes) -> Reply:
        reply = self._route(
            method, path.split("?")[0].rstrip("/"), {k.lower(): v for k, v in headers.items()}, body
        )
        if reply.status == 200 and reply.fault is None:
            reply = self._with_faults(reply, body)
        self.counters.by_status["dropped" if reply.fault == "drop" else reply.status] += 1
        if reply.fault:
            self.counters.faults[reply.fault] += 1
        return reply

    def reset(self) -> None:
        self.counters = Counters()

    def transport(self) -> httpx.AsyncBaseTransport:
        """This simulator as an in-process httpx transport (no sockets, no network)."""

        async def handler(request: httpx.Request) -> httpx.Response:
            reply = self.handle(
                request.method, request.url.path, dict(request.headers), request.content
            )
            if reply.delay:
                await asyncio.sleep(reply.delay)
            if reply.fault == "drop":
                raise httpx.RemoteProtocolError(
                    "Server disconnected without sending a response.", request=request
                )
            return httpx.Response(
                reply.status,
                content=reply.encode(),
                headers={"content-type": "application/json", **reply.headers},
                extensions={"http_version": SIMULATED.encode()},  # marks it for the log
            )

        install_simulated_log()
        return httpx.MockTransport(handler)

    def _with_faults(self, reply: Reply, body: bytes) -> Reply:
        draw = self.fault_plan.draw(body)
        if draw.fault == "server_error":
            status = (500, 503)[draw.variant]
            message = (
                "An internal error has occured, please try again later."
                if status == 500
                else "The service is temporarily unavailable."
            )
            error = self._error(
                status,
                message,
                "internal_error",
                "InternalError" if status == 500 else "ServiceUnavailable",
            )
            return Reply(error.status, error.body, delay=draw.delay, fault="server_error")
        return Reply(
            reply.status,
            reply.body,
            reply.headers,
            draw.delay,
            draw.fault if draw.fault in ("drop", "malformed", "slow") else None,
            draw.variant,
        )

    # ------------------------------------------------------------ routing

    def _route(self, method: str, path: str, headers: dict[str, str], body: bytes) -> Reply:
        if path not in (CHAT_PATH, EMBEDDINGS_PATH):
            return self._error(404, f"Not found: {path}", "not_found", "NotFound")
        if method != "POST":
            return self._error(
                405, "Method not allowed", "invalid_request_error", "MethodNotAllowed"
            )
        auth = headers.get("authorization", "")
        if not auth.startswith("Bearer ") or not auth[7:].strip():
            return self._error(
                401, "Incorrect API key provided. ", "invalid_request_error", "invalid_api_key"
            )
        try:
            request = json.loads(body or b"")
        except ValueError:
            return self._invalid("The request body is not valid JSON.")
        if not isinstance(request, dict) or not isinstance(request.get("model"), str):
            return self._invalid("Field 'model' is required and must be a string.", "model")
        if path == CHAT_PATH:
            return self._chat(request, body)
        return self._embeddings(request)

    def _chat(self, request: dict, body: bytes) -> Reply:
        contents = self._chat_contents(request)
        if isinstance(contents, Reply):
            return contents
        n = request.get("n", 1)
        content, items, packed_fault = self._chat_answer(request, contents, body)
        content, finish = _within_max_tokens(content, request.get("max_tokens"))
        prompt_tokens = sum(c.tokens for _, c in contents)
        completion_tokens = count_tokens(content) * n
        refused = self._admit(request["model"], prompt_tokens + completion_tokens)
        if refused is not None:
            return refused
        self.counters.prompt_tokens += prompt_tokens
        self.counters.completion_tokens += completion_tokens
        self.counters.inputs += 1 if items is None else len(items)
        if items is not None:
            self.counters.packed += 1
            if packed_fault is not None:
                self.counters.faults["packed_" + packed_fault] += 1
        return self._chat_completion(
            request["model"], content, finish, n, prompt_tokens, completion_tokens
        )

    def _chat_contents(self, request: dict) -> list[tuple[str, vision.Content]] | Reply:
        """The request's messages read as (role, content), or the 400 that refuses it."""
        messages = request.get("messages")
        if (
            not isinstance(messages, list)
            or not messages
            or not all(
                isinstance(m, dict) and isinstance(m.get("role"), str) and "content" in m
                for m in messages
            )
        ):
            return self._invalid(
                "'messages' must be a non-empty list of {role, content}.", "messages"
            )
        try:  # a vision request's parts: its images described as text (vision.py)
            contents = [(m["role"], vision.read_content(m["content"])) for m in messages]
        except vision.InvalidContent as error:
            return self._invalid(str(error), "messages")
        for name, expected in _CHAT_FIELDS.items():
            if name in request and request[name] is not None and not _is(request[name], expected):
                return self._invalid(
                    f"Field '{name}' has the wrong type: expected {expected}, "
                    f"got {type(request[name]).__name__}.",
                    name,
                )
        if request.get("stream"):
            return self._invalid("Streaming is not supported by this simulator.", "stream")
        if not 1 <= request.get("n", 1) <= 4:
            return self._invalid("'n' must be an integer between 1 and 4.", "n")
        return contents

    def _chat_answer(
        self, request: dict, contents: list[tuple[str, vision.Content]], body: bytes
    ) -> tuple[str, dict[str, str] | None, str | None]:
        """The assistant's text, with the packed items it answers (None for a single input)
        and the fault drawn for the packed reply (None if none was)."""
        # The first user message is the text to answer; a later one (VVR's 'user-prompt')
        # instructs, as the system prompt does.
        users = [c.text for role, c in contents if role == "user"]
        user = users[0] if users else ""
        system = " ".join([*(c.text for role, c in contents if role == "system"), *users[1:]])
        packed = answers.packed_items(system, user)
        if packed is None:
            fmt = request.get("response_format") or {}
            json_mode = isinstance(fmt, dict) and fmt.get("type") == "json_object"
            content = ai_answers.reply(system, user) or answers.chat_reply(system, user, json_mode)
            return content, None, None
        own_prompt, items = packed
        packed_fault, rng = self.fault_plan.draw_packed(body)
        return answers.packed_reply(own_prompt, items, packed_fault, rng), items, packed_fault

    def _chat_completion(
        self,
        model: str,
        content: str,
        finish: str,
        n: int,
        prompt_tokens: int,
        completion_tokens: int,
    ) -> Reply:
        """The 200 answer: `n` identical choices of `content`, and the usage billed."""
        choices = [
            {
                "index": i,
                "message": {"role": "assistant", "content": content},
                "finish_reason": finish,
                "logprobs": None,
            }
            for i in range(n)
        ]
        return Reply(
            200,
            {
                "id": f"chatcmpl-{next(self._ids)}",
                "object": "chat.completion",
                "created": int(time.time()),
                "model": model,
                "choices": choices,
                "usage": {
                    "prompt_tokens": prompt_tokens,
                    "completion_tokens": completion_tokens,
                    "total_tokens": prompt_tokens + completion_tokens,
                },
                "system_fingerprint": None,
            },
        )

    def _embeddings(self, request: dict) -> Reply:
        texts = request.get("input")
        if isinstance(texts, str):
            texts = [texts]
        if (
            not isinstance(texts, list)
            or not texts
            or not all(isinstance(t, str) and t for t in texts)
        ):
            return self._invalid("'input' must be a non-empty string or list of strings.", "input")
        limit, dimensions = EMBEDDING_MODELS.get(request["model"], DEFAULT_EMBEDDING)
        if len(texts) > limit:
            return self._invalid(
                f"batch size is invalid, it should not be larger than {limit}.", "input"
            )
        dimension = request.get("dimensions", dimensions[0])
        if dimension not in dimensions:
            return self._invalid(
                f"Value error, dimension should be one of {list(dimensions)}, got {dimension}.",
                "dimensions",
            )
        data = [
            {"object": "embedding", "index": i, "embedding": answers.embedding(t, dimension)}
            for i, t in enumerate(texts)
        ]
        tokens = sum(count_tokens(t) for t in texts)
        refused = self._admit(request["model"], tokens)
        if refused is not None:
            return refused
        self.counters.prompt_tokens += tokens
        self.counters.inputs += len(texts)
        return Reply(
            200,
            {
                "object": "list",
                "data": data,
                "model": request["model"],
                "usage": {"prompt_tokens": tokens, "total_tokens": tokens},
                "id": f"emb-{next(self._ids)}",
            },
        )

    def _admit(self, model: str, tokens: int) -> Reply | None:
        refusal = self.quotas.admit(model, tokens)
        if refusal is None:
            return None
        self.counters.throttled[refusal.code] += 1
        error = self._error(429, refusal.message, refusal.code, refusal.code)
        headers = {"Retry-After": retry_after_header(refusal)} if self.retry_after else {}
        return Reply(429, error.body, headers)

    # ------------------------------------------------------------ errors

    def _invalid(self, message: str, param: str | None = None) -> Reply:
        return self._error(400, message, "invalid_request_error", "invalid_parameter_error", param)

    def _error(
        self, status: int, message: str, kind: str, code: str, param: str | None = None
    ) -> Reply:
        return Reply(
            status,
            {
                "error": {"message": message, "type": kind, "param": param, "code": code},
                "request_id": f"sim-{next(self._ids)}",
            },
        )
