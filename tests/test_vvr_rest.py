"""The rest of VVR's AI SQL: VARIANT comparisons and casts as Flink 2.3 has them (each verdict
and text checked on the Flink oracle), the label checks of AI_SENTIMENT and AI_CLASSIFY in
Dagster, and the client's backend chosen by its caller."""

import pytest

from bailian_assets.client.backend import simulated_backend
from bailian_assets.errors import SqlError
from bailian_assets.executor.runner import run_project
from bailian_assets.planning.project import load_source
from bailian_assets.simulator.service import BailianSimulator

ROWS = "(SELECT id, PARSE_JSON(s) AS v FROM (VALUES (1, '1'), (2, '2'), (3, '1')) AS t(id, s))"
ORDERABLE = ("is not an orderable data type, it is not supported as a "
             "ORDER_BY/GROUP_BY/JOIN_EQUAL field.")


def shown(sql: str) -> list[str]:
    lines: list[str] = []
    run_project(load_source(sql, "t.sql", {}), simulated_backend(BailianSimulator()),
                lambda table, line: lines.append(line))
    return lines


def refusal(sql: str) -> tuple[int, int, str]:
    with pytest.raises(SqlError) as caught:
        load_source(sql, "t.sql", {})
    d = caught.value.diagnostics[0]
    return d.position.line, d.position.col, d.message


# ------------------------------------------------------------------ VARIANT


@pytest.mark.parametrize("sql, message", [
    ("SELECT PARSE_JSON('1') < PARSE_JSON('2');",
     "Comparable type expected, but was 'VARIANT NOT NULL'."),
    ("SELECT PARSE_JSON('1') BETWEEN PARSE_JSON('0') AND PARSE_JSON('2');",
     "Comparable type expected, but was 'VARIANT NOT NULL'."),
    ("SELECT GREATEST(PARSE_JSON('1'), PARSE_JSON('2'));",
     "Comparable type expected, but was 'VARIANT NOT NULL'."),
    ("SELECT TRY_PARSE_JSON('1') >= TRY_PARSE_JSON('2');",
     "Comparable type expected, but was 'VARIANT'."),
    (f"SELECT v, COUNT(*) FROM {ROWS} GROUP BY v;", "Type(VARIANT) " + ORDERABLE),
    (f"SELECT v FROM {ROWS} ORDER BY v;", "Type(VARIANT) " + ORDERABLE),
    (f"SELECT DISTINCT v FROM {ROWS};", "Type(VARIANT) " + ORDERABLE),
    (f"SELECT COUNT(DISTINCT v) FROM {ROWS};", "Type(VARIANT) " + ORDERABLE),
    (f"SELECT id, COUNT(*) OVER (PARTITION BY v) FROM {ROWS};", "Type(VARIANT) " + ORDERABLE),
    (f"SELECT id, ROW_NUMBER() OVER (ORDER BY v) FROM {ROWS};", "Type(VARIANT) " + ORDERABLE),
    (f"SELECT v FROM {ROWS} INTERSECT SELECT v FROM {ROWS};", "Type(VARIANT) " + ORDERABLE),
    (f"SELECT v FROM {ROWS} EXCEPT ALL SELECT v FROM {ROWS};", "Type(VARIANT) " + ORDERABLE),
    ("SELECT PARSE_JSON('1') UNION SELECT PARSE_JSON('1');",
     "UNION cannot remove duplicate VARIANT values (Flink 2.3 fails with: VARIANT (of class "
     "org.apache.flink.table.types.logical.LogicalTypeRoot)); use UNION ALL"),
    (f"SELECT MAX(v) FROM {ROWS};",
     "Max aggregate function does not support type: ''VARIANT''. Please re-check the data type."),
    (f"SELECT MIN(v) FROM {ROWS};",
     "Min aggregate function does not support type: ''VARIANT''. Please re-check the data type."),
    ("SELECT CAST(PARSE_JSON('1') AS VARIANT);",
     "Cast function cannot convert value of type VARIANT to type VARIANT"),
    ("SELECT CAST(PARSE_JSON('1') AS TIMESTAMP);",
     "Cast function cannot convert value of type VARIANT to type TIMESTAMP(6)"),
    ("SELECT PARSE_JSON('1') = 1;",
     "Cannot apply '=' to arguments of type '<VARIANT> = <INTEGER>'"),
])
def test_what_flink_refuses_for_variant_is_refused_with_its_text(sql, message):
    line, _, found = refusal(sql)
    assert line == 1 and found.startswith(message)


def test_the_refusal_points_at_the_key():
    assert refusal(f"SELECT id, v FROM {ROWS}\nORDER BY id, v;")[:2] == (2, 14)
    assert refusal(f"SELECT v, COUNT(*) FROM {ROWS}\nGROUP BY v;")[:2] == (2, 10)


def test_what_flink_accepts_for_variant_still_runs():
    assert shown("SELECT PARSE_JSON('1') = PARSE_JSON('1'), PARSE_JSON('1') <> PARSE_JSON('2'), "
                 "PARSE_JSON('1') IS DISTINCT FROM PARSE_JSON('2'), "
                 "PARSE_JSON('1') IN (PARSE_JSON('1'), PARSE_JSON('2'));") == [
        "+I[true, true, true, true]"]
    assert shown(f"SELECT id FROM {ROWS} WHERE v = PARSE_JSON('1');") == ["+I[1]", "+I[3]"]
    assert shown(f"SELECT COUNT(v) FROM {ROWS};") == ["+I[3]"]
    assert shown("SELECT PARSE_JSON('1') UNION ALL SELECT PARSE_JSON('1');") == ["+I[1]"] * 2
    assert shown("SELECT CAST(NULL AS VARIANT), COALESCE(TRY_PARSE_JSON('x'), "
                 "PARSE_JSON('3'));") == ["+I[null, 3]"]


def test_cast_of_a_boolean_to_string_prints_as_flink():
    assert shown("SELECT CAST(TRUE AS STRING), CAST(FALSE AS STRING), "
                 "CAST(CAST(NULL AS BOOLEAN) AS STRING), CAST(1 = 1 AS VARCHAR(10)), "
                 "CAST(TRUE AS CHAR(5)), 'x' || CAST(TRUE AS STRING), "
                 "CAST(TRUE AS STRING) = 'TRUE';") == [
        "+I[TRUE, FALSE, null, TRUE, TRUE , xTRUE, true]"]
