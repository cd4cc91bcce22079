"""UNNEST as Flink 2.3 runs it (checked on real Flink through the oracle): CROSS JOIN, `,` and
LEFT JOIN ... ON TRUE; WITH ORDINALITY; arrays, arrays of ROWs and maps; alone in FROM; over an
embedding; the plan node it builds; and Flink's refusals."""

import pytest

from bailian_assets.errors import SqlError
from bailian_assets.planning import plan as p
from bailian_assets.planning.project import load_source
from conftest import printed_lines

TAGS = (
    "CREATE TEMPORARY VIEW t(id, tags) AS VALUES (1, ARRAY['a', 'b']), "
    "(2, CAST(NULL AS ARRAY<STRING>)), (3, ARRAY['c']), (4, SPLIT('', ','));\n"
)


def insert(columns: str, query: str, views: str = TAGS) -> list[str]:
    return printed_lines(
        f"CREATE TEMPORARY TABLE out1 ({columns}) WITH ('connector' = 'print');\n"
        f"{views}INSERT INTO out1 {query};"
    )


def plan_error(sql: str) -> tuple[int, str]:
    with pytest.raises(SqlError) as caught:
        load_source(sql, "t.sql", {})
    diagnostic = caught.value.diagnostics[0]
    return diagnostic.position.line, diagnostic.message


def test_cross_join_and_comma_drop_rows_with_empty_or_null_arrays():
    expected = ["+I[1, a]", "+I[1, b]", "+I[3, c]"]
    assert (
        insert("id INT, tag STRING", "SELECT id, tag FROM t CROSS JOIN UNNEST(tags) AS u(tag)")
        == expected
    )
    assert insert("id INT, tag STRING", "SELECT id, tag FROM t, UNNEST(tags) AS u(tag)") == (
        expected
    )


def test_left_join_on_true_keeps_them_with_nulls():
    assert insert(
        "id INT, tag STRING, n INT",
        "SELECT id, tag, n FROM t LEFT JOIN UNNEST(tags) WITH ORDINALITY AS u(tag, n) ON TRUE",
    ) == ["+I[1, a, 1]", "+I[1, b, 2]", "+I[2, null, null]", "+I[3, c, 1]", "+I[4, null, null]"]


def test_maps_give_keys_and_values_in_insertion_order():
    views = "CREATE TEMPORARY VIEW t2(id, m) AS VALUES (1, MAP['x', 1, 'a', 2]);\n"
    assert insert(
        "id INT, k STRING, v INT, n INT",
        "SELECT id, k, v, n FROM t2 CROSS JOIN UNNEST(m) WITH ORDINALITY AS u(k, v, n)",
        views,
    ) == ["+I[1, x, 1, 1]", "+I[1, a, 2, 2]"]


def test_rows_become_columns_and_unnest_stands_alone():
    assert insert(
        "x INT, y STRING", "SELECT x, y FROM UNNEST(ARRAY[ROW(1, 'p'), ROW(2, 'q')]) AS u(x, y)", ""
    ) == ["+I[1, p]", "+I[2, q]"]
    assert insert(
        "x INT, n INT", "SELECT x, n FROM UNNEST(ARRAY[5, 6]) WITH ORDINALITY AS u(x, n)", ""
    ) == ["+I[5, 1]", "+I[6, 2]"]


def test_an_expression_over_the_left_row_and_then_a_filter_and_grouping():
    views = "CREATE TEMPORARY VIEW s(line) AS VALUES ('a b a'), ('b c');\n"
    assert insert(
        "word STRING, n BIGINT",
        "SELECT word, COUNT(*) FROM s CROSS JOIN UNNEST(SPLIT(line, ' ')) AS u(word) "
        "WHERE word <> 'c' GROUP BY word ORDER BY word",
        views,
    ) == ["+I[a, 2]", "+I[b, 2]"]


def test_columns_without_aliases_are_named_as_flink_names_them():
    line, message = plan_error(
        "CREATE TEMPORARY TABLE out1 (x STRING) WITH ('connector' = 'print');\n"
        + TAGS
        + "INSERT INTO out1 SELECT * FROM t CROSS JOIN UNNEST(tags);"
    )
    assert line == 3 and "EXPR$0: STRING" in message


def test_the_plan_has_an_unnest_node_over_the_left_rows():
    project = load_source(
        "CREATE TEMPORARY TABLE out1 (id INT, tag STRING) WITH ('connector' = 'print');\n"
        + TAGS
        + "INSERT INTO out1 SELECT id, tag FROM t LEFT JOIN UNNEST(tags) AS u(tag) "
        "ON TRUE;",
        "t.sql",
        {},
    )
    nodes = list(p.walk(project.inserts[0].query.root))
    unnest = next(n for n in nodes if isinstance(n, p.Unnest))
    assert unnest.keep_empty and unnest.ordinality is None
    assert [f.name for f in unnest.element_fields] == ["tag"]


@pytest.mark.parametrize(
    "query, expected",
    [
        (
            "SELECT x FROM (VALUES (ARRAY[1])) AS t(a) CROSS "
            "JOIN UNNEST(a) WITH ORDINALITY AS u(x)",
            "List of column aliases must have same degree as table; table has 2 columns ('EXPR$0', "
            "'ORDINALITY'), whereas alias list has 1 columns",
        ),
        (
            "SELECT x FROM (VALUES (1)) AS t(a) CROSS JOIN UNNEST(a) AS u(x)",
            "Cannot apply 'UNNEST' to arguments of type 'UNNEST(<INTEGER>)'",
        ),
        (
            "SELECT x FROM (VALUES (ARRAY[1])) AS t(a) RIGHT JOIN UNNEST(a) AS u(x) ON TRUE",
            "UNNEST joins as",
        ),
    ],
)
def test_refusals(query, expected):
    line, message = plan_error(
        "CREATE TEMPORARY TABLE out1 (x INT) WITH ('connector' = 'print');\n"
        f"INSERT INTO out1 {query};"
    )
    assert line == 2 and expected in message


def test_unnest_of_an_embedding():
    model = """CREATE MODEL embed INPUT (`input` STRING) OUTPUT (`embedding` ARRAY<FLOAT>) WITH (
  'provider' = 'openai', 'endpoint' = 'http://127.0.0.1:1/compatible-mode/v1/embeddings',
  'api-key' = 'sk-simulator', 'model' = 'text-embedding-v3', 'dimension' = '64');
CREATE TEMPORARY VIEW docs(id, body) AS VALUES (1, 'red apples');
"""
    lines = insert(
        "id INT, n INT, x FLOAT",
        "SELECT id, n, x FROM ML_PREDICT(TABLE docs, MODEL embed, DESCRIPTOR(body)) "
        "CROSS JOIN UNNEST(embedding) WITH ORDINALITY AS u(x, n) WHERE n = 11",
        model,
    )
    assert lines == ["+I[1, 11, 0.31622776]"]


def test_lineage_of_an_unnested_column_is_its_collection():
    from bailian_assets.integration.lineage import column_lineage

    project = load_source(
        "CREATE TABLE src (id INT, tags ARRAY<STRING>) WITH ('connector' = 'filesystem', "
        "'path' = 'src.json', 'format' = 'json');\n"
        "CREATE TEMPORARY TABLE out1 (id INT, tag STRING, n INT) WITH ('connector' = 'print');\n"
        "INSERT INTO out1 SELECT id, tag, n FROM src CROSS JOIN UNNEST(tags) WITH ORDINALITY "
        "AS u(tag, n);",
        "t.sql",
        {},
    )
    lineage = column_lineage(project.inserts[0].query)
    assert lineage == {"id": [("src", "id")], "tag": [("src", "tags")], "n": [("src", "tags")]}
