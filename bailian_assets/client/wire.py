"""The wire format: what a request to the model carries, and how its answer is read.

DashScope's OpenAI-compatible API, as `ModelClient` speaks it. Given the model's `ModelConfig`
and a batch of inputs, `request_body` and `request_headers` say what is sent; `read_answer`,
`unpack_reply` and `describe_error` read what comes back (the checks themselves live in
`answers`, the packed form in `packing`, image parts in `image_url`). Nothing here paces,
retries, caches or keeps state: the one thing that changes from request to request, whether
the service takes JSON mode, is the caller's to remember and is passed in.

- An embedding batch goes as `input` (a list of texts) with `encoding_format: float`.
- One chat row goes as a system message and a user message, the same whatever the model's
  batch size (the same question, the same answer, the same cache entry); with
  `'content-type' = 'IMAGE_URL'` the user message is the image's content part.
- Several chat rows go packed (`packing`): the system prompt with the packing instructions, the
  rows as one numbered JSON object, `stop` left out (it would end the whole reply), `max_tokens`
  grown for every row, and JSON mode asked for while the service takes it.
- VVR's `user-prompt` is a second user message after the row(s); the model's request options
  (`extra-body` among them) are merged into the body last.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, SupportsInt, cast

from bailian_assets.client import packing
from bailian_assets.client.answers import Answer, parse_answer, plain_text
from bailian_assets.client.body import ACCEPT_ENCODING
from bailian_assets.client.image_url import IMAGE_URL, image_content

if TYPE_CHECKING:
    from bailian_assets.client.client import ModelConfig

CHAT, EMBEDDING = "chat", "embedding"
ERROR_TEXT_LIMIT = 300  # characters of a server's error message kept in a reason


def is_packed(config: ModelConfig, batch: Sequence[str]) -> bool:
    """Whether a request for `batch` carries several chat rows in one question."""
    return config.task == CHAT and len(batch) > 1


def choices(config: ModelConfig) -> int:
    """How many answers a chat model gives each row (the request's `n`)."""
    return int(config.request.get("n", 1))  # type: ignore[call-overload]


def dimension(config: ModelConfig) -> int | None:
    """The length an embedding model's vectors must have, when the request names it."""
    value = config.request.get("dimensions")
    return int(value) if value is not None else None  # type: ignore[call-overload]


def request_body(config: ModelConfig, batch: Sequence[str], json_mode: bool = True) -> dict:
    """A request's JSON body for `batch`. `json_mode`: whether a packed request asks for a
    JSON object (False once the service refused it for this model)."""
    body: dict[str, object] = {"model": config.model}
    if config.task == EMBEDDING:
        body["input"] = list(batch)
        body["encoding_format"] = "float"
        body.update(config.request)
        return body
    packed = is_packed(config, batch)
    body["messages"] = _messages(config, batch, packed)
    body.update(config.request)
    if packed:
        body.pop("stop", None)  # it would end the whole reply; applied to each answer
        if "max_tokens" in body:  # the model's limit is per row
            # models.py checked it is an integer option ('max-tokens')
            per_row = int(cast(SupportsInt, body["max_tokens"]))
            body["max_tokens"] = packing.max_tokens(per_row, len(batch))
        if json_mode:
            body["response_format"] = {"type": "json_object"}
    return body


def _messages(config: ModelConfig, batch: Sequence[str], packed: bool) -> list[dict]:
    system = packing.system_prompt(config.system_prompt) if packed else config.system_prompt
    if packed:
        row: object = packing.question(batch)
    else:
        row = image_content(batch[0]) if config.content_type == IMAGE_URL else batch[0]
    messages: list[dict] = [
        {"role": "system", "content": system},
        {"role": "user", "content": row},
    ]
    if config.user_prompt:  # VVR's user-prompt: instructions after the row(s)
        messages.append({"role": "user", "content": config.user_prompt})
    return messages


def request_headers(config: ModelConfig) -> list[tuple[str, str]]:
    """A request's headers: the key (sent nowhere else), the encodings the body reader
    can bound (`body`), and the model's own headers (VVR's `extra-header`)."""
    return [
        ("Authorization", f"Bearer {config.api_key.reveal()}"),
        ("Accept-Encoding", ACCEPT_ENCODING),
        *((name, value) for name, values in config.headers.items() for value in values),
    ]


def read_answer(config: ModelConfig, content: bytes, batch: Sequence[str]) -> Answer:
    """The checked answer to a request for `batch` (a packed one holds one reply, which
    `unpack_reply` shares out); raises `answers.MalformedAnswer`."""
    count = 1 if is_packed(config, batch) else len(batch)
    return parse_answer(content, config.task, count, choices(config), dimension(config))


def unpack_reply(config: ModelConfig, reply: object, count: int) -> list[str]:
    """The answers of a packed reply to `count` rows, in row order, each cut at the model's
    stop sequences (which a packed request cannot send); raises `packing.Unmatched`."""
    stops = config.request.get("stop") or ()
    return packing.unpack(str(reply), count, stops)  # type: ignore[arg-type]


def describe_error(status: int, content: bytes, scrub: Callable[[str], str]) -> str:
    """'HTTP <status> <code>: <message>' from an error body, scrubbed, then cut short."""
    code = message = None
    try:
        payload = json.loads(content)
        error = payload.get("error", payload)  # compatible mode nests it; native does not
        if isinstance(error, dict):
            code, message = error.get("code"), error.get("message")
        else:
            message = error
    except (ValueError, UnicodeDecodeError, AttributeError, RecursionError):
        message = content.decode("utf-8", "replace")
    text = f"HTTP {status}"
    if isinstance(code, (str, int)) and str(code):
        text += f" {code}"
    if isinstance(message, str) and message.strip():
        text += f": {' '.join(message.split())}"
    text = scrub(plain_text(text))
    return text if len(text) <= ERROR_TEXT_LIMIT else text[: ERROR_TEXT_LIMIT - 1] + "…"
