"""Flink checks a table's connector and options where a statement uses it (the INSERT, or the
SELECT or view reading it), not at its CREATE TABLE, and never checks one nothing uses; a
TEMPORARY table or view may shadow a permanent one of its name. Expectations from the Flink 2.3
oracle (tests/golden/ddl/*option*, tests/golden/statements/temporary_*)."""

import logging

import pytest

from bailian_assets.errors import SqlError
from bailian_assets.planning.project import load_source
from conftest import printed_lines

BAD = "CREATE TABLE t (id INT) WITH ('connector' = 'print', 'print-identifer' = 'x');\n"
SINK = "CREATE TEMPORARY TABLE out1 (id INT) WITH ('connector' = 'print');\n"


def diagnostics(sql: str) -> list[tuple[int, str]]:
    with pytest.raises(SqlError) as caught:
        load_source(sql, "t.sql", {})
    return [(d.position.line, d.message) for d in caught.value.diagnostics]


def test_a_bad_option_is_reported_at_the_insert_using_the_table():
    [(line, message)] = diagnostics(BAD + "INSERT INTO t SELECT 1;\n")
    assert line == 2
    assert (
        "unknown option 'print-identifer' for table 't' (connector 'print'); "
        "did you mean 'print-identifier'?" in message
    )
    assert "(at t.sql:1:" in message  # where in the CREATE TABLE


def test_every_problem_at_the_first_use_then_a_pointer_at_the_others():
    sql = (
        "CREATE TABLE t (id INT) WITH ('connector' = 'filesystem', 'pathh' = 'x');\n"
        + SINK
        + "INSERT INTO out1 SELECT id FROM t;\n"
        + "INSERT INTO out1 SELECT id + 1 FROM t;\n"
    )
    found = diagnostics(sql)
    assert [line for line, _ in found] == [3, 3, 4]
    # the misspelling with its "did you mean" (not a missing 'path'), and the missing format
    assert "unknown option 'pathh'" in found[0][1] and "did you mean 'path'?" in found[0][1]
    assert "missing the required option 'format'" in found[1][1]
    assert found[2][1] == "table 't' cannot be used: its problems are listed at t.sql:3:33"


def test_a_table_read_by_a_view_is_reported_at_the_view():
    # Flink plans a view's query at its CREATE VIEW, and so refuses it there
    sql = (
        "CREATE TABLE t (id INT) WITH ('connector' = 'kafka-ish');\n"
        "CREATE TEMPORARY VIEW v AS SELECT id FROM t;\n"
        + SINK
        + "INSERT INTO out1 SELECT id FROM v;\n"
    )
    [(line, message)] = diagnostics(sql)
    assert line == 2 and "unsupported connector 'kafka-ish'" in message


def test_a_table_nothing_uses_is_only_a_warning(caplog):
    with caplog.at_level(logging.WARNING):
        assert printed_lines(BAD + SINK + "INSERT INTO out1 SELECT 1;\n") == ["+I[1]"]
    assert "table 't' is used by no statement, so it is not checked (as in Flink)" in caplog.text


def test_column_mistakes_are_still_reported_at_the_create():
    sql = "CREATE TABLE t (id INT, id STRING) WITH ('connector' = 'kafka-ish');\n"
    [(line, message)] = diagnostics(sql)
    assert line == 1 and "duplicate column `id`" in message


# ------------------------------------------------------------------ TEMPORARY shadowing


def test_a_temporary_table_shadows_a_permanent_one_below_it():
    sql = (
        "CREATE TABLE out1 (x INT) WITH ('connector' = 'blackhole');\n"
        "CREATE TEMPORARY TABLE out1 (x INT) WITH ('connector' = 'print');\n"
        "INSERT INTO out1 SELECT 1;\n"
    )
    project = load_source(sql, "t.sql", {})
    assert sorted(project.catalog.tables) == ["out1", "t__out1"]  # two assets, two keys
    assert printed_lines(sql) == ["+I[1]"]


def test_a_permanent_table_declared_after_a_temporary_one_does_not_shadow_it():
    sql = (
        "CREATE TEMPORARY TABLE out1 (x INT) "
        "WITH ('connector' = 'print', 'print-identifier' = 'temp');\n"
        "CREATE TABLE out1 (x INT) WITH ('connector' = 'print', 'print-identifier' = 'perm');\n"
        "INSERT INTO out1 SELECT 1;\n"
    )
    assert printed_lines(sql) == ["temp> +I[1]"]


def test_drop_temporary_uncovers_the_permanent_table():
    sql = (
        "CREATE TABLE out1 (x INT) WITH ('connector' = 'print', 'print-identifier' = 'perm');\n"
        "CREATE TEMPORARY TABLE out1 (x INT) "
        "WITH ('connector' = 'print', 'print-identifier' = 'temp');\n"
        "INSERT INTO out1 SELECT 1;\n"
        "DROP TEMPORARY TABLE out1;\n"
        "INSERT INTO out1 SELECT 2;\n"
    )
    assert printed_lines(sql) == ["temp> +I[1]", "perm> +I[2]"]


def test_a_temporary_view_shadows_a_permanent_table_when_read():
    sql = (
        "CREATE TABLE src (x INT) WITH ('connector' = 'datagen', 'number-of-rows' = '3');\n"
        "CREATE TEMPORARY VIEW src (x) AS VALUES (7);\n"
        + SINK
        + "INSERT INTO out1 SELECT x FROM src;\n"
    )
    assert printed_lines(sql) == ["+I[7]"]


def test_two_temporary_tables_of_one_name_still_clash():
    sql = (
        "CREATE TEMPORARY TABLE out1 (x INT) WITH ('connector' = 'print');\n"
        "CREATE TEMPORARY TABLE out1 (x INT) WITH ('connector' = 'print');\n"
    )
    [(line, message)] = diagnostics(sql)
    assert line == 2 and "already exists" in message


def test_the_shadowing_temporary_table_is_an_asset_of_its_own(tmp_path):
    from bailian_assets.integration import build_definitions

    (tmp_path / "t.sql").write_text(
        "CREATE TABLE out1 (x INT) WITH ('connector' = 'blackhole');\n"
        "CREATE TEMPORARY TABLE out1 (x INT) WITH ('connector' = 'print');\n"
        "INSERT INTO out1 SELECT 1;\n"
    )
    (tmp_path / "u.sql").write_text("INSERT INTO out1 SELECT 2;\n")  # the permanent one
    defs = build_definitions(tmp_path, {})
    keys = {k.to_user_string() for k in defs.resolve_asset_graph().get_all_asset_keys()}
    assert keys == {"out1", "t__out1"}
