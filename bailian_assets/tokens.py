"""About how many tokens a text is, before any model has counted it.

One heuristic for the whole project, close to what Qwen's tokenizer counts on short Chinese and
English texts: a token per CJK character, per word or number, and per two marks of punctuation
(a JSON object's quotes, colons and commas are mostly merged into their neighbours' tokens).
The client uses it to pace tokens, size packed requests, hold a budget and plan a run; the
simulator uses it to count what it bills, so that a plan made against the simulator measures
how well the plan models requests and answers, not how two guesses differ. Against the real
service the estimate is off by the tokenizer's own variation (about a fifth either way on
mixed text), which is why plans and budgets say "about".
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[A-Za-z0-9']+|[\u3400-\u9fff\uf900-\ufaff]")
_MARK = re.compile(r"[^\w\s]")
MESSAGE_OVERHEAD = 4  # tokens the chat template adds around each message (role, separators)
# What one image is counted as: Qwen's vision models bill an image by its size, a token per
# 28 x 28 pixels, at most 1,280 by default (1,003,520 pixels); the client cannot see the image
# before sending it, so it holds the most, and the simulator bills that.
IMAGE_TOKENS = 1_280


def count_tokens(text: str) -> int:
    """About how many tokens `text` is (at least 1)."""
    return max(1, len(_WORD.findall(text)) + len(_MARK.findall(text)) // 2)


def message_tokens(*contents: str) -> int:
    """The prompt tokens of a chat request whose messages hold `contents`."""
    return sum(count_tokens(content) + MESSAGE_OVERHEAD for content in contents)


DEFAULT_ANSWER_TOKENS = 16  # a short reply, before any answer has been seen


def answer_guess(labels: tuple[str, ...] = (), max_tokens: int | None = None) -> float:
    """About how many tokens one answer is, before any has been seen: the mean of the labels
    the system prompt lists (a classifier answers with one of them), else a short reply; never
    more than 'max-tokens'."""
    guess = (
        sum(count_tokens(label) for label in labels) / len(labels)
        if labels
        else DEFAULT_ANSWER_TOKENS
    )
    return float(min(guess, max_tokens)) if max_tokens else float(guess)


_UNIT = re.compile(r"[A-Za-z0-9']+|[\u3400-\u9fff\uf900-\ufaff]|[^\w\s]")


def truncate(text: str, limit: int, *, keep_end: bool = False) -> str:
    """`text` cut to about `limit` tokens as `count_tokens` counts them: its start kept (the
    tail cut), or with `keep_end` its end (the head cut). Cuts fall between tokens, so no
    word is split; a mark weighs half a token, as it does in the count."""
    units = list(_UNIT.finditer(text))
    if keep_end:
        units.reverse()
    used, cut = 0.0, 0 if not keep_end else len(text)
    for unit in units:
        used += 0.5 if _MARK.fullmatch(unit.group()) else 1
        if used > limit:
            break
        cut = unit.start() if keep_end else unit.end()
    return text[cut:] if keep_end else text[:cut]
