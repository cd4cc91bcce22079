"""CREATE TABLE ... LIKE: what the golden cases (tests/golden/ddl/like_*) cannot show: several
files, where errors point, and that the merged table is an ordinary one downstream."""

import pytest

from bailian_assets.errors import SqlError
from bailian_assets.planning.project import load_project, load_source
from bailian_assets.planning.table_like import merging_strategies
from bailian_assets.sql import ast
from bailian_assets.sql.parser import parse_script
from conftest import printed_lines, refusal

_SOURCE = (
    "CREATE TABLE t1 (a INT, b STRING, c AS a + 1) "
    "WITH ('connector' = 'filesystem', 'path' = '{path}', 'format' = 'csv');\n"
)
_SINK = "CREATE TEMPORARY TABLE out1 (a INT, b STRING) WITH ('connector' = 'print');\n"


def _options(text: str) -> tuple[ast.LikeOption, ...]:
    (statement,) = parse_script(f"CREATE TABLE t2 LIKE t1 {text};").statements
    assert isinstance(statement, ast.CreateTable) and statement.like is not None
    return statement.like.options


def test_merging_strategies_default_all_then_single_features_in_any_order():
    assert merging_strategies(()) == {
        "CONSTRAINTS": "INCLUDING",
        "PARTITIONS": "INCLUDING",
        "GENERATED": "INCLUDING",
        "OPTIONS": "OVERWRITING",
        "WATERMARKS": "INCLUDING",
        "METADATA": "INCLUDING",
    }
    for text in ("(INCLUDING GENERATED EXCLUDING ALL)", "(EXCLUDING ALL INCLUDING GENERATED)"):
        strategies = merging_strategies(_options(text))
        assert strategies.pop("GENERATED") == "INCLUDING"
        assert set(strategies.values()) == {"EXCLUDING"}
    assert merging_strategies(_options("(INCLUDING ALL)"))["OPTIONS"] == "INCLUDING"


def test_merged_table_is_an_ordinary_declaration(tmp_path):
    data = tmp_path / "one.csv"
    data.write_text("1,x\n2,y\n")
    sql = _SOURCE.format(path="nothing.csv") + (
        f"CREATE TEMPORARY TABLE t2 (d AS a * 2) WITH ('path' = '{data}') LIKE t1;\n"
    )
    project = load_source(sql + _SINK + "INSERT INTO out1 SELECT d, b FROM t2 ORDER BY a;", "t.sql")
    table = project.tables["t2"]
    assert table.statement is not None and table.statement.like is None
    assert [c.name for c in table.statement.columns] == ["a", "b", "c", "d"]
    assert table.options["format"] == "csv" and table.location == data
    assert printed_lines(sql + _SINK + "INSERT INTO out1 SELECT d, b FROM t2 ORDER BY a;") == [
        "+I[2, x]",
        "+I[4, y]",
    ]


@pytest.mark.parametrize(
    ("like", "col", "message"),
    [
        ("(kind STRING) WITH ('path' = 'x.csv') LIKE t1", 28, "A column named 'kind'"),
        ("WITH ('format' = 'csv') LIKE t1 (INCLUDING OPTIONS)", 33, "There already exists"),
        ("WITH ('path' = 'x.csv') LIKE t1 (OVERWRITING ALL)", 60, "Illegal merging strategy"),
        ("WITH ('path' = 'x.csv') LIKE nope", 56, "Source table '`default_catalog`"),
    ],
)
def test_errors_point_at_what_clashes(like, col, message):
    source = (
        "CREATE TABLE t1 (id INT, kind STRING) "
        "WITH ('connector' = 'filesystem', 'path' = 'x', 'format' = 'csv');\n"
    )
    line, column, text = refusal(source + f"CREATE TEMPORARY TABLE t2 {like};\n")
    assert (line, column) == (2, col) and text.startswith(message)


def test_like_of_a_table_that_failed_its_own_checks_adds_no_error():
    sql = (
        "CREATE TABLE t1 (a INT, a STRING) "
        "WITH ('connector' = 'filesystem', 'path' = 'x.csv', 'format' = 'csv');\n"
        "CREATE TABLE t2 WITH ('path' = 'y.csv') LIKE t1;\n"
    )
    with pytest.raises(SqlError) as caught:
        load_source(sql, "t.sql", {})
    assert [d.position.line for d in caught.value.diagnostics] == [1]


def test_like_a_permanent_table_of_another_file(tmp_path):
    (tmp_path / "one.csv").write_text("1,x\n")
    (tmp_path / "a.sql").write_text(_SOURCE.format(path="nothing.csv"))
    (tmp_path / "b.sql").write_text(
        "CREATE TEMPORARY TABLE t2 WITH ('path' = 'one.csv') LIKE t1;\n"
        + _SINK
        + "INSERT INTO out1 SELECT a, b FROM t2;\n"
    )
    project = load_project([tmp_path / "a.sql", tmp_path / "b.sql"], {}, display_root=tmp_path)
    assert project.tables["t2"].location == tmp_path / "one.csv"


def test_like_a_temporary_table_of_another_file_is_not_found(tmp_path):
    (tmp_path / "a.sql").write_text("CREATE TEMPORARY " + _SOURCE.format(path="x.csv")[7:])
    (tmp_path / "b.sql").write_text("CREATE TABLE t2 WITH ('path' = 'y.csv') LIKE t1;\n")
    with pytest.raises(SqlError) as caught:
        load_project([tmp_path / "a.sql", tmp_path / "b.sql"], {}, display_root=tmp_path)
    (diagnostic,) = caught.value.diagnostics
    assert diagnostic.path == "b.sql" and diagnostic.position.col == 46
    assert "not found in the catalog (it is a TEMPORARY table of a.sql" in diagnostic.message


def test_like_means_the_temporary_table_shadowing_a_permanent_one(tmp_path):
    (tmp_path / "one.csv").write_text("1,x\n")
    (tmp_path / "a.sql").write_text(
        "CREATE TABLE t1 (z DOUBLE) "
        "WITH ('connector' = 'filesystem', 'path' = 'nothing.csv', 'format' = 'csv');\n"
    )
    (tmp_path / "b.sql").write_text(
        "CREATE TEMPORARY "
        + _SOURCE.format(path="nothing.csv")[7:]
        + "CREATE TEMPORARY TABLE t2 WITH ('path' = 'one.csv') LIKE t1;\n"
        + _SINK
        + "INSERT INTO out1 SELECT a, b FROM t2;\n"
    )
    project = load_project([tmp_path / "a.sql", tmp_path / "b.sql"], {}, display_root=tmp_path)
    assert [c.name for c in project.tables["t2"].columns] == ["a", "b"]


def test_inherited_option_problems_point_at_the_like():
    sql = (
        "CREATE TABLE t1 (a INT) WITH ('connector' = 'filesystem', 'path' = 'x.csv', "
        "'format' = 'csv', 'csv.field-delimiter' = 'too long');\n"
        "CREATE TEMPORARY TABLE t2 WITH ('path' = 'y.csv') LIKE t1;\n"
        "CREATE TEMPORARY TABLE out1 (a INT) WITH ('connector' = 'print');\n"
        "INSERT INTO out1 SELECT a FROM t2;\n"
    )
    with pytest.raises(SqlError) as caught:
        load_source(sql, "t.sql", {})
    (diagnostic,) = caught.value.diagnostics
    assert diagnostic.position.line == 4  # where t2 is used, as Flink checks options
    assert "'csv.field-delimiter' of table 't2'" in diagnostic.message
    assert diagnostic.message.endswith("(at t.sql:2:56)")  # t2's LIKE t1, not t1's text


@pytest.mark.parametrize(
    ("sql", "message"),
    [
        ("CREATE TABLE t2 WITH ('path' = 'x');", "expected '(', found 'WITH'"),
        ("CREATE TABLE t2 (a INT);", "expected WITH, found ';'"),
        ("CREATE TABLE t2 LIKE t1 ();", "expected INCLUDING, EXCLUDING or OVERWRITING, found ')'"),
        (
            "CREATE TABLE t2 LIKE t1 (INCLUDING ALL, EXCLUDING OPTIONS);",
            "expected INCLUDING, EXCLUDING or OVERWRITING or ')', found ','",
        ),
        ("CREATE TABLE t2 LIKE t1 (INCLUDING KEYS);", "expected one of ALL, CONSTRAINTS"),
    ],
)
def test_syntax(sql, message):
    with pytest.raises(SqlError) as caught:
        parse_script(sql)
    assert caught.value.diagnostics[0].message.startswith(message)


def test_if_not_exists_in_two_files_compares_the_merged_tables(tmp_path):
    (tmp_path / "a.sql").write_text(
        _SOURCE.format(path="x.csv")
        + "CREATE TABLE IF NOT EXISTS t2 WITH ('path' = 'y.csv') LIKE t1;\n"
    )
    (tmp_path / "b.sql").write_text(
        "CREATE TABLE IF NOT EXISTS t2 WITH ('path' = 'y.csv') LIKE t1;\n"
    )
    files = [tmp_path / "a.sql", tmp_path / "b.sql"]
    assert "t2" in load_project(files, {}, display_root=tmp_path).tables
    (tmp_path / "b.sql").write_text(
        "CREATE TABLE IF NOT EXISTS t2 WITH ('path' = 'y.csv', 'format' = 'json') LIKE t1;\n"
    )
    with pytest.raises(SqlError) as caught:
        load_project(files, {}, display_root=tmp_path)
    (diagnostic,) = caught.value.diagnostics
    assert diagnostic.path == "b.sql"
    assert "'format' 'csv' there, 'json' here" in diagnostic.message


def test_like_of_a_table_with_bad_options_that_the_copy_replaces(tmp_path):
    data = tmp_path / "one.csv"
    data.write_text("1;x\n")
    sql = (
        "CREATE TABLE t1 (a INT, b STRING) WITH ('connector' = 'filesystem', "
        "'path' = 'nothing.csv', 'format' = 'csv', 'csv.field-delimiter' = 'too long');\n"
        f"CREATE TEMPORARY TABLE t2 WITH ('path' = '{data}', 'csv.field-delimiter' = ';') "
        "LIKE t1;\n" + _SINK + "INSERT INTO out1 SELECT a, b FROM t2;\n"
    )
    assert printed_lines(sql) == ["+I[1, x]"]  # t1 is checked only where used, as in Flink
