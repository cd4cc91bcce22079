"""What a model's answer must look like before it is used or cached: one parser per task.

The server is not trusted. An answer body is parsed here, at one boundary, into plain values
of the expected kind, or refused with one `MalformedAnswer("malformed answer: <what>")`:

- chat: a JSON object whose `choices` is a non-empty list of objects, each with a `message`
  object whose `content` is a string (every choice's, when `n` > 1; `index`, when given, an
  integer, each once);
- embeddings: `data` a list of exactly one item per input, with `index` 0..n-1 each once, each
  `embedding` a list of finite numbers, all of the expected dimension (or all of one length);
- both: `usage`, when present, an object whose token counts, when present, are non-negative
  integers up to `MAX_TOKENS`.

Whatever the body holds, it ends as an answer or a MalformedAnswer, never another exception:
JSON nested deeper than the parser's recursion allows, integers of more than `MAX_DIGITS`
digits (a 4,000-digit token count overflows any arithmetic done with it), numbers beyond
float32's range in an embedding (what a VECTOR<FLOAT> column holds: they would become NULL
or infinite there), and texts that are not valid Unicode (a lone surrogate such as "\ud800",
which no sink can encode, or a NUL) are all malformed answers. `plain_text` makes an error
message's text safe the same way, replacing what it cannot keep.

`check_cached` applies the same rules to a value read back from the cache, so an entry written
by an older version, or damaged, is a miss and never reaches a row.

`mask_secrets` scrubs the texts of an answer, fresh or cached, of the model's secrets: a
server may echo the key in a 200 answer as well as in an error, and a row's value goes to
sinks, the cache and Dagster's metadata. The echo is masked rather than the row failed: the
rest of the answer is still the model's, and nothing of the secret is left in it.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeGuard, cast

CHAT, EMBEDDING = "chat", "embedding"
TOKEN_COUNTS = ("prompt_tokens", "completion_tokens", "total_tokens")
MAX_TOKENS = 10**9  # far beyond any request's (a million-token context is 10**6)
MAX_DIGITS = 30  # of an integer in an answer: indexes and token counts need far fewer
FLOAT32_MAX = 3.4028234663852886e38
_NOT_TEXT = re.compile("[\x00\ud800-\udfff]")  # NUL, and surrogates (never valid alone)
_NOT_PLAIN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")


class MalformedAnswer(ValueError):
    """An answer that is not what the API promises. `truncated`: not even JSON (a cut-off or
    garbled body, worth another try); otherwise JSON of the wrong shape."""

    def __init__(self, what: str, truncated: bool = False):
        super().__init__(f"malformed answer: {what}")
        self.truncated = truncated


@dataclass(frozen=True)
class Answer:
    """A checked answer: one value per input of the request, and the tokens it cost."""

    values: list[object]
    prompt_tokens: int = 0
    completion_tokens: int = 0


def parse_answer(
    body: bytes, task: str, count: int, n: int = 1, dimension: int | None = None
) -> Answer:
    """Check a 200 answer's body for a request of `count` inputs; raises MalformedAnswer."""
    payload = _load(body)
    if not isinstance(payload, dict):
        raise MalformedAnswer(f"the body is {_kind(payload)}, not a JSON object")
    if task == CHAT:
        values: list[object] = [_chat_value(payload, n)]
    else:
        values = _embedding_values(payload, count, dimension)
    prompt, completion = _usage(payload)
    return Answer(values, prompt, completion)


def _load(body: bytes) -> object:
    try:
        return json.loads(body, parse_int=_parse_int)
    except MalformedAnswer:
        raise
    except RecursionError:
        raise MalformedAnswer("the body is JSON nested too deeply") from None
    except (ValueError, UnicodeDecodeError):
        raise MalformedAnswer(
            "the body is not JSON" if body.strip() else "the body is empty", truncated=True
        ) from None


def _parse_int(digits: str) -> int:
    if len(digits.lstrip("-")) > MAX_DIGITS:
        raise MalformedAnswer(f"the body holds an integer of {len(digits.lstrip('-')):,} digits")
    return int(digits)


def check_cached(value: object, task: str, n: int = 1, dimension: int | None = None) -> bool:
    """Whether a value read from the cache is a usable answer for this task."""
    if task == CHAT:
        if n > 1:
            return (
                isinstance(value, list)
                and bool(value)
                and all(isinstance(v, str) and _text_problem(v) is None for v in value)
            )
        return isinstance(value, str) and _text_problem(value) is None
    return _vector_problem(value)[0] is None and (dimension is None or len(value) == dimension)  # type: ignore[arg-type]


def mask_secrets(values: list[object], scrub: Callable[[str], str]) -> list[object]:
    """`values` with every text in them scrubbed by `scrub`; the same list when nothing was
    to be masked (embeddings never are: they hold numbers)."""
    masked = [_masked(value, scrub) for value in values]
    return values if all(new is old for new, old in zip(masked, values, strict=True)) else masked


def _masked(value: object, scrub: Callable[[str], str]) -> object:
    if isinstance(value, str):
        scrubbed = scrub(value)
        return value if scrubbed == value else scrubbed
    if isinstance(value, list) and value and isinstance(value[0], str):  # n > 1 choices
        texts = [scrub(text) for text in value]
        return value if texts == value else texts
    return value


# ---------------------------------------------------------------- chat


def _chat_value(payload: dict, n: int) -> object:
    choices = payload.get("choices")
    if not isinstance(choices, list):
        raise MalformedAnswer(f"'choices' is {_kind(choices)}, not a list")
    if not choices:
        raise MalformedAnswer("'choices' is empty")
    if n == 1:
        return _content(choices[0], 0)
    indexes = [_choice_index(choice, position) for position, choice in enumerate(choices)]
    if len(set(indexes)) != len(indexes):
        raise MalformedAnswer("two choices have the same 'index'")
    ordered = sorted(zip(indexes, range(len(choices)), strict=True))
    return [_content(choices[position], position) for _, position in ordered]


def _choice_index(choice: object, position: int) -> int:
    index = choice.get("index", position) if isinstance(choice, dict) else position
    if not _is_count(index):
        raise MalformedAnswer(f"choices[{position}].index is {_kind(index)}, not an integer")
    return index


def _content(choice: object, position: int) -> str:
    where = f"choices[{position}]"
    if not isinstance(choice, dict):
        raise MalformedAnswer(f"{where} is {_kind(choice)}, not an object")
    message = choice.get("message")
    if not isinstance(message, dict):
        raise MalformedAnswer(f"{where}.message is {_kind(message)}, not an object")
    content = message.get("content")
    if not isinstance(content, str):
        raise MalformedAnswer(f"{where}.message.content is {_kind(content)}, not a string")
    problem = _text_problem(content)
    if problem is not None:
        raise MalformedAnswer(f"{where}.message.content {problem}")
    return content


def _text_problem(text: str) -> str | None:
    """Why `text` cannot be kept as it is (no sink could write it), or None."""
    found = _NOT_TEXT.search(text)
    if found is None:
        return None
    if found.group() == "\x00":
        return "holds a NUL character"
    return f"is not valid Unicode (a lone surrogate, U+{ord(found.group()):04X})"


def plain_text(text: str) -> str:
    """`text` with control characters, NULs and lone surrogates replaced by U+FFFD: a
    server's error message, made safe to print and to write to any sink."""
    return _NOT_PLAIN.sub("\ufffd", text)


# ---------------------------------------------------------------- embeddings


def _embedding_values(payload: dict, count: int, dimension: int | None) -> list[object]:
    data = payload.get("data")
    if not isinstance(data, list):
        raise MalformedAnswer(f"'data' is {_kind(data)}, not a list")
    if len(data) != count:
        raise MalformedAnswer(f"{len(data)} embeddings for {count} inputs")
    vectors: list[object] = [None] * count
    for position, item in enumerate(data):
        if not isinstance(item, dict):
            raise MalformedAnswer(f"data[{position}] is {_kind(item)}, not an object")
        index = item.get("index")
        if not _is_count(index) or index >= count:
            raise MalformedAnswer(
                f"data[{position}].index is {_shown(index)}, not one of 0..{count - 1}"
            )
        if vectors[index] is not None:
            raise MalformedAnswer(f"two embeddings have index {index}")
        vectors[index] = _vector(item.get("embedding"), position)
    # `count` answers, no two with one index: every slot holds a vector now
    filled = cast(list[list[float]], vectors)
    expected = dimension if dimension is not None else len(filled[0])
    for vector in filled:
        if len(vector) != expected:
            raise MalformedAnswer(f"an embedding of length {len(vector)}, expected {expected}")
    return vectors


def _vector(embedding: object, position: int) -> list[float]:
    problem, types = _vector_problem(embedding)
    if problem is not None:
        raise MalformedAnswer(f"data[{position}].embedding {problem}")
    # JSON gives floats, or ints for whole numbers; the list is used as it is when it can be
    return embedding if types == _FLOAT else list(map(float, embedding))  # type: ignore


_NUMBERS, _FLOAT = {int, float}, {float}


def _vector_problem(values: object) -> tuple[str | None, set[type]]:
    """What keeps `values` from being a vector (a non-empty list of finite ints and floats,
    not booleans), or None; and the types it holds. Checked at C speed: a vector is a
    thousand numbers or more, and every answer and cache read of an embedding comes here."""
    if not isinstance(values, list) or not values:
        kind = "an empty list" if values == [] else _kind(values)
        return f"is {kind}, not a list of numbers", set()
    types = set(map(type, values))
    if not types <= _NUMBERS:
        return "holds something other than numbers", types
    # ints and floats compare exactly, however large: no overflow; NaN compares false
    largest = max(map(abs, values))
    if not largest <= FLOAT32_MAX:
        if isinstance(largest, int) or math.isfinite(largest):
            return "holds a number beyond float32's range", types
        return "holds a number that is not finite", types
    if math.isnan(sum(values)):  # max() can miss a NaN; a sum of float32-sized values cannot
        return "holds a number that is not finite", types
    return None, types


# ---------------------------------------------------------------- usage


def _usage(payload: dict) -> tuple[int, int]:
    usage = payload.get("usage")
    if usage is None:
        return 0, 0
    if not isinstance(usage, dict):
        raise MalformedAnswer(f"'usage' is {_kind(usage)}, not an object")
    for name in TOKEN_COUNTS:
        if name in usage and usage[name] is not None and not _is_count(usage[name]):
            raise MalformedAnswer(
                f"usage.{name} is {_shown(usage[name])}, not a non-negative integer"
            )
        if _is_count(usage.get(name)) and usage[name] > MAX_TOKENS:
            raise MalformedAnswer(
                f"usage.{name} is {usage[name]}, more than any request uses ({MAX_TOKENS:,} tokens)"
            )
    return usage.get("prompt_tokens") or 0, usage.get("completion_tokens") or 0


# ---------------------------------------------------------------- words


def _is_count(value: object) -> TypeGuard[int]:
    """A non-negative int (not a bool, which JSON's `true` would be)."""
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _kind(value: object) -> str:
    """How a JSON value is called in a message: its type, never its (server-chosen) text."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    return "an object"


def _shown(value: object) -> str:
    """A short, safe rendering of a scalar the server sent (numbers as such, else the kind)."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return repr(value)[:20]
    return _kind(value)
