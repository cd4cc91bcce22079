"""What the simulated chat models answer to VVR's AI functions (AI_CLASSIFY, AI_SENTIMENT,
AI_EXTRACT, AI_TRANSLATE, AI_SUMMARIZE, AI_MASK): plausible, deterministic JSON, so every
function can be tried offline and tested exactly.

A function is recognised by the opening sentence of its system prompt, and its parameters read
from the prompt's `Name: <JSON>` lines (the prompts are built in
`planning/table_functions/ai_*.py`; this module only knows their text):
- classification: a label from `Labels` (the lexicon for sentiment-like labels, else the words
  a label shares with the text, else a stable pick), a confidence from how clear that was;
- sentiment: score, label and confidence from the bilingual lexicon of `answers.py`;
- extraction: the keys of `Schema`, filled from the text where simple patterns find them
  (numbers for int fields, phones, emails, a name, a place after "in"/"住在"), else null;
- translation: a tagged stand-in (`[zh] text`), the detected language from the script;
- summary: the text's first sentences, cut to `Maximum length` characters;
- masking: phone numbers, emails and ID-like numbers of the kinds `Entity types` asks for.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable

from bailian_assets.simulator import answers

_PARAMETER = re.compile(r"^([A-Z][A-Za-z ]*): (.+)$", re.MULTILINE)
_PHONE = re.compile(r"(?<!\d)(?:\+?\d{1,3}[ -]?)?(?:1[3-9]\d{9}|\d{3}[ -]\d{3,4}[ -]\d{4})(?!\d)")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_ID = re.compile(r"(?<![\d@.])(?:\d{17}[\dXx]|\d{15}|[A-Z]{1,2}\d{6,9})(?![\d@])")
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
_AGE = re.compile(r"(?<![\d-])\d{1,3}(?![\d-])")
_NAMES = (
    re.compile(r"(?:[Mm]y name is|[Tt]his is|I am|I'm)\s+([A-Z][a-z]+(?: [A-Z][a-z]+)?)"),
    re.compile(r"(?:我叫|我是|本人)([\u4e00-\u9fff]{2,3}?)(?=[，,。\s]|电话|今年|$)"),
    re.compile(r"^\s*([A-Z][a-z]+(?: [A-Z][a-z]+)?),"),
    re.compile(r"^\s*([\u4e00-\u9fff]{2,3}?)(?:今年|是|住)"),
)
_SENTENCE = re.compile(r".+?(?:[。！？!?]|\.(?=\s|$)|$)")
_KANA = re.compile(r"[\u3040-\u30ff]")
_HANGUL = re.compile(r"[\uac00-\ud7af]")
_CJK = re.compile(r"[\u3400-\u9fff]")


def reply(system_prompt: str, text: str) -> str | None:
    """The JSON answer to an AI function's prompt, or None when the prompt is no AI
    function's."""
    for opening, answer in _FUNCTIONS.items():
        if system_prompt.startswith(opening):
            parameters = {
                name: json.loads(value)
                for name, value in _PARAMETER.findall(system_prompt)
                if _is_json(value)
            }
            return json.dumps(answer(text, parameters), ensure_ascii=False)
    return None


def classify(text: str, parameters: dict) -> dict:
    labels = [str(label) for label in parameters.get("Labels") or []] or ["unknown"]
    hinted = _by_hints(text, labels)
    if hinted is not None:
        return {"category": hinted, "confidence": 0.85}
    category = answers.classify(text, labels)
    if any(label.lower() in words for label in labels for words in answers._SYNONYMS.values()):
        positive, negative = answers.sentiment(text)  # sentiment-like labels: the lexicon
        clear = abs(positive - negative)
    else:  # other labels: the words the chosen one shares with the text
        clear = sum(text.lower().count(word) for word in answers._tokens(category.lower()))
    return {"category": category, "confidence": 0.9 if clear else 0.55}


def _by_hints(text: str, labels: list[str]) -> str | None:
    """The label whose usual words (a few common product and service categories) the text
    uses most, if any does."""
    lowered = text.lower()
    scored = [
        (sum(lowered.count(w) for w in _HINTS.get(label.lower(), ())), -i, label)
        for i, label in enumerate(labels)
    ]
    best = max(scored)
    return best[2] if best[0] > 0 else None


def sentiment(text: str, parameters: dict) -> dict:
    positive, negative = answers.sentiment(text)
    hits = positive + negative
    score = round((positive - negative) / (hits + 1), 2)
    label = "positive" if score >= 0.25 else "negative" if score <= -0.25 else "neutral"
    return {"score": score, "label": label, "confidence": round(0.5 + 0.45 * min(1, hits / 3), 2)}


def extract(text: str, parameters: dict) -> dict:
    schema = parameters.get("Schema") or {}
    return {
        "extracted_json": {key: _find(str(key), str(kind), text) for key, kind in schema.items()}
    }


def translate(text: str, parameters: dict) -> dict:
    source = str(parameters.get("Source language") or "auto")
    target = str(parameters.get("Target language") or "en")
    detected = _language(text) if source.lower() == "auto" else source
    translated = text if detected == target else f"[{target}] {text.strip()}"
    return {"translated_text": translated, "detected_language": detected}


def summarize(text: str, parameters: dict) -> dict:
    limit = int(parameters.get("Maximum length") or 100)
    flat = " ".join(text.split())
    summary = ""
    for sentence in (s.strip() for s in _SENTENCE.findall(flat)):
        joined = f"{summary} {sentence}" if summary and sentence.isascii() else summary + sentence
        if len(joined) > limit:
            break
        summary = joined
    if not summary:  # the first sentence alone is too long: cut it
        summary = flat if len(flat) <= limit else flat[: max(1, limit - 1)] + "…"
    return {"summary": summary}


def mask(text: str, parameters: dict) -> dict:
    found: list[tuple[int, int, str, str]] = []  # start, end, fragment, kind asked for
    for kind in parameters.get("Entity types") or []:
        kind_name = _kind_of(str(kind))
        pattern = _PATTERNS.get(kind_name) if kind_name is not None else None
        if pattern is not None:
            found += [(m.start(), m.end(), m.group(), str(kind)) for m in pattern.finditer(text)]
    found.sort()
    masked, entities, end = [], [], 0
    for start, stop, fragment, kind in found:
        if start < end:  # overlapping matches (an ID that looks like a phone): the first wins
            continue
        masked += [text[end:start], f"[{kind.upper()}]"]
        entities.append({"entity": fragment, "type": kind})
        end = stop
    masked.append(text[end:])
    return {"masked_text": "".join(masked), "detected_entities": entities}


_FUNCTIONS: dict[str, Callable[[str, dict], dict]] = {
    "You are a text classification expert.": classify,
    "You are a sentiment analysis expert.": sentiment,
    "You are an information extraction expert.": extract,
    "You are a professional translator.": translate,
    "You are a text summarization expert.": summarize,
    "You are a data privacy expert.": mask,
}
_HINTS = {
    "digital": (
        "phone",
        "iphone",
        "手机",
        "耳机",
        "headphone",
        "earphone",
        "charger",
        "充电",
        "laptop",
        "电脑",
        "芯片",
        "chip",
        "5g",
        "camera",
        "相机",
        "battery",
        "电池",
    ),
    "electronics": ("phone", "手机", "耳机", "charger", "充电", "laptop", "电脑", "battery"),
    "clothing": (
        "衣服",
        "尺码",
        "shirt",
        "dress",
        "jacket",
        "鞋",
        "shoes",
        "sneaker",
        "size",
        "cotton",
        "裤",
        "外套",
    ),
    "logistics": (
        "物流",
        "发货",
        "快递",
        "订单",
        "order",
        "shipping",
        "delivery",
        "shipped",
        "包装",
        "courier",
    ),
    "food": ("吃", "味道", "taste", "snack", "零食", "fresh", "新鲜"),
}
_PATTERNS = {"phone": _PHONE, "email": _EMAIL, "id": _ID}
_KINDS = {
    "phone": ("phone", "mobile", "tel", "电话", "電話", "手机", "手機"),
    "email": ("email", "mail", "邮箱", "郵箱", "邮件"),
    "id": ("id", "identity", "ssn", "passport", "身份证", "身份證", "证件", "證件"),
}


def _kind_of(kind: str) -> str | None:
    lowered = kind.lower()
    for name, words in _KINDS.items():
        if any(word in lowered for word in words):
            return name
    return None


def _find(key: str, kind: str, text: str) -> object:
    """What a simple reader finds in `text` for a schema field, or None."""
    lowered, kind = key.lower(), kind.lower()
    if _kind_of(lowered) in ("phone", "email"):
        match = _PATTERNS[_kind_of(lowered)].search(text)  # type: ignore[index]
        return match.group() if match else None
    if kind in ("int", "integer", "long", "number", "float", "double"):
        match = (_AGE if "age" in lowered else _NUMBER).search(text)
        if match is None:
            return None
        return (
            int(float(match.group()))
            if kind in ("int", "integer", "long")
            else float(match.group())
        )
    if "name" in lowered:
        for pattern in _NAMES:
            match = pattern.search(text)
            if match:
                return match.group(1)
        return None
    if any(word in lowered for word in ("address", "city", "location", "place")):
        match = re.search(
            r"(?:lives in|living in|住在|住於|位于|位於)\s*(.+?)(?= and |[,，。.;；]|$)", text
        )
        return match.group(1).strip() if match else None
    return None


def _language(text: str) -> str:
    if _KANA.search(text):
        return "ja"
    if _HANGUL.search(text):
        return "ko"
    return "zh" if _CJK.search(text) else "en"


def _is_json(value: str) -> bool:
    try:
        json.loads(value)
    except json.JSONDecodeError:
        return False
    return True
