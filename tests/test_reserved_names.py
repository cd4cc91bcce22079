"""Flink's reserved words (`out`, `values`, `year`, ...) are refused unquoted as table, view and
model names, as they are as column names and aliases: Flink 2.3's parser refuses
`CREATE TABLE out`, `CREATE TEMPORARY VIEW values` and `CREATE MODEL year` (checked with the
Flink oracle; golden cases identifiers/reserved_word_*_name.sql). The error says to quote the
word with backticks, and quoted it is an ordinary name."""

import pytest

from bailian_assets.backends import simulated_backend
from bailian_assets.errors import SqlError
from bailian_assets.executor.runner import run_project
from bailian_assets.planning.project import load_source
from bailian_assets.simulator.service import BailianSimulator

MODEL = (
    "INPUT (`input` STRING) OUTPUT (`content` STRING) WITH ('provider' = 'bailian', "
    "'api-key' = 'k', 'model' = 'qwen-turbo', "
    "'endpoint' = 'https://dashscope-intl.aliyuncs.com/compatible-mode/v1/chat/completions')"
)


def refusals(sql: str) -> list[tuple[int, int, str]]:
    """(line, column, message) of each diagnostic loading `sql` gives."""
    with pytest.raises(SqlError) as caught:
        load_source(sql, "job.sql", {})
    return [(d.position.line, d.position.col, d.message) for d in caught.value.diagnostics]


def hint(word: str) -> str:
    return (
        f'Encountered "{word}": {word.upper()} is a reserved word in Flink SQL; '
        f"quote it with backticks (`{word}`) to use it as a name"
    )


@pytest.mark.parametrize(
    ("sql", "word", "column"),
    [
        ("CREATE TABLE out (a INT) WITH ('connector' = 'print');", "out", 14),
        ("CREATE TEMPORARY TABLE Out (a INT) WITH ('connector' = 'print');", "Out", 24),
        ("CREATE TEMPORARY VIEW values AS SELECT 1 AS a;", "values", 23),
        ("CREATE VIEW rows AS SELECT 1 AS a;", "rows", 13),
        (f"CREATE MODEL year {MODEL};", "year", 14),
        (f"CREATE TEMPORARY MODEL result {MODEL};", "result", 24),
        ("DROP TABLE IF EXISTS out;", "out", 22),
    ],
)
def test_a_reserved_word_is_refused_as_a_declared_name_with_the_backtick_hint(sql, word, column):
    assert refusals(sql) == [(1, column, hint(word))]


def test_a_reserved_word_is_refused_where_a_statement_names_a_table_or_model():
    sql = (
        "CREATE TABLE `out` (a STRING, b STRING) WITH ('connector' = 'print');\n"
        "CREATE VIEW `values` AS SELECT 'x' AS a;\n"
        f"CREATE MODEL `year` {MODEL};\n"
        "INSERT INTO out SELECT a, a FROM `values`;\n"
        "INSERT INTO `out` SELECT a, a FROM values;\n"
        "INSERT INTO `out` SELECT a, content FROM ML_PREDICT(TABLE `values`, MODEL year, "
        "DESCRIPTOR(a));\n"
        "INSERT INTO default_database.out SELECT a, a FROM `values`;\n"
    )
    # every mistake at once: the parser resumes at the next statement after each
    assert refusals(sql) == [
        (4, 13, hint("out")),
        (5, 36, hint("values")),
        (6, 75, hint("year")),
        (7, 30, hint("out")),
    ]


def test_quoted_a_reserved_word_is_an_ordinary_name_written_and_read():
    sql = (
        "CREATE TEMPORARY VIEW `values` (id, txt) AS VALUES (1, 'great'), (2, 'awful');\n"
        f"CREATE TEMPORARY MODEL `year` {MODEL};\n"
        "CREATE TEMPORARY TABLE `out` (id INT, label STRING) WITH ('connector' = 'blackhole');\n"
        "INSERT INTO default_database.`out` SELECT id, content "
        "FROM ML_PREDICT(TABLE `values`, MODEL `year`, DESCRIPTOR(txt));\n"
    )
    project = load_source(sql, "job.sql", {})
    assert set(project.catalog.models) == {"year"} and "out" in project.catalog.tables
    result = run_project(project, simulated_backend(BailianSimulator()), lambda t, line: None)
    assert result.sinks["out"].get_column("id").to_list() == [1, 2]


def test_a_table_functions_name_may_be_a_reserved_word():
    """`UNNEST(...)` in FROM is a function, not a table's name."""
    sql = (
        "CREATE TABLE sink (x INT) WITH ('connector' = 'blackhole');\n"
        "INSERT INTO sink SELECT x FROM UNNEST(ARRAY[1, 2]) AS t(x);\n"
    )
    project = load_source(sql, "job.sql", {})
    result = run_project(project, simulated_backend(BailianSimulator()), lambda t, line: None)
    assert result.sinks["sink"].get_column("x").to_list() == [1, 2]


def test_a_reserved_word_qualifying_a_column_is_refused_too():
    sql = (
        "CREATE VIEW `out` AS SELECT 1 AS a;\n"
        "CREATE TABLE sink (a INT) WITH ('connector' = 'print');\n"
        "INSERT INTO sink SELECT `out`.a FROM `out`;\n"
        "INSERT INTO sink SELECT t.a FROM `out` AS t;\n"
    )
    load_source(sql, "job.sql", {})  # quoted, and through an alias: accepted
    bad = sql.replace("SELECT `out`.a", "SELECT out.a")
    assert refusals(bad) == [(3, 25, hint("out"))]
