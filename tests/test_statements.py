"""Flink's script statements around the INSERTs: statement sets, DROP, USE, unquoted SET,
qualified names, and a file read top to bottom (a statement sees what stands above it)."""

from __future__ import annotations

import pytest

from bailian_assets.errors import SqlError
from bailian_assets.planning.project import load_project, load_source
from bailian_assets.sql.parser import parse_script
from conftest import printed_run

PRINT = "CREATE TEMPORARY TABLE {0} (x INT) WITH ('connector' = 'print');\n"


def errors(sql: str) -> list[tuple[int, int, str]]:
    with pytest.raises(SqlError) as caught:
        load_source(sql, "f.sql")
    return [(d.position.line, d.position.col, d.message) for d in caught.value.diagnostics]


def run(project) -> list[str]:
    """The lines the project's print sinks write, in order."""
    return printed_run(project)[0]


def printed(sql: str) -> list[str]:
    return run(load_source(sql, "f.sql"))


@pytest.mark.parametrize("opening", ["BEGIN STATEMENT SET;", "EXECUTE STATEMENT SET BEGIN"])
def test_a_statement_sets_inserts_run_as_the_files_inserts(opening):
    sql = (
        PRINT.format("a") + PRINT.format("b") + opening + "\n"
        "INSERT INTO a SELECT 1;\nINSERT INTO b SELECT 2;\nEND;\n"
    )
    script = parse_script(sql, "f.sql")
    assert [script.text_of(s) for s in script.statements[2:]] == [
        "INSERT INTO a SELECT 1",
        "INSERT INTO b SELECT 2",
    ]
    assert printed(sql) == ["+I[1]", "+I[2]"]


@pytest.mark.parametrize(
    "sql, line, col, message",
    [
        (
            "BEGIN STATEMENT SET;\nINSERT INTO a SELECT 1;\n",
            1,
            1,
            "the statement set is never closed: end it with 'END;'",
        ),
        ("END;\n", 1, 1, "END without a statement set to end"),
        (
            "BEGIN STATEMENT SET;\nCREATE VIEW v AS SELECT 1;\nEND;\n",
            2,
            1,
            "only INSERT statements may stand in a statement set",
        ),
        (
            "BEGIN STATEMENT SET;\nBEGIN STATEMENT SET;\nEND;\n",
            2,
            1,
            "statement sets cannot be nested",
        ),
        ("EXECUTE SELECT 1;\n", 1, 9, "expected STATEMENT SET or INSERT after EXECUTE"),
        ("DROP FUNCTION f;\n", 1, 6, "expected TABLE, VIEW or MODEL after DROP"),
        ("SET x;\n", 1, 6, "expected '='"),
        ("SET x = ;\n", 1, 9, "expected a value"),
    ],
)
def test_statement_syntax_errors_are_located(sql, line, col, message):
    with pytest.raises(SqlError) as caught:
        parse_script(sql, "f.sql")
    diagnostic = caught.value.diagnostics[0]
    assert (diagnostic.position.line, diagnostic.position.col) == (line, col)
    assert message in diagnostic.message


def test_execute_insert_is_an_insert():
    assert printed(PRINT.format("a") + "EXECUTE INSERT INTO a SELECT 7;\n") == ["+I[7]"]


def test_set_takes_unquoted_keys_and_values():
    script = parse_script(
        "SET table.local-time-zone = Asia/Shanghai;\nSET 'pipeline.name' = 'my job';\n", "f.sql"
    )
    assert [(s.key, s.value) for s in script.statements] == [
        ("table.local-time-zone", "Asia/Shanghai"),
        ("pipeline.name", "my job"),
    ]


def test_an_unquoted_set_is_checked_like_a_quoted_one():
    [(line, col, message)] = errors(
        "SET table.exec.async-ml-predict.max-concurrent-operations = many;\n"
    )
    assert (line, col) == (1, 61) and "invalid value" in message


def test_qualified_names_in_the_default_catalog_are_the_plain_names():
    sql = (
        "CREATE TEMPORARY VIEW default_database.v(x) AS VALUES (1);\n"
        + PRINT.format("default_catalog.default_database.out1")
        + "INSERT INTO out1 SELECT x FROM default_catalog.default_database.v;\n"
        "INSERT INTO default_database.out1 SELECT x + 1 FROM v;\n"
    )
    assert printed(sql) == ["+I[1]", "+I[2]"]


@pytest.mark.parametrize(
    "statement, col, message",
    [
        (
            "INSERT INTO other.default_database.out1 SELECT 1;",
            13,
            "Cannot find table '`other`.`default_database`.`out1`' in any of the catalogs "
            "[default_catalog], nor as a temporary table.",
        ),
        (
            "CREATE TABLE other.default_database.t (x INT) WITH ('connector' = 'print');",
            14,
            "Catalog other does not exist",
        ),
        (
            "CREATE TABLE db.t (x INT) WITH ('connector' = 'print');",
            14,
            "Database db does not exist in Catalog default_catalog",
        ),
        ("USE CATALOG foo;", 13, "A catalog with name [foo] does not exist."),
        (
            "USE foo;",
            5,
            "A database with name [foo] does not exist in the catalog: [default_catalog].",
        ),
    ],
)
def test_other_catalogs_and_databases_do_not_exist(statement, col, message):
    [(line, got_col, got)] = errors(PRINT.format("out1") + statement + "\n")
    assert (line, got_col) == (2, col) and got.startswith(message)


def test_use_of_the_defaults_changes_nothing():
    sql = (
        "USE CATALOG default_catalog;\nUSE default_database;\n"
        "USE default_catalog.default_database;\n" + PRINT.format("o") + "INSERT INTO o SELECT 3;\n"
    )
    assert printed(sql) == ["+I[3]"]


def test_a_statement_sees_only_what_stands_above_it():
    found = errors(
        PRINT.format("out1") + "INSERT INTO out1 SELECT x FROM later;\n"
        "CREATE TEMPORARY VIEW later AS SELECT 1 AS x;\n"
        "INSERT INTO out2 SELECT 1;\n"
        + PRINT.format("out2")
        + "CREATE VIEW m_user AS SELECT * FROM ML_PREDICT(TABLE later, MODEL m, "
        "DESCRIPTOR(x));\n"
        "CREATE MODEL m INPUT (i STRING) OUTPUT (o STRING) WITH ('provider' = "
        "'bailian', 'endpoint' = 'https://x.test/compatible-mode/v1/chat/completions',"
        " 'api-key' = 'k', 'model' = 'qwen-turbo');\n"
    )
    assert [(line, col) for line, col, _ in found] == [(2, 32), (4, 13), (6, 67)]
    assert found[0][2] == (
        "Object 'later' not found: this file declares it further down, at "
        "line 3 (a statement sees what stands above it)"
    )
    assert "declares it further down, at line 7" in found[2][2]


def test_other_files_declarations_are_seen_from_anywhere(tmp_path):
    (tmp_path / "a.sql").write_text("INSERT INTO out1 SELECT x FROM v;\n")
    (tmp_path / "b.sql").write_text(
        "CREATE TEMPORARY VIEW v AS SELECT 5 AS x;\n" + PRINT.format("out1")
    )
    assert run(load_project([tmp_path])) == ["+I[5]"]


def test_views_of_two_files_can_still_form_a_cycle(tmp_path):
    (tmp_path / "a.sql").write_text("CREATE VIEW c1 AS SELECT * FROM c2;\n")
    (tmp_path / "b.sql").write_text("CREATE VIEW c2 AS SELECT * FROM c1;\n")
    with pytest.raises(SqlError) as caught:
        load_project([tmp_path], display_root=tmp_path)
    assert "refers to itself (c1 -> c2 -> c1)" in str(caught.value)


def test_drop_ends_a_name_for_the_statements_below():
    sql = (
        "CREATE TEMPORARY VIEW v AS SELECT 1 AS x;\n"
        + PRINT.format("out1")
        + "INSERT INTO out1 SELECT 1;\nDROP TEMPORARY VIEW v;\n"
        "DROP VIEW IF EXISTS v;\nDROP TEMPORARY TABLE IF EXISTS never_declared;\n"
    )
    assert printed(sql) == ["+I[1]"]  # (an INSERT above the DROP may not read v: see
    # test_fidelity_s6, Flink plans a file's INSERTs at its end)
    [(line, col, message)] = errors(sql + "INSERT INTO out1 SELECT x FROM v;\n")
    assert (line, col) == (7, 32)
    assert message.startswith("Object 'v' not found: this file drops it above, at line 4")


@pytest.mark.parametrize(
    "statement, message",
    [
        (
            "DROP TEMPORARY TABLE nope;",
            "Temporary table or view with identifier 'default_catalog.default_database.nope' does "
            "not exist.",
        ),
        (
            "DROP TABLE nope;",
            "Table with identifier 'default_catalog.default_database.nope' does not exist.",
        ),
        (
            "DROP TABLE out1;",
            "Temporary table with identifier 'default_catalog.default_database."
            "out1' exists. Drop it first before removing the permanent table",
        ),
        ("DROP TEMPORARY VIEW out1;", "'out1' is a table: drop it with DROP TABLE"),
        ("DROP TEMPORARY TABLE v;", "'v' is a view: drop it with DROP VIEW"),
        (
            "DROP TEMPORARY VIEW v;\nCREATE TEMPORARY VIEW v AS SELECT 2 AS x;",
            "table or view 'v' already exists (first declared at f.sql:2:23, dropped at line 3): a "
            "table, view or model has one definition in a project",
        ),
        (
            "DROP MODEL m;",
            "Model with identifier 'default_catalog.default_database.m' does not exist.",
        ),
    ],
)
def test_drop_mistakes_are_located(statement, message):
    sql = PRINT.format("out1") + "CREATE TEMPORARY VIEW v AS SELECT 1 AS x;\n" + statement + "\n"
    [(_, _, got)] = errors(sql)
    assert got.startswith(message)


def test_a_drop_acts_on_its_own_files_declarations(tmp_path):
    (tmp_path / "a.sql").write_text(PRINT.format("out1"))
    (tmp_path / "b.sql").write_text("DROP TEMPORARY TABLE out1;\n")
    with pytest.raises(SqlError) as caught:
        load_project([tmp_path], display_root=tmp_path)
    assert "(it is declared in a.sql: a DROP acts on its own file's declarations)" in str(
        caught.value
    )


def test_insert_overwrite_of_a_print_or_blackhole_sink_is_refused():
    for connector in ("print", "blackhole"):
        [(line, col, message)] = errors(
            f"CREATE TABLE o (x INT) WITH ('connector' = '{connector}');\n"
            "INSERT OVERWRITE o SELECT 1;\n"
        )
        assert (line, col) == (2, 1)
        assert message.startswith(
            "INSERT OVERWRITE requires that the underlying "
            "DynamicTableSink of table 'default_catalog.default_database.o'"
            " implements the SupportsOverwrite interface"
        )


def test_show_in_a_project_lists_its_own_file_and_others_permanent_names_once(tmp_path):
    """Each file is a Flink session: SHOW lists the file's own TEMPORARY views and every
    file's permanent tables and views, each name once, never another file's TEMPORARY one."""
    (tmp_path / "a.sql").write_text(
        "CREATE TABLE ta (id INT) WITH ('connector' = 'blackhole');\n"
        "CREATE TEMPORARY VIEW tmp AS SELECT 1 AS x;\n"
        "CREATE VIEW pv AS SELECT 2 AS y;\n"
    )
    (tmp_path / "b.sql").write_text("CREATE TEMPORARY VIEW tmp AS SELECT 3 AS z;\nSHOW TABLES;\n")
    (tmp_path / "c.sql").write_text("SHOW TABLES;\nSHOW VIEWS;\n")
    project = load_project([tmp_path / name for name in ("a.sql", "b.sql", "c.sql")])
    lines = printed_run(project)[0]
    assert lines == ["+I[pv]", "+I[ta]", "+I[tmp]", "+I[pv]", "+I[ta]", "+I[pv]"]
