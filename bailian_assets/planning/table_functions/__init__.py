"""The table function registry: what SQL may call in FROM, by name.

ML_PREDICT and VECTOR_SEARCH are entries here, not special cases: the builder looks a table
function up by name, binds its arguments to the declared parameters (`registry.invoke`:
positional or named, by kind) and lets the entry build its plan node.

VVR's AI functions (AI_CLASSIFY, AI_SENTIMENT, AI_EXTRACT, AI_TRANSLATE, AI_SUMMARIZE, AI_MASK,
AI_EMBED) are entries made by `ai_function.AiFunction` (one module each, `ai_<name>.py`).

How to add a table function (e.g. VVR's AI_CLASSIFY(MODEL => MODEL m, INPUT => col,
LABELS => 'a,b')):
  1. a module here with a `TableFunction(NAME, parameters, build, lateral=...)`:
     parameters by kind (TABLE, MODEL, DESCRIPTOR, COLUMN, CONSTANT, MAP, ANY; see
     `registry.py`), `lateral=True` for a function that reads the rows to its left
     (`FROM t, LATERAL TABLE(AI_CLASSIFY(...))`: COLUMN arguments bind against them);
  2. `build(invocation)` returns its plan node: an existing one (an AI function is an
     `MlPredict` over `invocation.left` with a prompt built from its CONSTANT arguments and
     several output fields from `ml_predict.output_fields`) or a new node in `plan.py` with its
     runner in `executor/executor.py`;
  3. the entry in `TABLE_FUNCTIONS` below, and golden cases with Flink's (or VVR's) answers.
"""

from __future__ import annotations

from bailian_assets.planning.table_functions.ai_classify import AI_CLASSIFY
from bailian_assets.planning.table_functions.ai_embed import AI_EMBED
from bailian_assets.planning.table_functions.ai_extract import AI_EXTRACT
from bailian_assets.planning.table_functions.ai_mask import AI_MASK
from bailian_assets.planning.table_functions.ai_sentiment import AI_SENTIMENT
from bailian_assets.planning.table_functions.ai_summarize import AI_SUMMARIZE
from bailian_assets.planning.table_functions.ai_translate import AI_TRANSLATE
from bailian_assets.planning.table_functions.ml_predict import ML_PREDICT
from bailian_assets.planning.table_functions.registry import (
    Invocation,
    Parameter,
    Site,
    TableFunction,
    invoke,
)
from bailian_assets.planning.table_functions.unnest import UNNEST
from bailian_assets.planning.table_functions.vector_search import VECTOR_SEARCH
from bailian_assets.planning.table_functions.window_tvf import (
    CUMULATE,
    HIDDEN_HOP,
    HIDDEN_TUMBLE,
    HOP,
    TUMBLE,
)

TABLE_FUNCTIONS: dict[str, TableFunction] = {
    f.name: f
    for f in (
        ML_PREDICT,
        VECTOR_SEARCH,
        AI_CLASSIFY,
        AI_SENTIMENT,
        AI_EXTRACT,
        AI_TRANSLATE,
        AI_SUMMARIZE,
        AI_MASK,
        AI_EMBED,
        UNNEST,
        TUMBLE,
        HOP,
        CUMULATE,
        HIDDEN_TUMBLE,
        HIDDEN_HOP,
    )
}

__all__ = ["TABLE_FUNCTIONS", "Invocation", "Parameter", "Site", "TableFunction", "invoke"]
