"""A table a statement names that is not there gets the same explanation whether the statement
reads it (FROM) or writes it (INSERT INTO): one function (planning/missing.py) says why for
both. A three-file project: two files each declare `shared` TEMPORARY, the third uses it."""

from pathlib import Path

import pytest

from bailian_assets.errors import SqlError
from bailian_assets.planning.project import load_project

OWNER = (
    "CREATE TEMPORARY TABLE shared (id INT) WITH ('connector' = 'print');\n"
    "INSERT INTO shared SELECT * FROM (VALUES (1)) AS t(id);\n"
)
OUT = "CREATE TEMPORARY TABLE out_r (id INT) WITH ('connector' = 'print');\n"


def diagnostics(tmp_path: Path, reader: str, owners: int = 2) -> list:
    """The diagnostics of a project of `owners` files that each declare `shared` TEMPORARY
    and `reader.sql` holding `reader`."""
    paths = []
    for name in ("a", "b")[:owners]:
        paths.append(tmp_path / f"{name}.sql")
        paths[-1].write_text(OWNER, encoding="utf-8")
    paths.append(tmp_path / "reader.sql")
    paths[-1].write_text(reader, encoding="utf-8")
    with pytest.raises(SqlError) as caught:
        load_project(paths, environ={})
    return list(caught.value.diagnostics)


def only(found: list, line: int, column: int) -> str:
    (diagnostic,) = found
    assert diagnostic.path.endswith("reader.sql")
    assert (diagnostic.position.line, diagnostic.position.col) == (line, column)
    return diagnostic.message


WHY_OTHERS_OWN = (
    ": it is declared TEMPORARY in several other files, and a "
    "TEMPORARY table or view is seen only in its own file"
)
OTHERS_OWN = "Object 'shared' not found" + WHY_OTHERS_OWN


def cannot_find(name: str) -> str:
    """Flink's head for an INSERT INTO target that is not there."""
    return (
        f"Cannot find table '`default_catalog`.`default_database`.`{name}`' in any of the "
        "catalogs [default_catalog], nor as a temporary table"
    )


def test_insert_into_a_name_only_other_files_declare_temporary_says_why(tmp_path):
    message = only(diagnostics(tmp_path, "INSERT INTO shared SELECT 1;\n"), 1, 13)
    assert message.startswith(cannot_find("shared") + WHY_OTHERS_OWN)
    assert "__shared" not in message  # no other file's own key suggested


def test_from_a_name_only_other_files_declare_temporary_says_the_same(tmp_path):
    message = only(diagnostics(tmp_path, OUT + "INSERT INTO out_r SELECT id FROM shared;\n"), 2, 34)
    assert message.startswith(OTHERS_OWN)


@pytest.mark.parametrize(
    "use, column",
    [
        ("INSERT INTO later SELECT 1;\n", 13),
        (OUT + "INSERT INTO out_r SELECT id FROM later;\n", 34),
    ],
)
def test_a_name_declared_further_down_says_where(tmp_path, use, column):
    reader = use + "CREATE TABLE later (id INT) WITH ('connector' = 'print');\n"
    line = use.count("\n")
    message = only(diagnostics(tmp_path, reader), line, column)
    head = (
        cannot_find("later") if use.startswith("INSERT INTO later") else "Object 'later' not found"
    )
    assert message == (
        f"{head}: this file declares it further down, at line {line + 1} "
        "(a statement sees what stands above it)"
    )


@pytest.mark.parametrize(
    "use, column",
    [("INSERT INTO bad SELECT 1;\n", 13), (OUT + "INSERT INTO out_r SELECT id FROM bad;\n", 34)],
)
def test_an_unusable_table_reports_its_problems_where_it_is_used(tmp_path, use, column):
    reader = "CREATE TABLE bad (id INT) WITH ('connector' = 'nonsense');\n" + use
    message = only(diagnostics(tmp_path, reader), use.count("\n") + 1, column)
    assert message.startswith("table 'bad' cannot be used: "), message
    assert "nonsense" in message


@pytest.mark.parametrize(
    "use, column, suggested",
    [
        ("INSERT INTO sinc SELECT 1;\n", 13, "sink"),
        ("INSERT INTO sink SELECT id FROM sinc;\n", 33, "sink"),
    ],
)
def test_a_name_nothing_declares_gets_a_did_you_mean(tmp_path, use, column, suggested):
    reader = "CREATE TABLE sink (id INT) WITH ('connector' = 'print');\n" + use
    message = only(diagnostics(tmp_path, reader, owners=0), 2, column)
    head = cannot_find("sinc") if use.startswith("INSERT INTO sinc") else "Object 'sinc' not found"
    assert message == f"{head}; did you mean '{suggested}'?"


def test_insert_into_a_missing_table_suggests_tables_not_views(tmp_path):
    reader = (
        "CREATE VIEW sinks AS SELECT 1 AS id;\n"
        "CREATE TABLE out_r (id INT) WITH ('connector' = 'print');\n"
        "INSERT INTO sinkz SELECT 1;\n"
        "INSERT INTO out_r SELECT id FROM sinks;\n"
    )
    message = only(diagnostics(tmp_path, reader, owners=0), 3, 13)
    assert message == cannot_find("sinkz") + "."  # a view cannot be written: not offered
