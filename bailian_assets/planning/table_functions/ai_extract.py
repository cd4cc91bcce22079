"""AI_EXTRACT(MODEL m, input, EXTRACT_SCHEMA): the fields a constant JSON schema names
(`{"name": "string", "age": "int"}`), extracted from each row's text (VVR 11.4+): column
`extracted_json` STRING, the extracted object as canonical JSON (sorted keys, compact; a field
the text lacks is null). An answer that is not an object, or has fields the schema does not
name, fails its row."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import cast

from bailian_assets.planning import types
from bailian_assets.planning.functions import variant
from bailian_assets.planning.table_functions.ai_function import (
    AiFunction,
    AnswerError,
    Extra,
    field,
    prompt,
)

OPENING = (
    "You are an information extraction expert. Extract the fields of the schema from the text."
)


def _prompt(constants: Mapping[str, object]) -> str:
    return prompt(
        OPENING,
        {"Schema": constants["EXTRACT_SCHEMA"]},
        {
            "extracted_json": "a JSON object with exactly the schema's keys, each value of the "
            "type the schema gives, or null when the text does not say",
        },
        ("Extract only what the text states; never guess", "The text may be in any language"),
    )


def _reader(constants: Mapping[str, object]):
    # EXTRACT_SCHEMA is a JSON_OBJECT constant: a dict, whose keys are the fields
    keys = set(cast(dict, constants["EXTRACT_SCHEMA"]))

    def read(answer: dict) -> tuple:
        value = field(answer, "AI_EXTRACT", "extracted_json")
        if isinstance(value, str):  # a model may give the object as JSON text
            try:
                value = json.loads(value)
            except json.JSONDecodeError:
                pass
        if not isinstance(value, dict):
            raise AnswerError("AI function AI_EXTRACT's 'extracted_json' is not a JSON object")
        unknown = sorted(set(value) - keys)
        if unknown:
            raise AnswerError(
                f"AI function AI_EXTRACT's 'extracted_json' has fields the schema "
                f"does not name: {', '.join(unknown)}"
            )
        return (variant.render(variant.parse(json.dumps(value))),)  # canonical, as JSON_STRING

    return read


AI_EXTRACT = AiFunction(
    "AI_EXTRACT",
    (Extra("EXTRACT_SCHEMA", "JSON_OBJECT", '\'{"name": "string", "age": "int"}\''),),
    (("extracted_json", types.STRING),),
    _prompt,
    _reader,
).table_function()
