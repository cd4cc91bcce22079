"""Packing: several chat rows in one request, each answer matched to its row by its number.

For short inputs with short answers (reviews to label, tickets to route) a quota of requests per
minute binds long before the token quota does, and the system prompt, sent again with every
row, is often most of the tokens paid. A packed request carries the system prompt once,
followed by `INSTRUCTIONS`, and the rows as a JSON object numbered from 1:

    system: <the model's system prompt>

            <INSTRUCTIONS>
    user:   {"1": "first row", "2": "second row", ...}

and asks (in JSON mode where the service takes it) for `{"1": "answer", "2": "answer", ...}`.

`unpack` matches each answer to its row by its number, never by its place: a number missing, a
number not asked for, a number given twice, an answer that is not a string, or a reply that is
not one JSON object makes the whole reply `Unmatched`, and nothing of it reaches any row. The
client then splits the batch in halves and asks again, down to single rows, which go as ordinary
one-row requests: a row alone is asked exactly as when nothing is packed, and its answer is
cached under the same key, so packed and unpacked runs share the cache.

`cut` chooses the rows of each request, in input order: at most `Limits.rows` rows and about
`Limits.tokens` tokens (prompt and expected answer together). `limits` derives them from
'batch-size' (a number, or 'auto': as many rows as stay well inside the model's context), one
second's share of the token quota and an answer of `MAX_ANSWER_TOKENS`.

Nothing here is specific to ML_PREDICT: any caller that wants one short text answer per row
under one system prompt (the AI_* functions, each with its own instructions as the system
prompt) packs through the same client by giving it a ModelConfig with a batch size.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from bailian_assets.tokens import MESSAGE_OVERHEAD, count_tokens

AUTO = "auto"
INSTRUCTIONS = (
    "The user message is a JSON object from item number to input. Answer each input on its "
    "own, as if it were the only one. Reply with one JSON object mapping each item number "
    'to its answer as a string: {"1": "...", "2": "..."}.'
)
ITEM_TOKENS = 4  # `"12": "...", `: the number and its marks, in the question and in the answer
AUTO_MAX_ROWS = 50  # past this, one slip of the model costs many rows, and answers grow long
DEFAULT_CONTEXT = 32_768  # tokens, when the model does not declare 'max-context-size'
CONTEXT_SHARE = 0.25  # 'auto': "well inside" the context, room for the answer and the error
FIXED_CONTEXT_SHARE = 0.75  # a number of rows the user chose: cut only where it cannot fit
MAX_ANSWER_TOKENS = 2_000  # a longer JSON answer is slow, and risks the service's output cap


class Unmatched(ValueError):
    """A packed reply whose answers cannot all be matched to their rows by number."""


def system_prompt(prompt: str) -> str:
    """The system message of a packed request: the model's own prompt, then how to answer."""
    return f"{prompt}\n\n{INSTRUCTIONS}"


def question(texts: Sequence[str]) -> str:
    """The user message of a packed request: the rows as a JSON object numbered from 1."""
    return json.dumps(
        {str(number): text for number, text in enumerate(texts, 1)}, ensure_ascii=False
    )


def unpack(reply: str, count: int, stops: Sequence[str] = ()) -> list[str]:
    """The answers of a packed reply to `count` rows, in row order; raises Unmatched.

    `stops`: the model's stop sequences, which a packed request cannot send (one would end
    the whole JSON reply), applied to each answer as the service applies them to one."""
    try:
        answers = json.loads(_without_fence(reply), object_pairs_hook=_unique_keys)
    except _Repeated as repeated:
        raise Unmatched(f"item {repeated.key} is answered twice") from None
    except ValueError:
        raise Unmatched("the reply is not a JSON object") from None
    answers = _unwrapped(answers)
    if not isinstance(answers, dict):
        raise Unmatched("the reply is not a JSON object")
    expected = {str(number) for number in range(1, count + 1)}
    missing = sorted(expected - answers.keys(), key=int)
    extra = sorted(answers.keys() - expected)
    if missing or extra:
        raise Unmatched(_mismatch(missing, extra))
    values = [answers[str(number)] for number in range(1, count + 1)]
    for number, value in enumerate(values, 1):
        if not isinstance(value, str):
            raise Unmatched(f"the answer to item {number} is not a string")
    return [_until_stop(value, stops) for value in values]


@dataclass(frozen=True)
class Limits:
    rows: int  # rows per request at most
    tokens: int  # about this many tokens per request at most, prompt and answer


def limits(
    batch_size: int | str,
    answer_tokens: float,
    fixed_tokens: int,
    max_context: int | None = None,
    tpm: float | None = None,
) -> Limits:
    """What one packed request may hold. `answer_tokens`: the expected answer per row;
    `fixed_tokens`: what every packed request costs before its rows (system prompt,
    instructions, message overheads). A fixed 'batch-size' sets the rows; 'auto' lets the
    tokens decide, up to AUTO_MAX_ROWS, within a quarter of the context. Either way a request
    leaves room in the context for its answer, stays within one second's share of the token
    quota, and asks for an answer of at most MAX_ANSWER_TOKENS: a row count that would pass
    them is cut."""
    rows = AUTO_MAX_ROWS if batch_size == AUTO else int(batch_size)
    rows = max(1, min(rows, int(MAX_ANSWER_TOKENS // (answer_tokens + ITEM_TOKENS))))
    share = CONTEXT_SHARE if batch_size == AUTO else FIXED_CONTEXT_SHARE
    tokens = (max_context or DEFAULT_CONTEXT) * share
    if tpm is not None:
        tokens = min(tokens, tpm / 60)
    return Limits(rows, max(int(tokens), fixed_tokens + 1))


def cut(
    texts: Sequence[str], row_tokens: Sequence[int], limit: Limits, fixed_tokens: int
) -> list[list[str]]:
    """The rows of each request, in input order: a request is closed when one more row would
    pass `limit.rows` or `limit.tokens` (a row too big for any request goes alone)."""
    batches: list[list[str]] = []
    batch: list[str] = []
    used = fixed_tokens
    for text, tokens in zip(texts, row_tokens, strict=False):
        if batch and (len(batch) >= limit.rows or used + tokens > limit.tokens):
            batches.append(batch)
            batch, used = [], fixed_tokens
        batch.append(text)
        used += tokens
    if batch:
        batches.append(batch)
    return batches


def row_tokens(text: str, answer_tokens: float) -> int:
    """What one more row adds to a packed request: its text and its answer, numbered."""
    return count_tokens(text) + round(answer_tokens) + 2 * ITEM_TOKENS


def prompt_tokens(prompt: str, texts: Sequence[str]) -> int:
    """The prompt tokens of a packed request, as the service will about count them."""
    return (
        count_tokens(system_prompt(prompt)) + count_tokens(question(texts)) + 2 * MESSAGE_OVERHEAD
    )


def answer_tokens(count: int, per_row: float) -> int:
    """The expected completion tokens of a packed reply to `count` rows."""
    return round(count * (per_row + ITEM_TOKENS))


def max_tokens(per_row: int, count: int) -> int:
    """A packed request's 'max_tokens' from the model's per-row 'max-tokens': room for every
    row's answer and its number."""
    return count * (per_row + ITEM_TOKENS) + 1


# ---------------------------------------------------------------- parsing details


class _Repeated(ValueError):
    def __init__(self, key: str):
        super().__init__(key)
        self.key = key


def _unique_keys(pairs: list[tuple[str, object]]) -> dict[str, object]:
    """A JSON object's members, refusing a key given twice (json.loads would keep the last,
    silently giving a row its neighbour's answer)."""
    found: dict[str, object] = {}
    for key, value in pairs:
        if key in found:
            raise _Repeated(key[:20])
        found[key] = value
    return found


def _without_fence(reply: str) -> str:
    """The reply without a Markdown code fence around it (models add one unasked)."""
    text = reply.strip()
    if text.startswith("```") and text.endswith("```") and len(text) >= 6:
        text = text[3:-3]
        first_line, _, rest = text.partition("\n")
        text = rest if first_line.strip().isalpha() or not first_line.strip() else text
    return text


def _unwrapped(answers: object) -> object:
    """`{"answers": {"1": ...}}` -> `{"1": ...}`: a single wrapper key some models add in
    JSON mode. The numbers inside are checked as any others."""
    if isinstance(answers, dict) and len(answers) == 1:
        ((key, inner),) = answers.items()
        if not key.isdigit() and isinstance(inner, dict):
            return inner
    return answers


def _mismatch(missing: list[str], extra: list[str]) -> str:
    parts = []
    if missing:
        parts.append(f"no answer to item{'s' if len(missing) > 1 else ''} {_listed(missing)}")
    if extra:
        parts.append(f"answers to items not asked ({_listed(extra)})")
    return "; ".join(parts)


def _listed(keys: list[str], most: int = 5) -> str:
    shown = ", ".join(key[:20] for key in keys[:most])
    return shown + (f" and {len(keys) - most} more" if len(keys) > most else "")


def _until_stop(value: str, stops: Sequence[str]) -> str:
    cut_at = min((value.find(stop) for stop in stops if stop and stop in value), default=-1)
    return value if cut_at < 0 else value[:cut_at]
