"""AI_SENTIMENT(MODEL m, input): each row's sentiment (VVR 11.4+): `score` DOUBLE in -1..1,
`label` STRING (positive, negative or neutral) and `confidence` DOUBLE in 0..1. An answer out of
those ranges or with another label fails its row."""

from __future__ import annotations

from collections.abc import Mapping

from bailian_assets.planning import types
from bailian_assets.planning.table_functions.ai_function import (
    AiFunction,
    number_field,
    one_of,
    prompt,
)

OPENING = "You are a sentiment analysis expert. Analyze the sentiment of the text."
LABELS = ("positive", "negative", "neutral")


def _prompt(constants: Mapping[str, object]) -> str:
    return prompt(
        OPENING,
        {},
        {
            "score": "the sentiment score, a number from -1.0 (extremely negative) through 0.0 "
            "(neutral) to 1.0 (extremely positive)",
            "label": "positive, negative or neutral",
            "confidence": "your confidence in the label, a number between 0.0 and 1.0",
        },
        ("The text may be in any language",),
    )


def _reader(constants: Mapping[str, object]):
    def read(answer: dict) -> tuple:
        return (
            number_field(answer, "AI_SENTIMENT", "score", -1.0, 1.0),
            one_of(answer, "AI_SENTIMENT", "label", LABELS),
            number_field(answer, "AI_SENTIMENT", "confidence", 0.0, 1.0),
        )

    return read


AI_SENTIMENT = AiFunction(
    "AI_SENTIMENT",
    (),
    (("score", types.DOUBLE), ("label", types.STRING), ("confidence", types.DOUBLE)),
    _prompt,
    _reader,
    labelled=lambda constants: {"label": LABELS},
).table_function()
