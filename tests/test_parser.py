"""The parser, one SQL string per row: what parses, and where and why what doesn't."""

import pytest

from bailian_assets.errors import SqlError
from bailian_assets.sql import ast
from bailian_assets.sql.parser import parse_query, parse_script
from conftest import SEED_SQL


def test_seed_sql_verbatim():
    script = parse_script(SEED_SQL, "seed.sql")
    kinds = [type(s).__name__ for s in script.statements]
    assert kinds == ["CreateModel", "CreateTable", "CreateView", "Insert"]
    model, table, view, insert = script.statements
    assert str(model.name) == "ai_analyze_sentiment"
    assert [o.key for o in model.options] == [
        "provider",
        "endpoint",
        "api-key",
        "model",
        "system-prompt",
    ]
    assert table.temporary and [c.name for c in table.columns] == [
        "id",
        "movie_name",
        "predict_label",
        "actual_label",
    ]
    assert view.query.body.rows[0][1].value == "好東西"
    call = insert.query.body.from_
    assert call.name == "ML_PREDICT"
    assert [type(a.value).__name__ for a in call.args] == ["TableArg", "ModelArg", "DescriptorArg"]
    assert insert.query.body.items[2].alias == "predict_label"


VALID = [
    "CREATE MODEL IF NOT EXISTS db.m INPUT (`in` STRING COMMENT 'x') OUTPUT (o STRING) "
    "COMMENT 'c' WITH ('a' = 'b')",
    "CREATE TEMPORARY MODEL m WITH ('a' = 'b')",
    "CREATE TABLE t (id BIGINT NOT NULL, v ARRAY<FLOAT>, m MAP<STRING, ARRAY<STRING>>, "
    "d DECIMAL(10, 2), ts TIMESTAMP(3), PRIMARY KEY (id) NOT ENFORCED) "
    "PARTITIONED BY (id) WITH ('connector' = 'print')",
    "CREATE VIEW v AS SELECT a, b AS c FROM t WHERE a > 1 AND b LIKE 'x%'",
    "CREATE VIEW v (x) AS VALUES (1), (2)",
    "INSERT INTO s (a, b) SELECT * FROM t",
    "INSERT OVERWRITE s SELECT t.* FROM t",
    "SET 'table.exec.async-ml-predict.max-concurrent-operations' = '20'",
    "SET pipeline.name = 'x'",
    "INSERT INTO s SELECT * FROM TABLE(ML_PREDICT(TABLE t, MODEL m, DESCRIPTOR(c)))",
    "INSERT INTO s SELECT * FROM ML_PREDICT(INPUT => TABLE t, MODEL => MODEL m, "
    "ARGS => DESCRIPTOR(c), CONFIG => MAP['async', 'true'])",
    "INSERT INTO s SELECT * FROM ML_PREDICT(TABLE t, MODEL m, DESCRIPTOR(c), "
    "MAP['timeout', '10s']) AS p",
    "INSERT INTO s SELECT CASE WHEN a IS NULL THEN 'n' WHEN a IN (1, 2) THEN 'y' ELSE 'z' END "
    "FROM t",
    "INSERT INTO s SELECT CAST(a AS STRING), TRY_CAST(b AS INT), UPPER(TRIM(c)), "
    "SUBSTRING(c FROM 2 FOR 3), TRIM(LEADING 'x' FROM c), a || b FROM t",
    "INSERT INTO s SELECT a.x, b.y FROM a LEFT JOIN b ON a.id = b.id JOIN c USING (id)",
    "INSERT INTO s SELECT 1 UNION ALL SELECT 2",
    "INSERT INTO s SELECT x FROM t ORDER BY x DESC LIMIT 3",
    "INSERT INTO s SELECT `select`, `a``b` FROM `my table`",
    "INSERT INTO s SELECT 'it''s; fine' FROM t -- a comment; with a semicolon",
    "/* block ; comment */ INSERT INTO s SELECT -1.5e3, NOT TRUE, x BETWEEN 1 AND 2 FROM t",
    "(SELECT 1) UNION (SELECT 2)",
    "INSERT INTO s (SELECT 1) UNION ALL (SELECT 2)",
    "INSERT INTO s ((SELECT 1) UNION ALL (SELECT 2)) ORDER BY 1",
    "INSERT INTO s (a, b) (SELECT 1, 2)",
    "INSERT INTO s /*+ OPTIONS('k' = 'v') */ (a) SELECT /*+ BROADCAST(t), LOOKUP('table'='t') */ "
    "x FROM t /*+ OPTIONS(k = 'v', 'k2' = 'v') */ AS u JOIN w/*+NEST_LOOP*/ON u.a = w.a",
    "INSERT INTO s SELECT 2*/* a comment right after '*' */3",
    "CREATE TABLE t WITH ('connector' = 'print') AS SELECT 1",
    "CREATE TABLE IF NOT EXISTS t (c INT) PARTITIONED BY (a) WITH ('connector' = 'filesystem') "
    "AS (SELECT 1 AS a) UNION ALL (SELECT 2)",
    "CREATE TABLE t AS WITH w AS (SELECT 1 AS a) SELECT a FROM w",
]


@pytest.mark.parametrize("sql", VALID)
def test_valid(sql):
    assert parse_script(sql, "t.sql").statements


def test_strings_unescape_and_keep_raw_text():
    (view,) = parse_script("CREATE VIEW v AS VALUES ('it''s ${X}');").statements
    literal = view.query.body.rows[0][0]
    assert literal.value == "it's ${X}"


def test_several_statements_and_unicode():
    script = parse_script("SET 'a' = 'b';\n\nCREATE VIEW 視圖 AS VALUES ('好');\n;;\n")
    assert [type(s).__name__ for s in script.statements] == ["SetStatement", "CreateView"]
    assert str(script.statements[1].name) == "視圖"


# (sql, line, col, message fragment)
INVALID = [
    ("CREATE MODL m", 1, 8, "expected MODEL, TABLE or VIEW, found 'MODL'"),
    ("DELETE FROM t", 1, 1, "expected a statement"),
    ("(INSERT INTO s SELECT 1)", 1, 2, "expected SELECT or VALUES, found 'INSERT'"),
    ("INSERT INTO s SELECT a /*+ x */ FROM t", 1, 24, "found '/*+'"),
    ("INSERT INTO s SELECT a FROM t /*+ OPTIONS('k' = 'v')", 1, 53, "expected '*/'"),
    ("INSERT INTO s SELECT a FROM t /*+ OPTIONS('k' = v) */", 1, 49, "hint option value"),
    ("INSERT INTO s SELECT a FROM t /*+ OPTIONS(a, 'k' = 'v') */", 1, 50, "found '='"),
    ("INSERT INTO s (SELECT 1;", 1, 24, "expected ')', found ';'"),
    ("CREATE TABLE t (a STRIN) WITH ()", 1, 19, "unknown type 'STRIN'"),
    ("INSERT INTO s SELECT a FROM t WHERE", 1, 36, "expected an expression, found end of input"),
    ("CREATE VIEW v AS VALUES ('open", 1, 26, "unterminated string literal"),
    ("INSERT INTO s\nSELECT a,\nFROM t", 3, 1, "expected an expression, found 'FROM'"),
    ("CREATE MODEL m WITH ('a' = b)", 1, 28, "expected option value (a string literal)"),
    ("INSERT INTO s SELECT a FROM t /* never closed", 1, 31, "unterminated comment"),
    ("INSERT INTO s SELECT a # b FROM t", 1, 24, "unexpected character '#'"),
    (
        "INSERT INTO s SELECT x FROM ML_PREDICT(TABLE t, MODEL m, DESCRIPTOR(c)",
        1,
        71,
        "expected ')'",
    ),
]


@pytest.mark.parametrize("sql, line, col, message", INVALID)
def test_invalid(sql, line, col, message):
    with pytest.raises(SqlError) as caught:
        parse_script(sql, "bad.sql")
    (diagnostic,) = caught.value.diagnostics
    assert (diagnostic.position.line, diagnostic.position.col) == (line, col)
    assert message in diagnostic.message
    assert diagnostic.format().startswith(f"bad.sql:{line}:{col}: error: ")


def test_all_errors_of_a_file_at_once():
    sql = "CREATE MODL a;\nCREATE VIEW v AS VALUES (1);\nINSERT INTO s SELEC 1;\nSET x;\n"
    with pytest.raises(SqlError) as caught:
        parse_script(sql, "f.sql")
    lines = [(d.position.line, d.position.col) for d in caught.value.diagnostics]
    assert lines == [(1, 8), (3, 15), (4, 6)]


def test_error_shows_line_and_caret_aligned_under_wide_characters():
    with pytest.raises(SqlError) as caught:
        parse_script("CREATE VIEW 好 AS VALUES (1) oops;", "f.sql")
    text = str(caught.value)
    assert (
        text.splitlines()[0] == "f.sql:1:29: error: expected ';' after the statement, found 'oops'"
    )
    source, caret = text.splitlines()[1:3]
    assert source.endswith("CREATE VIEW 好 AS VALUES (1) oops;")
    # the wide character takes two columns, so the caret sits under 'oops'
    assert caret.index("^") == source.index("oops") + 1


def test_query_helper_and_named_arguments():
    query = parse_query(
        "SELECT * FROM ML_PREDICT(MODEL => MODEL m, INPUT => TABLE t, ARGS => DESCRIPTOR(c))"
    )
    call = query.body.from_
    assert [a.name for a in call.args] == ["MODEL", "INPUT", "ARGS"]
    assert isinstance(call.args[1].value, ast.TableArg)


def test_a_parenthesized_query_after_insert_is_no_column_list():
    (insert,) = parse_script("INSERT INTO s ((SELECT 1) UNION ALL (SELECT 2));").statements
    assert insert.columns == ()
    assert isinstance(insert.query.body, ast.SetOperation)


def test_describe_and_show_parse_and_other_shows_are_refused_where_they_stand():
    script = parse_script("DESC EXTENDED db.t;\nSHOW VIEWS;\n", "s.sql")
    describe, show = script.statements
    assert isinstance(describe, ast.Describe) and describe.name.parts == ("db", "t")
    assert describe.keyword == "DESC"
    assert isinstance(show, ast.Show) and show.what == "VIEWS"
    with pytest.raises(SqlError) as caught:
        parse_script("SHOW FUNCTIONS;\n", "s.sql")
    (diagnostic,) = caught.value.diagnostics
    assert (diagnostic.position.line, diagnostic.position.col) == (1, 6)
    assert "expected TABLES or VIEWS after SHOW" in diagnostic.message
