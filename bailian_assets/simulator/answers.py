"""What the simulated models answer: deterministic, and believable enough to test pipelines on.

Chat: when the system prompt lists labels (`[positive, negative, neutral, mixed]`), the answer is
one of them, picked with a small bilingual sentiment lexicon or, for other label sets, by the
words a label shares with the text. Otherwise a short reply. A packed request (several rows as
a JSON object of numbered texts, the system prompt asking for an answer per item number) gets
a JSON object with each item answered as if it had been sent alone, unless a fault is drawn
(`packed_reply`). Embeddings: unit vectors built by
feature hashing of words (Latin) and characters and bigrams (CJK), so texts that share words are
closer than texts that don't.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import math
import random
import re

_LABEL_LIST = re.compile(r"\[([^\[\]]+)\]")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_WORD = re.compile(r"[A-Za-z0-9']+|[\u3400-\u9fff\uf900-\ufaff]")

POSITIVE_ZH = (
    "最愛 喜愛 喜歡 喜欢 浪漫 溫和 温和 有愛 有爱 精彩 推薦 推荐 滿意 满意 優秀 优秀 "
    "完美 感動 感动 "
    "值得 開心 开心 好看 好用 好吃 不錯 不错 出色 美好 舒服 划算 實惠 实惠 很棒 超棒 好評 好评 "
    "讚 赞 棒 愛 爱 好 快"
).split()
NEGATIVE_ZH = (
    "乏善可陳 乏善可陈 不好看 不好用 不好吃 不好 不推薦 不推荐 不滿意 不满意 失望 無聊 "
    "无聊 難看 难看 難用 难用 垃圾 浪費 浪费 後悔 后悔 退貨 退货 太差 很差 假貨 假货 "
    "討厭 讨厌 噁心 恶心 生氣 生气 "
    "沒用 没用 破損 破损 壞了 坏了 糟糕 差評 差评 難吃 难吃 爛 烂 糟 差 慢 貴 贵 壞 坏 騙 骗"
).split()
POSITIVE_EN = set(
    "good great excellent love loved loves amazing wonderful best happy recommend recommended "
    "perfect fantastic nice beautiful enjoy enjoyed awesome fast satisfied worth brilliant "
    "delightful superb favorite favourite pleasant solid reliable comfortable".split()
)
NEGATIVE_EN = set(
    "bad terrible awful hate hated worst boring poor disappointed disappointing broken waste "
    "refund slow useless horrible fake rude dirty noisy overpriced cheaply junk scam "
    "defective late missing annoying mediocre bland dull".split()
)
NEGATORS_EN = {"not", "no", "never", "don't", "didn't", "isn't", "wasn't", "doesn't", "hardly"}

_SYNONYMS = {
    "positive": {"positive", "pos", "正面", "积极", "積極", "good", "好评", "好評"},
    "negative": {"negative", "neg", "负面", "負面", "消极", "消極", "bad", "差评", "差評"},
    "neutral": {"neutral", "中性", "中立", "neither"},
    "mixed": {"mixed", "混合", "both"},
}


def labels_in(prompt: str) -> list[str]:
    """The labels a system prompt offers, from its first `[a, b, c]` list."""
    for match in _LABEL_LIST.finditer(prompt or ""):
        labels = [part.strip().strip("'\"`") for part in match.group(1).split(",")]
        labels = [label for label in labels if label]
        if len(labels) >= 2:
            return labels
    return []


def sentiment(text: str) -> tuple[int, int]:
    """(positive hits, negative hits) of a Chinese or English text."""
    positive = negative = 0
    rest = text
    for phrase in sorted(POSITIVE_ZH + NEGATIVE_ZH, key=len, reverse=True):
        count = rest.count(phrase)
        if count:
            if phrase in NEGATIVE_ZH:
                negative += count
            else:
                positive += count
            rest = rest.replace(phrase, " ")
    words = re.findall(r"[a-z']+", text.lower())
    for i, word in enumerate(words):
        polarity = 1 if word in POSITIVE_EN else -1 if word in NEGATIVE_EN else 0
        if not polarity:
            continue
        if any(w in NEGATORS_EN for w in words[max(0, i - 2) : i]):
            polarity = -polarity
        if polarity > 0:
            positive += 1
        else:
            negative += 1
    return positive, negative


def classify(text: str, labels: list[str]) -> str:
    """Pick one of `labels` for `text`."""
    canonical: dict[str, str] = {}  # meaning -> the label that says it
    for label in labels:
        for meaning, words in _SYNONYMS.items():
            if label.lower() in words:
                canonical.setdefault(meaning, label)
    if "positive" in canonical and "negative" in canonical:
        positive, negative = sentiment(text)
        if (
            positive
            and negative
            and "mixed" in canonical
            and min(positive, negative) * 2 >= max(positive, negative)
        ):
            return canonical["mixed"]
        if positive > negative:
            return canonical["positive"]
        if negative > positive:
            return canonical["negative"]
        return canonical.get("neutral") or canonical.get("mixed") or canonical["positive"]
    lowered = text.lower()
    scored = [
        (sum(lowered.count(w) for w in _tokens(label.lower())), -i, label)
        for i, label in enumerate(labels)
    ]
    best = max(scored)
    if best[0] > 0:
        return best[2]
    return labels[_stable_hash(text) % len(labels)]


def chat_reply(system_prompt: str, text: str, json_mode: bool = False) -> str:
    labels = labels_in(system_prompt)
    if labels:
        answer = classify(text, labels)
        return json.dumps({"label": answer}, ensure_ascii=False) if json_mode else answer
    snippet = text.strip().replace("\n", " ")
    snippet = snippet if len(snippet) <= 60 else snippet[:57] + "..."
    if _CJK.search(text):
        reply = f"關於「{snippet}」：這是模擬器的簡短回答。"
    else:
        reply = f'About "{snippet}": this is a short answer from the simulator.'
    return json.dumps({"answer": reply}, ensure_ascii=False) if json_mode else reply


def embedding(text: str, dimension: int) -> list[float]:
    """A unit vector; shared words or characters make vectors closer."""
    vector = [0.0] * dimension
    features = _tokens(text.lower())
    features += [a + b for a, b in itertools.pairwise(features) if _CJK.match(a) and _CJK.match(b)]
    for feature in features or [text]:
        digest = hashlib.blake2b(feature.encode(), digest_size=8).digest()
        value = int.from_bytes(digest, "little")
        vector[value % dimension] += 1.0 if (value >> 32) & 1 else -1.0
        vector[(value >> 40) % dimension] += 0.5 if (value >> 33) & 1 else -0.5
    norm = math.sqrt(sum(x * x for x in vector)) or 1.0
    return [x / norm for x in vector]


def _tokens(text: str) -> list[str]:
    return _WORD.findall(text)


def _stable_hash(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest(), "little")


# ---------------------------------------------------------------- packed requests


def packed_items(system_prompt: str, user: str) -> tuple[str, dict[str, str]] | None:
    """A packed request's own system prompt and numbered items, or None when the request is
    not one: the system prompt's last paragraph asks for an answer per "item number", and the
    user message is a JSON object from numbers to texts. The own prompt is the system prompt
    without that paragraph: each item is answered as if it had been sent alone."""
    own, _, last = system_prompt.rpartition("\n\n")
    if "item number" not in last.lower() or not user.lstrip().startswith("{"):
        return None
    try:
        items = json.loads(user)
    except ValueError:
        return None
    if (
        not isinstance(items, dict)
        or not items
        or not all(key.isdigit() and isinstance(value, str) for key, value in items.items())
    ):
        return None
    return own, items


def packed_reply(
    system_prompt: str,
    items: dict[str, str],
    fault: str | None = None,
    rng: random.Random | None = None,
) -> str:
    """Each item answered as if alone, as one JSON object keyed by the item numbers. A fault
    spoils it the way models do: `drop` leaves an item out, `repeat` gives a number twice
    (the second time with its neighbour's answer), `reorder` shuffles the items (numbers
    kept: harmless to a client that matches by number, wrong for one that goes by position)."""
    pairs = [(number, chat_reply(system_prompt, text)) for number, text in items.items()]
    rng = rng or random.Random(0)
    where = rng.randrange(len(pairs))
    if fault == "drop":
        del pairs[where]
    elif fault == "repeat":
        neighbour = pairs[(where + 1) % len(pairs)][1]
        pairs.insert(where + 1, (pairs[where][0], neighbour))
    elif fault == "reorder":
        rng.shuffle(pairs)
    # written by hand: a repeated key must reach the client as the service would send it
    return (
        "{"
        + ", ".join(
            f"{json.dumps(number)}: {json.dumps(answer, ensure_ascii=False)}"
            for number, answer in pairs
        )
        + "}"
    )
