"""AI_TRANSLATE(MODEL m, input, SOURCE_LANG, TARGET_LANG): each row's text translated
(VVR 11.4+); language codes such as zh, en, ja (the model decides which it supports), SOURCE_LANG
`auto` to let it detect the language. Columns `translated_text` STRING and `detected_language`
STRING."""

from __future__ import annotations

from collections.abc import Mapping

from bailian_assets.planning import types
from bailian_assets.planning.table_functions.ai_function import (
    AiFunction,
    Extra,
    prompt,
    text_field,
)

OPENING = "You are a professional translator. Translate the text into the target language."


def _prompt(constants: Mapping[str, object]) -> str:
    return prompt(
        OPENING,
        {"Source language": constants["SOURCE_LANG"], "Target language": constants["TARGET_LANG"]},
        {
            "translated_text": "the translation, in the target language",
            "detected_language": "the language code of the text (e.g. zh, en), detected when the "
            "source language is auto",
        },
        ("Translate faithfully: keep meaning, names and numbers; add nothing",),
    )


def _reader(constants: Mapping[str, object]):
    def read(answer: dict) -> tuple:
        return (
            text_field(answer, "AI_TRANSLATE", "translated_text"),
            text_field(answer, "AI_TRANSLATE", "detected_language"),
        )

    return read


AI_TRANSLATE = AiFunction(
    "AI_TRANSLATE",
    (Extra("SOURCE_LANG", "STRING", "'auto' or 'en'"), Extra("TARGET_LANG", "STRING", "'zh'")),
    (("translated_text", types.STRING), ("detected_language", types.STRING)),
    _prompt,
    _reader,
).table_function()
