"""ARRAY, MAP and ROW values as Flink 2.3 has them (the expectations below were checked on real
Flink through the oracle, the exceptions noted where they are): constructors, 1-based element
access, the collection functions, ROW fields, and the print sink's rendering of nested values (MAPs
in java.util.HashMap order)."""

import pytest

from bailian_assets.errors import BailianError, SqlError
from bailian_assets.executor.sinks import format_typed, java_hash_map_order
from bailian_assets.planning import types
from bailian_assets.planning.project import load_source
from conftest import printed_lines


def insert(columns: str, select: str, tail: str = "") -> list[str]:
    return printed_lines(
        f"CREATE TEMPORARY TABLE out1 ({columns}) WITH ('connector' = 'print');\n{tail}"
        f"INSERT INTO out1 SELECT {select};"
    )


def plan_error(sql: str) -> tuple[int, str]:
    with pytest.raises(SqlError) as caught:
        load_source(sql, "t.sql", {})
    diagnostic = caught.value.diagnostics[0]
    return diagnostic.position.line, diagnostic.message


def test_constructors_print_as_flink_prints_them():
    assert insert(
        "a ARRAY<ROW<x INT, y STRING>>, m MAP<STRING, INT>, r ROW<a INT, b ARRAY<INT>>,"
        " n ROW<a INT, b ROW<c STRING>>",
        "ARRAY[ROW(1, 'x'), ROW(2, 'y')], MAP['z', 1, 'a', 2, 'm', 3], "
        "ROW(1, ARRAY[1, 2]), ROW(1, ROW('q'))",
    ) == ["+I[[+I[1, x], +I[2, y]], {a=2, z=1, m=3}, +I[1, [1, 2]], +I[1, +I[q]]]"]


def test_float_arrays_print_a_floats_own_digits():
    assert insert(
        "a FLOAT, b ARRAY<FLOAT>",
        "CAST(0.1 AS FLOAT), ARRAY[CAST(0.1 AS FLOAT), CAST(1e10 AS FLOAT)]",
    ) == ["+I[0.1, [0.1, 1.0E10]]"]


def test_element_access_is_one_based_and_null_when_missing():
    view = "CREATE TEMPORARY VIEW t(arr) AS VALUES (ARRAY[1, CAST(NULL AS INT)]);\n"
    assert insert("a INT, b INT, c INT", "arr[1], arr[2], arr[5] FROM t", view) == [
        "+I[1, null, null]"
    ]
    assert insert("v INT, m STRING", "MAP['a', 1, 'b', 2]['b'], MAP['a', 'x']['q']") == [
        "+I[2, null]"
    ]


def test_a_repeated_map_key_keeps_its_last_value():
    assert insert("m MAP<STRING, INT>", "MAP['a', 1, 'b', 2, 'a', 3]") == ["+I[{a=3, b=2}]"]


def test_array_functions():
    assert insert(
        "a INT, b INT, c ARRAY<INT>, d ARRAY<INT>, e ARRAY<INT>, f ARRAY<INT>, "
        "g ARRAY<INT>, h ARRAY<STRING>, i STRING, j STRING",
        "ARRAY_POSITION(ARRAY[5, 6, 7, 6], 6), ARRAY_POSITION(ARRAY[5], 9), "
        "ARRAY_REMOVE(ARRAY[1, 2, 1, CAST(NULL AS INT)], 1), "
        "ARRAY_REMOVE(ARRAY[1, CAST(NULL AS INT)], CAST(NULL AS INT)), "
        "ARRAY_SLICE(ARRAY[1, 2, 3, 4, 5], -3, -1), ARRAY_SLICE(ARRAY[1, 2, 3, 4, 5], 2),"
        " ARRAY_SLICE(ARRAY[1, 2, 3], 3, 1), SPLIT('abc', ''), "
        "ARRAY_JOIN(ARRAY['a', CAST(NULL AS STRING), 'c'], ','), "
        "ARRAY_JOIN(ARRAY['a', CAST(NULL AS STRING), 'c'], ',', 'N')",
    ) == ["+I[2, 0, [2, null], [1], [3, 4, 5], [2, 3, 4, 5], [], [a, b, c], a,c, a,N,c]"]
    assert insert(
        "a ARRAY<STRING>, b ARRAY<INT>, c ARRAY<STRING>, d INT, e INT, f ARRAY<INT>, "
        "g ARRAY<INT>, h ARRAY<INT>, i ARRAY<INT>",
        "MAP_KEYS(MAP['a', 1, 'b', 2]), MAP_VALUES(MAP['a', 1, 'b', 2]), "
        "SPLIT('a,,b', ','), ELEMENT(ARRAY[7]), ARRAY_MAX(ARRAY[1, 5, 3]), "
        "ARRAY_SORT(ARRAY[3, 1, 2]), ARRAY_UNION(ARRAY[1, 2], ARRAY[2, 3]), "
        "ARRAY_APPEND(ARRAY[1], 2), ARRAY_PREPEND(ARRAY[1], 0)",
    ) == ["+I[[a, b], [1, 2], [a, , b], 7, 5, [1, 2, 3], [1, 2, 3], [1, 2], [0, 1]]"]


def test_functions_with_a_value_per_row():
    # a missing key is NULL (Flink 2.3 prints '' for a missing key of a MAP literal whose
    # values are NOT NULL, a code generation slip; NULL is Flink's documented meaning)
    view = (
        "CREATE TEMPORARY VIEW t(arr, v, k) AS VALUES (ARRAY[1, 2, 1, CAST(NULL AS INT)], 1, "
        "'b'), (ARRAY[3], CAST(NULL AS INT), 'a'), (CAST(NULL AS ARRAY<INT>), 1, 'c');\n"
    )
    assert insert(
        "a ARRAY<INT>, b INT, c BOOLEAN, m STRING",
        "ARRAY_REMOVE(arr, v), ARRAY_POSITION(arr, v), ARRAY_CONTAINS(arr, v), "
        "MAP['a', 'x', 'b', 'y'][k] FROM t",
        view,
    ) == ["+I[[2, null], 1, true, y]", "+I[[3], null, false, x]", "+I[null, null, null, null]"]


def test_str_to_map_and_cardinality():
    assert insert(
        "a STRING, b STRING, n INT, m INT",
        "STR_TO_MAP('a=1,b=2')['b'], STR_TO_MAP('k1:v1;k2:v2', ';', ':')['k1'], "
        "CARDINALITY(ARRAY[1, 2, 3]), CARDINALITY(MAP['a', 1, 'b', 2])",
    ) == ["+I[2, v1, 3, 2]"]


def test_element_of_more_than_one_fails_the_job():
    with pytest.raises(BailianError, match="more than one element"):
        insert("x INT", "ELEMENT(ARRAY[1, 2])")


def test_row_fields_by_name():
    assert insert(
        "r ROW<a INT, b STRING>, b STRING, c INT",
        "ROW(1, 'x'), CAST(ROW(1, 'y') AS ROW<a INT, b STRING>).b, ROW(3, 'q').EXPR$0",
    ) == ["+I[+I[1, x], y, 3]"]


def test_a_row_column_is_read_with_a_dot_when_no_table_has_its_name():
    view = (
        "CREATE TEMPORARY VIEW t(id, address) AS SELECT 1, "
        "CAST(ROW('Oslo', '0150') AS ROW<city STRING, zip STRING>);\n"
    )
    assert insert("city STRING, zip STRING", "address.city, t.address.zip FROM t", view) == [
        "+I[Oslo, 0150]"
    ]


def test_an_unknown_row_field_is_a_located_error():
    line, message = plan_error(
        "CREATE TEMPORARY TABLE out1 (b STRING) WITH ('connector' = 'print');\n"
        "INSERT INTO out1 SELECT CAST(ROW(1, 'y') AS ROW<a INT, b STRING>).c;"
    )
    assert line == 2 and "Unknown field 'c'" in message


def test_empty_array_constructor_is_refused():
    line, message = plan_error(
        "CREATE TEMPORARY TABLE out1 (a ARRAY<STRING>) WITH ('connector' = 'print');\n"
        "INSERT INTO out1 SELECT CAST(ARRAY[] AS ARRAY<STRING>);"
    )
    assert (line, message) == (2, "Require at least 1 argument")


def test_mixed_element_types_are_refused():
    line, message = plan_error(
        "CREATE TEMPORARY TABLE out1 (x INT) WITH ('connector' = 'print');\n"
        "INSERT INTO out1 SELECT CARDINALITY(ARRAY_CONCAT(ARRAY[1], ARRAY['a']));"
    )
    assert line == 2 and "same type" in message


def test_hash_map_order_follows_java():
    # "a" (97), "m" (109), "z" (122) fall in buckets 1, 13 and 10 of 16
    entries = [{"key": k, "value": i} for i, k in enumerate("zam")]
    assert [e["key"] for e in java_hash_map_order(entries, types.STRING)] == ["a", "z", "m"]
    # 13 keys make the table grow to 32 buckets; integers hash to themselves
    keys = [40, 8, 1, 33, 17, 2, 3, 4, 5, 6, 7, 9, 10]
    ordered = java_hash_map_order([{"key": k, "value": 0} for k in keys], types.INT)
    assert [e["key"] for e in ordered] == sorted(keys, key=lambda k: (k % 32, keys.index(k)))
    map_type = types.map_of(types.INT, types.STRING)
    assert format_typed([{"key": 18, "value": "x"}, {"key": 1, "value": None}], map_type) == (
        "{1=null, 18=x}"
    )
