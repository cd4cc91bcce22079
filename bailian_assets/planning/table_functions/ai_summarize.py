"""AI_SUMMARIZE(MODEL m, input, MAX_LENGTH): a summary of each row's text of at most
MAX_LENGTH characters (VVR 11.4+; the prompt is Flink CDC's): column `summary` STRING. A summary
longer than MAX_LENGTH fails its row rather than being cut."""

from __future__ import annotations

from collections.abc import Mapping

from bailian_assets.planning import types
from bailian_assets.planning.table_functions.ai_function import (
    AiFunction,
    AnswerError,
    Extra,
    prompt,
    text_field,
)

OPENING = (
    "You are a text summarization expert. Generate an accurate, coherent, and "
    "informative summary that does not exceed the maximum length in characters."
)


def _prompt(constants: Mapping[str, object]) -> str:
    return prompt(
        OPENING,
        {"Maximum length": constants["MAX_LENGTH"]},
        {
            "summary": "the summarized content",
        },
        (
            "Stay within the specified length",
            "Preserve core ideas and key information",
            "Use concise language with clear logic",
            "Maintain text coherence",
            "Avoid subjective opinions",
        ),
    )


def _reader(constants: Mapping[str, object]):
    limit = int(constants["MAX_LENGTH"])  # type: ignore[call-overload]

    def read(answer: dict) -> tuple:
        summary = text_field(answer, "AI_SUMMARIZE", "summary")
        if len(summary) > limit:
            raise AnswerError(
                f"AI function AI_SUMMARIZE's summary has {len(summary)} "
                f"characters, more than MAX_LENGTH {limit}"
            )
        return (summary,)

    return read


AI_SUMMARIZE = AiFunction(
    "AI_SUMMARIZE",
    (Extra("MAX_LENGTH", "INTEGER", "100"),),
    (("summary", types.STRING),),
    _prompt,
    _reader,
).table_function()
