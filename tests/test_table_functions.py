"""The table function registry: ML_PREDICT and VECTOR_SEARCH are entries, and a new lateral
function shaped like VVR's AI functions (MODEL => MODEL m, INPUT => col, constant extras,
named or positional) is one entry."""

import pytest

from bailian_assets.errors import SqlError
from bailian_assets.planning import plan as p
from bailian_assets.planning import table_functions as tf
from bailian_assets.planning.models import RuntimeConfig
from bailian_assets.planning.project import load_source
from bailian_assets.planning.table_functions.ml_predict import output_fields
from conftest import CHAT_MODEL, printed_lines

BASE = (
    CHAT_MODEL
    + """\
CREATE TEMPORARY TABLE snk (id INT, label STRING) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW v (id, txt) AS VALUES (1, 'I love it'), (2, 'awful');
"""
)


def _label(call: tf.Invocation) -> p.Node:
    """An AI_LABEL(MODEL, INPUT[, LABELS]) shaped like VVR's AI_CLASSIFY: the model's answer
    for the INPUT column of each row to its left."""
    model = call.args["MODEL"]
    assert call.args["LABELS"] is None or call.args["LABELS"].value == "good,bad"
    outputs = output_fields(call, model.output_columns, {f.name for f in call.left.fields})
    return p.MlPredict(
        call.left,
        model,
        call.args["INPUT"].column,
        outputs,
        RuntimeConfig(),
        call.call.position,
        call.site.path,
    )


AI_LABEL = tf.TableFunction(
    "AI_LABEL",
    (
        tf.Parameter("MODEL", "MODEL", "a model identifier"),
        tf.Parameter("INPUT", "COLUMN", "a column of the input rows"),
        tf.Parameter("LABELS", "CONSTANT", "a string literal", required=False),
    ),
    _label,
    lateral=True,
)


@pytest.fixture
def ai_label(monkeypatch):
    monkeypatch.setitem(tf.TABLE_FUNCTIONS, "AI_LABEL", AI_LABEL)


def run(sql):
    return printed_lines(BASE + sql)


def first_error(sql):
    with pytest.raises(SqlError) as caught:
        load_source(BASE + sql, "t.sql", {})
    d = caught.value.diagnostics[0]
    return d.position.line, d.position.col, d.message


@pytest.mark.parametrize(
    "call",
    [
        "AI_LABEL(MODEL => MODEL m, INPUT => txt, LABELS => 'good,bad')",
        "AI_LABEL(MODEL m, txt, 'good,bad')",
        "AI_LABEL(INPUT => txt, MODEL => MODEL m)",
    ],
)
def test_a_new_lateral_function_is_one_entry_named_or_positional(ai_label, call):
    lines = run(f"INSERT INTO snk SELECT id, content FROM v, LATERAL TABLE({call}) ORDER BY id;")
    assert [line.split(",")[0] for line in lines] == ["+I[1", "+I[2"]


def test_its_arguments_are_checked_by_kind(ai_label):
    line, col, message = first_error(
        "INSERT INTO snk SELECT id, content FROM v, LATERAL TABLE(AI_LABEL(MODEL m, txt, txt));"
    )
    assert message == "Third operand must be a string literal" and (line, col) == (8, 81)
    message = first_error(
        "INSERT INTO snk SELECT id, content FROM v, LATERAL TABLE(AI_LABEL(MODEL m, nope));"
    )[2]
    assert message.startswith("Column 'nope' not found in any table")


def test_a_lateral_function_needs_rows_to_its_left(ai_label):
    assert first_error("INSERT INTO snk SELECT 1, content FROM TABLE(AI_LABEL(MODEL m, 'x'));")[
        2
    ].startswith("AI_LABEL needs a table to take its queries from")


def test_an_unknown_table_function_gets_a_did_you_mean():
    message = first_error(
        "INSERT INTO snk SELECT id, content FROM ML_PREDIKT(TABLE v, MODEL m, DESCRIPTOR(txt));"
    )[2]
    assert message == "unknown table function 'ML_PREDIKT'; did you mean 'ML_PREDICT'?"


def test_ml_predict_and_vector_search_are_registered_entries():
    assert {"ML_PREDICT", "VECTOR_SEARCH"} <= set(tf.TABLE_FUNCTIONS)
    assert tf.TABLE_FUNCTIONS["VECTOR_SEARCH"].lateral
    assert not tf.TABLE_FUNCTIONS["ML_PREDICT"].lateral
