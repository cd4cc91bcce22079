"""AI_MASK(MODEL m, input, MASK_ENTITIES): each row's text with the entities of the constant
kinds (ARRAY['name', 'phone', ...]) replaced by bracketed placeholders such as [NAME]
(VVR 11.4+). Columns `masked_text` STRING and `detected_entities` ARRAY<STRING>, each element a
JSON string `{"entity":"Timmo","type":"name"}`."""

from __future__ import annotations

import json
from collections.abc import Mapping

from bailian_assets.planning import types
from bailian_assets.planning.functions import variant
from bailian_assets.planning.table_functions.ai_function import (
    STRING_ARRAY,
    AiFunction,
    AnswerError,
    Extra,
    field,
    prompt,
    text_field,
)

OPENING = (
    "You are a data privacy expert. Detect the entities of the given types in the text "
    "and mask them."
)


def _prompt(constants: Mapping[str, object]) -> str:
    return prompt(
        OPENING,
        {"Entity types": constants["MASK_ENTITIES"]},
        {
            "masked_text": "the text with each detected entity replaced by its type in upper case "
            "in brackets, such as [NAME]",
            "detected_entities": 'a list of objects {"entity": the original text fragment, '
            '"type": its entity type}',
        },
        ("Mask only entities of the given types", "Change nothing else in the text"),
    )


def _reader(constants: Mapping[str, object]):
    def read(answer: dict) -> tuple:
        masked = text_field(answer, "AI_MASK", "masked_text")
        entities = field(answer, "AI_MASK", "detected_entities")
        if not isinstance(entities, list):
            raise AnswerError("AI function AI_MASK's 'detected_entities' is not a list")
        return masked, [_entity(e) for e in entities]

    return read


def _entity(value: object) -> str:
    """One detected entity as canonical JSON text: {"entity": ..., "type": ...}."""
    if isinstance(value, str):  # a model may give each as JSON text, as VVR outputs them
        try:
            value = json.loads(value)
        except json.JSONDecodeError:
            pass
    if not (
        isinstance(value, dict)
        and isinstance(value.get("entity"), str)
        and isinstance(value.get("type"), str)
    ):
        raise AnswerError(
            "AI function AI_MASK's detected entity "
            f"{json.dumps(value, ensure_ascii=False)[:80]} is not "
            '{"entity": <text>, "type": <type>}'
        )
    return variant.render({"entity": value["entity"], "type": value["type"]})


AI_MASK = AiFunction(
    "AI_MASK",
    (Extra("MASK_ENTITIES", "STRING_ARRAY", "ARRAY['name', 'phone']"),),
    (("masked_text", types.STRING), ("detected_entities", STRING_ARRAY)),
    _prompt,
    _reader,
).table_function()
