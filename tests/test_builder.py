"""The plan builder's scoping: WITH (common table expressions) and FROM (VALUES ...) AS t(a, b),
run end to end, and their mistakes located."""

import pytest

from bailian_assets.errors import SqlError
from bailian_assets.planning.project import load_source
from conftest import printed_lines

OUT = "CREATE TEMPORARY TABLE snk (a INT, b STRING) WITH ('connector' = 'print');\n"
DATA = "CREATE TEMPORARY VIEW t (x, s) AS VALUES (1, 'one'), (2, 'two'), (3, 'three');\n"


def rows(sql):
    return printed_lines(OUT + DATA + sql)


def errors(sql):
    with pytest.raises(SqlError) as caught:
        load_source(OUT + DATA + sql, "t.sql", {})
    return [(d.position.line, d.position.col, d.message) for d in caught.value.diagnostics]


def test_a_cte_is_read_like_a_table():
    assert rows(
        "INSERT INTO snk WITH big AS (SELECT x, s FROM t WHERE x > 1) "
        "SELECT x, s FROM big ORDER BY x;"
    ) == ["+I[2, two]", "+I[3, three]"]


def test_a_cte_sees_the_ones_before_it_and_takes_a_column_list():
    assert rows(
        "INSERT INTO snk WITH a (n, name) AS (SELECT x, s FROM t), "
        "b AS (SELECT n, name FROM a WHERE n = 2) SELECT n, name FROM b;"
    ) == ["+I[2, two]"]


def test_a_cte_read_twice_joins_with_itself():
    assert rows(
        "INSERT INTO snk WITH c AS (SELECT x, s FROM t) "
        "SELECT l.x, r.s FROM c l JOIN c r ON l.x + 1 = r.x ORDER BY l.x;"
    ) == ["+I[1, two]", "+I[2, three]"]


def test_a_cte_shadows_a_view_and_is_scoped_to_its_query():
    assert rows(
        "INSERT INTO snk WITH t AS (SELECT 7 AS x, 'seven' AS s) SELECT x, s FROM t;\n"
        "INSERT INTO snk SELECT x, s FROM t WHERE x = 1;"
    ) == ["+I[7, seven]", "+I[1, one]"]


def test_a_cte_in_a_subquery_and_in_a_view():
    assert rows(
        "CREATE TEMPORARY VIEW w AS WITH q AS (SELECT x, s FROM t) "
        "SELECT x, s FROM q WHERE x = 3;\n"
        "INSERT INTO snk SELECT x, s FROM (WITH q AS (SELECT x, s FROM w) "
        "SELECT x, s FROM q) AS sub;"
    ) == ["+I[3, three]"]


def test_values_in_from_with_column_aliases():
    assert rows(
        "INSERT INTO snk SELECT a + 1, b FROM (VALUES (1, 'x'), (2, 'y')) AS v(a, b) WHERE a > 1;"
    ) == ["+I[3, y]"]


def test_a_cte_is_not_visible_after_its_query():
    ((line, col, message),) = errors(
        "INSERT INTO snk WITH c AS (SELECT x, s FROM t) SELECT x, s FROM c;\n"
        "INSERT INTO snk SELECT x, s FROM c;"
    )
    assert (line, col) == (4, 34) and message.startswith("Object 'c' not found")


@pytest.mark.parametrize(
    "sql, col, message",
    [
        (
            "INSERT INTO snk SELECT a, b FROM (VALUES (1, 'x')) AS v(a, b, c);",
            34,
            "List of column aliases must have same degree as table",
        ),
        (
            "INSERT INTO snk WITH c (a) AS (SELECT x, s FROM t) SELECT a, s FROM c;",
            22,
            "List of column aliases must have same degree as table",
        ),
        (
            "INSERT INTO snk WITH c AS (SELECT x FROM t), c AS (SELECT x FROM t) SELECT x, 'a' "
            "FROM c;",
            46,
            "Duplicate name 'c' in WITH clause",
        ),
        (
            "INSERT INTO snk WITH c AS (SELECT x, s FROM t) SELECT y, s FROM c;",
            55,
            "Column 'y' not found in any table",
        ),
    ],
)
def test_mistakes_are_located(sql, col, message):
    ((line, got_col, got),) = errors(sql)
    assert (line, got_col) == (3, col) and got.startswith(message), got


KEYS = (
    "CREATE TEMPORARY VIEW l (k, x) AS VALUES (1, 'a1'), (2, 'a2');\n"
    "CREATE TEMPORARY VIEW r (k, y) AS VALUES (2, 'b2'), (3, 'b3');\n"
    "CREATE TEMPORARY TABLE three (k INT, x STRING, y STRING) WITH ('connector' = 'print');\n"
)


def test_order_by_a_from_clause_column_that_is_not_selected():
    assert rows("INSERT INTO snk SELECT 0, s FROM t ORDER BY t.x DESC;") == [
        "+I[0, three]",
        "+I[0, two]",
        "+I[0, one]",
    ]
    assert rows("INSERT INTO snk SELECT x, s FROM t ORDER BY -t.x LIMIT 1;") == ["+I[3, three]"]


@pytest.mark.parametrize(
    "join, expected",
    [
        ("JOIN r USING (k)", ["+I[2, a2, b2]"]),
        ("FULL JOIN r USING (k)", ["+I[1, a1, null]", "+I[2, a2, b2]", "+I[3, null, b3]"]),
        ("RIGHT JOIN r USING (k)", ["+I[2, a2, b2]", "+I[3, null, b3]"]),
        ("NATURAL JOIN r", ["+I[2, a2, b2]"]),
    ],
)
def test_a_using_key_is_one_column_and_star_shows_it_once(join, expected):
    assert rows(KEYS + f"INSERT INTO three SELECT * FROM l {join} ORDER BY k;") == expected


def test_the_sides_of_a_using_key_stay_reachable_by_qualifier():
    assert rows(
        KEYS + "INSERT INTO three SELECT l.k, x, CAST(r.k AS STRING) FROM l "
        "LEFT JOIN r USING (k) ORDER BY k;"
    ) == ["+I[1, a1, null]", "+I[2, a2, 2]"]


SETS = (
    "CREATE TEMPORARY VIEW a (x) AS VALUES (1), (2), (2), (2), (CAST(NULL AS INT));\n"
    "CREATE TEMPORARY VIEW c (x) AS VALUES (2), (2), (3), (CAST(NULL AS INT));\n"
    "CREATE TEMPORARY TABLE nums (x INT) WITH ('connector' = 'print');\n"
)


@pytest.mark.parametrize(
    "operation, expected",
    [
        ("INTERSECT", ["+I[null]", "+I[2]"]),
        ("INTERSECT ALL", ["+I[null]", "+I[2]", "+I[2]"]),
        ("EXCEPT", ["+I[1]"]),
        ("EXCEPT ALL", ["+I[1]", "+I[2]"]),
    ],
)
def test_intersect_and_except_treat_nulls_as_equal_and_all_as_multisets(operation, expected):
    assert (
        rows(
            SETS + f"INSERT INTO nums SELECT x FROM (SELECT x FROM a {operation} "
            "SELECT x FROM c) ORDER BY x;"
        )
        == expected
    )


def test_intersect_binds_tighter_than_union():
    assert rows(
        SETS + "INSERT INTO nums SELECT x FROM (SELECT x FROM a WHERE x = 1 UNION "
        "SELECT x FROM a INTERSECT SELECT x FROM c) ORDER BY x;"
    ) == ["+I[null]", "+I[1]", "+I[2]"]


SUBQUERIES = (
    "CREATE TEMPORARY VIEW keep (x) AS VALUES (2), (3);\n"
    "CREATE TEMPORARY VIEW holes (x) AS VALUES (2), (CAST(NULL AS INT));\n"
)


@pytest.mark.parametrize(
    "where, expected",
    [
        ("x IN (SELECT x FROM keep)", ["+I[2, two]", "+I[3, three]"]),
        ("x NOT IN (SELECT x FROM keep)", ["+I[1, one]"]),
        ("x NOT IN (SELECT x FROM holes)", []),  # NULL among the values: never TRUE
        ("x NOT IN (SELECT x FROM keep WHERE x > 5)", ["+I[1, one]", "+I[2, two]", "+I[3, three]"]),
        ("EXISTS (SELECT 1 FROM keep WHERE x > 2)", ["+I[1, one]", "+I[2, two]", "+I[3, three]"]),
        ("x > (SELECT MIN(x) FROM keep)", ["+I[3, three]"]),
    ],
)
def test_uncorrelated_subqueries_in_where(where, expected):
    assert (
        rows(SUBQUERIES + f"INSERT INTO snk SELECT x, s FROM t WHERE {where} ORDER BY x;")
        == expected
    )


def test_a_scalar_subquery_in_the_select_list_is_null_without_rows():
    assert rows(
        SUBQUERIES + "INSERT INTO snk SELECT x - (SELECT MIN(x) FROM keep), "
        "CAST((SELECT x FROM keep WHERE x > 5) AS STRING) FROM t ORDER BY x;"
    ) == ["+I[-1, null]", "+I[0, null]", "+I[1, null]"]


def test_a_scalar_subquery_of_several_rows_fails_the_job_as_in_flink():
    from bailian_assets.errors import ExecutionError

    with pytest.raises(ExecutionError, match="more than one row"):
        rows(SUBQUERIES + "INSERT INTO snk SELECT (SELECT x FROM keep), s FROM t;")


@pytest.mark.parametrize(
    "subquery, one, value",
    [
        ("SELECT MIN(x) FROM keep", True, "2"),
        ("SELECT MIN(x) FROM keep HAVING MIN(x) > 5", True, "null"),  # the one row filtered
        ("SELECT x FROM keep ORDER BY x DESC LIMIT 1", True, "3"),
        ("SELECT x FROM keep WHERE x > 2", False, "3"),  # its rows counted when it runs
    ],
)
def test_a_scalar_subquery_of_at_most_one_row_by_its_plan(subquery, one, value):
    """A global aggregate or LIMIT 1 has at most one row whatever it reads: it joins lazily
    (`plan.at_most_one_row`), with the value, or NULL, that the checked way gives."""
    from bailian_assets.planning import plan as p

    sql = SUBQUERIES + f"INSERT INTO snk SELECT x, CAST(({subquery}) AS STRING) FROM t;"
    root = load_source(OUT + DATA + sql, "t.sql", {}).inserts[0].query.root
    (join,) = [n for n in p.walk(root) if isinstance(n, p.SubqueryJoin)]
    assert p.at_most_one_row(join.subquery) is one
    assert rows(sql) == [f"+I[{x}, {value}]" for x in (1, 2, 3)]
