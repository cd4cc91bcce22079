"""AI_EMBED(MODEL m, input [, DIMENSION]): each row's text as a vector (VVR 11.4+) from an
embedding model (OUTPUT ARRAY<FLOAT>): column `embedding` ARRAY<FLOAT>. The dimension is always
sent: DIMENSION, else 1024 (VVR: it overrides the model's 'dimension'); inputs are batched as
ML_PREDICT batches them, and a vector of another length fails its rows."""

from __future__ import annotations

from collections.abc import Mapping

from bailian_assets.planning import types
from bailian_assets.planning.table_functions.ai_function import AiFunction, Extra

DEFAULT_DIMENSION = 1024


def _request(constants: Mapping[str, object]) -> Mapping[str, object]:
    return {"dimensions": constants.get("DIMENSION") or DEFAULT_DIMENSION}


AI_EMBED = AiFunction(
    "AI_EMBED",
    (Extra("DIMENSION", "INTEGER", "1024", required=False),),
    (("embedding", types.FLOAT_ARRAY),),
    None,
    request=_request,
).table_function()
