"""Flink's validation, one SQL case per row, with exact places and Flink's meaning."""

import pytest

from bailian_assets.errors import SqlError
from bailian_assets.planning.project import load_project, load_source
from conftest import CHAT_MODEL, SEED_SQL

BASE = (
    CHAT_MODEL
    + """\
CREATE TABLE s (id BIGINT, label STRING) WITH ('connector' = 'print');
CREATE VIEW v (id, txt) AS VALUES (1, 'good'), (2, 'bad');
"""
)
BASE_LINES = BASE.count("\n")


def errors_of(sql, environ=None):
    with pytest.raises(SqlError) as caught:
        load_source(sql, "t.sql", environ=environ or {})
    return [(d.position.line, d.position.col, d.message) for d in caught.value.diagnostics]


def test_seed_plans_with_http_placeholder_refused():
    # the document's placeholder endpoint is not a URL: Flink would refuse it too
    (error,) = errors_of(SEED_SQL)
    assert error[:2] == (22, 44)  # where the model is used, as Flink reports it
    assert "is not an http(s) URL" in error[2] and "(at t.sql:6:16)" in error[2]


def test_valid_project_plans():
    project = load_source(
        BASE + "INSERT INTO s SELECT id, content FROM "
        "ML_PREDICT(TABLE v, MODEL m, DESCRIPTOR(txt));",
        "t.sql",
        {},
    )
    (insert,) = project.inserts
    assert insert.query.names == ("id", "label")
    assert project.models["m"].task == "chat"


# (statement added after BASE, line offset within it, col, message fragment)
QUERY_ERRORS = [
    (
        "INSERT INTO s SELECT id, txtt FROM v;",
        0,
        26,
        "Column 'txtt' not found in any table; did you mean 'txt'?",
    ),
    (
        "INSERT INTO s SELECT id FROM v;",
        0,
        15,
        "Column types of query result and sink for 's' do not match. Cause: Different number of "
        "columns",
    ),
    (
        "INSERT INTO s SELECT txt, txt FROM v;",
        0,
        22,
        "Incompatible types for sink column 'id' at position 1",
    ),
    (
        "INSERT INTO nope SELECT id, txt FROM v;",
        0,
        13,
        "Cannot find table '`default_catalog`.`default_database`.`nope`' in any of the "
        "catalogs [default_catalog], nor as a temporary table.",
    ),
    ("INSERT INTO s SELECT id, txt FROM w;", 0, 35, "Object 'w' not found"),
    (
        "INSERT INTO s SELECT id, content FROM ML_PREDICT(TABLE v, MODEL mm, DESCRIPTOR(txt));",
        0,
        65,
        "Object 'mm' not found; did you mean 'm'?",
    ),
    (
        "INSERT INTO s SELECT id, content FROM ML_PREDICT(TABLE v, v, DESCRIPTOR(txt));",
        0,
        59,
        "Second operand must be a model identifier",
    ),
    (
        "INSERT INTO s SELECT id, content FROM ML_PREDICT(TABLE v, MODEL m);",
        0,
        39,
        "Invalid number of arguments to function 'ML_PREDICT'. Was expecting 3 arguments",
    ),
    (
        "INSERT INTO s SELECT id, content FROM ML_PREDICT(TABLE v, MODEL m, DESCRIPTOR(id, txt));",
        0,
        68,
        "Number of descriptor input columns (2) does not match model input size (1)",
    ),
    (
        "INSERT INTO s SELECT id, content FROM ML_PREDICT(TABLE v, MODEL m, DESCRIPTOR(id));",
        0,
        79,
        "Descriptor column 'id' of type INT NOT NULL cannot be the model input `input` of "
        "type STRING",
    ),
    (
        "INSERT INTO s SELECT id, content FROM ML_PREDICT(TABLE v, MODEL m, DESCRIPTOR(v.txt));",
        0,
        79,
        "Table or column alias must be a simple identifier",
    ),
    (
        "INSERT INTO s SELECT id, content FROM ML_PREDICT(TABLE v, MODEL m, DESCRIPTOR(nope));",
        0,
        79,
        "Column 'nope' not found in table 'v'",
    ),
    (
        "INSERT INTO s SELECT id, content FROM "
        "ML_PREDICT(TABLE v, MODEL m, DESCRIPTOR(txt), MAP['timeout', 1]);",
        0,
        85,
        "ML_PREDICT config param can only be a MAP of string literals",
    ),
    (
        "INSERT INTO s SELECT id, content FROM ML_PREDICT(INPUT => TABLE v, MODEL => MODEL m, "
        "ARG => DESCRIPTOR(txt));",
        0,
        86,
        "Unknown argument name 'ARG' for ML_PREDICT; expected INPUT, MODEL, ARGS, CONFIG",
    ),
    (
        "INSERT INTO s SELECT id, UPPR(txt) FROM v;",
        0,
        26,
        "No match found for function signature UPPR(<CHARACTER>); did you mean 'UPPER'?",
    ),
    (
        "INSERT INTO s SELECT id, UPPER(txt, txt) FROM v;",
        0,
        26,
        "Invalid number of arguments to function 'UPPER'. Was expecting 1 arguments",
    ),
    ("INSERT INTO s SELECT id, txt FROM v WHERE txt;", 0, 43, "WHERE needs a BOOLEAN condition"),
    ("INSERT INTO s SELECT id, txt FROM v WHERE id = 'x';", 0, 46, "Cannot apply '='"),
    (
        "INSERT INTO s SELECT a.id, a.txt FROM v a JOIN v b ON a.id = b.id WHERE id > 1;",
        0,
        73,
        "Column 'id' is ambiguous",
    ),
    ("INSERT INTO s SELECT q.id, txt FROM v;", 0, 22, "Table 'q' not found"),
    (
        "INSERT INTO v SELECT id, txt FROM v;",
        0,
        13,
        "Sink 'default_catalog.default_database.v' does not exists: 'v' is a view; INSERT INTO "
        "needs a table",
    ),
    (
        "INSERT INTO s SELECT id, label FROM s;",
        0,
        37,
        "table 's' uses the 'print' connector, which can only be written to",
    ),
    (
        "CREATE VIEW v2 (a, b, c) AS SELECT id, txt FROM v;",
        0,
        13,
        "view 'v2' declares 3 columns (a, b, c) but its query returns 2 (id, txt)",
    ),
    ("CREATE VIEW v (a) AS VALUES (1);", 0, 13, "table or view 'v' already exists"),
    # in one file a view cannot read one declared below it (Flink's order), so no cycle:
    # cycles across files are in tests/test_statements.py
    (
        "CREATE VIEW c1 AS SELECT * FROM c2;\nCREATE VIEW c2 AS SELECT * FROM c1;",
        0,
        33,
        "Object 'c2' not found: this file declares it further down, at line 9",
    ),
    (
        "SET 'table.exec.async-ml-predict.timeot' = '1 s';",
        0,
        1,
        "unknown setting 'table.exec.async-ml-predict.timeot'",
    ),
    # a table's connector and options are checked where it is used (Flink's rule): here
    (
        "CREATE TABLE k (a INT) WITH ('connector' = 'kafka'); INSERT INTO k SELECT 1;",
        0,
        66,
        "unsupported connector 'kafka' for table 'k'; "
        "supported: blackhole, datagen, filesystem, print",
    ),
    (
        "CREATE TABLE p (a INT) WITH ('connector' = 'print', 'print-identifer' = 'x'); "
        "INSERT INTO p SELECT 1;",
        0,
        91,
        "unknown option 'print-identifer' for table 'p' (connector 'print'); "
        "did you mean 'print-identifier'?",
    ),
    # hints: the hint name, the hint's option key
    (
        "INSERT INTO s SELECT /*+ BROADCST(v) */ id, txt FROM v;",
        0,
        26,
        "Hint: BROADCST should be registered in the HintStrategyTable",
    ),
    (
        "INSERT INTO s /*+ OPTIONS('print-identifer' = 'x') */ SELECT id, txt FROM v;",
        0,
        27,
        "unknown option 'print-identifer' for table 's' (connector 'print')",
    ),
    (
        "INSERT INTO s SELECT id, txt FROM v /*+ OPTIONS('k' = 'v') */;",
        0,
        35,
        "View '`default_catalog`.`default_database`.`v`' cannot be enriched with new options",
    ),
    (
        "INSERT INTO s SELECT /*+ NEST_LOOP(v) */ a.id, b.txt FROM v AS a JOIN v AS b USING (id);",
        0,
        26,
        "cannot match the name of input tables or views:\n`v` in `NEST_LOOP`",
    ),
    # CREATE TABLE ... AS SELECT
    (
        "CREATE TEMPORARY TABLE c WITH ('connector' = 'print') AS SELECT 1 AS a;",
        0,
        1,
        "CREATE TABLE AS SELECT syntax does not support to create temporary table yet.",
    ),
    (
        "CREATE TABLE s WITH ('connector' = 'print') AS SELECT 1 AS a;",
        0,
        14,
        "table or view 's' already exists",
    ),
    (
        "CREATE TABLE c WITH ('connector' = 'print') AS SELECT nope FROM v;",
        0,
        55,
        "Column 'nope' not found in any table",
    ),
]


@pytest.mark.parametrize("statement, line, col, message", QUERY_ERRORS)
def test_query_errors(statement, line, col, message):
    errors = errors_of(BASE + statement)
    assert len(errors) == 1, errors
    got_line, got_col, got_message = errors[0]
    assert (got_line, got_col) == (BASE_LINES + 1 + line, col), got_message
    assert message in got_message


MODEL_HEAD = "CREATE MODEL m INPUT (`input` STRING) OUTPUT (`content` STRING) WITH (\n"
MODEL_OK = {
    "provider": "bailian",
    "endpoint": "https://dashscope-intl.aliyuncs.com/compatible-mode/v1/chat/completions",
    "api-key": "k",
    "model": "qwen-turbo",
}


def model_sql(head=MODEL_HEAD, **changes):
    options = {**MODEL_OK, **changes}
    body = ",\n".join(f"'{k}' = '{v}'" for k, v in options.items() if v is not None)
    return head + body + ");"


# (sql, line, col, message fragment)
MODEL_ERRORS = [
    (
        model_sql(endpont="x"),
        6,
        1,
        "unknown option 'endpont' for model 'm'; did you mean 'endpoint'?",
    ),
    (model_sql(model=None), 1, 14, "model 'm' is missing the required option 'model'"),
    (
        model_sql(provider="azure"),
        2,
        14,
        "expected one of bailian, openai-compat, dashscope, openai",
    ),
    (
        model_sql(endpoint="http://dashscope.aliyuncs.com/compatible-mode/v1/chat/completions"),
        3,
        14,
        "must use https (plain http is accepted only for loopback hosts",
    ),
    (
        model_sql(endpoint="https://dashscope.aliyuncs.com/compatible-mode/v1/rerank"),
        3,
        14,
        "is neither a chat endpoint",
    ),
    (
        model_sql(temperature="warm"),
        6,
        17,
        "invalid value for 'temperature' of model 'm': expected a number",
    ),
    (
        model_sql(**{"api-key": "${secret_values.missing_key}"}),
        4,
        14,
        "secret 'secret_values.missing_key' (environment variable MISSING_KEY) is not set",
    ),
    (
        model_sql(endpoint="${NO_SUCH_BASE}/compatible-mode/v1/chat/completions"),
        3,
        15,
        "variable 'NO_SUCH_BASE' is not set and has no default",
    ),
    (
        model_sql(head="CREATE MODEL m INPUT (a INT) OUTPUT (`content` STRING) WITH (\n"),
        1,
        23,
        "input column `a` of model 'm' should be STRING, but is a INT",
    ),
    (
        model_sql(head="CREATE MODEL m INPUT (a STRING) OUTPUT (o ARRAY<FLOAT>) WITH (\n"),
        1,
        41,
        "output column `o` of model 'm' should be STRING (or VARIANT), but is a ARRAY<FLOAT>",
    ),
    (
        model_sql(
            head="CREATE MODEL m INPUT (a STRING) OUTPUT (o STRING) WITH (\n",
            endpoint="https://x.example.com/compatible-mode/v1/embeddings",
        ),
        1,
        41,
        "output column `o` of model 'm' should be ARRAY<FLOAT>, but is a STRING",
    ),
    (model_sql(**{"error-handling-strategy": "SKIP"}), 6, 29, "expected one of RETRY, FAILOVER"),
]


# A model is checked where a statement uses it, as Flink does: each problem is reported at the
# use, and says where in the CREATE MODEL it is.
USE = (
    "\nCREATE VIEW v (txt) AS VALUES ('a');\n"
    "CREATE TABLE s (c STRING) WITH ('connector' = 'print');\n"
    "INSERT INTO s SELECT content FROM ML_PREDICT(TABLE v, MODEL m, DESCRIPTOR(txt));"
)


@pytest.mark.parametrize("sql, line, col, message", MODEL_ERRORS)
def test_model_errors(sql, line, col, message):
    errors = errors_of(sql + USE)
    assert len(errors) == 1, errors
    assert errors[0][:2] == (sql.count("\n") + 4, 61), errors[0][2]
    assert message in errors[0][2] and f"(at t.sql:{line}:{col})" in errors[0][2]


def test_loopback_http_and_variables_with_defaults():
    sql = model_sql(
        endpoint="${BASE:-http://127.0.0.1:8600}/compatible-mode/v1/embeddings",
        head="CREATE MODEL m INPUT (a STRING) OUTPUT (e ARRAY<FLOAT>) WITH (\n",
        dimension="64",
    )
    project = load_source(sql, "t.sql", {})
    model = project.models["m"]
    assert model.endpoint == "http://127.0.0.1:8600/compatible-mode/v1/embeddings"
    assert model.task == "embedding" and model.request == {"dimensions": 64}
    project = load_source(
        sql, "t.sql", {"BASE": "https://vpc-ap-southeast-1.dashscope.aliyuncs.com"}
    )
    assert project.models["m"].endpoint.startswith("https://vpc-ap-southeast-1")


def test_secret_reads_upper_cased_variable_and_never_prints():
    sql = model_sql(**{"api-key": "${secret_values.dashscope_api_key}"})
    project = load_source(sql, "t.sql", {"DASHSCOPE_API_KEY": "sk-very-secret"})
    model = project.models["m"]
    assert model.api_key.reveal() == "sk-very-secret"
    assert model.api_key_env == "DASHSCOPE_API_KEY"
    assert "sk-very-secret" not in repr(model) and "sk-very-secret" not in str(model.options)


def test_output_name_clash_gets_index_suffix():
    sql = BASE.replace("VALUES (1, 'good'), (2, 'bad')", "VALUES (1, 'good')").replace(
        "CREATE VIEW v (id, txt)", "CREATE VIEW v (content, txt)"
    ) + (
        "CREATE TABLE s2 (a STRING, b STRING, c STRING) WITH ('connector' = 'blackhole');\n"
        "CREATE VIEW p AS SELECT * FROM ML_PREDICT(TABLE v, MODEL m, DESCRIPTOR(txt));"
    )
    project = load_source(sql, "t.sql", {})
    assert project.views["p"].names == ("content", "txt", "content0")


def test_errors_of_every_file_together(tmp_path):
    (tmp_path / "a.sql").write_text("CREATE VIEW a AS SELECT nope FROM b;\n")
    (tmp_path / "b.sql").write_text("CREATE VIEW b AS VALUES (1);\nCREATE MODL x;\n")
    with pytest.raises(SqlError) as caught:
        load_project([tmp_path], environ={}, display_root=tmp_path)
    where = [(d.path, d.position.line) for d in caught.value.diagnostics]
    assert where == [("a.sql", 1), ("b.sql", 2)]


def test_variables_in_query_literals():
    sql = BASE + "CREATE VIEW w AS SELECT id FROM v WHERE txt = '${WANTED:-good}';"
    assert load_source(sql, "t.sql", {}).views["w"].root is not None
    errors = errors_of(BASE + "CREATE VIEW w AS SELECT id FROM v WHERE txt = '${WANTED}';")
    assert errors == [(BASE_LINES + 1, 48, "variable 'WANTED' is not set and has no default")]
    errors = errors_of(BASE + "CREATE VIEW w AS SELECT '${secret_values.k}' FROM v;", {"K": "shh"})
    assert errors[0][:2] == (BASE_LINES + 1, 26)
    assert "secret values can be used only in WITH options" in errors[0][2]


@pytest.mark.parametrize(
    "statement, col, message",
    [
        ("INSERT INTO s SELECT id, COUNT(*) FROM v;", 22, "Expression 'id' is not being grouped"),
        (
            "INSERT INTO s SELECT COUNT(*), txt FROM v GROUP BY id;",
            32,
            "Expression 'txt' is not being grouped",
        ),
        (
            "INSERT INTO s SELECT id, txt FROM v WHERE COUNT(*) > 1;",
            43,
            "Aggregate function COUNT is not allowed here",
        ),
        (
            "INSERT INTO s SELECT SUM(txt), txt FROM v GROUP BY txt;",
            22,
            # v's txt: 'good' and 'bad', VARCHAR(4) as Flink types that VALUES column
            "Cannot apply 'SUM' to arguments of type 'SUM(<VARCHAR(4)>)'. "
            "Supported form(s): 'SUM(<NUMERIC>)'",
        ),
    ],
)
def test_aggregate_errors(statement, col, message):
    (error,) = errors_of(BASE + statement)
    assert error[1] == col and message in error[2], error


def test_create_table_as_takes_its_columns_from_the_query():
    project = load_source(
        BASE + "CREATE TABLE c (n DOUBLE, id BIGINT) WITH ('connector' = 'print') "
        "AS SELECT txt, id, 'x' AS k FROM v;",
        "t.sql",
        {},
    )
    table = project.catalog.tables["c"]
    # the CREATE part's own column first, then the query's in its order (a declared type wins)
    assert [(c.name, str(c.type)) for c in table.columns] == [
        ("n", "DOUBLE"),
        ("txt", "VARCHAR(4) NOT NULL"),
        ("id", "BIGINT"),
        ("k", "CHAR(1) NOT NULL"),
    ]
    (insert,) = [i for i in project.inserts if i.sink.name == "c"]
    assert insert.statement.columns and [n for n, _ in insert.statement.columns] == [
        "txt",
        "id",
        "k",
    ]


def test_mistakes_above_a_syntax_error_are_reported_with_it_and_none_below():
    """Flink runs a file's statements in order and stops at the first mistake: one above a
    syntax error is its first. Both are reported (every mistake at once); statements below
    the syntax error are not planned (what they use may be the broken statement's)."""
    sql = (
        "CREATE TABLE snk (id INT) WITH ('connector' = 'print');\n"
        "INSERT INTO snk SELECT nope FROM (VALUES (1)) AS t(id);\n"
        "SELECT FROM WHERE;\n"
        "INSERT INTO snk SELECT also_nope FROM (VALUES (1)) AS t(id);\n"
    )
    with pytest.raises(SqlError) as caught:
        load_source(sql, "m.sql", {})
    assert [d.position.line for d in caught.value.diagnostics] == [2, 3]
