"""VARIANT as Flink 2.3 has it (checked with the oracle, see the research notes section 6):
PARSE_JSON / TRY_PARSE_JSON, `v['key']` and 1-based `v[n]`, JSON_STRING (sorted keys, compact),
no CAST in or out, JSON null apart from SQL NULL; stored in Parquet as JSON text and read back;
chat models with `OUTPUT (content VARIANT)` (the answer parsed, a non-JSON answer fails its row)."""

import pytest

from bailian_assets.errors import BailianError, SqlError
from bailian_assets.planning.functions import variant
from bailian_assets.planning.project import load_source
from conftest import printed_lines

OUT = "CREATE TEMPORARY TABLE snk (a STRING, b STRING) WITH ('connector' = 'print');\n"
VIEW = (
    'CREATE TEMPORARY VIEW t (id, j) AS VALUES (1, \'{"b":[10,20],"a":"x","n":null}\'),'
    " (2, '[1,2]'), (3, CAST(NULL AS STRING));\n"
)


def select(a: str, b: str = "'-'", where: str = "") -> list[str]:
    return printed_lines(OUT + VIEW + f"INSERT INTO snk SELECT {a}, {b} FROM t {where};")


def plan_error(sql: str) -> tuple[int, int, str]:
    with pytest.raises(SqlError) as caught:
        load_source(sql, "t.sql", {})
    d = caught.value.diagnostics[0]
    return d.position.line, d.position.col, d.message


def test_json_string_is_canonical_sorted_and_compact():
    assert select("JSON_STRING(PARSE_JSON(j))") == [
        '+I[{"a":"x","b":[10,20],"n":null}, -]',
        "+I[[1,2], -]",
        "+I[null, -]",
    ]
    # decimals lose trailing zeros, an exponent makes a double, big integers stay exact
    assert variant.canonical(
        '{"n":1.50, "f":1e3, "s":"h\\u00e9llo \\"q\\"", "big":12345678901234567890, "t": 1.5e-7}'
    ) == ('{"big":12345678901234567890,"f":1000.0,"n":1.5,"s":"héllo \\"q\\"","t":1.5E-7}')
    # what Flink 2.3 prints for this very input (the oracle)
    assert variant.canonical(
        '{"a":1.0,"b":1.50,"c":10.0,"d":-0.0,"e":1e20,"f":1.5e-7,"g":100,"h":true,"i":[]}'
    ) == ('{"a":1,"b":1.5,"c":10,"d":0,"e":1.0E20,"f":1.5E-7,"g":100,"h":true,"i":[]}')


def test_field_and_element_access_are_one_based_and_null_when_missing():
    lines = select(
        "JSON_STRING(PARSE_JSON(j)['b'][2])", "JSON_STRING(PARSE_JSON(j)['zz'])", "WHERE id = 1"
    )
    assert lines == ["+I[20, null]"]
    assert select(
        "JSON_STRING(PARSE_JSON(j)[1])", "JSON_STRING(PARSE_JSON(j)[0])", "WHERE id = 2"
    ) == ["+I[1, null]"]
    # a VARIANT string prints as JSON, quotes included
    assert select("JSON_STRING(PARSE_JSON(j)['a'])", where="WHERE id = 1") == ['+I["x", -]']


def test_an_index_of_the_wrong_kind_fails_the_job_with_flinks_text():
    with pytest.raises(
        BailianError, match="Integer index access on variant requires an array variant"
    ):
        select("JSON_STRING(PARSE_JSON(j)[1])", where="WHERE id = 1")


def test_json_null_is_a_value_but_json_string_of_it_is_null():
    lines = select(
        "CASE WHEN PARSE_JSON(j)['n'] IS NULL THEN 'SQL NULL' ELSE 'a value' END",
        "JSON_STRING(PARSE_JSON(j)['n'])",
        "WHERE id = 1",
    )
    assert lines == ["+I[a value, null]"]


def test_parse_json_fails_on_bad_text_and_try_parse_json_gives_null():
    bad = "CREATE TEMPORARY VIEW b (j) AS VALUES ('{bad');\n"
    with pytest.raises(
        BailianError,
        match=r"t.sql:3:17: error: the query failed: PARSE_JSON: "
        r"invalid JSON",
    ):
        printed_lines(OUT + bad + "INSERT INTO snk SELECT JSON_STRING(PARSE_JSON(j)), '-' FROM b;")
    assert printed_lines(
        OUT + bad + "INSERT INTO snk SELECT JSON_STRING(TRY_PARSE_JSON(j)), '-' FROM b;"
    ) == ["+I[null, -]"]


def test_duplicate_keys_fail_unless_allowed_then_the_last_wins():
    dup = 'CREATE TEMPORARY VIEW d (j) AS VALUES (\'{"a":1,"a":2}\');\n'
    with pytest.raises(BailianError, match="VARIANT_DUPLICATE_KEY"):
        printed_lines(OUT + dup + "INSERT INTO snk SELECT JSON_STRING(PARSE_JSON(j)), '-' FROM d;")
    assert printed_lines(
        OUT + dup + "INSERT INTO snk SELECT JSON_STRING(PARSE_JSON(j, TRUE)), "
        "JSON_STRING(TRY_PARSE_JSON(j)) FROM d;"
    ) == ['+I[{"a":2}, null]']


@pytest.mark.parametrize(
    "expr, message",
    [
        (
            "CAST(PARSE_JSON(j)['a'] AS INT)",
            "Cast function cannot convert value of type VARIANT to type INTEGER",
        ),
        (
            "CAST(PARSE_JSON(j) AS STRING)",
            "Cast function cannot convert value of type VARIANT to type VARCHAR(2147483647)",
        ),
        (
            "TRY_CAST(PARSE_JSON(j) AS DOUBLE)",
            "Cast function cannot convert value of type VARIANT to type DOUBLE",
        ),
        (
            "CAST('{}' AS VARIANT)",
            "Cast function cannot convert value of type CHAR(2) to type VARIANT",
        ),
    ],
)
def test_casts_in_and_out_of_variant_are_refused_as_flink_refuses_them(expr, message):
    line, col, text = plan_error(OUT + VIEW + f"INSERT INTO snk SELECT {expr}, 'x' FROM t;")
    assert (line, col, text) == (3, 24, message)


def test_functions_check_their_argument_types():
    message = plan_error(OUT + VIEW + "INSERT INTO snk SELECT id['a'], 'x' FROM t;")[2]
    assert message.startswith("Cannot apply 'ITEM' to arguments of type 'ITEM(<INTEGER>, ")
    message = plan_error(OUT + VIEW + "INSERT INTO snk SELECT PARSE_JSON(id), 'x' FROM t;")[2]
    assert message.startswith("Cannot apply 'PARSE_JSON'")


def test_variant_columns_round_trip_through_parquet_and_print_as_json(tmp_path):
    sql = (
        OUT
        + VIEW
        + f"""
CREATE TABLE store (id INT, v VARIANT) WITH ('connector' = 'filesystem',
  'path' = '{tmp_path / "store"}', 'format' = 'parquet');
CREATE TABLE shown (id INT, v VARIANT) WITH ('connector' = 'print');
INSERT INTO store SELECT id, PARSE_JSON(j) FROM t;
INSERT INTO shown SELECT id, v['b'] FROM store WHERE id = 1;
INSERT INTO shown SELECT id, v FROM store ORDER BY id;
"""
    )
    assert printed_lines(sql) == [
        "+I[1, [10,20]]",
        '+I[1, {"a":"x","b":[10,20],"n":null}]',
        "+I[2, [1,2]]",
        "+I[3, null]",
    ]


def test_array_elements_need_a_common_type():
    line, col, message = plan_error(OUT + VIEW + "INSERT INTO snk SELECT ARRAY['a', 1][1], 'x';")
    assert (line, col, message) == (3, 24, "Parameters must be of the same type")


def test_arrays_are_built_and_indexed_from_one():
    assert select("ARRAY['x', 'yy'][2]", "JSON_STRING(ARRAY[1, 2])", "WHERE id = 1") == [
        "+I[yy, [1,2]]"
    ]
    assert select("ARRAY['x'][0]", "ARRAY['x'][5]", "WHERE id = 1") == ["+I[null, null]"]


VARIANT_MODEL = """\
CREATE TEMPORARY MODEL vm INPUT (`input` STRING) OUTPUT (`content` VARIANT) WITH (
  'provider' = 'openai-compat', 'endpoint' =
  'https://dashscope-intl.aliyuncs.com/compatible-mode/v1/chat/completions',
  'apiKey' = 'sk-test', 'model' = 'qwen-plus', 'system-prompt' =
  'Label it: [positive, negative].'{extra});
CREATE TEMPORARY VIEW r (id, txt) AS VALUES (1, 'I love it'), (2, 'awful');
CREATE TEMPORARY TABLE o (id INT, v VARIANT, label STRING) WITH ('connector' = 'print');
INSERT INTO o SELECT id, content, JSON_STRING(content['label'])
FROM ML_PREDICT(TABLE r, MODEL vm, DESCRIPTOR(txt));
"""


def test_ml_predict_parses_a_chat_answer_into_a_variant():
    lines = printed_lines(VARIANT_MODEL.format(extra=", 'response-format' = 'json_object'"))
    assert lines == [
        '+I[1, {"label":"positive"}, "positive"]',
        '+I[2, {"label":"negative"}, "negative"]',
    ]


def test_an_answer_that_is_not_json_fails_its_row_and_ignore_keeps_it_null():
    with pytest.raises(
        BailianError,
        match=r"failed on row \d: the answer is not a VARIANT: "
        "invalid JSON",
    ):
        printed_lines(VARIANT_MODEL.format(extra=""))
    lines = printed_lines(VARIANT_MODEL.format(extra=", 'error-handling-strategy' = 'IGNORE'"))
    assert lines == ["+I[1, null, null]", "+I[2, null, null]"]
