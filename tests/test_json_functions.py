"""SQL/JSON functions with Flink 2.3's semantics: paths, RETURNING, ON EMPTY/ERROR, wrappers,
constructors and aggregates (expected values from real Flink through the oracle, or the Calcite
rules the golden cases show)."""

import pytest

from bailian_assets.errors import ExecutionError, SqlError
from bailian_assets.executor.functions.json import JsonError, compile_path, dump, evaluate, parse
from conftest import printed_lines

DOC = '{"a": {"b": [10, 2.50, "x"]}, "n": null, "t": true, "s": "abc"}'


def printed(columns: str, select: str, tail: str = "") -> list[str]:
    sql = (
        f"CREATE TEMPORARY TABLE out1 ({columns}) WITH ('connector' = 'print');\n"
        f"CREATE TEMPORARY VIEW t(j, k, v) AS VALUES ('{DOC}', 'a', 1), ('oops', 'b', 2),"
        f" (CAST(NULL AS STRING), 'c', CAST(NULL AS INT));\n"
        f"INSERT INTO out1 SELECT {select} FROM t {tail};\n"
    )
    return printed_lines(sql)


def test_paths_names_indexes_wildcards_and_malformed():
    doc = parse(DOC)
    assert evaluate(doc, compile_path("$.a.b[1]")) == parse("2.50")
    assert evaluate(doc, compile_path("lax $['a'].b[*]")) == [10, parse("2.50"), "x"]
    # without `$`: read after `$.`, as Flink's JsonPath does; `@` is `$`
    assert compile_path("a.b[1]") == compile_path("@.a.b[1]") == ["a", "b", 1]
    assert compile_path("[0]") == [0]
    for malformed in ("$a", "", " a", ".a", " $.a", "a b"):
        with pytest.raises(JsonError):
            compile_path(malformed)
    assert dump(parse('{"k": [1, 2.50, true, null, "é"]}')) == '{"k":[1,2.50,true,null,"é"]}'


def test_json_value_keeps_number_text_and_gives_null_for_objects_bad_json_and_null():
    assert printed(
        "a STRING, b STRING, c STRING, d STRING",
        "JSON_VALUE(j, '$.a.b[1]'), JSON_VALUE(j, '$.a'), JSON_VALUE(j, '$.t'), "
        "JSON_VALUE(j, '$.n')",
    ) == ["+I[2.50, null, true, null]", "+I[null, null, null, null]", "+I[null, null, null, null]"]


def test_json_value_returning_and_default_on_error():
    assert printed(
        "a INT, b DOUBLE, c STRING",
        "JSON_VALUE(j, '$.a.b[0]' RETURNING INT), "
        "JSON_VALUE(j, '$.a.b[1]' RETURNING DOUBLE), "
        "JSON_VALUE(j, '$.a' DEFAULT 'obj' ON ERROR)",
        "WHERE k = 'a'",
    ) == ["+I[10, 2.5, obj]"]


def test_json_value_returning_int_of_a_json_string_fails_the_job():
    with pytest.raises(ExecutionError, match="ClassCastException"):
        printed("a INT", "JSON_VALUE(j, '$.s' RETURNING INT)")


def test_json_value_error_on_empty_fails_the_job_in_lax_mode_only():
    with pytest.raises(ExecutionError, match="Empty result of JSON_VALUE function"):
        printed("a STRING", "JSON_VALUE(j, 'lax $.zz' ERROR ON EMPTY)", "WHERE k = 'a'")
    # a path without a mode is strict: a missing member is an error, NULL ON ERROR's case
    assert printed("a STRING", "JSON_VALUE(j, '$.zz' ERROR ON EMPTY)", "WHERE k = 'a'") == [
        "+I[null]"
    ]
    with pytest.raises(ExecutionError, match="No results for path"):
        printed("a STRING", "JSON_VALUE(j, '$.zz' ERROR ON ERROR)", "WHERE k = 'a'")


def test_lax_mode_takes_text_that_is_no_json_as_empty():
    assert printed(
        "a STRING, b STRING, c STRING",
        "JSON_VALUE(j, 'lax $.a' DEFAULT 'empty' ON EMPTY DEFAULT 'error' ON ERROR), "
        "JSON_VALUE(j, 'strict $.a' DEFAULT 'empty' ON EMPTY DEFAULT 'error' ON ERROR), "
        "JSON_QUERY(j, 'lax $.a' EMPTY OBJECT ON EMPTY EMPTY ARRAY ON ERROR)",
        "WHERE k = 'b'",
    ) == ["+I[empty, error, {}]"]


def test_json_query_wrappers_and_empty_behaviours():
    assert printed(
        "a STRING, b STRING, c STRING, d STRING, e STRING",
        "JSON_QUERY(j, '$.a.b'), JSON_QUERY(j, '$.s' WITH CONDITIONAL WRAPPER), "
        "JSON_QUERY(j, '$.a' WITH UNCONDITIONAL ARRAY WRAPPER), "
        "JSON_QUERY(j, 'lax $.zz' EMPTY ARRAY ON EMPTY), "
        "JSON_QUERY(j, '$.zz' EMPTY ARRAY ON EMPTY)",
        "WHERE k = 'a'",
    ) == ['+I[[10,2.50,"x"], ["abc"], [{"b":[10,2.50,"x"]}], [], null]']


def test_json_exists_is_json_kinds():
    assert printed(
        "a BOOLEAN, b BOOLEAN, c BOOLEAN, d BOOLEAN, e BOOLEAN",
        "JSON_EXISTS(j, '$.a.b[2]'), JSON_EXISTS(j, '$.n'), j IS JSON OBJECT, "
        "j IS NOT JSON, j IS JSON SCALAR",
    ) == [
        "+I[true, false, true, false, false]",
        "+I[false, false, false, true, false]",
        "+I[null, null, false, true, false]",
    ]


def test_json_object_and_array_nest_and_handle_nulls():
    assert printed(
        "a STRING, b STRING",
        "JSON_OBJECT(KEY 'k' VALUE k, 'v' VALUE v, 'arr' VALUE JSON_ARRAY(v, 'x') "
        "ABSENT ON NULL), JSON_ARRAY(v, k NULL ON NULL)",
    ) == [
        # keys sorted, as Flink writes them
        '+I[{"arr":[1,"x"],"k":"a","v":1}, [1,"a"]]',
        '+I[{"arr":[2,"x"],"k":"b","v":2}, [2,"b"]]',
        '+I[{"arr":["x"],"k":"c"}, [null,"c"]]',
    ]


def test_json_aggregates_per_group():
    assert printed(
        "k STRING, o STRING, a STRING",
        "k, JSON_OBJECTAGG(KEY k VALUE v), JSON_ARRAYAGG(v)",
        "GROUP BY k ORDER BY k",
    ) == ['+I[a, {"a":1}, [1]]', '+I[b, {"b":2}, [2]]', '+I[c, {"c":null}, []]']


def test_json_value_and_query_take_the_path_from_a_column():
    assert printed("a STRING, b STRING", "JSON_VALUE(j, k), JSON_QUERY(j, k)") == [
        '+I[null, {"b":[10,2.50,"x"]}]',
        "+I[null, null]",
        "+I[null, null]",
    ]
    assert printed("a STRING", "JSON_VALUE(j, 'lax ' || k || '.b[0]')") == [
        "+I[10]",
        "+I[null]",
        "+I[null]",
    ]


def test_json_exists_takes_a_path_column_of_a_char_type_only():
    # the view's k is CHAR(1); Flink refuses a VARCHAR or STRING path
    assert printed("a BOOLEAN", "JSON_EXISTS(j, k)") == ["+I[true]", "+I[false]", "+I[null]"]
    with pytest.raises(SqlError, match="Unsupported call: JSON_EXISTS"):
        printed("a BOOLEAN", "JSON_EXISTS(j, CAST(k AS STRING))")


def test_dump_sorts_keys_at_every_level_in_javas_string_order():
    # Java compares UTF-16 code units: U+FF21 (one unit, 0xFF21) sorts after U+1F600 (its
    # first unit 0xD83D), unlike code points
    document = {"b": 1, "a": {"\uff21": [{"y": 1, "x": 2}], "\U0001f600": 2}}
    assert dump(document) == '{"a":{"\U0001f600":2,"\uff21":[{"x":2,"y":1}]},"b":1}'
