"""AI_CLASSIFY(MODEL m, input, LABELS): one of the constant labels for each row's text, with
the model's confidence (VVR 11.4+): columns `category` STRING and `confidence` DOUBLE. An
answer whose category is not one of LABELS, or whose confidence is outside 0..1, fails its row."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import cast

from bailian_assets.planning import types
from bailian_assets.planning.table_functions.ai_function import (
    AiFunction,
    Extra,
    number_field,
    one_of,
    prompt,
)

OPENING = (
    "You are a text classification expert. Classify the text into exactly one of the given labels."
)


def _prompt(constants: Mapping[str, object]) -> str:
    return prompt(
        OPENING,
        {"Labels": constants["LABELS"]},
        {
            "category": "the label that fits the text best, copied exactly from Labels",
            "confidence": "your confidence in the category, a number between 0.0 and 1.0",
        },
        ("Choose only from the given labels", "The text may be in any language"),
    )


def _reader(constants: Mapping[str, object]):
    labels = tuple(cast("Sequence[str]", constants["LABELS"]))  # ARRAY<STRING>: ai_function checks

    def read(answer: dict) -> tuple:
        return (
            one_of(answer, "AI_CLASSIFY", "category", labels),
            number_field(answer, "AI_CLASSIFY", "confidence", 0.0, 1.0),
        )

    return read


AI_CLASSIFY = AiFunction(
    "AI_CLASSIFY",
    (Extra("LABELS", "STRING_ARRAY", "ARRAY['positive', 'negative']"),),
    (("category", types.STRING), ("confidence", types.DOUBLE)),
    _prompt,
    _reader,
    labelled=lambda constants: {"category": tuple(constants["LABELS"])},  # type: ignore
).table_function()
