"""The table function registry: what SQL may call in FROM, by name.

ML_PREDICT and VECTOR_SEARCH are entries here, not special cases: the builder looks a table
function up by name, binds its arguments to the declared parameters (`registry.invoke`:
positional or named, by kind) and lets the entry build its plan node.

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

from bailian_assets.planning.table_functions.ml_predict import ML_PREDICT
from bailian_assets.planning.table_functions.registry import (Invocation, Parameter, Site,
                                                              TableFunction, invoke)
from bailian_assets.planning.table_functions.vector_search import VECTOR_SEARCH

TABLE_FUNCTIONS: dict[str, TableFunction] = {f.name: f for f in (ML_PREDICT, VECTOR_SEARCH)}

__all__ = ["TABLE_FUNCTIONS", "Invocation", "Parameter", "Site", "TableFunction", "invoke"]
